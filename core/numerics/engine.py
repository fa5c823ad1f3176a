"""Forward and backward pass of one sample or a batch: every z, a, loss term, δ, dE/dW, dE/db, dE/dx.

This is the reference computation the window, the command line and the derivation read. The training
loop (training.py) computes the same numbers without allocating; tests hold the two equal.
Arrays carry a leading batch axis; a single sample is a batch of one.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from backprop_lab.core.model import activations as act
from backprop_lab.core.model.arrays import FloatArray
from backprop_lab.core.model.losses import LOSSES
from backprop_lab.core.model.network import Network
from backprop_lab.core.model.quantity import Key
from backprop_lab.core.numerics import finite_mean


@dataclass
class State:
    """One network evaluated on one sample or a batch. Lists are indexed by layer: zs[0] is unused
    (None), acts[0] is the input. Gradients are means over the batch; deltas are per sample."""
    x: FloatArray                  # (B, n0)
    y: FloatArray                  # (B, nL)
    zs: list[FloatArray | None]    # zs[l]: (B, n_l), l = 1..L
    acts: list[FloatArray]         # acts[l]: (B, n_l), l = 0..L
    terms: FloatArray              # (B, nL) loss terms E_k
    losses: FloatArray             # (B,) E per sample
    loss: float                    # mean of losses (their sum with reduction="sum")
    dE_do: FloatArray              # (B, nL)
    deltas: list[FloatArray | None]  # deltas[l]: (B, n_l), l = 1..L
    dE_da: list[FloatArray]        # dE_da[l]: (B, n_l), l = 0..L (dE_da[0] = dE/dx)
    dW: list[FloatArray]           # dW[l-1]: (n_{l-1}, n_l)
    db: list[FloatArray]           # db[l-1]: like net.b[l-1]
    grad: FloatArray               # flat, like theta

    @property
    def output(self) -> FloatArray:
        return self.acts[-1]

    def z(self, l: int) -> FloatArray:
        """z of layer l = 1..L (the input layer has none)."""
        return _layer(self.zs, l, "z")

    def delta(self, l: int) -> FloatArray:
        """δ of layer l = 1..L (the input layer has none)."""
        return _layer(self.deltas, l, "δ")


def _layer(table: list[FloatArray | None], l: int, what: str) -> FloatArray:
    v = table[l]
    if v is None:
        raise IndexError(f"layer {l} has no {what}: only layers 1..L do")
    return v


def _as_batch(v: npt.ArrayLike, n: int) -> FloatArray:
    v = np.asarray(v, dtype=float)
    if v.ndim == 1:
        v = v[None, :]
    if v.ndim != 2 or v.shape[1] != n:
        raise ValueError(f"expected {n} values per sample, got shape {np.shape(v)}")
    return v


def forward(net: Network, x: npt.ArrayLike) -> tuple[list[FloatArray | None], list[FloatArray]]:
    X = _as_batch(x, net.n_inputs)
    zs: list[FloatArray | None] = [None]
    acts = [X]
    with np.errstate(over="ignore"):
        for l, spec in enumerate(net.layers, start=1):
            z = acts[-1] @ net.W[l - 1] + net.bias_vector(l)
            zs.append(z)
            acts.append(act.ACTIVATIONS[spec.activation].f(z))
    return zs, acts


def evaluate(net: Network, x: npt.ArrayLike, y: npt.ArrayLike, reduction: str = "mean") -> State:
    """Forward and backward pass; the loss and gradients are the mean over the samples given, or
    with reduction="sum" (settings.batch_loss) their sum."""
    zs, acts = forward(net, x)
    Y = _as_batch(y, net.sizes[-1])
    if Y.shape[0] != acts[0].shape[0]:
        raise ValueError("inputs and targets have different numbers of samples")
    loss_fn = LOSSES[net.loss]
    L, B = net.depth, Y.shape[0]
    out_act = net.layers[-1].activation
    with np.errstate(over="ignore"):
        z_out = zs[L]
        assert z_out is not None        # layers 1..L have a z (a check, not a call: this is the edit path)
        terms = loss_fn.terms(z_out, acts[L], Y)
        dE_do = loss_fn.grad_output(z_out, acts[L], Y)
        # Filled from the output back; index 0 of deltas stays None (the input has no δ).
        deltas: list[FloatArray | None] = [None] * (L + 1)
        dE_da: list[FloatArray] = [dE_do] * (L + 1)
        delta = deltas[L] = loss_fn.output_delta(out_act, z_out, acts[L], Y)
        for l in range(L, 0, -1):
            dE_da[l - 1] = delta @ net.W[l - 1].T
            if l > 1:
                z_below = zs[l - 1]
                assert z_below is not None
                delta = deltas[l - 1] = act.backward(net.layers[l - 2].activation, z_below, acts[l - 1],
                                                     dE_da[l - 1])
    dW: list[FloatArray] = []
    db: list[FloatArray] = []
    grad = np.zeros_like(net.theta)
    mean = reduction == "mean"
    # As the passes above: a sum past the largest float is inf, which the checks (checked, the Trainer)
    # refuse where it matters; saying so again as a RuntimeWarning is noise.
    with np.errstate(over="ignore"):
        for l, ((ws, bs), spec) in enumerate(zip(net.slices(), net.layers), start=1):
            d = deltas[l]
            assert d is not None
            g = acts[l - 1].T @ d / B if mean else acts[l - 1].T @ d
            if spec.bias == "neuron":
                gb = d.mean(axis=0) if mean else d.sum(axis=0)
            elif spec.bias == "shared":
                gb = np.array([d.sum(axis=1).mean() if mean else d.sum(axis=1).sum()])
            else:
                gb = np.zeros(0)
            dW.append(g)
            db.append(gb)
            grad[ws] = g.reshape(-1)
            grad[bs] = gb
        losses = terms.sum(axis=1)
        loss = finite_mean.mean(losses) if mean else float(losses.sum())
    return State(acts[0], Y, zs, acts, terms, losses, loss, dE_do, deltas, dE_da, dW, db, grad)


def loss_at(net: Network, x: npt.ArrayLike, y: npt.ArrayLike) -> float:
    """Mean loss only (for finite differences)."""
    zs, acts = forward(net, x)
    Y = _as_batch(y, net.sizes[-1])
    with np.errstate(over="ignore"):
        return float(LOSSES[net.loss].terms(_layer(zs, net.depth, "z"), acts[-1], Y).sum(axis=1).mean())


@dataclass(frozen=True)
class NotFinite:
    """The first value of the forward pass, the loss or the backward pass that is not finite: `kind`
    "z" or "a" of `layer` (1..L), "loss_term" (layer L), "loss" (the mean over the samples, each
    finite), "delta" (layer 1..L), "dE_da" (layer 0..L-1) or "grad" (`unit` the parameter's index,
    `param` its name); `sample` and `unit` from 0 (-1 for the mean)."""
    kind: str
    layer: int
    sample: int
    unit: int
    value: float
    param: str = ""

    def key(self) -> str | None:
        """The quantity's key (core.model.quantity.Key.parse reads it) for a forward value, a loss term,
        the loss or a δ; None for ∂E/∂a and gradients, which have none."""
        if self.kind == "loss":
            return "loss"
        if self.kind == "loss_term":
            return f"loss_term[{self.unit + 1}]"
        if self.kind in ("z", "a", "delta"):
            return f"{self.kind}{self.layer}[{self.unit + 1}]"
        return None

    def named(self, net: Network) -> str:
        """name() in the network's notation where the quantity has a key (seed 004's t1, δt1, E1)."""
        key = self.key()
        return self.name() if key is None else net.notation.name(Key.parse(key))

    def name(self) -> str:
        """The quantity as core.model.quantity writes its key, 1-based: z2[1], loss_term[1], loss,
        δ2[1], ∂E/∂a1[2]; a gradient by its parameter's name: ∂E/∂W2[1,1]."""
        if self.kind == "loss":
            return "loss"
        if self.kind == "grad":
            return f"∂E/∂{self.param}"
        if self.kind == "delta":
            return f"δ{self.layer}[{self.unit + 1}]"
        if self.kind == "dE_da":
            return f"∂E/∂a{self.layer}[{self.unit + 1}]"
        return f"{self.kind}{self.layer if self.kind != 'loss_term' else ''}[{self.unit + 1}]"


