"""The checker can be trusted: no wrong answer slips through its machinery, no right one written in a common form
is refused, and nothing a learner's code does (in-place changes, sys.exit, swallowing the time limit) breaks it."""
import json
import time

import numpy as np
import pytest
import torch
from torch import nn

from coursekit.exercises import FAIL, FORMAT, PASS, Case, Code, MultipleChoice, Numeric, Shape, TensorValues, TrueFalse
from coursekit.exercises.modcheck import called_leaves, compare_modules, random_inputs
from coursekit.i18n import T

P = T("प्रश्न", "question")


def _fill(values):
    out = np.array(values, dtype=float)
    for i in range(1, len(out)):
        if np.isnan(out[i]):
            out[i] = out[i - 1]
    return out


FILL = Code("q", P, reference=_fill, cases=[Case((np.array([1.0, np.nan, 3.0]),)),
                                              Case((np.array([np.nan, 2.0, np.nan, np.nan]),)),
                                              Case((np.array([5.0, np.nan]),))])


def test_an_answer_that_changes_its_input_cannot_spoil_later_checks():
    def in_place(values):          # right, but it fills the caller's array
        for i in range(1, len(values)):
            if np.isnan(values[i]):
                values[i] = values[i - 1]
        return values

    for _ in range(4):
        assert FILL.evaluate(in_place).status == PASS
    assert FILL.evaluate(lambda v: v).status == FAIL        # returning the input must still fail


def test_the_returned_type_is_checked():
    q = Code("q", P, reference=lambda xs: torch.tensor(xs, dtype=torch.long),
             cases=[Case(([1, 2],)), Case(([0],)), Case(([3, 3, 3],))])
    assert q.evaluate(lambda xs: torch.tensor(xs, dtype=torch.long)).status == PASS
    as_float = q.evaluate(lambda xs: torch.tensor(xs, dtype=torch.float32))
    assert as_float.status == FAIL and "torch.int64" in as_float.message.en and "LongTensor" in as_float.message.en
    as_list = q.evaluate(lambda xs: list(xs))
    assert as_list.status == FAIL and "torch tensor" in as_list.message.en and as_list.message.hi


def test_feedback_shows_the_values_that_differ():
    q = Code("q", P, reference=lambda x: x * 2, cases=[Case((torch.tensor([1.0, 2.0, 3.0]),)),
                                                      Case((torch.zeros(2),)), Case((torch.ones(1),))])
    r = q.evaluate(lambda x: x * 2 + torch.tensor([0.0, 0.0, 1.0]))
    assert r.status == FAIL and "tensor([2, 4, 7])" in r.message.en and "≠" in r.message.en


@pytest.mark.parametrize("answer,status", [
    ((4, 8, 16, 16), PASS), ((4, 8, 16.5, 16.5), FAIL), ((4, 8, 16.0, 16.0), PASS), ([4, 8, 16, 16], PASS),
    (torch.Size([4, 8, 16, 16]), PASS), (torch.zeros(4, 8, 16, 16), PASS), (torch.tensor([4, 8, 16, 16]), PASS),
    ({4: 0, 8: 0, 16: 0}, FORMAT), ({4, 8, 16}, FORMAT), ("4816", FORMAT), ((True, 8, 16, 16), FORMAT),
    (iter(range(10 ** 9)), FORMAT),
])
def test_shapes_are_whole_numbers(answer, status):
    assert Shape("q", P, (4, 8, 16, 16)).evaluate(answer).status == status


@pytest.mark.parametrize("answer", ["(b)", "b)", " B ", "b.", ["B"], "option b)"[-2:]])
def test_multiple_choice_accepts_common_forms(answer):
    assert MultipleChoice("q", P, ["x", "y", "z"], "b").evaluate(answer).status == PASS


@pytest.mark.parametrize("answer", ["a, b, c", "abc", "a b c", "(a), (b), (c)", "a and b and c", ["c", "b", "a"]])
def test_multiple_choice_accepts_written_lists(answer):
    assert MultipleChoice("q", P, ["w", "x", "y", "z"], ["a", "b", "c"]).evaluate(answer).status == PASS


