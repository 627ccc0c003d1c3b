"""Practice 16 (sentiment analysis with RNNs): many-to-one, one-hot and parameter counts from the source example,
packing, then code: a vocabulary from training sentences only, encoding and padding a batch, accuracy, and why
"not good" is hard for bag-of-words."""
from ...i18n import T
from ..codecheck import Code
from ..kinds import MultipleChoice, Numeric, Open, Shape, TrueFalse
from ._mistakes import CodeWithMistakes
from ._nb16_graders import (
    ACC_CASES,
    ACC_MISTAKES,
    ENCODE_CASES,
    ENCODE_MISTAKES,
    _accuracy,
    _encode_and_pad,
    _grade_vocab,
    _wrong_float_ids,
    _wrong_ignores_min_freq,
    _wrong_list_of_lists,
    _wrong_min_freq_strict,
    _wrong_split,
    _wrong_vocab_with_test,
)

TITLE = T("RNN से भावना विश्लेषण", "Sentiment analysis with RNNs")
INTRO = T(
    "पहले स्रोत नोट्स के उदाहरण (\"movie was good / bad / not good\") पर प्रश्न, फिर code: केवल training वाक्यों से "
    "vocabulary, एक batch को encode और pad करना, accuracy, और bag-of-words पर \"not good\" की समस्या। `torch`, "
    "`tokenize` और `Vocab` (coursekit.text से) पहले से import हैं।",
    "First questions on the source notes' example (\"movie was good / bad / not good\"), then code: a vocabulary from "
    "the training sentences only, encoding and padding a batch, accuracy, and the \"not good\" problem of "
    "bag-of-words. `torch`, `tokenize` and `Vocab` (from coursekit.text) are already imported.",
)
SETUP = ("import torch\nfrom coursekit.text import Vocab, tokenize\n"
         "toy_vocab = Vocab.build([tokenize(s) for s in [\"movie was good\", \"movie was bad\", \"movie was not good\"]])")

