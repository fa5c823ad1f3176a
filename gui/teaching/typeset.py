"""Typeset mathematics: LaTeX → SVG 1.1 (ziamath, pure Python, no TeX install) → QSvgRenderer.

Why it is built this way (measured here, 2-core machine, warm font): ziamath takes 7 ms for `h_1`,
20 ms for `o_1(1-o_1)` and about 50 ms for a fraction such as ∂E_tot/∂o1; a whole chain on one line
takes 150 ms. An edit must refresh the window in one frame (16 ms), so:
- a formula is typeset once: the SVG is cached in memory by (LaTeX, size, colour), as one shared
  QSvgRenderer, and on disk (QStandardPaths' cache folder), so it is typeset once per installation;
- a view that asks for a formula not yet typeset shows it at once as plain text in the same STIX font,
  and the typesetter works through its queue from a zero timer, one formula per event-loop turn,
  newest request first, skipping formulas no live view still wants (a drag that changes a number
  twenty times typesets only the last one); `flush()` finishes the queue at once (screenshots, tests);
- a view whose formula changes again within QUIET_MS of the last change (a drag, edits in a row) asks
  for its formula to be typeset only once it has stood still that long: reading an SVG back from disk
  costs about 2 ms and typesetting a new one 20–150 ms, either of which would come on top of every edit
  (the numbers are on screen at once all the same, as plain text);
- numbers that change with every edit are not typeset in the derivation view at all: they are plain
  labels in the same font under the cached symbols (see derivation_view.py).
"""
from __future__ import annotations

import hashlib
import os
import time
import weakref
from collections import OrderedDict

import shiboken6
from PySide6.QtCore import (
    QByteArray,
    QCoreApplication,
    QEvent,
    QObject,
    QRectF,
    QSize,
    QStandardPaths,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QFont, QFontDatabase, QFontMetrics, QPainter, QPalette
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import QSizePolicy, QWidget

from backprop_lab.core.io.atomic import write_bytes

from ..zoom import factor as zoom_factor
from .clickable import Clickable
from .ziamath_load import preload, ziamath_dir, ziamath_module, ziamath_version

MAX_RENDERERS = 3000
SLICE_MS = 12                      # typesetting work per event-loop turn, at least one formula
QUIET_MS = 250                     # a formula that keeps changing is typeset once it stands still this long
# A longer formula (a 32-term sum of the largest network: 1,000 characters) would take ziamath most of a
# second, with the window frozen, and scaled to fit it would be too small to read: it stays plain text,
# elided in the middle where it does not fit. Every formula of the shipped presets is under 400.
MAX_TYPESET = 600
_FONT_FAMILY: list[str] = []


def math_font(point_size: float = 11.0) -> QFont:
    """The font ziamath typesets with (STIX Two Math), so plain numbers sit well beside the formulas."""
    if not _FONT_FAMILY:
        folder = ziamath_dir()
        path = os.path.join(folder, "fonts", "STIXTwoMath-Regular.ttf") if folder else ""
        fid = QFontDatabase.addApplicationFont(path) if os.path.exists(path) else -1
        fams = QFontDatabase.applicationFontFamilies(fid) if fid >= 0 else []
        _FONT_FAMILY.append(fams[0] if fams else "serif")
    font = QFont(_FONT_FAMILY[0])
    font.setPointSizeF(point_size)
    return font


def _cache_dir() -> str:
    base = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.CacheLocation)
    return os.path.join(base, f"typeset-ziamath-{ziamath_version()}") if base else ""


