"""Saving and loading projects: exact round trips, one clear message per bad file, atomic writes."""
import copy
import json
import os
import stat

import numpy as np
import pytest
from hypothesis import given
from hypothesis import settings as hsettings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

from backprop_lab.core.io import atomic, document
from backprop_lab.core.io.document import DocumentError, dumps, from_json, load, loads, save, to_json
from backprop_lab.core.model.activations import ACTIVATIONS
from backprop_lab.core.model.dataset import Dataset
from backprop_lab.core.model.losses import LOSSES
from backprop_lab.core.model.network import BIAS_MODES, LayerSpec, Network
from backprop_lab.core.model.notation import QUANTITIES, Notation, seed004
from backprop_lab.core.model.project import Project
from backprop_lab.core.model.settings import MODES, Settings
from backprop_lab.core.numerics.engine import first_not_finite


def seed004_project() -> Project:
    net = Network(2, [LayerSpec(2, "sigmoid", "none"), LayerSpec(2, "sigmoid", "none")], "half_sse",
                  notation=seed004())
    net.W[0][...] = [[0.3, 0.4], [0.25, 0.35]]
    net.W[1][...] = [[0.45, 0.7], [0.4, 0.6]]
    return Project(net, Dataset([[0.1, 0.2]], [[0.4, 0.6]]), Settings(lr=0.5), "seed 004", "2-2-2",
                   [{"quantity": "a1[1]", "printed": "0.51998934"},
                    {"quantity": "a1[2]", "printed": "0.0.52747230", "note": "doubled 0.", "where": "text"}])


def biased_project() -> Project:
    """Every bias mode and a frozen mask, so the optional fields are exercised."""
    net = Network(3, [LayerSpec(2, "tanh", "neuron"), LayerSpec(3, "relu", "shared"),
                      LayerSpec(2, "softmax", "neuron")], "cross_entropy")
    net.theta[...] = np.linspace(-1.5, 2.5, net.n_params)
    net.frozen[::3] = True
    return Project(net, Dataset([[1, 2, 3], [-1, 0, 0.5]], [[1, 0], [0, 1]]),
                   Settings(lr=0.1, momentum=0.9, mode="minibatch", shuffle=True, batch_size=2, seed=7),
                   "biases", "every bias mode")


def assert_identical(a: Project, b: Project):
    na, nb = a.net, b.net
    assert na.same_shape(nb)
    assert na.theta.tobytes() == nb.theta.tobytes()          # bit for bit, -0.0 and subnormals included
    assert na.frozen.tobytes() == nb.frozen.tobytes()
    assert na.notation == nb.notation
    assert a.data.X.tobytes() == b.data.X.tobytes() and a.data.Y.tobytes() == b.data.Y.tobytes()
    assert repr(a.settings) == repr(b.settings)
    assert (a.name, a.description, a.source) == (b.name, b.description, b.source)
    assert (a.test is None) == (b.test is None)
    if a.test is not None:
        assert a.test.X.tobytes() == b.test.X.tobytes() and a.test.Y.tobytes() == b.test.Y.tobytes()


# ----- round trips ---------------------------------------------------------------------------------
@pytest.mark.parametrize("make", [seed004_project, biased_project])
def test_save_then_load_gives_the_same_project(tmp_path, make):
    p = make()
    save(p, tmp_path / "p.json")
    q = load(tmp_path / "p.json")
    assert_identical(p, q)
    assert q.net.W[0].tolist() == p.net.W[0].tolist()


def test_saving_twice_writes_the_same_text(tmp_path):
    p = biased_project()
    save(p, tmp_path / "a.json")
    save(load(tmp_path / "a.json"), tmp_path / "b.json")
    assert (tmp_path / "a.json").read_bytes() == (tmp_path / "b.json").read_bytes()


def test_the_file_reads_like_the_network(tmp_path):
    save(seed004_project(), tmp_path / "p.json")
    text = (tmp_path / "p.json").read_text("utf-8")
    doc = json.loads(text)
    assert doc["format"] == "backprop-lab" and doc["version"] == 2
    assert doc["layers"][1]["W"] == [[0.45, 0.7], [0.4, 0.6]]       # W[i][j]: from h_i to o_j (U11, U12 / U21, U22)
    assert "        [0.45, 0.7],\n" in text                           # one row of the matrix per line
    assert "b" not in doc["layers"][0] and "frozen_W" not in doc["layers"][0]


