"""The loss landscape: the whole data set's loss as the last one or two parameters the learner clicked
(edges or biases in the diagram: ViewState.picked) vary, every other parameter where it is now. One
parameter: a curve; two: a heatmap with isolines. On it: the current point, the negative gradient as
an arrow, and the path training took (the trace's columns of those parameters). The numbers come from
core.numerics.landscape; the grid's ranges stay put while the point moves inside them, so dragging a
picked weight only moves the point, and dragging another one recomputes the grid."""
from __future__ import annotations

import math

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QPointF
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QVBoxLayout, QWidget

from backprop_lab.core.numerics import landscape as ls
from backprop_lab.core.numerics.trace import parameter_columns

from ..on_screen import on_screen
from ..plain_text import plain_label
from .loss_plot import loss_label
from .plain_axes import plain_axes

LUT = pg.colormap.get("viridis").getLookupTable(nPts=256)
ISOLINES = 8
PATH_PEN = pg.mkPen("#d62728", width=2)
ARROW_PEN = pg.mkPen("#ffffff", width=2)
CURVE_PEN = pg.mkPen("#1f4e9c", width=2)
DRAG_GRID = 50            # points a side while a weight is being dragged (16× fewer): the full grid on release
ARROW_SHARE = 0.2         # the arrow's length: this share of the plot's width (its direction is −∇E)


def arrow_end(p: np.ndarray, g: np.ndarray, widths: np.ndarray) -> np.ndarray:
    """Where the −∇E arrow from p ends: along −g, as long as ARROW_SHARE of the plot in the axis it
    leans along most."""
    v = -g
    reach = np.max(np.abs(v) / widths)
    return p if reach == 0 or not np.isfinite(reach) else p + v * (ARROW_SHARE / reach)


