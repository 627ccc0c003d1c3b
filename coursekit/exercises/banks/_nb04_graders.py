"""Graders of practice 04 (batch normalization): the forward pass (q12), a whole BN layer (q13) and a model with
BN (q14); and :func:`call_without`, which runs a learner's code with some torch operations forbidden (also used by
practice 05: a convolution written by hand must not call F.conv2d)."""
import re

import torch
import torch.nn.functional as F
from torch import nn
from torch.utils._python_dispatch import TorchDispatchMode

from ...i18n import T
from ..core import NotAttempted, contains_placeholder, ok, to_cpu, wrong
from ..modcheck import called_leaves, compare_modules, random_inputs


# ----------------------------------------------------------------------------- forbidden operations
class _Forbidden(Exception):
    """The learner's code called a torch operation the question asks them to write themselves."""


class _Watch(TorchDispatchMode):
    """Raise on every torch operation whose name matches ``pattern``: seen at the dispatcher, so ``F.conv2d`` is
    caught however it is reached (a helper function, ``from torch.nn.functional import conv2d``, ``nn.Conv2d``)."""

    def __init__(self, pattern: str):
        super().__init__()
        self.pattern = re.compile(pattern)

    def __torch_dispatch__(self, func, types, args=(), kwargs=None):
        name = func.overloadpacket.__name__
        if self.pattern.search(name):
            raise _Forbidden(name)
        return func(*args, **(kwargs or {}))


def call_without(banned: tuple, fn, *args):
    """``fn(*args)`` with some torch operations forbidden: (result, None), or (None, a wrong Result). ``banned`` is
    (a regular expression for the operations' names, T naming them for a learner, T saying how to do it instead)."""
    pattern, names, how = banned
    try:
        with _Watch(pattern):
            return fn(*args), None
    except _Forbidden as exc:
        return None, wrong(f"आपका code {names.hi} चलाता है (torch operation `{exc}`) — प्रश्न यह हिसाब ख़ुद लिखने को "
                           f"कहता है: {how.hi}।",
                           f"your code calls {names.en} (torch operation `{exc}`) — the question asks you to write "
                           f"this computation yourself: {how.en}.")


BN_BANNED = (r"batch_norm", T("F.batch_norm या nn.BatchNorm1d", "F.batch_norm or nn.BatchNorm1d"),
             T("tensors के साधारण operations से — mean, variance, sqrt", "with plain tensor operations — mean, variance, sqrt"))


# ----------------------------------------------------------------------------- q12: the forward pass
batchnorm_reference = lambda x, gamma, beta, eps=1e-5: F.batch_norm(x, None, None, gamma, beta, training=True, eps=eps)


def unbiased_batchnorm(x, gamma, beta, eps=1e-5):
    """A known-wrong answer: normalises with the unbiased variance."""
    return gamma * (x - x.mean(dim=0)) / torch.sqrt(x.var(dim=0) + eps) + beta


def _eps_outside(x, gamma, beta, eps=1e-5):
    return gamma * (x - x.mean(dim=0)) / (x.var(dim=0, unbiased=False).sqrt() + eps) + beta


HAND_X = [[2.0, 1.0], [4.0, 3.0], [6.0, 8.0], [8.0, 4.0]]   # (m=4, C=2): means 5, 4; biased vars 5, 6.5
FORWARD_CASES = [
    (torch.tensor(HAND_X), torch.ones(2), torch.zeros(2)),
    (torch.tensor(HAND_X), torch.tensor([2.0, 0.5]), torch.tensor([1.0, -1.0])),
    (torch.linspace(-3, 5, 30).reshape(10, 3), torch.tensor([1.5, 1.0, 0.2]), torch.tensor([0.0, 2.0, -1.0])),
    (torch.tensor([[1.0, 5.0], [1.0, 7.0]]), torch.ones(2), torch.zeros(2)),   # a constant feature: variance 0
    (torch.tensor([[1.0, 2.0], [1.001, 4.0], [1.0, 6.0], [1.001, 8.0]]), torch.ones(2), torch.zeros(2)),  # var ≪ eps
]


def _fmt(t) -> str:
    return str([_fmt(r) for r in t]).replace("'", "") if t.dim() > 1 else "[" + ", ".join(f"{v:.4g}" for v in t.tolist()) + "]"


