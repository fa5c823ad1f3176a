"""Long file work in the window (saving or opening a long history): the pieces of a core.io.pieces generator run
from a timer, a few milliseconds' worth a turn, so the window keeps answering; the status bar shows how
far it has got (panels/long_work.py) and Cancel or Esc closes the generator, which drops the file being
written (core.io.atomic: the old file stays as it was, and no temporary file), or what was read."""
from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer, Signal

TURN_SECONDS = 0.012     # pieces a timer turn: one piece is a few ms (core.io.pieces.PIECE)


class FileWork(QObject):
    changed = Signal()       # started, moved on, or ended: the status bar follows it

    def __init__(self, parent=None):
        super().__init__(parent)
        self.timer = QTimer(self)
        self.timer.setInterval(0)
        self.timer.timeout.connect(self._turn)
        self.work = None
        self.done, self.total, self.text = 0, 1, ""
        self.opening = False
        self.then = ""          # what waits for the save (gui.save_first), said in the status bar
        self._finished: Callable[[object], None] | None = None
        self._failed: Callable[[Exception], None] | None = None
        self._cancelled: Callable[[], None] | None = None

    @property
    def running(self) -> bool:
        return self.work is not None

    def start(self, work, total: int, text: str, finished: Callable[[object], None],
              failed: Callable[[Exception], None], cancelled: Callable[[], None], opening: bool = False,
              then: str = "") -> None:
        """Run `work` (about `total` units of its yields) in pieces; then `finished(result)`,
        `failed(error)` for an exception it raises, or `cancelled()` after Cancel. `text` names the
        file; `opening`: it is read (else written); `then`: the kind of action that waits for it."""
        self.work, self.done, self.total, self.text = work, 0, max(1, total), text
        self.opening, self.then = opening, then
        self._finished, self._failed, self._cancelled = finished, failed, cancelled
        # The first piece at once: what is saved is what there was when Save was chosen (an edit made
        # between the pieces waits for the next save).
        self._turn(first=True)
        if self.work is not None:
            self.timer.start()

    @property
    def share(self) -> float:
        """How far it has got, 0 to 1 (an estimate: `total` is)."""
        return min(1.0, self.done / self.total)

    def _turn(self, first: bool = False) -> None:
        work = self.work
        if work is None:
            return
        deadline = time.perf_counter() + (0 if first else TURN_SECONDS)
        try:
            self.done += next(work)
            while time.perf_counter() < deadline:
                self.done += next(work)
        except StopIteration as end:
            self._end()
            assert self._finished is not None
            self._finished(end.value)
            return
        except Exception as e:       # noqa: BLE001 — what the work refuses is said (its caller knows how)
            self._end()
            assert self._failed is not None
            self._failed(e)
            return
        self.changed.emit()

    def cancel(self) -> bool:
        """Stop: the generator is closed (a file being written is dropped). False if nothing ran."""
        work = self.work
        if work is None:
            return False
        work.close()
        self._end()
        if self._cancelled is not None:
            self._cancelled()
        return True

    def _end(self) -> None:
        self.timer.stop()
        self.work = None
        self.changed.emit()
