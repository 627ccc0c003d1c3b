"""Practice 06 (CNN image classification): the source's 5 questions, then a 10-class CNN, the flatten size,
the shape after conv + pool, probabilities from logits, and precision and recall from a confusion matrix."""
import numpy as np
import torch
from torch import nn

from ...i18n import T
from ...metrics import precision_recall
from ..core import Code, MultipleChoice, Numeric, Shape, TrueFalse, ok, wrong

TITLE = T("CNN से छवि वर्गीकरण (image classification)", "Image classification with CNNs")
INTRO = T(
    "ये प्रश्न notebook `06_cnn_image_classification` पर आधारित हैं: पहले 5 प्रश्न स्रोत नोट्स के हैं (प्रश्न 2 में "
    "आप 10 classes वाला अपना CNN लिखेंगे), फिर flatten का आकार, conv + pool के बाद का shape, confusion matrix से "
    "precision और recall, softmax और loss के बारे में एक कथन, और parameters की गिनती।",
    "These questions follow the notebook `06_cnn_image_classification`: the first 5 are the source notes' questions "
    "(in question 2 you write your own 10-class CNN), then the flatten size, the shape after conv + pool, precision "
    "and recall from a confusion matrix, a statement about softmax and the loss, and a parameter count.",
)
SETUP = "import numpy as np\nimport torch\nfrom torch import nn"

EXAMPLE_CM = [[8, 1, 1],
              [2, 5, 3],
              [0, 0, 10]]


# ---------------------------------------------------------------- q2: a 10-class CNN
def _grade_simple_cnn(answer):
    """The learner's CNN: an nn.Module with a Conv2d, (B, 3, 32, 32) -> (B, 10) logits, gradients reach the conv."""
    if isinstance(answer, type):
        if not issubclass(answer, nn.Module):
            return wrong("SimpleCNN को nn.Module से बनाइए: class SimpleCNN(nn.Module), और __init__ में "
                         "super().__init__() बुलाइए।",
                         "derive SimpleCNN from nn.Module: class SimpleCNN(nn.Module), and call super().__init__() "
                         "in __init__.")
        model = answer()
    elif isinstance(answer, nn.Module):
        model = answer
    else:
        return wrong(f"उत्तर एक nn.Module class होना चाहिए; मिला {type(answer).__name__}",
                     f"answer with an nn.Module class; got a {type(answer).__name__}")
    convs = [m for m in model.modules() if isinstance(m, nn.Conv2d)]
    if not convs:
        return wrong("इसमें कोई nn.Conv2d नहीं है — CNN की पहचान convolution layer है, जैसे nn.Conv2d(3, 32, 3, padding=1)।",
                     "there is no nn.Conv2d in it — a CNN is defined by its convolution layers, "
                     "e.g. nn.Conv2d(3, 32, 3, padding=1).")
    if convs[0].in_channels != 3:
        return wrong(f"पहली conv layer का in_channels = {convs[0].in_channels}; रंगीन (RGB) image के 3 channels होते हैं।",
                     f"the first conv layer has in_channels = {convs[0].in_channels}; a colour (RGB) image has 3 channels.")
    torch.manual_seed(0)
    for batch in (2, 5):
        model.eval()
        with torch.no_grad():
            out = model(torch.randn(batch, 3, 32, 32))
        if not isinstance(out, torch.Tensor) or tuple(out.shape) != (batch, 10):
            got = tuple(out.shape) if isinstance(out, torch.Tensor) else type(out).__name__
            return wrong(f"({batch}, 3, 32, 32) के input पर output का shape ({batch}, 10) = (batch, classes) होना चाहिए; "
                         f"मिला {got}। Flatten के बाद पहली Linear layer का in_features conv/pool के output से मिलना "
                         "चाहिए (जैसे 64 * 8 * 8), और आख़िरी Linear के 10 outputs।",
                         f"for an input of shape ({batch}, 3, 32, 32) the output must be ({batch}, 10) = (batch, classes); "
                         f"got {got}. After Flatten, the first Linear's in_features must match the conv/pool output "
                         "(e.g. 64 * 8 * 8), and the last Linear needs 10 outputs.")
    if bool((out >= 0).all()) and torch.allclose(out.sum(dim=1), torch.ones(out.shape[0]), atol=1e-4):
        return wrong("output की हर row का जोड़ 1 है: आपका model softmax पर ख़त्म होता है। nn.CrossEntropyLoss logits "
                     "माँगता है और softmax अपने अंदर करता है — आख़िरी nn.Softmax हटाइए; probabilities बाद में "
                     "torch.softmax(logits, dim=1) से निकालिए।",
                     "every row of the output sums to 1: your model ends with a softmax. nn.CrossEntropyLoss expects "
                     "logits and applies softmax inside — remove the final nn.Softmax; get probabilities later with "
                     "torch.softmax(logits, dim=1).")
    model.train()
    model.zero_grad()
    model(torch.randn(2, 3, 32, 32)).sum().backward()
    if convs[0].weight.grad is None or not bool(convs[0].weight.grad.abs().sum() > 0):
        return wrong("पहली conv layer तक gradient नहीं पहुँचता: क्या forward में conv layers सच में इस्तेमाल होती हैं?",
                     "no gradient reaches the first conv layer: are the conv layers really used in forward?")
    n_params = sum(p.numel() for p in model.parameters())
    return ok(f"सही: (B, 3, 32, 32) → (B, 10) logits, {len(convs)} conv layer(s), {n_params:,} parameters।",
              f"right: (B, 3, 32, 32) → (B, 10) logits, {len(convs)} conv layer(s), {n_params:,} parameters.")


