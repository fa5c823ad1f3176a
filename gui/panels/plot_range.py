"""What the loss plot's axes show: the range a live run follows (in 1-2-5 steps, so the axes are
redrawn only when it grows) and when the loss axis goes logarithmic by itself. Pure arithmetic on
the curve's numbers; the ranges are in the plot's own coordinates (log10 of the value on a log axis,
as pyqtgraph draws them)."""
from __future__ import annotations

import math

import numpy as np

LOG_DECADES = 3.0      # a curve spanning more than this many decades reads better on a log axis
# pyqtgraph's ViewBox shows nothing beyond ±1e307 (its limits) and raises for a range whose ends sum past
# the largest float: a loss above it (a finite 1.4e308) is drawn clipped at the top.
DRAWABLE = 1e307
# On a log axis the view is in decades. pyqtgraph stops at 308.2, a hair under where 10 ** v (its tick
# labels, the step a hover reads back) overflows; the plot stops well inside. A loss beyond (a finite
# 7.2e307, a subnormal 1e-320) is clipped.
LOG_LIMIT = 300.0


def nice_ceiling(v: float) -> float:
    """The smallest of 1, 2, 5 × 10^k that is ≥ v, and no more than the plot can draw."""
    if v <= 0 or not np.isfinite(v):
        return 1.0
    if v >= DRAWABLE / 2:
        return DRAWABLE
    e = 10.0 ** np.floor(np.log10(v))
    for m in (1, 2, 5, 10):
        if m * e >= v:
            return m * e
    return 10 * e


def decades(low: float, high: float) -> float:
    """How many powers of ten the positive values low…high span (0 when there is nothing to span)."""
    if not (low > 0 and high > low and math.isfinite(high)):
        return 0.0
    return math.log10(high / low)


def wants_log(low: float, high: float) -> bool:
    return decades(low, high) > LOG_DECADES


def follow_x(last_step: float, log: bool) -> tuple[float, float]:
    """The step axis of a live run: from the first step to a 1-2-5 ceiling past the last."""
    top = nice_ceiling(last_step + 1)
    return (0.0, math.log10(top)) if log else (0.0, top)


def follow_y(low: float, high: float, log: bool) -> tuple[float, float]:
    """The loss axis of a live run: 0…a 1-2-5 ceiling of the peak, or whole decades on a log axis."""
    if not log:
        return 0.0, nice_ceiling(high)
    if not (low > 0 and high > 0):
        return 0.0, 1.0
    bottom, top = math.floor(math.log10(low)), math.ceil(math.log10(high))
    return float(bottom), float(max(top, bottom + 1))


def drawn_at(x: float, y: float, log_x: bool, log_y: bool) -> tuple[float, float] | None:
    """Where a point is drawn (log10 on a log axis), or None when a log axis cannot show it."""
    if (log_x and not x > 0) or (log_y and not y > 0):
        return None
    return (math.log10(x) if log_x else x), (math.log10(y) if log_y else y)


class Extent:
    """The lowest, highest and lowest positive of the values seen so far (a curve's, as it grows)."""

    def __init__(self) -> None:
        self.low, self.high, self.positive = math.inf, -math.inf, math.inf

    def add(self, v: np.ndarray) -> None:
        """Take these values in (two passes over them while they are all positive, as losses are)."""
        if not len(v):
            return
        low = float(v.min())
        self.low, self.high = min(self.low, low), max(self.high, float(v.max()))
        positive = low if low > 0 else float(np.min(v, where=v > 0, initial=math.inf))
        self.positive = min(self.positive, positive)

    def merge(self, other: Extent) -> None:
        self.low, self.high = min(self.low, other.low), max(self.high, other.high)
        self.positive = min(self.positive, other.positive)

    def with_(self, v: np.ndarray) -> Extent:
        out = Extent()
        out.merge(self)
        out.add(v)
        return out

    def span(self, log: bool) -> tuple[float, float] | None:
        """The values' range as drawn (log10 of the positive ones on a log axis), or None if none is drawn."""
        if log:
            if not self.positive < math.inf:
                return None
            return math.log10(self.positive), math.log10(self.high)
        if self.low > self.high:
            return None
        return max(self.low, -DRAWABLE), min(self.high, DRAWABLE)


def data_bounds(curves, log_x: bool, log_y: bool):
    """((x0, x1), (y0, y1)) around every point of these curves as drawn, or None when there are none.
    Each curve gives its points' extents (curve.extents: all of its points, not only those handed to
    pyqtgraph)."""
    xs, ys = [], []
    for c in curves:
        x, y = c.extents(log_x)
        sx, sy = x.span(log_x), y.span(log_y)
        if sx and sy:
            xs.append(sx)
            ys.append(sy)
    if not xs:
        return None
    return ((min(a for a, _ in xs), max(b for _, b in xs)), (min(a for a, _ in ys), max(b for _, b in ys)))
