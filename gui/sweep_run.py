"""Opening one copy of a learning-rate sweep as the window's run.

The sweep's starting network, data and settings with copy k's learning rate are trained through the
ordinary Trainer for as many steps as the sweep took (a diverged copy: up to the step it was refused),
so the opened run has a real history: its loss curve, any step looked back at, Reset to where the sweep
began. The sweep's copy k agrees with that run to 1e-12 relative (tests/core/test_sweep.py). The run is
trained off the window's model (a long one in pieces, with progress and Cancel: gui.runner) and then
swapped in as one undo step (OpenRun), so Cancel leaves nothing changed and Undo returns to before.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication

from backprop_lab.core.model.dataset import Dataset
from backprop_lab.core.model.settings import Settings
from backprop_lab.core.numerics.budget import window_rows
from backprop_lab.core.numerics.project_model import World
from backprop_lab.core.numerics.sweep import Sweep
from backprop_lab.core.numerics.training import DivergenceError, Trainer

from . import commands as cmd
from .numbers import fmt
from .runner import AT_ONCE_SECONDS, step_seconds

translate = QCoreApplication.translate


class OpenRun(cmd.Command):
    """The network, data, trainer (with its history) and settings of an opened run replace the window's;
    the old ones are kept for undo."""

    def __init__(self, session, world: World, settings: Settings, text: str):
        super().__init__(session, text)
        self.old, self.new = self.model.world, world
        self.old_settings, self.new_settings = session.settings.copy(), settings.copy()

    def _set(self, world: World, was: World, settings: Settings) -> None:
        self._same(self.model.trainer, was.trainer)
        self.model.set_settings(settings)
        self.model.set_world(world)
        self.session.settle_training_state()

    def apply(self):
        self._set(self.new, self.old, self.new_settings)

    def revert(self):
        self._set(self.old, self.new, self.old_settings)


@dataclass
class Opening:
    """Copy k's run, trained off the window's model until it reaches `wanted` steps."""
    k: int
    lr: float
    wanted: int           # the sweep's steps, or the step a diverged copy was refused
    diverged_at: int      # −1: the copy did not diverge
    trainer: Trainer
    start: World

    @classmethod
    def of(cls, sweep: Sweep, k: int, test: Dataset | None) -> Opening:
        """Copy k of the sweep; the window's held-out samples go with it (fitted to its network)."""
        settings = sweep.settings.copy()
        settings.lr = float(sweep.lrs[k])
        net, data = sweep.net.copy(), sweep.data.copy()
        start = net.theta.copy()
        trainer = Trainer(net, data, settings)
        trainer.history().set_limit(window_rows(net))      # as the window's own history keeps it
        gone = int(sweep.diverged_at[k])
        return cls(k, settings.lr, gone if gone >= 0 else sweep.step, gone, trainer,
                   World(net, data, trainer, start, None if test is None else cmd.fit_columns(test, net)))

    def advance(self, n: int) -> int:
        """Up to n more steps; how many were taken (0: done)."""
        t = self.trainer
        left = self.wanted - t.step
        if left <= 0:
            return 0
        before = t.step
        try:
            t.run(min(n, left))
        except DivergenceError:          # the copy's refused step came sooner: stop where the Trainer did
            self.wanted = t.step
        return t.step - before

    def finish(self) -> None:
        """A state the window keeps has a finite loss over the data (it can be saved): a diverged copy
        steps back to the last such state, as a diverged run in the window does."""
        if not self.trainer.finite_loss():
            self.trainer.settle_divergence(0)

    def words(self) -> tuple[str, str]:
        """The undo step's name, and what the status bar says."""
        name = translate("SweepRun", "Open sweep copy %1 (η = %2)").replace("%1", str(self.k + 1)) \
            .replace("%2", fmt(self.lr))
        step = f"{self.trainer.step:,}"
        if self.diverged_at >= 0 or self.trainer.step < self.wanted:
            said = translate("SweepRun", "Copy %1 (η = %2) diverged at step %3: opened at step %4, the last state "
                             "before it; Undo returns to before").replace("%3", f"{max(self.diverged_at, 0):,}")
        else:
            said = translate("SweepRun", "Copy %1 (η = %2) opened: %4 steps trained from where the sweep began; "
                             "Undo returns to before")
        return name, said.replace("%1", str(self.k + 1)).replace("%2", fmt(self.lr)).replace("%4", step)


def open_sweep_run(session, sweep: Sweep, k: int, opened: Callable[[], None] = lambda: None) -> str | None:
    """Open copy k of the sweep in the window (one undo step; `opened` is told when it is in place,
    at once or after the long work); None, or why not (shown)."""
    err = session._editable()
    if err:
        return err
    if session.runner.running:
        return session._refuse(translate("SweepRun", "Training is running: pause it before opening a copy"))
    if session.view.locked:        # the opened run replaces the numbers the teacher fixed
        return session._refuse(translate("SweepRun", "Some numbers are locked: unlock them (Edit → Teacher) "
                                                     "before opening a sweep's copy"))
    opening = Opening.of(sweep, k, session.test)

    def done() -> None:
        opening.finish()
        name, said = opening.words()
        session.push(OpenRun(session, opening.start, opening.trainer.settings, name))
        opened()
        session.message.emit(said)

    if step_seconds(opening.wanted, sweep.net.n_params) <= AT_ONCE_SECONDS:
        while opening.advance(opening.wanted):
            pass
        done()
        return None
    what = translate("SweepRun", "Opening copy %1: %2 of %3 steps").replace("%1", str(k + 1))
    cancelled = translate("SweepRun", "Opening copy %1 cancelled: nothing changed").replace("%1", str(k + 1))
    tip = translate("SweepRun", "Stop opening copy %1: nothing is opened, the window stays as it is (Esc)")\
        .replace("%1", str(k + 1))
    action = translate("SweepRun", "&Cancel opening the copy")
    session.runner.start_replay(opening.wanted, opening.advance, done, opening.wanted, what, cancelled, tip, action)
    return None
