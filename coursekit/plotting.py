"""Plots for the course, with Hindi (Devanagari) text that renders correctly.

Importing this module registers the bundled Noto Sans Devanagari font and sets
a fallback chain: Latin text keeps matplotlib's default font (DejaVu Sans) and
Devanagari characters fall back to Noto Sans Devanagari.

Two traps, explained in notebook 00:

* matplotlib older than 3.11 does not *shape* Devanagari: conjuncts and matras
  come out broken, with no error at all. We check the version and warn.
* A string with ``$...$`` goes whole to the math renderer, which does not shape
  Hindi either. Keep Hindi words and maths in separate strings (for example a
  Hindi title and an English/math axis label).
"""
from __future__ import annotations

import warnings
from pathlib import Path

import matplotlib
from matplotlib import font_manager

from .i18n import bilingual

FONT_DIR = Path(__file__).parent / "fonts"
DEVANAGARI_FONT = "Noto Sans Devanagari"
MIN_MATPLOTLIB = (3, 11)


def _version_tuple(version: str) -> tuple[int, ...]:
    parts = []
    for piece in version.split(".")[:2]:
        digits = "".join(ch for ch in piece if ch.isdigit())
        parts.append(int(digits or 0))
    return tuple(parts)


def check_matplotlib(version: str | None = None) -> bool:
    """True when this matplotlib shapes Devanagari; otherwise warn (in both languages)."""
    version = version or matplotlib.__version__
    if _version_tuple(version) >= MIN_MATPLOTLIB:
        return True
    warnings.warn(
        bilingual(
            f"matplotlib {version} हिंदी (देवनागरी) अक्षरों को ठीक से नहीं जोड़ता: मात्राएँ और संयुक्त अक्षर "
            "टूटे दिखेंगे, और कोई error नहीं आएगा। matplotlib>=3.11 install कीजिए (make course यही करता है)।",
            f"matplotlib {version} does not shape Devanagari: matras and conjuncts will look broken, "
            "silently. Install matplotlib>=3.11 (make course does).",
        ),
        stacklevel=2,
    )
    return False


def register_fonts() -> list[str]:
    """Register the bundled fonts with matplotlib and set the fallback chain."""
    added = []
    for path in sorted(FONT_DIR.glob("*.ttf")):
        font_manager.fontManager.addfont(str(path))
        added.append(path.name)
    family = list(matplotlib.rcParams["font.family"])
    if family == ["sans-serif"]:
        family = ["DejaVu Sans"]
    if DEVANAGARI_FONT not in family:
        family.append(DEVANAGARI_FONT)
    matplotlib.rcParams["font.family"] = family
    matplotlib.rcParams["axes.unicode_minus"] = False
    return added


register_fonts()
check_matplotlib()


def _plt():
    import matplotlib.pyplot as plt

    return plt


def _label(ax, title: str | None, xlabel: str | None, ylabel: str | None) -> None:
    if title:
        ax.set_title(title)
    if xlabel:
        ax.set_xlabel(xlabel)
    if ylabel:
        ax.set_ylabel(ylabel)


def plot_history(history, metrics=("loss", "acc"), title: str = "training का इतिहास / Training history",
                 xlabel: str = "epoch", axes=None):
    """Plot train/validation curves from the dict returned by :func:`coursekit.fit`.

    One panel per metric; a metric is drawn for every key ``train_<m>``/``val_<m>`` present.
    """
    plt = _plt()
    hist = history if isinstance(history, dict) else history.history
    metrics = [m for m in metrics if f"train_{m}" in hist or f"val_{m}" in hist]
    if not metrics:
        raise ValueError(bilingual(
            f"history में कोई metric नहीं मिला; keys: {sorted(hist)}।",
            f"no metric to plot in history; keys: {sorted(hist)}"))
    if axes is None:
        fig, axes = plt.subplots(1, len(metrics), figsize=(5 * len(metrics), 3.6), squeeze=False)
        axes = axes[0]
    for ax, m in zip(axes, metrics):
        for split, style in (("train", "-o"), ("val", "-s")):
            ys = hist.get(f"{split}_{m}")
            if ys:
                ax.plot(range(1, len(ys) + 1), ys, style, ms=3, label=split)
        _label(ax, f"{title} — {m}", xlabel, m)
        ax.grid(alpha=0.3)
        ax.legend()
    plt.tight_layout()
    return axes


def plot_layer_values(values: dict, title: str, ylabel: str, xlabel: str = "layer", log: bool = True, ax=None,
                      label: str | None = None):
    """Bar/line plot of one number per layer (e.g. gradient norm), layers in order."""
    plt = _plt()
    if ax is None:
        _, ax = plt.subplots(figsize=(7, 3.6))
    names = list(values)
    ax.plot(range(len(names)), [float(v) for v in values.values()], "-o", label=label)
    ax.set_xticks(range(len(names)), names, rotation=45, ha="right", fontsize=8)
    if log:
        ax.set_yscale("log")
    _label(ax, title, xlabel, ylabel)
    ax.grid(alpha=0.3)
    if label:
        ax.legend()
    return ax


def plot_histograms(arrays: dict, title: str, xlabel: str = "मान / value", bins: int = 50, range_=None, axes=None):
    """One histogram per named array, side by side (e.g. activations per layer)."""
    plt = _plt()
    n = len(arrays)
    if axes is None:
        fig, axes = plt.subplots(1, n, figsize=(2.6 * n, 2.8), sharey=True, squeeze=False)
        axes = axes[0]
    for ax, (name, arr) in zip(axes, arrays.items()):
        data = arr.detach().cpu().numpy().ravel() if hasattr(arr, "detach") else arr.ravel()
        ax.hist(data, bins=bins, range=range_, color="tab:blue", alpha=0.8)
        ax.set_title(name, fontsize=9)
        ax.set_xlabel(xlabel)
    axes[0].set_ylabel("गिनती / count")
    axes[0].figure.suptitle(title)
    plt.tight_layout()
    return axes


