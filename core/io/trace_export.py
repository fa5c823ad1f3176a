"""The trace a learner reads: every step's full state, streamed to CSV (or Parquet) by replaying the history.

N steps give N + 1 rows. Row k is the state after k updates with everything computed there: the
forward values, the loss and its per-output terms, every δ and gradient (the gradients step k + 1 takes);
row 0 is the start and the last row holds the final weights. `sample` counts from 1, as the window
does (0 where the step averaged over a batch). Columns: step, sample, loss, the loss of each output
(`loss_term[k]`), then the inputs, the targets and each layer's z, a, parameters, δ and gradients.
They are named by their quantity keys as text (`W1[1,2]`, core.model.quantity) or, with
own_names, in the network's notation (seed 004: x1, h1, o1, W11, U11; core.model.notation) — made
from the keys, never parsed.

Rows 0..N−1 are rebuilt a piece at a time by replaying the history (core.numerics.history), so memory
stays flat whatever N; the last one is computed from the trainer's state. The numbers are written by
core.io.trace_csv.csv_block (polars: the shortest text that reads back bit for bit), or as Parquet by
core.io.parquet_sink (the same columns, float64 as they are); polars is imported only when exporting.
The file appears whole, through core.io.atomic, or not at all: a failure or cancel leaves the old file
as it was.
"""
from __future__ import annotations

import bisect
import contextlib
import os
import time
from collections.abc import Callable, Iterator
from typing import IO, Any

import numpy as np

from backprop_lab.core.io.atomic import atomic_open
from backprop_lab.core.io.parquet_sink import ParquetSink
from backprop_lab.core.io.trace_csv import csv_block, header_line
from backprop_lab.core.model.arrays import FloatArray
from backprop_lab.core.model.dataset import Dataset
from backprop_lab.core.model.losses import LOSSES
from backprop_lab.core.model.network import Network
from backprop_lab.core.model.notation import Notation
from backprop_lab.core.model.quantity import OF_PARAM, Key
from backprop_lab.core.model.settings import Settings
from backprop_lab.core.numerics import finite_mean
from backprop_lab.core.numerics.engine import evaluate
from backprop_lab.core.numerics.history import History
from backprop_lab.core.numerics.trace import Trace, column_keys, column_names, parameter_columns
from backprop_lab.core.numerics.training import Trainer, samples_for_step

PIECE = 4096       # rows rebuilt and formatted at a time: a few MB whatever the length
KINDS = ("csv", "parquet")


def kind_of(path: str | os.PathLike[str]) -> str:
    """"parquet" for a name ending .parquet or .pq, else "csv"."""
    return "parquet" if os.fspath(path).lower().endswith((".parquet", ".pq")) else "csv"


class ExportCancelled(Exception):
    """Raised into the file being written when the export is cancelled: the old file stays."""


def learner_keys(net: Network) -> list[Key]:
    """The CSV's columns: the trace's, with the loss of each output beside the total."""
    keys = column_keys(net)
    terms = [Key("loss_term", j=k) for k in range(net.sizes[-1])]
    return keys[:3] + terms + keys[3:]


def learner_names(net: Network, own_names: bool = False) -> list[str]:
    """The header: key texts, or names in the network's notation (a name the notation gives twice
    falls back to the key's text, so every column stays distinct)."""
    keys = learner_keys(net)
    if not own_names:
        return [str(k) for k in keys]
    names = [_own_name(net.notation, k) for k in keys]
    seen: dict[str, int] = {}
    for n in names:
        seen[n] = seen.get(n, 0) + 1
    return [n if seen[n] == 1 else str(k) for n, k in zip(names, keys)]


def _own_name(nt: Notation, key: Key) -> str:
    prefix = next((p for p in OF_PARAM if key.kind.startswith(p) and key.kind != p), None)
    if prefix == "dE/d":
        return "dE/d" + nt.name(key._replace(kind=key.kind[len(prefix):]))
    return nt.name(key)


