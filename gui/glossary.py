"""The glossary window (Help → Glossary): each term in English and Korean, with its formula
(core.teaching.glossary). Not modal: it stays open beside the window and follows the language."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QHeaderView, QLabel, QTableWidget, QTableWidgetItem, QVBoxLayout

from backprop_lab.core.teaching.glossary import entries


class GlossaryDialog(QDialog):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("glossary")
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        rows = entries()
        self.table = QTableWidget(len(rows), 3)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        for r, e in enumerate(rows):
            for c, text in enumerate((e.korean, e.english, e.formula)):
                item = QTableWidgetItem(text)
                item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
                self.table.setItem(r, c, item)
        self.table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.table.resizeColumnsToContents()
        box = QVBoxLayout(self)
        box.addWidget(self.intro)
        box.addWidget(self.table)
        self.resize(720, 560)
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Glossary"))
        self.intro.setText(self.tr("The words of backpropagation in Korean and English, with their formulas."))
        # The languages' own names, as a reader of either looks for them.
        self.table.setHorizontalHeaderLabels(["한국어", "English", self.tr("Formula")])
