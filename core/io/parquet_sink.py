"""Parquet written a piece at a time, with flat memory: polars' streaming sink pulls the pieces from a lazy
frame whose source is a short queue. The sink runs in a thread of this process; the caller's thread makes
every piece (for the trace, by replaying the history, which only that thread reads) and hands it over."""
from __future__ import annotations

import queue
import threading
from collections.abc import Iterator, Sequence
from typing import IO, Any

import numpy as np

_END = object()
WAIT = 0.1         # seconds between looks at whether the sink has stopped, while the queue is full


class SinkStopped(OSError):
    """The Parquet writer stopped before its input ended (what it said is the message)."""


class _Abandoned(Exception):
    """Sent into the sink to stop it: the file being written is dropped."""


class ParquetSink:
    def __init__(self, file: IO[bytes], names: Sequence[str], whole: int = 2) -> None:
        """Columns `names`, the first `whole` of them whole numbers, every other one float64."""
        import polars as pl  # only when exporting
        from polars.io.plugins import register_io_source
        self._pl, self.names = pl, list(names)
        schema = {n: pl.Int64 if j < whole else pl.Float64 for j, n in enumerate(self.names)}
        self._queue: queue.Queue[Any] = queue.Queue(maxsize=2)
        self._error: BaseException | None = None
        frame = register_io_source(self._source, schema=schema)
        self._thread = threading.Thread(target=self._sink, args=(frame, file), name="parquet sink", daemon=True)
        self._thread.start()

    def _source(self, with_columns: list[str] | None, predicate: Any, n_rows: int | None,
                batch_size: int | None) -> Iterator[Any]:
        while True:
            item = self._queue.get()
            if item is _END:
                return
            if isinstance(item, BaseException):
                raise item
            yield item if with_columns is None else item.select(with_columns)

    def _sink(self, frame: Any, file: IO[bytes]) -> None:
        try:
            frame.sink_parquet(file)
        except BaseException as e:          # kept for the caller's thread, which raises it
            self._error = e

    def write(self, columns: Sequence[np.ndarray]) -> None:
        """One piece: the columns, in `names` order, of equal length."""
        self._put(self._pl.DataFrame(dict(zip(self.names, columns))))

    def close(self) -> None:
        """The last piece was written: wait for the file's end to be written (raises what stopped it)."""
        self._put(_END)
        self._thread.join()
        self._check()

    def abort(self) -> None:
        """Stop without finishing the file (the caller drops it)."""
        if self._thread.is_alive():
            self._put(_Abandoned(), check=False)
            self._thread.join()

    def _put(self, item: object, check: bool = True) -> None:
        while self._thread.is_alive():
            try:
                self._queue.put(item, timeout=WAIT)
                return
            except queue.Full:
                continue
        if check:
            self._check()
            raise SinkStopped("the Parquet writer stopped before the end of the trace")

    def _check(self) -> None:
        if self._error is not None:
            raise SinkStopped(f"the Parquet writer failed: {self._error}") from self._error
