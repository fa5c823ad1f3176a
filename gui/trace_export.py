"""File → Export trace to CSV…: a file dialog (CSV or Parquet) with the naming option, then the export
(core.io.trace_export) run a piece at a time from a timer, so the window keeps answering, behind a
progress dialog whose Cancel leaves no file and the old one as it was."""
from __future__ import annotations

import importlib
import os
import threading

import numpy as np
from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QCheckBox, QFileDialog, QGridLayout, QMessageBox, QProgressDialog

TICK_SECONDS = 0.03        # work per timer tick: a piece or a few, well inside the 100 ms the window may take
PIECE_NUMBERS = 1 << 15    # numbers per piece (rows × columns): replayed and formatted in a few tens of ms
STEPS = 1000               # the progress bar's resolution
FILTERS = {"CSV (*.csv)": "csv", "Parquet (*.parquet)": "parquet"}     # names of file formats: not translated


class TraceExportDialog(QFileDialog):
    """The save dialog, Qt's own (a checkbox can be added to it): where, and how the columns are named."""

    def __init__(self, parent, folder: str):
        super().__init__(parent, self.tr("Export trace to CSV"), folder, ";;".join(FILTERS))
        self.setOption(QFileDialog.Option.DontUseNativeDialog, True)
        self.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        self.setDefaultSuffix("csv")
        self.filterSelected.connect(lambda f: self.setDefaultSuffix(FILTERS.get(f, "csv")))
        self.own_names = QCheckBox(self.tr("Name the columns in the network's notation (x1, h1, W11, …)"), self)
        self.own_names.setToolTip(self.tr("Unticked, the columns have their plain names: a0[1], z1[1], W1[1,1], …"))
        grid = self.layout()
        if isinstance(grid, QGridLayout):
            grid.addWidget(self.own_names, grid.rowCount(), 0, 1, grid.columnCount())

    def kind(self) -> str:
        """"csv" or "parquet", as the file type chosen."""
        return FILTERS.get(self.selectedNameFilter(), "csv")


class TraceExports(QObject):
    """The action, the dialog it opens and the export it starts (one at a time)."""
    finished = Signal(bool)      # the file is in place (True), or it was cancelled or failed (False)

    def __init__(self, window, session, folder):
        super().__init__(window)
        self.window, self.session, self.folder = window, session, folder
        self.action = QAction(self.tr("Export trace to &CSV…"), window)
        self.action.triggered.connect(lambda _c=False: self.ask())
        self.dialog: TraceExportDialog | None = None
        self.progress: QProgressDialog | None = None
        self.job = None
        self.path, self._replacing = "", False
        self._timer = QTimer(self)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self._tick)

    @property
    def running(self) -> bool:
        return self.job is not None

    def ask(self) -> None:
        """Open the save dialog (window-modal, not blocking); choosing a file starts the export."""
        if self.running:
            return
        self.session.pause()
        # polars takes ~0.5 s to import: done while the learner chooses a file, not in one of the export's ticks
        threading.Thread(target=_load_export, name="load the export", daemon=True).start()
        self.dialog = TraceExportDialog(self.window, self.folder())
        self.dialog.fileSelected.connect(
            lambda path: self.start(path, self.dialog.own_names.isChecked(), self.dialog.kind()))
        self.dialog.open()

    def start(self, path: str, own_names: bool = False, kind: str = "csv") -> bool:
        from backprop_lab.core.io.trace_export import TraceExport  # only when exporting, as polars
        self.session.pause()
        trace, trainer = self.session.trace, self.session.model.trainer
        piece = max(16, min(4096, PIECE_NUMBERS // trace.ncols))
        try:
            self.job = TraceExport(trace, trainer, path, own_names, piece=piece, kind=kind)
        except OSError as e:
            return self._fail(e)
        self.path, self._replacing = path, os.path.lexists(path)
        self.progress = QProgressDialog(self.tr("Writing %1…").replace("%1", os.path.basename(path)),
                                        self.tr("Cancel"), 0, STEPS, self.window)
        self.progress.setWindowTitle(self.tr("Export trace to CSV"))
        self.progress.setMinimumDuration(300)        # a short export finishes before it would show
        self.progress.setAutoClose(False)
        self.progress.setAutoReset(False)
        self.progress.canceled.connect(self.cancel)
        self.progress.setValue(0)
        self._timer.start()
        return True

    def _tick(self) -> None:
        job = self.job
        if job is None:
            return
        try:
            done = job.advance(TICK_SECONDS)
        except OSError as e:
            self._end()
            self._fail(e)
            return
        if self.progress is not None:
            self.progress.setValue(int(STEPS * job.done / job.total))
        if done:
            self._end()
            self.session.message.emit(self.tr("Trace exported: %1 rows to %2")
                                      .replace("%1", str(job.total)).replace("%2", self.path))
            self.finished.emit(True)

    def cancel(self) -> None:
        """Stop the export: the file being written is dropped, the old file stays as it was."""
        job = self.job
        if job is None:
            return
        job.cancel()
        self._end()
        said = self.tr("Export cancelled: %1 is as it was") if self._replacing else \
            self.tr("Export cancelled: %1 was not written")
        self.session.message.emit(said.replace("%1", self.path))
        self.finished.emit(False)

    def _end(self) -> None:
        self._timer.stop()
        self.job = None
        if self.progress is not None:
            self.progress.canceled.disconnect(self.cancel)
            self.progress.close()
            self.progress.deleteLater()
            self.progress = None

    def _fail(self, err: OSError) -> bool:
        QMessageBox.critical(self.window, self.tr("Could not export the trace"), str(err))
        self.finished.emit(False)
        return False


def _load_export() -> None:
    for module in ("polars", "polars.io.plugins", "backprop_lab.core.io.trace_export"):
        importlib.import_module(module)
    from backprop_lab.core.io.trace_csv import csv_block
    csv_block([np.zeros(1)])         # polars starts its workers on the first write: that too, beforehand

