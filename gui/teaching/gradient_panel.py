"""Gradient check: for the selected weight or bias, the chain rule's derivative beside a central finite
difference (E(θ+h) − E(θ−h)) / 2h and their relative error (core.derivation.gradient_check), so a learner
can see that the formula is right, and how h trades rounding against truncation."""
from __future__ import annotations

from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QComboBox, QFormLayout, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from backprop_lab.core.teaching.derivation import gradient_check

from ..numbers import fmt
from ..on_screen import RefreshWhenSeen, on_screen
from ..plain_text import escape
from .typeset import MathView
from .widgets import caption, number_text

STEPS = (1e-2, 1e-4, 1e-5, 1e-6, 1e-7, 1e-8, 1e-10)
DEFAULT_H = 1e-6


VERDICT_COLOURS = {"agree": "#1e7b34", "close": "#8a6d00", "differ": "#b3261e"}


class GradientCheckPanel(RefreshWhenSeen, QWidget):
    def __init__(self, session, parent=None):
        super().__init__(parent)
        self.session = session
        self.result = None
        self._dirty = True
        self.title = QLabel()
        self.title.setWordWrap(True)
        self.formula_view = MathView(self, size=16)
        self.formula_view.set_formula(
            r"\frac{\partial E}{\partial \theta} \approx \frac{E(\theta + h) - E(\theta - h)}{2h}",
            "∂E/∂θ ≈ (E(θ+h) − E(θ−h)) / 2h")
        self.h_box = QComboBox()
        for h in STEPS:
            self.h_box.addItem(fmt(h, None), h)     # every digit: 1e-10 is not 0.00000000
        self.h_box.setCurrentIndex(STEPS.index(DEFAULT_H))
        self.h_box.currentIndexChanged.connect(lambda _i: self.refresh())
        self.analytic = QLabel()
        self.numeric = QLabel()
        self.rel = QLabel()
        self.comment = caption("")
        for lab in (self.analytic, self.numeric, self.rel):
            lab.setObjectName("gradientValue")
        h_row = QHBoxLayout()
        h_row.addWidget(self.h_box)
        h_row.addStretch(1)
        form = QFormLayout()
        form.addRow(self.tr("step size h"), h_row)
        form.addRow(self.tr("chain rule (backpropagation)"), self.analytic)
        form.addRow(self.tr("central difference"), self.numeric)
        form.addRow(self.tr("relative error"), self.rel)
        box = QVBoxLayout(self)
        box.setContentsMargins(8, 6, 8, 6)
        box.addWidget(self.title)
        box.addWidget(self.formula_view)
        box.addLayout(form)
        box.addWidget(self.comment)
        box.addStretch(1)
        box.addWidget(caption(self.tr("relative error = |a − n| / max(|a|, |n|). Below 1e-7 the formula is "
                                      "right; a much larger h shows truncation error, a much smaller one "
                                      "rounding error. At a ReLU kink the two may honestly differ.")))
        session.changed.connect(self._changed)
        session.selectionChanged.connect(self._selected)

    @property
    def h(self) -> float:
        return float(self.h_box.currentData())

    def _changed(self, *_):
        self.refresh_if_seen()

    def _selected(self, *_):
        if on_screen(self):
            self.refresh()
        else:
            self._dirty = True

    def refresh(self):
        self._dirty = False
        s = self.session
        key = s.selection
        index = s.index(key) if key is not None else None
        if index is None:
            self.result = None
            self.title.setText(self.tr("Select a weight or a bias to compare its gradient with a finite "
                                       "difference."))
            for lab in (self.analytic, self.numeric, self.rel):
                lab.setText("—")
            self.comment.setText("")
            return
        st = s.state
        r = gradient_check(s.shown_net, st.x, st.y, index, self.h)
        self.result = r
        name = s.label(key)
        self.title.setText(self.tr("<b>∂%2/∂%1</b>, for what the diagram shows").replace("%1", escape(name))
                           .replace("%2", escape(s.notation.loss)))
        self.analytic.setText(number_text(r.analytic, digits=10))
        self.numeric.setText(number_text(r.numeric, digits=10))
        self.rel.setText(f"{r.rel_error:.2e}")
        pal = self.rel.palette()
        pal.setColor(QPalette.ColorRole.WindowText, QColor(VERDICT_COLOURS[r.verdict]))
        self.rel.setPalette(pal)
        if r.verdict == "agree":
            self.comment.setText(self.tr("They agree: the chain rule gives the slope of the error."))
        elif r.verdict == "close":
            self.comment.setText(self.tr("Close: try another step size h."))
        else:
            self.comment.setText(self.tr("They differ: near a kink (ReLU at 0) or with a poor h this can happen."))
