"""The window's one way in to the project: it holds the project model (core.numerics.project_model),
listens to it through the Qt adapter (gui.model_signals), keeps the view state (gui.view_state) apart,
and turns every edit into an undoable command. Widgets only listen to its signals and ask through its
methods.

Keys: ("n", l, j) neuron j of layer l (l = 0: inputs); ("W", l, i, j) weight from neuron i of layer
l-1 to neuron j of layer l; ("b", l, j) bias of neuron j (shared bias: j = 0). Layers are 1-based,
neurons 0-based, as in core.network.
"""
from __future__ import annotations

import numpy as np
from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack

from backprop_lab.core.model.dataset import Dataset
from backprop_lab.core.model.network import Network
from backprop_lab.core.model.notation import FORMS
from backprop_lab.core.model.project import Project
from backprop_lab.core.model.settings import Settings
from backprop_lab.core.numerics import engine
from backprop_lab.core.numerics import project_model as pm
from backprop_lab.core.numerics.budget import WARN_SHARE
from backprop_lab.core.numerics.history import History
from backprop_lab.core.numerics.project_model import ProjectModel
from backprop_lab.core.numerics.training import Trainer, samples_for_step

from . import commands as cmd
from .file_work import FileWork
from .model_signals import ModelSignals
from .numbers import parse_number as _parse_number
from .runner import AT_ONCE_SECONDS, RunLoop, step_seconds
from .session_edits import Edits
from .view_state import ViewState

RUN_KINDS = {pm.TRACE_APPENDED, pm.TRACE_RESET, pm.PARAMETERS}    # what a run tick changes


