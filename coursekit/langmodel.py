"""Word-level language models: counting baselines, a word LSTM, perplexity, suggestions and generation.

Notebook 17 (next-word prediction) builds the source's "I am going to the ___" example with these pieces:

* data: ``lm_vocab`` (vocabulary from the training sentences only, with ``min_freq`` and ``<unk>``),
  ``encode_sentences`` (every sentence becomes ``<bos> w1 … wn <eos>``), ``sentence_loader`` (one
  sentence per row, padded: inputs ``x = ids[:-1]``, targets ``y = ids[1:]``) and ``bptt_chunks``
  (all sentences glued into one stream and cut into fixed-length pieces, the other common layout);
* baselines: ``UnigramLM`` and ``BigramLM`` (add-k smoothing, optionally interpolated with the unigram);
* the neural model: ``WordLSTMLM`` (Embedding → LSTM → Linear, optional weight tying) trained with
  ``train_lm`` (``coursekit.fit`` with a progress bar, early stopping on the validation loss);
* evaluation and use: ``perplexity``, ``next_word_probs``, ``suggest`` (a phone keyboard's top-k),
  ``apply_temperature``, ``generate`` and ``walkthrough`` (the model's top guesses after every word).

All models share one interface for the next word: ``next_word_probs(model, ids)`` gives the probability of
every vocabulary entry after the context ``ids`` (a list of indices that starts with ``<bos>``).
"""
from __future__ import annotations

import math
from collections.abc import Sequence

import torch
from torch import nn

from .i18n import CourseError
from .text import BOS, EOS, PAD, UNK, Vocab, is_punct, pad_batch, tokenize

SPECIALS = (PAD, UNK, BOS, EOS)       # indices 0, 1, 2, 3 of every vocabulary built here


# ---------------------------------------------------------------------------------------------- data

def sentence_tokens(text: str) -> list[str]:
    """``"I am going."`` → ``["<bos>", "i", "am", "going", ".", "<eos>"]`` (coursekit.text.tokenize inside)."""
    return [BOS, *tokenize(text), EOS]


def lm_vocab(sentences: Sequence[str], min_freq: int = 2) -> Vocab:
    """The vocabulary of a language model, built from the *training* sentences only.

    Words seen fewer than ``min_freq`` times become ``<unk>``: the model then learns what "some rare word"
    looks like, which it needs for the unknown words of the validation and test sets.
    Index 0 ``<pad>``, 1 ``<unk>``, 2 ``<bos>``, 3 ``<eos>``, then the words, most frequent first.
    """
    if isinstance(sentences, str) or len(sentences) == 0:
        raise CourseError("lm_vocab को वाक्यों (strings) की एक ग़ैर-ख़ाली list चाहिए।",
                          "lm_vocab needs a non-empty list of sentences (strings).")
    return Vocab.build([tokenize(s) for s in sentences], min_freq=min_freq, specials=SPECIALS)


def encode_sentences(sentences: Sequence[str], vocab: Vocab) -> list[list[int]]:
    """Sentences → lists of indices ``[<bos>, w1, …, wn, <eos>]`` (unknown words → ``<unk>``)."""
    if isinstance(sentences, str):
        raise CourseError("encode_sentences को वाक्यों की list चाहिए, एक string नहीं।",
                          "encode_sentences expects a list of sentences, not one string.")
    for tok in SPECIALS:
        if tok not in vocab:
            raise CourseError(f"vocabulary में {tok} नहीं है: उसे lm_vocab से बनाइए।",
                              f"the vocabulary has no {tok}: build it with lm_vocab.")
    return [vocab.encode(sentence_tokens(s)) for s in sentences]


