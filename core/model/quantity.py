"""Quantity keys: one name for every number the app computes, shows, stores or checks.

`Key(kind, layer, i, j)` names a quantity with 0-based neuron indices and 1-based layers (layer 0 is the
input). The preset files (their `source` entries) and the trace's CSV header write keys as text keys,
1-based as the texts are: `W2[1,2]`, `b1[3]`, `b1` (a shared bias), `z1[1]`, `a0[2]` (an input), `y[1]`,
`delta2[1]`, `loss_term[1]`, `loss`, `dE/dW1[1,1]`, `dE/db1`, `dE/da1[2]`, `dE2/da1[1]` (the part of
dE/da1[1] reaching the loss through output 2), `da1[1]/dz1[1]`, `updated:W2[1,1]`, `velocity:b2[1]`,
`via:W2[1,2]` (the part of dE/da1[1] through that edge), `grad:W1[1,1]` (the gradient a step uses,
∂E/∂w + λ·w), Adam's `m:`, `v:`, `mhat:`, `vhat:` of a parameter, `updated:loss`, `step`, `sample`, `lr`,
`momentum` and `text:<what>`. `Key.parse` is the one reader of those strings and `str(key)` the one
writer; the two round-trip exactly. Names in a text's notation are made from keys (core.model.notation),
never read back.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

PLAIN = ("step", "sample", "loss", "updated:loss", "lr", "momentum")   # no indices
NEURON = ("z", "a", "delta", "dE/da", "da/dz")                        # (layer, j)
PARAM = ("W", "b")                                                    # W: (layer, i, j); b: (layer, j)
OF_PARAM = ("dE/d", "updated:", "velocity:", "via:",                 # a parameter's gradient, θ⁺, v⁺, path,
            "grad:", "m:", "v:", "mhat:", "vhat:")   # the gradient a step uses (with decay), Adam's m⁺ v⁺ m̂ v̂
INDEXED = ("y", "loss_term")                                          # (j): target k, loss term k
PARAM_KINDS = frozenset(pre + p for pre in ("", *OF_PARAM) for p in PARAM)

_N = r"([1-9]\d*)"          # a 1-based index, as written
_L = r"(0|[1-9]\d*)"        # a layer
_GRAMMAR = [
    ("param", re.compile(rf"(dE/d|updated:|velocity:|via:|grad:|m:|v:|mhat:|vhat:)?([Wb]){_L}"
                         rf"(?:\[{_N}(?:,{_N})?\])?")),
    ("neuron", re.compile(rf"(z|a|delta|dE/da){_L}\[{_N}\]")),
    ("path", re.compile(rf"dE{_N}/da{_L}\[{_N}\]")),
    ("local", re.compile(rf"da{_L}\[{_N}\]/dz\1\[\2\]")),
    ("indexed", re.compile(rf"(y|loss_term)\[{_N}\]")),
]


class Key(NamedTuple):
    """kind: a PLAIN word, a NEURON or INDEXED quantity, "W"/"b", an OF_PARAM prefix plus "W"/"b"
    ("dE/dW", "updated:b", "via:W"), "dE_k/da" (i = output k) or "text" (`text` holds what)."""
    kind: str
    layer: int | None = None
    i: int | None = None
    j: int | None = None       # the neuron; None for a shared bias
    text: str = ""

    # ----- reading and writing the text keys -----------------------------------------------------------
    @classmethod
    def parse(cls, name: str) -> Key:
        """The key a text key names; KeyError for a string that is not one."""
        if name in PLAIN:
            return cls(name)
        if name.startswith("text:"):
            return cls("text", text=name[5:])
        for form, pattern in _GRAMMAR:
            m = pattern.fullmatch(name)
            if m is not None:
                key = _build(form, m.groups())
                if key is not None:
                    return key
        raise KeyError(name)

    def _write(self) -> str:
        kind, l = self.kind, self.layer
        if kind in PLAIN:
            return kind
        if kind == "text":
            return "text:" + self.text
        j = _one(self.j)
        if kind in INDEXED:
            return f"{kind}[{j}]"
        if kind == "da/dz":
            return f"da{l}[{j}]/dz{l}[{j}]"
        if kind in NEURON:
            return f"{kind}{l}[{j}]"
        if kind == "dE_k/da":
            return f"dE{_one(self.i)}/da{l}[{j}]"
        prefix, p = kind[:-1], kind[-1]
        if p == "W":
            return f"{prefix}W{l}[{_one(self.i)},{j}]"
        return f"{prefix}b{l}" + ("" if self.j is None else f"[{j}]")

    # ----- what a key is about ---------------------------------------------------------------------------
    @property
    def prefix(self) -> str:
        """"dE/d", "updated:", "velocity:", "via:" for a key about a parameter, else ""."""
        return self.kind[:-1] if self.kind in PARAM_KINDS else ""

    @property
    def param(self) -> Key | None:
        """The parameter a parameter key (or its gradient, θ⁺, v⁺, path) is about."""
        if self.kind not in PARAM_KINDS:
            return None
        return Key(self.kind[-1], self.layer, self.i, self.j)

    def about(self, prefix: str) -> Key:
        """The key of `prefix` ("dE/d", "updated:", ...) of this parameter key."""
        return _about(self, prefix)

    @property
    def item(self) -> tuple | None:
        """The diagram item the quantity belongs to: ("W", l, i, j), ("b", l, j) (0 for a shared bias),
        ("n", l, j) for a neuron's z, a, δ, dE/da, f'(z) and per-output part; None for the rest."""
        p = self.param
        if p is not None:
            return ("W", p.layer, p.i, p.j) if p.kind == "W" else ("b", p.layer, p.j or 0)
        if self.kind in NEURON or self.kind == "dE_k/da":
            return ("n", self.layer, self.j)
        return None


# Views name and derive the same few dozen keys on every edit: made once, looked up after.
Key.__str__ = lru_cache(maxsize=16384)(Key._write)     # type: ignore[method-assign]


@lru_cache(maxsize=16384)
def _about(key: Key, prefix: str) -> Key:
    return Key(prefix + key.kind, key.layer, key.i, key.j)


@lru_cache(maxsize=16384)
def weight(layer: int, i: int, j: int) -> Key:
    return Key("W", int(layer), int(i), int(j))     # numpy ints in, plain ints kept (cached)


@lru_cache(maxsize=16384)
def bias(layer: int, j: int | None) -> Key:
    """j=None: the bias shared by the whole layer."""
    return Key("b", int(layer), None, None if j is None else int(j))


@lru_cache(maxsize=16384)
def neuron(kind: str, layer: int, j: int) -> Key:
    return Key(kind, int(layer), None, int(j))


def _one(n: int | None) -> int:
    """A 0-based index as the text keys write it, 1-based (a shared bias, None, is written without)."""
    return -1 if n is None else n + 1


def _build(form: str, g: tuple) -> Key | None:
    def n(s: str) -> int:          # 1-based as written → 0-based
        return int(s) - 1

    if form == "param":
        prefix, p, l, a, b = g
        if p == "W":
            return Key((prefix or "") + "W", int(l), n(a), n(b)) if b is not None else None
        if b is not None or prefix == "via:":
            return None
        return Key((prefix or "") + "b", int(l), None, None if a is None else n(a))
    if form == "neuron":
        return Key(g[0], int(g[1]), None, n(g[2]))
    if form == "path":
        return Key("dE_k/da", int(g[1]), n(g[0]), n(g[2]))
    if form == "local":
        return Key("da/dz", int(g[0]), None, n(g[1]))
    return Key(g[0], None, None, n(g[1]))
