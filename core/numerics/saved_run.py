"""A session's training as a file keeps it (core.io.document_history writes and checks it): the
history (every step's loss and sample, the segments with their settings, data and checkpoints), the
trainer's step and optimizer state, and the weights Reset goes back to. Loaded, training goes on
bit for bit as if the file had never been written, and look-back rebuilds any kept step."""
from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from backprop_lab.core.model.arrays import FloatArray
from backprop_lab.core.numerics.history import History
from backprop_lab.core.numerics.kept_losses import KeptLosses
from backprop_lab.core.numerics.update import OptState


@dataclass
class SavedRun:
    history: History
    step: int                  # the trainer's step: history.base + len(history)
    opt: OptState              # the optimizer's state now (the velocity, Adam's m, v, t)
    start_theta: FloatArray    # the weights Reset goes back to
    # runs kept for comparison (the loss plot's "Keep curve"): (label, steps, losses) each
    kept: list[tuple[str, FloatArray, FloatArray]] = field(default_factory=list)


def thinned_to(history: History, rows: int) -> History:
    """A copy of the history keeping at most about `rows` steps' losses: the oldest thinned (every
    2nd, 4th … step, their checkpoints following) as the window's history thins past its budget.
    Every step stays exact to rebuild; only the plot's old points get sparser."""
    h = history.copy()
    k = h._kept
    # in smaller blocks than the window's (it thins whole blocks): a short history can thin too
    small = KeptLosses(None, block=max(64, rows // 8))
    small.old_rows, small.old_loss, small.old_sample = k.old_rows, k.old_loss, k.old_sample
    small.n = small.full0 = k.full0
    small.append(k.losses(k.full0), k.samples(k.full0))
    h._kept = small
    limit = max(rows, 256)
    h.set_limit(limit)
    for _ in range(64):
        if h.kept <= limit:
            break
        h._append(np.zeros(0), np.zeros(0, dtype=np.int32))       # an empty append thins once
    return h
