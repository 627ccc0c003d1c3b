"""A recurrent network written out by hand, next to PyTorch's ``nn.RNN`` (notebooks 10 and 11).

One step of a vanilla (Elman) RNN, in PyTorch's notation::

    h_t = tanh(W_ih x_t + b_ih + W_hh h_{t-1} + b_hh)        # the textbook: tanh(W_xh x_t + W_hh h_{t-1} + b_h)

The same four tensors are used at every time step (weight sharing). ``nn.RNN`` returns every hidden
state (``output``) and the last one (``h_n``); it has no output layer ``y_t = W_hy h_t + b_y`` — that
is a separate ``nn.Linear``.

* NumPy: :func:`rnn_step_numpy`, :func:`rnn_forward_numpy` (and :func:`numpy_weights` to take the
  weights out of an ``nn.RNN``).
* PyTorch: :class:`ScratchRNN`, with the parameter names and shapes of a one-layer ``nn.RNN``, and
  :func:`copy_rnn_weights`.
* Counting: :func:`rnn_num_params` (PyTorch: two biases) and :func:`rnn_num_params_textbook` (one bias).
* Pictures: :func:`plot_unrolled_rnn`, :func:`plot_hidden_states`.
* Notebook 10's walk-through ("I am going to the ___"): :class:`NextWordRNN` and its helpers.
"""
from __future__ import annotations

import math

import numpy as np
import torch
from torch import nn

from .i18n import CourseError, check_positive_int
from .stacked import torch_rnn_params

NONLINEARITIES = {"tanh": (np.tanh, torch.tanh), "relu": (lambda a: np.maximum(a, 0.0), torch.relu)}


def _check_nonlinearity(nonlinearity: str) -> None:
    if nonlinearity not in NONLINEARITIES:
        raise CourseError(f"nonlinearity 'tanh' या 'relu' होनी चाहिए (जैसे nn.RNN में); मिली {nonlinearity!r}।",
                          f"nonlinearity must be 'tanh' or 'relu' (as in nn.RNN); got {nonlinearity!r}.")


def _check_positive(**sizes) -> None:
    for name, value in sizes.items():
        check_positive_int(value, name)


# ----------------------------------------------------------------------------- NumPy

def rnn_step_numpy(x_t, h_prev, W_ih, W_hh, b_ih=None, b_hh=None, nonlinearity: str = "tanh"):
    """One RNN step in NumPy: h_t = tanh(x_t W_ihᵀ + b_ih + h_prev W_hhᵀ + b_hh).

    x_t: (batch, input_size) or (input_size,); h_prev: (batch, hidden) or (hidden,);
    W_ih: (hidden, input_size); W_hh: (hidden, hidden); b_ih, b_hh: (hidden,) or None.
    Returns h_t with the shape of h_prev. (Rows are examples, so the weights appear transposed:
    ``x_t @ W_ih.T`` is W_ih x_t for every row at once.)
    """
    _check_nonlinearity(nonlinearity)
    x_t, h_prev, W_ih, W_hh = (np.asarray(a, dtype=float) for a in (x_t, h_prev, W_ih, W_hh))
    hidden, input_size = W_ih.shape
    if W_hh.shape != (hidden, hidden):
        raise CourseError(f"W_hh का shape (hidden, hidden) = {(hidden, hidden)} होना चाहिए; मिला {W_hh.shape}।",
                          f"W_hh must have shape (hidden, hidden) = {(hidden, hidden)}; got {W_hh.shape}.")
    if x_t.shape[-1] != input_size:
        raise CourseError(f"x_t की आख़िरी dimension input_size = {input_size} होनी चाहिए (W_ih: {W_ih.shape}); "
                          f"x_t का shape {x_t.shape} है।",
                          f"the last dimension of x_t must be input_size = {input_size} (W_ih: {W_ih.shape}); "
                          f"x_t has shape {x_t.shape}.")
    if h_prev.shape[-1] != hidden or h_prev.shape[:-1] != x_t.shape[:-1]:
        raise CourseError(f"h_prev का shape {x_t.shape[:-1] + (hidden,)} होना चाहिए (batch, hidden); मिला {h_prev.shape}।",
                          f"h_prev must have shape {x_t.shape[:-1] + (hidden,)} (batch, hidden); got {h_prev.shape}.")
    a = x_t @ W_ih.T + h_prev @ W_hh.T                     # (batch, hidden)
    for b in (b_ih, b_hh):
        if b is not None:
            a = a + np.asarray(b, dtype=float)             # (hidden,) broadcast over the batch
    return NONLINEARITIES[nonlinearity][0](a)


