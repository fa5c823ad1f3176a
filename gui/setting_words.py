"""The window's words for the optimizer settings: names, update modes, and why a value is refused.
The limits themselves come from core.model.settings.FIELDS; only the words live here."""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from backprop_lab.core.model.settings import FIELDS, Field, SettingProblem, bound_text

translate = QCoreApplication.translate


def setting_name(name: str) -> str:
    return {"lr": translate("Settings", "learning rate"),
            "momentum": translate("Settings", "momentum"),
            "mode": translate("Settings", "update mode"),
            "shuffle": translate("Settings", "shuffle"),
            "batch_size": translate("Settings", "batch size"),
            "seed": translate("Settings", "seed"),
            "optimizer": translate("Settings", "update rule"),
            "beta1": translate("Settings", "β₁ (Adam's decay of m)"),
            "beta2": translate("Settings", "β₂ (Adam's decay of v)"),
            "eps": translate("Settings", "ε (Adam)"),
            "weight_decay": translate("Settings", "weight decay λ"),
            "batch_loss": translate("Settings", "batch loss")}[name]


def rule_label(rule: str) -> str:
    """An update rule as the Rule combo box lists it, in core.numerics.update.RULES order."""
    return {"sgd": translate("Settings", "SGD"), "momentum": translate("Settings", "momentum"),
            "adam": translate("Settings", "Adam")}[rule]


def batch_loss_label(name: str) -> str:
    """The batch loss as its combo box lists it, in FIELDS["batch_loss"].choices order."""
    return {"mean": translate("Settings", "mean over the batch"),
            "sum": translate("Settings", "sum over the batch")}[name]


def mode_label(mode: str) -> str:
    """The update mode as the Update combo box lists it, in FIELDS["mode"].choices order."""
    return {"sample": translate("Settings", "per sample (SGD)"),
            "minibatch": translate("Settings", "mini-batch"),
            "batch": translate("Settings", "full batch")}[mode]


def _range_text(f: Field) -> str:
    """One whole sentence per kind of interval, so a translation can order the words freely."""
    if f.high is None:
        if f.low_open:
            return translate("Settings", "The %1 must be greater than %2")
        return translate("Settings", "The %1 must be at least %2")
    if f.low is None:
        if f.high_open:
            return translate("Settings", "The %1 must be less than %3")
        return translate("Settings", "The %1 must be at most %3")
    if f.low_open:
        if f.high_open:
            return translate("Settings", "The %1 must be greater than %2 and less than %3")
        return translate("Settings", "The %1 must be greater than %2 and at most %3")
    if f.high_open:
        return translate("Settings", "The %1 must be at least %2 and less than %3")
    return translate("Settings", "The %1 must be from %2 to %3")


def refusal(problem: SettingProblem) -> str:
    """Why the window refuses a setting, in the learner's language."""
    f = problem.field
    if problem.code == "out_of_range":
        text = _range_text(f)
    elif problem.code == "not_choice":
        text = translate("Settings", "The %1 must be one of the listed choices")
    elif problem.code == "not_whole":
        text = translate("Settings", "The %1 must be a whole number")
    else:
        text = translate("Settings", "The %1 must be a finite number")
    return (text.replace("%1", setting_name(f.name))
            .replace("%2", "" if f.low is None else bound_text(f.low))
            .replace("%3", "" if f.high is None else bound_text(f.high)))


def check(name: str, value: object) -> str | None:
    """None if core allows the value, else the refusal in words."""
    problem = FIELDS[name].problem(value)
    return refusal(problem) if problem else None
