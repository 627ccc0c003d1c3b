"""Notebook 10's walk-through, "I am going to the ___": a word-level RNN that guesses the next word.

* :class:`NextWordRNN`: Embedding → ``nn.RNN`` → Linear, scores for the next word at every position.
* :func:`next_word_tensors` (sentences → inputs and targets moved one word), :func:`sequence_cross_entropy`,
  :func:`next_word_accuracy` and :func:`walk_through` (the top guesses after each word of one sentence).
"""
from __future__ import annotations

import math

import torch
from torch import nn

from .i18n import CourseError, check_positive_int
from .text import pad_batch


class NextWordRNN(nn.Module):
    """A word-level language model: Embedding → nn.RNN → Linear (notebook 10's "I am going to the ___").

    forward: word indices (batch, T) → logits (batch, T, vocab): at every position, scores for the
    word that comes next. ``hidden_states(ids)`` gives h_t after each word of one sentence.
    """

    def __init__(self, vocab_size: int, embed_dim: int = 32, hidden_size: int = 64, pad_index: int = 0,
                 dropout: float = 0.0):
        super().__init__()
        for name, size in (("vocab_size", vocab_size), ("embed_dim", embed_dim), ("hidden_size", hidden_size)):
            check_positive_int(size, name)
        if not 0.0 <= dropout < 1.0:
            raise CourseError(f"dropout 0 और 1 के बीच होना चाहिए (1 नहीं); मिला {dropout!r}।",
                              f"dropout must be in [0, 1); got {dropout!r}.")
        self.pad_index = pad_index
        self.embed = nn.Embedding(vocab_size, embed_dim, padding_idx=pad_index)   # word index -> vector
        self.rnn = nn.RNN(embed_dim, hidden_size, batch_first=True)               # the memory
        self.drop = nn.Dropout(dropout)                                           # only active in training
        self.head = nn.Linear(hidden_size, vocab_size)                            # y_t = W_hy h_t + b_y

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        if x.dim() != 2 or x.dtype != torch.long:
            raise CourseError(f"x शब्दों के indices का LongTensor होना चाहिए, shape (batch, T); मिला {x.dtype} "
                              f"shape {tuple(x.shape)}।",
                              f"x must be a LongTensor of word indices with shape (batch, T); got {x.dtype} of "
                              f"shape {tuple(x.shape)}.")
        out, _ = self.rnn(self.drop(self.embed(x)))   # (B, T, H): h_1 … h_T
        return self.head(self.drop(out))              # (B, T, V)

    @torch.no_grad()
    def hidden_states(self, ids) -> torch.Tensor:
        """h_t after each word of one sentence: ids (T,) → (T, hidden)."""
        dev = next(self.parameters()).device
        x = torch.as_tensor(ids, dtype=torch.long, device=dev).reshape(1, -1)   # (1, T)
        out, _ = self.rnn(self.embed(x))
        return out[0].cpu()


def next_word_tensors(token_lists, vocab):
    """Sentences as tokens → (X, Y) LongTensors (N, L): Y is X moved one word to the left, padded with <pad>.

    "i am going to the market" → X = "i am going to the", Y = "am going to the market".
    Sentences of one word have no pair and are dropped.
    """
    ids = [vocab.encode(toks) for toks in token_lists if len(toks) >= 2]
    if not ids:
        raise CourseError("कम से कम दो शब्दों वाला एक वाक्य चाहिए।", "need at least one sentence of two or more words.")
    X, _ = pad_batch([s[:-1] for s in ids], pad_index=vocab.pad_index)
    Y, _ = pad_batch([s[1:] for s in ids], pad_index=vocab.pad_index)
    return X, Y


def sequence_cross_entropy(logits: torch.Tensor, targets: torch.Tensor, pad_index: int = 0) -> torch.Tensor:
    """Cross-entropy over every position, padding ignored: logits (B, T, V), targets (B, T)."""
    return nn.functional.cross_entropy(logits.reshape(-1, logits.shape[-1]), targets.reshape(-1),
                                       ignore_index=pad_index)


@torch.no_grad()
def next_word_accuracy(model: NextWordRNN, X: torch.Tensor, Y: torch.Tensor, k: int = 1) -> float:
    """Share of (non-padding) positions whose true next word is among the model's top ``k``.

    A ``k`` larger than the vocabulary counts every word (accuracy 1), as ``langmodel.top_k`` does.
    """
    check_positive_int(k, "k")
    model.eval()
    dev = next(model.parameters()).device
    logits = model(X.to(dev)).cpu()                       # (N, L, V)
    top = logits.topk(min(k, logits.shape[-1]), dim=-1).indices       # (N, L, k)
    hit = (top == Y.unsqueeze(-1)).any(-1)                # (N, L)
    mask = Y != model.pad_index
    return float(hit[mask].float().mean())


@torch.no_grad()
def walk_through(model: NextWordRNN, vocab, tokens, k: int = 3, skip=("<pad>", "<unk>")):
    """Feed a sentence word by word: returns (H, guesses).

    H: (T, hidden) hidden state after each word; guesses[t]: the model's top-``k`` next words after
    words 1…t+1, as (word, probability) pairs (the special tokens in ``skip`` are never guessed). With a ``k``
    larger than the words that can be guessed, every one of them is listed.
    """
    check_positive_int(k, "k")
    model.eval()
    ids = vocab.encode(list(tokens))
    dev = next(model.parameters()).device
    logits = model(torch.tensor([ids], device=dev))[0].cpu()       # (T, V)
    for s in skip:
        if s in vocab:
            logits[:, vocab.stoi[s]] = -math.inf
    probs = logits.softmax(-1)                                     # (T, V)
    n_ok = int(torch.isfinite(logits[0]).sum())                    # words that may be guessed
    p, idx = probs.topk(min(k, n_ok), dim=-1)                      # (T, k)
    guesses = [[(vocab.itos[int(i)], float(q)) for q, i in zip(pt, it)] for pt, it in zip(p, idx)]
    return model.hidden_states(ids), guesses
