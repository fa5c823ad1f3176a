"""View → Learning-rate sweep: the sweep runs a slice a tick (the window answers meanwhile), draws the final
loss against η on a log axis beside every copy's curve, and a click on a copy's point opens that run."""
import numpy as np
from PySide6.QtCore import QPointF, Qt
from PySide6.QtWidgets import QApplication, QLabel

from backprop_lab.core.io import presets
from backprop_lab.core.model.network import LayerSpec
from backprop_lab.core.numerics.sweep import Sweep, log_grid
from backprop_lab.gui.numbers import fmt


def type_into(qtbot, edit, text):
    edit.setFocus()
    edit.selectAll()
    qtbot.keyClicks(edit, text)


def swept(qtbot, make_window, high: str, copies: str, steps: str = "3000", low: str = "0.01",
          mode: str = "sample"):
    """xor with an identity output (its largest rates blow up), swept from η `low` to `high` through the
    sweep window's fields and Run, to its end: (window, session, sweep window)."""
    w = make_window(presets.resolve("xor"))
    s = w.session
    assert s.set_architecture(2, [LayerSpec(2, "tanh", "neuron"), LayerSpec(1, "identity", "neuron")],
                              "half_sse", seed=0) is None
    if mode != s.settings.mode:
        assert s.set_setting("mode", mode) is None
    sw = w.open_sweep()
    qtbot.waitExposed(sw)
    type_into(qtbot, sw.low, low)
    type_into(qtbot, sw.high, high)
    type_into(qtbot, sw.copies, copies)
    type_into(qtbot, sw.steps, steps)
    qtbot.mouseClick(sw.run_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: sw.run_button.isEnabled(), timeout=30000)
    return w, s, sw


