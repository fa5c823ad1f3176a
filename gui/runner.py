"""Run/Pause: continuous training in short timed chunks on the GUI thread.

Each timer tick trains for a while, then the session recomputes, so the window keeps answering
between ticks. Every tick moves the loss plot and the status bar (`progressed`); the other views
refresh on `changed`, at most 15 times a second while running and once more when it pauses (the
teaching panels wait for the pause).
A tick trains for what the refresh and repaint after the last tick (the "gap") leave of a FRAME of
40 Hz rather than 30, so that the plot keeps over 30 frames a second on a busy machine; if training's
share of the run's time falls under TRAIN_SHARE, a tick trains at least as long as the last gap, so
training keeps over half of the time whatever the views cost, but never so long that the tick with its
refresh and repaint passes TURN; as fast as it goes, the number views refresh in a tick of their own
(no training in it), so that neither waits for the other. The steps become one undo command when
the run pauses (or when an edit arrives mid-run: the run so far is closed first, so the history keeps
its order).
A paced run (`pace` updates a second, core.numerics.stop) ticks on a timer instead: one step a tick,
every view refreshed, up to TICK_HZ a second, then several steps a tick. Either kind stops by itself
by its `stop_rule` and says why.
Long work (Step ×N) goes the same way as a run as fast as it goes, limited to its steps, with its
progress (`job`) shown and Cancel (what was done stays, as one undo entry). Looking back far (a
step the history rebuilds by a long replay) goes in pieces on the same timer, with progress and Cancel.
"""
from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QObject, QTimer

from backprop_lab.core.numerics.stop import DEFAULT_PACE, STILL_WINDOW, StopRule, tick_plan

from . import commands as cmd
from .numbers import fmt

FRAME = 0.025          # one tick plus its refresh: ~40 frames a second
VIEW_PERIOD = 1 / 15   # while running, the number views (diagram, tables, panels) refresh this often,
VIEW_SHARE = 0.1       # or less often, so that their own refresh takes at most this share of the time
MIN_TRAIN, MAX_TRAIN = 0.004, 0.060
TURN = 0.075           # a tick's training and the refresh and repaint after it, at most (where training
                       # is not shorter than MIN_TRAIN): the window answers within 100 ms (issue 8)
JOB_TRAIN = 0.030
# Long work keeps each event-loop turn short, on a loaded machine too (issue 8: answer within 100 ms):
# a tick trains for what JOB_TICK leaves after the refresh and repaint it is followed by (as measured),
# in calls of at most JOB_CHUNK (the deadline is looked at only between calls), and the number views
# refresh on a tick of their own, at most every JOB_VIEW_PERIOD (the progress bar shows the work's pace).
JOB_TICK = 0.040
JOB_CHUNK = 0.004
JOB_VIEW_PERIOD = 0.25
TRAIN_SHARE = 0.55
MAX_CHUNK = 8192
MARK_UP_TO = 10        # updates a second up to which a run marks the numbers each update changed
# Step ×N is taken at once when it would take about this long (a static estimate, the same on every
# machine, so that a short Step ×N is one click-to-screen action); longer, it is long work.
AT_ONCE_SECONDS = 0.03


def step_seconds(n: int, n_params: int) -> float:
    """A generous estimate of n steps' time (a step costs ~15 µs plus ~6 ns a parameter here)."""
    return n * (2e-5 + 8e-9 * n_params)


@dataclass
class Job:
    """Long work the run loop does: `total` steps, `done` so far; a look-back replays (`replay(n)`
    advances up to n steps and says how many) and then shows step `target`."""
    total: int
    done: int = 0
    replay: Callable[[int], int] | None = None
    then: Callable[[], None] | None = None
    target: int = 0
    what: str = ""          # the long-work bar's words (%2 done, %3 in all) when not a Step ×N or a look-back
    cancelled: str = ""     # and what Cancel says then,
    cancel_tip: str = ""    # what it does (the Cancel button's tooltip),
    cancel_text: str = ""   # and the Train menu's Cancel (Esc) item