def grade_forward(fn):
    """batchnorm_forward must equal F.batch_norm in training mode; common slips get their own message."""
    for x, gamma, beta in FORWARD_CASES:
        got, bad = call_without(BN_BANNED, fn, x.clone(), gamma.clone(), beta.clone(), 1e-5)
        if bad is not None:
            return bad
        if contains_placeholder(got):
            raise NotAttempted()
        got = to_cpu(got)[0]
        exp = batchnorm_reference(x, gamma, beta, 1e-5)
        if not isinstance(got, torch.Tensor) or got.shape != exp.shape:
            shape = tuple(got.shape) if isinstance(got, torch.Tensor) else type(got).__name__
            return wrong(f"x का shape {tuple(x.shape)} है; output का shape भी वही होना चाहिए, मिला {shape}।",
                         f"x has shape {tuple(x.shape)}; the output must have the same shape, got {shape}.")
        got = got.detach().float()
        if torch.allclose(got, exp, atol=1e-5):
            continue
        where = f"x = {_fmt(x)}, gamma = {_fmt(gamma)}, beta = {_fmt(beta)}"
        if not torch.isfinite(got).all():
            return wrong(f"{where} पर output में nan/inf है: एक feature स्थिर है (variance 0)। sqrt के अंदर eps जोड़िए: "
                         "torch.sqrt(var + eps)।",
                         f"for {where} the output has nan/inf: one feature is constant (variance 0). Add eps inside "
                         "the square root: torch.sqrt(var + eps).")
        if torch.allclose(got, unbiased_batchnorm(x, gamma, beta), atol=1e-5):
            return wrong("आपने unbiased variance (N − 1 से भाग; `x.var(dim=0)` यही करता है) से normalize किया। BN "
                         "normalize करने में biased variance (N से भाग) लेता है: `x.var(dim=0, unbiased=False)`।",
                         "you normalised with the unbiased variance (divide by N − 1; that is what `x.var(dim=0)` "
                         "does). BN normalises with the biased variance (divide by N): `x.var(dim=0, unbiased=False)`.")
        if torch.allclose(got, _eps_outside(x, gamma, beta), atol=1e-4):
            return wrong(f"{where} पर (एक feature का variance eps से भी छोटा) आपका output अलग है: आपने eps को sqrt के "
                         "बाहर जोड़ा। BN में eps variance में जुड़ता है: (x − mean) / torch.sqrt(var + eps)।",
                         f"for {where} (one feature's variance is below eps) your output differs: you added eps "
                         "outside the square root. BN adds eps to the variance: (x − mean) / torch.sqrt(var + eps).")
        if torch.allclose(got, batchnorm_reference(x, torch.ones_like(gamma), torch.zeros_like(beta)), atol=1e-5):
            return wrong("normalize सही है, पर scale और shift छूट गए: gamma * x_hat + beta लौटाइए।",
                         "the normalisation is right, but the scale and shift are missing: return gamma * x_hat + beta.")
        rows = (x - x.mean(dim=1, keepdim=True)) / torch.sqrt(x.var(dim=1, unbiased=False, keepdim=True) + 1e-5)
        if torch.allclose(got, gamma * rows + beta, atol=1e-5):
            return wrong("आपने हर example (row) को उसके features पर normalize किया (dim=1) — वह LayerNorm है। "
                         "BatchNorm हर feature (column) को batch पर normalize करता है: dim=0।",
                         "you normalised each example (row) over its features (dim=1) — that is LayerNorm. "
                         "BatchNorm normalises each feature (column) over the batch: dim=0.")
        diff = (got - exp).abs().max().item()
        return wrong(f"{where} पर आपका output F.batch_norm से अलग है (सबसे बड़ा अंतर {diff:.3g})। चारों क़दम देखिए: "
                     "dim=0 पर mean, biased variance, (x − mean)/sqrt(var + eps), फिर gamma·x_hat + beta।",
                     f"for {where} your output differs from F.batch_norm (largest difference {diff:.3g}). Check "
                     "the four steps: mean over dim=0, biased variance, (x − mean)/sqrt(var + eps), then "
                     "gamma·x_hat + beta.")
    return ok(f"सभी {len(FORWARD_CASES)} cases में आपका forward pass F.batch_norm के बराबर है — स्थिर feature "
              "(variance 0) और eps से छोटे variance समेत।",
              f"your forward pass equals F.batch_norm in all {len(FORWARD_CASES)} cases — including a constant "
              "feature (variance 0) and a variance below eps.")


# ----------------------------------------------------------------------------- q13: a whole BN layer
BN_LAYER_CASES = [  # num_features, batch sizes of the training steps
    (5, (16, 16, 16)), (3, (2, 7, 40)), (1, (4, 9, 2)),
]


