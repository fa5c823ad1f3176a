"""Saving and opening a long history is long work (issue 8): File → Save / Save As writes it (and File →
Open reads it) in pieces between events, with its progress in the status bar and Cancel (the button, or
Esc); the file appears whole when it is done, a cancelled save leaves the old file as it was (or none) and
no temporary file, and a cancelled Open leaves the network shown as it was."""
from __future__ import annotations

import os

import numpy as np
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog

from backprop_lab.core.io import document
from backprop_lab.gui.files import AT_ONCE_STEPS

STEPS = AT_ONCE_STEPS + 30_000


@pytest.fixture
def long_window(window):
    """seed 004 with a history longer than a save does at once, and an edit after it (unsaved)."""
    s = window.session
    with s.model.changing():
        s.model.train(STEPS)
    s.edit_param(("W", 1, 0, 0), "0.25")
    assert window.isWindowModified() and s.step_count == STEPS
    return window


def save_as(window, monkeypatch, path) -> None:
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(path), ""))
    window.files.save_as.trigger()


def folder_files(path) -> list[str]:
    return sorted(os.listdir(os.path.dirname(path)))


def test_save_as_of_a_long_history_shows_progress_and_writes_the_whole_file(qtbot, long_window, tmp_path,
                                                                             monkeypatch):
    window, path = long_window, tmp_path / "long.json"
    s, work = long_window.session, long_window.status.work
    save_as(window, monkeypatch, path)
    assert s.file_work.running and work.isVisible() and work.label.text() == "Saving long.json…"
    assert window.cancel_action.isEnabled() and window.cancel_action.text() == "&Cancel saving"
    assert not path.exists()                 # written when it is whole, not before
    # the window answers between the pieces: a click selects a weight
    view = window.values.weights.tables[1]
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton,
                     pos=view.visualRect(view.model().index(1, 1)).center())
    assert s.selection == ("W", 2, 1, 1) and s.file_work.running
    qtbot.waitUntil(lambda: not s.file_work.running, timeout=60_000)
    assert 0 < work.bar.value() or not work.isVisible()
    assert not work.isVisible() and not window.cancel_action.isEnabled()
    assert window.status.note.text() == f"Saved {path}" and not window.isWindowModified()
    assert window.files.path == str(path) and folder_files(path) == ["long.json"]
    loaded = document.load(path)
    assert loaded.history.step == STEPS
    np.testing.assert_array_equal(loaded.net.theta, s.net.theta)
    np.testing.assert_array_equal(loaded.history.history.losses(), s.trace.losses())


def test_esc_cancels_a_save_over_a_file_which_stays_as_it_was(qtbot, long_window, tmp_path, monkeypatch):
    window, path = long_window, tmp_path / "mine.json"
    s = window.session
    path.write_bytes(b"the old file")
    save_as(window, monkeypatch, path)
    # Esc before the next turn of the event loop (waiting for some progress first would race the
    # save's end on a fast machine): the save is under way, its first piece taken
    assert s.file_work.running and window.status.work.isVisible()
    qtbot.keyClick(window, Qt.Key.Key_Escape)
    assert not s.file_work.running and not window.status.work.isVisible()
    assert path.read_bytes() == b"the old file" and folder_files(path) == ["mine.json"]
    assert window.status.note.text() == f"Saving cancelled: {path} is as it was"
    assert window.isWindowModified() and not window.cancel_action.isEnabled()
    assert s.step_count == STEPS            # nothing else was touched


def test_the_cancel_button_leaves_no_file_where_there_was_none(qtbot, long_window, tmp_path, monkeypatch):
    window, path = long_window, tmp_path / "new.json"
    s, work = window.session, window.status.work
    save_as(window, monkeypatch, path)
    assert work.cancel_button.toolTip() == "Stop saving: the file stays as it was (Esc)"
    qtbot.mouseClick(work.cancel_button, Qt.MouseButton.LeftButton)
    assert not s.file_work.running and os.listdir(tmp_path) == []
    assert window.status.note.text() == f"Saving cancelled: {path} was not written"
    # File → Save (a new network: Save As, the same dialog), to the end this time
    window.files.save.trigger()
    qtbot.waitUntil(lambda: not s.file_work.running, timeout=60_000)
    assert document.load(path).history.step == STEPS and not window.isWindowModified()


def test_an_edit_while_saving_stays_unsaved(qtbot, long_window, tmp_path, monkeypatch):
    window, path = long_window, tmp_path / "edited.json"
    s = window.session
    before = s.net.theta.copy()
    save_as(window, monkeypatch, path)
    assert s.file_work.running
    s.edit_param(("W", 1, 0, 1), "0.75")            # while the pieces are being written
    qtbot.waitUntil(lambda: not s.file_work.running, timeout=60_000)
    saved = document.load(path)
    # the file holds the network as it was when Save was chosen; the edit stays, unsaved
    np.testing.assert_array_equal(saved.net.theta, before)
    assert not np.array_equal(s.net.theta, before) and window.isWindowModified()
    assert window.status.note.text() == f"Saved {path}"


@pytest.fixture
def long_file(tmp_path):
    """A file holding seed 004 with a history longer than Open reads at once."""
    from backprop_lab.core.io.presets import resolve
    from backprop_lab.core.numerics.project_model import ProjectModel
    m = ProjectModel(resolve("seed004"))
    m.train(STEPS)
    path = tmp_path / "long.json"
    document.save(m.project, path, m.saved_run())
    return path, m


def open_file(window, monkeypatch, path) -> None:
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(path), ""))
    window.files.open.trigger()


def test_open_of_a_long_history_reads_it_in_pieces_then_shows_it(qtbot, window, long_file, monkeypatch):
    path, m = long_file
    s, work = window.session, window.status.work
    open_file(window, monkeypatch, path)
    assert s.file_work.running and work.label.text() == "Opening long.json…"
    assert window.cancel_action.text() == "&Cancel opening"
    assert s.step_count == 0 and window.status.step.text() == "step 0"     # shown when it is whole
    qtbot.waitUntil(lambda: not s.file_work.running, timeout=60_000)
    assert s.step_count == STEPS and window.status.step.text() == f"step {STEPS:,}"
    assert window.files.path == str(path) and window.windowTitle().startswith("long.json")
    np.testing.assert_array_equal(s.net.theta, m.net.theta)
    np.testing.assert_array_equal(s.trace.losses(), m.trace.losses())
    assert window.loss_plot.points() == STEPS + 1 and not work.isVisible()


def test_esc_cancels_an_open_and_the_network_shown_stays(qtbot, window, long_file, monkeypatch):
    path, _m = long_file
    s = window.session
    theta = s.net.theta.copy()
    open_file(window, monkeypatch, path)
    assert s.file_work.running
    qtbot.keyClick(window, Qt.Key.Key_Escape)
    assert not s.file_work.running and not window.status.work.isVisible()
    assert window.status.note.text() == "Opening cancelled: the network shown is as it was"
    assert s.step_count == 0 and window.files.path is None
    np.testing.assert_array_equal(s.net.theta, theta)
