"""The step loop against the reference: core.engine.evaluate at the weights before each step, then
SGD (with momentum, seed 003's v = μv − ηg; w += v), frozen parameters kept. The trainer's parameters,
velocity and every trace row must equal the reference's exactly, in every mode; a step that would make
anything NaN or Inf is refused with the state before it kept."""
import math

import numpy as np
import pytest
import reference_loop as bench
from hypothesis import given, settings
from hypothesis import strategies as st

from backprop_lab.core.io.presets import load_preset
from backprop_lab.core.io.trace_csv import read_csv, write_csv
from backprop_lab.core.model.activations import ACTIVATIONS
from backprop_lab.core.model.dataset import Dataset
from backprop_lab.core.model.network import LayerSpec, Network, init_weights
from backprop_lab.core.model.notation import seed004
from backprop_lab.core.model.settings import Settings
from backprop_lab.core.numerics import training
from backprop_lab.core.numerics.engine import evaluate
from backprop_lab.core.numerics.trace import Trace, column_names, parameter_columns
from backprop_lab.core.numerics.training import CHUNK, DivergenceError, Trainer, samples_for_step

HIDDEN = [a for a in ACTIVATIONS if a != "softmax"]
OUTPUT_LOSSES = [(a, l) for l in ("half_sse", "sse", "mse") for a in ACTIVATIONS] + [
    ("softmax", "cross_entropy"), ("sigmoid", "bce")]


def same(a, b) -> bool:
    """Equal numbers (a zero's sign aside: the reference adds a zero bias where a layer has none)."""
    a, b = np.asarray(a, dtype=float), np.asarray(b, dtype=float)
    return a.shape == b.shape and bool(np.isfinite(a).all()) and np.array_equal(a, b)


def reference(net, data, s, n, velocity=None):
    """Up to n steps the plain way. Returns (theta, velocity, rows, refused): the state before the
    first step that would put a NaN or Inf in its row or in the parameters (refused = that step's index),
    or after n steps (refused = None)."""
    r = net.copy()
    v = np.zeros(r.n_params) if velocity is None else velocity.copy()
    lr = np.where(r.frozen, 0.0, s.lr)
    rows = []
    with np.errstate(all="ignore"):
        for k in range(n):
            idx = samples_for_step(k, len(data), s)
            g = evaluate(r, data.X[idx], data.Y[idx], s.batch_loss)
            row = {"step": k, "sample": idx[0] if s.mode == "sample" else -1, "loss": g.loss}
            mean = lambda a: a.mean(axis=0)
            row.update({f"a0[{i + 1}]": x for i, x in enumerate(mean(g.x))})
            row.update({f"y[{i + 1}]": y for i, y in enumerate(mean(g.y))})
            for name, p, gv in zip(parameter_columns(r), r.theta, g.grad):
                row[name], row["dE/d" + name] = p, gv
            for l in range(1, r.depth + 1):
                for q, arr in (("z", g.zs[l]), ("a", g.acts[l]), ("delta", g.deltas[l])):
                    row.update({f"{q}{l}[{j + 1}]": val for j, val in enumerate(mean(arr))})
            values = np.array([row[c] for c in column_names(r)], dtype=float)
            if s.momentum:
                v_new = s.momentum * v - lr * g.grad
                theta_new = r.theta + v_new
            else:
                v_new, theta_new = v, r.theta - lr * g.grad
            if not (np.isfinite(values).all() and np.isfinite(theta_new).all()):
                return r.theta.copy(), v, np.array(rows).reshape(-1, len(values)), k
            rows.append(values)
            r.theta[...], v = theta_new, v_new
    return r.theta.copy(), v, np.array(rows).reshape(-1, len(column_names(r))), None


def build(n_in, layers, loss, seed=0, scale=1.0, n_samples=4, frozen=0.0):
    net = Network(n_in, [LayerSpec(n, a, b) for n, a, b in layers], loss)
    init_weights(net, seed)
    rng = np.random.default_rng(seed)
    net.theta[...] = net.theta * scale + rng.normal(0, 0.1, net.n_params)   # biases non-zero too
    net.frozen[...] = rng.uniform(size=net.n_params) < frozen
    X = rng.normal(0, 1.5, (n_samples, n_in))
    Y = rng.uniform(0, 1, (n_samples, layers[-1][0]))
    if loss == "cross_entropy":
        Y /= Y.sum(axis=1, keepdims=True)
    return net, Dataset(X, Y)


