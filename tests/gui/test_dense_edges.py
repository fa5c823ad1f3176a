"""The dense layer pairs' edges are painted by one item (gui/diagram/dense_edges.py): a 32 × 8 net's
8,192 edges in a few calls, not 8,192 (issue 8: its repaint froze Run). What the learner sees must not
change: every edge drawn in its sign's colour, redrawn when the weights change; an edge selected or
hovered is drawn by itself, on top."""
import numpy as np
from PySide6.QtCore import QPoint, QRectF, Qt
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtWidgets import QGraphicsItem

from backprop_lab.gui.diagram import style
from backprop_lab.gui.diagram.bindings import ParamBinding
from backprop_lab.gui.diagram.dense_edges import MANY, DenseEdges
from backprop_lab.gui.diagram.scrub_number import ScrubNumber
from backprop_lab.gui.diagram.view import NetworkView, _project_for
from backprop_lab.gui.session import Session

NO_CONTENTS = QGraphicsItem.GraphicsItemFlag.ItemHasNoContents


def shown(qtbot, spec):
    session = Session(_project_for(spec))
    view = NetworkView(session)
    qtbot.addWidget(view)                          # closed after the test: no window left under the pointer
    view.resize(900, 620)
    view.show()
    qtbot.waitExposed(view)
    return session, view


def colour_counts(scene) -> tuple[int, int]:
    """Pixels closer to the positive blue than to the negative orange, and the other way round,
    over the space between the first two columns of neurons (where only edges are drawn)."""
    rect = scene.sceneRect()
    image = QImage(600, 400, QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    p = QPainter(image)
    scene.render(p, QRectF(image.rect()), rect)
    p.end()
    xs = [e.line.center().x() for e in scene.edges.values() if e.key[1] == 1]
    x0 = int((min(xs) - rect.left()) / rect.width() * 600)
    a = np.frombuffer(image.constBits(), np.uint8).reshape(400, 600, 4)[:, x0 - 5:x0 + 5, :3].astype(int)
    b, r = a[..., 0], a[..., 2]
    blue, orange = (b > r + 40).sum(), (r > b + 40).sum()
    return int(blue), int(orange)


def test_dense_edges_are_painted_by_one_item_a_pair_in_their_colours(qtbot):
    s, view = shown(qtbot, "16-16-16")
    scene = view.scene()
    batches = [i for i in scene.items() if isinstance(i, DenseEdges)]
    # one item a layer pair, each painting that pair's 256 edges, together all 512
    by_pair = {b.edges[0].key[1]: b for b in batches}
    assert sorted(by_pair) == [1, 2] and len(batches) == 2
    assert all({e.key[1] for e in b.edges} == {l} and len(b.edges) == 256 for l, b in by_pair.items())
    assert {e.key for b in batches for e in b.edges} == set(scene.edges) and len(scene.edges) == 512
    own = [k for k, e in scene.edges.items() if not e.flags() & NO_CONTENTS]
    assert own == [s.selection]                    # only the selected edge paints itself
    with s.model.changing():                       # every weight positive: blue edges
        for i in range(s.net.n_params):
            s.model.set_param(i, abs(s.net.theta[i]) + 0.1)
    blue, orange = colour_counts(scene)
    assert blue > 200 and orange == 0
    with s.model.changing():                       # all negative: the batch repaints in orange
        for i in range(s.net.n_params):
            s.model.set_param(i, -abs(s.net.theta[i]))
    blue, orange = colour_counts(scene)
    assert orange > 200 and blue == 0


def test_a_selected_or_hovered_dense_edge_paints_itself(qtbot):
    s, view = shown(qtbot, "16-16-16")
    edge = view.scene().edges[("W", 1, 3, 5)]
    s.select(("W", 1, 3, 5))
    assert not edge.flags() & NO_CONTENTS and edge.label.isVisible()
    s.select(("W", 2, 0, 0))
    assert edge.flags() & NO_CONTENTS and not edge.label.isVisible()
    pos = view.mapFromScene(edge.line.pointAt(0.5))
    qtbot.mouseMove(view.viewport(), pos)
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=pos)
    assert s.selection[0] == "W" and not view.scene().edges[s.selection].flags() & NO_CONTENTS


