"""coursekit: the helper package of the bilingual (Hindi/English) deep-learning course.

The notebooks import what they need from here::

    import coursekit
    dev = coursekit.device()          # CUDA, then Apple MPS, then CPU
    coursekit.seed_everything(0)
    history = coursekit.fit(model, loaders["train"], loaders["val"], epochs=10)

Heavy modules (torch, matplotlib) load only when first used, so that
``python -m coursekit setup`` runs before anything is installed.
"""
from __future__ import annotations

import importlib

from .i18n import CourseError, T, get_language, set_language

__version__ = "0.1.0"

_LAZY = {
    "device": "utils", "seed_everything": "utils", "environment_report": "utils", "headline": "utils",
    "fit": "training", "evaluate": "training", "predict": "training", "targets_of": "training",
    "MLP": "models", "MLPConfig": "models", "count_parameters": "models",
    "plot_history": "plotting",
    "glossary": "glossary",
}
_SUBMODULES = {"data", "models", "training", "plotting", "diagnostics", "exercises", "utils", "glossary", "conv",
               "architectures", "vision", "metrics", "batchnorm", "init", "deepnets", "text", "corpora", "timeseries",
               "seriesplots", "forecast", "rnn", "rnnplots", "nextword", "rnntypes", "rnntypeplots", "bptt", "gates",
               "gatediagrams", "stacked", "classifiers", "sentiment", "lmdata", "ngram", "langmodel"}

__all__ = ["CourseError", "T", "get_language", "set_language", "progress", *_LAZY, *sorted(_SUBMODULES)]


def progress():
    """Show which practice questions you have passed (see ``coursekit.exercises.progress``)."""
    from .exercises import progress as _progress

    return _progress()


def __getattr__(name):
    if name in _LAZY:
        module = importlib.import_module(f".{_LAZY[name]}", __name__)
        return getattr(module, name)
    if name in _SUBMODULES:
        return importlib.import_module(f".{name}", __name__)
    raise AttributeError(f"module 'coursekit' has no attribute {name!r}")
