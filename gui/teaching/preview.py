"""Preview the teaching panels alone: `python -m backprop_lab.gui.teaching.preview [PRESET] [--tab N] [--select KEY]
[--screenshot PATH] [--measure]`. --measure times an edit → refresh of the whole main window with the
derivation view open (minimum of many runs) and prints it."""
from __future__ import annotations

import argparse
import os
import sys
import time


def main(argv=None) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("preset", nargs="?", default="seed004")
    ap.add_argument("--tab", type=int, default=1)
    ap.add_argument("--select", default="")
    ap.add_argument("--steps", type=int, default=0, help="walk-through: press Next this many times")
    ap.add_argument("--matrix", action="store_true")
    ap.add_argument("--screenshot", default="")
    ap.add_argument("--size", default="760x560")
    ap.add_argument("--measure", action="store_true")
    ap.add_argument("--window", action="store_true", help="the whole main window, teaching dock raised")
    ap.add_argument("--lang", default="en")
    args = ap.parse_args(argv)
    if args.screenshot or args.measure:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from backprop_lab.core.io import presets
    from backprop_lab.gui.app import make_app
    from backprop_lab.gui.session import Session

    from . import teaching_tabs
    from .typeset import flush
    app = make_app()
    if args.lang != "en":
        from backprop_lab.gui.app import install_translations
        install_translations(app, args.lang)
    if args.measure:
        return measure(args.preset)
    if args.window:
        return window_shot(args)
    session = Session(presets.resolve(args.preset))
    if args.select:
        session.select(tuple(int(p) if p.isdigit() else p for p in args.select.split(",")))
    tabs = teaching_tabs(session)
    w, h = (int(v) for v in args.size.split("x"))
    tabs.resize(w, h)
    tabs.setCurrentIndex(args.tab)
    tabs.show()
    panel = tabs.currentWidget()
    if args.matrix and hasattr(panel, "matrix_toggle"):
        panel.matrix_toggle.setChecked(True)
    if args.steps and hasattr(panel, "go"):
        panel.go(args.steps)
    app.processEvents()
    flush()
    app.processEvents()
    if args.screenshot:
        ok = tabs.grab().save(args.screenshot, "PNG")
        return 0 if ok else 1
    return app.exec()


def window_shot(args) -> int:
    from PySide6.QtWidgets import QApplication, QTabWidget

    from backprop_lab.core.io import presets
    from backprop_lab.gui.app import SCREEN_SIZE, build_window

    from .typeset import flush
    app = QApplication.instance()
    assert app is not None, "called from main(), which made the application"
    win = build_window(presets.resolve(args.preset))
    win.resize(*SCREEN_SIZE)
    win.show()
    tabs = win.findChild(QTabWidget, "teachingTabs")
    tabs.setCurrentIndex(args.tab)
    if args.select:
        win.session.select(tuple(int(p) if p.lstrip("-").isdigit() else p for p in args.select.split(",")))
    panel = tabs.currentWidget()
    if args.matrix and hasattr(panel, "matrix_toggle"):
        panel.matrix_toggle.setChecked(True)
    if args.steps and hasattr(panel, "go"):
        panel.go(args.steps)
    for _ in range(3):
        app.processEvents()
        flush()
    ok = win.grab().save(args.screenshot, "PNG") if args.screenshot else True
    win.close_without_asking()
    return 0 if ok else 1


def measure(preset: str, runs: int = 60) -> int:
    """Edit → refresh of the whole window, with and without the derivation view showing."""
    from PySide6.QtWidgets import QApplication, QTabWidget

    from backprop_lab.core.io import presets
    from backprop_lab.gui.app import build_window

    from .typeset import flush
    app = QApplication.instance()
    assert app is not None, "called from main(), which made the application"
    win = build_window(presets.resolve(preset))
    win.resize(1280, 800)
    win.show()
    s = win.session
    key = ("W", 1, 0, 0)
    s.select(key)
    app.processEvents()
    tabs = win.findChild(QTabWidget, "teachingTabs")
    results = {}
    for label, tab in (("derivation tab shown", 1), ("walk-through tab shown (walk active)", 0),
                       ("teaching dock hidden", None)):
        if tabs is not None:
            dock = tabs.parentWidget()
            while dock is not None and not dock.inherits("QDockWidget"):
                dock = dock.parentWidget()
            if tab is None and dock is not None:
                dock.hide()
            else:
                if dock is not None:
                    dock.show()
                    dock.raise_()
                tabs.setCurrentIndex(tab)
                if tab == 0:
                    tabs.currentWidget().start()
        app.processEvents()
        flush()
        app.processEvents()
        v0 = s.value(key)
        times, painted = [], []
        for n in range(runs):
            t = time.perf_counter()
            s.edit_param(key, v0 + 0.001 * (n % 7 + 1))
            times.append((time.perf_counter() - t) * 1000)
            win.repaint()                 # the whole window painted with the new numbers
            painted.append((time.perf_counter() - t) * 1000)
            app.processEvents()
        times.sort()
        painted.sort()
        results[label] = (times[0], times[len(times) // 2], painted[0], painted[len(painted) // 2])
    base, base_p = results["teaching dock hidden"][0], results["teaching dock hidden"][2]
    for label, (best, median, p_best, p_median) in results.items():
        print(f"{preset}, {label}: edit → every view updated min {best:.2f} ms (median {median:.2f}), "
              f"{best / base:.2f}× without the teaching dock; + whole window repainted min {p_best:.2f} ms "
              f"(median {p_median:.2f}), {p_best / base_p:.2f}×")
    win.close_without_asking()
    return 0


if __name__ == "__main__":
    sys.exit(main())
