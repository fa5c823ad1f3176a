"""The project as the window edits it: a project and its trainer, changed only through these methods,
each of which announces what it changed to the listeners (the window's Qt adapter, tests). Qt-free.

Announcements are fine-grained Change records; the changes made inside one `changing()` block (one
command, one run tick) reach the listeners together, once, when the outermost block ends.
"""
from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass

import numpy as np

from backprop_lab.core.model.dataset import Dataset
from backprop_lab.core.model.network import Network
from backprop_lab.core.model.project import Project
from backprop_lab.core.model.settings import Settings
from backprop_lab.core.numerics import engine
from backprop_lab.core.numerics.budget import window_rows
from backprop_lab.core.numerics.history import History, Tail
from backprop_lab.core.numerics.rewind import Snapshot
from backprop_lab.core.numerics.saved_run import SavedRun
from backprop_lab.core.numerics.training import DivergenceError, Trainer

PARAMETERS, SHAPE, SAMPLES, DATA, SETTINGS = "parameters", "shape", "samples", "data", "settings"
TRACE_APPENDED, TRACE_RESET = "trace appended", "trace reset"


@dataclass(frozen=True)
class Change:
    """What changed: parameters (θ, frozen flags, velocity, step), shape (a new network), samples (rows
    added or removed), data (values of inputs or targets), settings, trace appended (rows start..stop)
    or trace reset (rows cut or the trace replaced)."""
    kind: str
    start: int = 0
    stop: int = 0


@dataclass(frozen=True)
class World:
    """Everything an architecture change replaces at once (the held-out samples too: their columns
    follow the network's inputs and outputs as the data's do)."""
    net: Network
    data: Dataset
    trainer: Trainer
    start_theta: np.ndarray
    test: Dataset | None = None


Listener = Callable[[tuple[Change, ...]], None]


