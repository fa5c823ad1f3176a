"""The `backprop-lab` command. Command-line subcommands go to core.cli without importing Qt; anything
else opens the window (or renders it offscreen with --screenshot)."""
from __future__ import annotations

import os
import sys

CLI_COMMANDS = ("presets", "explain", "train")
USAGE = ("usage: backprop-lab [--lang ko|en] [NET]\n"
         "       backprop-lab --screenshot PATH [NET]\n"
         "       backprop-lab presets | explain | train ...   (backprop-lab --help for details)")


def _fail(text: str) -> int:
    print(f"backprop-lab: {text}", file=sys.stderr)
    return 2


def parse(argv: list[str]) -> tuple[dict | None, str | None]:
    """({'screenshot', 'lang', 'net'}, None) or (None, error)."""
    opts = {"screenshot": None, "lang": None, "net": None}
    it = iter(argv)
    for arg in it:
        if arg in ("--screenshot", "--lang"):
            value = next(it, None)
            if value is None:
                return None, f"{arg} needs a value"
            opts[arg[2:]] = value
        elif arg.startswith("--screenshot=") or arg.startswith("--lang="):
            name, value = arg[2:].split("=", 1)
            opts[name] = value
        elif arg.startswith("-"):
            return None, f"unknown option {arg}"
        elif opts["net"] is None:
            opts["net"] = arg
        else:
            return None, f"one network at a time (got {opts['net']!r} and {arg!r})"
    if opts["lang"] not in (None, "ko", "en"):
        return None, f"--lang: ko or en, not {opts['lang']!r}"
    return opts, None


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
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv and (argv[0] in CLI_COMMANDS or argv[0] in ("-h", "--help")):
        from backprop_lab.core import cli
        return cli.main(argv)
    opts, err = parse(argv)
    if err:
        print(USAGE, file=sys.stderr)
        return _fail(err)
    project, err = load_project(opts["net"])
    if err:
        return _fail(err)
    if opts["screenshot"]:
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
        from .app import screenshot
        return screenshot(project, opts["screenshot"], opts["lang"], path=_path_of(opts["net"]))
    if not has_display():
        return _fail("no display found: run it under a desktop session or `xvfb-run backprop-lab`, "
                     "or render a picture with `backprop-lab --screenshot out.png`")
    from .app import run
    return run(project, opts["lang"], path=_path_of(opts["net"]))


def _path_of(net: str | None) -> str | None:
    """A file the project came from (so Save writes back to it); presets have none."""
    if net and os.path.isfile(net):
        return os.path.abspath(net)
    return None


if __name__ == "__main__":
    sys.exit(main())
