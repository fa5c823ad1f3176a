"""Small pieces the teaching panels share: a clickable number label, number formatting as the seeds
print it, and which sample a one-sample view (walk-through, exercises, source marks) is about."""
from __future__ import annotations

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QFontMetrics, QPalette
from PySide6.QtWidgets import QFrame, QLabel

from backprop_lab.core.model.numbers import MINUS, format_number

from ..numbers import SHOWN, digits_of
from .clickable import Clickable
from .typeset import math_font


def number_text(v, given: bool = False, digits: int | None = SHOWN) -> str:
    """The learner's precision (eight decimals, as seed 004 prints computed numbers, unless View →
    Precision says otherwise); given numbers (weights, inputs) short."""
    return format_number(float(v), digits_of(digits), given, minus=MINUS)


def walk_sample(session) -> int:
    """The sample the walk-through and the exercises use: the one shown, else the first one the next
    update uses."""
    if session.shown_sample is not None:
        return int(session.shown_sample)
    nxt = session.next_samples()
    return int(nxt[0]) if len(nxt) else 0


def walk_velocity(session):
    """The momentum velocity of the next step (none while a past step is shown)."""
    if session.viewing_step is not None or not session.settings.momentum:
        return None
    return session.trainer.velocity


def walk_opt(session):
    """Adam's m, v and step count for the next step (none while a past step is shown: zeros)."""
    if session.viewing_step is not None or session.settings.optimizer != "adam":
        return None
    return session.trainer.opt


def tight_height(font) -> int:
    """STIX Two Math declares a line height of about three em (room for big operators): plain text in
    it is sized by what it draws instead."""
    return QFontMetrics(font).tightBoundingRect("0123456789()−+=×⋯").height() + 8


class MathLabel(QLabel):
    """Plain text in the typesetting font, as tall as its glyphs."""

    def __init__(self, text="", parent=None, point_size=11.0):
        super().__init__(text, parent)
        self.setFont(math_font(point_size))
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)

    def sizeHint(self) -> QSize:
        return QSize(super().sizeHint().width(), tight_height(self.font()))

    def minimumSizeHint(self) -> QSize:
        return QSize(super().minimumSizeHint().width(), tight_height(self.font()))


class ClickLabel(Clickable, MathLabel):
    """A number (or caption) that selects its item when clicked and lights up with its column."""
    clicked = Signal()
    hovered = Signal(bool)

    def __init__(self, text="", parent=None, clickable=False, point_size=11.0):
        super().__init__(text, parent, point_size)
        self._clickable = clickable
        self.setAutoFillBackground(False)
        if clickable:
            self.setCursor(Qt.CursorShape.PointingHandCursor)

    def set_hover(self, on: bool) -> None:
        self.setAutoFillBackground(on)
        if on:
            pal = self.palette()
            pal.setColor(QPalette.ColorRole.Window, pal.color(QPalette.ColorRole.Highlight).lighter(185))
            self.setPalette(pal)

def hline() -> QFrame:
    line = QFrame()
    line.setFrameShape(QFrame.Shape.HLine)
    line.setFrameShadow(QFrame.Shadow.Sunken)
    return line


def caption(text: str, parent=None) -> QLabel:
    label = QLabel(text, parent)
    label.setWordWrap(True)
    pal = label.palette()
    pal.setColor(QPalette.ColorRole.WindowText, pal.color(QPalette.ColorRole.PlaceholderText))
    label.setPalette(pal)
    return label
