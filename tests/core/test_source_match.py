"""Matches the source: every number seed 004 prints matches the engine except the recorded errata, which
are flagged with the right value; a number that is wrong without a note is told apart from an erratum."""
import pytest

from backprop_lab.core.io.presets import load_preset, names
from backprop_lab.core.model.dataset import Dataset
from backprop_lab.core.model.network import LayerSpec, Network
from backprop_lab.core.model.notation import seed004 as notation004
from backprop_lab.core.model.project import Project
from backprop_lab.core.model.settings import Settings
from backprop_lab.core.teaching.source_match import item_of, match, printed_digits, value_of

SEED004_ERRATA = {("a1[2]", "0.0.52747230"): "0.52747230", ("W1[1,1]", "0.2"): "0.3"}


def built004(source):
    """Seed 004 written out here, independent of the preset file."""
    net = Network(2, [LayerSpec(2, "sigmoid", "none"), LayerSpec(2, "sigmoid", "none")], "half_sse",
                  notation=notation004())
    net.W[0][...] = [[0.3, 0.4], [0.25, 0.35]]
    net.W[1][...] = [[0.45, 0.7], [0.4, 0.6]]
    return Project(net, Dataset([[0.1, 0.2]], [[0.4, 0.6]]), Settings(lr=0.5), "seed 004", "", source)


def test_seed004_preset_matches_except_its_errata():
    found = match(load_preset("seed004"))
    numbers = [m for m in found if m.status != "text"]
    assert len(numbers) == 49 + len(SEED004_ERRATA)
    for m in numbers:
        if (m.quantity, m.printed) in SEED004_ERRATA:
            assert (m.status, m.matches, m.right) == ("erratum", False, SEED004_ERRATA[(m.quantity, m.printed)])
            assert m.note
        else:
            assert (m.status, m.matches) == ("match", True), m
            assert m.right == m.printed
    assert {m.status for m in found} == {"match", "erratum", "text"}
    assert all(m.note and m.value is None for m in found if m.status == "text")


def test_the_printed_digits_decide_a_match():
    source = [{"quantity": "z1[1]", "printed": "0.08"},
              {"quantity": "a1[1]", "printed": "0.519989340156"},
              {"quantity": "loss_term[2]", "printed": "0.00203808624719"},
              {"quantity": "dE1/da1[1]", "printed": "0.02243370"},
              {"quantity": "dE/dU11", "printed": "0.02592286"},              # the network's own name
              {"quantity": "updated:W1[1,2]", "printed": "0.39964496"},
              {"quantity": "a1[2]", "printed": "0.52747231"},                # one digit off, no note
              {"quantity": "a1[2]", "printed": "0.0.52747230", "note": "doubled 0."},
              {"quantity": "W1[1,1]", "printed": "0.3", "note": "stale note"},
              {"quantity": "z9[1]", "printed": "1.0"},
              {"quantity": "text:t1", "printed": "t_1 = U_{11}*h_1 + U_{21}*t_2", "note": "h2, not t2"}]
    found = match(built004(source))
    assert [m.status for m in found] == ["match"] * 6 + ["mismatch", "erratum", "note_but_matches", "unknown", "text"]
    assert [m.digits for m in found[:3]] == [2, 12, 14]
    assert found[6].right == "0.52747230" and found[7].right == "0.52747230"
    assert found[0].item == ("n", 1, 0) and found[3].item == ("n", 1, 0) and found[5].item == ("W", 1, 0, 1)


def test_printed_digits():
    assert [printed_digits(t) for t in ("0.08", "0.0.52747230", "12", "−0.5", "abc", "t_1 = x")] == \
        [2, 8, 0, 1, None, None]


def test_value_of_takes_source_keys_and_the_networks_names():
    net = built004([]).net
    x, y = [0.1, 0.2], [0.4, 0.6]
    g = value_of(net, x, y, 0.5, "dE/dW2[1,1]")
    assert round(g, 8) == 0.02592286
    assert value_of(net, x, y, 0.5, "grad:U11") == g == value_of(net, x, y, 0.5, "dE/dU11")
    assert round(value_of(net, x, y, 0.5, "updated:U11"), 8) == 0.43703857
    assert round(value_of(net, x, y, Settings(lr=0.5), "dE2/da1[1]"), 8) == 0.00997311
    assert value_of(net, x, y, 0.5, "lr") == 0.5 and value_of(net, x, y, 0.5, "W21") == 0.25
    with pytest.raises(KeyError):
        value_of(net, x, y, 0.5, "z9[1]")


def test_deeper_per_output_paths_come_from_the_presets_lookup():
    p = load_preset("seed002_matrix")      # 2-3-3-2: dE1/da1[1] is not a step of the walk
    v = value_of(p.net, p.data.X[0], p.data.Y[0], p.settings, "dE1/da1[1]")
    w = value_of(p.net, p.data.X[0], p.data.Y[0], p.settings, "dE2/da1[1]")
    assert v + w == pytest.approx(value_of(p.net, p.data.X[0], p.data.Y[0], p.settings, "dE/da1[1]"), rel=1e-12)


def test_item_of():
    assert [item_of(q) for q in ("W1[2,1]", "a1[2]", "dE1/da1[1]", "da1[1]/dz1[1]", "loss", "b2", "updated:b1[2]",
                                 "dE/dW2[1,2]", "delta2[2]", "lr", "via:W3[2,1]", "a0[2]")] == \
        [("W", 1, 1, 0), ("n", 1, 1), ("n", 1, 0), ("n", 1, 0), None, ("b", 2, 0), ("b", 1, 1),
         ("W", 2, 0, 1), ("n", 2, 1), None, ("W", 3, 1, 0), ("n", 0, 1)]


@pytest.mark.parametrize("preset", names())
def test_no_preset_prints_an_unrecorded_mismatch_or_an_unknown_key(preset):
    found = match(load_preset(preset))
    assert [m for m in found if m.status in ("mismatch", "unknown", "note_but_matches")] == []
