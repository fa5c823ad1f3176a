"""Seed 002's matrix form beside the node-by-node chain: for the selected item's layer and every layer
after it, δ as a whole vector, δ^(L) = ∇_o E ⊙ f′(t), δ^(l) = (W^(l+1) δ^(l+1)) ⊙ f′(z^(l)), then
∂E/∂W^(l) = a^(l−1) δ^(l)T with the selected entry marked. Vectors and matrices are grids of labels
(every entry clickable); the equations are typeset once per shape. Numbers come from
core.derivation.Derivation.matrix_form; a batch shows one column per sample."""
from __future__ import annotations

import numpy as np
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QPainter, QPalette, QPen
from PySide6.QtWidgets import QFrame, QGridLayout, QHBoxLayout, QLabel, QScrollArea, QVBoxLayout, QWidget

from ..numbers import fmt
from .texnames import layer_tex, loss_tex
from .typeset import MathView
from .widgets import ClickLabel, MathLabel, caption

MAX_SHOWN = 8


class MatrixBox(QWidget):
    """A matrix (or a column vector) of numbers between brackets; `keys(i, j)` names what each entry
    belongs to, for selecting it."""

    def __init__(self, rows: int, cols: int, select, keys, parent=None):
        super().__init__(parent)
        self.rows, self.cols = min(rows, MAX_SHOWN), min(cols, MAX_SHOWN)
        self.full = (rows, cols)
        lay = QGridLayout(self)
        lay.setContentsMargins(7, 2, 7, 2)
        lay.setHorizontalSpacing(6)
        lay.setVerticalSpacing(0)
        self.cells = {}
        for i in range(self.rows):
            for j in range(self.cols):
                key = keys(i, j)
                lab = ClickLabel("", self, clickable=key is not None, point_size=10)
                lab.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                if key is not None:
                    lab.clicked.connect(lambda k=key: select(k))
                lay.addWidget(lab, i, j)
                self.cells[i, j] = lab
        if rows > self.rows:
            lay.addWidget(QLabel("⋮"), self.rows, 0)
        if cols > self.cols:
            lay.addWidget(QLabel("⋯"), 0, self.cols)

    def set_values(self, m: np.ndarray, mark=None):
        for (i, j), lab in self.cells.items():
            lab.setText(fmt(m[i, j], 5))
            f = lab.font()
            f.setBold(mark == (i, j))
            lab.setFont(f)

    def paintEvent(self, _e):
        p = QPainter(self)
        p.setPen(QPen(self.palette().color(QPalette.ColorRole.WindowText), 1.2))
        h, w = self.height() - 2, self.width() - 2
        for x, d in ((2, 4), (w, -4)):
            p.drawPolyline([QPointF(x + d, 1), QPointF(x, 1), QPointF(x, h), QPointF(x + d, h)])
        p.end()


def _col(v: np.ndarray) -> np.ndarray:
    """A vector as a column (n × 1), a batch (B × n) as one column per sample (n × B)."""
    v = np.asarray(v, dtype=float)
    return v[:, None] if v.ndim == 1 else v.T


