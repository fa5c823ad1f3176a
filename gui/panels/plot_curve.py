"""A loss curve that keeps all its points and hands pyqtgraph only those worth drawing for the steps in
view (curve_envelope: each slice's lowest and highest point, all of them when few), so a frame of a
long run costs the same at a million steps as at ten thousand. Its bounds, for auto-range and fit, are
of all its points: peak downsampling dropped the last few points (< its factor), and after a long run
the last steps, often the last decade of the loss, fell outside the view. Hover and click read the
points themselves (full_x, full_y), never the drawn ones."""
from __future__ import annotations

import numpy as np
import pyqtgraph as pg

from .curve_envelope import RAW, Pyramid, chosen
from .plot_range import Extent, data_bounds

NEAR = 0.01           # a view moved by less than this share of its width keeps the points handed over


class FullBoundsCurve(pg.PlotDataItem):
    def __init__(self, *args, **kwargs):
        self._checked = not kwargs.get("skipFiniteCheck", False)
        super().__init__(**kwargs)
        self._key: object = None
        self.full_x, self.full_y = np.empty(0), np.empty(0)
        self._drawn_for: object = None     # the view the handed points were chosen for
        self._restart()
        if args:
            self.set_full(*args)

    def _restart(self) -> None:
        self._pyramid = Pyramid()
        self._y_all, self._y_past_zero = Extent(), Extent()     # of the stable points: all, those at x > 0

    def setData(self, *args, **kwargs):
        """setData(x, y): the curve's points (all of them; those drawn are chosen from them)."""
        if len(args) == 2 and hasattr(self, "_pyramid"):
            self.set_full(*args)
        else:
            super().setData(*args, **kwargs)

    def set_full(self, x: np.ndarray, y: np.ndarray, key: object = None) -> None:
        """The whole curve (x ascending). With the key of the last call x, y are that curve grown: the
        points it had, but the last (the present, which moves), are unchanged."""
        x, y = np.asarray(x, dtype=float), np.asarray(y, dtype=float)
        stable = max(len(x) - 1, 0)
        if key is None or key != self._key or stable < self._pyramid.n:
            self._restart()
        self._key = key
        done = self._pyramid.n
        if stable > done:
            self._pyramid.extend(y, stable)
            new_x, new_y = x[done:stable], y[done:stable]
            past = int(np.searchsorted(new_x, 0.0, "right"))         # x ascending: those at x > 0 end it
            tail = Extent()
            tail.add(new_y[past:])
            self._y_past_zero.merge(tail)
            self._y_all.merge(tail)
            self._y_all.add(new_y[:past])
        self.full_x, self.full_y = x, y
        self._drawn_for = None
        self.show_range()

    def viewRangeChanged(self, vb=None, ranges=None, changed=None):
        if changed is None or changed[0]:
            self.show_range()
        super().viewRangeChanged(vb, ranges, changed)

    def _view(self):
        """The steps in view, in the plot's coordinates (None: all, while the view follows the curves)."""
        vb = self.getViewBox()
        return None if not isinstance(vb, pg.ViewBox) or vb.autoRangeEnabled()[0] else vb.viewRange()[0]

    def show_range(self) -> None:
        """Hand pyqtgraph the points to draw for the steps in view, unless those handed over were
        chosen for (nearly) the same steps."""
        x, y, view = self.full_x, self.full_y, self._view()
        log_x = bool(self.opts["logMode"][0])
        wanted = ("all",) if len(x) <= RAW else (log_x, *self._seen(view, log_x))
        if wanted == self._drawn_for or _near(wanted, self._drawn_for):
            return
        self._drawn_for = wanted
        if len(x) <= RAW:
            super().setData(x, y, skipFiniteCheck=not self._checked)
            return
        pick = chosen(self._pyramid, x, y, None if view is None else tuple(view), log_x)
        super().setData(x[pick], y[pick], skipFiniteCheck=not self._checked)

    def near(self, view) -> np.ndarray:
        """Indices of the points to look at for the one nearest a place in view (plot coordinates): all
        of them in view when few, else each of many thin slices' lowest and highest."""
        if not len(self.full_x):
            return np.zeros(0, dtype=np.int64)
        return chosen(self._pyramid, self.full_x, self.full_y, view, bool(self.opts["logMode"][0]), all_if_few=False)

    def _seen(self, view, log_x: bool) -> tuple[float, float]:
        """The part of the view that has points (all the points' steps when view is None)."""
        span = self.extents(log_x)[0].span(log_x)
        if span is None:
            return (0.0, 0.0)
        if view is None:
            return span
        return max(span[0], float(view[0])), min(span[1], float(view[1]))

    def extents(self, log_x: bool) -> tuple[Extent, Extent]:
        """(steps, losses) of all the points (on a log step axis, the losses of those at steps > 0)."""
        x, y = self.full_x, self.full_y
        steps = Extent()
        if len(x):
            steps.add(x[[0, -1]] if not log_x else x[[int(np.searchsorted(x, 0.0, "right")) % len(x), -1]])
        stable = self._pyramid.n
        last_x, last_y = x[stable:], y[stable:]
        if log_x:
            return steps, self._y_past_zero.with_(last_y[last_x > 0])
        return steps, self._y_all.with_(last_y)

    def dataBounds(self, ax, frac=1.0, orthoRange=None):
        if not self.isVisible():
            return (None, None)
        log_x, log_y = self.opts["logMode"]
        bounds = data_bounds([self], log_x, log_y)
        return (None, None) if bounds is None else bounds[ax]


def _near(a, b) -> bool:
    """Two views (log_x, first, last) of the same axis, their ends within NEAR of the width apart."""
    if not (isinstance(a, tuple) and isinstance(b, tuple) and len(a) == len(b) == 3 and a[0] == b[0]):
        return False
    width = max(a[2] - a[1], b[2] - b[1], 1e-300)
    return abs(a[1] - b[1]) <= NEAR * width and abs(a[2] - b[2]) <= NEAR * width


def add_curve(plot: pg.PlotItem, *args, **kwargs) -> FullBoundsCurve:
    """PlotItem.plot, with this curve (the plot's own downsampling and clipping apply as to any curve)."""
    curve = FullBoundsCurve(*args, **kwargs)
    plot.addItem(curve)
    return curve
