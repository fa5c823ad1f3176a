"""The exercise verdict's words live once, in the window (gui/teaching/mistakes.py, translatable); core
gives codes and parameters (core.teaching.exercises.VERDICT_PARAMS). The two cannot drift: every code
has exactly one sentence using exactly its parameters, in English and in the Korean catalogue."""
import string
import xml.etree.ElementTree as ET

import pytest

from backprop_lab.core.io.presets import load_preset
from backprop_lab.core.teaching.exercises import VERDICT_PARAMS, check, exercise_set
from backprop_lab.gui.app import I18N
from backprop_lab.gui.teaching.mistakes import _sentences, sentence


def fields(text: str) -> set[str]:
    return {f for _, f, _, _ in string.Formatter().parse(text) if f}


def test_every_code_has_one_sentence_with_exactly_its_parameters():
    words = _sentences()
    assert sorted(words) == sorted(VERDICT_PARAMS)
    for key, params in VERDICT_PARAMS.items():
        assert fields(words[key]) == set(params), key


def test_the_korean_sentences_use_the_same_parameters():
    english = set(_sentences().values())
    found = 0
    for ctx in ET.parse(I18N / "backprop_lab_ko.ts").getroot().iter("context"):
        if ctx.find("name").text != "Mistakes":
            continue
        for m in ctx.iter("message"):
            source, korean = m.find("source").text, m.find("translation").text
            if source in english:
                found += 1
                assert fields(korean) == fields(source), source
    assert found == len(english)


@pytest.fixture(scope="module")
def seed004():
    return {e.quantity: e for e in exercise_set(load_preset("seed004"), set_id="seed004")}


def words(ex, answer):
    v = check(ex, answer)
    return sentence(v.mistake, v.params, v.correct)


def test_the_verdicts_read_in_english(seed004):
    t1 = seed004["z2[1]"]
    assert words(t1, 0.4450) == "Right: your value is t1 within ±0.00005 (4 decimal places)."
    assert words(t1, 1.0) == ("Not right: your value is not within ±0.00005 of t1. Check the formula above "
                              "and try again.")
    g = seed004["dE/dW2[1,1]"]
    assert words(g, -(0.4 - 0.60944600) * 0.51998934) == (
        "Your value leaves out the activation-derivative factor o1(1 − o1) (of o1) in ∂E_tot/∂U11.")
    assert "−(y1 − o1)" in words(g, -0.02592286)
    assert words(seed004["updated:W2[1,1]"], 0.45 + 0.5 * 0.02592286).startswith(
        "Your value adds η·∂E_tot/∂U11 instead of subtracting it")


def test_an_updated_weight_with_the_slip_in_its_gradient_is_not_called_a_gradient(seed004):
    """U11⁺ typed as U11 − η·(∂E/∂o1 · h1), without σ′: the value is a weight, the slip is in the gradient."""
    ex = seed004["updated:W2[1,1]"]
    typed = 0.45 - 0.5 * (0.60944600 - 0.4) * 0.51998934
    said = words(ex, typed)
    assert said == "Your value leaves out the activation-derivative factor o1(1 − o1) (of o1) in ∂E_tot/∂U11."
    assert "equals ∂E_tot/∂U11" not in said
    # every mistake the U11⁺ exercise can name speaks of the update or of where in it the slip is
    for m in ex.mistakes:
        text = sentence(m.code, {**m.params, "tolerance": "0.00005", "digits": "4"})
        assert not text.startswith("Your value equals ∂"), text
