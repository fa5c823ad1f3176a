"""Every partial derivative of one evaluated state, as the chain rule writes it out.

Built on demand for the state being looked at (never in the training loop). A derivative is a small
tree: a Factor is one local derivative or value (∂o1/∂t1 = o1(1-o1) = 0.2380), a Product multiplies
factors along one path, a Sum adds paths (seed 004's ∂E/∂h1 = ∂E1/∂h1 + ∂E2/∂h1), shared-bias
neurons, or a batch's samples. Every node carries its symbol in the network's notation, its formula,
its value, a machine-readable kind, and the diagram items it belongs to, using the window's keys:
("n", l, j) neuron j of layer l, ("W", l, i, j) weight, ("b", l, j) bias (a shared bias is j = 0).

Kinds: a Factor is loss_grad (∂E/∂o_k), act_grad (∂a/∂z, a softmax Jacobian entry too), loss_act_grad
(the cancelled ∂E/∂z = o − y of cross-entropy on softmax and of binary cross-entropy on sigmoid), input
(∂z/∂w = the activation feeding the weight), weight (∂z_k/∂a_j = W_jk on a path), one (∂z/∂b = 1) or
delta (δ of the layer above, with ref = ("delta", l, k) naming its own derivation). A Product is
param_grad (a gradient), delta (δ{l}[j]) or path (one term of a sum). A Sum is path_sum (∂E/∂a_j over
every edge leaving neuron j), jacobian_sum (δ of a softmax output under a squared-error loss), bias_sum
(a shared bias, over the layer's neurons) or batch_mean.

Leaf values and every total are read from core.engine.evaluate; only the products along single paths
(which the engine never forms on their own) are multiplied here, so a node's recompute() agrees with
the engine's number to rounding (the tests hold it to a few ulps of the terms' magnitude).
"""
from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property, partial
from typing import TypeVar

import numpy as np
import numpy.typing as npt

from backprop_lab.core.model import activations as act
from backprop_lab.core.model.arrays import FloatArray
from backprop_lab.core.model.losses import LOSSES
from backprop_lab.core.model.network import Network
from backprop_lab.core.numerics.engine import State, evaluate, numeric_gradient
from backprop_lab.core.teaching.chain_nodes import Factor, Item, Node, Product, Sum, _sub

# A slope under this is 0 for the gradient check: the panel shows ten decimals, and a central difference
# of a loss near its minimum is a rounding of that size.
NEGLIGIBLE = 1e-10

ELEMENTWISE_LOSSES = ("half_sse", "sse", "mse")   # E = Σ_k E_k(o_k): dE/do_k = dE_k/do_k
# Factor, Product and Sum are this module's public nodes too: callers import them from here.
__all__ = ["Derivation", "Factor", "GradientCheck", "MatrixLayer", "Product", "Sum", "derive", "gradient_check",
           "relative_error"]
ParamKey = tuple[str, int, int] | tuple[str, int, int, int]     # ("b", l, j) or ("W", l, i, j)
T = TypeVar("T")


@dataclass(frozen=True)
class MatrixLayer:
    """Seed 002's matrix form of one layer (z{l} = W{l}^T a{l-1}, W{l} is n_{l-1} × n_l). Vectors are
    1-D for one sample and (B, n) for a batch; `jacobian` is set for a softmax layer instead of fprime."""
    layer: int
    a_prev: FloatArray
    z: FloatArray
    a: FloatArray
    fprime: FloatArray | None
    jacobian: FloatArray | None
    dE_da: FloatArray
    delta: FloatArray
    W: FloatArray
    dW: FloatArray
    db: FloatArray
    delta_equation: str
    grad_equation: str


