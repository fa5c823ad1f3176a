"""GUI tests run offscreen, with Qt's test locations (real settings are never touched), on a main
window built on the seed 004 preset as `backprop-lab` opens it."""
import os

os.environ["QT_QPA_PLATFORM"] = "offscreen"     # before anything imports Qt

import pytest  # noqa: E402
from PySide6.QtCore import QCoreApplication, QSettings, QStandardPaths, Qt  # noqa: E402
from PySide6.QtWidgets import QApplication, QLineEdit  # noqa: E402

QStandardPaths.setTestModeEnabled(True)


@pytest.fixture
def settings_clean(qapp):
    QCoreApplication.setOrganizationName("BackpropLab")
    QCoreApplication.setApplicationName("Backprop Lab")
    QSettings().clear()
    yield
    QSettings().clear()


def open_window(qtbot, project):
    from gui.app import build_window
    w = build_window(project)
    w.resize(1280, 800)
    w.show()
    qtbot.waitExposed(w)
    w.activateWindow()
    return w


@pytest.fixture
def make_window(qtbot, settings_clean):
    made = []

    def make(project=None):
        from core import presets
        w = open_window(qtbot, project if project is not None else presets.resolve("seed004"))
        made.append(w)
        return w

    yield make
    for w in made:
        w.close_without_asking()
    QApplication.processEvents()


@pytest.fixture
def window(make_window):
    return make_window()


def type_into_cell(qtbot, view, row: int, col: int, text: str) -> QLineEdit:
    """Double-click a cell, type, press Enter, as a person does; returns the cell editor (it stays
    open when the text is refused)."""
    index = view.model().index(row, col)
    view.scrollTo(index)
    pos = view.visualRect(index).center()
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=pos)
    qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=pos)
    editor = view.viewport().findChild(QLineEdit) or view.findChild(QLineEdit)
    assert editor is not None and editor.isVisible(), "the cell editor did not open"
    editor.selectAll()
    qtbot.keyClicks(editor, text)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    return editor


def click_tab(qtbot, tabs, index: int) -> None:
    bar = tabs.tabBar()
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(index).center())
    assert tabs.currentIndex() == index
