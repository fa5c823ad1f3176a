"""Every neuron's forward and backward numbers in the shown state: z, a, δ = dE/dz and dE/da, one
row per neuron, named in the network's notation (z1 → h1, t1 → o1)."""
from __future__ import annotations

from .model_base import SessionModel

COLUMNS = ("z", "a", "delta", "dE/da")


class NeuronModel(SessionModel):
    def _rows(self):
        net = self.session.net
        return [(l, j) for l in range(net.depth + 1) for j in range(net.sizes[l])]

    def shape(self):
        return len(self._rows()), len(COLUMNS)

    def key(self, row, col):
        l, j = self._rows()[row]
        return ("n", l, j)

    def number(self, row, col):
        l, j = self._rows()[row]
        st = self.session.state
        q = COLUMNS[col]
        if l == 0 and q in ("z", "delta"):
            return None
        arr = {"z": st.zs, "a": st.acts, "delta": st.deltas, "dE/da": st.dE_da}[q][l]
        return float(arr[:, j].mean())

    def hidden_key(self, row, col):
        l, j = self._rows()[row]
        return (COLUMNS[col], l, j) if l else None

    def name(self, row, col):
        l, j = self._rows()[row]
        nt = self.session.notation
        q = COLUMNS[col]
        if q == "dE/da":
            return f"d{nt.loss}/d{nt.neuron('a', l, j)}"
        return nt.neuron(q, l, j)

    def column_header(self, col):
        """The symbols of the chosen notation (z/t, x/h/o in seed 004's own; net, i/out; z, a)."""
        nt, depth = self.session.notation, self.session.net.depth
        z, a = nt.family("z", depth), nt.family("a", depth, 0)
        return (z, a, f"{nt.family('delta', depth)} = d{nt.loss}/d{_one(z)}", f"d{nt.loss}/d{_one(a)}")[col]

    def row_header(self, row):
        l, j = self._rows()[row]
        nt = self.session.notation
        if l == 0:
            return nt.neuron("a", 0, j)
        return f"{nt.neuron('z', l, j)} → {nt.neuron('a', l, j)}"


def _one(symbols: str) -> str:
    return f"({symbols})" if "/" in symbols else symbols
