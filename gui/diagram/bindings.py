"""What a number on the diagram stands for, and how to ask the session to change it.

A weight or bias is a parameter key; an input or a target belongs to the sample on show. Items hold a
binding and never call the session's edit methods themselves, so every way of changing a number
(typing, scrubbing) goes through the same three questions: what is it now, select what, change how.
"""
from __future__ import annotations

import math

from PySide6.QtCore import QCoreApplication


def scrub_step(start: float, fine: bool = False) -> float:
    """Value per pixel of horizontal drag: a hundredth of the value's decade (0.45 → 0.01/px,
    5 → 0.1/px), never below 0.01/px so that zero can move; Shift makes it ten times finer."""
    magnitude = max(abs(start), 0.1)
    step = 10 ** math.floor(math.log10(magnitude)) / 10
    return step / 10 if fine else step


def scrub_value(start: float, pixels: float, fine_pixels: float = 0.0) -> float:
    """The value after dragging `pixels` at the normal step and `fine_pixels` with Shift held (the
    step is fixed by the value the drag started from, so the drag feels linear)."""
    step = scrub_step(start)
    decimals = max(0, -math.floor(math.log10(step))) + (1 if fine_pixels else 0)
    return round(start + pixels * step + fine_pixels * step / 10, decimals)


class Binding:
    """select_key: what a click selects. get/commit read and change the number; begin/move/end
    carry a drag, which the undo history must hold as one step."""
    select_key = None

    def get(self, session) -> float:
        raise NotImplementedError

    def commit(self, session, value: float):
        """None on success, else the session's reason (a translated message)."""
        raise NotImplementedError

    def begin(self, session) -> str | None:
        """Start a drag; a reason instead if this number cannot be dragged now."""
        raise NotImplementedError

    def move(self, session, value: float):
        raise NotImplementedError

    def end(self, session) -> None:
        raise NotImplementedError


class ParamBinding(Binding):
    def __init__(self, key):
        self.select_key = key

    def get(self, session) -> float:
        return session.value(self.select_key)

    def commit(self, session, value):
        return session.edit_param(self.select_key, value)

    def begin(self, session):
        return session.begin_scrub(self.select_key)      # a locked number says so

    def move(self, session, value):
        return session.scrub(self.select_key, value)

    def end(self, session):
        session.end_scrub(self.select_key)


class DataBinding(Binding):
    """An input (matrix "X") or a target ("Y") of the sample on show. The session scrubs parameters
    only, so a drag here is a series of edits inside one undo macro: still one Ctrl+Z."""

    def __init__(self, matrix: str, column: int, select_key):
        self.matrix, self.column, self.select_key = matrix, column, select_key
        self._open = False

    def get(self, session) -> float:
        values = session.state.x if self.matrix == "X" else session.state.y
        return float(values[:, self.column].mean())

    def commit(self, session, value):
        sample = data_sample(session)
        if sample is None:
            return _several_samples()
        edit = session.edit_input if self.matrix == "X" else session.edit_target
        return edit(sample, self.column, value)

    def begin(self, session):
        if data_sample(session) is None:
            return _several_samples()
        name = session.locked_name((self.matrix, self.column))
        if name is not None:
            return lock_refusal(name)
        what = QCoreApplication.translate("NetworkDiagram", "Drag %1")
        session.undo_stack.beginMacro(what.replace("%1", session.label(self.select_key)
                                                   if self.matrix == "X"
                                                   else session.notation.target_name(self.column)))
        self._open = True
        return None

    def move(self, session, value):
        return self.commit(session, value)

    def end(self, session):
        if self._open:
            self._open = False
            session.undo_stack.endMacro()


def lock_refusal(name: str) -> str:
    from ..lock import refusal
    return refusal(name)


def InputBinding(i: int) -> DataBinding:
    return DataBinding("X", i, ("n", 0, i))


def TargetBinding(layer: int, k: int) -> DataBinding:
    return DataBinding("Y", k, ("n", layer, k))


def _several_samples() -> str:
    return QCoreApplication.translate("NetworkDiagram", "The diagram shows the mean of several samples: "
                                                        "choose one sample to change its inputs and targets")


def data_sample(session):
    """The sample an input or target edit goes to: the one on show, or the single sample the next
    update uses; None when the diagram shows a mean over several samples."""
    if session.shown_sample is not None:
        return session.shown_sample
    nxt = list(session.next_samples())
    return int(nxt[0]) if len(nxt) == 1 else None
