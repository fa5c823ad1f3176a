"""The headless command line: `backprop-lab presets | explain | train` (gui/launcher.py routes here
without importing Qt; `python -m core.cli ...` works too).

Every failure the user can cause (bad arguments, a bad or missing file, an unwritable CSV path) is one
line on stderr and exit status 2; a training run that diverges says where and exits 1.
"""
from __future__ import annotations

import argparse
import os
import sys
import time

import numpy as np

from backprop_lab.core.model.numbers import format_number
from backprop_lab.core.model.settings import FIELDS

PROG = "backprop-lab"
MAX_TRACE_BYTES = 2 * 2 ** 30   # the trace lives in memory; refuse a run that would need more
PROGRESS_AFTER, PROGRESS_EVERY = 1.0, 0.1   # seconds: show a bar only on longer runs, redraw 10 times/s


class UsageError(Exception):
    """Bad input from the command line or a file: one line on stderr, exit 2."""


class _Parser(argparse.ArgumentParser):
    def error(self, message):   # argparse prints usage and the error on two lines; we keep one
        raise UsageError(f"{self.prog}: {message} (see {self.prog} --help)")


def _positive_int(text: str) -> int:
    try:
        n = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {text!r}") from None
    if n < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1, got {n}")
    return n


def _finite(text: str) -> float:
    try:
        v = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {text!r}") from None
    if not np.isfinite(v):
        raise argparse.ArgumentTypeError(f"must be a finite number, got {text!r}")
    return v


def _digits(text: str) -> int:
    n = _positive_int(text)
    if n > 17:
        raise argparse.ArgumentTypeError("at most 17 digits (a float64 holds no more)")
    return n


def build_parser() -> argparse.ArgumentParser:
    p = _Parser(prog=PROG, description="Backprop Lab: see every number of backpropagation. Without a "
                "subcommand, `backprop-lab [--lang ko|en] [NET]` opens the window (on seed 004 unless NET "
                "is given) and `backprop-lab --screenshot PATH [NET]` renders it to a picture.")
    sub = p.add_subparsers(dest="command", required=True, metavar="{presets,explain,train}")
    sub.add_parser("presets", help="list the presets")
    e = sub.add_parser("explain", help="forward values, loss, every δ and every dE/dparam with its chain rule",
                       description="Print the forward pass, the loss, every δ and every parameter's gradient "
                       "with its chain-rule factors, for one sample of NET.")
    e.add_argument("net", metavar="NET", help="a preset name (see `presets`) or a .json file")
    e.add_argument("--param", metavar="NAME", help="only this parameter (e.g. U11), its derivation in full")
    e.add_argument("--sample", type=_positive_int, default=1, metavar="K", help="which sample, from 1 (default 1)")
    e.add_argument("--digits", type=_digits, default=8, metavar="D", help="decimals shown (default 8)")
    t = sub.add_parser("train", help="train headless and write the trace",
                       description="Train NET with SGD, print the final loss, optionally write the trace as CSV.")
    t.add_argument("net", metavar="NET", help="a preset name (see `presets`) or a .json file")
    t.add_argument("--steps", type=_positive_int, required=True, metavar="N")
    t.add_argument("--lr", type=_finite, metavar="X", help="learning rate (default: the project's)")
    t.add_argument("--momentum", type=_finite, metavar="M",
                   help=f"momentum in {FIELDS['momentum'].interval()} (default: the project's)")
    t.add_argument("--mode", choices=FIELDS["mode"].choices, help="update mode (default: the project's)")
    t.add_argument("--batch-size", type=_positive_int, metavar="B", help="mini-batch size")
    t.add_argument("--csv", metavar="PATH", help="write the trace (one row per step) to this CSV file")
    return p


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    _tolerant_streams()
    try:
        try:
            args = build_parser().parse_args(argv)
        except SystemExit as e:   # --help
            return int(e.code or 0)
        return {"presets": cmd_presets, "explain": cmd_explain, "train": cmd_train}[args.command](args)
    except UsageError as e:
        return _fail(str(e), 2)
    except BrokenPipeError:   # `backprop-lab explain seed004 | head`: stop quietly
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0


def _fail(message: str, code: int) -> int:
    line = " ".join(message.split())
    print(line if line.startswith(PROG) else f"{PROG}: {line}", file=sys.stderr)
    return code


def _tolerant_streams():
    # A console that cannot show ∂, δ or × gets '?' instead of a UnicodeEncodeError.
    for stream in (sys.stdout, sys.stderr):
        try:
            "∂δ×½⊙".encode(stream.encoding or "ascii")
        except (UnicodeEncodeError, LookupError):
            if hasattr(stream, "reconfigure"):
                stream.reconfigure(errors="replace")