def test_multiple_choice_malformed_is_not_an_attempt_and_the_format_is_stated():
    q = MultipleChoice("q", P, ["x", "y", "z"], "b")
    r = q.evaluate("ब")
    assert r.status == FORMAT and 'one letter, e.g. "b"' in r.message.en and "अक्षर" in r.message.hi
    assert q.evaluate("ab").status == FAIL and "only one option" in q.evaluate("ab").message.en
    assert 'e.g. "b"' in q.prompt_markdown("en") and "जैसे" in q.prompt_markdown("hi")
    many = MultipleChoice("q", P, ["x", "y", "z"], ["a", "c"])
    assert '["a", "c"]' in many.prompt_markdown("en")


def test_malformed_answers_are_not_recorded(tmp_path, monkeypatch, capsys):
    progress = tmp_path / "p.json"
    monkeypatch.setenv("COURSEKIT_PROGRESS", str(progress))
    q = MultipleChoice("q1", P, ["x", "y", "z"], "b")
    q.notebook = "00_welcome"
    q.check("ब")
    assert "not counted" in capsys.readouterr().out and not progress.exists()
    q.check("a")
    assert json.loads(progress.read_text(encoding="utf-8-sig"))["00_welcome"]["q1"]["status"] == FAIL


@pytest.mark.parametrize("answer", [np.True_, torch.tensor(True), torch.tensor([True]), np.array([True])])
def test_true_false_accepts_numpy_and_torch_bools(answer):
    q = TrueFalse("q", P, True)
    assert q.evaluate(answer).status == PASS
    assert TrueFalse("q", P, False).evaluate(answer).status == FAIL
    assert q.evaluate(torch.tensor([True, False])).status == FORMAT


def test_numeric_nan_is_explained():
    r = Numeric("q", P, 2.0).evaluate(float("nan"))
    assert r.status == FAIL and "not a number" in r.message.en and "too" not in r.message.en


def test_tensor_values_refuse_none_and_complex_and_check_shape_first():
    q = TensorValues("q", P, [0.0, 1.0])
    assert q.evaluate(None).status == FORMAT
    assert q.evaluate(torch.tensor([0.0, 1.0 + 1j])).status == FORMAT
    assert "wrong shape" in q.evaluate(torch.zeros(1000, 1000)).message.en


def _slow(q, fn):
    q.timeout = 0.3
    start = time.monotonic()
    r = q.evaluate(fn)
    return r, time.monotonic() - start


def _square_question():
    return Code("q", P, reference=lambda x: x * x, cases=[Case((2.0,)), Case((0.0,)), Case((-3.0,))])


def test_time_limit_cannot_be_swallowed_by_a_bare_except():
    def stubborn(x):
        while True:
            try:
                time.sleep(0.05)
            except:  # noqa: E722 - the learner's code under test
                pass

    r, took = _slow(_square_question(), stubborn)
    assert r.status == FAIL and "did not finish within" in r.message.en and took < 5


def test_time_limit_cannot_be_swallowed_by_except_exception_in_a_busy_loop():
    def busy(x):
        total = 0
        while True:
            try:
                total += 1
            except Exception:
                pass

    r, took = _slow(_square_question(), busy)
    assert r.status == FAIL and "did not finish within" in r.message.en and took < 5


def test_swallowing_the_time_limit_and_returning_the_right_answer_is_still_a_timeout():
    def sneaky(x):
        try:
            time.sleep(3)
        except BaseException:
            pass
        return x * x

    r, took = _slow(_square_question(), sneaky)
    assert r.status == FAIL and "did not finish within" in r.message.en and took < 3


def test_system_exit_is_explained_and_keyboard_interrupt_still_interrupts():
    def bye(x):
        raise SystemExit("bye")

    r = _square_question().evaluate(bye)
    assert r.status == FAIL and "sys.exit()" in r.message.en and "return" in r.message.hi

    def stop(x):
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        _square_question().evaluate(stop)


def test_errors_point_at_the_learners_line_not_at_torch():
    layer = nn.Linear(3, 2)

    def uses_wrong_size(x):
        return layer(torch.zeros(4, 5))

    r = _square_question().evaluate(uses_wrong_size)
    assert "uses_wrong_size" not in r.message.en and "layer(torch.zeros(4, 5))" in r.message.en


