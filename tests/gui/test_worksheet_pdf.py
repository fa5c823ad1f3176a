"""The worksheet as PDF: from File → Export worksheet… (after training steps, in Korean, the key in its own
file) and from `backprop-lab worksheet` in both languages: real PDFs with the sheet's and the key's pages,
titled in the language asked for; a file that cannot be written is said so, and nothing is left."""
import re

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox

from backprop_lab.core.io.presets import resolve
from backprop_lab.gui import launcher
from backprop_lab.gui.worksheet_dialog import WorksheetDialog


def pages(data: bytes) -> int:
    return len(re.findall(rb"/Type\s*/Page(?![a-z])", data))


def title(data: bytes) -> str:
    """The document's /Title (Qt writes it as UTF-16 with a byte-order mark, in hex or literal)."""
    m = re.search(rb"/Title\s*<([0-9A-Fa-f]+)>", data)
    if m:
        return bytes.fromhex(m.group(1).decode()).decode("utf-16")
    m = re.search(rb"/Title\s*\((.*?)\)(?=\s*/)", data, re.S)
    raw = re.sub(rb"\\(.)", rb"\1", m.group(1))
    return raw.decode("utf-16") if raw[:2] in (b"\xfe\xff", b"\xff\xfe") else raw.decode("latin-1")


def test_cli_writes_the_sheet_and_the_key_in_both_languages(qapp, tmp_path, capsys):
    for lang, word in (("en", "Worksheet"), ("ko", "학습지")):
        sheet, key = tmp_path / f"s-{lang}.pdf", tmp_path / f"k-{lang}.pdf"
        assert launcher.main(["worksheet", "seed002", "-o", str(sheet), "--answers", str(key), "--lang", lang,
                              "--count", "12"]) == 0
        data, kdata = sheet.read_bytes(), key.read_bytes()
        assert data[:5] == b"%PDF-" and kdata[:5] == b"%PDF-"
        assert title(data) == word
        assert pages(data) >= 1 and pages(kdata) >= 1
        # the key on pages of its own: two short tables that would share a page otherwise
        one, s2, k2 = (tmp_path / f"{n}-{lang}.pdf" for n in ("one", "s2", "k2"))
        assert launcher.main(["worksheet", "seed001", "-o", str(one), "--lang", lang, "--count", "1"]) == 0
        assert launcher.main(["worksheet", "seed001", "-o", str(s2), "--answers", str(k2), "--lang", lang,
                              "--count", "1"]) == 0
        assert pages(s2.read_bytes()) == pages(k2.read_bytes()) == 1
        assert pages(one.read_bytes()) == 2
    out = capsys.readouterr().out
    assert "12" in out and str(tmp_path / "s-en.pdf") in out


def test_cli_refuses_bad_requests_in_one_line(qapp, tmp_path, capsys):
    assert launcher.main(["worksheet", "seed004", "-o", str(tmp_path / "no" / "x.pdf")]) == 2
    assert launcher.main(["worksheet", "seed004", "-o", str(tmp_path / "a.pdf"), "--sample", "2"]) == 2
    assert launcher.main(["worksheet", "seed004", "-o", str(tmp_path / "a.pdf"), "--count", "0"]) == 2
    assert launcher.main(["worksheet", "seed004", "-o", str(tmp_path / "a.pdf"),
                          "--answers", str(tmp_path / "a.pdf")]) == 2
    err = capsys.readouterr().err.splitlines()
    assert len(err) == 4 and all(line.startswith("backprop-lab:") for line in err)
    assert str(tmp_path / "no" / "x.pdf") in err[0] and "--sample 2" in err[1]
    assert list(tmp_path.iterdir()) == []


def _answer(qtbot, count: str, lang: str, separate: bool):
    def exec_(dialog):
        dialog.count.selectAll()
        qtbot.keyClicks(dialog.count, count)
        dialog.language.setCurrentIndex(dialog.language.findData(lang))
        if dialog.separate.isChecked() != separate:
            qtbot.mouseClick(dialog.separate, Qt.MouseButton.LeftButton)
        return QDialog.DialogCode.Accepted
    return exec_


def test_export_from_the_window_after_steps(qtbot, make_window, tmp_path, monkeypatch):
    window = make_window(resolve("seed003"))
    window.controls.n_spin.setValue(3)
    qtbot.mouseClick(window.controls.step_n_button, Qt.MouseButton.LeftButton)
    out = tmp_path / "class"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), ""))
    monkeypatch.setattr(WorksheetDialog, "exec", _answer(qtbot, "5", "ko", True))
    assert window.files.worksheet.action in window.menuBar().actions()[0].menu().actions()
    window.files.worksheet.action.trigger()
    sheet, key = tmp_path / "class.pdf", tmp_path / "class-key.pdf"
    assert sheet.read_bytes()[:5] == b"%PDF-" and title(sheet.read_bytes()) == "학습지"
    assert title(key.read_bytes()) == "정답지"
    assert str(sheet) in window.status.note.text()
    # the window's own language is untouched by the Korean pages
    assert window.menuBar().actions()[0].text() == "&File"


def test_an_unwritable_place_is_said_and_leaves_nothing(qtbot, make_window, tmp_path, monkeypatch):
    window = make_window()
    said = []
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(tmp_path / "none" / "x.pdf"), ""))
    monkeypatch.setattr(WorksheetDialog, "exec", _answer(qtbot, "3", "en", False))
    monkeypatch.setattr(QMessageBox, "critical", lambda _w, t, text: said.append(text))
    assert window.files.worksheet.export() is False
    assert said and str(tmp_path / "none" / "x.pdf") in said[0]
    assert list(tmp_path.iterdir()) == []


def test_the_worksheet_follows_the_notation_and_the_state_shown(qtbot, make_window):
    """View → Notation → net/out: the blanks and the givens are named as every panel names them; a past
    step looked at is the state the worksheet is of."""
    window = make_window(resolve("seed004"))
    window.notation_menu.choices["netout"].trigger()
    ws, project = window.files.worksheet.now(count=60, seed=0)
    names = {g.name for g in ws.givens}
    assert {"w1", "w8", "i1", "target_o1"} <= names and not names & {"U11", "W11", "x1"}
    assert any(b.name == "out_h1" for b in ws.blanks) and not any(b.name in ("h1", "o1") for b in ws.blanks)
    assert project.net.notation.form == "netout"
    window.notation_menu.choices["text"].trigger()
    window.controls.n_spin.setValue(2)
    qtbot.mouseClick(window.controls.step_n_button, Qt.MouseButton.LeftButton)
    ws, project = window.files.worksheet.now(count=3, seed=0)
    assert ws.step == 2 and {g.name for g in ws.of_kind("weight")} >= {"U11", "W11"}
    u11 = next(g for g in ws.givens if g.name == "U11")
    assert u11.value == window.session.net.theta[window.session.net.param_index("W", 2, 0, 0)] != 0.45
    window.session.view_step(0)
    ws, _ = window.files.worksheet.now(count=3, seed=0)
    assert ws.step == 0 and next(g for g in ws.givens if g.name == "U11").value == 0.45
