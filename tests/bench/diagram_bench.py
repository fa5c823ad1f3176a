"""Benchmark: a weight edit until the diagram has repainted, against the session alone in the same run.

    QT_QPA_PLATFORM=offscreen python tests/bench/diagram_bench.py [NET ...]

For each net: the median time of session.edit_param alone (the baseline: core recomputes, no view),
then with the diagram shown (recompute, item refresh, and the repaint of what changed), and their
difference: the diagram's own share of the edit-to-screen time (target: the total under 16 ms).
"""
from __future__ import annotations

import statistics
import sys
import time


def _median_ms(session, app, rounds: int) -> float:
    key = ("W", 1, 0, 0)
    times = []
    for k in range(rounds):
        t0 = time.perf_counter()
        session.edit_param(key, (0.1, 0.9)[k % 2])     # alternate, so every number on screen changes
        for _ in range(4):                              # refresh → dirty regions → paint
            app.processEvents()
        times.append(time.perf_counter() - t0)
    return 1000 * statistics.median(times)


def main(argv=None) -> int:
    from PySide6.QtWidgets import QApplication

    from backprop_lab.gui.diagram.view import NetworkView, _project_for
    from backprop_lab.gui.session import Session

    names = (argv if argv is not None else sys.argv[1:]) or ["seed004", "seed000", "4-16-16-3"]
    app = QApplication.instance() or QApplication(sys.argv[:1])
    print(f"{'net':12s} {'session ms':>10s} {'+diagram ms':>12s} {'diagram share':>14s}")
    for name in names:
        bare = Session(_project_for(name))
        base = _median_ms(bare, app, 40)
        session = Session(_project_for(name))
        view = NetworkView(session)
        view.resize(900, 620)
        view.show()
        app.processEvents()
        full = _median_ms(session, app, 40)
        view.close()
        print(f"{name:12s} {base:10.2f} {full:12.2f} {full - base:14.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
