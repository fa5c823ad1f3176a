"""Looks for a widget destroyed while the focus moves to it or from it. Stop 15's one storm segfault was
in QWidget::setFocus just after the FocusOut it sends: a layer size typed into the architecture panel was
applied by that FocusOut, and the new shape deleted the weight table Qt was giving the focus to
(tests/gui/test_focus_rebuild.py). Runs the storm (tests/gui/storm.py) with a QApplication that watches
every focus event: the widgets it goes to and from must outlive the event. Prints the Python stack that
destroyed one, and the count, which must be 0.

    QT_QPA_PLATFORM=offscreen .venv/bin/python tests/bench/focus_probe.py SEED [EVENTS]
"""
from __future__ import annotations

import faulthandler
import os
import random
import sys
import traceback
import warnings
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "gui"))


def main() -> int:
    seed = int(sys.argv[1])
    events = int(sys.argv[2]) if len(sys.argv) > 2 else 3000
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    faulthandler.enable(all_threads=True)
    warnings.simplefilter("error")
    import shiboken6
    from PySide6.QtCore import QCoreApplication, QEvent, QStandardPaths
    from PySide6.QtWidgets import QApplication
    QStandardPaths.setTestModeEnabled(True)
    found: list[str] = []

    class ProbeApp(QApplication):
        def notify(self, receiver, event):
            kind = event.type()
            if kind not in (QEvent.Type.FocusOut, QEvent.Type.FocusIn, QEvent.Type.FocusAboutToChange):
                return super().notify(receiver, event)
            target = QApplication.focusWidget()
            watched = []
            for w in {id(x): x for x in (target, receiver) if x is not None}.values():
                label = f"{type(w).__name__} {w.objectName()!r}"

                def gone(_obj=None, label=label, kind=kind, recv=type(receiver).__name__):
                    found.append(f"{label} destroyed during {kind.name} sent to {recv}:\n"
                                 + "".join(traceback.format_stack()[-25:]))
                    print(found[-1], file=sys.stderr, flush=True)
                w.destroyed.connect(gone)
                watched.append((w, gone))
            try:
                return super().notify(receiver, event)
            finally:
                for w, gone in watched:
                    if shiboken6.isValid(w):
                        w.destroyed.disconnect(gone)

    from storm import Storm, check_consistent, open_storm_window, patch_dialogs

    from backprop_lab.gui.app import install_translations
    app = ProbeApp([])
    QCoreApplication.setOrganizationName("BackpropLab")
    QCoreApplication.setApplicationName("Backprop Lab storm")
    install_translations(app, "en")
    patch_dialogs(random.Random(seed * 7919), setattr)
    window = open_storm_window()
    tally = Storm(window, seed).run(events)
    print(f"seed {seed}: {tally.events} events, {len(tally.exceptions)} exceptions, "
          f"{len(tally.warnings)} warnings, {len(check_consistent(window))} inconsistent, "
          f"{len(found)} destroyed in a focus change", flush=True)
    for text in tally.exceptions[:3] + tally.warnings[:3]:
        print(text, file=sys.stderr)
    sys.stdout.flush()
    os._exit(1 if found or tally.exceptions or tally.warnings else 0)   # no orderly shutdown needed


if __name__ == "__main__":
    sys.exit(main())
