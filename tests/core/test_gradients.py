"""The engine's gradients against finite differences for random networks, the derivation's products
against the engine, the training loop against evaluate + a hand-written SGD update, and the numerics at
the edges (|z| up to 1e4, a step that would overflow)."""
import math

import numpy as np
import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

from backprop_lab.core.model import activations as act
from backprop_lab.core.model.dataset import Dataset
from backprop_lab.core.model.losses import LOSSES
from backprop_lab.core.model.network import BIAS_MODES, LayerSpec, Network
from backprop_lab.core.model.settings import Settings
from backprop_lab.core.numerics.engine import evaluate, forward, loss_at
from backprop_lab.core.numerics.trace import Trace, column_names
from backprop_lab.core.numerics.training import DivergenceError, Trainer, samples_for_step
from backprop_lab.core.teaching.derivation import Factor, Product, Sum, derive, gradient_check, relative_error

HIDDEN = [a for a in act.ACTIVATIONS if a != "softmax"]
KINKED = ("relu", "leaky_relu")
EPS = np.finfo(float).eps
SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def values(n, lo=-1.5, hi=1.5):
    return arrays(np.float64, n, elements=st.floats(lo, hi, allow_nan=False, allow_subnormal=False))


@st.composite
def problems(draw, max_batch=3):
    """(net, X, Y): 1-4 layers of 1-5 neurons, any activation (softmax only at the output), any loss with
    the output activation it needs, any bias mode, a random frozen mask, a batch of 1-3 samples."""
    depth = draw(st.integers(1, 4))
    sizes = [draw(st.integers(1, 5)) for _ in range(depth + 1)]
    loss = draw(st.sampled_from(sorted(LOSSES)))
    layers = []
    for l in range(1, depth + 1):
        choices = HIDDEN + (["softmax"] if l == depth else [])
        a = draw(st.sampled_from(choices))
        if l == depth and LOSSES[loss].requires:
            a = LOSSES[loss].requires
        layers.append(LayerSpec(sizes[l], a, draw(st.sampled_from(BIAS_MODES))))
    net = Network(sizes[0], layers, loss)
    net.theta[...] = draw(values(net.n_params))
    for l, W in enumerate(net.W):
        W /= sizes[l]   # Σ_i |W_ij| ≤ 1.5: activations stay O(1) however deep, so differences resolve
    net.frozen[...] = draw(arrays(bool, net.n_params))   # freezing must not change a gradient
    B = draw(st.integers(1, max_batch))
    X = draw(values((B, sizes[0]), -2, 2))
    if loss == "cross_entropy":
        p = draw(values((B, sizes[-1]), 0.01, 1))
        Y = p / p.sum(axis=1, keepdims=True)
    elif loss == "bce":
        Y = draw(values((B, sizes[-1]), 0, 1))
    else:
        Y = draw(values((B, sizes[-1]), -1, 1))
    return net, X, Y


def kink_pattern(net, X):
    zs, _ = forward(net, X)
    return tuple((zs[l] > 0).tobytes() for l, s in enumerate(net.layers, start=1) if s.activation in KINKED)


def numeric(net, X, Y, index, h=1e-4):
    """Fourth-order central difference, or None where a ReLU kink lies within the stencil (cs231n: the
    derivative is not defined across a kink, so a difference across one says nothing)."""
    probe = net.copy()
    base = kink_pattern(net, X)
    fs = []
    for k in (2, 1, -1, -2):
        probe.theta[index] = net.theta[index] + k * h
        if kink_pattern(probe, X) != base:
            return None
        fs.append(loss_at(probe, X, Y))
    f2, f1, m1, m2 = fs
    return (8 * (f1 - m1) - (f2 - m2)) / (12 * h)


@SETTINGS
@given(problems())
def test_gradients_match_finite_differences(problem):
    net, X, Y = problem
    st_ = evaluate(net, X, Y)
    scale = max(1.0, abs(st_.loss))
    checked = 0
    for index in range(net.n_params):
        n = numeric(net, X, Y, index)
        if n is None:
            continue
        a = st_.grad[index]
        # the difference rounds to ~3e-12·E (a few ulps of E over h = 1e-4): below a floor of 1e-5·E a gradient is
        # compared in absolute terms, above it in relative terms
        assert relative_error(a, n, floor=1e-5 * scale) < 1e-6, (net.param_names()[index], a, n)
        checked += 1
    assume(checked > 0)


