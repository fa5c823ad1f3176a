"""What a long loss curve hands to pyqtgraph: for the part of the steps in view, cut into CHUNKS equal
slices of the step axis (equal in decades on a log axis), the lowest and the highest point of each slice,
at the steps where they are. pyqtgraph's setData costs the number of points it is given (its own
downsampling and clipping read them all), so a million-step curve made every frame of a run cost ~20 ms
more than a short one; this way a frame costs O(CHUNKS · log N). Every local extreme stays drawn (a
one-step spike is the highest point of its slice) and every point drawn is one of the curve's own.

The lowest and highest point of any run of points come from a min/max pyramid over the curve's points:
level ℓ holds, for each aligned block of 2**ℓ points, where its lowest and highest point are. It grows
with the curve (each point folded in once) and answers a slice in O(log N) steps, all the slices of a
frame at once. Levels below BASE are not stored: their blocks are read from the points themselves.
Pure numpy: the curve item (plot_curve) owns one and the points it is built over.
"""
from __future__ import annotations

import numpy as np

CHUNKS = 2048            # slices of the step axis in view: more than a 1920-pixel plot has columns
RAW = 4096               # this many points in view or fewer are handed over as they are
BASE = 4                 # the lowest stored level: blocks of 16 points


class Pyramid:
    """Where the lowest and highest point of each aligned power-of-two block of y[:n] are."""

    def __init__(self) -> None:
        self.n = 0
        self.low: list[np.ndarray] = []      # per stored level: index of each block's lowest point
        self.high: list[np.ndarray] = []
        self._count: list[int] = []          # complete blocks per stored level

    def extend(self, y: np.ndarray, n: int) -> None:
        """Fold y[self.n:n] in (y[:self.n] unchanged since the last call)."""
        if n <= self.n:
            return
        self.n = n
        level = 0
        while (n >> (BASE + level)) > 0:
            if level == len(self.low):
                self.low.append(np.empty(16, dtype=np.int64))
                self.high.append(np.empty(16, dtype=np.int64))
                self._count.append(0)
            done, count = self._count[level], n >> (BASE + level)
            if count > done:
                lo, hi = self._blocks(y, level, done, count)
                self._store(level, done, count, lo, hi)
            level += 1

    def _blocks(self, y: np.ndarray, level: int, done: int, count: int) -> tuple[np.ndarray, np.ndarray]:
        if level == 0:
            size = 1 << BASE
            block = y[done * size:count * size].reshape(-1, size)
            first = np.arange(done, count, dtype=np.int64) * size
            return first + block.argmin(axis=1), first + block.argmax(axis=1)
        below_lo, below_hi = self.low[level - 1], self.high[level - 1]
        left, right = np.arange(2 * done, 2 * count, 2), np.arange(2 * done + 1, 2 * count, 2)
        return (_better(y, below_lo[left], below_lo[right], np.less),
                _better(y, below_hi[left], below_hi[right], np.greater))

    def _store(self, level: int, done: int, count: int, lo: np.ndarray, hi: np.ndarray) -> None:
        if count > len(self.low[level]):
            size = max(count, 2 * len(self.low[level]))
            for store in (self.low, self.high):
                grown = np.empty(size, dtype=np.int64)
                grown[:done] = store[level][:done]
                store[level] = grown
        self.low[level][done:count] = lo
        self.high[level][done:count] = hi
        self._count[level] = count

    def extremes(self, y: np.ndarray, a: np.ndarray, b: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """For each run of points a[k]..b[k]−1 (a < b ≤ n), the index of its lowest and highest point:
        the run taken apart into aligned blocks from the bottom up, the blocks of all runs at once."""
        lo, hi = a.copy(), a.copy()
        left, right = a.copy(), b.copy()
        level = 0
        while True:
            open_ = left < right
            if not open_.any():
                return lo, hi
            for take, node in ((open_ & (left & 1 == 1), left), (open_ & (right & 1 == 1), right - 1)):
                if take.any():
                    k = node[take]
                    node_lo, node_hi = self._node(y, level, k)
                    lo[take] = _better(y, lo[take], node_lo, np.less)
                    hi[take] = _better(y, hi[take], node_hi, np.greater)
            left = (left + (left & 1)) >> 1
            right = right >> 1
            level += 1

    def _node(self, y: np.ndarray, level: int, k: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        if level >= BASE:
            return self.low[level - BASE][k], self.high[level - BASE][k]
        size = 1 << level
        idx = k[:, None] * size + np.arange(size)
        values = y[idx]
        return idx[np.arange(len(k)), values.argmin(axis=1)], idx[np.arange(len(k)), values.argmax(axis=1)]


def _better(y: np.ndarray, i: np.ndarray, j: np.ndarray, than) -> np.ndarray:
    """i, or j where y[j] is strictly lower (np.less) or higher (np.greater) than y[i]."""
    return np.where(than(y[j], y[i]), j, i)


def chosen(pyramid: Pyramid, x: np.ndarray, y: np.ndarray, view: tuple[float, float] | None,
           log_x: bool, all_if_few: bool = True) -> np.ndarray:
    """The indices of the points to draw (ascending) of the curve x, y (x ascending), for the steps in
    view (in the plot's coordinates: log10 of the step on a log axis; None: all of them). The pyramid
    covers every point but the last, which is always drawn (the present, which moves)."""
    n = len(x)
    if n <= RAW and all_if_few:
        return np.arange(n)
    stable = pyramid.n
    i0, i1 = _in_view(x[:stable], view, log_x)
    if i1 - i0 <= RAW:
        inside = np.arange(i0, i1)
    else:
        edges = _edges(x[:stable], view, log_x, i0, i1)
        a, b = edges[:-1], edges[1:]
        lo, hi = pyramid.extremes(y, a, b)
        inside = np.unique(np.concatenate([lo, hi]))
    # one point either side: the line goes on out of view
    around = [i0 - 1] if i0 > 0 else []
    after = [i1] if i1 < stable else []
    return np.concatenate([np.array(around, dtype=np.int64), inside, np.array(after, dtype=np.int64),
                           np.arange(stable, n)]).astype(np.int64)


def _in_view(x: np.ndarray, view, log_x: bool) -> tuple[int, int]:
    if view is None:
        return 0, len(x)
    lo, hi = (10.0 ** np.clip(view, -300, 300)) if log_x else view
    return int(np.searchsorted(x, lo, "left")), int(np.searchsorted(x, hi, "right"))


def _edges(x: np.ndarray, view, log_x: bool, i0: int, i1: int) -> np.ndarray:
    """Index bounds of CHUNKS slices of x[i0:i1], equal on the axis as drawn; empty slices dropped."""
    first, last = x[i0], x[i1 - 1]
    if log_x:
        first = x[i0 + int(np.searchsorted(x[i0:i1], 0.0, "right"))] if last > 0 else first
        steps = 10.0 ** np.linspace(np.log10(max(first, 1e-300)), np.log10(max(last, 1e-300)), CHUNKS + 1)
    else:
        steps = np.linspace(first, last, CHUNKS + 1)
    edges = np.searchsorted(x[:i1], steps[1:-1], "left")
    return np.unique(np.concatenate([[i0], np.clip(edges, i0, i1), [i1]]))