def test_frozen_and_shared_bias_are_written_per_layer():
    doc = to_json(biased_project())
    second = doc["layers"][1]
    assert second["bias"] == "shared" and len(second["b"]) == 1
    assert second["frozen_W"][0] == [False, True, False]
    assert isinstance(second["frozen_W"][0][0], bool)


def _floats(bound: float | None = None):
    return st.floats(min_value=None if bound is None else -bound, max_value=bound, allow_nan=False,
                     allow_infinity=False)


def _symbol():
    return st.text(min_size=1, max_size=4)


@st.composite
def projects(draw, bound: float | None = None):
    n_in = draw(st.integers(1, 4))
    depth = draw(st.integers(1, 4))
    specs = []
    for l in range(depth):
        options = [a for a in ACTIVATIONS if a != "softmax" or l == depth - 1]
        specs.append(LayerSpec(draw(st.integers(1, 4)), draw(st.sampled_from(options)),
                               draw(st.sampled_from(BIAS_MODES))))
    loss = draw(st.sampled_from([k for k, v in LOSSES.items() if v.requires in (None, specs[-1].activation)]))
    n_layers = draw(st.integers(0, depth + 1))
    notation = Notation(layers=[draw(st.dictionaries(st.sampled_from(QUANTITIES), _symbol())) for _ in range(n_layers)],
                        target=draw(_symbol()), loss=draw(_symbol()), delta=draw(_symbol()))
    net = Network(n_in, specs, loss, notation=notation)
    net.theta[...] = draw(arrays(float, net.n_params, elements=_floats(bound)))
    net.frozen[...] = draw(arrays(bool, net.n_params))
    n = draw(st.integers(1, 3))
    data = Dataset(draw(arrays(float, (n, n_in), elements=_floats(bound))),
                   draw(arrays(float, (n, specs[-1].size), elements=_floats(bound))))
    s = Settings(lr=draw(st.floats(min_value=0, exclude_min=True, allow_infinity=False)),
                 momentum=draw(st.floats(min_value=0, max_value=1, exclude_max=True)),
                 mode=draw(st.sampled_from(MODES)), shuffle=draw(st.booleans()),
                 batch_size=draw(st.integers(1, 10_000)), seed=draw(st.integers(0, 2 ** 63 - 1)))
    entry = st.fixed_dictionaries({"quantity": st.text(min_size=1, max_size=12), "printed": st.text(max_size=12)},
                                  optional={"note": st.text(max_size=20), "where": st.text(max_size=20)})
    return Project(net, data, s, draw(st.text(max_size=40)), draw(st.text(max_size=100)),
                   draw(st.lists(entry, max_size=3)))


def _round_trips_or_is_refused(p):
    """Whether save took it: then it loads back exactly, bit for bit. Save refuses (as load would) only a
    project whose forward values or loss overflow (core.numerics.engine.first_not_finite)."""
    try:
        text = dumps(p)
    except DocumentError as e:
        assert "every value of the forward and backward pass must be finite" in str(e)
        return False
    assert_identical(p, loads(text.encode("utf-8")))
    return True


@hsettings(max_examples=150, deadline=None)
@given(projects())
def test_any_project_round_trips_exactly(p):
    saved = _round_trips_or_is_refused(p)
    assert saved == (first_not_finite(p.net, p.data.X, p.data.Y) is None)


@hsettings(max_examples=100, deadline=None)
@given(projects(bound=1e12))
def test_any_project_of_moderate_numbers_round_trips_exactly(p):
    assert _round_trips_or_is_refused(p)


# ----- bad files: one clear line naming the field --------------------------------------------------
def _doc():
    return to_json(biased_project())


def _edit(path, value):
    def edit(doc):
        *parents, last = path
        target = doc
        for key in parents:
            target = target[key]
        if value is _DELETE:
            del target[last]
        else:
            target[last] = value
        return doc
    return edit


