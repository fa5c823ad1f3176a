"""Run/Pause: continuous training in short timed chunks on the GUI thread.

Each timer tick trains for a while, then the session recomputes and every view refreshes and
repaints, so the window keeps answering between ticks. The training time of a tick adapts to what the
refresh and repaint after the last tick cost (the "gap"): enough to fill a ~30 Hz frame, and never
less than the gap, so training keeps at least half of the time whatever the views cost. The steps become one undo command when the run pauses
(or when an edit arrives mid-run: the run so far is closed first, so the history keeps its order).
"""
from __future__ import annotations

import time

from PySide6.QtCore import QObject, QTimer

from core.training import DivergenceError

from . import commands as cmd

FRAME = 0.031          # one tick plus its refresh: ~30 frames a second
MIN_TRAIN, MAX_TRAIN = 0.004, 0.060
MAX_CHUNK = 8192


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
        self.last_tick_steps = 0

    @property
    def running(self) -> bool:
        return self.timer.isActive()

    def start(self) -> None:
        if self.running:
            return
        s = self.session
        try:
            s.settings.validate(len(s.data))
        except ValueError as e:
            s.message.emit(str(e))
            return
        self._before = cmd.snapshot(s)
        self._tick_end = None
        s.set_training_state("running")
        self.timer.start()

    def tick(self) -> None:
        s = self.session
        t0 = time.perf_counter()
        gap = FRAME / 2 if self._tick_end is None else t0 - self._tick_end
        deadline = t0 + min(MAX_TRAIN, max(MIN_TRAIN, gap, FRAME - gap))
        done = 0
        try:
            while True:
                now = time.perf_counter()
                if now >= deadline:
                    break
                n = int(max(1, min(MAX_CHUNK, self._rate * (deadline - now))))
                s.trainer.run(n)
                done += n
                spent = time.perf_counter() - now
                if spent > 0:
                    self._rate = 0.5 * self._rate + 0.5 * n / spent
        except DivergenceError as e:
            cmd.settle_divergence(s, self._before.rows)
            self.last_tick_steps = done
            self._finish(cmd.divergence_text(e))
            return
        self.last_tick_steps = done
        self._tick_end = time.perf_counter()      # the gap counts the refresh and the repaint
        s.refresh()

    def checkpoint(self) -> None:
        """Close the steps taken so far as one undo command and keep running."""
        if self.running and self._before is not None:
            self._push()
            self._before = cmd.snapshot(self.session)

    def _push(self) -> None:
        s = self.session
        command = cmd.Steps(s, before=self._before)
        self._before = None
        if command.done:
            s.undo_stack.push(command)

    def stop(self, push: bool = True) -> None:
        if not self.running:
            return
        self.timer.stop()
        if push:
            self._push()
        self._before = None
        self.session.set_training_state("idle")
        self.session.refresh()

    def _finish(self, text: str) -> None:
        """Divergence: pause at the last finite state and say so."""
        self.timer.stop()
        self._push()
        s = self.session
        s.set_training_state("diverged")
        s.message.emit(text)
        s.refresh()
