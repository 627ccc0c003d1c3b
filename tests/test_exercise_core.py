"""Every checker three ways: the right answer passes, a wrong one fails with a message, the placeholder is
"not attempted"; and nothing a learner does makes check() raise."""
import json

import pytest
import torch

import coursekit
from coursekit.exercises import (
    FAIL,
    FORMAT,
    NOT_ATTEMPTED,
    OPEN,
    PASS,
    Case,
    Code,
    MultipleChoice,
    Numeric,
    Open,
    Shape,
    TensorValues,
    TrueFalse,
    ____,
    assert_all_passed,
    core,
    load,
    progress,
)
from coursekit.i18n import T

P = T("प्रश्न", "question")


def _sq(x):
    return x * x


KINDS = {
    "mc": (MultipleChoice("q", P, ["x", "y", "z"], "b", why={"a": T("x नहीं", "not x")}), "b", "a", "not x"),
    "mc_many": (MultipleChoice("q", P, ["x", "y", "z"], ["a", "c"]), ["c", "a"], ["a"], "partly right"),
    "tf": (TrueFalse("q", P, False), False, True, "the statement is False"),
    "num": (Numeric("q", P, 0.25, mistakes={0.5: T("आधा", "that is sigma(0), not its derivative")}), 0.2501, 0.5,
            "not its derivative"),
    "shape": (Shape("q", P, (5, 10, 20), meaning="(batch, seq_len, hidden_size)"), torch.zeros(5, 10, 20), (5, 20),
              "expected shape (5, 10, 20) = (batch, seq_len, hidden_size), got (5, 20)"),
    "values": (TensorValues("q", P, [[1.0, 2.0]]), torch.tensor([[1.0, 2.0]]), [[1.0, 2.5]], "at index (0, 1)"),
    "code": (Code("q", P, reference=_sq, cases=[Case((3.0,)), Case((torch.tensor([1.0, -2.0]),))]), lambda x: x ** 2,
             lambda x: 2 * x, "returned 6 for input (3), expected 9"),
}


@pytest.mark.parametrize("kind", KINDS)
def test_right_wrong_and_untouched(kind):
    q, right, bad, message = KINDS[kind]
    assert q.evaluate(right).status == PASS
    result = q.evaluate(bad)
    assert result.status == FAIL and message in result.message.en and result.message.hi
    assert q.evaluate(____).status == NOT_ATTEMPTED
    assert q.evaluate([____]).status == NOT_ATTEMPTED


@pytest.mark.parametrize("kind,bad,message", [
    ("mc", 3, "answer with one letter"), ("mc", "q", "not an option"), ("tf", "yes", "True or False"),
    ("num", "abc", "answer with a number"), ("num", True, "answer with a number"),
    ("shape", "big", "answer with a shape"), ("values", {"a": 1}, "answer with a tensor"),
    ("values", [1.0, 2.0], "wrong shape"), ("code", 42, "function (or class) that can be called"),
])
def test_wrong_types_are_explained(kind, bad, message):
    result = KINDS[kind][0].evaluate(bad)
    expected = FAIL if message == "wrong shape" else FORMAT    # a malformed answer is explained, not counted
    assert result.status == expected and message in result.message.en and result.message.hi


def test_numeric_direction_and_tensor_answers():
    q = Numeric("q", P, 10.0)
    assert "too large" in q.evaluate(11).message.en and "too small" in q.evaluate(9).message.en
    assert q.evaluate(torch.tensor(10.0)).passed


def test_code_returning_strings():
    q = Code("q", P, reference=lambda x: "vanishing" if x < 1e-3 else "ok", cases=[Case((1e-5,)), Case((0.5,))])
    assert q.evaluate(lambda x: "vanishing" if x < 1e-3 else "ok").passed
    assert "expected 'ok'" in q.evaluate(lambda x: "vanishing").message.en


def test_code_untouched_body_is_not_attempted():
    q = KINDS["code"][0]

    def starter(x):
        return ____

    def half_done(x):
        y = x + 1
        return ____ * y

    assert q.evaluate(starter).status == NOT_ATTEMPTED
    assert q.evaluate(half_done).status == NOT_ATTEMPTED


def test_code_exceptions_are_caught_and_located():
    def broken(x):
        return x / undefined_name  # noqa: F821

    r = KINDS["code"][0].evaluate(broken)
    assert r.status == FAIL and "NameError" in r.message.en and "line" in r.message.en


