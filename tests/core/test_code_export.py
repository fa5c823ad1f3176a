"""On to NumPy and PyTorch (core.io.code_export): the exported scripts, run in a subprocess as a learner
runs them, print the losses of the app's own trainer, to 1e-12, in every mode, rule, activation, loss
and bias mode the app has, and continue from where the app stands (step, velocity, frozen parameters)."""
from __future__ import annotations

import re
import subprocess
import sys

import numpy as np
import pytest

from backprop_lab.core import cli
from backprop_lab.core.io import code_export
from backprop_lab.core.io.code_export import ExportError, export_script
from backprop_lab.core.io.presets import load_preset
from backprop_lab.core.model.activations import ACTIVATIONS
from backprop_lab.core.model.dataset import Dataset
from backprop_lab.core.model.losses import LOSSES
from backprop_lab.core.model.network import LayerSpec, Network, init_weights
from backprop_lab.core.model.project import Project
from backprop_lab.core.model.settings import FIELDS, Field, Settings
from backprop_lab.core.numerics.training import Trainer

STEPS = 40


def script_losses(text: str, tmp_path, steps: int = STEPS) -> np.ndarray:
    path = tmp_path / "train.py"
    path.write_text(text, encoding="utf-8")
    run = subprocess.run([sys.executable, str(path), str(steps)], capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr
    found = re.findall(r"^step (\d+): loss (\S+)$", run.stdout, re.M)
    assert len(found) == steps, run.stdout
    return np.array([float(v) for _, v in found])


def app_losses(project: Project, steps: int = STEPS, trainer: Trainer | None = None) -> np.ndarray:
    t = trainer or Trainer(project.net.copy(), project.data, project.settings)
    before = len(t.trace)
    t.run(steps)
    return t.trace.column("loss")[before:]


def preset(name: str, **settings) -> Project:
    p = load_preset(name)
    for k, v in settings.items():
        setattr(p.settings, k, v)
    return p


@pytest.mark.parametrize("project", [preset("seed004"), preset("xor", mode="batch"), preset("seed003")],
                         ids=["seed004", "xor-batch", "seed003-momentum"])
def test_the_numpy_script_prints_the_apps_losses(project, tmp_path):
    want = app_losses(project)
    got = script_losses(export_script(project, "numpy"), tmp_path)
    assert np.max(np.abs(got - want)) <= 1e-12


def every_mode() -> list[tuple[str, Project]]:
    """Every activation, loss, bias mode, update mode and rule, with shuffling and frozen parameters."""
    rng = np.random.default_rng(5)
    X, Y2 = rng.normal(size=(7, 3)), rng.uniform(size=(7, 2))
    onehot = np.eye(2)[rng.integers(0, 2, 7)]
    cases = []
    hidden = [a for a in ACTIVATIONS if a != "softmax"]
    for i, loss in enumerate(LOSSES):
        out = LOSSES[loss].requires or ("softmax" if loss == "half_sse" else "identity")
        layers = [LayerSpec(4, hidden[i % len(hidden)], "neuron"),
                  LayerSpec(3, hidden[(i + 2) % len(hidden)], "shared"),
                  LayerSpec(2, out, ("none", "neuron", "shared", "neuron", "none")[i])]
        net = Network(3, layers, loss)
        init_weights(net, seed=i)
        net.theta[net.slices()[0][1]] = rng.normal(size=4) * 0.1
        net.frozen[[1, 7]] = True
        mode = ("sample", "minibatch", "batch", "minibatch", "batch")[i]
        s = Settings(lr=0.3, momentum=(0.0, 0.9, 0.5, 0.0, 0.9)[i], mode=mode, shuffle=i != 2, batch_size=3,
                     seed=11 + i)
        cases.append((f"{loss}-{mode}", Project(net, Dataset(X, onehot if LOSSES[loss].requires else Y2), s)))
    return cases


@pytest.mark.parametrize("case", every_mode(), ids=lambda c: c[0])
def test_every_mode_from_where_the_app_stands(case, tmp_path):
    """After 9 steps in the app (a step count inside an epoch, a velocity, frozen entries), the script
    goes on as the app does."""
    _, project = case
    used = {s.activation for s in project.net.layers}
    t = Trainer(project.net.copy(), project.data, project.settings)
    t.run(9)
    now = Project(t.net.copy(), project.data, project.settings)
    text = export_script(now, "numpy", start_step=t.step, velocity=t.velocity.copy())
    want = app_losses(now, trainer=t)
    assert np.max(np.abs(script_losses(text, tmp_path) - want)) <= 1e-12
    assert used <= set(ACTIVATIONS)


def test_the_cases_cover_every_activation_loss_and_bias_mode():
    cases = [p for _, p in every_mode()]
    assert {s.activation for p in cases for s in p.net.layers} == set(ACTIVATIONS)
    assert {p.net.loss for p in cases} == set(LOSSES)
    assert {s.bias for p in cases for s in p.net.layers} == {"none", "neuron", "shared"}
    assert {p.settings.mode for p in cases} == set(FIELDS["mode"].choices)


def test_the_pytorch_script_prints_the_apps_losses(tmp_path):
    pytest.importorskip("torch", reason="PyTorch is not installed (pip install torch); the NumPy script is "
                        "checked without it")
    texts, wants = [], []
    for project in [preset("seed004"), preset("xor", mode="batch"), preset("seed003")] + [p for _, p in every_mode()]:
        t = Trainer(project.net.copy(), project.data, project.settings)
        t.run(5)
        now = Project(t.net.copy(), project.data, project.settings)
        texts.append(export_script(now, "pytorch", start_step=t.step, velocity=t.velocity.copy()))
        wants.append(app_losses(now, trainer=t))
    # One process runs every script (importing torch takes seconds), each as `python script.py STEPS`.
    paths = []
    for i, text in enumerate(texts):
        paths.append(tmp_path / f"train{i}.py")
        paths[-1].write_text(text, encoding="utf-8")
    driver = (f"import runpy, sys\nfor p in sys.argv[1:]:\n    sys.argv = [p, '{STEPS}']\n    print('#', p)\n"
              "    runpy.run_path(p, run_name='__main__')\n")
    run = subprocess.run([sys.executable, "-c", driver, *map(str, paths)], capture_output=True, text=True,
                         timeout=300)
    assert run.returncode == 0, run.stderr
    outputs = run.stdout.split("# ")[1:]
    assert len(outputs) == len(texts)
    for i, (out, want) in enumerate(zip(outputs, wants)):
        got = np.array([float(v) for v in re.findall(r"^step \d+: loss (\S+)$", out, re.M)])
        assert got.shape == want.shape and np.max(np.abs(got - want)) <= 1e-12, i


def test_what_the_scripts_cannot_reproduce_is_refused(monkeypatch):
    project = preset("seed004")
    monkeypatch.setitem(FIELDS, "weight_decay", Field("weight_decay", float, 0.0, low=0))
    export_script(project, "numpy")            # at its default, a setting the scripts lack changes nothing
    project.settings.weight_decay = 0.01       # type: ignore[attr-defined]
    with pytest.raises(ExportError, match="weight_decay"):
        export_script(project, "numpy")
    monkeypatch.delitem(code_export.NP_ACT, "sigmoid")
    with pytest.raises(ExportError, match="sigmoid"):
        export_script(preset("seed004"), "pytorch")
    with pytest.raises(ExportError, match="fortran"):
        export_script(preset("seed004"), "fortran")


def test_export_from_the_command_line(capsys, tmp_path):
    out = tmp_path / "seed003.py"
    assert cli.main(["export", "seed003", "--to", "numpy", "-o", str(out), "--steps", "12"]) == 0
    assert "numpy script written" in capsys.readouterr().out
    run = subprocess.run([sys.executable, str(out)], capture_output=True, text=True, timeout=60)
    assert len(run.stdout.splitlines()) == 12
    assert cli.main(["export", "seed003", "--to", "julia", "-o", str(out)]) == 2
    assert cli.main(["export", "seed003", "--to", "numpy", "-o", str(tmp_path / "no" / "x.py")]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 2 and "cannot write" in err
