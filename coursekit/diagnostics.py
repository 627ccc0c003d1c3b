"""Look inside a network: activations and gradient norms per layer, collected with hooks.

Introduced in notebooks 02 (activation histograms) and 03 (vanishing and
exploding gradients).
"""
from __future__ import annotations

import torch
from torch import nn

DEFAULT_LAYERS = (nn.Linear, nn.Conv2d, nn.RNN, nn.LSTM, nn.GRU)


def _layers(model: nn.Module, types) -> list[tuple[str, nn.Module]]:
    return [(name, m) for name, m in model.named_modules() if isinstance(m, types)]


@torch.no_grad()
def activations(model: nn.Module, x: torch.Tensor, types=(nn.ReLU, nn.Sigmoid, nn.Tanh)) -> dict:
    """Run ``model(x)`` and return the output of every module of the given types, in order.

    Uses forward hooks, removed before returning.
    """
    found: dict[str, torch.Tensor] = {}
    hooks = [m.register_forward_hook(lambda mod, inp, out, name=name: found.__setitem__(name, out.detach().cpu()))
             for name, m in _layers(model, types)]
    try:
        model(x)
    finally:
        for h in hooks:
            h.remove()
    return found


def gradient_norms(model: nn.Module, x: torch.Tensor, y: torch.Tensor, loss_fn=None, types=DEFAULT_LAYERS) -> dict:
    """L2 norm of the loss gradient w.r.t. each layer's weight, for one batch, input layer first.

    A hook on every weight tensor records its gradient during ``loss.backward()``.
    Gradients already stored on the model are left untouched.
    """
    loss_fn = loss_fn or nn.CrossEntropyLoss()
    norms: dict[str, float] = {}
    hooks = []
    for name, m in _layers(model, types):
        w = getattr(m, "weight", None)
        if w is None:
            w = getattr(m, "weight_hh_l0", None)
        if w is not None and w.requires_grad:
            hooks.append(w.register_hook(lambda g, name=name: norms.__setitem__(name, g.norm().item())))
    saved = [p.grad for p in model.parameters()]
    try:
        loss = loss_fn(model(x), y)
        grads = torch.autograd.grad(loss, [p for p in model.parameters() if p.requires_grad], allow_unused=True)
        del grads
    finally:
        for h in hooks:
            h.remove()
        for p, g in zip(model.parameters(), saved):
            p.grad = g
    return {name: norms[name] for name, _ in _layers(model, types) if name in norms}


def activation_summary(acts: dict, model: nn.Module | None = None) -> list[tuple[str, float, float, float]]:
    """(layer, mean, std, fraction saturated or dead) per layer, from :func:`activations`.

    "Saturated" means within 0.02 of the limits for sigmoid (0, 1) and tanh (±1); for ReLU the
    fraction counts dead outputs (exactly 0). The kind of each layer comes from its module type
    when ``model`` is given, otherwise it is guessed from the value range.
    """
    rows = []
    for name, a in acts.items():
        a = a.float()
        kind = type(model.get_submodule(name)).__name__ if model is not None else _guess_kind(a)
        if kind == "Sigmoid":
            frac = ((a < 0.02) | (a > 0.98)).float().mean().item()
        elif kind == "Tanh":
            frac = (a.abs() > 0.98).float().mean().item()
        else:
            frac = (a == 0).float().mean().item()
        rows.append((name, a.mean().item(), a.std().item(), frac))
    return rows


def _guess_kind(a: torch.Tensor) -> str:
    if a.min() >= 0 and a.max() <= 1 and (a == 0).float().mean() < 0.2:
        return "Sigmoid"
    if a.min() < 0 and a.min() >= -1 and a.max() <= 1:
        return "Tanh"
    return "ReLU"
