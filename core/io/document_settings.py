"""A document's "settings" object (and each history segment's): read with the types a file writes and
the ranges of core.model.settings.FIELDS, and written (core.io.document uses both)."""
from __future__ import annotations

from typing import Any

from backprop_lab.core.io.document_checks import _choice, _fail, _flag, _number, _object, _whole
from backprop_lab.core.model.i18n import fill, translate
from backprop_lab.core.model.settings import FIELDS, Settings

_SETTINGS = ("lr", "momentum", "mode", "shuffle", "batch_size", "seed")
_SETTINGS_2 = ("optimizer", "beta1", "beta2", "eps", "weight_decay", "batch_loss")   # version 2 on


def read_settings(raw: object, version: int, field: str = "settings") -> Settings:
    """Types as a file writes them (document words); the allowed ranges from core.model.settings.FIELDS.
    A version 1 file has none of _SETTINGS_2: they take their defaults (plain SGD, no decay, the mean)."""
    v = _object(raw, field, required=_SETTINGS + (_SETTINGS_2 if version >= 2 else ()))

    def ranged(name: str, value: float) -> float:
        problem = FIELDS[name].problem(value)
        if problem:
            _fail(f"{field}.{name}", fill(translate("Document", "%1, got %2"), problem.requirement(), repr(value)))
        return value

    def whole(name: str) -> int:
        f = FIELDS[name]
        return _whole(v[name], f"{field}.{name}", int(f.low or 0), int(f.high or 0))

    s = Settings(lr=ranged("lr", _number(v["lr"], f"{field}.lr")),
                 momentum=ranged("momentum", _number(v["momentum"], f"{field}.momentum")),
                 mode=_choice(v["mode"], f"{field}.mode", FIELDS["mode"].choices, translate("Document", "update mode")),
                 shuffle=_flag(v["shuffle"], f"{field}.shuffle"),
                 batch_size=whole("batch_size"), seed=whole("seed"))
    if version >= 2:
        s.optimizer = _choice(v["optimizer"], f"{field}.optimizer", FIELDS["optimizer"].choices,
                              translate("Document", "optimizer"))
        s.batch_loss = _choice(v["batch_loss"], f"{field}.batch_loss", FIELDS["batch_loss"].choices,
                               translate("Document", "batch loss"))
        for name in ("beta1", "beta2", "eps", "weight_decay"):
            setattr(s, name, ranged(name, _number(v[name], f"{field}.{name}")))
    return s


def settings_json(s: Settings) -> dict[str, Any]:
    return {k: getattr(s, k) for k in _SETTINGS + _SETTINGS_2}
