"""Common ground of the value tables: every table is a Qt model that reads the session, refreshes
on `changed` (same event-loop turn) and rebuilds on shape or sample-count changes."""
from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from ..numbers import fmt

R = Qt.ItemDataRole
SELECTED = QBrush(QColor("#ffe9a8"))
HIGHLIGHT = QBrush(QColor("#d6ecff"))
READ_ONLY = QBrush(QColor("#f4f4f4"))
ALIGN = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
_ROLES = [R.DisplayRole, R.EditRole, R.ToolTipRole, R.BackgroundRole, R.FontRole]


class SessionModel(QAbstractTableModel):
    def __init__(self, session, parent=None):
        super().__init__(parent)
        self.session = session
        self.last_error = ""
        self._numbers: dict = {}     # (row, col) -> number, for this refresh: a view asks many roles
        session.changed.connect(self.refresh)
        session.shapeChanged.connect(self.rebuild)
        session.samplesChanged.connect(self.rebuild)
        session.selectionChanged.connect(self.refresh)
        session.highlightChanged.connect(self.refresh)

    # subclasses: shape() -> (rows, cols), key(row, col), number(row, col), name(row, col),
    # editable(row, col), edit(row, col, text) -> error or None
    def rowCount(self, parent=QModelIndex()):
        return 0 if parent.isValid() else self.shape()[0]

    def columnCount(self, parent=QModelIndex()):
        return 0 if parent.isValid() else self.shape()[1]

    def refresh(self, *_):
        self._numbers.clear()
        rows, cols = self.shape()
        if rows and cols:
            self.dataChanged.emit(self.index(0, 0), self.index(rows - 1, cols - 1), _ROLES)

    def rebuild(self):
        self.beginResetModel()
        self._numbers.clear()
        self.endResetModel()

    def key(self, row, col):
        return None

    def editable(self, row, col) -> bool:
        return False

    def flags(self, index):
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        r, c = index.row(), index.column()
        if not self.has_cell(r, c):
            return Qt.ItemFlag.NoItemFlags
        f = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if self.editable(r, c) and self.session.viewing_step is None:
            f |= Qt.ItemFlag.ItemIsEditable
        return f

    def has_cell(self, row, col) -> bool:
        return self.cached(row, col) is not None

    def cached(self, row, col):
        at = (row, col)
        if at not in self._numbers:
            self._numbers[at] = self.number(row, col)
        return self._numbers[at]

    def data(self, index, role=R.DisplayRole):
        # Views ask for many roles per cell on every repaint: only the number roles compute it.
        if not index.isValid():
            return None
        r, c = index.row(), index.column()
        if role == R.DisplayRole or role == R.EditRole or role == R.ToolTipRole:
            v = self.cached(r, c)
            if v is None:
                return None
            if role == R.DisplayRole:
                return fmt(v)
            if role == R.EditRole:
                return float(v)
            return f"{self.name(r, c)} = {v!r}"
        if role == R.TextAlignmentRole:
            return ALIGN
        if role == R.BackgroundRole:
            key = self.key(r, c)
            if key is not None and key == self.session.selection:
                return SELECTED
            if key is not None and key in self.session.highlight:
                return HIGHLIGHT
            return None if self.editable(r, c) else READ_ONLY
        if role == R.FontRole:
            key = self.key(r, c)
            if key is not None and key[0] != "n" and self.session.is_frozen(key):
                f = QFont()
                f.setItalic(True)
                return f
        return None

    def setData(self, index, value, role=R.EditRole):
        if role != R.EditRole or not index.isValid() or not self.editable(index.row(), index.column()):
            return False
        err = self.edit(index.row(), index.column(), value)
        self.last_error = err or ""
        return err is None

    def headerData(self, section, orientation, role=R.DisplayRole):
        if role != R.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return self.column_header(section)
        return self.row_header(section)
