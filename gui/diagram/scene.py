"""The network scene: builds the items from the session's network and keeps them current.

shapeChanged rebuilds; changed only rewrites texts, colours and widths of the items that exist
(the edit-to-screen path), and of those only the ones whose text or look differs from what they show
(gui.diagram.edge_looks): the largest net's 8,192 edges are not each told at every refresh.
tests/gui/test_diagram_fresh.py holds that skipping to a diagram built from scratch. Items ask the scene
to select, edit and scrub; the scene asks the session.
"""
from __future__ import annotations

import numpy as np
from PySide6.QtCore import QCoreApplication, QPointF, Signal
from PySide6.QtGui import QTransform
from PySide6.QtWidgets import QGraphicsScene, QGraphicsSimpleTextItem, QToolTip

from backprop_lab.core.numerics import finite_mean

from ..hidden import HIDDEN
from ..plain_text import tip
from . import layout, style
from .bindings import ParamBinding
from .builder import Builder
from .dense_edges import MANY, DenseEdges
from .edge_item import EdgeItem, trimmed
from .edge_looks import EdgeLooks
from .neuron_item import NeuronItem
from .scrub_number import PlainNumber, ScrubNumber
from .tooltips import neuron_tooltip, param_tooltip

translate = QCoreApplication.translate


