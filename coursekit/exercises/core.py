"""Question kinds for the practice notebooks, and the checking machinery.

A learner writes an answer in a starter cell and calls ``q1.check(answer)``;
``q1.hint()`` reveals the next hint, ``q1.solution()`` the model solution.
Nothing a learner types makes ``check`` raise: an untouched starter cell is
"not attempted", and exceptions, wrong types, tensors on another device and
functions that run too long are caught and explained.
"""
from __future__ import annotations

import math
import signal
import threading
import traceback
from collections.abc import Callable, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field

from ..i18n import T, get_language
from . import progress as _progress

PASS, FAIL, NOT_ATTEMPTED, OPEN = "pass", "fail", "not attempted", "open"
ICONS = {PASS: "✅", FAIL: "❌", NOT_ATTEMPTED: "⏳", OPEN: "📝"}
STATUS_T = {
    PASS: T("सही", "Correct"),
    FAIL: T("अभी सही नहीं", "Not yet right"),
    NOT_ATTEMPTED: T("अभी तक प्रयास नहीं किया (not attempted)", "not attempted"),
    OPEN: T("खुला प्रश्न (self-assessed)", "open question (self-assessed)"),
}


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


class CheckTimeout(Exception):
    pass


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


def contains_placeholder(obj, _depth: int = 0) -> bool:
    """True if ``obj`` is, holds, or (for code) refers to the placeholder ``____``."""
    if isinstance(obj, Placeholder):
        return True
    if _depth > 3:
        return False
    if isinstance(obj, (list, tuple, set, frozenset)):
        return any(contains_placeholder(o, _depth + 1) for o in obj)
    if isinstance(obj, dict):
        return any(contains_placeholder(o, _depth + 1) for o in obj.values())
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


@contextmanager
def time_limit(seconds: float):
    """Stop a learner's function that runs longer than ``seconds`` (main thread, Unix only)."""
    usable = hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()
    if not usable or not seconds:
        yield
        return

    def on_alarm(signum, frame):
        raise CheckTimeout()

    old = signal.signal(signal.SIGALRM, on_alarm)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, old)


def to_cpu(value):
    """Move a tensor to the CPU; returns (value, note) where note explains a move."""
    dev = getattr(value, "device", None)
    if dev is not None and getattr(dev, "type", "cpu") != "cpu" and hasattr(value, "cpu"):
        note = T(f"(आपका tensor {dev} पर था; तुलना के लिए उसे CPU पर लाया गया — .cpu())",
                 f"(your tensor was on {dev}; it was moved to the CPU to compare — .cpu())")
        return value.cpu(), note
    return value, None


