"""The numbers a source text prints, computed for a project: source_value() answers a source key
(see core/io/presets.py for the keys) from core.engine.evaluate on the data set's first sample."""
from __future__ import annotations

import re

import numpy as np

from backprop_lab.core.model import activations as act
from backprop_lab.core.model.project import Project
from backprop_lab.core.numerics.engine import evaluate
from backprop_lab.core.numerics.training import samples_for_step
from backprop_lab.core.numerics.update import update

_NUMBER = re.compile(r"-?\d+(\.(\d+))?")
_NEURON = re.compile(r"(a|z|delta|dE/da)(\d+)\[(\d+)\]")
_LOCAL = re.compile(r"da(\d+)\[(\d+)\]/dz(\d+)\[(\d+)\]")
_PATH = re.compile(r"dE(\d+)/da(\d+)\[(\d+)\]")
_WEIGHT = re.compile(r"W(\d+)\[(\d+),(\d+)\]")
_BIAS = re.compile(r"b(\d+)(?:\[(\d+)\])?")
_INDEXED = re.compile(r"(a0|y|loss_term)\[(\d+)\]")


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
        self._updated = None

    def updated(self) -> np.ndarray:
        """theta after the first training step: the gradient over that step's samples, frozen entries
        kept; with momentum the first step is the same, as the velocity starts at 0."""
        if self._updated is None:
            p, net = self.project, self.net
            idx = samples_for_step(0, len(p.data), p.settings)
            grad = evaluate(net, p.data.X[idx], p.data.Y[idx]).grad
            self._updated = update(net.theta, grad, None, p.settings, net.frozen).theta
        return self._updated

    def param(self, name: str) -> int:
        net = self.net
        if m := _WEIGHT.fullmatch(name):
            l, i, j = (int(g) for g in m.groups())
            self._check(1 <= l <= net.depth and 1 <= i <= net.sizes[l - 1] and 1 <= j <= net.sizes[l], name)
            return net.param_index("W", l, i - 1, j - 1)
        if m := _BIAS.fullmatch(name):
            l, j = int(m.group(1)), m.group(2)
            self._check(1 <= l <= net.depth, name)
            spec = net.layers[l - 1]
            self._check((spec.bias == "shared" and j is None)
                        or (spec.bias == "neuron" and j is not None and 1 <= int(j) <= spec.size), name)
            return net.param_index("b", l, 0 if j is None else int(j) - 1)
        raise KeyError(name)

    @staticmethod
    def _check(ok: bool, key: str):
        if not ok:
            raise KeyError(key)

    def neuron(self, l: int, j: int, key: str) -> tuple[int, int]:
        self._check(0 <= l <= self.net.depth and 1 <= j <= self.net.sizes[l], key)
        return l, j - 1

    def value(self, key: str) -> float | None:
        st, net = self.state, self.net
        if key.startswith("text:"):
            return None
        if key in ("lr", "momentum"):
            return float(getattr(self.project.settings, key))
        if key == "loss":
            return float(st.losses[0])
        if m := _INDEXED.fullmatch(key):
            what, k = m.group(1), int(m.group(2))
            row = {"a0": st.x, "y": st.y, "loss_term": st.terms}[what][0]
            self._check(1 <= k <= row.size, key)
            return float(row[k - 1])
        if m := _NEURON.fullmatch(key):
            l, j = self.neuron(int(m.group(2)), int(m.group(3)), key)
            table = {"a": st.acts, "z": st.zs, "delta": st.deltas, "dE/da": st.dE_da}[m.group(1)]
            self._check(table[l] is not None, key)
            return float(table[l][0, j])
        if m := _LOCAL.fullmatch(key):
            l, j = self.neuron(int(m.group(1)), int(m.group(2)), key)
            self._check(l >= 1 and (l, j + 1) == (int(m.group(3)), int(m.group(4))), key)
            d = act.derivative(net.layers[l - 1].activation, st.zs[l][0], st.acts[l][0])
            return float(d[j])
        if m := _PATH.fullmatch(key):
            k = int(m.group(1))
            l, j = self.neuron(int(m.group(2)), int(m.group(3)), key)
            self._check(1 <= k <= net.sizes[-1], key)
            return float(self.term_gradient(k - 1, l)[j])
        if key.startswith("dE/d"):
            return float(st.grad[self.param(key[4:])])
        if key.startswith("updated:"):
            return float(self.updated()[self.param(key[8:])])
        return float(net.theta[self.param(key)])

    def term_gradient(self, k: int, l: int) -> np.ndarray:
        """dE_k/da{l}: back-propagate output k's loss term alone."""
        st, net, L = self.state, self.net, self.net.depth
        g = np.zeros(net.sizes[-1])
        g[k] = st.dE_do[0, k]
        if l == L:
            return g
        d = act.backward(net.layers[-1].activation, st.zs[L][0], st.acts[L][0], g)
        for m in range(L, l, -1):
            da = net.W[m - 1] @ d
            if m - 1 == l:
                return da
            d = act.backward(net.layers[m - 2].activation, st.zs[m - 1][0], st.acts[m - 1][0], da)
        raise AssertionError("unreachable")


def source_value(project: Project, quantity: str) -> float | None:
    """The value of a source key for this project (None for text: entries); KeyError for a key that
    names nothing in this network."""
    return _Lookup(project).value(quantity)


def source_values(project: Project) -> list[tuple[dict, float | None]]:
    """Each source entry of the project beside the value the engine gives it (one evaluation for all)."""
    lookup = _Lookup(project)
    return [(entry, lookup.value(entry["quantity"])) for entry in project.source]
