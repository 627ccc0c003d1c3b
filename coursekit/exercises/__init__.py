"""Practice questions with auto-checked answers, hints and solutions.

In an exercise notebook::

    from coursekit.exercises import load, ____
    q1, q2, q3 = load("00_welcome")
    q1_answer = ____          # the learner replaces ____
    q1.check(q1_answer)
    q1.hint(); q1.solution()

The question banks live in ``coursekit.exercises.banks`` (one module per
exercise notebook); the student and solutions editions of each notebook are
generated from them (``python -m coursekit exercises``).
"""
from __future__ import annotations

from .. import i18n as _i18n
from . import progress as _progress
from .codecheck import Case, Code  # noqa: F401
from .core import (  # noqa: F401
    FAIL,
    FORMAT,
    NOT_ATTEMPTED,
    OPEN,
    PASS,
    Placeholder,
    Question,
    Result,
    ____,
    bad_format,
    ok,
    wrong,
)
from .kinds import MultipleChoice, Numeric, Open, Shape, TensorValues, TrueFalse  # noqa: F401
from .registry import bank, bank_names, load  # noqa: F401


def progress() -> dict:
    """Show which questions of which notebook you have passed, tried, and the hints and solutions you viewed.

    Kept in a small file in your folder. Returns the table as a dict (Jupyter does not echo it a second time).
    """
    return _progress.show({name: [q.id for q in load(name)] for name in bank_names()})


def _remember_language(lang: str) -> None:
    """Keep the learner's feedback language in the progress file, so that it survives a kernel restart."""
    _progress.set_setting("language", lang)


_i18n._listeners.append(_remember_language)


def assert_all_passed(questions) -> None:
    """Raise if any question's last check did not pass (the solutions edition ends with this)."""
    failed = [q.id for q in questions if q.last_result is None or not q.last_result.passed]
    if failed:
        raise AssertionError(f"not passed: {failed}")
    print(f"✅ all {len(questions)} questions pass")
