"""A step on one sample can take another sample's values past the largest float (its own stay finite):
training stops there as diverged, at the last state the whole data set can be evaluated in, says which
value of which sample, and no view is left with an infinite or NaN number (a storm met a softmax's
inf − inf this way, from the status bar's refresh during a Run)."""
import numpy as np
import pytest
from PySide6.QtCore import Qt

from backprop_lab.core.numerics import engine
from backprop_lab.core.numerics.stop import PACES, TICK_HZ
from backprop_lab.gui.language import current as current_language
from tests.core.other_sample import other_sample_overflows


def assert_finite_shown(window):
    s = window.session
    assert engine.first_not_finite(s.net, s.data.X, s.data.Y) is None
    assert np.isfinite(s.loss) and np.isfinite(s.total_state.grad).all()
    shown = window.status.loss.text().lower()
    assert "nan" not in shown and "inf" not in shown, shown


@pytest.mark.parametrize("language,said", [
    ("en", "Training diverged at step 0: z1[1] of sample 2 would become infinite or NaN"),
    ("ko", "0단계에서 학습이 발산했습니다: 샘플 2의 z1[1]이(가) 무한대 또는 NaN이 됩니다"),
])
def test_a_step_that_another_sample_cannot_bear_is_refused_and_said(qtbot, make_window, language, said):
    window = make_window(other_sample_overflows("softmax"))
    current_language().switch(language)        # put back by make_window
    s = window.session
    theta = s.net.theta.copy()
    qtbot.mouseClick(window.controls.step_button, Qt.MouseButton.LeftButton)
    assert s.training_state == "diverged"
    note = window.status.note.text()
    assert said in note, note
    assert s.step_count == len(s.trace) == 0 and np.array_equal(s.net.theta, theta)
    assert s.undo_stack.count() == 0           # nothing was taken: nothing to undo
    assert_finite_shown(window)


@pytest.mark.parametrize("speed", [Qt.Key.Key_Home, Qt.Key.Key_End])
def test_a_run_that_reaches_it_pauses_there_and_undo_is_exact(qtbot, make_window, speed):
    # sample 2 overflows after step 7; at the slow end of the slider Run takes one step a tick and the
    # check after it finds that, at the fast end the Trainer refuses step 20 (sample 2's own): both
    # pause at step 7 and say step 7
    window = make_window(other_sample_overflows("later"))
    s = window.session
    slider = window.controls.pace.speed
    qtbot.mouseClick(slider, Qt.MouseButton.LeftButton)
    qtbot.keyClick(slider, speed)
    if speed == Qt.Key.Key_Home:
        for _ in range(PACES.index(TICK_HZ)):            # one step a tick, quickly
            qtbot.keyClick(slider, Qt.Key.Key_Right)
    assert s.runner.pace == (TICK_HZ if speed == Qt.Key.Key_Home else None)
    theta = s.net.theta.copy()
    qtbot.mouseClick(window.controls.run_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: s.training_state == "diverged", timeout=10000)
    assert not s.runner.running
    note = window.status.note.text()
    assert "Training diverged at step 7: W1[1,1] would become infinite or NaN" in note, note
    assert s.step_count == len(s.trace) == 7 and "7" in window.status.step.text()
    assert_finite_shown(window)
    window.undo_action.trigger()
    assert s.step_count == 0 and np.array_equal(s.net.theta, theta)


def test_at_1024_pixels_the_message_gives_way_to_the_step_loss_and_state(qtbot, make_window):
    # The divergence's message is longer than the bar: it ends in "…" (all of it in its tooltip), and
    # the loss is not cut to "E = 0." nor the state pushed off the window.
    window = make_window(other_sample_overflows("softmax"))
    window.resize(1024, 700)
    qtbot.mouseClick(window.controls.step_button, Qt.MouseButton.LeftButton)
    bar = window.status
    qtbot.waitUntil(lambda: bar.state.text() == "diverged: paused")
    qtbot.wait(50)                # the bar lays itself out again after the message
    assert window.width() == 1024 and bar.width() <= 1024
    for label in (bar.step, bar.loss, bar.state):
        assert label.isVisible() and label.geometry().right() <= bar.width()
        assert label.fontMetrics().horizontalAdvance(label.text()) <= label.contentsRect().width(), label.text()
    assert bar.loss.text() == "E = 0.69314718"
    note = bar.note
    assert note.text().startswith("Training diverged at step 0") and note.toolTip() == note.text()
    assert note.shown_text().endswith("…") and note.shown_text()[:-1] in note.text()