class _SoftmaxCNN(nn.Module):
    """The source's network with its nn.Softmax(dim=1) output layer: a known-wrong answer to q2."""

    def __init__(self):
        super().__init__()
        self.net = nn.Sequential(
            nn.Conv2d(3, 32, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2, 2),
            nn.Conv2d(32, 64, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2, 2),
            nn.Flatten(), nn.Linear(64 * 8 * 8, 128), nn.ReLU(), nn.Linear(128, 10), nn.Softmax(dim=1))

    def forward(self, x):
        return self.net(x)


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


# ---------------------------------------------------------------- q5: probabilities
_PROB_CASES = [
    (torch.tensor([[2.0, 1.0, 0.1]]), T("notebook का उदाहरण", "the notebook's example")),
    (torch.tensor([[1.0, 2.0], [3.0, 0.0], [0.5, 0.5]]), T("3 images, 2 classes", "3 images, 2 classes")),
    (torch.tensor([[1000.0, 1001.0, 1002.0]]), T("बड़े logits", "large logits")),
]


def _grade_probabilities(fn):
    """q5: softmax over the classes (dim=1), stable for large logits."""
    for logits, about in _PROB_CASES:
        got = fn(logits.clone())
        got = torch.as_tensor(got.detach().cpu() if hasattr(got, "detach") else got, dtype=torch.float32)
        expected = torch.softmax(logits, dim=1)
        if tuple(got.shape) != tuple(expected.shape):
            return wrong(f"{about.hi}: output का shape {tuple(expected.shape)} = (B, K) होना चाहिए, मिला {tuple(got.shape)}।",
                         f"{about.en}: the output must have shape {tuple(expected.shape)} = (B, K); got {tuple(got.shape)}.")
        if not bool(torch.isfinite(got).all()):
            return wrong(f"{about.hi}: output में nan/inf है। exp(1000) float32 में overflow होता है; पहले हर row का max "
                         "घटाइए (softmax उससे नहीं बदलता), या torch.softmax इस्तेमाल कीजिए।",
                         f"{about.en}: the output contains nan/inf. exp(1000) overflows in float32; subtract each row's "
                         "max first (softmax does not change), or use torch.softmax.")
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
        return wrong(f"{about.hi}: अपेक्षित {[round(v, 4) for v in expected.flatten().tolist()]}, मिला "
                     f"{[round(v, 4) for v in got.flatten().tolist()]}। हर row पर p_k = exp(z_k) / Σ_j exp(z_j)।",
                     f"{about.en}: expected {[round(v, 4) for v in expected.flatten().tolist()]}, got "
                     f"{[round(v, 4) for v in got.flatten().tolist()]}. For each row p_k = exp(z_k) / Σ_j exp(z_j).")
    return ok("सभी cases पास: हर row एक image की probabilities है, जोड़ 1, बड़े logits पर भी।",
              "all cases pass: each row holds one image's probabilities, summing to 1, even for large logits.")


