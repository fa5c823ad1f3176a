"""The `backprop-lab` command. The arguments are parsed by core.cli's one parser; headless subcommands
run there without importing Qt; `open` (the default) opens the window, or renders it offscreen with
--screenshot."""
from __future__ import annotations

import os
import sys


def _fail(text: str) -> int:
    from backprop_lab.core.cli import fail
    return fail(text, 2)


def has_display() -> bool:
    if os.environ.get("QT_QPA_PLATFORM"):
        return True
    if sys.platform.startswith("linux") or sys.platform.startswith("freebsd"):
        return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))
    return True


def load_project(net: str | None):
    from backprop_lab.core.io import presets
    from backprop_lab.core.io.document import DocumentError
    try:
        return presets.resolve(net or "seed004"), None
    except (DocumentError, OSError, LookupError, ValueError) as e:
        return None, str(e).strip().splitlines()[0] if str(e).strip() else repr(e)


def main(argv: list[str] | None = None) -> int:
    """Parse once (core.cli.parser) and dispatch: a headless subcommand to core.cli, else the window."""
    from backprop_lab.core import cli
    argv = list(sys.argv[1:] if argv is None else argv)
    try:
        args = cli.parse(argv)
    except SystemExit as e:   # --help
        return int(e.code or 0)
    except cli.UsageError as e:
        return _fail(str(e))
    if args.command == "worksheet":     # Qt's PDF writer draws it: gui's, offscreen
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
        from .worksheet_cli import cmd_worksheet
        return cmd_worksheet(args)
    if args.command != "open":
        return cli.run(args)
    project, err = load_project(args.net)
    if err:
        return _fail(err)
    if args.screenshot:
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
        from .app import screenshot
        return screenshot(project, args.screenshot, args.lang, path=_path_of(args.net))
    if not has_display():
        return _fail("no display found: run it under a desktop session or `xvfb-run backprop-lab`, "
                     "or render a picture with `backprop-lab --screenshot out.png`")
    from .app import run
    return run(project, args.lang, path=_path_of(args.net))


def _path_of(net: str | None) -> str | None:
    """A file the project came from (so Save writes back to it); presets have none."""
    if net and os.path.isfile(net):
        return os.path.abspath(net)
    return None


if __name__ == "__main__":
    sys.exit(main())
