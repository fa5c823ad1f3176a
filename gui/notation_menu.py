"""View → Notation: every name in the window written in one of three forms (core.model.notation.FORMS):
the text's own symbols, the layer form a(l), z(l), W(l), b(l), or the net/out form of Mazur's worked
example (net_h1, out_h1, w1…w8). Remembered (gui.prefs); the choice is the session's view state, so a
change of language keeps it."""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QMenu

from backprop_lab.core.model.notation import FORMS

translate = QCoreApplication.translate


def form_label(form: str) -> str:
    return {"text": translate("Notation", "The text's own symbols"),
            "layer": translate("Notation", "Layer form: a(l), z(l), W(l), b(l)"),
            "netout": translate("Notation", "net/out form: net_h1, out_h1, w1 … (Mazur)")}[form]


class NotationMenu(QMenu):
    def __init__(self, session, prefs, parent=None):
        super().__init__(parent)
        self.setObjectName("notationMenu")
        self.session, self.prefs = session, prefs
        if prefs.notation != session.view.form:     # views were first drawn before the menu was made
            session.set_notation(prefs.notation)
        group = QActionGroup(self)
        self.choices: dict[str, QAction] = {}
        for form in FORMS:
            a = self.addAction(form_label(form))
            a.setCheckable(True)
            a.setChecked(form == session.view.form)
            a.triggered.connect(lambda _c=False, f=form: self.choose(f))
            group.addAction(a)
            self.choices[form] = a
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(self.tr("&Notation"))
        for form, a in self.choices.items():
            a.setText(form_label(form))

    def choose(self, form: str) -> None:
        self.prefs.notation = form
        self.choices[form].setChecked(True)
        self.session.set_notation(form)
