"""The loss landscape: the mean loss over the whole data set as one or two parameters vary and every
other stays where it is, for the landscape view.

The grid of parameter values is a leading batch axis through the forward pass, so a 200 × 200 grid is
a few batched matrix products, not 40,000 calls of the engine. Layers below the lowest varied
parameter do not depend on the grid and are computed once; the grid goes through in chunks that keep
the arrays a few megabytes. Every value equals engine.loss_at at that point.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from backprop_lab.core.model import activations as act
from backprop_lab.core.model.arrays import FloatArray
from backprop_lab.core.model.losses import LOSSES
from backprop_lab.core.model.network import Network

GRID = 200                 # points a side of a landscape
CHUNK_VALUES = 2_000_000   # the most numbers one layer's activations may hold for one chunk of the grid
SPAN = 2.0                 # a landscape reaches this far either side of the current value, at least …
SPAN_SHARE = 1.0           # … or this share of the value's size, and always over the whole path


def losses_over(net: Network, X: npt.ArrayLike, Y: npt.ArrayLike, indices: list[int],
                values: npt.ArrayLike) -> FloatArray:
    """The mean loss at K parameter vectors that equal net.theta except theta[indices[m]] =
    values[k, m]: shape (K,)."""
    X = np.atleast_2d(np.asarray(X, float))
    Y = np.atleast_2d(np.asarray(Y, float))
    V = np.asarray(values, float).reshape(-1, len(indices))
    layer_of = _layers_of(net, indices)
    first = min(layer_of) if layer_of else net.depth + 1
    below = _shared_forward(net, X, first)
    widest = max(net.sizes)
    step = max(1, CHUNK_VALUES // (len(X) * widest))
    out = np.empty(len(V))
    with np.errstate(over="ignore", invalid="ignore"):
        for k0 in range(0, len(V), step):
            out[k0:k0 + step] = _chunk(net, below, Y, first, indices, V[k0:k0 + step])
    return out


def _layers_of(net: Network, indices: list[int]) -> list[int]:
    # One search over the layers' ends, not a walk per index: the loss plot asks for every one of a
    # large net's 8,448 parameters at each update of a run.
    at = np.asarray(indices, dtype=np.int64)
    if len(at) and (at.min() < 0 or at.max() >= net.n_params):
        raise IndexError(f"parameter index out of range 0..{net.n_params - 1}")
    ends = np.array([bs.stop for _, bs in net.slices()])
    return (np.searchsorted(ends, at, side="right") + 1).tolist()


def _shared_forward(net: Network, X: FloatArray, first: int) -> FloatArray:
    """The activations entering layer `first`, the same for every grid point."""
    a = X
    with np.errstate(over="ignore"):
        for l in range(1, first):
            a = act.ACTIVATIONS[net.layers[l - 1].activation].f(a @ net.W[l - 1] + net.bias_vector(l))
    return a


def _chunk(net: Network, below: FloatArray, Y: FloatArray, first: int, indices: list[int],
           V: FloatArray) -> FloatArray:
    K = len(V)
    thetas = np.broadcast_to(net.theta, (K, net.n_params)).copy()
    thetas[:, indices] = V
    a: FloatArray = below                                  # (B, n) shared, then (K, B, n)
    z: FloatArray = below
    for l in range(first, net.depth + 1):
        spec, (ws, bs) = net.layers[l - 1], net.slices()[l - 1]
        n_in = net.sizes[l - 1]
        W = thetas[:, ws].reshape(K, n_in, spec.size)
        if spec.bias == "neuron":
            b = thetas[:, bs][:, None, :]
        elif spec.bias == "shared":
            b = thetas[:, bs][:, None, :]                  # (K, 1, 1): the one bias for every neuron
        else:
            b = np.zeros((1, 1, 1))
        z = np.matmul(a, W) + b
        a = act.ACTIVATIONS[spec.activation].f(z)
    if first > net.depth:                                  # nothing varies: one evaluation for all
        z, a = z[None], a[None]
    terms = LOSSES[net.loss].terms(z, a, Y)
    return terms.sum(axis=-1).mean(axis=-1) * np.ones(K)


def span_of(value: float, path: npt.ArrayLike | None = None) -> tuple[float, float]:
    """The range a landscape covers along one parameter: the current value ± max(SPAN, SPAN_SHARE·|v|),
    widened to hold the whole path training took."""
    half = max(SPAN, SPAN_SHARE * abs(value))
    lo, hi = value - half, value + half
    if path is not None and np.size(path):
        p = np.asarray(path, float)
        p = p[np.isfinite(p)]
        if p.size:
            pad = 0.05 * (max(hi, p.max()) - min(lo, p.min()))
            lo, hi = min(lo, p.min() - pad), max(hi, p.max() + pad)
    return float(lo), float(hi)


@dataclass
class Landscape:
    """The loss over a grid of one or two parameters: axes[m] are parameter m's values; loss is (n,)
    for one parameter, (n, n) for two with loss[r, c] at (axes[0][c], axes[1][r])."""
    indices: list[int]
    axes: list[FloatArray]
    loss: FloatArray


def landscape(net: Network, X: npt.ArrayLike, Y: npt.ArrayLike, indices: list[int],
              ranges: list[tuple[float, float]], n: int = GRID) -> Landscape:
    if len(indices) not in (1, 2) or len(ranges) != len(indices):
        raise ValueError("a landscape varies one or two parameters, each with a range")
    axes = [np.linspace(lo, hi, n) for lo, hi in ranges]
    if len(indices) == 1:
        return Landscape(list(indices), axes, losses_over(net, X, Y, indices, axes[0][:, None]))
    g0, g1 = np.meshgrid(axes[0], axes[1])
    loss = losses_over(net, X, Y, indices, np.column_stack([g0.ravel(), g1.ravel()]))
    return Landscape(list(indices), axes, loss.reshape(n, n))
