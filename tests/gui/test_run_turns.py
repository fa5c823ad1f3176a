"""As fast as it goes, each event-loop turn of a Run stays short (issue 8: the window answers within
100 ms, the largest network included): a tick either trains (the loss plot and the status bar follow)
or refreshes the number views, never both, and it trains no longer than leaves room, within
runner.TURN, for the refresh and repaint after it. The run loop's clock is simulated as in
test_run_views (a step, the plot's frame and the number views' refresh each advance it by a set time),
so the test does not depend on the machine's speed or load."""
from PySide6.QtCore import Qt
from run_clock import run_on_clock, train_on_clock

from backprop_lab.core.io import presets
from backprop_lab.gui import runner as runner_module
from backprop_lab.gui.numbers import fmt

STEP, PLOT, VIEWS = 1e-4, 0.03, 0.06     # simulated seconds: a step, the plot's frame, the number views


def test_a_tick_trains_or_refreshes_the_number_views_and_stays_within_a_turn(qtbot, make_window, monkeypatch):
    clock = run_on_clock(monkeypatch)
    ticks = []      # (simulated seconds, steps taken, number-view refreshes) of each tick
    tick = runner_module.RunLoop.tick

    def watched(loop):
        s = loop.session
        t, steps, seen = clock.now, s.step_count, len(refreshes)
        tick(loop)
        if loop.job is None:
            ticks.append((clock.now - t, s.step_count - steps, len(refreshes) - seen))
    monkeypatch.setattr(runner_module.RunLoop, "tick", watched)     # before the window connects its timer
    window = make_window(presets.resolve("xor"))
    s = window.session
    train_on_clock(window, clock, STEP, monkeypatch)
    refreshes = []

    def views():
        if s.runner.running:
            refreshes.append(clock.now)
            clock.now += VIEWS

    def frame():
        clock.now += PLOT
    s.changed.connect(views)
    s.progressed.connect(frame)
    qtbot.mouseClick(window.controls.run_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: clock.now > 3.0, timeout=30000)
    qtbot.mouseClick(window.controls.run_button, Qt.MouseButton.LeftButton)        # Pause
    assert s.training_state == "idle"
    ran = [t for t in ticks if t[1] or t[2]]
    assert sum(1 for t in ran if t[2]) >= 3 and sum(1 for t in ran if t[1]) >= 30, ticks
    assert all(not (steps and seen) for _, steps, seen in ran), ticks      # never both in one turn
    assert max(seconds for seconds, _, _ in ran) <= 0.1, ticks
    # the plot's frames keep their pace: a training tick with its frame is within TURN once measured
    assert max(seconds for seconds, steps, _ in ran[5:] if steps) <= runner_module.TURN + 1e-9, ticks
    # after the pause every view shows the present
    assert window.status.step.text() == f"step {s.step_count:,}"
    assert window.values.weights.tables[0].model().index(0, 0).data() == fmt(s.value(("W", 1, 0, 0)))
