"""Matches the source: beside each number a preset's text prints, the engine's value, whether it rounds to
what is printed, and where the text is wrong (a recorded erratum), the right value.

Quantity keys are those of core/presets.py plus the walk-through's own (core/walkthrough.py: via:...,
velocity:..., updated:loss). Values come from the walk-through, which reads core.engine.evaluate; keys
the walk does not show (dE{k}/da{l}[j] below the last hidden layer) are answered by core.presets.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

import numpy.typing as npt

from backprop_lab.core.model.dataset import Dataset
from backprop_lab.core.model.i18n import translate
from backprop_lab.core.model.network import Network
from backprop_lab.core.model.numbers import format_number
from backprop_lab.core.model.project import Project
from backprop_lab.core.model.quantity import Key, neuron
from backprop_lab.core.model.settings import Settings
from backprop_lab.core.numerics.trace import parameter_columns, parameter_keys
from backprop_lab.core.teaching.source_values import printed_matches, source_value
from backprop_lab.core.teaching.source_words import CONTEXT
from backprop_lab.core.teaching.walkthrough import single_sample, walk

_DECIMALS = re.compile(r"-?\d+(?:\.(\d+))?")
_TRAILING = re.compile(r"\.(\d+)\s*$")

STATUSES = ("match", "erratum", "mismatch", "text", "unknown", "note_but_matches")


@dataclass(frozen=True)
class Match:
    index: int            # position in project.source
    quantity: str
    printed: str          # exactly as the text prints it
    digits: int | None    # decimals printed (None where the text is not a number)
    value: float | None   # the engine's value (None for text: entries and unknown keys)
    right: str | None     # the engine's value written with the printed decimals
    matches: bool         # the engine's value rounded to the printed decimals reads as printed
    status: str           # one of STATUSES: "erratum" = wrong in the text and recorded with a note,
                          # "mismatch" = wrong without a note (an unrecorded typo, or a bug here)
    note: str
    where: str
    item: tuple[str | int, ...] | None    # the diagram key the number belongs to, if any


def values(net: Network, x: npt.ArrayLike, y: npt.ArrayLike, settings: Settings | None = None,
           velocity: npt.ArrayLike | None = None) -> dict[str, float]:
    """Every quantity of one pass and update on one sample: the walk's steps and the given numbers."""
    settings = settings or Settings()
    x1, y1 = single_sample(net, x, y)
    out = {str(neuron("a", 0, i)): float(v) for i, v in enumerate(x1)}
    out.update({str(Key("y", j=k)): float(v) for k, v in enumerate(y1)})
    out.update(zip(parameter_columns(net), map(float, net.theta)))
    out.update(lr=float(settings.lr), momentum=float(settings.momentum))
    out.update((s.quantity, s.value) for s in walk(net, x1, y1, settings, velocity))
    return out


def normalize(net: Network, quantity: str) -> str:
    """Accepts the network's own names after a prefix ("dE/dU11", "updated:U11", "grad:U11") as well as
    the source keys ("dE/dW2[1,1]")."""
    key = quantity.strip()
    if key.startswith("grad:"):
        key = "dE/d" + key[5:]
    names = dict(zip(net.param_names(), parameter_keys(net)))
    for prefix in ("dE/d", "updated:", "velocity:", ""):
        if key.startswith(prefix) and key[len(prefix):] in names:
            return str(names[key[len(prefix):]].about(prefix))
    return key


def value_of(net: Network, x: npt.ArrayLike, y: npt.ArrayLike, settings: Settings | float | None, quantity: str,
             velocity: npt.ArrayLike | None = None) -> float:
    """The value of one quantity key; KeyError names a key this network has no quantity for."""
    if isinstance(settings, (int, float)):
        settings = Settings(lr=float(settings))
    settings = settings or Settings()
    key = normalize(net, quantity)
    table = values(net, x, y, settings, velocity)
    if key in table:
        return table[key]
    x, y = single_sample(net, x, y)
    v = source_value(Project(net.copy(), Dataset(x[None], y[None]), settings.copy()), key)
    if v is None:
        raise KeyError(f"{quantity!r} is not a number")
    return v


def item_of(quantity: str) -> tuple | None:
    """The diagram key of a quantity: a neuron for z, a, δ, dE/da, da/dz; a weight or bias for the
    parameter, its gradient and its update; None for the loss and the settings."""
    try:
        return Key.parse(quantity).item
    except KeyError:
        return None


def printed_digits(printed: str) -> int | None:
    text = printed.strip().replace("−", "-")
    if m := _DECIMALS.fullmatch(text):
        return len(m.group(1) or "")
    m = _TRAILING.search(text)   # a misprint such as "0.0.52747230" still shows how many decimals were meant
    return len(m.group(1)) if m else None


def match(project: Project, sample: int = 0, velocity: npt.ArrayLike | None = None) -> list[Match]:
    """Each source entry beside the engine's value for it."""
    net, data = project.net, project.data
    x, y = data.X[sample], data.Y[sample]
    table = values(net, x, y, project.settings, velocity)
    out = []
    for n, entry in enumerate(project.source):
        q, printed = entry["quantity"], entry["printed"]
        # the presets' notes in the learner's language (core.teaching.source_words lists them)
        note, where = (translate(CONTEXT, entry.get(k, "")) if entry.get(k) else "" for k in ("note", "where"))
        if q.startswith("text:"):
            out.append(Match(n, q, printed, None, None, None, False, "text", note, where, None))
            continue
        key = normalize(net, q)
        value = table.get(key)
        if value is None:
            try:
                value = source_value(Project(net, Dataset(x[None], y[None]), project.settings), key)
            except KeyError:
                value = None
        digits = printed_digits(printed)
        if value is None:
            out.append(Match(n, q, printed, digits, None, None, False, "unknown", note, where, item_of(key)))
            continue
        ok = printed_matches(printed.strip().replace("−", "-"), value)
        right = format_number(value, digits if digits is not None else 8)
        status = ("note_but_matches" if note else "match") if ok else ("erratum" if note else "mismatch")
        out.append(Match(n, q, printed, digits, value, right, ok, status, note, where, item_of(key)))
    return out
