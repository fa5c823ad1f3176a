"""Run, then Pause: the window keeps answering while it trains; a diverging run pauses at the last
finite state and says so; Undo still works."""
import numpy as np
from gui_drive import click_tab
from PySide6.QtCore import Qt

from backprop_lab.core.model.dataset import Dataset
from backprop_lab.core.model.network import LayerSpec, Network
from backprop_lab.core.model.project import Project
from backprop_lab.core.model.settings import Settings
from backprop_lab.core.numerics import engine


def test_the_window_answers_while_running(qtbot, window):
    s = window.session
    theta0 = s.net.theta.copy()
    run = window.controls.run_button
    qtbot.mouseClick(run, Qt.MouseButton.LeftButton)
    assert s.training_state == "running" and run.text() == "Pause"
    qtbot.waitUntil(lambda: s.step_count > 0, timeout=5000)
    seen = s.step_count
    # while it runs: click a cell of the U table, read the selected panel and the dE/dW table
    view = window.values.weights.tables[1]
    index = view.model().index(1, 1)                         # U22
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=view.visualRect(index).center())
    assert s.selection == ("W", 2, 1, 1)
    assert "U22" in window.selected.text.text()
    qtbot.waitUntil(lambda: s.step_count > seen + 100, timeout=5000)   # still training after the click
    assert s.training_state == "running"
    # the numbers on screen are those of the present state, recomputed by core
    st = engine.evaluate(s.net, s.data.X, s.data.Y)
    assert window.status.loss.text().endswith(__import__("backprop_lab.gui.numbers").gui.numbers.fmt(st.loss))
    click_tab(qtbot, window.values, 1)
    qtbot.mouseClick(run, Qt.MouseButton.LeftButton)        # Pause
    assert s.training_state == "idle" and run.text() == "Run"
    steps = s.step_count
    assert steps == len(s.trace) and window.loss_plot.points() == steps + 1    # and the present
    g = window.values.gradients.tables[1].model().index(1, 1).data(Qt.ItemDataRole.EditRole)
    assert g == engine.evaluate(s.net, s.data.X, s.data.Y).grad[s.index(("W", 2, 1, 1))]
    # the whole run is one undo step
    assert s.undo_stack.count() == 1
    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    np.testing.assert_array_equal(s.net.theta, theta0)
    assert s.step_count == 0 and len(s.trace) == 0


def test_an_edit_during_a_run_keeps_the_history_in_order(qtbot, window):
    s = window.session
    window.controls.run_button.click()
    qtbot.waitUntil(lambda: s.step_count > 50, timeout=5000)
    assert s.set_setting("lr", "0.25") is None
    assert s.undo_stack.count() == 2                # the run so far, then the new learning rate
    mark = s.step_count
    qtbot.waitUntil(lambda: s.step_count > mark, timeout=5000)
    window.controls.run_button.click()
    assert s.undo_stack.count() == 3                # run, lr, run
    assert s.undo_stack.text(1).startswith("Set lr")


def diverging_project():
    net = Network(1, [LayerSpec(1, "identity", "none"), LayerSpec(1, "identity", "none")], "half_sse",
                  theta=np.array([1.5, 2.0]))
    return Project(net, Dataset([[3.0]], [[1.0]]), Settings(lr=5.0), name="diverges")


def test_divergence_pauses_at_the_last_finite_state_and_undo_works(qtbot, make_window):
    window = make_window(diverging_project())
    s = window.session
    theta0 = s.net.theta.copy()
    window.controls.run_button.click()
    qtbot.waitUntil(lambda: s.training_state == "diverged", timeout=5000)
    assert not s.runner.running
    assert np.isfinite(s.net.theta).all()
    assert np.isfinite(s.loss)
    assert "diverged" in window.status.note.text() and "lower the learning rate" in window.status.note.text()
    assert window.status.state.text() == "diverged: paused"
    assert window.controls.run_button.text() == "Run"
    assert s.step_count == len(s.trace) > 0
    window.undo_action.trigger()
    np.testing.assert_array_equal(s.net.theta, theta0)
    assert s.step_count == 0 and s.training_state == "idle"


def test_step_n_that_diverges_keeps_the_finite_steps(qtbot, make_window):
    window = make_window(diverging_project())
    s = window.session
    window.controls.n_spin.setValue(100000)
    qtbot.mouseClick(window.controls.step_n_button, Qt.MouseButton.LeftButton)
    assert s.training_state == "diverged"
    assert 0 < s.step_count < 100000 and np.isfinite(s.net.theta).all()
    assert "diverged at step" in window.status.note.text()
    window.undo_action.trigger()
    assert s.step_count == 0
