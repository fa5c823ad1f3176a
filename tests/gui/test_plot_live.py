"""The loss plot's whole-set curve during Run: no step is replayed to draw it (its cost a tick is a few
passes over the data set, not a second training), and every point it shows is core's loss of the whole
data set at that step's weights, during the run, after it and after an Undo."""
import numpy as np
from PySide6.QtCore import Qt

from backprop_lab.core.io import presets
from backprop_lab.core.model.network import LayerSpec, Network, init_weights
from backprop_lab.core.model.project import Project
from backprop_lab.core.numerics import engine
from backprop_lab.core.numerics.replay import Replay
from backprop_lab.core.numerics.stop import DEFAULT_PACE


def count_replays(monkeypatch, session):
    """Steps the history replays, split by whether a run was going."""
    replayed = {"running": 0, "idle": 0}
    forward = Replay._forward

    def counted(self, t, step):
        replayed["running" if session.runner.running else "idle"] += max(0, step - t.step)
        forward(self, t, step)
    monkeypatch.setattr(Replay, "_forward", counted)
    return replayed


def assert_whole_set_losses(session, x, y):
    """Each point (step, value) of the curve: core's mean loss over every sample at that step's θ."""
    assert len(x) == len(y) and np.all(np.diff(x) > 0)
    probe = session.net.copy()
    for step, value in zip(x.astype(int), y):
        probe.theta[...] = session.trace.theta_at(step, session.net) if step < len(session.trace) \
            else session.trainer.theta
        assert value == engine.loss_at(probe, session.data.X, session.data.Y), step


def wide_xor() -> Project:
    """XOR's four samples on 2-32-32-1: over a thousand parameters."""
    xor = presets.resolve("xor")
    net = Network(2, [LayerSpec(32, "tanh"), LayerSpec(32, "tanh"), LayerSpec(1, "sigmoid")])
    init_weights(net, 3)
    return Project(net, xor.data, xor.settings, name="wide xor")


def test_a_run_at_the_default_pace_replays_nothing_for_the_whole_set_curve(qtbot, make_window, monkeypatch):
    window = make_window(wide_xor())           # four samples: the whole set's loss is evaluated
    s, plot = window.session, window.loss_plot
    assert s.runner.pace == DEFAULT_PACE and s.net.n_params > 1000     # a few steps a tick: each was replayed
    replayed = count_replays(monkeypatch, s)
    qtbot.mouseClick(window.controls.run_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: plot.cache.rows > 200, timeout=20000)
    live_x, live_y = (a.copy() for a in plot.cache.total())
    qtbot.mouseClick(window.controls.run_button, Qt.MouseButton.LeftButton)        # Pause
    assert replayed["running"] == 0 and len(live_x) >= 10
    assert_whole_set_losses(s, live_x, live_y)
    x, y = plot.cache.total()
    assert x[-1] == s.step_count and plot.total.yData[-1] == s.loss
    assert_whole_set_losses(s, x, y)


def test_a_fast_run_and_its_undo_show_the_whole_set_loss_at_each_point(qtbot, make_window, monkeypatch):
    window = make_window(presets.resolve("xor"))
    s, plot = window.session, window.loss_plot
    window.controls.pace.speed.setValue(window.controls.pace.speed.maximum())     # as fast as it goes
    replayed = count_replays(monkeypatch, s)
    qtbot.mouseClick(window.controls.run_button, Qt.MouseButton.LeftButton)
    assert s.training_state == "running"
    qtbot.waitUntil(lambda: plot.cache.rows > 2000 and len(plot.cache.total()[0]) > 5, timeout=20000)
    live_x, live_y = (a.copy() for a in plot.cache.total())
    qtbot.mouseClick(window.controls.run_button, Qt.MouseButton.LeftButton)        # Pause
    assert s.training_state == "idle"
    assert replayed["running"] == 0
    assert_whole_set_losses(s, live_x, live_y)
    # after the pause: the curve goes on to the present, which the plot shows (and fits)
    x, y = plot.cache.total()
    np.testing.assert_array_equal(x[:len(live_x)], live_x)
    assert x[-1] == s.step_count == len(s.trace)
    assert_whole_set_losses(s, x, y)
    assert plot.total.xData[-1] == s.step_count and plot.total.yData[-1] == s.loss
    (x0, x1), _ = plot.item.vb.viewRange()
    assert x0 <= 0 and x1 >= s.step_count
    # Undo a run that followed 100 steps of Step ×N: the curve of those 100 steps again, its last point
    # at the trainer's weights (the history forgot the run's end), still without a replay
    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert s.step_count == 0
    window.controls.n_spin.setValue(100)
    qtbot.mouseClick(window.controls.step_n_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(window.controls.run_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: s.step_count > 1000, timeout=20000)
    qtbot.mouseClick(window.controls.run_button, Qt.MouseButton.LeftButton)
    before = dict(replayed)
    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert s.step_count == 100 and not s.trace.end_known()
    x, y = plot.cache.total()
    assert x[-1] == 100 and replayed == before
    assert_whole_set_losses(s, x, y)
