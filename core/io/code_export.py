"""On to NumPy and PyTorch: the current network, data set and optimizer as a short standalone script.

`export_script(project, "numpy" | "pytorch")` writes a script that trains from the current parameters,
velocity and step and prints the loss of every step, the numbers the app's trace holds (to 1e-12;
tests/core/test_code_export.py runs the scripts and holds them equal). The arithmetic is the app's:
each activation, loss and δ below is written as core.model.activations / core.model.losses compute it,
the update rules as core.numerics.update's RULES, the order of the samples as
core.numerics.training.samples_for_step. What the scripts cannot reproduce (a rule, an activation or a
loss added later and not written here) is refused with ExportError rather than exported wrongly.
"""
from __future__ import annotations

import numpy as np

from backprop_lab.core.model.activations import LEAKY_SLOPE
from backprop_lab.core.model.network import Network
from backprop_lab.core.model.project import Project
from backprop_lab.core.model.settings import FIELDS, Settings
from backprop_lab.core.numerics.update import rule_of

TARGETS = ("numpy", "pytorch")
DEFAULT_STEPS = 100
# The settings the scripts reproduce; any other field at a value not its default is refused.
COVERED_SETTINGS = ("lr", "momentum", "mode", "shuffle", "batch_size", "seed")
COVERED_RULES = ("sgd", "momentum")


class ExportError(ValueError):
    """The network or its settings use something the exported scripts do not reproduce."""


# a = f(z) and δ = g ⊙ f'(z) (g = dE/da), in core.model.activations' arithmetic; NumPy, then PyTorch.
NP_ACT = {
    "identity": ("{z}.copy()", "{g}"),
    "sigmoid": ("1.0 / (1.0 + np.exp(-{z}))", "{g} * ((1.0 - {a}) * {a})"),
    "tanh": ("np.tanh({z})", "{g} * (1.0 - {a} * {a})"),
    "relu": ("np.maximum({z}, 0.0)", "{g} * ({z} > 0)"),
    "leaky_relu": (f"np.where({{z}} > 0, {{z}}, {LEAKY_SLOPE} * {{z}})",
                   f"{{g}} * np.where({{z}} > 0, 1.0, {LEAKY_SLOPE})"),
    "softmax": ("softmax({z})", "{a} * ({g} - np.sum({g} * {a}, axis=1, keepdims=True))"),
}
TORCH_ACT = {
    "identity": "{z}", "sigmoid": "torch.sigmoid({z})", "tanh": "torch.tanh({z})",
    "relu": "torch.relu({z})", "leaky_relu": f"F.leaky_relu({{z}}, {LEAKY_SLOPE})",
    "softmax": "torch.softmax({z}, dim=1)",
}
# (the loss terms E_k, dE/do or, for the cross-entropies, δ of the output itself), from z, o and y.
NP_LOSS = {
    "half_sse": ("0.5 * (y - {o}) ** 2", "-(y - {o})"),
    "sse": ("(y - {o}) ** 2", "-2.0 * (y - {o})"),
    "mse": ("(y - {o}) ** 2 / {n}", "-2.0 * (y - {o}) / {n}"),
    "cross_entropy": ("-y * log_softmax({z})", "{o} * np.sum(y, axis=1, keepdims=True) - y"),
    "bce": ("-(y * log_sigmoid({z}) + (1.0 - y) * log_sigmoid(-{z}))", "{o} - y"),
}
TORCH_LOSS = {
    "half_sse": "0.5 * (y - {o}) ** 2", "sse": "(y - {o}) ** 2", "mse": "(y - {o}) ** 2 / {n}",
    "cross_entropy": "-y * torch.log_softmax({z}, dim=1)",
    "bce": "F.binary_cross_entropy_with_logits({z}, y, reduction='none')",
}
NP_HELPERS = {
    "softmax": '''def softmax(z):
    e = np.exp(z - np.max(z, axis=1, keepdims=True))   # shifted by the maximum: never overflows
    return e / np.sum(e, axis=1, keepdims=True)
''',
    "log_softmax": '''def log_softmax(z):
    shifted = z - np.max(z, axis=1, keepdims=True)
    return shifted - np.log(np.sum(np.exp(shifted), axis=1, keepdims=True))
''',
    "log_sigmoid": '''def log_sigmoid(z):
    return -np.logaddexp(0.0, -z)      # log σ(z), without overflow on either side
''',
}


def check_exportable(net: Network, settings: Settings) -> None:
    """Raises ExportError naming what the scripts would not reproduce."""
    rule = rule_of(settings).name
    if rule not in COVERED_RULES:
        raise ExportError(f"the update rule {rule!r} cannot be exported yet (only {', '.join(COVERED_RULES)})")
    for name, field in FIELDS.items():
        if name not in COVERED_SETTINGS and getattr(settings, name, field.default) != field.default:
            raise ExportError(f"the setting {name!r} cannot be exported yet; set it to {field.default!r} first")
    for l, spec in enumerate(net.layers, start=1):
        if spec.activation not in NP_ACT or spec.activation not in TORCH_ACT:
            raise ExportError(f"layer {l}: the activation {spec.activation!r} cannot be exported yet")
    if net.loss not in NP_LOSS or net.loss not in TORCH_LOSS:
        raise ExportError(f"the loss {net.loss!r} cannot be exported yet")


def _num(v: float) -> str:
    return repr(float(v))           # the shortest text that reads back as the same float64


