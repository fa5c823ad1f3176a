"""`backprop-lab train`: train headless, print the final loss, write the trace as CSV or Parquet."""
from __future__ import annotations

import argparse
import os
import sys
import time
from collections.abc import Callable
from typing import TYPE_CHECKING

from backprop_lab.core.cli.explain import Numbers
from backprop_lab.core.cli.parser import UsageError, fail
from backprop_lab.core.cli.presets import load_net, title
from backprop_lab.core.model.dataset import Dataset
from backprop_lab.core.model.i18n import fill, translate
from backprop_lab.core.model.numbers import format_number

if TYPE_CHECKING:
    from backprop_lab.core.model.network import Network
    from backprop_lab.core.model.project import Project
    from backprop_lab.core.numerics.training import Trainer

PROGRESS_AFTER, PROGRESS_EVERY = 1.0, 0.1   # seconds: show a bar only on longer runs, redraw 10 times/s


def cmd_train(args: argparse.Namespace) -> int:
    from backprop_lab.core.numerics.budget import history_refusal
    from backprop_lab.core.numerics.engine import evaluate
    from backprop_lab.core.numerics.training import DivergenceError, Trainer
    project = load_net(args.net)
    _choose_data(project, args)
    net, data, s = project.net, project.data, project.settings
    for name in ("lr", "momentum", "mode", "batch_size"):
        if getattr(args, name) is not None:
            setattr(s, name, getattr(args, name))
    try:
        s.validate(len(data))
    except ValueError as e:
        raise UsageError(f"--{str(e).replace('_', '-')}") from None
    refusal = history_refusal(net, args.steps)     # the one memory budget (core.numerics.budget)
    if refusal is not None:
        raise UsageError(f"--steps: {refusal}")
    tables = [(flag, path) for flag, path in (("--csv", args.csv), ("--parquet", args.parquet)) if path is not None]
    for flag, path in tables:
        _check_writable(path, flag)
    before = evaluate(net, data.X, data.Y).loss
    test = project.test
    test_before = None if test is None else _loss_of(net, test)
    trainer = Trainer(net, data, s)      # records a History: the CSV is rebuilt from it, a piece at a time
    start = trainer.step
    bar = Progress(args.steps, lambda: trainer.step - start)
    t0 = time.perf_counter()
    try:
        _train(trainer, args.steps, bar)
    except DivergenceError as e:
        bar.close()
        return fail(fill(translate("CommandLine", "%1 (try a smaller --lr)"), e), 1)
    except KeyboardInterrupt:
        bar.close()
        return fail(fill(translate("CommandLine", "interrupted after %1 steps; nothing written"), trainer.step), 130)
    seconds = time.perf_counter() - t0
    bar.close()
    after = evaluate(net, data.X, data.Y).loss
    rate = fill(translate("CommandLine", "%1 steps/s"), f"{args.steps / seconds:,.0f}") if seconds > 0 else \
        translate("CommandLine", "instant")
    print(title(project))
    print(fill(translate("CommandLine", "trained %1 steps (%2, lr %3, momentum %4) in %5 s (%6)"), args.steps,
               s.mode, format_number(s.lr, 8, True), format_number(s.momentum, 8, True), f"{seconds:.3f}", rate))
    over = translate("CommandLine", "loss over the %1 sample: %2 before, %3 after") if len(data) == 1 else \
        translate("CommandLine", "loss over the %1 samples: %2 before, %3 after")
    print(fill(over, len(data), repr(before), repr(after)))
    if test is None:
        print(fill(translate("CommandLine", "final loss: %1"), Numbers(8)(after)))
    else:
        held = translate("CommandLine", "test loss over the %1 held-out sample: %2 before, %3 after") \
            if len(test) == 1 else translate("CommandLine", "test loss over the %1 held-out samples: %2 before, "
                                                            "%3 after")
        print(fill(held, len(test), repr(test_before), repr(_loss_of(net, test))))
        print(fill(translate("CommandLine", "final loss: %1 (training), %2 (test)"), Numbers(8)(after),
                   Numbers(8)(_loss_of(net, test))))
    for flag, path in tables:
        code = _write_table(trainer, path, args.own_names, flag)
        if code:
            return code
    return 0


def _choose_data(project: Project, args: argparse.Namespace) -> None:
    """--data replaces the samples (and drops the project's split: it held out other samples);
    --test-percent holds out a seeded share of the samples in use, as the window's data dialog does."""
    from backprop_lab.core.model.generators import split
    if getattr(args, "data", None) is not None:
        project.data = _data_file(args.data, args.targets, project.net.sizes)
        project.test = None
        _finite_with(project.net, project.data, args.data)
    percent = getattr(args, "test_percent", None)
    if percent is None:
        return
    n = len(project.data)
    parts = split(project.data, percent / 100, project.settings.seed)
    if percent and parts.test is None:
        raise UsageError(fill(translate("CommandLine", "--test-percent: %1 % of %2 samples holds out none; a split "
                                        "needs at least one test sample and one to train on"), percent, n))
    project.data, project.test = parts.train, parts.test


