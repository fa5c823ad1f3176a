"""The names a saved network gets: Save As proposes one for a trained network by itself ("Seed 004 —
trained 400 steps.json"), not the preset's file name or title, and the saved document's own name says
the same, so a preset's title never stands over trained weights. Both in the learner's language."""
from __future__ import annotations

import os
import re

from PySide6.QtCore import QCoreApplication

from .preset_titles import preset_title

_UNSAFE = re.compile(r'[\x00-\x1f/\\:*?"<>|]+')
MAX_STEM = 120


def _trained(name: str, steps: int) -> str:
    if steps == 1:
        return QCoreApplication.translate("FileNames", "%1 — trained 1 step").replace("%1", name)
    return (QCoreApplication.translate("FileNames", "%1 — trained %2 steps")
            .replace("%1", name).replace("%2", str(steps)))


def _untrained(name: str) -> str:
    """name without the " — trained N steps" this app added (in the language it runs in now)."""
    for steps in (1, 2):
        pattern = re.escape(_trained("\0", steps)).replace(re.escape("\0"), "(.+)", 1)
        m = re.fullmatch(pattern.replace(re.escape(str(steps)), r"\d+") if steps == 2 else pattern, name)
        if m:
            return m.group(1)
    return name


def document_name(name: str, steps: int) -> str:
    """The name a document is saved under: its own, saying how far it was trained."""
    if not name or steps <= 0:
        return name
    return _trained(_untrained(preset_title(name)), steps)


def proposed_file(name: str, path: str | None, steps: int, shipped: bool) -> str:
    """The file name Save As proposes: the file's own stem, else the title's short form (before its
    colon: "Seed 004"), with how far the network was trained."""
    if path and not shipped:
        stem = _untrained(os.path.splitext(os.path.basename(path))[0])
    else:
        stem = _untrained(preset_title(name)).split(":", 1)[0].strip()
    stem = stem or QCoreApplication.translate("FileNames", "network")
    if steps > 0:
        stem = _trained(stem, steps)
    stem = _UNSAFE.sub("-", stem).strip(" .-")[:MAX_STEM].strip() or "network"
    return stem + ".json"
