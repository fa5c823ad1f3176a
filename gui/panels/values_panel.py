"""The value tables in tabs: weights and biases per layer (editable), dE/dW per layer, the neurons'
z, a, δ, and the data set (rows can be added and removed)."""
from __future__ import annotations

from typing import cast

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ..plain_text import escape
from .data_model import DataModel
from .neuron_model import NeuronModel
from .param_model import ParamMatrixModel
from .table_view import ValueTable


class LayerMatrices(QScrollArea):
    """One titled matrix per layer. A new shape keeps the tables of the layers that are still there
    (their models reset themselves) and adds or drops the rest, never deleting a table there and then:
    a reshape can come from within a focus change (a layer size typed, applied as the learner clicks a
    weight), when Qt is giving focus to one of these tables, and a table deleted under Qt then crashed
    the app in QWidget::setFocus."""

    def __init__(self, session, gradient: bool, parent=None):
        super().__init__(parent)
        self.session, self.gradient = session, gradient
        self.setWidgetResizable(True)
        self.tables: list[ValueTable] = []
        self.titles: list[QLabel] = []
        inner = QWidget()
        self._box = QVBoxLayout(inner)
        self._box.setContentsMargins(4, 4, 4, 4)
        self._box.setSpacing(2)
        self._box.addStretch(1)
        self.setWidget(inner)
        session.shapeChanged.connect(self.rebuild)
        session.notationChanged.connect(self.retitle)
        self.rebuild()

    def rebuild(self):
        depth = self.session.net.depth
        while len(self.tables) > depth:
            self._drop(self.tables.pop(), self.titles.pop())
        for l in range(len(self.tables) + 1, depth + 1):
            model = ParamMatrixModel(self.session, l, self.gradient)
            title = QLabel()
            view = ValueTable(self.session, model, fit=True)
            model.setParent(view)
            at = self._box.count() - 1                 # before the stretch
            self._box.insertWidget(at, title)
            self._box.insertWidget(at + 1, view)
            self._box.insertSpacing(at + 2, 6)
            title.show()            # now, not at the layout's queued show: the new layer is there at once
            view.show()
            self.titles.append(title)
            self.tables.append(view)
        self.retitle()

    def _drop(self, table: ValueTable, title: QLabel) -> None:
        """A layer gone: its table is emptied (its model resets to the layer's shape, none) before it is
        hidden, so nothing asks it about the old shape, and deleted later. The focus it had or was
        getting goes to the last table."""
        focus = QApplication.focusWidget()
        had_focus = focus is not None and (focus is table or table.isAncestorOf(focus))
        cast(ParamMatrixModel, table.model()).rebuild()
        at = self._box.indexOf(title)
        for w in (title, table):
            self._box.removeWidget(w)
            w.hide()
            w.deleteLater()
        self._box.takeAt(at)                          # the spacing after it
        if had_focus and self.tables:
            self.tables[-1].setFocus(Qt.FocusReason.MouseFocusReason)

    def retitle(self, *_):
        for title, table in zip(self.titles, self.tables):
            title.setText(f"<b>{escape(table.model().title())}</b>")


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
