"""The derivation's text turned into LaTeX (gui/teaching/texnames.py): every name of the notation is
one symbol, the longest one that fits, and only where it stands alone (not inside a longer word, not
an index); on the largest network too, whose 9,000 names once made a regex that took a second."""
from backprop_lab.core.io.presets import load_preset
from backprop_lab.core.model.network import MAX_LAYERS, MAX_NEURONS
from backprop_lab.gui.diagram.view import _project_for
from backprop_lab.gui.teaching.texnames import TexNames


def test_names_become_symbols_only_where_they_stand_alone():
    t = TexNames(load_preset("seed004").net)
    assert t.tex("∂E/∂U11") == r"\frac{\partial {E_{\mathrm{tot}}}}{\partial {U_{11}}}"
    assert t.tex("U11·h1 + U21·h2") == r"{U_{11}} \cdot {h_{1}} + {U_{21}} \cdot {h_{2}}"
    assert t.tex("h1(1 − h1)") == "{h_{1}}(1 - {h_{1}})"
    for glued in ("xU11", "U11x", "U11[1]", "h1x"):
        assert t.tex(glued) == glued
    d = TexNames(load_preset("seed002").net)         # the default notation: W1[1,2], a0[1], E_tot and E
    assert d.tex("E_tot = E1 + E2") == r"{E_{\mathrm{tot}}} = {E_{1}} + {E_{2}}"
    assert d.tex("W1[1,2]·a0[1]") == r"{W^{(1)}_{1,2}} \cdot {a^{(0)}_{1}}"
    assert d.tex("xW1[1,2]") == "xW1[1,2]" and d.tex("W1[1,2]a") == "W1[1,2]a" and d.tex("E_totx") == "E_totx"


def test_the_largest_networks_names_too():
    net = _project_for("-".join([str(MAX_NEURONS)] * (MAX_LAYERS + 1))).net
    t = TexNames(net)
    assert len(t.table) > 9000
    assert t.tex("W8[32,32]·a7[32] + b8[32]") == r"{W^{(8)}_{32,32}} \cdot {a^{(7)}_{32}} + {b^{(8)}_{32}}"
    assert t.tex("W8[32,32]x") == "W8[32,32]x"
