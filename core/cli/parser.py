"""The one argument parser of the `backprop-lab` command: the window (`open`, the default, with
--screenshot and --lang) and the headless subcommands (presets, explain, train). gui/launcher.py only
dispatches on what it returns; `backprop-lab --help` lists everything."""
from __future__ import annotations

import argparse
import math
import sys
from collections.abc import Callable
from typing import NoReturn

from backprop_lab.core.model.settings import FIELDS

PROG = "backprop-lab"
HEADLESS = ("presets", "explain", "train", "export", "sweep")
WINDOWED = ("open", "worksheet")     # need Qt: the launcher runs them (gui/), core.cli only parses them
LANGUAGES = ("ko", "en")


class UsageError(Exception):
    """Bad input from the command line or a file: one line on stderr, exit 2."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:   # argparse prints usage and the error on two lines; we keep one
        raise UsageError(f"{PROG}: {message} (see {self.prog} --help)")


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
    if not math.isfinite(v):
        raise argparse.ArgumentTypeError(f"must be a finite number, got {text!r}")
    return v


def _digits(text: str) -> int:
    n = _positive_int(text)
    if n > 17:
        raise argparse.ArgumentTypeError("at most 17 digits (a float64 holds no more)")
    return n


def build_parser() -> argparse.ArgumentParser:
    p = _Parser(prog=PROG, description="Backprop Lab: see every number of backpropagation.",
                epilog=f"Without a subcommand, `{PROG} [--lang ko|en] [--screenshot PATH] [NET]` is `{PROG} open "
                "...`: it opens the window on NET (seed 004 unless given), or renders it to a picture.")
    sub = p.add_subparsers(dest="command", required=True,
                           metavar="{open,presets,explain,train,export,sweep,worksheet}")
    o = sub.add_parser("open", help="open the window (the default)",
                       description="Open the window on NET, or render it offscreen to a PNG with --screenshot.")
    o.add_argument("net", nargs="?", metavar="NET", help="a preset name or a .json file (default: seed004)")
    o.add_argument("--screenshot", metavar="PATH", help="render the window offscreen to this PNG and quit")
    o.add_argument("--lang", choices=LANGUAGES, help="the window's language (default: the saved choice)")
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
    t.add_argument("--data", metavar="FILE.csv",
                   help="train on this CSV data set instead of the project's (last column the target, "
                   "unless --targets names others)")
    t.add_argument("--targets", metavar="COLS", help="the target columns of --data, comma-separated names")
    t.add_argument("--csv", metavar="PATH", help="write the trace to this CSV file: the start and the state after "
                   "each step (N + 1 rows), with every value and gradient")
    t.add_argument("--own-names", action="store_true",
                   help="name the CSV's columns in the network's notation (x1, h1, o1, W11, U11, …) instead of "
                   "the key names (a0[1], W1[1,1], …)")
    x = sub.add_parser("export", help="write the network, data and optimizer as a NumPy or PyTorch script",
                       description="Write NET, its data set and its optimizer as a short standalone script that "
                       "trains as the app does and prints the same loss for every step.")
    x.add_argument("net", metavar="NET", help="a preset name (see `presets`) or a .json file")
    x.add_argument("--to", choices=("numpy", "pytorch"), required=True, help="the script's library")
    x.add_argument("-o", "--output", required=True, metavar="FILE", help="the script to write")
    x.add_argument("--steps", type=_positive_int, default=100, metavar="N",
                   help="steps the script takes unless given another number when run (default 100)")
    w = sub.add_parser("sweep", help="train K copies at learning rates on a log grid, print a table",
                       description="Train K copies of NET at once, each with its own learning rate on a log grid "
                       "from A to B, and print each copy's final loss (or the step it diverged at).")
    w.add_argument("net", metavar="NET", help="a preset name (see `presets`) or a .json file")
    w.add_argument("--lr", type=_lr_range, required=True, metavar="A:B",
                   help="the lowest and highest rate, e.g. 1e-3:10")
    w.add_argument("--copies", type=_positive_int, default=20, metavar="K", help="how many copies (default 20)")
    w.add_argument("--steps", type=_positive_int, required=True, metavar="N")
    w.add_argument("--show", type=_positive_int, default=40, metavar="R",
                   help="at most this many rows of the table (evenly spaced; default 40)")
    _worksheet(sub)
    return p


def _worksheet(sub: argparse._SubParsersAction) -> None:
    from backprop_lab.core.teaching.worksheet import DEFAULT_COUNT, MAX_COUNT
    w = sub.add_parser("worksheet", help="write a printable worksheet (PDF) with blanks and an answer key",
                       description="Write a worksheet for NET as a PDF: the diagram, the given numbers and "
                       "blanks for quantities chosen as the exercises choose them, then the answer key "
                       "(on its own pages, or in the file --answers names).")
    w.add_argument("net", metavar="NET", help="a preset name (see `presets`) or a .json file")
    w.add_argument("-o", "--output", required=True, metavar="FILE.pdf", help="the worksheet to write")
    w.add_argument("--answers", metavar="FILE.pdf", help="write the answer key to this file instead")
    w.add_argument("--lang", choices=LANGUAGES, help="the worksheet's language (default: the locale's)")
    w.add_argument("--count", type=_count(MAX_COUNT), default=DEFAULT_COUNT, metavar="N",
                   help=f"how many blanks, 1 to {MAX_COUNT} (default {DEFAULT_COUNT})")
    w.add_argument("--seed", type=_whole, default=0, metavar="S",
                   help="0 spreads the blanks evenly over the exercises (the default); another seed draws them")
    w.add_argument("--sample", type=_positive_int, default=1, metavar="K", help="which sample, from 1 (default 1)")


def _whole(text: str) -> int:
    try:
        n = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {text!r}") from None
    if n < 0:
        raise argparse.ArgumentTypeError(f"must be at least 0, got {n}")
    return n


def _count(most: int) -> Callable[[str], int]:
    def count(text: str) -> int:
        n = _positive_int(text)
        if n > most:
            raise argparse.ArgumentTypeError(f"at most {most}, got {n}")
        return n
    return count


def _lr_range(text: str) -> tuple[float, float]:
    low, sep, high = text.partition(":")
    if not sep:
        raise argparse.ArgumentTypeError(f"expected A:B (two learning rates), got {text!r}")
    a, b = _finite(low), _finite(high)
    if not 0 < a <= b:
        raise argparse.ArgumentTypeError(f"need 0 < A ≤ B, got {text!r}")
    return a, b


def parse(argv: list[str], default: str | None = "open") -> argparse.Namespace:
    """The arguments; UsageError for bad ones, SystemExit(0) after --help. Anything that does not start
    with a subcommand (or --help) is the `default` one's: `backprop-lab seed003` is `backprop-lab open
    seed003`; with no default, a subcommand is required."""
    argv = list(argv)
    if default and (not argv or argv[0] not in (*HEADLESS, *WINDOWED, "-h", "--help")):
        argv.insert(0, default)
    return build_parser().parse_args(argv)


def fail(message: str, code: int) -> int:
    """One line on stderr, prefixed with the command's name; returns the exit status."""
    line = " ".join(message.split())
    print(line if line.startswith(PROG) else f"{PROG}: {line}", file=sys.stderr)
    return code
