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


def test_the_held_out_samples_follow_a_new_architecture_and_an_opened_sweep_copy(qtbot, make_window, tmp_path,
                                                                                  monkeypatch):
    from test_sweep_window import click_copy, type_into

    from backprop_lab.core.model.generators import generate, split
    from backprop_lab.core.model.network import LayerSpec
    w = make_window(presets.resolve("xor"))
    s = w.session
    parts = split(generate("circle", 40, 0.1, 3), 0.25, 5)
    assert s.replace_data(parts.train, parts.test, "circle") is None
    # two outputs now: the held-out targets get a second column as the data's do (new columns zero)
    assert s.set_architecture(2, [LayerSpec(3, "tanh", "neuron"), LayerSpec(2, "sigmoid", "neuron")],
                              "half_sse", seed=1) is None
    assert s.test.Y.shape == (10, 2) and s.data.Y.shape == (30, 2)
    np.testing.assert_array_equal(s.test.Y[:, 0], parts.test.Y[:, 0])
    assert not s.test.Y[:, 1].any()
    out = tmp_path / "two.json"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), ""))
    w.files.save.trigger()                                 # a split that fits the network is saved
    assert out.exists() and document.load(out).test.Y.tobytes() == s.test.Y.tobytes()
    s.undo_stack.undo()                                    # the old architecture, the old held-out samples
    assert s.test.Y.shape == (10, 1) and s.test.Y.tobytes() == parts.test.Y.tobytes()
    # a sweep's copy opened in the window keeps the held-out samples; undo too
    sw = w.open_sweep()
    qtbot.waitExposed(sw)
    type_into(qtbot, sw.copies, "3")
    type_into(qtbot, sw.steps, "30")
    qtbot.mouseClick(sw.run_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: sw.run_button.isEnabled(), timeout=20000)
    click_copy(qtbot, sw, 1)
    qtbot.waitUntil(lambda: not s.runner.running)
    assert s.step_count == 30 and s.test.X.tobytes() == parts.test.X.tobytes()
    qtbot.waitUntil(lambda: w.loss_plot.test_curve is not None and w.loss_plot.test_curve.getData()[0][-1] == 30)
    s.undo_stack.undo()
    assert s.step_count == 0 and s.test.Y.tobytes() == parts.test.Y.tobytes()
