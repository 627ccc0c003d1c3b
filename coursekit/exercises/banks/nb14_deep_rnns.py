"""Practice 14 (deep RNNs): what each layer of a stack sees, the source's Keras model and its parameter counts,
counting a stacked RNN's parameters, bidirectional shapes, dropout between layers, and the source's advantages
and limitations."""
from ...i18n import T
from ..codecheck import Code
from ..kinds import MultipleChoice, Numeric, Open, Shape, TrueFalse
from ._mistakes import CodeWithMistakes
from ._nb14_graders import (
    STACK_CASES,
    STACK_MISTAKES,
    _grade_stack_forward,
    _stacked_params,
    _wrong_every_layer_reads_x,
    _wrong_first_layer_only,
    _wrong_last_state_stack,
    _wrong_reversed,
)

TITLE = T("डीप RNN", "Deep RNNs")
INTRO = T(
    "स्रोत नोट्स (`001`) के deep RNN वाले हिस्से में अपने अभ्यास-प्रश्न नहीं हैं; ये प्रश्न notebook 14 के हर section को "
    "जाँचते हैं: stack में हर layer क्या पढ़ती है, स्रोत नोट्स का Keras model और उसके parameters, stacked RNN के parameters गिनने "
    "का function, bidirectional shapes, dropout, और स्रोत नोट्स के बताए लाभ और सीमाएँ। `torch` और `nn` पहले से import हैं।",
    "The deep-RNN part of the source notes (`001`) has no practice questions of its own; these questions check every "
    "section of notebook 14: what each layer of a stack reads, the source's Keras model and its parameters, a function "
    "that counts a stacked RNN's parameters, bidirectional shapes, dropout, and the advantages and limitations the source "
    "names. `torch` and `nn` are already imported.",
)

# The learner does not have the source notes: say what they are (each question quotes what it needs).
INTRO = T(INTRO.hi + " स्रोत नोट्स वे Hinglish lecture notes (`000`–`004`) हैं जिनके क्रम पर यह course चलता है; वे course "
          "के साथ नहीं आते, इसलिए जो प्रश्न उनसे लिया गया है या उनकी कोई बात सुधारता है, उसमें उनकी वह बात लिखी है।",
          INTRO.en + " The source notes are the Hinglish lecture notes (`000`–`004`) whose order this course follows; "
          "they do not come with the course, so every question taken from them, or correcting them, states what they "
          "say.")
SETUP = "import torch\nfrom torch import nn"


