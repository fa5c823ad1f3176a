"""Words in the learner's language for core and the command line, without Qt.

One origin for every Korean string: the catalogue the window uses, assets/i18n/backprop_lab_ko.ts
(pyside6-lupdate extracts `translate("Context", "text")` calls from core as it does from gui, and
translators fill in one file). The window loads its compiled .qm through Qt; core reads the .ts XML
itself, so the command line speaks Korean with no Qt installed. English is the source text."""
from __future__ import annotations

import locale
import os
import re
import xml.etree.ElementTree as ET
from functools import cache
from pathlib import Path

LANGUAGES = ("en", "ko")
_I18N = Path(__file__).resolve().parents[2] / "assets" / "i18n"
_current = {"lang": "en"}


@cache
def catalogue(lang: str) -> dict[tuple[str, str], str]:
    """(context, source) -> finished translation, from assets/i18n/backprop_lab_<lang>.ts."""
    path = _I18N / f"backprop_lab_{lang}.ts"
    if lang == "en" or not path.exists():
        return {}
    out: dict[tuple[str, str], str] = {}
    for ctx in ET.parse(path).getroot().iter("context"):
        name = ctx.findtext("name") or ""
        for m in ctx.iter("message"):
            tr = m.find("translation")
            if tr is None or tr.get("type") in ("unfinished", "obsolete", "vanished"):
                continue
            forms = list(tr.iter("numerusform"))
            text = (forms[0].text if forms else tr.text) or ""
            if text:
                out[(name, m.findtext("source") or "")] = text
    return out


def system_language() -> str:
    """"ko" when the environment's locale is Korean, else "en" (LC_ALL, LC_MESSAGES, LANG, as gettext)."""
    for var in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(var, "")
        if value:
            return "ko" if value.lower().startswith("ko") else "en"
    code = locale.getlocale()[0] or ""
    return "ko" if code.lower().startswith("ko") else "en"


def set_language(lang: str) -> None:
    _current["lang"] = lang if lang in LANGUAGES else "en"


def language() -> str:
    return _current["lang"]


def translate(context: str, text: str) -> str:
    """`text` in the current language (itself where the catalogue has no translation)."""
    return catalogue(_current["lang"]).get((context, text), text)


_ARG = re.compile(r"%([1-9])")


def fill(template: str, *args: object) -> str:
    """%1, %2 … of a translated template replaced by args in one pass (an argument holding "%2" stays)."""
    return _ARG.sub(lambda m: str(args[int(m.group(1)) - 1]) if int(m.group(1)) <= len(args) else m.group(0),
                    template)

