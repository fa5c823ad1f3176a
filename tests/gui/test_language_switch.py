"""View → Language switches live: every window, dock, menu and dialog is relabelled at once, in Korean no
text is left in English, and the state (an open exercise, a past step shown, the selection) is kept."""
import re
from pathlib import Path

import pytest
from gui_drive import click_tab
from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QFileDialog, QMessageBox
from widget_texts import visible_texts

from backprop_lab.core.model import i18n
from backprop_lab.gui.app import install_translations
from backprop_lab.gui.language import current

# Words that stay as they are in a Korean text: names of functions, formats, keys and the product.
KEEP = {"relu", "leaky", "tanh", "sgd", "backprop", "lab", "enter", "english", "png", "svg", "csv", "pdf",
        "json", "softmax", "xor", "net", "out", "numpy", "pytorch", "ctrl", "shift", "esc", "tab", "max",
        "min", "exp", "log", "sigmoid", "seed", "adam", "python", "pyside", "pyqtgraph"}
WORD = re.compile(r"(?<![A-Za-z_\d])[A-Za-z]{3,}(?![A-Za-z_\d])")   # a word, not a symbol such as E_tot


def _a_path(text: str) -> bool:
    """A file dialog's folders and files are the learner's own names, not ours to translate."""
    return text.startswith("/") or text in Path.home().parts


def untranslated(root, flush: bool = True) -> list[tuple[str, str]]:
    if flush:   # labels a rebuild let go (not inside a dialog's own event loop)
        QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)
    return sorted({(where, text) for where, text in visible_texts(root)
                   if not _a_path(text) and any(w.lower() not in KEEP for w in WORD.findall(text))})


@pytest.fixture
def english(qapp):
    install_translations(qapp, "en")
    yield
    install_translations(qapp, "en")


def _open_exercise_and_past_step(qtbot, w):
    for _ in range(3):
        qtbot.mouseClick(w.controls.step_button, Qt.MouseButton.LeftButton)
    w.session.view_step(1)
    w.session.select(("W", 2, 0, 1))
    click_tab(qtbot, w.teaching, 2)
    ex = w.teaching.widget(2)
    ex.choose(3)
    qtbot.keyClicks(ex.answer, "0.5")
    return ex


def test_switching_language_relabels_everything_and_keeps_the_state(qtbot, english, make_window):
    w = make_window()
    ex = _open_exercise_and_past_step(qtbot, w)
    before = (ex.list.currentRow(), ex.prompt.text(), ex.answer.text())
    assert w.undo_action.text() == "&Undo" and w.values_dock.windowTitle() == "Values"

    w.language_actions["ko"].trigger()                     # View → Language → 한국어

    assert current().code == "ko" and i18n.language() == "ko" and w.prefs.language == "ko"
    assert w.language_actions["ko"].isChecked()
    assert w.undo_action.text() == "실행 취소(&U)" and w.values_dock.windowTitle() == "값"
    assert w.controls.step_button.text() == "한 단계"
    assert ex.check_button.text() == "확인"
    assert (w.session.viewing_step, w.session.selection) == (1, ("W", 2, 0, 1))
    assert (ex.list.currentRow(), ex.answer.text()) == before[::2] and ex.is_open()
    assert ex.prompt.text() != before[1]                   # the same exercise, asked in Korean
    assert "2단계" in w.loss_plot.past.text() or "1" in w.loss_plot.past.text()
    assert untranslated(w) == []

    w.language_actions["en"].trigger()
    assert w.undo_action.text() == "&Undo" and w.controls.step_button.text() == "Step"
    assert ex.prompt.text() == before[1] and (w.session.viewing_step, ex.list.currentRow()) == (1, before[0])
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)
    hangul = [(where, t) for where, t in visible_texts(w) if re.search("[\uac00-\ud7a3]", t) and t != "한국어"]
    assert hangul == []


def _texts_of_dialog(qtbot, opener) -> list:
    """Open a modal dialog, read its texts while it is up, close it."""
    found = []

    def read():
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            QTimer.singleShot(20, read)
            return
        found.extend(untranslated(dialog, flush=False))
        found.append(("title", dialog.windowTitle()))
        dialog.reject() if isinstance(dialog, QDialog) else dialog.close()

    QTimer.singleShot(20, read)
    opener()
    return found


@pytest.mark.qt_log_ignore("propagateSizeHints")     # the offscreen platform, on a file dialog
def test_dialogs_speak_korean(qtbot, english, make_window):
    w = make_window()
    w.language_actions["ko"].trigger()
    about = _texts_of_dialog(qtbot, w._about)
    assert about[-1] == ("title", "Backprop Lab 정보") and about[:-1] == []
    options = QFileDialog.Option.DontUseNativeDialog
    files = _texts_of_dialog(qtbot, lambda: QFileDialog.getOpenFileName(w, "열기", "", "JSON (*.json)",
                                                                     options=options))
    assert files[:-1] == []
    box = _texts_of_dialog(qtbot, lambda: QMessageBox.question(w, "?", "?"))
    assert box[:-1] == []


@pytest.mark.qt_log_ignore("propagateSizeHints", "raise")      # the offscreen platform, on a dialog
def test_the_glossary_gives_each_term_in_both_languages_and_follows_the_language(qtbot, english, make_window):
    from backprop_lab.core.teaching.glossary import entries
    w = make_window()
    w.show_glossary()
    g = w.glossary
    assert g.windowTitle() == "Glossary"
    rows = {g.table.item(r, 1).text(): (g.table.item(r, 0).text(), g.table.item(r, 2).text())
            for r in range(g.table.rowCount())}
    for en, ko in (("backpropagation", "역전파"), ("forward pass", "순전파"), ("partial derivative", "편미분"),
                   ("chain rule", "연쇄 법칙"), ("learning rate", "학습률"), ("weight", "가중치"),
                   ("bias", "편향"), ("loss", "손실"), ("gradient", "기울기")):
        assert rows[en][0] == ko and rows[en][1]
    assert "∂E/∂a" in rows["chain rule"][1]
    w.language_actions["ko"].trigger()
    assert g.windowTitle() == "용어집" and g.isVisible()
    english_column = {e.english for e in entries()}     # shown in English on purpose, beside the Korean
    assert [t for t in untranslated(g) if t[1] not in english_column] == []
