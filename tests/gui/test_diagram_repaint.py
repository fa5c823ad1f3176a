"""A number on the diagram that gets shorter leaves no piece of its old text behind (issue 9).

The window shows what its backing store holds: the diagram painted piecemeal, from each item's pixmap
cache, where the scene was told something changed. After each change a learner makes (a long number
typed, then a short one; Step ×N with a large η, then Reset; looking back) those pixels are compared with
the whole diagram painted afresh with no cache. And every item paints inside its bounding rect, at the
view's scale and at others: the bounding rect is all the scene repaints when an item changes, so paint
outside it would stay on screen."""
import numpy as np
import pytest
import shiboken6
from gui_drive import type_into_field
from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QImage, QPainter
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QGraphicsItem, QStyleOptionGraphicsItem

from backprop_lab.core.io import presets
from backprop_lab.gui.diagram.edge_item import EdgeItem
from backprop_lab.gui.diagram.neuron_item import NeuronItem
from backprop_lab.gui.diagram.scrub_number import ScrubNumber

W11 = ("W", 1, 0, 0)
TOLERANCE = 40       # a channel's levels: an edge's antialiased rim blends a little differently when it is
                     # repainted in pieces; a stale digit differs by a hundred or more


def settle(qtbot, window):
    qtbot.waitUntil(lambda: not window.session.runner.running and not window.diagram.layout_pending)
    for _ in range(3):
        QApplication.processEvents()


def pixels(image: QImage) -> np.ndarray:
    image = image.convertToFormat(QImage.Format.Format_RGB32)
    rows = np.frombuffer(image.constBits(), np.uint8, image.sizeInBytes()).reshape(image.height(), -1)
    return rows[:, :4 * image.width()].reshape(image.height(), image.width(), 4)[..., :3].astype(int)


def on_screen(window) -> np.ndarray:
    """The diagram as the window's backing store holds it (not a fresh render, as grab() would be)."""
    view = window.diagram
    shot = window.screen().grabWindow(window.winId()).toImage()
    return pixels(shot.copy(QRect(view.mapTo(window, view.rect().topLeft()), view.size())))


def painted_afresh(window) -> np.ndarray:
    items = window.diagram.scene().items()
    modes = [item.cacheMode() for item in items]
    for item in items:
        item.setCacheMode(QGraphicsItem.CacheMode.NoCache)
    window.diagram.viewport().update()
    QApplication.processEvents()
    fresh = on_screen(window)
    for item, mode in zip(items, modes):
        if shiboken6.isValid(item):
            item.setCacheMode(mode)
    return fresh


def assert_nothing_left(window, what: str) -> None:
    shown, fresh = on_screen(window), painted_afresh(window)
    stale = np.abs(shown - fresh).max(axis=2) > TOLERANCE
    ys, xs = np.nonzero(stale)
    where = (xs.min(), ys.min(), xs.max(), ys.max()) if len(xs) else None
    assert stale.sum() <= 3, f"after {what}: {stale.sum()} pixels differ from a fresh repaint, in {where}"


def type_on_diagram(qtbot, window, item, text: str) -> None:
    """Click the number, then double-click it and type, as a learner does. (The scene hands a double-click
    only to the item that had the press before it: QTest's double-click on a new item is taken for a
    press.)"""
    view = window.diagram
    centre = view.mapFromScene(item.sceneBoundingRect().center())
    QTest.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, centre)
    QTest.qWait(QApplication.doubleClickInterval() + 50)    # two clicks apart, not one double-click
    QTest.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, centre)
    QTest.mouseRelease(view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, centre)
    assert view.editor is not None and view.editor.item is item
    view.editor.line.selectAll()
    qtbot.keyClicks(view.editor.line, text)
    QTest.keyClick(view.editor.line, Qt.Key.Key_Return)
    assert view.editor is None
    QApplication.processEvents()


