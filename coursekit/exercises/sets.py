"""Set-up cells that survive a kernel restart.

Every code cell of an exercise notebook starts with ``from coursekit.exercises.sets.ex04 import *``. The first
time in a kernel it loads the questions of practice set 04 (q1, q2, …), the placeholder ``____``, ``progress``
and the imports the questions use (``torch``, ``nn``, …), and applies the feedback language saved in the
progress file; every later run gives back the same question objects, so hints already seen are remembered.
After a restart, any exercise cell therefore sets itself up again instead of failing with ``NameError``.
"""
from __future__ import annotations

import os
import sys
import types

from . import bank, bank_names, load, progress
from .core import ____

_QUESTIONS: dict[str, list] = {}


def questions(name: str) -> list:
    """The question objects of practice set ``name`` for this kernel (created once, then reused)."""
    if name not in _QUESTIONS:
        _QUESTIONS[name] = load(name)
    return _QUESTIONS[name]


def restore_language() -> None:
    """Apply the feedback language the learner chose last time (kept in the progress file)."""
    from .. import i18n
    from .core import _progress  # the module (coursekit.exercises.progress is the function)

    get_setting = getattr(_progress, "get_setting", None)
    lang = get_setting("language") if get_setting else None
    if i18n._language is None and not os.environ.get("COURSEKIT_LANG") and lang in i18n.LANGUAGES:
        i18n._language = lang


def _exports(name: str) -> dict:
    ns: dict = {}
    exec("import coursekit\n" + (getattr(bank(name), "SETUP", "") or ""), ns)
    out = {k: v for k, v in ns.items() if not k.startswith("_")}
    out.update({q.id: q for q in questions(name)})
    out.update({"____": ____, "progress": progress})
    return out


def _make_module(name: str) -> types.ModuleType:
    module = types.ModuleType(f"{__name__}.ex{name[:2]}", f"Practice set {name}: questions, ____ and imports.")

    def __getattr__(attr):
        if attr.startswith("__") and attr != "__all__":
            raise AttributeError(attr)
        exports = _exports(name)
        module.__dict__.update(exports)
        module.__all__ = sorted(exports)
        restore_language()
        if attr not in module.__dict__:
            raise AttributeError(f"practice set {name} has no {attr!r}")
        return module.__dict__[attr]

    module.__getattr__ = __getattr__
    return module


def module_name(name: str) -> str:
    """``coursekit.exercises.sets.ex04`` for practice set ``04_batch_normalization``."""
    return f"{__name__}.ex{name[:2]}"


for _name in bank_names():
    _module = _make_module(_name)
    sys.modules[_module.__name__] = _module
    setattr(sys.modules[__name__], _module.__name__.rsplit(".", 1)[1], _module)
