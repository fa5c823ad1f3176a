"""Tab labels that read at a classroom zoom without taking width from the diagram.

At 100 % every column is as wide as its tabs (gui.dock_layout). Zoomed, the labels grow with the text
and at 150 % on 1920×1080 the Learn tabs (and the tabs of the docks stacked behind Selected) no longer
fit: Qt hides some behind scroll arrows or cuts them to "Selec…". Widening their column would narrow
the diagram, which the zoom is for (test_presentation: never drawn smaller than at 100 %). So a tab bar
whose zoomed labels do not fit its column has them drawn a little smaller, as large as still fits and
never smaller than at 100 %: every label whole, the columns and the diagram as they were. Where the
labels fit, the bar follows the zoom."""
from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QTabBar, QTabWidget

from .language import current as current_language
from .zoom import factor

STEP = 0.25          # pt: the labels shrink by this much at a time until they fit


def room_of(bar: QTabBar) -> int:
    """The width a bar may take: its tab widget's (less the frame), or, for the bar Qt makes for docks
    stacked in one place, its own (Qt gives it the column's width)."""
    parent = bar.parentWidget()
    return parent.width() - 4 if isinstance(parent, QTabWidget) else bar.width()


def fit_bar(bar: QTabBar) -> None:
    """The bar's labels at the zoomed size if they fit, else the largest size that fits, not below 100 %."""
    parent = bar.parentWidget()
    if parent is None:
        return
    full = QFont(parent.font())                      # the application's, at the zoom
    least = min(full.pointSizeF(), full.pointSizeF() / factor())
    font, room = QFont(full), room_of(bar)
    _set(bar, font)
    while bar.sizeHint().width() > room and font.pointSizeF() > least:
        font.setPointSizeF(max(least, font.pointSizeF() - STEP))
        _set(bar, font)


def _set(bar: QTabBar, font: QFont) -> None:
    if bar.font() != font:
        bar.setFont(font)


class TabFit(QObject):
    """Fits every tab bar shown in `window` after a zoom, a change of language or a column's resize
    (once per event-loop turn)."""

    def __init__(self, window, presentation):
        super().__init__(window)
        self.window = window
        # A timer of its own, so that nothing is called once the window (and this, its child) is gone.
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self.fit)
        presentation.zoomChanged.connect(self.later)
        current_language().changed.connect(self.later)
        for dock in (window.teaching_dock, window.selected_dock, window.values_dock):
            if dock is not None:
                dock.installEventFilter(self)

    def eventFilter(self, watched, event) -> bool:
        if event.type() == QEvent.Type.Resize:
            self.later()
        return False

    def later(self, *_) -> None:
        self._timer.start()

    def fit(self) -> None:
        for bar in self.window.findChildren(QTabBar):
            if bar.isVisible():
                fit_bar(bar)
