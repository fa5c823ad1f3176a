"""Typing a new weight into the weights table: every view shows what core computes for that state."""
import numpy as np
from gui_drive import click_tab, type_into_cell
from PySide6.QtCore import Qt

from backprop_lab.core.numerics import engine
from backprop_lab.gui.numbers import fmt

W11 = ("W", 1, 0, 0)


def expected_state(window, key, value):
    net = window.session.net.copy()
    net.theta[window.session.index(key)] = value
    data = window.session.data
    return net, engine.evaluate(net, data.X, data.Y)


def test_typed_weight_updates_gradients_panel_and_diagram(qtbot, window):
    s = window.session
    view = window.values.weights.tables[0]           # W (x → h)
    type_into_cell(qtbot, view, 0, 0, "0.123")

    net, st = expected_state(window, W11, 0.123)
    assert s.net.theta[s.index(W11)] == 0.123
    assert s.selection == W11
    # every cell of the dE/dW tables shows core's gradient for the new state
    click_tab(qtbot, window.values, 1)
    for table in window.values.gradients.tables:
        m = table.model()
        for r in range(m.rowCount()):
            for c in range(m.columnCount()):
                i = s.index(m.key(r, c))
                assert m.index(r, c).data() == fmt(st.grad[i])
                assert m.index(r, c).data(Qt.ItemDataRole.EditRole) == st.grad[i]
    # the selected-parameter panel: value, gradient and the next update
    text = window.selected.text.text()
    g = st.grad[s.index(W11)]
    assert f"W11 = <b>{fmt(0.123)}</b>" in text
    assert f"∂E/∂W11 = <b>{fmt(g)}</b>" in text
    assert f"<b>{fmt(0.123 - 0.5 * g)}</b>" in text
    # the loss in the status bar and the diagram's label
    assert window.status.loss.text().endswith(fmt(st.loss))
    from backprop_lab.gui.diagram import style
    assert window.diagram.diagram.edges[W11].label.text == style.format_value(0.123, 3)
    assert window.diagram.diagram.total.text == style.format_value(st.loss, 4)
    # one undo step restores the old value everywhere
    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert s.net.theta[s.index(W11)] == 0.3
    assert window.values.weights.tables[0].model().index(0, 0).data() == "0.3"


def test_neuron_table_shows_core_forward_and_backward(qtbot, window):
    s = window.session
    click_tab(qtbot, window.values, 2)
    m = window.values.neurons.model()
    st = engine.evaluate(s.net, s.data.X, s.data.Y)
    headers = [m.headerData(r, Qt.Orientation.Vertical) for r in range(m.rowCount())]
    assert headers == ["x1", "x2", "z1 → h1", "z2 → h2", "t1 → o1", "t2 → o2"]
    # row 4 is o1: z = t1, a = o1, δ, dE/do1 (seed 004 prints o1 = 0.60944600)
    assert m.index(4, 1).data() == "0.60944600"
    assert m.index(4, 0).data(Qt.ItemDataRole.EditRole) == st.zs[2][0, 0]
    assert m.index(4, 2).data(Qt.ItemDataRole.EditRole) == st.deltas[2][0, 0]
    assert m.index(0, 0).data() is None          # an input has no z
    np.testing.assert_equal(m.index(2, 3).data(Qt.ItemDataRole.EditRole), st.dE_da[1][0, 0])
