"""NetworkView: the network diagram the main window puts in its centre.

It shows the scene fitted to the window, the inline editor and notes over it, a "viewing step N"
banner while the session shows a past state, and a one-line legend of what colour and width mean, and how to
change a number.

Preview alone:  python -m backprop_lab.gui.diagram.view [NET] [--screenshot PATH] [--size 900x620]
NET is a preset name, a project file, or layer sizes such as 4-16-16-3 (random weights, seed 0).
"""
from __future__ import annotations

from PySide6.QtCore import QPoint, QPointF, QRectF, Qt, QTimer
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import QGraphicsView, QLabel

from ..zoom import factor as zoom_factor
from . import style
from .number_editor import Note, NumberEditor
from .scene import NetworkScene

MAX_SCALE = 1.25     # a big window should not blow the text up beyond comfortable reading
RELAYOUT_MS = 150    # while a window is being resized, lay out again only once it stops


def _fit_label(label: QLabel, room: int) -> None:
    """One line where it fits; on a narrow view (1024×700) it wraps rather than being cut off."""
    label.setWordWrap(False)
    natural = label.sizeHint()
    if natural.width() <= room or room <= 0:
        label.resize(natural)
    else:
        label.setWordWrap(True)
        label.resize(room, label.heightForWidth(room))


