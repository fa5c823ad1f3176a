"""ziamath's import (about 0.3 s) is done on a thread of its own as soon as a typesetter is made, so
that the first formula typeset (the walk's numbers after an edit or a pause) does not hold the window
for it (issue 8: the window answers within 100 ms); a formula asked for meanwhile waits for it and is
typeset as before."""
import sys
import threading
import time

from backprop_lab.gui.teaching import typeset, ziamath_load


def test_ziamath_is_imported_off_the_window_thread_and_formulas_are_typeset(qtbot, monkeypatch):
    importers = []

    class Seen(list):
        def append(self, module):
            importers.append(threading.current_thread())
            super().append(module)
    monkeypatch.setattr(ziamath_load, "_ZIAMATH", Seen())         # as in a fresh process
    monkeypatch.setattr(ziamath_load, "_PRELOADING", [])
    for name in [m for m in sys.modules if m == "ziamath" or m.startswith("ziamath.")]:
        monkeypatch.delitem(sys.modules, name)
    ts = typeset.Typesetter()
    qtbot.waitUntil(lambda: bool(importers), timeout=20000)
    assert importers == [ziamath_load._PRELOADING[0]] and importers[0] is not threading.main_thread()
    key = ts.key(rf"h_{{1}} = {time.time_ns()}", 16.0, "#000000")       # on no disk cache yet
    assert ts.renderer(key) is not None and ts.count == 1
    assert importers == [ziamath_load._PRELOADING[0]]            # imported once
