"""The run's stop rule: after N steps, at a target, when the loss stops changing; not on XOR's
plateau."""
from backprop_lab.core.io.presets import load_preset
from backprop_lab.core.numerics import engine
from backprop_lab.core.numerics.stop import STILL_WINDOW, StopRule, tick_plan
from backprop_lab.core.numerics.training import Trainer


def test_tick_plan():
    assert tick_plan(1) == (1000, 1) and tick_plan(50) == (20, 1) and tick_plan(10000) == (20, 200)


def test_after_n_steps_counts_from_the_start_of_the_run():
    r = StopRule(after_steps=10)
    r.start(100)
    assert r.steps_left(104) == 6 and r.check(109, 1.0) is None
    assert r.check(110, 1.0) == ("steps", 10)


def _run(name, rule, steps, chunk=50):
    p = load_preset(name)
    t = Trainer(p.net, p.data, p.settings)
    rule.start(0)
    while t.step < steps:
        t.run(chunk)
        why = rule.check(t.step, engine.evaluate(p.net, p.data.X, p.data.Y).loss)
        if why:
            return t.step, why
    return t.step, None


def test_still_stops_seed004_once_settled_but_not_xor_on_its_plateau():
    step, why = _run("seed004", StopRule(when_still=True), 10_000)
    assert why == ("still", STILL_WINDOW) and 2000 < step < 4000
    step, why = _run("xor", StopRule(when_still=True), 8000)
    assert why is None


def test_target_loss():
    step, why = _run("xor", StopRule(target_loss=0.01), 8000)
    assert why == ("target", 0.01) and 2000 < step < 3000
