"""Hover texts: every number at full precision (as the seeds print them), computed when asked so
that they are never stale."""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from ..numbers import fmt


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
