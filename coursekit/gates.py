"""LSTM and GRU cells from scratch, with PyTorch's exact weight layout (notebook 15).

LSTM (PyTorch's gate order in the rows of ``weight_ih``/``weight_hh`` is i, f, g, o)::

    i = σ(W_ii x + b_ii + W_hi h + b_hi)        input gate
    f = σ(W_if x + b_if + W_hf h + b_hf)        forget gate
    g = tanh(W_ig x + b_ig + W_hg h + b_hg)     candidate cell
    o = σ(W_io x + b_io + W_ho h + b_ho)        output gate
    c' = f ⊙ c + i ⊙ g                          cell state: an additive path through time
    h' = o ⊙ tanh(c')

GRU (row order r, z, n)::

    r = σ(W_ir x + b_ir + W_hr h + b_hr)        reset gate
    z = σ(W_iz x + b_iz + W_hz h + b_hz)        update gate
    n = tanh(W_in x + b_in + r ⊙ (W_hn h + b_hn))   candidate — r multiplies (W_hn h + b_hn)
    h' = (1 - z) ⊙ n + z ⊙ h

(In Cho et al., 2014 the reset gate acts *before* the matrix product: tanh(W x + U (r ⊙ h)).
PyTorch, like cuDNN, puts it after the product; the two are different functions.)

The modules below use the parameter names and shapes of layer 0 of ``nn.LSTM``/``nn.GRU``
(``weight_ih_l0`` (G·H, I), ``weight_hh_l0`` (G·H, H), ``bias_ih_l0`` (G·H,), ``bias_hh_l0`` (G·H,),
with G = 4 or 3), so ``load_state_dict`` works in both directions.
"""
from __future__ import annotations

import math

import torch
from torch import nn

from .gatediagrams import draw_gru_cell, draw_lstm_cell  # noqa: F401  (notebook 15 imports them from here)
from .i18n import CourseError, check_positive_int
from .rnn import rnn_num_params

NAMES = ("weight_ih_l0", "weight_hh_l0", "bias_ih_l0", "bias_hh_l0")


# ------------------------------------------------------------------ one time step, as equations

def _check_step_shapes(x, h, weight_ih, weight_hh, gates: int, cell: str) -> None:
    """x (B, I) and h (B, H) must fit weight_ih (G·H, I) and weight_hh (G·H, H); a bilingual CourseError if not."""
    w_ih, w_hh = tuple(weight_ih.shape), tuple(weight_hh.shape)
    if len(w_ih) != 2 or len(w_hh) != 2 or w_ih[0] != gates * w_hh[1] or w_hh[0] != gates * w_hh[1]:
        raise CourseError(f"{cell} के weights (G·H, I) और (G·H, H) होने चाहिए, G = {gates}; मिले {w_ih} और {w_hh}।",
                          f"{cell} weights must be (G·H, I) and (G·H, H) with G = {gates}; got {w_ih} and {w_hh}")
    for t, name, w, w_name in ((x, "x", w_ih, "weight_ih"), (h, "h", w_hh, "weight_hh")):
        if t.dim() == 0 or t.shape[-1] != w[1]:
            raise CourseError(f"{name} का shape (batch, {w[1]}) होना चाहिए: {w_name} {w} को हर example में {w[1]} "
                              f"features चाहिए; मिला {name} का shape {tuple(t.shape)}।",
                              f"{name} must have shape (batch, {w[1]}): {w_name} {w} expects {w[1]} features per "
                              f"example; got {name} of shape {tuple(t.shape)}")


def lstm_cell_step(x, h, c, weight_ih, weight_hh, bias_ih=None, bias_hh=None):
    """One LSTM step: x (B, I), h (B, H), c (B, H) → (h', c'), both (B, H). Gate order i, f, g, o."""
    _check_step_shapes(x, h, weight_ih, weight_hh, 4, "LSTM")     # x and h must fit the weights
    gates = x @ weight_ih.T + h @ weight_hh.T                   # (B, 4H)
    if bias_ih is not None:
        gates = gates + bias_ih + bias_hh
    i, f, g, o = gates.chunk(4, dim=1)                           # four (B, H) blocks
    i, f, g, o = torch.sigmoid(i), torch.sigmoid(f), torch.tanh(g), torch.sigmoid(o)
    c_next = f * c + i * g                                       # (B, H)
    h_next = o * torch.tanh(c_next)                              # (B, H)
    return h_next, c_next


