"""The files people keep: a Project as a versioned JSON document, saved atomically, loaded with checks.

A file looks like this (version 1; positions in error messages count from 1, as the texts do, so
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
     "settings": {"lr": 0.5, "momentum": 0.0, "mode": "sample", "shuffle": false, "batch_size": 2, "seed": 0},
     "source": [{"quantity": "a1[1]", "printed": "0.51998934", "note": "...", "where": "..."}, ...]}

Numbers are written in round-trip form (repr), so save → load gives back every float bit for bit. The
`source` entries (numbers a text prints) and their quantity keys are described in core/presets.py.

Loading never evaluates or unpickles anything: the text is parsed by the json module with NaN, Infinity
and out-of-range numbers turned into markers that the checks reject with the field's name. A file that
is too large is refused before it is read.
"""
from __future__ import annotations

import json
import math
import os
import stat
from pathlib import Path

import numpy as np

from backprop_lab.core.io.atomic import write_bytes
from backprop_lab.core.model.activations import ACTIVATIONS
from backprop_lab.core.model.dataset import MAX_SAMPLES, Dataset
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
from backprop_lab.core.model.settings import FIELDS, Settings

FORMAT, VERSION = "backprop-lab", 1
MAX_BYTES = 5 * 1024 * 1024
MAX_SOURCE = 1_000
MAX_NAME, MAX_DESCRIPTION, MAX_SYMBOL, MAX_SOURCE_TEXT = 200, 20_000, 24, 2_000

_TOP = ("format", "version", "name", "description", "inputs", "loss", "layers", "notation", "data",
        "settings", "source")
_SETTINGS = ("lr", "momentum", "mode", "shuffle", "batch_size", "seed")


class DocumentError(ValueError):
    """A file or project that cannot be loaded or saved; the message names the field and what is wrong."""


def _fail(field: str, what: str):
    raise DocumentError(f"{field}: {what}" if field else what)


class _BadNumber:
    """Stands in for NaN, Infinity, or a number too large for a float, so the check that meets it can
    name the field."""

    def __init__(self, token: str):
        self.token = token if len(token) <= 24 else f"a number of {len(token)} characters"


def _parse_float(token: str):
    value = float(token)
    return value if math.isfinite(value) else _BadNumber(token)


def _parse_int(token: str):
    return int(token) if len(token) <= 40 else _BadNumber(token)


def _no_duplicates(pairs):
    seen = {}
    for key, value in pairs:
        if key in seen:
            _fail("", f"not a valid Backprop Lab file: the field {key!r} appears twice in one object")
        seen[key] = value
    return seen


# ----- checks --------------------------------------------------------------------------------------
def _describe(v) -> str:
    if isinstance(v, _BadNumber):
        return v.token
    if v is None or isinstance(v, bool):
        return json.dumps(v)
    if isinstance(v, str):
        return f"text {v[:30]!r}"
    if isinstance(v, (list, dict)):
        return f"a list of {len(v)}" if isinstance(v, list) else "an object"
    return repr(v)


def _number(v, field: str) -> float:
    if isinstance(v, _BadNumber):
        _fail(field, f"{v.token} is not a finite number")
    if isinstance(v, bool) or not isinstance(v, (int, float)):
        _fail(field, f"must be a number, got {_describe(v)}")
    try:
        f = float(v)
    except OverflowError:
        f = math.inf
    if not math.isfinite(f):
        _fail(field, f"must be a finite number, got {_describe(v)}")
    return f


def _flag(v, field: str) -> bool:
    if not isinstance(v, bool):
        _fail(field, f"must be true or false, got {_describe(v)}")
    return v


def _whole(v, field: str, lo: int, hi: int) -> int:
    if isinstance(v, bool) or not isinstance(v, int) or not lo <= v <= hi:
        _fail(field, f"must be a whole number from {lo} to {hi}, got {_describe(v)}")
    return v


def _text(v, field: str, limit: int, empty: bool = True) -> str:
    if not isinstance(v, str):
        _fail(field, f"must be text, got {_describe(v)}")
    if not empty and not v:
        _fail(field, "must not be empty")
    if len(v) > limit:
        _fail(field, f"is {len(v)} characters long; at most {limit} are allowed")
    try:
        v.encode("utf-8")
    except UnicodeEncodeError:
        _fail(field, "holds characters that cannot be written as UTF-8")
    return v


def _choice(v, field: str, options, what: str) -> str:
    if not isinstance(v, str) or v not in options:
        _fail(field, f"unknown {what} {_describe(v) if not isinstance(v, str) else repr(v)} "
                     f"(one of {', '.join(options)})")
    return v


