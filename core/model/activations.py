"""Activation functions: each value beside its derivative and the formula the derivation view shows.

Every function takes the pre-activation z and may write into `out`. Each derivative is written once, as
the numpy calls that make f'(z) from z and a = f(z) into a buffer (`df_ops`): `Activation.df` runs them
on the numbers it is given, and the training loops build their step from the same calls
(`times_derivative_ops`), so nothing else writes a derivative out.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from typing import Any, Protocol

import numpy as np
import numpy.typing as npt

from backprop_lab.core.model.arrays import FloatArray

LEAKY_SLOPE = 0.01
Op = Callable[[], Any]
Const = Any        # a number, or an array of it shaped like the buffers


def _sigmoid(z: FloatArray, out: FloatArray | None = None) -> FloatArray:
    # 1/(1+e^-z): e^-z may overflow to inf for z < -709, which gives exactly 0 (callers silence the
    # overflow flag); the tanh form would lose all relative precision in the left tail.
    out = np.negative(z, out=out)
    np.exp(out, out=out)
    out += 1.0
    return np.reciprocal(out, out=out)


def _sigmoid_d(z: FloatArray, a: FloatArray, out: FloatArray, one: Const) -> list[Op]:
    return [partial(np.subtract, one, a, out), partial(np.multiply, out, a, out)]     # (1 − a)·a


def _tanh(z: FloatArray, out: FloatArray | None = None) -> FloatArray:
    return np.tanh(z, out=out)


def _tanh_d(z: FloatArray, a: FloatArray, out: FloatArray, one: Const) -> list[Op]:
    return [partial(np.multiply, a, a, out), partial(np.subtract, one, out, out)]     # 1 − a·a


def _relu(z: FloatArray, out: FloatArray | None = None) -> FloatArray:
    return np.maximum(z, 0.0, out=out)


def _relu_d(z: FloatArray, a: FloatArray, out: npt.NDArray[np.bool_], zero: Const) -> list[Op]:
    # [z > 0] into a bool buffer, read as 0.0 or 1.0 by what uses it: the kink at 0 takes the
    # derivative 0 (as PyTorch and most texts do).
    return [partial(np.greater, z, zero, out)]


def _leaky(z: FloatArray, out: FloatArray | None = None) -> FloatArray:
    if out is None:
        return np.where(z > 0, z, LEAKY_SLOPE * z)
    np.multiply(z, LEAKY_SLOPE, out=out)
    return np.maximum(z, out, out=out)


def _leaky_where(z: FloatArray, out: FloatArray) -> None:
    out[...] = np.where(z > 0, 1.0, LEAKY_SLOPE)


def _leaky_d(z: FloatArray, a: FloatArray, out: FloatArray, one: Const) -> list[Op]:
    return [partial(_leaky_where, z, out)]


def _identity(z: FloatArray, out: FloatArray | None = None) -> FloatArray:
    if out is None:
        return np.array(z, dtype=float, copy=True)
    out[...] = z
    return out


def _identity_d(z: FloatArray, a: FloatArray, out: FloatArray, one: Const) -> list[Op]:
    return [partial(np.copyto, out, one)]


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


class DerivativeOps(Protocol):
    """f'(z) as numpy calls writing into `out`; `const` is 1 (0 for ReLU's comparison), a number or, in
    the training loop, an array of them (a Python scalar costs a conversion per call)."""
    def __call__(self, z: FloatArray, a: FloatArray, out: Any, const: Const, /) -> list[Op]: ...


@dataclass(frozen=True)
class Activation:
    name: str
    label: str          # shown in menus
    formula: str        # f(z), with z standing for the neuron's input
    derivative: str     # f'(z), written with a = f(z) where that is how texts write it
    f: ActivationFn
    df_ops: DerivativeOps | None  # None where the Jacobian is not diagonal (softmax)
    elementwise: bool = True
    df_in_a: bool = False         # the derivative is written in a alone (σ: a(1−a), tanh: 1−a²)
    df_const: float = 1.0         # the constant df_ops takes
    df_dtype: type = float        # what df_ops writes: a bool for ReLU's [z > 0]

    def df(self, z: FloatArray, a: FloatArray, out: FloatArray | None = None) -> FloatArray:
        """f'(z), given a = f(z): df_ops run on numbers."""
        if self.df_ops is None:
            raise ValueError(f"{self.name} has no elementwise derivative: its Jacobian is not diagonal")
        buf = out if out is not None and self.df_dtype is float else np.empty_like(a, dtype=self.df_dtype)
        for op in self.df_ops(z, a, buf, self.df_const):
            op()
        if out is None:
            return buf if self.df_dtype is float else buf.astype(float)
        if buf is not out:
            np.copyto(out, buf)
        return out


ACTIVATIONS: dict[str, Activation] = {
    a.name: a
    for a in (
        Activation("identity", "identity", "z", "1", _identity, _identity_d),
        Activation("sigmoid", "sigmoid", "1/(1+e^(-z))", "a(1-a)", _sigmoid, _sigmoid_d, df_in_a=True),
        Activation("tanh", "tanh", "tanh(z)", "1-a^2", _tanh, _tanh_d, df_in_a=True),
        Activation("relu", "ReLU", "max(0,z)", "[z>0]", _relu, _relu_d, df_const=0.0, df_dtype=bool),
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
    return ACTIVATIONS[name].df(z, a)


def backward(name: str, z: FloatArray, a: FloatArray, grad_a: FloatArray) -> FloatArray:
    """dE/dz given dE/da, for a batch (rows) or a single sample."""
    if name == "softmax":
        return softmax_backward(a, grad_a)
    return grad_a * ACTIVATIONS[name].df(z, a)


def times_derivative_ops(name: str, z: FloatArray, a: FloatArray, g: FloatArray, out: FloatArray) -> list[Op]:
    """out = g ⊙ f'(z) (backward) as numpy calls, for the training loops: f'(z) is made in `out` (or in
    a buffer of its own type) by the activation's df_ops, then multiplied by g (g and out distinct)."""
    spec = ACTIVATIONS[name]
    const = np.full(out.shape, spec.df_const)
    if spec.df_ops is None:
        raise ValueError(f"{name} has no elementwise derivative: its Jacobian is not diagonal")
    if name == "identity":          # g·1 = g: one call instead of two
        return [partial(np.multiply, g, const, out)]
    buf = out if spec.df_dtype is float else np.empty(out.shape, spec.df_dtype)
    return spec.df_ops(z, a, buf, const) + [partial(np.multiply, g, buf, out)]
