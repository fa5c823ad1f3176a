"""Training controls: Step, Step ×N, Run/Pause, Reset, and the optimizer settings (learning rate,
momentum, update mode, mini-batch size, shuffle). Every change goes through the session (undoable)."""
from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGridLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from backprop_lab.core.model.settings import FIELDS

from ..setting_words import mode_label
from .number_field import NumberField
from .quiet import set_enabled, set_text, set_value
from .run_pace import RunPace

MODES = FIELDS["mode"].choices


class TrainingControls(QWidget):
    def __init__(self, session, parent=None):
        super().__init__(parent)
        self.session = session
        self.step_button = QPushButton(self.tr("Step"))
        self.step_button.setToolTip(self.tr("One update of every weight (F10)"))
        self.step_n_button = QPushButton(self.tr("Step ×N"))
        self.n_spin = QSpinBox()
        self.n_spin.setRange(1, 10_000_000)
        self.n_spin.setValue(100)
        self.n_spin.setGroupSeparatorShown(True)
        self.n_spin.setToolTip(self.tr("How many updates Step ×N takes (one undo step)"))
        self.run_button = QPushButton(self.tr("Run"))
        self.run_button.setCheckable(True)
        self.reset_button = QPushButton(self.tr("Reset"))
        self.reset_button.setToolTip(self.tr("Back to the starting weights, step 0 (undoable)"))
        self.step_button.clicked.connect(lambda: session.step(1))
        self.step_n_button.clicked.connect(lambda: session.step(self.n_spin.value()))
        self.run_button.clicked.connect(self._run_clicked)
        self.reset_button.clicked.connect(session.reset)

        self.lr = NumberField(lambda t: session.set_setting("lr", t))
        self.lr.setObjectName("lrField")
        self.lr.setToolTip(self.tr("Learning rate η: each update moves w by −η·∂E/∂w (Enter to apply)"))
        self.momentum = NumberField(lambda t: session.set_setting("momentum", t))
        self.momentum.setObjectName("momentumField")
        self.mode = QComboBox()
        for mode in MODES:
            self.mode.addItem(mode_label(mode))
        self.retranslate()
        self.mode.activated.connect(lambda i: session.set_setting("mode", MODES[i]))
        self.batch = QSpinBox()
        self.batch.setRange(int(FIELDS["batch_size"].low or 1), int(FIELDS["batch_size"].high or 1))
        self.batch.setKeyboardTracking(False)
        self.batch.valueChanged.connect(lambda v: self._set_if_changed("batch_size", v))
        self.shuffle = QCheckBox(self.tr("shuffle each epoch"))
        self.shuffle.clicked.connect(lambda on: session.set_setting("shuffle", on))
        self.pace = RunPace(session)
        self.reason = QLabel()
        self.reason.setObjectName("controlsReason")
        self.reason.setWordWrap(True)
        self.reason.setStyleSheet("color: #c62828")
        self.lr.refused.connect(self.reason.setText)
        self.momentum.refused.connect(self.reason.setText)

        buttons = QGridLayout()
        buttons.addWidget(self.step_button, 0, 0)
        buttons.addWidget(self.run_button, 0, 1)
        buttons.addWidget(self.step_n_button, 1, 0)
        buttons.addWidget(self.n_spin, 1, 1)
        buttons.addWidget(self.reset_button, 2, 0, 1, 2)
        form = QFormLayout()
        form.addRow(self.tr("Learning rate η"), self.lr)
        form.addRow(self.tr("Momentum μ"), self.momentum)
        form.addRow(self.tr("Update"), self.mode)
        form.addRow(self.tr("Batch size"), self.batch)
        form.addRow("", self.shuffle)
        box = QVBoxLayout(self)
        box.setContentsMargins(6, 6, 6, 6)
        box.addLayout(buttons)
        box.addWidget(self.pace)
        box.addLayout(form)
        box.addWidget(self.reason)
        session.changed.connect(self.refresh)
        session.trainingStateChanged.connect(self._state)
        self.refresh()

    def _run_clicked(self, checked: bool):
        if checked:
            self.session.run()
        else:
            self.session.pause()
        self._state(self.session.training_state)

    def _set_if_changed(self, name, value):
        if getattr(self.session.settings, name) != value:
            self.session.set_setting(name, value)

    def retranslate(self) -> None:
        self.momentum.setToolTip(self.tr("Momentum μ in %1: v ← μ·v − η·∂E/∂w, w ← w + v "
                                         "(Enter to apply)").replace("%1", FIELDS["momentum"].interval()))
        for n, mode in enumerate(MODES):
            self.mode.setItemText(n, mode_label(mode))

    def _state(self, state: str):
        running = state == "running"
        self.run_button.setChecked(running)
        self.run_button.setText(self.tr("Pause") if running else self.tr("Run"))
        for w in (self.step_button, self.step_n_button, self.reset_button):
            w.setEnabled(not running)

    def refresh(self):
        s = self.session.settings
        self.lr.show_value(s.lr)
        self.momentum.show_value(s.momentum)
        if self.mode.currentIndex() != MODES.index(s.mode):
            self.mode.setCurrentIndex(MODES.index(s.mode))
        set_value(self.batch, s.batch_size)
        set_enabled(self.batch, s.mode == "minibatch")
        if self.shuffle.isChecked() != s.shuffle:
            self.shuffle.setChecked(s.shuffle)
        set_enabled(self.shuffle, s.mode != "batch")
        if not (self.lr.property("refusal") or self.momentum.property("refusal")):
            set_text(self.reason, "")
