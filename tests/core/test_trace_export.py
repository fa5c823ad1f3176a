"""The learner's CSV: N steps give N + 1 rows, row k the state after k updates with its gradients, read
back bit for bit; the loss of each output beside the total; samples from 1; names in the network's own
notation on request; written whole or not at all, in one process."""
import csv
import os
import subprocess
import sys

import numpy as np
import pytest

from backprop_lab.core import cli
from backprop_lab.core.io import trace_csv
from backprop_lab.core.io.document import save
from backprop_lab.core.io.presets import resolve
from backprop_lab.core.io.trace_csv import csv_block, read_csv
from backprop_lab.core.io.trace_export import ExportCancelled, TraceExport, export_csv, learner_names
from backprop_lab.core.model.dataset import Dataset
from backprop_lab.core.model.network import LayerSpec, Network
from backprop_lab.core.model.project import Project
from backprop_lab.core.model.settings import Settings
from backprop_lab.core.numerics.engine import evaluate
from backprop_lab.core.numerics.trace import Trace, column_names
from backprop_lab.core.numerics.training import Trainer
from tests.core.learner_csv import same_bits, trace_rows


def trained(name, steps, **settings):
    p = resolve(name)
    for k, v in settings.items():
        setattr(p.settings, k, v)
    t = Trainer(p.net.copy(), p.data, p.settings.copy())
    t.run(steps)
    return p, t


def full_trace(p, steps):
    """Every row of `steps` steps, kept in full by the trainer itself (the reference)."""
    t = Trainer(p.net.copy(), p.data, p.settings.copy(), Trace(column_names(p.net)))
    t.run(steps)
    return t.trace.array()


@pytest.mark.parametrize("name,settings", [
    ("seed004", {}),
    ("xor", {"mode": "minibatch", "batch_size": 2, "momentum": 0.5, "shuffle": True, "seed": 3}),
    ("xor", {"mode": "batch", "momentum": 0.9}),
    ("xor", {"shuffle": True, "seed": 7}),
])
def test_n_steps_give_n_plus_1_rows_equal_to_the_engines_bit_for_bit(tmp_path, name, settings):
    n = 700
    p, t = trained(name, n, **settings)
    path = tmp_path / "t.csv"
    assert export_csv(t.trace, t, path) == n + 1
    rows, back = trace_rows(path, column_names(p.net))
    assert len(back) == n + 1
    # Row k is what step k + 1 starts from: a reference run one step longer holds the final state too.
    assert same_bits(rows, full_trace(p, n + 1))
    final = rows[-1, [column_names(p.net).index(c) for c in column_names(p.net)[3:]]]
    assert final.size and same_bits(rows[-1, _theta_cols(p.net)], t.theta)      # the trainer's final weights
    assert rows[-1, 0] == n


def _theta_cols(net):
    from backprop_lab.core.numerics.trace import parameter_columns
    names = column_names(net)
    return [names.index(c) for c in parameter_columns(net)]


def test_samples_count_from_1_and_each_outputs_loss_sits_beside_the_total(tmp_path):
    p, t = trained("seed004", 3)
    export_csv(t.trace, t, tmp_path / "t.csv")
    back = read_csv(tmp_path / "t.csv")
    assert back.names[:5] == ["step", "sample", "loss", "loss_term[1]", "loss_term[2]"]
    assert back.column("sample").tolist() == [1.0, 1.0, 1.0, 1.0]      # seed 004 has one sample: "sample 1"
    st = evaluate(p.net, p.data.X[0], p.data.Y[0])                     # the start, as the window shows it
    assert same_bits(back.row(0)[3:5], st.terms[0]) and back.row(0)[2] == st.loss
    assert same_bits(back.column("loss_term[1]") + back.column("loss_term[2]"), back.column("loss"))


