"""Practice 10 (introduction to RNNs): the source's five questions ("Introduction to RNNs"), then nn.RNN's shapes
(batch_first, several layers, both directions, no batch), source 002's one-hot shapes, a 1-D CNN's window, and
running an nn.RNN yourself."""
import torch
from torch import nn

from ...i18n import T
from ..codecheck import Code
from ..core import NotAttempted, contains_placeholder, ok, to_cpu, wrong
from ..kinds import MultipleChoice, Numeric, Shape, TrueFalse

TITLE = T("RNN का परिचय", "Introduction to RNNs")
INTRO = T(
    "पहले स्रोत नोट्स (\"Introduction to RNNs\") के पाँच अभ्यास-प्रश्न, फिर `nn.RNN` के shapes का अनुमान, स्रोत नोट्स "
    "`002` का one-hot उदाहरण, 1-D CNN की खिड़की, और एक `nn.RNN` ख़ुद चलाना। `torch` और `nn` पहले से import हैं। Shape "
    "का उत्तर एक tuple (जैसे `(4, 10, 16)`) या एक tensor हो सकता है — अनुमान लगाइए, फिर चलाकर जाँचिए।",
    "First the five practice questions of the source notes (\"Introduction to RNNs\"), then predicting `nn.RNN`'s shapes, "
    "source `002`'s one-hot example, a 1-D CNN's window, and running an `nn.RNN` yourself. `torch` and `nn` are already "
    "imported. A shape answer can be a tuple (e.g. `(4, 10, 16)`) or a tensor — predict first, then run it to check.",
)

# The learner does not have the source notes: say what they are (each question quotes what it needs).
INTRO = T(INTRO.hi + " स्रोत नोट्स वे Hinglish lecture notes (`000`–`004`) हैं जिनके क्रम पर यह course चलता है; वे course "
          "के साथ नहीं आते, इसलिए जो प्रश्न उनसे लिया गया है या उनकी कोई बात सुधारता है, उसमें उनकी वह बात लिखी है।",
          INTRO.en + " The source notes are the Hinglish lecture notes (`000`–`004`) whose order this course follows; "
          "they do not come with the course, so every question taken from them, or correcting them, states what they "
          "say.")
SETUP = "import torch\nfrom torch import nn"


# ------------------------------------------------------------------ q5: run an nn.RNN
RUN_SIZES = ((5, 3), (2, 7), (1, 1), (3, 12))      # (batch, T): several batch sizes and lengths, one step alone


def _slip(fn_out, x, seed):
    """Name the usual slip when run_rnn's output is not nn.RNN(10, 20, batch_first=True)'s, or return None."""
    output, h_n = fn_out
    if not output.abs().sum():
        return T("output में सारे मान शून्य हैं — RNN चला ही नहीं। nn.RNN बनाइए और उसे x पर चलाइए: output, h_n = rnn(x)।",
                 "every value of output is zero — no RNN ran. Build an nn.RNN and run it on x: output, h_n = rnn(x).")
    slips = [(lambda: nn.GRU(10, 20, batch_first=True),
              T("यह nn.GRU का output है; प्रश्न simple RNN (nn.RNN) माँगता है।",
                "this is the output of an nn.GRU; the question asks for a simple RNN (nn.RNN).")),
             (lambda: nn.RNN(10, 20, batch_first=True, nonlinearity="relu"),
              T("यह nonlinearity='relu' वाला RNN है; simple RNN का default tanh है।",
                "this is an RNN with nonlinearity='relu'; the simple RNN's default is tanh.")),
             (lambda: nn.RNN(10, 20),
              T("`batch_first=True` छूट गया: PyTorch आपके (B, T, 10) को (T, B, 10) पढ़ता है — कोई error नहीं, पर batch और "
                "समय आपस में बदल गए।",
                "`batch_first=True` is missing: PyTorch reads your (B, T, 10) as (T, B, 10) — no error, but batch and "
                "time are swapped."))]
    for build, why in slips:
        with torch.random.fork_rng(devices=[]):
            torch.manual_seed(seed)
            other = build()
        with torch.no_grad():
            out, h = other(x.clone())
        if out.shape == output.shape and torch.allclose(output, out, atol=1e-5) and torch.allclose(h_n, h, atol=1e-5):
            return why
    return None


