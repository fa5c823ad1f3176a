"""File → Print… and File → Save as PDF…: the derivation of the selected item and the walk-through of one
sample, as pages. The texts are those the panels show (core.teaching.walkthrough's formulas, core's
derivation tree written out as the command line's `explain` writes it), numbers at the learner's precision;
a number an open exercise hides is printed as "?" too."""
from __future__ import annotations

import html

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtGui import QAction, QKeySequence, QTextDocument
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox

from backprop_lab.core.io import atomic
from backprop_lab.core.teaching.walkthrough import walk
from backprop_lab.core.teaching.written_out import expand

from .hidden import HIDDEN, keys_for, node_key, top_key
from .numbers import fmt, shown_digits
from .panels.chain import derivation
from .preset_titles import preset_title
from .teaching.walk_panel import phase_name
from .teaching.widgets import walk_sample, walk_velocity
from .worksheet_pdf import pdf_bytes

translate = QCoreApplication.translate
MAX_STEPS = 600         # a walk of a large network runs to thousands of steps: the first ones, then a note

_STYLE = """
body { font-size: 10pt; }
h1 { font-size: 16pt; margin-bottom: 2px; }
h2 { font-size: 12.5pt; margin-top: 16px; margin-bottom: 4px; }
td { padding: 2px 6px; }
.muted { color: #555555; }
.phase { background-color: #e8e8e8; font-weight: bold; }
.mono { font-family: monospace; white-space: pre; }
"""


def _e(text: str) -> str:
    return html.escape(text, quote=False)


def _lines(node, hidden: frozenset, top) -> list[str]:
    """The chain rule written out as `explain` writes it, a number an open exercise asks for as "?"."""
    def number(n) -> str:
        return HIDDEN if hidden and node_key(n, top) in hidden else fmt(n.value)
    return expand(node, number)


def derivation_html(session) -> str:
    key = session.selection
    if key is None or not session.is_valid(key):
        nothing = translate("Printing", "Nothing is selected: no derivation to print.")
        return f"<p class='muted'>{_e(nothing)}</p>"
    node = derivation(session).node_for_key(key)
    text = "\n".join(_lines(node, session.hidden, top_key(key)))
    heading = translate("Printing", "Derivation of %1").replace("%1", session.label(key))
    return f"<h2>{_e(heading)}</h2><p class='mono'>{_e(text)}</p>"


def walk_html(session) -> str:
    s = session
    k = walk_sample(s)
    steps = walk(s.named_net, s.data.X[k], s.data.Y[k], s.settings, walk_velocity(s), digits=shown_digits())
    rows, phase = [], None
    # An open exercise's number would show in every later step that uses it: the walk stops before it.
    secret = next((n for n, st in enumerate(steps) if s.hidden and keys_for(st.quantity) & s.hidden), None)
    shown = steps[:min(MAX_STEPS, len(steps) if secret is None else secret)]
    for step in shown:
        if step.phase != phase:
            phase = step.phase
            rows.append(f"<tr><td colspan='3' class='phase'>{_e(phase_name(phase))}</td></tr>")
        # the name once, in the formula; the numbers and the result follow it with their "="
        given = step.substituted[len(step.name) + 1:]
        result = step.result[len(step.name) + 1:].replace("= ", "=\u00a0")
        rows.append(f"<tr><td>{_e(step.formula)}</td><td>{_e(given)}</td><td><b>{_e(result)}</b></td></tr>")
    if secret is not None:
        stop = translate("Printing", "The rest of the walk-through is left out while the exercise on %1 is open.")
        rows.append(f"<tr><td colspan='3' class='muted'>{_e(stop.replace('%1', steps[secret].name))}</td></tr>")
    elif len(steps) > MAX_STEPS:
        more = translate("Printing", "… and %1 more steps").replace("%1", str(len(steps) - MAX_STEPS))
        rows.append(f"<tr><td colspan='3' class='muted'>{_e(more)}</td></tr>")
    heading = translate("Printing", "Walk-through: one forward and backward pass and one update")
    facts = translate("Printing", "sample %1 of %2 · η = %3").replace("%1", str(k + 1)) \
        .replace("%2", str(len(s.data))).replace("%3", fmt(s.settings.lr))
    return (f"<h2>{_e(heading)}</h2><p class='muted'>{_e(facts)}</p>"
            "<table cellspacing='0' width='100%'><tr><td width='33%'></td><td width='41%'></td><td width='26%'></td>"
            "</tr>" + "".join(rows) + "</table>")


def document(session) -> QTextDocument:
    p = session.project
    title = preset_title(p.name) if p.name else translate("Printing", "Backprop Lab")
    step = session.viewing_step if session.viewing_step is not None else session.step_count
    at = translate("Printing", "at step %1").replace("%1", str(step))
    doc = QTextDocument()
    doc.setDefaultStyleSheet(_STYLE)
    doc.setHtml(f"<html><body><h1>{_e(title)}</h1><p class='muted'>{_e(at)}</p>"
                f"{derivation_html(session)}{walk_html(session)}</body></html>")
    return doc


class PrintActions(QObject):
    def __init__(self, window, session, folder):
        super().__init__(window)
        self.window, self.session, self.folder = window, session, folder
        self.print_ = QAction(self.tr("&Print…"), window)
        self.print_.setShortcut(QKeySequence(QKeySequence.StandardKey.Print))
        self.print_.setToolTip(self.tr("Print the derivation of the selected item and the walk-through"))
        self.print_.triggered.connect(lambda _c=False: self.print_pages())
        self.pdf = QAction(self.tr("Save as P&DF…"), window)
        self.pdf.setToolTip(self.tr("Save the derivation of the selected item and the walk-through as a PDF"))
        self.pdf.triggered.connect(lambda _c=False: self.save_pdf())
        self.actions = [self.print_, self.pdf]

    def print_pages(self) -> bool:
        self.session.pause()
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        dialog = QPrintDialog(printer, self.window)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return False
        document(self.session).print_(printer)
        self.session.message.emit(self.tr("Sent to the printer"))
        return True

    def save_pdf(self) -> bool:
        self.session.pause()
        path, _f = QFileDialog.getSaveFileName(self.window, self.tr("Save as PDF"), self.folder(),
                                               self.tr("PDF document (*.pdf)"))
        if not path:
            return False
        if not path.lower().endswith(".pdf"):
            path += ".pdf"
        data = pdf_bytes(document(self.session), translate("Printing", "Walk-through"))
        try:
            atomic.write_bytes(path, data)
        except OSError as e:
            QMessageBox.critical(self.window, self.tr("Could not save the PDF"),
                                 self.tr("%1: %2").replace("%1", path).replace("%2", e.strerror or str(e)))
            return False
        self.session.message.emit(self.tr("Saved as PDF: %1").replace("%1", path))
        return True
