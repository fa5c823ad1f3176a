"""A neuron: a circle with its symbol (x1, h1, o2) and its current activation.

Inputs carry a scrubbable value (the learner may change the input); hidden and output values are
computed, so they are only shown. The circle is what a click selects.
"""
from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFontMetricsF, QPen
from PySide6.QtWidgets import QGraphicsItem

from . import style
from .bindings import InputBinding
from .scrub_number import PlainNumber, ScrubNumber


class NeuronItem(QGraphicsItem):
    def __init__(self, key, symbol: str, radius: float, symbol_px: float, value_px: float, fill: QColor):
        super().__init__()
        self.key, self.symbol, self.radius, self.fill = key, symbol, radius, QColor(fill)
        self.selected = self.emphasis = False
        self.has_bias = False          # compact diagrams mark a hidden bias badge with "+b"
        self.symbol_font = style.font(symbol_px, bold=True)
        room = 1.7 * radius            # a long symbol (h1_out1) shrinks to fit inside the circle
        width = QFontMetricsF(self.symbol_font).horizontalAdvance(symbol)
        if width > room:
            self.symbol_font = style.font(max(7.0, symbol_px * room / width), bold=True)
        self.setAcceptedMouseButtons(Qt.MouseButton.LeftButton)
        self.setZValue(2)
        self.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
        _, layer, j = key
        if layer == 0:
            self.number = ScrubNumber("", InputBinding(j), value_px, chip=False, parent=self)
        else:
            self.number = PlainNumber("", value_px, parent=self)
        sym_h = QFontMetricsF(self.symbol_font).height()
        self._symbol_rect = QRectF(-radius, -sym_h - 1, 2 * radius, sym_h)
        self.number.setPos(0, self.number.size()[1] / 2 + 1)

    def set_value(self, v: float) -> None:
        self.number.set_value(v)

    def set_selected(self, on: bool) -> None:
        if on != self.selected:
            self.selected = on
            self.update()

    def set_emphasis(self, on: bool) -> None:
        if on != self.emphasis:
            self.emphasis = on
            self.update()

    def boundingRect(self) -> QRectF:
        r = self.radius + 8
        return QRectF(-r, -r, 2 * r, 2 * r)

    def shape(self):
        from PySide6.QtGui import QPainterPath
        path = QPainterPath()
        path.addEllipse(QPointF(0, 0), self.radius, self.radius)
        return path

    def paint(self, painter, option, widget=None):
        r = self.radius
        if self.selected:
            painter.setPen(QPen(style.SELECT, 4.0))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawEllipse(QPointF(0, 0), r + 5, r + 5)
        painter.setBrush(self.fill)
        painter.setPen(QPen(style.HIGHLIGHT if self.emphasis else style.MUTED, 3.0 if self.emphasis else 1.4))
        painter.drawEllipse(QPointF(0, 0), r, r)
        if self.has_bias:
            painter.setFont(style.font(r * 0.5))
            painter.setPen(style.MUTED)
            painter.drawText(QRectF(r * 0.55, -r * 1.25, r, r * 0.6), Qt.AlignmentFlag.AlignLeft, "+b")
        painter.setFont(self.symbol_font)
        painter.setPen(style.INK)
        painter.drawText(self._symbol_rect, Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignBottom,
                         self.symbol)

    def mousePressEvent(self, event):
        event.accept()

    def mouseReleaseEvent(self, event):
        if self.contains(event.pos()):
            self.scene().select(self.key)
