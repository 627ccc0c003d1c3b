"""Practice 06 (CNN image classification): the source's 5 questions, then a 10-class CNN, the flatten size,
the shape after conv + pool, probabilities from logits, and precision and recall from a confusion matrix."""
import numpy as np
import torch
from torch import nn

from ...i18n import T
from ...metrics import precision_recall
from ..codecheck import Code
from ..kinds import MultipleChoice, Numeric, Shape, TrueFalse
from ._nb06_graders import grade_precision_recall, grade_probabilities, grade_simple_cnn

TITLE = T("CNN से छवि वर्गीकरण (image classification)", "Image classification with CNNs")
INTRO = T(
    "ये प्रश्न notebook `06_cnn_image_classification` पर आधारित हैं: पहले 5 प्रश्न स्रोत नोट्स के हैं (प्रश्न 2 में "
    "आप स्रोत नोट्स का 10 classes वाला CNN ख़ुद लिखेंगे), फिर flatten का आकार, conv + pool के बाद का shape, confusion matrix से "
    "precision और recall, softmax और loss के बारे में एक कथन, और parameters की गिनती।",
    "These questions follow the notebook `06_cnn_image_classification`: the first 5 are the source notes' questions "
    "(in question 2 you write the source's 10-class CNN yourself), then the flatten size, the shape after conv + "
    "pool, precision and recall from a confusion matrix, a statement about softmax and the loss, and a parameter count.",
)
SETUP = "import numpy as np\nimport torch\nfrom torch import nn"

# ---------------------------------------------------------------- q2: known-wrong CNNs (the source's network, slipped)
def _source_cnn(*tail, conv2=(32, 64), act=nn.ReLU, flat=64 * 8 * 8):
    """The source's CIFAR-10 network, with the given layers after the last Linear (the basis of the wrong answers)."""
    return nn.Sequential(
        nn.Conv2d(3, conv2[0], 3, padding=1), act(), nn.MaxPool2d(2, 2),
        nn.Conv2d(*conv2, 3, padding=1), act(), nn.MaxPool2d(2, 2),
        nn.Flatten(), nn.Linear(flat, 128), act(), nn.Linear(128, 10), *tail)


class _SoftmaxCNN(nn.Module):
    """The source's network with its nn.Softmax(dim=1) output layer."""

    def __init__(self):
        super().__init__()
        self.net = _source_cnn(nn.Softmax(dim=1))

    def forward(self, x):
        return self.net(x)


class _wrong_SigmoidCNN(_SoftmaxCNN):
    """Squashes the logits with a final nn.Sigmoid (reliability review, item 10)."""

    def __init__(self):
        super().__init__()
        self.net = _source_cnn(nn.Sigmoid())


class _wrong_NoReluCNN(_SoftmaxCNN):
    """Forgets the activations: the whole network is one linear map."""

    def __init__(self):
        super().__init__()
        self.net = _source_cnn(act=nn.Identity)


class _wrong_FlatSizeCNN(_SoftmaxCNN):
    """Counts one pooling only: Linear(64 * 16 * 16, 128) does not fit the 4096 features."""

    def __init__(self):
        super().__init__()
        self.net = _source_cnn(flat=64 * 16 * 16)


class _wrong_WiderCNN(_SoftmaxCNN):
    """A different network (64 then 128 filters): fine elsewhere, but not the source's network that is asked for."""

    def __init__(self):
        super().__init__()
        self.net = _source_cnn(conv2=(64, 128), flat=128 * 8 * 8)


_CNN_STARTER = """class SimpleCNN(nn.Module):
    def __init__(self):
        super().__init__()
        self.net = nn.Sequential(
            nn.Conv2d(3, 32, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2, 2),    # (B, 32, 16, 16)
            ____,                                                            # your layers
            nn.Linear(____, 10),                                             # (B, 10) logits
        )

    def forward(self, x):
        return self.net(x)"""

