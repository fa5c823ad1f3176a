"""Walk-through: one forward-and-backward pass and one update, a single computation at a time
(core.walkthrough). Each step shows its formula in the network's notation, the same formula with the
numbers in, and the result, typeset; the diagram highlights exactly what the step involves.

→ and ← step through while the panel or the window has the keyboard and nothing else wants the arrow:
the keys are taken only after every child (a table, a cell editor, the diagram) has let them pass.
The learner can leave at any step, change any number, and continue: the steps are computed again from
the session's current state and the position is kept. Only the shown step's unit is written
(core.teaching.walkthrough.LazyWalk): on the largest network the whole walk takes seconds, one unit
milliseconds, so an edit, a pause or an undo never waits for the steps nobody looks at.
"""
from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from backprop_lab.core.teaching.walkthrough import LazyWalk, WalkStep

from ..hidden import HIDDEN
from ..numbers import fmt, shown_digits
from ..on_screen import RefreshWhenSeen
from .texnames import polish
from .typeset import MathView
from .widgets import caption, hline, walk_opt, walk_sample, walk_velocity

FORMULA_SIZE = 17
_ARROWS = (Qt.Key.Key_Right, Qt.Key.Key_Left)


def phase_name(phase: str) -> str:
    names = {"forward": QCoreApplication.translate("WalkPanel", "forward"),
             "loss": QCoreApplication.translate("WalkPanel", "error"),
             "output": QCoreApplication.translate("WalkPanel", "output layer"),
             "hidden": QCoreApplication.translate("WalkPanel", "hidden layer"),
             "gradient": QCoreApplication.translate("WalkPanel", "gradient"),
             "update": QCoreApplication.translate("WalkPanel", "update")}
    return names.get(phase, phase)


def _is_text_editor(w) -> bool:
    if isinstance(w, (QLineEdit, QTextEdit, QPlainTextEdit, QAbstractSpinBox)):
        return True
    return isinstance(w, QComboBox) and w.isEditable()


