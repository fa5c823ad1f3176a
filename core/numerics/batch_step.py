"""The mini-batch and full-batch step without allocating: core.engine.evaluate's operations, one for
one and in its order, on preallocated (B × n) buffers with `out`, built once per batch size B.

Every array an operation sees has the shape and memory order it has in evaluate (C-ordered (B × n)
rows; W and its transpose as views of theta), so each matmul makes the same BLAS call and each sum
runs in the same order (a (B × 1) column sums pairwise, a (B × n) block row by row: one buffer for
all the means would change that): the row (batch means of x, y, z, a, δ; the loss; the mean
gradients) is the reference's to the bit, which tests/core/test_training.py holds. The common
activations and losses are written out as the ufunc calls core.activations and core.losses make
(with arrays of ones, not the scalar 1.0, which costs a conversion per call); the derivatives are
core.activations' own op lists (times_derivative_ops); the others are called as they are.
"""
from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING

import numpy as np
import numpy.typing as npt

from backprop_lab.core.model import activations as act
from backprop_lab.core.model.arrays import FloatArray
from backprop_lab.core.model.losses import LOSSES

if TYPE_CHECKING:       # the trainer builds its steps: importing it here at run time would be a cycle
    from backprop_lab.core.numerics.training import Trainer

Op = Callable[[], object]


