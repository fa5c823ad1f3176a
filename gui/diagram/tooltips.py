"""Hover texts: every number at full precision (as the seeds print them), computed when asked so
that they are never stale."""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from ..hidden import HIDDEN
from ..numbers import fmt

translate = QCoreApplication.translate


def _shown(s, what, value) -> str:
    return HIDDEN if s.hidden and what in s.hidden else fmt(value)


def param_tooltip(s, key) -> str:
    name, g = s.label(key), s.grad(key)
    lines = [f"{name} = {fmt(s.value(key))}"]
    if g is not None:
        lines.append(f"∂{s.notation.loss}/∂{name} = {_shown(s, ('grad',) + tuple(key), g)}")
    if s.is_frozen(key):
        lines.append(translate("NetworkDiagram", "frozen: training does not change it"))
    if tuple(key) in s.view.locked:
        lines.append(translate("NetworkDiagram", "locked by the teacher: it cannot be changed"))
    else:
        lines.append(translate("NetworkDiagram", "drag sideways to change, double-click to type"))
    return "\n".join(lines)


def neuron_tooltip(s, key) -> str:
    _, l, j = key
    nt, state, name = s.notation, s.state, s.label(key)
    if l == 0:
        return "\n".join([f"{name} = {fmt(s.value(key))}  " + translate("NetworkDiagram", "(input)"),
                          f"∂{nt.loss}/∂{name} = {_shown(s, ('dE/da', 0, j), s.grad(key))}"])
    z, delta = nt.neuron("z", l, j), nt.neuron("delta", l, j)
    act = s.net.layers[l - 1].activation
    return "\n".join([f"{z} = {_shown(s, ('z', l, j), state.zs[l][:, j].mean())}",
                      f"{name} = {act}({z}) = {_shown(s, ('a', l, j), s.value(key))}",
                      f"{delta} = ∂{nt.loss}/∂{z} = {_shown(s, ('delta', l, j), state.deltas[l][:, j].mean())}",
                      f"∂{nt.loss}/∂{name} = {_shown(s, ('dE/da', l, j), s.grad(key))}"])
