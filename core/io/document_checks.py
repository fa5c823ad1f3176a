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

from backprop_lab.core.model.dataset import MAX_SAMPLES, Dataset
from backprop_lab.core.model.i18n import fill, translate
from backprop_lab.core.model.network import Network
from backprop_lab.core.numerics import engine

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
        self.token = token if len(token) <= 24 else fill(translate("Document", "a number of %1 characters"),
                                                          len(token))


def _parse_float(token: str) -> float | _BadNumber:
    value = float(token)
    return value if math.isfinite(value) else _BadNumber(token)


def _parse_int(token: str) -> int | _BadNumber:
    return int(token) if len(token) <= 40 else _BadNumber(token)


def _no_duplicates(pairs: Iterable[tuple[str, Any]]) -> dict[str, Any]:
    seen: dict[str, Any] = {}
    for key, value in pairs:
        if key in seen:
            _fail("", fill(translate("Document", "not a valid Backprop Lab file: the field %1 appears twice in one "
                                     "object"), repr(key)))
        seen[key] = value
    return seen


# ----- checks --------------------------------------------------------------------------------------
def _describe(v: object) -> str:
    if isinstance(v, _BadNumber):
        return v.token
    if v is None or isinstance(v, bool):
        return json.dumps(v)
    if isinstance(v, str):
        return fill(translate("Document", "text %1"), repr(v[:30]))
    if isinstance(v, (list, dict)):
        return fill(translate("Document", "a list of %1"), len(v)) if isinstance(v, list) else \
            translate("Document", "an object")
    return repr(v)


def _number(v: object, field: str) -> float:
    if isinstance(v, _BadNumber):
        _fail(field, fill(translate("Document", "%1 is not a finite number"), v.token))
    if isinstance(v, bool) or not isinstance(v, (int, float)):
        _fail(field, fill(translate("Document", "must be a number, got %1"), _describe(v)))
    assert isinstance(v, int | float)
    try:
        f = float(v)
    except OverflowError:
        f = math.inf
    if not math.isfinite(f):
        _fail(field, fill(translate("Document", "must be a finite number, got %1"), _describe(v)))
    return f


def _flag(v: object, field: str) -> bool:
    if not isinstance(v, bool):
        _fail(field, fill(translate("Document", "must be true or false, got %1"), _describe(v)))
    return v


def _whole(v: object, field: str, lo: int, hi: int) -> int:
    if isinstance(v, bool) or not isinstance(v, int) or not lo <= v <= hi:
        _fail(field, fill(translate("Document", "must be a whole number from %1 to %2, got %3"), lo, hi, _describe(v)))
    return v


def _text(v: object, field: str, limit: int, empty: bool = True) -> str:
    if not isinstance(v, str):
        _fail(field, fill(translate("Document", "must be text, got %1"), _describe(v)))
    if not empty and not v:
        _fail(field, translate("Document", "must not be empty"))
    if len(v) > limit:
        _fail(field, fill(translate("Document", "is %1 characters long; at most %2 are allowed"), len(v), limit))
    try:
        v.encode("utf-8")
    except UnicodeEncodeError:
        _fail(field, translate("Document", "holds characters that cannot be written as UTF-8"))
    return v


def _choice(v: object, field: str, options: Sequence[str], what: str) -> str:
    if not isinstance(v, str) or v not in options:
        _fail(field, fill(translate("Document", "unknown %1 %2 (one of %3)"), what,
                          _describe(v) if not isinstance(v, str) else repr(v), ", ".join(options)))
    return v


def _object(v: object, field: str, required: Sequence[str] = (), optional: Sequence[str] = ()) -> dict[str, Any]:
    if not isinstance(v, dict):
        _fail(field, fill(translate("Document", "must be an object {...}, got %1"), _describe(v)))
    for key in v:
        if key not in required and key not in optional:
            _fail(f"{field}.{key}" if field else str(key),
                  fill(translate("Document", "unknown field (known here: %1)"), ", ".join((*required, *optional))))
    for key in required:
        if key not in v:
            _fail(f"{field}.{key}" if field else key, translate("Document", "missing"))
    return v