def rnn_forward_numpy(x, W_ih, W_hh, b_ih=None, b_hh=None, h0=None, batch_first: bool = False,
                      nonlinearity: str = "tanh"):
    """A one-layer RNN over a whole sequence in NumPy; returns ``(output, h_n)`` like ``nn.RNN``.

    x: (seq_len, batch, input_size), or (batch, seq_len, input_size) with ``batch_first``, or an
    unbatched (seq_len, input_size). h0: (1, batch, hidden) — also with ``batch_first`` — or
    (1, hidden) unbatched; None means zeros. output holds h_1 … h_T in the layout of x;
    h_n = h_T with shape (1, batch, hidden).
    """
    x = np.asarray(x, dtype=float)
    if x.ndim not in (2, 3):
        raise CourseError(f"x के 3 dimensions (seq_len, batch, input_size) या 2 (seq_len, input_size) होने चाहिए; "
                          f"मिला shape {x.shape}।",
                          f"x must have 3 dimensions (seq_len, batch, input_size) or 2 (seq_len, input_size); "
                          f"got shape {x.shape}.")
    unbatched = x.ndim == 2
    seq = x[:, None, :] if unbatched else (x.transpose(1, 0, 2) if batch_first else x)   # (T, B, I)
    T, B, _ = seq.shape
    hidden = np.asarray(W_hh).shape[0]
    if h0 is None:
        h = np.zeros((B, hidden))
    else:
        h0 = np.asarray(h0, dtype=float)
        want = (1, hidden) if unbatched else (1, B, hidden)
        if h0.shape != want:
            raise CourseError(f"h0 का shape {want} = (num_layers, batch, hidden) होना चाहिए — batch_first=True पर भी; "
                              f"मिला {h0.shape}।",
                              f"h0 must have shape {want} = (num_layers, batch, hidden) — even with batch_first=True; "
                              f"got {h0.shape}.")
        h = h0.reshape(B, hidden)
    states = []
    for t in range(T):                                          # the same weights at every step
        h = rnn_step_numpy(seq[t], h, W_ih, W_hh, b_ih, b_hh, nonlinearity)   # (B, H)
        states.append(h)
    out = np.stack(states)                                      # (T, B, H)
    if unbatched:
        return out[:, 0], h[None, 0]                            # (T, H), (1, H)
    if batch_first:
        out = out.transpose(1, 0, 2)                            # (B, T, H)
    return out, h[None]                                         # h_n: (1, B, H)


def numpy_weights(rnn: nn.RNN) -> dict:
    """The layer-0 weights of an ``nn.RNN`` as float64 NumPy arrays: W_ih, W_hh, b_ih, b_hh."""
    _check_one_layer(rnn)
    p = dict(rnn.named_parameters())
    get = (lambda k: p[k].detach().cpu().double().numpy() if k in p else None)
    return {"W_ih": get("weight_ih_l0"), "W_hh": get("weight_hh_l0"), "b_ih": get("bias_ih_l0"),
            "b_hh": get("bias_hh_l0")}


def _check_one_layer(rnn) -> None:
    if not isinstance(rnn, nn.RNN):
        raise CourseError(f"एक nn.RNN चाहिए; मिला {type(rnn).__name__}।", f"expected an nn.RNN; got {type(rnn).__name__}.")
    if rnn.num_layers != 1 or rnn.bidirectional:
        raise CourseError(f"केवल एक layer वाला, एक दिशा (unidirectional) का nn.RNN चाहिए; मिला num_layers={rnn.num_layers}, "
                          f"bidirectional={rnn.bidirectional}।",
                          f"only a one-layer, unidirectional nn.RNN is supported; got num_layers={rnn.num_layers}, "
                          f"bidirectional={rnn.bidirectional}.")


# ----------------------------------------------------------------------------- PyTorch

