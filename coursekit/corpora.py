"""The course's own text corpora, in Hindi and English (shipped with coursekit, MIT licence; see DATA.md).

* Sentiment: short reviews and opinions (films, food, products, services, travel), labelled
  1 = positive, 0 = negative, balanced, with negations and mixed cases.
  ``load_sentiment("hi", "train")`` → list of ``(text, label)``.
* Next word: everyday sentences (home, school, market, travel, weather, work) for word-level
  language models. ``load_nextword("en", "train")`` → list of sentences.

The splits are fixed: every sentence goes to a split by a hash of its own text (MD5), so the split
does not depend on the order of the file, on a random seed or on the machine. Sentiment: about 20% is
the test set (not stratified: each label gets roughly 20%). Next word: about 80% train, 10% validation, 10% test.
"""
from __future__ import annotations

import csv
import hashlib
from functools import cache
from pathlib import Path

from .i18n import CourseError

CORPUS_DIR = Path(__file__).resolve().parent / "data" / "corpora"
LANGS = ("hi", "en")
SENTIMENT_LABELS = {"negative": 0, "positive": 1}
LABEL_NAMES = {0: "negative / नकारात्मक", 1: "positive / सकारात्मक"}
SENTIMENT_SPLITS = ("train", "test", "all")
NEXTWORD_SPLITS = ("train", "val", "test", "all")


def _check(lang: str, split: str, splits) -> None:
    if lang not in LANGS:
        raise CourseError(f"भाषा 'hi' या 'en' होनी चाहिए; मिली {lang!r}।", f"lang must be 'hi' or 'en'; got {lang!r}.")
    if split not in splits:
        raise CourseError(f"split इनमें से एक होना चाहिए: {splits}; मिला {split!r}।",
                          f"split must be one of {splits}; got {split!r}.")


def _bucket(text: str, buckets: int = 10) -> int:
    """A number 0…buckets-1 fixed by the text itself (the same on every machine)."""
    return int(hashlib.md5(text.encode("utf-8")).hexdigest(), 16) % buckets


@cache
def _read(name: str) -> tuple[dict, ...]:
    path = CORPUS_DIR / name
    if not path.exists():
        raise CourseError(f"corpus file {path} नहीं मिली: coursekit दोबारा install कीजिए (python -m coursekit setup)।",
                          f"corpus file {path} is missing: reinstall coursekit (python -m coursekit setup).")
    with open(path, encoding="utf-8", newline="") as f:
        rows = [dict(r) for r in csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE)]
    return tuple({k: (v or "").strip() for k, v in r.items()} for r in rows if (r.get("text") or "").strip())


def sentiment_records(lang: str) -> list[dict]:
    """Every sentiment sentence as a dict: text, label (0/1), domain, split ("train"/"test")."""
    _check(lang, "all", SENTIMENT_SPLITS)
    out = []
    for r in _read(f"sentiment_{lang}.tsv"):
        if r["label"] not in SENTIMENT_LABELS:
            raise CourseError(f"sentiment_{lang}.tsv में अनजान label {r['label']!r}।",
                              f"unknown label {r['label']!r} in sentiment_{lang}.tsv.")
        split = "test" if _bucket(r["text"]) < 2 else "train"
        out.append({"text": r["text"], "label": SENTIMENT_LABELS[r["label"]], "domain": r["domain"], "split": split})
    return out


def load_sentiment(lang: str, split: str = "train") -> list[tuple[str, int]]:
    """``(text, label)`` pairs of the sentiment corpus; label 1 = positive, 0 = negative."""
    _check(lang, split, SENTIMENT_SPLITS)
    return [(r["text"], r["label"]) for r in sentiment_records(lang) if split == "all" or r["split"] == split]


def nextword_records(lang: str) -> list[dict]:
    """Every next-word sentence as a dict: text, domain, split ("train"/"val"/"test")."""
    _check(lang, "all", NEXTWORD_SPLITS)
    out = []
    for r in _read(f"nextword_{lang}.tsv"):
        b = _bucket(r["text"])
        split = "test" if b == 0 else "val" if b == 1 else "train"
        out.append({"text": r["text"], "domain": r["domain"], "split": split})
    return out


def load_nextword(lang: str, split: str = "train") -> list[str]:
    """Sentences of the next-word corpus."""
    _check(lang, split, NEXTWORD_SPLITS)
    return [r["text"] for r in nextword_records(lang) if split == "all" or r["split"] == split]
