"""Practice 03 (vanishing and exploding gradients): the source's five questions, then σ', 0.25^L,
gradient clipping by hand (against torch.nn.utils.clip_grad_norm_) and a diagnosis from per-layer gradient norms."""
import math

import torch

from ...i18n import T
from ..codecheck import Case, Code
from ..core import NotAttempted, contains_placeholder, ok, to_cpu, wrong
from ..kinds import MultipleChoice, Numeric, Open

TITLE = T("घटते (vanishing) और फटते (exploding) gradients", "Vanishing and exploding gradients")
INTRO = T(
    "पहले स्रोत नोट्स के पाँच practice प्रश्न, फिर गणना और code: sigmoid के derivative का सबसे बड़ा मान, 10 layers का "
    "गुणक, gradient clipping हाथ से लिखना, और हर layer के gradient norms से समस्या पहचानना। `math`, `torch` और "
    "`sigmoid_derivative` (coursekit.deepnets से) पहले से import हैं।",
    "First the source notes' five practice questions, then numbers and code: the largest value of the sigmoid's "
    "derivative, the factor over 10 layers, gradient clipping by hand, and diagnosing the problem from per-layer "
    "gradient norms. `math`, `torch` and `sigmoid_derivative` (from coursekit.deepnets) are already imported.",
)
SETUP = "import math\nimport torch\nfrom coursekit.deepnets import sigmoid_derivative"


# ------------------------------------------------------------------ q8: clipping by hand

CLIP_CASES = [  # scale of the gradients, max_norm, what the case is about
    (10.0, 1.0, T("बड़े gradients (कुल norm > 1.0)", "large gradients (total norm > 1.0)")),
    (0.01, 1.0, T("छोटे gradients (कुल norm < 1.0)", "small gradients (total norm < 1.0)")),
    (3.0, 2.5, T("max_norm = 2.5 (1.0 नहीं)", "max_norm = 2.5 (not 1.0)")),
    (0.0, 1.0, T("सारे gradients 0 (जैसे किसी freeze की गई layer के): कुल norm 0 — शून्य से भाग नहीं",
                 "all gradients 0 (as for a frozen layer): total norm 0 — no division by zero")),
]


def _grade_clip(fn):
    """The learner's clip_by_total_norm(grads, max_norm) against torch.nn.utils.clip_grad_norm_."""
    shapes = [(4, 3), (4,), (2, 4), (2,)]          # the weights and biases of two small layers
    for scale, max_norm, what in CLIP_CASES:
        torch.manual_seed(0)
        grads = [torch.randn(s) * scale for s in shapes]
        params = [torch.zeros(s, requires_grad=True) for s in shapes]
        for p, g in zip(params, grads):
            p.grad = g.clone()
        expected_total = torch.nn.utils.clip_grad_norm_(params, max_norm=max_norm).item()
        out = fn([g.clone() for g in grads], max_norm)
        if contains_placeholder(out):
            raise NotAttempted()
        if not (isinstance(out, (tuple, list)) and len(out) == 2):
            return wrong("function को दो चीज़ें लौटानी हैं: (clip किए गए gradients की list, clipping से पहले का कुल norm)।",
                         "the function must return two things: (the list of clipped gradients, the total norm before "
                         "clipping).")
        clipped, total = out
        total = float(to_cpu(total)[0])
        if not math.isclose(total, expected_total, rel_tol=1e-4, abs_tol=1e-6):
            return wrong(f"{what.hi}: कुल norm {total:.4f} लौटा, अपेक्षित {expected_total:.4f} — यह सभी tensors के सारे "
                         "elements का एक साथ L2 norm है: √(Σ g²), clipping से पहले।",
                         f"{what.en}: you returned a total norm of {total:.4f}, expected {expected_total:.4f} — it is the "
                         "L2 norm of all elements of all tensors together: √(Σ g²), before clipping.")
        if len(clipped) != len(params):
            return wrong(f"{len(params)} gradients दिए, {len(clipped)} लौटे।",
                         f"{len(params)} gradients went in, {len(clipped)} came out.")
        clipped = [to_cpu(g)[0] for g in clipped]
        for g, p in zip(clipped, params):
            if tuple(g.shape) != tuple(p.shape) or not torch.allclose(g, p.grad, atol=1e-5):
                return _clip_mistake(clipped, scale, max_norm, what)
    return ok("आपका clipping torch.nn.utils.clip_grad_norm_ के बराबर है: बड़े gradients का कुल norm max_norm हुआ, छोटे "
              "(और शून्य) वैसे ही रहे।",
              "your clipping equals torch.nn.utils.clip_grad_norm_: large gradients now have total norm max_norm, small "
              "(and zero) ones are untouched.")


