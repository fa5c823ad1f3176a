"""The inline editor a double-click opens over a number, and the short notes the diagram shows
beside an item (why an edit was refused).

Both are children of the view's viewport rather than scene items, so they keep their real font size
at every zoom. Enter commits, Escape or clicking elsewhere cancels; bad text stays in the field with
a red border and the reason under it, and the number keeps its old value.
"""
from __future__ import annotations

from PySide6.QtCore import QEvent, QPoint, Qt, QTimer, Signal
from PySide6.QtWidgets import QFrame, QLabel, QLineEdit, QVBoxLayout, QWidget

from ..numbers import fmt
from ..plain_text import plain_label

_ERROR_STYLE = "QLineEdit { border: 2px solid #C0392B; border-radius: 3px; padding: 1px 3px; }"
_NORMAL_STYLE = "QLineEdit { border: 2px solid #6A3D9A; border-radius: 3px; padding: 1px 3px; }"


class NumberEditor(QFrame):
    closed = Signal()

    def __init__(self, viewport: QWidget, item, session):
        super().__init__(viewport)
        self._viewport = viewport
        self.item, self.session = item, session
        self.setObjectName("diagramNumberEditor")
        self.setAutoFillBackground(True)
        self.setStyleSheet("QFrame#diagramNumberEditor { background: #FFFFFF; border: 1px solid #9AA0A6;"
                           " border-radius: 4px; }")
        box = QVBoxLayout(self)
        box.setContentsMargins(4, 4, 4, 4)
        box.setSpacing(3)
        self.line = QLineEdit(self)
        self.line.setStyleSheet(_NORMAL_STYLE)
        font = self.line.font()
        font.setPixelSize(14)
        self.line.setFont(font)
        self.original = fmt(item.binding.get(session))
        self.line.setText(self.original)
        self.line.selectAll()
        self.line.setToolTip(self.tr("Enter: set the value · Esc: cancel"))
        name = item.name or session.label(item.binding.select_key)
        self.line.setAccessibleName(self.tr("New value of %1").replace("%1", name))
        self.error = plain_label(parent=self)
        self.error.setObjectName("diagramEditorError")
        self.error.setStyleSheet("color: #C0392B;")
        self.error.setWordWrap(True)
        self.error.hide()
        box.addWidget(self.line)
        box.addWidget(self.error)
        self.line.returnPressed.connect(self.commit)
        self.line.textEdited.connect(self._clear_error)
        self.line.installEventFilter(self)
        self.setMinimumWidth(150)

    @property
    def error_text(self) -> str:
        return self.error.text() if self.error.isVisible() else ""

    def commit(self) -> bool:
        text = self.line.text()
        if text.strip() == self.original:
            self.close_editor()
            return True
        value, err = self.session.parse_number(text)
        if err is None:
            err = self.item.binding.commit(self.session, value)
        if err:
            self.show_error(err)
            return False
        self.close_editor()
        return True

    def show_error(self, text: str) -> None:
        self.line.setStyleSheet(_ERROR_STYLE)
        self.error.setText(text)
        self.error.show()
        self.adjustSize()
        self.line.setFocus()

    def _clear_error(self) -> None:
        if self.error.isVisible():
            self.line.setStyleSheet(_NORMAL_STYLE)
            self.error.hide()
            self.adjustSize()

    def close_editor(self) -> None:
        if self.isVisible():
            self.hide()
            self.closed.emit()
            self.deleteLater()

    def eventFilter(self, obj, event):
        if obj is self.line:
            if event.type() == QEvent.Type.KeyPress and event.key() == Qt.Key.Key_Escape:
                self.close_editor()
                return True
            if event.type() == QEvent.Type.FocusOut and event.reason() != Qt.FocusReason.PopupFocusReason:
                # Leaving the field cancels (a half-typed number is never applied by accident).
                QTimer.singleShot(0, self.close_editor)
        return super().eventFilter(obj, event)

    def place(self, anchor: QPoint) -> None:
        """Top-left near `anchor` (viewport coordinates), kept inside the viewport."""
        self.adjustSize()
        vp = self._viewport.rect()
        x = min(max(0, anchor.x()), max(0, vp.width() - self.width()))
        y = min(max(0, anchor.y()), max(0, vp.height() - self.height()))
        self.move(x, y)


class Note(QLabel):
    """A short message beside an item; it fades after a few seconds."""

    def __init__(self, viewport: QWidget):
        super().__init__(viewport)
        self._viewport = viewport
        self.setObjectName("diagramNote")
        self.setWordWrap(True)
        self.setMaximumWidth(360)
        self.setStyleSheet("QLabel { background: #FFF4E5; color: #7A2E0E; border: 1px solid #D55E00;"
                           " border-radius: 4px; padding: 4px 6px; }")
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.hide)
        self.hide()

    def show_at(self, text: str, anchor: QPoint, msec: int = 4000) -> None:
        self.setText(text)
        self.adjustSize()
        vp = self._viewport.rect()
        self.move(min(max(0, anchor.x()), max(0, vp.width() - self.width())),
                  min(max(0, anchor.y()), max(0, vp.height() - self.height())))
        self.show()
        self.raise_()
        self._timer.start(msec)
