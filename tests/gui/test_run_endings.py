"""A run's undo entry is exact however the run ends (issue 8): paused, closed by an edit mid-run,
by a shape change mid-run, followed by Reset, cancelled or finished as Step ×N with an edit or a shape
change in the middle. Every state undo and redo give back is the engine's, trained the same way."""
import numpy as np
from PySide6.QtCore import Qt

from backprop_lab.core.io.presets import resolve
from backprop_lab.core.numerics.training import Trainer


def click(qtbot, button):
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def engine(*legs):
    """θ after training seed 004 leg by leg: (steps, {setting: value} changed before the leg)."""
    p = resolve("seed004")
    t = Trainer(p.net, p.data, p.settings)
    for n, changes in legs:
        for name, value in changes.items():
            setattr(t.settings, name, value)
        t.run(n)
    return t.theta.copy()


def type_lr(qtbot, window, text):
    edit = window.controls.lr
    edit.setFocus()
    edit.selectAll()
    qtbot.keyClicks(edit, text)
    qtbot.keyClick(edit, Qt.Key.Key_Return)


def test_an_edit_mid_run_splits_it_into_exact_entries(qtbot, window):
    s = window.session
    theta0 = s.net.theta.copy()
    click(qtbot, window.controls.run_button)
    qtbot.waitUntil(lambda: s.step_count > 200, timeout=10000)
    type_lr(qtbot, window, "0.25")                       # mid-run: the run so far is closed first
    n1 = int(s.undo_stack.text(0).split()[0])
    qtbot.waitUntil(lambda: s.step_count > n1 + 200, timeout=10000)
    click(qtbot, window.controls.run_button)              # pause
    n2 = s.step_count - n1
    assert s.undo_stack.count() == 3 and s.settings.lr == 0.25
    final = engine((n1, {}), (n2, {"lr": 0.25}))
    np.testing.assert_array_equal(s.net.theta, final)
    window.undo_action.trigger()                          # the second leg
    assert s.step_count == len(s.trace) == n1 and s.settings.lr == 0.25
    np.testing.assert_array_equal(s.net.theta, engine((n1, {})))
    window.undo_action.trigger()                          # the learning rate
    assert s.settings.lr == 0.5 and window.controls.lr.text() == "0.5"
    window.undo_action.trigger()                          # the first leg
    assert s.step_count == len(s.trace) == 0 and window.status.step.text() == "step 0"
    np.testing.assert_array_equal(s.net.theta, theta0)
    for _ in range(3):
        window.redo_action.trigger()
    np.testing.assert_array_equal(s.net.theta, final)
    assert s.step_count == n1 + n2 and window.loss_plot.points() == n1 + n2 + 1      # and the present


def test_run_pause_reset_run_pause_undoes_exactly(qtbot, window):
    s = window.session
    click(qtbot, window.controls.run_button)
    qtbot.waitUntil(lambda: s.step_count > 300, timeout=10000)
    click(qtbot, window.controls.run_button)
    n1 = s.step_count
    click(qtbot, window.controls.reset_button)
    assert s.step_count == len(s.trace) == 0 and window.loss_plot.points() == 0
    click(qtbot, window.controls.run_button)
    qtbot.waitUntil(lambda: s.step_count > 100, timeout=10000)
    click(qtbot, window.controls.run_button)
    n2 = s.step_count
    np.testing.assert_array_equal(s.net.theta, engine((n2, {})))
    assert s.undo_stack.count() == 3
    window.undo_action.trigger()                          # the run after the reset
    assert s.step_count == len(s.trace) == 0
    window.undo_action.trigger()                          # the reset
    assert s.step_count == len(s.trace) == n1 and window.loss_plot.points() == n1 + 1
    np.testing.assert_array_equal(s.net.theta, engine((n1, {})))
    window.redo_action.trigger()
    window.redo_action.trigger()
    assert s.step_count == n2
    np.testing.assert_array_equal(s.net.theta, engine((n2, {})))


def test_an_edit_during_step_n_keeps_both_parts_exact(qtbot, window):
    s = window.session
    window.controls.n_spin.setValue(30_000)
    click(qtbot, window.controls.step_n_button)
    qtbot.waitUntil(lambda: s.step_count > 500, timeout=10000)
    type_lr(qtbot, window, "0.25")                       # the long work goes on after the edit
    n1 = int(s.undo_stack.text(0).split()[0])
    assert s.runner.running and window.status.work.isVisible()
    qtbot.waitUntil(lambda: not s.runner.running, timeout=60000)
    assert s.step_count == 30_000 and s.undo_stack.count() == 3
    np.testing.assert_array_equal(s.net.theta, engine((n1, {}), (30_000 - n1, {"lr": 0.25})))
    window.undo_action.trigger()
    window.undo_action.trigger()
    np.testing.assert_array_equal(s.net.theta, engine((n1, {})))
    assert s.step_count == n1 and s.settings.lr == 0.5


def test_a_shape_change_during_step_n_then_cancel_undoes_exactly(qtbot, window):
    s = window.session
    theta0, depth = s.net.theta.copy(), s.net.depth
    window.controls.n_spin.setValue(1_000_000)
    click(qtbot, window.controls.step_n_button)
    qtbot.waitUntil(lambda: s.step_count > 500, timeout=10000)
    click(qtbot, window.architecture.add_button)         # a new network mid-way: a new trainer
    n1 = int(s.undo_stack.text(0).split()[0])
    new_theta = s.start_theta.copy()
    assert s.net.depth == depth + 1 and s.runner.running
    qtbot.waitUntil(lambda: s.step_count > 300, timeout=10000)
    qtbot.keyClick(window, Qt.Key.Key_Escape)
    n2 = s.step_count
    assert not s.runner.running and s.undo_stack.count() == 3
    assert f"cancelled after {n1 + n2:,} of 1,000,000 steps" in window.status.note.text()
    window.undo_action.trigger()                          # the steps on the new shape
    assert s.step_count == len(s.trace) == 0 and s.net.depth == depth + 1
    np.testing.assert_array_equal(s.net.theta, new_theta)
    window.undo_action.trigger()                          # the new layer
    assert s.net.depth == depth and s.step_count == len(s.trace) == n1
    np.testing.assert_array_equal(s.net.theta, engine((n1, {})))
    window.undo_action.trigger()
    np.testing.assert_array_equal(s.net.theta, theta0)
    assert "Could not apply" not in window.status.note.text()
