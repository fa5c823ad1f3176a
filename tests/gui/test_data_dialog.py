"""Data → Generate or import…: each bad CSV file gives its message in the dialog, naming the row and the
column, and leaves the data set in use untouched; a good file's chosen columns and a generated set
replace it in one undo step, with the held-out test samples' loss plotted beside the training loss."""
import os

import numpy as np
import pytest
from gui_drive import choose, click_tab
from PySide6.QtCore import Qt

from backprop_lab.core.io import presets
from backprop_lab.core.io.dataset_csv import MAX_CSV_BYTES
from backprop_lab.core.numerics.landscape import losses_over


def write(path, content):
    path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    return path


def big(path):
    with open(path, "wb") as f:
        f.truncate(MAX_CSV_BYTES + 1)
    return path


def fifo(path):
    os.mkfifo(path)
    return path


BAD = {   # file → (the message after Enter in the path field or after OK, whether it is shown on reading)
    "text": (lambda p: write(p, "x1,x2,y\n0.1,0.2,1\n0.3,abc,0\n"),
             "Row 3, column “x2”: “abc” is not a number (this column holds numbers)"),
    "missing": (lambda p: write(p, "x1,x2,y\n0.1,0.2,1\n0.3,0.4,\n"), "Row 3, column “y”: The value is missing"),
    "count": (lambda p: write(p, "x1,x2,y\n0.1,0.2,1\n0.3,0.4\n"), "Row 3: 2 values, but the header names 3 columns"),
    "huge": (big, "The file is 50.0 MB; at most 50 MB is read"),
    "empty": (lambda p: write(p, ""), "The file is empty: it needs a header row and at least one row of numbers"),
    "header": (lambda p: write(p, "x1,x2,y\n"), "The file has a header but no rows of numbers"),
    "nan": (lambda p: write(p, "x1,x2,y\n0.1,nan,1\n"), "Row 2, column “x2”: “nan” is not a number (this column "
                                                          "holds numbers)"),
    "inf": (lambda p: write(p, "x1,x2,y\n0.1,0.2,inf\n"), "Row 2, column “y”: “inf” is not a finite number"),
    "net": (lambda p: write(p, "a,y\n0.1,1\n"), "1 input and 1 target columns are chosen; the network takes 2 "
                                                 "inputs and gives 1 outputs"),
    "latin1": (lambda p: write(p, b"x1,x2,y\n0.1,0.2,\xe9\n"), "The file is not UTF-8 text: byte 17 cannot be read"),
    "fifo": (fifo, "This is not a regular file (a pipe or a device): nothing was read"),
    "names": (lambda p: write(p, "x,x,y\n1,2,3\n"), "Row 1, column “x”: Two columns have this name; each needs "
                                                    "its own"),
    "quote": (lambda p: write(p, 'x1,x2,y\n"0.1,0.2,1\n'),
              "Row 2: The file is not valid CSV here (an unclosed quote?)"),
    "binary": (lambda p: write(p, b"x1,x2\0,y\n"), "This is not a text file (it holds NUL bytes)"),
    "folder": (lambda p: (p.mkdir(), p)[1], "This is a folder, not a file"),
}


@pytest.fixture
def xor_window(make_window):
    return make_window(presets.resolve("xor"))


def open_dialog(qtbot, window, tab: int):
    window.data_action.trigger()                           # Data → Generate or import…
    dialog = window.data_dialog
    qtbot.waitExposed(dialog)
    click_tab(qtbot, dialog.tabs, tab)
    return dialog


def type_path(qtbot, dialog, path):
    dialog.path.setFocus()
    qtbot.keyClicks(dialog.path, str(path))
    qtbot.keyClick(dialog.path, Qt.Key.Key_Return)


def unchanged(s, before):
    return np.array_equal(s.data.X, before[0]) and np.array_equal(s.data.Y, before[1]) and s.test is None \
        and s.undo_stack.count() == 0


@pytest.mark.parametrize("name", list(BAD))
def test_a_bad_csv_file_is_named_in_the_dialog_and_changes_nothing(qtbot, xor_window, tmp_path, name):
    s = xor_window.session
    before = (s.data.X.copy(), s.data.Y.copy())
    make, message = BAD[name]
    path = make(tmp_path / f"{name}.csv")
    dialog = open_dialog(qtbot, xor_window, 1)
    type_path(qtbot, dialog, path)
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.error.text() == message
    assert dialog.isVisible() and dialog.error.isVisible()
    assert unchanged(s, before)


