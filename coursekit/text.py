"""Text for recurrent networks: a tokeniser that knows Devanagari, a vocabulary, one-hot vectors, padding.

    >>> from coursekit.text import tokenize, Vocab
    >>> tokenize("मैं बाज़ार जा रहा हूँ।")
    ['मैं', 'बाज़ार', 'जा', 'रहा', 'हूँ', '।']
    >>> vocab = Vocab.build([tokenize(s) for s in ["movie was good", "movie was bad"]])
    >>> vocab.encode(["movie", "was", "great"])        # "great" was never seen: <unk>
    [2, 3, 1]

Why a tokeniser of our own: ``"हूँ।".split()`` keeps the full stop "।" (danda, U+0964) glued to the word,
so "हूँ" and "हूँ।" would become two different words. Hindi vowel signs (matras such as "ि", "ँ",
"्") are Unicode *combining marks*: a tokeniser that splits on "non-letters" would cut words apart at
them. ``tokenize`` keeps letters, digits and combining marks together, and splits off punctuation,
including "।" and "॥".
"""
from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Sequence

from .i18n import CourseError, check_positive_int

DANDA, DOUBLE_DANDA = "\u0964", "\u0965"
PAD, UNK, BOS, EOS = "<pad>", "<unk>", "<bos>", "<eos>"

# A word: letters, digits, combining marks (Devanagari matras, virama, nukta, chandrabindu), ZWJ/ZWNJ,
# and inner apostrophes or hyphens ("don't", "well-known"). Anything else that is not a space is a
# token of its own (punctuation: . , ! ? । ॥ ...).
_WORD = r"(?:[^\W_]|[\u0900-\u0963\u0966-\u097F\u200c\u200d])+"
_TOKEN = re.compile(rf"{_WORD}(?:['’\-]{_WORD})*|[^\w\s]", re.UNICODE)


def _check_text(text, what="text") -> str:
    if not isinstance(text, str):
        raise CourseError(f"{what} एक string (str) होना चाहिए; मिला {type(text).__name__}।",
                          f"{what} must be a string (str); got {type(text).__name__}.")
    return text


def naive_split(text: str) -> list[str]:
    """``text.split()``: what most first attempts do (punctuation stays glued to words)."""
    return _check_text(text).split()


def tokenize(text: str, lower: bool = True, keep_punct: bool = True) -> list[str]:
    """Split Hindi or English text into words and punctuation marks.

    The text is first normalised to Unicode NFC (so that "क़" typed as one code point or as "क" + nukta
    gives the same token). ``lower`` lower-cases Latin letters (Devanagari has no case).
    ``keep_punct=False`` drops punctuation tokens, "।" included.
    """
    text = unicodedata.normalize("NFC", _check_text(text))
    if lower:
        text = text.lower()
    tokens = _TOKEN.findall(text)
    if not keep_punct:
        tokens = [t for t in tokens if not is_punct(t)]
    return tokens


def is_punct(token: str) -> bool:
    """True for a token made only of punctuation or symbols ("।", ".", "?!")."""
    return bool(token) and all(unicodedata.category(ch)[0] in "PS" for ch in token)


def sentences(text: str) -> list[str]:
    """Split running text into sentences after ".", "?", "!", "।" or "॥"."""
    parts = re.split(rf"(?<=[.?!{DANDA}{DOUBLE_DANDA}])\s+", _check_text(text).strip())
    return [p for p in parts if p]