def sentence_loader(encoded: Sequence[Sequence[int]], batch_size: int = 32, shuffle: bool = False,
                    seed: int = 0, pad_index: int = 0) -> torch.utils.data.DataLoader:
    """One sentence per row: batches ``(x, y)`` of shape ``(B, T)``, ``x = ids[:-1]``, ``y = ids[1:]``.

    Each batch is padded (with ``<pad>`` = 0) to its longest sentence. Padding sits at the end, and an LSTM
    reads left to right, so the padding never changes the outputs at real positions; the loss ignores the
    padded targets (``ignore_index=0``).
    """
    pairs = [(list(s[:-1]), list(s[1:])) for s in encoded if len(s) >= 2]
    if not pairs:
        raise CourseError("sentence_loader को कम से कम एक वाक्य चाहिए (हर एक में <bos> और <eos> के साथ)।",
                          "sentence_loader needs at least one sentence (each with <bos> and <eos>).")

    def collate(batch):
        x, _ = pad_batch([b[0] for b in batch], pad_index)       # (B, T)
        y, _ = pad_batch([b[1] for b in batch], pad_index)       # (B, T)
        return x, y

    gen = torch.Generator().manual_seed(seed)
    return torch.utils.data.DataLoader(pairs, batch_size=batch_size, shuffle=shuffle, collate_fn=collate,
                                       generator=gen)


def bptt_chunks(encoded: Sequence[Sequence[int]], seq_len: int) -> tuple[torch.Tensor, torch.Tensor]:
    """All sentences glued into one token stream, cut into pieces of ``seq_len`` (the "BPTT" layout).

    Returns ``(X, Y)`` of shape ``(n_chunks, seq_len)`` with ``Y`` = ``X`` shifted by one token. Nothing is
    padded, but a chunk may start in the middle of a sentence (the model then lacks its beginning).
    The tail that does not fill a whole chunk is dropped.
    """
    if not isinstance(seq_len, int) or seq_len < 1:
        raise CourseError(f"seq_len एक धनात्मक पूर्णांक होना चाहिए; मिला {seq_len!r}।",
                          f"seq_len must be a positive integer; got {seq_len!r}.")
    stream = torch.tensor([i for s in encoded for i in s], dtype=torch.long)     # (N,)
    n = (len(stream) - 1) // seq_len
    if n < 1:
        raise CourseError(f"stream में {len(stream)} tokens हैं: seq_len={seq_len} का एक भी टुकड़ा नहीं बनता।",
                          f"the stream has {len(stream)} tokens: not even one chunk of seq_len={seq_len}.")
    X = stream[: n * seq_len].view(n, seq_len)                                   # (n, seq_len)
    Y = stream[1: n * seq_len + 1].view(n, seq_len)                              # (n, seq_len)
    return X, Y


def _targets(vocab_size: int) -> torch.Tensor:
    """Mask of the entries that can come next: everything except ``<pad>`` (0) and ``<bos>`` (2)."""
    mask = torch.ones(vocab_size, dtype=torch.bool)
    mask[[0, 2]] = False
    return mask


def _check_encoded(encoded) -> None:
    if isinstance(encoded, str) or len(encoded) == 0:
        raise CourseError("encoded वाक्यों (indices की lists) की एक ग़ैर-ख़ाली list चाहिए; "
                          "पहले encode_sentences चलाइए।",
                          "expected a non-empty list of encoded sentences (lists of indices); "
                          "run encode_sentences first.")


# ------------------------------------------------------------------------------------ counting models

