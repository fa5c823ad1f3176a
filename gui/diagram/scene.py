"""The network scene: builds the items from the session's network and keeps them current.

shapeChanged rebuilds; changed only rewrites texts, colours and widths of the items that exist
(the edit-to-screen path). Items ask the scene to select, edit and scrub; the scene asks the session.
"""
from __future__ import annotations

import numpy as np
from PySide6.QtCore import QCoreApplication, QPointF, Signal
from PySide6.QtGui import QTransform
from PySide6.QtWidgets import QGraphicsScene, QGraphicsSimpleTextItem, QToolTip

from ..numbers import fmt
from . import layout, style
from .bindings import ParamBinding, TargetBinding
from .edge_item import EdgeItem, trimmed
from .neuron_item import NeuronItem
from .scrub_number import PlainNumber, ScrubNumber


def _tr(text: str) -> str:
    return QCoreApplication.translate("NetworkDiagram", text)


def param_tooltip(s, key) -> str:
    name, g = s.label(key), s.grad(key)
    lines = [f"{name} = {fmt(s.value(key))}"]
    if g is not None:
        lines.append(f"∂{s.net.notation.loss}/∂{name} = {fmt(g)}")
    if s.is_frozen(key):
        lines.append(_tr("frozen: training does not change it"))
    lines.append(_tr("drag sideways to change, double-click to type"))
    return "\n".join(lines)


def neuron_tooltip(s, key) -> str:
    _, l, j = key
    nt, state, name = s.net.notation, s.state, s.label(key)
    if l == 0:
        return "\n".join([f"{name} = {fmt(s.value(key))}  " + _tr("(input)"),
                          f"∂{nt.loss}/∂{name} = {fmt(s.grad(key))}"])
    z = nt.neuron("z", l, j)
    act = s.net.layers[l - 1].activation
    return "\n".join([f"{z} = {fmt(state.zs[l][:, j].mean())}",
                      f"{name} = {act}({z}) = {fmt(s.value(key))}",
                      f"δ = ∂{nt.loss}/∂{z} = {fmt(state.deltas[l][:, j].mean())}",
                      f"∂{nt.loss}/∂{name} = {fmt(s.grad(key))}"])


