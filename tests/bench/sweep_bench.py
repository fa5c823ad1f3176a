"""Benchmark of the learning-rate sweep (not a test): `python tests/bench/sweep_bench.py [K] [STEPS]`.

K = 1,000 copies of the 2-2-2 sigmoid net of seed 004 (per-sample SGD, learning rates 0.01 … 10 on a
log grid) for 1,000 steps, in net-steps a second, beside the single-net Trainer's steps a second
measured in the same run. Targets (issue 11): ≥ 10 M net-steps/s and ≥ 100× the single-net rate.
The two are timed in turn, five times each, and the best of each is reported (these machines are
shared; the best is the least disturbed). Beside the wall-clock rate the bench prints the rate in
this process's CPU time: with more runnable processes than cores the wall clock also counts the time
others held the CPU, which the CPU-time rate leaves out (it is the wall rate of an idle machine)."""
from __future__ import annotations

import sys
import time

TARGETS = {"net_steps_per_s": 10e6, "ratio": 100.0}


def timed(run) -> tuple[float, float]:
    """(wall seconds, CPU seconds) of one call."""
    w0, c0 = time.perf_counter(), time.process_time()
    run()
    return time.perf_counter() - w0, time.process_time() - c0


def best_of(n: int, *runs) -> list[tuple[float, float]]:
    """Each run's best wall and best CPU time over n rounds, the runs interleaved within a round."""
    best = [(float("inf"), float("inf"))] * len(runs)
    for _ in range(n):
        for k, run in enumerate(runs):
            wall, cpu = timed(run)
            best[k] = (min(best[k][0], wall), min(best[k][1], cpu))
    return best


def main(K: int = 1000, steps: int = 1000) -> dict[str, float]:
    from backprop_lab.core.io.presets import load_preset
    from backprop_lab.core.numerics.sweep import Sweep, log_grid
    from backprop_lab.core.numerics.trace import Trace, column_names
    from backprop_lab.core.numerics.training import Trainer
    p = load_preset("seed004")
    lrs = log_grid(0.01, 10.0, K)
    single_steps = 20_000

    def single() -> None:
        Trainer(p.net.copy(), p.data, p.settings.copy(), Trace(column_names(p.net))).run(single_steps)
    (sweep_s, sweep_cpu), (single_s, single_cpu) = best_of(
        5, lambda: Sweep(p.net.copy(), p.data, p.settings, lrs).run(steps), single)
    rate, single_rate = K * steps / sweep_s, single_steps / single_s
    cpu_rate, single_cpu_rate = K * steps / sweep_cpu, single_steps / single_cpu
    out = {"net_steps_per_s": rate, "single_steps_per_s": single_rate, "ratio": rate / single_rate,
           "cpu_net_steps_per_s": cpu_rate, "cpu_single_steps_per_s": single_cpu_rate}
    print(f"sweep: {K} copies of 2-2-2 × {steps} steps in {sweep_s:.3f} s = {rate / 1e6:.2f} M net-steps/s "
          f"(target ≥ {TARGETS['net_steps_per_s'] / 1e6:.0f} M); in CPU time {sweep_cpu:.3f} s = "
          f"{cpu_rate / 1e6:.2f} M net-steps/s")
    print(f"single-net Trainer: {single_rate:,.0f} steps/s ({single_cpu_rate:,.0f} in CPU time); the sweep is "
          f"{rate / single_rate:.0f}× that (target ≥ {TARGETS['ratio']:.0f}×)")
    return out


if __name__ == "__main__":
    main(*(int(a) for a in sys.argv[1:3]))
