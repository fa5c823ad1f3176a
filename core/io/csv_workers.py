"""The CSV text of a long trace, formatted in worker processes.

Writing every number as its repr costs about 1 µs a number on these machines and holds the GIL, so one
process tops out near 35,000 rows/s of a 2-2-2 trace whose columns all vary. Workers are plain
`python -c` subprocesses fed through pipes (not multiprocessing, which would re-run the caller's
__main__ and must not fork a process that holds Qt threads); starting them costs ~0.3 s, so they are
used only from PARALLEL_ROWS rows on. Piece i goes to worker i mod n and comes back in order.
"""
from __future__ import annotations

import os
import pickle
import struct
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import IO

import numpy as np

from backprop_lab.core.model.arrays import FloatArray

PARALLEL_ROWS = 20_000
WORKER = "from backprop_lab.core.io.csv_workers import serve; serve()"
_LEN = struct.Struct("<q")


class WorkerError(OSError):
    pass


def serve() -> None:
    """Worker side: read pickled (k × ncols) pieces from stdin, write their CSV text to stdout."""
    from backprop_lab.core.io.trace_csv import _format_rows
    inp, out = sys.stdin.buffer, sys.stdout.buffer
    while True:
        head = inp.read(_LEN.size)
        if len(head) < _LEN.size:
            return
        piece = pickle.loads(inp.read(_LEN.unpack(head)[0]))
        text = _format_rows(piece).encode("utf-8")
        out.write(_LEN.pack(len(text)))
        out.write(text)
        out.flush()


def default_workers(rows: int) -> int:
    return min(os.cpu_count() or 1, 4) if rows >= PARALLEL_ROWS else 1


def texts(pieces: list[FloatArray], rows: int, workers: int | None,
          format_rows: Callable[[FloatArray], str]) -> Iterator[str]:
    """The CSV text of every piece, in order. With workers=None the first piece is formatted here and
    timed: only if the rest would take over a second (numbers that vary, not a converged trace whose
    columns repeat) do workers take the rest, as starting them costs ~0.3 s."""
    if not pieces:
        return
    start = 0
    if workers is None:
        workers = default_workers(rows)
        if workers > 1:
            t0 = time.perf_counter()
            yield format_rows(pieces[0])
            start = 1
            # Cost follows the columns that vary within a piece (constant ones are formatted once):
            # scale the first piece's time by how many vary in a few pieces further on.
            first = max(_varying(pieces[0]), 1)
            later = np.mean([_varying(pieces[i]) for i in np.linspace(1, len(pieces) - 1, 4, dtype=int)]) \
                if len(pieces) > 1 else 0.0
            if (time.perf_counter() - t0) * later / first * (len(pieces) - 1) < 1.0:
                workers = 1
    rest = pieces[start:]
    if workers > 1 and len(rest) > 1:
        yield from formatted(rest, workers)
    else:
        yield from map(format_rows, rest)


def _varying(piece: FloatArray) -> int:
    return int(np.count_nonzero((piece != piece[0]).any(axis=0)))


def formatted(pieces: list[FloatArray], workers: int) -> Iterator[str]:
    """Yield the CSV text of each piece, in order, formatted by `workers` subprocesses."""
    env = dict(os.environ)
    root = str(Path(__file__).resolve().parent.parent)      # where `core` is importable from
    env["PYTHONPATH"] = root + (os.pathsep + env["PYTHONPATH"] if env.get("PYTHONPATH") else "")
    procs = [subprocess.Popen([sys.executable, "-c", WORKER], stdin=subprocess.PIPE,
                              stdout=subprocess.PIPE, env=env) for _ in range(workers)]
    # Both pipes exist: they were asked for with PIPE above.
    stdins: list[IO[bytes]] = [p.stdin for p in procs if p.stdin is not None]
    stdouts: list[IO[bytes]] = [p.stdout for p in procs if p.stdout is not None]

    def feed(w: int) -> None:
        try:
            for piece in pieces[w::workers]:
                # Only this worker's pieces are pickled here, one at a time: memory stays bounded.
                data = pickle.dumps(np.ascontiguousarray(piece), protocol=pickle.HIGHEST_PROTOCOL)
                stdins[w].write(_LEN.pack(len(data)))
                stdins[w].write(data)
            stdins[w].close()
        except (BrokenPipeError, ValueError, OSError):
            pass            # the reader sees the worker gone and raises

    feeders = [threading.Thread(target=feed, args=(w,), daemon=True) for w in range(workers)]
    for t in feeders:
        t.start()
    try:
        for i in range(len(pieces)):
            out = stdouts[i % workers]
            head = out.read(_LEN.size)
            if len(head) < _LEN.size:
                raise WorkerError(f"a CSV worker stopped before piece {i + 1} of {len(pieces)}")
            yield out.read(_LEN.unpack(head)[0]).decode("utf-8")
    finally:
        for p in procs:
            if p.poll() is None:
                p.kill()
            p.wait()
        for t in feeders:
            t.join(timeout=5)
        for f in stdins + stdouts:
            try:
                f.close()
            except OSError:
                pass
