"""View → Learning-rate sweep: the sweep runs a slice a tick (the window answers meanwhile), draws the final
loss against η on a log axis beside every copy's curve, and a click on a copy's point opens that run."""
import numpy as np
from PySide6.QtCore import QPointF, Qt

from backprop_lab.core.io import presets
from backprop_lab.core.model.network import LayerSpec
from backprop_lab.core.numerics.sweep import Sweep, log_grid


def type_into(qtbot, edit, text):
    edit.setFocus()
    edit.selectAll()
    qtbot.keyClicks(edit, text)


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
    pos = sw.final_plot.mapFromScene(vb.mapViewToScene(QPointF(x[k], y[k])))
    qtbot.mouseMove(sw.final_plot.viewport(), pos)
    qtbot.mouseClick(sw.final_plot.viewport(), Qt.MouseButton.LeftButton, pos=pos)
    assert sw.chosen == k and s.settings.lr == r.lrs[k] and w.controls.lr.text() != ""
    assert s.undo_stack.undoText().startswith("Set lr")
    steps_x, blocks = sw.chosen_curve.getData()            # the mean of each block of 2 steps (400 / 300)
    assert steps_x[:3].tolist() == [0, 2, 4] and len(blocks) == 200
    np.testing.assert_allclose(blocks, np.minimum(r.losses[:, k].reshape(-1, 2).mean(axis=1), ceiling), rtol=1e-12)
    assert sw.detail.text().startswith(f"Copy {k + 1}: η = ")
    s.undo_stack.undo()
    assert s.settings.lr == lr
