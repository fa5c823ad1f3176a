"""Every user-visible string reaches the translator: each tr()/translate() call in gui/ is one that
pyside6-lupdate extracts (string literals, a context that matches at run time), the committed Korean
catalogue has a finished translation for every string lupdate finds, and the compiled .qm says the
same as the .ts. Then, in Korean mode, the diagram, the controls and the Learn panels speak Korean."""
import ast
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from gui_drive import click_tab
from PySide6.QtCore import Qt, QTranslator

from backprop_lab.gui.app import I18N, install_translations

ROOT = Path(__file__).resolve().parents[2]
GUI = ROOT / "gui"
TS = I18N / "backprop_lab_ko.ts"
QM = I18N / "backprop_lab_ko.qm"


def messages(path: Path) -> dict:
    """(context, source) -> (translations ('' where empty), the translation's type (None: finished),
    whether it has plural forms)."""
    out = {}
    for ctx in ET.parse(path).getroot().iter("context"):
        name = ctx.find("name").text
        for m in ctx.iter("message"):
            tr = m.find("translation")
            forms = [f.text or "" for f in tr.iter("numerusform")] if m.get("numerus") == "yes" else [tr.text or ""]
            out[(name, m.find("source").text)] = (forms, tr.get("type"), m.get("numerus") == "yes")
    return out


def lupdate() -> str:
    found = Path(sys.executable).parent / "pyside6-lupdate"
    tool = str(found) if found.exists() else shutil.which("pyside6-lupdate")
    assert tool, "pyside6-lupdate (PySide6) is not installed"
    return tool


def test_the_korean_catalogue_is_complete():
    msgs = messages(TS)
    assert len(msgs) > 300
    unfinished = [key for key, (forms, kind, _) in msgs.items()
                  if kind is not None or not all(f.strip() for f in forms)]
    assert unfinished == []


def test_lupdate_finds_no_string_the_catalogue_lacks(tmp_path):
    copy = tmp_path / "ko.ts"
    shutil.copy(TS, copy)
    # core's words (core.model.i18n.translate) live in the same catalogue: one origin for both.
    sources = sorted(str(p.relative_to(ROOT)) for d in (GUI, ROOT / "core") for p in d.rglob("*.py"))
    subprocess.run([lupdate(), *sources, "-ts", str(copy), "-no-obsolete", "-silent"], cwd=ROOT, check=True,
                   capture_output=True, timeout=120)
    fresh, committed = messages(copy), messages(TS)
    assert sorted(set(fresh) - set(committed)) == []          # a new string nobody translated
    assert sorted(set(committed) - set(fresh)) == []          # a translation no code uses any more
    assert [k for k, (_, kind, _) in fresh.items() if kind is not None] == []


def _calls(tree):
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            f = node.func
            name = f.attr if isinstance(f, ast.Attribute) else f.id if isinstance(f, ast.Name) else None
            yield node, f, name


def _literal(node) -> bool:
    return isinstance(node, ast.Constant) and isinstance(node.value, str)


