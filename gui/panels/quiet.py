"""Setting a widget's text or value only when it changes: every edit refreshes every panel, and a
label given the same text again still re-lays out and repaints (the whole window, when its size hint
moves)."""
from __future__ import annotations


def set_text(widget, text: str) -> None:
    if widget.text() != text:
        widget.setText(text)


def set_value(widget, value) -> None:
    if widget.value() != value:
        widget.blockSignals(True)
        widget.setValue(value)
        widget.blockSignals(False)


def set_enabled(widget, on: bool) -> None:
    if widget.isEnabled() != on:
        widget.setEnabled(on)
