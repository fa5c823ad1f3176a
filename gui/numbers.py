"""The window's side of core.model.numbers: the one number format with the typographic minus, and
the reasons a typed number is refused, in the learner's language."""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from backprop_lab.core.model import numbers

translate = QCoreApplication.translate


def parse_number(text: str) -> tuple[float | None, str | None]:
    """(value, None) for a finite number, else (None, a reason the learner can read)."""
    v, problem = numbers.parse_number(text)
    if problem is None:
        return v, None
    if problem.code == "empty":
        return None, translate("Numbers", "Empty: type a number")
    if problem.code == "not_finite":
        return None, translate("Numbers", "“%1” is too large: only finite numbers are allowed") \
            .replace("%1", problem.text)
    return None, translate("Numbers", "“%1” is not a number").replace("%1", problem.text)


def fmt(v, digits: int | None = 8) -> str:
    """A number as every view shows it (core.model.numbers.format_number): `digits` decimals, a number
    that is exactly that short stays short (0.3, as typed)."""
    if v is None:
        return ""
    return numbers.format_number(v, digits, given=True, minus=numbers.MINUS)