def test_a_dense_pairs_labels_are_made_when_first_shown(qtbot):
    """A dense pair's weight labels show only on hover, selection or highlight, and are made then (the
    largest net made 8,192 at every layout: a second or two of a still window at each resize), showing
    the weight, its sign's border and the teacher's lock."""
    s, view = shown(qtbot, "16-16-16")
    scene = view.scene()

    def made():
        return {i.binding.select_key for i in scene.items() if isinstance(i, ScrubNumber)
                and isinstance(i.binding, ParamBinding) and i.binding.select_key[0] == "W"}
    assert made() == {s.selection} and scene.edges[s.selection].label_shown
    s.set_locked({k for k in scene.edges if k[1] == 1})
    with s.model.changing():                         # every weight of the first pair negative
        for k in scene.edges:
            if k[1] == 1:
                s.model.set_param(s.index(k), -abs(s.value(k)) - 0.01)
    edge = scene.edges[("W", 1, 7, 9)]
    pos = view.mapFromScene(edge.line.pointAt(0.5))
    for at in (pos + QPoint(2, 0), pos):             # offscreen, a first move only places the pointer
        qtbot.mouseMove(view.viewport(), at)
    hovered = scene._hovered
    assert hovered is not None and hovered.key[1] == 1 and hovered.label_shown
    assert made() == {s.selection, hovered.key}
    label = hovered.label
    assert label.text == style.format_value(s.value(hovered.key), given=True) and label.text.startswith("\u2212")
    assert label.border.rgb() == style.NEGATIVE.rgb() and label.locked
    s.select(("W", 2, 0, 1))                         # not locked: a label made unlocked
    assert scene.edges[("W", 2, 0, 1)].label_shown and not scene.edges[("W", 2, 0, 1)].label.locked


def test_the_largest_net_draws_its_edges_opaque_and_aliased():
    from backprop_lab.gui.diagram.dense_edges import opaque
    from backprop_lab.gui.diagram.style import BACKGROUND, edge_pen
    assert 32 * 32 * 7 > MANY
    pen = edge_pen(1, 10, 150)
    solid = opaque(pen)
    assert solid.color().alpha() == 255 and solid.widthF() == pen.widthF()
    c = pen.color()
    expected = c.alphaF() * c.redF() + (1 - c.alphaF()) * BACKGROUND.redF()
    assert abs(solid.color().redF() - expected) < 1 / 255


def test_past_many_lines_the_dimmed_edges_are_drawn_lighter_opaque(qtbot):
    """A highlight dims every other edge (the walk-through's steps): past MANY lines the dimming is folded
    into an opaque colour (painting 8,192 translucent lines took four times as long), which must still
    read lighter than the edge undimmed, and as the translucent line would show over the background."""
    from backprop_lab.gui.diagram.dense_edges import opaque
    from backprop_lab.gui.diagram.style import BACKGROUND, DIMMED_OPACITY, edge_pen
    pen = edge_pen(1, 10, 150)
    dim = opaque(pen, DIMMED_OPACITY)
    c = pen.color()
    a = c.alphaF() * DIMMED_OPACITY
    assert dim.color().alpha() == 255 and abs(dim.color().blueF() - (a * c.blueF() + (1 - a) * BACKGROUND.blueF())) \
        < 1 / 255
    s, view = shown(qtbot, "32-32-32")
    assert len(view.scene().edges) > MANY
    vivid = ink(view.scene())
    s.set_highlight(frozenset({("n", 1, 0)}))         # a neuron: every edge dimmed
    assert all(e.dimmed for e in view.scene().edges.values())
    dimmed = ink(view.scene())
    assert 0.1 * vivid < dimmed < 0.6 * vivid


def ink(scene) -> float:
    """How far from white the space between the first two columns of neurons is, summed."""
    rect = scene.sceneRect()
    image = QImage(600, 400, QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    p = QPainter(image)
    scene.render(p, QRectF(image.rect()), rect)
    p.end()
    xs = [e.line.center().x() for e in scene.edges.values() if e.key[1] == 1]
    x0 = int((min(xs) - rect.left()) / rect.width() * 600)
    a = np.frombuffer(image.constBits(), np.uint8).reshape(400, 600, 4)[:, x0 - 5:x0 + 5, :3].astype(int)
    return float((255 - a).sum())
