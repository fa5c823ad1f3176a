"""How a refused number looks where it was typed: a red border and the reason as a tooltip."""
from __future__ import annotations

from PySide6.QtCore import QPoint
from PySide6.QtWidgets import QLineEdit, QToolTip

BAD_STYLE = "QLineEdit { border: 2px solid #d32f2f; background: #fff3f3; }"


def mark_refused(edit: QLineEdit, reason: str) -> None:
    edit.setStyleSheet(BAD_STYLE)
    edit.setToolTip(reason)
    edit.setProperty("refusal", reason)
    QToolTip.showText(edit.mapToGlobal(QPoint(0, edit.height())), reason, edit)


def clear_refused(edit: QLineEdit) -> None:
    if edit.property("refusal"):
        edit.setStyleSheet("")
        edit.setToolTip("")
        edit.setProperty("refusal", "")
