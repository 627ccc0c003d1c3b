"""The sentiment corpus gives no label away through a surface pattern, and its Hindi and English files are twins.

Background: an earlier version ended 31% of its Hindi and 24% of its English reviews with a short verdict sentence
("बेकार।", "Bad food.") whose label never varied, so a model could read the answer off the last words. The checks
below are first shown to catch such a corpus (a doctored copy), then run on the real one.
"""
import hashlib
import re
from collections import Counter, defaultdict

import pytest

from coursekit.corpora import load_contrast, sentiment_records
from coursekit.sentiment import NEGATIONS
from coursekit.text import is_punct, tokenize

LANGS = ("hi", "en")
SENTENCE_END = re.compile(r"(?<=[।.!?])\s+")
MIN_SUPPORT = 0.02        # a pattern must occur in at least 2% of the reviews to count
MAX_PRECISION = 0.60      # ... and then go with one label at most 60% of the time


def words(text: str) -> list[str]:
    return [w for w in tokenize(text) if not is_punct(w)]


def final_sentence(text: str) -> str | None:
    """The last sentence of a review that has more than one, else None."""
    parts = [s for s in SENTENCE_END.split(text.strip()) if s]
    return parts[-1] if len(parts) > 1 else None


FEATURES = {
    "last word": lambda t: " ".join(words(t)[-1:]),
    "last two words": lambda t: " ".join(words(t)[-2:]),
    "final sentence": lambda t: " ".join(words(final_sentence(t))) if final_sentence(t) else "",
}


def short_final_sentences(records, max_words: int = 3) -> list[dict]:
    """Reviews that end in a separate sentence of at most ``max_words`` words (a tacked-on verdict)."""
    return [r for r in records if final_sentence(r["text"]) and len(words(final_sentence(r["text"]))) <= max_words]


def label_giving_patterns(records, feature) -> dict:
    """Patterns with support >= MIN_SUPPORT whose majority label exceeds MAX_PRECISION: pattern -> (count, share)."""
    counts = defaultdict(Counter)
    for r in records:
        key = feature(r["text"])
        if key:
            counts[key][r["label"]] += 1
    out = {}
    for key, c in counts.items():
        n = sum(c.values())
        if n >= MIN_SUPPORT * len(records) and max(c.values()) / n > MAX_PRECISION:
            out[key] = (n, round(max(c.values()) / n, 2))
    return out


def lookup_accuracy(records, feature) -> float:
    """Test accuracy of "predict the majority training label of this pattern" (the majority class if unseen)."""
    train = [r for r in records if r["split"] == "train"]
    majority = Counter(r["label"] for r in train).most_common(1)[0][0]
    table = defaultdict(Counter)
    for r in train:
        table[feature(r["text"])][r["label"]] += 1
    test = [r for r in records if r["split"] == "test"]
    guess = [table[feature(r["text"])].most_common(1)[0][0] if table[feature(r["text"])] else majority for r in test]
    return sum(g == r["label"] for g, r in zip(guess, test)) / len(test)


def doctored(records, share: float = 0.3) -> list[dict]:
    """A copy in which every ``1/share``-th review gets a short verdict of its label, like the old corpus."""
    verdict = {0: ["बेकार।", "बहुत ख़राब।", "Bad food.", "Terrible."], 1: ["शानदार।", "बहुत अच्छा लगा।", "Loved it."]}
    step = round(1 / share)
    return [dict(r, text=f"{r['text']} {verdict[r['label']][i % len(verdict[r['label']])]}") if i % step == 0 else r
            for i, r in enumerate(records)]


# ------------------------------------------------------------------------- the checks catch the old problem
@pytest.mark.parametrize("lang", LANGS)
def test_the_checks_flag_a_corpus_with_verdict_tails(lang):
    bad = doctored(sentiment_records(lang))
    assert len(short_final_sentences(bad)) > 0.25 * len(bad)
    assert label_giving_patterns(bad, FEATURES["final sentence"])          # each tail always has one label
    assert lookup_accuracy(bad, FEATURES["final sentence"]) > 0.6


# --------------------------------------------------------------------------------------- the real corpus
@pytest.mark.parametrize("lang", LANGS)
def test_almost_no_review_ends_in_a_short_separate_sentence(lang):
    recs = sentiment_records(lang)
    short = short_final_sentences(recs)
    assert len(short) <= 0.02 * len(recs), [r["text"] for r in short][:10]


