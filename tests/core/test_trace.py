"""The trace: column order, storage that grows in blocks, reading by column and row, CSV written
atomically with every number's repr and read back bit for bit, and clear messages for bad files."""
import csv
import math
import os

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

from backprop_lab.core.io import trace_csv
from backprop_lab.core.io.trace_csv import read_csv, write_csv
from backprop_lab.core.model.dataset import Dataset
from backprop_lab.core.model.network import LayerSpec, Network, init_weights
from backprop_lab.core.model.settings import Settings
from backprop_lab.core.numerics.trace import (
    FIRST_BLOCK,
    MAX_BLOCK,
    Trace,
    TraceError,
    column_names,
    parameter_columns,
    storage_layout,
)
from backprop_lab.core.numerics.training import Trainer

NAMES = ["step", "sample", "loss", "a0[1]", "W1[1,1]", "dE/dW1[1,1]"]


def small_net(bias1="neuron", bias2="shared"):
    net = Network(2, [LayerSpec(3, "sigmoid", bias1), LayerSpec(2, "sigmoid", bias2)])
    init_weights(net, 3)
    return net


def bits(a):
    return np.asarray(a, dtype=float).view(np.int64)


def same_bits(a, b) -> bool:
    return a.shape == b.shape and np.array_equal(bits(a), bits(b))


def filled(names, n, seed=0):
    t = Trace(names)
    rows = np.random.default_rng(seed).normal(size=(n, len(names)))
    rows[:, 0] = np.arange(n)
    rows[:, 1] = np.arange(n) % 3
    t.extend(rows)
    return t, rows


# ----- columns ------------------------------------------------------------------------------------
def test_header_is_in_the_order_issue_2_gives():
    net = Network(2, [LayerSpec(2, "sigmoid", "neuron"), LayerSpec(1, "sigmoid", "shared")])
    assert column_names(net) == [
        "step", "sample", "loss", "a0[1]", "a0[2]", "y[1]",
        "z1[1]", "z1[2]", "a1[1]", "a1[2]", "W1[1,1]", "W1[1,2]", "W1[2,1]", "W1[2,2]", "b1[1]", "b1[2]",
        "delta1[1]", "delta1[2]", "dE/dW1[1,1]", "dE/dW1[1,2]", "dE/dW1[2,1]", "dE/dW1[2,2]",
        "dE/db1[1]", "dE/db1[2]",
        "z2[1]", "a2[1]", "W2[1,1]", "W2[2,1]", "b2", "delta2[1]", "dE/dW2[1,1]", "dE/dW2[2,1]", "dE/db2"]


def test_a_layer_without_biases_has_no_bias_columns():
    names = column_names(small_net("none", "none"))
    assert not [n for n in names if "b1" in n or "b2" in n]
    assert len(names) == 3 + 2 + 2 + (3 + 3 + 6 + 3 + 6) + (2 + 2 + 6 + 2 + 6)


def test_the_csv_header_is_the_column_names(tmp_path):
    net = small_net()
    t = Trace(column_names(net))
    t.append(np.arange(t.ncols, dtype=float))
    write_csv(t, tmp_path / "t.csv")
    with open(tmp_path / "t.csv", newline="") as f:
        header = next(csv.reader(f))
    assert header == column_names(net)
    assert (tmp_path / "t.csv").read_text().startswith('step,sample,loss,a0[1],a0[2],y[1],y[2],z1[1]')


def test_storage_keeps_parameters_and_gradients_each_in_theta_order():
    """What the training loop relies on: theta and its gradient are two runs of consecutive columns."""
    net = small_net()
    names = column_names(net)
    where = dict(zip(names, storage_layout(names)))
    params = [where[n] for n in parameter_columns(net)]
    grads = [where["dE/d" + n] for n in parameter_columns(net)]
    assert params == list(range(3, 3 + net.n_params))
    assert grads == list(range(3 + net.n_params, 3 + 2 * net.n_params))
    assert sorted(where.values()) == list(range(len(names)))


def test_a_layout_must_place_every_column_once():
    with pytest.raises(TraceError, match="layout"):
        Trace(["step", "sample", "loss"], layout=[0, 0, 1])
    with pytest.raises(TraceError, match="duplicate"):
        Trace(["step", "sample", "step"])