def test_every_tr_call_is_extractable():
    """lupdate reads only string literals; self.tr's context is the enclosing class for lupdate but the
    object's own class at run time, so a class calling self.tr must have no subclass in gui/."""
    bad, tr_classes, bases = [], {}, {}
    for path in sorted(GUI.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for cls in [n for n in ast.walk(tree) if isinstance(n, ast.ClassDef)]:
            for b in cls.bases:
                bases.setdefault(b.attr if isinstance(b, ast.Attribute) else getattr(b, "id", ""), []).append(cls.name)
            if any(name == "tr" for _, _, name in _calls(cls)):
                tr_classes[cls.name] = path.name
        for node, f, name in _calls(tree):
            where = f"{path.relative_to(ROOT)}:{node.lineno}"
            if name == "tr":
                receiver = ast.unparse(f.value) if isinstance(f, ast.Attribute) else ""
                if receiver != "self" or not node.args or not _literal(node.args[0]):
                    bad.append(where + " " + ast.unparse(node))
            elif name == "translate":
                if len(node.args) < 2 or not (_literal(node.args[0]) and _literal(node.args[1])):
                    bad.append(where + " " + ast.unparse(node))
            elif name in ("_tr", "tr_", "qsTr"):
                bad.append(where + " " + ast.unparse(node))
    assert bad == []
    assert {c: bases[c] for c in tr_classes if c in bases} == {}


def test_the_compiled_catalogue_matches_the_source(qapp):
    t = QTranslator()
    assert t.load(str(QM))
    wrong = []
    for (ctx, src), (forms, _, numerus) in messages(TS).items():
        got = t.translate(ctx, src, None, 1 if numerus else -1)
        if got != forms[0]:
            wrong.append((ctx, src, got))
    assert wrong == []


@pytest.fixture
def korean(qapp):
    installed = install_translations(qapp, "ko")
    yield installed
    install_translations(qapp, "en")


def test_every_preset_title_has_a_translation(korean):
    from backprop_lab.core.io import presets
    from backprop_lab.gui.preset_titles import preset_title
    titles = {name: presets.load_preset(name).name for name in presets.names()}
    assert {n: t for n, t in titles.items() if preset_title(t) == t and not t.startswith("XOR")} == {}
    assert preset_title(titles["seed004"]) == "시드 004: 손으로 풀어 보는 2-2-2 시그모이드 신경망"


def test_the_diagram_controls_and_learn_tabs_speak_korean(qtbot, korean, make_window):
    assert korean
    w = make_window()
    scene = w.diagram.diagram
    assert [h.text() for h in scene.headers] == ["입력층", "은닉층 1 · 시그모이드",
                                                 "출력층 · 시그모이드"]
    assert "가중치의 부호" in w.diagram.legend.text()
    assert scene.targets[0].toolTip() == "목표값 (이 출력이 도달해야 할 값)"
    assert "옆으로 끌어서" in scene.tooltip_for(scene.edges[("W", 1, 0, 0)])
    c = w.controls
    assert [c.step_button.text(), c.step_n_button.text(), c.run_button.text(), c.reset_button.text()] == \
        ["한 단계", "N단계", "실행", "되돌리기"]
    tabs = w.teaching
    titles = [tabs.tabText(i) for i in range(tabs.count())]
    assert titles == ["따라가기", "미분 풀이", "답 확인", "본문 대조", "기울기 검사"]
    assert w.teaching_dock.windowTitle() == "배우기"
    walk = tabs.widget(0)
    qtbot.mouseClick(walk.start_button, Qt.MouseButton.LeftButton)
    assert walk.start_button.text() == "따라가기 끝내기"
    assert walk.progress_label.text() == f"{len(walk.steps)}단계 중 1단계: 순전파"
    while walk.current().phase != "output":
        qtbot.mouseClick(walk.next_button, Qt.MouseButton.LeftButton)
    assert walk.progress_label.text().endswith(": 출력층")
    click_tab(qtbot, tabs, 2)
    ex = tabs.widget(2)
    assert ex.check_button.text() == "확인" and ex.reveal_button.text() == "정답 보기"
    assert ex.title.text() == "<b>직접 계산한 답 확인</b> — 시드 004: 손으로 풀어 보는 2-2-2 시그모이드 신경망"
    assert w.windowTitle().startswith("시드 004")
    qtbot.keyClicks(ex.answer, "0.1")
    qtbot.keyClick(ex.answer, Qt.Key.Key_Return)
    assert ex.verdict.text().startswith("틀렸습니다")
    row = next(n for n, e in enumerate(ex.items) if e.name == "h1")
    rect = ex.list.visualItemRect(ex.list.item(row))
    qtbot.mouseClick(ex.list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.keyClicks(ex.answer, "0.08")                          # z1 itself: σ was forgotten
    qtbot.keyClick(ex.answer, Qt.Key.Key_Return)
    assert ex.verdict.text() == "입력한 값은 z1 그 자체입니다: 활성화 함수 시그모이드을(를) 적용하세요."
