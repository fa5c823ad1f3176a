"""The one argument parser of the `backprop-lab` command: the window (`open`, the default, with
--screenshot and --lang) and the subcommands (presets, explain, train, export, sweep, worksheet).
gui/launcher.py only dispatches on what it returns; `backprop-lab --help` lists everything.

Every subcommand takes --lang ko|en; without it the command line speaks the locale's language
(LC_ALL, LC_MESSAGES, LANG: core.model.i18n.system_language). The words, help included, come from the
one catalogue (core.model.i18n.translate, context "CommandLine")."""
from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from typing import NoReturn

from backprop_lab.core.cli import argparse_words
from backprop_lab.core.model import i18n
from backprop_lab.core.model.generators import MAX_TEST_PERCENT
from backprop_lab.core.model.i18n import fill, translate
from backprop_lab.core.model.numbers import parse_number, reason
from backprop_lab.core.model.settings import FIELDS

PROG = "backprop-lab"
HEADLESS = ("presets", "explain", "train", "export", "sweep")
WINDOWED = ("open", "worksheet")     # need Qt: the launcher runs them (gui/), core.cli only parses them
LANGUAGES = ("ko", "en")


class UsageError(Exception):
    """Bad input from the command line or a file: one line on stderr, exit 2."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:   # argparse prints usage and the error on two lines; we keep one
        raise UsageError(fill(translate("CommandLine", "%1: %2 (see %3 --help)"), PROG, message, self.prog))


def _positive_int(text: str) -> int:
    try:
        n = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(fill(translate("CommandLine", "not a whole number: %1"), repr(text))) \
            from None
    if n < 1:
        raise argparse.ArgumentTypeError(fill(translate("CommandLine", "must be at least 1, got %1"), n))
    return n


def _finite(text: str) -> float:
    """A number as the window reads one (core.model.numbers), refused with the window's words."""
    v, problem = parse_number(text)
    if problem is not None or v is None:
        raise argparse.ArgumentTypeError(fill(translate("CommandLine", "must be a finite number: %1"),
                                              reason(problem) if problem else text))
    return v


def _test_percent(text: str) -> int:
    """--test-percent: a whole percentage, within the window's "Hold out for testing" field's range."""
    try:
        n = int(text)
    except ValueError:
        n = -1
    if not 0 <= n <= MAX_TEST_PERCENT:
        raise argparse.ArgumentTypeError(fill(translate("CommandLine", "must be a whole number from 0 to %1, got %2"),
                                              MAX_TEST_PERCENT, repr(text)))
    return n


def _digits(text: str) -> int:
    n = _positive_int(text)
    if n > 17:
        raise argparse.ArgumentTypeError(translate("CommandLine", "at most 17 digits (a float64 holds no more)"))
    return n


def _net(p: argparse.ArgumentParser) -> None:
    p.add_argument("net", metavar="NET", help=translate("CommandLine", "a preset name (see `presets`) or a .json file"))


def _lang(p: argparse.ArgumentParser, what: str | None = None) -> None:
    p.add_argument("--lang", choices=LANGUAGES, help=what or translate(
        "CommandLine", "the language of what it prints (default: the locale's, from LC_ALL or LANG)"))


def _sample(p: argparse.ArgumentParser) -> None:
    p.add_argument("--sample", type=_positive_int, default=1, metavar="K",
                   help=translate("CommandLine", "which sample, from 1 (default 1)"))


def build_parser() -> argparse.ArgumentParser:
    p = _Parser(prog=PROG, description=translate("CommandLine", "Backprop Lab: see every number of backpropagation."),
                epilog=fill(translate("CommandLine", "Without a subcommand, `%1 [--lang ko|en] [--screenshot PATH] "
                                      "[NET]` is `%1 open ...`: it opens the window on NET (seed 004 unless given), "
                                      "or renders it to a picture."), PROG))
    sub = p.add_subparsers(dest="command", required=True,
                           metavar="{open,presets,explain,train,export,sweep,worksheet}")
    o = sub.add_parser("open", help=translate("CommandLine", "open the window (the default)"),
                       description=translate("CommandLine", "Open the window on NET, or render it offscreen to a "
                                             "PNG with --screenshot."))
    o.add_argument("net", nargs="?", metavar="NET",
                   help=translate("CommandLine", "a preset name or a .json file (default: seed004)"))
    o.add_argument("--screenshot", metavar="PATH",
                   help=translate("CommandLine", "render the window offscreen to this PNG and quit"))
    _lang(o, translate("CommandLine", "the window's language (default: the saved choice)"))
    _lang(sub.add_parser("presets", help=translate("CommandLine", "list the presets")))
    _explain(sub)
    _train(sub)
    _export(sub)
    _sweep(sub)
    _worksheet(sub)
    return p


