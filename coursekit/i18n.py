"""Language settings and bilingual messages (Hindi / English).

Every message the course prints to a learner comes in both languages; the
learner can choose one with ``coursekit.set_language("hi")`` or the
environment variable ``COURSEKIT_LANG`` (``hi``, ``en`` or ``both``).
"""
from __future__ import annotations

import os
from dataclasses import dataclass

LANGUAGES = ("hi", "en", "both")
_language: str | None = None


def set_language(lang: str, announce: bool = True) -> None:
    """Choose the language of feedback, hints and errors: "hi", "en" or "both" (and say so)."""
    global _language
    if lang not in LANGUAGES:
        raise ValueError(
            f"भाषा (language) इनमें से एक होनी चाहिए: {LANGUAGES}; मिली: {lang!r}।\n"
            f"language must be one of {LANGUAGES}; got {lang!r}"
        )
    _language = lang
    for listener in _listeners:          # e.g. the exercises remember the choice in the progress file
        listener(lang)
    names = {"hi": ("केवल हिंदी", "Hindi only"), "en": ("केवल English", "English only"),
             "both": ("हिंदी और English", "Hindi and English")}[lang]
    if announce:
        print(T(f"feedback की भाषा: {names[0]}", f"feedback language: {names[1]}").render(lang))


_listeners: list = []


def get_language() -> str:
    """The language in force: set_language() wins, then COURSEKIT_LANG, then "both"."""
    if _language is not None:
        return _language
    env = os.environ.get("COURSEKIT_LANG", "both").strip().lower()
    return env if env in LANGUAGES else "both"


@dataclass(frozen=True)
class T:
    """A text in two languages. ``str(T(...))`` follows the current language."""

    hi: str
    en: str

    def render(self, lang: str | None = None) -> str:
        lang = lang or get_language()
        if lang == "hi":
            return self.hi
        if lang == "en":
            return self.en
        return self.hi if self.hi == self.en else f"{self.hi}\n{self.en}"

    def format(self, **kwargs) -> T:
        return T(self.hi.format(**kwargs), self.en.format(**kwargs))

    def __str__(self) -> str:
        return self.render()


def bilingual(hi: str, en: str) -> str:
    """Both languages, one per line (used for errors, which must always be bilingual)."""
    return f"{hi}\n{en}"


class CourseError(ValueError):
    """A ValueError whose message is always given in Hindi and English."""

    def __init__(self, hi: str, en: str):
        self.hi, self.en = hi, en
        super().__init__(bilingual(hi, en))


def _is_int(value) -> bool:
    """True for a Python or NumPy whole number (not a bool, not a float such as 3.0)."""
    import numbers

    return isinstance(value, numbers.Integral) and not isinstance(value, bool)


def check_positive_int(value, name: str) -> int:
    """``value`` if it is a whole number ≥ 1 (Python or NumPy int, not bool); otherwise a bilingual CourseError."""
    if not _is_int(value) or value < 1:
        raise CourseError(f"{name} एक धनात्मक पूर्णांक (positive integer: 1, 2, 3, …) होना चाहिए; मिला {value!r}।",
                          f"{name} must be a positive integer (1, 2, 3, …); got {value!r}.")
    return int(value)


def check_nonneg_int(value, name: str) -> int:
    """``value`` if it is a whole number ≥ 0 (Python or NumPy int, not bool); otherwise a bilingual CourseError."""
    if not _is_int(value) or value < 0:
        raise CourseError(f"{name} 0 या उससे बड़ा पूर्णांक (integer: 0, 1, 2, …) होना चाहिए; मिला {value!r}।",
                          f"{name} must be a non-negative integer (0, 1, 2, …); got {value!r}.")
    return int(value)
