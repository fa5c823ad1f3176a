"""The per-sample step of a sweep as a fixed list of numpy calls on preallocated buffers laid out with
the copies last: parameters (P × K), activations (n × K), so every call runs over contiguous runs of K.

A per-sample step on a small net is a few dozen array operations on K numbers each, so their count
sets the speed: each layer's z = a·W is one broadcast multiply into an (n_in × n_out × K) buffer and
one sum over its first axis, the gradients are written straight into views of the (P × K) gradient,
and the update is core.numerics.update's in-place ops with a (P × K) array of rates. Nothing is checked
per step: sweep.Sweep checks each chunk afterwards and replays a chunk's diverged copies on its exact
path. Elementwise losses and activations only (`supports`); softmax and the losses that sum over the
outputs take the exact path.
"""
from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING

import numpy as np

from backprop_lab.core.model import activations as act
from backprop_lab.core.model.arrays import FloatArray
from backprop_lab.core.model.losses import LOSSES
from backprop_lab.core.model.network import Network
from backprop_lab.core.model.settings import Settings
from backprop_lab.core.numerics.update import OptState, rule_of, update_ops

if TYPE_CHECKING:
    from backprop_lab.core.numerics.sweep import Sweep

Op = Callable[[], object]
FAST_LOSSES = ("half_sse", "sse", "bce")     # a term per output: no sum over the outputs


def supports(net: Network, settings: Settings) -> bool:
    return (settings.mode == "sample" and net.loss in FAST_LOSSES
            and all(s.activation != "softmax" for s in net.layers))


def sum_op(buf: FloatArray, axis: int, out: FloatArray) -> Op:
    """out = the sum of buf over `axis`, left to right as add.reduce sums it. Over two terms it is one
    add of the two slices: the same number, at about a third of a strided reduction's cost."""
    if buf.shape[axis] == 2:
        terms = np.moveaxis(buf, axis, 0)       # a view: the two slices are views of buf
        return partial(np.add, terms[0], terms[1], out)
    return partial(np.add.reduce, buf, axis, None, out)


