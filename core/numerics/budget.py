"""How much memory a training's record may take, the window's and the command line's alike: one
budget (MEMORY_BUDGET), and what a step costs there, sized from the network.

Both keep a history (core.numerics.history: 12 bytes a step of loss and sample, checkpoints at most 4
more, by the network's size). On the command line `train` refuses a run whose history would pass the
budget. The window's loss plot also keeps a copy of what it draws (16 bytes a step: x and y); the window
may use a quarter of the budget, so that the window as a whole stays under
1 GB after an hour of Run (issue 9). Past WARN_SHARE of that it says so; at the limit the history
thins its oldest steps (core.numerics.history), it never stops or dies.
"""
from __future__ import annotations

from backprop_lab.core.model.i18n import fill, translate
from backprop_lab.core.model.network import Network

MEMORY_BUDGET = 2 * 2 ** 30     # bytes a training's record may hold in memory
WINDOW_SHARE = 0.25             # the window's history and plot copy: a quarter, the rest is the window's
WARN_SHARE = 0.8                # said before it is hit
LOSS_SAMPLE_BYTES = 12          # per kept step: the loss (8) and the sample it used (4)
CHECKPOINT_BYTES = 4            # at most this many bytes a step go to checkpoints (checkpoint_every)
PLOT_BYTES = 16                 # the loss plot's copy of a kept step (x and y)


def checkpoint_every(n_params: int) -> int:
    """K: the smallest power of two ≥ 64 with θ and the optimizer's state (θ, velocity, Adam's m and v:
    32 bytes a parameter) / K ≤ CHECKPOINT_BYTES."""
    k = 64
    while 32 * n_params + 8 > CHECKPOINT_BYTES * k:
        k *= 2
    return k


def history_step_bytes(net: Network) -> float:
    """What a recorded step costs the history: loss and sample, its share of a checkpoint (set by the
    network's size)."""
    return LOSS_SAMPLE_BYTES + (32 * net.n_params + 8) / checkpoint_every(net.n_params)


def history_refusal(net: Network, steps: int) -> str | None:
    """Why a history of `steps` steps would not fit the budget (the command line's check), or None."""
    need = steps * history_step_bytes(net)
    if need <= MEMORY_BUDGET:
        return None
    return fill(translate("CommandLine", "%1 steps would need a %2 GB history in memory (at most %3 GB); train "
                                         "fewer steps"), steps, f"{need / 2 ** 30:.1f}", MEMORY_BUDGET // 2 ** 30)


def window_step_bytes(net: Network) -> float:
    """What a kept step costs the window: the history's and the plot's copy."""
    return history_step_bytes(net) + PLOT_BYTES


def window_rows(net: Network) -> int:
    """How many steps' losses the window keeps before it thins the oldest."""
    return int(MEMORY_BUDGET * WINDOW_SHARE / window_step_bytes(net))


def warn_rows(net: Network) -> int:
    return int(window_rows(net) * WARN_SHARE)