class UnigramLM:
    """P(w) = (c(w) + k) / (N + k·V'): how often each word comes next, ignoring the context.

    ``c(w)`` counts every target token (all tokens after ``<bos>``, ``<eos>`` included), ``N`` is their
    number and ``V'`` the number of possible next tokens (the vocabulary without ``<pad>`` and ``<bos>``).
    """

    def __init__(self, vocab_size: int, k: float = 0.0):
        if k < 0:
            raise CourseError(f"k ऋणात्मक नहीं हो सकता; मिला {k}।", f"k cannot be negative; got {k}.")
        self.vocab_size, self.k = vocab_size, float(k)
        self.counts = torch.zeros(vocab_size, dtype=torch.float64)

    def fit(self, encoded: Sequence[Sequence[int]]) -> UnigramLM:
        _check_encoded(encoded)
        self.counts.zero_()
        for s in encoded:
            self.counts += torch.bincount(torch.as_tensor(s[1:], dtype=torch.long), minlength=self.vocab_size)
        mask = _targets(self.vocab_size).double()                                # float64: k is not rounded
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

    def __init__(self, vocab_size: int, k: float = 1.0, lam: float = 1.0):
        if k < 0:
            raise CourseError(f"k ऋणात्मक नहीं हो सकता; मिला {k}।", f"k cannot be negative; got {k}.")
        if not 0.0 <= lam <= 1.0:
            raise CourseError(f"λ (lam) 0 और 1 के बीच होना चाहिए; मिला {lam}।", f"λ (lam) must be between 0 and 1; got {lam}.")
        self.vocab_size, self.k, self.lam = vocab_size, float(k), float(lam)

    def fit(self, encoded: Sequence[Sequence[int]]) -> BigramLM:
        _check_encoded(encoded)
        V = self.vocab_size
        prev = torch.tensor([a for s in encoded for a in s[:-1]], dtype=torch.long)   # (N,)
        nxt = torch.tensor([b for s in encoded for b in s[1:]], dtype=torch.long)     # (N,)
        self.counts = torch.bincount(prev * V + nxt, minlength=V * V).view(V, V).double()  # (V, V)
        self.unigram = UnigramLM(V).fit(encoded)
        self._make_probs()
        return self

    def _make_probs(self) -> None:
        mask = _targets(self.vocab_size).double()                                # (V,)
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


# ------------------------------------------------------------------------------------- the word LSTM

class WordLSTMLM(nn.Module):
    """Embedding → LSTM → Linear: at every position, scores (logits) for every word of the vocabulary.

    ``x`` (B, T) word indices → embeddings (B, T, E) → LSTM outputs (B, T, H) → logits (B, T, V).
    The LSTM's hidden state after reading ``w1 … wt`` is the "memory" of the source's walk-through: a
    vector of fixed size H, whatever the length of the prefix. ``tie_weights=True`` uses the embedding
    matrix as the output layer's weights too (needs E == H): fewer parameters, often a lower perplexity.
    """

    def __init__(self, vocab_size: int, emb_dim: int = 64, hidden_size: int = 128, num_layers: int = 1,
                 dropout: float = 0.2, tie_weights: bool = False, pad_index: int = 0):
        super().__init__()
        if tie_weights and emb_dim != hidden_size:
            raise CourseError(f"weight tying के लिए emb_dim = hidden_size चाहिए; मिले {emb_dim} और {hidden_size}।",
                              f"weight tying needs emb_dim == hidden_size; got {emb_dim} and {hidden_size}.")
        if not 0.0 <= dropout < 1.0:
            raise CourseError(f"dropout 0 और 1 के बीच होना चाहिए; मिला {dropout}।",
                              f"dropout must be in [0, 1); got {dropout}.")
        self.vocab_size, self.hidden_size = vocab_size, hidden_size
        self.embedding = nn.Embedding(vocab_size, emb_dim, padding_idx=pad_index)
        self.drop = nn.Dropout(dropout)
        self.lstm = nn.LSTM(emb_dim, hidden_size, num_layers=num_layers, batch_first=True,
                            dropout=dropout if num_layers > 1 else 0.0)
        self.out = nn.Linear(hidden_size, vocab_size)
        if tie_weights:
            self.out.weight = self.embedding.weight        # one (V, E) matrix used twice

    def forward(self, x: torch.Tensor, state=None, return_state: bool = False):
        if x.dim() != 2:
            raise CourseError(f"x का shape (batch, time) होना चाहिए; मिला {tuple(x.shape)}।",
                              f"x must have shape (batch, time); got {tuple(x.shape)}.")
        e = self.drop(self.embedding(x))                   # (B, T, E)
        h, state = self.lstm(e, state)                     # (B, T, H); state = (h_n, c_n), each (layers, B, H)
        logits = self.out(self.drop(h))                    # (B, T, V)
        return (logits, state) if return_state else logits


