"""Sentiment analysis with recurrent networks: text → indices → padded batch → RNN → positive/negative.

Notebook 16 introduces everything here. The pieces, in the order the notebook uses them:

* ``build_vocab(texts)``: a ``Vocab`` from the *training* sentences only (``coursekit.text``).
* ``encode(texts, vocab)`` and ``make_loader(pairs, vocab)``: sentences → lists of indices →
  padded ``LongTensor`` batches of shape ``(B, T)`` (index 0 = ``<pad>``, added at the end).
* ``BagOfWords``: logistic regression on word counts, the baseline that ignores word order.
* ``NgramLogReg`` and ``tune_logreg``: logistic regression on counts of words *and* word pairs
  (uni+bigrams, scikit-learn), its regularisation chosen on the validation split: the strong baseline
  that sees local order ("नहीं था", "not bad") but nothing longer.
* ``RNNClassifier`` with ``RNNConfig`` (``coursekit.classifiers``, also importable from here): embedding →
  RNN / LSTM / GRU (optionally bidirectional) over a *packed* sequence → pooling over time → linear layer.
  Many-to-one: many words in, one label out.
* ``train_classifier`` (``coursekit.fit`` with AdamW and early stopping), ``predict_probs``,
  ``predict_sentiment(model, vocab, text)`` for a sentence typed by the learner.
* ``contrast_scores``: accuracy on the fixed contrast set (``coursekit.corpora.load_contrast``): pairs with
  the same words in another order, and groups with and without a negation.

The models take only the padded tensor ``x`` and find each sentence's true length themselves
(``lengths = (x != pad_index).sum(1)``), so the course's ``fit``/``evaluate``/``predict`` work unchanged.
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import torch
from torch import nn

from .classifiers import RNNClassifier, RNNConfig, check_token_ids  # noqa: F401  (notebook 16 imports them from here)
from .i18n import CourseError
from .text import Vocab, pad_batch, tokenize

LABELS = {0: "negative", 1: "positive"}
LABELS_HI = {0: "नकारात्मक", 1: "सकारात्मक"}
# Words that turn an opinion around. A tokenised sentence that holds one of them is "negated".
NEGATIONS = {
    "en": frozenset({"not", "no", "never", "nothing", "nobody", "none", "neither", "nor", "without", "cannot",
                     "don't", "doesn't", "didn't", "isn't", "wasn't", "aren't", "weren't", "won't", "can't"}),
    "hi": frozenset({"नहीं", "न", "ना", "मत", "बिना"}),
}


# ----------------------------------------------------------------------------------------- text → numbers
def _tokens(text: str) -> list[str]:
    if not isinstance(text, str):
        raise CourseError(f"वाक्य एक string (str) होना चाहिए; मिला {type(text).__name__}।",
                          f"a sentence must be a string (str); got {type(text).__name__}.")
    return tokenize(text)


def build_vocab(texts: Sequence[str], min_freq: int = 1, max_size: int | None = None) -> Vocab:
    """A ``Vocab`` (``<pad>`` = 0, ``<unk>`` = 1, then words by frequency) from training sentences.

    Pass the training sentences only: a word seen first in the test set must be ``<unk>``,
    exactly as it will be for a sentence a user types later.
    """
    if isinstance(texts, str):
        raise CourseError("build_vocab को वाक्यों की list चाहिए, एक अकेली string नहीं।",
                          "build_vocab expects a list of sentences, not a single string.")
    return Vocab.build([_tokens(t) for t in texts], min_freq=min_freq, max_size=max_size)


def encode(texts: Sequence[str], vocab: Vocab) -> list[list[int]]:
    """Sentences → lists of indices (unknown words → ``<unk>``). Every sentence must have a token."""
    out = []
    for t in texts:
        ids = vocab.encode(_tokens(t))
        if not ids:
            raise CourseError(f"वाक्य {t!r} में एक भी शब्द नहीं है (ख़ाली वाक्य)।",
                              f"the sentence {t!r} has no word in it (empty sentence).")
        out.append(ids)
    return out


def encode_batch(texts: Sequence[str], vocab: Vocab, max_len: int | None = None) -> torch.Tensor:
    """Sentences → one padded batch ``x`` of shape (B, T), T = the longest sentence (or ``max_len``)."""
    x, _ = pad_batch(encode(texts, vocab), pad_index=vocab.pad_index, max_len=max_len)  # (B, T)
    return x


def make_loader(pairs: Sequence[tuple[str, int]], vocab: Vocab, batch_size: int = 32, shuffle: bool = False,
                seed: int = 0, max_len: int | None = None) -> torch.utils.data.DataLoader:
    """``(text, label)`` pairs → a DataLoader of ``(x, y)`` with x: (B, T) padded indices, y: (B,) labels.

    Each batch is padded only to its own longest sentence. ``shuffle=True`` draws a new order every
    epoch from a generator seeded with ``seed`` (the same run gives the same batches).
    """
    if len(pairs) == 0:
        raise CourseError("make_loader को कम से कम एक (text, label) जोड़ा चाहिए।",
                          "make_loader needs at least one (text, label) pair.")
    ids = encode([t for t, _ in pairs], vocab)
    labels = [int(y) for _, y in pairs]
    data = list(zip(ids, labels))

    def collate(batch):
        x, _ = pad_batch([s for s, _ in batch], pad_index=vocab.pad_index, max_len=max_len)   # (B, T)
        y = torch.tensor([label for _, label in batch], dtype=torch.long)                     # (B,)
        return x, y

    gen = torch.Generator().manual_seed(seed) if shuffle else None
    return torch.utils.data.DataLoader(data, batch_size=batch_size, shuffle=shuffle, collate_fn=collate,
                                       generator=gen)


def split_train_val(pairs: Sequence, val_fraction: float = 0.15, seed: int = 0) -> tuple[list, list]:
    """Carve a validation part out of the training pairs (a seeded shuffle): ``(train, val)``.

    The validation part chooses the epoch to stop at; the test set stays untouched until the end.
    """
    if not 0 < val_fraction < 1:
        raise CourseError(f"val_fraction 0 और 1 के बीच होना चाहिए; मिला {val_fraction}।",
                          f"val_fraction must be between 0 and 1; got {val_fraction}.")
    perm = torch.randperm(len(pairs), generator=torch.Generator().manual_seed(seed)).tolist()
    n_val = max(1, round(len(pairs) * val_fraction))
    return [pairs[i] for i in perm[n_val:]], [pairs[i] for i in perm[:n_val]]


def guess_language(text: str) -> str:
    """"hi" if the text holds a Devanagari letter, else "en" (enough to pick the right model)."""
    return "hi" if any("\u0900" <= ch <= "\u097f" for ch in _check_str(text)) else "en"


def has_negation(text: str, lang: str | None = None) -> bool:
    """True if a negation word ("not", "never", "नहीं", "मत", ...) is one of the sentence's tokens."""
    lang = lang or guess_language(text)
    if lang not in NEGATIONS:
        raise CourseError(f"भाषा 'hi' या 'en' होनी चाहिए; मिली {lang!r}।", f"lang must be 'hi' or 'en'; got {lang!r}.")
    return any(t in NEGATIONS[lang] for t in _tokens(text))