def test_finite_differences_see_a_wrong_gradient():
    """The check above can fail: a gradient with its σ' factor dropped is caught."""
    net = Network(2, [LayerSpec(2, "sigmoid", "neuron"), LayerSpec(1, "sigmoid", "neuron")])
    net.theta[...] = np.linspace(-0.7, 0.9, net.n_params)
    X, Y = np.array([[0.3, -0.8]]), np.array([[0.2]])
    st_ = evaluate(net, X, Y)
    wrong = st_.dE_do[0, 0] * st_.acts[1][0, 0]      # dE/dW2[1,1] without o(1-o)
    n = numeric(net, X, Y, net.param_index("W", 2, 0, 0))
    assert relative_error(st_.grad[net.param_index("W", 2, 0, 0)], n) < 1e-9
    assert relative_error(wrong, n) > 0.5


def magnitude(node) -> float:
    """The same tree with every value replaced by its absolute value: the scale rounding errors are
    measured against (a sum whose terms cancel is exact only to a few ulps of its terms)."""
    if isinstance(node, Factor):
        return abs(node.value)
    if isinstance(node, Product):
        return math.prod(magnitude(f) for f in node.factors)
    return node.scale * sum(magnitude(t) for t in node.terms)


def walk(node):
    yield node
    for child in getattr(node, "factors", ()) or getattr(node, "terms", ()):
        yield from walk(child)


def assert_consistent(node):
    for n in walk(node):
        if not isinstance(n, Factor):
            assert abs(n.recompute() - n.value) <= 64 * EPS * magnitude(n), (n.symbol, n.recompute(), n.value)


@SETTINGS
@given(problems())
def test_derivation_products_equal_the_engine(problem):
    net, X, Y = problem
    d = derive(net, X, Y)
    st_ = evaluate(net, X, Y)
    for index, (key, name) in enumerate(d.params()):
        node = d.param(key[0], *key[1:])
        assert d.by_name(name) is node
        assert node.value == st_.grad[index]
        assert set(node.items) >= {key}
        assert_consistent(node)
    for l in range(1, net.depth + 1):
        for j, node in enumerate(d.deltas[l]):
            assert node.value == st_.deltas[l][:, j].mean()
            assert_consistent(node)
    for i, node in enumerate(d.dE_dx):
        assert node.value == st_.dE_da[0][:, i].mean()
        assert_consistent(node)
    for m in d.matrix_form():
        assert np.array_equal(m.dW, st_.dW[m.layer - 1])
        A = np.atleast_2d(m.a_prev)
        D = np.atleast_2d(m.delta)
        np.testing.assert_allclose(A.T @ D / len(A), m.dW, rtol=0, atol=64 * EPS * (np.abs(A).T @ np.abs(D)).max())
        if m.layer < net.depth:
            nxt = d.matrix_form()[m.layer]
            back = (np.atleast_2d(nxt.delta) @ nxt.W.T) * np.atleast_2d(m.fprime)
            np.testing.assert_allclose(back, D, rtol=1e-13, atol=1e-300)


@SETTINGS
@given(problems(max_batch=1))
def test_gradient_check_agrees_for_smooth_networks(problem):
    net, X, Y = problem
    assume(all(s.activation not in KINKED for s in net.layers))
    scale = max(1.0, abs(loss_at(net, X, Y)))
    for index in range(net.n_params):
        gc = gradient_check(net, X[0], Y[0], index)
        assert gc.h == 1e-6 and gc.name == net.param_names()[index]
        # plain central differences round to ~1e-10·E: compared above a floor of 1e-3·E
        assert relative_error(gc.analytic, gc.numeric, floor=1e-3 * scale) < 1e-6


