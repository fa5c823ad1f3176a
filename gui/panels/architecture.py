"""Architecture: number of inputs, each layer's size, activation and bias mode, adding and removing
hidden layers, and the loss. Each change is one undoable command; weights that still fit are kept,
new ones follow core.network.init_weights' rule, which the panel states."""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from backprop_lab.core.model.activations import ACTIVATIONS
from backprop_lab.core.model.losses import LOSSES
from backprop_lab.core.model.network import BIAS_MODES, MAX_LAYERS, MAX_NEURONS, LayerSpec

from ..plain_text import plain_label

translate = QCoreApplication.translate


def activation_label(name: str) -> str:
    return {"identity": translate("Activations", "identity"), "sigmoid": translate("Activations", "sigmoid"),
            "tanh": translate("Activations", "tanh"), "relu": translate("Activations", "ReLU"),
            "leaky_relu": translate("Activations", "leaky ReLU"),
            "softmax": translate("Activations", "softmax")}.get(name, name)


def loss_label(name: str) -> str:
    return {"half_sse": translate("Losses", "½ sum of squares"), "sse": translate("Losses", "sum of squares"),
            "mse": translate("Losses", "mean squared error"),
            "cross_entropy": translate("Losses", "cross-entropy (softmax)"),
            "bce": translate("Losses", "binary cross-entropy (sigmoid)")}.get(name, name)


