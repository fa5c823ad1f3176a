"""The presets: each loads, is exactly what document.save writes, and is the network its seed describes.
Seed 004's printed numbers are checked against the engine to the printed digits; its slips are checked
as slips (the printed value is wrong, the note gives the right one)."""
import numpy as np
import pytest

from backprop_lab.core.io import document, presets
from backprop_lab.core.io.document import DocumentError
from backprop_lab.core.io.presets import DEFAULT, PRESET_DIR, list_presets, load_preset, preset_path, resolve
from backprop_lab.core.model.notation import seed004
from backprop_lab.core.numerics.engine import evaluate
from backprop_lab.core.numerics.training import Trainer
from backprop_lab.core.teaching.source_values import printed_matches, source_value, source_values

REQUIRED = {"seed000", "seed001", "seed002", "seed002_matrix", "seed003", "seed004", "xor"}


def shape(p):
    return ([p.net.n_inputs] + [s.size for s in p.net.layers], [s.activation for s in p.net.layers],
            [s.bias for s in p.net.layers], p.net.loss)


def test_every_seed_has_a_preset_and_the_default_is_seed_004():
    names = [n for n, _, _ in list_presets()]
    assert REQUIRED <= set(names)
    assert names == sorted(names)
    assert DEFAULT == "seed004" and DEFAULT in names
    assert PRESET_DIR == presets.Path(presets.__file__).resolve().parents[2] / "assets" / "presets"


@pytest.mark.parametrize("name", sorted(REQUIRED))
def test_a_preset_is_exactly_what_save_writes(name):
    p = load_preset(name)
    assert document.dumps(p) == preset_path(name).read_text("utf-8")
    assert p.name and len(p.description) > 80
    Trainer(p.copy().net, p.data, p.settings).run(3)     # the engine accepts it as it is


@pytest.mark.parametrize("name", ["seed000", "seed001", "seed002", "seed002_matrix", "seed003"])
def test_a_preset_whose_seed_prints_no_numbers_says_its_numbers_are_chosen(name):
    d = load_preset(name).description
    assert "prints no" in d and ("chosen" in d or "are those of" in d)


@pytest.mark.parametrize("name,expected", [
    ("seed004", ([2, 2, 2], ["sigmoid", "sigmoid"], ["none", "none"], "half_sse")),
    ("seed001", ([1, 1, 1], ["sigmoid", "sigmoid"], ["none", "none"], "mse")),
    ("seed002", ([2, 3, 2], ["sigmoid", "sigmoid"], ["neuron", "neuron"], "half_sse")),
    ("seed002_matrix", ([2, 3, 3, 2], ["sigmoid"] * 3, ["none"] * 3, "half_sse")),
    ("seed000", ([3, 3, 3, 3], ["relu", "sigmoid", "softmax"], ["neuron"] * 3, "cross_entropy")),
    ("seed003", ([2, 1], ["sigmoid"], ["neuron"], "mse")),
    ("xor", ([2, 2, 1], ["sigmoid", "sigmoid"], ["neuron", "neuron"], "half_sse")),
])
def test_each_preset_has_its_seeds_shape(name, expected):
    assert shape(load_preset(name)) == expected


def test_seed004_holds_the_texts_network_exactly():
    p = load_preset("seed004")
    net = p.net
    # W11 = .3, W21 = .25, W12 = .4, W22 = .35; U11 = .45, U21 = .4, U12 = .7, U22 = .6 (W[i][j]: i → j)
    assert net.W[0].tolist() == [[0.3, 0.4], [0.25, 0.35]]
    assert net.W[1].tolist() == [[0.45, 0.7], [0.4, 0.6]]
    assert p.data.X.tolist() == [[0.1, 0.2]] and p.data.Y.tolist() == [[0.4, 0.6]]
    assert p.settings.lr == 0.5 and p.settings.momentum == 0.0 and p.settings.mode == "sample"
    assert net.notation == seed004()
    assert net.param_names() == ["W11", "W12", "W21", "W22", "U11", "U12", "U21", "U22"]
    assert not net.frozen.any()


# ----- seed 004's printed numbers ------------------------------------------------------------------
SEED004 = load_preset("seed004")
NUMBERS = [(e, v) for e, v in source_values(SEED004) if v is not None]


