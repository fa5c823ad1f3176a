"""Which edges a refresh must restyle: those whose look (sign, width in tenths of a pixel) changed.

The largest net has 8,192 edges; a call into each of them at every refresh cost 20-40 ms of a Run's
frame, though a training step moves few edges out of their width step. The looks of all edges are
worked out together (numpy), compared with the looks shown, and only the edges whose look differs are
told. The comparison is of what is drawn (the pen's bucket), not of the raw numbers: a weight that moved
by 1e-6 has the same pen and costs nothing.
"""
from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

import numpy as np

from . import style

if TYPE_CHECKING:
    from .edge_item import EdgeItem

_SIGNS = 4         # sign + 1 (0, 1, 2) times this plus tenths: one integer per look


class EdgeLooks:
    def __init__(self, session, edges: list[EdgeItem]) -> None:
        self.edges = edges
        self.index = np.array([session.index(e.key) for e in edges], dtype=int)
        self.dense = np.array([e.dense for e in edges], dtype=bool)
        self.shown: np.ndarray | None = None      # the look each edge was last told, None: none yet

    def looks(self, session) -> tuple[np.ndarray, np.ndarray]:
        """Every edge's sign (-1, 0, 1) and width in tenths of a pixel, as the session's numbers now give."""
        theta = session.shown_net.theta[self.index]
        looks = session.state.grad[self.index] if session.gradient_colours else theta
        signs = np.sign(np.nan_to_num(looks)).astype(int)
        # np.rint rounds halves to even, as round() did per edge: the same bucket either way
        tenths = np.maximum(1, np.rint(style.widths_for(looks, self.dense) * 10)).astype(int)
        return signs, tenths

    def changed(self, session) -> Iterator[tuple[EdgeItem, int, int]]:
        """(edge, sign, tenths) for each edge whose look is not the one it shows; then they are."""
        signs, tenths = self.looks(session)
        code = (signs + 1) + _SIGNS * tenths
        if self.shown is None or self.shown.shape != code.shape:
            moved = np.arange(len(self.edges))
        else:
            moved = np.flatnonzero(code != self.shown)
        self.shown = code
        edges = self.edges
        for k, sign, t in zip(moved.tolist(), signs[moved].tolist(), tenths[moved].tolist()):
            yield edges[k], sign, t
