"""The command line, run in-process as a person types it: presets, explain, train; and every bad
argument or file ends in one line on stderr and exit status 2, never a traceback."""
import json
import re
import subprocess
import sys

from backprop_lab.core import cli
from backprop_lab.core.cli import train as cli_train
from backprop_lab.core.io import presets
from backprop_lab.core.io.document import save
from backprop_lab.core.model.dataset import Dataset
from backprop_lab.core.model.network import LayerSpec, Network
from backprop_lab.core.model.project import Project
from backprop_lab.core.model.settings import Settings
from backprop_lab.core.numerics.engine import evaluate
from backprop_lab.core.numerics.trace import Trace, column_names
from backprop_lab.core.numerics.training import Trainer
from tests.core.learner_csv import same_bits, trace_rows


def run(capsys, *argv):
    code = cli.main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def line(out: str, *cells: str) -> bool:
    """Some line of `out` holds these cells in order, separated by the table's spacing."""
    pattern = r"\s+".join(re.escape(c) for c in cells)
    return any(re.search(pattern, ln) for ln in out.splitlines())


def test_presets_lists_every_preset_with_its_title(capsys):
    code, out, err = run(capsys, "presets")
    assert code == 0 and err == ""
    listed = [ln.split()[0] for ln in out.splitlines() if ln and not ln.startswith(" ")][:-1]
    assert listed == presets.names()
    for name, title, _ in presets.list_presets():
        assert line(out, name, title)


def test_explain_prints_every_seed004_number(capsys):
    code, out, err = run(capsys, "explain", "seed004")
    assert code == 0 and err == ""
    assert line(out, "z1", "=", "W11·x1 + W21·x2", "=", "0.08000000")
    assert line(out, "z2", "=", "W12·x1 + W22·x2", "=", "0.11000000")
    assert line(out, "h1", "=", "sigmoid(z1)", "=", "0.51998934")
    assert line(out, "h2", "=", "sigmoid(z2)", "=", "0.52747230")
    assert line(out, "t1", "=", "U11·h1 + U21·h2", "=", "0.44498412")
    assert line(out, "t2", "=", "U12·h1 + U22·h2", "=", "0.68047592")
    assert line(out, "o1", "=", "sigmoid(t1)", "=", "0.60944600")
    assert line(out, "o2", "=", "sigmoid(t2)", "=", "0.66384491")
    assert line(out, "E1", "=", "1/2 (y1 - o1)^2", "=", "0.02193381")
    assert line(out, "E2", "=", "1/2 (y2 - o2)^2", "=", "0.00203809")
    assert line(out, "E", "=", "E1 + E2", "=", "0.02397190")
    assert line(out, "U11", "0.02592286", "∂E/∂o1 × ∂o1/∂t1 × ∂t1/∂U11", "-(y1-o1) × o1(1-o1) × h1")
    assert line(out, "W11", "0.00080888", "∂E/∂h1 × ∂h1/∂z1 × ∂z1/∂W11", "∂E/∂h1 × h1(1-h1) × x1",
                "0.03240681 × 0.24960043 × 0.10000000")
    assert line(out, "δz1", "=", "∂E/∂z1", "=", "∂E/∂h1 × ∂h1/∂z1")
    for name in ("W11", "W12", "W21", "W22", "U11", "U12", "U21", "U22"):
        assert sum(ln.lstrip().startswith(name + " ") for ln in out.splitlines()) == 1


def test_explain_digits_shows_the_code_printout(capsys):
    code, out, _ = run(capsys, "explain", "seed004", "--digits", "12")
    assert code == 0
    for name, text in (("h1", "0.519989340156"), ("h2", "0.527472304345"), ("t1", "0.444984124808"),
                       ("t2", "0.680475920716"), ("o1", "0.609446004997"), ("o2", "0.663844909698")):
        assert re.search(rf"^\s+{name}\s+=.*=\s+{re.escape(text)}$", out, re.M), name


def test_explain_param_U11_shows_its_three_factors(capsys):
    code, out, err = run(capsys, "explain", "seed004", "--param", "U11")
    assert code == 0 and err == ""
    lines = out.splitlines()
    i = lines.index("∂E/∂U11 = ∂E/∂o1 × ∂o1/∂t1 × ∂t1/∂U11")
    assert [ln.strip() for ln in lines[i + 1:i + 4]] == [
        "= -(y1-o1) × o1(1-o1) × h1", "= 0.20944600 × 0.23802157 × 0.51998934", "= 0.02592286"]
    assert line(out, "∂E/∂o1", "loss_grad", "-(y1-o1)", "0.20944600")
    assert line(out, "∂o1/∂t1", "act_grad", "o1(1-o1)", "0.23802157")
    assert line(out, "∂t1/∂U11", "input", "h1", "0.51998934")
    m = re.search(r"relative error (\S+)", out)
    assert m and float(m.group(1)) < 1e-6