def test_seed004_source_has_every_printed_number():
    printed = {(e["quantity"], e["printed"]) for e, _ in NUMBERS}
    assert {("z1[1]", "0.08"), ("z1[2]", "0.11"), ("a1[1]", "0.51998934"), ("a1[2]", "0.0.52747230"),
            ("z2[1]", "0.44498412"), ("z2[2]", "0.68047592"), ("a2[1]", "0.60944600"), ("a2[2]", "0.66384491"),
            ("loss_term[1]", "0.02193381"), ("loss_term[2]", "0.00203809"), ("loss", "0.02397190"),
            ("dE/dW2[1,1]", "0.02592286"),
            ("updated:W2[1,1]", "0.43703857"), ("updated:W2[2,1]", "0.38685205"),
            ("updated:W2[1,2]", "0.69629578"), ("updated:W2[2,2]", "0.59624247"),
            ("dE1/da1[1]", "0.02243370"), ("dE2/da1[1]", "0.00997311"), ("dE/da1[1]", "0.03240681"),
            ("da1[1]/dz1[1]", "0.24960043"), ("dE/dW1[1,1]", "0.00080888"), ("W1[1,1]", "0.2"),
            ("updated:W1[1,1]", "0.29959556"), ("updated:W1[2,1]", "0.24919112"),
            ("updated:W1[1,2]", "0.39964496"), ("updated:W1[2,2]", "0.34928991"),
            ("a1[2]", "0.527472304345"), ("loss", "0.0239719007517"), ("lr", "0.5")} <= printed


def _number_id(x):
    return x.get("quantity", "") + "=" + x.get("printed", "") if isinstance(x, dict) else ""


@pytest.mark.parametrize("entry,value", [(e, v) for e, v in NUMBERS if "note" not in e], ids=_number_id)
def test_seed004_printed_number_is_what_the_engine_computes(entry, value):
    assert printed_matches(entry["printed"], value), (entry, value)


@pytest.mark.parametrize("entry,value", [(e, v) for e, v in NUMBERS if "note" in e],
                         ids=lambda x: x.get("quantity", "") if isinstance(x, dict) else "")
def test_seed004_erratum_is_wrong_as_printed_and_its_note_gives_the_right_value(entry, value):
    assert not printed_matches(entry["printed"], value)
    decimals = len(entry["printed"].rsplit(".", 1)[1])
    assert f"{value:.{decimals}f}" in entry["note"]           # the right value, to the digits printed


def test_erratum_h2_double_zero():
    e = next(e for e, _ in NUMBERS if e["printed"] == "0.0.52747230")
    h2 = source_value(SEED004, "a1[2]")
    assert printed_matches("0.52747230", h2) and "0.52747230" in e["note"]


def test_erratum_w11_written_as_0_2():
    e = next(e for e, _ in NUMBERS if e["quantity"] == "W1[1,1]" and "note" in e)
    W11, g = source_value(SEED004, "W1[1,1]"), source_value(SEED004, "dE/dW1[1,1]")
    assert W11 == 0.3 and "0.3" in e["note"]
    assert printed_matches("0.29959556", W11 - 0.5 * g)           # the printed result is from 0.3 ...
    assert not printed_matches("0.29959556", 0.2 - 0.5 * g)       # ... not from the 0.2 written


def _text_entry(key):
    return [e for e in SEED004.source if e["quantity"] == key]


def test_erratum_t1_and_t2_take_h2_not_t2():
    net, st = SEED004.net, evaluate(SEED004.net, SEED004.data.X[0], SEED004.data.Y[0])
    (h1, h2), (t1, t2) = st.acts[1][0], st.zs[2][0]
    U = net.W[1]
    assert t1 == pytest.approx(U[0, 0] * h1 + U[1, 0] * h2)                # the engine's t1 takes h2
    assert printed_matches("0.44498412", U[0, 0] * h1 + U[1, 0] * h2)
    assert not printed_matches("0.44498412", U[0, 0] * h1 + U[1, 0] * t2)     # as printed: U21*t2
    assert printed_matches("0.68047592", U[0, 1] * h1 + U[1, 1] * h2)
    assert len(_text_entry("text:t1")) == 2 and len(_text_entry("text:t2")) == 1
    assert all("h2" in e["note"] for e in _text_entry("text:t1") + _text_entry("text:t2"))


