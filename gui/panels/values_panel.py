"""The value tables in tabs: weights and biases per layer (editable), dE/dW per layer, the neurons'
z, a, δ, and the data set (rows can be added and removed)."""
from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QScrollArea, QTabWidget, QVBoxLayout, QWidget

from ..plain_text import escape
from .data_model import DataModel
from .neuron_model import NeuronModel
from .param_model import ParamMatrixModel
from .table_view import ValueTable


class LayerMatrices(QScrollArea):
    """One titled matrix per layer, rebuilt when the shape changes."""

    def __init__(self, session, gradient: bool, parent=None):
        super().__init__(parent)
        self.session, self.gradient = session, gradient
        self.setWidgetResizable(True)
        self.tables: list[ValueTable] = []
        self.titles: list[QLabel] = []
        session.shapeChanged.connect(self.rebuild)
        session.notationChanged.connect(self.retitle)
        self.rebuild()

    def rebuild(self):
        inner = QWidget()
        box = QVBoxLayout(inner)
        box.setContentsMargins(4, 4, 4, 4)
        box.setSpacing(2)
        for t in self.tables:
            t.model().deleteLater()
        self.tables, self.titles = [], []
        for l in range(1, self.session.net.depth + 1):
            model = ParamMatrixModel(self.session, l, self.gradient)
            title = QLabel(f"<b>{escape(model.title())}</b>")
            self.titles.append(title)
            box.addWidget(title)
            view = ValueTable(self.session, model, fit=True)
            model.setParent(view)
            self.tables.append(view)
            box.addWidget(view)
            box.addSpacing(6)
        box.addStretch(1)
        self.setWidget(inner)

    def retitle(self, *_):
        for title, table in zip(self.titles, self.tables):
            title.setText(f"<b>{table.model().title()}</b>")


class DataTab(QWidget):
    def __init__(self, session, parent=None):
        super().__init__(parent)
        self.session = session
        self.model = DataModel(session, self)
        self.view = ValueTable(session, self.model)
        self.view.selectionModel().currentChanged.connect(self._pick)
        self.add = QPushButton(self.tr("Add sample"))
        self.remove = QPushButton(self.tr("Remove sample"))
        self.add.clicked.connect(lambda: session.add_sample())
        self.remove.clicked.connect(self._remove)
        row = QHBoxLayout()
        row.addWidget(self.add)
        row.addWidget(self.remove)
        row.addStretch(1)
        box = QVBoxLayout(self)
        box.setContentsMargins(4, 4, 4, 4)
        box.addWidget(self.view)
        box.addLayout(row)

    def _pick(self, current, _previous):
        if current.isValid() and self.session.shown_sample is not None:
            self.session.show_sample(current.row())

    def _remove(self):
        idx = self.view.currentIndex()
        row = idx.row() if idx.isValid() else len(self.session.data) - 1
        self.session.remove_sample(row)


def gradient_tab_title(session) -> str:
    """The gradients by the names of the chosen notation (their tab's tooltip): seed 004's dE/dW, dE/dU."""
    nt, depth = session.notation, session.net.depth
    symbols = dict.fromkeys(nt.family("W", l, l) for l in range(1, depth + 1))
    return ", ".join(f"d{nt.loss}/d{w}" for w in symbols)


def neuron_tab_title(session) -> str:
    """The neurons by their symbols (their tab's tooltip): "z/t, x/h/o, δ" in seed 004's names, "net, i/out, δ"."""
    nt, depth = session.notation, session.net.depth
    return f"{nt.family('z', depth)}, {nt.family('a', depth, 0)}, {nt.family('delta', depth)}"


class ValuesPanel(QTabWidget):
    """Four tabs with short words for labels, so that all four read in a column a sixth of a 1024-pixel
    window wide; the symbols of the chosen notation (which can run to "h1_in/h2_in/o_in, …") lead each
    tab's tooltip instead."""

    def __init__(self, session, parent=None):
        super().__init__(parent)
        self.session = session
        self.weights = LayerMatrices(session, gradient=False)
        self.gradients = LayerMatrices(session, gradient=True)
        self.neurons = ValueTable(session, NeuronModel(session))
        self.neurons.model().setParent(self.neurons)
        self.data_tab = DataTab(session)
        for page in (self.weights, self.gradients, self.neurons, self.data_tab):
            self.addTab(page, "")
        self.retranslate()
        session.shapeChanged.connect(self.retitle)
        session.notationChanged.connect(self.retitle)

    def retranslate(self) -> None:
        """The labels and tooltips in the language now installed (language.relabel calls this)."""
        for i, label in enumerate((self.tr("Weights"), self.tr("Gradients"), self.tr("Neurons"), self.tr("Data"))):
            self.setTabText(i, label)
        self.setTabToolTip(0, self.tr("Weights and biases per layer: double-click or type to edit"))
        self.setTabToolTip(3, self.tr("Inputs and targets of each sample (editable), outputs and loss"))
        self.retitle()

    def retitle(self, *_):
        self.setTabToolTip(1, self.tr("{symbols}: the gradient of the loss for each weight and bias").format(
            symbols=gradient_tab_title(self.session)))
        self.setTabToolTip(2, self.tr("{symbols}: each neuron's net input, output, and δ (how the loss changes "
                                      "with the net input)").format(symbols=neuron_tab_title(self.session)))
