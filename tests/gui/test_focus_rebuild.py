"""Focus going to a widget that the focus change itself rebuilds (stop 15's storm segfault, in
QWidget::setFocus): a layer size typed into the architecture panel is applied when focus leaves the
spin box, and the new shape rebuilds the Values dock's weight tables. When the focus was going to one of
those tables (the learner clicked a weight), Qt went on giving focus to a deleted widget."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

LEFT, NONE = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier


def _type_size(window, text: str) -> None:
    spin = window.architecture.rows[0][0]
    QTest.mouseClick(spin.lineEdit(), LEFT)
    spin.lineEdit().selectAll()
    QTest.keyClicks(spin.lineEdit(), text)
    assert window.session.net.layers[0].size == 2        # not applied while typing


def _click_cell(table, row: int, col: int) -> None:
    at = table.visualRect(table.model().index(row, col)).center()
    QTest.mouseClick(table.viewport(), LEFT, NONE, at)


def _focus_in(widget) -> bool:
    focus = QApplication.focusWidget()
    return focus is not None and (focus is widget or widget.isAncestorOf(focus))


def test_a_click_on_a_weight_applies_the_typed_size_and_keeps_the_window(window, qtbot):
    window.values_dock.raise_()
    window.session.select(("W", 2, 0, 0))
    table = window.values.weights.tables[0]
    _type_size(window, "3")
    _click_cell(table, 1, 0)                                # the process survives this click
    assert window.session.net.layers[0].size == 3
    assert window.values.weights.tables[0] is table         # the same table, in the new shape
    assert table.model().columnCount() == 3 and table.isVisible() and _focus_in(table)
    assert table.horizontalHeader().count() == 3
    # The click lands in the new shape: the weight now under the pointer (row x2, column h1).
    assert window.session.selection == ("W", 1, 1, 0)
    assert "W21" in window.selected.text.text()


def test_a_click_on_the_second_layer_while_the_first_shrinks(window, qtbot):
    window.values_dock.raise_()
    window.session.select(("W", 1, 0, 0))
    old = window.values.weights.tables[1]
    _type_size(window, "1")
    _click_cell(old, 1, 1)              # a row the new W2 (1 × 2, no biases in seed 004) does not have
    assert window.session.net.layers[0].size == 1
    new = window.values.weights.tables[1]
    assert new.model().rowCount() == 1 and _focus_in(new)
    assert window.session.selection == ("W", 1, 0, 0)   # the click picked nothing
    QTest.keyClick(new, Qt.Key.Key_Right)                 # the keyboard works on in the new table
    assert window.session.selection is not None and window.session.selection[:2] == ("W", 2)


def test_tab_out_of_the_size_into_the_values(window, qtbot):
    """The same focus change by the keyboard: focus passed on from the spin box by Tab."""
    window.values_dock.raise_()
    _type_size(window, "4")
    window.values.weights.tables[0].setFocus(Qt.FocusReason.TabFocusReason)
    assert window.session.net.layers[0].size == 4
    assert _focus_in(window.values.weights.tables[0])


def _alive(widget) -> bool:
    import shiboken6
    return shiboken6.isValid(widget)



def test_tab_after_a_typed_size_goes_on_to_the_activation_beside_it(window, qtbot):
    """The architecture panel is rebuilt by the size it applies as the focus leaves: the focus goes on to
    the new activation box of the same layer, not to one that is about to be deleted."""
    _type_size(window, "3")
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    assert window.session.net.layers[0].size == 3
    size, act, _bias = window.architecture.rows[0]
    assert QApplication.focusWidget() is act and act.isVisible()
    QTest.keyClick(act, Qt.Key.Key_Down)          # and the keyboard goes on: the next activation
    assert window.session.net.layers[0].activation != "sigmoid"
    assert window.architecture.rows[0][1].hasFocus()


def test_arrow_keys_in_a_size_keep_counting(window, qtbot):
    spin = window.architecture.rows[0][0]
    QTest.mouseClick(spin.lineEdit(), LEFT)
    for _ in range(3):
        QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Up)
    assert window.session.net.layers[0].size == 5
    assert window.architecture.rows[0][0].value() == 5 and window.architecture.rows[0][0].hasFocus()


def test_undo_drops_the_layer_whose_table_has_the_focus(window, qtbot):
    window.values_dock.raise_()
    QTest.mouseClick(window.architecture.add_button, LEFT)
    assert window.session.net.depth == 3 and len(window.values.weights.tables) == 3
    last = window.values.weights.tables[2]
    cell = last.model().index(1, 1)
    qtbot.waitUntil(lambda: last.viewport().rect().contains(last.visualRect(cell)))   # laid out
    _click_cell(last, 1, 1)
    assert _focus_in(last) and window.session.selection == ("W", 3, 1, 1)
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.session.net.depth == 2
    tables = window.values.weights.tables
    assert len(tables) == 2 and len(window.values.weights.titles) == 2
    assert not last.isVisible() and _focus_in(tables[-1])
    assert [t.model().rowCount() for t in tables] == [2, 2]
    qtbot.waitUntil(lambda: not _alive(last))
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Right)     # the keyboard goes on in W2
    assert window.session.selection[:2] == ("W", 2)


def _new(window, monkeypatch, seed: str) -> None:
    from PySide6.QtWidgets import QInputDialog
    monkeypatch.setattr(QInputDialog, "getItem",
                        lambda _p, _t, _l, items, *a, **k: (next(t for t in items if t.startswith(seed)), True))
    window.files.new.trigger()


def test_a_new_network_with_fewer_layers_while_the_last_table_has_the_focus(window, qtbot, monkeypatch):
    """Seed 000 (3 layers) to seed 003 (1 layer): W2 and W3 go while W3 has the focus; their tables are
    emptied before they are hidden, so nothing asks them about layers that are gone."""
    window.values_dock.raise_()
    _new(window, monkeypatch, "Seed 000")
    last = window.values.weights.tables[2]
    cell = last.model().index(1, 1)
    qtbot.waitUntil(lambda: last.viewport().rect().contains(last.visualRect(cell)))
    _click_cell(last, 1, 1)
    assert _focus_in(last)
    _new(window, monkeypatch, "Seed 003")
    assert window.session.net.depth == 1 and len(window.values.weights.tables) == 1
    assert _focus_in(window.values.weights.tables[0]) and not last.isVisible()
    assert last.model().rowCount() == 0 and last.horizontalHeader().count() == 0
    qtbot.waitUntil(lambda: not _alive(last))


def test_view_menu_hides_the_panel_with_a_typed_size(window, qtbot):
    """The dock with the architecture panel closed from the View menu while a size is typed there: the
    spin box applies it as it hides, and the focus goes on to a widget that is still there."""
    window.values_dock.raise_()
    QTest.mouseClick(window.architecture.add_button, LEFT)          # 2-2-2-2: both rebuilt
    spin = window.architecture.rows[1][0]
    qtbot.waitUntil(lambda: spin.isVisible() and window.values.weights.tables[2].isVisible())
    QTest.mouseClick(spin.lineEdit(), LEFT)
    spin.lineEdit().selectAll()
    QTest.keyClicks(spin.lineEdit(), "3")
    window.left_dock.toggleViewAction().trigger()
    assert not window.left_dock.isVisible()
    assert window.session.net.layers[1].size == 3
    assert window.values.weights.tables[1].model().columnCount() == 3
    focus = QApplication.focusWidget()
    assert focus is not None and focus.isVisible() and focus.window() is window
    qtbot.wait(20)                                  # the deferred deletions: the focus stays on a live widget
    assert QApplication.focusWidget() is focus and _alive(focus)
