"""Every edit and every training run as a QUndoCommand.

A command captures everything it needs when it is made, and its redo and undo only apply that to the
project model (core.numerics.project_model), which announces the change; views follow the
announcement, never the command. Training commands are made after the steps were taken (their first
redo does nothing) and keep the trainer, the state before and after, and the trace rows they added.

No exception may leave undo() or redo(): inside QUndoStack it kills the process. A command whose
application fails is reported in the status bar, made obsolete (the stack drops it) and the views
are told to show the model as it is.
"""
from __future__ import annotations

import numpy as np
from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand

from backprop_lab.core.model.dataset import Dataset
from backprop_lab.core.model.network import Network
from backprop_lab.core.model.notation import Notation
from backprop_lab.core.numerics.engine import NotFinite
from backprop_lab.core.numerics.history import History
from backprop_lab.core.numerics.project_model import World
from backprop_lab.core.numerics.rewind import Snapshot
from backprop_lab.core.numerics.training import DivergenceError, Trainer

translate = QCoreApplication.translate


class StaleCommand(RuntimeError):
    """The model is not in the state this command was made for."""


def steps_text(n: int) -> str:
    # At module level: pyside6-lupdate skips translate() calls with a count inside classes.
    return translate("Commands", "%n step(s)", "", n)


def divergence_text(e: DivergenceError) -> str:
    if e.sample < 0:
        text = translate("Commands", "Training diverged at step %1: %2 would become infinite or NaN. "
                         "Paused at the last finite state; lower the learning rate, or Undo.")
    else:       # a step on some samples took another's values past the largest float
        text = translate("Commands", "Training diverged at step %1: %2 of sample %3 would become infinite or "
                         "NaN. Paused at the last finite state; lower the learning rate, or Undo.")
    return text.replace("%1", str(e.step)).replace("%2", e.param).replace("%3", str(e.sample + 1))


def refusal_text(what: str, bad: NotFinite, net: Network) -> str:
    """Why a change of the data or the shape was refused: the finiteness rule (engine.first_not_finite)."""
    if bad.sample < 0:
        text = translate("Commands", "%1 would make %2 infinite or NaN; nothing was changed")
    else:
        text = translate("Commands", "%1 would make %2 of sample %3 infinite or NaN; nothing was changed")
    return text.replace("%1", what).replace("%2", bad.named(net)).replace("%3", str(bad.sample + 1))


def samples_check(command: Command, net: Network, *samples: Dataset | None) -> str | None:
    """The finiteness rule for a change that puts `net` on these samples (the data, the held-out test
    samples; None: none): why the command is refused, or None."""
    for part in samples:
        bad = None if part is None else command.model.not_finite_with(net, part.X, part.Y)
        if bad is not None:
            return refusal_text(command.text(), bad, net)
    return None


def theta_check(command: Command, theta: np.ndarray) -> str | None:
    """The finiteness rule for parameters taken back (Reset, Branch) to the samples in use now: they
    may have changed since those parameters were the network's."""
    net = command.model.net.copy()
    net.theta[...] = theta
    return samples_check(command, net, command.model.data)


class Command(QUndoCommand):
    def __init__(self, session, text: str):
        super().__init__(text)
        self.session = session
        self.model = session.model

    def check(self) -> str | None:
        return None

    def apply(self) -> None:
        raise NotImplementedError

    def revert(self) -> None:
        raise NotImplementedError

    def redo(self):
        self._guarded(self.apply)

    def undo(self):
        self._guarded(self.revert)

    def _guarded(self, action) -> None:
        try:
            with self.model.changing():
                action()
        except Exception as e:     # noqa: BLE001 - anything escaping here kills the process inside Qt
            self.setObsolete(True)
            self.session.command_failed(self.text(), e)

    def _same(self, what, captured) -> None:
        if what is not captured:
            raise StaleCommand("the project changed under this command")


class EditParam(Command):
    def __init__(self, session, key, new: float, old: float | None = None):
        text = translate("Commands", "Set %1 = %2")
        super().__init__(session, text.replace("%1", session.label(key)).replace("%2", repr(new)))
        self.key, self.i, self.net = key, session.index(key), session.net
        self.new = float(new)
        self.old = float(session.net.theta[self.i]) if old is None else float(old)

    def check(self):
        bad = self.model.not_finite_with_param(self.i, self.new)
        if bad is not None:
            return translate("Commands", "%1 = %2 would make %3 infinite or NaN; the value was not changed"
                      ).replace("%1", self.session.label(self.key)).replace("%2", repr(self.new))\
                .replace("%3", bad.named(self.model.net))
        return None

    def apply(self):
        self._same(self.model.net, self.net)
        self.model.set_param(self.i, self.new)

    def revert(self):
        self._same(self.model.net, self.net)
        self.model.set_param(self.i, self.old)


