"""View → Learning-rate sweep: K copies of the network trained at once at learning rates on a log grid
(core.numerics.sweep), computed a slice per timer tick so the window keeps answering; the final loss
against η (log axis) beside the K loss curves. Clicking a copy's point opens that run in the window
(gui.sweep_run: its network trained to where the copy ended, with its history; one undo step) and shows
its curve here."""
from __future__ import annotations

import time

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QPushButton, QSpinBox, QVBoxLayout

from backprop_lab.core.numerics import finite_mean
from backprop_lab.core.numerics.sweep import Sweep, SweepResult, log_grid

from .numbers import fmt, parse_number
from .panels.log_axis import LogAxis
from .panels.number_field import NumberField
from .panels.plain_axes import plain_axes
from .sweep_run import open_sweep_run

TICK_SECONDS = 0.03        # the sweep's share of each tick: the window answers between slices
CURVE_POINTS = 300         # a copy's loss curve is drawn with at most this many points
MAX_COPIES_SHOWN = 1000
OK_BRUSH, GONE_BRUSH = pg.mkBrush("#1f4e9c"), pg.mkBrush("#c62828")
CHOSEN_PEN = pg.mkPen("#e07b39", width=3)


class SweepWindow(QDialog):
    def __init__(self, session, parent=None):
        super().__init__(parent)
        self.session = session
        self.sweep: Sweep | None = None
        self.steps_wanted = 0
        self.chunk = 64
        self.chosen: int | None = None
        self.start_loss = self.ceiling = 1.0
        self.outcome: SweepResult | None = None
        self.drawn: Sweep | None = None     # the sweep the plots show (a new one may be running)
        self.opening: int | None = None     # the copy being opened as long work in the main window
        session.message.connect(self._said)
        self.setObjectName("sweepWindow")
        self.setWindowTitle(self.tr("Learning-rate sweep"))
        self.low = NumberField(lambda t: None)
        self.high = NumberField(lambda t: None)
        self.low.show_value(1e-3)
        self.high.show_value(10.0)
        self.copies = QSpinBox()
        self.copies.setRange(2, MAX_COPIES_SHOWN)
        self.copies.setValue(20)
        self.steps = QSpinBox()
        self.steps.setRange(1, 1_000_000)
        self.steps.setGroupSeparatorShown(True)
        self.steps.setValue(1000)
        self.run_button = QPushButton(self.tr("Run sweep"))
        self.run_button.clicked.connect(self.start)
        self.stop_button = QPushButton(self.tr("Stop"))
        self.stop_button.clicked.connect(self.stop)
        self.stop_button.setEnabled(False)
        self.progress = QLabel()
        self.progress.setObjectName("sweepProgress")
        self.detail = QLabel(self.tr("Run a sweep, then click a point to open that run"))
        self.detail.setObjectName("sweepDetail")
        self.detail.setWordWrap(True)
        self._plots()
        self._layout()
        self.timer = QTimer(self)
        self.timer.setInterval(0)
        self.timer.timeout.connect(self._tick)

    def _plots(self) -> None:
        self.final_plot = pg.PlotWidget(background="w", axisItems={"bottom": LogAxis("bottom")})
        self.final_plot.setObjectName("sweepFinal")
        fi = self.final_plot.getPlotItem()
        fi.setLogMode(x=True, y=False)
        fi.setMenuEnabled(False)
        plain_axes(fi)
        fi.setLabel("bottom", self.tr("learning rate η (log scale)"))
        fi.setLabel("left", self.tr("final loss E"))
        # A PlotDataItem, not a bare scatter: it follows the plot's log axis.
        self.points = pg.PlotDataItem(pen=None, symbol="o", symbolSize=9, symbolPen=pg.mkPen("w"))
        self.points.sigPointsClicked.connect(self._clicked)
        fi.addItem(self.points)
        self.curves_plot = pg.PlotWidget(background="w")
        self.curves_plot.setObjectName("sweepCurves")
        ci = self.curves_plot.getPlotItem()
        ci.setMenuEnabled(False)
        plain_axes(ci)
        ci.setLabel("bottom", self.tr("step"))
        ci.setLabel("left", self.tr("loss E"))
        self.curves = pg.PlotCurveItem(pen=pg.mkPen(120, 140, 170, 90), connect="finite")
        self.chosen_curve = pg.PlotCurveItem(pen=CHOSEN_PEN, connect="finite")
        ci.addItem(self.curves)
        ci.addItem(self.chosen_curve)

    def _layout(self) -> None:
        bar = QHBoxLayout()
        for text, w in ((self.tr("η from"), self.low), (self.tr("to"), self.high), (self.tr("copies"), self.copies),
                        (self.tr("steps"), self.steps)):
            bar.addWidget(QLabel(text))
            bar.addWidget(w)
        bar.addWidget(self.run_button)
        bar.addWidget(self.stop_button)
        plots = QHBoxLayout()
        plots.addWidget(self.final_plot, 1)
        plots.addWidget(self.curves_plot, 1)
        box = QVBoxLayout(self)
        box.addLayout(bar)
        box.addWidget(self.progress)
        box.addLayout(plots, 1)
        box.addWidget(self.detail)
        self.setMinimumSize(720, 420)
        self.resize(980, 520)

    # ----- running ------------------------------------------------------------------------------
    def start(self) -> str | None:
        """A new sweep from the network as it is now; None, or why it cannot start (shown)."""
        (low, e1), (high, e2) = parse_number(self.low.text()), parse_number(self.high.text())
        problem = e1 or e2
        s = self.session
        try:
            if problem is None and low is not None and high is not None:
                self.sweep = Sweep(s.net.copy(), s.data.copy(), s.settings.copy(),
                                   log_grid(low, high, self.copies.value()))
        except ValueError:
            problem = self.tr("The learning rates must be numbers with 0 < from ≤ to")
        if problem:
            self.progress.setText(problem)
            return problem
        self.steps_wanted, self.chunk, self.chosen = self.steps.value(), 16, None
        self.start_loss = s.loss
        self.chosen_curve.setData([], [])
        self.run_button.setEnabled(False)
        self.stop_button.setEnabled(True)
        self.timer.start()
        return None

    def _tick(self) -> None:
        sw = self.sweep
        assert sw is not None
        t0 = time.perf_counter()
        try:
            sw.run(min(self.chunk, self.steps_wanted - sw.step))
        except Exception as e:
            # Once, not at every tick of the timer: the sweep ends, says why, and the error goes on up.
            self._halt()
            self.progress.setText(self.tr("The sweep stopped on an error: %1").replace("%1", str(e)))
            raise
        took = time.perf_counter() - t0
        # As many steps a slice as fit in the tick's share, measured as it goes.
        self.chunk = max(1, min(self.chunk * 4, int(self.chunk * TICK_SECONDS / max(took, 1e-6))))
        self.progress.setText(self.tr("step %1 of %2").replace("%1", f"{sw.step:,}")
                              .replace("%2", f"{self.steps_wanted:,}"))
        if sw.step >= self.steps_wanted or not sw.alive.any():     # done, or every copy diverged
            self.stop()

    def stop(self) -> None:
        """The sweep ends (finished or stopped): its final losses and curves are drawn."""
        self._halt()
        if self.sweep is not None and self.sweep.step:
            self.draw()

    def _halt(self) -> None:
        self.timer.stop()
        self.run_button.setEnabled(True)
        self.stop_button.setEnabled(False)

    def draw(self) -> None:
        sw = self.sweep
        assert sw is not None
        r = sw.result()
        self.outcome, self.drawn = r, sw
        gone = r.diverged_at >= 0
        # A copy that blew up would squash every other onto the axis: the plots stop at twice the larger
        # of the starting loss and the copies' median final loss; such a copy is drawn at that ceiling
        # (▲, or × if it diverged).
        finite = r.final_loss[np.isfinite(r.final_loss)]
        self.ceiling = ceiling = 2.0 * max(self.start_loss, float(np.median(finite)) if finite.size else 0.0)
        over = ~(r.final_loss <= ceiling)
        shown = np.where(over, ceiling, r.final_loss)
        self.points.setData(r.lrs, shown, data=np.arange(len(r.lrs)),
                            symbolBrush=[GONE_BRUSH if o else OK_BRUSH for o in over],
                            symbol=["x" if g else ("t1" if o else "o") for g, o in zip(gone, over)])
        self.curves.setData(*self._stacked(np.minimum(r.losses, ceiling)))
        for plot in (self.final_plot, self.curves_plot):   # a new sweep's data: ranged afresh
            plot.getPlotItem().enableAutoRange(x=True)
            plot.getPlotItem().setYRange(0.0, ceiling, padding=0.05)
        self.progress.setText(self.tr("%1 copies × %2 steps; %3 diverged (red ×), red ▲: ended above twice the "
                                      "starting loss").replace("%1", str(len(r.lrs)))
                              .replace("%2", f"{sw.step:,}").replace("%3", str(int(gone.sum()))))

    @staticmethod
    def smoothed(losses: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Each copy's step losses as the mean of blocks of steps, at most CURVE_POINTS blocks (a step's
        loss is one sample's or one batch's: alone it jumps from sample to sample); x is each block's
        first step. A block holding a diverged step is NaN (the curve ends there)."""
        n = len(losses)
        size = max(1, -(-n // CURVE_POINTS))
        whole = n // size * size
        blocks = finite_mean.mean(losses[:whole].reshape(-1, size, losses.shape[1]), axis=1)
        x = np.arange(0, whole, size, dtype=float)
        if whole < n:
            blocks = np.vstack([blocks, finite_mean.mean(losses[whole:], axis=0)])
            x = np.append(x, float(whole))
        return x, blocks

    def _stacked(self, losses: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Every copy's curve in one item, NaN between copies."""
        x, blocks = self.smoothed(losses)
        K = losses.shape[1]
        y = np.vstack([blocks, np.full((1, K), np.nan)])
        return np.tile(np.append(x, np.nan), K), y.T.ravel()

    # ----- opening a run ------------------------------------------------------------------------
    def _clicked(self, _item, points, *_):
        if len(points):
            self.open_run(int(points[0].data()))

    def open_run(self, k: int) -> str | None:
        """Copy k opened in the window (gui.sweep_run; one undo step), its curve shown here; None, or why
        it cannot be opened now (said in the window's status bar and here)."""
        r, sw = self.outcome, self.drawn
        assert r is not None and sw is not None
        self.opening = None
        refused = open_sweep_run(self.session, sw, k, lambda: self._opened(k))
        if refused:
            self.detail.setText(refused)
            return refused
        self.chosen = k
        x, blocks = self.smoothed(r.losses[:, k:k + 1])
        self.chosen_curve.setData(x, np.minimum(blocks[:, 0], self.ceiling))
        if self.session.runner.running:         # long work: its progress and Cancel in the main window
            self.opening = k
            self._say(k, self.tr("opening it in the main window (progress and Cancel in its status bar)"))
        return None

    def _opened(self, k: int) -> None:
        self.opening = None
        self._say(k, self.tr("opened in the main window with its history (Undo returns to before)"))

    def _said(self, _text: str) -> None:
        """A message while a copy was being opened, with the work over and the copy not in place: cancelled."""
        if self.opening is not None and not self.session.runner.running:
            k, self.opening = self.opening, None
            self._say(k, self.tr("not opened: cancelled"))

    def _say(self, k: int, how: str) -> None:
        r = self.outcome
        assert r is not None
        if r.diverged_at[k] >= 0:
            text = self.tr("Copy %1: η = %2 diverged at step %3").replace("%3", str(int(r.diverged_at[k])))
        else:
            text = self.tr("Copy %1: η = %2, final loss %4").replace("%4", fmt(float(r.final_loss[k])))
        self.detail.setText(text.replace("%1", str(k + 1)).replace("%2", fmt(float(r.lrs[k]))) + " — " + how)

    def closeEvent(self, event):
        self.timer.stop()
        super().closeEvent(event)
