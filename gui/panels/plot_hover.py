"""The hover label of the loss plot: a point's step and value, in the colour of the curve it belongs
to, and gone with that curve (when its data are replaced or it is taken away) — never left over a
later curve."""
from __future__ import annotations

import pyqtgraph as pg


class HoverLabel:
    def __init__(self, plot_item):
        self.curve = None           # the curve the label is about
        self.dot = pg.ScatterPlotItem(size=9, pen=pg.mkPen("w"))
        self.text = pg.TextItem(color="#222", fill=pg.mkBrush(255, 255, 255, 220), anchor=(0, 1))
        for item in (self.dot, self.text):
            item.setVisible(False)
            plot_item.addItem(item, ignoreBounds=True)

    def show(self, curve, at, text: str) -> None:
        self.curve = curve
        colour = pg.mkPen(curve.opts["pen"]).color()
        self.dot.setData([at[0]], [at[1]], brush=pg.mkBrush(colour))
        self.text.setText(text)
        self.text.setPos(at[0], at[1])
        self.dot.setVisible(True)
        self.text.setVisible(True)

    def forget(self, curve=None) -> None:
        """Hide the label: any, or only if it is about `curve`."""
        if curve is None or curve is self.curve:
            self.curve = None
            self.dot.setVisible(False)
            self.text.setVisible(False)

    @property
    def shown(self) -> bool:
        return self.curve is not None
