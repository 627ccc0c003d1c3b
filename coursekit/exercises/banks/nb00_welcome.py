"""Practice 00 (welcome): one question of every kind, as a tour of the exercise system."""
import torch
from torch import nn

from ...i18n import T
from ..core import Case, Code, MultipleChoice, Numeric, Open, Shape, TensorValues, TrueFalse, ok, wrong

TITLE = T("स्वागत — अभ्यास प्रणाली से परिचय", "Welcome — a tour of the practice system")
INTRO = T(
    "यह notebook हर तरह का एक प्रश्न दिखाता है: बहुविकल्पी (multiple choice), सही/गलत, संख्या, tensor shape, "
    "tensor के मान, code (एक function और एक `nn.Module`) और एक खुला प्रश्न।",
    "This notebook shows one question of every kind: multiple choice, true/false, a number, a tensor shape, "
    "tensor values, code (a function and an `nn.Module`) and an open question.",
)
SETUP = "import torch\nfrom torch import nn"


def _sigmoid_derivative(x):
    s = torch.sigmoid(torch.as_tensor(x, dtype=torch.float32))
    return s * (1 - s)


def _grade_linear(cls):
    """The learner's MyLinear must have weight (out, in), bias (out,) and match nn.Linear."""
    torch.manual_seed(0)
    layer = cls(3, 2)
    shapes = {name: tuple(p.shape) for name, p in layer.named_parameters()}
    if shapes.get("weight") != (2, 3) or shapes.get("bias") != (2,):
        return wrong(f"MyLinear(3, 2) के parameters के shape weight: (2, 3) = (out, in) और bias: (2,) होने चाहिए; "
                     f"मिले: {shapes}",
                     f"MyLinear(3, 2) must have parameters weight: (2, 3) = (out, in) and bias: (2,); got {shapes}")
    ref = nn.Linear(3, 2)
    with torch.no_grad():
        ref.weight.copy_(layer.weight)
        ref.bias.copy_(layer.bias)
    x = torch.randn(4, 3)
    got = layer(x)
    if tuple(got.shape) != (4, 2):
        return wrong(f"(4, 3) के input पर output का shape (4, 2) = (batch, out) होना चाहिए; मिला {tuple(got.shape)}",
                     f"for an input of shape (4, 3) the output must be (4, 2) = (batch, out); got {tuple(got.shape)}")
    if not torch.allclose(got, ref(x), atol=1e-6):
        return wrong("shape सही है, पर मान nn.Linear से नहीं मिलते: y = x Wᵀ + b याद कीजिए (W का transpose)।",
                     "the shape is right but the values differ from nn.Linear: remember y = x Wᵀ + b (W transposed).")
    return ok("आपकी layer nn.Linear के बराबर है (same weights → same output)।",
              "your layer equals nn.Linear (same weights → same output).")


