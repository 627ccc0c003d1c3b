"""Practice 04 (batch normalization): the source notes' five questions, hand computations, shapes and
parameter counts, train/eval mode, and batch norm written by hand (checked against torch.nn)."""
import torch
import torch.nn.functional as F
from torch import nn

from ...i18n import T
from ..codecheck import Code
from ..kinds import MultipleChoice, Numeric, Open, Shape, TensorValues, TrueFalse
from ._nb04_graders import HAND_X, grade_bn_layer, grade_forward, grade_model, unbiased_batchnorm

TITLE = T("बैच नॉर्मलाइज़ेशन", "Batch normalization")
INTRO = T(
    "ये प्रश्न notebook `04_batch_normalization` पर आधारित हैं: पहले स्रोत नोट्स के 5 प्रश्न, फिर हाथ से mean और "
    "variance, running averages, shapes और parameters, training बनाम evaluation mode, और आख़िर में BN का forward "
    "pass और पूरी BN layer ख़ुद लिखना — जिसे `nn.BatchNorm1d` से मिलाया जाएगा।",
    "These questions follow notebook `04_batch_normalization`: first the 5 questions of the source notes, then "
    "mean and variance by hand, running averages, shapes and parameters, training versus evaluation mode, and "
    "finally writing the BN forward pass and a whole BN layer yourself — checked against `nn.BatchNorm1d`.",
)
SETUP = "import torch\nimport torch.nn.functional as F\nfrom torch import nn"

# ----------------------------------------------------------------------------- known-wrong answers
def _wrong_bn_no_scale_shift(x, gamma, beta, eps=1e-5):
    return (x - x.mean(dim=0)) / torch.sqrt(x.var(dim=0, unbiased=False) + eps)


def _wrong_bn_layernorm(x, gamma, beta, eps=1e-5):
    mean, var = x.mean(dim=1, keepdim=True), x.var(dim=1, unbiased=False, keepdim=True)   # over features: LayerNorm
    return gamma * (x - mean) / torch.sqrt(var + eps) + beta


def _wrong_bn_eps_outside(x, gamma, beta, eps=1e-5):
    return gamma * (x - x.mean(dim=0)) / (x.var(dim=0, unbiased=False).sqrt() + eps) + beta


_wrong_bn_library = lambda x, gamma, beta, eps=1e-5: F.batch_norm(x, None, None, gamma, beta, training=True, eps=eps)


class _HandBatchNorm(nn.Module):
    """A hand-written BN layer whose class attributes switch on one known slip (the subclasses below)."""

    running_unbiased, eval_uses_batch, momentum_reversed = True, False, False

    def __init__(self, num_features, eps=1e-5, momentum=0.1):
        super().__init__()
        self.eps, self.momentum = eps, momentum
        self.weight = nn.Parameter(torch.ones(num_features))
        self.bias = nn.Parameter(torch.zeros(num_features))
        self.register_buffer("running_mean", torch.zeros(num_features))
        self.register_buffer("running_var", torch.ones(num_features))

    def forward(self, x):
        if self.training or self.eval_uses_batch:
            mean, var = x.mean(dim=0), x.var(dim=0, unbiased=False)
            m = self.momentum if not self.momentum_reversed else 1 - self.momentum
            if self.training:
                batch_var = var * x.shape[0] / (x.shape[0] - 1) if self.running_unbiased else var
                with torch.no_grad():
                    self.running_mean.mul_(1 - m).add_(m * mean)
                    self.running_var.mul_(1 - m).add_(m * batch_var)
        else:
            mean, var = self.running_mean, self.running_var
        return self.weight * (x - mean) / torch.sqrt(var + self.eps) + self.bias


class _BiasedRunningVar(_HandBatchNorm):
    running_unbiased = False              # running_var gets the biased variance


class _WrongEvalUsesBatch(_HandBatchNorm):
    eval_uses_batch = True                # eval mode still normalises with the batch statistics


class _WrongMomentumReversed(_HandBatchNorm):
    momentum_reversed = True              # running = 0.1·running + 0.9·batch


class _WrongSubclassBatchNorm(nn.BatchNorm1d):
    """The library layer under a new name (reliability review, 04 q13)."""


class _WrongCallsLibrary(_HandBatchNorm):
    def forward(self, x):
        return F.batch_norm(x, self.running_mean, self.running_var, self.weight, self.bias, self.training,
                            self.momentum, self.eps)


