"""Benchmark of the SGD step loop and the trace (not part of the test run): `python -m core.bench`.

Times single-sample SGD steps (forward, gradients, update, trace append) with core.training.Trainer
against `baseline_run`, the numpy loop a person writes first (allocating, one row appended to a list
per step), in the same run, interleaved and best of N so that other work on the machine hits both
alike; then full-batch steps on the XOR preset against `baseline_batch_run`, its batch version. Then
CSV export against the stdlib csv module writing the same rows, read-back equality, and the memory a
million-step trace of the 2-2-2 net takes.
"""
from __future__ import annotations

import argparse
import csv
import os
import sys
import tempfile
import time

import numpy as np

from . import csv_workers
from .network import LayerSpec, Network, init_weights
from .notation import seed004
from .presets import load_preset
from .trace import Trace
from .training import Dataset, Settings, Trainer

# name, sizes, activations, bias, loss
NETS = [
    ("2-2-2 (seed 004)", [2, 2, 2], ["sigmoid", "sigmoid"], "none", "half_sse"),
    ("3-3-3-3 (seed 000)", [3, 3, 3, 3], ["relu", "sigmoid", "softmax"], "neuron", "cross_entropy"),
    ("4-16-16-3 ReLU/σ/softmax", [4, 16, 16, 3], ["relu", "sigmoid", "softmax"], "neuron", "cross_entropy"),
    ("4-16-16-3 σ/σ/σ ½SSE", [4, 16, 16, 3], ["sigmoid", "sigmoid", "sigmoid"], "neuron", "half_sse"),
]


def make(sizes, acts, bias, loss, n_samples=4, seed=0):
    net = Network(sizes[0], [LayerSpec(n, a, bias) for n, a in zip(sizes[1:], acts)], loss)
    init_weights(net, seed)
    rng = np.random.default_rng(seed)
    X, Y = rng.uniform(-1, 1, (n_samples, sizes[0])), rng.uniform(0, 1, (n_samples, sizes[-1]))
    if loss == "cross_entropy":
        Y /= Y.sum(axis=1, keepdims=True)
    return net, Dataset(X, Y)


def seed004_net():
    net = Network(2, [LayerSpec(2, "sigmoid", "none"), LayerSpec(2, "sigmoid", "none")], notation=seed004())
    net.W[0][...] = [[0.3, 0.4], [0.25, 0.35]]
    net.W[1][...] = [[0.45, 0.7], [0.4, 0.6]]
    return net, Dataset([[0.1, 0.2]], [[0.4, 0.6]])


# ----- the baseline: what a person writes first ----------------------------------------------------------
def _f(name, z):
    if name == "sigmoid":
        return 1 / (1 + np.exp(-z))
    if name == "relu":
        return np.maximum(z, 0)
    e = np.exp(z - z.max())
    return e / e.sum()


def _df(name, a):
    return a * (1 - a) if name == "sigmoid" else (a > 0).astype(float)


def baseline_run(net: Network, data: Dataset, lr: float, steps: int):
    """Plain per-step numpy: forward, loss, backward, update, and the same trace row appended to a list
    (the row in the trace's column order, built with np.concatenate). Returns (Ws, bs, rows array)."""
    Ws = [W.copy() for W in net.W]
    bs = [b.copy() for b in net.b]
    acts = [s.activation for s in net.layers]
    has_b = [s.bias != "none" for s in net.layers]
    rows = []
    for k in range(steps):
        i = k % len(data)
        x, y = data.X[i], data.Y[i]
        zs, hs = [], [x]
        for W, b, name in zip(Ws, bs, acts):
            z = hs[-1] @ W + b if b.size else hs[-1] @ W
            zs.append(z)
            hs.append(_f(name, z))
        o = hs[-1]
        if net.loss == "cross_entropy":
            loss = -np.sum(y * np.log(o))
            delta = o - y
        else:
            loss = 0.5 * np.sum((y - o) ** 2)
            delta = (o - y) * _df(acts[-1], o)
        deltas, dWs, dbs = [None] * len(Ws), [None] * len(Ws), [None] * len(Ws)
        for l in range(len(Ws) - 1, -1, -1):
            deltas[l] = delta
            dWs[l] = np.outer(hs[l], delta)
            dbs[l] = delta.copy()
            if l:
                delta = (Ws[l] @ delta) * _df(acts[l - 1], hs[l])
        _record_and_update(rows, [np.array([k, i, loss]), x, y], zs, hs[1:], deltas, Ws, bs, dWs, dbs, has_b, lr)
    return Ws, bs, np.array(rows)