# ----- storage ------------------------------------------------------------------------------------
def test_growth_across_many_blocks_keeps_every_row():
    n = FIRST_BLOCK * (1 + 2 + 4 + 8) + 777          # five blocks, the last partly used
    rows = np.random.default_rng(1).normal(size=(n, len(NAMES)))
    t = Trace(NAMES)
    pos, rng = 0, np.random.default_rng(2)
    while pos < n:                                   # pieces of random size, straddling block ends
        k = int(rng.integers(1, 3000))
        t.extend(rows[pos:pos + k])
        pos += k
    assert len(t) == n
    assert [len(b) for b in t._blocks] == [FIRST_BLOCK << k for k in range(5)]
    assert t.nbytes == sum(FIRST_BLOCK << k for k in range(5)) * len(NAMES) * 8
    assert same_bits(t.array(), rows)
    for i in (0, FIRST_BLOCK - 1, FIRST_BLOCK, 3 * FIRST_BLOCK - 1, 3 * FIRST_BLOCK, n - 1, -1):
        assert same_bits(t.row(i), rows[i])
    assert same_bits(t.column("W1[1,1]"), rows[:, 4])
    lo, hi = FIRST_BLOCK - 5, 3 * FIRST_BLOCK + 5
    assert same_bits(t.column("loss", lo, hi), rows[lo:hi, 2])
    assert same_bits(t.array(2000, 5000), rows[2000:5000])
    with pytest.raises(IndexError):
        t.row(n)


def test_blocks_stop_doubling_so_a_million_rows_of_the_2_2_2_net_stay_under_300_MB():
    net = Network(2, [LayerSpec(2, "sigmoid", "none"), LayerSpec(2, "sigmoid", "none")])
    t = Trace(column_names(net))
    while len(t) < 1_000_000:                       # reserve only: np.empty pages are never touched
        _, _, room = t._reserve()
        t._commit(min(room, 1_000_000 - len(t)))
    assert t.ncols == 35
    assert max(len(b) for b in t._blocks) == MAX_BLOCK
    assert t.nbytes == 1_047_552 * 35 * 8 == 293_314_560
    assert t.nbytes - len(t) * 35 * 8 < MAX_BLOCK * 35 * 8


def test_blocks_double_from_1024_to_65536_then_stay_and_are_never_moved():
    t = Trace(["step", "sample", "loss"])
    seen = []
    while len(t) < 130_048 + 2 * MAX_BLOCK + 1:      # reserve only: np.empty pages are never touched
        _, _, room = t._reserve()
        assert all(a is b for a, b in zip(seen, t._blocks))     # growth adds a block, copies nothing
        seen = list(t._blocks)
        t._commit(min(room, 5000))
    assert [len(b) for b in t._blocks] == [1024, 2048, 4096, 8192, 16384, 32768, 65536, 65536, 65536, 65536]
    assert t.nbytes == sum(len(b) for b in t._blocks) * 3 * 8


def test_storage_is_column_major_so_a_column_is_one_contiguous_run_per_block():
    n = FIRST_BLOCK + 2 * FIRST_BLOCK + 10                # three blocks
    t, rows = filled(NAMES, n)
    for b in t._blocks:
        assert b.flags.f_contiguous and not b.flags.c_contiguous
        assert b.T.flags.c_contiguous and b.T.shape == (len(NAMES), len(b))    # (ncols × capacity) in memory
    for j, name in enumerate(NAMES):
        parts = t._column_parts(name)
        assert [len(p) for p in parts] == [FIRST_BLOCK, 2 * FIRST_BLOCK, 10]
        for p, b in zip(parts, t._blocks):
            assert p.flags.c_contiguous and p.strides == (8,) and np.shares_memory(p, b)
        assert same_bits(np.concatenate(parts), rows[:, j])
    part, = t._column_parts("loss", FIRST_BLOCK + 5, FIRST_BLOCK + 900)     # inside one block: one view
    assert part.flags.c_contiguous and same_bits(part, rows[FIRST_BLOCK + 5:FIRST_BLOCK + 900, 2])
    col = t.column("loss")
    assert not any(np.shares_memory(col, b) for b in t._blocks)       # column() hands out a copy
    c = t.copy()
    assert len(c._blocks) == 1 and c._blocks[0].flags.f_contiguous and c.equals(t)


