"""A data set from a CSV file: the learner picks input and target columns; every problem is named by
its row and column, and nothing is half-loaded (the functions return a new Dataset or raise; the
caller's data set is replaced only with a finished one).

Rows count from 1 as a spreadsheet shows them (the header is row 1). The header is optional: a first
row that is all numbers is data, and the columns are then called "1", "2", ... The delimiter is
whichever of comma, semicolon and tab the first line holds most of; a number may use a decimal comma
only when the delimiter is not a comma (core.model.numbers.parse_number reads it).
"""
from __future__ import annotations

import csv
import io
import os
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from backprop_lab.core.io.atomic import NotAFileError
from backprop_lab.core.io.reading import TooLargeError, read_regular
from backprop_lab.core.model.dataset import MAX_SAMPLES, Dataset
from backprop_lab.core.model.numbers import parse_number, reason

MAX_CSV_BYTES = 50 * 1024 * 1024
MAX_COLUMNS = 1_000
DELIMITERS = (",", ";", "\t")
Column = str | int      # a column's name, or its position counting from 1


class CsvDataError(ValueError):
    """What is wrong, where: `row` (from 1, the header being row 1) and `column` (its name) when known;
    `code` and `values` say it again for the window, which words it in the learner's language."""

    def __init__(self, message: str, row: int | None = None, column: str | None = None, code: str = "",
                 **values: object):
        self.row, self.column, self.reason = row, column, message
        self.code, self.values = code, values
        where = ", ".join(p for p in (f"row {row}" if row else "", f"column {column!r}" if column else "") if p)
        super().__init__(f"{where}: {message}" if where else message)


@dataclass(frozen=True)
class CsvTable:
    """The file's text split into fields: its column names, and each data row with its row number."""
    columns: tuple[str, ...]
    rows: tuple[tuple[int, tuple[str, ...]], ...]
    has_header: bool


def read_table(path: str | os.PathLike[str]) -> CsvTable:
    """The file's cells as text; CsvDataError for a missing, huge, binary, empty or ragged file, or for
    anything but a regular file (refused without blocking: core.io.reading)."""
    where = os.fspath(path)
    try:
        raw = read_regular(where, MAX_CSV_BYTES)
    except NotAFileError as e:
        folder = os.path.isdir(where)
        raise CsvDataError(str(e), code="folder" if folder else "not_regular", path=where) from None
    except TooLargeError as e:
        limit = MAX_CSV_BYTES // 2 ** 20
        raise CsvDataError(f"the file is {e.size / 2 ** 20:.1f} MB; at most {limit} MB is read", code="too_large",
                           mb=f"{e.size / 2 ** 20:.1f}", limit=limit) from None
    except OSError as e:
        raise CsvDataError(f"cannot read {where}: {e.strerror or e}", code="cannot_read", path=where,
                           why=e.strerror or str(e)) from None
    return parse_table(raw)


def parse_table(raw: bytes) -> CsvTable:
    if b"\0" in raw:
        raise CsvDataError("this is not a text file (it holds NUL bytes)", code="binary")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        raise CsvDataError(f"the file is not UTF-8 text (byte {e.start + 1} cannot be read)", code="not_utf8",
                           byte=e.start + 1) from None
    first = text.split("\n", 1)[0]
    delimiter = max(DELIMITERS, key=first.count)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    lines: list[tuple[int, tuple[str, ...]]] = []
    try:
        for row in reader:      # blank lines are skipped; a row's number is the line it ends on
            if any(c.strip() for c in row):
                lines.append((reader.line_num, tuple(c.strip() for c in row)))
    except csv.Error as e:
        raise CsvDataError(f"the file is not valid CSV ({e})", row=reader.line_num, code="bad_csv") from None
    if not lines:
        raise CsvDataError("the file is empty: it needs a header row and at least one row of numbers", code="empty")
    _, head = lines[0]
    if len(head) > MAX_COLUMNS:
        raise CsvDataError(f"{len(head)} columns; at most {MAX_COLUMNS} are read", row=lines[0][0],
                           code="too_many_columns", n=len(head), limit=MAX_COLUMNS)
    has_header = not all(parse_number(c)[1] is None for c in head)
    columns = head if has_header else tuple(str(i + 1) for i in range(len(head)))
    _check_names(columns, lines[0][0])
    body = lines[1:] if has_header else lines
    if not body:
        raise CsvDataError("the file has a header but no rows of numbers", code="header_only")
    if len(body) > MAX_SAMPLES:
        raise CsvDataError(f"{len(body)} rows of data; a data set holds at most {MAX_SAMPLES} samples",
                           code="too_many_rows", n=len(body), limit=MAX_SAMPLES)
    for n, cells in body:
        if len(cells) != len(columns):
            raise CsvDataError(f"{len(cells)} values, but the header names {len(columns)} columns", row=n,
                               code="wrong_count", n=len(cells), columns=len(columns))
    return CsvTable(columns, tuple(body), has_header)


