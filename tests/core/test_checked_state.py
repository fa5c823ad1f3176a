"""A typed edit's finiteness check evaluates the network over the data set once
(core.numerics.engine.checked), and the window shows that evaluation instead of making it again
(ProjectModel.checked_state): only when it is of the very numbers shown, and exactly the numbers a
fresh engine.evaluate gives."""
import numpy as np
import pytest

from backprop_lab.core.io import presets
from backprop_lab.core.numerics import engine
from backprop_lab.core.numerics.project_model import ProjectModel


def same_state(a: engine.State, b: engine.State) -> bool:
    arrays = [(a.grad, b.grad), (a.terms, b.terms), *zip(a.acts, b.acts), *zip(a.zs[1:], b.zs[1:]),
              *zip(a.deltas[1:], b.deltas[1:]), *zip(a.dE_da, b.dE_da)]
    return a.loss == b.loss and all(np.array_equal(u, v) for u, v in arrays)


@pytest.fixture
def model():
    return ProjectModel(presets.resolve("seed004"))


def test_the_checked_edit_is_shown_as_a_fresh_evaluation_would_show_it(model):
    net, data = model.net, model.data
    assert model.not_finite_with_param(3, 0.4321) is None
    model.set_param(3, 0.4321)
    kept = model.checked_state(net, data.X, data.Y)
    assert kept is not None and same_state(kept, engine.evaluate(net, data.X, data.Y))
    assert model.checked_state(net, data.X, data.Y) is None          # given once


def test_a_check_of_another_value_is_not_shown(model):
    net, data = model.net, model.data
    assert model.not_finite_with_param(3, 0.4321) is None
    model.set_param(3, 0.5)                    # not what was checked (a drag, an undo)
    assert model.checked_state(net, data.X, data.Y) is None


def test_a_check_of_another_network_or_other_data_is_not_shown(model):
    net, data = model.net, model.data
    assert model.not_finite_with_param(3, float(net.theta[3])) is None
    assert model.checked_state(net.copy(), data.X, data.Y) is None      # a past step's network
    assert model.not_finite_with_param(3, float(net.theta[3])) is None
    X = data.X.copy()
    X[0, 0] += 1.0
    assert model.checked_state(net, X, data.Y) is None


def test_a_checked_data_edit_is_shown_as_a_fresh_evaluation_would_show_it(model):
    net, data = model.net, model.data
    assert model.not_finite_with_data("Y", (0, 1), 0.25) is None
    model.set_data_value("Y", (0, 1), 0.25)
    kept = model.checked_state(net, data.X, data.Y)
    assert kept is not None and same_state(kept, engine.evaluate(net, data.X, data.Y))
    assert model.not_finite_with_data("X", (0, 0), 0.75) is None
    model.set_data_value("X", (0, 0), 0.5)                             # not the checked value
    assert model.checked_state(net, data.X, data.Y) is None


def test_a_refused_edit_leaves_nothing_to_show(model):
    net, data = model.net, model.data
    assert model.not_finite_with_param(3, 0.4321) is None
    bad = model.not_finite_with_data("Y", (0, 0), 1e200)         # the loss would be infinite
    assert bad is not None and bad.kind == "loss_term"
    assert model.checked_state(net, data.X, data.Y) is None


def test_one_pass_finds_what_the_forward_check_found():
    """engine.checked: one evaluate, and the same first value as the rule's order (forward first)."""
    p = presets.resolve("xor")
    Y = p.data.Y.copy()
    Y[3, 0] = -1e300
    state, bad = engine.checked(p.net, p.data.X, Y)
    assert (bad.kind, bad.sample, bad.unit) == ("loss_term", 3, 0)
    assert same_state(state, engine.evaluate(p.net, p.data.X, Y))