def baseline_batch_run(net: Network, data: Dataset, lr: float, steps: int):
    """The same plain numpy for full-batch steps: forward and backward on the (B × n) matrices, the
    mean gradients, and the row of batch means appended to a list. Returns (Ws, bs, rows array)."""
    Ws = [W.copy() for W in net.W]
    bs = [b.copy() for b in net.b]
    acts = [s.activation for s in net.layers]
    has_b = [s.bias != "none" for s in net.layers]
    X, Y = data.X, data.Y
    n = len(X)
    rows = []
    for k in range(steps):
        zs, hs = [], [X]
        for W, b, name in zip(Ws, bs, acts):
            z = hs[-1] @ W + b if b.size else hs[-1] @ W
            zs.append(z)
            if name == "softmax":
                e = np.exp(z - z.max(axis=1, keepdims=True))
                hs.append(e / e.sum(axis=1, keepdims=True))
            else:
                hs.append(_f(name, z))
        o = hs[-1]
        if net.loss == "cross_entropy":
            loss = -np.sum(Y * np.log(o)) / n
            delta = o - Y
        else:
            loss = 0.5 * np.sum((Y - o) ** 2) / n
            delta = (o - Y) * _df(acts[-1], o)
        deltas, dWs, dbs = [None] * len(Ws), [None] * len(Ws), [None] * len(Ws)
        for l in range(len(Ws) - 1, -1, -1):
            deltas[l] = delta
            dWs[l] = hs[l].T @ delta / n
            dbs[l] = delta.mean(axis=0)
            if l:
                delta = (delta @ Ws[l].T) * _df(acts[l - 1], hs[l])
        _record_and_update(rows, [np.array([k, -1, loss]), X.mean(axis=0), Y.mean(axis=0)],
                           [z.mean(axis=0) for z in zs], [h.mean(axis=0) for h in hs[1:]],
                           [d.mean(axis=0) for d in deltas], Ws, bs, dWs, dbs, has_b, lr)
    return Ws, bs, np.array(rows)


def _record_and_update(rows, head, zs, acts, deltas, Ws, bs, dWs, dbs, has_b, lr):
    """The baselines' trace row (the same columns as core.trace) and their plain SGD update."""
    parts = list(head)
    for l in range(len(Ws)):
        parts += [zs[l], acts[l], Ws[l].ravel()] + ([bs[l]] if has_b[l] else [])
        parts += [deltas[l], dWs[l].ravel()] + ([dbs[l]] if has_b[l] else [])
    rows.append(np.concatenate(parts))
    for l in range(len(Ws)):
        Ws[l] -= lr * dWs[l]
        if has_b[l]:
            bs[l] -= lr * dbs[l]


# ----- timing ---------------------------------------------------------------------------------------------
def best_of(fns, repeats):
    """Best time of each function, run interleaved (a, b, a, b, ...) so that load hits both."""
    best = [float("inf")] * len(fns)
    for _ in range(repeats):
        for j, fn in enumerate(fns):
            t0 = time.perf_counter()
            fn()
            best[j] = min(best[j], time.perf_counter() - t0)
    return best


def bench_steps(steps: int, repeats: int):
    print(f"\nSGD steps, one sample per step, trace on ({steps:,} steps, best of {repeats})")
    print(f"{'network':28s} {'ours steps/s':>13s} {'baseline':>10s} {'ratio':>6s}  {'max |Δθ|':>9s}")
    for name, sizes, acts, bias, loss in NETS:
        net0, data = make(sizes, acts, bias, loss)
        lr = 0.1

        def ours():
            Trainer(net0.copy(), data, Settings(lr=lr)).run(steps)

        def base():
            baseline_run(net0, data, lr, steps)

        t_ours, t_base = best_of([ours, base], repeats)
        t = Trainer(net0.copy(), data, Settings(lr=lr))
        t.run(steps)
        Ws, bs, _ = baseline_run(net0, data, lr, steps)
        diff = max(np.abs(t.theta - np.concatenate([np.concatenate([W.ravel(), b]) for W, b in zip(Ws, bs)])))
        print(f"{name:28s} {steps / t_ours:13,.0f} {steps / t_base:10,.0f} {t_base / t_ours:5.2f}x  {diff:9.1e}")