_DELETE = object()

BAD_DOCUMENTS = [
    (_edit(["layers", 1, "W"], [[1, 2, 3], [4, 5, 6], [7, 8, 9]]),
     "layers[2].W: expected 2×3 values (2 rows of 3), got 3 rows"),
    (_edit(["layers", 1, "W", 1], [1.0, 2.0]), "layers[2].W[2]: expected 3 values, got 2"),
    (_edit(["layers", 0, "W"], [1, 2, 3, 4, 5, 6]),
     "layers[1].W: expected 3×2 values (3 rows of 2), got a flat list of 6"),
    (_edit(["layers", 0, "W", 0, 1], "abc"), "layers[1].W[1][2]: must be a number, got text 'abc'"),
    (_edit(["layers", 0, "W", 0, 1], True), "layers[1].W[1][2]: must be a number, got true"),
    (_edit(["layers", 0, "W", 0, 1], None), "layers[1].W[1][2]: must be a number, got null"),
    (_edit(["layers", 0, "W", 0, 1], 10 ** 400), "layers[1].W[1][2]: must be a finite number"),
    (_edit(["layers", 0, "W", 0, 1], float("nan")), "layers[1].W[1][2]: must be a finite number, got nan"),
    (_edit(["layers", 0, "W", 0, 1], "__import__('os').system('true')"),
     "layers[1].W[1][2]: must be a number, got text"),
    (_edit(["inputs"], 0), "inputs: must be a whole number from 1 to 32, got 0"),
    (_edit(["inputs"], 33), "inputs: must be a whole number from 1 to 32, got 33"),
    (_edit(["inputs"], True), "inputs: must be a whole number from 1 to 32, got true"),
    (_edit(["inputs"], 2.0), "inputs: must be a whole number from 1 to 32, got 2.0"),
    (_edit(["layers", 1, "size"], 33), "layers[2].size: must be a whole number from 1 to 32, got 33"),
    (_edit(["layers"], []), "layers: must be a list of 1 to 8 layers after the input, got a list of 0"),
    (_edit(["layers"], [{}] * 9), "layers: must be a list of 1 to 8 layers after the input, got a list of 9"),
    (_edit(["layers", 0, "activation"], "swish"),
     "layers[1].activation: unknown activation 'swish' (one of identity, sigmoid"),
    (_edit(["layers", 0, "activation"], ["tanh"]), "layers[1].activation: unknown activation a list of 1"),
    (_edit(["layers", 0, "activation"], "softmax"),
     "layers[1].activation: softmax is only allowed on the output layer"),
    (_edit(["loss"], "hinge"), "loss: unknown loss 'hinge' (one of half_sse, sse, mse, cross_entropy, bce)"),
    (_edit(["loss"], "bce"), "loss: bce needs a sigmoid output layer, not softmax"),
    (_edit(["layers", 0, "bias"], "all"), "layers[1].bias: unknown bias mode 'all' (one of none, neuron, shared)"),
    (_edit(["layers", 0, "b"], _DELETE), "layers[1].b: missing (the layer's bias is \"neuron\")"),
    (_edit(["layers", 1, "b"], [0.5, 0.5]), "layers[2].b: expected 1 value, got 2"),
    (_edit(["layers", 0, "bias"], "none"), "layers[1].b: this layer has no bias (bias is \"none\")"),
    (_edit(["layers", 0, "frozen_W", 0, 0], 1), "layers[1].frozen_W[1][1]: must be true or false, got 1"),
    (_edit(["layers", 0, "W"], _DELETE), "layers[1].W: missing"),
    (_edit(["layers", 0, "colour"], "red"),
     "layers[1].colour: unknown field (known here: size, activation, bias, W, b"),
    (_edit(["data"], _DELETE), "data: missing"),
    (_edit(["settings", "lr"], _DELETE), "settings.lr: missing"),
    (_edit(["colour"], "red"), "colour: unknown field"),
    (_edit(["data", "inputs", 1], [1, 2]), "data.inputs[2]: expected 3 values, got 2"),
    (_edit(["data", "targets"], [[1, 0]]), "data: 2 samples of inputs but 1 of targets"),
    (_edit(["data", "inputs"], []),
     "data.inputs: must be a list of samples, each a list of 3 numbers, got a list of 0"),
    (_edit(["settings", "lr"], -0.5), "settings.lr: must be a positive number, got -0.5"),
    (_edit(["settings", "lr"], "0.5"), "settings.lr: must be a number, got text '0.5'"),
    (_edit(["settings", "momentum"], 1.0), "settings.momentum: must be at least 0 and below 1, got 1.0"),
    (_edit(["settings", "mode"], "adam"),
     "settings.mode: unknown update mode 'adam' (one of sample, minibatch, batch)"),
    (_edit(["settings", "shuffle"], "yes"), "settings.shuffle: must be true or false, got text 'yes'"),
    (_edit(["settings", "batch_size"], 2.0), "settings.batch_size: must be a whole number from 1 to 10000, got 2.0"),
    (_edit(["settings", "seed"], -1), "settings.seed: must be a whole number from 0 to"),
    (_edit(["notation", "layers"], [{"q": "x"}]), "notation.layers[0].q: unknown field"),
    (_edit(["notation", "layers"], [{}] * 5), "notation.layers: must be a list of at most 4 objects"),
    (_edit(["notation", "target"], ""), "notation.target: must not be empty"),
    (_edit(["source"], [{"quantity": "loss"}]), "source[1].printed: missing"),
    (_edit(["source"], [{"quantity": "loss", "printed": 0.5}]), "source[1].printed: must be text, got 0.5"),
    (_edit(["name"], 5), "name: must be text, got 5"),
    (_edit(["description"], "x" * 20_001), "description: is 20001 characters long; at most 20000 are allowed"),
    (_edit(["version"], 5), "made by a newer Backprop Lab (version 5); this one reads version 4"),
    (_edit(["version"], 0), "version: unknown version 0; this Backprop Lab reads version 4"),
    (_edit(["settings", "optimizer"], "rmsprop"), "settings.optimizer: unknown optimizer 'rmsprop' (one of sgd, adam)"),
    (_edit(["settings", "beta1"], 1.0), "settings.beta1: must be at least 0 and below 1, got 1.0"),
    (_edit(["settings", "eps"], 0.0), "settings.eps: must be a positive number, got 0.0"),
    (_edit(["settings", "weight_decay"], -0.1), "settings.weight_decay: must be at least 0, got -0.1"),
    (_edit(["settings", "batch_loss"], "median"),
     "settings.batch_loss: unknown batch loss 'median' (one of mean, sum)"),
    (_edit(["settings", "batch_loss"], _DELETE), "settings.batch_loss: missing"),
    (_edit(["version"], "1"), "version: must be a whole number, got text '1'"),
    (_edit(["version"], _DELETE), "version: must be a whole number, got null"),
    (_edit(["format"], "keras"), "format: not a Backprop Lab file (expected \"backprop-lab\", got text 'keras')"),
]


