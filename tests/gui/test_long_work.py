"""Long work (issue 8): Step ×N goes through the run's chunked path with progress and Cancel (the
button and Esc); the window answers meanwhile; what was done stays as one exact undo entry."""
import numpy as np
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from backprop_lab.core.io.presets import resolve
from backprop_lab.core.numerics.training import Trainer


def start_step_n(qtbot, window, n):
    window.controls.n_spin.setValue(n)
    qtbot.mouseClick(window.controls.step_n_button, Qt.MouseButton.LeftButton)


def engine_trainer(n):
    p = resolve("seed004")
    t = Trainer(p.net, p.data, p.settings)
    t.run(n)
    return t


def test_step_n_of_a_million_shows_progress_and_cancel_keeps_the_steps_as_one_undo(qtbot, window):
    s, work = window.session, window.status.work
    theta0 = s.net.theta.copy()
    start_step_n(qtbot, window, 1_000_000)
    assert s.runner.running and work.isVisible() and work.cancel_button.isVisible()
    assert not window.controls.step_n_button.isEnabled()
    qtbot.waitUntil(lambda: s.step_count >= 2000, timeout=10000)
    assert work.bar.maximum() == 1_000_000 and 0 < work.bar.value() <= s.step_count
    assert work.label.text().endswith(" of 1,000,000 steps") and work.label.text().startswith("Step ×N: ")
    # the window answers meanwhile: a click selects a weight
    view = window.values.weights.tables[1]
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton,
                     pos=view.visualRect(view.model().index(1, 1)).center())
    assert s.selection == ("W", 2, 1, 1) and s.runner.running
    qtbot.mouseClick(work.cancel_button, Qt.MouseButton.LeftButton)
    done = s.step_count
    assert not s.runner.running and s.training_state == "idle" and not work.isVisible()
    assert 2000 <= done < 1_000_000 and len(s.trace) == done
    assert f"cancelled after {done:,} of 1,000,000 steps" in window.status.note.text()
    assert window.status.step.text() == f"step {done:,}"
    # exact: the state is the engine's after `done` steps, and the steps are one undo entry
    np.testing.assert_array_equal(s.net.theta, engine_trainer(done).theta)
    assert s.undo_stack.count() == 1 and s.undo_stack.text(0).startswith(f"{done} step")
    window.undo_action.trigger()
    assert s.step_count == 0 and len(s.trace) == 0
    np.testing.assert_array_equal(s.net.theta, theta0)
    window.redo_action.trigger()
    assert s.step_count == done and window.loss_plot.points() == done


def test_esc_cancels_step_n(qtbot, window):
    s, work = window.session, window.status.work
    start_step_n(qtbot, window, 10_000_000)
    qtbot.waitUntil(lambda: s.step_count >= 500, timeout=10000)
    assert window.cancel_action.isEnabled()
    qtbot.keyClick(window, Qt.Key.Key_Escape)
    assert not s.runner.running and not work.isVisible() and not window.cancel_action.isEnabled()
    assert 500 <= s.step_count == len(s.trace) < 10_000_000 and s.undo_stack.count() == 1


def test_a_long_step_n_finishes_with_all_its_steps_as_one_undo(qtbot, window):
    s, work = window.session, window.status.work
    start_step_n(qtbot, window, 20_000)
    assert s.runner.running and work.label.text().endswith(" of 20,000 steps")
    qtbot.waitUntil(lambda: not s.runner.running, timeout=20000)
    assert s.step_count == len(s.trace) == 20_000 and not work.isVisible()
    assert s.undo_stack.count() == 1 and s.undo_stack.text(0).startswith("20000 step")
    t = engine_trainer(20_000)
    np.testing.assert_array_equal(s.net.theta, t.theta)
    assert s.trace.equals(t.history())
    assert window.loss_plot.points() == 20_000 and window.status.step.text() == "step 20,000"


def test_a_short_step_n_is_done_at_once(qtbot, window):
    s = window.session
    start_step_n(qtbot, window, 500)
    assert not s.runner.running and s.step_count == 500 and not window.status.work.isVisible()
    QApplication.processEvents()
