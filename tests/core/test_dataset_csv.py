"""Importing a data set from CSV: good files load, each bad one names its row and column and leaves the
current data set as it was; `backprop-lab train NET --data FILE.csv`."""
from __future__ import annotations

import numpy as np
import pytest

from backprop_lab.core.cli import main
from backprop_lab.core.io import dataset_csv
from backprop_lab.core.io.dataset_csv import CsvDataError, load_dataset
from backprop_lab.core.io.presets import load_preset
from backprop_lab.core.numerics.project_model import ProjectModel

GOOD = "x1,x2,t1,t2\n0.05,0.1,0.01,0.99\n0.5,-1e-3,1,0\n"

# (file text, or bytes; expected words in the message; row; column)
BAD: list[tuple[str | bytes, str, int | None, str | None]] = [
    ("x1,x2,t1,t2\n0.05,abc,0.01,0.99\n", "'abc' is not a number", 2, "x2"),
    ("x1,x2,t1,t2\n0.05,0.1,0.01,0.99\n0.1,,0.2,0.3\n", "missing", 3, "x2"),
    ("x1,x2,t1,t2\n0.05,0.1,0.01\n", "3 values, but the header names 4", 2, None),
    ("x1,x2,t1,t2\n0.05,0.1,0.01,0.99,7\n", "5 values", 2, None),
    ("x1,x2,t1,t2\n0.05,inf,0.01,0.99\n", "not a finite number", 2, "x2"),
    ("x1,x2,t1,t2\n0.05,nan,0.01,0.99\n", "is not a number", 2, "x2"),
    ("", "empty", None, None),
    ("x1,x2,t1,t2\n", "no rows of numbers", None, None),
    ("x1,x1,t1,t2\n1,2,3,4\n", "two columns have this name", 1, "x1"),
    ("x1,,t1,t2\n1,2,3,4\n", "column 2 has no name", 1, None),
    (b"x1,x2\n\xff\xfe,1\n", "not UTF-8", None, None),
    (b"x1,x2\n\x00\x01\n", "not a text file", None, None),
    ('x1,x2,t1,t2\n"0.05,0.1,0.01,0.99\n', "not valid CSV", None, None),
    ("x1,x2,t1,t2\n" + "1,2,3,4\n" * 10_001, "at most 10000 samples", None, None),
]


def write(tmp_path, text, name="data.csv"):
    path = tmp_path / name
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return path


def test_a_good_file_loads_its_chosen_columns(tmp_path):
    path = write(tmp_path, GOOD)
    d = load_dataset(path, ["x1", "x2"], ["t1", "t2"])
    assert d.X.tolist() == [[0.05, 0.1], [0.5, -1e-3]] and d.Y.tolist() == [[0.01, 0.99], [1.0, 0.0]]
    d = load_dataset(path, [2], [4])        # positions from 1
    assert d.X.tolist() == [[0.1], [-1e-3]] and d.Y.tolist() == [[0.99], [0.0]]
    d = load_dataset(path)                  # the last column the target, the rest inputs
    assert d.X.shape == (2, 3) and d.Y.tolist() == [[0.99], [0.0]]


def test_headerless_semicolon_and_decimal_comma(tmp_path):
    d = load_dataset(write(tmp_path, "0,5;1;0\n\n-2;3,25;1\n"))
    assert d.X.tolist() == [[0.5, 1.0], [-2.0, 3.25]] and d.Y.tolist() == [[0.0], [1.0]]


@pytest.mark.parametrize("text, words, row, column", BAD)
def test_each_bad_file_names_its_problem_and_changes_nothing(tmp_path, text, words, row, column):
    model = ProjectModel(load_preset("seed004"))
    before = (model.data.X.copy(), model.data.Y.copy())
    with pytest.raises(CsvDataError) as info:
        model.set_samples(*(lambda d: (d.X, d.Y))(load_dataset(write(tmp_path, text))))
    e = info.value
    assert words in str(e), str(e)
    if row is not None:
        assert e.row == row and f"row {row}" in str(e)
    if column is not None:
        assert e.column == column and repr(column) in str(e)
    assert np.array_equal(model.data.X, before[0]) and np.array_equal(model.data.Y, before[1])


def test_a_file_over_50_mb_is_refused_before_it_is_read(tmp_path, monkeypatch):
    path = write(tmp_path, GOOD)
    monkeypatch.setattr(dataset_csv, "MAX_CSV_BYTES", 20)
    with pytest.raises(CsvDataError, match="at most 0 MB"):
        load_dataset(path)
    monkeypatch.undo()
    assert dataset_csv.MAX_CSV_BYTES == 50 * 1024 * 1024
    with pytest.raises(CsvDataError, match="cannot read"):
        load_dataset(tmp_path / "nosuch.csv")
    with pytest.raises(CsvDataError, match="folder"):
        load_dataset(tmp_path)


@pytest.mark.parametrize("inputs, targets, words", [
    (["x1"], ["nosuch"], "no column is named 'nosuch'"),
    ([9], ["t1"], "there is no column 9"),
    (["x1", "t1"], ["t1"], "only once"),
    ([], ["t1"], "at least one input"),
    (["x1"], [], "at least one target"),
])
def test_bad_column_choices(tmp_path, inputs, targets, words):
    with pytest.raises(CsvDataError, match=words):
        load_dataset(write(tmp_path, GOOD), inputs, targets)


def test_train_takes_a_data_file(tmp_path, capsys):
    path = write(tmp_path, GOOD)
    code = main(["train", "seed004", "--steps", "3", "--data", str(path), "--targets", "t1,t2"])
    out = capsys.readouterr().out
    assert code == 0 and "over the 2 samples" in out


@pytest.mark.parametrize("text, targets, words", [
    ("x1,x2,t1,t2\n0.05,abc,0.01,0.99\n", "t1,t2", "row 2, column 'x2'"),
    (GOOD, None, "3 input and 1 target columns"),
])
def test_train_with_a_bad_data_file_says_one_line_and_exits_2(tmp_path, capsys, text, targets, words):
    path = write(tmp_path, text)
    argv = ["train", "seed004", "--steps", "3", "--data", str(path)] + (["--targets", targets] if targets else [])
    code = main(argv)
    err = capsys.readouterr().err
    assert code == 2 and len(err.strip().splitlines()) == 1 and words in err and "Traceback" not in err