def test_softmax_with_squared_error_writes_the_jacobian():
    net = Network(2, [LayerSpec(3, "softmax", "shared")], "half_sse")
    net.theta[...] = [0.2, -0.4, 0.9, 0.5, 0.1, -0.3, 0.05]
    d = derive(net, [0.7, -1.1], [0.2, 0.3, 0.5])
    delta = d.deltas[1][1]
    (jac,) = delta.factors
    assert isinstance(jac, Sum) and jac.kind == "jacobian_sum" and len(jac.terms) == 3
    o = d.state.acts[1][0]
    assert [t.factors[1].formula for t in jac.terms] == ["-a1[1]·a1[2]", "a1[2](1-a1[2])", "-a1[3]·a1[2]"]
    assert [t.factors[1].value for t in jac.terms] == [-o[0] * o[1], o[1] * (1 - o[1]), -o[2] * o[1]]
    bias = d.param("b", 1, 0)
    assert bias.kind == "bias_sum" and len(bias.terms) == 3
    assert bias.value == pytest.approx(d.state.deltas[1][0].sum(), rel=1e-15)


def test_cross_entropy_uses_the_cancelled_form():
    net = Network(1, [LayerSpec(3, "softmax", "none")], "cross_entropy")
    net.theta[...] = [1.0, -2.0, 0.5]
    d = derive(net, [2.0], [0.0, 1.0, 0.0])
    node = d.by_name("W1[1,2]")
    first = node.factors[0]
    assert first.kind == "loss_act_grad" and first.formula == "a1[2]-y2"
    assert first.value == d.state.acts[1][0, 1] - 1.0
    assert node.value == first.value * 2.0


# ----- the training loop against evaluate and a hand-written update -----------------------------------
@pytest.mark.parametrize("mode,momentum,shuffle", [
    ("sample", 0.0, False), ("sample", 0.0, True), ("sample", 0.5, False), ("minibatch", 0.0, True),
    ("minibatch", 0.9, False), ("batch", 0.0, False), ("batch", 0.5, False)])
def test_trainer_steps_equal_evaluate_and_sgd(mode, momentum, shuffle):
    rng = np.random.default_rng(7)
    net = Network(3, [LayerSpec(4, "tanh", "neuron"), LayerSpec(3, "leaky_relu", "shared"),
                      LayerSpec(2, "sigmoid", "neuron")], "bce")
    net.theta[...] = rng.uniform(-1, 1, net.n_params)
    net.frozen[::5] = True
    data = Dataset(rng.uniform(-1, 1, (5, 3)), rng.uniform(0, 1, (5, 2)))
    s = Settings(lr=0.3, momentum=momentum, mode=mode, shuffle=shuffle, batch_size=2, seed=3)
    trainer = Trainer(net, data, s, Trace(column_names(net)))
    velocity = np.zeros(net.n_params)
    lr = np.where(net.frozen, 0.0, s.lr)
    for k in range(12):
        before = net.theta.copy()
        idx = samples_for_step(k, len(data), s)
        ref = evaluate(net.copy(), data.X[idx], data.Y[idx])
        velocity = momentum * velocity - lr * ref.grad
        expected = before + velocity
        assert trainer.run(1) == 1
        np.testing.assert_allclose(net.theta, expected, rtol=1e-15, atol=1e-16)
        assert np.array_equal(net.theta[net.frozen], before[net.frozen])
        row = trainer.trace.row_dict(k)
        assert row["step"] == k and row["sample"] == (idx[0] if mode == "sample" else -1)
        assert row["loss"] == pytest.approx(ref.loss, rel=1e-15)
        grads = [row["dE/d" + c] for c in column_names(net) if c.startswith(("W", "b"))]
        np.testing.assert_allclose(grads, ref.grad, rtol=1e-14, atol=1e-17)
        velocity = trainer.velocity.copy() if momentum else velocity


# ----- numerics at the edges --------------------------------------------------------------------------
@pytest.mark.parametrize("activation,loss", [("sigmoid", "half_sse"), ("sigmoid", "bce"), ("tanh", "mse"),
                                             ("softmax", "cross_entropy"), ("softmax", "half_sse")])
