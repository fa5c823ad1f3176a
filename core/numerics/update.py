"""The parameter update: the one place that says what a training step does with a gradient.

`update(theta, grad, velocity, settings, frozen)` is the rule as a pure function; the walk-through, the
exercises, the source values and the Selected panel all call it. The fast trainer runs the same
arithmetic as `update_ops`, a list of numpy calls writing into its own buffers; both are written below,
rule beside rule, and tests/core/test_update.py holds them equal bit for bit.

A rule is an entry of RULES, chosen from the settings by `rule_of`. A later rule (Adam, say) adds its
state beside the velocity and its two forms here; L2 weight decay adds λ·θ to the gradient before any
rule (one more op at the head of `update_ops`, one more term in `update`).
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from typing import Any, NamedTuple

import numpy as np
from numpy.typing import ArrayLike

from backprop_lab.core.model.settings import Settings

Arr = Any              # an array, or a number where the rule is asked about one parameter
Op = Callable[[], Any]


class Updated(NamedTuple):
    theta: np.ndarray      # θ⁺
    velocity: np.ndarray   # v⁺ (the velocity as it was, frozen entries zeroed, for a rule without one)


def rates(settings: Settings, frozen: ArrayLike) -> np.ndarray:
    """The learning rate per parameter: 0 where a parameter is frozen (kept out of every update)."""
    return np.where(frozen, 0.0, settings.lr)


def _sgd(theta: Arr, grad: Arr, velocity: Arr, lr: Arr, mu: Arr) -> Updated:
    """θ⁺ = θ − η·g."""
    return Updated(theta - grad * lr, velocity)


def _sgd_ops(theta: Arr, grad: Arr, velocity: Arr, lr: Arr, mu: Arr, upd: Arr) -> list[Op]:
    return [partial(np.multiply, grad, lr, upd), partial(np.subtract, theta, upd, theta)]


def _momentum(theta: Arr, grad: Arr, velocity: Arr, lr: Arr, mu: Arr) -> Updated:
    """v⁺ = μ·v − η·g, θ⁺ = θ + v⁺."""
    v = velocity * mu - grad * lr
    return Updated(theta + v, v)


def _momentum_ops(theta: Arr, grad: Arr, velocity: Arr, lr: Arr, mu: Arr, upd: Arr) -> list[Op]:
    return [partial(np.multiply, grad, lr, upd), partial(np.multiply, velocity, mu, velocity),
            partial(np.subtract, velocity, upd, velocity), partial(np.add, theta, velocity, theta)]


@dataclass(frozen=True)
class Rule:
    name: str
    pure: Callable        # (θ, g, v, η per parameter, μ) → Updated
    ops: Callable         # (θ, g, v, η, μ, scratch) → numpy calls doing the same in place
    has_velocity: bool


RULES = {r.name: r for r in (Rule("sgd", _sgd, _sgd_ops, False),
                             Rule("momentum", _momentum, _momentum_ops, True))}


def rule_of(settings: Settings) -> Rule:
    return RULES["momentum" if settings.momentum else "sgd"]


def update(theta: ArrayLike, grad: ArrayLike, velocity: ArrayLike | None, settings: Settings,
           frozen: ArrayLike = False) -> Updated:
    """One step's θ⁺ and v⁺ from θ, the gradient and v (arrays alike, or scalars); `frozen` marks the
    parameters the step keeps, and whose velocity it holds at 0. Inputs are not changed."""
    theta, grad = np.asarray(theta, dtype=float), np.asarray(grad, dtype=float)
    v = np.where(frozen, 0.0, np.zeros_like(theta) if velocity is None else velocity)
    return rule_of(settings).pure(theta, grad, v, rates(settings, frozen), np.float64(settings.momentum))


def update_ops(theta: np.ndarray, grad: np.ndarray, velocity: np.ndarray, settings: Settings,
               frozen: np.ndarray) -> list[Op]:
    """`update` as numpy calls on the trainer's own arrays, each writing in place: calling them in
    order leaves θ⁺ in theta and v⁺ in velocity, the bits `update` returns. The velocity's frozen
    entries are zeroed now, once (the ops keep them at 0)."""
    velocity[frozen] = 0.0
    lr, mu = rates(settings, frozen), np.full(theta.shape, settings.momentum)
    return rule_of(settings).ops(theta, grad, velocity, lr, mu, np.empty(theta.shape))
