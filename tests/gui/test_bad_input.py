"""abc, an empty field, nan, inf and 1e999 typed into any field are refused in place with a visible
reason; the old value stays and nothing is added to the history."""
import numpy as np
import pytest
from gui_drive import click_tab, type_into_cell, type_into_field
from PySide6.QtCore import Qt

BAD = {"abc": "“abc” is not a number", "": "Empty: type a number", "nan": "“nan” is not a number",
       "inf": "“inf” is too large: only finite numbers are allowed",
       "1e999": "“1e999” is too large: only finite numbers are allowed"}


def snapshot(s):
    return (s.net.theta.copy(), s.data.X.copy(), s.data.Y.copy(), s.settings.lr, s.settings.momentum,
            s.undo_stack.count())


def assert_unchanged(s, before):
    after = snapshot(s)
    for a, b in zip(before, after):
        np.testing.assert_array_equal(a, b)


@pytest.mark.parametrize("text", list(BAD))
def test_weight_cell_refuses(qtbot, window, text):
    s = window.session
    before = snapshot(s)
    view = window.values.weights.tables[1]
    editor = type_into_cell(qtbot, view, 0, 1, text)
    assert editor.isVisible()                              # the editor stays open on the cell …
    assert editor.toolTip() == BAD[text]                   # … with the reason
    assert "d32f2f" in editor.styleSheet()                 # … and a red border
    assert window.status.note.text() == BAD[text]
    assert_unchanged(s, before)
    assert view.model().index(0, 1).data() == "0.7"        # U12 keeps its value
    qtbot.keyClick(editor, Qt.Key.Key_Escape)
    assert_unchanged(s, before)


@pytest.mark.parametrize("text", list(BAD))
@pytest.mark.parametrize("column", [0, 2])               # x1 and y1
def test_data_cell_refuses(qtbot, window, text, column):
    s = window.session
    click_tab(qtbot, window.values, 3)
    before = snapshot(s)
    editor = type_into_cell(qtbot, window.values.data_tab.view, 0, column, text)
    assert editor.toolTip() == BAD[text]
    assert window.status.note.text() == BAD[text]
    assert_unchanged(s, before)


@pytest.mark.parametrize("text", list(BAD))
@pytest.mark.parametrize("field", ["lr", "momentum"])
def test_setting_field_refuses(qtbot, window, text, field):
    s = window.session
    before = snapshot(s)
    edit = getattr(window.controls, field)
    edit.setFocus()
    edit.selectAll()
    qtbot.keyClick(edit, Qt.Key.Key_Backspace)
    qtbot.keyClicks(edit, text)
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    assert edit.toolTip() == BAD[text]
    assert window.controls.reason.text() == BAD[text]
    assert window.status.note.text() == BAD[text]
    assert_unchanged(s, before)
    # leaving the field puts back the value in force
    window.values.setFocus()
    assert edit.text() == ("0.5" if field == "lr" else "0")


@pytest.mark.parametrize("text", ["0", "-1"])
def test_learning_rate_must_be_positive(qtbot, window, text):
    edit = window.controls.lr
    edit.setFocus()
    edit.selectAll()
    qtbot.keyClick(edit, Qt.Key.Key_Backspace)
    qtbot.keyClicks(edit, text)
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    assert window.session.settings.lr == 0.5
    assert edit.toolTip() == "The learning rate must be greater than 0"


def test_model_setdata_refuses_with_a_reason(window):
    m = window.values.weights.tables[0].model()
    for text, reason in BAD.items():
        assert m.setData(m.index(0, 0), text) is False
        assert m.last_error == reason
    assert window.session.undo_stack.count() == 0


def test_a_weight_that_would_make_the_loss_infinite_is_refused(qtbot, window):
    # sigmoid outputs with cross-entropy saturate; a huge finite weight with an identity output and
    # squared error overflows the loss: the edit is refused, nothing changes
    s = window.session
    from backprop_lab.core.model.network import LayerSpec
    assert s.set_architecture(2, [LayerSpec(2, "sigmoid", "none"), LayerSpec(2, "identity", "none")],
                              "half_sse") is None
    before = snapshot(s)
    editor = type_into_cell(qtbot, window.values.weights.tables[1], 0, 0, "1e200")
    assert "infinite" in editor.toolTip()
    assert_unchanged(s, before)


