"""Pictures of a recurrent network (notebooks 10 and 11): the RNN folded and unrolled, and its hidden states.

* :func:`plot_unrolled_rnn`: one cell with its loop W_hh, and the same cell copied over T time steps.
* :func:`plot_hidden_states`: a heat map of h_t, one column per time step, one row per hidden unit.
"""
from __future__ import annotations

import numpy as np

from .i18n import CourseError, check_positive_int


def _box(ax, x, y, text, color, w=0.8, h=0.5):
    from matplotlib.patches import FancyBboxPatch

    ax.add_patch(FancyBboxPatch((x - w / 2, y - h / 2), w, h, boxstyle="round,pad=0.03", fc=color, ec="black", lw=1))
    ax.text(x, y, text, ha="center", va="center", fontsize=12)


def _arrow(ax, start, end, label=None, rad=0.0, label_xy=None, color="black"):
    from matplotlib.patches import FancyArrowPatch

    ax.add_patch(FancyArrowPatch(start, end, arrowstyle="-|>", mutation_scale=12, lw=1.2, color=color,
                                 connectionstyle=f"arc3,rad={rad}"))
    if label:
        lx, ly = label_xy or ((start[0] + end[0]) / 2 + 0.08, (start[1] + end[1]) / 2)
        ax.text(lx, ly, label, fontsize=9, color=color, ha="left", va="center")


def _diagram_axes(ax, title, xlabel):
    for side in ("top", "right", "left", "bottom"):
        ax.spines[side].set_visible(False)
    ax.set_title(title, fontsize=11)
    ax.set_xlabel(xlabel)
    ax.set_yticks([0, 1.5, 3.0], ["input x", "hidden h", "output y"])
    ax.tick_params(length=0)
    ax.set_aspect("equal")


def plot_unrolled_rnn(T: int = 4, tokens=None, show_outputs: bool = True, title: str | None = None):
    """Draw an RNN folded (one cell with a loop W_hh) and unrolled over ``T`` steps; returns the figure.

    Boxes: x_t (inputs), h_t (hidden states), y_t (outputs, if ``show_outputs``); arrows W_xh
    (input → hidden), W_hh (hidden → next hidden) and W_hy (hidden → output) — the same three
    matrices at every step. ``tokens`` (T words) label the time axis. Notebooks 10 and 11.
    """
    import matplotlib.pyplot as plt

    from . import plotting  # noqa: F401  (registers the Devanagari font)

    check_positive_int(T, "T")
    if tokens is not None:
        tokens = [str(t) for t in tokens]
        if len(tokens) != T:
            raise CourseError(f"tokens की संख्या T = {T} होनी चाहिए; मिले {len(tokens)}।",
                              f"there must be T = {T} tokens; got {len(tokens)}.")
    x_col, y_col, h_col = "#cfe2f3", "#d9ead3", "#fce5cd"
    fig, (ax0, ax1) = plt.subplots(1, 2, figsize=(2.2 + 1.45 * (T + 1), 3.9),
                                   gridspec_kw={"width_ratios": [1.4, 1.45 * (T + 1)]})
    top = 3.0 if show_outputs else 1.5
    # folded: one cell and a loop
    _box(ax0, 0, 0, "$x_t$", x_col)
    _box(ax0, 0, 1.5, "$h_t$", h_col)
    _arrow(ax0, (0, 0.27), (0, 1.23), "$W_{xh}$")
    _arrow(ax0, (0.42, 1.66), (0.42, 1.34), rad=-3.2, label="$W_{hh}$", label_xy=(0.98, 1.5), color="tab:red")
    if show_outputs:
        _box(ax0, 0, 3.0, "$y_t$", y_col)
        _arrow(ax0, (0, 1.77), (0, 2.73), "$W_{hy}$", label_xy=(0.1, 2.5))
    ax0.set_xlim(-0.6, 1.5)
    ax0.set_ylim(-0.5, top + 0.5)
    _diagram_axes(ax0, "मुड़ा हुआ / folded", "एक cell / one cell")
    ax0.set_xticks([])
    # unrolled: T copies of the same cell
    xs = [1.45 * (t + 1) for t in range(T)]
    _box(ax1, 0, 1.5, "$h_0$", "#eeeeee", w=0.6)
    for t, cx in enumerate(xs, start=1):
        _box(ax1, cx, 0, f"$x_{{{t}}}$", x_col)
        _box(ax1, cx, 1.5, f"$h_{{{t}}}$", h_col)
        _arrow(ax1, (cx, 0.27), (cx, 1.23), "$W_{xh}$")
        left = 0.31 if t == 1 else 0.42
        _arrow(ax1, (cx - 1.45 + left, 1.5), (cx - 0.42, 1.5), color="tab:red")
        ax1.text(cx - 0.72, 1.63, "$W_{hh}$", fontsize=9, color="tab:red", ha="center", va="bottom")
        if show_outputs:
            _box(ax1, cx, 3.0, f"$y_{{{t}}}$", y_col)
            _arrow(ax1, (cx, 1.77), (cx, 2.73), "$W_{hy}$")
    ax1.set_xlim(-0.5, xs[-1] + 0.6)
    ax1.set_ylim(-0.5, top + 0.5)
    _diagram_axes(ax1, f"{T} time steps में खोला गया / unrolled over {T} time steps",
                  "समय / time step t →")
    ax1.set_yticks([])
    ax1.set_xticks([0] + xs, ["start"] + (tokens if tokens is not None else [f"t = {t}" for t in range(1, T + 1)]))
    fig.suptitle(title or "RNN: एक ही cell, हर step पर वही weights / one cell, the same weights at every step")
    fig.tight_layout()
    return fig


