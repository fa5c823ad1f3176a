"""One layer's weights (and biases) as a matrix: rows are the neurons the weights come from (and a
bias row), columns the neurons they go to, so the cell in row x1, column h2 is W12. The same layout
shows the values (editable) or dE/dW (read-only)."""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from .model_base import SessionModel


class ParamMatrixModel(SessionModel):
    def __init__(self, session, layer: int, gradient: bool = False, parent=None):
        self.layer, self.gradient = layer, gradient
        super().__init__(session, parent)

    def _spec(self):
        net = self.session.net
        return net.layers[self.layer - 1] if self.layer <= net.depth else None

    def shape(self):
        spec = self._spec()
        if spec is None:
            return 0, 0
        n_in = self.session.net.sizes[self.layer - 1]
        return n_in + (spec.bias != "none"), spec.size

    def key(self, row, col):
        spec = self._spec()
        if spec is None:
            return None
        n_in = self.session.net.sizes[self.layer - 1]
        if row < n_in:
            return ("W", self.layer, row, col)
        if spec.bias == "neuron":
            return ("b", self.layer, col)
        return ("b", self.layer, 0) if col == 0 else None

    def has_cell(self, row, col):
        return self.key(row, col) is not None

    def number(self, row, col):
        key = self.key(row, col)
        if key is None or self.session.index(key) is None:
            return None
        return self.session.grad(key) if self.gradient else self.session.value(key)

    def hidden_key(self, row, col):
        key = self.key(row, col)
        return ("grad",) + key if self.gradient and key is not None else None

    def lock_key(self, row, col):
        return None if self.gradient else self.key(row, col)

    def name(self, row, col):
        label = self.session.label(self.key(row, col))
        return f"d{self.session.notation.loss}/d{label}" if self.gradient else label

    def editable(self, row, col):
        return not self.gradient and self.key(row, col) is not None

    def edit(self, row, col, text):
        return self.session.edit_param(self.key(row, col), text)

    def column_header(self, col):
        return self.session.notation.neuron("a", self.layer, col)

    def row_header(self, row):
        n_in = self.session.net.sizes[self.layer - 1]
        if row < n_in:
            return self.session.notation.neuron("a", self.layer - 1, row)
        return QCoreApplication.translate("ParamMatrixModel", "bias")

    def title(self) -> str:
        nt, l = self.session.notation, self.layer
        sym = nt.family("W", l, l)
        span = f"{nt.family('a', l - 1, l - 1) if l > 1 else nt.family('a', 0, 0)} → {nt.family('a', l, l)}"
        if self.gradient:
            return f"d{nt.loss}/d{sym}   ({span})"
        return f"{sym}   ({span})"
