"""Cell editor for numbers: Enter commits through the model; a refused text keeps the editor open
with a red border and the reason as its tooltip, and the cell keeps its old value."""
from __future__ import annotations

from PySide6.QtCore import QEvent, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QAbstractItemDelegate, QLineEdit, QStyledItemDelegate

from backprop_lab.core.model.numbers import format_number

from .refusal import clear_refused, mark_refused


class NumberDelegate(QStyledItemDelegate):
    def createEditor(self, parent, option, index):
        editor = QLineEdit(parent)
        editor.setFrame(False)
        editor.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        editor.bl_index = QPersistentModelIndex(index)
        editor.textEdited.connect(lambda _t: clear_refused(editor))
        return editor

    def setEditorData(self, editor, index):
        v = index.data(Qt.ItemDataRole.EditRole)
        editor.setText("" if v is None else format_number(v, None))   # every digit, to edit
        editor.selectAll()

    def setModelData(self, editor, model, index):
        # Reached on focus-out and similar: a refused text leaves the old value (the model says why).
        if editor.property("refusal"):
            return
        model.setData(index, editor.text(), Qt.ItemDataRole.EditRole)

    def eventFilter(self, editor, event):
        if (event.type() == QEvent.Type.KeyPress and isinstance(editor, QLineEdit)
                and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)):
            index = editor.bl_index
            model = index.model()
            if index.isValid() and model.setData(index, editor.text(), Qt.ItemDataRole.EditRole):
                editor.setProperty("refusal", "committed")   # setModelData must not set it twice
                self.closeEditor.emit(editor, QAbstractItemDelegate.EndEditHint.NoHint)
            else:
                mark_refused(editor, getattr(model, "last_error", "") or "", bubble=True)
            return True
        return super().eventFilter(editor, event)
