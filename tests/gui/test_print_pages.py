"""File → Print… and File → Save as PDF…: the derivation of the item the learner clicked and the
walk-through, with the engine's numbers; a number an open exercise hides is not printed."""
import re

from gui_drive import click_tab
from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox

from backprop_lab.core.model.numbers import format_number
from backprop_lab.core.numerics.engine import evaluate
from backprop_lab.core.teaching.walkthrough import walk
from backprop_lab.gui.print_pages import document

EXERCISES = 2


def pages(data: bytes) -> int:
    return len(re.findall(rb"/Type\s*/Page(?![a-z])", data))


def click_neuron_edge(qtbot, w, key):
    view = w.diagram
    edge = view.diagram.edges[key]
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=view.mapFromScene(edge.label.scenePos()))
    assert w.session.selection == key


def test_save_as_pdf_holds_the_derivation_and_the_walk(qtbot, window, tmp_path, monkeypatch):
    w, s = window, window.session
    click_neuron_edge(qtbot, w, ("W", 2, 0, 0))             # U11
    out = tmp_path / "walk"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), ""))
    assert w.files.printing.pdf in w.menuBar().actions()[0].menu().actions()
    w.files.printing.pdf.trigger()
    data = (tmp_path / "walk.pdf").read_bytes()
    assert data[:5] == b"%PDF-" and pages(data) >= 2
    assert str(tmp_path / "walk.pdf") in w.status.note.text()
    text = document(s).toPlainText()
    st = evaluate(s.net, s.data.X[0], s.data.Y[0])
    grad = format_number(st.grad[s.net.param_index("W", 2, 0, 0)], 8)
    assert "Derivation of U11" in text and f"= {grad}" in text
    for step in walk(s.net, s.data.X[0], s.data.Y[0], s.settings):
        assert step.formula in text and step.result[len(step.name) + 2:] in text


def test_print_goes_to_the_printer_chosen(qtbot, window, tmp_path, monkeypatch):
    out = tmp_path / "printed.pdf"

    def exec_(dialog):
        dialog.printer().setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        dialog.printer().setOutputFileName(str(out))
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(QPrintDialog, "exec", exec_)
    assert window.files.printing.print_pages() is True
    assert out.read_bytes()[:5] == b"%PDF-" and pages(out.read_bytes()) >= 2
    monkeypatch.setattr(QPrintDialog, "exec", lambda _d: QDialog.DialogCode.Rejected)
    out.unlink()
    assert window.files.printing.print_pages() is False and not out.exists()


def test_an_open_exercise_keeps_its_number_off_the_page(qtbot, window, tmp_path, monkeypatch):
    w, s = window, window.session
    click_tab(qtbot, w.teaching, EXERCISES)
    ex = w.teaching.widget(EXERCISES)
    row = next(n for n, e in enumerate(ex.items) if e.name == "h1")
    qtbot.mouseClick(ex.list.viewport(), Qt.MouseButton.LeftButton,
                     pos=ex.list.visualItemRect(ex.list.item(row)).center())
    assert ("a", 1, 0) in s.hidden
    text = document(s).toPlainText()
    assert "0.08000000" in text                                    # z1, the step before
    assert "0.51998934" not in text                                # h1, nor a step that uses it
    assert "exercise on h1 is open" in text
    said = []
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(tmp_path / "no" / "x.pdf"), ""))
    monkeypatch.setattr(QMessageBox, "critical", lambda _w, t, m: said.append(m))
    assert w.files.printing.save_pdf() is False
    assert said and str(tmp_path / "no" / "x.pdf") in said[0] and list(tmp_path.iterdir()) == []
