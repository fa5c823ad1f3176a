"""The training trace: one row per SGD step, stored as float64 arrays, written to CSV and read back.

Rows live in column-major blocks: each block is indexed (capacity × ncols) but held in Fortran
order, i.e. its memory is an (ncols × capacity) C array with every column one contiguous run, so a
column (the loss plot's million points) is read with one memcpy per block. Block capacities double
from 1,024 rows up to 65,536 and then stay there, so growth never copies what is stored and at most
one block is partly unused: a million rows of seed 004's 2-2-2 net (35 columns) take
1,047,552 × 35 × 8 B = 293 MB (numpy gives large arrays transparent huge pages, and a 2 MB page
spans several columns, so a block is resident from its first row on). The columns sit in the order
the training loop keeps a row (`storage_layout`: parameters and gradients each in one piece, as
theta), so a chunk of the loop's rows goes in with one (transposing) copy; every reader here returns
columns in `names` order. Column names are quantity keys (core.model.quantity) written as text.
"""
from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache

import numpy as np
import numpy.typing as npt

from backprop_lab.core.model.arrays import FloatArray
from backprop_lab.core.model.network import LayerSpec, Network
from backprop_lab.core.model.quantity import Key, bias, neuron, weight

FIRST_BLOCK = 1024
MAX_BLOCK = 65536


class TraceError(ValueError):
    pass


def _layer_params(l: int, n_in: int, spec: LayerSpec) -> list[Key]:
    keys = [weight(l, i, j) for i in range(n_in) for j in range(spec.size)]
    if spec.bias == "neuron":
        keys += [bias(l, j) for j in range(spec.size)]
    elif spec.bias == "shared":
        keys.append(bias(l, None))
    return keys


def column_keys(net: Network) -> list[Key]:
    """The trace's columns as quantity keys, in their fixed order."""
    return _column_keys(net.sizes, net.layers)


def _column_keys(sizes: list[int], layers: list[LayerSpec]) -> list[Key]:
    keys = [Key("step"), Key("sample"), Key("loss")]
    keys += [neuron("a", 0, i) for i in range(sizes[0])]
    keys += [Key("y", j=k) for k in range(sizes[-1])]
    for l, spec in enumerate(layers, start=1):
        params = _layer_params(l, sizes[l - 1], spec)
        keys += [neuron(q, l, j) for q in ("z", "a") for j in range(spec.size)] + params
        keys += [neuron("delta", l, j) for j in range(spec.size)] + [p.about("dE/d") for p in params]
    return keys


def column_names(net: Network) -> list[str]:
    """The trace's columns, in their fixed order (the CSV header)."""
    return list(_column_names(tuple(net.sizes), tuple(spec.bias for spec in net.layers)))


@lru_cache(maxsize=8)
def _column_names(sizes: tuple[int, ...], biases: tuple[str, ...]) -> tuple[str, ...]:
    # Written once per shape: the largest network has 17,728 columns (~40 ms), and every trainer,
    # the window's replays and an architecture change's included, names them.
    layers = [LayerSpec(n, bias=b) for n, b in zip(sizes[1:], biases)]
    return tuple(str(k) for k in _column_keys(list(sizes), layers))


def parameter_keys(net: Network) -> list[Key]:
    """Quantity keys of theta's entries, in theta order."""
    return [k for l, spec in enumerate(net.layers, start=1) for k in _layer_params(l, net.sizes[l - 1], spec)]


def parameter_columns(net: Network) -> list[str]:
    """Trace column names of theta's entries, in theta order."""
    return [str(k) for k in parameter_keys(net)]


_GROUPS = {"W": 1, "b": 1, "dE/dW": 2, "dE/db": 2, "z": 3, "a": 3, "delta": 3}


def storage_layout(names: list[str]) -> npt.NDArray[np.intp]:
    """Where each column sits in a stored row: step, sample, loss, the parameters in theta order, their
    gradients in the same order, z, a, delta of each layer, the inputs, the targets (other names last)."""
    return _storage_layout(tuple(names)).copy()


