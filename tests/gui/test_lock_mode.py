"""Lock mode for the teacher (Edit → Teacher): a locked number refuses every edit with a message where it
was typed — the diagram's editor and drag, the weight and data tables — and the Selected panel says it
is locked; and the answers of every exercise can be hidden in every view, tables included, while the
exercises are open. Driven through the menu, the mouse and the keyboard."""
import numpy as np
import pytest
from gui_drive import click_tab, type_into_cell
from PySide6.QtCore import Qt
from test_diagram import centre_of, double_click, drag
from test_exercise_hides import choose, neuron_cell, neuron_text

from backprop_lab.gui.diagram.tooltips import param_tooltip
from backprop_lab.gui.hidden import HIDDEN
from backprop_lab.gui.panels.model_base import READ_ONLY

U11 = ("W", 2, 0, 0)
LOCKED = "U11 is locked: the teacher fixed this number"


def snapshot(s):
    return s.net.theta.copy(), s.data.X.copy(), s.data.Y.copy(), s.undo_stack.count()


def unchanged(s, before):
    return all(np.array_equal(a, b) for a, b in zip(before, snapshot(s)))


@pytest.fixture
def locked_u11(window):
    s = window.session
    s.select(U11)
    menu = window.teacher_menu
    assert menu.lock_action.text() == "&Lock U11"
    menu.lock_action.trigger()                                # Edit → Teacher → Lock U11
    assert s.view.locked == {U11} and menu.lock_action.text() == "Un&lock U11"
    return window


def test_a_locked_weight_refuses_typing_and_dragging_in_the_diagram(qtbot, locked_u11):
    w = locked_u11
    s, view = w.session, w.diagram
    before = snapshot(s)
    label = view.diagram.edges[U11].label
    double_click(view, centre_of(view, label))
    editor = view.editor
    editor.line.selectAll()
    qtbot.keyClicks(editor.line, "0.9")
    qtbot.keyClick(editor.line, Qt.Key.Key_Return)
    assert view.editor is editor and editor.error_text == LOCKED     # said in the editor, which stays
    assert w.status.note.text() == LOCKED
    qtbot.keyClick(editor.line, Qt.Key.Key_Escape)
    drag(view, centre_of(view, label), 40)
    assert view.note.isVisible() and view.note.text() == LOCKED      # said beside the dragged number
    assert unchanged(s, before) and label.text == "0.450"
    assert "locked by the teacher: it cannot be changed" in param_tooltip(s, U11).splitlines()
    assert label.locked and not view.diagram.edges[("W", 2, 1, 0)].label.locked    # drawn grey and dashed
    # another weight is not locked
    other = view.diagram.edges[("W", 2, 1, 0)].label
    drag(view, centre_of(view, other), 40)
    assert s.net.W[1][1, 0] != before[0][s.index(("W", 2, 1, 0))]


def test_a_locked_weight_refuses_typing_in_the_table_and_selected_says_so(qtbot, locked_u11):
    w = locked_u11
    s = w.session
    before = snapshot(s)
    table = w.values.weights.tables[1]                       # U: rows h1, h2; columns o1, o2
    s.select(("W", 2, 1, 1))
    assert table.model().index(0, 0).data(Qt.ItemDataRole.BackgroundRole) == READ_ONLY    # marked as locked
    assert table.model().index(0, 1).data(Qt.ItemDataRole.BackgroundRole) is None
    s.select(U11)
    editor = type_into_cell(qtbot, table, 0, 0, "0.9")
    assert editor.isVisible() and editor.toolTip() == LOCKED
    qtbot.keyClick(editor, Qt.Key.Key_Escape)
    assert unchanged(s, before)
    assert "locked by the teacher" in w.selected.text.text()
    editor = type_into_cell(qtbot, table, 0, 1, "0.9")      # U12 is not locked
    assert s.net.W[1][0, 1] == 0.9
    w.teacher_menu.unlock_action.trigger()                   # Edit → Teacher → Unlock every number
    type_into_cell(qtbot, table, 0, 0, "0.5")
    assert s.net.W[1][0, 0] == 0.5 and "locked" not in w.selected.text.text()


def test_every_given_number_locked_refuses_inputs_targets_and_a_new_shape(qtbot, window):
    s = window.session
    window.teacher_menu.lock_all_action.trigger()             # Edit → Teacher → Lock every given number
    scene = window.diagram.diagram
    assert all(item.locked for _key, item in scene.lockable())
    before = snapshot(s)
    click_tab(qtbot, window.values, 3)
    for column, name in ((0, "x1"), (2, "y1")):
        editor = type_into_cell(qtbot, window.values.data_tab.view, 0, column, "0.3")
        assert editor.toolTip() == f"{name} is locked: the teacher fixed this number"
        qtbot.keyClick(editor, Qt.Key.Key_Escape)
    x1 = window.diagram.diagram.neurons[("n", 0, 0)].number
    drag(window.diagram, centre_of(window.diagram, x1), 30)
    assert window.diagram.note.text() == "x1 is locked: the teacher fixed this number"
    err = s.set_architecture(2, s.net.layers, s.net.loss, seed=1)
    assert err and "locked" in err
    assert unchanged(s, before)


def test_the_teacher_hides_every_answer_while_the_exercises_are_open(qtbot, window):
    w = window
    s = w.session
    w.teacher_menu.hide_action.trigger()                     # Edit → Teacher → Hide the answers
    assert s.view.hide_answers
    click_tab(qtbot, w.teaching, 2)
    ex = w.teaching.widget(2)
    choose(qtbot, ex, "h1")
    grads = w.values.gradients.tables[1].model()
    data = w.values.data_tab.model
    # not only the asked h1: o1 (another exercise), its gradient and the outputs in the data table
    assert neuron_text(w, 1, 0) == HIDDEN and neuron_text(w, 2, 0) == HIDDEN
    assert neuron_cell(w, 2, 0, "a") == HIDDEN and neuron_cell(w, 1, 0, "z") == HIDDEN
    assert grads.data(grads.index(0, 0)) == HIDDEN
    assert data.data(data.index(0, 4)) == HIDDEN              # o1 of sample 1 (columns x1 x2 y1 y2 o1 o2 E)
    assert data.data(data.index(0, 0)) == "0.1"               # a given number stays
    assert w.status.loss.text().endswith(HIDDEN)
    click_tab(qtbot, w.teaching, 0)                          # the exercises closed: every number again
    assert not s.hidden and neuron_text(w, 2, 0) == "0.609" and data.data(data.index(0, 4)) != HIDDEN
    click_tab(qtbot, w.teaching, 2)
    w.teacher_menu.hide_action.trigger()                     # off: only the asked number stays hidden
    assert neuron_text(w, 1, 0) == HIDDEN and neuron_text(w, 2, 0) == "0.609"
    assert grads.data(grads.index(0, 0)) != HIDDEN
