"""The headless command line: `backprop-lab presets | explain | train | export | sweep` (gui/launcher.py routes here
without importing Qt; `python -m backprop_lab.core.cli ...` works too). The arguments, the window's
included, are parsed once, in parser.py.

Every failure the user can cause (bad arguments, a bad or missing file, an unwritable CSV path) is one
line on stderr and exit status 2; a training run that diverges says where and exits 1.
"""
from __future__ import annotations

import argparse
import os
import sys

from backprop_lab.core.cli.explain import Numbers, cmd_explain
from backprop_lab.core.cli.export import cmd_export
from backprop_lab.core.cli.parser import HEADLESS, PROG, UsageError, build_parser, fail, parse
from backprop_lab.core.cli.presets import cmd_presets
from backprop_lab.core.cli.sweep import cmd_sweep
from backprop_lab.core.cli.train import cmd_train

__all__ = ["HEADLESS", "PROG", "Numbers", "UsageError", "build_parser", "fail", "main", "parse", "run"]


def run(args: argparse.Namespace) -> int:
    """Run a headless subcommand that parse() returned."""
    _tolerant_streams()
    try:
        commands = {"presets": cmd_presets, "explain": cmd_explain, "train": cmd_train, "export": cmd_export,
                    "sweep": cmd_sweep}
        return commands[args.command](args)
    except UsageError as e:
        return fail(str(e), 2)
    except BrokenPipeError:   # `backprop-lab explain seed004 | head`: stop quietly
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0


def main(argv: list[str] | None = None) -> int:
    """The headless commands only (`python -m backprop_lab.core.cli`); `open` belongs to the launcher."""
    argv = list(sys.argv[1:] if argv is None else argv)
    try:
        args = parse(argv, default=None)
    except SystemExit as e:   # --help
        return int(e.code or 0)
    except UsageError as e:
        return fail(str(e), 2)
    if args.command == "open":
        return fail(f"the window opens with `{PROG}` (gui.launcher), not with core.cli", 2)
    if args.command == "worksheet":
        return fail(f"the worksheet is drawn with Qt: run `{PROG} worksheet ...` (gui.launcher), not core.cli", 2)
    return run(args)


def _tolerant_streams() -> None:
    # A console that cannot show ∂, δ or × gets '?' instead of a UnicodeEncodeError.
    for stream in (sys.stdout, sys.stderr):
        try:
            "∂δ×½⊙".encode(stream.encoding or "ascii")
        except (UnicodeEncodeError, LookupError):
            if hasattr(stream, "reconfigure"):
                stream.reconfigure(errors="replace")
