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
from backprop_lab.core.numerics.update import update, update_ops

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


@pytest.mark.parametrize("momentum", [0.0, 0.9])
def test_the_in_place_ops_are_the_pure_rule(momentum):
    rng = np.random.default_rng(1)
    theta, grad, v = rng.normal(size=(3, 50))
    frozen = rng.uniform(size=50) < 0.2
    s = Settings(lr=0.3, momentum=momentum)
    want = update(theta, grad, v, s, frozen)
    for op in update_ops(theta, grad, v, s, frozen):
        op()
    assert np.array_equal(theta, want.theta) and np.array_equal(v, want.velocity)


def _net(seed=0):
    net = Network(3, [LayerSpec(4, "tanh", "neuron"), LayerSpec(2, "sigmoid", "shared")], "half_sse")
    init_weights(net, seed)
    net.frozen[[1, 7]] = True
    rng = np.random.default_rng(seed)
    return net, Dataset(rng.normal(size=(5, 3)), rng.uniform(size=(5, 2)))


@pytest.mark.parametrize("mode", ["sample", "minibatch", "batch"])
@pytest.mark.parametrize("momentum", [0.0, 0.8])
def test_every_trainer_step_is_the_pure_rule(mode, momentum):
    """Each traced step k: θ_(k+1) = update(θ_k, g_k, v_k).theta, read from the trace's own rows."""
    net, data = _net()
    s = Settings(lr=0.4, momentum=momentum, mode=mode, batch_size=2, shuffle=True, seed=3)
    t = Trainer(net, data, s)
    v0 = np.random.default_rng(2).normal(size=net.n_params)
    t.velocity[...] = v0
    n = 40
    t.run(n + 1)
    cols = parameter_columns(net)
    theta = np.column_stack([t.trace.column(c) for c in cols])
    grad = np.column_stack([t.trace.column("dE/d" + c) for c in cols])
    v = v0
    for k in range(n):
        want = update(theta[k], grad[k], v, s, net.frozen)
        assert np.array_equal(theta[k + 1], want.theta), k
        v = want.velocity
    assert np.array_equal(update(theta[n], grad[n], v, s, net.frozen).theta, t.theta)
    assert np.array_equal(update(theta[n], grad[n], v, s, net.frozen).velocity, t.velocity)
