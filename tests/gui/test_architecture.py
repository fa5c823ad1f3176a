"""Changing the architecture from the panel: weights that fit are kept, new ones follow the stated
rule (core.network.init_weights), every view follows, and Undo brings the old network back."""
import numpy as np
from PySide6.QtCore import Qt

from backprop_lab.core.model.network import LayerSpec, Network, init_weights


def test_add_hidden_layer_keeps_fitting_weights_and_undo_restores(qtbot, window):
    s, panel = window.session, window.architecture
    old = s.net.copy()
    qtbot.mouseClick(panel.add_button, Qt.MouseButton.LeftButton)
    net = s.net
    assert net.sizes == [2, 2, 2, 2]
    # the same rule, by core, with the old network kept
    expect = Network(2, [LayerSpec(2, "sigmoid", "none")] * 3, "half_sse")
    init_weights(expect, s.settings.seed, keep=old)
    np.testing.assert_array_equal(net.theta, expect.theta)
    np.testing.assert_array_equal(net.W[0], old.W[0])              # W kept
    assert len(window.values.weights.tables) == 3
    assert window.values.weights.tables[2].model().index(0, 0).data(Qt.ItemDataRole.EditRole) == net.W[2][0, 0]
    assert "uniform in ±1/√n_in" in panel.rule.text()
    assert s.step_count == 0 and len(s.trace) == 0
    window.undo_action.trigger()
    assert s.net.sizes == [2, 2, 2]
    np.testing.assert_array_equal(s.net.theta, old.theta)
    assert len(window.values.weights.tables) == 2


def test_neuron_count_and_bias_from_the_widgets(qtbot, window):
    s, panel = window.session, window.architecture
    size, act, bias = panel.rows[0]
    size.setValue(3)
    assert s.net.sizes == [2, 3, 2]
    size, act, bias = panel.rows[0]                                  # rebuilt widgets
    bias.setCurrentIndex(bias.findData("neuron"))
    bias.activated.emit(bias.currentIndex())
    assert s.net.layers[0].bias == "neuron"
    np.testing.assert_array_equal(s.net.b[0], [0.0, 0.0, 0.0])
    assert s.undo_stack.count() == 2
    window.values.weights.tables[0].model().setData(window.values.weights.tables[0].model().index(2, 1), "0.5")
    assert s.value(("b", 1, 1)) == 0.5


def test_choosing_cross_entropy_switches_the_output_to_softmax(qtbot, window):
    s, panel = window.session, window.architecture
    i = panel.loss.findData("cross_entropy")
    panel.loss.setCurrentIndex(i)
    panel.loss.activated.emit(i)
    assert s.net.loss == "cross_entropy" and s.net.layers[-1].activation == "softmax"
    assert "softmax" in window.status.note.text()


def test_a_refused_shape_says_why_and_changes_nothing(qtbot, window):
    s, panel = window.session, window.architecture
    before = s.net.theta.copy()
    err = s.set_architecture(2, [LayerSpec(2, "softmax", "none"), LayerSpec(2, "sigmoid", "none")], "half_sse")
    assert "softmax is only allowed on the output layer" in err
    np.testing.assert_array_equal(s.net.theta, before)
    assert s.undo_stack.count() == 0
    assert [size.value() for size, _, _ in panel.rows] == [2, 2]        # the panel still shows the old shape
