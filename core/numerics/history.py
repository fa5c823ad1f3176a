"""The training history: what the window and the trainer keep of every step, in ≤ 16 bytes a step.

Per step only the loss (8 bytes) and the sample it used (4 bytes, −1 for a batch) are stored — what the
loss plot draws. Every other number of a step (each z, a, δ, gradient and parameter) is rebuilt on
demand by replaying the deterministic trainer from the nearest checkpoint: θ and the optimizer's state
(the velocity) taken every K steps, K a power of two chosen so that checkpoints cost at most 4 bytes a
step whatever the network's size, and at the start of every segment. A segment is a stretch of steps
taken with the same settings, frozen flags and data; a run that continues where the last one stopped,
with nothing edited in between, continues its segment. The rebuilt rows are the engine's bits
(tests/core/test_history.py holds them equal to a full trace at random steps).

Row i is the state before step i (its gradients are taken there), as in core.numerics.trace.
"""
from __future__ import annotations

import bisect
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import numpy as np
import numpy.typing as npt

from backprop_lab.core.model.arrays import FloatArray
from backprop_lab.core.model.network import Network
from backprop_lab.core.model.settings import Settings
from backprop_lab.core.numerics.budget import checkpoint_every
from backprop_lab.core.numerics.kept_losses import BLOCK as BLOCK  # re-exported: runs are sized by it
from backprop_lab.core.numerics.kept_losses import KeptLosses, Piece
from backprop_lab.core.numerics.replay import Replay
from backprop_lab.core.numerics.trace import Skip, Trace, parameter_columns, storage_layout
from backprop_lab.core.numerics.update import OptState

if TYPE_CHECKING:
    from backprop_lab.core.numerics.training import Trainer

PIECE = 4096             # rows rebuilt at a time (bounded memory whatever the length asked for)
PIECE_BYTES = 1 << 25    # and at most this many bytes of rows at a time (a 32 × 8 net's row is 142 kB)


@dataclass
class Segment:
    """Steps start.. taken with these settings, frozen flags and data; checkpoints by step."""
    start: int
    settings: Settings
    frozen: npt.NDArray[np.bool_]
    X: FloatArray
    Y: FloatArray
    steps: list[int] = field(default_factory=list)
    states: list[tuple[FloatArray, OptState]] = field(default_factory=list)

    def checkpoint(self, step: int, theta: FloatArray, opt: OptState) -> None:
        self.steps.append(step)
        self.states.append((theta.copy(), opt.copy()))

    def cut(self, step: int) -> None:
        """Forget checkpoints after `step`."""
        k = bisect.bisect_right(self.steps, step)
        del self.steps[k:], self.states[k:]

    def thin(self, lo: int, hi: int) -> None:
        """Keep every 2nd checkpoint of steps lo..hi (never the segment's first): they follow the
        losses kept there."""
        drop = [k for k in range(1, len(self.steps)) if lo <= self.steps[k] < hi]
        gone = set(drop[1::2])
        self.steps = [c for k, c in enumerate(self.steps) if k not in gone]
        self.states = [c for k, c in enumerate(self.states) if k not in gone]

    @property
    def nbytes(self) -> int:
        return sum(t.nbytes + _nbytes(o) for t, o in self.states)


@dataclass
class Tail:
    """What History.cut took away, for History.paste to put back (undo of a branch, redo of a run)."""
    at: int
    kept: Piece
    segments: list[Segment]
    first: Segment | None      # the segment the cut went through, as it was
    end: tuple[FloatArray, OptState] | None

    @property
    def loss(self) -> FloatArray:
        """The losses kept of the steps cut."""
        return np.concatenate([self.kept.old_loss, self.kept.loss])


