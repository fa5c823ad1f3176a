"""Check your own answer: exercises that hide one number of the walk-through and judge a typed answer.

An exercise is one walk step (core.walkthrough) with its value hidden. `check` accepts an answer within
±0.5·10^(−d) of the value (d decimals: 4 by default, more where 4 would leave fewer than 3 significant
digits). A wrong answer is compared with the values the commonest mistakes give, each computed from the
same state: the activation derivative left out, a sign flipped, a path of the sum left out, the wrong
weight or input, z in place of a, the learning rate or the momentum forgotten, ... Each mistake has a
stable code and its parameters (names in the network's notation, VERDICT_PARAMS); the window writes the
sentence in the learner's language (gui/teaching/mistakes.py), so core holds no words that could drift.
"""
from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import overload

import numpy.typing as npt

from backprop_lab.core.model import activations as act
from backprop_lab.core.model.network import Network
from backprop_lab.core.model.numbers import format_number
from backprop_lab.core.model.project import Project
from backprop_lab.core.model.quantity import Key, neuron, weight
from backprop_lab.core.model.settings import Settings
from backprop_lab.core.teaching.mistake_values import Mistake, _Mistakes
from backprop_lab.core.teaching.walkthrough import LazyWalk

DEFAULT_DIGITS = 4
MIN_SIGNIFICANT = 3

# Every verdict code (wrong_sign with its params["variant"]) and the parameters core gives it, names
# in the network's notation and numbers as text. The words are the window's (gui/teaching/mistakes.py,
# translated); a test holds its table to exactly these codes and parameters.
VERDICT_PARAMS: dict[str, tuple[str, ...]] = {
    "right": ("quantity", "tolerance", "digits"),
    "wrong": ("quantity", "tolerance"),
    "close": ("tolerance",),
    # {where} names the quantity in which the slip happens: the answer itself, or, for an updated weight,
    # the gradient it was computed from
    "missing_act_grad": ("factor", "neuron", "where"),
    "wrong_sign/flipped": ("error", "where"),
    "wrong_sign/added": ("gradient",),
    "wrong_sign/exponent": ("quantity", "z"),
    "missing_path": ("missing", "via", "where"),
    "wrong_weight": ("right", "used", "where"),
    "wrong_input": ("right", "used", "where"),
    "used_z": ("right", "used", "where"),
    "missing_input": ("factor", "where"),
    "missing_lr": ("lr",),
    "missing_momentum": ("term",),
    "update_only": ("old", "param"),
    "frozen": ("param",),
    "missing_activation": ("function", "z"),
    "missing_bias": ("bias",),
    "swapped_indices": ("right", "used"),
    "missing_half": (),
    "missing_term": ("missing",),
    "not_updated": (),
}


@dataclass(frozen=True)
class Exercise:
    id: str          # "<set>:<quantity>", stable across launches (progress is kept by id)
    quantity: str    # the walk step's key
    phase: str
    name: str        # "∂E_tot/∂U11"
    name_tex: str
    formula: str     # the walk step's formula in symbols (never with the numbers)
    formula_tex: str
    value: float
    digits: int
    tolerance: float
    highlight: frozenset
    mistakes: tuple = field(default=())

    @property
    def prompt(self) -> str:
        return f"Compute {self.name} to {self.digits} decimal places."


@dataclass(frozen=True)
class Verdict:
    correct: bool
    answer: float
    value: float
    digits: int
    tolerance: float
    mistake: str | None      # a Mistake code, "close", or None
    params: dict
    others: tuple = ()       # further mistakes that give the same value (rare coincidences)


def verdict_key(code: str, params: dict) -> str:
    """The entry of VERDICT_PARAMS (and of the window's words) for a code and its parameters."""
    return f"{code}/{params['variant']}" if code == "wrong_sign" else code


