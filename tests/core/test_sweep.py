"""The learning-rate sweep (core.numerics.sweep): copy k is a single-net Trainer at learning rate k, to
1e-12 relative over 1,000 steps, on the fast per-sample path and on the exact path; a diverging copy
stops at the step the Trainer refuses and the others go on."""
from __future__ import annotations

import numpy as np
import pytest

from backprop_lab.core.io.presets import load_preset
from backprop_lab.core.model.dataset import Dataset
from backprop_lab.core.model.network import LayerSpec, Network
from backprop_lab.core.model.settings import Settings
from backprop_lab.core.numerics import sweep_fast
from backprop_lab.core.numerics.sweep import Sweep, log_grid, sweep
from backprop_lab.core.numerics.training import DivergenceError, Trainer
from tests.core.reference_loop import make


def single(net, data, settings, lr, steps):
    """The Trainer's θ after `steps` steps at lr, and the step it refused (−1 if none)."""
    s = settings.copy()
    s.lr = float(lr)
    t = Trainer(net.copy(), data, s)
    try:
        t.run(steps)
        return t.theta.copy(), -1, t.trace.column("loss")
    except DivergenceError as e:
        return t.theta.copy(), e.step, t.trace.column("loss")


def close(a, b, rel=1e-12, floor=1e-300):
    """Equal to `rel` relative; `floor` for numbers that converge to 0 (a loss of 1e-33 is rounding)."""
    return bool(np.all(np.abs(a - b) <= rel * np.maximum(np.abs(b), floor)))


