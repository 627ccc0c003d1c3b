"""References, cases, checkers and known-wrong answers of practice 17 (next-word prediction): perplexity (q16), a
bigram probability by counting (q17), temperature (q18) and top-k suggestions (q19)."""
import math

import torch

from ...i18n import T
from ..codecheck import Case
from ..core import NotAttempted, contains_placeholder, ok, wrong

# ------------------------------------------------------------------ q16: perplexity


_perplexity = lambda probs: math.exp(-sum(math.log(p) for p in probs) / len(probs))


def _wrong_no_mean(probs):
    """A known-wrong answer: forgets to divide by N."""
    return math.exp(-sum(math.log(p) for p in probs))


def _wrong_no_minus(probs):
    """A known-wrong answer: exp of the mean log-probability (1 / perplexity)."""
    return math.exp(sum(math.log(p) for p in probs) / len(probs))


def _wrong_no_exp(probs):
    """A known-wrong answer: the cross-entropy H itself."""
    return -sum(math.log(p) for p in probs) / len(probs)


def _wrong_inverse_mean(probs):
    """A known-wrong answer: 1 / the arithmetic mean of the probabilities."""
    return len(probs) / sum(probs)


PPL_CASES = [
    Case(([0.5, 0.25, 0.125],), about=T("हाथ से हल किया उदाहरण: उत्तर 4", "the hand example: the answer is 4")),
    Case(([1 / 500] * 7,), about=T("बराबर probability: उत्तर 500", "equal probabilities: the answer is 500")),
    Case(([0.9, 0.6, 0.05, 0.3, 0.99],), about=T("मिली-जुली probabilities", "mixed probabilities")),
    Case(([1.0],), about=T("पक्का अनुमान: उत्तर 1", "a certain guess: the answer is 1")),
]

PPL_MISTAKES = [
    (_wrong_no_mean, T("N से भाग देना छूट गया: H log-probabilities के **औसत** का ऋण है, वरना लंबे text की perplexity अपने-आप बढ़ती है।",
                       "The division by N is missing: H is the **mean** negative log-probability; otherwise a longer "
                       "text gets a larger perplexity just for its length.")),
    (_wrong_no_minus, T("ऋण चिह्न छूट गया: यह 1 / perplexity है। $H = -\\frac{1}{N} \\sum \\log p_t$।",
                        "The minus sign is missing: this is 1 / perplexity. $H = -\\frac{1}{N} \\sum \\log p_t$.")),
    (_wrong_no_exp, T("यह cross-entropy H है; perplexity उसका exp है: `math.exp(H)`।",
                      "That is the cross-entropy H; the perplexity is its exp: `math.exp(H)`.")),
    (_wrong_inverse_mean, T("यह probabilities के साधारण (arithmetic) औसत का उलटा है। Perplexity ज्यामितीय (geometric) औसत का उलटा "
                            "है: $\\exp(-\\frac{1}{N} \\sum \\log p_t)$।",
                            "That is 1 / the arithmetic mean of the probabilities. The perplexity is 1 / their geometric "
                            "mean: $\\exp(-\\frac{1}{N} \\sum \\log p_t)$.")),
]


# ------------------------------------------------------------------ q17: a bigram probability by counting

def _bigram_prob(sentences, prev, word, k=0.0, V=None, *, all_pairs=False, k_times_v=True, k_below=True,
                 reverse=False):
    """(c(prev, word) + k) / (c(prev) + k·V); the keyword switches give the known mistakes."""
    pairs = [(s[i], s[i + 1]) for s in sentences for i in range(len(s) - 1)]
    if reverse:
        pairs = [(b, a) for a, b in pairs]
    c_pair = sum(1 for a, b in pairs if a == prev and b == word)
    c_prev = len(pairs) if all_pairs else sum(1 for a, _ in pairs if a == prev)
    below = ((k if k_times_v else 1) * (V or 0)) if k_below else 0
    return (c_pair + k) / (c_prev + below)


def _wrong_all_pairs(sentences, prev, word, k=0.0, V=None):
    """A known-wrong answer: divides by the number of all pairs instead of c(prev)."""
    return _bigram_prob(sentences, prev, word, k, V, all_pairs=True)


def _wrong_plus_v(sentences, prev, word, k=0.0, V=None):
    """A known-wrong answer: adds V, not k·V, below."""
    return _bigram_prob(sentences, prev, word, k, V, k_times_v=False) if k else _bigram_prob(sentences, prev, word)


def _wrong_k_above_only(sentences, prev, word, k=0.0, V=None):
    """A known-wrong answer: adds k above but nothing below."""
    return _bigram_prob(sentences, prev, word, k, V, k_below=False)


def _wrong_reversed_pair(sentences, prev, word, k=0.0, V=None):
    """A known-wrong answer: counts (word, prev), the pair the other way round."""
    return _bigram_prob(sentences, prev, word, k, V, reverse=True)


