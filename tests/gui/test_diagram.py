"""The network diagram driven as a learner drives it: click, double-click and type, drag numbers
sideways, undo; then what the session (core) holds and what the items show are compared."""
from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
from PySide6.QtGui import QAction, QHelpEvent, QKeySequence, QMouseEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QToolTip, QWidget

from backprop_lab.core.io.presets import load_preset
from backprop_lab.core.numerics import engine
from backprop_lab.gui.diagram import style
from backprop_lab.gui.diagram.bindings import scrub_step
from backprop_lab.gui.diagram.view import NetworkView
from backprop_lab.gui.session import Session

U11 = ("W", 2, 0, 0)
U12 = ("W", 2, 0, 1)


@pytest.fixture
def session(qtbot):
    return Session(load_preset("seed004"))


@pytest.fixture
def host(qtbot, session):
    """The view in a window with Undo/Redo on Ctrl+Z / Ctrl+Shift+Z, as the main window has them."""
    win = QWidget()   # no layout: the offscreen platform warns when a layout propagates size hints
    view = NetworkView(session, win)
    undo = QAction("Undo", win)
    undo.setShortcut(QKeySequence.StandardKey.Undo)
    undo.triggered.connect(session.undo)
    win.addAction(undo)
    qtbot.addWidget(win)
    win.resize(900, 620)
    view.resize(900, 620)
    win.show()
    qtbot.waitExposed(win)
    win.view = view
    return win


@pytest.fixture
def view(host):
    return host.view


def vp(view, scene_point) -> QPoint:
    return view.mapFromScene(scene_point)


def centre_of(view, item) -> QPoint:
    return vp(view, item.sceneBoundingRect().center())


def edge_point(view, edge) -> QPoint:
    """A point of the drawn line that the edge itself (not a label or a neuron) is under."""
    for k in range(10, 91, 2):
        p = vp(view, edge.line.pointAt(k / 100))
        if view.itemAt(p) is edge:
            return p
    raise AssertionError(f"no visible point on {edge.key}")


def click(view, pos, modifier=Qt.KeyboardModifier.NoModifier):
    QTest.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, modifier, pos)


def double_click(view, pos):
    """QTest.mouseDClick ends on the second press (no release), which leaves Qt believing the button
    is still down; a person lets go, so the helper does too."""
    QTest.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, pos)
    QTest.mouseRelease(view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, pos)


def drag(view, start: QPoint, dx: int, modifier=Qt.KeyboardModifier.NoModifier, steps: int = 6):
    """Press, move sideways in a few steps, release. QTest.mouseMove carries no modifier, so a drag
    with Shift held sends its moves as QMouseEvents."""
    vpw = view.viewport()
    QTest.mousePress(vpw, Qt.MouseButton.LeftButton, modifier, start)
    for k in range(1, steps + 1):
        p = start + QPoint(round(dx * k / steps), 0)
        if modifier == Qt.KeyboardModifier.NoModifier:
            QTest.mouseMove(vpw, p)
        else:
            QApplication.sendEvent(vpw, QMouseEvent(QEvent.Type.MouseMove, QPointF(p), vpw.mapToGlobal(QPointF(p)),
                                                    Qt.MouseButton.NoButton, Qt.MouseButton.LeftButton, modifier))
    QTest.mouseRelease(vpw, Qt.MouseButton.LeftButton, modifier, start + QPoint(dx, 0))


def engine_state(session):
    return engine.evaluate(session.net, session.data.X[:1], session.data.Y[:1])


def test_shows_seed004_in_its_notation(view):
    scene = view.diagram
    assert scene.neurons[("n", 0, 0)].symbol == "x1"
    assert scene.neurons[("n", 1, 1)].symbol == "h2"
    assert scene.neurons[("n", 2, 0)].symbol == "o1"
    assert (scene.edges[U11].label.name, scene.edges[U11].label.text) == ("U11", "0.450")
    assert (scene.edges[("W", 1, 1, 0)].label.name, scene.edges[("W", 1, 1, 0)].label.text) == ("W21", "0.250")
    # seed 004 prints h1 = 0.51998934, o1 = 0.60944600, o2 = 0.66384491, E1 = 0.02193381, E_tot = 0.02397190
    assert scene.neurons[("n", 1, 0)].number.text == "0.520"
    assert scene.neurons[("n", 2, 0)].number.text == "0.609"
    assert scene.neurons[("n", 2, 1)].number.text == "0.664"
    assert [t.text for t in scene.targets] == ["0.400", "0.600"]
    assert scene.terms[0].text == "0.0219" and scene.terms[1].text == "0.0020"
    assert scene.total.text == "0.0240"
    assert all(e.label.isVisible() for e in scene.edges.values())


