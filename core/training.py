"""The data set, the optimizer settings and the SGD step loop.

The loop keeps everything one step touches in a single float64 row buffer R laid out as
[step, sample, loss | x | y | theta | grad | z, a, δ of each layer]; the network's theta is rebound to
live inside R, every computation writes into views of R with `out=`, and the trace receives R gathered
into its column order with one `np.take`. So one step allocates nothing and makes about thirty numpy
calls, which is what sets its speed. All gradients of a step are taken at the weights before it.
"""
from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from . import activations as act
from .engine import evaluate
from .network import Network
from .trace import Trace, column_names

MODES = ("sample", "minibatch", "batch")


class DivergenceError(ArithmeticError):
    """A step would have produced NaN or Inf; the state before it is kept."""

    def __init__(self, step: int, param: str, what: str):
        self.step, self.param = step, param
        super().__init__(f"step {step}: {what} {param} would become {'NaN or Inf'}; the step was refused "
                         f"and the parameters are as they were before it")


@dataclass
class Dataset:
    X: np.ndarray
    Y: np.ndarray

    def __post_init__(self):
        self.X = np.atleast_2d(np.array(self.X, dtype=float))
        self.Y = np.atleast_2d(np.array(self.Y, dtype=float))
        if self.X.shape[0] != self.Y.shape[0]:
            raise ValueError(f"data: {self.X.shape[0]} inputs but {self.Y.shape[0]} targets")
        if self.X.shape[0] < 1:
            raise ValueError("data: at least one sample is needed")
        if not (np.isfinite(self.X).all() and np.isfinite(self.Y).all()):
            raise ValueError("data: every input and target must be a finite number")

    def __len__(self) -> int:
        return self.X.shape[0]

    def copy(self) -> "Dataset":
        return Dataset(self.X.copy(), self.Y.copy())


@dataclass
class Settings:
    lr: float = 0.5
    momentum: float = 0.0
    mode: str = "sample"         # per sample, mini-batch, or the full batch
    shuffle: bool = False        # per-sample and mini-batch: shuffle each epoch (seeded) or cycle in order
    batch_size: int = 2
    seed: int = 0

    def validate(self, n_samples: int | None = None) -> None:
        if not np.isfinite(self.lr) or self.lr <= 0:
            raise ValueError(f"lr: must be a positive finite number, got {self.lr!r}")
        if not np.isfinite(self.momentum) or not 0 <= self.momentum < 1:
            raise ValueError(f"momentum: must be in [0, 1), got {self.momentum!r}")
        if self.mode not in MODES:
            raise ValueError(f"mode: one of {', '.join(MODES)}, got {self.mode!r}")
        if not isinstance(self.batch_size, int) or self.batch_size < 1:
            raise ValueError(f"batch_size: must be a whole number ≥ 1, got {self.batch_size!r}")

    def copy(self) -> "Settings":
        return Settings(**self.__dict__)


def _epoch_order(n: int, epoch: int, seed: int, shuffle: bool) -> np.ndarray:
    if not shuffle:
        return np.arange(n)
    # A pure function of (seed, epoch): undo, branching and replays all see the same order.
    return np.random.default_rng([seed, epoch]).permutation(n)


