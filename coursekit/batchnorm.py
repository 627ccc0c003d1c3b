"""Batch normalisation from scratch: ``batchnorm_forward`` and ``BatchNorm1dScratch``.

Introduced in notebook 04 (batch normalization). For every channel (feature) c,
over the m values of that channel in the batch (N values for an (N, C) input,
N·L for (N, C, L), N·H·W for (N, C, H, W))::

    mu    = mean(x)                          # batch mean
    var   = mean((x - mu)**2)                # biased batch variance (divide by m)
    x_hat = (x - mu) / sqrt(var + eps)
    y     = gamma * x_hat + beta             # learnable scale and shift

In training mode the layer also keeps running averages for evaluation, exactly
as ``torch.nn.BatchNorm1d`` does::

    running_mean = (1 - momentum) * running_mean + momentum * mu
    running_var  = (1 - momentum) * running_var  + momentum * var * m / (m - 1)   # unbiased

and in evaluation mode it normalises with ``running_mean``/``running_var``
instead of the batch statistics.
"""
from __future__ import annotations

import torch
from torch import nn

from .i18n import CourseError


def _reduce_dims(x: torch.Tensor) -> tuple[int, ...]:
    """Every dimension except the channel dimension 1: (0,) for (N, C), (0, 2) for (N, C, L), ..."""
    return (0, *range(2, x.dim()))


def _per_channel(v: torch.Tensor, x: torch.Tensor) -> torch.Tensor:
    """Reshape a (C,) vector so that it broadcasts over x: (1, C) or (1, C, 1) or (1, C, 1, 1)."""
    return v.reshape(1, -1, *([1] * (x.dim() - 2)))


def batch_stats(x: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
    """Per-channel batch mean and *biased* variance of ``x`` (N, C, *); both of shape (C,)."""
    dims = _reduce_dims(x)
    mean = x.mean(dim=dims)                                          # (C,)
    var = ((x - _per_channel(mean, x)) ** 2).mean(dim=dims)          # (C,)  divide by m, not m - 1
    return mean, var


def batchnorm_forward(x: torch.Tensor, gamma: torch.Tensor, beta: torch.Tensor, eps: float = 1e-5) -> torch.Tensor:
    """Batch-normalise ``x`` (N, C, *) with its own batch statistics, then scale by gamma and shift by beta.

    The function form of training-mode batch norm (notebook 04); the same as
    ``torch.nn.functional.batch_norm(x, None, None, gamma, beta, training=True, eps=eps)``.
    ``gamma`` and ``beta`` have shape (C,). Works for (N, C), (N, C, L) and (N, C, H, W).
    """
    if x.dim() < 2:
        raise CourseError(
            f"batch norm को (N, C, ...) shape का input चाहिए (batch, channels, ...); मिला shape {tuple(x.shape)}।",
            f"batch norm needs an input of shape (N, C, ...) (batch, channels, ...); got shape {tuple(x.shape)}")
    for v, name in ((gamma, "gamma"), (beta, "beta")):
        if not torch.is_tensor(v) or v.numel() != x.shape[1]:
            got = tuple(v.shape) if torch.is_tensor(v) else type(v).__name__
            raise CourseError(
                f"{name} का shape ({x.shape[1]},) होना चाहिए — x {tuple(x.shape)} के हर channel के लिए एक मान; "
                f"मिला {got}।",
                f"{name} must have shape ({x.shape[1]},) — one value per channel of x {tuple(x.shape)}; got {got}")
    mean, var = batch_stats(x)                                                        # (C,), (C,)
    x_hat = (x - _per_channel(mean, x)) / torch.sqrt(_per_channel(var, x) + eps)      # same shape as x
    return _per_channel(gamma, x) * x_hat + _per_channel(beta, x)                     # same shape as x


class BatchNorm1dScratch(nn.Module):
    """Batch normalisation for (N, C) or (N, C, L) inputs, written out step by step (notebook 04).

    It behaves like ``nn.BatchNorm1d(num_features, eps, momentum)``: the same
    parameter and buffer names (``weight`` is gamma, ``bias`` is beta;
    ``running_mean``, ``running_var``, ``num_batches_tracked``), so the two can
    load each other's ``state_dict``. Training mode normalises with the batch
    statistics and updates the running averages (with the unbiased variance);
    evaluation mode (``.eval()``) normalises with the running averages.
    ``momentum=None`` gives the cumulative average, as in PyTorch.
    """

    def __init__(self, num_features: int, eps: float = 1e-5, momentum: float | None = 0.1):
        super().__init__()
        self.num_features, self.eps, self.momentum = num_features, eps, momentum
        self.weight = nn.Parameter(torch.ones(num_features))     # gamma (C,)
        self.bias = nn.Parameter(torch.zeros(num_features))      # beta  (C,)
        self.register_buffer("running_mean", torch.zeros(num_features))
        self.register_buffer("running_var", torch.ones(num_features))
        self.register_buffer("num_batches_tracked", torch.tensor(0, dtype=torch.long))

    def _check_input(self, x: torch.Tensor) -> None:
        if x.dim() not in (2, 3) or x.shape[1] != self.num_features:
            raise CourseError(
                f"BatchNorm1dScratch({self.num_features}) को (N, {self.num_features}) या (N, {self.num_features}, L) "
                f"shape का input चाहिए (batch, features[, length]); मिला shape {tuple(x.shape)}।",
                f"BatchNorm1dScratch({self.num_features}) expects an input of shape (N, {self.num_features}) or "
                f"(N, {self.num_features}, L) (batch, features[, length]); got shape {tuple(x.shape)}")
        m = x.numel() // x.shape[1]                      # values per channel
        if self.training and m < 2:
            raise CourseError(
                f"training mode में हर channel के लिए 1 से ज़्यादा मान चाहिए (मिला shape {tuple(x.shape)}): "
                "एक मान का variance 0 होता है। batch बड़ा कीजिए, या prediction के लिए model.eval() चलाइए।",
                f"training mode needs more than 1 value per channel (got shape {tuple(x.shape)}): the variance of "
                "a single value is 0. Use a bigger batch, or call model.eval() to predict.")

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        self._check_input(x)
        if self.training:
            mean, var = batch_stats(x)                                   # (C,), (C,) biased variance
            with torch.no_grad():
                self.num_batches_tracked += 1
                m = x.numel() // x.shape[1]                              # values per channel
                momentum = 1.0 / float(self.num_batches_tracked) if self.momentum is None else self.momentum
                unbiased = var * m / (m - 1)                             # running_var uses divide-by-(m - 1)
                self.running_mean.mul_(1 - momentum).add_(momentum * mean)
                self.running_var.mul_(1 - momentum).add_(momentum * unbiased)
        else:
            mean, var = self.running_mean, self.running_var              # (C,), (C,)
        x_hat = (x - _per_channel(mean, x)) / torch.sqrt(_per_channel(var, x) + self.eps)   # same shape as x
        return _per_channel(self.weight, x) * x_hat + _per_channel(self.bias, x)

    def extra_repr(self) -> str:
        return f"{self.num_features}, eps={self.eps}, momentum={self.momentum}"