@lru_cache(maxsize=8)
def _storage_layout(names: tuple[str, ...]) -> npt.NDArray[np.intp]:
    # Once per set of columns: each name is parsed (~40 ms for the largest network's).
    def order(j_name: tuple[int, str]) -> tuple[int, int, int, int]:
        j, name = j_name
        if j < 3 and name in ("step", "sample", "loss"):
            return (0, 0, 0, j)
        try:
            key = Key.parse(name)
        except KeyError:
            return (6, 0, 0, j)
        group = _GROUPS.get(key.kind)
        if group in (1, 2):
            return (group, key.layer or 0, key.kind.endswith("b"), j)
        if group == 3:
            return (3, key.layer, ("z", "a", "delta").index(key.kind), j) if key.layer else (4, 0, 0, j)
        return (5 if key.kind == "y" else 6, 0, 0, j)
    order_ = [j for j, _ in sorted(enumerate(names), key=order)]
    layout = np.empty(len(names), dtype=np.intp)
    layout[order_] = np.arange(len(names))
    return layout


class Trace:
    """Rows appended by the training loop. `layout[j]` is where column `names[j]` sits in a stored row."""

    def __init__(self, names: list[str], layout: npt.ArrayLike | None = None):
        if len(set(names)) != len(names):
            raise TraceError("duplicate column names")
        self.names = list(names)
        self.index = {n: i for i, n in enumerate(self.names)}
        n = len(self.names)
        layout = storage_layout(self.names) if layout is None else np.array(layout, dtype=np.intp)
        if layout.shape != (n,) or not np.array_equal(np.sort(layout), np.arange(n)):
            raise TraceError("layout must place every column exactly once")
        self.layout = layout
        self.layout.flags.writeable = False
        self._blocks: list[np.ndarray] = []
        self._theta_places: dict[tuple[object, ...], npt.NDArray[np.intp]] = {}
        self._n = 0
        self._cap = 0

    # ----- size and growth ------------------------------------------------------------------------
    def __len__(self) -> int:
        return self._n

    @property
    def ncols(self) -> int:
        return len(self.names)

    @property
    def nbytes(self) -> int:
        return sum(b.nbytes for b in self._blocks)

    def _grow(self) -> None:
        size = min(MAX_BLOCK, FIRST_BLOCK << len(self._blocks))
        self._blocks.append(np.empty((size, self.ncols), order="F"))
        self._cap += size

    def _locate(self, i: int) -> tuple[int, int]:
        # At most ~7 doubling blocks and then n/65,536 full ones: a short walk.
        for b, block in enumerate(self._blocks):
            if i < len(block):
                return b, i
            i -= len(block)
        raise IndexError(i)

    def _reserve(self) -> tuple[np.ndarray, int, int]:
        """(block, position, free rows) where the next rows go (block[pos:pos + k] is a (k × ncols)
        view, columns in storage order, column-major); _commit() them."""
        if self._n == self._cap:
            self._grow()
        b, pos = self._locate(self._n)
        block = self._blocks[b]
        return block, pos, len(block) - pos

    def _commit(self, k: int) -> None:
        self._n += k

    def append(self, row: npt.ArrayLike) -> None:
        self.extend(np.asarray(row, dtype=float)[None, :])

    def extend(self, rows: npt.ArrayLike) -> None:
        """Append rows given in `names` order."""
        block_in = np.asarray(rows, dtype=float)
        if block_in.ndim != 2 or block_in.shape[1] != self.ncols:
            raise TraceError(f"rows must have {self.ncols} values, got shape {block_in.shape}")
        done = 0
        while done < len(block_in):
            block, pos, room = self._reserve()
            k = min(room, len(block_in) - done)
            block[pos:pos + k, self.layout] = block_in[done:done + k]
            self._commit(k)
            done += k

    # ----- as the trainer's sink (core.numerics.history.History is the other) ----------------------
    def room(self, step: int) -> int:
        return 1 << 62

    def begin(self, t: object) -> None:
        pass

    def take(self, staged: np.ndarray, t: object = None) -> None:
        """Rows already in storage order (the trainer's staging buffer), copied into the blocks."""
        done = 0
        while done < len(staged):
            block, pos, room = self._reserve()
            k = min(room, len(staged) - done)
            block[pos:pos + k] = staged[done:done + k]
            self._commit(k)
            done += k

    def truncate(self, n: int) -> None:
        """Forget rows from n on (undo of steps, branching from an earlier step)."""
        if not 0 <= n <= self._n:
            raise IndexError(n)
        self._n = n

    def clear(self) -> None:
        self._blocks, self._n, self._cap = [], 0, 0

    def relayout(self, layout: npt.ArrayLike) -> None:
        """Store rows in another order (a trainer adopting a trace read from a file); values unchanged."""
        order = np.array(layout, dtype=np.intp)
        if np.array_equal(order, self.layout):
            return
        rows = self.array()
        new = Trace(self.names, order)
        new.extend(rows)
        self.layout, self._blocks, self._n, self._cap = new.layout, new._blocks, new._n, new._cap

    # ----- reading ----------------------------------------------------------------------------------
    def _chunks(self, start: int = 0, stop: int | None = None) -> Iterator[FloatArray]:
        """Stored (k × ncols) column-major views covering rows start..stop, in order, without copying."""
        stop = self._n if stop is None else max(0, min(stop, self._n))
        pos = 0
        for block in self._blocks:
            lo, hi = max(start - pos, 0), min(stop - pos, len(block))
            if lo < hi:
                yield block[lo:hi]
            pos += len(block)
            if pos >= stop:
                break

    def _column_parts(self, name: str, start: int = 0, stop: int | None = None) -> list[np.ndarray]:
        """The stored column rows start..stop: one contiguous view per block, not copied."""
        j = self.layout[self.index[name]]
        return [c[:, j] for c in self._chunks(start, stop)]

    def column(self, name: str, start: int = 0, stop: int | None = None) -> np.ndarray:
        """Rows start..stop of one column (a copy: later steps may overwrite truncated rows)."""
        parts = self._column_parts(name, start, stop)
        return np.concatenate(parts) if parts else np.zeros(0)

    def _row_index(self, i: int) -> int:
        if i < 0:
            i += self._n
        if not 0 <= i < self._n:
            raise IndexError(i)
        return i

    def row(self, i: int) -> np.ndarray:
        b, pos = self._locate(self._row_index(i))
        return self._blocks[b][pos, self.layout]

    def row_dict(self, i: int) -> dict[str, float]:
        return dict(zip(self.names, self.row(i).tolist()))

    def array(self, start: int = 0, stop: int | None = None) -> np.ndarray:
        """Rows start..stop as an (n × ncols) array in `names` order (a copy, column-major)."""
        parts = [c[:, self.layout] for c in self._chunks(start, stop)]
        return np.concatenate(parts) if parts else np.zeros((0, self.ncols))

    def theta_at(self, i: int, net: Network) -> np.ndarray:
        """The parameters as they were before step row i, in the network's theta order."""
        # Where theta's entries sit in a stored row, worked out once a shape: the loss plot asks for
        # hundreds of past thetas a frame, and naming every parameter each time cost more than the rest.
        shape = (tuple(net.sizes), tuple(spec.bias for spec in net.layers))
        places = self._theta_places.get(shape)
        if places is None:
            places = self._theta_places[shape] = self.layout[[self.index[n] for n in parameter_columns(net)]]
        b, pos = self._locate(self._row_index(i))
        return self._blocks[b][pos, places]

    def copy(self) -> Trace:
        t = Trace(self.names, self.layout)
        if self._n:
            block, at = np.empty((self._n, self.ncols), order="F"), 0
            for c in self._chunks():
                block[at:at + len(c)] = c
                at += len(c)
            t._blocks = [block]
            t._n = t._cap = self._n
        return t

    def equals(self, other: Trace) -> bool:
        """Same columns, same rows, bit for bit (a trace never holds NaN)."""
        return (self.names == other.names and len(self) == len(other)
                and np.array_equal(self.array().view(np.int64), other.array().view(np.int64)))


class Skip(Trace):
    """A sink that keeps no row: a replay up to a step needs only the state it reaches (copying every
    row cost a large net several times the step itself)."""

    def take(self, staged: np.ndarray, t: object = None) -> None:
        pass
