"""One step of the walk-through: a single computation a learner does by hand, its formula in the
network's notation, that formula with the numbers in and the result (text and LaTeX), rendered when first
read. core.teaching.walkthrough makes them."""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property

from backprop_lab.core.model.numbers import format_number
from backprop_lab.core.teaching.formula import Sym, Token, _number, render

PHASES = ("forward", "loss", "output", "hidden", "gradient", "update")
DiagramKey = tuple[str | int, ...]      # ("n", l, j), ("W", l, i, j), ("b", l, j)


@dataclass(frozen=True)
class WalkStep:
    phase: str             # one of PHASES
    kind: str              # z, a, loss_term, loss, dE/do, da/dz, delta, path, dE/da, grad, velocity, updated,
                           # loss_after
    quantity: str          # source key (core/presets.py scheme), e.g. "z2[1]", "dE/dW2[1,1]"
    layer: int             # the layer the quantity belongs to (1-based; the loss counts as the last layer)
    index: tuple[int, ...]  # 0-based: (j,) neuron, (i, j) weight, (k,) loss term, (j, m) path, () loss
    name: str              # "t1"
    name_tex: str          # "t_{1}"
    value: float
    highlight: frozenset[DiagramKey]   # diagram keys: ("n", l, j), ("W", l, i, j), ("b", l, j)
    note: str = ""         # "frozen": the parameter does not move
    digits: int | None = 8           # None: every digit
    rhs: tuple[Token, ...] = field(default=(), repr=False, compare=False)

    # The texts are rendered when first read: a walk of the largest network has 25,000 steps, and the
    # window shows one at a time.
    @cached_property
    def formula(self) -> str:              # "t1 = U11·h1 + U21·h2"
        return f"{self.name} = {self._render(0)}"

    @cached_property
    def substituted(self) -> str:          # "t1 = 0.45·0.51998934 + 0.4·0.52747230"
        return f"{self.name} = {self._render(1)}"

    @cached_property
    def result(self) -> str:               # "t1 = 0.44498412"
        return f"{self.name} = {format_number(self.value, self.digits)}"

    @cached_property
    def formula_tex(self) -> str:          # "t_{1} = U_{11} h_{1} + U_{21} h_{2}"
        return f"{self.name_tex} = {self._render(2)}"

    @cached_property
    def substituted_tex(self) -> str:
        return f"{self.name_tex} = {self._render(3)}"

    @cached_property
    def result_tex(self) -> str:
        return f"{self.name_tex} = {_number(Sym('', '', self.value), 3, self._fmt, wrap=False)}"

    def _fmt(self, v: float, given: bool = False) -> str:
        return format_number(v, self.digits, given)

    def _render(self, mode: int) -> str:
        return render(self.rhs, mode, self._fmt)
