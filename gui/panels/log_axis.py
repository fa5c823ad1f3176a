"""A log axis whose labels do not run into each other. Within a decade pyqtgraph labels every minor
tick (2·10², 3·10², … 9·10²), and the last ones crowd together at the decade's end until they overlap
(the sweep window at η 100 to 1,000). With more than a few labels, only the mantissas 1, 2 and 5 keep
theirs; every tick is still drawn."""
from __future__ import annotations

import math

import pyqtgraph as pg

KEPT = (1, 2, 5)
FEW = 4          # this many labels or fewer: all kept (a range inside one decade keeps its labels)


class LogAxis(pg.AxisItem):
    def logTickStrings(self, values, scale, spacing):
        strings = super().logTickStrings(values, scale, spacing)
        if len(strings) <= FEW:
            return strings
        return [s if _mantissa(v) in KEPT else "" for v, s in zip(values, strings)]


def _mantissa(log_value: float) -> int:
    m = round(10 ** (log_value - math.floor(log_value + 1e-9)))
    return 1 if m == 10 else m          # a decade a hair below its integer log: 10³ read as 9.99…·10²
