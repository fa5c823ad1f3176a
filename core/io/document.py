"""The files people keep: a Project as a versioned JSON document, saved atomically, loaded with checks.

A file looks like this (version 2; positions in error messages count from 1, as the texts do, so
`layers[2]` is the second layer after the input and `layers[2].W[1][2]` is its W{2}[1,2]):

    {"format": "backprop-lab", "version": 1, "name": "...", "description": "...",
     "inputs": 2, "loss": "half_sse",
     "layers": [{"size": 2, "activation": "sigmoid", "bias": "none",
                 "W": [[0.3, 0.4], [0.25, 0.35]],      # W[i][j]: from neuron i of the layer before to j
                 "b": [...],                           # absent for bias "none", one value for "shared"
                 "frozen_W": [[false, true], ...],     # optional, written only where something is frozen
                 "frozen_b": [...]}, ...],
     "notation": {"layers": [{"a": "x"}, ...], "target": "y", "loss": "E", "delta": "δ"},
     "data": {"inputs": [[0.1, 0.2]], "targets": [[0.4, 0.6]]},
     "settings": {"lr": 0.5, "momentum": 0.0, "mode": "sample", "shuffle": false, "batch_size": 2, "seed": 0,
                  "optimizer": "sgd", "beta1": 0.9, "beta2": 0.999, "eps": 1e-8, "weight_decay": 0.0,
                  "batch_loss": "mean"},     # the last six from version 2 on (version 1: their defaults)
     "source": [{"quantity": "a1[1]", "printed": "0.51998934", "note": "...", "where": "..."}, ...],
     "history": {...},          # version 3: the training history (core.io.document_history), if saved with it
     "test": {"inputs": [[0.5, 0.1]], "targets": [[1.0]]}}   # version 4: samples held out of training

Numbers are written in round-trip form (repr), so save → load gives back every float bit for bit. The
`source` entries (numbers a text prints) and their quantity keys are described in core/presets.py.

Loading never evaluates or unpickles anything: the text is parsed by the json module with NaN, Infinity
and out-of-range numbers turned into markers that the checks reject with the field's name. A file that
is too large is refused before it is read.
"""
from __future__ import annotations

import dataclasses
import json
import os
from pathlib import Path
from typing import Any

import numpy as np

from backprop_lab.core.io import document_history
from backprop_lab.core.io.atomic import NotAFileError, atomic_open
from backprop_lab.core.io.document_checks import (
    DocumentError,
    _BadNumber,
    _choice,
    _describe,
    _fail,
    _flag,
    _matrix,
    _no_duplicates,
    _number,
    _object,
    _parse_float,
    _parse_int,
    _samples,
    _text,
    _vector,
    _whole,
    all_finite,
)
from backprop_lab.core.io.document_settings import read_settings as _settings
from backprop_lab.core.io.document_settings import settings_json
from backprop_lab.core.io.document_text import encode
from backprop_lab.core.io.pieces import PIECE, Pieces, drive
from backprop_lab.core.io.reading import TooLargeError, read_regular
from backprop_lab.core.model.activations import ACTIVATIONS
from backprop_lab.core.model.dataset import Dataset
from backprop_lab.core.model.i18n import fill, translate
from backprop_lab.core.model.losses import LOSSES
from backprop_lab.core.model.network import (
    MAX_LAYERS,
    MAX_NEURONS,
    LayerSpec,
    Network,
    NetworkError,
    validate_shape,
)
from backprop_lab.core.model.notation import QUANTITIES, Notation
from backprop_lab.core.model.project import Project
from backprop_lab.core.numerics.saved_run import SavedRun

FORMAT, VERSION = "backprop-lab", 4      # 2: the optimizer, Adam's β₁ β₂ ε, weight decay, the batch loss;
                                         # 3: the training history (core.io.document_history);
                                         # 4: the held-out test samples of a train/test split
