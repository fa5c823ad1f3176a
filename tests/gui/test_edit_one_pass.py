"""A typed edit evaluates the network over the data set once: its finiteness check's evaluation is
the one every view then shows (core.numerics.project_model.ProjectModel.checked_state), and a step
that takes every sample shows the same (issue 8: the largest network's edit reaches the screen within
100 ms). What is shown is exactly what a fresh core evaluation gives."""
import numpy as np
import pytest
from gui_drive import click_tab, type_into_cell

from backprop_lab.core.io import presets
from backprop_lab.core.numerics import engine
from backprop_lab.gui.numbers import fmt

W11 = ("W", 1, 0, 0)


def test_a_typed_weight_is_evaluated_once_and_shown_as_core_computes_it(qtbot, make_window, monkeypatch):
    window = make_window(presets.resolve("xor"))
    s = window.session
    assert s.set_setting("mode", "batch") is None             # every step takes all four samples
    whole = []
    evaluate = engine.evaluate

    def counted(net, x, y, *args, **kwargs):
        if np.shape(x)[0] == len(s.data):
            whole.append(net)
        return evaluate(net, x, y, *args, **kwargs)
    monkeypatch.setattr(engine, "evaluate", counted)
    type_into_cell(qtbot, window.values.weights.tables[0], 0, 0, "0.123")
    assert s.value(W11) == 0.123
    assert len(whole) == 1, whole           # the check's, not the check's and then the recompute's two
    monkeypatch.setattr(engine, "evaluate", evaluate)
    fresh = engine.evaluate(s.net, s.data.X, s.data.Y)
    assert s.total_state.loss == fresh.loss and np.array_equal(s.next_state.grad, fresh.grad)
    click_tab(qtbot, window.values, 1)                          # the gradients, as the tables show them
    table = window.values.gradients.tables[0].model()
    assert table.index(0, 0).data() == fmt(fresh.grad[s.index(W11)])
    assert window.status.loss.text() == f"{s.notation.loss} = {fmt(fresh.loss)}"


@pytest.mark.parametrize("mode, batch_loss", [("sample", "mean"), ("batch", "sum"), ("batch", "mean")])
def test_the_next_update_uses_the_next_steps_samples_as_core_computes_them(qtbot, make_window, mode, batch_loss):
    """The next step's evaluation is the whole data set's only when the step takes every sample as their
    mean: one sample, or their sum, is its own."""
    window = make_window(presets.resolve("xor"))
    s = window.session
    assert s.set_setting("mode", mode) is None and s.set_setting("batch_loss", batch_loss) is None
    type_into_cell(qtbot, window.values.weights.tables[0], 0, 0, "0.123")
    assert s.selection == W11 and s.value(W11) == 0.123
    nxt = s.next_samples()
    g = engine.evaluate(s.net, s.data.X[nxt], s.data.Y[nxt], batch_loss).grad[s.index(W11)]
    whole = engine.evaluate(s.net, s.data.X, s.data.Y).grad[s.index(W11)]
    assert (g != whole) == ((mode, batch_loss) != ("batch", "mean"))
    shown = window.selected.text.toPlainText()
    assert f"uses sample(s) {', '.join(str(k + 1) for k in nxt)}" in shown
    assert f"× {fmt(g)} = " in shown, shown          # the update line: w − η × g = new
