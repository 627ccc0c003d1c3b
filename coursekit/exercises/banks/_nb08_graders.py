"""Checks for the code questions of practice 08: LeNet-5 and ResNet's basic block, each compared with the
course's own network (coursekit.architectures) by structure and by behaviour, with the same weights."""
from __future__ import annotations

import copy

import torch
from torch import nn

from ...i18n import T
from ..core import ok, wrong
from ..modcheck import called_leaves, compare_modules, random_inputs
from ._nb06_graders import build_model, forward_problem, keeps_rng, seeded

LENET_PER_LAYER = [156, 2416, 48120, 10164, 850]   # C1, C3, C5 (400 -> 120), F6, output


def _n_params(module) -> int:
    return sum(p.numel() for p in module.parameters())


def _lenet_slip(model, x):
    """A wrong Result for the usual LeNet-5 slips visible in the modules forward calls (ReLU, max pooling, no tanh
    between the dense layers), or None."""
    leaves = called_leaves(model, x)
    kinds = [type(m).__name__ for m in leaves]
    if any(k in ("ReLU", "LeakyReLU", "ReLU6", "GELU", "ELU") for k in kinds):
        return wrong("LeNet-5 (यह रूप) tanh लगाता है, ReLU नहीं — ReLU AlexNet (2012) से आम हुआ। हर conv के बाद और "
                     "dense layers के बीच nn.Tanh() रखिए।",
                     "LeNet-5 (this reading) uses tanh, not ReLU — ReLU became common with AlexNet (2012). Put nn.Tanh() "
                     "after every conv and between the dense layers.")
    if "MaxPool2d" in kinds:
        return wrong("LeNet-5 average pooling लगाता है (nn.AvgPool2d(2)), max pooling नहीं।",
                     "LeNet-5 uses average pooling (nn.AvgPool2d(2)), not max pooling.")
    linear = [i for i, m in enumerate(leaves) if isinstance(m, nn.Linear)]
    between = [kinds[a + 1:b] for a, b in zip(linear, linear[1:])]
    if len(linear) == 3 and not all("Tanh" in part for part in between):
        return wrong("dense layers के बीच tanh छूट गया: Linear(400, 120) → Tanh → Linear(120, 84) → Tanh → "
                     "Linear(84, 10)। बिना activation के दो Linear layers मिलकर एक ही linear map हैं।",
                     "the tanh between the dense layers is missing: Linear(400, 120) → Tanh → Linear(120, 84) → Tanh → "
                     "Linear(84, 10). Two Linear layers without an activation are one linear map.")
    return None


@keeps_rng
def grade_lenet(answer):
    """MyLeNet5: (B, 1, 32, 32) -> (B, 10), 61,706 parameters, and the same function as coursekit's LeNet5."""
    from ...architectures import LeNet5

    model, bad = build_model(answer, "MyLeNet5")
    if bad is not None:
        return bad
    inputs = random_inputs((1, 32, 32), batches=(2, 5, 1))
    bad = forward_problem(model, inputs[0], (2, 10), "MyLeNet5", "16 × 5 × 5 = 400")
    if bad is not None:
        return bad
    n = _n_params(model)
    if n != 61706:
        counts = [_n_params(m) for m in model.modules() if isinstance(m, (nn.Conv2d, nn.Linear))]
        return wrong(f"आपके model में {n:,} parameters हैं, 61,706 होने चाहिए। आपकी layers: {counts}; "
                     f"अपेक्षित: {LENET_PER_LAYER} (C1, C3, 400→120, 120→84, 84→10)।",
                     f"your model has {n:,} parameters; it should have 61,706. Your layers: {counts}; "
                     f"expected: {LENET_PER_LAYER} (C1, C3, 400→120, 120→84, 84→10).")
    with seeded(0):
        reference = LeNet5()
    result = compare_modules(model, reference, inputs, name="MyLeNet5")
    if result is not None:
        return _lenet_slip(model, inputs[0]) or result
    return ok("सही: 156 + 2,416 + 48,120 + 10,164 + 850 = 61,706 parameters, tanh और average pooling, output (batch, 10)।",
              "Correct: 156 + 2,416 + 48,120 + 10,164 + 850 = 61,706 parameters, tanh and average pooling, output "
              "(batch, 10).")


