"""Derivation view: the chain rule of the selected weight, bias or neuron, typeset as seed 004 writes it,
with every sum over paths expanded term by term, and (toggle) seed 002's matrix form beside it.

Speed (see typeset.py for the measurements): the typeset part depends only on the parameter, the
network's shape and its notation, so the grids are built when the selection or the shape changes and
their SVGs come from the typesetter's cache. An edit only rebuilds core.derivation's tree for the
selected key (about 0.3 ms) and sets the text of the number labels under the formulas, in the same
event-loop turn as the edit; the grids are rebuilt only if the tree's symbols changed (a different
batch size, cross-entropy's targets no longer summing to one).
Measured with `python -m backprop_lab.gui.teaching.preview PRESET --measure` (whole main window, W11 selected, minimum
of 60 edits, 2 busy cores): an edit updates every view in 2.5 ms (seed004) / 3.1 ms (seed000, a hidden
weight of the 3-3-3-3 net) with this view open, 1.1× the window without the teaching dock; with the
whole window repainted 9.9 / 11.7 ms, within one 16 ms frame. Selecting another parameter rebuilds the
grids in 7–30 ms from cached SVGs; the first time a formula is ever seen it is typeset in the background
(seed000's w_ij11: 22 formulas, about 2.7 s of ziamath spread over event-loop turns, then on disk).
"""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QCheckBox, QFrame, QHBoxLayout, QLabel, QScrollArea, QSplitter, QVBoxLayout, QWidget

from backprop_lab.core.teaching.derivation import Derivation, Product, Sum

from ..on_screen import RefreshWhenSeen, on_screen
from ..panels.chain import derivation
from ..plain_text import escape
from .chain_grid import MAX_EXPANDED, Grid, signature
from .matrix_view import MatrixView
from .texnames import TexNames
from .widgets import caption


class ChainTree(QWidget):
    """A product's grid, then each sum among its factors, then each path of that sum, indented."""

    def __init__(self, view, root, tex: TexNames, parent=None):
        super().__init__(parent)
        self.grids: list[Grid] = []
        self.more: list[QLabel] = []
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(6)
        self._add(view, root, (), tex, box, 0)
        box.addStretch(1)

    def _add(self, view, node, path, tex, box, depth):
        grid = Grid(view, node, path, tex, self)
        self.grids.append(grid)
        if depth:
            holder = QFrame(self)
            holder.setFrameShape(QFrame.Shape.NoFrame)
            lay = QHBoxLayout(holder)
            lay.setContentsMargins(14 * depth, 0, 0, 0)
            bar = QFrame(holder)
            bar.setFrameShape(QFrame.Shape.VLine)
            bar.setFrameShadow(QFrame.Shadow.Sunken)
            lay.addWidget(bar)
            lay.addWidget(grid, 1)
            box.addWidget(holder)
        else:
            box.addWidget(grid)
        if isinstance(node, Product):
            for n, f in enumerate(node.factors):
                if isinstance(f, (Sum, Product)):
                    self._add(view, f, path + (n,), tex, box, depth + 1)
        elif isinstance(node, Sum):
            for n, t in enumerate(node.terms[:MAX_EXPANDED]):
                if isinstance(t, (Sum, Product)):
                    self._add(view, t, path + (n,), tex, box, depth + 1)
            rest = len(node.terms) - MAX_EXPANDED
            if rest > 0:
                more = QCoreApplication.translate("DerivationPanel", "… and %n more path(s), each written out the "
                                                  "same way", "", rest)
                label = caption(more)
                label.setContentsMargins(14 * (depth + 1), 0, 0, 0)
                box.addWidget(label)

    def refresh(self, root):
        for g in self.grids:
            g.refresh(root)


