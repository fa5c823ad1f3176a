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
from dataclasses import dataclass, field, replace

import numpy as np

from backprop_lab.core.model import activations as act
from backprop_lab.core.model.network import Network
from backprop_lab.core.model.numbers import format_number
from backprop_lab.core.model.project import Project
from backprop_lab.core.model.quantity import Key, neuron, weight
from backprop_lab.core.model.settings import Settings
from backprop_lab.core.numerics.engine import evaluate
from backprop_lab.core.numerics.update import update
from backprop_lab.core.teaching.formula import Names, Sym, render
from backprop_lab.core.teaching.walkthrough import derivative_rhs, single_sample, walk

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
class Mistake:
    code: str        # stable: the window translates by it (with params["variant"] for wrong_sign)
    value: float     # what the mistake gives, from the same state
    params: dict     # names in the network's notation and numbers, as text


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
def exercises(net: Network, x, y, settings: Settings | None = None, quantities=None, *, velocity=None,
              digits: int = DEFAULT_DIGITS, set_id: str = "custom") -> list[Exercise]:
    """Exercises for the given walk-step keys (every step when None), in the order given."""
    settings = settings or Settings()
    steps = walk(net, x, y, settings, velocity)
    by = {s.quantity: s for s in steps}
    if quantities is None:
        quantities = [s.quantity for s in steps]
    missing = [q for q in quantities if q not in by]
    if missing:
        raise KeyError(f"not a step of the walk-through: {', '.join(missing)}")
    diag = _Mistakes(net, x, y, settings, velocity, by)
    out = []
    for q in quantities:
        s = by[q]
        d = digits_for(s.value, digits)
        tol = 0.5 * 10.0 ** (-d)
        cands = [m for m in diag.of(s) if math.isfinite(m.value) and not _within(m.value, s.value, tol)]
        out.append(Exercise(f"{set_id}:{q}", q, s.phase, s.name, s.name_tex, s.formula, s.formula_tex, s.value,
                            d, tol, s.highlight, tuple(_unique(cands, tol))))
    return out


def _unique(cands, tol):
    kept = []
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
    net, data = project.net, project.data
    x, y = data.X[sample], data.Y[sample]
    keys = {s.quantity for s in walk(net, x, y, project.settings)}
    order = list(dict.fromkeys(e["quantity"] for e in project.source if e["quantity"] in keys))
    if not order:   # no source, or one that prints no number the walk computes
        order = default_sequence(net)
    return exercises(net, x, y, project.settings, order, digits=digits, set_id=set_id)


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


