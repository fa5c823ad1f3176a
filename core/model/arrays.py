"""The one name for the arrays every number lives in, so signatures say what they hold."""
from __future__ import annotations

import numpy as np
import numpy.typing as npt

FloatArray = npt.NDArray[np.float64]