class ProjectModel:
    def __init__(self, project: Project):
        self._listeners: list[Listener] = []
        self._pending: list[Change] = []
        self._depth = 0
        self._checked: tuple | None = None      # the last edit check's evaluation (checked_state)
        self.load(project)

    # ----- listening ------------------------------------------------------------------------------
    def listen(self, listener: Listener) -> None:
        self._listeners.append(listener)

    @contextmanager
    def changing(self) -> Iterator[None]:
        """Gather the changes made inside; announce them once, when the outermost block ends."""
        self._depth += 1
        try:
            yield
        finally:
            self._depth -= 1
            if not self._depth and self._pending:
                changes, self._pending = _merged(self._pending), []
                for listener in list(self._listeners):
                    listener(changes)

    def _announce(self, *changes: Change) -> None:
        with self.changing():
            self._pending.extend(changes)

    def announce_all(self) -> None:
        """Tell the listeners that anything may have changed (after a failure part-way)."""
        self._announce(*(Change(k) for k in (SHAPE, SAMPLES, DATA, SETTINGS, PARAMETERS, TRACE_RESET)))

    # ----- reading --------------------------------------------------------------------------------
    @property
    def net(self) -> Network:
        return self.project.net

    @property
    def data(self) -> Dataset:
        return self.project.data

    @property
    def settings(self) -> Settings:
        return self.project.settings

    @property
    def test(self) -> Dataset | None:
        """The held-out samples of a train/test split (None: every sample is trained on)."""
        return self.project.test

    @property
    def trace(self) -> History:
        return self.trainer.history()

    @property
    def world(self) -> World:
        return World(self.net, self.data, self.trainer, self.start_theta, self.test)

    def finite_with_param(self, i: int, value: float) -> bool:
        """Would every value over the data set (forward, loss, backward) stay finite with θ[i] = value?"""
        return self.not_finite_with_param(i, value) is None

    def not_finite_with_param(self, i: int, value: float) -> engine.NotFinite | None:
        """The first value that θ[i] = value would make infinite or NaN (engine.first_not_finite)."""
        probe = self.net.copy()
        probe.theta[i] = value
        return self._check(probe, self.data.X, self.data.Y, self.net)

    def finite_with_data(self, array: str, at: tuple[int, int], value: float) -> bool:
        """Would every value stay finite with input ("X") or target ("Y") `at` = value?"""
        return self.not_finite_with_data(array, at, value) is None

    def not_finite_with_data(self, array: str, at: tuple[int, int], value: float) -> engine.NotFinite | None:
        probe = Dataset(self.data.X.copy(), self.data.Y.copy())
        getattr(probe, array)[at] = value
        return self._check(self.net, probe.X, probe.Y, self.net)

    def not_finite_with(self, net: Network, X: np.ndarray, Y: np.ndarray) -> engine.NotFinite | None:
        """The first value that this network (the one in use, a new shape, a past step's) on these
        samples would make infinite or NaN (engine.first_not_finite)."""
        return self._check(net, X, Y, net)

    def _check(self, net: Network, X: np.ndarray, Y: np.ndarray, shown: Network) -> engine.NotFinite | None:
        """engine.checked; what it evaluated is what the window shows once the change is made, as the
        network `shown` (the one in use for an edit's probe; a new shape, a past step's): kept for it."""
        state, bad = engine.checked(net, X, Y)
        self._keep(shown, net.theta, X, Y, None if bad else state)
        return bad

    def _keep(self, shown: Network, theta: np.ndarray, X: np.ndarray, Y: np.ndarray,
              state: engine.State | None) -> None:
        self._checked = None if state is None else (shown, theta.copy(), X.copy(), Y.copy(), state)

    def checked_state(self, net: Network, X: np.ndarray, Y: np.ndarray) -> engine.State | None:
        """engine.evaluate(net, X, Y) as the last check computed it (an edit's, a new shape's, a look back,
        training's), when that check was of these very numbers (the network it was made for, equal
        parameters, inputs and targets); else None. Given once: not kept past the next recompute."""
        kept, self._checked = self._checked, None
        if kept is None:
            return None
        was, theta, kx, ky, state = kept
        same = net is was and np.array_equal(net.theta, theta) and np.array_equal(X, kx) and np.array_equal(Y, ky)
        return state if same else None

    # ----- changing -------------------------------------------------------------------------------
    def load(self, project: Project) -> None:
        """A whole new project (New, Open)."""
        project.settings.validate(len(project.data))
        run, project.history = project.history, None      # the model owns the saved training from now on
        self.project = project
        if isinstance(run, SavedRun):
            self.trainer = Trainer(project.net, project.data, project.settings, trace=run.history, step=run.step)
            self.trainer.opt.assign(run.opt)
            self.start_theta = run.start_theta.copy()
        else:
            self.trainer = Trainer(project.net, project.data, project.settings)
            self.start_theta = project.net.theta.copy()
        self._budget()
        self.announce_all()

    def saved_run(self) -> SavedRun:
        """The training as a file keeps it (core.io.document_history): the history (not copied:
        write it before training goes on), the step, the optimizer's state, the weights of Reset."""
        t = self.trainer
        return SavedRun(self.trace, t.step, t.opt.copy(), self.start_theta.copy())

    def set_param(self, i: int, value: float) -> None:
        self.net.theta[i] = value
        self._announce(Change(PARAMETERS))

    def set_frozen(self, i: int, frozen: bool) -> None:
        self.net.frozen[i] = frozen
        self._announce(Change(PARAMETERS))

    def set_data_value(self, array: str, at: tuple[int, int], value: float) -> None:
        getattr(self.data, array)[at] = value
        self._announce(Change(DATA))

    def set_samples(self, X: np.ndarray, Y: np.ndarray) -> None:
        self.data.X, self.data.Y = X.copy(), Y.copy()
        self._announce(Change(SAMPLES), Change(DATA))

    def set_dataset(self, X: np.ndarray, Y: np.ndarray, test: Dataset | None) -> None:
        """A whole new data set (generated or imported) and its held-out test samples."""
        self.data.X, self.data.Y = X.copy(), Y.copy()
        self.project.test = None if test is None else test.copy()
        self._announce(Change(SAMPLES), Change(DATA))

    def set_setting(self, name: str, value: object) -> None:
        setattr(self.settings, name, value)
        self._announce(Change(SETTINGS))

    def set_settings(self, values: Settings) -> None:
        """Every setting at once (opening a sweep's run): the same object keeps them, so whoever holds
        it (the trainer) sees the new values."""
        for name, value in values.__dict__.items():
            setattr(self.settings, name, value)
        self._announce(Change(SETTINGS))

    def set_world(self, world: World) -> None:
        """A new architecture: network, data fitted to it, its trainer and its starting weights."""
        self.project.net, self.project.data, self.project.test = world.net, world.data, world.test
        self.trainer, self.start_theta = world.trainer, world.start_theta
        self.trainer.settings = self.project.settings
        self._budget()
        self.announce_all()

    def train(self, n: int, floor: int | None = None) -> tuple[int, DivergenceError | None]:
        """n steps (fewer on a divergence, which is settled back to a finite loss, not below trace row
        `floor` or the rows there were). Returns the steps taken and the divergence, if any."""
        t = self.trainer
        rows, step = len(self.trace), t.step
        error = None
        try:
            t.run(n)
        except DivergenceError as e:
            error = e
        if error is None:
            state, error = t.whole_divergence()
            if error is None:
                # The window shows this very evaluation (checked_state): one pass over the data, not two.
                self._keep(self.net, self.net.theta, self.data.X, self.data.Y, state)
        if error is not None:
            refused = t.settle_divergence(rows if floor is None else floor)
            # Said at the step whose state is kept, where settling went back past the step refused: a
            # step whose own samples stayed finite but another sample's values did not.
            if refused is not None and t.step < error.step:
                bad, theta = refused
                error = t.divergence(bad, t.step, theta)
        self._trace_moved(rows)
        return t.step - step, error

    def train_with(self, settings: Settings, before: Snapshot, n: int) -> None:
        """Replay n steps from `before` with the settings they were first taken with (a redo)."""
        t = self.trainer
        self.trace.truncate(before.rows)
        t.restore(before)
        saved, t.settings = t.settings, settings.copy()
        try:
            t.run(n)
        finally:
            t.settings = saved
            self._trace_moved(before.rows)

    def rewind(self, snap: Snapshot) -> Tail:
        """Back to a snapshot: later steps cut from the history (returned, to be put back by replay)."""
        cut = self.trainer.rewind(snap)
        self._announce(Change(TRACE_RESET), Change(PARAMETERS))
        return cut

    def replay(self, after: Snapshot, tail: Tail) -> None:
        """Put back the steps cut by rewind and the state after them."""
        start = len(self.trace)
        self.trace.paste(tail)
        self.trainer.restore(after)
        self._trace_moved(start)

    def use_trace(self, trace: History, snap: Snapshot) -> None:
        """Another trace (Reset keeps the old one for undo) and the state that goes with it."""
        self.trainer.trace = trace
        self.trainer.restore(snap)
        self._budget()
        self._announce(Change(TRACE_RESET), Change(PARAMETERS))

    def _budget(self) -> None:
        """The window's history keeps within the memory budget (core.numerics.budget): past it, the
        oldest steps are thinned, never an abort."""
        self.trace.set_limit(window_rows(self.net))

    def _trace_moved(self, start: int) -> None:
        stop = len(self.trace)
        grew = Change(TRACE_APPENDED, start, stop) if stop > start else Change(TRACE_RESET)
        self._announce(grew, Change(PARAMETERS))


def _merged(changes: list[Change]) -> tuple[Change, ...]:
    """One record per kind, in first-seen order; appended rows merge into one range, and a reset
    makes them moot (the listener reloads the trace)."""
    kinds = {c.kind for c in changes}
    out: dict[str, Change] = {}
    for c in changes:
        if c.kind == TRACE_APPENDED:
            if TRACE_RESET in kinds:
                continue
            old = out.get(c.kind)
            if old is not None:
                c = Change(c.kind, min(old.start, c.start), max(old.stop, c.stop))
        out[c.kind] = c
    return tuple(out.values())
