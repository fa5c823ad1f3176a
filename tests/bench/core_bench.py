"""Benchmark of the SGD step loop and the trace (not part of the test run):
`python tests/bench/core_bench.py` (`--quick`: a smoke run).

Times single-sample SGD steps (forward, gradients, update, trace append) with core.training.Trainer
against `baseline_run`, the numpy loop a person writes first (allocating, one row appended to a list
per step), in the same run, interleaved and best of N so that other work on the machine hits both
alike; then full-batch steps on the XOR preset against `baseline_batch_run`, its batch version; then
the memory a million-step history takes. The CSV export has its own: tests/bench/export_bench.py.
"""
from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

import numpy as np

from backprop_lab.core.io.presets import load_preset
from backprop_lab.core.model.dataset import Dataset
from backprop_lab.core.model.network import LayerSpec, Network, init_weights
from backprop_lab.core.model.settings import Settings
from backprop_lab.core.numerics.trace import Trace, column_names
from backprop_lab.core.numerics.training import Trainer

# name, sizes, activations, bias, loss
# The plain reference loop is a test helper (tests/core), shared with the tests that hold the trainer to it.
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "core"))
from reference_loop import NETS, baseline_batch_run, baseline_run, make, seed004_net  # noqa: E402


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
    print("(ours: the history kept; full rows: the same trainer keeping every row, as before issue 9)")
    print(f"{'network':28s} {'ours steps/s':>13s} {'full rows':>10s} {'baseline':>10s} {'ratio':>6s}  {'max |Δθ|':>9s}")
    for name, sizes, acts, bias, loss in NETS:
        net0, data = make(sizes, acts, bias, loss)
        lr = 0.1

        def ours():
            Trainer(net0.copy(), data, Settings(lr=lr)).run(steps)

        def full():
            Trainer(net0.copy(), data, Settings(lr=lr), Trace(column_names(net0))).run(steps)

        def base():
            baseline_run(net0, data, lr, steps)

        t_ours, t_full, t_base = best_of([ours, full, base], repeats)
        t = Trainer(net0.copy(), data, Settings(lr=lr))
        t.run(steps)
        Ws, bs, _ = baseline_run(net0, data, lr, steps)
        diff = max(np.abs(t.theta - np.concatenate([np.concatenate([W.ravel(), b]) for W, b in zip(Ws, bs)])))
        print(f"{name:28s} {steps / t_ours:13,.0f} {steps / t_full:10,.0f} {steps / t_base:10,.0f} "
              f"{t_base / t_ours:5.2f}x  {diff:9.1e}")


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


def net_4_16_16_3():
    net = Network(4, [LayerSpec(16, "tanh", "neuron"), LayerSpec(16, "tanh", "neuron"),
                      LayerSpec(3, "softmax", "neuron")], "cross_entropy")
    init_weights(net, seed=1)
    rng = np.random.default_rng(0)
    return net, Dataset(rng.normal(size=(30, 4)), np.eye(3)[rng.integers(0, 3, 30)])


def bench_memory(steps: int):
    print(f"\nHistory memory, {steps:,} steps (trained for real): bytes per recorded step (issue 9: ≤ 16)")
    print(f"{'net':30s} {'columns':>7s} {'rows':>10s} {'MB':>9s} {'bytes/step':>10s} {'steps/s':>9s}")
    cases = [("seed 004 2-2-2, no biases", *seed004_net()),
             ("2-2-2 with biases", *make([2, 2, 2], ["sigmoid", "sigmoid"], "neuron", "half_sse", 1)),
             ("4-16-16-3", *net_4_16_16_3())]
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
    steps, repeats, mem = (2000, 2, 100_000) if args.quick else (20_000, 7, 1_000_000)
    print(f"numpy {np.__version__}, Python {sys.version.split()[0]}, {os.cpu_count()} CPUs")
    with np.errstate(over="ignore"):
        bench_steps(steps, repeats)
        bench_batch(steps // 2, repeats)
    bench_memory(mem)
    return 0


if __name__ == "__main__":
    sys.exit(main())
