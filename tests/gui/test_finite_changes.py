"""The finiteness rule (engine.first_not_finite) holds for every change that keeps the weights, not only
a typed number: a drag of a weight, a new activation or loss, samples added, moved or imported. Each that
would make a value infinite or NaN is refused where the learner acted, says which value, and changes
nothing (a run that ends at huge weights, then such a change, left the window evaluating inf − inf)."""
import numpy as np
import pytest
from gui_drive import choose, click_tab, type_into_cell
from PySide6.QtCore import Qt
from test_data_dialog import open_dialog, type_path, write
from test_data_view import drag as drag_on_plane
from test_data_view import open_data_view, shown_points, widget_pos
from test_diagram import centre_of, drag

from backprop_lab.core.model.dataset import Dataset
from backprop_lab.core.model.network import LayerSpec, Network
from backprop_lab.core.model.project import Project
from backprop_lab.core.model.settings import Settings
from backprop_lab.core.numerics import engine
from backprop_lab.gui.language import current as current_language


def huge(n_inputs: int, activation: str, w: list[float], X, Y) -> Project:
    net = Network(n_inputs, [LayerSpec(1, activation, "none")], "half_sse", theta=np.array(w))
    return Project(net, Dataset(X, Y), Settings(), name="huge")


def unchanged(s, theta, X, count=0):
    assert np.array_equal(s.net.theta, theta) and np.array_equal(s.data.X, X)
    assert s.undo_stack.count() == count
    assert engine.first_not_finite(s.net, s.data.X, s.data.Y) is None and np.isfinite(s.loss)


def test_a_weight_dragged_past_what_the_loss_can_hold_stops_where_it_was(qtbot, make_window):
    # E = ½(w·1)² = 5e307 at w = 1e154; the drag's step is 1e153 a pixel, so 17 pixels make E inf
    window = make_window(huge(1, "identity", [1e154], [[1.0]], [[0.0]]))
    s, view = window.session, window.diagram
    theta = s.net.theta.copy()
    drag(view, centre_of(view, view.diagram.edges[("W", 1, 0, 0)].label), 100)
    assert "would make E1 infinite or NaN; the value was not changed" in window.status.note.text()
    unchanged(s, theta, s.data.X)


def test_an_activation_that_would_overflow_is_refused_in_the_panel(qtbot, make_window):
    # σ(1e200) = 1, but an identity output passes 1e200 on and E = ½(1e200 − 0.5)² is inf
    window = make_window(huge(1, "sigmoid", [1e200], [[1.0]], [[0.5]]))
    s, panel = window.session, window.architecture
    theta = s.net.theta.copy()
    _size, act, _bias = panel.rows[0]
    choose(qtbot, act, act.findData("identity"))
    said = "Change the architecture would make E1 of sample 1 infinite or NaN; nothing was changed"
    assert said in panel.reason.text() and said in window.status.note.text()
    assert s.net.layers[0].activation == "sigmoid" and panel.rows[0][1].currentData() == "sigmoid"
    unchanged(s, theta, s.data.X)


def test_imported_samples_that_would_overflow_are_refused_in_the_dialog(qtbot, make_window, tmp_path):
    # every sample in use has x1 = 0, so W1[1,1] = 1e200 is harmless there; the file's x1 = 3 is not
    window = make_window(huge(2, "identity", [1e200, 1.0], [[0.0, 1.0], [0.0, 2.0]], [[0.0], [1.0]]))
    s = window.session
    theta, X = s.net.theta.copy(), s.data.X.copy()
    dialog = open_dialog(qtbot, window, 1)
    type_path(qtbot, dialog, write(tmp_path / "far.csv", "x1,x2,y\n0,1,0\n3,1,1\n"))
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible()
    assert dialog.error.text() == f"Import {tmp_path / 'far.csv'} would make E1 of sample 2 infinite or NaN; " \
                                  "nothing was changed"
    unchanged(s, theta, X)


