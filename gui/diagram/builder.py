"""Creating the diagram's items for a network and deciding where they go.

Items are made once per rebuild; then candidate layouts are tried (gaps fitted to the view's room,
then wider ones, with one-line or name-over-value weight labels) until every weight label has a
place: the first such layout in order of how large the view can then show the text wins, else the
one that leaves the fewest labels to show on hover.
"""
from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QGraphicsSimpleTextItem

from ..panels.architecture import activation_label
from . import layout, style
from .bindings import ParamBinding, TargetBinding
from .neuron_item import NeuronItem
from .scrub_number import PlainNumber, ScrubNumber

GROWTH = [(c, r) for c in (1.0, 1.15, 1.3, 1.45) for r in (1.0, 1.25, 1.5, 1.8)]
MAX_TRIES = 8          # candidate layouts tried at most (each a label search)
MAX_SCALE = 1.25

translate = QCoreApplication.translate


def _rect(item) -> layout.Rect:
    w, h = item.size()
    return layout.centred_rect(item.x(), item.y(), w, h)


@dataclass
class Plan:
    metrics: layout.Metrics
    stacked: bool
    centres: list
    placed: layout.EdgeLabels
    missing: int


class Builder:
    def __init__(self, session, base: layout.Metrics):
        self.session, self.base = session, base
        s, net, m = session, session.net, base
        self.sizes = net.sizes
        last = len(self.sizes) - 1
        self.neurons = {}
        for l, n in enumerate(self.sizes):
            fill = style.INPUT_FILL if l == 0 else style.OUTPUT_FILL if l == last else style.NEURON_FILL
            for j in range(n):
                key = ("n", l, j)
                self.neurons[key] = NeuronItem(key, s.label(key), m.radius, m.symbol_px, m.value_px, fill)
        self.biases, self.shared = {}, set()
        for l, spec in enumerate(net.layers, start=1):
            if spec.bias == "none":
                continue
            for j in range(spec.n_bias()):
                key = ("b", l, j)
                badge = ScrubNumber(s.label(key), ParamBinding(key), m.label_px * 0.9, fill=style.BIAS_FILL)
                badge.setZValue(5)
                shared = spec.bias == "shared"
                badge.setToolTip(translate("NetworkDiagram", "One bias shared by every neuron of this layer")
                                 if shared else
                                 translate("NetworkDiagram", "Bias: added to this neuron's weighted sum"))
                if shared:
                    self.shared.add(key)
                elif m.compact:
                    badge.hide()                      # on demand in a wide diagram
                    self.neurons[("n", l, j)].has_bias = True
                self.biases[key] = badge
        nt = s.notation
        self.targets, self.terms = [], []
        for k in range(self.sizes[-1]):
            target = ScrubNumber(nt.target_name(k), TargetBinding(last, k), m.label_px)
            target.setZValue(4)
            target.setToolTip(translate("NetworkDiagram", "Target (the value this output should reach)"))
            term = PlainNumber(nt.loss_term(k), m.label_px * 0.85, value_colour=style.MUTED)
            term.setToolTip(translate("NetworkDiagram", "This output's term of the loss"))
            self.targets.append(target)
            self.terms.append(term)
        self.total = PlainNumber(nt.loss, m.label_px, chip=True, name_colour=style.INK)
        self.total.setToolTip(translate("NetworkDiagram", "The loss of what the diagram shows"))
        self.headers = []
        for l in range(len(self.sizes)):
            if l == 0:
                text = translate("NetworkDiagram", "input")
            elif l == last:
                text = translate("NetworkDiagram", "output · %1").replace(
                    "%1", activation_label(net.layers[l - 1].activation))
            else:
                text = translate("NetworkDiagram", "hidden %1 · %2").replace("%1", str(l)).replace(
                    "%2", activation_label(net.layers[l - 1].activation))
            head = QGraphicsSimpleTextItem(text)
            head.setFont(style.font(m.label_px * 0.95))
            head.setBrush(style.MUTED)
            self.headers.append(head)
        self.labels = {False: self._labels(False), True: self._labels(True)}

    def _labels(self, stacked: bool) -> dict:
        """The labels of the sparse layer pairs, which the layout places; a dense pair's are made when
        first shown (label), one line each."""
        out = {}
        for l in range(1, len(self.sizes)):
            if layout.dense_pair(self.sizes[l - 1], self.sizes[l]):
                continue
            for i in range(self.sizes[l - 1]):
                for j in range(self.sizes[l]):
                    out[(l, i, j)] = self.label(("W", l, i, j), stacked)
        return out

    def label(self, key, stacked: bool = False) -> ScrubNumber:
        s = self.session
        label = ScrubNumber(s.label(key), ParamBinding(key), self.base.label_px, stacked=stacked)
        label.setZValue(3)
        label.set_value(s.value(key))
        return label

    # ----- arranging ----------------------------------------------------------------------------
    def position(self, m: layout.Metrics):
        """Put neurons and their decorations where metrics m says; return the centres and what the
        weight labels must keep clear of."""
        centres = layout.neuron_centres(self.sizes, m)
        obstacles = layout.circle_rects(centres, m.radius)
        for (_, l, j), item in self.neurons.items():
            item.setPos(*centres[l][j])
        for key, badge in self.biases.items():
            _, l, j = key
            x, y = centres[l][j]
            badge.setPos(x, y - m.radius - badge.size()[1] / 2 - (14 if key in self.shared else 3))
            if key in self.shared or not m.compact:
                obstacles.append(_rect(badge))
        last = centres[-1]
        for (x, y), target, term in zip(last, self.targets, self.terms):
            # To the right of its output: the output column is the last, so that side is free.
            target.setPos(x + m.radius + 12 + target.size()[0] / 2, y - target.size()[1] / 2 - 1)
            term.setPos(x + m.radius + 12 + term.size()[0] / 2, y + term.size()[1] / 2 + 2)
            obstacles += [_rect(target), _rect(term)]
        x, y = last[-1]
        self.total.setPos(x, y + m.radius + 20 + self.total.size()[1] / 2)
        obstacles.append(_rect(self.total))
        top = min(col[0][1] for col in centres) - m.radius - (44 if self.biases else 22)
        for head, col in zip(self.headers, centres):
            br = head.boundingRect()
            head.setPos(col[0][0] - br.width() / 2, top - br.height())
            obstacles.append((head.x(), head.y(), head.x() + br.width(), head.y() + br.height()))
        return centres, obstacles

    def expected_scale(self, m: layout.Metrics, room) -> float:
        if room is None:
            return 1.0
        w = (len(self.sizes) - 1) * m.col_gap + 2 * m.radius + layout.SIDE + 32
        h = (max(self.sizes) - 1) * m.row_gap + 2 * m.radius + layout.TOP + layout.BOTTOM + 24
        return min(MAX_SCALE, room[0] / w, room[1] / h)

    def plan(self, room) -> Plan:
        candidates = [layout.grown(self.base, c, r) for c, r in GROWTH]
        candidates.sort(key=lambda m: -self.expected_scale(m, room))
        best: Plan | None = None
        for m in candidates[:MAX_TRIES]:
            centres, obstacles = self.position(m)
            for stacked in (False, True):
                labels = self.labels[stacked]
                placed = layout.place_edge_labels(centres, m, lambda l, i, j: labels[(l, i, j)].size(), obstacles)
                missing = sum(1 for k, p in placed.placements.items()
                              if p.rect is None and not layout.dense_pair(self.sizes[k[0] - 1], self.sizes[k[0]]))
                if best is None or missing < best.missing:
                    best = Plan(m, stacked, centres, placed, missing)
                if missing == 0:
                    break
            assert best is not None         # the inner loop made at least one plan
            if best.missing == 0:
                break
        assert best is not None, "GROWTH offers no layout to try"
        self.position(best.metrics)
        best.metrics.stacked = best.stacked
        return best
