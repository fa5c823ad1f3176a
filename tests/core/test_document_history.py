"""Issue 9, "the session keeps its history": a document (version 3) saves the network with its training
history; loaded, the history is the same bit for bit (losses, samples, every rebuilt row and state),
training goes on exactly as if it had never been saved, and a history too long for a file is kept
from a later step on, exactly, with the steps left out said. The history is checked like the rest
of a document: a damaged one is refused naming its field."""
from __future__ import annotations

import json

import numpy as np
import pytest

from backprop_lab.core.io import document, document_history
from backprop_lab.core.io.document import DocumentError, dumps, dumps_with_history, load, loads, save
from backprop_lab.core.io.presets import load_preset
from backprop_lab.core.numerics.project_model import ProjectModel

MODES = ["sample", "minibatch", "batch"]


def same(a, b) -> bool:
    a, b = np.asarray(a, dtype=float), np.asarray(b, dtype=float)
    return a.shape == b.shape and np.array_equal(a.view(np.int64), b.view(np.int64))


def trained(rng, mode: str, optimizer: str = "sgd") -> ProjectModel:
    """XOR trained in random pieces with edits between them (each starts a segment of the history):
    settings, a frozen flag, a parameter, a sample's value, the data set's size, and a branch."""
    p = load_preset("xor")
    p.settings.mode, p.settings.batch_size, p.settings.optimizer = mode, 2, optimizer
    p.settings.momentum = 0.9 if optimizer == "sgd" else 0.0
    m = ProjectModel(p)
    for _ in range(6):
        edit = int(rng.integers(7))
        if edit == 1:
            m.set_setting("lr", 0.3)
        elif edit == 2:
            m.set_setting("shuffle", not m.settings.shuffle)
        elif edit == 3:
            m.set_frozen(0, not m.net.frozen[0])
        elif edit == 4:
            m.set_param(int(rng.integers(m.net.n_params)), 0.25)
        elif edit == 5:
            m.set_data_value("Y", (0, 0), 0.9)
        elif edit == 6 and len(m.trace) > 10:
            m.rewind(m.trainer.branch_state(int(rng.integers(1, len(m.trace)))))
        m.train(int(rng.integers(1, 700)))
    m.set_samples(m.data.X[:3], m.data.Y[:3])
    m.set_setting("batch_size", 1)
    m.train(300)
    return m


def reopened(m: ProjectModel, **kw) -> ProjectModel:
    return ProjectModel(loads(dumps(m.project, m.saved_run(), **kw)))


@pytest.mark.parametrize("optimizer", ["sgd", "adam"])
@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("seed", range(2))
def test_saved_and_loaded_the_history_and_the_training_go_on_bit_for_bit(mode, seed, optimizer):
    rng = np.random.default_rng([seed, MODES.index(mode), optimizer == "adam"])
    m = trained(rng, mode, optimizer)
    assert len(m.trace.segments) > 1
    r = reopened(m)
    h, g = m.trace, r.trace
    assert (r.trainer.step, g.base, len(g)) == (m.trainer.step, h.base, len(h))
    assert same(g.losses(), h.losses()) and np.array_equal(g.samples(), h.samples())
    assert g.equals(h)                                   # every row, rebuilt by replay from the file's checkpoints
    for i in rng.integers(0, len(h), 8).tolist():       # look-back: the state before any step
        (t1, o1), (t2, o2) = h.state_at(i), g.state_at(i)
        assert same(t1, t2) and same(o1.velocity, o2.velocity) and same(o1.m, o2.m) and same(o1.v, o2.v)
    assert same(r.start_theta, m.start_theta) and same(r.net.theta, m.net.theta)
    m.train(333)
    r.train(333)                                         # goes on as if never saved
    assert same(r.net.theta, m.net.theta) and r.trace.equals(m.trace)
    assert len(r.trace.segments) == len(m.trace.segments)


def test_a_file_without_history_still_loads_and_one_saved_with_it_is_version_3(tmp_path):
    m = ProjectModel(load_preset("seed004"))
    m.train(50)
    path = tmp_path / "trained.json"
    assert save(m.project, path, m.saved_run()) == 0        # nothing thinned to fit
    doc = json.loads(path.read_text("utf-8"))
    assert doc["version"] == 3 and doc["history"]["steps"] == 50
    old = dict(doc, version=2)
    del old["history"]
    assert loads(json.dumps(old)).history is None       # version 2, no history: as before
    with pytest.raises(DocumentError, match="^history: a version 2 file has no history"):
        loads(json.dumps(dict(doc, version=2)))
    assert len(ProjectModel(load(path)).trace) == 50