class Question:
    """Base class: a question with a prompt, hints, a solution and a checker."""

    kind = T("प्रश्न", "question")
    timeout = 30.0   # seconds a learner's code may run (the first optimiser a session creates is slow)

    def __init__(self, id: str, prompt: T, *, hints: Sequence[T] = (), solution: str = "",
                 explanation: T | None = None, starter: str = "", answer_name: str = "", wrong=None,
                 notebook: str = ""):
        self.id = id
        self.prompt = prompt
        self.hints = list(hints)
        self.solution_code = solution      # code that answers the question (solutions edition)
        self.explanation = explanation      # why the answer is what it is
        self.answer_name = answer_name or f"{id}_answer"   # the name the answer cell defines
        self.starter = starter or f"{self.answer_name} = ____"  # code for the student edition's answer cell
        self.notebook = notebook            # set by the bank loader
        self.wrong_example = wrong          # a known-wrong answer: the tests check it fails with a message
        self._hints_shown = 0
        self.last_result: Result | None = None

    # -- what a learner calls ---------------------------------------------------
    def check(self, answer=____) -> None:
        """Check ``answer`` and print feedback (never raises)."""
        result = self.evaluate(answer)
        self.last_result = result
        _progress.record(self.notebook, self.id, result.status)
        print(result.render(self.id))

    def hint(self) -> None:
        """Show the next hint (each call reveals one more)."""
        if not self.hints:
            print(T("इस प्रश्न के लिए कोई hint नहीं है।", "There is no hint for this question."))
            return
        i = min(self._hints_shown, len(self.hints) - 1)
        self._hints_shown = i + 1
        print(f"💡 Hint {i + 1}/{len(self.hints)}: {self.hints[i]}")

    def solution(self) -> None:
        """Show the model solution and its explanation."""
        parts = ["🔑 " + T("हल", "Solution").render()]
        if self.solution_code:
            parts.append(self.solution_code)
        if self.explanation:
            parts.append(str(self.explanation))
        print("\n".join(parts))

    # -- what the checkers implement --------------------------------------------
    def evaluate(self, answer) -> Result:
        """Grade ``answer`` and return a :class:`Result` (used by ``check`` and by the tests)."""
        if contains_placeholder(answer):
            return Result(NOT_ATTEMPTED, T("'____' की जगह अपना उत्तर लिखिए, फिर cell दोबारा चलाइए।",
                                           "Replace '____' with your answer, then run the cell again."))
        try:
            with time_limit(self.timeout):
                return self.grade(answer)
        except NotAttempted:
            return Result(NOT_ATTEMPTED, T("'____' की जगह अपना code लिखिए।", "Replace '____' with your code."))
        except CheckTimeout:
            return wrong(f"आपका code {self.timeout:.0f} सेकंड में पूरा नहीं हुआ — कहीं infinite loop तो नहीं?",
                         f"your code did not finish within {self.timeout:.0f} seconds — an infinite loop?")
        except Exception as exc:  # a learner's code may raise anything
            where = _learner_frame(exc)
            return wrong(f"आपके code में error आया: {type(exc).__name__}: {exc}{where}",
                         f"your code raised {type(exc).__name__}: {exc}{where}")

    def grade(self, answer) -> Result:  # pragma: no cover - abstract
        raise NotImplementedError

    def __repr__(self):
        return f"<{self.kind.en} {self.id}: q.check(answer), q.hint(), q.solution()>"

    # -- for the notebook builder -------------------------------------------------
    def prompt_markdown(self, lang: str) -> str:
        return self.prompt.render(lang)


def _learner_frame(exc) -> str:
    frames = traceback.extract_tb(exc.__traceback__)
    mine = [f for f in frames if "coursekit" not in f.filename]
    if not mine:
        return ""
    f = mine[-1]
    return f" (line {f.lineno}: {f.line})" if f.line else f" (line {f.lineno})"


LETTERS = "abcdefgh"


class MultipleChoice(Question):
    """One or several correct options, answered with letters: ``"b"`` or ``["a", "c"]``."""

    kind = T("बहुविकल्पी प्रश्न", "multiple choice")

    def __init__(self, id, prompt, options: Sequence, answer, *, why: dict | None = None, **kw):
        super().__init__(id, prompt, **kw)
        self.options = [o if isinstance(o, T) else T(str(o), str(o)) for o in options]
        self.answer = {answer} if isinstance(answer, str) else set(answer)
        self.multiple = len(self.answer) > 1 or not isinstance(answer, str)
        self.why = why or {}
        valid = set(LETTERS[:len(self.options)])
        assert self.answer <= valid, f"{id}: answer {self.answer} not among options {sorted(valid)}"

    def grade(self, answer):
        letters = sorted(LETTERS[:len(self.options)])
        if isinstance(answer, str):
            chosen = {answer.strip().lower()}
        elif isinstance(answer, (list, tuple, set, frozenset)) and all(isinstance(a, str) for a in answer):
            chosen = {a.strip().lower() for a in answer}
        else:
            return wrong(f"उत्तर एक अक्षर (जैसे \"b\") या अक्षरों की list (जैसे [\"a\", \"c\"]) होना चाहिए; "
                         f"मिला: {type(answer).__name__}",
                         f"answer with a letter (e.g. \"b\") or a list of letters (e.g. [\"a\", \"c\"]); "
                         f"got a {type(answer).__name__}")
        unknown = chosen - set(letters)
        if unknown:
            return wrong(f"ये विकल्प नहीं हैं: {sorted(unknown)}; विकल्प हैं {letters}",
                         f"not an option: {sorted(unknown)}; the options are {letters}")
        if chosen == self.answer:
            return Result(PASS, self.explanation or T("", ""))
        notes = [self.why[c] for c in sorted(chosen) if c in self.why and c not in self.answer]
        if self.multiple and len(chosen & self.answer) and chosen != self.answer:
            missing, extra = len(self.answer - chosen), len(chosen - self.answer)
            hi = f"आंशिक रूप से सही: {missing} सही विकल्प छूट गए, {extra} गलत चुने गए।"
            en = f"partly right: {missing} correct option(s) missing, {extra} wrong one(s) chosen."
        elif self.multiple:
            hi, en = "एक से अधिक विकल्प सही हो सकते हैं; फिर से देखिए।", "more than one option may be right; look again."
        else:
            hi, en = f"\"{''.join(sorted(chosen))}\" सही विकल्प नहीं है।", f"\"{''.join(sorted(chosen))}\" is not the right option."
        r = wrong(hi, en)
        if notes:
            r.message = T("\n".join([r.message.hi] + [n.hi for n in notes]),
                          "\n".join([r.message.en] + [n.en for n in notes]))
        return r

    def prompt_markdown(self, lang):
        opts = "\n".join(f"- **{LETTERS[i]})** {o.render(lang)}" for i, o in enumerate(self.options))
        note = {"hi": "(एक से अधिक विकल्प सही हो सकते हैं)", "en": "(more than one option may be right)"}
        extra = f"\n\n{note[lang]}" if self.multiple and lang in note else ""
        return f"{self.prompt.render(lang)}\n\n{opts}{extra}"


