"""The history (core.numerics.history): every past row rebuilt by replay is the engine's row, bit for bit,
whatever happened between runs; and it costs at most 16 bytes a step."""
import numpy as np
import pytest

from backprop_lab.core.io.presets import load_preset
from backprop_lab.core.model.dataset import Dataset
from backprop_lab.core.model.network import LayerSpec, Network, init_weights
from backprop_lab.core.model.settings import Settings
from backprop_lab.core.numerics.history import BLOCK, History, checkpoint_every
from backprop_lab.core.numerics.trace import Trace, column_names
from backprop_lab.core.numerics.training import Trainer

MODES = ["sample", "minibatch", "batch"]
RULES = ["sgd", "adam"]


def same(a, b):
    a, b = np.asarray(a, dtype=float), np.asarray(b, dtype=float)
    return a.shape == b.shape and np.array_equal(a.view(np.int64), b.view(np.int64))


def random_net(rng):
    sizes = [int(rng.integers(1, 5)) for _ in range(int(rng.integers(2, 4)))]
    acts = [str(rng.choice(["tanh", "relu", "sigmoid"])) for _ in sizes[2:]] + ["sigmoid"]
    layers = [LayerSpec(n, a, str(rng.choice(["none", "neuron", "shared"]))) for n, a in zip(sizes[1:], acts)]
    net = Network(sizes[0], layers, "half_sse")
    init_weights(net, seed=int(rng.integers(100)))
    n = int(rng.integers(1, 7))
    data = Dataset(rng.normal(size=(n, sizes[0])), rng.uniform(size=(n, sizes[-1])))
    return net, data


def twins(rng, mode, optimizer="sgd"):
    """A trainer with a History and one keeping every row (a Trace), run in the same random pieces,
    with the same edits between them: the learning rate, momentum, shuffle, a frozen flag, a
    parameter, an input, a target."""
    net, data = random_net(rng)
    s = Settings(lr=0.1, momentum=float(rng.choice([0.0, 0.9])), mode=mode, batch_size=2,
                 shuffle=bool(rng.integers(2)), seed=int(rng.integers(9)), optimizer=optimizer,
                 weight_decay=float(rng.choice([0.0, 0.01])))
    h = Trainer(net.copy(), Dataset(data.X.copy(), data.Y.copy()), s.copy())
    f = Trainer(net.copy(), Dataset(data.X.copy(), data.Y.copy()), s.copy(), Trace(column_names(net)))
    for _ in range(int(rng.integers(3, 7))):
        edit = int(rng.integers(7))
        for t in (h, f):
            if edit == 1:
                t.settings.lr = 0.05
            elif edit == 2:
                t.settings.momentum = 0.5
                t.settings.shuffle = not t.settings.shuffle
            elif edit == 3:
                t.net.frozen[0] = not t.net.frozen[0]
            elif edit == 4:
                t.net.theta[-1] = 0.25
            elif edit == 5:
                t.data.X[0, 0] += 1.0
            elif edit == 6:
                t.data.Y[0, 0] = 1.0 - t.data.Y[0, 0]
        n = int(rng.integers(1, 400))
        h.run(n)
        f.run(n)
    return h, f


@pytest.mark.parametrize("optimizer", RULES)
@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("seed", range(5))
def test_rebuilt_rows_are_the_engines_bit_for_bit(mode, seed, optimizer):
    rng = np.random.default_rng([seed, MODES.index(mode), RULES.index(optimizer)])
    h, f = twins(rng, mode, optimizer)
    full = f.trace.array()
    assert len(h.trace) == len(full) and same(h.trace.losses(), full[:, 2])
    for i in rng.integers(0, len(full), 12).tolist():
        assert same(h.trace.row(i), full[i]), f"row {i}"
        theta, opt = h.trace.state_at(i)
        assert same(theta, f.trace.theta_at(i, f.net))
        if i:       # the optimizer's state at i is what one more step from i − 1 leaves
            back, opt0 = h.trace.state_at(i - 1)
            assert opt.t == opt0.t + (optimizer == "adam")
    assert h.trace.equals(f.trace)
    assert same(h.theta, f.theta) and same(h.velocity, f.velocity)
    assert same(h.opt.m, f.opt.m) and same(h.opt.v, f.opt.v)


def test_the_velocity_rebuilt_is_the_one_momentum_had():
    p = load_preset("xor")
    p.settings.momentum = 0.9
    t = Trainer(p.net, p.data, p.settings)
    states = []
    for _ in range(300):
        states.append((t.theta.copy(), t.velocity.copy()))
        t.run(1)
    for i in (0, 1, 63, 64, 65, 200, 299):
        theta, opt = t.trace.state_at(i)
        assert same(theta, states[i][0]) and same(opt.velocity, states[i][1])


def test_cut_and_paste_give_back_the_same_history():
    h, f = twins(np.random.default_rng(5), "sample")
    n = len(h.trace)
    losses = h.trace.losses()
    tail = h.trace.cut(n // 3)
    assert len(h.trace) == n // 3 and same(h.trace.row(n // 3 - 1), f.trace.row(n // 3 - 1))
    h.trace.paste(tail)
    assert same(h.trace.losses(), losses) and h.trace.equals(f.trace)


@pytest.mark.parametrize("shape", [[2, 2, 2], [4, 16, 16, 3]])
def test_a_long_run_costs_at_most_16_bytes_a_step(shape):
    net = Network(shape[0], [LayerSpec(n, "sigmoid", "neuron") for n in shape[1:]], "half_sse")
    init_weights(net, seed=1)
    rng = np.random.default_rng(0)
    t = Trainer(net, Dataset(rng.normal(size=(4, shape[0])), rng.uniform(size=(4, shape[-1]))), Settings())
    assert isinstance(t.trace, History)
    n = 2 * BLOCK
    for _ in range(4):       # several runs: a run that goes on where the last stopped starts no segment
        t.run(n // 4)
    assert len(t.trace.segments) == 1
    assert t.trace.nbytes / n <= 16
    assert (32 * net.n_params + 8) / checkpoint_every(net.n_params) <= 4


@pytest.mark.parametrize("seed", range(4))
def test_thetas_at_checkpoints_and_replayed_rows_are_the_trainers(seed):
    """thetas_at gives θ bit for bit at checkpoint rows (kept), rows between them (replayed) and the end;
    checkpoint_rows names exactly the rows whose θ is kept."""
    rng = np.random.default_rng(seed)
    net, data = random_net(rng)
    t = Trainer(net, data, Settings(lr=0.1, optimizer=str(rng.choice(RULES))))
    seen = {}
    for piece in (70, 200, 5):
        for _ in range(piece):
            seen[t.step] = t.theta.copy()
            t.run(1)
        t.settings.lr *= 0.9                     # a new segment: its start is a checkpoint too
    seen[t.step] = t.theta.copy()
    h = t.history()
    every = h.every
    kept = h.checkpoint_rows(0, len(h))
    assert kept == sorted({0, 70, 270} | set(range(0, len(h), every)))
    assert h.checkpoint_rows(71, 200) == [r for r in kept if 71 <= r < 200]
    assert h.end_known()
    rows = sorted({0, 3, every - 1, every, 69, 70, 150, 271, len(h) - 1, len(h)})
    got = h.thetas_at(rows)
    for k, i in enumerate(rows):
        assert same(got[k], seen[i]), i