def test_a_sweep_draws_final_losses_and_curves_and_a_click_opens_a_run(qtbot, make_window):
    w = make_window(presets.resolve("xor"))
    s = w.session
    # an identity output: the largest rates blow up
    assert s.set_architecture(2, [LayerSpec(2, "tanh", "neuron"), LayerSpec(1, "identity", "neuron")],
                              "half_sse", seed=0) is None
    lr = s.settings.lr
    sw = w.open_sweep()                                   # View → Learning-rate sweep
    qtbot.waitExposed(sw)
    type_into(qtbot, sw.low, "0.01")
    type_into(qtbot, sw.high, "1000")
    type_into(qtbot, sw.copies, "6")
    type_into(qtbot, sw.steps, "400")
    qtbot.mouseClick(sw.run_button, Qt.MouseButton.LeftButton)
    assert sw.timer.isActive() and not sw.run_button.isEnabled()
    ticks = []
    sw.timer.timeout.connect(lambda: ticks.append(sw.sweep.step))
    qtbot.waitUntil(lambda: sw.run_button.isEnabled(), timeout=20000)
    assert len(ticks) >= 2                                 # computed in slices, the event loop between them
    want = Sweep(s.net.copy(), s.data.copy(), s.settings.copy(), log_grid(0.01, 1000, 6))
    want.run(400)
    r = want.result()
    x, y = sw.points.getData()
    np.testing.assert_allclose(10 ** x, r.lrs, rtol=1e-12)
    assert sw.final_plot.getPlotItem().ctrl.logXCheck.isChecked()     # the η axis is logarithmic
    vb = sw.final_plot.getPlotItem().vb
    qtbot.waitUntil(lambda: vb.viewRange()[0][0] <= np.log10(0.01) and vb.viewRange()[0][1] >= np.log10(1000))
    assert np.diff(vb.viewRange()[0])[0] < 10
    # Copies that settle match a sweep run in one go; one on its way to overflow is chaotic (where the
    # slices end decides which steps are replayed exactly), so only the settled ones are compared.
    ok = (r.diverged_at < 0) & (r.final_loss < 1)
    assert 0 < ok.sum() < 6                                # the largest rates diverge, the others go on
    np.testing.assert_allclose(y[ok], r.final_loss[ok], rtol=1e-12)
    gone = sw.outcome.diverged_at >= 0
    assert gone.sum() >= 3 and gone[-1]
    assert [sym for sym, g in zip(sw.points.opts["symbol"], gone) if g] == ["x"] * int(gone.sum())
    assert sw.progress.text().startswith(f"6 copies × 400 steps; {int(gone.sum())} diverged (red ×)")
    ceiling = sw.ceiling                                   # the rest stay on the chart
    assert ceiling >= 2 * s.loss and y.max() == ceiling
    assert sw.final_plot.getPlotItem().vb.viewRange()[1][1] < 1.1 * ceiling
    cx, cy = sw.curves.getData()
    assert np.isfinite(cy).sum() > 0 and np.isnan(cx).sum() == 6
    k = int(np.flatnonzero(ok)[-1])
    before = (s.net.theta.copy(), s.step_count, len(s.trace))
    click_copy(qtbot, sw, k)
    qtbot.waitUntil(lambda: not s.runner.running)
    assert sw.chosen == k and s.settings.lr == r.lrs[k]
    assert s.undo_stack.undoText() == f"Open sweep copy {k + 1} (η = {fmt(r.lrs[k])})"
    steps_x, blocks = sw.chosen_curve.getData()            # the mean of each block of 2 steps (400 / 300)
    assert steps_x[:3].tolist() == [0, 2, 4] and len(blocks) == 200
    np.testing.assert_allclose(blocks, np.minimum(r.losses[:, k].reshape(-1, 2).mean(axis=1), ceiling), rtol=1e-12)
    assert sw.detail.text().startswith(f"Copy {k + 1}: η = ")
    # the run is open in the main window: its weights after 400 steps at copy k's η, with its history
    assert_opened(qtbot, w, r, k, 400)
    assert w.statusBar().findChild(QLabel, "statusMessage").text() == (
        f"Copy {k + 1} (η = {fmt(r.lrs[k])}) opened: 400 steps trained from where the sweep began; "
        "Undo returns to before")
    np.testing.assert_allclose(w.loss_plot.cache.total()[1][-1], r.final_loss[k], rtol=1e-12)
    w.activateWindow()                     # back to the main window, then Ctrl+Z: one undo step back to before
    qtbot.waitUntil(lambda: QApplication.activeWindow() is w)
    qtbot.keyClick(w, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert s.settings.lr == lr and s.step_count == before[1] and len(s.trace) == before[2]
    np.testing.assert_array_equal(s.net.theta, before[0])
    assert w.controls.lr.text() == fmt(lr)


def click_copy(qtbot, sw, k):
    """A click on copy k's point of the final-loss plot, where a person sees it (once it is drawn: its
    axes take the width of their tick numbers when painted)."""
    sw.final_plot.grab()
    QApplication.processEvents()
    x, y = sw.points.getData()
    vb = sw.final_plot.getPlotItem().vb
    pos = sw.final_plot.mapFromScene(vb.mapViewToScene(QPointF(x[k], y[k])))
    qtbot.mouseMove(sw.final_plot.viewport(), pos)
    qtbot.mouseClick(sw.final_plot.viewport(), Qt.MouseButton.LeftButton, pos=pos)


def assert_opened(qtbot, w, r, k, steps, ended=True):
    """The main window shows copy k's run: its η in the field, its step count, its weights (the sweep's
    copy to 1e-12 relative), its loss curve (each step's loss is the sweep's for that copy)."""
    s = w.session
    assert s.settings.lr == r.lrs[k] and w.controls.lr.text() == fmt(r.lrs[k])
    assert s.step_count == steps == len(s.trace)
    if ended:                  # (a diverged copy may have stepped back to a finite loss: not the copy's end)
        np.testing.assert_allclose(s.net.theta, r.theta[k], rtol=1e-12, atol=1e-300)
    qtbot.waitUntil(lambda: w.loss_plot.cache.rows == steps)
    xs = w.loss_plot.total.getData()[0]
    assert xs[0] == 0 and xs[-1] == steps            # the whole set's curve, to the present
    np.testing.assert_allclose(w.loss_plot.cache.loss.view(), r.losses[:steps, k], rtol=1e-12)   # each step's loss
    assert w.loss_plot.item.vb.viewRange()[0][1] >= 0.9 * steps            # the view follows the new curve
    bar = w.statusBar()
    assert fmt(s.loss) in bar.findChild(QLabel, "statusLoss").text()
    assert bar.findChild(QLabel, "statusStep").text() == f"step {steps:,}"


def test_a_long_run_opens_in_pieces_with_cancel_and_a_diverged_copy_opens_where_it_stopped(qtbot, make_window):
    w, s, sw = swept(qtbot, make_window, "1000", "6")          # 3,000 steps: past what is trained at once
    r = sw.outcome
    settled = int(np.flatnonzero((r.diverged_at < 0) & (r.final_loss < 1))[0])
    before = (s.net.theta.copy(), s.step_count, s.undo_stack.count())
    bar = w.statusBar().work
    # Cancel before it is done: nothing changes, and it is said
    click_copy(qtbot, sw, settled)
    assert s.runner.running and bar.isVisible()
    assert bar.label.text() == f"Opening copy {settled + 1}: 0 of 3,000 steps"
    assert sw.detail.text().endswith("opening it in the main window (progress and Cancel in its status bar)")
    qtbot.mouseClick(bar.cancel_button, Qt.MouseButton.LeftButton)
    assert sw.detail.text().endswith("not opened: cancelled")
    assert not s.runner.running and s.undo_stack.count() == before[2] and s.step_count == before[1]
    np.testing.assert_array_equal(s.net.theta, before[0])
    assert w.statusBar().findChild(QLabel, "statusMessage").text() == \
        f"Opening copy {settled + 1} cancelled: nothing changed"
    # Opened to the end: on the run loop's timer (the bar follows), then one undo step
    seen = []
    s.progressed.connect(lambda: seen.append(bar.bar.value()))
    click_copy(qtbot, sw, settled)
    assert s.runner.running and s.step_count == before[1]
    qtbot.waitUntil(lambda: not s.runner.running, timeout=30000)
    assert seen and seen == sorted(seen) and seen[-1] == 3000
    assert sw.detail.text().endswith("opened in the main window with its history (Undo returns to before)")
    assert_opened(qtbot, w, r, settled, 3000)
    assert s.undo_stack.count() == before[2] + 1
    # A diverged copy opens at the step it was refused, the state before it (the largest η: it blows up
    # fast; one that wanders near overflow for hundreds of steps is chaotic, its losses equal to ~1e-9)
    gone = int(np.flatnonzero(r.diverged_at >= 0)[-1])
    stop = int(r.diverged_at[gone])
    assert 0 < stop < 3000
    click_copy(qtbot, sw, gone)
    qtbot.waitUntil(lambda: not s.runner.running, timeout=30000)
    # the refused step's state may already overflow the whole set's loss: back to the last finite one,
    # as a diverged run in the window does
    opened = s.step_count
    assert stop - 5 < opened <= stop and np.isfinite(s.loss)
    assert w.statusBar().findChild(QLabel, "statusMessage").text().startswith(
        f"Copy {gone + 1} (η = {fmt(r.lrs[gone])}) diverged at step {stop:,}: opened at step {opened:,}")
    assert_opened(qtbot, w, r, gone, opened, ended=opened == stop)
    s.undo_stack.undo()
    assert_opened(qtbot, w, r, settled, 3000)


def test_a_copy_is_not_opened_over_a_locked_number_or_the_past(qtbot, make_window):
    w = make_window(presets.resolve("xor"))
    s = w.session
    sw = w.open_sweep()
    qtbot.waitExposed(sw)
    type_into(qtbot, sw.copies, "4")
    type_into(qtbot, sw.steps, "50")
    qtbot.mouseClick(sw.run_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: sw.run_button.isEnabled(), timeout=20000)
    w.controls.n_spin.setValue(10)
    qtbot.mouseClick(w.controls.step_n_button, Qt.MouseButton.LeftButton)
    before = (s.net.theta.copy(), s.settings.lr, s.undo_stack.count())

    def unchanged():
        return np.array_equal(s.net.theta, before[0]) and (s.settings.lr, s.undo_stack.count()) == before[1:]

    s.select(s.net.param_keys()[0])
    w.teacher_menu.lock_action.trigger()                   # Edit → Teacher → Lock the selected number
    assert s.view.locked
    click_copy(qtbot, sw, 1)
    assert unchanged() and sw.detail.text().startswith("Some numbers are locked: unlock them (Edit → Teacher)")
    w.teacher_menu.lock_action.trigger()                   # unlocked again
    assert not s.view.locked
    s.view_step(3)                                         # looking at the past (read-only)
    click_copy(qtbot, sw, 1)
    assert unchanged() and sw.detail.text().startswith("Showing step 3 of the past (read-only)")


def test_every_rate_diverges_and_the_sweep_ends_there(qtbot, make_window):
    """Rates from 100 to 1,000 on xor with an identity output, a batch a step: every copy blows up within
    a few steps. The sweep ends when the last one does, says so, and draws each as diverged (it raised
    at every tick of its timer once no copy was left, 937 times in a storm)."""
    _w, _s, sw = swept(qtbot, make_window, high="1000", copies="5", steps="100000", low="100", mode="batch")
    r = sw.outcome
    assert r is not None and (r.diverged_at >= 0).all()
    assert sw.sweep.step < 100000 and not sw.timer.isActive()
    assert sw.sweep.step >= r.diverged_at.max()
    assert "5 diverged" in sw.progress.text()
    x, y = sw.points.getData()
    assert len(x) == 5 and np.isfinite(y).all()              # drawn at the ceiling, as × marks
    # The η axis within one decade: its labels, as drawn, do not run into each other.
    labels = axis_labels(sw.final_plot.getPlotItem().getAxis("bottom"))
    assert {"10²", "10³"} <= {text for _r, text in labels}
    assert not any(a.intersects(b) for i, (a, _t) in enumerate(labels) for b, _u in labels[i + 1:]), labels


def axis_labels(axis) -> list:
    """The labels an axis draws, each with its rectangle (pyqtgraph's own plan of the drawing)."""
    from PySide6.QtGui import QImage, QPainter
    image = QImage(10, 10, QImage.Format.Format_ARGB32)
    painter = QPainter(image)
    try:
        _axis, _ticks, texts = axis.generateDrawSpecs(painter)
    finally:
        painter.end()
    return [(rect, text) for rect, _flags, text in texts if text]


def test_an_error_in_the_sweep_ends_it_once(qtbot, make_window, monkeypatch):
    """An unexpected error while sweeping is met once: the sweep ends and says so, rather than raise
    again at every tick of its timer."""
    w = make_window(presets.resolve("seed004"))
    sw = w.open_sweep()
    qtbot.waitExposed(sw)

    def broken(self, steps):
        raise ValueError("a planted fault")
    monkeypatch.setattr(Sweep, "run", broken)
    with qtbot.capture_exceptions() as raised:
        qtbot.mouseClick(sw.run_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: sw.run_button.isEnabled(), timeout=10000)
        qtbot.wait(200)                                   # ticks that would have come
    assert len(raised) == 1 and "a planted fault" in str(raised[0][1])
    assert not sw.timer.isActive() and not sw.stop_button.isEnabled()
    assert "a planted fault" in sw.progress.text()
