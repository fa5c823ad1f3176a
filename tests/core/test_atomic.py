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


# ----- issue 8, fault 5: files are written, not replaced -------------------------------------------
posix = pytest.mark.skipif(os.name != "posix", reason="POSIX links, FIFOs and pids")


@posix
def test_a_symbolic_link_is_written_through_and_stays_a_link(tmp_path):
    (tmp_path / "real").mkdir()
    target = tmp_path / "real" / "data.csv"
    target.write_bytes(b"old")
    target.chmod(0o600)
    link = tmp_path / "link.csv"
    link.symlink_to(target)
    write_bytes(link, b"new")
    assert link.is_symlink() and os.readlink(link) == str(target)
    assert target.read_bytes() == b"new"
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert sorted(os.listdir(tmp_path)) == ["link.csv", "real"]
    assert os.listdir(tmp_path / "real") == ["data.csv"]


@posix
def test_a_fifo_at_the_target_is_refused_and_left_alone(tmp_path):
    fifo = tmp_path / "out.csv"
    os.mkfifo(fifo)
    with pytest.raises(OSError, match=r"out\.csv is a named pipe \(FIFO\), not a file; nothing was written"):
        write_bytes(fifo, b"x")
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)
    assert os.listdir(tmp_path) == ["out.csv"]


@posix
def test_a_device_is_refused_and_never_replaced(tmp_path):
    # /dev/null through a link: refused before anything is created next to it (as root it would be replaced)
    link = tmp_path / "null.csv"
    link.symlink_to(os.devnull)
    with pytest.raises(OSError, match="is a device, not a file; nothing was written"):
        write_bytes(link, b"x")
    assert stat.S_ISCHR(os.stat(os.devnull).st_mode)
    assert os.listdir(tmp_path) == ["null.csv"]


def test_ctrl_c_mid_write_keeps_the_old_file_and_leaves_no_temporary(tmp_path):
    target = tmp_path / "f.csv"
    target.write_bytes(b"old")
    with pytest.raises(KeyboardInterrupt), atomic_open(target) as f:
        f.write(b"x" * 100_000)
        raise KeyboardInterrupt
    assert target.read_bytes() == b"old" and os.listdir(tmp_path) == ["f.csv"]


def _dead_pid() -> int:
    """A pid that no process has now (the highest pids are the least likely to be in use)."""
    for pid in range(4_194_000, 4_000_000, -1):
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return pid
        except OSError:
            continue
    pytest.skip("no free pid found")


@posix
def test_temporaries_of_killed_writers_are_removed_but_a_live_writers_are_kept(tmp_path):
    from backprop_lab.core.io import atomic
    dead = atomic._temp_name(str(tmp_path), "big.csv").replace(f"-{os.getpid()}-", f"-{_dead_pid()}-")
    live = atomic._temp_name(str(tmp_path), "big.csv").replace(f"-{os.getpid()}-", f"-{os.getppid()}-")
    other_host = dead.replace(atomic._host(), "zzzzzz")
    for name in (dead, live, other_host):
        with open(name, "wb") as f:
            f.write(b"left by a killed export")
    (tmp_path / ".notes.backprop-lab-tmp-mine").write_bytes(b"not ours: no pid in the name")
    write_bytes(tmp_path / "other.csv", b"1")
    left = sorted(os.listdir(tmp_path))
    assert os.path.basename(dead) not in left
    assert os.path.basename(live) in left and os.path.basename(other_host) in left
    assert ".notes.backprop-lab-tmp-mine" in left and "other.csv" in left


def test_the_temporary_is_named_for_its_writer_even_for_a_long_name(tmp_path):
    from backprop_lab.core.io import atomic
    seen = []
    name = "n" * 250 + ".csv"
    with atomic_open(tmp_path / name) as f:
        seen = os.listdir(tmp_path)
        f.write(b"1")
    assert len(seen) == 1 and atomic.MARK in seen[0] and f"-{os.getpid()}-" in seen[0]
    assert len(seen[0]) < 255 and os.listdir(tmp_path) == [name]


@posix
def test_a_writer_killed_mid_write_leaves_a_temporary_the_next_write_removes(tmp_path):
    import signal
    import subprocess
    import sys
    import textwrap
    target = tmp_path / "trace.csv"
    target.write_bytes(b"old")
    child = textwrap.dedent(f"""
        import sys, time
        from backprop_lab.core.io.atomic import atomic_open
        with atomic_open({str(target)!r}) as f:
            f.write(b"x" * 1_000_000)
            f.flush()
            print("writing", flush=True)
            time.sleep(60)
    """)
    with subprocess.Popen([sys.executable, "-c", child], stdout=subprocess.PIPE, text=True) as p:
        try:
            assert p.stdout is not None and p.stdout.readline().strip() == "writing"
        finally:
            p.send_signal(signal.SIGKILL)
            p.wait(30)
    left = [n for n in os.listdir(tmp_path) if n != "trace.csv"]
    assert len(left) == 1 and f"-{p.pid}-" in left[0]          # what a kill -9 leaves
    write_bytes(tmp_path / "plot.png", b"png")                  # any later write in that folder
    assert sorted(os.listdir(tmp_path)) == ["plot.png", "trace.csv"] and target.read_bytes() == b"old"


@posix
def test_train_csv_over_a_0600_file_keeps_0600(tmp_path, capsys):
    from backprop_lab.core import cli
    out = tmp_path / "t.csv"
    out.write_text("old")
    out.chmod(0o600)
    assert cli.main(["train", "seed004", "--steps", "3", "--csv", str(out)]) == 0
    assert stat.S_IMODE(out.stat().st_mode) == 0o600 and out.read_text().startswith("step,")
