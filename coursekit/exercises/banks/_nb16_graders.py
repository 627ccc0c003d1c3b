"""Checkers, cases and known-wrong answers of practice 16 (sentiment analysis with RNNs): a vocabulary from the
training sentences only (q8), encoding and padding a batch as a LongTensor (q9), and accuracy (q10)."""
import torch

from ...i18n import T
from ...text import Vocab, tokenize
from ..codecheck import Case
from ..core import NotAttempted, contains_placeholder, ok, wrong

TOY = ["movie was good", "movie was bad", "movie was not good"]


# ------------------------------------------------------------------ q8: vocabulary from training sentences only

# (train, test, min_freq): min_freq 1, 2 and 3, with words below min_freq in the cases where it is above 1.
VOCAB_CASES = [
    (["the food was good", "the food was bad", "good service"], ["excellent food", "the service was slow"], 1),
    (["खाना अच्छा था।", "खाना बुरा था।", "सर्विस अच्छी थी।"], ["खाना बढ़िया था।", "सर्विस धीमी थी।"], 1),
    (["movie was good", "movie was bad", "movie was not good", "not bad at all"], ["movie was great", "great great"], 2),
    (["the food was good", "the food was good .", "the service was slow", "good food , good service"],
     ["good food", "slow service"], 3),
]


_build = lambda texts, min_freq=1, split=tokenize: Vocab.build([split(t) for t in texts], min_freq=min_freq).itos
_itos = lambda v: list(v.itos) if hasattr(v, "itos") else list(v) if isinstance(v, (list, tuple)) else v


def _grade_vocab(fn):
    """The learner's make_vocab(train_texts, test_texts, min_freq) against Vocab.build on the training texts."""
    for train, test, min_freq in VOCAB_CASES:
        got = fn(list(train), list(test), min_freq)
        if contains_placeholder(got):
            raise NotAttempted()
        got = _itos(got)
        if not isinstance(got, list):
            return wrong("make_vocab को एक Vocab (या शब्दों की list, itos) लौटाना है।",
                         "make_vocab must return a Vocab (or the list of words, itos).")
        expected = _build(train, min_freq)
        if got == expected:
            continue
        test_words = {x for t in test for x in tokenize(t)}
        if got == _build(train + test, min_freq) or any(w in got and w not in expected for w in test_words):
            extra = sorted(w for w in got if w not in expected and w in test_words)
            return wrong(f"आपकी vocabulary में test के शब्द हैं ({', '.join(extra[:4])})। Vocabulary केवल training "
                         "वाक्यों से बनती है: test के नए शब्दों को <unk> मिलना चाहिए, जैसे असली user के शब्दों को।",
                         f"your vocabulary holds test words ({', '.join(extra[:4])}). The vocabulary comes from the "
                         "training sentences only: new test words must get <unk>, like a real user's words.")
        if got[:2] != ["<pad>", "<unk>"]:
            return wrong(f"पहले दो tokens <pad> (0) और <unk> (1) होने चाहिए; मिले {got[:2]}।",
                         f"the first two tokens must be <pad> (0) and <unk> (1); got {got[:2]}.")
        rare = [w for w in _build(train) if w not in expected]
        if min_freq > 1 and got == _build(train):
            return wrong(f"min_freq={min_freq} का असर नहीं दिखा: {rare} training में {min_freq} से कम बार आए हैं, इसलिए "
                         "उन्हें vocabulary से बाहर रहना चाहिए (वे <unk> बनेंगे)। `Vocab.build(..., min_freq=min_freq)` इस्तेमाल कीजिए।",
                         f"min_freq={min_freq} has no effect: {rare} occur fewer than {min_freq} times in training, so "
                         "they stay out of the vocabulary (they become <unk>). Pass `Vocab.build(..., "
                         "min_freq=min_freq)`.")
        if got == _build(train, min_freq + 1):
            return wrong(f"min_freq={min_freq}: जिस शब्द की गिनती ठीक min_freq के बराबर है, वह भी vocabulary में रहता है — "
                         "शर्त `गिनती >= min_freq` है, `>` नहीं।",
                         f"min_freq={min_freq}: a word whose count equals min_freq stays in the vocabulary too — the "
                         "rule is `count >= min_freq`, not `>`.")
        if got == _build(train, min_freq, str.split):
            return wrong("शब्द `tokenize` से तोड़िए, `str.split` से नहीं: tokenize \"।\", \".\" जैसे चिह्न अलग करता है और "
                         "अंग्रेज़ी को छोटे अक्षरों में बदलता है।",
                         "split the words with `tokenize`, not `str.split`: tokenize separates marks such as \"।\" "
                         "and \".\" and lower-cases English.")
        return wrong(f"min_freq={min_freq} पर अपेक्षित {expected}, मिला {got}। Vocab.build([tokenize(t) for t in "
                     "train_texts], min_freq=min_freq) इस्तेमाल कीजिए।",
                     f"with min_freq={min_freq} expected {expected}, got {got}. Use Vocab.build([tokenize(t) for t in "
                     "train_texts], min_freq=min_freq).")
    return ok(f"सभी {len(VOCAB_CASES)} cases सही (min_freq 1, 2 और 3): vocabulary केवल training वाक्यों से बनी।",
              f"all {len(VOCAB_CASES)} cases pass (min_freq 1, 2 and 3): the vocabulary comes from the training "
              "sentences only.")


def _wrong_vocab_with_test(train_texts, test_texts, min_freq=1):
    """A known-wrong answer: builds the vocabulary from train + test."""
    return Vocab.build([tokenize(t) for t in train_texts + test_texts], min_freq=min_freq)


