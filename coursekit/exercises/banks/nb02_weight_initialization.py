"""Practice 02 (weight initialization): the source's five questions, then formulas and init code to write."""
import math

import torch
from torch import nn

from ...i18n import T
from ..codecheck import Case, Code
from ..kinds import MultipleChoice, Numeric, TrueFalse
from ._nb02_graders import grade_default_init, grade_he_init

TITLE = T("वेट इनिशियलाइज़ेशन", "Weight initialization")
INTRO = T(
    "पहले स्रोत नोट्स के पाँच practice प्रश्न, फिर code: Xavier और He के formulas ख़ुद लिखिए, एक layer में He "
    "initialization लगाइए, PyTorch का default दोबारा बनाइए, और symmetry का अनुमान लगाइए। `math`, `torch` और `nn` "
    "पहले से import हैं।",
    "First the source notes' five practice questions, then code: write the Xavier and He formulas yourself, put He "
    "initialization into a layer, rebuild PyTorch's default, and predict the symmetry. `math`, `torch` and `nn` are "
    "already imported.",
)
SETUP = "import math\nimport torch\nfrom torch import nn"


_xavier_std = lambda fan_in, fan_out: math.sqrt(2.0 / (fan_in + fan_out))
_he_uniform_bound = lambda fan_in: math.sqrt(6.0 / fan_in)


# ---------------------------------------------------------------- known-wrong answers
_wrong_xavier_sqrt_fan_in = lambda fan_in, fan_out: math.sqrt(1 / fan_in)  # LeCun's std, not Xavier's


def _wrong_xavier_uniform_bound(fan_in, fan_out):
    return math.sqrt(6 / (fan_in + fan_out))         # the bound a of Xavier *uniform*, not the std


_wrong_xavier_he = lambda fan_in, fan_out: math.sqrt(2 / fan_in)    # He's std
_wrong_bound_default = lambda fan_in: 1 / math.sqrt(fan_in)         # PyTorch's default bound, not He's
_wrong_bound_no_relu_factor = lambda fan_in: math.sqrt(3 / fan_in)  # variance 1/fan_in: ReLU's factor 2 is missing
_wrong_bound_no_sqrt = lambda fan_in: 6 / fan_in


def _wrong_he_symmetric(layer):
    """Every row the same He row: the symmetric init notebook 02 warns about (reliability review, 02 q5)."""
    row = torch.randn(1, layer.in_features) * math.sqrt(2 / layer.in_features)
    with torch.no_grad():
        layer.weight.copy_(row.expand_as(layer.weight))
        layer.bias.zero_()


def _wrong_he_plus_minus_sigma(layer):
    with torch.no_grad():                            # ±σ: the right std, but not a normal distribution
        layer.weight.copy_(torch.sign(torch.randn_like(layer.weight)) * math.sqrt(2 / layer.in_features))
        layer.bias.zero_()


def _wrong_he_uniform(layer):
    nn.init.kaiming_uniform_(layer.weight, nonlinearity="relu")
    nn.init.zeros_(layer.bias)


def _wrong_he_fan_out(layer):
    nn.init.kaiming_normal_(layer.weight, mode="fan_out", nonlinearity="relu")
    nn.init.zeros_(layer.bias)


def _wrong_he_bias_left(layer):
    nn.init.kaiming_normal_(layer.weight, nonlinearity="relu")


def _wrong_default_bias_constant(layer):
    bound = 1 / math.sqrt(layer.in_features)
    nn.init.uniform_(layer.weight, -bound, bound)
    nn.init.constant_(layer.bias, 0.01)


def _wrong_default_bias_positive(layer):
    bound = 1 / math.sqrt(layer.in_features)
    nn.init.uniform_(layer.weight, -bound, bound)
    nn.init.uniform_(layer.bias, 0, bound)


def _wrong_default_bias_fan_out(layer):
    bound = 1 / math.sqrt(layer.in_features)
    nn.init.uniform_(layer.weight, -bound, bound)
    nn.init.uniform_(layer.bias, -1 / math.sqrt(layer.out_features), 1 / math.sqrt(layer.out_features))


def _wrong_default_he_bound(layer):
    bound = math.sqrt(6 / layer.in_features)
    nn.init.uniform_(layer.weight, -bound, bound)
    nn.init.uniform_(layer.bias, -bound, bound)