class ArchitecturePanel(QWidget):
    def __init__(self, session, parent=None):
        super().__init__(parent)
        self.session = session
        self.grid = QGridLayout()
        self.grid.setHorizontalSpacing(4)
        self.grid.setVerticalSpacing(3)
        self.add_button = QPushButton(self.tr("+ hidden layer"))
        self.remove_button = QPushButton(self.tr("− hidden layer"))
        self.add_button.clicked.connect(self.add_layer)
        self.remove_button.clicked.connect(self.remove_layer)
        self.loss = QComboBox()
        for name in LOSSES:
            self.loss.addItem(loss_label(name), name)
        self.loss.activated.connect(self._loss_chosen)
        self.rule = QLabel()
        self.rule.setWordWrap(True)
        self.rule.setStyleSheet("color: #555")
        self.reason = plain_label()
        self.reason.setWordWrap(True)
        self.reason.setStyleSheet("color: #c62828")
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        loss_row = QHBoxLayout()
        loss_row.addWidget(QLabel(self.tr("Loss")))
        loss_row.addWidget(self.loss, 1)
        box = QVBoxLayout(self)
        box.setContentsMargins(6, 6, 6, 6)
        box.addLayout(self.grid)
        box.addLayout(buttons)
        box.addLayout(loss_row)
        box.addWidget(self.rule)
        box.addWidget(self.reason)
        self.rows: list = []
        session.shapeChanged.connect(self.rebuild)
        session.notationChanged.connect(lambda _form: self.rebuild())
        self.rebuild()

    # ----- reading the widgets ------------------------------------------------------------------
    def retranslate(self) -> None:
        for n, name in enumerate(LOSSES):
            self.loss.setItemText(n, loss_label(name))
        self.rebuild()

    def _specs(self) -> list[LayerSpec]:
        return [LayerSpec(size.value(), act.currentData(), bias.currentData()) for size, act, bias in self.rows]

    def _apply(self, n_inputs=None, layers=None, loss=None) -> None:
        net = self.session.net
        err = self.session.set_architecture(net.n_inputs if n_inputs is None else n_inputs,
                                            self._specs() if layers is None else layers,
                                            net.loss if loss is None else loss)
        if err:
            self.rebuild()          # the widgets go back to the shape in force
            self.reason.setText(err)

    def add_layer(self):
        layers = self._specs()
        if len(layers) >= MAX_LAYERS:
            self.reason.setText(self.tr("At most %1 layers").replace("%1", str(MAX_LAYERS)))
            return
        hidden = layers[-2] if len(layers) > 1 else LayerSpec(layers[-1].size, "sigmoid", layers[-1].bias)
        act = hidden.activation if hidden.activation != "softmax" else "sigmoid"
        self._apply(layers=layers[:-1] + [LayerSpec(hidden.size, act, hidden.bias)] + layers[-1:])

    def remove_layer(self):
        layers = self._specs()
        if len(layers) <= 1:
            self.reason.setText(self.tr("The output layer cannot be removed"))
            return
        self._apply(layers=layers[:-2] + layers[-1:])

    def _loss_chosen(self, i: int):
        loss = self.loss.itemData(i)
        layers = self._specs()
        need = LOSSES[loss].requires
        if need and layers[-1].activation != need:
            # The loss is only defined on that output: switch it and say so.
            layers[-1] = LayerSpec(layers[-1].size, need, layers[-1].bias)
            self.session.message.emit(self.tr("%1 needs a %2 output layer: the output now uses %2")
                                      .replace("%1", loss_label(loss)).replace("%2", activation_label(need)))
        self._apply(layers=layers, loss=loss)

    # ----- building the widgets -----------------------------------------------------------------
    def rebuild(self):
        place = self._focus_place()
        while self.grid.count():
            w = self.grid.takeAt(0).widget()
            if w is not None:
                w.deleteLater()
        net = self.session.net
        self.rows = []
        self.reason.clear()
        for c, text in enumerate((self.tr("layer"), self.tr("size"), self.tr("activation"), self.tr("bias"))):
            self.grid.addWidget(QLabel(f"<small>{text}</small>"), 0, c)
        inputs = self._spin(net.n_inputs)
        inputs.valueChanged.connect(lambda v: self._apply(n_inputs=v))
        self.grid.addWidget(plain_label(self.session.notation.symbol("a", 0)), 1, 0)
        self.grid.addWidget(inputs, 1, 1)
        self.grid.addWidget(QLabel("<small>" + self.tr("inputs") + "</small>"), 1, 2)
        for l, spec in enumerate(net.layers, start=1):
            size = self._spin(spec.size)
            act = QComboBox()
            for name in ACTIVATIONS:
                if name != "softmax" or l == net.depth:
                    act.addItem(activation_label(name), name)
            act.setCurrentIndex(act.findData(spec.activation))
            bias = QComboBox()
            for mode, text in zip(BIAS_MODES, (self.tr("none"), self.tr("per neuron"), self.tr("shared"))):
                bias.addItem(text, mode)
            bias.setCurrentIndex(bias.findData(spec.bias))
            size.valueChanged.connect(lambda _v: self._apply())
            act.activated.connect(lambda _i: self._apply())
            bias.activated.connect(lambda _i: self._apply())
            self.grid.addWidget(plain_label(self.session.notation.symbol("a", l)), l + 1, 0)
            self.grid.addWidget(size, l + 1, 1)
            self.grid.addWidget(act, l + 1, 2)
            self.grid.addWidget(bias, l + 1, 3)
            self.rows.append((size, act, bias))
        self.loss.setCurrentIndex(self.loss.findData(net.loss))
        self.add_button.setEnabled(net.depth < MAX_LAYERS)
        self.remove_button.setEnabled(net.depth > 1)
        self.rule.setText(self.tr("New weights: uniform in ±1/√n_in (n_in = inputs of the layer), seed %1; "
                                  "new biases 0. Weights that still fit are kept.")
                          .replace("%1", str(self.session.settings.seed)))
        self._focus_again(place)

    def _focus_place(self) -> tuple[int, int] | None:
        """The grid cell that has the focus, or is getting it: a size typed and then Tab applies the size
        as the focus goes to the activation beside it, and the rebuild must not leave it on a widget
        that is about to be deleted."""
        w = QApplication.focusWidget()
        while w is not None and w is not self:
            i = self.grid.indexOf(w)
            if i >= 0:
                row, col, _rs, _cs = self.grid.getItemPosition(i)
                return row, col
            w = w.parentWidget()
        return None

    def _focus_again(self, place: tuple[int, int] | None) -> None:
        item = self.grid.itemAtPosition(*place) if place is not None and self.isVisible() else None
        w = item.widget() if item is not None else None
        if w is not None and w.focusPolicy() != Qt.FocusPolicy.NoFocus:
            w.show()            # now, not when the layout's queued show comes: a hidden widget takes no focus
            w.setFocus(Qt.FocusReason.OtherFocusReason)

    def _spin(self, value: int) -> QSpinBox:
        spin = QSpinBox()
        spin.setRange(1, MAX_NEURONS)
        spin.setValue(value)
        spin.setKeyboardTracking(False)
        return spin
