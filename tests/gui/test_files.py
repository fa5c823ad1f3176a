"""File menu: Save / Open round trip, Open Recent, unsaved changes ask first (patched dialogs), New
from a preset, and the window's geometry kept in QSettings."""
import numpy as np
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QFileDialog, QInputDialog, QMessageBox

from backprop_lab.core.io import document


def test_standard_shortcuts(window):
    f = window.files
    assert f.new.shortcut() == QKeySequence(QKeySequence.StandardKey.New)
    assert f.open.shortcut() == QKeySequence(QKeySequence.StandardKey.Open)
    assert f.save.shortcut() == QKeySequence(QKeySequence.StandardKey.Save)
    assert f.quit.shortcut() == QKeySequence(QKeySequence.StandardKey.Quit)


def test_save_then_open_round_trip_and_recent(qtbot, window, tmp_path, monkeypatch):
    s = window.session
    qtbot.mouseClick(window.controls.step_button, Qt.MouseButton.LeftButton)
    assert window.isWindowModified()
    out = tmp_path / "mine.json"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), ""))
    qtbot.keyClick(window, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert out.exists() and not window.isWindowModified()
    saved = document.load(out)
    np.testing.assert_array_equal(saved.net.theta, s.net.theta)
    assert "mine.json" in window.windowTitle()
    # change something, then open the saved file: the question is asked, Discard is chosen
    s.edit_param(("W", 1, 0, 0), "0.9")
    asked = []
    discard = QMessageBox.StandardButton.Discard
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: asked.append(a[1]) or discard)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(out), ""))
    window.files.open.trigger()
    assert asked == ["Unsaved changes"]
    np.testing.assert_array_equal(s.net.theta, saved.net.theta)
    # the undo history starts again; the training history comes back with the file (issue 9)
    assert s.undo_stack.count() == 0 and s.step_count == 1 and len(s.trace) == 1
    assert window.prefs.recent_files() == [str(out)]
    assert QSettings().value("last_file") == str(out)


def test_cancel_keeps_the_unsaved_work(qtbot, window, monkeypatch):
    s = window.session
    s.edit_param(("W", 1, 0, 0), "0.9")
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Cancel)
    opened = []
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: opened.append(1) or ("", ""))
    window.files.open.trigger()
    assert opened == [] and s.value(("W", 1, 0, 0)) == 0.9
    window.close()
    assert window.isVisible()                      # closing was refused too


def test_new_from_preset(qtbot, window, monkeypatch):
    monkeypatch.setattr(QInputDialog, "getItem",
                        lambda *a, **k: ("Seed 000: 3-3-3-3, ReLU → sigmoid → softmax with cross-entropy", True))
    window.files.new.trigger()
    s = window.session
    assert s.net.sizes == [3, 3, 3, 3] and s.net.loss == "cross_entropy"
    assert len(window.values.weights.tables) == 3
    assert window.values.weights.tables[0].model().rowCount() == 4          # 3 inputs + bias row


def test_geometry_is_kept_between_runs(qtbot, make_window):
    w = make_window()
    w.resize(790, 590)             # inside the offscreen screen (800 × 600): restoring clamps to it
    w.close()
    assert QSettings().value("window/geometry") is not None
    from backprop_lab.core.io.presets import resolve
    from backprop_lab.gui.app import build_window
    w2 = build_window(resolve("seed004"))          # as at the next start: restored before shown
    try:
        assert (w2.size().width(), w2.size().height()) == (790, 590)
    finally:
        w2.close_without_asking()


def test_open_recent_lists_the_last_opened_first(qtbot, window, tmp_path, monkeypatch):
    paths = []
    for name in ("a", "b", "c"):
        paths.append(str(tmp_path / f"{name}.json"))
        document.save(window.session.project, paths[-1])
    picked = []
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (picked[-1], ""))

    def open_file(path):
        picked.append(path)
        window.files.open.trigger()
        assert window.files.path == path

    for p in paths:
        open_file(p)
    a, b, c = paths
    assert window.prefs.recent_files() == [c, b, a]
    window.files.recent_menu.aboutToShow.emit()
    assert [x.text() for x in window.files.recent_menu.actions()] == [c, b, a]
    open_file(a)                                        # opened again: first, and listed once
    assert window.prefs.recent_files() == [a, c, b]
    window.files.recent_menu.aboutToShow.emit()
    shown = window.files.recent_menu.actions()
    assert [x.text() for x in shown] == [a, c, b]
    shown[2].trigger()                                  # Open Recent → b
    assert window.files.path == b and window.prefs.recent_files() == [b, a, c]
