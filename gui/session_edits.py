"""The window's edits, as the session offers them to the views: each checks what it is given (a
number, a place that exists, the present rather than a past step), then becomes one undoable command
(gui.commands); None on success, else the message shown. A mixin of gui.session.Session."""
from __future__ import annotations

from typing import TYPE_CHECKING, Any

import numpy as np
from PySide6.QtCore import QCoreApplication

from backprop_lab.core.model.dataset import Dataset
from backprop_lab.core.model.network import Network, NetworkError, init_weights
from backprop_lab.core.model.settings import FIELDS
from backprop_lab.core.numerics.update import RULES, rule_settings

from . import commands as cmd
from . import setting_words
from .lock import lock_name
from .lock import refusal as lock_refusal
from .numbers import parse_number as _parse_number
from .session_reading import Reading

translate = QCoreApplication.translate    # the context stays "Session", where these strings have lived
SETTING_FIELDS = ("lr", "momentum", "mode", "shuffle", "batch_size", "optimizer", "beta1", "beta2", "eps",
                  "weight_decay", "batch_loss")


class Edits(Reading):
    if TYPE_CHECKING:     # what gui.session.Session provides
        from PySide6.QtGui import QUndoStack

        from backprop_lab.core.numerics.project_model import ProjectModel

        from .runner import RunLoop
        model: ProjectModel
        runner: RunLoop
        undo_stack: QUndoStack
        message: Any
        refused: Any
        _scrub: dict[Any, float]

        @property
        def data(self) -> Dataset: ...
        @property
        def test(self) -> Dataset | None: ...
        @property
        def viewing_step(self) -> int | None: ...

    # ----- asking: edits (undoable); None on success, else a message ---------------------------
    def _refuse(self, text: str) -> str:
        self.message.emit(text)
        self.refused.emit(text)
        return text

    def _editable(self) -> str | None:
        if self.viewing_step is not None:
            return self._refuse(translate("Session", "Showing step %1 of the past (read-only): return to the present "
                                        "or branch from here first").replace("%1", str(self.viewing_step)))
        return None

    def locked_name(self, lock) -> str | None:
        """The name of a number the teacher locked (gui.lock keys), None if it is not locked."""
        return lock_name(self, lock) if lock in self.view.locked else None

    def _locked(self, *locks) -> str | None:
        """The refusal, shown where it was typed, when any of these numbers is locked."""
        for lock in locks:
            name = self.locked_name(lock)
            if name is not None:
                return self._refuse(lock_refusal(name))
        return None

    def _number(self, value) -> tuple[float | None, str | None]:
        if isinstance(value, str):
            return _parse_number(value)
        try:
            v = float(value)
        except (TypeError, ValueError):
            return _parse_number(str(value))
        return _parse_number(repr(v)) if not np.isfinite(v) else (v, None)

    def push(self, command) -> None:
        """Push a command; a run in progress is first closed as its own undo step, so the history
        keeps the order things happened in."""
        self.runner.checkpoint()
        self.undo_stack.push(command)
        self.runner.resume_from_here()

    def _edit(self, make, value):
        err = self._editable()
        if err:
            return err
        v, err = self._number(value)
        if err:
            return self._refuse(err)
        command = make(v)
        if command.new == command.old:
            return None
        return self._push_checked(command)

    def _push_checked(self, command) -> str | None:
        """Push a command its own check lets through (the finiteness rule: engine.first_not_finite);
        else say why, where the learner acted, and change nothing."""
        err = command.check()
        if err:
            return self._refuse(err)
        self.push(command)
        return None

    def edit_param(self, key, value):
        i = self.index(key)
        if i is None:
            return self._refuse(translate("Session", "No such parameter"))
        return self._locked(tuple(key)) or self._edit(lambda v: cmd.EditParam(self, key, v), value)

    def edit_input(self, sample: int, i: int, value):
        if not (0 <= sample < len(self.data) and 0 <= i < self.data.X.shape[1]):
            return self._refuse(translate("Session", "No such input"))
        return self._locked(("X", i)) or self._edit(lambda v: cmd.EditData(self, "X", sample, i, v), value)

    def edit_target(self, sample: int, k: int, value):
        if not (0 <= sample < len(self.data) and 0 <= k < self.data.Y.shape[1]):
            return self._refuse(translate("Session", "No such target"))
        return self._locked(("Y", k)) or self._edit(lambda v: cmd.EditData(self, "Y", sample, k, v), value)

    def set_frozen(self, key, frozen: bool):
        if self.index(key) is None:
            return self._refuse(translate("Session", "No such parameter"))
        self.push(cmd.SetFrozen(self, key, bool(frozen)))
        return None

    def set_setting(self, name: str, value):
        """lr, momentum, β₁, β₂, ε, λ (numbers, typed or not), mode, shuffle, batch_size, optimizer,
        batch_loss."""
        if name not in SETTING_FIELDS:
            return self._refuse(translate("Session", "No such setting"))
        kind = FIELDS[name].kind
        if kind is float:
            value, err = self._number(value)
            if err:
                return self._refuse(err)
        else:
            value = kind(value)
        err = setting_words.check(name, value)       # the limits: core.model.settings.FIELDS
        if err:
            return self._refuse(err)
        if getattr(self.settings, name) == value:
            return None
        self.push(cmd.SetSetting(self, name, value))
        return None

    def set_rule(self, name: str):
        """SGD, momentum or Adam (core.numerics.update.RULES): the settings that choose it, one undo step."""
        if name not in RULES:
            return self._refuse(translate("Session", "No such setting"))
        changes = rule_settings(self.settings, name)
        if not changes:
            return None
        self.runner.checkpoint()      # a run so far stays its own undo step, before this one
        self.undo_stack.beginMacro(translate("Session", "Update rule %1").replace("%1", setting_words.rule_label(name)))
        try:
            for key, value in changes.items():
                self.undo_stack.push(cmd.SetSetting(self, key, value))
        finally:
            self.undo_stack.endMacro()
        self.runner.resume_from_here()
        return None

    def add_sample(self, x=None, y=None):
        err = self._editable()
        if err:
            return err
        x = np.zeros(self.net.sizes[0]) if x is None else np.asarray(x, float)
        y = np.zeros(self.net.sizes[-1]) if y is None else np.asarray(y, float)
        return self._push_checked(cmd.SetData(self, np.vstack([self.data.X, x]), np.vstack([self.data.Y, y]),
                                              translate("Session", "Add sample")))

    def remove_sample(self, k: int):
        err = self._editable()
        if err:
            return err
        if len(self.data) <= 1:
            return self._refuse(translate("Session", "The data set needs at least one sample"))
        err = self._locked(*(lock for lock in self.view.locked if lock[0] in ("X", "Y")))
        if err:
            return err
        if not 0 <= k < len(self.data):
            return self._refuse(translate("Session", "No such sample"))
        self.push(cmd.SetData(self, np.delete(self.data.X, k, 0), np.delete(self.data.Y, k, 0),
                              translate("Session", "Remove sample %1").replace("%1", str(k + 1))))
        return None

    def move_sample(self, k: int, x):
        """Sample k's inputs moved to x (a point dragged on the data view): one undo step."""
        err = self._editable()
        if err:
            return err
        if not 0 <= k < len(self.data):
            return self._refuse(translate("Session", "No such sample"))
        X = self.data.X.copy()
        X[k] = np.asarray(x, float)
        if not np.isfinite(X[k]).all() or np.array_equal(X[k], self.data.X[k]):
            return None
        err = self._locked(*(("X", i) for i in np.flatnonzero(X[k] != self.data.X[k])))
        if err:
            return err
        return self._push_checked(cmd.SetData(self, X, self.data.Y,
                                              translate("Session", "Move sample %1").replace("%1", str(k + 1))))

    def replace_data(self, data: Dataset, test: Dataset | None, text: str):
        """A whole new data set and its test samples (Data → Generate or import…), one undo step; refused,
        with nothing changed, when its columns do not fit the network's inputs and outputs."""
        err = self._editable()
        if err:
            return err
        net = self.net
        for part in (data, test):
            if part is None:
                continue
            if part.X.shape[1] != net.n_inputs or part.Y.shape[1] != net.sizes[-1]:
                return self._refuse(translate("Session", "The data has %1 inputs and %2 targets; the network takes "
                                              "%3 inputs and gives %4 outputs")
                                    .replace("%1", str(part.X.shape[1])).replace("%2", str(part.Y.shape[1]))
                                    .replace("%3", str(net.n_inputs)).replace("%4", str(net.sizes[-1])))
        return self._push_checked(cmd.SetDataset(self, data, test, text))

    def set_architecture(self, n_inputs: int, layers, loss: str, seed: int | None = None):
        """A new shape (sizes, activations, bias modes, loss). Weights that still fit are kept; new
        ones follow core.network.init_weights' stated rule. Training starts again at step 0."""
        err = self._editable()
        if err:
            return err
        if self.view.locked:     # a new shape would drop or move what the teacher fixed
            return self._refuse(translate("Session", "Some numbers are locked: unlock them (Edit → Teacher) "
                                                     "before changing the architecture"))
        old = self.net
        try:
            new = Network(n_inputs, list(layers), loss, notation=cmd.notation_for(old.notation, old.depth,
                                                                                  len(layers)))
        except NetworkError as e:
            return self._refuse(str(e))
        init_weights(new, self.settings.seed if seed is None else seed, keep=old)
        return self._push_checked(cmd.SetShape(self, new))

    # ----- asking: scrubbing (a drag is one undo step) ------------------------------------------
    def begin_scrub(self, key) -> str | None:
        """None when the drag may start; else why not (a locked number)."""
        err = self._locked(tuple(key))
        if err:
            return err
        if self._editable() is None and self.index(key) is not None:
            self._scrub[key] = self.value(key)
        return None

    def scrubbing(self) -> bool:
        """A number is being dragged: views that cost much may draw coarser until it is let go."""
        return bool(self._scrub)

    def scrub(self, key, value):
        if key not in self._scrub:
            err = self.begin_scrub(key)
            if key not in self._scrub:
                return err or translate("Session", "Not editable now")
        v, err = self._number(value)
        if err:
            return self._refuse(err)
        err = cmd.EditParam(self, key, v).check()     # a drag is held to the rule a typed value is
        if err:
            return self._refuse(err)
        self.model.set_param(self.index(key), v)
        return None

    def end_scrub(self, key):
        if key not in self._scrub:
            return None
        old = self._scrub.pop(key)
        new = self.value(key)
        if new == old:
            return None
        self.push(cmd.EditParam(self, key, new, old=old))
        return None

