"""A code question (reference + cases) whose checker also names the known mistake a wrong answer makes.

``CodeWithMistakes(..., mistakes=[(wrong_fn, T(hi, en)), ...])`` grades like :class:`Code` (fresh copies of the
inputs, the return type checked, values compared); when the answer fails and it gives the same results as one of
the ``wrong_fn`` on every case, that mistake's explanation is added to the message. Every ``wrong_fn`` is also a
known-wrong answer of the question (``q.wrong_examples``). Shared by the banks of notebooks 12–18.
"""
from __future__ import annotations

import copy

from ...i18n import T
from ..codecheck import Code, _close, _type_mismatch
from ..core import FAIL


class CodeWithMistakes(Code):
    """:class:`Code` with reference and cases, plus the explanations of known mistakes."""

    def __init__(self, id, prompt, *, mistakes=(), wrongs=(), **kw):
        self.mistakes = list(mistakes)
        super().__init__(id, prompt, wrongs=[*wrongs, *(fn for fn, _ in self.mistakes)], **kw)

    def grade(self, answer):
        result = super().grade(answer)
        if result.status == FAIL and callable(answer):
            why = self.which_mistake(answer)
            if why is not None:
                result.message = T(f"{result.message.hi}\n{why.hi}", f"{result.message.en}\n{why.en}")
        return result

    def which_mistake(self, answer) -> T | None:
        """The explanation of the known mistake ``answer`` makes on every case, or None."""
        for fn, why in self.mistakes:
            if all(self._agrees(answer, fn, case) for case in self.cases):
                return why
        return None

    def _agrees(self, answer, fn, case) -> bool:
        try:
            got = answer(*copy.deepcopy(case.args), **copy.deepcopy(case.kwargs))
            bad = fn(*copy.deepcopy(case.args), **copy.deepcopy(case.kwargs))
        except Exception:  # a learner's code may raise anything; then it is not this mistake
            return False
        return _type_mismatch(got, bad) is None and _close(got, bad, self.atol)
