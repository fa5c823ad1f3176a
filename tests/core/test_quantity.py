"""The quantity key (core.model.quantity): the one reader and writer of the text keys that preset files
and the trace's CSV header use. Every string those formats hold must read into a key and write back
unchanged, or the files would not load as before."""
from __future__ import annotations

import pytest

from backprop_lab.core.io.presets import load_preset, names
from backprop_lab.core.model.notation import seed004
from backprop_lab.core.model.quantity import Key, bias, neuron, weight
from backprop_lab.core.numerics.trace import column_names, parameter_columns, storage_layout
from backprop_lab.core.teaching.walkthrough import walk

PRESETS = names()


@pytest.mark.parametrize("preset", PRESETS)
def test_every_column_source_key_and_walk_quantity_of_a_preset_round_trips(preset):
    p = load_preset(preset)
    texts = column_names(p.net) + [e["quantity"] for e in p.source]
    texts += [s.quantity for s in walk(p.net, p.data.X[0], p.data.Y[0], p.settings)]
    for text in texts:
        key = Key.parse(text)
        assert str(key) == text and Key.parse(str(key)) == key


def test_the_trace_header_is_as_before():
    """The CSV header of seed 004's 2-2-2 net, written out: old files must keep loading."""
    net = load_preset("seed004").net
    want = ("step sample loss a0[1] a0[2] y[1] y[2] z1[1] z1[2] a1[1] a1[2] W1[1,1] W1[1,2] W1[2,1] W1[2,2] "
            "delta1[1] delta1[2] dE/dW1[1,1] dE/dW1[1,2] dE/dW1[2,1] dE/dW1[2,2] z2[1] z2[2] a2[1] a2[2] "
            "W2[1,1] W2[1,2] W2[2,1] W2[2,2] delta2[1] delta2[2] dE/dW2[1,1] dE/dW2[1,2] dE/dW2[2,1] dE/dW2[2,2]")
    assert column_names(net) == want.split()


def test_shared_and_per_neuron_biases_keep_their_names_and_places():
    from backprop_lab.core.model.network import LayerSpec, Network
    net = Network(2, [LayerSpec(3, "tanh", "neuron"), LayerSpec(1, "sigmoid", "shared")], "half_sse")
    cols = column_names(net)
    assert parameter_columns(net)[6:9] == ["b1[1]", "b1[2]", "b1[3]"] and parameter_columns(net)[-1] == "b2"
    assert "dE/db2" in cols and "dE/db1[3]" in cols
    layout = storage_layout(cols)
    at = {c: int(layout[k]) for k, c in enumerate(cols)}
    # parameters in theta order, then their gradients in the same order, then z, a, δ, then x and y
    params = parameter_columns(net)
    assert [at[c] for c in params] == list(range(3, 3 + len(params)))
    assert [at["dE/d" + c] for c in params] == list(range(3 + len(params), 3 + 2 * len(params)))
    assert at["z1[1]"] < at["a1[1]"] < at["delta1[1]"] < at["z2[1]"] < at["a0[1]"] < at["y[1]"]


KEYS = {
    "W2[1,2]": weight(2, 0, 1), "b1[3]": bias(1, 2), "b1": bias(1, None), "a0[2]": neuron("a", 0, 1),
    "z1[1]": neuron("z", 1, 0), "delta2[1]": neuron("delta", 2, 0), "dE/da1[2]": neuron("dE/da", 1, 1),
    "y[2]": Key("y", j=1), "loss_term[1]": Key("loss_term", j=0), "loss": Key("loss"),
    "dE/dW1[2,1]": weight(1, 1, 0).about("dE/d"), "dE/db1": bias(1, None).about("dE/d"),
    "dE2/da1[1]": Key("dE_k/da", 1, 1, 0), "da1[2]/dz1[2]": Key("da/dz", 1, None, 1),
    "updated:W2[1,1]": Key("updated:W", 2, 0, 0), "velocity:b2[1]": Key("velocity:b", 2, None, 0),
    "via:W2[1,2]": Key("via:W", 2, 0, 1), "updated:loss": Key("updated:loss"), "lr": Key("lr"),
    "text:σ'(z) = σ(1+σ)": Key("text", text="σ'(z) = σ(1+σ)"),
}


@pytest.mark.parametrize("text", KEYS)
def test_each_form_reads_into_its_key(text):
    assert Key.parse(text) == KEYS[text] and str(KEYS[text]) == text


@pytest.mark.parametrize("text", ["W1[1]", "b1[1,2]", "via:b1[1]", "da1[1]/dz1[2]", "z01[1]", "a1[0]",
                                  "x1", "W1[1,1] ", "dE/dloss", "velocity:loss", ""])
def test_what_is_not_a_key_is_refused(text):
    with pytest.raises(KeyError):
        Key.parse(text)


def test_items_and_names_come_from_keys():
    assert Key.parse("updated:b1").item == ("b", 1, 0) and Key.parse("dE3/da1[2]").item == ("n", 1, 1)
    assert Key.parse("via:W2[2,1]").item == ("W", 2, 1, 0) and Key.parse("loss").item is None
    nt = seed004()
    assert [nt.name(Key.parse(t)) for t in ("W2[1,1]", "a1[2]", "z2[1]", "a0[1]", "y[2]", "loss")] == \
        ["U11", "h2", "t1", "x1", "y2", "E"]
