"""Practice 11 (RNN structure and equations): the source's five questions ("RNN Structure"), then one RNN step and a
whole RNN written by hand and checked against nn.RNN, parameter counts, and translating the sources' letters."""
import torch
from torch import nn

from ...i18n import T
from ..codecheck import Code
from ..core import NotAttempted, contains_placeholder, ok, to_cpu, wrong
from ..kinds import MultipleChoice, Numeric, Shape, TrueFalse

TITLE = T("RNN की संरचना और समीकरण", "RNN structure and equations")
INTRO = T(
    "पहले स्रोत नोट्स `000` (\"RNN Structure\" section) के पाँच अभ्यास-प्रश्न, फिर code: RNN का एक step और पूरा RNN हाथ से, "
    "`nn.RNN` से मिलाकर; parameters की गिनती; और स्रोत नोट्स के अक्षरों का PyTorch के नामों में अनुवाद। `torch` और `nn` पहले "
    "से import हैं।",
    "First the five practice questions of source notes `000` (the \"RNN Structure\" section), then code: one RNN step and a whole "
    "RNN by hand, matched with `nn.RNN`; counting parameters; and translating the sources' letters into PyTorch's "
    "names. `torch` and `nn` are already imported.",
)
SETUP = "import torch\nfrom torch import nn"


def _reference(n_in, H, seed):
    torch.manual_seed(seed)
    rnn = nn.RNN(n_in, H).double()
    W = {k: v.detach().clone() for k, v in rnn.named_parameters()}
    return rnn, W["weight_ih_l0"], W["weight_hh_l0"], W["bias_ih_l0"], W["bias_hh_l0"]


# ------------------------------------------------------------------ q6: one step

def _grade_step(fn):
    """rnn_step(x_t, h_prev, W_ih, W_hh, b_ih, b_hh) against one step of nn.RNN (float64)."""
    for n_in, H, B in ((3, 4, 2), (5, 2, 1), (6, 6, 3)):
        rnn, W_ih, W_hh, b_ih, b_hh = _reference(n_in, H, seed=n_in)
        g = torch.Generator().manual_seed(H)
        x_t = torch.randn(B, n_in, generator=g, dtype=torch.float64)
        h_prev = torch.randn(B, H, generator=g, dtype=torch.float64)
        with torch.no_grad():
            expected = rnn(x_t.unsqueeze(0), h_prev.unsqueeze(0))[1][0]          # (B, H)
        got = fn(*(t.clone() for t in (x_t, h_prev, W_ih, W_hh, b_ih, b_hh)))
        if contains_placeholder(got):
            raise NotAttempted()
        if not isinstance(got, torch.Tensor):
            return wrong(f"एक tensor लौटाइए (h_t, shape {(B, H)}); मिला {type(got).__name__}।",
                         f"return a tensor (h_t, shape {(B, H)}); got a {type(got).__name__}.")
        if tuple(got.shape) != (B, H):
            return wrong(f"h_t का shape (batch, hidden) = {(B, H)} होना चाहिए, मिला {tuple(got.shape)}। x_t (B, I) है, तो "
                         "`x_t @ W_ih.T` (B, H) देता है।",
                         f"h_t should have shape (batch, hidden) = {(B, H)}, got {tuple(got.shape)}. x_t is (B, I), so "
                         "`x_t @ W_ih.T` gives (B, H).")
        got = to_cpu(got)[0].detach().double()
        if torch.allclose(got, expected, atol=1e-6):
            continue
        pre = x_t @ W_ih.T + h_prev @ W_hh.T
        for f, name in ((torch.relu, "ReLU"), (torch.sigmoid, "sigmoid")):
            if torch.allclose(got, f(pre + b_ih + b_hh), atol=1e-6):
                return wrong(f"आपने tanh की जगह {name} लगाया। nn.RNN का default tanh है: h_t का हर मान −1 और 1 के बीच।",
                             f"you applied {name} instead of tanh. nn.RNN's default is tanh: every value of h_t lies "
                             "between −1 and 1.")
        if torch.allclose(got, torch.tanh(pre + b_ih), atol=1e-6) or torch.allclose(got, torch.tanh(pre + b_hh), atol=1e-6):
            return wrong("एक bias छूट गया: PyTorch में दो biases हैं, और दोनों जुड़ते हैं (b_ih + b_hh)।",
                         "one bias is missing: PyTorch has two biases, and both are added (b_ih + b_hh).")
        if torch.allclose(got, pre + b_ih + b_hh, atol=1e-6):
            return wrong("आख़िर में tanh लगाना बाक़ी है।", "the tanh at the end is missing.")
        if torch.allclose(got, torch.tanh(x_t @ W_ih.T + b_ih + b_hh), atol=1e-6):
            return wrong("h_prev का योगदान (h_prev @ W_hh.T) नहीं जुड़ा — यही memory है।",
                         "the contribution of h_prev (h_prev @ W_hh.T) is missing — that is the memory.")
        return wrong(f"I = {n_in}, H = {H}, B = {B} पर आपका h_t nn.RNN से नहीं मिलता (सबसे बड़ा अंतर "
                     f"{(got - expected).abs().max().item():.3g})। सूत्र: tanh(x_t W_ihᵀ + b_ih + h_prev W_hhᵀ + b_hh)।",
                     f"for I = {n_in}, H = {H}, B = {B} your h_t differs from nn.RNN (largest difference "
                     f"{(got - expected).abs().max().item():.3g}). The form: tanh(x_t W_ihᵀ + b_ih + h_prev W_hhᵀ + b_hh).")
    return ok("आपका step nn.RNN के एक step के बराबर है (तीनों आकारों पर)।",
              "your step equals one step of nn.RNN (for all three sizes).")