def _clip_mistake(clipped, scale, max_norm, what):
    """Explain why the clipped gradients differ from clip_grad_norm_'s."""
    if not all(torch.isfinite(g).all() for g in clipped):
        return wrong(f"{what.hi}: लौटे gradients में nan/inf है। कुल norm 0 हो तो max_norm / ‖g‖ शून्य से भाग है: torch "
                     "की तरह भाजक में 1e-6 जोड़िए — max_norm / (‖g‖ + 1e-6)।",
                     f"{what.en}: the gradients you returned contain nan/inf. When the total norm is 0, max_norm / ‖g‖ "
                     "divides by zero: add 1e-6 to the divisor as torch does — max_norm / (‖g‖ + 1e-6).")
    each = [x.norm().item() for x in clipped]
    joint = math.sqrt(sum(v * v for v in each))
    if scale > 1 and all(v <= max_norm + 1e-4 for v in each) and joint > max_norm + 1e-3:
        return wrong(f"आपने हर tensor को अलग-अलग clip किया (हर एक का norm ≤ {max_norm}), पर कुल norm {joint:.3f} रह गया। "
                     "clip_grad_norm_ सारे gradients को एक vector मानकर सबको एक ही गुणक max_norm / ‖g‖ से छोटा करता है "
                     "— दिशा वही रहती है।",
                     f"you clipped each tensor separately (each has norm ≤ {max_norm}), but the total norm is still "
                     f"{joint:.3f}. clip_grad_norm_ treats all gradients as one vector and scales every one by the same "
                     "factor max_norm / ‖g‖ — the direction stays the same.")
    if scale < 1:
        return wrong(f"{what.hi}: कुल norm पहले से max_norm से छोटा है, तो gradients बिना बदले लौटने चाहिए "
                     "(गुणक min(1, max_norm / ‖g‖) = 1)।",
                     f"{what.en}: the total norm is already below max_norm, so the gradients must come back "
                     "unchanged (the factor min(1, max_norm / ‖g‖) is 1).")
    return wrong(f"{what.hi}: clip किए gradients clip_grad_norm_ से नहीं मिलते (उनका कुल norm {joint:.4f} है, "
                 f"{max_norm} होना चाहिए)। हर gradient को max_norm / ‖g‖ से गुणा कीजिए, जहाँ ‖g‖ सबका कुल norm है।",
                 f"{what.en}: the clipped gradients differ from clip_grad_norm_'s (their total norm is {joint:.4f}, it "
                 f"should be {max_norm}). Multiply every gradient by max_norm / ‖g‖, where ‖g‖ is the total norm of "
                 "all of them.")


def _per_tensor_clip(grads, max_norm):
    """A known-wrong answer: clips every tensor on its own."""
    total = math.sqrt(sum((g ** 2).sum().item() for g in grads))
    return [g * min(1.0, max_norm / (g.norm().item() + 1e-6)) for g in grads], total


def _wrong_clip_always(grads, max_norm):
    total = torch.sqrt(sum((g ** 2).sum() for g in grads))
    return [g * max_norm / (total + 1e-6) for g in grads], total       # no min(1, ·): small gradients grow


def _wrong_clip_values(grads, max_norm):
    total = torch.sqrt(sum((g ** 2).sum() for g in grads))
    return [g.clamp(-max_norm, max_norm) for g in grads], total        # clip_grad_value_: changes the direction


def _wrong_clip_norm_after(grads, max_norm):
    total = torch.sqrt(sum((g ** 2).sum() for g in grads))
    clipped = [g * min(1.0, max_norm / (total.item() + 1e-6)) for g in grads]
    return clipped, torch.sqrt(sum((g ** 2).sum() for g in clipped))   # the norm *after* clipping


def _wrong_clip_divides_by_zero(grads, max_norm):
    total = torch.sqrt(sum((g ** 2).sum() for g in grads))
    return [g / total * torch.clamp(total, max=max_norm) for g in grads], total   # 0 / 0 = nan for zero gradients


# ------------------------------------------------------------------ q9: diagnosis

