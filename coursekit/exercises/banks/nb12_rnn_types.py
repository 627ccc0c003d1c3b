"""Practice 12 (types of RNN): sorting applications into types and the sources' mistakes, output shapes of every
type, padding and lengths by hand, pack_padded_sequence, reading the last real step, and a greedy decoding loop."""
from ...i18n import T
from ..codecheck import Code
from ..kinds import MultipleChoice, Numeric, Open, Shape, TensorValues, TrueFalse
from ._mistakes import CodeWithMistakes
from ._nb12_graders import (
    GREEDY_CASES,
    GREEDY_MISTAKES,
    _grade_final_states,
    _grade_last_real_output,
    _greedy,
    _wrong_all_rows,
    _wrong_first_layer,
    _wrong_last_step,
    _wrong_over_the_pads,
    _wrong_padded_output_last,
    _wrong_sorted_order,
    _wrong_step_lengths,
)

TITLE = T("RNN के प्रकार: one-to-one से encoder–decoder तक, padding और packing",
          "Types of RNN: from one-to-one to encoder–decoder, padding and packing")
INTRO = T(
    "स्रोत नोट्स के इन sections में अलग से अभ्यास-प्रश्न नहीं हैं, इसलिए पहले प्रश्न उनकी हर बात को परखते हैं: "
    "applications को प्रकारों में बाँटना और स्रोत नोट्स की ग़लतियाँ पकड़ना। फिर हर प्रकार के output shapes, एक batch का padding और "
    "`lengths` हाथ से, `pack_padded_sequence` से सही final state, और greedy decoding का loop। `torch`, `nn`, "
    "`pack_padded_sequence`, `pad_packed_sequence` और `coursekit.rnntypes` के modules पहले से import हैं। Notebook "
    "`notebooks/12_rnn_types.ipynb` साथ खुला रखिए।",
    "These sections of the source notes carry no practice questions of their own, so the first questions test each of "
    "their points: sorting applications into types and catching the notes' mistakes. Then the output shapes of every "
    "type, the padding and `lengths` of a batch by hand, the right final state with `pack_padded_sequence`, and the "
    "greedy decoding loop. `torch`, `nn`, `pack_padded_sequence`, `pad_packed_sequence` and the modules of "
    "`coursekit.rnntypes` are already imported. Keep the notebook `notebooks/12_rnn_types.ipynb` open beside this one.",
)

# The learner does not have the source notes: say what they are (each question quotes what it needs).
INTRO = T(INTRO.hi + " स्रोत नोट्स वे Hinglish lecture notes (`000`–`004`) हैं जिनके क्रम पर यह course चलता है; वे course "
          "के साथ नहीं आते, इसलिए जो प्रश्न उनसे लिया गया है या उनकी कोई बात सुधारता है, उसमें उनकी वह बात लिखी है।",
          INTRO.en + " The source notes are the Hinglish lecture notes (`000`–`004`) whose order this course follows; "
          "they do not come with the course, so every question taken from them, or correcting them, states what they "
          "say.")
SETUP = ("import torch\nfrom torch import nn\nfrom torch.nn.utils.rnn import pack_padded_sequence, pad_packed_sequence\n"
         "from coursekit.rnntypes import ManyToManyTagger, ManyToOne, OneToMany, Seq2Seq")

TYPES = [T("one-to-one (एक से एक)", "one-to-one"), T("one-to-many (एक से अनेक)", "one-to-many"),
         T("many-to-one (अनेक से एक)", "many-to-one"), T("many-to-many, बराबर लंबाई", "many-to-many, same length"),
         T("many-to-many, अलग लंबाई (encoder–decoder)", "many-to-many, different lengths (encoder–decoder)")]


