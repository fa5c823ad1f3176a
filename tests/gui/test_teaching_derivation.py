"""The derivation view: seed 004's chain rule with its numbers, the sum over paths of a hidden weight
written out term by term, the typeset rendering of the 3-3-3-3 preset (seed 000), numbers that follow an
edit in the same event-loop turn, clicks on factors, the matrix form, and the gradient check."""
import numpy as np
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage
from teaching_host import DERIVATION, GRADIENT, open_host, panel

from backprop_lab.core.model.network import LayerSpec
from backprop_lab.core.numerics import engine
from backprop_lab.gui.numbers import fmt
from backprop_lab.gui.teaching.typeset import flush
from backprop_lab.gui.teaching.widgets import number_text

U11, U12, W11 = ("W", 2, 0, 0), ("W", 2, 0, 1), ("W", 1, 0, 0)


def numbers(p) -> list[str]:
    return [lab.text() for lab in p.number_labels()]


def symbols(p) -> list[str]:
    return [v.text() for v in p.math_views()]


def label_showing(p, text):
    return next(lab for lab in p.number_labels() if lab.text() == text)


def test_output_weight_chain_as_seed004_writes_it(qtbot, host):
    p = panel(host, DERIVATION)
    assert host.session.selection == U11                    # the window starts on the text's example
    # ∂E/∂U11 = ∂E/∂o1 × ∂o1/∂t1 × ∂t1/∂U11 = −(y1−o1) × o1(1−o1) × h1 = 0.02592286
    assert symbols(p)[:7] == ["∂E/∂U11", "∂E/∂o1", "-(y1-o1)", "∂o1/∂t1", "o1(1-o1)", "∂t1/∂U11", "h1"]
    assert numbers(p) == ["0.20944600", "0.23802157", "0.51998934", "0.02592286"]
    assert p.result_label().text() == "0.02592286"
    views = p.math_views()
    assert all(v.is_typeset() for v in views)
    assert views[0].latex() == r"\frac{\partial {E_{\mathrm{tot}}}}{\partial {U_{11}}}"


def test_hidden_weight_expands_the_sum_over_paths_term_by_term(qtbot, host):
    s, p = host.session, panel(host, DERIVATION)
    s.select(W11)
    texts = symbols(p)
    assert texts[:6] == ["∂E/∂W11", "∂E/∂h1", "∂h1/∂z1", "h1(1-h1)", "∂z1/∂W11", "x1"]
    assert "∂E1/∂h1" in texts and "∂E2/∂h1" in texts and "U12" in texts
    # seed 004: ∂E/∂h1 = 0.02243370 + 0.00997311 = 0.03240681; ∂E/∂W11 = 0.03240681 × 0.24960043 × 0.1
    assert numbers(p)[:4] == ["0.03240681", "0.24960043", "0.1", "0.00080888"]
    assert numbers(p)[4:7] == ["0.02243370", "0.00997311", "0.03240681"]
    path2 = numbers(p)[7:]
    assert path2[:4] == ["0.20944600", "0.23802157", "0.45", "0.02243370"]
    assert path2[4:] == ["0.06384491", "0.22315485", "0.7", "0.00997311"]


def test_clicking_a_factor_selects_its_neuron_or_edge(qtbot, host):
    s, p = host.session, panel(host, DERIVATION)
    s.select(W11)
    qtbot.mouseClick(label_showing(p, "0.7"), Qt.MouseButton.LeftButton)         # ∂t2/∂h1 = U12
    assert s.selection == U12
    assert symbols(p)[0] == "∂E/∂U12"                   # the view follows the selection
    s.select(W11)
    qtbot.mouseClick(label_showing(p, "0.23802157"), Qt.MouseButton.LeftButton)  # ∂o1/∂t1 = o1(1−o1)
    assert s.selection == ("n", 2, 0)
    assert symbols(p)[0] == "δt1"                       # o1's δ, named after its t1
    assert p.result_label().text() == "0.04985267"
    s.select(U11)
    h1 = next(v for v in p.math_views() if v.text() == "h1")
    qtbot.mouseClick(h1, Qt.MouseButton.LeftButton)                               # ∂t1/∂U11 = h1
    assert s.selection == ("n", 1, 0)