def plot_images(images, labels=None, ncols: int = 8, title: str | None = None, cmap: str = "gray"):
    """A grid of images (N, H, W), (N, 1, H, W) or RGB (N, 3, H, W) with optional labels over each."""
    plt = _plt()
    images = images.detach().cpu().numpy() if hasattr(images, "detach") else images
    if images.ndim == 4:
        images = images[:, 0] if images.shape[1] == 1 else images.transpose(0, 2, 3, 1)  # -> (N, H, W[, 3])
    n = len(images)
    nrows = (n + ncols - 1) // ncols
    fig, axes = plt.subplots(nrows, ncols, figsize=(1.3 * ncols, 1.5 * nrows), squeeze=False)
    for i, ax in enumerate(axes.ravel()):
        ax.axis("off")
        if i < n:
            ax.imshow(images[i], cmap=cmap)
            if labels is not None:
                ax.set_title(str(labels[i]), fontsize=8)
    if title:
        fig.suptitle(title)
    plt.tight_layout()
    return axes


HINDI_SAMPLE = "नमस्ते! आइए डीप लर्निंग सीखें — क्षमता, ज्ञान, श्रद्धा, प्रशिक्षण"


def hindi_font_check(text: str = HINDI_SAMPLE):
    """Draw a Hindi sample (conjuncts and matras) with labelled axes; notebook 00's font check.

    Returns the figure. Look at it: the matras must sit on their letters and the
    conjuncts (क्ष, ज्ञ, श्र, द्ध) must be joined.
    """
    plt = _plt()
    fig, ax = plt.subplots(figsize=(8, 2.6))
    ax.plot([0, 1, 2, 3], [0.2, 0.5, 0.3, 0.8], "-o")
    ax.text(0.02, 0.93, text, transform=ax.transAxes, fontsize=14, va="top")
    _label(ax, "हिंदी फ़ॉन्ट की जाँच / Hindi font check", "समय (time)", "मान (value)")
    ax.set_ylim(0, 1.1)
    plt.tight_layout()
    return fig


def fonts_in_use(text: str = HINDI_SAMPLE) -> list[str]:
    """Names of the font files matplotlib picks for ``text`` (Latin and Devanagari)."""
    from matplotlib.font_manager import FontProperties, fontManager

    props = FontProperties(family=matplotlib.rcParams["font.family"])
    return [Path(p).name for p in fontManager._find_fonts_by_props(props)]


def plot_kernels(weight, title: str, ncols: int = 8, cmap: str = "gray"):
    """Show conv filters (C_out, C_in, kH, kW): the first input channel of each, or RGB when C_in is 3."""
    plt = _plt()
    w = weight.detach().cpu().numpy() if hasattr(weight, "detach") else weight
    n = len(w)
    nrows = (n + ncols - 1) // ncols
    fig, axes = plt.subplots(nrows, ncols, figsize=(1.2 * ncols, 1.3 * nrows), squeeze=False)
    for i, ax in enumerate(axes.ravel()):
        ax.axis("off")
        if i < n:
            k = w[i]
            if k.shape[0] == 3:
                k = (k - k.min()) / (k.max() - k.min() + 1e-8)
                ax.imshow(k.transpose(1, 2, 0))
            else:
                ax.imshow(k[0], cmap=cmap)
            ax.set_title(str(i), fontsize=7)
    fig.suptitle(title)
    plt.tight_layout()
    return axes


def plot_feature_maps(maps, title: str, ncols: int = 8, max_maps: int = 32, cmap: str = "viridis"):
    """Show the feature maps of one image: a tensor (C, H, W) (or (1, C, H, W))."""
    plt = _plt()
    m = maps.detach().cpu().numpy() if hasattr(maps, "detach") else maps
    if m.ndim == 4:
        m = m[0]
    m = m[:max_maps]
    nrows = (len(m) + ncols - 1) // ncols
    fig, axes = plt.subplots(nrows, ncols, figsize=(1.3 * ncols, 1.4 * nrows), squeeze=False)
    for i, ax in enumerate(axes.ravel()):
        ax.axis("off")
        if i < len(m):
            ax.imshow(m[i], cmap=cmap)
            ax.set_title(f"ch {i}", fontsize=7)
    fig.suptitle(title)
    plt.tight_layout()
    return axes


def plot_confusion_matrix(cm, class_names, title: str, xlabel: str = "अनुमान / predicted", ylabel: str = "सही class / true",
                          ax=None):
    """A confusion matrix as a heat map with the counts written in each cell."""
    plt = _plt()
    if ax is None:
        _, ax = plt.subplots(figsize=(0.6 * len(class_names) + 2.5, 0.6 * len(class_names) + 2))
    ax.imshow(cm, cmap="Blues")
    ticks = range(len(class_names))
    ax.set_xticks(ticks, class_names, rotation=45, ha="right")
    ax.set_yticks(ticks, class_names)
    high = cm.max() / 2 if cm.size else 0
    for i in ticks:
        for j in ticks:
            ax.text(j, i, int(cm[i, j]), ha="center", va="center", fontsize=8,
                    color="white" if cm[i, j] > high else "black")
    _label(ax, title, xlabel, ylabel)
    plt.tight_layout()
    return ax
