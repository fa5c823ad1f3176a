"""Activation derivatives have one origin (core.model.activations): each df against the formula written
by hand, and the op lists the training loops run equal to it bit for bit."""
from __future__ import annotations

import numpy as np
import pytest

from backprop_lab.core.model.activations import ACTIVATIONS, LEAKY_SLOPE, times_derivative_ops

Z = np.array([-800.0, -30.0, -2.5, -1e-300, -0.0, 0.0, 1e-300, 0.3, 1.0, 4.0, 40.0, 800.0])
BY_HAND = {
    "identity": lambda z, a: np.ones_like(z),
    "sigmoid": lambda z, a: a * (1.0 - a),
    "tanh": lambda z, a: 1.0 - a * a,
    "relu": lambda z, a: np.array([1.0 if v > 0 else 0.0 for v in z]),
    "leaky_relu": lambda z, a: np.array([1.0 if v > 0 else LEAKY_SLOPE for v in z]),
}
ELEMENTWISE = [n for n, spec in ACTIVATIONS.items() if spec.df_ops is not None]


def test_every_elementwise_activation_has_a_hand_written_check():
    assert sorted(ELEMENTWISE) == sorted(BY_HAND)


@pytest.mark.parametrize("name", ELEMENTWISE)
def test_the_derivative_is_the_formula_by_hand(name):
    spec = ACTIVATIONS[name]
    with np.errstate(over="ignore"):
        a = spec.f(Z)
    d = spec.df(Z, a)
    assert d.dtype == float and np.array_equal(d, BY_HAND[name](Z, a))
    out = np.full(Z.shape, np.nan)
    assert spec.df(Z, a, out) is out and np.array_equal(out, d)
    batch = np.vstack([Z, Z[::-1]])
    with np.errstate(over="ignore"):
        rows = spec.df(batch, spec.f(batch))
    assert np.array_equal(rows[0], d) and np.array_equal(rows[1], d[::-1])


@pytest.mark.parametrize("name", ELEMENTWISE)
def test_a_derivative_said_to_be_written_in_a_reads_only_a(name):
    spec = ACTIVATIONS[name]
    a = np.linspace(-0.9, 0.9, 7)
    if spec.df_in_a:
        assert np.array_equal(spec.df(np.full(7, 123.0), a), spec.df(np.full(7, -5.0), a))
    else:
        assert name not in ("sigmoid", "tanh")


@pytest.mark.parametrize("name", ELEMENTWISE)
@pytest.mark.parametrize("shape", [(12,), (3, 12)])
def test_the_training_loops_op_list_is_g_times_the_derivative(name, shape):
    rng = np.random.default_rng(0)
    z = np.broadcast_to(Z, shape) * rng.uniform(0.5, 1.5, shape)
    with np.errstate(over="ignore"):
        a = ACTIVATIONS[name].f(z)
    g = rng.normal(size=shape)
    out = np.full(shape, np.nan)
    with np.errstate(over="ignore"):
        for op in times_derivative_ops(name, z, a, g, out):
            op()
    assert np.array_equal(out, g * ACTIVATIONS[name].df(z, a))


def test_softmax_has_no_elementwise_derivative():
    with pytest.raises(ValueError):
        times_derivative_ops("softmax", Z, Z, Z, np.empty_like(Z))
    with pytest.raises(ValueError):
        ACTIVATIONS["softmax"].df(Z, Z)
