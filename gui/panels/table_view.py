"""A compact table view for the value models: numbers right-aligned, editing by double click, F2 or
just typing, and clicking (or moving to) a cell selects that quantity in the session.

No number is cut with "…": each column is as wide as the widest number it has shown (the room left
over is shared out, as a stretched header would), and a table whose numbers need more than its room
scrolls sideways. The numbers are measured as they are about to be painted — only those a learner can
see, so a refresh of the largest network measures a screenful, not 8,000 cells."""
from __future__ import annotations

import math

from PySide6.QtCore import QEvent, QSize, Qt
from PySide6.QtGui import QFontMetricsF
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QSizePolicy, QStyle, QTableView

from ..numbers import shown_digits
from .number_delegate import NumberDelegate

LEAST_COLUMN = 64           # px: a column never narrower, as the stretched header kept them before
R = Qt.ItemDataRole


class ValueTable(QTableView):
    def __init__(self, session, model, fit: bool = False, parent=None):
        super().__init__(parent)
        self.session, self.fit = session, fit
        self._needs: dict[int, int] = {}       # column -> px its widest number shown so far asks
        self._digits = shown_digits()
        self._widths: list[int] = []
        self.setModel(model)
        self.setItemDelegate(NumberDelegate(self))
        self.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                             | QAbstractItemView.EditTrigger.EditKeyPressed
                             | QAbstractItemView.EditTrigger.AnyKeyPressed)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setAlternatingRowColors(False)
        self.setWordWrap(False)
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.horizontalHeader().setMinimumSectionSize(LEAST_COLUMN)
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.verticalHeader().setDefaultSectionSize(24)
        self.selectionModel().currentChanged.connect(self._current_changed)
        model.modelReset.connect(self._forget)
        model.headerDataChanged.connect(lambda *_: self.share_columns())
        if fit:
            self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
            self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
            self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def _current_changed(self, current, _previous):
        if current.isValid():
            key = self.model().key(current.row(), current.column())
            if key is not None:
                self.session.select(key)

    # ----- column widths ------------------------------------------------------------------------
    def _forget(self) -> None:
        """Another shape (or font, or precision): the widths are measured again from what is shown."""
        self._needs.clear()
        self._digits = shown_digits()
        self.share_columns()
        self.updateGeometry()

    def changeEvent(self, event):
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:          # the presentation's zoom
            self._forget()

    def resizeEvent(self, event):
        super().resizeEvent(event)
        self.share_columns()

    def paintEvent(self, event):
        if self._digits != shown_digits():                 # View → Precision: numbers of another length
            self._forget()
        if self._measure(event.rect()):
            self.share_columns()
        super().paintEvent(event)

    def _measure(self, rect) -> bool:
        """Note the width each number about to be painted asks; True when a column must widen."""
        m = self.model()
        rows, cols = m.rowCount(), m.columnCount()
        if not rows or not cols:
            return False
        top, bottom = self.rowAt(rect.top()), self.rowAt(rect.bottom())
        top, bottom = max(top, 0), rows - 1 if bottom < 0 else bottom
        left, right = self.columnAt(rect.left()), self.columnAt(rect.right())
        left, right = max(left, 0), cols - 1 if right < 0 else right
        fm, pad, grew = QFontMetricsF(self.font()), self.cell_padding(), False
        for c in range(left, right + 1):
            need = self._needs.get(c, 0)
            for r in range(top, bottom + 1):
                text = m.data(m.index(r, c), R.DisplayRole)
                if text:
                    need = max(need, math.ceil(fm.horizontalAdvance(text)) + pad)
            if need > self._needs.get(c, 0):
                self._needs[c] = need
                grew = grew or need > self.columnWidth(c)
        return grew

    def cell_padding(self) -> int:
        """The room a cell keeps beside its text: the style's text margin on both sides (as Qt's item
        text is laid out) and two pixels to spare (its layout rounds)."""
        return 2 * (self.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, self) + 1) + 2

    def least_widths(self) -> list[int]:
        """Headers are not measured: seed 000's neuron symbols ("h1_in/h2_in/o_in = …") would make the
        table three times as wide (the Neurons tab's tooltip names them whole)."""
        return [max(LEAST_COLUMN, self._needs.get(c, 0)) for c in range(self.model().columnCount())]

    def share_columns(self) -> None:
        """Each column its least width, and the room left over shared out evenly."""
        least = self.least_widths()
        if not least:
            return
        room = self.viewport().width()
        spare = max(0, room - sum(least))
        widths = [w + spare // len(least) + (1 if c < spare % len(least) else 0) for c, w in enumerate(least)]
        if widths != [self.columnWidth(c) for c in range(len(widths))]:
            for c, w in enumerate(widths):
                self.horizontalHeader().resizeSection(c, w)
        if self.fit and sum(least) != sum(self._widths):
            self._widths = least
            self.updateGeometry()        # a fit table asks its container for the room (which scrolls)

    def sizeHint(self):
        if not self.fit:
            return super().sizeHint()
        rows = self.model().rowCount()
        h = self.horizontalHeader().height() + rows * self.verticalHeader().defaultSectionSize() + 2 * self.frameWidth()
        return QSize(max(super().sizeHint().width(), self.content_width()), h)

    def content_width(self) -> int:
        """A fit table's width for its columns at their least: its container scrolls rather than cut them."""
        return self.verticalHeader().width() + sum(self._widths) + 2 * self.frameWidth()

    def minimumSizeHint(self):
        if not self.fit:
            return super().minimumSizeHint()
        return QSize(self.content_width(), self.sizeHint().height())
