"""Where everything goes: neuron centres by layer, and a place for each weight label.

Pure geometry on plain tuples (no Qt) so that the no-overlap promise can be tested directly.
Labels sit on their own edge, at a fraction t of the way from source to target. With n sources,
t = n/(n+1) puts the labels entering target j at y_j + (y_i − y_j)/(n+1): for equal columns these
are all distinct multiples of row_gap/(n+1), so even crossing edges (2-2-2) get separate slots.
Anything that still collides tries other fractions; a label with no free place is shown on hover.
"""
from __future__ import annotations

from dataclasses import dataclass, field, replace

Rect = tuple[float, float, float, float]          # x0, y0, x1, y1
CIRCLE_CLEARANCE = 9.0
LABEL_GAP = 3.0


@dataclass
class Metrics:
    radius: float
    row_gap: float
    col_gap: float
    symbol_px: float
    value_px: float
    label_px: float
    compact: bool = False      # wide layers: biases on demand, thinner edges
    stacked: bool = False      # weight labels on two lines (name over value), for narrow gaps


@dataclass(frozen=True)
class _Class:
    radius: float
    fonts: tuple[float, float, float]        # symbol, value, label (pixels at scale 1)
    rows: tuple[float, float, float]         # least, default, most row gap
    cols: tuple[float, float, float]         # least, default, most column gap
    compact: bool = False


_CLASSES = {3: _Class(30, (16, 13, 13), (118, 160, 200), (170, 270, 320)),
            4: _Class(28, (16, 13, 13), (100, 150, 180), (170, 280, 320)),
            8: _Class(24, (14, 12, 12), (64, 86, 110), (170, 260, 300)),
            32: _Class(17, (10, 10, 12), (40, 46, 60), (170, 250, 280), compact=True)}

# Room the diagram needs around the neuron columns: the output side (targets, loss terms), the
# headers and bias badges above, the loss below.
SIDE, TOP, BOTTOM = 130.0, 70.0, 56.0


def metrics_for(sizes: list[int], room: tuple[float, float] | None = None) -> Metrics:
    """Sizes of everything for a net, fitted where possible to `room` (width, height in pixels), so
    that the view shows the text at about its natural size: gaps stretch or shrink within limits,
    the fonts stay. Without room: the class defaults."""
    widest = max(sizes)
    c = next(v for k, v in sorted(_CLASSES.items()) if widest <= k)
    col, row = c.cols[1], c.rows[1]
    if room is not None:
        w, h = room
        if len(sizes) > 1:
            col = min(c.cols[2], max(c.cols[0], (w - 2 * c.radius - SIDE) / (len(sizes) - 1)))
        if widest > 1:
            row = min(c.rows[2], max(c.rows[0], (h - 2 * c.radius - TOP - BOTTOM) / (widest - 1)))
    return Metrics(radius=c.radius, row_gap=row, col_gap=col, symbol_px=c.fonts[0], value_px=c.fonts[1],
                   label_px=c.fonts[2], compact=c.compact)


def grown(m: Metrics, cols: float, rows: float) -> Metrics:
    """The same metrics with wider gaps: room for labels that the gaps fitted to the view lack."""
    return replace(m, col_gap=m.col_gap * cols, row_gap=m.row_gap * rows)


def neuron_centres(sizes: list[int], m: Metrics) -> list[list[tuple[float, float]]]:
    """Columns left to right (inputs first), each centred vertically on y = 0. A short column beside
    a tall one takes the roomier spacing its own size would get, within the tall column's height."""
    out = []
    height = (max(sizes) - 1) * m.row_gap
    for l, n in enumerate(sizes):
        own = next(v for k, v in sorted(_CLASSES.items()) if n <= k).rows[1]
        gap = m.row_gap if n == 1 else max(m.row_gap, min(own, height / (n - 1)))
        top = -(n - 1) * gap / 2
        out.append([(l * m.col_gap, top + j * gap) for j in range(n)])
    return out


def dense_pair(n_in: int, n_out: int) -> bool:
    """Too many edges between two columns to label them all readably: labels only on hover/selection."""
    return n_in * n_out > 16


def centred_rect(cx: float, cy: float, w: float, h: float) -> Rect:
    return (cx - w / 2, cy - h / 2, cx + w / 2, cy + h / 2)


def overlaps(a: Rect, b: Rect, pad: float = 0.0) -> bool:
    return a[0] < b[2] + pad and b[0] < a[2] + pad and a[1] < b[3] + pad and b[1] < a[3] + pad


