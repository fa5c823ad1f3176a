"""File → Export worksheet…: a small dialog (how many blanks, how they are chosen, the language, where the
answer key goes), then the PDF (gui/worksheet_pdf.py) of the network as shown now, on the sample the
walk-through and the exercises use."""
from __future__ import annotations

import os

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QLabel,
    QMessageBox,
    QSpinBox,
    QVBoxLayout,
)

from backprop_lab.core.model.project import Project
from backprop_lab.core.teaching import worksheet

from .language import current as current_language
from .teaching.widgets import walk_sample, walk_velocity
from .worksheet_pdf import WriteError, write_worksheet

LANGUAGES = (("en", "English"), ("ko", "한국어"))


class WorksheetDialog(QDialog):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Export worksheet"))
        self.count = QSpinBox()
        self.count.setRange(1, worksheet.MAX_COUNT)
        self.count.setValue(worksheet.DEFAULT_COUNT)
        self.count.setToolTip(self.tr("How many quantities the learners work out"))
        self.seed = QSpinBox()
        self.seed.setRange(0, 9999)
        self.seed.setSpecialValueText(self.tr("spread evenly"))
        self.seed.setToolTip(self.tr("Which quantities: spread evenly over the exercises' sequence, or "
                                     "drawn at random with this seed (the same seed draws the same ones)"))
        self.language = QComboBox()
        for code, name in LANGUAGES:
            self.language.addItem(name, code)
        self.language.setCurrentIndex([c for c, _ in LANGUAGES].index(current_language().code))
        self.separate = QCheckBox(self.tr("Answer key in its own file (…-key.pdf)"))
        self.separate.setChecked(True)
        self.separate.setToolTip(self.tr("Otherwise the answer key follows the worksheet on pages of its own"))
        form = QFormLayout()
        form.addRow(self.tr("Blanks:"), self.count)
        form.addRow(self.tr("Choice:"), self.seed)
        form.addRow(self.tr("Language:"), self.language)
        form.addRow("", self.separate)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        note = QLabel(self.tr("The worksheet shows the network as it is now, with the numbers of the sample "
                              "the walk-through uses; the blanks are chosen among the exercises."))
        note.setWordWrap(True)
        box = QVBoxLayout(self)
        box.addWidget(note)
        box.addLayout(form)
        box.addWidget(buttons)

    def lang(self) -> str:
        return str(self.language.currentData())


def key_path(path: str) -> str:
    """sheet.pdf → sheet-key.pdf, beside it."""
    stem, ext = os.path.splitext(path)
    return f"{stem}-key{ext or '.pdf'}"


class WorksheetExport(QObject):
    def __init__(self, window, session, folder):
        super().__init__(window)
        self.window, self.session, self.folder = window, session, folder
        self.action = QAction(self.tr("Export &worksheet…"), window)
        self.action.setToolTip(self.tr("A printable PDF with the diagram, the given numbers, blanks to fill in "
                                       "and an answer key"))
        self.action.triggered.connect(lambda _c=False: self.export())

    def now(self, count: int, seed: int):
        """The worksheet of the network as shown (its step, the walk's sample, the chosen notation)."""
        s = self.session
        p = s.project
        project = Project(s.named_net.copy(), s.data.copy(), s.settings.copy(), p.name, p.description, p.source)
        step = s.viewing_step if s.viewing_step is not None else s.step_count
        ws = worksheet.build(project, sample=walk_sample(s), count=count, seed=seed, velocity=walk_velocity(s),
                             step=step)
        return ws, project

    def export(self) -> bool:
        self.session.pause()
        dialog = WorksheetDialog(self.window)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return False
        path, _f = QFileDialog.getSaveFileName(self.window, self.tr("Export worksheet"), self.folder(),
                                               self.tr("PDF document (*.pdf)"))
        if not path:
            return False
        if not path.lower().endswith(".pdf"):
            path += ".pdf"
        answers = key_path(path) if dialog.separate.isChecked() else None
        ws, project = self.now(dialog.count.value(), dialog.seed.value())
        try:
            write_worksheet(ws, project, path, answers, lang=dialog.lang())
        except WriteError as e:
            QMessageBox.critical(self.window, self.tr("Could not write the worksheet"),
                                 self.tr("%1: %2").replace("%1", e.path).replace("%2", e.reason))
            return False
        written = path + (f", {answers}" if answers else "")
        self.session.message.emit(self.tr("Worksheet written: %1").replace("%1", written))
        return True