class BatchStep:
    """The buffers and the op list of a step over B samples: load(idx) puts the samples in,
    run() computes the trainer's row buffer R (all but step and sample)."""

    def __init__(self, t: Trainer, B: int):
        net, sizes = t.net, t.net.sizes
        self.t, self.net = t, net
        self.B, self.cross_entropy = B, net.loss == "cross_entropy"
        self.mean = t.settings.batch_loss == "mean"    # else the sum: the same ops without the division by B
        self.X, self.Y, self.ysum = self._rows(sizes[0]), self._rows(sizes[-1]), self._rows(1)
        # Index 0 of z and d is the input's, which has none: an empty (B × 0) block stands there.
        self.z = [self._rows(0)] + [self._rows(n) for n in sizes[1:]]
        self.a = [self.X] + [self._rows(n) for n in sizes[1:]]
        self.d = [self._rows(0)] + [self._rows(n) for n in sizes[1:]]
        self.g = [self._rows(n) for n in sizes]            # dE/da of a layer
        self.tmp = [self._rows(n) for n in sizes]
        self.per_sample = np.empty(B)
        self.fB = np.array(float(B))     # 0-d: dividing by it is dividing by B, as x / B and mean do
        self.ones = [np.ones((B, n)) for n in sizes]
        self.ops: list[Op] = (self._forward_ops() + self._loss_ops() + self._output_delta_ops()
                              + self._backward_ops() + self._row_ops())
        x_mean, y_mean, fB, P = t.x, t.y, self.fB, partial
        self.load_means: list[Op] = [
            P(np.add.reduce, self.X, 0, None, x_mean), P(np.divide, x_mean, fB, x_mean),
            P(np.add.reduce, self.Y, 0, None, y_mean), P(np.divide, y_mean, fB, y_mean)]

    def _rows(self, n: int) -> FloatArray:
        return np.empty((self.B, n))

    def _forward_ops(self) -> list[Op]:
        """z = a W + bias (a zero vector where there is none, as bias_vector), a = f(z)."""
        net, z, a, ones, P = self.net, self.z, self.a, self.ones, partial
        ops: list[Op] = []
        for l in range(1, net.depth + 1):
            spec = net.layers[l - 1]
            bias = np.zeros(spec.size) if spec.bias == "none" else net.b[l - 1]   # shared: (1,) broadcasts
            ops += [P(np.matmul, a[l - 1], net.W[l - 1], out=z[l]), P(np.add, z[l], bias, z[l])]
            if spec.activation == "sigmoid":     # activations._sigmoid
                ops += [P(np.negative, z[l], a[l]), P(np.exp, a[l], a[l]), P(np.add, a[l], ones[l], a[l]),
                        P(np.reciprocal, a[l], a[l])]
            else:
                ops.append(P(act.ACTIVATIONS[spec.activation].f, z[l], a[l]))
        return ops

    def _loss_ops(self) -> list[Op]:
        """The loss: the mean over the batch of each sample's sum of terms."""
        net, L, P, per_sample = self.net, self.net.depth, partial, self.per_sample
        loss_fn, zL, o, Y, tL = LOSSES[net.loss], self.z[L], self.a[L], self.Y, self.tmp[L]
        loss = self.t.R[2:3].reshape(())
        ops: list[Op] = []
        if net.loss in ("half_sse", "sse", "mse"):   # ½ (y − o)², (y − o)² or (y − o)²/n; `** 2` is np.square
            ops += [P(np.subtract, Y, o, tL), P(np.square, tL, tL)]
            if net.loss == "half_sse":
                ops.append(P(np.multiply, np.array(0.5), tL, tL))
            elif net.loss == "mse":
                ops.append(P(np.divide, tL, np.array(float(net.sizes[-1])), tL))
            ops.append(P(np.add.reduce, tL, 1, None, per_sample))
        else:
            def sample_losses() -> None:
                np.add.reduce(loss_fn.terms(zL, o, Y), 1, None, out=per_sample)
            ops.append(sample_losses)
        ops.append(P(np.add.reduce, per_sample, 0, None, loss))
        return ops + [P(np.divide, loss, self.fB, loss)] if self.mean else ops

    def _output_delta_ops(self) -> list[Op]:
        """δ at the output (losses.output_delta)."""
        net, L, P, B = self.net, self.net.depth, partial, self.B
        o, Y, tmp = self.a[L], self.Y, self.tmp
        out_act, dL, gL = net.layers[-1].activation, self.d[L], self.g[L]
        ops: list[Op] = []
        if net.loss == "cross_entropy":          # o·Σy − y
            ops += [P(np.multiply, o, self.ysum, dL), P(np.subtract, dL, Y, dL)]
        elif net.loss == "bce":                  # o − y
            ops.append(P(np.subtract, o, Y, dL))
        else:
            ops += [P(np.subtract, Y, o, gL)]    # dE/do: −(y − o), −2(y − o), or −2(y − o)/n
            if net.loss == "mse":
                ops += [P(np.multiply, gL, np.array(-2.0), gL), P(np.divide, gL, np.array(float(net.sizes[-1])), gL)]
            elif net.loss == "sse":
                ops.append(P(np.multiply, gL, np.array(-2.0), gL))
            else:
                ops.append(P(np.negative, gL, gL))
            if out_act == "softmax":             # a ⊙ (g − Σ g·a), activations.softmax_backward
                s = np.empty((B, 1))
                ops += [P(np.multiply, gL, o, tmp[L]), P(np.add.reduce, tmp[L], 1, None, s, True),
                        P(np.subtract, gL, s, tmp[L]), P(np.multiply, o, tmp[L], dL)]
            else:
                ops += self._times_derivative(out_act, L, gL, dL)
        return ops

    def _backward_ops(self) -> list[Op]:
        """δ of the layers below, then each layer's mean gradients."""
        net, t, d, P = self.net, self.t, self.d, partial
        ops: list[Op] = []
        for l in range(net.depth, 1, -1):
            ops.append(P(np.matmul, d[l], net.W[l - 1].T, out=self.g[l - 1]))
            ops += self._times_derivative(net.layers[l - 2].activation, l - 1, self.g[l - 1], d[l - 1])
        # Sums first, then one division by B of the whole gradient (x / B, mean: a sum divided by B).
        for l in range(1, net.depth + 1):
            spec, db = net.layers[l - 1], t.db[l - 1]
            ops.append(P(np.matmul, self.a[l - 1].T, d[l], out=t.dW[l - 1]))      # aᵀδ / B
            if spec.bias == "neuron":            # δ.mean(axis=0)
                ops.append(P(np.add.reduce, d[l], 0, None, db))
            elif spec.bias == "shared":          # δ.sum(axis=1).mean()
                ops += [P(np.add.reduce, d[l], 1, None, self.per_sample),
                        P(np.add.reduce, self.per_sample, 0, None, db.reshape(()))]
        if self.mean:
            ops.append(P(np.divide, t.grad, self.fB, t.grad))
        return ops

    def _row_ops(self) -> list[Op]:
        """The row: batch means (x.mean(axis=0)): sums, then the z, a, δ part of R divided at once."""
        t, P = self.t, partial
        ops: list[Op] = []
        for l in range(1, self.net.depth + 1):
            for q, row in ((self.z, t.z), (self.a, t.a), (self.d, t.delta)):
                ops.append(P(np.add.reduce, q[l], 0, None, row[l]))
        ops.append(P(np.divide, t.neurons, self.fB, t.neurons))
        return ops

    def _times_derivative(self, name: str, l: int, grad_a: FloatArray, out: FloatArray) -> list[Op]:
        """out = grad_a ⊙ f'(z{l}) (activations.backward: grad_a * df(z, a))."""
        return act.times_derivative_ops(name, self.z[l], self.a[l], grad_a, out)

    def load(self, X: FloatArray, Y: FloatArray, ysum: FloatArray, idx: npt.NDArray[np.intp] | None) -> None:
        """The samples idx (all of them if None) into the buffers, and their means into R."""
        if idx is None:
            self.X[...], self.Y[...], self.ysum[...] = X, Y, ysum
        else:
            # mode="clip": the indices are valid, and "raise" would copy through a temporary.
            X.take(idx, 0, self.X, "clip")
            Y.take(idx, 0, self.Y, "clip")
            if self.cross_entropy:
                ysum.take(idx, 0, self.ysum, "clip")
        for op in self.load_means:
            op()

    def run(self) -> None:
        for op in self.ops:
            op()