def check_against_reference(net, data, s, n):
    ref_theta, ref_v, ref_rows, refused = reference(net, data, s, n)
    assert refused is None
    t = Trainer(net, data, s)
    assert t.run(n) == n
    assert same(t.theta, ref_theta) and same(net.theta, ref_theta)
    assert same(t.velocity, ref_v)
    assert same(t.trace.array(), ref_rows)
    assert t.step == n == len(t.trace)
    return t


# ----- equal to the reference ------------------------------------------------------------------------
@pytest.mark.parametrize("out_act,loss", OUTPUT_LOSSES)
@pytest.mark.parametrize("bias", ["none", "neuron", "shared"])
def test_every_output_and_loss_matches_the_reference(out_act, loss, bias):
    hidden = HIDDEN[(len(loss) + len(out_act)) % len(HIDDEN)]
    net, data = build(3, [(4, hidden, bias), (5, "tanh", "neuron"), (3, out_act, bias)], loss, seed=len(out_act))
    check_against_reference(net, data, Settings(lr=0.05), 40)


@pytest.mark.parametrize("hidden", HIDDEN)
def test_every_hidden_activation_matches_the_reference_with_momentum_and_frozen_parameters(hidden):
    net, data = build(2, [(3, hidden, "neuron"), (3, hidden, "shared"), (2, "sigmoid", "none")], "bce",
                      seed=5, scale=2.0, frozen=0.3)
    check_against_reference(net, data, Settings(lr=0.05, momentum=0.9, shuffle=True, seed=7), 60)


@pytest.mark.parametrize("mode,batch_size,shuffle", [("minibatch", 2, False), ("minibatch", 3, True),
                                                     ("minibatch", 9, False), ("batch", 2, False)])
def test_minibatch_and_batch_modes_match_the_reference(mode, batch_size, shuffle):
    net, data = build(2, [(3, "tanh", "neuron"), (2, "softmax", "shared")], "cross_entropy", n_samples=5)
    t = check_against_reference(net, data, Settings(lr=0.3, momentum=0.5, mode=mode, batch_size=batch_size,
                                                    shuffle=shuffle, seed=2), 23)
    assert (t.trace.column("sample") == -1).all()


@pytest.mark.parametrize("mode,batch_size,n_samples", [("batch", 1, 17), ("minibatch", 9, 17), ("minibatch", 1, 3),
                                                       ("batch", 1, 1)])
@pytest.mark.parametrize("loss,out_act,out_bias", [("half_sse", "sigmoid", "shared"), ("bce", "sigmoid", "none"),
                                                   ("mse", "identity", "neuron"), ("cross_entropy", "softmax", "none")])
@pytest.mark.parametrize("batch_loss", ["mean", "sum"])
def test_batch_rows_are_the_reference_bit_for_bit(mode, batch_size, n_samples, loss, out_act, out_bias, batch_loss):
    """Every bit, zeros' signs included: batches of 8 or more and one output neuron (a (B × 1) column
    sums pairwise, a (B × n) block row by row), a short last mini-batch, one-sample batches."""
    n_out = 3 if out_act == "softmax" else 1
    net, data = build(3, [(4, "relu", "none"), (5, "leaky_relu", "shared"), (n_out, out_act, out_bias)], loss,
                      seed=3, n_samples=n_samples, frozen=0.2)
    s = Settings(lr=0.2 / (n_samples if batch_loss == "sum" else 1), momentum=0.5, mode=mode,
                 batch_size=batch_size, shuffle=True, seed=1, batch_loss=batch_loss)
    ref_theta, ref_v, ref_rows, refused = reference(net, data, s, 40)
    t = Trainer(net, data, s)
    t.run(40)
    assert refused is None
    assert np.array_equal(t.trace.array().view(np.int64), ref_rows.view(np.int64))
    assert np.array_equal(t.theta.view(np.int64), ref_theta.view(np.int64))
    assert np.array_equal(t.velocity.view(np.int64), ref_v.view(np.int64))


