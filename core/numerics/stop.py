"""When a Run stops by itself, and how fast it goes: the run's pace (updates a second) and its stop
rule (after N steps, at a target loss, when the loss has stopped changing). Qt-free, so the rule is
tested without a window and could serve the command line."""
from __future__ import annotations

from collections import deque
from dataclasses import dataclass, field

# The pace a learner chooses, in updates a second; None: as fast as the machine goes.
PACES: tuple[int | None, ...] = (1, 2, 5, 10, 25, 50, 100, 250, 500, 1000, 2500, 5000, 10000, None)
# At 500 a second seed 004's loss falls over ~4 s (log scale) and XOR's plateau-then-drop over ~5 s.
DEFAULT_PACE = 500
TICK_HZ = 50            # a paced run ticks at most this often; faster paces take several steps a tick

# "Stopped changing": over the last STILL_WINDOW steps the loss moved by less than STILL_REL of itself
# and less than STILL_ABS. Relative, so a loss that keeps halving (seed 004) is still changing; absolute
# too, so a slow plateau (XOR's, ~1e-3 per 1000 steps) is not taken for the end.
STILL_WINDOW = 1000
STILL_REL = 1e-6
STILL_ABS = 1e-9


def tick_plan(pace: int) -> tuple[int, int]:
    """(timer interval in ms, steps per tick) for a pace: one step a tick up to TICK_HZ a second
    (every update shown as it happens), then several steps a tick at TICK_HZ."""
    if pace <= TICK_HZ:
        return round(1000 / pace), 1
    return round(1000 / TICK_HZ), max(1, round(pace / TICK_HZ))


@dataclass
class StopRule:
    """What stops a run by itself; each part off when None/False."""
    after_steps: int | None = None
    target_loss: float | None = None
    when_still: bool = False
    _started_at: int = 0
    _seen: deque[tuple[int, float]] = field(default_factory=deque)

    def start(self, step: int) -> None:
        self._started_at = step
        self._seen.clear()

    def steps_left(self, step: int) -> int | None:
        """How many more steps the run may take (None: no limit)."""
        if self.after_steps is None:
            return None
        return max(0, self._started_at + self.after_steps - step)

    def check(self, step: int, loss: float) -> tuple[str, float | int] | None:
        """('steps', N) | ('target', target) | ('still', window) when the run should stop, else None."""
        left = self.steps_left(step)
        if left == 0:
            return "steps", int(self.after_steps or 0)
        if self.target_loss is not None and loss <= self.target_loss:
            return "target", self.target_loss
        if self.when_still and self._still(step, loss):
            return "still", STILL_WINDOW
        return None

    def _still(self, step: int, loss: float) -> bool:
        seen = self._seen
        seen.append((step, loss))
        # Keep the newest sample at least STILL_WINDOW steps old as the one to compare with.
        while len(seen) > 1 and seen[1][0] <= step - STILL_WINDOW:
            seen.popleft()
        old_step, old_loss = seen[0]
        if step - old_step < STILL_WINDOW:
            return False
        moved = abs(loss - old_loss)
        return moved <= STILL_ABS and moved <= STILL_REL * abs(loss) or moved == 0.0
