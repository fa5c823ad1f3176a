"""The one atomic-write helper every file the app keeps goes through (documents, trace CSV, plots,
the formula cache): whole file or nothing, no temporary left behind, permissions as a file should have."""
from __future__ import annotations

import os
import stat

import pytest

from backprop_lab.core.io.atomic import atomic_open, write_bytes


def test_a_failure_mid_write_keeps_the_old_file_and_leaves_no_temporary(tmp_path):
    target = tmp_path / "f.txt"
    target.write_bytes(b"old")
    with pytest.raises(RuntimeError), atomic_open(target) as f:
        f.write(b"half of the new")
        raise RuntimeError("disk full")
    assert target.read_bytes() == b"old"
    assert os.listdir(tmp_path) == ["f.txt"]


def test_a_failed_replace_leaves_no_temporary(tmp_path):
    (tmp_path / "d").mkdir()
    with pytest.raises(OSError):
        write_bytes(tmp_path / "d", b"x")
    assert os.listdir(tmp_path) == ["d"] and (tmp_path / "d").is_dir()


@pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")
def test_new_files_follow_the_umask_and_replaced_files_keep_their_mode(tmp_path):
    mask = os.umask(0o022)
    try:
        write_bytes(tmp_path / "new", b"1")
        (tmp_path / "kept").write_bytes(b"0")
        (tmp_path / "kept").chmod(0o600)
        write_bytes(tmp_path / "kept", b"2")
    finally:
        os.umask(mask)
    assert stat.S_IMODE((tmp_path / "new").stat().st_mode) == 0o644
    assert stat.S_IMODE((tmp_path / "kept").stat().st_mode) == 0o600
    assert (tmp_path / "kept").read_bytes() == b"2"


def test_text_mode_writes_exactly_what_it_is_given(tmp_path):
    with atomic_open(tmp_path / "t.csv", binary=False, encoding="utf-8", newline="") as f:
        f.write("a,b\n−1\n")
    assert (tmp_path / "t.csv").read_bytes() == "a,b\n−1\n".encode()
