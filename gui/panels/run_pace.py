"""How a Run goes: its pace (a slider from one update a second to as fast as the machine goes) and
when it stops by itself (after N steps, at a target loss, when the loss has stopped changing). These
belong to the run, not to the project: they are not undoable and not saved in the document."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QFormLayout, QLabel, QSlider, QSpinBox, QWidget

from backprop_lab.core.numerics.stop import DEFAULT_PACE, PACES

from .number_field import NumberField


class RunPace(QWidget):
    def __init__(self, session, parent=None):
        super().__init__(parent)
        self.session = session
        self.runner = session.runner
        self.speed = QSlider(Qt.Orientation.Horizontal)
        self.speed.setObjectName("runSpeed")
        self.speed.setRange(0, len(PACES) - 1)
        self.speed.setPageStep(1)
        self.speed.setTickPosition(QSlider.TickPosition.TicksBelow)
        self.speed.setToolTip(self.tr("How fast Run goes: from one update a second (each change "
                                      "marked as it happens) to as fast as the machine goes"))
        self.speed_label = QLabel()
        self.speed_label.setObjectName("runSpeedLabel")
        self.speed.valueChanged.connect(self._speed_changed)

        self.after = QSpinBox()
        self.after.setObjectName("stopAfter")
        self.after.setRange(0, 10_000_000)
        self.after.setGroupSeparatorShown(True)
        self.after.setSpecialValueText(self.tr("never"))
        self.after.setToolTip(self.tr("Run stops by itself after this many steps (0: never)"))
        self.after.valueChanged.connect(self._after_changed)
        self.target = NumberField(self._target_changed)
        self.target.setObjectName("stopTarget")
        self.target.setPlaceholderText(self.tr("none"))
        self.target.setToolTip(self.tr("Run stops by itself when the loss E is at or below this "
                                       "(empty: never; Enter to apply)"))
        self.still = QCheckBox(self.tr("when the loss stops changing"))
        self.still.setObjectName("stopStill")
        self.still.toggled.connect(self._still_changed)

        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow(self.tr("Speed"), self.speed)
        form.addRow("", self.speed_label)
        form.addRow(self.tr("Stop after"), self.after)
        form.addRow(self.tr("Stop at E ≤"), self.target)
        form.addRow("", self.still)
        self.speed.setValue(PACES.index(DEFAULT_PACE))
        self._speed_changed(self.speed.value())

    def _speed_changed(self, i: int) -> None:
        pace = PACES[i]
        self.runner.set_pace(pace)
        if pace is None:
            text = self.tr("as fast as it goes")
        elif pace == 1:
            text = self.tr("1 update a second")
        else:
            text = self.tr("%1 updates a second").replace("%1", f"{pace:,}")
        self.speed_label.setText(text)

    def retranslate(self) -> None:
        self._speed_changed(self.speed.value())

    def _after_changed(self, n: int) -> None:
        self.runner.stop_rule.after_steps = n or None

    def _target_changed(self, text: str) -> str | None:
        if not text.strip():
            self.runner.stop_rule.target_loss = None
            return None
        v, err = self.session.parse_number(text)
        if err or v is None or not v >= 0:
            return err or self.tr("The target loss is a number ≥ 0")
        self.runner.stop_rule.target_loss = v
        return None

    def _still_changed(self, on: bool) -> None:
        self.runner.stop_rule.when_still = on
