"""File → Export trace to CSV…: written a piece at a time from the event loop behind a progress dialog,
byte for byte what `backprop-lab train --csv` writes; Cancel leaves the old file; the naming option."""
import os

import pytest
from PySide6.QtCore import Qt, QTimer
from trace_drive import cancel_button, export_trace, step_n

from backprop_lab.core import cli

# The offscreen platform says so about every file dialog and message box; nothing to do with the export.
pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints", "raise", "grabbing the keyboard")


def test_the_window_writes_what_the_command_line_writes_byte_for_byte(qtbot, window, tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    step_n(qtbot, window, 3000)
    out = tmp_path / "window.csv"
    traces = export_trace(qtbot, window, out)
    qtbot.waitUntil(lambda: not traces.running, timeout=60_000)
    assert cli.main(["train", "seed004", "--steps", "3000", "--csv", str(tmp_path / "cli.csv")]) == 0
    assert out.read_bytes() == (tmp_path / "cli.csv").read_bytes()
    lines = out.read_text().splitlines()
    assert len(lines) == 1 + 3001 and lines[-1].startswith("3000,1,")        # N + 1 rows, samples from 1
    assert "3001 rows" in window.status.note.text() and str(out) in window.status.note.text()
    assert len(window.session.trace) == 3000                                 # the history is as it was


def test_an_export_runs_in_pieces_between_events_and_cancel_keeps_the_old_file(qtbot, window, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    step_n(qtbot, window, 30_000)
    out = tmp_path / "t.csv"
    out.write_text("the old file\n")
    os.chmod(out, 0o600)
    turns = []
    traces = window.files.traces
    beat = QTimer()
    beat.timeout.connect(lambda: turns.append(traces.job.done if traces.running else None))
    beat.start(0)
    export_trace(qtbot, window, out)
    assert traces.running and traces.job.done < traces.job.total     # not written in one go
    qtbot.waitUntil(lambda: traces.running and traces.job.done > 0, timeout=10_000)
    done = traces.job.done
    qtbot.waitUntil(lambda: traces.job.done > done, timeout=10_000)
    beat.stop()
    # Other events ran between the pieces: the event loop turned while the export went on.
    progress = [d for d in turns if d is not None]
    assert len(progress) >= 2 and len(set(progress)) >= 2
    assert traces.progress.value() > 0 and traces.progress.maximum() == 1000
    qtbot.mouseClick(cancel_button(traces), Qt.MouseButton.LeftButton)
    assert not traces.running and traces.progress is None
    assert out.read_text() == "the old file\n" and os.listdir(tmp_path) == ["t.csv"]
    assert (os.stat(out).st_mode & 0o777) == 0o600
    assert "cancelled" in window.status.note.text()
    assert len(window.session.trace) == 30_000


def test_the_checkbox_names_the_columns_in_the_networks_notation(qtbot, window, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    step_n(qtbot, window, 10)
    out = tmp_path / "own.csv"
    traces = export_trace(qtbot, window, out, own_names=True)
    qtbot.waitUntil(lambda: not traces.running, timeout=10_000)
    header = out.read_text(encoding="utf-8").splitlines()[0].split(",")
    assert header[:9] == ["step", "sample", "E", "E1", "E2", "x1", "x2", "y1", "y2"]
    assert {"h1", "o1", "W11", "U11", "dE/dU11"} <= set(header)
    out2 = tmp_path / "keys.csv"
    traces = export_trace(qtbot, window, out2)          # unticked again: a fresh dialog
    qtbot.waitUntil(lambda: not traces.running, timeout=10_000)
    assert out2.read_text().startswith("step,sample,loss,loss_term[1],loss_term[2],a0[1]")


def test_the_parquet_type_writes_the_same_table(qtbot, window, tmp_path, monkeypatch):
    import polars as pl

    from backprop_lab.core.io.trace_csv import read_csv
    from tests.core.learner_csv import same_bits
    monkeypatch.chdir(tmp_path)
    step_n(qtbot, window, 200)
    traces = export_trace(qtbot, window, tmp_path / "t.parquet", parquet=True)
    qtbot.waitUntil(lambda: not traces.running, timeout=10_000)
    traces = export_trace(qtbot, window, tmp_path / "t.csv")
    qtbot.waitUntil(lambda: not traces.running, timeout=10_000)
    table, back = pl.read_parquet(tmp_path / "t.parquet"), read_csv(tmp_path / "t.csv")
    assert table.columns == back.names and table.height == 201
    assert same_bits(table.to_numpy().astype(float), back.array())
    assert "201 rows" in window.status.note.text()


def test_cancelling_a_new_file_leaves_no_file(qtbot, window, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    step_n(qtbot, window, 30_000)
    traces = export_trace(qtbot, window, tmp_path / "new.csv")
    qtbot.waitUntil(lambda: traces.running and traces.job.done > 0, timeout=10_000)
    assert traces.job.done < traces.job.total
    qtbot.mouseClick(cancel_button(traces), Qt.MouseButton.LeftButton)
    assert os.listdir(tmp_path) == []
    assert "was not written" in window.status.note.text()


def test_closing_the_window_during_an_export_leaves_no_file(qtbot, make_window, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    window = make_window()
    step_n(qtbot, window, 30_000)
    traces = export_trace(qtbot, window, tmp_path / "t.csv")
    qtbot.waitUntil(lambda: traces.running and traces.job.done > 0, timeout=10_000)
    window.session.undo_stack.setClean()
    window.close()
    assert not traces.running and os.listdir(tmp_path) == []
