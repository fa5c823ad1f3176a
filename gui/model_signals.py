"""The thin Qt adapter: the project model's announcements (core.numerics.project_model) as signals."""
from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from backprop_lab.core.numerics import project_model as pm


class ModelSignals(QObject):
    announced = Signal(object)           # the tuple of Change records of one command or run tick
    parametersChanged = Signal()
    shapeChanged = Signal()
    samplesChanged = Signal()            # samples added or removed
    dataChanged = Signal()               # values of inputs or targets
    settingsChanged = Signal()
    traceAppended = Signal(int, int)     # rows start..stop were added
    traceReset = Signal()                # rows were cut or the trace replaced

    def attach(self, model: pm.ProjectModel) -> None:
        model.listen(self._relay)

    def _relay(self, changes: tuple[pm.Change, ...]) -> None:
        self.announced.emit(changes)
        for c in changes:
            if c.kind == pm.TRACE_APPENDED:
                self.traceAppended.emit(c.start, c.stop)
            else:
                getattr(self, _SIGNALS[c.kind]).emit()


_SIGNALS = {pm.PARAMETERS: "parametersChanged", pm.SHAPE: "shapeChanged", pm.SAMPLES: "samplesChanged",
            pm.DATA: "dataChanged", pm.SETTINGS: "settingsChanged", pm.TRACE_RESET: "traceReset"}
