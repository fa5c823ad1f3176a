"""The samples a network learns from: inputs X and targets Y, one row a sample."""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from backprop_lab.core.model.arrays import FloatArray

MAX_SAMPLES = 10_000       # the most samples a data set (and so a file) may hold


@dataclass(init=False)
class Dataset:
    X: FloatArray
    Y: FloatArray

    # Written out rather than generated: any array-like goes in, a 2-D float array is kept.
    def __init__(self, X: npt.ArrayLike, Y: npt.ArrayLike) -> None:
        self.X = np.atleast_2d(np.array(X, dtype=float))
        self.Y = np.atleast_2d(np.array(Y, dtype=float))
        if self.X.shape[0] != self.Y.shape[0]:
            raise ValueError(f"data: {self.X.shape[0]} inputs but {self.Y.shape[0]} targets")
        if self.X.shape[0] < 1:
            raise ValueError("data: at least one sample is needed")
        if not (np.isfinite(self.X).all() and np.isfinite(self.Y).all()):
            raise ValueError("data: every input and target must be a finite number")

    def __len__(self) -> int:
        return self.X.shape[0]

    def copy(self) -> Dataset:
        return Dataset(self.X.copy(), self.Y.copy())