def test_a_batch_steps_per_output_loss_is_the_batch_mean_of_each_samples_term(tmp_path):
    p, t = trained("xor", 5, mode="batch")
    export_csv(t.trace, t, tmp_path / "t.csv")
    back = read_csv(tmp_path / "t.csv")
    assert back.column("sample").tolist() == [0.0] * 6                 # 0: averaged over the batch
    st = evaluate(p.net, p.data.X, p.data.Y)
    assert back.row(0)[3] == st.terms[:, 0].mean() and back.row(0)[2] == st.loss


def test_own_names_are_the_networks_notation_with_the_same_numbers(tmp_path):
    p, t = trained("seed004", 50)
    export_csv(t.trace, t, tmp_path / "keys.csv")
    export_csv(t.trace, t, tmp_path / "own.csv", own_names=True)
    with open(tmp_path / "own.csv", newline="", encoding="utf-8") as f:
        table = list(csv.reader(f))
    names, own = table[0], np.array(table[1:], dtype=float)
    for name in ("x1", "x2", "h1", "o1", "o2", "W11", "U11", "U22", "E1", "E2", "dE/dU11", "dE/dW21"):
        assert name in names, name
    assert names == learner_names(p.net, True) and len(set(names)) == len(names)
    assert names[:3] == ["step", "sample", "E"]
    keys = read_csv(tmp_path / "keys.csv")
    assert same_bits(own, keys.array())
    assert own[:, names.index("U11")].tolist() == keys.column("W2[1,1]").tolist()


AWKWARD = [1e-300, 5e-324, 0.1 + 0.2, -0.0, 1 / 3, -5e-324, 1.7976931348623157e308, 2.5e-8, 1e16, 1e-5]


def test_awkward_floats_read_back_bit_for_bit(tmp_path):
    values = np.array(AWKWARD)
    text = csv_block([np.arange(len(values)), values, values[::-1].copy()]).decode()
    back = np.array([[float(f) for f in line.split(",")] for line in text.splitlines()])
    assert same_bits(back[:, 1], values) and same_bits(back[:, 2], values[::-1])
    assert [line.split(",")[0] for line in text.splitlines()] == [str(k) for k in range(len(values))]


def test_cancel_leaves_the_old_file_and_no_temporary(tmp_path):
    _, t = trained("seed004", 20_000)
    path = tmp_path / "t.csv"
    path.write_text("the old file\n")
    os.chmod(path, 0o600)
    job = TraceExport(t.trace, t, path, piece=1000)
    assert not job.advance()                   # one piece written to the temporary file
    assert 0 < job.done < job.total and len(os.listdir(tmp_path)) == 2
    job.cancel()
    assert path.read_text() == "the old file\n" and os.listdir(tmp_path) == ["t.csv"]
    asked = []
    with pytest.raises(ExportCancelled):
        export_csv(t.trace, t, path, should_stop=lambda: asked.append(1) or len(asked) == 2)
    assert path.read_text() == "the old file\n" and os.listdir(tmp_path) == ["t.csv"]


def test_a_failed_write_part_way_leaves_the_old_file(tmp_path, monkeypatch):
    _, t = trained("seed004", 20_000)
    path = tmp_path / "t.csv"
    path.write_text("old\n")
    real, calls = trace_csv.csv_block, []

    def failing(columns):
        calls.append(1)
        if len(calls) == 3:
            raise OSError(28, "No space left on device")
        return real(columns)

    monkeypatch.setattr("backprop_lab.core.io.trace_export.csv_block", failing)
    with pytest.raises(OSError, match="No space"):
        export_csv(t.trace, t, path)
    assert path.read_text() == "old\n" and os.listdir(tmp_path) == ["t.csv"]


PLANT = "open({marker!r}, 'a').write(__name__ + '\\n')\n"