def questions():
    return [
        MultipleChoice("q1",
            T("दो layers वाले stacked RNN में, time step $t$ पर layer 2 अपने input के रूप में क्या पढ़ती है?",
              "In a stacked RNN with two layers, what does layer 2 read as its input at time step $t$?"),
            [T("layer 1 की उसी time step की अवस्था $h^{(1)}_t$ (और अपनी पिछली अवस्था $h^{(2)}_{t-1}$)",
               "layer 1's state at the same time step, $h^{(1)}_t$ (and its own previous state $h^{(2)}_{t-1}$)"),
             T("हर time step पर layer 1 की केवल आख़िरी अवस्था $h^{(1)}_T$",
               "only layer 1's last state $h^{(1)}_T$, at every time step"),
             T("वही input $x_t$ जो layer 1 पढ़ती है", "the same input $x_t$ that layer 1 reads"),
             T("layer 1 के weights", "layer 1's weights")],
            "a",
            why={"b": T("तब layer 2 के पास पढ़ने को sequence ही नहीं बचता; इसलिए Keras में layer 1 पर "
                        "`return_sequences=True` चाहिए।",
                        "then layer 2 would have no sequence left to read; that is why layer 1 needs "
                        "`return_sequences=True` in Keras."),
                 "c": T("केवल layer 1 input पढ़ती है; ऊपर की layers नीचे वाली का output पढ़ती हैं।",
                        "only layer 1 reads the input; higher layers read the output of the layer below."),
                 "d": T("हर layer के अपने weights हैं; layers आपस में outputs साझा करती हैं, weights नहीं।",
                        "every layer has its own weights; layers share outputs, not weights.")},
            hints=[T("$h^{(l)}_t = \\tanh(W^{(l)}_{ih} h^{(l-1)}_t + \\dots + W^{(l)}_{hh} h^{(l)}_{t-1} + \\dots)$।",
                     "$h^{(l)}_t = \\tanh(W^{(l)}_{ih} h^{(l-1)}_t + \\dots + W^{(l)}_{hh} h^{(l)}_{t-1} + \\dots)$.")],
            solution='q1_answer = "a"', wrong="b",
            explanation=T("Layer 2 का input layer 1 का पूरा output sequence $h^{(1)}_1, \\dots, h^{(1)}_T$ है — हर time "
                          "step पर उसी समय का मान।",
                          "Layer 2's input is layer 1's whole output sequence $h^{(1)}_1, \\dots, h^{(1)}_T$ — at "
                          "every time step the value of that time.")),
        Shape("q2", T("स्रोत नोट्स का model: `SimpleRNN(128, input_shape=(100, 50), return_sequences=True)`। 32 examples के "
                      "batch पर इस layer के output का shape क्या है?",
                      "The source's model: `SimpleRNN(128, input_shape=(100, 50), return_sequences=True)`. What is the "
                      "shape of this layer's output for a batch of 32 examples?"),
            (32, 100, 128), meaning="(batch, time steps, units)",
            hints=[T("`input_shape=(100, 50)` = 100 time steps, 50 features; batch आगे जुड़ता है।",
                     "`input_shape=(100, 50)` = 100 time steps, 50 features; the batch comes in front."),
                   T("`return_sequences=True`: हर time step की अवस्था।",
                     "`return_sequences=True`: the state of every time step.")],
            solution="q2_answer = (32, 100, 128)", wrong=(32, 128),
            explanation=T("(batch, 100, 128): हर time step पर 128 units। `return_sequences=False` (default) पर यह (32, "
                          "128) होता।",
                          "(batch, 100, 128): 128 units at every time step. With `return_sequences=False` (the "
                          "default) it would be (32, 128).")),
        Shape("q3", T("उसी model की दूसरी layer `SimpleRNN(64)` (default `return_sequences=False`) का output shape, 32 "
                      "examples के batch पर?",
                      "The output shape of the same model's second layer `SimpleRNN(64)` (default "
                      "`return_sequences=False`), for a batch of 32 examples?"),
            (32, 64), meaning="(batch, units)",
            hints=[T("`return_sequences=False`: केवल आख़िरी time step की अवस्था।",
                     "`return_sequences=False`: only the last time step's state.")],
            solution="q3_answer = (32, 64)", wrong=(32, 100, 64),
            explanation=T("(32, 64) — PyTorch में यह `seq2[:, -1]` है; उसके बाद `Dense(10)` (32, 10) देता है।",
                          "(32, 64) — in PyTorch this is `seq2[:, -1]`; then `Dense(10)` gives (32, 10).")),
        Numeric("q4",
            T("Keras में उस दूसरी layer `SimpleRNN(64)` के कितने parameters हैं (उसका input 128 features है)?",
              "How many parameters does that second layer `SimpleRNN(64)` have in Keras (its input has 128 features)?"),
            12352, rel_tol=0, abs_tol=0.5,
            mistakes={12416.0: T("यह PyTorch की गिनती है (दो biases); Keras की SimpleRNN में एक bias है: 64 · (128 + 64 + "
                                 "1)।",
                                 "that is PyTorch's count (two biases); Keras's SimpleRNN has one bias: 64 · (128 + 64 "
                                 "+ 1)."),
                      12288.0: T("bias छूट गया: + 64।", "the bias is missing: + 64."),
                      8256.0: T("recurrent_kernel (64 × 64) छूट गया।", "the recurrent_kernel (64 × 64) is missing."),
                      3264.0: T("input 128 features का है, 50 का नहीं: यह layer पहली layer का output पढ़ती है।",
                                "the input has 128 features, not 50: this layer reads the first layer's output.")},
            hints=[T("kernel (128 × 64) + recurrent_kernel (64 × 64) + bias (64)।",
                     "kernel (128 × 64) + recurrent_kernel (64 × 64) + bias (64)."),
                   T("$H(I + H + 1)$, जहाँ $I = 128$, $H = 64$।", "$H(I + H + 1)$ with $I = 128$, $H = 64$.")],
            solution="q4_answer = 64 * (128 + 64 + 1)", wrong=12416,
            explanation=T("64 · (128 + 64 + 1) = 12,352। (Keras install न होने पर भी सूत्र से गिनती की जा सकती है।)",
                          "64 · (128 + 64 + 1) = 12,352. (The formula gives the count even without Keras installed.)")),
        Numeric("q5",
            T("स्रोत नोट्स का पूरा model (SimpleRNN(128) → SimpleRNN(64) → Dense(10), input 50 features) PyTorch में बनाएँ "
              "(`nn.RNN`, `nn.RNN`, `nn.Linear`), तो उसमें Keras से कितने parameters ज़्यादा होंगे?",
              "If you build the source's whole model (SimpleRNN(128) → SimpleRNN(64) → Dense(10), input 50 features) "
              "in PyTorch (`nn.RNN`, `nn.RNN`, `nn.Linear`), how many more parameters does it have than in Keras?"),
            192, rel_tol=0, abs_tol=0.5,
            mistakes={128.0: T("यह केवल पहली layer का फ़र्क़ है; दूसरी layer में भी एक अतिरिक्त bias (64) है।",
                               "that is only the first layer's difference; the second layer has an extra bias (64) "
                               "too."),
                      202.0: T("Dense layer दोनों में एक जैसी है (एक bias): उसका फ़र्क़ 0 है।",
                               "the Dense layer is the same in both (one bias): its difference is 0.")},
            hints=[T("हर recurrent layer में PyTorch का एक अतिरिक्त bias vector ($b_{hh}$) है, आकार = hidden size।",
                     "Every recurrent layer has one extra PyTorch bias vector ($b_{hh}$), of size = hidden size."),
                   T("128 + 64।", "128 + 64.")],
            solution="q5_answer = (sum(p.numel() for m in (nn.RNN(50, 128), nn.RNN(128, 64), nn.Linear(64, 10))\n"
                     "                  for p in m.parameters()) - (128 * (50 + 128 + 1) + 64 * (128 + 64 + 1) + 650))",
            wrong=128,
            explanation=T("36,106 − 35,914 = 192 = 128 + 64। यह अतिरिक्त bias गणित में फ़ालतू है: $b_{ih} + b_{hh}$ हमेशा साथ "
                          "जुड़ते हैं।",
                          "36,106 − 35,914 = 192 = 128 + 64. The extra bias is redundant mathematically: $b_{ih} + "
                          "b_{hh}$ are always added together.")),
        CodeWithMistakes("q6",
            T("Stacked RNN के parameters गिनिए: `stacked_rnn_params(input_size, hidden_sizes)` लिखिए, जो अलग-अलग "
              "`nn.RNN` layers के stack (पहली layer `input_size` → `hidden_sizes[0]`, फिर `hidden_sizes[k-1]` → "
              "`hidden_sizes[k]`) के कुल parameters लौटाए — PyTorch की गिनती (दो biases), सूत्र से।",
              "Count a stacked RNN's parameters: write `stacked_rnn_params(input_size, hidden_sizes)` returning the "
              "total parameters of a stack of separate `nn.RNN` layers (the first layer `input_size` → "
              "`hidden_sizes[0]`, then `hidden_sizes[k-1]` → `hidden_sizes[k]`) — PyTorch's count (two biases), from "
              "the formula."),
            reference=_stacked_params, cases=STACK_CASES, mistakes=STACK_MISTAKES, answer_name="stacked_rnn_params",
            starter="def stacked_rnn_params(input_size, hidden_sizes):\n"
                    "    total, n_in = 0, input_size\n"
                    "    for H in hidden_sizes:\n"
                    "        total += H * (____) + ____   # W_ih (H x n_in) + W_hh (H x H), then two biases\n"
                    "        n_in = ____                  # what the next layer reads\n"
                    "    return total",
            solution="def stacked_rnn_params(input_size, hidden_sizes):\n"
                     "    total, n_in = 0, input_size\n"
                     "    for H in hidden_sizes:\n"
                     "        total += H * n_in + H * H + 2 * H    # weight_ih, weight_hh, bias_ih, bias_hh\n"
                     "        n_in = H                             # the next layer reads this layer's H features\n"
                     "    return total",
            hints=[T("एक layer: $H \\cdot I + H \\cdot H + 2H$।", "One layer: $H \\cdot I + H \\cdot H + 2H$."),
                   T("अगली layer का input पिछली layer का hidden size है।",
                     "The next layer's input is the previous layer's hidden size."),
                   T("Keras का सूत्र $H(I + H + 1)$ है (एक bias) — यहाँ PyTorch वाला सूत्र चाहिए।",
                     "Keras's formula is $H(I + H + 1)$ (one bias) — here PyTorch's is wanted.")],
            explanation=T("`coursekit.rnn.rnn_num_params` यही सूत्र है; notebook 14 में उसे हर model के `numel()` से "
                          "मिलाया गया।",
                          "`coursekit.rnn.rnn_num_params` is this formula; notebook 14 matched it with every "
                          "model's `numel()`.")),
        Code("q7", T("Stack का forward pass ख़ुद लिखिए: `stack_forward(layers, x)` को `nn.RNN` layers "
                     "(`batch_first=True`) की एक list और input x (batch, time, features) मिलता है। हर layer को नीचे वाली "
                     "layer का **पूरा output sequence** दीजिए, और सबसे ऊपर की layer का output sequence लौटाइए। Checker "
                     "उसे उन्हीं weights वाले `nn.RNN(num_layers=3)` से मिलाएगा।",
                     "Write a stack's forward pass yourself: `stack_forward(layers, x)` receives a list of `nn.RNN` "
                     "layers (`batch_first=True`) and an input x (batch, time, features). Give every layer the **whole "
                     "output sequence** of the layer below, and return the top layer's output sequence. The checker "
                     "compares it with an `nn.RNN(num_layers=3)` with the same weights."),
            grader=_grade_stack_forward, answer_name="stack_forward",
            starter="def stack_forward(layers, x):\n"
                    "    for layer in layers:\n"
                    "        out = layer(____)   # what does this layer read?\n"
                    "        x = ____            # out is a tuple (output sequence, h_n)\n"
                    "    return x",
            solution="def stack_forward(layers, x):\n"
                     "    for layer in layers:\n"
                     "        x, _ = layer(x)   # (B, T, H): the whole sequence goes up\n"
                     "    return x",
            wrongs=[_wrong_last_state_stack, _wrong_first_layer_only, _wrong_every_layer_reads_x, _wrong_reversed],
            hints=[T("`nn.RNN` एक tuple `(output, h_n)` लौटाता है।", "`nn.RNN` returns a tuple `(output, h_n)`."),
                   T("`output` (batch, time, hidden) पूरा sequence है — वही अगली layer का input है।",
                     "`output` (batch, time, hidden) is the whole sequence — that is the next layer's input.")],
            explanation=T("यही `coursekit.stacked.StackedRNN.forward` है (layers के बीच dropout के बिना)।",
                          "This is `coursekit.stacked.StackedRNN.forward` (without the dropout between layers).")),
        Shape("q8", T("`bi = nn.RNN(10, 16, num_layers=2, bidirectional=True, batch_first=True)` को input (3, 7, 10) "
                      "मिलता है: `output, h_n = bi(x)`। `h_n` का shape क्या है?",
                      "`bi = nn.RNN(10, 16, num_layers=2, bidirectional=True, batch_first=True)` gets an input (3, 7, "
                      "10): `output, h_n = bi(x)`. What is the shape of `h_n`?"),
            (4, 3, 16), meaning="(num_layers · 2, batch, hidden_size)",
            hints=[T("हर layer की हर दिशा की एक आख़िरी अवस्था।", "One last state per direction per layer."),
                   T("`batch_first` का `h_n` पर असर नहीं।", "`batch_first` does not affect `h_n`.")],
            solution="q8_answer = nn.RNN(10, 16, num_layers=2, bidirectional=True, batch_first=True)(torch.randn(3, 7, "
                     "10))[1].shape",
            wrong=(3, 7, 32),
            explanation=T("(2 · 2, 3, 16) = (4, 3, 16), क्रम [layer 1 आगे, layer 1 पीछे, layer 2 आगे, layer 2 पीछे]। "
                          "`output` का shape (3, 7, 32) है।",
                          "(2 · 2, 3, 16) = (4, 3, 16), in the order [layer 1 forward, layer 1 backward, layer 2 "
                          "forward, layer 2 backward]. `output` has shape (3, 7, 32).")),
        MultipleChoice("q9",
            T("Bidirectional RNN से sequence classification करनी है। Classifier को कौन-सा vector देना चाहिए?",
              "You classify sequences with a bidirectional RNN. Which vector should the classifier get?"),
            ["`output[:, -1]`", "`torch.cat([h_n[-2], h_n[-1]], dim=1)`", T("केवल `h_n[-1]`", "only `h_n[-1]`"),
             "`output[:, 0]`"],
            "b",
            why={"a": T("`output[:, -1]` का पीछे वाला आधा भाग केवल आख़िरी token देख पाया है।",
                        "the backward half of `output[:, -1]` has seen only the last token."),
                 "c": T("`h_n[-1]` केवल पीछे वाली दिशा है।", "`h_n[-1]` is the backward direction only."),
                 "d": T("`output[:, 0]` का आगे वाला आधा भाग केवल पहला token देख पाया है।",
                        "the forward half of `output[:, 0]` has seen only the first token.")},
            hints=[T("आगे वाली दिशा पूरा sequence कब पढ़ चुकी होती है? और पीछे वाली?",
                     "When has the forward direction read the whole sequence? And the backward one?"),
                   T("`h_n[-2]` = सबसे ऊपर की layer की आगे वाली दिशा, `h_n[-1]` = पीछे वाली।",
                     "`h_n[-2]` = the top layer's forward direction, `h_n[-1]` = its backward one.")],
            solution='q9_answer = "b"', wrong="a",
            explanation=T("आगे वाली दिशा की आख़िरी अवस्था ($t = T$ पर) और पीछे वाली की ($t = 1$ पर) — दोनों ने पूरा sequence "
                          "पढ़ा है। `coursekit.stacked.RNNClassifier` यही करता है।",
                          "the forward direction's last state (at $t = T$) and the backward direction's (at $t = 1$) — "
                          "both have read the whole sequence. `coursekit.stacked.RNNClassifier` does this.")),
        MultipleChoice("q10", T("इनमें से किन कामों में bidirectional RNN का उपयोग **ठीक नहीं** है?",
                                "For which of these tasks is a bidirectional RNN **not** appropriate?"),
            [T("पूरा review पढ़कर उसका sentiment बताना", "naming the sentiment of a review after reading all of it"),
             T("एक पूरे वाक्य के हर शब्द का part of speech बताना",
               "tagging every word of a complete sentence with its part of speech"),
             T("user के type करते-करते अगला शब्द सुझाना", "suggesting the next word while the user is typing"),
             T("पिछले दिनों के तापमान से कल का तापमान बताना", "predicting tomorrow's temperature from the past days")],
            ["c", "d"],
            why={"a": T("पूरा review पहले से उपलब्ध है; दोनों दिशाएँ उपयोगी हैं।",
                        "the whole review is available in advance; both directions help."),
                 "b": T("पूरा वाक्य उपलब्ध है: किसी शब्द का part of speech उसके बाद वाले शब्दों से भी तय होता है।",
                        "the whole sentence is available: a word's part of speech also depends on the words after "
                        "it.")},
            hints=[T("पीछे वाली दिशा को भविष्य चाहिए। किन कामों में भविष्य अभी आया ही नहीं?",
                     "The backward direction needs the future. In which tasks has the future not arrived yet?")],
            solution='q10_answer = ["c", "d"]', wrong=["a", "c", "d"],
            explanation=T("जहाँ भविष्य अभी अज्ञात है (अगला शब्द, पूर्वानुमान, live speech), वहाँ पीछे वाली दिशा को भविष्य "
                          "दिखाना data leakage है; वहाँ एक दिशा वाला (causal) RNN चाहिए।",
                          "where the future is still unknown (next word, forecasting, live speech), showing the future "
                          "to the backward direction is data leakage; these tasks need a one-directional (causal) "
                          "RNN.")),
        TrueFalse("q11",
            T("`nn.RNN(8, 16, num_layers=1, dropout=0.5)` training mode में हर time step के output पर dropout लगाता है।",
              "`nn.RNN(8, 16, num_layers=1, dropout=0.5)` applies dropout to the output of every time step in training "
              "mode."),
            False,
            hints=[T("`dropout` किन layers के बाद लगता है?", "After which layers is `dropout` applied?"),
                   T("PyTorch इस setting पर एक warning देता है।", "PyTorch gives a warning for this setting.")],
            solution="q11_answer = False", wrong=True,
            explanation=T("`dropout` हर layer के output पर लगता है, आख़िरी को छोड़कर। एक ही layer हो तो वह आख़िरी भी है, "
                          "इसलिए dropout का कोई असर नहीं (PyTorch warning देता है)।",
                          "`dropout` acts on the output of every layer except the last. With a single layer, that "
                          "layer is the last one, so dropout has no effect (PyTorch warns about it).")),
        TrueFalse("q12", T("PyTorch के `nn.RNN` में दो biases ($b_{ih}$, $b_{hh}$) हैं, इसलिए वह ऐसे functions सीख सकता है "
                           "जो एक bias वाली Keras `SimpleRNN` नहीं सीख सकती।",
                           "PyTorch's `nn.RNN` has two biases ($b_{ih}$, $b_{hh}$), so it can learn functions that "
                           "Keras's `SimpleRNN`, with one bias, cannot."),
            False, hints=[T("समीकरण में दोनों biases कहाँ आते हैं?", "Where do the two biases appear in the equation?")],
            solution="q12_answer = False", wrong=True,
            explanation=T("दोनों हमेशा जोड़ $b_{ih} + b_{hh}$ के रूप में आते हैं, जो एक ही bias है। Notebook 14 में $b_{hh}$ को "
                          "$b_{ih}$ में मिलाने पर output बिल्कुल नहीं बदला।",
                          "the two always appear as the sum $b_{ih} + b_{hh}$, which is a single bias. In notebook 14, "
                          "folding $b_{hh}$ into $b_{ih}$ did not change the output at all.")),
        Open("q13", T("(स्रोत नोट्स `001` के लाभ और सीमाएँ; उनकी सूची notebook 14 के section 7 की table में है) Deep RNN के दो "
                      "लाभ और तीन सीमाएँ लिखिए, और हर एक के साथ बताइए कि notebook 14 ने उसके बारे में क्या मापा या दिखाया।",
                      "(The advantages and limitations in source notes `001`; the table of notebook 14's section 7 "
                      "lists them) Write two advantages and three limitations of deep RNNs, and for each say what "
                      "notebook 14 measured or showed about it."),
            model_answer=T("लाभ: (1) हर time step पर ज़्यादा जटिल function — नीचे की layer स्थानीय pattern (जैसे पिछले token से "
                           "तुलना) और ऊपर की layer उसका सार (जैसे गिनती) सीख सकती है; notebook 14 के repeat-count task पर "
                           "हमने 1, 2 और 3 layers को कई seeds से मापा — फ़ायदा task और seed पर निर्भर है, इसलिए मापना ज़रूरी "
                           "है। (2) अलग-अलग लंबाई के inputs और भाषा/speech जैसे sequence कामों में उपयोगी (padding के साथ)। "
                           "सीमाएँ: (1) घटते (vanishing) gradients — gradient अब समय और गहराई दोनों में से गुज़रता है; (2) लंबी दूरी की निर्भरताएँ सीखना "
                           "कठिन — उपाय गहराई नहीं, LSTM/GRU (notebook 15); (3) training में अधिक समय — हर layer समय में "
                           "क्रम से चलती है, और notebook 14 में हर batch का समय layers के साथ बढ़ा। और: 2 biases वाले PyTorch "
                           "model में Keras से 192 parameters ज़्यादा हैं, पर वह ज़्यादा शक्तिशाली नहीं।",
                           "Advantages: (1) a more complex function at every time step — a lower layer can learn a "
                           "local pattern (such as comparing with the previous token) and a higher layer its summary "
                           "(such as a count); on notebook 14's repeat-count task we measured 1, 2 and 3 layers over "
                           "several seeds — the benefit depends on the task and the seed, so it must be measured. (2) "
                           "Useful for inputs of different lengths and for sequence tasks such as language and speech "
                           "(with padding). Limitations: (1) vanishing gradients — the gradient now passes through "
                           "time and depth; (2) long dependencies are hard — the cure is not depth but LSTM/GRU "
                           "(notebook 15); (3) training takes longer — every layer runs sequentially in time, and in "
                           "notebook 14 the time per batch grew with the layers. Also: the PyTorch model with 2 biases "
                           "has 192 more parameters than the Keras one, but it is not more powerful."),
            hints=[T("Notebook 14 का section 6 (प्रयोग) और section 7 (table) देखिए।",
                     "Look at notebook 14's section 6 (the experiment) and section 7 (the table).")]),
    ]