class Typesetter(QObject):
    """The one queue and cache of typeset formulas (see the module docstring)."""
    typeset = Signal(object)          # the key just typeset

    def __init__(self, parent=None):
        super().__init__(parent)
        self._renderers: OrderedDict = OrderedDict()
        self._failed: set = set()
        self._waiting: OrderedDict = OrderedDict()      # key -> WeakSet of views
        self._due: dict = {}                             # key -> perf_counter time it may be typeset
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self._work)
        self.count = 0                                   # formulas typeset by ziamath in this run
        preload()

    @staticmethod
    def key(latex: str, size: float, colour: str) -> tuple:
        return latex, float(size), colour

    def cached(self, key) -> QSvgRenderer | None:
        r = self._renderers.get(key)
        if r is not None:
            self._renderers.move_to_end(key)
        return r

    def failed(self, key) -> bool:
        return key in self._failed

    def renderer(self, key) -> QSvgRenderer | None:
        """Typeset now if needed (blocking); None when ziamath cannot typeset the formula."""
        r = self.cached(key)
        if r is None and key not in self._failed:
            r = self._make(key)
        return r

    def request(self, key, view, delay_ms: int = 0) -> None:
        self._waiting.setdefault(key, weakref.WeakSet()).add(view)
        self._waiting.move_to_end(key, last=False)        # newest first
        self._due[key] = time.perf_counter() + delay_ms / 1000
        self._arm()

    def withdraw(self, key, view) -> None:
        views = self._waiting.get(key)
        if views is not None:
            views.discard(view)
            if not self._live(views):
                del self._waiting[key]
                self._due.pop(key, None)

    def _arm(self) -> None:
        if not self._waiting:
            self._timer.stop()
            return
        wait = min(self._due.get(k, 0.0) for k in self._waiting) - time.perf_counter()
        self._timer.start(max(0, int(wait * 1000 + 0.999)))

    def pending(self) -> int:
        return sum(1 for views in self._waiting.values() if self._live(views))

    def flush(self) -> None:
        while self._waiting:
            self._one(next(iter(self._waiting)))

    def _work(self):
        start = time.perf_counter()
        while (time.perf_counter() - start) * 1000 < SLICE_MS:
            now = time.perf_counter()
            key = next((k for k in self._waiting if self._due.get(k, 0.0) <= now), None)
            if key is None:
                break
            self._one(key)
        self._arm()

    @staticmethod
    def _live(views) -> list:
        return [v for v in list(views) if shiboken6.isValid(v)]

    def _one(self, key):
        views = self._waiting.pop(key)
        self._due.pop(key, None)
        live = self._live(views)
        if not live:
            return
        self.renderer(key)
        for v in live:
            v._typeset_done(key)
        self.typeset.emit(key)

    def _make(self, key) -> QSvgRenderer | None:
        latex, size, colour = key
        digest = hashlib.sha1(f"{size}|{colour}|{latex}".encode()).hexdigest()
        folder = _cache_dir()
        path = os.path.join(folder, digest + ".svg") if folder else ""
        data = None
        if path and os.path.exists(path):
            try:
                with open(path, "rb") as f:
                    data = f.read()
            except OSError:
                data = None
        if data is None:
            try:
                data = ziamath_module().Latex(latex, size=size, color=colour).svg().encode()
            except Exception:      # ziamath raises many kinds on LaTeX it cannot read: show plain text
                self._failed.add(key)
                return None
            self.count += 1
            if path:
                try:
                    os.makedirs(folder, exist_ok=True)
                    write_bytes(path, data)
                except OSError:
                    pass           # a read-only cache only costs time
        r = QSvgRenderer(QByteArray(data), self)
        if not r.isValid():
            self._failed.add(key)
            r.deleteLater()
            return None
        self._renderers[key] = r
        while len(self._renderers) > MAX_RENDERERS:
            _, old = self._renderers.popitem(last=False)
            old.deleteLater()
        return r


_INSTANCE: list[Typesetter] = []


def typesetter() -> Typesetter:
    if not _INSTANCE or not shiboken6.isValid(_INSTANCE[0]):
        _INSTANCE[:] = [Typesetter()]
    return _INSTANCE[0]


def flush() -> None:
    """Typeset every formula still waiting and let the layouts take the new sizes (before a screenshot,
    in tests): each level of nested layouts needs its own pass."""
    typesetter().flush()
    for _ in range(8):
        QCoreApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)