def _loss_of(net: Network, data: Dataset) -> float:
    """The loss over held-out samples, computed as the training loss is (it may overflow: shown as inf)."""
    import numpy as np

    from backprop_lab.core.numerics.engine import evaluate
    with np.errstate(over="ignore", invalid="ignore", divide="ignore"):
        return float(evaluate(net, data.X, data.Y).loss)


def _write_table(trainer: Trainer, path: str, own_names: bool, flag: str) -> int:
    """--csv or --parquet: the trace rebuilt from the history and written a piece at a time."""
    from backprop_lab.core.io.trace_export import TraceExport
    from backprop_lab.core.numerics.history import History
    assert isinstance(trainer.trace, History)      # Trainer() without a trace records one
    cannot = translate("CommandLine", "%1: cannot write %2: %3")
    try:
        job = TraceExport(trainer.trace, trainer, path, own_names, kind=flag[2:])
    except OSError as e:
        raise UsageError(fill(cannot, flag, path, e.strerror or e)) from None
    bar = Progress(job.total, lambda: job.done, what=translate("CommandLine", "rows written"))
    try:
        job.run(should_stop=bar.update)
    except OSError as e:
        raise UsageError(fill(cannot, flag, path, e.strerror or e)) from None
    except KeyboardInterrupt:
        job.cancel()
        return fail(fill(translate("CommandLine", "interrupted while writing %1; nothing written"), path), 130)
    finally:
        bar.close()
    print(fill(translate("CommandLine", "trace: %1 rows written to %2 (the state after each of the %3 steps and "
                                        "the start)"), job.total, path, job.total - 1))
    return 0


def _data_file(path: str, targets: str | None, sizes: list[int]) -> Dataset:
    """--data: the file's inputs and targets, fitted to the network, or one clear line (exit 2)."""
    from backprop_lab.core.io.dataset_csv import CsvDataError, load_dataset
    try:
        data = load_dataset(path, None, None if targets is None else [t.strip() for t in targets.split(",")])
    except CsvDataError as e:
        raise UsageError(f"--data: {path}: {e}") from None
    n_in, n_out = data.X.shape[1], data.Y.shape[1]
    if (n_in, n_out) != (sizes[0], sizes[-1]):
        raise UsageError(fill(translate("CommandLine", "--data: %1 has %2 input and %3 target columns; the network "
                                        "takes %4 inputs and gives %5 outputs"), path, n_in, n_out, sizes[0],
                              sizes[-1]))
    return data


def _train(trainer: Trainer, steps: int, bar: Progress) -> None:
    """The steps, then the whole data set's check: a step can take another sample's values past the
    largest float, and that is a divergence as the window says it (core.numerics.project_model)."""
    trainer.run(steps, should_stop=bar.update)
    whole = trainer.whole_divergence()[1]
    if whole is not None:
        raise whole


def _finite_with(net: Network, data: Dataset, path: str) -> None:
    """The rule a document passes (core.numerics.engine.first_not_finite), for --data's numbers."""
    from backprop_lab.core.numerics.engine import first_not_finite
    bad = first_not_finite(net, data.X, data.Y)
    if bad is not None:
        row = fill(translate("CommandLine", "sample %1: "), bad.sample + 1) if bad.sample >= 0 else ""
        raise UsageError(fill(translate("CommandLine", "--data: %1: %2%3 would be %4: every value of the forward and "
                                        "backward pass must be finite"), path, row, bad.name(), repr(bad.value)))


def _check_writable(path: str, flag: str = "--csv") -> None:
    """Before a long run, not after it: the folder must exist and take a new file."""
    from backprop_lab.core.io.atomic import target_of
    if os.path.isdir(path):
        raise UsageError(fill(translate("CommandLine", "%1: %2 is a folder, not a file name"), flag, path))
    try:
        real, _old = target_of(path)        # through links, as it will be written; a FIFO or device is refused
    except OSError as e:
        raise UsageError(f"{flag}: {e}") from None
    folder = os.path.dirname(real)
    if not os.path.isdir(folder):
        raise UsageError(fill(translate("CommandLine", "%1: the folder %2 does not exist"), flag, folder))
    if not os.access(folder, os.W_OK):
        raise UsageError(fill(translate("CommandLine", "%1: the folder %2 is not writable"), flag, folder))


class Progress:
    """A one-line bar on stderr, redrawn with \\r, for runs longer than a second on a terminal."""

    def __init__(self, total: int, done: Callable[[], int], what: str | None = None):
        self.total, self.done, self.what = total, done, what or translate("CommandLine", "steps")
        self.t0 = self.last = time.perf_counter()
        self.shown = False
        self.enabled = sys.stderr.isatty()

    def update(self) -> bool:
        now = time.perf_counter()
        if self.enabled and now - self.t0 >= PROGRESS_AFTER and now - self.last >= PROGRESS_EVERY:
            self.last = now
            done = self.done()
            frac = done / self.total
            bar = "#" * int(30 * frac)
            sys.stderr.write(f"\r[{bar:<30}] {done}/{self.total} {self.what}  {done / (now - self.t0):,.0f}/s ")
            sys.stderr.flush()
            self.shown = True
        return False

    def close(self) -> None:
        if self.shown:
            sys.stderr.write("\r" + " " * 79 + "\r")
            sys.stderr.flush()
