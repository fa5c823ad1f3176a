"""What Cancel does differs by the long work going on (issue 8), and the status bar's Cancel button (its
tooltip) and the Train menu's Cancel item (Esc) say so: Step ×N keeps the steps taken as one undo step; a
far look-back changes nothing; opening a sweep's copy opens nothing; a save leaves the old file."""
from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog
from test_long_lookback import click_step
from test_long_lookback import project as wide_project
from test_sweep_window import click_copy, swept

from backprop_lab.gui.app import install_translations
from backprop_lab.gui.files import AT_ONCE_STEPS


def cancel_words(window) -> tuple[str, str]:
    work = window.status.work
    assert work.isVisible() and work.cancel_button.isVisible()
    return window.cancel_action.text(), work.cancel_button.toolTip()


def test_step_n_keeps_its_steps_and_a_far_look_back_changes_nothing(qtbot, make_window):
    window = make_window(wide_project())
    s = window.session
    window.controls.n_spin.setValue(9000)
    qtbot.mouseClick(window.controls.step_n_button, Qt.MouseButton.LeftButton)
    assert s.runner.running
    assert cancel_words(window) == ("&Cancel Step ×N",
                                    "Stop here: the steps taken so far stay, as one undo step (Esc)")
    qtbot.waitUntil(lambda: not s.runner.running, timeout=60000)
    click_step(qtbot, window, 7000)                  # a replay of 7,000 steps from the checkpoint: long work
    assert s.runner.running and s.viewing_step is None
    menu, tip = cancel_words(window)
    assert menu == "&Cancel looking back"
    assert tip == "Stop looking back: nothing changes, the network shown stays as it is (Esc)"
    assert "undo" not in tip
    qtbot.mouseClick(window.status.work.cancel_button, Qt.MouseButton.LeftButton)
    assert not s.runner.running and s.viewing_step is None and s.step_count == 9000   # as the tip said
    assert not window.cancel_action.isEnabled()


def test_opening_a_sweep_copy_says_nothing_is_opened(qtbot, make_window):
    w, s, sw = swept(qtbot, make_window, "0.1", "3")            # 3,000 steps: past what is opened at once
    count = s.undo_stack.count()
    click_copy(qtbot, sw, 1)
    assert s.runner.running
    assert cancel_words(w) == ("&Cancel opening the copy",
                               "Stop opening copy 2: nothing is opened, the window stays as it is (Esc)")
    qtbot.mouseClick(w.status.work.cancel_button, Qt.MouseButton.LeftButton)
    assert not s.runner.running and s.undo_stack.count() == count


def test_saving_a_long_history_says_the_old_file_stays(qtbot, window, tmp_path, monkeypatch):
    s, path = window.session, tmp_path / "long.json"
    with s.model.changing():
        s.model.train(AT_ONCE_STEPS + 30_000)
    path.write_text("old")
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(path), ""))
    window.files.save_as.trigger()
    assert s.file_work.running
    assert cancel_words(window) == ("&Cancel saving", "Stop saving: the file stays as it was (Esc)")
    qtbot.mouseClick(window.status.work.cancel_button, Qt.MouseButton.LeftButton)
    assert not s.file_work.running and path.read_text() == "old"


@pytest.fixture
def english(qapp):
    install_translations(qapp, "en")
    yield
    install_translations(qapp, "en")


def test_the_words_are_korean_in_korean(qtbot, english, make_window):
    window = make_window(wide_project())
    window.language_actions["ko"].trigger()                     # View → Language → 한국어
    s = window.session
    window.controls.n_spin.setValue(9000)
    qtbot.mouseClick(window.controls.step_n_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not s.runner.running, timeout=60000)
    click_step(qtbot, window, 7000)
    assert s.runner.running
    menu, tip = cancel_words(window)
    assert menu == "되돌아보기 취소(&C)"
    assert tip == "되돌아보기 중지: 아무것도 바뀌지 않고, 보이는 신경망은 그대로 남습니다(Esc)"
    qtbot.keyClick(window, Qt.Key.Key_Escape)
    assert not s.runner.running
