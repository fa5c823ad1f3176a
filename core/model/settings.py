"""The optimizer settings and what values they may take: one specification (`FIELDS`) from which the
settings' own check, the document's checks, the window's edit check and its widget ranges all come."""
from __future__ import annotations

import math
from dataclasses import dataclass

from backprop_lab.core.model.dataset import MAX_SAMPLES
from backprop_lab.core.model.i18n import fill, translate

MODES = ("sample", "minibatch", "batch")
OPTIMIZERS = ("sgd", "adam")       # "sgd" is momentum SGD when μ > 0
BATCH_LOSSES = ("mean", "sum")     # a batch's loss and gradient: the mean over its samples, or the sum
MAX_SEED = 2 ** 63 - 1


@dataclass(frozen=True)
class Field:
    """One setting: its type, default, and allowed values. A bound is None (no bound) or a number;
    `low_open`/`high_open` say whether the bound itself is excluded: (0, ∞) for lr, [0, 1) for μ."""
    name: str
    kind: type
    default: object
    low: float | None = None
    high: float | None = None
    low_open: bool = False
    high_open: bool = False
    choices: tuple[str, ...] = ()

    def in_range(self, v: float) -> bool:
        if self.low is not None and (v <= self.low if self.low_open else v < self.low):
            return False
        return not (self.high is not None and (v >= self.high if self.high_open else v > self.high))

    def interval(self) -> str:
        """[0, 1), (0, ∞), [1, 10000]: the allowed range as a mathematician writes it."""
        lo = "−∞" if self.low is None else bound_text(self.low)
        hi = "∞" if self.high is None else bound_text(self.high)
        return f"{'(' if self.low_open or self.low is None else '['}{lo}, {hi}" \
               f"{')' if self.high_open or self.high is None else ']'}"

    def problem(self, value: object) -> SettingProblem | None:
        """None for an allowed value, else what is wrong with it (a code the window translates)."""
        if self.kind is bool:
            return None if isinstance(value, bool) else SettingProblem(self, "not_flag", value)
        if self.kind is str:
            return None if value in self.choices else SettingProblem(self, "not_choice", value)
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            return SettingProblem(self, "not_number", value)
        if self.kind is int and not isinstance(value, int):
            return SettingProblem(self, "not_whole", value)
        if not math.isfinite(value):
            return SettingProblem(self, "not_finite", value)
        return None if self.in_range(value) else SettingProblem(self, "out_of_range", value)


@dataclass(frozen=True)
class SettingProblem:
    field: Field
    code: str        # not_flag, not_choice, not_number, not_whole, not_finite, out_of_range
    value: object

    def requirement(self) -> str:
        """What the field must be, for files and the command line (core.model.i18n's language; the window
        has its own words)."""
        f = self.field
        if f.kind is bool:
            return translate("Settings", "must be true or false")
        if f.kind is str:
            return fill(translate("Settings", "must be one of %1"), ", ".join(f.choices))
        whole = f.kind is int
        if f.low is not None and f.high is not None and not (f.low_open or f.high_open):
            return fill(translate("Settings", "must be a whole number from %1 to %2") if whole else
                        translate("Settings", "must be a number from %1 to %2"), bound_text(f.low), bound_text(f.high))
        if f.low == 0 and f.low_open and f.high is None:
            return translate("Settings", "must be a positive number")
        parts = []
        if f.low is not None:
            parts.append(fill(translate("Settings", "above %1") if f.low_open else
                              translate("Settings", "at least %1"), bound_text(f.low)))
        if f.high is not None:
            parts.append(fill(translate("Settings", "below %1") if f.high_open else
                              translate("Settings", "at most %1"), bound_text(f.high)))
        if parts:
            return fill(translate("Settings", "must be %1"), translate("Settings", " and ").join(parts))
        return translate("Settings", "must be a whole number") if whole else translate("Settings", "must be a number")

    def __str__(self) -> str:
        return f"{self.field.name}: {self.requirement()}, got {self.value!r}"


def bound_text(v: float) -> str:
    return str(int(v)) if float(v).is_integer() else repr(v)


FIELDS: dict[str, Field] = {f.name: f for f in (
    Field("lr", float, 0.5, low=0, low_open=True),
    Field("momentum", float, 0.0, low=0, high=1, high_open=True),
    Field("mode", str, "sample", choices=MODES),     # per sample, mini-batch, or the full batch
    Field("shuffle", bool, False),   # per-sample and mini-batch: shuffle each epoch (seeded) or cycle in order
    Field("batch_size", int, 2, low=1, high=MAX_SAMPLES),   # no batch exceeds the data set
    Field("seed", int, 0, low=0, high=MAX_SEED),
    Field("optimizer", str, "sgd", choices=OPTIMIZERS),
    Field("beta1", float, 0.9, low=0, high=1, high_open=True),      # Adam's decay of m
    Field("beta2", float, 0.999, low=0, high=1, high_open=True),    # Adam's decay of v
    Field("eps", float, 1e-8, low=0, low_open=True),                # Adam's ε in √v̂ + ε
    Field("weight_decay", float, 0.0, low=0),                       # λ: E + λ/2·Σθ²
    Field("batch_loss", str, "mean", choices=BATCH_LOSSES),
)}
ADAM_FIELDS = ("beta1", "beta2", "eps")


class SettingError(ValueError):
    def __init__(self, problem: SettingProblem):
        super().__init__(str(problem))
        self.problem = problem


@dataclass
class Settings:
    lr: float = FIELDS["lr"].default                  # type: ignore[assignment]
    momentum: float = FIELDS["momentum"].default      # type: ignore[assignment]
    mode: str = FIELDS["mode"].default                # type: ignore[assignment]
    shuffle: bool = FIELDS["shuffle"].default         # type: ignore[assignment]
    batch_size: int = FIELDS["batch_size"].default    # type: ignore[assignment]
    seed: int = FIELDS["seed"].default                # type: ignore[assignment]
    optimizer: str = FIELDS["optimizer"].default      # type: ignore[assignment]
    beta1: float = FIELDS["beta1"].default            # type: ignore[assignment]
    beta2: float = FIELDS["beta2"].default            # type: ignore[assignment]
    eps: float = FIELDS["eps"].default                # type: ignore[assignment]
    weight_decay: float = FIELDS["weight_decay"].default   # type: ignore[assignment]
    batch_loss: str = FIELDS["batch_loss"].default    # type: ignore[assignment]

    def validate(self, n_samples: int | None = None) -> None:
        """Raises SettingError (a ValueError) naming the first field that is not allowed."""
        for name in ("lr", "momentum", "mode", "batch_size", "optimizer", "beta1", "beta2", "eps",
                     "weight_decay", "batch_loss"):
            problem = FIELDS[name].problem(getattr(self, name))
            if problem:
                raise SettingError(problem)

    def copy(self) -> Settings:
        return Settings(**self.__dict__)
