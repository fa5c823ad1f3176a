"""Matches the source: each number seed 004 prints beside the engine's, ✓ where they agree, and the
text's typos marked with their note and the right value; then the teaching panels inside the main
window, driven through the weights table."""
from gui_drive import type_into_cell
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit, QTabWidget
from teaching_host import SOURCE, WALK, open_host, panel

from backprop_lab.gui.teaching.typeset import flush


def row_of(p, name, printed):
    return next(r for r, t in enumerate(p.row_texts()) if t[1] == name and t[2] == printed)


def click_row(qtbot, p, row):
    item = p.tree.topLevelItem(row)
    p.tree.scrollToItem(item)
    rect = p.tree.visualItemRect(item)
    qtbot.mouseClick(p.tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def test_every_printed_number_is_listed_with_its_match(qtbot, host):
    s, p = host.session, panel(host, SOURCE)
    rows = p.row_texts()
    assert len(rows) == len(s.project.source)
    assert rows[row_of(p, "t1", "0.44498412")][::3] == ("✓", "0.44498412")
    assert rows[row_of(p, "∂E_tot/∂U11", "0.02592286")][0] == "✓"
    assert rows[row_of(p, "W22⁺", "0.34928991")][0] == "✓"
    assert "49 printed numbers match the engine, 2 are typos in the text" in p.summary.text()


def test_typos_are_marked_with_the_note_and_the_right_value(qtbot, host):
    s, p = host.session, panel(host, SOURCE)
    h2 = row_of(p, "h2", "0.0.52747230")                 # "h2 = sigmoid(z2) = 0.0.52747230"
    mark, _, printed, engine, note = p.row_texts()[h2]
    assert (mark, engine) == ("✗", "0.52747230") and note.startswith("typo in the text")
    w11 = row_of(p, "W11", "0.2")                        # "W11⁺ = 0.2 − 0.5 × 0.00080888": W11 is 0.3
    assert p.row_texts()[w11][::3] == ("✗", "0.3")
    click_row(qtbot, p, w11)
    assert s.selection == ("W", 1, 0, 0)
    assert p.detail.text().startswith("✗ W11: the text prints 0.2, the right value is 0.3.")
    t1 = next(r for r, t in enumerate(p.row_texts()) if t[0] == "✎" and t[1] == "t1")
    click_row(qtbot, p, t1)
    assert "U21*h2" in p.detail.text() or "h2, not t2" in p.detail.text()


def test_a_changed_number_no_longer_matches(qtbot, host):
    s, p = host.session, panel(host, SOURCE)
    s.edit_param(("W", 2, 0, 0), 0.5)
    row = p.row_texts()[row_of(p, "U11", "0.45")]
    assert row[0] == "≠" and row[3] == "0.50"
    assert row_of(p, "t1", "0.44498412") is not None
    assert p.row_texts()[row_of(p, "t1", "0.44498412")][3] == "0.47098359"
    assert "differ" in p.summary.text()


def test_a_preset_without_a_text_says_so(qtbot, settings_clean):
    win = open_host(qtbot, "xor")
    p = panel(win, SOURCE)
    assert p.row_texts() == [] and "not built from a text" in p.summary.text()


def test_in_the_main_window_the_walk_continues_after_a_table_edit(qtbot, window):
    tabs = window.findChild(QTabWidget, "teachingTabs")
    assert tabs is not None and tabs.isVisible()
    s = window.session
    walk = tabs.widget(WALK)
    tabs.setCurrentIndex(WALK)
    qtbot.mouseClick(walk.start_button, Qt.MouseButton.LeftButton)
    walk.setFocus()
    for _ in range(4):
        qtbot.keyClick(walk, Qt.Key.Key_Right)
    assert walk.result_view.text() == "t1 = 0.44498412"
    assert s.highlight == {("n", 1, 0), ("n", 1, 1), ("n", 2, 0), ("W", 2, 0, 0), ("W", 2, 1, 0)}
    qtbot.mouseClick(walk.start_button, Qt.MouseButton.LeftButton)     # leave
    assert s.highlight == frozenset()
    table = window.values.weights.tables[1]                              # U (h → o)
    type_into_cell(qtbot, table, 0, 0, "0.5")
    assert s.value(("W", 2, 0, 0)) == 0.5
    # arrows typed while editing a cell stay in the cell, even with the walk paused at step 5
    index = table.model().index(1, 0)
    pos = table.visualRect(index).center()
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=pos)
    qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=pos)
    editor = next(e for e in table.findChildren(QLineEdit) if e.isVisible())
    assert editor.hasFocus()
    editor.setCursorPosition(1)
    qtbot.keyClick(editor, Qt.Key.Key_Right)
    qtbot.keyClick(editor, Qt.Key.Key_Left)
    qtbot.keyClick(editor, Qt.Key.Key_Left)
    assert walk.index == 4 and editor.cursorPosition() == 0
    qtbot.keyClick(editor, Qt.Key.Key_Escape)
    qtbot.mouseClick(walk.start_button, Qt.MouseButton.LeftButton)     # continue
    assert walk.result_view.text() == "t1 = 0.47098359"
    flush()
    assert walk.result_view.is_typeset()