def _step_one_bias(x_t, h_prev, W_ih, W_hh, b_ih, b_hh):
    """A known-wrong answer: forgets b_hh."""
    return torch.tanh(x_t @ W_ih.T + b_ih + h_prev @ W_hh.T)


def _wrong_step_relu(x_t, h_prev, W_ih, W_hh, b_ih, b_hh):
    """ReLU instead of tanh (reliability review, probe 192)."""
    return torch.relu(x_t @ W_ih.T + b_ih + h_prev @ W_hh.T + b_hh)


_wrong_step_no_tanh = lambda x_t, h_prev, W_ih, W_hh, b_ih, b_hh: x_t @ W_ih.T + b_ih + h_prev @ W_hh.T + b_hh


def _wrong_step_no_memory(x_t, h_prev, W_ih, W_hh, b_ih, b_hh):
    """Leaves out h_prev @ W_hh.T: a plain dense layer, no memory."""
    return torch.tanh(x_t @ W_ih.T + b_ih + b_hh)


# ------------------------------------------------------------------ q7: the whole sequence

def _grade_forward(fn):
    """rnn_forward(x, W_ih, W_hh, b_ih, b_hh, h0) -> (output, h_n) against nn.RNN (float64)."""
    for n_in, H, B, T_ in ((3, 4, 2, 5), (2, 3, 1, 7), (4, 4, 3, 1), (5, 2, 4, 9)):   # T = 1: one step only
        rnn, W_ih, W_hh, b_ih, b_hh = _reference(n_in, H, seed=10 + n_in)
        g = torch.Generator().manual_seed(T_)
        x = torch.randn(T_, B, n_in, generator=g, dtype=torch.float64)
        h0 = torch.randn(1, B, H, generator=g, dtype=torch.float64)
        with torch.no_grad():
            out_ref, hn_ref = rnn(x, h0)
        got = fn(*(t.clone() for t in (x, W_ih, W_hh, b_ih, b_hh, h0)))
        if contains_placeholder(got):
            raise NotAttempted()
        if not (isinstance(got, (tuple, list)) and len(got) == 2 and all(isinstance(t, torch.Tensor) for t in got)):
            return wrong("`nn.RNN` की तरह दो tensors लौटाइए: (output, h_n)।",
                         "return two tensors, as `nn.RNN` does: (output, h_n).")
        out, hn = (to_cpu(t)[0].detach().double() for t in got)
        if tuple(out.shape) != (T_, B, H):
            return wrong(f"output का shape (T, batch, hidden) = {(T_, B, H)} होना चाहिए, मिला {tuple(out.shape)}: "
                         "हर step का h_t, torch.stack से।",
                         f"output should have shape (T, batch, hidden) = {(T_, B, H)}, got {tuple(out.shape)}: the h_t of "
                         "every step, stacked with torch.stack.")
        if tuple(hn.shape) != (1, B, H):
            return wrong(f"h_n का shape (num_layers, batch, hidden) = {(1, B, H)} होना चाहिए, मिला {tuple(hn.shape)}।",
                         f"h_n should have shape (num_layers, batch, hidden) = {(1, B, H)}, got {tuple(hn.shape)}.")
        if not torch.allclose(out[0], out_ref[0], atol=1e-6):
            zeros = torch.tanh(x[0] @ W_ih.T + b_ih + b_hh)
            if torch.allclose(out[0], zeros, atol=1e-6):
                return wrong("पहला step h = 0 से शुरू हुआ, दिए गए h0 से नहीं: h = h0[0] से शुरू कीजिए।",
                             "the first step started from h = 0, not from the given h0: start from h = h0[0].")
            return wrong("पहला step ही nn.RNN से नहीं मिलता: step का सूत्र जाँचिए (दोनों biases, tanh), और h0[0] से शुरू "
                         "कीजिए।",
                         "the very first step differs from nn.RNN: check the step formula (both biases, tanh), and start "
                         "from h0[0].")
        if not torch.allclose(out, out_ref, atol=1e-6):
            return wrong("पहला step सही है, पर बाद के steps नहीं: क्या हर step पर h को नए h_t से बदल रहे हैं (h = ...)? "
                         "h_t को h_{t-1} से बनना है, h0 से नहीं।",
                         "the first step is right but later ones are not: do you replace h with the new h_t at every step "
                         "(h = ...)? h_t must be built from h_{t-1}, not from h0.")
        if not torch.allclose(hn, hn_ref, atol=1e-6):
            return wrong("output सही है, पर h_n नहीं: h_n आख़िरी h_t है, shape (1, batch, hidden)।",
                         "output is right but h_n is not: h_n is the last h_t, with shape (1, batch, hidden).")
    return ok("आपका RNN nn.RNN के बराबर है: output और h_n दोनों।", "your RNN equals nn.RNN: both output and h_n.")


