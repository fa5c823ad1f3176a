"""Seed 004, the 2-2-2 sigmoid network worked by hand: every number it prints, to the printed digits,
read through the derivation structure and through one training step; and each of its slips recorded as
a test of the right value."""
import math

import numpy as np
import pytest

from backprop_lab.core.io import presets
from backprop_lab.core.model.dataset import Dataset
from backprop_lab.core.model.network import LayerSpec, Network
from backprop_lab.core.model.notation import seed004
from backprop_lab.core.model.settings import Settings
from backprop_lab.core.numerics.engine import evaluate, forward
from backprop_lab.core.numerics.trace import Trace, column_names
from backprop_lab.core.numerics.training import Trainer
from backprop_lab.core.teaching.derivation import Factor, Product, Sum, derive

X, Y = [0.1, 0.2], [0.4, 0.6]
LR = 0.5


def build() -> Network:
    net = Network(2, [LayerSpec(2, "sigmoid", "none"), LayerSpec(2, "sigmoid", "none")], "half_sse",
                  notation=seed004())
    net.W[0][...] = [[0.3, 0.4], [0.25, 0.35]]     # W11 W12 / W21 W22: W{ij} from x_i to h_j
    net.W[1][...] = [[0.45, 0.7], [0.4, 0.6]]      # U11 U12 / U21 U22
    return net


def printed(value: float, text: str) -> bool:
    """value rounded to as many decimals as `text` shows reads exactly as `text`."""
    decimals = len(text.split(".")[1]) if "." in text else 0
    return f"{value:.{decimals}f}" == text


def code_printed(value: float, text: str) -> bool:
    """The seed's code printout is Python 2's str(float): 12 significant digits."""
    return f"{value:.12g}" == text


@pytest.fixture
def net():
    return build()


@pytest.fixture
def d(net):
    return derive(net, X, Y)


def test_the_preset_is_this_network():
    p = presets.resolve("seed004")
    net = build()
    assert p.net.same_shape(net)
    assert np.array_equal(p.net.theta, net.theta)
    assert p.net.param_names() == ["W11", "W12", "W21", "W22", "U11", "U12", "U21", "U22"]
    assert np.array_equal(p.data.X, [X]) and np.array_equal(p.data.Y, [Y])
    assert p.settings.lr == LR and p.settings.momentum == 0.0


@pytest.mark.parametrize("name,text", [
    ("z1", "0.08"), ("z2", "0.11"), ("h1", "0.51998934"), ("h2", "0.52747230"),
    ("t1", "0.44498412"), ("t2", "0.68047592"), ("o1", "0.60944600"), ("o2", "0.66384491")])
def test_forward_pass_to_the_printed_digits(d, name, text):
    layer = {"z": (1, "z"), "h": (1, "a"), "t": (2, "z"), "o": (2, "a")}[name[0]]
    l, q = layer
    j = int(name[1]) - 1
    table = d.state.zs if q == "z" else d.state.acts
    assert d.nt.neuron(q, l, j) == name
    assert printed(table[l][0, j], text)


@pytest.mark.parametrize("name,text", [
    ("z1", "0.08"), ("z2", "0.11"), ("h1", "0.519989340156"), ("h2", "0.527472304345"),
    ("t1", "0.444984124808"), ("t2", "0.680475920716"), ("o1", "0.609446004997"), ("o2", "0.663844909698"),
    ("E1", "0.0219338145045"), ("E2", "0.00203808624719"), ("E", "0.0239719007517")])
def test_the_code_printout_to_twelve_digits(d, name, text):
    st = d.state
    values = {"z1": st.zs[1][0, 0], "z2": st.zs[1][0, 1], "h1": st.acts[1][0, 0], "h2": st.acts[1][0, 1],
              "t1": st.zs[2][0, 0], "t2": st.zs[2][0, 1], "o1": st.acts[2][0, 0], "o2": st.acts[2][0, 1],
              "E1": st.terms[0, 0], "E2": st.terms[0, 1], "E": st.loss}
    assert code_printed(values[name], text)


def test_loss_terms_and_total(d):
    assert printed(d.state.terms[0, 0], "0.02193381")
    assert printed(d.state.terms[0, 1], "0.00203809")
    assert printed(d.state.loss, "0.02397190")


