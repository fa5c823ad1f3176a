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
    assert s.step_count == done and window.loss_plot.points() == done + 1      # and the present


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
    assert window.loss_plot.points() == 20_000 + 1 and window.status.step.text() == "step 20,000"


def test_a_short_step_n_is_done_at_once(qtbot, window):
    s = window.session
    start_step_n(qtbot, window, 500)
    assert not s.runner.running and s.step_count == 500 and not window.status.work.isVisible()
    QApplication.processEvents()


def test_the_window_says_when_the_history_nears_its_budget_and_when_it_thins(qtbot, make_window, monkeypatch):
    from backprop_lab.core.numerics import budget, kept_losses
    monkeypatch.setattr(kept_losses, "BLOCK", 256)
    monkeypatch.setattr(budget, "MEMORY_BUDGET", int(4000 * budget.window_step_bytes(resolve("seed004").net)
                                                     / budget.WINDOW_SHARE) + 1)
    window = make_window()
    s, plot, note = window.session, window.loss_plot, window.status.note
    assert s.trace.limit == 4000
    start_step_n(qtbot, window, 3300)                # 82 % of the limit: said before it is hit
    qtbot.waitUntil(lambda: not s.runner.running, timeout=20000)
    assert "near its memory budget" in note.text() and "past 4,000 steps" in note.text()
    assert plot.points() == 3300 + 1 and s.trace.thinned == 0      # and the present
    start_step_n(qtbot, window, 20_000)
    qtbot.waitUntil(lambda: not s.runner.running, timeout=30000)
    assert s.step_count == len(s.trace) == 23_300 and s.trace.thinned > 0     # never stopped
    assert "keeps the loss of every step from step" in note.text()
    assert f"one step in {s.trace.stride():,} or more before it" in note.text()
    x, y = plot.cache.total()
    assert plot.points() == s.trace.kept + 1 <= 4001 and x[-1] == 23_299 and x[0] == 0
    np.testing.assert_array_equal(y, engine_trainer(23_300).history().losses()[x.astype(int)])
    # look-back far into the thinned part still shows that step's weights
    s.view_step(1001)
    np.testing.assert_array_equal(s.shown_net.theta, engine_trainer(1001).theta)
    s.return_to_present()
    kept = s.trace.kept
    window.undo_action.trigger()              # what was kept of the first 3,300 steps stays thinned
    assert s.step_count == 3300 and plot.points() - 1 == s.trace.kept == len(s.trace.kept_rows()[0]) >= 1
    window.redo_action.trigger()
    assert s.step_count == 23_300 and plot.points() - 1 == s.trace.kept == kept