class NetworkScene(QGraphicsScene):
    editRequested = Signal(object)          # a ScrubNumber to type into
    refused = Signal(object, str)           # the item, and why its edit was refused
    aboutToRebuild = Signal()               # items are about to be deleted

    def __init__(self, session, parent=None):
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
        session.shapeChanged.connect(self.rebuild)
        session.changed.connect(self.refresh)
        session.selectionChanged.connect(self._show_selection)
        session.highlightChanged.connect(self._show_highlight)
        if session.project is not None:
            self.rebuild()

    # ----- building -----------------------------------------------------------------------------
    def rebuild(self) -> None:
        self.aboutToRebuild.emit()
        self.clear()
        self.neurons, self.edges, self.biases = {}, {}, {}
        self.targets, self.terms, self.headers = [], [], []
        s, net = self.session, self.session.net
        sizes = net.sizes
        m = self.metrics = layout.metrics_for(sizes)
        centres = layout.neuron_centres(sizes, m)
        obstacles = layout.circle_rects(centres, m.radius)
        last = len(sizes) - 1
        for l, col in enumerate(centres):
            fill = style.INPUT_FILL if l == 0 else style.OUTPUT_FILL if l == last else style.NEURON_FILL
            for j, (x, y) in enumerate(col):
                key = ("n", l, j)
                item = NeuronItem(key, s.label(key), m.radius, m.symbol_px, m.value_px, fill)
                item.setPos(x, y)
                self.addItem(item)
                self.neurons[key] = item
        obstacles += self._add_biases(centres, m)
        obstacles += self._add_outputs(centres, m)
        obstacles += self._add_headers(centres, m)
        self._add_edges(centres, m, obstacles)
        self.setSceneRect(self.itemsBoundingRect().adjusted(-16, -12, 16, 12))
        self.refresh()
        self._show_selection(s.selection)
        self._show_highlight(s.highlight)

    def _add_biases(self, centres, m) -> list:
        """A badge per neuron above its circle (one above the column for a shared bias). In a compact
        (wide) diagram the badges appear only when their neuron or bias is selected or highlighted."""
        rects, net, s = [], self.session.net, self.session
        for l, spec in enumerate(net.layers, start=1):
            if spec.bias == "none":
                continue
            col = centres[l]
            shared = spec.bias == "shared"
            spots = [(0, col[0])] if shared else list(enumerate(col))
            for j, (x, y) in spots:
                key = ("b", l, j)
                badge = ScrubNumber(s.label(key), ParamBinding(key), m.label_px * 0.9, fill=style.BIAS_FILL)
                badge.setZValue(5)
                w, h = badge.size()
                # Centred above the circle, it reaches barely past the clearance that edge labels keep
                # from the circle anyway, so it costs the labels almost no room.
                badge.setPos(x, y - m.radius - h / 2 - (14 if shared else 3))
                badge.setToolTip(_tr("One bias shared by every neuron of this layer") if shared
                                 else _tr("Bias: added to this neuron's weighted sum"))
                self.addItem(badge)
                self.biases[key] = badge
                if m.compact and not shared:
                    badge.hide()
                    self.neurons[("n", l, j)].has_bias = True
                else:
                    rects.append(layout.centred_rect(badge.x(), badge.y(), w, h))
        return rects

    def _add_outputs(self, centres, m) -> list:
        rects, net, s = [], self.session.net, self.session
        nt, last = net.notation, len(centres) - 1
        for k, (x, y) in enumerate(centres[last]):
            target = ScrubNumber(nt.target_name(k), TargetBinding(last, k), m.label_px)
            target.setZValue(4)
            target.setToolTip(_tr("Target (the value this output should reach)"))
            w, h = target.size()
            target.setPos(x + m.radius + 12 + w / 2, y - h / 2 - 1)
            term = PlainNumber(nt.loss_term(k), m.label_px * 0.85, value_colour=style.MUTED)
            term.setToolTip(_tr("This output's term of the loss"))
            tw, th = term.size()
            term.setPos(x + m.radius + 12 + tw / 2, y + th / 2 + 2)
            for item in (target, term):
                self.addItem(item)
                r = item.sceneBoundingRect()
                rects.append((r.left(), r.top(), r.right(), r.bottom()))
            self.targets.append(target)
            self.terms.append(term)
        x, y = centres[last][-1]
        self.total = PlainNumber(nt.loss, m.label_px, chip=True, name_colour=style.INK)
        self.total.setToolTip(_tr("The loss of what the diagram shows"))
        self.total.setPos(x, y + m.radius + 20 + self.total.size()[1] / 2)
        self.addItem(self.total)
        r = self.total.sceneBoundingRect()
        rects.append((r.left(), r.top(), r.right(), r.bottom()))
        return rects

    def _add_headers(self, centres, m) -> list:
        rects, net = [], self.session.net
        top = min(col[0][1] for col in centres) - m.radius - (44 if any(
            spec.bias != "none" for spec in net.layers) else 22)
        for l, col in enumerate(centres):
            if l == 0:
                text = _tr("input")
            elif l == len(centres) - 1:
                text = _tr("output · %1").replace("%1", net.layers[l - 1].activation)
            else:
                text = _tr("hidden %1 · %2").replace("%1", str(l)).replace("%2", net.layers[l - 1].activation)
            head = QGraphicsSimpleTextItem(text)
            head.setFont(style.font(m.label_px * 0.95))
            head.setBrush(style.MUTED)
            br = head.boundingRect()
            head.setPos(col[0][0] - br.width() / 2, top - br.height())
            self.addItem(head)
            self.headers.append(head)
            r = head.sceneBoundingRect()
            rects.append((r.left(), r.top(), r.right(), r.bottom()))
        return rects

    def _add_edges(self, centres, m, obstacles) -> None:
        s = self.session
        labels = {}
        for l in range(1, len(centres)):
            for i in range(len(centres[l - 1])):
                for j in range(len(centres[l])):
                    key = ("W", l, i, j)
                    label = ScrubNumber(s.label(key), ParamBinding(key), m.label_px)
                    label.setZValue(3)
                    label.set_value(s.value(key))
                    labels[(l, i, j)] = label
        placed = layout.place_edge_labels(centres, m, lambda l, i, j: labels[(l, i, j)].size(), obstacles)
        for (l, i, j), label in labels.items():
            key = ("W", l, i, j)
            (x0, y0), (x1, y1) = centres[l - 1][i], centres[l][j]
            p0, p1 = trimmed(QPointF(x0, y0), QPointF(x1, y1), m.radius, m.radius)
            rect = placed.placements[(l, i, j)].rect
            pos = None if rect is None else QPointF((rect[0] + rect[2]) / 2, (rect[1] + rect[3]) / 2)
            self.addItem(label)
            edge = EdgeItem(key, p0, p1, label, pos, layout.dense_pair(len(centres[l - 1]), len(centres[l])))
            self.addItem(edge)
            self.edges[key] = edge
        self._edge_list = list(self.edges.values())
        self._edge_index = np.array([s.index(e.key) for e in self._edge_list], dtype=int)
        self._edge_dense = np.array([e.dense for e in self._edge_list], dtype=bool)

    # ----- refreshing (cheap: texts, colours, widths) -------------------------------------------
    def refresh(self) -> None:
        s = self.session
        if s.project is None or not self.neurons:
            return
        for key, item in self.neurons.items():
            item.set_value(s.value(key))
        # One gather per refresh instead of a lookup per edge: a 16-wide net has hundreds of edges.
        theta = s.shown_net.theta
        values = theta[self._edge_index]
        looks = s.state.grad[self._edge_index] if s.gradient_colours else values
        signs = np.sign(np.nan_to_num(looks)).astype(int).tolist()
        widths = style.widths_for(looks, self._edge_dense).tolist()
        for edge, v, sign, width in zip(self._edge_list, values.tolist(), signs, widths):
            edge.set_look(sign, width)
            if edge.label.isVisible():
                edge.label.set_value(v)
        for key, badge in self.biases.items():
            if not badge.isVisible():
                continue
            badge.set_value(s.value(key))
            g = (s.grad(key) or 0.0) if s.gradient_colours else s.value(key)
            badge.set_border(style.sign_colour(g))
        state = s.state
        ys, terms = state.y.mean(axis=0), state.terms.mean(axis=0)
        for k, (target, term) in enumerate(zip(self.targets, self.terms)):
            target.set_value(float(ys[k]))
            term.set_value(float(terms[k]), 4)
        self.total.set_value(float(state.loss), 4)

    def refresh_label(self, edge: EdgeItem) -> None:
        """A label about to be shown (hover, selection) catches up with the value it skipped."""
        edge.label.set_value(self.session.value(edge.key))

    # ----- selection and highlight --------------------------------------------------------------
    def _show_selection(self, key) -> None:
        for k, item in self.neurons.items():
            item.set_selected(k == key)
        for k, item in self.edges.items():
            item.set_selected(k == key)
        for k, badge in self.biases.items():
            badge.set_emphasis(k == key)
        self._show_compact_biases()

    def _show_highlight(self, keys) -> None:
        keys = frozenset(keys or ())
        on = bool(keys)
        for k, item in self.neurons.items():
            item.set_emphasis(on and k in keys)
            item.setOpacity(style.DIMMED_OPACITY if on and k not in keys else 1.0)
        for k, edge in self.edges.items():
            edge.set_emphasis(on and k in keys)
            edge.set_dimmed(on and k not in keys)
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
                badge.set_value(s.value(("b", l, j)))
            badge.setVisible(on)

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
            QToolTip.showText(event.screenPos(), text, event.widget())
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
        for key, badge in self.biases.items():
            if item is badge:
                return param_tooltip(s, key)
        for key, edge in self.edges.items():
            if item is edge.label:
                return param_tooltip(s, key)
        return item.toolTip() if item is not None else ""

    # ----- what items ask -----------------------------------------------------------------------
    def select(self, key) -> None:
        self.session.select(key)

    def read_only_reason(self) -> str | None:
        step = self.session.viewing_step
        if step is None:
            return None
        return _tr("Viewing step %1 (read-only): return to the present to change numbers").replace(
            "%1", str(step))

    def refuse(self, item, reason: str) -> None:
        self.refused.emit(item, reason)
        self.session.message.emit(reason)

    def request_edit(self, item) -> None:
        reason = self.read_only_reason()
        if reason:
            self.refuse(item, reason)
        else:
            self.editRequested.emit(item)

    def begin_scrub(self, item) -> None:
        item.binding.begin(self.session)

    def scrub(self, item, value: float) -> None:
        err = item.binding.move(self.session, value)
        if err:
            self.refuse(item, err)

    def end_scrub(self, item) -> None:
        item.binding.end(self.session)
