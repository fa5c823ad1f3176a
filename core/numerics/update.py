"""The parameter update: the one place that says what a training step does with a gradient.

`update(theta, grad, velocity, settings, frozen, state)` is the rule as a pure function; the
walk-through, the exercises, the source values and the Selected panel all call it. The fast trainer
runs the same arithmetic as `update_ops`, a list of numpy calls writing into its own buffers; both are
written below, rule beside rule, and tests/core/test_update.py holds them equal bit for bit.

A rule is an entry of RULES, chosen from the settings by `rule_of`: plain SGD, momentum (μ > 0), Adam.
What a rule remembers between steps is one `OptState` (the velocity; Adam's m, v and step count t), the
object the trainer keeps, snapshots and checkpoints. L2 weight decay adds λ·θ to the gradient before
any rule (g = ∂E/∂θ + λ·θ, the gradient of E + λ/2·Σθ²), on every parameter that is not frozen.
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


@dataclass
class OptState:
    """Everything the update rules remember between steps, per parameter: the momentum velocity, Adam's
    first and second moments m and v, and Adam's step count t (a 0-d array, so the ops advance it)."""
    velocity: np.ndarray
    m: np.ndarray
    v: np.ndarray
    t: np.ndarray

    @classmethod
    def zeros(cls, n: int) -> OptState:
        return cls(np.zeros(n), np.zeros(n), np.zeros(n), np.zeros(()))

    def copy(self) -> OptState:
        return OptState(self.velocity.copy(), self.m.copy(), self.v.copy(), self.t.copy())

    def assign(self, other: OptState) -> None:
        """Other's values into these arrays (the trainer's buffers stay where they are)."""
        self.velocity[...], self.m[...], self.v[...], self.t[...] = other.velocity, other.m, other.v, other.t

    def reset_adam(self) -> None:
        self.m[...], self.v[...], self.t[...] = 0.0, 0.0, 0.0


class Updated(NamedTuple):
    theta: np.ndarray      # θ⁺
    velocity: np.ndarray   # v⁺ (the velocity as it was, frozen entries zeroed, for a rule without one)
    grad: Arr = None       # the gradient the rule used: ∂E/∂θ + λ·θ (λ = 0: ∂E/∂θ itself)
    m: Arr = None          # Adam's m⁺, v⁺ and t⁺ (None for the other rules)
    v: Arr = None
    t: Arr = None


@dataclass(frozen=True)
class Hyper:
    """The settings as the rules use them: μ; Adam's β₁, β₂, their complements 1 − β, and ε."""
    mu: Arr
    b1: Arr
    b2: Arr
    c1: Arr
    c2: Arr
    eps: Arr


def hyper(settings: Settings, shape: tuple[int, ...] = ()) -> Hyper:
    b1, b2 = np.float64(settings.beta1), np.float64(settings.beta2)
    full = (lambda x: np.full(shape, x)) if shape else np.float64
    return Hyper(full(settings.momentum), full(b1), full(b2), full(1.0 - b1), full(1.0 - b2), full(settings.eps))


def rates(settings: Settings, frozen: ArrayLike) -> np.ndarray:
    """The learning rate per parameter: 0 where a parameter is frozen (kept out of every update)."""
    return np.where(frozen, 0.0, settings.lr)


def _sgd(theta: Arr, g: Arr, s: OptState, lr: Arr, h: Hyper) -> Updated:
    """θ⁺ = θ − η·g."""
    return Updated(theta - g * lr, s.velocity, g)


def _sgd_ops(theta: Arr, g: Arr, s: OptState, lr: Arr, h: Hyper, upd: Arr) -> list[Op]:
    return [partial(np.multiply, g, lr, upd), partial(np.subtract, theta, upd, theta)]


def _momentum(theta: Arr, g: Arr, s: OptState, lr: Arr, h: Hyper) -> Updated:
    """v⁺ = μ·v − η·g, θ⁺ = θ + v⁺."""
    v = s.velocity * h.mu - g * lr
    return Updated(theta + v, v, g)


def _momentum_ops(theta: Arr, g: Arr, s: OptState, lr: Arr, h: Hyper, upd: Arr) -> list[Op]:
    velocity = s.velocity
    return [partial(np.multiply, g, lr, upd), partial(np.multiply, velocity, h.mu, velocity),
            partial(np.subtract, velocity, upd, velocity), partial(np.add, theta, velocity, theta)]


def _adam(theta: Arr, g: Arr, s: OptState, lr: Arr, h: Hyper) -> Updated:
    """t⁺ = t + 1; m⁺ = β₁·m + (1−β₁)·g; v⁺ = β₂·v + (1−β₂)·g²;
    θ⁺ = θ − η·m̂/(√v̂ + ε) with m̂ = m⁺/(1−β₁^t⁺), v̂ = v⁺/(1−β₂^t⁺)."""
    t = s.t + 1.0
    m = s.m * h.b1 + g * h.c1
    v = s.v * h.b2 + g * g * h.c2
    k1, k2 = 1.0 - np.power(h.b1, t), 1.0 - np.power(h.b2, t)
    step = m / k1 / (np.sqrt(v / k2) + h.eps) * lr
    return Updated(theta - step, s.velocity, g, m, v, t)


