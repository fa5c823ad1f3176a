"""The house rules that a command can check: the layers' import contract (pyproject.toml,
[tool.importlinter]) holds, and a contract that is broken is reported as broken; no source file is over
400 lines and no function over 60 (Qt widget construction excepted, by the rule in
is_widget_construction), and a file or function over is reported."""
import ast
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

TOP = Path(__file__).resolve().parents[1]
LINT = Path(sys.executable).with_name("lint-imports")


def lint_imports(view: Path, config: Path) -> subprocess.CompletedProcess:
    return subprocess.run([str(LINT), "--config", str(config), "--no-cache"], cwd=view, capture_output=True,
                          text=True, timeout=120, env={"PYTHONPATH": str(view), "PATH": "/usr/bin:/bin"})


def package_view(folder: Path, top: Path = TOP) -> Path:
    subprocess.run([str(TOP / ".ci" / "package_view"), str(folder)], check=True, capture_output=True)
    if top != TOP:
        for d in ("core", "gui", "assets"):
            (folder / "backprop_lab" / d).unlink()
            (folder / "backprop_lab" / d).symlink_to(top / d)
    return folder


@pytest.fixture(scope="module")
def linter():
    if not LINT.exists():
        pytest.fail("import-linter is part of the test extra: pip install -e '.[test]'")
    return LINT


def test_the_layers_contract_holds(linter, tmp_path):
    out = lint_imports(package_view(tmp_path), TOP / "pyproject.toml")
    assert out.returncode == 0, out.stdout + out.stderr
    assert "Contracts: 2 kept, 0 broken." in out.stdout


def test_a_lower_layer_importing_a_higher_one_breaks_it(linter, tmp_path):
    copy = tmp_path / "copy"
    for d in ("core", "gui", "assets"):
        shutil.copytree(TOP / d, copy / d, ignore=shutil.ignore_patterns("__pycache__"))
    engine = copy / "core" / "numerics" / "engine.py"
    engine.write_text(engine.read_text() + "\nfrom backprop_lab.core.teaching import formula  # noqa\n")
    model = copy / "core" / "model" / "losses.py"
    model.write_text(model.read_text() + "\nimport PySide6  # noqa\n")
    out = lint_imports(package_view(tmp_path / "view", copy), TOP / "pyproject.toml")
    assert out.returncode != 0
    assert "backprop_lab.core.numerics is not allowed to import backprop_lab.core.teaching" in out.stdout
    assert "Contracts: 0 kept, 2 broken." in out.stdout


# ----- sizes -------------------------------------------------------------------------------------
MAX_FILE_LINES = 400
MAX_FUNCTION_LINES = 60
# Files and functions still over the limits while another change splits them: each entry must still be
# over (so a split that lands takes its entry out), and the list only ever shrinks to empty.
PENDING: set[str] = set()


def is_widget_construction(folder: str, name: str) -> bool:
    """The rule for "Qt widget construction excepted": in gui/ only, a function named __init__, or whose
    name starts with _build or build_, builds widgets and may run long (one line a widget reads better
    than helpers that each place three). Anywhere else, and for every other name, the 60 lines hold."""
    return folder == "gui" and (name == "__init__" or name.startswith(("_build", "build_")))


def oversized(top: Path = TOP) -> list[str]:
    """Every source file of core/ and gui/ over MAX_FILE_LINES lines ("path") and every function over
    MAX_FUNCTION_LINES lines, decorators included ("path:name"), that is not widget construction."""
    found = []
    for folder in ("core", "gui"):
        for path in sorted((top / folder).rglob("*.py")):
            rel, text = path.relative_to(top).as_posix(), path.read_text(encoding="utf-8")
            if len(text.splitlines()) > MAX_FILE_LINES:
                found.append(rel)
            for node in ast.walk(ast.parse(text)):
                if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                    first = min([node.lineno] + [d.lineno for d in node.decorator_list])
                    if node.end_lineno - first + 1 > MAX_FUNCTION_LINES \
                            and not is_widget_construction(folder, node.name):
                        found.append(f"{rel}:{node.name}")
    return found


def test_no_file_or_function_is_over_the_limits():
    found = set(oversized())
    over, fixed = sorted(found - PENDING), sorted(PENDING - found)
    assert not over, f"over {MAX_FILE_LINES} lines (a file) or {MAX_FUNCTION_LINES} (a function): {over}"
    assert not fixed, f"within the limits now: take these out of PENDING: {fixed}"


def _function(name: str, lines: int, indent: str = "") -> str:
    body = "".join(f"{indent}    x{i} = {i}\n" for i in range(lines - 2))
    return f"{indent}def {name}():\n{body}{indent}    return 0\n"


def test_the_size_check_finds_what_is_over(tmp_path):
    for folder in ("core", "gui"):
        (tmp_path / folder).mkdir()
    (tmp_path / "core" / "long.py").write_text("x = 1\n" * (MAX_FILE_LINES + 1))
    (tmp_path / "core" / "fits.py").write_text("x = 1\n" * (MAX_FILE_LINES - 60) + _function("sixty", 60))
    (tmp_path / "core" / "funcs.py").write_text(_function("too_long", 61) + _function("ok", 60)
                                                + "class A:\n" + _function("__init__", 61, "    "))
    (tmp_path / "gui" / "panel.py").write_text("class P:\n" + _function("__init__", 80, "    ")
                                               + _function("_build_rows", 80, "    ")
                                               + _function("refresh", 61, "    "))
    assert oversized(tmp_path) == ["core/funcs.py:too_long", "core/funcs.py:__init__",
                                   "core/long.py", "gui/panel.py:refresh"]
