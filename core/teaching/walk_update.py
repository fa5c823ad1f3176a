"""The walk-through's update phase: for every parameter, the gradient the step uses (with weight decay,
g = ∂E/∂w + λ·w), then the rule's own computations — plain SGD w⁺ = w − η·g; momentum v⁺ = μ·v − η·g,
w⁺ = w + v⁺; Adam m⁺, v⁺, m̂, v̂ and w⁺ = w − η·m̂/(√v̂ + ε) — each a step of its own with its formula and
numbers. Every value is core.numerics.update's (the one rule), so the walk shows the step the trainer takes."""
from __future__ import annotations

from collections.abc import Callable

import numpy as np

from backprop_lab.core.model.quantity import Key
from backprop_lab.core.model.settings import Settings
from backprop_lab.core.numerics.update import OptState, Updated, rule_of, update
from backprop_lab.core.teaching.formula import MINUS, MUL, ONE, PLUS, SQ, Frac, Lit, Name, Sym, Token

# Powers and roots, written as each of the four renderings writes them.
POW = Lit("^", forms=("^", "^", "^{", "^{"))
END_POW = Lit("", forms=("", "", "}", "}"))
SQRT = Lit("√(", forms=("√(", "√(", r"\sqrt{", r"\sqrt{"))
END_SQRT = Lit(")", forms=(")", ")", "}", "}"))
OPEN, CLOSE = Lit("("), Lit(")")


def moment_name(symbol: str, tex: str, n: Name) -> Name:
    """Adam's m, v, m̂, v̂ of a parameter: mW11, m_{W_{11}}; m̂W11, \\hat{m}_{W_{11}}."""
    return symbol + n[0], f"{tex}_{{{n[1]}}}"


def updated(theta: np.ndarray, grad: np.ndarray, settings: Settings, frozen: np.ndarray,
            velocity: np.ndarray | None, opt: OptState | None) -> Updated:
    """The step the trainer takes (core.numerics.update) from the trainer's own state."""
    return update(theta, grad, velocity, settings, frozen, opt)     # the velocity is `velocity`, not opt's


class UpdateWriter:
    """Writes one parameter's update steps through `add` (the walker's), given the rule's result `u`."""

    def __init__(self, add: Callable[..., Sym], settings: Settings, u: Updated, opt: OptState | None,
                 velocity: np.ndarray | None, plus: Callable[[Name], Name], velocity_name: Callable[[Name], Name]):
        s = settings
        self.add, self.s, self.u, self.opt, self.velocity = add, s, u, opt, velocity
        self.plus, self.velocity_name = plus, velocity_name
        self.rule = rule_of(s).name
        self.lr = Sym("η", r"\eta", s.lr, True)
        self.mu = Sym("μ", r"\mu", s.momentum, True)
        self.lam = Sym("λ", r"\lambda", s.weight_decay, True)
        self.b1, self.b2 = Sym("β₁", r"\beta_{1}", s.beta1, True), Sym("β₂", r"\beta_{2}", s.beta2, True)
        self.eps = Sym("ε", r"\varepsilon", s.eps, True)

    def write(self, key: Key, idx: int, p: Sym, g: Sym, diagram: tuple, l: int, index: tuple[int, ...],
              frozen: bool) -> None:
        note = "frozen" if frozen else ""
        at = (l, index)
        if self.s.weight_decay and not frozen:
            g = self.add("update", "decayed", str(key.about("grad:")), *at, ("g" + p.text, f"g_{{{p.tex}}}"),
                         [g, PLUS, self.lam, MUL, p], float(np.ravel(self.u.grad)[idx]), {diagram}, note)
        new = float(np.ravel(self.u.theta)[idx])
        if self.rule == "momentum":           # a frozen parameter's v⁺ = μ·v is shown too (it stays 0)
            v_old = 0.0 if self.velocity is None else float(self.velocity[idx])
            v = Sym(*self.velocity_name(p.names), v_old, True)
            step: list[Token] = [] if frozen else [MINUS, self.lr, MUL, g]
            v_plus = self.add("update", "velocity", str(key.about("velocity:")), *at, self.plus(v.names),
                              [self.mu, MUL, v, *step], float(np.ravel(self.u.velocity)[idx]), {diagram}, note)
            rhs: list[Token] = [p, PLUS, v_plus]
        elif frozen:
            rhs = [p]
        elif self.rule == "adam":
            rhs = self._adam(key, idx, p, g, diagram, at, note)
        else:
            rhs = [p, MINUS, self.lr, MUL, g]
        self.add("update", "updated", str(key.about("updated:")), *at, self.plus(p.names), rhs, new, {diagram}, note)

    def _adam(self, key: Key, idx: int, p: Sym, g: Sym, diagram: tuple, at: tuple, note: str) -> list[Token]:
        u, s = self.u, self.s
        m_old = 0.0 if self.opt is None else float(self.opt.m[idx])
        v_old = 0.0 if self.opt is None else float(self.opt.v[idx])
        t = Sym("t", "t", float(u.t), True)
        m = Sym(*moment_name("m", "m", p.names), m_old, True)
        v = Sym(*moment_name("v", "v", p.names), v_old, True)
        one = ONE
        m_plus = self.add("update", "adam_m", str(key.about("m:")), *at, self.plus(m.names),
                          [self.b1, MUL, m, PLUS, OPEN, one, MINUS, self.b1, CLOSE, MUL, g],
                          float(np.ravel(u.m)[idx]), {diagram}, note)
        v_plus = self.add("update", "adam_v", str(key.about("v:")), *at, self.plus(v.names),
                          [self.b2, MUL, v, PLUS, OPEN, one, MINUS, self.b2, CLOSE, MUL, g, SQ],
                          float(np.ravel(u.v)[idx]), {diagram}, note)
        k1 = 1.0 - np.power(np.float64(s.beta1), u.t)
        k2 = 1.0 - np.power(np.float64(s.beta2), u.t)
        m_hat = self.add("update", "adam_mhat", str(key.about("mhat:")), *at,
                         moment_name("m̂", r"\hat{m}", p.names),
                         [Frac([m_plus], [one, MINUS, self.b1, POW, t, END_POW])],
                         float(np.ravel(u.m)[idx] / k1), {diagram}, note)
        v_hat = self.add("update", "adam_vhat", str(key.about("vhat:")), *at,
                         moment_name("v̂", r"\hat{v}", p.names),
                         [Frac([v_plus], [one, MINUS, self.b2, POW, t, END_POW])],
                         float(np.ravel(u.v)[idx] / k2), {diagram}, note)
        return [p, MINUS, self.lr, MUL, Frac([m_hat], [SQRT, v_hat, END_SQRT, PLUS, self.eps])]
