"""The decision boundary dock: a two-input network's output over the input plane with the data on it,
a thumbnail of every hidden neuron, following Run; a sentence instead for other networks."""
import numpy as np
from PySide6.QtCore import Qt

from backprop_lab.core.io import presets
from backprop_lab.core.numerics import plane as pl
from backprop_lab.gui.on_screen import on_screen
from backprop_lab.gui.panels.boundary import THUMB_GAP, THUMB_STRIDE


def raise_dock(qtbot, window):
    """Bring the dock's tab to the front. (A synthetic click on a main window's dock tab bar moves its
    current index offscreen but does not switch the dock, so the test raises it as the tab would.)"""
    window.boundary_dock.raise_()
    qtbot.waitUntil(lambda: on_screen(window.boundary))


def expected_image(s, view):
    return pl.evaluate_plane(s.net, pl.PlaneGrid.over(pl.extent_of(s.data.X))).output[0]


def test_boundary_shows_the_output_over_the_plane_and_follows_run(qtbot, make_window):
    window = make_window(presets.resolve("xor"))
    s, view = window.session, window.boundary
    raise_dock(qtbot, window)
    assert view.image.image.shape == (pl.GRID, pl.GRID)
    assert tuple(view.image.levels) == (0.0, 1.0)               # a sigmoid output: its own range
    np.testing.assert_array_equal(view.image.image, expected_image(s, view))
    # row 0 of the image is the lowest input 2: the picture's rectangle is the plane's extent
    x0, x1, y0, y1 = pl.extent_of(s.data.X)
    rect = view.image.mapRectToView(view.image.boundingRect())
    assert (rect.left(), rect.right(), rect.top(), rect.bottom()) == (x0, x1, y0, y1)
    xs, ys = view.points.getData()
    np.testing.assert_array_equal(np.column_stack([xs, ys]), s.data.X)
    m, gap = pl.GRID // THUMB_STRIDE, THUMB_GAP
    assert view.thumb_image.image.shape == (2 * (m + gap) - gap, m)   # 2 hidden neurons, 1 layer
    before, frames = view.image.image.copy(), view.frames
    window.controls.run_button.click()
    qtbot.waitUntil(lambda: view.frames > frames + 5 and s.step_count > 200, timeout=10000)
    window.controls.run_button.click()
    assert not np.array_equal(view.image.image, before)
    np.testing.assert_array_equal(view.image.image, expected_image(s, view))
    tiles = pl.montage(pl.evaluate_plane(s.net, pl.PlaneGrid.over(x_ext := pl.extent_of(s.data.X))), ["sigmoid"],
                       gap=THUMB_GAP, stride=THUMB_STRIDE)
    assert x_ext == (x0, x1, y0, y1)
    np.testing.assert_array_equal(view.thumb_image.image, tiles)


def test_a_network_without_two_inputs_gets_a_sentence(qtbot, make_window):
    window = make_window(presets.resolve("xor"))
    view = window.boundary
    raise_dock(qtbot, window)
    assert not view.note.isVisible() and view.plot.isVisible()
    spin = window.architecture.grid.itemAtPosition(1, 1).widget()
    spin.setFocus()
    qtbot.keyClick(spin, Qt.Key.Key_Up)
    assert window.session.net.n_inputs == 3
    assert view.note.isVisible() and not view.plot.isVisible()
    assert "two inputs" in view.note.text() and "3" in view.note.text()
    window.undo_action.trigger()        # Edit > Undo (Ctrl+Z would undo inside the spin box's text)
    assert window.session.net.n_inputs == 2
    assert view.plot.isVisible() and not view.note.isVisible()
