"""The checking machinery of the practice notebooks: results, the placeholder, time limits, progress.

A learner writes an answer in a starter cell and calls ``q1.check(answer)``;
``q1.hint()`` reveals the next hint, ``q1.solution()`` the model solution.
Nothing a learner types makes ``check`` raise: an untouched starter cell is
"not attempted"; exceptions, ``sys.exit()``, wrong types, tensors on another
device and functions that run too long are caught and explained. Only
Jupyter's interrupt (KeyboardInterrupt) stops a check, as it stops any cell.

The question kinds themselves live in :mod:`coursekit.exercises.kinds`
(re-exported here, so ``from coursekit.exercises.core import Code`` works).
"""
from __future__ import annotations

import signal
import sys
import threading
import traceback
from collections.abc import Sequence
from dataclasses import dataclass, field

from ..i18n import T, get_language
from . import progress as _progress
from .display import emit
from .lock import unlocked

PASS, FAIL, NOT_ATTEMPTED, OPEN, FORMAT = "pass", "fail", "not attempted", "open", "format"
ICONS = {PASS: "✅", FAIL: "❌", NOT_ATTEMPTED: "⏳", OPEN: "📝", FORMAT: "⚠️"}
STATUS_T = {
    PASS: T("सही", "Correct"),
    FAIL: T("अभी सही नहीं", "Not yet right"),
    NOT_ATTEMPTED: T("अभी प्रयास नहीं किया गया", "not attempted yet"),
    OPEN: T("खुला प्रश्न (self-assessed)", "open question (self-assessed)"),
    FORMAT: T("उत्तर का रूप (format) समझ नहीं आया — यह प्रयास गिना नहीं गया",
              "answer format not recognised — this try was not counted"),
}
UNRECORDED = {NOT_ATTEMPTED, FORMAT}   # results that are not attempts: never written to the progress file


class Placeholder:
    """The ``____`` a learner replaces with an answer. Any use of it stays a placeholder."""

    def __repr__(self):
        return "____"

    def __getattr__(self, name):
        if name.startswith("__"):
            raise AttributeError(name)
        return self

    def __call__(self, *args, **kwargs):
        return self

    def __getitem__(self, key):
        return self

    def __iter__(self):
        return iter(())

    def _same(self, *args):
        return self

    __add__ = __radd__ = __sub__ = __rsub__ = __mul__ = __rmul__ = _same
    __truediv__ = __rtruediv__ = __matmul__ = __rmatmul__ = __pow__ = __neg__ = _same


____ = Placeholder()


class NotAttempted(Exception):
    """Raised inside a checker when the answer still holds the placeholder."""


class CheckTimeout(BaseException):
    """The time limit ran out. A BaseException, so a learner's ``except Exception:`` cannot swallow it."""


@dataclass
class Result:
    status: str
    message: T = field(default_factory=lambda: T("", ""))

    @property
    def passed(self) -> bool:
        return self.status == PASS

    def render(self, qid: str, lang: str | None = None) -> str:
        status = STATUS_T[self.status]
        lang = lang or get_language()
        label = f"{status.hi} / {status.en}" if lang == "both" else status.render(lang)
        head = f"{ICONS[self.status]} {qid}: {label}"
        body = self.message.render(lang)
        return f"{head}\n{body}" if body else head


def ok(hi: str = "", en: str = "") -> Result:
    return Result(PASS, T(hi, en))


def wrong(hi: str, en: str) -> Result:
    return Result(FAIL, T(hi, en))


def bad_format(hi: str, en: str) -> Result:
    """An answer of the wrong form (a number where a letter is asked, …): explained, not counted as a try."""
    return Result(FORMAT, T(hi, en))


def contains_placeholder(obj, _depth: int = 0) -> bool:
    """True if ``obj`` is, holds, or (for code) refers to the placeholder ``____``."""
    if isinstance(obj, Placeholder):
        return True
    if _depth > 3:
        return False
    if isinstance(obj, (list, tuple, set, frozenset)):
        return any(contains_placeholder(o, _depth + 1) for o in list(obj)[:1000])
    if isinstance(obj, dict):
        return any(contains_placeholder(o, _depth + 1) for o in list(obj.values())[:1000])
    code = getattr(obj, "__code__", None)
    if code is not None:
        return _code_uses_placeholder(code)
    if isinstance(obj, type):
        return any(_code_uses_placeholder(getattr(v, "__code__", None)) for v in vars(obj).values())
    return False


def _code_uses_placeholder(code) -> bool:
    if code is None:
        return False
    if "____" in code.co_names:
        return True
    return any(_code_uses_placeholder(c) for c in code.co_consts if hasattr(c, "co_names"))


def _is_course_frame(frame) -> bool:
    return "/coursekit/exercises/" in frame.f_code.co_filename.replace("\\", "/")


