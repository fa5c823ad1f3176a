"""A train/test split made in the window survives Save and Open: the held-out samples come back bit for
bit and the loss plot draws the test curve again beside the training loss."""
import numpy as np
from gui_drive import choose, click_tab
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox

from backprop_lab.core.io import document, presets


def test_a_split_is_saved_and_opened_again(qtbot, make_window, tmp_path, monkeypatch):
    w = make_window(presets.resolve("xor"))
    s = w.session
    w.data_action.trigger()                                # Data → Generate or import…
    dialog = w.data_dialog
    qtbot.waitExposed(dialog)
    click_tab(qtbot, dialog.tabs, 0)
    choose(qtbot, dialog.kind, 0)
    for spin, value in ((dialog.n_points, "60"), (dialog.test_percent, "25"), (dialog.seed, "3")):
        spin.setFocus()
        spin.selectAll()
        qtbot.keyClicks(spin, value)
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert len(s.data) == 45 and len(s.test) == 15
    test_X, test_Y = s.test.X.copy(), s.test.Y.copy()
    w.controls.n_spin.setValue(40)
    qtbot.mouseClick(w.controls.step_n_button, Qt.MouseButton.LeftButton)
    out = tmp_path / "split.json"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), ""))
    w.files.save.trigger()                                 # File → Save
    assert out.exists() and not w.isWindowModified()
    assert document.load(out).test.X.tobytes() == test_X.tobytes()
    # another data set in the window, then Open the file: its split comes back
    s.replace_data(s.data.copy(), None, "no split")
    assert s.test is None
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Discard)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(out), ""))
    w.files.open.trigger()
    assert s.test is not None and s.undo_stack.count() == 0 and s.step_count == 40
    assert s.test.X.tobytes() == test_X.tobytes() and s.test.Y.tobytes() == test_Y.tobytes()
    plot = w.loss_plot
    qtbot.waitUntil(lambda: plot.test_curve is not None)
    names = [label.text for _sample, label in plot.legend.items]
    assert "E (training samples)" in names and "E (test samples)" in names
    x, y = plot.test_curve.getData()
    assert x[0] == 0 and x[-1] == 40 and np.isfinite(y).all()
    assert not np.allclose(plot.total.getData()[1], y)
