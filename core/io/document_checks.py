"""The checks a document's fields pass on loading (core.io.document): each takes a parsed JSON value
and the field's name, returns the value as the project needs it, or raises DocumentError naming the
field and what is wrong. Numbers the json module could not hold (NaN, Infinity, too large) arrive as
_BadNumber markers, so the check that meets one can name its field.
"""
from __future__ import annotations

import json
import math
from collections.abc import Callable, Iterable, Sequence
from typing import Any, NoReturn, TypeVar

from backprop_lab.core.model.dataset import MAX_SAMPLES

T = TypeVar("T")
# A checked list's entries: a parsed JSON value and its field's name in, the checked value out.
Check = Callable[[object, str], T]


class DocumentError(ValueError):
    """A file or project that cannot be loaded or saved; the message names the field and what is wrong."""


def _fail(field: str, what: str) -> NoReturn:
    raise DocumentError(f"{field}: {what}" if field else what)


class _BadNumber:
    """Stands in for NaN, Infinity, or a number too large for a float, so the check that meets it can
    name the field."""

    def __init__(self, token: str):
        self.token = token if len(token) <= 24 else f"a number of {len(token)} characters"


def _parse_float(token: str) -> float | _BadNumber:
    value = float(token)
    return value if math.isfinite(value) else _BadNumber(token)


def _parse_int(token: str) -> int | _BadNumber:
    return int(token) if len(token) <= 40 else _BadNumber(token)


def _no_duplicates(pairs: Iterable[tuple[str, Any]]) -> dict[str, Any]:
    seen: dict[str, Any] = {}
    for key, value in pairs:
        if key in seen:
            _fail("", f"not a valid Backprop Lab file: the field {key!r} appears twice in one object")
        seen[key] = value
    return seen


# ----- checks --------------------------------------------------------------------------------------
def _describe(v: object) -> str:
    if isinstance(v, _BadNumber):
        return v.token
    if v is None or isinstance(v, bool):
        return json.dumps(v)
    if isinstance(v, str):
        return f"text {v[:30]!r}"
    if isinstance(v, (list, dict)):
        return f"a list of {len(v)}" if isinstance(v, list) else "an object"
    return repr(v)


def _number(v: object, field: str) -> float:
    if isinstance(v, _BadNumber):
        _fail(field, f"{v.token} is not a finite number")
    if isinstance(v, bool) or not isinstance(v, (int, float)):
        _fail(field, f"must be a number, got {_describe(v)}")
    assert isinstance(v, int | float)
    try:
        f = float(v)
    except OverflowError:
        f = math.inf
    if not math.isfinite(f):
        _fail(field, f"must be a finite number, got {_describe(v)}")
    return f


def _flag(v: object, field: str) -> bool:
    if not isinstance(v, bool):
        _fail(field, f"must be true or false, got {_describe(v)}")
    return v


def _whole(v: object, field: str, lo: int, hi: int) -> int:
    if isinstance(v, bool) or not isinstance(v, int) or not lo <= v <= hi:
        _fail(field, f"must be a whole number from {lo} to {hi}, got {_describe(v)}")
    return v


def _text(v: object, field: str, limit: int, empty: bool = True) -> str:
    if not isinstance(v, str):
        _fail(field, f"must be text, got {_describe(v)}")
    if not empty and not v:
        _fail(field, "must not be empty")
    if len(v) > limit:
        _fail(field, f"is {len(v)} characters long; at most {limit} are allowed")
    try:
        v.encode("utf-8")
    except UnicodeEncodeError:
        _fail(field, "holds characters that cannot be written as UTF-8")
    return v


def _choice(v: object, field: str, options: Sequence[str], what: str) -> str:
    if not isinstance(v, str) or v not in options:
        _fail(field, f"unknown {what} {_describe(v) if not isinstance(v, str) else repr(v)} "
                     f"(one of {', '.join(options)})")
    return v


def _object(v: object, field: str, required: Sequence[str] = (), optional: Sequence[str] = ()) -> dict[str, Any]:
    if not isinstance(v, dict):
        _fail(field, f"must be an object {{...}}, got {_describe(v)}")
    for key in v:
        if key not in required and key not in optional:
            _fail(f"{field}.{key}" if field else str(key),
                  f"unknown field (known here: {', '.join((*required, *optional))})")
    for key in required:
        if key not in v:
            _fail(f"{field}.{key}" if field else key, "missing")
    return v


def _vector(v: object, n: int, field: str, item: Check[T]) -> list[T]:
    if not isinstance(v, list):
        _fail(field, f"must be a list of {n} values, got {_describe(v)}")
    if len(v) != n:
        _fail(field, f"expected {n} value{'s' if n != 1 else ''}, got {len(v)}")
    return [item(x, f"{field}[{i}]") for i, x in enumerate(v, start=1)]


def _matrix(v: object, rows: int, cols: int, field: str, item: Check[T]) -> list[list[T]]:
    shape = f"{rows}×{cols} values ({rows} row{'s' if rows != 1 else ''} of {cols})"
    if not isinstance(v, list):
        _fail(field, f"expected {shape}, got {_describe(v)}")
    if any(not isinstance(r, list) for r in v):
        _fail(field, f"expected {shape}, got a flat list of {len(v)}" if v else f"expected {shape}, got none")
    if len(v) != rows:
        _fail(field, f"expected {shape}, got {len(v)} row{'s' if len(v) != 1 else ''}")
    return [_vector(r, cols, f"{field}[{i}]", item) for i, r in enumerate(v, start=1)]


def _samples(v: object, n: int, field: str) -> list[list[float]]:
    if not isinstance(v, list) or not v:
        _fail(field, f"must be a list of samples, each a list of {n} numbers, got {_describe(v)}")
    if len(v) > MAX_SAMPLES:
        _fail(field, f"{len(v)} samples; at most {MAX_SAMPLES} are allowed")
    return _matrix(v, len(v), n, field, _number)
