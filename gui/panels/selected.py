"""The selected quantity: its value, its gradient, the chain-rule factors with their numbers, and what
the next update will do to it. Every number is read from the session's core state."""
from __future__ import annotations

import html
import re

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QScrollArea, QTextBrowser, QVBoxLayout, QWidget

from ..hidden import HIDDEN
from ..lock import lock_key
from ..numbers import fmt
from ..on_screen import on_screen
from . import chain

_JOINER = "\u2060"
_TAG = re.compile(r"(<[^>]*>)")
_INNER_HYPHEN = re.compile(r"-(?=[\w(])")


def joined(html_text: str) -> str:
    """A narrow dock broke "∂E/∂U11" after its slash, splitting the fraction over two lines, and (in
    Korean at 150 %) "o1(1-o1)" after its hyphen and "-(y1-o1)" after its sign. A word joiner
    (invisible, kept out of what is copied) after each keeps the derivative and the factor whole. Only
    the text between tags: a style's "padding-right" is not a factor."""
    parts = _TAG.split(html_text)
    for i in range(0, len(parts), 2):
        parts[i] = _INNER_HYPHEN.sub("-" + _JOINER, parts[i].replace("/∂", "/" + _JOINER + "∂"))
    return "".join(parts)


class _Text(QTextBrowser):
    """The panel's rich text, with a label's look. Not a QLabel: a label's new rich text re-lays out
    the label and its scroll area, which lay the document out several times (~7 ms an edit); a text
    browser lays it out once. Read while the panel is hidden, it is brought up to date first."""

    def __init__(self, panel):
        super().__init__()
        self._panel, self._html = panel, ""
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setOpenLinks(False)
        self.setFocusPolicy(Qt.FocusPolicy.ClickFocus)        # as a selectable label: not in the Tab chain
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.viewport().setAutoFillBackground(False)

    def setText(self, text: str) -> None:
        if text != self._html:
            self._html = text
            self.setHtml(joined(text))

    def toPlainText(self) -> str:
        return super().toPlainText().replace(_JOINER, "")

    def createMimeDataFromSelection(self):
        data = super().createMimeDataFromSelection()
        data.setText(data.text().replace(_JOINER, ""))
        return data

    def text(self) -> str:
        self._panel.catch_up()
        return self._html