def _forward_without_memory(x, W_ih, W_hh, b_ih, b_hh, h0):
    """A known-wrong answer: uses h0 at every step instead of carrying h forward."""
    states = [torch.tanh(x_t @ W_ih.T + b_ih + h0[0] @ W_hh.T + b_hh) for x_t in x]
    return torch.stack(states), states[-1].unsqueeze(0)


def _forward(x, W_ih, W_hh, b_ih, b_hh, h):
    states = []
    for x_t in x:
        h = torch.tanh(x_t @ W_ih.T + b_ih + h @ W_hh.T + b_hh)
        states.append(h)
    return torch.stack(states), h


def _wrong_forward_h_n_2d(x, W_ih, W_hh, b_ih, b_hh, h0):
    """h_n of shape (B, H) instead of (1, B, H) (reliability review, probe 193)."""
    return _forward(x, W_ih, W_hh, b_ih, b_hh, h0[0])


def _wrong_forward_from_zeros(x, W_ih, W_hh, b_ih, b_hh, h0):
    """Ignores h0 and starts from zeros."""
    output, h = _forward(x, W_ih, W_hh, b_ih, b_hh, torch.zeros_like(h0[0]))
    return output, h.unsqueeze(0)


def _wrong_forward_h_n_first(x, W_ih, W_hh, b_ih, b_hh, h0):
    """h_n is the first state, not the last."""
    output, _ = _forward(x, W_ih, W_hh, b_ih, b_hh, h0[0])
    return output, output[:1]


