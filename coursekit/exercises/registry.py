"""The question banks by name: which exist, their modules, fresh question objects for one exercise notebook."""
from __future__ import annotations

import importlib
import pkgutil
from typing import TYPE_CHECKING

from ..i18n import CourseError
from . import banks as _banks_pkg

if TYPE_CHECKING:
    from .core import Question


def bank_names() -> list[str]:
    """Names of all question banks, e.g. ["00_welcome", "01_deep_neural_networks"]."""
    return sorted(m.name[2:] for m in pkgutil.iter_modules(_banks_pkg.__path__) if m.name.startswith("nb"))


def bank(name: str):
    """The bank module for an exercise notebook name such as "00_welcome"."""
    if name not in bank_names():
        raise CourseError(f"'{name}' नाम का कोई अभ्यास नहीं है; उपलब्ध: {bank_names()}",
                          f"no exercise set called '{name}'; available: {bank_names()}")
    return importlib.import_module(f"{_banks_pkg.__name__}.nb{name}")


def load(name: str) -> list[Question]:
    """Fresh question objects for one exercise notebook, in order (q1, q2, ...)."""
    questions = bank(name).questions()
    for q in questions:
        q.notebook = name
    return questions