def test_seed000_hidden_weight_renders_and_an_edit_refreshes_its_numbers_in_the_same_turn(qtbot, settings_clean):
    win = open_host(qtbot, "seed000", DERIVATION, size=(1100, 700))
    s, p = win.session, panel(win, DERIVATION)
    s.select(W11)
    flush()
    views = p.math_views()
    assert len(views) > 10 and all(v.is_typeset() for v in views)
    lhs = views[0]
    assert lhs.text() == "∂E/∂w_ij11" and not lhs.renderer().defaultSize().isEmpty()
    image = lhs.grab().toImage().convertToFormat(QImage.Format.Format_Grayscale8)
    pixels = np.frombuffer(image.constBits(), np.uint8, image.sizeInBytes())
    assert pixels.min() < 100, "the typeset symbol drew nothing"
    # three paths through the second hidden layer, each written out
    assert sum(v.text().startswith("δh2_in") and "×" in v.text() for v in views) >= 3

    before = p.result_label().text()
    assert before == number_text(s.grad(W11))
    assert s.edit_param(("W", 2, 0, 1), 0.9) is None       # a weight on one of W11's paths; no waiting:
    after = p.result_label().text()
    assert after != before and after == number_text(s.grad(W11))
    st = engine.evaluate(s.net, s.data.X[:1], s.data.Y[:1])
    assert after == number_text(st.grad[s.index(W11)])
    assert "0.9" in numbers(p)                              # the edited weight's own factor


def test_matrix_form_beside_the_chain(qtbot, host):
    s, p = host.session, panel(host, DERIVATION)
    s.select(W11)
    qtbot.mouseClick(p.matrix_toggle, Qt.MouseButton.LeftButton)
    assert p.matrix.isVisible()
    flush()
    st = s.state
    dW_box = p.matrix.boxes[-1][0]                     # ∂E/∂W = x δᵀ
    assert dW_box.cells[0, 0].text() == "0.00081"        # seed 004: 0.00080888, to 5 significant digits
    assert dW_box.cells[0, 0].font().bold()            # the selected weight's entry
    assert dW_box.cells[1, 1].text() == fmt(st.dW[0][1, 1], 5)
    qtbot.mouseClick(dW_box.cells[1, 0], Qt.MouseButton.LeftButton)
    assert s.selection == ("W", 1, 1, 0)
    s.edit_param(("W", 1, 1, 0), 0.1)
    assert p.matrix.boxes[-1][0].cells[1, 0].text() == fmt(s.state.dW[0][1, 0], 5)


def test_gradient_check_of_u11(qtbot, host):
    s, p = host.session, panel(host, GRADIENT)
    assert s.selection == U11
    assert p.analytic.text() == "0.0259228556"
    assert abs(float(p.numeric.text()) - 0.0259228556) < 1e-9
    assert float(p.rel.text()) < 1e-6 and p.result.rel_error < 1e-6 and p.result.h == 1e-6
    p.h_box.setFocus()
    qtbot.keyClick(p.h_box, Qt.Key.Key_Up)                 # a larger step: 1e-5
    assert p.result.h == 1e-5 and float(p.rel.text()) < 1e-6
    s.select(("n", 1, 0))
    assert p.result is None and p.analytic.text() == "—"


def test_a_batch_is_the_mean_of_its_samples_and_a_new_shape_rebuilds_the_view(qtbot, settings_clean):
    win = open_host(qtbot, "xor", DERIVATION)
    s, p = win.session, panel(win, DERIVATION)
    assert s.set_setting("mode", "batch") is None
    s.select(W11)
    assert "mean over the 4 samples of the batch" in p.title.text()
    i, X, Y = s.index(W11), s.data.X, s.data.Y
    per_sample = [number_text(engine.evaluate(s.net, X[k:k + 1], Y[k:k + 1]).grad[i]) for k in range(4)]
    assert numbers(p)[:5] == per_sample + [number_text(s.grad(W11))]
    assert p.result_label().text() == number_text(s.grad(W11))

    hidden = LayerSpec(3, "tanh", "neuron")
    assert s.set_architecture(2, [hidden, s.net.layers[1]], "half_sse") is None
    assert s.net.sizes == [2, 3, 1]
    assert p.result_label().text() == number_text(s.grad(W11))
    assert "1-a1[1]^2" in symbols(p)                       # tanh′ = 1 − a², in the new names
    flush()
    assert all(v.is_typeset() for v in p.math_views())
