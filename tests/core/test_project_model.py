"""The Qt-free project model: it changes only through its methods, announces what changed (once per
`changing()` block), and checks edits before they are made."""
import numpy as np
import pytest

from backprop_lab.core.io.presets import load_preset
from backprop_lab.core.model.dataset import Dataset
from backprop_lab.core.model.network import LayerSpec, Network
from backprop_lab.core.model.project import Project
from backprop_lab.core.model.settings import Settings
from backprop_lab.core.numerics import project_model as pm
from backprop_lab.core.numerics.project_model import Change, ProjectModel, World
from backprop_lab.core.numerics.training import Trainer
from tests.core.other_sample import other_sample_overflows


@pytest.fixture
def heard():
    model = ProjectModel(load_preset("seed004"))
    log = []
    model.listen(log.append)
    return model, log


def test_each_change_is_announced_with_its_kind(heard):
    m, log = heard
    m.set_param(0, 0.25)
    m.set_frozen(1, True)
    m.set_setting("lr", 0.1)
    m.set_data_value("Y", (0, 0), 0.5)
    m.set_samples(np.vstack([m.data.X, [0, 0]]), np.vstack([m.data.Y, [0, 0]]))
    assert log == [(Change(pm.PARAMETERS),), (Change(pm.PARAMETERS),), (Change(pm.SETTINGS),),
                   (Change(pm.DATA),), (Change(pm.SAMPLES), Change(pm.DATA))]
    assert m.net.theta[0] == 0.25 and m.net.frozen[1] and m.settings.lr == 0.1 and len(m.data) == 2


def test_training_announces_the_rows_it_appended_and_a_rewind_a_reset(heard):
    m, log = heard
    before = m.trainer.snapshot()
    assert m.train(3) == (3, None)
    m.train(4)
    after, theta = m.trainer.snapshot(), m.net.theta.copy()
    assert log == [(Change(pm.TRACE_APPENDED, 0, 3), Change(pm.PARAMETERS)),
                   (Change(pm.TRACE_APPENDED, 3, 7), Change(pm.PARAMETERS))]
    log.clear()
    rows = m.rewind(before)
    assert log == [(Change(pm.TRACE_RESET), Change(pm.PARAMETERS))] and len(m.trace) == 0
    log.clear()
    m.replay(after, rows)
    assert log == [(Change(pm.TRACE_APPENDED, 0, 7), Change(pm.PARAMETERS))]
    assert np.array_equal(m.net.theta, theta) and m.trainer.step == len(m.trace) == 7


def test_changes_inside_one_block_are_announced_once_and_merged(heard):
    m, log = heard
    with m.changing():
        m.train(2)
        m.set_param(0, 1.0)
        m.train(5)
        assert log == []
    assert log == [(Change(pm.TRACE_APPENDED, 0, 7), Change(pm.PARAMETERS))]


def test_a_new_shape_is_announced_and_replaces_the_trainer(heard):
    m, log = heard
    net = Network(2, [LayerSpec(3, "sigmoid", "neuron"), LayerSpec(2, "sigmoid", "neuron")], "half_sse")
    old = m.world
    m.set_world(World(net, m.data, Trainer(net, m.data, m.settings), net.theta.copy()))
    kinds = [c.kind for c in log[0]]
    assert len(log) == 1 and pm.SHAPE in kinds and pm.TRACE_RESET in kinds
    assert m.net is net and m.trainer is not old.trainer and m.trainer.settings is m.settings


def test_a_divergence_is_settled_to_a_finite_loss_and_returned():
    net = Network(1, [LayerSpec(1, "identity", "none")], "half_sse", theta=np.array([0.5]))
    m = ProjectModel(Project(net, Dataset([[10.0]], [[1.0]]), Settings(lr=1.0, momentum=0.5)))
    done, error = m.train(1000)
    assert error is not None and 0 < done == m.trainer.step == len(m.trace) < 1000
    assert m.trainer.finite_loss()


@pytest.mark.parametrize("array,at", [("X", (0, 1)), ("Y", (0, 1))])
def test_an_input_or_target_that_makes_the_loss_infinite_is_refused(array, at):
    # seed 004: squared error on sigmoid outputs; a target of 1e200 squares to infinity, and an input
    # of 1e200 does not (the sigmoids saturate), but an identity output would pass it on
    m = ProjectModel(load_preset("seed004"))
    if array == "X":
        net = Network(2, [LayerSpec(2, "identity", "none"), LayerSpec(2, "identity", "none")], "half_sse",
                      theta=np.ones(8))
        m = ProjectModel(Project(net, m.data.copy(), m.settings.copy()))
    data = m.data.X.copy(), m.data.Y.copy()
    assert not m.finite_with_data(array, at, 1e200)
    assert m.finite_with_data(array, at, 0.5)
    assert np.array_equal(m.data.X, data[0]) and np.array_equal(m.data.Y, data[1])


def test_a_parameter_that_makes_the_loss_infinite_is_refused():
    net = Network(2, [LayerSpec(2, "sigmoid", "none"), LayerSpec(2, "identity", "none")], "half_sse")
    m = ProjectModel(Project(net, load_preset("seed004").data, Settings()))
    assert not m.finite_with_param(4, 1e200) and m.finite_with_param(4, 2.0)
    assert m.net.theta[4] == 0.0


@pytest.mark.parametrize("kind,message,sample", [
    # a loss is said as the Trainer says its own: by the largest parameter, what the learner can act on
    ("loss", "step 0: the parameter W1[1,1] would become NaN or Inf", -1),
    ("softmax", "step 0: the value z1[1] of sample 2 would become NaN or Inf", 1),
])
def test_a_step_that_takes_another_samples_values_past_the_largest_float_is_refused(kind, message, sample):
    from backprop_lab.core.numerics import engine
    project = other_sample_overflows(kind)
    assert engine.first_not_finite(project.net, project.data.X, project.data.Y) is None
    m = ProjectModel(project)
    theta = m.net.theta.copy()
    done, error = m.train(1)
    assert done == 0 and error is not None and message in str(error), error
    assert (error.step, error.sample) == (0, sample) and m.trainer.step == len(m.trace) == 0
    assert np.array_equal(m.net.theta, theta)
    assert engine.first_not_finite(m.net, m.data.X, m.data.Y) is None


@pytest.mark.parametrize("pieces", [[50], [1] * 50, [3, 4, 43]])
def test_a_divergence_is_said_at_the_step_kept_however_the_steps_were_asked_for(pieces):
    # The Trainer refuses step 20 (sample 2's own loss is inf), but sample 2 overflowed after step 7
    # already: the state kept is that of step 7, and so is the step said, in one call or fifty.
    m = ProjectModel(other_sample_overflows("later"))
    for n in pieces:
        done, error = m.train(n)
        if error is not None:
            break
    assert error is not None and error.step == m.trainer.step == len(m.trace) == 7
    assert "step 7: the parameter W1[1,1] would become NaN or Inf" in str(error)


def test_what_training_checked_is_what_the_window_is_given_to_show(heard):
    from backprop_lab.core.numerics import engine
    m, _ = heard
    m.train(3)
    shown = m.checked_state(m.net, m.data.X, m.data.Y)
    assert shown is not None and m.checked_state(m.net, m.data.X, m.data.Y) is None     # given once
    fresh = engine.evaluate(m.net, m.data.X, m.data.Y)
    assert shown.loss == fresh.loss and np.array_equal(shown.grad, fresh.grad)
    m.train(1)
    m.set_param(0, 0.3)         # numbers changed since: what training checked is not given for them
    assert m.checked_state(m.net, m.data.X, m.data.Y) is None
