"""The loss plot's copy of the trace columns it draws, grown by appending only the new rows (the
trace only ever appends or is cut back), so a live plot of a long run costs the new rows, not all.

Curves: the loss of the whole data set ("E, all samples"), with a few samples each sample's loss at
the steps that used it, and with a train/test split the held-out samples' loss. With one sample the
trace's loss column is the whole-set loss; otherwise (and for the test samples always) the loss is
evaluated where θ costs nothing to get back: at the history's checkpoints and at the run's end, or at
every row of a short update (a replay of at most EVERY_ROW steps). The losses of all those θ at once come
from core.numerics.landscape.losses_over, one vectorised pass (the trace records only the loss of the
samples each step used).
Past its memory budget the history keeps only every 2nd, 4th … loss of old steps (core.numerics.history):
the copy holds the steps kept, by their row, and reloads when the history thins.
"""
from __future__ import annotations

import numpy as np

from backprop_lab.core.numerics.landscape import losses_over

EVERY_ROW = 64            # an update of at most this many rows gets a point at every row
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

    def ending(self, value: float) -> np.ndarray:
        """The values and one more after them, without copying them: the next extend writes over it."""
        if self.n == len(self.buf) or not self.buf.flags.writeable or not self.buf.flags.owndata:
            new = np.empty(max(1024, 2 * (self.n + 1)))
            new[:self.n] = self.buf[:self.n]
            self.buf = new
        self.buf[self.n] = value
        return self.buf[:self.n + 1]


class TraceCache:
    def __init__(self) -> None:
        self._clear()

    def _clear(self) -> None:
        self.generation = None
        self.rows = 0
        self.loss = Growing()          # the loss column (every row kept)
        self.x = Growing()             # the rows kept (every row until the history thins)
        self.total_x, self.total_y = Growing(), Growing()
        self.test_x, self.test_y = Growing(), Growing()
        self.test = None               # the held-out samples the test curve is of
        self.last_probe = -1           # the last row whose θ was evaluated
        self.samples: list[tuple[Growing, Growing]] = []
        self.n_samples = 0
        self.peak = 0.0                # the largest loss drawn (the live plot's fixed y range)
        self.floor = np.inf            # the smallest positive loss drawn (when the loss axis goes log)

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
        if session.trace_generation != self.generation or n_samples != self.n_samples or len(trace) < self.rows \
                or session.test is not self.test:
            self.reset(n_samples)
            self.generation, self.test = session.trace_generation, session.test
            was_reset = True
        start, stop = self.rows, len(trace)
        if stop == start:
            return was_reset
        rows, loss, which = trace.kept_rows(start, stop)
        at = rows.astype(float)
        self.x.extend(at)
        self.loss.extend(loss)
        self._bounds(loss)
        if self.samples:
            for k, (xs, ys) in enumerate(self.samples):
                hit = which == k
                xs.extend(at[hit])
                ys.extend(loss[hit])
        if not self.one_sample or self.test is not None:
            self._evaluated(session, start, stop)
        self.rows = stop
        return True

    def _probe_rows(self, trace, start: int, stop: int) -> list[int]:
        """The rows of start..stop (stop: the state after the last step, when the history knows it) at
        which θ is to be evaluated, each after the last one evaluated."""
        if stop - start <= EVERY_ROW:
            rows = list(range(start, stop))
        else:
            rows = trace.checkpoint_rows(start, stop)
        rows.append(stop if trace.end_known() else stop - 1)
        return sorted({i for i in rows if i > self.last_probe})

    def _evaluated(self, session, start: int, stop: int) -> None:
        trace = session.trace
        rows = self._probe_rows(trace, start, stop)
        if not rows:
            return
        self.last_probe = rows[-1]
        thetas = trace.thetas_at(rows)
        every = list(range(session.net.n_params))
        at = np.asarray(rows, dtype=float)
        if not self.one_sample:
            values = losses_over(session.net, session.data.X, session.data.Y, every, thetas)
            self.total_x.extend(at)
            self.total_y.extend(values)
            self._bounds(values)
        if self.test is not None:
            values = losses_over(session.net, self.test.X, self.test.Y, every, thetas)
            self.test_x.extend(at)
            self.test_y.extend(values)
            self._bounds(values)

    def _bounds(self, values: np.ndarray) -> None:
        self.peak = max(self.peak, float(values.max()))
        positive = values[values > 0]
        if len(positive):
            self.floor = min(self.floor, float(positive.min()))

    def test_curve(self) -> tuple[np.ndarray, np.ndarray]:
        return self.test_x.view(), self.test_y.view()

    def total(self) -> tuple[np.ndarray, np.ndarray]:
        if self.one_sample:
            return self.x.view(), self.loss.view()
        return self.total_x.view(), self.total_y.view()

    def to_present(self, loss: float) -> tuple[np.ndarray, np.ndarray]:
        """The whole-set curve ending at the present: the recorded rows (the state before each step)
        and the loss after the last step, at step = number of rows. Nothing before the first step."""
        if not self.rows:
            return np.empty(0), np.empty(0)
        self._bounds(np.array([loss]))
        if self.one_sample:
            return self.x.ending(float(self.rows)), self.loss.ending(loss)
        x, y = self.total()
        if len(x) and x[-1] == self.rows:
            return x, y              # the history knew the state after the last step: evaluated there
        return self.total_x.ending(float(self.rows)), self.total_y.ending(loss)
