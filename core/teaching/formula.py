"""How the walk-through and the exercises write quantities: names in the network's notation (plain and
LaTeX), small formula trees (symbols, literals, fractions, functions) and their three renderings —
symbols, symbols with the numbers in, and LaTeX (numbers written by core.model.numbers)."""
from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from backprop_lab.core.model.network import Network

_TEX = {"δ": r"\delta", "σ": r"\sigma", "η": r"\eta", "μ": r"\mu", "α": r"\alpha", "θ": r"\theta",
        "φ": r"\phi", "ŷ": r"\hat{y}", "ô": r"\hat{o}"}


def tex_symbol(s: str) -> str:
    if s in _TEX:
        return _TEX[s]
    base, _, sub = s.partition("_")
    return f"{base}_{{{sub}}}" if sub else s


Name = tuple[str, str]      # (text, LaTeX): ("U11", "U_{11}")


def _base(tex: str) -> str:
    """A symbol that already has a subscript (h2_{in}) is braced before it takes an index: {h2_{in}}_{1}."""
    return f"{{{tex}}}" if "_" in tex or "^" in tex else tex


@dataclass(frozen=True)
class Sym:
    """A quantity in a formula: its name (text, LaTeX) and its value; `given` numbers print short."""
    text: str
    tex: str
    value: float
    given: bool = False

    @property
    def names(self) -> Name:
        return self.text, self.tex


class Lit:
    """Fixed text in a formula, as (text with symbols, text with numbers, LaTeX symbols, LaTeX numbers)."""

    def __init__(self, text: str, tex: str | None = None, *, forms: tuple[str, str, str, str] | None = None):
        tex = text if tex is None else tex
        self.forms = forms or (text, text, tex, tex)


PLUS, MINUS, NEG = Lit(" + "), Lit(" − ", " - "), Lit("−", "-")
MUL = Lit("", forms=("·", "·", " ", r" \cdot "))     # U11·h1, U_{11} h_{1}, 0.45 \cdot 0.5
IMPL = Lit("", forms=("", "·", "", r" \cdot "))      # o1(1 − o1) with numbers becomes 0.6·(1 − 0.6)
ONE, SQ, LN = Lit("1"), Lit("²", "^{2}"), Lit("ln", r"\ln ")


@dataclass
class Frac:
    num: list[Token]
    den: list[Token]


@dataclass
class Func:
    text: str
    tex: str
    args: list[Token]
    power_of: str = ""   # LaTeX e^{t_1} instead of exp(t1)


Token = Sym | Lit | Frac | Func
# How a value is written: (value, given) -> text (core.model.numbers.format_number at some digits).
Fmt = Callable[[float, bool], str]


def joined(items: Iterable[Token | list[Token]], sep: Token) -> list[Token]:
    out: list[Token] = []
    for n, item in enumerate(items):
        out += ([sep] if n else []) + (list(item) if isinstance(item, list) else [item])
    return out


def render(tokens: Sequence[Token], mode: int, fmt: Fmt) -> str:
    """mode 0: text with symbols, 1: text with numbers, 2: LaTeX symbols, 3: LaTeX numbers."""
    out = []
    for t in tokens:
        if isinstance(t, Sym):
            out.append(_number(t, mode, fmt, wrap=True) if mode in (1, 3) else (t.text if mode == 0 else t.tex))
        elif isinstance(t, Lit):
            out.append(t.forms[mode])
        elif isinstance(t, Frac):
            n, d = render(t.num, mode, fmt), render(t.den, mode, fmt)
            out.append(rf"\frac{{{n}}}{{{d}}}" if mode >= 2 else f"{_grouped(n)}/{_grouped(d)}")
        else:
            only = t.args[0] if len(t.args) == 1 else None
            if isinstance(only, Sym) and mode in (1, 3):
                inner = _number(only, mode, fmt, wrap=False)
            else:
                inner = render(t.args, mode, fmt)
            if mode >= 2:
                out.append(f"{t.power_of}^{{{inner}}}" if t.power_of else rf"{t.tex}\left({inner}\right)")
            else:
                out.append(f"{t.text}({inner})")
    return "".join(out)


TYPOGRAPHIC_MINUS = "\u2212"       # the window's (core.model.numbers.MINUS; MINUS here is a formula's Lit)


def _number(t: Sym, mode: int, fmt: Fmt, wrap: bool) -> str:
    s = fmt(t.value, t.given)
    if mode == 3:
        s = {"nan": r"\mathrm{NaN}", "inf": r"\infty", "-inf": r"-\infty"}.get(s, s)
        if "e" in s and not s.startswith("\\"):      # 1e-320: typeset, "e − 320" would read as a subtraction
            mantissa, _, power = s.partition("e")
            exponent = int(power.replace(TYPOGRAPHIC_MINUS, "-"))
            s = rf"{mantissa} \times 10^{{{exponent}}}"
    return f"({s})" if wrap and s.startswith("-") else s