class TrueFalse(Question):
    """A statement to mark ``True`` or ``False``."""

    kind = T("सही/गलत", "true or false")

    def __init__(self, id, prompt, answer: bool, **kw):
        super().__init__(id, prompt, **kw)
        self.answer = bool(answer)

    def grade(self, answer):
        if not isinstance(answer, bool):
            return wrong(f"उत्तर True या False होना चाहिए (bool); मिला: {answer!r}",
                         f"answer True or False (a bool); got {answer!r}")
        if answer == self.answer:
            return Result(PASS, self.explanation or T("", ""))
        why = self.explanation or T("", "")
        return wrong(f"यह कथन {'सही' if self.answer else 'गलत'} है। {why.hi}".strip(),
                     f"the statement is {self.answer}. {why.en}".strip())


def _as_float(answer):
    if isinstance(answer, bool):
        raise TypeError("bool")
    if hasattr(answer, "item") and getattr(answer, "numel", lambda: getattr(answer, "size", 1))() == 1:
        answer = answer.item()
    return float(answer)


class Numeric(Question):
    """A number, accepted within a relative or absolute tolerance."""

    kind = T("संख्यात्मक प्रश्न", "numeric")

    def __init__(self, id, prompt, answer: float, *, rel_tol: float = 1e-3, abs_tol: float = 1e-6,
                 mistakes: dict | None = None, **kw):
        super().__init__(id, prompt, **kw)
        self.answer, self.rel_tol, self.abs_tol = answer, rel_tol, abs_tol
        self.mistakes = mistakes or {}    # a common wrong value -> T explaining the slip

    def grade(self, answer):
        try:
            value = _as_float(answer)
        except (TypeError, ValueError):
            return wrong(f"उत्तर एक संख्या होनी चाहिए; मिला: {answer!r}", f"answer with a number; got {answer!r}")
        if math.isclose(value, self.answer, rel_tol=self.rel_tol, abs_tol=self.abs_tol):
            return Result(PASS, self.explanation or T("", ""))
        for bad, why in self.mistakes.items():
            if math.isclose(value, bad, rel_tol=self.rel_tol, abs_tol=self.abs_tol):
                return wrong(f"आपका उत्तर {value:g} है। {why.hi}", f"you answered {value:g}. {why.en}")
        direction = T("बहुत बड़ा", "too large") if value > self.answer else T("बहुत छोटा", "too small")
        return wrong(f"आपका उत्तर {value:g} {direction.hi} है।", f"your answer {value:g} is {direction.en}.")


