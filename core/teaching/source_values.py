"""The numbers a source text prints, computed for a project: source_value() answers a source key
(see core/io/presets.py for the keys) from core.engine.evaluate on the data set's first sample."""
from __future__ import annotations

import re

import numpy as np

from backprop_lab.core.model import activations as act
from backprop_lab.core.model.project import Project
from backprop_lab.core.model.quantity import NEURON, Key
from backprop_lab.core.numerics.engine import evaluate
from backprop_lab.core.numerics.training import samples_for_step
from backprop_lab.core.numerics.update import update

_NUMBER = re.compile(r"-?\d+(\.(\d+))?")


def printed_matches(printed: str, value: float) -> bool:
    """True when `value` rounded to the decimals printed reads exactly as printed ("0.08", "0.02243370")."""
    m = _NUMBER.fullmatch(printed)
    if m is None:
        return False
    decimals = len(m.group(2) or "")
    text = f"{value:.{decimals}f}"
    if float(text) == 0.0:
        text = text.lstrip("-")   # a tiny negative value prints as 0.000
    return text == printed


class _Lookup:
    """Evaluates a project once and answers source keys from that state."""

    def __init__(self, project: Project):
        self.project, self.net = project, project.net
        self.state = evaluate(self.net, project.data.X[0], project.data.Y[0])
        self._updated: np.ndarray | None = None

    def updated(self) -> np.ndarray:
        """theta after the first training step: the gradient over that step's samples, frozen entries
        kept; with momentum the first step is the same, as the velocity starts at 0."""
        if self._updated is None:
            p, net = self.project, self.net
            idx = samples_for_step(0, len(p.data), p.settings)
            grad = evaluate(net, p.data.X[idx], p.data.Y[idx]).grad
            self._updated = update(net.theta, grad, None, p.settings, net.frozen).theta
        return self._updated

    def param(self, key: Key, name: str) -> int:
        """Position in theta of a weight or bias key, KeyError (naming `name`) if the network has none."""
        net, l, i, j = self.net, key.layer or 0, key.i or 0, key.j or 0   # parsed keys have them
        self._check(1 <= l <= net.depth, name)
        if key.kind == "W":
            self._check(i < net.sizes[l - 1] and j < net.sizes[l], name)
            return net.param_index("W", l, i, j)
        spec = net.layers[l - 1]
        self._check((spec.bias == "shared" and key.j is None)
                    or (spec.bias == "neuron" and key.j is not None and key.j < spec.size), name)
        return net.param_index("b", l, j)

    @staticmethod
    def _check(ok: bool, key: str) -> None:
        if not ok:
            raise KeyError(key)

    def value(self, name: str) -> float | None:
        st, net, key = self.state, self.net, Key.parse(name)
        kind, l, i, j = key.kind, key.layer or 0, key.i or 0, key.j or 0   # as far as the kind has them
        if kind == "text":
            return None
        if kind in ("lr", "momentum"):
            return float(getattr(self.project.settings, kind))
        if kind == "loss":
            return float(st.losses[0])
        if kind in ("y", "loss_term"):
            row = st.y[0] if kind == "y" else st.terms[0]
            self._check(j < row.size, name)
            return float(row[j])
        if kind in NEURON or kind == "dE_k/da":
            self._check(l <= net.depth and j < net.sizes[l], name)
        if kind in ("a", "dE/da"):
            return float((st.acts if kind == "a" else st.dE_da)[l][0, j])
        if kind in ("z", "delta"):
            column = (st.zs if kind == "z" else st.deltas)[l]
            if column is None:              # the input layer has neither
                raise KeyError(name)
            return float(column[0, j])
        if kind == "da/dz":
            self._check(l >= 1, name)
            return float(act.derivative(net.layers[l - 1].activation, st.z(l)[0], st.acts[l][0])[j])
        if kind == "dE_k/da":
            self._check(i < net.sizes[-1], name)
            return float(self.term_gradient(i, l)[j])
        p = key.param
        if p is None or key.prefix not in ("", "dE/d", "updated:"):
            raise KeyError(name)
        at = self.param(p, name)
        values = self.updated() if key.prefix == "updated:" else st.grad if key.prefix else net.theta
        return float(values[at])

    def term_gradient(self, k: int, l: int) -> np.ndarray:
        """dE_k/da{l}: back-propagate output k's loss term alone."""
        st, net, L = self.state, self.net, self.net.depth
        g = np.zeros(net.sizes[-1])
        g[k] = st.dE_do[0, k]
        if l == L:
            return g
        d = act.backward(net.layers[-1].activation, st.z(L)[0], st.acts[L][0], g)
        for m in range(L, l, -1):
            da = net.W[m - 1] @ d
            if m - 1 == l:
                return da
            d = act.backward(net.layers[m - 2].activation, st.z(m - 1)[0], st.acts[m - 1][0], da)
        raise AssertionError("unreachable")


def source_value(project: Project, quantity: str) -> float | None:
    """The value of a source key for this project (None for text: entries); KeyError for a key that
    names nothing in this network."""
    return _Lookup(project).value(quantity)


def source_values(project: Project) -> list[tuple[dict, float | None]]:
    """Each source entry of the project beside the value the engine gives it (one evaluation for all)."""
    lookup = _Lookup(project)
    return [(entry, lookup.value(entry["quantity"])) for entry in project.source]
