"""A session's training as a file keeps it (core.io.document_history writes and checks it): the
history (every step's loss and sample, the segments with their settings, data and checkpoints), the
trainer's step and optimizer state, and the weights Reset goes back to. Loaded, training goes on
bit for bit as if the file had never been written, and look-back rebuilds any kept step."""
from __future__ import annotations

from dataclasses import dataclass

from backprop_lab.core.model.arrays import FloatArray
from backprop_lab.core.numerics.history import History, Segment
from backprop_lab.core.numerics.update import OptState


@dataclass
class SavedRun:
    history: History
    step: int                  # the trainer's step: history.base + len(history)
    opt: OptState              # the optimizer's state now (the velocity, Adam's m, v, t)
    start_theta: FloatArray    # the weights Reset goes back to
    dropped: int = 0           # steps at the front the file left out to stay within its size limit


def from_row(history: History, row: int) -> History:
    """The history from `row` on, as a new History whose first step is history.base + row: the
    segment that row falls in starts there, with the state at that row (rebuilt exactly) as its
    first checkpoint. Nothing is copied but the stored losses and samples from row on."""
    out = History(history.net, history.names, history.layout)
    if row <= 0:
        out.base, out._end = history.base, history._end
        out.segments = [_keep(s) for s in history.segments]
        out._append(history.losses(), history.samples())
        return out
    step = history.base + row
    theta, opt = history.state_at(row)
    out.base = step
    for i, seg in enumerate(history.segments):
        nxt = history.segments[i + 1].start if i + 1 < len(history.segments) else None
        if nxt is not None and nxt <= step:
            continue            # wholly before the new start
        if seg.start >= step:
            out.segments.append(_keep(seg))
            continue
        first = Segment(step, seg.settings, seg.frozen, seg.X, seg.Y)
        first.checkpoint(step, theta, opt)
        for k, state in zip(seg.steps, seg.states):
            if k > step:
                first.steps.append(k)
                first.states.append(state)
        out.segments.append(first)
    out._end = history._end
    out._append(history.losses(row), history.samples(row))
    return out


def _keep(s: Segment) -> Segment:
    return Segment(s.start, s.settings, s.frozen, s.X, s.Y, list(s.steps), list(s.states))
