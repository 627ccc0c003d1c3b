"""Practice 08 (famous CNN architectures): the source notes' 5 questions, then LeNet-5, a residual block and counting."""
import torch
import torch.nn.functional as F
from torch import nn

from ...i18n import T
from ..codecheck import Case, Code
from ..kinds import MultipleChoice, Numeric, Shape
from ._nb08_graders import grade_block, grade_lenet

TITLE = T("प्रसिद्ध CNN architectures: LeNet, AlexNet, VGG, ResNet",
          "Famous CNN architectures: LeNet, AlexNet, VGG, ResNet")
INTRO = T(
    "पहले 5 प्रश्न स्रोत नोट्स के हैं (LeNet बनाम AlexNet, VGG के 3×3 filters, residual connections, GPU, और 100+ layers)। "
    "फिर आप LeNet-5 ख़ुद बनाकर उसके 61,706 parameters मिलाएँगे, एक residual block लिखेंगे, parameters व shapes गिनेंगे, "
    "और MNIST के 28×28 अंकों (digits) को LeNet-5 के 32×32 input के लिए तैयार करेंगे। "
    "Notebook `notebooks/08_famous_cnn_architectures.ipynb` साथ खुला रखिए।",
    "The first 5 questions are the source notes' (LeNet versus AlexNet, VGG's 3×3 filters, residual connections, GPUs, "
    "and 100+ layers). Then you build LeNet-5 yourself and match its 61,706 parameters, write a residual block, "
    "count parameters and shapes, and prepare MNIST's 28×28 digits for LeNet-5's 32×32 input. Keep the notebook `notebooks/08_famous_cnn_architectures.ipynb` open beside this one.",
)
SETUP = "import torch\nimport torch.nn.functional as F\nfrom torch import nn"

# ---------------------------------------------------------------- q13: MNIST digits into LeNet-5's 32×32 field
def _pad_to_32(x):
    return F.pad(x, (2, 2, 2, 2))                      # (left, right, top, bottom) of the last two dimensions


def _digits(seed, n):
    """n MNIST-like (n, 1, 28, 28) images in [0, 1]: a bright stroke away from the border."""
    g = torch.Generator().manual_seed(seed)
    x = torch.zeros(n, 1, 28, 28)
    x[:, :, 6:22, 10:18] = torch.rand(n, 1, 16, 8, generator=g)
    return x


_WRONG_PADS = [
    lambda x: F.pad(x, (4, 0, 4, 0)),                                      # all 4 pixels on one side: the digit moves
    lambda x: F.interpolate(x, size=(32, 32), mode="bilinear", align_corners=False),   # resized: strokes get thicker
    lambda x: F.pad(x, (2, 2, 2, 2), value=1.0),                           # a white frame (MNIST's background is 0)
    lambda x: F.pad(x, (2, 2)),                                            # only the width is padded
]


# ---------------------------------------------------------------- q6, q7: known-wrong networks
def _lenet(block2=(nn.Tanh, nn.AvgPool2d), dense_act=nn.Tanh, c5=(400, 120)):
    """LeNet-5 with the learner's part (the second conv block and the dense layers) written the given way."""
    act2, pool2 = block2
    return nn.Sequential(nn.Conv2d(1, 6, 5), nn.Tanh(), nn.AvgPool2d(2),
                         nn.Conv2d(6, 16, 5), act2(), pool2(2), nn.Flatten(),
                         nn.Linear(*c5), dense_act(), nn.Linear(c5[1], 84), dense_act(), nn.Linear(84, 10))


class _WrongLeNet(nn.Module):
    """A known-wrong LeNet-5: the first dense layer has 100 units instead of 120 (the count is off)."""

    def __init__(self, **kw):
        super().__init__()
        self.net = _lenet(**(kw or {"c5": (400, 100)}))

    def forward(self, x):
        return self.net(x)


class _wrong_ReluMaxLeNet(_WrongLeNet):
    """The learner's blanks use ReLU and MaxPool (the starter's first block has Tanh and AvgPool): review item 3."""

    def __init__(self):
        super().__init__(block2=(nn.ReLU, nn.MaxPool2d), dense_act=nn.ReLU)


class _wrong_NoDenseTanhLeNet(_WrongLeNet):
    """No activation between the dense layers (reliability review, probe 147)."""

    def __init__(self):
        super().__init__(dense_act=nn.Identity)


