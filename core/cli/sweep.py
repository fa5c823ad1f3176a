"""`backprop-lab sweep`: K copies of a network trained at once at learning rates on a log grid, one
table row per copy: its rate, its final loss over the data set, or the step it diverged at."""
from __future__ import annotations

import argparse
import time

from backprop_lab.core.cli.parser import UsageError
from backprop_lab.core.cli.presets import load_net, title
from backprop_lab.core.model.i18n import fill, translate
from backprop_lab.core.model.numbers import format_number

MAX_WORK = 2 * 10 ** 10     # copies × steps × parameters: refuse a sweep that would run for hours


def cmd_sweep(args: argparse.Namespace) -> int:
    from backprop_lab.core.numerics.sweep import MAX_COPIES, Sweep, log_grid
    project = load_net(args.net)
    net, data, s = project.net, project.data, project.settings
    if args.copies > MAX_COPIES:
        raise UsageError(fill(translate("CommandLine", "--copies: at most %1, got %2"), MAX_COPIES, args.copies))
    if args.copies * args.steps * net.n_params > MAX_WORK:
        raise UsageError(fill(translate("CommandLine", "--steps: %1 copies × %2 steps of a %3-parameter network is "
                                        "too much work for one run; take fewer copies or steps"), args.copies,
                              args.steps, net.n_params))
    try:
        low, high = args.lr
        sw = Sweep(net, data, s, log_grid(low, high, args.copies))
    except ValueError as e:
        raise UsageError(str(e)) from None
    t0 = time.perf_counter()
    sw.run(args.steps)
    seconds = time.perf_counter() - t0
    r = sw.result()
    print(title(project))
    print(fill(translate("CommandLine", "swept %1 copies × %2 steps (%3, %4) in %5 s (%6 net-steps/s)"), args.copies,
               args.steps, s.mode, s.optimizer, f"{seconds:.3f}",
               f"{args.copies * args.steps / max(seconds, 1e-9):,.0f}"))
    print(f"{translate('CommandLine', 'copy'):>6}  {translate('CommandLine', 'learning rate'):>14}  "
          f"{translate('CommandLine', 'final loss'):>24}  {translate('CommandLine', 'diverged')}")
    rows = range(args.copies) if args.copies <= args.show else \
        sorted({round(i * (args.copies - 1) / (args.show - 1)) for i in range(args.show)} | {r.best()})
    for k in rows:
        mark = fill(translate("CommandLine", "at step %1"), r.diverged_at[k]) if r.diverged_at[k] >= 0 else ""
        best = "  ← " + translate("CommandLine", "lowest") if k == r.best() else ""
        print(f"{k + 1:>6}  {format_number(r.lrs[k], 6, True):>14}  {format_number(r.final_loss[k], None):>24}  "
              f"{mark}{best}".rstrip())
    gone = int((r.diverged_at >= 0).sum())
    print(fill(translate("CommandLine", "%1 of %2 diverged; lowest final loss %3 at learning rate %4"), gone,
               args.copies, format_number(r.final_loss[r.best()], None), format_number(r.lrs[r.best()], 6, True)))
    return 0
