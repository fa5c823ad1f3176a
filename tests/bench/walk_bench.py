"""Benchmark of the Learn dock after an edit (issue 8: the window answers within 100 ms); a script, not a
test: `QT_QPA_PLATFORM=offscreen python tests/bench/walk_bench.py [--quick]`.

  edit → screen   a weight typed into the session until every view has repainted, median of the repeats,
  undo → screen   and the same for the undo of it, and for the pause of a short Run,
                  with each Learn tab in front (the walk started and standing at a hidden layer's sum),
                  on the largest allowed network (32 inputs, 8 layers of 32) and on seed 004.
  gap             the longest the event loop then kept a 10 ms timer waiting within the second after an
                  edit (what is deferred, e.g. typesetting, counts here)
  baseline        the same window with the walk-through computing its whole walk at every change, as it
                  did before it wrote only the shown step's unit (WalkPanel.make_walk = core walk()),
                  measured in the same run; and, without the window, what the exercises and the
                  derivation's names cost before (every exercise with its mistakes from the whole walk; a
                  regex of every name) against now (one exercise; names looked up).
  first show      the CPU time of opening the Exercises tab in a new window: every exercise made (as
                  before) against the one it shows (the rows are named a run at a time afterwards)
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
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from latency_bench import largest_project, window  # noqa: E402  (the benches' one window and largest net)


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


def gap_after(app, seconds: float = 1.0) -> float:
    """The longest a 10 ms timer waited past its time while the event loop ran for `seconds`."""
    from latency_bench import Lateness
    late = Lateness()
    late.start()
    t0 = time.perf_counter()
    while time.perf_counter() - t0 < seconds:
        app.processEvents()
    late.timer.stop()
    return max(late.late or [0.0]) / 1000


def tab_times(w, app, tab: int, repeats: int) -> tuple[float, float, float, float]:
    """(showing the tab, edit → screen, undo → screen, the longest gap after an edit) with Learn tab
    `tab` in front: medians, the gap's worst."""
    s = w.session
    show = timed(app, lambda: w.teaching.setCurrentIndex(tab))
    if tab == 0:
        stand_in_hidden_layer(w, app)
    key = ("W", 1, 0, 0)
    base = s.value(key)
    edits, undos, gaps = [], [], []
    for k in range(repeats):
        edits.append(timed(app, lambda: s.edit_param(key, base + 0.001 * (k + 1))))
        gaps.append(gap_after(app))
        undos.append(timed(app, s.undo))
    return show, statistics.median(edits), statistics.median(undos), max(gaps)


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


def submit_time(w, app, repeats: int) -> float:
    """An edit, then an answer checked (the exercise made from the new state)."""
    s, p = w.session, w.teaching.widget(2)
    key = ("W", 1, 0, 0)
    base = s.value(key)
    times = []
    for k in range(repeats):
        s.edit_param(key, base + 0.002 * (k + 1))
        app.processEvents()
        p.answer.setText("0.1")
        times.append(timed(app, p.submit))
        s.undo()
        app.processEvents()
    return statistics.median(times)


def core_times(project, repeats: int) -> list[tuple[str, float, float]]:
    """(what, before, now) without the window: the exercises after an edit and the derivation's names."""
    import re

    from backprop_lab.core.teaching.exercises import exercise_order, exercises
    from backprop_lab.gui.teaching.texnames import TexNames
    net, x, y, st = project.net, project.data.X[0], project.data.Y[0], project.settings
    order = exercise_order(project)

    def best(act) -> float:
        times = []
        for _ in range(repeats):
            t0 = time.perf_counter()
            act()
            times.append(time.perf_counter() - t0)
        return min(times)
    old_ex = best(lambda: exercises(net, x, y, st, order))
    new_ex = best(lambda: exercises(net, x, y, st, order[:1]))
    names = sorted(TexNames(net).table, key=len, reverse=True)

    def old_names():
        re.purge()      # the regex module caches compiled patterns: each shape change compiled it anew
        TexNames(net)
        re.compile(r"(?<![\w\]])(" + "|".join(map(re.escape, names)) + r")(?![\w\[])")
    return [("exercises: all vs the answered", old_ex, new_ex),
            ("derivation names (Derive shown)", best(old_names), best(lambda: TexNames(net)))]


