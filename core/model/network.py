"""A network's shape and its parameters.

All parameters live in one flat float64 vector `theta`; `W[l-1]` and `b[l-1]` are views into it, so
an update is one vector operation and a snapshot is one copy. Layer l's weights are stored as
W{l}[i, j] = weight from neuron i of layer l-1 to neuron j of layer l, so z{l} = W{l}^T a{l-1} + b{l}.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from backprop_lab.core.model.activations import ACTIVATIONS
from backprop_lab.core.model.arrays import FloatArray
from backprop_lab.core.model.losses import LOSSES
from backprop_lab.core.model.notation import Notation

BIAS_MODES = ("none", "neuron", "shared")
MAX_LAYERS = 8
MAX_NEURONS = 32


class NetworkError(ValueError):
    """A shape, activation or loss the engine cannot take; the message names the field."""


@dataclass
class LayerSpec:
    size: int
    activation: str = "sigmoid"
    bias: str = "neuron"

    def n_bias(self) -> int:
        return {"none": 0, "neuron": self.size, "shared": 1}[self.bias]


@dataclass(init=False)
class Network:
    n_inputs: int
    layers: list[LayerSpec]
    loss: str
    theta: FloatArray
    frozen: npt.NDArray[np.bool_]
    notation: Notation

    # Written out rather than generated: theta and frozen may be omitted (zeros) or given as any
    # array-like, but once built they are always arrays of n_params entries.
    def __init__(self, n_inputs: int, layers: list[LayerSpec], loss: str = "half_sse",
                 theta: npt.ArrayLike | None = None, frozen: npt.ArrayLike | None = None,
                 notation: Notation | None = None) -> None:
        self.n_inputs, self.layers, self.loss = n_inputs, layers, loss
        self.notation = Notation() if notation is None else notation
        validate_shape(self.n_inputs, self.layers, self.loss)
        n = self.n_params
        self.theta = np.zeros(n) if theta is None else np.array(theta, dtype=float).reshape(-1)
        self.frozen = np.zeros(n, bool) if frozen is None else np.array(frozen, bool).reshape(-1)
        if self.theta.shape != (n,) or self.frozen.shape != (n,):
            raise NetworkError(f"theta: expected {n} parameters, got {self.theta.size}")
        self._bind_views()

    # ----- layout -------------------------------------------------------------------------------
    @property
    def sizes(self) -> list[int]:
        return [self.n_inputs] + [s.size for s in self.layers]

    @property
    def depth(self) -> int:
        return len(self.layers)

    def slices(self) -> list[tuple[slice, slice]]:
        """(weight slice, bias slice) of each layer inside theta."""
        out, pos = [], 0
        for n_in, spec in zip(self.sizes[:-1], self.layers):
            w = slice(pos, pos + n_in * spec.size)
            pos = w.stop
            b = slice(pos, pos + spec.n_bias())
            pos = b.stop
            out.append((w, b))
        return out

    @property
    def n_params(self) -> int:
        return sum(n_in * s.size + s.n_bias() for n_in, s in zip(self.sizes[:-1], self.layers))

    def rebind(self, buffer: FloatArray) -> None:
        """Move theta into `buffer` (a float64 view the training loop owns), keeping its values, so
        that the network and the loop share one copy of the parameters."""
        buffer[...] = self.theta
        self.theta = buffer
        self._bind_views()

    def _bind_views(self) -> None:
        self.W: list[FloatArray] = []
        self.b: list[FloatArray] = []
        self.frozen_W: list[npt.NDArray[np.bool_]] = []
        self.frozen_b: list[npt.NDArray[np.bool_]] = []
        for (ws, bs), n_in, spec in zip(self.slices(), self.sizes[:-1], self.layers):
            self.W.append(self.theta[ws].reshape(n_in, spec.size))
            self.b.append(self.theta[bs])
            self.frozen_W.append(self.frozen[ws].reshape(n_in, spec.size))
            self.frozen_b.append(self.frozen[bs])

    def bias_vector(self, l: int) -> FloatArray:
        """The bias added to each neuron of layer l (1-based), whatever the bias mode."""
        spec, b = self.layers[l - 1], self.b[l - 1]
        if spec.bias == "none":
            return np.zeros(spec.size)
        if spec.bias == "shared":
            return np.full(spec.size, b[0])
        return b

    # ----- parameters by name -------------------------------------------------------------------
    def param_index(self, kind: str, l: int, i: int, j: int | None = None) -> int:
        """Position in theta of W{l}[i,j] (kind 'W') or b{l}[i] (kind 'b'); 0-based i, j, 1-based l."""
        ws, bs = self.slices()[l - 1]
        if kind == "W":
            n_out = self.layers[l - 1].size
            return ws.start + i * n_out + j
        return bs.start + i

    def param_names(self) -> list[str]:
        """Every parameter's name in the network's notation, in theta order."""
        names, nt = [], self.notation
        for l, (n_in, spec) in enumerate(zip(self.sizes[:-1], self.layers), start=1):
            names += [nt.weight(l, i, j) for i in range(n_in) for j in range(spec.size)]
            if spec.bias == "shared":
                names.append(nt.bias(l, None))
            elif spec.bias == "neuron":
                names += [nt.bias(l, j) for j in range(spec.size)]
        return names

    def param_name(self, index: int) -> str:
        """param_names()[index], naming only that parameter (the largest network has 8,448)."""
        index = range(self.n_params)[index]          # negative from the end; IndexError past it
        for l, ((ws, bs), spec) in enumerate(zip(self.slices(), self.layers), start=1):
            if index < ws.stop:
                i, j = divmod(index - ws.start, spec.size)
                return self.notation.weight(l, i, j)
            if index < bs.stop:
                return self.notation.bias(l, None if spec.bias == "shared" else index - bs.start)
        raise AssertionError("the slices cover theta")

    def param_keys(self) -> list[tuple[str, int, int, int | None]]:
        """('W', l, i, j) or ('b', l, j, None) for each entry of theta (0-based i, j; shared bias j=0)."""
        keys: list[tuple[str, int, int, int | None]] = []
        for l, (n_in, spec) in enumerate(zip(self.sizes[:-1], self.layers), start=1):
            keys += [("W", l, i, j) for i in range(n_in) for j in range(spec.size)]
            keys += [("b", l, j, None) for j in range(spec.n_bias())]
        return keys

    def copy(self) -> Network:
        return Network(self.n_inputs, [LayerSpec(s.size, s.activation, s.bias) for s in self.layers],
                       self.loss, self.theta.copy(), self.frozen.copy(), Notation.from_json(self.notation.to_json()))

    def same_shape(self, other: Network) -> bool:
        return (self.n_inputs == other.n_inputs and self.loss == other.loss
                and [(s.size, s.activation, s.bias) for s in self.layers]
                == [(s.size, s.activation, s.bias) for s in other.layers])


def validate_shape(n_inputs: object, layers: list[LayerSpec], loss: str) -> None:
    if not isinstance(n_inputs, int) or not 1 <= n_inputs <= MAX_NEURONS:
        raise NetworkError(f"inputs: must be a whole number from 1 to {MAX_NEURONS}, got {n_inputs!r}")
    if not 1 <= len(layers) <= MAX_LAYERS:
        raise NetworkError(f"layers: must have 1 to {MAX_LAYERS} layers after the input, got {len(layers)}")
    for l, spec in enumerate(layers, start=1):
        if not isinstance(spec.size, int) or isinstance(spec.size, bool) or not 1 <= spec.size <= MAX_NEURONS:
            raise NetworkError(f"layers[{l}].size: must be a whole number from 1 to {MAX_NEURONS}, got {spec.size!r}")
        if spec.activation not in ACTIVATIONS:
            raise NetworkError(f"layers[{l}].activation: unknown activation {spec.activation!r} "
                               f"(one of {', '.join(ACTIVATIONS)})")
        if spec.activation == "softmax" and l != len(layers):
            raise NetworkError(f"layers[{l}].activation: softmax is only allowed on the output layer")
        if spec.bias not in BIAS_MODES:
            raise NetworkError(f"layers[{l}].bias: unknown bias mode {spec.bias!r} (one of {', '.join(BIAS_MODES)})")
    if loss not in LOSSES:
        raise NetworkError(f"loss: unknown loss {loss!r} (one of {', '.join(LOSSES)})")
    need = LOSSES[loss].requires
    if need and layers[-1].activation != need:
        raise NetworkError(f"loss: {loss} needs a {need} output layer, not {layers[-1].activation}")


def init_weights(net: Network, seed: int = 0, keep: Network | None = None) -> None:
    """Initialise theta with the stated rule: W ~ U(−1/√n_in, 1/√n_in) from numpy's default_rng(seed),
    biases 0. Where `keep` is given, every weight and bias whose position still exists keeps its value."""
    rng = np.random.default_rng(seed)
    for l in range(1, net.depth + 1):
        n_in = net.sizes[l - 1]
        bound = 1.0 / np.sqrt(n_in)
        net.W[l - 1][...] = rng.uniform(-bound, bound, net.W[l - 1].shape)
        net.b[l - 1][...] = 0.0
        if keep is not None and l <= keep.depth:
            old_w, old_b = keep.W[l - 1], keep.b[l - 1]
            r, c = min(old_w.shape[0], n_in), min(old_w.shape[1], net.layers[l - 1].size)
            net.W[l - 1][:r, :c] = old_w[:r, :c]
            net.frozen_W[l - 1][:r, :c] = keep.frozen_W[l - 1][:r, :c]
            k = min(old_b.size, net.b[l - 1].size)
            if keep.layers[l - 1].bias == net.layers[l - 1].bias:
                net.b[l - 1][:k] = old_b[:k]
                net.frozen_b[l - 1][:k] = keep.frozen_b[l - 1][:k]
