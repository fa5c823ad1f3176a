"""A seeded storm of random events on the main window, as a restless learner makes them: clicks on every
visible enabled widget, keys (undo, redo, step, run), menu actions, numbers good and bad typed into fields
and cells, drags and wheels on the diagram and plots, sliders moved, presets and architecture changed, Run
toggled so much of it happens while training runs. Its events go to the main window and to every other
window the storm opened (the sweep window, the glossary, the guide), or to the modal dialog that is up
(Data → Generate or import…). Shared by tests/gui/test_storm.py (in the suite) and
tests/bench/storm_bench.py (3 × 10,000 events, each storm in its own process to catch a crash).

Modal dialogs are patched, not clicked (pytest-qt's note on dialogs): file dialogs cancel, questions
answer Discard or Cancel, New from preset picks a random preset. Popups (menus however opened, a combo
box's list) and a dialog run from C++ are answered as a person would, by the storm's Hand (storm_hand.py):
an entry picked or Esc. What the storm counts: events, and
exceptions (sys.excepthook, which Qt calls for an exception escaping a slot or a virtual) and Qt warnings
(a message handler); a crash ends the process, which the bench sees from outside. And where its events
went (`Tally.places`, `Tally.actions`), so a test can see that it reaches every part of the window."""
from __future__ import annotations

import math
import random
import sys
import traceback
from collections import Counter
from dataclasses import dataclass, field

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPoint, QPointF, Qt, QtMsgType, qInstallMessageHandler
from PySide6.QtGui import QAction, QContextMenuEvent, QWheelEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSlider,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QDialog,
    QFileDialog,
    QGraphicsView,
    QInputDialog,
    QLineEdit,
    QMenu,
    QMessageBox,
    QTabBar,
    QWidget,
)
from storm_hand import Hand

TYPED = ["0.5", "-1", "2", "0", "1e-3", "0,5", "1,000", "abc", "", "nan", "inf", "1e999", "1e-400",
         "\uff10\uff0e\uff15", "1e200", "-1e200", "3.14159", "<b>x</b>", "12", "100000", "7", " 0.25 "]
CTRL, SHIFT = Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.ShiftModifier
NONE = Qt.KeyboardModifier.NoModifier
KEYS = [(Qt.Key.Key_Z, CTRL)] * 4 + [(Qt.Key.Key_Z, CTRL | SHIFT)] * 3 + [(Qt.Key.Key_Y, CTRL)] * 2 + [
    (Qt.Key.Key_F10, NONE), (Qt.Key.Key_Space, NONE), (Qt.Key.Key_Escape, NONE), (Qt.Key.Key_Left, NONE),
    (Qt.Key.Key_Right, NONE), (Qt.Key.Key_Up, NONE), (Qt.Key.Key_Down, NONE), (Qt.Key.Key_Return, NONE),
    (Qt.Key.Key_Delete, NONE), (Qt.Key.Key_Tab, NONE), (Qt.Key.Key_Plus, CTRL), (Qt.Key.Key_Minus, CTRL),
    (Qt.Key.Key_0, CTRL), (Qt.Key.Key_R, CTRL), (Qt.Key.Key_N, CTRL)]
WINDOWS = (Qt.WindowType.Window, Qt.WindowType.Dialog, Qt.WindowType.Tool)    # not tooltips, popups
# Never: quitting or closing the window, which ends the storm rather than testing anything (File → Quit
# is skipped as itself, whatever the language calls it).
SKIP_ACTIONS = ("quit", "close", "종료", "닫기", "끝내기")


@dataclass
class Tally:
    events: int = 0
    exceptions: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    kinds: dict[str, int] = field(default_factory=dict)
    # "window|named|Class" of each widget an event went to: the window's object name, the nearest named
    # widget holding it (or itself), its class. And each menu action triggered.
    places: Counter = field(default_factory=Counter)
    actions: Counter = field(default_factory=Counter)
    popups: Counter = field(default_factory=Counter)     # storm_hand.Hand: each popup met and its answer


