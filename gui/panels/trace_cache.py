"""The loss plot's copy of the trace columns it draws, grown by appending only the new rows (the
trace only ever appends or is cut back), so a live plot of a long run costs the new rows, not all.

Curves: the loss of the whole data set ("E, all samples"), with a few samples each sample's loss at
the steps that used it, and with a train/test split the held-out samples' loss. With one sample the
trace's loss column is the whole-set loss; otherwise (and for the test samples always) the loss is
evaluated where θ costs nothing to get back: at the history's checkpoints and after the last step (the
run's end the history keeps, or the trainer itself), or at every row of a short update (a replay of at
most EVERY_ROW steps). During a paced run (or long work) an update replays at most LIVE_REPLAY
parameter-steps (a tiny net's few steps a tick, so a slow run of one still gets a point at every step;
nothing of a large net, which takes few steps a tick and replayed each, as long again as the training);
a run as fast as it goes replays nothing (a tick cut short by the number views' refresh is not a slow
run: it would replay what it just trained): else it
evaluates the end of the tick's steps and at most MAX_LIVE_PROBES of the checkpoints among them, so a
tick's cost is a few passes over the data set, whatever the net. The losses of all those θ at once come from
core.numerics.landscape.losses_over, one vectorised pass (the trace records only the loss of the
samples each step used).
Past its memory budget the history keeps only every 2nd, 4th … loss of old steps (core.numerics.history):
the copy holds the steps kept, by their row, and reloads when the history thins.
"""
from __future__ import annotations

import numpy as np

from backprop_lab.core.numerics.landscape import losses_over

from .plot_range import Extent

EVERY_ROW = 64            # an update of at most this many rows gets a point at every row
MAX_LIVE_PROBES = 8       # checkpoints evaluated an update during a run (evenly chosen among its new ones)
LIVE_REPLAY = 4096        # steps × parameters an update may replay during a run (~1 ms)
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
        self.epoch = 0                 # a curve of one epoch only grows (each reset starts another)
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
        self.drawn = Extent()          # of every loss drawn: its peak fixes the live plot's y range, its
                                       # smallest positive one tells when the loss axis goes log

    def reset(self, n_samples: int) -> None:
        self._clear()
        self.epoch += 1
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
            runner = session.runner
            live = not was_reset and runner.running
            fast = live and runner.pace is None and runner.job is None
            self._evaluated(session, start, stop, live, 0 if fast else LIVE_REPLAY)
        self.rows = stop
        return True

    def _probe_rows(self, trace, start: int, stop: int, live: bool, end_known: bool,
                    replay: int = LIVE_REPLAY) -> list[int]:
        """The rows of start..stop (stop: the state after the last step, when it is known) at which θ is
        to be evaluated, each after the last one evaluated. Live (a run's tick), beyond a replay of at
        most `replay` parameter-steps only rows whose θ is kept."""
        if stop - start <= EVERY_ROW and (not live or (stop - start) * trace.net.n_params <= replay):
            rows = list(range(start, stop))
        else:
            rows = trace.checkpoint_rows(start, stop)
            if live and len(rows) > MAX_LIVE_PROBES:
                pick = np.linspace(0, len(rows) - 1, MAX_LIVE_PROBES).round().astype(int)
                rows = [rows[k] for k in pick]
        if end_known:
            rows.append(stop)
        elif not live:
            rows.append(stop - 1)
        return sorted({i for i in rows if i > self.last_probe})

    def _evaluated(self, session, start: int, stop: int, live: bool = False, replay: int = LIVE_REPLAY) -> None:
        trace, trainer = session.trace, session.trainer
        # After the last step stands the trainer (the history forgets the run's end when cut back: Undo).
        at_end = trainer.step == trace.base + stop
        rows = self._probe_rows(trace, start, stop, live, trace.end_known() or at_end, replay)
        if not rows:
            return
        self.last_probe = rows[-1]
        if rows[-1] == stop and not trace.end_known():
            thetas = np.vstack([trace.thetas_at(rows[:-1]).reshape(-1, len(trainer.theta)), trainer.theta])
        else:
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
        self.drawn.add(values)

    @property
    def peak(self) -> float:
        return max(self.drawn.high, 0.0)

    @property
    def floor(self) -> float:
        return self.drawn.positive

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
