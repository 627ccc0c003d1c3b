"""References, cases and known-wrong answers of practice 13 (forward propagation and BPTT): the one-hot sentence
(q3), the scalar RNN by hand (q4, q5) and its BPTT gradient as code (q6)."""
import math

import numpy as np

from ...i18n import T
from ..codecheck import Case

SOURCE_WORDS = ["movie", "was", "good", "bad", "not"]


# ------------------------------------------------------------------ q3: one-hot encoding of a sentence

def _one_hot_sentence(sentence, words, T_, *, pre=True, pad=True):
    """Reference: tokenize, look up, one-hot, zero rows in front (pre-padding); the switches give known mistakes."""
    from ...text import tokenize

    idx = [words.index(w) for w in tokenize(sentence)]
    rows = np.zeros((len(idx), len(words)))
    rows[np.arange(len(idx)), idx] = 1.0
    if not pad:
        return rows
    x = np.zeros((T_, len(words)))
    if pre:
        x[T_ - len(idx):] = rows
    else:
        x[:len(idx)] = rows
    return x


def _wrong_post_padded(sentence, words, T_):
    """A known-wrong answer: the padding rows at the end instead of in front."""
    return _one_hot_sentence(sentence, words, T_, pre=False)


def _wrong_no_padding(sentence, words, T_):
    """A known-wrong answer: the one-hot rows of the words only, (len, V), without padding up to T."""
    return _one_hot_sentence(sentence, words, T_, pad=False)


def _wrong_transposed(sentence, words, T_):
    """A known-wrong answer: (V, T) instead of (T, V)."""
    return _one_hot_sentence(sentence, words, T_).T


def _wrong_split(sentence, words, T_):
    """A known-wrong answer: str.split instead of tokenize ("Movie" is not in the vocabulary)."""
    idx = [words.index(w) for w in sentence.split()]
    x = np.zeros((T_, len(words)))
    x[np.arange(T_ - len(idx), T_), idx] = 1.0
    return x


ONE_HOT_CASES = [
    Case(("movie was not good", SOURCE_WORDS, 4), about=T("कोई padding नहीं", "no padding")),
    Case(("movie was good", SOURCE_WORDS, 4), about=T("एक शून्य row आगे", "one zero row in front")),
    Case(("Movie was BAD", SOURCE_WORDS, 6), about=T("बड़े अक्षर: tokenize उन्हें छोटे अक्षरों में बदल देता है; तीन शून्य rows",
                                                   "capital letters: tokenize lower-cases them; three zero rows")),
    Case(("not very good", ["good", "not", "very"], 3), about=T("दूसरी vocabulary", "another vocabulary")),
]

ONE_HOT_MISTAKES = [
    (_wrong_post_padded, T("शून्य rows आगे आती हैं (pre-padding): असली शब्द आख़िरी rows में, `x[T - len(idx):]`।",
                           "The zero rows go in front (pre-padding): the real words fill the last rows, "
                           "`x[T - len(idx):]`.")),
    (_wrong_no_padding, T("Shape (T, V) चाहिए: शब्दों की rows के आगे T − (शब्दों की संख्या) शून्य rows लगाइए।",
                          "The shape must be (T, V): put T − (number of words) zero rows in front of the words' rows.")),
    (_wrong_transposed, T("Rows time steps हैं और columns vocabulary के शब्द: shape (T, V), (V, T) नहीं।",
                          "Rows are time steps and columns the vocabulary's words: shape (T, V), not (V, T).")),
]


# ------------------------------------------------------------------ q4-q6: a scalar RNN by hand

def _forward(xs, w_i, w_h, b):
    o = [0.0]
    for x in xs:
        o.append(math.tanh(w_i * x + w_h * o[-1] + b))
    return o


def _bptt(xs, w_i, w_h, b, w_o, b_o, y, *, sign=1.0, tanh_grad=True, prev=True, through_w_h=True, steps=None):
    """BPTT for a scalar RNN: ŷ = σ(w_o o_T + b_o), binary cross-entropy, o_0 = 0. The keyword switches give the
    known mistakes (the sign of ŷ − y, the tanh derivative, o_(t−1) in each term, w_h on the way back, only the
    last ``steps`` terms)."""
    o = _forward(xs, w_i, w_h, b)
    T_ = len(xs)
    y_hat = 1 / (1 + math.exp(-(w_o * o[T_] + b_o)))
    delta, grad = sign * (y_hat - y) * w_o, 0.0           # delta = dL/do_t, starting at t = T
    for t in range(T_, max(0, T_ - (steps or T_)), -1):
        da = delta * (1 - o[t] ** 2) if tanh_grad else delta
        grad += da * (o[t - 1] if prev else o[t])
        delta = da * w_h if through_w_h else da
    return grad


