"""Backpropagation through time (BPTT) written out by hand, in NumPy, for a many-to-one RNN (notebook 13).

The model is the vanilla RNN of notebook 11 with one output at the last time step. The scalar names of the
source notes are in brackets (``o_t`` = the hidden output, ``w_i``, ``w_h``, ``w_o`` = the three weights)::

    a_t = W_xh x_t + W_hh h_{t-1} + b_h          (w_i x_t + w_h o_{t-1} + b)
    h_t = tanh(a_t)                              (o_t)
    z   = W_hy h_T + b_y                         (w_o o_T + b_o)      only at the last step T
    ŷ   = sigmoid(z)  or  softmax(z)
    L   = cross-entropy, averaged over the batch

``forward`` keeps every hidden state; ``bptt`` walks back from ``t = T`` to ``t = 1`` with the chain rule and
adds up each time step's share of every gradient (no autograd anywhere); ``autograd_bptt`` gets the same
gradients from PyTorch, to check them. ``bptt(..., truncate=k)`` stops the walk after ``k`` steps (truncated
BPTT); ``grad_norms_through_time`` measures how large ``∂L/∂h_t`` still is at every step; ``clip_by_norm``
rescales gradients whose total norm is too large.

    >>> import numpy as np
    >>> from coursekit import bptt
    >>> params = bptt.init_params(input_size=5, hidden_size=3, output_size=1, seed=0)
    >>> x = np.zeros((2, 4, 5)); y = np.array([1.0, 0.0])        # (batch, time, features), labels
    >>> loss, grads = bptt.bptt(params, x, y)
    >>> sorted(grads)
    ['W_hh', 'W_hy', 'W_xh', 'b_h', 'b_y']

Shapes (B = batch, T = time steps, D = input features, H = hidden units, C = outputs). The layout of the
weights is PyTorch's (``nn.RNN.weight_ih_l0`` is ``(H, D)``), so the two can share weights::

    x: (B, T, D)   W_xh: (H, D)   W_hh: (H, H)   b_h: (H,)   W_hy: (C, H)   b_y: (C,)
    h: (B, T+1, H) with h[:, 0] = h_0 (zeros unless given)
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .i18n import CourseError

NAMES = ("W_xh", "W_hh", "b_h", "W_hy", "b_y")
OUTPUTS = ("sigmoid", "softmax")


# ------------------------------------------------------------------ parameters

def init_params(input_size: int, hidden_size: int, output_size: int = 1, *, seed: int = 0,
                spectral_radius: float | None = None) -> dict[str, np.ndarray]:
    """Random float64 parameters: weights ~ N(0, 1/fan_in), biases 0.

    ``spectral_radius`` rescales ``W_hh`` so that its largest |eigenvalue| is exactly that value: the knob
    that decides whether gradients through time shrink (< 1) or may grow (> 1).
    """
    for name, v in (("input_size", input_size), ("hidden_size", hidden_size), ("output_size", output_size)):
        if int(v) != v or v < 1:
            raise CourseError(f"{name} एक धनात्मक पूर्णांक होना चाहिए; मिला {v!r}।",
                              f"{name} must be a positive integer; got {v!r}.")
    rng = np.random.default_rng(seed)
    D, H, C = int(input_size), int(hidden_size), int(output_size)
    W_hh = rng.normal(0.0, 1.0 / np.sqrt(H), (H, H))
    if spectral_radius is not None:
        W_hh *= spectral_radius / max(radius_of(W_hh), 1e-12)
    return {"W_xh": rng.normal(0.0, 1.0 / np.sqrt(D), (H, D)), "W_hh": W_hh, "b_h": np.zeros(H),
            "W_hy": rng.normal(0.0, 1.0 / np.sqrt(H), (C, H)), "b_y": np.zeros(C)}


def radius_of(W) -> float:
    """The spectral radius of a square matrix: its largest absolute eigenvalue."""
    return float(np.max(np.abs(np.linalg.eigvals(np.asarray(W, dtype=float)))))


def count_parameters(input_size: int, hidden_size: int, output_size: int = 1) -> dict[str, int]:
    """How many numbers the RNN learns. The weights are shared by all time steps, so T does not appear."""
    D, H, C = input_size, hidden_size, output_size
    counts = {"W_xh": H * D, "W_hh": H * H, "b_h": H, "W_hy": C * H, "b_y": C}
    counts["weights"] = counts["W_xh"] + counts["W_hh"] + counts["W_hy"]
    counts["biases"] = counts["b_h"] + counts["b_y"]
    counts["total"] = counts["weights"] + counts["biases"]
    return counts


def _check_params(params) -> tuple[int, int, int]:
    if not isinstance(params, dict) or set(NAMES) - set(params):
        missing = sorted(set(NAMES) - set(params)) if isinstance(params, dict) else list(NAMES)
        raise CourseError(f"params एक dict होना चाहिए जिसमें {list(NAMES)} हों; नहीं मिले: {missing}।",
                          f"params must be a dict holding {list(NAMES)}; missing: {missing}.")
    H, D = np.shape(params["W_xh"])
    C = np.shape(params["W_hy"])[0]
    expected = {"W_xh": (H, D), "W_hh": (H, H), "b_h": (H,), "W_hy": (C, H), "b_y": (C,)}
    for name, shape in expected.items():
        if np.shape(params[name]) != shape:
            raise CourseError(
                f"{name} का shape {shape} होना चाहिए (H={H} hidden units, D={D} features, C={C} outputs); "
                f"मिला {np.shape(params[name])}।",
                f"{name} must have shape {shape} (H={H} hidden units, D={D} features, C={C} outputs); "
                f"got {np.shape(params[name])}.")
    return D, H, C


def _check_x(x, D: int) -> np.ndarray:
    x = np.asarray(x, dtype=float)
    if x.ndim == 2:                                   # one sequence (T, D) -> a batch of one (1, T, D)
        x = x[None]
    if x.ndim != 3 or x.shape[-1] != D or x.shape[1] < 1:
        raise CourseError(
            f"x का shape (batch, time steps, features) = (B, T, {D}) होना चाहिए (या एक sequence के लिए (T, {D})); "
            f"मिला {x.shape}।",
            f"x must have shape (batch, time steps, features) = (B, T, {D}) (or (T, {D}) for one sequence); "
            f"got {x.shape}.")
    return x


def _check_y(y, B: int, C: int, output: str) -> np.ndarray:
    y = np.asarray(y)
    if output == "sigmoid" and y.shape == (B, 1):
        y = y[:, 0]
    if y.shape != (B,):
        raise CourseError(f"y में हर sequence का एक label होना चाहिए: shape ({B},); मिला {y.shape}।",
                          f"y must hold one label per sequence: shape ({B},); got {y.shape}.")
    if output == "sigmoid":
        if C != 1 or not np.all((y == 0) | (y == 1)):
            raise CourseError("sigmoid output के लिए एक output unit (C = 1) और labels 0 या 1 चाहिए।",
                              "a sigmoid output needs one output unit (C = 1) and labels 0 or 1.")
        return y.astype(float)
    if not np.issubdtype(y.dtype, np.integer) or y.min() < 0 or y.max() >= C:
        raise CourseError(f"softmax output के labels 0 से {C - 1} तक के पूर्णांक होने चाहिए।",
                          f"softmax labels must be integers from 0 to {C - 1}.")
    return y


def _check_output(output: str) -> None:
    if output not in OUTPUTS:
        raise CourseError(f"output इनमें से एक होना चाहिए: {OUTPUTS}; मिला {output!r}।",
                          f"output must be one of {OUTPUTS}; got {output!r}.")


# ------------------------------------------------------------------ forward propagation through time

@dataclass
class Cache:
    """Everything the forward pass computed; the backward pass reads it."""

    x: np.ndarray        # (B, T, D) the inputs
    h: np.ndarray        # (B, T+1, H) the hidden states, h[:, 0] = h_0, h[:, t] = h_t
    z: np.ndarray        # (B, C) the logits at the last step
    p: np.ndarray        # (B, C) the predicted probabilities ŷ
    output: str          # "sigmoid" or "softmax"
    loss: float | None = None   # the mean cross-entropy (when labels were given)


def forward(params, x, y=None, h0=None, output: str = "sigmoid") -> Cache:
    """Forward propagation through time: h_1, h_2, …, h_T one after the other, then ŷ from h_T."""
    _check_output(output)
    D, H, C = _check_params(params)
    x = _check_x(x, D)
    B, T, _ = x.shape
    h = np.zeros((B, T + 1, H))
    if h0 is not None:
        h[:, 0] = np.broadcast_to(np.asarray(h0, dtype=float), (B, H))
    for t in range(1, T + 1):
        a = x[:, t - 1] @ params["W_xh"].T + h[:, t - 1] @ params["W_hh"].T + params["b_h"]   # (B, H)
        h[:, t] = np.tanh(a)
    z = h[:, T] @ params["W_hy"].T + params["b_y"]                                            # (B, C)
    if output == "sigmoid":
        p = 1.0 / (1.0 + np.exp(-z))
    else:
        e = np.exp(z - z.max(axis=1, keepdims=True))
        p = e / e.sum(axis=1, keepdims=True)
    cache = Cache(x=x, h=h, z=z, p=p, output=output)
    if y is not None:
        y = _check_y(y, B, C, output)
        if output == "sigmoid":   # log σ(z) = -log(1 + e^{-z}), written stably
            zz = z[:, 0]
            cache.loss = float(np.mean(np.logaddexp(0.0, -zz) * y + np.logaddexp(0.0, zz) * (1 - y)))
        else:
            logp = z - z.max(axis=1, keepdims=True)
            logp -= np.log(np.exp(logp).sum(axis=1, keepdims=True))
            cache.loss = float(-np.mean(logp[np.arange(B), y]))
    return cache


# ------------------------------------------------------------------ backpropagation through time

def backward(params, cache: Cache, y, truncate: int | None = None):
    """The hand-derived backward pass over a forward ``cache``.

    Returns ``(grads, dh)``: the gradients of every parameter, and dh[:, t] = ∂L/∂h_t, shape (B, T+1, H).
    """
    B, T, _ = cache.x.shape
    C = cache.z.shape[1]
    y = _check_y(y, B, C, cache.output)
    if cache.output == "sigmoid":
        dz = (cache.p[:, 0] - y)[:, None] / B          # ∂L/∂z = ŷ − y for sigmoid + BCE     (B, 1)
    else:
        dz = cache.p.copy()
        dz[np.arange(B), y] -= 1.0                       # ∂L/∂z = ŷ − onehot(y) for softmax + CE
        dz /= B                                          # (B, C)
    h = cache.h
    grads = {name: np.zeros_like(params[name], dtype=float) for name in NAMES}
    grads["W_hy"] = dz.T @ h[:, T]                       # (C, B) @ (B, H) -> (C, H)
    grads["b_y"] = dz.sum(axis=0)                        # (C,)
    dh = np.zeros_like(h)                                # ∂L/∂h_t for every t   (B, T+1, H)
    dh[:, T] = dz @ params["W_hy"]                       # (B, C) @ (C, H) -> (B, H)
    stop = 0 if truncate is None else max(T - truncate, 0)
    for t in range(T, stop, -1):                         # t = T, T-1, ..., stop+1
        da = dh[:, t] * (1.0 - h[:, t] ** 2)             # through tanh: tanh'(a) = 1 − h²    (B, H)
        grads["W_xh"] += da.T @ cache.x[:, t - 1]        # step t's share of ∂L/∂W_xh         (H, D)
        grads["W_hh"] += da.T @ h[:, t - 1]              # step t's share of ∂L/∂W_hh         (H, H)
        grads["b_h"] += da.sum(axis=0)                   # (H,)
        dh[:, t - 1] = da @ params["W_hh"]               # one step further back in time      (B, H)
    return grads, dh


def bptt(params, x, y, h0=None, output: str = "sigmoid", truncate: int | None = None):
    """Loss and gradients of every parameter by backpropagation through time (NumPy, no autograd).

    Returns ``(loss, grads)``; ``grads[name]`` has the shape of ``params[name]``.
    ``truncate=k`` keeps only the last ``k`` time steps of the backward walk (truncated BPTT).
    """
    if truncate is not None and (int(truncate) != truncate or truncate < 1):
        raise CourseError(f"truncate (k) 1 या उससे बड़ा पूर्णांक होना चाहिए; मिला {truncate!r}।",
                          f"truncate (k) must be an integer of at least 1; got {truncate!r}.")
    cache = forward(params, x, y, h0=h0, output=output)
    grads, _ = backward(params, cache, y, truncate)
    return cache.loss, grads


def truncated_bptt(params, x, y, k: int, h0=None, output: str = "sigmoid"):
    """Truncated BPTT: the forward pass sees all T steps, the backward pass only the last ``k``.

    The same as cutting the graph (``h.detach()`` in PyTorch) at h_{T−k}: nothing before it gets a gradient.
    With ``k >= T`` it is full BPTT.
    """
    return bptt(params, x, y, h0=h0, output=output, truncate=k)


def grad_norms_through_time(params, x, y, h0=None, output: str = "sigmoid") -> np.ndarray:
    """‖∂L/∂h_t‖ for t = 1, …, T (shape (T,)): how much of the loss's gradient reaches each time step."""
    cache = forward(params, x, y, h0=h0, output=output)
    _, dh = backward(params, cache, y)
    return np.sqrt((dh[:, 1:] ** 2).sum(axis=(0, 2)))   # (T,)