def _load(name: str):
    from backprop_lab.core.io.document import DocumentError
    from backprop_lab.core.io.presets import resolve
    from backprop_lab.core.model.network import NetworkError
    try:
        return resolve(name)
    except (DocumentError, NetworkError, OSError, ValueError) as e:
        message = str(e) or repr(e)
        if os.path.exists(name) and name not in message:   # say which file the problem is in
            message = f"{name}: {message}"
        raise UsageError(message) from None


# ----- presets ---------------------------------------------------------------------------------------
def cmd_presets(args) -> int:
    from backprop_lab.core.io.document import DocumentError
    from backprop_lab.core.io.presets import list_presets
    try:
        rows = list_presets()
    except DocumentError as e:
        raise UsageError(f"a preset cannot be read: {e}") from None
    width = max(len(n) for n, _, _ in rows)
    for name, title, _ in rows:
        print(f"{name:<{width}}  {title}")
    print(f"\n{len(rows)} presets. Open one with `{PROG} NAME`, explain it with `{PROG} explain NAME`.")
    return 0


# ----- explain ---------------------------------------------------------------------------------------
class Numbers:
    """Numbers as every view writes them (core.model.numbers), with the --digits the learner asked for."""

    def __init__(self, digits: int):
        self.d = digits

    def __call__(self, v: float) -> str:
        return format_number(v, self.d)

    def factor(self, v: float) -> str:
        s = self(v)
        return f"({s})" if s.startswith("-") else s


def table(rows: list[list[str]], indent: str = "  ") -> str:
    widths = [max(len(r[c]) for r in rows if c < len(r)) for c in range(max(len(r) for r in rows))]
    lines = []
    for r in rows:
        cells = [cell.ljust(widths[c]) for c, cell in enumerate(r)]
        lines.append((indent + "  ".join(cells)).rstrip())
    return "\n".join(lines)


def _describe(net) -> str:
    from backprop_lab.core.model.activations import ACTIVATIONS
    from backprop_lab.core.model.losses import LOSSES
    parts = [f"{net.n_inputs} inputs"]
    bias = {"none": "no bias", "neuron": "a bias per neuron", "shared": "one shared bias"}
    parts += [f"{s.size} {ACTIVATIONS[s.activation].label} ({bias[s.bias]})" for s in net.layers]
    loss = LOSSES[net.loss]
    return " → ".join(parts) + f"; loss {loss.label}: {loss.formula}"


def cmd_explain(args) -> int:
    from backprop_lab.core.teaching.derivation import derive
    project = _load(args.net)
    net, data = project.net, project.data
    if args.sample > len(data):
        raise UsageError(f"--sample: {args.sample} is out of range; {args.net} has {len(data)} "
                         f"sample{'s' if len(data) != 1 else ''}")
    d = derive(net, data.X[args.sample - 1], data.Y[args.sample - 1])
    fmt = Numbers(args.digits)
    if args.param is not None:
        return _explain_param(project, d, args, fmt)
    _explain_all(project, d, args, fmt)
    return 0


def _explain_param(project, d, args, fmt: Numbers) -> int:
    from backprop_lab.core.numerics.trace import parameter_columns
    from backprop_lab.core.teaching.derivation import gradient_check
    net, nt = project.net, project.net.notation
    names, columns = net.param_names(), parameter_columns(net)
    if args.param in names:
        index = names.index(args.param)
    elif args.param in columns:   # the default notation's name works for every network
        index = columns.index(args.param)
    else:
        raise UsageError(f"--param: {args.net} has no parameter {args.param!r} "
                         f"(its parameters: {', '.join(names)})")
    node = d.by_name(names[index])
    print(f"{project.name}  (sample {args.sample} of {len(project.data)})\n")
    print("\n".join(expand(node, fmt)))
    factors = list(dict.fromkeys(leaves(node)))
    refs = dict.fromkeys(f.ref for f in factors if f.ref is not None)
    if refs:   # δ of a deeper layer enters as one number; say where each comes from
        rows = [[dn.symbol, "=", f"∂{nt.loss}/∂{d.z(l, k)}", "=", *_parts(dn, fmt, "="), "=", fmt(dn.value)]
                for l, k, dn in ((r[1], r[2], d.delta(r[1], r[2])) for r in refs)]
        print("\nwhere\n" + table(rows))
    print("\nFactors")
    print(table([["symbol", "kind", "formula", "value", "diagram items"]]
                + [[f.symbol, f.kind, f.formula, fmt(f.value), " ".join(map(_key, f.items))] for f in factors]))
    x, y = project.data.X[args.sample - 1], project.data.Y[args.sample - 1]
    gc = gradient_check(net, x, y, index)
    print(f"\nGradient check: analytic {gc.analytic!r}, central difference (h = {gc.h:g}) {gc.numeric!r}, "
          f"relative error {gc.rel_error:.1e}")
    return 0


