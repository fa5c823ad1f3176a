"""Saving and opening in pieces (core.io.pieces): the same file and the same project as at once; a
save closed part-way (Cancel), even while it writes, leaves the old file as it was and no other file;
the packed numbers are the format's (zlib of the byte-grouped numbers), whole or in pieces."""
from __future__ import annotations

import base64
import os
import zlib

import numpy as np
import pytest

from backprop_lab.core.io import document, document_history, pieces
from backprop_lab.core.io.presets import resolve
from backprop_lab.core.numerics.project_model import ProjectModel


@pytest.fixture(scope="module")
def trained():
    m = ProjectModel(resolve("seed004"))
    m.train(20_000)
    return m


def test_packing_in_pieces_is_the_format_packed_whole(monkeypatch):
    monkeypatch.setattr(document_history, "PIECE", 4096)      # many pieces for a small array
    rng = np.random.default_rng(4)
    for a in (np.cumsum(rng.random(50_001)), rng.integers(-1, 4, 30_000).astype(np.int32), np.zeros(0)):
        text = document_history.pack(a)
        grouped = np.frombuffer(a.astype(a.dtype.newbyteorder("<")).tobytes(), np.uint8)\
            .reshape(-1, a.dtype.itemsize).T.tobytes()
        assert zlib.decompress(base64.b64decode(text)) == grouped
        back = document_history.unpack(text, "f", a.dtype.newbyteorder("<").str, len(a))
        assert back.dtype == a.dtype and np.array_equal(back, a)
        with pytest.raises(document.DocumentError, match="must hold"):
            document_history.unpack(text, "f", a.dtype.newbyteorder("<").str, len(a) + 1)


def test_save_and_load_in_pieces_are_save_and_load(trained, tmp_path):
    whole, parts = tmp_path / "whole.json", tmp_path / "parts.json"
    document.save(trained.project, whole, trained.saved_run())
    work = document.save_pieces(trained.project, parts, trained.saved_run())
    count = 0
    for _done in work:
        count += 1
    assert count > 10 and parts.read_bytes() == whole.read_bytes()
    loaded = pieces.drive(document.load_pieces(parts))
    assert loaded.history.step == 20_000
    assert np.array_equal(loaded.history.history.losses(), trained.trace.losses())
    np.testing.assert_array_equal(loaded.net.theta, trained.net.theta)


@pytest.mark.parametrize("old", [b"the old file", None])
def test_a_save_closed_while_it_writes_leaves_the_old_file_and_no_other(trained, tmp_path, old):
    path = tmp_path / "mine.json"
    if old is not None:
        path.write_bytes(old)
    work = document.save_pieces(trained.project, path, trained.saved_run())
    for _done in work:
        if len(os.listdir(tmp_path)) > (old is not None):      # the file being written is there
            break
    else:
        pytest.fail("the save never wrote a piece")
    work.close()                                              # Cancel
    assert os.listdir(tmp_path) == ([] if old is None else ["mine.json"])
    if old is not None:
        assert path.read_bytes() == old
