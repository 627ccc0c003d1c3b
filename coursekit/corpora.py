"""The course's own text corpora, in Hindi and English (shipped with coursekit, MIT licence; see DATA.md).

* Sentiment: short reviews and opinions (films, food, products, services, travel), labelled
  1 = positive, 0 = negative, balanced, with negations and mixed cases.
  ``load_sentiment("hi", "train")`` → list of ``(text, label)``.
  The Hindi and English files are a **parallel corpus**: every row has an ``id``, and the row with the
  same id in the other file is the same review (an adapted translation, written for the course), with the
  same label and domain. ``sentiment_records(lang)`` gives the ids.
* Sentiment contrast set: 24 pairs written for the course and kept out of training and testing
  (``load_contrast(lang)``): 12 pairs with the same words in another order around "पर / but", and
  6 groups of four with and without a negation ("अच्छा / अच्छा नहीं / बुरा / बुरा नहीं").
* Next word: everyday sentences (home, school, market, travel, weather, work) for word-level
  language models. ``load_nextword("en", "train")`` → list of sentences.

The splits are fixed: every row goes to a split by an MD5 hash of its key, so the split does not
depend on the order of the file, on a random seed or on the machine. The key of a sentiment row is its
id, so a review and its translation always land in the same split; a next-word sentence (no id) is
keyed by its own text. Sentiment: about 20% is the test set (not stratified: each label gets roughly
20%). Next word: about 80% train, 10% validation, 10% test.
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


def _split_key(row: dict) -> str:
    """What the split hashes: the row's id where the file has one (twins share it), else its text."""
    return row.get("id") or row["text"]


@cache
def _read(name: str) -> tuple[dict, ...]:
    path = CORPUS_DIR / name
    if not path.exists():
        raise CourseError(f"corpus file {path} नहीं मिली: coursekit दोबारा install कीजिए (python -m coursekit setup)।",
                          f"corpus file {path} is missing: reinstall coursekit (python -m coursekit setup).")
    with open(path, encoding="utf-8", newline="") as f:
        rows = [dict(r) for r in csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE)]
    key = "text" if rows and "text" in rows[0] else "id"                 # skip blank lines
    return tuple({k: (v or "").strip() for k, v in r.items()} for r in rows if (r.get(key) or "").strip())


def sentiment_records(lang: str) -> list[dict]:
    """Every sentiment sentence as a dict: id, text, label (0/1), domain, split ("train"/"test").

    Rows with the same id in the Hindi and English files are translations of each other.
    """
    _check(lang, "all", SENTIMENT_SPLITS)
    out = []
    for r in _read(f"sentiment_{lang}.tsv"):
        if r["label"] not in SENTIMENT_LABELS:
            raise CourseError(f"sentiment_{lang}.tsv में अनजान label {r['label']!r}।",
                              f"unknown label {r['label']!r} in sentiment_{lang}.tsv.")
        split = "test" if _bucket(_split_key(r)) < 2 else "train"
        out.append({"id": r.get("id") or "", "text": r["text"], "label": SENTIMENT_LABELS[r["label"]],
                    "domain": r["domain"], "split": split})
    return out


def load_sentiment(lang: str, split: str = "train") -> list[tuple[str, int]]:
    """``(text, label)`` pairs of the sentiment corpus; label 1 = positive, 0 = negative."""
    _check(lang, split, SENTIMENT_SPLITS)
    return [(r["text"], r["label"]) for r in sentiment_records(lang) if split == "all" or r["split"] == split]


def load_contrast(lang: str) -> list[dict]:
    """The fixed contrast set (never used for training or testing): dicts with id, kind ("order" or
    "negation"), group (the pair or group of four it belongs to), text and label (0/1).

    "order": two sentences with exactly the same words, clauses swapped around "पर / but"; the clause after
    it carries the verdict. "negation": "X अच्छा था / X अच्छा नहीं था / X बुरा था / X बुरा नहीं था" and the like.
    """
    _check(lang, "all", SENTIMENT_SPLITS)
    out = []
    for r in _read("sentiment_contrast.tsv"):
        if r["label"] not in SENTIMENT_LABELS:
            raise CourseError(f"sentiment_contrast.tsv में अनजान label {r['label']!r}।",
                              f"unknown label {r['label']!r} in sentiment_contrast.tsv.")
        out.append({"id": r["id"], "kind": r["kind"], "group": r["group"], "text": r[lang],
                    "label": SENTIMENT_LABELS[r["label"]]})
    return out


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
