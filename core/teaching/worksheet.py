"""A worksheet for a class: one sample of the network in its current state, the numbers a learner is
given (inputs, targets, weights, biases, the rate), blanks for quantities chosen among those the
exercises ask for (core.teaching.exercises, in the same order and to the same decimals), and the answer
key. Names are the network's notation, numbers are written by core.model.numbers; the window draws the
pages (gui/worksheet_pdf.py) in the words of either language, so nothing here is a sentence."""
from __future__ import annotations

import random
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from backprop_lab.core.model.numbers import format_number
from backprop_lab.core.model.project import Project
from backprop_lab.core.model.quantity import Key, bias, neuron, weight
from backprop_lab.core.teaching.formula import Names

GIVEN_DIGITS = 8        # a trained weight has many digits; eight decimals are what the seeds print
DEFAULT_COUNT = 6
MAX_COUNT = 60
EVEN = 0                # the seed that spreads the blanks evenly over the exercises' sequence


@dataclass(frozen=True)
class Given:
    kind: str        # "input", "target", "weight", "bias", "rate", "momentum", "decay", "velocity"
    key: str         # the text key: a0[1], y[1], W1[1,2], b1[1], lr, momentum, velocity:W1[1,1]
    name: str        # in the network's notation
    value: float
    text: str
    frozen: bool = False


@dataclass(frozen=True)
class Blank:
    number: int      # as printed, from 1
    quantity: str    # the walk step's key, as an exercise's
    name: str
    formula: str     # in symbols, as the exercise shows it (never with the numbers)
    phase: str
    value: float
    digits: int
    answer: str


@dataclass(frozen=True)
class Worksheet:
    title: str
    sample: int                     # 0-based
    step: int                       # the training step the numbers are from
    activations: tuple[str, ...]    # per layer, codes (core.model.activations)
    loss: str                       # a code (core.model.losses)
    givens: tuple[Given, ...]
    blanks: tuple[Blank, ...]
    seed: int

    def of_kind(self, *kinds: str) -> list[Given]:
        return [g for g in self.givens if g.kind in kinds]


def choose(order: list[str], count: int, seed: int = EVEN) -> list[str]:
    """`count` of the keys, in their order: spread evenly (seed EVEN), or drawn with `seed`."""
    n = len(order)
    count = max(0, min(count, n))
    if count == 0:
        return []
    if seed == EVEN:
        picks = sorted({int((k + 0.5) * n / count) for k in range(count)})
    else:
        picks = sorted(random.Random(seed).sample(range(n), count))
    return [order[i] for i in picks]


def build(project: Project, *, sample: int = 0, count: int = DEFAULT_COUNT, seed: int = EVEN,
          velocity: npt.ArrayLike | None = None, step: int = 0, digits: int | None = None) -> Worksheet:
    """The worksheet of `project` (its network as it is now) on one sample; `velocity` is momentum's
    velocity of the next step (zeros when None), as the walk-through takes it; `digits` as the
    exercises' (their DEFAULT_DIGITS when None)."""
    # Imported here: the command line's one parser reads this module's limits for every command.
    from backprop_lab.core.teaching.exercises import DEFAULT_DIGITS, exercise_order, exercises
    if not 0 <= sample < len(project.data):
        raise ValueError(f"worksheet: sample {sample + 1} is not one of the {len(project.data)} samples")
    if not 1 <= count <= MAX_COUNT:
        raise ValueError(f"worksheet: between 1 and {MAX_COUNT} blanks, not {count}")
    net, x, y = project.net, project.data.X[sample], project.data.Y[sample]
    chosen = choose(exercise_order(project, sample), count, seed)
    items = exercises(net, x, y, project.settings, chosen, velocity=velocity,
                      digits=DEFAULT_DIGITS if digits is None else digits, set_id="worksheet")
    blanks = tuple(Blank(n, e.quantity, e.name, e.formula, e.phase, e.value, e.digits,
                         format_number(e.value, e.digits)) for n, e in enumerate(items, start=1))
    return Worksheet(project.name, sample, step, tuple(s.activation for s in net.layers), net.loss,
                     tuple(givens(project, sample, velocity)), blanks, seed)


def givens(project: Project, sample: int, velocity: npt.ArrayLike | None = None) -> list[Given]:
    """What the learner starts from: inputs, targets, every weight and bias, η (μ, λ and the velocities
    where they take part)."""
    net, s, nm = project.net, project.settings, Names(project.net)
    x, y = project.data.X[sample], project.data.Y[sample]

    def given(kind: str, key: str, name: str, value: float, frozen: bool = False) -> Given:
        return Given(kind, key, name, float(value), format_number(value, GIVEN_DIGITS, given=True), frozen)

    out = [given("input", str(neuron("a", 0, i)), nm.neuron("a", 0, i)[0], x[i]) for i in range(net.n_inputs)]
    out += [given("target", f"y[{k + 1}]", nm.target(k)[0], y[k]) for k in range(net.sizes[-1])]
    params: list[tuple[str, Key, str, int]] = []
    for l, spec in enumerate(net.layers, start=1):
        for j in range(spec.size):
            for i in range(net.sizes[l - 1]):
                params.append(("weight", weight(l, i, j), nm.weight(l, i, j)[0], net.param_index("W", l, i, j)))
        biases: list[int | None] = [None] if spec.bias == "shared" else []
        if spec.bias == "neuron":
            biases = list(range(spec.size))
        for jb in biases:
            params.append(("bias", bias(l, jb), nm.bias(l, jb)[0], net.param_index("b", l, jb or 0)))
    for kind, key, name, idx in params:
        out.append(given(kind, str(key), name, net.theta[idx], bool(net.frozen[idx])))
    out.append(given("rate", "lr", "η", s.lr))
    if s.momentum:
        out.append(given("momentum", "momentum", "μ", s.momentum))
        if velocity is not None:
            v = np.asarray(velocity, dtype=float).reshape(-1)
            out += [given("velocity", str(key.about("velocity:")), "v" + name, v[idx])
                    for _, key, name, idx in params]
    if s.weight_decay:
        out.append(given("decay", "weight_decay", "λ", s.weight_decay))
    return out
