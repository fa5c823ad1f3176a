"""The samples a network learns from: inputs X and targets Y, one row a sample."""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

MAX_SAMPLES = 10_000       # the most samples a data set (and so a file) may hold


@dataclass
class Dataset:
    X: np.ndarray
    Y: np.ndarray

    def __post_init__(self) -> None:
        self.X = np.atleast_2d(np.array(self.X, dtype=float))
        self.Y = np.atleast_2d(np.array(self.Y, dtype=float))
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
