"""Counting baselines for the next word: a unigram and a bigram model with add-k smoothing (notebooks 10, 17).

``UnigramLM`` counts how often each word comes next, ``BigramLM`` how often each word follows each other word
(optionally interpolated with the unigram); ``tune_bigram`` picks k and λ on validation sentences, and
``top_guesses`` / ``top_k_accuracy`` give the k words a model would suggest after a word, and how often the true
next word is among them. Both models share the interface of ``coursekit.langmodel``: ``next_probs(ids)`` (the
distribution of the next word after the context ``ids``) and ``log_prob_pairs(prev, nxt)``.
"""
from __future__ import annotations

from collections.abc import Sequence

import torch

from .i18n import CourseError, check_positive_int
from .langmodel import perplexity
from .lmdata import check_encoded

NEVER_NEXT = (0, 2)     # <pad> and <bos> in a vocabulary of coursekit.lmdata.lm_vocab: they never come next


def _targets(vocab_size: int, never_next: Sequence[int] = NEVER_NEXT) -> torch.Tensor:
    """Mask of the entries that can come next: everything except ``never_next`` (``<pad>`` and ``<bos>``)."""
    mask = torch.ones(vocab_size, dtype=torch.bool)
    mask[list(never_next)] = False
    return mask


def _check_never_next(never_next, vocab_size: int) -> tuple[int, ...]:
    never = tuple(never_next)
    if not all(isinstance(i, int) and 0 <= i < vocab_size for i in never):
        raise CourseError(f"never_next में 0 से {vocab_size - 1} तक के indices चाहिए; मिला {never_next!r}।",
                          f"never_next needs indices from 0 to {vocab_size - 1}; got {never_next!r}.")
    return never


class UnigramLM:
    """P(w) = (c(w) + k) / (N + k·V'): how often each word comes next, ignoring the context.

    ``c(w)`` counts every target token (all tokens after ``<bos>``, ``<eos>`` included), ``N`` is their
    number and ``V'`` the number of possible next tokens (the vocabulary without ``<pad>`` and ``<bos>``).
    ``never_next``: the indices that never come next (``<pad>`` and ``<bos>`` of an ``lm_vocab``; for a
    vocabulary with other specials, e.g. ``(vocab.pad_index,)``).
    """

    def __init__(self, vocab_size: int, k: float = 0.0, never_next: Sequence[int] = NEVER_NEXT):
        if k < 0:
            raise CourseError(f"k ऋणात्मक नहीं हो सकता; मिला {k}।", f"k cannot be negative; got {k}.")
        self.vocab_size, self.k = vocab_size, float(k)
        self.never_next = _check_never_next(never_next, vocab_size)
        self.counts = torch.zeros(vocab_size, dtype=torch.float64)

    def fit(self, encoded: Sequence[Sequence[int]]) -> UnigramLM:
        check_encoded(encoded)
        self.counts.zero_()
        for s in encoded:
            self.counts += torch.bincount(torch.as_tensor(s[1:], dtype=torch.long), minlength=self.vocab_size)
        mask = _targets(self.vocab_size, self.never_next).double()               # float64: k is not rounded
        c = self.counts * mask + self.k * mask                                   # (V,)
        self.probs = c / c.sum()                                                 # (V,), sums to 1
        return self

    def next_probs(self, ids: Sequence[int]) -> torch.Tensor:
        """The same distribution whatever the context: (V,)."""
        return self.probs

    def log_prob_pairs(self, prev: torch.Tensor, nxt: torch.Tensor) -> torch.Tensor:
        """log P(next) for every pair; ``prev`` is ignored. (N,) → (N,)."""
        return torch.log(self.probs[nxt])


