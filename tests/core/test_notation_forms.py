"""The three notation forms: the text's own, the layer form and the net/out form (Mazur's worked example:
i1, net_h1, out_h1, w1…w8 numbered across the network, b1, b2, target_o1, E_o1, E_total), each name made
from a quantity key by Notation.name."""
from backprop_lab.core.model.notation import FORMS, Notation, in_form, seed004
from backprop_lab.core.model.quantity import Key, bias, neuron, weight

SIZES = [2, 2, 2]


def names(nt: Notation) -> dict[str, str]:
    keys = {"z": neuron("z", 1, 0), "a": neuron("a", 1, 1), "x": neuron("a", 0, 0), "d": neuron("delta", 2, 0),
            "W11": weight(1, 0, 0), "W21": weight(1, 1, 0), "W12": weight(1, 0, 1), "U22": weight(2, 1, 1),
            "U11": weight(2, 0, 0), "b": bias(1, None), "c": bias(2, 0), "y": Key("y", j=0),
            "E1": Key("loss_term", j=0), "E": Key("loss")}
    return {k: nt.name(v) for k, v in keys.items()}


def test_the_net_out_form_names_as_mazur_does():
    nt = in_form("netout", seed004(), SIZES)
    assert names(nt) == {"z": "net_h1", "a": "out_h2", "x": "i1", "d": "δ_o1", "W11": "w1", "W21": "w2",
                         "W12": "w3", "U22": "w8", "U11": "w5", "b": "b1", "c": "b2_o1", "y": "target_o1",
                         "E1": "E_o1", "E": "E_total"}
    # survives the copy every shown network is made by
    assert Notation.from_json(nt.to_json()).name(weight(2, 1, 1)) == "w8"


def test_the_three_forms_share_no_weight_or_neuron_name():
    forms = {f: names(in_form(f, seed004(), SIZES)) for f in FORMS}
    assert forms["text"]["U22"] == "U22" and forms["layer"]["U22"] == "W2[2,2]"
    assert forms["text"]["z"] == "z1" and forms["layer"]["z"] == "z1[1]" and forms["netout"]["z"] == "net_h1"
    for q in ("z", "a", "W11", "U22"):         # (seed 004 names δ as the layer form does)
        assert len({forms[f][q] for f in FORMS}) == 3


def test_more_hidden_layers_number_on():
    nt = in_form("netout", Notation(), [2, 3, 3, 1])
    assert nt.name(neuron("a", 2, 2)) == "out_h2_3"
    assert nt.name(weight(3, 2, 0)) == f"w{2 * 3 + 3 * 3 + 3}"