def _explain_all(project, d, args, fmt: Numbers) -> None:
    from backprop_lab.core.model.losses import LOSSES
    net, data, nt = project.net, project.data, project.net.notation
    x, y = data.X[args.sample - 1], data.Y[args.sample - 1]
    st = d.state
    print(project.name)
    print(_describe(net))
    print(f"sample {args.sample} of {len(data)}: "
          + ", ".join(f"{d.a(0, i)} = {fmt(v)}" for i, v in enumerate(x)) + "; "
          + ", ".join(f"{nt.target_name(k)} = {fmt(v)}" for k, v in enumerate(y)))
    rows = []
    for l, spec in enumerate(net.layers, start=1):
        for j in range(spec.size):
            rows.append([d.z(l, j), "=", d.z_formula(l, j), "=", fmt(st.zs[l][0, j])])
            f = (f"exp({d.z(l, j)}) / ({' + '.join(f'exp({d.z(l, m)})' for m in range(spec.size))})"
                 if spec.activation == "softmax" else f"{spec.activation}({d.z(l, j)})")
            rows.append([d.a(l, j), "=", f, "=", fmt(st.acts[l][0, j])])
    print("\nForward pass\n" + table(rows))
    L = net.depth
    term = LOSSES[net.loss].term_formula.split("=", 1)[1].strip()
    rows = [[nt.loss_term(k), "=", _fill(term, nt.target_name(k), d.a(L, k), net.sizes[-1]), "=",
             fmt(st.terms[0, k])] for k in range(net.sizes[-1])]
    rows.append([nt.loss, "=", " + ".join(nt.loss_term(k) for k in range(net.sizes[-1])), "=", fmt(st.loss)])
    print("\nLoss\n" + table(rows))
    rows = []
    for l in range(L, 0, -1):
        for j, node in enumerate(d.deltas[l]):
            rows.append([node.symbol, "=", f"∂{nt.loss}/∂{d.z(l, j)}", "=", *_parts(node, fmt, "="), "=",
                         fmt(node.value)])
    print(f"\nDeltas {nt.delta} = ∂{nt.loss}/∂z, from the output back\n" + table(rows))
    rows = [["parameter", "∂E/∂parameter", "chain rule", "formula", "factors"]]
    for key, name in d.params():
        node = d.param(key[0], *key[1:])
        rows.append([name, fmt(node.value), *_parts(node, fmt)])
    print("\nGradients (each the product of its chain-rule factors)\n" + table(rows))
    rows = [[n.symbol, "=", n.formula, "=", fmt(n.value)] for n in d.dE_dx]
    print("\nInputs\n" + table(rows))
    print(f"\nFor one parameter's derivation in full: {PROG} explain {args.net} --param {d.params()[0][1]}")


def _parts(node, fmt: Numbers, sep: str | None = None) -> list[str]:
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


def _key(key) -> str:
    return key[0] + "(" + ",".join(str(v) for v in key[1:]) + ")"


def leaves(node) -> list:
    """Every Factor under node, in order."""
    kids = getattr(node, "factors", None) or getattr(node, "terms", None)
    if kids is None:
        return [node]
    return [f for k in kids for f in leaves(k)]


def expand(node, fmt: Numbers, indent: str = "") -> list[str]:
    """A derivation written out as the seeds do: symbols, then formulas, then numbers, then the result;
    every sum (over paths, neurons or samples) expanded below it, term by term."""
    from backprop_lab.core.teaching.derivation import Factor, Product
    if isinstance(node, Factor):
        return [f"{indent}{node.symbol} = {node.formula} = {fmt(node.value)}"]
    pad = indent + " " * len(node.symbol) + " = "
    if isinstance(node, Product):
        lines = [f"{indent}{node.symbol} = {node.chain}", pad + node.formula] if node.chain != node.symbol \
            else [f"{indent}{node.symbol} = {node.formula}"]
        lines += [pad + " × ".join(fmt.factor(f.value) for f in node.factors), pad + fmt(node.value)]
        subs = [f for f in node.factors if not isinstance(f, Factor)]
    else:
        values = " + ".join(fmt.factor(t.value) for t in node.terms)
        if node.kind == "batch_mean":
            values = f"1/{len(node.terms)} × ({values})"
        lines = [f"{indent}{node.symbol} = {node.formula}", pad + values, pad + fmt(node.value)]
        subs = list(node.terms)
    for s in subs:
        lines.append("")
        lines += expand(s, fmt, indent + "    ")
    return lines