class Derivation:
    """The chain-rule structure of net at (x, y), one sample or a batch (gradients are batch means)."""

    def __init__(self, net: Network, x: npt.ArrayLike, y: npt.ArrayLike, state: State | None = None):
        self.net = net.copy()            # a snapshot: later edits to net do not change this derivation
        self.state = evaluate(self.net, x, y) if state is None else state
        self.batch_size = self.state.x.shape[0]
        self.nt = self.net.notation
        # None for the input layer and for softmax, whose Jacobian is not diagonal.
        self._fprime: list[FloatArray | None] = [None]
        self._fprime += [None if s.activation == "softmax"
                         else act.derivative(s.activation, self.state.z(l), self.state.acts[l])
                         for l, s in enumerate(self.net.layers, start=1)]
        self._cache: dict[tuple[object, ...], object] = {}

    @cached_property
    def _names(self) -> dict[str, ParamKey]:
        # only by_name needs them: naming the largest network's 8,448 parameters takes longer than an
        # edit may (the window builds a Derivation for every state it shows)
        return {n: k for n, k in zip(self.net.param_names(), self._keys())}

    def _has(self, key: ParamKey) -> bool:
        kind, l, i, *j = key
        if not 1 <= l <= self.net.depth:
            return False
        n_in, spec = self.net.sizes[l - 1], self.net.layers[l - 1]
        if kind == "W":
            return 0 <= i < n_in and 0 <= j[0] < spec.size
        return 0 <= i < spec.n_bias()

    # ----- names --------------------------------------------------------------------------------
    def _keys(self) -> list[ParamKey]:
        return [("W", l, i, j) if j is not None else ("b", l, i) for kind, l, i, j in self.net.param_keys()]

    def z(self, l: int, j: int) -> str:
        return self.nt.neuron("z", l, j)

    def a(self, l: int, j: int) -> str:
        return self.nt.neuron("a", l, j)

    def w(self, l: int, i: int, j: int) -> str:
        return self.nt.weight(l, i, j)

    def bias_name(self, l: int, j: int) -> str:
        return self.nt.bias(l, None if self.net.layers[l - 1].bias == "shared" else j)

    def z_formula(self, l: int, j: int) -> str:
        """z_j = Σ_i W_ij a_i (+ b_j), in the net's notation: 'W11·x1 + W21·x2'."""
        parts = [f"{self.w(l, i, j)}·{self.a(l - 1, i)}" for i in range(self.net.sizes[l - 1])]
        if self.net.layers[l - 1].bias != "none":
            parts.append(self.bias_name(l, j))
        return " + ".join(parts)

    def params(self) -> list[tuple[ParamKey, str]]:
        """(key, name) of every parameter, in theta order."""
        return [(k, n) for n, k in zip(self.net.param_names(), self._keys())]

    # ----- the public lookups -------------------------------------------------------------------
    def param(self, kind: str, l: int, i: int, j: int | None = None) -> Node:
        """dE/d(W{l}[i,j]) or dE/d(b{l}[i]) (0-based i, j; 1-based l) as a Product or Sum."""
        if kind == "W" and j is None:
            raise KeyError(f"no parameter {(kind, l, i, j)}: a weight needs both i and j")
        key: ParamKey = ("W", l, i, j) if kind == "W" and j is not None else ("b", l, i)
        if not self._has(key):
            raise KeyError(f"no parameter {key}")
        return self._cached(("param", key), lambda: self._batch(
            lambda s: self._param_sample(key, s), self._param_value(key), f"∂{self.nt.loss}/∂{self._pname(key)}"))

    def by_name(self, name: str) -> Node:
        key = self._names.get(name)
        if key is None:
            raise KeyError(f"no parameter named {name!r}")
        return self.param(key[0], *key[1:])

    def node_for_key(self, key: tuple[str | int, ...]) -> Node:
        """The derivation the window shows for a selected key: a parameter's gradient or a neuron's δ."""
        kind, l, i, *j = key
        assert isinstance(kind, str) and isinstance(l, int) and isinstance(i, int), key
        if kind == "n":
            return self.delta(l, i) if l > 0 else self.dE_dx[i]
        return self.param(kind, l, i, *(int(v) for v in j[:1]))

    def delta(self, l: int, j: int) -> Node:
        mean = float(self.state.delta(l)[:, j].mean())
        return self._cached(("delta", l, j), lambda: self._batch(
            lambda s: self._delta_sample(l, j, s), mean, self.nt.neuron("delta", l, j)))

    @property
    def deltas(self) -> list[list[Node]]:
        """deltas[l][j] for l = 1..L (deltas[0] is empty)."""
        return [[]] + [[self.delta(l, j) for j in range(n)] for l, n in enumerate(self.net.sizes[1:], start=1)]

    @property
    def dE_dx(self) -> list[Node]:
        out: list[Node] = []
        for i in range(self.net.n_inputs):
            out.append(self._cached(("dx", i), partial(self._dE_dx_node, i)))
        return out

    def _dE_dx_node(self, i: int) -> Node:
        mean = float(self.state.dE_da[0][:, i].mean())
        return self._batch(lambda s: self._path_sum(0, i, s), mean, f"∂{self.nt.loss}/∂{self.a(0, i)}")

    def _cached(self, key: tuple[object, ...], build: Callable[[], T]) -> T:
        if key not in self._cache:
            self._cache[key] = build()
        return self._cache[key]  # type: ignore[return-value]  # a key always maps to what its build made

    def _batch(self, one: Callable[[int], Node], value: float, symbol: str) -> Node:
        if self.batch_size == 1:
            return one(0)
        terms = tuple(one(s) for s in range(self.batch_size))   # term s is sample s
        B = self.batch_size
        return Sum(symbol, terms, value, "batch_mean", f"1/{B} Σ_s {symbol}(s)", scale=1.0 / B)

    def _pname(self, key: ParamKey) -> str:
        return self.w(*key[1:]) if key[0] == "W" else self.bias_name(key[1], key[2])

    def _param_value(self, key: ParamKey) -> float:
        if len(key) == 4:
            idx = self.net.param_index("W", *key[1:])
        else:
            idx = self.net.param_index("b", key[1], key[2])
        return float(self.state.grad[idx])

    # ----- the chain rule, one sample -----------------------------------------------------------
    def _param_sample(self, key: ParamKey, s: int) -> Node:
        st, l = self.state, key[1]
        one_sample = self.batch_size == 1
        sym = f"∂{self.nt.loss}/∂{self._pname(key)}"
        if len(key) == 4:
            i, j = key[2], key[3]
            local = Factor(f"∂{self.z(l, j)}/∂{self.w(l, i, j)}", self.a(l - 1, i),
                           float(st.acts[l - 1][s, i]), "input", (("n", l - 1, i), key))
            factors = tuple(self._dE_dz_factors(l, j, s)) + (local,)
            value = self._param_value(key) if one_sample else math.prod(f.value for f in factors)
            return Product(sym, factors, value, "param_grad")
        j, spec = key[2], self.net.layers[l - 1]
        if spec.bias != "shared":
            factors = tuple(self._dE_dz_factors(l, j, s)) + (self._one(l, j, key),)
            value = self._param_value(key) if one_sample else math.prod(f.value for f in factors)
            return Product(sym, factors, value, "param_grad")
        # one bias feeds every neuron of the layer: a sum over the layer's neurons
        terms: list[Node] = []
        for n in range(spec.size):
            factors = tuple(self._dE_dz_factors(l, n, s)) + (self._one(l, n, key),)
            terms.append(Product(f"∂{self.nt.loss}/∂{self.z(l, n)} × ∂{self.z(l, n)}/∂{self._pname(key)}",
                                 factors, math.prod(f.value for f in factors), "path"))
        value = self._param_value(key) if one_sample else sum(t.value for t in terms)
        return Sum(sym, tuple(terms), value, "bias_sum", " + ".join(t.symbol for t in terms))

    def _one(self, l: int, n: int, key: ParamKey) -> Factor:
        return Factor(f"∂{self.z(l, n)}/∂{self._pname(key)}", "1", 1.0, "one", (key,))

    def _delta_sample(self, l: int, j: int, s: int) -> Product:
        factors = tuple(self._dE_dz_factors(l, j, s))
        return Product(self.nt.neuron("delta", l, j), factors, float(self.state.delta(l)[s, j]), "delta")

    def _dE_dz_factors(self, l: int, j: int, s: int, per_term: bool = False) -> list[Factor | Sum]:
        """Factors whose product is δ{l}[j] = ∂E/∂z{l}[j]."""
        if l == self.net.depth:
            return list(self._cached(("out", j, s, per_term), lambda: tuple(self._output_factors(j, s, per_term))))
        # every weight into neuron j shares these two nodes (they are immutable): build them once
        return list(self._cached(("dz", l, j, s), lambda: (self._path_sum(l, j, s), self._act_grad(l, j, s))))

    def _act_grad(self, l: int, j: int, s: int) -> Factor:
        name = self.net.layers[l - 1].activation
        formula = _sub(act.ACTIVATIONS[name].derivative, a=self.a(l, j), z=self.z(l, j))
        fprime = self._fprime[l]
        assert fprime is not None, "a softmax layer's δ goes through its Jacobian, never through f'"
        return Factor(f"∂{self.a(l, j)}/∂{self.z(l, j)}", formula, float(fprime[s, j]), "act_grad",
                      (("n", l, j),))

    def _output_factors(self, k: int, s: int, per_term: bool) -> list[Factor | Sum]:
        net, st, L = self.net, self.state, self.net.depth
        loss, out_act = net.loss, net.layers[-1].activation
        o, t, y = self.a(L, k), self.z(L, k), self.nt.target_name(k)
        E = self.nt.loss_term(k) if per_term and loss in ELEMENTWISE_LOSSES else self.nt.loss
        item = (("n", L, k),)
        if loss in ("cross_entropy", "bce"):
            # The cancelled form the engine uses: exact and finite even where o saturates to 0 or 1.
            total = float(st.y[s].sum())
            formula = f"{o}-{y}" if loss == "bce" or abs(total - 1.0) < 1e-12 else f"{o}·Σy-{y}"
            return [Factor(f"∂{self.nt.loss}/∂{t}", formula, float(st.delta(L)[s, k]), "loss_act_grad", item)]
        if out_act != "softmax":
            return [self._loss_grad(k, s, E), self._act_grad(L, k, s)]
        # softmax with a squared-error loss: every output depends on t_k (the Jacobian's column k)
        terms: list[Node] = []
        for m in range(net.sizes[-1]):
            om = self.a(L, m)
            jac = float(st.acts[L][s, m] * ((m == k) - st.acts[L][s, k]))
            formula = f"{om}(1-{om})" if m == k else f"-{om}·{o}"
            items: tuple[Item, ...] = (("n", L, m),) if m == k else (("n", L, m), ("n", L, k))
            d = Factor(f"∂{om}/∂{t}", formula, jac, "act_grad", items)
            g = self._loss_grad(m, s, self.nt.loss)
            terms.append(Product(f"∂{self.nt.loss}/∂{om} × ∂{om}/∂{t}", (g, d), g.value * d.value, "path"))
        return [Sum(f"∂{self.nt.loss}/∂{t}", tuple(terms), float(st.delta(L)[s, k]), "jacobian_sum",
                    " + ".join(tm.symbol for tm in terms))]

    def _loss_grad(self, k: int, s: int, E: str) -> Factor:
        L = self.net.depth
        formula = _sub(LOSSES[self.net.loss].grad_formula, y_k=self.nt.target_name(k), o_k=self.a(L, k),
                       n=str(self.net.sizes[-1])).replace(" ", "")
        return Factor(f"∂{E}/∂{self.a(L, k)}", formula, float(self.state.dE_do[s, k]), "loss_grad",
                      (("n", L, k),))

    def _path_sum(self, l: int, j: int, s: int) -> Sum:
        """∂E/∂a{l}[j] = Σ_k ∂E/∂z{l+1}[k] · W{l+1}[j,k]: one term per edge leaving neuron j."""
        net, L = self.net, self.net.depth
        terms: list[Node] = []
        elementwise = net.loss in ELEMENTWISE_LOSSES and net.layers[-1].activation != "softmax"
        for k in range(net.sizes[l + 1]):
            zk = self.z(l + 1, k)
            edge = Factor(f"∂{zk}/∂{self.a(l, j)}", self.w(l + 1, j, k), float(net.W[l][j, k]), "weight",
                          (("W", l + 1, j, k),))
            head: list[Factor | Sum]
            if l + 1 == L:
                head = self._dE_dz_factors(L, k, s, per_term=True)
                sym = (f"∂{self.nt.loss_term(k)}/∂{self.a(l, j)}" if elementwise
                       else f"∂{self.nt.loss}/∂{zk} × ∂{zk}/∂{self.a(l, j)}")
            else:
                d = self.nt.neuron("delta", l + 1, k)
                head = [Factor(f"∂{self.nt.loss}/∂{zk}", d, float(self.state.delta(l + 1)[s, k]), "delta",
                               (("n", l + 1, k),), ref=("delta", l + 1, k))]
                sym = f"{d} × {self.w(l + 1, j, k)}"
            factors = tuple(head) + (edge,)
            terms.append(Product(sym, factors, math.prod(f.value for f in factors), "path"))
        return Sum(f"∂{self.nt.loss}/∂{self.a(l, j)}", tuple(terms), float(self.state.dE_da[l][s, j]),
                   "path_sum", " + ".join(t.symbol for t in terms))

    # ----- seed 002's matrix form ---------------------------------------------------------------
    def matrix_form(self) -> list[MatrixLayer]:
        net, st, nt, L = self.net, self.state, self.nt, self.net.depth
        squeeze = (lambda v: v[0]) if self.batch_size == 1 else (lambda v: v)
        out = []
        for l in range(1, L + 1):
            spec = net.layers[l - 1]
            sym = lambda q, m: nt.symbol(q, m)
            dl = sym("delta", l)
            jac = None
            if l == L:
                if net.loss in ("cross_entropy", "bce"):
                    eq = f"{dl} = {sym('a', L)} - {nt.target}"
                elif spec.activation == "softmax":
                    aL = sym('a', L)
                    eq = f"{dl} = J^T ∇_{aL} {nt.loss},  J = diag({aL}) - {aL} {aL}^T"
                else:
                    eq = f"{dl} = ∇_{sym('a', L)} {nt.loss} ⊙ f'({sym('z', L)})"
            else:
                eq = f"{dl} = ({sym('W', l + 1)} {sym('delta', l + 1)}) ⊙ f'({sym('z', l)})"
            if spec.activation == "softmax":
                o = st.acts[l]
                jac = squeeze(np.einsum("bm,mk->bmk", o, np.eye(o.shape[1])) - o[:, :, None] * o[:, None, :])
            grad_eq = f"∂{nt.loss}/∂{sym('W', l)} = {sym('a', l - 1)} {dl}^T"
            if self.batch_size > 1:
                grad_eq += f"  (mean over the {self.batch_size} samples)"
            fp = None if self._fprime[l] is None else squeeze(self._fprime[l])
            out.append(MatrixLayer(l, squeeze(st.acts[l - 1]), squeeze(st.zs[l]), squeeze(st.acts[l]), fp, jac,
                                   squeeze(st.dE_da[l]), squeeze(st.deltas[l]), net.W[l - 1].copy(),
                                   st.dW[l - 1], st.db[l - 1], eq, grad_eq))
        return out


