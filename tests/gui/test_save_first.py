"""Save chosen in the "Save them first?" question (on Quit, Open, New) is long work too (issue 8): a history of more
than 50,000 steps is written in pieces with progress and Cancel while the window answers, and what was asked for
follows only once the file is whole. Cancelled or failed, it is not done: the window stays, the changes stay
unsaved, the file is as it was, and the status bar says so. A second Quit or Open meanwhile starts no second
save and keeps the first action."""
from __future__ import annotations

import os

import numpy as np
import test_save_long
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QFileDialog, QInputDialog, QMessageBox

from backprop_lab.core.io import document

STEPS = test_save_long.STEPS
long_window = test_save_long.long_window     # the fixture: seed 004, a history longer than saved at once, an edit
SAVE, DISCARD, CANCEL = (QMessageBox.StandardButton.Save, QMessageBox.StandardButton.Discard,
                         QMessageBox.StandardButton.Cancel)


def answer(monkeypatch, *answers) -> list[str]:
    """The question answers these in turn (the last one again after them); what it was asked is kept."""
    asked: list[str] = []

    def question(_parent, title, *_a, **_k):
        asked.append(title)
        return answers[min(len(asked), len(answers)) - 1]
    monkeypatch.setattr(QMessageBox, "question", question)
    return asked


def save_to(monkeypatch, path) -> None:
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(path), ""))


def ticking(busy) -> tuple[QTimer, list[bool]]:
    """A timer that fires at every turn of the event loop, started, and its ticks: each notes whether the
    work was still under way when it fired. Not a 5 ms timer: a fast machine wrote the rest of the file
    in one turn of the long work between two of its ticks (see one_piece_a_turn)."""
    timer = QTimer()
    timer.setInterval(0)
    seen: list[bool] = []
    timer.timeout.connect(lambda: seen.append(busy()))
    timer.start()
    return timer, seen


def one_piece_a_turn(monkeypatch) -> None:
    """The long work takes one piece a turn of the event loop, not as many as fit in 12 ms: how many turns
    a file takes is then the file's, not the machine's speed."""
    from backprop_lab.gui import file_work
    monkeypatch.setattr(file_work, "TURN_SECONDS", 0.0)


def test_quit_saves_a_long_history_in_pieces_then_closes(qtbot, long_window, tmp_path, monkeypatch):
    window, path = long_window, tmp_path / "long.json"
    one_piece_a_turn(monkeypatch)
    s, work = window.session, window.status.work
    asked = answer(monkeypatch, SAVE)
    save_to(monkeypatch, path)
    window.files.quit.trigger()
    assert asked == ["Unsaved changes"] and s.file_work.running and window.isVisible()
    assert work.isVisible() and work.label.text() == "Closing: saving long.json first…"
    assert window.cancel_action.text() == "&Cancel saving" and not path.exists()
    timer, ticks = ticking(lambda: s.file_work.running)
    # the window answers between the pieces: a click selects a weight
    view = window.values.weights.tables[1]
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton,
                     pos=view.visualRect(view.model().index(1, 1)).center())
    assert s.selection == ("W", 2, 1, 1) and s.file_work.running
    # a second Quit (the window's close button this time) asks nothing and starts no second save
    window.close()
    assert asked == ["Unsaved changes"] and window.isVisible() and s.file_work.running
    assert window.status.note.text() == "The window closes once long.json is saved (Esc cancels both)"
    qtbot.waitUntil(lambda: not window.isVisible(), timeout=60_000)
    timer.stop()
    assert True in ticks                                 # the timer fired while the file was being written
    assert asked == ["Unsaved changes"] and not s.file_work.running and not window.isWindowModified()
    assert os.listdir(tmp_path) == ["long.json"]         # whole, and no temporary file beside it
    saved = document.load(path)
    assert saved.history.step == STEPS
    np.testing.assert_array_equal(saved.net.theta, s.net.theta)
    np.testing.assert_array_equal(saved.history.history.losses(), s.trace.losses())


