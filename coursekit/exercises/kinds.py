"""The kinds of practice question: multiple choice, true/false, a number, a shape, tensor values, open (code
questions are in :mod:`coursekit.exercises.codecheck`).

Each kind turns a learner's answer into a :class:`~coursekit.exercises.core.Result`. An answer of the wrong
form (a number where a letter is asked) gets a ``FORMAT`` result: explained, and not counted as a try.
"""
from __future__ import annotations

import math
import re
from collections.abc import Sequence

from ..i18n import T
from .core import (
    OPEN,
    PASS,
    Question,
    Result,
    _progress,
    _record_event,
    bad_format,
    to_cpu,
    wrong,
)
from .display import emit
from .lock import unlocked

LETTERS = "abcdefgh"
_MC_SPLIT = re.compile(r"\s*(?:,|;|/|&|\+|\band\b|और|\s)\s*")


def _mc_letters(answer) -> set[str] | None:
    """The letters a learner chose, from "b", " B ", "(b)", "b)", "b.", "a, b", "a and c", "abc", ["a", "c"]…"""
    if isinstance(answer, str):
        items = [answer]
    elif isinstance(answer, (list, tuple, set, frozenset)) and all(isinstance(a, str) for a in answer):
        items = list(answer)
    else:
        return None
    chosen: set[str] = set()
    for item in items:
        text = item.strip().lower().strip("[](){}'\"")
        for token in _MC_SPLIT.split(text):
            token = re.sub(r"^[(\[]+|[)\].:'\"]+$", "", token.strip())
            if token.startswith("option "):
                token = token[len("option "):].strip()
            if token and token.isascii() and token.isalpha() and len(token) > 1 and len(set(token)) == len(token):
                chosen.update(token)            # "abc" = a, b and c
            elif token:
                chosen.add(token)
    return chosen


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

    def _format_help(self) -> T:
        if self.multiple:
            return T('उत्तर अक्षरों की list में दीजिए, जैसे ["a", "c"] (या "a, c")',
                     'answer with a list of letters, e.g. ["a", "c"] (or "a, c")')
        return T('उत्तर एक अक्षर में दीजिए, जैसे "b"', 'answer with one letter, e.g. "b"')

    def grade(self, answer):
        letters = sorted(LETTERS[:len(self.options)])
        chosen = _mc_letters(answer)
        help_ = self._format_help()
        if chosen is None:
            return bad_format(f"{help_.hi}; मिला: {type(answer).__name__}", f"{help_.en}; got a {type(answer).__name__}")
        unknown = chosen - set(letters)
        if unknown or not chosen:
            shown = sorted(unknown) if unknown else repr(answer)
            return bad_format(f"ये विकल्प नहीं हैं: {shown}; विकल्प हैं {letters}। {help_.hi}।",
                              f"not an option: {shown}; the options are {letters}. {help_.en}.")
        if chosen == self.answer:
            return Result(PASS, self.explanation or T("", ""))
        notes = [self.why[c] for c in sorted(chosen) if c in self.why and c not in self.answer]
        if self.multiple and len(chosen & self.answer) and chosen != self.answer:
            missing, extra = len(self.answer - chosen), len(chosen - self.answer)
            hi = f"आंशिक रूप से सही: {missing} सही विकल्प छूट गए, {extra} ग़लत चुने गए।"
            en = f"partly right: {missing} correct option(s) missing, {extra} wrong one(s) chosen."
        elif self.multiple:
            hi, en = "एक से अधिक विकल्प सही हो सकते हैं; फिर से देखिए।", "more than one option may be right; look again."
        elif len(chosen) > 1:
            hi, en = "इस प्रश्न में केवल एक विकल्प सही है।", "only one option is right in this question."
        else:
            hi, en = f"\"{''.join(sorted(chosen))}\" सही विकल्प नहीं है।", f"\"{''.join(sorted(chosen))}\" is not the right option."
        r = wrong(hi, en)
        if notes:
            r.message = T("\n".join([r.message.hi] + [n.hi for n in notes]),
                          "\n".join([r.message.en] + [n.en for n in notes]))
        return r

    def prompt_markdown(self, lang):
        opts = "\n".join(f"- **{LETTERS[i]})** {o.render(lang)}" for i, o in enumerate(self.options))
        help_ = self._format_help()
        if lang in ("hi", "en"):
            note = getattr(help_, lang)
            if self.multiple:
                note = {"hi": "एक से अधिक विकल्प सही हो सकते हैं: ", "en": "more than one option may be right: "}[lang] + note
            note = note[0].upper() + note[1:]
            return f"{self.prompt.render(lang)}\n\n{opts}\n\n*{note}{'।' if lang == 'hi' else '.'}*"
        return f"{self.prompt.render(lang)}\n\n{opts}"


