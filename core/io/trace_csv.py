"""The trace as CSV: written atomically, every number as its repr, read back bit for bit."""
from __future__ import annotations

import csv
import io
import itertools
import os

import numpy as np
import numpy.typing as npt

from backprop_lab.core.io import csv_workers
from backprop_lab.core.io.atomic import atomic_open
from backprop_lab.core.io.reading import open_regular
from backprop_lab.core.numerics.history import History
from backprop_lab.core.numerics.trace import Trace, TraceError

CSV_CHUNK = 4096


def write_csv(trace: Trace | History, path: str | os.PathLike[str], workers: int | None = None) -> None:
    """Write atomically (core.io.atomic: the old file or none, never a partial one). Every number is written as its
    repr (which reads back bit for bit); whole-number step and sample values without '.0'.
    A long trace whose numbers are costly to format is formatted by `workers` processes (default:
    decided by csv_workers.texts); the bytes written are the same either way."""
    with atomic_open(path, binary=False, encoding="utf-8", newline="") as f:
        head = io.StringIO()
        csv.writer(head, lineterminator="\n").writerow(trace.names)
        f.write(head.getvalue())
        if isinstance(trace, History):     # rebuilt piece by piece: memory stays flat
            for rows in trace.rows(piece=CSV_CHUNK):
                f.write(_format_rows(rows))
            return
        pieces = [chunk[lo:lo + CSV_CHUNK, trace.layout]
                  for chunk in trace._chunks() for lo in range(0, len(chunk), CSV_CHUNK)]
        for text in csv_workers.texts(pieces, len(trace), workers, _format_rows):
            f.write(text)

def read_csv(path: str | os.PathLike[str]) -> Trace:
    """Load a trace CSV; a malformed file raises TraceError naming the line and column."""
    where = os.fspath(path)
    try:
        with io.TextIOWrapper(open_regular(path), encoding="utf-8", newline="") as f:
            names = _read_header(f.readline(), where)
            t = Trace(names)
            lineno = 2
            while True:
                lines = list(itertools.islice(f, CSV_CHUNK))
                if not lines:
                    break
                t.extend(_parse_rows(lines, lineno, names, where))
                lineno += len(lines)
    except UnicodeDecodeError:
        raise TraceError(f"{where}: not a trace CSV (the file is not UTF-8 text)") from None
    return t


def _read_header(line: str, where: str) -> list[str]:
    line = line.rstrip("\r\n")
    if not line:
        raise TraceError(f"{where}: empty file, no header")
    try:
        names = next(csv.reader([line], strict=True))
    except csv.Error as e:
        raise TraceError(f"{where}: line 1 (header): {e}") from None
    if names[:3] != ["step", "sample", "loss"]:
        raise TraceError(f"{where}: not a trace (the header must begin step,sample,loss)")
    seen = set()
    for k, n in enumerate(names, start=1):
        if not n:
            raise TraceError(f"{where}: line 1 (header): column {k} has no name")
        if n in seen:
            raise TraceError(f"{where}: line 1 (header): column {n!r} appears twice")
        seen.add(n)
    return names


def _parse_rows(lines: list[str], first: int, names: list[str], where: str) -> np.ndarray:
    rows = [ln.rstrip("\r\n").split(",") for ln in lines]
    numbers = [k for k, r in enumerate(rows) if r != [""]]     # blank lines are skipped
    rows = [rows[k] for k in numbers]
    w = len(names)
    for k, r in zip(numbers, rows):
        if len(r) != w:
            raise TraceError(f"{where}: line {first + k}: {len(r)} values, the header has {w}")
    try:
        out = np.array(list(map(float, itertools.chain.from_iterable(rows))), dtype=float).reshape(-1, w)
    except ValueError:
        for k, r in zip(numbers, rows):
            for j, v in enumerate(r):
                try:
                    float(v)
                except ValueError:
                    raise TraceError(f"{where}: line {first + k}, column {names[j]}: "
                                     f"{v.strip()!r} is not a number") from None
        raise
    bad = np.argwhere(~np.isfinite(out))
    if len(bad):
        r, j = bad[0]
        raise TraceError(f"{where}: line {first + numbers[r]}, column {names[j]}: "
                         f"{rows[r][j].strip()!r} is not a finite number")
    return out


def _format_rows(rows: np.ndarray) -> str:
    """Rows (names order) as CSV lines, every number its repr. repr is most of the cost, so it is
    asked once per distinct value where a column repeats: a column that is the same all through the
    chunk (an input or target of a single sample, a frozen or unused parameter) is baked into the line
    template, and one that takes a few values (inputs and targets of a small data set) is formatted
    per distinct value. Step and sample are written as whole numbers where they are ones."""
    k = len(rows)
    specs: list[str] = []
    cols: list[int] = []
    given: dict[int, npt.NDArray[np.object_]] = {}
    for j in range(rows.shape[1]):
        c = rows[:, j]
        bits = c.view(np.int64)            # bit patterns: -0.0 and 0.0 stay apart
        if k > 1 and (bits == bits[0]).all():
            specs.append(_literal(c[0], whole=j < 2))
            continue
        few = None if j < 2 else _few_values(bits)
        if j < 2 and _whole(c):
            specs.append("%d")
        elif few is not None:
            specs.append("%s")
            given[len(cols)] = few
        else:
            specs.append("%r")
        cols.append(j)
    line = ",".join(specs) + "\n"
    if not cols:
        return line * k
    if given:
        values = np.empty((k, len(cols)), dtype=object)
        values[...] = rows[:, cols]
        for at, strings in given.items():
            values[:, at] = strings
    else:
        values = rows[:, cols]
    return (line * k) % tuple(values.ravel().tolist())


def _few_values(bits: npt.NDArray[np.int64]) -> npt.NDArray[np.object_] | None:
    """The column's values as repr strings if it takes at most one distinct value per 8 rows, else None."""
    if len(bits) < 16 or len(set(bits[:64].tolist())) > 16:
        return None
    distinct, inverse = np.unique(bits, return_inverse=True)
    if 8 * len(distinct) > len(bits):
        return None
    return np.array([repr(v) for v in distinct.view(np.float64).tolist()], dtype=object)[inverse]


def _whole(c: np.ndarray) -> bool:
    with np.errstate(invalid="ignore"):
        return bool(np.all(np.isfinite(c) & (c == np.trunc(c)) & ~((c == 0) & np.signbit(c))))


def _literal(v: float, whole: bool) -> str:
    s = f"{int(v)}" if whole and _whole(np.array([v])) else repr(float(v))
    return s.replace("%", "%%")