def test_explain_param_W11_expands_the_sum_over_paths(capsys):
    code, out, _ = run(capsys, "explain", "seed004", "--param", "W11")
    assert code == 0
    assert "= 0.03240681 × 0.24960043 × 0.10000000" in out
    assert "∂E/∂h1 = ∂E1/∂h1 + ∂E2/∂h1" in out and "= 0.02243370 + 0.00997311" in out
    assert "∂E1/∂h1 = ∂E1/∂o1 × ∂o1/∂t1 × ∂t1/∂h1" in out and "= -(y1-o1) × o1(1-o1) × U11" in out
    assert "∂E2/∂h1 = ∂E2/∂o2 × ∂o2/∂t2 × ∂t2/∂h1" in out and "= -(y2-o2) × o2(1-o2) × U12" in out
    # the trace's name for the same weight gives the same derivation
    assert run(capsys, "explain", "seed004", "--param", "W1[1,1]")[1] == out


def test_explain_every_preset(capsys):
    for name in presets.names():
        code, out, err = run(capsys, "explain", name)
        assert code == 0 and err == "", name
        p = presets.resolve(name)
        st = evaluate(p.net, p.data.X[0], p.data.Y[0])
        total = rf"^\s+{re.escape(p.net.notation.loss)}\s+=.*=\s+{re.escape(cli.Numbers(8)(st.loss))}$"
        assert re.search(total, out, re.M), name
        for index, pname in enumerate(p.net.param_names()):   # a row per parameter with its gradient
            assert line(out, pname, cli.Numbers(8)(st.grad[index]), "∂"), (name, pname)


def test_train_writes_the_trace_an_in_process_run_writes(capsys, tmp_path):
    path = tmp_path / "trace.csv"
    code, out, err = run(capsys, "train", "xor", "--steps", "300", "--lr", "0.8", "--momentum", "0.5",
                         "--mode", "minibatch", "--csv", str(path))
    assert code == 0 and err == ""
    p = presets.resolve("xor")
    p.settings.lr, p.settings.momentum, p.settings.mode = 0.8, 0.5, "minibatch"
    trainer = Trainer(p.net, p.data, p.settings, Trace(column_names(p.net)))
    trainer.run(300)
    final = evaluate(p.net, p.data.X, p.data.Y).loss      # the state after 300 steps, before step 301
    trainer.run(1)
    rows, back = trace_rows(path, column_names(p.net))     # N + 1 rows: the start and after each step
    assert len(back) == 301 and same_bits(rows, trainer.trace.array())
    assert f"final loss: {cli.Numbers(8)(final)}" in out
    assert f"{final!r} after" in out and "trace: 301 rows written" in out
    assert re.search(r"\(([\d,]+) steps/s\)", out)


def test_train_defaults_come_from_the_preset(capsys):
    code, out, _ = run(capsys, "train", "seed004", "--steps", "1")
    assert code == 0 and "(sample, lr 0.5, momentum 0)" in out
    p = presets.resolve("seed004")
    Trainer(p.net, p.data, p.settings).run(1)
    assert f"{evaluate(p.net, p.data.X, p.data.Y).loss!r} after" in out


def test_train_shows_a_progress_bar_on_a_terminal(capsys, monkeypatch):
    monkeypatch.setattr(cli_train, "PROGRESS_AFTER", 0.0)
    monkeypatch.setattr(cli_train, "PROGRESS_EVERY", 0.0)
    monkeypatch.setattr(sys.stderr, "isatty", lambda: True)
    code, _, err = run(capsys, "train", "seed004", "--steps", "1024")
    assert code == 0
    assert "\r[" in err and "/1024 steps" in err and err.endswith("\r")


def test_no_progress_bar_when_stderr_is_not_a_terminal(capsys, monkeypatch):
    monkeypatch.setattr(cli_train, "PROGRESS_AFTER", 0.0)
    monkeypatch.setattr(cli_train, "PROGRESS_EVERY", 0.0)
    assert run(capsys, "train", "seed004", "--steps", "1024")[2] == ""