class _wrong_MaxPoolLeNet(_WrongLeNet):
    """Tanh everywhere, but max pooling in the learner's block."""

    def __init__(self):
        super().__init__(block2=(nn.Tanh, nn.MaxPool2d))


class _wrong_FlatSizeLeNet(_WrongLeNet):
    """Linear(256, 120): the features after Flatten are counted as 16 × 4 × 4 (probe 188)."""

    def __init__(self):
        super().__init__(c5=(256, 120))


class _PlainBlock(nn.Module):
    """A known-wrong block: the same layers, but no shortcut."""

    def __init__(self, channels):
        super().__init__()
        self.conv1 = nn.Conv2d(channels, channels, 3, padding=1, bias=False)
        self.bn1 = nn.BatchNorm2d(channels)
        self.conv2 = nn.Conv2d(channels, channels, 3, padding=1, bias=False)
        self.bn2 = nn.BatchNorm2d(channels)

    def forward(self, x):
        return torch.relu(self.bn2(self.conv2(torch.relu(self.bn1(self.conv1(x))))))

    def residual(self, x):
        return self.bn2(self.conv2(torch.relu(self.bn1(self.conv1(x)))))


class _wrong_NoFinalReluBlock(_PlainBlock):
    """F(x) + x without the final ReLU."""

    def forward(self, x):
        return self.residual(x) + x


class _wrong_ReluBeforeAddBlock(_PlainBlock):
    """relu(F(x)) + x: the ReLU comes before the addition."""

    def forward(self, x):
        return torch.relu(self.residual(x)) + x


class _wrong_AddBeforeBnBlock(_PlainBlock):
    """relu(bn2(conv2(...) + x)): the shortcut is added before the second batch norm."""

    def forward(self, x):
        return torch.relu(self.bn2(self.conv2(torch.relu(self.bn1(self.conv1(x)))) + x))


LENET_SOLUTION = '''class MyLeNet5(nn.Module):
    def __init__(self):
        super().__init__()
        self.features = nn.Sequential(
            nn.Conv2d(1, 6, 5), nn.Tanh(), nn.AvgPool2d(2),     # (B, 6, 14, 14)
            nn.Conv2d(6, 16, 5), nn.Tanh(), nn.AvgPool2d(2),    # (B, 16, 5, 5)
        )
        self.classifier = nn.Sequential(
            nn.Flatten(),                                        # (B, 400)
            nn.Linear(400, 120), nn.Tanh(),
            nn.Linear(120, 84), nn.Tanh(),
            nn.Linear(84, 10),                                   # (B, 10)
        )

    def forward(self, x):
        return self.classifier(self.features(x))'''

LENET_STARTER = '''class MyLeNet5(nn.Module):
    def __init__(self):
        super().__init__()
        self.features = nn.Sequential(
            nn.Conv2d(1, 6, 5), nn.Tanh(), nn.AvgPool2d(2),     # (B, 6, 14, 14)
            ____,                                                # C3 + tanh + S4 -> (B, 16, 5, 5)
        )
        self.classifier = nn.Sequential(
            nn.Flatten(),                                        # (B, 400)
            ____,                                                # 400 -> 120 -> 84 -> 10, tanh between
        )

    def forward(self, x):
        return self.classifier(self.features(x))'''

BLOCK_INIT = '''class MyBasicBlock(nn.Module):
    def __init__(self, channels):
        super().__init__()
        self.conv1 = nn.Conv2d(channels, channels, 3, padding=1, bias=False)
        self.bn1 = nn.BatchNorm2d(channels)
        self.conv2 = nn.Conv2d(channels, channels, 3, padding=1, bias=False)
        self.bn2 = nn.BatchNorm2d(channels)

    def forward(self, x):
'''
BLOCK_STARTER = BLOCK_INIT + '''        # F(x) = bn2(conv2(relu(bn1(conv1(x))))); the block returns relu(F(x) + x)
        return ____'''
BLOCK_SOLUTION = BLOCK_INIT + '''        out = torch.relu(self.bn1(self.conv1(x)))   # (B, C, H, W)
        out = self.bn2(self.conv2(out))             # F(x), (B, C, H, W)
        return torch.relu(out + x)                  # the shortcut: relu(F(x) + x)'''