def test_the_csv_is_the_same_bytes_whatever_the_storage_order(tmp_path):
    n = trace_csv.CSV_CHUNK + FIRST_BLOCK + 3              # two blocks, two CSV chunks
    t, rows = filled(NAMES, n)
    other = Trace(NAMES, layout=np.arange(len(NAMES)))
    other.extend(rows)
    write_csv(t, tmp_path / "a.csv")
    write_csv(other, tmp_path / "b.csv")
    text = (tmp_path / "a.csv").read_bytes()
    assert text == (tmp_path / "b.csv").read_bytes()
    body = text.decode().splitlines()[1:]
    assert len(body) == n
    last = body[-1].split(",")
    assert last[:2] == [str(n - 1), str((n - 1) % 3)] and shortest(last[2:], rows[-1, 2:])


def test_truncate_forgets_rows_and_appending_continues_after_them():
    t, rows = filled(NAMES, 3000)
    t.truncate(1500)
    assert len(t) == 1500 and same_bits(t.array(), rows[:1500])
    t.extend(rows[2000:2100])
    assert same_bits(t.row(1500), rows[2000]) and len(t) == 1600
    t.truncate(0)
    assert len(t) == 0 and t.array().shape == (0, len(NAMES)) and t.column("loss").size == 0
    for bad in (-1, 1):
        with pytest.raises(IndexError):
            t.truncate(bad)


def test_column_row_and_row_dict_read_in_name_order_whatever_the_storage_order():
    t, rows = filled(NAMES, 50)
    assert list(t.layout) != list(range(len(NAMES)))     # W and dE/dW are stored before a0
    for j, name in enumerate(NAMES):
        assert same_bits(t.column(name), rows[:, j])
    assert t.row_dict(7) == dict(zip(NAMES, rows[7].tolist()))
    with pytest.raises(KeyError):
        t.column("nope")


def test_relayout_and_copy_keep_the_values():
    t, rows = filled(NAMES, 2500)
    c = t.copy()
    t.relayout(np.arange(len(NAMES))[::-1])
    assert same_bits(t.array(), rows) and t.equals(c)
    c.truncate(10)
    c.append(np.zeros(len(NAMES)))
    assert len(t) == 2500 and same_bits(t.array(), rows)      # the copy is independent
    assert not t.equals(c)


def test_extend_rejects_rows_of_the_wrong_width():
    with pytest.raises(TraceError, match="6 values"):
        Trace(NAMES).extend(np.zeros((2, 5)))


def test_theta_at_gives_the_parameters_before_each_step():
    net = small_net()
    data = Dataset([[0.5, -1.0], [2.0, 0.25]], [[0.1, 0.9], [0.7, 0.2]])
    t = Trainer(net, data, Settings(lr=0.3))
    before = []
    for _ in range(5):
        before.append(net.theta.copy())
        t.run(1)
    for i, theta in enumerate(before):
        assert same_bits(t.trace.theta_at(i, net), theta)


# ----- CSV ----------------------------------------------------------------------------------------
SPECIAL = [0.0, -0.0, 1e-300, -1e-300, 5e-324, -5e-324, 2.2250738585072014e-308, 2.225073858507201e-308,
           1.7976931348623157e308, -1.7976931348623157e308, 0.1, -0.1, 1 / 3, 2 / 3, 1e16, 1e15 + 0.5,
           9007199254740993.0, 123456789.12345679, 1e-5, 1e-4, 0.30000000000000004, math.pi, -math.e, 1e22, 7e-310]


def _digits(text: str) -> str:
    """The significant digits of a number's text (sign, point, exponent and leading or trailing zeros dropped)."""
    mantissa = text.lower().lstrip("-").split("e")[0].replace(".", "")
    return mantissa.strip("0") or "0"


