"""Which sample the diagram, the tables and the derivatives show: one sample, or the samples the
next update uses (their mean when there are several)."""
from __future__ import annotations

from PySide6.QtWidgets import QComboBox


class SamplePicker(QComboBox):
    def __init__(self, session, parent=None):
        super().__init__(parent)
        self.session = session
        self.setObjectName("samplePicker")
        self.setMinimumContentsLength(22)
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.setToolTip(self.tr("Which sample the diagram, tables and derivatives show"))
        self.activated.connect(self._chosen)
        session.samplesChanged.connect(self.rebuild)
        session.changed.connect(self.refresh)
        self.rebuild()

    def _next_text(self) -> str:
        nxt = self.session.next_samples()
        if len(nxt) == 1:
            return self.tr("next update: sample %1").replace("%1", str(int(nxt[0]) + 1))
        if len(nxt) == len(self.session.data):
            return self.tr("next update: all %1 samples (mean)").replace("%1", str(len(nxt)))
        return self.tr("next update: mean of samples %1").replace("%1", ", ".join(str(int(k) + 1) for k in nxt))

    def retranslate(self):
        self.rebuild()

    def rebuild(self):
        self.blockSignals(True)
        self.clear()
        self.addItem(self._next_text())
        for k in range(len(self.session.data)):
            self.addItem(self.tr("sample %1").replace("%1", str(k + 1)))
        self.blockSignals(False)
        self.refresh()

    def refresh(self):
        if self.count() != len(self.session.data) + 1:
            return self.rebuild()
        text = self._next_text()
        if self.itemText(0) != text:
            self.setItemText(0, text)
        want = 0 if self.session.shown_sample is None else self.session.shown_sample + 1
        if self.currentIndex() != want:
            self.blockSignals(True)
            self.setCurrentIndex(want)
            self.blockSignals(False)

    def _chosen(self, i: int):
        self.session.show_sample(None if i <= 0 else i - 1)
