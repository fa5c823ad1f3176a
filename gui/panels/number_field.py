"""A line edit for one number (learning rate, momentum): Enter commits through a callback that
returns None or the reason it refused; a refusal stays in the field (red border, tooltip, reason
label) and the old value stays in force."""
from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLineEdit

from ..numbers import fmt
from .refusal import clear_refused, mark_refused


class NumberField(QLineEdit):
    refused = Signal(str)

    def __init__(self, commit: Callable[[str], str | None], parent=None):
        super().__init__(parent)
        self._commit = commit
        self._value: float | None = None
        self.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.returnPressed.connect(self.commit)
        self.textEdited.connect(lambda _t: clear_refused(self))

    def show_value(self, v: float) -> None:
        """Show the value in force unless the learner is typing in this field."""
        self._value = v
        if not self.hasFocus() or not self.isModified():
            text = fmt(v, 10)
            if self.text() != text:
                self.setText(text)
            self.setModified(False)
            clear_refused(self)

    def commit(self) -> bool:
        if not self.isModified() and not self.property("refusal"):
            return True
        reason = self._commit(self.text())
        if reason:
            mark_refused(self, reason)
            self.refused.emit(reason)
            return False
        self.setModified(False)
        clear_refused(self)
        return True

    def focusOutEvent(self, event):
        # Leaving the field with a refused text puts back the value in force; the reason stays in
        # the status bar.
        if self.isModified() and not self.commit():
            self.setModified(False)
            if self._value is not None:
                self.setText(fmt(self._value, 10))
            clear_refused(self)
        super().focusOutEvent(event)

    def keyPressEvent(self, event):
        if event.key() == Qt.Key.Key_Escape and self._value is not None:
            self.setText(fmt(self._value, 10))
            self.setModified(False)
            clear_refused(self)
            return
        super().keyPressEvent(event)
