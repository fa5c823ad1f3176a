"""The training history in a document (version 3 on): a session saved with its history opens with the
same loss curve, look-back and branches, and goes on training bit for bit as if never saved.

    "history": {"base": the first step, "steps": n, "whole_from": w (rows w.. keep every loss),
                "loss": P(n − w float64), "sample": P(n − w int32),
                "thinned": {"count": c, "rows": P(c int64), "loss": P(c), "sample": P(c)} (rows < w kept),
                "data": [{"samples": m, "inputs": P(m × inputs), "targets": P(m × outputs)}, ...],
                "segments": [{"start": step, "settings": {...as the document's}, "frozen": P(flags),
                              "data": index into data,
                              "checkpoints": {"count": k, "steps": P(k int64), "theta": P(k × params),
                                              "velocity": ..., "m": ..., "v": ..., "t": P(k)}}, ...],
                "end": {"theta", "velocity", "m", "v", "t"} (the state after the last step, if known),
                "trainer": {"step", "velocity", "m", "v", "t"} (the optimizer now), "start": P(params)}

P(...) is an array packed as text: its little-endian bytes grouped by significance (the high bytes of
neighbouring numbers are alike), compressed with zlib and written in base 64 — exact, every bit kept,
about 7 bytes a step for a loss curve. What a segment, its checkpoints, the rows and the thinned old
losses mean: core.numerics.history and core.numerics.kept_losses. A file stays within
document.MAX_BYTES: a history too long for it has its old losses thinned further (every 2nd, 4th …
step, as the window thins past its memory budget); every step still rebuilds exactly, and save says
from which step on the losses are whole.

Loading checks everything a replay will use, naming the field: sizes, finite numbers, Adam's v ≥ 0,
steps in order, samples within their data set, settings valid for it, and a finite loss at each
segment's first state, so a look-back into a loaded history cannot fail.
"""
from __future__ import annotations

import base64
import json
import zlib
from collections.abc import Callable
from typing import Any

import numpy as np

from backprop_lab.core.io.document_checks import _describe, _fail, _object, _text, _whole
from backprop_lab.core.io.pieces import PIECE, Pieces, drive
from backprop_lab.core.model.dataset import MAX_SAMPLES
from backprop_lab.core.model.i18n import fill, translate
from backprop_lab.core.model.network import Network
from backprop_lab.core.model.settings import Settings
from backprop_lab.core.numerics import engine
from backprop_lab.core.numerics.history import History, Segment
from backprop_lab.core.numerics.kept_losses import KeptLosses
from backprop_lab.core.numerics.saved_run import SavedRun, thinned_to
from backprop_lab.core.numerics.trace import column_names
from backprop_lab.core.numerics.update import OptState

MAX_KEPT = 4_000_000            # steps' losses a file keeps at most (about 50 MB once loaded)
MAX_SEGMENTS = 10_000
MAX_RUNS, MAX_LABEL = 100, 200     # runs kept for comparison, and their labels' length
MAX_STEP = 2 ** 53              # a step number stays exact as a float
_STATE = ("theta", "velocity", "m", "v", "t")
SettingsOf = Callable[[object, str], Settings]


# ----- packing ---------------------------------------------------------------------------------------
def pack(a: np.ndarray) -> str:
    return drive(pack_pieces(a))


