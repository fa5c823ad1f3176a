"""Smaller things a learner met (issue 9), each driven as a person does: Ctrl+Shift+Z redoes where the
platform's own Redo key is Ctrl+Shift+Z too (a key bound twice is ambiguous and does nothing); the View
menu shows and hides every dock; a refusal in the status bar goes once a later edit applies."""
import pytest
from gui_drive import type_into_cell
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication, QDockWidget

from backprop_lab.gui import main_window

CTRL_SHIFT_Z = (Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)


class KdeKeys(QKeySequence):
    """QKeySequence as on a desktop whose Redo is Ctrl+Shift+Z first (KDE, GNOME)."""
    def __init__(self, *args):
        if args and args[0] == QKeySequence.StandardKey.Redo:
            args = ("Ctrl+Shift+Z",)
        super().__init__(*args)

    @staticmethod
    def keyBindings(key):
        if key == QKeySequence.StandardKey.Redo:
            return [QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")]
        return QKeySequence.keyBindings(key)


@pytest.mark.parametrize("platform", ["here", "kde"])
def test_ctrl_shift_z_and_ctrl_y_redo(qtbot, make_window, monkeypatch, platform):
    if platform == "kde":
        monkeypatch.setattr(main_window, "QKeySequence", KdeKeys)
    window = make_window()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    s = window.session
    for key in (CTRL_SHIFT_Z, (Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)):
        qtbot.mouseClick(window.controls.step_button, Qt.MouseButton.LeftButton)
        assert s.step_count == 1
        qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
        assert s.step_count == 0, (key, QApplication.focusWidget())
        qtbot.keyClick(window, *key)
        assert s.step_count == 1, key
        window.undo_action.trigger()
    keys = [k.toString() for k in window.redo_action.shortcuts()]
    assert len(keys) == len(set(keys)) and {"Ctrl+Shift+Z", "Ctrl+Y"} <= set(keys)


def test_the_view_menu_shows_and_hides_every_dock(qtbot, window):
    view_menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "&View")
    in_menu = {a for a in view_menu.actions()}
    docks = window.findChildren(QDockWidget)
    assert {d.objectName() for d in docks} >= {"controlsDock", "selectedDock", "valuesDock", "teachingDock"}
    for dock in docks:
        action = dock.toggleViewAction()
        assert action in in_menu, dock.windowTitle()
        assert action.isEnabled(), dock.windowTitle()
        was = dock.isVisible()
        action.trigger()
        QApplication.processEvents()
        assert dock.isVisible() != was, dock.windowTitle()
        action.trigger()
        QApplication.processEvents()
        assert dock.isVisible() == was, dock.windowTitle()


def test_a_refusal_leaves_the_status_bar_once_a_later_edit_applies(qtbot, window):
    s = window.session
    view = window.values.weights.tables[1]
    editor = type_into_cell(qtbot, view, 0, 1, "1e999")
    assert "too large" in window.status.note.text()
    qtbot.keyClick(editor, Qt.Key.Key_Escape)
    type_into_cell(qtbot, view, 0, 1, "0.25")
    assert s.value(("W", 2, 0, 1)) == 0.25
    assert "too large" not in window.status.note.text()
    # a message a command itself gives stays: the divergence, a step's note
    type_into_cell(qtbot, view, 0, 1, "abc")
    assert "not a number" in window.status.note.text()


def test_a_divergence_names_the_parameter(qtbot, make_window):
    from test_run_pause import diverging_project
    window = make_window(diverging_project())
    window.controls.n_spin.setValue(1000)
    qtbot.mouseClick(window.controls.step_n_button, Qt.MouseButton.LeftButton)
    assert window.session.training_state == "diverged"
    note = window.status.note.text()
    assert "W2[1,1] would become infinite or NaN" in note, note       # U, the larger of the two, not E


def test_the_gradient_check_at_convergence_says_they_agree(qtbot, window):
    from gui_drive import click_tab
    s = window.session
    s.set_setting("lr", 5.0)
    window.controls.n_spin.setValue(20000)
    qtbot.mouseClick(window.controls.step_n_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not s.runner.running, timeout=60000)      # long work: in pieces
    assert s.step_count == 20000
    view = window.values.weights.tables[1]
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=view.visualRect(view.model().index(0, 0)).center())
    assert s.selection == ("W", 2, 0, 0)
    window.teaching_dock.raise_()
    click_tab(qtbot, window.teaching, 4)
    panel = window.teaching.currentWidget()
    QApplication.processEvents()
    assert abs(panel.result.analytic) < 1e-12 and panel.result.rel_error > 1e-4     # two ~zeros
    assert panel.comment.text().startswith("They agree")

