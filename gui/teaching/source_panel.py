"""Matches the source: every number the preset's text prints, beside the engine's value rounded to the
printed digits, with ✓ where they agree, and for the text's own mistakes (recorded errata) a clear mark,
the note and the right value (core.source_match). Clicking a row selects the number's neuron or edge."""
from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget

from backprop_lab.core.model.project import Project
from backprop_lab.core.numerics.trace import parameter_columns
from backprop_lab.core.teaching import source_match
from backprop_lab.core.teaching.walkthrough import walk

from ..on_screen import RefreshWhenSeen
from ..plain_text import plain_label, tip
from ..preset_titles import preset_title
from .widgets import caption, walk_sample, walk_velocity

MARK = {"match": "✓", "note_but_matches": "✓", "erratum": "✗", "mismatch": "≠", "text": "✎", "unknown": "?"}
COLOUR = {"erratum": "#b35c00", "mismatch": "#b3261e", "text": "#6a4c93"}
COLUMNS = 5


class SourcePanel(RefreshWhenSeen, QWidget):
    def __init__(self, session, parent=None):
        super().__init__(parent)
        self.session = session
        self._dirty = True
        self._names: dict | None = None
        self._shown: dict = {}           # source key -> its name in the network's notation (per shape)
        self._keys: list = []            # the rows the tree holds: (quantity, printed) each
        self.matches = []
        self.summary = plain_label()
        self.summary.setWordWrap(True)
        self.tree = QTreeWidget()
        self.tree.setColumnCount(COLUMNS)
        self.tree.setHeaderLabels(["", self.tr("number"), self.tr("the text prints"), self.tr("engine"),
                                   self.tr("where / note")])
        self.tree.setRootIsDecorated(False)
        self.tree.setAlternatingRowColors(True)
        self.tree.setWordWrap(True)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        head = self.tree.header()
        for c in (0, 1, 3):
            head.setSectionResizeMode(c, QHeaderView.ResizeMode.ResizeToContents)
        head.setSectionResizeMode(2, QHeaderView.ResizeMode.Interactive)
        self.tree.setColumnWidth(2, 120)
        head.setStretchLastSection(True)
        self.tree.itemClicked.connect(self._clicked)
        self.tree.currentItemChanged.connect(self._current)
        self.detail = plain_label()
        self.detail.setObjectName("sourceDetail")
        self.detail.setWordWrap(True)
        self.detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        box = QVBoxLayout(self)
        box.setContentsMargins(8, 6, 8, 6)
        box.addWidget(self.summary)
        box.addWidget(self.tree, 1)
        box.addWidget(self.detail)
        box.addWidget(caption(self.tr("✓ the engine's value, rounded to the printed digits, reads as printed · "
                                      "✗ a typo in the text: the note says what is wrong and the engine column "
                                      "shows the right value · ✎ a formula printed wrongly · ≠ differs")))
        session.changed.connect(self._changed)
        session.shapeChanged.connect(self._shape)
        session.notationChanged.connect(lambda _form: self._shape())

    def _shape(self):
        self._names = None
        self._shown = {}
        self._changed()

    def _changed(self):
        self.refresh_if_seen()

    # ----- content --------------------------------------------------------------------------------
    def _project(self) -> Project:
        s = self.session
        p = s.project
        return Project(s.shown_net, s.data, s.settings, p.name, p.description, p.source)

    def names(self) -> dict:
        """Source keys → names in the network's notation (z2[1] → t1, dE/dW2[1,1] → ∂E_tot/∂U11)."""
        if self._names is None:
            s = self.session
            net = s.named_net
            nt = net.notation
            k = walk_sample(s)
            names = {st.quantity: st.name for st in walk(net, s.data.X[k], s.data.Y[k], s.settings)}
            names.update(zip(parameter_columns(net), net.param_names()))
            names.update({f"a0[{i + 1}]": nt.neuron("a", 0, i) for i in range(net.n_inputs)})
            names.update({f"y[{k + 1}]": nt.target_name(k) for k in range(net.sizes[-1])})
            names.update(lr="η", momentum="μ")
            self._names = names
        return self._names

    def _name(self, m) -> str:
        if m.quantity not in self._shown:
            if m.status == "text":
                self._shown[m.quantity] = m.quantity.partition(":")[2] or m.quantity
            else:
                key = source_match.normalize(self.session.shown_net, m.quantity)
                self._shown[m.quantity] = self.names().get(key, m.quantity)
        return self._shown[m.quantity]

    def refresh(self):
        # After an edit the rows stay the same ones: their texts are updated in place, and the row the
        # learner chose stays chosen. A cleared and refilled tree costs over 20 ms, and so does a text
        # changed in a shown tree (~1 ms each: word-wrapped rows, columns sized to their contents), so
        # the model tells the view once, for all the rows.
        self._dirty = False
        s = self.session
        project = s.project
        if not project.source:
            self.tree.clear()
            self._keys = []
            self.summary.setText(self.tr("This network was not built from a text, so there are no printed "
                                         "numbers to compare."))
            self.matches = []
            return
        self.matches = source_match.match(self._project(), walk_sample(s), walk_velocity(s))
        keys = [(m.quantity, m.printed) for m in self.matches]
        same = keys == self._keys and self.tree.topLevelItemCount() == len(keys)
        if not same:
            self.tree.clear()
        self._keys = keys
        model = self.tree.model()
        model.blockSignals(same)
        try:
            counts = self._fill_rows(same)
        finally:
            model.blockSignals(False)
        if same and keys:
            model.dataChanged.emit(model.index(0, 0), model.index(len(keys) - 1, COLUMNS - 1))
        text = self.tr("%1: %2 printed numbers match the engine, %3 are typos in the text")
        title = preset_title(project.name) or self.tr("this project")
        text = text.replace("%1", title).replace("%2", str(counts["ok"])).replace("%3", str(counts["erratum"]))
        if counts["differs"]:
            text += " · " + self.tr("%1 differ: the numbers were changed since the text").replace(
                "%1", str(counts["differs"]))
        if self.summary.text() != text:
            self.summary.setText(text)
        if same:
            self._current(self.tree.currentItem())
            return
        first = next((n for n, m in enumerate(self.matches) if m.status == "erratum"), 0)
        if self.matches:
            self.tree.setCurrentItem(self.tree.topLevelItem(first))
            QTimer.singleShot(0, self._scroll_to_current)    # once the rows have their heights

    def _fill_rows(self, same: bool) -> dict:
        counts = {"ok": 0, "erratum": 0, "differs": 0}
        for n, m in enumerate(self.matches):
            item = self.tree.topLevelItem(n) if same else QTreeWidgetItem(self.tree)
            _set(item, 1, self._name(m))
            _set(item, 2, m.printed)
            _set(item, 3, "" if m.right is None else m.right.replace("-", "−"))
            _set(item, 0, MARK.get(m.status, "?"))
            note = m.note or m.where
            if m.status == "erratum":
                note = self.tr("typo in the text: %1").replace("%1", m.note)
                counts["erratum"] += 1
            elif m.status == "mismatch":
                note = self.tr("differs from the engine (%1)").replace("%1", m.where)
                counts["differs"] += 1
            elif m.status in ("match", "note_but_matches"):
                counts["ok"] += 1
            _set(item, 4, note)
            if item.toolTip(4) != tip(note):
                item.setToolTip(4, tip(note))
            detail = self._detail_text(m, item.text(1))
            if item.data(1, Qt.ItemDataRole.UserRole) != detail:
                item.setData(1, Qt.ItemDataRole.UserRole, detail)
            if same and item.data(2, Qt.ItemDataRole.UserRole) == m.status:
                continue
            item.setTextAlignment(0, Qt.AlignmentFlag.AlignCenter)
            item.setData(0, Qt.ItemDataRole.UserRole, m.item)
            item.setData(2, Qt.ItemDataRole.UserRole, m.status)
            brush = QBrush(QColor(COLOUR[m.status])) if m.status in COLOUR else None
            for c in (0, 2, 3):
                item.setData(c, Qt.ItemDataRole.ForegroundRole, brush)
        return counts

    def _detail_text(self, m, name: str) -> str:
        if m.status == "erratum":
            return self.tr("✗ %1: the text prints %2, the right value is %3. %4").replace("%1", name) \
                .replace("%2", m.printed).replace("%3", (m.right or "").replace("-", "−")).replace("%4", m.note)
        if m.status == "text":
            return self.tr("✎ the text prints “%1”: %2").replace("%1", m.printed).replace("%2", m.note)
        if m.status == "mismatch":
            return self.tr("≠ %1: the text prints %2, the engine now gives %3 (%4)").replace("%1", name) \
                .replace("%2", m.printed).replace("%3", (m.right or "").replace("-", "−")).replace("%4", m.where)
        if m.status == "unknown":
            return self.tr("? %1: the engine has no such number").replace("%1", name)
        text = self.tr("✓ %1 = %2, as the text prints (%3)").replace("%1", name).replace("%2", m.printed) \
            .replace("%3", m.where)
        return text + (" " + m.note if m.note else "")

    def _scroll_to_current(self):
        item = self.tree.currentItem()
        if item is not None:
            self.tree.scrollToItem(item, QAbstractItemView.ScrollHint.PositionAtCenter)

    def _current(self, item, _previous=None):
        self.detail.setText("" if item is None else item.data(1, Qt.ItemDataRole.UserRole))

    def _clicked(self, item, _col):
        key = item.data(0, Qt.ItemDataRole.UserRole)
        if key is not None:
            self.session.select(tuple(key))

    def row_texts(self) -> list[tuple[str, ...]]:
        return [tuple(self.tree.topLevelItem(r).text(c) for c in range(COLUMNS))
                for r in range(self.tree.topLevelItemCount())]


def _set(item, column: int, text: str) -> None:
    if item.text(column) != text:
        item.setText(column, text)