class History(Replay):
    """The trainer's record of its steps (the sink its step loop writes to) and the window's history."""

    def __init__(self, net: Network, names: list[str], layout: npt.ArrayLike | None = None,
                 limit: int | None = None) -> None:
        self.limit = limit                 # most steps' losses kept before the oldest are thinned
        self.net = net.copy()              # the shape, activations and loss to replay with
        self.names = list(names)
        self.layout = storage_layout(self.names) if layout is None else np.array(layout, dtype=np.intp)
        self.index = {n: i for i, n in enumerate(self.names)}
        self.every = checkpoint_every(net.n_params)
        self._loss_col, self._sample_col = (int(self.layout[self.index[n]]) for n in ("loss", "sample"))
        self._theta_cols = [self.index[n] for n in parameter_columns(net)]
        self._skip = Skip(self.names, self.layout)
        self.clear()

    # ----- size -----------------------------------------------------------------------------------
    def clear(self) -> None:
        self._kept = KeptLosses(self.limit)
        self.thinnings = 0           # how often old steps were thinned (readers of kept rows reload)
        self.base = 0
        self.segments: list[Segment] = []
        self._end: tuple[FloatArray, OptState] | None = None
        self._cache: tuple[int, Trainer] | None = None

    @property
    def _n(self) -> int:
        return self._kept.n

    def __len__(self) -> int:
        return self._kept.n

    @property
    def kept(self) -> int:
        """How many steps' losses are kept (all of them until the history thins the oldest)."""
        return self._kept.kept

    @property
    def thinned(self) -> int:
        """Steps before this one keep only every 2nd, 4th … loss (0: nothing thinned)."""
        return self._kept.full0 if len(self._kept.old_rows) else 0

    def stride(self) -> int:
        return self._kept.stride()

    def set_limit(self, limit: int | None) -> None:
        self.limit = self._kept.limit = limit

    @property
    def ncols(self) -> int:
        return len(self.names)

    @property
    def nbytes(self) -> int:
        """Memory held: the stored blocks, the checkpoints and the segments' data."""
        blocks = self._kept.nbytes
        data = {id(a): a.nbytes for s in self.segments for a in (s.X, s.Y)}
        return blocks + sum(s.nbytes for s in self.segments) + sum(data.values())

    # ----- the trainer's side ---------------------------------------------------------------------
    def room(self, step: int) -> int:
        """Steps the trainer may take before the next checkpoint is due."""
        return self.every - step % self.every

    def begin(self, t: Trainer) -> None:
        """A run starts: continue the last segment if nothing changed since it stopped, else start one."""
        if not self.segments:
            self.base = t.step
        if t.step != self.base + self._n:
            raise ValueError(f"history: the trainer is at step {t.step}, the history at {self.base + self._n}")
        last = self.segments[-1] if self.segments else None
        if last is not None and self._end is not None and _same(self._end[0], t.theta) \
                and _same_opt(self._end[1], t.opt) and last.settings == t.settings \
                and np.array_equal(last.frozen, t.net.frozen) and _same(last.X, t.data.X) \
                and _same(last.Y, t.data.Y):
            return
        X, Y = np.array(t.data.X, dtype=float), np.array(t.data.Y, dtype=float)
        if last is not None:     # unchanged data is shared, not copied again
            X = last.X if _same(last.X, X) else X
            Y = last.Y if _same(last.Y, Y) else Y
        seg = Segment(t.step, t.settings.copy(), t.net.frozen.copy(), X, Y)
        seg.checkpoint(t.step, t.theta, t.opt)
        self.segments.append(seg)

    def take(self, staged: FloatArray, t: Trainer) -> None:
        """Steps t.step − len(staged) .. t.step were taken: keep their loss and sample (rows in the
        trainer's storage order) and a checkpoint if one is due."""
        k = len(staged)
        if not k:
            return
        self._append(staged[:, self._loss_col], staged[:, self._sample_col].astype(np.int32))
        if t.step % self.every == 0:
            self.segments[-1].checkpoint(t.step, t.theta, t.opt)
        self._end = (t.theta.copy(), t.opt.copy())

    def _append(self, loss: FloatArray, sample: npt.NDArray[np.int32]) -> None:
        self._kept.append(loss, sample)
        if self._kept.thinned:       # the old losses were thinned: the checkpoints there follow
            self.thinnings += 1
            for lo, hi in self._kept.thinned:
                for seg in self.segments:
                    seg.thin(self.base + lo, self.base + hi)
            self._kept.thinned = []
            self._cache = None

    # ----- reading what is stored -----------------------------------------------------------------
    def losses(self, start: int = 0, stop: int | None = None) -> FloatArray:
        """The loss of steps start..stop (a copy; IndexError where the history thinned them)."""
        return self._kept.losses(start, stop)

    def samples(self, start: int = 0, stop: int | None = None) -> npt.NDArray[np.int32]:
        """The sample each step used (0-based; −1 where a step averaged over a batch)."""
        return self._kept.samples(start, stop)

    def kept_rows(self, start: int = 0, stop: int | None = None
                  ) -> tuple[npt.NDArray[np.int64], FloatArray, npt.NDArray[np.int32]]:
        """(rows, loss, sample) of the steps kept in start..stop: the loss plot's data (every step
        until the history thins the oldest)."""
        return self._kept.kept_rows(start, stop)

    def column(self, name: str, start: int = 0, stop: int | None = None) -> FloatArray:
        """One column of rows start..stop; step, sample and loss are stored, the rest rebuilt."""
        if name == "loss":
            return self.losses(start, stop)
        if name == "sample":
            return self.samples(start, stop).astype(float)
        if name == "step":
            stop = self._n if stop is None else min(stop, self._n)
            return np.arange(self.base + start, self.base + max(start, stop), dtype=float)
        j = self.index[name]
        parts = [rows[:, j] for rows in self.rows(start, stop)]
        return np.concatenate(parts) if parts else np.zeros(0)

    # ----- rebuilding -----------------------------------------------------------------------------
    def rows(self, start: int = 0, stop: int | None = None, piece: int = PIECE) -> Iterator[FloatArray]:
        """Rows start..stop, rebuilt by replay, as (k × ncols) arrays in `names` order, k ≤ piece."""
        stop = self._n if stop is None else max(0, min(stop, self._n))
        piece = max(1, min(piece, PIECE_BYTES // (8 * self.ncols)))
        i = max(0, start)
        while i < stop:
            s = self._segment_of(i)
            end = min(stop, self._segment_stop(s))
            t = self._runner(s, i)
            while i < end:
                if t.step != self.base + i:       # another reader moved the shared replayer
                    t = self._runner(s, i)
                k = min(end - i, piece)
                t.trace.clear()
                t.run(k)
                yield t.trace.array()
                i += k

    def array(self, start: int = 0, stop: int | None = None) -> FloatArray:
        parts = list(self.rows(start, stop))
        return np.concatenate(parts) if parts else np.zeros((0, self.ncols))

    def row(self, i: int) -> FloatArray:
        if i < 0:
            i += self._n
        if not 0 <= i < self._n:
            raise IndexError(i)
        return next(self.rows(i, i + 1))[0]

    def row_dict(self, i: int) -> dict[str, float]:
        return dict(zip(self.names, self.row(i).tolist()))

    def theta_at(self, i: int, net: Network | None = None) -> FloatArray:
        """θ before step row i, in the network's theta order."""
        return self.state_at(i)[0]

    def state_at(self, i: int) -> tuple[FloatArray, OptState]:
        """(θ, the optimizer's state) before step row i, exactly as the trainer had them (i may be len(self) when
        the history knows how its last run ended)."""
        if i == self._n and self._end is not None:
            return self._end[0].copy(), self._end[1].copy()
        if not 0 <= i < self._n:
            raise IndexError(i)
        t = self._runner(self._segment_of(i), i)
        return t.theta.copy(), t.opt.copy()

    def checkpoint_rows(self, start: int, stop: int) -> list[int]:
        """The rows in start..stop−1 whose θ is kept (a checkpoint): θ there costs no replay."""
        found: list[int] = []
        for seg in self.segments:
            lo = bisect.bisect_left(seg.steps, self.base + start)
            hi = bisect.bisect_left(seg.steps, self.base + stop)
            found.extend(step - self.base for step in seg.steps[lo:hi])
        return sorted(set(found))

    def end_known(self) -> bool:
        """Whether the state after the last row (row len(self)) is kept: the end of the last run."""
        return self._end is not None

    def thetas_at(self, rows: Sequence[int]) -> FloatArray:
        """θ before each of `rows` (ascending; the last may be len(self) when the run's end is known) as one
        (len(rows), P) array: a checkpoint's θ as kept, any other row replayed from the nearest
        checkpoint, ascending rows sharing one replay."""
        out = np.empty((len(rows), len(self.net.theta)))
        for k, i in enumerate(rows):
            if i == self._n and self._end is not None:
                out[k] = self._end[0]
                continue
            if not 0 <= i < self._n:
                raise IndexError(i)
            s = self._segment_of(i)
            seg = self.segments[s]
            c = bisect.bisect_right(seg.steps, self.base + i) - 1
            out[k] = seg.states[c][0] if seg.steps[c] == self.base + i else self._runner(s, i).theta
        return out

    def _segment_of(self, i: int) -> int:
        return bisect.bisect_right([s.start for s in self.segments], self.base + i) - 1

    def _segment_stop(self, s: int) -> int:
        return self.segments[s + 1].start - self.base if s + 1 < len(self.segments) else self._n

    # ----- cutting back ---------------------------------------------------------------------------
    def truncate(self, n: int) -> None:
        """Forget rows from n on (undo of steps, branching from an earlier step)."""
        self.cut(n)

    def cut(self, n: int) -> Tail:
        """Forget rows from n on and return them, to be pasted back (cheap: no row is rebuilt)."""
        if not 0 <= n <= self._n:
            raise IndexError(n)
        step = self.base + n
        keep = [s for s in self.segments if s.start < step]
        through = keep[-1] if keep else None
        old = self._n
        first = _copy_segment(through) if through is not None and n < self._n else None
        tail = Tail(n, self._kept.cut(n), self.segments[len(keep):], first, self._end)
        if through is not None:
            through.cut(step)
        self.segments = keep
        self._end = self._end if n == old else None
        if self._n == 0 and not self.segments:
            self.clear()
        self._cache = None
        return tail

    def paste(self, tail: Tail) -> None:
        """Put back what cut(tail.at) took, the history being as that cut left it."""
        if len(self) != tail.at:
            raise ValueError("history: not where the cut left it")
        if tail.first is not None:
            self.segments[-1] = tail.first
        self.segments += tail.segments
        self._kept.paste(tail.kept)
        self._end = tail.end
        self._cache = None

    def equals(self, other: History | Trace) -> bool:
        """Same columns and the same rows, bit for bit (this history's rows rebuilt by replay)."""
        if self.names != other.names or len(self) != len(other):
            return False
        return all(np.array_equal(mine.view(np.int64), other.array(i, i + len(mine)).view(np.int64))
                   for i, mine in self._pieces())

    def _pieces(self) -> Iterator[tuple[int, FloatArray]]:
        at = 0
        for rows in self.rows():
            yield at, rows
            at += len(rows)

    def copy(self) -> History:
        h = History(self.net, self.names, self.layout, self.limit)
        h.base, h._end = self.base, self._end
        h.segments = [_copy_segment(s) for s in self.segments]
        h._kept = self._kept.copy()
        return h


def _copy_segment(s: Segment) -> Segment:
    return Segment(s.start, s.settings, s.frozen, s.X, s.Y, list(s.steps), list(s.states))


def _nbytes(o: OptState) -> int:
    return o.velocity.nbytes + o.m.nbytes + o.v.nbytes + o.t.nbytes


def _same_opt(a: OptState, b: OptState) -> bool:
    return all(_same(x, y) for x, y in ((a.velocity, b.velocity), (a.m, b.m), (a.v, b.v), (a.t, b.t)))


def _same(a: np.ndarray, b: np.ndarray) -> bool:
    """Same shape and the same bits (−0.0 and 0.0 apart, a NaN equal to itself)."""
    a, b = np.asarray(a, dtype=float), np.asarray(b, dtype=float)
    return a.shape == b.shape and bool(np.array_equal(a.view(np.int64), b.view(np.int64)))
