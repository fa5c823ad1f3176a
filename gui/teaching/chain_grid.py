"""The chain rule laid out as seed 004 writes it, one grid per product or sum of core.derivation:

    ∂E_tot/∂U11 = ∂E_tot/∂o1 × ∂o1/∂t1 × ∂t1/∂U11        typeset once (cached SVG)
                = −(y1−o1)   × o1(1−o1) × h1             typeset once (cached SVG)
                = 0.20944600 × 0.23802157 × 0.51998934 = 0.02592286     plain labels, updated on edit

Each factor is a column: its symbol, its formula and its number; clicking any of them selects the
neuron or edge the factor belongs to. A sum over paths (∂E_tot/∂h1 = ∂E1/∂h1 + ∂E2/∂h1) gets a grid of
its own below, and each path is expanded under it, term by term.
"""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QGridLayout, QLabel, QWidget

from backprop_lab.core.teaching.derivation import Factor, Product, Sum

from ..hidden import HIDDEN, node_key, top_key
from ..plain_text import tip as plain_tip
from .texnames import TexNames
from .typeset import MathView
from .widgets import ClickLabel, MathLabel, number_text

SYMBOL_SIZE = 14
MAX_TERMS = 4          # terms of a sum written out in its line; the rest as "+ ⋯"
MAX_EXPANDED = 4       # terms of a sum expanded into chains of their own
GIVEN_KINDS = ("weight", "one")


def children(node) -> tuple:
    if isinstance(node, Product):
        return node.factors
    if isinstance(node, Sum):
        return node.terms
    return ()


def at(node, path):
    for i in path:
        node = children(node)[i]
    return node


def signature(node, depth: int = 0) -> tuple:
    """What the typeset part depends on: the tree's shape, symbols and formulas, not its numbers."""
    kids = children(node)
    limit = MAX_EXPANDED if isinstance(node, Sum) else len(kids)
    return (type(node).__name__, node.symbol, getattr(node, "formula", ""), node.kind, len(kids),
            getattr(node, "scale", 1.0) != 1.0,
            tuple(signature(c, depth + 1) for c in kids[:max(limit, MAX_TERMS)]))


def is_given(node) -> bool:
    if not isinstance(node, Factor):
        return False
    if node.kind in GIVEN_KINDS:
        return True
    return node.kind == "input" and bool(node.items) and node.items[0][0] == "n" and node.items[0][1] == 0


def item_of(node):
    """The neuron or edge a factor (or one path of a sum) belongs to."""
    items = list(node.items or ())
    if not items:
        return None
    if isinstance(node, Factor):
        if node.kind == "weight":
            return next((k for k in items if k[0] == "W"), items[0])
        if node.kind == "one":
            return next((k for k in items if k[0] == "b"), items[0])
        return next((k for k in items if k[0] == "n"), items[0])
    if isinstance(node, Product) and node.kind == "path":
        return next((k for k in items if k[0] == "W"), items[0])
    return None