def questions():
    return [
        MultipleChoice("q1",
            T("(स्रोत नोट्स `000` का प्रश्न 1) RNN में hidden state $h_t$ क्या दर्शाती है?",
              "(Source notes `000`, question 1) What does the hidden state $h_t$ represent in an RNN?"),
            [T("$x_1, \\dots, x_t$ की जानकारी का एक निश्चित आकार ($H$) का सारांश — network की memory",
               "a fixed-size ($H$) summary of the information in $x_1, \\dots, x_t$ — the network's memory"),
             T("केवल वर्तमान input $x_t$ की एक copy", "only a copy of the current input $x_t$"),
             T("हर time step के अलग weights", "separate weights for every time step"),
             T("model का loss", "the model's loss")],
            "a",
            why={"b": T("$h_t$ में $W_{hh} h_{t-1}$ भी है — पिछले सारे steps का असर।",
                        "$h_t$ also contains $W_{hh} h_{t-1}$ — the influence of all earlier steps."),
                 "c": T("weights हर step पर वही हैं (shared); hidden state एक activation है, parameter नहीं।",
                        "the weights are the same at every step (shared); the hidden state is an activation, not a "
                        "parameter.")},
            hints=[T("$h_t = \\tanh(W_{xh} x_t + W_{hh} h_{t-1} + b_h)$ में कौन-कौन से inputs हैं?",
                     "Which inputs appear in $h_t = \\tanh(W_{xh} x_t + W_{hh} h_{t-1} + b_h)$?")],
            solution='q1_answer = "a"', wrong="b",
            explanation=T("$h_t$ memory है: $x_t$ और $h_{t-1}$ से बनी, इसलिए $x_1 \\dots x_t$ सबका असर उसमें है — पर आकार "
                          "हमेशा $H$, इसलिए यह एक (धुँधलाने वाला) सारांश है।",
                          "$h_t$ is the memory: made from $x_t$ and $h_{t-1}$, so it carries the influence of all of "
                          "$x_1 \\dots x_t$ — but its size is always $H$, so it is a (fading) summary.")),
        MultipleChoice("q2",
            T("(स्रोत नोट्स `000` का प्रश्न 2) RNN में समय में weights साझा करने (weight sharing: हर time step पर वही weights) के क्या लाभ हैं?",
              "(Source notes `000`, question 2) What are the benefits of weight sharing (the same weights at every "
              "time step) in an RNN?"),
            [T("parameters की संख्या sequence की लंबाई पर निर्भर नहीं करती",
               "the number of parameters does not depend on the sequence length"),
             T("एक ही model किसी भी लंबाई का sequence चला सकता है", "one model can run a sequence of any length"),
             T("एक position पर सीखा pattern (जैसे \"नहीं\") हर position पर काम आता है",
               'a pattern learned at one position (such as "not") works at every position'),
             T("हर time step अपने ख़ास weights सीखता है", "every time step learns its own special weights"),
             T("इससे घटते (vanishing) gradients की समस्या ख़त्म हो जाती है", "it removes the vanishing-gradient problem")],
            ["a", "b", "c"],
            why={"d": T("यही तो sharing का उलटा है।", "that is the opposite of sharing."),
                 "e": T("उलटा: वही $W_{hh}$ बार-बार गुणा होता है, इसीलिए gradients घटते (vanish) या फटते (explode) हैं।",
                        "the opposite: the same $W_{hh}$ is multiplied again and again, which is why gradients vanish "
                        "or explode.")},
            hints=[T("notebook 11 का section 8: `ScratchRNN(8, 16)` के parameters T = 10 और T = 1000 पर।",
                     "Notebook 11, section 8: the parameters of `ScratchRNN(8, 16)` at T = 10 and T = 1000.")],
            solution='q2_answer = ["a", "b", "c"]', wrong=["a", "e"],
            explanation=T("वही $W_{xh}, W_{hh}, b_h$ हर step पर: parameters लंबाई से स्वतंत्र (nn.RNN(8, 16) = 416), कोई भी "
                          "लंबाई चलती है, और जो सीखा वह हर position पर लागू होता है — जैसे CNN का एक filter पूरी image पर।",
                          "The same $W_{xh}, W_{hh}, b_h$ at every step: the parameters are independent of the length "
                          "(nn.RNN(8, 16) = 416), any length runs, and what is learned applies at every position — "
                          "like one CNN filter over a whole image.")),
        MultipleChoice("q3", T("(स्रोत नोट्स `000` का प्रश्न 3) RNN cell input $x_t$ और पिछली state $h_{t-1}$ से नई state और "
                               "output कैसे निकालता है? सही क्रम चुनिए।",
                               "(Source notes `000`, question 3) How does the RNN cell get the new state and the "
                               "output from the input $x_t$ and the previous state $h_{t-1}$? Choose the right order."),
            [T("$x_t$ को $W_{xh}$ से और $h_{t-1}$ को $W_{hh}$ से गुणा कीजिए, जोड़िए, bias जोड़िए, $\\tanh$ लगाइए → $h_t$; "
               "फिर $y_t = W_{hy} h_t + b_y$",
               "multiply $x_t$ by $W_{xh}$ and $h_{t-1}$ by $W_{hh}$, add, add the bias, apply $\\tanh$ → $h_t$; then "
               "$y_t = W_{hy} h_t + b_y$"),
             T("$x_t$ पर linear layer लगाइए, उसमें $h_{t-1}$ सीधा जोड़िए (बिना matrix), $\\tanh$ लगाइए",
               "apply a linear layer to $x_t$, add $h_{t-1}$ as it is (no matrix), apply $\\tanh$"),
             T("$y_t = \\tanh(W_{hy} h_{t-1})$ पहले, फिर $h_t = y_t + x_t$",
               "first $y_t = \\tanh(W_{hy} h_{t-1})$, then $h_t = y_t + x_t$"),
             T("$x_t$ और $h_{t-1}$ को गुणा (element-wise) कीजिए और softmax लगाइए",
               "multiply $x_t$ and $h_{t-1}$ element-wise and apply a softmax")],
            "a",
            why={"b": T("यह स्रोत नोट्स `000` के cell diagram (`x_t → [Linear Layer] → + h_{t-1} → [tanh]`) की ग़लती है: "
                        "$h_{t-1}$ भी अपने matrix $W_{hh}$ से गुणा होता है।",
                        "that is the mistake of the cell diagram of source notes `000` (`x_t → [Linear Layer] → + "
                        "h_{t-1} → [tanh]`): $h_{t-1}$ is multiplied by its own matrix $W_{hh}$ too.")},
            hints=[T("समीकरण: $h_t = \\tanh(W_{xh} x_t + W_{hh} h_{t-1} + b_h)$, $y_t = W_{hy} h_t + b_y$।",
                     "The equations: $h_t = \\tanh(W_{xh} x_t + W_{hh} h_{t-1} + b_h)$, $y_t = W_{hy} h_t + b_y$.")],
            solution='q3_answer = "a"', wrong="b",
            explanation=T("दोनों inputs अपने-अपने matrix से (या $[x_t; h_{t-1}]$ पर एक linear layer $[W_{xh} \\; "
                          "W_{hh}]$ से), फिर bias और $\\tanh$। Output के लिए $h_t$ पर एक अलग linear layer (`nn.RNN` में "
                          "नहीं होती)।",
                          "Each input through its own matrix (or one linear layer $[W_{xh} \\; W_{hh}]$ on $[x_t; "
                          "h_{t-1}]$), then the bias and $\\tanh$. For the output, a separate linear layer on $h_t$ "
                          "(`nn.RNN` has none).")),
        MultipleChoice("q4", T("(स्रोत नोट्स `000` का प्रश्न 4) $h_t$ का गणितीय सूत्र क्या है?",
                               "(Source notes `000`, question 4) What is the mathematical formula for $h_t$?"),
            ["$h_t = \\tanh(W_{xh} x_t + W_{hh} h_{t-1} + b_h)$",
             "$h_t = \\tanh(W_{xh} x_t) + h_{t-1}$",
             "$h_t = W_{hy} h_{t-1} + b_y$",
             "$h_t = \\operatorname{softmax}(W_{hh} x_t)$"],
            "a",
            hints=[T("दो inputs, दो matrices, एक bias, एक activation।",
                     "Two inputs, two matrices, one bias, one activation.")],
            solution='q4_answer = "a"', wrong="c",
            why={"c": T("$W_{hy}$ output का matrix है: $y_t = W_{hy} h_t + b_y$।",
                        "$W_{hy}$ is the output matrix: $y_t = W_{hy} h_t + b_y$.")},
            explanation=T("PyTorch में यही $h_t = \\tanh(x_t W_{ih}^{\\top} + b_{ih} + h_{t-1} W_{hh}^{\\top} + b_{hh})$ "
                          "है (batch की rows, दो biases)।",
                          "In PyTorch it is $h_t = \\tanh(x_t W_{ih}^{\\top} + b_{ih} + h_{t-1} W_{hh}^{\\top} + "
                          "b_{hh})$ (rows of a batch, two biases).")),
        Shape("q5", T("(स्रोत नोट्स `000` का प्रश्न 5) PyTorch में RNN के input tensor का shape क्या होता है? "
                      "`nn.RNN(input_size=8, hidden_size=16, batch_first=True)` को 4 sequences देने हैं, हर एक 10 steps "
                      "का, हर step पर 8 features। input tensor का shape लिखिए।",
                      "(Source notes `000`, question 5) What is the shape of an RNN's input tensor in PyTorch? You "
                      "want to give `nn.RNN(input_size=8, hidden_size=16, batch_first=True)` 4 sequences of 10 steps "
                      "each, 8 features per step. Write the shape of the input tensor."),
            (4, 10, 8), meaning="(batch, seq_len, input_size)",
            hints=[T("`batch_first=True` → (batch, seq_len, features)।",
                     "`batch_first=True` → (batch, seq_len, features)."),
                   T("default (`batch_first=False`) में यह (10, 4, 8) होता।",
                     "By default (`batch_first=False`) it would be (10, 4, 8).")],
            solution="q5_answer = (4, 10, 8)", wrong=(10, 4, 8),
            explanation=T("batch_first=True: (batch, seq_len, input_size) = (4, 10, 8)। Default में (seq_len, batch, "
                          "input_size); और एक अकेला sequence (seq_len, input_size) भी चलता है।",
                          "batch_first=True: (batch, seq_len, input_size) = (4, 10, 8). By default (seq_len, batch, "
                          "input_size); a single sequence (seq_len, input_size) works too.")),
        Code("q6", T("RNN का एक step लिखिए: `rnn_step(x_t, h_prev, W_ih, W_hh, b_ih, b_hh)`, जहाँ `x_t` (B, I), "
                     "`h_prev` (B, H), `W_ih` (H, I), `W_hh` (H, H), `b_ih` और `b_hh` (H,) हैं। $h_t$ लौटाइए (B, H) — "
                     "checker इसे copy किए weights वाले `nn.RNN` के एक step से मिलाएगा।",
                     "Write one RNN step: `rnn_step(x_t, h_prev, W_ih, W_hh, b_ih, b_hh)`, where `x_t` is (B, I), "
                     "`h_prev` (B, H), `W_ih` (H, I), `W_hh` (H, H), `b_ih` and `b_hh` (H,). Return $h_t$ (B, H) — the "
                     "checker compares it with one step of an `nn.RNN` holding the same weights."),
            grader=_grade_step, answer_name="rnn_step",
            starter="def rnn_step(x_t, h_prev, W_ih, W_hh, b_ih, b_hh):\n"
                    "    a = ____          # the pre-activation, (B, H)\n"
                    "    return ____       # h_t",
            solution="def rnn_step(x_t, h_prev, W_ih, W_hh, b_ih, b_hh):\n"
                     "    a = x_t @ W_ih.T + b_ih + h_prev @ W_hh.T + b_hh    # (B, I)@(I, H) + (B, H)@(H, H) -> (B, H)\n"
                     "    return torch.tanh(a)",
            wrong=_step_one_bias, wrongs=[_wrong_step_relu, _wrong_step_no_tanh, _wrong_step_no_memory],
            hints=[T("हर row एक example है, इसलिए weights transpose होकर दाईं ओर आते हैं: `x_t @ W_ih.T` का shape (B, H) है।",
                     "Rows are examples, so the weights go on the right, transposed: `x_t @ W_ih.T` has shape (B, H)."),
                   T("दोनों biases जोड़िए: `b_ih + b_hh`।", "Add both biases: `b_ih + b_hh`."),
                   T("आख़िर में `torch.tanh`।", "Finally `torch.tanh`.")]),
        Code("q7", T("अब पूरा RNN: `rnn_forward(x, W_ih, W_hh, b_ih, b_hh, h0)`, जहाँ `x` (T, B, I) और `h0` (1, B, H) हैं। "
                     "हर step पर वही weights लगाइए और `(output, h_n)` लौटाइए — `output` (T, B, H) में हर step का $h_t$, "
                     "`h_n` (1, B, H) में आख़िरी। Checker `nn.RNN` से मिलाएगा।",
                     "Now the whole RNN: `rnn_forward(x, W_ih, W_hh, b_ih, b_hh, h0)`, where `x` is (T, B, I) and `h0` "
                     "(1, B, H). Apply the same weights at every step and return `(output, h_n)` — `output` (T, B, H) "
                     "with every step's $h_t$, `h_n` (1, B, H) with the last one. The checker compares with `nn.RNN`."),
            grader=_grade_forward, answer_name="rnn_forward",
            starter="def rnn_forward(x, W_ih, W_hh, b_ih, b_hh, h0):\n"
                    "    h = h0[0]                      # (B, H)\n"
                    "    states = []\n"
                    "    for x_t in x:                  # x_t: (B, I)\n"
                    "        a = x_t @ ____ + ____      # the pre-activation from x_t and h: (B, H)\n"
                    "        h = ____                   # the new h_t\n"
                    "        states.append(h)\n"
                    "    return ____, ____              # output (T, B, H), h_n (1, B, H)",
            solution="def rnn_forward(x, W_ih, W_hh, b_ih, b_hh, h0):\n"
                     "    h = h0[0]                      # (B, H)\n"
                     "    states = []\n"
                     "    for x_t in x:                  # x_t: (B, I); the same weights at every step\n"
                     "        h = torch.tanh(x_t @ W_ih.T + b_ih + h @ W_hh.T + b_hh)\n"
                     "        states.append(h)\n"
                     "    return torch.stack(states), h.unsqueeze(0)",
            wrong=_forward_without_memory,
            wrongs=[_wrong_forward_h_n_2d, _wrong_forward_from_zeros, _wrong_forward_h_n_first],
            hints=[T("loop में `h` को हर बार नए $h_t$ से बदलिए — इसी से memory आगे जाती है।",
                     "In the loop, replace `h` with the new $h_t$ each time — that carries the memory forward."),
                   T("`torch.stack(states)` → (T, B, H); `h.unsqueeze(0)` → (1, B, H)।",
                     "`torch.stack(states)` → (T, B, H); `h.unsqueeze(0)` → (1, B, H).")]),
        Numeric("q8", T("`nn.RNN(input_size=10, hidden_size=20)` में कितने parameters हैं? (पहले सूत्र से गिनिए, फिर "
                        "`sum(p.numel() for p in ...)` से जाँचिए।)",
                        "How many parameters does `nn.RNN(input_size=10, hidden_size=20)` have? (Count with the "
                        "formula first, then check with `sum(p.numel() for p in ...)`.)"),
            640, rel_tol=0, abs_tol=0.5,
            mistakes={620: T("यह किताब का एक-bias वाला सूत्र है; PyTorch में दो biases हैं: +20।",
                             "that is the textbook one-bias formula; PyTorch has two biases: +20."),
                      600: T("biases छूट गए: `bias_ih_l0` और `bias_hh_l0`, 20-20।",
                             "the biases are missing: `bias_ih_l0` and `bias_hh_l0`, 20 each."),
                      240: T("$W_{hh}$ (20 × 20 = 400) छूट गया।", "$W_{hh}$ (20 × 20 = 400) is missing.")},
            hints=[T("$H \\cdot I + H \\cdot H + 2H$", "$H \\cdot I + H \\cdot H + 2H$"),
                   T("200 + 400 + 40", "200 + 400 + 40")],
            solution="q8_answer = sum(p.numel() for p in nn.RNN(input_size=10, hidden_size=20).parameters())",
            wrong=620,
            explanation=T("weight_ih_l0 (20, 10) = 200, weight_hh_l0 (20, 20) = 400, दो biases 20 + 20: कुल 640।",
                          "weight_ih_l0 (20, 10) = 200, weight_hh_l0 (20, 20) = 400, two biases 20 + 20: 640 in all.")),
        Numeric("q9", T("किताब का RNN, एक hidden bias के साथ और output layer $y_t = W_{hy} h_t + b_y$ के साथ: input 5 "
                        "(one-hot), hidden 3, output 1 (sentiment)। कुल parameters कितने?",
                        "The textbook RNN with one hidden bias and an output layer $y_t = W_{hy} h_t + b_y$: input 5 "
                        "(one-hot), hidden 3, output 1 (sentiment). How many parameters in all?"),
            31, rel_tol=0, abs_tol=0.5,
            mistakes={27: T("ये केवल weights हैं (15 + 9 + 3); biases $b_h$ (3) और $b_y$ (1) भी गिनिए।",
                            "those are only the weights (15 + 9 + 3); count the biases $b_h$ (3) and $b_y$ (1) too."),
                      34: T("यह PyTorch की गिनती है (दो hidden biases); प्रश्न एक bias वाला है।",
                            "that is PyTorch's count (two hidden biases); the question has one bias."),
                      42: T('स्रोत नोट्स `002` का "33 weights, 9 biases" output 3 और PyTorch के दो hidden biases वाले '
                            'network की गिनती है; यहाँ output 1 है और hidden bias एक।',
                            "the \"33 weights, 9 biases\" of source notes `002` is the count for a network with output "
                            "3 and PyTorch's two hidden biases; here the output is 1 and there is one hidden bias.")},
            hints=[T("$H \\cdot I + H \\cdot H + H + O \\cdot H + O$",
                     "$H \\cdot I + H \\cdot H + H + O \\cdot H + O$"),
                   T("15 + 9 + 3 + 3 + 1", "15 + 9 + 3 + 3 + 1")],
            solution="q9_answer = 3 * 5 + 3 * 3 + 3 + 1 * 3 + 1", wrong=27,
            explanation=T("$W_{xh}$ 15, $W_{hh}$ 9, $b_h$ 3, $W_{hy}$ 3, $b_y$ 1: कुल 31 "
                          "(`rnn_num_params(5, 3, textbook=True, output_size=1)`)। PyTorch (nn.RNN + nn.Linear) में 3 और: "
                          "34।",
                          "$W_{xh}$ 15, $W_{hh}$ 9, $b_h$ 3, $W_{hy}$ 3, $b_y$ 1: 31 in all "
                          "(`rnn_num_params(5, 3, textbook=True, output_size=1)`). PyTorch (nn.RNN + nn.Linear) has 3 "
                          "more: 34.")),
        Numeric("q10", T("`nn.RNN(input_size=50, hidden_size=64, num_layers=2)` में कितने parameters हैं?",
                         "How many parameters does `nn.RNN(input_size=50, hidden_size=64, num_layers=2)` have?"),
            15744, rel_tol=0, abs_tol=0.5,
            mistakes={14848: T("दूसरी layer का input 50 नहीं, पहली layer की hidden state है: 64।",
                               "the second layer's input is not 50 but the first layer's hidden state: 64."),
                      7424: T("यह केवल पहली layer है; दूसरी layer के अपने weights हैं।",
                              "that is only the first layer; the second layer has its own weights.")},
            hints=[T("Layer 0: $64 \\cdot 50 + 64 \\cdot 64 + 2 \\cdot 64$।",
                     "Layer 0: $64 \\cdot 50 + 64 \\cdot 64 + 2 \\cdot 64$."),
                   T("Layer 1 का input 64 है: $64 \\cdot 64 + 64 \\cdot 64 + 2 \\cdot 64$।",
                     "Layer 1 reads 64 inputs: $64 \\cdot 64 + 64 \\cdot 64 + 2 \\cdot 64$.")],
            solution="q10_answer = sum(p.numel() for p in nn.RNN(50, 64, num_layers=2).parameters())", wrong=14848,
            explanation=T("7424 + 8320 = 15744। ऊपर की layer नीचे की layer की hidden states (64) पढ़ती है।",
                          "7424 + 8320 = 15744. The upper layer reads the hidden states (64) of the layer below.")),
        MultipleChoice("q11",
            T("स्रोत नोट्स `004` लिखते हैं: $H_t = f(W X_t + U H_{t-1})$। PyTorch के `nn.RNN` में $U$ की भूमिका कौन निभाता है?",
              "Source notes `004` write $H_t = f(W X_t + U H_{t-1})$. Which part of PyTorch's `nn.RNN` plays the role "
              "of $U$?"),
            ["`weight_ih_l0`",
             "`weight_hh_l0`",
             "`bias_hh_l0`",
             T("output वाले `nn.Linear` का weight", "the weight of the output `nn.Linear`")],
            "b",
            why={"a": T("`weight_ih_l0` input से गुणा होता है — `004` में वह $W$ है।",
                        "`weight_ih_l0` multiplies the input — in `004` that is $W$.")},
            hints=[T("$U$ किससे गुणा होता है: $X_t$ या $H_{t-1}$?", "What does $U$ multiply: $X_t$ or $H_{t-1}$?"),
                   T("`hh` = hidden → hidden।", "`hh` = hidden → hidden.")],
            solution='q11_answer = "b"', wrong="a",
            explanation=T("`004` में $U$ पिछली memory $H_{t-1}$ से गुणा होता है → `weight_hh_l0`। ध्यान: Goodfellow की किताब "
                          "में उलटा है — वहाँ $U$ input का matrix (`weight_ih_l0`) है और $W$ recurrent। अक्षर नहीं, यह देखिए कि "
                          "matrix किससे गुणा होता है।",
                          "In `004`, $U$ multiplies the previous memory $H_{t-1}$ → `weight_hh_l0`. Careful: "
                          "Goodfellow's textbook has it the other way round — there $U$ is the input matrix "
                          "(`weight_ih_l0`) and $W$ the recurrent one. Look not at the letter but at what the matrix "
                          "multiplies.")),
        TrueFalse("q12",
            T("`bias_hh_l0` को शून्य करके उसका मान `bias_ih_l0` में जोड़ दें, तो RNN का हर output बदल जाता है।",
              "If you set `bias_hh_l0` to zero and add its value to `bias_ih_l0`, every output of the RNN changes."),
            False, hints=[T("समीकरण में दोनों biases कहाँ आते हैं?", "Where do the two biases appear in the equation?")],
            solution="q12_answer = False", wrong=True,
            explanation=T("ग़लत: दोनों biases हमेशा $b_{ih} + b_{hh}$ के जोड़ के रूप में आते हैं, इसलिए जब तक जोड़ "
                          "वही है, function वही रहता है। फ़र्क़ केवल parameters की गिनती में है (हर layer में hidden_size ज़्यादा)।",
                          "False: the two biases only ever appear as the sum $b_{ih} + b_{hh}$, so with the same sum "
                          "the function is the same. The only difference is the parameter count (hidden_size more per "
                          "layer).")),
        TrueFalse("q13", T("`output, h_n = nn.RNN(8, 16)(x)` में `output` ही $y_t = W_{hy} h_t + b_y$ है।",
                           "In `output, h_n = nn.RNN(8, 16)(x)`, `output` is $y_t = W_{hy} h_t + b_y$."),
            False,
            hints=[T("`nn.RNN` के parameters की सूची देखिए: क्या कोई $W_{hy}$ है?",
                     "Look at the list of `nn.RNN`'s parameters: is there a $W_{hy}$?")],
            solution="q13_answer = False", wrong=True,
            explanation=T("ग़लत: `nn.RNN` में output layer नहीं है; `output` हर step की hidden state $h_t$ है। $y_t$ के लिए "
                          "एक अलग `nn.Linear(16, O)` लगाइए।",
                          "False: `nn.RNN` has no output layer; `output` is the hidden state $h_t$ of every step. For "
                          "$y_t$ add a separate `nn.Linear(16, O)`.")),
    ]
