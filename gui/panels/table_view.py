"""A compact table view for the value models: numbers right-aligned, editing by double click, F2 or
just typing, and clicking (or moving to) a cell selects that quantity in the session."""
from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QSizePolicy, QTableView

from .number_delegate import NumberDelegate


class ValueTable(QTableView):
    def __init__(self, session, model, fit: bool = False, parent=None):
        super().__init__(parent)
        self.session, self.fit = session, fit
        self.setModel(model)
        self.setItemDelegate(NumberDelegate(self))
        self.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                             | QAbstractItemView.EditTrigger.EditKeyPressed
                             | QAbstractItemView.EditTrigger.AnyKeyPressed)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setAlternatingRowColors(False)
        self.setWordWrap(False)
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.horizontalHeader().setMinimumSectionSize(64)
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.verticalHeader().setDefaultSectionSize(24)
        self.selectionModel().currentChanged.connect(self._current_changed)
        model.modelReset.connect(self.updateGeometry)
        if fit:
            self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
            self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
            self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def _current_changed(self, current, _previous):
        if current.isValid():
            key = self.model().key(current.row(), current.column())
            if key is not None:
                self.session.select(key)

    def sizeHint(self):
        if not self.fit:
            return super().sizeHint()
        rows = self.model().rowCount()
        h = self.horizontalHeader().height() + rows * self.verticalHeader().defaultSectionSize() + 2 * self.frameWidth()
        return QSize(super().sizeHint().width(), h)

    def minimumSizeHint(self):
        return self.sizeHint() if self.fit else super().minimumSizeHint()
