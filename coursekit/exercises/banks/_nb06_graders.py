"""Checks for the CNN questions of practice 06 (and, reused, 07 and 08): building a learner's model, explaining a
shape error inside it, comparing it with a reference network, and naming a squashing function at its end."""
from __future__ import annotations

import contextlib
import functools

import numpy as np
import torch
from torch import nn

from ...i18n import T
from ...metrics import precision_recall
from ..core import Result, ok, to_cpu, wrong
from ..modcheck import compare_modules, random_inputs


@contextlib.contextmanager
def seeded(seed: int):
    """Seed torch's generator inside the block and restore the learner's generator afterwards."""
    with torch.random.fork_rng(devices=[]):
        torch.manual_seed(seed)
        yield


def keeps_rng(grader):
    """Run ``grader`` without leaving a trace in the learner's random generator (models built, dropout run)."""
    @functools.wraps(grader)
    def run(answer):
        with torch.random.fork_rng(devices=[]):
            return grader(answer)
    return run


def build_model(answer, name: str):
    """(model, None) for an nn.Module class or instance (or a function that builds one), else (None, a wrong Result)."""
    if isinstance(answer, nn.Module):
        return answer, None
    if not isinstance(answer, type):
        try:
            built = answer()
        except TypeError:
            built = None
        if isinstance(built, nn.Module):
            return built, None
    if not (isinstance(answer, type) and issubclass(answer, nn.Module)):
        return None, wrong(f"{name} को nn.Module की subclass बनाइए: class {name}(nn.Module), और __init__ की पहली line में "
                           "super().__init__()। तभी model(x) और model.parameters() काम करते हैं।",
                           f"derive {name} from nn.Module: class {name}(nn.Module), with super().__init__() as the "
                           "first line of __init__. Only then do model(x) and model.parameters() work.")
    try:
        return answer(), None
    except AttributeError as exc:
        return None, wrong(f"{name}() बनाते समय error: {exc}। __init__ की पहली line super().__init__() होनी चाहिए — "
                           "उससे पहले nn.Module layers नहीं रख सकता।",
                           f"{name}() raised: {exc}. The first line of __init__ must be super().__init__() — before "
                           "it, an nn.Module cannot hold layers.")
    except TypeError as exc:
        return None, wrong(f"{name}() बिना arguments के बनना चाहिए; error: {exc}।",
                           f"{name}() must be constructible without arguments; error: {exc}")


def forward_problem(model, x, out_shape: tuple, name: str, flat: str, advice: T | None = None) -> Result | None:
    """Run ``model`` once on ``x``; explain a Linear whose in_features do not fit, or a wrong output shape.

    ``flat`` is how the features after Flatten are counted, e.g. "64 × 8 × 8 = 4096"; ``advice`` replaces the
    default advice for a Linear that does not fit.
    """
    advice = advice or T("पहली nn.Linear का in_features यही होना चाहिए।", "the first nn.Linear needs exactly that many "
                                                                        "in_features.")
    model.eval()
    try:
        with torch.no_grad():
            out = model(x.clone())
    except RuntimeError as exc:
        if "mat1 and mat2" not in str(exc):
            raise
        return wrong(f"{name} में shapes नहीं मिलते: {exc}। Flatten के बाद {flat} features हैं; {advice.hi}",
                     f"the shapes in {name} do not fit: {exc}. After Flatten there are {flat} features; {advice.en}")
    out, _ = to_cpu(out)
    if not isinstance(out, torch.Tensor) or tuple(out.shape) != out_shape:
        got = tuple(out.shape) if isinstance(out, torch.Tensor) else type(out).__name__
        return wrong(f"{tuple(x.shape)} के input पर output का shape {out_shape} = (batch, classes) होना चाहिए; मिला "
                     f"{got}। Flatten के बाद {flat} features हैं, और आख़िरी Linear के {out_shape[1]} outputs होने चाहिए।",
                     f"for an input of shape {tuple(x.shape)} the output must be {out_shape} = (batch, classes); got "
                     f"{got}. After Flatten there are {flat} features, and the last Linear needs {out_shape[1]} "
                     "outputs.")
    return None


