"""Activation functions: each value beside its derivative and the formula the derivation view shows.

Every function takes the pre-activation z (and, for the derivative, the activation a = f(z) already
computed) and may write into `out`, so the training loop can run without allocating.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

import numpy as np
import numpy.typing as npt

from backprop_lab.core.model.arrays import FloatArray

LEAKY_SLOPE = 0.01


def _sigmoid(z: FloatArray, out: FloatArray | None = None) -> FloatArray:
    # 1/(1+e^-z): e^-z may overflow to inf for z < -709, which gives exactly 0 (callers silence the
    # overflow flag); the tanh form would lose all relative precision in the left tail.
    out = np.negative(z, out=out)
    np.exp(out, out=out)
    out += 1.0
    return np.reciprocal(out, out=out)


def _sigmoid_d(z: FloatArray, a: FloatArray, out: FloatArray | None = None) -> FloatArray:
    out = np.subtract(1.0, a, out=out)
    out *= a
    return out


def _tanh(z: FloatArray, out: FloatArray | None = None) -> FloatArray:
    return np.tanh(z, out=out)


def _tanh_d(z: FloatArray, a: FloatArray, out: FloatArray | None = None) -> FloatArray:
    out = np.multiply(a, a, out=out)
    return np.subtract(1.0, out, out=out)


def _relu(z: FloatArray, out: FloatArray | None = None) -> FloatArray:
    return np.maximum(z, 0.0, out=out)


def _relu_d(z: FloatArray, a: FloatArray, out: FloatArray | None = None) -> FloatArray:
    # The kink at 0 takes the derivative 0 (as PyTorch and most texts do).
    return np.greater(z, 0.0, out=out, casting="unsafe") if out is not None else (z > 0).astype(float)


def _leaky(z: FloatArray, out: FloatArray | None = None) -> FloatArray:
    if out is None:
        return np.where(z > 0, z, LEAKY_SLOPE * z)
    np.multiply(z, LEAKY_SLOPE, out=out)
    return np.maximum(z, out, out=out)


def _leaky_d(z: FloatArray, a: FloatArray, out: FloatArray | None = None) -> FloatArray:
    d = np.where(z > 0, 1.0, LEAKY_SLOPE)
    if out is None:
        return d
    out[...] = d
    return out


def _identity(z: FloatArray, out: FloatArray | None = None) -> FloatArray:
    if out is None:
        return np.array(z, dtype=float, copy=True)
    out[...] = z
    return out


def _identity_d(z: FloatArray, a: FloatArray, out: FloatArray | None = None) -> FloatArray:
    if out is None:
        return np.ones_like(z, dtype=float)
    out.fill(1.0)
    return out


def softmax(z: FloatArray, out: FloatArray | None = None) -> FloatArray:
    """Softmax along the last axis, shifted by the maximum so that |z| up to 1e308 stays finite."""
    shifted = z - np.max(z, axis=-1, keepdims=True)
    e = np.exp(shifted, out=out)
    e /= np.sum(e, axis=-1, keepdims=True)
    return e


def log_softmax(z: FloatArray) -> FloatArray:
    shifted = z - np.max(z, axis=-1, keepdims=True)
    return shifted - np.log(np.sum(np.exp(shifted), axis=-1, keepdims=True))


def softmax_backward(a: FloatArray, grad_a: FloatArray) -> FloatArray:
    """dE/dz from dE/da through the softmax Jacobian: a ⊙ (g − Σ g·a)."""
    return a * (grad_a - np.sum(grad_a * a, axis=-1, keepdims=True))


class ActivationFn(Protocol):
    def __call__(self, z: FloatArray, out: FloatArray | None = None) -> FloatArray: ...


class DerivativeFn(Protocol):
    def __call__(self, z: FloatArray, a: FloatArray, out: FloatArray | None = None) -> FloatArray: ...


def elementwise_derivative(name: str) -> DerivativeFn:
    df = ACTIVATIONS[name].df
    if df is None:
        raise ValueError(f"{name} has no elementwise derivative: its Jacobian is not diagonal")
    return df


@dataclass(frozen=True)
class Activation:
    name: str
    label: str          # shown in menus
    formula: str        # f(z), with z standing for the neuron's input
    derivative: str     # f'(z), written with a = f(z) where that is how texts write it
    f: ActivationFn
    df: DerivativeFn | None  # None where the Jacobian is not diagonal (softmax)
    elementwise: bool = True


ACTIVATIONS: dict[str, Activation] = {
    a.name: a
    for a in (
        Activation("identity", "identity", "z", "1", _identity, _identity_d),
        Activation("sigmoid", "sigmoid", "1/(1+e^(-z))", "a(1-a)", _sigmoid, _sigmoid_d),
        Activation("tanh", "tanh", "tanh(z)", "1-a^2", _tanh, _tanh_d),
        Activation("relu", "ReLU", "max(0,z)", "[z>0]", _relu, _relu_d),
        Activation("leaky_relu", "leaky ReLU", f"max({LEAKY_SLOPE}z,z)", f"[z>0] + {LEAKY_SLOPE}[z<=0]",
                   _leaky, _leaky_d),
        Activation("softmax", "softmax", "e^(z_j)/sum_k e^(z_k)", "a_j([j=k]-a_k)", softmax, None,
                   elementwise=False),
    )
}


def activate(name: str, z: npt.ArrayLike) -> FloatArray:
    with np.errstate(over="ignore"):
        return ACTIVATIONS[name].f(np.asarray(z, dtype=float))


def derivative(name: str, z: FloatArray, a: FloatArray) -> FloatArray:
    """Diagonal of da/dz; for softmax the diagonal a(1−a) (the full Jacobian is used in backward)."""
    if name == "softmax":
        return a * (1.0 - a)
    return elementwise_derivative(name)(z, a)


def backward(name: str, z: FloatArray, a: FloatArray, grad_a: FloatArray) -> FloatArray:
    """dE/dz given dE/da, for a batch (rows) or a single sample."""
    if name == "softmax":
        return softmax_backward(a, grad_a)
    return grad_a * elementwise_derivative(name)(z, a)
