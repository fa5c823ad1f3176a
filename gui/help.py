"""The Help menu: a short guide to the window (gui/guide.py), the tour (gui/tour.py), What's This, the
glossary and About with the versions of everything the app runs on. Also the one sentence each panel
says about itself (a tool tip on its dock's title and What's This on its contents)."""
from __future__ import annotations

import platform
from importlib import metadata

from PySide6.QtCore import QCoreApplication, QObject, qVersion
from PySide6.QtWidgets import QMessageBox, QWhatsThis

translate = QCoreApplication.translate


def panel_sentences(window) -> dict:
    """Each panel of the window (a dock or a central view) → one sentence of what it is for."""
    out = {
        window.left_dock: translate("Help", "Train the network: step, run, the learning rate and the update "
                                    "rule; below them, the layers and the loss."),
        window.selected_dock: translate("Help", "The item you clicked in the diagram: its value, its gradient "
                                        "written out with the chain rule, and its next update."),
        window.values_dock: translate("Help", "Every number in tables: weights, gradients, each neuron's z, a "
                                      "and δ, and the data set."),
        window.boundary_dock: translate("Help", "What the network answers over the plane of two inputs; click to "
                                        "add a point of a class, drag to move one."),
        window.landscape_dock: translate("Help", "The loss as one or two parameters change, with the present "
                                         "point, the way down and the path training took."),
        window.diagram: translate("Help", "The network: click a neuron or an edge to select it, drag a number "
                                  "sideways to change it, double-click it to type one."),
        window.loss_plot: translate("Help", "The loss after every training step; click a step to look back at "
                                    "the network as it was then."),
    }
    if window.teaching_dock is not None:
        out[window.teaching_dock] = translate("Help", "Learn by hand: the walk-through, the derivation, exercises "
                                              "that check your answer, the text's numbers and a gradient check.")
    return out


def describe_panels(window) -> None:
    """Tool tip and What's This on every panel, in the words of the language now installed."""
    # What's This asks the widget clicked, then its parents: the dock's own sentence answers for its contents.
    for widget, sentence in panel_sentences(window).items():
        widget.setToolTip(sentence)
        widget.setWhatsThis(sentence)


def versions() -> list[tuple[str, str]]:
    import numpy
    import pyqtgraph
    import PySide6
    try:
        app = metadata.version("backprop-lab")
    except metadata.PackageNotFoundError:
        app = "?"
    return [("Backprop Lab", app), ("Python", platform.python_version()), ("Qt", qVersion()),
            ("PySide6", PySide6.__version__), ("pyqtgraph", pyqtgraph.__version__), ("NumPy", numpy.__version__)]


def about_text() -> str:
    lines = "".join(f"<tr><td>{name}</td><td>&nbsp;{v}</td></tr>" for name, v in versions())
    intro = translate("Help", "Backprop Lab: touch every number of a small neural network and watch "
                      "backpropagation work, step by step.")
    return f"<p>{intro}</p><table>{lines}</table>"


class HelpActions(QObject):
    def __init__(self, window):
        super().__init__(window)
        self.window = window
        self.guide = None
        self.tour = None

    def fill_menu(self, menu) -> None:
        self.guide_action = menu.addAction(self.tr("&Guide to the window"), self.show_guide)
        self.tour_action = menu.addAction(self.tr("&Tour"), self.start_tour)
        self.whats_this = QWhatsThis.createAction(self.window)
        menu.addAction(self.whats_this)
        menu.addSeparator()
        menu.addAction(self.tr("&Glossary"), self.window.show_glossary)
        self.about_action = menu.addAction(self.tr("&About Backprop Lab"), self.about)

    def show_guide(self):
        if self.guide is None:
            from .guide import GuideDialog
            self.guide = GuideDialog(self.window)
        self.guide.show()
        self.guide.raise_()

    def start_tour(self):
        from .tour import Tour
        if self.tour is not None:
            self.tour.finish(remember=False)
        self.tour = Tour(self.window)
        self.tour.start()
        return self.tour

    def about(self):
        QMessageBox.about(self.window, self.tr("About Backprop Lab"), about_text())
