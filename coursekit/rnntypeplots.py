"""Diagrams of the types of recurrent network (notebook 12): one-to-one, one-to-many, many-to-one, many-to-many.

* :func:`plot_rnn_type`: one type, unrolled over a few time steps: inputs, cells, outputs, and for the
  encoder-decoder the decoder that feeds back its own output.
* :func:`plot_rnn_types`: all five side by side, with their names in Hindi and English and an example task.
"""
from __future__ import annotations

from .i18n import CourseError

KINDS = {   # kind → (English name, Hindi name, English example, Hindi example)
    "one_to_one": ("one-to-one", "एक से एक", "no RNN needed", "RNN की ज़रूरत नहीं"),
    "one_to_many": ("one-to-many", "एक से अनेक", "image captioning", "image का वर्णन"),
    "many_to_one": ("many-to-one", "अनेक से एक", "sentiment", "भावना (sentiment)"),
    "many_to_many": ("many-to-many, same length", "अनेक से अनेक, बराबर लंबाई", "POS tagging", "शब्द-भेद (POS) tagging"),
    "encoder_decoder": ("many-to-many, different lengths", "अनेक से अनेक, अलग लंबाई", "translation, video captioning",
                        "अनुवाद, video का वर्णन"),
}
_ALIASES = {"seq2seq": "encoder_decoder", "tagging": "many_to_many", "sequence_to_sequence": "encoder_decoder"}
_COLOURS = {"in": "#d9ead3", "cell": "#cfe2f3", "dec": "#fce5cd", "out": "#f4cccc"}
_SUB = str.maketrans("0123456789", "₀₁₂₃₄₅₆₇₈₉")


def _kind(kind) -> str:
    key = str(kind).strip().lower().replace("-", "_").replace(" ", "_")
    key = _ALIASES.get(key, key)
    if key not in KINDS:
        raise CourseError(f"kind इनमें से एक होना चाहिए: {list(KINDS)}; मिला {kind!r}।",
                          f"kind must be one of {list(KINDS)}; got {kind!r}.")
    return key


def _columns(kind: str, steps: int) -> list[dict]:
    """One dict per time step: the input label (or None), the cell colour, the output label (or None),
    and whether the input is the previous step's output fed back (dashed)."""
    sub = lambda i: str(i).translate(_SUB)  # noqa: E731
    if kind == "one_to_one":
        return [dict(inp="x", cell="cell", out="y", fed=False)]
    if kind == "one_to_many":
        return [dict(inp="x" if t == 0 else f"y{sub(t)}", cell="dec", out=f"y{sub(t + 1)}", fed=t > 0)
                for t in range(steps)]
    if kind == "many_to_one":
        return [dict(inp=f"x{sub(t + 1)}", cell="cell", out="y" if t == steps - 1 else None, fed=False)
                for t in range(steps)]
    if kind == "many_to_many":
        return [dict(inp=f"x{sub(t + 1)}", cell="cell", out=f"y{sub(t + 1)}", fed=False) for t in range(steps)]
    enc = [dict(inp=f"x{sub(t + 1)}", cell="cell", out=None, fed=False) for t in range(steps)]
    dec = [dict(inp="<bos>" if t == 0 else f"y{sub(t)}", cell="dec", out=f"y{sub(t + 1)}", fed=t > 0)
           for t in range(steps - 1)]
    return enc + dec


