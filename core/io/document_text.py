"""A document's text: JSON laid out to read like the network, one line per matrix row and per short
object (core.io.document writes it; the json module reads any layout back)."""
from __future__ import annotations

import json

import numpy as np


def _scalar(v: object) -> str:
    if isinstance(v, np.generic):
        v = v.item()
    return json.dumps(v, ensure_ascii=False, allow_nan=False)


def encode(v: object, depth: int = 0) -> str:
    """JSON with one line per matrix row and per short object, so a file reads like the network."""
    pad = "  " * depth
    if isinstance(v, dict):
        if all(not isinstance(x, (dict, list)) for x in v.values()):
            line = "{" + ", ".join(f"{_scalar(k)}: {_scalar(x)}" for k, x in v.items()) + "}"
            if len(line) <= 110:
                return line
        items = [f"{pad}  {_scalar(k)}: {encode(x, depth + 1)}" for k, x in v.items()]
        return "{\n" + ",\n".join(items) + "\n" + pad + "}" if items else "{}"
    if isinstance(v, (list, tuple)):
        if all(not isinstance(x, (dict, list, tuple)) for x in v):
            return "[" + ", ".join(_scalar(x) for x in v) + "]"
        return "[\n" + ",\n".join(pad + "  " + encode(x, depth + 1) for x in v) + "\n" + pad + "]"
    return _scalar(v)