def test_dE_dU11_is_three_factors_as_printed(d):
    node = d.by_name("U11")
    assert isinstance(node, Product)
    assert node.chain == "∂E/∂o1 × ∂o1/∂t1 × ∂t1/∂U11"
    assert node.formula == "-(y1-o1) × o1(1-o1) × h1"
    assert [f.kind for f in node.factors] == ["loss_grad", "act_grad", "input"]
    assert printed(node.factors[2].value, "0.51998934")            # ∂t1/∂U11 = h1
    assert printed(node.value, "0.02592286")
    assert node.value == math.prod(f.value for f in node.factors)   # bit for bit: the engine's product
    assert node.items[0] == ("n", 2, 0) and ("W", 2, 0, 0) in node.items


def test_dE_dh1_is_the_sum_of_two_paths(d):
    w11 = d.by_name("W11")
    assert w11.chain == "∂E/∂h1 × ∂h1/∂z1 × ∂z1/∂W11"
    path_sum, local, inp = w11.factors
    assert isinstance(path_sum, Sum) and path_sum.kind == "path_sum"
    assert path_sum.symbol == "∂E/∂h1" and path_sum.formula == "∂E1/∂h1 + ∂E2/∂h1"
    t1, t2 = path_sum.terms
    assert t1.chain == "∂E1/∂o1 × ∂o1/∂t1 × ∂t1/∂h1" and t1.formula == "-(y1-o1) × o1(1-o1) × U11"
    assert t2.chain == "∂E2/∂o2 × ∂o2/∂t2 × ∂t2/∂h1" and t2.formula == "-(y2-o2) × o2(1-o2) × U12"
    assert printed(t1.value, "0.02243370") and printed(t2.value, "0.00997311")
    assert printed(path_sum.value, "0.03240681")
    assert path_sum.value == d.state.dE_da[1][0, 0]
    assert local.formula == "h1(1-h1)" and printed(local.value, "0.24960043")
    assert inp.formula == "x1" and inp.value == 0.1
    assert printed(w11.value, "0.00080888")
    # 0.03240681 × 0.24960043 × 0.1 as the text multiplies its rounded numbers gives the same digits
    assert printed(0.03240681 * 0.24960043 * 0.1, "0.00080888")


@pytest.mark.parametrize("name,text", [
    ("U11", "0.43703857"), ("U21", "0.38685205"), ("U12", "0.69629578"), ("U22", "0.59624247"),
    ("W11", "0.29959556"), ("W21", "0.24919112"), ("W12", "0.39964496"), ("W22", "0.34928991")])
def test_each_update_through_the_derivation(net, d, name, text):
    i = net.param_names().index(name)
    assert printed(net.theta[i] - LR * d.by_name(name).value, text)


@pytest.mark.parametrize("name,text", [
    ("U11", "0.43703857"), ("U21", "0.38685205"), ("U12", "0.69629578"), ("U22", "0.59624247"),
    ("W11", "0.29959556"), ("W21", "0.24919112"), ("W12", "0.39964496"), ("W22", "0.34928991")])
def test_each_update_through_one_trainer_step(net, name, text):
    trainer = Trainer(net, Dataset([X], [Y]), Settings(lr=LR), Trace(column_names(net)))
    assert trainer.run(1) == 1
    assert printed(net.theta[net.param_names().index(name)], text)
    row = trainer.trace.row_dict(0)     # the row holds the state before the step
    assert printed(row["loss"], "0.02397190") and printed(row["dE/dW2[1,1]"], "0.02592286")
    assert printed(row["a1[2]"], "0.52747230") and printed(row["dE/dW1[1,1]"], "0.00080888")


def test_every_product_equals_the_engine(d):
    st = evaluate(build(), X, Y)
    for key, name in d.params():
        node = d.param(key[0], *key[1:])
        assert node.value == st.grad[d.net.param_names().index(name)]
        assert node.recompute() == pytest.approx(node.value, rel=1e-15)


# ----- the text's slips, each a test of the right value --------------------------------------------
def test_erratum_h2_doubled_zero(d):
    # printed "h2 = 0.0.52747230": no number at all; the code printout's 0.527472304345 is right
    with pytest.raises(ValueError):
        float("0.0.52747230")
    assert printed(d.state.acts[1][0, 1], "0.52747230")