def _as_bool(answer):
    """True/False from a bool, a NumPy bool or a one-element bool tensor/array; None for anything else."""
    if isinstance(answer, bool):
        return answer
    dtype = str(getattr(answer, "dtype", ""))
    if "bool" in dtype:
        size = answer.numel() if hasattr(answer, "numel") else getattr(answer, "size", 0)
        if size == 1:
            return bool(answer.item())
    return None


class TrueFalse(Question):
    """A statement to mark ``True`` or ``False``."""

    kind = T("सही/ग़लत", "true or false")

    def __init__(self, id, prompt, answer: bool, **kw):
        super().__init__(id, prompt, **kw)
        self.answer = bool(answer)

    def grade(self, answer):
        value = _as_bool(answer)
        if value is None:
            return bad_format(f"उत्तर True या False होना चाहिए (bool); मिला: {_clip(answer)}",
                              f"answer True or False (a bool); got {_clip(answer)}")
        if value == self.answer:
            return Result(PASS, self.explanation or T("", ""))
        why = self.explanation or T("", "")
        return wrong(f"यह कथन {'सही' if self.answer else 'ग़लत'} है। {why.hi}".strip(),
                     f"the statement is {self.answer}. {why.en}".strip())


def _clip(value, n: int = 80) -> str:
    text = repr(value) if not isinstance(value, (list, tuple)) or len(value) < 50 else \
        f"{type(value).__name__} of {len(value)} items"
    return text if len(text) <= n else text[:n - 3] + "..."


def _as_float(answer):
    if isinstance(answer, bool) or "bool" in str(getattr(answer, "dtype", "")):
        raise TypeError("bool")
    if isinstance(answer, complex) or "complex" in str(getattr(answer, "dtype", "")):
        raise TypeError("complex")
    if hasattr(answer, "item") and getattr(answer, "numel", lambda: getattr(answer, "size", 1))() == 1:
        answer = answer.item()
    if isinstance(answer, str):
        answer = answer.strip().replace(",", "")   # "4,01,920" (Indian grouping) and "401,920"
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
        except (TypeError, ValueError, OverflowError):
            return bad_format(f"उत्तर एक संख्या होनी चाहिए; मिला: {_clip(answer)}", f"answer with a number; got {_clip(answer)}")
        if math.isnan(value):
            return wrong("आपका उत्तर nan (not a number) है: कहीं 0/0 या किसी ऋणात्मक संख्या का log/sqrt तो नहीं?",
                         "your answer is nan (not a number): a 0/0, or the log or sqrt of a negative number?")
        if math.isclose(value, self.answer, rel_tol=self.rel_tol, abs_tol=self.abs_tol):
            return Result(PASS, self.explanation or T("", ""))
        for bad, why in self.mistakes.items():
            if math.isclose(value, bad, rel_tol=self.rel_tol, abs_tol=self.abs_tol):
                return wrong(f"आपका उत्तर {value:g} है। {why.hi}", f"you answered {value:g}. {why.en[:1].upper()}{why.en[1:]}")
        direction = T("बहुत बड़ा", "too large") if value > self.answer else T("बहुत छोटा", "too small")
        return wrong(f"आपका उत्तर {value:g} {direction.hi} है।", f"your answer {value:g} is {direction.en}.")


def _dim(s) -> int:
    """One dimension of a shape: a whole number (int, NumPy int, 32.0, '३२'), never a bool or 16.5."""
    if isinstance(s, bool) or "bool" in str(getattr(s, "dtype", "")):
        raise TypeError("bool")
    if hasattr(s, "item"):
        s = s.item()
    value = float(s)
    if not value.is_integer():
        raise ValueError(f"{s!r} is not a whole number")
    return int(value)


def _shape_of(answer, expected: tuple):
    """The shape a learner means: a tuple/list/torch.Size of whole numbers, or a tensor's ``.shape``."""
    if isinstance(answer, (str, dict, set, frozenset, bool)) or answer is None:
        raise TypeError(type(answer).__name__)
    shape = getattr(answer, "shape", None)
    if shape is not None:
        dtype = str(getattr(answer, "dtype", ""))
        if len(shape) == 1 and "int" in dtype and shape[0] == len(expected):
            values = tuple(int(v) for v in answer.tolist())   # torch.tensor([32, 64]) meant as the shape itself
            if values == expected:
                return values
        return tuple(int(s) for s in shape)
    if not isinstance(answer, (tuple, list)) and type(answer).__name__ != "Size":
        raise TypeError(type(answer).__name__)
    if len(answer) > 32:
        raise ValueError("too many dimensions")
    return tuple(_dim(s) for s in answer)


