"""Long work keeps each event-loop turn short (issue 8: the window answers within 100 ms): Step ×N
trains in calls of at most JOB_CHUNK's worth of steps at the rate it has learned, and the number
views refresh on a turn of their own, never after a piece of training. (The latency itself is a
benchmark's: tests/bench/latency_bench.py.)"""
import numpy as np
from PySide6.QtCore import Qt

from backprop_lab.core.numerics.training import Trainer
from backprop_lab.gui import runner as run_loop


def record_turns(session):
    """The events of each timer turn of the run loop, in order: ("train", n, rate) for each call of
    the model's train, "changed" for the number views' refresh; a turn's list ends when the turn does."""
    turns: list[list] = [[]]
    model, runner = session.model, session.runner
    train = model.train

    def recorded(n, floor=None):
        turns[-1].append(("train", n, runner._rate))
        return train(n, floor)

    model.train = recorded
    session.changed.connect(lambda: turns[-1].append("changed"))
    runner.timer.timeout.connect(lambda: turns.append([]))      # after the runner's own slot
    return turns


def test_step_n_trains_in_short_calls_and_refreshes_the_views_on_turns_of_their_own(qtbot, window):
    s, n = window.session, 40_000
    theta0 = s.net.theta.copy()
    turns = record_turns(s)
    window.controls.n_spin.setValue(n)
    qtbot.mouseClick(window.controls.step_n_button, Qt.MouseButton.LeftButton)
    assert s.runner.running
    qtbot.waitUntil(lambda: not s.runner.running, timeout=60000)
    calls = [e for t in turns for e in t if e != "changed"]
    assert sum(k for _, k, _ in calls) == n == s.step_count
    # each call at most JOB_CHUNK at the rate learned so far (the first from the starting guess)
    for _, k, rate in calls:
        assert k <= max(1, int(rate * run_loop.JOB_CHUNK)), (k, rate)
    # a timer turn that refreshes the number views trains nothing (the click's turn starts the work
    # with its first piece, and the last turn ends it with a refresh: those may do both)
    mixed = [t for t in turns[1:-2] if "changed" in t and any(e != "changed" for e in t)]
    assert not mixed, mixed[:3]
    assert window.status.step.text() == f"step {n:,}" and window.loss_plot.points() == n + 1
    t = Trainer(s.net.copy(), s.data, s.settings)
    t.net.theta[...] = theta0
    t.run(n)
    np.testing.assert_array_equal(s.net.theta, t.theta)