def questions():
    return [
        # ---------------------------------------------------------------- the source notes' 5 questions
        MultipleChoice("q1", T("(स्रोत नोट्स का प्रश्न 1) LeNet-5 और AlexNet के बारे में कौन-से कथन सही हैं?",
                               "(Source question 1) Which statements about LeNet-5 and AlexNet are true?"),
            [T("AlexNet ReLU इस्तेमाल करता है; LeNet-5 tanh जैसे squashing functions।",
               "AlexNet uses ReLU; LeNet-5 uses tanh-like squashing functions."),
             T("AlexNet में लगभग 60 million parameters हैं, LeNet-5 में लगभग 60,000 — लगभग 1,000 गुना।",
               "AlexNet has about 60 million parameters, LeNet-5 about 60,000 — about 1,000 times more."),
             T("AlexNet 224×224 की रंगीन (3 channels) images लेता है; LeNet-5 32×32 की grayscale।",
               "AlexNet takes 224×224 colour (3-channel) images; LeNet-5 takes 32×32 grayscale ones."),
             T("LeNet-5 में convolution layers नहीं थीं, केवल dense layers।",
               "LeNet-5 had no convolution layers, only dense layers."),
             T("AlexNet GPU पर train होने वाला पहला CNN था।", "AlexNet was the first CNN ever trained on a GPU.")],
            ["a", "b", "c"],
            why={"d": T("LeNet-5 में दो 5×5 convolution layers (C1, C3) हैं, और C5 भी 5×5 convolution है।",
                        "LeNet-5 has two 5×5 convolution layers (C1, C3), and C5 is a 5×5 convolution too."),
                 "e": T("Chellapilla et al. (2006) और Cireşan et al. (2011) GPU पर CNNs पहले ही train कर चुके थे।",
                        "Chellapilla et al. (2006) and Cireşan et al. (2011) had already trained CNNs on GPUs.")},
            hints=[T("तीन कथन सही हैं।", "Three statements are true."),
                   T("Notebook का section 3 (\"ध्यान दें\" box) देखिए: GPU वाला दावा वहाँ सुधारा गया है।",
                     "See section 3 of the notebook (the \"Note\" box): the GPU claim is corrected there.")],
            solution='q1_answer = ["a", "b", "c"]', wrong=["a", "d"],
            explanation=T("दोनों एक ही परिवार के हैं (convolution → pooling → dense), पर AlexNet बहुत बड़ा, गहरा (8 weight "
                          "layers), ReLU, dropout और augmentation के साथ, और GPUs पर train हुआ।",
                          "Both belong to the same family (convolution → pooling → dense), but AlexNet is much bigger, "
                          "deeper (8 weight layers), uses ReLU, dropout and augmentation, and was trained on GPUs.")),
        MultipleChoice("q2", T("(स्रोत नोट्स का प्रश्न 2) VGG में सारे convolutions 3×3 क्यों रखे गए? सही कारण चुनिए।",
                               "(Source question 2) Why are all of VGG's convolutions 3×3? Choose the right reasons."),
            [T("Stride 1 पर दो 3×3 layers मिलकर 5×5 हिस्सा देखती हैं, और तीन 7×7।",
               "At stride 1, two stacked 3×3 layers see a 5×5 region, and three see 7×7."),
             T("उसी receptive field के लिए weights कम लगते हैं: $18C^2$ बनाम $25C^2$।",
               "The same receptive field needs fewer weights: $18C^2$ versus $25C^2$."),
             T("बीच में ज़्यादा ReLU लगते हैं, इसलिए network ज़्यादा non-linear होता है।",
               "There are more ReLUs in between, so the network is more non-linear."),
             T("3×3 filters output को input से बड़ा कर देते हैं।", "3×3 filters make the output larger than the input."),
             T("GPUs केवल 3×3 filters चला सकते हैं।", "GPUs can only run 3×3 filters.")],
            ["a", "b", "c"],
            why={"d": T("padding 1 के साथ 3×3 convolution H और W को वैसा ही रखता है, बड़ा नहीं करता।",
                        "with padding 1 a 3×3 convolution keeps H and W the same; it does not enlarge them."),
                 "e": T("AlexNet GPU पर 11×11 और 5×5 filters चला चुका था।",
                        "AlexNet ran 11×11 and 5×5 filters on GPUs.")},
            hints=[T("Receptive field और parameters, दोनों के बारे में सोचिए।",
                     "Think about both the receptive field and the parameters."),
                   T("$2 \\cdot 9C^2$ की तुलना $25C^2$ से कीजिए।", "Compare $2 \\cdot 9C^2$ with $25C^2$.")],
            solution='q2_answer = ["a", "b", "c"]', wrong=["a", "e"],
            explanation=T("Simonyan और Zisserman: तीन 3×3 layers एक 7×7 जितना देखती हैं, $27C^2$ बनाम $49C^2$ weights के "
                          "साथ, और तीन ReLU एक के बजाय।",
                          "Simonyan and Zisserman: three 3×3 layers see as much as one 7×7, with $27C^2$ versus "
                          "$49C^2$ weights, and three ReLUs instead of one.")),
        MultipleChoice("q3",
            T("(स्रोत नोट्स का प्रश्न 3) ResNet में residual (skip) connection $y = \\mathcal{F}(x) + x$ के क्या फ़ायदे हैं?",
              "(Source question 3) What are the benefits of ResNet's residual (skip) connection $y = \\mathcal{F}(x) + "
              "x$?"),
            [T("अगर block को कुछ नहीं करना चाहिए (identity), तो layers को बस $\\mathcal{F}(x) \\to 0$ सीखना है, जो आसान "
               "है।",
               "If a block should do nothing (the identity), its layers only need to learn $\\mathcal{F}(x) \\to 0$, "
               "which is easy."),
             T("Backward pass में gradient \"+ x\" वाले रास्ते से सीधे पहले की layers तक पहुँचता है।",
               "In the backward pass the gradient reaches earlier layers directly through the \"+ x\" path."),
             T("इससे network के parameters आधे हो जाते हैं।", "It halves the network's parameters."),
             T("इसके बाद BatchNorm की ज़रूरत नहीं रहती।", "BatchNorm is no longer needed after it.")],
            ["a", "b"],
            why={"c": T("Identity shortcut में कोई parameter नहीं है; parameters वही रहते हैं (projection shortcuts थोड़े जोड़ते "
                        "हैं)।",
                        "An identity shortcut has no parameters; the count stays the same (projection shortcuts add a "
                        "few)."),
                 "d": T("ResNet हर convolution के बाद BatchNorm लगाता है।",
                        "ResNet puts BatchNorm after every convolution.")},
            hints=[T("दो कथन सही हैं: एक forward pass के बारे में, एक backward pass के बारे में।",
                     "Two statements are true: one about the forward pass, one about the backward pass."),
                   T("$\\mathcal{F}(x) + x$ का $x$ के सापेक्ष derivative क्या है?",
                     "What is the derivative of $\\mathcal{F}(x) + x$ with respect to $x$?")],
            solution='q3_answer = ["a", "b"]', wrong=["a", "c"],
            explanation=T("Paper का तर्क: गहरे plain networks में training error बढ़ता है (degradation); residual रूप में "
                          "identity के पास रहना आसान है, और gradient को एक सीधा रास्ता मिलता है।",
                          "The paper's argument: deep plain networks get a higher training error (degradation); in the "
                          "residual form it is easy to stay close to the identity, and the gradient gets a direct "
                          "path.")),
        MultipleChoice("q4", T("(स्रोत नोट्स का प्रश्न 4) AlexNet को GPU पर क्यों train किया गया? सही कथन चुनिए।",
                               "(Source question 4) Why was AlexNet trained on GPUs? Choose the true statements."),
            [T("Training में लगभग $2 \\times 10^{17}$ multiply-adds थे — एक जैसे, स्वतंत्र काम जिन्हें GPU के हज़ारों cores एक साथ "
               "करते हैं।",
               "Training took about $2 \\times 10^{17}$ multiply-adds — identical, independent work that a GPU's "
               "thousands of cores do at once."),
             T("एक GTX 580 में केवल 3GB memory थी, इसलिए network को 2 GPUs में बाँटा गया।",
               "One GTX 580 had only 3GB of memory, so the network was split over 2 GPUs."),
             T("CNNs CPU पर चल ही नहीं सकते।", "CNNs cannot run on a CPU at all."),
             T("AlexNet GPU पर चलने वाला पहला neural network था।",
               "AlexNet was the first neural network to run on a GPU.")],
            ["a", "b"],
            why={"c": T("इस notebook में सारे models CPU पर ही चले — बस धीमे।",
                        "In this notebook every model ran on the CPU — just slowly."),
                 "d": T("GPU पर neural networks और CNNs पहले भी train हुए थे (जैसे Cireşan et al., 2011)।",
                        "Neural networks and CNNs had been trained on GPUs before (e.g. Cireşan et al., 2011).")},
            hints=[T("Notebook के section 3 और 6 में गणना और समय देखिए।",
                     "Look at the compute and time in sections 3 and 6 of the notebook."),
                   T("Paper: 5–6 दिन, दो GTX 580 3GB GPUs पर।", "The paper: 5–6 days on two GTX 580 3GB GPUs.")],
            solution='q4_answer = ["a", "b"]', wrong=["c"],
            explanation=T("1.2 million images, 60 million parameters और 90 epochs: CPU पर यह बहुत लंबा चलता; GPUs ने इसे "
                          "5–6 दिन में कर दिया।",
                          "1.2 million images, 60 million parameters and 90 epochs: on a CPU this would take far too "
                          "long; the GPUs did it in 5–6 days.")),
        MultipleChoice("q5", T("(स्रोत नोट्स का प्रश्न 5) ResNet को 100+ layers तक train करना किन चीज़ों से संभव हुआ?",
                               "(Source question 5) What made it possible to train ResNets with 100+ layers?"),
            [T("Identity shortcuts (residual connections)।", "Identity shortcuts (residual connections)."),
             T("हर convolution के बाद BatchNorm, और He initialization।",
               "BatchNorm after every convolution, and He initialisation."),
             T("Bottleneck blocks (1×1 → 3×3 → 1×1), जिनसे गणना का ख़र्च क़ाबू में रहा।",
               "Bottleneck blocks (1×1 → 3×3 → 1×1), which kept the compute manageable."),
             T("हर layer के बाद dropout।", "Dropout after every layer."),
             T("ReLU की जगह sigmoid।", "Sigmoid instead of ReLU.")],
            ["a", "b", "c"],
            why={"d": T("ResNet paper dropout इस्तेमाल नहीं करता।", "The ResNet paper uses no dropout."),
                 "e": T("sigmoid saturate होकर gradients घटाता है (notebook 03); ResNet ReLU इस्तेमाल करता है।",
                        "sigmoid saturates and shrinks gradients (notebook 03); ResNet uses ReLU.")},
            hints=[T("तीन चीज़ें सही हैं।", "Three things are right."),
                   T("ResNet paper का \"Implementation\" section: BN, initialization, dropout?",
                     "The ResNet paper's \"Implementation\" part: BN, initialisation, dropout?")],
            solution='q5_answer = ["a", "b", "c"]', wrong=["a", "d"],
            explanation=T("Shortcuts degradation से लड़ते हैं; BN और He init signal का scale ठीक रखते हैं; bottlenecks से 152 "
                          "layers का ख़र्च VGG-19 से भी कम रहा।",
                          "Shortcuts fight degradation; BN and He init keep the signal's scale right; bottlenecks kept "
                          "152 layers cheaper than VGG-19.")),
        # ---------------------------------------------------------------- coding and counting
        Code("q6", T("LeNet-5 (आज का रूप) ख़ुद बनाइए: `MyLeNet5()` input (B, 1, 32, 32) लेकर (B, 10) लौटाए, tanh और "
                     "average pooling के साथ, और उसमें ठीक 61,706 parameters हों (`coursekit.architectures.LeNet5` जितने)।",
                     "Build LeNet-5 (the modern reading) yourself: `MyLeNet5()` takes (B, 1, 32, 32) and returns (B, "
                     "10), with tanh and average pooling, and has exactly 61,706 parameters (as many as "
                     "`coursekit.architectures.LeNet5`)."),
            grader=grade_lenet, answer_name="MyLeNet5", starter=LENET_STARTER, solution=LENET_SOLUTION,
            wrong=_WrongLeNet,
            wrongs=[_wrong_ReluMaxLeNet, _wrong_NoDenseTanhLeNet, _wrong_MaxPoolLeNet, _wrong_FlatSizeLeNet],
            hints=[T("C3: `nn.Conv2d(6, 16, 5), nn.Tanh(), nn.AvgPool2d(2)`।",
                     "C3: `nn.Conv2d(6, 16, 5), nn.Tanh(), nn.AvgPool2d(2)`."),
                   T("Dense: `nn.Linear(400, 120), nn.Tanh(), nn.Linear(120, 84), nn.Tanh(), nn.Linear(84, 10)`।",
                     "Dense: `nn.Linear(400, 120), nn.Tanh(), nn.Linear(120, 84), nn.Tanh(), nn.Linear(84, 10)`."),
                   T("प्रति layer: 156, 2,416, 48,120, 10,164, 850।", "Per layer: 156, 2,416, 48,120, 10,164, 850.")]),
        Code("q7",
            T("ResNet का basic block लिखिए: `MyBasicBlock(channels)` का `forward` $\\mathrm{ReLU}(\\mathcal{F}(x) + "
              "x)$ लौटाए, जहाँ $\\mathcal{F}(x)$ = conv1 → bn1 → ReLU → conv2 → bn2। Layers `__init__` में दी हुई हैं।",
              "Write ResNet's basic block: the `forward` of `MyBasicBlock(channels)` returns "
              "$\\mathrm{ReLU}(\\mathcal{F}(x) + x)$, where $\\mathcal{F}(x)$ = conv1 → bn1 → ReLU → conv2 → bn2. The "
              "layers are given in `__init__`."),
            grader=grade_block, answer_name="MyBasicBlock", starter=BLOCK_STARTER, solution=BLOCK_SOLUTION,
            wrong=_PlainBlock, wrongs=[_wrong_NoFinalReluBlock, _wrong_ReluBeforeAddBlock, _wrong_AddBeforeBnBlock],
            hints=[T("पहले `out = torch.relu(self.bn1(self.conv1(x)))`।",
                     "First `out = torch.relu(self.bn1(self.conv1(x)))`."),
                   T("फिर `out = self.bn2(self.conv2(out))` — यह $\\mathcal{F}(x)$ है।",
                     "Then `out = self.bn2(self.conv2(out))` — this is $\\mathcal{F}(x)$."),
                   T("आख़िर में `torch.relu(out + x)`।", "Finally `torch.relu(out + x)`.")],
            explanation=T("Shortcut में कोई parameter नहीं: shapes समान हैं (stride 1, वही channels), इसलिए सीधे x जोड़ते हैं।",
                          "The shortcut has no parameters: the shapes match (stride 1, same channels), so x is added "
                          "directly.")),
        Numeric("q8", T("`nn.Conv2d(64, 128, kernel_size=3)` (bias के साथ) में कितने parameters हैं?",
                        "How many parameters does `nn.Conv2d(64, 128, kernel_size=3)` (with bias) have?"),
            128 * 64 * 9 + 128, rel_tol=0, abs_tol=0.5,
            mistakes={128 * 64 * 9: T("ये केवल weights हैं — हर output channel का एक bias (128) भी जोड़िए।",
                                      "that is the weights only — add one bias per output channel (128)."),
                      128 * 64 * 9 + 64: T("bias हर output channel का होता है (128), input channel का नहीं।",
                                           "there is one bias per output channel (128), not per input channel."),
                      128 * 64 * 3 + 128: T("kernel 3×3 है: हर filter में $64 \\cdot 3 \\cdot 3$ weights।",
                                            "the kernel is 3×3: every filter has $64 \\cdot 3 \\cdot 3$ weights.")},
            hints=[T("सूत्र: $C_{out}(C_{in} K^2 + 1)$।", "The formula: $C_{out}(C_{in} K^2 + 1)$."),
                   T("$128 \\cdot (64 \\cdot 9 + 1)$", "$128 \\cdot (64 \\cdot 9 + 1)$")],
            solution="q8_answer = 128 * (64 * 3 * 3 + 1)", wrong=128 * 64 * 9,
            explanation=T("128 filters, हर एक में 64 × 3 × 3 = 576 weights और 1 bias: 73,856। Image का आकार मायने नहीं "
                          "रखता।",
                          "128 filters, each with 64 × 3 × 3 = 576 weights and 1 bias: 73,856. The image size does not "
                          "matter.")),
        Numeric("q9",
            T("VGG का तर्क: $C = 256$ channels से 256 channels तक, एक के ऊपर एक रखे दो 3×3 convolutions में (biases छोड़कर) कुल "
              "कितने weights हैं? (यही receptive field एक 5×5 convolution का भी है।)",
              "VGG's argument: from $C = 256$ channels to 256 channels, how many weights (biases left out) do two "
              "stacked 3×3 convolutions have in total? (One 5×5 convolution has the same receptive field.)"),
            2 * 9 * 256 * 256, rel_tol=0, abs_tol=0.5,
            mistakes={25 * 256 * 256: T("यह एक 5×5 convolution है ($25C^2$); प्रश्न दो 3×3 का है ($18C^2$)।",
                                        "that is one 5×5 convolution ($25C^2$); the question is about two 3×3 ones "
                                        "($18C^2$)."),
                      9 * 256 * 256: T("यह केवल एक 3×3 layer है; दो layers हैं।",
                                       "that is only one 3×3 layer; there are two.")},
            hints=[T("एक 3×3 layer: $9C^2$ weights।", "One 3×3 layer: $9C^2$ weights."),
                   T("$2 \\cdot 9 \\cdot 256^2$", "$2 \\cdot 9 \\cdot 256^2$")],
            solution="q9_answer = 2 * 3 * 3 * 256 * 256", wrong=5 * 5 * 256 * 256,
            explanation=T("1,179,648 बनाम 5×5 के 1,638,400: 28% कम weights, और बीच में एक ReLU ज़्यादा।",
                          "1,179,648 versus 1,638,400 for the 5×5: 28% fewer weights, and one more ReLU in between.")),
        MultipleChoice("q10",
            T("ResNet-50 के bottleneck block (1×1 → 3×3 → 1×1) में 1×1 convolutions का मक़सद क्या है?",
              "What is the purpose of the 1×1 convolutions in ResNet-50's bottleneck block (1×1 → 3×3 → 1×1)?"),
            [T("पहला 1×1 conv channels घटाता है (जैसे 256 → 64) ताकि महँगा 3×3 conv कम channels पर चले; दूसरा उन्हें फिर बढ़ाता है (64 → "
               "256)।",
               "The first 1×1 reduces the channels (e.g. 256 → 64) so that the expensive 3×3 runs on few channels; the "
               "second restores them (64 → 256)."),
             T("वे image की ऊँचाई और चौड़ाई (H, W) बढ़ाते हैं।", "They increase the image's height and width (H, W)."),
             T("वे shortcut connection की जगह लेते हैं।", "They replace the shortcut connection."),
             T("वे max-pooling का काम करते हैं।", "They do the job of max-pooling.")],
            "a",
            why={"b": T("1×1 convolution (stride 1) H और W नहीं बदलता, केवल channels मिलाता है।",
                        "a 1×1 convolution (stride 1) does not change H and W; it only mixes channels."),
                 "c": T("Shortcut अलग से जुड़ता है: $\\mathcal{F}(x) + x$।",
                        "The shortcut is added separately: $\\mathcal{F}(x) + x$."),
                 "d": T("Pooling में कोई weights नहीं होते; 1×1 convolution सीखे जाने वाले weights से channels मिलाता है।",
                        "Pooling has no weights; a 1×1 convolution mixes channels with learned weights.")},
            hints=[T("Notebook में basic 64-d और bottleneck 256-d blocks के parameters की तुलना देखिए।",
                     "Look at the notebook's comparison of the basic 64-d and bottleneck 256-d blocks."),
                   T("3×3 convolution का ख़र्च channels के वर्ग ($C^2$) के साथ बढ़ता है।",
                     "The cost of a 3×3 convolution grows with the square of the channels ($C^2$).")],
            solution='q10_answer = "a"', wrong="d",
            explanation=T("इसीलिए 256 channels वाला bottleneck block (70,400 parameters) 64 channels वाले basic block "
                          "(73,984) जितना ही सस्ता है।",
                          "That is why the bottleneck block on 256 channels (70,400 parameters) is as cheap as the "
                          "basic block on 64 channels (73,984).")),
        Shape("q11", T("`coursekit.architectures.resnet50()` में (1, 3, 224, 224) का input डालें, तो `layer3` (तीसरी "
                       "stage) के output का shape क्या होगा?",
                       "Feed an input of shape (1, 3, 224, 224) to `coursekit.architectures.resnet50()`: what is the "
                       "shape of the output of `layer3` (the third stage)?"),
            (1, 1024, 14, 14), meaning="(batch, channels, H, W)",
            hints=[T("Stem 224 को 56 करता है; stage 2, 3, 4 हर बार H और W आधे करती हैं।",
                     "The stem turns 224 into 56; stages 2, 3, 4 each halve H and W."),
                   T("Bottleneck के output channels `c_mid` के 4 गुना होते हैं; layer3 में `c_mid` = 256।",
                     "A bottleneck's output has 4 times `c_mid` channels; in layer3 `c_mid` = 256.")],
            solution="q11_answer = (1, 1024, 14, 14)", wrong=(1, 256, 14, 14),
            explanation=T("56 → 28 (layer2) → 14 (layer3); channels 256 × 4 = 1024।",
                          "56 → 28 (layer2) → 14 (layer3); channels 256 × 4 = 1024.")),
        Numeric("q12",
            T("AlexNet paper का Conv1: input 227×227, kernel 11, stride 4, padding 0। Output की ऊँचाई कितनी है?",
              "The AlexNet paper's Conv1: input 227×227, kernel 11, stride 4, padding 0. What is the output height?"),
            55, rel_tol=0, abs_tol=0.01,
            mistakes={54: T("सूत्र के आख़िर का + 1 भूल गए: $\\lfloor (227 - 11)/4 \\rfloor + 1$।",
                            "you forgot the + 1 at the end of the formula: $\\lfloor (227 - 11)/4 \\rfloor + 1$.")},
            hints=[T("$H_{out} = \\lfloor (H_{in} + 2P - K)/S \\rfloor + 1$",
                     "$H_{out} = \\lfloor (H_{in} + 2P - K)/S \\rfloor + 1$"),
                   T("$(227 - 11)/4 = 54$", "$(227 - 11)/4 = 54$")],
            solution="q12_answer = (227 - 11) // 4 + 1", wrong=54,
            explanation=T("55 — इसीलिए paper में लिखा 224 का input असल में 227 होना चाहिए (या torchvision की तरह padding 2)।",
                          "55 — which is why the paper's stated 224 input must really be 227 (or use padding 2, as "
                          "torchvision does).")),
        Code("q13",
            T("MNIST के अंक (digits) 28×28 हैं, पर LeNet-5 32×32 का input लेता है। Function `pad_to_32(x)` लिखिए जो (B, 1, 28, "
              "28) के batch के हर image के चारों ओर 2 काले pixels (मान 0) जोड़कर (B, 1, 32, 32) लौटाए — notebook का "
              "`mnist_splits(size=32)` यही करता है।",
              "MNIST's digits are 28×28, but LeNet-5 takes a 32×32 input. Write a function `pad_to_32(x)` that adds 2 "
              "black pixels (value 0) around every image of a (B, 1, 28, 28) batch and returns (B, 1, 32, 32) — what "
              "the notebook's `mnist_splits(size=32)` does."),
            reference=_pad_to_32,
            cases=[Case((_digits(0, 2),)), Case((_digits(1, 1),), about=T("एक ही image", "a single image")),
                   Case((_digits(2, 3) * 0 + 0.5,), about=T("एक जैसी धूसर images", "uniform grey images"))],
            answer_name="pad_to_32", starter="def pad_to_32(x):\n    return ____",
            solution="def pad_to_32(x):\n    return F.pad(x, (2, 2, 2, 2))   # left, right, top, bottom: 28 + 2 + 2 = 32",
            wrongs=_WRONG_PADS,
            hints=[T("`F.pad(x, (left, right, top, bottom))` आख़िरी दो dimensions (W, फिर H) को pad करता है।",
                     "`F.pad(x, (left, right, top, bottom))` pads the last two dimensions (W, then H)."),
                   T("32 − 28 = 4 pixels, दोनों तरफ़ बराबर: 2 और 2।", "32 − 28 = 4 pixels, equal on both sides: 2 and 2.")],
            explanation=T("Padding digit का आकार और मोटाई नहीं बदलता, सिर्फ़ उसे बड़े field के बीच में रखता है; LeCun और साथियों "
                          "(1998) ने भी LeNet-5 को 32×32 input दिया था, ताकि किनारे के पास के stroke के सिरे और कोने भी ऊपर की "
                          "layers के receptive field के बीच में आ सकें। Resize (interpolate) strokes को मोटा और धुँधला कर "
                          "देता है।",
                          "Padding keeps the digit's size and stroke width and only centres it in a larger field; LeCun "
                          "and co-authors (1998) also gave LeNet-5 a 32×32 input, so that stroke ends and corners near "
                          "the edge can still fall in the centre of the receptive fields of the higher layers. Resizing "
                          "(interpolate) makes the strokes thicker and blurred.")),
    ]
