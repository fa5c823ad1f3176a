"""The presets shipped in assets/presets/*.json, and the numbers their source texts print.

A preset is an ordinary document (core/document.py). Its `source` list holds every number the text it
comes from prints, each as {"quantity": key, "printed": the text exactly as printed, "note": erratum
(only where the text is wrong), "where": where in the text (optional)}. The keys name quantities that
source_value() computes from core.engine.evaluate on the data set's first sample. They are the text keys
of core.model.quantity (Key.parse reads them, str(key) writes them; 1-based indices, the trace's column
names where the trace has the quantity):

    a0[i], y[k]                 input i, target k
    z{l}[j], a{l}[j]            neuron j of layer l before and after its activation
    W{l}[i,j], b{l}[j], b{l}    a weight, a bias, a shared bias, as the network holds them
    loss_term[k], loss          E_k and E = Σ_k E_k
    delta{l}[j]                 δ = dE/dz{l}[j]
    dE/da{l}[j]                 dE/da, summed over every path to the loss (seed 004's dE/dh1)
    dE{k}/da{l}[j]              the part of dE/da{l}[j] that reaches the loss through output k alone,
                                i.e. dE_k/da{l}[j] (seed 004's dE1/dh1 and dE2/dh1, which sum to dE/dh1)
    da{l}[j]/dz{l}[j]           the activation's local derivative, f'(z) (seed 004's h1(1-h1))
    dE/dW{l}[i,j], dE/db{l}[j]  gradients (dE/db{l} for a shared bias)
    updated:W{l}[i,j], updated:b{l}[j]   the parameter after one training step with the preset's settings
    lr, momentum                the settings
    text:<what>                 not a number: a formula or word the text prints wrongly (always with a note)

A printed number matches when the value rounded to the printed number of decimals gives exactly the
printed text (printed_matches). An entry with a note records an erratum: its printed text is wrong and
the note says what is right.
"""
from __future__ import annotations

import os
import re
from pathlib import Path

from backprop_lab.core.io.document import DocumentError, load
from backprop_lab.core.model.project import Project

# core/ sits beside assets/ both in the repository and in the installed backprop_lab package
PRESET_DIR = Path(__file__).resolve().parents[2] / "assets" / "presets"
DEFAULT = "seed004"
_NAME = re.compile(r"[a-z0-9_]+")


def names() -> list[str]:
    return sorted(p.stem for p in PRESET_DIR.glob("*.json") if _NAME.fullmatch(p.stem))


def preset_path(name: str) -> Path:
    if not isinstance(name, str) or name not in names():
        raise DocumentError(f"unknown preset {name!r} (one of {', '.join(names())})")
    return PRESET_DIR / f"{name}.json"


def is_shipped(path: str | os.PathLike[str]) -> bool:
    """Is this one of the files installed in PRESET_DIR (through any link)? Those are read-only: the
    window saves a network opened from one elsewhere (Save becomes Save As)."""
    try:
        real = Path(os.path.realpath(path))
        return real.parent == PRESET_DIR.resolve() or real.parent.samefile(PRESET_DIR)
    except OSError:
        return False


def load_preset(name: str) -> Project:
    return load(preset_path(name))


def list_presets() -> list[tuple[str, str, str]]:
    """(name, title, description) of every preset, by name."""
    out = []
    for name in names():
        p = load_preset(name)
        out.append((name, p.name, p.description))
    return out


def resolve(name_or_path: str | os.PathLike[str]) -> Project:
    """A preset by name, else a file by path (write ./seed004 for a file that shares a preset's name)."""
    text = str(name_or_path)
    if text in names():
        return load_preset(text)
    path = Path(text).expanduser()
    if path.exists():
        return load(path)
    raise DocumentError(f"{text!r} is neither a preset ({', '.join(names())}) nor a file")


# ----- the numbers a text prints ---------------------------------------------------------------------
