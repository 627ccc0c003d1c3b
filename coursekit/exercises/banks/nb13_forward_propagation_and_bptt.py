"""Practice 13 (forward propagation and BPTT): the source's one-hot example and parameter count, o₁ and o₂ by
hand, one BPTT gradient by hand and as code, gradients through time, clipping and truncated BPTT, and the
RNN limitations question of source 000."""
from ...i18n import T
from ..kinds import MultipleChoice, Numeric, Open, Shape, TensorValues, TrueFalse
from ._mistakes import CodeWithMistakes
from ._nb13_graders import (
    BPTT_CASES,
    BPTT_MISTAKES,
    G5,
    G5_LAST,
    O4,
    ONE_HOT_CASES,
    ONE_HOT_MISTAKES,
    Q4,
    _dL_dwh,
    _one_hot_sentence,
    _wrong_split,
)

TITLE = T("आगे का प्रसार और समय में पीछे का प्रसार (BPTT)", "Forward propagation and backpropagation through time")
INTRO = T(
    "ये प्रश्न notebook `notebooks/13_forward_propagation_and_bptt.ipynb` पर आधारित हैं: स्रोत नोट्स `002` का one-hot उदाहरण, हाथ से "
    "$o_1$ और $o_2$, एक BPTT gradient (संख्या से और code से), parameters की गिनती, समय के साथ gradients, clipping और "
    "truncated BPTT। `math`, `np` (NumPy), `tokenize`, `Vocab` और `one_hot` (coursekit.text से) पहले से import हैं।",
    "These questions follow the notebook `notebooks/13_forward_propagation_and_bptt.ipynb`: the one-hot example of "
    "source notes `002`, $o_1$ and $o_2$ by hand, one BPTT gradient (as a number and as code), counting parameters, gradients "
    "through time, clipping and truncated BPTT. `math`, `np` (NumPy), `tokenize`, `Vocab` and `one_hot` (from "
    "coursekit.text) are already imported.",
)
SETUP = "import math\nimport numpy as np\nfrom coursekit.text import Vocab, one_hot, tokenize"