def _check_str(text) -> str:
    if not isinstance(text, str):
        raise CourseError(f"text एक string (str) होना चाहिए; मिला {type(text).__name__}।",
                          f"text must be a string (str); got {type(text).__name__}.")
    return text


# ---------------------------------------------------------------------------------------------- models
class BagOfWords(nn.Module):
    """Logistic regression on word counts: ``logits = W · counts(x) + b``. Word order is thrown away.

    ``counts[b, v]`` = how many times word ``v`` occurs in sentence ``b`` (``<pad>`` is not counted).
    "not good" and "good, not bad" give the same counts for "not" and "good": this model cannot
    tell which word the "not" belongs to.
    """

    def __init__(self, vocab_size: int, num_classes: int = 2, pad_index: int = 0):
        super().__init__()
        self.vocab_size, self.pad_index = vocab_size, pad_index
        self.linear = nn.Linear(vocab_size, num_classes)

    def counts(self, x: torch.Tensor) -> torch.Tensor:
        """(B, T) indices → (B, V) word counts."""
        check_token_ids(x)
        c = torch.zeros(x.shape[0], self.vocab_size, device=x.device)          # (B, V)
        c.scatter_add_(1, x, torch.ones_like(x, dtype=c.dtype))                # +1 per occurrence
        c[:, self.pad_index] = 0.0
        return c

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.linear(self.counts(x))                                     # (B, num_classes)