def _grade_run_rnn(fn):
    """run_rnn(x) must build nn.RNN(10, 20, batch_first=True) and return its (output, h_n) for x of shape (B, T, 10).

    The generator is seeded before the learner's call and before the reference's construction, so a right answer
    builds exactly the reference's weights."""
    for seed, (B, T_) in enumerate(RUN_SIZES):
        x = torch.randn(B, T_, 10, generator=torch.Generator().manual_seed(100 + seed))
        with torch.random.fork_rng(devices=[]):
            torch.manual_seed(seed)
            out = fn(x.clone())
            torch.manual_seed(seed)
            reference = nn.RNN(10, 20, batch_first=True)
        if contains_placeholder(out):
            raise NotAttempted()
        if isinstance(out, (tuple, list)) and len(out) == 2 and isinstance(out[1], (tuple, list)):
            return wrong("दूसरा हिस्सा (h_n, c_n) का जोड़ा है: यह nn.LSTM है। प्रश्न simple RNN (nn.RNN) माँगता है, जो "
                         "(output, h_n) लौटाता है।",
                         "the second item is a pair (h_n, c_n): that is an nn.LSTM. The question asks for a simple RNN "
                         "(nn.RNN), which returns (output, h_n).")
        if not (isinstance(out, (tuple, list)) and len(out) == 2 and all(isinstance(t, torch.Tensor) for t in out)):
            return wrong("function को `nn.RNN` की तरह दो tensors लौटाने हैं: (output, h_n)।",
                         "the function must return two tensors, as `nn.RNN` does: (output, h_n).")
        output, h_n = (to_cpu(t)[0].detach().float() for t in out)
        if tuple(output.shape) != (B, T_, 20):
            return wrong(f"x का shape {(B, T_, 10)} = (batch, T, input) है; output {(B, T_, 20)} होना चाहिए, मिला "
                         f"{tuple(output.shape)}। hidden_size = 20 है? batch_first=True है?",
                         f"x has shape {(B, T_, 10)} = (batch, T, input); output should be {(B, T_, 20)}, got "
                         f"{tuple(output.shape)}. Is hidden_size = 20? Is batch_first=True?")
        if tuple(h_n.shape) != (1, B, 20):
            extra = T(" (num_layers = 1 रखिए)", " (keep num_layers = 1)") if h_n.shape[0] != 1 else T("", "")
            if tuple(h_n.shape) == (1, T_, 20):
                extra = T(" — लगता है `batch_first=True` छूट गया: तब PyTorch आपके (B, T, 10) को (T, B, 10) पढ़ता है; कोई "
                          "error नहीं, पर अर्थ ग़लत (batch और समय आपस में बदल गए)",
                          " — it looks like `batch_first=True` is missing: then PyTorch reads your (B, T, 10) as "
                          "(T, B, 10); no error, but the wrong meaning (batch and time swapped)")
            return wrong(f"h_n का shape (num_layers, batch, hidden) = {(1, B, 20)} होना चाहिए, मिला {tuple(h_n.shape)}"
                         f"{extra.hi}।",
                         f"h_n should have shape (num_layers, batch, hidden) = {(1, B, 20)}, got {tuple(h_n.shape)}"
                         f"{extra.en}.")
        if not torch.allclose(output[:, -1], h_n[-1], atol=1e-6):
            return wrong("output का आख़िरी step (output[:, -1]) h_n[-1] के बराबर नहीं — क्या दोनों एक ही RNN call से आए हैं?",
                         "the last step of output (output[:, -1]) differs from h_n[-1] — do both come from the same RNN "
                         "call?")
        with torch.no_grad():
            exp_out, exp_h = reference(x.clone())
        if not (torch.allclose(output, exp_out, atol=1e-5) and torch.allclose(h_n, exp_h, atol=1e-5)):
            why = _slip((output, h_n), x, seed) or T(
                "shapes सही हैं, पर मान nn.RNN(10, 20, batch_first=True) से नहीं मिलते। Checker हर call से पहले random "
                "generator को seed करता है: run_rnn के अंदर सबसे पहले वही nn.RNN बनाइए (बाहर बना RNN या पहले का "
                "torch.randn weights बदल देता है), और उसे x पर सीधे चलाइए।",
                "the shapes are right, but the values differ from nn.RNN(10, 20, batch_first=True). The checker seeds "
                "the random generator before each call: build that nn.RNN first thing inside run_rnn (an RNN built "
                "outside, or a torch.randn before it, changes the weights), and run it on x directly.")
            return wrong(f"x का shape {(B, T_, 10)}: {why.hi}", f"x of shape {(B, T_, 10)}: {why.en}")
    return ok(f"सही ({len(RUN_SIZES)} अलग batch sizes और लंबाइयों पर): output (batch, T, 20) में हर step की hidden state है, "
              "h_n (1, batch, 20) में आख़िरी।",
              f"right (for {len(RUN_SIZES)} different batch sizes and lengths): output (batch, T, 20) holds the hidden "
              "state of every step, h_n (1, batch, 20) the last one.")


