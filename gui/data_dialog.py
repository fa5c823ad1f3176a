"""Data → Generate or import…: a two-input data set from core's generators (circle, XOR quadrants, two
Gaussians, spiral; size, noise, seed) or a CSV file with the learner's choice of input and target
columns, and a share held out as test samples. A problem is shown in the dialog, naming the row and
column; the data set in use changes only when a whole new one is ready (one undo step)."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from backprop_lab.core.io.dataset_csv import CsvDataError, CsvTable, read_table, to_dataset
from backprop_lab.core.model.dataset import MAX_SAMPLES, Dataset
from backprop_lab.core.model.generators import KINDS, MAX_NOISE, MAX_TEST_PERCENT, generate, split

from .data_words import csv_problem, fit_problem, kind_label

CSV_FILTER = "CSV (*.csv *.txt *.tsv);;* (*)"


class DataDialog(QDialog):
    def __init__(self, session, parent=None):
        super().__init__(parent)
        self.session = session
        self.table: CsvTable | None = None
        self.setObjectName("dataDialog")
        self.setWindowTitle(self.tr("Generate or import data"))
        self.tabs = QTabWidget()
        self.tabs.addTab(self._generate_page(), self.tr("Generate"))
        self.tabs.addTab(self._import_page(), self.tr("Import CSV"))
        self.test_percent = QSpinBox()
        self.test_percent.setRange(0, MAX_TEST_PERCENT)
        self.test_percent.setSuffix(" %")
        self.test_percent.setToolTip(self.tr("Samples held out of training: their loss is plotted beside the "
                                             "training loss (a train/test split)"))
        self.seed = QSpinBox()
        self.seed.setRange(0, 2 ** 31 - 1)
        self.seed.setToolTip(self.tr("The same seed gives the same points and the same split"))
        common = QFormLayout()
        common.addRow(self.tr("Hold out for testing"), self.test_percent)
        common.addRow(self.tr("Seed"), self.seed)
        self.error = QLabel()
        self.error.setObjectName("dataError")
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #c62828")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("Use this data"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        self.buttons.accepted.connect(self.use)
        self.buttons.rejected.connect(self.reject)
        box = QVBoxLayout(self)
        # Limits of its own: a message appearing must not resize a top-level window's limits (the
        # offscreen platform warns on every such change).
        box.setSizeConstraint(QLayout.SizeConstraint.SetNoConstraint)
        self.setMinimumSize(480, 400)
        self.resize(560, 460)
        box.addWidget(self.tabs)
        box.addLayout(common)
        box.addWidget(self.error)
        box.addWidget(self.buttons)
        self.tabs.currentChanged.connect(lambda _i: self.error.clear())

    # ----- the pages ----------------------------------------------------------------------------
    def _generate_page(self) -> QWidget:
        page = QWidget()
        self.kind = QComboBox()
        for kind in KINDS:
            self.kind.addItem(kind_label(kind), kind)
        self.n_points = QSpinBox()
        self.n_points.setRange(2, MAX_SAMPLES)
        self.n_points.setValue(200)
        self.noise = QDoubleSpinBox()
        self.noise.setRange(0.0, MAX_NOISE)
        self.noise.setSingleStep(0.05)
        self.noise.setValue(0.1)
        self.noise.setToolTip(self.tr("The standard deviation of the noise added to each input (the points "
                                      "lie in the square from −1 to 1)"))
        form = QFormLayout(page)
        form.addRow(self.tr("Kind"), self.kind)
        form.addRow(self.tr("Points"), self.n_points)
        form.addRow(self.tr("Noise"), self.noise)
        return page

    def _import_page(self) -> QWidget:
        page = QWidget()
        self.path = QLineEdit()
        self.path.setObjectName("csvPath")
        self.path.setPlaceholderText(self.tr("a CSV file: a header row, then one row of numbers per sample"))
        self.path.returnPressed.connect(self.read_file)
        self.browse = QPushButton(self.tr("Browse…"))
        self.browse.setAutoDefault(False)
        self.browse.clicked.connect(self._browse)
        row = QHBoxLayout()
        row.addWidget(self.path, 1)
        row.addWidget(self.browse)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.inputs, self.targets = QListWidget(), QListWidget()
        self.inputs.setObjectName("inputColumns")
        self.targets.setObjectName("targetColumns")
        lists = QHBoxLayout()
        for title, view in ((self.tr("Input columns"), self.inputs), (self.tr("Target columns"), self.targets)):
            col = QVBoxLayout()
            col.addWidget(QLabel(title))
            col.addWidget(view)
            lists.addLayout(col)
        box = QVBoxLayout(page)
        box.addLayout(row)
        box.addWidget(self.summary)
        box.addLayout(lists)
        return page

    def keyPressEvent(self, event):
        # Enter in the path field reads the file (its returnPressed); it must not also press OK.
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.focusWidget() is self.path:
            return
        super().keyPressEvent(event)

    # ----- reading a file -----------------------------------------------------------------------
    def _browse(self) -> None:
        path, _f = QFileDialog.getOpenFileName(self, self.tr("Import data from CSV"), self.path.text(), CSV_FILTER)
        if path:
            self.path.setText(path)
            self.read_file()

    def read_file(self) -> bool:
        """Read the file named in the path field; its columns are offered for choosing."""
        self.table = None
        self.inputs.clear()
        self.targets.clear()
        self.summary.clear()
        try:
            self.table = read_table(self.path.text().strip())
        except CsvDataError as e:
            self.error.setText(csv_problem(e))
            return False
        self.error.clear()
        t, net = self.table, self.session.net
        self.summary.setText(self.tr("%1 rows of %2 columns").replace("%1", str(len(t.rows)))
                             .replace("%2", str(len(t.columns))))
        n_out = net.sizes[-1]
        for k, name in enumerate(t.columns):
            target = k >= len(t.columns) - n_out
            self._column(self.inputs, name, not target and k < net.n_inputs)
            self._column(self.targets, name, target)
        return True

    @staticmethod
    def _column(view: QListWidget, name: str, on: bool) -> None:
        item = QListWidgetItem(name)
        item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable)
        item.setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)
        view.addItem(item)

    @staticmethod
    def checked(view: QListWidget) -> list[str]:
        return [view.item(i).text() for i in range(view.count())
                if view.item(i).checkState() == Qt.CheckState.Checked]

    # ----- using the data -----------------------------------------------------------------------
    def _imported(self) -> tuple[Dataset | None, str]:
        """The chosen columns of the file as a data set, or None and why not."""
        if self.table is None and not self.read_file():
            return None, self.error.text()
        assert self.table is not None
        ins, outs, net = self.checked(self.inputs), self.checked(self.targets), self.session.net
        try:
            data = to_dataset(self.table, ins, outs)
        except CsvDataError as e:
            return None, csv_problem(e)
        if len(ins) != net.n_inputs or len(outs) != net.sizes[-1]:
            return None, fit_problem(len(ins), len(outs), net.n_inputs, net.sizes[-1])
        return data, ""

    def _generated(self) -> tuple[Dataset | None, str]:
        net = self.session.net
        if net.n_inputs != 2 or net.sizes[-1] not in (1, 2):
            text = self.tr("Generated data sets have two inputs and one target (class 0 or 1) or two (one-hot); "
                           "this network takes %1 inputs and gives %2 outputs. Change the architecture first.")
            return None, text.replace("%1", str(net.n_inputs)).replace("%2", str(net.sizes[-1]))
        return generate(self.kind.currentData(), self.n_points.value(), self.noise.value(), self.seed.value(),
                        outputs=net.sizes[-1]), ""

    def use(self) -> None:
        """OK: the new data set (and its test samples) replace the data in use, or the dialog says why not."""
        importing = self.tabs.currentIndex() == 1
        data, problem = self._imported() if importing else self._generated()
        if data is None:
            self.error.setText(problem)
            return
        if self.test_percent.value() and len(data) < 2:
            self.error.setText(self.tr("A split needs at least two samples"))
            return
        parts = split(data, self.test_percent.value() / 100, self.seed.value())
        text = self.tr("Import %1").replace("%1", self.path.text().strip()) if importing else \
            self.tr("Generate %1").replace("%1", self.kind.currentText())
        refused = self.session.replace_data(parts.train, parts.test, text)
        if refused:
            self.error.setText(refused)
            return
        self.error.clear()
        self.accept()