class time_limit:
    """Stop a learner's function that runs longer than ``seconds`` (main thread, Unix only).

    The alarm raises :class:`CheckTimeout` (a BaseException). If the learner's code swallows it with a bare
    ``except:``, a line tracer raises it again on the next line that runs outside the course's own code — inside
    the ``except`` block too — and the alarm repeats every 0.2 s for code blocked in C, so the check always ends.
    """

    def __init__(self, seconds: float):
        self.seconds = seconds
        self.usable = bool(seconds) and hasattr(signal, "setitimer") and \
            threading.current_thread() is threading.main_thread()
        self.expired = False
        self._frames: list = []

    def _tracer(self, frame, event, arg):
        if self.expired and event == "line" and not _is_course_frame(frame):
            raise CheckTimeout()
        return self._tracer

    def _on_alarm(self, signum, frame):
        if not self.expired:
            self.expired = True
            self._old_trace = sys.gettrace()
            sys.settrace(self._tracer)
            f = frame
            while f is not None:            # frames already running get the tracer too
                self._frames.append((f, f.f_trace))
                f.f_trace, f.f_trace_lines = self._tracer, True
                f = f.f_back
        signal.setitimer(signal.ITIMER_REAL, 0.2)
        raise CheckTimeout()

    def __enter__(self):
        if self.usable:
            self._old_handler = signal.signal(signal.SIGALRM, self._on_alarm)
            signal.setitimer(signal.ITIMER_REAL, self.seconds)
        return self

    def __exit__(self, *exc):
        if self.usable:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, self._old_handler)
            if self.expired:
                sys.settrace(self._old_trace)
                for f, old in self._frames:
                    f.f_trace = old
                self._frames.clear()
        return False


def to_cpu(value):
    """Move a tensor to the CPU; returns (value, note) where note explains a move."""
    dev = getattr(value, "device", None)
    if dev is not None and getattr(dev, "type", "cpu") not in ("cpu", "meta") and hasattr(value, "cpu"):
        note = T(f"(आपका tensor {dev} पर था; तुलना के लिए उसे CPU पर लाया गया — .cpu())",
                 f"(your tensor was on {dev}; it was moved to the CPU to compare — .cpu())")
        return value.cpu(), note
    return value, None


def _library_paths() -> tuple[str, ...]:
    import sysconfig

    paths = {sysconfig.get_paths().get(k, "") for k in ("stdlib", "platstdlib", "purelib", "platlib")}
    return tuple(p for p in paths if p) + ("site-packages", "dist-packages", "/coursekit/")


def _learner_frame(exc) -> str:
    """' (line N: code)' of the deepest frame that is the learner's own code (not torch's, not the course's)."""
    libs = _library_paths()
    frames = traceback.extract_tb(exc.__traceback__)
    mine = [f for f in frames if not any(p in f.filename.replace("\\", "/") for p in libs)]
    if not mine:
        return ""
    f = mine[-1]
    return f" (line {f.lineno}: {f.line})" if f.line else f" (line {f.lineno})"


def _short_exc(exc) -> str:
    text = str(exc)
    return text if len(text) < 300 else text[:297] + "..."


