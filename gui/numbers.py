"""Reading a number the learner typed, and writing one back, the same way in every field."""
from __future__ import annotations

import math

from PySide6.QtCore import QCoreApplication

translate = QCoreApplication.translate


def parse_number(text: str) -> tuple[float | None, str | None]:
    """(value, None) for a finite number, else (None, a reason the learner can read)."""
    raw = "" if text is None else str(text)
    s = raw.strip().replace("\u2212", "-")   # the typographic minus the window itself prints
    if not s:
        return None, translate("Numbers", "Empty: type a number")
    if s.count(",") == 1 and "." not in s:    # "0,5" where a comma is the decimal mark
        s = s.replace(",", ".")
    try:
        v = float(s)
    except ValueError:
        return None, translate("Numbers", "“%1” is not a number").replace("%1", raw.strip())
    if math.isnan(v):
        return None, translate("Numbers", "“%1” is not a number").replace("%1", raw.strip())
    if math.isinf(v):
        text = translate("Numbers", "“%1” is too large: only finite numbers are allowed")
        return None, text.replace("%1", raw.strip())
    return v, None


def fmt(v, digits: int = 8) -> str:
    """As the seeds print: `digits` decimal places (0.60944600), but a number that is exactly that
    short stays short (0.3, as typed); very small or large numbers in exponent form."""
    if v is None:
        return ""
    v = float(v)
    if v == 0:
        return "0"
    a = abs(v)
    if 1e-4 <= a < 1e5:
        short = repr(v)
        if "e" not in short and len(short.split(".")[1]) <= digits:
            s = short
        else:
            s = f"{v:.{digits}f}"
    else:
        s = f"{v:.{digits}g}"
    return "\u2212" + s[1:] if s.startswith("-") else s
