"""The walk-through driven as a learner drives it: the Start button, → and ←, leaving the walk, changing a
number and continuing. What the panel shows is compared with seed 004's printed numbers; what the
diagram highlights is compared with the neurons and edges each computation involves."""
from PySide6.QtCore import Qt
from teaching_host import EXERCISES, WALK, open_host, panel

from backprop_lab.core.numerics import engine

N = lambda l, j: ("n", l, j)               # noqa: E731
W = lambda l, i, j: ("W", l, i, j)         # noqa: E731

# Every number seed 004 prints for one pass and update, in the order the walk reaches it
# (forward, error, hidden-layer sums, gradients, updates). h2 is printed "0.0.52747230" (a typo).
SEED_IN_WALK_ORDER = [
    ("z1", "0.08000000"), ("h1", "0.51998934"), ("z2", "0.11000000"), ("h2", "0.52747230"),
    ("t1", "0.44498412"), ("o1", "0.60944600"), ("t2", "0.68047592"), ("o2", "0.66384491"),
    ("E1", "0.02193381"), ("E2", "0.00203809"), ("E_tot", "0.02397190"),
    ("∂E1/∂h1", "0.02243370"), ("∂E2/∂h1", "0.00997311"), ("∂E_tot/∂h1", "0.03240681"),
    ("∂h1/∂z1", "0.24960043"),
    ("∂E_tot/∂U11", "0.02592286"), ("∂E_tot/∂W11", "0.00080888"),
    ("U11⁺", "0.43703857"), ("U21⁺", "0.38685205"), ("U12⁺", "0.69629578"), ("U22⁺", "0.59624247"),
    ("W11⁺", "0.29959556"), ("W21⁺", "0.24919112"), ("W12⁺", "0.39964496"), ("W22⁺", "0.34928991"),
]

HIGHLIGHT = {   # result name -> the diagram items the step involves
    "t1": {N(1, 0), N(1, 1), N(2, 0), W(2, 0, 0), W(2, 1, 0)},
    "z2": {N(0, 0), N(0, 1), N(1, 1), W(1, 0, 1), W(1, 1, 1)},
    "h1": {N(1, 0)},
    "E_tot": {N(2, 0), N(2, 1)},
    "∂E2/∂h1": {N(1, 0), N(2, 1), W(2, 0, 1)},
    "∂E_tot/∂h1": {N(1, 0), N(2, 0), N(2, 1), W(2, 0, 0), W(2, 0, 1)},
    "∂E_tot/∂W11": {N(0, 0), N(1, 0), W(1, 0, 0)},
    "U11⁺": {W(2, 0, 0)},
}


def result(p) -> tuple[str, str]:
    name, _, value = p.result_view.text().partition(" = ")
    return name, value


def walk_to(qtbot, p, name):
    while result(p)[0] != name:
        assert p.next_button.isEnabled(), f"the walk never reached {name}"
        qtbot.mouseClick(p.next_button, Qt.MouseButton.LeftButton)


def test_walking_seed004_shows_every_printed_number_in_order_and_highlights_each_step(qtbot, host):
    s, p = host.session, panel(host, WALK)
    assert s.highlight == frozenset()
    qtbot.mouseClick(p.start_button, Qt.MouseButton.LeftButton)
    shown, highlights, progress = [], {}, []
    while True:
        name, value = result(p)
        shown.append((name, value))
        highlights[name] = set(s.highlight)
        progress.append(p.progress_label.text())
        assert s.highlight, f"nothing highlighted at {name}"
        if name == "t1":
            assert p.formula_view.text() == "t1 = U11·h1 + U21·h2"
            assert p.numbers_view.text() == "t1 = 0.45·0.51998934 + 0.4·0.52747230"
        if not p.next_button.isEnabled():
            break
        p.setFocus()
        qtbot.keyClick(p, Qt.Key.Key_Right)
    printed_names = {n for n, _ in SEED_IN_WALK_ORDER}
    assert [sv for sv in shown if sv[0] in printed_names] == SEED_IN_WALK_ORDER
    assert progress[0] == "step 1 of 44: forward" and progress[-1] == "step 44 of 44: update"
    assert "step 17 of 44: output layer" in progress and "step 18 of 44: hidden layer" in progress
    for name, items in HIGHLIGHT.items():
        assert highlights[name] == items, name
    assert shown[-1] == ("E_tot⁺", "0.02323634")      # the error after the update is smaller

    # ← walks back one step at a time; Leave clears the diagram's highlight
    qtbot.keyClick(p, Qt.Key.Key_Left)
    assert result(p) == ("W22⁺", "0.34928991") and s.highlight == {W(1, 1, 1)}
    qtbot.mouseClick(p.start_button, Qt.MouseButton.LeftButton)
    assert not p.active and s.highlight == frozenset()


def test_leave_edit_and_continue_goes_on_with_the_new_values(qtbot, host):
    s, p = host.session, panel(host, WALK)
    qtbot.mouseClick(p.start_button, Qt.MouseButton.LeftButton)
    walk_to(qtbot, p, "t1")
    index = p.index
    qtbot.mouseClick(p.start_button, Qt.MouseButton.LeftButton)        # leave the walk
    assert s.highlight == frozenset()
    assert s.edit_param(W(2, 0, 0), 0.5) is None                         # U11: 0.45 → 0.5
    assert p.start_button.text() == f"Continue the walk at step {index + 1}"
    qtbot.mouseClick(p.start_button, Qt.MouseButton.LeftButton)        # continue where it was left
    st = engine.evaluate(s.net, s.data.X[:1], s.data.Y[:1])
    assert p.index == index
    assert p.numbers_view.text() == "t1 = 0.5·0.51998934 + 0.4·0.52747230"
    assert result(p) == ("t1", f"{st.zs[2][0, 0]:.8f}") and result(p)[1] == "0.47098359"
    assert s.highlight == HIGHLIGHT["t1"]
    qtbot.mouseClick(p.next_button, Qt.MouseButton.LeftButton)
    assert result(p) == ("o1", f"{st.acts[2][0, 0]:.8f}")