SENTS = [["<bos>", "i", "am", "going", "to", "the", "market", ".", "<eos>"],
         ["<bos>", "i", "am", "going", "to", "the", "office", ".", "<eos>"],
         ["<bos>", "she", "is", "going", "to", "school", ".", "<eos>"],
         ["<bos>", "close", "the", "window", ".", "<eos>"],
         ["<bos>", "it", "is", "the", "market", ".", "<eos>"],
         ["<bos>", "the", "end", "is", "the", "<eos>"]]
BIGRAM_CASES = [
    Case((SENTS, "the", "market"), about=T("k = 0: 2 / 6", "k = 0: 2 / 6")),
    Case((SENTS, "going", "to"), about=T("'going' के बाद हमेशा 'to'", "'going' is always followed by 'to'")),
    Case((SENTS, "the", "school"), about=T("अनदेखी जोड़ी, k = 0: probability 0", "an unseen pair, k = 0: probability 0")),
    Case((SENTS, "the", "school", 0.5, 20), about=T("add-k, k = 0.5, V = 20", "add-k, k = 0.5, V = 20")),
    Case((SENTS, "the", "market", 1.0, 20), about=T("Laplace, k = 1, V = 20", "Laplace, k = 1, V = 20")),
]

BIGRAM_MISTAKES = [
    (_wrong_all_pairs, T("भाजक $c(v)$ है — वे जोड़ियाँ जिनमें $v$ पहले है — सारी जोड़ियाँ नहीं; उससे $P(v, w)$ मिलता है, "
                         "$P(w \\mid v)$ नहीं।",
                         "The denominator is $c(v)$ — the pairs in which $v$ comes first — not all pairs; that gives "
                         "$P(v, w)$, not $P(w \\mid v)$.")),
    (_wrong_plus_v, T("नीचे $k V$ जुड़ता है, केवल $V$ नहीं: हर शब्द को $k$ मिलता है, तो कुल $k V$ बढ़ता है।",
                      "Below, add $k V$, not just $V$: every word gets $k$, so the total grows by $k V$.")),
    (_wrong_k_above_only, T("Smoothing में ऊपर $k$ और नीचे $k V$ दोनों जुड़ते हैं, वरना probabilities का जोड़ 1 नहीं रहता।",
                            "Smoothing adds $k$ above and $k V$ below; otherwise the probabilities no longer add "
                            "up to 1.")),
    (_wrong_reversed_pair, T("जोड़ी का क्रम उलटा है: $c(v, w)$ में $v$ (prev) पहले आता है, फिर $w$ (word)।",
                             "The pair is the wrong way round: in $c(v, w)$, $v$ (prev) comes first, then $w$ (word).")),
]


# ------------------------------------------------------------------ q18: temperature

_with_temperature = lambda logits, T: torch.softmax(torch.as_tensor(logits, dtype=torch.float32) / T, dim=-1)


def _wrong_multiply(logits, T):
    """A known-wrong answer: multiplies by T instead of dividing."""
    return torch.softmax(torch.as_tensor(logits, dtype=torch.float32) * T, dim=-1)


def _wrong_no_softmax(logits, T):
    """A known-wrong answer: the scaled logits, not probabilities."""
    return torch.as_tensor(logits, dtype=torch.float32) / T


def _wrong_softmax_first(logits, T):
    """A known-wrong answer: the softmax first, then divided by T."""
    return torch.softmax(torch.as_tensor(logits, dtype=torch.float32), dim=-1) / T


def _wrong_softmax_dim0(logits, T):
    """A known-wrong answer: the softmax over the first axis (the batch, for 2-D logits)."""
    return torch.softmax(torch.as_tensor(logits, dtype=torch.float32) / T, dim=0)


TEMP_CASES = [
    Case((torch.tensor([2.0, 1.0, 0.0]), 1.0), about=T("T = 1: साधारण softmax", "T = 1: the plain softmax")),
    Case((torch.tensor([2.0, 1.0, 0.0]), 0.5), about=T("T = 0.5: distribution नुकीली", "T = 0.5: a sharper distribution")),
    Case((torch.tensor([2.0, 1.0, 0.0]), 2.0), about=T("T = 2: distribution चपटी", "T = 2: a flatter distribution")),
    Case((torch.tensor([[1.0, 3.0, 0.5, -1.0], [0.0, 0.0, 0.0, 0.0]]), 1.5),
         about=T("एक batch: आख़िरी axis पर softmax", "a batch: softmax over the last axis")),
]

TEMP_MISTAKES = [
    (_wrong_multiply, T("$T$ से **भाग** दीजिए, गुणा नहीं: $T < 1$ पर फ़ासले बढ़ने चाहिए और distribution नुकीली होनी चाहिए।",
                        "**Divide** by $T$, do not multiply: with $T < 1$ the gaps must grow and the distribution "
                        "must get sharper.")),
    (_wrong_no_softmax, T("ये scaled logits हैं, probabilities नहीं: आख़िर में `torch.softmax(..., dim=-1)` लगाइए।",
                          "These are scaled logits, not probabilities: apply `torch.softmax(..., dim=-1)` at the end.")),
    (_wrong_softmax_first, T("पहले logits को $T$ से भाग दीजिए, फिर softmax; softmax के बाद भाग देने से जोड़ 1 नहीं रहता।",
                             "Divide the logits by $T$ first, then take the softmax; dividing after the softmax breaks "
                             "the sum of 1.")),
    (_wrong_softmax_dim0, T("Softmax आख़िरी axis (शब्दों) पर चाहिए: `dim=-1`। `dim=0` पूरे batch पर normalise करता है।",
                            "The softmax goes over the last axis (the words): `dim=-1`. `dim=0` normalises over the "
                            "batch.")),
]


