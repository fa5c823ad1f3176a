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
    ("0.5", 0.5, None), (" \u22121e-3 ", -1e-3, None), ("0,5", 0.5, None), ("1,000.5", None, "not_a_number"),
    ("", None, "empty"), ("   ", None, "empty"), ("abc", None, "not_a_number"), ("nan", None, "not_a_number"),
    ("inf", None, "not_finite"), ("1e999", None, "not_finite")])
def test_reading_a_typed_number(typed, value, code):
    v, problem = parse_number(typed)
    assert v == value and (problem.code if problem else None) == code
    if problem and code != "empty":
        assert problem.text == typed.strip()
