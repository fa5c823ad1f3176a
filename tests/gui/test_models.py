"""Every table model passes pytest-qt's model tester, on a net without biases (seed 004), one with
biases on every neuron and a softmax output (seed 000) and a single neuron (seed 003), and keeps
passing (its signals checked live) through edits, steps, samples added and a shape change."""
import pytest
from pytestqt.modeltest import ModelTester

from backprop_lab.core.io.presets import resolve
from backprop_lab.core.model.network import LayerSpec
from backprop_lab.gui.panels.data_model import DataModel
from backprop_lab.gui.panels.neuron_model import NeuronModel
from backprop_lab.gui.panels.param_model import ParamMatrixModel
from backprop_lab.gui.session import Session

KINDS = ["neurons", "data", "W1", "dE/dW1", "W_last", "dE/dW_last"]


def make(s, kind):
    L = s.net.depth
    return {"neurons": lambda: NeuronModel(s), "data": lambda: DataModel(s),
            "W1": lambda: ParamMatrixModel(s, 1), "dE/dW1": lambda: ParamMatrixModel(s, 1, gradient=True),
            "W_last": lambda: ParamMatrixModel(s, L), "dE/dW_last": lambda: ParamMatrixModel(s, L, gradient=True),
            }[kind]()


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("preset", ["seed004", "seed000", "seed003"])
def test_model_passes_the_model_tester(qtmodeltester, preset, kind):
    s = Session(resolve(preset))
    qtmodeltester.check(make(s, kind), force_py=True)


def test_models_stay_valid_through_edits_and_shape_changes(request):
    s = Session(resolve("seed004"))
    testers = []
    for kind in KINDS:
        t = ModelTester(request.config)     # one tester per model: a tester watches one model
        t.check(make(s, kind), force_py=True)
        testers.append(t)
    try:
        assert s.edit_param(("W", 1, 0, 0), "0.2") is None
        assert s.add_sample([0.5, 0.5], [1.0, 0.0]) is None
        assert s.step(3) is None
        assert s.set_architecture(2, [LayerSpec(3, "tanh", "shared"), LayerSpec(2, "sigmoid", "neuron")],
                                  "half_sse") is None
        s.undo()
        s.undo()
    finally:
        for t in testers:
            t._cleanup()


def test_shared_bias_row_has_one_editable_cell():
    s = Session(resolve("seed004"))
    s.set_architecture(2, [LayerSpec(2, "sigmoid", "shared"), LayerSpec(2, "sigmoid", "none")], "half_sse")
    m = ParamMatrixModel(s, 1)
    assert m.rowCount() == 3 and m.key(2, 0) == ("b", 1, 0) and m.key(2, 1) is None
    assert m.index(2, 1).data() is None and not m.flags(m.index(2, 1))
    assert m.setData(m.index(2, 0), "0.25") and s.value(("b", 1, 0)) == 0.25
