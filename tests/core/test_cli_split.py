"""`backprop-lab train NET --data FILE.csv --test-percent P`: a seeded share held out as the window's data
dialog holds it out, never trained on, its loss printed beside the training loss; a saved split is used
as it is; bad values end in one line and exit 2; English and Korean."""
from __future__ import annotations

import pytest

from backprop_lab.core.cli import main
from backprop_lab.core.io.dataset_csv import load_dataset
from backprop_lab.core.io.document import save
from backprop_lab.core.io.presets import load_preset
from backprop_lab.core.model import i18n
from backprop_lab.core.model.generators import generate, split
from backprop_lab.core.numerics.engine import evaluate
from backprop_lab.core.numerics.training import Trainer


@pytest.fixture(autouse=True)
def english_after(monkeypatch):
    for var in ("LC_ALL", "LC_MESSAGES", "LANG"):
        monkeypatch.delenv(var, raising=False)
    yield
    i18n.set_language("en")


ROWS = "x1,x2,y\n" + "".join(f"{(i * 37 % 11) / 10},{(i * 53 % 13) / 12},{i % 2}\n" for i in range(20))


def expected(project, data, test, steps):
    """The training and test losses after `steps` steps on `data` alone (the test samples untouched)."""
    net = project.net.copy()
    before = (evaluate(net, data.X, data.Y).loss, evaluate(net, test.X, test.Y).loss)
    Trainer(net, data, project.settings.copy()).run(steps)
    return before, (evaluate(net, data.X, data.Y).loss, evaluate(net, test.X, test.Y).loss)


def test_a_share_of_the_data_file_is_held_out_and_its_loss_printed(tmp_path, capsys):
    path = tmp_path / "d.csv"
    path.write_text(ROWS, "utf-8")
    code = main(["train", "xor", "--data", str(path), "--steps", "200", "--test-percent", "25"])
    out, err = capsys.readouterr()
    assert code == 0 and err == ""
    xor = load_preset("xor")
    parts = split(load_dataset(path), 0.25, xor.settings.seed)
    assert len(parts.train) == 15 and len(parts.test) == 5
    (train0, test0), (train1, test1) = expected(xor, parts.train, parts.test, 200)
    assert f"loss over the 15 samples: {train0!r} before, {train1!r} after" in out
    assert f"test loss over the 5 held-out samples: {test0!r} before, {test1!r} after" in out
    assert f"final loss: {train1:.8f} (training), {test1:.8f} (test)" in out


def test_a_saved_split_is_used_and_data_replaces_it(tmp_path, capsys):
    p = load_preset("xor")
    parts = split(generate("circle", 30, 0.05, 1), 0.2, 4)
    p.data, p.test = parts.train, parts.test
    save(p, tmp_path / "split.json")
    assert main(["train", str(tmp_path / "split.json"), "--steps", "50"]) == 0
    out = capsys.readouterr().out
    (_, _), (train1, test1) = expected(p, parts.train, parts.test, 50)
    assert "loss over the 24 samples" in out and "test loss over the 6 held-out samples" in out
    assert f"final loss: {train1:.8f} (training), {test1:.8f} (test)" in out
    # --data brings other samples: the saved split held out others, so it goes; no test line
    (tmp_path / "d.csv").write_text(ROWS, "utf-8")
    assert main(["train", str(tmp_path / "split.json"), "--steps", "5", "--data", str(tmp_path / "d.csv")]) == 0
    out = capsys.readouterr().out
    assert "loss over the 20 samples" in out and "test loss" not in out and "(test)" not in out


@pytest.mark.parametrize("value, words", [
    ("91", "--test-percent: must be a whole number from 0 to 90, got '91'"),
    ("-1", "--test-percent: must be a whole number from 0 to 90, got '-1'"),
    ("2.5", "--test-percent: must be a whole number from 0 to 90, got '2.5'"),
    ("abc", "--test-percent: must be a whole number from 0 to 90, got 'abc'"),
    ("2", "--test-percent: 2 % of 20 samples holds out none"),
])
def test_a_bad_share_is_one_line_and_exit_2(tmp_path, capsys, value, words):
    path = tmp_path / "d.csv"
    path.write_text(ROWS, "utf-8")
    code = main(["train", "xor", "--data", str(path), "--steps", "5", "--test-percent", value])
    out, err = capsys.readouterr()
    assert code == 2 and out == "" and len(err.strip().splitlines()) == 1 and words in err
    assert "Traceback" not in err


def test_the_test_loss_in_korean(tmp_path, capsys):
    path = tmp_path / "d.csv"
    path.write_text(ROWS, "utf-8")
    assert main(["train", "xor", "--data", str(path), "--steps", "5", "--test-percent", "25", "--lang", "ko"]) == 0
    out = capsys.readouterr().out
    assert "따로 둔 테스트 샘플 5개의 테스트 손실" in out and "(학습), " in out and "(테스트)" in out
    assert main(["train", "xor", "--data", str(path), "--steps", "5", "--test-percent", "95", "--lang", "ko"]) == 2
    assert "0부터 90까지의 정수여야 합니다" in capsys.readouterr().err
