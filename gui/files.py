"""The File menu: New from a preset, Open, Save, Save As, Open Recent, Export trace to CSV, Export
plot as PNG/SVG, Quit. Files are written whole or not at all; a failure says what went wrong; an
unsaved change asks before it is lost."""
from __future__ import annotations

import dataclasses
import os
from collections.abc import Callable

import shiboken6
from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QFileDialog, QInputDialog, QMenu, QMessageBox

from backprop_lab.core.io import atomic, document, document_history, presets
from backprop_lab.core.io.pieces import drive

from . import save_first
from .file_names import document_name, proposed_file
from .preset_titles import preset_title
from .print_pages import PrintActions
from .script_export import ScriptExports
from .trace_export import TraceExports
from .worksheet_dialog import WorksheetExport

JSON_FILTER = "Backprop Lab (*.json)"
# A history of more steps than this is saved or opened in pieces, with progress and Cancel
# (gui.file_work); a shorter one at once (well under 100 ms), as one click-to-status-bar action.
AT_ONCE_STEPS = 50_000
Then = tuple[Callable[[], object], str]     # an action waiting for a save, and its kind (gui.save_first)


class FileActions(QObject):
    def __init__(self, window, session, prefs, path: str | None = None):
        super().__init__(window)
        self.window, self.session, self.prefs = window, session, prefs
        self.path = path
        self._then: Then | None = None     # what waits for the question's save (gui.save_first)
        self.new = self._action(self.tr("&New from preset…"), QKeySequence.StandardKey.New, self.new_from_preset)
        self.open = self._action(self.tr("&Open…"), QKeySequence.StandardKey.Open, self.open_file)
        self.save = self._action(self.tr("&Save"), QKeySequence.StandardKey.Save, self.save_file)
        self.save_as = self._action(self.tr("Save &As…"), QKeySequence.StandardKey.SaveAs, self.save_file_as)
        self.traces = TraceExports(window, session, self._folder)
        self.export_csv = self.traces.action
        self.export_png = self._action(self.tr("Export plot as &PNG…"), None, lambda: self.export_plot("png"))
        self.export_svg = self._action(self.tr("Export plot as S&VG…"), None, lambda: self.export_plot("svg"))
        self.scripts = ScriptExports(window, session, self._folder)
        self.worksheet = WorksheetExport(window, session, self._folder)
        self.printing = PrintActions(window, session, self._folder)
        self.quit = self._action(self.tr("&Quit"), QKeySequence.StandardKey.Quit, window.close)
        self.recent_menu = QMenu(self.tr("Open &Recent"), window)
        self.recent_menu.aboutToShow.connect(self._fill_recent)
        session.undo_stack.cleanChanged.connect(self._title)
        self._title()

    def _action(self, text, shortcut, slot) -> QAction:
        a = QAction(text, self.window)
        if shortcut is not None:
            a.setShortcut(QKeySequence(shortcut))
        a.triggered.connect(lambda _checked=False: slot())
        return a

    def fill_menu(self, menu: QMenu) -> None:
        menu.addAction(self.new)
        menu.addAction(self.open)
        menu.addMenu(self.recent_menu)
        menu.addSeparator()
        menu.addAction(self.save)
        menu.addAction(self.save_as)
        menu.addSeparator()
        menu.addAction(self.export_csv)
        menu.addAction(self.export_png)
        menu.addAction(self.export_svg)
        menu.addActions(self.scripts.actions)
        menu.addSeparator()
        menu.addAction(self.worksheet.action)
        menu.addActions(self.printing.actions)
        menu.addSeparator()
        menu.addAction(self.quit)

    def _title(self, *_):
        if not shiboken6.isValid(self.session.undo_stack):
            return      # the stack says "clean" once more while the application shuts down
        name = os.path.basename(self.path) if self.path else (preset_title(self.session.project.name)
                                                              or self.tr("untitled"))
        self.window.setWindowTitle(f"{name}[*] — Backprop Lab")
        self.window.setWindowModified(not self.session.undo_stack.isClean())

    retitle = _title     # after a change of language

    def _fail(self, title: str, err: Exception) -> None:
        QMessageBox.critical(self.window, title, str(err))

    # ----- unsaved changes ----------------------------------------------------------------------
    def maybe_save(self, then: Callable[[], object], kind: str) -> bool:
        """True when the current project may be dropped now: unchanged, discarded, or saved at once. Save on a
        long history writes it in pieces first (gui.file_work): False now, and `then()` (the action asked for,
        tried again: an edit made meanwhile is asked about) once the file is whole; after Cancel or a failure
        it is not done and the status bar says so. `kind` names it (gui.save_first)."""
        work = self.session.file_work
        if self._then is not None:       # the question's own save runs: its action stays, no second save
            self.session.message.emit(save_first.busy(self._then[1]).replace("%1", work.text))
            return False
        if self.session.undo_stack.isClean():
            return True
        answer = QMessageBox.question(
            self.window, self.tr("Unsaved changes"),
            self.tr("The network has changes that are not saved. Save them first?"),
            QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Save)
        if answer == QMessageBox.StandardButton.Save:
            return self.save_file(then=(then, kind))
        return answer == QMessageBox.StandardButton.Discard

    def may_close(self) -> bool:
        """Closing the window: other file work under way is dropped (the question offers a save)."""
        if self._then is None:
            self.session.file_work.cancel()
        return self.maybe_save(self.window.close, "close")

    # ----- projects -----------------------------------------------------------------------------
    def replace(self, project, path: str | None) -> None:
        self.session.load_project(project)
        self.path = path
        if path:
            self.prefs.add_recent(path)
        self._title()

    def new_from_preset(self) -> bool:
        if not self.maybe_save(self.new_from_preset, "new"):
            return False
        items = presets.list_presets()
        titles = [preset_title(title) for _name, title, _d in items]
        title, ok = QInputDialog.getItem(self.window, self.tr("New from preset"), self.tr("Preset:"), titles, 0, False)
        if not ok or title not in titles:
            return False
        self.replace(presets.load_preset(items[titles.index(title)][0]), None)
        return True

    def open_file(self, path: str | None = None) -> bool:
        if not self.maybe_save(lambda: self.open_file(path), "open"):
            return False
        if path is None:
            path, _f = QFileDialog.getOpenFileName(self.window, self.tr("Open"), self._folder(), JSON_FILTER)
            if not path:
                return False
        work = self.session.file_work
        if work.running:
            self.session.message.emit(self.tr("Still busy with %1: wait for it, or cancel it (Esc)")
                                      .replace("%1", work.text))
            return False
        try:
            doc = document.parse(document.read(path))
            opening = document.from_json_pieces(doc)
            steps = document_history.length(doc)
            project = drive(opening) if steps <= AT_ONCE_STEPS else None
        except (document.DocumentError, OSError) as e:
            return self._open_failed(path, e)
        if project is not None:
            return self._opened(path, project, self.session.undo_stack.index())
        # a long history is checked in pieces (the window answers, Cancel leaves the network shown)
        index = self.session.undo_stack.index()
        work.start(opening, 26 * steps + 1024 * 1024, os.path.basename(path),
                   lambda project: self._opened(path, project, index), lambda e: self._open_failed(path, e),
                   lambda: self.session.message.emit(self.tr("Opening cancelled: the network shown is as it was")),
                   opening=True)
        return True

    def _opened(self, path: str, project, index: int) -> bool:
        # an edit made while the file was read in pieces is asked about again before it is replaced
        if self.session.undo_stack.index() != index and \
                not self.maybe_save(lambda: self._opened(path, project, index), "open"):
            return False
        kept = list(getattr(project.history, "kept", []))      # the model takes the history; the plot these
        self.replace(project, os.path.abspath(path))
        for label, x, y in kept:
            self.window.loss_plot.add_kept(label, x, y)
        return True

    def _open_failed(self, path: str, e: Exception) -> bool:
        if not isinstance(e, (document.DocumentError, OSError)):
            raise e
        self._fail(self.tr("Could not open %1").replace("%1", os.path.basename(path)), e)
        return False

    def save_file(self, then: Then | None = None) -> bool:
        """Save (as Save As for a new network or a shipped preset); a long history is saved in pieces: True
        then means it has begun. With `then` (the question's Save, gui.save_first) True means it is saved and
        the project may be dropped now; a long save does `then` once the file is whole (False now)."""
        # a preset in the installation is never written: it is saved elsewhere, as a new file
        if self.path and not presets.is_shipped(self.path):
            return self._save_to(self.path, then)
        return self.save_file_as(then)

    def save_file_as(self, then: Then | None = None) -> bool:
        p, steps = self.session.project, self.session.step_count
        shipped = bool(self.path) and presets.is_shipped(self.path or "")
        proposal = os.path.join(self._folder(), proposed_file(p.name, self.path, steps, shipped))
        path, _f = QFileDialog.getSaveFileName(self.window, self.tr("Save As"), proposal, JSON_FILTER)
        return bool(path) and self._save_to(path if path.endswith(".json") else path + ".json", then)

    def _save_to(self, path: str, then: Then | None = None) -> bool:
        work = self.session.file_work
        if work.running:
            self.session.message.emit(self.tr("Still busy with %1: wait for it, or cancel it (Esc)")
                                      .replace("%1", work.text))
            return False
        self.session.pause()
        if presets.is_shipped(path):
            self._fail(self.tr("Could not save"), OSError(
                self.tr("%1 is a preset shipped with Backprop Lab and is kept as it is: "
                        "save your network under another name or in another folder.")
                .replace("%1", os.path.basename(path))))
            return False
        project = self.session.project
        named = dataclasses.replace(project, name=document_name(project.name, self.session.step_count))
        run = self.session.model.saved_run()
        run.kept = self.window.loss_plot.kept_runs()
        saving = document.save_pieces(named, path, run=run)
        if run.history.kept <= AT_ONCE_STEPS:
            try:
                return self._saved(path, drive(saving), self.session.undo_stack.index())
            except (document.DocumentError, OSError) as e:
                self._fail(self.tr("Could not save"), e)
                if then is not None:
                    self.session.message.emit(save_first.abandoned(then[1]))
                return False
        index, replacing = self.session.undo_stack.index(), os.path.lexists(path)
        self._then = then
        work.start(saving, _units(run), os.path.basename(path), lambda thinned: self._saved_long(path, thinned, index),
                   self._save_failed, lambda: self._save_cancelled(path, replacing), then=then[1] if then else "")
        return then is None

    def _saved_long(self, path: str, thinned: int, index: int) -> None:
        then, self._then = self._then, None
        self._saved(path, thinned, index)
        if then is not None:
            then[0]()        # tried again: an edit made while the file was written is asked about

    def _save_failed(self, e: Exception) -> None:
        then, self._then = self._then, None
        if not isinstance(e, (document.DocumentError, OSError)):
            raise e
        self._fail(self.tr("Could not save"), e)
        if then is not None:
            self.session.message.emit(save_first.abandoned(then[1]))

    def _save_cancelled(self, path: str, replacing: bool) -> None:
        then, self._then = self._then, None
        said = self.tr("Saving cancelled: %1 is as it was") if replacing else \
            self.tr("Saving cancelled: %1 was not written")
        said = said.replace("%1", path)
        # what was not done first: a long path is elided at the end of the status bar
        self.session.message.emit(said if then is None else save_first.abandoned(then[1]) + " " + said)

    def _saved(self, path: str, thinned: int, index: int) -> bool:
        """The file is written: it is the project's file now, and (if nothing was changed while it was
        written in pieces) the project is saved."""
        self.path = os.path.abspath(path)
        self.prefs.add_recent(self.path)
        if self.session.undo_stack.index() == index:
            self.session.undo_stack.setClean()
        self._title()
        said = self.tr("Saved %1").replace("%1", self.path)
        if thinned:
            said += " " + self.tr("(to fit a file of at most %1 MB, the plot keeps every 2nd, 4th … loss before "
                                  "step %2; every step can still be looked back at)") \
                .replace("%1", str(document.MAX_BYTES // 2 ** 20)).replace("%2", f"{thinned:,}")
        self.session.message.emit(said)
        return True

    def _folder(self) -> str:
        for known in (self.path, self.prefs.last_file):
            if known and not presets.is_shipped(known):
                return os.path.dirname(known) or os.getcwd()
        return os.getcwd()

    def _fill_recent(self):
        self.recent_menu.clear()
        files = self.prefs.recent_files()
        for p in files:
            a = self.recent_menu.addAction(p)
            a.triggered.connect(lambda _c=False, p=p: self._open_recent(p))
        if not files:
            self.recent_menu.addAction(self.tr("(none)")).setEnabled(False)

    def _open_recent(self, path: str):
        if not os.path.exists(path):
            self.prefs.remove_recent(path)
        self.open_file(path)

    # ----- exports ------------------------------------------------------------------------------
    def export_plot(self, kind: str) -> bool:
        from .panels import plot_export
        path, _f = QFileDialog.getSaveFileName(self.window, self.tr("Export plot"), self._folder(),
                                               "PNG (*.png)" if kind == "png" else "SVG (*.svg)")
        if not path:
            return False
        size = plot_export.ask_size(self.window)
        if size is None:
            return False
        panel = self.window.loss_plot
        try:
            data = plot_export.png_bytes(panel, size) if kind == "png" else plot_export.svg_bytes(panel, size)
            atomic.write_bytes(path, data)
        except OSError as e:
            self._fail(self.tr("Could not export the plot"), e)
            return False
        self.session.message.emit(self.tr("Plot exported to %1").replace("%1", path))
        return True


def _units(run) -> int:
    """About what saving a history yields (core.io.pieces: bytes packed, then unpacked to check them)."""
    h = run.history
    checkpoints = sum(len(s.steps) for s in h.segments) * h.net.n_params * 32
    return 3 * 12 * h.kept + 4 * checkpoints + 1024 * 1024
