"""The loss plot as a picture (File → Export plot as PNG/SVG): at the size the learner asks for, laid
out for that size rather than stretched, and fitted to its curves first so it is never blank. SVG is
drawn by Qt's own QSvgGenerator (pyqtgraph's SVG exporter fails on Qt ≥ 6.10)."""
from __future__ import annotations

import re

from PySide6.QtCore import QBuffer, QByteArray, QCoreApplication, QIODevice, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QImage, QPaintDevice, QPainter
from PySide6.QtSvg import QSvgGenerator
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QSpinBox, QWidget

DEFAULT_SIZE = QSize(1600, 1000)
SIZE_RANGE = (200, 8000)
LAID_OUT_WIDTH = 1000     # the picture is laid out this wide (text and lines in proportion) and scaled


class SizeDialog(QDialog):
    """Width and height of the picture, in pixels."""

    def __init__(self, size: QSize, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(QCoreApplication.translate("PlotExport", "Picture size"))
        self.width_box, self.height_box = QSpinBox(), QSpinBox()
        for box, v in ((self.width_box, size.width()), (self.height_box, size.height())):
            box.setRange(*SIZE_RANGE)
            box.setSuffix(" px")
            box.setValue(v)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(QCoreApplication.translate("PlotExport", "Width"), self.width_box)
        form.addRow(QCoreApplication.translate("PlotExport", "Height"), self.height_box)
        form.addRow(buttons)

    def chosen(self) -> QSize:
        return QSize(self.width_box.value(), self.height_box.value())


def ask_size(parent: QWidget | None, size: QSize = DEFAULT_SIZE) -> QSize | None:
    dialog = SizeDialog(size, parent)
    return dialog.chosen() if dialog.exec() == QDialog.DialogCode.Accepted else None


def paint(panel, device: QPaintDevice, size: QSize) -> None:
    """Draw the plot (curves, axes, legend; not the hover label) onto `device`, `size` pixels big.
    The plot is laid out for a size of the same shape LAID_OUT_WIDTH wide, drawn, and put back; its
    range is the learner's (auto-range fits it to the curves as it paints, unless they zoomed)."""
    item, scene = panel.item, panel.plot.scene()
    scale = max(1.0, size.width() / LAID_OUT_WIDTH)
    laid = QRectF(0, 0, size.width() / scale, size.height() / scale)
    old = item.geometry()
    panel.hover.forget()
    item.setGeometry(laid)
    item.layout.activate()
    painter = QPainter(device)
    try:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(QRectF(0, 0, size.width(), size.height()), QColor("white"))
        scene.render(painter, QRectF(0, 0, size.width(), size.height()), item.sceneBoundingRect(),
                     Qt.AspectRatioMode.IgnoreAspectRatio)
    finally:
        painter.end()
        item.setGeometry(old)
        item.layout.activate()


def png_bytes(panel, size: QSize) -> bytes:
    image = QImage(size, QImage.Format.Format_ARGB32)
    paint(panel, image, size)
    return _encoded(image)


def svg_bytes(panel, size: QSize) -> bytes:
    buf = QByteArray()
    dev = QBuffer(buf)
    dev.open(QIODevice.OpenModeFlag.WriteOnly)
    gen = QSvgGenerator()
    gen.setOutputDevice(dev)
    gen.setSize(size)
    gen.setViewBox(QRectF(0, 0, size.width(), size.height()))
    gen.setTitle("Backprop Lab")
    paint(panel, gen, size)
    dev.close()
    # Qt writes the size in millimetres at its own resolution; a picture asked for in pixels says pixels.
    head, sep, rest = bytes(buf.data()).partition(b"viewBox=")
    head = re.sub(rb'width="[^"]*" height="[^"]*"', b'width="%d" height="%d"' % (size.width(), size.height()),
                  head, count=1)
    return head + sep + rest


def _encoded(image: QImage) -> bytes:
    buf = QByteArray()
    dev = QBuffer(buf)
    dev.open(QIODevice.OpenModeFlag.WriteOnly)
    if not image.save(dev, "PNG"):  # type: ignore[call-overload]  # the stubs want bytes; PySide wants str
        raise OSError(QCoreApplication.translate("PlotExport", "the image could not be encoded"))
    return bytes(buf.data())