def digits_for(value: float, digits: int = DEFAULT_DIGITS, significant: int = MIN_SIGNIFICANT) -> int:
    """`digits` decimals, more where the value is so small that fewer than `significant` digits would show."""
    if not math.isfinite(value) or value == 0.0:
        return digits
    return max(digits, min(12, significant - 1 - math.floor(math.log10(abs(value)))))


def check(exercise: Exercise, answer: float) -> Verdict:
    """Right within the exercise's tolerance, or wrong with the mistake whose value the answer matches."""
    ex, tol = exercise, exercise.tolerance
    tol_text = format_number(tol, ex.digits + 1, given=True)
    base = {"quantity": ex.name, "tolerance": tol_text, "digits": str(ex.digits)}
    answer = float(answer)
    if not math.isfinite(answer):
        return Verdict(False, answer, ex.value, ex.digits, tol, None, base)
    if _within(answer, ex.value, tol):
        return Verdict(True, answer, ex.value, ex.digits, tol, None, base)
    near = [m for m in ex.mistakes if _within(answer, m.value, tol)]
    if near:
        near.sort(key=lambda m: abs(answer - m.value))
        m, params = near[0], {**base, **near[0].params}
        return Verdict(False, answer, ex.value, ex.digits, tol, m.code, params,
                       tuple(dict.fromkeys(o.code for o in near[1:] if o.code != m.code)))
    if abs(answer - ex.value) <= 10 * tol:
        return Verdict(False, answer, ex.value, ex.digits, tol, "close", base)
    return Verdict(False, answer, ex.value, ex.digits, tol, None, base)


def _within(a: float, b: float, tol: float) -> bool:
    # the small relative slack absorbs the binary representation of typed decimals at the boundary
    return abs(a - b) <= tol * (1 + 1e-9)


# ----- building exercises ------------------------------------------------------------------------------
def exercises(net: Network, x: npt.ArrayLike, y: npt.ArrayLike, settings: Settings | None = None,
              quantities: list[str] | None = None, *, velocity: npt.ArrayLike | None = None,
              digits: int = DEFAULT_DIGITS, set_id: str = "custom", mistakes: bool = True) -> list[Exercise]:
    """Exercises for the given walk-step keys (every step when None), in the order given. mistakes=False
    leaves out the mistakes a wrong answer is compared with (a window that lists every exercise judges
    one at a time: on the largest network finding all 282 exercises' mistakes takes a second)."""
    settings = settings or Settings()
    # only the walk's units that hold the asked steps are written (the largest network's whole walk
    # takes seconds)
    steps = LazyWalk(net, x, y, settings, velocity)
    if quantities is None:
        by = {s.quantity: s for s in steps}
        quantities = list(by)
    else:
        by = {q: s for q in quantities if (s := steps.find(q)) is not None}
    missing = [q for q in quantities if q not in by]
    if missing:
        raise KeyError(f"not a step of the walk-through: {', '.join(missing)}")
    diag = _Mistakes(net, x, y, settings, velocity, steps)
    out = []
    for q in quantities:
        s = by[q]
        d = digits_for(s.value, digits)
        tol = 0.5 * 10.0 ** (-d)
        cands = [m for m in diag.of(s) if math.isfinite(m.value) and not _within(m.value, s.value, tol)] \
            if mistakes else []
        out.append(Exercise(f"{set_id}:{q}", q, s.phase, s.name, s.name_tex, s.formula, s.formula_tex, s.value,
                            d, tol, s.highlight, tuple(_unique(cands, tol))))
    return out


def _unique(cands: list[Mistake], tol: float) -> list[Mistake]:
    kept: list[Mistake] = []
    for m in cands:
        if not any(_within(m.value, k.value, tol) and m.code == k.code for k in kept):
            kept.append(m)
    return kept