class Session(QObject, Edits):
    """The window's side of the project: the model (core.numerics.project_model) and its Qt adapter,
    the view state, the undo stack and the run loop. It recomputes the shown state whenever the model
    announces a change (synchronously, so no number on screen is ever stale); commands change the model
    and never refresh views themselves."""
    changed = Signal()
    shapeChanged = Signal()
    trainingStateChanged = Signal(str)
    message = Signal(str)
    refused = Signal(str)                # the message just given was a refusal (it goes once an edit applies)
    notationChanged = Signal(str)        # View → Notation: views rename (numbers and shape unchanged)
    samplesChanged = Signal()            # samples added or removed: data views rebuild their rows
    progressed = Signal()                # a run tick: the state is recomputed; the loss plot and the
                                         # status bar follow every tick, other views follow `changed`,
                                         # which a run emits at most RUN_VIEW_HZ times a second

    def __init__(self, project: Project | None = None, parent=None):
        super().__init__(parent)
        self.undo_stack = QUndoStack(self)
        self.runner = RunLoop(self)
        self.file_work = FileWork(self)      # saving a long history, in pieces (gui.file_work)
        self.view = ViewState(self.is_valid, self)
        self.selectionChanged = self.view.selectionChanged
        self.highlightChanged = self.view.highlightChanged
        self.hiddenChanged = self.view.hiddenChanged
        self.viewingChanged = self.view.viewingChanged
        self.signals = ModelSignals(self)
        self.signals.announced.connect(self._on_model)
        self.training_state = "idle"
        self._gradient_colours = False
        self._scrub: dict = {}
        self.trace_generation = 0
        self._index_net, self._index_map = None, {}
        self._named: tuple = ()
        self._seen_trace: History | None = None
        self._seen_rows = self._seen_thin = 0
        self.memory_state = "ok"
        self.model: ProjectModel = None  # type: ignore[assignment]  # until load_project
        if project is not None:
            self.load_project(project)

    # ----- the world ----------------------------------------------------------------------------
    def load_project(self, project: Project) -> None:
        """Replace everything (New, Open): not undoable, the undo history starts again."""
        self.runner.stop(push=False)
        self.undo_stack.clear()
        self.view.view_past(None, None)
        self.model = ProjectModel(project)
        self.signals.attach(self.model)
        self._reset_view()
        self.refresh(shape=True)
        self.selectionChanged.emit(self.selection)
        self.highlightChanged.emit(self.highlight)

    def _reset_view(self):
        # The first weight into the output layer (U11 of seed 004, the text's worked example).
        v = self.view
        v.selection = ("W", self.net.depth, 0, 0)
        v.highlight = frozenset()
        v.show_sample(v.shown_sample, len(self.data))

    def _on_model(self, changes) -> None:
        kinds = {c.kind for c in changes}
        if self.runner.running and kinds <= RUN_KINDS:
            self.progress()
            return
        lost = pm.SHAPE in kinds and self.view.drop_invalid()
        self.refresh(shape=pm.SHAPE in kinds, samples=pm.SAMPLES in kinds)
        if lost:
            self.selectionChanged.emit(None)

    def command_failed(self, text: str, error: Exception) -> None:
        """A command could not be applied (undo()/redo() must not raise): say so, show the model."""
        self.message.emit(self.tr("Could not apply %1: %2").replace("%1", text)
                          .replace("%2", str(error) or type(error).__name__))
        self.settle_training_state()
        if self.model is not None:
            self.model.announce_all()

    @property
    def project(self) -> Project | None:
        return None if self.model is None else self.model.project

    @property
    def trainer(self) -> Trainer:
        return self.model.trainer

    @property
    def start_theta(self) -> np.ndarray:
        return self.model.start_theta

    @property
    def net(self) -> Network:
        return self.model.project.net      # asked per table cell: one hop, not two

    @property
    def data(self):
        return self.model.project.data

    @property
    def test(self) -> Dataset | None:
        """The held-out test samples of a train/test split, or None."""
        return self.model.project.test

    @property
    def settings(self) -> Settings:
        return self.model.project.settings

    @property
    def trace(self) -> History:
        return self.model.trace

    @property
    def step_count(self) -> int:
        return self.trainer.step

    # ----- view state (gui.view_state) ----------------------------------------------------------
    @property
    def selection(self):
        return self.view.selection

    @property
    def highlight(self) -> frozenset:
        return self.view.highlight

    @property
    def hidden(self) -> frozenset:
        return self.view.hidden

    @property
    def shown_sample(self) -> int | None:
        return self.view.shown_sample

    @property
    def viewing_step(self) -> int | None:
        return self.view.viewing_step

    @property
    def shown_net(self) -> Network:
        """The network as shown: a past one (read-only) while viewing the trace, else the live one."""
        past = self.view.past_net
        return past if past is not None else self.model.project.net

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
        self.view.show_sample(self.shown_sample, len(self.data))
        nxt = self.next_samples()
        # The whole data set's evaluation is an edit's check's when it was of these numbers (one pass, not
        # two); the next step's is the same numbers when it takes every sample in order, as a mean.
        self.total_state = self.model.checked_state(net, X, Y) or engine.evaluate(net, X, Y)
        whole = self.settings.batch_loss == "mean" and np.array_equal(nxt, np.arange(len(X)))
        self.next_state = self.total_state if whole else engine.evaluate(net, X[nxt], Y[nxt], self.settings.batch_loss)
        if self.shown_sample is None:
            self.state = self.next_state
        else:
            k = self.shown_sample
            self.state = engine.evaluate(net, X[k:k + 1], Y[k:k + 1])
        trace = self.trace
        if trace is not self._seen_trace or len(trace) < self._seen_rows or trace.thinnings != self._seen_thin:
            self.trace_generation += 1     # rows were cut, replaced or thinned: plots reload, not append
        self._seen_trace, self._seen_rows, self._seen_thin = trace, len(trace), trace.thinnings
        self._memory_note()

    def _memory_note(self) -> None:
        """Say it before the history reaches its memory budget (core.numerics.budget), and each time it
        thins old steps to stay within it."""
        h = self.trace
        near = h.limit is not None and h.kept >= h.limit * WARN_SHARE
        state = f"thinned {h.thinnings}" if h.thinned else "near" if near else "ok"
        if state == self.memory_state:
            return
        self.memory_state = state
        if h.thinned:
            self.message.emit(self.tr("To stay within its memory budget the history keeps the loss of every "
                                      "step from step %1 on, and of one step in %2 or more before it (the plot "
                                      "shows those); any step can still be looked at").replace(
                "%1", f"{h.base + h.thinned:,}").replace("%2", f"{h.stride():,}"))
        elif near:
            self.message.emit(self.tr("The history is near its memory budget: past %1 steps it will keep only "
                                      "every 2nd, 4th … loss of the oldest steps for the plot; training goes on")
                              .replace("%1", f"{h.limit:,}"))

    @property
    def loss(self) -> float:
        """Mean loss over the whole data set at the shown weights."""
        return self.total_state.loss

    # ----- asking: selection and display (not undoable) -----------------------------------------
    def select(self, key) -> None:
        self.view.select(key)

    def set_highlight(self, keys) -> None:
        self.view.set_highlight(keys)

    def set_hidden(self, keys) -> None:
        """Hide numbers while the learner computes them (gui.hidden keys); empty shows all again."""
        self.view.set_hidden(keys)

    def set_locked(self, keys) -> None:
        """The numbers the teacher locked (gui.lock keys); views mark them, edits of them are refused."""
        self.view.set_locked(keys)

    def set_answers_hidden(self, on: bool) -> None:
        """Hide every exercise's answer in every view while the exercises are open (gui.lock)."""
        self.view.set_answers_hidden(on)

    def set_notation(self, form: str) -> None:
        """Write every name in another form of the notation (core.model.notation.FORMS)."""
        if form not in FORMS or form == self.view.form:
            return
        self.view.form = form
        self.notationChanged.emit(form)
        self.refresh()

    def show_sample(self, k: int | None) -> None:
        self.view.show_sample(k, len(self.data))
        self.refresh()

    def parse_number(self, text) -> tuple[float | None, str | None]:
        return _parse_number(text)

    # ----- asking: training ---------------------------------------------------------------------
    def step(self, n: int = 1):
        err = self._editable()
        if err:
            return err
        if self.runner.running:
            return self._refuse(self.tr("Training is running: pause it first"))
        if n < 1:
            return None
        if step_seconds(n, self.net.n_params) > AT_ONCE_SECONDS:
            self.runner.start_steps(int(n))         # long work: in pieces, with progress and Cancel
            return None
        command = cmd.Steps(self, int(n))
        if command.valid:
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
        return self._push_checked(cmd.Reset(self))

    def undo(self) -> None:
        self.runner.stop()
        self.return_to_present()
        self.undo_stack.undo()

    def redo(self) -> None:
        self.runner.stop()
        self.return_to_present()
        self.undo_stack.redo()

    def settle_training_state(self) -> None:
        """After a command: running if a run goes on (an edit mid-run), else idle."""
        self.set_training_state("running" if self.runner.running else "idle")

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
        cost = self.trace.replay_cost(i)
        if step_seconds(cost, self.net.n_params) > AT_ONCE_SECONDS:     # long work: in pieces, Cancel
            self.runner.start_replay(cost, lambda n: self.trace.replay_towards(i, n),
                                     lambda: self.view_step(i), int(self.trace.base + i))
            return None
        past = self.net.copy()
        past.theta[...] = self.trace.theta_at(i, self.net)
        # The samples may have changed since that step: shown with them, its numbers must be finite too.
        bad = self.model.not_finite_with(past, self.data.X, self.data.Y)
        if bad is not None:
            self._refuse(cmd.refusal_text(self.tr("Showing step %1").replace("%1", str(i)), bad, past))
            return
        self.view.view_past(int(i), past)
        self.refresh()

    def return_to_present(self) -> None:
        if self.viewing_step is None:
            return
        self.view.view_past(None, None)
        self.refresh()

    def branch_here(self):
        """Continue from the viewed step: the later trace is cut (undoably) and training goes on
        from the parameters as they were."""
        if self.viewing_step is None:
            return self._refuse(self.tr("Click a point of the loss plot first"))
        command = cmd.Branch(self, self.viewing_step)
        err = command.check()
        if err:
            return self._refuse(err)
        self.view.view_past(None, None)
        self.push(command)
        return None
