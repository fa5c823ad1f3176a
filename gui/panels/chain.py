"""The chain-rule lines of the selected-quantity panel, with numbers from the session's core state:
∂E/∂U11 = ∂E/∂o1 · ∂o1/∂t1 · ∂t1/∂U11 = 0.25 × 0.2 × 0.52 = 0.026. Factors come from core.engine's
State (dE/da, the activation's derivative from core.activations, the incoming activation); the result
printed is core's gradient itself, never a product taken here."""
from __future__ import annotations

import html

from PySide6.QtCore import QCoreApplication

from core import activations
from core.losses import LOSSES

from ..numbers import fmt


def _tr(text: str) -> str:
    return QCoreApplication.translate("ChainRule", text)


def _row(label: str, content: str) -> str:
    return (f"<tr><td style='color:#555; padding-right:8px' valign='top'>{html.escape(label)}</td>"
            f"<td>{content}</td></tr>")


def _local(session, l: int, j: int) -> tuple[float | None, float, float]:
    """(∂E/∂a, ∂a/∂z, δ) of neuron j of layer l in a single-sample state; ∂E/∂a is None where δ is
    not their product (softmax, or the cross-entropies' cancelled form at the output)."""
    st, net = session.state, session.net
    spec = net.layers[l - 1]
    delta = float(st.deltas[l][0, j])
    da_dz = float(activations.derivative(spec.activation, st.zs[l][0:1, j], st.acts[l][0:1, j])[0])
    direct = spec.activation == "softmax" or (l == net.depth and LOSSES[net.loss].name in ("bce", "cross_entropy"))
    return (None if direct else float(st.dE_da[l][0, j])), da_dz, delta


def factor_rows(session, key) -> list[str]:
    st = session.state
    if st.x.shape[0] != 1:
        return [_row(_tr("chain rule"), "<span style='color:#666'>" +
                     _tr("choose one sample to see the factors of each term") + "</span>")]
    if key[0] == "n":
        return _neuron_rows(session, key)
    nt, net = session.net.notation, session.net
    l, j = key[1], key[-1]
    name = session.label(key)
    a_name, z_name = nt.neuron("a", l, j), nt.neuron("z", l, j)
    if key[0] == "b" and net.layers[l - 1].bias == "shared":
        deltas = " + ".join(fmt(d) for d in st.deltas[l][0])
        return [_row(_tr("chain rule"), f"∂E/∂{name} = Σ<sub>j</sub> ∂E/∂{nt.symbol('z', l)}<sub>j</sub>"),
                _row("", f"= {deltas} = <b>{fmt(session.grad(key))}</b>")]
    dE_da, da_dz, delta = _local(session, l, j)
    if key[0] == "W":
        src = nt.neuron("a", l - 1, key[2])
        last = (f"∂{z_name}/∂{name}", fmt(st.acts[l - 1][0, key[2]]), src)
    else:
        last = (f"∂{z_name}/∂{name}", "1", "1")
    if dE_da is None:
        formula = f"∂E/∂{name} = ∂E/∂{z_name} · {last[0]}"
        numbers = f"= {fmt(delta)} × {last[1]}"
    else:
        formula = f"∂E/∂{name} = ∂E/∂{a_name} · ∂{a_name}/∂{z_name} · {last[0]}"
        numbers = f"= {fmt(dE_da)} × {fmt(da_dz)} × {last[1]}"
    out = [_row(_tr("chain rule"), formula), _row("", f"{numbers} = <b>{fmt(session.grad(key))}</b>")]
    if key[0] == "W":
        out.append(_row("", "<span style='color:#666'>" + _tr("where %1 = %2 (the input this weight "
                                                              "multiplies)").replace("%1", last[0])
                        .replace("%2", last[2]) + "</span>"))
    if l < net.depth and dE_da is not None:
        out.append(_row("", "<span style='color:#666'>" + _tr("∂E/∂%1 sums the paths through every "
                                                              "neuron of the next layer").replace("%1", a_name)
                        + "</span>"))
    return out


def _neuron_rows(session, key) -> list[str]:
    st, nt, net = session.state, session.net.notation, session.net
    l, j = key[1], key[2]
    a_name = nt.neuron("a", l, j)
    if l == 0:
        return [_row(_tr("gradient"), f"∂E/∂{a_name} = <b>{fmt(st.dE_da[0][0, j])}</b>")]
    z_name = nt.neuron("z", l, j)
    spec = net.layers[l - 1]
    f = activations.ACTIVATIONS[spec.activation]
    out = [_row(_tr("net input"), f"{z_name} = <b>{fmt(st.zs[l][0, j])}</b>"),
           _row(_tr("output"), f"{a_name} = {html.escape(f.label)}({z_name}) = <b>{fmt(st.acts[l][0, j])}</b>")]
    dE_da, da_dz, delta = _local(session, l, j)
    if dE_da is not None:
        out.append(_row(_tr("backward"), f"∂E/∂{z_name} = ∂E/∂{a_name} · ∂{a_name}/∂{z_name} = "
                        f"{fmt(dE_da)} × {fmt(da_dz)} = <b>{fmt(delta)}</b>"))
    else:
        out.append(_row(_tr("backward"), f"∂E/∂{z_name} = <b>{fmt(delta)}</b>"))
    if l == net.depth:
        out.append(_row(_tr("loss term"), f"{nt.loss_term(j)} = <b>{fmt(st.terms[0, j])}</b>"))
    return out
