"""What the views ask the session: a parameter's place in theta, names in the network's notation,
values and gradients of the shown state, and what the next update will do. Read-only; a mixin of
gui.session.Session (which holds net, state, next_state, settings and trainer)."""
from __future__ import annotations

import copy
from typing import TYPE_CHECKING, Any

import numpy as np

from backprop_lab.core.model.notation import Notation, in_form
from backprop_lab.core.numerics.update import OptState, rates, rule_of, update


class Reading:
    if TYPE_CHECKING:     # what gui.session.Session provides
        from backprop_lab.core.model.network import Network
        from backprop_lab.core.model.settings import Settings
        from backprop_lab.core.numerics.engine import State
        from backprop_lab.core.numerics.training import Trainer
        state: State
        next_state: State
        _index_net: Network | None
        _index_map: dict[Any, int]
        _named: tuple
        view: Any

        @property
        def net(self) -> Network: ...
        @property
        def shown_net(self) -> Network: ...
        @property
        def settings(self) -> Settings: ...
        @property
        def trainer(self) -> Trainer: ...
        def next_samples(self) -> np.ndarray: ...

    def index(self, key) -> int | None:
        """Position in theta of a parameter key, None for a neuron or a key that does not exist."""
        net = self.net
        if self._index_net is not net:
            # Built once per network: the tables ask for every cell on every repaint.
            self._index_map = {(("W", l, i, j) if kind == "W" else ("b", l, i)): t
                               for t, (kind, l, i, j) in enumerate(net.param_keys())}
            self._index_net = net
        try:
            return self._index_map.get(key)
        except TypeError:
            return None

    def is_valid(self, key) -> bool:
        if key is None:
            return False
        if key[0] == "n":
            _, l, j = key
            return 0 <= l <= self.net.depth and 0 <= j < self.net.sizes[l]
        return self.index(key) is not None

    # ----- names, in the notation the learner chose (View → Notation) -------------------------------
    @property
    def notation(self) -> Notation:
        """The chosen form (core.model.notation.FORMS) of the network's own notation."""
        return self.named_net.notation

    @property
    def named_net(self) -> Network:
        """The shown network, its names in the chosen notation: what every view hands core's teaching
        (walk-through, derivation, exercises). It shares the shown network's parameters; the project's
        own notation, which documents save, is never changed."""
        net, form = self.shown_net, self.view.form
        cached = self._named
        if cached and cached[0] is net and cached[1] is net.theta and cached[2] is net.notation \
                and cached[3] == form:
            return cached[4]
        named = copy.copy(net)
        named.notation = in_form(form, net.notation, net.sizes)
        self._named = (net, net.theta, net.notation, form, named)
        return named

    def label(self, key) -> str:
        nt = self.notation
        if key[0] == "n":
            return nt.neuron("a", key[1], key[2])
        if key[0] == "W":
            return nt.weight(key[1], key[2], key[3])
        shared = self.net.layers[key[1] - 1].bias == "shared"
        return nt.bias(key[1], None if shared else key[2])

    def value(self, key) -> float:
        """A parameter's value; a neuron's activation (the input, for layer 0) in the shown state."""
        if key[0] == "n":
            return float(self.state.acts[key[1]][:, key[2]].mean())
        return float(self.shown_net.theta[self.index(key)])

    def grad(self, key) -> float | None:
        """dE/d(parameter) in the shown state; for a neuron dE/d(its activation); None if unknown."""
        if key[0] == "n":
            return float(self.state.dE_da[key[1]][:, key[2]].mean())
        i = self.index(key)
        return None if i is None else float(self.state.grad[i])

    def is_frozen(self, key) -> bool:
        i = self.index(key)
        return i is not None and bool(self.net.frozen[i])

    def next_update(self, key) -> dict | None:
        """What the next step does to a parameter: core.numerics.update's rule on this entry, so the
        printed result is the stepped value."""
        i = self.index(key)
        if i is None:
            return None
        w, g = float(self.net.theta[i]), float(self.next_state.grad[i])
        frozen, s = bool(self.net.frozen[i]), self.settings
        opt = self.trainer.opt
        v = 0.0 if frozen else float(opt.velocity[i])   # the trainer zeroes a frozen one first
        m, v2 = (0.0, 0.0) if frozen else (float(opt.m[i]), float(opt.v[i]))
        u = update(w, g, v, s, frozen, OptState(np.array(v), np.array(m), np.array(v2), opt.t.copy()))
        lr, mu = float(rates(s, frozen)), s.momentum
        has_velocity = rule_of(s).has_velocity
        adam = None if u.m is None else {"m": m, "v": v2, "t": int(u.t), "m_new": float(u.m), "v_new": float(u.v),
                                         "beta1": s.beta1, "beta2": s.beta2, "eps": s.eps}
        return {"w": w, "grad": g, "lr": lr, "momentum": mu, "velocity": v,
                "velocity_new": float(u.velocity) if has_velocity else None, "new": float(u.theta),
                "decay": float(s.weight_decay), "grad_used": float(u.grad), "adam": adam,
                "samples": self.next_samples().tolist()}
