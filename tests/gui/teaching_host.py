"""The teaching panels in a plain window (no layout on the top level: the offscreen platform warns
when one propagates size hints), with a line edit beside them standing for any text field."""
from PySide6.QtWidgets import QLineEdit, QWidget

from backprop_lab.core.io.presets import load_preset
from backprop_lab.gui.session import Session
from backprop_lab.gui.teaching import teaching_tabs
from backprop_lab.gui.teaching.typeset import flush

WALK, DERIVATION, EXERCISES, SOURCE, GRADIENT = range(5)


def open_host(qtbot, preset="seed004", tab=WALK, size=(900, 640)):
    session = Session(load_preset(preset))
    win = QWidget()
    win.session = session
    win.tabs = teaching_tabs(session, win)
    win.tabs.setCurrentIndex(tab)
    win.tabs.setGeometry(0, 0, size[0], size[1] - 30)
    win.field = QLineEdit(win)
    win.field.setGeometry(0, size[1] - 28, 200, 26)
    qtbot.addWidget(win)
    win.resize(*size)
    win.show()
    qtbot.waitExposed(win)
    win.activateWindow()
    flush()
    return win


def panel(win, tab):
    win.tabs.setCurrentIndex(tab)
    flush()
    return win.tabs.widget(tab)