class BigramLM:
    """P(w | v) = (c(v, w) + k) / (c(v) + k·V'), optionally mixed with the unigram:
    λ·P_bigram(w | v) + (1 − λ)·P_unigram(w).

    ``c(v, w)`` counts the pairs "v followed by w" in the training sentences, ``c(v)`` how often v is
    followed by anything. ``k`` (add-k smoothing) gives every unseen pair a little probability, so one
    unseen pair in the test set does not make the perplexity infinite. A context never seen in training
    (row of zeros, with k = 0) falls back to the unigram distribution.
    """

    def __init__(self, vocab_size: int, k: float = 1.0, lam: float = 1.0, never_next: Sequence[int] = NEVER_NEXT):
        if k < 0:
            raise CourseError(f"k ऋणात्मक नहीं हो सकता; मिला {k}।", f"k cannot be negative; got {k}.")
        if not 0.0 <= lam <= 1.0:
            raise CourseError(f"λ (lam) 0 और 1 के बीच होना चाहिए; मिला {lam}।", f"λ (lam) must be between 0 and 1; got {lam}.")
        self.vocab_size, self.k, self.lam = vocab_size, float(k), float(lam)
        self.never_next = _check_never_next(never_next, vocab_size)

    def fit(self, encoded: Sequence[Sequence[int]]) -> BigramLM:
        check_encoded(encoded)
        V = self.vocab_size
        prev = torch.tensor([a for s in encoded for a in s[:-1]], dtype=torch.long)   # (N,)
        nxt = torch.tensor([b for s in encoded for b in s[1:]], dtype=torch.long)     # (N,)
        self.counts = torch.bincount(prev * V + nxt, minlength=V * V).view(V, V).double()  # (V, V)
        self.unigram = UnigramLM(V, never_next=self.never_next).fit(encoded)
        self._make_probs()
        return self

    def _make_probs(self) -> None:
        mask = _targets(self.vocab_size, self.never_next).double()               # (V,)
        c = self.counts * mask + self.k * mask                                   # (V, V)
        rows = c.sum(1, keepdim=True)                                            # (V, 1)
        bi = torch.where(rows > 0, c / rows.clamp_min(1e-300), self.unigram.probs)   # (V, V), rows sum to 1
        self.probs = self.lam * bi + (1 - self.lam) * self.unigram.probs         # (V, V)

    def set_smoothing(self, k: float | None = None, lam: float | None = None) -> BigramLM:
        """Change k and/or λ without counting again (for tuning on the validation set)."""
        if k is not None:
            if k < 0:
                raise CourseError(f"k ऋणात्मक नहीं हो सकता; मिला {k}।", f"k cannot be negative; got {k}.")
            self.k = float(k)
        if lam is not None:
            if not 0.0 <= lam <= 1.0:
                raise CourseError(f"λ 0 और 1 के बीच होना चाहिए; मिला {lam}।", f"λ must be between 0 and 1; got {lam}.")
            self.lam = float(lam)
        self._make_probs()
        return self

    def next_probs(self, ids: Sequence[int]) -> torch.Tensor:
        """P(· | last word of the context): (V,)."""
        return self.probs[int(ids[-1])]

    def log_prob_pairs(self, prev: torch.Tensor, nxt: torch.Tensor) -> torch.Tensor:
        """log P(next | prev) for every pair. (N,), (N,) → (N,)."""
        return torch.log(self.probs[prev, nxt])


def top_guesses(model, prev: int, k: int) -> list[int]:
    """The ``k`` most probable next words after the word ``prev`` (indices, best first), as a phone keyboard would
    offer them. Words the model gives probability 0 are left out (without smoothing, a word followed by only two
    different words gets two guesses); ties go to the smaller index (in a ``Vocab.build`` vocabulary, the more
    frequent word)."""
    check_positive_int(k, "k")
    p = model.next_probs([int(prev)])                                            # (V,)
    order = torch.sort(p, descending=True, stable=True).indices[:k]
    return [int(i) for i in order if p[i] > 0]


def top_k_accuracy(model, X: torch.Tensor, Y: torch.Tensor, k: int = 1, pad_index: int = 0) -> float:
    """How often the true next word is among the model's ``top_guesses`` after the word before it.

    ``X``, ``Y``: (N, L) word indices with ``Y`` = ``X`` moved one word to the left (as
    ``coursekit.rnn.next_word_tensors`` makes them); positions where ``Y`` is ``pad_index`` are not counted.
    """
    check_positive_int(k, "k")
    X, Y = torch.as_tensor(X), torch.as_tensor(Y)
    if X.shape != Y.shape:
        raise CourseError(f"X और Y का shape एक जैसा होना चाहिए; मिले {tuple(X.shape)} और {tuple(Y.shape)}।",
                          f"X and Y must have the same shape; got {tuple(X.shape)} and {tuple(Y.shape)}.")
    real = Y != pad_index
    if not real.any():
        raise CourseError("Y में गिनने लायक़ एक भी शब्द नहीं है (सब padding है)।",
                          "Y has no word to count (it is all padding).")
    guesses: dict[int, list[int]] = {}
    hits = 0
    for prev, nxt in zip(X[real].tolist(), Y[real].tolist()):
        if prev not in guesses:
            guesses[prev] = top_guesses(model, prev, k)
        hits += nxt in guesses[prev]
    return hits / int(real.sum())


def tune_bigram(bigram: BigramLM, val_encoded, ks: Sequence[float], lams: Sequence[float] = (1.0,)) -> list[dict]:
    """Validation perplexity for every (k, λ); the bigram is left set to the best pair. Rows sorted by k, λ."""
    rows = []
    for k in ks:
        for lam in lams:
            bigram.set_smoothing(k=k, lam=lam)
            rows.append({"k": k, "lam": lam, "val_ppl": perplexity(bigram, val_encoded)})
    best = min(rows, key=lambda r: r["val_ppl"])
    bigram.set_smoothing(k=best["k"], lam=best["lam"])
    return rows
