"""Practice 17 (next-word prediction): the source's next-word example, its RNN equations, techniques and
libraries; perplexity, smoothing, temperature; then code: perplexity from probabilities, a bigram probability by
counting, temperature on logits, and top-k suggestions from a probability vector."""
import math

from ...i18n import T
from ..codecheck import Code
from ..kinds import MultipleChoice, Numeric, Open, Shape, TrueFalse
from ._mistakes import CodeWithMistakes
from ._nb17_graders import (
    BIGRAM_CASES,
    BIGRAM_MISTAKES,
    PPL_CASES,
    PPL_MISTAKES,
    TEMP_CASES,
    TEMP_MISTAKES,
    _bigram_prob,
    _grade_top_k,
    _perplexity,
    _with_temperature,
    _wrong_indices,
    _wrong_smallest,
    _wrong_top_k_ascending,
    _wrong_words_only,
)

TITLE = T("अगले शब्द का अनुमान", "Next-word prediction")
INTRO = T(
    "पहले स्रोत नोट्स के हर हिस्से पर प्रश्न (अगले शब्द का उदाहरण, RNN के समीकरण, तकनीकें, libraries, सीमाएँ), फिर "
    "perplexity, smoothing और तापमान (temperature), और आख़िर में चार code exercises। `math` और `torch` पहले से import हैं।",
    "First questions on every part of the source notes (the next-word example, the RNN equations, techniques, "
    "libraries, limitations), then perplexity, smoothing and temperature, and finally four code exercises. `math` "
    "and `torch` are already imported.",
)
SETUP = "import math\nimport torch"


# ------------------------------------------------------------------------------------------ questions

