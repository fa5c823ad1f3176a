"""The Run speed control: driven with keys and clicks, the pace asserted as steps per tick (a tick
driven by hand, not by wall time); Run stops by itself and says why."""
from PySide6.QtCore import Qt

from backprop_lab.core.numerics.stop import DEFAULT_PACE, PACES, TICK_HZ, tick_plan


def _tick_by_hand(s, n=3):
    """Drive n ticks ourselves (the timer cannot fire: the event loop does not turn in here): what
    one tick trains does not depend on time."""
    counts = []
    for _ in range(n):
        before = s.step_count
        s.runner.tick()
        counts.append(s.step_count - before)
    return counts


def test_speed_control_sets_steps_per_tick(qtbot, window):
    s, pace = window.session, window.controls.pace
    assert s.runner.pace == DEFAULT_PACE
    slider = pace.speed
    slider.setFocus()
    qtbot.keyClick(slider, Qt.Key.Key_Home)              # slowest: one update a second
    assert s.runner.pace == 1 and pace.speed_label.text() == "1 update a second"
    window.controls.run_button.click()
    assert s.runner.timer.interval() == 1000
    assert _tick_by_hand(s) == [1, 1, 1]
    qtbot.keyClick(slider, Qt.Key.Key_Right)              # 2 a second: still one step a tick
    assert s.runner.timer.interval() == 500 and _tick_by_hand(s) == [1, 1, 1]
    slider.setValue(PACES.index(1000))
    assert s.runner.timer.interval() == 1000 // TICK_HZ
    assert _tick_by_hand(s) == [1000 // TICK_HZ] * 3
    assert tick_plan(1000) == (20, 20)
    window.controls.run_button.click()
    assert s.training_state == "idle" and s.step_count == 3 + 3 + 60


def test_each_slow_update_refreshes_every_view(qtbot, window):
    s = window.session
    window.controls.pace.speed.setValue(0)
    seen = []
    s.changed.connect(lambda: seen.append(s.step_count))
    window.controls.run_button.click()
    _tick_by_hand(s, 4)
    assert seen[-4:] == [1, 2, 3, 4]                       # every update shown as it happens
    window.controls.run_button.click()


def test_as_fast_as_it_goes_is_the_last_position(qtbot, window):
    s, slider = window.session, window.controls.pace.speed
    slider.setFocus()
    qtbot.keyClick(slider, Qt.Key.Key_End)
    assert s.runner.pace is None and s.runner.timer.interval() == 0
    assert window.controls.pace.speed_label.text() == "as fast as it goes"


def test_run_stops_after_n_steps_and_says_so(qtbot, window):
    s, pace = window.session, window.controls.pace
    pace.after.setValue(7)
    pace.speed.setValue(PACES.index(250))                  # 5 a tick: the last tick takes only 2
    window.controls.run_button.click()
    qtbot.waitUntil(lambda: s.training_state == "idle", timeout=5000)
    assert s.step_count == 7 and len(s.trace) == 7
    assert "stopped after 7 steps" in window.status.note.text()
    assert window.controls.run_button.text() == "Run" and s.undo_stack.count() == 1


def test_run_stops_at_a_target_loss(qtbot, window):
    s, pace = window.session, window.controls.pace
    pace.speed.setValue(len(PACES) - 1)
    pace.target.setText("1e-6")
    pace.target.setModified(True)
    pace.target.commit()
    window.controls.run_button.click()
    qtbot.waitUntil(lambda: s.training_state == "idle", timeout=10000)
    assert s.loss <= 1e-6
    assert "reached the target" in window.status.note.text()


def test_run_stops_when_the_loss_stops_changing(qtbot, window):
    s, pace = window.session, window.controls.pace
    pace.speed.setValue(len(PACES) - 1)
    qtbot.mouseClick(pace.still, Qt.MouseButton.LeftButton)
    assert s.runner.stop_rule.when_still
    window.controls.run_button.click()
    qtbot.waitUntil(lambda: s.training_state == "idle", timeout=20000)
    assert "stopped changing" in window.status.note.text()
    assert s.step_count > 2000                               # seed 004 settles at ~2,250 steps


def test_a_slow_run_marks_the_numbers_each_update_changed(qtbot, window):
    from backprop_lab.gui.panels.model_base import CHANGED
    s = window.session
    model = window.values.weights.tables[1].model()
    window.controls.pace.speed.setValue(0)
    qtbot.wait(50)                       # the table painted: it knows the numbers it shows
    window.controls.run_button.click()
    _tick_by_hand(s, 1)
    qtbot.wait(50)                       # repainted (the timer, at 1 a second, does not fire)
    _tick_by_hand(s, 1)
    at = model.index(1, 1)
    assert at.data(Qt.ItemDataRole.BackgroundRole) == CHANGED          # U22 moved: marked
    qtbot.waitUntil(lambda: at.data(Qt.ItemDataRole.BackgroundRole) != CHANGED, timeout=3000)
    window.controls.run_button.click()
    window.controls.pace.speed.setValue(len(PACES) - 1)                 # fast: nothing flickers
    window.controls.run_button.click()
    qtbot.wait(50)
    _tick_by_hand(s, 1)
    assert at.data(Qt.ItemDataRole.BackgroundRole) != CHANGED
    window.controls.run_button.click()
