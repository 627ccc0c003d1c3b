"""Checking a learner's ``nn.Module`` by behaviour and by the structure that matters.

:func:`compare_modules` traces both models on one input, pairs up their layers with weights in the order they
are *called* (not the order they were registered), checks each pair's kind, weight shapes and flags (bias,
affine, stride, padding, …), copies the reference's weights into the learner's layers, and compares the outputs
on several inputs. Activations and pooling are judged by what they do, so ``F.relu`` in ``forward`` is as good as
``nn.ReLU()``; when the outputs differ, the message lists the weight-free layers of both models in call order.
"""
from __future__ import annotations

from collections.abc import Callable, Sequence

from ..i18n import T
from .core import Result, wrong

FLAGS = ("in_features", "out_features", "in_channels", "out_channels", "kernel_size", "stride", "padding",
         "dilation", "groups", "num_features", "affine", "track_running_stats", "eps", "input_size", "hidden_size",
         "num_layers", "bidirectional", "batch_first", "nonlinearity", "num_embeddings", "embedding_dim",
         "padding_idx", "ceil_mode", "output_size")


def called_leaves(model, *inputs) -> list:
    """The leaf modules of ``model`` in the order a forward pass calls them (each call listed once)."""
    import torch

    order, handles = [], []
    for m in model.modules():
        if not list(m.children()):
            handles.append(m.register_forward_hook(lambda mod, i, o: order.append(mod)))
    try:
        with torch.no_grad():
            model(*inputs)
    finally:
        for h in handles:
            h.remove()
    seen, out = set(), []
    for m in order:
        if id(m) not in seen:
            seen.add(id(m))
            out.append(m)
    return out


def has_weights(m) -> bool:
    return any(True for _ in m.parameters(recurse=False)) or any(True for _ in m.buffers(recurse=False))


def describe(m) -> str:
    """``Linear(in_features=64, out_features=32, bias=False)``: the layer as PyTorch prints it, shortened."""
    text = repr(m).replace("\n", " ")
    return text if len(text) < 90 else text[:87] + "..."


def _flags(m) -> dict:
    out = {k: getattr(m, k) for k in FLAGS if hasattr(m, k)}
    if hasattr(m, "bias") and not callable(m.bias):
        out["bias"] = m.bias is not None
    if hasattr(m, "weight") and not callable(m.weight):
        out["weight"] = m.weight is not None
    return out


def _shapes(m) -> dict:
    return {name: tuple(p.shape) for name, p in m.state_dict().items() if hasattr(p, "shape")}


def _as_tensors(out) -> list:
    import torch

    if isinstance(out, torch.Tensor):
        return [out]
    if isinstance(out, (tuple, list)):
        return [t for o in out for t in _as_tensors(o)]
    return []