def _dL_dwh(xs, w_i, w_h, b, w_o, b_o, y):
    """Reference BPTT for a scalar RNN."""
    return _bptt(xs, w_i, w_h, b, w_o, b_o, y)


def _wrong_last_term_only(xs, w_i, w_h, b, w_o, b_o, y):
    """A known-wrong answer: only the t = T term, as if w_h were used at the last step alone."""
    return _bptt(xs, w_i, w_h, b, w_o, b_o, y, steps=1)


def _wrong_sign(xs, w_i, w_h, b, w_o, b_o, y):
    """A known-wrong answer: starts from (y − ŷ) w_o."""
    return _bptt(xs, w_i, w_h, b, w_o, b_o, y, sign=-1.0)


def _wrong_no_tanh_grad(xs, w_i, w_h, b, w_o, b_o, y):
    """A known-wrong answer: forgets the tanh derivative 1 − o_t²."""
    return _bptt(xs, w_i, w_h, b, w_o, b_o, y, tanh_grad=False)


def _wrong_o_t(xs, w_i, w_h, b, w_o, b_o, y):
    """A known-wrong answer: multiplies step t's term by o_t instead of o_(t−1)."""
    return _bptt(xs, w_i, w_h, b, w_o, b_o, y, prev=False)


def _wrong_no_w_h_back(xs, w_i, w_h, b, w_o, b_o, y):
    """A known-wrong answer: passes the gradient back a step without the factor w_h."""
    return _bptt(xs, w_i, w_h, b, w_o, b_o, y, through_w_h=False)


Q4 = dict(w_i=0.6, w_h=-0.5, b=0.1, xs=(1.0, 2.0))
O4 = _forward(Q4["xs"], Q4["w_i"], Q4["w_h"], Q4["b"])[1:]
Q5 = dict(xs=(1.0, -1.0, 0.5), w_i=1.0, w_h=0.5, b=0.0, w_o=2.0, b_o=0.0, y=0.0)
G5 = _dL_dwh(**Q5)
G5_LAST = _wrong_last_term_only(**Q5)

BPTT_CASES = [
    Case(((1.0, -1.0, 0.5), 1.0, 0.5, 0.0, 2.0, 0.0, 0.0), about=T("प्रश्न 5 की संख्याएँ", "the numbers of question 5")),
    Case(((0.3,), 0.8, 0.9, 0.1, -1.0, 0.2, 1.0), about=T("T = 1: $o_0 = 0$, इसलिए gradient 0",
                                                           "T = 1: $o_0 = 0$, so the gradient is 0")),
    Case(((1.0, 0.5, -1.0), 0.5, 0.8, 0.0, 1.2, 0.0, 1.0), about=T("notebook का उदाहरण", "the notebook's example")),
    Case(((0.5, -0.2, 1.0, 0.7, -1.5, 0.3), -0.7, 1.3, 0.05, 0.9, -0.1, 1.0),
         about=T("6 steps: हर step का पद जोड़ना होगा", "6 steps: every step's term must be added")),
]

BPTT_MISTAKES = [
    (_wrong_last_term_only, T("यह केवल t = T का पद है। $w_h$ हर step पर इस्तेमाल होता है: loop में हर step का पद जोड़िए।",
                              "That is the t = T term alone. $w_h$ is used at every step: add every step's term in "
                              "the loop.")),
    (_wrong_sign, T("चिह्न उलटा है: $\\partial L / \\partial o_T = (\\hat{y} - y)\\, w_o$, $(y - \\hat{y})\\, w_o$ नहीं।",
                    "The sign is flipped: $\\partial L / \\partial o_T = (\\hat{y} - y)\\, w_o$, not "
                    "$(y - \\hat{y})\\, w_o$.")),
    (_wrong_no_tanh_grad, T("tanh का derivative छूट गया: `da = delta * (1 - o[t] ** 2)`।",
                            "The tanh derivative is missing: `da = delta * (1 - o[t] ** 2)`.")),
    (_wrong_o_t, T("Step t पर $w_h$ को $o_{t-1}$ से गुणा किया जाता है, इसलिए उसका पद `da * o[t - 1]` है, `da * o[t]` नहीं।",
                   "At step t, $w_h$ multiplies $o_{t-1}$, so its term is `da * o[t - 1]`, not `da * o[t]`.")),
    (_wrong_no_w_h_back, T("एक step पीछे जाते समय $w_h$ से गुणा कीजिए: `delta = da * w_h`।",
                           "Going one step back, multiply by $w_h$: `delta = da * w_h`.")),
]
