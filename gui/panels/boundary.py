"""The decision boundary: a two-input network's output over the input plane as a heatmap with the data
points on it, and beside it a thumbnail of every hidden neuron's output over the same plane (as
TensorFlow Playground draws them). The numbers come from core.numerics.plane (one forward pass of the
whole grid); this view only colours them. It follows every run tick while it is on screen."""
from __future__ import annotations

import time

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QSplitter, QVBoxLayout, QWidget

from backprop_lab.core.numerics import plane as pl

from ..numbers import fmt
from ..on_screen import on_screen
from .data_points import PointEditor, PointsViewBox
from .plain_axes import plain_axes

# Playground's colours: orange for the low end, blue for the high end, near-white between.
LOW, MID, HIGH = (245, 147, 34), (232, 234, 235), (8, 119, 189)
COLOURS = pg.ColorMap([0.0, 0.5, 1.0], [LOW, MID, HIGH])
LUT = COLOURS.getLookupTable(nPts=256)
FRAME_SECONDS = 0.015     # while running, at most one picture a runner tick (as the loss plot)
POINT_SIZE = 8
THUMB_STRIDE = 2          # thumbnails take every second grid point: a few dozen pixels on screen, and
                          # a quarter of the cost of painting them
THUMB_GAP = 3


def class_colours(values: np.ndarray, lo: float, hi: float) -> list:
    """A brush per data point: its target on the output's colour scale."""
    t = np.clip((values - lo) / (hi - lo), 0.0, 1.0)
    return [pg.mkBrush(c) for c in COLOURS.map(t, mode="qcolor")]


def image_view(name: str, vb: pg.ViewBox | None = None) -> tuple[pg.PlotWidget, pg.ImageItem]:
    plot = pg.PlotWidget(background="w", viewBox=vb)
    plot.setObjectName(name)
    item = plot.getPlotItem()
    item.setMenuEnabled(False)
    plain_axes(item)
    item.setAspectLocked(True)
    image = pg.ImageItem(axisOrder="row-major")
    image.setLookupTable(LUT)
    item.addItem(image)
    return plot, image


