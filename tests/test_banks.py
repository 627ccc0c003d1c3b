"""Every question bank: solutions pass, known-wrong answers fail with a message, starters are "not attempted",
and the committed student notebooks are exactly what the banks generate."""
from pathlib import Path

import pytest

from coursekit.exercises import FAIL, NOT_ATTEMPTED, OPEN, PASS, Code, Open, bank, bank_names, load
from coursekit.exercises.build import build_notebook, student_edition_is_current

ROOT = Path(__file__).resolve().parent.parent

QUESTIONS = [(name, i) for name in bank_names() for i in range(len(load(name)))]


def _namespace(name):
    ns = {}
    exec("from coursekit.exercises import ____\n" + (getattr(bank(name), "SETUP", "") or ""), ns)
    return ns


def _has_devanagari(text: str) -> bool:
    return any("\u0900" <= ch <= "\u097f" for ch in text)


@pytest.mark.parametrize("name,i", QUESTIONS, ids=[f"{n}-q{i + 1}" for n, i in QUESTIONS])
def test_question(name, i):
    """Known-wrong answers fail with a bilingual explanation; then the solution passes; the starter is untouched."""
    q = load(name)[i]
    assert q.prompt.hi and q.prompt.en and q.hints, "every question has a prompt in both languages and hints"
    if isinstance(q, Open):
        assert q.model_answer.hi and q.model_answer.en
        assert q.evaluate("a learner's answer").status == OPEN
        return
    assert q.wrong_examples, "every checked question carries at least one known-wrong answer"
    if isinstance(q, Code):
        assert len(q.wrong_examples) >= 3, "a code question carries at least 3 known-wrong answers (its topic's slips)"
        if q.grader is None:
            assert len(q.cases) >= 3, "a code question checks at least 3 varied inputs"
    for k, bad in enumerate(q.wrong_examples):
        result = q.evaluate(bad)
        assert result.status == FAIL, f"known-wrong answer {k} ({bad!r}) gave {result.status}: {result.message.en}"
        assert result.message.en.strip() and _has_devanagari(result.message.hi), f"known-wrong answer {k}: message"
    ns = _namespace(name)
    exec(q.solution_code, ns)
    right = q.evaluate(ns[q.answer_name])   # after the wrong answers: nothing they did may spoil the check
    assert right.status == PASS, right.message.en
    ns = _namespace(name)
    exec(q.starter, ns)
    assert q.evaluate(ns[q.answer_name]).status == NOT_ATTEMPTED


@pytest.mark.parametrize("name", bank_names())
def test_question_ids_are_in_order(name):
    assert [q.id for q in load(name)] == [f"q{k}" for k in range(1, len(load(name)) + 1)]


@pytest.mark.parametrize("name", bank_names())
def test_student_edition_is_generated_from_bank(name):
    assert student_edition_is_current(ROOT, name), f"run: python -m coursekit exercises (exercises/{name}.ipynb)"


@pytest.mark.parametrize("name", bank_names())
def test_every_topic_has_an_exercise_notebook(name):
    assert (ROOT / "notebooks" / f"{name}.ipynb").exists()


def test_every_topic_notebook_has_a_bank():
    topics = sorted(p.stem for p in (ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb"))
    assert topics == bank_names()


def test_solutions_edition_differs_only_in_answers():
    student, solutions = build_notebook("00_welcome", "student"), build_notebook("00_welcome", "solutions")
    assert "= ____" not in "".join(c.source for c in solutions.cells if c.cell_type == "code")
    assert "assert_all_passed" in solutions.cells[-1].source and "progress()" in student.cells[-1].source
    with pytest.raises(ValueError):
        build_notebook("00_welcome", "teacher")