def test_saturated_outputs_stay_finite_and_quiet(activation, loss):
    """|z| = 1e4: exp overflows inside sigmoid and softmax; nothing may warn (warnings are errors here)
    and every loss, δ, gradient and derivation value stays finite."""
    net = Network(1, [LayerSpec(3, activation, "none")], loss)
    net.theta[...] = [1e4, -1e4, 0.0]
    y = [1.0, 0.0, 0.0] if loss == "cross_entropy" else [0.0, 1.0, 0.5]
    for x in ([1.0], [-1.0]):
        st_ = evaluate(net, x, y)
        assert np.isfinite(st_.loss) and np.isfinite(st_.grad).all()
        assert all(np.isfinite(d).all() for d in st_.deltas[1:]) and np.isfinite(st_.dE_da[0]).all()
        assert np.isfinite(loss_at(net, x, y))
        d = derive(net, x, y)
        for key, _ in d.params():
            assert all(math.isfinite(n.value) for n in walk(d.param(key[0], *key[1:])))
    with np.errstate(over="warn", divide="warn", invalid="warn"):   # warnings are errors in the tests
        assert np.isfinite(act.activate("sigmoid", np.array([-1e4, 1e4]))).all()
        assert np.isfinite(act.softmax(np.array([1e4, -1e4, 0.0]))).all()
    trainer = Trainer(net, Dataset([[1.0], [-1.0]], [y, y]), Settings(lr=0.1))
    assert trainer.run(4) == 4 and np.isfinite(net.theta).all()


def test_an_overflowing_step_is_refused_naming_parameter_and_step():
    net = Network(2, [LayerSpec(2, "identity", "neuron")], "half_sse")
    net.theta[...] = [0.5, -0.3, 0.8, 0.1, 0.0, 0.2]
    data = Dataset([[1.0, 2.0]], [[3.0, -1.0]])
    trainer = Trainer(net, data, Settings(lr=0.01))
    trainer.run(3)
    theta, rows = net.theta.copy(), trainer.trace.array()
    g = evaluate(net, data.X, data.Y).grad
    with np.errstate(over="ignore"):
        bad = ~np.isfinite(theta - 1e308 * g)
    trainer.settings.lr = 1e308
    with pytest.raises(DivergenceError) as info:
        trainer.run(1)
    e = info.value
    assert e.step == 3 and e.param == net.param_names()[int(np.argmax(bad))]
    assert "step 3" in str(e) and e.param in str(e)
    assert np.array_equal(net.theta, theta) and trainer.step == 3
    assert np.array_equal(trainer.trace.array(), rows)


def test_a_diverging_run_stops_before_the_first_bad_step():
    net = Network(1, [LayerSpec(1, "identity", "none"), LayerSpec(1, "identity", "none")], "half_sse")
    net.theta[...] = [2.0, 3.0]
    data = Dataset([[10.0]], [[1.0]])
    trainer = Trainer(net, data, Settings(lr=1.0))
    with pytest.raises(DivergenceError) as info:
        trainer.run(10_000)
    k = info.value.step
    assert 0 < k == trainer.step == len(trainer.trace)
    assert np.isfinite(net.theta).all() and np.isfinite(trainer.trace.array()).all()
    replay = Network(1, [LayerSpec(1, "identity", "none"), LayerSpec(1, "identity", "none")], "half_sse")
    replay.theta[...] = [2.0, 3.0]
    Trainer(replay, data, Settings(lr=1.0)).run(k)
    assert np.array_equal(net.theta, replay.theta)


# ----- the derivation's other views -------------------------------------------------------------------
def test_matrix_form_of_seed_002():
    from backprop_lab.core.io import presets
    p = presets.resolve("seed002_matrix")
    d = derive(p.net, p.data.X[0], p.data.Y[0])
    layers = d.matrix_form()
    assert [m.layer for m in layers] == [1, 2, 3]
    assert [m.delta_equation for m in layers] == [
        "δ1 = (W2 δ2) ⊙ f'(z1)", "δ2 = (W3 δ3) ⊙ f'(z2)", "δ3 = ∇_a3 E ⊙ f'(z3)"]
    assert [m.grad_equation for m in layers] == ["∂E/∂W1 = a0 δ1^T", "∂E/∂W2 = a1 δ2^T", "∂E/∂W3 = a2 δ3^T"]
    out = layers[-1]
    assert np.array_equal(out.delta, -(p.data.Y[0] - out.a) * out.fprime)      # ∇_o E ⊙ f'(z_L)
    for m, nxt in zip(layers, layers[1:]):
        assert m.W.shape == (p.net.sizes[m.layer - 1], p.net.sizes[m.layer])
        np.testing.assert_allclose(m.delta, (nxt.W @ nxt.delta) * m.fprime, rtol=1e-15)
    for m in layers:
        assert np.array_equal(m.dW, np.outer(m.a_prev, m.delta))                  # a_{l-1} δ_l^T
        assert np.array_equal(m.fprime, m.a * (1 - m.a))