class SequenceCrossEntropy(nn.Module):
    """Cross-entropy over every (batch, time) position, ignoring ``<pad>`` targets: (B, T, V), (B, T) → ()."""

    def __init__(self, pad_index: int = 0):
        super().__init__()
        self.pad_index = pad_index

    def forward(self, logits: torch.Tensor, y: torch.Tensor) -> torch.Tensor:
        return nn.functional.cross_entropy(logits.reshape(-1, logits.shape[-1]), y.reshape(-1),
                                           ignore_index=self.pad_index)


def train_lm(model: WordLSTMLM, train_loader, val_loader=None, *, epochs: int = 20, lr: float = 3e-3,
             weight_decay: float = 0.0, clip_grad_norm: float | None = 1.0, early_stopping: int | None = 3,
             progress: bool = True, desc: str = "LSTM LM", device=None) -> dict:
    """Train a language model with ``coursekit.fit`` (progress bar, early stopping, best weights restored).

    The loss is the mean cross-entropy per real (non-padding) token, so ``exp(val_loss)`` is close to the
    validation perplexity (``perplexity`` gives the exact value: it weights every token equally).
    """
    from .training import fit

    opt = torch.optim.Adam(model.parameters(), lr=lr, weight_decay=weight_decay)
    return fit(model, train_loader, val_loader, epochs=epochs, optimizer=opt, loss_fn=SequenceCrossEntropy(),
               clip_grad_norm=clip_grad_norm, early_stopping=early_stopping if val_loader is not None else None,
               progress=progress, desc=desc, device=device)


# --------------------------------------------------------------------------------------- perplexity

def perplexity_from_probs(probs) -> float:
    """PPL = exp(−(1/N) Σ log p_t) from the probabilities the model gave to the N true next words."""
    p = torch.as_tensor(probs, dtype=torch.float64).flatten()
    if p.numel() == 0 or (p <= 0).any() or (p > 1).any():
        raise CourseError("probabilities ख़ाली नहीं होनी चाहिए और हर एक 0 < p ≤ 1 होनी चाहिए।",
                          "probabilities must be non-empty, each with 0 < p ≤ 1.")
    return math.exp(-torch.log(p).mean().item())


@torch.no_grad()
def perplexity(model, encoded: Sequence[Sequence[int]], batch_size: int = 256, device=None) -> float:
    """Perplexity of ``model`` on encoded sentences: exp of the mean negative log-probability per token.

    Every token after ``<bos>`` is predicted once (``<eos>`` included: the model must also know when a
    sentence ends); padding is not counted. Works for ``UnigramLM``, ``BigramLM`` and ``WordLSTMLM``.
    """
    _check_encoded(encoded)
    if isinstance(model, nn.Module):
        dev = torch.device(device) if device is not None else next(model.parameters()).device
        model.eval()
        total, n = 0.0, 0
        for x, y in sentence_loader(encoded, batch_size=batch_size):
            logits = model(x.to(dev))                                            # (B, T, V)
            logp = torch.log_softmax(logits.double(), dim=-1)                    # (B, T, V)
            y = y.to(dev)
            mask = y != 0                                                        # (B, T) real tokens
            picked = logp.gather(-1, y.unsqueeze(-1)).squeeze(-1)                # (B, T) log p(true next)
            total += float(picked[mask].sum())
            n += int(mask.sum())
        return math.exp(-total / n)
    if not hasattr(model, "log_prob_pairs"):
        raise CourseError("model एक WordLSTMLM, UnigramLM या BigramLM होना चाहिए।",
                          "model must be a WordLSTMLM, UnigramLM or BigramLM.")
    prev = torch.tensor([a for s in encoded for a in s[:-1]], dtype=torch.long)
    nxt = torch.tensor([b for s in encoded for b in s[1:]], dtype=torch.long)
    return math.exp(-float(model.log_prob_pairs(prev, nxt).mean()))


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


# ----------------------------------------------------------------------------------- using a model