# ---------------------------------------------------------------- q7: the basic block
_ORDER = T("क्रम: conv1 → bn1 → ReLU → conv2 → bn2, फिर + x, फिर ReLU।",
           "The order is: conv1 → bn1 → ReLU → conv2 → bn2, then + x, then ReLU.")


@keeps_rng
def grade_block(answer):
    """MyBasicBlock: same shape out as in, relu(x) when F is zeroed, and equal to coursekit's BasicBlock."""
    from ...architectures import BasicBlock

    if not (isinstance(answer, type) and issubclass(answer, nn.Module)):
        return wrong("MyBasicBlock एक nn.Module class होनी चाहिए, जो MyBasicBlock(channels) से बने।",
                     "MyBasicBlock must be an nn.Module class, built with MyBasicBlock(channels).")
    with seeded(0):
        block = answer(8)
    x = random_inputs((8, 6, 6), batches=(2,))[0]
    with torch.no_grad():
        out = block.eval()(x.clone())
    if tuple(out.shape) != tuple(x.shape):
        return wrong(f"output का shape input जैसा {tuple(x.shape)} होना चाहिए (stride 1, वही channels); मिला {tuple(out.shape)}।",
                     f"the output must have the input's shape {tuple(x.shape)} (stride 1, same channels); got {tuple(out.shape)}.")
    zeroed = copy.deepcopy(block)
    with torch.no_grad():
        for m in zeroed.modules():
            if isinstance(m, nn.Conv2d):
                m.weight.zero_()
                if m.bias is not None:
                    m.bias.zero_()
        got = zeroed.eval()(x.clone()).cpu()
    if torch.allclose(got, torch.zeros_like(got)):
        return wrong("जब F(x) = 0 हो (सारे conv weights शून्य), block को relu(x) देना चाहिए, पर आपका block 0 देता है — "
                     "क्या आप shortcut `+ x` भूल गए?",
                     "when F(x) = 0 (all conv weights zero) the block must give relu(x), but yours gives 0 — "
                     "did you forget the shortcut `+ x`?")
    if torch.allclose(got, x) and not torch.allclose(x, torch.relu(x)):
        return wrong("जब F(x) = 0 हो, आपका block x लौटाता है, relu(x) नहीं: जोड़ने के बाद ReLU लगाइए — relu(F(x) + x)।",
                     "when F(x) = 0 your block returns x, not relu(x): apply the ReLU after the addition — relu(F(x) + x).")
    if not torch.allclose(got, torch.relu(x), atol=1e-6):
        return wrong("जब F(x) = 0 हो (सारे conv weights शून्य), output relu(x) होना चाहिए; आपका output कुछ और है। "
                     + _ORDER.hi,
                     "when F(x) = 0 (all conv weights zero) the output must be relu(x); yours is something else. "
                     + _ORDER.en)
    with seeded(0):
        reference = BasicBlock(8, 8)
    for train in (False, True):
        result = compare_modules(block, reference, random_inputs((8, 6, 6), batches=(2, 5, 1)), train=train,
                                 name="MyBasicBlock", logits=False)
        if result is not None:
            mode = T("training mode", "training mode") if train else T("evaluation mode", "evaluation mode")
            return wrong(f"{mode.hi} में: {result.message.hi}\n{_ORDER.hi}", f"in {mode.en}: {result.message.en}\n{_ORDER.en}")
    return ok("सही: relu(F(x) + x) — shape वही, F(x) = 0 पर relu(x), और coursekit.architectures.BasicBlock के बराबर।",
              "Correct: relu(F(x) + x) — same shape, relu(x) when F(x) = 0, and equal to coursekit.architectures.BasicBlock.")