@pytest.mark.parametrize("stage_rows", [1, 7])
def test_a_staging_buffer_smaller_than_a_chunk_changes_nothing(monkeypatch, stage_rows):
    """Wide networks stage fewer rows than a chunk before copying them into the trace's columns."""
    net, data = build(2, [(3, "sigmoid", "neuron"), (2, "sigmoid", "none")], "half_sse", n_samples=3)
    monkeypatch.setattr(training, "STAGE_BYTES", 8 * len(column_names(net)) * stage_rows)
    t = check_against_reference(net, data, Settings(lr=0.5, momentum=0.3), 1024 + CHUNK + 17)
    assert len(t._stage) == stage_rows
    net, data, s = diverging("sample")
    ref_theta, ref_v, ref_rows, refused = reference(net, data, s, 600)
    t = Trainer(net, data, s)
    with pytest.raises(DivergenceError) as err:
        t.run(600)
    assert err.value.step == refused == 446 == len(t.trace) and "the gradient of W1[1,1]" in str(err.value)
    assert same(t.theta, ref_theta) and same(t.velocity, ref_v) and same(t.trace.array(), ref_rows)


def test_the_trainer_writes_its_rows_into_column_major_blocks():
    net, data = build(2, [(3, "tanh", "neuron"), (2, "sigmoid", "none")], "half_sse", n_samples=3)
    t = Trainer(net, data, Settings(lr=0.1, momentum=0.5), Trace(column_names(net)))
    t.run(1500)
    assert isinstance(t.trace, Trace)
    assert [len(b) for b in t.trace._blocks] == [1024, 2048]
    assert all(b.flags.f_contiguous for b in t.trace._blocks)
    first, second = t.trace._column_parts("W1[1,1]")
    assert first.flags.c_contiguous and len(first) == 1024 and len(second) == 476
    assert first[0] == t.trace.theta_at(0, net)[0] and second[-1] == t.trace.row_dict(1499)["W1[1,1]"]


@settings(max_examples=60, deadline=None)
@given(st.data())
def test_random_networks_match_the_reference(draw):
    d = st.integers
    depth = draw.draw(d(1, 4), "depth")
    sizes = [draw.draw(st.sampled_from([1, 2, 3, 5, 8, 16, 32])) for _ in range(depth + 1)]
    out_act, loss = draw.draw(st.sampled_from(OUTPUT_LOSSES))
    acts = [draw.draw(st.sampled_from(HIDDEN)) for _ in range(depth - 1)] + [out_act]
    biases = [draw.draw(st.sampled_from(["none", "neuron", "shared"])) for _ in range(depth)]
    mode = draw.draw(st.sampled_from(["sample", "sample", "minibatch", "batch"]))
    net, data = build(sizes[0], list(zip(sizes[1:], acts, biases)), loss, seed=draw.draw(d(0, 99)),
                      scale=draw.draw(st.sampled_from([0.5, 1.0, 4.0])), n_samples=draw.draw(d(1, 6)),
                      frozen=draw.draw(st.sampled_from([0.0, 0.2])))
    s = Settings(lr=draw.draw(st.sampled_from([0.01, 0.1, 0.5])), momentum=draw.draw(st.sampled_from([0.0, 0.5])),
                 mode=mode, shuffle=draw.draw(st.booleans()), batch_size=draw.draw(d(1, 4)), seed=draw.draw(d(0, 9)))
    ref_theta, ref_v, ref_rows, refused = reference(net, data, s, 12)
    t = Trainer(net, data, s)
    if refused is None:
        t.run(12)
    else:
        with pytest.raises(DivergenceError):
            t.run(12)
        assert t.step == refused
    assert same(t.theta, ref_theta) and same(t.velocity, ref_v) and same(t.trace.array(), ref_rows)


def test_seed_004_one_step_and_its_trace_row():
    net, data = bench.seed004_net()
    t = Trainer(net, data, Settings(lr=0.5))
    t.run(1)
    row = t.trace.row_dict(0)
    assert f"{row['a1[1]']:.8f}" == "0.51998934" and f"{row['a2[2]']:.8f}" == "0.66384491"
    assert f"{row['loss']:.8f}" == "0.02397190"
    assert [f"{v:.8f}" for v in net.theta] == ["0.29959556", "0.39964496", "0.24919112", "0.34928991",
                                               "0.43703857", "0.69629578", "0.38685205", "0.59624247"]


def test_a_long_run_across_chunks_and_trace_blocks_matches_the_reference():
    net, data = build(2, [(3, "sigmoid", "neuron"), (2, "sigmoid", "none")], "half_sse", n_samples=3)
    check_against_reference(net, data, Settings(lr=0.5, momentum=0.3), 2 * 1024 + CHUNK + 17)


