"""Names of every quantity, in the notation of the text the learner is reading.

Seed 004 writes x, z, h, t, o, W, U, E; the default is a{l}, z{l}, W{l}, b{l}. Names are 1-based, as in
the texts: `U11` is the weight from h1 to o1 (i = source neuron, j = target neuron).

Three forms a learner can choose between (FORMS, `in_form`): the text's own symbols, the layer form
(a{l}, z{l}, W{l}, b{l}) and the net/out form of many English tutorials (Mazur's worked example: i1, net_h1,
out_h1, w1…w8 numbered across the network, b1, b2, target_o1, E_o1, E_total).
"""
from __future__ import annotations

from dataclasses import dataclass, field

from backprop_lab.core.model.quantity import Key

QUANTITIES = ("z", "a", "W", "b", "delta")
FORMS = ("text", "layer", "netout")      # the text's own symbols, a{l}/z{l}/W{l}/b{l}, net_h1/out_h1/w1


@dataclass
class Notation:
    """Symbols per layer. `layers[l]` maps a quantity to its symbol for layer l (layer 0 is the input)."""
    layers: list[dict[str, str]] = field(default_factory=list)
    target: str = "y"
    loss: str = "E"
    delta: str = "δ"
    form: str = "text"                     # "netout": names made by NetOut from `sizes` (see FORMS)
    sizes: list[int] = field(default_factory=list)

    def symbol(self, quantity: str, layer: int) -> str:
        if self.form == "netout":
            return NetOut(self.sizes).symbol(quantity, layer)
        if layer < len(self.layers) and quantity in self.layers[layer]:
            return self.layers[layer][quantity]
        if quantity == "delta":
            return f"{self.delta}{layer}"
        return f"{quantity}{layer}"

    def is_custom(self, quantity: str, layer: int) -> bool:
        return layer < len(self.layers) and quantity in self.layers[layer]

    def _join(self, quantity: str, layer: int, *idx: int) -> str:
        sym = self.symbol(quantity, layer)
        if self.is_custom(quantity, layer):
            # Text notation: U11, h1; a comma only where an index has two digits (U10,2).
            sep = "," if any(i >= 10 for i in idx) else ""
            return sym + sep.join(str(i) for i in idx)
        return f"{sym}[{','.join(str(i) for i in idx)}]"

    def neuron(self, quantity: str, layer: int, j: int) -> str:
        """`quantity` of neuron j (0-based) of layer l: z, a or delta."""
        if self.form == "netout":
            return NetOut(self.sizes).neuron(quantity, layer, j)
        if quantity == "delta" and self.is_custom("z", layer) and not self.is_custom("delta", layer):
            # A text that names z but not δ: δ after its neuron's z (seed 004's δt1), not δ2[1].
            return self.delta + self._join("z", layer, j + 1)
        return self._join(quantity, layer, j + 1)

    def family(self, quantity: str, depth: int, first: int = 1) -> str:
        """One quantity's symbols over layers first..depth, for a heading: "z/t" in seed 004's own
        notation, "z" in the layer form, "net" in the net/out form (δ is δ in each). One layer's
        symbol where first == depth: "U", "W2", "out_h"."""
        if first == depth:
            if self.form == "netout" or self.is_custom(quantity, first):
                return self.symbol(quantity, first)
            return f"{self.delta if quantity == 'delta' else quantity}{first}"
        if quantity == "delta":
            return self.delta
        if self.form == "netout":
            word = {"z": "net", "a": "out", "W": "w", "b": "b"}.get(quantity, quantity)
            return "i/out" if quantity == "a" and first == 0 else word
        syms = [self.symbol(quantity, l) if self.is_custom(quantity, l) else quantity
                for l in range(first, depth + 1)]
        return "/".join(dict.fromkeys(syms))

    def weight(self, layer: int, i: int, j: int) -> str:
        if self.form == "netout":
            return NetOut(self.sizes).weight(layer, i, j)
        return self._join("W", layer, i + 1, j + 1)

    def bias(self, layer: int, j: int | None) -> str:
        """j=None names a bias shared by the whole layer."""
        if self.form == "netout":
            return NetOut(self.sizes).bias(layer, j)
        if j is None:
            return self.symbol("b", layer)
        return self._join("b", layer, j + 1)

    def name(self, key: Key) -> str:
        """A quantity key's name in this notation: weights, biases, z, a, δ, targets, loss terms, the loss
        (any other key as its text key)."""
        kind, l, i, j = key.kind, key.layer or 0, key.i or 0, key.j or 0
        if kind == "W":
            return self.weight(l, i, j)
        if kind == "b":
            return self.bias(l, key.j)
        if kind in ("z", "a", "delta"):
            return self.neuron(kind, l, j)
        if kind == "y":
            return self.target_name(j)
        if kind == "loss_term":
            return self.loss_term(j)
        return self.loss if kind == "loss" else str(key)

    def target_name(self, k: int) -> str:
        if self.form == "netout":
            return f"target_{NetOut(self.sizes).neuron_id(len(self.sizes) - 1, k)}"
        return f"{self.target}{k + 1}"

    def loss_term(self, k: int) -> str:
        if self.form == "netout":
            return f"E_{NetOut(self.sizes).neuron_id(len(self.sizes) - 1, k)}"
        return f"{self.loss}{k + 1}"

    def to_json(self) -> dict:
        out: dict[str, object] = {"layers": [dict(d) for d in self.layers], "target": self.target, "loss": self.loss,
               "delta": self.delta}
        if self.form != "text":
            out.update(form=self.form, sizes=list(self.sizes))
        return out

    @classmethod
    def from_json(cls, data: dict) -> Notation:
        return cls(layers=[dict(d) for d in data.get("layers", [])], target=data.get("target", "y"),
                   loss=data.get("loss", "E"), delta=data.get("delta", "δ"), form=data.get("form", "text"),
                   sizes=[int(n) for n in data.get("sizes", [])])


