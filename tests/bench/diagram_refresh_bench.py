"""Benchmark: the diagram's refresh after training steps, the diagram before issue 8's restyle-what-changed
against now, in the same run; a script, not a test:

    QT_QPA_PLATFORM=offscreen python tests/bench/diagram_refresh_bench.py [--rounds N] [--base COMMIT] [--quick]

For the largest allowed network (32 inputs, 8 layers of 32: 8,192 edges) and seed 004, each shown in a
NetworkView of 1280 × 800: after Step (1 step), after a Run tick's worth of steps (20) and after a typed
weight that becomes the largest (every edge's width moves: the worst case), the CPU time
(time.thread_time) of the scene's refresh and of the repaint that follows it, median and max over the
rounds. "before" is gui/diagram as it was at COMMIT (default: the commit before this work, read from
git into a package of its own), driven by its own session on the same project and the same steps.
Then Run on the largest net in the main window with each diagram (10 s, --quick 4 s): how late a 10 ms
timer fires (latency_bench's probe), and the CPU of each diagram refresh and of each of the view's
paint events.
"""
from __future__ import annotations

import importlib
import importlib.util
import os
import statistics
import subprocess
import sys
import tempfile
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from latency_bench import largest_project  # noqa: E402  (the benches' one largest net)

BASE = "4bb9350"         # main before the diagram restyled only what changed
ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def diagram_at(commit: str):
    """gui/diagram as it was at `commit`, imported as backprop_lab.gui.diagram_before (its relative
    imports of the rest of gui/ find today's modules)."""
    name = "backprop_lab.gui.diagram_before"
    folder = tempfile.mkdtemp(prefix="diagram_before_")
    files = subprocess.run(["git", "-C", ROOT, "ls-tree", "--name-only", commit, "gui/diagram/"],
                           check=True, capture_output=True, text=True).stdout.split()
    for path in files:
        text = subprocess.run(["git", "-C", ROOT, "show", f"{commit}:{path}"], check=True,
                              capture_output=True, text=True).stdout
        with open(os.path.join(folder, os.path.basename(path)), "w") as f:
            f.write(text)
    spec = importlib.util.spec_from_file_location(name, os.path.join(folder, "__init__.py"),
                                                  submodule_search_locations=[folder])
    assert spec is not None and spec.loader is not None
    package = importlib.util.module_from_spec(spec)
    sys.modules[name] = package
    spec.loader.exec_module(package)
    return importlib.import_module(name + ".view")


def seed004():
    from backprop_lab.core.io import presets
    return presets.resolve("seed004")


def shown(view_module, project, app):
    from backprop_lab.gui.session import Session
    session = Session(project)
    view = view_module.NetworkView(session)
    view.resize(1280, 800)
    view.show()
    for _ in range(3):
        app.processEvents()
    scene = view.diagram
    session.changed.disconnect(scene.refresh)        # refreshed by hand below, to be timed alone
    return session, view, scene


def measure(app, session, scene, steps: int) -> tuple[float, float]:
    """(refresh ms, repaint ms) of CPU for one refresh after `steps` steps, or (steps < 0) after an edit
    of the first weight to -0.9 or 0.9 in turn (the largest weight then: every edge's width moves)."""
    if steps < 0:
        key = ("W", 1, 0, 0)
        session.edit_param(key, -0.9 if session.value(key) > 0 else 0.9)
    else:
        session.step(steps)
    t0 = time.thread_time()
    scene.refresh()
    t1 = time.thread_time()
    app.processEvents()
    return 1000 * (t1 - t0), 1000 * (time.thread_time() - t1)


def timed_view(view_module, spent: dict):
    """The module's NetworkView, its refresh and its paint events timed (CPU ms, into spent)."""
    class TimedView(view_module.NetworkView):
        def __init__(self, session, parent=None):
            super().__init__(session, parent)
            scene = self.diagram
            session.changed.disconnect(scene.refresh)
            session.changed.connect(lambda: clock(spent["refresh"], scene.refresh))

        def paintEvent(self, event):
            clock(spent["paint"], lambda: super(TimedView, self).paintEvent(event))
    return TimedView


