"""Code questions: the learner writes a function (or a class), and it is run on test cases beside a reference.

A :class:`Code` question passes when, for every :class:`Case`, the learner's result has the reference's kind
(a LongTensor where one is asked, a tensor and not a list) and equals it within ``atol``; otherwise the feedback
shows the input and the first value that differs.
"""
from __future__ import annotations

import copy
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from ..i18n import T
from .core import PASS, NotAttempted, Question, Result, bad_format, contains_placeholder, to_cpu, wrong
from .kinds import _as_array, _as_bool, _clip


@dataclass
class Case:
    """One test case of a code question: the arguments and, optionally, what it is about."""

    args: tuple = ()
    kwargs: dict = field(default_factory=dict)
    about: T | None = None     # e.g. T("x = 0 पर sigmoid का derivative सबसे बड़ा है", "the sigmoid derivative peaks at x = 0")


def _type_mismatch(got, expected) -> T | None:
    """Why ``got`` is not the kind of value ``expected`` is (a LongTensor, a float tensor, a number…), or None."""
    import numpy as np
    import torch

    if isinstance(expected, torch.Tensor):
        if not isinstance(got, torch.Tensor):
            return T(f"आपके function ने {type(got).__name__} लौटाया; यहाँ एक torch tensor चाहिए ({expected.dtype})",
                     f"your function returned a {type(got).__name__}; a torch tensor ({expected.dtype}) is needed here")
        if not expected.is_floating_point() and got.dtype != expected.dtype:
            return T(f"आपके tensor का dtype {got.dtype} है; यहाँ {expected.dtype} चाहिए"
                     + (" (nn.Embedding को token ids LongTensor में चाहिए)" if expected.dtype == torch.long else ""),
                     f"your tensor has dtype {got.dtype}; {expected.dtype} is needed here"
                     + (" (nn.Embedding needs token ids as a LongTensor)" if expected.dtype == torch.long else ""))
        if expected.is_floating_point() and not got.is_floating_point():
            return T(f"आपके tensor का dtype {got.dtype} है; यहाँ दशमलव वाली संख्याओं (float) का tensor चाहिए",
                     f"your tensor has dtype {got.dtype}; a floating-point tensor is needed here")
    if isinstance(expected, (bool, np.bool_)) and _as_bool(got) is None:
        return T(f"आपके function ने {type(got).__name__} लौटाया; यहाँ True या False चाहिए",
                 f"your function returned a {type(got).__name__}; True or False is needed here")
    return None


def _close(a, b, atol: float) -> bool:
    import numpy as np

    if isinstance(a, str) or isinstance(b, str):
        return a == b
    if isinstance(b, (bool, np.bool_)):
        return _as_bool(a) == bool(b)
    if isinstance(b, (int, float, np.ndarray, list, tuple)) or np.isscalar(b) or hasattr(b, "detach"):
        try:
            a_arr, b_arr = _as_array(a), _as_array(b)
        except (TypeError, ValueError):
            return False
        return a_arr.shape == b_arr.shape and bool(np.allclose(a_arr, b_arr, atol=atol, rtol=0, equal_nan=True))
    return a == b


def _short(value) -> str:
    value, _ = to_cpu(value)
    if hasattr(value, "detach"):
        value = value.detach()
        if value.numel() == 1:
            return f"{value.item():.4g}"
        if value.numel() <= 8 and value.dim() == 1:
            return "tensor([" + ", ".join(f"{v:.4g}" for v in value.tolist()) + "])"
        return f"tensor(shape={tuple(value.shape)}, dtype={str(value.dtype).replace('torch.', '')})"
    if isinstance(value, float):
        return f"{value:.4g}"
    if type(value).__name__ == "ndarray":
        if value.size <= 8 and value.ndim == 1 and value.dtype.kind in "biuf":
            return "array([" + ", ".join(f"{v:.4g}" for v in value.tolist()) + "])"
        return f"array(shape={value.shape}, dtype={value.dtype})"
    return _clip(value)


def _first_difference(got, expected) -> str:
    """' (at index (1, 2): 0.5 instead of 0.25)' for arrays of the same shape, else ''."""
    import numpy as np

    try:
        a, b = _as_array(got), _as_array(expected)
    except (TypeError, ValueError):
        return ""
    if a.shape != b.shape or a.ndim == 0:
        return ""
    diff = np.where(np.isnan(a - b), np.inf, np.abs(a - b))
    i = np.unravel_index(int(np.argmax(diff)), diff.shape)
    return f" [{tuple(int(k) for k in i)}: {a[i]:.4g} ≠ {b[i]:.4g}]"


class Code(Question):
    """A function the learner writes, run on test cases and compared with a reference.

    Either give ``reference`` and ``cases`` (outputs are compared within ``atol``; the returned type must match
    the reference's — a LongTensor where one is asked), or a ``grader(answer) -> Result`` for anything else
    (e.g. an ``nn.Module`` compared with the matching ``torch.nn`` layer: see :mod:`.modcheck`). Every call gets
    a fresh deep copy of the case's inputs, so an answer that changes its input in place cannot spoil later cases.
    """

    kind = T("code का प्रश्न", "code")

    def __init__(self, id, prompt, *, reference: Callable | None = None, cases: Sequence[Case] = (),
                 grader: Callable | None = None, atol: float = 1e-6, **kw):
        super().__init__(id, prompt, **kw)
        self.reference, self.cases, self.grader, self.atol = reference, list(cases), grader, atol
        assert grader or (reference and self.cases), f"{id}: give a grader, or a reference and cases"

    def grade(self, answer):
        if not callable(answer):
            return bad_format(f"उत्तर एक function (या class) होना चाहिए जिसे call किया जा सके; मिला: {type(answer).__name__}",
                              f"answer with a function (or class) that can be called; got a {type(answer).__name__}")
        if self.grader is not None:
            return self.grader(answer)
        for case in self.cases:
            expected = self.reference(*copy.deepcopy(case.args), **copy.deepcopy(case.kwargs))
            got = answer(*copy.deepcopy(case.args), **copy.deepcopy(case.kwargs))
            if contains_placeholder(got):
                raise NotAttempted()
            args = ", ".join(_short(a) for a in case.args)
            about_hi = f" ({case.about.hi})" if case.about else ""
            about_en = f" ({case.about.en})" if case.about else ""
            mismatch = _type_mismatch(got, expected)
            if mismatch is not None:
                return wrong(f"input ({args}) के लिए: {mismatch.hi}{about_hi}।", f"for input ({args}): {mismatch.en}{about_en}.")
            if not _close(got, expected, self.atol):
                where = _first_difference(got, expected)
                return wrong(f"input ({args}) के लिए आपके function ने {_short(got)} लौटाया, अपेक्षित {_short(expected)}"
                             f"{where}{about_hi}।",
                             f"your function returned {_short(got)} for input ({args}), expected {_short(expected)}"
                             f"{where}{about_en}.")
        return Result(PASS, self.explanation or T(f"सभी {len(self.cases)} test cases पास हुए।",
                                                  f"all {len(self.cases)} test cases pass."))
