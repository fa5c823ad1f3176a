"""Issue 8's storm at full size: 3 storms of 10,000 random events (seeds 1, 2, 3) on the window, each in
its own process so a crash is counted rather than ending the count. Prints events, exceptions, Qt
warnings, inconsistencies, crashes and hangs per seed and in total, the windows each storm's events went
into, and the wall time. Not part of the test run (tests/gui/test_storm.py runs 2,000
events in it).

    QT_QPA_PLATFORM=offscreen .venv/bin/python tests/bench/storm_bench.py [--events N] [--seeds 1,2,3]

A child (`--child SEED`) runs one storm as the suite does (warnings are errors, dialogs patched) and
prints one JSON line; the first few exceptions and warnings go to stderr."""
from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
import time
import warnings
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "gui"))


def child(seed: int, events: int) -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    warnings.simplefilter("error")          # as the suite (pyproject: filterwarnings = error)
    from PySide6.QtCore import QCoreApplication, QStandardPaths, qInstallMessageHandler
    from PySide6.QtWidgets import QApplication
    QStandardPaths.setTestModeEnabled(True)
    # Outside the storm (opening the window), the offscreen platform's notes about itself are not counted
    # and not worth printing; anything else is printed as Qt would.
    qInstallMessageHandler(lambda _k, _c, text: None if text.startswith("This plugin does not support")
                           else print(text, file=sys.stderr))
    from storm import Storm, check_consistent, open_storm_window, patch_dialogs

    from backprop_lab.gui.app import install_translations
    app = QApplication.instance() or QApplication([])
    QCoreApplication.setOrganizationName("BackpropLab")
    QCoreApplication.setApplicationName("Backprop Lab storm")
    install_translations(app, "en")
    rng = random.Random(seed * 7919)
    patch_dialogs(rng, setattr)
    window = open_storm_window()
    t0 = time.process_time()
    tally = Storm(window, seed).run(events)
    windows = sorted({place.split("|")[0] for place in tally.places})
    cpu = time.process_time() - t0
    broken = check_consistent(window)
    for text in (tally.exceptions[:3] + tally.warnings[:3] + broken):
        print(text, file=sys.stderr)
    print(json.dumps({"seed": seed, "events": tally.events, "exceptions": len(tally.exceptions),
                      "warnings": len(tally.warnings), "inconsistent": len(broken), "cpu_s": round(cpu, 1),
                      "windows": windows}))
    sys.stdout.flush()
    os._exit(0)        # the storm's state (a run, a long job) needs no orderly shutdown to be counted


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--events", type=int, default=10_000)
    ap.add_argument("--seeds", default="1,2,3")
    ap.add_argument("--child", type=int)
    args = ap.parse_args()
    if args.child is not None:
        return child(args.child, args.events)
    total = {"events": 0, "exceptions": 0, "warnings": 0, "inconsistent": 0, "crashes": 0, "hangs": 0}
    started = time.perf_counter()
    for seed in (int(s) for s in args.seeds.split(",")):
        try:
            proc = subprocess.run([sys.executable, __file__, "--child", str(seed), "--events", str(args.events)],
                                  capture_output=True, text=True, env=dict(os.environ, QT_QPA_PLATFORM="offscreen"),
                                  timeout=300 + args.events)
        except subprocess.TimeoutExpired as e:
            total["hangs"] += 1
            print(f"seed {seed}: HANG (no end after {e.timeout:.0f} s)\n{(e.stderr or b'')[-3000:]!r}")
            continue
        lines = [ln for ln in proc.stdout.splitlines() if ln.startswith("{")]
        if proc.returncode != 0 or not lines:
            total["crashes"] += 1
            print(f"seed {seed}: CRASH (exit {proc.returncode})\n{proc.stderr[-3000:]}")
            continue
        row = json.loads(lines[-1])
        for k in ("events", "exceptions", "warnings", "inconsistent"):
            total[k] += row[k]
        print(f"seed {seed}: {row['events']} events, {row['exceptions']} exceptions, {row['warnings']} Qt warnings, "
              f"{row['inconsistent']} inconsistencies, 0 crashes ({row['cpu_s']} s CPU)\n"
              f"  windows its events went into: {', '.join(row['windows'])}")
        if proc.stderr.strip():
            print("  " + proc.stderr.strip()[-3000:].replace("\n", "\n  "))
    print(f"total: {total['events']} events, {total['exceptions']} exceptions, {total['warnings']} Qt warnings, "
          f"{total['inconsistent']} inconsistencies, {total['crashes']} crashes, {total['hangs']} hangs "
          f"({time.perf_counter() - started:.0f} s wall)")
    return 0 if not any(total[k] for k in ("exceptions", "warnings", "inconsistent", "crashes", "hangs")) else 1


if __name__ == "__main__":
    sys.exit(main())