def _explain(sub: argparse._SubParsersAction) -> None:
    e = sub.add_parser("explain", help=translate("CommandLine", "forward values, loss, every δ and every "
                                                 "dE/dparam with its chain rule"),
                       description=translate("CommandLine", "Print the forward pass, the loss, every δ and every "
                                             "parameter's gradient with its chain-rule factors, for one sample "
                                             "of NET."))
    _net(e)
    e.add_argument("--param", metavar="NAME",
                   help=translate("CommandLine", "only this parameter (e.g. U11), its derivation in full"))
    _sample(e)
    e.add_argument("--digits", type=_digits, default=8, metavar="D",
                   help=translate("CommandLine", "decimals shown (default 8)"))
    _lang(e)


def _train(sub: argparse._SubParsersAction) -> None:
    t = sub.add_parser("train", help=translate("CommandLine", "train headless and write the trace"),
                       description=translate("CommandLine", "Train NET with SGD, print the final loss, optionally "
                                             "write the trace as CSV."))
    _net(t)
    t.add_argument("--steps", type=_positive_int, required=True, metavar="N")
    t.add_argument("--lr", type=_finite, metavar="X",
                   help=translate("CommandLine", "learning rate (default: the project's)"))
    t.add_argument("--momentum", type=_finite, metavar="M",
                   help=fill(translate("CommandLine", "momentum in %1 (default: the project's)"),
                             FIELDS["momentum"].interval()))
    t.add_argument("--mode", choices=FIELDS["mode"].choices,
                   help=translate("CommandLine", "update mode (default: the project's)"))
    t.add_argument("--batch-size", type=_positive_int, metavar="B", help=translate("CommandLine", "mini-batch size"))
    t.add_argument("--data", metavar="FILE.csv",
                   help=translate("CommandLine", "train on this CSV data set instead of the project's (last "
                                  "column the target, unless --targets names others)"))
    t.add_argument("--targets", metavar="COLS",
                   help=translate("CommandLine", "the target columns of --data, comma-separated names"))
    t.add_argument("--test-percent", type=_test_percent, metavar="P",
                   help=fill(translate("CommandLine", "hold out P %% of the samples (0 to %1, seeded by the project's "
                                       "seed) as test samples, never trained on: their loss is printed beside the "
                                       "training loss (default: the project's own split, if it has one)"),
                             MAX_TEST_PERCENT))
    t.add_argument("--csv", metavar="PATH",
                   help=translate("CommandLine", "write the trace to this CSV file: the start and the state after "
                                  "each step (N + 1 rows), with every value and gradient"))
    t.add_argument("--parquet", metavar="PATH",
                   help=translate("CommandLine", "write the same table to this Parquet file"))
    t.add_argument("--own-names", action="store_true",
                   help=translate("CommandLine", "name the table's columns in the network's notation (x1, h1, o1, "
                                  "W11, U11, …) instead of the key names (a0[1], W1[1,1], …)"))
    _lang(t)


def _export(sub: argparse._SubParsersAction) -> None:
    x = sub.add_parser("export", help=translate("CommandLine", "write the network, data and optimizer as a NumPy "
                                                "or PyTorch script"),
                       description=translate("CommandLine", "Write NET, its data set and its optimizer as a short "
                                             "standalone script that trains as the app does and prints the same "
                                             "loss for every step."))
    _net(x)
    x.add_argument("--to", choices=("numpy", "pytorch"), required=True,
                   help=translate("CommandLine", "the script's library"))
    x.add_argument("-o", "--output", required=True, metavar="FILE",
                   help=translate("CommandLine", "the script to write"))
    x.add_argument("--steps", type=_positive_int, default=100, metavar="N",
                   help=translate("CommandLine", "steps the script takes unless given another number when run "
                                  "(default 100)"))
    _lang(x)


