"""The walk written a unit at a time (core.teaching.walkthrough.LazyWalk): read in any order it is step
for step the walk written whole, and reading one step writes only the unit that holds it; on the
largest network that is a few dozen of its 25,378 steps."""
import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

from backprop_lab.core.io.presets import load_preset, names
from backprop_lab.core.model.losses import LOSSES
from backprop_lab.core.model.network import BIAS_MODES, MAX_LAYERS, MAX_NEURONS, LayerSpec, Network
from backprop_lab.core.model.settings import Settings
from backprop_lab.core.numerics.update import OptState
from backprop_lab.core.teaching.walkthrough import LazyWalk, walk

SHOWN = ("phase", "kind", "quantity", "layer", "index", "name", "name_tex", "value", "highlight", "note",
         "formula", "substituted", "result", "formula_tex", "substituted_tex", "result_tex")


def shown(step) -> tuple:
    """Everything the window shows of a step (NaN compared as text)."""
    return tuple(repr(v) if isinstance(v, float) else v for v in (getattr(step, f) for f in SHOWN))


def assert_same_in_any_order(args: tuple, kwargs: dict, seed: int) -> None:
    whole = walk(*args, **kwargs)
    lazy = LazyWalk(*args, **kwargs)
    assert len(lazy) == len(whole)
    for k in np.random.default_rng(seed).permutation(len(whole)):
        assert shown(lazy[int(k)]) == shown(whole[k]), (k, whole[k].quantity)
    assert [shown(s) for s in lazy] == [shown(s) for s in whole]     # and read in order, as it is now kept
    finder = LazyWalk(*args, **kwargs)
    assert len({s.quantity for s in whole}) == len(whole)             # a quantity names one step
    for s in whole:
        found = finder.find(s.quantity)
        assert found is not None and shown(found) == shown(s), s.quantity


@pytest.mark.parametrize("preset", names())
def test_every_preset_reads_the_same_in_any_order(preset):
    p = load_preset(preset)
    for k in range(len(p.data)):
        assert_same_in_any_order((p.net, p.data.X[k], p.data.Y[k], p.settings), {}, k)


@st.composite
def problems(draw):
    """Any shape, activation, bias mode, loss, frozen parameters and update rule (momentum with its
    velocity, Adam with its moments, weight decay): every unit the plan counts."""
    depth = draw(st.integers(1, 3))
    sizes = [draw(st.integers(1, 4)) for _ in range(depth + 1)]
    loss = draw(st.sampled_from(sorted(LOSSES)))
    acts = ["identity", "sigmoid", "tanh", "relu", "leaky_relu"]
    layers = []
    for l in range(1, depth + 1):
        a = draw(st.sampled_from(acts + (["softmax"] if l == depth else [])))
        if l == depth and LOSSES[loss].requires:
            a = LOSSES[loss].requires
        layers.append(LayerSpec(sizes[l], a, draw(st.sampled_from(BIAS_MODES))))
    net = Network(sizes[0], layers, loss)
    floats = st.floats(-1.5, 1.5, allow_nan=False, allow_subnormal=False)
    net.theta[...] = draw(arrays(np.float64, net.n_params, elements=floats))
    net.frozen[...] = draw(arrays(bool, net.n_params))
    x = draw(arrays(np.float64, sizes[0], elements=floats))
    y = draw(arrays(np.float64, sizes[-1], elements=st.floats(0.05, 1, allow_nan=False)))
    rule = draw(st.sampled_from(["sgd", "momentum", "adam"]))
    s = Settings(lr=0.3, momentum=0.9 if rule == "momentum" else 0.0, optimizer="adam" if rule == "adam" else "sgd",
                 weight_decay=draw(st.sampled_from([0.0, 0.01])))
    kwargs: dict = {"digits": draw(st.sampled_from([8, None, 3]))}
    if rule == "momentum":
        kwargs["velocity"] = draw(arrays(np.float64, net.n_params, elements=floats))
    if rule == "adam":
        n = net.n_params
        kwargs["opt"] = OptState(np.zeros(n), draw(arrays(np.float64, n, elements=floats)),
                                 draw(arrays(np.float64, n, elements=st.floats(0, 1))), np.array(3.0))
    return (net, x, y, s), kwargs, draw(st.integers(0, 1000))


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(problems())
def test_any_network_and_rule_reads_the_same_in_any_order(problem):
    args, kwargs, seed = problem
    assert_same_in_any_order(args, kwargs, seed)


def largest() -> tuple:
    rng = np.random.default_rng(1)
    net = Network(MAX_NEURONS, [LayerSpec(MAX_NEURONS) for _ in range(MAX_LAYERS)])
    net.theta[...] = rng.uniform(-1, 1, net.n_params) / np.sqrt(MAX_NEURONS)
    return net, rng.random(MAX_NEURONS), rng.random(MAX_NEURONS), Settings()


def test_on_the_largest_network_one_step_writes_only_its_unit():
    net, x, y, s = largest()
    lazy = LazyWalk(net, x, y, s)
    # forward 2·32·8, loss 33, output 3·32, hidden 7·32·(32 + 3), gradients and updates 8·(32·32 + 32) each,
    # the loss after
    assert len(lazy) == 512 + 33 + 96 + 7 * 32 * 35 + 2 * 8 * (32 * 32 + 32) + 1 == 25_378
    assert lazy.units_written == 0                  # counting the steps wrote none
    k = 512 + 33 + 96 + 35 * 40 + 2                 # a path of the 41st hidden neuron's sum
    step = lazy[k]
    assert (step.phase, step.kind) == ("hidden", "path") and lazy.units_written == 1
    assert [lazy[k - 2 + m].phase for m in range(35)] == ["hidden"] * 35 and lazy.units_written == 1
    last = lazy[-1]
    assert last.kind == "loss_after" and lazy.units_written == 2
    whole = walk(net, x, y, s)
    assert shown(step) == shown(whole[k]) and shown(last) == shown(whole[-1])


def test_find_gives_each_steps_quantity_and_nothing_else():
    for name in names():
        p = load_preset(name)
        args = (p.net, p.data.X[0], p.data.Y[0], p.settings)
        for step in walk(*args):
            lazy = LazyWalk(*args)
            found = lazy.find(step.quantity)
            assert found is not None and shown(found) == shown(step) and lazy.units_written == 1
        lazy = LazyWalk(*args)
        for absent in ("z9[1]", "dE/dW1[9,9]", "via:W1[1,1]", "updated:b9", "text:note", "not a key", "y[1]"):
            assert lazy.find(absent) is None, absent
