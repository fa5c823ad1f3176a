"""Benchmark of the Learn dock after an edit (issue 8: the window answers within 100 ms); a script, not a
test: `QT_QPA_PLATFORM=offscreen python tests/bench/walk_bench.py [--quick]`.

  edit → screen   a weight typed into the session until every view has repainted, median of the repeats,
  undo → screen   and the same for the undo of it, and for the pause of a short Run,
                  with each Learn tab in front (the walk started and standing at a hidden layer's sum),
                  on the largest allowed network (32 inputs, 8 layers of 32) and on seed 004.
  baseline        the same window with the walk-through computing its whole walk at every change, as it
                  did before it wrote only the shown step's unit (WalkPanel.make_walk = core walk()),
                  measured in the same run.
"""
from __future__ import annotations

import os
import statistics
import sys
import time

os.environ["QT_QPA_PLATFORM"] = "offscreen"
QUICK = "--quick" in sys.argv
TARGET_MS = 100.0
TABS = ("walk", "derive", "exercises", "source", "grad check")


def window(project):
    from backprop_lab.gui.app import build_window, make_app
    app = make_app()
    w = build_window(project)
    w.resize(1280, 800)
    w.show()
    for _ in range(3):
        app.processEvents()
    return app, w


def timed(app, act) -> float:
    t0 = time.perf_counter()
    act()
    app.processEvents()           # the repaint of every view that changed
    return time.perf_counter() - t0


def stand_in_hidden_layer(w, app) -> None:
    """The walk started and moved to the first hidden layer's sum (the deepest-reaching step of an edit)."""
    p = w.teaching.widget(0)
    if not p.active:
        p.start()
    first = next(k for k in range(len(p.steps)) if p.steps[k].phase == "hidden")
    p.go(first + 1)
    app.processEvents()


def tab_times(w, app, tab: int, repeats: int) -> tuple[float, float]:
    """(edit → screen, undo → screen) medians with Learn tab `tab` in front."""
    s = w.session
    w.teaching.setCurrentIndex(tab)
    app.processEvents()
    if tab == 0:
        stand_in_hidden_layer(w, app)
    key = ("W", 1, 0, 0)
    base = s.value(key)
    edits, undos = [], []
    for k in range(repeats):
        edits.append(timed(app, lambda: s.edit_param(key, base + 0.001 * (k + 1))))
        undos.append(timed(app, s.undo))
    return statistics.median(edits), statistics.median(undos)


def pause_time(w, app, repeats: int) -> float:
    """A short Run paused: from the click on Pause until the walk (in front) shows the paused state."""
    s = w.session
    w.teaching.setCurrentIndex(0)
    stand_in_hidden_layer(w, app)
    times = []
    for _ in range(repeats):
        s.run()
        t0 = time.perf_counter()
        while s.step_count == 0 or time.perf_counter() - t0 < 0.3:
            app.processEvents()
        times.append(timed(app, s.pause))
    return statistics.median(times)


def measure(project, repeats: int, whole: bool) -> dict[str, float]:
    from backprop_lab.core.teaching.walkthrough import LazyWalk, walk
    from backprop_lab.gui.teaching.walk_panel import WalkPanel
    WalkPanel.make_walk = walk if whole else LazyWalk        # type: ignore[assignment]
    app, w = window(project)
    out = {}
    for tab, name in enumerate(TABS):
        if whole and tab:        # the baseline differs only while the walk is made (it is refreshed when seen)
            break
        out[f"edit, {name}"], out[f"undo, {name}"] = tab_times(w, app, tab, repeats)
    out["pause, walk"] = pause_time(w, app, max(1, repeats // 2))
    w.close_without_asking()
    WalkPanel.make_walk = LazyWalk
    return out


def main() -> None:
    sys.path.insert(0, os.path.dirname(__file__))
    from latency_bench import largest_project

    from backprop_lab.core.io import presets
    big, small = (3, 7) if QUICK else (5, 21)
    rows = []
    for label, project, repeats in (("largest 32-(32×8)", largest_project(), big),
                                    ("seed004", presets.resolve("seed004"), small)):
        before = measure(project, max(2, repeats // 2), whole=True)
        after = measure(project, repeats, whole=False)
        rows += [(label, what, before.get(what), ms) for what, ms in after.items()]
    print(f"{'network':<20}{'what':<22}{'whole walk (before)':>22}{'lazy (now)':>12}  ratio   ≤ {TARGET_MS:.0f} ms")
    for label, what, b, a in rows:
        was = f"{b * 1000:,.1f} ms" if b is not None else "-"
        ratio = f"{b / a:6.1f}×" if b is not None else "      "
        ok = "yes" if a * 1000 <= TARGET_MS else "NO"
        print(f"{label:<20}{what:<22}{was:>22}{a * 1000:>9,.1f} ms  {ratio}  {ok}")
    print(f"load {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs")


if __name__ == "__main__":
    main()
