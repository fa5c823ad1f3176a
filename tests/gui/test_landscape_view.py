"""The loss landscape dock: clicking two edges in the diagram draws the loss over those two weights
(a 200 × 200 grid equal to core's), with the present point, the −∇E arrow and the path training took;
one parameter gives a curve; dragging a picked weight moves the point without a new grid."""
import numpy as np
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from backprop_lab.core.io import presets
from backprop_lab.core.numerics import engine
from backprop_lab.core.numerics import landscape as ls
from backprop_lab.gui.on_screen import on_screen
from backprop_lab.gui.panels.landscape import DRAG_GRID

W111, W121 = ("W", 1, 0, 0), ("W", 1, 1, 0)


def edge_point(view, edge):
    """A point on the edge's line, or on its weight's chip where the chips cover the line (a narrow centre:
    the docks of 1024-pixel layout leave it 590 pixels at 1280): either click selects that weight."""
    for mine in ((edge,), (edge, edge.label)):
        for k in range(10, 91, 2):
            p = view.mapFromScene(edge.line.pointAt(k / 100))
            if view.itemAt(p) in mine:
                return p
    raise AssertionError(f"no visible point on {edge.key}")


def click_edge(window, key):
    view = window.diagram
    QTest.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                     edge_point(view, view.diagram.edges[key]))


def open_landscape(qtbot, make_window):
    window = make_window(presets.resolve("xor"))
    window.landscape_dock.raise_()            # as a click on its tab does
    qtbot.waitUntil(lambda: on_screen(window.landscape))
    return window, window.landscape


def test_two_clicked_edges_give_the_loss_map_with_point_arrow_and_path(qtbot, make_window):
    window, view = open_landscape(qtbot, make_window)
    s = window.session
    window.controls.n_spin.setValue(300)
    qtbot.mouseClick(window.controls.step_n_button, Qt.MouseButton.LeftButton)
    click_edge(window, W111)
    click_edge(window, W121)
    assert s.view.picked == (W111, W121)
    assert view.title.text() == "E over W1[1,1] and W1[2,1]"
    i, j = s.index(W111), s.index(W121)
    assert view.image.isVisible() and view.image.image.shape == (ls.GRID, ls.GRID)
    expected = ls.landscape(s.net, s.data.X, s.data.Y, [i, j], view._ranges)
    np.testing.assert_array_equal(view.image.image, expected.loss)
    lo, hi = view.image.levels
    assert lo == expected.loss.min() and hi > lo
    xs, ys = view.point.getData()
    assert (xs[0], ys[0]) == (s.net.theta[i], s.net.theta[j])
    px, py = view.path.getData()
    assert len(px) == 301 and (px[-1], py[-1]) == (s.net.theta[i], s.net.theta[j])
    assert (px[0], py[0]) == (s.start_theta[i], s.start_theta[j])
    sx, sy = view.shaft.getData()
    g = engine.evaluate(s.net, s.data.X, s.data.Y).grad[[i, j]]
    d = np.array([sx[1] - sx[0], sy[1] - sy[0]])
    assert np.dot(d, -g) > 0.999 * np.linalg.norm(d) * np.linalg.norm(g)   # along −∇E
    # one parameter: a curve over the last one clicked
    view.two_box.click()
    xs, ys = view.curve.getData()
    assert not view.image.isVisible() and len(xs) == ls.GRID
    np.testing.assert_array_equal(ys, ls.landscape(s.net, s.data.X, s.data.Y, [j], view._ranges).loss)


def test_dragging_a_picked_weight_moves_the_point_not_the_grid(qtbot, make_window):
    window, view = open_landscape(qtbot, make_window)
    s = window.session
    click_edge(window, W111)
    click_edge(window, W121)
    grid = view.result
    i = s.index(W111)
    s.begin_scrub(W111)
    s.scrub(W111, s.net.theta[i] + 0.5)
    assert view.result is grid                                  # same grid, the point moved
    assert view.point.getData()[0][0] == s.net.theta[i]
    s.end_scrub(W111)
    s.begin_scrub(("W", 2, 0, 0))
    s.scrub(("W", 2, 0, 0), 3.0)                              # another weight: the surface changes,
    assert view.result is not grid                            # coarser while dragging
    assert view.image.image.shape == (DRAG_GRID, DRAG_GRID)
    s.end_scrub(("W", 2, 0, 0))
    assert view.image.image.shape == (ls.GRID, ls.GRID)       # the whole grid once let go
    i, j = s.index(W111), s.index(W121)
    np.testing.assert_array_equal(view.image.image,
                                  ls.landscape(s.net, s.data.X, s.data.Y, [i, j], view._ranges).loss)


def test_without_a_pick_it_says_what_to_click(qtbot, make_window):
    window, view = open_landscape(qtbot, make_window)
    assert window.session.view.picked == ()
    assert "Click one or two edges" in view.title.text() and not view.image.isVisible()


def test_a_map_with_overflowed_corners_is_drawn_from_its_finite_losses(qtbot, make_window):
    # E = ½(w1 + w2)², finite at (1e154, 0) (5e307) but not where w1 + w2 passes ~1.9e154: the grid
    # reaches 2e154 either way, so its far corner is inf.
    from backprop_lab.core.model.dataset import Dataset
    from backprop_lab.core.model.network import LayerSpec, Network
    from backprop_lab.core.model.project import Project
    from backprop_lab.core.model.settings import Settings
    net = Network(2, [LayerSpec(1, "identity", "none")], "half_sse", theta=np.array([1e154, 0.0]))
    window = make_window(Project(net, Dataset([[1.0, 1.0]], [[0.0]]), Settings()))
    window.landscape_dock.raise_()
    view = window.landscape
    qtbot.waitUntil(lambda: on_screen(view))
    click_edge(window, W111)
    click_edge(window, W121)
    assert view.image.isVisible() and view.image.image.shape == (ls.GRID, ls.GRID)
    loss = view.image.image
    seen = loss[np.isfinite(loss)]
    assert 0 < seen.size < loss.size                 # both kinds are in it
    lo, hi = view.image.levels
    assert lo == seen.min() and hi == np.percentile(seen, 98) and np.isfinite(hi)