def patch_dialogs(rng: random.Random, monkey) -> None:
    """`monkey(obj, name, value)` sets an attribute for the storm's lifetime (pytest's monkeypatch.setattr,
    or a plain setattr in the bench's own process)."""
    from backprop_lab.core.io import presets
    from backprop_lab.gui.preset_titles import preset_title
    cancel = ("", "")
    for name in ("getOpenFileName", "getSaveFileName"):
        monkey(QFileDialog, name, staticmethod(lambda *a, **k: cancel))
    monkey(QFileDialog, "getExistingDirectory", staticmethod(lambda *a, **k: ""))
    ok = QMessageBox.StandardButton.Ok
    for name in ("critical", "warning", "information"):
        monkey(QMessageBox, name, staticmethod(lambda *a, **k: ok))
    monkey(QMessageBox, "about", staticmethod(lambda *a, **k: None))
    answers = [QMessageBox.StandardButton.Discard, QMessageBox.StandardButton.Cancel]
    monkey(QMessageBox, "question", staticmethod(lambda *a, **k: rng.choice(answers)))

    def pick_preset(*_a, **_k):
        if rng.random() < 0.2:
            return "", False
        return preset_title(rng.choice(presets.list_presets())[1]), True
    monkey(QInputDialog, "getItem", staticmethod(pick_preset))
    # Every dialog's own event loop (QDialog.exec and the classes that define their own: the print
    # dialog, message boxes), a file dialog opened window-modal (Export trace). Menus are not patched:
    # whatever opens them (QMenu.exec, a tool button's menu, a context menu), the storm's Hand answers them.
    from PySide6 import QtPrintSupport, QtWidgets
    for module in (QtWidgets, QtPrintSupport):
        for name in dir(module):          # dir, not vars: PySide6 loads a module's classes lazily
            cls = getattr(module, name)
            if isinstance(cls, type) and issubclass(cls, QDialog) and "exec" in vars(cls):
                monkey(cls, "exec", lambda self, *a: 0)
    monkey(QDialog, "exec", lambda self, *a: 0)
    monkey(QFileDialog, "open", lambda self, *a: None)


VISITS = ("speed", "boundary", "data", "landscape", "language", "sweep", "notation")


