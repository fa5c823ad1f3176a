"""Long exports are formatted in worker processes: same bytes, and a failure leaves no file behind."""
import os

import numpy as np
import pytest

from backprop_lab.core.io import csv_workers
from backprop_lab.core.io.trace_csv import read_csv, write_csv
from backprop_lab.core.numerics.trace import Trace


def varying_trace(rows=9000, cols=12, seed=0):
    rng = np.random.default_rng(seed)
    t = Trace(["step", "sample", "loss"] + [f"c{i}" for i in range(cols - 3)])
    a = rng.normal(size=(rows, cols))
    a[:, 0] = np.arange(rows)
    a[:, 1] = rng.integers(0, 4, rows)
    a[:, 5] = 0.1                      # a constant column, baked into the line template
    a[::7, 6] = -0.0
    t.extend(a)
    return t


def test_workers_write_the_same_bytes_as_one_process(tmp_path):
    t = varying_trace()
    write_csv(t, tmp_path / "one.csv", workers=1)
    write_csv(t, tmp_path / "two.csv", workers=2)
    assert (tmp_path / "one.csv").read_bytes() == (tmp_path / "two.csv").read_bytes()
    assert read_csv(tmp_path / "two.csv").equals(t)


def test_a_worker_that_dies_leaves_the_old_file_and_no_temporary(tmp_path, monkeypatch):
    target = tmp_path / "trace.csv"
    target.write_text("old contents\n")
    monkeypatch.setattr(csv_workers, "WORKER", "import sys; sys.exit(3)")
    with pytest.raises(csv_workers.WorkerError, match="stopped before piece 1"):
        write_csv(varying_trace(), target, workers=2)
    assert target.read_text() == "old contents\n"
    assert os.listdir(tmp_path) == ["trace.csv"]


def test_short_or_cheap_traces_stay_in_process(tmp_path, monkeypatch):
    def refuse(*_a, **_k):
        raise AssertionError("workers started for a trace that does not need them")
    monkeypatch.setattr(csv_workers, "formatted", refuse)
    short = varying_trace(rows=500)
    write_csv(short, tmp_path / "short.csv")                 # under PARALLEL_ROWS
    cheap = Trace(["step", "sample", "loss", "x"])       # every column but step repeats: cheap text
    cheap.extend(np.column_stack([np.arange(50_000), np.zeros(50_000), np.full(50_000, 0.25), np.ones(50_000)]))
    write_csv(cheap, tmp_path / "cheap.csv")
    assert read_csv(tmp_path / "cheap.csv").equals(cheap)
    assert read_csv(tmp_path / "short.csv").equals(short)
