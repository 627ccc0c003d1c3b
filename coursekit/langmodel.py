"""A word-level neural language model: the word LSTM, perplexity, suggestions and generation (notebook 17).

Notebook 17 (next-word prediction) builds the source's "I am going to the ___" example with these pieces and with
``coursekit.lmdata`` (sentences as data) and ``coursekit.ngram`` (the counting baselines):

* the neural model: ``WordLSTMLM`` (Embedding → LSTM → Linear, optional weight tying) trained with
  ``train_lm`` (``coursekit.fit`` with a progress bar, early stopping on the validation loss);
* evaluation and use: ``perplexity``, ``next_word_probs``, ``suggest`` (a phone keyboard's top-k),
  ``apply_temperature``, ``sampling_probs``, ``generate`` and ``walkthrough`` (the model's top guesses after
  every word).

All models share one interface for the next word: ``next_word_probs(model, ids)`` gives the probability of
every vocabulary entry after the context ``ids`` (a list of indices that starts with ``<bos>``).
"""
from __future__ import annotations

import math
from collections.abc import Sequence

import torch
from torch import nn

from .i18n import CourseError
from .lmdata import check_encoded, sentence_loader
from .text import BOS, EOS, PAD, UNK, Vocab, is_punct, tokenize

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


def train_lm(model: nn.Module, train_loader, val_loader=None, *, epochs: int = 20, lr: float = 3e-3,
             weight_decay: float = 0.0, clip_grad_norm: float | None = 1.0, early_stopping: int | None = 3,
             progress: bool = True, desc: str = "LSTM LM", device=None, pad_index: int = 0) -> dict:
    """Train a language model with ``coursekit.fit`` and Adam (progress bar, early stopping, best weights restored).

    ``model`` maps word indices (B, T) to next-word logits (B, T, V): a ``WordLSTMLM``, or notebook 10's
    ``coursekit.rnn.NextWordRNN``. The data: batches ``(x, y)`` of shape (B, T), ``y`` padded with ``pad_index``.

    The loss is the mean cross-entropy per real (non-padding) token, so ``exp(val_loss)`` is close to the
    validation perplexity (``perplexity`` gives the exact value: it weights every token equally).
    """
    from .training import fit

    opt = torch.optim.Adam(model.parameters(), lr=lr, weight_decay=weight_decay)
    return fit(model, train_loader, val_loader, epochs=epochs, optimizer=opt, loss_fn=SequenceCrossEntropy(pad_index),
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
    check_encoded(encoded)
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


# ----------------------------------------------------------------------------------- using a model

def _check_k(k) -> None:
    if not isinstance(k, int) or isinstance(k, bool) or k < 1:
        raise CourseError(f"k कम से कम 1 (एक पूर्णांक) होना चाहिए; मिला {k!r}।",
                          f"k must be an integer of at least 1; got {k!r}.")


def prefix_ids(vocab: Vocab, prefix) -> list[int]:
    """A prefix (text or list of tokens) → indices ``[<bos>, w1, …]`` (no ``<eos>``: the sentence goes on);
    an empty prefix is an error."""
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
    p = next_word_probs(model, prefix_ids(vocab, prefix)).clone()               # (V,)
    for tok in exclude:
        if tok in vocab:
            p[vocab.stoi[tok]] = -1.0
    return [(vocab.itos[i], pr) for i, pr in top_k(p, k) if pr >= 0]


def apply_temperature(logits: torch.Tensor, temperature: float) -> torch.Tensor:
    """softmax(logits / T): T < 1 sharpens the distribution (safer, more repetitive), T > 1 flattens it."""
    if not isinstance(temperature, (int, float)) or not temperature > 0:
        raise CourseError(f"तापमान (temperature) 0 से बड़ा होना चाहिए; मिला {temperature!r}।",
                          f"temperature must be greater than 0; got {temperature!r}.")
    return torch.softmax(torch.as_tensor(logits, dtype=torch.float64) / temperature, dim=-1)


def detokenize(tokens: Sequence[str]) -> str:
    """Join tokens with spaces, but glue punctuation ("।", ".", ",", "?") to the word before it."""
    out = ""
    for t in tokens:
        out += t if (out and is_punct(t) and t not in "(\"'") else (" " + t if out else t)
    return out


@torch.no_grad()
def sampling_probs(model, vocab: Vocab, ids: Sequence[int], temperature: float = 1.0) -> torch.Tensor:
    """The distribution ``generate`` samples the word after the context ``ids`` from: (V,).

    P(next | ids), re-shaped with the temperature, p_T ∝ p^(1/T) (= softmax(log p / T)); ``<pad>``, ``<bos>`` and
    ``<unk>`` get probability 0.
    """
    logp = torch.log(next_word_probs(model, ids).clamp_min(1e-300))               # (V,)
    logp[[vocab.stoi[t] for t in (PAD, BOS, UNK) if t in vocab]] = -math.inf
    return apply_temperature(logp, temperature)


@torch.no_grad()
def generate(model, vocab: Vocab, prefix, n: int = 15, temperature: float = 1.0, seed: int | None = 0) -> str:
    """Continue ``prefix`` by sampling up to ``n`` words, one at a time, from P(next | everything so far).

    The next-word distribution is re-shaped with the temperature: p_T ∝ p^(1/T) (= softmax(log p / T)).
    ``<pad>``, ``<bos>`` and ``<unk>`` are never sampled; generation stops at ``<eos>``.
    """
    if not isinstance(n, int) or n < 1:
        raise CourseError(f"n कम से कम 1 होना चाहिए; मिला {n!r}।", f"n must be at least 1; got {n!r}.")
    apply_temperature(torch.zeros(1), temperature)                               # checks the temperature
    ids = prefix_ids(vocab, prefix)
    gen = torch.Generator().manual_seed(seed) if seed is not None else None
    words = [vocab.itos[i] for i in ids[1:]]
    for _ in range(n):
        p = sampling_probs(model, vocab, ids, temperature)                       # (V,)
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
        raise CourseError("walkthrough को एक वाक्य चाहिए, जो ख़ाली न हो।", "walkthrough needs a non-empty sentence.")
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
    ax.set_xlabel("संभावना / probability")
    ax.set_ylabel("अगला शब्द / next word")
    return ax
