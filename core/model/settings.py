"""The optimizer settings and what values they may take."""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

MODES = ("sample", "minibatch", "batch")


@dataclass
class Settings:
    lr: float = 0.5
    momentum: float = 0.0
    mode: str = "sample"         # per sample, mini-batch, or the full batch
    shuffle: bool = False        # per-sample and mini-batch: shuffle each epoch (seeded) or cycle in order
    batch_size: int = 2
    seed: int = 0

    def validate(self, n_samples: int | None = None) -> None:
        if not np.isfinite(self.lr) or self.lr <= 0:
            raise ValueError(f"lr: must be a positive finite number, got {self.lr!r}")
        if not np.isfinite(self.momentum) or not 0 <= self.momentum < 1:
            raise ValueError(f"momentum: must be in [0, 1), got {self.momentum!r}")
        if self.mode not in MODES:
            raise ValueError(f"mode: one of {', '.join(MODES)}, got {self.mode!r}")
        if not isinstance(self.batch_size, int) or self.batch_size < 1:
            raise ValueError(f"batch_size: must be a whole number ≥ 1, got {self.batch_size!r}")

    def copy(self) -> Settings:
        return Settings(**self.__dict__)
