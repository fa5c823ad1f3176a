"""One finiteness rule (core.numerics.engine.first_not_finite): every forward value, the loss and the
backward pass finite.
A document that breaks it is refused on loading, naming the field, by `train` and `explain` as by the
window; the window's edit check is the same rule."""
import json

import numpy as np
import pytest

from backprop_lab.core import cli
from backprop_lab.core.io import document, presets
from backprop_lab.core.numerics import engine
from backprop_lab.core.numerics.project_model import ProjectModel


def xor(**edit) -> dict:
    d = document.to_json(presets.resolve("xor"))
    for path, value in edit.items():
        where = d
        keys = path.split("__")
        for k in keys[:-1]:
            where = where[int(k) if k.isdigit() else k]
        where[int(keys[-1]) if keys[-1].isdigit() else keys[-1]] = value
    return d


def test_a_target_that_makes_the_loss_infinite_is_refused_naming_it():
    with pytest.raises(document.DocumentError, match=r"^data\.targets\[2\]\[1\]: loss_term\[1\] of sample 2 "
                       r"would be inf: every value of the forward and backward pass must be finite$"):
        document.loads(json.dumps(xor(data__targets__1__0=1e200)))


def test_a_weight_that_overflows_a_forward_value_is_refused_naming_its_layer():
    d = xor(data__inputs__2__0=1e200)
    d["layers"][0]["W"][0][0] = 1e200
    with pytest.raises(document.DocumentError, match=r"^layers\[1\]\.W: with data\.inputs\[3\], z1\[1\] of "
                       r"sample 3 would be inf"):
        document.loads(json.dumps(d))


def test_identity_output_blames_the_layer_not_a_small_target():
    d = xor(loss="half_sse")
    d["layers"][1].update(activation="identity", W=[[1e160], [1e160]])
    with pytest.raises(document.DocumentError, match=r"^layers\[2\]\.W: .*loss_term\[1\] of sample 1 would be inf"):
        document.loads(json.dumps(d))


@pytest.mark.parametrize("command", [["train", "--steps", "3"], ["explain"]])
def test_the_command_line_refuses_it_too(capsys, tmp_path, command):
    path = tmp_path / "big.json"
    path.write_text(json.dumps(xor(data__targets__1__0=1e200)))
    code = cli.main([command[0], str(path), *command[1:]])
    out, err = capsys.readouterr()
    assert code == 2 and out == "" and "data.targets[2][1]" in err and "learning rate" not in err


def test_a_data_file_is_held_to_the_rule(capsys, tmp_path):
    path = tmp_path / "big.csv"
    path.write_text("x1,x2,y\n0,0,0\n0,1,1e200\n")
    code = cli.main(["train", "xor", "--steps", "3", "--data", str(path)])
    err = capsys.readouterr().err
    assert code == 2 and "sample 2: loss_term[1] would be inf" in err and "learning rate" not in err


def test_the_rule_finds_the_first_value_and_passes_a_finite_project():
    p = presets.resolve("xor")
    assert engine.first_not_finite(p.net, p.data.X, p.data.Y) is None
    Y = p.data.Y.copy()
    Y[3, 0] = -1e300
    bad = engine.first_not_finite(p.net, p.data.X, Y)
    assert (bad.kind, bad.sample, bad.unit, bad.name()) == ("loss_term", 3, 0, "loss_term[1]")


def test_the_window_edit_check_is_the_loading_rule():
    """The edit check (ProjectModel.finite_with_*) refuses exactly what loading refuses."""
    for target in (1e150, 1e155, 1e200, -1e160):
        model = ProjectModel(presets.resolve("xor"))
        edit_ok = model.finite_with_data("Y", (1, 0), target)
        try:
            document.loads(json.dumps(xor(data__targets__1__0=target)))
            load_ok = True
        except document.DocumentError:
            load_ok = False
        assert edit_ok == load_ok, target


def xor_split(test: dict) -> dict:
    """XOR with held-out samples (a version 4 document), the data itself well within the rule."""
    d = xor(version=4)
    d["test"] = test
    return d


def test_a_held_out_sample_that_overflows_is_refused_naming_its_inputs():
    d = xor_split({"inputs": [[0.0, 1.0], [1e308, 1e308]], "targets": [[1.0], [0.0]]})
    d["layers"][0]["W"] = [[10.0, 10.0], [10.0, 10.0]]           # z = 10·1e308 + 10·1e308 overflows
    document.loads(json.dumps(xor(layers=d["layers"])))           # the data alone keeps the rule
    with pytest.raises(document.DocumentError, match=r"^test\.inputs\[2\]: z1\[\d\] of sample 2 would be -?inf: "
                       r"every value of the forward and backward pass must be finite$"):
        document.loads(json.dumps(d))


def test_a_held_out_target_that_makes_the_loss_infinite_is_refused_naming_it():
    d = xor_split({"inputs": [[0.0, 1.0]], "targets": [[1e200]]})
    with pytest.raises(document.DocumentError, match=r"^test\.targets\[1\]\[1\]: loss_term\[1\] of sample 1 "
                       r"would be inf"):
        document.loads(json.dumps(d))


def test_finite_held_out_samples_load():
    p = document.loads(json.dumps(xor_split({"inputs": [[0.0, 1.0], [1e3, -1e3]], "targets": [[1.0], [0.0]]})))
    assert p.test is not None and p.test.X[1, 0] == 1e3


def test_a_mean_of_finite_losses_is_finite_even_where_their_sum_is_not():
    """Three samples' losses of 7.2e307 each: their sum passes the largest float, their mean does not.
    The loss is that mean and the rule passes the project; training had left a whole data set's mean of
    inf behind (with numpy's overflow warning: an exception at every refresh of a storm)."""
    from backprop_lab.core.model.network import LayerSpec, Network
    net = Network(1, [LayerSpec(1, "identity", "none")], "half_sse", theta=[1.0])
    X = np.zeros((3, 1))
    Y = np.array([[1.2e154], [-1.2e154], [1.2e154]])
    st = engine.evaluate(net, X, Y)
    each = 0.5 * (1.2e154 * 1.2e154)
    assert (st.losses == each).all()
    with np.errstate(over="ignore"):
        assert not np.isfinite(st.losses.sum())
    assert st.loss == 3 * (each / 3) and abs(st.loss - each) <= 1e-15 * each
    assert engine.first_not_finite(net, X, Y) is None
    assert engine.evaluate(net, X, Y, "sum").loss == np.inf       # a sum that big is no float


def test_the_mean_is_numpys_to_the_digit_where_the_sum_is_finite():
    p = presets.resolve("xor")
    st = engine.evaluate(p.net, p.data.X, p.data.Y)
    assert st.loss == float(st.losses.mean())


def test_the_finite_mean_along_an_axis():
    from backprop_lab.core.numerics import finite_mean
    big = np.array([[7.2e307, 1.0], [7.2e307, np.nan], [7.2e307, 3.0]])
    out = finite_mean.mean(big, axis=0)
    assert out[0] == 3 * (7.2e307 / 3) and np.isnan(out[1])          # a NaN stays one
    rng = np.random.default_rng(4)
    small = rng.normal(size=(7, 5))
    assert np.array_equal(finite_mean.mean(small, axis=0), small.mean(axis=0))      # numpy's, to the digit
    assert np.array_equal(finite_mean.mean(small.reshape(7, 5, 1), axis=1), small.reshape(7, 5, 1).mean(axis=1))
    assert finite_mean.mean(np.array([np.inf, 1.0])) == np.inf