class TraceExport:
    """One export in progress: `advance()` writes the next rows (the window calls it from a timer),
    `run()` writes them all (the command line), `cancel()` drops the file being written."""

    def __init__(self, history: History, trainer: Trainer, path: str | os.PathLike[str],
                 own_names: bool = False, piece: int = PIECE, kind: str | None = None) -> None:
        """kind: "csv" or "parquet" (by default, what the file name ends with)."""
        net = trainer.net
        if history.names != column_names(net):
            raise ValueError("export: the history belongs to another network")
        self.kind = kind or kind_of(path)
        self.history, self.piece = history, piece
        self.total = len(history) + 1
        self.done = 0
        self._final = _final_state(trainer)
        self._format = _RowFormat(net, history.names)
        self._segments = [(s.start, s.settings, s.X, s.Y) for s in history.segments]
        self._stack = contextlib.ExitStack()
        self._file: IO[Any] | None = self._stack.enter_context(atomic_open(path))
        self._rows = self._pieces()
        names = learner_names(net, own_names)
        self._sink: ParquetSink | None = None
        if self.kind == "parquet":
            self._guarded(lambda: setattr(self, "_sink", ParquetSink(self._open(), names)))
        else:
            self._guarded(lambda: self._open().write(header_line(names)))

    @property
    def finished(self) -> bool:
        return self.done >= self.total

    def _pieces(self) -> Iterator[FloatArray]:
        yield from self.history.rows(piece=self.piece)
        yield _final_row(*self._final)[None, :]

    def advance(self, seconds: float = 0.0) -> bool:
        """Write pieces until `seconds` have passed (at least one piece); True once the file is in place."""
        t0 = time.perf_counter()
        while not self.finished:
            rows = next(self._rows)
            self._guarded(lambda: self._write(rows))
            if time.perf_counter() - t0 >= seconds:
                break
        if self.finished and self._file is not None:
            if self._sink is not None:
                self._guarded(self._sink.close)
            self._file = None
            self._stack.close()        # flushed, synced and put in place
        return self.finished

    def run(self, should_stop: Callable[[], bool] | None = None) -> None:
        """Write every row (should_stop, asked after each piece, may cancel)."""
        while not self.advance():
            if should_stop is not None and should_stop():
                self.cancel()
                raise ExportCancelled()

    def cancel(self) -> None:
        """Stop; the file being written is removed and the old one left as it was."""
        self._drop(ExportCancelled())

    def _drop(self, e: BaseException) -> None:
        if self._file is not None:
            self._file = None
            if self._sink is not None:
                self._sink.abort()
            self._stack.__exit__(type(e), e, e.__traceback__)

    def _guarded(self, write: Callable[[], object]) -> None:
        """A failed write drops the file being written before the error goes on."""
        try:
            write()
        except BaseException as e:
            self._drop(e)
            raise

    def _write(self, rows: FloatArray) -> None:
        columns = self._format.columns(rows, self._context(rows))
        if self._sink is not None:
            self._sink.write(columns)
        else:
            self._open().write(csv_block(columns))
        self.done += len(rows)

    def _open(self) -> IO[Any]:
        assert self._file is not None          # open until finished or cancelled
        return self._file

    def _context(self, rows: FloatArray) -> list[tuple[Settings, FloatArray, FloatArray]]:
        """For rows whose step averaged over a batch: the settings and data that step used."""
        out = []
        for step in rows[rows[:, 1] < 0, 0].tolist():
            if self.done + len(rows) >= self.total and step == self._final[3]:
                out.append((self._final[1], self._final[2].X, self._final[2].Y))
                continue
            at = bisect.bisect_right([s[0] for s in self._segments], step) - 1
            out.append(self._segments[at][1:])
        return out


def _final_state(t: Trainer) -> tuple[Network, Settings, Dataset, int]:
    """The trainer's state now, copied (the window may change it while the export runs)."""
    net = t.net.copy()
    net.theta[...] = t.theta
    return net, t.settings.copy(), Dataset(np.array(t.data.X, float), np.array(t.data.Y, float)), t.step


def _final_row(net: Network, settings: Settings, data: Dataset, step: int) -> FloatArray:
    """The row of the state after the last update: the trainer's own step computed at it, every
    parameter frozen so that no update is taken (the row holds the state before the update)."""
    probe = net.copy()
    probe.frozen[...] = True
    t = Trainer(probe, data, settings.copy(), Trace(column_names(net)), step=step)
    t.run(1)
    return t.trace.array()[0]


class _RowFormat:
    """The history's rows (names order) as the learner's CSV lines: sample from 1, the loss terms
    inserted after the loss, step and sample whole numbers, every other number polars' shortest repr."""

    def __init__(self, net: Network, names: list[str]) -> None:
        self.net, self.loss = net, LOSSES[net.loss]
        L, n_out = net.depth, net.sizes[-1]
        at = {n: i for i, n in enumerate(names)}
        self.z = [at[f"z{L}[{k + 1}]"] for k in range(n_out)]
        self.o = [at[f"a{L}[{k + 1}]"] for k in range(n_out)]
        self.y = [at[f"y[{k + 1}]"] for k in range(n_out)]
        self.theta = [at[n] for n in parameter_columns(net)]
        self.n_out = n_out

    def terms(self, rows: FloatArray, batches: list[tuple[Settings, FloatArray, FloatArray]]) -> FloatArray:
        """Each output's loss at each row: from the row's own z, o, y where it is one sample (as the
        trainer computes the loss), else the batch's mean (or sum) of each sample's terms."""
        z, o, y = (np.ascontiguousarray(rows[:, c]) for c in (self.z, self.o, self.y))
        with np.errstate(all="ignore"):
            out = np.ascontiguousarray(self.loss.terms(z, o, y), dtype=float)
        for r, (settings, X, Y) in zip(np.flatnonzero(rows[:, 1] < 0).tolist(), batches):
            probe = self.net.copy()
            probe.theta[...] = rows[r, self.theta]
            idx = samples_for_step(int(rows[r, 0]), len(X), settings)
            terms = evaluate(probe, X[idx], Y[idx], settings.batch_loss).terms
            out[r] = finite_mean.mean(terms, axis=0) if settings.batch_loss == "mean" else terms.sum(axis=0)
        return out

    def columns(self, rows: FloatArray, batches: list[tuple[Settings, FloatArray, FloatArray]]) -> list[np.ndarray]:
        """The learner's columns of these rows, in learner_names order."""
        terms = self.terms(rows, batches)
        return [rows[:, 0].astype(np.int64), rows[:, 1].astype(np.int64) + 1, rows[:, 2], *terms.T, *rows[:, 3:].T]


def export_csv(history: History, trainer: Trainer, path: str | os.PathLike[str], own_names: bool = False,
               should_stop: Callable[[], bool] | None = None, kind: str = "csv") -> int:
    """Write the learner's CSV (or Parquet) of the history and the trainer's final state; the rows written."""
    job = TraceExport(history, trainer, path, own_names, kind=kind)
    job.run(should_stop)
    return job.total