def in_form(form: str, own: Notation, sizes: list[int]) -> Notation:
    """The notation a learner chose (FORMS) for a network of `sizes` whose text writes `own`."""
    if form == "layer":
        return Notation()
    if form == "netout":
        return Notation(loss="E_total", target="target", form="netout", sizes=list(sizes))
    return own


class NetOut:
    """The net/out form: inputs i1, i2; hidden neurons h1, h2 (h1_1, h2_1 … with more hidden layers);
    outputs o1, o2; z is net_h1, a is out_h1, δ is δ_h1; weights w1, w2, … numbered across the network
    (within a layer by target neuron, then source: w1 = i1→h1, w2 = i2→h1, w3 = i1→h2); biases b1, b2 by
    layer (b1_h1 for a bias per neuron)."""

    def __init__(self, sizes: list[int]):
        self.sizes = sizes

    def prefix(self, layer: int) -> str:
        depth = len(self.sizes) - 1
        if layer == 0:
            return "i"
        if layer == depth:
            return "o"
        return "h" if depth == 2 else f"h{layer}_"

    def neuron_id(self, layer: int, j: int) -> str:
        return f"{self.prefix(layer)}{j + 1}"

    def symbol(self, quantity: str, layer: int) -> str:
        p = self.prefix(layer)
        return {"z": f"net_{p}", "a": p if layer == 0 else f"out_{p}", "W": "w", "b": f"b{layer}",
                "delta": f"δ_{p}"}.get(quantity, quantity)

    def neuron(self, quantity: str, layer: int, j: int) -> str:
        n = self.neuron_id(layer, j)
        if quantity == "a":
            return n if layer == 0 else f"out_{n}"
        return {"z": f"net_{n}", "delta": f"δ_{n}"}.get(quantity, f"{quantity}_{n}")

    def weight(self, layer: int, i: int, j: int) -> str:
        s = self.sizes
        before = sum(s[k - 1] * s[k] for k in range(1, layer))
        return f"w{before + j * s[layer - 1] + i + 1}"

    def bias(self, layer: int, j: int | None) -> str:
        return f"b{layer}" if j is None else f"b{layer}_{self.neuron_id(layer, j)}"


def seed004() -> Notation:
    return Notation(layers=[{"a": "x"}, {"z": "z", "a": "h", "W": "W", "b": "b"},
                            {"z": "t", "a": "o", "W": "U", "b": "c"}])
