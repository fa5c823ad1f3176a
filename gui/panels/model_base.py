"""Common ground of the value tables: every table is a Qt model that reads the session, refreshes
on `changed` (same event-loop turn) and rebuilds on shape or sample-count changes."""
from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt, QTimer
from PySide6.QtGui import QBrush, QColor, QFont

from ..hidden import HIDDEN
from ..numbers import fmt

R = Qt.ItemDataRole
SELECTED = QBrush(QColor("#ffe9a8"))
HIGHLIGHT = QBrush(QColor("#d6ecff"))
CHANGED = QBrush(QColor("#c9ebc9"))     # a number that the last update changed, for FLASH_MS
FLASH_MS = 700
READ_ONLY = QBrush(QColor("#f4f4f4"))
ALIGN = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
_ROLES = [R.DisplayRole, R.EditRole, R.ToolTipRole, R.BackgroundRole, R.FontRole]
_NUMBER_ROLES = [R.DisplayRole, R.EditRole, R.ToolTipRole, R.BackgroundRole]
MAX_CELL_SIGNALS = 6    # more changed cells than this: one signal for their whole range


class SessionModel(QAbstractTableModel):
    def __init__(self, session, parent=None):
        super().__init__(parent)
        self.session = session
        self.last_error = ""
        self._numbers: dict = {}     # (row, col) -> number, for this refresh: a view asks many roles
        self._look = None
        self.flashing: set = set()      # (row, col) of the numbers the last update changed
        self._unflash = QTimer(self)
        self._unflash.setSingleShot(True)
        self._unflash.setInterval(FLASH_MS)
        self._unflash.timeout.connect(lambda: self._flash(set()))
        session.changed.connect(self.numbers_changed)
        session.shapeChanged.connect(self.rebuild)
        session.samplesChanged.connect(self.rebuild)
        session.selectionChanged.connect(self.refresh)
        session.highlightChanged.connect(self.refresh)
        session.hiddenChanged.connect(self.refresh)
        session.notationChanged.connect(self.renamed)
        session.view.lockedChanged.connect(self.refresh)

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

    def renamed(self, *_):
        """Headers and tool tips in another notation."""
        rows, cols = self.shape()
        if cols:
            self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, cols - 1)
        if rows:
            self.headerDataChanged.emit(Qt.Orientation.Vertical, 0, rows - 1)
        self.refresh()

    def numbers_changed(self):
        """After an edit or a step only the cells whose number changed are repainted: typing one
        weight repaints one cell, not every table (a repaint asks the model for each role of each
        cell, in Python). Everything is, when something else a cell shows may have changed."""
        look = self.look()
        old, self._numbers = self._numbers, {}
        if look != self._look or not old:
            self._look = look
            self.refresh()
            return
        rows, cols = self.shape()
        cells = [at for at, v in old.items() if at[0] < rows and at[1] < cols and self.cached(*at) != v]
        if cells and self.session.runner.marks_changes:   # a refresh that changed nothing keeps the marks
            self._flash(set(cells))
        if len(cells) > MAX_CELL_SIGNALS:
            r0, r1 = min(r for r, _ in cells), max(r for r, _ in cells)
            c0, c1 = min(c for _, c in cells), max(c for _, c in cells)
            self.dataChanged.emit(self.index(r0, c0), self.index(r1, c1), _NUMBER_ROLES)
            return
        for r, c in cells:
            at = self.index(r, c)
            self.dataChanged.emit(at, at, _NUMBER_ROLES)

    def _flash(self, cells: set) -> None:
        """Mark the cells an update changed (a learner watching slow training sees what moved)."""
        old, self.flashing = self.flashing, cells
        rows, cols = self.rowCount(), self.columnCount()
        for r, c in old - cells:
            if r < rows and c < cols:      # the shape may have shrunk since (a layer or sample removed)
                self.dataChanged.emit(self.index(r, c), self.index(r, c), [R.BackgroundRole])
        if cells:
            self._unflash.start()

    def look(self):
        """What a cell shows besides its number (frozen parameters in italics, the shown sample, a past
        step's read-only cells)."""
        s = self.session
        return s.viewing_step, s.shown_sample, s.net.frozen.tobytes()

    def rebuild(self):
        self.beginResetModel()
        self._numbers.clear()
        self.endResetModel()

    def key(self, row, col):
        return None

    def hidden_key(self, row, col):
        """The gui.hidden key of the number in a cell (None: an exercise never hides it)."""
        return None

    def lock_key(self, row, col):
        """The gui.lock key of the number in a cell (None: not one a teacher locks)."""
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
            if role != R.EditRole and self.session.hidden and self.hidden_key(r, c) in self.session.hidden:
                return HIDDEN if role == R.DisplayRole else f"{self.name(r, c)} = {HIDDEN}"
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
            if (r, c) in self.flashing:
                return CHANGED
            locked = self.session.view.locked and self.lock_key(r, c) in self.session.view.locked
            return None if self.editable(r, c) and not locked else READ_ONLY
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
