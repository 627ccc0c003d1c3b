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
* Counting: :func:`rnn_num_params` (PyTorch: two biases; ``textbook=True``: one bias), for RNN, GRU and LSTM.
* Pictures (``coursekit.rnnplots``): :func:`plot_unrolled_rnn`, :func:`plot_hidden_states`.
* Notebook 10's walk-through ("I am going to the ___", ``coursekit.nextword``): :class:`NextWordRNN` and its
  helpers.

The pictures and the walk-through live in their own modules; they are imported here too, so that
``from coursekit.rnn import NextWordRNN, plot_unrolled_rnn`` keeps working.
"""
from __future__ import annotations

import math

import numpy as np
import torch
from torch import nn

from .i18n import CourseError, check_positive_int
from .nextword import (  # noqa: F401  (notebook 10 imports these from here)
    NextWordRNN,
    next_word_accuracy,
    next_word_tensors,
    sequence_cross_entropy,
    walk_through,
)
from .rnnplots import plot_hidden_states, plot_unrolled_rnn  # noqa: F401  (notebooks 10 and 11 import them from here)

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

GATES = {"rnn": 1, "gru": 3, "lstm": 4}   # blocks of rows in weight_ih / weight_hh: 1 (vanilla), 3 (r, z, n), 4 (i, f, g, o)


def rnn_num_params(input_size: int, hidden_size: int, *, num_layers: int = 1, bidirectional: bool = False,
                   cell: str = "rnn", bias: bool = True, textbook: bool = False, output_size: int = 0) -> int:
    """Parameters of ``nn.RNN`` / ``nn.GRU`` / ``nn.LSTM`` (``cell``), by formula; every option is keyword-only.

    PyTorch (the default): per layer and direction G·(H·I_l + H·H) weights and, with ``bias``, 2·G·H biases
    (b_ih and b_hh), where G = 1, 3 or 4 blocks (rnn, gru, lstm), I_0 = input_size and I_l = D·H for the layers
    above (they read both directions' hidden states, D = 2 if ``bidirectional``).
    ``textbook=True``: the textbook's (and Keras ``SimpleRNN``'s) one-layer vanilla RNN with one hidden bias,
    H·I + H·H + H, smaller than PyTorch's by exactly H. ``output_size`` O adds an output layer
    y_t = W_hy h_t + b_y: O·H + O (D·H inputs for a bidirectional RNN).
    A flag or a layer count given by position is a TypeError: ``rnn_num_params(10, 20, num_layers=2)``.
    """
    _check_positive(input_size=input_size, hidden_size=hidden_size, num_layers=num_layers)
    if cell not in GATES:
        raise CourseError(f"cell इनमें से एक होना चाहिए: {tuple(GATES)}; मिला {cell!r}।",
                          f"cell must be one of {tuple(GATES)}; got {cell!r}.")
    if isinstance(output_size, bool) or not isinstance(output_size, (int, np.integer)) or output_size < 0:
        raise CourseError(f"output_size 0 या धनात्मक पूर्णांक होना चाहिए; मिला {output_size!r}।",
                          f"output_size must be 0 or a positive integer; got {output_size!r}.")
    H, directions = hidden_size, 2 if bidirectional else 1
    head = output_size * directions * H + output_size
    if textbook:
        if (cell, num_layers, bidirectional, bias) != ("rnn", 1, False, True):
            raise CourseError("textbook=True केवल एक layer, एक दिशा और bias वाले vanilla RNN (cell='rnn') के parameters गिनता है।",
                              "textbook=True counts only a one-layer, one-direction vanilla RNN with a bias "
                              "(cell='rnn').")
        return H * input_size + H * H + H + head
    gates, total = GATES[cell], 0
    for layer in range(num_layers):
        layer_input = input_size if layer == 0 else directions * H
        per_direction = gates * H * (layer_input + H) + (2 * gates * H if bias else 0)
        total += directions * per_direction
    return total + head