def test_a_weight_that_would_make_a_gradient_nan_is_refused(qtbot, window):
    """Found by the storm: the loss finite, but a saturated neuron (h1 = σ(−3e4) = 0 exactly) under a weight
    of 1e155 with a target of 1e154 makes ∂E/∂h1 overflow and its δ = −inf · 0 NaN. The one finiteness
    rule covers the backward pass: the edit is refused, naming what would not be finite."""
    s = window.session
    from backprop_lab.core.model.network import LayerSpec
    assert s.set_architecture(2, [LayerSpec(2, "sigmoid", "none"), LayerSpec(2, "identity", "none")],
                              "half_sse") is None
    for row in (0, 1):
        type_into_cell(qtbot, window.values.weights.tables[0], row, 0, "-1e5")
    click_tab(qtbot, window.values, 3)
    view = window.values.data_tab.view
    target = next(c for c in range(view.model().columnCount())
                  if view.model().headerData(c, Qt.Orientation.Horizontal) == "y1")
    type_into_cell(qtbot, view, 0, target, "1e154")
    assert s.data.Y[0, 0] == 1e154 and s.net.theta[0] == -1e5
    before = snapshot(s)
    click_tab(qtbot, window.values, 0)
    editor = type_into_cell(qtbot, window.values.weights.tables[1], 0, 0, "1e155")
    assert "∂E/∂a1[1] infinite or NaN" in editor.toolTip()
    assert_unchanged(s, before)
    assert np.isfinite(s.state.grad).all()


def test_momentum_one_is_refused_where_typed(qtbot, window):
    """The limit comes from core (FIELDS): loosening it to ≤ 1 there lets 1 through here, and this fails."""
    s, edit = window.session, window.controls.momentum
    before = snapshot(s)
    type_into_field(qtbot, edit, "1")
    reason = "The momentum must be at least 0 and less than 1"
    assert edit.toolTip() == reason and "d32f2f" in edit.styleSheet()
    assert window.controls.reason.text() == reason
    assert_unchanged(s, before)
    type_into_field(qtbot, edit, "0.99")
    assert s.settings.momentum == 0.99 and window.controls.reason.text() == ""


def test_the_controls_take_their_ranges_and_choices_from_core(window):
    from backprop_lab.core.model.settings import FIELDS
    c = window.controls
    assert (c.batch.minimum(), c.batch.maximum()) == (FIELDS["batch_size"].low, FIELDS["batch_size"].high)
    assert [c.mode.itemText(i) for i in range(c.mode.count())] == ["per sample (SGD)", "mini-batch", "full batch"]
    assert "[0, 1)" in c.momentum.toolTip()


@pytest.mark.parametrize("column", [0, 2])               # x1 and y1
def test_an_input_or_target_that_would_make_the_loss_infinite_is_refused(qtbot, window, column):
    # identity output, squared error: an input or a target of 1e200 overflows the loss; the edit is
    # refused in place, nothing changes, and the history stays as it was
    s = window.session
    from backprop_lab.core.model.network import LayerSpec
    assert s.set_architecture(2, [LayerSpec(2, "identity", "none"), LayerSpec(2, "identity", "none")],
                              "half_sse") is None
    click_tab(qtbot, window.values, 3)
    before = snapshot(s)
    editor = type_into_cell(qtbot, window.values.data_tab.view, 0, column, "1e200")
    assert "infinite" in editor.toolTip() and "infinite" in window.status.note.text()
    assert_unchanged(s, before)
    qtbot.keyClick(editor, Qt.Key.Key_Escape)
    editor = type_into_cell(qtbot, window.values.data_tab.view, 0, column, "3")
    assert s.undo_stack.count() == before[-1] + 1
    assert (s.data.X if column == 0 else s.data.Y)[0, 0] == 3.0
