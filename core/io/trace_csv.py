"""The trace as CSV: one number format (csv_block), written atomically, read back bit for bit.

Numbers are formatted by polars (in Rust, several times faster than Python's repr on columns that vary:
tests/bench/export_bench.py measures it) as the shortest text that reads back to the same float; step and
sample as whole numbers where they are ones. polars is imported inside csv_block only: opening the
window or a document never loads it."""
from __future__ import annotations

import csv
import io
import itertools
import os
from collections.abc import Sequence

import numpy as np

from backprop_lab.core.io.atomic import atomic_open
from backprop_lab.core.io.reading import open_regular
from backprop_lab.core.numerics.history import History
from backprop_lab.core.numerics.trace import Trace, TraceError

CSV_CHUNK = 4096


def header_line(names: Sequence[str]) -> bytes:
    """The header, quoted where a name holds a comma (`"W1[1,2]"`)."""
    head = io.StringIO()
    csv.writer(head, lineterminator="\n").writerow(names)
    return head.getvalue().encode("utf-8")


def csv_block(columns: Sequence[np.ndarray]) -> bytes:
    """Rows of these columns (equal lengths) as CSV lines: integer columns as whole numbers, float
    columns as the shortest text that reads back to the same bits (-0.0 stays -0.0)."""
    import polars as pl  # only when writing a file
    buf = io.BytesIO()
    pl.DataFrame({f"c{j}": c for j, c in enumerate(columns)}).write_csv(
        buf, include_header=False, line_terminator="\n")
    return buf.getvalue()


def counts(c: np.ndarray) -> np.ndarray:
    """A step or sample column as integers where every value is a whole number (not -0.0), else as it is."""
    with np.errstate(invalid="ignore"):
        whole = bool(np.all(np.isfinite(c) & (c == np.trunc(c)) & ~((c == 0) & np.signbit(c))))
    return c.astype(np.int64) if whole and np.all(np.abs(c) < 2.0 ** 62) else c


def write_csv(trace: Trace | History, path: str | os.PathLike[str]) -> None:
    """Write the rows as they are stored (core.io.trace_export writes the learner's file), atomically
    (core.io.atomic: the old file or none, never a partial one), a piece at a time."""
    with atomic_open(path) as f:
        f.write(header_line(trace.names))
        pieces = trace.rows(piece=CSV_CHUNK) if isinstance(trace, History) else \
            (trace.array(lo, lo + CSV_CHUNK) for lo in range(0, len(trace), CSV_CHUNK))
        for rows in pieces:
            f.write(csv_block([counts(rows[:, 0]), counts(rows[:, 1])] + list(rows[:, 2:].T)))


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
