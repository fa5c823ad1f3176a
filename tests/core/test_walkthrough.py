"""The walk-through: seed 004 walked from the first to the last step shows every number the text prints,
in order, with the right diagram items highlighted at each step; and on random networks every step's
number is the engine's (and the training loop's) number."""
import re

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

from backprop_lab.core.io.presets import load_preset
from backprop_lab.core.model.dataset import Dataset
from backprop_lab.core.model.losses import LOSSES
from backprop_lab.core.model.network import BIAS_MODES, LayerSpec, Network
from backprop_lab.core.model.numbers import format_number
from backprop_lab.core.model.settings import Settings
from backprop_lab.core.numerics.engine import evaluate
from backprop_lab.core.numerics.trace import parameter_columns
from backprop_lab.core.numerics.training import Trainer
from backprop_lab.core.teaching.walkthrough import PHASES, walk

# Every number seed 004 prints that one pass computes, in the order the walk reaches it (the text prints
# z1, z2 before h1, h2 and the U updates before step 2; the walk goes neuron by neuron and phase by phase).
# h2 is printed "0.0.52747230" (an erratum); the right value is asserted.
SEED004_IN_WALK_ORDER = [
    ("z1", "0.08"), ("h1", "0.51998934"), ("z2", "0.11"), ("h2", "0.52747230"),
    ("t1", "0.44498412"), ("o1", "0.60944600"), ("t2", "0.68047592"), ("o2", "0.66384491"),
    ("E1", "0.02193381"), ("E2", "0.00203809"), ("E_tot", "0.02397190"),
    ("∂E1/∂h1", "0.02243370"), ("∂E2/∂h1", "0.00997311"), ("∂E_tot/∂h1", "0.03240681"), ("∂h1/∂z1", "0.24960043"),
    ("∂E_tot/∂U11", "0.02592286"), ("∂E_tot/∂W11", "0.00080888"),
    ("U11⁺", "0.43703857"), ("U21⁺", "0.38685205"), ("U12⁺", "0.69629578"), ("U22⁺", "0.59624247"),
    ("W11⁺", "0.29959556"), ("W21⁺", "0.24919112"), ("W12⁺", "0.39964496"), ("W22⁺", "0.34928991"),
]

# diagram keys of seed 004 by name: x inputs (layer 0), h hidden (1), o outputs (2); W{ij}/U{ij} from i to j
KEY = {**{f"x{i + 1}": ("n", 0, i) for i in range(2)}, **{f"h{i + 1}": ("n", 1, i) for i in range(2)},
       **{f"o{i + 1}": ("n", 2, i) for i in range(2)},
       **{f"W{i + 1}{j + 1}": ("W", 1, i, j) for i in range(2) for j in range(2)},
       **{f"U{i + 1}{j + 1}": ("W", 2, i, j) for i in range(2) for j in range(2)}}


def hl(names: str) -> frozenset:
    return frozenset(KEY[n] for n in names.split())


# what the diagram highlights at every one of the 44 steps of seed 004, in order
SEED004_HIGHLIGHTS = [
    ("z1", "x1 x2 h1 W11 W21"), ("h1", "h1"), ("z2", "x1 x2 h2 W12 W22"), ("h2", "h2"),
    ("t1", "h1 h2 o1 U11 U21"), ("o1", "o1"), ("t2", "h1 h2 o2 U12 U22"), ("o2", "o2"),
    ("E1", "o1"), ("E2", "o2"), ("E_tot", "o1 o2"),
    ("∂E_tot/∂o1", "o1"), ("∂o1/∂t1", "o1"), ("δt1", "o1"),
    ("∂E_tot/∂o2", "o2"), ("∂o2/∂t2", "o2"), ("δt2", "o2"),
    ("∂E1/∂h1", "h1 o1 U11"), ("∂E2/∂h1", "h1 o2 U12"), ("∂E_tot/∂h1", "h1 o1 o2 U11 U12"),
    ("∂h1/∂z1", "h1"), ("δz1", "h1"),
    ("∂E1/∂h2", "h2 o1 U21"), ("∂E2/∂h2", "h2 o2 U22"), ("∂E_tot/∂h2", "h2 o1 o2 U21 U22"),
    ("∂h2/∂z2", "h2"), ("δz2", "h2"),
    ("∂E_tot/∂U11", "h1 o1 U11"), ("∂E_tot/∂U21", "h2 o1 U21"), ("∂E_tot/∂U12", "h1 o2 U12"),
    ("∂E_tot/∂U22", "h2 o2 U22"),
    ("∂E_tot/∂W11", "x1 h1 W11"), ("∂E_tot/∂W21", "x2 h1 W21"), ("∂E_tot/∂W12", "x1 h2 W12"),
    ("∂E_tot/∂W22", "x2 h2 W22"),
    ("U11⁺", "U11"), ("U21⁺", "U21"), ("U12⁺", "U12"), ("U22⁺", "U22"),
    ("W11⁺", "W11"), ("W21⁺", "W21"), ("W12⁺", "W12"), ("W22⁺", "W22"), ("E_tot⁺", "o1 o2"),
]


