"""The mean of finite numbers, finite: three sample losses of 7.2e307 sum past the largest float, and
numpy's mean (the sum, divided) is then inf, with an overflow warning. There each number is divided
first; everywhere else the result is numpy's mean to the last digit. NaN and inf among the numbers stay
what they make of the mean."""
from __future__ import annotations

from typing import Any

import numpy as np


def mean(values: np.ndarray, axis: int | None = None) -> Any:
    """numpy.mean(values, axis): a float for axis None, else an array (Any: mypy has no type for
    "float or array as axis says")."""
    n = values.size if axis is None else values.shape[axis]
    with np.errstate(over="ignore"):
        out = np.sum(values, axis=axis) / n
        past = np.isinf(out)            # an overflow; a NaN stays one whichever way it is summed
        if np.any(past):
            divided = np.sum(values / n, axis=axis)
            out = np.where(past & np.isfinite(divided), divided, out)
    return float(out) if axis is None else out
