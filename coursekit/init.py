"""Weight initialisation: the schemes of notebook 02 through ``torch.nn.init``, and their formulas from scratch.

Introduced in notebook 02 (weight initialization). ``init_weights(model, scheme)`` re-initialises every
``nn.Linear`` (and ``nn.Conv2d``) of a model in place; ``xavier_std``, ``he_std`` and friends are the
textbook formulas, written out so that a learner can compare them with the tensors ``nn.init`` makes;
``max_row_difference`` and ``distinct_rows`` measure the symmetry that a constant initialisation never breaks.
"""
from __future__ import annotations

import math

import torch
from torch import nn

from .i18n import CourseError, check_positive_int

SCHEMES = ("default", "zeros", "constant", "normal", "uniform",
           "xavier_uniform", "xavier_normal", "kaiming_normal", "kaiming_uniform")
ALIASES = {"he": "kaiming_normal", "xavier": "xavier_normal", "glorot": "xavier_normal"}
LAYERS = (nn.Linear, nn.Conv2d)


def fans(weight: torch.Tensor) -> tuple[int, int]:
    """(fan_in, fan_out) of a weight tensor, as ``nn.init`` counts them.

    A Linear weight has shape (out_features, in_features): fan_in = in_features, fan_out = out_features.
    A Conv2d weight (out_ch, in_ch, kh, kw) multiplies both by the kernel size kh·kw.
    """
    if weight.dim() < 2:
        raise CourseError(
            f"fan_in/fan_out के लिए weight में कम से कम 2 dimensions (out, in) चाहिए; मिला shape {tuple(weight.shape)}"
            " — bias जैसे 1-D tensor का fan नहीं होता।",
            f"fan_in/fan_out need a weight with at least 2 dimensions (out, in); got shape {tuple(weight.shape)}"
            " — a 1-D tensor such as a bias has no fan.")
    receptive = math.prod(weight.shape[2:])  # 1 for a Linear layer, kh*kw for a convolution
    return weight.shape[1] * receptive, weight.shape[0] * receptive


def _check_fans(fan_in, fan_out=1) -> None:
    """fan_in and fan_out count connections (inputs / outputs of a neuron): whole numbers ≥ 1."""
    check_positive_int(fan_in, "fan_in")
    check_positive_int(fan_out, "fan_out")


def xavier_std(fan_in: int, fan_out: int, gain: float = 1.0) -> float:
    """Xavier/Glorot normal std: gain · √(2 / (fan_in + fan_out)), i.e. Var(w) = 2 / (fan_in + fan_out)."""
    _check_fans(fan_in, fan_out)
    return gain * math.sqrt(2.0 / (fan_in + fan_out))


def xavier_bound(fan_in: int, fan_out: int, gain: float = 1.0) -> float:
    """Xavier/Glorot uniform limit a of U(−a, a): gain · √(6 / (fan_in + fan_out)) (same variance, a²/3)."""
    _check_fans(fan_in, fan_out)
    return gain * math.sqrt(6.0 / (fan_in + fan_out))


def he_std(fan_in: int, gain: float = math.sqrt(2.0)) -> float:
    """He/Kaiming normal std: √(2 / fan_in) for ReLU, i.e. Var(w) = 2 / fan_in (ReLU zeros half the inputs)."""
    _check_fans(fan_in)
    return gain / math.sqrt(fan_in)


def he_bound(fan_in: int, gain: float = math.sqrt(2.0)) -> float:
    """He/Kaiming uniform limit a of U(−a, a): √(6 / fan_in) for ReLU (same variance, a²/3)."""
    _check_fans(fan_in)
    return gain * math.sqrt(3.0 / fan_in)