def _diagnose(norms):
    norms = [float(v) for v in norms]
    if any(not math.isfinite(v) for v in norms) or max(norms) > 1e3:
        return "exploding"
    if norms[0] / norms[-1] < 1e-3:
        return "vanishing"
    return "healthy"


def _ratio_only(norms):
    """A known-wrong answer: looks at the first/last ratio only."""
    r = norms[0] / norms[-1]
    return "vanishing" if r < 1e-3 else "exploding" if r > 1e3 else "healthy"


def _wrong_diagnose_no_nan_check(norms):
    if max(norms) > 1e3:                    # max() skips a NaN, and NaN > 1e3 is False
        return "exploding"
    return "vanishing" if norms[0] / norms[-1] < 1e-3 else "healthy"


_wrong_diagnose_capitalised = lambda norms: _diagnose(norms).capitalize()


def _wrong_diagnose_ratio_reversed(norms):
    if any(not math.isfinite(v) for v in norms) or max(norms) > 1e3:
        return "exploding"
    return "vanishing" if norms[-1] / norms[0] < 1e-3 else "healthy"   # last / first: the wrong way round


DIAGNOSE_CASES = [
    Case(([10.0 ** -k for k in range(15, -1, -1)],),
         about=T("input की ओर हर layer पर 10 गुना छोटा: vanishing", "10 times smaller at every layer towards the input: "
                 "vanishing")),
    Case(([3.4e15, 3.6e15, 4.1e15, 5.2e15],),
         about=T("हर layer पर लगभग 1e15: अनुपात लगभग 1 है, फिर भी exploding",
                 "about 1e15 at every layer: the ratio is about 1, yet it is exploding")),
    Case(([2.1, 2.0, 2.3, 2.1],), about=T("सारे norms एक-से और मध्यम: healthy", "all norms similar and moderate: healthy")),
    Case(([0.5, float("nan"), 0.3],), about=T("NaN gradient: exploding (overflow)", "a NaN gradient: exploding (overflow)")),
    Case(([1e-5, 1e-3, 0.1, 1.0],), about=T("अनुपात 1e-5 < 1e-3: vanishing", "ratio 1e-5 < 1e-3: vanishing")),
    Case(([0.02, 0.05, 0.2, 0.9],), about=T("अनुपात लगभग 0.02: healthy", "ratio about 0.02: healthy")),
    Case(([float("inf"), 2.0, 1.0],), about=T("inf gradient: exploding", "an inf gradient: exploding")),
    Case(([0.7],), about=T("एक ही layer: अनुपात 1, healthy", "a single layer: ratio 1, healthy")),
]


def _grade_diagnose(fn):
    """Run the learner's diagnose on every case; compare the label (a custom grader: the outputs are strings)."""
    for case in DIAGNOSE_CASES:
        norms = list(case.args[0])
        got = fn(list(norms))
        if contains_placeholder(got):
            raise NotAttempted()
        expected = _diagnose(norms)
        if got != expected:
            shown = ", ".join(f"{v:.2g}" for v in norms)
            return wrong(f"norms [{shown}] के लिए आपने {got!r} लौटाया, अपेक्षित {expected!r} ({case.about.hi})।",
                         f"for norms [{shown}] you returned {got!r}, expected {expected!r} ({case.about.en}).")
    return ok(f"सभी {len(DIAGNOSE_CASES)} cases सही।", f"all {len(DIAGNOSE_CASES)} cases pass.")


