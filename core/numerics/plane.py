"""A two-input network over its input plane: every neuron's output at every point of a grid, for the
decision-boundary view (as TensorFlow Playground draws it).

The whole grid is one batch through the engine's forward pass (engine.forward), so each picture costs
one matrix product per layer, not a Python loop over points, and every number in it is the number
the engine gives for that point alone.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from backprop_lab.core.model.arrays import FloatArray
from backprop_lab.core.model.network import Network
from backprop_lab.core.numerics import engine

GRID = 100            # points a side of the decision-boundary picture
MARGIN = 0.15         # the plane reaches this share of the data's span beyond the data
# The colour scale of an activation whose range is known, so colours mean the same value all run long.
FIXED_LEVELS = {"sigmoid": (0.0, 1.0), "softmax": (0.0, 1.0), "tanh": (-1.0, 1.0)}

Extent = tuple[float, float, float, float]      # x_min, x_max, y_min, y_max


def can_draw(net: Network) -> bool:
    """The plane is the input space only for a network with exactly two inputs."""
    return net.n_inputs == 2


def extent_of(X: FloatArray, margin: float = MARGIN) -> Extent:
    """The data's bounding box of the two inputs, widened by `margin` of its span (±1 where flat)."""
    lo, hi = X[:, :2].min(axis=0), X[:, :2].max(axis=0)
    span = np.where(hi - lo > 0, hi - lo, 2.0)
    mid = (lo + hi) / 2
    half = span * (0.5 + margin)
    return (float(mid[0] - half[0]), float(mid[0] + half[0]), float(mid[1] - half[1]), float(mid[1] + half[1]))


@dataclass
class PlaneGrid:
    """The points of an n × n grid over `extent`: row r, column c is (xs[c], ys[r]), at points[r·n + c]."""
    extent: Extent
    n: int
    xs: FloatArray
    ys: FloatArray
    points: FloatArray     # (n·n, 2)

    @classmethod
    def over(cls, extent: Extent, n: int = GRID) -> PlaneGrid:
        xs = np.linspace(extent[0], extent[1], n)
        ys = np.linspace(extent[2], extent[3], n)
        gx, gy = np.meshgrid(xs, ys)
        return cls(extent, n, xs, ys, np.column_stack([gx.ravel(), gy.ravel()]))


@dataclass
class Plane:
    """Every layer's activations over a grid: acts[l] is (n_l, n, n), acts[l][j, r, c] the output of
    neuron j of layer l at the grid's point (r, c); acts[0] are the inputs themselves."""
    grid: PlaneGrid
    acts: list[FloatArray]

    @property
    def output(self) -> FloatArray:
        return self.acts[-1]

    def hidden(self) -> list[FloatArray]:
        return self.acts[1:-1]


def evaluate_plane(net: Network, grid: PlaneGrid) -> Plane:
    """One forward pass of the whole grid; every layer kept."""
    if not can_draw(net):
        raise ValueError(f"the input plane needs a network with two inputs, not {net.n_inputs}")
    _, acts = engine.forward(net, grid.points)
    n = grid.n
    return Plane(grid, [a.T.reshape(a.shape[1], n, n) for a in acts])


def levels(activation: str, values: FloatArray, targets: FloatArray | None = None) -> tuple[float, float]:
    """The colour scale for a neuron's picture: the activation's own range where it has one, else
    symmetric about 0 and wide enough for the values (and the targets, for an output)."""
    if activation in FIXED_LEVELS:
        return FIXED_LEVELS[activation]
    top = float(np.max(np.abs(values[np.isfinite(values)]), initial=0.0))
    if targets is not None and targets.size:
        top = max(top, float(np.max(np.abs(targets))))
    top = top if top > 0 else 1.0
    return (-top, top)


def unit_scaled(activation: str, values: FloatArray) -> FloatArray:
    """Values mapped onto −1..1 by their levels, so that pictures of different activations share one
    colour map (the thumbnails)."""
    lo, hi = levels(activation, values)
    return (values - lo) * (2.0 / (hi - lo)) - 1.0


def montage(plane: Plane, activations: list[str], gap: int = 4, fill: float = np.nan,
            stride: int = 1) -> FloatArray:
    """Every hidden neuron's picture, scaled onto −1..1 (one scale a layer), tiled into one image: layer
    l is column l-1, neuron j row j (top down), `gap` pixels of `fill` between tiles, every `stride`-th
    grid point. Shape (rows·(m+gap)−gap, columns·(m+gap)−gap) with m = ⌈n/stride⌉ and rows the widest
    hidden layer; row 0 is the image's top."""
    hidden = [h[:, ::stride, ::stride] for h in plane.hidden()]
    n = hidden[0].shape[1] if hidden else plane.grid.n
    if not hidden:
        return np.full((n, 0), fill)
    rows = max(h.shape[0] for h in hidden)
    out = np.full((rows * (n + gap) - gap, len(hidden) * (n + gap) - gap), fill)
    for col, (h, name) in enumerate(zip(hidden, activations)):
        scaled = unit_scaled(name, h)
        for j in range(h.shape[0]):
            r0, c0 = j * (n + gap), col * (n + gap)
            # Grid row 0 is the lowest y; the image's row 0 is its top, so each tile is flipped.
            out[r0:r0 + n, c0:c0 + n] = scaled[j, ::-1, :]
    return out


def class_targets(net: Network) -> list[FloatArray]:
    """The target of each class a learner may add a point of on the data view: for one output its two
    ends (−1 and 1 under tanh, else 0 and 1); for several outputs, one class an output (one-hot)."""
    outputs = net.sizes[-1]
    if outputs == 1:
        low = -1.0 if net.layers[-1].activation == "tanh" else 0.0
        return [np.array([low]), np.array([1.0])]
    return [np.eye(outputs)[k] for k in range(outputs)]