class EditData(Command):
    """One input (array "X") or target ("Y") of one sample."""

    def __init__(self, session, array: str, sample: int, col: int, new: float):
        nt = session.notation
        name = nt.neuron("a", 0, col) if array == "X" else nt.target_name(col)
        super().__init__(session, translate("Commands", "Set %1 of sample %2 = %3").replace("%1", name)
                         .replace("%2", str(sample + 1)).replace("%3", repr(new)))
        self.array, self.at, self.new = array, (sample, col), float(new)
        self.old = float(getattr(session.data, array)[self.at])
        self.shape = getattr(session.data, array).shape

    def check(self):
        bad = self.model.not_finite_with_data(self.array, self.at, self.new)
        if bad is not None:
            text = translate("Commands", "%1 would make %2 infinite or NaN; the value was not changed")
            return text.replace("%1", repr(self.new)).replace("%2", bad.named(self.model.net))
        return None

    def _set(self, v):
        if getattr(self.model.data, self.array).shape != self.shape:
            raise StaleCommand("the data set changed under this command")
        self.model.set_data_value(self.array, self.at, v)

    def apply(self):
        self._set(self.new)

    def revert(self):
        self._set(self.old)


class SetData(Command):
    """Samples added or removed: the whole X and Y are swapped."""

    def __init__(self, session, X, Y, text):
        super().__init__(session, text)
        self.new = (np.array(X, float), np.array(Y, float))
        self.old = (session.data.X.copy(), session.data.Y.copy())

    def check(self):
        return samples_check(self, self.model.net, Dataset(*self.new))

    def apply(self):
        self.model.set_samples(*self.new)

    def revert(self):
        self.model.set_samples(*self.old)


class SetDataset(Command):
    """A generated or imported data set, with its held-out test samples, replaces the whole data."""

    def __init__(self, session, data, test, text):
        super().__init__(session, text)
        self.new = (np.array(data.X, float), np.array(data.Y, float), None if test is None else test.copy())
        old_test = session.test
        self.old = (session.data.X.copy(), session.data.Y.copy(), None if old_test is None else old_test.copy())

    def check(self):
        X, Y, test = self.new
        return samples_check(self, self.model.net, Dataset(X, Y), test)

    def apply(self):
        self.model.set_dataset(*self.new)

    def revert(self):
        self.model.set_dataset(*self.old)


class SetFrozen(Command):
    def __init__(self, session, key, frozen: bool):
        text = translate("Commands", "Freeze %1") if frozen else translate("Commands", "Unfreeze %1")
        super().__init__(session, text.replace("%1", session.label(key)))
        self.i, self.new, self.net = session.index(key), frozen, session.net
        self.old = bool(session.net.frozen[self.i])

    def apply(self):
        self._same(self.model.net, self.net)
        self.model.set_frozen(self.i, self.new)

    def revert(self):
        self._same(self.model.net, self.net)
        self.model.set_frozen(self.i, self.old)


class SetSetting(Command):
    def __init__(self, session, name: str, value):
        super().__init__(session, translate("Commands", "Set %1 = %2").replace("%1", name).replace("%2", str(value)))
        self.name, self.new, self.old = name, value, getattr(session.settings, name)

    def apply(self):
        self.model.set_setting(self.name, self.new)

    def revert(self):
        self.model.set_setting(self.name, self.old)


