"""View → Precision: 4 or 8 decimals, or every digit, in every view at once; remembered (gui.prefs).
Exports (CSV, documents, scripts) never read it: they always write every digit."""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QMenu

from .numbers import PRECISIONS, set_shown_digits, shown_digits

translate = QCoreApplication.translate


def precision_label(digits: int | None) -> str:
    if digits is None:
        return translate("Precision", "Every digit")
    return translate("Precision", "%1 decimal places").replace("%1", str(digits))


class PrecisionMenu(QMenu):
    def __init__(self, session, prefs, parent=None):
        super().__init__(parent)
        self.setObjectName("precisionMenu")
        self.session, self.prefs = session, prefs
        if prefs.precision != shown_digits():       # views were first drawn before the menu was made
            set_shown_digits(prefs.precision)
            session.refresh()
        group = QActionGroup(self)
        self.choices: dict[int | None, QAction] = {}
        for digits in PRECISIONS:
            a = self.addAction(precision_label(digits))
            a.setCheckable(True)
            a.setChecked(digits == shown_digits())
            a.triggered.connect(lambda _c=False, d=digits: self.choose(d))
            group.addAction(a)
            self.choices[digits] = a
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(self.tr("&Precision"))
        for digits, a in self.choices.items():
            a.setText(precision_label(digits))

    def choose(self, digits: int | None) -> None:
        set_shown_digits(digits)
        self.prefs.precision = digits
        self.choices[digits].setChecked(True)
        self.session.refresh()          # every view writes its numbers again