PLAIN_VERSION = 2    # written for a network without its history, so that an older Backprop Lab still reads it
HISTORY_VERSION, TEST_VERSION = 3, 4     # a file is written with the lowest version that holds what is in it
MAX_BYTES = 5 * 1024 * 1024
MAX_SOURCE = 1_000
MAX_NAME, MAX_DESCRIPTION, MAX_SYMBOL, MAX_SOURCE_TEXT = 200, 20_000, 24, 2_000

_TOP = ("format", "version", "name", "description", "inputs", "loss", "layers", "notation", "data",
        "settings", "source", "history", "test")


# ----- reading -------------------------------------------------------------------------------------
def from_json(doc: object) -> Project:
    """Check a parsed document completely and build its Project; raises DocumentError."""
    return drive(from_json_pieces(doc))


def from_json_pieces(doc: object) -> Pieces[Project]:
    """from_json in pieces (a long history's numbers are unpacked and checked a piece at a time)."""
    top = _header(doc)
    n_inputs = _whole(top["inputs"], "inputs", 1, MAX_NEURONS)
    loss = _choice(top["loss"], "loss", tuple(LOSSES), translate("Document", "loss"))
    raw_layers, specs = _layers(top["layers"], n_inputs, loss)
    theta, frozen = _parameters(raw_layers, specs, n_inputs)
    notation = _notation(top.get("notation", {}), len(specs))
    X, Y = _sample_set(top["data"], "data", n_inputs, specs[-1].size)
    test = _test(top, n_inputs, specs[-1].size)
    settings = _settings(top["settings"], top["version"])
    source = _source(top.get("source", []))
    name = _text(top.get("name", ""), "name", MAX_NAME)
    description = _text(top.get("description", ""), "description", MAX_DESCRIPTION)
    try:
        net = Network(n_inputs, specs, loss, np.array(theta, dtype=float), np.array(frozen, dtype=bool), notation)
        dataset = Dataset(np.array(X, dtype=float), np.array(Y, dtype=float))
    except ValueError as e:   # the checks above should leave nothing for these to find
        raise DocumentError(str(e)) from None
    all_finite(net, dataset)
    if test is not None:
        all_finite(net, test, "test")
    project = Project(net, dataset, settings, name, description, source, test)
    if "history" in top:
        if top["version"] < HISTORY_VERSION:
            _fail("history", fill(translate("Document", "a version %1 file has no history (it came with version 3)"),
                                  top["version"]))
        version = top["version"]
        project.history = yield from document_history.from_json(top["history"], net,
                                                                lambda raw, f: _settings(raw, version, f))
    return project


def _header(doc: object) -> dict[str, Any]:
    """The top-level object, once its format and version are ones this Backprop Lab reads."""
    if not isinstance(doc, dict):
        _fail("", fill(translate("Document", "not a Backprop Lab file: expected an object {...} at the top, got %1"),
                       _describe(doc)))
    if doc.get("format") != FORMAT:
        _fail("format", fill(translate("Document", "not a Backprop Lab file (expected \"%1\", got %2)"), FORMAT,
                             _describe(doc.get("format"))))
    version = doc.get("version")
    if isinstance(version, bool) or not isinstance(version, int):
        _fail("version", fill(translate("Document", "must be a whole number, got %1"), _describe(version)))
    if version > VERSION:
        _fail("", fill(translate("Document", "made by a newer Backprop Lab (version %1); this one reads version %2"),
                       version, VERSION))
    if version < 1:
        _fail("version", fill(translate("Document", "unknown version %1; this Backprop Lab reads version %2"),
                              version, VERSION))
    return _object(doc, "", required=("format", "version", "inputs", "loss", "layers", "data", "settings"),
                   optional=_TOP)


def _sample_set(raw: object, field: str, n_in: int, n_out: int) -> tuple[list[list[float]], list[list[float]]]:
    """A set of samples ("data", or a split's held-out "test"): its inputs and its targets."""
    v = _object(raw, field, required=("inputs", "targets"))
    X = _samples(v["inputs"], n_in, f"{field}.inputs")
    Y = _samples(v["targets"], n_out, f"{field}.targets")
    if len(X) != len(Y):
        _fail(field, fill(translate("Document", "%1 samples of inputs but %2 of targets"), len(X), len(Y)))
    return X, Y


