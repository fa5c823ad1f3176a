"""Looking back far (issue 8): a step the history rebuilds by a long replay from its checkpoint is long
work, with progress and Cancel (Esc), and then shown exactly as the engine had it."""
import numpy as np
from PySide6.QtCore import QPointF, Qt

from backprop_lab.core.model.dataset import Dataset
from backprop_lab.core.model.network import LayerSpec, Network, init_weights
from backprop_lab.core.model.project import Project
from backprop_lab.core.numerics.training import Trainer


def project():
    net = Network(16, [LayerSpec(16) for _ in range(3)])       # 816 parameters: a checkpoint every 8,192 steps
    init_weights(net, 3)
    rng = np.random.default_rng(3)
    return Project(net, Dataset(rng.random((1, 16)), rng.random((1, 16))), name="16-16-16-16")


def click_step(qtbot, window, step):
    """Click the loss curve's point nearest `step`, where it is drawn (log10 on a logarithmic axis)."""
    panel = window.loss_plot
    xs, ys = panel.total.getData()
    x_log, _ = panel.total.opts["logMode"]
    k = int(np.argmin(abs(xs - (np.log10(step) if x_log else step))))
    pos = panel.plot.mapFromScene(panel.item.vb.mapViewToScene(QPointF(xs[k], ys[k])))
    qtbot.mouseMove(panel.plot.viewport(), pos)
    qtbot.mouseClick(panel.plot.viewport(), Qt.MouseButton.LeftButton, pos=pos)


def theta_before(step):
    p = project()
    t = Trainer(p.net, p.data, p.settings)
    t.run(step)
    return t.theta.copy()


def test_looking_back_far_is_long_work_with_progress_and_cancel(qtbot, make_window):
    window = make_window(project())
    s, work = window.session, window.status.work
    assert s.trace.every == 8192
    window.controls.n_spin.setValue(9000)
    qtbot.mouseClick(window.controls.step_n_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not s.runner.running, timeout=60000)
    click_step(qtbot, window, 7000)                     # 7,000 steps from the checkpoint at 0
    assert s.runner.running and work.isVisible() and s.viewing_step is None
    assert work.label.text().startswith("Rebuilding step ") and work.bar.maximum() > 5000
    qtbot.waitUntil(lambda: s.viewing_step is not None, timeout=60000)
    i = s.viewing_step
    assert 5000 < i < 9000 and not work.isVisible() and not s.runner.running    # the point under the pointer
    np.testing.assert_array_equal(s.shown_net.theta, theta_before(i))
    assert window.status.state.text() == f"viewing step {i}"
    click_step(qtbot, window, 3000)                     # before the replay's place: long again
    assert s.runner.running and work.isVisible()
    qtbot.keyClick(window, Qt.Key.Key_Escape)
    assert not s.runner.running and not work.isVisible() and s.viewing_step == i
    assert "cancelled" in window.status.note.text() and s.step_count == 9000


def test_its_progress_reads_whole_or_ends_in_an_ellipsis_at_1024(qtbot, make_window):
    """At 1024×700 the status bar had no room for "Rebuilding step 7,000: 1,725 of 7,000 steps replayed":
    it was cut mid-word. Now the words fit, or end with "…" with all of them in the tooltip."""
    window = make_window(project())
    window.resize(1024, 700)
    s, work = window.session, window.status.work
    window.controls.n_spin.setValue(9000)
    qtbot.mouseClick(window.controls.step_n_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not s.runner.running, timeout=60000)
    click_step(qtbot, window, 7000)
    assert s.runner.running and work.isVisible()
    label, bar = work.label, window.status
    shown = label.shown_text()
    assert label.fontMetrics().horizontalAdvance(shown) <= label.contentsRect().width()
    assert shown == label.text() or (shown.endswith("…") and len(shown) > 8)
    assert label.toolTip() == label.text() and label.text().startswith(f"Rebuilding step {s.runner.job.target:,}:")
    # the whole bar, Cancel included, is inside the window
    cancel = work.cancel_button
    assert window.width() == 1024 and cancel.mapTo(window, cancel.rect().topRight()).x() <= 1024
    assert bar.width() <= window.width()
    qtbot.keyClick(window, Qt.Key.Key_Escape)