def _check_k(k) -> None:
    if not isinstance(k, int) or isinstance(k, bool) or k < 1:
        raise CourseError(f"k कम से कम 1 (एक पूर्णांक) होना चाहिए; मिला {k!r}।",
                          f"k must be an integer of at least 1; got {k!r}.")


def _prefix_ids(vocab: Vocab, prefix) -> list[int]:
    """A prefix (text or list of tokens) → ``[<bos>, w1, …]``; an empty prefix is an error."""
    if isinstance(prefix, str):
        tokens = tokenize(prefix)
    elif isinstance(prefix, (list, tuple)):
        tokens = list(prefix)
    else:
        raise CourseError(f"prefix एक string (या tokens की list) होना चाहिए; मिला {type(prefix).__name__}।",
                          f"prefix must be a string (or a list of tokens); got {type(prefix).__name__}.")
    if not tokens:
        raise CourseError("prefix ख़ाली है: कम से कम एक शब्द दीजिए, जैसे \"I am going to the\"।",
                          "the prefix is empty: give at least one word, e.g. \"I am going to the\".")
    if tokens[0] != BOS:
        tokens = [BOS, *tokens]
    return vocab.encode(tokens)


@torch.no_grad()
def next_word_probs(model, ids: Sequence[int]) -> torch.Tensor:
    """Probability of every vocabulary entry after the context ``ids`` (starting with ``<bos>``): (V,)."""
    if len(ids) == 0:
        raise CourseError("context ख़ाली है: कम से कम <bos> चाहिए।", "the context is empty: it needs at least <bos>.")
    if isinstance(model, nn.Module):
        model.eval()
        dev = next(model.parameters()).device
        x = torch.as_tensor([list(ids)], dtype=torch.long, device=dev)           # (1, T)
        return torch.softmax(model(x)[0, -1].double(), dim=-1).cpu()              # (V,)
    if not hasattr(model, "next_probs"):
        raise CourseError("model एक WordLSTMLM, UnigramLM या BigramLM होना चाहिए।",
                          "model must be a WordLSTMLM, UnigramLM or BigramLM.")
    return model.next_probs(ids).double()


def top_k(probs: torch.Tensor, k: int) -> list[tuple[int, float]]:
    """The ``k`` most probable indices of a probability vector, as ``(index, probability)``, best first."""
    _check_k(k)
    p = torch.as_tensor(probs).flatten()
    vals, idx = torch.topk(p, min(k, p.numel()))
    return [(int(i), float(v)) for i, v in zip(idx, vals)]


def suggest(model, vocab: Vocab, prefix, k: int = 3, exclude: Sequence[str] = (PAD, BOS, UNK)) -> list[tuple[str, float]]:
    """A phone keyboard's suggestions: the ``k`` most probable next words after ``prefix``, with probabilities.

    ``exclude`` removes tokens a keyboard would never offer (the probabilities of the others are not
    rescaled, so they still sum to at most 1).
    """
    _check_k(k)
    p = next_word_probs(model, _prefix_ids(vocab, prefix)).clone()               # (V,)
    for tok in exclude:
        if tok in vocab:
            p[vocab.stoi[tok]] = -1.0
    return [(vocab.itos[i], pr) for i, pr in top_k(p, k) if pr >= 0]


def apply_temperature(logits: torch.Tensor, temperature: float) -> torch.Tensor:
    """softmax(logits / T): T < 1 sharpens the distribution (safer, more repetitive), T > 1 flattens it."""
    if not isinstance(temperature, (int, float)) or not temperature > 0:
        raise CourseError(f"temperature 0 से बड़ा होना चाहिए; मिला {temperature!r}।",
                          f"temperature must be greater than 0; got {temperature!r}.")
    return torch.softmax(torch.as_tensor(logits, dtype=torch.float64) / temperature, dim=-1)