class _WrongNeverCallsBN(nn.Module):
    """BN registered but never used in forward (reliability review, 04 q14)."""

    def __init__(self):
        super().__init__()
        self.fc1, self.bn, self.act, self.fc2 = nn.Linear(64, 32, bias=False), nn.BatchNorm1d(32), nn.ReLU(), nn.Linear(32, 10)

    def forward(self, x):
        return self.fc2(self.act(self.fc1(x)))


class _WrongReluBeforeBN(_WrongNeverCallsBN):
    """Registered in the right order, but forward applies the ReLU before BN (reliability review, 04 q14)."""

    def forward(self, x):
        return self.fc2(self.bn(self.act(self.fc1(x))))


def _wrong_model(*middle, first_bias=False):
    """Linear(64, 32) → *middle → Linear(32, 10): the reference with one slip."""
    return lambda: nn.Sequential(nn.Linear(64, 32, bias=first_bias), *[make() for make in middle], nn.Linear(32, 10))


_WRONG_MODELS = [
    _wrong_model(lambda: nn.BatchNorm1d(32, affine=False), nn.ReLU),           # no γ and β
    _wrong_model(lambda: nn.BatchNorm1d(32), nn.Sigmoid, nn.ReLU),               # an extra sigmoid
    _wrong_model(lambda: nn.BatchNorm1d(32), nn.ReLU, first_bias=True),          # a bias before BN
    _wrong_model(lambda: nn.BatchNorm1d(32), nn.ReLU, lambda: nn.Dropout(0.5)),  # an extra dropout
    lambda: nn.Sequential(*_wrong_model(lambda: nn.BatchNorm1d(32), nn.ReLU)(), nn.Softmax(dim=1)),  # softmax output
]


BN_LAYER_SOLUTION = '''class BatchNormLayer(nn.Module):
    def __init__(self, num_features, eps=1e-5, momentum=0.1):
        super().__init__()
        self.eps, self.momentum = eps, momentum
        self.weight = nn.Parameter(torch.ones(num_features))    # gamma (C,)
        self.bias = nn.Parameter(torch.zeros(num_features))     # beta  (C,)
        self.register_buffer("running_mean", torch.zeros(num_features))
        self.register_buffer("running_var", torch.ones(num_features))

    def forward(self, x):                                       # x: (N, C)
        if self.training:
            mean = x.mean(dim=0)                                # (C,) batch mean
            var = ((x - mean) ** 2).mean(dim=0)                 # (C,) biased variance (divide by N)
            m = x.shape[0]
            with torch.no_grad():
                self.running_mean.mul_(1 - self.momentum).add_(self.momentum * mean)
                self.running_var.mul_(1 - self.momentum).add_(self.momentum * var * m / (m - 1))   # unbiased variance
        else:
            mean, var = self.running_mean, self.running_var     # eval mode: the running statistics
        x_hat = (x - mean) / torch.sqrt(var + self.eps)         # (N, C)
        return self.weight * x_hat + self.bias                  # (N, C)'''
# the same layer with three blanks, written out: a starter derived from the solution would carry it into the
# class package, whose banks hold no solutions
BN_LAYER_STARTER = '''class BatchNormLayer(nn.Module):
    def __init__(self, num_features, eps=1e-5, momentum=0.1):
        super().__init__()
        self.eps, self.momentum = eps, momentum
        self.weight = nn.Parameter(torch.ones(num_features))    # gamma (C,)
        self.bias = nn.Parameter(torch.zeros(num_features))     # beta  (C,)
        self.register_buffer("running_mean", torch.zeros(num_features))
        self.register_buffer("running_var", torch.ones(num_features))

    def forward(self, x):                                       # x: (N, C)
        if self.training:
            mean = x.mean(dim=0)                                # (C,) batch mean
            var = ____                                          # (C,) biased variance (divide by N)
            m = x.shape[0]
            with torch.no_grad():
                self.running_mean.mul_(1 - self.momentum).add_(self.momentum * mean)
                self.running_var.mul_(1 - self.momentum).add_(self.momentum * ____)   # unbiased variance
        else:
            mean, var = ____                                    # eval mode: the running statistics
        x_hat = (x - mean) / torch.sqrt(var + self.eps)         # (N, C)
        return self.weight * x_hat + self.bias                  # (N, C)'''


