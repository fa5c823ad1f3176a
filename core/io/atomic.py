"""Writing a whole file or nothing, the one way every file the app keeps is written.

The text goes to a new file beside the target, is flushed to disk, then os.replace puts it in place:
a failure at any point the process survives (an exception, Ctrl+C mid-write) leaves the old file (or
none) and never a partial one, and the temporary file is removed.

As editors do: a symbolic link is written through (its target is replaced, the link stays); a file that
is replaced keeps its permissions (a 0600 file stays 0600), a new one gets the umask's (not mkstemp's
owner-only 0600); anything at the target that is not a regular file (a device such as /dev/null, a
FIFO, a folder) is refused with a message and left alone.

A process killed mid-write cannot remove its temporary file, so the temporaries are named for their
writer, `.NAME.backprop-lab-tmp-HOST-PID-RANDOM`, and each write first removes the ones in its folder
whose writer (same host, that pid) no longer exists: a live writer's file is never touched."""
from __future__ import annotations

import contextlib
import errno
import hashlib
import os
import re
import secrets
import socket
import stat
from collections.abc import Iterator
from typing import IO, Any

from backprop_lab.core.model.i18n import fill, translate

MARK = ".backprop-lab-tmp-"
_MAX_BASE = 120          # of the target's name kept in the temporary's, so it stays under NAME_MAX


class NotAFileError(OSError):
    """The path names something that is not a regular file (a device, a FIFO, a folder); the message
    names it and says what it is."""

    def __init__(self, path: str, what: str, writing: bool = False):
        text = (translate("Files", "%1 is %2, not a file; nothing was written") if writing
                else translate("Files", "%1 is %2, not a file"))
        super().__init__(errno.EINVAL, fill(text, path, what))

    def __str__(self) -> str:
        return str(self.strerror)


def kind_of(mode: int) -> str:
    """What a non-regular file is, in words (for the messages of the writer and the readers)."""
    if stat.S_ISDIR(mode):
        return translate("Files", "a folder")
    if stat.S_ISFIFO(mode):
        return translate("Files", "a named pipe (FIFO)")
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return translate("Files", "a device")
    if stat.S_ISSOCK(mode):
        return translate("Files", "a socket")
    return translate("Files", "something else")


def _host() -> str:
    # a folder shared between machines (NFS) holds other hosts' pids: only this host's are checked
    return hashlib.sha1(socket.gethostname().encode("utf-8", "replace")).hexdigest()[:6]


def _temp_name(folder: str, base: str) -> str:
    return os.path.join(folder, f".{base[:_MAX_BASE]}{MARK}{_host()}-{os.getpid()}-{secrets.token_hex(6)}")


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OverflowError, ValueError):
        return True         # someone else's process, or a number we cannot ask about: leave its file
    except OSError:
        return True
    return True


def remove_stale(folder: str) -> list[str]:
    """Remove the temporaries in folder left by writers (of this host) that were killed; their names."""
    pattern = re.compile(r"\..*" + re.escape(MARK) + re.escape(_host()) + r"-(\d+)-[0-9a-f]{12}")
    removed = []
    with contextlib.suppress(OSError), os.scandir(folder) as entries:
        for entry in entries:
            m = pattern.fullmatch(entry.name)
            if m and not _alive(int(m.group(1))):
                with contextlib.suppress(OSError):
                    if entry.is_file(follow_symlinks=False):
                        os.unlink(entry.path)
                        removed.append(entry.name)
    return removed


def target_of(path: str | os.PathLike[str]) -> tuple[str, os.stat_result | None]:
    """Where writing path lands (through any symbolic links) and what is there now (None: nothing).
    Raises NotAFileError for anything but a regular file."""
    path = os.fspath(path)
    real = os.path.realpath(path)
    try:
        st = os.stat(real)
    except FileNotFoundError:
        return real, None
    if not stat.S_ISREG(st.st_mode):
        raise NotAFileError(path, kind_of(st.st_mode), writing=True)
    return real, st


def _new_file(tmp: str, mode: int) -> int:
    # O_EXCL: never an existing file (a link planted under the random name would be followed otherwise)
    return os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0), mode)


def _keep_owner(fd: int, old: os.stat_result) -> None:
    # only root (or the owner, for the group) may give a file away: elsewhere the writer owns it
    with contextlib.suppress(OSError, AttributeError):
        now = os.fstat(fd)
        if (now.st_uid, now.st_gid) != (old.st_uid, old.st_gid):
            os.fchown(fd, old.st_uid, old.st_gid)


@contextlib.contextmanager
def atomic_open(path: str | os.PathLike[str], binary: bool = True,
                encoding: str | None = None, newline: str | None = None) -> Iterator[IO[Any]]:
    """`with atomic_open(path) as f: f.write(...)`: the file appears whole when the block ends
    without an exception, and is untouched otherwise."""
    real, old = target_of(path)
    folder, base = os.path.split(real)
    remove_stale(folder)
    tmp = _temp_name(folder, base)
    mode = stat.S_IMODE(old.st_mode) if old is not None else 0o666
    try:
        fd = _new_file(tmp, mode)
        with open(fd, "wb" if binary else "w", encoding=encoding, newline=newline) as f:
            if old is not None:
                os.chmod(tmp, mode)         # the umask may have taken bits the old file had
                _keep_owner(fd, old)
            yield f
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, real)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    _sync_folder(folder)


def _sync_folder(folder: str) -> None:
    # the rename itself reaches the disk only when the folder is synced (POSIX; elsewhere a no-op)
    with contextlib.suppress(OSError, AttributeError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def write_bytes(path: str | os.PathLike[str], data: bytes) -> None:
    with atomic_open(path) as f:
        f.write(data)
