"""core.derivation writes its symbols and formulas as text in the network's notation ("∂E/∂o1",
"-(y1-o1)", "[h1_in1>0]"); the typesetter wants LaTeX. Every name the notation can produce is looked up
(so "h1_out1" stays one symbol and "E" becomes seed 004's E_tot), and the few operators core writes
are mapped. Only names and operators change: no number is computed here."""
from __future__ import annotations

import re
import unicodedata

from backprop_lab.core.model.network import Network
from backprop_lab.core.teaching.formula import Names, netout_tex, tex_symbol

_ACCENTS = {"\u0302": r"\hat", "\u0304": r"\bar", "\u0303": r"\tilde", "\u0307": r"\dot"}
_GLUED_BEFORE, _GLUED_AFTER = re.compile(r"[\w\]]"), re.compile(r"[\w\[]")
_OPS = [("<=", r" \leq "), ("≤", r" \leq "), ("·", r" \cdot "), ("×", r" \times "), ("⊙", r" \odot "),
        ("Σ", r"\Sigma "), ("−", "-"), ("∇", r"\nabla "), ("½", r"\frac{1}{2}")]


def polish(tex: str) -> str:
    """Upright word subscripts (E_tot as seed 004 sets it), accents the font can draw."""
    return accents(tex.replace("_{tot}", r"_{\mathrm{tot}}"))


def accents(tex: str) -> str:
    """ŷ → \\hat{y}: the math font has no precomposed accented letters."""
    if tex.isascii():          # most names: nothing to decompose (the largest net has 9,000 of them)
        return tex
    out = []
    for ch in tex:
        parts = unicodedata.normalize("NFD", ch)
        if len(parts) == 2 and parts[1] in _ACCENTS:
            out.append(f"{_ACCENTS[parts[1]]}{{{parts[0]}}}")
        else:
            out.append(ch)
    return "".join(out)


class TexNames:
    """Text → LaTeX for one network's notation."""

    def __init__(self, net: Network):
        nm, nt = Names(net), net.notation
        table: dict[str, str] = {}

        def add(text_tex):
            text, tex = text_tex
            table.setdefault(text, tex)

        for l, n in enumerate(net.sizes):
            for j in range(n):
                add(nm.neuron("a", l, j))
                if l:
                    add(nm.neuron("z", l, j))
                    delta = nm.delta(l, j)
                    add(delta)
                    add((nt.neuron("delta", l, j), delta[1]))
        for l in range(1, net.depth + 1):
            for i in range(net.sizes[l - 1]):
                for j in range(net.sizes[l]):
                    add(nm.weight(l, i, j))
            for j in range(net.sizes[l]):
                add(nm.bias(l, j))
            add(nm.bias(l, None))
        for k in range(net.sizes[-1]):
            add(nm.target(k))
            add(nm.term(k))
        add((nt.loss, nm.total()[1]))
        add(nm.total())
        self.table = {k: polish(v) for k, v in table.items()}
        # longest first, as a regex alternation of every name would try them: that regex over the largest
        # network's 9,000 names took more than a second to compile
        self._lengths = sorted({len(k) for k in self.table if k}, reverse=True)
        self.loss_tex = self.table[nt.loss]

    def name(self, text: str) -> str:
        return self.table.get(text, accents(text))

    def _hold_names(self, text: str, hold) -> str:
        """Every name in text replaced by hold(name): from the left, the longest name that is not
        preceded by a letter, digit or ] nor followed by a letter, digit or [ (a name inside a longer one,
        or an index of one, is not a name)."""
        out, p, n = [], 0, len(text)
        while p < n:
            found = None
            if p == 0 or not _GLUED_BEFORE.match(text[p - 1]):
                for length in self._lengths:
                    name = text[p:p + length]
                    if len(name) == length and name in self.table and \
                            (p + length == n or not _GLUED_AFTER.match(text[p + length])):
                        found = name
                        break
            if found is None:
                out.append(text[p])
                p += 1
            else:
                out.append(hold(found))
                p += len(found)
        return "".join(out)

    def tex(self, text: str) -> str:
        """A symbol or formula of core.derivation as LaTeX."""
        slots: list[str] = []

        def hold(name):
            slots.append(self.table[name])
            return f"\x00{len(slots) - 1}\x00"

        s = self._hold_names(text, hold)
        s = re.sub(r"∂(\x00\d+\x00)/∂(\x00\d+\x00)", r"\\frac{\\partial \1}{\\partial \2}", s)
        s = re.sub(r"(?<![\d.])(\d+)/(\d+)(?![\d.])", r"\\frac{\1}{\2}", s)
        for a, b in _OPS:
            s = s.replace(a, b)
        s = re.sub(r"\^(\w+|\{[^}]*\})", lambda m: "^{" + m.group(1).strip("{}") + "}", s)
        s = re.sub(r"\x00(\d+)\x00", lambda m: "{" + slots[int(m.group(1))] + "}", s)
        return accents(s)


def loss_tex(net: Network) -> str:
    """The loss as the matrix form writes it: E, seed 003's J, E_{total}."""
    nt = net.notation
    return netout_tex(nt.loss) if nt.form == "netout" else accents(tex_symbol(nt.loss))


def layer_tex(net: Network, quantity: str, layer: int) -> str:
    """A whole layer's vector or matrix (seed 002's matrix form): U, h, δ^{(2)}, a^{(1)}, \\mathrm{out}_{h}."""
    nt = net.notation
    if nt.form == "netout":
        return netout_tex(nt.symbol(quantity, layer))
    if quantity == "delta":
        if nt.is_custom("z", layer) and not nt.is_custom("delta", layer):
            return rf"\delta_{{{accents(tex_symbol(nt.symbol('z', layer)))}}}"
        return rf"\delta^{{({layer})}}"
    if nt.is_custom(quantity, layer):
        return accents(tex_symbol(nt.symbol(quantity, layer)))
    return f"{quantity}^{{({layer})}}"
