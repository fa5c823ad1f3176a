"""Issue 9, "the session keeps its history", driven through the File menu: Save writes the network
with its history; File → Open shows the same curve, the same look-back and branch, the same step
count, and training goes on as before; Save As proposes a name for a trained network by itself."""
from __future__ import annotations

import json
import os

import numpy as np
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox


def same(a, b) -> bool:
    a, b = np.asarray(a, dtype=float), np.asarray(b, dtype=float)
    return a.shape == b.shape and np.array_equal(a.view(np.int64), b.view(np.int64))


def step_n(qtbot, window, n):
    window.controls.n_spin.setValue(n)
    qtbot.mouseClick(window.controls.step_n_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.session.training_state in ("idle", "paused"), timeout=10_000)


def test_save_then_open_shows_the_same_curve_look_back_and_branch(qtbot, window, tmp_path, monkeypatch):
    s, plot = window.session, window.loss_plot
    step_n(qtbot, window, 40)
    s.view_step(25)
    qtbot.mouseClick(plot.branch_button, Qt.MouseButton.LeftButton)        # a branch from step 25
    s.set_setting("lr", "0.9")
    step_n(qtbot, window, 30)
    assert s.step_count == 55 and len(s.trace.segments) == 2
    curve = [c.copy() for c in plot.cache.total()]
    points = plot.points()
    past = s.trace.theta_at(10, s.net).copy()
    history = s.trace.copy()

    asked = []
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        lambda *a, **k: asked.append(a[2]) or (str(tmp_path / os.path.basename(a[2])), ""))
    window.files.save_as.trigger()
    assert os.path.basename(asked[0]) == "Seed 004 — trained 55 steps.json"
    saved = tmp_path / "Seed 004 — trained 55 steps.json"
    doc = json.loads(saved.read_text("utf-8"))
    assert doc["version"] == 3 and doc["history"]["steps"] == 55
    assert doc["name"] == "Seed 004: the 2-2-2 sigmoid network, worked by hand — trained 55 steps"

    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Discard)
    s.edit_param(("W", 1, 0, 0), "0.9")          # something unsaved, discarded by the Open below
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(saved), ""))
    window.files.open.trigger()
    assert window.files.path == str(saved) and s.step_count == 55
    assert s.trace.equals(history) and len(s.trace.segments) == 2
    x, y = plot.cache.total()
    assert same(x, curve[0]) and same(y, curve[1]) and plot.points() == points == 55 + 1   # and the present
    assert window.status.step.text() == "step 55" and not window.isWindowModified()
    s.view_step(10)                                                          # look-back after Open
    assert s.viewing_step == 10 and same(s.trace.theta_at(10, s.net), past)
    qtbot.mouseClick(plot.present_button, Qt.MouseButton.LeftButton)
    step_n(qtbot, window, 5)                                                 # and training goes on
    assert s.step_count == 60 and len(s.trace) == 60


def test_save_as_names_an_untrained_preset_by_its_short_title(qtbot, window, monkeypatch, tmp_path):
    asked = []
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: asked.append(a[2]) or ("", ""))
    window.files.save_as.trigger()
    assert os.path.basename(asked[0]) == "Seed 004.json"
    qtbot.mouseClick(window.controls.step_button, Qt.MouseButton.LeftButton)
    window.files.save_as.trigger()
    assert os.path.basename(asked[1]) == "Seed 004 — trained 1 step.json"


def test_a_saved_trained_name_is_renamed_not_stacked_when_trained_further():
    from backprop_lab.gui.file_names import document_name, proposed_file
    name = document_name("XOR: 2-2-1", 400)
    assert name == "XOR: 2-2-1 — trained 400 steps"
    assert document_name(name, 800) == "XOR: 2-2-1 — trained 800 steps"
    assert proposed_file(name, "/tmp/XOR — trained 400 steps.json", 1200, False) == "XOR — trained 1200 steps.json"
    assert proposed_file("a/b: c", None, 0, False) == "a-b.json"
    assert proposed_file("", None, 2, False) == "network — trained 2 steps.json"


def test_runs_kept_for_comparison_come_back_with_the_file(qtbot, window, tmp_path, monkeypatch):
    s, plot = window.session, window.loss_plot
    step_n(qtbot, window, 30)
    qtbot.mouseClick(plot.keep_button, Qt.MouseButton.LeftButton)          # keep this run, restart
    s.set_setting("lr", "2")
    step_n(qtbot, window, 20)
    kept = plot.kept_runs()
    assert len(kept) == 1 and kept[0][1][-1] == 30          # the run's curve, to the step it ended at
    out = tmp_path / "two runs.json"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), ""))
    window.files.save_as.trigger()
    plot.clear_kept()
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(out), ""))
    window.files.open.trigger()
    back = plot.kept_runs()
    assert [b[0] for b in back] == [k[0] for k in kept]
    assert all(same(b[1], k[1]) and same(b[2], k[2]) for b, k in zip(back, kept))
    assert len(plot.kept) == 1 and plot.kept[0].name() == kept[0][0] and s.step_count == 20


def test_a_file_given_on_the_command_line_opens_with_its_history_and_kept_runs(qtbot, make_window, tmp_path):
    from backprop_lab.core.io import document, presets
    from backprop_lab.core.numerics.project_model import ProjectModel
    from backprop_lab.gui.app import build_window
    from backprop_lab.gui.launcher import _path_of, load_project
    m = ProjectModel(presets.load_preset("xor"))
    m.train(300)
    run = m.saved_run()
    run.kept = [("<b>η 9</b>", np.arange(5.0), np.linspace(1, 0.5, 5))]
    path = tmp_path / "xor trained.json"
    document.save(m.project, path, run)
    project, err = load_project(str(path))
    assert err is None
    w = build_window(project, _path_of(str(path)))
    try:
        s = w.session
        assert s.step_count == 300 and s.trace.equals(m.trace)
        assert same(w.loss_plot.cache.loss.view(), m.trace.losses())
        (label, x, y), = w.loss_plot.kept_runs()
        assert label == "<b>η 9</b>" and same(x, np.arange(5.0))
        assert w.loss_plot.kept[0].name() == "&lt;b&gt;η 9&lt;/b&gt;"          # shown as text, not as HTML
    finally:
        w.close_without_asking()
