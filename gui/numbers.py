"""The window's side of core.model.numbers: the one number format with the typographic minus, and
the reasons a typed number is refused, in the learner's language."""
from __future__ import annotations

from backprop_lab.core.model import numbers


def parse_number(text: str) -> tuple[float | None, str | None]:
    """(value, None) for a finite number, else (None, a reason the learner can read): core's words,
    which the command line prints too."""
    v, problem = numbers.parse_number(text)
    return (v, None) if problem is None else (None, numbers.reason(problem))


# View → Precision: decimals every view shows (None: every digit). Exports never read it: they stay exact.
PRECISIONS: tuple[int | None, ...] = (4, 8, None)
DEFAULT_PRECISION = 8
SHOWN = -1          # a `digits` argument meaning "as the learner chose"
_shown: dict[str, int | None] = {"digits": DEFAULT_PRECISION}


def shown_digits() -> int | None:
    return _shown["digits"]


def set_shown_digits(digits: int | None) -> None:
    _shown["digits"] = digits if digits in PRECISIONS else DEFAULT_PRECISION


def digits_of(digits: int | None) -> int | None:
    """SHOWN → the learner's precision; any other value as it is."""
    return _shown["digits"] if digits == SHOWN else digits


def fmt(v, digits: int | None = SHOWN) -> str:
    """A number as every view shows it (core.model.numbers.format_number): the learner's precision (or
    `digits` decimals), a number that is exactly that short stays short (0.3, as typed)."""
    if v is None:
        return ""
    return numbers.format_number(v, digits_of(digits), given=True, minus=numbers.MINUS)