def divergent_file(tmp_path):
    net = Network(1, [LayerSpec(1, "identity", "none")], "half_sse", theta=[1.0])
    path = tmp_path / "linear.json"
    save(Project(net, Dataset([[3.0]], [[-2.0]]), Settings(lr=1e308), "linear"), path)
    return path


def test_a_diverging_run_says_where_and_exits_1(capsys, tmp_path):
    out_csv = tmp_path / "out.csv"
    code, out, err = run(capsys, "train", str(divergent_file(tmp_path)), "--steps", "10", "--csv", str(out_csv))
    assert code == 1 and out == ""
    assert len(err.strip().splitlines()) == 1 and "step 0" in err and "W1[1,1]" in err and "Traceback" not in err
    assert not out_csv.exists()


def test_a_run_whose_last_step_another_sample_cannot_bear_says_so_and_exits_1(capsys, tmp_path):
    from tests.core.other_sample import other_sample_overflows
    path = tmp_path / "two.json"
    save(other_sample_overflows("loss"), path)
    code, out, err = run(capsys, "train", str(path), "--steps", "1")
    assert code == 1 and out == ""
    assert "step 0: the parameter W1[1,1] would become NaN or Inf" in err and "Traceback" not in err


def bad_invocations(tmp_path):
    not_json = tmp_path / "notes.json"
    not_json.write_text("this is not json")
    doc = json.loads(presets.preset_path("seed004").read_text(encoding="utf-8"))
    doc["layers"][1]["W"] = [[0.45, 0.7]]            # one row where the layer before has two neurons
    wrong = tmp_path / "wrong.json"
    wrong.write_text(json.dumps(doc), encoding="utf-8")
    empty = tmp_path / "empty.json"
    empty.write_text("")
    return [
        ([], "required"),
        (["frobnicate"], "invalid choice"),
        (["explain"], "NET"),
        (["explain", "nosuch"], "neither a preset"),
        (["explain", str(not_json)], "notes.json"),
        (["explain", str(wrong)], "layers[2].W"),
        (["explain", str(empty)], "empty.json"),
        (["explain", str(tmp_path)], ""),
        (["explain", "seed004", "--param", "Q9"], "no parameter 'Q9'"),
        (["explain", "seed004", "--sample", "2"], "--sample"),
        (["explain", "seed004", "--sample", "0"], "at least 1"),
        (["explain", "seed004", "--digits", "40"], "17"),
        (["train", "seed004"], "--steps"),
        (["train", "seed004", "--steps", "abc"], "not a whole number"),
        (["train", "seed004", "--steps", "-3"], "at least 1"),
        (["train", "seed004", "--steps", "5", "--lr", "-1"], "--lr"),
        (["train", "seed004", "--steps", "5", "--lr", "nan"], "finite"),
        (["train", "seed004", "--steps", "5", "--momentum", "1.5"], "--momentum"),
        (["train", "seed004", "--steps", "5", "--mode", "online"], "invalid choice"),
        (["train", "seed004", "--steps", "5", "--csv", str(tmp_path / "no" / "such" / "t.csv")], "does not exist"),
        (["train", "seed004", "--steps", "5", "--csv", str(tmp_path)], "folder"),
        (["train", "seed004", "--steps", str(10 ** 10)], "GB"),
    ]


def test_bad_arguments_and_files_exit_2_with_one_line(capsys, tmp_path):
    for argv, needle in bad_invocations(tmp_path):
        code, out, err = run(capsys, *argv)
        assert code == 2, argv
        assert out == "", argv
        lines = err.strip().splitlines()
        assert len(lines) == 1 and lines[0].startswith("backprop-lab"), (argv, err)
        assert needle in lines[0] and "Traceback" not in err, (argv, err)


def test_help_exits_0(capsys):
    code, out, err = run(capsys, "--help")
    assert code == 0 and "presets" in out and "explain" in out and "train" in out
    code, out, _ = run(capsys, "train", "--help")
    assert code == 0 and "--steps" in out and "--csv" in out


def test_runs_as_a_module():
    out = subprocess.run([sys.executable, "-m", "backprop_lab.core.cli", "explain", "seed004", "--param", "U11"],
                         capture_output=True, text=True, timeout=120, encoding="utf-8")
    assert out.returncode == 0 and "= 0.02592286" in out.stdout and out.stderr == ""
    bad = subprocess.run([sys.executable, "-m", "backprop_lab.core.cli", "explain", "nosuch"], capture_output=True,
                         text=True, timeout=120)
    assert bad.returncode == 2 and len(bad.stderr.strip().splitlines()) == 1 and bad.stdout == ""