def _probabilities_wrong(logits):
    return torch.softmax(logits, dim=0)          # over the batch: the classic slip


# ---------------------------------------------------------------- q8: precision and recall
_PR_CASES = [
    (np.array(EXAMPLE_CM), T("प्रश्न का उदाहरण", "the example of the question")),
    (np.array([[5, 0, 1], [3, 0, 1], [0, 0, 4]]),
     T("class 1 को model ने कभी predict नहीं किया (column 1 का जोड़ 0)", "the model never predicted class 1 (column 1 sums to 0)")),
]


def _as_array(value):
    value = value.detach().cpu().numpy() if hasattr(value, "detach") else value
    return np.asarray(value, dtype=float)


def _grade_precision_recall(fn):
    """q8: per-class precision (column sums) and recall (row sums), 0 where a denominator is 0."""
    for cm, about in _PR_CASES:
        got = fn(cm.copy())
        if not isinstance(got, (tuple, list)) or len(got) != 2:
            return wrong("दो चीज़ें लौटाइए: return precision, recall", "return two things: return precision, recall")
        precision, recall = (_as_array(g) for g in got)
        exp_p, exp_r = precision_recall(cm)
        if precision.shape != exp_p.shape or recall.shape != exp_r.shape:
            return wrong(f"{about.hi}: precision और recall दोनों की लंबाई {len(exp_p)} (हर class का एक मान) होनी चाहिए; "
                         f"मिले {precision.shape} और {recall.shape}।",
                         f"{about.en}: precision and recall must both have length {len(exp_p)} (one value per class); "
                         f"got {precision.shape} and {recall.shape}.")
        if not (np.isfinite(precision).all() and np.isfinite(recall).all()):
            return wrong(f"{about.hi}: nan/inf मिला — जहाँ denominator 0 है (class कभी predict नहीं हुई) वहाँ 0 लौटाइए।",
                         f"{about.en}: got nan/inf — where the denominator is 0 (a class never predicted) return 0.")
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



def _precision_recall_wrong(cm):
    precision, recall = precision_recall(np.asarray(cm))
    return recall, precision                     # swapped: rows and columns mixed up


