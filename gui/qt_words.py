"""Qt's own words that the Korean catalogue shipped with PySide6 (qtbase_ko.qm) lacks: Qt 6's file
dialog writes "&Look in:" and "Files of &type:" with accelerators the older catalogue does not know, and
the Help menu's What's This action is not in it at all.
Listed here, in Qt's own contexts, so pyside6-lupdate carries them into ours (assets/i18n); the file
dialog finds them through our translator. Nothing calls `qt_words`; it is what lupdate reads."""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication

translate = QCoreApplication.translate


def qt_words() -> list[str]:
    return [translate("QFileDialog", "&Look in:"), translate("QFileDialog", "Files of &type:"),
            translate("QAbstractFileIconProvider", "Drive"), translate("QWhatsThisAction", "What's This?")]
