"""Where the output saturates (a sigmoid output that rounds to 1, softmax logits (800, 0)) dE/do is still
the finite number it is, not 0/0; a divergence names the parameter that blew up, not the loss that shows
it; the gradient check calls two slopes that are both ~0 (at a minimum) in agreement."""
import numpy as np
import pytest

from backprop_lab.core.io import presets
from backprop_lab.core.model import activations as act
from backprop_lab.core.model.dataset import Dataset
from backprop_lab.core.model.losses import LOSSES
from backprop_lab.core.model.network import LayerSpec, Network
from backprop_lab.core.model.settings import Settings
from backprop_lab.core.numerics import engine
from backprop_lab.core.numerics.training import DivergenceError, Trainer
from backprop_lab.core.teaching.derivation import gradient_check


def test_bce_dE_do_where_the_sigmoid_rounds_to_0_or_1():
    z = np.array([[40.0, 800.0, -800.0, -40.0, 0.3]])
    y = np.array([[1.0, 1.0, 0.0, 0.0, 0.2]])
    with np.errstate(over="ignore"):                            # e^800: σ(−800) is 0, as the engine has it
        o = act.ACTIVATIONS["sigmoid"].f(z)
    assert o[0, 0] == o[0, 1] == 1.0 and o[0, 2] == 0.0          # rounded: 1 − o or o is exactly 0
    g = LOSSES["bce"].grad_output(z, o, y)
    # (o − y)/(o(1 − o)): −1/o for y = 1, 1/(1 − o) for y = 0
    np.testing.assert_allclose(g[0, :4], [-1.0, -1.0, 1.0, 1.0], rtol=1e-15)
    assert g[0, 4] == pytest.approx((o[0, 4] - 0.2) / (o[0, 4] * (1 - o[0, 4])), rel=1e-13)


def test_cross_entropy_dE_do_of_softmax_logits_800_0():
    net = Network(2, [LayerSpec(2, "softmax", "none")], "cross_entropy", theta=np.array([800.0, 0.0, 0.0, 0.0]))
    st = engine.evaluate(net, np.array([[1.0, 0.0]]), np.array([[1.0, 0.0]]))
    np.testing.assert_array_equal(st.z(1), [[800.0, 0.0]])
    np.testing.assert_array_equal(st.dE_do, [[-1.0, 0.0]])       # −y/o: −1/1 and 0/(e^−800) = 0
    z = np.array([[2.0, -1.0, 0.5]])
    y = np.array([[0.2, 0.0, 0.8]])
    o = act.ACTIVATIONS["softmax"].f(z)
    np.testing.assert_allclose(LOSSES["cross_entropy"].grad_output(z, o, y), -y / o, rtol=1e-14)


def test_sigmoid_output_of_one_with_bce_through_the_engine():
    net = Network(2, [LayerSpec(1, "sigmoid", "none")], "bce", theta=np.array([400.0, 400.0]))
    st = engine.evaluate(net, np.array([[1.0, 1.0]]), np.array([[1.0]]))
    assert st.acts[1][0, 0] == 1.0
    np.testing.assert_array_equal(st.dE_do, [[-1.0]])
    assert np.isfinite(st.grad).all()


def test_a_divergence_names_the_parameter_that_blew_up():
    net = Network(1, [LayerSpec(1, "identity", "none"), LayerSpec(1, "identity", "none")], "half_sse",
                  theta=np.array([1.5, 2.0]))
    t = Trainer(net, Dataset([[3.0]], [[1.0]]), Settings(lr=5.0))
    with pytest.raises(DivergenceError) as caught:
        t.run(1000)
    e = caught.value
    assert e.param in net.param_names()
    assert e.param == net.param_names()[int(np.argmax(np.abs(t.theta)))]
    assert "the parameter" in str(e) and "loss" not in str(e)


def test_the_gradient_check_at_a_minimum_agrees():
    p = presets.resolve("seed004")
    p.settings.lr = 5.0
    t = Trainer(p.net, p.data, p.settings)
    t.run(20000)
    checks = [gradient_check(p.net, p.data.X[0], p.data.Y[0], i) for i in range(len(p.net.theta))]
    assert max(abs(c.analytic) for c in checks) < 1e-12          # both ~0 …
    assert max(c.rel_error for c in checks) > 1e-4               # … so their ratio is noise
    assert {c.verdict for c in checks} == {"agree"}
    # away from it the verdict still tells a poor step size
    fresh = presets.resolve("seed004")
    assert gradient_check(fresh.net, fresh.data.X[0], fresh.data.Y[0], 0).verdict == "agree"
    assert gradient_check(fresh.net, fresh.data.X[0], fresh.data.Y[0], 0, h=0.5).verdict != "agree"
