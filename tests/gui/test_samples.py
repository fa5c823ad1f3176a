"""The data set table and the sample picker: add and remove samples (undoable), and choose which
sample the tables and derivatives show."""
import numpy as np
from gui_drive import click_tab, type_into_cell
from PySide6.QtCore import Qt

from backprop_lab.core.numerics import engine


def test_add_edit_remove_sample_and_pick_it(qtbot, window):
    s = window.session
    click_tab(qtbot, window.values, 3)
    tab = window.values.data_tab
    qtbot.mouseClick(tab.add, Qt.MouseButton.LeftButton)
    assert len(s.data) == 2 and tab.model.rowCount() == 2
    type_into_cell(qtbot, tab.view, 1, 0, "0.9")
    type_into_cell(qtbot, tab.view, 1, 2, "1")
    np.testing.assert_array_equal(s.data.X[1], [0.9, 0.0])
    np.testing.assert_array_equal(s.data.Y[1], [1.0, 0.0])
    # the read-only output and loss columns are core's for each sample
    st = engine.evaluate(s.net, s.data.X, s.data.Y)
    assert tab.model.index(1, 4).data(Qt.ItemDataRole.EditRole) == st.acts[-1][1, 0]
    assert tab.model.index(1, 6).data(Qt.ItemDataRole.EditRole) == st.losses[1]
    assert not (tab.model.flags(tab.model.index(1, 4)) & Qt.ItemFlag.ItemIsEditable)
    # the picker: show sample 2, then the next update's samples
    picker = window.sample_picker
    assert picker.count() == 3
    picker.setCurrentIndex(2)
    picker.activated.emit(2)
    assert s.shown_sample == 1
    np.testing.assert_array_equal(s.state.x, [[0.9, 0.0]])
    m = window.values.neurons.model()
    assert m.index(0, 1).data(Qt.ItemDataRole.EditRole) == 0.9
    # full batch: the next update averages both samples, the panel says so
    s.set_setting("mode", "batch")
    picker.setCurrentIndex(0)
    picker.activated.emit(0)
    assert picker.itemText(0) == "next update: all 2 samples (mean)"
    assert "mean over 2 samples" in window.selected.text.text()
    # remove sample 2 (selected row), then undo everything back to one sample
    tab.view.setCurrentIndex(tab.model.index(1, 0))
    qtbot.mouseClick(tab.remove, Qt.MouseButton.LeftButton)
    assert len(s.data) == 1
    while s.undo_stack.canUndo():
        window.undo_action.trigger()
    assert len(s.data) == 1 and tab.model.rowCount() == 1 and s.settings.mode == "sample"


def test_the_last_sample_cannot_be_removed(qtbot, window):
    click_tab(qtbot, window.values, 3)
    qtbot.mouseClick(window.values.data_tab.remove, Qt.MouseButton.LeftButton)
    assert len(window.session.data) == 1
    assert window.status.note.text() == "The data set needs at least one sample"
