"""How every number is written and read: one rule for the walk-through, the derivation, the
exercises, the command line's tables and every view of the window.

Writing (`format_number`): `digits` decimal places, as the seeds print computed numbers
(0.52747230, and −1e-12 as 0.00000000: a result rounded to the places shown); from 1e9 on, exponent
form. A `given` number (typed, or a weight, input, target or rate; every view of the window writes its
numbers this way) as short as it is (0.45) unless it needs more decimals than that, and never lost:
one that the places shown would round to zero, or that has 16 or more digits before the point (where
"every digit" writes exponent form too), is written in the shortest exponent form that reads back as
itself, at most `digits` decimals (1e-320, not 0.00000000; 1.2e+154, not 155 digits). `aligned` keeps a
given number at `digits` places (0.450: the diagram's labels). `digits=None` writes every significant
digit (the shortest text that reads back as the same float) — the form a precision setting of "all
digits" would choose. The window passes its typographic minus.

Reading (`parse_number`): what a learner types, with a code for what is wrong, and `reason`, its words
in the learner's language for the window and the command line alike. Full-width forms (０．５, －１) read
as their ASCII twins, as a Korean or Japanese keyboard in full-width mode types them. A comma is a
decimal mark only where it cannot be a thousands separator: "0,5" and "1,5" are one half and one and a
half, but "1,000" (three digits after it) and "1,234,567" are refused, since a Korean or English reader
means one thousand by "1,000". A nonzero number too small for a float (1e-400) is refused rather than
read as 0."""
from __future__ import annotations

import math
import re
from dataclasses import dataclass

import numpy as np

from backprop_lab.core.model.i18n import translate

MINUS = "\u2212"     # the typographic minus the window prints


GIVEN_EXPONENT = 1e16     # where repr (the "every digit" form) turns to exponent form


def format_number(v: float, digits: int | None = 8, given: bool = False, minus: str = "-",
                  aligned: bool = False) -> str:
    v = float(v) + 0.0           # −0.0 reads 0
    if not math.isfinite(v):
        text = "nan" if math.isnan(v) else ("inf" if v > 0 else "-inf")
    elif digits is None:
        text = repr(v)
    else:
        text = _decimals(v, digits, given, aligned)
    return text.replace("-", minus) if minus != "-" else text


def _decimals(v: float, digits: int, given: bool, aligned: bool) -> str:
    if given and v != 0.0 and (abs(v) >= GIVEN_EXPONENT or float(f"{v:.{digits}f}") == 0.0):
        return np.format_float_scientific(v, precision=digits, unique=True, trim="-")
    if given and not aligned:
        short = np.format_float_positional(v, trim="-")
        if len(short.partition(".")[2]) <= digits:
            return short
    if abs(v) >= 1e9:
        return f"{v:.{digits}e}"
    text = f"{v:.{digits}f}"
    return text.lstrip("-") if float(text) == 0.0 else text   # no "-0.00000000"


@dataclass(frozen=True)
class NumberProblem:
    code: str        # "empty", "not_a_number", "not_finite", "thousands", "underflow"
    text: str        # what was typed, stripped


# A comma that may group thousands: three digits after it and nothing but digits before (1,000), or
# groups of three after every comma (1,234,567).
_THOUSANDS = re.compile(r"[+-]?\d{1,3}(,\d{3})+(\.\d*)?([eE][+-]?\d+)?")
_DECIMAL_COMMA = re.compile(r"[+-]?\d*,\d+([eE][+-]?\d+)?")
_NONZERO_DIGIT = re.compile(r"[1-9]")
# The full-width block (！ to ～) and the ideographic space as their ASCII twins; not NFKC, which would
# also read a superscript 2² as 22.
_FULL_WIDTH = {c: c - 0xFEE0 for c in range(0xFF01, 0xFF5F)} | {0x3000: 0x20}


def parse_number(text: object) -> tuple[float | None, NumberProblem | None]:
    """(value, None) for a finite number, else (None, what is wrong). Accepts the typographic minus
    the window prints, full-width digits, point and signs, and a decimal comma where it cannot group
    thousands (see the module's note)."""
    raw = "" if text is None else str(text)
    shown = raw.strip()
    s = shown.translate(_FULL_WIDTH).replace(MINUS, "-").strip()
    if not s:
        return None, NumberProblem("empty", "")
    if "," in s:
        if _THOUSANDS.fullmatch(s) and not s.lstrip("+-").startswith("0,"):
            return None, NumberProblem("thousands", shown)
        if not _DECIMAL_COMMA.fullmatch(s):
            return None, NumberProblem("not_a_number", shown)
        s = s.replace(",", ".")
    try:
        v = float(s)
    except ValueError:
        return None, NumberProblem("not_a_number", shown)
    if math.isnan(v):
        return None, NumberProblem("not_a_number", shown)
    if math.isinf(v):
        return None, NumberProblem("not_finite", shown)
    if v == 0.0 and _NONZERO_DIGIT.search(s.lower().partition("e")[0]):
        return None, NumberProblem("underflow", shown)
    return v, None


def reason(problem: NumberProblem) -> str:
    """Why a typed number was refused, in the learner's language: the window and the command line say
    the same."""
    if problem.code == "empty":
        return translate("Numbers", "Empty: type a number")
    if problem.code == "not_finite":
        text = translate("Numbers", "“%1” is too large: only finite numbers are allowed")
    elif problem.code == "underflow":
        text = translate("Numbers", "“%1” is too small to hold: it would become 0. Type 0 if you mean zero")
    elif problem.code == "thousands":
        text = translate("Numbers", "“%1”: a comma followed by three digits may separate thousands, so it "
                         "is not read as a decimal mark. Type %2 for the whole number, or use a point "
                         "as the decimal mark").replace("%2", problem.text.translate(_FULL_WIDTH)
                                                                .replace(",", ""))
    else:
        text = translate("Numbers", "“%1” is not a number")
    return text.replace("%1", problem.text)