def questions():
    return [
        MultipleChoice("q1", T("इनमें से कौन-से काम **many-to-one** हैं (पूरा sequence पढ़कर एक output)?",
                               "Which of these tasks are **many-to-one** (read a whole sequence, give one output)?"),
            [T("एक film review का sentiment (positive/negative)", "the sentiment of a film review (positive/negative)"),
             T("एक email spam है या नहीं", "whether an email is spam"),
             T("वाक्य के हर शब्द का part-of-speech tag", "the part-of-speech tag of every word of a sentence"),
             T("पिछले 30 दिनों के दामों से कल का एक दाम", "tomorrow's one price from the last 30 days' prices"),
             T("अंग्रेज़ी वाक्य का हिंदी अनुवाद", "the Hindi translation of an English sentence"),
             T("एक video clip में कौन-सी गतिविधि (activity) है", "which activity a video clip shows")],
            ["a", "b", "d", "f"],
            why={"c": T("हर शब्द का एक tag: output input जितना लंबा — many-to-many, बराबर लंबाई।",
                        "one tag per word: the output is as long as the input — many-to-many, same length."),
                 "e": T("अनुवाद का output एक वाक्य है, अलग लंबाई का: encoder–decoder।",
                        "a translation outputs a sentence, of a different length: encoder–decoder.")},
            hints=[T("हर विकल्प के लिए पूछिए: output में कितने steps हैं?",
                     "For each option ask: how many steps does the output have?"),
                   T("चार विकल्पों का output एक अकेला label या एक अकेली संख्या है।",
                     "Four options output a single label or a single number.")],
            solution='q1_answer = ["a", "b", "d", "f"]', wrong=["a", "c"],
            explanation=T('Sentiment, spam, कल का एक दाम और video की गतिविधि: सब पूरा sequence → एक output। (अगले 7 दिनों '
                          'के दाम एक साथ बताना many-to-one नहीं होता — स्रोत नोट्स `002` का "Forecasting stock price" केवल एक '
                          'दाम के लिए many-to-one है।)',
                          "Sentiment, spam, tomorrow's one price and a video's activity: all a whole sequence → one "
                          "output. (Predicting the next 7 days' prices at once is not many-to-one — source `002`'s "
                          "\"Forecasting stock price\" is many-to-one only for a single price.)")),
        MultipleChoice("q2",
            T("इनमें से किन कामों में output की लंबाई input से **अलग** हो सकती है, इसलिए encoder–decoder चाहिए?",
              "In which of these tasks can the output length **differ** from the input's, so that an encoder–decoder "
              "is needed?"),
            [T("अनुवाद: \"I am going\" → \"मैं जा रहा हूँ\"", "translation: \"I am going\" → \"मैं जा रहा हूँ\""),
             T("video captioning: 300 frames → 8 शब्द", "video captioning: 300 frames → 8 words"),
             T("\"Savani is laughing\" की POS tagging", "POS tagging of \"Savani is laughing\""),
             T("speech-to-text: आवाज़ के हज़ारों samples → कुछ अक्षर",
               "speech-to-text: thousands of audio samples → a few letters"),
             T("named entity tagging: हर शब्द को PERSON/PLACE/OTHER",
               "named entity tagging: every word gets PERSON/PLACE/OTHER"),
             T("chatbot: एक प्रश्न → एक उत्तर-वाक्य", "chatbot: a question → an answer sentence")],
            ["a", "d", "b", "f"],
            why={"c": T("हर शब्द का एक tag — output input जितना लंबा।",
                        "one tag per word — the output is as long as the input."),
                 "e": T("यह भी हर शब्द पर एक label है: बराबर लंबाई।", "this too is one label per word: the same length.")},
            hints=[T("क्या हर input step का अपना एक output है? अगर हाँ, तो लंबाई बराबर है।",
                     "Does every input step have its own output? If yes, the lengths are equal."),
                   T("दो विकल्प हर शब्द को एक label देते हैं।", "Two options give every word one label.")],
            solution='q2_answer = ["a", "b", "d", "f"]', wrong=["a", "b", "c"],
            explanation=T('अनुवाद, video captioning, speech-to-text और chatbot: input और output की लंबाइयाँ आपस में बँधी नहीं '
                          '— encoder पूरा input पढ़ता है, decoder अपनी लंबाई ख़ुद तय करता है (<eos> लिखकर)। स्रोत नोट्स `002` '
                          'video captioning को सही ही "variable length" कहते हैं, पर POS tagging के लिए "fixed length" '
                          'भ्रामक है: वाक्य अलग लंबाई के होते हैं, बराबर केवल input और output की लंबाई है।',
                          'Translation, video captioning, speech-to-text and chatbots: the input and output lengths '
                          'are not tied — the encoder reads the whole input, the decoder decides its own length (by '
                          'writing <eos>). Source `002` rightly calls video captioning "variable length", but "fixed '
                          'length" for POS tagging is misleading: the sentences differ in length; only the input and '
                          'output lengths are equal.')),
        MultipleChoice("q3",
            T("स्रोत नोट्स `002` image captioning के लिए लिखते हैं \"Encoder - CNN, Decoder - ANN\"। सही कथन कौन-सा है?",
              "Source `002` writes \"Encoder - CNN, Decoder - ANN\" for image captioning. Which statement is right?"),
            [T("one-to-many: CNN चित्र को एक vector बनाता है, और decoder एक RNN है जो हर step पर अपना पिछला शब्द वापस "
               "input में लेकर अगला शब्द लिखता है",
               "one-to-many: a CNN turns the image into a vector, and the decoder is an RNN that writes the next word "
               "at every step, taking its previous word back as input"),
             T("one-to-many: decoder एक feed-forward ANN है जो पूरा caption एक ही बार में एक vector के रूप में देता है",
               "one-to-many: the decoder is a feed-forward ANN that outputs the whole caption at once as one vector"),
             T("many-to-one: चित्र के pixels एक sequence हैं और output एक शब्द",
               "many-to-one: the image's pixels are a sequence and the output is one word"),
             T("one-to-one: एक चित्र, एक caption", "one-to-one: one image, one caption")],
            "a",
            why={"b": T("ANN का output तय आकार का है, पर captions की लंबाई अलग-अलग है, और हर शब्द पिछले शब्दों पर निर्भर है।",
                        "an ANN's output has a fixed size, but captions differ in length, and every word depends on "
                        "the words before it."),
                 "c": T("Output एक शब्द नहीं, शब्दों का sequence है।", "the output is not one word but a sequence of words."),
                 "d": T("Caption एक output नहीं, कई steps का sequence है।",
                        "a caption is not one output but a sequence of many steps.")},
            hints=[T("Caption की लंबाई हर चित्र के लिए अलग है — कौन-सा network अलग लंबाई का output दे सकता है?",
                     "A caption's length differs from image to image — which network can give an output of varying "
                     "length?"),
                   T("Generation में decoder का अगला input क्या होता है?",
                     "During generation, what is the decoder's next input?")],
            solution='q3_answer = "a"', wrong="b",
            explanation=T("Show and Tell (2015) जैसे models में CNN encoder के बाद एक LSTM/GRU decoder है: training में "
                          "teacher forcing (असली पिछला शब्द input), generation में greedy loop (अपना चुना हुआ शब्द input), "
                          "जब तक <eos> न आए। इसीलिए यह one-to-many **RNN** है।",
                          "Models such as Show and Tell (2015) put an LSTM/GRU decoder after the CNN encoder: teacher "
                          "forcing in training (the true previous word as input), a greedy loop in generation (its own "
                          "chosen word as input), until <eos>. That is why it is a one-to-many **RNN**.")),
        TrueFalse("q4", T("सही या ग़लत: \"Many-to-many\" का मतलब हमेशा यह है कि output की लंबाई input के बराबर है।",
                          "True or false: \"Many-to-many\" always means that the output is as long as the input."),
            False,
            hints=[T("अनुवाद भी many-to-many है। \"I am going\" के हिंदी अनुवाद में कितने शब्द हैं?",
                     'Translation is many-to-many too. How many words does the Hindi translation of "I am going" '
                     'have?')],
            solution="q4_answer = False", wrong=True,
            explanation=T('Many-to-many के दो रूप हैं: बराबर लंबाई (tagging: हर input step पर एक output) और अलग लंबाई '
                          '(encoder–decoder: अनुवाद, video captioning)। "I am going" (3) → "मैं जा रहा हूँ" (4)।',
                          'Many-to-many has two forms: the same length (tagging: one output per input step) and '
                          'different lengths (encoder–decoder: translation, video captioning). "I am going" (3) → "मैं '
                          'जा रहा हूँ" (4).')),
        TrueFalse("q5",
            T("सही या ग़लत: One-to-one \"RNN\" ($h_0 = 0$ से एक step) अपने recurrent weights $W_{hh}$ का इस्तेमाल करता है।",
              "True or false: a one-to-one \"RNN\" (one step from $h_0 = 0$) uses its recurrent weights $W_{hh}$."),
            False,
            hints=[T("$h_1 = \\tanh(W_{xh} x + W_{hh} h_0 + b)$ में $h_0 = 0$ रखिए।",
                     "Put $h_0 = 0$ into $h_1 = \\tanh(W_{xh} x + W_{hh} h_0 + b)$.")],
            solution="q5_answer = False", wrong=True,
            explanation=T('$W_{hh} \\cdot 0 = 0$: one-to-one एक साधारण feed-forward layer है और $W_{hh}$ का gradient '
                          'शून्य रहता है। इसलिए "one-to-one → image classification" (स्रोत नोट्स `004`, `001`) असल में RNN नहीं, '
                          'CNN/MLP का काम है।',
                          '$W_{hh} \\cdot 0 = 0$: one-to-one is an ordinary feed-forward layer and the gradient of '
                          '$W_{hh}$ stays zero. So "one-to-one → image classification" (sources `004`, `001`) is '
                          'really a job for a CNN/MLP, not an RNN.')),
        MultipleChoice("q6", T("Music generation को अक्सर one-to-many कहा जाता है। कौन-सा कथन सबसे सही है?",
                               "Music generation is often called one-to-many. Which statement is most accurate?"),
            [T("Generation में हर बना हुआ सुर अगले step का input बनता है (one-to-many); training में model हर step पर अगला सुर "
               "बताना सीखता है (teacher forcing, बराबर लंबाई वाला many-to-many)",
               "in generation every produced note becomes the next step's input (one-to-many); in training the model "
               "learns to predict the next note at every step (teacher forcing, a same-length many-to-many)"),
             T("यह many-to-one है: पूरी धुन से एक सुर", "it is many-to-one: one note from the whole tune"),
             T("पूरी धुन एक feed-forward layer एक ही step में बनाती है",
               "one feed-forward layer makes the whole tune in one step"),
             T("Training और generation दोनों में हर step का input असली धुन से आता है",
               "in both training and generation every step's input comes from the real tune")],
            "a",
            why={"d": T("Generation के समय असली धुन होती ही नहीं — model का अपना पिछला output ही input है।",
                        "at generation time there is no real tune — the model's own previous output is the input.")},
            hints=[T("Generation में, step 2 का input कहाँ से आता है?",
                     "In generation, where does step 2's input come from?")],
            solution='q6_answer = "a"', wrong="d",
            explanation=T("Training: teacher forcing, हर step पर अगला सुर (many-to-many)। Generation: एक शुरुआत से greedy "
                          "या sampling loop, हर output अगला input (one-to-many)।",
                          "Training: teacher forcing, the next note at every step (many-to-many). Generation: a greedy "
                          "or sampling loop from a start, every output the next input (one-to-many).")),
        MultipleChoice("q7",
            T("स्रोत नोट्स `001` का Keras model: `SimpleRNN(128, input_shape=(100, 50), return_sequences=True)` → "
              "`SimpleRNN(64)` → `Dense(10, activation='softmax')`। यह किस प्रकार का है?",
              "Source `001`'s Keras model: `SimpleRNN(128, input_shape=(100, 50), return_sequences=True)` → "
              "`SimpleRNN(64)` → `Dense(10, activation='softmax')`. Which type is it?"),
            TYPES, "c",
            why={"d": T("पहली layer हर step पर output देती है, पर दूसरी `SimpleRNN(64)` में `return_sequences` नहीं है — केवल "
                        "आख़िरी state।",
                        "the first layer outputs at every step, but the second, `SimpleRNN(64)`, has no "
                        "`return_sequences` — only the last state.")},
            hints=[T("`return_sequences=False` (default) वाली RNN layer क्या लौटाती है?",
                     "What does an RNN layer with `return_sequences=False` (the default) return?")],
            solution='q7_answer = "c"', wrong="d",
            explanation=T("100 time steps × 50 features → (दो RNN layers) → एक 64-vector → 10 classes: many-to-one (एक "
                          "deep (stacked) RNN)।",
                          "100 time steps × 50 features → (two RNN layers) → one 64-vector → 10 classes: many-to-one "
                          "(a deep, stacked RNN).")),
        Shape("q8", T("उसी model को PyTorch में लिखें (`nn.RNN(50, 128)`, `nn.RNN(128, 64)`, `nn.Linear(64, 10)`, सब "
                      "`batch_first=True`)। (32, 100, 50) shape के batch पर output का shape क्या है?",
                      "Write the same model in PyTorch (`nn.RNN(50, 128)`, `nn.RNN(128, 64)`, `nn.Linear(64, 10)`, all "
                      "`batch_first=True`). What is the output shape for a batch of shape (32, 100, 50)?"),
            (32, 10), meaning="(batch, classes)",
            hints=[T("दूसरे RNN की आख़िरी state `h[-1]` का shape (32, 64) है।",
                     "The second RNN's last state `h[-1]` has shape (32, 64)."),
                   T("चलाकर देखिए: `seq, _ = rnn1(x); _, h = rnn2(seq); dense(h[-1]).shape`।",
                     "Run it: `seq, _ = rnn1(x); _, h = rnn2(seq); dense(h[-1]).shape`.")],
            solution="rnn1, rnn2 = nn.RNN(50, 128, batch_first=True), nn.RNN(128, 64, batch_first=True)\n"
                     "dense = nn.Linear(64, 10)\n"
                     "seq, _ = rnn1(torch.randn(32, 100, 50))     # (32, 100, 128)\n"
                     "_, h = rnn2(seq)                           # (1, 32, 64)\n"
                     "q8_answer = dense(h[-1]).shape",
            wrong=(32, 100, 10),
            explanation=T("(32, 100, 50) → (32, 100, 128) → (1, 32, 64) → (32, 10): time axis ग़ायब — many-to-one।",
                          "(32, 100, 50) → (32, 100, 128) → (1, 32, 64) → (32, 10): the time axis is gone — "
                          "many-to-one.")),
        Shape("q9", T("`ManyToManyTagger(num_tags=12, hidden=32, vocab_size=500)` को (4, 9) shape के token batch और "
                      "`lengths = torch.tensor([9, 5, 7, 2])` पर चलाने से output का shape?",
                      "What is the output shape of `ManyToManyTagger(num_tags=12, hidden=32, vocab_size=500)` on a "
                      "token batch of shape (4, 9) with `lengths = torch.tensor([9, 5, 7, 2])`?"),
            (4, 9, 12), meaning="(batch, time, tags)",
            hints=[T("हर step पर 12 scores, हर tag का एक।", "12 tag scores at every step."),
                   T("Pad वाली positions पर भी rows रहती हैं (loss उन्हें ignore करता है)।",
                     "The pad positions keep their rows too (the loss ignores them).")],
            solution="tagger = ManyToManyTagger(num_tags=12, hidden=32, vocab_size=500)\n"
                     "q9_answer = tagger(torch.randint(2, 500, (4, 9)), torch.tensor([9, 5, 7, 2])).shape",
            wrong=(4, 12),
            explanation=T("बराबर लंबाई: (B, T) → (B, T, K)। हर input step का अपना output।",
                          "The same length: (B, T) → (B, T, K). Every input step has its own output.")),
        Shape("q10", T("`Seq2Seq(tgt_vocab_size=800, hidden=64, src_vocab_size=600)`: source batch (2, 7), lengths "
                       "`[7, 4]`, targets (2, 5) — teacher forcing में logits का shape?",
                       "`Seq2Seq(tgt_vocab_size=800, hidden=64, src_vocab_size=600)`: source batch (2, 7), lengths "
                       "`[7, 4]`, targets (2, 5) — the shape of the logits with teacher forcing?"),
            (2, 5, 800), meaning="(batch, target steps, target vocabulary)",
            hints=[T("Output की लंबाई target से आती है, source sequence से नहीं।",
                     "The output length comes from the targets, not from the source."),
                   T("हर target step पर पूरी target vocabulary के scores।",
                     "Scores over the whole target vocabulary at every target step.")],
            solution="s2s = Seq2Seq(tgt_vocab_size=800, hidden=64, src_vocab_size=600)\n"
                     "src, tgt = torch.randint(4, 600, (2, 7)), torch.randint(4, 800, (2, 5))\n"
                     "q10_answer = s2s(src, torch.tensor([7, 4]), tgt).shape",
            wrong=(2, 7, 800),
            explanation=T("Encoder 7 steps पढ़ता है, decoder 5 steps लिखता है: (2, 5, 800)। लंबाइयाँ आपस में स्वतंत्र हैं।",
                          "The encoder reads 7 steps, the decoder writes 5: (2, 5, 800). The lengths are "
                          "independent.")),
        Shape("q11", T("`OneToMany(in_features=512, vocab_size=1000, hidden=64)`: 3 चित्रों के vectors (3, 512) और "
                       "captions (3, 11) के साथ teacher forcing — logits का shape?",
                       "`OneToMany(in_features=512, vocab_size=1000, hidden=64)`: 3 image vectors (3, 512) and "
                       "captions (3, 11) with teacher forcing — the shape of the logits?"),
            (3, 11, 1000), meaning="(batch, caption steps, vocabulary)",
            hints=[T("एक input vector, पर caption के हर step पर एक output।",
                     "One input vector, but one output at every caption step.")],
            solution="cap = OneToMany(in_features=512, vocab_size=1000, hidden=64)\n"
                     "q11_answer = cap(torch.randn(3, 512), torch.randint(4, 1000, (3, 11))).shape",
            wrong=(3, 1000),
            explanation=T("One-to-many: (B, F) → (B, T, V)। Generation में `generate` tokens (B, L ≤ max_len) देता है।",
                          "One-to-many: (B, F) → (B, T, V). In generation `generate` gives tokens (B, L ≤ max_len).")),
        Shape("q12", T("दामों की windows: `ManyToOne(num_classes=3, hidden=32, in_features=6)` को (8, 20, 6) shape के "
                       "float batch (8 windows, 20 दिन, 6 features) पर चलाने से output का shape?",
                       "Price windows: what is the output shape of `ManyToOne(num_classes=3, hidden=32, "
                       "in_features=6)` on a float batch of shape (8, 20, 6) (8 windows, 20 days, 6 features)?"),
            (8, 3), meaning="(batch, classes)",
            hints=[T("Many-to-one: time axis ख़त्म।", "Many-to-one: the time axis disappears.")],
            solution="q12_answer = ManyToOne(num_classes=3, hidden=32, in_features=6)(torch.randn(8, 20, 6)).shape",
            wrong=(8, 20, 3),
            explanation=T("आख़िरी hidden state (8, 32) → linear → (8, 3), जैसे \"ऊपर / नीचे / वैसा ही\"।",
                          "The last hidden state (8, 32) → linear → (8, 3), e.g. \"up / down / flat\".")),
        Shape("q13", T("`nn.GRU(16, 32, num_layers=2, bidirectional=True, batch_first=True)` को (5, 8, 16) पर चलाइए। "
                       "`h_n` का shape क्या है?",
                       "Run `nn.GRU(16, 32, num_layers=2, bidirectional=True, batch_first=True)` on (5, 8, 16). What "
                       "is the shape of `h_n`?"),
            (4, 5, 32), meaning="(layers × directions, batch, hidden)",
            hints=[T("`batch_first=True` केवल input और output को बदलता है, `h_n` को नहीं।",
                     "`batch_first=True` changes only the input and the output, not `h_n`."),
                   T("हर layer की हर दिशा की एक final state: 2 × 2।",
                     "One final state per layer per direction: 2 × 2.")],
            solution="gru = nn.GRU(16, 32, num_layers=2, bidirectional=True, batch_first=True)\n"
                     "_, h_n = gru(torch.randn(5, 8, 16))\n"
                     "q13_answer = h_n.shape",
            wrong=(5, 4, 32),
            explanation=T("(num_layers · 2, B, H) = (4, 5, 32); आख़िरी layer की दोनों दिशाएँ `h_n[-2]` और `h_n[-1]` हैं "
                          "(output (5, 8, 64))।",
                          "(num_layers · 2, B, H) = (4, 5, 32); the last layer's two directions are `h_n[-2]` and "
                          "`h_n[-1]` (the output is (5, 8, 64)).")),
        Numeric("q14", T("स्रोत नोट्स `002` की vocabulary में 5 शब्द हैं: movie, was, good, bad, not। (बिना `<pad>` के) एक "
                         "one-hot vector की लंबाई कितनी होनी चाहिए?",
                         "Source `002`'s vocabulary has 5 words: movie, was, good, bad, not. How long must a one-hot "
                         "vector be (without `<pad>`)?"),
            5, rel_tol=0, abs_tol=0,
            mistakes={4: T('स्रोत नोट्स यही लिखते हैं, और "not" को [0 0 0 0] दे देते हैं — पर पूरी तरह शून्य vector "कोई शब्द नहीं" है '
                           '(padding जैसा), "not" नहीं।',
                           'the source says this and gives "not" [0 0 0 0] — but the all-zero vector means "no word" '
                           '(like padding), not "not".')},
            hints=[T("हर शब्द के लिए एक अलग position पर 1।", "A 1 at a different position for every word.")],
            solution="q14_answer = 5", wrong=4,
            explanation=T("One-hot: हर शब्द की अपनी position, इसलिए लंबाई = vocabulary का आकार = 5 (`<pad>` और `<unk>` के "
                          "साथ 7)।",
                          "One-hot: every word has its own position, so the length = the vocabulary size = 5 (7 with "
                          "`<pad>` and `<unk>`).")),
        Shape("q15",
            T('लंबाई 5 वाले उन्हीं one-hot vectors से स्रोत नोट्स के तीनों reviews ("movie was good", "movie was bad", "movie was not '
              'good") का padded batch बनाइए। उसका shape (batch, time, vocabulary) क्या है?',
              "With the same one-hot vectors of length 5, make the padded batch of the source's three reviews (\"movie "
              "was good\", \"movie was bad\", \"movie was not good\"). What is its shape (batch, time, vocabulary)?"),
            (3, 4, 5), meaning="(batch, time, vocabulary)",
            hints=[T("सबसे लंबा review 4 शब्दों का है।", "The longest review has 4 words."),
                   T("स्रोत नोट्स का \"(4, 5)\" एक review का shape है।",
                     "The source's \"(4, 5)\" is the shape of one review.")],
            solution="q15_answer = (3, 4, 5)", wrong=(4, 5),
            explanation=T('3 reviews × 4 steps (छोटे दो के अंत में एक pad) × 5। स्रोत नोट्स का "input shape (4, 5)" एक review का '
                          'है, batch का नहीं।',
                          "3 reviews × 4 steps (one pad at the end of the two short ones) × 5. The source's \"input "
                          "shape (4, 5)\" is one review's, not the batch's.")),
        TensorValues("q16",
            T('Vocabulary: `<pad>`=0, `<unk>`=1, movie=2, was=3, good=4, not=5, bad=6। इन reviews का padded batch (pad '
              'अंत में, index 0) हाथ से लिखिए: "movie was good", "movie was not good", "bad"।',
              'Vocabulary: `<pad>`=0, `<unk>`=1, movie=2, was=3, good=4, not=5, bad=6. Write by hand the padded batch '
              '(pads at the end, index 0) of these reviews: "movie was good", "movie was not good", "bad".'),
            [[2, 3, 4, 0], [2, 3, 5, 4], [6, 0, 0, 0]],
            hints=[T("Shape (3, 4): सबसे लंबा review 4 शब्दों का।", "Shape (3, 4): the longest review has 4 words."),
                   T("Pads **अंत** में: एक दिशा वाले RNN के लिए असली tokens पहले आने चाहिए।",
                     "Pads go at the **end**: for a one-directional RNN the real tokens must come first.")],
            solution="q16_answer = torch.tensor([[2, 3, 4, 0], [2, 3, 5, 4], [6, 0, 0, 0]])",
            wrong=[[0, 2, 3, 4], [2, 3, 5, 4], [0, 0, 0, 6]],
            explanation=T("`coursekit.text.pad_batch` यही देता है। Pads अंत में रखने से step (length − 1) तक का output pads से "
                          "अछूता रहता है।",
                          "`coursekit.text.pad_batch` gives exactly this. With the pads at the end, the output up to "
                          "step (length − 1) is untouched by them.")),
        TensorValues("q17", T("उसी batch के `lengths` लिखिए (batch के क्रम में)।",
                              "Write the `lengths` of the same batch (in batch order)."),
            [3, 4, 1],
            hints=[T("हर row में कितने असली (non-pad) tokens हैं?", "How many real (non-pad) tokens does each row have?")],
            solution="q17_answer = torch.tensor([3, 4, 1])", wrong=[4, 4, 4],
            explanation=T("[3, 4, 1]: `pack_padded_sequence` को यही चाहिए (CPU पर, int64)। क्रम batch का ही रहे — "
                          "`enforce_sorted=False` sorting ख़ुद कर लेता है।",
                          "[3, 4, 1]: exactly what `pack_padded_sequence` needs (on the CPU, int64). Keep the batch's "
                          "own order — `enforce_sorted=False` does the sorting itself.")),
        TensorValues("q18",
            T("उस batch को `pack_padded_sequence(padded, lengths, batch_first=True, enforce_sorted=False)` से pack करें। "
              "`packed.batch_sizes` क्या होगा? (हर time step पर कितने sequences अभी चल रहे हैं)",
              "Pack that batch with `pack_padded_sequence(padded, lengths, batch_first=True, enforce_sorted=False)`. "
              "What is `packed.batch_sizes`? (how many sequences are still running at each time step)"),
            [3, 2, 2, 1],
            hints=[T("लंबाइयाँ घटते क्रम में: 4, 3, 1। Step 0 पर सब चल रहे हैं।",
                     "Lengths in decreasing order: 4, 3, 1. At step 0 all of them are running."),
                   T("Step t पर वे sequences गिनिए जिनकी लंबाई t से बड़ी है।",
                     "At step t count the sequences whose length is greater than t.")],
            solution="padded = torch.tensor([[2, 3, 4, 0], [2, 3, 5, 4], [6, 0, 0, 0]])\n"
                     "packed = pack_padded_sequence(padded, torch.tensor([3, 4, 1]), batch_first=True, enforce_sorted=False)\n"
                     "q18_answer = packed.batch_sizes",
            wrong=[3, 3, 3, 3],
            explanation=T("[3, 2, 2, 1]: कुल 8 असली tokens, कोई pad नहीं। RNN step t पर केवल batch_sizes[t] rows पर चलता "
                          "है — इसलिए कोई sequence अपनी लंबाई के बाद आगे नहीं बढ़ता।",
                          "[3, 2, 2, 1]: 8 real tokens in all, no pad. At step t the RNN runs on only batch_sizes[t] "
                          "rows — so no sequence moves on past its length.")),
        Code("q19",
            T("`final_states(rnn, x, lengths)` लिखिए: `rnn` एक `batch_first=True` वाला `nn.GRU` है, `x` (B, T, F) का "
              "padded batch (pads अंत में), और `lengths` (B,) — क्रम में नहीं! `pack_padded_sequence` से हर sequence की आख़िरी "
              "layer की final state लौटाइए: shape (B, H)। Checker इसे हर sequence को अकेले चलाने से मिलाएगा।",
              "Write `final_states(rnn, x, lengths)`: `rnn` is an `nn.GRU` with `batch_first=True`, `x` a padded batch "
              "(B, T, F) (pads at the end), and `lengths` (B,) — not sorted! Use `pack_padded_sequence` to return each "
              "sequence's final state of the last layer: shape (B, H). The checker compares it with running each "
              "sequence alone."),
            grader=_grade_final_states, answer_name="final_states",
            starter="def final_states(rnn, x, lengths):\n"
                    "    packed = ____              # pack_padded_sequence(...)\n"
                    "    _, h_n = rnn(packed)       # h_n: (layers, B, H)\n"
                    "    return ____",
            solution="def final_states(rnn, x, lengths):\n"
                     "    packed = pack_padded_sequence(x, lengths.cpu(), batch_first=True, enforce_sorted=False)\n"
                     "    _, h_n = rnn(packed)       # h_n: (layers, B, H), in the batch's own order\n"
                     "    return h_n[-1]",
            wrongs=[_wrong_over_the_pads, _wrong_first_layer, _wrong_sorted_order, _wrong_padded_output_last],
            hints=[T("`pack_padded_sequence(x, lengths, batch_first=True, enforce_sorted=False)` — lengths क्रम में नहीं "
                     "हैं।",
                     "`pack_padded_sequence(x, lengths, batch_first=True, enforce_sorted=False)` — the lengths are not "
                     "sorted."),
                   T("Packed input पर RNN का `h_n` हर sequence के अपने आख़िरी step का है; आख़िरी layer = `h_n[-1]`।",
                     "With a packed input the RNN's `h_n` is taken at each sequence's own last step; the last layer = "
                     "`h_n[-1]`.")],
            explanation=T("Packing के बिना `rnn(x)[1][-1]` छोटे sequences के लिए pads पर चलकर बनी state है। notebook 12 में "
                          "इसी ग़लती से sentiment accuracy बहुत गिर गई।",
                          "Without packing, `rnn(x)[1][-1]` is, for the short sequences, a state made by running over "
                          "the pads. In notebook 12 this mistake made the sentiment accuracy drop a lot.")),
        Code("q20", T("Packing के बिना एक दिशा वाले RNN के लिए एक और सही तरीक़ा: `last_real_output(out, lengths)` लिखिए जो "
                      "padded run के outputs `out` (B, T, H) में से हर row का step (length − 1) वाला vector लौटाए: (B, H)।",
                      "Another right way for a one-directional RNN without packing: write `last_real_output(out, "
                      "lengths)` that returns, from the padded run's outputs `out` (B, T, H), each row's vector at "
                      "step (length − 1): (B, H)."),
            grader=_grade_last_real_output, answer_name="last_real_output",
            starter="def last_real_output(out, lengths):\n"
                    "    rows = torch.arange(out.shape[0])\n"
                    "    return out[rows, ____]",
            solution="def last_real_output(out, lengths):\n"
                     "    rows = torch.arange(out.shape[0])\n"
                     "    return out[rows, lengths - 1]      # (B, H): row i at step lengths[i] - 1",
            wrongs=[_wrong_last_step, _wrong_step_lengths, _wrong_all_rows],
            hints=[T("Row i से step `lengths[i] - 1` चाहिए: advanced indexing `out[rows, steps]`।",
                     "From row i you need step `lengths[i] - 1`: advanced indexing `out[rows, steps]`."),
                   T("`out[:, -1]` हर row का आख़िरी step लेता है — छोटी rows में वह एक pad है।",
                     "`out[:, -1]` takes every row's last step — for the short rows that is a pad.")],
            explanation=T("Pads असली tokens के बाद आते हैं, तो एक दिशा वाले RNN का output step (length − 1) तक सही है। "
                          "Bidirectional RNN में यह काम नहीं करता: उसकी उलटी दिशा pads से शुरू होती है — वहाँ packing ही उपाय "
                          "है।",
                          "The pads come after the real tokens, so a one-directional RNN's output is right up to step "
                          "(length − 1). It does not work for a bidirectional RNN: its backward direction starts on "
                          "the pads — there packing is the way.")),
        CodeWithMistakes("q21",
            T("Greedy decoding का loop लिखिए: `greedy(step, h, bos, eos, max_len)`। `step(token, h)` एक decoder step है "
              "जो `(logits, h)` लौटाता है (logits: हर token का score)। `bos` से शुरू कीजिए; हर step पर सबसे बड़े score वाला "
              "token चुनिए, उसे list में जोड़िए, और **उसे ही अगले step का input** बनाइए। `eos` चुनने पर (उसे जोड़कर) रुकिए, या "
              "`max_len` tokens के बाद। Tokens की list (Python ints) लौटाइए।",
              "Write the greedy decoding loop: `greedy(step, h, bos, eos, max_len)`. `step(token, h)` is one decoder "
              "step that returns `(logits, h)` (logits: a score per token). Start from `bos`; at every step choose the "
              "token with the largest score, append it to the list, and make **it the next step's input**. Stop after "
              "choosing `eos` (append it), or after `max_len` tokens. Return the list of tokens (Python ints)."),
            reference=_greedy, cases=GREEDY_CASES, mistakes=GREEDY_MISTAKES, answer_name="greedy",
            starter="def greedy(step, h, bos, eos, max_len):\n"
                    "    out, token = [], bos\n"
                    "    for _ in range(max_len):\n"
                    "        logits, h = step(token, h)\n"
                    "        token = ____               # the most likely token, as a Python int\n"
                    "        out.append(token)\n"
                    "        if ____:                   # stop after <eos>\n"
                    "            break\n"
                    "    return out",
            solution="def greedy(step, h, bos, eos, max_len):\n"
                     "    out, token = [], bos\n"
                     "    for _ in range(max_len):\n"
                     "        logits, h = step(token, h)      # the previous choice goes back in\n"
                     "        token = int(torch.argmax(logits))\n"
                     "        out.append(token)\n"
                     "        if token == eos:\n"
                     "            break\n"
                     "    return out",
            hints=[T("`int(torch.argmax(logits))` सबसे बड़े score वाला token देता है।",
                     "`int(torch.argmax(logits))` gives the token with the largest score."),
                   T("अगले step में `step(token, h)` को वही `token` मिलना चाहिए जो अभी चुना — `bos` नहीं।",
                     "The next `step(token, h)` must get the `token` just chosen — not `bos`.")],
            explanation=T("यही `coursekit.rnntypes.Decoder.generate` है (batch में, <pad>/<bos> को छोड़कर): अपना output "
                          "वापस input में — इसी से one-to-many और encoder–decoder के decoders recurrent हैं।",
                          "This is `coursekit.rnntypes.Decoder.generate` (batched, skipping <pad>/<bos>): its own "
                          "output back as input — that is why the decoders of one-to-many and encoder–decoder are "
                          "recurrent.")),
        Open("q22",
            T("अपने शब्दों में (3-4 वाक्य): (1) बिना packing के padded batch में छोटे sequence की final hidden state ग़लत क्यों होती "
              "है, जबकि `<pad>` का embedding शून्य है? (2) Teacher forcing क्या है, और generation में वह क्यों नहीं हो सकता?",
              "In your own words (3-4 sentences): (1) why is a short sequence's final hidden state wrong in a padded "
              "batch without packing, even though the embedding of `<pad>` is zero? (2) What is teacher forcing, and "
              "why can it not be used in generation?"),
            model_answer=T("(1) RNN हर pad पर भी एक step चलाता है: $h \\leftarrow \\tanh(W_{hh} h + b)$। Input शून्य हो "
                           "तब भी recurrent हिस्सा $W_{hh} h$ और bias state को बदलते हैं, इसलिए `h_n` असली आख़िरी शब्द के बाद "
                           "कई steps आगे की state है। Packing (`pack_padded_sequence` + lengths) हर sequence को उसकी "
                           "लंबाई पर रोक देता है — नतीजा हर sequence को अकेले चलाने के बराबर। (2) Teacher forcing: training में "
                           "decoder के step t का input असली target का शब्द t − 1 होता है, model का अपना अनुमान नहीं — इससे "
                           "पूरा sequence एक pass में train होता है और शुरुआती ग़लतियाँ आगे नहीं फैलतीं। Generation में असली target "
                           "होता ही नहीं, इसलिए model को अपना पिछला output वापस input में लेना पड़ता है (greedy loop)।",
                           "(1) The RNN runs a step on every pad too: $h \\leftarrow \\tanh(W_{hh} h + b)$. Even with "
                           "a zero input, the recurrent part $W_{hh} h$ and the bias change the state, so `h_n` is the "
                           "state several steps after the real last word. Packing (`pack_padded_sequence` + lengths) "
                           "stops every sequence at its length — the result equals running each sequence alone. (2) "
                           "Teacher forcing: in training the decoder's input at step t is the true target word t − 1, "
                           "not the model's own guess — the whole sequence trains in one pass, and early mistakes do "
                           "not spread. In generation there is no true target, so the model must take its own previous "
                           "output back as input (the greedy loop)."),
            hints=[T("Pad वाले step पर $h_t = \\tanh(W_{xh} \\cdot 0 + W_{hh} h_{t-1} + b)$।",
                     "At a pad step, $h_t = \\tanh(W_{xh} \\cdot 0 + W_{hh} h_{t-1} + b)$."),
                   T("Training में असली caption/अनुवाद पता है; generation में नहीं।",
                     "In training the true caption/translation is known; in generation it is not.")]),
    ]
