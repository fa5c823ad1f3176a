"""The trainer's snapshot, restore, rewind, branch state and divergence settling (core.numerics.rewind):
what undo, Branch from here and a diverged run rely on."""
import numpy as np
import pytest

from backprop_lab.core.io.presets import load_preset
from backprop_lab.core.model.dataset import Dataset
from backprop_lab.core.model.network import LayerSpec, Network
from backprop_lab.core.model.settings import Settings
from backprop_lab.core.numerics.training import DivergenceError, Trainer


def xor_trainer(momentum=0.9):
    p = load_preset("xor")
    s = p.settings.copy()
    s.momentum = momentum
    return Trainer(p.net, p.data, s)


def test_snapshot_restore_and_rewind_give_back_the_state_and_the_rows():
    t = xor_trainer()
    t.run(7)
    snap = t.snapshot()
    rows = t.trace.array()
    t.run(13)
    later = t.snapshot()
    cut = t.rewind(snap)
    assert (t.step, len(t.trace)) == (7, 7)
    assert np.array_equal(t.theta, snap.theta) and np.array_equal(t.velocity, snap.velocity)
    assert np.array_equal(t.trace.array(), rows) and len(cut.loss) == 13
    t.trace.paste(cut)
    t.restore(later)
    t.run(5)
    again = xor_trainer()
    again.run(25)
    assert np.array_equal(t.theta, again.theta) and t.trace.equals(again.trace)


@pytest.mark.parametrize("i", [1, 2, 10, 29])
def test_branch_state_is_the_state_momentum_had_then_bit_for_bit(i):
    t = xor_trainer()
    states = []
    for _ in range(30):
        states.append(t.snapshot())
        t.run(1)
    b = t.branch_state(i)
    assert b.step == b.rows == i
    assert np.array_equal(b.theta, states[i].theta)
    assert np.abs(states[i].velocity).max() > 0
    assert np.array_equal(b.velocity, states[i].velocity)


def test_branch_velocity_is_zero_at_step_0_and_without_momentum():
    t = xor_trainer()
    t.run(5)
    assert not t.branch_state(0).velocity.any()
    t = xor_trainer(momentum=0.0)
    t.run(5)
    assert not t.branch_state(3).velocity.any()


def test_settling_a_divergence_steps_back_to_a_finite_loss_with_the_velocity_of_that_step():
    # A linear fit with a step too long: |o − y| grows each step and E overflows before θ does.
    net = Network(1, [LayerSpec(1, "identity", "none")], "half_sse", theta=np.array([0.5]))
    t = Trainer(net, Dataset([[10.0]], [[1.0]]), Settings(lr=1.0, momentum=0.5))
    with pytest.raises(DivergenceError):
        t.run(1000)
    stale = t.velocity.copy()
    assert not t.finite_loss()
    t.settle_divergence(0)
    assert t.finite_loss() and t.step == len(t.trace) > 1
    fresh = Trainer(Network(1, [LayerSpec(1, "identity", "none")], "half_sse", theta=np.array([0.5])),
                    Dataset([[10.0]], [[1.0]]), Settings(lr=1.0, momentum=0.5))
    fresh.run(t.step)
    expected = fresh.velocity
    assert expected.any() and not np.array_equal(expected, stale)
    assert np.array_equal(t.velocity, expected) and np.array_equal(t.theta, fresh.theta)


def test_settling_never_goes_below_its_floor():
    net = Network(1, [LayerSpec(1, "identity", "none")], "half_sse", theta=np.array([0.5]))
    t = Trainer(net, Dataset([[10.0]], [[1.0]]), Settings(lr=1.0, momentum=0.5))
    with pytest.raises(DivergenceError):
        t.run(1000)
    floor = len(t.trace)
    t.settle_divergence(floor)
    assert len(t.trace) == floor == t.step


def test_a_snapshot_keeps_adams_moments_and_restore_puts_them_back():
    p = load_preset("xor")
    t = Trainer(p.net, p.data, Settings(lr=0.05, optimizer="adam"))
    t.run(7)
    snap = t.snapshot()
    t.run(5)
    after = (t.theta.copy(), t.opt.copy())
    t.rewind(snap)
    assert t.opt.t == 7 and np.array_equal(t.opt.m, snap.opt.m) and snap.opt.m is not t.opt.m
    t.run(5)
    assert np.array_equal(t.theta, after[0]) and np.array_equal(t.opt.v, after[1].v) and t.opt.t == 12
