"""The language, switched live: View → Language swaps the translators and relabels every open window,
dock, menu, dialog and formula at once, keeping all state (nothing is rebuilt).

Texts set once at construction (titles, labels, buttons, menus, tabs, tool tips, combo items) are
relabelled by looking each one up in the catalogue it was translated from: the Korean catalogue
(assets/i18n/backprop_lab_ko.ts, the one origin core.model.i18n also reads) gives each shown text its
(context, source), and Qt's translators give the source's text in the new language. Texts a view
writes from the numbers (status, tables, formulas, exercises) are written again by `session.refresh`,
whose views ask tr() afresh. A widget whose texts are made from numbers or names (a tool tip with
an interval, a diagram's headers) has a `retranslate()` method, called here after the relabelling."""
from __future__ import annotations

import pyqtgraph as pg
from PySide6.QtCore import QAbstractListModel, QCoreApplication, QModelIndex, QObject, Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QDockWidget,
    QGraphicsView,
    QGroupBox,
    QLabel,
    QLineEdit,
    QTabBar,
    QWidget,
)

from backprop_lab.core.model import i18n

from .app import install_translations

# Looks up texts lupdate already extracted where they were first written: not a new string to extract.
_translate_again = QCoreApplication.translate


class _Lookup:
    """A shown text → (context, source), for either language."""

    def __init__(self):
        ko = i18n.catalogue("ko")
        self.back = {text: key for key, text in ko.items()}
        self.source = {src: (ctx, src) for ctx, src in ko}

    def key(self, text: str, lang: str) -> tuple[str, str] | None:
        if lang == "ko":
            return self.back.get(text) or self.source.get(text)
        return self.source.get(text) or self.back.get(text)

    def again(self, text: str, old: str) -> str | None:
        """The same words in the language now installed; None for a text no catalogue entry made."""
        core = text.strip()
        found = self.key(core, old) if core else None
        if found is None:
            return None
        new = _translate_again(*found)
        lead, trail = text[:len(text) - len(text.lstrip())], text[len(text.rstrip()):]
        return lead + new + trail


def _relabel(get, put, lookup: _Lookup, old: str) -> None:
    text = get()
    if text:
        new = lookup.again(text, old)
        if new is not None and new != text:
            put(new)


def _relabel_widget(w: QWidget, lookup: _Lookup, old: str) -> None:
    _relabel(w.toolTip, w.setToolTip, lookup, old)
    if w.isWindow() or isinstance(w, QDockWidget):
        _relabel(w.windowTitle, w.setWindowTitle, lookup, old)
    if isinstance(w, (QLabel, QAbstractButton)):
        _relabel(w.text, w.setText, lookup, old)
    elif isinstance(w, QGroupBox):
        _relabel(w.title, w.setTitle, lookup, old)
    elif isinstance(w, QLineEdit):
        _relabel(w.placeholderText, w.setPlaceholderText, lookup, old)
    elif isinstance(w, QAbstractSpinBox):
        _relabel(w.specialValueText, w.setSpecialValueText, lookup, old)
    elif isinstance(w, QTabBar):
        for n in range(w.count()):
            _relabel(lambda n=n: w.tabText(n), lambda t, n=n: w.setTabText(n, t), lookup, old)
            _relabel(lambda n=n: w.tabToolTip(n), lambda t, n=n: w.setTabToolTip(n, t), lookup, old)
    elif isinstance(w, QComboBox):
        for n in range(w.count()):
            _relabel(lambda n=n: w.itemText(n), lambda t, n=n: w.setItemText(n, t), lookup, old)
    elif isinstance(w, QAbstractItemView) and not isinstance(w.model(), (QAbstractListModel, type(None))):
        model, root = w.model(), QModelIndex()
        for orient, count in ((Qt.Orientation.Horizontal, model.columnCount(root)),
                              (Qt.Orientation.Vertical, model.rowCount(root))):
            if count:
                model.headerDataChanged.emit(orient, 0, count - 1)


def _relabel_plot(view: QGraphicsView, lookup: _Lookup, old: str) -> None:
    """A plot's axis labels, titles and legend entries (pyqtgraph items in the view's scene)."""
    for item in view.scene().items():
        if isinstance(item, pg.AxisItem):
            _relabel(lambda i=item: i.labelText, lambda t, i=item: i.setLabel(t), lookup, old)
        elif isinstance(item, pg.LabelItem):
            _relabel(lambda i=item: i.text, lambda t, i=item: i.setText(t), lookup, old)
        elif isinstance(item, pg.TextItem):
            _relabel(lambda i=item: i.toPlainText(), lambda t, i=item: i.setText(t), lookup, old)


def relabel(root: QWidget, old: str) -> None:
    """Relabel root, its descendants and their actions (menus included) from language `old`."""
    lookup = _Lookup()
    for w in (root, *root.findChildren(QWidget)):
        _relabel_widget(w, lookup, old)
        if isinstance(w, QGraphicsView) and w.scene() is not None:
            _relabel_plot(w, lookup, old)
    for w in (root, *root.findChildren(QWidget)):
        again = getattr(w, "retranslate", None)
        if callable(again):
            again()
    for a in root.findChildren(QAction):
        _relabel(a.text, a.setText, lookup, old)
        _relabel(a.toolTip, a.setToolTip, lookup, old)
        _relabel(a.statusTip, a.setStatusTip, lookup, old)


class Language(QObject):
    """The application's current language; `changed` after every window has been relabelled."""
    changed = Signal(str)

    @property
    def code(self) -> str:
        return i18n.language()

    def switch(self, lang: str) -> None:
        old = self.code
        if lang == old:
            return
        app = QApplication.instance()
        assert isinstance(app, QApplication)
        install_translations(app, lang)
        for top in QApplication.topLevelWidgets():
            relabel(top, old)
        self.changed.emit(lang)


_language: list[Language] = []


def current() -> Language:
    """The one Language of this process (English until the application chooses)."""
    if not _language:
        _language.append(Language())
    return _language[0]
