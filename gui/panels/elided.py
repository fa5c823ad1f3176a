"""A one-line label that, given less room than its text (the status bar at 1024 px while long work shows
its progress, or a long message: a QLabel asks for its whole text's width, and the step, loss and state
were pushed off the window), ends the text with "…" and keeps all of it in its tooltip, instead of
cutting it mid-word."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import QLabel, QSizePolicy

from ..plain_text import tip

MIN_WIDTH = 90


class ElidedLabel(QLabel):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)

    def minimumSizeHint(self):
        hint = super().minimumSizeHint()
        hint.setWidth(min(hint.width(), MIN_WIDTH))
        return hint

    def setText(self, text: str) -> None:
        super().setText(text)
        self.setToolTip(tip(text))

    def shown_text(self) -> str:
        """What is painted: the text, or its start and "…" where the label is narrower."""
        return self.fontMetrics().elidedText(self.text(), Qt.TextElideMode.ElideRight, self.contentsRect().width())

    def paintEvent(self, _event) -> None:
        painter = QPainter(self)
        painter.drawText(self.contentsRect(), int(self.alignment() | Qt.AlignmentFlag.AlignVCenter), self.shown_text())