def pack_pieces(a: np.ndarray) -> Pieces[str]:
    """pack, PIECE bytes at a time (the same text: deflate's output does not depend on how its input
    is handed over)."""
    a = np.ascontiguousarray(a, dtype=a.dtype.newbyteorder("<"))
    width = a.dtype.itemsize
    numbers = np.frombuffer(a.tobytes(), np.uint8).reshape(-1, width)
    z, out, step = zlib.compressobj(3), [], max(1, PIECE // width)
    for j in range(width):              # byte j of every number, then byte j + 1 …
        for i in range(0, len(numbers), step):
            out.append(z.compress(numbers[i:i + step, j].tobytes()))
            yield min(step, len(numbers) - i)
    out.append(z.flush())
    return base64.b64encode(b"".join(out)).decode("ascii")


def unpack(v: object, field: str, dtype: str, count: int) -> np.ndarray:
    return drive(unpack_pieces(v, field, dtype, count))


def unpack_pieces(v: object, field: str, dtype: str, count: int) -> Pieces[np.ndarray]:
    """`count` numbers of `dtype` from pack's text, PIECE bytes at a time; never inflates more than
    those bytes."""
    if not isinstance(v, str):
        _fail(field, fill(translate("Document", "must be packed numbers (text), got %1"), _describe(v)))
    width = np.dtype(dtype).itemsize
    want, raw = count * width, bytearray()
    try:
        d, rest = zlib.decompressobj(), base64.b64decode(v, validate=True)
        while True:
            part = d.decompress(rest, min(PIECE, want + 1 - len(raw)))
            raw += part
            rest = d.unconsumed_tail
            if d.eof or len(raw) > want or not part:
                break
            yield len(part)
    except (ValueError, zlib.error):
        _fail(field, translate("Document", "is damaged: its packed numbers cannot be read"))
    if len(raw) != want or not d.eof or d.unconsumed_tail or d.unused_data:
        _fail(field, fill(translate("Document", "must hold %1 numbers"), count))
    grouped = np.frombuffer(bytes(raw), np.uint8).reshape(width, count)
    out = np.empty(count, np.dtype(dtype).newbyteorder("="))
    step = max(1, PIECE // width)
    for i in range(0, count, step):
        out[i:i + step] = np.ascontiguousarray(grouped[:, i:i + step].T).view(dtype).reshape(-1)
        yield min(step, count - i) * width
    return out


def _finite(a: np.ndarray, field: str, which: str = "", first: int = 1) -> np.ndarray:
    """a, if every number is finite; which: the translated words naming entry %1 ("number %1"),
    counted from `first`."""
    bad = ~np.isfinite(a)
    if bad.any():
        _fail(field, fill(translate("Document", "%1 is not a finite number"),
                          fill(which or translate("Document", "number %1"), int(np.argmax(bad)) + first)))
    return a


# ----- writing ---------------------------------------------------------------------------------------
def to_json(run: SavedRun, settings_json: Callable[[Settings], dict[str, Any]],
            budget: int) -> Pieces[tuple[dict[str, Any], int]]:
    """The history's JSON within `budget` bytes, and 0, or the step before which the file keeps its
    losses thinned further than the session had them (every 2nd, 4th … step) to fit (in pieces)."""
    h = run.history
    if run.step != h.base + len(h):     # not the trainer's history: keep the state, not the steps
        return (yield from _encode(run, _empty(h, run.step), settings_json)), h.base + len(h)
    rows = min(h.kept, MAX_KEPT, _fits(h, budget))
    for _ in range(6):
        g = h if rows >= h.kept else thinned_to(h, rows)
        doc = yield from _encode(run, g, settings_json)
        size = len(json.dumps(doc))
        if size <= budget:
            return doc, (h.base + g.thinned if g is not h else 0)
        rows = int(g.kept * budget / size * 0.9)
    return (yield from _encode(run, _empty(h, run.step), settings_json)), h.base + len(h)


def _fits(h: History, budget: int) -> int:
    """About how many steps' losses fit in budget bytes, judged by packing the last 65,536 (a long
    history is not packed whole only to learn that it is too long)."""
    n, full0 = len(h), h._kept.full0
    probe = min(n - full0, 65536)
    if probe <= 0:
        return h.kept
    packed = len(pack(h.losses(n - probe))) + len(pack(h.samples(n - probe)))
    per_step = packed / probe * 1.1 + 32 * h.net.n_params * 4 / 3 / h.every    # and the checkpoints
    return int(budget / per_step)


def _empty(h: History, step: int) -> History:
    out = History(h.net, h.names, h.layout)
    out.base = step
    return out


def _state_json(theta: np.ndarray, opt: OptState) -> dict[str, str]:
    return {"theta": pack(theta), "velocity": pack(opt.velocity), "m": pack(opt.m), "v": pack(opt.v),
            "t": pack(np.asarray(opt.t, dtype=float).reshape(1))}


def _encode(run: SavedRun, h: History,
            settings_json: Callable[[Settings], dict[str, Any]]) -> Pieces[dict[str, Any]]:
    datas: list[tuple[np.ndarray, np.ndarray]] = []

    def data_index(s: Segment) -> int:
        for i, (X, Y) in enumerate(datas):
            if (X is s.X and Y is s.Y) or (np.array_equal(X, s.X) and np.array_equal(Y, s.Y)):
                return i
        datas.append((s.X, s.Y))
        return len(datas) - 1

    segments = []
    for s in h.segments:
        states = s.states
        checkpoints: dict[str, Any] = {"count": len(s.steps)}
        for name, gather in (("steps", lambda: np.array(s.steps, dtype=np.int64)),
                             ("theta", lambda: np.concatenate([t for t, _ in states])),
                             ("velocity", lambda: np.concatenate([o.velocity for _, o in states])),
                             ("m", lambda: np.concatenate([o.m for _, o in states])),
                             ("v", lambda: np.concatenate([o.v for _, o in states])),
                             ("t", lambda: np.array([float(o.t) for _, o in states]))):
            a = gather()        # one at a time, each its own piece: many checkpoints take a while
            yield 0
            checkpoints[name] = yield from pack_pieces(a)
        segments.append({"start": s.start, "settings": settings_json(s.settings),
                         "frozen": pack(np.asarray(s.frozen, dtype=np.uint8)), "data": data_index(s),
                         "checkpoints": checkpoints})
    trainer = {k: x for k, x in _state_json(run.start_theta, run.opt).items() if k != "theta"}
    k = h._kept
    loss = yield from pack_pieces(h.losses(k.full0))
    sample = yield from pack_pieces(h.samples(k.full0))
    doc: dict[str, Any] = {
        "base": h.base, "steps": len(h), "whole_from": k.full0, "loss": loss, "sample": sample,
        "thinned": {"count": len(k.old_rows), "rows": pack(k.old_rows), "loss": pack(k.old_loss),
                    "sample": pack(k.old_sample)},
        "data": [{"samples": len(X), "inputs": pack(X), "targets": pack(Y)} for X, Y in datas],
        "segments": segments, "trainer": {"step": run.step, **trainer}, "start": pack(run.start_theta)}
    if h._end is not None:
        doc["end"] = _state_json(*h._end)
    if run.kept:
        doc["kept"] = []
        for label, x, y in run.kept[:MAX_RUNS]:
            xs = yield from pack_pieces(np.asarray(x, dtype=float))
            ys = yield from pack_pieces(np.asarray(y, dtype=float))
            doc["kept"].append({"label": label, "count": len(x), "steps": xs, "loss": ys})
    return doc


# ----- reading ---------------------------------------------------------------------------------------
def length(doc: object) -> int:
    """The steps a parsed document's history says it holds (0 without one; from_json checks it)."""
    h = doc.get("history") if isinstance(doc, dict) else None
    steps = h.get("steps") if isinstance(h, dict) else 0
    return steps if isinstance(steps, int) and not isinstance(steps, bool) and steps > 0 else 0


def from_json(raw: object, net: Network, settings_of: SettingsOf) -> Pieces[SavedRun]:
    """Check a document's "history" against its network completely, and build what it holds (in pieces)."""
    f = "history"
    v = _object(raw, f, required=("base", "steps", "whole_from", "loss", "sample", "thinned", "data", "segments",
                                  "trainer", "start"), optional=("end", "kept"))
    base = _whole(v["base"], f"{f}.base", 0, MAX_STEP)
    n = _whole(v["steps"], f"{f}.steps", 0, MAX_STEP - base)
    kept = yield from _kept(v, f, base, n)
    datas = yield from _datas(v["data"], net)
    h = History(net, column_names(net))
    h.base = base
    h.segments = yield from _segments(v["segments"], net, datas, settings_of, base, n, kept)
    if "end" in v:
        h._end = _one((yield from _state(v["end"], f"{f}.end", net.n_params)))
    h._kept = kept
    t = _object(v["trainer"], f"{f}.trainer", required=("step",) + _STATE[1:])
    step = _whole(t["step"], f"{f}.trainer.step", base + n, base + n)
    start = _finite(unpack(v["start"], f"{f}.start", "<f8", net.n_params), f"{f}.start")
    _same, opt = _one((yield from _state({"theta": v["start"], **{q: t[q] for q in _STATE[1:]}},
                                         f"{f}.trainer", net.n_params)))
    return SavedRun(h, step, opt, start, (yield from _kept_runs(v.get("kept", []), f"{f}.kept")))


def _kept_runs(raw: object, f: str) -> Pieces[list[tuple[str, np.ndarray, np.ndarray]]]:
    """The runs kept for comparison: a label, and finite steps and losses, as many of each."""
    if not isinstance(raw, list) or len(raw) > MAX_RUNS:
        _fail(f, fill(translate("Document", "must be a list of at most %1 runs, got %2"), MAX_RUNS, _describe(raw)))
    out = []
    for i, r in enumerate(raw, start=1):
        g = f"{f}[{i}]"
        r = _object(r, g, required=("label", "count", "steps", "loss"))
        label = _text(r["label"], f"{g}.label", MAX_LABEL)
        k = _whole(r["count"], f"{g}.count", 0, MAX_KEPT)
        x = _finite((yield from unpack_pieces(r["steps"], f"{g}.steps", "<f8", k)), f"{g}.steps")
        y = _finite((yield from unpack_pieces(r["loss"], f"{g}.loss", "<f8", k)), f"{g}.loss")
        out.append((label, x, y))
    return out


def _kept(v: dict[str, Any], f: str, base: int, n: int) -> Pieces[KeptLosses]:
    """The losses and samples kept: every step from whole_from on, and the thinned older ones."""
    full0 = _whole(v["whole_from"], f"{f}.whole_from", 0, n)
    if n - full0 > MAX_KEPT:
        _fail(f"{f}.loss", fill(translate("Document", "%1 steps kept whole; a file keeps at most %2 steps' losses"),
                                n - full0, f"{MAX_KEPT:,}"))
    loss = _finite((yield from unpack_pieces(v["loss"], f"{f}.loss", "<f8", n - full0)), f"{f}.loss",
                   translate("Document", "the loss of step %1"), base + full0)
    sample = yield from unpack_pieces(v["sample"], f"{f}.sample", "<i4", n - full0)
    t = _object(v["thinned"], f"{f}.thinned", required=("count", "rows", "loss", "sample"))
    c = _whole(t["count"], f"{f}.thinned.count", 0, min(full0, MAX_KEPT))
    rows = yield from unpack_pieces(t["rows"], f"{f}.thinned.rows", "<i8", c)
    if c and (rows[0] < 0 or rows[-1] >= full0 or (np.diff(rows) <= 0).any()):
        _fail(f"{f}.thinned.rows", fill(translate("Document", "must rise from 0 to below whole_from (%1)"), full0))
    kept = KeptLosses()
    kept.old_rows = rows
    kept.old_loss = _finite((yield from unpack_pieces(t["loss"], f"{f}.thinned.loss", "<f8", c)), f"{f}.thinned.loss",
                            translate("Document", "loss %1"))
    kept.old_sample = yield from unpack_pieces(t["sample"], f"{f}.thinned.sample", "<i4", c)
    kept.n = kept.full0 = full0
    kept.append(loss, sample)
    return kept


def _datas(raw: object, net: Network) -> Pieces[list[tuple[np.ndarray, np.ndarray]]]:
    if not isinstance(raw, list) or len(raw) > MAX_SEGMENTS:
        _fail("history.data", fill(translate("Document", "must be a list of at most %1 data sets, got %2"),
                                   MAX_SEGMENTS, _describe(raw)))
    out = []
    n_in, n_out = net.sizes[0], net.sizes[-1]
    for i, d in enumerate(raw, start=1):
        f = f"history.data[{i}]"
        d = _object(d, f, required=("samples", "inputs", "targets"))
        m = _whole(d["samples"], f"{f}.samples", 1, MAX_SAMPLES)
        X = _finite((yield from unpack_pieces(d["inputs"], f"{f}.inputs", "<f8", m * n_in)), f"{f}.inputs")
        Y = _finite((yield from unpack_pieces(d["targets"], f"{f}.targets", "<f8", m * n_out)), f"{f}.targets")
        out.append((X.reshape(m, n_in), Y.reshape(m, n_out)))
    return out


def _state(raw: object, f: str, P: int, k: int = 1,
           also: tuple[str, ...] = ()) -> Pieces[tuple[np.ndarray, OptState]]:
    """k states (θ and the optimizer's) of P parameters: all finite, Adam's v ≥ 0 and t a whole ≥ 0."""
    v = _object(raw, f, required=_STATE, optional=also)
    arrays = []
    for q in _STATE[:4]:
        arrays.append(_finite((yield from unpack_pieces(v[q], f"{f}.{q}", "<f8", k * P)), f"{f}.{q}"))
    theta, vel, m, sq = arrays
    t = _finite((yield from unpack_pieces(v["t"], f"{f}.t", "<f8", k)), f"{f}.t")
    if (sq < 0).any():
        _fail(f"{f}.v", translate("Document", "Adam's second moment cannot be negative"))
    if (t < 0).any() or (t != np.floor(t)).any() or (t > MAX_STEP).any():
        _fail(f"{f}.t", translate("Document", "Adam's step count must be a whole number ≥ 0"))
    return theta, OptState(vel, m, sq, t)


def _one(state: tuple[np.ndarray, OptState]) -> tuple[np.ndarray, OptState]:
    """A single state as the trainer holds it (Adam's t a 0-d array)."""
    theta, o = state
    return theta, OptState(o.velocity, o.m, o.v, o.t.reshape(()))


def _segments(raw: object, net: Network, datas: list[tuple[np.ndarray, np.ndarray]], settings_of: SettingsOf,
              base: int, n: int, kept: KeptLosses) -> Pieces[list[Segment]]:
    f0 = "history.segments"
    if not isinstance(raw, list) or len(raw) > MAX_SEGMENTS or (n and not raw):
        _fail(f0, fill(translate("Document", "must be a list of %1 to %2 segments, got %3"),
                       1 if n else 0, MAX_SEGMENTS, _describe(raw)))
    starts: list[int] = []
    for i, s in enumerate(raw, start=1):
        s = _object(s, f"{f0}[{i}]", required=("start", "settings", "frozen", "data", "checkpoints"))
        lo = base if i == 1 else starts[-1]
        hi = base if i == 1 else base + n
        starts.append(_whole(s["start"], f"{f0}[{i}].start", lo, hi))
    out = []
    for i, s in enumerate(raw, start=1):
        stop = starts[i] if i < len(starts) else base + n
        sample = kept.kept_samples(starts[i - 1] - base, stop - base)
        out.append((yield from _segment(s, f"{f0}[{i}]", net, datas, settings_of, starts[i - 1], stop, sample)))
    return out


def _segment(s: dict[str, Any], f: str, net: Network, datas: list[tuple[np.ndarray, np.ndarray]],
             settings_of: SettingsOf, start: int, stop: int, sample: np.ndarray) -> Pieces[Segment]:
    P = net.n_params
    if not datas:
        _fail(f"{f}.data", translate("Document", "refers to a data set, but history.data is empty"))
    X, Y = datas[_whole(s["data"], f"{f}.data", 0, len(datas) - 1)]
    settings = settings_of(s["settings"], f"{f}.settings")
    try:
        settings.validate(len(X))
    except ValueError as e:
        _fail(f"{f}.settings", str(e))
    flags = unpack(s["frozen"], f"{f}.frozen", "u1", P)
    if (flags > 1).any():
        _fail(f"{f}.frozen", translate("Document", "each flag must be 0 or 1"))
    if ((sample < -1) | (sample >= len(X))).any():
        _fail("history.sample", fill(translate("Document", "a step from %1 on names a sample its data set "
                                                           "(%2 samples) lacks"), start, len(X)))
    c = _object(s["checkpoints"], f"{f}.checkpoints", required=("count", "steps") + _STATE)
    k = _whole(c["count"], f"{f}.checkpoints.count", 1, MAX_KEPT)
    steps = yield from unpack_pieces(c["steps"], f"{f}.checkpoints.steps", "<i8", k)
    if steps[0] != start or (np.diff(steps) <= 0).any() or steps[-1] > stop:
        _fail(f"{f}.checkpoints.steps", fill(translate("Document", "must rise from the segment's start %1 to at "
                                                                   "most %2"), start, stop))
    theta, opt = yield from _state(c, f"{f}.checkpoints", P, k, also=("count", "steps"))
    frozen = flags.astype(bool)
    probe = net.copy()
    probe.theta[...] = theta[:P]
    if not np.isfinite(engine.loss_at(probe, X, Y)):
        _fail(f"{f}.checkpoints.theta", translate("Document", "the loss at the segment's start is not finite"))
    seg = Segment(start, settings, frozen, X, Y)
    for j in range(k):
        if j % 256 == 255:
            yield 256 * P * 32
        seg.steps.append(int(steps[j]))
        seg.states.append((theta[j * P:(j + 1) * P].copy(),
                           OptState(opt.velocity[j * P:(j + 1) * P].copy(), opt.m[j * P:(j + 1) * P].copy(),
                                    opt.v[j * P:(j + 1) * P].copy(), np.array(opt.t[j]))))
    return seg
