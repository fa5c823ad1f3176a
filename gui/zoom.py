"""The window's zoom factor (gui.presentation sets it): what is sized in points is drawn this much larger."""
from __future__ import annotations

_state = {"factor": 1.0}


def factor() -> float:
    return _state["factor"]


def set_factor(f: float) -> None:
    _state["factor"] = f
