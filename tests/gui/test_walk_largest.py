"""On the largest network (32 inputs, 8 layers of 32) the walk-through writes only the unit of the step it
shows after an edit, an undo or a pause (issue 8: writing all 25,378 steps froze the window for seconds
each time), and what it shows is the step of the whole walk of the new state."""
from gui_drive import type_into_cell
from PySide6.QtCore import Qt

from backprop_lab.core.model.network import MAX_LAYERS, MAX_NEURONS
from backprop_lab.core.teaching.walkthrough import LazyWalk
from backprop_lab.gui.diagram.view import _project_for
from backprop_lab.gui.numbers import shown_digits
from backprop_lab.gui.teaching.typeset import flush
from backprop_lab.gui.teaching.widgets import walk_opt, walk_sample, walk_velocity

LARGEST = "-".join([str(MAX_NEURONS)] * (MAX_LAYERS + 1))


def fresh_step(s, index):
    """The step as a walk made anew from the session's state says it (core's walk, read at one place)."""
    k = walk_sample(s)
    return LazyWalk(s.named_net, s.data.X[k], s.data.Y[k], s.settings, walk_velocity(s), digits=shown_digits(),
                    opt=walk_opt(s))[index]


def assert_shows_only(p, s, index):
    step = fresh_step(s, index)
    assert p.index == index and p.steps.units_written == 1
    assert p.result_view.text() == step.result and p.numbers_view.text() == step.substituted
    assert p.progress_label.text() == f"step {index + 1} of 25378: hidden layer"
    assert s.highlight == step.highlight


def test_on_the_largest_network_an_edit_undo_or_pause_writes_only_the_shown_steps_unit(qtbot, make_window):
    window = make_window(_project_for(LARGEST))
    s, p = window.session, window.teaching.widget(0)
    qtbot.mouseClick(p.start_button, Qt.MouseButton.LeftButton)
    assert p.steps.units_written == 1 and p.progress_label.text() == "step 1 of 25378: forward"
    # z1[1]'s 32 terms are not typeset (most of a second, the window frozen): plain text, whole
    flush()
    step = fresh_step(s, 0)
    for view, text in ((p.formula_view, step.formula), (p.numbers_view, step.substituted)):
        assert view.too_long() and not view.is_typeset() and view.text() == text
    assert p.result_view.is_typeset()
    index = 512 + 33 + 96 + 35 * 40 + 2       # a path of the 41st hidden neuron's sum (tests/core/test_walk_lazy)
    p.go(index - 2)                            # the first step of that unit
    for _ in range(2):
        qtbot.keyClick(p, Qt.Key.Key_Right)
    assert p.steps.units_written == 2          # the first step's unit, then the shown one's
    before = p.result_view.text()

    type_into_cell(qtbot, window.values.weights.tables[0], 0, 0, "0.9")      # W11 of the first layer
    assert s.value(("W", 1, 0, 0)) == 0.9
    assert_shows_only(p, s, index)
    assert p.result_view.text() != before     # the edit reaches the deep layers' sums

    window.undo_action.trigger()                  # Edit → Undo
    assert s.value(("W", 1, 0, 0)) != 0.9
    assert_shows_only(p, s, index)
    assert p.result_view.text() == before

    run = window.controls.run_button
    qtbot.mouseClick(run, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: s.step_count > 0, timeout=20000)
    qtbot.mouseClick(run, Qt.MouseButton.LeftButton)      # Pause
    qtbot.waitUntil(lambda: s.training_state == "idle", timeout=20000)
    assert_shows_only(p, s, index)
