"""File → Export trace to CSV… as a person does it: the dialog, the naming checkbox, the file name typed,
Save, Yes to replacing an existing file."""
import os

from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtWidgets import QApplication, QComboBox, QDialogButtonBox, QLineEdit, QMessageBox, QPushButton


def step_n(qtbot, window, n: int) -> None:
    window.controls.n_spin.setValue(n)
    qtbot.mouseClick(window.controls.step_n_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.session.step_count == n, timeout=60_000)


def _answer_yes() -> None:
    for w in QApplication.topLevelWidgets():
        if isinstance(w, QMessageBox) and w.isVisible():
            w.button(QMessageBox.StandardButton.Yes).click()


def export_trace(qtbot, window, path, own_names: bool = False, parquet: bool = False):
    """Choose the file in the export dialog; returns the export (running, or already over)."""
    window.files.export_csv.trigger()
    traces = window.files.traces
    dialog = traces.dialog
    qtbot.waitUntil(dialog.isVisible)
    if own_names:
        qtbot.mouseClick(dialog.own_names, Qt.MouseButton.LeftButton, pos=QPoint(8, dialog.own_names.height() // 2))
        assert dialog.own_names.isChecked()
    if parquet:                                   # the file type, below the name
        types = dialog.findChild(QComboBox, "fileTypeCombo")
        qtbot.keyClick(types, Qt.Key.Key_Down)
        assert types.currentText().startswith("Parquet")
    # The dialog opens in the current folder (the tests change to tmp_path): the name is typed from there.
    typed = os.path.relpath(path, dialog.directory().absolutePath())
    assert not typed.startswith("..")
    name = dialog.findChild(QLineEdit, "fileNameEdit")
    name.selectAll()
    qtbot.keyClicks(name, typed)
    if path.exists():
        QTimer.singleShot(50, _answer_yes)      # the dialog asks before replacing a file
    save = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Save)
    qtbot.mouseClick(save, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=5000)
    return traces


def cancel_button(traces) -> QPushButton:
    buttons = [b for b in traces.progress.findChildren(QPushButton)]
    assert len(buttons) == 1
    return buttons[0]