def gru_cell_step(x, h, weight_ih, weight_hh, bias_ih=None, bias_hh=None):
    """One GRU step (PyTorch's variant): x (B, I), h (B, H) → h' (B, H). Gate order r, z, n."""
    _check_step_shapes(x, h, weight_ih, weight_hh, 3, "GRU")     # x and h must fit the weights
    gi = x @ weight_ih.T                                         # (B, 3H) input part
    gh = h @ weight_hh.T                                         # (B, 3H) hidden part
    if bias_ih is not None:
        gi, gh = gi + bias_ih, gh + bias_hh
    i_r, i_z, i_n = gi.chunk(3, dim=1)
    h_r, h_z, h_n = gh.chunk(3, dim=1)
    r = torch.sigmoid(i_r + h_r)                                 # reset gate (B, H)
    z = torch.sigmoid(i_z + h_z)                                 # update gate (B, H)
    n = torch.tanh(i_n + r * h_n)                                # candidate: r multiplies (W_hn h + b_hn)
    return (1 - z) * n + z * h                                   # (B, H)


# ------------------------------------------------------------------ modules

class _ScratchRecurrent(nn.Module):
    """Shared parameters of the scratch cells: named and shaped like layer 0 of nn.LSTM / nn.GRU."""

    gates = 1

    def __init__(self, input_size: int, hidden_size: int, bias: bool = True):
        super().__init__()
        self.input_size = check_positive_int(input_size, "input_size")
        self.hidden_size = check_positive_int(hidden_size, "hidden_size")
        rows = self.gates * hidden_size
        self.weight_ih_l0 = nn.Parameter(torch.empty(rows, input_size))    # (G·H, I)
        self.weight_hh_l0 = nn.Parameter(torch.empty(rows, hidden_size))   # (G·H, H)
        if bias:
            self.bias_ih_l0 = nn.Parameter(torch.empty(rows))              # (G·H,)
            self.bias_hh_l0 = nn.Parameter(torch.empty(rows))              # (G·H,)
        else:
            self.register_parameter("bias_ih_l0", None)
            self.register_parameter("bias_hh_l0", None)
        self.reset_parameters()

    def reset_parameters(self) -> None:
        """PyTorch's initialisation: every parameter ~ U(-1/√H, 1/√H)."""
        k = 1.0 / math.sqrt(self.hidden_size)
        for p in self.parameters():
            nn.init.uniform_(p, -k, k)

    def _check_step(self, x: torch.Tensor) -> None:
        if x.dim() != 2 or x.shape[1] != self.input_size:
            raise CourseError(
                f"एक time step का input (batch, {self.input_size}) shape का होना चाहिए; मिला {tuple(x.shape)}।",
                f"the input of one time step must have shape (batch, {self.input_size}); got {tuple(x.shape)}")

    def _check_sequence(self, x: torch.Tensor) -> None:
        if x.dim() != 3 or x.shape[2] != self.input_size:
            raise CourseError(
                f"sequence का input (batch, time, {self.input_size}) shape का होना चाहिए (batch_first); "
                f"मिला {tuple(x.shape)}",
                f"a sequence input must have shape (batch, time, {self.input_size}) (batch_first); "
                f"got {tuple(x.shape)}")

    def _zeros(self, x: torch.Tensor) -> torch.Tensor:
        return x.new_zeros(x.shape[0], self.hidden_size)                   # (B, H)

    def _weights(self):
        return self.weight_ih_l0, self.weight_hh_l0, self.bias_ih_l0, self.bias_hh_l0


class ScratchLSTMCell(_ScratchRecurrent):
    """One LSTM step from the equations: ``cell(x_t, (h, c)) → (h', c')`` (like ``nn.LSTMCell``).

    Parameters are named like layer 0 of ``nn.LSTM``: weight_ih_l0 (4H, I), weight_hh_l0 (4H, H),
    bias_ih_l0 (4H,), bias_hh_l0 (4H,), rows in the order i, f, g, o.
    """

    gates = 4

    def forward(self, x: torch.Tensor, state=None):
        """x (B, I), state (h, c) with h, c (B, H) or None (zeros) → (h', c')."""
        self._check_step(x)
        h, c = state if state is not None else (self._zeros(x), self._zeros(x))
        return lstm_cell_step(x, h, c, *self._weights())


