"""The loss over the SGD steps (pyqtgraph): the whole data set's loss and, with a few samples, each
sample's. One curve each, fed with setData: at once after an edit or a step, at most every
15 ms while a run is going. Hovering shows a point's step and value; clicking a point shows the network as
it was before that step, until "Return to present" or "Branch from here". Kept runs stay overlaid
(dashed) for comparison."""
from __future__ import annotations

import html
import time

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QCheckBox, QLabel, QPushButton, QVBoxLayout, QWidget

from backprop_lab.core.numerics import engine

from ..numbers import fmt
from .plain_axes import plain_axes
from .plot_bar import PlotBar
from .plot_curve import add_curve
from .plot_hover import HoverLabel
from .plot_range import DRAWABLE, LOG_LIMIT, data_bounds, follow_x, follow_y, wants_log
from .trace_cache import TraceCache


def loss_label(session) -> str:
    """The loss axis, by the loss's name in the chosen notation (E, seed 003's J, E_total)."""
    return QCoreApplication.translate("LossPlot", "loss %1").replace("%1", session.notation.loss)

FRAME_SECONDS = 0.015       # while running, redraw at most this often: once a runner tick (~40 Hz),
                            # not again for the number views' refresh that may follow it
PICK_PIXELS = 14
MIN_PLOT_HEIGHT = 150      # the plot stays readable at 1024×700 (the smallest window supported)
TOTAL_PEN = pg.mkPen("#1f4e9c", width=2)
TEST_PEN = pg.mkPen("#c62828", width=2, style=pg.QtCore.Qt.PenStyle.DashLine)
SAMPLE_COLOURS = ["#e07b39", "#3a9d5d", "#b84a9e", "#c9a227", "#2aa1b3", "#8c564b", "#7f7f7f", "#d62728"]
KEPT_COLOURS = ["#d62728", "#2ca02c", "#9467bd", "#8c564b", "#17becf", "#bcbd22"]
# Peak downsampling keeps each pixel column's lowest and highest point: one column per pixel draws the
# same line as pyqtgraph's default five, with a fifth of the segments (a third of a live frame).
CURVE = dict(autoDownsampleFactor=1.0)
LOSSES = dict(CURVE, skipFiniteCheck=True)      # a trace never holds NaN or Inf (a held-out loss may overflow)


