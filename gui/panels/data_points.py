"""Editing the data on the data view (the decision-boundary plot): a click on an empty spot adds a
point of the chosen class, dragging a point moves it, a right-click (or Ctrl+click) on a point deletes
it. Each edit is one undoable command through the session (add_sample, move_sample, remove_sample);
while a point is dragged only the picture moves, and the data set changes once, on release."""
from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt

PICK_PIXELS = 8        # a press this close to a point's centre takes that point


class PointsViewBox(pg.ViewBox):
    """A ViewBox that offers its clicks and drags to the point editor first (else it pans as usual)."""

    def __init__(self):
        super().__init__()
        self.editor: PointEditor | None = None
        self.setMenuEnabled(False)

    def mouseClickEvent(self, ev):
        if self.editor is not None and self.editor.click(ev):
            ev.accept()
            return
        super().mouseClickEvent(ev)

    def mouseDragEvent(self, ev, axis=None):
        if self.editor is not None and self.editor.drag(ev):
            ev.accept()
            return
        super().mouseDragEvent(ev, axis)


class PointEditor:
    def __init__(self, view, vb: PointsViewBox):
        self.view, self.vb = view, vb
        self.dragging: int | None = None
        vb.editor = self

    @property
    def session(self):
        return self.view.session

    def nearest(self, at) -> int | None:
        """The sample under a view position, within PICK_PIXELS, or None."""
        X = self.session.data.X
        pw, ph = self.vb.viewPixelSize()
        if not (pw > 0 and ph > 0) or X.shape[1] != 2:
            return None
        d = np.hypot((X[:, 0] - at.x()) / pw, (X[:, 1] - at.y()) / ph)
        k = int(np.argmin(d))
        return k if d[k] <= PICK_PIXELS else None

    def click(self, ev) -> bool:
        if not self.view.drawable():
            return False
        at = self.vb.mapToView(ev.pos())
        k = self.nearest(at)
        button, mods = ev.button(), ev.modifiers()
        deleting = button == Qt.MouseButton.RightButton or (
            button == Qt.MouseButton.LeftButton and mods & Qt.KeyboardModifier.ControlModifier)
        if deleting:
            if k is not None:
                self.session.remove_sample(k)
            return True
        if button != Qt.MouseButton.LeftButton:
            return False
        if k is None:
            self.session.add_sample([at.x(), at.y()], self.view.chosen_target())
        return True

    def drag(self, ev) -> bool:
        if ev.button() != Qt.MouseButton.LeftButton or not self.view.drawable():
            return False
        if ev.isStart():
            self.dragging = self.nearest(self.vb.mapToView(ev.buttonDownPos()))
        k = self.dragging
        if k is None or k >= len(self.session.data):
            return False
        at = self.vb.mapToView(ev.pos())
        if ev.isFinish():
            self.dragging = None
            if self.session.move_sample(k, [at.x(), at.y()]) is not None:
                self.view.show_points(self.session.data.X)     # refused: the point goes back
            return True
        X = self.session.data.X.copy()
        X[k] = (at.x(), at.y())
        self.view.show_points(X)
        return True
