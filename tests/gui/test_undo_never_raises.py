"""Undo and redo never raise out of a QUndoCommand (inside QUndoStack that kills the process): a run's
undo step is exact even when the shape changed during the run (issue 8's Ctrl+Z crash), and a command
that fails anyway is reported in the status bar and leaves the history and the views consistent."""
import numpy as np
from PySide6.QtCore import Qt

from backprop_lab.core.io import presets

CTRL_Z = (Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
CTRL_SHIFT_Z = (Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)


def click(qtbot, button):
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def test_run_add_a_hidden_layer_pause_then_ctrl_z_undoes_the_run_on_the_new_shape(qtbot, make_window):
    window = make_window(presets.resolve("xor"))
    s, plot = window.session, window.loss_plot
    depth = s.net.depth
    click(qtbot, window.controls.run_button)
    qtbot.waitUntil(lambda: s.step_count > 100, timeout=5000)
    click(qtbot, window.architecture.add_button)
    assert s.net.depth == depth + 1 and s.runner.running
    qtbot.waitUntil(lambda: s.step_count > 50, timeout=5000)
    click(qtbot, window.controls.run_button)                    # pause
    assert not s.runner.running
    first_run = s.undo_stack.command(0).text()
    new_shape_theta, steps_after = s.start_theta.copy(), s.step_count
    assert s.undo_stack.count() == 3 and "step" in s.undo_stack.text(2)

    qtbot.keyClick(window, *CTRL_Z)                              # the run on the new shape
    assert s.net.depth == depth + 1 and s.step_count == 0 and len(s.trace) == 0
    np.testing.assert_array_equal(s.net.theta, new_shape_theta)
    assert plot.points() == 0 and window.status.step.text().endswith(" 0")
    qtbot.keyClick(window, *CTRL_Z)                              # the new layer
    assert s.net.depth == depth and s.step_count == len(s.trace) == int(first_run.split()[0])
    assert 0 < plot.points() <= s.step_count + 1
    qtbot.keyClick(window, *CTRL_Z)                              # the first run
    assert s.step_count == 0 and s.undo_stack.index() == 0
    for _ in range(3):
        qtbot.keyClick(window, *CTRL_SHIFT_Z)
    assert s.net.depth == depth + 1 and s.step_count == steps_after == len(s.trace)
    assert "Could not apply" not in window.status.note.text()


def test_a_command_that_raises_in_undo_is_reported_and_dropped(qtbot, window, monkeypatch):
    from gui_drive import type_into_cell
    s = window.session
    view = window.values.weights.tables[1]
    type_into_cell(qtbot, view, 0, 0, "0.5")
    qtbot.mouseClick(window.controls.step_button, Qt.MouseButton.LeftButton)
    assert s.undo_stack.count() == 2 and s.value(("W", 2, 0, 0)) != 0.45

    def boom(*args):
        raise RuntimeError("boom")

    qtbot.keyClick(window, *CTRL_Z)                              # the step: fine
    assert s.value(("W", 2, 0, 0)) == 0.5
    monkeypatch.setattr(s.model, "set_param", boom)
    qtbot.keyClick(window, *CTRL_Z)                              # the edit: its body raises
    assert "Could not apply" in window.status.note.text() and "boom" in window.status.note.text()
    # the failed command is gone from the history; the table shows what the model holds
    assert s.undo_stack.count() == 1 and s.undo_stack.index() == 0
    assert s.value(("W", 2, 0, 0)) == 0.5
    view = window.values.weights.tables[1]                       # rebuilt: anything may have changed
    assert view.model().index(0, 0).data(Qt.ItemDataRole.EditRole) == 0.5
    monkeypatch.undo()
    qtbot.keyClick(window, *CTRL_SHIFT_Z)                         # the step again, from here
    assert s.step_count == 1 and s.training_state == "idle"