def _check_names(columns: Sequence[str], row: int) -> None:
    seen: set[str] = set()
    for i, name in enumerate(columns):
        if not name:
            raise CsvDataError(f"column {i + 1} has no name in the header", row=row, code="unnamed", n=i + 1)
        if name in seen:
            raise CsvDataError("two columns have this name; each needs its own", row=row, column=name,
                               code="duplicate_name")
        seen.add(name)


def _index(table: CsvTable, col: Column, role: str) -> int:
    if isinstance(col, int) and not isinstance(col, bool):
        if 1 <= col <= len(table.columns):
            return col - 1
        raise CsvDataError(f"there is no column {col} for the {role}s (the file has {len(table.columns)})",
                           code="no_column_number", n=col, columns=len(table.columns))
    if col in table.columns:
        return table.columns.index(col)
    raise CsvDataError(f"no column is named {col!r} (the file has {', '.join(table.columns)})",
                       code="no_column_name", name=col, names=", ".join(table.columns))


def choose(table: CsvTable, inputs: Sequence[Column] | None = None,
           targets: Sequence[Column] | None = None) -> tuple[list[int], list[int]]:
    """The chosen columns' positions (from 0); by default the last column is the target, the rest inputs."""
    n = len(table.columns)
    if targets is None:
        ti = [n - 1]
    else:
        ti = [_index(table, c, "target") for c in targets]
    ii = [i for i in range(n) if i not in ti] if inputs is None else [_index(table, c, "input") for c in inputs]
    if not ii:
        raise CsvDataError("choose at least one input column", code="no_input")
    if not ti:
        raise CsvDataError("choose at least one target column", code="no_target")
    for i in ii:
        if ii.count(i) > 1 or i in ti:
            raise CsvDataError("a column can be chosen only once, as an input or as a target",
                               column=table.columns[i], code="chosen_twice")
    for i in ti:
        if ti.count(i) > 1:
            raise CsvDataError("a column can be chosen only once, as an input or as a target",
                               column=table.columns[i], code="chosen_twice")
    return ii, ti


def to_dataset(table: CsvTable, inputs: Sequence[Column] | None = None,
               targets: Sequence[Column] | None = None) -> Dataset:
    """The chosen columns as numbers; the first bad cell (in row order) raises CsvDataError."""
    ii, ti = choose(table, inputs, targets)
    cols = ii + ti
    out = np.empty((len(table.rows), len(cols)))
    for r, (n, row) in enumerate(table.rows):
        for c, i in enumerate(cols):
            out[r, c] = _cell(row[i], n, table.columns[i])
    return Dataset(out[:, :len(ii)], out[:, len(ii):])


def _cell(text: str, row: int, column: str) -> float:
    v, problem = parse_number(text)
    if problem is None and v is not None:
        return v
    assert problem is not None
    if problem.code == "empty":
        raise CsvDataError("the value is missing", row=row, column=column, code="missing")
    if problem.code == "not_finite":
        raise CsvDataError(f"{text!r} is not a finite number", row=row, column=column, code="not_finite",
                           text=text)
    if problem.code in ("thousands", "underflow"):      # core's words, in the learner's language
        raise CsvDataError(reason(problem), row=row, column=column, code=problem.code, text=text)
    raise CsvDataError(f"{text!r} is not a number (this column holds numbers)", row=row, column=column,
                       code="not_number", text=text)


def load_dataset(path: str | os.PathLike[str], inputs: Sequence[Column] | None = None,
                 targets: Sequence[Column] | None = None) -> Dataset:
    """read_table then to_dataset: a whole new Dataset, or CsvDataError and nothing changed."""
    return to_dataset(read_table(path), inputs, targets)