def _candidates(n_in: int) -> list[float]:
    """Fractions along an edge to try, the preferred one first: n/(n+1) would stack the labels of
    equal columns on a clean grid; nearby fractions come next, then the rest of the middle stretch."""
    t0 = min(0.72, max(0.5, n_in / (n_in + 1)))
    ts = [round(0.14 + 0.02 * k, 2) for k in range(37)]
    return sorted(ts, key=lambda t: (abs(t - t0), t))


@dataclass
class LabelPlacement:
    """t (fraction along the edge) and the label's rectangle, or t=None where no place was free."""
    t: float | None
    rect: Rect | None


@dataclass
class EdgeLabels:
    placements: dict = field(default_factory=dict)   # (l, i, j) -> LabelPlacement

    def rects(self) -> list[Rect]:
        return [p.rect for p in self.placements.values() if p.rect is not None]


def place_edge_labels(centres, m: Metrics, size_of, obstacles: list[Rect], budget: int = 400) -> EdgeLabels:
    """size_of(l, i, j) -> (w, h) of the label of the weight from neuron i of layer l-1 to neuron j of
    layer l. Returns a placement for every edge; dense layer pairs get t=None (hover only).

    Labels between two columns never meet those of another pair (circles and their clearance lie
    between), so each pair is solved alone: a depth-first search that places the most constrained
    label first and tries each label's fractions in order of preference. A greedy pass alone fails on
    3-3 columns, where the only free layouts put neighbouring labels at quite different fractions."""
    result = EdgeLabels()
    fixed = list(obstacles) + [(x0 - CIRCLE_CLEARANCE, y0 - CIRCLE_CLEARANCE, x1 + CIRCLE_CLEARANCE,
                                y1 + CIRCLE_CLEARANCE) for (x0, y0, x1, y1) in circle_rects(centres, m.radius)]
    for l in range(1, len(centres)):
        src, dst = centres[l - 1], centres[l]
        keys = [(l, i, j) for j in range(len(dst)) for i in range(len(src))]
        if dense_pair(len(src), len(dst)):
            result.placements.update({k: LabelPlacement(None, None) for k in keys})
            continue
        options = {}
        for (_, i, j) in keys:
            (x0, y0), (x1, y1) = src[i], dst[j]
            w, h = size_of(l, i, j)
            rects = [(t, centred_rect(x0 + t * (x1 - x0), y0 + t * (y1 - y0), w, h)) for t in _candidates(len(src))]
            options[(l, i, j)] = [(t, r) for t, r in rects if not any(overlaps(r, o, pad=2.0) for o in fixed)]
        chosen = _search(keys, options, budget)
        for k in keys:
            t, r = chosen.get(k, (None, None))
            result.placements[k] = LabelPlacement(t, r)
    return result


def _search(keys, options, budget) -> dict:
    """Depth-first search with forward checking: place the label with the fewest free places left,
    strike the places it covers from the others, back up when one has none left. If the budget of
    tries runs out, the largest partial placement found is returned (the rest show on hover)."""
    best: dict = {}
    placed: dict = {}
    tries = 0

    def visit(domains: dict) -> bool:
        nonlocal best, tries
        if len(placed) > len(best):
            best = dict(placed)
        if not domains:
            return True
        key = min(domains, key=lambda k: (len(domains[k]), k))
        for t, r in domains[key]:
            tries += 1
            if tries > budget:
                return False
            rest = {}
            for k, dom in domains.items():
                if k != key:
                    rest[k] = [(t2, r2) for t2, r2 in dom if not overlaps(r, r2, pad=LABEL_GAP)]
                    if not rest[k]:
                        break
            else:
                placed[key] = (t, r)
                if visit(rest):
                    return True
                del placed[key]
        return False

    domains = {k: options[k] for k in keys if options[k]}
    if not visit(domains):
        # No full placement: keep whichever places more, the search's deepest or a greedy pass.
        greedy: dict = {}
        for key in sorted(domains, key=lambda k: (len(domains[k]), k)):
            for t, r in domains[key]:
                if not any(overlaps(r, other, pad=LABEL_GAP) for _, other in greedy.values()):
                    greedy[key] = (t, r)
                    break
        if len(greedy) > len(best):
            best = greedy
    return best


def circle_rects(centres, radius: float) -> list[Rect]:
    return [centred_rect(x, y, 2 * radius, 2 * radius) for col in centres for (x, y) in col]