class NgramLogReg:
    """Logistic regression on n-gram counts of the tokenised sentence (scikit-learn), e.g. words and word pairs.

    ``ngram_range=(1, 1)`` is the classic bag of words; ``(1, 2)`` adds every pair of neighbouring tokens, so
    "नहीं था" / "not bad" become features of their own: local order is seen, longer order is not. ``C`` is the
    inverse strength of the L2 penalty (small C = strong regularisation); choose it on validation data
    (``tune_logreg``). The vocabulary of n-grams comes from the training sentences only.
    """

    def __init__(self, ngram_range: tuple[int, int] = (1, 2), C: float = 1.0):
        lo, hi = ngram_range
        if not (isinstance(lo, int) and isinstance(hi, int) and 1 <= lo <= hi):
            raise CourseError(f"ngram_range (1, 2) जैसा होना चाहिए, 1 ≤ पहला ≤ दूसरा; मिला {ngram_range!r}।",
                              f"ngram_range must look like (1, 2), with 1 <= first <= second; got {ngram_range!r}.")
        if not C > 0:
            raise CourseError(f"C धनात्मक होना चाहिए; मिला {C!r}।", f"C must be positive; got {C!r}.")
        self.ngram_range, self.C = (lo, hi), float(C)
        self.vectorizer = self.classifier = None

    def fit(self, texts: Sequence[str], labels: Sequence[int]) -> NgramLogReg:
        from sklearn.feature_extraction.text import CountVectorizer
        from sklearn.linear_model import LogisticRegression

        if isinstance(texts, str) or len(texts) != len(labels) or len(set(labels)) < 2:
            raise CourseError("fit को वाक्यों की list और उतने ही labels चाहिए, और labels में दोनों classes होनी चाहिए।",
                              "fit needs a list of sentences and as many labels, with both classes present.")
        self.vectorizer = CountVectorizer(tokenizer=_tokens, lowercase=False, token_pattern=None,
                                          ngram_range=self.ngram_range)
        X = self.vectorizer.fit_transform(list(texts))                         # (N, number of n-grams), sparse
        self.classifier = LogisticRegression(C=self.C, solver="liblinear", max_iter=1000).fit(X, list(labels))
        return self

    @property
    def num_features(self) -> int:
        """How many different n-grams the model has a weight for."""
        return len(self.vectorizer.vocabulary_)

    def predict_proba(self, texts: Sequence[str]) -> torch.Tensor:
        """P(positive) for each sentence, shape (N,). N-grams never seen in training are ignored."""
        if self.classifier is None:
            raise CourseError("पहले fit(texts, labels) चलाइए।", "call fit(texts, labels) first.")
        p = self.classifier.predict_proba(self.vectorizer.transform(list(texts)))[:, 1]
        return torch.as_tensor(p, dtype=torch.float32)


def tune_logreg(train: Sequence[tuple[str, int]], val: Sequence[tuple[str, int]], ngram_range=(1, 2),
                Cs: Sequence[float] = (0.01, 0.03, 0.1, 0.3, 1.0, 3.0, 10.0, 30.0, 100.0)):
    """Fit ``NgramLogReg`` on ``train`` for every C and keep the best on ``val`` (the test set is not used).

    Best = highest validation accuracy; a tie goes to the lower validation log-loss. Returns
    ``(best_model, rows)`` with one row per C: ``{"C", "val_acc", "val_loss"}``.
    """
    texts, labels = [t for t, _ in train], [int(y) for _, y in train]
    y_val = torch.tensor([int(y) for _, y in val], dtype=torch.float32)
    rows, best, best_key = [], None, None
    for C in Cs:
        model = NgramLogReg(ngram_range, C).fit(texts, labels)
        p = model.predict_proba([t for t, _ in val]).clamp(1e-7, 1 - 1e-7)
        acc = float(((p >= 0.5).float() == y_val).float().mean())
        loss = float(nn.functional.binary_cross_entropy(p, y_val))
        rows.append({"C": C, "val_acc": acc, "val_loss": loss})
        if best_key is None or (acc, -loss) > best_key:
            best, best_key = model, (acc, -loss)
    return best, rows


# ---------------------------------------------------------------------------------- training, prediction
def train_classifier(model: nn.Module, train_loader, val_loader, epochs: int = 20, lr: float = 3e-3,
                     weight_decay: float = 1e-4, patience: int | None = 4, desc: str = "train",
                     progress: bool = True, device=None) -> dict:
    """``coursekit.fit`` with AdamW and early stopping on the validation loss (best weights restored).

    Returns fit's history (``train_loss``, ``val_loss``, ``val_acc``, ``best_epoch``, ...).
    """
    from .training import fit

    optimizer = torch.optim.AdamW(model.parameters(), lr=lr, weight_decay=weight_decay)
    return fit(model, train_loader, val_loader, epochs=epochs, optimizer=optimizer, early_stopping=patience,
               desc=desc, progress=progress, device=device)