_CNN_SOLUTION = """class SimpleCNN(nn.Module):
    def __init__(self):
        super().__init__()
        self.net = nn.Sequential(
            nn.Conv2d(3, 32, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2, 2),    # (B, 32, 16, 16)
            nn.Conv2d(32, 64, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2, 2),   # (B, 64, 8, 8)
            nn.Flatten(),                                                     # (B, 4096)
            nn.Linear(64 * 8 * 8, 128), nn.ReLU(),
            nn.Linear(128, 10),                                               # (B, 10) logits, no softmax
        )

    def forward(self, x):
        return self.net(x)"""


# ---------------------------------------------------------------- q5, q8: known-wrong functions
_probabilities_wrong = lambda logits: torch.softmax(logits, dim=0)  # over the batch: the classic slip


def _wrong_probabilities_naive(logits):
    """exp / sum without subtracting the max: inf/inf = nan for large logits."""
    e = torch.exp(logits)
    return e / e.sum(dim=1, keepdim=True)


_wrong_probabilities_sigmoid = lambda logits: torch.sigmoid(logits)


def _wrong_probabilities_in_place(logits):
    """Softmax written into the caller's tensor, over the batch (dim=0): the in-place change must not help it."""
    return logits.sub_(logits.max(dim=0).values).exp_().div_(logits.sum(dim=0))


def _precision_recall_wrong(cm):
    precision, recall = precision_recall(np.asarray(cm))
    return recall, precision                     # swapped: rows and columns mixed up


def _wrong_precision_recall_nan(cm):
    """Divides without guarding the zero denominators: nan for a class that was never predicted."""
    cm = np.asarray(cm, dtype=float)
    with np.errstate(invalid="ignore", divide="ignore"):
        return np.diag(cm) / cm.sum(axis=0), np.diag(cm) / cm.sum(axis=1)


def _wrong_precision_recall_total(cm):
    """Divides TP by the total number of images, for both."""
    cm = np.asarray(cm, dtype=float)
    return np.diag(cm) / cm.sum(), np.diag(cm) / cm.sum()


