"""One way to write a number (core.model.numbers.format_number) and one way to read a typed one."""
from __future__ import annotations

import pytest

from backprop_lab.core.cli import Numbers
from backprop_lab.core.model.numbers import MINUS, format_number, parse_number


@pytest.mark.parametrize("v,given,text", [
    (1.2345e-5, True, "0.00001234"), (1.2345e-5, False, "0.00001234"), (0.60944600, False, "0.60944600"),
    (0.45, True, "0.45"), (0.45, False, "0.45000000"), (-1e-12, False, "0.00000000"), (0.0, True, "0"),
    (0.1 + 0.2, True, "0.30000000"), (123456.5, True, "123456.5"), (2.5e9, True, "2500000000"),
    (2.5e9, False, "2.50000000e+09"),
    (float("nan"), True, "nan"), (float("-inf"), False, "-inf")])
def test_the_one_rule(v, given, text):
    assert format_number(v, 8, given) == text


def test_every_digit_and_the_window_minus():
    assert format_number(1e-10, None) == "1e-10" and format_number(0.1 + 0.2, None) == "0.30000000000000004"
    assert format_number(-0.25, 4, given=True, minus=MINUS) == "\u22120.25"
    assert format_number(-0.125, 2, minus=MINUS) == "\u22120.12"


def test_the_command_line_writes_what_the_walk_through_writes():
    for v in (1.2345e-5, -0.02592286, 3.0, 7.5e10):
        assert Numbers(8)(v) == format_number(v, 8)


@pytest.mark.parametrize("typed,value,code", [
    ("0.5", 0.5, None), (" \u22121e-3 ", -1e-3, None), ("0,5", 0.5, None), ("1,000.5", None, "thousands"),
    ("", None, "empty"), ("   ", None, "empty"), ("abc", None, "not_a_number"), ("nan", None, "not_a_number"),
    ("inf", None, "not_finite"), ("1e999", None, "not_finite")])
def test_reading_a_typed_number(typed, value, code):
    v, problem = parse_number(typed)
    assert v == value and (problem.code if problem else None) == code
    if problem and code != "empty":
        assert problem.text == typed.strip()


@pytest.mark.parametrize("typed,value,code", [
    ("1,000", None, "thousands"), ("1,234,567", None, "thousands"), ("-12,345", None, "thousands"),
    ("1,5", 1.5, None), ("0,125", 0.125, None), ("\u22120,125", -0.125, None), ("1,0000", 1.0, None),
    ("1,2,3", None, "not_a_number"), ("1e-400", None, "underflow"), ("-0.0001e-330", None, "underflow"),
    ("0e-400", 0.0, None), ("1e-320", 1e-320, None),
    ("\uff10\uff0e\uff15", 0.5, None), ("\uff0d\uff11\uff45\uff0d\uff13", -1e-3, None), ("\uff12", 2.0, None),
    ("2\u00b2", None, "not_a_number")])           # a superscript is not a digit (NFKC would read 22)
def test_commas_underflow_and_full_width(typed, value, code):
    """A comma is a decimal mark only where it cannot group thousands; a nonzero number that would
    become 0 is refused; full-width digits and point are read alike."""
    v, problem = parse_number(typed)
    assert v == value and (problem.code if problem else None) == code


def test_the_reasons_say_why():
    from backprop_lab.core.model.numbers import reason
    words = reason(parse_number("1,000")[1])
    assert "“1,000”" in words and "thousands" in words and "1000" in words
    assert "would become 0" in reason(parse_number("1e-400")[1])
    assert reason(parse_number("abc")[1]) == "“abc” is not a number"


def test_the_reasons_speak_korean():
    from backprop_lab.core.model import i18n
    from backprop_lab.core.model.numbers import reason
    i18n.set_language("ko")
    try:
        for typed in ("1,000", "1e-400", "abc", "1e999", ""):
            words = reason(parse_number(typed)[1])
            assert any("\uac00" <= ch <= "\ud7a3" for ch in words), words
    finally:
        i18n.set_language("en")


@pytest.mark.parametrize("v,digits,text", [
    (1.2e154, 8, "1.2e+154"), (1e-320, 8, "1e-320"), (-1e-320, 4, "-1e-320"), (1e-9, 8, "1e-09"),
    (1.5e-9, 8, "1.5e-09"), (1.2345678912e-12, 8, "1.23456789e-12"), (3e-5, 4, "3e-05"),
    (1e16, 8, "1e+16"), (1e15, 8, "1000000000000000"), (-0.0, 8, "0"), (6e-9, 8, "0.00000001")])
def test_a_given_number_is_never_lost(v, digits, text):
    """A given number (and every number the window's views show) that the places shown would round to
    zero, or with 16 digits or more before the point (where "every digit" turns to exponent form too),
    is written in the shortest exponent form that reads back as itself, at most `digits` decimals."""
    assert format_number(v, digits, given=True) == text
    if "e" in text and len(text.partition("e")[0]) <= digits:
        assert float(text) == v                     # what was typed reads back as itself


def test_the_diagram_keeps_its_places_and_loses_nothing_given():
    assert format_number(0.45, 3, given=True, aligned=True) == "0.450"
    assert format_number(1e-320, 3, given=True, aligned=True, minus=MINUS) == "1e\u2212320"
    assert format_number(1e-320, 3, aligned=True) == "0.000"       # a computed result, rounded as printed
    assert format_number(1.2e154, 3, given=True, aligned=True) == "1.2e+154"


def test_a_number_in_exponent_form_is_typeset_as_a_power_of_ten():
    """In a typeset formula "1e-320" would read as 1·e − 320: it is 1 × 10^{-320}."""
    from backprop_lab.core.teaching.formula import Sym, render
    def fmt(v, given):
        return format_number(v, 8, given, minus=MINUS)
    assert render([Sym("w", "w", 1e-320, True)], 3, fmt) == r"1 \times 10^{-320}"
    assert render([Sym("w", "w", -1.2e154, True)], 3, lambda v, g: format_number(v, 8, g)) == r"(-1.2 \times 10^{154})"
    assert render([Sym("w", "w", 1e-320, True)], 1, fmt) == "1e\u2212320"             # plain text stays
