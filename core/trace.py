"""The training trace: one row per SGD step, stored as float64 columns, written to CSV and read back.

Storage is a list of column blocks (ncols × capacity). Block capacities double from 1,024 rows up to
65,536 and then stay there, so growth never copies what is already stored and at most one block's
worth of memory is ever unused (a million rows of the 2-2-2 net of seed 004 take 35 × 8 MB = 280 MB).
"""
from __future__ import annotations

import math
import os
import tempfile

import numpy as np

from .network import Network

FIRST_BLOCK = 1024
MAX_BLOCK = 65536


class TraceError(ValueError):
    pass


def column_names(net: Network) -> list[str]:
    """The trace's columns, in their fixed order (the CSV header)."""
    sizes = net.sizes
    names = ["step", "sample", "loss"]
    names += [f"a0[{i + 1}]" for i in range(sizes[0])]
    names += [f"y[{k + 1}]" for k in range(sizes[-1])]
    for l, spec in enumerate(net.layers, start=1):
        n_in, n = sizes[l - 1], spec.size
        names += [f"z{l}[{j + 1}]" for j in range(n)]
        names += [f"a{l}[{j + 1}]" for j in range(n)]
        names += [f"W{l}[{i + 1},{j + 1}]" for i in range(n_in) for j in range(n)]
        if spec.bias == "neuron":
            names += [f"b{l}[{j + 1}]" for j in range(n)]
        elif spec.bias == "shared":
            names.append(f"b{l}")
        names += [f"delta{l}[{j + 1}]" for j in range(n)]
        names += [f"dE/dW{l}[{i + 1},{j + 1}]" for i in range(n_in) for j in range(n)]
        if spec.bias == "neuron":
            names += [f"dE/db{l}[{j + 1}]" for j in range(n)]
        elif spec.bias == "shared":
            names.append(f"dE/db{l}")
    return names


