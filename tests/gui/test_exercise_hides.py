"""An exercise hides the number it asks for: while the learner works it out, the diagram, the tables,
the Selected panel (its chain rule and next update included) and the status bar show "?" in its
place; the right answer (or "Show the answer") reveals it, and leaving the exercise tab shows every
number again. Driven as a learner does: clicks on the Learn tab, the exercise list, the dock tabs."""
import numpy as np
import pytest
from gui_drive import click_tab, type_into_cell
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTabBar
from teaching_host import DERIVATION, open_host, panel

from backprop_lab.core.io.presets import load_preset
from backprop_lab.core.teaching.walkthrough import walk
from backprop_lab.gui.hidden import HIDDEN, keys_for
from backprop_lab.gui.panels.neuron_model import COLUMNS

EXERCISES, WALK = 2, 0


def choose(qtbot, ex, name):
    row = next(n for n, e in enumerate(ex.items) if e.name == name)
    ex.list.scrollToItem(ex.list.item(row))
    rect = ex.list.visualItemRect(ex.list.item(row))
    qtbot.mouseClick(ex.list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert ex.current().name == name


def answer(qtbot, ex, text):
    ex.answer.clear()
    qtbot.keyClicks(ex.answer, text)
    qtbot.keyClick(ex.answer, Qt.Key.Key_Return)
    return ex.last_verdict


def raise_dock(qtbot, w, dock):
    """Click the dock's tab where it shares a place with others; one seen on its own (Selected and Learn
    each have a dock) needs no click."""
    if not w.tabifiedDockWidgets(dock):
        assert not dock.visibleRegion().isEmpty()
        return
    for bar in w.findChildren(QTabBar):
        if bar.parentWidget() is w:
            for i in range(bar.count()):
                if bar.tabText(i) == dock.windowTitle():
                    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(i).center())
                    qtbot.waitUntil(lambda: not dock.visibleRegion().isEmpty())
                    return
    raise AssertionError(f"no tab for {dock.windowTitle()}")


@pytest.fixture
def learner(qtbot, make_window):
    w = make_window()
    click_tab(qtbot, w.teaching, EXERCISES)
    return w, w.teaching.widget(EXERCISES)


def neuron_text(w, l, j):
    return w.diagram.diagram.neurons[("n", l, j)].number.text


def neuron_cell(w, l, j, q):
    model = w.values.neurons.model()
    row = [(ll, jj) for ll in range(w.session.net.depth + 1) for jj in range(w.session.net.sizes[ll])].index((l, j))
    return model.data(model.index(row, COLUMNS.index(q)))


def test_h1_is_hidden_everywhere_until_the_right_answer(qtbot, learner):
    w, ex = learner
    s = w.session
    assert neuron_text(w, 1, 0) == "0.520"
    choose(qtbot, ex, "h1")
    assert ("a", 1, 0) in s.hidden
    qtbot.waitUntil(lambda: neuron_text(w, 1, 0) == HIDDEN)
    assert neuron_text(w, 1, 1) == "0.527"                     # only the asked number
    assert neuron_cell(w, 1, 0, "a") == HIDDEN
    assert neuron_cell(w, 1, 0, "z") == "0.08"                 # what h1 is computed from stays
    assert neuron_cell(w, 1, 1, "a") == "0.52747230"
    # the Selected panel (its dock tab): U11's chain rule has h1 as a factor
    raise_dock(qtbot, w, w.selected_dock)
    assert s.hidden                                           # the exercise is still open
    text = w.selected.text.text()
    assert "0.20944600 × 0.23802157 × ? = <b>0.02592286</b>" in text
    assert "0.51998934" not in text
    # the learner clicks h1 in the diagram
    view = w.diagram
    item = view.diagram.neurons[("n", 1, 0)]
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=view.mapFromScene(item.scenePos()))
    assert s.selection == ("n", 1, 0)
    assert "h1 = <b>?</b>" in w.selected.text.text()
    assert "0.51998934" not in w.selected.text.text()
    # a wrong answer keeps it hidden, the right one reveals it everywhere
    raise_dock(qtbot, w, w.teaching_dock)
    assert not answer(qtbot, ex, "0.6").correct
    assert neuron_text(w, 1, 0) == HIDDEN
    assert answer(qtbot, ex, "0.5200").correct
    assert s.hidden == frozenset()
    assert neuron_text(w, 1, 0) == "0.520"
    assert neuron_cell(w, 1, 0, "a") == "0.51998934"
    assert "h1 = <b>0.51998934</b>" in w.selected.text.text()


def test_a_gradient_is_hidden_in_the_table_the_chain_and_the_next_update(qtbot, learner):
    w, ex = learner
    s = w.session
    choose(qtbot, ex, "∂E_tot/∂U11")
    assert s.hidden == keys_for("dE/dW2[1,1]")
    grads = w.values.gradients.tables[1].model()             # dE/dU: rows h1, h2; columns o1, o2
    assert grads.data(grads.index(0, 0)) == HIDDEN
    assert grads.data(grads.index(0, 1)) == "0.00740844"
    assert grads.data(grads.index(0, 0), Qt.ItemDataRole.ToolTipRole) == "dE/dU11 = ?"
    raise_dock(qtbot, w, w.selected_dock)
    text = w.selected.text.text()
    assert "∂E/∂U11 = <b>?</b>" in text
    assert "0.20944600 × 0.23802157 × 0.51998934 = <b>?</b>" in text
    assert "0.45 − 0.5 × ? = <b>?</b>" in text                # U11⁺ would give it away
    assert "0.02592286" not in text and "0.43703857" not in text
    assert w.status.loss.text() == "E = 0.02397190"
    scene = w.diagram.diagram
    assert "∂E/∂U11 = ?" in scene.tooltip_for(scene.edges[("W", 2, 0, 0)])
    # "Show the answer" reveals it
    raise_dock(qtbot, w, w.teaching_dock)
    qtbot.mouseClick(ex.reveal_button, Qt.MouseButton.LeftButton)
    assert ex.verdict.text() == "∂E_tot/∂U11 = 0.02592286"
    assert grads.data(grads.index(0, 0)) == "0.02592286"


