"""The chain-rule lines of the selected-quantity panel, from core.derivation: the factors' symbols,
their formulas, their numbers, and every sum over paths written out (seed 004's
∂E/∂h1 = ∂E1/∂h1 + ∂E2/∂h1 = 0.02243370 + 0.00997311). Nothing is multiplied here."""
from __future__ import annotations

import html

from PySide6.QtCore import QCoreApplication

from backprop_lab.core.model import activations
from backprop_lab.core.teaching.derivation import Derivation, Product, Sum

from ..hidden import HIDDEN, node_key, top_key
from ..numbers import fmt

translate = QCoreApplication.translate

MAX_TERMS = 6      # a longer sum is shown by its symbols and total only


def _row(label: str, content: str) -> str:
    return (f"<tr><td style='color:#555; padding-right:8px' valign='top'>{html.escape(label)}</td>"
            f"<td>{content}</td></tr>")


def _e(text: str) -> str:
    return html.escape(text)


_LAST: list = [None, None, None]      # state, network, its Derivation


def derivation(session) -> Derivation:
    """core.derivation's tree for the shown state, built once per state: the selected panel and the
    derivation view both read it (the session makes a new State for every change)."""
    st, net = session.state, session.named_net
    if _LAST[0] is not st or _LAST[1] is not net:
        _LAST[:] = [st, net, Derivation(net, st.x, st.y, state=st)]
    return _LAST[2]


def _num(node, hidden=frozenset(), top=None) -> str:
    """A node's number, or "?" while an exercise asks for it (gui.hidden)."""
    return HIDDEN if hidden and node_key(node, top) in hidden else fmt(node.value)


def _product_rows(p: Product, label: str, hidden=frozenset(), top=None) -> list[str]:
    out = [_row(label, f"{_e(p.symbol)} = {_e(p.chain)}")]
    if p.formula != p.chain:
        out.append(_row("", f"= {_e(p.formula)}"))
    numbers = " × ".join(_num(f, hidden) for f in p.factors)
    out.append(_row("", f"= {numbers} = <b>{_num(p, hidden, top)}</b>"))
    for f in p.factors:
        if isinstance(f, Sum):
            out += _sum_rows(f, "", hidden)
    return out


def _sum_rows(s: Sum, label: str, hidden=frozenset(), top=None) -> list[str]:
    out = [_row(label, f"{_e(s.symbol)} = {_e(s.formula)}")]
    if len(s.terms) <= MAX_TERMS:
        values = " + ".join(_num(t, hidden, top) for t in s.terms).replace("+ \u2212", "\u2212 ")
        if s.scale != 1.0:
            values = f"{fmt(s.scale, 4)} × ({values})"
        out.append(_row("", f"= {values} = <b>{_num(s, hidden, top)}</b>"))
    else:
        out.append(_row("", f"= <b>{_num(s, hidden, top)}</b>"))
    if s.kind == "batch_mean":
        note = translate("ChainRule", "one term per sample; choose one sample to see its factors")
        out.append(_row("", f"<span style='color:#666'>{note}</span>"))
    return out


def node_rows(node, label: str, hidden=frozenset(), top=None) -> list[str]:
    if isinstance(node, Product):
        return _product_rows(node, label, hidden, top)
    if isinstance(node, Sum):
        return _sum_rows(node, label, hidden, top)
    return [_row(label, f"{_e(node.symbol)} = {_e(node.formula)} = <b>{_num(node, hidden, top)}</b>")]


def factor_rows(session, key) -> list[str]:
    d = derivation(session)
    rows = _neuron_rows(session, d, key) if key[0] == "n" else []
    return rows + node_rows(d.node_for_key(key), translate("ChainRule", "chain rule"), session.hidden,
                            top_key(key))


def _neuron_rows(session, d: Derivation, key) -> list[str]:
    st, nt, net = session.state, session.notation, session.net
    l, j = key[1], key[2]
    if l == 0:
        return []
    a_name, z_name = nt.neuron("a", l, j), nt.neuron("z", l, j)
    f = activations.ACTIVATIONS[net.layers[l - 1].activation]
    mean = st.x.shape[0] > 1
    hidden = session.hidden
    z = HIDDEN if ("z", l, j) in hidden else fmt(float(st.zs[l][:, j].mean()))
    a = HIDDEN if ("a", l, j) in hidden else fmt(float(st.acts[l][:, j].mean()))
    out = [_row(translate("ChainRule", "net input"), f"{_e(z_name)} = {_e(d.z_formula(l, j))} = <b>{z}</b>"),
           _row(translate("ChainRule", "output"), f"{_e(a_name)} = {_e(f.label)}({_e(z_name)}) = <b>{a}</b>")]
    if l == net.depth and not mean:
        e = HIDDEN if ("term", j) in hidden else fmt(st.terms[0, j])
        out.append(_row(translate("ChainRule", "loss term"), f"{_e(nt.loss_term(j))} = <b>{e}</b>"))
    return out