def questions():
    return [
        MultipleChoice("q1", T('स्रोत नोट्स (`002`) की one-hot table: vocabulary में 5 शब्द हैं (movie, was, good, bad, not), '
                               'पर हर vector की लंबाई 4 है और "not" = `[0 0 0 0]`। इसमें क्या ग़लत है?',
                               "The source's (`002`) one-hot table: the vocabulary has 5 words (movie, was, good, bad, "
                               "not), but every vector has length 4 and \"not\" = `[0 0 0 0]`. What is wrong with it?"),
            [T("5 शब्दों के लिए vectors की लंबाई 5 होनी चाहिए; \"not\" = `[0 0 0 0 1]`",
               "5 words need vectors of length 5; \"not\" = `[0 0 0 0 1]`"),
             T("शून्य vector padding जैसा दिखता है, इसलिए \"movie was not good\" में \"not\" खो जाता है",
               "the zero vector looks like padding, so the \"not\" of \"movie was not good\" is lost"),
             T("कुछ ग़लत नहीं: सबसे कम आने वाले शब्द को शून्य vector देना आम तरीक़ा है",
               "nothing is wrong: giving the rarest word the zero vector is common practice"),
             T("vector की लंबाई reviews की संख्या (3) होनी चाहिए",
               "the length of a vector should be the number of reviews (3)")],
            ["a", "b"],
            why={"c": T("शून्य vector पर $W_{xh} \\cdot \\mathbf{0} = \\mathbf{0}$: उस शब्द का network पर कोई असर नहीं, और "
                        "वह padding से अलग नहीं दिखता।",
                        "for the zero vector $W_{xh} \\cdot \\mathbf{0} = \\mathbf{0}$: the word has no effect on the "
                        "network, and it cannot be told apart from padding."),
                 "d": T("one-hot vector की लंबाई vocabulary का आकार है, data set का नहीं।",
                        "the length of a one-hot vector is the size of the vocabulary, not of the data set.")},
            hints=[T("One-hot vector में ठीक एक जगह 1 होता है। `[0 0 0 0]` में कितने 1 हैं?",
                     "A one-hot vector has a 1 in exactly one place. How many 1s does `[0 0 0 0]` have?"),
                   T("छोटे review (3 शब्द) को 4 steps तक भरने के लिए कौन-सा vector लगाया जाता है?",
                     "Which vector fills a short review (3 words) up to 4 steps?")],
            solution='q1_answer = ["a", "b"]', wrong="c",
            explanation=T('5 शब्द → लंबाई 5 के vectors, हर शब्द की अपनी जगह। शून्य vector केवल padding के लिए है; नोट्स की table में '
                          '"not" — जिस पर "movie was not good" का पूरा sentiment टिका है — padding बन गया। नोट्स ख़ुद input '
                          'shape (4, 5) लिखते हैं, जो 5 features मानता है।',
                          "5 words → vectors of length 5, each word with its own position. The zero vector is for "
                          "padding only; in the source's table \"not\" — on which the whole sentiment of \"movie was "
                          "not good\" rests — became padding. The source itself gives the input shape (4, 5), which "
                          "assumes 5 features.")),
        Shape("q2",
            T('तीनों reviews ("movie was good", "movie was bad", "movie was not good") को 5 शब्दों के one-hot vectors में बदलकर, '
              'सबसे लंबे review तक pad करके, एक batch `X` में रखा गया है (batch पहले, `batch_first=True`)। `X` का shape क्या है?',
              'The three reviews ("movie was good", "movie was bad", "movie was not good") are encoded with the '
              'one-hot vectors of the 5 words, padded to the longest review, and put in one batch `X` (batch first, '
              '`batch_first=True`). What is the shape of `X`?'),
            (3, 4, 5), meaning="(batch, time steps, features)",
            hints=[T("एक review का shape (time steps, features) है: सबसे लंबे review में कितने शब्द हैं?",
                     "One review has the shape (time steps, features): how many words does the longest review have?"),
                   T("features = vocabulary का आकार; batch = reviews की संख्या।",
                     "features = the size of the vocabulary; batch = the number of reviews.")],
            solution="q2_answer = (3, 4, 5)", wrong=(4, 5),
            explanation=T('एक review (4, 5) है — स्रोत नोट्स का "(no. of timesteps, no. of features)"; तीन reviews का '
                          'batch (3, 4, 5)।',
                          "One review is (4, 5) — the source's \"(no. of timesteps, no. of features)\"; a batch of "
                          "three reviews is (3, 4, 5).")),
        CodeWithMistakes("q3",
            T('`one_hot_sentence(sentence, words, T)` लिखिए: वाक्य को `tokenize` से शब्दों में तोड़िए, हर शब्द को `words` '
              '(vocabulary की list) में उसके index से one-hot vector बनाइए, और $T$ तक **आगे** शून्य rows (pre-padding) लगाइए। '
              'लौटाइए: shape `(T, len(words))` का array। उदाहरण: `one_hot_sentence("movie was good", ["movie", "was", '
              '"good", "bad", "not"], 4)` की पहली row शून्य है, फिर movie, was, good।',
              'Write `one_hot_sentence(sentence, words, T)`: split the sentence into words with `tokenize`, turn each '
              'word into the one-hot vector of its index in `words` (the vocabulary as a list), and put zero rows **in '
              'front** up to $T$ (pre-padding). Return an array of shape `(T, len(words))`. Example: '
              '`one_hot_sentence("movie was good", ["movie", "was", "good", "bad", "not"], 4)` has a zero first row, '
              'then movie, was, good.'),
            reference=_one_hot_sentence, answer_name="one_hot_sentence", cases=ONE_HOT_CASES, mistakes=ONE_HOT_MISTAKES,
            wrongs=[_wrong_split],
            starter="def one_hot_sentence(sentence, words, T):\n"
                    "    vocab = Vocab(words, specials=())\n"
                    "    idx = ____                       # the index of every word of tokenize(sentence)\n"
                    "    x = np.zeros((T, len(words)))    # (T, V)\n"
                    "    x[T - len(idx):] = ____          # one-hot rows at the end, zero rows (padding) in front\n"
                    "    return x",
            solution="def one_hot_sentence(sentence, words, T):\n"
                     "    vocab = Vocab(words, specials=())\n"
                     "    idx = [vocab.stoi[w] for w in tokenize(sentence)]\n"
                     "    x = np.zeros((T, len(words)))    # (T, V)\n"
                     "    x[T - len(idx):] = one_hot(idx, len(words)).numpy()\n"
                     "    return x",
            hints=[T("`tokenize(\"Movie was BAD\")` → `['movie', 'was', 'bad']`; `vocab.stoi[w]` शब्द का index देता है।",
                     "`tokenize(\"Movie was BAD\")` → `['movie', 'was', 'bad']`; `vocab.stoi[w]` gives a word's "
                     "index."),
                   T("`one_hot(idx, len(words))` एक torch tensor `(len(idx), V)` देता है; `.numpy()` से array बनाइए।",
                     "`one_hot(idx, len(words))` gives a torch tensor `(len(idx), V)`; make it an array with "
                     "`.numpy()`."),
                   T("Pre-padding: असली शब्द आख़िरी `len(idx)` rows में, यानी `x[T - len(idx):]`।",
                     "Pre-padding: the real words go into the last `len(idx)` rows, that is `x[T - len(idx):]`.")],
            explanation=T("Many-to-one model का output आख़िरी step से आता है, इसलिए padding आगे रखने से आख़िरी step पर हमेशा "
                          "review का असली आख़िरी शब्द रहता है।",
                          "A many-to-one model's output comes from the last step, so putting the padding in front "
                          "keeps the review's real last word at the last step.")),
        TensorValues("q4",
            T(f"हाथ से forward propagation: एक scalar RNN, $o_t = \\tanh(w_i x_t + w_h o_{{t-1}} + b)$, $o_0 = 0$, जहाँ "
              f"$w_i = {Q4['w_i']}$, $w_h = {Q4['w_h']}$, $b = {Q4['b']}$ और inputs $x_1 = {Q4['xs'][0]}$, "
              f"$x_2 = {Q4['xs'][1]}$। `[o_1, o_2]` लिखिए (दशमलव के बाद 4 अंकों तक सही)।",
              f"Forward propagation by hand: a scalar RNN, $o_t = \\tanh(w_i x_t + w_h o_{{t-1}} + b)$, $o_0 = 0$, "
              f"with $w_i = {Q4['w_i']}$, $w_h = {Q4['w_h']}$, $b = {Q4['b']}$ and inputs $x_1 = {Q4['xs'][0]}$, "
              f"$x_2 = {Q4['xs'][1]}$. Give `[o_1, o_2]` (right to 4 decimals)."),
            O4, atol=1e-4,
            hints=[T("$o_1 = \\tanh(0.6 \\cdot 1.0 + (-0.5) \\cdot 0 + 0.1) = \\tanh(0.7)$।",
                     "$o_1 = \\tanh(0.6 \\cdot 1.0 + (-0.5) \\cdot 0 + 0.1) = \\tanh(0.7)$."),
                   T("$o_2$ में $o_1$ का मान लगाइए: $\\tanh(0.6 \\cdot 2.0 - 0.5\\, o_1 + 0.1)$। Python में `math.tanh`।",
                     "Put the value of $o_1$ into $o_2$: $\\tanh(0.6 \\cdot 2.0 - 0.5\\, o_1 + 0.1)$. In Python: "
                     "`math.tanh`.")],
            solution="o1 = math.tanh(0.6 * 1.0 + (-0.5) * 0.0 + 0.1)\n"
                     "o2 = math.tanh(0.6 * 2.0 + (-0.5) * o1 + 0.1)\n"
                     "q4_answer = [o1, o2]",
            wrong=[0.7, 1.3 - 0.5 * 0.7],
            explanation=T(f"$o_1 = \\tanh(0.7) \\approx {O4[0]:.4f}$, $o_2 = \\tanh(1.3 - 0.5\\, o_1) \\approx {O4[1]:.4f}$। "
                          "हर step वही $w_i$, $w_h$, $b$ इस्तेमाल करता है; केवल input और पिछला hidden output बदलते हैं।",
                          f"$o_1 = \\tanh(0.7) \\approx {O4[0]:.4f}$, $o_2 = \\tanh(1.3 - 0.5\\, o_1) \\approx {O4[1]:.4f}$. "
                          "Every step uses the same $w_i$, $w_h$, $b$; only the input and the previous hidden output "
                          "change.")),
        Numeric("q5",
            T("हाथ से एक BPTT gradient: scalar RNN, $o_t = \\tanh(w_i x_t + w_h o_{t-1} + b)$, $o_0 = 0$, $\\hat{y} = "
              "\\sigma(w_o o_3 + b_o)$, binary cross-entropy loss। $w_i = 1.0$, $w_h = 0.5$, $b = 0$, $w_o = 2.0$, "
              "$b_o = 0$, inputs $x = (1.0, -1.0, 0.5)$, label $y = 0$। $\\partial L / \\partial w_h$ कितना है?",
              "One BPTT gradient by hand: a scalar RNN, $o_t = \\tanh(w_i x_t + w_h o_{t-1} + b)$, $o_0 = 0$, "
              "$\\hat{y} = \\sigma(w_o o_3 + b_o)$, binary cross-entropy loss. $w_i = 1.0$, $w_h = 0.5$, $b = 0$, $w_o "
              "= 2.0$, $b_o = 0$, inputs $x = (1.0, -1.0, 0.5)$, label $y = 0$. What is $\\partial L / \\partial "
              "w_h$?"),
            G5, rel_tol=1e-3, abs_tol=1e-6,
            mistakes={G5_LAST: T("यह केवल $t = 3$ का पद है। $w_h$ हर step पर इस्तेमाल होता है, इसलिए $t = 2$ का पद भी जोड़िए "
                                 "(उसमें $\\partial o_3 / \\partial o_2 = (1 - o_3^2)\\, w_h$ का गुणक है)।",
                                 "that is the $t = 3$ term alone. $w_h$ is used at every step, so add the $t = 2$ term "
                                 "too (it carries the factor $\\partial o_3 / \\partial o_2 = (1 - o_3^2)\\, w_h$)."),
                      -G5: T("चिह्न उलटा है: $\\partial L / \\partial z = \\hat{y} - y$, $y - \\hat{y}$ नहीं।",
                             "the sign is flipped: $\\partial L / \\partial z = \\hat{y} - y$, not $y - \\hat{y}$.")},
            hints=[T("पहले forward: $o_1, o_2, o_3$ और $\\hat{y}$। फिर $\\partial L / \\partial o_3 = (\\hat{y} - y)\\, "
                     "w_o$।",
                     "First the forward pass: $o_1, o_2, o_3$ and $\\hat{y}$. Then $\\partial L / \\partial o_3 = "
                     "(\\hat{y} - y)\\, w_o$."),
                   T("$t$ का पद = $\\partial L / \\partial o_3 \\cdot \\prod_{j=t+1}^{3} (1 - o_j^2) w_h \\cdot (1 - "
                     "o_t^2)\\, o_{t-1}$।",
                     "The term of $t$ = $\\partial L / \\partial o_3 \\cdot \\prod_{j=t+1}^{3} (1 - o_j^2) w_h \\cdot "
                     "(1 - o_t^2)\\, o_{t-1}$."),
                   T("$t = 1$ का पद शून्य है, क्योंकि $o_0 = 0$। तो $t = 3$ और $t = 2$ के पद जोड़िए।",
                     "The $t = 1$ term is zero because $o_0 = 0$. So add the terms of $t = 3$ and $t = 2$.")],
            solution="o = [0.0]\n"
                     "for x in (1.0, -1.0, 0.5):\n"
                     "    o.append(math.tanh(1.0 * x + 0.5 * o[-1] + 0.0))\n"
                     "y_hat = 1 / (1 + math.exp(-(2.0 * o[3] + 0.0)))\n"
                     "dL_do3 = (y_hat - 0.0) * 2.0\n"
                     "term3 = dL_do3 * (1 - o[3] ** 2) * o[2]\n"
                     "term2 = dL_do3 * (1 - o[3] ** 2) * 0.5 * (1 - o[2] ** 2) * o[1]\n"
                     "term1 = dL_do3 * (1 - o[3] ** 2) * 0.5 * (1 - o[2] ** 2) * 0.5 * (1 - o[1] ** 2) * o[0]   # = 0\n"
                     "q5_answer = term3 + term2 + term1",
            wrong=G5_LAST,
            explanation=T(f"$\\partial L / \\partial w_h \\approx {G5:.4f}$: $t = 3$ का पद ({G5_LAST:.4f}) और $t = 2$ का पद "
                          f"({G5 - G5_LAST:.4f}) जुड़ते हैं; $t = 1$ का पद $o_0 = 0$ के कारण शून्य है।",
                          f"$\\partial L / \\partial w_h \\approx {G5:.4f}$: the $t = 3$ term ({G5_LAST:.4f}) and the $t = 2$ "
                          f"term ({G5 - G5_LAST:.4f}) add up; the $t = 1$ term is zero because $o_0 = 0$.")),
        CodeWithMistakes("q6",
            T("अब किसी भी लंबाई के लिए: `dL_dwh(xs, w_i, w_h, b, w_o, b_o, y)` लिखिए, जो ऊपर वाले scalar RNN ($o_0 = 0$, "
              "$\\hat{y} = \\sigma(w_o o_T + b_o)$, binary cross-entropy) के लिए $\\partial L / \\partial w_h$ BPTT से "
              "लौटाए — autograd के बिना। `xs` inputs का tuple है।",
              "Now for any length: write `dL_dwh(xs, w_i, w_h, b, w_o, b_o, y)` that returns $\\partial L / \\partial "
              "w_h$ of the scalar RNN above ($o_0 = 0$, $\\hat{y} = \\sigma(w_o o_T + b_o)$, binary cross-entropy) by "
              "BPTT — without autograd. `xs` is a tuple of inputs."),
            reference=_dL_dwh, cases=BPTT_CASES, mistakes=BPTT_MISTAKES, answer_name="dL_dwh", atol=1e-8,
            starter="def dL_dwh(xs, w_i, w_h, b, w_o, b_o, y):\n"
                    "    o = [0.0]                                    # o_0 = 0\n"
                    "    for x in xs:\n"
                    "        o.append(math.tanh(w_i * x + w_h * o[-1] + b))\n"
                    "    T = len(xs)\n"
                    "    y_hat = 1 / (1 + math.exp(-(w_o * o[T] + b_o)))\n"
                    "    delta = ____                                 # dL/do_T\n"
                    "    grad = 0.0\n"
                    "    for t in range(T, 0, -1):                    # t = T, ..., 1\n"
                    "        da = delta * (1 - o[t] ** 2)             # through tanh\n"
                    "        grad += ____                             # step t's share: da * (immediate do_t/dw_h)\n"
                    "        delta = ____                             # dL/do_(t-1)\n"
                    "    return grad",
            solution="def dL_dwh(xs, w_i, w_h, b, w_o, b_o, y):\n"
                     "    o = [0.0]                                    # o_0 = 0\n"
                     "    for x in xs:\n"
                     "        o.append(math.tanh(w_i * x + w_h * o[-1] + b))\n"
                     "    T = len(xs)\n"
                     "    y_hat = 1 / (1 + math.exp(-(w_o * o[T] + b_o)))\n"
                     "    delta = (y_hat - y) * w_o                    # dL/do_T\n"
                     "    grad = 0.0\n"
                     "    for t in range(T, 0, -1):                    # t = T, ..., 1\n"
                     "        da = delta * (1 - o[t] ** 2)             # through tanh\n"
                     "        grad += da * o[t - 1]                    # step t's share\n"
                     "        delta = da * w_h                         # dL/do_(t-1)\n"
                     "    return grad",
            hints=[T("शुरुआत: $\\delta_T = \\partial L / \\partial o_T = (\\hat{y} - y)\\, w_o$।",
                     "Start with $\\delta_T = \\partial L / \\partial o_T = (\\hat{y} - y)\\, w_o$."),
                   T("Step $t$ का हिस्सा: $\\delta_t (1 - o_t^2)\\, o_{t-1}$ = `da * o[t - 1]`।",
                     "Step $t$'s share: $\\delta_t (1 - o_t^2)\\, o_{t-1}$ = `da * o[t - 1]`."),
                   T("एक step पीछे: $\\delta_{t-1} = \\delta_t (1 - o_t^2)\\, w_h$ = `da * w_h`।",
                     "One step back: $\\delta_{t-1} = \\delta_t (1 - o_t^2)\\, w_h$ = `da * w_h`.")],
            explanation=T("यही `coursekit.bptt.backward` का scalar रूप है: $\\delta_t$ पीछे चलता है, और हर step अपना हिस्सा "
                          "जोड़ता है।",
                          "This is the scalar form of `coursekit.bptt.backward`: $\\delta_t$ walks back, and every "
                          "step adds its share.")),
        Numeric("q7",
            T("स्रोत नोट्स `002` के sentiment network के parameters गिनिए: 5 शब्दों के one-hot inputs ($V = 5$), 3 hidden "
              "units, एक output (many-to-one), hidden का एक bias vector और output का एक bias। कुल कितने सीखे जाने वाले "
              "parameters (weights + biases) हैं?",
              "Count the parameters of the sentiment network of source notes `002`: one-hot inputs of 5 words ($V = "
              "5$), 3 hidden units, one output (many-to-one), one bias vector for the hidden units and one bias for "
              "the output. How many learnable parameters (weights + biases) are there in all?"),
            31, rel_tol=0, abs_tol=0.5,
            mistakes={42: T("यह नोट्स की गिनती है (33 weights + 9 biases)। वह 3 outputs वाले network की PyTorch-गिनती से "
                            "मेल खाती है (`nn.RNN(5, 3)` + `nn.Linear(3, 3)`); यहाँ output एक है और hidden का एक bias।",
                            "that is the notes' count (33 weights + 9 biases). It fits PyTorch's count for a network "
                            "with 3 outputs (`nn.RNN(5, 3)` + `nn.Linear(3, 3)`); here there is one output and one "
                            "hidden bias."),
                      27: T("ये केवल weights हैं (15 + 9 + 3); 3 + 1 biases भी जोड़िए।",
                            "those are the weights only (15 + 9 + 3); add the 3 + 1 biases."),
                      34: T("यह PyTorch के `nn.RNN` + `nn.Linear` की गिनती है: `nn.RNN` hidden bias दो vectors में रखता है। "
                            "प्रश्न में hidden का एक ही bias है।",
                            "that is the count of PyTorch's `nn.RNN` + `nn.Linear`: `nn.RNN` keeps the hidden bias as "
                            "two vectors. The question has one hidden bias."),
                      124: T("Parameters time steps से गुणा नहीं होते: 4 steps हों या 400, वही 31।",
                             "Parameters do not multiply with the time steps: 4 steps or 400, the same 31.")},
            hints=[T("$W_{xh}$: $3 \\times 5$, $W_{hh}$: $3 \\times 3$, $W_{hy}$: $1 \\times 3$।",
                     "$W_{xh}$: $3 \\times 5$, $W_{hh}$: $3 \\times 3$, $W_{hy}$: $1 \\times 3$."),
                   T("Biases: hidden के 3 और output का 1।", "Biases: 3 for the hidden units and 1 for the output.")],
            solution="q7_answer = 3 * 5 + 3 * 3 + 1 * 3 + 3 + 1", wrong=42,
            explanation=T('15 + 9 + 3 = 27 weights और 3 + 1 = 4 biases: 31। नोट्स का "33 weights, 9 biases" इस network '
                          'के लिए सही नहीं: वह 3 outputs वाले network की PyTorch-गिनती है।',
                          "15 + 9 + 3 = 27 weights and 3 + 1 = 4 biases: 31. The notes' \"33 weights, 9 biases\" is "
                          "not right for this network: it is PyTorch's count for a network with 3 outputs.")),
        Numeric("q8",
            T("एक बड़ा sentiment RNN: vocabulary में 10,000 शब्द (one-hot inputs), 128 hidden units, एक output, और हर "
              "review 200 शब्दों तक pad किया गया है। कितने parameters हैं (एक hidden bias vector, एक output bias)?",
              "A larger sentiment RNN: a vocabulary of 10,000 words (one-hot inputs), 128 hidden units, one output, "
              "and every review padded to 200 words. How many parameters does it have (one hidden bias vector, one "
              "output bias)?"),
            10000 * 128 + 128 * 128 + 128 + 128 + 1, rel_tol=0, abs_tol=0.5,
            mistakes={(10000 * 128 + 128 * 128 + 128 + 128 + 1) * 200: T("200 time steps से गुणा मत कीजिए: weights हर "
                                                                         "step पर साझा हैं।",
                                                                         "do not multiply by the 200 time steps: the "
                                                                         "weights are shared by every step."),
                      10000 * 128 + 128 * 128 + 128: T("output layer ($W_{hy}$: 128 weights, $b_y$: 1) भी गिनिए।",
                                                       "count the output layer too ($W_{hy}$: 128 weights, $b_y$: "
                                                       "1).")},
            hints=[T("$W_{xh}$ का shape $128 \\times 10000$ है — यही सबसे बड़ा हिस्सा है।",
                     "$W_{xh}$ has shape $128 \\times 10000$ — that is the biggest part."),
                   T("Sequence की लंबाई (200) parameter गिनती में आती ही नहीं।",
                     "The sequence length (200) does not enter the parameter count at all.")],
            solution="q8_answer = 10000 * 128 + 128 * 128 + 128 + 128 * 1 + 1", wrong=10000 * 128 + 128 * 128 + 128,
            explanation=T("1,280,000 + 16,384 + 128 + 128 + 1 = 1,296,641। लगभग सब $W_{xh}$ में है — इसीलिए बड़ी vocabulary "
                          "के साथ one-hot की जगह छोटे embedding vectors इस्तेमाल होते हैं।",
                          "1,280,000 + 16,384 + 128 + 128 + 1 = 1,296,641. Almost all of it sits in $W_{xh}$ — which "
                          "is why large vocabularies use small embedding vectors instead of one-hot ones.")),
        MultipleChoice("q9", T("BPTT के बारे में कौन-से कथन सही हैं?", "Which statements about BPTT are true?"),
            [T("$\\partial L / \\partial w_h$ हर time step के chain-rule पद का जोड़ है",
               "$\\partial L / \\partial w_h$ is the sum of the chain-rule terms of every time step"),
             T("तात्कालिक derivative $\\partial^+ o_t / \\partial w_h = (1 - o_t^2)\\, o_{t-1}$ है",
               "the immediate derivative $\\partial^+ o_t / \\partial w_h = (1 - o_t^2)\\, o_{t-1}$"),
             T("हर time step का अपना $w_h$ है, जो अलग से update होता है",
               "every time step has its own $w_h$, which is updated separately"),
             T("step $t$ के पद में $j = t+1, \\dots, T$ के लिए $(1 - o_j^2)\\, w_h$ के गुणक होते हैं",
               "the term of step $t$ carries the factors $(1 - o_j^2)\\, w_h$ for $j = t+1, \\dots, T$")],
            ["a", "b", "d"],
            why={"c": T("एक ही $w_h$ सब steps में साझा है (weight sharing); इसीलिए उसका gradient सब steps का जोड़ है।",
                        "one $w_h$ is shared by all steps (weight sharing); that is why its gradient is the sum over "
                        "all steps.")},
            hints=[T("Unroll किया RNN वही weights हर step पर दोबारा इस्तेमाल करता है।",
                     "The unrolled RNN uses the same weights again at every step."),
                   T("$o_t = \\tanh(a_t)$, $a_t = w_i x_t + w_h o_{t-1} + b$: $a_t$ का $w_h$ से derivative ($o_{t-1}$ "
                     "स्थिर) क्या है?",
                     "$o_t = \\tanh(a_t)$, $a_t = w_i x_t + w_h o_{t-1} + b$: what is the derivative of $a_t$ with "
                     "respect to $w_h$ ($o_{t-1}$ held fixed)?")],
            solution='q9_answer = ["a", "b", "d"]', wrong=["a", "c"],
            explanation=T("साझा weight का gradient = हर step के पद का जोड़; step $t$ का पद loss से $o_t$ तक के रास्ते के गुणकों "
                          "$\\prod_{j=t+1}^{T} (1 - o_j^2) w_h$ और तात्कालिक derivative का गुणनफल है।",
                          "The gradient of a shared weight = the sum of every step's term; the term of step $t$ is the "
                          "product of the factors along the path from the loss to $o_t$, $\\prod_{j=t+1}^{T} (1 - "
                          "o_j^2) w_h$, and the immediate derivative.")),
        Numeric("q10", T("एक tanh RNN में $W_{hh}$ का सबसे बड़ा singular value 0.9 है। Notebook के bound $\\lVert \\partial "
                         "L / \\partial h_t \\rVert \\le \\lVert W_{hh} \\rVert_2^{\\,T-t} \\lVert \\partial L / "
                         "\\partial h_T \\rVert$ से: 30 steps पीछे ($t = T - 30$) $\\lVert \\partial L / \\partial h_T "
                         "\\rVert$ का ज़्यादा से ज़्यादा कितना हिस्सा पहुँचता है?",
                         "In a tanh RNN the largest singular value of $W_{hh}$ is 0.9. From the notebook's bound "
                         "$\\lVert \\partial L / \\partial h_t \\rVert \\le \\lVert W_{hh} \\rVert_2^{\\,T-t} \\lVert "
                         "\\partial L / \\partial h_T \\rVert$: at most what fraction of $\\lVert \\partial L / "
                         "\\partial h_T \\rVert$ reaches 30 steps back ($t = T - 30$)?"),
            0.9 ** 30, rel_tol=1e-3, abs_tol=0.0,
            mistakes={0.9 * 30: T("गुणक हर step पर **गुणा** होते हैं, जुड़ते नहीं: $0.9^{30}$।",
                                  "the factors **multiply** at every step; they do not add: $0.9^{30}$."),
                      0.9 ** 29: T("$T - t = 30$ steps हैं, 29 नहीं।", "there are $T - t = 30$ steps, not 29.")},
            hints=[T("$T - t = 30$।", "$T - t = 30$."), T("Python में `0.9 ** 30`।", "In Python: `0.9 ** 30`.")],
            solution="q10_answer = 0.9 ** 30", wrong=0.9 * 30,
            explanation=T("$0.9^{30} \\approx 0.042$: 30 steps पीछे gradient का 5% से भी कम बचता है, और $\\tanh' < 1$ इसे "
                          "और घटाता है। इसीलिए vanilla RNN लंबी दूरी की निर्भरताएँ मुश्किल से सीखता है।",
                          "$0.9^{30} \\approx 0.042$: less than 5% of the gradient is left 30 steps back, and $\\tanh' "
                          "< 1$ shrinks it further. That is why a vanilla RNN struggles to learn long-term "
                          "dependencies.")),
        TrueFalse("q11", T("एक tanh RNN में अगर $W_{hh}$ का spectral radius 1 से बड़ा है, तो gradients समय में पीछे जाते हुए "
                           "हमेशा फटते (explode) हैं।",
                           "In a tanh RNN, if the spectral radius of $W_{hh}$ is above 1, the gradients always explode "
                           "on their way back in time."),
            False,
            hints=[T("Notebook के section 8 में $\\rho = 1.5$ वाली रेखा देखिए।",
                     "Look at the $\\rho = 1.5$ line in section 8 of the notebook."),
                   T("Hidden states $\\pm 1$ पर saturate हों तो $1 - h^2$ कितना होता है?",
                     "When the hidden states saturate at $\\pm 1$, how large is $1 - h^2$?")],
            solution="q11_answer = False", wrong=True,
            explanation=T("$\\rho > 1$ gradients के फटने (exploding) के लिए ज़रूरी है, पर काफ़ी नहीं: बड़े $W_{hh}$ से states saturate हो जाती हैं, $1 - "
                          "h^2$ छोटा हो जाता है और gradient फिर भी घट (vanish) सकता है (notebook में $\\rho = 1.5$)। बहुत बड़े "
                          "$\\rho$ (notebook में 3.0) पर dynamics chaotic होती है और gradient फटता है।",
                          "$\\rho > 1$ is necessary for exploding but not sufficient: a large $W_{hh}$ saturates the "
                          "states, $1 - h^2$ becomes small and the gradient can still vanish ($\\rho = 1.5$ in the "
                          "notebook). At a much larger $\\rho$ (3.0 in the notebook) the dynamics are chaotic and the "
                          "gradient explodes.")),
        MultipleChoice("q12", T("Gradient clipping और gated cells (LSTM, GRU) के बारे में कौन-से कथन सही हैं?",
                                "Which statements about gradient clipping and gated cells (LSTM, GRU) are true?"),
            [T("Clipping फटते (exploding) gradients को रोकता है: कुल norm $c$ से बड़ा हो तो सारे gradients एक ही गुणक से गुणा होकर छोटे हो जाते हैं",
               "clipping stops exploding gradients: if the total norm exceeds $c$, all gradients shrink by one factor"),
             T("Clipping घटते (vanishing) gradients को भी ठीक करता है", "clipping fixes vanishing gradients too"),
             T("Gates मुख्य रूप से घटते (vanishing) gradients की समस्या में मदद करते हैं", "gates mainly help against vanishing gradients"),
             T("LSTM में gradients कभी नहीं फटते (explode), इसलिए उसके साथ clipping की ज़रूरत नहीं",
               "exploding gradients never happen in an LSTM, so it never needs clipping")],
            ["a", "c"],
            why={"b": T("Clipping केवल बड़े gradients को छोटा करता है; छोटे को बड़ा नहीं करता।",
                        "clipping only shrinks large gradients; it does not enlarge small ones."),
                 "d": T("LSTM/GRU में भी gradients फट (explode) सकते हैं; उनके साथ भी clipping आम है।",
                        "exploding gradients can happen in LSTM/GRU too; clipping is common with them as well.")},
            hints=[T("$g \\leftarrow g \\cdot \\min(1, c / \\lVert g \\rVert)$: यह गुणक कभी 1 से बड़ा होता है?",
                     "$g \\leftarrow g \\cdot \\min(1, c / \\lVert g \\rVert)$: is this factor ever above 1?")],
            solution='q12_answer = ["a", "c"]', wrong=["a", "b"],
            explanation=T('स्रोत नोट्स (`002`) कहते हैं कि LSTM/GRU "vanishing/exploding" दोनों को दूर करते हैं; असल में gates '
                          'घटते (vanishing) gradients की समस्या में मदद करते हैं, और फटते (exploding) gradients के लिए clipping अब भी लगाया जाता है।',
                          'Source notes `002` say LSTM/GRU overcome both "vanishing/exploding"; in fact gates help '
                          'against vanishing, and clipping is still used against exploding.')),
        TrueFalse("q13",
            T("$T$ steps के sequence पर $k \\ge T$ वाला truncated BPTT ठीक वही gradients देता है जो पूरा BPTT।",
              "On a sequence of $T$ steps, truncated BPTT with $k \\ge T$ gives exactly the same gradients as full "
              "BPTT."),
            True,
            hints=[T("Truncated BPTT gradient को आख़िरी $k$ steps तक पीछे ले जाता है। $k \\ge T$ हो तो कितने steps छूटते हैं?",
                     "Truncated BPTT carries the gradient back over the last $k$ steps. With $k \\ge T$, how many "
                     "steps are left out?")],
            solution="q13_answer = True", wrong=False,
            explanation=T("$k \\ge T$ पर कोई step नहीं छूटता: $\\sum_{t=T-k+1}^{T}$ में सारे $t = 1, \\dots, T$ आ जाते हैं "
                          "(`tests/test_bptt.py` यह जाँचता है)।",
                          "With $k \\ge T$ no step is left out: $\\sum_{t=T-k+1}^{T}$ covers all $t = 1, \\dots, T$ "
                          "(`tests/test_bptt.py` checks this).")),
        MultipleChoice("q14", T("Truncated BPTT (हर $k$ steps पर `h = h.detach()`) के बारे में कौन-से कथन सही हैं?",
                                "Which statements about truncated BPTT (`h = h.detach()` every $k$ steps) are true?"),
            [T("$k$ से लंबी दूरी की निर्भरता का gradient नहीं मिलता, इसलिए model उसे (आम तौर पर) नहीं सीखता",
               "dependencies longer than $k$ get no gradient, so the model (usually) does not learn them"),
             T("Forward pass भी $k$ steps पर कट जाता है: hidden state अगले टुकड़े में नहीं जाती",
               "the forward pass is cut at $k$ steps too: the hidden state does not pass to the next piece"),
             T("एक update का समय और memory $k$ के अनुपात में हैं, sequence की लंबाई से स्वतंत्र",
               "the time and memory of one update grow with $k$, independent of the sequence length"),
             T("Gradient पूरे loss का सटीक gradient नहीं, एक biased अनुमान है",
               "the gradient is not the exact gradient of the whole loss but a biased estimate")],
            ["a", "c", "d"],
            why={"b": T("`detach` केवल gradient का रास्ता काटता है; hidden state का मान अगले टुकड़े में आगे जाता रहता है।",
                        "`detach` cuts only the gradient's path; the value of the hidden state keeps flowing into the "
                        "next piece.")},
            hints=[T("Notebook के demo में $y_t = x_{t-4}$: किन $k$ पर network सीख पाया?",
                     "In the notebook's demo $y_t = x_{t-4}$: for which $k$ did the network learn?"),
                   T("`h.detach()` का मान वही रहता है; बदलता क्या है?",
                     "`h.detach()` keeps the same value; what changes?")],
            solution='q14_answer = ["a", "c", "d"]', wrong=["a", "b"],
            explanation=T("Truncation सस्ता और स्थिर है, पर $k$ से लंबी निर्भरताओं का संकेत (gradient) खो देता है: demo में $k \\le "
                          "4$ पर network chance level के पास रहा, $k \\ge 5$ पर सीख गया।",
                          "Truncation is cheap and stable, but it loses the signal (gradient) of dependencies longer "
                          "than $k$: in the demo the network stayed near chance with $k \\le 4$ and learned with $k "
                          "\\ge 5$.")),
        Open("q15", T('(स्रोत नोट्स `000`, "Introduction to RNNs" का प्रश्न 4) RNN की कौन-कौन सी सीमाएँ हैं? हर एक का कारण '
                      'BPTT के आधार पर 2-3 वाक्यों में लिखिए।',
                      '(Source notes `000`, "Introduction to RNNs", question 4) What are the limitations of an RNN? '
                      'Give the reason for each, based on BPTT, in 2-3 sentences.'),
            model_answer=T("(1) घटते (vanishing) gradients: पीछे जाता gradient हर step पर $W_{hh}^\\top \\operatorname{diag}(1 "
                           "- h^2)$ से गुणा होता है; यह गुणक छोटा हो तो दूर के steps तक लगभग कुछ नहीं पहुँचता, इसलिए (2) छोटी "
                           "memory: RNN लंबी दूरी की निर्भरताएँ नहीं सीखता। (3) फटते (exploding) gradients: गुणक बड़ा (और dynamics "
                           "chaotic) हो तो gradient फटता है और एक update weights बिगाड़ देता है — इलाज gradient clipping। "
                           "(4) धीमी training: $h_t$ को $h_{t-1}$ चाहिए, इसलिए steps एक के बाद एक चलते हैं, और पूरा BPTT हर "
                           "update पर सारे $T$ steps आगे-पीछे चलाकर सारी states याद रखता है (truncated BPTT इसे सस्ता करता है, "
                           "पर लंबी निर्भरताएँ खोकर)। LSTM/GRU के gates घटते (vanishing) gradients की समस्या को कम करते हैं।",
                           "(1) Vanishing gradients: the gradient going back is multiplied at every step by "
                           "$W_{hh}^\\top \\operatorname{diag}(1 - h^2)$; when this factor is small almost nothing "
                           "reaches distant steps, hence (2) short memory: the RNN does not learn long-term "
                           "dependencies. (3) Exploding gradients: when the factor is large (and the dynamics chaotic) "
                           "the gradient blows up and one update ruins the weights — the cure is gradient clipping. "
                           "(4) Slow training: $h_t$ needs $h_{t-1}$, so the steps run one after another, and full "
                           "BPTT runs all $T$ steps forward and backward for every update, keeping every state "
                           "(truncated BPTT makes it cheaper, at the cost of long dependencies). The gates of LSTM/GRU "
                           "reduce vanishing."),
            hints=[T("Notebook के sections 8, 9 और 10 देखिए।", "Look at sections 8, 9 and 10 of the notebook."),
                   T('स्रोत नोट्स `000` की सीमाओं (limitations) वाली table में vanishing, exploding और short memory हैं; नोट्स `001` में धीमी '
                     'training ("slow training")।',
                     "The limitations table of source notes `000` lists vanishing, exploding and short memory; notes "
                     "`001` add slow training.")]),
    ]
