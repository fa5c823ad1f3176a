"""Check your own answer: the seed-004 exercises accept the text's numbers, reject wrong ones, and name the
mistake a wrong answer comes from. The wrong answers are worked out here by hand from the seed's printed
numbers, the way a learner would get them, not taken from the module."""
import math

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

from backprop_lab.core.io.presets import load_preset, names
from backprop_lab.core.model.losses import LOSSES
from backprop_lab.core.model.network import BIAS_MODES, LayerSpec, Network
from backprop_lab.core.model.settings import Settings
from backprop_lab.core.teaching.exercises import (
    VERDICT_PARAMS,
    check,
    default_sequence,
    digits_for,
    exercise_set,
    exercises,
    verdict_key,
)

SEED004_ORDER = [
    "z1[1]", "z1[2]", "a1[1]", "a1[2]", "z2[1]", "z2[2]", "a2[1]", "a2[2]", "loss_term[1]", "loss_term[2]", "loss",
    "dE/dW2[1,1]", "updated:W2[1,1]", "updated:W2[2,1]", "updated:W2[1,2]", "updated:W2[2,2]",
    "dE1/da1[1]", "dE2/da1[1]", "dE/da1[1]", "da1[1]/dz1[1]", "dE/dW1[1,1]",
    "updated:W1[1,1]", "updated:W1[2,1]", "updated:W1[1,2]", "updated:W1[2,2]",
]

# seed 004's printed numbers
X1, H1, Z1 = 0.1, 0.51998934, 0.08
O1, Y1, O2, Y2 = 0.60944600, 0.4, 0.66384491, 0.6
DE_DO1 = -(Y1 - O1)                      # 0.209446
D_O1 = O1 * (1 - O1)                     # σ′ of o1
PATH1, PATH2, DE_DH1 = 0.02243370, 0.00997311, 0.03240681
D_H1 = 0.24960043
U11, W11, LR = 0.45, 0.3, 0.5
G_U11, G_W11 = 0.02592286, 0.00080888


@pytest.fixture(scope="module")
def seed004():
    return {e.quantity: e for e in exercise_set(load_preset("seed004"), set_id="seed004")}


def verdict(seed004, quantity, answer):
    return check(seed004[quantity], answer)


def test_the_seed004_set_follows_the_worked_example_in_order():
    exs = exercise_set(load_preset("seed004"), set_id="seed004")
    assert [e.quantity for e in exs] == SEED004_ORDER
    assert [e.id for e in exs] == [f"seed004:{q}" for q in SEED004_ORDER]
    assert [e.name for e in exs][:6] == ["z1", "z2", "h1", "h2", "t1", "t2"]
    assert exs[11].prompt == "Compute ∂E_tot/∂U11 to 4 decimal places."


def test_every_number_the_seed_prints_is_accepted(seed004):
    project = load_preset("seed004")
    checked = 0
    for entry in project.source:
        q = entry["quantity"]
        if q in seed004 and not entry.get("note"):
            v = check(seed004[q], float(entry["printed"]))
            assert v.correct, (q, entry["printed"], v.mistake, v.params)
            checked += 1
    assert checked >= len(SEED004_ORDER) - 1   # h2 is printed wrongly ("0.0.52747230")
    assert check(seed004["a1[2]"], 0.52747230).correct


def test_the_tolerance_is_stated_and_enforced(seed004):
    t1 = seed004["z2[1]"]
    assert (t1.digits, t1.tolerance) == (4, 0.00005)
    assert check(t1, 0.4450).correct and check(t1, 0.44498412 + 0.00004).correct
    wrong = check(t1, 0.44498412 + 0.00006)
    assert not wrong.correct and wrong.params["tolerance"] == "0.00005"
    assert check(t1, 0.4450).params == {"quantity": "t1", "tolerance": "0.00005", "digits": "4"}
    small = seed004["dE/dW1[1,1]"]           # 0.00080888: 4 decimals would leave one significant digit
    assert small.digits == 6 and check(small, 0.000809).correct and not check(small, 0.0008).correct


def test_a_wrong_answer_is_rejected(seed004):
    v = verdict(seed004, "z2[1]", 1.0)
    assert not v.correct and v.mistake is None
    assert v.params == {"quantity": "t1", "tolerance": "0.00005", "digits": "4"}
    nan = verdict(seed004, "z2[1]", math.nan)
    assert not nan.correct and nan.mistake is None