class MatrixView(QScrollArea):
    def __init__(self, session, parent=None):
        super().__init__(parent)
        self.session = session
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self._sig = None
        self.boxes: list[tuple[MatrixBox, callable, object]] = []   # box, values(layers), mark
        holder = QWidget()
        self._holder_box = QVBoxLayout(holder)
        self._holder_box.setContentsMargins(0, 0, 0, 0)
        self.setWidget(holder)
        self.inner = None

    def show_for(self, key, derivation):
        if key is None or derivation is None:
            self._sig = None
            self._replace(QWidget(self.widget()))
            self.boxes = []
            return
        layers = derivation.matrix_form()
        net = self.session.named_net
        sig = (key, tuple(net.sizes), derivation.batch_size, net.loss,
               tuple(s.activation for s in net.layers), net.notation.form)
        if sig != self._sig:
            self._build(key, net, layers)
            self._sig = sig
        for box, values, mark in self.boxes:
            box.set_values(values(layers), mark)

    # ----- building -------------------------------------------------------------------------------
    def _build(self, key, net, layers):
        self.boxes = []
        inner = QWidget(self.widget())
        box = QVBoxLayout(inner)
        box.setContentsMargins(6, 6, 6, 6)
        box.addWidget(caption(self.tr("Matrix form (seed 002): whole layers at once. z = Wᵀa, so W is "
                                      "(neurons before) × (neurons after).")))
        L = net.depth
        low = max(1, key[1])
        for l in range(L, low - 1, -1):
            box.addWidget(self._delta_block(net, layers, l))
        if key[0] in ("W", "b") or key[1] == 0:
            box.addWidget(self._grad_block(net, layers, key))
        box.addStretch(1)
        self._replace(inner)

    def _replace(self, inner: QWidget):
        # The old content goes later (a click inside it may be what replaces it) and keeps its parent
        # meanwhile, so it never becomes a window of its own.
        if self.inner is not None:
            self._holder_box.removeWidget(self.inner)
            self.inner.hide()
            self.inner.deleteLater()
        self._holder_box.addWidget(inner)
        self.inner = inner

    def _eq(self, latex: str, text: str, parent) -> MathView:
        v = MathView(parent, size=15)
        v.set_formula(latex, text)
        return v

    def _matrix(self, parent, shape, values, keys, mark=None, name_tex="", name=""):
        col = QWidget(parent)
        lay = QVBoxLayout(col)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(0)
        if name_tex:
            lay.addWidget(self._eq(name_tex, name, col), 0, Qt.AlignmentFlag.AlignHCenter)
        m = MatrixBox(shape[0], shape[1], self.session.select, keys, col)
        lay.addWidget(m, 0, Qt.AlignmentFlag.AlignHCenter)
        self.boxes.append((m, values, mark))
        return col

    def _op(self, text, parent):
        return MathLabel(text, parent, 13)

    def _row(self, parent, parts) -> QWidget:
        w = QWidget(parent)
        lay = QHBoxLayout(w)
        lay.setContentsMargins(0, 0, 0, 0)
        for p in parts:
            lay.addWidget(self._op(p, w) if isinstance(p, str) else p, 0, Qt.AlignmentFlag.AlignVCenter)
        lay.addStretch(1)
        return w

    def _delta_block(self, net, layers, l) -> QWidget:
        L, ml, E = net.depth, layers[l - 1], loss_tex(net)
        block = QWidget()
        lay = QVBoxLayout(block)
        lay.setContentsMargins(0, 4, 0, 4)
        d, z, a = layer_tex(net, "delta", l), layer_tex(net, "z", l), layer_tex(net, "a", l)
        n, B = net.sizes[l], 1 if ml.delta.ndim == 1 else ml.delta.shape[0]
        neuron = lambda i, _j: ("n", l, i)
        delta_m = self._matrix(block, (n, B), lambda ls, l=l: _col(ls[l - 1].delta), neuron, None, d, "δ")
        if l == L and ml.fprime is None:      # softmax (Jacobian) or a cancelled cross-entropy
            if net.loss in ("cross_entropy", "bce"):
                eq, parts = rf"{d} = {a} - y", [delta_m]
            else:
                jacobian = rf"J = \mathrm{{diag}}({a}) - {a}{a}^{{T}}"
                eq, parts = rf"{d} = J^{{T}} \frac{{\partial {E}}}{{\partial {a}}},\; {jacobian}", [delta_m]
            lay.addWidget(self._eq(eq, eq, block))
            lay.addWidget(self._row(block, ["="] + parts))
            return block
        fp = self._matrix(block, (n, B), lambda ls, l=l: _col(ls[l - 1].fprime), neuron, None,
                          rf"f'({z})", "f'")
        grad = self._matrix(block, (n, B), lambda ls, l=l: _col(ls[l - 1].dE_da), neuron, None,
                            rf"\frac{{\partial {E}}}{{\partial {a}}}", f"∂{net.notation.loss}/∂a")
        if l == L:
            eq = rf"{d} = \frac{{\partial {E}}}{{\partial {a}}} \odot f'({z})"
            parts = [grad, "⊙", fp, "=", delta_m]
        else:
            w_next, d_next = layer_tex(net, "W", l + 1), layer_tex(net, "delta", l + 1)
            eq = rf"{d} = ({w_next}\, {d_next}) \odot f'({z})"
            nn = net.sizes[l + 1]
            wm = self._matrix(block, (n, nn), lambda ls, l=l: ls[l].W, lambda i, j, l=l: ("W", l + 1, i, j),
                              None, w_next, "W")
            dn = self._matrix(block, (nn, B), lambda ls, l=l: _col(ls[l].delta), lambda i, _j, l=l: ("n", l + 1, i),
                              None, d_next, "δ")
            parts = [wm, dn, "=", grad, "⊙", fp, "=", delta_m]
        lay.addWidget(self._eq(eq, eq, block))
        lay.addWidget(self._row(block, parts))
        return block

    def _grad_block(self, net, layers, key) -> QWidget:
        E = loss_tex(net)
        block = QWidget()
        lay = QVBoxLayout(block)
        lay.setContentsMargins(0, 4, 0, 4)
        if key[0] == "n":     # an input: ∂E/∂x = W^(1) δ^(1)
            l = 1
            x = layer_tex(net, "a", 0)
            eq = rf"\frac{{\partial {E}}}{{\partial {x}}} = {layer_tex(net, 'W', 1)}\, {layer_tex(net, 'delta', 1)}"
            lay.addWidget(self._eq(eq, eq, block))
            return block
        l = key[1]
        d, a, w = layer_tex(net, "delta", l), layer_tex(net, "a", l - 1), layer_tex(net, "W", l)
        n0, n1 = net.sizes[l - 1], net.sizes[l]
        ml = layers[l - 1]
        B = 1 if ml.delta.ndim == 1 else ml.delta.shape[0]
        mean = rf"\frac{{1}}{{{B}}}\," if B > 1 else ""
        if key[0] == "W":
            eq = rf"\frac{{\partial {E}}}{{\partial {w}}} = {mean}{a}\, {{{d}}}^{{T}}"
            am = self._matrix(block, (n0, B), lambda ls, l=l: _col(ls[l - 1].a_prev), lambda i, _j: ("n", l - 1, i),
                              None, a, "a")
            dt = self._matrix(block, (B, n1), lambda ls, l=l: _col(ls[l - 1].delta).T, lambda _i, j: ("n", l, j),
                              None, rf"{{{d}}}^{{T}}", "δT")
            gm = self._matrix(block, (n0, n1), lambda ls, l=l: ls[l - 1].dW, lambda i, j: ("W", l, i, j),
                              (key[2], key[3]), rf"\frac{{\partial {E}}}{{\partial {w}}}", "dW")
            parts = ([] if B == 1 else [f"1/{B} ·"]) + [am, dt, "=", gm]
        else:
            b = layer_tex(net, "b", l)
            eq = rf"\frac{{\partial {E}}}{{\partial {b}}} = {mean}\sum {d}" if B > 1 else \
                rf"\frac{{\partial {E}}}{{\partial {b}}} = {d}"
            nb = len(ml.db)
            gm = self._matrix(block, (nb, 1), lambda ls, l=l: _col(ls[l - 1].db), lambda i, _j: ("b", l, i),
                              (key[2], 0), rf"\frac{{\partial {E}}}{{\partial {b}}}", "db")
            parts = [gm]
        lay.addWidget(self._eq(eq, eq, block))
        lay.addWidget(self._row(block, parts))
        return block