@pytest.fixture(scope="module")
def seed004():
    return load_preset("seed004")


def walk004(project, digits=8):
    return walk(project.net, project.data.X[0], project.data.Y[0], project.settings, digits=digits)


def number(step) -> str:
    return step.result.split(" = ", 1)[1]


def test_walking_seed004_shows_each_printed_number_in_order(seed004):
    steps = walk004(seed004)
    wanted = dict(SEED004_IN_WALK_ORDER)
    shown = [(s.name, number(s)) for s in steps if s.name in wanted]
    as_printed = [(name, format(float(text), f".{len(wanted[name].split('.')[1])}f")) for name, text in shown]
    assert as_printed == SEED004_IN_WALK_ORDER


@pytest.mark.parametrize("digits", [2, 8, 12, 13, 14])
def test_every_number_of_the_preset_source_is_a_step_result_at_its_printed_digits(seed004, digits):
    """The code output of seed 004 prints 12 significant digits (h1: 0.519989340156); the walk shows them
    when asked for that many decimals."""
    by = {s.quantity: s for s in walk004(seed004, digits)}
    entries = [e for e in seed004.source if e["quantity"] in by and not e.get("note")
               and len(e["printed"].split(".")[1]) == digits]
    assert entries, f"seed 004 prints numbers with {digits} decimals"
    for e in entries:
        assert number(by[e["quantity"]]) == e["printed"], e


def test_each_step_of_seed004_highlights_exactly_its_items(seed004):
    steps = walk004(seed004)
    assert [(s.name, s.highlight) for s in steps] == [(n, hl(k)) for n, k in SEED004_HIGHLIGHTS]


def test_t1_step_reads_as_the_text_writes_it(seed004):
    t1 = next(s for s in walk004(seed004) if s.quantity == "z2[1]")
    assert t1.formula == "t1 = U11·h1 + U21·h2"
    assert t1.substituted == "t1 = 0.45·0.51998934 + 0.4·0.52747230"
    assert t1.result == "t1 = 0.44498412"
    assert t1.formula_tex == "t_{1} = U_{11} h_{1} + U_{21} h_{2}"
    assert t1.substituted_tex == r"t_{1} = 0.45 \cdot 0.51998934 + 0.4 \cdot 0.52747230"
    assert t1.value == pytest.approx(0.444984124808, abs=1e-12)


def test_chain_rule_and_update_steps_of_seed004(seed004):
    by = {s.quantity: s for s in walk004(seed004)}
    g = by["dE/dW2[1,1]"]
    assert g.formula == "∂E_tot/∂U11 = δt1·h1"
    assert g.formula_tex.startswith(r"\frac{\partial E_{tot}}{\partial U_{11}} = \delta_{t_{1}} h_{1}")
    assert by["delta2[1]"].substituted == "δt1 = 0.20944600·0.23802157"
    assert by["dE/da2[1]"].formula == "∂E_tot/∂o1 = −(y1 − o1)"
    assert by["dE/da2[1]"].substituted == "∂E_tot/∂o1 = −(0.4 − 0.60944600)"
    assert by["dE1/da1[1]"].formula == "∂E1/∂h1 = ∂E1/∂o1·∂o1/∂t1·U11"
    assert by["dE/da1[1]"].substituted == "∂E_tot/∂h1 = 0.02243370 + 0.00997311"
    assert by["da1[1]/dz1[1]"].formula == "∂h1/∂z1 = h1(1 − h1)"
    u = by["updated:W2[1,1]"]
    assert (u.formula, u.substituted, u.result) == ("U11⁺ = U11 − η·∂E_tot/∂U11", "U11⁺ = 0.45 − 0.5·0.02592286",
                                                    "U11⁺ = 0.43703857")
    assert u.formula_tex == r"U_{11}^{+} = U_{11} - \eta \frac{\partial E_{tot}}{\partial U_{11}}"
    after = by["updated:loss"]
    assert after.value < by["loss"].value   # one step downhill