def _first_bad(kind: str, layer: int, v: FloatArray) -> NotFinite | None:
    bad = ~np.isfinite(v)
    if not bad.any():
        return None
    s, j = (int(i) for i in np.argwhere(bad)[0])
    return NotFinite(kind, layer, s, j, float(v[s, j]))


def first_not_finite(net: Network, x: npt.ArrayLike, y: npt.ArrayLike) -> NotFinite | None:
    """The one finiteness rule of a project (a loaded document, a typed edit, a data file): every z
    and a of every sample, every loss term and the loss finite, and so is the backward pass the window
    shows (every δ, ∂E/∂a and gradient: a finite loss can still have ∞ · 0 on its way back, a saturated
    neuron under a huge weight). None when they are."""
    return checked(net, x, y)[1]


def checked(net: Network, x: npt.ArrayLike, y: npt.ArrayLike) -> tuple[State, NotFinite | None]:
    """evaluate() and the first value of it that first_not_finite refuses (one pass: a typed edit's
    check is the evaluation the window then shows, core.numerics.project_model.ProjectModel.checked_state)."""
    with np.errstate(all="ignore"):     # inf · 0 on the way is what is looked for
        st = evaluate(net, x, y)
        return st, _first_bad_forward(net, st) or _first_bad_backward(net, st)


