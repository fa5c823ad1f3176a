"""Step ×1000, then File → Export trace to CSV…: the file read back equals core's own trace (1001 rows). A failed
export says what went wrong and leaves no file behind."""
import os

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox
from trace_drive import export_trace

from backprop_lab.core.io.presets import resolve
from backprop_lab.core.numerics.trace import Trace, column_names
from backprop_lab.core.numerics.training import Trainer
from backprop_lab.gui.panels.plot_export import SizeDialog
from tests.core.learner_csv import same_bits, trace_rows


@pytest.mark.qt_log_ignore("propagateSizeHints")       # the offscreen platform, on a file dialog
def test_step_1000_then_export_equals_the_engine_trace(qtbot, window, tmp_path, monkeypatch):
    window.controls.n_spin.setValue(1000)
    qtbot.mouseClick(window.controls.step_n_button, Qt.MouseButton.LeftButton)
    assert window.session.step_count == 1000
    out = tmp_path / "trace.csv"
    monkeypatch.chdir(tmp_path)
    traces = export_trace(qtbot, window, out)
    qtbot.waitUntil(lambda: not traces.running, timeout=30_000)
    p = resolve("seed004")
    engine_trainer = Trainer(p.net, p.data, p.settings, Trace(column_names(p.net)))
    engine_trainer.run(1001)                  # row 1000 is the state after the last of the 1000 steps
    rows, back = trace_rows(out, column_names(p.net))
    assert len(back) == 1001
    assert same_bits(rows, engine_trainer.trace.array())
    assert same_bits(rows[-1, 3:], [back.row(-1)[back.names.index(n)] for n in column_names(p.net)[3:]])
    assert "1001" in window.status.note.text()


@pytest.mark.qt_log_ignore("propagateSizeHints")       # the offscreen platform, on a file dialog
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
    monkeypatch.setattr(SizeDialog, "exec", lambda self: QDialog.DialogCode.Accepted)   # the default size
    try:
        if action == "export_csv":          # its own dialog (with the naming option), typed into
            monkeypatch.chdir(folder)
            assert not export_trace(qtbot, window, target).running
        else:
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
    monkeypatch.setattr(SizeDialog, "exec", lambda self: QDialog.DialogCode.Accepted)
    getattr(window.files, f"export_{kind}").trigger()
    data = out.read_bytes()
    assert data.startswith(b"\x89PNG") if kind == "png" else b"<svg" in data[:400]
