"""A number is never shown as something it is not (core.model.numbers.format_number, the one rule every
view uses): a weight of 1.2e154 typed into a table reads 1.2e+154, not 155 digits, and 1e-320 reads
1e−320, not 0.00000000 — in the table, on the diagram, in the Selected panel, and so does the gradient
computed from it."""
import json

import pytest
from gui_drive import type_into_cell
from test_plot_log_limits import one_weight_doc
from test_views_off_screen import dock_tab

from backprop_lab.core.io import document
from backprop_lab.core.model.numbers import MINUS

W11 = ("W", 1, 0, 0)


@pytest.mark.parametrize("typed,shown,grad", [("1.2e154", "1.2e+154", "2.4e+154"),
                                              ("1e-320", f"1e{MINUS}320", f"2e{MINUS}320")])
def test_a_huge_or_tiny_weight_reads_as_itself_in_every_view(qtbot, make_window, tmp_path, typed, shown, grad):
    path = tmp_path / "one.json"
    path.write_text(json.dumps(one_weight_doc(0.5)))        # identity, two samples x = 1, t = 0: ∂E/∂w = 2w
    w = make_window(document.load(path))
    table = w.values.weights.tables[0]
    type_into_cell(qtbot, table, 0, 0, typed)
    s = w.session
    assert s.value(W11) == float(typed) and s.grad(W11) == 2 * float(typed)
    assert table.model().index(0, 0).data() == shown
    assert w.values.gradients.tables[0].model().index(0, 0).data() == grad
    assert w.diagram.diagram.edges[W11].label.text == shown
    dock_tab(qtbot, w, "Selected")
    text = w.selected.text.toPlainText()
    assert f"W1[1,1] = {shown}" in text and f"= {grad}" in text, text
