"""Colours, pens and fonts of the diagram, in one place so that every item agrees.

Signs use the Okabe–Ito palette (blue for positive, vermillion for negative), which stays apart for
the common colour-vision deficiencies; width carries magnitude so that sign is never colour alone.
"""
from __future__ import annotations

from functools import cache, lru_cache

import numpy as np
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont, QFontDatabase, QPen

from backprop_lab.core.model.numbers import MINUS, format_number

POSITIVE = QColor("#0072B2")
NEGATIVE = QColor("#D55E00")
ZERO = QColor("#9A9A9A")
SELECT = QColor("#6A3D9A")        # purple: apart from both sign colours
HIGHLIGHT = QColor("#1B1B1B")
INK = QColor("#1F2328")
MUTED = QColor("#5F6670")
ERROR = QColor("#C0392B")
BACKGROUND = QColor("#FBFBFA")
NEURON_FILL = QColor("#FFFFFF")
INPUT_FILL = QColor("#EEF4FA")
OUTPUT_FILL = QColor("#FDF3EC")
# Opaque: a translucent fill, like a translucent pen, takes the raster engine's slow blending path
# (3-5× the time for every chip and edge of a frame while training runs).
CHIP_FILL = QColor(255, 255, 255)
BIAS_FILL = QColor(244, 241, 232)
LOCKED_FILL = QColor(226, 226, 226)      # a number the teacher locked (gui.lock): greyed, dashed

DIMMED_OPACITY = 0.16
MIN_WIDTH, MAX_WIDTH = 0.8, 7.0
SCALE_STEPS = 4          # the magnitude drawn widest is the largest rounded up to a quarter octave

# Korean and Latin in one face; the first family found wins, the rest are per-glyph fallbacks.
_FAMILIES = ["Noto Sans CJK KR", "Noto Sans KR", "Malgun Gothic", "Apple SD Gothic Neo", "NanumGothic",
             "DejaVu Sans"]


@cache
def _families() -> tuple[str, ...]:
    have = set(QFontDatabase.families())
    found = tuple(f for f in _FAMILIES if f in have)
    return found or (QFont().defaultFamily(),)


def font(pixel_size: float, bold: bool = False, italic: bool = False) -> QFont:
    """A Hangul-capable font sized in scene pixels (the view scales the whole scene)."""
    f = QFont()
    f.setFamilies(list(_families()))
    f.setPixelSize(max(1, round(pixel_size)))
    f.setBold(bold)
    f.setItalic(italic)
    f.setHintingPreference(QFont.HintingPreference.PreferNoHinting)  # smooth under view scaling
    return f


def sign_colour(value: float) -> QColor:
    if value > 0:
        return POSITIVE
    if value < 0:
        return NEGATIVE
    return ZERO


def widths_for(values: np.ndarray, dense: np.ndarray) -> np.ndarray:
    """Stroke widths for |values| against the largest of them (square root: small values stay visible
    beside a large one). Dense layer pairs get half the range, or they turn into a wall."""
    mags = np.abs(np.nan_to_num(values, nan=0.0, posinf=0.0, neginf=0.0))
    scale = mags.max(initial=0.0)
    if scale <= 0:
        return np.full(mags.shape, MIN_WIDTH)
    # The largest rounded up to a step of SCALE_STEPS an octave: a training step moves the largest weight
    # a little every time, and against the exact largest every edge's width would move with it (the
    # largest net then restyled all its 8,192 edges at each refresh); so the widths move only when an
    # edge's own size does, or when the largest passes a step.
    scale = float(np.exp2(np.ceil(np.log2(scale) * SCALE_STEPS) / SCALE_STEPS))
    top = np.where(dense, (MIN_WIDTH + MAX_WIDTH) / 2, MAX_WIDTH)
    return MIN_WIDTH + (top - MIN_WIDTH) * np.sqrt(np.minimum(1.0, mags / scale))


OPAQUE_ENOUGH = 230      # an edge this opaque is drawn fully opaque


@lru_cache(maxsize=4096)
def edge_pen(sign: int, width_tenths: int, alpha: int) -> QPen:
    """Pens are shared between edges with the same look, so a refresh allocates nothing new.
    A nearly opaque colour is drawn opaque and the ends are flat (they end under the neurons'
    opaque circles): a translucent, round-capped wide line costs 3-10× as much to draw, and the
    edges are most of a diagram's repaint."""
    colour = QColor(POSITIVE if sign > 0 else NEGATIVE if sign < 0 else ZERO)
    colour.setAlpha(255 if alpha >= OPAQUE_ENOUGH else alpha)
    pen = QPen(colour, width_tenths / 10.0)
    pen.setCapStyle(Qt.PenCapStyle.FlatCap)
    return pen


def format_value(value: float, digits: int = 3, given: bool = False) -> str:
    """A number on the diagram: `digits` decimals, by the one rule every view uses; a given one (a
    number the learner can edit there) is never rounded to 0.000, and its labels stay aligned (0.450)."""
    return format_number(value, digits, given=given, minus=MINUS, aligned=True)