def _adam_ops(theta: Arr, g: Arr, s: OptState, lr: Arr, h: Hyper, upd: Arr) -> list[Op]:
    P, one, k1, k2, sq = partial, np.ones(()), np.empty(()), np.empty(()), np.empty(upd.shape)
    b1, b2 = h.b1.reshape(-1)[:1].reshape(()), h.b2.reshape(-1)[:1].reshape(())
    return [P(np.add, s.t, one, s.t),
            P(np.multiply, s.m, h.b1, s.m), P(np.multiply, g, h.c1, upd), P(np.add, s.m, upd, s.m),
            P(np.multiply, s.v, h.b2, s.v), P(np.multiply, g, g, upd), P(np.multiply, upd, h.c2, upd),
            P(np.add, s.v, upd, s.v),
            P(np.power, b1, s.t, k1), P(np.subtract, one, k1, k1),
            P(np.power, b2, s.t, k2), P(np.subtract, one, k2, k2),
            P(np.divide, s.v, k2, sq), P(np.sqrt, sq, sq), P(np.add, sq, h.eps, sq),
            P(np.divide, s.m, k1, upd), P(np.divide, upd, sq, upd), P(np.multiply, upd, lr, upd),
            P(np.subtract, theta, upd, theta)]


@dataclass(frozen=True)
class Rule:
    name: str
    pure: Callable        # (θ, g, state, η per parameter, Hyper) → Updated
    ops: Callable         # (θ, g, state, η, Hyper, scratch) → numpy calls doing the same in place
    has_velocity: bool
    has_moments: bool = False


RULES = {r.name: r for r in (Rule("sgd", _sgd, _sgd_ops, False),
                             Rule("momentum", _momentum, _momentum_ops, True),
                             Rule("adam", _adam, _adam_ops, False, True))}


def rule_of(settings: Settings) -> Rule:
    if settings.optimizer == "adam":
        return RULES["adam"]
    return RULES["momentum" if settings.momentum else "sgd"]


MOMENTUM_ON = 0.9     # the μ a switch from plain SGD to momentum starts from (the learner edits it after)


def rule_settings(settings: Settings, name: str) -> dict[str, object]:
    """The settings to change, and to what, so that `rule_of` picks rule `name`: the window's one
    choice of rule becomes these (the optimizer, and μ when SGD and momentum trade places)."""
    if name == "adam":
        changes: dict[str, object] = {"optimizer": "adam"}
    elif name == "momentum":
        changes = {"optimizer": "sgd", "momentum": settings.momentum or MOMENTUM_ON}
    elif name == "sgd":
        changes = {"optimizer": "sgd", "momentum": 0.0}
    else:
        raise KeyError(name)
    return {k: v for k, v in changes.items() if getattr(settings, k) != v}


def decays(settings: Settings, frozen: ArrayLike) -> np.ndarray:
    """λ per parameter: 0 where a parameter is frozen."""
    return np.where(frozen, 0.0, settings.weight_decay)


def update(theta: ArrayLike, grad: ArrayLike, velocity: ArrayLike | None, settings: Settings,
           frozen: ArrayLike = False, state: OptState | None = None) -> Updated:
    """One step's θ⁺ and v⁺ (and Adam's m⁺, v⁺, t⁺) from θ, the gradient and the rule's state (arrays
    alike, or scalars); `frozen` marks the parameters the step keeps, whose velocity and moments it
    holds at 0. `state` (Adam's m, v, t) is zeros when None; its velocity is `velocity`. Inputs are
    not changed."""
    theta, grad = np.asarray(theta, dtype=float), np.asarray(grad, dtype=float)
    zero = np.zeros_like(theta)
    v = np.where(frozen, 0.0, zero if velocity is None else velocity)
    s = OptState(v, zero, zero, np.zeros(())) if state is None else \
        OptState(v, np.where(frozen, 0.0, state.m), np.where(frozen, 0.0, state.v), np.asarray(state.t))
    return update_with_rates(theta, grad, s, settings, rates(settings, frozen), frozen)


def update_with_rates(theta: np.ndarray, grad: np.ndarray, s: OptState, settings: Settings, lr: ArrayLike,
                      frozen: ArrayLike) -> Updated:
    """`update` with the learning rates given (0 where frozen), e.g. one per copy of a sweep (K × 1
    beside K × P parameters), and the state's frozen entries already zero. A step that overflows gives
    ±inf quietly, as the trainer's own steps do: its caller tells divergence by the numbers."""
    with np.errstate(over="ignore", invalid="ignore"):
        g = grad
        if settings.weight_decay:
            g = grad + theta * decays(settings, frozen)
        if settings.optimizer == "adam":
            g = g * np.where(frozen, 0.0, 1.0)
        return rule_of(settings).pure(theta, g, s, lr, hyper(settings))


def update_ops(theta: np.ndarray, grad: np.ndarray, state: OptState, settings: Settings,
               frozen: np.ndarray, lr: np.ndarray | None = None) -> list[Op]:
    """`update` as numpy calls on the trainer's own arrays, each writing in place: calling them in
    order leaves θ⁺ in theta and the new state in `state`, the bits `update` returns. The state's
    frozen entries are zeroed now, once (the ops keep them at 0). `lr`: the rates (0 where frozen) when
    not the settings' one, e.g. a (K × P) array for the K copies of a sweep, theta being K × P too."""
    for a in (state.velocity, state.m, state.v):
        np.copyto(a, 0.0, where=frozen)
    lr, P = (rates(settings, frozen) if lr is None else lr), partial
    ops: list[Op] = []
    g = grad
    if settings.weight_decay or settings.optimizer == "adam":
        g = np.empty(theta.shape)
    if settings.weight_decay:
        ops += [P(np.multiply, theta, decays(settings, frozen), g), P(np.add, grad, g, g)]
    elif settings.optimizer == "adam":
        ops.append(P(np.copyto, g, grad))
    if settings.optimizer == "adam":
        ops.append(P(np.multiply, g, np.where(frozen, 0.0, 1.0), g))
    return ops + rule_of(settings).ops(theta, g, state, lr, hyper(settings, theta.shape), np.empty(theta.shape))