def bench_batch(steps: int, repeats: int):
    print(f"\nFull-batch steps on XOR (2-2-1, 4 samples, the preset), trace on ({steps:,} steps, "
          f"best of {repeats})")
    print(f"{'network':28s} {'ours steps/s':>13s} {'baseline':>10s} {'ratio':>6s}  {'max |Δθ|':>9s}")
    project = load_preset("xor")
    net0, data, s = project.net, project.data, Settings(lr=project.settings.lr, mode="batch")

    def ours():
        Trainer(net0.copy(), data, s.copy()).run(steps)

    def base():
        baseline_batch_run(net0, data, s.lr, steps)

    t_ours, t_base = best_of([ours, base], repeats)
    t = Trainer(net0.copy(), data, s.copy())
    t.run(steps)
    Ws, bs, _ = baseline_batch_run(net0, data, s.lr, steps)
    diff = max(np.abs(t.theta - np.concatenate([np.concatenate([W.ravel(), b]) for W, b in zip(Ws, bs)])))
    print(f"{'XOR 2-2-1, full batch':28s} {steps / t_ours:13,.0f} {steps / t_base:10,.0f} {t_base / t_ours:5.2f}x  "
          f"{diff:9.1e}")


def bench_csv(rows: int, repeats: int, folder: str):
    print(f"\nCSV export ({rows:,} rows of a 2-2-2 trace, 35 columns, best of {repeats}); 'ours' is to_csv as the "
          f"app calls it ({csv_workers.default_workers(rows)} worker process(es) at this length), '1 process' "
          f"the same text formatted in this process; 'repr only' is the time of repr on every value, the bound "
          f"for exact strings in one process")
    print(f"{'trace':34s} {'ours rows/s':>12s} {'1 process':>10s} {'stdlib csv':>11s} {'ratio':>6s} "
          f"{'repr only':>10s}  {'read back':>10s} {'equal':>6s}")
    cases = [("seed 004 (fits by ~4k steps)", *seed004_net()),
             ("4 samples, all computed cols vary", *make([2, 2, 2], ["sigmoid", "sigmoid"], "none", "half_sse"))]
    for name, net, data in cases:
        t = Trainer(net, data, Settings(lr=0.5))
        t.run(rows)
        ours_path, std_path = os.path.join(folder, "ours.csv"), os.path.join(folder, "stdlib.csv")
        values = t.trace.array()
        flat, line = values.ravel().tolist(), "%r," * (values.shape[1] - 1) + "%r\n"

        def ours():
            t.trace.to_csv(ours_path)

        def one_process():
            t.trace.to_csv(ours_path, workers=1)

        def stdlib():
            with open(std_path, "w", newline="") as f:
                w = csv.writer(f)
                w.writerow(t.trace.names)
                w.writerows(t.trace.array().tolist())

        def repr_only():
            (line * len(values)) % tuple(flat)

        t_one, t_std, t_repr, t_ours = best_of([one_process, stdlib, repr_only, ours], repeats)
        t0 = time.perf_counter()
        back = Trace.read_csv(ours_path)
        t_read = time.perf_counter() - t0
        print(f"{name:34s} {rows / t_ours:12,.0f} {rows / t_one:10,.0f} {rows / t_std:11,.0f} "
              f"{t_std / t_ours:5.2f}x {rows / t_repr:10,.0f}  {rows / t_read:8,.0f}/s {str(back.equals(t.trace)):>6s}")


def bench_memory(steps: int):
    print(f"\nTrace memory, {steps:,} steps of a 2-2-2 net (trained for real)")
    print(f"{'net':30s} {'columns':>7s} {'rows':>10s} {'trace MB':>9s} {'bytes/row':>9s} {'steps/s':>9s}")
    cases = [("seed 004, no biases", *seed004_net()),
             ("2-2-2 with biases", *make([2, 2, 2], ["sigmoid", "sigmoid"], "neuron", "half_sse", 1))]
    for name, net, data in cases:
        t = Trainer(net, data, Settings(lr=0.5))
        t0 = time.perf_counter()
        t.run(steps)
        dt = time.perf_counter() - t0
        tr = t.trace
        print(f"{name:30s} {tr.ncols:7d} {len(tr):10,d} {tr.nbytes / 1e6:9.1f} {tr.nbytes / len(tr):9.1f} "
              f"{steps / dt:9,.0f}")
        del t, tr


def main(argv=None) -> int:
    p = argparse.ArgumentParser(prog="python -m core.bench", description=__doc__.split("\n\n")[0])
    p.add_argument("--quick", action="store_true", help="fewer steps and repeats (a smoke run)")
    args = p.parse_args(argv)
    steps, repeats, rows, mem = (2000, 2, 5000, 100_000) if args.quick else (20_000, 7, 200_000, 1_000_000)
    print(f"numpy {np.__version__}, Python {sys.version.split()[0]}, {os.cpu_count()} CPUs")
    with np.errstate(over="ignore"):
        bench_steps(steps, repeats)
        bench_batch(steps // 2, repeats)
    with tempfile.TemporaryDirectory() as folder:
        bench_csv(rows, 2 if args.quick else 3, folder)
    bench_memory(mem)
    return 0


if __name__ == "__main__":
    sys.exit(main())