def _object(v, field: str, required=(), optional=()) -> dict:
    if not isinstance(v, dict):
        _fail(field, f"must be an object {{...}}, got {_describe(v)}")
    for key in v:
        if key not in required and key not in optional:
            _fail(f"{field}.{key}" if field else str(key),
                  f"unknown field (known here: {', '.join((*required, *optional))})")
    for key in required:
        if key not in v:
            _fail(f"{field}.{key}" if field else key, "missing")
    return v


def _vector(v, n: int, field: str, item=_number) -> list:
    if not isinstance(v, list):
        _fail(field, f"must be a list of {n} values, got {_describe(v)}")
    if len(v) != n:
        _fail(field, f"expected {n} value{'s' if n != 1 else ''}, got {len(v)}")
    return [item(x, f"{field}[{i}]") for i, x in enumerate(v, start=1)]


def _matrix(v, rows: int, cols: int, field: str, item=_number) -> list:
    shape = f"{rows}×{cols} values ({rows} row{'s' if rows != 1 else ''} of {cols})"
    if not isinstance(v, list):
        _fail(field, f"expected {shape}, got {_describe(v)}")
    if any(not isinstance(r, list) for r in v):
        _fail(field, f"expected {shape}, got a flat list of {len(v)}" if v else f"expected {shape}, got none")
    if len(v) != rows:
        _fail(field, f"expected {shape}, got {len(v)} row{'s' if len(v) != 1 else ''}")
    return [_vector(r, cols, f"{field}[{i}]", item) for i, r in enumerate(v, start=1)]


def _samples(v, n: int, field: str) -> list:
    if not isinstance(v, list) or not v:
        _fail(field, f"must be a list of samples, each a list of {n} numbers, got {_describe(v)}")
    if len(v) > MAX_SAMPLES:
        _fail(field, f"{len(v)} samples; at most {MAX_SAMPLES} are allowed")
    return _matrix(v, len(v), n, field)


# ----- reading -------------------------------------------------------------------------------------
def from_json(doc) -> Project:
    """Check a parsed document completely and build its Project; raises DocumentError."""
    if not isinstance(doc, dict):
        _fail("", f"not a Backprop Lab file: expected an object {{...}} at the top, got {_describe(doc)}")
    if doc.get("format") != FORMAT:
        _fail("format", f"not a Backprop Lab file (expected \"{FORMAT}\", got {_describe(doc.get('format'))})")
    version = doc.get("version")
    if isinstance(version, bool) or not isinstance(version, int):
        _fail("version", f"must be a whole number, got {_describe(version)}")
    if version > VERSION:
        _fail("", f"made by a newer Backprop Lab (version {version}); this one reads version {VERSION}")
    if version < 1:
        _fail("version", f"unknown version {version}; this Backprop Lab reads version {VERSION}")
    _object(doc, "", required=("format", "version", "inputs", "loss", "layers", "data", "settings"),
            optional=_TOP)

    n_inputs = _whole(doc["inputs"], "inputs", 1, MAX_NEURONS)
    loss = _choice(doc["loss"], "loss", tuple(LOSSES), "loss")
    raw_layers = doc["layers"]
    if not isinstance(raw_layers, list) or not 1 <= len(raw_layers) <= MAX_LAYERS:
        _fail("layers", f"must be a list of 1 to {MAX_LAYERS} layers after the input, got {_describe(raw_layers)}")
    specs = []
    for l, raw in enumerate(raw_layers, start=1):
        f = f"layers[{l}]"
        _object(raw, f, required=("size", "activation", "bias", "W"), optional=("b", "frozen_W", "frozen_b"))
        specs.append(LayerSpec(_whole(raw["size"], f"{f}.size", 1, MAX_NEURONS),
                               _choice(raw["activation"], f"{f}.activation", tuple(ACTIVATIONS), "activation"),
                               _choice(raw["bias"], f"{f}.bias", ("none", "neuron", "shared"), "bias mode")))
    try:
        validate_shape(n_inputs, specs, loss)
    except NetworkError as e:
        raise DocumentError(str(e)) from None

    theta, frozen = [], []
    sizes = [n_inputs] + [s.size for s in specs]
    for l, (raw, spec) in enumerate(zip(raw_layers, specs), start=1):
        f, n_in, nb = f"layers[{l}]", sizes[l - 1], spec.n_bias()
        W = _matrix(raw["W"], n_in, spec.size, f"{f}.W")
        fW = _matrix(raw["frozen_W"], n_in, spec.size, f"{f}.frozen_W", _flag) if "frozen_W" in raw \
            else [[False] * spec.size] * n_in
        if spec.bias == "none":
            for key in ("b", "frozen_b"):
                if key in raw and raw[key] != []:
                    _fail(f"{f}.{key}", "this layer has no bias (bias is \"none\")")
            b, fb = [], []
        else:
            if "b" not in raw:
                _fail(f"{f}.b", f"missing (the layer's bias is \"{spec.bias}\")")
            b = _vector(raw["b"], nb, f"{f}.b")
            fb = _vector(raw["frozen_b"], nb, f"{f}.frozen_b", _flag) if "frozen_b" in raw else [False] * nb
        theta += [x for row in W for x in row] + b
        frozen += [x for row in fW for x in row] + fb

    notation = _notation(doc.get("notation", {}), len(specs))
    data = _object(doc["data"], "data", required=("inputs", "targets"))
    X = _samples(data["inputs"], n_inputs, "data.inputs")
    Y = _samples(data["targets"], sizes[-1], "data.targets")
    if len(X) != len(Y):
        _fail("data", f"{len(X)} samples of inputs but {len(Y)} of targets")
    settings = _settings(doc["settings"])
    source = _source(doc.get("source", []))
    name = _text(doc.get("name", ""), "name", MAX_NAME)
    description = _text(doc.get("description", ""), "description", MAX_DESCRIPTION)
    try:
        net = Network(n_inputs, specs, loss, np.array(theta, dtype=float), np.array(frozen, dtype=bool), notation)
        dataset = Dataset(np.array(X, dtype=float), np.array(Y, dtype=float))
    except ValueError as e:   # the checks above should leave nothing for these to find
        raise DocumentError(str(e)) from None
    return Project(net, dataset, settings, name, description, source)


