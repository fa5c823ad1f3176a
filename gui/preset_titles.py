"""The presets' titles in the learner's language. A title is data (assets/presets/*.json, and a saved
file keeps it), so it is looked up by its English text; a title not listed here shows as it is."""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication

translate = QCoreApplication.translate


def preset_title(title: str) -> str:
    titles = {
        "Seed 000: 3-3-3-3, ReLU → sigmoid → softmax with cross-entropy":
            translate("Presets", "Seed 000: 3-3-3-3, ReLU → sigmoid → softmax with cross-entropy"),
        "Seed 001: one input, one hidden neuron, one output, mean squared error":
            translate("Presets", "Seed 001: one input, one hidden neuron, one output, mean squared error"),
        "Seed 002: 2-3-2 network, node by node": translate("Presets", "Seed 002: 2-3-2 network, node by node"),
        "Seed 002: three layers in matrix form": translate("Presets", "Seed 002: three layers in matrix form"),
        "Seed 003: a sigmoid perceptron with momentum (logical OR)":
            translate("Presets", "Seed 003: a sigmoid perceptron with momentum (logical OR)"),
        "Seed 004: the 2-2-2 sigmoid network, worked by hand":
            translate("Presets", "Seed 004: the 2-2-2 sigmoid network, worked by hand"),
        "XOR: 2-2-1": translate("Presets", "XOR: 2-2-1"),
    }
    return titles.get(title, title)