def _run(layer, x):
    out, bad = call_without(BN_BANNED, layer, x)
    return (None, bad) if bad is not None else (to_cpu(out)[0], None)


def grade_bn_layer(cls):
    """The learner's BatchNormLayer must match nn.BatchNorm1d over training steps and in eval mode."""
    if isinstance(cls, type) and issubclass(cls, nn.modules.batchnorm._BatchNorm):
        return wrong("BatchNormLayer, nn.BatchNorm1d की subclass है — तब सारा हिसाब PyTorch ही करता है। प्रश्न यह layer ख़ुद "
                     "लिखने को कहता है: class BatchNormLayer(nn.Module), और forward में mean, variance, running averages।",
                     "BatchNormLayer is a subclass of nn.BatchNorm1d — then PyTorch does all the work. The question asks "
                     "you to write the layer yourself: class BatchNormLayer(nn.Module), with the mean, the variance and "
                     "the running averages in forward.")
    for c, batches in BN_LAYER_CASES:
        torch.manual_seed(c)
        layer, bad = call_without(BN_BANNED, cls, c)
        if bad is not None:
            return bad
        params = {name: tuple(p.shape) for name, p in layer.named_parameters()}
        buffers = {name: tuple(b.shape) for name, b in layer.named_buffers()}
        if params.get("weight") != (c,) or params.get("bias") != (c,):
            return wrong(f"BatchNormLayer({c}) में parameters weight (γ) और bias (β) होने चाहिए, दोनों का shape ({c},); "
                         f"मिले: {params}।",
                         f"BatchNormLayer({c}) needs parameters weight (γ) and bias (β), both of shape ({c},); got {params}")
        if buffers.get("running_mean") != (c,) or buffers.get("running_var") != (c,):
            return wrong(f"running_mean और running_var, shape ({c},), register_buffer से बनाइए (ये सीखे नहीं जाते); "
                         f"मिले buffers: {buffers}।",
                         f"create running_mean and running_var, of shape ({c},), with register_buffer (they are not "
                         f"learned); got buffers {buffers}")
        ref = nn.BatchNorm1d(c)
        with torch.no_grad():
            ref.weight.copy_(torch.rand(c) + 0.5)
            ref.bias.copy_(torch.randn(c))
            layer.weight.copy_(ref.weight)
            layer.bias.copy_(ref.bias)
        bad = _compare_training(layer, ref, c, batches) or _compare_eval(layer, ref, c)
        if bad is not None:
            return bad
    return ok("आपकी layer nn.BatchNorm1d से training (हर बार 3 steps, तीन आकारों पर) और evaluation दोनों में मिलती है।",
              "your layer matches nn.BatchNorm1d in training (3 steps each, at three sizes) and in evaluation.")


def _compare_training(layer, ref, c, batches):
    layer.train()
    ref.train()
    for step, m in enumerate(batches, 1):
        x = torch.randn(m, c) * 3 + 2
        (got, bad), exp = _run(layer, x.clone()), ref(x)
        if bad is not None:
            return bad
        if tuple(got.shape) != (m, c):
            return wrong(f"({m}, {c}) के input पर output का shape ({m}, {c}) होना चाहिए; मिला {tuple(got.shape)}।",
                         f"for an input of shape ({m}, {c}) the output must have shape ({m}, {c}); got {tuple(got.shape)}")
        if not torch.allclose(got.float(), exp, atol=1e-4):
            return wrong(f"training mode में step {step} पर ({m}, {c}) के input के लिए output nn.BatchNorm1d से नहीं "
                         "मिलता। batch का mean और biased variance (m से भाग) लीजिए, x_hat = (x − mean)/sqrt(var + eps), "
                         "फिर γ·x_hat + β।",
                         f"in training mode the output for a ({m}, {c}) input differs from nn.BatchNorm1d at step {step}. "
                         "Use the batch mean and the biased variance (divide by m), x_hat = (x − mean)/sqrt(var + eps), "
                         "then γ·x_hat + β.")
        if not torch.allclose(layer.running_mean.detach().cpu().float(), ref.running_mean, atol=1e-4):
            return wrong(f"step {step} के बाद running_mean अलग है: running = (1 − momentum)·running + momentum·mean, "
                         "momentum = 0.1।",
                         f"running_mean differs after step {step}: running = (1 − momentum)·running + momentum·mean, "
                         "momentum = 0.1.")
        if not torch.allclose(layer.running_var.detach().cpu().float(), ref.running_var, atol=1e-4):
            return wrong(f"step {step} के बाद running_var अलग है। PyTorch running_var में *unbiased* variance "
                         "(var·m/(m − 1)) डालता है, भले ही normalize वह biased variance से करता हो।",
                         f"running_var differs after step {step}. PyTorch puts the *unbiased* variance "
                         "(var·m/(m − 1)) into running_var, although it normalises with the biased variance.")
    return None