class BoundaryView(QWidget):
    def __init__(self, session, parent=None):
        super().__init__(parent)
        self.session = session
        self.frames = 0                       # pictures drawn (the benchmark counts them)
        self._grid: pl.PlaneGrid | None = None
        self._dirty = True
        self._last_frame = 0.0
        self.plane: pl.Plane | None = None
        self._points_key: tuple | None = None
        self._placed: tuple | None = None     # the extent and shape the image was placed for
        self._brushes: list = []
        self._targets: list[np.ndarray] = []

        self.note = QLabel()
        self.note.setObjectName("boundaryNote")
        self.note.setWordWrap(True)
        self.note.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.output_box = QComboBox()
        self.output_box.currentIndexChanged.connect(lambda _i: self.refresh())
        self.output_label = QLabel(self.tr("Output shown:"))
        self.plot, self.image = image_view("boundaryPlot", PointsViewBox())
        self.editor = PointEditor(self, self.plot.getPlotItem().vb)
        self.class_box = QComboBox()
        self.class_box.setObjectName("newPointClass")
        self.class_box.setToolTip(self.tr("Click the plot to add a point of this class; drag a point to move "
                                          "it; right-click (or Ctrl+click) a point to delete it"))
        self.class_label = QLabel(self.tr("New point:"))
        pi = self.plot.getPlotItem()
        pi.setLabel("bottom", self.tr("input 1"))
        pi.setLabel("left", self.tr("input 2"))
        self.points = pg.ScatterPlotItem(size=POINT_SIZE, pen=pg.mkPen("#222", width=1))
        pi.addItem(self.points)
        self.thumbs, self.thumb_image = image_view("neuronThumbnails")
        ti = self.thumbs.getPlotItem()
        ti.hideAxis("left")
        ti.hideAxis("bottom")
        ti.invertY(True)
        ti.setMouseEnabled(False, False)
        ti.setTitle(self.tr("hidden neurons"), size="9pt")

        bar = QHBoxLayout()
        bar.setContentsMargins(0, 0, 0, 0)
        bar.addWidget(self.output_label)
        bar.addWidget(self.output_box)
        bar.addWidget(self.class_label)
        bar.addWidget(self.class_box)
        bar.addStretch(1)
        self.bar = bar
        self.split = QSplitter(Qt.Orientation.Horizontal)
        self.split.addWidget(self.thumbs)
        self.split.addWidget(self.plot)
        self.split.setStretchFactor(0, 1)
        self.split.setStretchFactor(1, 3)
        box = QVBoxLayout(self)
        box.setContentsMargins(2, 2, 2, 2)
        box.addLayout(bar)
        box.addWidget(self.note)
        box.addWidget(self.split, 1)

        session.changed.connect(self._changed)
        session.progressed.connect(self._changed)
        session.shapeChanged.connect(self.rebuild)
        session.notationChanged.connect(self._renamed)
        session.samplesChanged.connect(self.forget_grid)
        session.signals.dataChanged.connect(self.forget_grid)
        self.rebuild()

    # ----- shape and grid -----------------------------------------------------------------------
    def drawable(self) -> bool:
        return pl.can_draw(self.session.net)

    def rebuild(self) -> None:
        net = self.session.net
        ok = pl.can_draw(net)
        self.note.setText("" if ok else self.tr(
            "The decision boundary is drawn over the plane of two inputs; this network has %1 inputs. "
            "Give it two inputs (Architecture) to see it.").replace("%1", str(net.n_inputs)))
        self.note.setVisible(not ok)
        self.split.setVisible(ok)
        outputs = net.sizes[-1]
        self.output_box.blockSignals(True)
        self.output_box.clear()
        self.output_box.addItems([self.session.notation.neuron("a", net.depth, k) for k in range(outputs)])
        self.output_box.blockSignals(False)
        for w in (self.output_box, self.output_label):
            w.setVisible(ok and outputs > 1)
        self._targets = pl.class_targets(net)
        self.class_box.clear()
        for k, y in enumerate(self._targets):
            self.class_box.addItem(self._class_text(k, y))
        self.class_box.setCurrentIndex(len(self._targets) - 1)
        for w in (self.class_box, self.class_label):
            w.setVisible(ok)
        self.thumbs.setVisible(ok and net.depth > 1)
        self.forget_grid()

    def _class_text(self, k: int, y) -> str:
        return self.tr("class %1 (y = %2)").replace("%1", str(k + 1)).replace("%2", ", ".join(fmt(v) for v in y))

    def retranslate(self) -> None:
        """A change of language: the classes and the note in the new words, the choice kept."""
        for k, y in enumerate(self._targets):
            self.class_box.setItemText(k, self._class_text(k, y))
        if self.note.isVisibleTo(self):
            self.rebuild()

    def _renamed(self, _form) -> None:
        """Another notation: the outputs' names in the chooser, the choice kept."""
        net = self.session.net
        for k in range(min(self.output_box.count(), net.sizes[-1])):
            self.output_box.setItemText(k, self.session.notation.neuron("a", net.depth, k))

    def forget_grid(self) -> None:
        """The data moved: the plane is laid out afresh around it at the next picture."""
        self._grid = None
        self._dirty = True
        self._points_key = None
        self._changed()

    def grid(self) -> pl.PlaneGrid:
        if self._grid is None:
            self._grid = pl.PlaneGrid.over(pl.extent_of(self.session.data.X))
        return self._grid

    # ----- drawing ------------------------------------------------------------------------------
    def _changed(self, *_):
        if not on_screen(self):
            self._dirty = True
            return
        running = self.session.training_state == "running"
        if not running or time.perf_counter() - self._last_frame >= FRAME_SECONDS:
            self.refresh()

    def catch_up(self) -> None:
        if self._dirty:
            self.refresh()

    def showEvent(self, event):
        super().showEvent(event)
        self.catch_up()

    def refresh(self) -> None:
        self._dirty = False
        if not self.drawable():
            self.plane = None
            return
        s = self.session
        net, grid = s.shown_net, self.grid()
        self.plane = plane = pl.evaluate_plane(net, grid)
        k = max(0, self.output_box.currentIndex())
        out = plane.output[k]
        targets = s.data.Y[:, k]
        lo, hi = pl.levels(net.layers[-1].activation, out, targets)
        x0, x1, y0, y1 = grid.extent
        self.image.setImage(out, autoLevels=False, levels=(lo, hi))
        # Placed again only when the plane moved: placing it tells the view its bounds changed (a
        # third of a live picture's cost in pyqtgraph).
        if self._placed != (grid.extent, out.shape):
            self._placed = (grid.extent, out.shape)
            self.image.setRect(x0, y0, x1 - x0, y1 - y0)
        self._draw_points(targets, lo, hi)
        if net.depth > 1:
            tiles = pl.montage(plane, [spec.activation for spec in net.layers[:-1]], gap=THUMB_GAP,
                               stride=THUMB_STRIDE)
            self.thumb_image.setImage(tiles, autoLevels=False, levels=(-1.0, 1.0))
        self.frames += 1
        self._last_frame = time.perf_counter()

    def _draw_points(self, targets: np.ndarray, lo: float, hi: float) -> None:
        # Brushes cost more than the picture: made again only when the data or the scale changed.
        key = (lo, hi, self.output_box.currentIndex())
        if key == self._points_key:
            return
        self._points_key = key
        self._brushes = class_colours(targets, lo, hi)
        self.show_points(self.session.data.X)

    def show_points(self, X: np.ndarray) -> None:
        """The data points at X (the data set's, or with one point where it is being dragged)."""
        self.points.setData(X[:, 0], X[:, 1], brush=self._brushes)

    def chosen_target(self) -> np.ndarray:
        return self._targets[max(0, self.class_box.currentIndex())]