@pytest.mark.parametrize("language,said", [
    ("en", "Add sample would make E1 of sample 2 infinite or NaN; nothing was changed"),
    ("ko", "샘플 추가: 샘플 2의 E1이(가) 무한대나 NaN이 되므로 아무것도 바꾸지 않았습니다"),
])
def test_a_sample_added_where_it_would_overflow_is_refused(qtbot, make_window, language, said):
    # the values panel's Add puts a sample of zeros: with a bias of 1e200 on an identity output, inf
    net = Network(1, [LayerSpec(1, "identity", "neuron")], "half_sse", theta=np.array([0.0, 1e200]))
    window = make_window(Project(net, Dataset([[1.0]], [[1e200]]), Settings(), name="huge"))
    current_language().switch(language)        # put back by make_window
    s = window.session
    theta, X = s.net.theta.copy(), s.data.X.copy()
    click_tab(qtbot, window.values, 3)
    qtbot.mouseClick(window.values.data_tab.add, Qt.MouseButton.LeftButton)
    assert said in window.status.note.text(), window.status.note.text()
    unchanged(s, theta, X)


def test_a_point_dragged_where_it_would_overflow_goes_back(qtbot, make_window):
    # x1 = 0 in every sample: W1[1,1] = 1e300 is harmless until a point is dragged to x1 = 0.7
    project = huge(2, "identity", [1e300, 1.0], [[0.0, 0.0], [0.0, 1.0]], [[0.0], [1.0]])
    window, view = open_data_view(qtbot, make_window, project)
    s = window.session
    theta, X = s.net.theta.copy(), s.data.X.copy()
    drag_on_plane(qtbot, view.plot.viewport(), widget_pos(view, 0.0, 1.0), widget_pos(view, 0.7, 0.6))
    assert "Move sample 2 would make E1 of sample 2 infinite or NaN; nothing was changed" in \
        window.status.note.text()
    unchanged(s, theta, X)
    assert np.array_equal(shown_points(view), X)


def test_a_reset_to_weights_the_samples_in_use_cannot_bear_is_refused(qtbot, make_window, tmp_path):
    # started with W1[1,1] = 1e300 (harmless on x1 = 0), typed 1, then samples with x1 = 3 imported:
    # the starting weights no longer fit the data
    window = make_window(huge(2, "identity", [1e300, 1.0], [[0.0, 1.0], [0.0, 2.0]], [[0.0], [1.0]]))
    s = window.session
    click_tab(qtbot, window.values, 0)
    type_into_cell(qtbot, window.values.weights.tables[0], 0, 0, "1")
    dialog = open_dialog(qtbot, window, 1)
    type_path(qtbot, dialog, write(tmp_path / "far.csv", "x1,x2,y\n0,1,0\n3,1,1\n"))
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible() and s.net.theta[0] == 1.0 and s.data.X[1, 0] == 3.0
    theta, X = s.net.theta.copy(), s.data.X.copy()
    qtbot.mouseClick(window.controls.reset_button, Qt.MouseButton.LeftButton)
    assert "Reset to the starting weights would make E1 of sample 2 infinite or NaN; nothing was changed" in \
        window.status.note.text()
    unchanged(s, theta, X, count=2)


def test_a_past_step_the_samples_in_use_cannot_bear_is_not_shown(qtbot, make_window, tmp_path):
    # trained with W1[1,1] = 1e300 on x1 = 0 (its gradient is 0 there), then W1[1,1] typed 1 and samples
    # with x1 = 3 imported: a step of the past, shown with today's samples, would be inf
    from test_long_lookback import click_step
    window = make_window(huge(2, "identity", [1e300, 1.0], [[0.0, 1.0], [0.0, 2.0]], [[0.0], [1.0]]))
    s = window.session
    window.controls.n_spin.setValue(20)
    qtbot.mouseClick(window.controls.step_n_button, Qt.MouseButton.LeftButton)
    click_tab(qtbot, window.values, 0)
    type_into_cell(qtbot, window.values.weights.tables[0], 0, 0, "1")
    dialog = open_dialog(qtbot, window, 1)
    type_path(qtbot, dialog, write(tmp_path / "far.csv", "x1,x2,y\n0,1,0\n3,1,1\n"))
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible() and s.step_count == len(s.trace) == 20
    theta, X = s.net.theta.copy(), s.data.X.copy()
    click_step(qtbot, window, 10)
    assert "Showing step 10 would make E1 of sample 2 infinite or NaN; nothing was changed" in \
        window.status.note.text(), window.status.note.text()
    assert s.viewing_step is None
    unchanged(s, theta, X, count=3)