def _compare_eval(layer, ref, c):
    layer.eval()
    ref.eval()
    before = layer.running_mean.detach().clone(), layer.running_var.detach().clone()
    for x in (torch.randn(4, c) * 2 - 1, torch.randn(1, c)):          # a single example too
        (got, bad), exp = _run(layer, x.clone()), ref(x)
        if bad is not None:
            return bad
        if tuple(got.shape) != tuple(exp.shape) or not torch.allclose(got.float(), exp, atol=1e-4):
            return wrong(f"eval mode में ({x.shape[0]}, {c}) के input पर output अलग है: वहाँ batch की statistics नहीं, "
                         "running_mean और running_var इस्तेमाल होते हैं।",
                         f"in eval mode the output for a ({x.shape[0]}, {c}) input differs: there the running_mean and "
                         "running_var are used, not the batch statistics.")
    if not (torch.equal(before[0], layer.running_mean.detach()) and torch.equal(before[1], layer.running_var.detach())):
        return wrong("eval mode में running_mean/running_var बदल गए: उन्हें केवल training mode में update कीजिए।",
                     "running_mean/running_var changed in eval mode: update them in training mode only.")
    return None


# ----------------------------------------------------------------------------- q14: a model with BN
def bn_model(relu_first: bool = False):
    """Linear(64, 32, bias=False) → BatchNorm1d(32) → ReLU → Linear(32, 10) (or with ReLU before BN)."""
    middle = [nn.ReLU(), nn.BatchNorm1d(32)] if relu_first else [nn.BatchNorm1d(32), nn.ReLU()]
    return nn.Sequential(nn.Linear(64, 32, bias=False), *middle, nn.Linear(32, 10))


def grade_model(make_model):
    """make_model() must behave like the reference, with the same weights, in training and in evaluation mode."""
    model = make_model()
    if contains_placeholder(model):
        raise NotAttempted()
    if not isinstance(model, nn.Module):
        return wrong(f"make_model() को एक nn.Module (जैसे nn.Sequential) लौटाना चाहिए; मिला {type(model).__name__}।",
                     f"make_model() must return an nn.Module (e.g. nn.Sequential); got a {type(model).__name__}")
    model = model.cpu()
    linears = [m for m in called_leaves(model.eval(), torch.randn(4, 64)) if isinstance(m, nn.Linear)]
    if linears and linears[0].bias is not None:
        return wrong("पहली Linear layer का bias बेकार है — BN batch mean घटाकर उसे मिटा देता है और β उसका काम करता है। "
                     "nn.Linear(64, 32, bias=False) लिखिए।",
                     "the first Linear layer's bias is redundant — BN subtracts the batch mean, which removes it, and "
                     "β does its job. Write nn.Linear(64, 32, bias=False).")
    for train, batches in ((True, (2, 5, 16)), (False, (1, 5, 16))):
        torch.manual_seed(0)
        inputs = random_inputs((64,), batches=batches)
        bad = compare_modules(model, bn_model(), inputs, train=train, name="make_model()")
        if bad is None:
            continue
        if compare_modules(model, bn_model(relu_first=True), inputs, train=train) is None:
            return wrong("आपका model ReLU को BN से *पहले* चलाता है (Linear → ReLU → BN)। प्रश्न का क्रम Linear → BN → ReLU "
                         "है: BN pre-activation को normalize करता है, फिर ReLU।",
                         "your model applies the ReLU *before* BN (Linear → ReLU → BN). The question's order is "
                         "Linear → BN → ReLU: BN normalises the pre-activation, then the ReLU.")
        if not train:                        # right in training mode, wrong in evaluation mode
            bad.message = T(f"(eval mode) {bad.message.hi}", f"(eval mode) {bad.message.en}")
        return bad
    n = sum(p.numel() for p in model.parameters())
    return ok(f"सही! training और eval दोनों में वही output। कुल {n} parameters: 64·32 (bias नहीं) + 2·32 (γ, β) + 32·10 + 10।",
              f"Correct! The same output in training and in eval mode. {n} parameters in all: 64·32 (no bias) + "
              "2·32 (γ, β) + 32·10 + 10.")
