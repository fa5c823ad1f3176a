"""Past its limit the history thins old steps (issue 9): recent steps keep every loss, older ones every
2nd, 4th …, what is kept is exact, look-back still rebuilds any step bit for bit from the checkpoints
kept, and cutting back and pasting (undo, redo, branching) works across the thinned part. And the one
memory budget (core.numerics.budget) the command line and the window share."""
import numpy as np
import pytest

from backprop_lab.core.io.presets import load_preset
from backprop_lab.core.model.network import LayerSpec, Network
from backprop_lab.core.numerics import budget, kept_losses
from backprop_lab.core.numerics.kept_losses import KeptLosses
from backprop_lab.core.numerics.trace import Trace
from backprop_lab.core.numerics.training import Trainer


def fill(k: KeptLosses, n: int, piece: int = 997) -> None:
    for a in range(0, n, piece):
        rows = np.arange(a, min(n, a + piece))
        k.append(rows.astype(float) * 0.5, (rows % 7).astype(np.int32))


def test_kept_losses_thin_the_old_keep_the_recent_and_stay_under_the_limit():
    k = KeptLosses(limit=4000, block=256)
    fill(k, 100_000)
    rows, loss, sample = k.kept_rows()
    assert k.n == 100_000 and len(rows) == k.kept <= 4000
    assert np.array_equal(loss, rows * 0.5) and np.array_equal(sample, rows % 7)     # kept values exact
    assert rows[0] == 0 and np.all(np.diff(rows) > 0)
    assert np.array_equal(rows[-2000:], np.arange(98_000, 100_000))                 # the recent half whole
    gaps = np.diff(rows)
    assert gaps.max() >= 8 and np.all(np.diff(gaps[::-1]) >= 0)     # sparser the further back
    assert k.stride() == gaps.max()
    with pytest.raises(IndexError, match="thinned"):
        k.losses(0, 10)


def test_the_samples_alone_are_those_of_the_rows_kept_in_any_span():
    # a document's check reads kept_samples (core.io.document_history); they must be kept_rows' samples exactly
    k = KeptLosses(limit=4000, block=256)
    fill(k, 100_000)
    every = k.kept_rows()[0]
    for start, stop in ((0, None), (0, 100_000), (17, 42_001), (50_000, 98_500), (98_000, 99_999), (99_000, 99_000),
                        (5, 3), (97_000, 250_000)):
        rows, _loss, sample = k.kept_rows(start, stop)
        alone = k.kept_samples(start, stop)
        inside = every[(every >= start) & (every < (100_000 if stop is None else stop))]
        assert np.array_equal(rows, inside)
        assert alone.dtype == np.int32 and np.array_equal(alone, sample) and np.array_equal(alone, inside % 7)


def test_kept_losses_cut_and_paste_through_the_thinned_part():
    k = KeptLosses(limit=4000, block=256)
    fill(k, 50_000)
    before = k.kept_rows()
    for at in (49_999, 47_000, 20_000, 3):
        piece = k.cut(at)
        rows, loss, _ = k.kept_rows()
        assert k.n == at and (not len(rows) or rows[-1] < at) and np.array_equal(loss, rows * 0.5)
        fill_more = k.copy()
        assert np.array_equal(fill_more.kept_rows()[0], rows)
        k.paste(piece)
        after = k.kept_rows()
        assert all(np.array_equal(a, b) for a, b in zip(before, after))


def test_a_thinned_history_still_rebuilds_every_step_and_keeps_exact_losses(monkeypatch):
    monkeypatch.setattr(kept_losses, "BLOCK", 256)
    p = load_preset("seed004")
    full = Trainer(p.net.copy(), p.data, p.settings.copy(), Trace(Trainer(p.net.copy(), p.data).names))
    full.run(30_000)
    t = Trainer(p.net.copy(), p.data, p.settings.copy())
    h = t.history()
    h.set_limit(3000)
    for n in (7_000, 13_000, 10_000):
        t.run(n)
    assert len(h) == 30_000 and h.kept <= 3000 and h.thinned > 0 and h.stride() >= 4
    rows, loss, _ = h.kept_rows()
    assert np.array_equal(loss, full.trace.column("loss")[rows])
    rng = np.random.default_rng(4)
    for i in list(rng.integers(0, 30_000, 6)) + [0, h.thinned - 1, 29_999]:
        theta, _ = h.state_at(int(i))
        assert np.array_equal(theta, full.trace.theta_at(int(i), full.net)), i
        assert np.array_equal(h.row(int(i)), full.trace.row(int(i)))
    # checkpoints follow the losses kept: far fewer than one every K steps
    checkpoints = sum(len(s.steps) for s in h.segments)
    assert checkpoints < 30_000 // h.every
    # undo of steps far back and redo: the rows and the state come back
    tail = h.cut(1234)
    assert len(h) == 1234 and np.array_equal(h.state_at(1000)[0], full.trace.theta_at(1000, full.net))
    h.paste(tail)
    assert len(h) == 30_000 and np.array_equal(h.row(29_000), full.trace.row(29_000))


def test_one_memory_budget_sized_from_the_network():
    small = load_preset("seed004").net
    big = Network(32, [LayerSpec(32) for _ in range(8)])
    assert budget.history_refusal(small, 10 ** 8) is None
    msg = budget.history_refusal(small, 10 ** 10)
    assert msg is not None and "GB" in msg and f"at most {budget.MEMORY_BUDGET // 2 ** 30} GB" in msg
    assert 12 < budget.history_step_bytes(small) <= 16 and 12 < budget.history_step_bytes(big) <= 16
    assert budget.history_step_bytes(big) > budget.history_step_bytes(small)
    assert budget.window_rows(big) < budget.window_rows(small)
    for net in (small, big):
        rows = budget.window_rows(net)
        assert rows * budget.window_step_bytes(net) <= budget.MEMORY_BUDGET * budget.WINDOW_SHARE
        assert budget.warn_rows(net) == int(rows * budget.WARN_SHARE) < rows
