"""Results that hold on every machine: repeated seeds, spreads and checked claims.

A trained network's accuracy depends on the seed, and even on the CPU and the number of threads (the order of
floating-point sums changes). So a notebook that interprets an experiment:

1. fixes what can be fixed: ``set_deterministic()`` (thread count, deterministic algorithms);
2. repeats the experiment over several seeds: ``repeat_seeds(fn, seeds)`` gathers every number into a
   ``Spread`` (mean, minimum, maximum), which prints as ``92.5% [86.5%, 98.8%]``; ``spread_table`` prints many;
3. checks the sentence its prose says with ``claim(condition, hi, en)``: when the claim does not hold on this
   machine, the run stops with a bilingual ``ClaimFailed`` naming the measured numbers, so that ``make course``
   and ``make test`` fail instead of printing a paragraph that the numbers above it contradict.
"""
from __future__ import annotations

import math
import os
import statistics
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from numbers import Real

from .i18n import CourseError, T, bilingual, check_positive_int

THREADS_ENV = "COURSEKIT_THREADS"


class ClaimFailed(AssertionError):
    """A claim of the lesson's text did not hold in this run; the message (Hindi and English) names the numbers."""

    def __init__(self, hi: str, en: str):
        self.hi, self.en = hi, en
        super().__init__(bilingual(
            f"पाठ का दावा इस run में सही नहीं निकला: {hi} नीचे का पाठ इन नतीजों पर लागू नहीं होता; seeds, settings "
            f"और threads की संख्या (environment variable {THREADS_ENV}) देखिए, और ये संख्याएँ course के लेखकों को भेजिए।",
            f"A claim of the lesson's text did not hold in this run: {en} The text below does not apply to these "
            f"results; check the seeds, the settings and the number of threads (environment variable {THREADS_ENV}), "
            f"and send these numbers to the course authors."))


def claim(condition, hi: str, en: str) -> None:
    """Check a claim of the text: print it with ✓ when ``condition`` is true, raise ``ClaimFailed`` when not.

    ``hi`` and ``en`` state the claim with the measured numbers, e.g.
    ``claim(lstm.min - rnn.max >= 0.2, f"... {lstm.min:.0%} ...", f"... {lstm.min:.0%} ...")``.
    """
    if hasattr(condition, "item"):                                 # a NumPy bool or a one-element tensor
        try:
            condition = condition.item()
        except (RuntimeError, ValueError):                         # more than one element
            pass
    if not isinstance(condition, bool):
        raise CourseError(f"claim() की शर्त True या False होनी चाहिए; मिला {condition!r}।",
                          f"the condition of claim() must be True or False; got {condition!r}.")
    if not condition:
        raise ClaimFailed(hi, en)
    print(T(f"✓ दावा सही: {hi}", f"✓ claim holds: {en}"))


@dataclass(frozen=True)
class Spread:
    """The values of one number over several seeds; ``f"{s:.1%}"`` gives ``"mean [min, max]"``."""

    values: tuple

    def __post_init__(self):
        values = tuple(float(v) for v in self.values)
        if not values or not all(math.isfinite(v) for v in values):
            raise CourseError(f"Spread को कम से कम एक finite संख्या चाहिए; मिला {self.values!r}।",
                              f"a Spread needs at least one finite number; got {self.values!r}.")
        object.__setattr__(self, "values", values)

    @property
    def mean(self) -> float:
        return statistics.fmean(self.values)

    @property
    def min(self) -> float:
        return min(self.values)

    @property
    def max(self) -> float:
        return max(self.values)

    def __len__(self) -> int:
        return len(self.values)

    def __format__(self, spec: str) -> str:
        if len(self.values) == 1:
            return format(self.values[0], spec)
        return f"{self.mean:{spec}} [{self.min:{spec}}, {self.max:{spec}}]"

    def per_seed(self, spec: str = ".1%") -> str:
        return " ".join(format(v, spec) for v in self.values)


def _is_number(value) -> bool:
    return isinstance(value, Real) and not isinstance(value, bool)


def repeat_seeds(fn: Callable[[int], object], seeds: Iterable[int]):
    """Run ``fn(seed)`` for every seed and gather the results.

    ``fn`` returns a number, or a dict. A number becomes one ``Spread``. In a dict, every number becomes a
    ``Spread`` over the seeds, and every other value (a history, a model) a list in seed order.
    """
    seeds = list(seeds)
    if not seeds:
        raise CourseError("repeat_seeds को कम से कम एक seed चाहिए।", "repeat_seeds needs at least one seed.")
    results = [fn(seed) for seed in seeds]
    if all(_is_number(r) for r in results):
        return Spread(tuple(results))
    if not all(isinstance(r, dict) for r in results) or any(r.keys() != results[0].keys() for r in results):
        raise CourseError("fn(seed) को हर seed पर एक संख्या, या एक ही keys वाला dict लौटाना चाहिए।",
                          "fn(seed) must return a number, or a dict with the same keys, for every seed.")
    gathered = {}
    for key in results[0]:
        values = [r[key] for r in results]
        gathered[key] = Spread(tuple(values)) if all(_is_number(v) for v in values) else values
    return gathered


def spread_table(rows: dict, spec: str = ".1%", label: str = "", per_seed: bool = True) -> str:
    """A text table: one row per key of ``rows``.

    ``rows`` maps a row label to a ``Spread`` (columns: mean, [min, max], per seed) or to a dict of column label →
    ``Spread`` (one "mean [min, max]" cell per column).
    """
    if not rows:
        raise CourseError("spread_table को कम से कम एक row चाहिए।", "spread_table needs at least one row.")
    width = max(len(label), *(len(str(k)) for k in rows))
    first = next(iter(rows.values()))
    if isinstance(first, Spread):
        cells = {k: (format(s.mean, spec), f"[{s.min:{spec}}, {s.max:{spec}}]", s.per_seed(spec))
                 for k, s in rows.items()}
        heads = ("mean", "[min, max]", "per seed")[:3 if per_seed else 2]
    else:
        heads = tuple(str(c) for c in first)
        cells = {k: tuple(format(row[c], spec) for c in first) for k, row in rows.items()}
    widths = [max(len(h), *(len(c[i]) for c in cells.values())) for i, h in enumerate(heads)]
    lines = [f"{label:<{width}} | " + " | ".join(f"{h:>{w}}" for h, w in zip(heads, widths))]
    lines.append("-" * len(lines[0]))
    lines += [f"{str(k):<{width}} | " + " | ".join(f"{c:>{w}}" for c, w in zip(cs, widths)) for k, cs in cells.items()]
    return "\n".join(lines)


def set_deterministic(threads: int = 1) -> int:
    """Fix what makes a CPU run differ between runs: the number of threads, and deterministic algorithms.

    The environment variable ``COURSEKIT_THREADS`` overrides ``threads`` (to check a notebook with 1 and 2
    threads). Returns the number of threads in force. Different machines can still give different numbers
    (their floating-point kernels differ), which is why the notebooks repeat seeds and check claims.
    """
    import torch

    env = os.environ.get(THREADS_ENV, "").strip()
    if env:
        if not env.isdigit() or int(env) < 1:
            raise CourseError(f"{THREADS_ENV} एक धनात्मक पूर्णांक होना चाहिए; मिला {env!r}।",
                              f"{THREADS_ENV} must be a positive integer; got {env!r}.")
        threads = int(env)
    threads = check_positive_int(threads, "threads")
    torch.set_num_threads(threads)
    torch.use_deterministic_algorithms(True, warn_only=True)
    return threads
