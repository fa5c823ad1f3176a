"""A train/test split is saved with the network (document version 4, "test"): Save then Open gives back
the held-out samples bit for bit, with or without the history; a file is written with the lowest version
that holds what is in it; a damaged "test" is refused naming its field; older files still load."""
from __future__ import annotations

import copy
import json

import numpy as np
import pytest

from backprop_lab.core.io.document import DocumentError, dumps, from_json, load, loads, save, to_json
from backprop_lab.core.io.presets import load_preset
from backprop_lab.core.model.dataset import Dataset
from backprop_lab.core.model.generators import generate, split
from backprop_lab.core.numerics.project_model import ProjectModel
from tests.core.test_document import assert_identical, biased_project


def split_project():
    """XOR's network on a generated circle, a quarter held out."""
    p = load_preset("xor")
    parts = split(generate("circle", 40, 0.1, 3), 0.25, 5)
    p.data, p.test = parts.train, parts.test
    return p


def test_save_then_open_keeps_the_held_out_samples(tmp_path):
    p = split_project()
    assert p.test is not None and len(p.test) == 10 and len(p.data) == 30
    save(p, tmp_path / "split.json")
    back = load(tmp_path / "split.json")
    assert_identical(p, back)
    assert back.test.X.tobytes() == p.test.X.tobytes() and back.test.Y.tobytes() == p.test.Y.tobytes()
    doc = json.loads((tmp_path / "split.json").read_text("utf-8"))
    assert doc["version"] == 4 and doc["test"] == {"inputs": p.test.X.tolist(), "targets": p.test.Y.tolist()}


def test_with_the_history_too_and_each_file_takes_the_lowest_version_that_holds_it():
    p = split_project()
    m = ProjectModel(p.copy())
    m.train(50)
    both = loads(dumps(m.project, m.saved_run()))
    assert both.test is not None and both.test.X.tobytes() == p.test.X.tobytes()
    assert ProjectModel(both).trainer.step == 50
    assert json.loads(dumps(m.project, m.saved_run()))["version"] == 4
    plain = load_preset("xor")
    assert json.loads(dumps(plain))["version"] == 2 and "test" not in json.loads(dumps(plain))
    m2 = ProjectModel(plain)
    m2.train(5)
    assert json.loads(dumps(m2.project, m2.saved_run()))["version"] == 3


def test_older_files_load_without_test_samples():
    for version in (1, 2, 3):
        doc = to_json(biased_project())
        doc["version"] = version
        if version == 1:
            for k in ("optimizer", "beta1", "beta2", "eps", "weight_decay", "batch_loss"):
                del doc["settings"][k]
        assert from_json(doc).test is None


def _with_test(**change):
    doc = to_json(biased_project())
    doc["version"] = 4
    doc["test"] = {"inputs": [[0.5, 1.0, -1.0], [2.0, 0.0, 0.25]], "targets": [[0, 1], [1, 0]]}
    for path, value in change.items():
        *parents, last = path.split("__")
        target = doc
        for key in parents:
            target = target[int(key) if key.isdigit() else key]
        if value is None:
            del target[last]
        else:
            target[int(last) if last.isdigit() else last] = value
    return doc


BAD = [
    (dict(version=3), "test: a version 3 file has no test samples (they came with version 4)"),
    (dict(test__inputs__1__0="abc"), "test.inputs[2][1]: must be a number, got text 'abc'"),
    (dict(test__inputs__0=[1.0, 2.0]), "test.inputs[1]: expected 3 values, got 2"),
    (dict(test__targets__1=[1, 0, 0]), "test.targets[2]: expected 2 values, got 3"),
    (dict(test__targets=[[0, 1]]), "test: 2 samples of inputs but 1 of targets"),
    (dict(test__targets=None), "test.targets: missing"),
    (dict(test__inputs=[]), "test.inputs: must be a list of samples, each a list of 3 numbers, got a list of 0"),
    (dict(test__colour="red"), "test.colour: unknown field (known here: inputs, targets)"),
    (dict(test=[1, 2]), "test: must be an object {...}, got a list of 2"),
    (dict(test__inputs__0__2=True), "test.inputs[1][3]: must be a number, got true"),
]


@pytest.mark.parametrize("change,message", BAD)
def test_a_bad_test_set_is_refused_naming_its_field(tmp_path, change, message):
    assert from_json(_with_test()).test is not None      # the good one loads
    doc = _with_test(**change)
    with pytest.raises(DocumentError) as e:
        from_json(copy.deepcopy(doc))
    assert str(e.value).startswith(message)
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(doc), "utf-8")
    with pytest.raises(DocumentError) as e2:
        load(path)
    assert str(e2.value).startswith(message)


def test_a_non_finite_held_out_value_is_named():
    text = json.dumps(_with_test()).replace("0.25", "NaN", 1)
    with pytest.raises(DocumentError, match=r"^test\.inputs\[2\]\[3\]: NaN is not a finite number"):
        loads(text)


def test_a_copy_keeps_the_held_out_samples_apart():
    p = split_project()
    q = p.copy()
    q.test.X[0, 0] = 99.0
    assert p.test.X[0, 0] != 99.0 and isinstance(q.test, Dataset)
    assert np.array_equal(p.test.Y, q.test.Y)