def _test(top: dict[str, Any], n_in: int, n_out: int) -> Dataset | None:
    """The held-out samples of a train/test split (version 4 on), None when the file has none."""
    if "test" not in top:
        return None
    if top["version"] < TEST_VERSION:
        _fail("test", fill(translate("Document", "a version %1 file has no test samples (they came with version %2)"),
                           top["version"], TEST_VERSION))
    X, Y = _sample_set(top["test"], "test", n_in, n_out)
    return Dataset(np.array(X, dtype=float), np.array(Y, dtype=float))


def _layers(raw_layers: object, n_inputs: int, loss: str) -> tuple[list[dict[str, Any]], list[LayerSpec]]:
    """Each layer's object and its shape (size, activation, bias), checked together as a network."""
    if not isinstance(raw_layers, list) or not 1 <= len(raw_layers) <= MAX_LAYERS:
        _fail("layers", fill(translate("Document", "must be a list of 1 to %1 layers after the input, got %2"),
                             MAX_LAYERS, _describe(raw_layers)))
    raws, specs = [], []
    for l, raw in enumerate(raw_layers, start=1):
        f = f"layers[{l}]"
        raws.append(_object(raw, f, required=("size", "activation", "bias", "W"),
                            optional=("b", "frozen_W", "frozen_b")))
        specs.append(LayerSpec(_whole(raw["size"], f"{f}.size", 1, MAX_NEURONS),
                               _choice(raw["activation"], f"{f}.activation", tuple(ACTIVATIONS),
                                       translate("Document", "activation")),
                               _choice(raw["bias"], f"{f}.bias", ("none", "neuron", "shared"),
                                       translate("Document", "bias mode"))))
    try:
        validate_shape(n_inputs, specs, loss)
    except NetworkError as e:
        raise DocumentError(str(e)) from None
    return raws, specs


def _parameters(raw_layers: list[dict[str, Any]], specs: list[LayerSpec],
                n_inputs: int) -> tuple[list[float], list[bool]]:
    """theta and the frozen flags, in theta's order, from each layer's W, b, frozen_W and frozen_b."""
    theta: list[float] = []
    frozen: list[bool] = []
    sizes = [n_inputs] + [s.size for s in specs]
    for l, (raw, spec) in enumerate(zip(raw_layers, specs), start=1):
        f, n_in, nb = f"layers[{l}]", sizes[l - 1], spec.n_bias()
        W = _matrix(raw["W"], n_in, spec.size, f"{f}.W", _number)
        fW = _matrix(raw["frozen_W"], n_in, spec.size, f"{f}.frozen_W", _flag) if "frozen_W" in raw \
            else [[False] * spec.size] * n_in
        b: list[float] = []
        fb: list[bool] = []
        if spec.bias == "none":
            for key in ("b", "frozen_b"):
                if key in raw and raw[key] != []:
                    _fail(f"{f}.{key}", translate("Document", "this layer has no bias (bias is \"none\")"))
        else:
            if "b" not in raw:
                _fail(f"{f}.b", fill(translate("Document", "missing (the layer's bias is \"%1\")"), spec.bias))
            b = _vector(raw["b"], nb, f"{f}.b", _number)
            fb = _vector(raw["frozen_b"], nb, f"{f}.frozen_b", _flag) if "frozen_b" in raw else [False] * nb
        theta += [x for row in W for x in row] + b
        frozen += [x for row in fW for x in row] + fb
    return theta, frozen