def test_click_edge_neuron_and_background_select(view, session):
    scene = view.diagram
    click(view, edge_point(view, scene.edges[U11]))
    assert session.selection == U11
    assert scene.edges[U11].selected and scene.edges[U11].label.emphasis
    click(view, centre_of(view, scene.neurons[("n", 1, 1)]))
    assert session.selection == ("n", 1, 1)
    assert scene.neurons[("n", 1, 1)].selected and not scene.edges[U11].selected
    click(view, centre_of(view, scene.edges[U12].label))       # a click on a label selects its weight
    assert session.selection == U12
    click(view, QPoint(4, 4))
    assert session.selection is None
    assert not any(e.selected for e in scene.edges.values())


def open_editor(view, item):
    double_click(view, centre_of(view, item))
    assert view.editor is not None and view.editor.isVisible()
    assert view.editor.item is item
    return view.editor


def test_double_click_type_enter_sets_weight(view, session, qtbot):
    label = view.diagram.edges[U11].label
    editor = open_editor(view, label)
    assert editor.line.text() == "0.45"
    editor.line.selectAll()
    qtbot.keyClicks(editor.line, "0.5")
    QTest.keyClick(editor.line, Qt.Key.Key_Return)
    assert view.editor is None
    assert session.net.W[1][0, 0] == 0.5
    assert label.text == "0.500"
    fresh = engine_state(session)
    assert view.diagram.neurons[("n", 2, 0)].number.text == style.format_value(fresh.acts[2][0, 0])
    assert view.diagram.total.text == style.format_value(fresh.loss, 4)


@pytest.mark.parametrize("text", ["abc", "", "nan", "inf", "1e999"])
def test_bad_text_is_refused_in_place(view, session, qtbot, text):
    label = view.diagram.edges[U11].label
    editor = open_editor(view, label)
    editor.line.selectAll()
    QTest.keyClick(editor.line, Qt.Key.Key_Delete)
    if text:
        qtbot.keyClicks(editor.line, text)
    QTest.keyClick(editor.line, Qt.Key.Key_Return)
    assert view.editor is editor and editor.isVisible()       # still open, text kept for fixing
    assert editor.line.text() == text
    assert editor.error.isVisible() and editor.error_text.strip()
    assert "#C0392B" in editor.line.styleSheet()              # red border
    assert session.net.W[1][0, 0] == 0.45 and label.text == "0.450"
    assert session.undo_stack.count() == 0
    qtbot.keyClicks(editor.line, "")                          # typing again clears the complaint
    editor.line.selectAll()
    qtbot.keyClicks(editor.line, "0.25")
    assert not editor.error.isVisible()
    QTest.keyClick(editor.line, Qt.Key.Key_Return)
    assert session.net.W[1][0, 0] == 0.25


def test_escape_cancels_the_editor(view, session, qtbot):
    editor = open_editor(view, view.diagram.edges[U11].label)
    editor.line.selectAll()
    qtbot.keyClicks(editor.line, "0.9")
    QTest.keyClick(editor.line, Qt.Key.Key_Escape)
    assert view.editor is None
    assert session.net.W[1][0, 0] == 0.45 and session.undo_stack.count() == 0


def test_type_an_input_value(view, session, qtbot):
    x1 = view.diagram.neurons[("n", 0, 0)].number
    editor = open_editor(view, x1)
    editor.line.selectAll()
    qtbot.keyClicks(editor.line, "0.3")
    QTest.keyClick(editor.line, Qt.Key.Key_Return)
    assert session.data.X[0, 0] == 0.3 and x1.text == "0.300"
    h1 = 1 / (1 + np.exp(-(0.3 * 0.3 + 0.2 * 0.25)))
    assert view.diagram.neurons[("n", 1, 0)].number.text == style.format_value(h1)