@pytest.mark.parametrize("edit,message", BAD_DOCUMENTS)
def test_a_bad_document_is_refused_with_a_message_naming_the_field(tmp_path, edit, message):
    doc = edit(copy.deepcopy(_doc()))
    with pytest.raises(DocumentError) as e:
        from_json(doc)
    assert message in str(e.value)
    assert "\n" not in str(e.value)
    # the same through a file, where the dictionary arrives as JSON text
    if not any(isinstance(x, float) and x != x for x in _leaves(doc)) and not _has_huge(doc):
        path = tmp_path / "bad.json"
        path.write_text(json.dumps(doc), "utf-8")
        with pytest.raises(DocumentError, match=None) as e2:
            load(path)
        assert message in str(e2.value)


def _leaves(v):
    if isinstance(v, dict):
        for x in v.values():
            yield from _leaves(x)
    elif isinstance(v, list):
        for x in v:
            yield from _leaves(x)
    else:
        yield v


def _has_huge(doc):
    return any(isinstance(x, int) and not isinstance(x, bool) and abs(x) > 2 ** 64 for x in _leaves(doc))


def _text_with(number_token: str) -> str:
    doc = _doc()
    doc["layers"][0]["W"][0][1] = 12345.5
    return json.dumps(doc).replace("12345.5", number_token)


