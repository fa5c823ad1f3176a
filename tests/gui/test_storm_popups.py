"""The storm answers what its events open, as a person does, and goes on: a tool button's menu (run in Qt's
nested event loop from C++, where seed 2's 10,000-event storm once stalled for good), a spin box's context
menu (the same nested loop), a combo box's list left open, a dialog run from C++. A watchdog closes what the
storm left up every 20 s, so a storm that would wait forever fails instead."""
import random

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QAbstractSpinBox, QApplication, QColorDialog, QMenu, QToolButton
from storm import Storm, patch_dialogs

pytestmark = [pytest.mark.qt_no_exception_capture]


@pytest.fixture
def storm(window, monkeypatch):
    patch_dialogs(random.Random(5), monkeypatch.setattr)
    storm = Storm(window, seed=3)
    rescued: list[str] = []

    def rescue():               # what nobody else closed: the storm's hand did not
        while (up := QApplication.activePopupWidget() or QApplication.activeModalWidget()) is not None:
            rescued.append(type(up).__name__)
            up.close()
    watchdog = QTimer(interval=20_000)
    watchdog.timeout.connect(rescue)
    watchdog.start()
    storm.install()             # the storm's message handler: offscreen menus cannot grab the keyboard
    storm.rescued = rescued
    yield storm
    storm.uninstall()
    watchdog.stop()
    if window.session.runner.running:
        window.controls.run_button.click()


def answered(storm, kind: str, where: str) -> int:
    return sum(n for key, n in storm.tally.popups.items() if key.startswith(f"{kind}|{where}|"))


def assert_went_on(storm, events: int = 30):
    before = storm.tally.events
    storm.run(events)
    assert storm.tally.events == before + events
    assert storm.tally.exceptions == [], storm.tally.exceptions[0]
    assert QApplication.activePopupWidget() is None


def test_the_menu_bars_menu_button_is_answered_inside_its_nested_loop(storm, window, qtbot):
    """The menu bar narrower than its menus shows ">>", a tool button whose menu Qt runs with exec() from
    C++. Pressed six times, its menu is answered each time, some times by an entry (a menu of the menu bar,
    then answered in turn), some times by Esc; then the storm goes on."""
    window.menuBar().setMaximumWidth(120)
    more = window.findChild(QToolButton, "qt_menubar_ext_button")
    qtbot.waitUntil(more.isVisible)
    for _ in range(6):
        storm.step(lambda: qtbot.mouseClick(more, Qt.MouseButton.LeftButton))
        assert storm.rescued == []
        assert QApplication.activePopupWidget() is None and not more.isDown()
    assert storm.tally.events == 6
    assert storm.tally.popups["QMenu|inside|picked"] and storm.tally.popups["QMenu|inside|closed"], storm.tally.popups
    assert answered(storm, "QMenu", "inside") >= 6
    assert_went_on(storm)


def test_a_spin_boxs_context_menu_is_answered(storm, window):
    """A spin box runs its context menu with exec() from C++ too."""
    box = next(b for b in window.findChildren(QAbstractSpinBox) if b.isVisible() and b.isEnabled())
    storm.step(lambda: storm.context_menu(box, box.rect().center()))
    assert storm.rescued == []
    assert answered(storm, "QMenu", "inside") == 1, storm.tally.popups
    assert_went_on(storm)


def test_a_menu_run_from_python_is_answered(storm, window):
    """QMenu.exec is not patched away: a context menu the app runs itself is answered by an entry or Esc,
    the same answers again for the same seed."""
    menu = QMenu(window)
    entries = [menu.addAction(name) for name in ("one", "two", "three")]

    def answers(storm) -> list:
        chosen = []
        for _ in range(6):
            storm.step(lambda: chosen.append(menu.exec(window.mapToGlobal(window.rect().center()))))
            assert storm.rescued == []
        return [a.text() if a is not None else None for a in chosen]
    chosen = answers(storm)
    assert answered(storm, "QMenu", "inside") == 6
    assert set(chosen) - {None} <= {a.text() for a in entries}
    assert chosen.count(None) == storm.tally.popups["QMenu|inside|closed"]
    assert 0 < chosen.count(None) < 6            # seed 3 picks some entries and closes the others
    again = Storm(window, seed=3)
    again.rescued = storm.rescued
    assert answers(again) == chosen


def test_a_combo_box_list_left_open_is_answered(storm, window, qtbot):
    """Space on a combo box opens its list and returns (no nested loop): the storm answers it after."""
    picker = window.sample_picker
    picker.setFocus()
    storm.step(lambda: qtbot.keyClick(picker, Qt.Key.Key_Space))
    assert answered(storm, "QComboBox list", "after") == 1, storm.tally.popups
    assert not picker.view().isVisible()
    assert_went_on(storm)


def test_a_dialog_run_from_cpp_is_closed(storm, window):
    """A dialog Qt runs with exec() from C++ (the patch of exec in Python cannot reach it): Esc."""
    colors = []
    storm.step(lambda: colors.append(QColorDialog.getColor(Qt.GlobalColor.red, window)))
    assert storm.rescued == []
    assert colors and not colors[0].isValid()          # rejected, as by Esc
    assert storm.tally.popups["QColorDialog|inside|closed"] == 1
    assert_went_on(storm)