def _sweep(sub: argparse._SubParsersAction) -> None:
    w = sub.add_parser("sweep", help=translate("CommandLine", "train K copies at learning rates on a log grid, "
                                               "print a table"),
                       description=translate("CommandLine", "Train K copies of NET at once, each with its own "
                                             "learning rate on a log grid from A to B, and print each copy's final "
                                             "loss (or the step it diverged at)."))
    _net(w)
    w.add_argument("--lr", type=_lr_range, required=True, metavar="A:B",
                   help=translate("CommandLine", "the lowest and highest rate, e.g. 1e-3:10"))
    w.add_argument("--copies", type=_positive_int, default=20, metavar="K",
                   help=translate("CommandLine", "how many copies (default 20)"))
    w.add_argument("--steps", type=_positive_int, required=True, metavar="N")
    w.add_argument("--show", type=_positive_int, default=40, metavar="R",
                   help=translate("CommandLine", "at most this many rows of the table (evenly spaced; default 40)"))
    _lang(w)


def _worksheet(sub: argparse._SubParsersAction) -> None:
    from backprop_lab.core.teaching.worksheet import DEFAULT_COUNT, MAX_COUNT
    w = sub.add_parser("worksheet", help=translate("CommandLine", "write a printable worksheet (PDF) with blanks "
                                                   "and an answer key"),
                       description=translate("CommandLine", "Write a worksheet for NET as a PDF: the diagram, the "
                                             "given numbers and blanks for quantities chosen as the exercises "
                                             "choose them, then the answer key (on its own pages, or in the file "
                                             "--answers names)."))
    _net(w)
    w.add_argument("-o", "--output", required=True, metavar="FILE.pdf",
                   help=translate("CommandLine", "the worksheet to write"))
    w.add_argument("--answers", metavar="FILE.pdf",
                   help=translate("CommandLine", "write the answer key to this file instead"))
    _lang(w, translate("CommandLine", "the worksheet's language (default: the locale's)"))
    w.add_argument("--count", type=_count(MAX_COUNT), default=DEFAULT_COUNT, metavar="N",
                   help=fill(translate("CommandLine", "how many blanks, 1 to %1 (default %2)"), MAX_COUNT,
                             DEFAULT_COUNT))
    w.add_argument("--seed", type=_whole, default=0, metavar="S",
                   help=translate("CommandLine", "0 spreads the blanks evenly over the exercises (the default); "
                                  "another seed draws them"))
    _sample(w)


def _whole(text: str) -> int:
    try:
        n = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(fill(translate("CommandLine", "not a whole number: %1"), repr(text))) \
            from None
    if n < 0:
        raise argparse.ArgumentTypeError(fill(translate("CommandLine", "must be at least 0, got %1"), n))
    return n


def _count(most: int) -> Callable[[str], int]:
    def count(text: str) -> int:
        n = _positive_int(text)
        if n > most:
            raise argparse.ArgumentTypeError(fill(translate("CommandLine", "at most %1, got %2"), most, n))
        return n
    return count


def _lr_range(text: str) -> tuple[float, float]:
    low, sep, high = text.partition(":")
    if not sep:
        raise argparse.ArgumentTypeError(fill(translate("CommandLine", "expected A:B (two learning rates), got %1"),
                                              repr(text)))
    a, b = _finite(low), _finite(high)
    if not 0 < a <= b:
        raise argparse.ArgumentTypeError(fill(translate("CommandLine", "need 0 < A ≤ B, got %1"), repr(text)))
    return a, b


def language_of(argv: list[str]) -> str:
    """--lang's value wherever it stands, else the locale's language (LC_ALL, LC_MESSAGES, LANG)."""
    for n, arg in enumerate(argv):
        value = argv[n + 1] if arg == "--lang" and n + 1 < len(argv) else arg.partition("=")[2] \
            if arg.startswith("--lang=") else None
        if value in LANGUAGES:
            return value
    return i18n.system_language()


def parse(argv: list[str], default: str | None = "open") -> argparse.Namespace:
    """The arguments; UsageError for bad ones, SystemExit(0) after --help. Anything that does not start
    with a subcommand (or --help) is the `default` one's: `backprop-lab seed003` is `backprop-lab open
    seed003`; with no default, a subcommand is required. The words (help, messages, what the
    subcommand prints) are chosen here: --lang, else the locale."""
    argv = list(argv)
    i18n.set_language(language_of(argv))
    argparse_words.install()
    if default and (not argv or argv[0] not in (*HEADLESS, *WINDOWED, "-h", "--help")):
        argv.insert(0, default)
    return build_parser().parse_args(argv)


def fail(message: str, code: int) -> int:
    """One line on stderr, prefixed with the command's name; returns the exit status."""
    line = " ".join(message.split())
    print(line if line.startswith(PROG) else f"{PROG}: {line}", file=sys.stderr)
    return code
