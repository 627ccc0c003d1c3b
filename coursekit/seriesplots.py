"""Plots of a time series (notebooks 09 and 18): the series, its rolling mean and spread, and one sliding window.

* :func:`plot_series` (with :func:`date_axis` for readable dates), :func:`plot_rolling` and :func:`plot_window`.
"""
from __future__ import annotations

import numpy as np


def _ylabel(s) -> str:
    units = getattr(s, "attrs", {}).get("units")
    name = getattr(s, "name", None) or "value"
    return f"{name} ({units})" if units else str(name)


def date_axis(ax):
    """Short, non-overlapping date labels on the x-axis (matplotlib's ConciseDateFormatter)."""
    import matplotlib.dates as mdates

    locator = mdates.AutoDateLocator(minticks=3, maxticks=8)
    # centuries of data (sunspots): allow steps of 50 to 500 years, or matplotlib warns and guesses
    locator.intervald[mdates.YEARLY] = [1, 2, 4, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000]
    ax.xaxis.set_major_locator(locator)
    ax.xaxis.set_major_formatter(mdates.ConciseDateFormatter(locator))
    return ax


def plot_series(s, title: str | None = None, ax=None, label: str | None = None, xlabel: str = "समय / time",
                ylabel: str | None = None, **style):
    """Line plot of a pandas Series over its dates (gaps show as breaks), labelled axes."""
    import matplotlib.pyplot as plt

    from . import plotting  # noqa: F401  (registers the Devanagari font)

    if ax is None:
        _, ax = plt.subplots(figsize=(9, 3.2))
    ax.plot(s.index, s.to_numpy(), label=label, **style)
    date_axis(ax)
    ax.set_title(title or str(getattr(s, "name", "")))
    ax.set_xlabel(xlabel)
    ax.set_ylabel(ylabel or _ylabel(s))
    ax.grid(alpha=0.3)
    if label:
        ax.legend()
    return ax


def plot_rolling(s, window: int, title: str | None = None, axes=None):
    """The series with its rolling mean (top) and rolling standard deviation (bottom)."""
    import matplotlib.pyplot as plt

    from .timeseries import rolling_stats

    stats = rolling_stats(s, window)
    if axes is None:
        _, axes = plt.subplots(2, 1, figsize=(9, 4.8), sharex=True)
    plot_series(s, title=title, ax=axes[0], label="series", alpha=0.6, lw=0.8, xlabel="")
    axes[0].plot(stats.index, stats["mean"], color="C3", lw=2, label=f"rolling mean ({window})")
    axes[0].legend()
    axes[1].plot(stats.index, stats["std"], color="C2", label=f"rolling std ({window})")
    date_axis(axes[1])
    axes[1].set_xlabel("समय / time")
    axes[1].set_ylabel(f"std ({getattr(s, 'attrs', {}).get('units', '')})")
    axes[1].grid(alpha=0.3)
    axes[1].legend()
    plt.tight_layout()
    return axes


def plot_window(values, window: int, horizon: int = 1, i: int = 0, ax=None, title: str | None = None):
    """Draw window i of a 1-D series: its input steps, and the target step(s) it should predict."""
    import matplotlib.pyplot as plt

    from . import plotting  # noqa: F401
    from .timeseries import _as_2d

    v = _as_2d(values)[:, 0].numpy()
    if ax is None:
        _, ax = plt.subplots(figsize=(9, 3))
    span = np.arange(len(v))
    ax.plot(span, v, color="0.7", lw=1, label="series")
    ax.plot(span[i:i + window], v[i:i + window], "o-", color="C0", ms=4, label=f"input: {window} steps")
    ax.plot(span[i + window:i + window + horizon], v[i + window:i + window + horizon], "s", color="C3", ms=7,
            label=f"target: next {horizon}")
    ax.set_title(title or f"window {i}")
    ax.set_xlabel("step t")
    ax.set_ylabel("value")
    ax.grid(alpha=0.3)
    ax.legend(fontsize=8)
    return ax
