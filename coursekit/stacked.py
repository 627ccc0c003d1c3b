"""Deep (stacked) RNNs: parameter-count formulas, a stack of separate layers and a depth task.

Introduced in notebook 14 (deep RNNs). In a stack of recurrent layers, layer 1
reads the input sequence and layer l > 1 reads the *whole output sequence* of
layer l - 1::

    h_t^(0) = x_t
    h_t^(l) = tanh(W_ih^(l) h_t^(l-1) + b_ih^(l) + W_hh^(l) h_(t-1)^(l) + b_hh^(l))

Parameter counts (I = input size, H = hidden size, G = number of gate blocks:
1 for a vanilla RNN, 3 for a GRU, 4 for an LSTM)::

    PyTorch, one layer, one direction:  G·H·(I + H) + 2·G·H     (two biases: b_ih and b_hh)
    Keras SimpleRNN(units=H):           H·(I + H) + H            (one bias)

Keras itself is not a dependency of the course: its counts come from this formula. PyTorch's count of any
recurrent layer is ``coursekit.rnn.rnn_num_params``. The classifier of the depth experiment is
``coursekit.classifiers.RNNClassifier`` (also importable from here).
"""
from __future__ import annotations

from collections.abc import Sequence

import torch
from torch import nn

from .classifiers import RNNClassifier  # noqa: F401  (notebooks 14 and 15 and practice 14 name it here)
from .i18n import CourseError, check_positive_int
from .rnn import rnn_num_params

KINDS = {"rnn": nn.RNN, "gru": nn.GRU, "lstm": nn.LSTM}


_positive_int = check_positive_int


def _kind(kind: str) -> str:
    if kind not in KINDS:
        raise CourseError(f"kind इनमें से एक होना चाहिए: {sorted(KINDS)}; मिला: {kind!r}।",
                          f"kind must be one of {sorted(KINDS)}; got {kind!r}")
    return kind


# ------------------------------------------------------------------ parameter counts

def keras_simple_rnn_params(input_dim: int, units: int) -> int:
    """Parameters of Keras ``SimpleRNN(units)`` on inputs with ``input_dim`` features.

    kernel (input_dim, units) + recurrent_kernel (units, units) + one bias (units,)
    = units·(input_dim + units + 1): the textbook count, ``rnn_num_params(input_dim, units, textbook=True)``.
    Computed by formula: Keras is not installed.
    """
    _positive_int(input_dim, "input_dim")
    _positive_int(units, "units")
    return rnn_num_params(input_dim, units, textbook=True)


def keras_dense_params(input_dim: int, units: int) -> int:
    """Parameters of Keras ``Dense(units)`` (= ``nn.Linear(input_dim, units)``): input_dim·units + units."""
    _positive_int(input_dim, "input_dim")
    _positive_int(units, "units")
    return input_dim * units + units


def source_model_table(input_dim: int = 50, units: Sequence[int] = (128, 64), num_classes: int = 10) -> list[dict]:
    """Layer-by-layer parameter counts of a stack ``SimpleRNN(units[0]) → ... → Dense(num_classes)``.

    The default is the model of source notes 001: SimpleRNN(128) → SimpleRNN(64) → Dense(10) on
    inputs of 50 features. Each row: layer, Keras count (formula), PyTorch count (formula), difference.
    """
    rows, features = [], input_dim
    for k, h in enumerate(units, start=1):
        keras, torch_ = keras_simple_rnn_params(features, h), rnn_num_params(features, h)
        rows.append({"layer": f"rnn{k} ({features}→{h})", "keras": keras, "torch": torch_, "diff": torch_ - keras})
        features = h
    dense = keras_dense_params(features, num_classes)
    rows.append({"layer": f"dense ({features}→{num_classes})", "keras": dense, "torch": dense, "diff": 0})
    rows.append({"layer": "total", "keras": sum(r["keras"] for r in rows), "torch": sum(r["torch"] for r in rows),
                 "diff": sum(r["diff"] for r in rows)})
    return rows


# ------------------------------------------------------------------ a stack of separate layers