def test_missing_activation_derivative_is_named(seed004):
    v = verdict(seed004, "dE/dW2[1,1]", DE_DO1 * H1)           # −(y1−o1)·h1: σ′ of o1 dropped
    assert (v.correct, v.mistake) == (False, "missing_act_grad")
    assert v.params["factor"] == "o1(1 − o1)" and v.params["neuron"] == "o1"
    assert v.params["where"] == "∂E_tot/∂U11"
    hidden = verdict(seed004, "dE/dW1[1,1]", DE_DH1 * X1)       # h1(1−h1) dropped
    assert hidden.mistake == "missing_act_grad" and hidden.params["factor"] == "h1(1 − h1)"
    update = verdict(seed004, "updated:W2[1,1]", U11 - LR * DE_DO1 * H1)
    assert update.mistake == "missing_act_grad" and update.params["where"] == "∂E_tot/∂U11"


def test_wrong_sign_is_named(seed004):
    flipped = verdict(seed004, "dE/dW2[1,1]", -G_U11)           # (y1 − o1) instead of −(y1 − o1)
    assert (flipped.mistake, flipped.params["variant"]) == ("wrong_sign", "flipped")
    assert flipped.params["error"] == "−(y1 − o1)"
    added = verdict(seed004, "updated:W2[1,1]", U11 + LR * G_U11)
    assert (added.mistake, added.params["variant"]) == ("wrong_sign", "added")
    assert added.params["gradient"] == "∂E_tot/∂U11"


def test_forgetting_a_path_is_named_with_the_path_missing(seed004):
    only_first = verdict(seed004, "dE/da1[1]", PATH1)
    assert only_first.mistake == "missing_path"
    assert (only_first.params["via"], only_first.params["missing"], only_first.params["path"]) == ("o2", "∂E2/∂h1", "2")
    assert verdict(seed004, "dE/da1[1]", PATH2).params["via"] == "o1"
    w = verdict(seed004, "dE/dW1[1,1]", PATH1 * D_H1 * X1)
    assert w.mistake == "missing_path" and w.params["via"] == "o2" and w.params["where"] == "∂E_tot/∂h1"
    u = verdict(seed004, "updated:W1[1,1]", W11 - LR * PATH2 * D_H1 * X1)
    assert u.mistake == "missing_path" and u.params["via"] == "o1"


@pytest.mark.parametrize("quantity, answer, code, params", [
    ("updated:W2[1,1]", U11 - G_U11, "missing_lr", {"lr": "0.5"}),
    ("updated:W2[1,1]", -LR * G_U11, "update_only", {"param": "U11", "old": "0.45"}),
    ("dE/dW1[1,1]", DE_DH1 * D_H1 * H1, "wrong_input", {"used": "h1", "right": "x1"}),
    ("dE/dW2[1,1]", G_U11 / H1, "missing_input", {"factor": "h1"}),
    ("da1[1]/dz1[1]", Z1 * (1 - Z1), "used_z", {"used": "z1", "right": "h1"}),
    ("a1[1]", Z1, "missing_activation", {"z": "z1"}),
    ("a1[1]", 1 - H1, "wrong_sign", {"variant": "exponent"}),
    ("loss_term[1]", (Y1 - O1) ** 2, "missing_half", {}),
    ("loss", 0.02193381, "missing_term", {"missing": "E2"}),
    ("z2[1]", 0.45 * H1 + 0.7 * 0.52747230, "swapped_indices", {"used": "U11, U12"}),
    ("z2[1]", 0.45 * Z1 + 0.4 * 0.11, "used_z", {"used": "z1, z2", "right": "h1, h2"}),
    ("dE1/da1[1]", DE_DO1 * D_O1 * 0.4, "wrong_weight", {"used": "U21", "right": "U11"}),
])
def test_more_mistakes_are_named(seed004, quantity, answer, code, params):
    v = verdict(seed004, quantity, answer)
    assert not v.correct and v.mistake == code, v.params
    assert params.items() <= v.params.items()


def test_a_near_miss_is_called_close(seed004):
    v = verdict(seed004, "z2[1]", 0.4452)
    assert (v.correct, v.mistake) == (False, "close")


def test_momentum_and_frozen_mistakes():
    p = load_preset("seed003")
    x, y, s = p.data.X[1], p.data.Y[1], p.settings          # x = (0, 1), y = 1, μ = 0.5, η = 0.5
    v0 = np.array([0.0, 0.04, 0.0])
    ex = exercises(p.net, x, y, s, ["updated:W1[2,1]", "velocity:W1[2,1]"], velocity=v0)
    w21, (upd_ex, vel_ex) = -0.2, ex
    yhat = 1 / (1 + math.exp(0.2))                          # z = 0.1·0 − 0.2·1 + 0
    g = -2 * (1 - yhat) * yhat * (1 - yhat) * 1.0           # ∂J/∂w21 = −2(y − ŷ)·ŷ(1 − ŷ)·x2
    assert check(upd_ex, w21 + 0.5 * 0.04 - 0.5 * g).correct
    assert check(upd_ex, w21 - 0.5 * g).mistake == "missing_momentum"
    assert check(vel_ex, -0.5 * g).mistake == "missing_momentum"
    frozen = load_preset("seed004")
    frozen.net.frozen[frozen.net.param_index("W", 2, 0, 0)] = True
    fx = exercises(frozen.net, frozen.data.X[0], frozen.data.Y[0], frozen.settings, ["updated:W2[1,1]"])[0]
    assert check(fx, 0.45).correct
    v = check(fx, 0.43703857)
    assert v.mistake == "frozen" and v.params["param"] == "U11"


