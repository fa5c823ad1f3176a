"""Issue 8, faults 3 and 5 in the window: File → Open and --screenshot refuse a FIFO named f.json
without hanging (tests/conftest.py's fifo_at lets a blocked reader go, so today's code fails, not
hangs), and the presets shipped in the installation are read-only: Save on one becomes Save As."""
from __future__ import annotations

import os

import numpy as np
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox

from backprop_lab.core.io import document, presets
from backprop_lab.gui import launcher


def _record_critical(monkeypatch) -> list[tuple[str, str]]:
    said: list[tuple[str, str]] = []
    monkeypatch.setattr(QMessageBox, "critical", lambda _parent, title, text, *a, **k: said.append((title, text)))
    return said


def test_file_open_on_a_fifo_says_what_it_is_and_keeps_the_network(qtbot, window, monkeypatch, fifo_at):
    f = fifo_at("f.json")
    theta = window.session.net.theta.copy()
    said = _record_critical(monkeypatch)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(f), ""))
    window.files.open.trigger()
    assert said == [("Could not open f.json", f"{f} is a named pipe (FIFO), not a file")]
    np.testing.assert_array_equal(window.session.net.theta, theta)
    assert window.files.path is None and "f.json" not in window.windowTitle()


def test_screenshot_of_a_fifo_exits_2_with_one_line(capsys, tmp_path, fifo_at):
    f = fifo_at("f.json")
    png = tmp_path / "out.png"
    assert launcher.main(["--screenshot", str(png), str(f)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "f.json is a named pipe (FIFO), not a file" in err
    assert not png.exists()


def _shipped_bytes() -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in presets.PRESET_DIR.glob("*.json")}


def test_save_on_a_shipped_preset_opened_as_a_file_becomes_save_as(qtbot, window, tmp_path, monkeypatch):
    shipped = _shipped_bytes()
    seed = presets.preset_path("seed004")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(seed), ""))
    window.files.open.trigger()
    qtbot.mouseClick(window.controls.step_button, Qt.MouseButton.LeftButton)
    asked = []
    mine = tmp_path / "mine.json"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: asked.append(a[2]) or (str(mine), ""))
    qtbot.keyClick(window, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert len(asked) == 1, "Save on a shipped preset asks where to save"
    assert os.path.dirname(asked[0]) != str(presets.PRESET_DIR), "and does not propose the installation"
    assert _shipped_bytes() == shipped
    np.testing.assert_array_equal(document.load(mine).net.theta, window.session.net.theta)
    assert window.files.path == str(mine) and not window.isWindowModified()


def test_save_as_onto_a_shipped_preset_is_refused(qtbot, window, monkeypatch):
    shipped = _shipped_bytes()
    said = _record_critical(monkeypatch)
    qtbot.mouseClick(window.controls.step_button, Qt.MouseButton.LeftButton)
    target = str(presets.preset_path("xor"))
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (target, ""))
    window.files.save_as.trigger()
    assert len(said) == 1 and "xor.json" in said[0][1] and "shipped with Backprop Lab" in said[0][1]
    assert _shipped_bytes() == shipped and window.isWindowModified()


def test_a_preset_file_given_on_the_command_line_is_not_saved_over(qtbot, make_window, tmp_path, monkeypatch):
    from backprop_lab.gui.app import build_window
    shipped = _shipped_bytes()
    seed = presets.preset_path("seed004")
    w = build_window(presets.resolve(str(seed)), launcher._path_of(str(seed)))
    try:
        w.show()
        qtbot.mouseClick(w.controls.step_button, Qt.MouseButton.LeftButton)
        mine = tmp_path / "mine.json"
        asked = []
        monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: asked.append(a) or (str(mine), ""))
        w.files.save.trigger()
        assert len(asked) == 1 and mine.exists() and _shipped_bytes() == shipped
    finally:
        w.close_without_asking()
