"""The optimizer's new settings in the Controls: the rule (SGD, momentum, Adam with β₁ β₂ ε), weight
decay λ and the batch loss, each typed or chosen as a person does, each one undo step, each range from
core.model.settings.FIELDS; the loss's plain sum of squares in the Architecture panel."""
import pytest
from gui_drive import choose, type_into_field
from PySide6.QtCore import Qt

from backprop_lab.core.model.settings import FIELDS


def shown(c, field) -> bool:
    return c.form.isRowVisible(field) and field.isVisibleTo(c)


def test_choosing_adam_shows_its_settings_and_undoes_in_one_step(qtbot, window):
    s, c = window.session, window.controls
    assert [c.rule.itemText(i) for i in range(c.rule.count())] == ["SGD", "momentum", "Adam"]
    assert not shown(c, c.beta1) and shown(c, c.momentum)
    choose(qtbot, c.rule, 2)
    assert s.settings.optimizer == "adam" and s.undo_stack.count() == 1
    assert all(shown(c, f) for f in (c.beta1, c.beta2, c.eps)) and not shown(c, c.momentum)
    assert (c.beta1.text(), c.beta2.text(), c.eps.text()) == ("0.9", "0.999", "0.00000001")
    type_into_field(qtbot, c.beta2, "0.99")
    assert s.settings.beta2 == 0.99 and s.undo_stack.count() == 2
    s.undo_stack.undo()
    assert s.settings.beta2 == 0.999 and c.beta2.text() == "0.999"
    s.undo_stack.undo()
    assert s.settings.optimizer == "sgd" and c.rule.currentText() == "SGD" and not shown(c, c.beta1)


def test_momentum_and_sgd_trade_places_through_mu(qtbot, window):
    s, c = window.session, window.controls
    choose(qtbot, c.rule, 1)
    assert s.settings.momentum == 0.9 and c.momentum.text() == "0.9" and s.undo_stack.count() == 1
    choose(qtbot, c.rule, 0)
    assert s.settings.momentum == 0.0 and c.momentum.text() == "0"
    type_into_field(qtbot, c.momentum, "0.5")            # a μ typed under SGD makes it momentum
    assert c.rule.currentText() == "momentum"
    s.undo_stack.undo()
    s.undo_stack.undo()
    assert s.settings.momentum == 0.9 and c.rule.currentText() == "momentum"


def test_weight_decay_is_typed_refused_below_zero_and_undone(qtbot, window):
    s, c = window.session, window.controls
    type_into_field(qtbot, c.weight_decay, "-0.1")
    assert s.settings.weight_decay == 0.0 and s.undo_stack.count() == 0
    assert c.reason.text() == "The weight decay λ must be at least 0"
    assert c.weight_decay.toolTip() == c.reason.text()
    type_into_field(qtbot, c.weight_decay, "0.01")
    assert s.settings.weight_decay == 0.01 and c.reason.text() == "" and s.undo_stack.count() == 1
    s.undo_stack.undo()
    assert s.settings.weight_decay == 0.0 and c.weight_decay.text() == "0"


@pytest.mark.parametrize("field,text,reason", [
    ("beta1", "1", "The β₁ (Adam's decay of m) must be at least 0 and less than 1"),
    ("beta2", "-0.5", "The β₂ (Adam's decay of v) must be at least 0 and less than 1"),
    ("eps", "0", "The ε (Adam) must be greater than 0")])
def test_adams_settings_take_their_limits_from_core(qtbot, window, field, text, reason):
    s, c = window.session, window.controls
    choose(qtbot, c.rule, 2)
    assert FIELDS[field].interval() in getattr(c, field).toolTip()
    type_into_field(qtbot, getattr(c, field), text)
    assert getattr(s.settings, field) == FIELDS[field].default and c.reason.text() == reason


def test_the_batch_loss_is_chosen_where_a_batch_has_more_than_one_sample(qtbot, window):
    s, c = window.session, window.controls
    assert not c.batch_loss.isEnabled()                # one sample a step: mean and sum are one
    choose(qtbot, c.mode, 2)
    assert s.settings.mode == "batch" and c.batch_loss.isEnabled()
    choose(qtbot, c.batch_loss, 1)
    assert s.settings.batch_loss == "sum" and c.batch_loss.currentText() == "sum over the batch"
    s.undo_stack.undo()
    assert s.settings.batch_loss == "mean" and c.batch_loss.currentText() == "mean over the batch"


def test_a_sum_batch_loss_steps_four_times_as_far_on_xor(qtbot, make_window):
    """XOR has four samples: with the summed loss one full-batch step moves θ four times the mean's."""
    from backprop_lab.core.io import presets
    window = make_window(presets.resolve("xor"))
    s, c = window.session, window.controls
    choose(qtbot, c.mode, 2)
    theta0 = s.net.theta.copy()
    qtbot.mouseClick(c.step_button, Qt.MouseButton.LeftButton)
    mean_step = s.net.theta - theta0
    s.undo_stack.undo()
    choose(qtbot, c.batch_loss, 1)
    qtbot.mouseClick(c.step_button, Qt.MouseButton.LeftButton)
    assert abs((s.net.theta - theta0) - 4 * mean_step).max() < 1e-12
    assert abs(mean_step).max() > 1e-6


def test_the_plain_sum_of_squares_is_a_loss_of_the_architecture_panel(qtbot, window):
    s, panel = window.session, window.architecture
    i = panel.loss.findData("sse")
    assert panel.loss.itemText(i) == "sum of squares"
    half = s.loss
    choose(qtbot, panel.loss, i)
    assert s.net.loss == "sse" and s.loss == pytest.approx(2 * half, rel=1e-12)
    s.undo_stack.undo()
    assert s.net.loss == "half_sse" and panel.loss.currentData() == "half_sse"
