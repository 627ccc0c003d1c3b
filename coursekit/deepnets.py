"""Deep, narrow networks for studying vanishing and exploding gradients.

Introduced in notebook 03. ``DeepMLP`` stacks many equal-width layers, with
optional BatchNorm and residual (skip) connections, so that one knob at a time
can be switched on (re-initialise it with ``coursekit.init.init_weights``, notebook 02);
``layer_gradient_norms`` gives the per-layer gradient norms under short names
(``L1`` = input side) and ``first_last_ratio`` sums them up in one number.
"""
from __future__ import annotations

import torch
from torch import nn

from .diagnostics import gradient_norms
from .i18n import CourseError

ACTIVATIONS = {"relu": nn.ReLU, "sigmoid": nn.Sigmoid, "tanh": nn.Tanh, "identity": nn.Identity}


def sigmoid_derivative(x: torch.Tensor) -> torch.Tensor:
    """σ'(x) = σ(x)(1 − σ(x)); at most 0.25, reached at x = 0."""
    x = torch.as_tensor(x)
    s = torch.sigmoid(x if x.is_floating_point() else x.to(torch.get_default_dtype()))   # float64 stays float64
    return s * (1 - s)


class Block(nn.Module):
    """One hidden layer in pre-activation order: f(h) = W · act(BN(h)) + b.

    With ``residual=True`` the block returns h + f(h) (a skip connection, as in ResNet v2).
    """

    def __init__(self, n_in: int, n_out: int, activation: str, batchnorm: bool, residual: bool):
        super().__init__()
        if residual and n_in != n_out:
            raise CourseError(f"residual block में h + f(h) के लिए n_in = n_out चाहिए; मिले {n_in} और {n_out}।",
                              f"a residual block needs n_in == n_out to add h + f(h); got {n_in} and {n_out}")
        self.norm = nn.BatchNorm1d(n_in) if batchnorm else nn.Identity()
        self.act = ACTIVATIONS[activation]()
        self.linear = nn.Linear(n_in, n_out)
        self.residual = residual

    def forward(self, h: torch.Tensor) -> torch.Tensor:  # (B, n_in) -> (B, n_out)
        fh = self.linear(self.act(self.norm(h)))
        return h + fh if self.residual else fh


class DeepMLP(nn.Module):
    """A deep MLP with ``depth`` hidden layers of ``width`` units: in_features → width → … → out_features.

    Without options it is the plain chain Linear → act → Linear → act → … → act → Linear
    (``depth`` activations, ``depth + 1`` Linear layers). ``batchnorm=True`` puts BatchNorm1d
    before every activation (Linear → BN → act); ``residual=True`` adds a skip connection
    around every width × width layer: h ← h + W·act(BN(h)) + b.
    Introduced in notebook 03 (vanishing and exploding gradients).
    """

    def __init__(self, depth: int = 20, width: int = 64, activation: str = "sigmoid", residual: bool = False,
                 batchnorm: bool = False, in_features: int = 64, out_features: int = 10):
        super().__init__()
        if activation not in ACTIVATIONS:
            raise CourseError(
                f"activation इनमें से एक होना चाहिए: {sorted(ACTIVATIONS)}; मिला: {activation!r}।",
                f"activation must be one of {sorted(ACTIVATIONS)}; got {activation!r}")
        if not isinstance(depth, int) or depth < 1:
            raise CourseError(f"depth (hidden layers की संख्या) कम से कम 1 होनी चाहिए; मिला: {depth!r}।",
                              f"depth (the number of hidden layers) must be at least 1; got {depth!r}")
        self.depth, self.width, self.activation = depth, width, activation
        self.residual, self.batchnorm = residual, batchnorm
        self.in_features, self.out_features = in_features, out_features
        self.stem = nn.Linear(in_features, width)                                   # layer L1
        self.blocks = nn.ModuleList(Block(width, width, activation, batchnorm, residual)
                                    for _ in range(depth - 1))                      # layers L2 … L{depth}
        self.head = Block(width, out_features, activation, batchnorm, residual=False)  # act, then the output layer

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        x = x.flatten(1)  # (B, ...) -> (B, in_features)
        if x.shape[1] != self.in_features:
            raise CourseError(
                f"input में {self.in_features} features होने चाहिए (batch, {self.in_features}); "
                f"मिला shape {tuple(x.shape)}।",
                f"expected input with {self.in_features} features (batch, {self.in_features}); "
                f"got shape {tuple(x.shape)}")
        h = self.stem(x)            # (B, width)
        for block in self.blocks:
            h = block(h)            # (B, width)
        return self.head(h)         # (B, out_features) logits

    def linears(self) -> list[tuple[str, nn.Linear]]:
        """The Linear layers in order, with short labels: L1 … L{depth}, then "out"."""
        layers = [self.stem] + [b.linear for b in self.blocks]
        return [(f"L{i}", m) for i, m in enumerate(layers, 1)] + [("out", self.head.linear)]


def layer_gradient_norms(model: DeepMLP, x: torch.Tensor, y: torch.Tensor, loss_fn=None) -> dict[str, float]:
    """‖∂loss/∂W‖ for each Linear layer of a ``DeepMLP`` on one batch: {"L1": …, …, "out": …}.

    A thin wrapper of ``coursekit.diagnostics.gradient_norms`` (hooks on the weights) with short names.
    """
    norms = gradient_norms(model, x, y, loss_fn=loss_fn)
    names = {m: name for name, m in model.named_modules()}
    return {label: norms[names[m]] for label, m in model.linears()}


def first_last_ratio(norms: dict[str, float]) -> float:
    """Gradient norm of hidden layer 1 divided by that of the last hidden layer (the head is left out).

    ≈ 1: every layer learns at a similar pace; ≪ 1: the gradient vanishes on its way back;
    ≫ 1: it grows (explodes) on its way back.
    """
    hidden = [v for k, v in norms.items() if k != "out"]
    if len(hidden) < 2:
        raise CourseError("अनुपात के लिए कम से कम 2 hidden layers चाहिए।", "the ratio needs at least 2 hidden layers.")
    return hidden[0] / hidden[-1]