def test_phases_come_in_teaching_order(seed004):
    steps = walk004(seed004)
    order = [PHASES.index(s.phase) for s in steps]
    assert order == sorted(order) and set(order) == set(range(len(PHASES)))
    assert len(steps) == 44 and steps[0].quantity == "z1[1]" and steps[-1].quantity == "updated:loss"


def test_momentum_shows_the_velocity_per_weight_and_agrees_with_the_trainer():
    p = load_preset("seed003")
    v0 = np.array([0.01, 0.02, -0.03])
    steps = walk(p.net, p.data.X[0], p.data.Y[0], p.settings, velocity=v0)
    by = {s.quantity: s for s in steps}
    v = by["velocity:W1[2,1]"]
    assert v.formula == "vw21⁺ = μ·vw21 − η·∂J/∂w21"
    assert v.substituted.startswith("vw21⁺ = 0.5·0.02 − 0.5·")
    assert by["updated:W1[2,1]"].formula == "w21⁺ = w21 + vw21⁺"
    trainer = Trainer(p.net.copy(), p.data.copy(), p.settings.copy())
    trainer.velocity[...] = v0
    trainer.run(1)
    shown = [by[f"updated:{k}"].value for k in ("W1[1,1]", "W1[2,1]", "b1[1]")]
    assert shown == trainer.net.theta.tolist()
    assert [by[f"velocity:{k}"].value for k in ("W1[1,1]", "W1[2,1]", "b1[1]")] == trainer.velocity.tolist()


def test_a_frozen_weight_is_shown_unchanged(seed004):
    p = seed004.copy()
    p.net.frozen[p.net.param_index("W", 2, 0, 0)] = True
    by = {s.quantity: s for s in walk004(p)}
    u = by["updated:W2[1,1]"]
    assert (u.note, u.formula, u.value) == ("frozen", "U11⁺ = U11", 0.45)
    assert by["updated:W2[2,1]"].note == ""


def test_digits_is_a_parameter_and_given_numbers_print_short(seed004):
    t1 = next(s for s in walk004(seed004, digits=4) if s.quantity == "z2[1]")
    assert t1.substituted == "t1 = 0.45·0.5200 + 0.4·0.5275" and t1.result == "t1 = 0.4450"
    assert format_number(0.1 + 0.2, 8, given=True) == "0.30000000"   # 0.30000000000000004 needs 17 decimals
    assert format_number(-1e-12, 8) == "0.00000000"


def test_default_notation_names_layers_by_number():
    net = Network(1, [LayerSpec(1, "tanh", "shared"), LayerSpec(2, "identity", "neuron")], "mse")
    net.theta[...] = [0.5, 0.1, 2.0, -1.0, 0.0, 0.0]
    steps = walk(net, [1.0], [0.0, 1.0], Settings(lr=0.1))
    z = steps[0]
    assert z.formula == "z1[1] = W1[1,1]·a0[1] + b1"
    assert z.formula_tex == "z^{(1)}_{1} = W^{(1)}_{1,1} a^{(0)}_{1} + b^{(1)}"
    assert z.highlight == {("n", 0, 0), ("n", 1, 0), ("W", 1, 0, 0), ("b", 1, 0)}
    by = {s.quantity: s for s in steps}
    assert by["da1[1]/dz1[1]"].formula == "∂a1[1]/∂z1[1] = 1 − a1[1]²"
    assert by["delta1[1]"].formula_tex.startswith(r"\delta^{(1)}_{1} = ")
    shared = by["dE/db1"]
    assert shared.formula == "∂E_tot/∂b1 = δ1[1]" and ("b", 1, 0) in shared.highlight


