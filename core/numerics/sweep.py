"""A learning-rate sweep: K copies of one network trained at once, each with its own learning rate on a
log grid, in one structure-of-arrays computation (no Python loop over the copies).

The K parameter vectors are the rows of one (K × P) array Θ; each layer's W is a (K × n_in × n_out)
view of it, so a layer's forward and backward pass for every copy is one batched matmul over the
(K × B × n) activations. The step is core.engine's arithmetic (the same activations, losses and batch
reduction, the same sample order from training.samples_for_step) and the update is core.numerics.update's
rule with a (K × 1) column of rates, so copy k follows a single-net Trainer at learning rate k (tests hold
them equal to 1e-12 relative over 1,000 steps). A copy whose step would make its loss, gradient or
parameters NaN or Inf is refused that step, as the Trainer refuses it: it keeps the state before it, is
marked diverged at that step, and stops; the others go on.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from backprop_lab.core.model import activations as act
from backprop_lab.core.model.arrays import FloatArray
from backprop_lab.core.model.dataset import Dataset
from backprop_lab.core.model.losses import LOSSES
from backprop_lab.core.model.network import Network
from backprop_lab.core.model.settings import Settings
from backprop_lab.core.numerics.sweep_fast import FastStep, supports
from backprop_lab.core.numerics.training import _sample_run, samples_for_step
from backprop_lab.core.numerics.update import OptState, update_with_rates

MAX_COPIES = 100_000
# Per-sample steps between the checks for diverged copies. Each check and the move of the state in and
# out of the fast path's buffers cost ~150 µs for 1,000 copies of 2-2-2, about 4 steps' time; a diverged
# copy replays at most this many steps on the exact path.
CHUNK = 256


def log_grid(low: float, high: float, copies: int) -> FloatArray:
    """`copies` learning rates from low to high, evenly spaced in log η (both ends included)."""
    if not (np.isfinite(low) and np.isfinite(high) and 0 < low <= high):
        raise ValueError(f"learning rates: need 0 < low ≤ high, got {low!r} and {high!r}")
    if not 1 <= copies <= MAX_COPIES:
        raise ValueError(f"copies: must be a whole number from 1 to {MAX_COPIES}, got {copies!r}")
    return np.geomspace(low, high, copies) if copies > 1 else np.array([float(low)])


@dataclass
class SweepResult:
    lrs: FloatArray           # (K,) the learning rates
    losses: FloatArray        # (steps × K) each step's loss (the trace's loss column), NaN once diverged
    final_loss: FloatArray    # (K,) the loss over the whole data set after the run (or at divergence)
    diverged_at: np.ndarray   # (K,) the refused step, −1 for a copy that never diverged
    theta: FloatArray         # (K × P) the parameters at the end (before the refused step when diverged)

    def best(self) -> int:
        """The copy with the lowest final loss (among those that did not diverge, if any did not)."""
        ok = np.where(self.diverged_at < 0, self.final_loss, np.inf)
        return int(np.nanargmin(ok)) if np.isfinite(ok).any() else int(np.nanargmin(self.final_loss))


class Sweep:
    def __init__(self, net: Network, data: Dataset, settings: Settings, lrs: FloatArray):
        settings.validate(len(data))
        if data.X.shape[1] != net.sizes[0] or data.Y.shape[1] != net.sizes[-1]:
            raise ValueError("data: the samples do not fit the network's inputs and outputs")
        if not np.isfinite(net.theta).all():
            raise ValueError("the network has a parameter that is not a finite number; cannot train")
        self.net, self.data, self.settings = net, data, settings
        self.lrs = np.asarray(lrs, dtype=float)
        K, P = len(self.lrs), net.n_params
        self.theta = np.tile(net.theta, (K, 1))
        self.opt = OptState(np.zeros((K, P)), np.zeros((K, P)), np.zeros((K, P)), np.zeros(()))
        self.frozen = net.frozen.copy()
        self.rates = np.where(self.frozen, 0.0, self.lrs[:, None])
        self.alive = np.ones(K, dtype=bool)
        self.diverged_at = np.full(K, -1)
        self.step = 0
        self.losses: list[FloatArray] = []     # (m × K) blocks, one a chunk
        self._fast: FastStep | None = None
        self._rows: list[FloatArray] | None = None
        self.W = [self.theta[:, ws].reshape(K, n_in, spec.size)
                  for (ws, _), n_in, spec in zip(net.slices(), net.sizes[:-1], net.layers)]
        self.b = [self.theta[:, bs] for _, bs in net.slices()]
        assert all(np.shares_memory(W, self.theta) for W in self.W)   # views, so an update moves them

    def run(self, steps: int) -> None:
        """Take `steps` steps with every copy still going, in chunks of CHUNK."""
        # One record for the run, the chunks its rows: one allocation of many chunks' size costs less
        # than half as much as that many of a chunk's (the pages are fresh either way).
        record = np.full((steps, len(self.lrs)), np.nan)
        self.losses.append(record)
        with np.errstate(all="ignore"):
            for done in range(0, steps, CHUNK):
                block = record[done:done + CHUNK]
                if supports(self.net, self.settings):
                    self._fast_chunk(block)
                elif self.alive.any():          # every copy stopped: its rows stay NaN, nobody steps
                    self._exact(np.flatnonzero(self.alive), self.theta, self.opt, block)
                self.step += len(block)

    def _samples(self, m: int) -> list[np.ndarray]:
        return [samples_for_step(k, len(self.data), self.settings) for k in range(self.step, self.step + m)]

    def _fast_chunk(self, block: FloatArray) -> None:
        """m per-sample steps of every copy on the fast path, then the check: a copy whose losses or
        parameters are no longer all finite is put back and replayed step by step on the exact path."""
        if self._fast is None:
            self._fast = FastStep(self)
        fast, xy, loss = self._fast, self._fast.xy, self._fast.loss_out
        if self._rows is None:      # each sample's x | y as a column, ready for one assignment
            self._rows = list(np.hstack([self.data.X, self.data.Y])[:, :, None])
        rows = self._rows
        start, start_opt = self.theta.copy(), self.opt.copy()
        fast.load()
        ops, last = fast.ops, -1
        for j, i in enumerate(_sample_run(self.step, len(block), len(self.data), self.settings).tolist()):
            if i != last:               # the same sample again (one-sample data) is already in place
                xy[...] = rows[i]
                last = i
            for op in ops:
                op()
            block[j] = loss
        fast.unload()
        dead = ~self.alive
        np.copyto(self.theta, start, where=dead[:, None])      # a stopped copy stays where it stopped
        block[:, dead] = np.nan
        bad = np.flatnonzero(self.alive & ~(np.isfinite(block).all(axis=0) & np.isfinite(self.theta).all(axis=1)))
        if bad.size:
            self._exact(bad, start, start_opt, block)

    def _exact(self, S: np.ndarray, theta0: FloatArray, opt0: OptState, block: FloatArray) -> None:
        """len(block) steps of copies S from (theta0, opt0)'s rows, each checked: the exact path."""
        s = self.settings
        theta = theta0[S]
        st = OptState(opt0.velocity[S], opt0.m[S], opt0.v[S], opt0.t.copy())
        alive = np.ones(len(S), dtype=bool)
        for j, idx in enumerate(self._samples(len(block))):
            loss, grad = self.evaluate(theta, self.data.X[idx], self.data.Y[idx], s.batch_loss)
            u = update_with_rates(theta, grad, st, s, self.rates[S], self.frozen)
            ok = alive & np.isfinite(loss) & np.isfinite(grad).all(axis=1) & np.isfinite(u.theta).all(axis=1)
            self.diverged_at[S[alive & ~ok]] = self.step + j
            alive = ok
            block[j, S] = np.where(ok, loss, np.nan)
            keep = ok[:, None]
            np.copyto(theta, u.theta, where=keep)
            np.copyto(st.velocity, u.velocity, where=keep)
            if u.m is not None:
                np.copyto(st.m, u.m, where=keep)
                np.copyto(st.v, u.v, where=keep)
                st.t = np.asarray(u.t)    # the step count is shared; a stopped copy is never stepped again
        self.theta[S], self.opt.velocity[S], self.opt.m[S], self.opt.v[S] = theta, st.velocity, st.m, st.v
        self.opt.t[...] = opt0.t + len(block)
        self.alive[S] = alive

    def evaluate(self, theta: FloatArray, X: FloatArray, Y: FloatArray, reduction: str = "mean"
                 ) -> tuple[FloatArray, FloatArray]:
        """(loss (K,), gradient (K × P)) of every copy on the samples X, Y: core.engine.evaluate's
        arithmetic with a leading copy axis."""
        net, K, B = self.net, theta.shape[0], X.shape[0]
        Ws = [theta[:, ws].reshape(K, W.shape[1], W.shape[2]) for (ws, _), W in zip(net.slices(), self.W)]
        zs, acts = [X[None]], [np.broadcast_to(X, (K, *X.shape))]
        for l, spec in enumerate(net.layers):
            z = np.matmul(acts[-1], Ws[l])
            if spec.bias != "none":
                z = z + theta[:, net.slices()[l][1]][:, None, :]      # (K × 1 × n), or × 1 for shared
            zs.append(z)
            acts.append(act.ACTIVATIONS[spec.activation].f(z))
        loss_fn, L = LOSSES[net.loss], net.depth
        per_sample = loss_fn.terms(zs[L], acts[L], Y).sum(axis=-1)
        scale = 1.0 / B if reduction == "mean" else 1.0
        loss = per_sample.mean(axis=-1) if reduction == "mean" else per_sample.sum(axis=-1)
        delta = loss_fn.output_delta(net.layers[-1].activation, zs[L], acts[L], Y)
        grad = np.empty_like(theta)
        for l in range(L, 0, -1):
            ws, bs = net.slices()[l - 1]
            spec = net.layers[l - 1]
            grad[:, ws] = (np.matmul(acts[l - 1].transpose(0, 2, 1), delta) * scale).reshape(K, -1)
            if spec.bias == "neuron":
                grad[:, bs] = delta.sum(axis=1) * scale
            elif spec.bias == "shared":
                grad[:, bs] = delta.sum(axis=2).sum(axis=1, keepdims=True) * scale
            if l > 1:
                back = np.matmul(delta, Ws[l - 1].transpose(0, 2, 1))
                delta = act.backward(net.layers[l - 2].activation, zs[l - 1], acts[l - 1], back)
        return loss, grad

    def result(self) -> SweepResult:
        with np.errstate(all="ignore"):
            final, _ = self.evaluate(self.theta, self.data.X, self.data.Y)
        losses = np.concatenate(self.losses) if self.losses else np.empty((0, len(self.lrs)))
        return SweepResult(self.lrs.copy(), losses, final, self.diverged_at.copy(), self.theta.copy())

    def network(self, k: int) -> Network:
        """Copy k as a network of its own (to open that run)."""
        out = self.net.copy()
        out.theta[...] = self.theta[k]
        return out


def sweep(net: Network, data: Dataset, settings: Settings, lrs: FloatArray, steps: int) -> SweepResult:
    sw = Sweep(net, data, settings, lrs)
    sw.run(steps)
    return sw.result()