class ScratchRNN(nn.Module):
    """A one-layer RNN written out step by step, a drop-in twin of ``nn.RNN(input_size, hidden_size)``.

    The parameters have nn.RNN's names and shapes: ``weight_ih_l0`` (hidden, input),
    ``weight_hh_l0`` (hidden, hidden), ``bias_ih_l0`` and ``bias_hh_l0`` (hidden,) — two biases,
    as in PyTorch (they only ever appear as a sum). ``forward(x, h0=None)`` returns
    ``(output, h_n)`` in nn.RNN's layouts. Introduced in notebook 11.
    """

    def __init__(self, input_size: int, hidden_size: int, bias: bool = True, batch_first: bool = False,
                 nonlinearity: str = "tanh"):
        super().__init__()
        _check_positive(input_size=input_size, hidden_size=hidden_size)
        _check_nonlinearity(nonlinearity)
        self.input_size, self.hidden_size = input_size, hidden_size
        self.batch_first, self.nonlinearity, self.bias = batch_first, nonlinearity, bias
        self.weight_ih_l0 = nn.Parameter(torch.empty(hidden_size, input_size))    # W_xh
        self.weight_hh_l0 = nn.Parameter(torch.empty(hidden_size, hidden_size))   # W_hh
        if bias:
            self.bias_ih_l0 = nn.Parameter(torch.empty(hidden_size))             # b_ih + b_hh = b_h
            self.bias_hh_l0 = nn.Parameter(torch.empty(hidden_size))
        else:
            self.register_parameter("bias_ih_l0", None)
            self.register_parameter("bias_hh_l0", None)
        self.reset_parameters()

    def reset_parameters(self) -> None:
        """PyTorch's initialisation: every parameter uniform in [-1/√hidden, 1/√hidden]."""
        bound = 1.0 / math.sqrt(self.hidden_size)
        for p in self.parameters():
            nn.init.uniform_(p, -bound, bound)

    def cell(self, x_t: torch.Tensor, h_prev: torch.Tensor) -> torch.Tensor:
        """One step: (batch, input) and (batch, hidden) -> h_t (batch, hidden)."""
        a = x_t @ self.weight_ih_l0.T + h_prev @ self.weight_hh_l0.T        # (B, H)
        if self.bias:
            a = a + self.bias_ih_l0 + self.bias_hh_l0
        return NONLINEARITIES[self.nonlinearity][1](a)

    def forward(self, x: torch.Tensor, h0: torch.Tensor | None = None):
        if x.dim() not in (2, 3) or x.shape[-1] != self.input_size:
            layout = "(batch, seq_len, input_size)" if self.batch_first else "(seq_len, batch, input_size)"
            raise CourseError(f"x का shape {layout} (या unbatched (seq_len, input_size)) होना चाहिए, input_size = "
                              f"{self.input_size}; मिला {tuple(x.shape)}।",
                              f"x must have shape {layout} (or unbatched (seq_len, input_size)) with input_size = "
                              f"{self.input_size}; got {tuple(x.shape)}.")
        unbatched = x.dim() == 2
        seq = x.unsqueeze(1) if unbatched else (x.transpose(0, 1) if self.batch_first else x)   # (T, B, I)
        T, B, _ = seq.shape
        if h0 is None:
            h = seq.new_zeros(B, self.hidden_size)
        else:
            want = (1, self.hidden_size) if unbatched else (1, B, self.hidden_size)
            if tuple(h0.shape) != want:
                raise CourseError(f"h0 का shape {want} = (num_layers, batch, hidden) होना चाहिए — batch_first=True पर "
                                  f"भी; मिला {tuple(h0.shape)}।",
                                  f"h0 must have shape {want} = (num_layers, batch, hidden) — even with "
                                  f"batch_first=True; got {tuple(h0.shape)}.")
            h = h0.reshape(B, self.hidden_size)
        states = []
        for t in range(T):                       # the same cell, the same weights, at every step
            h = self.cell(seq[t], h)             # (B, H)
            states.append(h)
        out = torch.stack(states)                # (T, B, H)
        if unbatched:
            return out[:, 0], h[None, 0]         # (T, H), (1, H)
        if self.batch_first:
            out = out.transpose(0, 1)            # (B, T, H)
        return out, h.unsqueeze(0)               # h_n: (1, B, H)

    def extra_repr(self) -> str:
        return (f"{self.input_size}, {self.hidden_size}, batch_first={self.batch_first}, "
                f"nonlinearity={self.nonlinearity!r}, bias={self.bias}")


