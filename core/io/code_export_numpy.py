"""The body of the plain-NumPy script (core.io.code_export): forward and backward written out layer by
layer, in core.numerics.engine's arithmetic, then the update rule of core.numerics.update."""
from __future__ import annotations

import numpy as np

from backprop_lab.core.io.code_export import (
    NP_ACT,
    NP_HELPERS,
    NP_LOSS,
    _array,
    _data_block,
    _params,
    _schedule,
    _settings_block,
    _split,
)
from backprop_lab.core.model.project import Project
from backprop_lab.core.numerics.update import rule_of


def _parameter_block(project: Project, velocity: np.ndarray) -> str:
    net = project.net
    params = _params(net)
    lines = ["# The parameters: W{l}[i, j] joins neuron i of layer l-1 to neuron j of layer l; z{l} = a{l-1} @ W{l}"
             " + b{l}."]
    for name, kind, value, _ in params:
        note = "   # one bias shared by the layer's neurons" if kind == "shared" else ""
        lines.append(f"{name} = np.array({_array(value)}){note}")
    lines.append(f"params = [{', '.join(p[0] for p in params)}]")
    if any(f.any() for *_, f in params):
        lines.append("# Frozen parameters (True) keep their values: their learning rate is 0.")
        lines.append("frozen = [" + ", ".join(f"np.array({_array(f.astype(float))}) > 0" for *_, f in params) + "]")
    if rule_of(project.settings).name == "momentum":
        vs = _split(net, velocity)
        if np.any(velocity):
            lines.append("# The velocity momentum had built up in the app.")
            lines.append("velocity = [" + ", ".join(f"np.array({_array(v)})" for v in vs) + "]")
        else:
            lines.append("velocity = [np.zeros_like(p) for p in params]")
    return "\n".join(lines) + "\n"


def _forward_backward(project: Project) -> str:
    """loss_and_gradients(x, y): the mean loss of the rows and the mean gradient of each parameter."""
    net = project.net
    L, n_out = net.depth, net.sizes[-1]
    lines = ["def loss_and_gradients(x, y):",
             '    """The mean loss over the rows of x, y and the mean gradient of every parameter."""',
             "    a0 = x"]
    for l, spec in enumerate(net.layers, start=1):
        bias = "" if spec.bias == "none" else f" + b{l}"
        lines.append(f"    z{l} = a{l - 1} @ W{l}{bias}")
        lines.append(f"    a{l} = {NP_ACT[spec.activation][0].format(z=f'z{l}')}   # {spec.activation}")
    terms, first = NP_LOSS[net.loss]
    fmt = dict(z=f"z{L}", o=f"a{L}", n=f"{float(n_out)!r}")
    lines.append(f"    E = np.sum({terms.format(**fmt)}, axis=1)   # the loss of each row ({net.loss})")
    lines.append("    # Backward: δ{l} = dE/dz{l}, from the output down (dE/da{l} = δ{l+1} @ W{l+1}ᵀ).")
    if net.loss in ("cross_entropy", "bce"):
        lines.append(f"    d{L} = {first.format(**fmt)}")
    else:
        lines.append(f"    g = {first.format(**fmt)}   # dE/do")
        lines.append(f"    d{L} = {NP_ACT[net.layers[-1].activation][1].format(z=f'z{L}', a=f'a{L}', g='g')}")
    for l in range(L - 1, 0, -1):
        spec = net.layers[l - 1]
        g = f"(d{l + 1} @ W{l + 1}.T)"
        lines.append(f"    d{l} = {NP_ACT[spec.activation][1].format(z=f'z{l}', a=f'a{l}', g=g)}")
    lines.append("    B = len(x)")
    grads = []
    for l, spec in enumerate(net.layers, start=1):
        grads.append(f"a{l - 1}.T @ d{l} / B")
        if spec.bias == "neuron":
            grads.append(f"d{l}.mean(axis=0)")
        elif spec.bias == "shared":
            grads.append(f"np.array([d{l}.sum(axis=1).mean()])")
    lines.append("    grads = [" + ", ".join(grads) + "]")
    lines.append("    return float(E.mean()), grads")
    return "\n".join(lines) + "\n"


def _training_loop(project: Project) -> str:
    momentum = rule_of(project.settings).name == "momentum"
    frozen = any(f.any() for *_, f in _params(project.net))
    lr = "np.where(f, 0.0, LR)" if frozen else "LR"
    zipped = ("params, grads" + (", velocity" if momentum else "") + (", frozen" if frozen else ""))
    names = "p, g" + (", v" if momentum else "") + (", f" if frozen else "")
    lines = ["for k in range(START_STEP, START_STEP + STEPS):",
             "    rows = samples_for_step(k)",
             "    loss, grads = loss_and_gradients(X[rows], Y[rows])",
             f"    for {names} in zip({zipped}):"]
    if momentum:
        lines += [f"        v[...] = v * MOMENTUM - g * {lr}   # v = μ·v − η·g", "        p += v"]
    else:
        lines += [f"        p -= g * {lr}   # θ = θ − η·g"]
    lines.append('    print(f"step {k + 1}: loss {loss!r}")')
    return "\n".join(lines) + "\n"


def body(project: Project, velocity: np.ndarray, steps: int, start: int) -> str:
    net = project.net
    acts = {s.activation for s in net.layers}
    helpers = [NP_HELPERS["softmax"]] if "softmax" in acts else []
    helpers += [NP_HELPERS[h] for h, used in (("log_softmax", net.loss == "cross_entropy"),
                                               ("log_sigmoid", net.loss == "bce")) if used]
    parts = ["import numpy as np\n",
             "np.seterr(over='ignore', under='ignore')   # e^-z may overflow to inf: σ(z) is then exactly 0\n",
             _data_block(project, "np.array"), _parameter_block(project, velocity),
             _settings_block(project, steps, start), *helpers, _schedule(project.settings, len(project.data), False),
             _forward_backward(project), _training_loop(project)]
    return "\n".join(parts)
