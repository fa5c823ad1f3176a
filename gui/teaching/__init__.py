"""Teaching panels (issue 4): walk-through, derivation view, exercises, source marks, gradient check.
Every number is read from core (walkthrough, derivation, exercises, source_match) through the session;
nothing is computed here."""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtWidgets import QTabWidget, QWidget


def teaching_panels(session, parent=None) -> list[tuple[str, QWidget]]:
    """(title, widget) for each teaching panel, in the order a learner meets them."""
    from .derivation_view import DerivationPanel
    from .exercise_panel import ExercisePanel
    from .gradient_panel import GradientCheckPanel
    from .source_panel import SourcePanel
    from .walk_panel import WalkPanel
    return [(QCoreApplication.translate("Teaching", "Walk-through"), WalkPanel(session, parent)),
            (QCoreApplication.translate("Teaching", "Derivation"), DerivationPanel(session, parent)),
            (QCoreApplication.translate("Teaching", "Check your answer"), ExercisePanel(session, parent)),
            (QCoreApplication.translate("Teaching", "Matches the source"), SourcePanel(session, parent)),
            (QCoreApplication.translate("Teaching", "Gradient check"), GradientCheckPanel(session, parent))]


def teaching_tabs(session, parent=None) -> QTabWidget:
    """The panels as tabs (what the main window docks)."""
    tabs = QTabWidget(parent)
    tabs.setObjectName("teachingTabs")
    tabs.setDocumentMode(True)
    tabs.setUsesScrollButtons(True)
    panels = teaching_panels(session, tabs)
    for title, widget in panels:
        tabs.addTab(widget, title)
    from .exercise_panel import ExercisePanel
    _RunShade(session, [w for _t, w in panels if not isinstance(w, ExercisePanel)], tabs)
    return tabs


class _RunShade(QObject):
    """During Run the panels that show numbers wait for the pause (see WalkPanel): greyed, they say
    so. The exercises show no changing number and stay as they are."""

    def __init__(self, session, panels, parent):
        super().__init__(parent)
        self.panels = panels
        session.trainingStateChanged.connect(self.follow)

    def follow(self, state: str) -> None:
        for w in self.panels:
            w.setEnabled(state != "running")