def _shape_of(answer):
    shape = getattr(answer, "shape", answer)
    return tuple(int(s) for s in shape)


class Shape(Question):
    """A tensor shape, e.g. ``(5, 10, 20)``; a tensor is also accepted (its ``.shape`` is used)."""

    kind = T("shape का प्रश्न", "tensor shape")

    def __init__(self, id, prompt, answer: tuple, *, meaning: str = "", **kw):
        super().__init__(id, prompt, **kw)
        self.answer, self.meaning = tuple(answer), meaning   # meaning: e.g. "(batch, seq_len, hidden_size)"

    def grade(self, answer):
        try:
            got = _shape_of(answer)
        except (TypeError, ValueError):
            return wrong(f"उत्तर एक shape होना चाहिए — integers का tuple, जैसे (2, 3) — या एक tensor; मिला: {answer!r}",
                         f"answer with a shape — a tuple of integers such as (2, 3) — or a tensor; got {answer!r}")
        if got == self.answer:
            return Result(PASS, self.explanation or T("", ""))
        m = f" = {self.meaning}" if self.meaning else ""
        if len(got) != len(self.answer):
            return wrong(f"अपेक्षित shape {self.answer}{m}, मिला {got}: dimensions की संख्या {len(self.answer)} होनी चाहिए, "
                         f"{len(got)} नहीं।",
                         f"expected shape {self.answer}{m}, got {got}: it should have {len(self.answer)} dimensions, "
                         f"not {len(got)}.")
        return wrong(f"अपेक्षित shape {self.answer}{m}, मिला {got}.", f"expected shape {self.answer}{m}, got {got}.")


class TensorValues(Question):
    """Tensor (or array) values, compared element-wise within ``atol``."""

    kind = T("tensor के मान", "tensor values")

    def __init__(self, id, prompt, answer, *, atol: float = 1e-6, **kw):
        super().__init__(id, prompt, **kw)
        self.answer, self.atol = answer, atol

    def grade(self, answer):
        import numpy as np

        answer, note = to_cpu(answer)
        if hasattr(answer, "detach"):
            answer = answer.detach().numpy()
        try:
            got = np.asarray(answer, dtype=float)
        except (TypeError, ValueError):
            return wrong(f"उत्तर एक tensor, array या संख्याओं की list होना चाहिए; मिला: {type(answer).__name__}",
                         f"answer with a tensor, an array or a list of numbers; got a {type(answer).__name__}")
        exp = np.asarray(self.answer, dtype=float)
        if got.shape != exp.shape:
            return wrong(f"shape अलग है: अपेक्षित {exp.shape}, मिला {got.shape}.",
                         f"wrong shape: expected {exp.shape}, got {got.shape}.")
        diff = np.abs(got - exp)
        if np.all(diff <= self.atol):
            r = Result(PASS, self.explanation or T("", ""))
        else:
            i = np.unravel_index(int(np.argmax(diff)), diff.shape)
            r = wrong(f"index {tuple(int(k) for k in i)} पर आपका मान {got[i]:.6g} है, अपेक्षित {exp[i]:.6g} "
                      f"(सबसे बड़ा अंतर {diff[i]:.3g})।",
                      f"at index {tuple(int(k) for k in i)} you have {got[i]:.6g}, expected {exp[i]:.6g} "
                      f"(largest difference {diff[i]:.3g}).")
        if note:
            r.message = T(f"{r.message.hi} {note.hi}".strip(), f"{r.message.en} {note.en}".strip())
        return r


@dataclass
class Case:
    """One test case of a code question: the arguments and, optionally, what it is about."""

    args: tuple = ()
    kwargs: dict = field(default_factory=dict)
    about: T | None = None     # e.g. T("x = 0 पर sigmoid का derivative सबसे बड़ा है", "the sigmoid derivative peaks at x = 0")