def _notation(v, depth: int) -> Notation:
    _object(v, "notation", optional=("layers", "target", "loss", "delta"))
    layers = v.get("layers", [])
    if not isinstance(layers, list) or len(layers) > depth + 1:
        _fail("notation.layers", f"must be a list of at most {depth + 1} objects (input and each layer), "
                                 f"got {_describe(layers)}")
    symbols = []
    for l, entry in enumerate(layers):
        f = f"notation.layers[{l}]"
        _object(entry, f, optional=QUANTITIES)
        symbols.append({q: _text(s, f"{f}.{q}", MAX_SYMBOL, empty=False) for q, s in entry.items()})
    extra = {k: _text(v[k], f"notation.{k}", MAX_SYMBOL, empty=False)
             for k in ("target", "loss", "delta") if k in v}
    return Notation(layers=symbols, **extra)


def _settings(v) -> Settings:
    """Types as a file writes them (document words); the allowed ranges from core.model.settings.FIELDS."""
    _object(v, "settings", required=_SETTINGS)

    def ranged(name: str, value):
        problem = FIELDS[name].problem(value)
        if problem:
            _fail(f"settings.{name}", f"{problem.requirement()}, got {value!r}")
        return value

    def whole(name: str) -> int:
        f = FIELDS[name]
        return _whole(v[name], f"settings.{name}", int(f.low or 0), int(f.high or 0))

    return Settings(lr=ranged("lr", _number(v["lr"], "settings.lr")),
                    momentum=ranged("momentum", _number(v["momentum"], "settings.momentum")),
                    mode=_choice(v["mode"], "settings.mode", FIELDS["mode"].choices, "update mode"),
                    shuffle=_flag(v["shuffle"], "settings.shuffle"),
                    batch_size=whole("batch_size"), seed=whole("seed"))


def _source(v) -> list[dict]:
    if not isinstance(v, list) or len(v) > MAX_SOURCE:
        _fail("source", f"must be a list of at most {MAX_SOURCE} entries, got {_describe(v)}")
    out = []
    for i, entry in enumerate(v, start=1):
        f = f"source[{i}]"
        _object(entry, f, required=("quantity", "printed"), optional=("note", "where"))
        out.append({k: _text(x, f"{f}.{k}", MAX_SOURCE_TEXT, empty=(k != "quantity")) for k, x in entry.items()})
    return out


def loads(raw: bytes | str) -> Project:
    """Parse and check the text of a file."""
    if isinstance(raw, bytes):
        if b"\0" in raw:
            _fail("", "not a Backprop Lab file: it holds binary data, not text")
        try:
            raw = raw.decode("utf-8-sig")
        except UnicodeDecodeError as e:
            _fail("", f"not a Backprop Lab file: not UTF-8 text (byte {e.start + 1})")
    if len(raw) > MAX_BYTES:
        _fail("", _too_large(len(raw.encode("utf-8", "surrogatepass"))))
    try:
        doc = json.loads(raw, parse_constant=_BadNumber, parse_float=_parse_float, parse_int=_parse_int,
                         object_pairs_hook=_no_duplicates)
    except json.JSONDecodeError as e:
        _fail("", f"not a Backprop Lab file: not valid JSON ({e.msg} at line {e.lineno}, column {e.colno})")
    except RecursionError:
        _fail("", "not a Backprop Lab file: lists or objects nested too deeply")
    return from_json(doc)


