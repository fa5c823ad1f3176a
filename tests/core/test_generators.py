"""The built-in two-input data sets and the train/test split."""
from __future__ import annotations

import numpy as np
import pytest

from backprop_lab.core.model.dataset import Dataset
from backprop_lab.core.model.generators import KINDS, GeneratorError, generate, split


@pytest.mark.parametrize("kind", KINDS)
def test_each_generator_is_seeded_balanced_and_two_input(kind):
    a, b = generate(kind, 101, 0.1, seed=7), generate(kind, 101, 0.1, seed=7)
    assert np.array_equal(a.X, b.X) and np.array_equal(a.Y, b.Y)
    assert not np.array_equal(a.X, generate(kind, 101, 0.1, seed=8).X)
    assert a.X.shape == (101, 2) and a.Y.shape == (101, 1)
    assert set(np.unique(a.Y)) == {0.0, 1.0} and abs(a.Y.mean() - 0.5) < 0.1
    one_hot = generate(kind, 101, 0.1, seed=7, outputs=2)
    assert np.array_equal(one_hot.Y[:, 1:], a.Y) and np.all(one_hot.Y.sum(axis=1) == 1)


def test_the_classes_follow_each_rule_without_noise():
    c = generate("circle", 400)
    r = np.hypot(*c.X.T)
    assert np.all((r <= 0.5) == (c.Y[:, 0] == 1))
    x = generate("xor", 400)
    assert np.all((x.X[:, 0] * x.X[:, 1] < 0) == (x.Y[:, 0] == 1))
    g = generate("gaussians", 400)
    assert np.mean((g.X.sum(axis=1) > 0) == (g.Y[:, 0] == 1)) > 0.97
    s = generate("spiral", 400)
    assert np.all(np.hypot(*s.X.T) <= 1.0)
    noisy = generate("circle", 400, noise=0.3)
    assert np.any((np.hypot(*noisy.X.T) <= 0.5) != (noisy.Y[:, 0] == 1))


@pytest.mark.parametrize("kwargs, field", [
    ({"kind": "moons"}, "kind"), ({"size": 1}, "size"), ({"size": 10_001}, "size"), ({"size": 2.5}, "size"),
    ({"noise": -0.1}, "noise"), ({"noise": 2.0}, "noise"), ({"seed": -1}, "seed"), ({"outputs": 3}, "outputs"),
])
def test_bad_arguments_name_their_field(kwargs, field):
    with pytest.raises(GeneratorError) as info:
        generate(**{"kind": "xor", **kwargs})
    assert info.value.field == field and str(info.value).startswith(field)


def test_split_is_seeded_disjoint_and_complete():
    d = Dataset(np.arange(20.0).reshape(10, 2), np.arange(10.0).reshape(10, 1))
    s = split(d, 0.3, seed=1)
    assert s.test is not None and len(s.test) == 3 and len(s.train) == 7
    together = sorted(s.train.Y[:, 0].tolist() + s.test.Y[:, 0].tolist())
    assert together == list(range(10))
    assert np.array_equal(split(d, 0.3, seed=1).test.Y, s.test.Y)
    assert split(d, 0.0).test is None and len(split(d, 0.0).train) == 10
    assert len(split(Dataset([[1.0], [2.0]], [[0.0], [1.0]]), 0.9).train) == 1
    with pytest.raises(GeneratorError):
        split(d, 1.0)
