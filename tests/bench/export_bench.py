"""Benchmark of the trace export (not part of the test run): `python tests/bench/export_bench.py`
(`--quick`: a smoke run; `--steps N`: the length of the memory run, default 3,000,000).

1. Export rows/s, the new path against the old one in the same run, interleaved, best of N: the new path
   rebuilds the rows by replaying the history and formats them with polars (core.io.trace_export, as the
   window and `train --csv` call it); the old path (before issue 9) held every row in memory and formatted
   them with the hand-written repr code kept below as its baseline (`old_format_rows`), and the stdlib
   csv module is shown for reference. Then the formatting alone: polars against the old code on the same
   rows (the dependency's reason, pyproject.toml).
2. Peak memory (GNU time's maximum resident set size) of `backprop-lab train seed004 --steps N --csv` against the
   same command without --csv, in the same run (issue 9: ≤ 400 MB for 3,000,000 steps).
"""
from __future__ import annotations

import argparse
import csv
import os
import subprocess
import sys
import tempfile
import time

import numpy as np
import numpy.typing as npt

from backprop_lab.core.io.atomic import atomic_open
from backprop_lab.core.io.presets import load_preset
from backprop_lab.core.io.trace_csv import csv_block
from backprop_lab.core.io.trace_export import TraceExport
from backprop_lab.core.model.dataset import Dataset
from backprop_lab.core.model.network import LayerSpec, Network, init_weights
from backprop_lab.core.model.settings import Settings
from backprop_lab.core.numerics.history import History
from backprop_lab.core.numerics.trace import Trace, column_names
from backprop_lab.core.numerics.training import Trainer

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from core_bench import best_of  # noqa: E402  (the benches' one interleaved timer)


# ----- the old path, kept here only as the baseline (core/io/trace_csv.py before issue 9) ------------------
def old_write_csv(trace: Trace | History, path: str) -> None:
    """write_csv as it was, in one process: a full trace's stored rows (the command line's path), or the
    history's rows rebuilt by replay (the window's path since the history landed)."""
    with atomic_open(path, binary=False, encoding="utf-8", newline="") as f:
        csv.writer(f, lineterminator="\n").writerow(trace.names)
        pieces = trace.rows(piece=4096) if isinstance(trace, History) else \
            (trace.array(lo, lo + 4096) for lo in range(0, len(trace), 4096))
        for rows in pieces:
            f.write(old_format_rows(rows))


def old_format_rows(rows: np.ndarray) -> str:
    """Rows (names order) as CSV lines, every number its repr. repr is most of the cost, so it is
    asked once per distinct value where a column repeats: a column that is the same all through the
    chunk (an input or target of a single sample, a frozen or unused parameter) is baked into the line
    template, and one that takes a few values (inputs and targets of a small data set) is formatted
    per distinct value. Step and sample are written as whole numbers where they are ones."""
    k = len(rows)
    specs: list[str] = []
    cols: list[int] = []
    given: dict[int, npt.NDArray[np.object_]] = {}
    for j in range(rows.shape[1]):
        c = rows[:, j]
        bits = c.view(np.int64)            # bit patterns: -0.0 and 0.0 stay apart
        if k > 1 and (bits == bits[0]).all():
            specs.append(old_literal(c[0], whole=j < 2))
            continue
        few = None if j < 2 else old_few_values(bits)
        if j < 2 and old_whole(c):
            specs.append("%d")
        elif few is not None:
            specs.append("%s")
            given[len(cols)] = few
        else:
            specs.append("%r")
        cols.append(j)
    line = ",".join(specs) + "\n"
    if not cols:
        return line * k
    if given:
        values = np.empty((k, len(cols)), dtype=object)
        values[...] = rows[:, cols]
        for at, strings in given.items():
            values[:, at] = strings
    else:
        values = rows[:, cols]
    return (line * k) % tuple(values.ravel().tolist())


def old_few_values(bits: npt.NDArray[np.int64]) -> npt.NDArray[np.object_] | None:
    """The column's values as repr strings if it takes at most one distinct value per 8 rows, else None."""
    if len(bits) < 16 or len(set(bits[:64].tolist())) > 16:
        return None
    distinct, inverse = np.unique(bits, return_inverse=True)
    if 8 * len(distinct) > len(bits):
        return None
    return np.array([repr(v) for v in distinct.view(np.float64).tolist()], dtype=object)[inverse]


def old_whole(c: np.ndarray) -> bool:
    with np.errstate(invalid="ignore"):
        return bool(np.all(np.isfinite(c) & (c == np.trunc(c)) & ~((c == 0) & np.signbit(c))))


def old_literal(v: float, whole: bool) -> str:
    s = f"{int(v)}" if whole and old_whole(np.array([v])) else repr(float(v))
    return s.replace("%", "%%")


# ----- the runs ----------------------------------------------------------------------------------------
def varied_2_2_2() -> tuple[Network, Dataset]:
    """Four samples, biases: every computed column varies from row to row."""
    net = Network(2, [LayerSpec(2, "sigmoid", "neuron"), LayerSpec(2, "sigmoid", "neuron")], "half_sse")
    init_weights(net, seed=1)
    rng = np.random.default_rng(0)
    return net, Dataset(rng.normal(size=(4, 2)), rng.uniform(size=(4, 2)))


def seed004() -> tuple[Network, Dataset]:
    p = load_preset("seed004")
    return p.net, p.data