class NetworkView(QGraphicsView):
    def __init__(self, session, parent=None):
        super().__init__(parent)
        self.session = session
        self.setObjectName("networkView")
        # Built on the first show or resize, when the size it should fit is known.
        self.diagram = NetworkScene(session, self, build=False)
        self.setScene(self.diagram)
        self.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing
                            | QPainter.RenderHint.SmoothPixmapTransform)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.SmartViewportUpdate)
        self.setFrameShape(QGraphicsView.Shape.NoFrame)
        self.setMinimumSize(280, 240)     # 1024 px hold the controls, this and the Learn tabs
        self.editor: NumberEditor | None = None
        self.note = Note(self.viewport())
        self.banner = QLabel(self.viewport())
        self.banner.setObjectName("diagramReadOnlyBanner")
        self.banner.setStyleSheet("QLabel { background: rgba(106, 61, 154, 28); color: #4B2A6E;"
                                  " border: 1px solid rgba(106, 61, 154, 90); border-radius: 4px;"
                                  " padding: 3px 8px; }")
        self.banner.hide()
        self.legend = QLabel(self.viewport())
        self.legend.setObjectName("diagramLegend")
        self.legend.setTextFormat(Qt.TextFormat.RichText)
        self.hint = QLabel(self.tr("drag a number sideways, or double-click it to type"), self.viewport())
        self.hint.setObjectName("diagramHint")
        for label in (self.legend, self.hint):
            label.setStyleSheet("QLabel { color: #5F6670; background: rgba(251, 251, 250, 220); padding: 2px 4px; }")
            label.adjustSize()
        self.diagram.editRequested.connect(self.open_editor)
        self.diagram.refused.connect(self._show_refusal)
        self.diagram.aboutToRebuild.connect(self.close_editor)
        self._relayout_timer = QTimer(self)
        self._relayout_timer.setSingleShot(True)
        self._relayout_timer.setInterval(RELAYOUT_MS)
        self._relayout_timer.timeout.connect(self.relayout)
        session.shapeChanged.connect(self.fit)
        session.notationChanged.connect(lambda _form: self.fit())
        session.changed.connect(self._update_overlays)
        viewing = getattr(session, "viewingChanged", None)
        if viewing is not None:
            viewing.connect(self._update_overlays)
        self._update_overlays()

    def retranslate(self) -> None:
        """A change of language: the scene's headers and tool tips are written again."""
        self.hint.setText(self.tr("drag a number sideways, or double-click it to type"))
        if self.diagram.items():
            self.diagram.rebuild()
        self._update_overlays()

    # ----- fitting ------------------------------------------------------------------------------
    def fit(self) -> None:
        """fitInView with margins, keeping the aspect, leaving the legend's strip free."""
        rect: QRectF = self.diagram.sceneRect()
        vp = self.viewport().rect()
        if rect.isEmpty() or vp.isEmpty():
            return
        margin, strip = 8, self._strip()
        scale = min((vp.width() - 2 * margin) / rect.width(), (vp.height() - 2 * margin - strip) / rect.height())
        if zoom_factor() > 1:
            # Zoomed for a room, the docks' larger text takes width from the diagram; its margins give way
            # before it is shown smaller than its unzoomed reading size.
            edge = min(vp.width() / rect.width(), (vp.height() - strip) / rect.height())
            scale = max(scale, min(edge, MAX_SCALE))
        scale = max(0.05, min(MAX_SCALE * zoom_factor(), scale))
        self.resetTransform()
        self.scale(scale, scale)
        self.setDragMode(QGraphicsView.DragMode.NoDrag)
        # Centre the diagram in the area above the legend strip.
        self.centerOn(rect.center() + QPointF(0, strip / 2 / scale))

    def _room(self) -> tuple[float, float]:
        """The room the scene is laid out for: the viewport, made smaller by the zoom (gui.presentation)
        so that the fitted scene is shown that much larger."""
        vp, f = self.viewport().rect(), zoom_factor()
        return float(vp.width() - 16) / f, float(vp.height() - 16 - self._strip()) / f

    def rezoom(self, _factor: float) -> None:
        for label in (self.legend, self.hint):
            label.adjustSize()
        self._place_overlays()
        self.relayout(force=True)

    def _hint_beside_legend(self) -> bool:
        return self.legend.width() + self.hint.width() + 24 <= self.viewport().width()

    def _strip(self) -> int:
        """Height kept free at the bottom for the legend, and the hint where it needs its own line."""
        return self.legend.height() + (0 if self._hint_beside_legend() else self.hint.height()) + 6

    @property
    def layout_pending(self) -> bool:
        return self._relayout_timer.isActive()

    def relayout(self, force: bool = False) -> None:
        """Lay the scene out again for the view's present size (gaps stretch, fonts stay), unless the
        size barely changed since the last layout; then fit it."""
        self._relayout_timer.stop()
        room, old = self._room(), self.diagram.room
        near = old is not None and all(abs(a - b) <= 0.06 * b for a, b in zip(room, old))
        if force or not near:
            self.diagram.room = room
            if self.session.project is not None:
                self.diagram.rebuild()
        self.fit()

    def resizeEvent(self, event):
        super().resizeEvent(event)
        self._place_overlays()
        if self.isVisible() and self.diagram.room is not None:
            self.fit()                      # at once, on the old layout; the new one follows
            self._relayout_timer.start()
        else:
            self.relayout()

    def showEvent(self, event):
        super().showEvent(event)
        self._place_overlays()
        self.relayout()

    # ----- overlays -----------------------------------------------------------------------------
    def _update_overlays(self, *_) -> None:
        step = self.session.viewing_step
        if step is None:
            self.banner.hide()
        else:
            self.banner.setText(self.tr("Viewing step %1 (read-only)").replace("%1", str(step)))
            self.banner.adjustSize()
            self.banner.show()
            self.close_editor()
        pos, neg = style.POSITIVE.name(), style.NEGATIVE.name()
        if self.session.gradient_colours:
            what = self.tr("colour: sign of dE/dw, width: its size")
        else:
            what = self.tr("colour: sign of the weight, width: its size")
        legend = (f"<span style='color:{pos}'>━━</span> + &nbsp;<span style='color:{neg}'>━━</span> − &nbsp;"
                  f"{what}")
        if legend != self.legend.text():
            self.legend.setText(legend)
            self.legend.adjustSize()
        self._place_overlays()

    def _place_overlays(self) -> None:
        vp = self.viewport().rect()
        for label in (self.legend, self.hint):
            _fit_label(label, vp.width() - 12)
        self.banner.move(max(0, (vp.width() - self.banner.width()) // 2), 6)
        self.legend.move(6, max(0, vp.height() - self.legend.height() - 4))
        if self._hint_beside_legend():
            self.hint.move(vp.width() - self.hint.width() - 6, max(0, vp.height() - self.hint.height() - 4))
        else:
            self.hint.move(6, max(0, self.legend.y() - self.hint.height()))

    def _show_refusal(self, item, reason: str) -> None:
        if self.editor is not None and self.editor.item is item:
            self.editor.show_error(reason)
            return
        self.note.show_at(reason, self._below(item))

    def _below(self, item) -> QPoint:
        r = item.sceneBoundingRect()
        return self.mapFromScene(r.bottomLeft()) + QPoint(0, 4)

    # ----- editing ------------------------------------------------------------------------------
    def open_editor(self, item) -> NumberEditor:
        self.close_editor()
        self.note.hide()
        editor = NumberEditor(self.viewport(), item, self.session)
        editor.closed.connect(lambda e=editor: self._editor_closed(e))
        r = item.sceneBoundingRect()
        editor.place(self.mapFromScene(r.topLeft()) - QPoint(4, 4))
        editor.show()
        editor.raise_()
        editor.line.setFocus(Qt.FocusReason.OtherFocusReason)
        self.editor = editor
        return editor

    def _editor_closed(self, editor) -> None:
        if self.editor is editor:
            self.editor = None
            self.setFocus(Qt.FocusReason.OtherFocusReason)

    def close_editor(self) -> None:
        if self.editor is not None:
            self.editor.close_editor()

    # ----- zoom: Ctrl+wheel for a closer look at a wide net; double-click the background to fit ---
    def wheelEvent(self, event):
        if not event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            super().wheelEvent(event)
            return
        factor = 1.15 ** (event.angleDelta().y() / 120)
        scale = self.transform().m11() * factor
        if not 0.05 <= scale <= 4.0:
            return
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.scale(factor, factor)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorViewCenter)
        self.setDragMode(QGraphicsView.DragMode.ScrollHandDrag)
        event.accept()

    def mouseDoubleClickEvent(self, event):
        item = self.itemAt(event.position().toPoint())
        if item is None or item in self.diagram.headers:
            self.fit()
            return
        super().mouseDoubleClickEvent(event)

    def mouseReleaseEvent(self, event):
        super().mouseReleaseEvent(event)
        event.accept()          # the end of a click on the background (deselect, fit) is ours too

    def mousePressEvent(self, event):
        item = self.itemAt(event.position().toPoint())
        if item is None or item in self.diagram.headers:
            self.session.select(None)
        super().mousePressEvent(event)


# ----- preview ------------------------------------------------------------------------------------
def _project_for(spec: str):
    import re

    import numpy as np

    from backprop_lab.core.model.dataset import Dataset
    from backprop_lab.core.model.network import LayerSpec, Network, init_weights
    from backprop_lab.core.model.project import Project
    from backprop_lab.core.model.settings import Settings

    if re.fullmatch(r"\d+(-\d+)+", spec):
        sizes = [int(s) for s in spec.split("-")]
        layers = [LayerSpec(n, "sigmoid", "neuron") for n in sizes[1:]]
        net = Network(sizes[0], layers, "half_sse")
        init_weights(net, 0)
        rng = np.random.default_rng(0)
        net.theta[...] = rng.uniform(-1, 1, net.theta.size)
        data = Dataset(rng.uniform(0, 1, (1, sizes[0])), rng.uniform(0, 1, (1, sizes[-1])))
        return Project(net, data, Settings(), name=spec)
    from backprop_lab.core.io.presets import names, resolve
    if spec == "seed004" and spec not in names():
        # Until the preset ships: seed 004's 2-2-2 example as the text prints it.
        from backprop_lab.core.model.notation import seed004
        net = Network(2, [LayerSpec(2, "sigmoid", "none"), LayerSpec(2, "sigmoid", "none")], "half_sse",
                      theta=[.3, .4, .25, .35, .45, .7, .4, .6], notation=seed004())
        return Project(net, Dataset([[.1, .2]], [[.4, .6]]), Settings(lr=0.5), name="seed004")
    return resolve(spec)


def main(argv=None) -> int:
    import argparse
    import sys

    from PySide6.QtWidgets import QApplication

    parser = argparse.ArgumentParser(prog="python -m backprop_lab.gui.diagram.view",
                                     description="Preview the network diagram")
    parser.add_argument("net", nargs="?", default="seed004", help="preset name, project file, or sizes like 2-3-2")
    parser.add_argument("--screenshot", metavar="PATH", help="render offscreen to a PNG and quit")
    parser.add_argument("--size", default="900x620", help="view size WxH (default 900x620)")
    parser.add_argument("--select", help="key to select, e.g. W,2,0,1")
    parser.add_argument("--highlight", help="keys to highlight, ';'-separated, e.g. 'n,1,0;W,1,0,0'")
    parser.add_argument("--gradient", action="store_true", help="colour by dE/dw")
    args = parser.parse_args(argv)
    if args.screenshot:
        import os
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    app = QApplication.instance() or QApplication(sys.argv[:1])
    from ..session import Session

    session = Session(_project_for(args.net))
    view = NetworkView(session)
    w, h = (int(v) for v in args.size.lower().split("x"))
    view.resize(w, h)
    parse = lambda text: tuple(int(p) if p.lstrip("-").isdigit() else p for p in text.split(","))  # noqa: E731
    if args.select:
        session.select(parse(args.select))
    if args.highlight:
        session.set_highlight([parse(k) for k in args.highlight.split(";")])
    if args.gradient:
        session.gradient_colours = True
    view.show()
    if args.screenshot:
        app.processEvents()
        ok = view.grab().save(args.screenshot)
        view.close()
        if not ok:
            print(f"could not write {args.screenshot}", file=sys.stderr)
        return 0 if ok else 1
    return app.exec()


if __name__ == "__main__":
    raise SystemExit(main())