class Storm:
    def __init__(self, window, seed: int, tally: Tally | None = None, on_event=None, on_detail=None):
        """`on_event(number, kind)` is called as each event begins (the bench's heartbeat), `on_detail(text)`
        with what it goes to, as it is chosen (the widget, the menu action, the text typed, the key): after
        a crash, the bench can say what the crashing event did."""
        self.window, self.rng, self.on_event = window, random.Random(seed), on_event
        self.on_detail = on_detail
        self.tally = tally or Tally()
        self.kinds = [(self.click, 30), (self.key, 14), (self.type_field, 9), (self.cell, 8), (self.graphics, 8),
                      (self.menu_action, 8), (self.combo, 5), (self.spin, 5), (self.slider, 3),
                      (self.run_toggle, 5), (self.architecture, 4), (self.preset, 1), (self.visit, 3),
                      (self.wait, 8), (self.context, 3)]
        self._weights = [w for _k, w in self.kinds]
        self._visits = 0
        self._not_finite = False
        self.root = window
        self.hand = Hand(seed, self.skipped, self.tally.popups)

    # ----- recording --------------------------------------------------------------------------------
    def install(self):
        self._old_hook = sys.excepthook
        sys.excepthook = self._exception
        self._old_handler = qInstallMessageHandler(self._message)

    def uninstall(self):
        sys.excepthook = self._old_hook
        qInstallMessageHandler(self._old_handler)

    def _exception(self, kind, value, tb):
        self.tally.exceptions.append(f"event {self.tally.events}: " + "".join(
            traceback.format_exception(kind, value, tb))[-1500:])

    def _message(self, kind, _context, text):
        # The offscreen platform says what a window system would do that it cannot (raise a window,
        # size hints): a note on the platform, not on the application.
        if text.startswith("This plugin does not support"):
            return
        if kind in (QtMsgType.QtWarningMsg, QtMsgType.QtCriticalMsg, QtMsgType.QtFatalMsg):
            self.tally.warnings.append(f"event {self.tally.events}: {text}")

    # ----- the storm --------------------------------------------------------------------------------
    def run(self, events: int) -> Tally:
        self.install()
        try:
            for _ in range(events):
                self.root = self._root()
                act = self.rng.choices(self.kinds, self._weights)[0][0]
                self.tally.kinds[act.__name__] = self.tally.kinds.get(act.__name__, 0) + 1
                if self.on_event is not None:
                    self.on_event(self.tally.events + 1, act.__name__)
                self.step(act)
        finally:
            self.uninstall()
        return self.tally

    def step(self, act) -> None:
        """One event, with a hand ready for a popup or dialog it opens (storm_hand.py)."""
        self.hand.start()
        try:
            try:
                act()
            except Exception:      # noqa: BLE001 - an exception the app let escape into the driver
                self._exception(*sys.exc_info())
            self.hand.returned()
            QApplication.processEvents()
            self.hand.settle()
        finally:
            self.hand.stop()
        self._finite_shown()
        self.tally.events += 1

    def _finite_shown(self) -> None:
        """The loss the window shows is finite after every event (the finiteness rule: a change that
        would make it inf or NaN is refused, training stops before it); an overflow is no warning, so
        only this sees a silent inf. Said once until it is finite again."""
        loss = self.window.session.loss
        if math.isfinite(loss):
            self._not_finite = False
        elif not self._not_finite:
            self._not_finite = True
            self.tally.exceptions.append(f"event {self.tally.events}: the loss shown is {loss!r}")

    def skipped(self, action) -> bool:
        return action is self.window.files.quit or any(
            s in action.text().lower().replace("&", "") for s in SKIP_ACTIONS)

    def _root(self):
        """Where this event goes: the modal dialog or popup that is up, else one of the windows shown
        (the main window three times as often as each other one)."""
        active = QApplication.activeModalWidget() or QApplication.activePopupWidget()
        if active is not None:
            return active
        others = [t for t in QApplication.topLevelWidgets() if t is not self.window and t.isVisible()
                  and t.windowType() in WINDOWS]
        if others and self.rng.random() < len(others) / (len(others) + 3):
            other = self.rng.choice(others)
            other.activateWindow()
            return other
        return self.window

    def _visible(self, kind) -> list:
        root = self.root
        return [x for x in root.findChildren(kind) if x.isVisible() and x.isEnabled() and x.window() is root.window()]

    def _pick(self, kind):
        found = self._visible(kind)
        chosen = self.rng.choice(found) if found else None
        if chosen is not None:
            self._note(chosen)
        return chosen

    def _note(self, widget) -> None:
        named = widget
        while named is not None and not named.objectName():
            named = named.parentWidget()
        top = widget.window()
        place = (f"{top.objectName() or type(top).__name__}|"
                 f"{named.objectName() if named is not None else ''}|{type(widget).__name__}")
        self.tally.places[place] += 1
        self._detail(place)

    def _detail(self, text: str) -> None:
        if self.on_detail is not None:
            self.on_detail(text)

    def _trigger(self, action) -> None:
        self.tally.actions[action] += 1
        self._detail("action " + action.text().replace("&", ""))
        action.trigger()

    def _point(self, widget) -> QPoint:
        r = widget.rect()
        return QPoint(self.rng.randrange(max(1, r.width())), self.rng.randrange(max(1, r.height())))

    # ----- what a person does -----------------------------------------------------------------------
    def click(self):
        w = self._pick(QAbstractButton)
        if w is None or any(s in w.text().lower() for s in SKIP_ACTIONS):
            return
        bar = self._pick(QTabBar) if self.rng.random() < 0.25 else None
        if bar is not None and bar.count():
            tab = bar.tabRect(self.rng.randrange(bar.count()))
            QTest.mouseClick(bar, Qt.MouseButton.LeftButton, NONE, tab.center())
            return
        QTest.mouseClick(w, Qt.MouseButton.LeftButton, NONE, w.rect().center())

    def key(self):
        key, mods = self.rng.choice(KEYS)
        target = QApplication.focusWidget() or self.root
        if self.rng.random() < 0.4:
            target = self.root
        self._note(target)
        self._detail(f"key {key.name} {mods}")
        QTest.keyClick(target, key, mods)

    def type_field(self):
        edit = self._pick(QLineEdit)
        if edit is None or edit.isReadOnly():
            return
        self._type(edit)

    def _type(self, edit):
        edit.setFocus()
        edit.selectAll()
        QTest.keyClick(edit, Qt.Key.Key_Backspace)
        text = self.rng.choice(TYPED)
        self._detail(f"types {text!r}")
        if all(ord(c) < 256 for c in text):
            QTest.keyClicks(edit, text)
        else:
            edit.insert(text)      # QTest types Latin-1 only; a full-width keyboard sends the text
        self._end_typing(edit)

    def _end_typing(self, widget) -> None:
        """Enter, Esc, or neither: a person often types and then clicks elsewhere, and the text is applied
        (or refused) as the focus leaves, in the middle of whatever that click does."""
        r = self.rng.random()
        self._detail("then " + ("Return" if r < 0.6 else "Esc" if r < 0.75 else "nothing"))
        if r < 0.6:
            QTest.keyClick(widget, Qt.Key.Key_Return)
        elif r < 0.75:
            QTest.keyClick(widget, Qt.Key.Key_Escape)

    def cell(self):
        view = self._pick(QAbstractItemView)
        model = view.model() if view is not None else None
        if model is None:
            return
        # A list's model (the glossary, the data dialog's columns) has one column and keeps columnCount private.
        rows = model.rowCount(QModelIndex())
        cols = 1 if isinstance(model, QAbstractListModel) else model.columnCount(QModelIndex())
        if rows == 0 or cols == 0:
            return
        index = model.index(self.rng.randrange(rows), self.rng.randrange(cols))
        view.scrollTo(index, QAbstractItemView.ScrollHint.EnsureVisible)
        pos = view.visualRect(index).center()
        QTest.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, NONE, pos)
        if self.rng.random() < 0.6:
            QTest.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, NONE, pos)
            editors = [e for e in view.findChildren(QLineEdit) if e.isVisible()]
            if editors:
                self._type(editors[0])

    def graphics(self, view=None):
        if view is not None:
            self._note(view)
        else:
            view = self._pick(QGraphicsView)
        if view is None:
            return
        port, r = view.viewport(), self.rng.random()
        a, b = self._point(port), self._point(port)
        if r < 0.45:
            QTest.mouseClick(port, Qt.MouseButton.LeftButton, NONE, a)
        elif r < 0.6:
            QTest.mouseDClick(port, Qt.MouseButton.LeftButton, NONE, a)
        elif r < 0.85:           # a drag: scrubbing a number, moving a point, panning
            QTest.mousePress(port, Qt.MouseButton.LeftButton, NONE, a)
            QTest.mouseMove(port, (a + b) / 2)
            QTest.mouseMove(port, b)
            QTest.mouseRelease(port, Qt.MouseButton.LeftButton, NONE, b)
        elif r < 0.93:
            QTest.mouseClick(port, Qt.MouseButton.RightButton, NONE, a)
        else:                    # a wheel: zooming a plot in or out, far
            self._wheel(port, a, self.rng.choice([120, -120, 960, -960]))

    @staticmethod
    def _wheel(port, at: QPoint, delta: int) -> None:
        where = QPointF(at)
        event = QWheelEvent(where, QPointF(port.mapToGlobal(at)), QPoint(), QPoint(0, delta),
                            Qt.MouseButton.NoButton, NONE, Qt.ScrollPhase.NoScrollPhase, False)
        QApplication.sendEvent(port, event)

    def menu_action(self):
        actions = [a for a in self._actions(self.window.menuBar().actions()) if a.isEnabled() and a.isVisible()]
        actions = [a for a in actions if not self.skipped(a)]
        if actions:
            action = self.rng.choice(actions)
            self._trigger(action)

    def _actions(self, actions) -> list[QAction]:
        out = []
        for a in actions:
            menu = a.menu()
            if menu is not None:
                if isinstance(menu, QMenu):
                    menu.aboutToShow.emit()       # menus filled when shown (Open Recent)
                out += self._actions(menu.actions())
            elif not a.isSeparator():
                out.append(a)
        return out

    def combo(self):
        box = self._pick(QComboBox)
        if box is not None:
            QTest.keyClick(box, self.rng.choice([Qt.Key.Key_Down, Qt.Key.Key_Up]))

    def spin(self):
        box = self._pick(QAbstractSpinBox)
        if box is None:
            return
        if self.rng.random() < 0.3:
            box.setFocus()
            box.lineEdit().selectAll()
            QTest.keyClicks(box, str(self.rng.choice([1, 2, 3, 5, 10, 50, 1000, 10_000_000])))
        else:
            QTest.keyClick(box, self.rng.choice([Qt.Key.Key_Up, Qt.Key.Key_Down, Qt.Key.Key_PageUp]))
        self._end_typing(box)

    def slider(self):
        bar = self._pick(QAbstractSlider)
        if bar is None:
            return
        if self.rng.random() < 0.5:
            QTest.mouseClick(bar, Qt.MouseButton.LeftButton, NONE, self._point(bar))
        else:
            QTest.keyClick(bar, self.rng.choice([Qt.Key.Key_Left, Qt.Key.Key_Right, Qt.Key.Key_PageUp,
                                                 Qt.Key.Key_PageDown, Qt.Key.Key_Home, Qt.Key.Key_End]))

    def visit(self):
        """One of the parts a menu action among fifty would seldom reach, in turn (so that each is
        reached whatever the timing of a run does to the rest): the speed of Run, the decision boundary
        and the loss landscape (their tabs brought up as a person clicks them), the data dialog, the
        sweep window, a language, a notation."""
        w = self.window
        place = VISITS[self._visits % len(VISITS)]
        self._visits += 1
        if QApplication.activeModalWidget() is not None:
            return
        if place == "speed":
            speed = w.findChild(QAbstractSlider, "runSpeed")
            if self._bring_up(w.left_dock) and speed.isVisible() and speed.isEnabled():
                self._note(speed)
                QTest.keyClick(speed, self.rng.choice([Qt.Key.Key_Left, Qt.Key.Key_Right, Qt.Key.Key_Home,
                                                       Qt.Key.Key_End]))
            return
        if place in ("boundary", "landscape"):
            dock = w.boundary_dock if place == "boundary" else w.landscape_dock
            view = dock.widget().findChild(QGraphicsView)
            if self._bring_up(dock) and view is not None and view.isVisible():
                self.graphics(view)
            return
        actions = {"data": [w.data_action], "sweep": [w.sweep_action], "language": list(w.language_actions.values()),
                   "notation": list(w.notation_menu.choices.values())}[place]
        action = self.rng.choice([a for a in actions if a.isEnabled()] or [None])
        if action is not None:
            self._trigger(action)

    def _bring_up(self, dock) -> bool:
        """A dock the storm's clicks closed or hid behind a tab, brought back as from the View menu."""
        if not dock.isVisible():
            action = dock.toggleViewAction()
            self._trigger(action)
        dock.raise_()
        QApplication.processEvents()
        return dock.isVisible()

    def context(self):
        """A right click on anything, as the platform reports it (QTest's mouse clicks do not): a field's
        Undo/Copy/Paste menu, a spin box's (run in Qt's nested loop), the window's list of docks and toolbars
        over a dock's title or the toolbar. The storm's Hand (storm_hand.py) answers the menu."""
        w = self._pick(QWidget)
        if w is not None:
            self.context_menu(w, self._point(w))

    @staticmethod
    def context_menu(widget, at: QPoint) -> None:
        QApplication.sendEvent(widget, QContextMenuEvent(QContextMenuEvent.Reason.Mouse, at, widget.mapToGlobal(at)))

    def run_toggle(self):
        button = self.window.controls.run_button
        if button.isVisible() and button.isEnabled():
            QTest.mouseClick(button, Qt.MouseButton.LeftButton)

    def architecture(self):
        a = self.window.architecture
        button = a.add_button if self.rng.random() < 0.5 else a.remove_button
        if button.isVisible() and button.isEnabled():
            QTest.mouseClick(button, Qt.MouseButton.LeftButton)

    def preset(self):
        self.window.files.new.trigger()

    def wait(self):
        ms = self.rng.choice([1, 5, 20, 60])
        self._detail(f"{ms} ms")
        QTest.qWait(ms)


def open_storm_window(project=None):
    from backprop_lab.core.io import presets
    from backprop_lab.gui.app import build_window
    w = build_window(project if project is not None else presets.resolve("seed004"))
    w.resize(1280, 800)
    w.show()
    QTest.qWaitForWindowExposed(w)
    w.activateWindow()
    return w


def check_consistent(window) -> list[str]:
    """What the window must still show after the storm: the history and the views agree with the model."""
    import numpy as np
    s, out = window.session, []
    stack = s.undo_stack
    if not 0 <= stack.index() <= stack.count():
        out.append(f"undo index {stack.index()} of {stack.count()}")
    if not np.isfinite(s.net.theta).all():
        out.append("a parameter is not finite")
    if s.viewing_step is None and len(s.trace) != s.step_count:
        out.append(f"trace of {len(s.trace)} rows at step {s.step_count}")
    return out
