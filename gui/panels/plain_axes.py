"""Axis numbers as they are. pyqtgraph's automatic SI prefix writes 0.024 as 24 with "(x0.001)" after
the axis label, which a learner reads as 24 (issue 9): every plot of the window turns it off here."""
from __future__ import annotations


def plain_axes(item) -> None:
    for side in ("bottom", "left"):
        item.getAxis(side).enableAutoSIPrefix(False)
