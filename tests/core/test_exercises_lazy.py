"""Exercises made one at a time when read (core.teaching.exercises.LazyExercises) are the exercises the
whole set gives at once: the same prompt, answer, tolerance and formula, on seed 004 and on the largest
allowed network, read in any order and in runs."""
import numpy as np
import pytest

from backprop_lab.core.io import presets
from backprop_lab.core.model.dataset import Dataset
from backprop_lab.core.model.network import MAX_LAYERS, MAX_NEURONS, LayerSpec, Network
from backprop_lab.core.model.project import Project
from backprop_lab.core.teaching.exercises import LazyExercises, exercise_order, exercise_set, exercises


def largest() -> Project:
    rng = np.random.default_rng(1)
    net = Network(MAX_NEURONS, [LayerSpec(MAX_NEURONS) for _ in range(MAX_LAYERS)])
    net.theta[...] = rng.uniform(-1, 1, net.n_params) / np.sqrt(MAX_NEURONS)
    return Project(net, Dataset(rng.random((4, MAX_NEURONS)), rng.random((4, MAX_NEURONS))), name="largest")


def _same(a, b) -> None:
    assert (a.id, a.quantity, a.phase, a.name, a.name_tex) == (b.id, b.quantity, b.phase, b.name, b.name_tex)
    assert (a.prompt, a.formula, a.formula_tex, a.digits, a.tolerance, a.highlight) == \
        (b.prompt, b.formula, b.formula_tex, b.digits, b.tolerance, b.highlight)
    assert a.value == b.value


@pytest.mark.parametrize("make", [lambda: presets.resolve("seed004"), largest], ids=["seed004", "largest"])
def test_each_exercise_made_alone_is_the_one_the_whole_set_gives(make):
    p = make()
    x, y, name = p.data.X[0], p.data.Y[0], p.name or "project"
    order = exercise_order(p)
    whole = exercises(p.net, x, y, p.settings, order, set_id=name, mistakes=False)
    made: list[list[str]] = []

    def make_some(keys):
        made.append(keys)
        return exercises(p.net, x, y, p.settings, keys, set_id=name, mistakes=False)
    lazy = LazyExercises(order, make_some)
    assert len(lazy) == len(whole) and not made          # counted without making any
    rng = np.random.default_rng(0)
    sample = [0, len(order) - 1, *rng.choice(len(order), 12, replace=False)]
    for n in sample:
        _same(lazy[n], whole[n])
    assert all(len(keys) == 1 for keys in made)          # one at a time: only the ones read
    assert sum(lazy.made(n) is not None for n in range(len(lazy))) == len(set(sample))
    lazy.fill(0, len(order))                             # the rest in one run, as the list's names are
    for a, b in zip(lazy, whole, strict=True):
        _same(a, b)
    # and the set with its mistakes (what a typed answer is judged against) still opens with the same one
    _same(exercise_set(p)[0] if p.source else whole[0], whole[0])


def test_a_project_without_a_text_follows_seed004s_sequence_without_planning_a_walk():
    p = largest()
    assert not p.source
    order = exercise_order(p)
    assert len(order) == 282
    assert [e.quantity for e in exercises(p.net, p.data.X[0], p.data.Y[0], p.settings, order[:3])] == order[:3]