def test_an_edit_while_walking_refreshes_the_step_at_once(qtbot, host):
    s, p = host.session, panel(host, WALK)
    qtbot.mouseClick(p.start_button, Qt.MouseButton.LeftButton)
    assert result(p) == ("z1", "0.08000000")
    s.edit_param(W(1, 0, 0), 0.5)                                        # W11: 0.3 → 0.5
    assert p.numbers_view.text() == "z1 = 0.5·0.1 + 0.25·0.2" and result(p) == ("z1", "0.10000000")
    s.undo()
    assert result(p) == ("z1", "0.08000000")


def test_arrows_go_to_a_text_field_that_has_the_focus_not_to_the_walk(qtbot, host):
    p = panel(host, WALK)
    qtbot.mouseClick(p.start_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(p.next_button, Qt.MouseButton.LeftButton)
    assert p.index == 1
    field = host.field
    field.setText("0.45")
    field.setFocus()
    field.setCursorPosition(0)
    qtbot.keyClick(field, Qt.Key.Key_Right)
    assert p.index == 1 and field.cursorPosition() == 1               # the field took the arrow
    # a focused button of the panel does not move the focus on →: the walk steps
    p.next_button.setFocus()
    qtbot.keyClick(p.next_button, Qt.Key.Key_Right)
    assert p.index == 2
    # an arrow that no child wants reaches the window and steps the walk
    host.setFocus()
    qtbot.keyClick(host, Qt.Key.Key_Left)
    assert p.index == 1


def test_hiding_the_panel_clears_the_highlight_and_showing_it_restores_it(qtbot, host):
    s, p = host.session, panel(host, WALK)
    qtbot.mouseClick(p.start_button, Qt.MouseButton.LeftButton)
    assert s.highlight == {N(0, 0), N(0, 1), N(1, 0), W(1, 0, 0), W(1, 1, 0)}
    host.tabs.setCurrentIndex(1)
    assert s.highlight == frozenset()
    host.tabs.setCurrentIndex(WALK)
    assert s.highlight == {N(0, 0), N(0, 1), N(1, 0), W(1, 0, 0), W(1, 1, 0)}


def test_the_walk_is_typeset(qtbot, host):
    p = panel(host, WALK)
    qtbot.mouseClick(p.start_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: all(v.is_typeset() for v in (p.formula_view, p.numbers_view, p.result_view)))
    assert p.result_view.latex() == "z_{1} = 0.08000000"
    assert not p.result_view.renderer().defaultSize().isEmpty()


def test_momentum_shows_the_velocity_per_weight(qtbot, settings_clean):
    win = open_host(qtbot, "seed003")
    p = panel(win, WALK)
    qtbot.mouseClick(p.start_button, Qt.MouseButton.LeftButton)
    names = []
    while p.next_button.isEnabled():
        names.append(result(p)[0])
        qtbot.mouseClick(p.next_button, Qt.MouseButton.LeftButton)
    assert any(n.startswith("v") and n.endswith("⁺") for n in names)
    assert "μ = 0.5" in p.sample_label.text()


def test_switching_between_walk_and_exercises_keeps_the_shown_panels_highlight(qtbot, host):
    s, p = host.session, panel(host, WALK)
    qtbot.mouseClick(p.start_button, Qt.MouseButton.LeftButton)
    walk_to(qtbot, p, "t1")
    host.tabs.setCurrentIndex(EXERCISES)                 # exercise z1: x1, x2, W11, W21 → z1
    z1 = {N(0, 0), N(0, 1), N(1, 0), W(1, 0, 0), W(1, 1, 0)}
    assert s.highlight == z1
    host.tabs.setCurrentIndex(WALK)
    assert s.highlight == HIGHLIGHT["t1"]
    host.tabs.setCurrentIndex(EXERCISES)
    assert s.highlight == z1


def test_the_update_step_shows_adams_moments_after_the_trainers_steps(qtbot, host):
    """Adam chosen and three steps taken: the walk's update of U11 shows m⁺, v⁺, m̂ and v̂ from the trainer's
    m, v and t, and its U11⁺ is the value the next step gives."""
    s, p = host.session, panel(host, WALK)
    s.set_rule("adam")
    s.step(3)
    qtbot.mouseClick(p.start_button, Qt.MouseButton.LeftButton)
    walk_to(qtbot, p, "mU11⁺")
    assert p.formula_view.text() == "mU11⁺ = β₁·mU11 + (1 − β₁)·∂E_tot/∂U11"
    m_shown = float(result(p)[1])
    walk_to(qtbot, p, "v̂U11")
    assert p.formula_view.text() == "v̂U11 = vU11⁺/(1 − β₂^t)" and "0.999^4" in p.numbers_view.text()
    walk_to(qtbot, p, "U11⁺")
    shown = float(result(p)[1])
    i = s.net.param_index("W", 2, 0, 0)
    s.step(1)
    assert abs(shown - s.net.theta[i]) < 1e-8 and abs(m_shown - s.trainer.opt.m[i]) < 1e-8
