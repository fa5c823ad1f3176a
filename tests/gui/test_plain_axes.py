"""Every plot's axis numbers read as they are (issue 9): a sweep's losses of 0.02 were drawn as 20 with
"(x0.001)" after the axis label, which a learner reads as 20."""
import pyqtgraph as pg
from PySide6.QtCore import Qt


def test_no_plot_scales_its_numbers_behind_a_prefix(qtbot, window):
    sw = window.open_sweep()                              # View → Learning-rate sweep
    qtbot.waitExposed(sw)
    for edit, text in ((sw.low, "0.01"), (sw.high, "0.1"), (sw.copies, "4"), (sw.steps, "200")):
        edit.setFocus()
        edit.selectAll()
        qtbot.keyClicks(edit, text)
    qtbot.mouseClick(sw.run_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: sw.run_button.isEnabled(), timeout=20000)
    assert max(sw.sweep.result().final_loss) < 0.05           # small numbers: what the prefix would scale
    plots = window.findChildren(pg.PlotWidget) + sw.findChildren(pg.PlotWidget)
    assert {p.objectName() for p in plots} >= {"sweepFinal", "sweepCurves", "boundaryPlot", "landscapePlot"}
    for plot in plots:
        for side in ("bottom", "left"):
            axis = plot.getPlotItem().getAxis(side)
            assert axis.autoSIPrefixScale == 1.0 and "(x" not in axis.labelString(), (plot.objectName(), side)
