"""Adam, L2 weight decay and the summed batch loss against a plain textbook loop over 1,000 steps, and
their gradients against finite differences over random networks."""
from __future__ import annotations

import numpy as np
import pytest
from hypothesis import assume, given

from backprop_lab.core.model.settings import Settings
from backprop_lab.core.numerics.engine import evaluate, loss_at
from backprop_lab.core.numerics.training import Trainer, samples_for_step
from backprop_lab.core.teaching.derivation import relative_error
from tests.core.reference_loop import make
from tests.core.test_gradients import SETTINGS, numeric, problems


def textbook(net, data, s, steps):
    """The update as a textbook writes it, on gradients from core.engine (held to finite differences)."""
    theta = net.theta.copy()
    probe = net.copy()
    keep = ~net.frozen
    m, v, vel = np.zeros_like(theta), np.zeros_like(theta), np.zeros_like(theta)
    for k in range(steps):
        probe.theta[...] = theta
        idx = samples_for_step(k, len(data), s)
        g = evaluate(probe, data.X[idx], data.Y[idx], s.batch_loss).grad + s.weight_decay * theta
        if s.optimizer == "adam":
            m = s.beta1 * m + (1 - s.beta1) * g
            v = s.beta2 * v + (1 - s.beta2) * g ** 2
            m_hat, v_hat = m / (1 - s.beta1 ** (k + 1)), v / (1 - s.beta2 ** (k + 1))
            theta = theta - keep * s.lr * m_hat / (np.sqrt(v_hat) + s.eps)
        else:
            vel = s.momentum * vel - s.lr * g
            theta = theta + keep * vel
            vel = vel * keep
    return theta


@pytest.mark.parametrize("extra", [
    {"optimizer": "adam", "lr": 0.01},
    {"optimizer": "adam", "lr": 0.003, "beta1": 0.5, "beta2": 0.9, "eps": 1e-6, "weight_decay": 0.01},
    {"optimizer": "adam", "lr": 0.01, "mode": "batch", "batch_loss": "sum"},
    {"lr": 0.2, "momentum": 0.9, "weight_decay": 0.05, "mode": "minibatch", "batch_size": 3, "batch_loss": "sum"},
    {"lr": 0.5, "weight_decay": 0.1},
])
@pytest.mark.parametrize("net_args", [([2, 2, 2], ["sigmoid", "sigmoid"], "neuron", "half_sse"),
                                      ([3, 4, 3], ["tanh", "softmax"], "neuron", "cross_entropy"),
                                      ([2, 3, 1], ["relu", "identity"], "shared", "sse")])
def test_1000_steps_match_the_textbook(extra, net_args):
    net, data = make(*net_args, n_samples=5, seed=2)
    net.frozen[1] = True
    s = Settings(**{"shuffle": True, "seed": 4, **extra})
    want = textbook(net, data, s, 1000)
    t = Trainer(net, data, s)
    assert t.run(1000) == 1000
    assert np.all(np.abs(t.theta - want) <= 1e-12 * np.maximum(1.0, np.abs(want))), np.max(np.abs(t.theta - want))
    assert t.theta[1] == want[1] == net.theta[1]
    if s.optimizer == "adam":
        assert t.opt.t == 1000 and t.opt.m[1] == 0.0 and np.any(t.opt.m != 0)


def test_the_textbook_comparison_sees_a_small_change_to_adam():
    net, data = make([2, 2, 2], ["sigmoid", "sigmoid"], "neuron", "half_sse", n_samples=5, seed=2)
    s = Settings(optimizer="adam", lr=0.01)
    t = Trainer(net.copy(), data, s)
    t.run(1000)
    wrong = textbook(net, data, Settings(optimizer="adam", lr=0.01, beta2=0.99), 1000)
    assert np.max(np.abs(t.theta - wrong)) > 1e-6


@SETTINGS
@given(problems())
def test_the_summed_loss_matches_finite_differences(problem):
    """The summed batch loss: its gradient is B times the mean's, held to differences of the mean loss."""
    net, X, Y = problem
    B = len(X)
    mean, total = evaluate(net, X, Y), evaluate(net, X, Y, "sum")
    assert total.loss == pytest.approx(mean.loss * B, rel=1e-12, abs=1e-300)
    checked = 0
    for index in range(net.n_params):
        n = numeric(net, X, Y, index)
        if n is None:
            continue
        scale = max(1.0, abs(mean.loss))
        assert relative_error(total.grad[index], B * n, floor=1e-5 * scale * B) < 1e-6
        checked += 1
    assume(checked > 0)


def test_weight_decay_finite_difference_of_the_penalised_loss():
    net, data = make([2, 3, 2], ["tanh", "sigmoid"], "neuron", "sse", n_samples=3, seed=5)
    lam, h = 0.25, 1e-5
    g = evaluate(net, data.X, data.Y).grad + lam * net.theta
    penalised = lambda th: (lambda p: loss_at(p, data.X, data.Y) + lam / 2 * np.sum(th ** 2))(
        (lambda p: (p.theta.__setitem__(Ellipsis, th), p)[1])(net.copy()))
    for i in range(net.n_params):
        e = np.zeros(net.n_params)
        e[i] = h
        n = (penalised(net.theta + e) - penalised(net.theta - e)) / (2 * h)
        assert relative_error(g[i], n, floor=1e-6) < 1e-6