def questions():
    return [
        MultipleChoice("q1",
            T("(स्रोत नोट्स का प्रश्न 1) घटते (vanishing) gradients क्या हैं, और इन्हें कैसे पहचानेंगे? 20 hidden layers वाला एक network 10 "
              "classes पर 10 epochs train हुआ। इनमें से कौन-से लक्षण घटते gradients दिखाते हैं?",
              "(Source question 1) What is a vanishing gradient, and how do you detect it? A network with 20 hidden "
              "layers trained on 10 classes for 10 epochs. Which of these signs point to vanishing gradients?"),
            [T("training से पहले पहली layer का gradient norm आख़िरी hidden layer के norm का लगभग $10^{-12}$ गुना है",
               "before training, the first layer's gradient norm is about $10^{-12}$ times that of the last hidden "
               "layer"),
             T("training loss शुरू से आख़िर तक लगभग 2.303 (= ln 10) पर सपाट रहता है",
               "the training loss stays flat at about 2.303 (= ln 10) from start to end"),
             T("पहले epoch में loss NaN हो जाता है", "the loss becomes NaN in the first epoch"),
             T("training में पहली layer के weights लगभग नहीं बदलते, आख़िरी layers के बदलते हैं",
               "during training the first layer's weights barely change, while the last layers' weights do"),
             T("हर layer का gradient norm लगभग $10^{15}$ है", "every layer's gradient norm is about $10^{15}$")],
            ["a", "b", "d"],
            why={"c": T("NaN loss फटते (exploding) gradients (या बहुत बड़ी learning rate) का लक्षण है।",
                        "a NaN loss is a sign of exploding gradients (or a far too large learning rate)."),
                 "e": T("हर layer पर विशाल norm फटते gradients का लक्षण है, घटते gradients का नहीं।",
                        "huge norms at every layer mean exploding, not vanishing.")},
            hints=[T("घटते gradients की समस्या में gradient input की ओर जाते हुए छोटा होता जाता है; तो किन layers को कम gradient मिलता है?",
                     "With vanishing gradients the gradient shrinks on its way to the input; which layers get little "
                     "of it?"),
                   T("10 classes में probability बराबर बाँटने वाले model का loss ln 10 ≈ 2.303 होता है — यानी वह कुछ नहीं सीख रहा।",
                     "A model that spreads its guess evenly over 10 classes has loss ln 10 ≈ 2.303 — it learns "
                     "nothing."),
                   T("तीन विकल्प सही हैं; NaN और विशाल norms दूसरी समस्या के हैं।",
                     "Three options are right; NaN and huge norms belong to the other problem.")],
            solution='q1_answer = ["a", "b", "d"]', wrong=["a", "c"],
            explanation=T("घटते gradients: backpropagation में gradient हर layer पर 1 से छोटे गुणक (जैसे σ' ≤ 0.25) से गुणा "
                          "होकर input के पास की layers तक पहुँचते-पहुँचते लगभग शून्य हो जाता है, इसलिए वे layers सीखती नहीं। पहचान: हर layer के "
                          "gradient norms (hooks से) में पहली/आख़िरी का अनुपात ≪ 1, loss ln 10 के पास सपाट, पहली layers के "
                          "weights स्थिर।",
                          "A vanishing gradient: in backpropagation the gradient is multiplied at every layer by a "
                          "factor below 1 (such as σ' ≤ 0.25) and reaches the layers near the input almost zero, so "
                          "they do not learn. Detection: per-layer gradient norms (with hooks) with a first/last ratio "
                          "≪ 1, a loss flat near ln 10, first-layer weights that do not move.")),
        MultipleChoice("q2", T("(स्रोत नोट्स का प्रश्न 2) फटते (exploding) gradients से model पर क्या असर पड़ता है?",
                               "(Source question 2) What do exploding gradients do to a model?"),
            [T("loss बहुत बड़े मानों तक उछलता है और फिर inf या NaN हो जाता है",
               "the loss jumps to huge values and then becomes inf or NaN"),
             T("weights को बहुत बड़े updates मिलते हैं, और वे भी NaN हो सकते हैं",
               "the weights get huge updates, and can become NaN too"),
             T("loss सपाट रहता है और केवल पहली layers सीखना बंद करती हैं",
               "the loss stays flat and only the first layers stop learning"),
             T("training अस्थिर हो जाती है: loss ऊपर-नीचे कूदता है",
               "training becomes unstable: the loss jumps up and down")],
            ["a", "b", "d"],
            why={"c": T("ये घटते (vanishing) gradients के लक्षण हैं।", "that is the picture of vanishing gradients.")},
            hints=[T("SGD update w ← w − η·g में g बहुत बड़ा हो तो w का क्या होगा?",
                     "In the SGD update w ← w − η·g, what happens to w when g is huge?"),
                   T("float32 की सीमा लगभग 3.4e38 है; उससे आगे inf, और inf − inf = NaN।",
                     "float32 tops out at about 3.4e38; beyond that comes inf, and inf − inf = NaN.")],
            solution='q2_answer = ["a", "b", "d"]', wrong="c",
            explanation=T('बहुत बड़े gradients से बहुत बड़े updates होते हैं: weights और activations बेक़ाबू होकर बढ़ते हैं, loss उछलता '
                          'है, float32 overflow से inf और फिर NaN आता है, और training बिगड़ जाती है (coursekit.fit में '
                          'history["diverged"] = True)।',
                          'Huge gradients give huge updates: weights and activations blow up, the loss jumps, float32 '
                          'overflows to inf and then NaN, and training breaks (history["diverged"] = True in '
                          'coursekit.fit).')),
        MultipleChoice("q3",
            T("(स्रोत नोट्स का प्रश्न 3) Activation functions gradients को कैसे प्रभावित करते हैं? कौन-सा कथन सही है?",
              "(Source question 3) How do activation functions affect gradients? Which statement is right?"),
            [T("हर x के लिए σ'(x) ≤ 0.25, इसलिए हर sigmoid layer gradient को (weights के असर के अलावा) कम से कम 4 गुना छोटा करती "
               "है",
               "σ'(x) ≤ 0.25 for every x, so each sigmoid layer makes the gradient at least 4 times smaller (besides "
               "the weights)"),
             T("tanh की तरह sigmoid का derivative भी 1 तक पहुँचता है", "like tanh's, the sigmoid's derivative reaches 1"),
             T("धनात्मक inputs पर ReLU का derivative 0.5 है", "ReLU's derivative is 0.5 for positive inputs"),
             T("activation का gradient पर कोई असर नहीं; केवल weights मायने रखते हैं",
               "the activation has no effect on the gradient; only the weights matter")],
            "a",
            why={"b": T("σ'(x) = σ(x)(1 − σ(x)) का सबसे बड़ा मान x = 0 पर 0.25 है; tanh' का 1 है।",
                        "σ'(x) = σ(x)(1 − σ(x)) peaks at 0.25 at x = 0; tanh' peaks at 1."),
                 "c": T("ReLU का derivative धनात्मक inputs पर ठीक 1 है और ऋणात्मक पर 0।",
                        "ReLU's derivative is exactly 1 for positive inputs and 0 for negative ones."),
                 "d": T("chain rule में हर layer का g'(z) एक गुणक है।",
                        "every layer's g'(z) is a factor in the chain rule.")},
            hints=[T("σ'(x) = σ(x)(1 − σ(x)); p(1 − p) सबसे बड़ा कब है?",
                     "σ'(x) = σ(x)(1 − σ(x)); when is p(1 − p) largest?"),
                   T("p = 0.5 पर p(1 − p) = 0.25।", "At p = 0.5, p(1 − p) = 0.25.")],
            solution='q3_answer = "a"', wrong="b",
            explanation=T("Backpropagation में हर layer पर g'(z) से गुणा होता है: sigmoid ≤ 0.25 (और saturation में लगभग 0), "
                          "tanh ≤ 1 (saturation में लगभग 0), ReLU धनात्मक inputs पर 1। इसीलिए गहरे networks में ReLU (He "
                          "init के साथ) gradients को बचाए रखता है।",
                          "Backpropagation multiplies by g'(z) at every layer: sigmoid ≤ 0.25 (and about 0 when "
                          "saturated), tanh ≤ 1 (about 0 when saturated), ReLU 1 for positive inputs. That is why ReLU "
                          "(with He init) keeps the gradients alive in deep networks.")),
        MultipleChoice("q4", T("(स्रोत नोट्स का प्रश्न 4) Gradient clipping क्यों ज़रूरी है? पहले यह समझिए कि वह करता क्या है: "
                               "`torch.nn.utils.clip_grad_norm_(model.parameters(), max_norm=1.0)` चलाने से पहले सारे "
                               "gradients का कुल norm 5.0 है। क्या होता है?",
                               "(Source question 4) Why is gradient clipping needed? First, what does it do: before "
                               "`torch.nn.utils.clip_grad_norm_(model.parameters(), max_norm=1.0)` runs, the total "
                               "norm of all gradients is 5.0. What happens?"),
            [T("हर gradient 0.2 से गुणा होता है: दिशा वही, कुल norm 1.0",
               "every gradient is multiplied by 0.2: same direction, total norm 1.0"),
             T("1.0 से बड़ा हर element 1.0 कर दिया जाता है", "every element larger than 1.0 is set to 1.0"),
             T("सारे gradients 0 कर दिए जाते हैं, यह step छोड़ दिया जाता है",
               "all gradients are set to 0, and the step is skipped"),
             T("learning rate 0.2 कर दी जाती है", "the learning rate is set to 0.2")],
            "a",
            why={"b": T("यह clip_grad_value_ है (हर element अलग से); यह दिशा बदल देता है।",
                        "that is clip_grad_value_ (element by element); it changes the direction."),
                 "c": T("clipping gradient को छोटा करता है, मिटाता नहीं।",
                        "clipping shrinks the gradient; it does not erase it."),
                 "d": T("clipping gradients बदलता है, optimizer की learning rate नहीं।",
                        "clipping changes the gradients, not the optimiser's learning rate.")},
            hints=[T("g ← g · min(1, max_norm / ‖g‖)।", "g ← g · min(1, max_norm / ‖g‖)."),
                   T("1.0 / 5.0 = ?", "1.0 / 5.0 = ?")],
            solution='q4_answer = "a"', wrong="b",
            explanation=T("कुल norm 5.0 > 1.0 है, तो हर gradient 1.0/5.0 = 0.2 से गुणा होता है। ज़रूरी क्यों: एक बुरा batch या "
                          "loss की एक खड़ी ढलान (cliff) एक ही बहुत बड़े step से training बिगाड़ सकती है; clipping हर step की "
                          "लंबाई को η·max_norm तक सीमित करता है (RNNs में लगभग हमेशा लगाया जाता है)। यह बुरे init का इलाज नहीं "
                          "है, केवल लक्षण रोकता है।",
                          "The total norm 5.0 > 1.0, so every gradient is multiplied by 1.0/5.0 = 0.2. Why it is "
                          "needed: one bad batch or a steep cliff in the loss can ruin training with one huge step; "
                          "clipping limits every step to a length of η·max_norm (RNNs almost always use it). It does "
                          "not cure a bad init; it only stops the symptom.")),
        Open("q5", T("(स्रोत नोट्स का प्रश्न 5) Batch Normalization घटते (vanishing) और फटते (exploding) gradients को कैसे कम करता है? 2-3 "
                     "वाक्यों में लिखिए।",
                     "(Source question 5) How does Batch Normalization reduce vanishing and exploding gradients? "
                     "Answer in 2-3 sentences."),
            model_answer=T("BatchNorm हर layer के pre-activation z को batch के mean और std से normalise करता है (ẑ = (z − "
                           "μ)/√(σ² + ε), फिर γẑ + β)। (1) इससे sigmoid/tanh के inputs 0 के आसपास रहते हैं, जहाँ derivative "
                           "सबसे बड़ा है, saturation में नहीं; (2) layer का output weights के पैमाने (scale) पर निर्भर नहीं रहता: "
                           "backward pass में gradient γ/√(σ² + ε) से गुणा होता है, जो weights के बहुत छोटे या बहुत बड़े होने के "
                           "असर को काट देता है। इसलिए हर layer का गुणक 1 के पास रहता है — notebook 03 में 20-layer sigmoid "
                           "network BatchNorm से सीखने लगा। यह residual connections या सही init का पूरा विकल्प नहीं, पर "
                           "training को स्थिर और तेज़ बनाता है।",
                           "BatchNorm normalises each layer's pre-activation z with the batch mean and std (ẑ = (z − "
                           "μ)/√(σ² + ε), then γẑ + β). (1) This keeps the inputs of sigmoid/tanh near 0, where the "
                           "derivative is largest, out of saturation; (2) the layer's output no longer depends on the "
                           "scale of the weights: in the backward pass the gradient is multiplied by γ/√(σ² + ε), "
                           "which cancels the effect of weights that are too small or too large. So each layer's "
                           "factor stays near 1 — in notebook 03 the 20-layer sigmoid network learned once BatchNorm "
                           "was added. It does not fully replace residual connections or a proper init, but it makes "
                           "training more stable and faster."),
            hints=[T("BatchNorm के बाद z का mean और std क्या होता है? sigmoid' वहाँ कितना है?",
                     "After BatchNorm, what are the mean and std of z? How large is sigmoid' there?"),
                   T("अगर सारे weights 10 गुना कर दें तो BN(Wx) का क्या होगा?",
                     "If you multiply all weights by 10, what happens to BN(Wx)?")]),
        Numeric("q6",
            T("`sigmoid_derivative` को `torch.linspace(-10, 10, 2001)` पर चलाइए। σ'(x) का सबसे बड़ा मान क्या है?",
              "Run `sigmoid_derivative` on `torch.linspace(-10, 10, 2001)`. What is the largest value of σ'(x)?"),
            0.25, rel_tol=1e-4,
            mistakes={0.5: T("0.5 तो σ(0) है, derivative नहीं। σ'(0) = σ(0)(1 − σ(0)) = 0.5 · 0.5।",
                             "0.5 is σ(0), not the derivative. σ'(0) = σ(0)(1 − σ(0)) = 0.5 · 0.5."),
                      1.0: T("1 tanh' (या ReLU') का सबसे बड़ा मान है, sigmoid' का नहीं।",
                             "1 is the largest value of tanh' (or ReLU'), not of sigmoid'.")},
            hints=[T("`d = sigmoid_derivative(torch.linspace(-10, 10, 2001))`, फिर `d.max()`।",
                     "`d = sigmoid_derivative(torch.linspace(-10, 10, 2001))`, then `d.max()`."),
                   T("सबसे बड़ा मान x = 0 पर आता है: σ(0) = 0.5।", "The largest value comes at x = 0: σ(0) = 0.5.")],
            solution="q6_answer = sigmoid_derivative(torch.linspace(-10, 10, 2001)).max().item()", wrong=0.5,
            explanation=T("σ'(0) = 0.5 · (1 − 0.5) = 0.25: कोई भी sigmoid layer gradient का 0.25 से बड़ा हिस्सा आगे नहीं "
                          "जाने देती।",
                          "σ'(0) = 0.5 · (1 − 0.5) = 0.25: no sigmoid layer passes on more than 0.25 of the "
                          "gradient.")),
        Numeric("q7", T("सबसे अच्छी स्थिति में (हर layer पर σ' = 0.25, weights का गुणक 1) 10 sigmoid layers से गुज़रकर gradient "
                        "किस गुणक से गुणा होता है? एक संख्या लिखिए।",
                        "In the best case (σ' = 0.25 at every layer, the weights contributing a factor 1), by what "
                        "factor is the gradient multiplied after passing 10 sigmoid layers? Give a number."),
            0.25 ** 10, rel_tol=1e-3, abs_tol=0.0,
            mistakes={2.5: T("0.25 × 10 में 0.25 को layers की गिनती से गुणा किया गया; chain rule में हर layer का गुणक पिछले "
                             "गुणकों से गुणा होता है: 0.25 ** 10।",
                             "0.25 × 10 multiplies 0.25 by the number of layers; in the chain rule each layer's factor "
                             "multiplies the previous ones: 0.25 ** 10."),
                      0.25 ** 20: T("यह 20 layers का है; प्रश्न 10 layers का है।",
                                    "that is for 20 layers; the question is about 10."),
                      0.5 ** 10: T("0.5 σ(0) है, σ'(0) = 0.25 है।", "0.5 is σ(0); σ'(0) is 0.25.")},
            hints=[T("chain rule: सभी layers के गुणक आपस में गुणा होते हैं।",
                     "Chain rule: the factors of the layers multiply."),
                   T("Python में `0.25 ** 10`।", "In Python: `0.25 ** 10`.")],
            solution="q7_answer = 0.25 ** 10", wrong=2.5,
            explanation=T("0.25 ** 10 ≈ 9.5e-7: दस layers के बाद दस लाख में लगभग एक हिस्सा बचता है; 20 layers पर ≈ 9.1e-13।",
                          "0.25 ** 10 ≈ 9.5e-7: after ten layers about one millionth is left; at 20 layers ≈ "
                          "9.1e-13.")),
        Code("q8",
            T("Gradient clipping हाथ से लिखिए: `clip_by_total_norm(grads, max_norm)` को gradient tensors की एक list "
              "मिलती है। सबका कुल norm $\\lVert g \\rVert = \\sqrt{\\sum g^2}$ (सारे tensors के सारे elements) निकालिए, और "
              "हर gradient को $\\min(1, \\text{max\\_norm} / \\lVert g \\rVert)$ से गुणा कीजिए। लौटाइए: (clip किए "
              "gradients की list, clipping से पहले का कुल norm) — ठीक `torch.nn.utils.clip_grad_norm_` की तरह, जिससे "
              "checker आपके उत्तर की तुलना करेगा। सारे gradients 0 हों तो भी nan नहीं आना चाहिए।",
              "Write gradient clipping by hand: `clip_by_total_norm(grads, max_norm)` receives a list of gradient "
              "tensors. Compute their total norm $\\lVert g \\rVert = \\sqrt{\\sum g^2}$ (all elements of all "
              "tensors), and multiply every gradient by $\\min(1, \\text{max\\_norm} / \\lVert g \\rVert)$. Return "
              "(the list of clipped gradients, the total norm before clipping) — just like "
              "`torch.nn.utils.clip_grad_norm_`, which the checker compares you with. Even when every gradient is 0 "
              "there must be no nan."),
            grader=_grade_clip, answer_name="clip_by_total_norm",
            starter="def clip_by_total_norm(grads, max_norm):\n"
                    "    total = ____          # the norm of all gradients together\n"
                    "    scale = ____          # min(1, max_norm / total)\n"
                    "    return [g * scale for g in grads], total",
            solution="def clip_by_total_norm(grads, max_norm):\n"
                     "    total = torch.sqrt(sum((g ** 2).sum() for g in grads))      # one norm for all tensors\n"
                     "    scale = min(1.0, max_norm / (total.item() + 1e-6))         # torch adds 1e-6 too\n"
                     "    return [g * scale for g in grads], total",
            wrongs=[_per_tensor_clip, _wrong_clip_always, _wrong_clip_values, _wrong_clip_norm_after,
                    _wrong_clip_divides_by_zero],
            hints=[T("कुल norm: हर tensor के वर्गों (squares) का जोड़, फिर सबका जोड़, फिर वर्गमूल: `torch.sqrt(sum((g ** "
                     "2).sum() for g in grads))`।",
                     "The total norm: sum the squares of each tensor, add them all, take the square root: "
                     "`torch.sqrt(sum((g ** 2).sum() for g in grads))`."),
                   T("गुणक: `min(1.0, max_norm / total.item())` — हर tensor के लिए एक ही गुणक।",
                     "The factor: `min(1.0, max_norm / total.item())` — one factor for every tensor."),
                   T("torch भाजक में 1e-6 जोड़ता है (शून्य से भाग से बचने को): `max_norm / (total + 1e-6)`।",
                     "torch adds 1e-6 to the divisor (to avoid dividing by zero): `max_norm / (total + 1e-6)`.")]),
        Code("q9", T('`diagnose(norms)` लिखिए: `norms` हर layer के gradient norm की list है (input की ओर वाली layer '
                     'पहले)। अगर कोई norm NaN/inf है या सबसे बड़ा norm 1e3 से बड़ा है, तो `"exploding"` लौटाइए; वरना अगर '
                     '`norms[0] / norms[-1] < 1e-3` है, तो `"vanishing"`; वरना `"healthy"`।',
                     'Write `diagnose(norms)`: `norms` is a list of per-layer gradient norms (the input-side layer '
                     'first). Return `"exploding"` if any norm is NaN/inf or the largest norm exceeds 1e3; otherwise '
                     '`"vanishing"` if `norms[0] / norms[-1] < 1e-3`; otherwise `"healthy"`.'),
            grader=_grade_diagnose, answer_name="diagnose",
            starter="def diagnose(norms):\n"
                    "    if ____:                      # NaN/inf, or a norm above 1e3\n"
                    "        return \"exploding\"\n"
                    "    if ____:                      # first / last < 1e-3\n"
                    "        return \"vanishing\"\n"
                    "    return \"healthy\"",
            solution="def diagnose(norms):\n"
                     "    if any(not math.isfinite(v) for v in norms) or max(norms) > 1e3:\n"
                     "        return \"exploding\"\n"
                     "    if norms[0] / norms[-1] < 1e-3:\n"
                     "        return \"vanishing\"\n"
                     "    return \"healthy\"",
            wrongs=[_ratio_only, _wrong_diagnose_no_nan_check, _wrong_diagnose_capitalised,
                    _wrong_diagnose_ratio_reversed],
            hints=[T("`math.isfinite(v)` NaN और inf दोनों के लिए False देता है।",
                     "`math.isfinite(v)` is False for both NaN and inf."),
                   T("exploding की जाँच पहले कीजिए: बड़े weights से हर layer का norm एक-सा विशाल होता है, तो अनुपात लगभग 1 "
                     "रहता है — केवल अनुपात देखने से exploding छूट जाता है।",
                     "Check for exploding first: with large weights every layer's norm is equally huge, so the ratio "
                     "is about 1 — looking at the ratio alone misses exploding gradients.")],
            explanation=T("notebook 03 में N(0, 1) init वाले network की हर layer का norm लगभग 1e15 था और अनुपात लगभग 1: "
                          "exploding को absolute आकार से पहचानिए, vanishing को अनुपात से।",
                          "In notebook 03 every layer of the N(0, 1)-initialised network had a norm of about 1e15 and "
                          "a ratio of about 1: detect exploding by the absolute size, vanishing by the ratio.")),
    ]