def plot_rnn_type(kind: str, ax=None, steps: int = 3):
    """Draw one type of RNN unrolled in time: input boxes (bottom), RNN cells (middle), outputs (top).

    Arrows: input → cell → output, and cell → next cell (the hidden state). A dashed input box is the
    previous output fed back in (a decoder). Blue cells read, orange cells write (decoder). ``kind``: one of
    ``KINDS`` ("one_to_one", "one_to_many", "many_to_one", "many_to_many", "encoder_decoder"; "seq2seq"
    is accepted too). Returns the figure.
    """
    import matplotlib.pyplot as plt
    from matplotlib.patches import FancyBboxPatch

    from . import plotting  # noqa: F401  (registers the Devanagari font)

    kind = _kind(kind)
    if not isinstance(steps, int) or steps < 2:
        raise CourseError(f"steps कम से कम 2 होना चाहिए; मिला {steps!r}।", f"steps must be at least 2; got {steps!r}.")
    cols = _columns(kind, steps)
    if ax is None:
        _, ax = plt.subplots(figsize=(1.3 * len(cols) + 1.2, 3.6))
    w, hgt, gap = 0.7, 0.5, 1.2

    def box(x, y, text, colour, dashed=False):
        ax.add_patch(FancyBboxPatch((x - w / 2, y - hgt / 2), w, hgt, boxstyle="round,pad=0.03", fc=colour,
                                    ec="black", ls="--" if dashed else "-", lw=1))
        ax.text(x, y, text, ha="center", va="center", fontsize=10)

    def arrow(x0, y0, x1, y1, dashed=False, rad=0.0):
        ax.annotate("", xy=(x1, y1), xytext=(x0, y0), arrowprops=dict(
            arrowstyle="->", lw=1.2, ls="--" if dashed else "-", connectionstyle=f"arc3,rad={rad}"))

    for t, c in enumerate(cols):
        x = t * gap
        box(x, 1, f"h{str(t + 1).translate(_SUB)}", _COLOURS[c["cell"]])
        if c["inp"]:
            box(x, 0, c["inp"], _COLOURS["in"], dashed=c["fed"])
            arrow(x, hgt / 2, x, 1 - hgt / 2)
        if c["out"]:
            box(x, 2, c["out"], _COLOURS["out"])
            arrow(x, 1 + hgt / 2, x, 2 - hgt / 2)
        if t + 1 < len(cols):
            arrow(x + w / 2, 1, x + gap - w / 2, 1)
            if cols[t + 1]["fed"]:
                arrow(x + w / 2, 2 - hgt / 4, x + gap - w / 2, hgt / 4, dashed=True)
    en, hi, ex_en, ex_hi = KINDS[kind]
    ax.set_title(f"{en} / {hi}\n{ex_en} / {ex_hi}", fontsize=10)
    ax.set_xlim(-w, (len(cols) - 1) * gap + w)
    ax.set_ylim(-0.5, 2.5)
    ax.set_xticks([])
    ax.set_yticks([0, 1, 2], ["input x", "RNN h", "output y"])
    ax.set_xlabel("समय / time →")
    for side in ("top", "right", "bottom"):
        ax.spines[side].set_visible(False)
    return ax.figure


def plot_rnn_types(steps: int = 3):
    """All types in one figure (the three simple types above, the two many-to-many types below), with a
    legend of the box colours; returns the figure."""
    import matplotlib.pyplot as plt
    from matplotlib.patches import Patch

    from . import plotting  # noqa: F401

    fig = plt.figure(figsize=(13, 7.8), layout="constrained")
    rows = fig.subfigures(2, 1)
    for sub, kinds in zip(rows, (list(KINDS)[:3], list(KINDS)[3:])):
        widths = [len(_columns(k, steps)) + 0.9 for k in kinds]
        axes = sub.subplots(1, len(kinds), width_ratios=widths)
        for i, (ax, kind) in enumerate(zip(axes, kinds)):
            plot_rnn_type(kind, ax=ax, steps=steps)
            if i:
                ax.set_yticks([])
    legend = [Patch(fc=_COLOURS["in"], ec="black", label="input"),
              Patch(fc=_COLOURS["cell"], ec="black", label="RNN cell (reads) / पढ़ने वाला cell"),
              Patch(fc=_COLOURS["dec"], ec="black", label="decoder cell (writes) / लिखने वाला cell"),
              Patch(fc=_COLOURS["out"], ec="black", label="output"),
              Patch(fc="white", ec="black", ls="--", label="previous output fed back / पिछला output वापस input में")]
    fig.legend(handles=legend, loc="outside lower center", ncol=3, fontsize=9, frameon=False)
    fig.suptitle("RNN के प्रकार (input और output के हिसाब से) / types of RNN (by input and output)")
    return fig
