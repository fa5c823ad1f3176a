"""The history's stored losses and samples (core.numerics.history), kept whole for recent steps and
thinned for old ones once there are more than `limit`.

Recent rows live in blocks of BLOCK steps, every row kept, starting at row `full0`. When more than
`limit` rows are kept, the oldest blocks move to the old part keeping every 2nd row, and when the old
part holds more than half of the limit, the older half of it keeps every 2nd entry: the further back,
the sparser (every 2nd, 4th, 8th … step), the newest half of the limit always whole. Each thinning
frees at least a quarter of the limit, so it happens rarely (a copy of the old part each time).
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from backprop_lab.core.model.arrays import FloatArray

BLOCK = 65536            # steps per stored block of losses and samples
IntArray = npt.NDArray[np.int64]


@dataclass
class Piece:
    """What KeptLosses.cut took away, for paste to put back."""
    at: int
    full0: int
    old_rows: IntArray
    old_loss: FloatArray
    old_sample: npt.NDArray[np.int32]
    loss: FloatArray
    sample: npt.NDArray[np.int32]


class KeptLosses:
    def __init__(self, limit: int | None = None, block: int | None = None) -> None:
        self.limit = limit           # most rows kept before the oldest are thinned; None: never
        self.block = BLOCK if block is None else block
        self.clear()

    def clear(self) -> None:
        self._loss: list[FloatArray] = []
        self._sample: list[npt.NDArray[np.int32]] = []
        self.n = 0
        self.full0 = 0                # rows from here on are all kept
        self.old_rows: IntArray = np.zeros(0, dtype=np.int64)
        self.old_loss: FloatArray = np.zeros(0)
        self.old_sample = np.zeros(0, dtype=np.int32)
        self.thinned: list[tuple[int, int]] = []     # rows lo..hi thinned by 2, since last asked

    @property
    def kept(self) -> int:
        return len(self.old_rows) + self.n - self.full0

    @property
    def nbytes(self) -> int:
        return (sum(a.nbytes for a in self._loss) + sum(a.nbytes for a in self._sample)
                + self.old_rows.nbytes + self.old_loss.nbytes + self.old_sample.nbytes)

    def stride(self) -> int:
        """The coarsest spacing of kept rows (1: every row kept)."""
        if len(self.old_rows) < 2:
            return 1 if not len(self.old_rows) else 2
        return int(np.diff(self.old_rows).max())

    # ----- growing ------------------------------------------------------------------------------
    def append(self, loss: FloatArray, sample: npt.NDArray[np.int32]) -> None:
        done = 0
        while done < len(loss):
            p = self.n - self.full0
            at, b = p % self.block, p // self.block
            if at == 0 and b == len(self._loss):
                self._loss.append(np.empty(self.block))
                self._sample.append(np.empty(self.block, dtype=np.int32))
            k = min(self.block - at, len(loss) - done)
            self._loss[b][at:at + k] = loss[done:done + k]
            self._sample[b][at:at + k] = sample[done:done + k]
            self.n += k
            done += k
        if self.limit is not None and self.kept > self.limit:
            self._thin(self.limit)

    def _thin(self, limit: int) -> None:
        goal = limit * 3 // 4
        # whole blocks into the old part at every 2nd row, keeping at least half the limit whole
        move = 0
        while move < len(self._loss) - 1 and self.kept - (move * self.block) // 2 > goal \
                and self.n - self.full0 - (move + 1) * self.block >= limit // 2:
            move += 1
        if move:
            lo, hi = self.full0, self.full0 + move * self.block
            rows = np.arange(lo, hi, 2, dtype=np.int64)
            loss = np.concatenate(self._loss[:move])[::2]
            sample = np.concatenate(self._sample[:move])[::2]
            self.old_rows = np.concatenate([self.old_rows, rows])
            self.old_loss = np.concatenate([self.old_loss, loss])
            self.old_sample = np.concatenate([self.old_sample, sample])
            del self._loss[:move], self._sample[:move]
            self.full0 = hi
            self.thinned.append((lo, hi))
        while self.kept > goal and len(self.old_rows) > 2:
            half = len(self.old_rows) // 2
            keep = np.concatenate([np.arange(0, half, 2), np.arange(half, len(self.old_rows))])
            self.thinned.append((0, int(self.old_rows[half])))
            self.old_rows, self.old_loss = self.old_rows[keep], self.old_loss[keep]
            self.old_sample = self.old_sample[keep]

    # ----- reading ------------------------------------------------------------------------------
    def _stored(self, parts: list, start: int, stop: int | None, dtype: type) -> np.ndarray:
        """Rows start..stop of the whole part (rows before full0 are not there: refused)."""
        stop = self.n if stop is None else max(0, min(stop, self.n))
        start = max(0, start)
        if start < stop and start < self.full0:
            raise IndexError(f"history: rows before {self.full0} are thinned; read them with kept()")
        a, z = start - self.full0, stop - self.full0
        out = [parts[b][max(a - b * self.block, 0):min(z - b * self.block, self.block)]
               for b in range(a // self.block, -(-z // self.block))] if start < stop else []
        return np.concatenate(out) if out else np.zeros(0, dtype=dtype)

    def losses(self, start: int = 0, stop: int | None = None) -> FloatArray:
        return self._stored(self._loss, start, stop, float)

    def samples(self, start: int = 0, stop: int | None = None) -> npt.NDArray[np.int32]:
        return self._stored(self._sample, start, stop, np.int32)

    def kept_rows(self, start: int = 0, stop: int | None = None
                  ) -> tuple[IntArray, FloatArray, npt.NDArray[np.int32]]:
        """(rows, loss, sample) of the rows kept in start..stop: the old part's, then every recent one."""
        i, j, lo, stop = self._span(start, stop)
        rows = np.concatenate([self.old_rows[i:j], np.arange(lo, max(lo, stop), dtype=np.int64)])
        loss = np.concatenate([self.old_loss[i:j], self.losses(lo, stop)])
        return rows, loss, self.kept_samples(start, stop)

    def kept_samples(self, start: int = 0, stop: int | None = None) -> npt.NDArray[np.int32]:
        """kept_rows' samples alone: a document's check of a million steps reads only these, and building the
        rows and losses beside them made the longest piece of a save (core.io.pieces)."""
        i, j, lo, stop = self._span(start, stop)
        return np.concatenate([self.old_sample[i:j], self.samples(lo, stop)])

    def _span(self, start: int, stop: int | None) -> tuple[int, int, int, int]:
        """The old part's rows i..j in start..stop, the first whole row, and stop within the rows there are."""
        stop = self.n if stop is None else max(0, min(stop, self.n))
        i, j = np.searchsorted(self.old_rows, [start, stop])
        return int(i), int(j), max(start, self.full0), stop

    # ----- cutting back -------------------------------------------------------------------------
    def cut(self, n: int) -> Piece:
        lo = max(n, self.full0)
        j = int(np.searchsorted(self.old_rows, n))
        piece = Piece(n, self.full0, self.old_rows[j:], self.old_loss[j:], self.old_sample[j:],
                      self.losses(lo), self.samples(lo))
        self.old_rows, self.old_loss, self.old_sample = self.old_rows[:j], self.old_loss[:j], self.old_sample[:j]
        if n < self.full0:
            self._loss, self._sample, self.full0 = [], [], n
        else:
            p = n - self.full0
            del self._loss[-(-p // self.block):], self._sample[-(-p // self.block):]
        self.n = n
        return piece

    def paste(self, piece: Piece) -> None:
        if self.n != piece.at:
            raise ValueError("history: not where the cut left it")
        self.old_rows = np.concatenate([self.old_rows, piece.old_rows])
        self.old_loss = np.concatenate([self.old_loss, piece.old_loss])
        self.old_sample = np.concatenate([self.old_sample, piece.old_sample])
        if piece.full0 > piece.at:       # the cut went into the old part: recent rows start later
            self._loss, self._sample = [], []
            self.n = self.full0 = piece.full0
        self.append(piece.loss, piece.sample)

    def copy(self) -> KeptLosses:
        k = KeptLosses(self.limit, self.block)
        k.old_rows, k.old_loss, k.old_sample = self.old_rows.copy(), self.old_loss.copy(), self.old_sample.copy()
        # block by block, as they are (a save copies a long history while the window waits: one pass)
        k._loss, k._sample = [a.copy() for a in self._loss], [a.copy() for a in self._sample]
        k.n, k.full0 = self.n, self.full0
        return k
