"""Writing a whole file or nothing, the one way every file the app keeps is written.

The text goes to a new file beside the target, is flushed to disk, then os.replace puts it in place:
a failure at any point leaves the old file (or none) and never a partial one, and the temporary
file is removed. A new file gets the usual permissions (the umask, not mkstemp's owner-only 0600);
a file that is replaced keeps its own."""
from __future__ import annotations

import contextlib
import os
import secrets
import stat
from collections.abc import Iterator
from typing import IO, Any


def _new_file(tmp: str, binary: bool, encoding: str | None, newline: str | None) -> IO[Any]:
    # "x" creates it with the usual permissions (umask), unlike mkstemp's owner-only file.
    return open(tmp, "xb" if binary else "x", encoding=encoding, newline=newline)


@contextlib.contextmanager
def atomic_open(path: str | os.PathLike[str], binary: bool = True,
                encoding: str | None = None, newline: str | None = None) -> Iterator[IO[Any]]:
    """`with atomic_open(path) as f: f.write(...)`: the file appears whole when the block ends
    without an exception, and is untouched otherwise."""
    path = os.fspath(path)
    folder, base = os.path.split(os.path.abspath(path))
    try:
        st = os.stat(path)
        keep = stat.S_IMODE(st.st_mode) if stat.S_ISREG(st.st_mode) else None
    except OSError:
        keep = None
    tmp = os.path.join(folder, f".{base}.{secrets.token_hex(6)}.tmp")
    try:
        with _new_file(tmp, binary, encoding, newline) as f:
            yield f
            f.flush()
            os.fsync(f.fileno())
        if keep is not None:
            os.chmod(tmp, keep)
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def write_bytes(path: str | os.PathLike[str], data: bytes) -> None:
    with atomic_open(path) as f:
        f.write(data)
