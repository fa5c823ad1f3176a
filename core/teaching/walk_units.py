"""The walk-through cut into units that can each be written on their own: one neuron's z and a (a softmax
layer's all together), the loss, the output layer, one hidden neuron's sum over paths, one neuron's
gradients, the same neuron's updates, the loss after the update. A unit reads every number it needs from
the evaluated state (never from an earlier
unit), so the window writes only the unit of the step it shows: the largest network's walk has 25,000
steps, one unit at most a few hundred. `plan` counts each unit's steps without writing any.
"""
from __future__ import annotations

from collections.abc import Callable
from functools import cached_property

import numpy as np
import numpy.typing as npt

from backprop_lab.core.model import activations as act
from backprop_lab.core.model.arrays import FloatArray
from backprop_lab.core.model.network import Network
from backprop_lab.core.model.quantity import Key, bias, neuron, weight
from backprop_lab.core.model.settings import Settings
from backprop_lab.core.numerics.engine import evaluate
from backprop_lab.core.numerics.update import OptState, Updated
from backprop_lab.core.teaching.formula import (
    IMPL,
    LN,
    MINUS,
    MUL,
    NEG,
    ONE,
    PLUS,
    SQ,
    Frac,
    Func,
    Lit,
    Name,
    Names,
    Sym,
    Token,
    joined,
)
from backprop_lab.core.teaching.walk_plan import SHARED, Unit
from backprop_lab.core.teaching.walk_step import DiagramKey, WalkStep
from backprop_lab.core.teaching.walk_update import UpdateWriter, updated

# Each parameter's row in the update: (key, theta index, parameter, gradient, diagram key, layer, index)
ParamRow = tuple[Key, int, Sym, Sym, DiagramKey, int, tuple[int, ...]]


def single_sample(net: Network, x: npt.ArrayLike, y: npt.ArrayLike) -> tuple[FloatArray, FloatArray]:
    x, y = np.asarray(x, dtype=float), np.asarray(y, dtype=float)
    if (x.ndim == 2 and x.shape[0] != 1) or (y.ndim == 2 and y.shape[0] != 1) or x.ndim > 2 or y.ndim > 2:
        raise ValueError("walk: one sample at a time (x and y must each be one row)")
    return x.reshape(-1), y.reshape(-1)


