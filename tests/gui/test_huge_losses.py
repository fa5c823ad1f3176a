"""Sample losses each as large as a float goes (7.2e307), whose sum is not: the window shows their mean,
in the diagram and the status bar, and training goes on from there until a step's own loss overflows
(then it diverges, said as such). The mean overflowed before, with numpy's warning at every refresh."""
from __future__ import annotations

import numpy as np

from backprop_lab.core.model.dataset import Dataset
from backprop_lab.core.model.network import LayerSpec, Network
from backprop_lab.core.model.project import Project


def huge():
    net = Network(1, [LayerSpec(1, "identity", "none")], "half_sse", theta=[1.0])
    return Project(net, Dataset(np.zeros((3, 1)), [[1.2e154], [-1.2e154], [1.2e154]]), name="huge")


def test_the_window_shows_the_mean_of_huge_losses(make_window, qtbot):
    w = make_window(huge())
    assert w.session.set_setting("mode", "batch") is None        # the diagram shows the whole batch's means
    each = 0.5 * (1.2e154 * 1.2e154)
    assert np.isfinite(w.session.total_state.loss) and abs(w.session.total_state.loss - each) <= 1e-15 * each
    scene = w.diagram.diagram
    assert "e+307" in scene.total.text and "inf" not in scene.total.text.lower()
    assert "e+307" in scene.terms[0].text
    assert "e+307" in w.status.loss.text()
