"""Editing the data on the data view (the decision-boundary plot) with the mouse: a click adds a point
of the chosen class, a drag moves one, a right-click deletes one; each is one undo step, and the model
and the picture agree after each."""
import numpy as np
from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QApplication

from backprop_lab.core.io import presets
from backprop_lab.core.numerics import plane as pl
from backprop_lab.gui.on_screen import on_screen


def open_data_view(qtbot, make_window, project=None):
    window = make_window(presets.resolve("xor") if project is None else project)
    window.boundary_dock.raise_()            # as a click on its tab does
    qtbot.waitUntil(lambda: on_screen(window.boundary))
    window.resize(1600, 1000)                 # room to click between the points
    window.resizeDocks([window.boundary_dock], [650], Qt.Orientation.Horizontal)
    window.resizeDocks([window.boundary_dock], [700], Qt.Orientation.Vertical)
    qtbot.waitUntil(lambda: window.boundary.plot.width() > 300)
    qtbot.wait(50)
    return window, window.boundary


def widget_pos(view, x, y) -> QPoint:
    vb = view.plot.getPlotItem().vb
    return view.plot.mapFromScene(vb.mapViewToScene(QPointF(x, y)))


def view_pos(view, p: QPoint):
    vb = view.plot.getPlotItem().vb
    q = vb.mapSceneToView(view.plot.mapToScene(p))
    return q.x(), q.y()


def mouse(widget, kind, pos, button, buttons):
    ev = QMouseEvent(kind, QPointF(pos), QPointF(widget.mapToGlobal(pos)), button, buttons,
                     Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(widget, ev)


def drag(qtbot, widget, start: QPoint, end: QPoint):
    left = Qt.MouseButton.LeftButton
    mouse(widget, QEvent.Type.MouseButtonPress, start, left, left)
    for t in np.linspace(0, 1, 8)[1:]:
        p = QPoint(round(start.x() + t * (end.x() - start.x())), round(start.y() + t * (end.y() - start.y())))
        mouse(widget, QEvent.Type.MouseMove, p, Qt.MouseButton.NoButton, left)
        qtbot.wait(5)
    mouse(widget, QEvent.Type.MouseButtonRelease, end, left, Qt.MouseButton.NoButton)


def shown_points(view):
    xs, ys = view.points.getData()
    return np.column_stack([xs, ys])


def test_click_adds_a_point_of_the_chosen_class_and_undo_removes_it(qtbot, make_window):
    window, view = open_data_view(qtbot, make_window)
    s = window.session
    assert view.class_box.count() == 2 and view.class_box.itemText(0) == "class 1 (y = 0)"
    view.class_box.setCurrentIndex(0)
    where = widget_pos(view, 0.5, 0.3)
    qtbot.mouseClick(view.plot.viewport(), Qt.MouseButton.LeftButton, pos=where)
    assert len(s.data) == 5
    np.testing.assert_allclose(s.data.X[4], view_pos(view, where))
    assert s.data.Y[4].tolist() == [0.0]
    qtbot.waitUntil(lambda: len(shown_points(view)) == 5)
    np.testing.assert_array_equal(shown_points(view), s.data.X)
    assert s.undo_stack.undoText() == "Add sample"
    window.undo_action.trigger()
    assert len(s.data) == 4
    qtbot.waitUntil(lambda: len(shown_points(view)) == 4)


def test_drag_moves_a_point_in_one_undo_step(qtbot, make_window):
    window, view = open_data_view(qtbot, make_window)
    s = window.session
    before = s.data.X.copy()
    start, end = widget_pos(view, 1.0, 1.0), widget_pos(view, 0.7, 0.6)
    drag(qtbot, view.plot.viewport(), start, end)
    assert len(s.data) == 4
    k = int(np.argmax(np.all(before == [1.0, 1.0], axis=1)))
    np.testing.assert_allclose(s.data.X[k], view_pos(view, end))
    others = [i for i in range(4) if i != k]
    np.testing.assert_array_equal(s.data.X[others], before[others])
    qtbot.waitUntil(lambda: np.array_equal(shown_points(view), s.data.X))
    assert s.undo_stack.count() == 1 and s.undo_stack.undoText() == f"Move sample {k + 1}"
    window.undo_action.trigger()
    np.testing.assert_array_equal(s.data.X, before)


def test_right_click_deletes_a_point_and_a_drag_on_empty_plane_pans(qtbot, make_window):
    window, view = open_data_view(qtbot, make_window)
    s = window.session
    before = s.data.X.copy()
    qtbot.mouseClick(view.plot.viewport(), Qt.MouseButton.RightButton, pos=widget_pos(view, 0.0, 1.0))
    assert len(s.data) == 3
    assert not np.any(np.all(s.data.X == [0.0, 1.0], axis=1))
    qtbot.waitUntil(lambda: len(shown_points(view)) == 3)
    # a right-click on the empty plane deletes nothing
    qtbot.mouseClick(view.plot.viewport(), Qt.MouseButton.RightButton, pos=widget_pos(view, 0.5, 0.5))
    assert len(s.data) == 3
    vb = view.plot.getPlotItem().vb
    x_range = vb.viewRange()[0]
    drag(qtbot, view.plot.viewport(), widget_pos(view, 0.5, 0.5), widget_pos(view, 0.3, 0.5))
    assert len(s.data) == 3 and vb.viewRange()[0] != x_range     # panned, no sample moved
    window.undo_action.trigger()
    np.testing.assert_array_equal(s.data.X, before)


def test_the_picture_covers_the_plane_again_after_a_point_widens_it(qtbot, make_window):
    window, view = open_data_view(qtbot, make_window)
    s = window.session

    def placed():
        rect = view.image.mapRectToView(view.image.boundingRect())
        return rect.left(), rect.right(), rect.top(), rect.bottom()
    before = pl.extent_of(s.data.X)
    assert placed() == before
    qtbot.mouseClick(view.plot.viewport(), Qt.MouseButton.LeftButton, pos=widget_pos(view, 1.1, -0.1))
    assert len(s.data) == 5
    wider = pl.extent_of(s.data.X)
    assert wider[1] > before[1] and wider[2] < before[2]
    qtbot.waitUntil(lambda: placed() == wider)
    window.undo_action.trigger()
    qtbot.waitUntil(lambda: placed() == before)
