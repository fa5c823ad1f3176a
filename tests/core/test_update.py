"""The one update rule (core.numerics.update): the pure function against the formulas written by hand,
and the trainer's in-place form against the pure function, bit for bit, in every mode."""
from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from backprop_lab.core.model.dataset import Dataset
from backprop_lab.core.model.network import LayerSpec, Network, init_weights
from backprop_lab.core.model.settings import Settings
from backprop_lab.core.numerics.trace import parameter_columns
from backprop_lab.core.numerics.training import Trainer
from backprop_lab.core.numerics.update import OptState, Updated, update, update_ops

finite = st.floats(-1e3, 1e3)


@given(w=finite, g=finite, v=finite, lr=st.floats(1e-4, 10), mu=st.floats(0, 0.999))
def test_the_rule_is_the_textbook_formula(w, g, v, lr, mu):
    plain = update(w, g, v, Settings(lr=lr))
    assert float(plain.theta) == w - lr * g and float(plain.velocity) == v
    heavy = update(w, g, v, Settings(lr=lr, momentum=mu))
    v_new = mu * v - lr * g
    if mu:
        assert float(heavy.velocity) == v_new and float(heavy.theta) == w + v_new
    frozen = update(w, g, v, Settings(lr=lr, momentum=mu), frozen=True)
    assert float(frozen.theta) == w and float(frozen.velocity) == 0.0


def test_the_rule_leaves_its_inputs_alone():
    theta, grad, v = np.array([1.0, 2.0]), np.array([0.5, -0.5]), np.array([0.1, 0.2])
    keep = theta.copy(), grad.copy(), v.copy()
    out = update(theta, grad, v, Settings(lr=0.1, momentum=0.9), np.array([False, True]))
    assert all(np.array_equal(a, b) for a, b in zip((theta, grad, v), keep))
    assert out.theta[1] == 2.0 and out.velocity[1] == 0.0


RULE_SETTINGS = [{}, {"momentum": 0.9}, {"optimizer": "adam"}, {"weight_decay": 0.05},
                 {"momentum": 0.9, "weight_decay": 0.05}, {"optimizer": "adam", "weight_decay": 0.05, "beta1": 0.5}]


@pytest.mark.parametrize("extra", RULE_SETTINGS)
def test_the_in_place_ops_are_the_pure_rule(extra):
    """Ten steps with the state carried: θ, velocity, m, v and t the pure rule's to the bit."""
    rng = np.random.default_rng(1)
    theta, v = rng.normal(size=(2, 50))
    frozen = rng.uniform(size=50) < 0.2
    s = Settings(lr=0.3, **extra)
    state = OptState(v.copy(), np.zeros(50), np.zeros(50), np.zeros(()))
    want = Updated(theta.copy(), v.copy())
    ops = update_ops(theta, grad := np.empty(50), state, s, frozen)
    for _ in range(10):
        grad[...] = rng.normal(size=50)
        before = OptState(want.velocity, state.m.copy(), state.v.copy(), state.t.copy())
        want = update(want.theta, grad, want.velocity, s, frozen, before)
        for op in ops:
            op()
        assert np.array_equal(theta, want.theta) and np.array_equal(state.velocity, want.velocity)
        if s.optimizer == "adam":
            assert np.array_equal(state.m, want.m) and np.array_equal(state.v, want.v) and state.t == want.t


@given(w=finite, g=finite, m=finite, v=st.floats(0, 1e3), t=st.integers(0, 50), lr=st.floats(1e-4, 10),
       b1=st.floats(0, 0.999), b2=st.floats(0, 0.9999), lam=st.floats(0, 1))