def _wrong_default_bias_zero(layer):
    bound = 1 / math.sqrt(layer.in_features)
    nn.init.uniform_(layer.weight, -bound, bound)
    nn.init.zeros_(layer.bias)


def questions():
    return [
        # ---------------------------------------------------------------- the source's practice questions
        MultipleChoice("q1", T("Weight initialization क्यों ज़रूरी है? (जितने सही हों, सब चुनिए)",
                               "Why is weight initialization important? (choose all that are right)"),
            [T("Random शुरुआत एक layer के neurons की symmetry तोड़ती है, ताकि वे अलग-अलग चीज़ें सीख सकें",
               "A random start breaks the symmetry between the neurons of a layer, so they can learn different things"),
             T("सही पैमाना (scale) activations और gradients के variance को layer-दर-layer लगभग बराबर रखता है, ताकि वे न "
               "घटते जाएँ न फटें",
               "The right scale keeps the variance of activations and gradients about equal from layer to layer, so "
               "they neither vanish nor explode"),
             T("अच्छा initialization loss function को convex बना देता है",
               "A good initialization makes the loss function convex"),
             T("Initialization से final accuracy तय हो जाती है, training कुछ नहीं बदलती",
               "The initialization fixes the final accuracy; training changes nothing")],
            ["a", "b"],
            why={"c": T("Neural network का loss non-convex ही रहता है; initialization केवल शुरुआती बिंदु चुनता है।",
                        "A neural network's loss stays non-convex; the initialization only picks the starting point."),
                 "d": T("Training weights को बदलती है; initialization केवल तय करता है कि वह कहाँ से और कितनी आसानी से शुरू "
                        "होगी।",
                        "Training changes the weights; the initialization decides where it starts and how easily it "
                        "gets going.")},
            hints=[T("notebook के section 1 की table के तीनों 'ग़लत initialization' देखिए।",
                     "Look at the three 'wrong initializations' in the table of section 1 of the notebook."),
                   T("एक कारण symmetry से जुड़ा है, दूसरा variance से।",
                     "One reason is about symmetry, the other about variance.")],
            solution='q1_answer = ["a", "b"]', wrong=["a", "c"],
            explanation=T("दोनों: symmetry तोड़ना (section 2) और variance बनाए रखना (sections 3–7)।",
                          "Both: breaking the symmetry (section 2) and keeping the variance steady (sections 3–7).")),
        MultipleChoice("q2", T("Xavier (Glorot) initialization मूल रूप से किस तरह के activation functions के लिए बना है?",
                               "Which kind of activation functions was Xavier (Glorot) initialization designed for?"),
            ["ReLU",
             T("tanh जैसे, जो 0 के आसपास symmetric और लगभग linear हैं (sigmoid के साथ भी इस्तेमाल होता है)",
               "tanh-like ones, symmetric and roughly linear around 0 (it is used with sigmoid too)"),
             T("केवल output layer के softmax के लिए", "Only the softmax of the output layer"),
             T("किसी के लिए नहीं; यह केवल biases के लिए है", "None; it is for biases only")],
            "b",
            why={"a": T("ReLU आधे inputs को 0 कर देता है, इसलिए उसे 2 गुना variance चाहिए: वह He initialization है।",
                        "ReLU zeros half of its inputs, so it needs twice the variance: that is He initialization.")},
            hints=[T("Xavier की derivation में मान लिया जाता है कि 0 के पास f(z) ≈ z है।",
                     "Xavier's derivation assumes f(z) ≈ z near 0."),
                   T("कौन-सा activation 0 के पास लगभग सीधी रेखा है?",
                     "Which activation is nearly a straight line near 0?")],
            solution='q2_answer = "b"', wrong="a",
            explanation=T("Var(w) = 2/(fan_in + fan_out) tanh जैसे activations के लिए है; ReLU के लिए He (2/fan_in)।",
                          "Var(w) = 2/(fan_in + fan_out) is meant for tanh-like activations; for ReLU use He "
                          "(2/fan_in).")),
        Numeric("q3", T("He initialization में variance Var(w) = 2/fan_in से तय होता है। `nn.Linear(256, 128)` पर "
                        "`nn.init.kaiming_normal_(layer.weight, nonlinearity='relu')` weights का कौन-सा std (standard "
                        "deviation) इस्तेमाल करता है? (4 दशमलव तक)",
                        "In He initialization the variance is set by Var(w) = 2/fan_in. Which std (standard deviation) "
                        "does `nn.init.kaiming_normal_(layer.weight, nonlinearity='relu')` use for `nn.Linear(256, "
                        "128)`? (to 4 decimals)"),
            math.sqrt(2 / 256), rel_tol=2e-3,
            mistakes={math.sqrt(2 / 128): T("आपने fan_out = 128 लिया; He का default mode 'fan_in' है, और nn.Linear(256, "
                                            "128) का fan_in 256 है।",
                                            "you used fan_out = 128; He's default mode is 'fan_in', and nn.Linear(256, "
                                            "128) has fan_in 256."),
                      2 / 256: T("यह variance है; std उसका वर्गमूल (square root) है।",
                                 "that is the variance; the std is its square root."),
                      math.sqrt(1 / 256): T("ReLU के लिए 2 का गुणक छूट गया (ReLU आधे inputs को 0 करता है)।",
                                            "you left out the factor 2 for ReLU (it zeros half of its inputs)."),
                      math.sqrt(2 / 384): T("यह Xavier का std है, √(2/(fan_in + fan_out))।",
                                            "that is Xavier's std, √(2/(fan_in + fan_out)).")},
            hints=[T("nn.Linear(in, out) का fan_in = in = 256।", "nn.Linear(in, out) has fan_in = in = 256."),
                   T("std = √(Var) = √(2/256)।", "std = √(Var) = √(2/256).")],
            solution="q3_answer = math.sqrt(2 / 256)", wrong=math.sqrt(2 / 128),
            explanation=T("√(2/256) ≈ 0.0884: variance fan_in से तय होता है, और ReLU के लिए 2 से गुणा।",
                          "√(2/256) ≈ 0.0884: the variance is set by fan_in, times 2 for ReLU.")),
        MultipleChoice("q4", T("सभी weights को 0 से शुरू करने पर training क्यों fail हो जाती है? (जितने सही हों, सब चुनिए)",
                               "Why does training fail when every weight starts at 0? (choose all that are right)"),
            [T("एक layer के सभी neurons को एक जैसा gradient मिलता है, इसलिए वे हमेशा एक जैसे रहते हैं (symmetry नहीं टूटती)",
               "All neurons of a layer get the same gradient, so they stay identical forever (the symmetry is never "
               "broken)"),
             T("ReLU network में सभी weights और biases शून्य हों तो hidden weights का gradient ठीक 0 होता है, इसलिए केवल आख़िरी "
               "bias सीखता है",
               "In a ReLU network with all-zero weights and biases, the hidden weights get exactly zero gradient, so "
               "only the last bias learns"),
             T("0 पर loss NaN हो जाता है", "At 0 the loss becomes NaN"),
             T("PyTorch 0 वाले weights को train करने से मना कर देता है", "PyTorch refuses to train weights that are 0")],
            ["a", "b"],
            why={"c": T("loss ठीक ln 10 ≈ 2.303 होता है (हर class को 1/10), NaN नहीं।",
                        "the loss is exactly ln 10 ≈ 2.303 (1/10 for each class), not NaN."),
                 "d": T("PyTorch मना नहीं करता; gradient ही 0 या एक जैसे होते हैं।",
                        "PyTorch does not refuse; the gradients themselves are 0 or identical.")},
            hints=[T("notebook के section 2 का पहला cell: किन parameters का gradient 0 नहीं था?",
                     "The first cell of section 2 of the notebook: which parameters had a non-zero gradient?"),
                   T("constant 0.01 से शुरू हुए network की अलग-अलग rows गिनिए।",
                     "Count the distinct rows of the network that started at constant 0.01.")],
            solution='q4_answer = ["a", "b"]', wrong="c",
            explanation=T("सब कुछ शून्य हो तो hidden layers को gradient मिलता ही नहीं; किसी non-zero constant से शुरू करने पर वे सीखती हैं पर सब एक "
                          "जैसा — 512 neurons एक neuron की तरह।",
                          "With all zeros the hidden layers get no gradient at all; with a non-zero constant they "
                          "learn, but all the same thing — 512 neurons act as one.")),
        Code("q5",
            T("PyTorch में He initialization: `he_init_(layer)` लिखिए, जो एक `nn.Linear` के weight में He (normal, ReLU के "
              "लिए) initialization लगाए और bias को 0 करे। grader इसे `nn.Linear(1024, 256)` और दो और layers पर चलाकर "
              "weights के आँकड़ों (std, mean, हर neuron की row, distribution का आकार) को He के formula से मिलाएगा।",
              "He initialization in PyTorch: write `he_init_(layer)`, which puts He (normal, for ReLU) initialization "
              "into an `nn.Linear`'s weight and sets its bias to 0. The grader runs it on `nn.Linear(1024, 256)` and "
              "two more layers and compares the statistics of the weights (std, mean, every neuron's row, the shape of "
              "the distribution) with He's formula."),
            grader=grade_he_init, answer_name="he_init_",
            starter="def he_init_(layer):\n    nn.init.kaiming_normal_(layer.weight, nonlinearity=____)\n    ____",
            solution="def he_init_(layer):\n    nn.init.kaiming_normal_(layer.weight, nonlinearity='relu')  # std √(2/fan_in)\n"
                     "    nn.init.zeros_(layer.bias)",
            wrongs=[lambda layer: nn.init.xavier_normal_(layer.weight), _wrong_he_symmetric, _wrong_he_plus_minus_sigma,
                    _wrong_he_uniform, _wrong_he_fan_out, _wrong_he_bias_left],
            hints=[T("`nn.init.kaiming_normal_(tensor, nonlinearity='relu')` tensor को उसी जगह बदलता है।",
                     "`nn.init.kaiming_normal_(tensor, nonlinearity='relu')` changes the tensor in place."),
                   T("bias के लिए `nn.init.zeros_(layer.bias)`।", "For the bias: `nn.init.zeros_(layer.bias)`."),
                   T("हाथ से भी बना सकते हैं: `with torch.no_grad(): layer.weight.normal_(0, math.sqrt(2 / "
                     "layer.in_features))`।",
                     "By hand works too: `with torch.no_grad(): layer.weight.normal_(0, math.sqrt(2 / "
                     "layer.in_features))`.")]),
        # ---------------------------------------------------------------- formulas and code
        Code("q6", T("`xavier_std(fan_in, fan_out)` लिखिए: Xavier/Glorot normal initialization का std, यानी Var(w) = "
                     "2/(fan_in + fan_out) का वर्गमूल।",
                     "Write `xavier_std(fan_in, fan_out)`: the std of Xavier/Glorot normal initialization, the square "
                     "root of Var(w) = 2/(fan_in + fan_out)."),
            reference=_xavier_std, atol=1e-9,
            cases=[Case((256, 256), about=T("वर्गाकार layer", "a square layer")),
                   Case((64, 512), about=T("digits वाले network की पहली layer", "the first layer on digits")),
                   Case((784, 10))],
            answer_name="xavier_std", starter="def xavier_std(fan_in, fan_out):\n    return ____",
            solution="def xavier_std(fan_in, fan_out):\n    return math.sqrt(2 / (fan_in + fan_out))",
            wrongs=[lambda fan_in, fan_out: 2 / (fan_in + fan_out), _wrong_xavier_sqrt_fan_in,
                    _wrong_xavier_uniform_bound, _wrong_xavier_he],
            hints=[T("पहले variance: 2 / (fan_in + fan_out)।", "First the variance: 2 / (fan_in + fan_out)."),
                   T("std = math.sqrt(variance)।", "std = math.sqrt(variance).")],
            explanation=T("जाँच: torch.nn.init.xavier_normal_(torch.empty(512, 64)).std() लगभग xavier_std(64, 512) = "
                          "0.0589 देता है।",
                          "Check: torch.nn.init.xavier_normal_(torch.empty(512, 64)).std() gives about xavier_std(64, "
                          "512) = 0.0589.")),
        Code("q7", T("`he_uniform_bound(fan_in)` लिखिए: वह a जिससे U(-a, a) का variance He का 2/fan_in हो। (याद रखिए: "
                     "U(-a, a) का variance a²/3 है।)",
                     "Write `he_uniform_bound(fan_in)`: the a for which U(-a, a) has He's variance 2/fan_in. "
                     "(Remember: U(-a, a) has variance a²/3.)"),
            reference=_he_uniform_bound, atol=1e-9,
            cases=[Case((64,)), Case((256,)), Case((3,), about=T("3 inputs: a = √2", "3 inputs: a = √2"))],
            answer_name="he_uniform_bound", starter="def he_uniform_bound(fan_in):\n    return ____",
            solution="def he_uniform_bound(fan_in):\n    return math.sqrt(6 / fan_in)  # a^2 / 3 = 2 / fan_in",
            wrongs=[lambda fan_in: math.sqrt(2 / fan_in), _wrong_bound_default, _wrong_bound_no_relu_factor,
                    _wrong_bound_no_sqrt],
            hints=[T("a²/3 = 2/fan_in को a के लिए हल कीजिए।", "Solve a²/3 = 2/fan_in for a."),
                   T("a = √(6/fan_in)।", "a = √(6/fan_in).")],
            explanation=T("यही nn.init.kaiming_uniform_(w, nonlinearity='relu') की सीमा है: उसके tensor का सबसे बड़ा |w| "
                          "इससे ठीक नीचे रहता है।",
                          "That is the limit of nn.init.kaiming_uniform_(w, nonlinearity='relu'): the largest |w| of "
                          "its tensor sits just below it.")),
        Code("q8", T("PyTorch का default दोबारा बनाइए: `default_init_(layer)` लिखिए, जो एक `nn.Linear` के weight और "
                     "bias दोनों को वैसे भरे जैसे `nn.Linear` ख़ुद भरता है: U(-1/√fan_in, 1/√fan_in)। grader इसे "
                     "`nn.Linear(1024, 512)` और दो और layers पर चलाकर weight और bias की सीमा, std और mean जाँचेगा।",
                     "Rebuild PyTorch's default: write `default_init_(layer)`, which fills both the weight and the "
                     "bias of an `nn.Linear` the way `nn.Linear` does itself: U(-1/√fan_in, 1/√fan_in). The grader "
                     "runs it on `nn.Linear(1024, 512)` and two more layers and checks the limit, the std and the mean "
                     "of the weight and of the bias."),
            grader=grade_default_init, answer_name="default_init_",
            starter="def default_init_(layer):\n    bound = ____\n    nn.init.uniform_(layer.weight, -bound, bound)\n"
                    "    nn.init.uniform_(layer.bias, -bound, bound)",
            solution="def default_init_(layer):\n    bound = 1 / math.sqrt(layer.in_features)   # fan_in\n"
                     "    nn.init.uniform_(layer.weight, -bound, bound)\n    nn.init.uniform_(layer.bias, -bound, bound)",
            wrongs=[lambda layer: nn.init.xavier_uniform_(layer.weight), _wrong_default_bias_constant,
                    _wrong_default_bias_positive, _wrong_default_bias_fan_out, _wrong_default_he_bound,
                    _wrong_default_bias_zero],
            hints=[T("fan_in = `layer.in_features` (= `layer.weight.shape[1]`)।",
                     "fan_in = `layer.in_features` (= `layer.weight.shape[1]`)."),
                   T("bound = 1 / math.sqrt(fan_in)।", "bound = 1 / math.sqrt(fan_in)."),
                   T("PyTorch यही `kaiming_uniform_(w, a=math.sqrt(5))` से करता है: gain √(1/3) × √(3/fan_in) = "
                     "1/√fan_in।",
                     "PyTorch does it with `kaiming_uniform_(w, a=math.sqrt(5))`: gain √(1/3) × √(3/fan_in) = "
                     "1/√fan_in.")]),
        Numeric("q9", T("symmetry का अनुमान: `nn.Linear(64, 8)` → ReLU → `nn.Linear(8, 10)` वाले network के सभी weights "
                        "0.1 (constant) और biases 0 से शुरू होते हैं। random data पर SGD के 50 steps के बाद पहली layer के "
                        "weight (shape (8, 64)) में कितनी *अलग-अलग* rows होंगी?",
                        "Predict the symmetry: a network `nn.Linear(64, 8)` → ReLU → `nn.Linear(8, 10)` starts with "
                        "every weight at 0.1 (constant) and every bias at 0. After 50 SGD steps on random data, how "
                        "many *distinct* rows will the first layer's weight (shape (8, 64)) have?"),
            1, rel_tol=0, abs_tol=1e-6,
            mistakes={8: T("8 neurons हैं, पर वे शुरू से एक जैसे थे और हर step पर उन्हें एक जैसा gradient मिलता है — वे कभी अलग नहीं "
                           "होते।",
                           "there are 8 neurons, but they started identical and get the same gradient at every step — "
                           "they never become different."),
                      0: T("weights बदलते हैं, पर सब एक साथ; कम से कम 1 row तो होगी ही।",
                           "the weights do change, but all together; there is at least 1 row.")},
            hints=[T("हर neuron का z = 0.1 · Σ x_j — क्या दो neurons में कोई फ़र्क़ है?",
                     "Every neuron computes z = 0.1 · Σ x_j — is there any difference between two neurons?"),
                   T("जाँचिए: `torch.unique(layer.weight, dim=0).shape[0]`।",
                     "Check it: `torch.unique(layer.weight, dim=0).shape[0]`.")],
            solution="q9_answer = 1", wrong=8,
            explanation=T("1: एक जैसे neurons को एक जैसा gradient मिलता है और एक जैसा update — symmetry कभी नहीं टूटती।",
                          "1: identical neurons get identical gradients and identical updates — the symmetry never "
                          "breaks.")),
        TrueFalse("q10",
            T("सभी weights और biases 0 वाले ReLU MLP में (cross-entropy loss के साथ) पहले backward pass में आख़िरी layer के "
              "bias के अलावा हर parameter का gradient ठीक 0 होता है।",
              "In a ReLU MLP whose weights and biases are all 0 (with a cross-entropy loss), the first backward pass "
              "gives exactly zero gradient to every parameter except the last layer's bias."),
            True,
            hints=[T("hidden activations h = ReLU(0) = 0 हैं; आख़िरी weight का gradient δ hᵀ है।",
                     "The hidden activations are h = ReLU(0) = 0; the last weight's gradient is δ hᵀ."),
                   T("पीछे जाने वाली ग़लती Wᵀ δ है, और W = 0।", "The error sent back is Wᵀ δ, and W = 0.")],
            solution="q10_answer = True", wrong=False,
            explanation=T("सही: केवल ∂L/∂b = softmax(b) − y बचता है, इसलिए network केवल classes की आवृत्ति सीखता है।",
                          "True: only ∂L/∂b = softmax(b) − y is left, so the network learns only the class "
                          "frequencies.")),
        Numeric("q11", T("स्रोत नोट्स वाला `nn.init.normal_(w, std=1.0)`, 256 neurons वाली ReLU layers, biases 0। theory "
                         "के अनुसार activations का पैमाना (RMS) हर layer पर कितने गुना बढ़ता है? (σ_w √(fan_in/2))",
                         "The source's `nn.init.normal_(w, std=1.0)`, ReLU layers 256 neurons wide, biases 0. By what "
                         "factor does the scale (RMS) of the activations grow per layer, in theory? (σ_w √(fan_in/2))"),
            math.sqrt(128), rel_tol=1e-2,
            mistakes={16.0: T("√256 = 16 में ReLU का 1/2 छूट गया: ReLU आधे inputs को 0 करता है।",
                              "√256 = 16 leaves out ReLU's 1/2: ReLU zeros half of its inputs."),
                      128.0: T("128 variance का गुणक है; पैमाना (std/RMS) उसका वर्गमूल है।",
                               "128 is the factor of the variance; the scale (std/RMS) is its square root.")},
            hints=[T("Var(z) = fan_in · Var(w) · E[x²], और ReLU के बाद E[x²] = Var(z)/2।",
                     "Var(z) = fan_in · Var(w) · E[x²], and after ReLU E[x²] = Var(z)/2."),
                   T("गुणक = 1.0 · √(256/2)।", "factor = 1.0 · √(256/2).")],
            solution="q11_answer = 1.0 * math.sqrt(256 / 2)", wrong=16,
            explanation=T("√128 ≈ 11.3 गुना हर layer: 10 layers में लगभग 10^10 — इसीलिए loss NaN हो जाता है।",
                          "√128 ≈ 11.3 times per layer: about 10^10 over 10 layers — which is why the loss becomes "
                          "NaN.")),
    ]
