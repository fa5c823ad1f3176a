"""Names of every quantity, in the notation of the text the learner is reading.

Seed 004 writes x, z, h, t, o, W, U, E; the default is a{l}, z{l}, W{l}, b{l}. Names are 1-based, as in
the texts: `U11` is the weight from h1 to o1 (i = source neuron, j = target neuron).
"""
from __future__ import annotations

from dataclasses import dataclass, field

from backprop_lab.core.model.quantity import Key

QUANTITIES = ("z", "a", "W", "b", "delta")


@dataclass
class Notation:
    """Symbols per layer. `layers[l]` maps a quantity to its symbol for layer l (layer 0 is the input)."""
    layers: list[dict[str, str]] = field(default_factory=list)
    target: str = "y"
    loss: str = "E"
    delta: str = "δ"

    def symbol(self, quantity: str, layer: int) -> str:
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
        return self._join(quantity, layer, j + 1)

    def weight(self, layer: int, i: int, j: int) -> str:
        return self._join("W", layer, i + 1, j + 1)

    def bias(self, layer: int, j: int | None) -> str:
        """j=None names a bias shared by the whole layer."""
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
        return f"{self.target}{k + 1}"

    def loss_term(self, k: int) -> str:
        return f"{self.loss}{k + 1}"

    def to_json(self) -> dict:
        return {"layers": [dict(d) for d in self.layers], "target": self.target, "loss": self.loss,
                "delta": self.delta}

    @classmethod
    def from_json(cls, data: dict) -> Notation:
        return cls(layers=[dict(d) for d in data.get("layers", [])], target=data.get("target", "y"),
                   loss=data.get("loss", "E"), delta=data.get("delta", "δ"))


def seed004() -> Notation:
    return Notation(layers=[{"a": "x"}, {"z": "z", "a": "h", "W": "W", "b": "b"},
                            {"z": "t", "a": "o", "W": "U", "b": "c"}])
