"""One finiteness rule (core.numerics.engine.first_not_finite) for a document File → Open loads and for
a value typed into the window: XOR with a target of 1e200 is refused on opening, naming the field, as
the same target typed into the data table is refused. And the loss plot draws what it can of a loss
too large for its range (7.2e307) instead of raising."""
import json
import sys

from gui_drive import click_tab, type_into_cell
from PySide6.QtCore import Qt, QtMsgType, qInstallMessageHandler
from PySide6.QtWidgets import QFileDialog, QMessageBox

from backprop_lab.core.io import document, presets


def xor_doc() -> dict:
    return document.to_json(presets.resolve("xor"))


def huge_loss_doc() -> dict:
    """Two samples, each E = ½ (1.2e154 · 1 − 0)² = 7.2e307, summed (batch_loss "sum"): E = 1.44e308,
    finite, but the plot's range (0 to the next 1-2-5 ceiling) is not."""
    d = xor_doc()
    d["inputs"] = 1
    d["layers"] = [{"size": 1, "activation": "identity", "bias": "none", "W": [[1.2e154]]}]
    d["data"] = {"inputs": [[1.0], [1.0]], "targets": [[0.0], [0.0]]}
    d["settings"].update(lr=1e-9, mode="batch", batch_loss="sum")
    d.pop("notation", None)
    d["source"] = []
    return d


def _open(window, monkeypatch, path):
    said = []
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(path), ""))
    monkeypatch.setattr(QMessageBox, "critical", lambda _w, title, text, *a: said.append((title, text)))
    window.files.open.trigger()
    return said


def test_open_refuses_a_target_that_makes_the_loss_infinite(qtbot, window, monkeypatch, tmp_path):
    s = window.session
    before = s.net.theta.copy()
    d = xor_doc()
    d["data"]["targets"][1][0] = 1e200
    path = tmp_path / "big.json"
    path.write_text(json.dumps(d))
    said = _open(window, monkeypatch, path)
    assert len(said) == 1 and "big.json" in said[0][0]
    assert said[0][1].startswith("data.targets[2][1]: ") and "finite" in said[0][1]
    assert (s.net.theta == before).all() and s.project.name != d["name"]


def test_the_window_refuses_the_same_target_typed(qtbot, make_window):
    w = make_window(presets.resolve("xor"))
    s = w.session
    click_tab(qtbot, w.values, 3)
    editor = type_into_cell(qtbot, w.values.data_tab.view, 1, 2, "1e200")
    assert "infinite" in editor.toolTip() and s.data.Y[1, 0] == 1.0
    assert s.undo_stack.count() == 0


def test_a_loss_near_the_largest_float_is_drawn(qtbot, make_window, tmp_path):
    path = tmp_path / "huge.json"
    path.write_text(json.dumps(huge_loss_doc()))
    w = make_window(document.load(path))
    errors, warnings = [], []
    hook, sys.excepthook = sys.excepthook, lambda *e: errors.append(e)
    qInstallMessageHandler(lambda kind, _c, m: warnings.append(m) if kind != QtMsgType.QtDebugMsg else None)
    try:
        for _ in range(3):
            qtbot.mouseClick(w.controls.step_button, Qt.MouseButton.LeftButton)
        qtbot.mouseClick(w.controls.run_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: w.session.step_count > 10, timeout=5000)
        qtbot.mouseClick(w.controls.run_button, Qt.MouseButton.LeftButton)
        w.loss_plot.plot.grab()
    finally:
        sys.excepthook = hook
        qInstallMessageHandler(None)
    assert errors == [] and warnings == []
    assert w.session.training_state != "running" and w.loss_plot.points() >= w.session.step_count > 10
    y0, y1 = w.loss_plot.item.vb.viewRange()[1]
    assert 0 < y1 <= 1.1e307 and y0 < y1                # clipped at what the plot can show


def test_open_refuses_held_out_samples_that_overflow_and_keeps_the_project(qtbot, window, monkeypatch, tmp_path):
    s = window.session
    before = (s.net.theta.copy(), s.project.name, s.test)
    d = xor_doc()
    d["version"] = 4
    d["layers"][0]["W"] = [[10.0, 10.0], [10.0, 10.0]]
    d["test"] = {"inputs": [[0.0, 1.0], [1e308, 1e308]], "targets": [[1.0], [0.0]]}
    path = tmp_path / "split.json"
    path.write_text(json.dumps(d))
    said = _open(window, monkeypatch, path)
    assert len(said) == 1 and "split.json" in said[0][0]
    assert said[0][1].startswith("test.inputs[2]: z1[") and "finite" in said[0][1]
    assert (s.net.theta == before[0]).all() and s.project.name == before[1] and s.test is before[2]
    assert before[1] in window.windowTitle() and d["name"] not in window.windowTitle()