def shortest(fields, values) -> bool:
    """Each field reads back to its value's bits and has the digits of the value's repr, the shortest that
    round-trip (polars may write 1e-05 as 0.00001 and 2.5e-08 as 2.5e-8: the same digits)."""
    values = np.asarray(values, dtype=float)
    return len(fields) == len(values) and all(
        np.float64(float(f)).view(np.int64) == np.float64(v).view(np.int64) and _digits(f) == _digits(repr(v))
        for f, v in zip(fields, values.tolist()))


def test_special_numbers_round_trip_bit_for_bit_and_are_written_shortest(tmp_path):
    names = ["step", "sample", "loss"] + [f"v[{k}]" for k in range(len(SPECIAL))]
    t = Trace(names)
    rows = []
    for r in range(40):
        vals = np.roll(np.array(SPECIAL), r)                # every value in every column, no constant column
        rows.append(np.concatenate([[r, -1.0 if r % 2 else r % 7, vals[1] / (r + 1)], vals]))
    t.extend(np.array(rows))
    path = tmp_path / "special.csv"
    write_csv(t, path)
    back = read_csv(path)
    assert back.names == names and back.equals(t)
    lines = path.read_text().splitlines()[1:]
    for line, row in zip(lines, np.array(rows)):
        fields = line.split(",")
        assert fields[0] == str(int(row[0])) and fields[1] == str(int(row[1]))
        assert shortest(fields[2:], row[2:])


def test_constant_and_few_valued_columns_are_still_each_rows_value(tmp_path):
    """Repeated values, zeros of both signs and whole numbers outside step/sample are each row's own."""
    n = 3000
    rows = np.zeros((n, 8))
    rows[:, 0] = np.arange(n)
    rows[:, 1] = np.arange(n) % 4
    rows[:, 2] = np.random.default_rng(0).normal(size=n)
    rows[:, 3] = 0.1                                       # constant
    rows[:, 4] = -0.0                                      # constant negative zero
    rows[:, 5] = np.array([0.0, -0.0, 1e-300, 2 / 3])[np.arange(n) % 4]   # few values, zeros of both signs
    rows[:, 6] = 7.0                                       # constant whole number outside step/sample
    rows[:, 7] = np.where(np.arange(n) < 5, 1.5, 2.5)      # few values, not periodic
    names = ["step", "sample", "loss", "x", "nz", "few", "seven", "two"]
    t = Trace(names)
    t.extend(rows)
    path = tmp_path / "c.csv"
    write_csv(t, path)
    assert read_csv(path).equals(t)
    with open(path, newline="") as f:
        body = list(csv.reader(f))[1:]
    assert [r[:2] for r in body] == [[str(int(r[0])), str(int(r[1]))] for r in rows.tolist()]
    assert all(shortest(b[2:], r[2:]) for b, r in zip(body, rows))


def test_non_whole_step_and_sample_values_are_written_in_full(tmp_path):
    t = Trace(["step", "sample", "loss"])
    t.extend([[0.5, 1.0, 2.0], [1.0, -0.0, 3.0], [1e300, 2.0, 4.0]])
    write_csv(t, tmp_path / "s.csv")
    assert tmp_path.joinpath("s.csv").read_text().splitlines()[1:] == ["0.5,1.0,2.0", "1.0,-0.0,3.0",
                                                                       "1e+300,2.0,4.0"]
    assert read_csv(tmp_path / "s.csv").equals(t)


@settings(max_examples=40, deadline=None)
@given(hnp.arrays(np.float64, st.tuples(st.integers(1, 60), st.integers(3, 7)),
                  elements=st.floats(allow_nan=False, allow_infinity=False)))
def test_any_finite_numbers_round_trip(tmp_path_factory, values):
    t = Trace(["step", "sample", "loss"] + [f"c{k}" for k in range(values.shape[1] - 3)])
    t.extend(values)
    path = tmp_path_factory.mktemp("rt") / "t.csv"
    write_csv(t, path)
    assert read_csv(path).equals(t)


