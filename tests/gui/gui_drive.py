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




def choose(qtbot, combo, index: int) -> None:
    """Pick entry `index` of a combo box with the keyboard, as a person does: Home or End for the first
    or last, else the arrow keys from where it stands (each key that moves it is one `activated`, as a
    click in its list is; the offscreen platform cannot open the list itself)."""
    combo.setFocus()
    here = combo.currentIndex()
    if index == 0 != here:
        qtbot.keyClick(combo, Qt.Key.Key_Home)
    elif index == combo.count() - 1 != here:
        qtbot.keyClick(combo, Qt.Key.Key_End)
    else:
        for _ in range(abs(index - here)):
            qtbot.keyClick(combo, Qt.Key.Key_Down if index > here else Qt.Key.Key_Up)
    assert combo.currentIndex() == index


def type_into_field(qtbot, edit, text: str) -> None:
    """Replace a field's text by typing, as a person does, and press Return."""
    edit.setFocus()
    edit.selectAll()
    qtbot.keyClick(edit, Qt.Key.Key_Backspace)
    qtbot.keyClicks(edit, text)
    qtbot.keyClick(edit, Qt.Key.Key_Return)


def put_back_application(window) -> None:
    """What a test (a storm) may change for the whole application, as the next test expects it:
    English, the default precision, no zoom, high contrast or full screen."""
    from backprop_lab.gui import numbers
    from backprop_lab.gui.language import current
    current().switch("en")
    numbers.set_shown_digits(numbers.DEFAULT_PRECISION)
    window.presentation.set_zoom(1.0)
    window.presentation.set_high_contrast(False)
    window.presentation.set_full_screen(False)
