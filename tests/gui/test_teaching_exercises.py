"""Check your own answer, typed as a learner types it: seed 004's own numbers are accepted, wrong ones
refused with the factor that differs, bad text refused where it was typed, and progress kept between
launches (QSettings, in Qt's test locations)."""
import pytest
from PySide6.QtCore import QSettings, Qt
from teaching_host import EXERCISES, open_host, panel

from backprop_lab.gui.teaching.exercise_panel import settings_key


def choose(qtbot, p, name):
    row = next(n for n, ex in enumerate(p.items) if ex.name == name)
    rect = p.list.visualItemRect(p.list.item(row))
    p.list.scrollToItem(p.list.item(row))
    rect = p.list.visualItemRect(p.list.item(row))
    qtbot.mouseClick(p.list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert p.current().name == name


def answer(qtbot, p, text):
    p.answer.clear()
    qtbot.keyClicks(p.answer, text)
    qtbot.keyClick(p.answer, Qt.Key.Key_Return)
    return p.last_verdict


@pytest.fixture
def ex(host):
    return panel(host, EXERCISES)


def test_the_exercises_follow_seed004_in_order(ex):
    names = [e.name for e in ex.items]
    assert names[:4] == ["z1", "z2", "h1", "h2"]
    assert names.index("∂E_tot/∂U11") < names.index("U11⁺") < names.index("∂E1/∂h1") < names.index("W11⁺")
    assert ex.count_label.text() == f"0 of {len(names)} solved"


@pytest.mark.parametrize("name, printed", [("h1", "0.51998934"), ("t1", "0.44498412"), ("E_tot", "0.02397190"),
                                           ("∂E_tot/∂U11", "0.02592286"), ("U11⁺", "0.43703857"),
                                           ("∂E_tot/∂h1", "0.03240681"), ("∂E_tot/∂W11", "0.00080888"),
                                           ("W22⁺", "0.34928991")])
def test_the_seeds_numbers_are_right(qtbot, ex, name, printed):
    choose(qtbot, ex, name)
    v = answer(qtbot, ex, printed)
    assert v.correct and ex.verdict.text().startswith("Right")
    assert ex.list.currentItem().text().startswith("✓")


def test_a_wrong_number_is_not_right(qtbot, ex):
    choose(qtbot, ex, "∂E_tot/∂U11")
    v = answer(qtbot, ex, "0.5")
    assert not v.correct and v.mistake is None
    assert ex.verdict.text().startswith("Not right")
    assert not ex.list.currentItem().text().startswith("✓")


def test_missing_activation_derivative_is_named(qtbot, ex):
    # −(y1−o1) × h1 without o1(1−o1): 0.20944600 × 0.51998934 = 0.1089
    choose(qtbot, ex, "∂E_tot/∂U11")
    v = answer(qtbot, ex, "0.1089")
    assert not v.correct and v.mistake == "missing_act_grad"
    assert ex.verdict.text() == ("Your value leaves out the activation-derivative factor o1(1 − o1) (of o1) in "
                                 "∂E_tot/∂U11.")


def test_wrong_sign_is_named(qtbot, ex):
    choose(qtbot, ex, "∂E_tot/∂U11")
    v = answer(qtbot, ex, "-0.02592286")
    assert v.mistake == "wrong_sign"
    assert ex.verdict.text().startswith("Your value has the wrong sign in ∂E_tot/∂U11")
    choose(qtbot, ex, "U11⁺")
    v = answer(qtbot, ex, "0.46296143")            # 0.45 + 0.5 × 0.02592286
    assert v.mistake == "wrong_sign" and "instead of subtracting" in ex.verdict.text()


def test_forgetting_a_path_is_named(qtbot, ex):
    # ∂E_tot/∂h1 with only the path through o1: 0.02243370 instead of 0.02243370 + 0.00997311
    choose(qtbot, ex, "∂E_tot/∂h1")
    v = answer(qtbot, ex, "0.0224337")
    assert v.mistake == "missing_path"
    assert ex.verdict.text() == ("Your value leaves out the path through o2 in ∂E_tot/∂h1: the sum over paths "
                                 "needs ∂E2/∂h1 too.")
    # and carried on into W11's gradient: 0.02243370 × 0.24960043 × 0.1
    choose(qtbot, ex, "∂E_tot/∂W11")
    v = answer(qtbot, ex, "0.00055995")
    assert v.mistake == "missing_path"


@pytest.mark.parametrize("text, reason", [("abc", "“abc” is not a number"), ("", "Empty: type a number"),
                                          ("nan", "“nan” is not a number")])
def test_bad_text_is_refused_where_it_was_typed(qtbot, ex, text, reason):
    choose(qtbot, ex, "z1")
    answer(qtbot, ex, text)
    assert ex.refusal.isVisible() and ex.refusal.text() == reason
    assert ex.last_verdict is None and ex.verdict.text() == ""
    assert ex.answer.text() == text                       # nothing the learner typed is lost
    qtbot.keyClicks(ex.answer, "0")                       # typing again clears the refusal
    assert not ex.refusal.isVisible()


def test_an_edit_changes_what_is_right(qtbot, ex, host):
    choose(qtbot, ex, "z1")
    host.session.edit_param(("W", 1, 0, 0), 0.5)             # z1 = 0.5·0.1 + 0.25·0.2 = 0.1
    assert answer(qtbot, ex, "0.1").correct
    assert not answer(qtbot, ex, "0.08").correct


def test_progress_is_kept_between_launches(qtbot, host):
    p = panel(host, EXERCISES)
    choose(qtbot, p, "z1")
    assert answer(qtbot, p, "0.08").correct
    choose(qtbot, p, "z2")
    assert answer(qtbot, p, "0.11").correct
    assert p.count_label.text() == f"2 of {len(p.items)} solved"
    assert sorted(QSettings().value(settings_key(p.set_id))) == ["z1[1]", "z1[2]"]

    relaunch = open_host(qtbot)                             # a new launch on the same preset
    again = panel(relaunch, EXERCISES)
    assert again.count_label.text() == f"2 of {len(again.items)} solved"
    assert [again.list.item(r).text().startswith("✓") for r in range(3)] == [True, True, False]
    elsewhere = open_host(qtbot, "seed001")
    other = panel(elsewhere, EXERCISES)                     # progress is per preset
    assert other.count_label.text() == f"0 of {len(other.items)} solved"
    qtbot.mouseClick(again.reset_button, Qt.MouseButton.LeftButton)
    assert again.count_label.text() == f"0 of {len(again.items)} solved"
    assert QSettings().value(settings_key(again.set_id)) is None


def test_after_an_edit_each_exercise_chosen_asks_and_answers_for_the_new_state(qtbot, ex, host):
    """Only the exercise looked at is made again after an edit (all of the largest network's take a
    fifth of a second): one chosen later, its tolerance and its shown answer, are the new state's too."""
    choose(qtbot, ex, "z1")
    host.session.edit_param(("W", 1, 0, 0), 30.0)               # z1 = 30·0.1 + 0.25·0.2 = 3.05
    choose(qtbot, ex, "z1" if ex.current().name != "z1" else "h1")
    choose(qtbot, ex, "z1")
    assert "4 decimal places (tolerance ±0.00005)" in ex.prompt.text()
    qtbot.mouseClick(ex.reveal_button, Qt.MouseButton.LeftButton)
    assert ex.verdict.text() == "z1 = 3.05000000"
    host.session.edit_param(("W", 1, 0, 0), -0.49)               # z1 = −0.049 + 0.05 = 0.001: more decimals
    choose(qtbot, ex, "h1")
    choose(qtbot, ex, "z1")
    assert "5 decimal places (tolerance ±0.000005)" in ex.prompt.text()
    assert answer(qtbot, ex, "0.00100").correct and not answer(qtbot, ex, "0.00104").correct