_SQUASHES = [
    (lambda z: torch.softmax(z, dim=1), "nn.Softmax"),
    (lambda z: torch.log_softmax(z, dim=1), "nn.LogSoftmax"),
    (torch.sigmoid, "nn.Sigmoid"),
    (torch.tanh, "nn.Tanh"),
    (torch.relu, "nn.ReLU"),
]


def squash_at_end(model, reference, x) -> Result | None:
    """A wrong Result naming the function the learner put after the logits, if the output is f(reference logits)."""
    with torch.no_grad():
        got, _ = to_cpu(model(x.clone()))
        logits = reference(x.clone())
    if not isinstance(got, torch.Tensor) or got.shape != logits.shape:
        return None
    for f, name in _SQUASHES:
        if torch.allclose(got.float(), f(logits), atol=1e-5, rtol=1e-4):
            return wrong(f"वही weights देने पर आपका output = {name}(logits) है: model आख़िर में {name} लगाता है। "
                         "nn.CrossEntropyLoss कच्चे logits माँगता है (softmax वह अंदर ख़ुद करता है) — आख़िरी "
                         f"{name} हटाइए; probabilities बाद में torch.softmax(logits, dim=1) से निकालिए।",
                         f"with the same weights your output is {name}(logits): the model ends with {name}. "
                         "nn.CrossEntropyLoss expects raw logits (it applies softmax inside) — remove the final "
                         f"{name}; get probabilities later with torch.softmax(logits, dim=1).")
    return None


def gradient_reaches(model, layer, x) -> bool:
    """True if a backward pass from the output gives ``layer`` a non-zero gradient (whatever the grad mode outside)."""
    with torch.enable_grad():
        model.train()
        model.zero_grad()
        model(x.clone()).float().sum().backward()
    grad = layer.weight.grad
    return grad is not None and bool(grad.abs().sum() > 0)


# ---------------------------------------------------------------- 06 q2: the source's CIFAR-10 CNN
@keeps_rng
def grade_simple_cnn(answer):
    """SimpleCNN must be the source's network (CIFAR10CNN) by structure and behaviour, ending with raw logits."""
    from ...architectures import CIFAR10CNN

    model, bad = build_model(answer, "SimpleCNN")
    if bad is not None:
        return bad
    inputs = random_inputs((3, 32, 32), batches=(2, 5, 1))   # batch 1: an edge case
    bad = forward_problem(model, inputs[0], (2, 10), "SimpleCNN", "64 × 8 × 8 = 4096")
    if bad is not None:
        return bad
    with seeded(0):
        reference = CIFAR10CNN()
    result = compare_modules(model, reference, inputs, name="SimpleCNN")
    if result is not None:
        return squash_at_end(model, reference, inputs[1]) or result
    convs = [m for m in model.modules() if isinstance(m, nn.Conv2d)]
    if not gradient_reaches(model, convs[0], inputs[0]):
        return wrong("पहली conv layer तक gradient नहीं पहुँचता: forward में .detach() या torch.no_grad() तो नहीं?",
                     "no gradient reaches the first conv layer: is there a .detach() or torch.no_grad() in forward?")
    n_params = sum(p.numel() for p in model.parameters())
    return ok(f"सही: (B, 3, 32, 32) → (B, 10) logits, स्रोत नोट्स का network, {n_params:,} parameters।",
              f"right: (B, 3, 32, 32) → (B, 10) logits, the source's network, {n_params:,} parameters.")


# ---------------------------------------------------------------- 06 q5: probabilities
_PROB_CASES = [
    (torch.tensor([[2.0, 1.0, 0.1]]), T("notebook का उदाहरण", "the notebook's example")),
    (torch.tensor([[1.0, 2.0], [3.0, 0.0], [0.5, 0.5]]), T("3 images, 2 classes", "3 images, 2 classes")),
    (torch.tensor([[1000.0, 1001.0, 1002.0]]), T("बड़े logits", "large logits")),
    (torch.tensor([[-1000.0, -1000.5, -999.0], [0.0, 0.0, 0.0]]), T("बहुत छोटे (ऋणात्मक) logits", "very negative logits")),
]