class StackedRNN(nn.Module):
    """A deep RNN written as separate single-layer modules, one per level (notebook 14).

    ``StackedRNN(input_size, [H1, H2, ...], kind)`` holds ``layers[0] = nn.RNN(input_size, H1)``,
    ``layers[1] = nn.RNN(H1, H2)``, ... (all ``batch_first``), and runs them one after the other:
    each layer reads the full output sequence of the layer below. With equal hidden sizes it computes
    exactly what ``nn.RNN(input_size, H, num_layers=L)`` computes (see :meth:`load_from`).
    ``dropout`` is applied to the output sequence of every layer except the last, in training mode only
    — where ``nn.RNN(..., dropout=p)`` applies it.
    """

    def __init__(self, input_size: int, hidden_sizes: Sequence[int], kind: str = "rnn", dropout: float = 0.0):
        super().__init__()
        _positive_int(input_size, "input_size")
        if not hidden_sizes:
            raise CourseError("hidden_sizes में कम से कम एक layer का आकार चाहिए, जैसे [64, 32]।",
                              "hidden_sizes needs the size of at least one layer, e.g. [64, 32].")
        self.kind = _kind(kind)
        sizes = [input_size, *(_positive_int(h, "hidden size") for h in hidden_sizes)]
        self.layers = nn.ModuleList(KINDS[kind](sizes[k], sizes[k + 1], batch_first=True)
                                    for k in range(len(hidden_sizes)))
        self.dropout = nn.Dropout(dropout)

    def forward(self, x: torch.Tensor) -> tuple[torch.Tensor, list]:
        """x (B, T, I) → (output of the top layer (B, T, H_last), [final state of every layer])."""
        if x.dim() != 3 or x.shape[-1] != self.layers[0].input_size:
            raise CourseError(
                f"StackedRNN को (batch, time, {self.layers[0].input_size}) shape का input चाहिए; "
                f"मिला {tuple(x.shape)}।",
                f"StackedRNN expects an input of shape (batch, time, {self.layers[0].input_size}); "
                f"got {tuple(x.shape)}")
        states = []
        for k, layer in enumerate(self.layers):
            x, state = layer(x)                       # x: (B, T, H_k) — the whole sequence goes up
            states.append(state)                      # (1, B, H_k), or (h, c) for an LSTM
            if k < len(self.layers) - 1:
                x = self.dropout(x)
        return x, states

    @torch.no_grad()
    def load_from(self, multi: nn.RNNBase) -> StackedRNN:
        """Copy the weights of a multi-layer ``nn.RNN``/``nn.GRU``/``nn.LSTM`` into the separate layers.

        ``multi.weight_ih_l{k}`` goes to ``layers[k].weight_ih_l0`` (and so on for weight_hh,
        bias_ih, bias_hh). Returns ``self``.
        """
        if type(multi) is not KINDS[self.kind] or multi.num_layers != len(self.layers) or multi.bidirectional:
            raise CourseError(
                f"एक {KINDS[self.kind].__name__}(num_layers={len(self.layers)}, bidirectional=False) चाहिए; "
                f"मिला {type(multi).__name__}(num_layers={getattr(multi, 'num_layers', '?')})।",
                f"expected a {KINDS[self.kind].__name__}(num_layers={len(self.layers)}, bidirectional=False); "
                f"got {type(multi).__name__}(num_layers={getattr(multi, 'num_layers', '?')})")
        source = dict(multi.named_parameters())
        for k, layer in enumerate(self.layers):
            for name, p in layer.named_parameters():          # weight_ih_l0, weight_hh_l0, bias_ih_l0, bias_hh_l0
                theirs = source[name[:-1] + str(k)]
                if theirs.shape != p.shape:
                    raise CourseError(f"{name[:-1]}{k}: shape {tuple(theirs.shape)} है, layer {k} को "
                                      f"{tuple(p.shape)} चाहिए।",
                                      f"{name[:-1]}{k} has shape {tuple(theirs.shape)}; layer {k} needs "
                                      f"{tuple(p.shape)}")
                p.copy_(theirs)
        return self


