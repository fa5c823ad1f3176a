"""Loss functions of one sample: the terms E_k, dE/do, and δ at the output (dE/dz of the last layer).

Arrays are (batch, outputs). The cross-entropies are computed from the logits z, not from o, so they
stay finite when the output saturates (|z| up to 1e4 and beyond).
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from backprop_lab.core.model import activations as act
from backprop_lab.core.model.arrays import FloatArray


def _log_sigmoid(z: FloatArray) -> FloatArray:
    # log σ(z) = −log(1 + e^−z), written so neither branch overflows
    return -np.logaddexp(0.0, -z)


@dataclass(frozen=True)
class Loss:
    name: str
    label: str
    formula: str          # E in terms of y and o, as the derivation view writes it
    term_formula: str     # E_k
    grad_formula: str     # dE/do_k
    requires: str | None = None   # the output activation this loss is defined on, if any

    def terms(self, z: FloatArray, o: FloatArray, y: FloatArray) -> FloatArray:
        n = o.shape[-1]
        if self.name == "half_sse":
            return 0.5 * (y - o) ** 2
        if self.name == "sse":
            return (y - o) ** 2
        if self.name == "mse":
            return (y - o) ** 2 / n
        if self.name == "cross_entropy":
            return -y * act.log_softmax(z)
        if self.name == "bce":
            return -(y * _log_sigmoid(z) + (1.0 - y) * _log_sigmoid(-z))
        raise KeyError(self.name)

    def grad_output(self, z: FloatArray, o: FloatArray, y: FloatArray) -> FloatArray:
        """dE/do_k: the first factor of every chain rule the derivation view writes out."""
        n = o.shape[-1]
        if self.name == "half_sse":
            return -(y - o)
        if self.name == "sse":
            return -2.0 * (y - o)
        if self.name == "mse":
            return -2.0 * (y - o) / n
        # From the logits, not from o: where o rounds to 1 (σ(40), softmax of (800, 0)), 1 − o or o is 0
        # and y/o, (o − y)/(o(1 − o)) give 0/0, while the derivative is finite (−1, 0). A term whose
        # y factor is 0 is 0 however large the other factor; only a derivative too large for a float is inf.
        with np.errstate(over="ignore", invalid="ignore"):      # 0·inf in the branch np.where drops
            if self.name == "cross_entropy":
                return np.where(y != 0.0, -y * np.exp(-act.log_softmax(z)), 0.0)            # −y/o
            # (o − y)/(o(1 − o)) = (1 − y)/(1 − o) − y/o, with 1/(1 − o) = 1 + e^z and 1/o = 1 + e^−z
            return (np.where(y != 1.0, (1.0 - y) * (1.0 + np.exp(z)), 0.0)
                    - np.where(y != 0.0, y * (1.0 + np.exp(-z)), 0.0))

    def output_delta(self, activation: str, z: FloatArray, o: FloatArray, y: FloatArray) -> FloatArray:
        """δ_L = dE/dz_L. The cross-entropies use the cancelled form o − y, which is exact and finite."""
        if self.name == "cross_entropy":
            return o * np.sum(y, axis=-1, keepdims=True) - y
        if self.name == "bce":
            return o - y
        return act.backward(activation, z, o, self.grad_output(z, o, y))


LOSSES: dict[str, Loss] = {
    l.name: l
    for l in (
        Loss("half_sse", "½ sum of squares", "E = 1/2 sum_k (y_k - o_k)^2", "E_k = 1/2 (y_k - o_k)^2",
             "-(y_k - o_k)"),
        Loss("sse", "sum of squares", "E = sum_k (y_k - o_k)^2", "E_k = (y_k - o_k)^2", "-2 (y_k - o_k)"),
        Loss("mse", "mean squared error", "E = 1/n sum_k (y_k - o_k)^2", "E_k = 1/n (y_k - o_k)^2",
             "-2/n (y_k - o_k)"),
        Loss("cross_entropy", "cross-entropy (softmax)", "E = -sum_k y_k log o_k", "E_k = -y_k log o_k",
             "-y_k / o_k", requires="softmax"),
        Loss("bce", "binary cross-entropy (sigmoid)", "E = -sum_k [y_k log o_k + (1-y_k) log(1-o_k)]",
             "E_k = -[y_k log o_k + (1-y_k) log(1-o_k)]", "(o_k - y_k) / (o_k (1-o_k))", requires="sigmoid"),
    )
}
