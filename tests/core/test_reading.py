"""Issue 8, fault 3: every reader (documents, presets by path, data set CSV, trace CSV, the command line)
refuses anything but a regular file, naming it and saying what it is, without blocking on a FIFO. The
fifo_at fixture (tests/conftest.py) lets a blocked reader go, so today's code fails here, not hangs."""
from __future__ import annotations

import os

import pytest

from backprop_lab.core import cli
from backprop_lab.core.io import presets
from backprop_lab.core.io.dataset_csv import CsvDataError, read_table
from backprop_lab.core.io.document import MAX_BYTES, DocumentError, load, save
from backprop_lab.core.io.reading import read_regular
from backprop_lab.core.io.trace_csv import read_csv

FIFO = "is a named pipe (FIFO), not a file"


def test_a_document_named_f_json_that_is_a_fifo_is_refused(fifo_at):
    f = fifo_at("f.json")
    with pytest.raises(DocumentError) as e:
        load(f)
    assert str(e.value) == f"{f} {FIFO}"
    with pytest.raises(DocumentError, match=r"f\.json is a named pipe"):
        presets.resolve(str(f))


def test_a_device_is_refused_as_a_document(tmp_path):
    if not os.path.exists("/dev/zero"):
        pytest.skip("no /dev/zero")
    with pytest.raises(DocumentError, match="/dev/zero is a device, not a file"):
        load("/dev/zero")
    link = tmp_path / "zero.json"
    link.symlink_to("/dev/zero")
    with pytest.raises(DocumentError, match="zero.json is a device, not a file"):
        load(link)


def test_data_set_and_trace_csv_readers_refuse_a_fifo(fifo_at):
    data = fifo_at("data.csv")
    with pytest.raises(CsvDataError, match=r"data\.csv is a named pipe"):
        read_table(data)
    with pytest.raises(OSError, match=r"trace\.csv is a named pipe"):
        read_csv(fifo_at("trace.csv"))


def test_explain_and_train_on_a_fifo_exit_2_with_one_line_naming_it(capsys, fifo_at):
    f = fifo_at("f.json")
    data = fifo_at("d.csv")
    for argv in (["explain", str(f)], ["train", str(f), "--steps", "3"],
                 ["train", "seed004", "--steps", "3", "--data", str(data)]):
        code = cli.main(argv)
        out, err = capsys.readouterr()
        assert code == 2 and out == "", argv
        assert err.count("\n") == 1 and "named pipe (FIFO), not a file" in err, (argv, err)


def test_train_refuses_a_fifo_or_device_as_csv_before_training(capsys, fifo_at):
    out = fifo_at("out.csv")
    for target in (str(out), os.devnull):
        code = cli.main(["train", "seed004", "--steps", "3", "--csv", target])
        printed, err = capsys.readouterr()
        assert code == 2 and printed == "" and "not a file; nothing was written" in err, err
    assert os.path.exists(os.devnull) and not os.path.isfile(os.devnull)


def test_a_regular_file_reads_whole_and_a_too_large_one_by_its_size(tmp_path):
    small = tmp_path / "ok.json"
    save(presets.load_preset("seed004"), small)
    assert read_regular(small, MAX_BYTES) == small.read_bytes()
    big = tmp_path / "big.json"
    with open(big, "wb") as f:
        f.truncate(MAX_BYTES + 1)          # sparse: its size is refused before anything is read
    with pytest.raises(DocumentError, match="at most 5 MB"):
        load(big)