CASES = {
    "seed004 per sample (fast path)": lambda: (load_preset("seed004"), {}),
    "xor, adam and weight decay (fast path)": lambda: (load_preset("xor"), {"optimizer": "adam",
                                                                           "weight_decay": 1e-3}),
    "xor, momentum, shuffled": lambda: (load_preset("xor"), {"momentum": 0.9, "shuffle": True, "seed": 3}),
    "softmax, mini-batch sum (exact path)": lambda: (None, {"mode": "minibatch", "batch_size": 3,
                                                            "batch_loss": "sum", "momentum": 0.5}),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_copy_k_is_the_single_net_run_at_learning_rate_k(case):
    project, extra = CASES[case]()
    if project is None:
        net, data = make([3, 4, 3], ["tanh", "softmax"], "neuron", "cross_entropy", n_samples=7, seed=1)
    else:
        net, data = project.net, project.data
    s = Settings(**{"lr": 0.1, **extra})
    lrs = log_grid(1e-3, 0.5 if s.optimizer == "adam" else 2.0, 40)
    r = sweep(net, data, s, lrs, 1000)
    assert r.losses.shape == (1000, 40) and (r.diverged_at == -1).all()
    for k in (0, 17, 39):
        theta, refused, losses = single(net, data, s, lrs[k], 1000)
        assert refused == -1
        assert close(r.theta[k], theta), (k, np.max(np.abs(r.theta[k] - theta) / np.abs(theta)))
        assert close(r.losses[:, k], losses, floor=losses[0])


def diverging_problem():
    net = Network(1, [LayerSpec(1, "identity", "neuron")], "half_sse", theta=[0.5, 0.1])
    return net, Dataset([[1.0], [2.0], [-1.5]], [[0.3], [1.0], [-0.2]])


@pytest.mark.parametrize("extra", [{"mode": "sample"}, {"mode": "batch"},
                                   # the replay of a chunk starts from the rule's state at its start
                                   {"mode": "sample", "momentum": 0.9}])
def test_a_diverging_copy_stops_and_is_marked_while_the_others_go_on(extra):
    net, data = diverging_problem()
    s = Settings(**extra)
    lrs = log_grid(0.01, 1e3, 25)
    sw = Sweep(net, data, s, lrs)
    sw.run(1000)
    r = sw.result()
    gone = np.flatnonzero(r.diverged_at >= 0)
    assert 0 < len(gone) < 25                       # some diverge, some do not
    for k in (0, 10, gone[0], gone[-1]):
        theta, refused, losses = single(net, data, s, lrs[k], 1000)
        assert r.diverged_at[k] == refused, k
        assert close(r.theta[k], theta), k
        n = len(losses)
        assert close(r.losses[:n, k], losses, floor=losses[0]) and np.isnan(r.losses[n:, k]).all()
    alive = r.diverged_at < 0
    assert np.isfinite(r.losses[:, alive]).all() and np.isfinite(r.final_loss[alive]).all()
    assert r.best() in np.flatnonzero(alive)
    assert np.array_equal(sw.network(3).theta, r.theta[3])


def test_the_fast_path_is_taken_where_it_applies(monkeypatch):
    """Per-sample steps of an elementwise loss go through FastStep, not the exact path's loop."""
    p = load_preset("seed004")
    assert sweep_fast.supports(p.net, p.settings)
    exact = []
    monkeypatch.setattr(Sweep, "_exact", lambda self, S, *a: exact.append(len(S)))
    Sweep(p.net, p.data, p.settings, log_grid(0.1, 1.0, 5)).run(200)
    assert exact == []


@pytest.mark.parametrize("low, high, k, words", [(0, 1, 5, "0 < low"), (2, 1, 5, "low ≤ high"),
                                                 (1e-3, 1, 0, "copies")])
def test_bad_grids(low, high, k, words):
    with pytest.raises(ValueError, match=words):
        log_grid(low, high, k)


def test_the_grid_is_logarithmic():
    g = log_grid(1e-3, 10, 5)
    assert np.allclose(g, [1e-3, 1e-2, 1e-1, 1, 10]) and g[0] == 1e-3 and g[-1] == 10


def test_the_sweep_command_prints_a_row_per_copy(capsys, tmp_path):
    from backprop_lab.core.cli import main
    from backprop_lab.core.io.document import save
    from backprop_lab.core.model.project import Project
    net, data = diverging_problem()
    path = tmp_path / "line.json"
    save(Project(net, data, Settings(), "line"), path)
    assert main(["sweep", str(path), "--lr", "1e-2:1e3", "--copies", "25", "--steps", "1000"]) == 0
    out = capsys.readouterr().out.splitlines()
    rows = out[3:-1]
    assert len(rows) == 25 and "at step" in rows[-1] and "at step" not in rows[0]
    r = sweep(net, data, Settings(), log_grid(1e-2, 1e3, 25), 1000)
    assert rows[0].split()[2] == repr(float(r.final_loss[0]))
    assert f"{int((r.diverged_at >= 0).sum())} of 25 diverged" in out[-1]


@pytest.mark.parametrize("argv, words", [
    (["--lr", "1:1e-3"], "0 < A ≤ B"), (["--lr", "0.1"], "A:B"), (["--lr", "x:1"], "not a number"),
    (["--lr", "0:1"], "0 < A"), (["--lr", "1e-3:1", "--copies", "0"], "at least 1"),
    (["--lr", "1e-3:1", "--copies", "200000"], "at most"),
])
def test_bad_sweep_arguments_say_one_line_and_exit_2(capsys, argv, words):
    from backprop_lab.core.cli import main
    assert main(["sweep", "seed004", "--steps", "10", *argv]) == 2
    err = capsys.readouterr().err
    assert len(err.strip().splitlines()) == 1 and words in err


def test_a_run_in_pieces_is_the_run_in_one():
    """Each run() keeps one record of its steps' losses; pieces that end mid-chunk join up exactly."""
    p = load_preset("xor")
    lrs = log_grid(1e-2, 3.0, 9)
    whole = sweep(p.net, p.data, p.settings, lrs, 500)
    sw = Sweep(p.net, p.data, p.settings, lrs)
    for piece in (1, 99, 0, 400):
        sw.run(piece)
    r = sw.result()
    assert r.losses.shape == (500, 9) and sw.step == 500
    assert np.array_equal(r.losses, whole.losses) and np.array_equal(r.theta, whole.theta)


@pytest.mark.parametrize("extra", [{"mode": "sample"}, {"mode": "batch"}])
def test_every_copy_diverged_and_the_run_goes_on(extra):
    """Every rate too large: no copy is left, and the steps still asked for are taken by nobody (the
    exact path met an empty set of copies and raised, 937 times in a storm, once a tick of the sweep
    window's timer)."""
    net, data = diverging_problem()
    lrs = log_grid(1e2, 1e3, 4)
    sw = Sweep(net, data, Settings(**extra), lrs)
    sw.run(300)
    r = sw.result()
    assert (r.diverged_at >= 0).all() and not sw.alive.any()
    sw.run(40)                                   # nothing left to step: no error, the record goes on
    assert sw.step == 340 and len(sw.result().losses) == 340
    assert np.isnan(sw.result().losses[300:]).all()
    for k in range(len(lrs)):
        assert sw.result().diverged_at[k] == single(net, data, Settings(**extra), lrs[k], 340)[1]
