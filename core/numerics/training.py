"""The data set, the optimizer settings and the SGD step loop.

Everything one step touches lives in one float64 row buffer R, laid out as the trace stores a row
(core.trace.storage_layout: step, sample, loss | theta | grad | z, a, δ of each layer | x | y). The
network's theta is rebound to live inside R. A per-sample step is a fixed list of numpy calls, each a
functools.partial writing into views of R with `out`, built once for the network's shape; then R is
copied into a row of a row-major staging buffer with one assignment, and the update runs. Its speed
is set by the number of numpy calls, so the loop makes only those the trace needs, and defers to the
end of each piece of steps what can be done for many rows at once: the step and sample columns, the
loss (computed exactly as core.engine does, from the stored z, o and y), the check that nothing
became NaN or Inf, and one transposing copy into the trace's column-major block (writing each row
straight into the block's columns costs ~7 µs a step on a 921-column net; staged, ~1.5 µs).
All gradients of a step are taken at the weights before it.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import partial

import numpy as np

from backprop_lab.core.model import activations as act
from backprop_lab.core.model.arrays import FloatArray
from backprop_lab.core.model.dataset import Dataset
from backprop_lab.core.model.losses import LOSSES
from backprop_lab.core.model.network import Network
from backprop_lab.core.model.quantity import Key
from backprop_lab.core.model.settings import Settings
from backprop_lab.core.numerics import engine
from backprop_lab.core.numerics.batch_step import BatchStep
from backprop_lab.core.numerics.history import History
from backprop_lab.core.numerics.rewind import Rewind
from backprop_lab.core.numerics.trace import Trace, column_names, storage_layout
from backprop_lab.core.numerics.update import OptState, update_ops

CHUNK = 256      # steps between checks (finite values, should_stop); a refused step replays at most this many
STAGE_BYTES = 1 << 21    # the staging buffer's size (CHUNK rows up to ~1,000 columns)


LOSS_COL = 2             # a row: step, sample, loss, then the layout of core.numerics.trace


class DivergenceError(ArithmeticError):
    """A step would have produced NaN or Inf; the state before it is kept."""

    def __init__(self, step: int, param: str, what: str, sample: int = -1):
        self.step, self.param, self.what, self.sample = step, param, what, sample    # sample from 0; -1: none
        of = "" if sample < 0 else f" of sample {sample + 1}"
        super().__init__(f"step {step}: {what} {param}{of} would become NaN or Inf; the step was refused "
                         f"and the parameters are as they were before it")


def _epoch_order(n: int, epoch: int, seed: int, shuffle: bool) -> np.ndarray:
    if not shuffle or n == 1:
        return np.arange(n)
    # A pure function of (seed, epoch): undo, branching and replays all see the same order.
    return np.random.default_rng([seed, epoch]).permutation(n)


def samples_for_step(k: int, n: int, s: Settings) -> np.ndarray:
    """The sample indices step k (0-based) averages over."""
    if s.mode == "batch":
        return np.arange(n)
    size = 1 if s.mode == "sample" else min(s.batch_size, n)
    per_epoch = -(-n // size)
    epoch, b = divmod(k, per_epoch)
    return _epoch_order(n, epoch, s.seed, s.shuffle)[b * size:(b + 1) * size]


def _sample_run(k: int, m: int, n: int, s: Settings) -> np.ndarray:
    """samples_for_step(k + j)[0] for j < m in per-sample mode, a whole epoch at a time."""
    if not s.shuffle or n == 1:
        return np.arange(k, k + m) % n
    e0, e1 = k // n, (k + m - 1) // n
    orders = np.concatenate([_epoch_order(n, e, s.seed, True) for e in range(e0, e1 + 1)])
    return orders[k - e0 * n:k - e0 * n + m]


@dataclass(init=False)
class Trainer(Rewind):
    """Owns the network's parameters while training; `net.theta` lives inside the row buffer. The
    trace, the settings and the data's arrays may be replaced between runs. Snapshots, rewinding,
    branching and divergence settling: core.numerics.rewind."""
    net: Network
    data: Dataset
    settings: Settings
    trace: History | Trace
    step: int

    # Written out rather than generated: without a trace given, a History is made for the network's
    # columns, so `trace` is never None. A full-row Trace may be given (replays, tests).
    def __init__(self, net: Network, data: Dataset, settings: Settings | None = None,
                 trace: History | Trace | None = None, step: int = 0) -> None:
        self.net, self.data, self.step = net, data, step
        self.settings = Settings() if settings is None else settings
        self.names = column_names(net)
        self.layout = storage_layout(self.names)
        self.trace = History(net, self.names, self.layout) if trace is None else trace
        w = len(self.names)
        self.R = R = np.zeros(w + 1)       # R[w]: Σy of the current sample (cross-entropy's δ), not traced
        self.Rt = R[:w]
        at = dict(zip(self.names, self.layout.tolist()))
        P = net.n_params
        p0 = at["W1[1,1]"]
        net.rebind(R[p0:p0 + P])
        self.theta, self.grad = R[p0:p0 + P], R[p0 + P:p0 + 2 * P]
        self.opt = OptState.zeros(P)       # the update rule's memory: one object to copy or checkpoint
        self.velocity = self.opt.velocity
        seg = lambda q, l, n: R[at[f"{q}{l}[1]"]:at[f"{q}{l}[1]"] + n]
        sizes = net.sizes
        self.x, self.y = seg("a", 0, sizes[0]), R[at["y[1]"]:at["y[1]"] + sizes[-1]]
        self.xy = R[at["a0[1]"]:]
        # Index 0 is the input's, which has no z or δ: an empty view stands there.
        self.z: list[FloatArray] = [R[:0]] + [seg("z", l, sizes[l]) for l in range(1, net.depth + 1)]
        self.a = [self.x] + [seg("a", l, sizes[l]) for l in range(1, net.depth + 1)]
        self.delta: list[FloatArray] = [R[:0]] + [seg("delta", l, sizes[l]) for l in range(1, net.depth + 1)]
        self.neurons = R[at["z1[1]"]:at["a0[1]"]]      # every z, a and δ (storage_layout keeps them together)
        self.dW = [self.grad[ws].reshape(W.shape) for (ws, _), W in zip(net.slices(), net.W)]
        self.db = [self.grad[bs] for _, bs in net.slices()]
        self._theta_cols = slice(p0, p0 + P)
        L, nL = net.depth, sizes[-1]
        self._zL, self._out, self._yc = ([at[f"{q}[{k + 1}]"] for k in range(nL)] for q in (f"z{L}", f"a{L}", "y"))
        self._stage = np.empty((max(1, min(CHUNK, STAGE_BYTES // (8 * w))), w))
        self._stage_rows = list(self._stage)      # made once: iterating the array makes a view per row
        # by batch size (an epoch's last batch may be short) and the batch loss (mean or sum)
        self._batch_steps: dict[tuple[int, str], BatchStep] = {}
        self._prog = _step_program(self)

    # ----- stepping -----------------------------------------------------------------------------
    def run(self, n: int, should_stop: Callable[[], bool] | None = None) -> int:
        """Take n steps (fewer if should_stop() turns true, checked every CHUNK steps). Returns the
        number taken. Raises DivergenceError, with the state before the offending step kept."""
        s, data, net = self.settings, self.data, self.net
        s.validate(len(data))
        if data.X.shape[1] != net.sizes[0] or data.Y.shape[1] != net.sizes[-1]:
            raise ValueError("data: the samples do not fit the network's inputs and outputs")
        self._adopt()
        bad = ~np.isfinite(self.theta)
        if bad.any():
            raise ValueError(f"{net.param_names()[int(np.argmax(bad))]}: not a finite number; cannot train")
        self._prepare()
        self.trace.begin(self)
        done = 0
        with np.errstate(over="ignore", invalid="ignore", divide="ignore", under="ignore"):
            while done < n:
                m = min(n - done, CHUNK)
                self._run_chunk(m)
                done += m
                if should_stop is not None and should_stop():
                    break
        return done

    def whole_divergence(self) -> tuple[engine.State, DivergenceError | None]:
        """The project's finiteness rule (engine.checked) over the whole data set at θ, and a DivergenceError
        of the last step taken where it fails. run() checks each step's own samples only: a step on one
        sample can take another's values past the largest float (a softmax's z to inf, then inf − inf);
        training stops there as at any divergence."""
        state, bad = engine.checked(self.net, self.data.X, self.data.Y)
        return state, None if bad is None else self.divergence(bad, max(self.step - 1, 0), self.theta)

    def divergence(self, bad: engine.NotFinite, step: int, theta: np.ndarray) -> DivergenceError:
        """The refusal of `step`, which made θ = `theta`, for a value of the whole data set's evaluation
        there that is not finite, named as a step's own values are (_culprit, _describe): in the
        network's notation, and for a loss the largest parameter, which is what the learner can act on."""
        if bad.kind in ("loss", "loss_term"):
            return DivergenceError(step, self._largest(theta), "the parameter")
        if bad.kind == "grad":
            return DivergenceError(step, bad.param, "the gradient of", bad.sample)
        return DivergenceError(step, bad.named(self.net), "the value", bad.sample)

    def _largest(self, theta: np.ndarray) -> str:
        return self.net.param_names()[int(np.argmax(np.abs(theta)))]

    def _adopt(self) -> None:
        """Follow replacements made between runs: a new trace, a theta array set on the network."""
        if self.trace.names != self.names:
            raise ValueError("trace: its columns do not belong to this network")
        if isinstance(self.trace, Trace):
            self.trace.relayout(self.layout)
        elif not np.array_equal(self.trace.layout, self.layout):
            raise ValueError("history: its rows are laid out for another network")
        if self.net.theta is not self.theta:
            self.net.rebind(self.theta)    # copies the new values in, so R holds them again

    def _prepare(self) -> None:
        s, data, net = self.settings, self.data, self.net
        self._update = update_ops(self.theta, self.grad, self.opt, s, net.frozen)
        X, Y = np.ascontiguousarray(data.X), np.ascontiguousarray(data.Y)
        ysum = np.sum(Y, axis=-1, keepdims=True)      # per row, as core.engine sums a batch's rows
        if s.mode == "sample":
            # Each sample's x | y | Σy, in R's order, ready to be copied in with one assignment.
            self._rows = list(np.hstack([X, Y, ysum]))
        else:
            self._data = (X, Y, ysum)
            self._epoch: int | None = None
            if s.mode == "batch":                     # the same samples every step: loaded once
                self._batch_step(len(X)).load(X, Y, ysum, None)

    def _run_chunk(self, m: int) -> None:
        """m steps, in pieces that each fit the staging buffer and one trace block; each piece is
        staged, settled (filled in, checked) and then copied into the block and committed."""
        while m > 0:
            k = min(m, self.trace.room(self.step), len(self._stage))
            if self.settings.mode == "sample":
                samples = _sample_run(self.step, k, len(self.data), self.settings)
            else:
                samples = np.full(k, -1)
            v0 = self.opt.copy()
            self._steps(samples, self._stage_rows[:k])
            self._settle(self._stage[:k], samples, v0)
            m -= k

    def _steps(self, samples: np.ndarray, rows: list) -> None:
        Rt, ops, update = self.Rt, self._prog, self._update
        if self.settings.mode != "sample":
            for k, dst in enumerate(rows, start=self.step):
                self._batch_row(k)
                dst[...] = Rt
                for op in update:
                    op()
            return
        xy, data = self.xy, self._rows
        for i, dst in zip(samples.tolist(), rows):
            xy[...] = data[i]
            for op in ops:
                op()
            dst[...] = Rt
            for op in update:
                op()

    def _batch_row(self, k: int) -> None:
        """R for step k of mini-batch or batch mode: the batch means, computed as core.engine does."""
        if self.settings.mode == "batch":
            step = self._batch_step(len(self._data[0]))
        else:
            idx = self._minibatch(k)
            step = self._batch_step(len(idx))
            step.load(*self._data, idx)
        step.run()

    def _batch_step(self, B: int) -> BatchStep:
        key = (B, self.settings.batch_loss)
        if key not in self._batch_steps:
            self._batch_steps[key] = BatchStep(self, B)
        return self._batch_steps[key]

    def _minibatch(self, k: int) -> np.ndarray:
        """samples_for_step(k) in mini-batch mode, drawing each epoch's order once."""
        s, n = self.settings, len(self._data[0])
        size = min(s.batch_size, n)
        epoch, b = divmod(k, -(-n // size))
        if epoch != self._epoch:
            self._order, self._epoch = _epoch_order(n, epoch, s.seed, s.shuffle), epoch
        return self._order[b * size:(b + 1) * size]

    # ----- after a piece: fill in, check, commit or refuse ------------------------------------------
    def _fill(self, rows: np.ndarray, samples: np.ndarray) -> None:
        rows[:, 0] = np.arange(self.step, self.step + len(rows))
        rows[:, 1] = samples
        if self.settings.mode == "sample":
            # C order, so that each row sums in numpy's pairwise order, as core.engine's (1, n) rows do.
            z, o, y = (np.ascontiguousarray(rows[:, c]) for c in (self._zL, self._out, self._yc))
            rows[:, LOSS_COL] = np.ascontiguousarray(LOSSES[self.net.loss].terms(z, o, y)).sum(axis=1)

    def _settle(self, staged: np.ndarray, samples: np.ndarray, v0: OptState) -> None:
        """Fill in and check the staged rows (row-major and still in the cache: isfinite runs 2.5×
        faster there than over a block's short column runs), then hand them to the history."""
        self._fill(staged, samples)
        # Not one np.dot with zeros: a long BLAS call wakes OpenBLAS's threads, which then spin and
        # steal the core the next chunk runs on.
        if np.isfinite(staged).all() and np.isfinite(self.theta).all():
            self.step += len(staged)
            self.trace.take(staged, self)
            return
        bad, what, name = self._culprit(staged)
        # Back to the start of the piece and forward again, deterministically, to the refused step.
        self.theta[...] = staged[0, self._theta_cols]
        self.opt.assign(v0)
        self._steps(samples[:bad], self._stage_rows[:bad])
        self._fill(staged[:bad], samples[:bad])
        self.step += bad
        self.trace.take(staged[:bad], self)
        raise DivergenceError(self.step, name, what)

    def _culprit(self, rows: np.ndarray) -> tuple[int, str, str]:
        """(row of the refused step, what became non-finite, its name in the network's notation)."""
        ok = np.isfinite(rows)
        bad_rows = np.flatnonzero(~ok.all(axis=1))
        th = self._theta_cols
        if not bad_rows.size:    # only the parameters after the chunk's last step
            return len(rows) - 1, *self._describe(th.start + int(np.argmin(np.isfinite(self.theta))))
        r = int(bad_rows[0])
        if not ok[r, th].all():  # row r holds what step r-1 made of the parameters
            return r - 1, *self._describe(th.start + int(np.argmin(ok[r, th])))
        g = slice(th.stop, th.stop + (th.stop - th.start))
        if not ok[r, g].all():
            return r, *self._describe(g.start + int(np.argmin(ok[r, g])))
        at = int(np.argmin(ok[r]))
        if at == LOSS_COL:
            # Every parameter and gradient is finite but the loss is not: it shows the blow-up, the
            # parameter that grew out of bounds (the largest) is what the learner can act on.
            return r, "the parameter", self._largest(rows[r, th])
        return r, *self._describe(at)

    def _describe(self, index: int) -> tuple[str, str]:
        """What sits at R[index], in words and in the network's notation."""
        th, nt = self._theta_cols, self.net.notation
        n_p = th.stop - th.start
        if th.start <= index < th.stop + n_p:
            what = "the parameter" if index < th.stop else "the gradient of"
            return what, self.net.param_names()[(index - th.start) % n_p]
        key = Key.parse(self.names[int(np.flatnonzero(self.layout == index)[0])])
        return ("the loss" if key.kind == "loss" else "the value"), nt.name(key)


def _forward_program(t: Trainer, ones: list[FloatArray], zeros: list[FloatArray], tmp: list[FloatArray],
                     s0: FloatArray) -> list[Callable[[], object]]:
    """The forward half of _step_program: z = a W (+ b), then a = f(z), layer by layer."""
    net, P = t.net, partial
    prog: list[Callable[[], object]] = []
    for l in range(1, net.depth + 1):
        spec, z, a = net.layers[l - 1], t.z[l], t.a[l]
        prog.append(P(np.dot, t.a[l - 1], net.W[l - 1], z))
        if spec.bias != "none":
            prog.append(P(np.add, z, net.b[l - 1], z))
        if spec.activation == "sigmoid":       # 1/(1+e^-z), as activations._sigmoid
            prog += [P(np.negative, z, a), P(np.exp, a, a), P(np.add, a, ones[l], a), P(np.reciprocal, a, a)]
        elif spec.activation == "softmax":     # shifted by the maximum, as activations.softmax
            prog += [P(np.maximum.reduce, z, 0, None, s0), P(np.subtract, z, s0, tmp[l]),
                     P(np.exp, tmp[l], a), P(np.add.reduce, a, 0, None, s0), P(np.divide, a, s0, a)]
        elif spec.activation == "relu":
            # fmax(z, 0) is maximum(z, 0) (activations._relu) except at NaN, where the step is refused
            # anyway; maximum is several times slower in numpy 2.x.
            prog.append(P(np.fmax, z, zeros[l], a))
        else:
            prog.append(P(act.ACTIVATIONS[spec.activation].f, z, a))
    return prog


def _step_program(t: Trainer) -> list:
    """The numpy calls of one per-sample step, forward and backward, as argument-bound partials.
    Each mirrors core.activations / core.losses operation for operation, so the results are the
    reference engine's to the bit (tests/core/test_training.py holds them equal)."""
    net, L = t.net, t.net.depth
    ones = [np.ones(n) for n in net.sizes]     # arrays, not 1.0: a Python scalar costs a conversion per call
    zeros = [np.zeros(n) for n in net.sizes]
    tmp = [np.empty(n) for n in net.sizes]
    s0 = np.empty(())      # 0-d: a (1,)-shaped operand would be broadcast, at twice the cost
    P = partial
    prog = _forward_program(t, ones, zeros, tmp, s0)

    def times_derivative(l: int, g: FloatArray, out: FloatArray) -> list[Callable[[], object]]:
        """out = g ⊙ f'(z{l}) (activations.backward), g and out distinct."""
        return act.times_derivative_ops(net.layers[l - 1].activation, t.z[l], t.a[l], g, out)

    o, y, dL, g, nL = t.a[L], t.y, t.delta[L], tmp[L], net.sizes[-1]
    out_act = net.layers[-1].activation
    if net.loss == "cross_entropy":            # o·Σy − y
        prog += [P(np.multiply, o, t.R[-1:].reshape(()), dL), P(np.subtract, dL, y, dL)]
    elif net.loss == "bce":                    # o − y
        prog.append(P(np.subtract, o, y, dL))
    else:
        prog.append(P(np.subtract, o, y, g))   # o − y = −(y − o) exactly
        if net.loss == "mse":                  # −2(y − o)/n = (2(o − y))/n exactly
            prog += [P(np.multiply, g, np.full(nL, 2.0), g), P(np.divide, g, np.full(nL, float(nL)), g)]
        elif net.loss == "sse":                # −2(y − o) = 2(o − y) exactly
            prog.append(P(np.multiply, g, np.full(nL, 2.0), g))
        if out_act == "softmax":               # a ⊙ (g − Σ g·a), as activations.softmax_backward
            h = np.empty(nL)
            prog += [P(np.multiply, g, o, h), P(np.add.reduce, h, 0, None, s0),
                     P(np.subtract, g, s0, h), P(np.multiply, o, h, dL)]
        else:
            prog += times_derivative(L, g, dL)
    for l in range(L, 0, -1):
        spec, d = net.layers[l - 1], t.delta[l]
        # a ⊗ δ as a (n×1)·(1×m) product: a single term per entry, so exactly a_i·δ_j, and BLAS does it
        # in half the time of a broadcast multiply.
        prog.append(P(np.dot, t.a[l - 1].reshape(-1, 1), d.reshape(1, -1), t.dW[l - 1]))
        if spec.bias == "neuron":
            prog.append(P(np.copyto, t.db[l - 1], d))
        elif spec.bias == "shared":
            prog.append(P(np.add.reduce, d, 0, None, t.db[l - 1].reshape(())))
        if l > 1:
            prog.append(P(np.dot, net.W[l - 1], d, tmp[l - 1]))
            prog += times_derivative(l - 1, tmp[l - 1], t.delta[l - 1])
    return prog