def _as_tensor(value):
    value, _ = to_cpu(value)
    if hasattr(value, "detach"):
        value = value.detach()
    return torch.as_tensor(np.asarray(value, dtype=np.float32))


def grade_probabilities(fn):
    """q5: softmax over the classes (dim=1), stable for large logits."""
    for logits, about in _PROB_CASES:
        try:
            got = _as_tensor(fn(logits.clone()))
        except (TypeError, ValueError):
            return wrong(f"{about.hi}: probabilities का (B, K) tensor लौटाइए।", f"{about.en}: return a (B, K) tensor of probabilities.")
        expected = torch.softmax(logits, dim=1)
        if tuple(got.shape) != tuple(expected.shape):
            return wrong(f"{about.hi}: output का shape {tuple(expected.shape)} = (B, K) होना चाहिए, मिला {tuple(got.shape)}।",
                         f"{about.en}: the output must have shape {tuple(expected.shape)} = (B, K); got {tuple(got.shape)}.")
        if not bool(torch.isfinite(got).all()):
            return wrong(f"{about.hi}: output में nan/inf है। exp(1000) float32 में overflow होता है (और exp(−1000) = 0); "
                         "पहले हर row का max घटाइए (softmax उससे नहीं बदलता), या torch.softmax इस्तेमाल कीजिए।",
                         f"{about.en}: the output contains nan/inf. exp(1000) overflows in float32 (and exp(−1000) is 0); "
                         "subtract each row's max first (softmax does not change), or use torch.softmax.")
        if torch.allclose(got, expected, atol=1e-6):
            continue
        if logits.shape[0] > 1 and torch.allclose(got.sum(dim=0), torch.ones(got.shape[1]), atol=1e-5):
            return wrong(f"{about.hi}: आपके output में हर **column** का जोड़ 1 है — softmax batch (dim=0) पर लगा। "
                         "Classes dimension 1 है: torch.softmax(logits, dim=1)।",
                         f"{about.en}: every **column** of your output sums to 1 — the softmax ran over the batch "
                         "(dim=0). The classes are dimension 1: torch.softmax(logits, dim=1).")
        if logits.shape[0] == 1 and torch.allclose(got, torch.ones_like(got)):
            return wrong(f"{about.hi}: सारे मान 1 हैं — softmax एक image वाले batch (dim=0) पर लगा। "
                         "Classes dimension 1 है: torch.softmax(logits, dim=1)।",
                         f"{about.en}: all values are 1 — the softmax ran over a batch of one image (dim=0). "
                         "The classes are dimension 1: torch.softmax(logits, dim=1).")
        if torch.allclose(got, torch.sigmoid(logits), atol=1e-6):
            return wrong(f"{about.hi}: यह sigmoid है — हर class अलग से, इसलिए rows का जोड़ 1 नहीं। एक image की एक ही class "
                         "हो, तो softmax(dim=1) चाहिए।",
                         f"{about.en}: that is a sigmoid — each class on its own, so the rows do not sum to 1. When an "
                         "image has exactly one class you need softmax(dim=1).")
        return wrong(f"{about.hi}: अपेक्षित {[round(v, 4) for v in expected.flatten().tolist()]}, मिला "
                     f"{[round(v, 4) for v in got.flatten().tolist()]}। हर row पर p_k = exp(z_k) / Σ_j exp(z_j)।",
                     f"{about.en}: expected {[round(v, 4) for v in expected.flatten().tolist()]}, got "
                     f"{[round(v, 4) for v in got.flatten().tolist()]}. For each row p_k = exp(z_k) / Σ_j exp(z_j).")
    return ok("सभी cases पास: हर row एक image की probabilities है, जोड़ 1, बहुत बड़े और बहुत छोटे logits पर भी।",
              "all cases pass: each row holds one image's probabilities, summing to 1, even for very large and very "
              "negative logits.")