def _run_rnn_forgot_batch_first(x):
    """A known-wrong answer: nn.RNN without batch_first=True."""
    return nn.RNN(10, 20)(x)


def _wrong_run_rnn_zeros(x):
    """Zeros of the right shapes: no RNN at all (reliability review, item 7)."""
    return torch.zeros(x.shape[0], x.shape[1], 20), torch.zeros(1, x.shape[0], 20)


def _wrong_run_rnn_gru(x):
    """nn.GRU instead of nn.RNN (reliability review, item 7)."""
    return nn.GRU(10, 20, batch_first=True)(x)


_wrong_run_rnn_lstm = lambda x: nn.LSTM(10, 20, batch_first=True)(x)
_wrong_run_rnn_relu = lambda x: nn.RNN(10, 20, batch_first=True, nonlinearity="relu")(x)
_wrong_run_rnn_two_layers = lambda x: nn.RNN(10, 20, num_layers=2, batch_first=True)(x)


def _wrong_run_rnn_last_only(x):
    """Returns the last state as the output too."""
    output, h_n = nn.RNN(10, 20, batch_first=True)(x)
    return output[:, -1:].expand_as(output), h_n


def questions():
    return [
        MultipleChoice("q1",
            T("(स्रोत नोट्स का प्रश्न 1) RNN किस प्रकार की समस्याओं के लिए उपयुक्त है? इनमें से कौन-से काम RNN के लिए स्वाभाविक हैं?",
              "(Source question 1) What kind of problems is an RNN suited for? Which of these tasks are natural for an "
              "RNN?"),
            [T("वाक्य के अब तक के शब्दों से अगला शब्द बताना", "guessing the next word from the words of a sentence so far"),
             T("एक 28×28 की अकेली तस्वीर में अंक (digit) पहचानना", "recognising the digit in a single 28×28 image"),
             T("अंग्रेज़ी वाक्य का हिंदी में अनुवाद", "translating an English sentence into Hindi"),
             T("पिछले 30 दिनों के तापमान से कल का तापमान", "tomorrow's temperature from the last 30 days"),
             T("5 अलग-अलग, बिना क्रम वाले features (कमरे, क्षेत्रफल, …) से घर की क़ीमत",
               "a house price from 5 separate, unordered features (rooms, area, …)")],
            ["a", "c", "d"],
            why={"b": T("एक अकेली तस्वीर sequence नहीं है: यह CNN का काम है (notebooks 05–08)।",
                        "a single image is not a sequence: that is a job for a CNN (notebooks 05–08)."),
                 "e": T("इन features का कोई क्रम नहीं; एक साधारण MLP काफ़ी है।",
                        "these features have no order; a plain MLP is enough.")},
            hints=[T("पूछिए: क्या input एक क्रम (sequence) है, जहाँ पहले आई चीज़ बाद वाली का अर्थ बदलती है?",
                     "Ask: is the input a sequence, where what came first changes the meaning of what follows?"),
                   T("तीन विकल्प sequences हैं: शब्द, शब्द, और दिन-ब-दिन के मान।",
                     "Three options are sequences: words, words, and day-by-day values.")],
            solution='q1_answer = ["a", "c", "d"]', wrong=["a", "b"],
            explanation=T("RNN वहाँ उपयुक्त है जहाँ data एक क्रम है और पिछले steps अगले को प्रभावित करते हैं: भाषा (अगला शब्द, "
                          "अनुवाद, sentiment), आवाज़, time series। अकेली तस्वीर या बिना क्रम के features के लिए CNN या MLP "
                          "बेहतर हैं।",
                          "An RNN fits where the data is a sequence and earlier steps affect later ones: language "
                          "(next word, translation, sentiment), speech, time series. For a single image or unordered "
                          "features a CNN or an MLP is better.")),
        MultipleChoice("q2", T("(स्रोत नोट्स का प्रश्न 2) RNN में hidden state का क्या काम है?",
                               "(Source question 2) What does the hidden state do in an RNN?"),
            [T("अब तक के inputs का एक निश्चित आकार का सारांश रखना, जो हर step पर update होकर अगले step में जाता है",
               "it keeps a fixed-size summary of the inputs so far, updated at every step and passed to the next"),
             T("अब तक पढ़े सारे शब्दों की एक सूची रखना, जो हर step पर एक शब्द लंबी होती जाती है",
               "it keeps a list of all words read so far, one word longer at every step"),
             T("यह model का अंतिम output (class) है", "it is the model's final output (the class)"),
             T("यह learning rate को हर step पर बदलती है", "it changes the learning rate at every step")],
            "a",
            why={"b": T("यह स्रोत नोट्स `004` की \"Memory: I + am\" वाली तस्वीर है, पर असल में $h_t$ में हमेशा ठीक $H$ संख्याएँ होती हैं।",
                        "that is source `004`'s \"Memory: I + am\" picture, but in fact $h_t$ is always the same $H$ "
                        "numbers."),
                 "c": T("output $y_t = W_{hy} h_t + b_y$ hidden state से बनता है, पर वह ख़ुद hidden state नहीं।",
                        "the output $y_t = W_{hy} h_t + b_y$ is made from the hidden state, but is not the hidden "
                        "state.")},
            hints=[T("`nn.RNN(10, 20)` के `h_n` का आकार 3 शब्दों के बाद और 300 शब्दों के बाद क्या है?",
                     "What is the size of `h_n` of `nn.RNN(10, 20)` after 3 words, and after 300 words?")],
            solution='q2_answer = "a"', wrong="b",
            explanation=T("$h_t = \\tanh(W_{xh} x_t + W_{hh} h_{t-1} + b_h)$: हर step पर नया input पिछली memory के साथ "
                          "मिलकर नई memory बनाता है। इसका आकार (hidden_size) sequence की लंबाई पर निर्भर नहीं — यह एक "
                          "सारांश है।",
                          "$h_t = \\tanh(W_{xh} x_t + W_{hh} h_{t-1} + b_h)$: at every step the new input and the "
                          "previous memory make the new memory. Its size (hidden_size) does not depend on the sequence "
                          "length — it is a summary.")),
        MultipleChoice("q3", T("(स्रोत नोट्स का प्रश्न 3) RNN को unroll करना क्या है? कौन-से कथन सही हैं?",
                               "(Source question 3) What is unrolling an RNN? Which statements are right?"),
            [T("loop को समय में फैलाकर लिखना: हर time step के लिए cell की एक copy, सबमें वही weights",
               "writing the loop out in time: one copy of the cell per time step, all with the same weights"),
             T("unroll करने से parameters $T$ गुना हो जाते हैं", "unrolling multiplies the parameters by $T$"),
             T("खोला हुआ RNN $T$ layers वाले गहरे network जैसा है; इसीलिए लंबे sequences पर घटते (vanishing) gradients की समस्या आती है",
               "the unrolled RNN is like a deep network of $T$ layers; that is why long sequences bring vanishing "
               "gradients"),
             T("खोले हुए चित्र में $h_{t-1}$ से अगले cell तक तीर नहीं होता",
               "the unrolled picture has no arrow from $h_{t-1}$ into the next cell")],
            ["a", "c"],
            why={"b": T("सारी copies वही weights साझा करती हैं; गिनती नहीं बदलती।",
                        "all copies share the same weights; the count does not change."),
                 "d": T("वही तीर ($W_{hh}$) RNN की पहचान है — स्रोत नोट्स `000` के चित्र में यह छूट गया है।",
                        "that arrow ($W_{hh}$) is what makes it an RNN — source `000`'s picture leaves it out.")},
            hints=[T("notebook 10 के section 4 का चित्र देखिए: लाल तीर क्या जोड़ते हैं?",
                     "Look at the picture of notebook 10, section 4: what do the red arrows connect?")],
            solution='q3_answer = ["a", "c"]', wrong=["a", "b"],
            explanation=T("Unrolling केवल लिखने का तरीक़ा है: वही cell, वही weights, $T$ बार। इससे backpropagation through "
                          "time (notebook 13) समझ आता है, और यह भी कि gradient $T$ steps के गुणा से गुज़रता है।",
                          "Unrolling is only a way of writing it: the same cell, the same weights, $T$ times. It "
                          "explains backpropagation through time (notebook 13), and why the gradient passes through "
                          "$T$ multiplications.")),
        MultipleChoice("q4", T("(स्रोत नोट्स का प्रश्न 4) Vanilla RNN की सीमाएँ कौन-सी हैं?",
                               "(Source question 4) What are the limitations of a vanilla RNN?"),
            [T("घटते (vanishing) gradients: दूर के steps तक gradient लगभग शून्य पहुँचता है",
               "vanishing gradient: almost no gradient reaches distant steps"),
             T("फटते (exploding) gradients", "exploding gradients"),
             T("छोटी memory: लंबी दूरी की निर्भरताएँ (long-term dependencies) भूल जाना", "short memory: forgetting long-term dependencies"),
             T("steps एक के बाद एक चलते हैं, इसलिए training धीमी और parallel नहीं",
               "the steps run one after another, so training is slow and not parallel"),
             T("यह अलग-अलग लंबाई के sequences नहीं ले सकता", "it cannot take sequences of different lengths")],
            ["a", "b", "c", "d"],
            why={"e": T("उलटा: RNN हर step पर वही weights लगाता है, इसलिए कोई भी लंबाई चलती है।",
                        "the opposite: an RNN applies the same weights at every step, so any length works.")},
            hints=[T("notebook 10 का section 7: gradient हर step पर किससे गुणा होता है?",
                     "Notebook 10, section 7: what is the gradient multiplied by at every step?")],
            solution='q4_answer = ["a", "b", "c", "d"]', wrong=["a", "e"],
            explanation=T("gradient हर step पर $W_{hh}$ और $\\tanh'$ से गुणा होता है: गुणक < 1 तो gradients घटते (vanishing) हैं (छोटी memory), "
                          "> 1 तो फटते (exploding) हैं (gradient clipping)। $h_t$ के लिए $h_{t-1}$ चाहिए, इसलिए समय में parallel "
                          "नहीं। इलाज: LSTM/GRU (notebook 15)।",
                          "The gradient is multiplied by $W_{hh}$ and $\\tanh'$ at every step: a factor < 1 gives "
                          "vanishing (short memory), > 1 exploding (gradient clipping). $h_t$ needs $h_{t-1}$, so "
                          "nothing runs in parallel over time. Cure: LSTM/GRU (notebook 15).")),
        Code("q5", T("(स्रोत नोट्स का प्रश्न 5) PyTorch में एक simple RNN कैसे बनाते और चलाते हैं? `run_rnn(x)` लिखिए: `x` का shape "
                     "`(batch, T, 10)` है; function के अंदर एक `nn.RNN` बनाइए (input 10, hidden 20, एक layer, batch पहले) "
                     "और `(output, h_n)` लौटाइए। Checker हर call से पहले random seed तय करता है और आपके output को उसी seed "
                     "से बने `nn.RNN` से मिलाता है।",
                     "(Source question 5) How do you build and run a simple RNN in PyTorch? Write `run_rnn(x)`: `x` "
                     "has shape `(batch, T, 10)`; inside the function, build an `nn.RNN` (input 10, hidden 20, one "
                     "layer, batch first) and return `(output, h_n)`. The checker fixes the random seed before each "
                     "call and compares your output with an `nn.RNN` built from the same seed."),
            grader=_grade_run_rnn, answer_name="run_rnn",
            starter="def run_rnn(x):\n"
                    "    rnn = ____                  # nn.RNN(...)\n"
                    "    output, h_n = rnn(x)\n"
                    "    return output, h_n",
            solution="def run_rnn(x):\n"
                     "    rnn = nn.RNN(input_size=10, hidden_size=20, num_layers=1, batch_first=True)\n"
                     "    output, h_n = rnn(x)          # (B, T, 20), (1, B, 20)\n"
                     "    return output, h_n",
            wrong=_run_rnn_forgot_batch_first,
            wrongs=[_wrong_run_rnn_zeros, _wrong_run_rnn_gru, _wrong_run_rnn_lstm, _wrong_run_rnn_relu,
                    _wrong_run_rnn_two_layers, _wrong_run_rnn_last_only],
            hints=[T("`nn.RNN(input_size=..., hidden_size=..., num_layers=..., batch_first=...)`",
                     "`nn.RNN(input_size=..., hidden_size=..., num_layers=..., batch_first=...)`"),
                   T("x का पहला axis batch है, इसलिए `batch_first=True` चाहिए।",
                     "The first axis of x is the batch, so you need `batch_first=True`.")]),
        Shape("q6", T("`rnn = nn.RNN(input_size=8, hidden_size=16, batch_first=True)` और `x = torch.randn(4, 10, 8)`। "
                      "`output, h_n = rnn(x)` के बाद `output` का shape क्या है?",
                      "`rnn = nn.RNN(input_size=8, hidden_size=16, batch_first=True)` and `x = torch.randn(4, 10, 8)`. "
                      "After `output, h_n = rnn(x)`, what is the shape of `output`?"),
            (4, 10, 16), meaning="(batch, T, hidden_size)",
            hints=[T("`batch_first=True`: x = (batch, T, input) = (4, 10, 8)।",
                     "`batch_first=True`: x = (batch, T, input) = (4, 10, 8)."),
                   T("output में हर step की hidden state है।", "output holds the hidden state of every step.")],
            solution="q6_answer = nn.RNN(8, 16, batch_first=True)(torch.randn(4, 10, 8))[0].shape", wrong=(1, 4, 16),
            explanation=T("output = $(B, T, H)$ = (4, 10, 16): 4 sequences, 10 steps, हर step पर 16 संख्याएँ।",
                          "output = $(B, T, H)$ = (4, 10, 16): 4 sequences, 10 steps, 16 numbers per step.")),
        Shape("q7",
            T("उसी `rnn` और `x` के लिए `h_n` का shape क्या है?", "For the same `rnn` and `x`, what is the shape of `h_n`?"),
            (1, 4, 16), meaning="(num_layers, batch, hidden_size)",
            hints=[T("`batch_first` का `h_n` पर कोई असर नहीं।", "`batch_first` has no effect on `h_n`."),
                   T("h_n = हर layer की आख़िरी hidden state।", "h_n = every layer's last hidden state.")],
            solution="q7_answer = nn.RNN(8, 16, batch_first=True)(torch.randn(4, 10, 8))[1].shape", wrong=(4, 1, 16),
            explanation=T("h_n = $(L \\cdot D, B, H)$ = (1, 4, 16), `batch_first=True` होने पर भी। (4, 1, 16) सबसे आम "
                          "ग़लती है।",
                          "h_n = $(L \\cdot D, B, H)$ = (1, 4, 16), even with `batch_first=True`. (4, 1, 16) is the "
                          "most common mistake.")),
        Shape("q8", T("`nn.RNN(8, 16, num_layers=2)` (default `batch_first=False`) को `torch.randn(10, 4, 8)` दें। `h_n` "
                      "का shape?",
                      "Feed `torch.randn(10, 4, 8)` to `nn.RNN(8, 16, num_layers=2)` (default `batch_first=False`). "
                      "The shape of `h_n`?"),
            (2, 4, 16), meaning="(num_layers, batch, hidden_size)",
            hints=[T("default में x = (T, batch, input) = (10, 4, 8)।", "By default x = (T, batch, input) = (10, 4, 8)."),
                   T("हर layer की अपनी आख़िरी hidden state।", "Every layer has its own last hidden state.")],
            solution="q8_answer = nn.RNN(8, 16, num_layers=2)(torch.randn(10, 4, 8))[1].shape", wrong=(1, 4, 16),
            explanation=T("दो layers → h_n में दो hidden states: (2, 4, 16)। output केवल आख़िरी layer का है: (10, 4, 16)।",
                          "Two layers → two hidden states in h_n: (2, 4, 16). output is only the last layer's: (10, 4, "
                          "16).")),
        Shape("q9", T("`nn.RNN(8, 16, num_layers=2, batch_first=True)` को batch 4 के साथ अपना `h0` देना है। `h0` का shape "
                      "क्या होना चाहिए?",
                      "You want to give `nn.RNN(8, 16, num_layers=2, batch_first=True)` your own `h0` for a batch of "
                      "4. What shape must `h0` have?"),
            (2, 4, 16), meaning="(num_layers, batch, hidden_size)",
            hints=[T("`batch_first` केवल `x` और `output` का क्रम बदलता है।",
                     "`batch_first` only changes the order of `x` and `output`.")],
            solution="q9_answer = (2, 4, 16)", wrong=(4, 2, 16),
            explanation=T("h0 हमेशा (num_layers · directions, batch, hidden) है: (2, 4, 16)। (4, 2, 16) देने पर PyTorch "
                          "RuntimeError देता है।",
                          "h0 is always (num_layers · directions, batch, hidden): (2, 4, 16). With (4, 2, 16) PyTorch "
                          "raises a RuntimeError.")),
        Shape("q10",
            T("`nn.RNN(8, 16, batch_first=True, bidirectional=True)` को `torch.randn(4, 10, 8)` दें। `output` का shape?",
              "Feed `torch.randn(4, 10, 8)` to `nn.RNN(8, 16, batch_first=True, bidirectional=True)`. The shape of "
              "`output`?"),
            (4, 10, 32), meaning="(batch, T, 2 · hidden_size)",
            hints=[T("दोनों दिशाओं की hidden states हर step पर जोड़ (concatenate) दी जाती हैं।",
                     "The hidden states of both directions are concatenated at every step.")],
            solution="q10_answer = nn.RNN(8, 16, batch_first=True, bidirectional=True)(torch.randn(4, 10, 8))[0].shape",
            wrong=(4, 10, 16),
            explanation=T("output = $(B, T, D \\cdot H)$ = (4, 10, 32); h_n = (2, 4, 16)। दोनों दिशाओं पर notebook 14।",
                          "output = $(B, T, D \\cdot H)$ = (4, 10, 32); h_n = (2, 4, 16). Both directions: notebook "
                          "14.")),
        Shape("q11", T("बिना batch के: `nn.RNN(8, 16)` को एक ही sequence `torch.randn(10, 8)` दें। `output` का shape?",
                       "Without a batch: feed a single sequence `torch.randn(10, 8)` to `nn.RNN(8, 16)`. The shape of "
                       "`output`?"),
            (10, 16), meaning="(T, hidden_size)",
            hints=[T("2 dimensions वाला input = (T, input), unbatched।",
                     "An input with 2 dimensions = (T, input), unbatched.")],
            solution="q11_answer = nn.RNN(8, 16)(torch.randn(10, 8))[0].shape", wrong=(1, 10, 16),
            explanation=T("Unbatched input पर output (T, H) = (10, 16) और h_n (1, 16) है।",
                          "For an unbatched input, output is (T, H) = (10, 16) and h_n is (1, 16).")),
        Shape("q12", T('स्रोत नोट्स `002` का उदाहरण: vocabulary में 5 शब्द (movie, was, good, bad, not), one-hot vectors, और '
                       'सबसे लंबा review "movie was not good"। तीनों reviews को `batch_first=True` के लिए एक batch में pad '
                       'करें तो input tensor का shape क्या है?',
                       "Source `002`'s example: 5 words in the vocabulary (movie, was, good, bad, not), one-hot "
                       "vectors, and the longest review is \"movie was not good\". Padding the three reviews into one "
                       "batch for `batch_first=True`, what is the shape of the input tensor?"),
            (3, 4, 5), meaning="(batch, timesteps, features)",
            hints=[T("batch = 3 reviews; timesteps = सबसे लंबे review के शब्द; features = one-hot की लंबाई।",
                     "batch = 3 reviews; timesteps = words of the longest review; features = the one-hot length."),
                   T("5 शब्दों के one-hot vectors में 5 संख्याएँ होती हैं (स्रोत नोट्स की table में 4 हैं — वह ग़लती है)।",
                     "One-hot vectors for 5 words have 5 numbers (the source's table has 4 — that is a mistake).")],
            solution="q12_answer = (3, 4, 5)", wrong=(3, 4, 4),
            explanation=T('(3, 4, 5): एक sample (4, 5) = "(timesteps, features)" है, जैसा स्रोत नोट्स कहते हैं; PyTorch आगे '
                          'batch जोड़ता है। हर शब्द का अपना one-hot vector (लंबाई 5); पूरी तरह शून्य vector केवल padding के लिए है।',
                          '(3, 4, 5): one sample is (4, 5) = "(timesteps, features)", as the source says; PyTorch adds '
                          'a batch in front. Every word has its own one-hot vector (length 5); the all-zero vector is '
                          'only for padding.')),
        Numeric("q13", T("1-D CNN की खिड़की: kernel size 5 वाली 3 `nn.Conv1d` layers (stride 1) के बाद एक output कितने "
                         "input steps देखता है?",
                         "A 1-D CNN's window: after 3 `nn.Conv1d` layers of kernel size 5 (stride 1), how many input "
                         "steps does one output see?"),
            13, rel_tol=0, abs_tol=0.5,
            mistakes={15: T("3 × 5 = 15 नहीं: हर layer पिछली खिड़की में केवल $k - 1 = 4$ steps जोड़ती है।",
                            "not 3 × 5 = 15: each layer adds only $k - 1 = 4$ steps to the previous window."),
                      5: T("यह एक layer की खिड़की है।", "that is the window of one layer.")},
            hints=[T("सूत्र: $1 + L(k - 1)$।", "Formula: $1 + L(k - 1)$."), T("$1 + 3 \\cdot 4$", "$1 + 3 \\cdot 4$")],
            solution="q13_answer = 1 + 3 * (5 - 1)", wrong=15,
            explanation=T("$1 + 3 \\cdot (5 - 1) = 13$ steps। CNN sequence पढ़ता है, पर सीमित खिड़की से; RNN का $h_t$ सारे "
                          "पिछले steps पर निर्भर है (सिद्धांत में)।",
                          "$1 + 3 \\cdot (5 - 1) = 13$ steps. A CNN reads sequences, but through a limited window; an "
                          "RNN's $h_t$ depends on all previous steps (in principle).")),
        TrueFalse("q14", T("स्रोत नोट्स `002` कहते हैं: \"CNN and feed-forward NN's can only be used when input size is fixed "
                           "and there is no dependencies among the inputs\"। यह कथन सही है।",
                           "Source `002` says: \"CNN and feed-forward NN's can only be used when input size is fixed "
                           "and there is no dependencies among the inputs\". This statement is true."),
            False,
            hints=[T("क्या `nn.Conv1d` अलग-अलग लंबाई के sequences पर चलता है?",
                     "Does `nn.Conv1d` run on sequences of different lengths?"),
                   T("क्या image के पड़ोसी pixels आपस में जुड़े (dependent) हैं? CNN उन्हीं पर बना है।",
                     "Are the neighbouring pixels of an image dependent? The CNN is built on them.")],
            solution="q14_answer = False", wrong=True,
            explanation=T("ग़लत: 1-D CNN किसी भी लंबाई पर चलता है और पड़ोसी steps की dependency पकड़ता है — पर केवल अपनी "
                          "सीमित खिड़की $1 + L(k - 1)$ में। RNN का फ़ायदा यह है कि उसकी memory (सिद्धांत में) पूरा अतीत देखती है।",
                          "False: a 1-D CNN runs on any length and captures the dependency between neighbouring steps "
                          "— but only within its limited window $1 + L(k - 1)$. The RNN's advantage is that its memory "
                          "(in principle) sees the whole past.")),
    ]