@pytest.mark.parametrize("feature", FEATURES)
@pytest.mark.parametrize("lang", LANGS)
def test_no_frequent_ending_goes_with_one_label(lang, feature):
    assert label_giving_patterns(sentiment_records(lang), FEATURES[feature]) == {}


@pytest.mark.parametrize("lang", LANGS)
def test_trivial_baselines_stay_near_chance(lang):
    recs = sentiment_records(lang)
    assert lookup_accuracy(recs, lambda t: "") <= 0.55                     # the majority class
    assert lookup_accuracy(recs, FEATURES["final sentence"]) <= 0.55
    # The last word: in English it is often the opinion word itself ("The staff were rude."), so it says a little
    # more than chance; in Hindi it is mostly the verb (था, है, गया). Either way, far from giving the label away.
    assert lookup_accuracy(recs, FEATURES["last word"]) <= 0.65


# ------------------------------------------------------------------------------ a parallel, balanced corpus
def test_the_two_languages_are_twins_row_by_row():
    hi, en = sentiment_records("hi"), sentiment_records("en")
    assert len(hi) == len(en) >= 900
    assert [(r["id"], r["label"], r["domain"], r["split"]) for r in hi] == \
           [(r["id"], r["label"], r["domain"], r["split"]) for r in en]
    assert len({r["id"] for r in hi}) == len(hi)                            # every id once
    assert all(re.search("[\u0900-\u097f]", r["text"]) for r in hi)
    assert not any(re.search("[\u0900-\u097f]", r["text"]) for r in en)
    assert len({r["text"] for r in hi}) == len(hi) and len({r["text"].lower() for r in en}) == len(en)


@pytest.mark.parametrize("lang", LANGS)
def test_the_split_hashes_the_id_so_twins_share_it(lang):
    for r in sentiment_records(lang):
        bucket = int(hashlib.md5(r["id"].encode("utf-8")).hexdigest(), 16) % 10
        assert r["split"] == ("test" if bucket < 2 else "train")


def test_labels_are_balanced_overall_per_domain_and_in_the_test_split():
    recs = sentiment_records("hi")                                          # the English labels are the same
    labels = Counter(r["label"] for r in recs)
    assert abs(labels[0] - labels[1]) <= 0.01 * len(recs)
    for domain in {r["domain"] for r in recs}:
        c = Counter(r["label"] for r in recs if r["domain"] == domain)
        assert abs(c[0] - c[1]) <= 3, domain
    test = [r["label"] for r in recs if r["split"] == "test"]
    assert 0.15 * len(recs) <= len(test) <= 0.25 * len(recs)
    assert 0.4 <= sum(test) / len(test) <= 0.6


# ---------------------------------------------------------------------------------------- the contrast set
def test_contrast_set_pairs_and_groups():
    for lang in LANGS:
        rows = load_contrast(lang)
        assert len(rows) == 48
        groups = defaultdict(list)
        for r in rows:
            groups[(r["kind"], r["group"])].append(r)
        order = [g for (kind, _), g in groups.items() if kind == "order"]
        negation = [g for (kind, _), g in groups.items() if kind == "negation"]
        assert len(order) == 12 and len(negation) == 6
        for a, b in order:                               # the same words, another order, the other label
            assert sorted(tokenize(a["text"])) == sorted(tokenize(b["text"])) and a["text"] != b["text"]
            assert {a["label"], b["label"]} == {0, 1}
        for g in negation:                               # X, not X, Y, not Y: two of each label, two negated
            assert len(g) == 4 and sorted(r["label"] for r in g) == [0, 0, 1, 1]
            assert sum(any(w in NEGATIONS[lang] for w in tokenize(r["text"])) for r in g) == 2
    hi, en = load_contrast("hi"), load_contrast("en")
    assert [(r["id"], r["label"]) for r in hi] == [(r["id"], r["label"]) for r in en]


@pytest.mark.parametrize("lang", LANGS)
def test_contrast_sentences_are_not_in_the_corpus(lang):
    corpus = {r["text"] for r in sentiment_records(lang)}
    assert not [r["text"] for r in load_contrast(lang) if r["text"] in corpus]
