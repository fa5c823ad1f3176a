"""A derivation written out as the seeds write it: symbols, then formulas, then numbers, then the result,
every sum (over paths, neurons or samples) expanded below it, term by term. One writer for `explain` and
for the window's printed derivation; the caller says how a node's number reads (digits, or hidden
while an exercise asks for it)."""
from __future__ import annotations

from collections.abc import Callable
from typing import Any

from backprop_lab.core.teaching.chain_nodes import Factor, Product


def expand(node: Any, number: Callable[[Any], str], indent: str = "") -> list[str]:
    def factor(n: Any) -> str:          # a negative factor or term in brackets, as the seeds write it
        s = number(n)
        return f"({s})" if s[:1] in "-−" else s

    if isinstance(node, Factor):
        return [f"{indent}{node.symbol} = {node.formula} = {number(node)}"]
    pad = indent + " " * len(node.symbol) + " = "
    if isinstance(node, Product):
        lines = [f"{indent}{node.symbol} = {node.chain}", pad + node.formula] if node.chain != node.symbol \
            else [f"{indent}{node.symbol} = {node.formula}"]
        lines += [pad + " × ".join(factor(f) for f in node.factors), pad + number(node)]
        subs = [f for f in node.factors if not isinstance(f, Factor)]
    else:
        values = " + ".join(factor(t) for t in node.terms)
        if node.kind == "batch_mean":
            values = f"1/{len(node.terms)} × ({values})"
        lines = [f"{indent}{node.symbol} = {node.formula}", pad + values, pad + number(node)]
        subs = list(node.terms)
    for s in subs:
        lines.append("")
        lines += expand(s, number, indent + "    ")
    return lines
