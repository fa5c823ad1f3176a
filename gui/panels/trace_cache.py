"""The loss plot's copy of the trace columns it draws, grown by appending only the new rows (the
trace only ever appends or is cut back), so a live plot of a long run costs the new rows, not all.

Curves: the loss of the whole data set ("E, all samples") and, with a few samples, each sample's
loss at the steps that used it. With one sample the trace's loss column is the whole-set loss; with
more, the whole-set loss is core's engine.loss_at at evenly spaced rows (at most EVALS_PER_UPDATE per
update), because the trace records only the loss of the samples each step used.
Past its memory budget the history keeps only every 2nd, 4th … loss of old steps (core.numerics.history):
the copy holds the steps kept, by their row, and reloads when the history thins.
"""
from __future__ import annotations

import numpy as np

from backprop_lab.core.numerics import engine

EVALS_PER_UPDATE = 300
MAX_SAMPLE_CURVES = 8


class Growing:
    def __init__(self):
        self.buf = np.empty(1024)
        self.n = 0

    def extend(self, values: np.ndarray) -> None:
        if self.n == 0 and len(values) > len(self.buf):
            self.buf, self.n = values, len(values)     # a fresh array from the trace: adopt it
            return
        need = self.n + len(values)
        if need > len(self.buf):
            new = np.empty(max(need, 2 * len(self.buf)))
            new[:self.n] = self.buf[:self.n]
            self.buf = new
        self.buf[self.n:need] = values
        self.n = need

    def view(self) -> np.ndarray:
        return self.buf[:self.n]


class TraceCache:
    def __init__(self) -> None:
        self._clear()

    def _clear(self) -> None:
        self.generation = None
        self.rows = 0
        self.loss = Growing()          # the loss column (every row kept)
        self.x = Growing()             # the rows kept (every row until the history thins)
        self.total_x, self.total_y = Growing(), Growing()
        self.samples: list[tuple[Growing, Growing]] = []
        self.n_samples = 0
        self.peak = 0.0                # the largest loss drawn (the live plot's fixed y range)

    def reset(self, n_samples: int) -> None:
        self._clear()
        self.n_samples = n_samples
        if 1 < n_samples <= MAX_SAMPLE_CURVES:
            self.samples = [(Growing(), Growing()) for _ in range(n_samples)]

    @property
    def one_sample(self) -> bool:
        return self.n_samples == 1

    def update(self, session) -> bool:
        """Bring the copy up to the session's trace; True if anything changed."""
        trace, n_samples = session.trace, len(session.data)
        was_reset = False
        if session.trace_generation != self.generation or n_samples != self.n_samples or len(trace) < self.rows:
            self.reset(n_samples)
            self.generation = session.trace_generation
            was_reset = True
        start, stop = self.rows, len(trace)
        if stop == start:
            return was_reset
        rows, loss, which = trace.kept_rows(start, stop)
        at = rows.astype(float)
        self.x.extend(at)
        self.loss.extend(loss)
        self.peak = max(self.peak, float(loss.max()))
        if self.samples:
            for k, (xs, ys) in enumerate(self.samples):
                hit = which == k
                xs.extend(at[hit])
                ys.extend(loss[hit])
        if not self.one_sample:
            self._whole_set(session, start, stop)
        self.rows = stop
        return True

    def _whole_set(self, session, start: int, stop: int) -> None:
        stride = max(1, -(-(stop - start) // EVALS_PER_UPDATE))
        rows = list(range(start, stop, stride))
        if rows[-1] != stop - 1:
            rows.append(stop - 1)
        probe = session.net.copy()
        X, Y = session.data.X, session.data.Y
        values = np.empty(len(rows))
        for t, i in enumerate(rows):
            probe.theta[...] = session.trace.theta_at(i, probe)
            values[t] = engine.loss_at(probe, X, Y)
        self.total_x.extend(np.asarray(rows, dtype=float))
        self.total_y.extend(values)
        self.peak = max(self.peak, float(values.max()))

    def total(self) -> tuple[np.ndarray, np.ndarray]:
        if self.one_sample:
            return self.x.view(), self.loss.view()
        return self.total_x.view(), self.total_y.view()