class ScratchGRUCell(_ScratchRecurrent):
    """One GRU step from the equations: ``cell(x_t, h) → h'`` (like ``nn.GRUCell``).

    Parameters are named like layer 0 of ``nn.GRU``: weight_ih_l0 (3H, I), weight_hh_l0 (3H, H),
    bias_ih_l0 (3H,), bias_hh_l0 (3H,), rows in the order r, z, n.
    """

    gates = 3

    def forward(self, x: torch.Tensor, h=None):
        """x (B, I), h (B, H) or None (zeros) → h' (B, H)."""
        self._check_step(x)
        h = h if h is not None else self._zeros(x)
        return gru_cell_step(x, h, *self._weights())


class ScratchLSTM(ScratchLSTMCell):
    """A one-layer LSTM over a sequence (batch_first), the cell applied at every step.

    ``ScratchLSTM(I, H)(x)`` returns what ``nn.LSTM(I, H, batch_first=True)(x)`` returns:
    output (B, T, H) — h_t for every t — and (h_n, c_n), each (1, B, H).
    """

    def forward(self, x: torch.Tensor, state=None):
        """x (B, T, I); state (h0, c0) each (1, B, H) or None → output (B, T, H), (h_n, c_n)."""
        self._check_sequence(x)
        if state is None:
            h, c = self._zeros(x[:, 0]), self._zeros(x[:, 0])
        else:
            h, c = state[0][0], state[1][0]                                  # (B, H) each
        outputs = []
        for t in range(x.shape[1]):
            h, c = lstm_cell_step(x[:, t], h, c, *self._weights())           # (B, H) each
            outputs.append(h)
        return torch.stack(outputs, dim=1), (h.unsqueeze(0), c.unsqueeze(0))


class ScratchGRU(ScratchGRUCell):
    """A one-layer GRU over a sequence (batch_first): output (B, T, H) and h_n (1, B, H), like ``nn.GRU``."""

    def forward(self, x: torch.Tensor, h0=None):
        """x (B, T, I); h0 (1, B, H) or None → output (B, T, H), h_n (1, B, H)."""
        self._check_sequence(x)
        h = self._zeros(x[:, 0]) if h0 is None else h0[0]
        outputs = []
        for t in range(x.shape[1]):
            h = gru_cell_step(x[:, t], h, *self._weights())                  # (B, H)
            outputs.append(h)
        return torch.stack(outputs, dim=1), h.unsqueeze(0)


@torch.no_grad()
def copy_weights(src: nn.Module, dst: nn.Module) -> nn.Module:
    """Copy the four layer-0 parameters from ``src`` to ``dst``; returns ``dst``.

    Works between ``nn.LSTM``/``nn.GRU`` (layer 0), ``nn.LSTMCell``/``nn.GRUCell`` (names without
    ``_l0``) and the scratch modules: names are matched after dropping ``_l0``.
    """
    theirs = {name.removesuffix("_l0"): p for name, p in src.named_parameters()}
    for name, p in dst.named_parameters():
        key = name.removesuffix("_l0")
        if key not in {n.removesuffix("_l0") for n in NAMES}:
            continue                                   # e.g. layer 1 of a deeper nn.LSTM
        if key not in theirs:
            raise CourseError(f"{type(src).__name__} में {key} नहीं है (उसके parameters: {sorted(theirs)})।",
                              f"{type(src).__name__} has no {key} (its parameters: {sorted(theirs)})")
        if theirs[key].shape != p.shape:
            raise CourseError(
                f"{key}: shape {tuple(theirs[key].shape)} है, पर {type(dst).__name__} को {tuple(p.shape)} "
                "चाहिए — क्या input_size, hidden_size और cell का प्रकार (LSTM/GRU) एक ही हैं?",
                f"{key}: shape {tuple(theirs[key].shape)}, but {type(dst).__name__} needs {tuple(p.shape)} — "
                "are input_size, hidden_size and the kind of cell (LSTM/GRU) the same?")
        p.copy_(theirs[key])
    return dst


# ------------------------------------------------------------------ parameter counts

# The count of every recurrent layer is coursekit.rnn.rnn_num_params, imported above:
# rnn_num_params(I, H, num_layers=2, bidirectional=True, cell="lstm"); all its options are keyword-only.

def gru_params(input_size: int, hidden_size: int, num_layers: int = 1, bidirectional: bool = False) -> int:
    """Practice 15's GRU count in the signature the question asks for: ``rnn_num_params(..., cell="gru")``."""
    return rnn_num_params(input_size, hidden_size, num_layers=num_layers, bidirectional=bidirectional, cell="gru")


