"""For a classroom: full screen (F11), one zoom for the whole window (Ctrl+=, Ctrl+−, Ctrl+0) and a
high-contrast theme, under View.

The zoom is one factor (`factor()`) that everything sized in points follows: the application font
(every widget that has not set its own), the widgets that did set a font (scaled from the size they
had at 100 %), the typeset formulas (gui.teaching.typeset reads the factor when it typesets), the
diagram (laid out for a room the factor smaller, then shown the factor larger) and the plot's axes.
"""
from __future__ import annotations

import pyqtgraph as pg
from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QAction, QColor, QFont, QKeySequence, QPalette
from PySide6.QtWidgets import QApplication, QWidget

from .panels.loss_plot import TOTAL_PEN
from .zoom import factor, set_factor

ZOOMS = (0.8, 0.9, 1.0, 1.25, 1.5, 1.75, 2.0, 2.5, 3.0)
_BASE = "zoomBasePointSize"     # a widget property: the point size of its own font at 100 %


def high_contrast_palette() -> QPalette:
    """Black on white, a deep blue selection: the colours a projector washes out least."""
    p = QPalette()
    roles = QPalette.ColorRole
    for role, colour in ((roles.Window, "#ffffff"), (roles.WindowText, "#000000"), (roles.Base, "#ffffff"),
                         (roles.AlternateBase, "#eeeeee"), (roles.Text, "#000000"), (roles.Button, "#ffffff"),
                         (roles.ButtonText, "#000000"), (roles.Highlight, "#00007a"),
                         (roles.HighlightedText, "#ffffff"), (roles.ToolTipBase, "#ffffe0"),
                         (roles.ToolTipText, "#000000"), (roles.PlaceholderText, "#333333"),
                         (roles.Mid, "#000000"), (roles.Dark, "#000000"), (roles.Light, "#ffffff")):
        p.setColor(role, QColor(colour))
    return p


class Presentation(QObject):
    zoomChanged = Signal(float)

    def __init__(self, window):
        super().__init__(window)
        self.window = window
        self.base_point = QApplication.font().pointSizeF()
        self.base_palette = QPalette(QApplication.palette())
        self._left_width: tuple[int, int] | None = None
        self.full_screen = self._action(self.tr("&Full screen"), ["F11"], self.set_full_screen, checkable=True)
        # One action per key: a key sequence registered twice is ambiguous and does nothing.
        self.zoom_in = self._action(self.tr("Zoom &in"), ["Ctrl+=", "Ctrl++"], lambda: self.step(+1))
        self.zoom_out = self._action(self.tr("Zoom &out"), ["Ctrl+-"], lambda: self.step(-1))
        self.zoom_reset = self._action(self.tr("&Actual size"), ["Ctrl+0"], lambda: self.set_zoom(1.0))
        self.contrast = self._action(self.tr("&High contrast"), [], self.set_high_contrast, checkable=True)
        self.actions = [self.full_screen, self.zoom_in, self.zoom_out, self.zoom_reset, self.contrast]
        window.addActions(self.actions)

    def _action(self, text, keys, slot, checkable=False) -> QAction:
        a = QAction(text, self.window)
        a.setShortcuts([QKeySequence(k) for k in keys])
        a.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        a.setCheckable(checkable)
        if checkable:
            a.toggled.connect(slot)
        else:
            a.triggered.connect(lambda _c=False: slot())
        return a

    def fill_menu(self, menu) -> None:
        menu.addSeparator()
        menu.addActions(self.actions)

    # ----- full screen ---------------------------------------------------------------------------
    def set_full_screen(self, on: bool) -> None:
        if on != self.window.isFullScreen():
            self.window.showFullScreen() if on else self.window.showNormal()
        self.full_screen.setChecked(on)

    # ----- zoom --------------------------------------------------------------------------------
    def step(self, direction: int) -> None:
        now = factor()
        if direction > 0:
            self.set_zoom(next((z for z in ZOOMS if z > now + 1e-9), ZOOMS[-1]))
        else:
            self.set_zoom(next((z for z in reversed(ZOOMS) if z < now - 1e-9), ZOOMS[0]))

    def set_zoom(self, f: float) -> None:
        if abs(f - factor()) < 1e-9:
            return
        set_factor(f)
        font = QFont(QApplication.font())
        font.setPointSizeF(self.base_point * f)
        QApplication.setFont(font)
        for w in [self.window, *self.window.findChildren(QWidget)]:
            _scale_own_font(w, f)
        from .teaching.typeset import MathView
        for view in self.window.findChildren(MathView):
            view.rezoom()
        rezoom = getattr(self.window.diagram, "rezoom", None)
        if rezoom is not None:
            rezoom(f)
        plot = getattr(self.window, "loss_plot", None)
        if plot is not None:
            _zoom_plot(plot.item, self.base_point * f)
        left = getattr(self.window, "left_dock", None)
        if left is not None:        # the controls' column widens with its text
            if self._left_width is None:
                self._left_width = (left.widget().minimumWidth(), left.width())
            least, width = self._left_width
            left.widget().setMinimumWidth(round(least * f))
            self.window.resizeDocks([left], [round(width * f)], Qt.Orientation.Horizontal)
        self.zoom_reset.setEnabled(f != 1.0)
        # Widgets built from now on with a font of their own are scaled as they are first shown.
        app = QApplication.instance()
        assert app is not None
        app.removeEventFilter(self)
        if f != 1.0:
            app.installEventFilter(self)
        self.zoomChanged.emit(f)
        self.window.session.message.emit(self.tr("Zoom %1 %").replace("%1", f"{round(f * 100)}"))

    def eventFilter(self, obj, event) -> bool:
        if event.type() == QEvent.Type.Polish and isinstance(obj, QWidget) and obj.property(_BASE) is None:
            _scale_own_font(obj, factor())
        return False

    # ----- theme -------------------------------------------------------------------------------
    def set_high_contrast(self, on: bool) -> None:
        QApplication.setPalette(high_contrast_palette() if on else self.base_palette)
        plot = getattr(self.window, "loss_plot", None)
        if plot is not None:
            for side in ("left", "bottom"):
                axis = plot.item.getAxis(side)
                axis.setPen(pg.mkPen("#000000", width=2) if on else None)
                axis.setTextPen(pg.mkPen("#000000") if on else None)
            plot.total.setPen(pg.mkPen("#00007a", width=4) if on else TOTAL_PEN)


def _zoom_plot(item, point_size: float) -> None:
    """The plot's tick numbers and axis titles at the zoomed size (pyqtgraph sizes them itself)."""
    font = QFont(QApplication.font())
    font.setPointSizeF(point_size)
    for side in ("left", "bottom"):
        axis = item.getAxis(side)
        axis.setStyle(tickFont=font)
        axis.label.setFont(font)
        axis.setWidth(None) if side == "left" else axis.setHeight(None)
        axis.picture = None
        axis.update()


def _scale_own_font(w: QWidget, f: float) -> None:
    """A widget that set its own font keeps its size relative to the application's."""
    if not w.testAttribute(Qt.WidgetAttribute.WA_SetFont):
        return
    font = QFont(w.font())
    if font.pointSizeF() <= 0:
        return                              # sized in pixels: the diagram's scene, scaled by its view
    base = w.property(_BASE)
    if base is None:
        # First seen now: at 100 %, or, for a widget built while zoomed, its size as built (see _Polish).
        base = font.pointSizeF()
        w.setProperty(_BASE, base)
    font.setPointSizeF(float(base) * f)
    w.setFont(font)