class Question:
    """Base class: a question with a prompt, hints, a solution and a checker.

    ``wrong`` is one known-wrong answer and ``wrongs`` more of them (the plausible mistakes of the topic);
    tests/test_banks.py checks that every one of them fails with an explanation in both languages.
    """

    kind = T("प्रश्न", "question")
    timeout = 30.0   # seconds a learner's code may run (the first optimiser a session creates is slow)

    def __init__(self, id: str, prompt: T, *, hints: Sequence[T] = (), solution: str = "",
                 explanation: T | None = None, starter: str = "", answer_name: str = "", wrong=None,
                 wrongs: Sequence = (), notebook: str = ""):
        self.id = id
        self.prompt = prompt
        self.hints = list(hints)
        self.solution_code = solution      # code that answers the question (solutions edition)
        self.explanation = explanation      # why the answer is what it is
        self.answer_name = answer_name or f"{id}_answer"   # the name the answer cell defines
        self.starter = starter or f"{self.answer_name} = ____"  # code for the student edition's answer cell
        self.notebook = notebook            # set by the bank loader
        self.wrong_examples = ([] if wrong is None else [wrong]) + list(wrongs)
        self._hints_shown = 0
        self.last_result: Result | None = None

    @property
    def wrong_example(self):
        """The first known-wrong answer (kept for older code)."""
        return self.wrong_examples[0] if self.wrong_examples else None

    # -- what a learner calls ---------------------------------------------------
    def check(self, answer=____) -> None:
        """Check ``answer`` and print feedback (never raises)."""
        result = self.evaluate(answer)
        self.last_result = result
        lines = [result.render(self.id)]
        if result.status not in UNRECORDED:
            saved = _progress.record(self.notebook, self.id, result.status)
            if saved is False and result.passed:
                lines.append(T("⚠️ यह पास progress file में सहेजा नहीं जा सका (ऊपर कारण देखिए)।",
                               "⚠️ this pass could not be saved in the progress file (see the reason above).").render())
        emit("\n".join(lines))

    def hint(self) -> None:
        """Show the next hint (each call reveals one more)."""
        if not self.hints:
            emit(str(T("इस प्रश्न के लिए कोई hint नहीं है।", "There is no hint for this question.")))
            return
        i = min(self._hints_shown, len(self.hints) - 1)
        self._hints_shown = i + 1
        _record_event(self.notebook, self.id, "hint")
        label = T("संकेत (hint)", "Hint")
        hint = self.hints[i]
        lang = get_language()
        if lang == "both":
            emit(f"💡 {label.hi} / {label.en} {i + 1}/{len(self.hints)}:\n{hint.render('both')}")
        else:
            emit(f"💡 {label.render(lang)} {i + 1}/{len(self.hints)}: {hint.render(lang)}")

    def solution(self) -> None:
        """Show the model solution and its explanation (your progress file notes that you looked); in class mode
        only once the instructor has released it (see :mod:`coursekit.exercises.classmode`)."""
        shown = unlocked(self)
        if shown is None:
            return
        _record_event(self.notebook, self.id, "solution")
        parts = ["🔑 " + T("हल", "Solution").render()]
        if shown["solution"]:
            parts.append(f"```python\n{shown['solution'].strip()}\n```")
        if shown["explanation"]:
            parts.append(str(shown["explanation"]))
        emit("\n".join(parts))

    # -- what the checkers implement --------------------------------------------
    def evaluate(self, answer) -> Result:
        """Grade ``answer`` and return a :class:`Result` (used by ``check`` and by the tests)."""
        if contains_placeholder(answer):
            return Result(NOT_ATTEMPTED, T("'____' की जगह अपना उत्तर लिखिए, फिर cell दोबारा चलाइए।",
                                           "Replace '____' with your answer, then run the cell again."))
        limit = time_limit(self.timeout)
        patched = _restore_comparisons()      # e.g. `np.allclose = lambda *a, **k: True` in an earlier cell
        try:
            with limit:
                result = self.grade(answer)
            if limit.expired:            # the learner's code caught the time-out and went on
                raise CheckTimeout()
            patched += _restore_comparisons()
            if patched:
                return wrong(f"आपके code ने {', '.join(patched)} बदल दिया था; checker उन्हीं से तुलना करता है। "
                             "असली function वापस रख दिया गया है — उसे बदले बिना अपना उत्तर दोबारा check कीजिए।",
                             f"your code replaced {', '.join(patched)}, which the checker compares with. The original "
                             "was put back — check your answer again without replacing it.")
            return result
        except NotAttempted:
            return Result(NOT_ATTEMPTED, T("'____' की जगह अपना code लिखिए।", "Replace '____' with your code."))
        except CheckTimeout:
            return wrong(f"आपका code {self.timeout:.0f} सेकंड में पूरा नहीं हुआ — कहीं infinite loop तो नहीं?",
                         f"your code did not finish within {self.timeout:.0f} seconds — an infinite loop?")
        except SystemExit as exc:
            return wrong(f"आपके code ने sys.exit() / exit() call किया ({exc.code!r}): यह पूरे program को रोकता है। "
                         "function से बाहर आने के लिए return लिखिए।",
                         f"your code called sys.exit() / exit() ({exc.code!r}), which stops the whole program. "
                         "Use return to leave a function.")
        except Exception as exc:  # a learner's code may raise anything
            where = _learner_frame(exc)
            return wrong(f"आपके code में error आया: {type(exc).__name__}: {_short_exc(exc)}{where}",
                         f"your code raised {type(exc).__name__}: {_short_exc(exc)}{where}")

    def grade(self, answer) -> Result:  # pragma: no cover - abstract
        raise NotImplementedError

    def __repr__(self):
        return f"<{self.kind.en} {self.id}: q.check(answer), q.hint(), q.solution()>"

    # -- for the notebook builder -------------------------------------------------
    def prompt_markdown(self, lang: str) -> str:
        return self.prompt.render(lang)


def _comparisons() -> dict:
    """The library functions the checkers compare with, by name (captured when the exercises are imported)."""
    import math

    import numpy as np
    import torch

    return {f"{mod.__name__}.{name}": (mod, name, getattr(mod, name)) for mod, names in
            ((np, ("allclose", "isclose", "array_equal")), (torch, ("allclose", "isclose", "equal")),
             (math, ("isclose",))) for name in names}


_ORIGINALS = _comparisons()


def _restore_comparisons() -> list[str]:
    """Put back any comparison function a learner's code replaced; return the names of those replaced."""
    replaced = []
    for label, (mod, name, original) in _ORIGINALS.items():
        if getattr(mod, name) is not original:
            setattr(mod, name, original)
            replaced.append(label)
    return replaced


def _record_event(notebook: str, qid: str, event: str) -> None:
    record_event = getattr(_progress, "record_event", None)
    if record_event is not None and notebook:
        record_event(notebook, qid, event)