def test_the_benchmark_baseline_does_the_same_work():
    for name, sizes, acts, bias, loss in bench.NETS:
        net, data = bench.make(sizes, acts, bias, loss)
        Ws, bs, rows = bench.baseline_run(net, data, 0.1, 30)
        t = Trainer(net.copy(), data, Settings(lr=0.1))
        t.run(30)
        assert rows.shape == (30, len(t.names))
        np.testing.assert_allclose(rows, t.trace.array(), rtol=1e-12, atol=1e-15)
        np.testing.assert_allclose(np.concatenate([np.concatenate([W.ravel(), b]) for W, b in zip(Ws, bs)]),
                                   t.theta, rtol=1e-12, atol=1e-15)


def test_the_benchmark_batch_baseline_does_the_same_work():
    project = load_preset("xor")
    Ws, bs, rows = bench.baseline_batch_run(project.net, project.data, 1.0, 30)
    t = Trainer(project.net.copy(), project.data, Settings(lr=1.0, mode="batch"))
    t.run(30)
    assert rows.shape == (30, len(t.names))
    np.testing.assert_allclose(rows, t.trace.array(), rtol=1e-12, atol=1e-15)
    np.testing.assert_allclose(np.concatenate([np.concatenate([W.ravel(), b]) for W, b in zip(Ws, bs)]),
                               t.theta, rtol=1e-12, atol=1e-15)


# ----- order of samples and determinism ----------------------------------------------------------
def test_cycling_takes_the_samples_in_order():
    net, data = build(2, [(2, "sigmoid", "none")], "half_sse", n_samples=3)
    t = Trainer(net, data, Settings(lr=0.1))
    t.run(10)
    assert t.trace.column("sample").tolist() == [k % 3 for k in range(10)]
    assert t.trace.column("step").tolist() == list(range(10))


def test_shuffle_is_a_fresh_permutation_per_epoch_fixed_by_seed_and_epoch():
    net, data = build(2, [(2, "sigmoid", "none")], "half_sse", n_samples=5)
    t = Trainer(net, data, Settings(lr=0.1, shuffle=True, seed=11))
    t.run(5 * 60)
    order = t.trace.column("sample").astype(int).reshape(60, 5)
    for epoch, perm in enumerate(order):
        assert sorted(perm) == list(range(5))
        assert perm.tolist() == np.random.default_rng([11, epoch]).permutation(5).tolist()
    assert len({tuple(p) for p in order}) > 10
    other = Trainer(*build(2, [(2, "sigmoid", "none")], "half_sse", n_samples=5),
                    Settings(lr=0.1, shuffle=True, seed=12))
    other.run(5 * 60)
    assert not np.array_equal(other.trace.column("sample"), t.trace.column("sample"))


def test_runs_in_pieces_give_the_trace_of_one_run():
    s = Settings(lr=0.2, momentum=0.7, shuffle=True, seed=3)
    one = Trainer(*build(2, [(3, "tanh", "neuron"), (2, "sigmoid", "none")], "bce", n_samples=7), s)
    one.run(700)
    pieces = Trainer(*build(2, [(3, "tanh", "neuron"), (2, "sigmoid", "none")], "bce", n_samples=7), s.copy())
    for n in (1, 2, 255, 256, 186):
        pieces.run(n)
    assert pieces.trace.equals(one.trace)
    assert same(pieces.theta, one.theta) and same(pieces.velocity, one.velocity)


def test_should_stop_is_asked_after_each_chunk():
    net, data = build(2, [(2, "sigmoid", "none")], "half_sse")
    t = Trainer(net, data, Settings(lr=0.1))
    asked = []
    assert t.run(10 * CHUNK, should_stop=lambda: asked.append(t.step) or len(asked) == 2) == 2 * CHUNK
    assert asked == [CHUNK, 2 * CHUNK] and len(t.trace) == 2 * CHUNK
    assert t.run(0) == 0 and len(t.trace) == 2 * CHUNK