def test_code_that_runs_too_long_is_stopped():
    q = Code("q", P, reference=_sq, cases=[Case((1.0,))])
    q.timeout = 0.3

    def forever(x):
        while True:
            pass

    r = q.evaluate(forever)
    assert r.status == FAIL and "did not finish within" in r.message.en


def test_grader_and_placeholder_in_class():
    def grader(cls):
        return core.ok("ठीक", "fine") if cls().value() == 1 else core.wrong("गलत", "value() must return 1")

    q = Code("q", P, grader=grader)

    class Starter:
        def value(self):
            return ____

    class Right:
        def value(self):
            return 1

    class Wrong:
        def value(self):
            return 2

    assert q.evaluate(Starter).status == NOT_ATTEMPTED
    assert q.evaluate(Right).passed
    assert "value() must return 1" in q.evaluate(Wrong).message.en


def test_tensor_on_another_device_is_explained(monkeypatch):
    class FakeDevice:
        type = "cuda"

        def __str__(self):
            return "cuda:0"

    class FakeCudaTensor:
        device = FakeDevice()

        def cpu(self):
            return torch.tensor([[1.0, 2.0]])

    r = KINDS["values"][0].evaluate(FakeCudaTensor())
    assert r.passed and "moved to the CPU" in r.message.en


def test_open_question_flow(capsys, progress_file):
    q = Open("q9", P, model_answer=T("आदर्श", "model"))
    q.notebook = "00_welcome"
    assert q.evaluate(____).status == NOT_ATTEMPTED
    assert q.evaluate("my answer").status == OPEN
    assert q.evaluate(12).status == OPEN
    q.solution()
    assert "model" in capsys.readouterr().out
    q.mark_done()
    assert json.loads(progress_file.read_text())["00_welcome"]["q9"]["status"] == "done"


def test_hints_reveal_one_level_at_a_time(capsys):
    q = Numeric("q", P, 1.0, hints=[T("पहला", "first"), T("दूसरा", "second")])
    q.hint()
    q.hint()
    q.hint()
    out = capsys.readouterr().out
    assert out.count("Hint 1/2") == 1 and out.count("Hint 2/2") == 2
    Numeric("q", P, 1.0).hint()
    assert "no hint" in capsys.readouterr().out


def test_check_prints_in_chosen_language(capsys, progress_file):
    q = Numeric("q", P, 1.0)
    coursekit.set_language("hi")
    q.check(2.0)
    out = capsys.readouterr().out
    assert "अभी सही नहीं" in out and "Not yet right" not in out
    coursekit.set_language("en")
    q.check(1.0)
    out = capsys.readouterr().out
    assert "Correct" in out and "सही" not in out


def test_progress_keeps_best_status(progress_file, capsys):
    qs = load("00_welcome")
    qs[0].check("a")        # wrong
    qs[0].check("b")        # right
    qs[0].check("c")        # wrong again: still passed
    qs[1].check(____)
    table = progress()
    assert table["00_welcome"]["passed"] == ["q1"] and table["00_welcome"]["total"] == len(qs)
    assert "1/9" in capsys.readouterr().out
    assert coursekit.progress()["00_welcome"]["passed"] == ["q1"]


def test_progress_survives_unwritable_and_corrupt_files(tmp_path, monkeypatch):
    bad = tmp_path / "progress.json"
    bad.write_text("{not json")
    monkeypatch.setenv("COURSEKIT_PROGRESS", str(bad))
    core._progress.record("x", "q1", PASS)
    assert json.loads(bad.read_text())["x"]["q1"]["status"] == PASS
    monkeypatch.setenv("COURSEKIT_PROGRESS", str(tmp_path / "no" / "such" / "dir" / "p.json"))
    core._progress.record("x", "q1", PASS)  # must not raise


def test_assert_all_passed():
    q = Numeric("q", P, 1.0)
    with pytest.raises(AssertionError, match="not passed"):
        assert_all_passed([q])
    q.last_result = q.evaluate(1.0)
    assert_all_passed([q])


def test_unknown_bank_is_a_clear_error():
    with pytest.raises(ValueError, match="no exercise set called 'nope'"):
        load("nope")


def test_placeholder_behaves_like_a_placeholder():
    assert repr(____) == "____" and ____.anything(1)[2] + 3 is ____ and list(____) == []
    with pytest.raises(AttributeError):
        ____.__wrapped__  # noqa: B018