def test_a_long_export_runs_in_one_process_and_never_imports_from_the_current_folder(tmp_path, monkeypatch,
                                                                                      capsys):
    """Issue 8, fault 4: CSV workers started `python -c`, which put the current folder first on the import
    path and ran a planted core/csv_workers.py. The export now stays in this process."""
    marker = tmp_path / "planted-ran"
    for rel in ("core/csv_workers.py", "core/io/csv_workers.py", "backprop_lab/core/io/csv_workers.py",
                "backprop_lab/core/io/trace_export.py", "polars.py"):
        f = tmp_path / rel
        f.parent.mkdir(parents=True, exist_ok=True)
        f.write_text(PLANT.format(marker=str(marker)))
        for parent in f.relative_to(tmp_path).parents:
            if str(parent) != ".":
                (tmp_path / parent / "__init__.py").write_text(PLANT.format(marker=str(marker)))
    started = []

    def no_process(*a, **k):
        started.append(a)
        raise AssertionError("an export started a process")

    monkeypatch.setattr(subprocess, "Popen", no_process)
    monkeypatch.setattr(os, "fork", no_process)
    # Long enough that the old writer handed it to workers: over 20,000 rows of 123 columns that all vary.
    wide = tmp_path / "wide.json"
    rng = np.random.default_rng(1)
    net = Network(2, [LayerSpec(4, "sigmoid"), LayerSpec(4, "sigmoid"), LayerSpec(2, "sigmoid")],
                  theta=rng.normal(0, 0.5, 2 * 4 + 4 + 4 * 4 + 4 + 4 * 2 + 2))
    save(Project(net, Dataset(rng.normal(size=(8, 2)), rng.uniform(size=(8, 2))), Settings(lr=0.1), "wide"), wide)
    monkeypatch.chdir(tmp_path)
    assert cli.main(["train", str(wide), "--steps", "20500", "--csv", "out.csv"]) == 0
    assert "20501 rows written" in capsys.readouterr().out
    assert not marker.exists() and started == []
    assert len(read_csv(tmp_path / "out.csv")) == 20_501


START = """
import sys
from PySide6.QtCore import QStandardPaths
from PySide6.QtWidgets import QApplication
QStandardPaths.setTestModeEnabled(True)
from backprop_lab.core.io.presets import resolve
from backprop_lab.gui.app import build_window
app = QApplication([])
w = build_window(resolve("seed004"))
w.show()
app.processEvents()
print(sorted(m for m in sys.modules if m.split(".")[0] == "polars" or m.endswith("core.io.trace_export")))
"""


def test_starting_the_window_does_not_load_polars_or_the_export():
    out = subprocess.run([sys.executable, "-c", START], capture_output=True, text=True, check=True,
                         env=dict(os.environ, QT_QPA_PLATFORM="offscreen"))
    assert out.stdout.strip().splitlines()[-1] == "[]"


def test_parquet_holds_the_same_columns_and_numbers_as_the_csv(tmp_path, capsys):
    import polars as pl
    assert cli.main(["train", "xor", "--steps", "500", "--mode", "minibatch", "--csv", str(tmp_path / "t.csv"),
                     "--parquet", str(tmp_path / "t.parquet")]) == 0
    assert "501 rows written to" in capsys.readouterr().out
    table = pl.read_parquet(tmp_path / "t.parquet")
    back = read_csv(tmp_path / "t.csv")
    assert table.columns == back.names and table.height == 501
    assert table.schema["step"] == pl.Int64 and table.schema["loss"] == pl.Float64
    assert same_bits(table.to_numpy().astype(float), back.array())


def test_a_cancelled_or_failed_parquet_export_leaves_the_old_file(tmp_path, monkeypatch):
    _, t = trained("seed004", 20_000)
    path = tmp_path / "t.parquet"
    path.write_bytes(b"old")
    job = TraceExport(t.trace, t, path, piece=1000)
    assert job.kind == "parquet" and not job.advance()
    job.cancel()
    assert path.read_bytes() == b"old" and os.listdir(tmp_path) == ["t.parquet"]
    from backprop_lab.core.io import parquet_sink

    def refuse(self, frame, file):
        self._error = OSError(28, "No space left on device")

    monkeypatch.setattr(parquet_sink.ParquetSink, "_sink", refuse)        # the writer thread fails at once
    with pytest.raises(OSError, match="No space"):
        export_csv(t.trace, t, path, kind="parquet")
    assert path.read_bytes() == b"old" and os.listdir(tmp_path) == ["t.parquet"]