def _ref_model():
    return nn.Sequential(nn.Linear(8, 6, bias=False), nn.BatchNorm1d(6), nn.ReLU(), nn.Linear(6, 3))


class _FunctionalRelu(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc1, self.bn, self.fc2 = nn.Linear(8, 6, bias=False), nn.BatchNorm1d(6), nn.Linear(6, 3)

    def forward(self, x):
        return self.fc2(torch.relu(self.bn(self.fc1(x))))


class _ReluBeforeBn(_FunctionalRelu):
    def forward(self, x):
        return self.fc2(self.bn(torch.relu(self.fc1(x))))


@pytest.mark.parametrize("model,expect", [
    (_ref_model(), None), (_FunctionalRelu(), None), (_ReluBeforeBn(), "output differs"),
    (nn.Sequential(*_ref_model(), nn.Softmax(dim=1)), "Softmax"),
    (nn.Sequential(nn.Linear(8, 6, bias=False), nn.BatchNorm1d(6, affine=False), nn.ReLU(), nn.Linear(6, 3)),
     "affine=False"),
    (nn.Sequential(nn.Linear(8, 6), nn.BatchNorm1d(6), nn.ReLU(), nn.Linear(6, 3)), "bias=True"),
    (nn.Sequential(nn.Linear(8, 6, bias=False), nn.ReLU(), nn.Linear(6, 3)), "should be"),
])
def test_modules_are_compared_by_behaviour_and_structure(model, expect):
    for train in (True, False):
        r = compare_modules(model, _ref_model(), random_inputs((8,)), train=train)
        if expect is None:
            assert r is None
        else:
            assert r is not None and r.status == FAIL and expect in r.message.en and r.message.hi


def test_called_leaves_follow_the_forward_order_not_registration():
    m = _ReluBeforeBn()
    assert [type(x).__name__ for x in called_leaves(m, torch.randn(2, 8))] == ["Linear", "BatchNorm1d", "Linear"]


def test_feedback_typesets_maths_in_jupyter_and_reads_as_unicode_in_a_terminal():
    from coursekit.exercises.display import to_markdown, to_plain

    text = "$\\partial L / \\partial w_h \\approx \\frac{1}{\\sqrt{n}}$ and `x * y`, a * b < c\nnext ____"
    assert to_plain(text).startswith("∂L / ∂w_h ≈ (1)/(√(n))")
    md = to_markdown(text)
    assert "$\\partial L" in md and "`x * y`" in md and "a \\* b &lt; c  \nnext \\_\\_\\_\\_" in md
    assert to_plain("```python\nx = 1\n```") == "x = 1"


def test_hints_are_shown_in_the_chosen_language_only(capsys, progress_file):
    import coursekit

    q = Numeric("q", P, 1.0, hints=[T("पहला $\\sigma(0)$", "first $\\sigma(0)$")])
    coursekit.set_language("hi")
    try:
        q.hint()
        out = capsys.readouterr().out
        assert "संकेत (hint) 1/1: पहला σ(0)" in out and "Hint" not in out and "$" not in out
    finally:
        coursekit.set_language("both")


def test_replacing_the_comparison_functions_cannot_make_a_wrong_answer_pass():
    q = Code("q", P, reference=lambda x: x * 2, cases=[Case((torch.tensor([1.0, 2.0]),)), Case((torch.zeros(1),)),
                                                      Case((torch.tensor([-3.0]),))])

    def cheat(x):
        np.allclose = torch.allclose = lambda *a, **k: True
        return x

    r = q.evaluate(cheat)
    assert r.status == FAIL and "numpy.allclose" in r.message.en and np.allclose(1.0, 2.0) is False
    np.allclose = lambda *a, **k: True          # replaced in an earlier cell
    try:
        assert q.evaluate(lambda x: x).status == FAIL
    finally:
        from coursekit.exercises.core import _restore_comparisons
        _restore_comparisons()
    assert not np.allclose(1.0, 2.0)


def test_malformed_tex_never_breaks_feedback(capsys):
    from coursekit.exercises.display import emit, to_plain

    assert to_plain("$a \\$ and a lone \\") == "a \\ and a lone \\"
    emit("$\\frac{1$ \\")
    assert capsys.readouterr().out.strip()
