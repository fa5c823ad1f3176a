"""Reading the learner's CSV (core.io.trace_export) back as the trace's rows, to compare bit for bit."""
import numpy as np

from backprop_lab.core.io.trace_csv import read_csv


def trace_rows(path, names):
    """The file's rows as a (rows × len(names)) array in `names` (the trace's columns) order, sample
    back to 0-based (−1 for a batch); and the file as read."""
    back = read_csv(path)
    rows = back.array()[:, [back.names.index(n) for n in names]].copy()
    rows[:, names.index("sample")] -= 1
    return rows, back


def same_bits(a, b) -> bool:
    a, b = np.asarray(a, dtype=float), np.asarray(b, dtype=float)
    return a.shape == b.shape and np.array_equal(a.view(np.int64), b.view(np.int64))