def _too_large(n: int) -> str:
    return f"the file is {n / 2 ** 20:.1f} MB; a Backprop Lab file is at most {MAX_BYTES // 2 ** 20} MB"


def load(path) -> Project:
    """Read and check a file. Refuses a file over MAX_BYTES before reading it."""
    path = Path(path)
    try:
        info = os.stat(path)
        if stat.S_ISDIR(info.st_mode):
            _fail("", f"{path} is a folder, not a file")
        if info.st_size > MAX_BYTES:
            _fail("", _too_large(info.st_size))
        with open(path, "rb") as f:
            raw = f.read(MAX_BYTES + 1)   # a file that grew, or a device, still stops here
    except FileNotFoundError:
        _fail("", f"no such file: {path}")
    except OSError as e:
        _fail("", f"cannot read {path}: {e.strerror or e}")
    if len(raw) > MAX_BYTES:
        _fail("", f"the file is over {MAX_BYTES // 2 ** 20} MB; a Backprop Lab file is at most that")
    return loads(raw)


# ----- writing -------------------------------------------------------------------------------------
def to_json(project: Project) -> dict:
    """The document of a project, as plain JSON values (not checked: save checks before writing)."""
    net, data, s = project.net, project.data, project.settings
    layers = []
    for l, spec in enumerate(net.layers, start=1):
        entry = {"size": spec.size, "activation": spec.activation, "bias": spec.bias, "W": net.W[l - 1].tolist()}
        if spec.bias != "none":
            entry["b"] = net.b[l - 1].tolist()
        if net.frozen_W[l - 1].any():
            entry["frozen_W"] = net.frozen_W[l - 1].tolist()
        if net.frozen_b[l - 1].any():
            entry["frozen_b"] = net.frozen_b[l - 1].tolist()
        layers.append(entry)
    return {"format": FORMAT, "version": VERSION, "name": project.name, "description": project.description,
            "inputs": net.n_inputs, "loss": net.loss, "layers": layers, "notation": net.notation.to_json(),
            "data": {"inputs": data.X.tolist(), "targets": data.Y.tolist()},
            "settings": {k: getattr(s, k) for k in _SETTINGS},
            "source": [dict(entry) for entry in project.source]}


def _scalar(v) -> str:
    if isinstance(v, np.generic):
        v = v.item()
    return json.dumps(v, ensure_ascii=False, allow_nan=False)


def _encode(v, depth: int = 0) -> str:
    """JSON with one line per matrix row and per short object, so a file reads like the network."""
    pad = "  " * depth
    if isinstance(v, dict):
        if all(not isinstance(x, (dict, list)) for x in v.values()):
            line = "{" + ", ".join(f"{_scalar(k)}: {_scalar(x)}" for k, x in v.items()) + "}"
            if len(line) <= 110:
                return line
        items = [f"{pad}  {_scalar(k)}: {_encode(x, depth + 1)}" for k, x in v.items()]
        return "{\n" + ",\n".join(items) + "\n" + pad + "}" if items else "{}"
    if isinstance(v, (list, tuple)):
        if all(not isinstance(x, (dict, list, tuple)) for x in v):
            return "[" + ", ".join(_scalar(x) for x in v) + "]"
        return "[\n" + ",\n".join(pad + "  " + _encode(x, depth + 1) for x in v) + "\n" + pad + "]"
    return _scalar(v)


def dumps(project: Project) -> str:
    """The file's text; raises DocumentError for a project that load would refuse (NaN, bad shapes)."""
    doc = to_json(project)
    from_json(doc)
    return _encode(doc) + "\n"


def save(project: Project, path) -> None:
    """Write atomically (core.io.atomic): a failure at any point leaves the old file (or no file) and
    never a partial one; a file saved over keeps its permissions."""
    data = dumps(project).encode("utf-8")
    if len(data) > MAX_BYTES:
        _fail("", f"too large to save: {len(data) / 2 ** 20:.1f} MB (a file is at most {MAX_BYTES // 2 ** 20} MB)")
    try:
        write_bytes(path, data)
    except OSError as e:
        raise DocumentError(f"cannot save {path}: {e.strerror or e}") from e