def test_erratum_chain_rules_of_u12_and_w12_name_the_wrong_neuron():
    p, st = SEED004, evaluate(SEED004.net, SEED004.data.X[0], SEED004.data.Y[0])
    # ∂t1/∂U12 = 0 and ∂z1/∂W12 = 0, so the chains as printed would leave U12 and W12 where they were,
    # yet the text prints U12+ = 0.69629578 and W12+ = 0.39964496: the chains meant t2 and z2.
    assert st.dW[1][0, 1] == st.deltas[2][0, 1] * st.acts[1][0, 0] != 0
    assert not printed_matches("0.69629578", 0.7) and printed_matches("0.69629578", source_value(p, "updated:W2[1,2]"))
    assert not printed_matches("0.39964496", 0.4) and printed_matches("0.39964496", source_value(p, "updated:W1[1,2]"))
    assert "∂t2/∂U12" in _text_entry("text:dE/dU12")[0]["note"]
    assert "∂z2/∂W12" in _text_entry("text:dE/dW12")[0]["note"]


def test_erratum_mse_heading_over_a_half_sum_of_squares():
    note = _text_entry("text:loss")[0]["note"]
    assert "½" in note and "N = 2" in note
    st = evaluate(SEED004.net, SEED004.data.X[0], SEED004.data.Y[0])
    half = 0.5 * np.sum((st.y - st.output) ** 2)
    assert printed_matches("0.02397190", half) and SEED004.net.loss == "half_sse"
    three = np.array([0.1, 0.2, 0.3])   # with three outputs 1/N Σ and ½ Σ part ways
    assert np.sum(three ** 2) / 3 != 0.5 * np.sum(three ** 2)


def test_every_text_erratum_carries_a_note():
    texts = [e for e in SEED004.source if e["quantity"].startswith("text:")]
    assert len(texts) >= 7 and all(e.get("note") for e in texts)
    assert source_value(SEED004, "text:t1") is None


def test_evaluating_the_source_leaves_the_preset_untouched():
    p = load_preset("seed004")
    before = p.net.theta.copy()
    source_value(p, "updated:W1[1,1]")
    assert np.array_equal(p.net.theta, before)


# ----- the key scheme on every preset --------------------------------------------------------------
@pytest.mark.parametrize("name", sorted(REQUIRED))
def test_path_terms_sum_to_the_total_derivative(name):
    p = load_preset(name)
    net = p.net
    st = evaluate(net, p.data.X[0], p.data.Y[0])
    for l in range(0, net.depth):
        for j in range(1, net.sizes[l] + 1):
            parts = [source_value(p, f"dE{k}/da{l}[{j}]") for k in range(1, net.sizes[-1] + 1)]
            assert np.isclose(sum(parts), st.dE_da[l][0, j - 1], rtol=1e-12, atol=1e-15)


@pytest.mark.parametrize("name", sorted(REQUIRED))
@pytest.mark.parametrize("mode", ["sample", "batch"])
def test_updated_keys_agree_with_one_training_step(name, mode):
    p = load_preset(name)
    p.settings.mode = mode
    p.net.frozen[::2] = True       # frozen entries stay where they are
    want = [source_value(p, "updated:" + k) for k in _param_keys(p.net)]
    q = p.copy()
    Trainer(q.net, q.data, q.settings).run(1)
    assert want == q.net.theta.tolist()


def _param_keys(net):
    out = []
    for kind, l, i, j in net.param_keys():
        if kind == "W":
            out.append(f"W{l}[{i + 1},{j + 1}]")
        else:
            out.append(f"b{l}" if net.layers[l - 1].bias == "shared" else f"b{l}[{i + 1}]")
    return out


@pytest.mark.parametrize("key,value", [("z1[2]", 0.11), ("a0[2]", 0.2), ("y[2]", 0.6), ("W2[2,1]", 0.4),
                                       ("lr", 0.5), ("momentum", 0.0)])
def test_plain_keys_read_the_network(key, value):
    assert source_value(SEED004, key) == value


@pytest.mark.parametrize("key", ["W3[1,1]", "a1[3]", "z0[1]", "b1[1]", "dE/dW1[3,1]", "dE3/da1[1]",
                                 "da1[1]/dz1[2]", "delta0[1]", "nonsense"])
