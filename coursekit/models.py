"""Models for Part 1 (deep feed-forward networks)."""
from __future__ import annotations

from dataclasses import dataclass, field

import torch
from torch import nn

from .i18n import CourseError, check_positive_int

ACTIVATIONS = {"relu": nn.ReLU, "sigmoid": nn.Sigmoid, "tanh": nn.Tanh}


@dataclass
class MLPConfig:
    in_features: int = 784                          # input size, e.g. 28*28 pixels
    hidden: list[int] = field(default_factory=lambda: [512, 256])  # neurons per hidden layer
    out_features: int = 10                          # number of classes
    activation: str = "relu"                        # "relu", "sigmoid" or "tanh"
    dropout: float = 0.0                            # dropout after each hidden activation (0 = off)
    batchnorm: bool = False                         # BatchNorm1d between Linear and activation


def _check_sizes(cfg: MLPConfig) -> None:
    """Every layer size of the config must be a whole number ≥ 1: a bilingual CourseError otherwise."""
    check_positive_int(cfg.in_features, "in_features")
    check_positive_int(cfg.out_features, "out_features")
    if isinstance(cfg.hidden, (str, bytes)) or not hasattr(cfg.hidden, "__iter__"):
        raise CourseError(f"hidden हर hidden layer में neurons की संख्या की list होनी चाहिए, जैसे [512, 256]; मिला {cfg.hidden!r}।",
                          f"hidden must be a list of neurons per hidden layer, e.g. [512, 256]; got {cfg.hidden!r}.")
    for i, h in enumerate(cfg.hidden):
        check_positive_int(h, f"hidden[{i}]")


class MLP(nn.Module):
    """A deep feed-forward network: [Linear → (BatchNorm) → activation → (Dropout)] × N → Linear.

    Introduced in notebook 01. ``MLP(MLPConfig())`` is the source's 784 → 512 → 256 → 10 network.
    """

    def __init__(self, config: MLPConfig | None = None, **overrides):
        super().__init__()
        cfg = config or MLPConfig()
        for k, v in overrides.items():
            setattr(cfg, k, v)
        if cfg.activation not in ACTIVATIONS:
            raise CourseError(
                f"activation इनमें से एक होना चाहिए: {sorted(ACTIVATIONS)}; मिला: {cfg.activation!r}।",
                f"activation must be one of {sorted(ACTIVATIONS)}; got {cfg.activation!r}")
        _check_sizes(cfg)
        self.config = cfg
        layers: list[nn.Module] = []
        width = cfg.in_features
        for h in cfg.hidden:
            layers.append(nn.Linear(width, h))
            if cfg.batchnorm:
                layers.append(nn.BatchNorm1d(h))
            layers.append(ACTIVATIONS[cfg.activation]())
            if cfg.dropout > 0:
                layers.append(nn.Dropout(cfg.dropout))
            width = h
        layers.append(nn.Linear(width, cfg.out_features))
        self.net = nn.Sequential(*layers)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        x = x.flatten(1)  # (B, ...) -> (B, in_features)
        if x.shape[1] != self.config.in_features:
            raise CourseError(
                f"input में {self.config.in_features} features होने चाहिए (batch, {self.config.in_features}); "
                f"मिला shape {tuple(x.shape)}।",
                f"expected input with {self.config.in_features} features (batch, {self.config.in_features}); "
                f"got shape {tuple(x.shape)}")
        return self.net(x)  # (B, out_features) logits


def count_parameters(model: nn.Module, trainable_only: bool = True) -> int:
    """Number of (trainable) parameters of a model."""
    return sum(p.numel() for p in model.parameters() if p.requires_grad or not trainable_only)


def linear_params(n_in: int, n_out: int, bias: bool = True) -> int:
    """Parameters of one dense layer: n_in·n_out weights + n_out biases."""
    check_positive_int(n_in, "n_in")
    check_positive_int(n_out, "n_out")
    return n_in * n_out + (n_out if bias else 0)


def parameter_table(model: nn.Module):
    """A list of (name, shape, count) rows, one per parameter tensor."""
    return [(name, tuple(p.shape), p.numel()) for name, p in model.named_parameters()]
