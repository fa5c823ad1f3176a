"""Reading a file the learner names, the one way every reader opens one (documents, presets, data set
and trace CSV): only a regular file is read, and asking never blocks. A named pipe (FIFO) called
f.json would make a plain open() wait forever for a writer; a device may never end. So the file is
opened with O_NONBLOCK (a FIFO then opens at once) and refused by what fstat says it is, before a byte
is read, and a file larger than the reader's limit is refused by its size before it is read."""
from __future__ import annotations

import contextlib
import errno
import os
import stat
from typing import BinaryIO

from backprop_lab.core.io.atomic import NotAFileError, kind_of


class TooLargeError(OSError):
    """The file is larger than the reader takes; `size` is its size in bytes (the reader words it)."""

    def __init__(self, path: str, size: int):
        super().__init__(errno.EFBIG, f"{path} is too large ({size} bytes)")
        self.size = size

    def __str__(self) -> str:
        return str(self.strerror)


def _flags() -> int:
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)
    return flags | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_BINARY", 0)


def open_regular(path: str | os.PathLike[str], limit: int | None = None) -> BinaryIO:
    """A regular file opened for reading (binary, blocking as usual once it is known to be a file).
    Raises FileNotFoundError, NotAFileError (a folder, FIFO, device or socket, named in the message),
    TooLargeError (over `limit` bytes, when given) or OSError."""
    where = os.fspath(path)
    st = os.stat(where)             # does not open: a device or FIFO is refused untouched
    if not stat.S_ISREG(st.st_mode):
        raise NotAFileError(where, kind_of(st.st_mode))
    fd = os.open(where, _flags())
    try:
        st = os.fstat(fd)           # what was opened, if the name was changed in between
        if not stat.S_ISREG(st.st_mode):
            raise NotAFileError(where, kind_of(st.st_mode))
        if limit is not None and st.st_size > limit:
            raise TooLargeError(where, st.st_size)
        if hasattr(os, "set_blocking"):
            os.set_blocking(fd, True)
        return open(fd, "rb", closefd=True)
    except BaseException:
        with contextlib.suppress(OSError):
            os.close(fd)
        raise


def read_regular(path: str | os.PathLike[str], limit: int) -> bytes:
    """The bytes of a regular file of at most `limit` bytes, read at most limit + 1 (a file that grows
    while it is read shows as longer than the limit: the caller refuses it). Raises as open_regular."""
    with open_regular(path, limit) as f:
        return f.read(limit + 1)