def derive(net: Network, x: npt.ArrayLike, y: npt.ArrayLike) -> Derivation:
    """The chain-rule structure of net at input x and target y (one sample, or a batch: rows)."""
    return Derivation(net, x, y)


@dataclass(frozen=True)
class GradientCheck:
    index: int
    name: str
    analytic: float
    numeric: float
    h: float
    rel_error: float

    @property
    def verdict(self) -> str:
        """"agree", "close" or "differ". Two slopes that are both ~0 agree, whatever their relative error:
        at a minimum it is the ratio of two roundings (1e-16 against 0), which says nothing."""
        if self.rel_error < 1e-7 or max(abs(self.analytic), abs(self.numeric)) < NEGLIGIBLE:
            return "agree"
        return "close" if self.rel_error < 1e-4 else "differ"


def relative_error(a: float, n: float, floor: float = 1e-12) -> float:
    """|a − n| / max(|a|, |n|, floor) (cs231n): the floor keeps two zeros from dividing 0 by 0."""
    return abs(a - n) / max(abs(a), abs(n), floor)


def gradient_check(net: Network, x: npt.ArrayLike, y: npt.ArrayLike, index: int, h: float = 1e-6) -> GradientCheck:
    """The engine's dE/dθ[index] beside a central difference (E(θ+h) − E(θ−h)) / 2h."""
    analytic = float(evaluate(net, x, y).grad[index])
    numeric = float(numeric_gradient(net, x, y, index, h))
    return GradientCheck(index, net.param_name(index), analytic, numeric, h, relative_error(analytic, numeric))
