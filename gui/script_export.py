"""File → Export as a NumPy / PyTorch script (core.io.code_export): the network, its data and its
optimizer as they stand now (parameters, velocity, step), written as a script that trains on as the app
does and prints the same losses."""
from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog, QMessageBox

from backprop_lab.core.io import atomic
from backprop_lab.core.io.code_export import ExportError, export_script


class ScriptExports(QObject):
    def __init__(self, window, session, folder):
        super().__init__(window)
        self.window, self.session, self.folder = window, session, folder
        self.numpy = QAction(self.tr("Export as &NumPy script…"), window)
        self.numpy.triggered.connect(lambda _c=False: self.export("numpy"))
        self.pytorch = QAction(self.tr("Export as P&yTorch script…"), window)
        self.pytorch.triggered.connect(lambda _c=False: self.export("pytorch"))
        self.actions = [self.numpy, self.pytorch]

    def export(self, target: str) -> bool:
        self.session.pause()
        title = self.tr("Export as NumPy script") if target == "numpy" else self.tr("Export as PyTorch script")
        path, _f = QFileDialog.getSaveFileName(self.window, title, self.folder(),
                                               self.tr("Python script (*.py)"))
        if not path:
            return False
        model = self.session.model
        try:
            text = export_script(model.project, target, start_step=model.trainer.step,
                                 velocity=model.trainer.velocity.copy())
            atomic.write_bytes(path, text.encode("utf-8"))
        except (ExportError, OSError) as e:
            QMessageBox.critical(self.window, self.tr("Could not export the script"), str(e))
            return False
        self.session.message.emit(self.tr("Script written to %1: run it with python to train as here")
                                  .replace("%1", path))
        return True