def _wrong_ignores_min_freq(train_texts, test_texts, min_freq=1):
    """A known-wrong answer: keeps every training word, whatever min_freq says."""
    return Vocab.build([tokenize(t) for t in train_texts])


def _wrong_min_freq_strict(train_texts, test_texts, min_freq=1):
    """A known-wrong answer: keeps the words seen more than (not at least) min_freq times."""
    return Vocab.build([tokenize(t) for t in train_texts], min_freq=min_freq + 1)


def _wrong_split(train_texts, test_texts, min_freq=1):
    """A known-wrong answer: str.split instead of tokenize."""
    return Vocab.build([t.split() for t in train_texts], min_freq=min_freq)


# ------------------------------------------------------------------ q9: encode and pad

def _padded_ids(texts, vocab, *, at_end=True, pad=None):
    ids = [vocab.encode(tokenize(t)) for t in texts]
    width = max(len(s) for s in ids)
    fill = vocab.pad_index if pad is None else pad
    return [s + [fill] * (width - len(s)) if at_end else [fill] * (width - len(s)) + s for s in ids]


_encode_and_pad = lambda texts, vocab: torch.tensor(_padded_ids(texts, vocab), dtype=torch.long)


def _wrong_pad_at_start(texts, vocab):
    """A known-wrong answer: puts the padding before the words."""
    return torch.tensor(_padded_ids(texts, vocab, at_end=False), dtype=torch.long)


def _wrong_float_ids(texts, vocab):
    """A known-wrong answer: the right numbers in a float32 tensor (nn.Embedding rejects it)."""
    return torch.tensor(_padded_ids(texts, vocab), dtype=torch.float32)


def _wrong_list_of_lists(texts, vocab):
    """A known-wrong answer: the padded lists, not a tensor."""
    return _padded_ids(texts, vocab)


def _wrong_pad_with_unk(texts, vocab):
    """A known-wrong answer: fills with <unk> (1) instead of <pad> (0)."""
    return torch.tensor(_padded_ids(texts, vocab, pad=vocab.unk_index), dtype=torch.long)


_TOY_VOCAB = Vocab.build([tokenize(s) for s in TOY])
ENCODE_CASES = [
    Case((TOY, _TOY_VOCAB), about=T("स्रोत नोट्स के तीन वाक्य", "the source's three sentences")),
    Case((["movie was great", "not good"], _TOY_VOCAB),
         about=T("\"great\" vocabulary में नहीं है: <unk> = 1", "\"great\" is not in the vocabulary: <unk> = 1")),
    Case((["good", "movie was not bad", "was"], _TOY_VOCAB), about=T("तीन अलग लंबाइयाँ", "three different lengths")),
    Case((["movie was good"], _TOY_VOCAB), about=T("एक ही वाक्य: कोई padding नहीं", "a single sentence: no padding")),
]

ENCODE_MISTAKES = [
    (_wrong_pad_at_start, T("Padding अंत में आता है: हर row वाक्य के indices से शुरू होती है, फिर `pad_index`।",
                            "The padding goes at the end: each row starts with the sentence's indices, then "
                            "`pad_index`.")),
    (_wrong_pad_with_unk, T("ख़ाली जगहें `vocab.pad_index` (0) से भरिए; `<unk>` (1) अनजान शब्द के लिए है।",
                            "Fill the empty places with `vocab.pad_index` (0); `<unk>` (1) is for unknown words.")),
]


# ------------------------------------------------------------------ q10: accuracy

_accuracy = lambda logits, labels: (logits.argmax(dim=1) == labels).float().mean().item()


def _wrong_count_correct(logits, labels):
    """A known-wrong answer: the number of correct predictions, not the fraction."""
    return float((logits.argmax(dim=1) == labels).sum())


def _wrong_percentage(logits, labels):
    """A known-wrong answer: a percentage (0-100), not a fraction."""
    return 100 * _accuracy(logits, labels)


def _wrong_threshold(logits, labels):
    """A known-wrong answer: class 1 whenever its logit is positive, ignoring the class-0 logit."""
    return ((logits[:, 1] > 0).long() == labels).float().mean().item()


_g = torch.Generator().manual_seed(16)
ACC_CASES = [
    Case((torch.tensor([[2.0, -1.0], [0.1, 0.3], [-0.5, 0.5], [1.0, 0.0]]), torch.tensor([0, 1, 0, 0])),
         about=T("4 में से 3 सही", "3 out of 4 right")),
    Case((torch.randn(50, 2, generator=_g), torch.randint(0, 2, (50,), generator=_g)),
         about=T("50 random logits", "50 random logits")),
    Case((torch.tensor([[0.2, 0.9], [3.0, -3.0]]), torch.tensor([1, 0])), about=T("सब सही", "all right")),
    Case((torch.tensor([[1.0, 0.5]]), torch.tensor([1])), about=T("एक उदाहरण, ग़लत: 0", "one example, wrong: 0")),
]

ACC_MISTAKES = [
    (_wrong_count_correct, T("यह सही predictions की गिनती है; अंश के लिए N से भाग दीजिए (`.float().mean()`)।",
                             "That is the number of correct predictions; divide by N for the fraction "
                             "(`.float().mean()`).")),
    (_wrong_percentage, T("यह प्रतिशत है; अंश 0 और 1 के बीच होता है (100 से गुणा मत कीजिए)।",
                          "That is a percentage; the fraction lies between 0 and 1 (do not multiply by 100).")),
    (_wrong_threshold, T("Predicted class वह है जिसका logit **बड़ा** है: `logits.argmax(dim=1)`। केवल class 1 के logit की "
                         "शून्य से तुलना करना काफ़ी नहीं।",
                         "The predicted class is the one with the **larger** logit: `logits.argmax(dim=1)`. Comparing "
                         "class 1's logit with zero is not enough.")),
]
