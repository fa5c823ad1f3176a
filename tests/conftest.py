"""Fixtures for every test folder."""
from __future__ import annotations

import errno
import os
import threading
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest


@pytest.fixture
def fifo_at(tmp_path) -> Iterator[Callable[[str], Path]]:
    """`fifo_at("f.json")`: a named pipe in tmp_path. A reader that blocks on it (the fault these tests
    catch) is let go within a second, by a writer that opens and closes it, so a failing test fails
    instead of hanging: the reader then sees an empty file, not a refusal. A reader that had to be
    let go fails the test too (a refusal by fstat after a blocking open would otherwise pass)."""
    if not hasattr(os, "mkfifo"):
        pytest.skip("no named pipes here")
    stop = threading.Event()
    made: list[Path] = []
    released: list[Path] = []

    def release() -> None:
        while not stop.wait(0.05):
            for path in made:
                try:
                    os.close(os.open(path, os.O_WRONLY | os.O_NONBLOCK))
                    released.append(path)
                except OSError as e:
                    if e.errno != errno.ENXIO:      # ENXIO: nobody is reading it now
                        raise

    thread = threading.Thread(target=release, daemon=True)
    thread.start()

    def make(name: str) -> Path:
        path = tmp_path / name
        os.mkfifo(path)
        made.append(path)
        return path

    yield make
    stop.set()
    thread.join()
    assert not released, f"a reader blocked on {released[0].name} and had to be let go"
