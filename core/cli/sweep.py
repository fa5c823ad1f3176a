"""`backprop-lab sweep`: K copies of a network trained at once at learning rates on a log grid, one
table row per copy: its rate, its final loss over the data set, or the step it diverged at."""
from __future__ import annotations

import argparse
import time

from backprop_lab.core.cli.parser import UsageError
from backprop_lab.core.cli.presets import load_net
from backprop_lab.core.model.numbers import format_number

MAX_WORK = 2 * 10 ** 10     # copies × steps × parameters: refuse a sweep that would run for hours


def cmd_sweep(args: argparse.Namespace) -> int:
    from backprop_lab.core.numerics.sweep import MAX_COPIES, Sweep, log_grid
    project = load_net(args.net)
    net, data, s = project.net, project.data, project.settings
    if args.copies > MAX_COPIES:
        raise UsageError(f"--copies: at most {MAX_COPIES}, got {args.copies}")
    if args.copies * args.steps * net.n_params > MAX_WORK:
        raise UsageError(f"--steps: {args.copies} copies × {args.steps} steps of a {net.n_params}-parameter "
                         "network is too much work for one run; take fewer copies or steps")
    try:
        low, high = args.lr
        sw = Sweep(net, data, s, log_grid(low, high, args.copies))
    except ValueError as e:
        raise UsageError(str(e)) from None
    t0 = time.perf_counter()
    sw.run(args.steps)
    seconds = time.perf_counter() - t0
    r = sw.result()
    print(f"{project.name}\nswept {args.copies} copies × {args.steps} steps ({s.mode}, {s.optimizer}) in "
          f"{seconds:.3f} s ({args.copies * args.steps / max(seconds, 1e-9):,.0f} net-steps/s)")
    print(f"{'copy':>6}  {'learning rate':>14}  {'final loss':>24}  diverged")
    rows = range(args.copies) if args.copies <= args.show else \
        sorted({round(i * (args.copies - 1) / (args.show - 1)) for i in range(args.show)} | {r.best()})
    for k in rows:
        mark = f"at step {r.diverged_at[k]}" if r.diverged_at[k] >= 0 else ""
        best = "  ← lowest" if k == r.best() else ""
        print(f"{k + 1:>6}  {format_number(r.lrs[k], 6, True):>14}  {format_number(r.final_loss[k], None):>24}  "
              f"{mark}{best}".rstrip())
    gone = int((r.diverged_at >= 0).sum())
    print(f"{gone} of {args.copies} diverged; lowest final loss {format_number(r.final_loss[r.best()], None)} "
          f"at learning rate {format_number(r.lrs[r.best()], 6, True)}")
    return 0
