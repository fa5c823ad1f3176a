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
"""
from __future__ import annotations

import numpy as np
import numpy.typing as npt

from backprop_lab.core.model import activations as act
from backprop_lab.core.model.arrays import FloatArray
from backprop_lab.core.model.network import Network
from backprop_lab.core.model.quantity import Key, bias, neuron, weight
from backprop_lab.core.model.settings import Settings
from backprop_lab.core.numerics.engine import evaluate
from backprop_lab.core.numerics.update import OptState, rule_of, update
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
from backprop_lab.core.teaching.walk_step import PHASES, DiagramKey, WalkStep
from backprop_lab.core.teaching.walk_update import UpdateWriter, updated

__all__ = ["PHASES", "WalkStep", "derivative_rhs", "single_sample", "updated_theta", "walk"]
# Each parameter's row in the update: (key, theta index, parameter, gradient, diagram key, layer, index)
ParamRow = tuple[Key, int, Sym, Sym, DiagramKey, int, tuple[int, ...]]


def walk(net: Network, x: npt.ArrayLike, y: npt.ArrayLike, settings: Settings | None = None,
         velocity: npt.ArrayLike | None = None, digits: int | None = 8, opt: OptState | None = None) -> list[WalkStep]:
    """The steps of one pass on one sample and one update with `settings` (η, the rule, λ). `velocity` is
    the momentum velocity per parameter (like theta; zeros when None); `opt` holds Adam's m, v and t
    (zeros when None)."""
    return _Walker(net, x, y, settings or Settings(), velocity, digits, opt).run()


def updated_theta(net: Network, grad: FloatArray, settings: Settings,
                  velocity: FloatArray | None = None) -> tuple[FloatArray, FloatArray | None]:
    """(theta⁺, velocity⁺) after one step (core.numerics.update); velocity⁺ is None without momentum."""
    u = update(net.theta, grad, velocity, settings, net.frozen)
    return u.theta, (u.velocity if rule_of(settings).has_velocity else None)


def single_sample(net: Network, x: npt.ArrayLike, y: npt.ArrayLike) -> tuple[FloatArray, FloatArray]:
    x, y = np.asarray(x, dtype=float), np.asarray(y, dtype=float)
    if (x.ndim == 2 and x.shape[0] != 1) or (y.ndim == 2 and y.shape[0] != 1) or x.ndim > 2 or y.ndim > 2:
        raise ValueError("walk: one sample at a time (x and y must each be one row)")
    return x.reshape(-1), y.reshape(-1)


# ----- names in the network's notation, and formulas rendered four ways ---------------------------------
class _Walker:
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
        self._weights: dict[tuple[int, int, int], Sym] = {}
        L = net.depth
        # The steps' results by layer and neuron; each layer's row is made full size (of _UNSET) and every
        # entry filled before it is read.
        self.Z: list[list[Sym]] = [[] for _ in range(L + 1)]
        self.A: list[list[Sym]] = [[Sym(*self.nm.neuron("a", 0, i), self.x[i], True) for i in range(net.n_inputs)]]
        self.A += [[] for _ in range(L)]
        self.D: list[list[Sym]] = [[] for _ in range(L + 1)]
        self.E: list[Sym] = []
        self.dEdo: list[Sym] = []
        self.dodt: list[Sym] = []
        self.params: list[ParamRow] = []

    def add(self, phase: str, kind: str, quantity: str, layer: int, index: tuple[int, ...], lhs: Name,
            rhs: list[Token], value: float, highlight: set[DiagramKey], note: str = "") -> Sym:
        self.steps.append(WalkStep(phase, kind, quantity, layer, tuple(index), lhs[0], lhs[1], float(value),
                                   frozenset(highlight), note, self.digits, tuple(rhs)))
        return Sym(lhs[0], lhs[1], float(value))

    def run(self) -> list[WalkStep]:
        self.forward()
        self.loss()
        self.output()
        self.hidden()
        self.gradients()
        self.update()
        return self.steps

    # ----- 1. forward -------------------------------------------------------------------------------
    def forward(self) -> None:
        net, st, nm = self.net, self.st, self.nm
        for l, spec in enumerate(net.layers, start=1):
            n_in = net.sizes[l - 1]
            self.Z[l], self.A[l] = [_UNSET] * spec.size, [_UNSET] * spec.size
            for j in range(spec.size):
                rhs: list[Token] = []
                hl: set[DiagramKey] = {("n", l, j)}
                for i in range(n_in):
                    rhs += ([PLUS] if i else []) + [self.weight(l, i, j), MUL, self.A[l - 1][i]]
                    hl |= {("n", l - 1, i), ("W", l, i, j)}
                if spec.bias != "none":
                    jb = j if spec.bias == "neuron" else 0
                    rhs += [PLUS, Sym(*nm.bias(l, j if spec.bias == "neuron" else None), net.b[l - 1][jb], True)]
                    hl.add(("b", l, jb))
                self.Z[l][j] = self.add("forward", "z", str(neuron("z", l, j)), l, (j,), nm.neuron("z", l, j), rhs,
                                        st.z(l)[0, j], hl)
                if spec.activation != "softmax":
                    self.activation_step(l, j)
            if spec.activation == "softmax":
                for j in range(spec.size):
                    self.activation_step(l, j)

    def activation_step(self, l: int, j: int) -> None:
        name, z = self.net.layers[l - 1].activation, self.Z[l][j]
        rhs: list[Token]
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
            hl: set[DiagramKey] = {("n", l, m) for m in range(len(self.Z[l]))}
            rhs = [Frac([_exp(z)], joined([_exp(t) for t in self.Z[l]], PLUS))]
            self.A[l][j] = self.add("forward", "a", str(neuron("a", l, j)), l, (j,), self.nm.neuron("a", l, j), rhs,
                                    self.st.acts[l][0, j], hl)
            return
        self.A[l][j] = self.add("forward", "a", str(neuron("a", l, j)), l, (j,), self.nm.neuron("a", l, j), rhs,
                                self.st.acts[l][0, j], {("n", l, j)})

    def weight(self, l: int, i: int, j: int) -> Sym:
        key = (l, i, j)
        if key not in self._weights:   # each weight appears in three steps; naming it is the costly part
            self._weights[key] = Sym(*self.nm.weight(l, i, j), float(self.net.W[l - 1][i, j]), True)
        return self._weights[key]

    def target(self, k: int) -> Sym:
        return Sym(*self.nm.target(k), self.y[k], True)

    # ----- 2. loss ----------------------------------------------------------------------------------
    def loss(self) -> None:
        net, st, nm = self.net, self.st, self.nm
        L, n = net.depth, net.sizes[-1]
        self.E = []
        for k in range(n):
            y, o = self.target(k), self.A[L][k]
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
            self.E.append(self.add("loss", "loss_term", f"loss_term[{k + 1}]", L, (k,), nm.term(k), rhs,
                                   st.terms[0, k], {("n", L, k)}))
        self.add("loss", "loss", "loss", L, (), nm.total(), joined(self.E, PLUS), st.loss,
                 {("n", L, k) for k in range(n)})

    # ----- 3. output layer --------------------------------------------------------------------------
    def output(self) -> None:
        net, st, nm = self.net, self.st, self.nm
        L, n = net.depth, net.sizes[-1]
        name = net.layers[-1].activation
        self.dEdo, self.dodt, self.D[L] = [_UNSET] * n, [_UNSET] * n, [_UNSET] * n
        elementwise = act.ACTIVATIONS[name].elementwise
        for k in range(n):
            self.dEdo[k] = self.add("output", "dE/do", str(neuron("dE/da", L, k)), L, (k,),
                                    nm.partial(nm.total(), self.A[L][k].names), self.dE_do_rhs(k),
                                    st.dE_do[0, k], {("n", L, k)})
            if elementwise:
                self.dodt[k] = self.derivative_step("output", L, k)
                self.D[L][k] = self.add("output", "delta", str(neuron("delta", L, k)), L, (k,), nm.delta(L, k),
                                        [self.dEdo[k], MUL, self.dodt[k]], st.delta(L)[0, k], {("n", L, k)})
        if elementwise:
            return
        everything: set[DiagramKey] = {("n", L, m) for m in range(n)}
        y_sum = float(np.sum(self.y))
        for k in range(n):
            o, y = self.A[L][k], self.target(k)
            rhs: list[Token]
            hl: set[DiagramKey]
            if net.loss == "cross_entropy":   # the cancelled form the engine uses: o·Σy − y
                rhs = [o, MINUS, y]
                if y_sum != 1.0:
                    rhs = [o, MUL, Lit("("), *joined([self.target(m) for m in range(n)], PLUS), Lit(")"), MINUS, y]
                hl = {("n", L, k)}
            else:
                inner = joined([[self.dEdo[m], MUL, self.A[L][m]] for m in range(n)], PLUS)
                rhs = [o, IMPL, Lit("("), self.dEdo[k], MINUS, Lit("("), *inner, Lit(")"), Lit(")")]
                hl = everything
            self.D[L][k] = self.add("output", "delta", str(neuron("delta", L, k)), L, (k,), nm.delta(L, k), rhs,
                                    st.delta(L)[0, k], hl)

    def dE_do_rhs(self, k: int) -> list[Token]:
        net, n = self.net, self.net.sizes[-1]
        y, o = self.target(k), self.A[net.depth][k]
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
        name, a, z = self.net.layers[l - 1].activation, self.A[l][j], self.Z[l][j]
        rhs = derivative_rhs(name, a, z)
        value = float(act.derivative(name, self.st.z(l)[0], self.st.acts[l][0])[j])
        return self.add(phase, "da/dz", str(neuron("da/dz", l, j)), l, (j,), self.nm.partial(a.names, z.names),
                        rhs, value, {("n", l, j)})

    # ----- 4. hidden layers -------------------------------------------------------------------------
    def hidden(self) -> None:
        net, st, nm = self.net, self.st, self.nm
        L = net.depth
        out_elementwise = act.ACTIVATIONS[net.layers[-1].activation].elementwise
        for l in range(L - 1, 0, -1):
            nxt = net.sizes[l + 1]
            # next to the output, the part through edge (j, k) is exactly dE_k/dh_j, as seed 004 writes it
            per_output = l + 1 == L and out_elementwise
            self.D[l] = [_UNSET] * net.sizes[l]
            for j in range(net.sizes[l]):
                h = self.A[l][j]
                paths: list[Sym] = []
                around: set[DiagramKey] = {("n", l, j)}
                for m in range(nxt):
                    w = self.weight(l + 1, j, m)
                    hl: set[DiagramKey] = {("n", l, j), ("n", l + 1, m), ("W", l + 1, j, m)}
                    around |= hl
                    value = float(st.delta(l + 1)[0, m] * net.W[l][j, m])
                    if per_output:
                        dEk = Sym(*nm.partial(nm.term(m), self.A[L][m].names), self.dEdo[m].value)
                        paths.append(self.add("hidden", "path", str(Key("dE_k/da", l, m, j)), l, (j, m),
                                              nm.partial(nm.term(m), h.names),
                                              [dEk, MUL, self.dodt[m], MUL, w], value, hl))
                    else:
                        t = self.Z[l + 1][m].names
                        lhs = nm.product(nm.partial(nm.total(), t), nm.partial(t, h.names))
                        paths.append(self.add("hidden", "path", str(weight(l + 1, j, m).about("via:")), l, (j, m), lhs,
                                              [self.D[l + 1][m], MUL, w], value, hl))
                dEdh = self.add("hidden", "dE/da", str(neuron("dE/da", l, j)), l, (j,), nm.partial(nm.total(), h.names),
                                joined(paths, PLUS), st.dE_da[l][0, j], around)
                dhdz = self.derivative_step("hidden", l, j)
                self.D[l][j] = self.add("hidden", "delta", str(neuron("delta", l, j)), l, (j,), nm.delta(l, j),
                                        [dEdh, MUL, dhdz], st.delta(l)[0, j], {("n", l, j)})

    # ----- 5. gradients -----------------------------------------------------------------------------
    def gradients(self) -> None:
        net, st, nm = self.net, self.st, self.nm
        slices = net.slices()   # once: net.param_index recomputes them on every call
        for l in range(net.depth, 0, -1):
            spec, n_in = net.layers[l - 1], net.sizes[l - 1]
            w0, b0 = slices[l - 1][0].start, slices[l - 1][1].start
            for j in range(spec.size):
                for i in range(n_in):
                    w = self.weight(l, i, j)
                    g = self.add("gradient", "grad", str(weight(l, i, j).about("dE/d")), l, (i, j),
                                 nm.partial(nm.total(), w.names), [self.D[l][j], MUL, self.A[l - 1][i]],
                                 st.dW[l - 1][i, j], {("n", l - 1, i), ("n", l, j), ("W", l, i, j)})
                    self.params.append((weight(l, i, j), w0 + i * spec.size + j, w, g,
                                        ("W", l, i, j), l, (i, j)))
                if spec.bias == "neuron":
                    b = Sym(*nm.bias(l, j), net.b[l - 1][j], True)
                    g = self.add("gradient", "grad", str(bias(l, j).about("dE/d")), l, (j,),
                                 nm.partial(nm.total(), b.names),
                                 [self.D[l][j]], st.db[l - 1][j], {("n", l, j), ("b", l, j)})
                    self.params.append((bias(l, j), b0 + j, b, g, ("b", l, j), l, (j,)))
            if spec.bias == "shared":
                b = Sym(*nm.bias(l, None), net.b[l - 1][0], True)
                g = self.add("gradient", "grad", str(bias(l, None).about("dE/d")), l, (0,),
                             nm.partial(nm.total(), b.names),
                             joined(self.D[l], PLUS), st.db[l - 1][0],
                             {("b", l, 0)} | {("n", l, j) for j in range(spec.size)})
                self.params.append((bias(l, None), b0, b, g, ("b", l, 0), l, (0,)))

    # ----- 6. update and the loss after it ----------------------------------------------------------
    def update(self) -> None:
        # At the last finite state before a divergence (where a diverged run or an opened sweep copy
        # stops) this update is the refused step: its numbers are shown as they come out, inf or nan.
        with np.errstate(over="ignore", invalid="ignore", divide="ignore"):
            self._update_and_after()

    def _update_and_after(self) -> None:
        net, nm = self.net, self.nm
        u = updated(net.theta, self.st.grad, self.s, net.frozen, self.velocity, self.opt)
        writer = UpdateWriter(self.add, self.s, u, self.opt, self.velocity, nm.plus, nm.velocity)
        for key, idx, p, g, diagram, l, index in self.params:
            writer.write(key, idx, p, g, diagram, l, index, bool(net.frozen[idx]))
        theta_new = u.theta
        after = net.copy()
        after.theta[...] = theta_new
        st2 = evaluate(after, self.x, self.y)
        L, n = net.depth, net.sizes[-1]
        terms: list[Token] = [Sym(*nm.plus(nm.term(k)), st2.terms[0, k]) for k in range(n)]
        self.add("update", "loss_after", str(Key("updated:loss")), L, (), nm.plus(nm.total()), joined(terms, PLUS),
                 st2.loss,
                 {("n", L, k) for k in range(n)})


# Stands in a layer's row until its step is made (never read: each entry is set before use).
_UNSET = Sym("", "", float("nan"))


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