def test_a_history_too_long_for_a_file_thins_its_old_losses_and_every_step_stays_exact(monkeypatch):
    m = ProjectModel(load_preset("xor"))
    m.set_setting("shuffle", True)
    m.train(30_000)
    m.set_setting("lr", 0.7)
    m.train(10_000)
    monkeypatch.setattr(document, "MAX_BYTES", 150_000)
    text, thinned = dumps_with_history(m.project, m.saved_run())
    assert len(text.encode()) <= 150_000 and 0 < thinned < 40_000
    r = ProjectModel(loads(text))
    h, g = m.trace, r.trace
    assert (g.base, len(g), r.trainer.step, g.thinned) == (0, 40_000, 40_000, thinned)
    rows, loss, sample = g.kept_rows()
    assert 1000 < len(rows) < 40_000 and rows[-1] == 39_999
    assert same(loss, h.losses()[rows]) and np.array_equal(sample, h.samples()[rows])
    assert same(g.losses(thinned), h.losses(thinned))                    # whole from there on
    for i in (0, 1, 777, thinned - 1, thinned, 39_999):                   # thinned or not, rebuilt exactly
        assert same(g.row(i), h.row(i))
    m.train(500)
    r.train(500)
    assert same(r.net.theta, m.net.theta)


def _doc(steps: int = 40) -> dict:
    m = ProjectModel(load_preset("seed004"))
    m.train(steps)
    return json.loads(dumps(m.project, m.saved_run()))


def _refused(doc: dict, field: str) -> str:
    with pytest.raises(DocumentError) as e:
        loads(json.dumps(doc))
    assert str(e.value).startswith(field + ":"), str(e.value)
    return str(e.value)


def test_a_damaged_history_is_refused_naming_its_field():
    pack = document_history.pack
    doc = _doc()
    h = doc["history"]
    bad_loss = np.ones(40)
    bad_loss[6] = np.nan
    cases = [
        ({"loss": pack(bad_loss)}, "history.loss", "the loss of step 6 is not a finite number"),
        ({"loss": pack(np.ones(39))}, "history.loss", "must hold 40 numbers"),
        ({"loss": "not packed!"}, "history.loss", "damaged"),
        ({"sample": pack(np.full(40, 7, dtype=np.int32))}, "history.sample", "lacks"),
        ({"steps": 41}, "history.loss", "must hold 41 numbers"),
        ({"whole_from": 41}, "history.whole_from", "from 0 to 40"),
        ({"thinned": dict(h["thinned"], count=1)}, "history.thinned.count", "from 0 to 0"),
        ({"base": -1}, "history.base", "whole number"),
        ({"trainer": dict(h["trainer"], step=39)}, "history.trainer.step", "from 40 to 40"),
        ({"extra": 1}, "history.extra", "unknown field"),
        ({"kept": [{"label": "run", "count": 3, "steps": pack(np.arange(3.0)), "loss": pack(np.ones(2))}]},
         "history.kept[1].loss", "must hold 3 numbers"),
        ({"kept": [{"label": 5, "count": 0, "steps": pack(np.zeros(0)), "loss": pack(np.zeros(0))}]},
         "history.kept[1].label", "text"),
    ]
    for change, field, words in cases:
        assert words in _refused(dict(doc, history=dict(h, **change)), field), change
    seg = h["segments"][0]
    ck = seg["checkpoints"]
    P = load_preset("seed004").net.n_params
    segment_cases = [
        ({"checkpoints": dict(ck, steps=pack(np.array([5], dtype=np.int64)), count=1,
                              **{q: pack(np.zeros(P)) for q in ("theta", "velocity", "m", "v")},
                              t=pack(np.zeros(1)))},
         "history.segments[1].checkpoints.steps"),
        ({"checkpoints": dict(ck, v=pack(-np.ones(P)))}, "history.segments[1].checkpoints.v"),
        ({"settings": dict(seg["settings"], lr=-1)}, "history.segments[1].settings.lr"),
        ({"data": 3}, "history.segments[1].data"),
        ({"frozen": pack(np.full(P, 2, dtype=np.uint8))}, "history.segments[1].frozen"),
    ]
    for change, field in segment_cases:
        _refused(dict(doc, history=dict(h, segments=[dict(seg, **change)])), field)


def test_a_history_longer_than_a_file_may_hold_is_refused_saying_the_limit(monkeypatch):
    doc = _doc(300)
    monkeypatch.setattr(document_history, "MAX_KEPT", 200)
    assert "300 steps kept whole; a file keeps at most 200 steps' losses" in _refused(doc, "history.loss")


def test_packed_numbers_never_inflate_past_what_the_field_holds():
    bomb = document_history.pack(np.zeros(2_000_000))      # 16 MB of zeros packs to under 100 kB
    doc = _doc()
    assert len(bomb) < 100_000
    assert "must hold 40 numbers" in _refused(dict(doc, history=dict(doc["history"], loss=bomb)), "history.loss")
