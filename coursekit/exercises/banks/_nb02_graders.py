"""Graders of practice 02 (weight initialization): He normal (q5) and PyTorch's default (q8), judged on the
statistics of the whole tensor, of every row (a neuron), and of the bias."""
import math

import torch
from torch import nn

from ...i18n import T
from ..core import ok, wrong

HE_LAYERS = [(1024, 256), (256, 1024), (8192, 8)]          # (fan_in, fan_out); the last: only 8 neurons
DEFAULT_LAYERS = [(1024, 512), (100, 2000), (16, 4096)]    # the last: a small fan_in, a large bias


def run_on_fresh_layer(init_fn, fan_in: int, fan_out: int):
    """Run the learner's init_fn on a fresh nn.Linear(fan_in, fan_out) filled with 7s: (weight, bias) or a Result."""
    torch.manual_seed(0)
    layer = nn.Linear(fan_in, fan_out)
    with torch.no_grad():
        layer.weight.fill_(7.0)
        layer.bias.fill_(7.0)
    init_fn(layer)                           # what it returns does not matter: the layer must change in place
    if not isinstance(layer.weight, torch.Tensor) or not isinstance(layer.bias, torch.Tensor):
        return wrong("layer.weight या layer.bias अब tensor नहीं रहे (शायद None)। दोनों रखिए, केवल उनके मान बदलिए।",
                     "layer.weight or layer.bias is no longer a tensor (None?). Keep both; change only their values.")
    w, b = layer.weight.detach().cpu(), layer.bias.detach().cpu()
    if torch.all(w == 7.0):
        return wrong("layer.weight बदला ही नहीं। nn.init के वे functions जिनके नाम के अंत में `_` है (जैसे `kaiming_normal_`) tensor को "
                     "उसी जगह (in place) बदलते हैं: `nn.init.kaiming_normal_(layer.weight, ...)` — नया tensor लौटाने "
                     "से layer नहीं बदलती।",
                     "layer.weight did not change. nn.init's functions ending in `_` (such as `kaiming_normal_`) "
                     "change the tensor in place: `nn.init.kaiming_normal_(layer.weight, ...)` — returning a new "
                     "tensor leaves the layer as it was.")
    if tuple(w.shape) != (fan_out, fan_in) or tuple(b.shape) != (fan_out,):
        return wrong(f"layer के shapes बदल गए: weight {tuple(w.shape)}, bias {tuple(b.shape)}; अपेक्षित "
                     f"{(fan_out, fan_in)} और ({fan_out},)। केवल मान बदलिए।",
                     f"the layer's shapes changed: weight {tuple(w.shape)}, bias {tuple(b.shape)}; expected "
                     f"{(fan_out, fan_in)} and ({fan_out},). Change the values only.")
    return w.double(), b.double()


def symmetric_rows(w, name: str):
    """A wrong Result if two neurons (rows) start out identical — the symmetry notebook 02 warns about."""
    distinct = torch.unique(w, dim=0).shape[0]
    if distinct < w.shape[0]:
        return wrong(f"{name}: weight की {w.shape[0]} rows में केवल {distinct} अलग हैं — कई neurons एक जैसे शुरू होते हैं, "
                     "तो उन्हें हमेशा एक जैसा gradient मिलेगा (symmetry कभी नहीं टूटेगी)। हर weight अलग से random भरिए।",
                     f"{name}: only {distinct} of the weight's {w.shape[0]} rows differ — several neurons start out "
                     "identical, so they will always get the same gradient (the symmetry never breaks). Draw every "
                     "weight at random on its own.")
    return None