def _vector(v: object, n: int, field: str, item: Check[T]) -> list[T]:
    if not isinstance(v, list):
        _fail(field, fill(translate("Document", "must be a list of %1 values, got %2"), n, _describe(v)))
    if len(v) != n:
        _fail(field, fill(translate("Document", "expected %1 value, got %2") if n == 1 else
                          translate("Document", "expected %1 values, got %2"), n, len(v)))
    return [item(x, f"{field}[{i}]") for i, x in enumerate(v, start=1)]


def _matrix(v: object, rows: int, cols: int, field: str, item: Check[T]) -> list[list[T]]:
    shape = fill(translate("Document", "%1×%2 values (%1 row of %2)") if rows == 1 else
                 translate("Document", "%1×%2 values (%1 rows of %2)"), rows, cols)
    if not isinstance(v, list):
        _fail(field, fill(translate("Document", "expected %1, got %2"), shape, _describe(v)))
    if any(not isinstance(r, list) for r in v):
        _fail(field, fill(translate("Document", "expected %1, got a flat list of %2"), shape, len(v)) if v else
              fill(translate("Document", "expected %1, got none"), shape))
    if len(v) != rows:
        _fail(field, fill(translate("Document", "expected %1, got %2 row") if len(v) == 1 else
                          translate("Document", "expected %1, got %2 rows"), shape, len(v)))
    return [_vector(r, cols, f"{field}[{i}]", item) for i, r in enumerate(v, start=1)]


def _samples(v: object, n: int, field: str) -> list[list[float]]:
    if not isinstance(v, list) or not v:
        _fail(field, fill(translate("Document", "must be a list of samples, each a list of %1 numbers, got %2"), n,
                          _describe(v)))
    if len(v) > MAX_SAMPLES:
        _fail(field, fill(translate("Document", "%1 samples; at most %2 are allowed"), len(v), MAX_SAMPLES))
    return _matrix(v, len(v), n, field, _number)


def all_finite(net: Network, data: Dataset, field: str = "data") -> None:
    """The project's rule (core.numerics.engine.first_not_finite, as the window's edits check it): every
    value of the forward and backward pass finite, over the data or (`field` "test") a split's held-out samples. Else
    the field that makes it overflow is named: the target when it is the larger side of a loss term, else
    the layer's weights (with the sample's inputs); the held-out samples are checked after the data passed,
    so what overflows there is the sample's inputs, not weights that work on the data."""
    bad = engine.first_not_finite(net, data.X, data.Y)
    if bad is None:
        return
    value = repr(bad.value)
    if bad.kind == "loss":
        _fail(field, fill(translate("Document", "the loss over the %1 samples would be %2: every value of the "
                                     "forward and backward pass must be finite"), len(data), value))
    s, k = bad.sample, bad.unit
    if s < 0:           # a gradient's mean over the samples
        _fail(f"layers[{bad.layer}].W", fill(translate("Document", "%1 over the %2 samples would be %3: every value "
                                                       "of the forward and backward pass must be finite"),
                                             bad.name(), len(data), value))
    said = fill(translate("Document", "%1 of sample %2 would be %3: every value of the forward and backward pass "
                          "must be finite"), bad.name(), s + 1, value)
    if bad.kind == "loss_term":
        out = engine.forward(net, data.X[s])[1][-1][0, k]
        if not abs(out) > abs(data.Y[s, k]):
            _fail(f"{field}.targets[{s + 1}][{k + 1}]", said)
    if field != "data":
        _fail(f"{field}.inputs[{s + 1}]", said)
    what = translate("Document", "with data.inputs[%2], %1 of sample %2 would be %3: every value of the forward "
                     "and backward pass must be finite")
    _fail(f"layers[{bad.layer}].W", fill(what, bad.name(), s + 1, value))
