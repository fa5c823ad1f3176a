"""Opening the Exercises tab as a learner does (a click on its tab) shows the first exercise at once,
having made only that one; the list's other rows are named a run at a time afterwards, each with the
name the whole set gives (issue 8: the largest network's 282 exercises froze the window on opening)."""
import numpy as np
from PySide6.QtCore import Qt

from backprop_lab.core.model.dataset import Dataset
from backprop_lab.core.model.network import MAX_LAYERS, MAX_NEURONS, LayerSpec, Network
from backprop_lab.core.model.project import Project
from backprop_lab.core.teaching.exercises import exercise_order, exercises

EXERCISES_TAB = 2


def largest() -> Project:
    rng = np.random.default_rng(1)
    net = Network(MAX_NEURONS, [LayerSpec(MAX_NEURONS) for _ in range(MAX_LAYERS)])
    net.theta[...] = rng.uniform(-1, 1, net.n_params) / np.sqrt(MAX_NEURONS)
    return Project(net, Dataset(rng.random((4, MAX_NEURONS)), rng.random((4, MAX_NEURONS))), name="largest")


def click_tab(qtbot, w, index):
    bar = w.teaching.tabBar()
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(index).center())
    assert w.teaching.currentIndex() == index


def test_opening_the_exercises_tab_on_the_largest_network_makes_only_the_shown_exercise(qtbot, make_window):
    p = largest()
    w = make_window(p)
    whole = exercises(p.net, p.data.X[0], p.data.Y[0], p.settings, exercise_order(p), set_id="largest",
                      mistakes=False)
    click_tab(qtbot, w, EXERCISES_TAB)
    panel = w.teaching.widget(EXERCISES_TAB)
    # the view: the first exercise asked, every exercise counted, one row per exercise
    assert f"<b>{whole[0].name}</b>" in panel.prompt.text() and str(whole[0].digits) in panel.prompt.text()
    assert panel.count_label.text() == f"0 of {len(whole)} solved"
    assert panel.list.count() == len(whole) == 282 and panel.list.currentRow() == 0
    assert panel.list.item(0).text().strip() == whole[0].name
    # the model: only the shown exercise was made, and it is the whole set's first
    made = [n for n in range(len(panel.items)) if panel.items.made(n) is not None]
    assert made == [0] and panel.current() == whole[0]
    assert panel.list.item(len(whole) - 1).text().strip() == "…"
    # the rest named afterwards, a run at a time, each as the whole set names it
    qtbot.waitUntil(lambda: panel.list.item(len(whole) - 1).text().strip() != "…", timeout=20000)
    assert [panel.list.item(n).text().strip() for n in range(len(whole))] == [e.name for e in whole]
    # Next goes on to the second, the same as the whole set's
    qtbot.mouseClick(panel.next_button, Qt.MouseButton.LeftButton)
    assert panel.current() == whole[1] and f"<b>{whole[1].name}</b>" in panel.prompt.text()


def test_opening_the_exercises_tab_on_seed004_asks_its_first_number(qtbot, window):
    click_tab(qtbot, window, EXERCISES_TAB)
    panel = window.teaching.widget(EXERCISES_TAB)
    assert "<b>z1</b>" in panel.prompt.text() and panel.list.item(0).text().strip() == "z1"
    qtbot.waitUntil(lambda: "…" not in panel.list.item(panel.list.count() - 1).text(), timeout=20000)
    names = [panel.list.item(n).text().strip() for n in range(panel.list.count())]
    assert names[:4] == ["z1", "z2", "h1", "h2"] and "…" not in names
