"""Diagrams of the LSTM and GRU cells of notebook 15: the gates, the pointwise products and the state lines.

* :func:`draw_lstm_cell`: the cell-state line c on top, the four gate layers f, i, g, o, c' = f ⊙ c + i ⊙ g and
  h' = o ⊙ tanh(c').
* :func:`draw_gru_cell`: the hidden-state line h on top, the gates z and r, the candidate n and
  h' = (1 - z) ⊙ n + z ⊙ h.
"""
from __future__ import annotations


def _diagram_tools(ax):
    from matplotlib.patches import Circle, FancyArrowPatch, FancyBboxPatch

    def box(x, y, text, label):
        ax.add_patch(FancyBboxPatch((x - 0.42, y - 0.3), 0.84, 0.6, boxstyle="round,pad=0.04", fc="#fde9a9",
                                    ec="#a07800"))
        ax.text(x, y, text, ha="center", va="center", fontsize=11)
        ax.text(x - 0.1, y - 0.75, label, ha="right", va="center", fontsize=8, color="#444444", linespacing=1.0,
                multialignment="right")                 # left of the incoming arrow, clear of its head

    def op(x, y, text):
        ax.add_patch(Circle((x, y), 0.24, fc="#f6c3cf", ec="#a03050"))
        ax.text(x, y, text, ha="center", va="center", fontsize=11 if len(text) == 1 else 8)

    def arrow(points, color="black"):
        for (x0, y0), (x1, y1) in zip(points[:-2], points[1:-1]):
            ax.plot([x0, x1], [y0, y1], color=color, lw=1.3)
        ax.add_patch(FancyArrowPatch(points[-2], points[-1], arrowstyle="-|>", mutation_scale=12, color=color,
                                     lw=1.3, shrinkA=0, shrinkB=0))

    return box, op, arrow


def _new_ax(ax):
    import matplotlib.pyplot as plt

    if ax is None:
        _, ax = plt.subplots(figsize=(8, 4.6))
    ax.set_xlim(0, 10)
    ax.set_ylim(-0.3, 6)
    ax.set_aspect("equal")
    ax.set_axis_off()
    return ax


def draw_lstm_cell(ax=None, title: str = "LSTM cell: gates का क्रम i, f, g, o / gate order i, f, g, o"):
    """Draw an LSTM cell: the cell-state line on top, four gate layers, pointwise ⊙ and + nodes."""
    from matplotlib.patches import Ellipse

    ax = _new_ax(ax)
    box, op, arrow = _diagram_tools(ax)
    # cell state c: an additive path from left to right
    ax.text(0.35, 5.0, "$c_{t-1}$", ha="center", va="center", fontsize=12)
    arrow([(0.7, 5.0), (2.76, 5.0)], "#1f5fa8")
    op(3.0, 5.0, "×")
    arrow([(3.24, 5.0), (4.76, 5.0)], "#1f5fa8")
    op(5.0, 5.0, "+")
    arrow([(5.24, 5.0), (9.3, 5.0)], "#1f5fa8")
    ax.text(9.65, 5.0, "$c_t$", ha="center", va="center", fontsize=12)
    # the input bus [h_{t-1}, x_t]
    ax.text(0.35, 0.9, "$h_{t-1}$", ha="center", va="center", fontsize=12)
    ax.plot([0.7, 7.0], [0.9, 0.9], color="black", lw=1.3)
    ax.text(1.6, -0.1, "$x_t$", ha="center", va="center", fontsize=12)
    arrow([(1.6, 0.15), (1.6, 0.9)])
    # four gate layers
    for x, text, label in ((3.0, "σ", "f\nforget"), (4.4, "σ", "i\ninput"), (5.6, "tanh", "g\ncandidate"),
                           (7.0, "σ", "o\noutput")):
        arrow([(x, 0.9), (x, 2.2)])
        box(x, 2.5, text, label)
    arrow([(3.0, 2.8), (3.0, 4.76)])                       # f → c ⊙ f
    op(5.0, 3.9, "×")                                      # i ⊙ g
    arrow([(4.4, 2.8), (4.4, 3.9), (4.76, 3.9)])
    arrow([(5.6, 2.8), (5.6, 3.9), (5.24, 3.9)])
    arrow([(5.0, 4.14), (5.0, 4.76)])
    # output: h_t = o ⊙ tanh(c_t)
    ax.add_patch(Ellipse((8.2, 3.9), 0.9, 0.45, fc="#f6c3cf", ec="#a03050"))
    ax.text(8.2, 3.9, "tanh", ha="center", va="center", fontsize=9)
    arrow([(8.2, 5.0), (8.2, 4.13)])
    op(8.2, 2.5, "×")
    arrow([(8.2, 3.67), (8.2, 2.74)])
    arrow([(7.42, 2.5), (7.96, 2.5)])
    arrow([(8.44, 2.5), (9.3, 2.5)])
    ax.text(9.65, 2.5, "$h_t$", ha="center", va="center", fontsize=12)
    ax.set_title(title)
    return ax


def draw_gru_cell(ax=None, title: str = "GRU cell: gates का क्रम r, z, n / gate order r, z, n"):
    """Draw a GRU cell: the hidden-state line on top, gates r and z, the candidate n, h' = (1 - z)n + zh."""
    ax = _new_ax(ax)
    box, op, arrow = _diagram_tools(ax)
    # the hidden state h: z ⊙ h_{t-1}, then + (1 - z) ⊙ n
    ax.text(0.35, 5.0, "$h_{t-1}$", ha="center", va="center", fontsize=12)
    arrow([(0.75, 5.0), (1.76, 5.0)], "#1f5fa8")
    op(2.0, 5.0, "×")
    arrow([(2.24, 5.0), (7.26, 5.0)], "#1f5fa8")
    op(7.5, 5.0, "+")
    arrow([(7.74, 5.0), (9.3, 5.0)], "#1f5fa8")
    ax.text(9.65, 5.0, "$h_t$", ha="center", va="center", fontsize=12)
    # h_{t-1} also goes down to the input bus [h_{t-1}, x_t]
    ax.plot([0.9, 0.9, 6.0], [5.0, 0.9, 0.9], color="black", lw=1.3)
    ax.text(1.4, -0.1, "$x_t$", ha="center", va="center", fontsize=12)
    arrow([(1.4, 0.15), (1.4, 0.9)])
    for x, text, label in ((2.0, "σ", "z\nupdate"), (3.4, "σ", "r\nreset"), (6.0, "tanh", "n\ncandidate")):
        arrow([(x, 0.9), (x, 2.2)])
        box(x, 2.5, text, label)
    arrow([(2.0, 2.8), (2.0, 4.76)])                       # z → z ⊙ h_{t-1}
    op(3.4, 3.7, "1−")                                     # 1 - z
    arrow([(2.0, 3.7), (3.16, 3.7)])
    op(6.0, 3.7, "×")                                      # (1 - z) ⊙ n
    arrow([(3.64, 3.7), (5.76, 3.7)])
    arrow([(6.0, 2.8), (6.0, 3.46)])
    arrow([(6.24, 3.7), (7.5, 3.7), (7.5, 4.76)])
    op(4.7, 2.5, "×")                                      # r ⊙ (W_hn h_{t-1} + b_hn), inside n
    arrow([(3.82, 2.5), (4.46, 2.5)])
    arrow([(4.7, 0.9), (4.7, 2.26)])
    ax.text(4.7, 0.5, "$W_{hn}h_{t-1}+b_{hn}$", ha="center", va="center", fontsize=8)
    arrow([(4.94, 2.5), (5.58, 2.5)])
    ax.set_title(title)
    return ax
