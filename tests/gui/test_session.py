"""The session contract the diagram and the panels rely on: a drag is one undo step, a past state is
read-only, and the next update printed is the one a step makes."""
import numpy as np

from backprop_lab.core.io.presets import resolve
from backprop_lab.gui.session import Session

U11 = ("W", 2, 0, 0)


def test_a_scrub_is_live_and_one_undo_step(qtbot):
    s = Session(resolve("seed004"))
    seen = []
    s.changed.connect(lambda: seen.append(s.loss))
    s.begin_scrub(U11)
    for v in (0.5, 0.55, 0.6):
        assert s.scrub(U11, v) is None
        assert s.value(U11) == v and s.grad(U11) == s.state.grad[s.index(U11)]
    assert len(set(seen)) == 3                        # every move recomputed the loss
    assert s.scrub(U11, "nan") == "“nan” is not a number" and s.value(U11) == 0.6
    s.end_scrub(U11)
    assert s.undo_stack.count() == 1
    s.undo()
    assert s.value(U11) == 0.45
    s.redo()
    assert s.value(U11) == 0.6


def test_next_update_is_what_a_step_does_with_momentum_and_frozen(qtbot):
    s = Session(resolve("seed004"))
    s.set_setting("momentum", 0.5)
    s.set_frozen(("W", 1, 0, 0), True)
    s.step(2)
    predicted = {k: s.next_update(k)["new"] for k in [("W", l, i, j) for l in (1, 2) for i in (0, 1) for j in (0, 1)]}
    s.step(1)
    for k, v in predicted.items():
        assert s.value(k) == v
    assert s.value(("W", 1, 0, 0)) == 0.3             # frozen: never moved


def test_viewing_the_past_is_read_only_and_label_names(qtbot):
    s = Session(resolve("seed004"))
    s.step(5)
    s.view_step(2)
    assert s.shown_net is not s.net
    np.testing.assert_array_equal(s.shown_net.theta, s.trace.theta_at(2, s.net))
    for refused in (s.edit_param(U11, 1), s.step(1), s.reset(), s.add_sample()):
        assert "read-only" in refused
    assert s.step_count == 5
    s.return_to_present()
    assert [s.label(k) for k in (U11, ("n", 0, 1), ("n", 1, 0), ("n", 2, 1))] == ["U11", "x2", "h1", "o2"]
