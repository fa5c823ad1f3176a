"""One forward-and-backward pass and one update, split into the single computations a learner does by hand.

`walk(net, x, y, settings)` returns the steps in teaching order: forward neuron by neuron (z, then a), the
loss terms and their total, the output layer's dE/do, do/dt and δ, each hidden layer's sum over paths,
da/dz and δ, every gradient δ·a, every update, and the loss after it. Each step carries its formula in
the network's notation, the same formula with the numbers in, the result, LaTeX for all three, and the
diagram keys it involves. Every number is read from core.engine.evaluate (the update mirrors
core.training.Trainer), so the walk can never disagree with what the rest of the app shows.

Step quantities use the source keys of core/presets.py (z2[1], dE1/da1[1], da1[1]/dz1[1], dE/dW2[1,1],
updated:W2[1,1], ...) and add three: `via:W{l}[j,m]` (the part of dE/da{l-1}[j] that flows back along one
edge, δ·w, where it is not one output's dE_k/da), `velocity:W{l}[i,j]` (v⁺ with momentum), the update's
`grad:`, `m:`, `v:`, `mhat:`, `vhat:` of a parameter (core.teaching.walk_update) and `updated:loss` (the
loss after the update).

`LazyWalk` is the same sequence written a unit at a time as its steps are read (core.teaching.walk_units):
the window shows one step of a walk that, on the largest network, has 25,000.
"""
from __future__ import annotations

import bisect
from collections.abc import Iterator, Sequence
from itertools import accumulate
from typing import overload

import numpy.typing as npt

from backprop_lab.core.model.arrays import FloatArray
from backprop_lab.core.model.network import Network
from backprop_lab.core.model.quantity import Key
from backprop_lab.core.model.settings import Settings
from backprop_lab.core.numerics.update import OptState, rule_of, update
from backprop_lab.core.teaching.walk_plan import Unit, plan, unit_of
from backprop_lab.core.teaching.walk_step import PHASES, WalkStep
from backprop_lab.core.teaching.walk_units import Walker, derivative_rhs, single_sample

__all__ = ["PHASES", "LazyWalk", "WalkStep", "derivative_rhs", "single_sample", "updated_theta", "walk"]


def walk(net: Network, x: npt.ArrayLike, y: npt.ArrayLike, settings: Settings | None = None,
         velocity: npt.ArrayLike | None = None, digits: int | None = 8, opt: OptState | None = None) -> list[WalkStep]:
    """The steps of one pass on one sample and one update with `settings` (η, the rule, λ). `velocity` is
    the momentum velocity per parameter (like theta; zeros when None); `opt` holds Adam's m, v and t
    (zeros when None)."""
    return list(LazyWalk(net, x, y, settings, velocity, digits, opt))


class LazyWalk(Sequence[WalkStep]):
    """walk()'s steps, each unit written when one of its steps is first read and kept. `units_written`
    counts the units written so far (what a view asked for, not what the walk holds)."""

    def __init__(self, net: Network, x: npt.ArrayLike, y: npt.ArrayLike, settings: Settings | None = None,
                 velocity: npt.ArrayLike | None = None, digits: int | None = 8, opt: OptState | None = None):
        settings = settings or Settings()
        self._walker = Walker(net, x, y, settings, velocity, digits, opt)
        self._units: list[Unit] = []
        counts: list[int] = []
        for unit, count in plan(net, settings):
            if count:
                self._units.append(unit)
                counts.append(count)
        self._starts = [0, *accumulate(counts)]      # unit k holds steps starts[k] .. starts[k+1] - 1
        self._at = {unit: k for k, unit in enumerate(self._units)}
        self._written: dict[int, list[WalkStep]] = {}
        self.units_written = 0

    def __len__(self) -> int:
        return self._starts[-1]

    @overload
    def __getitem__(self, i: int) -> WalkStep: ...

    @overload
    def __getitem__(self, i: slice) -> list[WalkStep]: ...

    def __getitem__(self, i: int | slice) -> WalkStep | list[WalkStep]:
        if isinstance(i, slice):
            return [self[k] for k in range(*i.indices(len(self)))]
        n = len(self)
        if not -n <= i < n:
            raise IndexError(f"walk step {i} of {n}")
        i %= n
        k = bisect.bisect_right(self._starts, i) - 1
        return self._unit(k)[i - self._starts[k]]

    def __iter__(self) -> Iterator[WalkStep]:
        for k in range(len(self._units)):
            yield from self._unit(k)

    def unit(self, unit: Unit) -> list[WalkStep]:
        """The steps of one unit (core.teaching.walk_units), none for a unit this walk has not."""
        k = self._at.get(unit)
        return [] if k is None else self._unit(k)

    def find(self, quantity: str) -> WalkStep | None:
        """The step of a quantity key (core.model.quantity), writing only its unit; None if the walk
        has no such step."""
        try:
            key = Key.parse(quantity)
        except KeyError:
            return None
        unit = unit_of(self._walker.net, key)
        return next((s for s in self.unit(unit) if s.quantity == quantity), None) if unit is not None else None

    def _unit(self, k: int) -> list[WalkStep]:
        steps = self._written.get(k)
        if steps is None:
            steps = self._written[k] = self._walker.unit(self._units[k])
            self.units_written += 1
            if len(steps) != self._starts[k + 1] - self._starts[k]:     # plan() and the unit disagree
                raise AssertionError(f"walk unit {self._units[k]}: {len(steps)} steps, planned "
                                     f"{self._starts[k + 1] - self._starts[k]}")
        return steps


def updated_theta(net: Network, grad: FloatArray, settings: Settings,
                  velocity: FloatArray | None = None) -> tuple[FloatArray, FloatArray | None]:
    """(theta⁺, velocity⁺) after one step (core.numerics.update); velocity⁺ is None without momentum."""
    u = update(net.theta, grad, velocity, settings, net.frozen)
    return u.theta, (u.velocity if rule_of(settings).has_velocity else None)