# ---------------------------------------------------------------- 06 q8: precision and recall
EXAMPLE_CM = [[8, 1, 1],
              [2, 5, 3],
              [0, 0, 10]]

_PR_CASES = [
    (np.array(EXAMPLE_CM), T("प्रश्न का उदाहरण", "the example of the question")),
    (np.array([[5, 0, 1], [3, 0, 1], [0, 0, 4]]),
     T("class 1 को model ने कभी predict नहीं किया (column 1 का जोड़ 0)", "the model never predicted class 1 (column 1 sums to 0)")),
    (np.array([[3, 1], [0, 0]]),
     T("class 1 की कोई image ही नहीं (row 1 का जोड़ 0)", "there is no image of class 1 at all (row 1 sums to 0)")),
    (np.array([[7, 2, 0, 1], [1, 6, 3, 0], [0, 0, 9, 1], [2, 1, 0, 5]]), T("4 classes", "4 classes")),
]


def _as_array(value):
    value, _ = to_cpu(value)
    value = value.detach().numpy() if hasattr(value, "detach") else value
    return np.asarray(value, dtype=float)


def grade_precision_recall(fn):
    """q8: per-class precision (column sums) and recall (row sums), 0 where a denominator is 0."""
    for cm, about in _PR_CASES:
        got = fn(cm.copy())
        if not isinstance(got, (tuple, list)) or len(got) != 2:
            return wrong("दो चीज़ें लौटाइए: return precision, recall", "return two things: return precision, recall")
        try:
            precision, recall = (_as_array(g) for g in got)
        except (TypeError, ValueError):
            return wrong("precision और recall संख्याओं की arrays होनी चाहिए।", "precision and recall must be arrays of numbers.")
        exp_p, exp_r = precision_recall(cm)
        if precision.shape != exp_p.shape or recall.shape != exp_r.shape:
            return wrong(f"{about.hi}: precision और recall दोनों की लंबाई {len(exp_p)} (हर class का एक मान) होनी चाहिए; "
                         f"मिले {precision.shape} और {recall.shape}।",
                         f"{about.en}: precision and recall must both have length {len(exp_p)} (one value per class); "
                         f"got {precision.shape} and {recall.shape}.")
        if not (np.isfinite(precision).all() and np.isfinite(recall).all()):
            return wrong(f"{about.hi}: nan/inf मिला — जहाँ denominator 0 है (class कभी predict नहीं हुई, या उसकी कोई image "
                         "नहीं) वहाँ 0 लौटाइए।",
                         f"{about.en}: got nan/inf — where the denominator is 0 (a class never predicted, or with no "
                         "images) return 0.")
        if np.allclose(precision, exp_p, atol=1e-6) and np.allclose(recall, exp_r, atol=1e-6):
            continue
        if np.allclose(precision, exp_r, atol=1e-6) and np.allclose(recall, exp_p, atol=1e-6):
            return wrong(f"{about.hi}: precision और recall उलटे हैं। Precision = TP / column का जोड़ (model ने कितनी बार "
                         "वह class कही); recall = TP / row का जोड़ (उस class की कितनी असली images)।",
                         f"{about.en}: precision and recall are swapped. Precision = TP / column sum (how often the "
                         "model said that class); recall = TP / row sum (how many real images of that class).")
        return wrong(f"{about.hi}: अपेक्षित precision {np.round(exp_p, 3).tolist()} और recall {np.round(exp_r, 3).tolist()}, "
                     f"मिले {np.round(precision, 3).tolist()} और {np.round(recall, 3).tolist()}।",
                     f"{about.en}: expected precision {np.round(exp_p, 3).tolist()} and recall {np.round(exp_r, 3).tolist()}, "
                     f"got {np.round(precision, 3).tolist()} and {np.round(recall, 3).tolist()}.")
    return ok("सही — coursekit.metrics.precision_recall भी यही करता है।", "right — coursekit.metrics.precision_recall does the same.")
