"""View → Precision: 4 or 8 decimals or every digit, in the tables, the Selected panel and the walk-through
at once; remembered for the next window."""
import re

from PySide6.QtCore import Qt

from backprop_lab.gui.numbers import shown_digits
from backprop_lab.gui.prefs import Prefs


def _gradient_cell(w) -> tuple[str, float]:
    table = w.values.gradients.tables[0]
    model = table.model()
    idx = model.index(0, 0)
    return model.data(idx, Qt.ItemDataRole.DisplayRole), model.data(idx, Qt.ItemDataRole.EditRole)


def _decimals(text: str) -> int:
    return len(text.replace("\u2212", "-").partition(".")[2])


def test_precision_changes_every_view_and_is_remembered(qtbot, make_window):
    w = make_window()
    w.session.select(("W", 2, 0, 0))
    walk = w.teaching.widget(0)
    qtbot.mouseClick(walk.start_button, Qt.MouseButton.LeftButton)
    text, _ = _gradient_cell(w)
    assert _decimals(text) == 8 and shown_digits() == 8

    w.precision_menu.choices[4].trigger()
    text, _ = _gradient_cell(w)
    assert _decimals(text) == 4
    w.selected.text.text()                                     # brought up to date, as on showing
    assert re.search(r"∂E/∂U11 = 0\.\d{4}(?!\d)", w.selected.text.toPlainText())
    assert _decimals(walk.current().result) == 4
    assert Prefs().precision == 4

    w.precision_menu.choices[None].trigger()
    text, value = _gradient_cell(w)
    assert _decimals(text) > 8
    assert float(text.replace("\u2212", "-")) == value           # every digit: reads back exactly
    step = walk.current()
    assert step.digits is None and step.result == f"{step.name} = {step.value!r}"
    assert Prefs().precision is None

    w.precision_menu.choices[4].trigger()
    w2 = make_window()
    assert w2.precision_menu.choices[4].isChecked() and _decimals(_gradient_cell(w2)[0]) == 4