def questions():
    return [
        MultipleChoice("q1",
            T("Sentiment analysis \"many-to-one\" RNN का उदाहरण है। इनमें से और कौन-से काम many-to-one हैं?",
              "Sentiment analysis is an example of a \"many-to-one\" RNN. Which of these tasks are many-to-one too?"),
            [T("किसी ईमेल को spam या not-spam बताना", "labelling an email as spam or not spam"),
             T("एक तस्वीर से उसका वर्णन (caption) लिखना", "writing a caption for an image"),
             T("वाक्य के हर शब्द का POS tag (संज्ञा, क्रिया, ...) बताना",
               "tagging every word of a sentence with its part of speech (noun, verb, ...)"),
             T("पिछले 30 दिनों के तापमान से अगले दिन का तापमान बताना", "predicting tomorrow's temperature from the last 30 days"),
             T("हिंदी वाक्य का अंग्रेज़ी अनुवाद", "translating a Hindi sentence into English")],
            ["a", "d"],
            why={"b": T("एक input (तस्वीर), कई outputs (शब्द): one-to-many।",
                        "one input (the image), many outputs (words): one-to-many."),
                 "c": T("हर input शब्द का एक output: many-to-many (बराबर लंबाई)।",
                        "one output per input word: many-to-many (equal lengths)."),
                 "e": T("input और output दोनों sequences, लंबाई अलग: many-to-many (sequence-to-sequence)।",
                        "input and output are both sequences of different lengths: many-to-many "
                        "(sequence-to-sequence).")},
            hints=[T("गिनिए: input में कितने elements हैं, और output में कितने?",
                     "Count: how many elements go in, and how many come out?"),
                   T("दो विकल्प सही हैं: दोनों में पूरा sequence पढ़कर एक ही उत्तर निकलता है।",
                     "Two options are right: both read a whole sequence and give one answer.")],
            solution='q1_answer = ["a", "d"]', wrong=["a", "b"],
            explanation=T("Many-to-one: पूरा sequence अंदर, एक label या एक संख्या बाहर — spam detection और अगले मान का "
                          "forecast दोनों ऐसे हैं।",
                          "Many-to-one: a whole sequence in, one label or one number out — spam detection and "
                          "forecasting the next value are both like that.")),
        Numeric("q2",
            T('स्रोत नोट्स का उदाहरण: "movie was good", "movie was bad", "movie was not good"। हम vocabulary में `<pad>` और '
              '`<unk>` भी रखते हैं (जैसे `toy_vocab` में)। हर शब्द का one-hot vector कितना लंबा है?',
              "The source's example: \"movie was good\", \"movie was bad\", \"movie was not good\". We also keep "
              "`<pad>` and `<unk>` in the vocabulary (as in `toy_vocab`). How long is each word's one-hot vector?"),
            7, rel_tol=0, abs_tol=0,
            mistakes={5: T("5 अलग शब्द हैं, पर `<pad>` और `<unk>` के भी index हैं: vector की लंबाई = vocabulary का पूरा आकार।",
                           "there are 5 distinct words, but `<pad>` and `<unk>` have indices too: the vector is as "
                           "long as the whole vocabulary."),
                      4: T("स्रोत नोट्स की table में लंबाई 4 के vectors हैं, जो ग़लत है: 4 स्थानों में 5 शब्दों को अलग-अलग one-hot vector नहीं "
                           "दिया जा सकता।",
                           "the source's table uses 4-long vectors, which is wrong: 4 positions cannot give 5 words "
                           "separate one-hot vectors.")},
            hints=[T("`len(toy_vocab)` देखिए, या `toy_vocab.itos`।", "Look at `len(toy_vocab)`, or `toy_vocab.itos`."),
                   T("5 शब्द + 2 ख़ास tokens।", "5 words + 2 special tokens.")],
            solution="q2_answer = len(toy_vocab)", wrong=4,
            explanation=T("One-hot की लंबाई = vocabulary का आकार = 7 (`<pad>`, `<unk>`, movie, was, good, bad, not); हर "
                          "vector में ठीक एक 1।",
                          "The one-hot length = the vocabulary size = 7 (`<pad>`, `<unk>`, movie, was, good, bad, "
                          "not); each vector holds exactly one 1.")),
        Shape("q3", T("तीनों वाक्यों को pad करके one-hot में बदलें तो batch का shape क्या होगा? (batch first)",
                      "If the three sentences are padded and turned into one-hot vectors, what is the shape of the "
                      "batch? (batch first)"),
            (3, 4, 7), meaning="(batch, time, vocabulary)",
            hints=[T("सबसे लंबा वाक्य \"movie was not good\" है: कितने time steps?",
                     "The longest sentence is \"movie was not good\": how many time steps?"),
                   T("(वाक्य, time steps, one-hot की लंबाई)।", "(sentences, time steps, one-hot length).")],
            solution="q3_answer = (3, 4, 7)", wrong=(4, 5),
            explanation=T('3 वाक्य, 4 time steps (सबसे लंबा वाक्य), हर step पर लंबाई 7 का one-hot: (3, 4, 7)। स्रोत नोट्स का "(4, '
                          '5)" एक वाक्य का shape है, और वह भी `<pad>`/`<unk>` के बिना।',
                          "3 sentences, 4 time steps (the longest sentence), a 7-long one-hot at each step: (3, 4, 7). "
                          "The source's \"(4, 5)\" is the shape of one sentence, and without `<pad>`/`<unk>`.")),
        Numeric("q4", T("स्रोत नोट्स का छोटा RNN: `nn.RNN(input_size=5, hidden_size=3)` और उसके बाद `nn.Linear(3, 1)`। "
                        "PyTorch में कुल कितने parameters (weights + biases) हैं?",
                        "The source's small RNN: `nn.RNN(input_size=5, hidden_size=3)` followed by `nn.Linear(3, 1)`. "
                        "How many parameters (weights + biases) are there in PyTorch?"),
            34, rel_tol=0, abs_tol=0,
            mistakes={33: T("33 स्रोत नोट्स की गिनती है (9 + 9 + 15), जो ग़लत है।",
                            "33 is the source's count (9 + 9 + 15), which is wrong."),
                      27: T("ये केवल weights हैं: 15 + 9 + 3। Biases भी गिनिए।",
                            "those are the weights only: 15 + 9 + 3. Count the biases too."),
                      31: T("PyTorch का `nn.RNN` दो bias vectors रखता है: `bias_ih` और `bias_hh` (3 + 3)।",
                            "PyTorch's `nn.RNN` keeps two bias vectors: `bias_ih` and `bias_hh` (3 + 3).")},
            hints=[T("`sum(p.numel() for p in module.parameters())`।",
                     "`sum(p.numel() for p in module.parameters())`."),
                   T("$W_{xh}$: 3×5, $W_{hh}$: 3×3, दो biases 3 + 3, फिर Linear: 3 + 1।",
                     "$W_{xh}$: 3×5, $W_{hh}$: 3×3, two biases 3 + 3, then Linear: 3 + 1.")],
            solution="from torch import nn\n"
                     "q4_answer = sum(p.numel() for m in (nn.RNN(5, 3), nn.Linear(3, 1)) for p in m.parameters())",
            wrong=33,
            explanation=T("15 + 9 + 3 + 3 (RNN) + 3 + 1 (Linear) = 34। ये parameters हर time step पर साझा हैं: लंबे वाक्य से "
                          "गिनती नहीं बढ़ती।",
                          "15 + 9 + 3 + 3 (RNN) + 3 + 1 (Linear) = 34. The parameters are shared across time steps: a "
                          "longer sentence does not add any.")),
        TrueFalse("q5",
            T("सही या ग़लत: labels इस्तेमाल नहीं होते, इसलिए vocabulary train और test दोनों के वाक्यों से बनाना ठीक है।",
              "True or false: the labels are not used, so it is fine to build the vocabulary from both the train and "
              "the test sentences."),
            False,
            hints=[T("असली user ऐसे शब्द लिखेगा जो training में कभी नहीं थे। उन्हें कौन-सा index मिलेगा?",
                     "A real user will type words that were never in training. Which index will they get?")],
            solution="q5_answer = False", wrong=True,
            explanation=T("ग़लत। Test set असली दुनिया की नक़ल है: test के नए शब्द `<unk>` होने चाहिए। Vocabulary में test शब्द "
                          "डालने से test accuracy असल से बेहतर दिख सकती है (जैसे embedding table का आकार और `<unk>` की दर बदल "
                          "जाते हैं) — यह एक तरह का data leakage है।",
                          "False. The test set imitates the real world: new test words must be `<unk>`. Putting test "
                          "words into the vocabulary can make test accuracy look better than it is (the embedding "
                          "table and the `<unk>` rate change) — a form of data leakage.")),
        MultipleChoice("q6", T('एक padded batch में वाक्य "बढ़िया !" (2 tokens) के बाद 6 `<pad>` हैं। `pack_padded_sequence` '
                               'से RNN चलाने पर क्या होता है?',
                               'In a padded batch the sentence "बढ़िया !" (2 tokens) is followed by 6 `<pad>`. What '
                               'happens when the RNN runs on it through `pack_padded_sequence`?'),
            [T("RNN इस वाक्य के 2 steps ही चलाता है; उसकी आख़िरी hidden state वही है जो इस वाक्य को अकेले चलाने पर मिलती है",
               "the RNN runs only 2 steps for this sentence; its last hidden state is the one the sentence gets alone"),
             T("RNN सारे 8 steps चलाता है, पर `<pad>` के embeddings शून्य हैं इसलिए hidden state नहीं बदलती",
               "the RNN runs all 8 steps, but the `<pad>` embeddings are zero so the hidden state does not change"),
             T("`<pad>` tokens हटाकर वाक्य को सबसे लंबे वाक्य जितना खींच दिया जाता है",
               "the `<pad>` tokens are removed and the sentence is stretched to the longest length"),
             T("packing केवल memory बचाता है; output बिल्कुल वही है जो बिना packing के",
               "packing only saves memory; the output is exactly the one without packing")],
            "a",
            why={"b": T("शून्य input पर भी $h_t = \\tanh(W_{hh} h_{t-1} + b_h)$ बदलता रहता है: bias और $W_{hh}$ काम करते "
                        "हैं।",
                        "even with a zero input $h_t = \\tanh(W_{hh} h_{t-1} + b_h)$ keeps changing: the bias and "
                        "$W_{hh}$ still act."),
                 "d": T("notebook में बिना packing वाला output अलग था (`False`)।",
                        "in the notebook the output without packing differed (`False`).")},
            hints=[T("notebook के section 6 का output देखिए: with packing / without packing।",
                     "Look at the output of section 6 in the notebook: with packing / without packing.")],
            solution='q6_answer = "a"', wrong="b",
            explanation=T("Packing हर वाक्य की असली लंबाई RNN को देता है; हर step पर केवल वे वाक्य आगे बढ़ते हैं जो अभी ख़त्म नहीं हुए "
                          "(`batch_sizes`)। इसलिए `h_n` हर वाक्य के अपने आख़िरी शब्द के बाद की state है।",
                          "Packing gives the RNN each sentence's true length; at each step only the running sentences "
                          "move on (`batch_sizes`). So `h_n` is each sentence's state after its own last word.")),
        TrueFalse("q7", T("सही या ग़लत: `nn.Embedding` से index $i$ की row उठाना वैसा ही है जैसा one-hot vector (लंबाई $|V|$) को "
                          "embedding matrix $E$ ($|V| \\times d$) से गुणा करना।",
                          "True or false: picking row $i$ with `nn.Embedding` is the same as multiplying the one-hot "
                          "vector (length $|V|$) by the embedding matrix $E$ ($|V| \\times d$)."),
            True,
            hints=[T("One-hot vector में केवल स्थान $i$ पर 1 है। $\\operatorname{onehot}(i)^\\top E$ की हर column में क्या बचता "
                     "है?",
                     "The one-hot vector has a 1 only at position $i$. What is left in each column of "
                     "$\\operatorname{onehot}(i)^\\top E$?")],
            solution="q7_answer = True", wrong=False,
            explanation=T("सही: $\\operatorname{onehot}(i)^\\top E = E[i]$। Lookup वही परिणाम देता है, पर $|V| \\times "
                          "d$ गुणा के बिना।",
                          "True: $\\operatorname{onehot}(i)^\\top E = E[i]$. The lookup gives the same result without "
                          "the $|V| \\times d$ multiplication.")),
        Code("q8",
            T("`make_vocab(train_texts, test_texts, min_freq)` लिखिए जो सही वाक्यों से एक `Vocab` बनाए (`<pad>` = 0, "
              "`<unk>` = 1, फिर शब्द गिनती के क्रम में)। `Vocab.build(token_lists, min_freq=...)` और `tokenize` इस्तेमाल कर "
              "सकते हैं। `test_texts` function को जानबूझकर दिए गए हैं: सोचिए कि उनका क्या करना चाहिए।",
              "Write `make_vocab(train_texts, test_texts, min_freq)` that builds a `Vocab` from the right sentences "
              "(`<pad>` = 0, `<unk>` = 1, then words by frequency). You may use `Vocab.build(token_lists, "
              "min_freq=...)` and `tokenize`. The function receives `test_texts` on purpose: think about what to do "
              "with them."),
            grader=_grade_vocab, answer_name="make_vocab",
            starter="def make_vocab(train_texts, test_texts, min_freq=1):\n"
                    "    # build the vocabulary from the sentences a model is allowed to learn from\n"
                    "    return ____",
            solution="def make_vocab(train_texts, test_texts, min_freq=1):\n"
                     "    # test_texts are not used: their new words must become <unk>\n"
                     "    return Vocab.build([tokenize(t) for t in train_texts], min_freq=min_freq)",
            wrongs=[_wrong_vocab_with_test, _wrong_ignores_min_freq, _wrong_min_freq_strict, _wrong_split],
            hints=[T("Vocabulary किन वाक्यों से बनती है? (प्रश्न 5 देखिए।)",
                     "Which sentences does the vocabulary come from? (See question 5.)"),
                   T("`Vocab.build([tokenize(t) for t in train_texts], min_freq=min_freq)`।",
                     "`Vocab.build([tokenize(t) for t in train_texts], min_freq=min_freq)`.")],
            explanation=T("`test_texts` को अनदेखा कीजिए। Test के नए शब्द `<unk>` बनते हैं — notebook में हिंदी और अंग्रेज़ी दोनों में "
                          "लगभग हर 6-7 test tokens में से एक।",
                          "Ignore `test_texts`. New test words become `<unk>` — in the notebook about one test token "
                          "in 6 or 7, in Hindi and in English.")),
        CodeWithMistakes("q9",
            T("`encode_and_pad(texts, vocab)` लिखिए: हर वाक्य को `tokenize` करके `vocab.encode` से indices में बदलिए, और एक "
              "`(B, T)` LongTensor लौटाइए जिसमें हर row की शुरुआत में वाक्य के indices हों और बाक़ी जगह `vocab.pad_index` (T = "
              "सबसे लंबे वाक्य की लंबाई)। `pad_batch` इस्तेमाल मत कीजिए: starter के दो ख़ाली हिस्से भरिए।",
              "Write `encode_and_pad(texts, vocab)`: `tokenize` each sentence, turn it into indices with "
              "`vocab.encode`, and return a `(B, T)` LongTensor in which each row starts with the sentence's indices "
              "and the rest is `vocab.pad_index` (T = the length of the longest sentence). Do not use `pad_batch`: "
              "fill in the two blanks of the starter."),
            reference=_encode_and_pad, cases=ENCODE_CASES, mistakes=ENCODE_MISTAKES, answer_name="encode_and_pad",
            starter="def encode_and_pad(texts, vocab):\n"
                    "    ids = [vocab.encode(tokenize(t)) for t in texts]               # lists of indices\n"
                    "    T = ____                                                       # the longest length\n"
                    "    padded = [s + [vocab.pad_index] * (T - len(s)) for s in ids]   # <pad> at the end\n"
                    "    return ____                                                    # a (B, T) LongTensor",
            solution="def encode_and_pad(texts, vocab):\n"
                     "    ids = [vocab.encode(tokenize(t)) for t in texts]               # lists of indices\n"
                     "    T = max(len(s) for s in ids)                                   # the longest length\n"
                     "    padded = [s + [vocab.pad_index] * (T - len(s)) for s in ids]   # <pad> at the end\n"
                     "    return torch.tensor(padded, dtype=torch.long)                  # (B, T)",
            wrongs=[_wrong_float_ids, _wrong_list_of_lists],
            hints=[T("अधिकतम लंबाई: `max(len(s) for s in ids)`।", "The longest length: `max(len(s) for s in ids)`."),
                   T("Lists की list से tensor: `torch.tensor(padded, dtype=torch.long)`।",
                     "A tensor from a list of lists: `torch.tensor(padded, dtype=torch.long)`.")],
            explanation=T('अंत में padding और असली लंबाइयाँ — यही `pack_padded_sequence` को चाहिए। `toy_vocab` में "great" '
                          'नहीं है, इसलिए उसे `<unk>` = 1 मिलता है।',
                          'Padding at the end plus the true lengths — exactly what `pack_padded_sequence` needs. '
                          '"great" is not in `toy_vocab`, so it gets `<unk>` = 1.')),
        CodeWithMistakes("q10",
            T("`accuracy(logits, labels)` लिखिए: `logits` का shape `(N, 2)` है, `labels` का `(N,)`। हर उदाहरण की "
              "predicted class = सबसे बड़े logit वाली class; लौटाइए सही predictions का अंश (fraction), एक float।",
              "Write `accuracy(logits, labels)`: `logits` has shape `(N, 2)`, `labels` `(N,)`. Each example's "
              "predicted class = the class with the largest logit; return the fraction of correct predictions, a "
              "float."),
            reference=_accuracy, cases=ACC_CASES, mistakes=ACC_MISTAKES, answer_name="accuracy",
            starter="def accuracy(logits, labels):\n"
                    "    predictions = ____     # (N,) the class with the largest logit\n"
                    "    return ____            # fraction of predictions equal to labels",
            solution="def accuracy(logits, labels):\n"
                     "    predictions = logits.argmax(dim=1)     # (N,)\n"
                     "    return (predictions == labels).float().mean().item()",
            hints=[T("`logits.argmax(dim=1)` हर row में सबसे बड़े logit वाली class देता है।",
                     "`logits.argmax(dim=1)` gives each row's largest class."),
                   T("Boolean tensor का `.float().mean()` = True का अंश।",
                     "`.float().mean()` of a boolean tensor = the fraction of True.")],
            explanation=T("Softmax की ज़रूरत नहीं: softmax क्रम नहीं बदलता, तो argmax वही रहता है।",
                          "No softmax needed: softmax keeps the order, so the argmax is the same.")),
        Numeric("q11", T('एक bag-of-words model का score $s = b + \\sum_v w_v c_v$ है ($s > 0$ = सकारात्मक)। सीखे गए मान: '
                         '$b = 0.1$, $w_{\\text{good}} = 2.0$, $w_{\\text{not}} = -0.5$, बाक़ी शब्दों के weights 0। "the '
                         'food was not good" का score क्या है?',
                         "A bag-of-words model's score is $s = b + \\sum_v w_v c_v$ ($s > 0$ = positive). Learned "
                         "values: $b = 0.1$, $w_{\\text{good}} = 2.0$, $w_{\\text{not}} = -0.5$, all other weights 0. "
                         "What is the score of \"the food was not good\"?"),
            1.6, rel_tol=1e-6, abs_tol=1e-9,
            mistakes={2.1: T("\"not\" का weight भी जोड़िए।", "add the weight of \"not\" too."),
                      -1.6: T("चिह्न (sign) देखिए: 0.1 + 2.0 − 0.5।", "check the sign: 0.1 + 2.0 − 0.5.")},
            hints=[T("हर शब्द एक बार आया है: $s = b + w_{\\text{not}} + w_{\\text{good}}$।",
                     "Each word occurs once: $s = b + w_{\\text{not}} + w_{\\text{good}}$.")],
            solution="q11_answer = 0.1 + 2.0 - 0.5", wrong=2.1,
            explanation=T('$s = 1.6 > 0$: model इसे सकारात्मक कहता है, जो ग़लत है। "not" केवल 0.5 घटाता है, चाहे वह "good" को '
                          'नकारे या किसी और शब्द को।',
                          '$s = 1.6 > 0$: the model calls it positive, which is wrong. "not" only subtracts 0.5, '
                          'whatever word it negates.')),
        Open("q12", T('समझाइए कि "not good" (नकारात्मक) और "not bad" (सकारात्मक) bag-of-words model के लिए क्यों कठिन हैं, और '
                      'RNN यह भेद कैसे सीख सकता है। (संकेत: "good", "bad", "not good", "not bad" चारों पर सही उत्तर पाने के लिए '
                      'weights पर क्या शर्तें लगेंगी?)',
                      'Explain why "not good" (negative) and "not bad" (positive) are hard for a bag-of-words model, '
                      'and how an RNN can learn the difference. (Hint: what conditions must the weights meet to get '
                      '"good", "bad", "not good" and "not bad" all right?)'),
            model_answer=T('Bag-of-words केवल गिनती देखता है: score = b + Σ (weight × गिनती), शब्दों का क्रम और कौन-सा शब्द '
                           'किसे नकारता है, यह खो जाता है। चारों सही होने के लिए चाहिए: b + w_good > 0, b + w_bad < 0, b + '
                           'w_not + w_good < 0, b + w_not + w_bad > 0। पहली और तीसरी से w_not < 0, दूसरी और चौथी से w_not '
                           '> 0 — असंभव। यानी "not" का असर एक स्थिर संख्या है, जो "good" और "bad" दोनों को एक ही दिशा में धकेलती '
                           'है। (Bigrams जैसे "not good" को अलग feature बनाकर आंशिक सुधार होता है, पर "not at all good" जैसे '
                           'रूप फिर छूटते हैं।) RNN शब्दों को क्रम से पढ़ता है: "not" पढ़ने के बाद hidden state बदल जाती है, और अगले '
                           'शब्द "good" या "bad" का असर उसी state पर निर्भर करता है — इसलिए वह नकार (negation) से अर्थ पलटने का नियम सीख '
                           'सकता है, अगर training में ऐसे काफ़ी उदाहरण हों। Notebook में देखा कि ज़्यादातर "not" वाले वाक्य नकारात्मक '
                           'होने से models "not bad" पर भी फिसले।',
                           'Bag-of-words sees only counts: score = b + Σ (weight × count); the word order, and which '
                           'word a "not" negates, are lost. To get all four right it needs b + w_good > 0, b + w_bad < '
                           '0, b + w_not + w_good < 0, b + w_not + w_bad > 0. The first and third give w_not < 0, the '
                           'second and fourth w_not > 0 — impossible. The effect of "not" is one fixed number that '
                           'pushes "good" and "bad" the same way. (Bigrams such as "not good" as a feature of their '
                           'own help partly, but forms like "not at all good" slip through again.) An RNN reads the '
                           'words in order: after "not" the hidden state changes, and the effect of the next word '
                           '"good" or "bad" depends on that state — so it can learn the rule that flips the meaning, '
                           'given enough such examples in training. In the notebook most sentences with "not" were '
                           'negative, and the models slipped on "not bad" too.'),
            hints=[T("Score शब्दों के weights का जोड़ है। \"not good\" और \"not bad\" में \"not\" का योगदान कितना है?",
                     'The score is a sum of word weights. How much does "not" add in "not good" and in "not bad"?'),
                   T("चारों शर्तें लिखिए और w_not के लिए दोनों दिशाओं की सीमा निकालिए।",
                     "Write the four conditions and derive the bounds on w_not from both pairs.")],
            solution='q12_answer = """BoW adds a fixed weight for "not", so w_not would have to be both < 0 and > 0; '
                     'an RNN reads "not" before "good" and can flip its effect."""'),
        Shape("q13", T("Bidirectional GRU (`hidden_size=32`) के outputs पर max pooling over time करने के बाद, 16 वाक्यों के "
                       "batch का sentence vector किस shape का है?",
                       "After max pooling over time on the outputs of a bidirectional GRU (`hidden_size=32`), what is "
                       "the shape of the sentence vectors of a batch of 16 sentences?"),
            (16, 64), meaning="(batch, 2 · hidden_size)",
            hints=[T("हर step पर दोनों दिशाओं की states साथ-साथ जुड़ती (concatenate होती) हैं: 32 + 32।",
                     "At every step the states of both directions are concatenated: 32 + 32."),
                   T("Max pooling समय (time) वाला axis हटा देता है।", "Max pooling removes the time axis.")],
            solution="q13_answer = (16, 64)", wrong=(16, 32),
            explanation=T("(16, T, 64) के outputs का समय (time) axis पर max: (16, 64)। फिर `nn.Linear(64, 2)`।",
                          "The max over time of the (16, T, 64) outputs: (16, 64). Then `nn.Linear(64, 2)`.")),
        MultipleChoice("q14",
            T("स्रोत नोट्स (`002`, `004`) RNN, LSTM/GRU और libraries के बारे में कई बातें कहते हैं। कौन-से कथन सही हैं?",
              "The source notes (`002`, `004`) make several claims about RNNs, LSTM/GRU and libraries. Which "
              "statements are right?"),
            [T("LSTM और GRU के gates घटते (vanishing) gradients की समस्या को कम करते हैं, पर उसे पूरी तरह ख़त्म नहीं करते",
               "the gates of LSTM and GRU reduce vanishing gradients, but do not remove them"),
             T("फटते (exploding) gradients से बचने के लिए RNNs में आम तौर पर gradient clipping लगाया जाता है",
               "RNNs usually use gradient clipping against exploding gradients"),
             T("Theano Microsoft ने बनाया था", "Theano was built by Microsoft"),
             T("`nn.RNN` का default activation ReLU है", "the default activation of `nn.RNN` is ReLU"),
             T("LSTM और GRU RNN नहीं हैं, वे अलग तरह के networks हैं",
               "LSTM and GRU are not RNNs; they are a different kind of network")],
            ["a", "b"],
            why={"c": T("Theano Montréal विश्वविद्यालय के MILA lab में बना; Microsoft का framework CNTK था।",
                        "Theano was built at the MILA lab of the Université de Montréal; Microsoft's framework was "
                        "CNTK."),
                 "d": T("default `nonlinearity=\"tanh\"` है।", "the default is `nonlinearity=\"tanh\"`."),
                 "e": T("LSTM और GRU gates वाले recurrent cells हैं — RNN का ही रूप।",
                        "LSTM and GRU are recurrent cells with gates — a kind of RNN.")},
            hints=[T("`help(torch.nn.RNN)` में `nonlinearity` देखिए।", "Look at `nonlinearity` in `help(torch.nn.RNN)`."),
                   T("दो कथन सही हैं।", "Two statements are right.")],
            solution='q14_answer = ["a", "b"]', wrong=["a", "c"],
            explanation=T("Gates घटते (vanishing) gradients की समस्या को कम करते हैं (cell state से gradient लगभग बिना घटे बहता है), फटते (exploding) gradients के लिए "
                          "clipping। Theano: MILA (Montréal), विकास 2017 में बंद।",
                          "Gates reduce vanishing (the gradient flows through the cell state almost undiminished); "
                          "clipping handles exploding. Theano: MILA (Montréal), development stopped in 2017.")),
    ]