def autograd_bptt(params, x, y, h0=None, output: str = "sigmoid", truncate: int | None = None):
    """The same ``(loss, grads)`` from PyTorch's autograd in float64: the reference ``bptt`` is tested against."""
    import torch

    _check_output(output)
    D, H, C = _check_params(params)
    x = _check_x(x, D)
    B, T, _ = x.shape
    y = _check_y(y, B, C, output)
    P = {k: torch.tensor(np.asarray(params[k], dtype=float), requires_grad=True) for k in NAMES}
    xt = torch.tensor(x)
    h = torch.zeros(B, H, dtype=torch.float64) if h0 is None else \
        torch.tensor(np.broadcast_to(np.asarray(h0, dtype=float), (B, H)).copy())
    for t in range(1, T + 1):
        if truncate is not None and t == T - truncate + 1:
            h = h.detach()                               # cut the graph: no gradient flows further back
        h = torch.tanh(xt[:, t - 1] @ P["W_xh"].T + h @ P["W_hh"].T + P["b_h"])
    z = h @ P["W_hy"].T + P["b_y"]
    if output == "sigmoid":
        loss = torch.nn.functional.binary_cross_entropy_with_logits(z[:, 0], torch.tensor(y))
    else:
        loss = torch.nn.functional.cross_entropy(z, torch.tensor(y))
    loss.backward()
    return loss.item(), {k: P[k].grad.numpy() for k in NAMES}


