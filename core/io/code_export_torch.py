"""The body of the PyTorch script (core.io.code_export): the forward pass and the loss written out,
autograd for the gradients, torch.optim.SGD for the update. PyTorch's momentum keeps b = μ·b + g and
steps θ = θ − η·b, which is the app's v = μ·v − η·g, θ = θ + v with v = −η·b."""
from __future__ import annotations

import numpy as np

from backprop_lab.core.io.code_export import (
    TORCH_ACT,
    TORCH_LOSS,
    _array,
    _data_block,
    _params,
    _schedule,
    _settings_block,
    _split,
)
from backprop_lab.core.model.project import Project
from backprop_lab.core.numerics.update import rule_of


def _parameter_block(project: Project) -> str:
    params = _params(project.net)
    lines = ["# The parameters: W{l}[i, j] joins neuron i of layer l-1 to neuron j of layer l; z{l} = a{l-1} @ W{l}"
             " + b{l}."]
    for name, kind, value, _ in params:
        note = "   # one bias shared by the layer's neurons" if kind == "shared" else ""
        lines.append(f"{name} = torch.tensor({_array(value)}, requires_grad=True){note}")
    lines.append(f"params = [{', '.join(p[0] for p in params)}]")
    if any(f.any() for *_, f in params):
        lines.append("# Frozen parameters (True) keep their values: their gradient is set to 0 before each step.")
        lines.append("frozen = [" + ", ".join(f"torch.tensor({_array(f.astype(float))}) > 0"
                                               for *_, f in params) + "]")
    return "\n".join(lines) + "\n"


def _optimizer(project: Project, velocity: np.ndarray) -> str:
    if rule_of(project.settings).name != "momentum":
        return "optimizer = torch.optim.SGD(params, lr=LR)\n"
    lines = ["optimizer = torch.optim.SGD(params, lr=LR, momentum=MOMENTUM)"]
    if np.any(velocity):
        vs = _split(project.net, velocity)
        lines.append("# The velocity v the app had built up, as PyTorch's momentum buffer b = −v/η.")
        lines.append("velocity = [" + ", ".join(f"torch.tensor({_array(v)})" for v in vs) + "]")
        lines.append("for p, v in zip(params, velocity):")
        lines.append('    optimizer.state[p]["momentum_buffer"] = -v / LR')
    return "\n".join(lines) + "\n"


def _loss(project: Project) -> str:
    net = project.net
    L = net.depth
    lines = ["def loss_of(x, y):", '    """The mean loss over the rows of x and y."""', "    a0 = x"]
    for l, spec in enumerate(net.layers, start=1):
        bias = "" if spec.bias == "none" else f" + b{l}"
        lines.append(f"    z{l} = a{l - 1} @ W{l}{bias}")
        lines.append(f"    a{l} = {TORCH_ACT[spec.activation].format(z=f'z{l}')}")
    terms = TORCH_LOSS[net.loss].format(z=f"z{L}", o=f"a{L}", n=repr(float(net.sizes[-1])))
    lines.append(f"    return ({terms}).sum(dim=1).mean()   # {net.loss}")
    return "\n".join(lines) + "\n"


def _training_loop(project: Project) -> str:
    frozen = any(f.any() for *_, f in _params(project.net))
    lines = ["for k in range(START_STEP, START_STEP + STEPS):",
             "    rows = samples_for_step(k)",
             "    optimizer.zero_grad()",
             "    loss = loss_of(X[rows], Y[rows])",
             "    loss.backward()               # autograd: every dE/dθ"]
    if frozen:
        lines += ["    with torch.no_grad():", "        for p, f in zip(params, frozen):",
                  "            p.grad[f] = 0.0"]
    lines += ["    optimizer.step()", '    print(f"step {k + 1}: loss {loss.item()!r}")']
    return "\n".join(lines) + "\n"


def body(project: Project, velocity: np.ndarray, steps: int, start: int) -> str:
    s = project.settings
    shuffled = s.mode != "batch" and s.shuffle and len(project.data) > 1
    imports = ("import numpy as np\n" if shuffled else "") + "import torch\n"
    if project.net.loss == "bce" or any(sp.activation == "leaky_relu" for sp in project.net.layers):
        imports += "import torch.nn.functional as F\n"
    imports += "\ntorch.set_default_dtype(torch.float64)   # the app computes in float64\n"
    parts = [imports, _data_block(project, "torch.tensor"), _parameter_block(project),
             _settings_block(project, steps, start), _optimizer(project, velocity),
             _schedule(s, len(project.data), True), _loss(project), _training_loop(project)]
    return "\n".join(parts)