def test_adam_and_weight_decay_are_the_textbook_formulas(w, g, m, v, t, lr, b1, b2, lam):
    s = Settings(lr=lr, optimizer="adam", beta1=b1, beta2=b2, weight_decay=lam)
    out = update(w, g, None, s, state=OptState(np.zeros(()), np.float64(m), np.float64(v), np.float64(t)))
    gd = g + lam * w
    m1, v1 = b1 * m + (1 - b1) * gd, b2 * v + (1 - b2) * gd * gd
    mhat, vhat = m1 / (1 - b1 ** (t + 1)), v1 / (1 - b2 ** (t + 1))
    assert out.t == t + 1 and out.grad == pytest.approx(gd, rel=1e-15, abs=1e-300)
    assert out.m == pytest.approx(m1, rel=1e-14, abs=1e-300) and out.v == pytest.approx(v1, rel=1e-14, abs=1e-300)
    assert out.theta == pytest.approx(w - lr * mhat / (np.sqrt(vhat) + 1e-8), rel=1e-12, abs=1e-12)
    sgd = update(w, g, None, Settings(lr=lr, weight_decay=lam))
    assert float(sgd.theta) == w - (g + w * lam) * lr
    frozen = update(w, g, None, s, frozen=True)
    assert float(frozen.theta) == w and float(frozen.m) == 0.0 and float(frozen.v) == 0.0


def _net(seed=0):
    net = Network(3, [LayerSpec(4, "tanh", "neuron"), LayerSpec(2, "sigmoid", "shared")], "half_sse")
    init_weights(net, seed)
    net.frozen[[1, 7]] = True
    rng = np.random.default_rng(seed)
    return net, Dataset(rng.normal(size=(5, 3)), rng.uniform(size=(5, 2)))


@pytest.mark.parametrize("mode", ["sample", "minibatch", "batch"])
@pytest.mark.parametrize("extra", [{"momentum": 0.0}, {"momentum": 0.8}, {"momentum": 0.8, "weight_decay": 0.1},
                                   {"optimizer": "adam", "lr": 0.05}, {"optimizer": "adam", "weight_decay": 0.2,
                                                                       "lr": 0.05, "batch_loss": "sum"}])
def test_every_trainer_step_is_the_pure_rule(mode, extra):
    """Each traced step k: θ_(k+1) = update(θ_k, g_k, v_k).theta, read from the trace's own rows."""
    net, data = _net()
    s = Settings(**{"lr": 0.4, "mode": mode, "batch_size": 2, "shuffle": True, "seed": 3, **extra})
    t = Trainer(net, data, s)
    v0 = np.random.default_rng(2).normal(size=net.n_params)
    t.velocity[...] = v0
    n = 40
    t.run(n + 1)
    cols = parameter_columns(net)
    theta = np.column_stack([t.trace.column(c) for c in cols])
    grad = np.column_stack([t.trace.column("dE/d" + c) for c in cols])
    v, opt = v0, None
    for k in range(n):
        want = update(theta[k], grad[k], v, s, net.frozen, opt)
        assert np.array_equal(theta[k + 1], want.theta), k
        v, opt = want.velocity, (OptState(want.velocity, want.m, want.v, want.t) if want.m is not None else None)
    last = update(theta[n], grad[n], v, s, net.frozen, opt)
    assert np.array_equal(last.theta, t.theta) and np.array_equal(last.velocity, t.velocity)
    if s.optimizer == "adam":
        assert np.array_equal(last.m, t.opt.m) and np.array_equal(last.v, t.opt.v) and last.t == t.opt.t == n + 1


def test_rule_settings_choose_each_rule_and_change_nothing_else():
    from backprop_lab.core.model.settings import Settings
    from backprop_lab.core.numerics.update import MOMENTUM_ON, RULES, rule_of, rule_settings
    for start in (Settings(), Settings(momentum=0.5), Settings(optimizer="adam", momentum=0.3)):
        for name in RULES:
            s = start.copy()
            changes = rule_settings(s, name)
            for k, v in changes.items():
                setattr(s, k, v)
            assert rule_of(s).name == name
            assert set(changes) <= {"optimizer", "momentum"}
            assert rule_settings(s, name) == {}
    assert rule_settings(Settings(), "momentum") == {"momentum": MOMENTUM_ON}
    assert rule_settings(Settings(momentum=0.5), "momentum") == {}     # the learner's μ is kept
