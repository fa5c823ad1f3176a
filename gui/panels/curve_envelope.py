"""What a long loss curve hands to pyqtgraph: for the steps in view, cut into about CHUNKS blocks of
points, the lowest and the highest point of each block, at the steps where they are. pyqtgraph's setData
costs the number of points it is given (its own downsampling and clipping read them all), so a
million-step curve made every frame of a run cost ~20 ms more than a short one; this way a frame costs
O(CHUNKS + log N). Every local extreme stays drawn (a one-step spike is the highest point of its block)
and every point drawn is one of the curve's own.

The blocks come from a min/max pyramid over the curve's points: level ℓ holds, for each aligned block of
2**ℓ points, where its lowest and highest point are. It grows with the curve (each point folded in once);
the blocks of a view are a slice of one level, and a few smaller ones at its ends. Levels below BASE are
not stored: their blocks are read from the points themselves. Pure numpy: the curve item (plot_curve)
owns one and the points it is built over.
"""
from __future__ import annotations

import numpy as np

CHUNKS = 2048            # most blocks of points in view (at least half as many): about a 1920-pixel plot's columns
RAW = 4096               # this many points in view or fewer are handed over as they are
BASE = 4                 # the lowest stored level: blocks of 16 points
PARTS = 16               # parts of the axis in view, each cut into blocks of its own size: a log axis, or
                         # a history thinned in its old part, is not evenly spread over the whole
# The most points chosen: two a block, and at either end of each part fewer than 64 smaller blocks and
# 15 single points; one either side of the view and the present.
MOST = 2 * CHUNKS + PARTS * 2 * (2 * 64 + 15) + 3


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

    def blocks(self, y: np.ndarray, a: int, b: int, most: int) -> np.ndarray:
        """Indices (ascending) of the lowest and highest point of each block that a..b−1 (b ≤ n) falls
        into: aligned blocks of one level, at most `most` of them, inside a..b−1; the few points before
        the first and after the last in ever smaller blocks (the smallest, of fewer than 16, point by
        point). Nothing is left out, each point's block holds it."""
        if b - a <= 2 * most:
            return np.arange(a, b)
        level = 0
        while (b >> level) - (-(-a >> level)) > most:
            level += 1
        size = 1 << level
        k0, k1 = -(-a // size), b // size
        head, p = [], a
        for m in range(level):                  # a..k0·size, in blocks growing to the aligned start
            if p & (1 << m):
                head.append(self._block(y, m, p))
                p += 1 << m
        tail, p = [], k1 * size
        for m in reversed(range(level)):        # k1·size..b, in blocks shrinking to the end
            if b - p >= 1 << m:
                tail.append(self._block(y, m, p))
                p += 1 << m
        middle = self._level(y, level, k0, k1)
        return np.concatenate(head + [middle] + tail)

    def _level(self, y: np.ndarray, level: int, k0: int, k1: int) -> np.ndarray:
        """Blocks k0..k1−1 of a level: each block's lowest and highest point, in the order they come."""
        if level >= BASE:
            lo, hi = self.low[level - BASE][k0:k1], self.high[level - BASE][k0:k1]
        else:
            size = 1 << level
            block = y[k0 * size:k1 * size].reshape(-1, size)
            first = np.arange(k0, k1, dtype=np.int64) * size
            lo, hi = first + block.argmin(axis=1), first + block.argmax(axis=1)
        return np.column_stack([np.minimum(lo, hi), np.maximum(lo, hi)]).ravel()

    def _block(self, y: np.ndarray, level: int, start: int) -> np.ndarray:
        if level < BASE:
            return np.arange(start, start + (1 << level))
        return self._level(y, level, start >> level, (start >> level) + 1)


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
        cuts = _cuts(x[:stable], view, log_x, i0, i1)
        counts = np.diff(cuts)
        if len(counts) == PARTS and counts.max() <= 2 * counts.min():      # evenly spread: one part
            inside = pyramid.blocks(y, i0, i1, CHUNKS)
        else:
            inside = np.concatenate([pyramid.blocks(y, a, b, CHUNKS // PARTS) for a, b in zip(cuts[:-1], cuts[1:])])
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


def _cuts(x: np.ndarray, view, log_x: bool, i0: int, i1: int) -> np.ndarray:
    """Index bounds of PARTS parts of x[i0:i1], equal on the axis as drawn (in decades on a log axis);
    empty parts dropped. Within a part the points are spread evenly enough for blocks of equal count."""
    first, last = x[i0], x[i1 - 1]
    if log_x and last > 0:
        first = x[i0 + int(np.searchsorted(x[i0:i1], 0.0, "right"))]
        steps = 10.0 ** np.linspace(np.log10(first), np.log10(last), PARTS + 1)
    else:
        steps = np.linspace(first, last, PARTS + 1)
    cuts = np.concatenate([[i0], np.clip(np.searchsorted(x[:i1], steps[1:-1], "left"), i0, i1), [i1]])
    # ascending already: only repeats to drop (np.unique would import numpy.ma, ~30 ms, on its first call)
    return cuts[np.concatenate([[True], np.diff(cuts) > 0])]
