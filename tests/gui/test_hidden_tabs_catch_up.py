"""A Learn tab that is not in front does not recompute on an edit (its numbers would cost the edit's
time for no one: issue 8, the largest network's edit within 100 ms); clicked, it shows the present
numbers at once, core's, before it is painted."""
import pytest
from gui_drive import click_tab, type_into_cell

from backprop_lab.core.numerics import engine
from backprop_lab.gui.teaching.widgets import number_text

W11 = ("W", 1, 0, 0)
DERIVE, GRADIENT = 1, 4


def shown(panel, tab: int) -> str:
    return panel.result_label().text() if tab == DERIVE else panel.analytic.text()


@pytest.mark.parametrize("tab", [DERIVE, GRADIENT])
def test_a_tab_behind_the_walk_shows_an_edit_when_clicked(qtbot, window, tab):
    s = window.session
    click_tab(qtbot, window.teaching, tab)                     # made once, then behind the walk
    panel = window.teaching.currentWidget()
    type_into_cell(qtbot, window.values.weights.tables[0], 0, 0, "0.25")
    assert s.selection == W11
    click_tab(qtbot, window.teaching, 0)
    before = shown(panel, tab)
    type_into_cell(qtbot, window.values.weights.tables[0], 0, 0, "0.75")
    assert s.value(W11) == 0.75
    assert shown(panel, tab) == before                         # not recomputed while behind
    click_tab(qtbot, window.teaching, tab)
    fresh = engine.evaluate(s.net, s.data.X, s.data.Y).grad[s.index(W11)]
    assert shown(panel, tab) != before
    assert shown(panel, tab) == (number_text(fresh) if tab == DERIVE else number_text(fresh, digits=10))