def test_a_batch_derivation_averages_its_samples():
    net = Network(2, [LayerSpec(3, "tanh", "neuron"), LayerSpec(2, "sigmoid", "shared")], "bce")
    net.theta[...] = np.linspace(-0.9, 0.8, net.n_params)
    X = np.array([[0.1, 0.5], [-0.7, 0.2], [0.9, -0.4]])
    Y = np.array([[1.0, 0.0], [0.0, 1.0], [0.5, 0.5]])
    d = derive(net, X, Y)
    node = d.by_name("W1[2,3]")
    assert node.kind == "batch_mean" and node.scale == 1 / 3 and len(node.terms) == 3
    assert [t.symbol for t in node.terms] == ["∂E/∂W1[2,3]"] * 3 and node.formula == "1/3 Σ_s ∂E/∂W1[2,3](s)"
    for s, term in enumerate(node.terms):
        alone = derive(net, X[s], Y[s]).by_name("W1[2,3]")
        assert term.value == pytest.approx(alone.value, rel=1e-14)
        assert term.chain == alone.chain
    assert node.value == evaluate(net, X, Y).grad[net.param_index("W", 1, 1, 2)]
    assert node.recompute() == pytest.approx(node.value, rel=1e-14)
    shared = d.by_name("b2")
    assert shared.kind == "batch_mean" and all(t.kind == "bias_sum" for t in shared.terms)
    assert d.matrix_form()[0].delta.shape == (3, 3)


def test_keys_lead_to_their_derivations_and_the_snapshot_holds():
    net = Network(2, [LayerSpec(2, "relu", "neuron"), LayerSpec(1, "identity", "none")], "mse")
    net.theta[...] = [0.5, -0.2, 0.3, 0.8, 0.1, 0.1, 1.5, -2.0]
    d = derive(net, [1.0, 0.5], [0.3])
    assert d.node_for_key(("W", 2, 1, 0)) is d.by_name("W2[2,1]")
    assert d.node_for_key(("b", 1, 1)) is d.param("b", 1, 1)
    assert d.node_for_key(("n", 1, 0)) is d.deltas[1][0] and d.deltas[1][0].kind == "delta"
    assert d.node_for_key(("n", 0, 1)) is d.dE_dx[1] and d.dE_dx[1].kind == "path_sum"
    assert d.by_name("W2[1,1]").formula == "(-2/1(y1-a2[1])) × 1 × a1[1]"
    before = d.by_name("W2[1,1]").value
    net.theta[...] = 0.0                     # a later edit does not reach a derivation already built
    assert derive(net, [1.0, 0.5], [0.3]).by_name("W2[1,1]").value != before
    assert d.param("W", 2, 0, 0).value == before and d.net.theta[0] == 0.5
    with pytest.raises(KeyError):
        d.by_name("U11")


@pytest.mark.parametrize("bias", BIAS_MODES)
def test_one_parameters_name_is_its_name_among_all(bias):
    """The gradient check names its parameter alone (naming the largest net's 8,448 took 75 ms an edit)."""
    from backprop_lab.core.io.presets import load_preset, names
    from backprop_lab.core.model.notation import Notation
    nets = [load_preset(n).net for n in names()]
    nets.append(Network(3, [LayerSpec(4, bias=bias), LayerSpec(2, bias=bias)]))
    nets.append(Network(12, [LayerSpec(11, bias=bias), LayerSpec(2, bias=bias)]))
    for net in list(nets):
        other = net.copy()
        other.notation = Notation(form="netout", sizes=list(other.sizes))
        nets.append(other)
    for net in nets:
        everything = net.param_names()
        assert [net.param_name(k) for k in range(net.n_params)] == everything
        assert net.param_name(-1) == everything[-1]
        with pytest.raises(IndexError):
            net.param_name(net.n_params)