@torch.no_grad()
def copy_rnn_weights(src: nn.RNN, dst: ScratchRNN) -> ScratchRNN:
    """Copy the weights of a one-layer ``nn.RNN`` into a :class:`ScratchRNN` (same names); returns ``dst``."""
    _check_one_layer(src)
    if (src.input_size, src.hidden_size, src.bias) != (dst.input_size, dst.hidden_size, dst.bias):
        raise CourseError(f"sizes अलग हैं: nn.RNN({src.input_size}, {src.hidden_size}, bias={src.bias}) बनाम "
                          f"ScratchRNN({dst.input_size}, {dst.hidden_size}, bias={dst.bias})।",
                          f"the sizes differ: nn.RNN({src.input_size}, {src.hidden_size}, bias={src.bias}) vs "
                          f"ScratchRNN({dst.input_size}, {dst.hidden_size}, bias={dst.bias}).")
    for name, p in dst.named_parameters():
        p.copy_(getattr(src, name))
    return dst


# ----------------------------------------------------------------------------- counting

def rnn_num_params(input_size: int, hidden_size: int, num_layers: int = 1, *, bidirectional: bool = False,
                   bias: bool = True) -> int:
    """Parameters of ``nn.RNN`` (PyTorch's formula, two biases per layer and direction).

    ``bidirectional`` and ``bias`` are keyword-only (``rnn_num_params(10, 20, 2, bidirectional=True)``): a flag given
    by position could be read as the other one. ``coursekit.gates.rnn_num_params`` is this same function.

    Layer l, one direction: H·I_l + H·H + 2H, where I_0 = input_size and I_l = H · directions for
    the layers above (they read both directions' hidden states).
    """
    return torch_rnn_params(input_size, hidden_size, num_layers=num_layers, bidirectional=bidirectional, bias=bias,
                            gates=1)


def rnn_num_params_textbook(input_size: int, hidden_size: int, output_size: int = 0) -> int:
    """The textbook count with one hidden bias: H·I + H·H + H, plus O·H + O for an output layer y_t = W_hy h_t + b_y.

    Compared with PyTorch's ``nn.RNN`` (without the output layer) it is smaller by exactly ``hidden_size``.
    """
    _check_positive(input_size=input_size, hidden_size=hidden_size)
    if isinstance(output_size, bool) or not isinstance(output_size, (int, np.integer)) or output_size < 0:
        raise CourseError(f"output_size 0 या धनात्मक पूर्णांक होना चाहिए; मिला {output_size!r}।",
                          f"output_size must be 0 or a positive integer; got {output_size!r}.")
    H, n_out = hidden_size, output_size
    return H * input_size + H * H + H + (n_out * H + n_out)


# ----------------------------------------------------------------------------- pictures

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

    _check_positive(T=T)
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
    ax.set_xticks(range(0, T, step), labels[::step], rotation=45 if turn else 0, ha="right" if turn else "center")
    ax.set_xlabel("समय / time step" + (" (word)" if tokens is not None else " t"))
    ax.set_ylabel("hidden unit")
    ax.set_title(title or "hidden state $h_t$")
    fig.colorbar(im, ax=ax, label="value of h_t")
    fig.tight_layout()
    return fig


# ----------------------------------------------------------------------------- notebook 10's walk-through

