"""Views that skip work while no one can see them (a dock tabbed behind another, the teaching panels
during Run) show the present numbers as soon as they are seen again; a formula edited several times in
a row is shown at once as text and typeset once it stands still."""
from gui_drive import type_into_cell
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication, QTabBar

from backprop_lab.core.teaching.walkthrough import walk
from backprop_lab.gui.numbers import fmt

W11 = ("W", 1, 0, 0)


def dock_tab(qtbot, window, title: str) -> None:
    """Click the tab of a dock tabbed with another, as a person does; a dock seen on its own (Selected and
    Learn each have theirs) needs no click."""
    dock = next(d for d in (window.selected_dock, window.teaching_dock) if d.windowTitle() == title)
    if not window.tabifiedDockWidgets(dock):
        assert dock.isVisible() and not dock.visibleRegion().isEmpty()
        qtbot.mouseClick(dock.widget(), Qt.MouseButton.LeftButton, pos=QPoint(2, 2))     # the eye goes there
        return
    def bar_of():
        bars = [b for b in window.findChildren(QTabBar) if b.parent() is window and b.isVisible()]
        return next((b for b in bars if title in [b.tabText(i) for i in range(b.count())]), None)
    qtbot.waitUntil(lambda: bar_of() is not None)
    bar = bar_of()
    index = next(i for i in range(bar.count()) if bar.tabText(i) == title)
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(index).center())
    assert bar.currentIndex() == index
    qtbot.waitUntil(lambda: not dock.visibleRegion().isEmpty())


def first_walk_step(session):
    s = session
    return walk(s.net, s.data.X[0], s.data.Y[0], s.settings)[0]


def test_a_dock_behind_another_shows_the_present_numbers_when_its_tab_is_clicked(qtbot, window):
    s = window.session
    # The learner stacks Selected and Learn in one place (they have a dock each by default).
    window.tabifyDockWidget(window.selected_dock, window.teaching_dock)
    window.teaching_dock.raise_()
    qtbot.waitUntil(lambda: window.selected_dock.visibleRegion().isEmpty())
    selected, walk_panel = window.selected, window.teaching.widget(0)
    assert walk_panel.isVisible()
    type_into_cell(qtbot, window.values.weights.tables[0], 0, 0, "0.123")     # Learn in front
    assert s.selection == W11 and s.value(W11) == 0.123
    dock_tab(qtbot, window, "Selected")
    shown = selected.text.toPlainText()                   # what the panel's document holds and paints
    assert f"W11 = {fmt(0.123)}" in shown
    assert f"∂E/∂W11 = {fmt(s.grad(W11))}" in shown
    type_into_cell(qtbot, window.values.weights.tables[0], 0, 0, "0.321")     # Selected in front now
    assert f"W11 = {fmt(0.321)}" in selected.text.toPlainText()
    dock_tab(qtbot, window, "Learn")
    assert walk_panel.numbers_view.text() == first_walk_step(s).substituted


def test_the_teaching_panels_wait_for_the_pause_greyed_and_then_show_its_numbers(qtbot, window):
    s, walk_panel = window.session, window.teaching.widget(0)
    run = window.controls.run_button
    qtbot.mouseClick(run, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: s.step_count > 50, timeout=5000)
    assert not walk_panel.isEnabled()
    qtbot.mouseClick(run, Qt.MouseButton.LeftButton)      # Pause
    assert s.training_state == "idle" and walk_panel.isEnabled()
    assert walk_panel.numbers_view.text() == first_walk_step(s).substituted
    assert walk_panel.result_view.text() == first_walk_step(s).result


def test_a_formula_edited_in_a_row_shows_as_text_at_once_and_is_typeset_when_it_stands_still(qtbot, window):
    s, view = window.session, window.teaching.widget(0).numbers_view
    for k in range(5):                                     # as a drag on the number would
        assert s.edit_param(W11, 0.3 + 0.0001234 * (k + 1)) is None
        assert view.text() == first_walk_step(s).substituted
        QApplication.processEvents()
    qtbot.waitUntil(view.is_typeset, timeout=5000)
    assert view.latex().startswith("z_{1} = ")
    assert view.text() == first_walk_step(s).substituted


def test_a_small_weight_reads_the_same_in_the_selected_panel_the_table_and_the_walk_through(qtbot, window):
    """One number format (core.model.numbers): 1.2345e-5 is not "1.2345e-05" in one view and
    "0.00001234" in another."""
    s = window.session
    type_into_cell(qtbot, window.values.weights.tables[0], 0, 0, "1.2345e-5")
    assert s.value(W11) == 1.2345e-5
    dock_tab(qtbot, window, "Selected")
    assert "W11 = 0.00001234" in window.selected.text.toPlainText()
    assert window.values.weights.tables[0].model().index(0, 0).data() == "0.00001234"
    assert "0.00001234" in first_walk_step(s).substituted