class Trace:
    """Rows appended by the training loop; columns in `names` order."""

    def __init__(self, names: list[str]):
        if len(set(names)) != len(names):
            raise TraceError("duplicate column names")
        self.names = list(names)
        self.index = {n: i for i, n in enumerate(self.names)}
        self._blocks: list[np.ndarray] = []
        self._n = 0
        self._cap = 0

    # ----- growth -------------------------------------------------------------------------------
    def __len__(self) -> int:
        return self._n

    @property
    def ncols(self) -> int:
        return len(self.names)

    @property
    def nbytes(self) -> int:
        return sum(b.nbytes for b in self._blocks)

    def _grow(self):
        size = min(MAX_BLOCK, FIRST_BLOCK << len(self._blocks))
        self._blocks.append(np.empty((self.ncols, size)))
        self._cap += size

    def slot(self) -> np.ndarray:
        """The column view the next row goes into (a strided view of length ncols); call commit()
        after filling it. Lets the training loop gather its row straight into storage."""
        if self._n == self._cap:
            self._grow()
        block, pos = self._locate(self._n)
        return self._blocks[block][:, pos]

    def commit(self) -> None:
        self._n += 1

    def append(self, row) -> None:
        self.slot()[...] = row
        self._n += 1

    def extend(self, rows: np.ndarray) -> None:
        for row in np.asarray(rows, dtype=float):
            self.append(row)

    def _locate(self, i: int) -> tuple[int, int]:
        # Blocks are FIRST_BLOCK·2^k up to MAX_BLOCK; find the block by walking (at most ~7 + n/65536).
        for b, block in enumerate(self._blocks):
            size = block.shape[1]
            if i < size:
                return b, i
            i -= size
        raise IndexError(i)

    def truncate(self, n: int) -> None:
        """Forget rows from n on (undo of steps, branching from an earlier step)."""
        if not 0 <= n <= self._n:
            raise IndexError(n)
        self._n = n

    def clear(self) -> None:
        self._blocks, self._n, self._cap = [], 0, 0

    # ----- reading ------------------------------------------------------------------------------
    def _chunks(self, start: int = 0, stop: int | None = None):
        """(ncols × k) arrays covering rows start..stop, in order, without copying."""
        stop = self._n if stop is None else min(stop, self._n)
        pos = 0
        for block in self._blocks:
            size = block.shape[1]
            lo, hi = max(start - pos, 0), min(stop - pos, size)
            if lo < hi:
                yield block[:, lo:hi]
            pos += size
            if pos >= stop:
                break

    def column(self, name: str, start: int = 0, stop: int | None = None) -> np.ndarray:
        j = self.index[name]
        parts = [c[j] for c in self._chunks(start, stop)]
        return np.concatenate(parts) if parts else np.zeros(0)

    def row(self, i: int) -> np.ndarray:
        if i < 0:
            i += self._n
        if not 0 <= i < self._n:
            raise IndexError(i)
        b, pos = self._locate(i)
        return self._blocks[b][:, pos].copy()

    def row_dict(self, i: int) -> dict[str, float]:
        return dict(zip(self.names, self.row(i).tolist()))

    def array(self) -> np.ndarray:
        """All rows as an (n × ncols) array (a copy)."""
        parts = [c.T for c in self._chunks()]
        return np.concatenate(parts) if parts else np.zeros((0, self.ncols))

    def theta_at(self, i: int, net: Network) -> np.ndarray:
        """The parameters as they were before step row i, in the network's theta order."""
        row = self.row(i)
        idx = [self.index[n] for n in parameter_columns(net)]
        return row[idx]

    def copy(self) -> "Trace":
        t = Trace(self.names)
        if self._n:
            t._blocks = [self.array().T.copy()]
            t._n = t._cap = self._n
        return t

    # ----- CSV ----------------------------------------------------------------------------------
    def to_csv(self, path, chunk: int = 8192) -> None:
        """Write atomically: a temporary file in the same folder, then os.replace, so a failure leaves
        the old file (or none) and never a partial one. Numbers are written with repr (round-trip);
        step and sample are whole numbers and are written without a decimal point."""
        path = os.fspath(path)
        folder = os.path.dirname(os.path.abspath(path))
        fd, tmp = tempfile.mkstemp(prefix=".trace-", suffix=".csv.tmp", dir=folder)
        try:
            with os.fdopen(fd, "w", encoding="utf-8", newline="") as f:
                f.write(",".join(_quote(n) for n in self.names) + "\n")
                for block in self._chunks():
                    for lo in range(0, block.shape[1], chunk):
                        rows = block[:, lo:lo + chunk].T.tolist()
                        f.write("".join(_format_row(r) for r in rows))
            os.replace(tmp, path)
        except BaseException:
            try:
                os.unlink(tmp)
            except OSError:
                pass
            raise

    @classmethod
    def read_csv(cls, path) -> "Trace":
        with open(path, encoding="utf-8", newline="") as f:
            header = f.readline().rstrip("\r\n")
            if not header:
                raise TraceError(f"{os.fspath(path)}: empty file, no header")
            names = _split_header(header)
            if names[:3] != ["step", "sample", "loss"]:
                raise TraceError(f"{os.fspath(path)}: not a trace (the header must begin step,sample,loss)")
            t = cls(names)
            for lineno, line in enumerate(f, start=2):
                line = line.rstrip("\r\n")
                if not line:
                    continue
                fields = line.split(",")
                if len(fields) != len(names):
                    raise TraceError(f"line {lineno}: {len(fields)} values, the header has {len(names)}")
                try:
                    t.append([float(v) for v in fields])
                except ValueError as e:
                    raise TraceError(f"line {lineno}: not a number ({e})") from None
        return t

    def equals(self, other: "Trace") -> bool:
        """Same columns, same rows, bit for bit (NaN never appears in a trace)."""
        return self.names == other.names and len(self) == len(other) and np.array_equal(self.array(), other.array())


def parameter_columns(net: Network) -> list[str]:
    """Trace column names of theta's entries, in theta order."""
    out = []
    for kind, l, i, j in net.param_keys():
        if kind == "W":
            out.append(f"W{l}[{i + 1},{j + 1}]")
        elif net.layers[l - 1].bias == "shared":
            out.append(f"b{l}")
        else:
            out.append(f"b{l}[{i + 1}]")
    return out


def _quote(name: str) -> str:
    return f'"{name}"' if "," in name else name


def _split_header(header: str) -> list[str]:
    names, cur, quoted = [], [], False
    for ch in header:
        if ch == '"':
            quoted = not quoted
        elif ch == "," and not quoted:
            names.append("".join(cur))
            cur = []
        else:
            cur.append(ch)
    names.append("".join(cur))
    return names


def _format_row(r: list) -> str:
    # step and sample are exact small integers in float64; everything else is repr'd for round trip.
    step, sample = r[0], r[1]
    head = f"{int(step)},{int(sample)}," if math.isfinite(step) and math.isfinite(sample) else f"{step!r},{sample!r},"
    return head + ",".join(map(repr, r[2:])) + "\n"
