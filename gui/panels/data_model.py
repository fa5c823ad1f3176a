"""The data set: one row per sample; inputs and targets are editable, the network's outputs and the
sample's loss beside them are read-only. Rows are added and removed through the session (undoable)."""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QModelIndex, Qt

from .model_base import SELECTED, SessionModel


class DataModel(SessionModel):
    def __init__(self, session, parent=None):
        super().__init__(session, parent)

    def _cols(self):
        net = self.session.net
        n0, nL = net.sizes[0], net.sizes[-1]
        return ([("x", i) for i in range(n0)] + [("y", k) for k in range(nL)]
                + [("o", k) for k in range(nL)] + [("E", 0)])

    def shape(self):
        return len(self.session.data), len(self._cols())

    def number(self, row, col):
        what, k = self._cols()[col]
        s = self.session
        if what == "x":
            return float(s.data.X[row, k])
        if what == "y":
            return float(s.data.Y[row, k])
        if what == "o":
            return float(s.total_state.acts[-1][row, k])
        return float(s.total_state.losses[row])

    def name(self, row, col):
        return f"{self.column_header(col)} ({self.row_header(row)})"

    def lock_key(self, row, col):
        what, k = self._cols()[col]
        return {"x": ("X", k), "y": ("Y", k)}.get(what)

    def hidden_key(self, row, col):
        """An exercise's answer hides in every row: the outputs (a of the last layer) and the loss."""
        what, k = self._cols()[col]
        return {"o": ("a", self.session.net.depth, k), "E": ("loss",)}.get(what)

    def editable(self, row, col):
        return self._cols()[col][0] in ("x", "y")

    def edit(self, row, col, text):
        what, k = self._cols()[col]
        if what == "x":
            return self.session.edit_input(row, k, text)
        return self.session.edit_target(row, k, text)

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if (role == Qt.ItemDataRole.BackgroundRole and index.isValid()
                and index.row() == self.session.shown_sample and self.editable(index.row(), index.column())):
            return SELECTED
        return super().data(index, role)

    def column_header(self, col):
        what, k = self._cols()[col]
        nt = self.session.notation
        L = self.session.net.depth
        if what == "x":
            return nt.neuron("a", 0, k)
        if what == "y":
            return nt.target_name(k)
        if what == "o":
            return nt.neuron("a", L, k)
        return nt.loss

    def row_header(self, row):
        return QCoreApplication.translate("DataModel", "sample %1").replace("%1", str(row + 1))

    def insertRows(self, row, count, parent=QModelIndex()):
        if parent.isValid() or count < 1:
            return False
        for _ in range(count):
            if self.session.add_sample() is not None:
                return False
        return True

    def removeRows(self, row, count, parent=QModelIndex()):
        if parent.isValid() or count < 1:
            return False
        for _ in range(count):
            if self.session.remove_sample(row) is not None:
                return False
        return True