def test_scrub_drag_is_live_and_one_undo_step(host, view, session, qtbot):
    label = view.diagram.edges[U11].label
    assert label.cursor().shape() == Qt.CursorShape.SizeHorCursor
    assert scrub_step(0.45) == pytest.approx(0.01)
    seen = []
    session.changed.connect(lambda: seen.append(label.text))
    drag(view, centre_of(view, label), 30)
    assert session.net.W[1][0, 0] == pytest.approx(0.75)
    assert len(seen) >= 3 and len(set(seen)) >= 3             # it followed the drag, not just the drop
    assert label.text == "0.750"
    fresh = engine_state(session)
    for (kind, l, j), item in view.diagram.neurons.items():
        assert item.number.text == style.format_value(fresh.acts[l][0, j])
    assert view.diagram.terms[0].text == style.format_value(fresh.terms[0, 0], 4)
    assert session.undo_stack.count() == 1
    QTest.keyClick(view.viewport(), Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert session.net.W[1][0, 0] == 0.45
    assert label.text == "0.450" and view.diagram.neurons[("n", 2, 0)].number.text == "0.609"


def test_shift_scrub_is_ten_times_finer(view, session):
    drag(view, centre_of(view, view.diagram.edges[U12].label), 30, Qt.KeyboardModifier.ShiftModifier)
    assert session.net.W[1][0, 1] == pytest.approx(0.73)


def test_scrub_an_input_is_one_undo_step(host, view, session):
    x2 = view.diagram.neurons[("n", 0, 1)].number
    drag(view, centre_of(view, x2), -15)
    assert session.data.X[0, 1] == pytest.approx(0.05)
    assert x2.text == "0.050"
    assert session.undo_stack.count() == 1
    QTest.keyClick(view.viewport(), Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert session.data.X[0, 1] == 0.2 and x2.text == "0.200"


def test_a_short_press_selects_and_does_not_edit(view, session):
    label = view.diagram.edges[U11].label
    drag(view, centre_of(view, label), 2, steps=1)             # under the drag distance: a click
    assert session.selection == U11
    assert session.net.W[1][0, 0] == 0.45 and session.undo_stack.count() == 0


def test_highlight_dims_all_others(view, session):
    scene = view.diagram
    keys = {("n", 1, 0), ("n", 2, 0), U11}
    session.set_highlight(keys)
    assert not any(scene.is_dimmed(k) for k in keys)
    assert scene.edges[U11].emphasis and scene.neurons[("n", 1, 0)].emphasis
    others = [k for k in list(scene.neurons) + list(scene.edges) if k not in keys]
    assert others and all(scene.is_dimmed(k) for k in others)
    assert scene.edges[U12].label.opacity() < 1 and scene.targets[1].opacity() < 1
    assert scene.targets[0].opacity() == 1
    session.set_highlight(set())
    assert not any(scene.is_dimmed(k) for k in list(scene.neurons) + list(scene.edges))
    assert not scene.edges[U11].emphasis


def test_gradient_colours_follow_the_sign_of_dE_dw(view, session):
    scene = view.diagram
    # every weight of seed 004 is positive: all blue by value
    assert all(e.pen.color().rgb() == style.POSITIVE.rgb() for e in scene.edges.values())
    assert session.edit_target(0, 0, 0.9) is None             # o1 = 0.609 < 0.9: dE/dU11, dE/dU21 < 0
    session.gradient_colours = True
    signs = {k: np.sign(session.grad(k)) for k in scene.edges}
    assert signs[U11] < 0 and signs[U12] > 0
    for k, edge in scene.edges.items():
        want = style.POSITIVE if signs[k] > 0 else style.NEGATIVE
        assert edge.pen.color().rgb() == want.rgb(), k
    by_size = sorted(scene.edges, key=lambda k: abs(session.grad(k)))
    assert scene.edges[by_size[-1]].pen.widthF() > scene.edges[by_size[0]].pen.widthF()
    assert "dE/dw" in view.legend.text()
    session.gradient_colours = False
    assert scene.edges[U11].pen.color().rgb() == style.POSITIVE.rgb()


def test_changed_refreshes_items_without_rebuilding(view, session):
    scene = view.diagram
    edge, neuron = scene.edges[U11], scene.neurons[("n", 2, 0)]
    assert session.edit_param(U11, 0.1) is None
    assert scene.edges[U11] is edge and scene.neurons[("n", 2, 0)] is neuron
    assert edge.label.text == "0.100"
    session.step()
    assert edge.label.text == style.format_value(session.net.W[1][0, 0])


def test_reading_the_past_is_read_only(view, session, qtbot):
    session.step()
    session.view_step(0)
    assert view.banner.isVisible() and "0" in view.banner.text()
    label = view.diagram.edges[U11].label
    assert label.text == "0.450"                                # as it was before step 0
    double_click(view, centre_of(view, label))
    assert view.editor is None
    assert view.note.isVisible() and view.note.text()
    before = session.net.W[1][0, 0]
    drag(view, centre_of(view, label), 40)
    assert session.net.W[1][0, 0] == before and label.text == "0.450"
    session.return_to_present()
    assert not view.banner.isVisible()
    assert label.text == style.format_value(session.net.W[1][0, 0])


def test_shape_change_rebuilds_and_closes_the_editor(view, session):
    open_editor(view, view.diagram.edges[U11].label)
    session.load_project(load_preset("seed000"))
    assert view.editor is None
    assert len(view.diagram.neurons) == 12 and len(view.diagram.edges) == 27
    assert len(view.diagram.biases) == 9


def test_bias_badge_scrubs_its_bias(qtbot):
    session = Session(load_preset("seed002"))
    view = NetworkView(session)
    qtbot.addWidget(view)
    view.resize(900, 620)
    view.show()
    qtbot.waitExposed(view)
    key = ("b", 1, 0)
    badge = view.diagram.biases[key]
    start = session.value(key)
    drag(view, centre_of(view, badge), 20)
    assert session.value(key) == pytest.approx(start + 20 * scrub_step(start))
    assert badge.text == style.format_value(session.value(key))
    assert session.undo_stack.count() == 1


def tooltip_at(view, pos) -> str:
    QToolTip.hideText()
    vpw = view.viewport()
    QApplication.sendEvent(vpw, QHelpEvent(QEvent.Type.ToolTip, pos, vpw.mapToGlobal(pos)))
    return QToolTip.text() if QToolTip.isVisible() else ""


@pytest.mark.qt_log_ignore(r"This plugin does not support raise\(\)")   # offscreen tooltips only
def test_hover_tooltips_give_seed004_to_eight_digits(view):
    scene = view.diagram
    # seed 004: o1 = 0.60944600, t1 = 0.44498412, ∂E_tot/∂U11 = 0.02592286
    text = tooltip_at(view, vp(view, scene.neurons[("n", 2, 0)].scenePos() + QPointF(0, -scene.metrics.radius / 2)))
    assert "t1 = 0.44498412" in text and "o1 = sigmoid(t1) = 0.609446" in text
    text = tooltip_at(view, edge_point(view, scene.edges[U11]))
    assert "U11 = 0.45" in text and "∂E/∂U11 = 0.02592286" in text


def test_inputs_of_a_batch_mean_are_refused_with_a_reason(qtbot):
    session = Session(load_preset("xor"))
    assert session.set_setting("mode", "batch") is None       # the diagram now shows the mean of 4 samples
    view = NetworkView(session)
    qtbot.addWidget(view)
    view.resize(900, 620)
    view.show()
    qtbot.waitExposed(view)
    x1 = view.diagram.neurons[("n", 0, 0)].number
    X, done = session.data.X.copy(), session.undo_stack.count()
    drag(view, centre_of(view, x1), 30)
    assert view.note.isVisible() and "sample" in view.note.text()
    editor = open_editor(view, x1)
    editor.line.selectAll()
    qtbot.keyClicks(editor.line, "0.7")
    QTest.keyClick(editor.line, Qt.Key.Key_Return)
    assert editor.isVisible() and "sample" in editor.error_text
    assert (session.data.X == X).all() and session.undo_stack.count() == done
