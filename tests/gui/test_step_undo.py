"""Step, Step ×N and Undo, clicked and typed as a learner does."""
import numpy as np
from PySide6.QtCore import Qt

from backprop_lab.core.numerics import engine
from backprop_lab.core.numerics.training import Trainer


def test_step_moves_each_weight_by_minus_lr_times_gradient_and_ctrl_z_restores(qtbot, window):
    s, plot = window.session, window.loss_plot
    theta0 = s.net.theta.copy()
    st = engine.evaluate(s.net, s.data.X, s.data.Y)
    assert plot.points() == 0

    qtbot.mouseClick(window.controls.step_button, Qt.MouseButton.LeftButton)

    assert plot.points() == 2                  # the state before the step and the state after it
    assert s.step_count == 1 and len(s.trace) == 1
    np.testing.assert_array_equal(s.net.theta, theta0 - 0.5 * st.grad)      # exactly, every weight
    assert s.net.theta[s.index(("W", 2, 0, 0))] == 0.4370385721981763      # seed 004: U11+ = 0.43703857
    assert window.status.step.text().endswith("1")
    # the weights table shows the stepped values
    m = window.values.weights.tables[1].model()
    assert m.index(0, 0).data(Qt.ItemDataRole.EditRole) == s.net.theta[s.index(("W", 2, 0, 0))]

    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    np.testing.assert_array_equal(s.net.theta, theta0)
    assert s.step_count == 0 and len(s.trace) == 0 and plot.points() == 0
    assert m.index(0, 0).data(Qt.ItemDataRole.EditRole) == 0.45

    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    np.testing.assert_array_equal(s.net.theta, theta0 - 0.5 * st.grad)
    assert plot.points() == 2


def test_step_n_is_one_undo_and_redo_gives_the_same_trace(qtbot, window):
    s = window.session
    theta0 = s.net.theta.copy()
    window.controls.n_spin.setValue(250)
    qtbot.mouseClick(window.controls.step_n_button, Qt.MouseButton.LeftButton)
    assert s.step_count == 250 and window.loss_plot.points() == 250 + 1
    after, trace = s.net.theta.copy(), s.trace.copy()
    assert s.undo_stack.count() == 1
    window.undo_action.trigger()
    np.testing.assert_array_equal(s.net.theta, theta0)
    assert len(s.trace) == 0 and s.step_count == 0
    window.redo_action.trigger()
    np.testing.assert_array_equal(s.net.theta, after)
    assert s.trace.equals(trace)


def test_momentum_step_shows_and_applies_the_velocity(qtbot, window):
    s = window.session
    edit = window.controls.momentum
    edit.setFocus()
    edit.selectAll()
    qtbot.keyClicks(edit, "0.5")
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    assert s.settings.momentum == 0.5
    for _ in range(3):
        qtbot.mouseClick(window.controls.step_button, Qt.MouseButton.LeftButton)
    # the same three steps taken by core alone
    from backprop_lab.core.io.presets import resolve
    p = resolve("seed004")
    p.settings.momentum = 0.5
    t = Trainer(p.net, p.data, p.settings)
    t.run(3)
    np.testing.assert_array_equal(s.net.theta, p.net.theta)
    np.testing.assert_array_equal(s.trainer.velocity, t.velocity)
    u = s.next_update(("W", 2, 0, 0))
    assert "v ← μ·v" in window.selected.text.text()
    qtbot.mouseClick(window.controls.step_button, Qt.MouseButton.LeftButton)
    assert s.net.theta[s.index(("W", 2, 0, 0))] == u["new"]
    # Undo of the step restores the velocity too
    window.undo_action.trigger()
    np.testing.assert_array_equal(s.trainer.velocity, t.velocity)