def grade_he_init(init_fn):
    """He normal: std √(2/fan_in) over the tensor and in every row, a normal shape, distinct rows, bias 0."""
    for fan_in, fan_out in HE_LAYERS:
        got = run_on_fresh_layer(init_fn, fan_in, fan_out)
        if not isinstance(got, tuple):
            return got
        w, b = got
        name = f"nn.Linear({fan_in}, {fan_out})"
        target, std = math.sqrt(2 / fan_in), w.std().item()
        if abs(w.mean().item()) > 0.1 * target:
            return wrong(f"{name}: weights का mean 0 के पास होना चाहिए; मिला {w.mean().item():.4f}।",
                         f"{name}: the weights should have mean about 0; got {w.mean().item():.4f}.")
        if abs(std - math.sqrt(2 / fan_out)) < 0.03 * math.sqrt(2 / fan_out):
            return wrong(f"{name}: std {std:.4f} = √(2/{fan_out}) है: आपने fan_out लिया। He में fan_in चाहिए — "
                         f"{name} का fan_in {fan_in} है (weight का shape {(fan_out, fan_in)} = (out, in))।",
                         f"{name}: the std is {std:.4f} = √(2/{fan_out}): you used fan_out. He needs fan_in — {name} "
                         f"has fan_in {fan_in} (its weight has shape {(fan_out, fan_in)} = (out, in)).")
        if abs(std - target) > 0.03 * target:
            return wrong(f"{name}: weights का std {std:.4f} है; He (ReLU) के लिए √(2/fan_in) = √(2/{fan_in}) = "
                         f"{target:.4f} चाहिए। (Xavier होता तो {math.sqrt(2 / (fan_in + fan_out)):.4f}; PyTorch default "
                         f"{1 / math.sqrt(3 * fan_in):.4f})",
                         f"{name}: the weights have std {std:.4f}; He (ReLU) needs √(2/fan_in) = √(2/{fan_in}) = "
                         f"{target:.4f}. (Xavier would give {math.sqrt(2 / (fan_in + fan_out)):.4f}; PyTorch's default "
                         f"{1 / math.sqrt(3 * fan_in):.4f})")
        rows = w.std(dim=1) / target
        if (rows - 1).abs().max().item() > 0.3:
            k = int((rows - 1).abs().argmax())
            return wrong(f"{name}: पूरे tensor का std ठीक है, पर neuron (row) {k} का std {rows[k].item() * target:.4f} "
                         f"है — हर row का std लगभग {target:.4f} होना चाहिए।",
                         f"{name}: the std of the whole tensor is right, but neuron (row) {k} has std "
                         f"{rows[k].item() * target:.4f} — every row should have about {target:.4f}.")
        bad = symmetric_rows(w, name)
        if bad is not None:
            return bad
        inside = (w.abs() < target).double().mean().item()     # a normal puts 68.3 % within one σ of 0
        values = torch.unique(w.float().abs()).numel()
        if values < 10:
            return wrong(f"{name}: std सही है, पर weights के केवल {values} अलग |मान| हैं (जैसे ±σ)। Normal distribution में हर "
                         "weight अलग होता है, ज़्यादातर 0 के पास: nn.init.kaiming_normal_।",
                         f"{name}: the std is right, but the weights take only {values} distinct |values| (such as ±σ). "
                         "In a normal distribution every weight differs, most of them near 0: nn.init.kaiming_normal_.")
        if abs(inside - 0.6827) > 0.03:
            shape = T("uniform (जैसे kaiming_uniform_)", "uniform (like kaiming_uniform_)") if abs(inside - 0.577) < 0.03 \
                else T("normal नहीं", "not normal")
            return wrong(f"{name}: std सही है, पर distribution {shape.hi} है: |w| < σ वाले weights {inside:.1%} हैं, normal में "
                         "68.3%। प्रश्न He *normal* माँगता है: nn.init.kaiming_normal_।",
                         f"{name}: the std is right, but the distribution is {shape.en}: {inside:.1%} of the weights "
                         "have |w| < σ, a normal has 68.3%. The question asks for He *normal*: nn.init.kaiming_normal_.")
        if torch.count_nonzero(b) != 0:
            return wrong("weights ठीक हैं, पर bias 0 नहीं है: `nn.init.zeros_(layer.bias)` लिखिए।",
                         "the weights are right, but the bias is not 0: add `nn.init.zeros_(layer.bias)`.")
    return ok("तीनों layers पर std ≈ √(2/fan_in), हर neuron अलग, normal distribution, bias 0: यही "
              "nn.init.kaiming_normal_(w, nonlinearity='relu') है।",
              "on all three layers std ≈ √(2/fan_in), every neuron different, a normal distribution, bias 0: exactly "
              "nn.init.kaiming_normal_(w, nonlinearity='relu').")


