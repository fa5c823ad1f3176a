"""Every word core shows a learner exists in Korean too, read from the one catalogue without Qt
(core.model.i18n): the command line (every subcommand takes --lang and otherwise follows the locale,
argparse's own words included), a bad document's error, and the notes beside a text's numbers."""
import json
import re
from pathlib import Path

import pytest

from backprop_lab.core import cli
from backprop_lab.core.cli.parser import HEADLESS, WINDOWED, parse
from backprop_lab.core.io import document, presets
from backprop_lab.core.model import i18n
from backprop_lab.core.teaching import source_match
from backprop_lab.core.teaching.source_words import NOTES

HANGUL = re.compile("[\uac00-\ud7a3]")
PRESETS = Path(presets.__file__).resolve().parents[2] / "assets" / "presets"


@pytest.fixture(autouse=True)
def english_after(monkeypatch):
    for var in ("LC_ALL", "LC_MESSAGES", "LANG"):
        monkeypatch.delenv(var, raising=False)
    yield
    i18n.set_language("en")


def run(capsys, *argv):
    code = cli.main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_explain_in_korean(capsys):
    code, out, _ = run(capsys, "explain", "seed004", "--lang", "ko")
    assert code == 0
    lines = out.splitlines()
    assert lines[0] == "시드 004: 손으로 풀어 보는 2-2-2 시그모이드 신경망"
    for heading in ("순전파", "손실", "델타 δ = ∂E/∂z, 출력에서 거꾸로", "기울기 (각각 연쇄 법칙 인수들의 곱)", "입력"):
        assert heading in lines
    assert "입력 2개 → 2 시그모이드 (편향 없음)" in lines[1]
    # the numbers and symbols are the same as in English; no English word is left in the prose
    assert "0.02592286" in out and "δt1" in out
    for english in ("Forward pass", "Gradients", "sample 1 of 1", "inputs", "no bias", "For one parameter"):
        assert english not in out
    # the table's columns line up on a terminal where a Korean letter takes two columns
    header = next(n for n, line in enumerate(lines) if line.startswith("  매개변수"))
    first = lines[header + 1]
    assert explain_width(lines[header][:lines[header].index("∂E/∂매개변수")]) == first.index("0.00080888")


def explain_width(text):
    from backprop_lab.core.cli.explain import width
    return width(text)


def test_explain_follows_the_locale_and_lang_wins(capsys, monkeypatch):
    monkeypatch.setenv("LANG", "ko_KR.UTF-8")
    _, out, _ = run(capsys, "explain", "seed004", "--param", "U11")
    assert "인수" in out and "기울기 검사: 해석적" in out and "Factors" not in out
    _, out, _ = run(capsys, "explain", "seed004", "--param", "U11", "--lang", "en")
    assert "Factors" in out and not HANGUL.search(out.replace("δ", ""))


def test_every_subcommand_takes_lang_and_argparse_speaks_korean(capsys):
    needs = {"explain": ["seed004"], "train": ["seed004", "--steps", "1"], "export": ["seed004", "--to", "numpy",
             "-o", "x.py"], "sweep": ["seed004", "--lr", "0.1:1", "--steps", "1"],
             "worksheet": ["seed004", "-o", "x.pdf"], "open": [], "presets": []}
    assert set(needs) == set(HEADLESS) | set(WINDOWED)
    for command, rest in needs.items():
        assert parse([command, *rest, "--lang", "ko"]).lang == "ko"
    with pytest.raises(SystemExit):
        parse(["train", "--help", "--lang", "ko"])
    out = capsys.readouterr().out
    assert out.startswith("사용법: backprop-lab train") and "옵션:" in out and "이 도움말을 보이고 끝내기" in out
    code, _, err = run(capsys, "train", "seed004", "--lang", "ko")
    assert code == 2 and "다음 인수가 필요합니다: --steps" in err and "required" not in err


def test_a_bad_document_says_what_is_wrong_in_korean(capsys, tmp_path):
    bad = tmp_path / "bad.json"
    doc = json.loads((PRESETS / "seed004.json").read_text())
    doc["layers"][0]["size"] = 40
    bad.write_text(json.dumps(doc))
    code, _, err = run(capsys, "explain", str(bad), "--lang", "ko")
    assert code == 2 and "layers[1].size: 1부터 32까지의 정수여야 합니다. 받은 값: 40" in err
    i18n.set_language("ko")
    with pytest.raises(document.DocumentError, match="Backprop Lab 파일이 아닙니다: 올바른 JSON이 아닙니다"):
        document.loads("{")
    doc = json.loads((PRESETS / "seed004.json").read_text())
    doc["settings"]["lr"] = -1
    with pytest.raises(document.DocumentError, match=r"settings.lr: 양수여야 합니다. 받은 값: -1"):
        document.loads(json.dumps(doc))
    i18n.set_language("en")
    with pytest.raises(document.DocumentError, match="settings.lr: must be a positive number, got -1"):
        document.loads(json.dumps(doc))


def test_the_notes_beside_a_texts_numbers_are_korean():
    i18n.set_language("ko")
    found = [(m.quantity, m.where, m.note) for m in source_match.match(presets.resolve("seed004"))]
    where, note = next((w, n) for q, w, n in found if q == "a1[2]" and n)      # h2's doubled "0."
    assert note.startswith('"0."이 두 번 찍혔습니다: h2 = sigmoid(z2) = 0.52747230') and where == "순전파, 은닉층"
    assert [w for q, w, _ in found if q == "a0[1]"][0] == "초깃값 (코드)"
    assert not [t for _, w, n in found for t in (w, n) if t and not HANGUL.search(t)]
    i18n.set_language("en")
    assert any(w == "initial values (code)" for w, _ in
               ((m.where, m.note) for m in source_match.match(presets.resolve("seed004"))))


def test_every_note_a_preset_carries_is_in_the_catalogue_in_korean():
    carried = {e[k] for f in PRESETS.glob("*.json") for e in json.loads(f.read_text()).get("source", [])
               for k in ("note", "where") if e.get(k)}
    assert carried == set(NOTES)
    korean = i18n.catalogue("ko")
    assert all(HANGUL.search(korean[("SourceNotes", n)]) for n in NOTES)
