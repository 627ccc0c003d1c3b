"""Practice 00 (welcome): one question of every kind, as a tour of the exercise system."""
import torch
from torch import nn

from ...i18n import T
from ..codecheck import Case, Code
from ..core import ok, to_cpu, wrong
from ..kinds import MultipleChoice, Numeric, Open, Shape, TensorValues, TrueFalse
from ..modcheck import random_inputs

TITLE = T("स्वागत — अभ्यास प्रणाली से परिचय", "Welcome — a tour of the practice system")
INTRO = T(
    "यह notebook हर तरह का एक प्रश्न दिखाता है: बहुविकल्पी (multiple choice), सही/ग़लत, संख्या, tensor shape, "
    "tensor के मान, code (एक function और एक `nn.Module`) और एक खुला प्रश्न।",
    "This notebook shows one question of every kind: multiple choice, true/false, a number, a tensor shape, "
    "tensor values, code (a function and an `nn.Module`) and an open question.",
)
SETUP = "import torch\nfrom torch import nn"


def _sigmoid_derivative(x):
    s = torch.sigmoid(torch.as_tensor(x, dtype=torch.float32))
    return s * (1 - s)


_wrong_sigmoid_itself = lambda x: torch.sigmoid(x)


def _wrong_one_minus_x(x):
    s = torch.sigmoid(x)
    return s * (1 - x)                      # 1 − x instead of 1 − σ(x)


_wrong_tanh_derivative = lambda x: 1 - torch.tanh(x) ** 2


def _wrong_zeroes_its_input(x):
    x.zero_()                               # changes the caller's tensor: σ'(0) = 0.25 everywhere
    s = torch.sigmoid(x)
    return s * (1 - s)


def _grade_linear(cls):
    """MyLinear(n_in, n_out) must hold weight (out, in) and bias (out,) as parameters and equal nn.Linear."""
    for n_in, n_out in ((3, 2), (5, 4), (1, 1)):
        torch.manual_seed(0)
        layer = cls(n_in, n_out)
        shapes = {name: tuple(p.shape) for name, p in layer.named_parameters()}
        if shapes.get("weight") != (n_out, n_in) or shapes.get("bias") != (n_out,):
            missing = not {"weight", "bias"} <= set(shapes)
            why = T(" दोनों को nn.Parameter में रखिए, तभी optimizer उन्हें सीख पाएगा।",
                    " Wrap both in nn.Parameter, so that an optimizer can learn them.") if missing else T("", "")
            return wrong(f"MyLinear({n_in}, {n_out}) के parameters weight: {(n_out, n_in)} = (out, in) और bias: "
                         f"({n_out},) होने चाहिए; मिले: {shapes}।{why.hi}",
                         f"MyLinear({n_in}, {n_out}) must have parameters weight: {(n_out, n_in)} = (out, in) and bias: "
                         f"({n_out},); got {shapes}.{why.en}")
        ref = nn.Linear(n_in, n_out)
        with torch.no_grad():                    # random weights *and* bias: a zero bias would hide a missing "+ b"
            for p, q in ((layer.weight, ref.weight), (layer.bias, ref.bias)):
                p.copy_(torch.randn(q.shape))
                q.copy_(p.detach().cpu())
        for x in random_inputs((n_in,), batches=(1, 4, 16)):
            got, _ = to_cpu(layer(x.to(layer.weight.device)))
            if tuple(got.shape) != (x.shape[0], n_out):
                return wrong(f"{tuple(x.shape)} के input पर output का shape {(x.shape[0], n_out)} = (batch, out) होना "
                             f"चाहिए; मिला {tuple(got.shape)}।",
                             f"for an input of shape {tuple(x.shape)} the output must be {(x.shape[0], n_out)} = "
                             f"(batch, out); got {tuple(got.shape)}")
            if not torch.allclose(got.float(), ref(x), atol=1e-5):
                return wrong(f"MyLinear({n_in}, {n_out}): shape सही है, पर मान nn.Linear (वही weights) से नहीं मिलते: "
                             "y = x Wᵀ + b याद कीजिए (W का transpose, और bias जोड़ना)।",
                             f"MyLinear({n_in}, {n_out}): the shape is right but the values differ from nn.Linear with "
                             "the same weights: remember y = x Wᵀ + b (W transposed, and the bias added).")
    return ok("आपकी layer nn.Linear के बराबर है (वही weights → वही output)।",
              "your layer equals nn.Linear (same weights → same output).")


class _WrongLinearNoBias(nn.Module):
    def __init__(self, n_in, n_out):
        super().__init__()
        self.weight = nn.Parameter(torch.randn(n_out, n_in) * 0.1)
        self.bias = nn.Parameter(torch.zeros(n_out))

    def forward(self, x):
        return x @ self.weight.T                 # the bias is never added


