"""Found by the last 3 × 10,000 storm (seed 1, event 9720, main f5c1fb6): a network the finiteness rule
lets in (every forward value and the loss finite) whose gradient is NaN. A saturated sigmoid (σ(−1000) = 0,
σ′ = 0) under a weight of 1e155 with a loss of 5e307: ∂E/∂a1 = 1e155 · (−1e154) overflows to −inf, and
−inf · σ′ = −inf · 0 is NaN; numpy warns (an exception in the window's slot), then the NaN reaches the
views (a pyqtgraph scatter item raised on it). The one finiteness rule (engine.first_not_finite) now
covers the backward pass too: such a network is refused, naming the first value that is not finite."""
import math
import warnings

import numpy as np

from backprop_lab.core.model.network import LayerSpec, Network
from backprop_lab.core.numerics import engine


def test_a_network_the_rule_accepts_has_no_nan_gradient():
    net = Network(1, [LayerSpec(1, "sigmoid", "none"), LayerSpec(1, "identity", "none")], theta=[-1000.0, 1e155])
    x, y = [[1.0]], [[1e154]]
    refused = engine.first_not_finite(net, x, y)
    if refused is None:
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            st = engine.evaluate(net, x, y)
        assert math.isfinite(st.loss) and not np.isnan(st.grad).any(), st.grad
    else:
        assert refused.kind == "dE_da" and refused.name() == "∂E/∂a1[1]"


def test_an_overflowing_per_sample_gradient_is_named_by_its_weight():
    # δ2 = o − y ≈ 1e150 and a1 = 1e160: every forward value and δ finite, ∂E/∂U = a1 · δ2 is not
    net = Network(1, [LayerSpec(1, "identity", "none"), LayerSpec(1, "identity", "none")], theta=[1e160, 1e-160])
    refused = engine.first_not_finite(net, [[1.0]], [[-1e150]])
    assert refused is not None and refused.kind == "grad"
    assert refused.name() == "∂E/∂" + net.param_names()[1]


def test_a_finite_backward_pass_passes():
    net = Network(2, [LayerSpec(2, "sigmoid", "neuron"), LayerSpec(2, "sigmoid", "neuron")],
                  theta=np.linspace(-1, 1, 12))
    assert engine.first_not_finite(net, [[0.1, 0.2], [0.3, 0.4]], [[0.0, 1.0], [1.0, 0.0]]) is None
