"""Text that comes from a document is shown as the characters it holds: a name
"<h1>big</h1><img src=/etc/passwd>", notation symbols and source notes with markup show that markup
literally in the Architecture, Values, Exercise and Source panels (and nowhere is read as HTML, so Qt
loads no image)."""
import json

from PySide6.QtCore import Qt
from PySide6.QtGui import Qt as QtGuiQt
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QLabel, QTabWidget, QTextEdit, QWidget

from backprop_lab.core.io import document, presets
from backprop_lab.core.model.quantity import Key
from backprop_lab.gui.teaching.exercise_panel import ExercisePanel
from backprop_lab.gui.teaching.source_panel import SourcePanel

EVIL = "<h1>big</h1><img src=/etc/passwd>"
SYMBOL = "<b>h</b>"          # the hidden layer's a
MARKS = (EVIL, SYMBOL, "<u>y</u>", "<i>note</i>")


def evil_doc() -> dict:
    d = document.to_json(presets.resolve("seed004"))
    d["name"], d["description"] = EVIL, EVIL
    d["notation"]["layers"][1]["a"] = SYMBOL
    d["notation"]["layers"][2]["W"] = "<b>h</b>U"
    d["notation"]["target"] = "<u>y</u>"
    for entry in d["source"]:
        entry["where"] = EVIL
    d["source"][0]["note"] = "<i>note</i>"
    return d


def shown(label: QLabel) -> str:
    """What a reader sees in the label."""
    text = label.text()
    fmt = label.textFormat()
    if fmt == Qt.TextFormat.PlainText or (fmt == Qt.TextFormat.AutoText and not QtGuiQt.mightBeRichText(text)):
        return text
    doc = QTextDocument()
    doc.setHtml(text)
    return doc.toPlainText()


def read_as_html(w: QWidget) -> list:
    """Every label, text view and tooltip where a mark of the document would be read as markup."""
    bad = []
    for label in w.findChildren(QLabel):
        if any(m in label.text() for m in MARKS) and not any(m in shown(label) for m in MARKS):
            bad.append((type(label.parent()).__name__, label.text()[:80]))
    for view in w.findChildren(QTextEdit):
        if any(m in view.toHtml() for m in MARKS):
            bad.append((type(view).__name__, view.toPlainText()[:80]))
    for x in w.findChildren(QWidget):
        t = x.toolTip()
        if any(m in t for m in MARKS) and QtGuiQt.mightBeRichText(t):
            bad.append(("tooltip of " + type(x).__name__, t[:80]))
    return bad


def _labels(panel) -> list[str]:
    return [shown(lab) for lab in panel.findChildren(QLabel)]


def test_document_text_is_shown_as_written(qtbot, make_window, tmp_path):
    path = tmp_path / "evil.json"
    path.write_text(json.dumps(evil_doc()))
    w = make_window(document.load(path))
    s = w.session
    bad = []
    for key in (None, Key("W", 2, 0, 0), Key("a", 1, None, 0), Key("W", 1, 0, 0)):
        if key is not None:
            s.select(key)
        for tabs in w.findChildren(QTabWidget):
            for i in range(tabs.count()):
                tabs.setCurrentIndex(i)
                qtbot.wait(10)
                bad += read_as_html(w)
    assert bad == []
    # each panel shows the document's words literally
    assert SYMBOL in _labels(w.architecture)
    assert any(f"(x → {SYMBOL})" in t for t in _labels(w.values))
    assert any(t.endswith("— " + EVIL) for t in _labels(w.findChildren(ExercisePanel)[0]))
    assert any(t.startswith(EVIL + ": ") for t in _labels(w.findChildren(SourcePanel)[0]))
    s.edit_target(0, 0, "<img src=/etc/passwd>")
    assert w.status.note.text() == "“<img src=/etc/passwd>” is not a number" == shown(w.status.note)
