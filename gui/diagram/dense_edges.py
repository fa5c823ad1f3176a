"""The edges of a dense layer pair, painted by one item: the lines of one look in one call.

A 32-wide net of 8 layers has 8,192 edges; painted one item at a time (a Python call into each item and
a pen switch per line) a repaint took most of a second, so a Run on it froze the window at every
refresh. The EdgeItems stay for touch (hover, click, tooltips, labels) and paint themselves only when
selected, highlighted or hovered, over this. The item keeps its picture in a pixmap cache: a repaint
that is not about the edges (a neuron's number) costs a copy, not 8,192 lines. One item a layer pair,
so that a refresh that restyles a few edges of one pair repaints that pair alone, and the lines are
grouped by look again only after a look changed (`restyled`).
"""
from __future__ import annotations

from PySide6.QtCore import QLineF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QGraphicsItem

from . import style

MANY = 2000     # more lines than this are drawn without antialiasing (a third cheaper; at this density
                # the lines are a texture, not lines one follows)


class DenseEdges(QGraphicsItem):
    def __init__(self, edges: list, many: bool) -> None:
        super().__init__()
        self.edges = edges
        self.many = many             # the whole diagram's dense edges are MANY: drawn aliased and opaque
        self.setZValue(-0.5)                   # under every edge drawn by itself
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        self.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
        rect = QRectF()
        for e in edges:
            e.join(self)
            rect = rect.united(e.boundingRect())
        self._rect = rect
        self._groups: list[tuple[QPen, bool, list[QLineF]]] | None = None

    def boundingRect(self) -> QRectF:
        return self._rect

    def shape(self) -> QPainterPath:
        return QPainterPath()                  # never under the pointer: the edges answer touch

    def restyled(self) -> None:
        """Some edge's pen or dimming changed: group the lines again at the next paint."""
        self._groups = None
        self.update()

    def _grouped(self) -> list[tuple[QPen, bool, list[QLineF]]]:
        # Kept between paints: a repaint for another reason (a scroll, a zoom, the cache lost) groups
        # nothing again.
        if self._groups is None:
            groups: dict[tuple[int, bool], tuple[QPen, bool, list[QLineF]]] = {}
            for e in self.edges:
                key = (id(e.pen), e.dimmed)
                group = groups.get(key)
                if group is None:
                    group = groups[key] = (e.pen, e.dimmed, [])
                group[2].append(e.line)
            # The thick over the thin, the dimmed under the rest, and a fixed order between the colours:
            # what shows where lines cross does not depend on which edge came first.
            self._groups = sorted(groups.values(), key=lambda g: (not g[1], g[0].widthF(), g[0].color().rgba()))
        return self._groups

    def paint(self, painter, option, widget=None):
        base = painter.opacity()
        many = self.many
        if many:
            painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        for pen, dimmed, lines in self._grouped():
            if many:    # the dimming folded into the opaque colour: lines drawn translucent cost four times more
                painter.setPen(opaque(pen, style.DIMMED_OPACITY if dimmed else 1.0))
            else:
                painter.setOpacity(base * (style.DIMMED_OPACITY if dimmed else 1.0))
                painter.setPen(pen)
            painter.drawLines(lines)
        painter.setOpacity(base)


_OPAQUE: dict[tuple[int, float, float], QPen] = {}


def opaque(pen: QPen, opacity: float = 1.0) -> QPen:
    """The pen's translucent colour (drawn at `opacity`) as it shows over the background, opaque:
    blending thousands of lines costs more than drawing them."""
    key = (pen.color().rgba(), pen.widthF(), opacity)
    out = _OPAQUE.get(key)
    if out is None:
        c, bg = pen.color(), style.BACKGROUND
        a = c.alphaF() * opacity
        out = QPen(pen)
        out.setColor(QColor.fromRgbF(a * c.redF() + (1 - a) * bg.redF(), a * c.greenF() + (1 - a) * bg.greenF(),
                                     a * c.blueF() + (1 - a) * bg.blueF()))
        _OPAQUE[key] = out
    return out
