"""Benchmark of the edit path on the largest allowed network (issue 8: the window answers within 100 ms);
a script, not a test: `QT_QPA_PLATFORM=offscreen python tests/bench/edit_path_bench.py [--quick]`.

  edit, undo, pause   a weight typed into the session (and its undo; the pause of a short Run) until the
                      window has repainted: CPU time (time.thread_time: a loaded machine does not inflate
                      it), p50 and max over the repeats, the Learn dock's walk in front at a hidden layer
  Run turn            the CPU of each event-loop turn while Run goes as fast as it goes
  parts               what each part's own refresh takes of it (p50 per action, nested parts not counted
                      twice); "other" is the rest: Qt's layout and repaint, the undo stack, the run loop
  without diagram     the same, the diagram detached (not refreshed nor painted): what gui/diagram does
                      not own, measured in the same run
Compare two trees by running it in each, one after the other, on the same machine (A/B, A/B).
"""
from __future__ import annotations

import os
import statistics
import sys
import time
from collections import defaultdict

os.environ["QT_QPA_PLATFORM"] = "offscreen"
QUICK = "--quick" in sys.argv
TARGET_MS = 100.0
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from latency_bench import largest_project, window  # noqa: E402
from walk_bench import stand_in_hidden_layer  # noqa: E402

spent: dict[str, float] = defaultdict(float)
_stack: list[list[float]] = []       # [start, time of nested parts] of each part running


def timed(label: str, f):
    def part(*args, **kwargs):
        _stack.append([time.thread_time(), 0.0])
        try:
            return f(*args, **kwargs)
        finally:
            start, nested = _stack.pop()
            total = time.thread_time() - start
            spent[label] += total - nested
            if _stack:
                _stack[-1][1] += total
    return part


def parts() -> list[tuple[str, type, str]]:
    from backprop_lab.gui import commands
    from backprop_lab.gui.diagram.scene import NetworkScene
    from backprop_lab.gui.panels.controls import TrainingControls
    from backprop_lab.gui.panels.loss_plot import LossPlot
    from backprop_lab.gui.panels.model_base import SessionModel
    from backprop_lab.gui.panels.selected import SelectedPanel
    from backprop_lab.gui.panels.status import StatusBar
    from backprop_lab.gui.session import Session
    from backprop_lab.gui.teaching.typeset import Typesetter
    from backprop_lab.gui.teaching.walk_panel import WalkPanel
    return [("diagram", NetworkScene, "refresh"), ("loss plot", LossPlot, "_changed"),
            ("loss plot", LossPlot, "_training"), ("walk", WalkPanel, "on_changed"),
            ("walk", WalkPanel, "refresh"), ("typesetting", Typesetter, "_work"),
            ("tables", SessionModel, "numbers_changed"), ("selected", SelectedPanel, "refresh"),
            ("status, controls", StatusBar, "refresh"), ("status, controls", TrainingControls, "refresh"),
            ("session recompute", Session, "_recompute"), ("edit check", commands.EditParam, "check"),
            ("undo entry", commands.Steps, "__init__")]


def instrument() -> None:
    for label, cls, name in parts():
        setattr(cls, name, timed(label, getattr(cls, name)))


def cpu(app, act) -> tuple[float, dict[str, float]]:
    spent.clear()
    t0 = time.thread_time()
    act()
    app.processEvents()
    return time.thread_time() - t0, dict(spent)


def detach_diagram(w) -> None:
    """The diagram neither refreshes nor paints: the rest of the window is measured."""
    w.session.changed.disconnect(w.diagram.diagram.refresh)
    w.diagram.setUpdatesEnabled(False)


def actions(w, app, repeats: int) -> dict[str, list[tuple[float, dict]]]:
    s = w.session
    w.teaching.setCurrentIndex(0)
    stand_in_hidden_layer(w, app)
    key = ("W", 1, 0, 0)
    base = s.value(key)
    out: dict[str, list] = defaultdict(list)
    for k in range(repeats):
        out["edit"].append(cpu(app, lambda: s.edit_param(key, base + 0.001 * (k + 1))))
        settle(app, 0.3)
        out["undo"].append(cpu(app, s.undo))
        settle(app, 0.3)
    for _ in range(max(2, repeats // 2)):
        s.run()
        settle(app, 0.3)
        out["pause"].append(cpu(app, s.pause))
        settle(app, 0.5)
    return out


def settle(app, seconds: float) -> None:
    t0 = time.perf_counter()
    while time.perf_counter() - t0 < seconds:
        app.processEvents()


def run_turns(w, app, seconds: float) -> list[tuple[float, dict]]:
    s = w.session
    w.controls.pace.speed.setValue(w.controls.pace.speed.maximum())      # as fast as it goes
    s.run()
    turns = []
    t0 = time.perf_counter()
    while time.perf_counter() - t0 < seconds:
        turns.append(cpu(app, lambda: None))
    s.pause()
    app.processEvents()
    return [t for t in turns if t[0] > 0.002]


def measure(detached: bool, repeats: int, seconds: float) -> dict[str, list[tuple[float, dict]]]:
    app, w = window(largest_project())
    if detached:
        detach_diagram(w)
    out = actions(w, app, repeats)
    out["Run turn"] = run_turns(w, app, seconds)
    w.close_without_asking()
    return out


def report(title: str, out: dict[str, list[tuple[float, dict]]]) -> list[str]:
    rows = [title]
    for what, runs in out.items():
        totals = [t * 1000 for t, _ in runs]
        labels = sorted({k for _, d in runs for k in d})
        p = {k: statistics.median([d.get(k, 0.0) * 1000 for _, d in runs]) for k in labels}
        split = ", ".join(f"{k} {v:.1f}" for k, v in sorted(p.items(), key=lambda kv: -kv[1]) if v >= 0.1)
        ok = "yes" if max(totals) <= TARGET_MS else "NO"
        rows.append(f"  {what:<9} p50 {statistics.median(totals):7.1f} ms  max {max(totals):7.1f} ms  "
                    f"(n={len(totals)}) ≤ {TARGET_MS:.0f} ms: {ok:<3}  parts p50: {split}")
    return rows


def main() -> None:
    from PySide6.QtCore import QStandardPaths
    QStandardPaths.setTestModeEnabled(True)
    instrument()
    repeats, seconds = (4, 3.0) if QUICK else (10, 8.0)
    rows = [f"load {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs at the start; CPU time per action"]
    rows += report("largest 32-(32×8), the whole window:", measure(False, repeats, seconds))
    rows += report("largest 32-(32×8), the diagram detached:", measure(True, repeats, seconds))
    rows.append(f"load {os.getloadavg()[0]:.1f} at the end")
    print("\n".join(rows))


if __name__ == "__main__":
    main()
