"""Text that comes from a document (its name, notation symbols, source notes) is shown as the characters
it holds, never read as HTML: a name "<h1>big</h1>" shows those characters, and an <img src=…> in a
note makes Qt load nothing. A label that shows only such text is a plain-text label; where it sits
inside rich text it is escaped; a tooltip (which Qt reads as rich text when it looks like it) is
converted from plain text."""
from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtGui import Qt as QtGuiQt
from PySide6.QtWidgets import QLabel


def plain_label(text: str = "", parent=None) -> QLabel:
    label = QLabel(parent)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setText(text)
    return label


def plain(label: QLabel) -> QLabel:
    """`label`, made to show its text as plain text from now on."""
    label.setTextFormat(Qt.TextFormat.PlainText)
    return label


def escape(text: str) -> str:
    """Document text for a place inside rich text."""
    return html.escape(text, quote=False)


def tip(text: str) -> str:
    """A tooltip that shows `text` as written: converted only where Qt would read it as rich text, so a
    tooltip without markup stays the very string it was."""
    return QtGuiQt.convertFromPlainText(text) if QtGuiQt.mightBeRichText(text) else text
