"""A weight: a line from neuron i of layer l-1 to neuron j of layer l, and its label ("U11 0.450").

Colour is the sign and width the magnitude (of the weight, or of dE/dw when the session asks for
gradient colours). The label is a separate top-level item so that no later edge is drawn over it;
in a dense layer pair it appears only on hover, selection or highlight. A dense pair's edges are
painted together by one item (gui.diagram.dense_edges, `batch`); such an edge paints itself only when
selected, highlighted or hovered.
"""
from __future__ import annotations

import math
from collections.abc import Callable
from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QLineF, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainterPath, QPainterPathStroker, QPen
from PySide6.QtWidgets import QGraphicsItem

from . import style

if TYPE_CHECKING:           # the scene imports this module to build its edges
    from .scene import NetworkScene
    from .scrub_number import ScrubNumber

_HIT_WIDTH = 10.0


class EdgeItem(QGraphicsItem):
    def __init__(self, key, p0: QPointF, p1: QPointF, label, label_pos: QPointF | None, dense: bool):
        """label: the label, or what makes it when it is first shown (a dense pair's: the largest net
        would otherwise make 8,192 labels at every layout, seconds in which the window stood still)."""
        super().__init__()
        self.key, self.dense = key, dense
        self._label: ScrubNumber | None = None if callable(label) else label
        self._make_label: Callable[[], ScrubNumber] | None = label if callable(label) else None
        self.fixed = label_pos is not None
        self.line = QLineF(p0, p1)
        self.pen = style.edge_pen(0, 10, 255)
        self.sign: int | None = None   # the sign the label's border shows, None: not told yet
        self.selected = self.emphasis = self.hovered = False
        self.dimmed = False
        self.batch = None            # the DenseEdges that paints this edge, if any
        self.setZValue(0)
        self.setAcceptHoverEvents(True)
        self.setAcceptedMouseButtons(Qt.MouseButton.LeftButton)
        if self.fixed:
            self.label.setPos(label_pos)
        self._update_label_visibility()

    @property
    def label(self):
        """The label, made now if it was not yet: ask for it only to show or change it (has_label)."""
        if self._label is None:
            label = self._make_label()
            label.setVisible(False)
            if self.sign is not None:
                label.set_border(self.pen.color())
            if self.dimmed:
                label.setOpacity(style.DIMMED_OPACITY)
            label.set_emphasis(self.selected)
            self._label = label
        return self._label

    @property
    def has_label(self) -> bool:
        return self._label is not None

    def join(self, batch) -> None:
        """Be painted by `batch` (a DenseEdges) unless selected, highlighted or hovered."""
        self.prepareGeometryChange()
        self.batch = batch
        self._contents()

    def _contents(self) -> None:
        # An edge the batch paints has no contents of its own: the view then skips it when painting
        # (no paint() and no boundingRect() call into Python for each of thousands of edges).
        own = self.batch is None or self.selected or self.emphasis or self.hovered
        flag = QGraphicsItem.GraphicsItemFlag.ItemHasNoContents
        if bool(self.flags() & flag) == own:
            self.setFlag(flag, not own)
        self.update()

    # ----- look ---------------------------------------------------------------------------------
    def set_look(self, sign: int, tenths: int) -> None:
        """Sign and width in tenths of a pixel (the scene tells only the edges whose look changed)."""
        pen = style.edge_pen(sign, tenths, 150 if self.dense else 235)
        if pen is self.pen:
            return
        if self.batch is not None:        # a fixed bounding rect; the scene tells the batch, once
            self.pen = pen
            if self.selected or self.emphasis or self.hovered:
                self.update()
        else:
            if pen.widthF() != self.pen.widthF():
                self.prepareGeometryChange()
            self.pen = pen
            self.update()
        if sign != self.sign:             # most looks that change are widths: the label's border stays
            self.sign = sign
            if self._label is not None:
                self._label.set_border(pen.color())

    def set_selected(self, on: bool) -> None:
        if on != self.selected:
            self.selected = on
            if on or self._label is not None:
                self.label.set_emphasis(on)
            self._raise()
            self._update_label_visibility()
            self._contents()

    def set_emphasis(self, on: bool) -> None:
        if on != self.emphasis:
            self.emphasis = on
            self._raise()
            self._update_label_visibility()
            self._contents()

    def _raise(self) -> None:
        # Above its neighbours, or a selected edge is lost under the others of a dense pair.
        self.setZValue(1 if self.selected or self.emphasis else 0)

    def set_dimmed(self, on: bool) -> bool:
        """True if that changed the look (the scene then tells the edge's batch, once for all its edges)."""
        if on == self.dimmed:
            return False
        self.dimmed = on
        opacity = style.DIMMED_OPACITY if on else 1.0
        self.setOpacity(opacity)
        if self._label is not None:
            self._label.setOpacity(opacity)
        return True

    @property
    def label_shown(self) -> bool:
        return self._label is not None and self._label.isVisible()

    def _update_label_visibility(self) -> None:
        on_demand = self.selected or self.emphasis or self.hovered
        shown = self.fixed or on_demand
        if not shown and self._label is None:
            return                        # not made, nothing to hide
        label = self.label
        if not self.fixed and on_demand and not label.isVisible():
            if not self.hovered:
                label.setPos(self.line.pointAt(0.5))
            label.setZValue(6)
        if shown != label.isVisible():
            label.setVisible(shown)
        scene = self.scene()
        if scene is not None:
            cast("NetworkScene", scene).note_label(self, shown)      # edges live only in the network's scene

    def boundingRect(self) -> QRectF:
        width = style.MAX_WIDTH if self.batch is not None else self.pen.widthF()
        pad = max(width + 8, _HIT_WIDTH) / 2 + 2
        return QRectF(self.line.p1(), self.line.p2()).normalized().adjusted(-pad, -pad, pad, pad)

    def shape(self) -> QPainterPath:
        path = QPainterPath(self.line.p1())
        path.lineTo(self.line.p2())
        stroker = QPainterPathStroker()
        stroker.setWidth(max(_HIT_WIDTH, self.pen.widthF()))
        return stroker.createStroke(path)

    def paint(self, painter, option, widget=None):
        if self.batch is not None and not (self.selected or self.emphasis or self.hovered):
            return
        if self.selected or self.emphasis:
            halo = QColor(style.SELECT if self.selected else style.HIGHLIGHT)
            halo.setAlpha(90 if self.selected else 60)
            painter.setPen(QPen(halo, self.pen.widthF() + 8, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap))
            painter.drawLine(self.line)
        painter.setPen(self.pen)
        painter.drawLine(self.line)

    # ----- touch --------------------------------------------------------------------------------
    def set_hovered(self, on: bool, pos: QPointF | None = None) -> None:
        """The pointer came onto (at pos, in item coordinates) or left the edge. An edge without
        contents of its own gets no hover events from Qt: the scene tells it (NetworkScene)."""
        if on == self.hovered:
            return
        self.hovered = on
        if on and pos is not None and not self.fixed and not self.label_shown:
            self.label.setPos(self._nearest(pos))
        self._update_label_visibility()
        self._contents()

    def hoverEnterEvent(self, event):
        self.set_hovered(True, event.pos())

    def hoverLeaveEvent(self, event):
        self.set_hovered(False)

    def _nearest(self, p: QPointF) -> QPointF:
        d = self.line.p2() - self.line.p1()
        length2 = d.x() ** 2 + d.y() ** 2
        if length2 == 0:
            return self.line.p1()
        u = ((p.x() - self.line.x1()) * d.x() + (p.y() - self.line.y1()) * d.y()) / length2
        return self.line.pointAt(min(0.85, max(0.15, u)))

    def mousePressEvent(self, event):
        event.accept()

    def mouseReleaseEvent(self, event):
        if self.shape().contains(event.pos()):
            self.scene().select(self.key)


def trimmed(p0: QPointF, p1: QPointF, r0: float, r1: float) -> tuple[QPointF, QPointF]:
    """The segment between two circles' rims, so edges start and end at the neurons' borders."""
    dx, dy = p1.x() - p0.x(), p1.y() - p0.y()
    length = math.hypot(dx, dy) or 1.0
    ux, uy = dx / length, dy / length
    return QPointF(p0.x() + ux * r0, p0.y() + uy * r0), QPointF(p1.x() - ux * r1, p1.y() - uy * r1)