def _array(a: np.ndarray, indent: int = 4) -> str:
    """A nested list literal, every number exact, one row a line."""
    a = np.asarray(a, dtype=float)
    if a.ndim == 1:
        return "[" + ", ".join(_num(v) for v in a) + "]"
    rows = [_array(r) for r in a]
    if sum(len(r) for r in rows) < 80:
        return "[" + ", ".join(rows) + "]"
    pad = " " * indent
    return "[\n" + "".join(f"{pad}{r},\n" for r in rows) + pad[:-4] + "]"


def _params(net: Network) -> list[tuple[str, str, np.ndarray, np.ndarray]]:
    """(name, kind, value, frozen) of each parameter array in theta's order: W1, b1, W2, ..."""
    out = []
    for l, spec in enumerate(net.layers, start=1):
        out.append((f"W{l}", "W", net.W[l - 1], net.frozen_W[l - 1]))
        if spec.bias != "none":
            out.append((f"b{l}", spec.bias, net.b[l - 1], net.frozen_b[l - 1]))
    return out


def _split(net: Network, flat: np.ndarray) -> list[np.ndarray]:
    """A vector shaped like theta, cut into the parameter arrays of _params."""
    arrays = []
    for (ws, bs), n_in, spec in zip(net.slices(), net.sizes[:-1], net.layers):
        arrays.append(flat[ws].reshape(n_in, spec.size))
        if spec.bias != "none":
            arrays.append(flat[bs])
    return arrays


def _schedule(s: Settings, n: int, torch: bool) -> str:
    """samples_for_step (core.numerics.training) for these settings."""
    rows = "torch.arange(N)" if torch else "np.arange(N)"
    if s.mode == "batch":
        return f'''def samples_for_step(k):
    """Every step learns from the whole data set (full batch)."""
    return {rows}
'''
    size = 1 if s.mode == "sample" else min(s.batch_size, n)
    if s.shuffle and n > 1:
        order = "np.random.default_rng([SEED, epoch]).permutation(N)   # NumPy's generator, seeded per epoch"
        if torch:
            order = f"torch.from_numpy({order.split('   #')[0]})   # NumPy's generator, as the app's"
    else:
        order = f"{rows}   # in order, epoch after epoch"
    what = "one sample" if size == 1 else f"a mini-batch of up to {size} samples"
    return f'''def samples_for_step(k):
    """The rows step k (counting from 0) learns from: {what}."""
    size = {size}
    per_epoch = -(-N // size)       # steps per pass over the data
    epoch, part = divmod(k, per_epoch)
    order = {order}
    return order[part * size:(part + 1) * size]
'''


def _header(project: Project, target: str, steps: int, start: int) -> str:
    s = project.settings
    title = " ".join((project.name or "A network").split())
    lib = "PyTorch" if target == "pytorch" else "plain NumPy"
    rule = (f"momentum {_num(s.momentum)} (v = μ·v − η·g, θ = θ + v)" if rule_of(s).name == "momentum"
            else "plain gradient descent (θ = θ − η·g)")
    mode = {"sample": "one sample per step", "minibatch": f"mini-batches of {s.batch_size}",
            "batch": "the whole data set per step"}[s.mode]
    return f'''"""{title}

Exported from Backprop Lab as {lib}. It trains the network with the app's settings — {mode},
learning rate η = {_num(s.lr)}, {rule} — and prints the loss each step sees before its update:
the numbers of the app's loss plot, to 1e-12. Run it with `python this_file.py [STEPS]`.
"""
import sys

'''


def _settings_block(project: Project, steps: int, start: int) -> str:
    s = project.settings
    shuffled = s.mode != "batch" and s.shuffle and len(project.data) > 1
    lines = [f"LR = {_num(s.lr)}                  # the learning rate η"]
    if rule_of(s).name == "momentum":
        lines.append(f"MOMENTUM = {_num(s.momentum)}            # μ")
    if shuffled:
        lines.append(f"SEED = {s.seed}                  # the shuffle's seed")
    lines.append(f"START_STEP = {start}           # steps the app had taken (the shuffle order depends on it)")
    lines.append(f"STEPS = int(sys.argv[1]) if len(sys.argv) > 1 else {steps}")
    return "\n".join(lines) + "\n"


def _data_block(project: Project, tensor: str) -> str:
    X, Y = project.data.X, project.data.Y
    return (f"# The data set: one row per sample.\nX = {tensor}({_array(X)})\nY = {tensor}({_array(Y)})\n"
            f"N = len(X)\n")


def export_script(project: Project, target: str, steps: int = DEFAULT_STEPS, start_step: int = 0,
                  velocity: np.ndarray | None = None) -> str:
    """The script's text. `start_step` and `velocity` (shaped like theta) are the trainer's own, so that
    the script continues from where the app stands; `steps` is how many it takes unless told otherwise."""
    if target not in TARGETS:
        raise ExportError(f"unknown target {target!r} (one of {', '.join(TARGETS)})")
    check_exportable(project.net, project.settings)
    v = np.zeros(project.net.n_params) if velocity is None else np.where(project.net.frozen, 0.0, velocity)
    from backprop_lab.core.io import code_export_numpy as numpy_code
    from backprop_lab.core.io import code_export_torch as torch_code
    body = (torch_code if target == "pytorch" else numpy_code).body(project, v, steps, start_step)
    return _header(project, target, steps, start_step) + body