def _first_bad_forward(net: Network, st: State) -> NotFinite | None:
    for l in range(1, net.depth + 1):
        for kind, v in (("z", st.z(l)), ("a", st.acts[l])):
            found = _first_bad(kind, l, v)
            if found:
                return found
    found = _first_bad("loss_term", net.depth, st.terms)
    if found:
        return found
    if not np.isfinite(st.loss):
        return NotFinite("loss", net.depth, -1, -1, st.loss)
    return None


def _first_bad_backward(net: Network, st: State) -> NotFinite | None:
    for l in range(net.depth, 0, -1):
        found = _first_bad("delta", l, st.delta(l)) or _first_bad("dE_da", l - 1, st.dE_da[l - 1])
        if found:
            return found
    for l, (ws, _bs) in enumerate(net.slices(), start=1):
        # The largest |a_i · δ_j| of a sample is max|a| · max|δ|: one product a sample finds the
        # weight whose per-sample gradient overflows.
        a, d = np.abs(st.acts[l - 1]), np.abs(st.delta(l))
        worst = a.max(axis=1) * d.max(axis=1)
        bad = np.flatnonzero(~np.isfinite(worst))
        if bad.size:
            s = int(bad[0])
            i, j = int(np.argmax(a[s])), int(np.argmax(d[s]))
            k = ws.start + i * d.shape[1] + j
            return NotFinite("grad", l, s, k, float(worst[s]), net.param_name(k))
    bad = np.flatnonzero(~np.isfinite(st.grad))
    if bad.size:
        k = int(bad[0])
        layer = next(l for l, (ws, bs) in enumerate(net.slices(), start=1) if ws.start <= k < bs.stop)
        return NotFinite("grad", layer, -1, k, float(st.grad[k]), net.param_name(k))
    return None


def numeric_gradient(net: Network, x: npt.ArrayLike, y: npt.ArrayLike, index: int, h: float = 1e-6) -> float:
    """Central finite difference of the mean loss with respect to theta[index]."""
    probe = net.copy()
    v = probe.theta[index]
    probe.theta[index] = v + h
    up = loss_at(probe, x, y)
    probe.theta[index] = v - h
    down = loss_at(probe, x, y)
    return (up - down) / (2 * h)