class Steps(Command):
    """N steps (Step, Step ×N, or a Run until Pause) as one undo step. Undo restores θ, velocity
    and the step counter, and cuts the trace back. Made with n, it takes the steps; made with
    `before` (a run), they were taken already. Push it only if `valid`."""

    def __init__(self, session, n: int | None = None, before: tuple[Trainer, Snapshot] | None = None):
        super().__init__(session, "")
        self.error = None
        self.settings = session.settings.copy()
        if before is None:
            before = (self.model.trainer, self.model.trainer.snapshot())
            _, self.error = self.model.train(n)
            if self.error is not None:
                self.error = divergence_text(self.error)
                session.set_training_state("diverged")
                session.message.emit(self.error)
        self.trainer, self.before = before
        self.after = self.trainer.snapshot()
        self.done = self.after.step - self.before.step
        rows = self.after.rows - self.before.rows
        self.valid = self.trainer is self.model.trainer and self.done > 0 and rows >= 0
        self.setText(steps_text(self.done))
        self._rows = None
        self._first = True

    def apply(self):
        if self._first:
            self._first = False
            return
        self._check(self.before)
        if self._rows is not None:
            self.model.replay(self.after, self._rows)
            self._rows = None
        else:
            self.model.train_with(self.settings, self.before, self.done)

    def revert(self):
        self._check(self.after)
        self._rows = self.model.rewind(self.before)
        self.session.settle_training_state()

    def _check(self, expected: Snapshot) -> None:
        self._same(self.model.trainer, self.trainer)
        if len(self.trainer.history()) != expected.rows or self.trainer.step != expected.step:
            raise StaleCommand("the trace is not where this command left it")


class Reset(Command):
    """Back to the starting weights, zero velocity, step 0 and an empty trace (the old trace is kept
    for undo, not copied)."""

    def __init__(self, session):
        super().__init__(session, translate("Commands", "Reset to the starting weights"))
        t = self.trainer = self.model.trainer
        self.old = (t.snapshot(), t.history())
        self.new_trace = History(t.net, t.names, t.layout)
        start = self.model.start_theta.copy()
        self.start = Snapshot(start, np.zeros_like(start), 0, 0)

    def check(self):
        return theta_check(self, self.start.theta)

    def apply(self):
        self._same(self.model.trainer, self.trainer)
        self.new_trace.truncate(0)
        self.model.use_trace(self.new_trace, self.start)
        self.session.settle_training_state()

    def revert(self):
        self._same(self.model.trainer, self.trainer)
        snap, trace = self.old
        self.model.use_trace(trace, snap)


class Branch(Command):
    """Continue from step i of the trace: later rows are cut, θ is the one recorded before step i,
    velocity the one momentum had then (core.numerics.rewind.Rewind.branch_state)."""

    def __init__(self, session, i: int):
        super().__init__(session, translate("Commands", "Branch from step %1").replace("%1", str(i)))
        t = self.trainer = self.model.trainer
        self.i = i
        self.before = t.snapshot()
        self.after = t.branch_state(i)
        self.rows = None

    def check(self):
        return theta_check(self, self.after.theta)

    def apply(self):
        self._same(self.model.trainer, self.trainer)
        if len(self.trainer.history()) != self.before.rows:
            raise StaleCommand("the trace is not where this command found it")
        self.rows = self.model.rewind(self.after)
        self.session.settle_training_state()

    def revert(self):
        self._same(self.model.trainer, self.trainer)
        if len(self.trainer.history()) != self.i:
            raise StaleCommand("the trace is not where this command left it")
        if self.rows is None:
            raise StaleCommand("nothing was cut to put back")
        self.model.replay(self.before, self.rows)


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
    """A new architecture: a new network, the data and the held-out samples fitted to its inputs and
    outputs (extra columns dropped, new ones zero), a new trainer and trace. The old world is kept for
    undo."""

    def __init__(self, session, net):
        super().__init__(session, translate("Commands", "Change the architecture"))
        m = self.model
        data = fit_columns(m.data, net)
        self.old = m.world
        self.new = World(net, data, Trainer(net, data, m.settings), net.theta.copy(),
                         None if m.test is None else fit_columns(m.test, net))

    def check(self):
        return samples_check(self, self.new.net, self.new.data, self.new.test)

    def _set(self, world: World, was: World):
        self._same(self.model.trainer, was.trainer)
        self.model.set_world(world)
        self.session.settle_training_state()

    def apply(self):
        self._set(self.new, self.old)

    def revert(self):
        self._set(self.old, self.new)


def fit_columns(data: Dataset, net) -> Dataset:
    """The samples with as many inputs and targets as the network takes and gives."""
    return Dataset(_fit_columns(data.X, net.sizes[0]), _fit_columns(data.Y, net.sizes[-1]))


def _fit_columns(A: np.ndarray, n: int) -> np.ndarray:
    out = np.zeros((A.shape[0], n))
    k = min(n, A.shape[1])
    out[:, :k] = A[:, :k]
    return out
