"""The loss plot always fits what it shows: after Step, Run → Pause → Reset → Step ×N, File → Open, a
branch, the log toggles and a change of language the view range holds every point of every curve, and
the curve ends at the present step (the status bar's step and loss)."""
import numpy as np
from pyqtgraph import Point
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QFileDialog

from backprop_lab.core.io import document, presets
from backprop_lab.gui.language import current as current_language
from backprop_lab.gui.numbers import fmt


def shown(panel):
    """Paint the plot as a person would see it (pyqtgraph fits its range when it paints)."""
    QApplication.processEvents()
    panel.plot.grab()
    return panel.item.vb.viewRange()


def assert_fits(panel):
    (x0, x1), (y0, y1) = shown(panel)
    log_x, log_y = panel.item.ctrl.logXCheck.isChecked(), panel.item.ctrl.logYCheck.isChecked()
    curves = [c for c in [panel.total, *panel.sample_curves, *panel.kept] if c.isVisible()]
    assert curves
    for curve in curves:
        x, y = data(curve)
        assert len(x)
        if log_x:
            y, x = y[x > 0], np.log10(x[x > 0])
        if log_y:
            x, y = x[y > 0], np.log10(y[y > 0])
        assert x0 <= x.min() and x.max() <= x1, (curve.name(), (x0, x1), (x.min(), x.max()))
        assert y0 <= y.min() and y.max() <= y1, (curve.name(), (y0, y1), (y.min(), y.max()))
    # and the curve fills the view rather than sitting in a corner of it
    x, _ = data(panel.total)
    span = np.log10(x[-1]) - np.log10(max(x[0], 1)) if log_x else x[-1] - x[0]
    assert span >= 0.5 * (x1 - x0)


def data(curve):
    """A curve's whole data (getData() is what is drawn: clipped to the view and downsampled)."""
    if curve.xData is None:
        return np.array([]), np.array([])
    return curve.xData, curve.yData


def ends_at_present(window):
    s, panel = window.session, window.loss_plot
    x, y = data(panel.total)
    assert x[-1] == s.step_count
    assert window.status.loss.text().endswith(fmt(y[-1]))


def step_n(qtbot, window, n):
    window.controls.n_spin.setValue(n)
    qtbot.mouseClick(window.controls.step_n_button, Qt.MouseButton.LeftButton)
    # a long Step ×N goes in pieces (long work): the plot is checked once it is done
    qtbot.waitUntil(lambda: not window.session.runner.running, timeout=60000)


def test_the_first_step_shows_both_points(qtbot, window):
    panel = window.loss_plot
    assert panel.empty.isVisible() and len(data(panel.total)[0]) == 0
    qtbot.mouseClick(window.controls.step_button, Qt.MouseButton.LeftButton)
    x, _y = data(panel.total)
    np.testing.assert_array_equal(x, [0, 1])
    assert not panel.empty.isVisible()
    ends_at_present(window)
    assert_fits(panel)


def test_run_pause_reset_then_steps_fit(qtbot, window):
    s, panel = window.session, window.loss_plot
    window.controls.run_button.click()
    qtbot.waitUntil(lambda: s.step_count > 3000, timeout=20000)
    window.controls.run_button.click()
    assert_fits(panel)
    ends_at_present(window)
    qtbot.mouseClick(window.controls.reset_button, Qt.MouseButton.LeftButton)
    assert s.step_count == 0
    step_n(qtbot, window, 20)
    assert_fits(panel)
    ends_at_present(window)
    (x0, x1), _ = shown(panel)
    assert x1 - x0 < 40                    # not the old run's 0…3000+


def test_open_a_file_fits(qtbot, window, tmp_path, monkeypatch):
    s, panel = window.session, window.loss_plot
    step_n(qtbot, window, 2000)
    path = tmp_path / "xor.json"
    document.save(presets.resolve("xor"), str(path))
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(path), ""))
    s.undo_stack.setClean()
    window.files.open.trigger()
    assert s.step_count == 0
    step_n(qtbot, window, 30)
    assert_fits(panel)
    ends_at_present(window)


def test_log_toggles_fit(qtbot, window):
    panel = window.loss_plot
    step_n(qtbot, window, 500)
    for _twice in range(2):
        for box in (panel.log_box, panel.log_x_box):
            was = box.isChecked()
            qtbot.mouseClick(box, Qt.MouseButton.LeftButton)
            assert box.isChecked() != was
            assert_fits(panel)
            step_n(qtbot, window, 50)
            assert_fits(panel)


def test_branch_fits_and_ends_at_the_branch(qtbot, window):
    s, panel = window.session, window.loss_plot
    step_n(qtbot, window, 400)
    s.view_step(10)
    qtbot.mouseClick(panel.branch_button, Qt.MouseButton.LeftButton)
    assert s.step_count == 10
    assert_fits(panel)
    ends_at_present(window)
    (x0, x1), _ = shown(panel)
    assert x1 < 40