def samples_for_step(k: int, n: int, s: Settings) -> np.ndarray:
    """The sample indices step k (0-based) averages over."""
    if s.mode == "batch":
        return np.arange(n)
    size = 1 if s.mode == "sample" else min(s.batch_size, n)
    per_epoch = -(-n // size)
    epoch, b = divmod(k, per_epoch)
    return _epoch_order(n, epoch, s.seed, s.shuffle)[b * size:(b + 1) * size]


@dataclass
class Trainer:
    """Owns the network's parameters while training; `net.theta` lives inside the row buffer."""
    net: Network
    data: Dataset
    settings: Settings = field(default_factory=Settings)
    trace: Trace | None = None
    step: int = 0

    def __post_init__(self):
        net = self.net
        self.names = column_names(net)
        if self.trace is None:
            self.trace = Trace(self.names)
        sizes, P, L = net.sizes, net.n_params, net.depth
        layout: dict[str, tuple[int, int]] = {}
        pos = 3

        def take(key, n):
            nonlocal pos
            layout[key] = (pos, pos + n)
            pos += n

        take("x", sizes[0])
        take("y", sizes[-1])
        take("theta", P)
        take("grad", P)
        for l in range(1, L + 1):
            for q in ("z", "a", "delta"):
                take(f"{q}{l}", sizes[l])
        self.R = R = np.zeros(pos)
        self._layout = layout
        v = lambda key: R[slice(*layout[key])]
        net.rebind(v("theta"))
        self.theta, self.grad = v("theta"), v("grad")
        self.velocity = np.zeros(P)
        self.x, self.y = v("x"), v("y")
        self.z = [None] + [v(f"z{l}") for l in range(1, L + 1)]
        self.a = [self.x] + [v(f"a{l}") for l in range(1, L + 1)]
        self.delta = [None] + [v(f"delta{l}") for l in range(1, L + 1)]
        gW, gb = [], []
        for ws, bs in net.slices():
            gW.append(self.grad[ws])
            gb.append(self.grad[bs])
        self.dW = [g.reshape(w.shape) for g, w in zip(gW, net.W)]
        self.db = gb
        self.perm = self._gather_order()

    # ----- layout -------------------------------------------------------------------------------
    def _gather_order(self) -> np.ndarray:
        """For each trace column, its position in R."""
        net, lay = self.net, self._layout
        where = {"step": 0, "sample": 1, "loss": 2}
        for i in range(net.sizes[0]):
            where[f"a0[{i + 1}]"] = lay["x"][0] + i
        for k in range(net.sizes[-1]):
            where[f"y[{k + 1}]"] = lay["y"][0] + k
        p0, g0 = lay["theta"][0], lay["grad"][0]
        from .trace import parameter_columns
        for t, name in enumerate(parameter_columns(net)):
            where[name] = p0 + t
            where["dE/d" + name] = g0 + t
        for l in range(1, net.depth + 1):
            for q, key in (("z", "z"), ("a", "a"), ("delta", "delta")):
                for j in range(net.sizes[l]):
                    where[f"{key}{l}[{j + 1}]"] = lay[f"{q}{l}"][0] + j
        return np.array([where[n] for n in self.names], dtype=np.intp)

    # ----- stepping -----------------------------------------------------------------------------
    def run(self, n: int, should_stop=None) -> int:
        """Take n steps (fewer if should_stop() turns true, checked every 256 steps). Returns the
        number taken. Raises DivergenceError, with the state before the offending step kept."""
        s, data = self.settings, self.data
        s.validate(len(data))
        if data.X.shape[1] != self.net.sizes[0] or data.Y.shape[1] != self.net.sizes[-1]:
            raise ValueError("data: the samples do not fit the network's inputs and outputs")
        done = 0
        with np.errstate(over="ignore", invalid="ignore", divide="ignore"):
            while done < n:
                chunk = min(n - done, 256)
                if s.mode == "sample":
                    self._run_samples(chunk)
                else:
                    for _ in range(chunk):
                        self._batch_step()
                done += chunk
                if should_stop is not None and should_stop():
                    break
        return done

    def _refuse(self, what: str, index: int, step: int):
        names = self.net.param_names()
        label = names[index] if index < len(names) else "?"
        raise DivergenceError(step, label, what)

    def _after_row(self, finite_probe: np.ndarray) -> None:
        """Finite check of the row, trace append, parameter update, finite check of the update."""
        R = self.R
        if np.dot(R, finite_probe) != 0.0:   # 0·NaN and 0·Inf are NaN: one call checks the whole row
            bad = ~np.isfinite(self.grad)
            self._refuse("the gradient of", int(np.argmax(bad)) if bad.any() else 0, self.step)
        np.take(R, self.perm, out=self.trace.slot())
        self.trace.commit()
        self._update()
        self.step += 1

    def _update(self):
        theta, lr_mask = self.theta, self._lr_mask
        np.multiply(self.grad, lr_mask, out=self._upd)
        if self._mu:
            v = self.velocity
            np.copyto(self._v_before, v)
            v *= self._mu
            v -= self._upd
            theta += v
        else:
            theta -= self._upd
        if np.dot(theta, self._zeros_p) != 0.0:
            bad = int(np.argmax(~np.isfinite(theta)))
            theta[...] = self.trace.theta_at(len(self.trace) - 1, self.net)
            if self._mu:
                self.velocity[...] = self._v_before
            self.trace.truncate(len(self.trace) - 1)
            self._refuse("the parameter", bad, self.step)

    def _prepare(self):
        s = self.settings
        self._lr_mask = np.where(self.net.frozen, 0.0, s.lr)
        self._mu = float(s.momentum)
        self._upd = np.empty_like(self.theta)
        self._v_before = np.empty_like(self.theta)
        self._zeros_p = np.zeros_like(self.theta)
        self._zeros_r = np.zeros_like(self.R)

    def _run_samples(self, n: int) -> None:
        self._prepare()
        net, R, data, s = self.net, self.R, self.data, self.settings
        XY = np.hstack([data.X, data.Y])
        xy = self.R[self._layout["x"][0]:self._layout["y"][1]]
        N = len(data)
        L = net.depth
        layers = []
        for l in range(1, L + 1):
            spec = net.layers[l - 1]
            A = act.ACTIVATIONS[spec.activation]
            layers.append((self.a[l - 1], net.W[l - 1], net.b[l - 1] if spec.bias != "none" else None,
                           self.z[l], self.a[l], A.f, A.df, self.a[l - 1].reshape(-1, 1),
                           self.dW[l - 1], self.db[l - 1], spec.bias, self.delta[l]))
        back = list(reversed(layers))
        tmp = [np.empty(k) for k in net.sizes]
        loss_name, out_act = net.loss, net.layers[-1].activation
        zL, oL, y, dL = self.z[L], self.a[L], self.y, self.delta[L]
        nL = net.sizes[-1]
        diff = np.empty(nL)
        probe = self._zeros_r
        matmul, multiply, dot = np.matmul, np.multiply, np.dot
        order_cache: dict[int, np.ndarray] = {}
        for _ in range(n):
            k = self.step
            if s.shuffle:
                epoch, b = divmod(k, N)
                order = order_cache.get(epoch)
                if order is None:
                    order_cache.clear()
                    order = order_cache[epoch] = _epoch_order(N, epoch, s.seed, True)
                i = int(order[b])
            else:
                i = k % N
            R[0] = k
            R[1] = i
            xy[...] = XY[i]
            for a_prev, W, b, z, a, f, _df, _col, _dW, _db, _bm, _d in layers:
                matmul(a_prev, W, out=z)
                if b is not None:
                    z += b
                f(z, out=a)
            # loss and δ of the output layer
            if loss_name == "half_sse" or loss_name == "mse":
                np.subtract(oL, y, out=diff)
                scale = 0.5 if loss_name == "half_sse" else 1.0 / nL
                R[2] = scale * dot(diff, diff)
                if loss_name == "mse":
                    diff *= 2.0 / nL
                if out_act == "softmax":
                    dL[...] = act.softmax_backward(oL, diff)
                else:
                    layers[-1][6](zL, oL, out=dL)
                    dL *= diff
            elif loss_name == "cross_entropy":
                R[2] = -dot(y, act.log_softmax(zL))
                multiply(oL, y.sum(), out=dL)
                dL -= y
            else:  # bce on a sigmoid output
                R[2] = dot(y, np.logaddexp(0.0, -zL)) + dot(1.0 - y, np.logaddexp(0.0, zL))
                np.subtract(oL, y, out=dL)
            # backward: dW = a_prev ⊗ δ, db = δ, δ_prev = (W δ) ⊙ f'(z_prev)
            for idx, (a_prev, W, b, z, a, f, df, col, dW, db, bmode, d) in enumerate(back):
                multiply(col, d, out=dW)
                if bmode == "neuron":
                    db[...] = d
                elif bmode == "shared":
                    db[0] = d.sum()
                if idx + 1 < L:
                    prev = back[idx + 1]
                    t = tmp[L - idx - 1]
                    matmul(W, d, out=t)
                    d_prev = prev[11]
                    prev[6](prev[3], prev[4], out=d_prev)
                    d_prev *= t
            self._after_row(probe)

    def _batch_step(self) -> None:
        self._prepare()
        net, R, data, s = self.net, self.R, self.data, self.settings
        idx = samples_for_step(self.step, len(data), s)
        st = evaluate(net, data.X[idx], data.Y[idx])
        R[0] = self.step
        R[1] = -1.0   # the row holds batch means: no single sample
        R[2] = st.loss
        self.x[...] = st.x.mean(axis=0)
        self.y[...] = st.y.mean(axis=0)
        for l in range(1, net.depth + 1):
            self.z[l][...] = st.zs[l].mean(axis=0)
            self.a[l][...] = st.acts[l].mean(axis=0)
            self.delta[l][...] = st.deltas[l].mean(axis=0)
        self.grad[...] = st.grad
        self._after_row(self._zeros_r)
