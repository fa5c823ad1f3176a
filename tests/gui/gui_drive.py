"""Driving the window as a person does: helpers shared by the GUI tests."""
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit


def type_into_cell(qtbot, view, row: int, col: int, text: str) -> QLineEdit:
    """Double-click a cell, type, press Enter, as a person does; returns the cell editor (it stays
    open when the text is refused)."""
    index = view.model().index(row, col)
    view.scrollTo(index)
    pos = view.visualRect(index).center()
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=pos)
    qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=pos)
    editors = [e for e in view.findChildren(QLineEdit) if e.isVisible()]
    assert len(editors) == 1, "the cell editor did not open"
    editor = editors[0]
    editor.selectAll()
    qtbot.keyClick(editor, Qt.Key.Key_Backspace)
    qtbot.keyClicks(editor, text)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    return editor


def click_tab(qtbot, tabs, index: int) -> None:
    bar = tabs.tabBar()
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(index).center())
    assert tabs.currentIndex() == index