def _close(a, b, atol: float) -> bool:
    import numpy as np

    a, _ = to_cpu(a)
    b, _ = to_cpu(b)
    if hasattr(a, "detach"):
        a = a.detach().numpy()
    if hasattr(b, "detach"):
        b = b.detach().numpy()
    if isinstance(a, str) or isinstance(b, str):
        return a == b
    if isinstance(b, (int, float, np.ndarray, list, tuple)) or np.isscalar(b):
        try:
            a_arr, b_arr = np.asarray(a, dtype=float), np.asarray(b, dtype=float)
        except (TypeError, ValueError):
            return False
        return a_arr.shape == b_arr.shape and bool(np.allclose(a_arr, b_arr, atol=atol, rtol=0))
    return a == b


def _short(value) -> str:
    value, _ = to_cpu(value)
    if hasattr(value, "detach"):
        value = value.detach()
        if value.numel() == 1:
            return f"{value.item():.4g}"
        return f"tensor of shape {tuple(value.shape)}"
    if isinstance(value, float):
        return f"{value:.4g}"
    text = repr(value)
    return text if len(text) < 80 else text[:77] + "..."


class Code(Question):
    """A function the learner writes, run on test cases and compared with a reference.

    Either give ``reference`` and ``cases`` (outputs are compared within ``atol``), or a
    ``grader(answer) -> Result`` for anything else (e.g. an ``nn.Module`` compared with
    the matching ``torch.nn`` layer).
    """

    kind = T("code का प्रश्न", "code")

    def __init__(self, id, prompt, *, reference: Callable | None = None, cases: Sequence[Case] = (),
                 grader: Callable | None = None, atol: float = 1e-6, **kw):
        super().__init__(id, prompt, **kw)
        self.reference, self.cases, self.grader, self.atol = reference, list(cases), grader, atol
        assert grader or (reference and self.cases), f"{id}: give a grader, or a reference and cases"

    def grade(self, answer):
        if not callable(answer):
            return wrong(f"उत्तर एक function (या class) होना चाहिए जिसे call किया जा सके; मिला: {type(answer).__name__}",
                         f"answer with a function (or class) that can be called; got a {type(answer).__name__}")
        if self.grader is not None:
            return self.grader(answer)
        for case in self.cases:
            expected = self.reference(*case.args, **case.kwargs)
            got = answer(*case.args, **case.kwargs)
            if contains_placeholder(got):
                raise NotAttempted()
            if not _close(got, expected, self.atol):
                args = ", ".join(_short(a) for a in case.args)
                about = f" ({case.about.hi})" if case.about else ""
                about_en = f" ({case.about.en})" if case.about else ""
                return wrong(f"input ({args}) के लिए आपके function ने {_short(got)} लौटाया, अपेक्षित {_short(expected)}{about}।",
                             f"your function returned {_short(got)} for input ({args}), expected {_short(expected)}{about_en}.")
        return Result(PASS, self.explanation or T(f"सभी {len(self.cases)} test cases पास हुए।",
                                                  f"all {len(self.cases)} test cases pass."))


class Open(Question):
    """An open question: the learner writes an answer, compares it with the model answer, marks it done."""

    kind = T("खुला प्रश्न", "open question")

    def __init__(self, id, prompt, model_answer: T, **kw):
        super().__init__(id, prompt, **kw)
        self.model_answer = model_answer

    def grade(self, answer):
        if not isinstance(answer, str) or len(answer.strip()) < 3:
            return Result(OPEN, T("अपना उत्तर एक string में लिखिए (जैसे \"\"\"...\"\"\")।",
                                  "write your answer as a string (e.g. \"\"\"...\"\"\")."))
        return Result(OPEN, T("अपना उत्तर आदर्श उत्तर से मिलाइए: q.solution(); संतुष्ट हों तो q.mark_done()।",
                              "compare your answer with the model answer: q.solution(); when satisfied, q.mark_done()."))

    def solution(self) -> None:
        print("🔑 " + T("आदर्श उत्तर", "Model answer").render() + "\n" + self.model_answer.render())

    def mark_done(self) -> None:
        """Record this open question as done in your progress file."""
        self.last_result = Result(PASS, T("पूरा किया", "done"))
        _progress.record(self.notebook, self.id, "done")
        print(f"{ICONS[PASS]} {self.id}: " + T("पूरा चिह्नित किया गया।", "marked as done.").render())