def compare_modules(learner, reference, inputs: Sequence, *, train: bool = False, atol: float = 1e-5,
                    name: str = "model", check_free: bool = False, logits: bool = True) -> Result | None:
    """None if ``learner`` behaves like ``reference`` with the same weights on every input; else a wrong Result.

    ``inputs`` is a list of argument tuples (or single tensors). ``train`` chooses training or evaluation mode
    for both. ``check_free`` also demands the same weight-free modules (activations, pooling) in the same order,
    for questions that ask for particular modules. ``logits``: the output is a classifier's scores (a mismatch then
    suggests a forgotten softmax/sigmoid at the end); pass False for blocks such as a residual block.
    """
    import torch

    args = [x if isinstance(x, tuple) else (x,) for x in inputs]
    learner.train(train)
    reference.train(train)
    mine, ref = called_leaves(learner, *args[0]), called_leaves(reference, *args[0])
    mine_w, ref_w = [m for m in mine if has_weights(m)], [m for m in ref if has_weights(m)]
    mine_list = "\n  ".join(describe(m) for m in mine_w) or "—"
    ref_list = "\n  ".join(describe(m) for m in ref_w)
    if [type(m) for m in mine_w] != [type(m) for m in ref_w]:
        return wrong(f"{name} की weights वाली layers, जिस क्रम में forward उन्हें चलाता है, ये होनी चाहिए:\n  {ref_list}\n"
                     f"आपकी हैं:\n  {mine_list}",
                     f"the layers with weights of {name}, in the order forward calls them, should be:\n  {ref_list}\n"
                     f"yours are:\n  {mine_list}")
    for k, (a, b) in enumerate(zip(mine_w, ref_w), 1):
        fa, fb = _flags(a), _flags(b)
        diff = {key: (fa.get(key), fb[key]) for key in fb if fa.get(key) != fb[key]}
        if diff or _shapes(a) != _shapes(b):
            detail = ", ".join(f"{key}={got!r} (≠ {exp!r})" for key, (got, exp) in diff.items()) or \
                f"{_shapes(a)} ≠ {_shapes(b)}"
            return wrong(f"layer {k} ({type(a).__name__}) अलग है: {detail}। अपेक्षित: {describe(b)}",
                         f"layer {k} ({type(a).__name__}) differs: {detail}. Expected: {describe(b)}")
    free_mine = [type(m).__name__ for m in mine if not has_weights(m)]
    free_ref = [type(m).__name__ for m in ref if not has_weights(m)]
    free_note = T(f"\nबिना weights वाली layers (क्रम से) — अपेक्षित: {' → '.join(free_ref) or '—'}; "
                  f"आपकी: {' → '.join(free_mine) or '—'}",
                  f"\nweight-free layers in call order — expected: {' → '.join(free_ref) or '—'}; "
                  f"yours: {' → '.join(free_mine) or '—'}")
    if check_free and free_mine != free_ref:
        return wrong("activation और pooling layers अलग हैं (कोई layer कम, ज़्यादा या दूसरे क्रम में है)।" + free_note.hi,
                     "the activation and pooling layers differ." + free_note.en)
    _scramble_norms(ref_w)
    with torch.no_grad():
        for a, b in zip(mine_w, ref_w):
            a.load_state_dict(b.state_dict())
    for x in args:
        with torch.no_grad():      # each model gets its own copy: a forward that changes its input cannot spoil the other
            got = _as_tensors(learner(*[t.clone() if hasattr(t, "clone") else t for t in x]))
            exp = _as_tensors(reference(*[t.clone() if hasattr(t, "clone") else t for t in x]))
        shape_in = tuple(x[0].shape) if hasattr(x[0], "shape") else "?"
        if [tuple(t.shape) for t in got] != [tuple(t.shape) for t in exp]:
            return wrong(f"input {shape_in} पर output का shape {[tuple(t.shape) for t in exp]} होना चाहिए; मिला "
                         f"{[tuple(t.shape) for t in got]}।",
                         f"for an input of shape {shape_in} the output should have shape {[tuple(t.shape) for t in exp]};"
                         f" got {[tuple(t.shape) for t in got]}.")
        for g, e in zip(got, exp):
            if not torch.allclose(g.float(), e.float(), atol=atol, rtol=1e-4):
                d = (g.float() - e.float()).abs().max().item()
                squash = T(" कहीं आख़िर में softmax/sigmoid तो नहीं?", " A softmax or sigmoid at the end?") if logits \
                    else T("", "")
                return wrong(f"वही weights देने पर भी input {shape_in} पर आपके {name} का output अलग है (सबसे बड़ा अंतर "
                             f"{d:.3g})। क्रम और activation देखिए।{squash.hi}" + free_note.hi,
                             f"with the same weights, your {name}'s output differs for an input of shape {shape_in} "
                             f"(largest difference {d:.3g}). Check the order and the activations.{squash.en}"
                             + free_note.en)
    return None


def _scramble_norms(layers) -> None:
    """Give normalisation layers random γ, β and running statistics: fresh ones (γ = 1, β = 0, mean 0, var 1) are
    nearly the identity, which would hide a wrong order (ReLU before BN) in evaluation mode."""
    import torch

    g = torch.Generator().manual_seed(1234)
    with torch.no_grad():
        for m in layers:
            if not hasattr(m, "running_var") and "Norm" not in type(m).__name__:
                continue
            for name, t in list(m.named_parameters(recurse=False)) + list(m.named_buffers(recurse=False)):
                if t is None or not t.is_floating_point():
                    continue
                fresh = torch.rand(t.shape, generator=g) + 0.5 if name == "running_var" else torch.randn(t.shape, generator=g)
                t.copy_(fresh)


def random_inputs(shape: Sequence[int], batches: Sequence[int] = (2, 5, 16), seed: int = 0,
                  make: Callable | None = None) -> list:
    """Inputs of several batch sizes (first dimension) drawn from a fixed seed."""
    import torch

    g = torch.Generator().manual_seed(seed)
    return [make(b, g) if make else torch.randn(b, *shape, generator=g) * 2 for b in batches]
