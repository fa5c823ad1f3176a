"""For a classroom, driven by the keys a teacher presses: Ctrl+= / Ctrl+− / Ctrl+0 zoom the panels'
text, the diagram, the formulas and the plot together; F11 is full screen; no key is bound twice (a
key bound twice is ambiguous in Qt and does nothing)."""
from collections import Counter

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication

from backprop_lab.gui import zoom
from backprop_lab.gui.teaching import typeset
from backprop_lab.gui.teaching.typeset import MathView


@pytest.fixture
def zoomed_window(window):
    yield window
    window.presentation.set_zoom(1.0)
    window.presentation.contrast.setChecked(False)


def sizes(window):
    QApplication.processEvents()
    typeset.flush()
    QApplication.processEvents()
    formula = next(v for v in window.findChildren(MathView) if v.latex())
    return {"app_pt": QApplication.font().pointSizeF(), "button_h": window.controls.step_button.sizeHint().height(),
            "diagram": window.diagram.transform().m11(), "room": window.diagram.diagram.room,
            "formula_h": formula.sizeHint().height(),
            "tick_pt": window.loss_plot.item.getAxis("bottom").style["tickFont"].pointSizeF()
            if window.loss_plot.item.getAxis("bottom").style["tickFont"] else 0.0}


def test_zoom_keys_scale_everything_together(qtbot, zoomed_window):
    w = zoomed_window
    w.resize(1920, 1080)
    qtbot.wait(50)
    w.diagram.relayout(force=True)
    before = sizes(w)
    for _ in range(3):          # 100 → 125 → 150 → 175 %
        qtbot.keyClick(w, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    assert zoom.factor() == 1.75
    big = sizes(w)
    assert big["app_pt"] == pytest.approx(before["app_pt"] * 1.75)
    assert big["button_h"] > before["button_h"] * 1.4
    # The diagram is laid out for a room 1.75× smaller and shown larger, until its columns reach their
    # least gaps in the room the docks leave it: never smaller than before.
    assert big["room"][0] < before["room"][0] / 1.5
    assert big["diagram"] >= before["diagram"]
    assert big["formula_h"] > before["formula_h"] * 1.4
    assert big["tick_pt"] == pytest.approx(before["app_pt"] * 1.75)
    qtbot.keyClick(w, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    assert zoom.factor() == 1.5
    qtbot.keyClick(w, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    back = sizes(w)
    assert zoom.factor() == 1.0
    assert back["app_pt"] == before["app_pt"] and back["button_h"] == before["button_h"]
    assert back["formula_h"] == before["formula_h"]
    assert back["diagram"] == pytest.approx(before["diagram"], rel=0.02)


def test_f11_is_full_screen_and_back(qtbot, zoomed_window):
    w = zoomed_window
    qtbot.keyClick(w, Qt.Key.Key_F11)
    assert w.presentation.full_screen.isChecked()
    assert w.windowState() & Qt.WindowState.WindowFullScreen
    qtbot.keyClick(w, Qt.Key.Key_F11)
    assert not w.windowState() & Qt.WindowState.WindowFullScreen


def test_high_contrast_is_black_on_white(qtbot, zoomed_window):
    w = zoomed_window
    w.presentation.contrast.trigger()
    pal = QApplication.palette()
    assert pal.color(pal.ColorRole.WindowText).name() == "#000000"
    assert pal.color(pal.ColorRole.Window).name() == "#ffffff"
    w.presentation.contrast.trigger()
    assert QApplication.palette().color(pal.ColorRole.Highlight).name() != "#00007a"


def test_no_key_is_bound_twice(zoomed_window):
    keys = Counter(seq.toString() for a in zoomed_window.findChildren(QAction) for seq in a.shortcuts()
                   if not seq.isEmpty())
    assert [k for k, n in keys.items() if n > 1] == []
    assert {"F11", "Ctrl+=", "Ctrl+-", "Ctrl+0"} <= set(keys)
