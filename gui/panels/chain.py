"""The chain-rule lines of the selected-quantity panel, from core.derivation: the factors' symbols,
their formulas, their numbers, and every sum over paths written out (seed 004's
∂E/∂h1 = ∂E1/∂h1 + ∂E2/∂h1 = 0.02243370 + 0.00997311). Nothing is multiplied here."""
from __future__ import annotations

import html

from PySide6.QtCore import QCoreApplication

from core import activations
from core.derivation import Derivation, Product, Sum

from ..numbers import fmt

translate = QCoreApplication.translate

MAX_TERMS = 6      # a longer sum is shown by its symbols and total only


def _row(label: str, content: str) -> str:
    return (f"<tr><td style='color:#555; padding-right:8px' valign='top'>{html.escape(label)}</td>"
            f"<td>{content}</td></tr>")


def _e(text: str) -> str:
    return html.escape(text)


def derivation(session) -> Derivation:
    st = session.state
    return Derivation(session.shown_net, st.x, st.y, state=st)


def _product_rows(p: Product, label: str) -> list[str]:
    out = [_row(label, f"{_e(p.symbol)} = {_e(p.chain)}")]
    if p.formula != p.chain:
        out.append(_row("", f"= {_e(p.formula)}"))
    numbers = " × ".join(fmt(f.value) for f in p.factors)
    out.append(_row("", f"= {numbers} = <b>{fmt(p.value)}</b>"))
    for f in p.factors:
        if isinstance(f, Sum):
            out += _sum_rows(f, "")
    return out


def _sum_rows(s: Sum, label: str) -> list[str]:
    out = [_row(label, f"{_e(s.symbol)} = {_e(s.formula)}")]
    if len(s.terms) <= MAX_TERMS:
        values = " + ".join(fmt(t.value) for t in s.terms).replace("+ \u2212", "\u2212 ")
        if s.scale != 1.0:
            values = f"{fmt(s.scale, 4)} × ({values})"
        out.append(_row("", f"= {values} = <b>{fmt(s.value)}</b>"))
    else:
        out.append(_row("", f"= <b>{fmt(s.value)}</b>"))
    if s.kind == "batch_mean":
        note = translate("ChainRule", "one term per sample; choose one sample to see its factors")
        out.append(_row("", f"<span style='color:#666'>{note}</span>"))
    return out


def node_rows(node, label: str) -> list[str]:
    if isinstance(node, Product):
        return _product_rows(node, label)
    if isinstance(node, Sum):
        return _sum_rows(node, label)
    return [_row(label, f"{_e(node.symbol)} = {_e(node.formula)} = <b>{fmt(node.value)}</b>")]


def factor_rows(session, key) -> list[str]:
    d = derivation(session)
    rows = _neuron_rows(session, d, key) if key[0] == "n" else []
    return rows + node_rows(d.node_for_key(key), translate("ChainRule", "chain rule"))


def _neuron_rows(session, d: Derivation, key) -> list[str]:
    st, nt, net = session.state, session.net.notation, session.net
    l, j = key[1], key[2]
    if l == 0:
        return []
    a_name, z_name = nt.neuron("a", l, j), nt.neuron("z", l, j)
    f = activations.ACTIVATIONS[net.layers[l - 1].activation]
    mean = st.x.shape[0] > 1
    z = float(st.zs[l][:, j].mean())
    a = float(st.acts[l][:, j].mean())
    out = [_row(translate("ChainRule", "net input"), f"{_e(z_name)} = {_e(d.z_formula(l, j))} = <b>{fmt(z)}</b>"),
           _row(translate("ChainRule", "output"), f"{_e(a_name)} = {_e(f.label)}({_e(z_name)}) = <b>{fmt(a)}</b>")]
    if l == net.depth and not mean:
        out.append(_row(translate("ChainRule", "loss term"), f"{_e(nt.loss_term(j))} = <b>{fmt(st.terms[0, j])}</b>"))
    return out
