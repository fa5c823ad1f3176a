"""The loss landscape (core.numerics.landscape): every grid value equals engine.loss_at with those
parameter values, for parameters in any layer and any bias mode; the span covers the path."""
import numpy as np
import pytest

from backprop_lab.core.model.network import LayerSpec, Network, init_weights
from backprop_lab.core.numerics import engine
from backprop_lab.core.numerics import landscape as ls


def problem(bias="neuron", loss="bce", seed=0):
    net = Network(2, [LayerSpec(4, "tanh", bias), LayerSpec(3, "relu", bias), LayerSpec(1, "sigmoid", bias)], loss)
    init_weights(net, seed)
    rng = np.random.default_rng(seed)
    net.theta[...] += rng.normal(0, 0.7, net.n_params)
    X = rng.normal(size=(9, 2))
    Y = (rng.random((9, 1)) > 0.5).astype(float)
    return net, X, Y


def one_by_one(net, X, Y, indices, V):
    probe = net.copy()
    out = []
    for v in V:
        probe.theta[...] = net.theta
        probe.theta[indices] = v
        out.append(engine.loss_at(probe, X, Y))
    return np.array(out)


@pytest.mark.parametrize("bias", ["neuron", "shared", "none"])
@pytest.mark.parametrize("pick", [[0, 5], [3], [-1, 2], [-2, -1]])
def test_every_grid_value_equals_the_engine(bias, pick):
    net, X, Y = problem(bias, "half_sse" if bias == "none" else "bce")
    indices = [i % net.n_params for i in pick]
    ranges = [(-3.0, 2.5)] * len(indices)
    got = ls.landscape(net, X, Y, indices, ranges, n=7)
    axes = np.meshgrid(*got.axes) if len(indices) == 2 else [got.axes[0]]
    V = np.column_stack([a.ravel() for a in axes])
    np.testing.assert_allclose(got.loss.ravel(), one_by_one(net, X, Y, indices, V), rtol=1e-12, atol=1e-14)


def test_row_is_the_second_parameter_and_column_the_first():
    net, X, Y = problem()
    got = ls.landscape(net, X, Y, [1, 30], [(-1, 1), (5, 6)], n=4)
    probe = net.copy()
    probe.theta[1], probe.theta[30] = got.axes[0][3], got.axes[1][1]
    assert got.loss[1, 3] == pytest.approx(engine.loss_at(probe, X, Y), rel=1e-12)


def test_chunks_give_the_same_numbers(monkeypatch):
    net, X, Y = problem()
    whole = ls.landscape(net, X, Y, [0, 7], [(-2, 2), (-2, 2)], n=11).loss
    monkeypatch.setattr(ls, "CHUNK_VALUES", 50)        # a few grid points a chunk
    np.testing.assert_array_equal(ls.landscape(net, X, Y, [0, 7], [(-2, 2), (-2, 2)], n=11).loss, whole)


def test_span_holds_the_value_and_the_path():
    assert ls.span_of(0.5) == (0.5 - ls.SPAN, 0.5 + ls.SPAN)
    assert ls.span_of(10.0) == (0.0, 20.0)
    lo, hi = ls.span_of(0.0, [-7.0, 1.0, np.nan])
    assert lo < -7.0 and hi >= ls.SPAN


def test_bad_requests_are_refused():
    net, X, Y = problem()
    with pytest.raises(ValueError):
        ls.landscape(net, X, Y, [0, 1, 2], [(0, 1)] * 3)
    with pytest.raises(IndexError):
        ls.losses_over(net, X, Y, [net.n_params], [[0.0]])