def clock(into: list, act) -> None:
    t0 = time.thread_time()
    act()
    into.append(1000 * (time.thread_time() - t0))


def run_largest(view_module, seconds: float) -> tuple[tuple, dict, int]:
    """Run on the largest net in the main window with this diagram: the event loop's lateness
    (latency_bench's probe) and the diagram's refresh and paint times."""
    from latency_bench import probe, window

    from backprop_lab.gui import main_window
    spent: dict = {"refresh": [], "paint": []}
    made = main_window.diagram_for
    main_window.diagram_for = lambda session, parent: timed_view(view_module, spent)(session, parent)
    try:
        app, w = window(largest_project())
    finally:
        main_window.diagram_for = made
    w.controls.pace.speed.setValue(w.controls.pace.speed.maximum())
    for k in spent:
        spent[k].clear()
    w.controls.run_button.click()
    t0 = time.perf_counter()
    late = probe(app, lambda: time.perf_counter() - t0 > seconds, seconds + 1)
    w.controls.run_button.click()
    steps = w.session.step_count
    w.close_without_asking()
    return late.summary(), spent, steps


def run_rows(before, now, seconds: float) -> None:
    print(f"Run on the largest net for {seconds:.0f} s in the main window (1280 × 800), as fast as it goes:")
    for which, module in (("before", before), ("now", now)):
        (p50, p99, mx, n), spent, steps = run_largest(module, seconds)
        r, p = spent["refresh"] or [0.0], spent["paint"] or [0.0]
        print(f"  {which:7s} event loop late p50 {p50:6.1f} p99 {p99:6.1f} max {mx:6.1f} ms ({n} ticks, {steps:,} "
              f"steps); diagram refresh median {statistics.median(r):5.1f} max {max(r):5.1f} ms ({len(r)}), "
              f"paint median {statistics.median(p):5.1f} max {max(p):5.1f} ms ({len(p)})")


def main(argv=None) -> int:
    from PySide6.QtWidgets import QApplication
    argv = sys.argv[1:] if argv is None else argv
    rounds = int(argv[argv.index("--rounds") + 1]) if "--rounds" in argv else 30
    base = argv[argv.index("--base") + 1] if "--base" in argv else BASE
    app = QApplication.instance() or QApplication(sys.argv[:1])
    before = diagram_at(base)
    from backprop_lab.gui.diagram import view as now
    print(f"diagram refresh after steps: CPU ms, median / max of {rounds}; before = gui/diagram at {base}")
    print(f"{'net':8s} {'steps':>5s} {'':7s} {'refresh':>15s} {'repaint':>15s} {'total':>15s} {'before/now':>10s}")
    for label, make in (("largest", largest_project), ("seed004", seed004)):
        pairs = {which: shown(module, make(), app) for which, module in (("before", before), ("now", now))}
        for steps in (1, 20, -1):
            got: dict[str, list[tuple[float, float]]] = {"before": [], "now": []}
            for _ in range(rounds):
                for which, (session, _view, scene) in pairs.items():      # interleaved: the same load
                    got[which].append(measure(app, session, scene, steps))
            medians = {}
            for which, rows in got.items():
                refresh, repaint = [r[0] for r in rows], [r[1] for r in rows]
                total = [a + b for a, b in rows]
                medians[which] = statistics.median(total)
                cells = " ".join(f"{statistics.median(v):7.2f}/{max(v):7.2f}" for v in (refresh, repaint, total))
                ratio = f"{medians['before'] / max(medians['now'], 1e-6):10.1f}" if which == "now" else ""
                print(f"{label:8s} {steps if steps > 0 else 'edit':>5} {which:7s} {cells} {ratio}")
            a, b = pairs["before"][0], pairs["now"][0]
            assert (a.net.theta == b.net.theta).all(), "the two sessions trained apart"
        for _session, view, _scene in pairs.values():
            view.close()
    run_rows(before, now, 4.0 if "--quick" in argv else 10.0)
    print(f"load average: {os.getloadavg()[0]:.1f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
