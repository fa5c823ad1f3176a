"""Long work in the status bar: how far Step ×N (or a far look-back, or saving a long history) has got, and Cancel
(the button, or Esc from the window's Train menu). Shown only while there is long work; it follows every run tick
and every turn of the file work."""
from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QProgressBar, QPushButton, QWidget

from .. import save_first
from .elided import ElidedLabel
from .quiet import set_text

SHARES = 1000        # the progress bar's steps for work measured as a share


class LongWorkBar(QWidget):
    def __init__(self, session, parent=None):
        super().__init__(parent)
        self.session = session
        self.runner = session.runner
        self.label = ElidedLabel()
        self.label.setObjectName("longWorkText")
        self.bar = QProgressBar()
        self.bar.setObjectName("longWorkProgress")
        self.bar.setTextVisible(True)
        self.bar.setFixedWidth(160)
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.setObjectName("longWorkCancel")
        self.cancel_button.clicked.connect(lambda: session.file_work.cancel() or self.runner.cancel())
        box = QHBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(self.label)
        box.addWidget(self.bar)
        box.addWidget(self.cancel_button)
        session.progressed.connect(self.refresh)
        session.trainingStateChanged.connect(lambda _s: self.refresh())
        session.file_work.changed.connect(self.refresh)
        self.refresh()

    def retranslate(self) -> None:
        self.refresh()

    def refresh(self) -> None:
        saving = self.session.file_work
        if saving.running:
            self._show_saving(saving)
            return
        job = self.runner.job if self.runner.running else None
        self.setVisible(job is not None)
        if job is None:
            return
        set_tip(self.cancel_button, self.runner.cancel_words()[1])
        # Thousands of steps fit a progress bar's int range (10,000,000 at most) without scaling.
        if self.bar.maximum() != job.total:
            self.bar.setRange(0, job.total)
        self.bar.setValue(min(job.done, job.total))
        if job.what:
            text = job.what
        elif job.replay is not None:
            text = self.tr("Rebuilding step %1: %2 of %3 steps replayed").replace("%1", f"{job.target:,}")
        else:
            text = self.tr("Step ×N: %2 of %3 steps")
        set_text(self.label, text.replace("%2", f"{job.done:,}").replace("%3", f"{job.total:,}"))

    def _show_saving(self, work) -> None:
        self.setVisible(True)
        if self.bar.maximum() != SHARES:
            self.bar.setRange(0, SHARES)
        self.bar.setValue(int(SHARES * work.share))
        if work.opening:
            set_text(self.label, self.tr("Opening %1…").replace("%1", work.text))
            set_tip(self.cancel_button, self.tr("Stop opening: the network shown stays as it is (Esc)"))
        else:
            text = save_first.saving(work.then) if work.then else self.tr("Saving %1…")
            set_text(self.label, text.replace("%1", work.text))
            set_tip(self.cancel_button, self.tr("Stop saving: the file stays as it was (Esc)"))


def set_tip(widget, text: str) -> None:
    if widget.toolTip() != text:
        widget.setToolTip(text)