class NetworkScene(QGraphicsScene):
    editRequested = Signal(object)          # a ScrubNumber to type into
    refused = Signal(object, str)           # the item, and why its edit was refused
    aboutToRebuild = Signal()               # items are about to be deleted

    def __init__(self, session, parent=None, build: bool = True):
        super().__init__(parent)
        self.session = session
        self.setBackgroundBrush(style.BACKGROUND)
        self.setItemIndexMethod(QGraphicsScene.ItemIndexMethod.NoIndex)   # few items, all repainted
        self.neurons: dict = {}
        self.edges: dict = {}
        self.biases: dict = {}
        self.targets: list[ScrubNumber] = []
        self.terms: list[PlainNumber] = []
        self.total: PlainNumber | None = None
        self.headers: list[QGraphicsSimpleTextItem] = []
        self.metrics: layout.Metrics | None = None
        self.room: tuple[float, float] | None = None     # the view's size, for a layout that fits it
        self._hovered: EdgeItem | None = None            # a batch-painted edge under the pointer
        self._labelled: dict = {}                         # the edges whose label is shown, by key
        self._selection_shown = None                      # what _show_selection and _show_highlight
        self._highlight_shown: frozenset = frozenset()    # last showed (a rebuild's items show neither)
        self._columns: list[list[NeuronItem]] = []
        session.shapeChanged.connect(self.rebuild)
        session.notationChanged.connect(lambda _form: self.rebuild())
        session.view.lockedChanged.connect(self._show_locks)
        session.changed.connect(self.refresh)
        session.selectionChanged.connect(self._show_selection)
        session.highlightChanged.connect(self._show_highlight)
        session.hiddenChanged.connect(self._hidden_changed)
        if build and session.project is not None:
            self.rebuild()

    # ----- building -----------------------------------------------------------------------------
    def rebuild(self) -> None:
        self.aboutToRebuild.emit()
        self.clear()
        self._hovered = None
        s = self.session
        b = Builder(s, layout.metrics_for(s.net.sizes, self.room))
        plan = b.plan(self.room)
        self.metrics = plan.metrics
        self.neurons, self.biases = b.neurons, b.biases
        self._columns = [[self.neurons[("n", l, j)] for j in range(n)] for l, n in enumerate(s.net.sizes)]
        self.targets, self.terms, self.total, self.headers = b.targets, b.terms, b.total, b.headers
        for item in [*self.neurons.values(), *self.biases.values(), *self.targets, *self.terms, self.total,
                     *self.headers]:
            self.addItem(item)
        self.edges = {}
        m, centres = plan.metrics, plan.centres
        for l in range(1, len(centres)):
            dense = layout.dense_pair(len(centres[l - 1]), len(centres[l]))
            for i, (x0, y0) in enumerate(centres[l - 1]):
                for j, (x1, y1) in enumerate(centres[l]):
                    key = ("W", l, i, j)
                    rect = plan.placed.placements[(l, i, j)].rect
                    pos = None if rect is None else QPointF((rect[0] + rect[2]) / 2, (rect[1] + rect[3]) / 2)
                    p0, p1 = trimmed(QPointF(x0, y0), QPointF(x1, y1), m.radius, m.radius)
                    if dense:
                        label = self._label_maker(b, key)
                    else:
                        label = b.labels[plan.stacked][(l, i, j)]
                        self.addItem(label)
                    edge = EdgeItem(key, p0, p1, label, pos, dense)
                    self.addItem(edge)
                    self.edges[key] = edge
        self._edge_list = list(self.edges.values())
        self._looks = EdgeLooks(s, self._edge_list)
        self._labelled = {e.key: e for e in self._edge_list if e.label_shown}
        self._selection_shown, self._highlight_shown = None, frozenset()
        batched = [e for e in self._edge_list if e.dense]
        for l in sorted({e.key[1] for e in batched}):
            self.addItem(DenseEdges([e for e in batched if e.key[1] == l], many=len(batched) > MANY))
        self.setSceneRect(self.itemsBoundingRect().adjusted(-16, -12, 16, 12))
        self.refresh()
        self._show_selection(s.selection)
        self._show_highlight(s.highlight)
        self._show_locks()

    # ----- refreshing (cheap: texts, colours, widths) -------------------------------------------
    def refresh(self) -> None:
        s = self.session
        if s.project is None or not self.neurons or self.total is None:     # not built yet
            return
        for l, items in enumerate(self._columns):
            # Each column's means as s.value takes them (one column of samples at a time, the same sums
            # to the last bit), for the whole layer at once: 288 means a refresh on the largest net.
            for item, v in zip(items, np.ascontiguousarray(s.state.acts[l].T).mean(axis=1).tolist()):
                item.set_value(v)
        restyled: set[DenseEdges] = set()
        for edge, sign, tenths in self._looks.changed(s):
            edge.set_look(sign, tenths)
            if edge.batch is not None:
                restyled.add(edge.batch)
        for batch in restyled:
            batch.restyled()
        for edge in self._labelled.values():
            edge.label.set_value(s.value(edge.key))
        for key, badge in self.biases.items():
            if badge.isVisible():
                self._write_bias(key, badge)
        state = s.state
        ys, terms = finite_mean.mean(state.y, axis=0), finite_mean.mean(state.terms, axis=0)
        for k, (target, term) in enumerate(zip(self.targets, self.terms)):
            target.set_value(float(ys[k]))
            term.set_value(float(terms[k]), 4)
        self.total.set_value(float(state.loss), 4)
        if s.hidden:
            self._hide_numbers(s.hidden)

    def _label_maker(self, b: Builder, key):
        """What makes a dense pair's label when it is first shown: in this scene, locked if its number is."""
        def make():
            label = b.label(key)
            label.set_locked(key in self.session.view.locked)
            self.addItem(label)
            return label
        return make

    def lockable(self):
        """(gui.lock key, item) for every number a teacher can lock that the diagram draws (a dense pair's
        label not made yet is made locked or not, _label_maker)."""
        for key, edge in self.edges.items():
            if edge.has_label:
                yield tuple(key), edge.label
        for key, badge in self.biases.items():
            yield tuple(key), badge
        for (_, l, j), item in self.neurons.items():
            if l == 0:
                yield ("X", j), item.number
        for k, target in enumerate(self.targets):
            yield ("Y", k), target

    def _show_locks(self, *_) -> None:
        locked = self.session.view.locked
        for key, item in self.lockable():
            item.set_locked(key in locked)

    def _hidden_changed(self, _keys) -> None:
        self.refresh()

    def _hide_numbers(self, hidden) -> None:
        """What an exercise asks for shows "?" (written over the values: the plain path stays as fast)."""
        for (_, l, j), item in self.neurons.items():
            if l and ("a", l, j) in hidden:
                item.number.set_text(HIDDEN)
        for k, term in enumerate(self.terms):
            if ("term", k) in hidden:
                term.set_text(HIDDEN)
        if ("loss",) in hidden and self.total is not None:
            self.total.set_text(HIDDEN)

    def note_label(self, edge: EdgeItem, shown: bool) -> None:
        """An edge's label was shown or hidden. A refresh writes the shown ones only; one about to be
        shown (hover, selection) catches up with the value it skipped."""
        if not shown:
            self._labelled.pop(edge.key, None)
        elif edge.key not in self._labelled:
            self._labelled[edge.key] = edge
            edge.label.set_value(self.session.value(edge.key))

    # ----- selection and highlight --------------------------------------------------------------
    def _show_selection(self, key) -> None:
        # Only the item selected before and the one selected now change: not a call into each of 8,192 edges.
        key = None if key is None else tuple(key)
        for k, on in ((self._selection_shown, False), (key, True)):
            for items in (self.neurons, self.edges):
                item = items.get(k)
                if item is not None:
                    item.set_selected(on)
            badge = self.biases.get(k)
            if badge is not None:
                badge.set_emphasis(on)
        self._selection_shown = key
        self._show_compact_biases()

    def _show_highlight(self, keys) -> None:
        keys = frozenset(keys or ())
        if keys == self._highlight_shown:
            return
        self._highlight_shown = keys
        on = bool(keys)
        for k, item in self.neurons.items():
            item.set_emphasis(on and k in keys)
            item.setOpacity(style.DIMMED_OPACITY if on and k not in keys else 1.0)
        restyled: set[DenseEdges] = set()
        for k, edge in self.edges.items():
            edge.set_emphasis(on and k in keys)
            if edge.set_dimmed(on and k not in keys) and edge.batch is not None:
                restyled.add(edge.batch)
        for batch in restyled:
            batch.restyled()
        for k, badge in self.biases.items():
            badge.setOpacity(style.DIMMED_OPACITY if on and k not in keys else 1.0)
        self._show_compact_biases()
        last = len(self.session.net.sizes) - 1
        for k, (target, term) in enumerate(zip(self.targets, self.terms)):
            dim = on and ("n", last, k) not in keys
            for item in (target, term):
                item.setOpacity(style.DIMMED_OPACITY if dim else 1.0)

    def _show_compact_biases(self) -> None:
        if self.metrics is None or not self.metrics.compact:
            return
        s = self.session
        wanted = {s.selection} | set(s.highlight)
        for (kind, l, j), badge in self.biases.items():
            if self.session.net.layers[l - 1].bias == "shared":
                continue
            on = ("b", l, j) in wanted or ("n", l, j) in wanted
            if on and not badge.isVisible():
                self._write_bias(("b", l, j), badge)      # a hidden badge skipped the refreshes
            badge.setVisible(on)

    def _write_bias(self, key, badge) -> None:
        s = self.session
        badge.set_value(s.value(key))
        g = (s.grad(key) or 0.0) if s.gradient_colours else s.value(key)
        badge.set_border(style.sign_colour(g))

    def is_dimmed(self, key) -> bool:
        item = self.neurons.get(key) or self.edges.get(key) or self.biases.get(key)
        return item is not None and item.opacity() < 1.0

    # ----- tooltips: full precision, computed when asked, so never stale ------------------------
    def helpEvent(self, event):
        view = event.widget().parentWidget() if event.widget() is not None else None
        transform = view.transform() if view is not None and hasattr(view, "transform") else QTransform()
        item = self.itemAt(event.scenePos(), transform)
        text = self.tooltip_for(item) if item is not None else ""
        if text:
            QToolTip.showText(event.screenPos(), tip(text), event.widget())     # names are the document's
            event.accept()
        else:
            super().helpEvent(event)

    def tooltip_for(self, item) -> str:
        s = self.session
        if isinstance(item, ScrubNumber) and item.parentItem() is not None:
            item = item.parentItem()
        if isinstance(item, NeuronItem):
            return neuron_tooltip(s, item.key)
        if isinstance(item, EdgeItem):
            return param_tooltip(s, item.key)
        if isinstance(getattr(item, "binding", None), ParamBinding):     # a weight's label, a bias's badge
            return param_tooltip(s, item.binding.select_key)
        return item.toolTip() if item is not None else ""

    def mouseMoveEvent(self, event):
        super().mouseMoveEvent(event)
        if not event.buttons():
            self._hover_batched(event.scenePos())

    def _hover_batched(self, pos: QPointF) -> None:
        """Hover for the edges a DenseEdges paints (Qt sends none to an item without contents)."""
        item = self.itemAt(pos, QTransform())
        edge = item if isinstance(item, EdgeItem) and item.batch is not None else None
        if edge is self._hovered:
            return
        if self._hovered is not None:
            self._hovered.set_hovered(False)
        if edge is not None:
            edge.set_hovered(True, edge.mapFromScene(pos))
        self._hovered = edge

    # ----- what items ask -----------------------------------------------------------------------
    def select(self, key) -> None:
        self.session.select(key)

    def read_only_reason(self) -> str | None:
        step = self.session.viewing_step
        if step is None:
            return None
        return translate("NetworkDiagram", "Viewing step %1 (read-only): return to the present to change "
                                           "numbers").replace("%1", str(step))

    def refuse(self, item, reason: str) -> None:
        self.refused.emit(item, reason)
        self.session.message.emit(reason)

    def request_edit(self, item) -> None:
        reason = self.read_only_reason()
        if reason:
            self.refuse(item, reason)
        else:
            self.editRequested.emit(item)

    def begin_scrub(self, item) -> str | None:
        """None when the drag may go on; else the reason, already shown beside the item."""
        reason = self.read_only_reason() or item.binding.begin(self.session)
        if reason:
            self.refuse(item, reason)
        return reason

    def scrub(self, item, value: float) -> None:
        err = item.binding.move(self.session, value)
        if err:
            self.refuse(item, err)

    def end_scrub(self, item) -> None:
        item.binding.end(self.session)
