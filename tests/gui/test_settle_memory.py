"""The window's start-up objects are out of the garbage collector's reach once it runs (a full
collection walking them held the event loop ~35 ms in the middle of long work)."""
from __future__ import annotations

import gc

from backprop_lab.gui import app as app_module


def test_run_freezes_what_start_up_made(monkeypatch, qapp):
    from backprop_lab.core.io.presets import load_preset
    monkeypatch.setattr(type(qapp), "exec", lambda self: 0)
    monkeypatch.setattr("backprop_lab.gui.tour.first_launch", lambda window: False)
    gc.unfreeze()
    try:
        assert app_module.run(load_preset("seed004"), lang="en") == 0
        frozen = gc.get_freeze_count()
        window = next(w for w in qapp.topLevelWidgets() if type(w).__name__ == "MainWindow")
        # what start-up made is frozen; a full collection walks only what came after
        assert frozen > 10_000
        assert len(gc.get_objects(generation=2)) < frozen // 10
        window.close()
        window.deleteLater()
    finally:
        gc.unfreeze()