def questions():
    return [
        MultipleChoice("q1",
            T("(स्रोत नोट्स का प्रश्न 1) CNN image classification में कैसे मदद करता है? सही कथन चुनिए।",
              "(Source question 1) How does a CNN help in image classification? Choose the true statements."),
            [T("Convolution layers छोटे filters से local patterns (edges, रंग, texture) पहचानती हैं, और एक ही filter पूरी "
               "image पर साझा (shared) होता है।",
               "Convolution layers detect local patterns (edges, colours, textures) with small filters, and one filter "
               "is shared over the whole image."),
             T("Pooling layers feature maps का आकार घटाती हैं, ताकि आगे की layers कम हिसाब में बड़े हिस्से देखें।",
               "Pooling layers shrink the feature maps, so later layers see larger regions with less computation."),
             T("Object खिसकने पर CNN का output कभी नहीं बदलता (पूरी translation invariance)।",
               "A CNN's output never changes when the object moves (full translation invariance)."),
             T("आख़िर की dense layers सारे features जोड़कर class का फ़ैसला करती हैं।",
               "The dense layers at the end combine all the features into the class decision."),
             T("Training से पहले edge detectors जैसे features हाथ से बनाने पड़ते हैं।",
               "Features such as edge detectors must be hand-made before training.")],
            ["a", "b", "d"],
            why={"c": T("यह बढ़ा-चढ़ाकर कही गई बात है: conv equivariant है (input खिसके तो feature map भी खिसकता है), pooling थोड़ी ही "
                        "invariance देता है; notebook में 4 pixels खिसकाने पर कई predictions बदल गईं।",
                        "an over-statement: conv is equivariant (shift the input and the feature map shifts), pooling "
                        "gives only a little invariance; in the notebook many predictions changed after a 4-pixel "
                        "shift."),
                 "e": T("नहीं: CNN filters data से सीखता है (end-to-end learning)।",
                        "no: a CNN learns its filters from data (end-to-end learning).")},
            hints=[T("स्रोत नोट्स तीन हिस्से गिनाते हैं: convolution, pooling, dense।",
                     "The source lists three parts: convolution, pooling, dense."),
                   T("Notebook का section 12 देखिए: क्या खिसकाने पर predictions 100% वही रहीं?",
                     "See section 12 of the notebook: did the predictions stay 100% the same after a shift?")],
            solution='q1_answer = ["a", "b", "d"]', wrong=["a", "b", "c", "d"],
            explanation=T("Conv (local, साझा filters) + pooling (downsampling) + dense (फ़ैसला); features सीखे जाते हैं, और "
                          "invariance केवल आंशिक है।",
                          "Conv (local, shared filters) + pooling (downsampling) + dense (decision); the features are "
                          "learned, and the invariance is only partial.")),
        Code("q2",
            T("(स्रोत नोट्स का प्रश्न 2) स्रोत नोट्स का 10 classes वाला सरल CNN `SimpleCNN` लिखिए (notebook का "
              "`CIFAR10CNN`): दो blocks — 3×3 conv (padding 1) → ReLU → 2×2 MaxPool, पहले में 32 और दूसरे में 64 filters; फिर "
              "Flatten → Linear(·, 128) → ReLU → Linear(128, 10)। (B, 3, 32, 32) के input पर output (B, 10) **logits** "
              "हों (आख़िर में softmax या sigmoid नहीं)। Checker आपके model को वही weights देकर `CIFAR10CNN` से मिलाएगा।",
              "(Source question 2) Write the source's simple 10-class CNN `SimpleCNN` (the notebook's `CIFAR10CNN`): "
              "two blocks — 3×3 conv (padding 1) → ReLU → 2×2 MaxPool, with 32 filters in the first and 64 in the "
              "second; then Flatten → Linear(·, 128) → ReLU → Linear(128, 10). For an input of shape (B, 3, 32, 32) "
              "the output is (B, 10) **logits** (no softmax or sigmoid at the end). The checker gives your model the "
              "same weights and compares it with `CIFAR10CNN`."),
            grader=grade_simple_cnn, answer_name="SimpleCNN", starter=_CNN_STARTER, solution=_CNN_SOLUTION,
            wrong=_SoftmaxCNN, wrongs=[_wrong_SigmoidCNN, _wrong_NoReluCNN, _wrong_FlatSizeCNN, _wrong_WiderCNN],
            hints=[T("Notebook के `CIFAR10CNN` की नक़ल कीजिए: conv → ReLU → pool दो बार, फिर Flatten और दो Linear "
                     "layers।",
                     "Copy the notebook's `CIFAR10CNN`: conv → ReLU → pool twice, then Flatten and two Linear layers."),
                   T("दो बार 2×2 pooling के बाद 32×32 → 8×8 बचता है; 64 channels के साथ Flatten के बाद 64 * 8 * 8 = 4096 "
                     "features।",
                     "After two 2×2 poolings 32×32 → 8×8 remains; with 64 channels Flatten gives 64 * 8 * 8 = 4096 "
                     "features."),
                   T("आख़िरी layer `nn.Linear(128, 10)` हो, उसके बाद `nn.Softmax` या `nn.Sigmoid` नहीं।",
                     "The last layer is `nn.Linear(128, 10)`, with no `nn.Softmax` or `nn.Sigmoid` after it.")],
            explanation=T("यह स्रोत नोट्स का CIFAR-10 network है, output layer के softmax के बिना: nn.CrossEntropyLoss "
                          "logits लेता है।",
                          "This is the source's CIFAR-10 network without the softmax output layer: nn.CrossEntropyLoss "
                          "takes logits.")),
        MultipleChoice("q3",
            T("(स्रोत नोट्स का प्रश्न 3) Feature map क्या होता है?", "(Source question 3) What is a feature map?"),
            [T("एक filter का पूरे input पर output: एक 2D map जो बताता है कि filter का pattern कहाँ कितना है।",
               "The output of one filter over the whole input: a 2D map of where, and how strongly, the filter's "
               "pattern appears."),
             T("Filter के weights (जैसे 3×3 का matrix)।", "The filter's weights (e.g. a 3×3 matrix)."),
             T("हर class की probability की list।", "The list of probabilities of the classes."),
             T("Dense layer को जाने वाला flatten किया हुआ vector।",
               "The flattened vector that goes into the dense layer.")],
            "a",
            why={"b": T("वह kernel/filter है; feature map उस filter को image पर फिसलाने से बनता है।",
                        "that is the kernel/filter; the feature map is what sliding that filter over the image "
                        "produces."),
                 "c": T("वह softmax का output है, network के बिल्कुल आख़िर में।",
                        "that is softmax's output, at the very end of the network."),
                 "d": T("Flatten feature maps को एक vector बनाता है; अब वह 2D map नहीं रहा।",
                        "Flatten turns the feature maps into one vector; it is no longer a 2D map.")},
            hints=[T("Conv layer के output का shape (B, C, H, W) है। एक channel लीजिए।",
                     "A conv layer's output has shape (B, C, H, W). Take one channel."),
                   T("Notebook के section 10 के चित्र देखिए: 'ch 0', 'ch 1', ...",
                     "Look at the figures of section 10: 'ch 0', 'ch 1', ...")],
            solution='q3_answer = "a"', wrong="b",
            explanation=T("एक conv layer के C_out filters C_out feature maps बनाते हैं; `FashionCNN` की पहली layer 1×28×28 "
                          "की image से 32 maps (28×28) बनाती है।",
                          "The C_out filters of a conv layer produce C_out feature maps; the first layer of "
                          "`FashionCNN` produces 32 maps (28×28) from a 1×28×28 image.")),
        MultipleChoice("q4", T("(स्रोत नोट्स का प्रश्न 4) CNN में object recognition की hierarchy क्या होती है? उथली (shallow) से "
                               "गहरी (deep) layers की ओर, बड़े networks में आम तौर पर क्या सीखा जाता है?",
                               "(Source question 4) What is the hierarchy of object recognition in a CNN? From shallow "
                               "to deep layers, what do large networks typically learn?"),
            [T("किनारे (edges) और रंग के धब्बे → textures और हिस्से (parts) → पूरे objects",
               "edges and colour blobs → textures and parts → whole objects"),
             T("पूरे objects → textures → किनारे", "whole objects → textures → edges"),
             T("हर layer एक ही तरह के features सीखती है", "every layer learns the same kind of features"),
             T("पहली layer ही चेहरे (faces) पहचान लेती है", "the first layer already detects faces")],
            "a",
            why={"b": T("उलटा क्रम: पहली layers केवल छोटे patches (3×3) देखती हैं, इसलिए वे सरल patterns ही पकड़ सकती हैं।",
                        "reversed: the first layers see only small patches (3×3), so they can only pick up simple "
                        "patterns."),
                 "d": T("3×3 का filter पूरा चेहरा नहीं देख सकता; बड़े patterns गहरी layers में बनते हैं।",
                        "a 3×3 filter cannot see a whole face; large patterns form in deeper layers.")},
            hints=[T("Receptive field: गहरी layer का एक unit input का बड़ा हिस्सा देखता है।",
                     "Receptive field: a unit of a deeper layer sees a larger part of the input."),
                   T("Notebook के section 10 और 13: conv1 के बाद 3×3, pool2 के बाद 10×10 pixels।",
                     "Sections 10 and 13 of the notebook: 3×3 after conv1, 10×10 pixels after pool2.")],
            solution='q4_answer = "a"', wrong="b",
            explanation=T("यह बड़े networks (Zeiler और Fergus, 2014) की आम तस्वीर है, नियम नहीं। हमारे 2-conv network में "
                          "(Fashion-MNIST, grayscale, इसलिए रंग नहीं) पहली layer edges और हल्के/गहरे हिस्से पकड़ती है, और दूसरी "
                          "layer के maps अक्सर वस्तु के किसी हिस्से (कॉलर, आस्तीन, तला) पर चमकते हैं — चेहरे नहीं।",
                          "This is the common picture from large networks (Zeiler and Fergus, 2014), not a rule. In "
                          "our 2-conv network (Fashion-MNIST, grayscale, so no colours) the first layer picks up edges "
                          "and bright/dark regions, and the second layer's maps often light up on one part of the "
                          "object (a collar, a sleeve, a sole) — no faces.")),
        Code("q5", T("(स्रोत नोट्स का प्रश्न 5) PyTorch में prediction probabilities कैसे निकलती हैं? `probabilities(logits)` "
                     "लिखिए: (B, K) logits से (B, K) probabilities, हर row का जोड़ 1।",
                     "(Source question 5) How do you get prediction probabilities in PyTorch? Write "
                     "`probabilities(logits)`: from (B, K) logits to (B, K) probabilities, every row summing to 1."),
            grader=grade_probabilities, answer_name="probabilities",
            starter="def probabilities(logits):\n    return ____",
            solution="def probabilities(logits):\n    return torch.softmax(logits, dim=1)   # (B, K), softmax over the classes",
            wrong=_probabilities_wrong,
            wrongs=[_wrong_probabilities_naive, _wrong_probabilities_sigmoid, _wrong_probabilities_in_place],
            hints=[T("Softmax: p_k = exp(z_k) / Σ_j exp(z_j), classes के dimension पर।",
                     "Softmax: p_k = exp(z_k) / Σ_j exp(z_j), over the class dimension."),
                   T("(B, K) में classes dimension 1 है।", "In (B, K) the classes are dimension 1."),
                   T("`torch.softmax(logits, dim=1)` — यह बड़े logits पर भी stable है (अंदर max घटाता है)।",
                     "`torch.softmax(logits, dim=1)` — stable even for large logits (it subtracts the max inside).")],
            explanation=T("`torch.softmax(logits, dim=1)`; predicted class `argmax(dim=1)` है, जो logits और "
                          "probabilities दोनों पर एक ही है।",
                          "`torch.softmax(logits, dim=1)`; the predicted class is `argmax(dim=1)`, the same on the "
                          "logits and on the probabilities.")),
        Numeric("q6",
            T("`CIFAR10CNN` में 3×32×32 image के लिए `nn.Flatten()` के बाद कितने features निकलते हैं (एक image के लिए)?",
              "In `CIFAR10CNN`, how many features come out of `nn.Flatten()` for one 3×32×32 image?"),
            64 * 8 * 8, rel_tol=0, abs_tol=0.5,
            mistakes={64 * 32 * 32: T("दोनों MaxPool2d(2, 2) भूल गए: हर pool आकार आधा करता है, 32 → 16 → 8।",
                                      "you forgot both MaxPool2d(2, 2): each pool halves the size, 32 → 16 → 8."),
                      64 * 16 * 16: T("एक ही pool गिना; दो हैं: 32 → 16 → 8।",
                                      "you counted one pool; there are two: 32 → 16 → 8."),
                      32 * 8 * 8: T("दूसरी conv layer के बाद 64 channels हैं, 32 नहीं।",
                                    "after the second conv layer there are 64 channels, not 32.")},
            hints=[T("padding=1 वाला 3×3 conv आकार नहीं बदलता; MaxPool2d(2, 2) आधा करता है।",
                     "A 3×3 conv with padding=1 keeps the size; MaxPool2d(2, 2) halves it."),
                   T("channels × height × width = 64 × ? × ?", "channels × height × width = 64 × ? × ?")],
            solution="q6_answer = 64 * 8 * 8", wrong=64 * 32 * 32,
            explanation=T("64 × 8 × 8 = 4096 — इसीलिए पहली dense layer `nn.Linear(64 * 8 * 8, 128)` है।",
                          "64 × 8 × 8 = 4096 — that is why the first dense layer is `nn.Linear(64 * 8 * 8, 128)`.")),
        Shape("q7", T("`nn.Conv2d(3, 16, kernel_size=5)` (padding नहीं, stride 1) और फिर `nn.MaxPool2d(2)` के बाद, (8, "
                      "3, 32, 32) के input का shape क्या होगा?",
                      "What is the shape of an (8, 3, 32, 32) input after `nn.Conv2d(3, 16, kernel_size=5)` (no "
                      "padding, stride 1) followed by `nn.MaxPool2d(2)`?"),
            (8, 16, 14, 14), meaning="(batch, channels, height, width)",
            hints=[T("Conv: n_out = ⌊(n + 2p − k)/s⌋ + 1 = (32 + 0 − 5)/1 + 1।",
                     "Conv: n_out = ⌊(n + 2p − k)/s⌋ + 1 = (32 + 0 − 5)/1 + 1."),
                   T("Conv के बाद 28×28; MaxPool2d(2) आधा करता है।", "After the conv 28×28; MaxPool2d(2) halves it."),
                   T("जाँचिए: `nn.MaxPool2d(2)(nn.Conv2d(3, 16, 5)(torch.zeros(8, 3, 32, 32))).shape`",
                     "Check: `nn.MaxPool2d(2)(nn.Conv2d(3, 16, 5)(torch.zeros(8, 3, 32, 32))).shape`")],
            solution="q7_answer = nn.MaxPool2d(2)(nn.Conv2d(3, 16, 5)(torch.zeros(8, 3, 32, 32))).shape",
            wrong=(8, 16, 16, 16),
            explanation=T("32 − 5 + 1 = 28 (padding के बिना आकार घटता है), फिर 28 / 2 = 14; channels 16; batch 8 वही।",
                          "32 − 5 + 1 = 28 (without padding the size shrinks), then 28 / 2 = 14; 16 channels; the "
                          "batch stays 8.")),
        Code("q8",
            T("Confusion matrix `cm` (row = सही class, column = predicted class) से हर class की precision और recall "
              "लौटाने वाला `precision_recall_from_cm(cm)` लिखिए: `(precision, recall)`, दोनों की लंबाई K। जिस class का "
              "denominator 0 हो, वहाँ 0 लौटाइए। उदाहरण: `cm = [[8, 1, 1], [2, 5, 3], [0, 0, 10]]`।",
              "Write `precision_recall_from_cm(cm)` that returns the precision and recall of every class from a "
              "confusion matrix `cm` (row = true class, column = predicted class): `(precision, recall)`, both of "
              "length K. Where a denominator is 0, return 0. Example: `cm = [[8, 1, 1], [2, 5, 3], [0, 0, 10]]`."),
            grader=grade_precision_recall, answer_name="precision_recall_from_cm",
            starter="def precision_recall_from_cm(cm):\n    cm = np.asarray(cm, dtype=float)\n"
                    "    tp = np.diag(cm)                 # (K,) correct predictions per class\n"
                    "    precision = ____\n    recall = ____\n    return precision, recall",
            solution="def precision_recall_from_cm(cm):\n    cm = np.asarray(cm, dtype=float)\n"
                     "    tp = np.diag(cm)                 # (K,) correct predictions per class\n"
                     "    predicted = cm.sum(axis=0)       # (K,) column sums: TP + FP\n"
                     "    actual = cm.sum(axis=1)          # (K,) row sums: TP + FN\n"
                     "    precision = np.divide(tp, predicted, out=np.zeros_like(tp), where=predicted > 0)\n"
                     "    recall = np.divide(tp, actual, out=np.zeros_like(tp), where=actual > 0)\n"
                     "    return precision, recall",
            wrong=_precision_recall_wrong, wrongs=[_wrong_precision_recall_nan, _wrong_precision_recall_total],
            hints=[T("Precision = TP / (TP + FP): column का जोड़ (जितनी बार model ने वह class कही)।",
                     "Precision = TP / (TP + FP): the column sum (how often the model said that class)."),
                   T("Recall = TP / (TP + FN): row का जोड़ (उस class की असली images)।",
                     "Recall = TP / (TP + FN): the row sum (the real images of that class)."),
                   T("0 से भाग से बचने के लिए `np.divide(a, b, out=np.zeros_like(a), where=b > 0)`।",
                     "To avoid dividing by 0: `np.divide(a, b, out=np.zeros_like(a), where=b > 0)`.")],
            explanation=T("उदाहरण में class 2 की precision 10/14 ≈ 0.714 (4 images ग़लती से class 2 कही गईं) पर recall "
                          "10/10 = 1। `coursekit.metrics.precision_recall` यही करता है।",
                          "In the example, class 2 has precision 10/14 ≈ 0.714 (4 images wrongly called class 2) but "
                          "recall 10/10 = 1. `coursekit.metrics.precision_recall` does the same.")),
        TrueFalse("q9", T("`nn.CrossEntropyLoss` से train करते समय model के आख़िर में `nn.Softmax(dim=1)` लगाना चाहिए।",
                          "When you train with `nn.CrossEntropyLoss`, the model should end with `nn.Softmax(dim=1)`."),
            False,
            hints=[T("`nn.CrossEntropyLoss` अपने input पर क्या करता है?",
                     "What does `nn.CrossEntropyLoss` do to its input?"),
                   T("Notebook का section 6: 10 classes में softmax दो बार लगे तो loss 1.46 से नीचे नहीं जाता।",
                     "Section 6 of the notebook: with softmax applied twice, the loss of 10 classes cannot go below "
                     "1.46.")],
            solution="q9_answer = False", wrong=True,
            explanation=T("ग़लत: `nn.CrossEntropyLoss` logits लेता है और log-softmax ख़ुद करता है। Model logits लौटाए; "
                          "probabilities चाहिए तो `torch.softmax(logits, dim=1)` अलग से लगाइए।",
                          "False: `nn.CrossEntropyLoss` takes logits and applies log-softmax itself. The model returns "
                          "logits; for probabilities apply `torch.softmax(logits, dim=1)` separately.")),
        Numeric("q10", T("Notebook के `FashionCNN(batchnorm=False)` (1×28×28 images, 10 classes; BatchNorm के बिना) में "
                         "कुल कितने parameters हैं? सूत्र से निकालिए: conv: $C_{out} \\cdot C_{in} \\cdot k^2 + C_{out}$, "
                         "dense: $n_{in} \\cdot n_{out} + n_{out}$।",
                         "How many parameters does the notebook's `FashionCNN(batchnorm=False)` (1×28×28 images, 10 "
                         "classes; no BatchNorm) have in all? Use the formulas: conv: $C_{out} \\cdot C_{in} \\cdot "
                         "k^2 + C_{out}$, dense: $n_{in} \\cdot n_{out} + n_{out}$."),
            320 + 18496 + 401536 + 1290, rel_tol=0, abs_tol=0.5,
            mistakes={421834: T("यह BatchNorm वाले `FashionCNN()` की गिनती है (हर BatchNorm channel के 2 parameters: 2 · "
                                "(32 + 64) = 192); यहाँ `batchnorm=False` है।",
                                "that is the count of `FashionCNN()` with BatchNorm (2 parameters per BatchNorm "
                                "channel: 2 · (32 + 64) = 192); here `batchnorm=False`."),
                      545098: T("यह स्रोत नोट्स के `CIFAR10CNN` (3×32×32 images) की गिनती है: 1 channel और 28×28 पर पहली "
                                "conv के 320 parameters हैं और flatten के बाद 64 · 7 · 7 = 3136 features।",
                                "that is the count of the source's `CIFAR10CNN` (3×32×32 images): with 1 channel and "
                                "28×28 the first conv has 320 parameters and flatten gives 64 · 7 · 7 = 3136 "
                                "features."),
                      421642 - 32 - 64 - 128 - 10: T("biases भूल गए: हर conv/dense layer में हर output का एक bias होता है।",
                                                     "you forgot the biases: every conv/dense layer has one bias per "
                                                     "output."),
                      401536: T("यह केवल पहली dense layer है; बाक़ी तीन layers भी जोड़िए।",
                                "that is only the first dense layer; add the other three layers.")},
            hints=[T("चार layers में parameters हैं: दो Conv2d और दो Linear (Dropout और pooling के कोई parameters नहीं)।",
                     "Four layers have parameters: two Conv2d and two Linear (Dropout and pooling have none)."),
                   T("दो 2×2 poolings के बाद 28 → 14 → 7, इसलिए पहली dense layer को 64 · 7 · 7 = 3136 inputs मिलते हैं।",
                     "After two 2×2 poolings 28 → 14 → 7, so the first dense layer gets 64 · 7 · 7 = 3136 inputs."),
                   T("320 + 18,496 + 401,536 + 1,290", "320 + 18,496 + 401,536 + 1,290")],
            solution="q10_answer = (32 * 1 * 9 + 32) + (64 * 32 * 9 + 64) + (3136 * 128 + 128) + (128 * 10 + 10)",
            wrong=421834,
            explanation=T("421,642; इनमें से 401,536 (लगभग 95%) पहली dense layer में हैं। जाँचिए: "
                          "`count_parameters(FashionCNN(batchnorm=False))`।",
                          "421,642; of these, 401,536 (about 95%) are in the first dense layer. Check: "
                          "`count_parameters(FashionCNN(batchnorm=False))`.")),
    ]
