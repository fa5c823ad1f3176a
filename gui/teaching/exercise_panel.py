"""Check your own answer: the exercises of the current preset (core.exercises, in its text's order) hide
one number each; the learner types what they computed by hand and hears right (within the stated
tolerance) or wrong, and for a wrong answer which factor differs. Text that is not a number is refused
where it was typed. Solved exercises are kept per preset between launches (QSettings)."""
from __future__ import annotations

import re

from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from backprop_lab.core.model.project import Project
from backprop_lab.core.teaching.exercises import LazyExercises, check, exercise_order, exercises

from ..hidden import keys_for
from ..plain_text import escape, plain_label
from ..preset_titles import preset_title
from .mistakes import sentence
from .texnames import polish
from .typeset import MathView
from .widgets import caption, number_text, walk_sample, walk_velocity

GOOD, BAD = "#1e7b34", "#b3261e"
SETTINGS_GROUP = "exercises"


def settings_key(set_id: str) -> str:
    return f"{SETTINGS_GROUP}/" + (re.sub(r"[^0-9A-Za-z]+", "_", set_id).strip("_") or "project")


class ExercisePanel(QWidget):
    def __init__(self, session, parent=None):
        super().__init__(parent)
        self.session = session
        self.items: LazyExercises | list = []
        self.index = 0
        self.set_id = ""
        self.solved: set[str] = set()
        self.last_verdict = None
        self._answered: float | None = None     # the number the last verdict judged
        self._order = None
        self._unnamed = 0          # the first list row still waiting for its name (named a run at a time)
        self._namer = QTimer(self, interval=0)
        self._namer.timeout.connect(self._name_rows)
        self.revealed = False        # the open exercise's number is shown again (solved or revealed)
        self._tabs = None

        self.title = QLabel()
        self.title.setWordWrap(True)
        self.count_label = QLabel()
        self.bar = QProgressBar()
        self.bar.setTextVisible(False)
        self.bar.setMaximumHeight(6)
        self.list = QListWidget()
        self.list.setMaximumHeight(150)
        self.list.currentRowChanged.connect(self._chosen)

        self.prompt = QLabel()
        self.prompt.setWordWrap(True)
        self.formula_view = MathView(self, size=17)
        self.answer = QLineEdit()
        self.answer.setPlaceholderText(self.tr("your answer, e.g. 0.1234"))
        self.answer.returnPressed.connect(self.submit)
        self.answer.textEdited.connect(lambda _t: self._refuse(None))
        self.check_button = QPushButton(self.tr("Check"))
        self.check_button.clicked.connect(self.submit)
        row = QHBoxLayout()
        row.addWidget(self.answer, 1)
        row.addWidget(self.check_button)
        self.refusal = plain_label()
        self.refusal.setObjectName("answerRefusal")
        self.refusal.setWordWrap(True)
        self._colour(self.refusal, BAD)
        self.refusal.hide()
        self.verdict = QLabel()
        self.verdict.setObjectName("answerVerdict")
        self.verdict.setWordWrap(True)
        self.verdict.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.reveal_button = QPushButton(self.tr("Show the answer"))
        self.reveal_button.clicked.connect(self.reveal)
        self.next_button = QPushButton(self.tr("Next exercise ▶"))
        self.next_button.clicked.connect(lambda: self.choose(self.index + 1))
        self.reset_button = QPushButton(self.tr("Forget progress"))
        self.reset_button.clicked.connect(self.forget)
        self.reset_button.setFlat(True)
        self.reset_button.setToolTip(self.tr("Mark every exercise of this preset as not solved"))
        nav = QHBoxLayout()
        nav.addWidget(self.reveal_button)
        nav.addWidget(self.next_button)
        nav.addStretch(1)
        counts = QHBoxLayout()
        counts.addWidget(self.count_label, 1)
        counts.addWidget(self.reset_button)

        box = QVBoxLayout(self)
        box.setContentsMargins(8, 6, 8, 6)
        box.addWidget(self.title)
        box.addLayout(counts)
        box.addWidget(self.bar)
        box.addWidget(self.list)
        box.addWidget(self.prompt)
        box.addWidget(self.formula_view)
        box.addLayout(row)
        box.addWidget(self.refusal)
        box.addWidget(self.verdict)
        box.addLayout(nav)
        box.addStretch(1)
        box.addWidget(caption(self.tr("Work it out by hand (or on paper) from the numbers in the diagram, then "
                                      "type it here. The numbers follow the text's worked example in order.")))

        session.changed.connect(self._values_changed)
        session.shapeChanged.connect(self._shape_changed)
        session.notationChanged.connect(self._renamed)
        session.view.answersHiddenChanged.connect(self._hide_numbers)

    # ----- building -------------------------------------------------------------------------------
    def _project(self) -> Project:
        s = self.session
        p = s.project
        return Project(s.shown_net, s.data, s.settings, p.name, p.description, p.source)

    def _build(self):
        if self._order is None:
            project = self._project()
            self._order = exercise_order(project, sample=walk_sample(self.session))
            self.set_id = project.name or "project"
            self._load_progress()
        # each made when it is read, without the mistakes: only the one answered is judged (_judged)
        self.items = LazyExercises(self._order, lambda keys: self._made(keys, mistakes=False))

    def _judged(self, ex):
        """The exercise made from the present state, with the mistakes a wrong answer is compared with."""
        return self._made([ex.quantity], mistakes=True)[0]

    def _made(self, keys: list[str], mistakes: bool):
        s = self.session
        k = walk_sample(s)
        return exercises(s.named_net, s.data.X[k], s.data.Y[k], s.settings, keys,
                         velocity=walk_velocity(s), set_id=self.set_id, mistakes=mistakes)

    def _present(self):
        """The open exercise from the present state: after a change each exercise is made again when it
        is looked at (all 282 of the largest network's take a fifth of a second)."""
        if self._order is None or not self.items:
            self._build()
        return self.items[self.index]

    def _values_changed(self):
        if self._order is not None and self.items:
            self._build()        # the names stay: the rows keep theirs

    def _shape_changed(self):
        self._order, self.items, self.index = None, [], 0     # the old keys may not be the new network's
        self._namer.stop()
        if self.isVisible():
            self.rebuild()
        elif self.session.hidden:
            self.session.set_hidden(())      # the exercises are stale: hidden again when shown

    def _renamed(self, _form):
        """Another notation: the same exercises, answer and verdict, named in it."""
        if self._order is None or not self.items:
            return
        self._build()
        self._unnamed = 0
        self._name_rows(len(self.items))
        ex = self.current()
        self._ask(ex)
        self.formula_view.set_formula(polish(ex.formula_tex), ex.formula)
        if self.last_verdict is not None and self._answered is not None:
            self.last_verdict = v = check(self._judged(ex), self._answered)
            self.verdict.setText(sentence(v.mistake, v.params, v.correct))
        elif self.revealed:
            self._show_answer(ex)

    def rebuild(self):
        self._build()
        self.list.blockSignals(True)
        self.list.clear()
        for n in range(len(self.items)):
            QListWidgetItem(self._row_text(n), self.list)
        self.list.blockSignals(False)
        self._show_title()
        self.choose(min(self.index, len(self.items) - 1))
        self._unnamed = 0
        self._namer.start()

    def _name_rows(self, run: int = 32) -> None:
        """Name the next `run` rows: the rows not yet named read "…" until then, a run per turn of the
        event loop, so that opening the tab makes only the exercise it shows."""
        n = len(self.items)
        start, stop = self._unnamed, min(n, self._unnamed + run)
        if isinstance(self.items, LazyExercises):
            self.items.fill(start, stop)
        for r in range(start, stop):
            self.list.item(r).setText(self._row_text(r))
        self._unnamed = stop
        if stop >= n:
            self._namer.stop()

    def _row_text(self, n: int) -> str:      # "…" for an exercise not made yet; ✓ is known from its key
        ex = self.items.made(n) if isinstance(self.items, LazyExercises) else self.items[n]
        if ex is not None:
            return self._item_text(ex)
        return ("✓ " if f"{self.set_id}:{self._order[n]}" in self.solved else "    ") + "…"

    def _show_title(self) -> None:
        # rich text around the document's name, which is shown as written
        name = escape(preset_title(self.set_id))
        self.title.setText(self.tr("<b>Check your own answer</b> — %1").replace("%1", name))

    def _item_text(self, ex) -> str:
        return ("✓ " if ex.id in self.solved else "    ") + ex.name

    def showEvent(self, event):
        super().showEvent(event)
        if self._order is None or not self.items:
            self.rebuild()
        elif self.items:
            self.session.set_highlight(self.items[self.index].highlight)
        self._hide_numbers()

    def hideEvent(self, event):
        super().hideEvent(event)
        self._hide_numbers()
        # only our own highlight: the panel shown in our place may already have set its own
        if self.items and self.session.highlight == self.items[self.index].highlight:
            self.session.set_highlight(())

    # ----- hiding what the learner computes ------------------------------------------------------
    def is_open(self) -> bool:
        """Our tab is the chosen one (its dock may be tabbed away: the learner may be looking at the
        Selected panel, where the number stays hidden), or, outside tabs, the panel is shown."""
        if self._tabs is None:
            p = self.parentWidget()
            while p is not None and not isinstance(p, QTabWidget):
                p = p.parentWidget()
            if p is not None:
                self._tabs = p
                p.currentChanged.connect(self._tab_changed)
        if self._tabs is None:
            return self.isVisible()
        page = self._tabs.currentWidget()
        return page is not None and (page is self or page.isAncestorOf(self))

    def _tab_changed(self, _index):
        self._hide_numbers()

    def _hide_numbers(self, *_):
        """The open exercise's number, and, when the teacher hides the answers (gui.lock), every
        exercise's not yet solved, in every view while the exercises are open."""
        ex = self.current()
        if ex is None or not self.is_open():
            self.session.set_hidden(())
            return
        keys = set() if self.revealed else set(keys_for(ex.quantity))
        if self.session.view.hide_answers:
            for n, q in enumerate(self._order or ()):
                if n != self.index and f"{self.set_id}:{q}" not in self.solved:
                    keys |= keys_for(q)
        self.session.set_hidden(keys)

    # ----- progress (QSettings) -------------------------------------------------------------------
    def _load_progress(self):
        value = QSettings().value(settings_key(self.set_id), [])
        if isinstance(value, str):
            value = [value]
        self.solved = {f"{self.set_id}:{q}" for q in (value or [])}

    def _save_progress(self):
        prefix = f"{self.set_id}:"
        QSettings().setValue(settings_key(self.set_id),
                             sorted(i[len(prefix):] for i in self.solved if i.startswith(prefix)))

    def forget(self):
        self.solved.clear()
        QSettings().remove(settings_key(self.set_id))
        self._update_counts()
        for n in range(self.list.count()):
            item = self.list.item(n)
            if item.text().startswith("✓ "):       # the name stays (the exercise need not be made)
                item.setText("    " + item.text()[2:])

    def _update_counts(self):
        total = len(self.items)
        done = sum(1 for q in self._order or () if f"{self.set_id}:{q}" in self.solved)
        self.count_label.setText(self.tr("%1 of %2 solved").replace("%1", str(done)).replace("%2", str(total)))
        self.bar.setRange(0, max(total, 1))
        self.bar.setValue(done)

    # ----- one exercise ---------------------------------------------------------------------------
    def choose(self, index: int):
        if not self.items:
            return
        index = max(0, min(len(self.items) - 1, index))
        if self.list.currentRow() != index:
            self.list.setCurrentRow(index)      # calls back into _chosen
            return
        self._chosen(index)

    def _chosen(self, index: int):
        if not 0 <= index < len(self.items):
            return
        self.index = index
        ex = self._present()
        item = self.list.item(index)
        item.setText(self._item_text(ex))        # named now if the runs of names have not come to it
        self.list.scrollToItem(item)
        self._ask(ex)
        self.formula_view.set_formula(polish(ex.formula_tex), ex.formula)
        self.answer.clear()
        self._refuse(None)
        self.verdict.clear()
        self.last_verdict = None
        self.next_button.setEnabled(index < len(self.items) - 1)
        self._update_counts()
        if self.isVisible():
            self.session.set_highlight(ex.highlight)
        self.revealed = False
        self._hide_numbers()

    def _ask(self, ex) -> None:
        self.prompt.setText(self.tr("Compute <b>%1</b> to %2 decimal places (tolerance ±%3):")
                            .replace("%1", ex.name).replace("%2", str(ex.digits))
                            .replace("%3", number_text(ex.tolerance, given=True, digits=ex.digits + 1)))

    def retranslate(self) -> None:
        """A change of language: the same exercise, answer and verdict, in the new words."""
        ex = self.current()
        if ex is None:
            return
        self._show_title()
        self._ask(ex)
        self._update_counts()
        v = self.last_verdict
        if v is not None:
            self.verdict.setText(sentence(v.mistake, v.params, v.correct))

    def current(self):
        return self.items[self.index] if self.items else None

    def submit(self):
        value, err = self.session.parse_number(self.answer.text())
        if err:
            self._refuse(err)
            return
        self._refuse(None)
        ex = self._present()
        v = check(self._judged(ex), value)
        self.last_verdict, self._answered = v, value
        self.verdict.setText(sentence(v.mistake, v.params, v.correct))
        self._colour(self.verdict, GOOD if v.correct else BAD)
        if v.correct:
            self.revealed = True
            self._hide_numbers()
        if v.correct and ex.id not in self.solved:
            self.solved.add(ex.id)
            self._save_progress()
            self.list.item(self.index).setText(self._item_text(ex))
            self._update_counts()

    def reveal(self):
        self._show_answer(self._present())
        self._colour(self.verdict, None)
        self.revealed = True
        self._hide_numbers()

    def _show_answer(self, ex) -> None:
        self.verdict.setText(self.tr("%1 = %2").replace("%1", ex.name).replace("%2", number_text(ex.value)))

    def _refuse(self, text: str | None):
        if text:
            self.refusal.setText(text)
            self.refusal.show()
            self.answer.setStyleSheet(f"QLineEdit {{ border: 1px solid {BAD}; }}")
        else:
            self.refusal.hide()
            self.answer.setStyleSheet("")

    @staticmethod
    def _colour(label: QLabel, colour: str | None):
        pal = label.palette()
        pal.setColor(QPalette.ColorRole.WindowText, QColor(colour) if colour else
                     label.style().standardPalette().color(QPalette.ColorRole.WindowText))
        label.setPalette(pal)