def questions():
    return [
        MultipleChoice(
            "q1", T("(स्रोत प्रश्न 1) CNN image classification में कैसे मदद करता है? सही कथन चुनिए।",
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
            why={"c": T("बढ़ा-चढ़ाकर: conv equivariant है (input खिसके तो feature map भी खिसकता है), pooling थोड़ी ही "
                        "invariance देता है; notebook में 4 pixels खिसकाने पर कई predictions बदल गईं।",
                        "an over-statement: conv is equivariant (shift the input and the feature map shifts), pooling "
                        "gives only a little invariance; in the notebook many predictions changed after a 4-pixel shift."),
                 "e": T("नहीं: CNN filters data से सीखता है (end-to-end learning)।",
                        "no: a CNN learns its filters from data (end-to-end learning).")},
            hints=[T("स्रोत तीन हिस्से गिनाता है: convolution, pooling, dense।", "The source lists three parts: convolution, pooling, dense."),
                   T("Notebook का section 12 देखिए: क्या खिसकाने पर predictions 100% वही रहीं?",
                     "See section 12 of the notebook: did the predictions stay 100% the same after a shift?")],
            solution='q1_answer = ["a", "b", "d"]', wrong=["a", "b", "c", "d"],
            explanation=T("Conv (local, साझा filters) + pooling (downsampling) + dense (फ़ैसला); features सीखे जाते हैं, "
                          "और invariance केवल आंशिक है।",
                          "Conv (local, shared filters) + pooling (downsampling) + dense (decision); the features are "
                          "learned, and the invariance is only partial."),
        ),
        Code(
            "q2", T("(स्रोत प्रश्न 2) 10 classes वाला एक simple CNN `SimpleCNN` लिखिए: `nn.Module`, कम से कम एक `nn.Conv2d`, "
                    "और (B, 3, 32, 32) के input पर (B, 10) **logits** (आख़िर में softmax नहीं)।",
                    "(Source question 2) Write a simple 10-class CNN `SimpleCNN`: an `nn.Module` with at least one "
                    "`nn.Conv2d` that maps an input of shape (B, 3, 32, 32) to (B, 10) **logits** (no softmax at the end)."),
            grader=_grade_simple_cnn, answer_name="SimpleCNN", starter=_CNN_STARTER, solution=_CNN_SOLUTION,
            wrong=_SoftmaxCNN,
            hints=[T("Notebook के `CIFAR10CNN` की नकल कीजिए: conv → ReLU → pool दो बार, फिर Flatten और दो Linear layers।",
                     "Copy the notebook's `CIFAR10CNN`: conv → ReLU → pool twice, then Flatten and two Linear layers."),
                   T("दो बार 2×2 pooling के बाद 32×32 → 8×8 बचता है; 64 channels के साथ Flatten के बाद 64 * 8 * 8 = 4096 features।",
                     "After two 2×2 poolings 32×32 → 8×8 remains; with 64 channels Flatten gives 64 * 8 * 8 = 4096 features."),
                   T("आख़िरी layer `nn.Linear(128, 10)` हो, उसके बाद `nn.Softmax` नहीं।",
                     "The last layer is `nn.Linear(128, 10)`, with no `nn.Softmax` after it.")],
            explanation=T("यह स्रोत का CIFAR-10 network है, output layer के softmax के बिना: nn.CrossEntropyLoss logits लेता है।",
                          "This is the source's CIFAR-10 network without the softmax output layer: nn.CrossEntropyLoss "
                          "takes logits."),
        ),
        MultipleChoice(
            "q3", T("(स्रोत प्रश्न 3) Feature map क्या होता है?", "(Source question 3) What is a feature map?"),
            [T("एक filter का पूरी input पर output: एक 2D map जो बताता है कि filter का pattern कहाँ कितना है।",
               "The output of one filter over the whole input: a 2D map of where, and how strongly, the filter's "
               "pattern appears."),
             T("Filter के weights (जैसे 3×3 का matrix)।", "The filter's weights (e.g. a 3×3 matrix)."),
             T("हर class की probability की list।", "The list of probabilities of the classes."),
             T("Dense layer को जाने वाला flatten किया हुआ vector।", "The flattened vector that goes into the dense layer.")],
            "a",
            why={"b": T("वह kernel/filter है; feature map उस filter को image पर फिसलाने से बनता है।",
                        "that is the kernel/filter; the feature map is what sliding that filter over the image produces."),
                 "c": T("वह softmax का output है, network के बिल्कुल आख़िर में।", "that is softmax's output, at the very end of the network."),
                 "d": T("Flatten feature maps को एक vector बनाता है; अब वह 2D map नहीं रहा।",
                        "Flatten turns the feature maps into one vector; it is no longer a 2D map.")},
            hints=[T("Conv layer के output का shape (B, C, H, W) है। एक channel लीजिए।",
                     "A conv layer's output has shape (B, C, H, W). Take one channel."),
                   T("Notebook के section 10 के चित्र देखिए: 'ch 0', 'ch 1', ...", "Look at the figures of section 10: 'ch 0', 'ch 1', ...")],
            solution='q3_answer = "a"', wrong="b",
            explanation=T("एक conv layer के C_out filters C_out feature maps बनाते हैं; `CIFAR10CNN` की पहली layer "
                          "32 maps (32×32) बनाती है।",
                          "The C_out filters of a conv layer produce C_out feature maps; the first layer of "
                          "`CIFAR10CNN` produces 32 maps (32×32)."),
        ),
        MultipleChoice(
            "q4", T("(स्रोत प्रश्न 4) CNN में object recognition की hierarchy क्या होती है? उथली (shallow) से गहरी (deep) "
                    "layers की ओर, बड़े networks में आम तौर पर क्या सीखा जाता है?",
                    "(Source question 4) What is the hierarchy of object recognition in a CNN? From shallow to deep "
                    "layers, what do large networks typically learn?"),
            [T("किनारे (edges) और रंग के धब्बे → textures और हिस्से (parts) → पूरे objects",
               "edges and colour blobs → textures and parts → whole objects"),
             T("पूरे objects → textures → किनारे", "whole objects → textures → edges"),
             T("हर layer एक ही तरह के features सीखती है", "every layer learns the same kind of features"),
             T("पहली layer ही चेहरे (faces) पहचान लेती है", "the first layer already detects faces")],
            "a",
            why={"b": T("उल्टा क्रम: पहली layers केवल छोटे patches (3×3) देखती हैं, इसलिए वे सरल patterns ही पकड़ सकती हैं।",
                        "reversed: the first layers see only small patches (3×3), so they can only pick up simple patterns."),
                 "d": T("3×3 का filter पूरा चेहरा नहीं देख सकता; बड़े patterns गहरी layers में बनते हैं।",
                        "a 3×3 filter cannot see a whole face; large patterns form in deeper layers.")},
            hints=[T("Receptive field: गहरी layer का एक unit input का बड़ा हिस्सा देखता है।",
                     "Receptive field: a unit of a deeper layer sees a larger part of the input."),
                   T("Notebook का section 10 और 13: conv1 के बाद 3×3, pool2 के बाद 10×10 pixels।",
                     "Sections 10 and 13 of the notebook: 3×3 after conv1, 10×10 pixels after pool2.")],
            solution='q4_answer = "a"', wrong="b",
            explanation=T("यह बड़े networks (Zeiler और Fergus, 2014) की आम तस्वीर है, नियम नहीं; हमारे 2-conv network में "
                          "पहली layer edges/रंग और दूसरी आकृति के हिस्से पकड़ती है — चेहरे नहीं।",
                          "This is the common picture from large networks (Zeiler and Fergus, 2014), not a rule; in our "
                          "2-conv network the first layer picks up edges/colours and the second parts of shapes — no faces."),
        ),
        Code(
            "q5", T("(स्रोत प्रश्न 5) PyTorch में prediction probabilities कैसे निकलती हैं? `probabilities(logits)` लिखिए: "
                    "(B, K) logits से (B, K) probabilities, हर row का जोड़ 1।",
                    "(Source question 5) How do you get prediction probabilities in PyTorch? Write "
                    "`probabilities(logits)`: from (B, K) logits to (B, K) probabilities, every row summing to 1."),
            grader=_grade_probabilities, answer_name="probabilities",
            starter="def probabilities(logits):\n    return ____",
            solution="def probabilities(logits):\n    return torch.softmax(logits, dim=1)   # (B, K), softmax over the classes",
            wrong=_probabilities_wrong,
            hints=[T("Softmax: p_k = exp(z_k) / Σ_j exp(z_j), classes के dimension पर।",
                     "Softmax: p_k = exp(z_k) / Σ_j exp(z_j), over the class dimension."),
                   T("(B, K) में classes dimension 1 है।", "In (B, K) the classes are dimension 1."),
                   T("`torch.softmax(logits, dim=1)` — यह बड़े logits पर भी stable है (अंदर max घटाता है)।",
                     "`torch.softmax(logits, dim=1)` — stable even for large logits (it subtracts the max inside).")],
            explanation=T("`torch.softmax(logits, dim=1)`; predicted class `argmax(dim=1)` है, जो logits और probabilities "
                          "दोनों पर एक ही है।",
                          "`torch.softmax(logits, dim=1)`; the predicted class is `argmax(dim=1)`, the same on the logits "
                          "and on the probabilities."),
        ),
        Numeric(
            "q6", T("`CIFAR10CNN` में 3×32×32 image के लिए `nn.Flatten()` के बाद कितने features निकलते हैं (एक image के लिए)?",
                    "In `CIFAR10CNN`, how many features come out of `nn.Flatten()` for one 3×32×32 image?"),
            64 * 8 * 8, rel_tol=0, abs_tol=0.5,
            mistakes={64 * 32 * 32: T("दोनों MaxPool2d(2, 2) भूल गए: हर pool आकार आधा करता है, 32 → 16 → 8।",
                                      "you forgot both MaxPool2d(2, 2): each pool halves the size, 32 → 16 → 8."),
                      64 * 16 * 16: T("एक ही pool गिना; दो हैं: 32 → 16 → 8।", "you counted one pool; there are two: 32 → 16 → 8."),
                      32 * 8 * 8: T("दूसरी conv layer के बाद 64 channels हैं, 32 नहीं।",
                                    "after the second conv layer there are 64 channels, not 32.")},
            hints=[T("padding=1 वाली 3×3 conv आकार नहीं बदलती; MaxPool2d(2, 2) आधा करता है।",
                     "A 3×3 conv with padding=1 keeps the size; MaxPool2d(2, 2) halves it."),
                   T("channels × height × width = 64 × ? × ?", "channels × height × width = 64 × ? × ?")],
            solution="q6_answer = 64 * 8 * 8", wrong=64 * 32 * 32,
            explanation=T("64 × 8 × 8 = 4096 — इसीलिए पहली dense layer `nn.Linear(64 * 8 * 8, 128)` है।",
                          "64 × 8 × 8 = 4096 — that is why the first dense layer is `nn.Linear(64 * 8 * 8, 128)`."),
        ),
        Shape(
            "q7", T("`nn.Conv2d(3, 16, kernel_size=5)` (padding नहीं, stride 1) और फिर `nn.MaxPool2d(2)` के बाद, "
                    "(8, 3, 32, 32) के input का shape क्या होगा?",
                    "What is the shape of an (8, 3, 32, 32) input after `nn.Conv2d(3, 16, kernel_size=5)` (no padding, "
                    "stride 1) followed by `nn.MaxPool2d(2)`?"),
            (8, 16, 14, 14), meaning="(batch, channels, height, width)",
            hints=[T("Conv: n_out = ⌊(n + 2p − k)/s⌋ + 1 = (32 + 0 − 5)/1 + 1।",
                     "Conv: n_out = ⌊(n + 2p − k)/s⌋ + 1 = (32 + 0 − 5)/1 + 1."),
                   T("Conv के बाद 28×28; MaxPool2d(2) आधा करता है।", "After the conv 28×28; MaxPool2d(2) halves it."),
                   T("जाँचिए: `nn.MaxPool2d(2)(nn.Conv2d(3, 16, 5)(torch.zeros(8, 3, 32, 32))).shape`",
                     "Check: `nn.MaxPool2d(2)(nn.Conv2d(3, 16, 5)(torch.zeros(8, 3, 32, 32))).shape`")],
            solution="q7_answer = nn.MaxPool2d(2)(nn.Conv2d(3, 16, 5)(torch.zeros(8, 3, 32, 32))).shape",
            wrong=(8, 16, 16, 16),
            explanation=T("32 − 5 + 1 = 28 (padding के बिना आकार घटता है), फिर 28 / 2 = 14; channels 16; batch 8 वही।",
                          "32 − 5 + 1 = 28 (without padding the size shrinks), then 28 / 2 = 14; 16 channels; the batch "
                          "stays 8."),
        ),
        Code(
            "q8", T("Confusion matrix `cm` (row = सही class, column = predicted class) से हर class का precision और recall "
                    "लौटाने वाला `precision_recall_from_cm(cm)` लिखिए: `(precision, recall)`, दोनों की लंबाई K। जिस class "
                    "का denominator 0 हो, वहाँ 0 लौटाइए। उदाहरण: `cm = [[8, 1, 1], [2, 5, 3], [0, 0, 10]]`।",
                    "Write `precision_recall_from_cm(cm)` that returns the precision and recall of every class from a "
                    "confusion matrix `cm` (row = true class, column = predicted class): `(precision, recall)`, both of "
                    "length K. Where a denominator is 0, return 0. Example: `cm = [[8, 1, 1], [2, 5, 3], [0, 0, 10]]`."),
            grader=_grade_precision_recall, answer_name="precision_recall_from_cm",
            starter=("def precision_recall_from_cm(cm):\n    cm = np.asarray(cm, dtype=float)\n"
                     "    tp = np.diag(cm)                 # (K,) correct predictions per class\n"
                     "    precision = ____\n    recall = ____\n    return precision, recall"),
            solution=("def precision_recall_from_cm(cm):\n    cm = np.asarray(cm, dtype=float)\n"
                      "    tp = np.diag(cm)                 # (K,) correct predictions per class\n"
                      "    predicted = cm.sum(axis=0)       # (K,) column sums: TP + FP\n"
                      "    actual = cm.sum(axis=1)          # (K,) row sums: TP + FN\n"
                      "    precision = np.divide(tp, predicted, out=np.zeros_like(tp), where=predicted > 0)\n"
                      "    recall = np.divide(tp, actual, out=np.zeros_like(tp), where=actual > 0)\n"
                      "    return precision, recall"),
            wrong=_precision_recall_wrong,
            hints=[T("Precision = TP / (TP + FP): column का जोड़ (जितनी बार model ने वह class कही)।",
                     "Precision = TP / (TP + FP): the column sum (how often the model said that class)."),
                   T("Recall = TP / (TP + FN): row का जोड़ (उस class की असली images)।",
                     "Recall = TP / (TP + FN): the row sum (the real images of that class)."),
                   T("0 से भाग से बचने के लिए `np.divide(a, b, out=np.zeros_like(a), where=b > 0)`।",
                     "To avoid dividing by 0: `np.divide(a, b, out=np.zeros_like(a), where=b > 0)`.")],
            explanation=T("उदाहरण में class 2 का precision 10/14 ≈ 0.714 (4 images गलती से class 2 कही गईं) पर recall "
                          "10/10 = 1। `coursekit.metrics.precision_recall` यही करता है।",
                          "In the example, class 2 has precision 10/14 ≈ 0.714 (4 images wrongly called class 2) but "
                          "recall 10/10 = 1. `coursekit.metrics.precision_recall` does the same."),
        ),
        TrueFalse(
            "q9", T("`nn.CrossEntropyLoss` से train करते समय model के आख़िर में `nn.Softmax(dim=1)` लगाना चाहिए।",
                    "When you train with `nn.CrossEntropyLoss`, the model should end with `nn.Softmax(dim=1)`."),
            False,
            hints=[T("`nn.CrossEntropyLoss` अपने input पर क्या करता है?", "What does `nn.CrossEntropyLoss` do to its input?"),
                   T("Notebook का section 6: 10 classes में softmax दो बार लगे तो loss 1.46 से नीचे नहीं जाता।",
                     "Section 6 of the notebook: with softmax applied twice, the loss of 10 classes cannot go below 1.46.")],
            solution="q9_answer = False", wrong=True,
            explanation=T("गलत: `nn.CrossEntropyLoss` logits लेता है और log-softmax ख़ुद करता है। Model logits लौटाए; "
                          "probabilities चाहिए तो `torch.softmax(logits, dim=1)` अलग से।",
                          "False: `nn.CrossEntropyLoss` takes logits and applies log-softmax itself. The model returns "
                          "logits; for probabilities apply `torch.softmax(logits, dim=1)` separately."),
        ),
        Numeric(
            "q10", T("`CIFAR10CNN(num_classes=6)` (हमारा shapes वाला network) में कुल कितने parameters हैं? सूत्र से निकालिए: "
                     "conv: $C_{out} \\cdot C_{in} \\cdot k^2 + C_{out}$, dense: $n_{in} \\cdot n_{out} + n_{out}$।",
                     "How many parameters does `CIFAR10CNN(num_classes=6)` (our shapes network) have in all? Use the "
                     "formulas: conv: $C_{out} \\cdot C_{in} \\cdot k^2 + C_{out}$, dense: $n_{in} \\cdot n_{out} + n_{out}$."),
            896 + 18496 + 524416 + 128 * 6 + 6, rel_tol=0, abs_tol=0.5,
            mistakes={545098: T("यह 10 classes वाले network की गिनती है; आख़िरी layer अब Linear(128, 6) है।",
                                "that is the count for 10 classes; the last layer is now Linear(128, 6)."),
                      544582 - 32 - 64 - 128 - 6: T("biases भूल गए: हर conv/dense layer में हर output का एक bias होता है।",
                                                     "you forgot the biases: every conv/dense layer has one bias per output."),
                      524416: T("यह केवल पहली dense layer है; बाकी तीन layers भी जोड़िए।",
                                "that is only the first dense layer; add the other three layers.")},
            hints=[T("चार layers में parameters हैं: दो Conv2d और दो Linear।", "Four layers have parameters: two Conv2d and two Linear."),
                   T("896 + 18,496 + 524,416 + (128 · 6 + 6)", "896 + 18,496 + 524,416 + (128 · 6 + 6)")],
            solution="q10_answer = (32 * 3 * 9 + 32) + (64 * 32 * 9 + 64) + (4096 * 128 + 128) + (128 * 6 + 6)",
            wrong=545098,
            explanation=T("544,582; इनमें से 524,416 (लगभग 96%) पहली dense layer में हैं।",
                          "544,582; of these, 524,416 (about 96%) are in the first dense layer."),
        ),
    ]
