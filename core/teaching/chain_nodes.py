"""The nodes a derivation is built of: a Factor (one local derivative or value), a Product (factors along
one path of the chain rule) and a Sum (paths added up, or a batch averaged). core.teaching.derivation
builds them; the derivation view and the command line print them. Immutable, so a derivation shares a
node wherever the chain rule repeats it.
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass, field

# A diagram item in the window's keys: ("n", l, j), ("W", l, i, j) or ("b", l, j).
Item = tuple[str | int, ...]

def _operand(formula: str) -> str:
    """Parenthesise a factor's formula where a product would misread it: 'o1-y1' -> '(o1-y1)', while
    '-(y1-o1)', 'o1(1-o1)' and 'h1' stay as they are."""
    depth, closes_at_end = 0, False
    for pos, ch in enumerate(formula):
        if ch in "([":
            depth += 1
        elif ch in ")]":
            depth -= 1
            closes_at_end = depth == 0 and pos == len(formula) - 1
        elif depth == 0 and ch in "+-" and pos > 0:
            return f"({formula})"
    if formula.startswith("-") and not (formula.startswith("-(") and closes_at_end and _one_group(formula[1:])):
        return f"({formula})"
    return formula


def _one_group(text: str) -> bool:
    """True when text is one parenthesised group: '(y1-o1)' but not '(a)(b)'."""
    depth = 0
    for pos, ch in enumerate(text):
        depth += ch == "("
        depth -= ch == ")"
        if depth == 0 and pos < len(text) - 1:
            return False
    return True


def _items(children: tuple[Node, ...]) -> tuple[Item, ...]:
    seen: dict[Item, None] = {}
    for c in children:
        for it in c.items:
            seen.setdefault(it, None)
    return tuple(seen)


@dataclass(frozen=True)
class Factor:
    """One local derivative or value. `ref` names the node a factor stands for (("delta", l, k))."""
    symbol: str
    formula: str
    value: float
    kind: str
    items: tuple[Item, ...] = ()
    ref: tuple[str, int, int] | None = None

    def recompute(self) -> float:
        return self.value


@dataclass(frozen=True)
class Product:
    """Factors multiplied along one path of the chain rule."""
    symbol: str
    factors: tuple[Factor | Sum, ...]
    value: float
    kind: str
    items: tuple[Item, ...] = field(default=())

    def __post_init__(self) -> None:
        if not self.items:
            object.__setattr__(self, "items", _items(self.factors))

    @property
    def formula(self) -> str:
        return " × ".join(f.symbol if isinstance(f, Sum) else _operand(f.formula) for f in self.factors)

    @property
    def chain(self) -> str:
        """The factors' symbols: ∂E/∂o1 × ∂o1/∂t1 × ∂t1/∂U11."""
        return " × ".join(f.symbol for f in self.factors)

    def recompute(self) -> float:
        return math.prod(f.recompute() for f in self.factors)


@dataclass(frozen=True)
class Sum:
    """Paths added up (kind path_sum, jacobian_sum, bias_sum) or a batch averaged (batch_mean, scale 1/B)."""
    symbol: str
    terms: tuple[Node, ...]
    value: float
    kind: str
    formula: str
    scale: float = 1.0
    items: tuple[Item, ...] = field(default=())

    def __post_init__(self) -> None:
        if not self.items:
            object.__setattr__(self, "items", _items(self.terms))

    def recompute(self) -> float:
        return self.scale * sum(t.recompute() for t in self.terms)


Node = Factor | Product | Sum


def _sub(template: str, **names: str) -> str:
    """Put neuron names into a formula from activations.py/losses.py ('a(1-a)' -> 'o1(1-o1)')."""
    pattern = r"\b(" + "|".join(re.escape(k) for k in names) + r")\b"
    return re.sub(pattern, lambda m: names[m.group(1)], template)
