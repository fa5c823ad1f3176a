"""Lock mode for the teacher (Edit → Teacher): chosen numbers a class is given — weights, biases,
inputs, targets — cannot be changed, and the answers every exercise asks for can be hidden in every
view while the exercises are open.

A lock is view state (gui.view_state.ViewState.locked): ("W", l, i, j) and ("b", l, j) for parameters,
("X", i) and ("Y", k) for an input and a target column (every sample's). The session refuses an edit of
a locked number with the words below, shown where it was typed (the diagram's editor or drag, a table's
cell); the Selected panel says it is locked."""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu

translate = QCoreApplication.translate


def lock_key(session, key) -> tuple | None:
    """The lock a selection names: a parameter itself, an input neuron its column of inputs, an output
    neuron its target; None for what no one types (a hidden neuron)."""
    if key is None:
        return None
    if key[0] in ("W", "b"):
        return tuple(key)
    _, l, j = key
    if l == 0:
        return ("X", j)
    return ("Y", j) if l == session.net.depth else None


def given_keys(session) -> frozenset:
    """Every number a learner is given: weights, biases, inputs and targets."""
    net = session.net
    params = {("W", l, i, j) if kind == "W" else ("b", l, i) for kind, l, i, j in net.param_keys()}
    data = {("X", i) for i in range(net.sizes[0])} | {("Y", k) for k in range(net.sizes[-1])}
    return frozenset(params | data)


def lock_name(session, key) -> str:
    """A lock's name in the chosen notation: U11, x1, y1."""
    if key[0] == "X":
        return session.notation.neuron("a", 0, key[1])
    if key[0] == "Y":
        return session.notation.target_name(key[1])
    return session.label(key)


def refusal(name: str) -> str:
    return translate("Lock", "%1 is locked: the teacher fixed this number").replace("%1", name)


class TeacherMenu(QMenu):
    """Edit → Teacher: lock the selected number, lock every given number, unlock all, hide the answers."""

    def __init__(self, session, parent=None):
        super().__init__(parent)
        self.setObjectName("teacherMenu")
        self.session = session
        self.lock_action = self.addAction("", self.toggle_selected)
        self.lock_all_action = self.addAction("", lambda: session.set_locked(given_keys(session)))
        self.unlock_action = self.addAction("", lambda: session.set_locked(()))
        self.addSeparator()
        self.hide_action = QAction(self)
        self.hide_action.setCheckable(True)
        self.hide_action.toggled.connect(session.set_answers_hidden)
        self.addAction(self.hide_action)
        session.selectionChanged.connect(self._selection)
        session.view.lockedChanged.connect(self._selection)
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(self.tr("T&eacher"))
        self.lock_all_action.setText(self.tr("Lock every &given number"))
        self.lock_all_action.setToolTip(self.tr("Weights, biases, inputs and targets can no longer be changed"))
        self.unlock_action.setText(self.tr("&Unlock every number"))
        self.hide_action.setText(self.tr("&Hide the answers while exercises are open"))
        self._selection()

    def _selection(self, *_):
        s = self.session
        key = lock_key(s, s.selection)
        self.lock_action.setEnabled(key is not None)
        locked = key is not None and key in s.view.locked
        name = lock_name(s, key) if key is not None else ""
        self.lock_action.setText((self.tr("Un&lock %1") if locked else self.tr("&Lock %1")).replace("%1", name)
                                 if key is not None else self.tr("&Lock the selected number"))

    def toggle_selected(self) -> None:
        s = self.session
        key = lock_key(s, s.selection)
        if key is not None:
            s.set_locked(s.view.locked ^ {key})
