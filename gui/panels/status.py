"""The status bar: step, loss, the state of training, and the last message."""
from __future__ import annotations

from PySide6.QtWidgets import QLabel, QStatusBar

from ..hidden import HIDDEN
from ..numbers import fmt
from .elided import ElidedLabel
from .long_work import LongWorkBar
from .quiet import set_text


class StatusBar(QStatusBar):
    def __init__(self, session, parent=None):
        super().__init__(parent)
        self.session = session
        self.note = ElidedLabel()
        self.note.setObjectName("statusMessage")
        self.step = QLabel()
        self.step.setObjectName("statusStep")
        self.loss = QLabel()
        self.loss.setObjectName("statusLoss")
        self.state = QLabel()
        self.state.setObjectName("statusState")
        self.loss.setToolTip(self.tr("Loss over all samples at the weights shown"))
        self.addWidget(self.note, 1)
        self.work = LongWorkBar(session)
        self.addPermanentWidget(self.work)
        # Fixed sizes: a label whose text changes every step must not re-lay out the window.
        h = self.fontMetrics().height() + 4
        for w, width in ((self.step, 130), (self.loss, 150), (self.state, 150)):
            w.setFixedSize(width, h)
            self.addPermanentWidget(w)
        session.changed.connect(self.refresh)
        session.progressed.connect(self.refresh)
        session.trainingStateChanged.connect(lambda _s: self.refresh())
        session.message.connect(self.show_note)
        self._refusal: str | None = None
        session.refused.connect(self._refused)
        session.undo_stack.indexChanged.connect(self._applied)
        session.hiddenChanged.connect(self._hidden_changed)
        self.refresh()

    def _hidden_changed(self, _keys):
        self.refresh()

    def show_note(self, text: str):
        self.note.setText(text)

    def _refused(self, text: str) -> None:
        self._refusal = text

    def _applied(self, _index: int) -> None:
        """An edit (or undo) applied: a refusal shown before it no longer speaks of the present."""
        if self._refusal is not None and self.note.text() == self._refusal:
            self.show_note("")
        self._refusal = None

    def refresh(self):
        s = self.session
        set_text(self.step, self.tr("step %1").replace("%1", f"{s.step_count:,}"))
        loss = HIDDEN if ("loss",) in s.hidden else fmt(s.loss)     # an exercise asks for it
        # The loss by the network's own name (seed 003 calls it J), as the diagram does.
        set_text(self.loss, f"{s.notation.loss} = {loss}")
        states = {"idle": self.tr("idle"), "running": self.tr("running…"), "diverged": self.tr("diverged: paused")}
        text = states.get(s.training_state, s.training_state)
        if s.viewing_step is not None:
            text = self.tr("viewing step %1").replace("%1", str(s.viewing_step))
        set_text(self.state, text)
        colour = {"running": "#1b7e34", "diverged": "#c62828"}.get(s.training_state, "#444")
        style = f"color: {colour}; font-weight: bold"
        if self.state.styleSheet() != style:
            self.state.setStyleSheet(style)