def questions():
    return [
        MultipleChoice(
            "q1", T("कौन-सा command हर notebook चलाकर `build/` में HTML संस्करण बनाता है?",
                    "Which command runs every notebook and writes the HTML editions into `build/`?"),
            ["`make test`", "`make course`", "`make lab`"], "b",
            why={"a": T("`make test` tests चलाता है, HTML नहीं बनाता।", "`make test` runs the tests; it writes no HTML."),
                 "c": T("`make lab` JupyterLab खोलता है।", "`make lab` opens JupyterLab.")},
            hints=[T("नाम में ही उत्तर है: पूरा कोर्स।", "The name says it: the whole course."),
                   T("README का पहला पन्ना देखिए।", "Look at the first screen of the README.")],
            solution='q1_answer = "b"', wrong="a",
            explanation=T("`make course` (या `python -m coursekit course`)।", "`make course` (or `python -m coursekit course`)."),
        ),
        MultipleChoice(
            "q2", T("हर notebook के कौन-कौन से संस्करण (editions) बनते हैं?", "Which editions does every notebook come in?"),
            [T("हिंदी + English", "Hindi + English"), T("केवल हिंदी", "Hindi only"), T("केवल English", "English only"),
             T("केवल Sanskrit", "Sanskrit only")], ["a", "b", "c"],
            hints=[T("तीन संस्करण हैं।", "There are three editions."),
                   T("`build/html/` के अंदर के folders गिनिए।", "Count the folders under `build/html/`.")],
            solution='q2_answer = ["a", "b", "c"]', wrong=["a", "d"],
        ),
        TrueFalse(
            "q3", T("`coursekit.set_language(\"hi\")` के बाद feedback और hints केवल हिंदी में आते हैं।",
                    "After `coursekit.set_language(\"hi\")`, feedback and hints come in Hindi only."),
            True, hints=[T("इस notebook का पहला cell पढ़िए।", "Read the first cell of this notebook.")],
            solution="q3_answer = True", wrong=False,
        ),
        Numeric(
            "q4", T("`nn.Linear(784, 512)` में कितने parameters हैं? (weights और biases दोनों गिनिए)",
                    "How many parameters does `nn.Linear(784, 512)` have? (count weights and biases)"),
            784 * 512 + 512, rel_tol=0, abs_tol=0.5,
            mistakes={784 * 512: T("यह केवल weights हैं — 512 biases भी जोड़िए।", "that is the weights only — add the 512 biases."),
                      784 + 512: T("weights की संख्या गुणा से आती है, जोड़ से नहीं।", "the weights multiply, they do not add.")},
            hints=[T("weight matrix का shape (512, 784) है।", "The weight matrix has shape (512, 784)."),
                   T("हर output neuron का एक bias होता है।", "Every output neuron has one bias.")],
            solution="q4_answer = 784 * 512 + 512", wrong=784 * 512,
        ),
        Shape(
            "q5", T("`torch.zeros(32, 1, 8, 8).flatten(1)` का shape क्या है?",
                    "What is the shape of `torch.zeros(32, 1, 8, 8).flatten(1)`?"),
            (32, 64), meaning="(batch, features)",
            hints=[T("`flatten(1)` पहली dimension (batch) को छोड़ देता है।", "`flatten(1)` keeps the first (batch) dimension."),
                   T("1 × 8 × 8 = ?", "1 × 8 × 8 = ?")],
            solution="q5_answer = (32, 64)", wrong=(32, 8, 8),
        ),
        TensorValues(
            "q6", T("`x = torch.tensor([-2.0, -0.5, 0.0, 1.5])` पर ReLU लगाइए। परिणाम (tensor) लिखिए।",
                    "Apply ReLU to `x = torch.tensor([-2.0, -0.5, 0.0, 1.5])`. Give the result (a tensor)."),
            [0.0, 0.0, 0.0, 1.5],
            hints=[T("ReLU(x) = max(0, x)।", "ReLU(x) = max(0, x)."), T("`torch.relu(x)` आज़माइए।", "Try `torch.relu(x)`.")],
            solution="q6_answer = torch.relu(torch.tensor([-2.0, -0.5, 0.0, 1.5]))", wrong=[2.0, 0.5, 0.0, 1.5],
        ),
        Code(
            "q7", T("sigmoid का derivative लौटाने वाला function `sigmoid_derivative(x)` लिखिए: σ'(x) = σ(x)(1 − σ(x))।",
                    "Write `sigmoid_derivative(x)`, returning the derivative of the sigmoid: σ'(x) = σ(x)(1 − σ(x))."),
            reference=_sigmoid_derivative, atol=1e-6,
            cases=[Case((torch.tensor(0.0),), about=T("x = 0 पर sigmoid का derivative सबसे बड़ा, 0.25, होता है",
                                                      "the sigmoid derivative peaks at x = 0")),
                   Case((torch.tensor([-3.0, 2.0, 10.0]),))],
            answer_name="sigmoid_derivative",
            starter="def sigmoid_derivative(x):\n    s = torch.sigmoid(x)\n    return ____",
            solution="def sigmoid_derivative(x):\n    s = torch.sigmoid(x)\n    return s * (1 - s)",
            wrong=lambda x: torch.sigmoid(x),
            hints=[T("पहले s = σ(x) निकालिए।", "First compute s = σ(x)."), T("फिर s * (1 - s) लौटाइए।", "Then return s * (1 - s).")],
        ),
        Code(
            "q8", T("`nn.Linear` जैसी अपनी layer `MyLinear(n_in, n_out)` लिखिए: `weight` का shape (n_out, n_in), "
                    "`bias` का (n_out,), और forward में y = x Wᵀ + b।",
                    "Write your own layer `MyLinear(n_in, n_out)` like `nn.Linear`: `weight` of shape (n_out, n_in), "
                    "`bias` of shape (n_out,), and forward computing y = x Wᵀ + b."),
            grader=_grade_linear, answer_name="MyLinear",
            starter=("class MyLinear(nn.Module):\n    def __init__(self, n_in, n_out):\n        super().__init__()\n"
                     "        self.weight = nn.Parameter(torch.randn(n_out, n_in) * 0.1)\n"
                     "        self.bias = nn.Parameter(torch.zeros(n_out))\n\n"
                     "    def forward(self, x):\n        return ____"),
            solution=("class MyLinear(nn.Module):\n    def __init__(self, n_in, n_out):\n        super().__init__()\n"
                      "        self.weight = nn.Parameter(torch.randn(n_out, n_in) * 0.1)\n"
                      "        self.bias = nn.Parameter(torch.zeros(n_out))\n\n"
                      "    def forward(self, x):\n        return x @ self.weight.T + self.bias  # (B, in) @ (in, out) -> (B, out)"),
            wrong=nn.Bilinear,
            hints=[T("x का shape (batch, n_in) है।", "x has shape (batch, n_in)."),
                   T("`x @ self.weight.T + self.bias`", "`x @ self.weight.T + self.bias`")],
        ),
        Open(
            "q9", T("यह कोर्स अपना data internet से download करने के बजाय साथ में क्यों रखता है? दो कारण लिखिए।",
                    "Why does this course ship its data instead of downloading it? Give two reasons."),
            model_answer=T(
                "(1) बहुत से learners के पास तेज़ या स्थायी internet नहीं होता, और class में सबका एक साथ download करना "
                "धीमा होता है; (2) हर बार एक ही data मिलने से परिणाम दोहराए जा सकते हैं (reproducible), और कोई "
                "website बंद हो जाए तो भी notebook चलता रहता है।",
                "(1) Many learners have slow or unreliable internet, and a whole class downloading at once is slow; "
                "(2) the same data every time makes results reproducible, and the notebooks keep working when a "
                "website goes away."),
            hints=[T("एक गाँव के school के computer lab के बारे में सोचिए।", "Think of a village school's computer lab.")],
        ),
    ]