def questions():
    return [
        MultipleChoice("q1", T('(स्रोत नोट्स: "I am going to the ___") एक phone keyboard अगला शब्द सुझाता है। उसका language '
                               'model असल में क्या लौटाता है?',
                               '(Source: "I am going to the ___") A phone keyboard suggests the next word. What does '
                               'its language model actually return?'),
            [T("पूरी vocabulary पर एक probability distribution $P(w_{t+1} \\mid w_1, \\dots, w_t)$; keyboard उसमें से सबसे "
               "बड़ी k probabilities वाले शब्द दिखाता है",
               "a probability distribution over the whole vocabulary, $P(w_{t+1} \\mid w_1, \\dots, w_t)$; the "
               "keyboard shows the words with the k largest probabilities"),
             T("ठीक तीन शब्द: market, office, school", "exactly three words: market, office, school"),
             T("केवल एक शब्द, जो हमेशा सही होता है", "one single word, which is always right"),
             T("पिछले शब्दों की एक list, जिसे model memory में रखता है", "a list of the previous words, kept in memory")],
            "a",
            why={"b": T("ये केवल distribution के सबसे ऊपर के तीन शब्द हैं; model हर शब्द को एक probability देता है।",
                        "these are only the top three words of the distribution; the model gives every word a "
                        "probability."),
                 "c": T("अगला शब्द अनिश्चित है; इसलिए model probabilities देता है, कोई पक्का उत्तर नहीं।",
                        "the next word is uncertain; that is why the model gives probabilities, not one sure answer."),
                 "d": T("memory (hidden state) एक vector है, और output अगले शब्द की distribution है।",
                        "the memory (hidden state) is a vector, and the output is the next-word distribution.")},
            hints=[T("softmax के बाद output का आकार vocabulary जितना है।",
                     "After the softmax the output is as long as the vocabulary."),
                   T("keyboard 3 सुझाव क्यों दिखाता है, 1 क्यों नहीं?", "Why does the keyboard show 3 suggestions, not 1?")],
            solution='q1_answer = "a"', wrong="b",
            explanation=T("Language model हर step पर softmax से पूरी vocabulary पर distribution देता है; सुझाव उसका top-k हैं "
                          "(notebook 17 का `suggest`)।",
                          "At every step a language model gives, through a softmax, a distribution over the whole "
                          "vocabulary; the suggestions are its top-k (`suggest` in notebook 17).")),
        MultipleChoice("q2", T('(स्रोत नोट्स के समीकरण) स्रोत नोट्स लिखते हैं $Y_t = g(H_t)$, जहाँ $g$ = "softmax/sigmoid"। अगला '
                               'शब्द बताने वाले model के output के लिए कौन-सा रूप सही है?',
                               "(The source's equations) The source writes $Y_t = g(H_t)$ with $g$ = "
                               "\"softmax/sigmoid\". Which form is right for the output of a next-word model?"),
            ["$\\hat{y}_t = \\operatorname{softmax}(V h_t + c)$",
             "$\\hat{y}_t = \\sigma(h_t)$",
             "$\\hat{y}_t = \\tanh(V h_t + c)$",
             "$\\hat{y}_t = \\operatorname{ReLU}(V h_t)$"],
            "a",
            why={"b": T("Sigmoid हर output को अलग से 0–1 में दबाता है, जोड़ 1 नहीं होता; और output layer ($V$, $c$) भी छूट "
                        "गई।",
                        "a sigmoid squashes each output to 0–1 on its own, they do not add up to 1; and the output "
                        "layer ($V$, $c$) is missing too."),
                 "c": T("tanh के मान −1 से 1 हैं: वे probabilities नहीं हैं।",
                        "tanh gives values from −1 to 1: not probabilities."),
                 "d": T("ReLU के मान probabilities नहीं हैं, और उनका जोड़ 1 नहीं।",
                        "ReLU values are not probabilities, and do not add up to 1.")},
            hints=[T("सैकड़ों classes में से ठीक एक शब्द आगे आता है।", "Exactly one of hundreds of classes comes next."),
                   T("किस function के outputs धनात्मक हैं और उनका जोड़ 1 है?",
                     "Which function gives positive outputs that add up to 1?")],
            solution='q2_answer = "a"', wrong="b",
            explanation=T("Output layer (weights $V$, bias $c$) hidden state को vocabulary जितने logits में बदलती है, और "
                          "softmax उन्हें probabilities में।",
                          "The output layer (weights $V$, bias $c$) turns the hidden state into as many logits as "
                          "there are words, and the softmax turns them into probabilities.")),
        TrueFalse("q3", T('(स्रोत नोट्स का walk-through) "I am going to the" पढ़ने के बाद RNN की memory में ये पाँच शब्द एक list '
                          'की तरह रखे होते हैं ("Memory: I am going to the")।',
                          "(The source's walk-through) After reading \"I am going to the\", the RNN's memory holds "
                          "these five words as a list (\"Memory: I am going to the\")."),
            False,
            hints=[T("notebook 17 के section 11 में $h$ का shape prefix की लंबाई के साथ बदलता है क्या?",
                     "In section 11 of notebook 17, does the shape of $h$ change with the length of the prefix?"),
                   T("hidden state में कितनी संख्याएँ हैं?", "How many numbers does the hidden state hold?")],
            solution="q3_answer = False", wrong=True,
            explanation=T("Memory एक तय आकार का vector है ($H$ संख्याएँ; LSTM में $h_t$ और $c_t$), चाहे 1 शब्द पढ़ा हो या 10। हर "
                          "नया शब्द उसे बदलता है; पुराने शब्द उसमें केवल सारांश के रूप में बचते हैं।",
                          "The memory is a vector of fixed size ($H$ numbers; $h_t$ and $c_t$ in an LSTM), whether 1 "
                          "word was read or 10. Every new word changes it; old words survive only as a summary.")),
        MultipleChoice("q4", T('(स्रोत नोट्स: RNN के प्रकार) Training के समय language model "I am going to the market." के '
                               '**हर** शब्द के बाद अगले शब्द का अनुमान लगाता है। यह कौन-सा RNN प्रकार है?',
                               '(Source: types of RNN) During training, a language model predicts the next word after '
                               '**every** word of "I am going to the market.". Which type of RNN is this?'),
            ["one-to-one",
             "one-to-many",
             "many-to-one",
             T("many-to-many (हर input step पर एक output)", "many-to-many (one output at every input step)")],
            "d",
            why={"c": T("many-to-one पूरे sequence के बाद एक ही output देता है (जैसे sentiment); स्रोत नोट्स का walk-through ऐसा "
                        "दिखता है, पर training हर step के output पर होती है।",
                        "many-to-one gives one output after the whole sequence (like sentiment); the source's "
                        "walk-through looks like that, but training uses the output of every step."),
                 "a": T("यहाँ input एक sequence है।", "here the input is a sequence."),
                 "b": T("यहाँ input एक sequence है, एक चीज़ नहीं।", "here the input is a sequence, not a single item.")},
            hints=[T("Loss में कितने अनुमान जुड़ते हैं?", "How many predictions add to the loss?"),
                   T("Input $x$ और target $y$ की लंबाई बराबर है, और $y$, $x$ से एक शब्द आगे खिसका हुआ है।",
                     "Input $x$ and target $y$ have the same length, shifted by one word.")],
            solution='q4_answer = "d"', wrong="c",
            explanation=T('Input और output दोनों sequences हैं, बराबर लंबाई के (स्रोत नोट्स `002` का "fixed length '
                          'sequence2sequence"): हर step पर अगला शब्द। Keyboard पर इस्तेमाल करते समय हम केवल आख़िरी step का '
                          'output देखते हैं।',
                          "Input and output are both sequences of the same length (source `002`'s \"fixed length "
                          "sequence2sequence\"): the next word at every step. When a keyboard uses the model, we look "
                          "only at the last step's output.")),
        MultipleChoice("q5",
            T('(स्रोत नोट्स की तकनीकें) स्रोत नोट्स कहते हैं कि ReLU "RNN की training तेज़ करता है" और sigmoid "output को '
              'probability बनाता है"। Word-level LSTM language model के बारे में कौन-से कथन सही हैं?',
              "(The source's techniques) The source says ReLU \"speeds up RNN training\" and sigmoid \"converts output "
              "into probability\". Which statements about a word-level LSTM language model are right?"),
            [T("LSTM के gates sigmoid इस्तेमाल करते हैं (0 से 1: कितना जाने दें), और cell/hidden state tanh",
               "the LSTM's gates use sigmoid (0 to 1: how much to let through), and the cell/hidden state uses tanh"),
             T("अगले शब्द की probabilities softmax से आती हैं, sigmoid से नहीं",
               "the next-word probabilities come from a softmax, not a sigmoid"),
             T("Hidden state में tanh की जगह ReLU लगाना हमेशा बेहतर है",
               "using ReLU instead of tanh in the hidden state is always better"),
             T("BPTT (backpropagation through time) सारे time steps से होकर gradient पीछे भेजकर RNN को train करता है",
               "BPTT (backpropagation through time) trains an RNN by sending the gradient back across all time steps")],
            ["a", "b", "d"],
            why={"c": T("ReLU की ऊपरी सीमा नहीं; वही $U$ हर step पर लगता है, इसलिए activations और gradients फट सकते हैं।",
                        "ReLU has no upper bound; the same $U$ is applied at every step, so activations and gradients "
                        "can explode.")},
            hints=[T("Gate का काम \"कितना\" बताना है: 0 से 1 का अंश।", 'A gate says "how much": a fraction from 0 to 1.'),
                   T("तीन कथन सही हैं।", "Three statements are right.")],
            solution='q5_answer = ["a", "b", "d"]', wrong=["a", "c"],
            explanation=T("Gates: sigmoid; cell और hidden: tanh; output: softmax; training: BPTT (आम तौर पर Adam और "
                          "gradient clipping के साथ)।",
                          "Gates: sigmoid; cell and hidden: tanh; output: softmax; training: BPTT (usually with Adam "
                          "and gradient clipping).")),
        MultipleChoice("q6",
            T("(स्रोत नोट्स की libraries) कौन-से कथन सही हैं?", "(The source's libraries) Which statements are right?"),
            [T("Theano Microsoft ने बनाया था और आज सबसे लोकप्रिय library है",
               "Theano was made by Microsoft and is the most popular library today"),
             T("Theano Montréal विश्वविद्यालय (MILA) में बना था; उसका विकास 2017 में बंद हुआ",
               "Theano was made at the Université de Montréal (MILA); its development stopped in 2017"),
             T("Keras 3 TensorFlow, JAX या PyTorch के ऊपर चल सकता है",
               "Keras 3 can run on top of TensorFlow, JAX or PyTorch"),
             T("PyTorch में `nn.Embedding`, `nn.LSTM` और `nn.Linear` से word-level language model बनता है",
               "in PyTorch a word-level language model is built from `nn.Embedding`, `nn.LSTM` and `nn.Linear`")],
            ["b", "c", "d"],
            why={"a": T("स्रोत नोट्स `002` की यह बात ग़लत है: Theano MILA (Montréal) का था, और 2017 से उसका विकास रुका हुआ है।",
                        "this claim of source `002` is wrong: Theano came from MILA (Montréal), and its development "
                        "has stopped since 2017.")},
            hints=[T("एक कथन स्रोत नोट्स `002` से लिया गया है और ग़लत है।",
                     "One statement comes from source `002` and is wrong."),
                   T("notebook 17 का section 13 देखिए।", "See section 13 of notebook 17.")],
            solution='q6_answer = ["b", "c", "d"]', wrong=["a", "c"],
            explanation=T("Theano: MILA, 2017 में बंद (शाखा: PyTensor)। Keras 3 (2023): कई backends। PyTorch: Embedding → "
                          "LSTM → Linear (`coursekit.langmodel.WordLSTMLM`)।",
                          "Theano: MILA, stopped in 2017 (fork: PyTensor). Keras 3 (2023): several backends. PyTorch: "
                          "Embedding → LSTM → Linear (`coursekit.langmodel.WordLSTMLM`).")),
        MultipleChoice("q7",
            T("(स्रोत नोट्स की सीमाएँ: \"Slow training\") RNN/LSTM की training Transformer की तुलना में धीमी क्यों होती है?",
              "(The source's limitations: \"Slow training\") Why is RNN/LSTM training slower than a Transformer's?"),
            [T("step $t$ के लिए $h_{t-1}$ चाहिए, इसलिए time steps एक के बाद एक चलते हैं — time पर parallel काम नहीं हो सकता",
               "step $t$ needs $h_{t-1}$, so the time steps run one after another — the work cannot run in parallel "
               "over time"),
             T("RNN में Transformer से हमेशा ज़्यादा parameters होते हैं",
               "an RNN always has more parameters than a Transformer"),
             T("RNN को GPU पर नहीं चलाया जा सकता", "an RNN cannot run on a GPU"),
             T("RNN tanh इस्तेमाल करता है, और tanh धीमा function है", "an RNN uses tanh, and tanh is a slow function")],
            "a",
            why={"b": T("हमारा LSTM लगभग 2 लाख parameters का है; parameters की गिनती कारण नहीं।",
                        "our LSTM has about 200 thousand parameters; the parameter count is not the reason."),
                 "c": T("RNN GPU पर चलते हैं (cuDNN में LSTM kernels हैं), बस time steps क्रम से।",
                        "RNNs do run on GPUs (cuDNN has LSTM kernels), just step after step in time."),
                 "d": T("tanh सस्ता है; रुकावट क्रम (sequence) की निर्भरता है।",
                        "tanh is cheap; the bottleneck is the sequential dependency.")},
            hints=[T("$h_t = \\tanh(W x_t + U h_{t-1} + b)$ को देखिए: $h_5$ निकालने से पहले क्या चाहिए?",
                     "Look at $h_t = \\tanh(W x_t + U h_{t-1} + b)$: what do you need before computing $h_5$?")],
            solution='q7_answer = "a"', wrong="d",
            explanation=T("RNN की recurrence क्रमिक है। Transformer (attention) किसी sequence के सारे positions एक साथ "
                          "निकालता है — बड़े NLP models में उसके छा जाने का एक बड़ा कारण यही है।",
                          "The RNN recurrence is sequential. A Transformer (attention) computes all positions of a "
                          "sequence at once — one big reason why it took over large NLP models.")),
        Shape("q8", T("32 वाक्यों का batch, हर एक `<pad>` से 14 tokens तक भरा हुआ, vocabulary 500 शब्दों की, embedding 64 और "
                      "hidden size 128। `WordLSTMLM` (batch_first) के logits का shape क्या है?",
                      "A batch of 32 sentences, each padded with `<pad>` to 14 tokens, a vocabulary of 500 words, "
                      "embedding 64 and hidden size 128. What is the shape of `WordLSTMLM`'s logits (batch_first)?"),
            (32, 14, 500), meaning="(batch, time, vocabulary)",
            hints=[T("Embedding: (B, T) → (B, T, E); LSTM: → (B, T, H); Linear: → ?",
                     "Embedding: (B, T) → (B, T, E); LSTM: → (B, T, H); Linear: → ?"),
                   T("हर position पर vocabulary के हर शब्द के लिए एक score।",
                     "One score for every word of the vocabulary at every position.")],
            solution="q8_answer = (32, 14, 500)", wrong=(32, 14, 128),
            explanation=T("हर (वाक्य, position) पर 500 logits: (32, 14, 500)। (32, 14, 128) LSTM का output है, Linear से "
                          "पहले।",
                          "500 logits at every (sentence, position): (32, 14, 500). (32, 14, 128) is the LSTM's "
                          "output, before the Linear layer.")),
        MultipleChoice("q9",
            T("Vocabulary केवल train वाक्यों से क्यों बनाते हैं, और `min_freq = 2` से क्या होता है?",
              "Why is the vocabulary built from the training sentences only, and what does `min_freq = 2` do?"),
            [T("test के शब्द पहले से जानना धोखा होगा; असली user भी नए शब्द लिखेगा",
               "knowing the test words in advance would be cheating; a real user will type new words too"),
             T("train में 2 से कम बार आए शब्द `<unk>` बनते हैं, तो model `<unk>` का embedding भी सीखता है",
               "words seen fewer than 2 times in training become `<unk>`, so the model also learns an embedding for "
               "`<unk>`"),
             T("`min_freq` से test perplexity की गणना में `<unk>` tokens गिने नहीं जाते",
               "`min_freq` makes the test perplexity skip the `<unk>` tokens"),
             T("इससे vocabulary छोटी होती है और output layer के parameters कम होते हैं",
               "it makes the vocabulary smaller, and the output layer gets fewer parameters")],
            ["a", "b", "d"],
            why={"c": T("`<unk>` भी एक target है और perplexity में गिना जाता है; इसीलिए perplexity की तुलना केवल एक ही "
                        "vocabulary पर ठीक है।",
                        "`<unk>` is a target like any other and counts in the perplexity; that is why perplexities "
                        "compare only on the same vocabulary.")},
            hints=[T("Validation और test में कितने tokens `<unk>` बने (notebook 17, section 2)?",
                     "How many validation and test tokens became `<unk>` (notebook 17, section 2)?")],
            solution='q9_answer = ["a", "b", "d"]', wrong=["a", "c"],
            explanation=T("Vocabulary = train की दुनिया। दुर्लभ शब्द `<unk>` में मिला दिए जाते हैं, जिससे model नए शब्दों के लिए तैयार रहता है "
                          "और output layer ($V \\times H$) छोटी रहती है।",
                          "The vocabulary is the world of the training set. Rare words merge into `<unk>`, which "
                          "prepares the model for new words and keeps the output layer ($V \\times H$) small.")),
        Numeric("q10",
            T("एक model अगले token के लिए 500 संभव tokens में से हर एक को बराबर probability देता है। उसकी perplexity कितनी है?",
              "A model gives the same probability to each of 500 possible next tokens. What is its perplexity?"),
            500.0, rel_tol=1e-6,
            mistakes={1 / 500: T("यह हर token की probability है; perplexity उसका उलटा है: $(1/500)^{-1}$।",
                                 "that is the probability of each token; the perplexity is its inverse: "
                                 "$(1/500)^{-1}$."),
                      math.log(500): T("यह cross-entropy $H$ (nats में) है; perplexity $e^{H}$ है।",
                                       "that is the cross-entropy $H$ (in nats); the perplexity is $e^{H}$.")},
            hints=[T("हर step पर $P = 1/500$; $H = -\\log(1/500)$।", "At every step $P = 1/500$; $H = -\\log(1/500)$."),
                   T("$\\mathrm{PPL} = e^{H}$।", "$\\mathrm{PPL} = e^{H}$.")],
            solution="q10_answer = 500", wrong=math.log(500),
            explanation=T("बराबर बँटी probability पर perplexity = विकल्पों की संख्या: यही \"कितने बराबर विकल्प\" वाला अर्थ है।",
                          'With the probability spread evenly the perplexity equals the number of options: the "how '
                          'many equally likely choices" meaning.')),
        Numeric("q11", T("Training के आख़िर में validation cross-entropy loss 2.5 (nats, प्रति token) है। Validation "
                         "perplexity कितनी है?",
                         "At the end of training the validation cross-entropy loss is 2.5 (nats, per token). What is "
                         "the validation perplexity?"),
            math.exp(2.5), rel_tol=1e-3,
            mistakes={2 ** 2.5: T("$2^{H}$ तब है जब $H$ bits में हो (log base 2); PyTorch का loss natural log (nats) में है।",
                                  "$2^{H}$ is for $H$ in bits (log base 2); PyTorch's loss uses the natural log "
                                  "(nats)."),
                      10 ** 2.5: T("log base 10 नहीं: PyTorch natural log इस्तेमाल करता है।",
                                   "not log base 10: PyTorch uses the natural log.")},
            hints=[T("$\\mathrm{PPL} = e^{\\text{loss}}$।", "$\\mathrm{PPL} = e^{\\text{loss}}$."),
                   T("`math.exp(2.5)`।", "`math.exp(2.5)`.")],
            solution="q11_answer = math.exp(2.5)", wrong=2 ** 2.5,
            explanation=T("$e^{2.5} \\approx 12.18$: model मानो हर step पर लगभग 12 बराबर विकल्पों में से चुन रहा है।",
                          "$e^{2.5} \\approx 12.18$: as if the model chose among about 12 equally likely options at "
                          "every step.")),
        MultipleChoice("q12",
            T("Bigram model को बिना smoothing ($k = 0$) के validation पर चलाया गया, और perplexity `inf` आई। क्यों, और क्या करें?",
              "A bigram model without smoothing ($k = 0$) was run on the validation set, and the perplexity was `inf`. "
              "Why, and what should you do?"),
            [T("Validation में कोई जोड़ी थी जो train में नहीं दिखी: उसकी probability 0, $\\log 0 = -\\infty$; add-k "
               "smoothing लगाइए और $k$ validation पर चुनिए",
               "the validation set held a pair never seen in training: probability 0, $\\log 0 = -\\infty$; use add-k "
               "smoothing and choose $k$ on the validation set"),
             T("Model का code ग़लत है; bigram की perplexity कभी inf नहीं होती",
               "the code is wrong; a bigram's perplexity is never inf"),
             T("हमेशा $k = 1$ (Laplace) लीजिए, वही सबसे अच्छा है", "always take $k = 1$ (Laplace); it is the best"),
             T("Validation से `<unk>` tokens हटा दीजिए", "remove the `<unk>` tokens from the validation set")],
            "a",
            why={"c": T("छोटे corpus पर $k = 1$ अनदेखी जोड़ियों को ज़रूरत से बहुत ज़्यादा probability देता है; notebook 17 में सबसे अच्छा $k$ 0.01 के "
                        "आसपास था।",
                        "on a small corpus $k = 1$ gives unseen pairs far too much probability; in notebook 17 the "
                        "best $k$ was around 0.01."),
                 "d": T("इससे तुलना निष्पक्ष नहीं रहेगी, और अनदेखी जोड़ियाँ फिर भी रहेंगी।",
                        "that makes the comparison dishonest, and unseen pairs remain anyway."),
                 "b": T("अनदेखी जोड़ी पर $c(v, w) = 0$, तो बिना smoothing के probability सच में 0 है।",
                        "for an unseen pair $c(v, w) = 0$, so without smoothing the probability really is 0.")},
            hints=[T("$\\mathrm{PPL} = \\exp(-\\frac{1}{N} \\sum \\log P)$; अगर एक $P = 0$ हो?",
                     "$\\mathrm{PPL} = \\exp(-\\frac{1}{N} \\sum \\log P)$; what if one $P = 0$?")],
            solution='q12_answer = "a"', wrong="c",
            explanation=T("एक भी शून्य probability पूरे text की perplexity अनंत कर देती है। Add-k (और unigram के साथ "
                          "interpolation) हर जोड़ी को थोड़ी probability देते हैं।",
                          "A single zero probability makes the perplexity of the whole text infinite. Add-k (and "
                          "interpolation with the unigram) give every pair a little probability.")),
        MultipleChoice("q13", T("Generation में तापमान (temperature) $T$ के बारे में कौन-से कथन सही हैं?",
                                "Which statements about the temperature $T$ in generation are right?"),
            [T("$T = 0.5$ पर सबसे संभावित शब्द और भी ज़्यादा संभावित हो जाते हैं: text सुरक्षित पर दोहराव वाला",
               "at $T = 0.5$ the most likely words become even more likely: safe but repetitive text"),
             T("$T = 1.5$ पर distribution चपटी होती है: text विविध, पर अटपटे शब्द ज़्यादा",
               "at $T = 1.5$ the distribution flattens: varied text, but more odd words"),
             T("$T \\to 0$ पर sampling हमेशा सबसे संभावित शब्द चुनने (greedy) जैसा हो जाता है",
               "as $T \\to 0$ sampling becomes always picking the most likely word (greedy)"),
             T("तापमान शब्दों का क्रम (ranking) बदल देता है", "the temperature changes the ranking of the words")],
            ["a", "b", "c"],
            why={"d": T("$z/T$ से सारे logits को एक ही धनात्मक संख्या से भाग दिया जाता है, तो क्रम वही रहता है; केवल फ़ासले बदलते हैं।",
                        "$z/T$ divides all logits by the same positive number, so the order stays; only the gaps "
                        "change.")},
            hints=[T("$p_T(j) \\propto \\exp(z_j / T)$।", "$p_T(j) \\propto \\exp(z_j / T)$."),
                   T("$T$ छोटा हो तो logits के बीच के अंतर बड़े हो जाते हैं।",
                     "A small $T$ makes the gaps between logits larger.")],
            solution='q13_answer = ["a", "b", "c"]', wrong=["a", "d"],
            explanation=T("तापमान केवल distribution की \"धार\" बदलता है: $T < 1$ नुकीली, $T > 1$ चपटी, क्रम वही।",
                          "The temperature only changes how peaked the distribution is: $T < 1$ sharper, $T > 1$ "
                          "flatter, the same order.")),
        TrueFalse("q14",
            T("दो language models की perplexity की तुलना हमेशा निष्पक्ष है, चाहे उनकी vocabulary अलग हो।",
              "Comparing the perplexities of two language models is always fair, even with different vocabularies."),
            False,
            hints=[T("अगर एक model आधे शब्दों को `<unk>` बना दे तो उसका काम आसान होगा या कठिन?",
                     "If a model turns half the words into `<unk>`, does its task get easier or harder?")],
            solution="q14_answer = False", wrong=True,
            explanation=T("छोटी vocabulary (ज़्यादा `<unk>`) या अलग tokenisation से perplexity अपने-आप बदलती है। इसलिए "
                          "notebook 17 में सारे models एक ही vocabulary पर मापे गए।",
                          "A smaller vocabulary (more `<unk>`) or a different tokenisation changes the perplexity by "
                          "itself. That is why all models in notebook 17 are measured on one vocabulary.")),
        Open("q15",
            T('(स्रोत नोट्स का उदाहरण) "I am going to the" के बाद model market, office, station सुझाता है। अब user लिखता है '
              '"I am going to the station to"। 3-4 वाक्यों में समझाइए: model हर शब्द के बाद क्या करता है, और अब सुझाव क्यों बदलते हैं? '
              'Bigram इसमें कहाँ पीछे रह जाता है?',
              "(The source's example) After \"I am going to the\" the model suggests market, office, station. Now the "
              "user types \"I am going to the station to\". In 3-4 sentences explain: what does the model do after "
              "each word, and why do the suggestions change now? Where does a bigram fall behind?"),
            model_answer=T('हर शब्द का embedding LSTM में जाता है और hidden state $h_t$ (एक तय आकार का vector) को update '
                           'करता है; उससे softmax पूरी vocabulary पर अगले शब्द की distribution देता है। "the" के बाद वाक्य का '
                           'ढाँचा ("I am going to the ___") किसी जगह का नाम माँगता है, इसलिए market/office/station। "station to" के '
                           'बाद hidden state में यह सारांश है कि कोई कहीं किसी काम से जा रहा है, तो अब क्रियाएँ आती हैं (buy, '
                           'meet, catch …)। Bigram केवल आख़िरी शब्द "to" देखता है, इसलिए उसकी सबसे ऊपर की पसंद अक्सर "the" '
                           'होती है, और वह "going to the station" का संदर्भ इस्तेमाल नहीं कर सकता।',
                           "Each word's embedding enters the LSTM and updates the hidden state $h_t$ (a vector of "
                           "fixed size); from it a softmax gives the next-word distribution over the whole vocabulary. "
                           "After \"the\" the sentence's shape (\"I am going to the ___\") asks for a place, hence "
                           "market/office/station. After \"station to\" the hidden state summarises that someone is "
                           "going somewhere for a purpose, so verbs come now (buy, meet, catch …). A bigram sees only "
                           "the last word \"to\", so its top choice is often \"the\", and it cannot use the context "
                           "\"going to the station\"."),
            hints=[T("LSTM की memory में क्या है, और bigram की \"memory\" कितनी लंबी है?",
                     "What is in the LSTM's memory, and how long is the bigram's \"memory\"?"),
                   T("notebook 17 में `suggest` से दोनों prefixes आज़माइए।",
                     "Try both prefixes with `suggest` in notebook 17.")]),
        # ------------------------------------------------------------------ code
        CodeWithMistakes("q16",
            T("`perplexity_of(probs)` लिखिए: `probs` उन probabilities की list है जो model ने $N$ असली अगले शब्दों को दीं। "
              "लौटाइए $\\mathrm{PPL} = \\exp\\left(-\\frac{1}{N} \\sum_{t} \\log p_t\\right)$।",
              "Write `perplexity_of(probs)`: `probs` is the list of probabilities a model gave to the $N$ true next "
              "words. Return $\\mathrm{PPL} = \\exp\\left(-\\frac{1}{N} \\sum_{t} \\log p_t\\right)$."),
            reference=_perplexity, atol=1e-6, answer_name="perplexity_of", cases=PPL_CASES, mistakes=PPL_MISTAKES,
            starter="def perplexity_of(probs):\n"
                    "    H = ____          # mean negative log-probability (cross-entropy)\n"
                    "    return ____       # perplexity = exp(H)",
            solution="def perplexity_of(probs):\n"
                     "    H = -sum(math.log(p) for p in probs) / len(probs)\n"
                     "    return math.exp(H)",
            hints=[T("पहले cross-entropy: `H = -sum(math.log(p) for p in probs) / len(probs)`।",
                     "First the cross-entropy: `H = -sum(math.log(p) for p in probs) / len(probs)`."),
                   T("फिर `math.exp(H)`। $N$ से भाग देना मत भूलिए — वरना लंबे text की perplexity अपने-आप बढ़ेगी।",
                     "Then `math.exp(H)`. Do not forget to divide by $N$ — otherwise a longer text gets a larger "
                     "perplexity just for its length.")],
            explanation=T("[1/2, 1/4, 1/8] पर $H = \\ln 4$ और perplexity 4: model मानो हर step पर 4 बराबर विकल्पों में से चुन "
                          "रहा है।",
                          "For [1/2, 1/4, 1/8], $H = \\ln 4$ and the perplexity is 4: as if the model chose among 4 "
                          "equally likely options at every step.")),
        CodeWithMistakes("q17",
            T("गिनती से bigram probability: `bigram_prob(sentences, prev, word, k=0.0, V=None)` लिखिए। `sentences` "
              "tokens की lists हैं (`<bos>` और `<eos>` के साथ)। हर वाक्य में लगातार आने वाली जोड़ियाँ $(s_i, s_{i+1})$ गिनिए और "
              "लौटाइए $P(w \\mid v) = \\frac{c(v, w) + k}{c(v) + k V}$, जहाँ $c(v)$ = जोड़ियों में $v$ कितनी बार **पहले** "
              "आया ($k = 0$ पर `V` की ज़रूरत नहीं)।",
              "A bigram probability by counting: write `bigram_prob(sentences, prev, word, k=0.0, V=None)`. "
              "`sentences` are lists of tokens (with `<bos>` and `<eos>`). Count the consecutive pairs $(s_i, "
              "s_{i+1})$ inside each sentence and return $P(w \\mid v) = \\frac{c(v, w) + k}{c(v) + k V}$, where "
              "$c(v)$ = how often $v$ comes **first** in a pair (with $k = 0$, `V` is not needed)."),
            reference=_bigram_prob, cases=BIGRAM_CASES, mistakes=BIGRAM_MISTAKES, atol=1e-9, answer_name="bigram_prob",
            starter="def bigram_prob(sentences, prev, word, k=0.0, V=None):\n"
                    "    pairs = [(s[i], s[i + 1]) for s in sentences for i in range(len(s) - 1)]\n"
                    "    c_pair = ____     # how often (prev, word) occurs\n"
                    "    c_prev = ____     # how often prev is followed by anything\n"
                    "    return (c_pair + k) / (c_prev + k * (V or 0))",
            solution="def bigram_prob(sentences, prev, word, k=0.0, V=None):\n"
                     "    pairs = [(s[i], s[i + 1]) for s in sentences for i in range(len(s) - 1)]\n"
                     "    c_pair = sum(1 for a, b in pairs if a == prev and b == word)\n"
                     "    c_prev = sum(1 for a, _ in pairs if a == prev)\n"
                     "    return (c_pair + k) / (c_prev + k * (V or 0))",
            hints=[T("`c_pair = sum(1 for a, b in pairs if a == prev and b == word)`।",
                     "`c_pair = sum(1 for a, b in pairs if a == prev and b == word)`."),
                   T("भाजक $c(v)$ है — वे जोड़ियाँ जिनमें $v$ पहले है — सारी जोड़ियों की संख्या नहीं; वरना आपको $P(v, w)$ मिलेगा, "
                     "$P(w \\mid v)$ नहीं।",
                     "The denominator is $c(v)$ — the pairs in which $v$ comes first — not the number of all pairs; "
                     "otherwise you get $P(v, w)$, not $P(w \\mid v)$.")],
            explanation=T('"the" के बाद: market 2 बार, office, window, end, `<eos>` 1-1 बार — $c(\\text{the}) = 6$, तो '
                          '$P(\\text{market} \\mid \\text{the}) = 2/6$। Smoothing अनदेखी जोड़ी ("the school") को भी थोड़ी '
                          'probability देता है।',
                          'After "the": market twice, office, window, end, `<eos>` once each — $c(\\text{the}) = 6$, '
                          'so $P(\\text{market} \\mid \\text{the}) = 2/6$. Smoothing gives the unseen pair ("the '
                          'school") a little probability too.')),
        CodeWithMistakes("q18", T("`with_temperature(logits, T)` लिखिए: logits (आख़िरी axis पर शब्द) को तापमान $T$ "
                                  "से बदलकर probabilities लौटाइए: $p_T(j) = \\frac{\\exp(z_j / T)}{\\sum_{u} \\exp(z_u "
                                  "/ T)}$ (आख़िरी axis पर softmax)।",
                                  "Write `with_temperature(logits, T)`: reshape the logits (words on the last axis) "
                                  "with the temperature $T$ and return probabilities: $p_T(j) = \\frac{\\exp(z_j / "
                                  "T)}{\\sum_{u} \\exp(z_u / T)}$ (a softmax over the last axis)."),
            reference=_with_temperature, cases=TEMP_CASES, mistakes=TEMP_MISTAKES, atol=1e-5,
            answer_name="with_temperature",
            starter="def with_temperature(logits, T):\n"
                    "    scaled = ____                  # divide the logits by T\n"
                    "    return torch.softmax(____, dim=-1)",
            solution="def with_temperature(logits, T):\n"
                     "    scaled = logits / T\n"
                     "    return torch.softmax(scaled, dim=-1)",
            hints=[T("`logits / T`, फिर `torch.softmax(..., dim=-1)`।",
                     "`logits / T`, then `torch.softmax(..., dim=-1)`."),
                   T("$T$ से **भाग** दीजिए: $T < 1$ पर फ़ासले बढ़ने चाहिए।",
                     "**Divide** by $T$: with $T < 1$ the gaps must grow.")],
            explanation=T("[2, 1, 0] पर $T = 1$ से softmax ≈ [0.665, 0.245, 0.090]; $T = 0.5$ पर पहला शब्द ≈ 0.867; $T = "
                          "2$ पर ≈ 0.506।",
                          "For [2, 1, 0], $T = 1$ gives softmax ≈ [0.665, 0.245, 0.090]; at $T = 0.5$ the first word "
                          "gets ≈ 0.867; at $T = 2$ ≈ 0.506.")),
        Code("q19",
            T("Keyboard के सुझाव: `top_k_words(probs, words, k)` लिखिए। `probs` एक probability vector (tensor) है और "
              "`words[i]` उसका शब्द। सबसे बड़ी $k$ probabilities वाले `(शब्द, probability)` जोड़े लौटाइए, सबसे बड़ी पहले।",
              "The keyboard's suggestions: write `top_k_words(probs, words, k)`. `probs` is a probability vector (a "
              "tensor) and `words[i]` its word. Return the `(word, probability)` pairs with the $k$ largest "
              "probabilities, largest first."),
            grader=_grade_top_k, answer_name="top_k_words",
            starter="def top_k_words(probs, words, k):\n"
                    "    values, indices = ____        # the k largest entries (torch.topk)\n"
                    "    return [(words[int(i)], float(v)) for i, v in zip(indices, values)]",
            solution="def top_k_words(probs, words, k):\n"
                     "    values, indices = torch.topk(probs, k)\n"
                     "    return [(words[int(i)], float(v)) for i, v in zip(indices, values)]",
            wrongs=[_wrong_top_k_ascending, _wrong_words_only, _wrong_indices, _wrong_smallest],
            hints=[T("`torch.topk(probs, k)` `(values, indices)` लौटाता है, बड़े से छोटे क्रम में।",
                     "`torch.topk(probs, k)` returns `(values, indices)`, from largest to smallest."),
                   T("बिना torch के: `sorted(range(len(probs)), key=lambda i: -probs[i])[:k]`।",
                     "Without torch: `sorted(range(len(probs)), key=lambda i: -probs[i])[:k]`.")]),
    ]
