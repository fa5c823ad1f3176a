"""The loss plot's log axes stop at ±300 decades (gui/panels/plot_range.LOG_LIMIT; pyqtgraph's own stop,
at 308.2, leaves its tick labels and a mouse position read back as 10 ** v a hair from overflowing). A
curve holding losses a log axis cannot draw (7.2e307 at the top, 1e-320 at the bottom, both finite) is
clipped there: the log toggles, a run and zooming out far leave a finite view that holds every point
the axis can draw (0.5 and 1e-200 here), and no exception or Qt warning (pytest-qt fails the test on
either), and readable tick labels."""
import json
import math

import numpy as np
import pytest
from gui_drive import type_into_cell
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QApplication
from test_open_finite import xor_doc

from backprop_lab.core.io import document

LOG_LIMIT = 300         # decades, as the issue asks (not read from the code it tests)
LINEAR_LIMIT = 1e307    # pyqtgraph's ViewBox shows nothing beyond, whatever the curve holds
# Two alike samples, each E = ½ (w · 1 − 0)²: 7.2e307, 0.5, 1e-200, 1e-320 (the first and last beyond a log
# axis); trained on their sum, whose 1.44e308 has no 1-2-5 ceiling a linear axis can range to.
HUGE, WEIGHTS = "1.2e154", ("1", "1.4142135623730951e-100", "1.4142135623730951e-160")


def one_weight_doc(w: float) -> dict:
    d = xor_doc()
    d["inputs"] = 1
    d["layers"] = [{"size": 1, "activation": "identity", "bias": "none", "W": [[w]]}]
    d["data"] = {"inputs": [[1.0], [1.0]], "targets": [[0.0], [0.0]]}
    d["settings"].update(lr=1e-9, mode="batch", batch_loss="sum")
    d.pop("notation", None)
    d["source"] = []
    return d


@pytest.fixture
def extreme(qtbot, make_window, tmp_path):
    """A window whose loss curve went from 7.2e307 to 0.5 to 1e-200 to 1e-320, each by a weight typed
    into the table and two steps."""
    path = tmp_path / "extreme.json"
    path.write_text(json.dumps(one_weight_doc(float(HUGE))))
    w = make_window(document.load(path))
    table = w.values.weights.tables[0]
    for typed in (None, *WEIGHTS):
        if typed is not None:
            type_into_cell(qtbot, table, 0, 0, typed)
        for _ in range(2):
            qtbot.mouseClick(w.controls.step_button, Qt.MouseButton.LeftButton)
    losses = w.loss_plot.total.yData
    assert losses.max() > 7e307 and 0 < losses.min() < 1.1e-320
    assert ((losses > 0.4) & (losses < 0.6)).any() and ((losses > 0.9e-200) & (losses < 1.1e-200)).any()
    return w


def view(panel):
    QApplication.processEvents()
    panel.plot.grab()                    # painted: the tick labels are made, the range fitted
    return panel.item.vb.viewRange()


def assert_drawable_part_shown(panel):
    (x0, x1), (y0, y1) = view(panel)
    assert all(math.isfinite(v) for v in (x0, x1, y0, y1)), ((x0, x1), (y0, y1))
    log_x, log_y = panel.log_x_box.isChecked(), panel.log_box.isChecked()
    x, y = panel.total.xData, panel.total.yData
    if log_x:
        x, y = np.log10(x[x > 0]), y[x > 0]
    if log_y:
        x, y = x, np.log10(y)
        limit = LOG_LIMIT
        assert -limit <= y0 < y1 <= limit, (y0, y1)
    else:
        limit = LINEAR_LIMIT
        assert y1 <= 1.1 * LINEAR_LIMIT, y1
    drawable = np.abs(y) <= limit
    assert drawable.any() and not drawable.all()         # a part to draw, and a part clipped
    assert y0 <= y[drawable].min() and y[drawable].max() <= y1, ((y0, y1), y[drawable])
    assert x0 <= x.min() and x.max() <= x1
    assert tick_labels(panel, "left") and tick_labels(panel, "bottom")


def tick_labels(panel, side: str) -> list[str]:
    """The axis's labels, as it writes them for its range (an overflow there is an error: filterwarnings)."""
    axis = panel.item.getAxis(side)
    labels = [label for spacing, values in axis.tickValues(*axis.range, axis.height() or axis.width())
              for label in axis.tickStrings(values, axis.scale, spacing)]
    assert not any("inf" in label or "nan" in label for label in labels), labels
    return labels


def zoom_out(panel, notches: int):
    port = panel.plot.viewport()
    at = QPoint(port.width() // 2, port.height() // 2)
    for _ in range(notches):
        QApplication.sendEvent(port, QWheelEvent(QPointF(at), QPointF(port.mapToGlobal(at)), QPoint(),
                                                 QPoint(0, -960), Qt.MouseButton.NoButton,
                                                 Qt.KeyboardModifier.NoModifier, Qt.ScrollPhase.NoScrollPhase,
                                                 False))
        view(panel)


def test_a_log_axis_clips_what_it_cannot_draw(qtbot, extreme):
    panel = extreme.loss_plot
    assert panel.log_box.isChecked()               # 627 decades: the loss axis went log by itself
    assert_drawable_part_shown(panel)
    for box in (panel.log_box, panel.log_box, panel.log_x_box, panel.log_box, panel.log_box):
        qtbot.mouseClick(box, Qt.MouseButton.LeftButton)
        assert_drawable_part_shown(panel)


def test_zoomed_out_far_a_log_axis_stops_at_its_limit(qtbot, extreme):
    panel = extreme.loss_plot
    qtbot.mouseClick(panel.log_x_box, Qt.MouseButton.LeftButton)
    zoom_out(panel, 12)                            # each notch ×~6.5 in pyqtgraph: far past ±300 decades
    (x0, x1), (y0, y1) = view(panel)
    assert -LOG_LIMIT <= y0 < y1 <= LOG_LIMIT and -LOG_LIMIT <= x0 < x1 <= LOG_LIMIT
    assert y1 - y0 > 500                           # it did zoom out, to the limit
    qtbot.mouseClick(panel.log_box, Qt.MouseButton.LeftButton)    # back to linear, where the view is fitted
    assert_drawable_part_shown(panel)


def test_a_run_on_a_log_axis_follows_within_the_limit(qtbot, extreme):
    w, panel = extreme, extreme.loss_plot
    qtbot.mouseClick(w.controls.run_button, Qt.MouseButton.LeftButton)
    steps = w.session.step_count
    qtbot.waitUntil(lambda: w.session.step_count > steps + 5, timeout=10000)
    (_x0, _x1), (y0, y1) = view(panel)
    assert -LOG_LIMIT <= y0 < y1 <= LOG_LIMIT
    for box in (panel.log_box, panel.log_x_box, panel.log_box):      # linear, log steps, log loss: running
        qtbot.mouseClick(box, Qt.MouseButton.LeftButton)
        steps = w.session.step_count
        qtbot.waitUntil(lambda: w.session.step_count > steps + 5, timeout=10000)
        view(panel)
    qtbot.mouseClick(w.controls.run_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not w.session.runner.running)
    assert_drawable_part_shown(panel)