@torch.no_grad()
def predict_probs(model: nn.Module, vocab: Vocab, texts: Sequence[str], batch_size: int = 256) -> torch.Tensor:
    """P(positive) for each sentence, shape (N,), in eval mode (dropout off). Works for ``NgramLogReg`` too."""
    if isinstance(model, NgramLogReg):
        return model.predict_proba(texts)
    model.eval()
    dev = next(model.parameters()).device
    probs = []
    for i in range(0, len(texts), batch_size):
        x = encode_batch(texts[i:i + batch_size], vocab).to(dev)              # (b, T)
        probs.append(torch.softmax(model(x), dim=1)[:, 1].cpu())               # (b,)
    return torch.cat(probs) if probs else torch.zeros(0)


@dataclass
class SentimentPrediction:
    """What ``predict_sentiment`` returns: the label, its probability and the words the model never saw."""

    text: str
    label: str          # "positive" or "negative"
    probability: float  # probability of that label (0.5 … 1)
    p_positive: float
    tokens: list
    unknown: list       # tokens that became <unk>

    def __str__(self) -> str:
        hi = LABELS_HI[1 if self.label == "positive" else 0]
        s = f"{self.label} / {hi}  (p = {self.probability:.2f})"
        if self.unknown:
            s += f"\nअनजान शब्द / unknown words (<unk>): {', '.join(self.unknown)}"
        return s


def predict_sentiment(model: nn.Module, vocab: Vocab, text: str) -> SentimentPrediction:
    """Label and probability for one sentence in Hindi or English; words never seen become ``<unk>``.

    Raises a bilingual ``CourseError`` for a non-string or for an empty sentence (no word in it).
    """
    if not isinstance(text, str):
        raise CourseError(f"my_sentence एक string होना चाहिए (उद्धरण चिह्नों में लिखिए); मिला {type(text).__name__}।",
                          f"my_sentence must be a string (write it in quotes); got {type(text).__name__}.")
    tokens = tokenize(text)
    if not [t for t in tokens if t.strip()]:
        raise CourseError("वाक्य ख़ाली है: my_sentence = \"...\" में हिंदी या अंग्रेज़ी का कोई वाक्य लिखिए।",
                          "the sentence is empty: write a Hindi or English sentence in my_sentence = \"...\".")
    p_pos = float(predict_probs(model, vocab, [text])[0])
    label = 1 if p_pos >= 0.5 else 0
    unknown = [t for t in tokens if t not in vocab]
    return SentimentPrediction(text=text, label=LABELS[label], probability=p_pos if label else 1 - p_pos,
                               p_positive=p_pos, tokens=tokens, unknown=unknown)


def contrast_scores(records: Sequence[dict], probs) -> dict:
    """Scores on the contrast set (``coursekit.corpora.load_contrast``), given each sentence's P(positive).

    Returns accuracy on the "order" and "negation" sentences, and how many groups are right as a whole:
    ``order_pairs`` (both sentences of a pair) and ``negation_groups`` (all four of a group). A model that
    only counts words gives both sentences of an order pair the same score, so it gets exactly one of them
    right: 50 % on "order", 0 whole pairs.
    """
    probs = torch.as_tensor(probs, dtype=torch.float32).flatten()
    if len(records) != len(probs):
        raise CourseError(f"हर वाक्य के लिए एक probability चाहिए; मिले {len(records)} वाक्य और {len(probs)} probabilities।",
                          f"one probability per sentence is needed; got {len(records)} sentences and {len(probs)}.")
    right: dict[str, list] = {}
    for r, p in zip(records, probs.tolist()):
        right.setdefault((r["kind"], r["group"]), []).append(int(p >= 0.5) == r["label"])
    out = {}
    for kind, whole in (("order", "order_pairs"), ("negation", "negation_groups")):
        groups = [g for (k, _), g in right.items() if k == kind]
        flat = [x for g in groups for x in g]
        out[kind] = sum(flat) / len(flat) if flat else float("nan")
        out[whole] = sum(all(g) for g in groups)
        out[f"{whole}_total"] = len(groups)
    return out
