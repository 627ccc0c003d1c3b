"""Sentences as data for a word-level language model (notebook 17).

* ``sentence_tokens``: every sentence becomes ``<bos> w1 … wn <eos>``;
* ``lm_vocab``: the vocabulary from the training sentences only, with ``min_freq`` and ``<unk>``;
* ``encode_sentences``: sentences → lists of indices;
* ``sentence_loader``: one sentence per row, padded: inputs ``x = ids[:-1]``, targets ``y = ids[1:]``;
* ``bptt_chunks``: all sentences glued into one stream and cut into fixed-length pieces, the other common layout.

The counting baselines (``coursekit.ngram``) and the word LSTM (``coursekit.langmodel``) both read this data.
"""
from __future__ import annotations

from collections.abc import Sequence

import torch

from .i18n import CourseError
from .text import BOS, EOS, PAD, UNK, Vocab, pad_batch, tokenize

SPECIALS = (PAD, UNK, BOS, EOS)       # indices 0, 1, 2, 3 of every vocabulary built here


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
        raise CourseError("lm_vocab को वाक्यों (strings) की list चाहिए, जो ख़ाली न हो।",
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


def check_encoded(encoded) -> None:
    if isinstance(encoded, str) or len(encoded) == 0:
        raise CourseError("encoded वाक्यों (indices की lists) की list चाहिए, जो ख़ाली न हो; "
                          "पहले encode_sentences चलाइए।",
                          "expected a non-empty list of encoded sentences (lists of indices); "
                          "run encode_sentences first.")