class Vocab:
    """A word ↔ index table. Index 0 is ``<pad>``, index 1 is ``<unk>`` (any word never seen in training).

    Build it from the *training* texts only: words that appear first in the test set must count as
    unknown, as they will for a real user.
    """

    def __init__(self, tokens: Sequence[str], specials: Sequence[str] = (PAD, UNK)):
        self.itos: list[str] = []
        self.stoi: dict[str, int] = {}
        for tok in [*specials, *tokens]:
            if tok not in self.stoi:
                self.stoi[tok] = len(self.itos)
                self.itos.append(tok)
        self.specials = tuple(specials)

    @classmethod
    def build(cls, token_lists: Iterable[Sequence[str]], min_freq: int = 1, max_size: int | None = None,
              specials: Sequence[str] = (PAD, UNK)) -> Vocab:
        """From lists of tokens: words seen at least ``min_freq`` times, the most frequent first
        (ties in order of first appearance), at most ``max_size`` words besides the specials."""
        counts: Counter[str] = Counter()
        for toks in token_lists:
            if isinstance(toks, str):
                raise CourseError("Vocab.build को tokens की lists चाहिए (जैसे [tokenize(s) for s in texts]), "
                                  "strings नहीं।",
                                  "Vocab.build expects lists of tokens (e.g. [tokenize(s) for s in texts]), "
                                  "not strings.")
            counts.update(toks)
        if min_freq < 1:
            raise CourseError(f"min_freq कम से कम 1 होना चाहिए; मिला {min_freq}।",
                              f"min_freq must be at least 1; got {min_freq}.")
        words = [w for w, c in counts.most_common() if c >= min_freq and w not in specials]
        if max_size is not None:
            words = words[:max_size]
        vocab = cls(words, specials)
        vocab.counts = counts
        return vocab

    def __len__(self) -> int:
        return len(self.itos)

    def __contains__(self, token: str) -> bool:
        return token in self.stoi

    def __getitem__(self, token: str) -> int:
        i = self.stoi.get(token)
        return self.unk_index if i is None else i

    @property
    def pad_index(self) -> int:
        return self.stoi.get(PAD, 0)

    @property
    def unk_index(self) -> int:
        if UNK not in self.stoi:
            raise CourseError("इस vocabulary में <unk> नहीं है, इसलिए अनजान शब्द का index नहीं बन सकता।",
                              "this vocabulary has no <unk>, so an unknown word has no index.")
        return self.stoi[UNK]

    def encode(self, tokens: Sequence[str]) -> list[int]:
        """Tokens → indices (unknown words → the index of ``<unk>``)."""
        if isinstance(tokens, str):
            raise CourseError("encode को tokens की list चाहिए; पहले tokenize(text) चलाइए।",
                              "encode expects a list of tokens; call tokenize(text) first.")
        return [self[t] for t in tokens]

    def decode(self, indices: Iterable[int]) -> list[str]:
        """Indices → tokens."""
        out = []
        for i in indices:
            i = int(i)
            if not 0 <= i < len(self.itos):
                raise CourseError(f"index {i} इस vocabulary में नहीं है (size {len(self.itos)})।",
                                  f"index {i} is outside this vocabulary (size {len(self.itos)}).")
            out.append(self.itos[i])
        return out

    def __repr__(self) -> str:
        shown = ", ".join(self.itos[:8])
        return f"Vocab(size={len(self)}: {shown}{', ...' if len(self) > 8 else ''})"


def one_hot(indices, size: int):
    """Indices (a list, or a tensor of any shape) → one-hot float tensor with a last axis of ``size``.

    ``one_hot([2, 0], 4)`` → ``[[0, 0, 1, 0], [1, 0, 0, 0]]``.
    """
    import torch

    check_positive_int(size, "size")
    idx = torch.as_tensor(indices, dtype=torch.long)
    if idx.numel() and (idx.min() < 0 or idx.max() >= size):
        raise CourseError(f"हर index 0 से {size - 1} के बीच होना चाहिए; मिला {idx.min().item()}…{idx.max().item()}।",
                          f"every index must be between 0 and {size - 1}; got {idx.min().item()}…{idx.max().item()}.")
    return torch.nn.functional.one_hot(idx, num_classes=size).float()


def pad_batch(sequences: Sequence[Sequence[int]], pad_index: int = 0, max_len: int | None = None):
    """Lists of indices of different lengths → (padded LongTensor of shape (batch, max_len), lengths).

    Padding goes at the end. ``max_len`` cuts longer sequences (keeping their start).
    Lengths are the true lengths (after cutting), as ``pack_padded_sequence`` wants them.
    """
    import torch

    if len(sequences) == 0:
        raise CourseError("pad_batch को कम से कम एक sequence चाहिए।", "pad_batch needs at least one sequence.")
    if max_len is not None:
        check_positive_int(max_len, "max_len")
    seqs = [list(s)[:max_len] if max_len else list(s) for s in sequences]
    lengths = torch.tensor([len(s) for s in seqs], dtype=torch.long)
    if (lengths == 0).any():
        raise CourseError("ख़ाली sequence (लंबाई 0) को pad नहीं कर सकते: हर वाक्य में कम से कम एक token होना चाहिए।",
                          "cannot pad an empty sequence (length 0): every sentence needs at least one token.")
    out = torch.full((len(seqs), int(lengths.max())), pad_index, dtype=torch.long)
    for i, s in enumerate(seqs):
        out[i, : len(s)] = torch.as_tensor(s, dtype=torch.long)
    return out, lengths
