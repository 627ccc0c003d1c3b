"""Practice 15 (LSTM and GRU): which gate does what, one LSTM step by hand (against nn.LSTMCell), LSTM and GRU
parameter counts, PyTorch's GRU candidate, the forget gate at initialisation, and the source notes' claims."""
from ...gates import gru_params
from ...i18n import T
from ..codecheck import Code
from ..kinds import MultipleChoice, Numeric, Open, Shape, TensorValues, TrueFalse
from ._mistakes import CodeWithMistakes
from ._nb15_graders import (
    GRU_CASES,
    GRU_MISTAKES,
    _grade_lstm_step,
    _wrong_no_b_hh,
    _wrong_no_tanh_c,
    _wrong_order_figo,
    _wrong_order_ifog,
    _wrong_sigmoid_candidate,
    _wrong_swapped,
)

TITLE = T("LSTM और GRU", "LSTM and GRU")
INTRO = T(
    "स्रोत नोट्स (`002`, `000`) के इन हिस्सों में अपने practice questions नहीं हैं; ये प्रश्न notebook 15 के हर section को "
    "जाँचते हैं: कौन-सा gate क्या करता है, एक LSTM step ख़ुद लिखना (`nn.LSTMCell` से मिलाकर), LSTM और GRU के parameters, "
    "PyTorch का GRU candidate, initialisation पर forget gate, और स्रोत नोट्स के दावों की जाँच। `torch` और `nn` पहले से import हैं।",
    "These parts of the source notes (`002`, `000`) have no practice questions of their own; these questions check every "
    "section of notebook 15: which gate does what, writing one LSTM step yourself (matched with `nn.LSTMCell`), the "
    "parameters of LSTMs and GRUs, PyTorch's GRU candidate, the forget gate at initialisation, and checking the source's "
    "claims. `torch` and `nn` are already imported.",
)
SETUP = "import torch\nfrom torch import nn"