def test_softmax_with_cross_entropy_uses_the_cancelled_delta():
    p = load_preset("seed000")
    by = {s.quantity: s for s in walk(p.net, p.data.X[0], p.data.Y[0], p.settings)}
    d = by["delta3[1]"]
    assert d.formula == "δo_in1 = o_out1 − y1"
    st = evaluate(p.net, p.data.X[0], p.data.Y[0])
    assert d.value == st.deltas[3][0, 0]
    assert by["a3[1]"].highlight == {("n", 3, 0), ("n", 3, 1), ("n", 3, 2)}
    assert "{h2_{in}}_{1}" in by["z2[1]"].formula_tex   # a subscripted symbol is braced before its index


def test_a_batch_is_refused_with_a_clear_message(seed004):
    with pytest.raises(ValueError, match="one sample"):
        walk(seed004.net, [[0.1, 0.2], [0.3, 0.4]], [[0.4, 0.6], [0.4, 0.6]])


# ----- every network: the walk's numbers are the engine's ---------------------------------------------------
DOUBLE_SUBSCRIPT = re.compile(r"_\{[^{}]*\}_\{")
HIDDEN = ["identity", "sigmoid", "tanh", "relu", "leaky_relu"]


@st.composite
def problems(draw):
    depth = draw(st.integers(1, 3))
    sizes = [draw(st.integers(1, 4)) for _ in range(depth + 1)]
    loss = draw(st.sampled_from(sorted(LOSSES)))
    layers = []
    for l in range(1, depth + 1):
        a = draw(st.sampled_from(HIDDEN + (["softmax"] if l == depth else [])))
        if l == depth and LOSSES[loss].requires:
            a = LOSSES[loss].requires
        layers.append(LayerSpec(sizes[l], a, draw(st.sampled_from(BIAS_MODES))))
    net = Network(sizes[0], layers, loss)
    floats = st.floats(-1.5, 1.5, allow_nan=False, allow_subnormal=False)
    net.theta[...] = draw(arrays(np.float64, net.n_params, elements=floats))
    net.frozen[...] = draw(arrays(bool, net.n_params))
    x = draw(arrays(np.float64, sizes[0], elements=floats))
    y = draw(arrays(np.float64, sizes[-1], elements=st.floats(0.05, 1, allow_nan=False)))
    if loss == "cross_entropy":
        y = y / y.sum()
    s = Settings(lr=draw(st.floats(0.01, 1)), momentum=draw(st.sampled_from([0.0, 0.5, 0.9])))
    v = draw(arrays(np.float64, net.n_params, elements=floats)) if s.momentum else None
    return net, x, y, s, v


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(problems())
def test_every_step_value_is_the_engines_and_the_update_is_the_trainers(problem):
    net, x, y, s, v = problem
    steps = walk(net, x, y, s, velocity=v)
    st_ = evaluate(net, x, y)
    by = {q.quantity: q for q in steps}
    L = net.depth
    for l in range(1, L + 1):
        for j in range(net.sizes[l]):
            assert by[f"z{l}[{j + 1}]"].value == st_.zs[l][0, j]
            assert by[f"a{l}[{j + 1}]"].value == st_.acts[l][0, j]
            assert by[f"delta{l}[{j + 1}]"].value == st_.deltas[l][0, j]
            if l < L:   # the path terms shown add up to the sum shown
                paths = [q.value for q in steps if q.kind == "path" and q.layer == l and q.index[0] == j]
                assert len(paths) == net.sizes[l + 1]
                assert by[f"dE/da{l}[{j + 1}]"].value == pytest.approx(sum(paths), rel=1e-9, abs=1e-12)
        for i in range(net.sizes[l - 1]):
            for j in range(net.sizes[l]):
                assert by[f"dE/dW{l}[{i + 1},{j + 1}]"].value == st_.dW[l - 1][i, j]
    assert by["loss"].value == st_.loss
    trainer = Trainer(net.copy(), Dataset([x], [y]), s.copy())
    if v is not None:
        trainer.velocity[...] = v
    trainer.run(1)
    after = dict(zip(parameter_columns(net), trainer.net.theta.tolist()))
    assert {k: by[f"updated:{k}"].value for k in after} == after
    assert by["updated:loss"].value == evaluate(trainer.net, x, y).loss
    keys = {("n", l, j) for l in range(L + 1) for j in range(net.sizes[l])}
    keys |= {("W", *k[1:]) for k in net.param_keys() if k[0] == "W"}
    keys |= {("b", k[1], k[2]) for k in net.param_keys() if k[0] == "b"}
    for q in steps:
        assert q.highlight and q.highlight <= keys, q
        for tex in (q.formula_tex, q.substituted_tex, q.result_tex):
            assert tex.count("{") == tex.count("}") and not DOUBLE_SUBSCRIPT.search(tex), tex