class NextWordRNN(nn.Module):
    """A word-level language model: Embedding → nn.RNN → Linear (notebook 10's "I am going to the ___").

    forward: word indices (batch, T) → logits (batch, T, vocab): at every position, scores for the
    word that comes next. ``hidden_states(ids)`` gives h_t after each word of one sentence.
    """

    def __init__(self, vocab_size: int, embed_dim: int = 32, hidden_size: int = 64, pad_index: int = 0,
                 dropout: float = 0.0):
        super().__init__()
        _check_positive(vocab_size=vocab_size, embed_dim=embed_dim, hidden_size=hidden_size)
        if not 0.0 <= dropout < 1.0:
            raise CourseError(f"dropout 0 और 1 के बीच होना चाहिए (1 नहीं); मिला {dropout!r}।",
                              f"dropout must be in [0, 1); got {dropout!r}.")
        self.pad_index = pad_index
        self.embed = nn.Embedding(vocab_size, embed_dim, padding_idx=pad_index)   # word index -> vector
        self.rnn = nn.RNN(embed_dim, hidden_size, batch_first=True)               # the memory
        self.drop = nn.Dropout(dropout)                                           # only active in training
        self.head = nn.Linear(hidden_size, vocab_size)                            # y_t = W_hy h_t + b_y

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        if x.dim() != 2 or x.dtype != torch.long:
            raise CourseError(f"x शब्दों के indices का LongTensor होना चाहिए, shape (batch, T); मिला {x.dtype} "
                              f"shape {tuple(x.shape)}।",
                              f"x must be a LongTensor of word indices with shape (batch, T); got {x.dtype} of "
                              f"shape {tuple(x.shape)}.")
        out, _ = self.rnn(self.drop(self.embed(x)))   # (B, T, H): h_1 … h_T
        return self.head(self.drop(out))              # (B, T, V)

    @torch.no_grad()
    def hidden_states(self, ids) -> torch.Tensor:
        """h_t after each word of one sentence: ids (T,) → (T, hidden)."""
        dev = next(self.parameters()).device
        x = torch.as_tensor(ids, dtype=torch.long, device=dev).reshape(1, -1)   # (1, T)
        out, _ = self.rnn(self.embed(x))
        return out[0].cpu()


def next_word_tensors(token_lists, vocab):
    """Sentences as tokens → (X, Y) LongTensors (N, L): Y is X moved one word to the left, padded with <pad>.

    "i am going to the market" → X = "i am going to the", Y = "am going to the market".
    Sentences of one word have no pair and are dropped.
    """
    from .text import pad_batch

    ids = [vocab.encode(toks) for toks in token_lists if len(toks) >= 2]
    if not ids:
        raise CourseError("कम से कम दो शब्दों वाला एक वाक्य चाहिए।", "need at least one sentence of two or more words.")
    X, _ = pad_batch([s[:-1] for s in ids], pad_index=vocab.pad_index)
    Y, _ = pad_batch([s[1:] for s in ids], pad_index=vocab.pad_index)
    return X, Y


def sequence_cross_entropy(logits: torch.Tensor, targets: torch.Tensor, pad_index: int = 0) -> torch.Tensor:
    """Cross-entropy over every position, padding ignored: logits (B, T, V), targets (B, T)."""
    return nn.functional.cross_entropy(logits.reshape(-1, logits.shape[-1]), targets.reshape(-1),
                                       ignore_index=pad_index)


@torch.no_grad()
def next_word_accuracy(model: NextWordRNN, X: torch.Tensor, Y: torch.Tensor, k: int = 1) -> float:
    """Share of (non-padding) positions whose true next word is among the model's top ``k``.

    A ``k`` larger than the vocabulary counts every word (accuracy 1), as ``langmodel.top_k`` does.
    """
    check_positive_int(k, "k")
    model.eval()
    dev = next(model.parameters()).device
    logits = model(X.to(dev)).cpu()                       # (N, L, V)
    top = logits.topk(min(k, logits.shape[-1]), dim=-1).indices       # (N, L, k)
    hit = (top == Y.unsqueeze(-1)).any(-1)                # (N, L)
    mask = Y != model.pad_index
    return float(hit[mask].float().mean())


@torch.no_grad()
def walk_through(model: NextWordRNN, vocab, tokens, k: int = 3, skip=("<pad>", "<unk>")):
    """Feed a sentence word by word: returns (H, guesses).

    H: (T, hidden) hidden state after each word; guesses[t]: the model's top-``k`` next words after
    words 1…t+1, as (word, probability) pairs (the special tokens in ``skip`` are never guessed). With a ``k``
    larger than the words that can be guessed, every one of them is listed.
    """
    check_positive_int(k, "k")
    model.eval()
    ids = vocab.encode(list(tokens))
    dev = next(model.parameters()).device
    logits = model(torch.tensor([ids], device=dev))[0].cpu()       # (T, V)
    for s in skip:
        if s in vocab:
            logits[:, vocab.stoi[s]] = -math.inf
    probs = logits.softmax(-1)                                     # (T, V)
    n_ok = int(torch.isfinite(logits[0]).sum())                    # words that may be guessed
    p, idx = probs.topk(min(k, n_ok), dim=-1)                      # (T, k)
    guesses = [[(vocab.itos[int(i)], float(q)) for q, i in zip(pt, it)] for pt, it in zip(p, idx)]
    return model.hidden_states(ids), guesses
