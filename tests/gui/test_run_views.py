"""During Run the number views (diagram, tables, panels) refresh at most 15 times a second, and less
often when their refresh is slow, so that it takes at most a tenth of the run's time: the loss plot
and the decision boundary keep their frames. The run loop's clock is simulated (a step, a frame and
a slow refresh of the number views each advance it by a set time), so the test does not depend on
the machine's speed or load."""
from PySide6.QtCore import Qt
from run_clock import run_on_clock, train_on_clock

from backprop_lab.core.io import presets

STEP, FRAME, SLOW = 1e-4, 0.005, 0.1     # simulated seconds: a training step, a frame, the number views


def test_slow_number_views_take_at_most_a_tenth_of_a_run(qtbot, make_window, monkeypatch):
    window = make_window(presets.resolve("xor"))
    s = window.session
    clock = run_on_clock(monkeypatch)
    train_on_clock(window, clock, STEP, monkeypatch)
    refreshes, frames = [], []

    def slow_views():
        if s.runner.running:
            refreshes.append(clock.now)
            clock.now += SLOW

    def frame():
        frames.append(clock.now)
        clock.now += FRAME
    s.changed.connect(slow_views)
    s.progressed.connect(frame)
    qtbot.mouseClick(window.controls.run_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: clock.now > 3.0, timeout=30000)
    qtbot.mouseClick(window.controls.run_button, Qt.MouseButton.LeftButton)        # Pause
    assert s.training_state == "idle"
    share = len(refreshes) * SLOW / clock.now
    assert 2 <= len(refreshes) and share <= 0.12, (refreshes, clock.now)
    assert len(frames) >= 10 * len(refreshes)       # the plot's frames go on between them
    # training keeps over half of the time
    assert s.step_count * STEP >= 0.5 * clock.now
    # after the pause every view shows the present
    assert window.status.step.text() == f"step {s.step_count:,}"
    assert window.loss_plot.total.xData[-1] == s.step_count