@torch.no_grad()
def set_forget_bias(lstm: nn.Module, value: float = 1.0) -> nn.Module:
    """Start an LSTM with forget gates open: the forget rows of every b_ih get ``value``, of b_hh 0.

    At PyTorch's default initialisation f = σ(≈0) ≈ 0.5, so the cell state halves at every step
    (memory of about 1/(1 - f) = 2 steps). With b_f = value, f ≈ σ(value): 1 gives 0.73 (about
    3.7 steps), 3 gives 0.95 (about 21 steps). Works for ``nn.LSTM`` and ``ScratchLSTM``; returns it.
    """
    names = [n for n, _ in lstm.named_parameters() if n.startswith("bias_")]
    if not names or not isinstance(lstm, (nn.LSTM, ScratchLSTMCell)):
        raise CourseError(f"set_forget_bias को biases वाला LSTM चाहिए; मिला {type(lstm).__name__}।",
                          f"set_forget_bias needs an LSTM with biases; got {type(lstm).__name__}")
    H = lstm.hidden_size
    for name in names:
        p = getattr(lstm, name)
        p[H:2 * H] = value if name.startswith("bias_ih") else 0.0     # rows H..2H are the forget gate
    return lstm


# ------------------------------------------------------------------ the long-range task

def first_token_task(n: int, num_distractors: int, num_classes: int = 4, vocab_size: int = 12,
                     seed: int = 0) -> tuple[torch.Tensor, torch.Tensor]:
    """The class is the first token; ``num_distractors`` random tokens follow it.

    Tokens 0..num_classes-1 are class markers and appear only at position 0; tokens
    num_classes..vocab_size-1 are distractors. A model that reads the sequence and answers at the
    end must carry the first token across all the distractors. Returns X (n, 1 + T) long, y (n,).
    """
    check_positive_int(n, "n")
    check_positive_int(num_distractors, "num_distractors")
    if check_positive_int(num_classes, "num_classes") < 2 or vocab_size <= num_classes:
        raise CourseError(
            f"कम से कम 2 classes और vocab_size > num_classes चाहिए; मिला num_classes={num_classes}, "
            f"vocab_size={vocab_size}",
            f"need at least 2 classes and vocab_size > num_classes; got num_classes={num_classes}, "
            f"vocab_size={vocab_size}")
    gen = torch.Generator().manual_seed(seed)
    y = torch.randint(0, num_classes, (n,), generator=gen)                                 # (n,)
    distractors = torch.randint(num_classes, vocab_size, (n, num_distractors), generator=gen)  # (n, T)
    return torch.cat([y[:, None], distractors], dim=1), y                                  # (n, 1 + T), (n,)


# ------------------------------------------------------------------ gradient through time

def gradient_through_time(model: nn.Module, x: torch.Tensor, y: torch.Tensor | None = None) -> torch.Tensor:
    """‖∂L/∂x_t‖ for every time step t, averaged over the batch: a (T,) tensor.

    * ``model`` with ``forward_embedded`` (``coursekit.classifiers.RNNClassifier``): ``x`` are token ids
      (B, T), ``y`` the labels; L is the cross-entropy and x_t the embedding of token t.
    * a recurrent layer (``nn.RNN``/``nn.LSTM``/``nn.GRU`` with batch_first, or a scratch layer):
      ``x`` is (B, T, I) and L = the sum of the last output h_T.
    Only the inputs get a gradient; the parameters' ``.grad`` is left untouched.
    """
    with torch.enable_grad():
        if hasattr(model, "forward_embedded"):
            if y is None:
                raise CourseError("RNNClassifier के लिए labels y भी दीजिए।", "give the labels y for an RNNClassifier.")
            e = model.embedding(x).detach().requires_grad_()                  # (B, T, E)
            loss = nn.functional.cross_entropy(model.forward_embedded(e, model.lengths(x)), y)
        else:
            if x.dim() != 3:
                raise CourseError(f"recurrent layer को (batch, time, features) input चाहिए; मिला {tuple(x.shape)}।",
                                  f"a recurrent layer needs a (batch, time, features) input; got {tuple(x.shape)}")
            e = x.detach().clone().requires_grad_()                           # (B, T, I)
            out = model(e)[0]                                                 # (B, T, H)
            loss = out[:, -1].sum()
        (grad,) = torch.autograd.grad(loss, e)                                # (B, T, E)
    return grad.norm(dim=2).mean(dim=0)                                       # (T,)
