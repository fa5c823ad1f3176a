"""Step ×1000, then File → Export trace to CSV…: the file read back equals core's own trace. A failed
export says what went wrong and leaves no file behind."""
import os

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox

from backprop_lab.core.io.presets import resolve
from backprop_lab.core.io.trace_csv import read_csv
from backprop_lab.core.numerics.training import Trainer


def test_step_1000_then_export_equals_the_engine_trace(qtbot, window, tmp_path, monkeypatch):
    window.controls.n_spin.setValue(1000)
    qtbot.mouseClick(window.controls.step_n_button, Qt.MouseButton.LeftButton)
    assert window.session.step_count == 1000
    out = tmp_path / "trace.csv"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), "CSV (*.csv)"))
    window.files.export_csv.trigger()
    p = resolve("seed004")
    engine_trainer = Trainer(p.net, p.data, p.settings)
    engine_trainer.run(1000)
    back = read_csv(out)
    assert len(back) == 1000
    assert back.equals(engine_trainer.trace)
    assert "1000" in window.status.note.text()


@pytest.mark.parametrize("action", ["export_csv", "export_png", "export_svg", "save_as"])
def test_failed_write_shows_the_error_and_leaves_no_file(qtbot, window, tmp_path, monkeypatch, action):
    qtbot.mouseClick(window.controls.step_button, Qt.MouseButton.LeftButton)
    folder = tmp_path / "locked"
    folder.mkdir()
    target = folder / ("out.json" if action == "save_as" else "out.file")
    os.chmod(folder, 0o500)                         # read-only folder
    if os.access(folder, os.W_OK):                  # running as root: make the path itself impossible
        os.chmod(folder, 0o700)
        target = folder / "missing-dir" / target.name
    shown = []
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    monkeypatch.setattr(QMessageBox, "critical", lambda parent, title, text, *a: shown.append(text))
    try:
        getattr(window.files, action).trigger()
    finally:
        os.chmod(folder, 0o700)
    assert len(shown) == 1
    assert "No such file or directory" in shown[0] or "Permission denied" in shown[0]
    assert not target.exists()
    assert [f.name for f in folder.iterdir()] == []


@pytest.mark.parametrize("kind", ["png", "svg"])
def test_plot_export_writes_an_image(qtbot, window, tmp_path, monkeypatch, kind):
    window.controls.n_spin.setValue(20)
    qtbot.mouseClick(window.controls.step_n_button, Qt.MouseButton.LeftButton)
    out = tmp_path / f"plot.{kind}"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), ""))
    getattr(window.files, f"export_{kind}").trigger()
    data = out.read_bytes()
    assert data.startswith(b"\x89PNG") if kind == "png" else b"<svg" in data[:400]
