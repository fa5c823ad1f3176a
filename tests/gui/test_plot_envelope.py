"""A long loss curve is handed to pyqtgraph as each slice's lowest and highest point (issue 8: a frame of
a million-step run cost ~20 ms more than a short one's): the points handed over stay bounded whatever the
run's length, every pixel column of the plot shows its true highest and lowest loss, a one-step spike is
drawn, and hover and click still read each step's own loss from the history."""
import numpy as np
from PySide6.QtCore import QPointF, Qt
from PySide6.QtWidgets import QApplication

from backprop_lab.core.io.presets import resolve
from backprop_lab.gui.numbers import fmt
from backprop_lab.gui.panels.curve_envelope import CHUNKS, MOST
from backprop_lab.gui.panels.plot_range import drawn_at

W = ("W", 1, 0, 0)


def train(window, n):
    s = window.session
    with s.model.changing():
        s.model.train(n)
    QApplication.processEvents()


def spiked(window, after):
    """One step with W1 far off (a spike), W1 back, then `after` more steps. Returns the spike's step."""
    s = window.session
    spike = s.step_count
    old = s.value(W)
    assert not s.edit_param(W, "40")
    qtbot_click(window.controls.step_button)
    assert not s.edit_param(W, repr(old))
    train(window, after)
    return spike


def qtbot_click(button):
    button.click()
    QApplication.processEvents()


def drawn(panel):
    QApplication.processEvents()
    panel.plot.grab()                          # painted: the range fitted, the drawn points chosen for it
    return handed(panel.total)


def handed(curve):
    """The points handed to pyqtgraph (as they are: not log10, not downsampled by pyqtgraph)."""
    return np.asarray(curve.xData), np.asarray(curve.yData)


def assert_columns_hold_their_extremes(panel, steps, losses):
    """For every pixel column of the plot, the drawn points within a slice of it reach the column's true
    highest and lowest loss, and every drawn point is one of the curve's own."""
    x, y = drawn(panel)
    np.testing.assert_array_equal(y[:-1], losses[x[:-1].astype(int)])      # the history's own numbers
    (x0, x1), _ = panel.item.vb.viewRange()
    width = int(panel.item.vb.width())
    slack = 4 * (steps[-1] - steps[0]) / CHUNKS      # about two pixels: a block is at most this wide
    edges = np.linspace(x0, x1, width + 1)
    bounds = np.searchsorted(steps, edges)
    for a, b, c0, c1 in zip(bounds[:-1], bounds[1:], edges[:-1], edges[1:]):
        if a == b:
            continue
        near = (x >= c0 - slack) & (x < c1 + slack)
        assert y[near].max() >= losses[a:b].max() and y[near].min() <= losses[a:b].min(), (c0, c1)


def test_a_long_curve_hands_over_a_bounded_envelope_with_every_extreme(qtbot, window):
    s, panel = window.session, window.loss_plot
    train(window, 20_000)
    short = len(drawn(panel)[0])
    assert CHUNKS < short <= MOST and panel.points() == 20_001
    spike = spiked(window, 300_000)
    assert s.step_count == 320_001 and panel.points() == 320_002
    x, y = drawn(panel)
    assert len(x) <= MOST                           # 16 times the steps, not more points
    losses = s.trace.losses()
    assert losses[spike] > 100 * max(losses[spike - 1], losses[spike + 1])
    assert (spike, losses[spike]) in set(zip(x.astype(int).tolist(), y.tolist()))     # the spike is drawn
    assert y.max() == losses.max() and y[:-1].min() == losses.min()
    assert_columns_hold_their_extremes(panel, np.arange(len(losses), dtype=float), losses)


def test_zoomed_in_the_curve_is_drawn_step_by_step(qtbot, window):
    s, panel = window.session, window.loss_plot
    train(window, 200_000)
    panel.item.vb.setXRange(150_000, 151_000, padding=0)
    x, y = drawn(panel)
    inside = (x >= 150_000) & (x <= 151_000)
    np.testing.assert_array_equal(x[inside], np.arange(150_000, 151_001))      # every step in view
    np.testing.assert_array_equal(y[inside], s.trace.losses(150_000, 151_001))
    panel.fit()                                      # and back out: bounded again
    assert len(drawn(panel)[0]) <= MOST


def test_log_steps_keep_the_first_steps_apart(qtbot, window):
    s, panel = window.session, window.loss_plot
    train(window, 200_000)
    qtbot.mouseClick(panel.log_x_box, Qt.MouseButton.LeftButton)
    x, y = drawn(panel)
    assert len(x) <= MOST
    np.testing.assert_array_equal(x[:50], np.arange(50))      # a decade is as wide as any other: every step
    assert_columns_hold_their_extremes_log(panel, s.trace.losses(), x, y)


def assert_columns_hold_their_extremes_log(panel, losses, x, y):
    (x0, x1), _ = panel.item.vb.viewRange()
    steps = np.arange(len(losses), dtype=float)
    edges = 10.0 ** np.linspace(x0, x1, int(panel.item.vb.width()) + 1)
    bounds = np.searchsorted(steps, edges)
    factor = steps[-1] ** (4 / CHUNKS)               # the same on a log axis
    for a, b, c0, c1 in zip(bounds[:-1], bounds[1:], edges[:-1], edges[1:]):
        if a == b:
            continue
        near = (x >= c0 / factor - 1) & (x < c1 * factor + 1)
        assert y[near].max() >= losses[a:b].max() and y[near].min() <= losses[a:b].min(), (c0, c1)


def test_hover_and_click_read_the_step_itself(qtbot, window):
    s, panel = window.session, window.loss_plot
    train(window, 20_000)
    spike = spiked(window, 100_000)
    losses = s.trace.losses()
    drawn(panel)
    at = drawn_at(spike, losses[spike], panel.log_x_box.isChecked(), panel.log_box.isChecked())
    pos = panel.plot.mapFromScene(panel.item.vb.mapViewToScene(QPointF(*at)))
    qtbot.mouseMove(panel.plot.viewport(), pos)
    panel._moved(panel.plot.mapToScene(pos))     # offscreen: deliver the hover the scene would see
    assert panel.hover.text.textItem.toPlainText() == f"step {spike}\nE = {fmt(losses[spike])}"
    qtbot.mouseClick(panel.plot.viewport(), Qt.MouseButton.LeftButton, pos=pos)
    qtbot.waitUntil(lambda: s.viewing_step is not None, timeout=60000)
    assert s.viewing_step == spike
    assert window.status.loss.text().endswith(fmt(losses[spike]))


def test_sample_curves_are_bounded_too(qtbot, make_window):
    window = make_window(resolve("xor"))
    s, panel = window.session, window.loss_plot
    train(window, 160_000)
    drawn(panel)
    samples = s.trace.samples()
    losses = s.trace.losses()
    assert len(panel.sample_curves) == 4
    for k, curve in enumerate(panel.sample_curves):
        x, y = handed(curve)
        mine = np.flatnonzero(samples == k)
        assert len(mine) > 4 * MOST and len(x) <= MOST
        assert y.max() == losses[mine].max() and y.min() == losses[mine].min()
        np.testing.assert_array_equal(y, losses[x.astype(int)])
