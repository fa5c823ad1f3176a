"""The house rules that a command can check: the layers' import contract (pyproject.toml,
[tool.importlinter]) holds, and a contract that is broken is reported as broken."""
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
