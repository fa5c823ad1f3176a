"""ziamath (pure-Python LaTeX → SVG), found and imported for gui.teaching.typeset: its folder (the math
font), its version (the disk cache's name) read without importing it, and the import itself, which
takes about 0.3 s and is done on a thread of its own as soon as a window makes its typesetter."""
from __future__ import annotations

import importlib.util
import os
import re
import threading
import warnings

_ZIAMATH: list = []
_IMPORTING = threading.Lock()
_PRELOADING: list[threading.Thread] = []
_VERSION: list[str] = []


def ziamath_module():
    """ziamath, imported when a formula is first typeset rather than read back from the disk cache:
    its import takes about 0.3 s, a fifth of a cold start, and a window whose formulas are all on
    disk never needs it; `preload` imports it in the background meanwhile."""
    with _IMPORTING:
        if not _ZIAMATH:
            # ziamath 0.13 finds its font with importlib.resources.path, deprecated since Python 3.11.
            # A filter of its own module, not catch_warnings: that saves and restores every filter of
            # the process, and on the preloading thread would undo the window thread's meanwhile.
            warnings.filterwarnings("ignore", category=DeprecationWarning, module=r"ziamath(\.|$)")
            import ziamath
            ziamath.config.svg2 = False    # QtSvg reads SVG 1.1 (Tiny): no <use> of symbols defined by SVG 2
            _ZIAMATH.append(ziamath)
    return _ZIAMATH[0]


def preload() -> None:
    """Import ziamath on a thread of its own, once: the first formula typeset (the walk's numbers after
    an edit or a pause) would otherwise hold the window for the import (issue 8: it answers within
    100 ms). The window goes on meanwhile; a formula wanted before the import ends waits for it."""
    if _ZIAMATH or _PRELOADING:
        return
    _PRELOADING.append(threading.Thread(target=_import_quietly, name="ziamath import", daemon=True))
    _PRELOADING[0].start()


def _import_quietly() -> None:
    try:
        ziamath_module()
    except Exception:      # noqa: BLE001 - typesetting imports it again and shows plain text if it cannot
        pass


def ziamath_dir() -> str:
    spec = importlib.util.find_spec("ziamath")
    where = list(spec.submodule_search_locations or []) if spec is not None else []
    return where[0] if where else ""


def ziamath_version() -> str:
    """ziamath.__version__, read from its source without importing it (nor importlib.metadata)."""
    if not _VERSION:
        try:
            with open(os.path.join(ziamath_dir(), "__init__.py"), encoding="utf-8") as f:
                found = re.search(r"^__version__\s*=\s*['\"]([^'\"]+)", f.read(), re.M)
        except OSError:
            found = None
        _VERSION.append(found.group(1) if found else "x")
    return _VERSION[0]