# ------------------------------------------------------------------ the depth experiment

def repeat_count_task(n: int, seq_len: int = 16, vocab_size: int = 4, bins: Sequence[int] = (3, 5),
                      seed: int = 0) -> tuple[torch.Tensor, torch.Tensor]:
    """A generated task for the depth experiment: how often does a token repeat the token just before it?

    Tokens are drawn uniformly from 0..vocab_size-1. Let r be the number of positions t with
    x_t == x_(t-1). The class is the bin of r: with the default ``bins=(3, 5)``, class 0 for r ≤ 2,
    class 1 for r = 3 or 4, class 2 for r ≥ 5 (about 24 %, 45 % and 31 % of sequences of length 16).
    The network must compare each token with the previous one *and* keep a running count — two
    steps that a stack of layers can split between its levels.
    Returns X (n, seq_len) long and y (n,) long in 0..len(bins).
    """
    _positive_int(n, "n")
    if _positive_int(seq_len, "seq_len") < 2:
        raise CourseError("seq_len कम से कम 2 होनी चाहिए (repeat के लिए दो tokens चाहिए)।",
                          "seq_len must be at least 2 (a repeat needs two tokens).")
    if _positive_int(vocab_size, "vocab_size") < 2:
        raise CourseError("vocab_size कम से कम 2 होना चाहिए।", "vocab_size must be at least 2.")
    gen = torch.Generator().manual_seed(seed)
    X = torch.randint(0, vocab_size, (n, seq_len), generator=gen)          # (n, T)
    repeats = (X[:, 1:] == X[:, :-1]).sum(dim=1)                           # (n,) r for every sequence
    y = torch.bucketize(repeats, torch.tensor(list(bins)), right=True)     # (n,) bin index
    return X, y


def draw_stacked_rnn(num_layers: int = 2, steps: int = 4, ax=None):
    """Draw an unrolled stack: inputs x_t at the bottom, one row of cells per layer, arrows in time and depth."""
    import matplotlib.pyplot as plt
    from matplotlib.patches import FancyArrowPatch, FancyBboxPatch

    _positive_int(num_layers, "num_layers")
    _positive_int(steps, "steps")
    if ax is None:
        _, ax = plt.subplots(figsize=(1.9 * steps + 1.5, 1.3 * num_layers + 2.2))
    colors = plt.get_cmap("tab10")

    def arrow(x0, y0, x1, y1, color="black"):
        ax.add_patch(FancyArrowPatch((x0, y0), (x1, y1), arrowstyle="-|>", mutation_scale=12, color=color, lw=1.2))

    for t in range(steps):
        cx = 1.5 + 1.9 * t
        ax.text(cx, 0.2, f"$x_{{{t + 1}}}$", ha="center", va="center", fontsize=12)
        arrow(cx, 0.45, cx, 0.95)
        for layer in range(num_layers):
            cy = 1.3 + 1.3 * layer
            ax.add_patch(FancyBboxPatch((cx - 0.5, cy - 0.35), 1.0, 0.7, boxstyle="round,pad=0.05",
                                        fc=colors(layer), alpha=0.35, ec=colors(layer)))
            ax.text(cx, cy, f"$h^{{({layer + 1})}}_{{{t + 1}}}$", ha="center", va="center", fontsize=11)
            if t < steps - 1:
                arrow(cx + 0.55, cy, cx + 1.35, cy, colors(layer))
            arrow(cx, cy + 0.4, cx, cy + 0.9)
        ax.text(cx, 1.3 + 1.3 * num_layers - 0.1, f"$y_{{{t + 1}}}$", ha="center", va="center", fontsize=12)
    for layer in range(num_layers):
        ax.text(0.1, 1.3 + 1.3 * layer, f"layer {layer + 1}", ha="left", va="center", fontsize=9, color=colors(layer))
    ax.set_xlim(0, 1.9 * steps + 1.0)
    ax.set_ylim(-0.1, 1.3 * num_layers + 1.6)
    ax.set_axis_off()
    return ax
