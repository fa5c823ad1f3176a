"""A number is read the same in every field of the window and on the command line
(core.model.numbers): "1,000" is refused with the reason (a Korean learner means one thousand), a
nonzero number too small to hold is refused rather than read as 0, full-width digits and point are
read alike, and the words are the same in both places."""
import pytest
from gui_drive import type_into_cell, type_into_field
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QLineEdit

from backprop_lab.core import cli

THOUSANDS = ("“1,000”: a comma followed by three digits may separate thousands, so it is not read as a "
             "decimal mark. Type 1000 for the whole number, or use a point as the decimal mark")
UNDERFLOW = "“1e-400” is too small to hold: it would become 0. Type 0 if you mean zero"


@pytest.mark.parametrize("text,reason", [("1,000", THOUSANDS), ("1e-400", UNDERFLOW)])
def test_a_setting_field_says_why(qtbot, window, text, reason):
    s = window.session
    type_into_field(qtbot, window.controls.lr, text)
    assert s.settings.lr == 0.5 and s.undo_stack.count() == 0
    assert window.controls.lr.toolTip() == reason
    assert window.controls.reason.text() == reason
    assert window.status.note.text() == reason


@pytest.mark.parametrize("text,reason", [("1,000", THOUSANDS), ("1e-400", UNDERFLOW)])
def test_a_weight_cell_says_why(qtbot, window, text, reason):
    s = window.session
    before = s.net.theta.copy()
    editor = type_into_cell(qtbot, window.values.weights.tables[1], 0, 1, text)
    assert editor.isVisible() and editor.toolTip() == reason
    assert (s.net.theta == before).all() and s.undo_stack.count() == 0


def _type_wide(qtbot, edit: QLineEdit, text: str) -> None:
    """Characters outside Latin-1 as a keyboard in full-width mode sends them (QTest.keyClicks aborts
    on them): key events carrying the text."""
    edit.setFocus()
    edit.selectAll()
    qtbot.keyClick(edit, Qt.Key.Key_Backspace)
    for ch in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(edit, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, ch))
    qtbot.keyClick(edit, Qt.Key.Key_Return)


def test_full_width_digits_and_point_are_read(qtbot, window):
    s = window.session
    view = window.values.weights.tables[1]
    index = view.model().index(0, 1)
    pos = view.visualRect(index).center()
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=pos)
    qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=pos)
    editor = [e for e in view.findChildren(QLineEdit) if e.isVisible()][0]
    _type_wide(qtbot, editor, "\uff10\uff0e\uff15")          # ０．５
    assert not editor.isVisible()
    assert s.undo_stack.count() == 1 and 0.5 in s.net.theta
    assert view.model().index(0, 1).data() == "0.5"
    _type_wide(qtbot, window.controls.lr, "\uff10\uff0e\uff12\uff15")   # ０．２５
    assert s.settings.lr == 0.25 and window.controls.reason.text() == ""
    type_into_field(qtbot, window.controls.lr, "0,3")
    assert s.settings.lr == 0.3


def test_the_command_line_reads_and_words_the_same(capsys):
    code = cli.main(["train", "xor", "--steps", "2", "--lr", "1,000"])
    err = capsys.readouterr().err
    assert code == 2 and THOUSANDS in err
    code = cli.main(["train", "xor", "--steps", "2", "--lr", "1e-400"])
    assert code == 2 and UNDERFLOW in capsys.readouterr().err
    code = cli.main(["train", "xor", "--steps", "2", "--lr", "\uff10\uff0e\uff15"])
    out = capsys.readouterr().out
    assert code == 0 and "lr 0.5," in out