class Walker:
    """Writes any unit of the walk of one sample (see the module's note); each name and number it reads
    is made once and kept."""

    def __init__(self, net: Network, x: npt.ArrayLike, y: npt.ArrayLike, settings: Settings,
                 velocity: npt.ArrayLike | None, digits: int | None, opt: OptState | None = None):
        self.net, self.s, self.digits, self.opt = net, settings, digits, opt
        self.x, self.y = single_sample(net, x, y)
        self.st = evaluate(net, self.x, self.y)
        self.nm = Names(net)
        self.velocity: FloatArray | None = None
        if velocity is not None:
            v = np.asarray(velocity, dtype=float).reshape(-1)
            if v.shape != net.theta.shape:
                raise ValueError(f"velocity: expected {net.theta.size} values, got {v.size}")
            self.velocity = np.where(net.frozen, 0.0, v)   # as the trainer keeps it
        self.steps: list[WalkStep] = []
        self._syms: dict[tuple, Sym] = {}
        self._fprime: dict[int, FloatArray] = {}
        self._slices = net.slices()   # once: net.param_index recomputes them on every call

    def unit(self, u: Unit) -> list[WalkStep]:
        """The steps of unit `u`, in teaching order."""
        self.steps = []
        kind, *at = u
        make: dict[str, Callable[..., None]] = {
            "forward": self.forward, "loss": self.loss, "output": self.output, "hidden": self.hidden,
            "gradient": self.gradients, "update": self.update, "loss_after": self.loss_after}
        if kind in ("update", "loss_after"):
            # At the last finite state before a divergence (where a diverged run or an opened sweep copy
            # stops) this update is the refused step: its numbers are shown as they come out, inf or nan.
            with np.errstate(over="ignore", invalid="ignore", divide="ignore"):
                make[str(kind)](*at)
        else:
            make[str(kind)](*at)
        return self.steps

    def add(self, phase: str, kind: str, quantity: str, layer: int, index: tuple[int, ...], lhs: Name,
            rhs: list[Token], value: float, highlight: set[DiagramKey], note: str = "") -> Sym:
        self.steps.append(WalkStep(phase, kind, quantity, layer, tuple(index), lhs[0], lhs[1], float(value),
                                   frozenset(highlight), note, self.digits, tuple(rhs)))
        return Sym(lhs[0], lhs[1], float(value))

    # ----- the quantities units read, each as the step that computes it returns it ------------------
    def _memo(self, key: tuple, make: Callable[[], Sym]) -> Sym:
        s = self._syms.get(key)
        if s is None:
            s = self._syms[key] = make()
        return s

    def z(self, l: int, j: int) -> Sym:
        return self._memo(("z", l, j), lambda: Sym(*self.nm.neuron("z", l, j), float(self.st.z(l)[0, j])))

    def a(self, l: int, j: int) -> Sym:
        if l == 0:
            return self._memo(("a", 0, j), lambda: Sym(*self.nm.neuron("a", 0, j), self.x[j], True))
        return self._memo(("a", l, j), lambda: Sym(*self.nm.neuron("a", l, j), float(self.st.acts[l][0, j])))

    def delta(self, l: int, j: int) -> Sym:
        return self._memo(("d", l, j), lambda: Sym(*self.nm.delta(l, j), float(self.st.delta(l)[0, j])))

    def dE_do(self, k: int) -> Sym:
        L = self.net.depth
        return self._memo(("dEdo", k), lambda: Sym(*self.nm.partial(self.nm.total(), self.a(L, k).names),
                                                  float(self.st.dE_do[0, k])))

    def da_dz(self, l: int, j: int) -> Sym:
        return self._memo(("dadz", l, j), lambda: Sym(*self.nm.partial(self.a(l, j).names, self.z(l, j).names),
                                                      self.fprime(l, j)))

    def fprime(self, l: int, j: int) -> float:
        if l not in self._fprime:
            self._fprime[l] = act.derivative(self.net.layers[l - 1].activation, self.st.z(l)[0], self.st.acts[l][0])
        return float(self._fprime[l][j])

    def weight(self, l: int, i: int, j: int) -> Sym:
        # each weight appears in three units; naming it is the costly part
        return self._memo(("W", l, i, j), lambda: Sym(*self.nm.weight(l, i, j), float(self.net.W[l - 1][i, j]),
                                                      True))

    def target(self, k: int) -> Sym:
        return Sym(*self.nm.target(k), self.y[k], True)

    # ----- 1. forward -------------------------------------------------------------------------------
    def forward(self, l: int, only: int | None = None) -> None:
        """Layer l's z and a, neuron by neuron, or only neuron `only`'s (not in a softmax layer)."""
        net, st, nm = self.net, self.st, self.nm
        spec, n_in = net.layers[l - 1], net.sizes[l - 1]
        for j in range(spec.size) if only is None else (only,):
            rhs: list[Token] = []
            hl: set[DiagramKey] = {("n", l, j)}
            for i in range(n_in):
                rhs += ([PLUS] if i else []) + [self.weight(l, i, j), MUL, self.a(l - 1, i)]
                hl |= {("n", l - 1, i), ("W", l, i, j)}
            if spec.bias != "none":
                jb = j if spec.bias == "neuron" else 0
                rhs += [PLUS, Sym(*nm.bias(l, j if spec.bias == "neuron" else None), net.b[l - 1][jb], True)]
                hl.add(("b", l, jb))
            self.add("forward", "z", str(neuron("z", l, j)), l, (j,), nm.neuron("z", l, j), rhs, st.z(l)[0, j], hl)
            if spec.activation != "softmax":
                self.activation_step(l, j)
        if spec.activation == "softmax":
            for j in range(spec.size):
                self.activation_step(l, j)

    def activation_step(self, l: int, j: int) -> None:
        name, z = self.net.layers[l - 1].activation, self.z(l, j)
        rhs: list[Token]
        hl: set[DiagramKey] = {("n", l, j)}
        if name == "sigmoid":
            rhs = [Func("σ", r"\sigma", [z])]
        elif name == "tanh":
            rhs = [Func("tanh", r"\tanh", [z])]
        elif name == "relu":
            rhs = [Func("max", r"\max", [Lit("0, "), z])]
        elif name == "leaky_relu":
            rhs = [Func("max", r"\max", [Lit(f"{act.LEAKY_SLOPE}"), MUL, z, Lit(", "), z])]
        elif name == "identity":
            rhs = [z]
        else:   # softmax: every z of the layer takes part
            size = self.net.sizes[l]
            hl = {("n", l, m) for m in range(size)}
            rhs = [Frac([_exp(z)], joined([_exp(self.z(l, m)) for m in range(size)], PLUS))]
        self.add("forward", "a", str(neuron("a", l, j)), l, (j,), self.nm.neuron("a", l, j), rhs,
                 self.st.acts[l][0, j], hl)

    # ----- 2. loss ----------------------------------------------------------------------------------
    def loss(self) -> None:
        net, st, nm = self.net, self.st, self.nm
        L, n = net.depth, net.sizes[-1]
        terms = []
        for k in range(n):
            y, o = self.target(k), self.a(L, k)
            rhs: list[Token]
            if net.loss == "half_sse":
                rhs = [Lit("½", r"\frac{1}{2}"), Lit("("), y, MINUS, o, Lit(")"), SQ]
            elif net.loss == "sse":
                rhs = [Lit("("), y, MINUS, o, Lit(")"), SQ]
            elif net.loss == "mse":
                square: list[Token] = [Lit("("), y, MINUS, o, Lit(")"), SQ]
                rhs = [Frac(square, [Lit(str(n))])] if n > 1 else square
            elif net.loss == "cross_entropy":
                rhs = [NEG, y, MUL, LN, Lit("("), o, Lit(")")]
            else:
                rhs = [NEG, Lit("["), y, MUL, LN, Lit("("), o, Lit(")"), PLUS, Lit("("), ONE, MINUS, y, Lit(")"),
                       MUL, LN, Lit("("), ONE, MINUS, o, Lit(")"), Lit("]")]
            terms.append(self.add("loss", "loss_term", f"loss_term[{k + 1}]", L, (k,), nm.term(k), rhs,
                                  st.terms[0, k], {("n", L, k)}))
        self.add("loss", "loss", "loss", L, (), nm.total(), joined(terms, PLUS), st.loss,
                 {("n", L, k) for k in range(n)})

    # ----- 3. output layer --------------------------------------------------------------------------
    def output(self) -> None:
        net, st, nm = self.net, self.st, self.nm
        L, n = net.depth, net.sizes[-1]
        elementwise = act.ACTIVATIONS[net.layers[-1].activation].elementwise
        for k in range(n):
            self.add("output", "dE/do", str(neuron("dE/da", L, k)), L, (k,), self.dE_do(k).names, self.dE_do_rhs(k),
                     st.dE_do[0, k], {("n", L, k)})
            if elementwise:
                self.derivative_step("output", L, k)
                self.add("output", "delta", str(neuron("delta", L, k)), L, (k,), nm.delta(L, k),
                         [self.dE_do(k), MUL, self.da_dz(L, k)], st.delta(L)[0, k], {("n", L, k)})
        if elementwise:
            return
        everything: set[DiagramKey] = {("n", L, m) for m in range(n)}
        y_sum = float(np.sum(self.y))
        for k in range(n):
            o, y = self.a(L, k), self.target(k)
            rhs: list[Token]
            hl: set[DiagramKey]
            if net.loss == "cross_entropy":   # the cancelled form the engine uses: o·Σy − y
                rhs = [o, MINUS, y]
                if y_sum != 1.0:
                    rhs = [o, MUL, Lit("("), *joined([self.target(m) for m in range(n)], PLUS), Lit(")"), MINUS, y]
                hl = {("n", L, k)}
            else:
                inner = joined([[self.dE_do(m), MUL, self.a(L, m)] for m in range(n)], PLUS)
                rhs = [o, IMPL, Lit("("), self.dE_do(k), MINUS, Lit("("), *inner, Lit(")"), Lit(")")]
                hl = everything
            self.add("output", "delta", str(neuron("delta", L, k)), L, (k,), nm.delta(L, k), rhs,
                     st.delta(L)[0, k], hl)

    def dE_do_rhs(self, k: int) -> list[Token]:
        net, n = self.net, self.net.sizes[-1]
        y, o = self.target(k), self.a(net.depth, k)
        if net.loss == "half_sse":
            return [NEG, Lit("("), y, MINUS, o, Lit(")")]
        if net.loss == "sse":
            return [NEG, Lit("2"), MUL, Lit("("), y, MINUS, o, Lit(")")]
        if net.loss == "mse":
            two = Lit(f"2/{n}", rf"\frac{{2}}{{{n}}}") if n > 1 else Lit("2")
            return [NEG, two, MUL, Lit("("), y, MINUS, o, Lit(")")]
        if net.loss == "cross_entropy":
            return [NEG, Frac([y], [o])]
        return [Frac([Lit("("), o, MINUS, y, Lit(")")], [o, IMPL, Lit("("), ONE, MINUS, o, Lit(")")])]

    def derivative_step(self, phase: str, l: int, j: int) -> Sym:
        name, a, z = self.net.layers[l - 1].activation, self.a(l, j), self.z(l, j)
        return self.add(phase, "da/dz", str(neuron("da/dz", l, j)), l, (j,), self.da_dz(l, j).names,
                        derivative_rhs(name, a, z), self.fprime(l, j), {("n", l, j)})

    # ----- 4. hidden layers: one neuron's sum over the edges leaving it -----------------------------
    def hidden(self, l: int, j: int) -> None:
        net, st, nm = self.net, self.st, self.nm
        L = net.depth
        # next to the output, the part through edge (j, k) is exactly dE_k/dh_j, as seed 004 writes it
        per_output = l + 1 == L and act.ACTIVATIONS[net.layers[-1].activation].elementwise
        h = self.a(l, j)
        paths: list[Sym] = []
        around: set[DiagramKey] = {("n", l, j)}
        for m in range(net.sizes[l + 1]):
            w = self.weight(l + 1, j, m)
            hl: set[DiagramKey] = {("n", l, j), ("n", l + 1, m), ("W", l + 1, j, m)}
            around |= hl
            value = float(st.delta(l + 1)[0, m] * net.W[l][j, m])
            if per_output:
                dEk = Sym(*nm.partial(nm.term(m), self.a(L, m).names), self.dE_do(m).value)
                paths.append(self.add("hidden", "path", str(Key("dE_k/da", l, m, j)), l, (j, m),
                                      nm.partial(nm.term(m), h.names), [dEk, MUL, self.da_dz(L, m), MUL, w], value, hl))
            else:
                t = self.z(l + 1, m).names
                lhs = nm.product(nm.partial(nm.total(), t), nm.partial(t, h.names))
                paths.append(self.add("hidden", "path", str(weight(l + 1, j, m).about("via:")), l, (j, m), lhs,
                                      [self.delta(l + 1, m), MUL, w], value, hl))
        dEdh = self.add("hidden", "dE/da", str(neuron("dE/da", l, j)), l, (j,), nm.partial(nm.total(), h.names),
                        joined(paths, PLUS), st.dE_da[l][0, j], around)
        dhdz = self.derivative_step("hidden", l, j)
        self.add("hidden", "delta", str(neuron("delta", l, j)), l, (j,), nm.delta(l, j), [dEdh, MUL, dhdz],
                 st.delta(l)[0, j], {("n", l, j)})

    # ----- 5. gradients: one neuron's incoming weights and bias (or a layer's shared bias) -----------
    def param_rows(self, l: int, j: int) -> list[tuple[ParamRow, list[Token], set[DiagramKey]]]:
        """The unit's parameters with their gradients, the gradient's right side and its highlight."""
        net, st, nm = self.net, self.st, self.nm
        spec, n_in = net.layers[l - 1], net.sizes[l - 1]
        w0, b0 = self._slices[l - 1][0].start, self._slices[l - 1][1].start
        out: list[tuple[ParamRow, list[Token], set[DiagramKey]]] = []
        if j == SHARED:
            b = Sym(*nm.bias(l, None), net.b[l - 1][0], True)
            g = Sym(*nm.partial(nm.total(), b.names), float(st.db[l - 1][0]))
            hl: set[DiagramKey] = {("b", l, 0)} | {("n", l, m) for m in range(spec.size)}
            rhs: list[Token] = joined([self.delta(l, m) for m in range(spec.size)], PLUS)
            return [((bias(l, None), b0, b, g, ("b", l, 0), l, (0,)), rhs, hl)]
        for i in range(n_in):
            w = self.weight(l, i, j)
            g = Sym(*nm.partial(nm.total(), w.names), float(st.dW[l - 1][i, j]))
            out.append(((weight(l, i, j), w0 + i * spec.size + j, w, g, ("W", l, i, j), l, (i, j)),
                        [self.delta(l, j), MUL, self.a(l - 1, i)], {("n", l - 1, i), ("n", l, j), ("W", l, i, j)}))
        if spec.bias == "neuron":
            b = Sym(*nm.bias(l, j), net.b[l - 1][j], True)
            g = Sym(*nm.partial(nm.total(), b.names), float(st.db[l - 1][j]))
            out.append(((bias(l, j), b0 + j, b, g, ("b", l, j), l, (j,)), [self.delta(l, j)],
                        {("n", l, j), ("b", l, j)}))
        return out

    def gradients(self, l: int, j: int) -> None:
        for (key, _, p, g, _, _, index), rhs, hl in self.param_rows(l, j):
            self.add("gradient", "grad", str(key.about("dE/d")), l, index, g.names, rhs, g.value, hl)

    # ----- 6. update and the loss after it ----------------------------------------------------------
    @cached_property
    def updated(self) -> Updated:
        return updated(self.net.theta, self.st.grad, self.s, self.net.frozen, self.velocity, self.opt)

    @cached_property
    def writer(self) -> UpdateWriter:
        return UpdateWriter(self.add, self.s, self.updated, self.opt, self.velocity, self.nm.plus, self.nm.velocity)

    def update(self, l: int, j: int) -> None:
        for (key, idx, p, g, diagram, layer, index), _, _ in self.param_rows(l, j):
            self.writer.write(key, idx, p, g, diagram, layer, index, bool(self.net.frozen[idx]))

    def loss_after(self) -> None:
        net, nm = self.net, self.nm
        after = net.copy()
        after.theta[...] = self.updated.theta
        # An update that overflowed (θ⁺ = ±inf) leaves no loss to speak of: it is shown as inf, as the
        # trainer calls such a step diverged (not as the NaN of inf · 0 on the way).
        with np.errstate(over="ignore", invalid="ignore"):
            st2 = evaluate(after, self.x, self.y)
        after_terms = np.where(np.isnan(st2.terms[0]), np.inf, st2.terms[0])
        L, n = net.depth, net.sizes[-1]
        terms: list[Token] = [Sym(*nm.plus(nm.term(k)), after_terms[k]) for k in range(n)]
        self.add("update", "loss_after", str(Key("updated:loss")), L, (), nm.plus(nm.total()), joined(terms, PLUS),
                 np.inf if np.isnan(st2.loss) else st2.loss, {("n", L, k) for k in range(n)})


def _exp(z: Sym) -> Func:
    return Func("exp", "", [z], power_of="e")


def derivative_rhs(name: str, a: Sym, z: Sym) -> list[Token]:
    """f'(z) as texts write it: a(1 − a) for σ, 1 − a² for tanh, [z > 0] for ReLU."""
    if name in ("sigmoid", "softmax"):
        return [a, IMPL, Lit("("), ONE, MINUS, a, Lit(")")]
    if name == "tanh":
        return [ONE, MINUS, a, SQ]
    if name == "relu":
        return [Lit("["), z, Lit(" > 0]")]
    if name == "leaky_relu":
        return [Lit("["), z, Lit(" > 0] + "), Lit(f"{act.LEAKY_SLOPE}"), MUL, Lit("["), z, Lit(" ≤ 0]", r" \leq 0]")]
    return [ONE]
