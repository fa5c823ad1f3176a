"""View → Notation: switch the names of every panel between seed 004's own symbols (x, z, h, t, o, W, U),
the layer form (z1[1], a1[1], W2[1,1]) and the net/out form (i1, net_h1, out_h1, w1…w8). After a switch
every panel's text — diagram, tables and their headers, tab names, Selected, the derivation, the
walk-through step, the exercise, the status bar — holds the chosen symbols and none of another form.
The choice is remembered and survives a change of language."""
import re
from pathlib import Path

import pytest
from gui_drive import click_tab
from PySide6.QtCore import QEvent, QSettings, Qt
from PySide6.QtWidgets import QApplication
from widget_texts import visible_texts

from backprop_lab.gui.app import install_translations
from backprop_lab.gui.prefs import Prefs
from backprop_lab.gui.teaching.typeset import MathView

# A name of each form, as seed 004's 2-2-2 network has them (no word character or "[" around it).
SYMBOLS = {
    "text": re.compile(r"(?<![\w\[])(?:[xzhto][12]|[WU][12]{2}|δ[zt][12])(?![\w\[])"),
    "layer": re.compile(r"(?<![\w\[])(?:[za][0-2]\[[12]\]|W[12]\[[12],[12]\]|δ[12]\[[12]\])"),
    "netout": re.compile(r"(?<![\w\[])(?:net_[ho][12]|out_[ho][12]|w[1-8]|i[12]|δ_[ho][12]|target_o[12]"
                         r"|E_total|E_o[12])(?![\w\[])"),
}
PANELS = ("diagram", "values", "selected", "derivation", "walk", "exercise", "status")


@pytest.fixture
def english(qapp):
    install_translations(qapp, "en")
    yield
    install_translations(qapp, "en")


def _open_everything(qtbot, w):
    """A step taken, W11 selected, the derivation built, the walk-through at its fourth step and an
    exercise open with an answer checked: every panel has names to show."""
    qtbot.mouseClick(w.controls.step_button, Qt.MouseButton.LeftButton)
    w.session.select(("W", 1, 0, 0))
    click_tab(qtbot, w.teaching, 1)                  # the derivation
    click_tab(qtbot, w.teaching, 0)                  # the walk-through
    walk = w.teaching.widget(0)
    qtbot.mouseClick(walk.start_button, Qt.MouseButton.LeftButton)
    for _ in range(3):
        qtbot.mouseClick(walk.next_button, Qt.MouseButton.LeftButton)
    click_tab(qtbot, w.teaching, 2)                  # an exercise, answered wrongly
    ex = w.teaching.widget(2)
    ex.choose(2)
    qtbot.keyClicks(ex.answer, "0.5")
    qtbot.keyClick(ex.answer, Qt.Key.Key_Return)
    return walk, ex


def _panel_texts(w, walk, ex) -> dict[str, list[str]]:
    derivation = w.teaching.widget(1)
    derivation.catch_up()
    walk.catch_up()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)   # the trees a rebuild let go

    def texts(root):
        found = [t for _where, t in visible_texts(root)]
        return found + [m.text() for m in root.findChildren(MathView)]

    return {"diagram": texts(w.diagram), "values": texts(w.values_dock), "selected": texts(w.selected),
            "derivation": texts(derivation), "walk": texts(walk), "exercise": texts(ex),
            "status": texts(w.status) + [w.status.loss.text()]}


def _check(panels: dict, form: str) -> None:
    for panel, texts in panels.items():
        joined = "\n".join(texts)
        if panel != "status":            # it names only the loss: E in two forms (asserted below)
            assert SYMBOLS[form].search(joined), f"{panel}: no {form} symbol in {joined[:300]!r}"
        for other in SYMBOLS.keys() - {form}:
            found = sorted(set(SYMBOLS[other].findall(joined)))
            assert not found, f"{panel} in the {form} form shows {other} symbols {found}"