@pytest.mark.parametrize("size", [(1024, 700), (1920, 1080)])
def test_a_typed_number_that_gets_shorter_leaves_nothing_behind(qtbot, window, size):
    window.resize(*size)
    settle(qtbot, window)
    scene = window.diagram.diagram
    label, x1, y1 = scene.edges[W11].label, scene.neurons[("n", 0, 0)].number, scene.targets[0]
    for item, long, short in ((label, "-12345.678", "0.3"), (x1, "-98765.4321", "0.1"), (y1, "-98765.4321", "0.4")):
        type_on_diagram(qtbot, window, item, long)
        assert item.text.startswith("\u221298765" if item is not label else "\u221212345")
        assert_nothing_left(window, f"typing {long}")
        type_on_diagram(qtbot, window, item, short)
        assert item.text == f"{float(short):.3f}"
        assert_nothing_left(window, f"{long} then {short}")
    assert scene.total.text == "0.0240"


@pytest.mark.parametrize("net", ["seed000", "seed004"])
@pytest.mark.parametrize("size", [(1024, 700), (1600, 1000), (1920, 1080)])
def test_looking_back_at_shorter_numbers_leaves_nothing_behind(qtbot, make_window, net, size):
    """Two steps, then one at η = 500 sends weights and biases to numbers of several digits; looking back
    at step 2 shows the short ones again (where seed 000's bias chips and weight labels kept an edge of
    their old, wider frame), and so does Reset."""
    window = make_window(presets.resolve(net))
    window.resize(*size)
    settle(qtbot, window)
    scene = window.diagram.diagram
    for _ in range(2):
        qtbot.mouseClick(window.controls.step_button, Qt.MouseButton.LeftButton)
    type_into_field(qtbot, window.controls.lr, "500")
    qtbot.mouseClick(window.controls.step_button, Qt.MouseButton.LeftButton)
    settle(qtbot, window)
    numbers = [e.label for e in scene.edges.values()] + list(scene.biases.values())
    wide = {id(n): n.boundingRect().width() for n in numbers}
    assert window.session.step_count == 3 and max(len(n.text) for n in numbers) >= 7
    window.session.view_step(2)                      # a click on the loss plot's second point
    settle(qtbot, window)
    assert window.diagram.banner.isVisible()
    assert any(n.boundingRect().width() < wide[id(n)] for n in numbers)      # some did get shorter
    assert_nothing_left(window, "looking back at step 2")
    window.session.return_to_present()
    qtbot.mouseClick(window.controls.reset_button, Qt.MouseButton.LeftButton)
    settle(qtbot, window)
    assert window.session.step_count == 0
    assert_nothing_left(window, "Reset")


def painted_box(item, scale: float) -> tuple[float, float, float, float] | None:
    """How far (device pixels) the item's paint reaches past its bounding rect: left, top, right, bottom."""
    rect, pad = item.boundingRect(), 40
    w, h = int(rect.width() * scale) + 2 * pad, int(rect.height() * scale) + 2 * pad
    image = QImage(w, h, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
    painter.translate(pad, pad)
    painter.scale(scale, scale)
    painter.translate(-rect.left(), -rect.top())
    item.paint(painter, QStyleOptionGraphicsItem(), None)
    painter.end()
    rows = np.frombuffer(image.constBits(), np.uint8, image.sizeInBytes()).reshape(h, -1)
    alpha = rows[:, :4 * w].reshape(h, w, 4)[..., 3]
    ys, xs = np.nonzero(alpha)
    if not len(xs):
        return None
    return (pad - xs.min(), pad - ys.min(), xs.max() + 1 - pad - rect.width() * scale,
            ys.max() + 1 - pad - rect.height() * scale)


@pytest.mark.parametrize("net", ["seed004", "xor", "seed000"])
def test_every_item_paints_inside_its_bounding_rect(make_window, net):
    window = make_window(presets.resolve(net))
    session, scene = window.session, window.diagram.diagram
    key = next(iter(scene.edges))
    session.edit_param(key, -12345.678)             # the longest a number grows, selected and highlighted
    session.select(key)
    session.set_highlight([key, ("n", 1, 0)])
    QApplication.processEvents()
    items = [i for i in scene.items() if isinstance(i, (ScrubNumber, NeuronItem, EdgeItem)) and i.isVisible()]
    assert len(items) >= 12 and scene.edges[key].label in items
    for scale in (window.diagram.transform().m11(), 1.0, 1.7):
        for item in items:
            reach = painted_box(item, scale)
            assert reach is None or max(reach) <= 0.5, (type(item).__name__, getattr(item, "text", ""), scale, reach)
