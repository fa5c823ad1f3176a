"""Work done in pieces: a generator that yields after each piece how many bytes it handled (for a
progress bar) and returns its result. The command line runs it whole (`drive`); the window runs a few
pieces at a time between events, so it keeps answering while a long history is saved or opened, and
Cancel closes the generator (a file being written is then dropped by core.io.atomic)."""
from __future__ import annotations

from collections.abc import Generator
from typing import TypeVar

T = TypeVar("T")
Pieces = Generator[int, None, T]

PIECE = 1 << 20       # bytes of numbers packed or unpacked at a time: a few ms


def drive(work: Pieces[T]) -> T:
    """Run the work to its end and return its result."""
    while True:
        try:
            next(work)
        except StopIteration as end:
            return end.value
