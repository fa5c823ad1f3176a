"""A refresh restyles only what changed (issue 8: the largest net's 8,192 edges cost most of a Run's frame
when each was told its look at every refresh). Skipping must never leave anything stale: after each thing
a learner does (steps, a Run, a typed weight, looking back, undo, gradient colours, the walk-through's
highlight, a selection), every edge's pen and dimming, every shown label's text and border, every number
on the diagram and what each dense layer pair's batch draws equal what a diagram built from scratch on
the same session shows; and the two scenes render the same pixels."""
from __future__ import annotations

import numpy as np
import pytest
import shiboken6
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QGraphicsItem
from test_diagram_repaint import assert_nothing_left, pixels, settle, type_on_diagram

from backprop_lab.core.io import presets
from backprop_lab.core.model.dataset import Dataset
from backprop_lab.core.model.network import LayerSpec, Network
from backprop_lab.core.model.project import Project
from backprop_lab.gui.diagram import style
from backprop_lab.gui.diagram.dense_edges import DenseEdges
from backprop_lab.gui.diagram.scene import NetworkScene


def wide_project() -> Project:
    """Dense layer pairs (batch-painted, labels on demand) beside a sparse one (labels always shown)."""
    rng = np.random.default_rng(3)
    net = Network(3, [LayerSpec(12), LayerSpec(12), LayerSpec(2)])
    net.theta[...] = rng.uniform(-1, 1, net.n_params)
    return Project(net, Dataset(rng.random((4, 3)), rng.random((4, 2))), name="3-12-12-2")


def number(item) -> tuple:
    return item.text, item.border.rgba(), item.emphasis, item.isVisible(), round(item.opacity(), 3)


def batch_lines(scene) -> list:
    """What the batches draw: (pair, colour, width, dimmed, line) for every line, in order."""
    out = []
    for batch in (i for i in scene.items() if isinstance(i, DenseEdges)):
        for pen, dimmed, lines in batch._grouped():
            out += [(batch.edges[0].key[1], pen.color().rgba(), pen.widthF(), dimmed,
                     (round(ln.x1(), 3), round(ln.y1(), 3), round(ln.x2(), 3), round(ln.y2(), 3)))
                    for ln in lines]
    return sorted(out)


def shown(scene) -> dict:
    out: dict = {}
    for key, e in scene.edges.items():
        label = (e.label.text, e.label.border.rgba(), e.label.emphasis, e.label.locked) if e.label_shown else None
        out[key] = (e.pen.color().rgba(), e.pen.widthF(), e.dimmed, e.selected, e.emphasis, e.zValue(), label)
    for key, n in scene.neurons.items():
        out[key] = (n.number.text, n.selected, n.emphasis, round(n.opacity(), 3))
    for key, b in scene.biases.items():
        out[key] = number(b) if b.isVisible() else (False,)
    out["targets"] = [number(t) for t in scene.targets]
    out["terms"] = [number(t) for t in scene.terms]
    out["total"] = number(scene.total)
    out["batches"] = batch_lines(scene)
    return out


def rendered(scene) -> np.ndarray:
    """The scene painted by its items now (no item cache: scene.render keeps a cache of its own that the
    view's repaints do not renew; what the window shows is test_diagram_repaint's part, asserted too)."""
    items = scene.items()
    modes = [item.cacheMode() for item in items]
    for item in items:
        item.setCacheMode(QGraphicsItem.CacheMode.NoCache)
    image = QImage(900, 600, QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    painter.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
    scene.render(painter, QRectF(image.rect()), scene.sceneRect())
    painter.end()
    for item, mode in zip(items, modes):
        item.setCacheMode(mode)
    return pixels(image)


def assert_as_built(window, what: str) -> None:
    assert_nothing_left(window, what)        # the window shows what its items paint
    live = window.diagram.diagram
    fresh = NetworkScene(window.session, build=False)
    fresh.room = live.room
    fresh.rebuild()
    a, b = shown(live), shown(fresh)
    stale = [k for k in b if a.get(k) != b[k]]
    assert not stale, f"after {what}: {len(stale)} items differ from a fresh build, e.g. {stale[0]}: " \
                      f"{a.get(stale[0])!r:.300} != {b[stale[0]]!r:.300}"
    assert set(a) == set(b)
    s = window.session                       # and both show the session's numbers, read one at a time
    assert all(n.number.text == style.format_value(s.value(k), given=n.number.editable)
               for k, n in live.neurons.items())
    assert all(e.label.text == style.format_value(s.value(k), given=True)
               for k, e in live.edges.items() if e.label_shown)
    differ = np.abs(rendered(live) - rendered(fresh)).max(axis=2) > 0
    assert differ.sum() == 0, f"after {what}: {differ.sum()} pixels differ from a fresh build's"
    shiboken6.delete(fresh)            # and with it its connections to the session


def step(qtbot, window, times: int = 1) -> None:
    for _ in range(times):
        qtbot.mouseClick(window.controls.step_button, Qt.MouseButton.LeftButton)
    settle(qtbot, window)


@pytest.mark.parametrize("net", ["seed004", "wide"])
def test_after_each_change_the_diagram_shows_what_a_fresh_build_shows(qtbot, make_window, net):
    window = make_window(wide_project() if net == "wide" else presets.resolve(net))
    s, scene = window.session, window.diagram.diagram
    settle(qtbot, window)
    assert_as_built(window, "opening")
    step(qtbot, window, 3)
    assert_as_built(window, "three steps")
    qtbot.mouseClick(window.controls.run_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: s.step_count > 40, timeout=20000)
    qtbot.mouseClick(window.controls.run_button, Qt.MouseButton.LeftButton)
    settle(qtbot, window)
    assert_as_built(window, "a Run, paused")
    key = next(k for k, e in scene.edges.items() if e.label_shown)
    type_on_diagram(qtbot, window, scene.edges[key].label, "2.5")        # the largest weight: every width moves
    settle(qtbot, window)
    assert scene.edges[key].label.text == "2.500"
    assert_as_built(window, "a typed weight")
    s.view_step(2)                      # a click on the loss plot's second point
    settle(qtbot, window)
    assert window.diagram.banner.isVisible()
    assert_as_built(window, "looking back at step 2")
    s.return_to_present()
    settle(qtbot, window)
    QTest.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    settle(qtbot, window)
    assert scene.edges[key].label.text != "2.500"
    assert_as_built(window, "undo of the typed weight")
    window.gradient_action.trigger()
    settle(qtbot, window)
    assert_as_built(window, "colouring by gradient")
    window.gradient_action.trigger()
    dense = [k for k, e in scene.edges.items() if not e.label_shown]
    if dense:                           # a dense pair's edge: its label shows on selection, written then
        s.select(dense[5])
        step(qtbot, window)
        assert scene.edges[dense[5]].label.isVisible()
        assert_as_built(window, "selecting a dense pair's edge, then a step")
    s.set_highlight([("n", 1, 0), *[k for k in scene.edges if k[1] == 1 and k[3] == 0]])
    step(qtbot, window)
    assert any(e.dimmed for e in scene.edges.values())
    assert_as_built(window, "a highlight, then a step")
    s.set_highlight([])
    QApplication.processEvents()
    assert_as_built(window, "the highlight cleared")
