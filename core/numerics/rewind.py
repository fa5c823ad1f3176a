"""What undo, branching and divergence need from a Trainer: its state at a moment (snapshot), that
state put back (restore, rewind), the state before any step of its trace (branch_state, with the
velocity momentum had then), and the step back from a divergence to the last finite loss. A mixin of
core.numerics.training.Trainer, kept apart from the step loop."""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from backprop_lab.core.model.dataset import Dataset
from backprop_lab.core.model.network import Network
from backprop_lab.core.model.settings import Settings
from backprop_lab.core.numerics import engine
from backprop_lab.core.numerics.history import History, Tail
from backprop_lab.core.numerics.trace import Trace
from backprop_lab.core.numerics.update import OptState


@dataclass(frozen=True)
class Snapshot:
    """θ, velocity and step counter at a moment, and how many trace rows there were."""
    theta: np.ndarray
    velocity: np.ndarray
    step: int
    rows: int
    opt: OptState | None = None    # the whole optimizer state (Adam's m, v, t); None: velocity only, no Adam memory


class Rewind:
    """Needs net, data, settings, trace, theta, velocity and step (core.numerics.training.Trainer)."""
    net: Network
    data: Dataset
    settings: Settings
    trace: History | Trace | None
    theta: np.ndarray
    velocity: np.ndarray
    opt: OptState
    step: int

    def history(self) -> History:
        """The history (a Trainer always has one once built; a full-row Trace only in replays)."""
        if not isinstance(self.trace, History):
            raise ValueError("history: this trainer keeps full rows, not a history")
        return self.trace

    def snapshot(self) -> Snapshot:
        return Snapshot(self.theta.copy(), self.velocity.copy(), int(self.step), len(self.history()), self.opt.copy())

    def restore(self, snap: Snapshot) -> None:
        """θ, velocity and step as in snap; the trace is left as it is."""
        self.theta[...] = snap.theta
        if snap.opt is None:
            self.opt.reset_adam()
        else:
            self.opt.assign(snap.opt)
        self.velocity[...] = snap.velocity
        self.step = snap.step

    def rewind(self, snap: Snapshot) -> Tail:
        """Back to snap: rows after snap.rows are cut, θ, velocity and step restored. Returns what was
        cut (for a redo; cheap: only losses and checkpoints)."""
        cut = self.history().cut(snap.rows)
        self.restore(snap)
        return cut

    def branch_velocity(self, i: int) -> np.ndarray:
        """The velocity before step i, exactly as momentum had it (rebuilt by the history)."""
        return self.history().state_at(i)[1].velocity

    def branch_state(self, i: int) -> Snapshot:
        """The state before step i of the history, as training would continue from it."""
        theta, opt = self.history().state_at(i)
        return Snapshot(theta, opt.velocity.copy(), self.history().base + i, i, opt)

    def settle_divergence(self, floor: int = 0) -> tuple[engine.NotFinite, np.ndarray] | None:
        """After a DivergenceError θ is finite but may already overflow the forward pass (E = inf).
        Step back through the trace, not below row `floor`, to the last state the finiteness rule
        passes. Returns what it refused in the state it stepped back from last, and that state's θ
        (None: it kept θ)."""
        refused: tuple[engine.NotFinite, np.ndarray] | None = None
        while len(self.history()) > floor:
            bad = engine.first_not_finite(self.net, self.data.X, self.data.Y)
            if bad is None:
                break
            refused = bad, self.theta.copy()
            i = len(self.history()) - 1
            state = self.branch_state(i)
            self.history().truncate(i)
            self.restore(state)
        return refused

    def finite_loss(self) -> bool:
        """The project's finiteness rule (engine.first_not_finite): a state the window keeps can be saved."""
        return engine.first_not_finite(self.net, self.data.X, self.data.Y) is None