# ------------------------------------------------------------------ the update, and clipping

def global_norm(grads) -> float:
    """The L2 norm of all gradients together, as if they were one long vector: √(Σ g²)."""
    values = grads.values() if isinstance(grads, dict) else grads
    return float(np.sqrt(sum(float(np.sum(np.asarray(g, dtype=float) ** 2)) for g in values)))


def clip_by_norm(grads, max_norm: float):
    """Scale all gradients by min(1, max_norm / ‖g‖): same direction, total norm at most ``max_norm``.

    ``grads`` is a dict (or a list) of arrays. Returns ``(clipped, norm_before)`` like
    ``torch.nn.utils.clip_grad_norm_`` (which also adds 1e-6 to ‖g‖ in the divisor).
    """
    if not max_norm > 0:
        raise CourseError(f"max_norm धनात्मक होना चाहिए; मिला {max_norm!r}।",
                          f"max_norm must be positive; got {max_norm!r}.")
    total = global_norm(grads)
    scale = min(1.0, max_norm / (total + 1e-6))
    if isinstance(grads, dict):
        return {k: np.asarray(g, dtype=float) * scale for k, g in grads.items()}, total
    return [np.asarray(g, dtype=float) * scale for g in grads], total


def sgd_step(params, grads, lr: float) -> dict[str, np.ndarray]:
    """One gradient-descent update, w_new = w_old − η ∂L/∂w_old, for every parameter (a new dict)."""
    return {k: params[k] - lr * grads[k] for k in NAMES}


def predict(params, x, h0=None, output: str = "sigmoid") -> np.ndarray:
    """Predicted classes: ŷ > 0.5 for sigmoid (0/1), the largest probability for softmax.  Shape (B,)."""
    p = forward(params, x, h0=h0, output=output).p
    return (p[:, 0] > 0.5).astype(int) if output == "sigmoid" else p.argmax(axis=1)