class WalkPanel(RefreshWhenSeen, QWidget):
    make_walk = LazyWalk        # a benchmark puts the whole walk (core walk()) here for its baseline

    def __init__(self, session, parent=None):
        super().__init__(parent)
        self.session = session
        self.steps: Sequence[WalkStep] = []
        self.index = 0
        self.active = False
        self._started = False
        self._dirty = True
        self._window = None
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)

        self.start_button = QPushButton()
        self.start_button.clicked.connect(self.toggle)
        self.sample_label = caption("")
        top = QHBoxLayout()
        top.addWidget(self.start_button)
        top.addWidget(self.sample_label, 1)

        self.progress_label = QLabel()
        self.progress_label.setObjectName("walkProgress")
        f = self.progress_label.font()
        f.setBold(True)
        self.progress_label.setFont(f)
        # Wrapped: its first text (before the walk is computed) is one long line, which would widen the
        # Learn dock when the window is first laid out and shrink it again a moment later, making the
        # diagram lay itself out twice at start.
        self.progress_label.setWordWrap(True)
        self.progress = QProgressBar()
        self.progress.setTextVisible(False)
        self.progress.setMaximumHeight(6)

        self.formula_view = MathView(self, size=FORMULA_SIZE)
        self.numbers_view = MathView(self, size=FORMULA_SIZE)
        self.result_view = MathView(self, size=FORMULA_SIZE + 1)
        form = QFormLayout()
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        form.addRow(caption(self.tr("formula")), self.formula_view)
        form.addRow(caption(self.tr("with the numbers")), self.numbers_view)
        form.addRow(caption(self.tr("result")), self.result_view)
        self.note_label = caption("")

        self.prev_button = QPushButton(self.tr("◀ Previous"))
        self.next_button = QPushButton(self.tr("Next ▶"))
        self.prev_button.setToolTip(self.tr("The step before (←)"))
        self.next_button.setToolTip(self.tr("The next step (→)"))
        self.prev_button.clicked.connect(self.previous)
        self.next_button.clicked.connect(self.next)
        for b in (self.start_button, self.prev_button, self.next_button):
            b.setFocusPolicy(Qt.FocusPolicy.TabFocus)
            b.installEventFilter(self)     # a focused button would move the focus on an arrow
        nav = QHBoxLayout()
        nav.addWidget(self.prev_button)
        nav.addWidget(self.next_button)
        nav.addStretch(1)

        box = QVBoxLayout(self)
        box.setContentsMargins(8, 6, 8, 6)
        box.addLayout(top)
        box.addWidget(self.progress_label)
        box.addWidget(self.progress)
        box.addWidget(hline())
        box.addLayout(form)
        box.addWidget(self.note_label)
        box.addLayout(nav)
        box.addStretch(1)
        box.addWidget(caption(self.tr("→ and ← step through. Leave the walk at any step, change any number, "
                                      "and continue: the walk goes on with the new values.")))

        session.changed.connect(self.on_changed)
        session.shapeChanged.connect(self.on_changed)
        session.hiddenChanged.connect(self._hidden_changed)
        self._show_step()

    # ----- asking ---------------------------------------------------------------------------------
    def start(self):
        self.active = self._started = True
        self.refresh()

    def leave(self):
        self.active = False
        self.session.set_highlight(())
        self._show_step()

    def toggle(self):
        self.leave() if self.active else self.start()

    def go(self, index: int):
        if self._dirty or not self.steps:
            self._recompute()
        if not self.steps:
            return
        self.index = max(0, min(len(self.steps) - 1, index))
        self.active = self._started = True
        self._show_step()

    def next(self):
        self.go(self.index + 1 if self.active else self.index)

    def previous(self):
        self.go(self.index - 1 if self.active else self.index)

    # ----- the session ------------------------------------------------------------------------------
    def on_changed(self):
        # During Run it waits for the pause: one pass of one sample is no film, and its formulas
        # would take the run's time; the runner refreshes at the pause.
        self.refresh_if_seen()

    def refresh(self):
        self._recompute()
        self._show_step()

    def _hidden_changed(self, _keys):
        if self.isVisible() and self.steps:
            self._show_step()

    def _recompute(self):
        s = self.session
        k = walk_sample(s)
        self._sample = k
        self.steps = type(self).make_walk(s.named_net, s.data.X[k], s.data.Y[k], s.settings, walk_velocity(s),
                                          digits=shown_digits(), opt=walk_opt(s))
        self.index = max(0, min(self.index, len(self.steps) - 1))
        self._dirty = False

    def current(self):
        return self.steps[self.index] if self.steps and self.active else None

    def _show_step(self):
        s = self.session
        has = bool(self.steps)
        self.prev_button.setEnabled(has and (not self.active or self.index > 0))
        self.next_button.setEnabled(has and (not self.active or self.index < len(self.steps) - 1))
        if not self.active:
            self.start_button.setText(self.tr("Continue the walk at step %1").replace("%1", str(self.index + 1))
                                      if self.index else self.tr("Start the walk"))
        else:
            self.start_button.setText(self.tr("Leave the walk"))
        if not has:
            self.progress_label.setText(self.tr("The walk goes through one forward and backward pass and one "
                                                "update, one computation at a time."))
            for v in (self.formula_view, self.numbers_view, self.result_view):
                v.set_formula("", "")
            self.note_label.setText("")
            return
        step = self.steps[self.index]
        total = len(self.steps)
        self.progress.setRange(0, total)
        self.progress.setValue(self.index + 1)
        self.progress_label.setText(self.tr("step %1 of %2: %3").replace("%1", str(self.index + 1))
                                    .replace("%2", str(total)).replace("%3", phase_name(step.phase)))
        self.formula_view.set_formula(polish(step.formula_tex), step.formula)
        self.numbers_view.set_formula(polish(step.substituted_tex), step.substituted)
        if ("q", step.quantity) in s.hidden:       # an exercise asks for this number (gui.hidden)
            self.result_view.set_formula(polish(step.name_tex) + " = " + HIDDEN, f"{step.name} = {HIDDEN}")
        else:
            self.result_view.set_formula(polish(step.result_tex), step.result)
        note = self.tr("frozen: this parameter keeps its value") if step.note == "frozen" else ""
        if not self.active and self._started:
            note = (note + "  " if note else "") + self.tr("(the walk is paused: the diagram is not highlighted)")
        self.note_label.setText(note)
        settings = s.settings
        text = self.tr("sample %1 · η = %2").replace("%1", str(self._sample + 1)).replace("%2", fmt(settings.lr))
        if settings.momentum:
            text += " · " + self.tr("μ = %1").replace("%1", fmt(settings.momentum))
        self.sample_label.setText(text)
        if self.active and self.isVisible():
            s.set_highlight(step.highlight)

    # ----- keys -------------------------------------------------------------------------------------
    def _arrow(self, event) -> bool:
        if event.key() not in _ARROWS:
            return False
        mods = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        if mods != Qt.KeyboardModifier.NoModifier or not self.isVisible():
            return False
        if _is_text_editor(QApplication.focusWidget()):
            return False
        self.next() if event.key() == Qt.Key.Key_Right else self.previous()
        return True

    def keyPressEvent(self, event):
        if self._arrow(event):
            event.accept()
            return
        super().keyPressEvent(event)

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        # On the window: arrow keys that no child took. On our buttons: before they move the focus.
        if event.type() == QEvent.Type.KeyPress and (obj is self._window or obj in
                                                     (self.start_button, self.prev_button, self.next_button)):
            if self._arrow(event):
                return True
        return super().eventFilter(obj, event)

    def showEvent(self, event):
        super().showEvent(event)
        win = self.window()
        if win is not self and win is not self._window:
            if self._window is not None:
                self._window.removeEventFilter(self)
            win.installEventFilter(self)
            self._window = win
        if self.active and self.steps:
            self.session.set_highlight(self.steps[self.index].highlight)

    def hideEvent(self, event):
        super().hideEvent(event)
        # only our own highlight: the panel shown in our place may already have set its own
        if self.active and self.steps and self.session.highlight == self.steps[self.index].highlight:
            self.session.set_highlight(())