def bench_export(rows: int, repeats: int, folder: str) -> None:
    print(f"\nExport of {rows:,} steps (best of {repeats}, interleaved), rows/s. new: the history replayed and "
          f"formatted by polars, {rows + 1:,} rows, as the window and train --csv write them now. old window: "
          f"the same history replayed and formatted by the old hand-written code (the window's path before). "
          f"old CLI: every row held in memory (a full trace, 8 bytes a number) and formatted by the old code, in "
          f"one process (train --csv before, without its workers). stdlib: csv.writer on the full trace's rows. "
          f"replay: rebuilding the rows alone")
    print(f"{'trace':30s} {'new':>9s} {'old window':>11s} {'new/old':>8s} {'old CLI':>9s} {'new/old':>8s} "
          f"{'stdlib':>8s} {'replay':>8s}")
    for name, (net, data) in (("seed 004 2-2-2 (converges)", seed004()), ("2-2-2, 4 samples, varied", varied_2_2_2())):
        hist = Trainer(net.copy(), data, Settings(lr=0.5))
        hist.run(rows)
        full = Trainer(net.copy(), data, Settings(lr=0.5), Trace(column_names(net)))
        full.run(rows)
        path = os.path.join(folder, "t.csv")

        def new():
            TraceExport(hist.trace, hist, path).run()

        def old():
            old_write_csv(full.trace, path)

        def old_window():
            assert isinstance(hist.trace, History)
            old_write_csv(hist.trace, path)

        def stdlib():
            with open(path, "w", newline="") as f:
                w = csv.writer(f)
                w.writerow(full.trace.names)
                w.writerows(full.trace.array().tolist())

        def replay():
            sum(len(r) for r in hist.trace.rows())

        t_new, t_win, t_old, t_std, t_replay = best_of([new, old_window, old, stdlib, replay], repeats)
        print(f"{name:30s} {rows / t_new:9,.0f} {rows / t_win:11,.0f} {t_win / t_new:7.1f}x {rows / t_old:9,.0f} "
              f"{t_old / t_new:7.1f}x {rows / t_std:8,.0f} {rows / t_replay:8,.0f}")
        values = full.trace.array()
        cols = [values[:, 0].astype(np.int64), values[:, 1].astype(np.int64)] + list(values[:, 2:].T)

        def polars_only():
            for lo in range(0, len(values), 4096):
                csv_block([c[lo:lo + 4096] for c in cols])

        def hand_only():
            for lo in range(0, len(values), 4096):
                old_format_rows(values[lo:lo + 4096])

        t_pl, t_hand = best_of([polars_only, hand_only], repeats)
        print(f"{'  formatting only: polars, old':30s} {rows / t_pl:9,.0f} {rows / t_hand:11,.0f} "
              f"{t_hand / t_pl:7.1f}x")


def peak_mb(argv: list[str]) -> tuple[float, float]:
    """(peak resident MB, seconds) of `backprop-lab ARGV`, measured by GNU time around a fresh process (a
    child's ru_maxrss taken here would count this process's pages at the fork: it survives exec)."""
    exe = os.path.join(os.path.dirname(sys.executable), "backprop-lab")
    t0 = time.perf_counter()
    done = subprocess.run(["/usr/bin/time", "-f", "peak %M", exe, *argv], capture_output=True, text=True)
    dt = time.perf_counter() - t0
    if done.returncode:
        raise SystemExit(done.stderr)
    return int(done.stderr.strip().splitlines()[-1].split()[-1]) / 1024, dt


def bench_memory(steps: int, folder: str) -> None:
    print(f"\nPeak memory of `train seed004 --steps {steps:,}` (/usr/bin/time's maximum resident set size; issue 9: "
          f"≤ 400 MB with "
          f"--csv for 3,000,000 steps)")
    path = os.path.join(folder, "m.csv")
    base, t_base = peak_mb(["train", "seed004", "--steps", str(steps)])
    with_csv, t_csv = peak_mb(["train", "seed004", "--steps", str(steps), "--csv", path])
    size = os.path.getsize(path) / 1e6
    print(f"{'without --csv':24s} {base:8.1f} MB  {t_base:7.1f} s")
    print(f"{'with --csv':24s} {with_csv:8.1f} MB  {t_csv:7.1f} s   ({size:,.0f} MB of CSV, {steps + 1:,} rows)")
    print(f"{'the export adds':24s} {with_csv - base:8.1f} MB")


def main(argv=None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--quick", action="store_true", help="fewer rows and repeats (a smoke run)")
    p.add_argument("--steps", type=int, default=None, help="steps of the memory run (default 3,000,000)")
    p.add_argument("--memory-only", action="store_true", help="only the peak memory of train --csv")
    args = p.parse_args(argv)
    rows, repeats, steps = (20_000, 1, 100_000) if args.quick else (200_000, 3, 3_000_000)
    steps = args.steps or steps
    print(f"numpy {np.__version__}, Python {sys.version.split()[0]}, {os.cpu_count()} CPUs, "
          f"{os.getloadavg()[0]:.1f} load")
    if args.memory_only:
        with tempfile.TemporaryDirectory() as folder:
            bench_memory(steps, folder)
        return 0
    t0 = time.perf_counter()
    import polars  # noqa: F401  (loaded once per process, on the first export: timed apart from the rows)
    print(f"importing polars: {time.perf_counter() - t0:.2f} s (once, on the first export)")
    with tempfile.TemporaryDirectory() as folder:
        bench_export(rows, repeats, folder)
        bench_memory(steps, folder)
    return 0


if __name__ == "__main__":
    sys.exit(main())