def test_erratum_t1_takes_h2_not_t2(d):
    U11, U21, U12, U22 = 0.45, 0.4, 0.7, 0.6
    np.testing.assert_array_equal(d.net.W[1], [[U11, U12], [U21, U22]])   # the text's U is the network's
    h1, h2 = d.state.acts[1][0]
    t2 = d.state.zs[2][0, 1]
    assert printed(U11 * h1 + U21 * h2, "0.44498412")          # t1 = U11*h1 + U21*h2, as the code does
    assert not printed(U11 * h1 + U21 * t2, "0.44498412")      # the printed U21*t2 gives another number
    assert printed(U11 * h1 + U21 * t2, "0.50618557")
    assert d.z_formula(2, 0) == "U11·h1 + U21·h2"


def test_erratum_t2_takes_h2_not_itself(d):
    h1, h2 = d.state.acts[1][0]
    assert printed(0.7 * h1 + 0.6 * h2, "0.68047592")
    assert d.z_formula(2, 1) == "U12·h1 + U22·h2"


def test_erratum_W11_update_starts_from_0_3(d):
    g = d.by_name("W11").value
    assert printed(0.3 - LR * g, "0.29959556")
    assert not printed(0.2 - LR * g, "0.29959556")   # the text writes 0.2 - 0.5·0.00080888
    assert d.net.W[0][0, 0] == 0.3


def test_erratum_dE_dU12_goes_through_t2(net, d):
    node = d.by_name("U12")
    assert node.chain == "∂E/∂o2 × ∂o2/∂t2 × ∂t2/∂U12"      # not ∂t1/∂U12
    # t1 does not depend on U12 at all, so ∂t1/∂U12 = 0 and the printed U12+ could not have moved
    moved = net.copy()
    moved.W[1][0, 1] += 0.1
    assert forward(moved, X)[0][2][0, 0] == forward(net, X)[0][2][0, 0]
    assert printed(0.7 - LR * node.value, "0.69629578")


def test_erratum_dE_dW12_goes_through_z2(net, d):
    node = d.by_name("W12")
    assert node.chain == "∂E/∂h2 × ∂h2/∂z2 × ∂z2/∂W12"      # not ∂z1/∂W12
    moved = net.copy()
    moved.W[0][0, 1] += 0.1
    assert forward(moved, X)[0][1][0, 0] == forward(net, X)[0][1][0, 0]
    assert printed(0.4 - LR * node.value, "0.39964496")


def test_erratum_the_loss_is_half_the_sum_of_squares(d):
    # Heading "MSE = 1/N Σ (y_i − ŷ)²", but E1 = ½(y1 − o1)², E2 = ½(y2 − o2)²: E = ½ Σ_k (y_k − o_k)².
    o, y = d.state.acts[2][0], np.array(Y)
    half = 0.5 * np.sum((y - o) ** 2)
    assert printed(half, "0.02397190")
    assert printed(0.5 * (y[0] - o[0]) ** 2, "0.02193381")
    # the mean over the N = 1 sample of the squared error (MSE as defined over samples) is not printed
    assert not printed(np.sum((y - o) ** 2) / 1, "0.02397190")
    # 1/N Σ with N = 2 outputs agrees only because ½ = 1/2 here; with three outputs it would not
    assert np.mean((y - o) ** 2) == pytest.approx(half, rel=1e-15)


def test_factor_items_point_at_the_diagram(d):
    node = d.by_name("W11")
    leaves = [f for t in node.factors[0].terms for f in t.factors] + list(node.factors[1:])
    assert all(isinstance(f, Factor) for f in leaves)
    by_symbol = {f.symbol: f.items for f in leaves}
    assert by_symbol["∂t1/∂h1"] == (("W", 2, 0, 0),)          # U11
    assert by_symbol["∂t2/∂h1"] == (("W", 2, 0, 1),)          # U12
    assert by_symbol["∂h1/∂z1"] == (("n", 1, 0),)
    assert by_symbol["∂z1/∂W11"] == (("n", 0, 0), ("W", 1, 0, 0))