def questions():
    return [
        # ------------------------------------------------------------ the source notes' five questions
        MultipleChoice("q1",
            T("Batch Normalization का मुख्य उद्देश्य क्या है?", "What is the main purpose of Batch Normalization?"),
            [T("हर feature के activations को mini-batch पर normalize करना (mean 0, variance 1), फिर सीखे जाने वाले γ और β "
               "से scale/shift करना — ताकि training स्थिर और तेज़ हो",
               "to normalise each feature's activations over the mini-batch (mean 0, variance 1), then scale and shift "
               "them with learnable γ and β — so that training is stable and faster"),
             T("model के parameters की संख्या घटाना", "to reduce the number of parameters of the model"),
             T("training से पहले एक बार input images को [0, 1] में scale करना",
               "to scale the input images to [0, 1] once, before training"),
             T("activation function (जैसे ReLU) की जगह लेना", "to replace the activation function (such as ReLU)")],
            "a",
            why={"b": T("BN parameters जोड़ता है (हर feature पर 2), घटाता नहीं।",
                        "BN adds parameters (2 per feature); it does not remove any."),
                 "c": T("वह data preprocessing है; BN network के अंदर, हर batch पर, hidden layers के outputs पर काम करता "
                        "है।",
                        "that is data preprocessing; BN works inside the network, on every batch, on the outputs of "
                        "hidden layers."),
                 "d": T("BN activation से पहले (या बाद) लगता है, उसकी जगह नहीं लेता: वह linear है (हर feature का scale और "
                        "shift)।",
                        "BN goes before (or after) the activation, not in its place: it is linear (a scale and shift "
                        "per feature).")},
            hints=[T("नाम में ही है: *batch* पर *normalization*।", "The name says it: *normalisation* over the *batch*."),
                   T("notebook के section 1 और 3 देखिए: चार क़दम।", "See sections 1 and 3 of the notebook: four steps.")],
            solution='q1_answer = "a"', wrong="b",
            explanation=T("BN हर feature को batch statistics से normalize करता है, फिर γ, β से scale/shift करता है; इससे "
                          "training activations के scale के प्रति कम संवेदनशील होती है।",
                          "BN normalises every feature with the batch statistics, then scales and shifts it with γ and "
                          "β; this makes training less sensitive to the scale of the activations.")),
        MultipleChoice("q2", T("Internal Covariate Shift किसे कहते हैं?", "What is called Internal Covariate Shift?"),
            [T("training के दौरान पिछली layers के parameters बदलने से किसी layer के inputs की distribution का बदलते रहना",
               "the change in the distribution of a layer's inputs during training, because the parameters of the "
               "earlier layers keep changing"),
             T("training data और test data की distributions का अलग होना",
               "the training data and the test data having different distributions"),
             T("BN का shift parameter β", "BN's shift parameter β"),
             T("गहरे network में gradients का घटते जाना", "gradients getting smaller and smaller in a deep network")],
            "a",
            why={"b": T("वह (बिना 'internal' के) covariate shift या dataset shift है — data का, network के अंदर का नहीं।",
                        "that is (plain) covariate shift or dataset shift — of the data, not inside the network."),
                 "c": T("β सीखा जाने वाला shift है, कोई समस्या नहीं।", "β is a learned shift, not a problem."),
                 "d": T("वह घटते (vanishing) gradients की समस्या है (notebook 03)।", "that is vanishing gradients (notebook 03).")},
            hints=[T("'internal' = network के अंदर, layers के बीच।", "'internal' = inside the network, between layers."),
                   T("एक layer के weights बदलें तो अगली layer को मिलने वाले मानों का क्या होता है?",
                     "When one layer's weights change, what happens to the values the next layer receives?")],
            solution='q2_answer = "a"', wrong="b",
            explanation=T("यह मूल paper (Ioffe और Szegedy, 2015) की प्रेरणा थी। Santurkar और साथी (2018) ने दिखाया कि BN "
                          "का फ़ायदा मुख्य रूप से loss landscape के ज़्यादा smooth होने से आता है, इस shift को घटाने से नहीं।",
                          "This was the motivation of the original paper (Ioffe and Szegedy, 2015). Santurkar and "
                          "co-authors (2018) showed that BN's benefit comes mainly from a smoother loss landscape, not "
                          "from reducing this shift.")),
        MultipleChoice("q3",
            T("PyTorch में `BatchNorm1d` और `BatchNorm2d` में क्या अंतर है? सभी सही विकल्प चुनिए।",
              "What is the difference between `BatchNorm1d` and `BatchNorm2d` in PyTorch? Choose all correct options."),
            [T("`BatchNorm1d` (N, C) या (N, C, L) input लेता है; `BatchNorm2d` (N, C, H, W) input लेता है",
               "`BatchNorm1d` takes (N, C) or (N, C, L) input; `BatchNorm2d` takes (N, C, H, W) input"),
             T("`BatchNorm2d` हर channel का एक mean और variance N, H और W पर निकालता है",
               "`BatchNorm2d` computes one mean and variance per channel, over N, H and W"),
             T("`BatchNorm2d(C)` में C·H·W सीखे जाने वाले parameters होते हैं",
               "`BatchNorm2d(C)` has C·H·W learnable parameters"),
             T("`BatchNorm1d` हर example को उसके अपने features पर normalize करता है",
               "`BatchNorm1d` normalises each example over its own features")],
            ["a", "b"],
            why={"c": T("दोनों में 2·C parameters हैं (γ और β, हर एक (C,)); H और W पर कोई parameter नहीं।",
                        "both have 2·C parameters (γ and β, each (C,)); there is no parameter per H or W."),
                 "d": T("वह LayerNorm है। BatchNorm हर feature को *batch* पर normalize करता है।",
                        "that is LayerNorm. BatchNorm normalises each feature over the *batch*.")},
            hints=[T("दोनों में statistics हर channel की होती हैं।", "In both, the statistics are per channel."),
                   T("`nn.BatchNorm2d(64)` के parameters गिनिए: `sum(p.numel() for p in bn.parameters())`।",
                     "Count the parameters of `nn.BatchNorm2d(64)`: `sum(p.numel() for p in bn.parameters())`.")],
            solution='q3_answer = ["a", "b"]', wrong=["a", "c"],
            explanation=T("हिसाब एक ही है; फ़र्क़ सिर्फ़ input के shape का और उन dimensions का है जिन पर औसत लिया जाता है।",
                          "The computation is the same; only the input shape and the dimensions averaged over "
                          "differ.")),
        MultipleChoice("q4", T("BatchNorm में γ और β की क्या भूमिका है?", "What is the role of γ and β in BatchNorm?"),
            [T("ये सीखे जाने वाले scale और shift हैं: normalize के बाद network हर feature का mean (β) और फैलाव (γ) ख़ुद चुन सकता "
               "है — ज़रूरत हो तो normalization का असर पूरी तरह पलट भी सकता है",
               "they are a learnable scale and shift: after normalising, the network can choose each feature's mean "
               "(β) and spread (γ) itself — and even undo the normalisation completely if that helps"),
             T("ये training में जमा running mean और running variance हैं",
               "they are the running mean and running variance accumulated in training"),
             T("ये हाथ से तय किए जाने वाले hyperparameters हैं, जैसे eps और momentum",
               "they are hand-set hyperparameters, like eps and momentum"),
             T("ये batch का mean और standard deviation हैं", "they are the batch mean and standard deviation")],
            "a",
            why={"b": T("वे buffers हैं (running_mean, running_var), gradient से नहीं सीखे जाते।",
                        "those are buffers (running_mean, running_var), not learned by gradients."),
                 "c": T("γ और β gradient descent से सीखे जाते हैं; eps और momentum नहीं।",
                        "γ and β are learned by gradient descent; eps and momentum are not."),
                 "d": T("batch statistics (μ_B, σ_B) हर batch से निकलती हैं; γ, β अलग, सीखे जाने वाले parameters हैं।",
                        "the batch statistics (μ_B, σ_B) are computed from each batch; γ, β are separate, learned "
                        "parameters.")},
            hints=[T("y = γ·x̂ + β: अगर γ = sqrt(σ_B² + ε) और β = μ_B हों तो y क्या होगा?",
                     "y = γ·x̂ + β: what is y when γ = sqrt(σ_B² + ε) and β = μ_B?"),
                   T("`nn.BatchNorm1d` में इनके नाम `weight` और `bias` हैं।",
                     "In `nn.BatchNorm1d` they are called `weight` and `bias`.")],
            solution='q4_answer = "a"', wrong="b",
            explanation=T("γ = 1, β = 0 से शुरुआत होती है; training उन्हें हर feature के लिए सही scale और shift पर ले जाती है।",
                          "They start at γ = 1, β = 0; training moves them to the right scale and shift for each "
                          "feature.")),
        Open("q5", T("क्या BatchNorm dropout की तरह regularization भी करता है? कारण और सीमाएँ बताइए।",
                     "Does BatchNorm also regularise, like dropout? Give the reason and the limits."),
            model_answer=T("थोड़ा-सा। Training में हर example अपने batch के बाक़ी examples के साथ normalize होता है, इसलिए "
                           "उसका output batch पर निर्भर करता है — यह एक तरह का noise है, जो regularization जैसा काम करता है "
                           "(Ioffe और Szegedy, 2015, section 3.4: उनके experiments में dropout हटाया या घटाया जा सका)। यह "
                           "noise batch छोटा होने पर बढ़ता है (notebook में batch 4 पर logits का std batch 256 से कई गुना "
                           "था)। पर यह dropout जितना ताक़तवर या भरोसेमंद नहीं: बड़े batch पर यह बहुत छोटा है, evaluation में "
                           "ग़ायब हो जाता है, और BN के साथ dropout जोड़ने से कभी-कभी नतीजे बिगड़ते हैं (variance shift, Li और "
                           "साथी 2019)। इसलिए BN को हल्का regularizer मानिए, dropout का विकल्प नहीं — और अपने data पर "
                           "मापिए।",
                           "A little. In training each example is normalised together with the other examples of its "
                           "batch, so its output depends on the batch — a kind of noise that acts like regularisation "
                           "(Ioffe and Szegedy, 2015, section 3.4: in their experiments dropout could be removed or "
                           "reduced). The noise grows as the batch gets smaller (in the notebook the std of the logits "
                           "at batch 4 was several times that at batch 256). But it is not as strong or as reliable as "
                           "dropout: at large batches it is very small, it disappears at evaluation, and combining "
                           "dropout with BN sometimes makes results worse (variance shift, Li and co-authors 2019). So "
                           "treat BN as a mild regulariser, not a replacement for dropout — and measure on your own "
                           "data."),
            hints=[T("Training mode में एक ही example का output किस पर निर्भर करता है?",
                     "In training mode, what does the output for one example depend on?"),
                   T("notebook का section 10 देखिए: batch size बदलने पर logits कितने बदलते हैं?",
                     "See section 10 of the notebook: how much do the logits move as the batch size changes?")]),
        # ------------------------------------------------------------ by hand
        TensorValues("q6",
            T("इस batch (4 examples, 2 features) के हर feature का batch mean और *biased* variance (m से भाग देकर) "
              f"निकालिए: `x = torch.tensor({HAND_X})`। उत्तर: `[[mean_1, mean_2], [var_1, var_2]]`।",
              "Compute the batch mean and the *biased* variance (divide by m) of each feature of this batch "
              f"(4 examples, 2 features): `x = torch.tensor({HAND_X})`. Answer: `[[mean_1, mean_2], [var_1, var_2]]`."),
            [[5.0, 4.0], [5.0, 6.5]], atol=1e-4,
            hints=[T("हर column एक feature है: पहला feature 2, 4, 6, 8 है।",
                     "Each column is a feature: the first is 2, 4, 6, 8."),
                   T("variance = (mean से दूरी)² का औसत, यानी 4 से भाग। torch में: `x.var(dim=0, unbiased=False)`।",
                     "variance = the average of (distance from the mean)², divided by 4. In torch: `x.var(dim=0, "
                     "unbiased=False)`.")],
            solution=f"x = torch.tensor({HAND_X})\n"
                     "q6_answer = torch.stack([x.mean(dim=0), x.var(dim=0, unbiased=False)])",
            wrong=[[5.0, 4.0], [20 / 3, 26 / 3]],
            explanation=T("Feature 1: mean 5, variance (9+1+1+9)/4 = 5। Feature 2: mean 4, variance (9+1+16+0)/4 = "
                          "6.5। m − 1 = 3 से भाग देने पर unbiased variance आता — BN normalize करने में वह नहीं लेता।",
                          "Feature 1: mean 5, variance (9+1+1+9)/4 = 5. Feature 2: mean 4, variance (9+1+16+0)/4 = "
                          "6.5. Dividing by m − 1 = 3 would give the unbiased variance — BN does not normalise with "
                          "that.")),
        Numeric("q7", T("एक नई `nn.BatchNorm1d(2)` (momentum = 0.1, शुरुआत में running_var = 1) पर ऊपर वाला batch training "
                        "mode में एक बार चलाया गया। पहले feature का `running_var` अब क्या है?",
                        "A fresh `nn.BatchNorm1d(2)` (momentum = 0.1, running_var = 1 at the start) is run once, in "
                        "training mode, on the batch above. What is the `running_var` of the first feature now?"),
            0.9 * 1 + 0.1 * 20 / 3, rel_tol=1e-3,
            mistakes={0.9 + 0.1 * 5: T("यह biased variance (5) से निकला मान है। PyTorch running_var में unbiased variance (20/3) "
                                       "डालता है।",
                                       "that uses the biased variance (5). PyTorch puts the unbiased variance (20/3) "
                                       "into running_var."),
                      0.1 * 1 + 0.9 * 20 / 3: T("momentum उलटा लगा: नए batch का वज़न 0.1 है, पुराने मान का 0.9।",
                                                "the momentum is the wrong way round: the new batch gets weight 0.1, "
                                                "the old value 0.9."),
                      20 / 3: T("यह सिर्फ़ batch का unbiased variance है; running average अभी पुराने मान 1 से शुरू होता है।",
                                "that is just the batch's unbiased variance; the running average still starts from the "
                                "old value 1.")},
            hints=[T("running = (1 − momentum)·running + momentum·batch।",
                     "running = (1 − momentum)·running + momentum·batch."),
                   T("batch की जगह unbiased variance लीजिए: 5 · 4/3।",
                     "For batch, use the unbiased variance: 5 · 4/3.")],
            solution="q7_answer = 0.9 * 1 + 0.1 * (5 * 4 / 3)", wrong=0.9 + 0.1 * 5,
            explanation=T("0.9 · 1 + 0.1 · 6.6667 ≈ 1.5667। ख़ुद जाँचिए: `bn = nn.BatchNorm1d(2); bn(x); bn.running_var`।",
                          "0.9 · 1 + 0.1 · 6.6667 ≈ 1.5667. Check it: `bn = nn.BatchNorm1d(2); bn(x); "
                          "bn.running_var`.")),
        # ------------------------------------------------------------ shapes and parameters
        Numeric("q8", T("`nn.BatchNorm2d(64)` में कितने सीखे जाने वाले (learnable) parameters हैं?",
                        "How many learnable parameters does `nn.BatchNorm2d(64)` have?"),
            128, rel_tol=0, abs_tol=1e-6,
            mistakes={256: T("running_mean और running_var buffers हैं, parameters नहीं — वे gradient से नहीं सीखे जाते।",
                             "running_mean and running_var are buffers, not parameters — they are not learned by "
                             "gradients."),
                      64: T("हर channel के *दो* parameters हैं: γ और β।", "every channel has *two* parameters: γ and β.")},
            hints=[T("हर channel का एक γ और एक β।", "One γ and one β per channel."),
                   T("`sum(p.numel() for p in nn.BatchNorm2d(64).parameters())`",
                     "`sum(p.numel() for p in nn.BatchNorm2d(64).parameters())`")],
            solution="q8_answer = sum(p.numel() for p in nn.BatchNorm2d(64).parameters())", wrong=256,
            explanation=T("2 · 64 = 128 parameters, साथ में 2 · 64 = 128 मानों के buffers (और एक counter)। image का आकार "
                          "(H, W) इसमें नहीं आता।",
                          "2 · 64 = 128 parameters, plus buffers of 2 · 64 = 128 values (and a counter). The image "
                          "size (H, W) does not enter.")),
        Shape("q9", T("`bn = nn.BatchNorm2d(16)` को shape (8, 16, 32, 32) के input पर training mode में चलाया गया। "
                      "`bn.running_mean` का shape क्या है?",
                      "`bn = nn.BatchNorm2d(16)` is run in training mode on an input of shape (8, 16, 32, 32). What is "
                      "the shape of `bn.running_mean`?"),
            (16,), meaning="(C,)",
            hints=[T("हर channel का एक ही mean (और एक ही variance) होता है — N, H और W पर औसत।",
                     "There is one statistic per channel — averaged over N, H and W."),
                   T("`bn(torch.randn(8, 16, 32, 32)); bn.running_mean.shape`",
                     "`bn(torch.randn(8, 16, 32, 32)); bn.running_mean.shape`")],
            solution="bn = nn.BatchNorm2d(16)\nbn(torch.randn(8, 16, 32, 32))\nq9_answer = tuple(bn.running_mean.shape)",
            wrong=(16, 32, 32),
            explanation=T("हर channel का एक mean: (16,)। हर pixel की अलग statistics नहीं होतीं।",
                          "One mean per channel: (16,). There are no separate statistics per pixel.")),
        # ------------------------------------------------------------ train versus eval mode
        MultipleChoice("q10", T("आपने `MLP(batchnorm=True)` (अंदर `nn.BatchNorm1d`) train किया। अब `model.eval()` चलाए "
                                "बिना एक अकेली image (shape (1, 64)) की prediction करते हैं। क्या होगा?",
                                "You trained an `MLP(batchnorm=True)` (with `nn.BatchNorm1d` inside). Now you predict "
                                "a single image (shape (1, 64)) without calling `model.eval()`. What happens?"),
            [T("`ValueError: Expected more than 1 value per channel when training` — training mode में एक मान का "
               "variance नहीं निकल सकता",
               "`ValueError: Expected more than 1 value per channel when training` — a variance cannot be computed "
               "from one value in training mode"),
             T("सब ठीक: PyTorch अपने-आप running statistics इस्तेमाल कर लेता है",
               "all fine: PyTorch uses the running statistics by itself"),
             T("prediction चलती है पर हमेशा class 0 आती है", "the prediction runs but always gives class 0")],
            "a",
            why={"b": T("PyTorch running statistics तभी इस्तेमाल करता है जब आप `model.eval()` चलाएँ; default training mode "
                        "है।",
                        "PyTorch uses the running statistics only after you call `model.eval()`; the default is "
                        "training mode."),
                 "c": T("कुछ चलता ही नहीं — error आता है।", "nothing runs at all — an error is raised.")},
            hints=[T("Training mode में BN batch की statistics लेता है।", "In training mode BN uses the batch statistics."),
                   T("एक मान का variance कितना है?", "What is the variance of a single value?")],
            solution='q10_answer = "a"', wrong="b",
            explanation=T("इलाज: prediction से पहले `model.eval()` (coursekit.predict यह ख़ुद करता है)। बड़े batch पर error "
                          "नहीं आता, पर predictions batch पर निर्भर हो जाती हैं — और भी ख़तरनाक, क्योंकि यह चुपचाप होता है।",
                          "The cure: `model.eval()` before predicting (coursekit.predict does it for you). With a "
                          "larger batch there is no error, but the predictions depend on the batch — worse, because it "
                          "is silent.")),
        TrueFalse("q11",
            T("`with torch.no_grad():` के अंदर training mode में forward pass चलाने से BN का `running_mean` नहीं बदलता।",
              "Running a forward pass in training mode inside `with torch.no_grad():` leaves BN's `running_mean` "
              "unchanged."),
            False,
            hints=[T("`no_grad` gradients बंद करता है। running averages gradient से update होते हैं क्या?",
                     "`no_grad` switches off gradients. Are the running averages updated by gradients?"),
                   T("notebook का section 9 देखिए।", "See section 9 of the notebook.")],
            solution="q11_answer = False", wrong=True,
            explanation=T("ग़लत। Running averages forward pass में ही update होते हैं, gradient से नहीं; इसलिए `no_grad` उन्हें "
                          "नहीं रोकता। सिर्फ़ `model.eval()` रोकता है।",
                          "False. The running averages are updated in the forward pass itself, not by gradients, so "
                          "`no_grad` does not stop them. Only `model.eval()` does.")),
        # ------------------------------------------------------------ coding
        Code("q12",
            T("training mode में BN का forward pass लिखिए: `batchnorm_forward(x, gamma, beta, eps=1e-5)`, x का "
              "shape (N, C), gamma और beta का (C,)। चारों क़दम: batch mean, biased variance, normalize, scale और shift। "
              "यह `F.batch_norm(x, None, None, gamma, beta, training=True, eps=eps)` से मिलना चाहिए।",
              "Write the training-mode batch-norm forward pass: `batchnorm_forward(x, gamma, beta, eps=1e-5)`, with x "
              "of shape (N, C) and gamma, beta of shape (C,). All four steps: batch mean, biased variance, normalise, "
              "scale and shift. It must match `F.batch_norm(x, None, None, gamma, beta, training=True, eps=eps)`."),
            grader=grade_forward, answer_name="batchnorm_forward",
            starter="def batchnorm_forward(x, gamma, beta, eps=1e-5):\n"
                    "    mean = ____                                   # (C,) batch mean\n"
                    "    var = ____                                    # (C,) biased variance (divide by N)\n"
                    "    x_hat = ____                                  # (N, C) normalised\n"
                    "    return gamma * x_hat + beta                   # (N, C)",
            solution="def batchnorm_forward(x, gamma, beta, eps=1e-5):\n"
                     "    mean = x.mean(dim=0)                          # (C,) batch mean\n"
                     "    var = ((x - mean) ** 2).mean(dim=0)           # (C,) biased variance (divide by N)\n"
                     "    x_hat = (x - mean) / torch.sqrt(var + eps)    # (N, C) normalised\n"
                     "    return gamma * x_hat + beta                   # (N, C)",
            wrongs=[unbiased_batchnorm, _wrong_bn_no_scale_shift, _wrong_bn_layernorm, _wrong_bn_eps_outside,
                    _wrong_bn_library],
            hints=[T("Statistics हर column (feature) की हैं: `dim=0` पर औसत लीजिए।",
                     "The statistics are per column (feature): average over `dim=0`."),
                   T("`x.var(dim=0)` N − 1 से भाग देता है! `x.var(dim=0, unbiased=False)` या `((x - mean) ** "
                     "2).mean(dim=0)` लीजिए।",
                     "`x.var(dim=0)` divides by N − 1! Use `x.var(dim=0, unbiased=False)` or `((x - mean) ** "
                     "2).mean(dim=0)`."),
                   T("`x_hat = (x - mean) / torch.sqrt(var + eps)`", "`x_hat = (x - mean) / torch.sqrt(var + eps)`")]),
        Code("q13",
            T("BN layer `BatchNormLayer(num_features)` को पूरा कीजिए (input (N, C)): training mode में batch statistics "
              "से normalize करे और running averages update करे (`running_var` में unbiased variance), eval mode में running "
              "statistics इस्तेमाल करे। इसे `nn.BatchNorm1d` से 3 training steps और eval mode में मिलाया जाएगा।",
              "Complete the whole BN layer `BatchNormLayer(num_features)` (input (N, C)): in training mode it "
              "normalises with the batch statistics and updates the running averages (`running_var` gets the unbiased "
              "variance); in eval mode it uses the running statistics. It is checked against `nn.BatchNorm1d` over 3 "
              "training steps and in eval mode."),
            grader=grade_bn_layer, answer_name="BatchNormLayer", starter=BN_LAYER_STARTER, solution=BN_LAYER_SOLUTION,
            wrongs=[_BiasedRunningVar, _WrongEvalUsesBatch, _WrongMomentumReversed, _WrongSubclassBatchNorm,
                    _WrongCallsLibrary],
            hints=[T("पहला `____`: biased variance, `((x - mean) ** 2).mean(dim=0)`।",
                     "The first `____`: the biased variance, `((x - mean) ** 2).mean(dim=0)`."),
                   T("दूसरा `____`: unbiased variance = `var * m / (m - 1)`।",
                     "The second `____`: the unbiased variance = `var * m / (m - 1)`."),
                   T("तीसरा `____`: `self.running_mean, self.running_var`।",
                     "The third `____`: `self.running_mean, self.running_var`.")]),
        Code("q14", T("एक function `make_model()` लिखिए जो यह network लौटाए: Linear (64 → 32) → BatchNorm1d → ReLU → "
                      "Linear (32 → 10)। BN से पहले वाली Linear layer में bias मत रखिए — ऐसा क्यों, यह notebook के section 7 में बताया गया है।",
                      "Write a function `make_model()` that returns this network: Linear (64 → 32) → BatchNorm1d → "
                      "ReLU → Linear (32 → 10). Leave out the bias of the Linear layer before BN — section 7 of the "
                      "notebook says why."),
            grader=grade_model, answer_name="make_model",
            starter="def make_model():\n    return nn.Sequential(\n        ____,\n        nn.BatchNorm1d(32),\n"
                    "        nn.ReLU(),\n        nn.Linear(32, 10),\n    )",
            solution="def make_model():\n    return nn.Sequential(\n        nn.Linear(64, 32, bias=False),   # BN's beta does the bias's job\n"
                     "        nn.BatchNorm1d(32),\n        nn.ReLU(),\n        nn.Linear(32, 10),\n    )",
            wrongs=[lambda: nn.Sequential(nn.Linear(64, 32, bias=False), nn.ReLU(), nn.BatchNorm1d(32), nn.Linear(32, 10)),
                    _WrongReluBeforeBN, _WrongNeverCallsBN, *_WRONG_MODELS],
            hints=[T("`nn.Linear` का एक argument `bias=False` है।", "`nn.Linear` takes an argument `bias=False`."),
                   T("`nn.Linear(64, 32, bias=False)`", "`nn.Linear(64, 32, bias=False)`")]),
    ]
