"""File → Export as NumPy script…, after a few steps with momentum: the script, run as a learner runs it,
goes on with the losses the window then shows, to 1e-12 (it starts from the window's parameters,
velocity and step)."""
import re
import subprocess
import sys

import numpy as np
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog

from backprop_lab.core.io.presets import resolve


def test_export_the_current_state_as_numpy_and_train_on(qtbot, make_window, tmp_path, monkeypatch):
    window = make_window(resolve("seed003"))
    window.controls.n_spin.setValue(7)
    qtbot.mouseClick(window.controls.step_n_button, Qt.MouseButton.LeftButton)
    out = tmp_path / "seed003.py"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), ""))
    assert window.files.scripts.numpy in window.menuBar().actions()[0].menu().actions()
    window.files.scripts.numpy.trigger()
    assert str(out) in window.status.note.text()
    run = subprocess.run([sys.executable, str(out), "20"], capture_output=True, text=True, timeout=60)
    got = [(int(k), float(v)) for k, v in re.findall(r"^step (\d+): loss (\S+)$", run.stdout, re.M)]
    window.controls.n_spin.setValue(20)
    qtbot.mouseClick(window.controls.step_n_button, Qt.MouseButton.LeftButton)
    shown = window.session.trace.column("loss")[7:27]
    assert [k for k, _ in got] == list(range(8, 28))
    assert np.max(np.abs(np.array([v for _, v in got]) - shown)) <= 1e-12