def questions():
    return [
        MultipleChoice("q1",
            T("कौन-सा gate क्या करता है? सही कथन चुनिए (PyTorch के समीकरण, notebook 15 section 2 और 3)।",
              "Which gate does what? Choose the true statements (PyTorch's equations, notebook 15 sections 2 and 3)."),
            [T("LSTM का forget gate $f_t$ तय करता है कि पुरानी cell state $c_{t-1}$ का कितना हिस्सा रहेगा",
               "the LSTM's forget gate $f_t$ decides how much of the old cell state $c_{t-1}$ is kept"),
             T("LSTM का input gate $i_t$ तय करता है कि candidate $g_t$ का कितना हिस्सा cell में लिखा जाएगा",
               "the LSTM's input gate $i_t$ decides how much of the candidate $g_t$ is written into the cell"),
             T("LSTM का output gate $o_t$ तय करता है कि $c_{t-1}$ का कितना हिस्सा मिटाया जाएगा",
               "the LSTM's output gate $o_t$ decides how much of $c_{t-1}$ is erased"),
             T("GRU में $z_t = 1$ हो तो $h_t = h_{t-1}$: पुरानी अवस्था ज्यों की त्यों रहती है",
               "in a GRU, $z_t = 1$ gives $h_t = h_{t-1}$: the old state stays as it is"),
             T("GRU का reset gate $r_t$ तय करता है कि candidate $n_t$ में पिछली अवस्था का कितना असर हो",
               "the GRU's reset gate $r_t$ decides how much the previous state counts in the candidate $n_t$"),
             T("LSTM का candidate $g_t$ भी एक sigmoid gate है, 0 और 1 के बीच",
               "the LSTM's candidate $g_t$ is a sigmoid gate too, between 0 and 1")],
            ["a", "b", "d", "e"],
            why={"c": T("मिटाना forget gate का काम है; $o_t$ तय करता है कि $\\tanh(c_t)$ का कितना हिस्सा $h_t$ बनकर बाहर "
                        "जाए।",
                        "erasing is the forget gate's job; $o_t$ decides how much of $\\tanh(c_t)$ goes out as $h_t$."),
                 "f": T("$g_t = \\tanh(\\dots)$, मान −1 से 1: यह gate नहीं, लिखा जाने वाला नया मान है।",
                        "$g_t = \\tanh(\\dots)$, values −1 to 1: not a gate but the new value to be written.")},
            hints=[T("$c_t = f_t \\odot c_{t-1} + i_t \\odot g_t$ और $h_t = o_t \\odot \\tanh(c_t)$ में हर gate किसे गुणा "
                     "करता है?",
                     "In $c_t = f_t \\odot c_{t-1} + i_t \\odot g_t$ and $h_t = o_t \\odot \\tanh(c_t)$, what does "
                     "each gate multiply?"),
                   T("GRU: $h_t = (1 - z_t) \\odot n_t + z_t \\odot h_{t-1}$ में $z_t = 1$ रखिए।",
                     "GRU: put $z_t = 1$ in $h_t = (1 - z_t) \\odot n_t + z_t \\odot h_{t-1}$."),
                   T("चार कथन सही हैं।", "Four statements are true.")],
            solution='q1_answer = ["a", "b", "d", "e"]', wrong=["a", "b", "c"],
            explanation=T("forget: पुरानी याद का कितना हिस्सा रहे; input: नया candidate कितना लिखा जाए; output: याद का "
                          "कितना हिस्सा बाहर जाए; GRU का update gate forget और input का काम एक साथ करता है, और reset gate "
                          "candidate में पिछली अवस्था का असर तौलता है।",
                          "forget: how much of the old memory stays; input: how much of the new candidate is written; "
                          "output: how much of the memory goes out; the GRU's update gate does the work of forget and "
                          "input together, and the reset gate weighs the previous state's effect on the candidate.")),
        Code("q2",
            T("एक LSTM step ख़ुद लिखिए: `lstm_step(x, h, c, W_ih, W_hh, b_ih, b_hh)` को x (B, I), h और c (B, H), `W_ih` "
              "(4H, I), `W_hh` (4H, H) और biases (4H) मिलते हैं (ठीक `nn.LSTMCell` के `weight_ih`, ... जैसे)। `(h_new, "
              "c_new)` लौटाइए। Checker आपका नतीजा float64 में `nn.LSTMCell` से मिलाएगा।",
              "Write one LSTM step yourself: `lstm_step(x, h, c, W_ih, W_hh, b_ih, b_hh)` receives x (B, I), h and c "
              "(B, H), `W_ih` (4H, I), `W_hh` (4H, H) and the biases (4H) (exactly `nn.LSTMCell`'s `weight_ih`, ...). "
              "Return `(h_new, c_new)`. The checker compares your result with `nn.LSTMCell` in float64."),
            grader=_grade_lstm_step, answer_name="lstm_step",
            starter="def lstm_step(x, h, c, W_ih, W_hh, b_ih, b_hh):\n"
                    "    gates = x @ W_ih.T + b_ih + h @ W_hh.T + b_hh    # (B, 4H)\n"
                    "    i, f, g, o = gates.chunk(4, dim=1)               # four (B, H) blocks, PyTorch's order\n"
                    "    i, f, g, o = ____, ____, ____, ____              # sigmoid or tanh?\n"
                    "    c_new = ____\n"
                    "    h_new = ____\n"
                    "    return h_new, c_new",
            solution="def lstm_step(x, h, c, W_ih, W_hh, b_ih, b_hh):\n"
                     "    gates = x @ W_ih.T + b_ih + h @ W_hh.T + b_hh    # (B, 4H)\n"
                     "    i, f, g, o = gates.chunk(4, dim=1)               # order i, f, g, o\n"
                     "    i, f, g, o = torch.sigmoid(i), torch.sigmoid(f), torch.tanh(g), torch.sigmoid(o)\n"
                     "    c_new = f * c + i * g                            # (B, H)\n"
                     "    h_new = o * torch.tanh(c_new)                    # (B, H)\n"
                     "    return h_new, c_new",
            wrongs=[_wrong_order_figo, _wrong_order_ifog, _wrong_sigmoid_candidate, _wrong_no_tanh_c, _wrong_swapped,
                    _wrong_no_b_hh],
            hints=[T("तीन gate sigmoid हैं (i, f, o), candidate g tanh है।",
                     "Three gates use sigmoid (i, f, o); the candidate g uses tanh."),
                   T("$c_t = f_t \\odot c_{t-1} + i_t \\odot g_t$ — Python में `*` element-wise गुणा है।",
                     "$c_t = f_t \\odot c_{t-1} + i_t \\odot g_t$ — in Python `*` is the element-wise product."),
                   T("$h_t = o_t \\odot \\tanh(c_t)$: नए $c_t$ का tanh, पुराने का नहीं।",
                     "$h_t = o_t \\odot \\tanh(c_t)$: the tanh of the new $c_t$, not the old one.")],
            explanation=T("यह `coursekit.gates.lstm_cell_step` ही है; notebook 15 में यही step हर time step पर चलाने से "
                          "`ScratchLSTM` `nn.LSTM` के बराबर निकला।",
                          "This is `coursekit.gates.lstm_cell_step`; in notebook 15, running this step at every time "
                          "step made `ScratchLSTM` equal to `nn.LSTM`.")),
        CodeWithMistakes("q3",
            T("GRU के parameters गिनिए: `gru_params(input_size, hidden_size, num_layers=1, bidirectional=False)` लिखिए "
              "जो `nn.GRU(input_size, hidden_size, num_layers=num_layers, bidirectional=bidirectional)` के parameters "
              "की संख्या लौटाए — `sum(p.numel() ...)` के बिना, सूत्र से।",
              "Count a GRU's parameters: write `gru_params(input_size, hidden_size, num_layers=1, "
              "bidirectional=False)` returning the number of parameters of `nn.GRU(input_size, hidden_size, "
              "num_layers=num_layers, bidirectional=bidirectional)` — from the formula, without `sum(p.numel() ...)`."),
            reference=gru_params, cases=GRU_CASES, mistakes=GRU_MISTAKES, answer_name="gru_params",
            starter="def gru_params(input_size, hidden_size, num_layers=1, bidirectional=False):\n"
                    "    directions = 2 if bidirectional else 1\n"
                    "    total = 0\n"
                    "    for layer in range(num_layers):\n"
                    "        n_in = input_size if layer == 0 else ____   # what this layer reads\n"
                    "        total += ____        # 3 blocks (r, z, n), two biases each, per direction\n"
                    "    return total",
            solution="def gru_params(input_size, hidden_size, num_layers=1, bidirectional=False):\n"
                     "    directions = 2 if bidirectional else 1\n"
                     "    total = 0\n"
                     "    for layer in range(num_layers):\n"
                     "        n_in = input_size if layer == 0 else directions * hidden_size\n"
                     "        total += directions * 3 * (hidden_size * (n_in + hidden_size) + 2 * hidden_size)\n"
                     "    return total",
            hints=[T("एक block (r, z या n): $H \\cdot I + H \\cdot H + 2H$ (दो biases)।",
                     "One block (r, z or n): $H \\cdot I + H \\cdot H + 2H$ (two biases)."),
                   T("GRU में 3 blocks हैं; bidirectional में हर layer के दो सेट।",
                     "A GRU has 3 blocks; bidirectional means two sets per layer."),
                   T("पहली layer के बाद हर layer पिछली layer का output पढ़ती है: directions · H features।",
                     "After the first layer, every layer reads the previous layer's output: directions · H features.")],
            explanation=T("$P_{GRU} = 3\\,[H(I + H) + 2H]$ हर layer और दिशा के लिए — vanilla RNN का ठीक 3 गुना। (Keras "
                          "का GRU भी default `reset_after=True` में दो biases रखता है और यही गिनती देता है।)",
                          "$P_{GRU} = 3\\,[H(I + H) + 2H]$ per layer and direction — exactly 3 times a vanilla RNN. "
                          "(Keras's GRU, with its default `reset_after=True`, also keeps two biases and gives this "
                          "count.)")),
        Numeric("q4", T("`nn.LSTM(input_size=50, hidden_size=128)` में कितने parameters हैं?",
                        "How many parameters does `nn.LSTM(input_size=50, hidden_size=128)` have?"),
            92160, rel_tol=0, abs_tol=0.5,
            mistakes={91648.0: T("यह हर block में एक bias (Keras) वाली गिनती है; PyTorch में दो biases हैं: 4 · 128 · (50 + 128 "
                                 "+ 2)।",
                                 "that counts one bias per block (Keras); PyTorch has two biases: 4 · 128 · (50 + 128 "
                                 "+ 2)."),
                      23040.0: T("यह vanilla `nn.RNN` की गिनती है; LSTM में 4 blocks (i, f, g, o) हैं।",
                                 "that is the count of a vanilla `nn.RNN`; an LSTM has 4 blocks (i, f, g, o)."),
                      69120.0: T("यह GRU (3 blocks) की गिनती है; LSTM में 4 blocks हैं।",
                                 "that is the count of a GRU (3 blocks); an LSTM has 4.")},
            hints=[T("vanilla RNN: $H(I + H) + 2H$।", "vanilla RNN: $H(I + H) + 2H$."),
                   T("LSTM = 4 × vanilla।", "LSTM = 4 × vanilla.")],
            solution="q4_answer = sum(p.numel() for p in nn.LSTM(50, 128).parameters())", wrong=91648,
            explanation=T("4 · [128 · (50 + 128) + 2 · 128] = 4 · 23,040 = 92,160।",
                          "4 · [128 · (50 + 128) + 2 · 128] = 4 · 23,040 = 92,160.")),
        Shape("q5", T("`lstm = nn.LSTM(10, 20, num_layers=2, batch_first=True)` को shape (4, 7, 10) का input मिलता है: "
                      "`output, (h_n, c_n) = lstm(x)`। `c_n` का shape क्या है?",
                      "`lstm = nn.LSTM(10, 20, num_layers=2, batch_first=True)` gets an input of shape (4, 7, 10): "
                      "`output, (h_n, c_n) = lstm(x)`. What is the shape of `c_n`?"),
            (2, 4, 20), meaning="(num_layers, batch, hidden_size)",
            hints=[T("`c_n` हर layer की आख़िरी cell state है।", "`c_n` is the last cell state of every layer."),
                   T("`batch_first` केवल `output` (और input) पर लागू है, `h_n`/`c_n` पर नहीं।",
                     "`batch_first` applies only to `output` (and the input), not to `h_n`/`c_n`.")],
            solution="q5_answer = nn.LSTM(10, 20, num_layers=2, batch_first=True)(torch.randn(4, 7, 10))[1][1].shape",
            wrong=(4, 2, 20),
            explanation=T("h_n और c_n दोनों (num_layers · directions, batch, H) = (2, 4, 20) हैं, batch_first हो या न हो; "
                          "output (4, 7, 20) है।",
                          "h_n and c_n are both (num_layers · directions, batch, H) = (2, 4, 20), with or without "
                          "batch_first; output is (4, 7, 20).")),
        MultipleChoice("q6", T("PyTorch के `nn.GRU` में candidate $n_t$ का सूत्र कौन-सा है?",
                               "Which is the formula of the candidate $n_t$ in PyTorch's `nn.GRU`?"),
            ["$\\tanh(W_{in} x_t + b_{in} + r_t \\odot (W_{hn} h_{t-1} + b_{hn}))$",
             "$\\tanh(W_{in} x_t + b_{in} + W_{hn} (r_t \\odot h_{t-1}) + b_{hn})$",
             "$\\sigma(W_{in} x_t + b_{in} + W_{hn} h_{t-1} + b_{hn})$",
             "$r_t \\odot \\tanh(W_{in} x_t + W_{hn} h_{t-1})$"],
            "a",
            why={"b": T("यह मूल paper (Cho et al., 2014) का रूप है: reset गुणा से पहले। PyTorch उसे गुणा के बाद लगाता है, और "
                        "$b_{hn}$ भी $r_t$ से गुणा होता है।",
                        "that is the original paper's form (Cho et al., 2014): reset before the product. PyTorch "
                        "applies it after the product, and $b_{hn}$ is multiplied by $r_t$ too."),
                 "c": T("candidate tanh से बनता है (−1 से 1), sigmoid से नहीं।",
                        "the candidate uses tanh (−1 to 1), not sigmoid."),
                 "d": T("reset gate tanh के अंदर लगता है, बाहर नहीं।",
                        "the reset gate acts inside the tanh, not outside.")},
            hints=[T("PyTorch के docs में: \"n = tanh(W_in x + b_in + r * (W_hn h + b_hn))\"।",
                     "PyTorch's docs: \"n = tanh(W_in x + b_in + r * (W_hn h + b_hn))\"."),
                   T("notebook 15 section 3 के चित्र में ⊗ node को देखिए।",
                     "Look at the ⊗ node in the diagram of notebook 15, section 3.")],
            solution='q6_answer = "a"', wrong="b",
            explanation=T("PyTorch (और cuDNN, और Keras का default `reset_after=True`) $r_t$ को matrix गुणा के बाद लगाते "
                          "हैं; इससे $W_{hn} h_{t-1}$ बाक़ी दो gates के साथ एक ही matrix गुणा में निकल आता है। Notebook 15 में "
                          "हमने दिखाया कि दोनों रूप एक ही weights पर अलग output देते हैं।",
                          "PyTorch (and cuDNN, and Keras's default `reset_after=True`) apply $r_t$ after the matrix "
                          "product; that way $W_{hn} h_{t-1}$ comes out of the same matrix product as the other two "
                          "gates. Notebook 15 showed that the two forms give different outputs for the same weights.")),
        TensorValues("q7", T("एक LSTM में 3 hidden units हैं। इस step पर gates के मान हैं: $f_t = [1, 0, 0.5]$, $i_t = [0, 1, "
                             "0.5]$, candidate $g_t = [0.3, -0.6, 0.8]$, और पुरानी cell state $c_{t-1} = [0.9, 0.9, "
                             "0.2]$। नई cell state $c_t$ (3 संख्याओं की list) क्या है?",
                             "An LSTM has 3 hidden units. At this step the gates are $f_t = [1, 0, 0.5]$, $i_t = [0, "
                             "1, 0.5]$, the candidate is $g_t = [0.3, -0.6, 0.8]$, and the old cell state is $c_{t-1} "
                             "= [0.9, 0.9, 0.2]$. What is the new cell state $c_t$ (a list of 3 numbers)?"),
            [0.9, -0.6, 0.5], atol=1e-6,
            hints=[T("$c_t = f_t \\odot c_{t-1} + i_t \\odot g_t$, हर unit के लिए अलग।",
                     "$c_t = f_t \\odot c_{t-1} + i_t \\odot g_t$, for every unit separately."),
                   T("पहला unit: 1 · 0.9 + 0 · 0.3।", "First unit: 1 · 0.9 + 0 · 0.3.")],
            solution="f, i = torch.tensor([1, 0, 0.5]), torch.tensor([0, 1, 0.5])\n"
                     "g, c_prev = torch.tensor([0.3, -0.6, 0.8]), torch.tensor([0.9, 0.9, 0.2])\n"
                     "q7_answer = f * c_prev + i * g",
            wrong=[0.3, 0.9, 0.5],
            explanation=T("unit 1 ने याद रखी (f = 1, i = 0), unit 2 ने पुरानी याद मिटाकर नया मान लिखा (f = 0, i = 1), "
                          "unit 3 ने आधी पुरानी याद और आधा नया मान जोड़ा: 0.1 + 0.4 = 0.5।",
                          "unit 1 remembered (f = 1, i = 0), unit 2 wiped its old memory and wrote the new value (f = "
                          "0, i = 1), unit 3 added half of the old memory and half of the new value: 0.1 + 0.4 = "
                          "0.5.")),
        TrueFalse("q8", T("(स्रोत नोट्स `002` का दावा) LSTM और GRU अपने gates से फटते (exploding) gradients की समस्या दूर कर देते हैं, इसलिए "
                          "उनके साथ gradient clipping की ज़रूरत नहीं।",
                          "(The claim of source `002`) LSTM and GRU remove the exploding-gradient problem with their "
                          "gates, so they need no gradient clipping."),
            False,
            hints=[T("gate 0 और 1 के बीच हैं — पर क्या $W_{hh}$ वाले रास्ते भी gate से होकर जाते हैं?",
                     "The gates lie between 0 and 1 — but do the paths through $W_{hh}$ pass through a gate too?"),
                   T("notebook 15 में हर training किस setting के साथ चली?",
                     "With which setting did every training run of notebook 15 run?")],
            solution="q8_answer = False", wrong=True,
            explanation=T("gate घटते (vanishing) gradients की समस्या कम करते हैं (cell state का सीधा रास्ता, जब f ≈ 1), पर फटते (exploding) gradients से बचाव की कोई गारंटी "
                          "नहीं: gates और candidate के अंदर $W_{hh}$ के रास्ते अब भी बड़े gradients दे सकते हैं। LSTM/GRU को भी "
                          "gradient clipping के साथ train किया जाता है (notebook 15 में `CLIP = 1.0`)।",
                          "gates reduce vanishing (the cell state's direct path, when f ≈ 1) but give no guarantee "
                          "against exploding: the paths through $W_{hh}$ inside the gates and the candidate can still "
                          "produce large gradients. LSTMs and GRUs are trained with gradient clipping too (`CLIP = "
                          "1.0` in notebook 15).")),
        TrueFalse("q9", T("PyTorch के default initialisation पर `nn.LSTM` का forget gate लगभग 0.5 होता है, इसलिए शुरू में "
                          "cell की याद (बिना नए input के) हर step लगभग आधी हो जाती है।",
                          "At PyTorch's default initialisation the forget gate of `nn.LSTM` is about 0.5, so at the "
                          "start the cell's memory (without new input) roughly halves at every step."),
            True,
            hints=[T("PyTorch सारे weights और biases $\\mathcal{U}(-1/\\sqrt{H}, 1/\\sqrt{H})$ से लेता है; तो forget gate "
                     "का pre-activation लगभग कितना है?",
                     "PyTorch draws every weight and bias from $\\mathcal{U}(-1/\\sqrt{H}, 1/\\sqrt{H})$; so about how "
                     "large is the forget gate's pre-activation?"),
                   T("$\\sigma(0) = 0.5$।", "$\\sigma(0) = 0.5$.")],
            solution="q9_answer = True", wrong=False,
            explanation=T("$f \\approx \\sigma(0) = 0.5$: याद लगभग $1/(1 - f) = 2$ steps तक टिकती है। इसीलिए forget gate के bias को धनात्मक "
                          "रखकर शुरू करते हैं (Keras में `unit_forget_bias=True`, PyTorch में हाथ से: `set_forget_bias`)।",
                          "$f \\approx \\sigma(0) = 0.5$: a memory of about $1/(1 - f) = 2$ steps. That is why the "
                          "forget bias is started positive (`unit_forget_bias=True` in Keras, by hand in PyTorch: "
                          "`set_forget_bias`).")),
        Numeric("q10",
            T("मान लीजिए forget gate हर step पर $f = 0.95$ है और input gate 0 (कुछ नया नहीं लिखा जाता)। 50 steps के बाद "
              "शुरुआती cell state $c_0$ का कितना हिस्सा बचता है? (एक संख्या, जैसे 0.5)",
              "Suppose the forget gate is $f = 0.95$ at every step and the input gate is 0 (nothing new is written). "
              "After 50 steps, what fraction of the initial cell state $c_0$ is left? (a number such as 0.5)"),
            0.95 ** 50, rel_tol=1e-3,
            mistakes={0.5 ** 50: T("यह f = 0.5 (default initialisation) के लिए है।",
                                   "that is for f = 0.5 (the default initialisation)."),
                      0.05 ** 50: T("बचा हुआ हिस्सा f से गुणा होता है, 1 − f से नहीं।",
                                    "the part that is kept is multiplied by f, not by 1 − f.")},
            hints=[T("हर step: $c_t = f \\cdot c_{t-1}$।", "Every step: $c_t = f \\cdot c_{t-1}$."),
                   T("50 steps: $f^{50}$।", "50 steps: $f^{50}$.")],
            solution="q10_answer = 0.95 ** 50", wrong=0.5 ** 50,
            explanation=T("$0.95^{50} \\approx 0.077$: लगभग 8% बचता है, जबकि $f = 0.5$ पर $0.5^{50} \\approx 10^{-15}$। "
                          "forget gate का bias 3 ($\\sigma(3) \\approx 0.95$) रखकर शुरू हुआ LSTM notebook 15 में हर seed पर 50 "
                          "distractors के बाद भी class याद रख सका।",
                          "$0.95^{50} \\approx 0.077$: about 8% is left, while $f = 0.5$ gives $0.5^{50} \\approx "
                          "10^{-15}$. The LSTM with forget bias 3 ($\\sigma(3) \\approx 0.95$) remembered the class "
                          "across 50 distractors on every seed in notebook 15.")),
        MultipleChoice("q11", T('(स्रोत नोट्स `000` की variants table: "GRU — Efficient, fewer gates than LSTM") GRU और '
                                'LSTM के बारे में कौन-से कथन सही हैं?',
                                '(The variants table of source `000`: "GRU — Efficient, fewer gates than LSTM") Which '
                                'statements about GRU and LSTM are true?'),
            [T("GRU में 2 gate (r, z) हैं, LSTM में 3 (i, f, o)", "a GRU has 2 gates (r, z), an LSTM 3 (i, f, o)"),
             T("GRU में LSTM की तरह अलग cell state होती है", "a GRU has a separate cell state, like an LSTM"),
             T("एक ही I और H पर GRU में LSTM के 3/4 parameters हैं",
               "for the same I and H a GRU has 3/4 of an LSTM's parameters"),
             T("GRU हर task पर LSTM से ज़्यादा accurate होता है", "a GRU is more accurate than an LSTM on every task"),
             T("कम parameters का अर्थ है कि GRU हर machine पर LSTM से तेज़ चलता है",
               "fewer parameters mean a GRU runs faster than an LSTM on every machine")],
            ["a", "c"],
            why={"b": T("GRU केवल $h_t$ रखता है; अलग cell state $c_t$ LSTM की है।",
                        "a GRU keeps only $h_t$; the separate cell state $c_t$ belongs to the LSTM."),
                 "d": T("तुलनात्मक अध्ययनों (Chung et al., 2014; Jozefowicz et al., 2015) में दोनों लगभग बराबर रहे, task के "
                        "अनुसार।",
                        "in comparisons (Chung et al., 2014; Jozefowicz et al., 2015) the two came out about equal, "
                        "depending on the task."),
                 "e": T("गति implementation पर भी निर्भर है: notebook 15 के run में CPU पर T = 20 और 50 पर GRU का epoch "
                        "LSTM से धीमा था।",
                        "speed depends on the implementation too: in notebook 15's run on the CPU, at T = 20 and 50, "
                        "an epoch of the GRU was slower than one of the LSTM.")},
            hints=[T("parameters: LSTM = 4P, GRU = 3P, जहाँ P = vanilla RNN के parameters।",
                     "parameters: LSTM = 4P, GRU = 3P, where P = the vanilla RNN's."),
                   T("दो कथन सही हैं।", "Two statements are true.")],
            solution='q11_answer = ["a", "c"]', wrong=["a", "c", "e"],
            explanation=T('"fewer gates" सही है और parameters 3/4 हैं; पर "efficient" का अर्थ अपने-आप बेहतर accuracy या हर '
                          'machine पर ज़्यादा गति नहीं — मापकर देखिए।',
                          '"fewer gates" is right and the parameters are 3/4; but "efficient" does not automatically '
                          'mean better accuracy or more speed on every machine — measure it.')),
        Open("q12", T("LSTM की cell state से gradient समय में पीछे क्यों बेहतर बहता है? $\\partial c_t / \\partial c_{t-1}$ के "
                      "सूत्र से समझाइए, और बताइए कि यह फ़ायदा कब नहीं मिलता (notebook 15 का default LSTM)।",
                      "Why does the gradient flow back in time better through an LSTM's cell state? Explain with the "
                      "formula of $\\partial c_t / \\partial c_{t-1}$, and say when this advantage is lost (notebook "
                      "15's default LSTM)."),
            model_answer=T("$c_t = f_t \\odot c_{t-1} + i_t \\odot g_t$, इसलिए सीधे रास्ते पर $\\partial c_t / \\partial "
                           "c_{t-1} = \\operatorname{diag}(f_t)$ — इसमें vanilla RNN की तरह $W_{hh}$ और $\\tanh'$ का गुणा "
                           "नहीं। $k$ steps पीछे gradient $f$ के गुणनफल से गुणा होता है: अगर forget gate 1 के पास है तो "
                           "gradient लगभग जस का तस पहुँचता है। पर यह तभी है जब $f \\approx 1$: PyTorch के default "
                           "initialisation पर $f \\approx 0.5$, तो gradient हर step आधा होता है ($0.5^{50} \\approx "
                           "10^{-15}$) — notebook 15 में default LSTM $T = 50$ पर किसी भी seed पर task नहीं सीख पाया, "
                           "जबकि forget gate का bias 3 रखकर शुरू हुआ LSTM हर seed पर सीख गया। फटते (exploding) gradients से यह रास्ता कोई सुरक्षा नहीं "
                           "देता; clipping फिर भी चाहिए।",
                           "$c_t = f_t \\odot c_{t-1} + i_t \\odot g_t$, so on the direct path $\\partial c_t / "
                           "\\partial c_{t-1} = \\operatorname{diag}(f_t)$ — no product with $W_{hh}$ and $\\tanh'$ as "
                           "in a vanilla RNN. Going back $k$ steps multiplies the gradient by a product of $f$'s: if "
                           "the forget gate is near 1 the gradient arrives almost unchanged. But only when $f \\approx "
                           "1$: at PyTorch's default initialisation $f \\approx 0.5$, so the gradient halves at every "
                           "step ($0.5^{50} \\approx 10^{-15}$) — in notebook 15 the default LSTM did not learn the "
                           "task at $T = 50$ on any seed, while the LSTM started with forget bias 3 learned it on "
                           "every seed. This path gives no protection against exploding gradients; clipping is still "
                           "needed."),
            hints=[T("vanilla RNN: $\\partial h_t / \\partial h_{t-1} = \\operatorname{diag}(1 - h_t^2) W_{hh}$। LSTM "
                     "के $c_t$ का सूत्र लिखकर $c_{t-1}$ से derivative लीजिए।",
                     "vanilla RNN: $\\partial h_t / \\partial h_{t-1} = \\operatorname{diag}(1 - h_t^2) W_{hh}$. Write "
                     "the LSTM's formula for $c_t$ and take the derivative with respect to $c_{t-1}$."),
                   T("notebook 15, section 6 और 7।", "notebook 15, sections 6 and 7.")]),
    ]