class LossPlot(QWidget):
    def __init__(self, session, parent=None):
        super().__init__(parent)
        self.session = session
        self.cache = TraceCache()
        self.kept: list = []
        self.frames = 0                       # redraws done (the benchmark counts them)
        pg.setConfigOptions(antialias=False)   # antialiased paths cost ~5× per frame of a live plot
        self.plot = pg.PlotWidget(background="w")
        self.plot.setObjectName("lossPlot")
        self.plot.setMinimumHeight(MIN_PLOT_HEIGHT)
        pi = self.item = self.plot.getPlotItem()
        # On the PlotItem, not the curves: addItem would overwrite a curve's own settings.
        pi.setDownsampling(auto=True, mode="peak")
        pi.setClipToView(True)
        # No grid: on the raster engine its translucent lines cost more than the rest of a frame.
        pi.setLabel("bottom", self.tr("step"))
        pi.setLabel("left", loss_label(session))
        plain_axes(pi)
        pi.setMenuEnabled(False)
        # On a light ground: the curves under it stay visible, its words readable over them.
        self.legend = pi.addLegend(offset=(-8, 8), labelTextSize="9pt", brush=pg.mkBrush(255, 255, 255, 200))
        self.total = add_curve(pi, pen=TOTAL_PEN, name=self.tr("%1 (all samples)")
                               .replace("%1", session.notation.loss), **LOSSES)
        self.sample_curves: list = []
        self.test_curve = None                # the held-out samples' loss, with a train/test split
        dash = pg.QtCore.Qt.PenStyle.DashLine
        self.marker = pg.InfiniteLine(angle=90, pen=pg.mkPen("#6a3d9a", width=1.5, style=dash))
        self.marker.setVisible(False)
        pi.addItem(self.marker, ignoreBounds=True)
        self.hover = HoverLabel(pi)
        self.empty = pg.TextItem(self.tr("Step or Run: the loss of each step appears here"), color="#777",
                                 anchor=(0.5, 0.5))
        pi.addItem(self.empty, ignoreBounds=True)
        self.empty.setPos(0.5, 0.5)
        self.plot.scene().sigMouseMoved.connect(self._moved)
        self.plot.scene().sigMouseClicked.connect(self._clicked)

        self.past = QLabel()
        self.past.setObjectName("pastLabel")
        self.present_button = QPushButton(self.tr("Return to present"))
        self.branch_button = QPushButton(self.tr("Branch from here"))
        self.present_button.clicked.connect(session.return_to_present)
        self.branch_button.clicked.connect(session.branch_here)
        self.keep_button = QPushButton(self.tr("Keep curve && restart"))
        self.keep_button.setToolTip(self.tr("Keep this run's loss curve for comparison and go back to the "
                                            "starting weights: change the learning rate, momentum or mode "
                                            "and train again"))
        self.clear_button = QPushButton(self.tr("Clear kept"))
        self.keep_button.clicked.connect(self.keep_and_restart)
        self.clear_button.clicked.connect(self.clear_kept)
        self.log_box = QCheckBox(self.tr("log loss"))
        self.log_box.setObjectName("logLoss")
        self.log_box.setToolTip(self.tr("The loss axis in powers of ten (chosen by itself when the curve "
                                        "spans more than three of them, until you choose)"))
        self.log_x_box = QCheckBox(self.tr("log steps"))
        self.log_x_box.setObjectName("logSteps")
        self.log_box.toggled.connect(self._log_mode)
        self.log_x_box.toggled.connect(self._log_mode)
        self.log_box.clicked.connect(self._log_chosen)
        self.log_chosen = False             # the learner chose the loss axis: it no longer changes by itself
        self.bar = PlotBar(self.past, [self.present_button, self.branch_button, self.keep_button,
                                       self.clear_button], [self.log_box, self.log_x_box])
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(2)
        box.addWidget(self.plot, 1)
        box.addWidget(self.bar)

        self._last_frame = 0.0
        self._follow = False
        session.changed.connect(self._changed)
        session.progressed.connect(self._changed)
        session.trainingStateChanged.connect(self._training)
        session.viewingChanged.connect(self._viewing)
        session.shapeChanged.connect(self.clear_kept)
        session.notationChanged.connect(self.retranslate)
        self._viewing(None)
        self.redraw()

    def _log_chosen(self) -> None:
        self.log_chosen = True

    def _log_mode(self) -> None:
        log_x, log_y = self.log_x_box.isChecked(), self.log_box.isChecked()
        x_limit, y_limit = (LOG_LIMIT if log_x else DRAWABLE), (LOG_LIMIT if log_y else DRAWABLE)
        self.item.vb.setLimits(xMin=-x_limit, xMax=x_limit, yMin=-y_limit, yMax=y_limit)
        self.item.setLogMode(x=log_x, y=log_y)
        self.hover.forget()
        self.fit()

    def fit(self) -> None:
        """Fit the view to the curves again (after their data were replaced, the axes changed, or the
        learner's zoom no longer means anything). The range is set to the data first: pyqtgraph
        downsamples a curve for the range it is shown in, and a stale range (a long run's, or linear
        steps on a log axis) downsamples a short curve to nothing, which auto-range then cannot see."""
        vb = self.item.vb
        bounds = data_bounds(self.curves(), self.log_x_box.isChecked(), self.log_box.isChecked())
        if bounds is not None:
            vb.setRange(xRange=bounds[0], yRange=bounds[1])
        vb.enableAutoRange()
        if self.session.training_state == "running":
            self._follow = True

    def retranslate(self) -> None:
        self.item.setLabel("bottom", self.tr("step"))
        self.item.setLabel("left", loss_label(self.session))
        self.empty.setText(self.tr("Step or Run: the loss of each step appears here"))
        names = {id(self.total): self._total_name()}
        if self.test_curve is not None:
            names[id(self.test_curve)] = self._test_name()
        names.update((id(c), self.tr("sample %1").replace("%1", str(k + 1))) for k, c in enumerate(self.sample_curves))
        for sample, label in self.legend.items:
            if id(sample.item) in names:
                label.setText(names[id(sample.item)])
        # Laid out now: a layout request left pending could reach the legend after its plot is gone.
        self.legend.layout.activate()
        self._viewing(self.session.viewing_step)
        self.fit()

    # ----- drawing ------------------------------------------------------------------------------
    def _changed(self):
        running = self.session.training_state == "running"
        if not running or time.perf_counter() - self._last_frame >= FRAME_SECONDS:
            self.redraw()

    def _training(self, state: str):
        vb = self.item.vb
        if state == "running":
            # Follow the run on a range that changes only in 1-2-5 steps, so the axes (a third of a
            # frame's cost) are redrawn only when it changes; unless the learner has zoomed.
            self._follow = all(vb.autoRangeEnabled())
        else:
            followed, self._follow = self._follow, False
            self.redraw()
            if followed:
                self.fit()          # the whole curve, not the range the run's last frame followed

    def redraw(self) -> None:
        generation, rows = self.cache.generation, self.cache.rows
        if not self.cache.update(self.session) and self.frames:
            return
        self.frames += 1
        self._last_frame = time.perf_counter()
        x, y = self.cache.to_present(self._present_loss())
        self.total.set_full(x, y, self.cache.epoch)
        self._sample_curves()
        self._draw_test()
        self._legend_columns()
        self._placeholder()
        if self.cache.generation != generation or rows == 0:
            self.hover.forget()          # the curves it spoke of are replaced
            self.fit()
        if not self.log_chosen and self.cache.rows:
            self.log_box.setChecked(wants_log(self.cache.floor, self.cache.peak))
        if self._follow and len(x):
            log_x, log_y = self.log_x_box.isChecked(), self.log_box.isChecked()
            self.item.vb.disableAutoRange()
            self.item.setRange(xRange=follow_x(x[-1], log_x),
                               yRange=follow_y(self.cache.floor, self.cache.peak, log_y), padding=0.02)

    def _present_loss(self) -> float:
        """The whole set's loss at the present weights (what the status bar shows at the present)."""
        s = self.session
        if s.viewing_step is None:
            return s.total_state.loss
        return engine.loss_at(s.net, s.data.X, s.data.Y)

    def _sample_curves(self) -> None:
        while len(self.sample_curves) > len(self.cache.samples):
            curve = self.sample_curves.pop()
            self.hover.forget(curve)
            self.legend.removeItem(curve)
            self.item.removeItem(curve)
        for k in range(len(self.sample_curves), len(self.cache.samples)):
            pen = pg.mkPen(SAMPLE_COLOURS[k % len(SAMPLE_COLOURS)], width=1)
            name = self.tr("sample %1").replace("%1", str(k + 1))
            self.sample_curves.append(add_curve(self.item, pen=pen, name=name, **LOSSES))
        for curve, (xs, ys) in zip(self.sample_curves, self.cache.samples):
            curve.set_full(xs.view(), ys.view(), self.cache.epoch)

    def _total_name(self) -> str:
        text = self.tr("%1 (training samples)") if self.cache.test is not None else self.tr("%1 (all samples)")
        return text.replace("%1", self.session.notation.loss)

    def _test_name(self) -> str:
        return self.tr("%1 (test samples)").replace("%1", self.session.notation.loss)

    def _draw_test(self) -> None:
        """The test samples' curve beside the training one, while the data set has a split."""
        split = self.cache.test is not None
        if split and self.test_curve is None:
            self.test_curve = add_curve(self.item, pen=TEST_PEN, name=self._test_name(), **CURVE)
        elif not split and self.test_curve is not None:
            self.hover.forget(self.test_curve)
            self.legend.removeItem(self.test_curve)
            self.item.removeItem(self.test_curve)
            self.test_curve = None
        for sample, label in self.legend.items:
            if sample.item is self.total and label.text != self._total_name():
                label.setText(self._total_name())
        if self.test_curve is not None:
            self.test_curve.set_full(*self.cache.test_curve(), self.cache.epoch)

    def curves(self) -> list:
        """Every curve drawn: the whole set's, each sample's, the test samples', the kept runs'."""
        test = [] if self.test_curve is None else [self.test_curve]
        return [self.total, *self.sample_curves, *test, *self.kept]

    def points(self) -> int:
        """Points of the whole-set curve: one for each recorded step and one for the present (not only
        those handed to pyqtgraph)."""
        return len(self.total.full_x)

    # ----- hover and click ----------------------------------------------------------------------
    def _nearest(self, scene_pos, curves):
        """The point of these curves nearest to the mouse: (curve, step, value, pixels away, where). Among
        each curve's own points near the mouse (on a long curve, every slice's lowest and highest: a
        one-step spike is there to hover and click), never only the points drawn."""
        vb = self.item.vb
        if not vb.sceneBoundingRect().contains(scene_pos):
            return None
        log_x, log_y = self.log_x_box.isChecked(), self.log_box.isChecked()
        p = vb.mapSceneToView(scene_pos)
        width, height = (abs(v) or 1e-300 for v in vb.viewPixelSize())
        reach = 4 * PICK_PIXELS * width
        best = None
        for curve in curves:
            pick = curve.near((p.x() - reach, p.x() + reach))
            x, y = curve.full_x[pick], curve.full_y[pick]
            drawable = ((x > 0) | (not log_x)) & ((y > 0) | (not log_y))
            if not np.any(drawable):
                continue
            x, y = x[drawable], y[drawable]
            ax, ay = (np.log10(x) if log_x else x), (np.log10(y) if log_y else y)
            d = np.abs(ax - p.x()) / width + np.abs(ay - p.y()) / height
            k = int(np.argmin(d))
            if best is None or d[k] < best[3]:
                best = (curve, int(x[k]), float(y[k]), float(d[k]), (float(ax[k]), float(ay[k])))
        return best

    def _moved(self, scene_pos):
        hit = self._nearest(scene_pos, [self.total, *self.kept])
        if hit is None or hit[3] > 4 * PICK_PIXELS:
            self.hover.forget()
            return
        curve, step, value, _d, at = hit
        text = self.tr("step %1\nE = %2").replace("%1", str(step)).replace("%2", fmt(value))
        if curve is not self.total:
            text = curve.name() + "\n" + text
        self.hover.show(curve, at, text)

    def _clicked(self, event):
        if event.button() != pg.QtCore.Qt.MouseButton.LeftButton:
            return
        hit = self._nearest(event.scenePos(), [self.total])
        if hit is not None and hit[3] <= PICK_PIXELS:
            if hit[1] >= len(self.session.trace):
                self.session.return_to_present()        # the last point is the present
            else:
                self.session.view_step(hit[1])

    def _viewing(self, step):
        on = step is not None
        self.present_button.setVisible(on)
        self.branch_button.setVisible(on)
        # Keeping a curve restarts from the starting weights: not a thing to do while looking back.
        self.keep_button.setVisible(not on)
        self.clear_button.setVisible(not on)
        self.marker.setVisible(on)
        if on:
            self.marker.setPos(step)
            self.past.setText("<b style='color:#6a3d9a'>" + self.tr("Showing the network before step %1 "
                                                                    "(read-only)").replace("%1", str(step)) + "</b>")
        else:
            self.past.setText("<span style='color:#666'>" + self.tr("Click a point to see the network "
                                                                    "as it was then") + "</span>")
        self.bar.fit_to(self.bar.width())          # the buttons shown changed, and the words with the language

    # ----- compare runs -------------------------------------------------------------------------
    def keep_and_restart(self) -> None:
        if not self.points():
            self.session.message.emit(self.tr("Nothing to keep yet: take some steps first"))
            return
        s = self.session.settings
        modes = {"sample": self.tr("per sample"), "minibatch": self.tr("mini-batch %1").replace(
            "%1", str(s.batch_size)), "batch": self.tr("full batch")}
        label = self.tr("η %1, μ %2, %3").replace("%1", fmt(s.lr, 4)).replace("%2", fmt(s.momentum, 4)) \
            .replace("%3", modes.get(s.mode, s.mode))
        self.add_kept(label, self.total.full_x, self.total.full_y)
        self.session.reset()

    def add_kept(self, label: str, x: np.ndarray, y: np.ndarray) -> None:
        """A kept run's curve (its label shown as plain text: it may come from a file)."""
        colour = KEPT_COLOURS[len(self.kept) % len(KEPT_COLOURS)]
        pen = pg.mkPen(colour, width=2, style=pg.QtCore.Qt.PenStyle.DashLine)
        curve = add_curve(self.item, np.array(x, dtype=float), np.array(y, dtype=float), pen=pen,
                          name=html.escape(label), **CURVE)
        curve.kept_label = label
        self.kept.append(curve)

    def kept_runs(self) -> list[tuple[str, np.ndarray, np.ndarray]]:
        """(label, steps, losses) of each kept curve, as kept (not as drawn, downsampled)."""
        return [(c.kept_label, c.full_x, c.full_y) for c in self.kept]

    def clear_kept(self) -> None:
        for curve in self.kept:
            self.hover.forget(curve)
            self.legend.removeItem(curve)
            self.item.removeItem(curve)
        self.kept = []
        self._placeholder()

    def _legend_columns(self) -> None:
        """Two columns from four entries (XOR: E and four samples), so it does not cover a short plot."""
        columns = 2 if len(self.legend.items) > 3 else 1
        if self.legend.columnCount != columns:
            self.legend.setColumnCount(columns)

    def _placeholder(self) -> None:
        drawn = bool(self.points()) or bool(self.kept)
        self.empty.setVisible(not drawn)
        self.legend.setVisible(drawn)    # nothing to name: the placeholder has the room to itself