def test_a_trainers_trace_round_trips_across_blocks(tmp_path):
    net = small_net()
    data = Dataset([[0.5, -1.0], [2.0, 0.25], [0.0, 1.0]], [[0.1, 0.9], [0.7, 0.2], [0.5, 0.5]])
    t = Trainer(net, data, Settings(lr=0.3, momentum=0.5, shuffle=True, seed=4))
    t.run(FIRST_BLOCK * 3 + 100)
    write_csv(t.trace, tmp_path / "t.csv")
    back = read_csv(tmp_path / "t.csv")
    assert back.equals(t.trace) and len(back) == FIRST_BLOCK * 3 + 100


def test_empty_trace_writes_the_header_only(tmp_path):
    write_csv(Trace(NAMES), tmp_path / "e.csv")
    assert tmp_path.joinpath("e.csv").read_text() == 'step,sample,loss,a0[1],"W1[1,1]","dE/dW1[1,1]"\n'
    back = read_csv(tmp_path / "e.csv")
    assert back.names == NAMES and len(back) == 0


# ----- atomic writing -----------------------------------------------------------------------------
def test_a_failure_mid_write_leaves_the_old_file_and_no_temporary(tmp_path, monkeypatch):
    path = tmp_path / "trace.csv"
    path.write_text("the old file\n")
    t, _ = filled(NAMES, trace_csv.CSV_CHUNK * 3)
    real, calls = trace_csv.csv_block, []

    def failing(columns):
        calls.append(len(columns[0]))
        if len(calls) == 2:              # the first chunk is already written to the temporary file
            raise OSError(28, "No space left on device")
        return real(columns)

    monkeypatch.setattr(trace_csv, "csv_block", failing)
    with pytest.raises(OSError, match="No space"):
        write_csv(t, path)
    assert path.read_text() == "the old file\n"
    assert os.listdir(tmp_path) == ["trace.csv"]


def test_a_failed_replace_leaves_the_old_file_and_no_temporary(tmp_path, monkeypatch):
    path = tmp_path / "trace.csv"
    path.write_text("old\n")

    def refuse(src, dst):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(trace_csv.os, "replace", refuse)
    with pytest.raises(PermissionError):
        write_csv(filled(NAMES, 10)[0], path)
    assert path.read_text() == "old\n" and os.listdir(tmp_path) == ["trace.csv"]


def test_an_interrupt_mid_write_leaves_no_temporary(tmp_path, monkeypatch):
    def interrupted(columns):
        raise KeyboardInterrupt

    monkeypatch.setattr(trace_csv, "csv_block", interrupted)
    with pytest.raises(KeyboardInterrupt):
        write_csv(filled(NAMES, 10)[0], tmp_path / "t.csv")
    assert os.listdir(tmp_path) == []


def test_a_read_only_folder_raises_oserror_and_leaves_nothing(tmp_path):
    folder = tmp_path / "locked"
    folder.mkdir()
    target = folder / "t.csv"
    os.chmod(folder, 0o500)
    if os.access(folder, os.W_OK):           # running as root, who may write anyway: a folder that is not there
        os.chmod(folder, 0o700)
        target = folder / "missing" / "t.csv"
    try:
        with pytest.raises(OSError):
            write_csv(filled(NAMES, 10)[0], target)
    finally:
        os.chmod(folder, 0o700)
    assert os.listdir(folder) == []


def test_writing_over_a_folder_fails_and_keeps_it(tmp_path):
    (tmp_path / "t.csv").mkdir()
    with pytest.raises(OSError):
        write_csv(filled(NAMES, 10)[0], tmp_path / "t.csv")
    assert sorted(os.listdir(tmp_path)) == ["t.csv"] and (tmp_path / "t.csv").is_dir()


def test_the_written_file_has_ordinary_permissions(tmp_path):
    mask = os.umask(0o022)
    try:
        write_csv(filled(NAMES, 3)[0], tmp_path / "t.csv")
    finally:
        os.umask(mask)
    assert (os.stat(tmp_path / "t.csv").st_mode & 0o777) == 0o644


# ----- reading bad files --------------------------------------------------------------------------
GOOD_HEADER = 'step,sample,loss,"W1[1,1]"\n'


