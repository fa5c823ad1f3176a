"""`backprop-lab explain`: the forward pass, the loss, every δ and every gradient with its chain rule."""
from __future__ import annotations

import argparse
import unicodedata
from typing import TYPE_CHECKING, Any

from backprop_lab.core.cli.parser import PROG, UsageError
from backprop_lab.core.cli.presets import load_net, title
from backprop_lab.core.model.i18n import fill, translate
from backprop_lab.core.model.numbers import format_number

if TYPE_CHECKING:
    from backprop_lab.core.model.network import Network
    from backprop_lab.core.model.project import Project
from backprop_lab.core.teaching.derivation import Derivation
from backprop_lab.core.teaching.written_out import expand


class Numbers:
    """Numbers as every view writes them (core.model.numbers), with the --digits the learner asked for."""

    def __init__(self, digits: int):
        self.d = digits

    def __call__(self, v: float) -> str:
        return format_number(v, self.d)

    def factor(self, v: float) -> str:
        s = self(v)
        return f"({s})" if s.startswith("-") else s


def width(text: str) -> int:
    """Columns a terminal gives the text: Korean (and other wide) letters take two."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def table(rows: list[list[str]], indent: str = "  ") -> str:
    widths = [max(width(r[c]) for r in rows if c < len(r)) for c in range(max(len(r) for r in rows))]
    lines = []
    for r in rows:
        cells = [cell + " " * (widths[c] - width(cell)) for c, cell in enumerate(r)]
        lines.append((indent + "  ".join(cells)).rstrip())
    return "\n".join(lines)


def _describe(net: Network) -> str:
    from backprop_lab.core.model.activations import ACTIVATIONS
    from backprop_lab.core.model.losses import LOSSES
    parts = [fill(translate("Explain", "%1 inputs"), net.n_inputs)]
    bias = {"none": translate("Explain", "no bias"), "neuron": translate("Explain", "a bias per neuron"),
            "shared": translate("Explain", "one shared bias")}
    parts += [f"{s.size} {translate('Activations', ACTIVATIONS[s.activation].label)} ({bias[s.bias]})"
              for s in net.layers]
    loss = LOSSES[net.loss]
    return " → ".join(parts) + fill(translate("Explain", "; loss %1: %2"), translate("Losses", loss.label),
                                    loss.formula)


def cmd_explain(args: argparse.Namespace) -> int:
    from backprop_lab.core.teaching.derivation import derive
    project = load_net(args.net)
    net, data = project.net, project.data
    if args.sample > len(data):
        raise UsageError(fill(translate("Explain", "--sample: %1 is out of range; %2 has %3 sample") if len(data) == 1
                              else translate("Explain", "--sample: %1 is out of range; %2 has %3 samples"),
                              args.sample, args.net, len(data)))
    d = derive(net, data.X[args.sample - 1], data.Y[args.sample - 1])
    fmt = Numbers(args.digits)
    if args.param is not None:
        return _explain_param(project, d, args, fmt)
    _explain_all(project, d, args, fmt)
    return 0


def _explain_param(project: Project, d: Derivation, args: argparse.Namespace, fmt: Numbers) -> int:
    from backprop_lab.core.numerics.trace import parameter_columns
    from backprop_lab.core.teaching.derivation import gradient_check
    net, nt = project.net, project.net.notation
    names, columns = net.param_names(), parameter_columns(net)
    if args.param in names:
        index = names.index(args.param)
    elif args.param in columns:   # the default notation's name works for every network
        index = columns.index(args.param)
    else:
        raise UsageError(fill(translate("Explain", "--param: %1 has no parameter %2 (its parameters: %3)"),
                              args.net, repr(args.param), ", ".join(names)))
    node = d.by_name(names[index])
    print(title(project) + "  " + fill(translate("Explain", "(sample %1 of %2)"), args.sample, len(project.data))
          + "\n")
    print("\n".join(expand(node, lambda n: fmt(n.value))))
    factors = list(dict.fromkeys(leaves(node)))
    refs = dict.fromkeys(f.ref for f in factors if f.ref is not None)
    if refs:   # δ of a deeper layer enters as one number; say where each comes from
        rows = [[dn.symbol, "=", f"∂{nt.loss}/∂{d.z(l, k)}", "=", *_parts(dn, fmt, "="), "=", fmt(dn.value)]
                for l, k, dn in ((r[1], r[2], d.delta(r[1], r[2])) for r in refs)]
        print("\n" + translate("Explain", "where") + "\n" + table(rows))
    print("\n" + translate("Explain", "Factors"))
    print(table([[translate("Explain", "symbol"), translate("Explain", "kind"), translate("Explain", "formula"),
                  translate("Explain", "value"), translate("Explain", "diagram items")]]
                + [[f.symbol, f.kind, f.formula, fmt(f.value), " ".join(map(_key, f.items))] for f in factors]))
    x, y = project.data.X[args.sample - 1], project.data.Y[args.sample - 1]
    gc = gradient_check(net, x, y, index)
    every = lambda v: format_number(v, None)    # every digit: the two are compared closely
    print("\n" + fill(translate("Explain", "Gradient check: analytic %1, central difference (h = %2) %3, "
                                 "relative error %4"), every(gc.analytic), every(gc.h), every(gc.numeric),
                       f"{gc.rel_error:.1e}"))
    return 0


def _explain_all(project: Project, d: Derivation, args: argparse.Namespace, fmt: Numbers) -> None:
    from backprop_lab.core.model.losses import LOSSES
    net, data, nt = project.net, project.data, project.net.notation
    x, y = data.X[args.sample - 1], data.Y[args.sample - 1]
    st = d.state
    print(title(project))
    print(_describe(net))
    print(fill(translate("Explain", "sample %1 of %2: "), args.sample, len(data))
          + ", ".join(f"{d.a(0, i)} = {fmt(v)}" for i, v in enumerate(x)) + "; "
          + ", ".join(f"{nt.target_name(k)} = {fmt(v)}" for k, v in enumerate(y)))
    rows = []
    for l, spec in enumerate(net.layers, start=1):
        z = st.zs[l]
        assert z is not None          # only the inputs (l = 0) have no z
        for j in range(spec.size):
            rows.append([d.z(l, j), "=", d.z_formula(l, j), "=", fmt(z[0, j])])
            f = (f"exp({d.z(l, j)}) / ({' + '.join(f'exp({d.z(l, m)})' for m in range(spec.size))})"
                 if spec.activation == "softmax" else f"{spec.activation}({d.z(l, j)})")
            rows.append([d.a(l, j), "=", f, "=", fmt(st.acts[l][0, j])])
    print("\n" + translate("Explain", "Forward pass") + "\n" + table(rows))
    L = net.depth
    term = LOSSES[net.loss].term_formula.split("=", 1)[1].strip()
    rows = [[nt.loss_term(k), "=", _fill(term, nt.target_name(k), d.a(L, k), net.sizes[-1]), "=",
             fmt(st.terms[0, k])] for k in range(net.sizes[-1])]
    rows.append([nt.loss, "=", " + ".join(nt.loss_term(k) for k in range(net.sizes[-1])), "=", fmt(st.loss)])
    print("\n" + translate("Explain", "Loss") + "\n" + table(rows))
    rows = []
    for l in range(L, 0, -1):
        for j, node in enumerate(d.deltas[l]):
            rows.append([node.symbol, "=", f"∂{nt.loss}/∂{d.z(l, j)}", "=", *_parts(node, fmt, "="), "=",
                         fmt(node.value)])
    print("\n" + fill(translate("Explain", "Deltas %1 = ∂%2/∂z, from the output back"), nt.delta, nt.loss)
          + "\n" + table(rows))
    rows = [[translate("Explain", "parameter"), fill(translate("Explain", "∂%1/∂parameter"), nt.loss),
             translate("Explain", "chain rule"), translate("Explain", "formula"), translate("Explain", "factors")]]
    for key, name in d.params():
        node = d.param(key[0], *key[1:])
        rows.append([name, fmt(node.value), *_parts(node, fmt)])
    print("\n" + translate("Explain", "Gradients (each the product of its chain-rule factors)") + "\n"
          + table(rows))
    rows = [[n.symbol, "=", n.formula, "=", fmt(n.value)] for n in d.dE_dx]
    print("\n" + translate("Explain", "Inputs") + "\n" + table(rows))
    print("\n" + fill(translate("Explain", "For one parameter's derivation in full: %1"),
                       f"{PROG} explain {args.net} --param {d.params()[0][1]}"))


def _parts(node: Any, fmt: Numbers, sep: str | None = None) -> list[str]:
    """(chain, formula, numbers) of a row: a product's factors, or a sum's terms (shared bias, softmax)."""
    from backprop_lab.core.teaching.derivation import Sum
    if isinstance(node, Sum) or (len(node.factors) == 1 and isinstance(node.factors[0], Sum)):
        total = node if isinstance(node, Sum) else node.factors[0]
        cells = [total.formula, " + ".join(f"({t.formula})" for t in total.terms),
                 " + ".join(fmt.factor(t.value) for t in total.terms)]
    else:
        cells = [node.chain, node.formula, " × ".join(fmt.factor(f.value) for f in node.factors)]
    if sep is None:
        return cells
    return [cells[0], sep, cells[1], sep, cells[2]]


def _fill(template: str, y: str, o: str, n: int) -> str:
    from backprop_lab.core.teaching.derivation import _sub
    return _sub(template, y_k=y, o_k=o, n=str(n))


def _key(key: Any) -> str:
    return key[0] + "(" + ",".join(str(v) for v in key[1:]) + ")"


def leaves(node: Any) -> list:
    """Every Factor under node, in order."""
    kids = getattr(node, "factors", None) or getattr(node, "terms", None)
    if kids is None:
        return [node]
    return [f for k in kids for f in leaves(k)]