class FastStep:
    """Load the state (load), set `x`, `y` (one sample), run(), read `loss_out` (K,); unload."""

    def __init__(self, sw: Sweep):
        net, K, P = sw.net, len(sw.lrs), sw.net.n_params
        self.sw, self.K = sw, K
        sizes = net.sizes
        self.theta, self.grad = np.zeros((P, K)), np.zeros((P, K))
        self.opt = OptState(np.zeros((P, K)), np.zeros((P, K)), np.zeros((P, K)), np.zeros(()))
        self.xy = np.zeros((sizes[0] + sizes[-1], 1))       # the sample: x then y, set with one assignment
        self.x, self.y = self.xy[:sizes[0]], self.xy[sizes[0]:]
        self.loss_out = np.zeros(K)
        self.xs = [self.x[i, 0:1].reshape(()) for i in range(sizes[0])]     # 0-d views into x and y
        self.ys = [self.y[k, 0:1].reshape(()) for k in range(sizes[-1])]
        self.W = [self.theta[ws].reshape(n_in, spec.size, K)
                  for (ws, _), n_in, spec in zip(net.slices(), sizes[:-1], net.layers)]
        self.z = [np.zeros((0, K))] + [np.zeros((n, K)) for n in sizes[1:]]
        self.a: list[FloatArray] = [self.x] + [np.zeros((n, K)) for n in sizes[1:]]
        self.d = [np.zeros((0, K))] + [np.zeros((n, K)) for n in sizes[1:]]
        self.g = [np.zeros((n, K)) for n in sizes]
        self.prod = [np.zeros((sizes[l], sizes[l + 1], K)) for l in range(net.depth)]
        self.moved = self._moved()
        self.ops = self._forward() + self._loss() + self._backward()
        self.ops += update_ops(self.theta, self.grad, self.opt, sw.settings, sw.frozen[:, None],
                               np.ascontiguousarray(sw.rates.T))

    def _moved(self) -> list[tuple[FloatArray, FloatArray]]:
        """(mine, the sweep's) for θ and the state the rule keeps: the others stay 0 on both sides, and
        moving them would cost as much as the chunk's steps on a small net."""
        mine, theirs, rule = self.opt, self.sw.opt, rule_of(self.sw.settings)
        pairs = [(self.theta, self.sw.theta)]
        if rule.has_velocity:
            pairs.append((mine.velocity, theirs.velocity))
        if rule.has_moments:
            pairs += [(mine.m, theirs.m), (mine.v, theirs.v)]
        return pairs

    def load(self) -> None:
        for mine, theirs in self.moved:
            mine[...] = theirs.T
        self.opt.t[...] = self.sw.opt.t

    def unload(self) -> None:
        for mine, theirs in self.moved:
            theirs[...] = mine.T
        self.sw.opt.t[...] = self.opt.t

    def _forward(self) -> list[Op]:
        net, P = self.sw.net, partial
        ops: list[Op] = []
        for l, spec in enumerate(net.layers, start=1):
            bs = net.slices()[l - 1][1]
            if l == 1:      # the sample's inputs are shared: each a 0-d scalar (a broadcast column is slow)
                ops += [P(np.multiply, self.W[0][i], self.xs[i], self.prod[0][i]) for i in range(net.sizes[0])]
            else:
                ops.append(P(np.multiply, self.a[l - 1][:, None, :], self.W[l - 1], self.prod[l - 1]))
            ops.append(sum_op(self.prod[l - 1], 0, self.z[l]))
            if spec.bias != "none":
                ops.append(P(np.add, self.z[l], self.theta[bs], self.z[l]))    # (1 × K) broadcasts if shared
            ops.append(P(act.ACTIVATIONS[spec.activation].f, self.z[l], self.a[l]))
        return ops

    def _loss(self) -> list[Op]:
        """The loss row and δ at the output. The squares as ops: g = o − y per output (y a 0-d scalar),
        E = Σ ½g² (or g²), δ = g ⊙ f′(z) (or 2g ⊙ f′(z)); binary cross-entropy through core.model.losses."""
        net, L, P = self.sw.net, self.sw.net.depth, partial
        loss_fn, zL, o, y, out = LOSSES[net.loss], self.z[L], self.a[L], self.y, net.layers[-1].activation
        dL, g, t = self.d[L], self.g[L], np.zeros_like(self.g[L])
        if net.loss == "bce":
            def loss_and_delta() -> None:
                np.add.reduce(loss_fn.terms(zL, o, y), axis=0, out=self.loss_out)
                dL[...] = loss_fn.output_delta(out, zL, o, y)
            return [loss_and_delta]
        ops: list[Op] = [P(np.subtract, o[k], self.ys[k], g[k]) for k in range(net.sizes[-1])]
        ops += [P(np.multiply, g, g, t)]
        if net.loss == "half_sse":
            ops.append(P(np.multiply, t, np.full(t.shape, 0.5), t))
        else:
            ops.append(P(np.multiply, g, np.full(g.shape, 2.0), g))
        ops.append(sum_op(t, 0, self.loss_out))
        return ops + act.times_derivative_ops(out, zL, o, g, dL)

    def _backward(self) -> list[Op]:
        net, P, K = self.sw.net, partial, self.K
        ops: list[Op] = []
        for l in range(net.depth, 0, -1):
            (ws, bs), spec, d = net.slices()[l - 1], net.layers[l - 1], self.d[l]
            dW = self.grad[ws].reshape(net.sizes[l - 1], spec.size, K)
            if l == 1:
                ops += [P(np.multiply, d, self.xs[i], dW[i]) for i in range(net.sizes[0])]
            else:
                ops.append(P(np.multiply, self.a[l - 1][:, None, :], d[None, :, :], dW))
            if spec.bias == "neuron":
                ops.append(P(np.copyto, self.grad[bs], d))
            elif spec.bias == "shared":
                ops.append(P(np.add.reduce, d, 0, None, self.grad[bs], True))
            if l > 1:
                ops += [P(np.multiply, self.W[l - 1], d[None, :, :], self.prod[l - 1]),
                        sum_op(self.prod[l - 1], 1, self.g[l - 1])]
                ops += act.times_derivative_ops(net.layers[l - 2].activation, self.z[l - 1], self.a[l - 1],
                                                self.g[l - 1], self.d[l - 1])
        return ops

    def run(self) -> None:
        for op in self.ops:
            op()
