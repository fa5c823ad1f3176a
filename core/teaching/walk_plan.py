"""The walk-through's units (core.teaching.walk_units) in teaching order, with how many steps each
writes, counted without writing any; and which unit writes the step of a given quantity key."""
from __future__ import annotations

import numpy as np

from backprop_lab.core.model import activations as act
from backprop_lab.core.model.network import Network
from backprop_lab.core.model.quantity import Key
from backprop_lab.core.model.settings import Settings
from backprop_lab.core.numerics.update import rule_of

# A unit: ("forward", l, j) (("forward", l) for a softmax layer), ("loss",), ("output",), ("hidden", l, j),
# ("gradient", l, j), ("update", l, j) (j = SHARED: a layer's shared bias), ("loss_after",).
Unit = tuple[str | int, ...]
SHARED = -1


def plan(net: Network, settings: Settings) -> list[tuple[Unit, int]]:
    """Every unit in teaching order with the number of steps it writes (Walker.unit's, uncomputed)."""
    L, n = net.depth, net.sizes[-1]
    elementwise = act.ACTIVATIONS[net.layers[-1].activation].elementwise
    out: list[tuple[Unit, int]] = []
    for l in range(1, L + 1):       # neuron by neuron (z, a), a softmax layer's z all before its a
        out += [(("forward", l), 2 * net.sizes[l])] if _softmax(net, l) else \
            [(("forward", l, j), 2) for j in range(net.sizes[l])]
    out += [(("loss",), n + 1), (("output",), (3 if elementwise else 2) * n)]
    out += [(("hidden", l, j), net.sizes[l + 1] + 3) for l in range(L - 1, 0, -1) for j in range(net.sizes[l])]
    params = _param_units(net)
    out += [(("gradient",) + unit, len(idx)) for unit, idx in params]
    rule = rule_of(settings).name
    for unit, idx in params:
        frozen = int(np.count_nonzero(net.frozen[idx]))
        moving = len(idx) - frozen
        extra = (1 if settings.weight_decay else 0) * moving + (len(idx) if rule == "momentum" else 0) \
            + (4 * moving if rule == "adam" else 0)
        out.append((("update",) + unit, len(idx) + extra))
    return out + [(("loss_after",), 1)]


def unit_of(net: Network, key: Key) -> Unit | None:
    """The unit that writes the step of quantity `key`, if any unit would (whether the step is there,
    e.g. a bias's gradient, only the unit knows)."""
    kind, l, L = key.kind, key.layer, net.depth
    if kind in ("loss", "loss_term"):
        return ("loss",)
    if kind == "updated:loss":
        return ("loss_after",)
    if l is None or not 0 < l <= L:
        return None
    if kind in ("z", "a"):
        return ("forward", l) if _softmax(net, l) else None if key.j is None else ("forward", l, key.j)
    if kind in ("dE/da", "da/dz", "delta") and l == L:
        return ("output",)
    if kind in ("dE/da", "da/dz", "delta", "dE_k/da"):
        return None if key.j is None else ("hidden", l, key.j)
    if kind == "via:W":
        return None if key.i is None else ("hidden", l - 1, key.i)
    p = key.param
    if p is None:
        return None
    j = p.j if p.j is not None else SHARED
    return ("gradient" if kind.startswith("dE/d") else "update", l, j)


def _softmax(net: Network, l: int) -> bool:
    return net.layers[l - 1].activation == "softmax"


def _param_units(net: Network) -> list[tuple[tuple[int, int], list[int]]]:
    """((l, j), the theta indices of the parameters written in that unit, in order), layers from the top."""
    out = []
    slices = net.slices()
    for l in range(net.depth, 0, -1):
        spec, n_in = net.layers[l - 1], net.sizes[l - 1]
        w0, b0 = slices[l - 1][0].start, slices[l - 1][1].start
        for j in range(spec.size):
            out.append(((l, j), [w0 + i * spec.size + j for i in range(n_in)] + ([b0 + j] if spec.bias == "neuron"
                                                                                  else [])))
        if spec.bias == "shared":
            out.append(((l, SHARED), [b0]))
    return out
