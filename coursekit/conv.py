"""Convolution from scratch (notebook 05).

* :func:`convolve1d` is the textbook 1D convolution, with the kernel flipped;
* :func:`cross_correlate1d` is what deep-learning "convolution" layers compute (no flip);
* :func:`conv2d_naive` (loops) and :func:`conv2d` (vectorised with ``unfold``) equal
  ``torch.nn.functional.conv2d``;
* :func:`conv_output_size` is the output-size formula.
"""
from __future__ import annotations

import numpy as np
import torch

from .i18n import CourseError, check_nonneg_int, check_positive_int


def convolve1d(x, w) -> np.ndarray:
    """Full 1D convolution (x * w)[n] = Σ_k x[k] · w[n − k] (the kernel is flipped); same as np.convolve."""
    x, w = np.asarray(x, dtype=float), np.asarray(w, dtype=float)
    out = np.zeros(len(x) + len(w) - 1)
    for n in range(len(out)):
        for k in range(len(x)):
            if 0 <= n - k < len(w):
                out[n] += x[k] * w[n - k]
    return out


def cross_correlate1d(x, w) -> np.ndarray:
    """'Valid' 1D cross-correlation y[n] = Σ_k x[n + k] · w[k] (no flip): what conv layers compute."""
    x, w = np.asarray(x, dtype=float), np.asarray(w, dtype=float)
    return np.array([np.dot(x[n:n + len(w)], w) for n in range(len(x) - len(w) + 1)])


def conv_output_size(size: int, kernel: int, stride: int = 1, padding: int = 0, dilation: int = 1) -> int:
    """Output length along one dimension: ⌊(size + 2·padding − dilation·(kernel − 1) − 1) / stride⌋ + 1."""
    for value, name in ((size, "size"), (kernel, "kernel"), (stride, "stride"), (dilation, "dilation")):
        check_positive_int(value, name)
    check_nonneg_int(padding, "padding")
    out = (size + 2 * padding - dilation * (kernel - 1) - 1) // stride + 1
    if out < 1:
        raise CourseError(
            f"kernel ({kernel}) padding के बाद के input ({size} + 2·{padding}) से बड़ा है: output का आकार {out} बनेगा।",
            f"the kernel ({kernel}) is larger than the padded input ({size} + 2·{padding}): output size would be {out}")
    return out


def _check_inputs(x, w, stride, padding):
    """x (N, C_in, H, W) and w (C_out, C_in, kH, kW) must fit, stride ≥ 1, padding ≥ 0, the kernel ≤ the padded input."""
    if x.dim() != 4 or w.dim() != 4:
        raise CourseError(
            f"input का shape (N, C_in, H, W) और weight का (C_out, C_in, kH, kW) होना चाहिए; "
            f"मिले {tuple(x.shape)} और {tuple(w.shape)}।",
            f"input must be (N, C_in, H, W) and weight (C_out, C_in, kH, kW); got {tuple(x.shape)} and {tuple(w.shape)}")
    if x.shape[1] != w.shape[1]:
        raise CourseError(f"input में {x.shape[1]} channels हैं, पर weight {w.shape[1]} channels माँगता है।",
                          f"the input has {x.shape[1]} channels but the weight expects {w.shape[1]}")
    for i in (2, 3):
        conv_output_size(x.shape[i], w.shape[i], stride, padding)


def conv2d_naive(x: torch.Tensor, w: torch.Tensor, b: torch.Tensor | None = None, stride: int = 1,
                 padding: int = 0) -> torch.Tensor:
    """2D convolution (cross-correlation) with explicit loops, exactly as described in notebook 05.

    x: (N, C_in, H, W), w: (C_out, C_in, kH, kW), b: (C_out,) → (N, C_out, H_out, W_out)
    """
    _check_inputs(x, w, stride, padding)
    if padding:
        x = torch.nn.functional.pad(x, (padding, padding, padding, padding))
    n, _, h, wd = x.shape
    c_out, _, kh, kw = w.shape
    h_out, w_out = (h - kh) // stride + 1, (wd - kw) // stride + 1
    out = torch.zeros(n, c_out, h_out, w_out, dtype=x.dtype, device=x.device)
    for i in range(h_out):
        for j in range(w_out):
            patch = x[:, :, i * stride:i * stride + kh, j * stride:j * stride + kw]  # (N, C_in, kH, kW)
            for c in range(c_out):
                out[:, c, i, j] = (patch * w[c]).sum(dim=(1, 2, 3))  # element-wise product, then sum
    if b is not None:
        out += b.view(1, -1, 1, 1)
    return out


def conv2d(x: torch.Tensor, w: torch.Tensor, b: torch.Tensor | None = None, stride: int = 1,
           padding: int = 0) -> torch.Tensor:
    """Vectorised 2D convolution: cut every window out with ``unfold``, then one matrix product."""
    _check_inputs(x, w, stride, padding)
    n, _, h, wd = x.shape
    c_out, c_in, kh, kw = w.shape
    h_out = conv_output_size(h, kh, stride, padding)
    w_out = conv_output_size(wd, kw, stride, padding)
    cols = torch.nn.functional.unfold(x, (kh, kw), padding=padding, stride=stride)  # (N, C_in·kH·kW, L)
    out = w.reshape(c_out, -1) @ cols                                  # (N, C_out, L); reshape: w may be non-contiguous
    if b is not None:
        out = out + b.view(1, -1, 1)
    return out.view(n, c_out, h_out, w_out)


def conv_params(c_in: int, c_out: int, kernel: int, bias: bool = True) -> int:
    """Parameters of a Conv2d layer: c_out · c_in · k² weights (+ c_out biases); independent of the image size."""
    for value, name in ((c_in, "c_in"), (c_out, "c_out"), (kernel, "kernel")):
        check_positive_int(value, name)
    return c_out * c_in * kernel * kernel + (c_out if bias else 0)
