"""The diagram's layout: nothing overlaps on the presets, every label sits on its own edge, wide
layers label their weights on hover, and the preview renders."""
from __future__ import annotations

import itertools

import pytest
from PySide6.QtCore import QPoint, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QImage, QWheelEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from backprop_lab.core.io.presets import load_preset
from backprop_lab.gui.diagram import layout
from backprop_lab.gui.diagram.view import NetworkView, _project_for, main
from backprop_lab.gui.session import Session


def make_view(qtbot, project, size=(900, 620)):
    session = Session(project)
    view = NetworkView(session)
    qtbot.addWidget(view)
    view.resize(*size)
    view.show()
    qtbot.waitExposed(view)
    return session, view


def boxes(scene):
    """Scene rectangles of everything written on the diagram, with a name for the failure message."""
    out = [(f"label {k}", e.label.frame()) for k, e in scene.edges.items() if e.label.isVisible()]
    out += [(f"bias {k}", b.frame()) for k, b in scene.biases.items() if b.isVisible()]
    out += [(f"target {k}", t.frame()) for k, t in enumerate(scene.targets)]
    out += [(f"term {k}", t.frame()) for k, t in enumerate(scene.terms)]
    out += [("total", scene.total.frame())]
    out += [(f"header {k}", h.sceneBoundingRect()) for k, h in enumerate(scene.headers)]
    return out


def circles(scene):
    return [(f"neuron {k}", n.mapRectToScene(QRectF(-n.radius, -n.radius, 2 * n.radius, 2 * n.radius)))
            for k, n in scene.neurons.items()]


@pytest.mark.parametrize("preset", ["seed004", "seed000", "seed001", "seed002", "seed003", "xor"])
def test_presets_have_no_overlapping_text(qtbot, preset):
    _, view = make_view(qtbot, load_preset(preset))
    scene = view.diagram
    text = boxes(scene)
    assert all(e.label.isVisible() for e in scene.edges.values()), "small nets label every weight"
    for (a, ra), (b, rb) in itertools.combinations(text + circles(scene), 2):
        assert not ra.intersects(rb), f"{a} overlaps {b}"
    for key, edge in scene.edges.items():
        c = edge.label.frame().center()
        line = edge.line
        # distance from the label's centre to its own edge's line: the label sits on it
        cross = abs((line.dx()) * (c.y() - line.y1()) - (line.dy()) * (c.x() - line.x1())) / line.length()
        assert cross < 0.5, key


def test_crossing_edges_of_2_2_2_get_separate_places():
    m = layout.metrics_for([2, 2, 2])
    centres = layout.neuron_centres([2, 2, 2], m)
    placed = layout.place_edge_labels(centres, m, lambda l, i, j: (110, 24), [])
    rects = placed.rects()
    assert len(rects) == 8
    assert not any(layout.overlaps(a, b) for a, b in itertools.combinations(rects, 2))


def test_3x3_pairs_need_the_search_and_get_it():
    """With labels as wide as the default notation's (W1[2,3] −0.967), one fraction for all labels
    cannot work; the search still places all 27 without overlap or touching a circle."""
    sizes = [3, 3, 3, 3]
    m = layout.metrics_for(sizes)
    centres = layout.neuron_centres(sizes, m)
    placed = layout.place_edge_labels(centres, m, lambda l, i, j: (112, 24), [])
    assert all(p.rect is not None for p in placed.placements.values())
    assert len({p.t for p in placed.placements.values()}) > 1
    rects = placed.rects()
    assert not any(layout.overlaps(a, b) for a, b in itertools.combinations(rects, 2))
    discs = layout.circle_rects(centres, m.radius)
    assert not any(layout.overlaps(r, d) for r in rects for d in discs)


def test_wide_layers_label_weights_on_hover_and_selection(qtbot):
    session, view = make_view(qtbot, _project_for("4-16-16-3"))
    scene = view.diagram
    session.select(None)
    key = ("W", 3, 15, 0)
    edge = scene.edges[key]
    assert edge.dense and not edge.label.isVisible()
    assert [k for k, e in scene.edges.items() if e.label.isVisible()] == []
    spot = None
    for k in range(10, 91, 2):
        p = view.mapFromScene(edge.line.pointAt(k / 100))
        if view.itemAt(p) is edge:
            spot = p
            break
    assert spot is not None
    QTest.mouseMove(view.viewport(), spot)
    qtbot.waitUntil(lambda: edge.label.isVisible())
    assert edge.label.name == session.label(key) and edge.label.text
    QTest.mouseMove(view.viewport(), QPoint(3, 3))
    qtbot.waitUntil(lambda: not edge.label.isVisible())
    session.select(key)
    assert edge.label.isVisible() and edge.label.emphasis
    # a wide layer's biases show with their neuron's selection
    badge = scene.biases[("b", 1, 3)]
    assert not badge.isVisible()
    session.select(("n", 1, 3))
    assert badge.isVisible()


def test_preview_screenshot(tmp_path, qapp):
    path = tmp_path / "diagram.png"
    assert main(["seed004", "--screenshot", str(path), "--size", "640x420"]) == 0
    image = QImage(str(path))
    assert (image.width(), image.height()) == (640, 420)
    blue = QColor("#0072B2")
    # The positive weights are drawn in blue somewhere: the picture is not blank.
    hits = sum(1 for x in range(0, 640, 4) for y in range(0, 420, 4)
               if abs(image.pixelColor(x, y).red() - blue.red()) < 25
               and abs(image.pixelColor(x, y).blue() - blue.blue()) < 25
               and abs(image.pixelColor(x, y).green() - blue.green()) < 25)
    assert hits > 20


def test_fits_on_resize_and_zooms_with_ctrl_wheel(qtbot):
    session, view = make_view(qtbot, load_preset("seed000"), size=(700, 480))

    def fits() -> bool:
        shown = view.mapFromScene(view.diagram.itemsBoundingRect()).boundingRect()
        return view.viewport().rect().contains(shown)

    assert fits()
    small = view.transform().m11()
    view.resize(1100, 760)
    qtbot.waitUntil(lambda: view.transform().m11() > small)
    assert fits()
    fitted = view.transform().m11()
    centre = view.viewport().rect().center()
    wheel = QWheelEvent(QPointF(centre), QPointF(view.viewport().mapToGlobal(centre)), QPoint(0, 0),
                        QPoint(0, 240), Qt.MouseButton.NoButton, Qt.KeyboardModifier.ControlModifier,
                        Qt.ScrollPhase.NoScrollPhase, False)
    QApplication.sendEvent(view.viewport(), wheel)
    assert view.transform().m11() == pytest.approx(fitted * 1.15 ** 2)
    QTest.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, QPoint(3, 3))
    QTest.mouseRelease(view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, QPoint(3, 3))
    assert view.transform().m11() == pytest.approx(fitted)
