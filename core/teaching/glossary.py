"""The glossary: each term of backpropagation in English and Korean, with its formula.

The terms are marked for pyside6-lupdate (context "Glossary"), so their Korean lives in the one
catalogue, assets/i18n/backprop_lab_ko.ts; `entries` reads both languages from it at once (the
glossary shows both, whatever language the window speaks). Formulas are symbols, the same in both."""
from __future__ import annotations

from typing import NamedTuple

from backprop_lab.core.model import i18n


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:   # noqa: N802 (the name lupdate looks for)
    return text


TERMS: tuple[tuple[str, str], ...] = (
    (QT_TRANSLATE_NOOP("Glossary", "backpropagation"), "δ⁽ˡ⁾ = (W⁽ˡ⁺¹⁾ᵀ δ⁽ˡ⁺¹⁾) ⊙ f′(z⁽ˡ⁾)"),
    (QT_TRANSLATE_NOOP("Glossary", "forward pass"), "z⁽ˡ⁾ = W⁽ˡ⁾ a⁽ˡ⁻¹⁾ + b⁽ˡ⁾,  a⁽ˡ⁾ = f(z⁽ˡ⁾)"),
    (QT_TRANSLATE_NOOP("Glossary", "partial derivative"), "∂E/∂w"),
    (QT_TRANSLATE_NOOP("Glossary", "chain rule"), "∂E/∂w = ∂E/∂a · ∂a/∂z · ∂z/∂w"),
    (QT_TRANSLATE_NOOP("Glossary", "learning rate"), "w ← w − η ∂E/∂w"),
    (QT_TRANSLATE_NOOP("Glossary", "weight"), "w,  W⁽ˡ⁾"),
    (QT_TRANSLATE_NOOP("Glossary", "bias"), "b,  b⁽ˡ⁾"),
    (QT_TRANSLATE_NOOP("Glossary", "loss"), "E = ½ Σₖ (yₖ − aₖ)²"),
    (QT_TRANSLATE_NOOP("Glossary", "gradient"), "∇E = (∂E/∂w₁, …, ∂E/∂wₙ)"),
    (QT_TRANSLATE_NOOP("Glossary", "gradient descent"), "θ ← θ − η ∇E"),
    (QT_TRANSLATE_NOOP("Glossary", "activation function"), "a = f(z)"),
    (QT_TRANSLATE_NOOP("Glossary", "net input"), "z = Σᵢ wᵢ aᵢ + b"),
    (QT_TRANSLATE_NOOP("Glossary", "error signal (delta)"), "δ = ∂E/∂z"),
    (QT_TRANSLATE_NOOP("Glossary", "sigmoid"), "σ(z) = 1 / (1 + e⁻ᶻ),  σ′(z) = σ(z)(1 − σ(z))"),
    (QT_TRANSLATE_NOOP("Glossary", "momentum"), "v ← μ v − η ∂E/∂w,  w ← w + v"),
    (QT_TRANSLATE_NOOP("Glossary", "target"), "y"),
    (QT_TRANSLATE_NOOP("Glossary", "output"), "o = a⁽ᴸ⁾"),
    (QT_TRANSLATE_NOOP("Glossary", "hidden layer"), "h = a⁽ˡ⁾,  0 < l < L"),
)


class Entry(NamedTuple):
    english: str
    korean: str
    formula: str


def entries() -> list[Entry]:
    """Every term in both languages (the Korean from the catalogue; the English where it has none)."""
    ko = i18n.catalogue("ko")
    return [Entry(term, ko.get(("Glossary", term), term), formula) for term, formula in TERMS]