@pytest.mark.parametrize("token", ["NaN", "Infinity", "-Infinity", "1e999", "-1e400", "1" * 500])
def test_nan_infinity_and_overflowing_numbers_in_the_text_are_refused_by_field(tmp_path, token):
    path = tmp_path / "nan.json"
    path.write_text(_text_with(token), "utf-8")
    with pytest.raises(DocumentError) as e:
        load(path)
    assert str(e.value).startswith("layers[1].W[1][2]: ")
    assert "is not a finite number" in str(e.value)


def test_nan_in_settings_or_data_is_named_too():
    text = json.dumps(_doc()).replace('"lr": 0.1', '"lr": NaN')
    with pytest.raises(DocumentError, match=r"^settings\.lr: NaN is not a finite number$"):
        loads(text)
    doc = _doc()
    doc["data"]["targets"][1][0] = 777.25
    with pytest.raises(DocumentError, match=r"^data\.targets\[2\]\[1\]: Infinity is not a finite number$"):
        loads(json.dumps(doc).replace("777.25", "Infinity"))


@pytest.mark.parametrize("raw,message", [
    (b"", "not a Backprop Lab file: not valid JSON (Expecting value at line 1, column 1)"),
    (b"format: backprop-lab\nversion: 1\n", "not a Backprop Lab file: not valid JSON"),
    (b'{"format": "backprop-lab",', "not valid JSON"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "not a Backprop Lab file: it holds binary data, not text"),
    (b'{"name": "\xff\xfe"}', "not a Backprop Lab file: not UTF-8 text"),
    (b"[1, 2, 3]", "not a Backprop Lab file: expected an object {...} at the top, got a list of 3"),
    (b'{"format": "backprop-lab", "format": "x"}', "the field 'format' appears twice in one object"),
    (b"[" * 200_000 + b"]" * 200_000, "not a Backprop Lab file: lists or objects nested too deeply"),
    (b"\x80\x04\x95cos\nsystem\n.", "not a Backprop Lab file: not UTF-8 text"),   # a pickle is never unpickled
])
def test_a_file_that_is_not_a_document_is_refused(tmp_path, raw, message):
    path = tmp_path / "x.json"
    path.write_bytes(raw)
    with pytest.raises(DocumentError) as e:
        load(path)
    assert message in str(e.value)
    assert "\n" not in str(e.value)


def test_a_50_mb_file_is_refused_before_it_is_read(tmp_path, monkeypatch):
    path = tmp_path / "big.json"
    with open(path, "wb") as f:
        f.truncate(50 * 2 ** 20)   # sparse: no time or disk spent writing it
    opened = []
    monkeypatch.setattr(document, "open", lambda *a, **k: opened.append(a), raising=False)
    with pytest.raises(DocumentError, match=r"^the file is 50\.0 MB; a Backprop Lab file is at most 5 MB$"):
        load(path)
    assert opened == []


def test_a_file_just_over_the_limit_is_refused_and_one_at_it_is_read(tmp_path):
    ok = dumps(seed004_project())
    at_limit = tmp_path / "at.json"
    at_limit.write_text(ok + " " * (document.MAX_BYTES - len(ok.encode("utf-8"))), "utf-8")
    assert at_limit.stat().st_size == document.MAX_BYTES
    assert load(at_limit).name == "seed 004"
    over = tmp_path / "over.json"
    over.write_text(ok + " " * (document.MAX_BYTES + 1 - len(ok.encode("utf-8"))), "utf-8")
    with pytest.raises(DocumentError, match="at most 5 MB"):
        load(over)


def test_missing_file_and_folder_have_their_messages(tmp_path):
    with pytest.raises(DocumentError, match="^no such file: .*nothing.json$"):
        load(tmp_path / "nothing.json")
    with pytest.raises(DocumentError, match="is a folder, not a file$"):
        load(tmp_path)


