"""Built-in two-input data sets (circle, XOR quadrants, two Gaussians, spiral) and the train/test split.

Each generator is a pure function of (kind, size, noise, seed): the same arguments give the same
points on every machine (numpy's PCG64 through default_rng). Points lie in [−1, 1]² before noise;
targets are class numbers 0/1, one column (a sigmoid output), or one-hot with `outputs=2` (softmax).
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from backprop_lab.core.model.arrays import FloatArray
from backprop_lab.core.model.dataset import MAX_SAMPLES, Dataset

KINDS = ("circle", "xor", "gaussians", "spiral")
MAX_NOISE = 1.0        # the noise's standard deviation, in units of the [−1, 1] square


@dataclass(frozen=True)
class GeneratorError(ValueError):
    """A generator argument out of range; `field` is the argument's name (size, noise, kind, ...)."""
    field: str
    message: str

    def __str__(self) -> str:
        return f"{self.field}: {self.message}"


def _circle(rng: np.random.Generator, n: int) -> tuple[FloatArray, FloatArray]:
    """Class 1 inside radius 0.5, class 0 in a ring from 0.7 to 1 (half the points each)."""
    cls = np.arange(n) % 2
    r = np.where(cls == 1, 0.5 * np.sqrt(rng.uniform(0, 1, n)), rng.uniform(0.7, 1.0, n))
    angle = rng.uniform(0, 2 * np.pi, n)
    return np.column_stack([r * np.cos(angle), r * np.sin(angle)]), cls.astype(float)


def _xor(rng: np.random.Generator, n: int) -> tuple[FloatArray, FloatArray]:
    """Class 1 where the signs of x₁ and x₂ differ; points kept 0.05 off the axes."""
    X = rng.uniform(0.05, 1.0, (n, 2)) * rng.choice([-1.0, 1.0], (n, 2))
    return X, (X[:, 0] * X[:, 1] < 0).astype(float)


def _gaussians(rng: np.random.Generator, n: int) -> tuple[FloatArray, FloatArray]:
    """Two blobs of standard deviation 0.25 around (0.5, 0.5) (class 1) and (−0.5, −0.5) (class 0)."""
    cls = np.arange(n) % 2
    centre = np.where(cls[:, None] == 1, 0.5, -0.5)
    return centre + rng.normal(0.0, 0.25, (n, 2)), cls.astype(float)


def _spiral(rng: np.random.Generator, n: int) -> tuple[FloatArray, FloatArray]:
    """Two interleaved arms, each turning 1.75 times out to radius 1."""
    cls = np.arange(n) % 2
    t = rng.uniform(0.0, 1.0, n)
    angle = 1.75 * 2 * np.pi * t + np.pi * cls
    return np.column_stack([t * np.cos(angle), t * np.sin(angle)]), cls.astype(float)


GENERATORS: dict[str, Callable[[np.random.Generator, int], tuple[FloatArray, FloatArray]]] = {
    "circle": _circle, "xor": _xor, "gaussians": _gaussians, "spiral": _spiral}


def generate(kind: str, size: int = 200, noise: float = 0.0, seed: int = 0, outputs: int = 1) -> Dataset:
    """`size` points of `kind` with Gaussian noise of standard deviation `noise` added to each input."""
    if kind not in GENERATORS:
        raise GeneratorError("kind", f"must be one of {', '.join(KINDS)}, got {kind!r}")
    if isinstance(size, bool) or not isinstance(size, int) or not 2 <= size <= MAX_SAMPLES:
        raise GeneratorError("size", f"must be a whole number from 2 to {MAX_SAMPLES}, got {size!r}")
    if not (isinstance(noise, (int, float)) and 0.0 <= noise <= MAX_NOISE):
        raise GeneratorError("noise", f"must be a number from 0 to {MAX_NOISE:g}, got {noise!r}")
    if outputs not in (1, 2):
        raise GeneratorError("outputs", f"must be 1 (one class column) or 2 (one-hot), got {outputs!r}")
    if isinstance(seed, bool) or not isinstance(seed, int) or seed < 0:
        raise GeneratorError("seed", f"must be a whole number, 0 or more, got {seed!r}")
    rng = np.random.default_rng([seed, KINDS.index(kind)])
    X, cls = GENERATORS[kind](rng, size)
    if noise:
        X = X + rng.normal(0.0, noise, X.shape)
    Y = cls[:, None] if outputs == 1 else np.column_stack([1.0 - cls, cls])
    return Dataset(X, Y)


MAX_TEST_PERCENT = 90     # the most of a data set held out for testing (the window's field, the command line)


@dataclass(frozen=True)
class Split:
    """The training samples and the held-out test samples (None when nothing is held out)."""
    train: Dataset
    test: Dataset | None


def split(data: Dataset, test_fraction: float, seed: int = 0) -> Split:
    """A seeded random split: round(test_fraction·n) samples held out, at least one left to train on."""
    if not (isinstance(test_fraction, (int, float)) and 0.0 <= test_fraction < 1.0):
        raise GeneratorError("test_fraction", f"must be a number in [0, 1), got {test_fraction!r}")
    n = len(data)
    n_test = min(int(round(test_fraction * n)), n - 1)
    if n_test == 0:
        return Split(data.copy(), None)
    order = np.random.default_rng([seed, n]).permutation(n)
    test, train = np.sort(order[:n_test]), np.sort(order[n_test:])
    return Split(Dataset(data.X[train], data.Y[train]), Dataset(data.X[test], data.Y[test]))