# ----- the commonest mistakes, computed from the same state ----------------------------------------------
class _Mistakes:
    def __init__(self, net, x, y, settings, velocity, by):
        self.net, self.s, self.by = net, settings, by
        self.x, self.y = single_sample(net, x, y)
        self.st = evaluate(net, self.x, self.y)
        self.nm = Names(net)
        self.v = np.where(net.frozen, 0.0, 0.0 if velocity is None else np.asarray(velocity, float).reshape(-1))
        self.paths = {(s.layer, *s.index): s for s in by.values() if s.kind == "path"}

    def of(self, step) -> list[Mistake]:
        handler = {"z": self.z, "a": self.a, "loss_term": self.loss_term, "loss": self.loss,
                   "dE/do": self.flipped, "da/dz": self.dadz, "delta": self.delta, "path": self.path,
                   "dE/da": self.dEda, "grad": self.grad, "velocity": self.velocity,
                   "updated": self.updated, "loss_after": self.loss_after}[step.kind]
        return [Mistake(code, float(value), {"quantity": step.name, "where": step.name, **params})
                for code, value, params in handler(step)]

    # names and numbers
    def a_name(self, l, j):
        return self.nm.neuron("a", l, j)[0]

    def z_name(self, l, j):
        return self.nm.neuron("z", l, j)[0]

    def factor(self, l, j) -> str:
        st, spec = self.st, self.net.layers[l - 1]
        a = Sym(*self.nm.neuron("a", l, j), st.acts[l][0, j])
        z = Sym(*self.nm.neuron("z", l, j), st.zs[l][0, j])
        return render(derivative_rhs(spec.activation, a, z), 0, format_number)

    def elementwise(self, l) -> bool:
        return act.ACTIVATIONS[self.net.layers[l - 1].activation].elementwise

    def fprime(self, l, j, of_z=False) -> float | None:
        name = self.net.layers[l - 1].activation
        v = (self.st.zs if of_z else self.st.acts)[l][0, j]
        if of_z:   # the derivative written in a, fed with z
            spec = act.ACTIVATIONS[name]
            return float(spec.df(np.array([v]), np.array([v]))[0]) if spec.df_in_a else None
        return float(act.derivative(name, self.st.zs[l][0], self.st.acts[l][0])[j])

    def flipped(self, step):
        L = self.net.depth
        k = step.index[-1] if step.layer == L and step.kind in ("dE/do", "delta", "grad") else 0
        error = self.by[str(neuron("dE/da", L, k))].formula.split(" = ", 1)[1]
        return [("wrong_sign", -step.value, {"variant": "flipped", "error": error})]

    # forward
    def z(self, step):
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
            out.append(("used_z", W[:, j] @ st.zs[l - 1][0] + b,
                        {"used": ", ".join(self.z_name(l - 1, i) for i in range(W.shape[0])),
                         "right": ", ".join(self.a_name(l - 1, i) for i in range(W.shape[0]))}))
        return out

    def a(self, step):
        l, (j,) = step.layer, step.index
        name = self.net.layers[l - 1].activation
        z = self.st.zs[l][0, j]
        out = [("missing_activation", z, {"z": self.z_name(l, j), "function": act.ACTIVATIONS[name].label})]
        if name == "sigmoid":
            out.append(("wrong_sign", 1.0 - step.value, {"variant": "exponent", "z": self.z_name(l, j)}))
        return out

    def loss_term(self, step):
        (k,), L, loss = step.index, self.net.depth, self.net.loss
        out = [("missing_half", 2 * step.value, {})] if loss == "half_sse" else []
        if loss in ("half_sse", "mse"):
            scale = 0.5 if loss == "half_sse" else 1.0 / self.net.sizes[-1]
            t = self.st.zs[L][0, k]
            out.append(("used_z", scale * (self.y[k] - t) ** 2,
                        {"used": self.z_name(L, k), "right": self.a_name(L, k)}))
        return out

    def loss(self, step):
        terms = self.st.terms[0]
        out = [("missing_term", step.value - terms[k], {"missing": self.nm.term(k)[0]})
               for k in range(terms.size)] if terms.size > 1 else []
        if self.net.loss == "half_sse":
            out.append(("missing_half", 2 * step.value, {}))
        return out

    def dadz(self, step):
        l, (j,) = step.layer, step.index
        fz = self.fprime(l, j, of_z=True)
        return [] if fz is None else [("used_z", fz, {"used": self.z_name(l, j), "right": self.a_name(l, j)})]

    # backward
    def delta_alternatives(self, l, j):
        """(code, δ with that mistake, params) for δ of neuron j of layer l."""
        st, L = self.st, self.net.depth
        out = []
        if not self.elementwise(l):
            return out
        f, dEda = self.fprime(l, j), st.dE_da[l][0, j]
        out.append(("missing_act_grad", dEda, {"factor": self.factor(l, j), "neuron": self.a_name(l, j)}))
        fz = self.fprime(l, j, of_z=True)
        if fz is not None:
            out.append(("used_z", dEda * fz, {"used": self.z_name(l, j), "right": self.a_name(l, j)}))
        if l < L:
            out += [(code, v * f, p) for code, v, p in self.sum_alternatives(l, j, dEda)]
        return out

    def sum_alternatives(self, l, j, total):
        """Mistakes in dE/da{l}[j] = Σ_m δ{l+1}[m]·W{l+1}[j,m]: a path left out, the next σ′ left out."""
        st, net, nxt = self.st, self.net, self.net.sizes[l + 1]
        out = []
        if nxt > 1:
            for m in range(nxt):
                term = st.deltas[l + 1][0, m] * net.W[l][j, m]
                out.append(("missing_path", total - term, {"missing": self.paths[(l, j, m)].name,
                                                           "via": self.a_name(l + 1, m), "path": str(m + 1),
                                                           "where": self.by[f"dE/da{l}[{j + 1}]"].name}))
        if self.elementwise(l + 1):
            out.append(("missing_act_grad", float(st.dE_da[l + 1][0] @ net.W[l][j]),
                        {"factor": ", ".join(self.factor(l + 1, m) for m in range(nxt)),
                         "neuron": ", ".join(self.a_name(l + 1, m) for m in range(nxt))}))
        return out

    def delta(self, step):
        return self.delta_alternatives(step.layer, step.index[0]) + self.flipped(step)

    def path(self, step):
        l, (j, m) = step.layer, step.index
        st, W = self.st, self.net.W[l]
        out = []
        if self.elementwise(l + 1):
            out.append(("missing_act_grad", st.dE_da[l + 1][0, m] * W[j, m],
                        {"factor": self.factor(l + 1, m), "neuron": self.a_name(l + 1, m)}))
        for jj in range(W.shape[0]):
            if jj != j:
                out.append(("wrong_weight", st.deltas[l + 1][0, m] * W[jj, m],
                            {"used": self.nm.weight(l + 1, jj, m)[0], "right": self.nm.weight(l + 1, j, m)[0]}))
        return out + self.flipped(step)

    def dEda(self, step):
        return self.sum_alternatives(step.layer, step.index[0], step.value) + self.flipped(step)

    def gradient_alternatives(self, l, index, bias: bool):
        st, net = self.st, self.net
        if bias:
            j = index[0]
            if net.layers[l - 1].bias == "shared":
                return []
            return self.delta_alternatives(l, j)
        i, j = index
        a_in, d = st.acts[l - 1][0, i], st.deltas[l][0, j]
        right = self.a_name(l - 1, i)
        out = [(code, v * a_in, p) for code, v, p in self.delta_alternatives(l, j)]
        out.append(("wrong_input", d * st.acts[l][0, j], {"used": self.a_name(l, j), "right": right}))
        out += [("wrong_input", d * st.acts[l - 1][0, ii], {"used": self.a_name(l - 1, ii), "right": right})
                for ii in range(net.sizes[l - 1]) if ii != i]
        if l >= 2:
            out.append(("used_z", d * st.zs[l - 1][0, i], {"used": self.z_name(l - 1, i), "right": right}))
        out.append(("missing_input", d, {"factor": right}))
        return out

    def grad(self, step):
        bias = step.quantity.startswith("dE/db")
        return self.gradient_alternatives(step.layer, step.index, bias) + self.flipped(step)

    # the update
    def param(self, step):
        key = Key.parse(step.quantity).param      # updated:… or velocity:… of a weight or bias
        bias = key.kind == "b"
        l, index = step.layer, step.index
        idx = self.net.param_index("b", l, index[0]) if bias else self.net.param_index("W", l, *index)
        g_step = self.by[str(key.about("dE/d"))]
        alts = [(code, v, {"where": g_step.name, **p}) for code, v, p in self.gradient_alternatives(l, index, bias)]
        if not bias:
            p_name = self.nm.weight(l, *index)[0]
        else:
            p_name = self.nm.bias(l, key.j)[0]
        return idx, g_step, alts, p_name

    def stepped(self, idx, g=None, v=None, lr=None):
        """The update rule (core.numerics.update) on parameter idx, with the gradient, the velocity or
        the learning rate replaced as a mistake replaces it."""
        s = self.s
        if lr is None:
            lr = 0.0 if self.net.frozen[idx] else s.lr
        g = self.st.grad[idx] if g is None else g
        return update(self.net.theta[idx], g, self.v[idx] if v is None else v, replace(s, lr=lr))

    def velocity(self, step):
        idx, g_step, alts, _ = self.param(step)
        s, g, v = self.s, self.st.grad[idx], self.v[idx]
        out = [("wrong_sign", self.stepped(idx, g=-g).velocity, {"variant": "added", "gradient": g_step.name}),
               ("missing_lr", self.stepped(idx, lr=1.0).velocity, {"lr": format_number(s.lr, 8, True)})]
        if v != 0.0:
            out.append(("missing_momentum", self.stepped(idx, v=0.0).velocity,
                        {"term": format_number(s.momentum * v)}))
        return out + [(code, self.stepped(idx, g=ga).velocity, p) for code, ga, p in alts]

    def loss_after(self, step):
        return [("not_updated", self.st.loss, {})]

    def updated(self, step):
        idx, g_step, alts, p_name = self.param(step)
        net, s, g, v = self.net, self.s, self.st.grad[idx], self.v[idx]
        w = float(net.theta[idx])
        if net.frozen[idx]:
            return [("frozen", self.stepped(idx, lr=s.lr).theta, {"param": p_name})]
        carried = s.momentum * v if s.momentum else 0.0   # μ·v, the part of v⁺ the gradient does not make
        old = {"old": format_number(w, 8, True), "param": p_name}
        out = [("wrong_sign", self.stepped(idx, g=-g).theta, {"variant": "added", "gradient": g_step.name}),
               ("missing_lr", self.stepped(idx, lr=1.0).theta, {"lr": format_number(s.lr, 8, True)}),
               ("update_only", step.value - w, old)]
        if carried != 0.0:
            out.append(("missing_momentum", self.stepped(idx, v=0.0).theta, {"term": format_number(carried)}))
        return out + [(code, self.stepped(idx, g=ga).theta, p) for code, ga, p in alts]