@pytest.mark.parametrize("content,message", [
    ("", "empty file, no header"),
    ("\n1,2,3\n", "empty file, no header"),
    ("a,b,c\n1,2,3\n", "the header must begin step,sample,loss"),
    ('step,sample,loss,"W1[1,1]\n', "line 1"),
    ("step,sample,loss,x,x\n", "column 'x' appears twice"),
    ("step,sample,loss,,y\n", "column 4 has no name"),
    (GOOD_HEADER + "0,0,1.5,2.5\n1,0,1.5\n", "line 3: 3 values, the header has 4"),
    (GOOD_HEADER + "0,0,1.5,2.5,7\n", "line 2: 5 values, the header has 4"),
    (GOOD_HEADER + "0,0,1.5,2.5\n1,0,abc,2.5\n", "line 3, column loss: 'abc' is not a number"),
    (GOOD_HEADER + "0,0,1.5,\n", "line 2, column W1[1,1]: '' is not a number"),
    (GOOD_HEADER + "0,0,nan,2.5\n", "line 2, column loss: 'nan' is not a finite number"),
    (GOOD_HEADER + "0,0,1.5,-inf\n", "line 2, column W1[1,1]: '-inf' is not a finite number"),
    (GOOD_HEADER + "0,0,1.5,1e999\n", "line 2, column W1[1,1]: '1e999' is not a finite number"),
])
def test_a_malformed_file_is_rejected_with_a_message_naming_the_place(tmp_path, content, message):
    path = tmp_path / "bad.csv"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(TraceError) as err:
        read_csv(path)
    assert message in str(err.value) and str(path) in str(err.value)


def test_a_line_number_is_counted_across_read_chunks(tmp_path):
    good = "".join(f"{k},0,0.5,1.5\n" for k in range(trace_csv.CSV_CHUNK + 10))
    path = tmp_path / "late.csv"
    path.write_text(GOOD_HEADER + good + "x,0,0.5,1.5\n")
    with pytest.raises(TraceError, match=f"line {trace_csv.CSV_CHUNK + 12}, column step: 'x'"):
        read_csv(path)


def test_a_binary_file_is_rejected(tmp_path):
    path = tmp_path / "bin.csv"
    path.write_bytes(b"step,sample,loss\n\xff\xfe\x00\x01")
    with pytest.raises(TraceError, match="not UTF-8"):
        read_csv(path)


def test_a_missing_file_raises_oserror(tmp_path):
    with pytest.raises(FileNotFoundError):
        read_csv(tmp_path / "none.csv")


def test_blank_lines_and_windows_line_ends_are_accepted(tmp_path):
    path = tmp_path / "crlf.csv"
    path.write_bytes(GOOD_HEADER.replace("\n", "\r\n").encode() + b"0,0,0.5,1.5\r\n\r\n1,0,0.25,-2e-300\r\n")
    t = read_csv(path)
    assert t.names == ["step", "sample", "loss", "W1[1,1]"]
    assert same_bits(t.array(), np.array([[0, 0, 0.5, 1.5], [1, 0, 0.25, -2e-300]]))


def test_names_and_layout_are_made_once_per_shape_and_given_as_copies():
    """Every trainer names its columns and places them (the largest network's 17,728 took ~80 ms a
    trainer: a replay, an architecture change): made once per shape, handed out as the caller's own."""
    from backprop_lab.core.numerics.trace import column_keys, column_names, storage_layout
    for layers in ([LayerSpec(3), LayerSpec(2)], [LayerSpec(3, bias="shared"), LayerSpec(2, bias="none")]):
        net = Network(2, layers)
        names = column_names(net)
        assert names == [str(k) for k in column_keys(net)]
        names.append("mine")
        assert column_names(net) == [str(k) for k in column_keys(net)]        # a caller's change stays its own
        layout = storage_layout(column_names(net))
        fresh = layout.copy()
        layout[:] = 0
        assert np.array_equal(storage_layout(column_names(net)), fresh)
        assert storage_layout(column_names(net)).flags.writeable
    shared = column_names(Network(2, [LayerSpec(3, bias="shared"), LayerSpec(2, bias="none")]))
    assert shared != column_names(Network(2, [LayerSpec(3), LayerSpec(2)]))      # the bias modes name columns