# ------------------------------------------------------------------ q19: top-k suggestions

WORDS = ["market", "office", "station", "rain", "school", "kitchen"]
TOPK_CASES = [
    (torch.tensor([0.30, 0.10, 0.05, 0.20, 0.25, 0.10]), 3),
    (torch.tensor([0.05, 0.50, 0.15, 0.05, 0.05, 0.20]), 1),
    (torch.tensor([0.10, 0.20, 0.30, 0.15, 0.05, 0.20]), 4),
    (torch.tensor([0.10, 0.25, 0.25, 0.25, 0.05, 0.10]), 2),     # a tie at the cut: any two of the three are right
    (torch.tensor([0.30, 0.10, 0.05, 0.20, 0.25, 0.10]), 6),     # edge case: every word
]


def _top_k_words(probs, words, k):
    vals, idx = torch.topk(torch.as_tensor(probs), k)
    return [(words[int(i)], float(v)) for i, v in zip(idx, vals)]


def _grade_top_k(fn):
    """(word, probability) pairs: each word with its own probability, the k largest values, largest first."""
    for probs, k in TOPK_CASES:
        got = fn(probs.clone(), list(WORDS), k)
        if contains_placeholder(got):
            raise NotAttempted()
        expected = _top_k_words(probs, WORDS, k)
        shown = ", ".join(f"{w} {p:.2f}" for w, p in expected)
        if not isinstance(got, (list, tuple)) or len(got) != k:
            return wrong(f"k = {k} के लिए {k} जोड़ों (शब्द, probability) की list लौटनी चाहिए; मिला: {got!r:.120}।",
                         f"for k = {k} the function must return a list of {k} (word, probability) pairs; got {got!r:.120}")
        try:
            assert all(isinstance(item, (tuple, list)) and len(item) == 2 for item in got)
            got_words, got_probs = [w for w, _ in got], [float(p) for _, p in got]
        except (AssertionError, TypeError, ValueError, RuntimeError):
            return wrong("list का हर item (शब्द, probability) का जोड़ा होना चाहिए, जैसे ('market', 0.3)।",
                         "every item must be a (word, probability) pair, such as ('market', 0.3).")
        if any(w not in WORDS for w in got_words):
            return wrong(f"जोड़े में शब्द ख़ुद (`words[i]`) चाहिए, index i नहीं; मिला {got_words}।",
                         f"each pair needs the word itself (`words[i]`), not its index i; got {got_words}.")
        if len(set(got_words)) != k or any(not math.isclose(p, float(probs[WORDS.index(w)]), abs_tol=1e-6)
                                           for w, p in zip(got_words, got_probs)):
            return wrong(f"हर शब्द के साथ उसकी अपनी probability चाहिए, और हर शब्द एक ही बार ({shown})।",
                         f"each word must come with its own probability, and each word once ({shown}).")
        want = [p for _, p in expected]
        if not all(math.isclose(a, b, abs_tol=1e-6) for a, b in zip(sorted(got_probs, reverse=True), want)):
            return wrong(f"k = {k} पर सबसे बड़ी {k} probabilities वाले शब्द चाहिए: {shown}; मिला {got_words}।",
                         f"for k = {k} the words with the {k} largest probabilities are wanted: {shown}; got "
                         f"{got_words}.")
        if got_probs != sorted(got_probs, reverse=True):
            return wrong(f"शब्द सही हैं पर क्रम नहीं: सबसे बड़ी probability पहले आनी चाहिए ({shown})।",
                         f"the words are right but not their order: the largest probability comes first ({shown}).")
    return ok(f"सभी {len(TOPK_CASES)} cases सही (बराबर probabilities किसी भी क्रम में): यही keyboard के सुझाव हैं।",
              f"all {len(TOPK_CASES)} cases pass (equal probabilities in any order): these are the keyboard's "
              "suggestions.")


def _wrong_top_k_ascending(probs, words, k):
    """A known-wrong answer: the k largest, but smallest first."""
    return _top_k_words(probs, words, k)[::-1]


def _wrong_words_only(probs, words, k):
    """A known-wrong answer: the words without their probabilities."""
    return [w for w, _ in _top_k_words(probs, words, k)]


def _wrong_indices(probs, words, k):
    """A known-wrong answer: (index, probability) instead of (word, probability)."""
    vals, idx = torch.topk(probs, k)
    return [(int(i), float(v)) for i, v in zip(idx, vals)]


def _wrong_smallest(probs, words, k):
    """A known-wrong answer: the k smallest probabilities."""
    vals, idx = torch.topk(probs, k, largest=False)
    return [(words[int(i)], float(v)) for i, v in zip(idx, vals)]
