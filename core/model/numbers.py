"""How every number is written and read: one rule for the walk-through, the derivation, the
exercises, the command line's tables and every view of the window.

Writing (`format_number`): `digits` decimal places, as the seeds print computed numbers
(0.52747230); a `given` number (typed, or a weight, input, target or rate) as short as it is (0.45)
unless it needs more decimals than that; from 1e9 on, exponent form. `digits=None` writes every
significant digit (the shortest text that reads back as the same float) — the form a precision
setting of "all digits" would choose. The window passes its typographic minus.

Reading (`parse_number`): what a learner types, with a code for what is wrong (the window words it)."""
from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

MINUS = "\u2212"     # the typographic minus the window prints


def format_number(v: float, digits: int | None = 8, given: bool = False, minus: str = "-") -> str:
    v = float(v)
    if not math.isfinite(v):
        text = "nan" if math.isnan(v) else ("inf" if v > 0 else "-inf")
    elif digits is None:
        text = repr(v)
    else:
        text = _decimals(v, digits, given)
    return text.replace("-", minus) if minus != "-" else text


def _decimals(v: float, digits: int, given: bool) -> str:
    if given:
        short = np.format_float_positional(v, trim="-")
        if len(short.partition(".")[2]) <= digits and "e" not in short:
            return short
    if abs(v) >= 1e9:
        return f"{v:.{digits}e}"
    text = f"{v:.{digits}f}"
    return text.lstrip("-") if float(text) == 0.0 else text   # no "-0.00000000"


@dataclass(frozen=True)
class NumberProblem:
    code: str        # "empty", "not_a_number", "not_finite"
    text: str        # what was typed, stripped


def parse_number(text: object) -> tuple[float | None, NumberProblem | None]:
    """(value, None) for a finite number, else (None, what is wrong). Accepts the typographic minus
    the window prints and a single decimal comma ("0,5")."""
    raw = "" if text is None else str(text)
    s = raw.strip().replace(MINUS, "-")
    if not s:
        return None, NumberProblem("empty", "")
    if s.count(",") == 1 and "." not in s:
        s = s.replace(",", ".")
    try:
        v = float(s)
    except ValueError:
        return None, NumberProblem("not_a_number", raw.strip())
    if math.isnan(v):
        return None, NumberProblem("not_a_number", raw.strip())
    if math.isinf(v):
        return None, NumberProblem("not_finite", raw.strip())
    return v, None
