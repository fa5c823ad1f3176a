"""The one adapter between the window and core/: it holds the project and its trainer, recomputes the
shown state after every change (synchronously, so no number on screen is ever stale), and turns every
edit into an undoable command. Widgets only listen to its signals and ask through its methods.

Keys: ("n", l, j) neuron j of layer l (l = 0: inputs); ("W", l, i, j) weight from neuron i of layer
l-1 to neuron j of layer l; ("b", l, j) bias of neuron j (shared bias: j = 0). Layers are 1-based,
neurons 0-based, as in core.network.
"""
from __future__ import annotations

import numpy as np
from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack

from backprop_lab.core.model.network import Network, NetworkError, init_weights
from backprop_lab.core.model.project import Project
from backprop_lab.core.model.settings import FIELDS, Settings
from backprop_lab.core.numerics import engine
from backprop_lab.core.numerics.trace import Trace
from backprop_lab.core.numerics.training import Trainer, samples_for_step

from . import commands as cmd
from . import setting_words
from .numbers import parse_number as _parse_number
from .runner import RunLoop
from .session_reading import Reading

SETTING_FIELDS = ("lr", "momentum", "mode", "shuffle", "batch_size")


class Session(QObject, Reading):
    changed = Signal()
    shapeChanged = Signal()
    selectionChanged = Signal(object)
    highlightChanged = Signal(object)
    hiddenChanged = Signal(object)       # the keys an exercise hides (gui.hidden), possibly empty
    trainingStateChanged = Signal(str)
    message = Signal(str)
    viewingChanged = Signal(object)      # the past step shown, or None for the present
    samplesChanged = Signal()            # samples added or removed: data views rebuild their rows
    progressed = Signal()                # a run tick: the state is recomputed; the loss plot and the
                                         # status bar follow every tick, other views follow `changed`,
                                         # which a run emits at most RUN_VIEW_HZ times a second

    def __init__(self, project: Project | None = None, parent=None):
        super().__init__(parent)
        self.undo_stack = QUndoStack(self)
        self.runner = RunLoop(self)
        self.selection = None
        self.highlight = frozenset()
        self.hidden = frozenset()            # views show gui.hidden.HIDDEN for these (an exercise)
        self.shown_sample: int | None = None
        self.viewing_step: int | None = None
        self.training_state = "idle"
        self._gradient_colours = False
        self._past_net: Network | None = None
        self._scrub: dict = {}
        self.trace_generation = 0
        self._index_net, self._index_map = None, {}
        self._seen_trace, self._seen_rows = None, 0
        self.project = self.trainer = self.start_theta = None
        if project is not None:
            self.load_project(project)

    # ----- the world ----------------------------------------------------------------------------
    def load_project(self, project: Project) -> None:
        """Replace everything (New, Open): not undoable, the undo history starts again."""
        self.runner.stop(push=False)
        self.undo_stack.clear()
        self.project = project
        project.settings.validate(len(project.data))
        self.trainer = Trainer(project.net, project.data, project.settings)
        self.start_theta = project.net.theta.copy()
        self._reset_view()
        self.refresh(shape=True)
        self.selectionChanged.emit(self.selection)
        self.highlightChanged.emit(self.highlight)

    def _reset_view(self):
        # The first weight into the output layer (U11 of seed 004, the text's worked example).
        self.selection = ("W", self.net.depth, 0, 0)
        self.highlight = frozenset()
        self.viewing_step, self._past_net = None, None
        if self.shown_sample is not None and self.shown_sample >= len(self.data):
            self.shown_sample = None

    @property
    def net(self) -> Network:
        return self.project.net

    @property
    def data(self):
        return self.project.data

    @property
    def settings(self) -> Settings:
        return self.project.settings

    @property
    def trace(self) -> Trace:
        return self.trainer.trace

    @property
    def step_count(self) -> int:
        return self.trainer.step

    @property
    def shown_net(self) -> Network:
        """The network as shown: a past one (read-only) while viewing the trace, else the live one."""
        return self._past_net if self._past_net is not None else self.net

    @property
    def gradient_colours(self) -> bool:
        return self._gradient_colours

    @gradient_colours.setter
    def gradient_colours(self, on: bool) -> None:
        self._gradient_colours = bool(on)
        self.changed.emit()

    # ----- recomputation ------------------------------------------------------------------------
    def next_samples(self) -> np.ndarray:
        return samples_for_step(self.trainer.step, len(self.data), self.settings)

    def refresh(self, shape: bool = False, samples: bool = False) -> None:
        """Recompute every shown number from core, then tell every view (same event-loop turn).
        Views rebuild their items first when the shape or the number of samples changed."""
        self._recompute()
        if shape:
            self.shapeChanged.emit()
        if shape or samples:
            self.samplesChanged.emit()
        self.changed.emit()

    def progress(self) -> None:
        """A run tick: recompute, tell the fast views; the rest hear `changed` from the runner."""
        self._recompute()
        self.progressed.emit()

    def _recompute(self) -> None:
        net, X, Y = self.shown_net, self.data.X, self.data.Y
        if self.shown_sample is not None and self.shown_sample >= len(self.data):
            self.shown_sample = None
        nxt = self.next_samples()
        self.next_state = engine.evaluate(net, X[nxt], Y[nxt])
        self.total_state = engine.evaluate(net, X, Y)
        if self.shown_sample is None:
            self.state = self.next_state
        else:
            k = self.shown_sample
            self.state = engine.evaluate(net, X[k:k + 1], Y[k:k + 1])
        trace = self.trainer.trace
        if trace is not self._seen_trace or len(trace) < self._seen_rows:
            self.trace_generation += 1     # rows were cut or replaced: plots reload, not append
        self._seen_trace, self._seen_rows = trace, len(trace)

    @property
    def loss(self) -> float:
        """Mean loss over the whole data set at the shown weights."""
        return self.total_state.loss

    # ----- asking: selection and display (not undoable) -----------------------------------------
    def select(self, key) -> None:
        key = key if self.is_valid(key) else None
        if key != self.selection:
            self.selection = key
            self.selectionChanged.emit(key)

    def set_highlight(self, keys) -> None:
        keys = frozenset(k for k in (keys or ()) if self.is_valid(k))
        if keys != self.highlight:
            self.highlight = keys
            self.highlightChanged.emit(keys)

    def set_hidden(self, keys) -> None:
        """Hide numbers while the learner computes them (gui.hidden keys); empty shows all again."""
        keys = frozenset(keys or ())
        if keys != self.hidden:
            self.hidden = keys
            self.hiddenChanged.emit(keys)

    def show_sample(self, k: int | None) -> None:
        if k is not None and not 0 <= k < len(self.data):
            k = None
        self.shown_sample = k
        self.refresh()

    def parse_number(self, text) -> tuple[float | None, str | None]:
        return _parse_number(text)

    # ----- asking: edits (undoable); None on success, else a message ---------------------------
    def _refuse(self, text: str) -> str:
        self.message.emit(text)
        return text

    def _editable(self) -> str | None:
        if self.viewing_step is not None:
            return self._refuse(self.tr("Showing step %1 of the past (read-only): return to the present "
                                        "or branch from here first").replace("%1", str(self.viewing_step)))
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
        err = command.check()
        if err:
            return self._refuse(err)
        self.push(command)
        return None

    def edit_param(self, key, value):
        i = self.index(key)
        if i is None:
            return self._refuse(self.tr("No such parameter"))
        return self._edit(lambda v: cmd.EditParam(self, key, v), value)

    def edit_input(self, sample: int, i: int, value):
        if not (0 <= sample < len(self.data) and 0 <= i < self.data.X.shape[1]):
            return self._refuse(self.tr("No such input"))
        return self._edit(lambda v: cmd.EditData(self, "X", sample, i, v), value)

    def edit_target(self, sample: int, k: int, value):
        if not (0 <= sample < len(self.data) and 0 <= k < self.data.Y.shape[1]):
            return self._refuse(self.tr("No such target"))
        return self._edit(lambda v: cmd.EditData(self, "Y", sample, k, v), value)

    def set_frozen(self, key, frozen: bool):
        if self.index(key) is None:
            return self._refuse(self.tr("No such parameter"))
        self.push(cmd.SetFrozen(self, key, bool(frozen)))
        return None

    def set_setting(self, name: str, value):
        """lr, momentum (numbers, typed or not), mode, shuffle, batch_size."""
        if name not in SETTING_FIELDS:
            return self._refuse(self.tr("No such setting"))
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

    def add_sample(self, x=None, y=None):
        err = self._editable()
        if err:
            return err
        x = np.zeros(self.net.sizes[0]) if x is None else np.asarray(x, float)
        y = np.zeros(self.net.sizes[-1]) if y is None else np.asarray(y, float)
        self.push(cmd.SetData(self, np.vstack([self.data.X, x]), np.vstack([self.data.Y, y]),
                              self.tr("Add sample")))
        return None

    def remove_sample(self, k: int):
        err = self._editable()
        if err:
            return err
        if len(self.data) <= 1:
            return self._refuse(self.tr("The data set needs at least one sample"))
        if not 0 <= k < len(self.data):
            return self._refuse(self.tr("No such sample"))
        self.push(cmd.SetData(self, np.delete(self.data.X, k, 0), np.delete(self.data.Y, k, 0),
                              self.tr("Remove sample %1").replace("%1", str(k + 1))))
        return None

    def set_architecture(self, n_inputs: int, layers, loss: str, seed: int | None = None):
        """A new shape (sizes, activations, bias modes, loss). Weights that still fit are kept; new
        ones follow core.network.init_weights' stated rule. Training starts again at step 0."""
        err = self._editable()
        if err:
            return err
        old = self.net
        try:
            new = Network(n_inputs, list(layers), loss, notation=cmd.notation_for(old.notation, old.depth,
                                                                                  len(layers)))
        except NetworkError as e:
            return self._refuse(str(e))
        init_weights(new, self.settings.seed if seed is None else seed, keep=old)
        self.push(cmd.SetShape(self, new))
        return None

    # ----- asking: scrubbing (a drag is one undo step) ------------------------------------------
    def begin_scrub(self, key) -> None:
        if self._editable() is None and self.index(key) is not None:
            self._scrub[key] = self.value(key)

    def scrub(self, key, value):
        if key not in self._scrub:
            self.begin_scrub(key)
            if key not in self._scrub:
                return self.tr("Not editable now")
        v, err = self._number(value)
        if err:
            return self._refuse(err)
        self.net.theta[self.index(key)] = v
        self.refresh()
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

    # ----- asking: training ---------------------------------------------------------------------
    def step(self, n: int = 1):
        err = self._editable()
        if err:
            return err
        if self.runner.running:
            return self._refuse(self.tr("Training is running: pause it first"))
        if n < 1:
            return None
        command = cmd.Steps(self, int(n))
        if command.done:
            self.undo_stack.push(command)
        return command.error

    def run(self) -> None:
        if self._editable() is None:
            self.runner.start()

    def pause(self) -> None:
        self.runner.stop()

    def reset(self):
        err = self._editable()
        if err:
            return err
        self.push(cmd.Reset(self))
        return None

    def undo(self) -> None:
        self.runner.stop()
        self.return_to_present()
        self.undo_stack.undo()

    def redo(self) -> None:
        self.runner.stop()
        self.return_to_present()
        self.undo_stack.redo()

    def set_training_state(self, state: str) -> None:
        if state != self.training_state:
            self.training_state = state
            self.trainingStateChanged.emit(state)

    # ----- looking back at the trace ------------------------------------------------------------
    def view_step(self, i: int | None) -> None:
        """Show the network as it was before step i (read-only), from the trace."""
        if i is None or not 0 <= i < len(self.trace):
            return self.return_to_present()
        self.runner.stop()
        past = self.net.copy()
        past.theta[...] = self.trace.theta_at(i, self.net)
        self._past_net, self.viewing_step = past, int(i)
        self.viewingChanged.emit(self.viewing_step)
        self.refresh()

    def return_to_present(self) -> None:
        if self.viewing_step is None:
            return
        self._past_net, self.viewing_step = None, None
        self.viewingChanged.emit(None)
        self.refresh()

    def branch_here(self):
        """Continue from the viewed step: the later trace is cut (undoably) and training goes on
        from the parameters as they were."""
        if self.viewing_step is None:
            return self._refuse(self.tr("Click a point of the loss plot first"))
        i = self.viewing_step
        self._past_net, self.viewing_step = None, None
        self.viewingChanged.emit(None)
        self.push(cmd.Branch(self, i))
        return None
