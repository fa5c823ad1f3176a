"""Every edit and every training run as a QUndoCommand.

A command changes the session's core objects and asks the session to recompute. Training commands
are built after the steps were taken (their first redo does nothing), and keep what undo needs: the
parameters, velocity and step counter before and after, and the trace rows they added.
"""
from __future__ import annotations

import numpy as np
from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand

from backprop_lab.core.model.dataset import Dataset
from backprop_lab.core.model.notation import Notation
from backprop_lab.core.numerics import engine
from backprop_lab.core.numerics.rewind import Snapshot
from backprop_lab.core.numerics.trace import Trace
from backprop_lab.core.numerics.training import DivergenceError, Trainer

translate = QCoreApplication.translate

# Trace rows kept in memory for redo up to this many values; a longer run is replayed instead
# (training is deterministic: same start, settings and step counter give the same rows).
KEEP_ROWS_VALUES = 4_000_000


def steps_text(n: int) -> str:
    # At module level: pyside6-lupdate skips translate() calls with a count inside classes.
    return translate("Commands", "%n step(s)", "", n)


def divergence_text(e: DivergenceError) -> str:
    return (translate("Commands", "Training diverged at step %1: %2 would become infinite or NaN. "
                      "Paused at the last finite "
               "state; lower the learning rate, or Undo.").replace("%1", str(e.step)).replace("%2", e.param))


def snapshot(session) -> Snapshot:
    return session.trainer.snapshot()


def restore(session, snap: Snapshot) -> None:
    session.trainer.restore(snap)


def cut_rows(trace: Trace, start: int) -> np.ndarray:
    """Rows start.. as an (n × ncols) array (a copy, for redo)."""
    return trace.array(start)


def settle_divergence(session, floor: int) -> None:
    session.trainer.settle_divergence(floor)


def _finite_loss(net, data) -> bool:
    return bool(np.isfinite(engine.loss_at(net, data.X, data.Y)))


class Command(QUndoCommand):
    def __init__(self, session, text: str):
        super().__init__(text)
        self.session = session

    def check(self) -> str | None:
        return None


class EditParam(Command):
    def __init__(self, session, key, new: float, old: float | None = None):
        text = translate("Commands", "Set %1 = %2")
        super().__init__(session, text.replace("%1", session.label(key)).replace("%2", repr(new)))
        self.key, self.i = key, session.index(key)
        self.new = float(new)
        self.old = float(session.net.theta[self.i]) if old is None else float(old)

    def check(self):
        probe = self.session.net.copy()
        probe.theta[self.i] = self.new
        if not _finite_loss(probe, self.session.data):
            return translate("Commands", "%1 = %2 would make the loss infinite; the value was not changed"
                      ).replace("%1", self.session.label(self.key)).replace("%2", repr(self.new))
        return None

    def _set(self, v):
        self.session.net.theta[self.i] = v
        self.session.refresh()

    def redo(self):
        self._set(self.new)

    def undo(self):
        self._set(self.old)


class EditData(Command):
    """One input (array "X") or target ("Y") of one sample."""

    def __init__(self, session, array: str, sample: int, col: int, new: float):
        nt = session.net.notation
        name = nt.neuron("a", 0, col) if array == "X" else nt.target_name(col)
        super().__init__(session, translate("Commands", "Set %1 of sample %2 = %3").replace("%1", name)
                         .replace("%2", str(sample + 1)).replace("%3", repr(new)))
        self.array, self.at, self.new = array, (sample, col), float(new)
        self.old = float(getattr(session.data, array)[self.at])

    def check(self):
        d = self.session.data
        probe = Dataset(d.X.copy(), d.Y.copy())
        getattr(probe, self.array)[self.at] = self.new
        if not _finite_loss(self.session.net, probe):
            text = translate("Commands", "%1 would make the loss infinite; the value was not changed")
            return text.replace("%1", repr(self.new))
        return None

    def _set(self, v):
        getattr(self.session.data, self.array)[self.at] = v
        self.session.refresh()

    def redo(self):
        self._set(self.new)

    def undo(self):
        self._set(self.old)


class SetData(Command):
    """Samples added or removed: the whole X and Y are swapped."""

    def __init__(self, session, X, Y, text):
        super().__init__(session, text)
        self.new = (np.array(X, float), np.array(Y, float))
        self.old = (session.data.X.copy(), session.data.Y.copy())

    def _set(self, XY):
        s = self.session
        s.data.X, s.data.Y = XY[0].copy(), XY[1].copy()
        s.refresh(samples=True)

    def redo(self):
        self._set(self.new)

    def undo(self):
        self._set(self.old)


class SetFrozen(Command):
    def __init__(self, session, key, frozen: bool):
        text = translate("Commands", "Freeze %1") if frozen else translate("Commands", "Unfreeze %1")
        super().__init__(session, text.replace("%1", session.label(key)))
        self.i, self.new = session.index(key), frozen
        self.old = bool(session.net.frozen[self.i])

    def _set(self, v):
        self.session.net.frozen[self.i] = v
        self.session.refresh()

    def redo(self):
        self._set(self.new)

    def undo(self):
        self._set(self.old)


class SetSetting(Command):
    def __init__(self, session, name: str, value):
        super().__init__(session, translate("Commands", "Set %1 = %2").replace("%1", name).replace("%2", str(value)))
        self.name, self.new, self.old = name, value, getattr(session.settings, name)

    def _set(self, v):
        setattr(self.session.settings, self.name, v)
        self.session.refresh()

    def redo(self):
        self._set(self.new)

    def undo(self):
        self._set(self.old)