class RunLoop(QObject):
    def __init__(self, session):
        super().__init__(session)
        self.session = session
        self.timer = QTimer(self)
        self.timer.setInterval(0)
        self.timer.timeout.connect(self.tick)
        self._before = None
        self._rate = 2000.0          # steps per second, learned as the run goes
        self._tick_end = None
        self._views_at = 0.0
        self._started = self._trained = 0.0
        self._heavy, self._heavy_gap, self._light_gap = False, 0.0, 0.0
        self._alone = False           # the last number-view refresh had a tick of its own
        self._refresh_cost = 0.0      # long work: a tick's refresh and the repaint after it (seconds)
        self._last_refresh = 0.0
        self.last_tick_steps = 0
        self.pace: int | None = DEFAULT_PACE     # updates a second; None: as fast as it goes
        self.stop_rule = StopRule()
        self.job: Job | None = None

    @property
    def marks_changes(self) -> bool:
        """The tables mark the numbers each update changed: after a Step, and while a run goes
        slowly enough to read them (faster, everything would flicker)."""
        return not self.running or (self.job is None and self.pace is not None and self.pace <= MARK_UP_TO)

    def set_pace(self, pace: int | None) -> None:
        self.pace = pace
        self.timer.setInterval(0 if pace is None else tick_plan(pace)[0])

    @property
    def running(self) -> bool:
        return self.timer.isActive()

    def start_steps(self, n: int) -> None:
        """Step ×N as long work: the run's chunked path as fast as it goes, stopped after n steps."""
        if self.running:
            return
        self.job = Job(int(n))
        self.start()
        if self.running:
            self.tick()          # the first piece at once: a divergence in the first steps is said now
        if not self.running:
            self.job = None

    def start_replay(self, total: int, replay: Callable[[int], int], then: Callable[[], None], target: int,
                     what: str = "", cancelled: str = "", cancel_tip: str = "", cancel_text: str = "") -> None:
        """Look back far: replay in pieces on the timer (progress, Cancel), then show the step. Other work
        done in pieces off the model (opening a sweep's run) goes the same way, with its own words."""
        if self.running:
            return
        self.job = Job(total, replay=replay, then=then, target=target, what=what, cancelled=cancelled,
                       cancel_tip=cancel_tip, cancel_text=cancel_text)
        self._tick_end = None
        self.timer.setInterval(0)
        self.timer.start()
        self.session.set_training_state("running")

    def _replay_tick(self, job: Job, t0: float) -> None:
        assert job.replay is not None and job.then is not None
        deadline = t0 + MAX_TRAIN / 2
        while job.done < job.total and time.perf_counter() < deadline:
            t = time.perf_counter()
            n = int(max(1, min(MAX_CHUNK, self._rate * (deadline - t))))
            k = job.replay(n)
            job.done = job.total if k == 0 else job.done + k
            spent = time.perf_counter() - t
            if spent > 0 and k:
                self._rate = 0.5 * self._rate + 0.5 * k / spent
        self.session.progressed.emit()
        if job.done >= job.total:
            self.timer.stop()
            self.job = None
            self.session.set_training_state("idle")
            job.then()

    def cancel_words(self) -> tuple[str, str]:
        """The Train menu's Cancel item and the Cancel button's tooltip for the long work going on: what
        Cancel does differs (Step ×N keeps the steps taken; a look-back or opening a sweep's copy changes nothing)."""
        job = self.job
        if job is not None and job.cancel_tip:
            return job.cancel_text, job.cancel_tip
        if job is not None and job.replay is not None:
            return (self.tr("&Cancel looking back"),
                    self.tr("Stop looking back: nothing changes, the network shown stays as it is (Esc)"))
        return (self.tr("&Cancel Step ×N"),
                self.tr("Stop here: the steps taken so far stay, as one undo step (Esc)"))

    def cancel(self) -> None:
        """Stop the long work: the steps taken so far stay, as one undo entry (a look-back shows
        nothing new)."""
        job = self.job
        if job is None or not self.running:
            return
        self.stop()
        if job.cancelled:
            text = job.cancelled
        elif job.replay is not None:
            text = self.tr("Looking back at step %1 cancelled").replace("%1", f"{job.target:,}")
        else:
            text = self.tr("Step ×N cancelled after %1 of %2 steps").replace("%1", f"{job.done:,}")\
                .replace("%2", f"{job.total:,}")
        self.session.message.emit(text)

    def start(self) -> None:
        if self.running:
            return
        s = self.session
        try:
            s.settings.validate(len(s.data))
        except ValueError as e:
            s.message.emit(str(e))
            return
        self._before = (s.trainer, s.trainer.snapshot())
        self._tick_end = None
        self._started, self._trained = time.perf_counter(), 0.0
        self._heavy, self._heavy_gap, self._light_gap, self._alone = False, 0.0, 0.0, False
        self.stop_rule.start(s.trainer.step)
        self.set_pace(self.pace)
        if self.job is not None:
            self.timer.setInterval(0)
        s.set_training_state("running")
        self.timer.start()

    def tick(self) -> None:
        t0 = time.perf_counter()
        if self.job is not None:
            if self.job.replay is not None:
                self._replay_tick(self.job, t0)
            else:
                self._job_tick(self.job, t0)
            return
        gap = FRAME / 2 if self._tick_end is None else t0 - self._tick_end
        if self._heavy:
            self._heavy_gap = gap
        elif self._tick_end is not None:      # the first one measured as it is, then smoothed
            self._light_gap = 0.8 * self._light_gap + 0.2 * gap if self._light_gap else gap
        paced = self.pace is not None
        if not paced and not self._heavy and self._tick_end is not None and self._views_due(t0):
            # As fast as it goes, the number views refresh in a turn of their own, after a training
            # tick: the two together would keep the window from answering for both (issue 8: 100 ms).
            self._views_at = self._tick_end = t0
            self._heavy = self._alone = True
            self.session.changed.emit()
            return
        self._heavy = False
        self._train_tick(t0, gap, paced)

    def _views_due(self, now: float) -> bool:
        """The number views refresh 15 times a second, or less often when their refresh is slow (what a
        tick after it costs beyond the others), so that it takes at most VIEW_SHARE of the time (a large
        net, a busy machine): the plot's and the boundary's frames keep the rest."""
        own = self._heavy_gap if self._alone else max(0.0, self._heavy_gap - self._light_gap)
        return now - self._views_at >= max(VIEW_PERIOD, own / VIEW_SHARE)

    def _train_tick(self, t0: float, gap: float, paced: bool) -> None:
        s = self.session
        # A tick after a number-view refresh trains that much less: the plot's frames stay evenly
        # spaced (the share guard below keeps training's time), and never so long that with the
        # refresh and repaint after it (the light gap) the turn passes TURN.
        budget = FRAME - gap
        if self._trained < TRAIN_SHARE * (t0 - self._started):
            budget = max(budget, gap)
        budget = min(budget, TURN - self._light_gap)
        deadline = t0 + min(MAX_TRAIN, max(MIN_TRAIN, budget))
        with s.model.changing():      # one announcement a tick: the views recompute once
            if paced:
                done, error = self._train_paced(t0 + MAX_TRAIN)
            else:
                done, error = self._train_until(deadline)
            self.last_tick_steps = done
            self._tick_end = now = time.perf_counter()      # the gap counts the refresh and the repaint
            self._trained += now - t0
        if error is not None:
            self._finish(cmd.divergence_text(error))
            return
        # A paced run refreshes them after its steps, in the same tick (its ticks are few steps, at a
        # pace the timer keeps); one of one step a tick shows every update (a slow refresh slows the pace
        # instead: the timer waits for the tick to end).
        one_by_one = paced and tick_plan(self.pace or 1)[1] == 1
        if paced and (one_by_one or self._views_due(now)):
            self._views_at, self._heavy, self._alone = now, True, False
            s.changed.emit()
        why = self.stop_rule.check(s.trainer.step, s.loss)
        if why is not None:
            self.stop()
            s.message.emit(self._stop_text(*why))

    def _job_tick(self, job: Job, t0: float) -> None:
        """A piece of Step ×N: training and the refresh after it within JOB_TICK, or (every
        JOB_VIEW_PERIOD) the number views' refresh alone."""
        s = self.session
        gap = 0.0 if self._tick_end is None else t0 - self._tick_end
        if self._heavy:
            self._heavy = False         # the views' repaint is not what a training tick's refresh costs
        else:
            # quick to grow (a slow refresh shortens the next piece at once), slow to forget
            self._refresh_cost = max(0.9 * self._refresh_cost, self._last_refresh + gap)
        if t0 - self._views_at >= JOB_VIEW_PERIOD and self._tick_end is not None:
            self._views_at, self._heavy = t0, True
            s.changed.emit()
            self._tick_end = time.perf_counter()
            return
        budget = min(JOB_TRAIN, max(MIN_TRAIN, JOB_TICK - self._refresh_cost))
        with s.model.changing():      # one announcement a tick: the plot and status bar recompute once
            done, error = self._train_until(t0 + budget, JOB_CHUNK)
            job.done += done
            self.last_tick_steps = done
            trained = time.perf_counter()
        self._tick_end = now = time.perf_counter()
        self._last_refresh = now - trained
        if error is not None:
            self._finish(cmd.divergence_text(error))
        elif job.done >= job.total:
            self.stop()

    def _stop_text(self, kind: str, value) -> str:
        step = f"{self.session.trainer.step:,}"
        if kind == "steps":
            text = self.tr("Run stopped after %1 steps, at step %2").replace("%1", f"{value:,}")
        elif kind == "target":
            text = self.tr("Run stopped at step %2: the loss reached the target %1").replace(
                "%1", fmt(value))
        else:
            text = self.tr("Run stopped at step %2: the loss has stopped changing (over the last "
                           "%1 steps)").replace("%1", f"{STILL_WINDOW:,}")
        return text.replace("%2", step)

    def _limit(self, n: int, done: int = 0) -> int:
        if self.job is not None:
            return max(0, min(n, self.job.total - self.job.done - done))
        left = self.stop_rule.steps_left(self.session.trainer.step)
        return n if left is None else min(n, left)

    def _train_paced(self, deadline: float):
        """The pace's steps for this tick (fewer if they would take past the deadline: a large net)."""
        model, floor = self.session.model, self._before[1].rows
        want = self._limit(tick_plan(self.pace or 1)[1])
        done = 0
        while done < want and time.perf_counter() < deadline:
            n = int(max(1, min(want - done, self._rate * (deadline - time.perf_counter()))))
            t = time.perf_counter()
            taken, error = model.train(n, floor)
            done += taken
            if error is not None:
                return done, error
            spent = time.perf_counter() - t
            if spent > 0:
                self._rate = 0.5 * self._rate + 0.5 * n / spent
        return done, None

    def _train_until(self, deadline: float, chunk: float | None = None):
        """Train in chunks sized by the learned rate until the deadline or a divergence (a chunk of
        at most `chunk` seconds, if given)."""
        model, floor = self.session.model, self._before[1].rows
        done = 0
        while True:
            now = time.perf_counter()
            if now >= deadline:
                return done, None
            seconds = deadline - now if chunk is None else min(chunk, deadline - now)
            n = self._limit(int(max(1, min(MAX_CHUNK, self._rate * seconds))), done)
            if n == 0:
                return done, None
            taken, error = model.train(n, floor)
            done += taken
            if error is not None:
                return done, error
            spent = time.perf_counter() - now
            if spent > 0:
                self._rate = 0.5 * self._rate + 0.5 * n / spent

    def checkpoint(self) -> None:
        """Close the steps taken so far as one undo command and keep running."""
        if self.running and self._before is not None:
            self._push()

    def resume_from_here(self) -> None:
        """After a command was pushed mid-run, the run's next undo step starts from the state it left
        (a new shape or a reset replaces the trainer or its trace: never count across that)."""
        if self.running:
            t = self.session.trainer
            self._before = (t, t.snapshot())

    def _push(self) -> None:
        s = self.session
        if self._before is None:
            return
        command = cmd.Steps(s, before=self._before)
        self._before = None
        if command.valid:
            s.undo_stack.push(command)

    def stop(self, push: bool = True) -> None:
        if not self.running:
            return
        self.timer.stop()
        if push:
            self._push()
        self._before = self.job = None
        self.session.set_training_state("idle")
        self.session.refresh()

    def _finish(self, text: str) -> None:
        """Divergence: pause at the last finite state and say so."""
        self.timer.stop()
        self._push()
        self.job = None
        s = self.session
        s.set_training_state("diverged")
        s.message.emit(text)
        s.refresh()