def test_esc_cancels_the_save_and_the_window_stays_with_its_changes(qtbot, long_window, tmp_path, monkeypatch):
    window, path = long_window, tmp_path / "mine.json"
    s = window.session
    path.write_bytes(b"the old file")
    window.files.path = str(path)                        # File → Save writes it, no dialog
    theta = s.net.theta.copy()
    asked = answer(monkeypatch, SAVE)
    window.files.quit.trigger()
    assert s.file_work.running and window.status.work.isVisible()
    qtbot.keyClick(window, Qt.Key.Key_Escape)
    assert not s.file_work.running and not window.status.work.isVisible()
    qtbot.wait(50)                                       # nothing closes it afterwards
    assert window.isVisible() and window.isWindowModified()
    assert path.read_bytes() == b"the old file" and os.listdir(tmp_path) == ["mine.json"]
    assert window.status.note.text() == ("The window stays open; the changes are not saved. "
                                         f"Saving cancelled: {path} is as it was")
    np.testing.assert_array_equal(s.net.theta, theta)
    assert s.step_count == STEPS
    # the Quit was dropped with the save: the next one asks again (Cancel: the window stays)
    assert asked == ["Unsaved changes"]
    asked_again = answer(monkeypatch, CANCEL)
    window.files.quit.trigger()
    assert asked_again == ["Unsaved changes"] and window.isVisible() and not s.file_work.running


def test_open_waits_for_the_save_and_an_edit_meanwhile_is_asked_about(qtbot, long_window, tmp_path, monkeypatch):
    window, path, other = long_window, tmp_path / "long.json", tmp_path / "other.json"
    s = window.session
    document.save(s.project, other)                      # a short file to open afterwards (no history)
    asked = answer(monkeypatch, SAVE, DISCARD)
    save_to(monkeypatch, path)
    chosen: list[int] = []
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: chosen.append(1) or (str(other), ""))
    window.files.open.trigger()
    assert s.file_work.running and chosen == []          # the file to open is asked for after the save
    assert window.status.work.label.text() == "Opening: saving long.json first…"
    # meanwhile a Quit is refused, and the Open still waits
    window.files.quit.trigger()
    assert window.isVisible() and s.file_work.running and asked == ["Unsaved changes"]
    assert window.status.note.text() == "A file is opened once long.json is saved (Esc cancels both)"
    s.edit_param(("W", 1, 0, 1), "0.75")                 # an edit while the file is written
    qtbot.waitUntil(lambda: not s.file_work.running, timeout=60_000)
    # the saved file holds the network before that edit; the edit was asked about (Discard) before the Open
    assert asked == ["Unsaved changes", "Unsaved changes"] and chosen == [1]
    assert document.load(path).history.step == STEPS
    assert window.files.path == str(other) and s.step_count == 0 and not window.isWindowModified()
    assert window.isVisible()


def test_a_failed_save_makes_no_new_network(qtbot, long_window, tmp_path, monkeypatch):
    window = long_window
    s = window.session
    said: list[str] = []
    monkeypatch.setattr(QMessageBox, "critical", lambda _p, title, text, *a, **k: said.append(title))
    answer(monkeypatch, SAVE)
    save_to(monkeypatch, tmp_path / "no such folder" / "long.json")
    presets_asked: list[int] = []
    monkeypatch.setattr(QInputDialog, "getItem", lambda *a, **k: presets_asked.append(1) or ("", False))
    sizes = list(s.net.sizes)
    window.files.new.trigger()
    assert s.file_work.running and window.status.work.label.text() == "New network: saving long.json first…"
    qtbot.waitUntil(lambda: not s.file_work.running, timeout=60_000)
    assert said == ["Could not save"] and presets_asked == []
    assert window.status.note.text() == "No new network was made; the changes are not saved."
    assert s.net.sizes == sizes and s.step_count == STEPS and window.isWindowModified()
    assert os.listdir(tmp_path) == []