class _WrongLinearInOut(_WrongLinearNoBias):
    def __init__(self, n_in, n_out):
        super().__init__(n_in, n_out)
        self.weight = nn.Parameter(torch.randn(n_in, n_out) * 0.1)   # (in, out): not nn.Linear's layout

    def forward(self, x):
        return x @ self.weight + self.bias


class _WrongLinearPlainTensors(nn.Module):
    def __init__(self, n_in, n_out):
        super().__init__()
        self.weight = torch.randn(n_out, n_in) * 0.1   # plain tensors: not parameters, never learned
        self.bias = torch.zeros(n_out)

    def forward(self, x):
        return x @ self.weight.T + self.bias


def questions():
    return [
        MultipleChoice("q1", T("कौन-सा command हर notebook चलाकर `build/` में HTML संस्करण बनाता है?",
                               "Which command runs every notebook and writes the HTML editions into `build/`?"),
            ["`make test`", "`make course`", "`make lab`"], "b",
            why={"a": T("`make test` tests चलाता है, HTML नहीं बनाता।", "`make test` runs the tests; it writes no HTML."),
                 "c": T("`make lab` JupyterLab खोलता है।", "`make lab` opens JupyterLab.")},
            hints=[T("नाम में ही उत्तर है: पूरा course।", "The name says it: the whole course."),
                   T("README का पहला पन्ना देखिए।", "Look at the first screen of the README.")],
            solution='q1_answer = "b"', wrong="a",
            explanation=T("`make course` (या `python -m coursekit course`)।",
                          "`make course` (or `python -m coursekit course`).")),
        MultipleChoice("q2",
            T("हर notebook के कौन-कौन से संस्करण (editions) बनते हैं?", "Which editions does every notebook come in?"),
            [T("हिंदी + English", "Hindi + English"), T("केवल हिंदी", "Hindi only"), T("केवल English", "English only"),
             T("केवल संस्कृत", "Sanskrit only")],
            ["a", "b", "c"],
            hints=[T("तीन संस्करण हैं।", "There are three editions."),
                   T("`build/html/` के अंदर के folders गिनिए।", "Count the folders under `build/html/`.")],
            solution='q2_answer = ["a", "b", "c"]', wrong=["a", "d"]),
        TrueFalse("q3", T("`coursekit.set_language(\"hi\")` के बाद feedback और hints केवल हिंदी में आते हैं।",
                          "After `coursekit.set_language(\"hi\")`, feedback and hints come in Hindi only."),
            True, hints=[T("इस notebook का पहला cell पढ़िए।", "Read the first cell of this notebook.")],
            solution="q3_answer = True", wrong=False),
        Numeric(
            "q4", T("`nn.Linear(784, 512)` में कितने parameters हैं? (weights और biases दोनों गिनिए)",
                    "How many parameters does `nn.Linear(784, 512)` have? (count weights and biases)"),
            784 * 512 + 512, rel_tol=0, abs_tol=1e-6,   # a count is a whole number: 401920.4 is not it
            mistakes={784 * 512: T("ये केवल weights हैं — 512 biases भी जोड़िए।", "that is the weights only — add the 512 biases."),
                      784 + 512: T("weights की संख्या गुणा से आती है, जोड़ से नहीं।", "the weights multiply, they do not add.")},
            hints=[T("weight matrix का shape (512, 784) है।", "The weight matrix has shape (512, 784)."),
                   T("हर output neuron का एक bias होता है।", "Every output neuron has one bias.")],
            solution="q4_answer = 784 * 512 + 512", wrong=784 * 512,),
        Shape("q5", T("`torch.zeros(32, 1, 8, 8).flatten(1)` का shape क्या है?",
                      "What is the shape of `torch.zeros(32, 1, 8, 8).flatten(1)`?"),
            (32, 64), meaning="(batch, features)",
            hints=[T("`flatten(1)` पहली dimension (batch) को नहीं छूता, उसे वैसी ही रहने देता है।",
                     "`flatten(1)` keeps the first (batch) dimension."),
                   T("1 × 8 × 8 = ?", "1 × 8 × 8 = ?")],
            solution="q5_answer = (32, 64)", wrong=(32, 8, 8), wrongs=[(32.9, 64.7), (64, 32)]),
        TensorValues("q6", T("`x = torch.tensor([-2.0, -0.5, 0.0, 1.5])` पर ReLU लगाइए। परिणाम (tensor) लिखिए।",
                             "Apply ReLU to `x = torch.tensor([-2.0, -0.5, 0.0, 1.5])`. Give the result (a tensor)."),
            [0.0, 0.0, 0.0, 1.5],
            hints=[T("ReLU(x) = max(0, x)।", "ReLU(x) = max(0, x)."),
                   T("`torch.relu(x)` आज़माइए।", "Try `torch.relu(x)`.")],
            solution="q6_answer = torch.relu(torch.tensor([-2.0, -0.5, 0.0, 1.5]))", wrong=[2.0, 0.5, 0.0, 1.5]),
        Code("q7", T("sigmoid का derivative लौटाने वाला function `sigmoid_derivative(x)` लिखिए: σ'(x) = σ(x)(1 − σ(x))।",
                     "Write `sigmoid_derivative(x)`, returning the derivative of the sigmoid: σ'(x) = σ(x)(1 − σ(x))."),
            reference=_sigmoid_derivative, atol=1e-6,
            cases=[Case((torch.tensor(0.0),),
                        about=T("x = 0 पर sigmoid का derivative सबसे बड़ा, 0.25, होता है",
                                "the sigmoid derivative peaks at x = 0")),
                   Case((torch.tensor([-3.0, 2.0, 10.0]),)),
                   Case((torch.tensor([[-20.0, 0.5], [1.0, -0.1]]),),
                        about=T("2-D tensor; x = −20 पर σ' लगभग 0 (saturation)",
                                "a 2-D tensor; σ' is almost 0 at x = −20 (saturation)"))],
            answer_name="sigmoid_derivative",
            starter="def sigmoid_derivative(x):\n    s = torch.sigmoid(x)\n    return ____",
            solution="def sigmoid_derivative(x):\n    s = torch.sigmoid(x)\n    return s * (1 - s)",
            wrongs=[_wrong_sigmoid_itself, _wrong_one_minus_x, _wrong_tanh_derivative, _wrong_zeroes_its_input,
                    lambda x: torch.full_like(x, 0.25)],
            hints=[T("पहले s = σ(x) निकालिए।", "First compute s = σ(x)."),
                   T("फिर s * (1 - s) लौटाइए।", "Then return s * (1 - s).")]),
        Code("q8", T("`nn.Linear` जैसी अपनी layer `MyLinear(n_in, n_out)` लिखिए: `weight` का shape (n_out, n_in), "
                     "`bias` का (n_out,), और forward में y = x Wᵀ + b।",
                     "Write your own layer `MyLinear(n_in, n_out)` like `nn.Linear`: `weight` of shape (n_out, n_in), "
                     "`bias` of shape (n_out,), and forward computing y = x Wᵀ + b."),
            grader=_grade_linear, answer_name="MyLinear",
            starter="class MyLinear(nn.Module):\n    def __init__(self, n_in, n_out):\n        super().__init__()\n"
                    "        self.weight = nn.Parameter(torch.randn(n_out, n_in) * 0.1)\n"
                    "        self.bias = nn.Parameter(torch.zeros(n_out))\n\n"
                    "    def forward(self, x):\n        return ____",
            solution="class MyLinear(nn.Module):\n    def __init__(self, n_in, n_out):\n        super().__init__()\n"
                     "        self.weight = nn.Parameter(torch.randn(n_out, n_in) * 0.1)\n"
                     "        self.bias = nn.Parameter(torch.zeros(n_out))\n\n"
                     "    def forward(self, x):\n        return x @ self.weight.T + self.bias  # (B, in) @ (in, out) -> (B, out)",
            wrongs=[nn.Bilinear, _WrongLinearNoBias, _WrongLinearInOut, _WrongLinearPlainTensors],
            hints=[T("x का shape (batch, n_in) है।", "x has shape (batch, n_in)."),
                   T("`x @ self.weight.T + self.bias`", "`x @ self.weight.T + self.bias`")]),
        Open("q9", T("यह course अपना data internet से download करने के बजाय साथ में क्यों रखता है? दो कारण लिखिए।",
                     "Why does this course ship its data instead of downloading it? Give two reasons."),
            model_answer=T("(1) बहुत से विद्यार्थियों के पास तेज़ या स्थायी internet नहीं होता, और class में सबका एक साथ download "
                           "करना धीमा होता है; (2) हर बार एक ही data मिलने से परिणाम दोहराए जा सकते हैं (reproducible), और "
                           "कोई website बंद हो जाए तो भी notebook चलता रहता है।",
                           "(1) Many learners have slow or unreliable internet, and a whole class downloading at once "
                           "is slow; (2) the same data every time makes results reproducible, and the notebooks keep "
                           "working when a website goes away."),
            hints=[T("एक गाँव के school के computer lab के बारे में सोचिए।", "Think of a village school's computer lab.")]),
    ]
