"""The one settings specification (core.model.settings.FIELDS): Settings.validate, the document's checks
and the command line all refuse the same values, with the same open and closed ends."""
from __future__ import annotations

import json
import math

import pytest

from backprop_lab.core.io.document import DocumentError, loads, to_json
from backprop_lab.core.io.presets import resolve
from backprop_lab.core.model.settings import FIELDS, MODES, SettingError, Settings

# (field, value, allowed): the edges of every range, on both sides.
EDGES = [("lr", 0.0, False), ("lr", 1e-300, True), ("lr", -0.5, False), ("lr", float("inf"), False),
         ("momentum", 0.0, True), ("momentum", -1e-12, False), ("momentum", 0.999999, True),
         ("momentum", 1.0, False), ("momentum", float("nan"), False),
         ("batch_size", 0, False), ("batch_size", 1, True), ("batch_size", 10_000, True),
         ("batch_size", 10_001, False), ("mode", "adam", False), *[("mode", m, True) for m in MODES]]


@pytest.mark.parametrize("name,value,allowed", EDGES)
def test_validate_follows_the_spec(name, value, allowed):
    s = Settings(**{name: value})
    if allowed:
        s.validate()
    else:
        with pytest.raises(SettingError) as e:
            s.validate()
        assert e.value.problem.field.name == name and str(e.value).startswith(f"{name}: must be")


def _writable(value) -> bool:    # what a JSON file can hold: no nan or infinity
    return isinstance(value, str) or math.isfinite(value)


@pytest.mark.parametrize("name,value,allowed", [e for e in EDGES if _writable(e[1])])
def test_a_document_refuses_exactly_what_validate_refuses(name, value, allowed):
    doc = to_json(resolve("seed004"))
    doc["settings"][name] = value
    if allowed:
        assert getattr(loads(json.dumps(doc)).settings, name) == value
    else:
        with pytest.raises(DocumentError, match=rf"^settings\.{name}: "):
            loads(json.dumps(doc))


def test_momentum_stays_below_one():
    """The planted bug 'momentum limit loosened from < 1 to ≤ 1' must fail here."""
    m = FIELDS["momentum"]
    assert m.problem(1.0) is not None and m.problem(1.0).code == "out_of_range"
    assert m.interval() == "[0, 1)"
    with pytest.raises(SettingError, match=r"^momentum: must be at least 0 and below 1, got 1\.0$"):
        Settings(momentum=1.0).validate()


def test_the_defaults_are_the_specs():
    assert {n: getattr(Settings(), n) for n in FIELDS} == {n: f.default for n, f in FIELDS.items()}
    Settings().validate()