def _notation(raw: object, depth: int) -> Notation:
    v = _object(raw, "notation", optional=("layers", "target", "loss", "delta"))
    layers = v.get("layers", [])
    if not isinstance(layers, list) or len(layers) > depth + 1:
        _fail("notation.layers", fill(translate("Document", "must be a list of at most %1 objects (input and each "
                                                "layer), got %2"), depth + 1, _describe(layers)))
    symbols = []
    for l, entry in enumerate(layers):
        f = f"notation.layers[{l}]"
        _object(entry, f, optional=QUANTITIES)
        symbols.append({q: _text(s, f"{f}.{q}", MAX_SYMBOL, empty=False) for q, s in entry.items()})
    extra = {k: _text(v[k], f"notation.{k}", MAX_SYMBOL, empty=False)
             for k in ("target", "loss", "delta") if k in v}
    return Notation(layers=symbols, target=extra.get("target", "y"), loss=extra.get("loss", "E"),
                    delta=extra.get("delta", "δ"))


def _source(v: object) -> list[dict[str, str]]:
    if not isinstance(v, list) or len(v) > MAX_SOURCE:
        _fail("source", fill(translate("Document", "must be a list of at most %1 entries, got %2"), MAX_SOURCE,
                             _describe(v)))
    out = []
    for i, raw in enumerate(v, start=1):
        f = f"source[{i}]"
        entry = _object(raw, f, required=("quantity", "printed"), optional=("note", "where"))
        out.append({k: _text(x, f"{f}.{k}", MAX_SOURCE_TEXT, empty=(k != "quantity")) for k, x in entry.items()})
    return out


def loads(raw: bytes | str) -> Project:
    """Parse and check the text of a file."""
    return drive(loads_pieces(raw))


def loads_pieces(raw: bytes | str) -> Pieces[Project]:
    return (yield from from_json_pieces(parse(raw)))


def parse(raw: bytes | str) -> object:
    """The JSON values of a file's text (not yet checked: from_json does)."""
    text = raw
    if isinstance(raw, bytes):
        if b"\0" in raw:
            _fail("", translate("Document", "not a Backprop Lab file: it holds binary data, not text"))
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError as e:
            _fail("", fill(translate("Document", "not a Backprop Lab file: not UTF-8 text (byte %1)"), e.start + 1))
    assert isinstance(text, str)
    if len(text) > MAX_BYTES:
        _fail("", _too_large(len(text.encode("utf-8", "surrogatepass"))))
    try:
        doc = json.loads(text, parse_constant=_BadNumber, parse_float=_parse_float, parse_int=_parse_int,
                         object_pairs_hook=_no_duplicates)
    except json.JSONDecodeError as e:
        _fail("", fill(translate("Document", "not a Backprop Lab file: not valid JSON (%1 at line %2, column %3)"),
                       e.msg, e.lineno, e.colno))
    except RecursionError:
        _fail("", translate("Document", "not a Backprop Lab file: lists or objects nested too deeply"))
    return doc


