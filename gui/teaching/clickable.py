"""Mouse handling shared by everything in a derivation a learner can click to select its item."""
from __future__ import annotations

from PySide6.QtCore import Qt


class Clickable:
    """Mixin, before the Qt base class. The class declares `clicked` and `hovered(bool)` signals, sets
    `_clickable` and implements `set_hover(on)`. A click counts only if released over the widget."""

    def enterEvent(self, event):
        if self._clickable:
            self.set_hover(True)
            self.hovered.emit(True)
        super().enterEvent(event)

    def leaveEvent(self, event):
        if self._clickable:
            self.set_hover(False)
            self.hovered.emit(False)
        super().leaveEvent(event)

    def mousePressEvent(self, event):
        if self._clickable and event.button() == Qt.MouseButton.LeftButton:
            event.accept()
            return
        super().mousePressEvent(event)

    def mouseReleaseEvent(self, event):
        if self._clickable and event.button() == Qt.MouseButton.LeftButton and self.rect().contains(
                event.position().toPoint()):
            self.clicked.emit()
            event.accept()
            return
        super().mouseReleaseEvent(event)
