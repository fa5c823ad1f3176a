"""A plain numpy SGD loop, written the way a textbook writes it: the reference the fast trainer is held
equal to (tests/core/test_training.py) and the baseline the benchmark measures it against."""
from __future__ import annotations

import numpy as np

from backprop_lab.core.model.dataset import Dataset
from backprop_lab.core.model.network import LayerSpec, Network, init_weights
from backprop_lab.core.model.notation import seed004

# name, sizes, activations, bias, loss


NETS = [
    ("2-2-2 (seed 004)", [2, 2, 2], ["sigmoid", "sigmoid"], "none", "half_sse"),
    ("3-3-3-3 (seed 000)", [3, 3, 3, 3], ["relu", "sigmoid", "softmax"], "neuron", "cross_entropy"),
    ("4-16-16-3 ReLU/σ/softmax", [4, 16, 16, 3], ["relu", "sigmoid", "softmax"], "neuron", "cross_entropy"),
    ("4-16-16-3 σ/σ/σ ½SSE", [4, 16, 16, 3], ["sigmoid", "sigmoid", "sigmoid"], "neuron", "half_sse"),
]


def make(sizes, acts, bias, loss, n_samples=4, seed=0):
    net = Network(sizes[0], [LayerSpec(n, a, bias) for n, a in zip(sizes[1:], acts)], loss)
    init_weights(net, seed)
    rng = np.random.default_rng(seed)
    X, Y = rng.uniform(-1, 1, (n_samples, sizes[0])), rng.uniform(0, 1, (n_samples, sizes[-1]))
    if loss == "cross_entropy":
        Y /= Y.sum(axis=1, keepdims=True)
    return net, Dataset(X, Y)


def seed004_net():
    net = Network(2, [LayerSpec(2, "sigmoid", "none"), LayerSpec(2, "sigmoid", "none")], notation=seed004())
    net.W[0][...] = [[0.3, 0.4], [0.25, 0.35]]
    net.W[1][...] = [[0.45, 0.7], [0.4, 0.6]]
    return net, Dataset([[0.1, 0.2]], [[0.4, 0.6]])


# ----- the baseline: what a person writes first ----------------------------------------------------------
def _f(name, z):
    if name == "sigmoid":
        return 1 / (1 + np.exp(-z))
    if name == "relu":
        return np.maximum(z, 0)
    e = np.exp(z - z.max())
    return e / e.sum()


def _df(name, a):
    return a * (1 - a) if name == "sigmoid" else (a > 0).astype(float)


def baseline_run(net: Network, data: Dataset, lr: float, steps: int):
    """Plain per-step numpy: forward, loss, backward, update, and the same trace row appended to a list
    (the row in the trace's column order, built with np.concatenate). Returns (Ws, bs, rows array)."""
    Ws = [W.copy() for W in net.W]
    bs = [b.copy() for b in net.b]
    acts = [s.activation for s in net.layers]
    has_b = [s.bias != "none" for s in net.layers]
    rows = []
    for k in range(steps):
        i = k % len(data)
        x, y = data.X[i], data.Y[i]
        zs, hs = [], [x]
        for W, b, name in zip(Ws, bs, acts):
            z = hs[-1] @ W + b if b.size else hs[-1] @ W
            zs.append(z)
            hs.append(_f(name, z))
        o = hs[-1]
        if net.loss == "cross_entropy":
            loss = -np.sum(y * np.log(o))
            delta = o - y
        else:
            loss = 0.5 * np.sum((y - o) ** 2)
            delta = (o - y) * _df(acts[-1], o)
        deltas, dWs, dbs = [None] * len(Ws), [None] * len(Ws), [None] * len(Ws)
        for l in range(len(Ws) - 1, -1, -1):
            deltas[l] = delta
            dWs[l] = np.outer(hs[l], delta)
            dbs[l] = delta.copy()
            if l:
                delta = (Ws[l] @ delta) * _df(acts[l - 1], hs[l])
        _record_and_update(rows, [np.array([k, i, loss]), x, y], zs, hs[1:], deltas, Ws, bs, dWs, dbs, has_b, lr)
    return Ws, bs, np.array(rows)


def baseline_batch_run(net: Network, data: Dataset, lr: float, steps: int):
    """The same plain numpy for full-batch steps: forward and backward on the (B × n) matrices, the
    mean gradients, and the row of batch means appended to a list. Returns (Ws, bs, rows array)."""
    Ws = [W.copy() for W in net.W]
    bs = [b.copy() for b in net.b]
    acts = [s.activation for s in net.layers]
    has_b = [s.bias != "none" for s in net.layers]
    X, Y = data.X, data.Y
    n = len(X)
    rows = []
    for k in range(steps):
        zs, hs = [], [X]
        for W, b, name in zip(Ws, bs, acts):
            z = hs[-1] @ W + b if b.size else hs[-1] @ W
            zs.append(z)
            if name == "softmax":
                e = np.exp(z - z.max(axis=1, keepdims=True))
                hs.append(e / e.sum(axis=1, keepdims=True))
            else:
                hs.append(_f(name, z))
        o = hs[-1]
        if net.loss == "cross_entropy":
            loss = -np.sum(Y * np.log(o)) / n
            delta = o - Y
        else:
            loss = 0.5 * np.sum((Y - o) ** 2) / n
            delta = (o - Y) * _df(acts[-1], o)
        deltas, dWs, dbs = [None] * len(Ws), [None] * len(Ws), [None] * len(Ws)
        for l in range(len(Ws) - 1, -1, -1):
            deltas[l] = delta
            dWs[l] = hs[l].T @ delta / n
            dbs[l] = delta.mean(axis=0)
            if l:
                delta = (delta @ Ws[l].T) * _df(acts[l - 1], hs[l])
        _record_and_update(rows, [np.array([k, -1, loss]), X.mean(axis=0), Y.mean(axis=0)],
                           [z.mean(axis=0) for z in zs], [h.mean(axis=0) for h in hs[1:]],
                           [d.mean(axis=0) for d in deltas], Ws, bs, dWs, dbs, has_b, lr)
    return Ws, bs, np.array(rows)


def _record_and_update(rows, head, zs, acts, deltas, Ws, bs, dWs, dbs, has_b, lr):
    """The baselines' trace row (the same columns as core.trace) and their plain SGD update."""
    parts = list(head)
    for l in range(len(Ws)):
        parts += [zs[l], acts[l], Ws[l].ravel()] + ([bs[l]] if has_b[l] else [])
        parts += [deltas[l], dWs[l].ravel()] + ([dbs[l]] if has_b[l] else [])
    rows.append(np.concatenate(parts))
    for l in range(len(Ws)):
        Ws[l] -= lr * dWs[l]
        if has_b[l]:
            bs[l] -= lr * dbs[l]


# ----- timing ---------------------------------------------------------------------------------------------