class Shape(Question):
    """A tensor shape, e.g. ``(5, 10, 20)``; a tensor is also accepted (its ``.shape`` is used)."""

    kind = T("shape का प्रश्न", "tensor shape")

    def __init__(self, id, prompt, answer: tuple, *, meaning: str = "", **kw):
        super().__init__(id, prompt, **kw)
        self.answer, self.meaning = tuple(answer), meaning   # meaning: e.g. "(batch, seq_len, hidden_size)"

    def grade(self, answer):
        try:
            got = _shape_of(answer, self.answer)
        except (TypeError, ValueError, OverflowError) as exc:
            whole = "not a whole number" in str(exc)
            why = T(" हर dimension एक पूर्णांक (whole number) होता है: भाग देने के बाद floor (⌊ ⌋) लीजिए।",
                    " Every dimension is a whole number: take the floor (⌊ ⌋) after dividing.") if whole else T("", "")
            if whole:
                return wrong(f"shape में {_clip(answer)} मिला।{why.hi}", f"got {_clip(answer)} as a shape.{why.en}")
            return bad_format("उत्तर एक shape होना चाहिए — पूर्णांकों (integers) का tuple, जैसे (2, 3) — या एक tensor; "
                              f"मिला: {_clip(answer)}",
                              f"answer with a shape — a tuple of integers such as (2, 3) — or a tensor; got {_clip(answer)}")
        if got == self.answer:
            return Result(PASS, self.explanation or T("", ""))
        m = f" = {self.meaning}" if self.meaning else ""
        if len(got) != len(self.answer):
            return wrong(f"अपेक्षित shape {self.answer}{m}, मिला {got}: dimensions की संख्या {len(self.answer)} होनी चाहिए, "
                         f"{len(got)} नहीं।",
                         f"expected shape {self.answer}{m}, got {got}: it should have {len(self.answer)} dimensions, "
                         f"not {len(got)}.")
        return wrong(f"अपेक्षित shape {self.answer}{m}, मिला {got}।", f"expected shape {self.answer}{m}, got {got}.")


def _as_array(value):
    """A float64 NumPy array of a tensor, array or nested list; TypeError for None, text or complex numbers."""
    import numpy as np

    value, _ = to_cpu(value)
    if hasattr(value, "detach"):
        value = value.detach().numpy()
    if value is None or isinstance(value, (str, dict, set)) or np.iscomplexobj(value):
        raise TypeError(type(value).__name__)
    return np.asarray(value, dtype=float)


class TensorValues(Question):
    """Tensor (or array) values, compared element-wise within ``atol``."""

    kind = T("tensor के मान", "tensor values")

    def __init__(self, id, prompt, answer, *, atol: float = 1e-6, **kw):
        super().__init__(id, prompt, **kw)
        self.answer, self.atol = answer, atol

    def grade(self, answer):
        import numpy as np

        exp = np.asarray(self.answer, dtype=float)
        _, note = to_cpu(answer)
        shape = getattr(answer, "shape", None)
        if shape is not None and tuple(shape) != exp.shape:      # before any copy of a large tensor
            return wrong(f"shape अलग है: अपेक्षित {exp.shape}, मिला {tuple(shape)}।",
                         f"wrong shape: expected {exp.shape}, got {tuple(shape)}.")
        try:
            got = _as_array(answer)
        except (TypeError, ValueError):
            return bad_format(f"उत्तर एक tensor, array या संख्याओं की list होना चाहिए; मिला: {type(answer).__name__}",
                              f"answer with a tensor, an array or a list of numbers; got a {type(answer).__name__}")
        if got.shape != exp.shape:
            return wrong(f"shape अलग है: अपेक्षित {exp.shape}, मिला {got.shape}।",
                         f"wrong shape: expected {exp.shape}, got {got.shape}.")
        diff = np.abs(got - exp)
        if np.all(diff <= self.atol):
            r = Result(PASS, self.explanation or T("", ""))
        else:
            diff = np.where(np.isnan(diff), np.inf, diff)
            i = np.unravel_index(int(np.argmax(diff)), diff.shape)
            r = wrong(f"index {tuple(int(k) for k in i)} पर आपका मान {got[i]:.6g} है, अपेक्षित {exp[i]:.6g} "
                      f"(सबसे बड़ा अंतर {diff[i]:.3g})।",
                      f"at index {tuple(int(k) for k in i)} you have {got[i]:.6g}, expected {exp[i]:.6g} "
                      f"(largest difference {diff[i]:.3g}).")
        if note:
            r.message = T(f"{r.message.hi} {note.hi}".strip(), f"{r.message.en} {note.en}".strip())
        return r


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
        shown = unlocked(self)          # None: locked in class mode (the reason was shown)
        if shown is None:
            return
        _record_event(self.notebook, self.id, "solution")
        answer = shown["model_answer"] or shown["explanation"] or T("", "")
        emit("🔑 " + T("आदर्श उत्तर", "Model answer").render() + "\n" + answer.render())

    def mark_done(self) -> None:
        """Record this open question as done in your progress file."""
        self.last_result = Result(PASS, T("पूरा किया", "done"))
        _progress.record(self.notebook, self.id, "done")
        emit("✅ " + f"{self.id}: " + T("पूरा हुआ, यह दर्ज कर लिया गया।", "marked as done.").render())