def test_language_change_fits(qtbot, window):
    panel = window.loss_plot
    step_n(qtbot, window, 300)
    try:
        window.language_actions["ko"].trigger()
        assert current_language().code == "ko"
        assert_fits(panel)
        step_n(qtbot, window, 30)
        assert_fits(panel)
    finally:
        window.language_actions["en"].trigger()
    assert_fits(panel)


def test_a_fast_run_then_reset_and_a_few_steps_fit(qtbot, window):
    """Run as fast as it goes well past 10,000 steps: after Pause, Reset and Step ×20 the x-axis is the new
    curve's, not the run's 0…60,000 (nor −30,000…30,000 around a single point)."""
    s, panel = window.session, window.loss_plot
    speed = window.controls.pace.speed
    speed.setValue(speed.maximum())                     # as fast as it goes
    window.controls.run_button.click()
    qtbot.waitUntil(lambda: s.step_count > 20000, timeout=30000)
    window.controls.run_button.click()
    qtbot.mouseClick(window.controls.reset_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(window.controls.step_button, Qt.MouseButton.LeftButton)
    assert_fits(panel)
    step_n(qtbot, window, 20)
    assert_fits(panel)
    (x0, x1), _ = shown(panel)
    assert -2 < x0 and x1 < 40


def test_the_loss_axis_goes_log_by_itself_until_the_learner_chooses(qtbot, window):
    s, panel = window.session, window.loss_plot
    step_n(qtbot, window, 20)
    assert not panel.log_box.isChecked()               # 0.024 … 0.0125: under three decades
    s.set_setting("lr", 5.0)
    step_n(qtbot, window, 20000)
    _x, y = data(panel.total)
    assert y.max() / y[y > 0].min() > 1e3
    assert panel.log_box.isChecked() and panel.item.ctrl.logYCheck.isChecked()
    assert_fits(panel)
    qtbot.mouseClick(panel.log_box, Qt.MouseButton.LeftButton)       # the learner wants it linear
    assert not panel.log_box.isChecked()
    step_n(qtbot, window, 100)
    assert not panel.log_box.isChecked()               # and it stays as chosen
    assert_fits(panel)


def test_plain_axis_numbers(qtbot, window):
    panel = window.loss_plot
    step_n(qtbot, window, 20)                          # losses 0.024…0.0125: SI would write "×0.001"
    shown(panel)
    for side in ("left", "bottom"):
        axis = panel.item.getAxis(side)
        assert axis.autoSIPrefixScale == 1.0
        assert "0.001" not in axis.labelString() and "m" not in axis.labelString().replace("<", " <").split()
    assert float(panel.item.getAxis("left").tickStrings([0.02], 1.0, 0.002)[0]) == 0.02


def test_hover_label_goes_with_its_curve(qtbot, window):
    panel = window.loss_plot
    step_n(qtbot, window, 30)
    shown(panel)
    x, y = data(panel.total)
    panel._moved(panel.item.vb.mapViewToScene(Point(x[5], y[5])))    # offscreen: the hover the scene delivers
    assert panel.hover.shown and panel.hover.text.isVisible() and panel.hover.curve is panel.total
    qtbot.mouseClick(panel.keep_button, Qt.MouseButton.LeftButton)    # the curve is kept, the present reset
    assert not panel.hover.shown and not panel.hover.text.isVisible() and not panel.hover.dot.isVisible()
    kept = panel.kept[0]
    step_n(qtbot, window, 10)
    shown(panel)
    kx, ky = data(kept)
    panel._moved(panel.item.vb.mapViewToScene(Point(kx[20], ky[20])))
    assert panel.hover.curve is kept and panel.hover.text.isVisible()
    assert panel.hover.text.textItem.toPlainText().startswith(kept.name())
    qtbot.mouseClick(panel.clear_button, Qt.MouseButton.LeftButton)
    assert not panel.hover.text.isVisible() and not panel.hover.dot.isVisible()


def test_the_placeholder_never_overlaps_the_legend(qtbot, make_window):
    for net in ("seed003", "xor", "seed000"):
        window = make_window(presets.resolve(net))
        panel = window.loss_plot
        shown(panel)
        assert panel.empty.isVisible()
        text = panel.empty.sceneBoundingRect()
        assert panel.item.vb.sceneBoundingRect().contains(text.center())
        legend = panel.legend
        assert not (legend.isVisible() and legend.sceneBoundingRect().intersects(text)), net
        qtbot.mouseClick(window.controls.step_button, Qt.MouseButton.LeftButton)
        shown(panel)
        assert legend.isVisible() and not panel.empty.isVisible()


def test_the_last_points_are_in_view_whatever_the_downsampling_drops(qtbot, window):
    """Peak downsampling draws len // factor pairs and drops the rest: the auto-range must read the
    curve's own numbers, or a last decade (the end of a long run) falls outside the view."""
    panel = window.loss_plot
    n = 100_003                          # not a multiple of any factor the plot will pick
    x = np.arange(n, dtype=float)
    y = np.full(n, 0.5)
    y[-3:] = 50.0                        # the run's last steps, in a place downsampling drops
    panel.total.setData(x, y)
    panel.fit()
    (x0, x1), (y0, y1) = shown(panel)
    assert x1 >= n - 1 and y1 >= 50.0
