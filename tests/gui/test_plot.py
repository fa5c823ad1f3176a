"""The loss plot: one point per step, hover shows step and value, clicking a point shows the network
as it was (read-only) until Return to present or Branch from here; kept runs overlay for comparison."""
import numpy as np
from PySide6.QtCore import QPointF, Qt
from PySide6.QtWidgets import QApplication

from backprop_lab.core.numerics import engine
from backprop_lab.gui.numbers import fmt


def point_on_screen(window, step):
    panel = window.loss_plot
    x, y = panel.cache.total()
    scene = panel.item.vb.mapViewToScene(QPointF(x[step], y[step]))
    return panel.plot.mapFromScene(scene)


def click_point(qtbot, window, step):
    pos = point_on_screen(window, step)
    qtbot.mouseMove(window.loss_plot.plot.viewport(), pos)
    qtbot.mouseClick(window.loss_plot.plot.viewport(), Qt.MouseButton.LeftButton, pos=pos)


def run_steps(qtbot, window, n):
    window.controls.n_spin.setValue(n)
    qtbot.mouseClick(window.controls.step_n_button, Qt.MouseButton.LeftButton)
    window.loss_plot.item.vb.autoRange()
    qtbot.wait(1)


def test_hover_click_view_the_past_and_return(qtbot, window):
    s, panel = window.session, window.loss_plot
    run_steps(qtbot, window, 20)
    theta_now = s.net.theta.copy()
    pos = point_on_screen(window, 5)
    qtbot.mouseMove(panel.plot.viewport(), pos)
    panel._moved(panel.plot.mapToScene(pos))     # offscreen: deliver the hover the scene would see
    assert panel.hover.shown and panel.hover.curve is panel.total
    assert panel.hover.text.textItem.toPlainText() == f"step 5\nE = {fmt(s.trace.column('loss')[5])}"

    click_point(qtbot, window, 5)
    assert s.viewing_step == 5
    past = s.trace.theta_at(5, s.net)
    U11 = ("W", 2, 0, 0)
    assert s.value(U11) == past[s.index(U11)]
    assert window.values.weights.tables[1].model().index(0, 0).data(Qt.ItemDataRole.EditRole) == past[s.index(U11)]
    probe = s.net.copy()
    probe.theta[...] = past
    assert window.status.loss.text().endswith(fmt(engine.evaluate(probe, s.data.X, s.data.Y).loss))
    assert window.status.state.text() == "viewing step 5"
    assert panel.present_button.isVisible() and panel.branch_button.isVisible()
    # read-only: an edit is refused and says why
    assert "read-only" in s.edit_param(U11, "0.1")
    np.testing.assert_array_equal(s.net.theta, theta_now)

    qtbot.mouseClick(panel.present_button, Qt.MouseButton.LeftButton)
    assert s.viewing_step is None and not panel.present_button.isVisible()
    assert s.value(U11) == theta_now[s.index(U11)]


def test_branch_from_a_past_step_cuts_the_trace_and_trains_on(qtbot, window):
    s, panel = window.session, window.loss_plot
    run_steps(qtbot, window, 20)
    trace_before = s.trace.copy()
    click_point(qtbot, window, 8)
    assert s.viewing_step == 8
    qtbot.mouseClick(panel.branch_button, Qt.MouseButton.LeftButton)
    assert s.viewing_step is None and s.step_count == 8 and len(s.trace) == 8
    np.testing.assert_array_equal(s.net.theta, trace_before.theta_at(8, s.net))
    assert panel.points() == 8 + 1              # the recorded steps and the present
    s.set_setting("lr", 2.0)
    qtbot.mouseClick(window.controls.step_button, Qt.MouseButton.LeftButton)
    assert s.step_count == 9 and panel.points() == 9 + 1
    # undo the step, the learning rate and the branch: the old 20 steps are back
    for _ in range(3):
        window.undo_action.trigger()
    assert len(s.trace) == 20 and s.trace.equals(trace_before)
    assert panel.points() == 20 + 1


def test_keep_a_run_and_compare_with_momentum(qtbot, window):
    s, panel = window.session, window.loss_plot
    run_steps(qtbot, window, 50)
    plain = np.append(s.trace.column("loss"), s.loss)        # the steps' losses and the present's
    qtbot.mouseClick(panel.keep_button, Qt.MouseButton.LeftButton)
    assert s.step_count == 0 and len(panel.kept) == 1
    s.set_setting("momentum", 0.5)
    run_steps(qtbot, window, 50)
    np.testing.assert_array_equal(panel.kept[0].getData()[1], plain)
    names = [label.text for _sample, label in panel.legend.items]
    assert names == ["E (all samples)", "η 0.5, μ 0, per sample"]
    assert not np.array_equal(panel.total.getData()[1], plain)    # momentum moved differently
    qtbot.mouseClick(panel.clear_button, Qt.MouseButton.LeftButton)
    assert panel.kept == [] and len(panel.legend.items) == 1


def test_several_samples_get_one_curve_each_and_a_whole_set_curve(qtbot, window):
    s, panel = window.session, window.loss_plot
    s.add_sample([0.3, 0.9], [0.1, 0.9])
    run_steps(qtbot, window, 10)
    assert len(panel.sample_curves) == 2
    xs, ys = panel.sample_curves[1].getData()
    np.testing.assert_array_equal(xs, [1, 3, 5, 7, 9])
    np.testing.assert_array_equal(ys, s.trace.column("loss")[1::2])
    # the whole-set curve: core's loss of all samples at each recorded state
    x, y = panel.cache.total()
    probe = s.net.copy()
    probe.theta[...] = s.trace.theta_at(4, s.net)
    assert y[list(x).index(4)] == engine.loss_at(probe, s.data.X, s.data.Y)


def test_plot_draws_a_million_points_with_peak_downsampling(qtbot, window):
    pi = window.loss_plot.item
    assert pi.ctrl.downsampleCheck.isChecked() and pi.ctrl.autoDownsampleCheck.isChecked()
    assert pi.ctrl.peakRadio.isChecked() and pi.ctrl.clipToViewCheck.isChecked()
    curve = window.loss_plot.total
    assert curve.opts["autoDownsample"] and curve.opts["clipToView"] and curve.opts["downsampleMethod"] == "peak"


def test_looking_back_does_not_squeeze_the_docks(qtbot, window):
    """The past-step hint under the plot wraps; it must not widen the centre and crush the side docks."""
    s, panel = window.session, window.loss_plot
    run_steps(qtbot, window, 50)
    docks = [window.teaching_dock, window.values_dock, window.left_dock]
    before = [d.width() for d in docks]
    click_point(qtbot, window, 5)
    qtbot.waitUntil(lambda: s.viewing_step == 5)
    QApplication.processEvents()
    assert panel.present_button.isVisible() and not panel.keep_button.isVisible()
    assert [d.width() for d in docks] == before