class Grid(QWidget):
    """One line of the chain rule (a Product) or one sum (a Sum), with its numbers bound by path."""

    def __init__(self, view, node, path: tuple, tex: TexNames, parent=None):
        super().__init__(parent)
        self.view, self.path, self.tex = view, path, tex
        self.numbers: list[tuple[QLabel, tuple, bool, bool]] = []    # label, path, given, is result
        self.lay = QGridLayout(self)
        self.lay.setContentsMargins(0, 2, 0, 2)
        self.lay.setHorizontalSpacing(4)
        self.lay.setVerticalSpacing(1)
        self._col = 0
        if isinstance(node, Sum):
            self._sum(node)
        else:
            self._product(node)
        self.lay.setColumnStretch(self._col + 1, 1)

    # ----- building -------------------------------------------------------------------------------
    def _math(self, text: str, key=None, latex: str | None = None, size=SYMBOL_SIZE) -> MathView:
        v = MathView(self, size=size, clickable=key is not None, align=Qt.AlignmentFlag.AlignCenter)
        v.set_formula(self.tex.tex(text) if latex is None else latex, text)
        if key is not None:
            self._bind(v, key)
        return v

    def _number(self, path, given=False, key=None, result=False) -> ClickLabel:
        label = ClickLabel("", self, clickable=key is not None)
        if result:
            f = label.font()
            f.setBold(True)
            label.setFont(f)
        if key is not None:
            self._bind(label, key)
        self.numbers.append((label, path, given, result))
        return label

    def _op(self, text: str, row: int, col: int):
        self.lay.addWidget(MathLabel(text, self, 12), row, col)

    def _bind(self, widget, key):
        tip = QCoreApplication.translate("DerivationPanel", "Click to select %1")
        widget.setToolTip(plain_tip(tip.replace("%1", self.view.session.label(key))))
        widget.clicked.connect(lambda k=key: self.view.session.select(k))

    def _column(self, widgets):
        for w in widgets:
            if hasattr(w, "hovered"):
                for other in widgets:
                    if other is not w:
                        w.hovered.connect(other.set_hover)

    def _product(self, node):
        factors = node.factors if isinstance(node, Product) else (node,)
        lhs = self._math(node.symbol, item_of(node) if self.path else None)
        self.lay.addWidget(lhs, 0, 0)
        col = 1
        rows_with_formula = any(not isinstance(f, Sum) and f.formula != f.symbol for f in factors) or \
            isinstance(node, Factor)
        for n, f in enumerate(factors):
            self._op("=" if n == 0 else "×", 0, col)
            if rows_with_formula:
                self._op("=" if n == 0 else "×", 1, col)
            self._op("=" if n == 0 else "×", 2, col)
            col += 1
            key = item_of(f)
            sub = self.path + ((n,) if isinstance(node, Product) else ())
            cells = [self._math(f.symbol, key) if isinstance(node, Product) else None]
            if rows_with_formula:
                cells.append(self._below() if isinstance(f, Sum) else self._math(f.formula, key))
            else:
                cells.append(None)
            cells.append(self._number(sub, is_given(f), key))
            for row, w in enumerate(cells):
                if w is not None:
                    self.lay.addWidget(w, row, col)
            self._column([w for w in cells if w is not None])
            col += 1
        if len(factors) > 1 or isinstance(node, Factor):
            self._result(3, col)
        self._col = col

    def _result(self, row: int, last_col: int):
        """The product or sum on a line of its own, under the first factor: narrow docks need no
        horizontal scrolling, and the eye finds it where a hand-written derivation ends."""
        self._op("=", row, 1)
        label = self._number(self.path, result=True)
        label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        self.lay.addWidget(label, row, 2, 1, max(1, last_col - 2))

    def _below(self) -> ClickLabel:
        """A sum stands in its product's formula line only by name: it is written out just below."""
        label = ClickLabel(QCoreApplication.translate("DerivationPanel", "(sum below)"), self, point_size=9)
        label.setEnabled(False)
        return label

    def _sum(self, node: Sum):
        self.lay.addWidget(self._math(node.symbol), 0, 0)
        col = 1
        self._op("=", 0, col)
        self._op("=", 1, col)
        col += 1
        batch = node.kind == "batch_mean"
        if node.scale != 1.0:
            n = len(node.terms)
            self.lay.addWidget(self._math(f"1/{n}", latex=rf"\frac{{1}}{{{n}}}\Big("), 0, col)
            self.lay.addWidget(self._math(f"1/{n}", latex=rf"\frac{{1}}{{{n}}}\Big("), 1, col)
            col += 1
        shown = node.terms[:MAX_TERMS]
        for n, t in enumerate(shown):
            if n:
                self._op("+", 0, col)
                self._op("+", 1, col)
                col += 1
            key = item_of(t)
            sample = QCoreApplication.translate("DerivationPanel", "sample %1").replace("%1", str(n + 1))
            top = ClickLabel(sample, self) if batch else self._math(t.symbol, key)
            num = self._number(self.path + (n,), is_given(t), key)
            self.lay.addWidget(top, 0, col)
            self.lay.addWidget(num, 1, col)
            self._column([top, num])
            col += 1
        if len(node.terms) > len(shown):
            self._op("+ ⋯", 0, col)
            self._op("+ ⋯", 1, col)
            col += 1
        if node.scale != 1.0:
            self._op(r")", 0, col)
            self._op(r")", 1, col)
            col += 1
        self._result(2, col)
        self._col = col

    # ----- numbers --------------------------------------------------------------------------------
    def refresh(self, root) -> None:
        s = self.view.session
        hidden, top = s.hidden, top_key(s.selection)
        for label, path, given, _ in self.numbers:
            node = at(root, path)
            hide = hidden and node_key(node, top) in hidden       # an exercise asks for it (gui.hidden)
            label.setText(HIDDEN if hide else number_text(node.value, given))