def _too_large(n: int) -> str:
    return fill(translate("Document", "the file is %1 MB; a Backprop Lab file is at most %2 MB"),
                f"{n / 2 ** 20:.1f}", MAX_BYTES // 2 ** 20)


def load(where: str | os.PathLike[str]) -> Project:
    """Read and check a file. Refuses anything but a regular file without blocking (core.io.reading),
    and a file over MAX_BYTES before reading it."""
    return drive(load_pieces(where))


def load_pieces(where: str | os.PathLike[str]) -> Pieces[Project]:
    return (yield from loads_pieces(read(where)))


def read(where: str | os.PathLike[str]) -> bytes:
    """A file's bytes, refused (DocumentError) as load refuses it."""
    path = Path(where)
    try:
        raw = read_regular(path, MAX_BYTES)
    except FileNotFoundError:
        _fail("", fill(translate("Document", "no such file: %1"), path))
    except NotAFileError as e:
        _fail("", str(e))
    except TooLargeError as e:
        _fail("", _too_large(e.size))
    except OSError as e:
        _fail("", fill(translate("Document", "cannot read %1: %2"), path, e.strerror or e))
    if len(raw) > MAX_BYTES:    # it grew while it was read
        _fail("", fill(translate("Document", "the file is over %1 MB; a Backprop Lab file is at most that"),
                       MAX_BYTES // 2 ** 20))
    return raw


# ----- writing -------------------------------------------------------------------------------------
def to_json(project: Project) -> dict[str, Any]:
    """The document of a project, as plain JSON values (not checked: save checks before writing)."""
    net, data, s = project.net, project.data, project.settings
    layers = []
    for l, spec in enumerate(net.layers, start=1):
        entry: dict[str, Any] = {"size": spec.size, "activation": spec.activation, "bias": spec.bias,
                                 "W": net.W[l - 1].tolist()}
        if spec.bias != "none":
            entry["b"] = net.b[l - 1].tolist()
        if net.frozen_W[l - 1].any():
            entry["frozen_W"] = net.frozen_W[l - 1].tolist()
        if net.frozen_b[l - 1].any():
            entry["frozen_b"] = net.frozen_b[l - 1].tolist()
        layers.append(entry)
    doc = {"format": FORMAT, "version": PLAIN_VERSION, "name": project.name, "description": project.description,
           "inputs": net.n_inputs, "loss": net.loss, "layers": layers, "notation": net.notation.to_json(),
           "data": {"inputs": data.X.tolist(), "targets": data.Y.tolist()},
           "settings": settings_json(s),
           "source": [dict(entry) for entry in project.source]}
    if project.test is not None:
        doc["version"] = TEST_VERSION
        doc["test"] = {"inputs": project.test.X.tolist(), "targets": project.test.Y.tolist()}
    return doc


def dumps(project: Project, run: SavedRun | None = None) -> str:
    """The file's text; raises DocumentError for a project that load would refuse (NaN, bad shapes).
    With `run`, the training history goes with it (dumps_with_history)."""
    return dumps_with_history(project, run)[0]


def dumps_with_history(project: Project, run: SavedRun | None) -> tuple[str, int]:
    """The text with the history, kept within MAX_BYTES, and 0 or the step before which its losses had
    to be thinned to fit (core.io.document_history.to_json)."""
    return drive(dumps_pieces(project, run))


def dumps_pieces(project: Project, run: SavedRun | None) -> Pieces[tuple[str, int]]:
    """dumps_with_history in pieces. What it writes is read in its first piece, all at one moment: the
    project's JSON, and the history in a copy of its own (training may go on between the pieces)."""
    doc = to_json(project)
    from_json(doc)
    text = encode(doc) + "\n"
    if run is None:
        return text, 0
    run = dataclasses.replace(run, history=run.history.copy(), kept=list(run.kept))
    budget = MAX_BYTES - len(text.encode("utf-8")) - 4096     # the history's packed text is ASCII
    doc["version"] = max(doc["version"], HISTORY_VERSION)
    doc["history"], thinned = yield from document_history.to_json(run, settings_json, budget)
    text = encode(doc) + "\n"
    yield from loads_pieces(text)   # the history checked as load will check it, on the text load will read
    return text, thinned


def save(project: Project, path: str | os.PathLike[str], run: SavedRun | None = None) -> int:
    """Write atomically (core.io.atomic): a failure at any point leaves the old file (or no file) and
    never a partial one; a file saved over keeps its permissions. With `run`, the training history
    goes with the network; returns 0, or the step before which its losses were thinned to fit."""
    return drive(save_pieces(project, path, run))


def save_pieces(project: Project, path: str | os.PathLike[str], run: SavedRun | None = None) -> Pieces[int]:
    """save in pieces; closed before its end (Cancel), it leaves the old file as it was and no other."""
    text, thinned = yield from dumps_pieces(project, run)
    data = text.encode("utf-8")
    if len(data) > MAX_BYTES:
        _fail("", fill(translate("Document", "too large to save: %1 MB (a file is at most %2 MB)"),
                       f"{len(data) / 2 ** 20:.1f}", MAX_BYTES // 2 ** 20))
    try:
        with atomic_open(path) as f:
            for i in range(0, len(data), PIECE):
                f.write(data[i:i + PIECE])
                yield min(PIECE, len(data) - i)
    except OSError as e:
        raise DocumentError(fill(translate("Document", "cannot save %1: %2"), path, e.strerror or e)) from e
    return thinned