class Steps(Command):
    """N steps (Step, Step ×N, or a Run until Pause) as one undo step. Undo restores θ, velocity
    and the step counter, and cuts the trace back."""

    def __init__(self, session, n: int | None = None, before: Snapshot | None = None):
        super().__init__(session, "")
        self.error = None
        self.settings = session.settings.copy()
        if before is None:
            before = snapshot(session)
            try:
                session.trainer.run(n)
            except DivergenceError as e:
                settle_divergence(session, before.rows)
                self.error = divergence_text(e)
                session.set_training_state("diverged")
                session.message.emit(self.error)
            session.refresh()
        self.before, self.after = before, snapshot(session)
        self.done = self.after.step - self.before.step
        self.setText(steps_text(self.done))
        self._rows = None
        self._first = True

    def redo(self):
        s = self.session
        if self._first:
            self._first = False
            return
        if self._rows is not None:
            restore(s, self.after)
            s.trace.extend(self._rows)
            self._rows = None
        else:
            restore(s, self.before)
            saved, s.trainer.settings = s.trainer.settings, self.settings.copy()
            try:
                s.trainer.run(self.done)
            finally:
                s.trainer.settings = saved
        s.refresh()

    def undo(self):
        s = self.session
        n = self.after.rows - self.before.rows
        self._rows = cut_rows(s.trace, self.before.rows) if n * s.trace.ncols <= KEEP_ROWS_VALUES else None
        s.trace.truncate(self.before.rows)
        restore(s, self.before)
        s.set_training_state("idle")
        s.refresh()


class Reset(Command):
    """Back to the starting weights, zero velocity, step 0 and an empty trace (the old trace is kept
    for undo, not copied)."""

    def __init__(self, session):
        super().__init__(session, translate("Commands", "Reset to the starting weights"))
        t = session.trainer
        self.old = (snapshot(session), t.trace)
        self.new_trace = Trace(t.names)
        self.start = session.start_theta.copy()

    def redo(self):
        s = self.session
        t = s.trainer
        t.theta[...] = self.start
        t.velocity[...] = 0.0
        t.step = 0
        self.new_trace.truncate(0)
        t.trace = self.new_trace
        s.set_training_state("idle")
        s.refresh()

    def undo(self):
        s = self.session
        snap, trace = self.old
        restore(s, snap)
        s.trainer.trace = trace
        s.refresh()


class Branch(Command):
    """Continue from step i of the trace: later rows are cut, θ is the one recorded before step i.
    Velocity is taken as θ_i − θ_(i−1) (what the momentum update added), zero at step 0."""

    def __init__(self, session, i: int):
        super().__init__(session, translate("Commands", "Branch from step %1").replace("%1", str(i)))
        s = session
        self.i = i
        self.before = snapshot(s)
        self.rows = cut_rows(s.trace, i)
        self.after = s.trainer.branch_state(i)

    def redo(self):
        s = self.session
        s.trace.truncate(self.i)
        restore(s, self.after)
        s.set_training_state("idle")
        s.refresh()

    def undo(self):
        s = self.session
        s.trace.truncate(self.i)
        s.trace.extend(self.rows)
        restore(s, self.before)
        s.refresh()


def notation_for(nt: Notation, old_depth: int, new_depth: int) -> Notation:
    """Keep the input's and the output layer's symbols when layers are added or removed; new hidden
    layers take the default names."""
    if not nt.layers or old_depth == new_depth:
        return Notation.from_json(nt.to_json())
    layers = [dict(d) for d in nt.layers] + [{} for _ in range(old_depth + 1 - len(nt.layers))]
    hidden = layers[1:old_depth][:new_depth - 1]
    hidden += [{} for _ in range(new_depth - 1 - len(hidden))]
    out = Notation.from_json(nt.to_json())
    out.layers = [layers[0]] + hidden + [layers[old_depth]]
    return out


class SetShape(Command):
    """A new architecture: a new network, the data fitted to its inputs and outputs (extra columns
    dropped, new ones zero), a new trainer and trace. The old world is kept for undo."""

    def __init__(self, session, net):
        super().__init__(session, translate("Commands", "Change the architecture"))
        s = session
        X, Y = s.data.X, s.data.Y
        data = Dataset(_fit_columns(X, net.sizes[0]), _fit_columns(Y, net.sizes[-1]))
        trainer = Trainer(net, data, s.settings)
        self.old = (s.project.net, s.project.data, s.trainer, s.start_theta)
        self.new = (net, data, trainer, net.theta.copy())

    def _set(self, world):
        s = self.session
        s.project.net, s.project.data, s.trainer, s.start_theta = world
        s.trainer.settings = s.project.settings
        lost_selection = s.selection is not None and not s.is_valid(s.selection)
        if lost_selection:
            s.selection = None
        s.highlight = frozenset(k for k in s.highlight if s.is_valid(k))
        s.set_training_state("idle")
        s.refresh(shape=True)
        if lost_selection:
            s.selectionChanged.emit(None)

    def redo(self):
        self._set(self.new)

    def undo(self):
        self._set(self.old)


def _fit_columns(A: np.ndarray, n: int) -> np.ndarray:
    out = np.zeros((A.shape[0], n))
    k = min(n, A.shape[1])
    out[:, :k] = A[:, :k]
    return out
