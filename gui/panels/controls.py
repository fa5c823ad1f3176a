"""Training controls: Step, Step ×N, Run/Pause, Reset, and the optimizer settings (learning rate, the
update rule (SGD, momentum μ, Adam β₁ β₂ ε), weight decay λ, update mode, mini-batch size, the batch
loss as mean or sum, shuffle). Every change goes through the session (undoable); every range and choice
comes from core.model.settings.FIELDS and core.numerics.update.RULES."""
from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGridLayout,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from backprop_lab.core.model.settings import FIELDS
from backprop_lab.core.numerics.update import RULES, rule_of

from ..plain_text import plain_label
from ..setting_words import batch_loss_label, mode_label, rule_label
from .number_field import NumberField
from .quiet import set_enabled, set_text, set_value
from .run_pace import RunPace

MODES = FIELDS["mode"].choices
RULE_NAMES = tuple(RULES)
BATCH_LOSSES = FIELDS["batch_loss"].choices
NUMBER_FIELDS = ("lr", "momentum", "beta1", "beta2", "eps", "weight_decay")


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

        for name in NUMBER_FIELDS:
            field = NumberField(lambda t, name=name: session.set_setting(name, t))
            field.setObjectName(name + "Field")
            setattr(self, name, field)
        self.lr.setToolTip(self.tr("Learning rate η: each update moves w by −η·∂E/∂w (Enter to apply)"))
        self.mode = QComboBox()
        self.rule = QComboBox()
        self.batch_loss = QComboBox()
        for combo, n in ((self.mode, len(MODES)), (self.rule, len(RULE_NAMES)), (self.batch_loss, len(BATCH_LOSSES))):
            for _ in range(n):
                combo.addItem("")
        self.retranslate()
        self.mode.activated.connect(lambda i: session.set_setting("mode", MODES[i]))
        self.rule.activated.connect(lambda i: session.set_rule(RULE_NAMES[i]))
        self.batch_loss.activated.connect(lambda i: session.set_setting("batch_loss", BATCH_LOSSES[i]))
        self.batch = QSpinBox()
        self.batch.setRange(int(FIELDS["batch_size"].low or 1), int(FIELDS["batch_size"].high or 1))
        self.batch.setKeyboardTracking(False)
        self.batch.valueChanged.connect(lambda v: self._set_if_changed("batch_size", v))
        self.shuffle = QCheckBox(self.tr("shuffle each epoch"))
        self.shuffle.clicked.connect(lambda on: session.set_setting("shuffle", on))
        self.pace = RunPace(session)
        self.reason = plain_label()
        self.reason.setObjectName("controlsReason")
        self.reason.setWordWrap(True)
        self.reason.setStyleSheet("color: #c62828")
        for name in NUMBER_FIELDS:
            getattr(self, name).refused.connect(self.reason.setText)

        buttons = QGridLayout()
        buttons.addWidget(self.step_button, 0, 0)
        buttons.addWidget(self.run_button, 0, 1)
        buttons.addWidget(self.step_n_button, 1, 0)
        buttons.addWidget(self.n_spin, 1, 1)
        buttons.addWidget(self.reset_button, 2, 0, 1, 2)
        self.form = form = QFormLayout()
        form.addRow(self.tr("Learning rate η"), self.lr)
        form.addRow(self.tr("Rule"), self.rule)
        form.addRow(self.tr("Momentum μ"), self.momentum)
        form.addRow(self.tr("Adam β₁"), self.beta1)
        form.addRow(self.tr("Adam β₂"), self.beta2)
        form.addRow(self.tr("Adam ε"), self.eps)
        form.addRow(self.tr("Weight decay λ"), self.weight_decay)
        form.addRow(self.tr("Update"), self.mode)
        form.addRow(self.tr("Batch size"), self.batch)
        form.addRow(self.tr("Batch loss"), self.batch_loss)
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
        tips = {"momentum": self.tr("Momentum μ in %1: v ← μ·v − η·∂E/∂w, w ← w + v (Enter to apply)"),
                "beta1": self.tr("Adam's β₁ in %1: m ← β₁·m + (1 − β₁)·g (Enter to apply)"),
                "beta2": self.tr("Adam's β₂ in %1: v ← β₂·v + (1 − β₂)·g² (Enter to apply)"),
                "eps": self.tr("Adam's ε in %1: w ← w − η·m̂/(√v̂ + ε) (Enter to apply)"),
                "weight_decay": self.tr("Weight decay λ in %1: every update uses g = ∂E/∂w + λ·w, the gradient "
                                        "of E + λ/2·Σw² (Enter to apply)")}
        for name, tip in tips.items():
            getattr(self, name).setToolTip(tip.replace("%1", FIELDS[name].interval()))
        self.batch_loss.setToolTip(self.tr("A batch's loss and gradient: the mean over its samples or their sum"))
        for combo, names, label in ((self.mode, MODES, mode_label), (self.rule, RULE_NAMES, rule_label),
                                    (self.batch_loss, BATCH_LOSSES, batch_loss_label)):
            for n, name in enumerate(names):
                combo.setItemText(n, label(name))

    def _state(self, state: str):
        running = state == "running"
        self.run_button.setChecked(running)
        self.run_button.setText(self.tr("Pause") if running else self.tr("Run"))
        for w in (self.step_button, self.step_n_button, self.reset_button):
            w.setEnabled(not running)

    def refresh(self):
        s = self.session.settings
        for name in NUMBER_FIELDS:
            getattr(self, name).show_value(getattr(s, name))
        rule = rule_of(s).name
        for combo, index in ((self.mode, MODES.index(s.mode)), (self.rule, RULE_NAMES.index(rule)),
                             (self.batch_loss, BATCH_LOSSES.index(s.batch_loss))):
            if combo.currentIndex() != index:
                combo.setCurrentIndex(index)
        for name in ("beta1", "beta2", "eps"):
            self._show_row(getattr(self, name), rule == "adam")
        self._show_row(self.momentum, rule != "adam")
        set_value(self.batch, s.batch_size)
        set_enabled(self.batch, s.mode == "minibatch")
        set_enabled(self.batch_loss, s.mode != "sample")
        if self.shuffle.isChecked() != s.shuffle:
            self.shuffle.setChecked(s.shuffle)
        set_enabled(self.shuffle, s.mode != "batch")
        if not any(getattr(self, name).property("refusal") for name in NUMBER_FIELDS):
            set_text(self.reason, "")

    def _show_row(self, field, on: bool) -> None:
        """Adam's β₁, β₂, ε only under Adam; μ under SGD and momentum (Adam has no μ)."""
        if self.form.isRowVisible(field) != on:
            self.form.setRowVisible(field, on)
