"""core/ is pure numpy: no module under it may import Qt, pyqtgraph or the gui package, neither at the
top of a file nor inside a function, nor end up loading one when imported."""
import ast
import json
import pkgutil
import subprocess
import sys
from pathlib import Path

from backprop_lab import core

BANNED = ("PySide6", "shiboken6", "pyqtgraph", "PyQt5", "PyQt6", "PySide2", "backprop_lab.gui")
CORE = Path(core.__file__).resolve().parent


def _banned(name: str) -> bool:
    return any(name == b or name.startswith(b + ".") for b in BANNED)


def banned_imports(source: str, package: str = "backprop_lab.core") -> list[str]:
    """Every import in `source` (a module of `package`) that reaches a banned top-level package,
    wherever it sits: module level, function bodies, try blocks, importlib.import_module("...")."""
    found = []
    for node in ast.walk(ast.parse(source)):
        names = []
        if isinstance(node, ast.Import):
            names = [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level == 0:
                names = [node.module or ""]
            else:   # `from ..gui import x` inside core climbs out of the package
                parts = package.split(".")[: max(len(package.split(".")) - node.level + 1, 0)]
                base = ".".join(parts + ([node.module] if node.module else []))
                names = [base] if base else [a.name for a in node.names]
        elif isinstance(node, ast.Call) and node.args and isinstance(node.args[0], ast.Constant):
            func = node.func
            called = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
            if called in ("import_module", "__import__") and isinstance(node.args[0].value, str):
                names = [node.args[0].value]
        found += [n for n in names if _banned(n)]
    return found


def core_files() -> list[Path]:
    return sorted(CORE.rglob("*.py"))


def test_the_scanner_finds_every_kind_of_import():
    src = ("import numpy\n"
           "def f():\n    import PySide6.QtCore\n"
           "def g():\n    from pyqtgraph import PlotItem\n"
           "try:\n    from ..gui import session\nexcept ImportError:\n    pass\n"
           "import importlib\nimportlib.import_module('shiboken6')\n"
           "from . import engine\n")
    assert banned_imports(src) == ["PySide6.QtCore", "pyqtgraph", "backprop_lab.gui", "shiboken6"]
    assert banned_imports("from backprop_lab.gui.session import Session\n") == ["backprop_lab.gui.session"]
    assert banned_imports("from .gui_helpers import x\nimport guidance\n") == []


def test_no_core_file_imports_qt_or_gui():
    files = core_files()
    assert len(files) >= 10 and CORE / "numerics" / "engine.py" in files and CORE / "cli" / "__init__.py" in files
    offenders = {}
    for path in files:
        rel = path.relative_to(CORE.parent).with_suffix("")
        # for __init__.py too: `from . import x` is its own package
        package = "backprop_lab." + ".".join(rel.parts[:-1])
        hits = banned_imports(path.read_text(encoding="utf-8"), package)
        if hits:
            offenders[str(path.relative_to(CORE.parent))] = hits
    assert offenders == {}


def test_importing_every_core_module_loads_no_qt():
    code = (
        "import importlib, json, pkgutil, sys\n"
        "from backprop_lab import core\n"
        "mods = [m.name for m in pkgutil.walk_packages(core.__path__, 'backprop_lab.core.')]\n"
        "for m in mods:\n"
        "    importlib.import_module(m)\n"
        f"banned = {BANNED!r}\n"
        "loaded = sorted(n for n in sys.modules if any(n == b or n.startswith(b + '.') for b in banned))\n"
        "print(json.dumps({'modules': mods, 'loaded': loaded}))\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    result = json.loads(out.stdout.strip().splitlines()[-1])
    expected = {f"backprop_lab.core.{m.name}" for m in pkgutil.iter_modules([str(CORE)])}
    assert expected <= set(result["modules"]) and "backprop_lab.core.teaching.derivation" in result["modules"]
    assert result["loaded"] == []
