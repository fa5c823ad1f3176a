"""The worksheet's content (core.teaching.worksheet): every answer of its key is the engine's value written
by core.model.numbers, every given number is the network's or the data set's, and the blanks are
chosen among the exercises' quantities, in their order."""
import numpy as np
import pytest

from backprop_lab.core.io import presets
from backprop_lab.core.model import activations as act
from backprop_lab.core.model.numbers import format_number
from backprop_lab.core.model.quantity import Key
from backprop_lab.core.numerics.engine import evaluate
from backprop_lab.core.numerics.update import update
from backprop_lab.core.teaching import worksheet
from backprop_lab.core.teaching.exercises import digits_for, exercise_order

PRESETS = ("seed004", "seed003", "seed002", "seed001", "seed000", "xor")


def engine_value(net, x, y, settings, quantity, velocity=None):
    """The engine's own number for a walk-step key, read from evaluate() and update() directly."""
    st = evaluate(net, x, y)
    key = Key.parse(quantity)
    kind, l, i, j = key.kind, key.layer, key.i, key.j
    if kind == "z":
        return st.z(l)[0, j]
    if kind == "a":
        return st.acts[l][0, j]
    if kind == "delta":
        return st.delta(l)[0, j]
    if kind == "dE/da":
        return st.dE_da[l][0, j] if l < net.depth else st.dE_do[0, j]
    if kind == "da/dz":
        return act.derivative(net.layers[l - 1].activation, st.z(l)[0], st.acts[l][0])[j]
    if kind == "dE_k/da":       # the part through output i: δ_i · W[j, i]
        return st.delta(l + 1)[0, i] * net.W[l][j, i]
    if kind == "via:W":
        return st.delta(l)[0, j] * net.W[l - 1][i, j]
    if kind == "loss_term":
        return st.terms[0, j]
    if kind == "loss":
        return st.loss
    new = update(net.theta, st.grad, velocity, settings, net.frozen)
    if kind == "updated:loss":
        after = net.copy()
        after.theta[...] = new.theta
        return evaluate(after, x, y).loss
    p = key.param
    idx = net.param_index(p.kind, p.layer, p.i or 0, p.j) if p.kind == "W" else \
        net.param_index("b", p.layer, p.j or 0)
    if key.prefix == "dE/d":
        return st.grad[idx]
    if key.prefix == "updated:":
        return new.theta[idx]
    if key.prefix == "velocity:":
        return new.velocity[idx]
    raise AssertionError(f"no engine value for {quantity}")


@pytest.mark.parametrize("name", PRESETS)
def test_every_answer_is_the_engines_number(name):
    p = presets.resolve(name)
    n = len(exercise_order(p))
    ws = worksheet.build(p, count=min(n, worksheet.MAX_COUNT))
    assert len(ws.blanks) == min(n, worksheet.MAX_COUNT)
    x, y = p.data.X[0], p.data.Y[0]
    for b in ws.blanks:
        value = engine_value(p.net, x, y, p.settings, b.quantity)
        assert b.digits == digits_for(value)
        assert b.answer == format_number(value, b.digits), b.quantity
        assert b.value == pytest.approx(value, rel=1e-12, abs=1e-15)


def test_a_trained_state_and_another_sample():
    """The worksheet is of the network as it is now, on the sample asked for, with the velocity given."""
    from backprop_lab.core.numerics.training import Trainer
    p = presets.resolve("seed003")
    t = Trainer(p.net, p.data, p.settings)
    t.run(3)
    net = t.net
    velocity = np.array(t.velocity, dtype=float)
    now = p.copy()
    now.net = net.copy()
    ws = worksheet.build(now, sample=2, count=20, seed=5, velocity=velocity, step=3)
    x, y = p.data.X[2], p.data.Y[2]
    assert ws.step == 3 and ws.sample == 2
    for b in ws.blanks:
        v = engine_value(net, x, y, p.settings, b.quantity, velocity)
        assert b.answer == format_number(v, b.digits), b.quantity
    given = {g.key: g for g in ws.givens}
    assert given["a0[1]"].value == x[0] and given["y[1]"].value == y[0]
    assert given["W1[1,1]"].value == net.theta[net.param_index("W", 1, 0, 0)]
    assert given["momentum"].value == p.settings.momentum
    assert given["velocity:W1[1,1]"].value == velocity[net.param_index("W", 1, 0, 0)]


def test_givens_are_every_parameter_in_the_notation():
    p = presets.resolve("seed004")
    ws = worksheet.build(p)
    weights = ws.of_kind("weight")
    assert [g.name for g in weights] == ["W11", "W21", "W12", "W22", "U11", "U21", "U12", "U22"]
    assert [g.value for g in weights] == [p.net.theta[p.net.param_index("W", *Key.parse(g.key)[1:4])]
                                          for g in weights]
    assert [g.text for g in ws.of_kind("input")] == ["0.1", "0.2"]
    assert [g.name for g in ws.of_kind("rate")] == ["η"] and ws.of_kind("rate")[0].value == 0.5
    assert not ws.of_kind("momentum", "velocity", "decay")
    biased = worksheet.build(presets.resolve("seed002"))
    assert len(biased.of_kind("bias")) == sum(s.n_bias() for s in presets.resolve("seed002").net.layers)


def test_choose_keeps_order_and_count():
    order = [f"q{n}" for n in range(20)]
    even = worksheet.choose(order, 5)
    assert even == ["q2", "q6", "q10", "q14", "q18"]
    assert worksheet.choose(order, 20) == order and worksheet.choose(order, 99) == order
    drawn = worksheet.choose(order, 6, seed=7)
    assert len(set(drawn)) == 6 and drawn == sorted(drawn, key=order.index)
    assert drawn == worksheet.choose(order, 6, seed=7)
    assert any(worksheet.choose(order, 6, seed=s) != drawn for s in range(8, 12))


def test_bad_requests_are_refused():
    p = presets.resolve("seed004")
    with pytest.raises(ValueError, match="sample 5"):
        worksheet.build(p, sample=4)
    with pytest.raises(ValueError, match="between 1 and"):
        worksheet.build(p, count=0)
