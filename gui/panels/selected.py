"""The selected quantity: its value, its gradient, the chain-rule factors with their numbers, and what
the next update will do to it. Every number is read from the session's core state."""
from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QScrollArea, QVBoxLayout, QWidget

from . import chain
from ..numbers import fmt


class SelectedPanel(QScrollArea):
    def __init__(self, session, parent=None):
        super().__init__(parent)
        self.session = session
        self.setWidgetResizable(True)
        self.setFrameShape(QScrollArea.Shape.NoFrame)
        inner = QWidget()
        box = QVBoxLayout(inner)
        box.setContentsMargins(8, 6, 8, 6)
        self.text = QLabel()
        self.text.setObjectName("selectedText")
        self.text.setTextFormat(Qt.TextFormat.RichText)
        self.text.setWordWrap(True)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.text.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        box.addWidget(self.text)
        box.addStretch(1)
        self.setWidget(inner)
        session.changed.connect(self.refresh)
        session.selectionChanged.connect(self.refresh)
        self.refresh()

    def refresh(self, *_):
        s, key = self.session, self.session.selection
        if key is None or not s.is_valid(key):
            self.text.setText(self.tr("<p style='color:#666'>Click a weight, a bias or a neuron "
                                      "(in the diagram or a table) to see its value, its gradient, "
                                      "the chain rule behind it and its next update.</p>"))
            return
        rows = [self._title(key)]
        rows += self._value_rows(key)
        rows += chain.factor_rows(s, key)
        if key[0] != "n":
            rows += self._update_rows(key)
        html_ = "<table cellspacing='0' cellpadding='2'>" + "".join(rows) + "</table>"
        if self.text.text() != html_:
            self.text.setText(html_)

    def _title(self, key) -> str:
        s = self.session
        nt = s.net.notation
        if key[0] == "W":
            what = self.tr("weight from %1 to %2").replace("%1", nt.neuron("a", key[1] - 1, key[2])) \
                .replace("%2", nt.neuron("a", key[1], key[3]))
        elif key[0] == "b":
            what = self.tr("bias of layer %1").replace("%1", str(key[1]))
        elif key[1] == 0:
            what = self.tr("input")
        elif key[1] == s.net.depth:
            what = self.tr("output neuron")
        else:
            what = self.tr("hidden neuron")
        frozen = self.tr(" (frozen)") if s.is_frozen(key) else ""
        return (f"<tr><td colspan='2'><span style='font-size:13pt'><b>{html.escape(s.label(key))}</b></span>"
                f" &nbsp;<span style='color:#555'>{html.escape(what + frozen)}</span></td></tr>")

    def _value_rows(self, key) -> list[str]:
        s = self.session
        name = s.label(key)
        out = [row(self.tr("value"), f"{name} = <b>{fmt(s.value(key))}</b>")]
        g = s.grad(key)
        if g is not None:
            out.append(row(self.tr("gradient"), f"∂E/∂{name} = <b>{fmt(g)}</b>"))
        if s.state.x.shape[0] > 1:
            out.append(row("", "<span style='color:#666'>" + self.tr("mean over %1 samples")
                           .replace("%1", str(s.state.x.shape[0])) + "</span>"))
        return out

    def _update_rows(self, key) -> list[str]:
        s = self.session
        u = s.next_update(key)
        if u is None:
            return []
        name = s.label(key)
        head = row(self.tr("next update"), "<span style='color:#666'>" + self.tr("uses sample(s) %1")
                   .replace("%1", ", ".join(str(k + 1) for k in u["samples"])) + "</span>")
        if s.viewing_step is not None:
            return [head.replace("</span>", " — " + self.tr("not while viewing the past") + "</span>")]
        if u["lr"] == 0.0:
            return [head, row("", self.tr("frozen: the update leaves %1 = %2").replace("%1", name)
                              .replace("%2", fmt(u["w"])))]
        g_next = fmt(u["grad"])
        if u["velocity_new"] is None:
            line = (f"{name} − η·∂E/∂{name} = {fmt(u['w'])} − {fmt(u['lr'])} × {g_next}"
                    f" = <b>{fmt(u['new'])}</b>")
            return [head, row("", line)]
        v1 = (f"v ← μ·v − η·∂E/∂{name} = {fmt(u['momentum'])} × {fmt(u['velocity'])} − {fmt(u['lr'])}"
              f" × {g_next} = {fmt(u['velocity_new'])}")
        v2 = f"{name} + v = {fmt(u['w'])} + {fmt(u['velocity_new'])} = <b>{fmt(u['new'])}</b>"
        return [head, row("", v1), row("", v2)]


def row(label: str, content: str) -> str:
    return (f"<tr><td style='color:#555; padding-right:8px' valign='top'>{html.escape(label)}</td>"
            f"<td>{content}</td></tr>")