def _grouped(s: str) -> str:
    """Parentheses around a numerator or denominator only where an operator sits outside every bracket."""
    depth = 0
    for n, c in enumerate(s):
        if c in "([":
            depth += 1
        elif c in ")]":
            depth -= 1
        elif depth == 0 and (c in "·/" or s.startswith((" + ", " − "), n)):
            return f"({s})"
    return s


def netout_tex(name: str) -> str:
    """A net/out name as LaTeX: net_h1 → \\mathrm{net}_{h1}, w5 → w_{5}, δ_o1 → \\delta_{o1}, E_total."""
    base, _, rest = name.partition("_")
    head = base.rstrip("0123456789")
    if head != base:                    # w5, b1_h1 → b_{1,h1}
        base, rest = head, ",".join(filter(None, (base[len(head):], rest)))
    sym = _TEX.get(base, base if len(base) == 1 else rf"\mathrm{{{base}}}")
    return f"{sym}_{{{rest.replace('_', ',')}}}" if rest else sym


class Names:
    """(text, LaTeX) names: "U11"/"U_{11}" in a text's notation, "W1[1,2]"/"W^{(1)}_{1,2}" by default,
    "w5"/"w_{5}" in the net/out form."""

    def __init__(self, net: Network):
        self.nt, self.n_out = net.notation, net.sizes[-1]
        self.netout = self.nt.form == "netout"

    def _tex(self, q: str, l: int, idx: tuple[int, ...]) -> str:
        if self.netout:
            name = (self.nt.weight(l, idx[0] - 1, idx[1] - 1) if q == "W" else
                    self.nt.bias(l, idx[0] - 1) if q == "b" else self.nt.neuron(q, l, idx[0] - 1))
            return netout_tex(name)
        if self.nt.is_custom(q, l):
            sep = "," if any(i >= 10 for i in idx) else ""
            return f"{_base(tex_symbol(self.nt.symbol(q, l)))}_{{{sep.join(map(str, idx))}}}"
        return f"{tex_symbol(self.nt.delta) if q == 'delta' else q}^{{({l})}}_{{{','.join(map(str, idx))}}}"

    def neuron(self, q: str, l: int, j: int) -> Name:
        return self.nt.neuron(q, l, j), self._tex(q, l, (j + 1,))

    def weight(self, l: int, i: int, j: int) -> Name:
        return self.nt.weight(l, i, j), self._tex("W", l, (i + 1, j + 1))

    def bias(self, l: int, j: int | None) -> Name:
        if j is not None:
            return self.nt.bias(l, j), self._tex("b", l, (j + 1,))
        sym = self.nt.symbol("b", l)
        if self.netout:
            return sym, netout_tex(sym)
        return sym, tex_symbol(sym) if self.nt.is_custom("b", l) else f"b^{{({l})}}"

    def delta(self, l: int, j: int) -> Name:
        """δ named after its z where the text names z (δt1, Notation.neuron), else δ1[1] (δ_o1)."""
        if not self.netout and self.nt.is_custom("z", l) and not self.nt.is_custom("delta", l):
            z = self.neuron("z", l, j)
            return self.nt.neuron("delta", l, j), f"{tex_symbol(self.nt.delta)}_{{{z[1]}}}"
        return self.neuron("delta", l, j)

    def target(self, k: int) -> Name:
        if self.netout:
            return self.nt.target_name(k), netout_tex(self.nt.target_name(k))
        return self.nt.target_name(k), f"{_base(tex_symbol(self.nt.target))}_{{{k + 1}}}"

    def term(self, k: int) -> Name:
        if self.netout:
            return self.nt.loss_term(k), netout_tex(self.nt.loss_term(k))
        return self.nt.loss_term(k), f"{_base(tex_symbol(self.nt.loss))}_{{{k + 1}}}"

    def total(self) -> Name:
        """E_tot as seed 004 writes it where there are several loss terms, E for one (E_total in the
        net/out form, whatever the count)."""
        e = self.nt.loss
        if self.netout:
            return e, netout_tex(e)
        return (f"{e}_tot", f"{tex_symbol(e)}_{{tot}}") if self.n_out > 1 else (e, tex_symbol(e))

    @staticmethod
    def partial(top: Name, bottom: Name) -> Name:
        return f"∂{top[0]}/∂{bottom[0]}", rf"\frac{{\partial {top[1]}}}{{\partial {bottom[1]}}}"

    @staticmethod
    def product(a: Name, b: Name) -> Name:
        return f"{a[0]}·{b[0]}", f"{a[1]} {b[1]}"

    @staticmethod
    def plus(n: Name) -> Name:
        return n[0] + "⁺", (f"{{{n[1]}}}^{{+}}" if "^" in n[1] or n[1].count("_") > 1 else f"{n[1]}^{{+}}")

    @staticmethod
    def velocity(n: Name) -> Name:
        return "v" + n[0], f"v_{{{n[1]}}}"
