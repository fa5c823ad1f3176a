"""A network the finiteness rule lets in (every forward value and the loss finite) can still overflow in
the numbers the teaching works out from it: one update with a large weight decay, or a mistake's value
(the previous layer's z used for its a). Found by the storm (tests/gui/storm.py): the walk-through and
the exercises raised numpy's overflow warning (an error in the window's tests, an exception escaping a
slot). They give the overflowed number as it is (±inf, as a training step that diverges would), and a
mistake whose value is not finite is not offered; nothing warns (pyproject: filterwarnings = error)."""
import math

import numpy as np

from backprop_lab.core.model.network import LayerSpec, Network
from backprop_lab.core.model.settings import Settings
from backprop_lab.core.numerics.engine import evaluate
from backprop_lab.core.numerics.update import update
from backprop_lab.core.teaching.exercises import exercises
from backprop_lab.core.teaching.walkthrough import walk


def large_net() -> Network:
    """z1 = 1e300 (its a: σ(z1) = 1), z2 = 1e10 · 1: E = 5e19, finite; 1e10 · z1 is not."""
    return Network(1, [LayerSpec(1, "sigmoid", "none"), LayerSpec(1, "identity", "none")], theta=[1e300, 1e10])


def test_the_network_is_finite_as_loaded():
    st = evaluate(large_net(), [[1.0]], [[0.0]])
    assert math.isfinite(st.loss) and all(np.isfinite(a).all() for a in st.acts)


def test_an_update_that_overflows_gives_inf_quietly():
    u = update([1e300, 1.0], [0.0, 0.0], None, Settings(lr=0.1, weight_decay=1e10))
    assert u.theta[0] == -math.inf and u.theta[1] == 1.0 - 0.1 * 1e10


def test_the_walk_through_shows_the_update_that_overflows():
    steps = {s.quantity: s for s in walk(large_net(), [1.0], [0.0], Settings(lr=0.1, weight_decay=1e10))}
    assert math.isinf(steps["updated:W1[1,1]"].value)
    assert steps["updated:loss"].value == 0.0          # σ(−inf) = 0, the target: not a NaN from the way there
    assert steps["z1[1]"].value == 1e300 and math.isfinite(steps["loss"].value)


def test_exercises_offer_only_finite_mistakes():
    made = exercises(large_net(), [1.0], [0.0], Settings(lr=0.1))
    assert made and any(e.mistakes for e in made)
    assert all(math.isfinite(m.value) for e in made for m in e.mistakes)
    z2 = next(e for e in made if e.quantity == "z2[1]")
    assert z2.value == 1e10 and all(m.code != "used_z" for m in z2.mistakes)      # 1e10 · 1e300: inf


def test_the_loss_after_an_update_that_overflowed_is_inf_not_nan():
    """λ = 1e160 sends both weights to −inf: σ(z1 = −inf) = 0 and z2 = −inf · 0, a NaN on the way."""
    net = Network(1, [LayerSpec(1, "sigmoid", "none"), LayerSpec(1, "identity", "none")], theta=[1e300, 1e150])
    steps = {s.quantity: s for s in walk(net, [1.0], [0.0], Settings(lr=0.1, weight_decay=1e160))}
    assert steps["updated:W1[1,1]"].value == steps["updated:W2[1,1]"].value == -math.inf
    assert steps["updated:loss"].value == math.inf
