"""argparse's own words (usage, options, "the following arguments are required" …) in the learner's
language: argparse asks gettext for them; here it asks the one catalogue (core.model.i18n) instead.
The texts are argparse's, listed for lupdate; where the catalogue has none, argparse's stand."""
from __future__ import annotations

import argparse

from backprop_lab.core.model.i18n import translate


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:   # noqa: N802 (the name lupdate looks for)
    return text


WORDS = (
    QT_TRANSLATE_NOOP("argparse", "usage: "),
    QT_TRANSLATE_NOOP("argparse", "positional arguments"),
    QT_TRANSLATE_NOOP("argparse", "options"),
    QT_TRANSLATE_NOOP("argparse", "show this help message and exit"),
    QT_TRANSLATE_NOOP("argparse", "the following arguments are required: %s"),
    QT_TRANSLATE_NOOP("argparse", "unrecognized arguments: %s"),
    QT_TRANSLATE_NOOP("argparse", "argument %(argument_name)s: %(message)s"),
    QT_TRANSLATE_NOOP("argparse", "invalid choice: %(value)r (choose from %(choices)s)"),
    QT_TRANSLATE_NOOP("argparse", "invalid %(type)s value: %(value)r"),
    QT_TRANSLATE_NOOP("argparse", "expected one argument"),
    QT_TRANSLATE_NOOP("argparse", "expected at most one argument"),
    QT_TRANSLATE_NOOP("argparse", "expected at least one argument"),
    QT_TRANSLATE_NOOP("argparse", "ambiguous option: %(option)s could match %(matches)s"),
    QT_TRANSLATE_NOOP("argparse", "not allowed with argument %s"),
    QT_TRANSLATE_NOOP("argparse", "one of the arguments %s is required"),
)


def _words(text: str) -> str:
    return translate("argparse", text)


def install() -> None:
    """argparse's messages through the catalogue, in the language core.model.i18n has now."""
    argparse._ = _words     # type: ignore[attr-defined]   # argparse looks its words up through this name