def plot_hidden_states(H, tokens=None, title: str | None = None, ax=None, vmax: float = 1.0):
    """Heat map of hidden states over time: ``H`` is (T, hidden) (or (T, 1, hidden)); returns the figure.

    Time runs left to right (``tokens`` label the steps), one row per hidden unit; the colour bar
    shows the value (tanh keeps it in [-1, 1]).
    """
    import matplotlib.pyplot as plt

    from . import plotting  # noqa: F401  (registers the Devanagari font)

    H = H.detach().cpu().numpy() if hasattr(H, "detach") else np.asarray(H, dtype=float)
    if H.ndim == 3 and H.shape[1] == 1:
        H = H[:, 0]
    if H.ndim != 2:
        raise CourseError(f"H का shape (T, hidden) होना चाहिए — एक sequence की hidden states; मिला {H.shape}।",
                          f"H must have shape (T, hidden) — the hidden states of one sequence; got {H.shape}.")
    T, n = H.shape
    if tokens is not None and len(tokens) != T:
        raise CourseError(f"tokens की संख्या time steps (T = {T}) के बराबर होनी चाहिए; मिले {len(tokens)}।",
                          f"there must be one token per time step (T = {T}); got {len(tokens)}.")
    if ax is None:
        fig, ax = plt.subplots(figsize=(min(2.0 + 0.55 * T, 14), min(1.5 + 0.14 * n, 7)))
    else:
        fig = ax.figure
    im = ax.imshow(H.T, aspect="auto", cmap="RdBu_r", vmin=-vmax, vmax=vmax, interpolation="nearest")
    labels = [str(t) for t in tokens] if tokens is not None else [str(t) for t in range(1, T + 1)]
    step = max(1, T // 25)
    turn = tokens is not None and T > 10                   # short token lists stay upright (Hindi reads better)
    ax.set_xticks(range(0, T, step), labels[::step], rotation=45 if turn else 0, ha="right" if turn else "center",
                  fontsize=11)                          # Devanagari words need more than the default size
    ax.set_xlabel("समय / time step" + (" (word)" if tokens is not None else " t"))
    ax.set_ylabel("hidden unit")
    ax.set_title(title or "hidden state $h_t$")
    fig.colorbar(im, ax=ax, label="value of h_t")
    fig.tight_layout()
    return fig
