"""A number on the diagram that can be dragged sideways (scrubbed), double-clicked to type, or
clicked to select what it belongs to — after Bret Victor's scrubbable numbers.

The item asks its scene (NetworkScene) for the session and for the editor; it never edits by itself.
Drag distance is measured in screen pixels, so the feel is the same at every zoom.
"""
from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFontMetricsF, QPen
from PySide6.QtWidgets import QApplication, QGraphicsItem, QGraphicsObject

from . import style
from .bindings import scrub_value

_TEMPLATE = "\u22120.000"


class ScrubNumber(QGraphicsObject):
    def __init__(self, name: str, binding, px: float, chip: bool = True, parent=None,
                 value_colour: QColor = style.INK, name_colour: QColor = style.INK,
                 fill: QColor = style.CHIP_FILL, stacked: bool = False):
        super().__init__(parent)
        self.fill = QColor(fill)
        self.stacked = stacked and bool(name)      # name over value: half as wide, for narrow gaps
        self.name, self.binding, self.chip = name, binding, chip
        self.name_font = style.font(px, bold=True)
        self.value_font = style.font(px)
        self._name_fm, self._value_fm = QFontMetricsF(self.name_font), QFontMetricsF(self.value_font)
        self.value_colour, self.name_colour = value_colour, name_colour
        self.text = ""
        self._text_w = 0.0           # the text's advance: measured once per text, not at every change
        self.border = QColor(style.ZERO)
        self.emphasis = False
        self.locked = False
        self._press_x = None
        self._start = 0.0
        self._scrubbing = False
        self._refused = False
        self._min_value_w = self._value_fm.horizontalAdvance(_TEMPLATE)
        self._rect = QRectF()
        self._relayout()
        # Repaints after an edit redraw only the numbers that changed; the rest is blitted.
        self.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
        if binding is not None:
            self.setAcceptHoverEvents(True)
            self.setCursor(Qt.CursorShape.SizeHorCursor)
        self.setAcceptedMouseButtons(Qt.MouseButton.LeftButton if binding is not None
                                     else Qt.MouseButton.NoButton)

    # ----- look ---------------------------------------------------------------------------------
    @property
    def editable(self) -> bool:
        return self.binding is not None

    def _relayout(self):
        pad = 6.0 if self.chip else 1.0
        name_w = self._name_fm.horizontalAdvance(self.name) if self.name else 0.0
        value_w = max(self._min_value_w, self._text_w)
        if self.stacked:
            w = max(name_w, value_w) + 2 * pad
            h = self._name_fm.height() + self._value_fm.height() + 2.0
            self._layout = (pad, name_w, 0.0, value_w)
        else:
            gap = self._name_fm.horizontalAdvance(" ") if self.name else 0.0
            h = max(self._name_fm.height(), self._value_fm.height()) + (4.0 if self.chip else 0.0)
            w = name_w + gap + value_w + 2 * pad
            self._layout = (pad, name_w, gap, value_w)
        self._rect = QRectF(-w / 2, -h / 2, w, h)

    def frame(self) -> QRectF:
        """The drawn rectangle in scene coordinates (the bounding rect adds a margin for the pen)."""
        return self.mapRectToScene(self._rect)

    def size(self) -> tuple[float, float]:
        return self._rect.width(), self._rect.height()

    def set_value(self, value: float, digits: int = 3) -> None:
        self.set_text(style.format_value(value, digits, given=self.editable))

    def set_text(self, text: str) -> None:
        """Any text in the number's place (an exercise's hidden number shows "?")."""
        if text == self.text:
            return
        old_w = max(self._min_value_w, self._text_w)
        self.text, self._text_w = text, self._value_fm.horizontalAdvance(text)
        if self._text_w > old_w or old_w > self._min_value_w:
            scene = self.scene()
            if scene is not None and self.isVisible():
                # Where the old, wider frame was is told to the scene, not left to prepareGeometryChange:
                # on a look-back (the banner shown over the view and the plot's buttons in the same
                # turn) Qt's own record missed it and an edge of the old frame stayed on screen.
                scene.update(self.sceneBoundingRect())
            self.prepareGeometryChange()
            self._relayout()
        self.update()

    def set_locked(self, on: bool) -> None:
        """The teacher locked this number (gui.lock): a grey chip with a dashed border."""
        if on != self.locked:
            self.locked = on
            self.update()

    def set_border(self, colour: QColor) -> None:
        if colour != self.border:
            self.border = QColor(colour)
            self.update()

    def set_emphasis(self, on: bool) -> None:
        if on != self.emphasis:
            self.emphasis = on
            self.update()

    def boundingRect(self) -> QRectF:
        return self._rect.adjusted(-2, -2, 2, 2)

    def paint(self, painter, option, widget=None):
        r = self._rect
        if self.chip:
            painter.setBrush(style.LOCKED_FILL if self.locked else self.fill)
            pen = QPen(style.SELECT if self.emphasis else self.border, 2.2 if self.emphasis else 1.1)
            if self.locked:
                pen.setStyle(Qt.PenStyle.DashLine)
            painter.setPen(pen)
            painter.drawRoundedRect(r, r.height() / 2.6, r.height() / 2.6)
        pad, name_w, gap, value_w = self._layout
        if self.stacked:
            top = QRectF(r.left(), r.top() + 1, r.width(), self._name_fm.height())
            bottom = QRectF(r.left(), top.bottom(), r.width(), self._value_fm.height())
            painter.setFont(self.name_font)
            painter.setPen(self.name_colour)
            painter.drawText(top, Qt.AlignmentFlag.AlignCenter, self.name)
            painter.setFont(self.value_font)
            painter.setPen(self.value_colour)
            painter.drawText(bottom, Qt.AlignmentFlag.AlignCenter, self.text)
            return
        x = r.left() + pad
        if self.name:
            painter.setFont(self.name_font)
            painter.setPen(self.name_colour)
            painter.drawText(QRectF(x, r.top(), name_w + 1, r.height()), Qt.AlignmentFlag.AlignVCenter, self.name)
            x += name_w + gap
        painter.setFont(self.value_font)
        painter.setPen(self.value_colour)
        align = Qt.AlignmentFlag.AlignVCenter | (Qt.AlignmentFlag.AlignRight if self.name
                                                 else Qt.AlignmentFlag.AlignHCenter)
        painter.drawText(QRectF(x, r.top(), value_w, r.height()), align, self.text)
        if self.editable and not self.chip:
            # A dotted underline says "this one moves" where there is no chip around it.
            painter.setPen(QPen(self.value_colour, 1.0, Qt.PenStyle.DotLine))
            y = r.bottom() - 1.0
            w = self._text_w
            cx = x + value_w / 2
            painter.drawLine(QPointF(cx - w / 2, y), QPointF(cx + w / 2, y))

    # ----- touch --------------------------------------------------------------------------------
    def mousePressEvent(self, event):
        if event.button() != Qt.MouseButton.LeftButton:
            event.ignore()
            return
        event.accept()
        self._press_x = self._last_x = event.screenPos().x()
        self._pixels = [0.0, 0.0]                # dragged at the normal step, and with Shift held
        self._scrubbing = self._refused = False
        self._start = self.binding.get(self.scene().session)

    def mouseMoveEvent(self, event):
        if self._press_x is None:
            return
        x = event.screenPos().x()
        scene = self.scene()
        if not self._scrubbing:
            if abs(x - self._press_x) < QApplication.startDragDistance() or self._refused:
                return
            if scene.begin_scrub(self):
                self._refused = True          # said why once; the rest of this drag does nothing
                return
            self._scrubbing = True
        # Shift may be pressed or let go in mid-drag: each stretch of the drag counts at its own step.
        fine = bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
        self._pixels[fine] += x - self._last_x
        self._last_x = x
        scene.scrub(self, scrub_value(self._start, *self._pixels))

    def mouseReleaseEvent(self, event):
        if self._press_x is None:
            return
        scene = self.scene()
        if self._scrubbing:
            scene.end_scrub(self)
        elif not self._refused:
            scene.select(self.binding.select_key)
        self._press_x, self._scrubbing = None, False

    def mouseDoubleClickEvent(self, event):
        if event.button() == Qt.MouseButton.LeftButton:
            event.accept()
            self.scene().request_edit(self)


class PlainNumber(ScrubNumber):
    """A number that is only shown (an activation, a loss term): clicks fall through to its owner."""

    def __init__(self, name: str, px: float, chip: bool = False, parent=None, value_colour=style.INK,
                 name_colour=style.MUTED):
        super().__init__(name, None, px, chip, parent, value_colour, name_colour)
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsSelectable, False)
