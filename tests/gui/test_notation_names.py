"""The status bar and the Values tab name quantities as the network's notation does: seed 003's loss is J
in the diagram and the status bar alike; the gradients tab's tooltip names every weight symbol it holds."""
from backprop_lab.core.io import presets


def test_seed003_status_says_J_as_the_diagram_does(make_window):
    w = make_window(presets.resolve("seed003"))
    assert w.session.net.notation.loss == "J"
    assert w.status.loss.text().startswith("J = ")


def test_the_gradient_tab_names_each_weight_symbol(make_window):
    w = make_window()
    assert w.values.tabToolTip(1) == "dE/dW, dE/dU: the gradient of the loss for each weight and bias"