# ----- train -----------------------------------------------------------------------------------------
def cmd_train(args) -> int:
    from backprop_lab.core.io.trace_csv import write_csv
    from backprop_lab.core.numerics.engine import evaluate
    from backprop_lab.core.numerics.trace import Trace, column_names
    from backprop_lab.core.numerics.training import DivergenceError, Trainer
    project = _load(args.net)
    net, data, s = project.net, project.data, project.settings
    for name in ("lr", "momentum", "mode", "batch_size"):
        if getattr(args, name) is not None:
            setattr(s, name, getattr(args, name))
    try:
        s.validate(len(data))
    except ValueError as e:
        raise UsageError(f"--{str(e).replace('_', '-')}") from None
    need = args.steps * len(column_names(net)) * 8
    if need > MAX_TRACE_BYTES:
        raise UsageError(f"--steps: {args.steps} steps would need a {need / 2 ** 30:.1f} GB trace in memory "
                         f"(at most {MAX_TRACE_BYTES // 2 ** 30} GB); train fewer steps")
    if args.csv is not None:
        _check_writable(args.csv)
    before = evaluate(net, data.X, data.Y).loss
    trainer = Trainer(net, data, s, Trace(column_names(net)))
    bar = Progress(args.steps, trainer)
    t0 = time.perf_counter()
    try:
        trainer.run(args.steps, should_stop=bar.update)
    except DivergenceError as e:
        bar.close()
        return _fail(f"{e} (try a smaller --lr)", 1)
    except KeyboardInterrupt:
        bar.close()
        return _fail(f"interrupted after {trainer.step} steps; nothing written", 130)
    seconds = time.perf_counter() - t0
    bar.close()
    after = evaluate(net, data.X, data.Y).loss
    rate = f"{args.steps / seconds:,.0f} steps/s" if seconds > 0 else "instant"
    print(f"{project.name}\ntrained {args.steps} steps ({s.mode}, lr {format_number(s.lr, 8, True)}, "
          f"momentum {format_number(s.momentum, 8, True)}) "
          f"in {seconds:.3f} s ({rate})")
    print(f"loss over the {len(data)} sample{'s' if len(data) != 1 else ''}: {before!r} before, "
          f"{after!r} after")
    print(f"final loss: {Numbers(8)(after)}")
    if args.csv is not None:
        try:
            write_csv(trainer.trace, args.csv)
        except OSError as e:
            raise UsageError(f"--csv: cannot write {args.csv}: {e.strerror or e}") from None
        print(f"trace: {len(trainer.trace)} rows written to {args.csv}")
    return 0


def _check_writable(path: str) -> None:
    """Before a long run, not after it: the folder must exist and take a new file."""
    folder = os.path.dirname(os.path.abspath(path))
    if os.path.isdir(path):
        raise UsageError(f"--csv: {path} is a folder, not a file name")
    if not os.path.isdir(folder):
        raise UsageError(f"--csv: the folder {folder} does not exist")
    if not os.access(folder, os.W_OK):
        raise UsageError(f"--csv: the folder {folder} is not writable")


class Progress:
    """A one-line bar on stderr, redrawn with \\r, for runs longer than a second on a terminal."""

    def __init__(self, total: int, trainer):
        self.total, self.trainer, self.start = total, trainer, trainer.step
        self.t0 = self.last = time.perf_counter()
        self.shown = False
        self.enabled = sys.stderr.isatty()

    def update(self) -> bool:
        now = time.perf_counter()
        if self.enabled and now - self.t0 >= PROGRESS_AFTER and now - self.last >= PROGRESS_EVERY:
            self.last = now
            done = self.trainer.step - self.start
            frac = done / self.total
            bar = "#" * int(30 * frac)
            sys.stderr.write(f"\r[{bar:<30}] {done}/{self.total} steps  {done / (now - self.t0):,.0f}/s ")
            sys.stderr.flush()
            self.shown = True
        return False

    def close(self):
        if self.shown:
            sys.stderr.write("\r" + " " * 79 + "\r")
            sys.stderr.flush()
