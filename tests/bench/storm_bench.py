"""Issue 8's storm at full size: 3 storms of 10,000 random events (seeds 1, 2, 3) on the window, each in
its own process so a crash is counted rather than ending the count. Prints events, exceptions, Qt
warnings, inconsistencies, crashes and hangs per seed and in total, the windows each storm's events went
into, and the wall time. Not part of the test run (tests/gui/test_storm.py runs 2,000
events in it).

    QT_QPA_PLATFORM=offscreen .venv/bin/python tests/bench/storm_bench.py [--events N] [--seeds 1,2,3]
        [--stall SECONDS]

A child (`--child SEED`) runs one storm as the suite does (warnings are errors, dialogs patched), beats
after its events and prints one JSON line; the first few exceptions and warnings go to stderr. A child that
processes no event for --stall seconds (60) is a hang: the bench prints the event it stood after and its
stacks (Python from faulthandler; C++ and Python from gdb when installed), then kills it. The time a storm
may take in all is not limited (a loaded machine takes 10-11 min for 10,000 events)."""
from __future__ import annotations

import argparse
import faulthandler
import json
import os
import random
import shutil
import signal
import subprocess
import sys
import threading
import time
import warnings
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "gui"))


def child(seed: int, events: int) -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    faulthandler.enable(all_threads=True)                         # a crash prints where it happened
    faulthandler.register(signal.SIGUSR1, all_threads=True)       # the parent asks where a stalled child is
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
    tally = Storm(window, seed, on_event=beat, on_detail=detail).run(events)
    windows = sorted({place.split("|")[0] for place in tally.places})
    cpu = time.process_time() - t0
    broken = check_consistent(window)
    for text in (tally.exceptions[:3] + tally.warnings[:3] + broken):
        print(text, file=sys.stderr)
    print(json.dumps({"seed": seed, "events": tally.events, "exceptions": len(tally.exceptions),
                      "warnings": len(tally.warnings), "inconsistent": len(broken), "cpu_s": round(cpu, 1),
                      "windows": windows, "popups": dict(sorted(tally.popups.items()))}))
    sys.stdout.flush()
    os._exit(0)        # the storm's state (a run, a long job) needs no orderly shutdown to be counted


def beat(number: int, kind: str) -> None:
    """The child's heartbeat to the parent, as each event begins: its number and kind. The parent calls it
    a hang when none comes for --stall seconds: no event processed, whatever the cause (a nested event loop
    nobody ends, a loop in Python, a deadlock), and it knows the event that stalled."""
    print(f"beat {number} {kind}", flush=True)


def detail(text: str) -> None:
    """What the event under way goes to (storm.Storm's on_detail): the parent keeps the last few, to say
    what a crashing or stalled event was doing."""
    print("what " + text.replace("\n", " "), flush=True)


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--events", type=int, default=10_000)
    ap.add_argument("--seeds", default="1,2,3")
    ap.add_argument("--stall", type=float, default=60.0,
                    help="a hang: no event processed for this many seconds (default 60, for a loaded machine)")
    ap.add_argument("--child", type=int)
    args = ap.parse_args()
    if args.child is not None:
        return child(args.child, args.events)
    total = {"events": 0, "exceptions": 0, "warnings": 0, "inconsistent": 0, "crashes": 0, "hangs": 0}
    started = time.perf_counter()
    for seed in (int(s) for s in args.seeds.split(",")):
        run_seed(seed, args, total)
    print(f"total: {total['events']} events, {total['exceptions']} exceptions, {total['warnings']} Qt warnings, "
          f"{total['inconsistent']} inconsistencies, {total['crashes']} crashes, {total['hangs']} hangs "
          f"({time.perf_counter() - started:.0f} s wall)")
    return 0 if not any(total[k] for k in ("exceptions", "warnings", "inconsistent", "crashes", "hangs")) else 1