def _eager_build(self) -> None:
    """The Exercises tab as it was: every exercise made when the tab is first shown."""
    from backprop_lab.core.teaching.exercises import exercise_order, exercises
    from backprop_lab.gui.teaching.widgets import walk_sample, walk_velocity
    s, k = self.session, walk_sample(self.session)
    if self._order is None:
        self._order = exercise_order(self._project(), sample=k)
        self.set_id = s.project.name or "project"
        self._load_progress()
    self.items = exercises(s.named_net, s.data.X[k], s.data.Y[k], s.settings, self._order,
                           velocity=walk_velocity(s), set_id=self.set_id, mistakes=False)


def first_show_cpu(project, repeats: int) -> list[tuple[str, float, float]]:
    """(what, before, now): CPU time (thread_time) of the Exercises tab's first show, in a new window each
    time, the eager build and the lazy one alternating."""
    from backprop_lab.gui.teaching.exercise_panel import ExercisePanel
    lazy = ExercisePanel._build
    times: dict[bool, list[float]] = {True: [], False: []}
    for _ in range(repeats):
        for eager in (True, False):
            ExercisePanel._build = _eager_build if eager else lazy      # type: ignore[method-assign]
            app, w = window(project)
            t0 = time.thread_time()
            w.teaching.setCurrentIndex(2)
            times[eager].append(time.thread_time() - t0)
            w.close_without_asking()
    ExercisePanel._build = lazy          # type: ignore[method-assign]
    return [("first show, exercises (CPU)", statistics.median(times[True]), statistics.median(times[False]))]


def measure(project, repeats: int, whole: bool) -> dict[str, float]:
    from backprop_lab.core.teaching.walkthrough import LazyWalk, walk
    from backprop_lab.gui.teaching.walk_panel import WalkPanel
    WalkPanel.make_walk = walk if whole else LazyWalk        # type: ignore[assignment]
    app, w = window(project)
    out = {}
    for tab, name in enumerate(TABS):
        if whole and tab:        # the baseline differs only while the walk is made (it is refreshed when seen)
            break
        out[f"show tab, {name}"], out[f"edit, {name}"], out[f"undo, {name}"], out[f"gap after edit, {name}"] = \
            tab_times(w, app, tab, repeats)
        if tab == 2:
            out["edit + Check, exercises"] = submit_time(w, app, repeats)
    out["pause, walk"] = pause_time(w, app, max(1, repeats // 2))
    w.close_without_asking()
    WalkPanel.make_walk = LazyWalk
    return out


def main() -> None:
    from backprop_lab.core.io import presets
    big, small = (3, 7) if QUICK else (5, 21)
    rows = []
    for label, project, repeats in (("largest 32-(32×8)", largest_project(), big),
                                    ("seed004", presets.resolve("seed004"), small)):
        before = measure(project, max(2, repeats // 2), whole=True)
        after = measure(project, repeats, whole=False)
        rows += [(label, what, before.get(what), ms) for what, ms in after.items()]
        rows += [(label, what, b, a) for what, b, a in core_times(project, 3)]
        rows += [(label, what, b, a) for what, b, a in first_show_cpu(project, 3)]
    print(f"{'network':<20}{'what':<34}{'before':>12}{'now':>12}  ratio   ≤ {TARGET_MS:.0f} ms")
    for label, what, b, a in rows:
        was = f"{b * 1000:,.1f} ms" if b is not None else "-"
        ratio = f"{b / a:6.1f}×" if b is not None else "      "
        ok = "yes" if a * 1000 <= TARGET_MS else "NO"
        print(f"{label:<20}{what:<34}{was:>12}{a * 1000:>9,.1f} ms  {ratio}  {ok}")
    print(f"load {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs")


if __name__ == "__main__":
    main()