class DerivationPanel(RefreshWhenSeen, QWidget):
    def __init__(self, session, parent=None):
        super().__init__(parent)
        self.session = session
        self._tex: TexNames | None = None
        self._sig = None
        self._shown_key = None
        self._dirty = True
        self.tree: ChainTree | None = None
        self.derivation: Derivation | None = None

        top = QHBoxLayout()
        self.title = QLabel()
        self.title.setObjectName("derivationTitle")
        self.title.setWordWrap(True)
        self.matrix_toggle = QCheckBox(self.tr("Matrix form beside it"))
        self.matrix_toggle.setToolTip(self.tr("Show seed 002's matrix form next to the node-by-node chain"))
        self.matrix_toggle.toggled.connect(self._toggle_matrix)
        top.addWidget(self.title, 1)
        top.addWidget(self.matrix_toggle, 0, Qt.AlignmentFlag.AlignTop)

        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.holder = QWidget()
        self.holder_box = QVBoxLayout(self.holder)
        self.holder_box.setContentsMargins(4, 4, 4, 4)
        self.hint = caption("")
        self.holder_box.addWidget(self.hint)
        self.holder_box.addStretch(1)
        self.scroll.setWidget(self.holder)

        self.matrix = MatrixView(session)
        self.matrix.hide()
        self.split = QSplitter(Qt.Orientation.Horizontal)
        self.split.addWidget(self.scroll)
        self.split.addWidget(self.matrix)
        self.split.setChildrenCollapsible(False)

        box = QVBoxLayout(self)
        box.setContentsMargins(6, 4, 6, 4)
        box.addLayout(top)
        box.addWidget(self.split, 1)
        self.foot = caption(self.tr("Click any factor to select the neuron or edge it belongs to."))
        box.addWidget(self.foot)

        session.changed.connect(self.on_changed)
        session.selectionChanged.connect(self.on_selection)
        session.shapeChanged.connect(self.on_shape)
        session.notationChanged.connect(lambda _form: self.on_shape())
        session.hiddenChanged.connect(self._hidden_changed)

    # ----- session signals ------------------------------------------------------------------------
    def on_shape(self):
        self._tex = None
        self._sig = None
        self._dirty = True

    def on_selection(self, _key=None):
        self._sig = None
        if on_screen(self):
            self.refresh()
        else:
            self._dirty = True

    def _hidden_changed(self, _keys):
        self.on_changed()

    def on_changed(self):
        self.refresh_if_seen()

    # ----- building and refreshing ----------------------------------------------------------------
    def refresh(self):
        self._dirty = False
        s = self.session
        key = s.selection
        if key is None or not s.is_valid(key):
            self._clear(self.tr("Select a weight, a bias or a neuron (in the diagram or a table) to see "
                                "its derivative written out with the chain rule."))
            self.matrix.show_for(None, None)
            return
        self.derivation = derivation(s)
        root = self.derivation.node_for_key(key)
        sig = (key, signature(root))
        if sig != self._sig or self.tree is None:
            self._build(key, root)
            self._sig = sig
        self.tree.refresh(root)
        if self.matrix.isVisible():
            self.matrix.show_for(key, self.derivation)

    def _clear(self, text: str):
        self._drop_tree()
        self._sig = None
        self.title.setText(self.tr("Derivation"))
        self.hint.setText(text)
        self.hint.show()

    def _build(self, key, root):
        s = self.session
        if self._tex is None:
            self._tex = TexNames(s.named_net)
        self._drop_tree()
        self.hint.hide()
        self.tree = ChainTree(self, root, self._tex, self.holder)
        self.holder_box.insertWidget(1, self.tree)
        self.title.setText(self._title(key, root))

    def _drop_tree(self):
        # Deleted later and never made a top-level window: a click inside the tree may be what
        # replaces it, and a parentless widget would become a window of its own meanwhile.
        if self.tree is not None:
            self.holder_box.removeWidget(self.tree)
            self.tree.hide()
            self.tree.deleteLater()
            self.tree = None

    def _title(self, key, root) -> str:
        s = self.session
        name = escape(s.label(key))
        if key[0] == "n":
            what = (self.tr("<b>%1</b>: how the error changes with this input") if key[1] == 0 else
                    self.tr("<b>%1</b>: δ, how the error changes with this neuron's net input"))
        elif key[0] == "W":
            what = self.tr("<b>%1</b>: the chain rule from the error back to this weight")
        else:
            what = self.tr("<b>%1</b>: the chain rule from the error back to this bias")
        text = what.replace("%1", name)
        if isinstance(root, Sum) and root.kind == "batch_mean":
            text += "<br>" + self.tr("mean over the %n samples of the batch", "", len(root.terms))
        return text

    def _toggle_matrix(self, on: bool):
        self.matrix.setVisible(on)
        if on:
            self.refresh()
            total = max(self.split.width(), 400)
            self.split.setSizes([total // 2, total - total // 2])

    # ----- for tests and the preview --------------------------------------------------------------
    def number_labels(self) -> list[QLabel]:
        return [lab for g in (self.tree.grids if self.tree else []) for lab, *_ in g.numbers]

    def result_label(self) -> QLabel | None:
        if not self.tree:
            return None
        return next(lab for lab, path, _g, result in self.tree.grids[0].numbers if result or path == ())

    def math_views(self):
        from .typeset import MathView
        return [] if self.tree is None else self.tree.findChildren(MathView)