class LandscapeView(QWidget):
    def __init__(self, session, parent=None):
        super().__init__(parent)
        self.session = session
        self.frames = 0
        self.result: ls.Landscape | None = None
        self._ranges: list[tuple[float, float]] = []
        self._key: tuple | None = None          # what the grid was computed for
        self._dirty = True
        self.title = plain_label()
        self.title.setObjectName("landscapeTitle")
        self.title.setWordWrap(True)
        self.two_box = QCheckBox(self.tr("two parameters"))
        self.two_box.setChecked(True)
        self.two_box.toggled.connect(lambda _on: self.recompute())
        self.plot = pg.PlotWidget(background="w")
        self.plot.setObjectName("landscapePlot")
        pi = self.item = self.plot.getPlotItem()
        pi.setMenuEnabled(False)
        plain_axes(pi)
        self.image = pg.ImageItem(axisOrder="row-major")
        self.image.setLookupTable(LUT)
        pi.addItem(self.image)
        self.isolines = [pg.IsocurveItem(pen=pg.mkPen(255, 255, 255, 110)) for _ in range(ISOLINES)]
        for iso in self.isolines:
            iso.setParentItem(self.image)
        self.curve = pi.plot([], [], pen=CURVE_PEN)
        self.path = pi.plot([], [], pen=PATH_PEN)
        self.shaft = pi.plot([], [], pen=ARROW_PEN)
        self.head = pg.ArrowItem(headLen=12, tipAngle=35, brush="w", pen=pg.mkPen("#333"))
        pi.addItem(self.head)
        self.point = pg.ScatterPlotItem(size=11, brush=pg.mkBrush("#ff7f0e"), pen=pg.mkPen("#222"))
        pi.addItem(self.point)
        bar = QHBoxLayout()
        bar.setContentsMargins(0, 0, 0, 0)
        bar.addWidget(self.title, 1)
        bar.addWidget(self.two_box)
        box = QVBoxLayout(self)
        box.setContentsMargins(2, 2, 2, 2)
        box.addLayout(bar)
        box.addWidget(self.plot, 1)
        session.changed.connect(self._changed)
        session.view.pickedChanged.connect(lambda _p: self.recompute())
        session.shapeChanged.connect(self.recompute)
        session.notationChanged.connect(self.retranslate)
        self.recompute()

    # ----- what is drawn ------------------------------------------------------------------------
    def keys(self) -> list:
        s = self.session
        picked = [k for k in s.view.picked if s.index(k) is not None]
        return picked[-2:] if self.two_box.isChecked() else picked[-1:]

    def names(self, keys) -> list[str]:
        return [self.session.label(k) for k in keys]

    def recompute(self) -> None:
        """The picks changed: new ranges around the present and the path, then a new grid."""
        self._ranges, self._key = [], None
        self._dirty = True
        self._changed()

    def _changed(self, *_):
        if on_screen(self):
            self.refresh()
        else:
            self._dirty = True

    def retranslate(self) -> None:
        """A change of language: the title and axes are written from names, so they are written again."""
        self._dirty = True
        self._changed()

    def catch_up(self) -> None:
        if self._dirty:
            self.refresh()

    def showEvent(self, event):
        super().showEvent(event)
        self.catch_up()

    def path_values(self, indices: list[int]) -> np.ndarray:
        """(steps + 1, len(indices)): the picked parameters before each step, then now."""
        s = self.session
        names = parameter_columns(s.net)
        now = s.shown_net.theta[indices]
        if not len(s.trace):
            return now[None, :]
        cols = [s.trace.column(names[i]) for i in indices]
        return np.vstack([np.column_stack(cols), now])

    def refresh(self) -> None:
        self._dirty = False
        s = self.session
        keys = self.keys()
        self.two_box.setVisible(len(s.view.picked) == 2)
        for it in (self.image, self.curve, self.path, self.shaft, self.head, self.point):
            it.setVisible(bool(keys))
        if not keys:
            self.title.setText(self.tr("Click one or two edges (weights) or biases in the diagram: the loss "
                                       "is drawn over them, every other parameter held where it is."))
            self.result = None
            return
        net = s.shown_net
        indices = [s.index(k) for k in keys]
        path = self.path_values(indices)
        now = path[-1]
        if not self._ranges or any(not lo <= v <= hi for v, (lo, hi) in zip(now, self._ranges)):
            self._ranges = [ls.span_of(now[m], path[:, m]) for m in range(len(indices))]
            self._key = None
        others = net.theta.copy()
        others[indices] = 0.0
        n = DRAG_GRID if s.scrubbing() else ls.GRID
        key = (tuple(indices), others.tobytes(), s.data.X.tobytes(), s.data.Y.tobytes(), net.loss)
        # Same surface (only the picked parameters moved): keep the grid, unless a coarse one is left over.
        if key != self._key or (n == ls.GRID and self.result is not None and len(self.result.axes[0]) != n):
            self.result = ls.landscape(net, s.data.X, s.data.Y, indices, self._ranges, n)
            self._key = key
        names = self.names(keys)
        self.title.setText(self.tr("%2 over %1").replace("%1", self.tr(" and ").join(names))
                           .replace("%2", s.notation.loss))
        grad = s.total_state.grad[indices]
        if len(indices) == 1:
            self._draw_curve(names[0], now, path, grad)
        else:
            self._draw_map(names, now, path, grad)
        self.frames += 1

    def _draw_curve(self, name: str, now, path, grad) -> None:
        r = self.result
        assert r is not None
        self.image.setVisible(False)
        x, y = r.axes[0], r.loss
        self.curve.setData(x, y)
        px = path[:, 0]
        self.path.setData(px, np.interp(px, x, y))
        e_now = float(np.interp(now[0], x, y))
        end = arrow_end(now, grad, np.array([x[-1] - x[0]]))
        tip = (float(end[0]), e_now + float(grad[0]) * float(end[0] - now[0]))   # along the tangent
        self._arrow((float(now[0]), e_now), tip)
        self.point.setData([now[0]], [e_now])
        self.item.setLabel("bottom", name)
        self.item.setLabel("left", loss_label(self.session))
        self.item.setAspectLocked(False)

    def _draw_map(self, names, now, path, grad) -> None:
        r = self.result
        assert r is not None
        self.curve.setData([], [])
        self.image.setVisible(True)
        (x0, x1), (y0, y1) = self._ranges
        # Levels from the finite losses only: an overflowed corner of the grid (inf, or NaN past a
        # softmax's inf − inf) is left undrawn, and a grid with none is a blank map, not an error.
        seen = r.loss[np.isfinite(r.loss)]
        lo, hi = (float(seen.min()), float(np.percentile(seen, 98))) if seen.size else (0.0, 1.0)
        hi = hi if hi > lo else lo + 1.0
        self.image.setImage(r.loss, autoLevels=False, levels=(lo, hi))
        self.image.setRect(x0, y0, x1 - x0, y1 - y0)
        for iso, level in zip(self.isolines, np.linspace(lo, hi, ISOLINES + 2)[1:-1]):
            iso.setData(r.loss.T)        # IsocurveItem reads its data column-major, in pixels
            iso.setLevel(level)
        self.path.setData(path[:, 0], path[:, 1])
        end = arrow_end(now, grad, np.array([x1 - x0, y1 - y0]))
        self._arrow((float(now[0]), float(now[1])), (float(end[0]), float(end[1])))
        self.point.setData([now[0]], [now[1]])
        self.item.setLabel("bottom", names[0])
        self.item.setLabel("left", names[1])

    def _arrow(self, start, tip) -> None:
        self.shaft.setData([start[0], tip[0]], [start[1], tip[1]])
        vb = self.item.vb
        a = vb.mapViewToScene(QPointF(*start))
        b = vb.mapViewToScene(QPointF(*tip))
        # ArrowItem's angle 0 points left; Qt's scene y grows downwards.
        self.head.setStyle(angle=math.degrees(math.atan2(-(b.y() - a.y()), -(b.x() - a.x()))))
        self.head.setPos(*tip)
        self.head.setVisible(tip != start)

