"""The worksheet as PDF pages (Qt's own PDF writer): the content comes from core.teaching.worksheet, the
words from the catalogue of the language asked for, the diagram from the window's own scene with every
computed number hidden. The sheet and its answer key are separate pages, in one file or in two."""
from __future__ import annotations

import contextlib
import html
from collections.abc import Iterator

from PySide6.QtCore import QBuffer, QByteArray, QCoreApplication, QIODevice, QMarginsF, QRectF, Qt, QUrl
from PySide6.QtGui import QImage, QPageLayout, QPageSize, QPainter, QPdfWriter, QTextDocument
from PySide6.QtWidgets import QApplication

from backprop_lab.core.io import atomic
from backprop_lab.core.model import i18n
from backprop_lab.core.model.project import Project
from backprop_lab.core.teaching.worksheet import Worksheet

from .panels.architecture import activation_label, loss_label
from .preset_titles import preset_title

translate = QCoreApplication.translate
DIAGRAM_SCALE = 3.0        # the scene drawn at three times its size: sharp when printed
DIAGRAM_WIDTH = 500        # in the document's pixels (a page is about 650 wide)


@contextlib.contextmanager
def in_language(lang: str | None) -> Iterator[None]:
    """Qt's and core's words in `lang` while the pages are made, the app's own language again after."""
    from .app import install_translations
    old = i18n.language()
    app = QApplication.instance()
    if lang is None or lang == old or not isinstance(app, QApplication):
        yield
        return
    install_translations(app, lang)
    try:
        yield
    finally:
        install_translations(app, old)


def diagram_image(project: Project, sample: int) -> QImage:
    """The network as the window draws it, on one sample, with every computed number shown as "?"."""
    from .diagram.scene import NetworkScene
    from .session import Session
    session = Session(project)
    session.show_sample(sample)
    session.select(None)
    net = project.net
    hidden: set[tuple] = {("a", l, j) for l in range(1, net.depth + 1) for j in range(net.sizes[l])}
    hidden |= {("term", k) for k in range(net.sizes[-1])} | {("loss",)}
    session.set_hidden(frozenset(hidden))
    scene = NetworkScene(session)
    rect = scene.sceneRect()
    image = QImage(int(rect.width() * DIAGRAM_SCALE), int(rect.height() * DIAGRAM_SCALE),
                   QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.white)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
    scene.render(painter, QRectF(image.rect()), rect)
    painter.end()
    scene.deleteLater()
    session.deleteLater()
    return image


def _e(text: str) -> str:
    return html.escape(text, quote=False)


_STYLE = """
body { font-size: 10.5pt; }
h1 { font-size: 17pt; margin-bottom: 2px; }
h2 { font-size: 12.5pt; margin-top: 14px; margin-bottom: 4px; }
td, th { padding: 3px 6px; }
th { background-color: #e8e8e8; text-align: left; }
.muted { color: #555555; }
.answer { font-family: monospace; font-size: 11pt; }
.blank { border-bottom: 1px solid black; }
.formula { font-size: 9.5pt; }
.section { font-size: 12.5pt; font-weight: bold; padding-top: 12px; }
"""


def _head(ws: Worksheet, heading: str) -> str:
    title = preset_title(ws.title) if ws.title else translate("Worksheet", "this network")
    return f"<h1>{_e(heading)}</h1><p class='muted'>{_e(title)}</p>"


def _about(ws: Worksheet, n_samples: int) -> str:
    acts = ", ".join(activation_label(a) for a in ws.activations)
    facts = [translate("Worksheet", "Sample %1 of %2").replace("%1", str(ws.sample + 1)).replace("%2", str(n_samples)),
             translate("Worksheet", "the weights after step %1").replace("%1", str(ws.step)) if ws.step else
             translate("Worksheet", "the starting weights"),
             translate("Worksheet", "activations: %1").replace("%1", acts),
             translate("Worksheet", "loss: %1").replace("%1", loss_label(ws.loss))]
    return f"<p>{_e(' · '.join(facts))}</p>"


_GROUPS = (("input", "Inputs"), ("target", "Targets"), ("weight", "Weights"), ("bias", "Biases"),
           ("rate", "Training"), ("velocity", "Velocities (momentum)"))


def _group_title(kind: str) -> str:
    return {"input": translate("Worksheet", "Inputs"), "target": translate("Worksheet", "Targets"),
            "weight": translate("Worksheet", "Weights"), "bias": translate("Worksheet", "Biases"),
            "rate": translate("Worksheet", "Training"),
            "velocity": translate("Worksheet", "Velocities (momentum)")}[kind]


def _givens(ws: Worksheet, per_row: int = 4) -> str:
    fixed = translate("Worksheet", "fixed")
    rows = []
    for kind, _ in _GROUPS:
        kinds = ("rate", "momentum", "decay") if kind == "rate" else (kind,)
        items = ws.of_kind(*kinds)
        if not items:
            continue
        cells = [f"<td>{_e(g.name)}&nbsp;=&nbsp;{_e(g.text.replace('-', '−'))}"
                 + (f" <span class='muted'>({_e(fixed)})</span>" if g.frozen else "") + "</td>" for g in items]
        lines = [cells[n:n + per_row] for n in range(0, len(cells), per_row)]
        for n, line in enumerate(lines):
            head = f"<th>{_e(_group_title(kind))}</th>" if n == 0 else "<td></td>"
            rows.append(f"<tr>{head}{''.join(line)}</tr>")
    return "<table cellspacing='0' width='100%'>" + "".join(rows) + "</table>"


