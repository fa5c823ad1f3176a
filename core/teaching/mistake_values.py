"""The values the commonest mistakes give for one walk step, computed from the same state as the step:
the activation derivative left out, a sign flipped, a path of the sum left out, the wrong weight or
input, z in place of a, the learning rate or the momentum forgotten. core.teaching.exercises offers
them beside each exercise; each is a code and its parameters, never words.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Any

import numpy as np
import numpy.typing as npt

from backprop_lab.core.model import activations as act
from backprop_lab.core.model.arrays import FloatArray
from backprop_lab.core.model.network import Network
from backprop_lab.core.model.numbers import format_number
from backprop_lab.core.model.quantity import Key, neuron
from backprop_lab.core.model.settings import Settings
from backprop_lab.core.numerics.engine import evaluate
from backprop_lab.core.numerics.update import Updated, update
from backprop_lab.core.teaching.formula import Names, Sym, render
from backprop_lab.core.teaching.walk_step import WalkStep
from backprop_lab.core.teaching.walkthrough import LazyWalk, derivative_rhs, single_sample

# One mistake as a handler finds it: (code, the value it gives, its parameters as text); the value may
# come as a numpy scalar or a 0-d array (the update's), and Mistake holds it as a float.
Alt = tuple[str, float | np.floating[Any] | FloatArray, dict[str, str]]


@dataclass(frozen=True)
class Mistake:
    code: str        # stable: the window translates by it (with params["variant"] for wrong_sign)
    value: float     # what the mistake gives, from the same state
    params: dict[str, str]  # names in the network's notation and numbers, as text


# ----- the commonest mistakes, computed from the same state ----------------------------------------------
class _Mistakes:
    def __init__(self, net: Network, x: npt.ArrayLike, y: npt.ArrayLike, settings: Settings,
                 velocity: npt.ArrayLike | None, steps: LazyWalk):
        self.net, self.s, self.steps = net, settings, steps
        self.x, self.y = single_sample(net, x, y)
        self.st = evaluate(net, self.x, self.y)
        self.nm = Names(net)
        self.v = np.where(net.frozen, 0.0, 0.0 if velocity is None else np.asarray(velocity, float).reshape(-1))

    def of(self, step: WalkStep) -> list[Mistake]:
        handlers: dict[str, Callable[[WalkStep], list[Alt]]] = {
                   "z": self.z, "a": self.a, "loss_term": self.loss_term, "loss": self.loss,
                   "dE/do": self.flipped, "da/dz": self.dadz, "delta": self.delta, "path": self.path,
                   "dE/da": self.dEda, "grad": self.grad, "velocity": self.velocity,
                   "updated": self.updated, "loss_after": self.loss_after}
        handler = handlers[step.kind]
        # A mistake's number may overflow where the right one does not (z for a: W · 1e300): it is
        # worked out quietly, and one that is not finite is not offered (exercises).
        with np.errstate(over="ignore", invalid="ignore"):
            alts = handler(step)
        return [Mistake(code, float(value), {"quantity": step.name, "where": step.name, **params})
                for code, value, params in alts]

    # names and numbers
    def step(self, quantity: str) -> WalkStep:
        found = self.steps.find(quantity)
        assert found is not None, quantity       # asked only for steps every walk that has the asker has
        return found

    def path_step(self, l: int, j: int, m: int) -> WalkStep:
        """The path through edge (j, m) of hidden neuron j's sum."""
        return next(s for s in self.steps.unit(("hidden", l, j)) if s.kind == "path" and s.index == (j, m))

    def a_name(self, l: int, j: int) -> str:
        return self.nm.neuron("a", l, j)[0]

    def z_name(self, l: int, j: int) -> str:
        return self.nm.neuron("z", l, j)[0]

    def factor(self, l: int, j: int) -> str:
        st, spec = self.st, self.net.layers[l - 1]
        a = Sym(*self.nm.neuron("a", l, j), st.acts[l][0, j])
        z = Sym(*self.nm.neuron("z", l, j), st.z(l)[0, j])
        return render(derivative_rhs(spec.activation, a, z), 0, format_number)

    def elementwise(self, l: int) -> bool:
        return act.ACTIVATIONS[self.net.layers[l - 1].activation].elementwise

    def fprime(self, l: int, j: int, of_z: bool = False) -> float | None:
        name = self.net.layers[l - 1].activation
        v = (self.st.z(l) if of_z else self.st.acts[l])[0, j]
        if of_z:   # the derivative written in a, fed with z
            spec = act.ACTIVATIONS[name]
            return float(spec.df(np.array([v]), np.array([v]))[0]) if spec.df_in_a else None
        return float(act.derivative(name, self.st.z(l)[0], self.st.acts[l][0])[j])

    def flipped(self, step: WalkStep) -> list[Alt]:
        L = self.net.depth
        k = step.index[-1] if step.layer == L and step.kind in ("dE/do", "delta", "grad") else 0
        error = self.step(str(neuron("dE/da", L, k))).formula.split(" = ", 1)[1]
        return [("wrong_sign", -step.value, {"variant": "flipped", "error": error})]

    # forward
    def z(self, step: WalkStep) -> list[Alt]:
        net, st, (j,), l = self.net, self.st, step.index, step.layer
        W, a_prev, b = net.W[l - 1], st.acts[l - 1][0], net.bias_vector(l)[j]
        out = []
        if net.layers[l - 1].bias != "none":
            jb = j if net.layers[l - 1].bias == "neuron" else None
            out.append(("missing_bias", step.value - b, {"bias": self.nm.bias(l, jb)[0]}))
        if W.shape[0] == W.shape[1]:
            names = lambda pairs: ", ".join(self.nm.weight(l, i, k)[0] for i, k in pairs)
            out.append(("swapped_indices", W[j, :] @ a_prev + b,
                        {"used": names((j, i) for i in range(W.shape[0])),
                         "right": names((i, j) for i in range(W.shape[0]))}))
        if l >= 2:
            out.append(("used_z", W[:, j] @ st.z(l - 1)[0] + b,
                        {"used": ", ".join(self.z_name(l - 1, i) for i in range(W.shape[0])),
                         "right": ", ".join(self.a_name(l - 1, i) for i in range(W.shape[0]))}))
        return out

    def a(self, step: WalkStep) -> list[Alt]:
        l, (j,) = step.layer, step.index
        name = self.net.layers[l - 1].activation
        z = self.st.z(l)[0, j]
        out = [("missing_activation", z, {"z": self.z_name(l, j), "function": act.ACTIVATIONS[name].label})]
        if name == "sigmoid":
            out.append(("wrong_sign", 1.0 - step.value, {"variant": "exponent", "z": self.z_name(l, j)}))
        return out

    def loss_term(self, step: WalkStep) -> list[Alt]:
        (k,), L, loss = step.index, self.net.depth, self.net.loss
        out: list[Alt] = [("missing_half", 2 * step.value, {})] if loss == "half_sse" else []
        if loss in ("half_sse", "sse", "mse"):
            scale = {"half_sse": 0.5, "sse": 1.0}.get(loss, 1.0 / self.net.sizes[-1])
            t = self.st.z(L)[0, k]
            out.append(("used_z", scale * (self.y[k] - t) ** 2,
                        {"used": self.z_name(L, k), "right": self.a_name(L, k)}))
        return out

    def loss(self, step: WalkStep) -> list[Alt]:
        terms = self.st.terms[0]
        out = [("missing_term", step.value - terms[k], {"missing": self.nm.term(k)[0]})
               for k in range(terms.size)] if terms.size > 1 else []
        if self.net.loss == "half_sse":
            out.append(("missing_half", 2 * step.value, {}))
        return out

    def dadz(self, step: WalkStep) -> list[Alt]:
        l, (j,) = step.layer, step.index
        fz = self.fprime(l, j, of_z=True)
        return [] if fz is None else [("used_z", fz, {"used": self.z_name(l, j), "right": self.a_name(l, j)})]

    # backward
    def delta_alternatives(self, l: int, j: int) -> list[Alt]:
        """(code, δ with that mistake, params) for δ of neuron j of layer l."""
        st, L = self.st, self.net.depth
        out: list[Alt] = []
        if not self.elementwise(l):
            return out
        f, dEda = self.fprime(l, j), st.dE_da[l][0, j]
        assert f is not None                # an elementwise activation has its derivative
        out.append(("missing_act_grad", dEda, {"factor": self.factor(l, j), "neuron": self.a_name(l, j)}))
        fz = self.fprime(l, j, of_z=True)
        if fz is not None:
            out.append(("used_z", dEda * fz, {"used": self.z_name(l, j), "right": self.a_name(l, j)}))
        if l < L:
            out += [(code, v * f, p) for code, v, p in self.sum_alternatives(l, j, dEda)]
        return out

    def sum_alternatives(self, l: int, j: int, total: float) -> list[Alt]:
        """Mistakes in dE/da{l}[j] = Σ_m δ{l+1}[m]·W{l+1}[j,m]: a path left out, the next σ′ left out."""
        st, net, nxt = self.st, self.net, self.net.sizes[l + 1]
        out = []
        if nxt > 1:
            for m in range(nxt):
                term = st.delta(l + 1)[0, m] * net.W[l][j, m]
                out.append(("missing_path", total - term, {"missing": self.path_step(l, j, m).name,
                                                           "via": self.a_name(l + 1, m), "path": str(m + 1),
                                                           "where": self.step(str(neuron("dE/da", l, j))).name}))
        if self.elementwise(l + 1):
            out.append(("missing_act_grad", float(st.dE_da[l + 1][0] @ net.W[l][j]),
                        {"factor": ", ".join(self.factor(l + 1, m) for m in range(nxt)),
                         "neuron": ", ".join(self.a_name(l + 1, m) for m in range(nxt))}))
        return out

    def delta(self, step: WalkStep) -> list[Alt]:
        return self.delta_alternatives(step.layer, step.index[0]) + self.flipped(step)

    def path(self, step: WalkStep) -> list[Alt]:
        l, (j, m) = step.layer, step.index
        st, W = self.st, self.net.W[l]
        out = []
        if self.elementwise(l + 1):
            out.append(("missing_act_grad", st.dE_da[l + 1][0, m] * W[j, m],
                        {"factor": self.factor(l + 1, m), "neuron": self.a_name(l + 1, m)}))
        for jj in range(W.shape[0]):
            if jj != j:
                out.append(("wrong_weight", st.delta(l + 1)[0, m] * W[jj, m],
                            {"used": self.nm.weight(l + 1, jj, m)[0], "right": self.nm.weight(l + 1, j, m)[0]}))
        return out + self.flipped(step)

    def dEda(self, step: WalkStep) -> list[Alt]:
        return self.sum_alternatives(step.layer, step.index[0], step.value) + self.flipped(step)

    def gradient_alternatives(self, l: int, index: tuple[int, ...], bias: bool) -> list[Alt]:
        st, net = self.st, self.net
        if bias:
            j = index[0]
            if net.layers[l - 1].bias == "shared":
                return []
            return self.delta_alternatives(l, j)
        i, j = index
        a_in, d = st.acts[l - 1][0, i], st.delta(l)[0, j]
        right = self.a_name(l - 1, i)
        out = [(code, v * a_in, p) for code, v, p in self.delta_alternatives(l, j)]
        out.append(("wrong_input", d * st.acts[l][0, j], {"used": self.a_name(l, j), "right": right}))
        out += [("wrong_input", d * st.acts[l - 1][0, ii], {"used": self.a_name(l - 1, ii), "right": right})
                for ii in range(net.sizes[l - 1]) if ii != i]
        if l >= 2:
            out.append(("used_z", d * st.z(l - 1)[0, i], {"used": self.z_name(l - 1, i), "right": right}))
        out.append(("missing_input", d, {"factor": right}))
        return out

    def grad(self, step: WalkStep) -> list[Alt]:
        bias = step.quantity.startswith("dE/db")
        return self.gradient_alternatives(step.layer, step.index, bias) + self.flipped(step)

    # the update
    def param(self, step: WalkStep) -> tuple[int, WalkStep, list[Alt], str]:
        key = Key.parse(step.quantity).param      # updated:… or velocity:… of a weight or bias
        assert key is not None, step.quantity     # the update's steps each name a parameter
        bias = key.kind == "b"
        l, index = step.layer, step.index
        idx = self.net.param_index("b", l, index[0]) if bias else self.net.param_index("W", l, *index)
        g_step = self.step(str(key.about("dE/d")))
        alts = [(code, v, {"where": g_step.name, **p}) for code, v, p in self.gradient_alternatives(l, index, bias)]
        if not bias:
            p_name = self.nm.weight(l, *index)[0]
        else:
            p_name = self.nm.bias(l, key.j)[0]
        return idx, g_step, alts, p_name

    def stepped(self, idx: int, g: float | np.floating[Any] | FloatArray | None = None, v: float | None = None,
                lr: float | None = None) -> Updated:
        """The update rule (core.numerics.update) on parameter idx, with the gradient, the velocity or
        the learning rate replaced as a mistake replaces it."""
        s = self.s
        if lr is None:
            lr = 0.0 if self.net.frozen[idx] else s.lr
        g = self.st.grad[idx] if g is None else g
        return update(self.net.theta[idx], g, self.v[idx] if v is None else v, replace(s, lr=lr))

    def velocity(self, step: WalkStep) -> list[Alt]:
        idx, g_step, alts, _ = self.param(step)
        s, g, v = self.s, self.st.grad[idx], self.v[idx]
        out = [("wrong_sign", self.stepped(idx, g=-g).velocity, {"variant": "added", "gradient": g_step.name}),
               ("missing_lr", self.stepped(idx, lr=1.0).velocity, {"lr": format_number(s.lr, 8, True)})]
        if v != 0.0:
            out.append(("missing_momentum", self.stepped(idx, v=0.0).velocity,
                        {"term": format_number(s.momentum * v)}))
        return out + [(code, self.stepped(idx, g=ga).velocity, p) for code, ga, p in alts]

    def loss_after(self, step: WalkStep) -> list[Alt]:
        return [("not_updated", self.st.loss, {})]

    def updated(self, step: WalkStep) -> list[Alt]:
        idx, g_step, alts, p_name = self.param(step)
        net, s, g, v = self.net, self.s, self.st.grad[idx], self.v[idx]
        w = float(net.theta[idx])
        if net.frozen[idx]:
            return [("frozen", self.stepped(idx, lr=s.lr).theta, {"param": p_name})]
        carried = s.momentum * v if s.momentum else 0.0   # μ·v, the part of v⁺ the gradient does not make
        old = {"old": format_number(w, 8, True), "param": p_name}
        out: list[Alt] = [
            ("wrong_sign", self.stepped(idx, g=-g).theta, {"variant": "added", "gradient": g_step.name}),
            ("missing_lr", self.stepped(idx, lr=1.0).theta, {"lr": format_number(s.lr, 8, True)}),
            ("update_only", step.value - w, old)]
        if carried != 0.0:
            out.append(("missing_momentum", self.stepped(idx, v=0.0).theta, {"term": format_number(carried)}))
        return out + [(code, self.stepped(idx, g=ga).theta, p) for code, ga, p in alts]