# ----- saving is atomic ----------------------------------------------------------------------------
def _folder_after_failed_save(tmp_path, monkeypatch, target, exc):
    path = tmp_path / "doc.json"
    save(seed004_project(), path)
    before = path.read_bytes()
    monkeypatch.setattr(*target, exc)
    with pytest.raises((DocumentError, KeyboardInterrupt)) as e:
        save(biased_project(), path)
    monkeypatch.undo()
    assert path.read_bytes() == before                       # the old file, whole
    assert sorted(os.listdir(tmp_path)) == ["doc.json"]      # and no temporary file left behind
    return e.value


def _raise(exc):
    def f(*args, **kwargs):
        raise exc
    return f


def test_a_failing_replace_leaves_the_old_file(tmp_path, monkeypatch):
    err = _folder_after_failed_save(tmp_path, monkeypatch, (os, "replace"),
                                    _raise(PermissionError(13, "Permission denied")))
    assert str(err).startswith("cannot save ") and str(err).endswith("doc.json: Permission denied")


def test_a_full_disk_while_writing_leaves_the_old_file(tmp_path, monkeypatch):
    err = _folder_after_failed_save(tmp_path, monkeypatch, (os, "fsync"),
                                    _raise(OSError(28, "No space left on device")))
    assert str(err).endswith("No space left on device")


def test_an_interrupt_while_writing_leaves_the_old_file(tmp_path, monkeypatch):
    err = _folder_after_failed_save(tmp_path, monkeypatch, (os, "fsync"), _raise(KeyboardInterrupt()))
    assert isinstance(err, KeyboardInterrupt)


def test_a_folder_that_refuses_new_files_gives_a_message(tmp_path, monkeypatch):
    monkeypatch.setattr(atomic, "_new_file", _raise(PermissionError(13, "Permission denied")))
    with pytest.raises(DocumentError, match="^cannot save .*p.json: Permission denied$"):
        save(seed004_project(), tmp_path / "p.json")
    assert os.listdir(tmp_path) == []


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root writes into read-only folders")
def test_a_read_only_folder_gives_a_message_and_no_file(tmp_path):
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(0o555)
    try:
        with pytest.raises(DocumentError, match="^cannot save "):
            save(seed004_project(), folder / "p.json")
        assert os.listdir(folder) == []
    finally:
        folder.chmod(0o755)


def test_a_project_with_nan_is_not_saved(tmp_path):
    path = tmp_path / "doc.json"
    save(seed004_project(), path)
    before = path.read_bytes()
    bad = seed004_project()
    bad.net.theta[5] = np.nan
    with pytest.raises(DocumentError, match=r"^layers\[2\]\.W\[1\]\[2\]: must be a finite number, got nan$"):
        save(bad, path)
    assert path.read_bytes() == before and os.listdir(tmp_path) == ["doc.json"]


@pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")
def test_a_saved_file_has_ordinary_permissions(tmp_path):
    path = tmp_path / "p.json"
    save(seed004_project(), path)
    assert stat.S_IMODE(path.stat().st_mode) == 0o644      # not mkstemp's 0600
    path.chmod(0o600)
    save(seed004_project(), path)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600      # an existing file keeps its own


def test_the_optimizer_settings_round_trip_and_a_version_1_file_takes_their_defaults(tmp_path):
    p = seed004_project()
    p.settings = Settings(lr=0.01, optimizer="adam", beta1=0.8, beta2=0.99, eps=1e-7, weight_decay=0.125,
                          batch_loss="sum", mode="batch")
    save(p, tmp_path / "adam.json")
    assert load(tmp_path / "adam.json").settings == p.settings
    doc = json.loads((tmp_path / "adam.json").read_text("utf-8"))
    doc["version"] = 1
    for k in ("optimizer", "beta1", "beta2", "eps", "weight_decay", "batch_loss"):
        del doc["settings"][k]
    old = from_json(doc).settings
    assert (old.optimizer, old.beta1, old.beta2, old.eps, old.weight_decay, old.batch_loss) == \
        ("sgd", 0.9, 0.999, 1e-8, 0.0, "mean")
    assert old.lr == 0.01 and old.mode == "batch"