def detokenize(tokens: Sequence[str]) -> str:
    """Join tokens with spaces, but glue punctuation ("।", ".", ",", "?") to the word before it."""
    out = ""
    for t in tokens:
        out += t if (out and is_punct(t) and t not in "(\"'") else (" " + t if out else t)
    return out


@torch.no_grad()
def generate(model, vocab: Vocab, prefix, n: int = 15, temperature: float = 1.0, seed: int | None = 0) -> str:
    """Continue ``prefix`` by sampling up to ``n`` words, one at a time, from P(next | everything so far).

    The next-word distribution is re-shaped with the temperature: p_T ∝ p^(1/T) (= softmax(log p / T)).
    ``<pad>``, ``<bos>`` and ``<unk>`` are never sampled; generation stops at ``<eos>``.
    """
    if not isinstance(n, int) or n < 1:
        raise CourseError(f"n कम से कम 1 होना चाहिए; मिला {n!r}।", f"n must be at least 1; got {n!r}.")
    apply_temperature(torch.zeros(1), temperature)                               # checks the temperature
    ids = _prefix_ids(vocab, prefix)
    gen = torch.Generator().manual_seed(seed) if seed is not None else None
    banned = [vocab.stoi[t] for t in (PAD, BOS, UNK) if t in vocab]
    words = [vocab.itos[i] for i in ids[1:]]
    for _ in range(n):
        logp = torch.log(next_word_probs(model, ids).clamp_min(1e-300))           # (V,)
        logp[banned] = -math.inf
        p = apply_temperature(logp, temperature)                                 # (V,)
        i = int(torch.multinomial(p, 1, generator=gen))
        if vocab.itos[i] == EOS:
            break
        ids.append(i)
        words.append(vocab.itos[i])
    return detokenize(words)


@torch.no_grad()
def walkthrough(model, vocab: Vocab, sentence: str, k: int = 3) -> list[dict]:
    """The source's step-by-step example, measured: read the sentence one word at a time and, after each
    word, list the model's ``k`` best guesses for the next word and the probability of the word that
    really comes next.

    Returns one dict per step: ``step``, ``read`` (the word just read), ``context`` (everything read so
    far), ``guesses`` (list of (word, probability)), ``actual`` (the true next word) and ``p_actual``.
    """
    _check_k(k)
    if not isinstance(sentence, str) or not tokenize(sentence):
        raise CourseError("walkthrough को एक ग़ैर-ख़ाली वाक्य चाहिए।", "walkthrough needs a non-empty sentence.")
    tokens = [BOS, *tokenize(sentence), EOS]
    ids = vocab.encode(tokens)
    rows = []
    for t in range(1, len(tokens)):
        p = next_word_probs(model, ids[:t])                                      # P(· | tokens[:t]), (V,)
        shown = p.clone()
        for tok in (PAD, BOS, UNK):
            shown[vocab.stoi[tok]] = -1.0
        rows.append({"step": t, "read": tokens[t - 1], "context": " ".join(tokens[1:t]),
                     "guesses": [(vocab.itos[i], pr) for i, pr in top_k(shown, k)],
                     "actual": tokens[t] if tokens[t] in vocab else UNK, "p_actual": float(p[ids[t]])})
    return rows


def plot_suggestions(suggestions: Sequence[tuple[str, float]], title: str, ax=None):
    """A horizontal bar chart of ``suggest(...)``'s output, the most probable word on top."""
    import matplotlib.pyplot as plt

    from . import plotting  # noqa: F401  (registers the Devanagari font)

    if ax is None:
        _, ax = plt.subplots(figsize=(5, 0.45 * len(suggestions) + 1.2))
    words = [w for w, _ in suggestions][::-1]
    probs = [p for _, p in suggestions][::-1]
    ax.barh(words, probs, color="tab:blue")
    for y, p in enumerate(probs):
        ax.text(p, y, f" {p:.2f}", va="center")
    ax.set_xlim(0, max(max(probs) * 1.25, 0.05))
    ax.set_title(title)
    ax.set_xlabel("probability / संभावना")
    ax.set_ylabel("next word / अगला शब्द")
    return ax
