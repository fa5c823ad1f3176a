"""The backprop-lab command: subcommands go to core.cli without Qt; no display, a bad network or a
bad option give one line and exit 2; --screenshot writes a PNG offscreen."""
import os
import subprocess
import sys
from pathlib import Path

import pytest

from backprop_lab.gui import launcher


def run(args, env_drop=(), timeout=120):
    env = {k: v for k, v in os.environ.items() if k not in env_drop}
    return subprocess.run([sys.executable, "-m", "backprop_lab.gui.launcher", *args], capture_output=True, text=True,
                          env=env, timeout=timeout)


def test_no_display_says_how_to_get_one():
    out = run([], env_drop=("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"))
    assert out.returncode == 2
    assert out.stderr.count("\n") == 1 and "xvfb-run" in out.stderr and "--screenshot" in out.stderr
    assert "Traceback" not in out.stderr


def test_bad_network_is_one_line_and_exit_2():
    out = run(["no-such-net"], env_drop=("DISPLAY", "WAYLAND_DISPLAY"))
    assert out.returncode == 2 and out.stderr.count("\n") == 1 and "no-such-net" in out.stderr


@pytest.mark.parametrize("args", [["--lang", "fr"], ["--bogus"], ["--screenshot"], ["a", "b"]])
def test_bad_options(args, capsys):
    assert launcher.main(args) == 2
    assert "backprop-lab:" in capsys.readouterr().err


def test_subcommands_do_not_import_qt():
    code = ("import sys; from backprop_lab.gui.launcher import main; rc = main(['presets']); "
            "assert rc == 0, rc; print('QT' if any(m.startswith('PySide6') for m in sys.modules) else 'NOQT')")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert out.stdout.strip().splitlines()[-1] == "NOQT"
    assert "seed004" in out.stdout


def test_screenshot_writes_a_png(tmp_path):
    png = tmp_path / "shot.png"
    out = run(["--screenshot", str(png), "seed002"], env_drop=("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"))
    assert out.returncode == 0, out.stderr
    data = png.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    from PySide6.QtGui import QImage
    image = QImage(str(png))
    assert (image.width(), image.height()) == (1280, 800)


def test_one_parser_for_the_window_and_the_subcommands(capsys):
    """The launcher only dispatches: its options are core.cli's, and --help lists them all."""
    from backprop_lab.core import cli
    assert launcher.main(["--help"]) == 0
    out = capsys.readouterr().out
    for word in ("open", "presets", "explain", "train", "--screenshot", "--lang", "NET"):
        assert word in out, word
    args = cli.parse(["seed003", "--lang", "ko", "--screenshot", "x.png"])
    assert (args.command, args.net, args.lang, args.screenshot) == ("open", "seed003", "ko", "x.png")
    assert cli.parse([]).command == "open" and cli.parse(["train", "seed004", "--steps", "2"]).steps == 2
    assert not hasattr(launcher, "parse") and "argparse" not in Path(launcher.__file__).read_text("utf-8")
