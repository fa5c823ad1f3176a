"""Benchmark of the window (not a test): `QT_QPA_PLATFORM=offscreen python tests/bench/gui_bench.py`.

  edit → screen   a weight typed into the session until every view has repainted (2-2-2, 3-3-3-3)
  run rate        steps/s while Run trains with the plot live, against the headless trainer's rate
                  measured in the same process; the plot's frames per second
  1M-point plot   the loss plot redrawn from a 1,000,000-row trace (downsampling and clipping on)
  cold start      a new interpreter until the main window is shown
"""
from __future__ import annotations

import os
import statistics
import subprocess
import sys
import time

os.environ["QT_QPA_PLATFORM"] = "offscreen"

TARGETS = {"edit": 0.016, "run_ratio": 0.5, "fps": 30.0, "plot": 0.030, "start": 1.5}


def _window(preset: str, teaching: bool = True):
    from backprop_lab.core.io import presets
    from backprop_lab.gui.app import build_window, make_app
    app = make_app()
    w = build_window(presets.resolve(preset), teaching=teaching)
    w.resize(1280, 800)
    w.show()
    app.processEvents()
    app.processEvents()
    return app, w


def edit_to_screen(preset: str, teaching: bool = True, repeats: int = 60) -> float:
    app, w = _window(preset, teaching)
    s = w.session
    key = ("W", 1, 0, 0)
    base = s.value(key)
    times = []
    for k in range(repeats):
        t0 = time.perf_counter()
        s.edit_param(key, base + 0.001 * (k + 1))
        app.processEvents()          # the repaint of every view that changed
        times.append(time.perf_counter() - t0)
    w.close_without_asking()
    return statistics.median(times)


def headless_rate(preset: str, seconds: float = 1.0) -> float:
    from backprop_lab.core.io import presets
    from backprop_lab.core.numerics.training import Trainer
    p = presets.resolve(preset)
    t = Trainer(p.net, p.data, p.settings)
    t.run(1000)
    n, t0 = 0, time.perf_counter()
    while time.perf_counter() - t0 < seconds:
        t.run(5000)
        n += 5000
    return n / (time.perf_counter() - t0)


def run_rate(preset: str, teaching: bool = True, seconds: float = 3.0) -> tuple[float, float]:
    app, w = _window(preset, teaching)
    s, plot = w.session, w.loss_plot
    s.run()
    t0 = time.perf_counter()
    steps0, frames0 = s.step_count, plot.frames
    while time.perf_counter() - t0 < seconds:
        app.processEvents()
    elapsed = time.perf_counter() - t0
    rate, fps = (s.step_count - steps0) / elapsed, (plot.frames - frames0) / elapsed
    s.pause()
    w.close_without_asking()
    return rate, fps


def plot_million() -> tuple[float, float, float]:
    """(setData of 1M points + repaint; the same after reading the 1M rows from the trace; one live
    frame: 2,000 new rows on top of 1M)."""
    app, w = _window("seed004")
    s, plot = w.session, w.loss_plot
    s.trainer.run(1_000_000)
    s.refresh()
    app.processEvents()
    fulls, lives, draws = [], [], []
    x, y = plot.cache.total()
    for _ in range(5):
        plot.total.setData([], [])
        plot.plot.viewport().repaint()
        t0 = time.perf_counter()
        plot.total.setData(x, y, skipFiniteCheck=True)
        plot.plot.viewport().repaint()
        draws.append(time.perf_counter() - t0)
    for _ in range(5):
        plot.cache.reset(len(s.data))          # as after opening a long trace: every point anew
        plot.frames = 0
        t0 = time.perf_counter()
        plot.redraw()
        plot.plot.viewport().repaint()
        fulls.append(time.perf_counter() - t0)
    for _ in range(5):
        s.trainer.run(2000)
        s._recompute()
        t0 = time.perf_counter()
        plot.redraw()
        plot.plot.viewport().repaint()
        lives.append(time.perf_counter() - t0)
    full, live, draw = statistics.median(fulls), statistics.median(lives), statistics.median(draws)
    assert plot.points() == 1_010_000 + 1      # and the present
    w.close_without_asking()
    return draw, full, live


def cold_start() -> float:
    code = ("import os; os.environ['QT_QPA_PLATFORM'] = 'offscreen'\n"
            "from backprop_lab.gui.app import build_window, make_app\nfrom backprop_lab.core.io import presets\n"
            "app = make_app(); w = build_window(presets.resolve('seed004')); w.show(); app.processEvents()\n"
            "print('shown', flush=True); w.close_without_asking(); os._exit(0)")
    times = []
    for _ in range(3):
        t0 = time.perf_counter()
        out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
        times.append(time.perf_counter() - t0)
        assert "shown" in out.stdout, out.stderr
    return min(times)


def main() -> int:
    from PySide6.QtCore import QStandardPaths
    QStandardPaths.setTestModeEnabled(True)     # never touch the real settings
    rows = []
    for teaching, what in ((True, "window"), (False, "window without Learn dock")):
        for preset, label in (("seed004", "2-2-2"), ("seed000", "3-3-3-3")):
            t = edit_to_screen(preset, teaching)
            rows.append((f"edit → every number repainted, {what} ({label})", f"{t * 1e3:.2f} ms", "≤ 16 ms",
                         t <= TARGETS["edit"]))
    for teaching, what in ((True, "window"), (False, "window without Learn dock")):
        for preset, label in (("seed004", "2-2-2"), ("seed000", "3-3-3-3")):
            head = headless_rate(preset)
            live, fps = run_rate(preset, teaching)
            ratio = live / head
            rows.append((f"Run with the plot live, {what} ({label})", f"{live:,.0f} steps/s", "", True))
            rows.append((f"  headless trainer, same process ({label})", f"{head:,.0f} steps/s", "", True))
            rows.append(("  ratio live / headless", f"{ratio:.2f}", "≥ 0.5", ratio >= TARGETS["run_ratio"]))
            rows.append(("  plot frames per second", f"{fps:.0f} fps", "≥ 30", fps >= TARGETS["fps"]))
    draw, full, live = plot_million()
    rows.append(("plot setData + repaint, 1,000,000 points", f"{draw * 1e3:.1f} ms", "≤ 30 ms",
                 draw <= TARGETS["plot"]))
    rows.append(("  … reading the 1M rows from the trace first", f"{full * 1e3:.1f} ms", "", True))
    rows.append(("plot live frame, +2,000 rows on 1M", f"{live * 1e3:.1f} ms", "", True))
    start = cold_start()
    rows.append(("cold start to shown window", f"{start:.2f} s", "≤ 1.5 s", start <= TARGETS["start"]))
    width = max(len(r[0]) for r in rows)
    print(f"{'measure'.ljust(width)}  {'result':>18}  {'target':>8}")
    for name, value, target, ok in rows:
        mark = "" if not target else ("  ok" if ok else "  MISSED")
        print(f"{name.ljust(width)}  {value:>18}  {target:>8}{mark}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
