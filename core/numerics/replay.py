"""How the history (core.numerics.history) rebuilds a past state: a trainer started at the nearest
checkpoint (or the one the last replay left, if it is nearer) and stepped forward keeping no rows. A
mixin of History; the window asks what a replay costs and, when it is long, takes it in pieces
(replay_towards) with progress and Cancel."""
from __future__ import annotations

import bisect
from typing import TYPE_CHECKING

from backprop_lab.core.model.dataset import Dataset
from backprop_lab.core.model.network import Network
from backprop_lab.core.numerics.trace import Skip, Trace

if TYPE_CHECKING:
    from backprop_lab.core.numerics.history import Segment
    from backprop_lab.core.numerics.training import Trainer


class Replay:
    """Needs the history's segments, base, length, end state, names and layout."""
    net: Network
    names: list[str]
    segments: list[Segment]
    base: int
    _cache: tuple[int, Trainer] | None
    _skip: Skip

    def __len__(self) -> int:
        raise NotImplementedError

    def _segment_of(self, i: int) -> int:
        raise NotImplementedError

    def end_known(self) -> bool:
        raise NotImplementedError

    def replay_cost(self, i: int) -> int:
        """How many steps rebuilding row i replays (from the nearest checkpoint or the last replay)."""
        if i == len(self) and self.end_known() or not 0 <= i < len(self):
            return 0
        return self.base + i - self._start(self._segment_of(i), i).step

    def replay_towards(self, i: int, n: int) -> int:
        """Replay up to n steps on the way to row i (long work in pieces); the steps replayed."""
        s = self._segment_of(i)
        t = self._start(s, i)
        k = max(0, min(n, self.base + i - t.step))
        self._forward(t, t.step + k)
        self._cache = (s, t)
        return k

    def _forward(self, t: Trainer, step: int) -> None:
        if t.step < step:
            rows, t.trace = t.trace, self._skip
            try:
                t.run(step - t.step)
            finally:
                t.trace = rows

    def _runner(self, s: int, i: int) -> Trainer:
        """A trainer at row i of segment s (started by _start), stepped up to i."""
        t = self._start(s, i)
        self._forward(t, self.base + i)
        self._cache = (s, t)
        return t

    def _start(self, s: int, i: int) -> Trainer:
        """The cached trainer if it is in segment s at or before row i and nearer than the checkpoint,
        else one started from the nearest checkpoint."""
        from backprop_lab.core.numerics.training import Trainer
        seg, step = self.segments[s], self.base + i
        c = bisect.bisect_right(seg.steps, step) - 1
        cached = self._cache
        if cached is not None and cached[0] == s and seg.steps[c] <= cached[1].step <= step:
            t = cached[1]
        elif cached is not None and cached[0] == s:
            # The same segment's replayer, moved to the checkpoint: building one costs ~20 ms (its
            # trace's layout), as much as a thousand steps of a small net.
            t = cached[1]
            t.theta[...] = seg.states[c][0]
            t.opt.assign(seg.states[c][1])
            t.step = seg.steps[c]
        else:
            net = self.net.copy()
            net.frozen[...] = seg.frozen
            t = Trainer(net, Dataset(seg.X, seg.Y), seg.settings.copy(), Trace(self.names, self._skip.layout))
            t.theta[...] = seg.states[c][0]
            t.opt.assign(seg.states[c][1])
            t.step = seg.steps[c]
        return t