def test_the_loss_is_hidden_on_the_diagram_and_in_the_status_bar(qtbot, learner):
    w, ex = learner
    scene = w.diagram.diagram
    assert scene.total.text == "0.0240"
    choose(qtbot, ex, "E_tot")
    assert scene.total.text == HIDDEN and w.status.loss.text() == "E = ?"
    assert scene.terms[0].text == "0.0219"                   # E1 and E2 stay: the sum is the exercise
    choose(qtbot, ex, "E1")
    assert scene.total.text == "0.0240" and scene.terms[0].text == HIDDEN
    assert w.status.loss.text() == "E = 0.02397190"


def test_leaving_the_exercise_tab_shows_every_number_again(qtbot, learner):
    w, ex = learner
    choose(qtbot, ex, "h1")
    assert neuron_text(w, 1, 0) == HIDDEN
    click_tab(qtbot, w.teaching, WALK)
    assert w.session.hidden == frozenset()
    assert neuron_text(w, 1, 0) == "0.520"
    click_tab(qtbot, w.teaching, EXERCISES)                  # back: the same exercise, hidden again
    assert ex.current().name == "h1"
    assert neuron_text(w, 1, 0) == HIDDEN
    # the learner types W11 = 0.5 while h1 is hidden: the new h1 stays hidden, the rest follows
    click_tab(qtbot, w.values, 0)
    type_into_cell(qtbot, w.values.weights.tables[0], 0, 0, "0.5")
    assert w.session.value(("W", 1, 0, 0)) == 0.5
    assert neuron_text(w, 1, 0) == HIDDEN
    assert neuron_cell(w, 1, 0, "z") == "0.1"
    # the next exercise hides its own number instead
    qtbot.mouseClick(ex.next_button, Qt.MouseButton.LeftButton)
    assert ex.current().name == "h2"
    assert neuron_text(w, 1, 0) == "0.525" and neuron_text(w, 1, 1) == HIDDEN    # σ(0.1)


def _expected(step) -> tuple:
    """What each walk step is, from its kind, layer and index (not from its quantity's text)."""
    k, l, i = step.kind, step.layer, step.index
    param = {"W": lambda: ("W", l) + tuple(i), "b": lambda: ("b", l, i[0])}
    p = step.quantity.split(":")[-1].split("/d")[-1][0]
    return {"z": lambda: ("z", l, i[0]), "a": lambda: ("a", l, i[0]), "loss_term": lambda: ("term", i[0]),
            "loss": lambda: ("loss",), "dE/do": lambda: ("dE/da", l, i[0]), "da/dz": lambda: ("da/dz", l, i[0]),
            "delta": lambda: ("delta", l, i[0]), "path": lambda: ("path", l, i[0], i[1]),
            "dE/da": lambda: ("dE/da", l, i[0]), "grad": lambda: ("grad",) + param[p](),
            "velocity": lambda: ("velocity",) + param[p](), "updated": lambda: ("new",) + param[p](),
            "loss_after": lambda: ("loss+",)}[k]()


@pytest.mark.parametrize("preset", ["seed000", "seed001", "seed002", "seed003", "seed004", "xor"])
def test_every_walk_quantity_names_what_it_hides(preset):
    p = load_preset(preset)
    velocity = np.full_like(p.net.theta, 0.01) if p.settings.momentum else None
    for step in walk(p.net, p.data.X[0], p.data.Y[0], p.settings, velocity):
        assert keys_for(step.quantity) == {("q", step.quantity), _expected(step)}, step.quantity


def test_the_derivation_and_the_walk_hide_it_too(qtbot, settings_clean):
    """Outside the window's tabs (where only one Learn panel shows at a time) the derivation and the
    walk-through honour the hidden set as well."""
    host = open_host(qtbot, tab=DERIVATION)
    s, p = host.session, panel(host, DERIVATION)
    numbers = lambda: [lab.text() for lab in p.number_labels()]     # noqa: E731
    assert numbers() == ["0.20944600", "0.23802157", "0.51998934", "0.02592286"]
    s.set_hidden(keys_for("a1[1]"))
    assert numbers() == ["0.20944600", "0.23802157", HIDDEN, "0.02592286"]
    s.set_hidden(keys_for("da2[1]/dz2[1]"))
    assert numbers() == ["0.20944600", HIDDEN, "0.51998934", "0.02592286"]
    s.set_hidden(keys_for("dE/dW2[1,1]"))
    assert numbers() == ["0.20944600", "0.23802157", "0.51998934", HIDDEN]
    s.select(("W", 1, 0, 0))                                  # a hidden weight: the paths of ∂E/∂h1
    s.set_hidden(keys_for("dE1/da1[1]"))
    assert HIDDEN in numbers() and "0.02243370" not in numbers() and "0.00997311" in numbers()
    s.set_hidden(())
    assert "0.02243370" in numbers()
    walk = panel(host, WALK)
    s.set_hidden(keys_for("z1[1]"))
    qtbot.mouseClick(walk.start_button, Qt.MouseButton.LeftButton)
    assert walk.result_view.text() == "z1 = ?"
    qtbot.mouseClick(walk.next_button, Qt.MouseButton.LeftButton)
    assert walk.result_view.text() == "h1 = 0.51998934"