def exercise_set(project: Project, *, digits: int = DEFAULT_DIGITS, sample: int = 0,
                 set_id: str | None = None) -> list[Exercise]:
    """The exercises of a project on one sample: the numbers its source text prints, in the text's
    order; where the text prints none, the sequence seed 004 follows, built for the network.
    Ids are "<set_id>:<quantity>"; set_id defaults to the project's name (a preset: pass its name)."""
    set_id = set_id or project.name or "project"
    x, y = project.data.X[sample], project.data.Y[sample]
    return exercises(project.net, x, y, project.settings, exercise_order(project, sample), digits=digits,
                     set_id=set_id)


def exercise_order(project: Project, sample: int = 0) -> list[str]:
    """The walk-step keys exercise_set asks for, in its order (the worksheet chooses among them too)."""
    net, data = project.net, project.data
    if not project.source:      # no text: no walk to plan (a twentieth of a second on the largest network)
        return default_sequence(net)
    steps = LazyWalk(net, data.X[sample], data.Y[sample], project.settings)
    order = [q for q in dict.fromkeys(e["quantity"] for e in project.source) if steps.find(q) is not None]
    return order or default_sequence(net)   # no source, or one that prints no number the walk computes


def default_sequence(net: Network) -> list[str]:
    """Seed 004's route through any network: the first neuron of each layer forward, the loss, the first
    output weight's gradient and update, then down each hidden layer: its paths, their sum, da/dz, δ,
    the first weight's gradient and update; last the loss after the update."""
    L, elementwise = net.depth, act.ACTIVATIONS[net.layers[-1].activation].elementwise
    first = weight(L, 0, 0)
    seq = [neuron(q, l, 0) for l in range(1, L + 1) for q in ("z", "a")] + [Key("loss_term", j=0), Key("loss")]
    if elementwise:
        seq.append(neuron("da/dz", L, 0))
    seq += [neuron("delta", L, 0), first.about("dE/d"), first.about("updated:")]
    for l in range(L - 1, 0, -1):
        per_output = l + 1 == L and elementwise
        seq += [Key("dE_k/da", l, m, 0) if per_output else weight(l + 1, 0, m).about("via:")
                for m in range(net.sizes[l + 1])]
        first = weight(l, 0, 0)
        seq += [neuron("dE/da", l, 0), neuron("da/dz", l, 0), neuron("delta", l, 0), first.about("dE/d"),
                first.about("updated:")]
    return [str(k) for k in seq + [Key("updated:loss")]]


class LazyExercises(Sequence[Exercise]):
    """The exercises of `order`, each made when first read: a window shows one of the largest network's
    282 (making them all froze the window on opening its tab). `make` is exercises() for a list of keys;
    `fill` makes a run of them with one walk."""

    def __init__(self, order: list[str], make: Callable[[list[str]], list[Exercise]]):
        self.order = order
        self._make = make
        self._made: list[Exercise | None] = [None] * len(order)

    def __len__(self) -> int:
        return len(self.order)

    @overload
    def __getitem__(self, i: int) -> Exercise: ...

    @overload
    def __getitem__(self, i: slice) -> list[Exercise]: ...

    def __getitem__(self, i: int | slice) -> Exercise | list[Exercise]:
        if isinstance(i, slice):
            r = range(*i.indices(len(self)))
            if r:
                self.fill(min(r), max(r) + 1)
            return [self[k] for k in r]
        i = range(len(self))[i]
        ex = self._made[i]
        if ex is None:
            self.fill(i, i + 1)
            ex = self._made[i]
            assert ex is not None
        return ex

    def __setitem__(self, i: int, ex: Exercise) -> None:
        self._made[i] = ex

    def made(self, i: int) -> Exercise | None:
        """Exercise i if it was made, without making it."""
        return self._made[i]

    def fill(self, start: int, stop: int) -> None:
        at = [k for k in range(start, min(stop, len(self))) if self._made[k] is None]
        for k, ex in zip(at, self._make([self.order[k] for k in at]), strict=True):
            self._made[k] = ex
