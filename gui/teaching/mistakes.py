"""What the exercise mode says, in the learner's language: core.exercises names each mistake by a stable
code and its parameters (names in the network's notation); the sentence is written here, through tr()."""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from backprop_lab.core.model.activations import ACTIVATIONS
from backprop_lab.core.teaching.exercises import verdict_key

from ..panels.architecture import activation_label

translate = QCoreApplication.translate


def _sentences() -> dict[str, str]:
    """One sentence per core.teaching.exercises.VERDICT_PARAMS entry, with exactly its {parameters}."""
    return {
        "right": translate("Mistakes", "Right: your value is {quantity} within ±{tolerance} ({digits} decimal "
                                       "places)."),
        "wrong": translate("Mistakes", "Not right: your value is not within ±{tolerance} of {quantity}. Check the "
                                       "formula above and try again."),
        "close": translate("Mistakes", "Close, but not within ±{tolerance}: keep more decimals in the numbers along "
                                       "the way."),
        "missing_act_grad": translate("Mistakes", "Your value leaves out the activation-derivative factor {factor} "
                                                  "(of {neuron}) in {where}."),
        "wrong_sign/flipped": translate("Mistakes", "Your value has the wrong sign in {where}: check the sign of "
                                                    "the error term {error}."),
        "wrong_sign/added": translate("Mistakes", "Your value adds η·{gradient} instead of subtracting it: gradient "
                                                  "descent moves against the gradient."),
        "wrong_sign/exponent": translate("Mistakes", "Your value equals σ(−{z}) = 1 − {quantity}: the exponent in "
                                                     "1/(1 + e^(−z)) has lost its minus sign."),
        "missing_path": translate("Mistakes", "Your value leaves out the path through {via} in {where}: the sum "
                                              "over paths needs {missing} too."),
        "wrong_weight": translate("Mistakes", "Your value uses the weight {used} where {right} belongs, in {where}."),
        "wrong_input": translate("Mistakes", "Your value multiplies by {used} in {where}; a weight's gradient takes "
                                             "{right}, the activation at the start of its edge."),
        "used_z": translate("Mistakes", "Your value uses {used} (before the activation) where {right} (after it) "
                                        "belongs, in {where}."),
        "missing_input": translate("Mistakes", "Your value leaves out the factor {factor} in {where}: a weight's "
                                               "gradient is δ times the activation at the start of its edge."),
        "missing_lr": translate("Mistakes", "Your value uses the whole gradient: multiply it by the learning rate η "
                                            "= {lr} first."),
        "missing_momentum": translate("Mistakes", "Your value leaves out the momentum term μ·v = {term}."),
        "update_only": translate("Mistakes", "Your value is only the change of {param}; add it to the old value "
                                             "{old}."),
        "frozen": translate("Mistakes", "{param} is frozen and keeps its value; yours is what it would be if it "
                                        "were not frozen."),
        "missing_activation": translate("Mistakes", "Your value is {z} itself: apply the activation function "
                                                    "{function} to it."),
        "missing_bias": translate("Mistakes", "Your value leaves out the bias {bias}."),
        "swapped_indices": translate("Mistakes", "Your value uses {used} instead of {right}: the first index of a "
                                                 "weight is the neuron its edge comes from."),
        "missing_half": translate("Mistakes", "Your value is twice the right one: the loss has a factor ½."),
        "missing_term": translate("Mistakes", "Your value leaves out the error term {missing}: the total adds every "
                                              "term."),
        "not_updated": translate("Mistakes", "Your value is the error before the update: evaluate the network again "
                                             "with the new weights."),
    }


class _Safe(dict):
    def __missing__(self, key):
        return "{" + key + "}"


def sentence(code: str | None, params: dict, correct: bool = False) -> str:
    """The verdict in the learner's language; an unknown code falls back to the plain 'not right'."""
    table = _sentences()
    if correct:
        key = "right"
    else:
        key = verdict_key(code, {"variant": "flipped", **params}) if code else "wrong"
        key = key if key in table else "wrong"
    if "function" in params:            # core names the activation in English (its menu label)
        by_label = {a.label: name for name, a in ACTIVATIONS.items()}
        params = {**params, "function": activation_label(by_label.get(params["function"], params["function"]))}
    return table.get(key, table["wrong"]).format_map(_Safe(params))