def _table(title: str, columns: list[tuple[str, int]], rows: list[str], padding: int) -> str:
    """A table under its title, both repeated on every page it runs over (so a title never ends a page
    alone); columns are (words, width in per cent)."""
    head = "".join(f"<th width='{width}%'>{_e(text)}</th>" for text, width in columns)
    return (f"<table cellspacing='0' cellpadding='{padding}' width='100%'><thead>"
            f"<tr><td colspan='{len(columns)}' class='section'>{_e(title)}</td></tr><tr>{head}</tr></thead>"
            + "".join(rows) + "</table>")


def _blanks(ws: Worksheet) -> str:
    columns = [("#", 4), (translate("Worksheet", "Quantity"), 16), (translate("Worksheet", "Formula"), 37),
               (translate("Worksheet", "Decimals"), 17), (translate("Worksheet", "Your answer"), 26)]
    rows = [f"<tr><td>{b.number}</td><td><b>{_e(b.name)}</b></td><td class='formula'>{_e(b.formula)}</td>"
            f"<td>{b.digits}</td><td class='blank'>&nbsp;</td></tr>" for b in ws.blanks]
    return _table(translate("Worksheet", "To work out"), columns, rows, 7)


def sheet_html(ws: Worksheet, n_samples: int) -> str:
    intro = translate("Worksheet", "Work out each quantity below by hand, with the numbers given, for one forward "
                      "pass, one backward pass and one update on this sample. Write each answer to the "
                      "decimals asked for.")
    name = translate("Worksheet", "Name")
    heading = translate("Worksheet", "Worksheet")
    given = translate("Worksheet", "Given")
    return (f"<html><body>{_head(ws, heading)}"
            f"<p>{_e(name)}: ______________________________</p>"
            f"{_about(ws, n_samples)}<p>{_e(intro)}</p>"
            f"<p align='center'><img src='diagram.png' width='{DIAGRAM_WIDTH}'></p>"
            f"<h2>{_e(given)}</h2>{_givens(ws)}"
            f"{_blanks(ws)}</body></html>")


def key_html(ws: Worksheet, n_samples: int, page_break: bool) -> str:
    columns = [("#", 4), (translate("Worksheet", "Quantity"), 18), (translate("Worksheet", "Formula"), 52),
               (translate("Worksheet", "Answer"), 26)]
    rows = [f"<tr><td>{b.number}</td><td><b>{_e(b.name)}</b></td><td class='formula'>{_e(b.formula)}</td>"
            f"<td class='answer'>{_e(b.answer.replace('-', '−'))}</td></tr>" for b in ws.blanks]
    brk = " style='page-break-before: always'" if page_break else ""
    heading = translate("Worksheet", "Answer key")
    table = _table(translate("Worksheet", "Answers"), columns, rows, 6)
    return f"<div{brk}>{_head(ws, heading)}{_about(ws, n_samples)}{table}</div>"


def _document(body: str, diagram: QImage | None) -> QTextDocument:
    doc = QTextDocument()
    doc.setDefaultStyleSheet(_STYLE)
    if diagram is not None:
        doc.addResource(QTextDocument.ResourceType.ImageResource, QUrl("diagram.png"), diagram)
    doc.setHtml(body)
    return doc


def pdf_bytes(doc: QTextDocument, title: str) -> bytes:
    """The document printed by Qt's PDF writer into memory (the file is written whole, or not at all)."""
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setTitle(title)
    writer.setCreator("Backprop Lab")
    writer.setResolution(300)
    writer.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Portrait,
                                     QMarginsF(15, 15, 15, 15), QPageLayout.Unit.Millimeter))
    doc.print_(writer)
    buffer.close()
    return bytes(data.data())


def write_worksheet(ws: Worksheet, project: Project, path: str, answers: str | None = None,
                    lang: str | None = None) -> None:
    """The sheet to `path` with its answer key on the pages after it, or in `answers` when given. Both
    are made in memory before either is written (core.io.atomic: a file is whole or untouched)."""
    with in_language(lang):
        diagram = diagram_image(project, ws.sample)
        n = len(project.data)
        title = translate("Worksheet", "Worksheet")
        if answers:
            sheet = pdf_bytes(_document(sheet_html(ws, n), diagram), title)
            key = pdf_bytes(_document(f"<html><body>{key_html(ws, n, False)}</body></html>", None),
                            translate("Worksheet", "Answer key"))
        else:
            body = sheet_html(ws, n).replace("</body></html>", key_html(ws, n, True) + "</body></html>")
            sheet, key = pdf_bytes(_document(body, diagram), title), b""
    for where, data in ((path, sheet), (answers, key)):
        if where:
            try:
                atomic.write_bytes(where, data)
            except OSError as e:
                raise WriteError(where, e.strerror or str(e)) from e


class WriteError(Exception):
    """A file of the worksheet could not be written: which, and the system's reason."""

    def __init__(self, path: str, reason: str):
        super().__init__(f"{path}: {reason}")
        self.path, self.reason = path, reason