def test_the_dialog_speaks_korean_about_a_bad_cell(qtbot, xor_window, tmp_path, monkeypatch):
    from backprop_lab.gui import data_words
    monkeypatch.setattr(data_words, "translate", lambda ctx, text: {
        "Row %1, column “%2”: ": "%1행, “%2” 열: ",
        "“%text” is not a number (this column holds numbers)": "“%text”은(는) 숫자가 아닙니다"}.get(text, text))
    path = write(tmp_path / "t.csv", "x1,x2,y\n0.1,zz,1\n")
    dialog = open_dialog(qtbot, xor_window, 1)
    type_path(qtbot, dialog, path)
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.error.text() == "2행, “x2” 열: “zz”은(는) 숫자가 아닙니다"


def test_a_good_file_with_chosen_columns_replaces_the_data_in_one_undo_step(qtbot, xor_window, tmp_path):
    s = xor_window.session
    before = (s.data.X.copy(), s.data.Y.copy())
    path = write(tmp_path / "good.csv", "id,x1,x2,note,y\n1,0.5,-0.5,7,1\n2,-0.25,0.75,8,0\n3,1e-3,2,9,1\n")
    dialog = open_dialog(qtbot, xor_window, 1)
    type_path(qtbot, dialog, path)
    assert dialog.summary.text() == "3 rows of 5 columns"
    assert dialog.checked(dialog.inputs) == ["id", "x1"] and dialog.checked(dialog.targets) == ["y"]
    for row in (0, 2):                                     # id off, x2 on: Space on the item, as by keyboard
        dialog.inputs.setCurrentRow(row)
        qtbot.keyClick(dialog.inputs, Qt.Key.Key_Space)
    assert dialog.checked(dialog.inputs) == ["x1", "x2"]
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    np.testing.assert_array_equal(s.data.X, [[0.5, -0.5], [-0.25, 0.75], [1e-3, 2]])
    np.testing.assert_array_equal(s.data.Y, [[1], [0], [1]])
    assert [s.undo_stack.text(i) for i in range(s.undo_stack.count())] == [f"Import {path}"]
    s.undo_stack.undo()
    assert np.array_equal(s.data.X, before[0]) and np.array_equal(s.data.Y, before[1]) and s.test is None


def test_a_generated_spiral_with_a_test_split_plots_both_losses(qtbot, xor_window):
    s, w = xor_window.session, xor_window
    dialog = open_dialog(qtbot, w, 0)
    choose(qtbot, dialog.kind, 3)
    assert dialog.kind.currentText() == "spiral (two arms)"
    for spin, value in ((dialog.n_points, "100"), (dialog.test_percent, "20"), (dialog.seed, "7")):
        spin.setFocus()
        spin.selectAll()
        qtbot.keyClicks(spin, value)
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    assert len(s.data) == 80 and len(s.test) == 20 and s.undo_stack.undoText() == "Generate spiral (two arms)"
    w.controls.n_spin.setValue(300)
    qtbot.mouseClick(w.controls.step_n_button, Qt.MouseButton.LeftButton)
    plot = w.loss_plot
    assert plot.test_curve is not None
    names = [label.text for _sample, label in plot.legend.items]
    assert "E (training samples)" in names and "E (test samples)" in names
    x, y = plot.test_curve.getData()
    assert x[0] == 0 and x[-1] == 300 and len(x) >= 4
    thetas = s.trace.thetas_at([int(v) for v in x])
    every = list(range(s.net.n_params))
    np.testing.assert_allclose(y, losses_over(s.net, s.test.X, s.test.Y, every, thetas), rtol=1e-12)
    train_x, train_y = plot.total.getData()
    np.testing.assert_array_equal(train_x, x)
    assert not np.allclose(train_y, y)                     # two data sets, two curves
    s.undo_stack.undo()                                    # the steps
    s.undo_stack.undo()                                    # the data
    assert s.test is None and len(s.data) == 4
    plot.redraw()
    assert plot.test_curve is None


def test_generating_for_a_net_without_two_inputs_says_why(qtbot, make_window):
    w = make_window(presets.resolve("seed000"))
    before = w.session.data.X.copy()
    dialog = open_dialog(qtbot, w, 0)
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    text = dialog.error.text()
    assert text.startswith("Generated data sets have two inputs") and "takes 3 inputs" in text
    np.testing.assert_array_equal(w.session.data.X, before)