# ----- momentum and frozen parameters --------------------------------------------------------------
def test_momentum_is_seed_003s_update():
    """Seed 003: update = 0.5·update + (−η·g); w += update, on a sigmoid perceptron with mean squared error."""
    net = Network(2, [LayerSpec(1, "sigmoid", "neuron")], "mse")
    net.theta[...] = [0.3, -0.2, 0.1]
    data = Dataset([[1.0, 0.0], [0.0, 1.0], [1.0, 1.0]], [[1.0], [0.0], [1.0]])
    eta = 0.1
    t = Trainer(net, data, Settings(lr=eta, momentum=0.5))
    probe, update = net.copy(), np.zeros(3)
    for k in range(9):
        x, y = data.X[k % 3], data.Y[k % 3]
        g = evaluate(probe, x, y).grad
        update = 0.5 * update + -eta * g
        probe.theta += update
    t.run(9)
    assert same(t.theta, probe.theta) and same(t.velocity, update)
    # The first step by hand: z = 0.3·1 + 0.1, o = σ(z), dE/do = −2(y − o), δ = dE/do·o(1 − o).
    o = 1 / (1 + math.exp(-0.4))
    delta = -2 * (1 - o) * o * (1 - o)
    assert t.trace.row_dict(1)["W1[1,1]"] == pytest.approx(0.3 - eta * delta, rel=1e-15)
    assert t.trace.row_dict(1)["b1[1]"] == pytest.approx(0.1 - eta * delta, rel=1e-15)
    assert t.trace.row_dict(1)["W1[2,1]"] == -0.2


def test_frozen_parameters_never_move():
    net, data = build(3, [(4, "sigmoid", "neuron"), (2, "tanh", "shared")], "half_sse", frozen=0.4)
    frozen = net.frozen.copy()
    start = net.theta.copy()
    t = Trainer(net, data, Settings(lr=0.5, momentum=0.9))
    t.run(300)
    assert frozen.any() and (~frozen).any()
    assert np.array_equal(net.theta[frozen].view(np.int64), start[frozen].view(np.int64))
    assert (net.theta[~frozen] != start[~frozen]).all()
    assert (t.velocity[frozen] == 0).all()


def test_freezing_a_moving_parameter_stops_it_at_once_despite_momentum():
    net, data = build(2, [(2, "sigmoid", "neuron")], "half_sse")
    t = Trainer(net, data, Settings(lr=0.5, momentum=0.9))
    t.run(50)
    assert t.velocity[0] != 0
    net.frozen[0] = True
    held = net.theta[0]
    t.run(50)
    assert net.theta[0] == held and t.velocity[0] == 0
    assert (t.trace.column("W1[1,1]", 50) == held).all()


# ----- refusing a step that would make anything NaN or Inf -----------------------------------------------
def diverging(kind):
    if kind == "loss":            # a linear fit with a step too long: |o − y| grows ×99 a step, E overflows first
        net = Network(1, [LayerSpec(1, "identity", "none")], "half_sse")
        net.theta[...] = [0.5]
        return net, Dataset([[10.0]], [[1.0]]), Settings(lr=1.0)
    if kind == "parameter":       # softmax keeps the gradients small; a huge rate overflows a weight
        net, _ = bench.seed004_net()
        net = Network(2, [LayerSpec(2, "sigmoid", "none"), LayerSpec(2, "softmax", "none")], "cross_entropy",
                      theta=net.theta, notation=seed004())
        return net, Dataset([[1.0, 0.0], [0.0, 1.0]], [[1.0, 0.0], [0.0, 1.0]]), Settings(lr=1e307)
    if kind == "value":           # z overflows (its sigmoid, δ and gradients stay finite)
        net, data = bench.seed004_net()
        net.theta[:4] = 1e308
        return net, Dataset([[10.0, 10.0]], [[0.4, 0.6]]), Settings(lr=0.5)
    net = Network(2, [LayerSpec(3, "identity", "neuron"), LayerSpec(2, "softmax", "neuron")], "cross_entropy")
    init_weights(net, 1)           # grows geometrically with momentum: refused mid-way through a later chunk
    data = Dataset([[1.0, 0.5], [-0.3, 1.0], [0.2, 0.2]], [[1.0, 0.0], [0.0, 1.0], [0.5, 0.5]])
    return net, data, Settings(lr=3.0, momentum=0.9, mode=kind)


