"""Numbers an exercise hides: while the learner works one out by hand, every view that would show it
shows HIDDEN instead (session.hidden, a frozenset of the keys below; views test membership, which
costs nothing when the set is empty).

Keys name a shown quantity, not an item: ("z", l, j), ("a", l, j), ("delta", l, j), ("dE/da", l, j),
("da/dz", l, j) for neuron j of layer l; ("path", l, j, m) the part of dE/da{l}[j] through the edge to
neuron m of layer l+1; ("grad",) + key, ("new",) + key, ("velocity",) + key for a parameter key
(("W", l, i, j) or ("b", l, j)); ("term", k), ("loss",), ("loss+",) the loss after the update; and
("q", quantity) the walk-through's own key (core.walkthrough), for views that list walk steps.
"""
from __future__ import annotations

from backprop_lab.core.model.quantity import Key

HIDDEN = "?"

_OF_PARAM = {"dE/d": "grad", "updated:": "new", "velocity:": "velocity"}


def _hidden_key(quantity: str) -> tuple | None:
    try:
        key = Key.parse(quantity)
    except KeyError:
        return None
    kind, l, j = key.kind, key.layer or 0, key.j
    if kind in ("z", "a", "delta", "dE/da", "da/dz"):
        return (kind, l, j)
    if kind == "dE_k/da":
        return ("path", l, j, key.i)
    if kind == "via:W":
        return ("path", l - 1, key.i, j)
    if kind in ("loss_term", "loss", "updated:loss"):
        return {"loss_term": ("term", j), "loss": ("loss",), "updated:loss": ("loss+",)}[kind]
    p = key.param
    if p is None or key.prefix not in _OF_PARAM:
        return None
    return (_OF_PARAM[key.prefix],) + (("W", l, p.i, j) if p.kind == "W" else ("b", l, j or 0))


def keys_for(quantity: str) -> frozenset:
    """The keys to hide for one walk-through quantity ("a1[1]", "dE/dW2[1,1]", "updated:loss" ...)."""
    hidden = _hidden_key(quantity)
    return frozenset({("q", quantity)} if hidden is None else {("q", quantity), hidden})


def top_key(key) -> tuple | None:
    """What the chain rule of a selected item computes: a parameter's gradient, a neuron's δ (an input's
    dE/dx)."""
    if key is None:
        return None
    if key[0] == "n":
        return ("delta", key[1], key[2]) if key[1] > 0 else ("dE/da", 0, key[2])
    return ("grad",) + tuple(key)


def node_key(node, top=None) -> tuple | None:
    """The key of a core.derivation node's number (top: the key of the tree's root, see top_key)."""
    kind = getattr(node, "kind", "")
    items: tuple = getattr(node, "items", ())
    if kind in ("param_grad", "batch_mean"):
        return top
    if kind == "delta":
        ref = getattr(node, "ref", None)
        if ref is not None:                     # a factor standing for the δ of the layer above
            return ("delta",) + tuple(ref[1:])
        return top
    if kind == "loss_grad":
        return ("dE/da",) + tuple(items[0][1:])
    if kind == "loss_act_grad":
        return ("delta",) + tuple(items[0][1:])
    if kind == "act_grad" and len(items) == 1:
        return ("da/dz",) + tuple(items[0][1:])
    if kind == "input":
        return ("a",) + tuple(items[0][1:])
    if kind == "path":
        w = _edge(node)
        return None if w is None else ("path", w[1] - 1, w[2], w[3])
    if kind == "path_sum":
        w = _edge(node.terms[0]) if node.terms else None
        return None if w is None else ("dE/da", w[1] - 1, w[2])
    return None


def _edge(path) -> tuple | None:
    """The weight a path of a sum over paths runs along (its last factor)."""
    factors = getattr(path, "factors", ())
    if factors and getattr(factors[-1], "kind", "") == "weight":
        return factors[-1].items[0]
    return None