def test_a_key_that_names_nothing_is_a_key_error(key):
    with pytest.raises(KeyError):
        source_value(SEED004, key)


def test_bias_keys_on_a_preset_with_biases():
    p = load_preset("seed002")
    assert source_value(p, "b2[1]") == 0.2
    st = evaluate(p.net, p.data.X[0], p.data.Y[0])
    assert source_value(p, "dE/db1[3]") == st.db[0][2] == st.deltas[1][0, 2]


@pytest.mark.parametrize("printed,value,ok", [("0.08", 0.08, True), ("0.02243370", 0.022433700310377624, True),
                                              ("0.0224337", 0.022433700310377624, True),
                                              ("0.0.52747230", 0.5274723, False),
                                              ("0.2", 0.3, False), ("0.000", -1e-9, True), ("-0.5", -0.5, True),
                                              ("1e-3", 0.001, False), ("", 0.0, False)])
def test_printed_matches_rounds_to_the_printed_digits(printed, value, ok):
    assert printed_matches(printed, value) is ok


# ----- what the other presets claim ----------------------------------------------------------------
def test_seed000_first_layer_inputs_are_those_of_its_source():
    p = load_preset("seed000")
    st = evaluate(p.net, p.data.X[0], p.data.Y[0])
    assert np.allclose(st.zs[1][0], [1.35, 1.27, 1.8]) and "1.35, 1.27, 1.8" in p.description
    assert np.isclose(st.output.sum(), 1.0) and p.net.notation.neuron("z", 1, 0) == "h1_in1"


def test_seed002_matrix_w3_is_the_texts_2x3_transposed():
    p = load_preset("seed002_matrix")
    assert [w.shape for w in p.net.W] == [(2, 3), (3, 3), (3, 2)]
    assert "transpose" in p.description


def test_seed003_uses_momentum_and_learns_or():
    p = load_preset("seed003")
    assert p.settings.momentum == 0.5 and p.data.Y[:, 0].tolist() == [0, 1, 1, 1]
    assert printed_matches(next(e["printed"] for e in p.source if e["quantity"] == "momentum"), p.settings.momentum)
    t = Trainer(p.net, p.data, p.settings)
    t.run(2000)
    assert np.any(t.velocity != 0)
    o = evaluate(p.net, p.data.X, p.data.Y).output[:, 0]
    assert np.array_equal(o > 0.5, p.data.Y[:, 0] == 1)


def test_xor_learns_with_its_own_settings_as_its_description_says():
    p = load_preset("xor")
    assert p.data.X.tolist() == [[0, 0], [0, 1], [1, 0], [1, 1]] and p.data.Y[:, 0].tolist() == [0, 1, 1, 0]
    assert "about 2,300 steps" in p.description
    start = evaluate(p.net, p.data.X, p.data.Y).output[:, 0]
    assert not np.all(np.abs(start - p.data.Y[:, 0]) < 0.2)
    Trainer(p.net, p.data, p.settings).run(2300)
    o = evaluate(p.net, p.data.X, p.data.Y).output[:, 0]
    assert np.all(np.abs(o - p.data.Y[:, 0]) < 0.2)


# ----- finding a preset or a file ------------------------------------------------------------------
def test_resolve_takes_a_preset_name_or_a_path(tmp_path):
    assert resolve("seed004").net.W[0].tolist() == load_preset("seed004").net.W[0].tolist()
    document.save(load_preset("xor"), tmp_path / "mine.json")
    assert resolve(tmp_path / "mine.json").name == "XOR: 2-2-1"
    assert resolve(str(tmp_path / "mine.json")).name == "XOR: 2-2-1"


def test_resolve_says_what_it_is_neither():
    with pytest.raises(DocumentError, match=r"^'seed999' is neither a preset \(seed000, .*xor\) nor a file$"):
        resolve("seed999")


def test_resolve_passes_on_a_bad_files_message(tmp_path):
    (tmp_path / "bad.json").write_text("{}", "utf-8")
    with pytest.raises(DocumentError, match="^format: not a Backprop Lab file"):
        resolve(tmp_path / "bad.json")


@pytest.mark.parametrize("name", ["seed999", "../pyproject", "seed004.json", "", None])
def test_an_unknown_preset_name_is_refused(name):
    with pytest.raises(DocumentError, match="^unknown preset .* \\(one of seed000, "):
        load_preset(name)