@pytest.mark.parametrize("kind,step,message", [
    # the loss overflows first, with every parameter finite: the one that blew up (the largest) is named
    ("loss", 77, "step 77: the parameter W1[1,1] would become NaN or Inf"),
    ("parameter", 1, "step 1: the parameter W21 would become NaN or Inf"),
    ("value", 0, "step 0: the value z1 would become NaN or Inf"),
    ("sample", 446, "step 446: the gradient of W1[1,1] would become NaN or Inf"),
    ("minibatch", 553, "step 553: the parameter W1[2,2] would become NaN or Inf"),
    ("batch", 573, "step 573: the gradient of W1[1,1] would become NaN or Inf"),
])
def test_a_diverging_step_is_refused_and_the_state_before_it_kept(kind, step, message):
    net, data, s = diverging(kind)
    ref_theta, ref_v, ref_rows, refused = reference(net, data, s, 3000)
    assert refused == step
    t = Trainer(net, data, s)
    with pytest.raises(DivergenceError) as err:
        t.run(3000)
    assert message in str(err.value) and err.value.step == refused == t.step == len(t.trace)
    assert err.value.param in str(err.value)
    assert same(t.theta, ref_theta) and same(t.velocity, ref_v) and same(t.trace.array(), ref_rows)
    # Asking again refuses the same step and changes nothing.
    theta, velocity, rows = t.theta.copy(), t.velocity.copy(), t.trace.array()
    with pytest.raises(DivergenceError) as again:
        t.run(10)
    assert again.value.step == refused and str(again.value) == str(err.value)
    assert np.array_equal(t.theta, theta) and np.array_equal(t.velocity, velocity)
    assert np.array_equal(t.trace.array(), rows)


def test_training_does_not_start_from_a_non_finite_parameter():
    net, data = bench.seed004_net()
    net = Network(2, net.layers, net.loss, net.theta, notation=seed004())
    t = Trainer(net, data, Settings())
    net.theta[5] = np.inf
    with pytest.raises(ValueError, match="U12: not a finite number"):
        t.run(3)
    assert len(t.trace) == 0 and t.step == 0


# ----- what the window does between runs ------------------------------------------------------------
def test_a_new_trace_set_on_the_trainer_is_used():
    net, data = build(2, [(2, "sigmoid", "neuron")], "half_sse")
    t = Trainer(net, data, Settings(lr=0.1))
    t.run(5)
    fresh = Trace(t.names, layout=np.arange(len(t.names)))      # a layout of its own: adopted
    t.trace, t.step = fresh, 0
    t.run(3)
    assert t.trace is fresh and len(fresh) == 3 and fresh.column("step").tolist() == [0, 1, 2]
    t.trace = Trace(["step", "sample", "loss"])
    with pytest.raises(ValueError, match="do not belong"):
        t.run(1)


def test_a_trace_read_back_from_csv_continues_as_if_never_written(tmp_path):
    s = Settings(lr=0.3, momentum=0.5)
    whole = Trainer(*build(2, [(3, "relu", "neuron"), (2, "sigmoid", "none")], "bce"), s)
    whole.run(300)
    half = Trainer(*build(2, [(3, "relu", "neuron"), (2, "sigmoid", "none")], "bce"), s.copy())
    half.run(120)
    write_csv(half.trace, tmp_path / "t.csv")
    resumed = Trainer(half.net, half.data, s.copy(), read_csv(tmp_path / "t.csv"), step=120)
    resumed.velocity[...] = half.velocity
    resumed.run(180)
    assert resumed.trace.equals(whole.trace) and same(resumed.theta, whole.theta)


def test_parameters_moved_by_another_trainer_or_new_data_are_used():
    net, data = build(2, [(2, "tanh", "neuron")], "half_sse", n_samples=2)
    t = Trainer(net, data, Settings(lr=0.1))
    t.run(4)
    other = Trainer(net, data, Settings(lr=0.1))    # takes net.theta into its own buffer
    other.net.theta[...] = 0.25
    assert net.theta is not t.theta
    data.X, data.Y = np.array([[1.0, 2.0], [3.0, 4.0], [5.0, 6.0]]), np.array([[0.0, 1.0], [1.0, 0.0], [0.5, 0.5]])
    t.run(3)
    assert net.theta is t.theta
    row = t.trace.row_dict(4)
    assert row["W1[1,1]"] == 0.25 and row["b1[2]"] == 0.25
    assert t.trace.column("sample").tolist() == [0, 1, 0, 1, 1, 2, 0]
    assert row["a0[1]"] == 3.0


@pytest.mark.parametrize("loss,out_act", [("half_sse", "sigmoid"), ("mse", "identity"), ("cross_entropy", "softmax")])
def test_wide_layers_match_the_reference(loss, out_act):
    """32 wide: the BLAS products and the loss sums over many terms keep the reference's order."""
    net, data = build(32, [(16, "tanh", "neuron"), (32, "relu", "shared"), (32, out_act, "neuron")], loss,
                      seed=9, n_samples=3)
    check_against_reference(net, data, Settings(lr=0.01, momentum=0.5), 20)