def test_digits_for():
    assert [digits_for(v) for v in (0.44498412, 0.02592286, 0.00080888, 0.0, 12.5)] == [4, 4, 6, 4, 4]
    assert digits_for(0.0021, digits=2) == 5


@pytest.mark.parametrize("preset", names())
def test_every_mistake_of_every_preset_is_named_back(preset):
    """Typing the value a mistake gives is never accepted and always diagnosed, for every preset's set;
    every message renders (no missing parameter)."""
    exs = exercise_set(load_preset(preset), set_id=preset)
    assert exs and len({e.id for e in exs}) == len(exs)
    for e in exs:
        assert check(e, e.value).correct
        for m in e.mistakes:
            v = check(e, m.value)
            assert not v.correct and v.mistake is not None, (e.id, m.code)
            key = verdict_key(v.mistake, v.params)
            assert set(VERDICT_PARAMS[key]) <= set(v.params), (e.id, key)


def test_a_network_without_a_source_gets_seed004s_route():
    p = load_preset("seed000")
    p.source = []
    exs = exercise_set(p)
    assert [e.quantity for e in exs] == default_sequence(p.net)
    assert exs[0].quantity == "z1[1]" and exs[-1].quantity == "updated:loss"
    before = next(e for e in exs if e.quantity == "loss").value
    assert check(exs[-1], before).mistake == "not_updated"
    assert "via:W3[1,1]" in default_sequence(p.net)   # softmax output: paths are per edge, not per output
    with pytest.raises(KeyError, match="not a step"):
        exercises(p.net, p.data.X[0], p.data.Y[0], p.settings, ["z9[1]"])


@st.composite
def networks(draw):
    """Any depth, activation, loss, bias mode and frozen mask, with momentum and a velocity."""
    depth = draw(st.integers(1, 3))
    sizes = [draw(st.integers(1, 3)) for _ in range(depth + 1)]
    loss = draw(st.sampled_from(sorted(LOSSES)))
    layers = []
    for l in range(1, depth + 1):
        a = draw(st.sampled_from(["identity", "sigmoid", "tanh", "relu", "leaky_relu"]
                                 + (["softmax"] if l == depth else [])))
        layers.append(LayerSpec(sizes[l], LOSSES[loss].requires if l == depth and LOSSES[loss].requires else a,
                                draw(st.sampled_from(BIAS_MODES))))
    net = Network(sizes[0], layers, loss)
    floats = st.floats(-1.5, 1.5, allow_nan=False, allow_subnormal=False)
    net.theta[...] = draw(arrays(np.float64, net.n_params, elements=floats))
    net.frozen[...] = draw(arrays(bool, net.n_params))
    x = draw(arrays(np.float64, sizes[0], elements=floats))
    y = draw(arrays(np.float64, sizes[-1], elements=st.floats(0.05, 1)))
    s = Settings(lr=0.5, momentum=draw(st.sampled_from([0.0, 0.5])))
    return net, x, y / y.sum() if loss == "cross_entropy" else y, s, draw(arrays(np.float64, net.n_params,
                                                                                 elements=floats))


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(networks())
def test_every_step_of_any_network_makes_an_exercise_that_knows_its_mistakes(problem):
    net, x, y, s, v = problem
    for e in exercises(net, x, y, s, velocity=v):
        assert check(e, e.value).correct
        for m in e.mistakes:
            verdict = check(e, m.value)
            assert not verdict.correct and verdict.mistake
            assert set(VERDICT_PARAMS[verdict_key(verdict.mistake, verdict.params)]) <= set(verdict.params)


def test_exercises_without_their_mistakes_are_the_same_exercises():
    """The window lists every exercise without the mistakes and judges the answered one with them."""
    from dataclasses import replace

    from backprop_lab.core.teaching.exercises import exercise_order, exercises
    for name in names():
        p = load_preset(name)
        order = exercise_order(p)
        full = exercises(p.net, p.data.X[0], p.data.Y[0], p.settings, order)
        bare = exercises(p.net, p.data.X[0], p.data.Y[0], p.settings, order, mistakes=False)
        assert any(e.mistakes for e in full) and not any(e.mistakes for e in bare)
        assert [replace(e, mistakes=()) for e in full] == bare
