"""A loss curve whose auto-range reads its own numbers. pyqtgraph's auto-range asks each curve for the
bounds of what it draws, and peak downsampling drops the last few (< its factor) points: after a long
run the last steps, often the last decade of the loss, fell outside the view."""
from __future__ import annotations

import pyqtgraph as pg

from .plot_range import data_bounds


class FullBoundsCurve(pg.PlotDataItem):
    def dataBounds(self, ax, frac=1.0, orthoRange=None):
        if not self.isVisible():
            return (None, None)
        log_x, log_y = self.opts["logMode"]
        bounds = data_bounds([self], log_x, log_y)
        return (None, None) if bounds is None else bounds[ax]


def add_curve(plot: pg.PlotItem, *args, **kwargs) -> FullBoundsCurve:
    """PlotItem.plot, with this curve (the plot's own downsampling and clipping apply as to any curve)."""
    curve = FullBoundsCurve(*args, **kwargs)
    plot.addItem(curve)
    return curve
