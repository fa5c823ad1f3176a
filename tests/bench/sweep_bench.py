"""Benchmark of the learning-rate sweep (not a test): `python tests/bench/sweep_bench.py [K] [STEPS]`.

K = 1,000 copies of the 2-2-2 sigmoid net of seed 004 (per-sample SGD, learning rates 0.01 … 10 on a
log grid) for 1,000 steps, in net-steps a second, beside the single-net Trainer's steps a second
measured in the same run. Targets (issue 11): ≥ 10 M net-steps/s and ≥ 100× the single-net rate.
The best of three repeats of each is reported (these machines are shared; the best is the least
disturbed)."""
from __future__ import annotations

import sys
import time

TARGETS = {"net_steps_per_s": 10e6, "ratio": 100.0}


def best_of(n: int, run) -> float:
    best = float("inf")
    for _ in range(n):
        t0 = time.perf_counter()
        run()
        best = min(best, time.perf_counter() - t0)
    return best


def main(K: int = 1000, steps: int = 1000) -> dict[str, float]:
    from backprop_lab.core.io.presets import load_preset
    from backprop_lab.core.numerics.sweep import Sweep, log_grid
    from backprop_lab.core.numerics.trace import Trace, column_names
    from backprop_lab.core.numerics.training import Trainer
    p = load_preset("seed004")
    lrs = log_grid(0.01, 10.0, K)
    sweep_s = best_of(3, lambda: Sweep(p.net.copy(), p.data, p.settings, lrs).run(steps))
    single_steps = 20_000

    def single() -> None:
        Trainer(p.net.copy(), p.data, p.settings.copy(), Trace(column_names(p.net))).run(single_steps)
    single_s = best_of(3, single)
    rate, single_rate = K * steps / sweep_s, single_steps / single_s
    out = {"net_steps_per_s": rate, "single_steps_per_s": single_rate, "ratio": rate / single_rate}
    print(f"sweep: {K} copies of 2-2-2 × {steps} steps in {sweep_s:.3f} s = {rate / 1e6:.2f} M net-steps/s "
          f"(target ≥ {TARGETS['net_steps_per_s'] / 1e6:.0f} M)")
    print(f"single-net Trainer: {single_rate:,.0f} steps/s; the sweep is {rate / single_rate:.0f}× that "
          f"(target ≥ {TARGETS['ratio']:.0f}×)")
    return out


if __name__ == "__main__":
    main(*(int(a) for a in sys.argv[1:3]))
