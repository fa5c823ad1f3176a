"""Every text a learner can read in a window: titles, labels, buttons, tabs, menus, tool tips, table
headers and cells, combo items, text views and the diagram's words, each with where it was found."""
from __future__ import annotations

import re

from PySide6.QtCore import QAbstractListModel, QModelIndex, Qt
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QComboBox,
    QDockWidget,
    QGraphicsSimpleTextItem,
    QGraphicsTextItem,
    QGraphicsView,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QTabBar,
    QTextEdit,
    QWidget,
)

_TAG = re.compile(r"<[^>]+>")


def plain(text: str) -> str:
    """Rich text as the reader sees it."""
    if "<" in text and ">" in text:
        doc = QTextDocument()
        doc.setHtml(text)
        return doc.toPlainText()
    return text


def _model_texts(view: QAbstractItemView):
    model, root = view.model(), QModelIndex()
    if model is None:
        return
    columns = 1 if isinstance(model, QAbstractListModel) else model.columnCount(root)
    for orient, count in ((Qt.Orientation.Horizontal, columns), (Qt.Orientation.Vertical, model.rowCount(root))):
        for n in range(min(count, 60)):
            yield model.headerData(n, orient, Qt.ItemDataRole.DisplayRole)
            yield model.headerData(n, orient, Qt.ItemDataRole.ToolTipRole)
    for r in range(min(model.rowCount(root), 60)):
        for c in range(min(columns, 30)):
            idx = model.index(r, c)
            yield model.data(idx, Qt.ItemDataRole.DisplayRole)
            yield model.data(idx, Qt.ItemDataRole.ToolTipRole)


def _widget_texts(w: QWidget):
    yield w.toolTip()
    yield w.statusTip()
    yield w.whatsThis()
    if w.isWindow() or isinstance(w, QDockWidget):
        yield w.windowTitle()
    if isinstance(w, QLabel):
        yield w.text()
    elif isinstance(w, QAbstractButton):
        yield w.text()
    elif isinstance(w, QGroupBox):
        yield w.title()
    elif isinstance(w, QTabBar):
        for n in range(w.count()):
            yield w.tabText(n)
            yield w.tabToolTip(n)
    elif isinstance(w, QComboBox):
        for n in range(w.count()):
            yield w.itemText(n)
    elif isinstance(w, QLineEdit):
        yield w.placeholderText()
    elif isinstance(w, QAbstractSpinBox):
        yield w.specialValueText()
    elif isinstance(w, (QTextEdit, QPlainTextEdit)):
        yield w.toPlainText()
    elif isinstance(w, QMenu):
        yield w.title()
    elif isinstance(w, QAbstractItemView):
        yield from _model_texts(w)
    elif isinstance(w, QGraphicsView) and w.scene() is not None:
        for item in w.scene().items():
            yield item.toolTip()
            if isinstance(item, (QGraphicsSimpleTextItem,)):
                yield item.text()
            elif isinstance(item, QGraphicsTextItem):
                yield item.toPlainText()
            for drawn in ("name", "symbol"):        # the diagram's own items paint their names
                yield getattr(item, drawn, None)
    for a in w.actions():
        yield a.text()
        yield a.toolTip()


def visible_texts(root: QWidget):
    """(where, text) for every non-empty text of root and its descendants, menus included."""
    widgets = [root, *root.findChildren(QWidget)]
    for w in widgets:       # panels that skip work while hidden are brought up to date, as on showing
        catch_up = getattr(w, "catch_up", None)
        if callable(catch_up):
            catch_up()
    for w in widgets:
        where = f"{type(w).__name__}:{w.objectName()}"
        for t in _widget_texts(w):
            if isinstance(t, str) and plain(t).strip():
                yield where, plain(t).strip()
