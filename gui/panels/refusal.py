"""How a refused number looks where it was typed: a red border, the reason as the field's tooltip,
and (for a cell editor) the reason in a small bubble next to the cell."""
from __future__ import annotations

from PySide6.QtWidgets import QLineEdit

from ..plain_text import plain_label, tip

BAD_STYLE = "QLineEdit { border: 2px solid #d32f2f; background: #fff3f3; }"
BUBBLE_STYLE = ("QLabel { background: #d32f2f; color: white; border-radius: 3px; padding: 2px 6px; }")


def mark_refused(edit: QLineEdit, reason: str, bubble: bool = False) -> None:
    edit.setStyleSheet(BAD_STYLE)
    edit.setToolTip(tip(reason))
    edit.setProperty("refusal", reason)
    if bubble and edit.parentWidget() is not None:
        _show_bubble(edit, reason)


def clear_refused(edit: QLineEdit) -> None:
    if edit.property("refusal"):
        edit.setStyleSheet("")
        edit.setToolTip("")
        edit.setProperty("refusal", "")
    label = getattr(edit, "refusal_bubble", None)
    if label is not None:
        label.hide()


def _show_bubble(edit: QLineEdit, reason: str) -> None:
    # A sibling in the same viewport, not a tooltip window: it stays while the learner fixes the text.
    parent = edit.parentWidget()
    if parent is None:          # a field on its own has no viewport to show a bubble in
        return
    label = getattr(edit, "refusal_bubble", None)
    if label is None:
        label = plain_label(parent=parent)
        label.setObjectName("refusalBubble")
        label.setStyleSheet(BUBBLE_STYLE)
        setattr(edit, "refusal_bubble", label)      # a Python attribute on the Qt object: it dies with it
        edit.destroyed.connect(label.deleteLater)
    label.setText(reason)
    label.adjustSize()
    x = max(0, min(edit.x(), parent.width() - label.width()))
    below = edit.y() + edit.height() + 1
    y = below if below + label.height() <= parent.height() else max(0, edit.y() - label.height() - 1)
    label.move(x, y)
    label.show()
    label.raise_()