def default_linear_bound(fan_in: int) -> float:
    """PyTorch's default ``nn.Linear`` limit: U(−1/√fan_in, 1/√fan_in), for the weight and the bias.

    It comes from ``kaiming_uniform_(weight, a=√5)``: gain √(2/(1+5)) = √(1/3), limit √(1/3)·√(3/fan_in).
    The variance is 1/(3·fan_in): neither Xavier nor He.
    """
    _check_fans(fan_in)
    return 1.0 / math.sqrt(fan_in)


@torch.no_grad()
def init_weights(model: nn.Module, scheme: str = "kaiming_normal", *, std: float = 0.01, bound: float = 0.1,
                 value: float = 0.0, gain: float = 1.0, nonlinearity: str = "relu", bias: float = 0.0,
                 types=LAYERS) -> nn.Module:
    """Re-initialise the weights of every layer of ``types`` in ``model`` in place, and return the model.

    Schemes (``nn.init`` does the work):

    - ``"default"``: PyTorch's own init (``reset_parameters``), biases included;
    - ``"zeros"`` / ``"constant"``: every weight 0 / ``value`` — never breaks the symmetry;
    - ``"normal"``: N(0, std²); ``"uniform"``: U(−bound, bound) — the same for every layer size;
    - ``"xavier_uniform"``, ``"xavier_normal"``: Var(w) = gain² · 2 / (fan_in + fan_out);
    - ``"kaiming_uniform"``, ``"kaiming_normal"``: Var(w) = 2 / fan_in for ``nonlinearity="relu"``
      (``"he"`` and ``"xavier"`` are accepted as short names of the normal versions).

    Every bias is set to ``bias`` (0 by default), except with ``"default"``.
    """
    scheme = ALIASES.get(scheme, scheme)
    if scheme not in SCHEMES:
        raise CourseError(f"scheme इनमें से एक होना चाहिए: {SCHEMES} (या {sorted(ALIASES)}); मिला: {scheme!r}।",
                          f"scheme must be one of {SCHEMES} (or {sorted(ALIASES)}); got {scheme!r}")
    if scheme in ("normal", "uniform") and (std if scheme == "normal" else bound) <= 0:
        raise CourseError("scheme='normal' के लिए std और 'uniform' के लिए bound धनात्मक होने चाहिए।",
                          "scheme='normal' needs a positive std and 'uniform' a positive bound.")
    layers = [m for m in model.modules() if isinstance(m, types)]
    if not layers:
        raise CourseError(f"model में {[t.__name__ for t in types]} की कोई layer नहीं मिली।",
                          f"the model has no layer of type {[t.__name__ for t in types]} to initialise.")
    for m in layers:
        if scheme == "default":
            m.reset_parameters()
            continue
        w = m.weight
        if scheme == "zeros":
            nn.init.zeros_(w)
        elif scheme == "constant":
            nn.init.constant_(w, value)
        elif scheme == "normal":
            nn.init.normal_(w, mean=0.0, std=std)
        elif scheme == "uniform":
            nn.init.uniform_(w, -bound, bound)
        elif scheme == "xavier_uniform":
            nn.init.xavier_uniform_(w, gain=gain)
        elif scheme == "xavier_normal":
            nn.init.xavier_normal_(w, gain=gain)
        elif scheme == "kaiming_uniform":
            nn.init.kaiming_uniform_(w, nonlinearity=nonlinearity)
        else:  # kaiming_normal
            nn.init.kaiming_normal_(w, nonlinearity=nonlinearity)
        if m.bias is not None:
            nn.init.constant_(m.bias, bias)
    return model


def max_row_difference(weight: torch.Tensor) -> float:
    """Largest |W[i, j] − W[0, j]| over all rows i: 0.0 means every neuron of the layer has the same weights."""
    w = weight.detach().flatten(1)  # (out, in): one row per neuron
    return (w - w[:1]).abs().max().item()


def distinct_rows(weight: torch.Tensor) -> int:
    """How many different rows (neurons) a weight matrix has: 1 when the symmetry was never broken."""
    return torch.unique(weight.detach().flatten(1), dim=0).shape[0]