def _uniform_problem(t, bound: float, what: T, name: str):
    """A wrong Result unless ``t`` looks like U(-bound, bound): symmetric about 0, filling ±bound, std bound/√3."""
    lo, hi, mean, std = t.min().item(), t.max().item(), t.mean().item(), t.std().item()
    tol = 0.03 if t.numel() > 10_000 else 0.15
    if max(-lo, hi) > bound * (1 + 1e-5):
        return wrong(f"{name}: {what.hi} में सबसे बड़ा |मान| {max(-lo, hi):.4f} है, पर सीमा 1/√fan_in = {bound:.4f} है।",
                     f"{name}: the largest |value| of {what.en} is {max(-lo, hi):.4f}, but the limit is 1/√fan_in = "
                     f"{bound:.4f}.")
    if abs(mean) > 5 * bound / math.sqrt(3 * t.numel()) or lo > -0.9 * bound or hi < 0.9 * bound \
            or abs(std * math.sqrt(3) / bound - 1) > tol:
        return wrong(f"{name}: {what.hi} U(-{bound:.4f}, {bound:.4f}) जैसा नहीं है: mean {mean:.4f} (0 चाहिए), "
                     f"सबसे छोटा {lo:.4f}, सबसे बड़ा {hi:.4f} (±{bound:.4f} तक भरना चाहिए), std {std:.4f} (अपेक्षित "
                     f"{bound / math.sqrt(3):.4f} = bound/√3)।",
                     f"{name}: {what.en} does not look like U(-{bound:.4f}, {bound:.4f}): mean {mean:.4f} (should be 0), "
                     f"smallest {lo:.4f}, largest {hi:.4f} (should fill ±{bound:.4f}), std {std:.4f} (expected "
                     f"{bound / math.sqrt(3):.4f} = bound/√3).")
    return None


def grade_default_init(init_fn):
    """PyTorch's default on nn.Linear: weight and bias both in U(-1/√fan_in, 1/√fan_in)."""
    weight_t, bias_t = T("weight", "the weight"), T("bias", "the bias")
    for fan_in, fan_out in DEFAULT_LAYERS:
        got = run_on_fresh_layer(init_fn, fan_in, fan_out)
        if not isinstance(got, tuple):
            return got
        w, b = got
        name, bound = f"nn.Linear({fan_in}, {fan_out})", 1 / math.sqrt(fan_in)
        bad = _uniform_problem(w, bound, weight_t, name) or symmetric_rows(w, name)
        if bad is not None:
            return bad
        if torch.all(b == 7.0):
            return wrong(f"{name}: weights ठीक हैं, पर bias बदला ही नहीं। PyTorch bias को भी U(-1/√fan_in, 1/√fan_in) से "
                         "भरता है।",
                         f"{name}: the weights are right, but the bias did not change. PyTorch fills the bias from "
                         "U(-1/√fan_in, 1/√fan_in) too.")
        bad = _uniform_problem(b, bound, bias_t, name)
        if bad is not None:
            bad.message = T(bad.message.hi + " bias भी weight की तरह 0 के दोनों ओर, उसी सीमा (fan_in से) तक भरा जाता है।",
                            bad.message.en + " The bias, like the weight, is spread on both sides of 0 up to the same "
                            "limit (from fan_in).")
            return bad
    return ok("तीनों layers पर weight और bias दोनों U(-1/√fan_in, 1/√fan_in) में हैं — यही nn.Linear का default "
              "(kaiming_uniform_(w, a=math.sqrt(5))) है।",
              "on all three layers the weight and the bias are both in U(-1/√fan_in, 1/√fan_in) — that is "
              "nn.Linear's default (kaiming_uniform_(w, a=math.sqrt(5))).")