def run_seed(seed: int, args, total: dict) -> None:
    t0 = time.perf_counter()
    proc = subprocess.Popen([sys.executable, __file__, "--child", str(seed), "--events", str(args.events)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            env=dict(os.environ, QT_QPA_PLATFORM="offscreen"))
    watch = Watch(proc)
    while proc.poll() is None:
        time.sleep(1)
        if watch.quiet_for() > args.stall:
            total["hangs"] += 1
            print(f"seed {seed}: HANG: event {watch.count} ({watch.kind}: {'; '.join(watch.details)}) has not "
                  f"ended after {watch.quiet_for():.0f} s, at {time.perf_counter() - t0:.0f} s wall\n{where(proc)}")
            proc.kill()
            proc.wait()
            watch.done()
            print("  " + watch.stderr()[-3000:].replace("\n", "\n  "))
            return
    watch.done()
    wall = time.perf_counter() - t0
    if proc.returncode != 0 or watch.row is None:
        total["crashes"] += 1
        print(f"seed {seed}: CRASH (exit {proc.returncode}) in event {watch.count} ({watch.kind}: "
              f"{'; '.join(watch.details) or 'nothing chosen yet'}), {wall:.0f} s wall\n{watch.stderr()[-3000:]}")
        return
    row = watch.row
    for k in ("events", "exceptions", "warnings", "inconsistent"):
        total[k] += row[k]
    print(f"seed {seed}: {row['events']} events, {row['exceptions']} exceptions, {row['warnings']} Qt warnings, "
          f"{row['inconsistent']} inconsistencies, 0 crashes, 0 hangs ({row['cpu_s']} s CPU, {wall:.0f} s wall)\n"
          f"  windows its events went into: {', '.join(row['windows'])}\n"
          f"  popups and dialogs it answered: {row['popups']}")
    if watch.stderr().strip():
        print("  " + watch.stderr().strip()[-3000:].replace("\n", "\n  "))


class Watch:
    """Reads a child's output as it comes: its heartbeat ("beat NUMBER KIND" as each event begins), its
    result line, its stderr (read too, so a full pipe never stops the child)."""

    def __init__(self, proc):
        self.count, self.kind, self.row = 0, "opening the window", None
        self.details: list[str] = []        # what the event under way went to (Storm's on_detail)
        self.last = time.perf_counter()
        self._err: list[str] = []
        self._threads = [threading.Thread(target=self._out, args=(proc.stdout,), daemon=True),
                         threading.Thread(target=self._err.extend, args=(proc.stderr,), daemon=True)]
        for t in self._threads:
            t.start()

    def _out(self, stream) -> None:
        for line in stream:
            if line.startswith("beat "):
                _beat, count, kind = line.split()
                self.count, self.kind, self.last = int(count), kind, time.perf_counter()
                self.details = []
            elif line.startswith("what "):
                self.details.append(line[5:].rstrip("\n"))
            elif line.startswith("{"):
                self.row = json.loads(line)
                self.last = time.perf_counter()

    def quiet_for(self) -> float:
        return time.perf_counter() - self.last

    def done(self) -> None:
        for t in self._threads:
            t.join(timeout=10)

    def stderr(self) -> str:
        return "".join(self._err)


def where(proc) -> str:
    """Where a stalled child stands: its Python stack (faulthandler, on SIGUSR1, into its stderr) and,
    when gdb is there, the C++ frames under it (a nested event loop shows as QEventLoop::exec under the
    widget that started it) with the Python stack as gdb reads it."""
    proc.send_signal(signal.SIGUSR1)
    if shutil.which("gdb") is None:
        return "  (no gdb: the Python stack is in the child's stderr below)"
    try:
        out = subprocess.run(["gdb", "-p", str(proc.pid), "-batch", "-iex", "add-auto-load-safe-path /",
                              "-ex", "bt 40", "-ex", "py-bt"], capture_output=True, text=True, timeout=120)
    except subprocess.TimeoutExpired:
        return "  (gdb did not answer in 120 s)"
    return "  " + "\n  ".join(_frames(out.stdout))


def _frames(gdb_out: str) -> list[str]:
    """gdb's C frames down to the interpreter's (function and library only), then its Python stack."""
    qt, python = [], []
    for line in gdb_out.splitlines():
        if line.startswith("#") and not python:
            if "_Py" in line or "cfunction_call" in line:
                python.append("")              # the interpreter from here down: py-bt says it better
                continue
            head, _, lib = line.partition(" from ")
            qt.append(f"{head.split(' in ', 1)[-1][:160]}  [{Path(lib).name}]" if lib else head[:160])
        elif line.startswith(("Traceback", "  File", "    ")):
            python.append(line)
    return qt + python


if __name__ == "__main__":
    sys.exit(main())