class MathView(Clickable, QWidget):
    """One formula: typeset when ready, its plain text until then. The plain text is also the
    widget's accessible name (the SVG itself says nothing to a screen reader) and what `text()`
    returns. Shrinks to fit its width, never grows beyond the typeset size."""
    clicked = Signal()
    hovered = Signal(bool)

    def __init__(self, parent=None, size: float = 16, clickable: bool = False,
                 align=Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter):
        super().__init__(parent)
        self._size, self._align, self._clickable = size, align, clickable
        self._latex, self._text = "", ""
        self._key: tuple | None = None
        self._renderer: QSvgRenderer | None = None
        self._hover = False
        self._changed_at = -1.0
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        if clickable:
            self.setCursor(Qt.CursorShape.PointingHandCursor)
            self.setAttribute(Qt.WidgetAttribute.WA_Hover)

    # ----- content ----------------------------------------------------------------------------
    def set_formula(self, latex: str, text: str) -> None:
        if latex == self._latex and text == self._text:
            return
        ts = typesetter()
        if self._key is not None:
            ts.withdraw(self._key, self)
        hint = self.sizeHint()
        self._latex, self._text = latex, text
        self.setAccessibleName(text)
        colour = self.palette().color(QPalette.ColorRole.WindowText).name()
        self._key = ts.key(latex, self._size * zoom_factor(), colour) if latex and not self.too_long() else None
        self._renderer = ts.cached(self._key) if self._key else None
        now = time.perf_counter()
        if self._key and self._renderer is None and not ts.failed(self._key):
            busy = now - self._changed_at < QUIET_MS / 1000
            ts.request(self._key, self, QUIET_MS if busy else 0)
        self._changed_at = now
        self._resized(hint)
        self.update()

    def _resized(self, old_hint: QSize) -> None:
        # Only a new size goes up the layouts: every updateGeometry reaches the main window's dock
        # layout, which then repaints the whole window.
        if self.sizeHint() != old_hint:
            self.updateGeometry()

    def text(self) -> str:
        return self._text

    def too_long(self) -> bool:
        """Shown as plain text for good (MAX_TYPESET)."""
        return len(self._latex) > MAX_TYPESET

    def latex(self) -> str:
        return self._latex

    def is_typeset(self) -> bool:
        r = self._renderer
        return r is not None and shiboken6.isValid(r) and r.isValid() and not r.defaultSize().isEmpty()

    def renderer(self) -> QSvgRenderer | None:
        return self._renderer if self.is_typeset() else None

    def rezoom(self) -> None:
        """Typeset again at the window's zoom (gui.presentation)."""
        latex, text = self._latex, self._text
        self._latex = self._text = ""
        self.set_formula(latex, text)

    def _typeset_done(self, key) -> None:
        if key == self._key:
            hint = self.sizeHint()
            self._renderer = typesetter().cached(key)
            self._resized(hint)
            self.update()

    def set_hover(self, on: bool) -> None:
        if on != self._hover:
            self._hover = on
            self.update()

    # ----- geometry and painting --------------------------------------------------------------
    def _fallback_font(self) -> QFont:
        return math_font(self._size * 0.62 * zoom_factor())

    def sizeHint(self) -> QSize:
        if (r := self.renderer()) is not None:
            s = r.viewBoxF().size()
            return QSize(int(s.width() + 0.999) + 2, int(s.height() + 0.999) + 2)
        if not self._text:
            return QSize(0, 0)
        fm = QFontMetrics(self._fallback_font())
        tight = fm.tightBoundingRect("0123456789()−+=×").height() + 8
        return QSize(fm.horizontalAdvance(self._text) + 4, max(tight, int(self._size * 1.2 * zoom_factor())))

    def minimumSizeHint(self) -> QSize:
        s = self.sizeHint()
        return QSize(min(s.width(), 40), s.height())

    def hasHeightForWidth(self) -> bool:
        return False

    def paintEvent(self, _event):
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        if self._hover:
            p.fillRect(self.rect(), self.palette().color(QPalette.ColorRole.Highlight).lighter(185))
        if not self.isEnabled():
            p.setOpacity(0.45)         # greyed as the labels beside it (its colour is in the SVG)
        if self.is_typeset():
            box = self._renderer.viewBoxF()
            scale = min(1.0, (self.width() - 2) / box.width() if box.width() else 1.0,
                        (self.height() - 2) / box.height() if box.height() else 1.0)
            w, h = box.width() * scale, box.height() * scale
            if self._align & Qt.AlignmentFlag.AlignHCenter:
                x = (self.width() - w) / 2
            elif self._align & Qt.AlignmentFlag.AlignRight:
                x = self.width() - w - 1
            else:
                x = 1
            self._renderer.render(p, QRectF(x, (self.height() - h) / 2, w, h))
        elif self._text:
            p.setFont(self._fallback_font())
            p.setPen(self.palette().color(QPalette.ColorRole.WindowText))
            room = self.rect().adjusted(2, 0, -2, 0)
            text = self._text
            if self.too_long():
                text = p.fontMetrics().elidedText(text, Qt.TextElideMode.ElideMiddle, room.width())
            p.drawText(room, int(self._align), text)
        p.end()