def test_every_panel_follows_the_chosen_notation(qtbot, english, make_window):
    w = make_window()
    walk, ex = _open_everything(qtbot, w)
    for form in ("text", "netout", "layer", "text"):
        w.notation_menu.choices[form].trigger()         # View → Notation → …
        assert w.session.view.form == form and w.prefs.notation == form
        panels = _panel_texts(w, walk, ex)
        assert set(panels) == set(PANELS)
        _check(panels, form)
        assert w.status.loss.text().startswith("E_total = " if form == "netout" else "E = ")
    # the state the learner made is kept across the switches
    assert (w.session.selection, ex.index, ex.answer.text()) == (("W", 1, 0, 0), 2, "0.5")
    assert walk.active and walk.index == 3


def test_the_values_tab_names_by_symbols(qtbot, english, make_window):
    w = make_window()
    neurons = w.values.neurons.model()
    header = [neurons.headerData(c, Qt.Orientation.Horizontal) for c in range(4)]
    assert header == ["z/t", "x/h/o", "δ = dE/d(z/t)", "dE/d(x/h/o)"]
    # the tabs' short words stay; their tooltips lead with the symbols
    assert [w.values.tabText(i) for i in (1, 2)] == ["Gradients", "Neurons"]
    assert [w.values.tabToolTip(i).split(":")[0] for i in (1, 2)] == ["dE/dW, dE/dU", "z/t, x/h/o, δ"]
    w.notation_menu.choices["netout"].trigger()
    header = [neurons.headerData(c, Qt.Orientation.Horizontal) for c in range(4)]
    assert header == ["net", "i/out", "δ = dE_total/dnet", "dE_total/d(i/out)"]
    assert [w.values.tabToolTip(i).split(":")[0] for i in (1, 2)] == ["dE_total/dw", "net, i/out, δ"]
    assert neurons.headerData(2, Qt.Orientation.Vertical) == "net_h1 → out_h1"
    grads = w.values.gradients.tables[1].model()
    assert grads.data(grads.index(1, 1), Qt.ItemDataRole.ToolTipRole).startswith("dE_total/dw8 = ")
    w.notation_menu.choices["layer"].trigger()
    assert neurons.headerData(2, Qt.Orientation.Vertical) == "z1[1] → a1[1]"
    assert w.values.tabToolTip(1).split(":")[0] == "dE/dW1, dE/dW2"
    assert [w.values.tabText(i) for i in (1, 2)] == ["Gradients", "Neurons"]


@pytest.fixture(autouse=True)
def own_settings(tmp_path):
    """Settings in a folder of this test's own: other test runs on the machine share (and clear) the
    test folder, and a notation left chosen here must not reach their windows."""
    native, user = QSettings.Format.NativeFormat, QSettings.Scope.UserScope
    QSettings.setPath(native, user, str(tmp_path))
    yield
    QSettings.setPath(native, user, str(Path.home() / ".qttest" / "config"))


def test_the_choice_is_remembered_and_kept_across_a_language_switch(qtbot, english, make_window):
    w = make_window()
    w.notation_menu.choices["netout"].trigger()
    assert Prefs().notation == "netout"
    w.language_actions["ko"].trigger()
    assert w.session.view.form == "netout" and w.notation_menu.choices["netout"].isChecked()
    assert w.status.loss.text().startswith("E_total = ")
    assert w.notation_menu.title() != "&Notation"          # relabelled, in Korean
    w.language_actions["en"].trigger()
    w2 = make_window()                                     # a new window opens in the remembered form
    assert w2.session.view.form == "netout" and w2.status.loss.text().startswith("E_total = ")
    assert w2.values.neurons.model().headerData(0, Qt.Orientation.Horizontal) == "net"


def test_a_document_saved_in_another_notation_keeps_its_own(qtbot, english, make_window, tmp_path):
    from backprop_lab.core.io import document
    w = make_window()
    w.notation_menu.choices["netout"].trigger()
    assert w.session.net.notation.symbol("W", 2) == "U"
    assert document.loads(document.dumps(w.session.project)).net.notation.symbol("W", 2) == "U"