class SelectedPanel(QScrollArea):
    def __init__(self, session, parent=None):
        super().__init__(parent)
        self.session = session
        self._stale = False
        self.setWidgetResizable(True)
        self.setFrameShape(QScrollArea.Shape.NoFrame)
        inner = QWidget()
        box = QVBoxLayout(inner)
        box.setContentsMargins(8, 6, 8, 6)
        self.text = _Text(self)
        self.text.setObjectName("selectedText")
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        box.addWidget(self.text)
        self.setWidget(inner)
        session.changed.connect(self.refresh)
        session.selectionChanged.connect(self.refresh)
        session.hiddenChanged.connect(self.refresh)
        session.view.lockedChanged.connect(self.refresh)
        self.refresh()

    def refresh(self, *_):
        # Not on screen (the dock's tab behind "Learn"), a new rich text would still cost its layout,
        # ~10 ms an edit: it catches up when shown (before it paints), or when read.
        if not on_screen(self):
            self._stale = True
            return
        self._fill()

    def retranslate(self) -> None:
        self._stale = True
        self.refresh()

    def catch_up(self) -> None:
        if self._stale:
            self._fill()

    def showEvent(self, event):
        self.catch_up()
        super().showEvent(event)

    def _fill(self):
        self._stale = False
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
        self.text.setText(html_)

    def _title(self, key) -> str:
        s = self.session
        nt = s.notation
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
        lock = lock_key(s, key)
        if lock is not None and lock in s.view.locked:
            frozen += self.tr(" (locked by the teacher: it cannot be changed)")
        return (f"<tr><td colspan='2'><span style='font-size:13pt'><b>{html.escape(s.label(key))}</b></span>"
                f" &nbsp;<span style='color:#555'>{html.escape(what + frozen)}</span></td></tr>")

    def _value_rows(self, key) -> list[str]:
        s = self.session
        name = s.label(key)
        hidden = s.hidden
        shown = fmt(s.value(key)) if key[0] != "n" or ("a",) + key[1:] not in hidden else HIDDEN
        out = [row(self.tr("value"), f"{name} = <b>{shown}</b>")]
        g = s.grad(key)
        if g is not None:
            what = ("dE/da",) + key[1:] if key[0] == "n" else ("grad",) + key
            out.append(row(self.tr("gradient"),
                           f"∂{s.notation.loss}/∂{name} = <b>{HIDDEN if what in hidden else fmt(g)}</b>"))
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
        # a hidden gradient also hides what it gives away: the velocity and the new value
        hidden = s.hidden
        g_hidden = ("grad",) + key in hidden
        v_hidden = g_hidden or ("velocity",) + key in hidden
        g_next = HIDDEN if g_hidden else fmt(u["grad"])
        new = HIDDEN if v_hidden or ("new",) + key in hidden else fmt(u["new"])
        rows = [head]
        if u["decay"]:          # weight decay: one more term of the gradient the rule uses
            g_used = HIDDEN if g_hidden else fmt(u["grad_used"])
            rows.append(row("", f"g = ∂{s.notation.loss}/∂{name} + λ·{name} = {g_next} + {fmt(u['decay'])}"
                                f" × {fmt(u['w'])} = {g_used}"))
            g_next = g_used
        if u["adam"] is not None:
            return rows + self._adam_rows(name, u, g_next, g_hidden, new)
        if u["velocity_new"] is None:
            g_name = "g" if u["decay"] else f"∂{s.notation.loss}/∂{name}"
            line = (f"{name} − η·{g_name} = {fmt(u['w'])} − {fmt(u['lr'])} × {g_next}"
                    f" = <b>{new}</b>")
            return rows + [row("", line)]
        v_new = HIDDEN if v_hidden else fmt(u["velocity_new"])
        g_name = "g" if u["decay"] else f"∂{s.notation.loss}/∂{name}"
        v1 = (f"v ← μ·v − η·{g_name} = {fmt(u['momentum'])} × {fmt(u['velocity'])} − {fmt(u['lr'])}"
              f" × {g_next} = {v_new}")
        v2 = f"{name} + v = {fmt(u['w'])} + {v_new} = <b>{new}</b>"
        return rows + [row("", v1), row("", v2)]

    def _adam_rows(self, name: str, u: dict, g_next: str, g_hidden: bool, new: str) -> list[str]:
        """Adam: the moments m and v of this parameter, then the step η·m̂/(√v̂ + ε)."""
        a = u["adam"]
        g_name = "g" if u["decay"] else f"∂{self.session.notation.loss}/∂{name}"
        m_new, v_new = (HIDDEN, HIDDEN) if g_hidden else (fmt(a["m_new"]), fmt(a["v_new"]))
        b1, b2, t = fmt(a["beta1"]), fmt(a["beta2"]), a["t"]
        m_line = (f"m ← β₁·m + (1 − β₁)·{g_name} = {b1} × {fmt(a['m'])} + (1 − {b1}) × {g_next}"
                  f" = {m_new}")
        v_line = (f"v ← β₂·v + (1 − β₂)·{g_name}² = {b2} × {fmt(a['v'])} + (1 − {b2}) × ({g_next})²"
                  f" = {v_new}")
        step = (f"{name} − η·m̂/(√v̂ + ε), m̂ = m/(1 − β₁^{t}), v̂ = v/(1 − β₂^{t}) = {fmt(u['w'])} − "
                f"{fmt(u['lr'])} × ({m_new}/(1 − {b1}^{t})) / (√({v_new}/(1 − {b2}^{t})) + {fmt(a['eps'])})"
                f" = <b>{new}</b>")
        return [row(self.tr("Adam"), m_line), row("", v_line), row("", step)]


def row(label: str, content: str) -> str:
    return (f"<tr><td style='color:#555; padding-right:8px' valign='top'>{html.escape(label)}</td>"
            f"<td>{content}</td></tr>")