def test_weight_decay_is_its_own_step_and_the_update_is_the_trainers(seed004):
    p = seed004.copy()
    p.settings.weight_decay = 0.1
    by = {s.quantity: s for s in walk004(p)}
    g = by["grad:W2[1,1]"]
    assert g.formula == "gU11 = ∂E_tot/∂U11 + λ·U11"
    assert g.substituted == "gU11 = 0.02592286 + 0.1·0.45"
    assert g.value == pytest.approx(0.02592286 + 0.1 * 0.45, abs=1e-8)
    assert by["updated:W2[1,1]"].formula == "U11⁺ = U11 − η·gU11"
    trainer = Trainer(p.net.copy(), p.data.copy(), p.settings.copy())
    trainer.run(1)
    shown = [by[f"updated:{c}"].value for c in parameter_columns(p.net)]
    assert shown == trainer.net.theta.tolist()


def test_adam_shows_m_v_and_their_corrections_at_the_trainers_step(seed004):
    """After three Adam steps, the walk's fourth: m⁺, v⁺, m̂, v̂ of each parameter and θ⁺ equal the trainer's."""
    p = seed004.copy()
    p.settings.optimizer, p.settings.lr, p.settings.weight_decay = "adam", 0.05, 0.01
    trainer = Trainer(p.net.copy(), p.data.copy(), p.settings.copy())
    trainer.run(3)
    opt = trainer.opt.copy()
    steps = walk(trainer.net, p.data.X[0], p.data.Y[0], p.settings, opt=opt)
    by = {s.quantity: s for s in steps}
    kinds = [s.kind for s in steps if s.quantity.endswith(":W1[1,1]") and s.phase == "update"]
    assert kinds == ["decayed", "adam_m", "adam_v", "adam_mhat", "adam_vhat", "updated"]
    assert by["m:W1[1,1]"].formula == "mW11⁺ = β₁·mW11 + (1 − β₁)·gW11"
    assert by["v:W1[1,1]"].formula == "vW11⁺ = β₂·vW11 + (1 − β₂)·gW11²"
    assert by["mhat:W1[1,1]"].formula == "m̂W11 = mW11⁺/(1 − β₁^t)"
    assert by["vhat:W1[1,1]"].substituted.endswith("/(1 − 0.999^4)")
    assert by["updated:W1[1,1]"].formula == "W11⁺ = W11 − η·m̂W11/(√(v̂W11) + ε)"
    assert r"\hat{m}_{W_{11}}" in by["mhat:W1[1,1]"].formula_tex and r"\sqrt{" in by["updated:W1[1,1]"].formula_tex
    i = p.net.param_index("W", 1, 0, 0)
    assert by["m:W1[1,1]"].value == pytest.approx(opt.m[i] * 0.9 + by["grad:W1[1,1]"].value * 0.1, rel=1e-14)
    trainer.run(1)
    columns = parameter_columns(p.net)
    assert [by[f"updated:{c}"].value for c in columns] == trainer.net.theta.tolist()
    assert [by[f"m:{c}"].value for c in columns] == trainer.opt.m.tolist()
    assert [by[f"v:{c}"].value for c in columns] == trainer.opt.v.tolist()
    b1t, b2t = 1 - 0.9 ** 4, 1 - 0.999 ** 4
    assert by["mhat:W1[1,1]"].value == pytest.approx(trainer.opt.m[i] / b1t, rel=1e-15)
    assert by["vhat:W1[1,1]"].value == pytest.approx(trainer.opt.v[i] / b2t, rel=1e-15)
