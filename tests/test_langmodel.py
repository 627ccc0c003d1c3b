"""coursekit.lmdata, coursekit.ngram and coursekit.langmodel (notebooks 10, 17) and the next-word corpus they train on."""
import math
import unicodedata

import pytest
import torch

from coursekit.corpora import load_nextword, nextword_records
from coursekit.i18n import CourseError
from coursekit.langmodel import (
    SequenceCrossEntropy,
    WordLSTMLM,
    apply_temperature,
    detokenize,
    generate,
    next_word_probs,
    perplexity,
    perplexity_from_probs,
    suggest,
    top_k,
    train_lm,
    walkthrough,
)
from coursekit.lmdata import bptt_chunks, encode_sentences, lm_vocab, sentence_loader, sentence_tokens
from coursekit.ngram import BigramLM, UnigramLM, tune_bigram
from coursekit.text import tokenize

DOMAINS = {"home", "school", "market", "travel", "weather", "work"}
TINY = ["I am going to the market.", "I am going to the office.", "I am going to the market.",
        "She is going to school.", "It is hot today."]


@pytest.fixture(scope="module")
def tiny():
    vocab = lm_vocab(TINY, min_freq=1)
    return vocab, encode_sentences(TINY, vocab)


@pytest.fixture(scope="module")
def tiny_lstm(tiny):
    vocab, enc = tiny
    torch.manual_seed(0)
    model = WordLSTMLM(len(vocab), emb_dim=8, hidden_size=16, dropout=0.0)
    train_lm(model, sentence_loader(enc, batch_size=5, shuffle=True), epochs=40, lr=0.05, progress=False,
             early_stopping=None)
    return model


# ------------------------------------------------------------------------------- the corpus

@pytest.mark.parametrize("lang", ["en", "hi"])
def test_corpus_size_duplicates_domains(lang):
    recs = nextword_records(lang)
    texts = [r["text"] for r in recs]
    assert len(texts) >= 1000
    norm = [" ".join(tokenize(t)) for t in texts]
    assert len(set(norm)) == len(norm), "duplicate sentences (after tokenising)"
    assert {r["domain"] for r in recs} == DOMAINS
    for d in DOMAINS:
        assert sum(r["domain"] == d for r in recs) >= 120
    for t in texts:
        assert "\t" not in t and unicodedata.normalize("NFC", t) == t
        assert 4 <= len(tokenize(t, keep_punct=False)) <= 15, t
        if lang == "hi":
            assert t[-1] in "।?", t
            assert any("\u0900" <= ch <= "\u097f" for ch in t)
        else:
            assert t[-1] in ".?!", t


@pytest.mark.parametrize("lang", ["en", "hi"])
def test_corpus_splits_are_disjoint_and_complete(lang):
    splits = {s: load_nextword(lang, s) for s in ("train", "val", "test")}
    allsent = load_nextword(lang, "all")
    assert sum(len(v) for v in splits.values()) == len(allsent)
    assert not set(splits["train"]) & set(splits["val"])
    assert not set(splits["train"]) & set(splits["test"])
    assert not set(splits["val"]) & set(splits["test"])
    assert 0.7 < len(splits["train"]) / len(allsent) < 0.9
    assert len(splits["val"]) >= 80 and len(splits["test"]) >= 80


def test_corpus_has_the_walkthrough_pattern():
    en = load_nextword("en", "train")
    hi = load_nextword("hi", "train")
    assert sum(s.startswith("I am going to the ") for s in en) >= 30
    assert sum(s.startswith("मैं ") and " जा रह" in s for s in hi) >= 40


# ------------------------------------------------------------------------------- data helpers

def test_vocab_and_encoding(tiny):
    vocab, enc = tiny
    assert vocab.itos[:4] == ["<pad>", "<unk>", "<bos>", "<eos>"]
    assert sentence_tokens("I am going.") == ["<bos>", "i", "am", "going", ".", "<eos>"]
    assert enc[0][0] == 2 and enc[0][-1] == 3
    assert vocab.decode(enc[3]) == ["<bos>", "she", "is", "going", "to", "school", ".", "<eos>"]
    v2 = lm_vocab(TINY, min_freq=2)
    assert "office" not in v2 and "market" in v2            # office is seen once
    assert encode_sentences(["the office"], v2)[0] == [2, v2["the"], 1, 3]


def test_sentence_loader_shifts_and_pads(tiny):
    vocab, enc = tiny
    x, y = next(iter(sentence_loader(enc, batch_size=5)))
    longest = max(len(s) for s in enc) - 1
    assert x.shape == y.shape == (5, longest)
    for i, s in enumerate(enc):
        n = len(s) - 1
        assert x[i, :n].tolist() == s[:-1] and y[i, :n].tolist() == s[1:]
        assert (y[i, n:] == 0).all()


def test_bptt_chunks(tiny):
    _, enc = tiny
    stream = [i for s in enc for i in s]
    X, Y = bptt_chunks(enc, 4)
    n = (len(stream) - 1) // 4
    assert X.shape == Y.shape == (n, 4)
    assert X.flatten().tolist() == stream[: 4 * n] and Y.flatten().tolist() == stream[1: 4 * n + 1]
    with pytest.raises(CourseError):
        bptt_chunks(enc, 0)


# ------------------------------------------------------------------------------- counting models

def test_unigram_counts(tiny):
    vocab, enc = tiny
    uni = UnigramLM(len(vocab)).fit(enc)
    n_targets = sum(len(s) - 1 for s in enc)
    assert math.isclose(float(uni.probs.sum()), 1.0, rel_tol=1e-12)
    assert math.isclose(float(uni.probs[vocab["going"]]), 4 / n_targets)
    assert float(uni.probs[0]) == float(uni.probs[2]) == 0.0        # <pad> and <bos> never come next


def test_unigram_add_k_is_exact_in_float64():
    # counts of the targets (every token after <bos>): 3 -> 2, 4 -> 2, 5 -> 1; V' = 4 (all but <pad>=0, <bos>=2)
    k = 0.1
    uni = UnigramLM(6, k=k).fit([[2, 4, 5, 3], [2, 4, 3]])
    counts = [0, 0, 0, 2, 2, 1]
    expected = [0.0 if i in (0, 2) else (counts[i] + k) / (5 + 4 * k) for i in range(6)]
    assert uni.probs.dtype == torch.float64
    assert max(abs(float(p) - e) for p, e in zip(uni.probs, expected)) < 1e-15   # k is not rounded to float32


def test_bigram_by_hand(tiny):
    vocab, enc = tiny
    V1 = len(vocab) - 2                                             # possible next tokens
    bi = BigramLM(len(vocab), k=0.0).fit(enc)
    # "the" is followed by market, office, market
    assert math.isclose(float(bi.probs[vocab["the"], vocab["market"]]), 2 / 3)
    assert math.isclose(float(bi.probs[vocab["the"], vocab["office"]]), 1 / 3)
    assert float(bi.probs[vocab["the"], vocab["school"]]) == 0.0
    bi.set_smoothing(k=0.5)
    assert math.isclose(float(bi.probs[vocab["the"], vocab["market"]]), (2 + 0.5) / (3 + 0.5 * V1))
    assert math.isclose(float(bi.probs[vocab["the"], vocab["school"]]), 0.5 / (3 + 0.5 * V1))
    assert torch.allclose(bi.probs.sum(1), torch.ones(len(vocab), dtype=torch.float64))
    bi.set_smoothing(k=0.5, lam=0.7)
    uni = UnigramLM(len(vocab)).fit(enc)
    expected = 0.7 * (2.5 / (3 + 0.5 * V1)) + 0.3 * float(uni.probs[vocab["market"]])
    assert math.isclose(float(bi.probs[vocab["the"], vocab["market"]]), expected)
    assert torch.allclose(bi.probs.sum(1), torch.ones(len(vocab), dtype=torch.float64))


def test_unseen_pair_without_smoothing_gives_infinite_perplexity(tiny):
    vocab, enc = tiny
    bi = BigramLM(len(vocab), k=0.0).fit(enc)
    test = encode_sentences(["the school."], vocab)
    assert perplexity(bi, test) == math.inf
    assert math.isfinite(perplexity(bi.set_smoothing(k=0.1), test))


def test_tune_bigram_picks_the_best(tiny):
    vocab, enc = tiny
    bi = BigramLM(len(vocab)).fit(enc)
    val = encode_sentences(["I am going to the office.", "She is going to the market."], vocab)
    rows = tune_bigram(bi, val, ks=[0.01, 0.1, 1.0], lams=[0.5, 1.0])
    best = min(rows, key=lambda r: r["val_ppl"])
    assert len(rows) == 6 and (bi.k, bi.lam) == (best["k"], best["lam"])
    assert math.isclose(perplexity(bi, val), best["val_ppl"])


# ------------------------------------------------------------------------------- perplexity

def test_perplexity_from_probs():
    assert math.isclose(perplexity_from_probs([0.5, 0.5]), 2.0)
    assert math.isclose(perplexity_from_probs([0.25, 0.5, 1.0]), (0.25 * 0.5 * 1.0) ** (-1 / 3))
    for bad in ([], [0.0, 0.5], [1.5]):
        with pytest.raises(CourseError):
            perplexity_from_probs(bad)


def test_uniform_model_has_perplexity_equal_to_choices(tiny):
    vocab, enc = tiny
    uni = UnigramLM(len(vocab), k=1e12).fit(enc)                    # k huge: all next tokens equally likely
    assert math.isclose(perplexity(uni, enc), len(vocab) - 2, rel_tol=1e-6)


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_lstm_perplexity_equals_torch_cross_entropy(seed):
    torch.manual_seed(seed)
    V = int(torch.randint(8, 30, ()))
    enc = [[2, *torch.randint(4, V, (int(torch.randint(1, 9, ())),)).tolist(), 3] for _ in range(7)]
    model = WordLSTMLM(V, emb_dim=6, hidden_size=10, dropout=0.3).eval()
    losses, n = [], 0
    with torch.no_grad():
        for s in enc:                                               # one sentence at a time, no padding
            x, y = torch.tensor([s[:-1]]), torch.tensor(s[1:])
            losses.append(torch.nn.functional.cross_entropy(model(x)[0].double(), y, reduction="sum"))
            n += len(y)
    expected = math.exp(float(sum(losses)) / n)
    assert math.isclose(perplexity(model, enc, batch_size=3), expected, rel_tol=1e-6)


def test_padding_does_not_change_real_outputs():
    torch.manual_seed(0)
    model = WordLSTMLM(20, emb_dim=5, hidden_size=7).eval()
    x = torch.tensor([[2, 5, 6, 7]])
    padded = torch.tensor([[2, 5, 6, 7, 0, 0]])
    assert torch.allclose(model(x), model(padded)[:, :4], atol=1e-6)


def test_sequence_cross_entropy_ignores_padding():
    torch.manual_seed(0)
    logits, y = torch.randn(2, 3, 5), torch.tensor([[1, 2, 0], [3, 0, 0]])
    keep = y != 0
    expected = torch.nn.functional.cross_entropy(logits[keep], y[keep])
    assert torch.allclose(SequenceCrossEntropy()(logits, y), expected, atol=1e-6)


def test_weight_tying_and_shapes():
    m = WordLSTMLM(50, emb_dim=16, hidden_size=16, tie_weights=True)
    assert m.out.weight is m.embedding.weight
    untied = WordLSTMLM(50, emb_dim=16, hidden_size=16)
    n = lambda mod: sum(p.numel() for p in mod.parameters())  # noqa: E731
    assert n(untied) - n(m) == 50 * 16
    logits, (h, c) = m(torch.zeros(3, 4, dtype=torch.long), return_state=True)
    assert logits.shape == (3, 4, 50) and h.shape == c.shape == (1, 3, 16)
    with pytest.raises(CourseError):
        WordLSTMLM(50, emb_dim=8, hidden_size=16, tie_weights=True)
    with pytest.raises(CourseError):
        m(torch.zeros(4, dtype=torch.long))


# ------------------------------------------------------------------------------- using a model

def test_lstm_learns_the_tiny_corpus(tiny, tiny_lstm):
    vocab, enc = tiny
    bi = BigramLM(len(vocab), k=0.01).fit(enc)
    assert perplexity(tiny_lstm, enc) < perplexity(bi, enc)
    words = [w for w, _ in suggest(tiny_lstm, vocab, "I am going to the", k=2)]
    assert words == ["market", "office"]


def test_suggest_and_top_k(tiny, tiny_lstm):
    vocab, _ = tiny
    for model in (tiny_lstm, BigramLM(len(vocab), k=0.1).fit(tiny[1])):
        s = suggest(model, vocab, "I am going to the", k=4)
        probs = [p for _, p in s]
        assert len(s) == 4 and probs == sorted(probs, reverse=True) and sum(probs) <= 1 + 1e-9
        assert not {"<pad>", "<bos>", "<unk>"} & {w for w, _ in s}
        full = next_word_probs(model, vocab.encode(["<bos>", "i", "am", "going", "to", "the"]))
        assert math.isclose(float(full.sum()), 1.0, rel_tol=1e-6)
    assert top_k(torch.tensor([0.1, 0.6, 0.3]), 2) == [(1, pytest.approx(0.6)), (2, pytest.approx(0.3))]
    for bad_k in (0, -1, 1.5):
        with pytest.raises(CourseError):
            suggest(tiny_lstm, vocab, "I am", k=bad_k)
    for bad_prefix in ("", "   ", []):
        with pytest.raises(CourseError):
            suggest(tiny_lstm, vocab, bad_prefix)


def test_apply_temperature():
    logits = torch.tensor([2.0, 1.0, 0.0])
    assert torch.allclose(apply_temperature(logits, 1.0), torch.softmax(logits.double(), 0))
    sharp, flat = apply_temperature(logits, 0.5), apply_temperature(logits, 2.0)
    assert sharp[0] > apply_temperature(logits, 1.0)[0] > flat[0]
    assert torch.allclose(sharp, torch.softmax(2 * logits.double(), 0))
    assert apply_temperature(logits, 1e-3)[0] > 0.999
    for bad in (0, -1.0, "1"):
        with pytest.raises(CourseError):
            apply_temperature(logits, bad)


def test_generate(tiny, tiny_lstm):
    vocab, _ = tiny
    a = generate(tiny_lstm, vocab, "I am", n=10, temperature=0.5, seed=3)
    assert a == generate(tiny_lstm, vocab, "I am", n=10, temperature=0.5, seed=3)
    assert a.startswith("i am") and "<" not in a
    assert len(generate(tiny_lstm, vocab, "I", n=2, temperature=1.5).split()) <= 3
    with pytest.raises(CourseError):
        generate(tiny_lstm, vocab, "I am", temperature=0)
    with pytest.raises(CourseError):
        generate(tiny_lstm, vocab, "")


def test_walkthrough(tiny, tiny_lstm):
    vocab, _ = tiny
    rows = walkthrough(tiny_lstm, vocab, "I am going to the market.", k=3)
    assert [r["read"] for r in rows] == ["<bos>", "i", "am", "going", "to", "the", "market", "."]
    assert [r["actual"] for r in rows] == ["i", "am", "going", "to", "the", "market", ".", "<eos>"]
    assert all(len(r["guesses"]) == 3 for r in rows)
    assert rows[5]["guesses"][0][0] == "market" and rows[5]["p_actual"] > 0.4
    with pytest.raises(CourseError):
        walkthrough(tiny_lstm, vocab, "", k=3)


def test_detokenize():
    assert detokenize(["i", "am", "here", "."]) == "i am here."
    assert detokenize(["मैं", "घर", "जा", "रहा", "हूँ", "।"]) == "मैं घर जा रहा हूँ।"


def test_bad_inputs_raise_bilingual_errors(tiny):
    vocab, enc = tiny
    from coursekit.text import Vocab
    bad_calls = [
        lambda: lm_vocab([]), lambda: lm_vocab("one sentence"),
        lambda: encode_sentences("one sentence", vocab), lambda: encode_sentences(["a b"], Vocab(["a"])),
        lambda: sentence_loader([[2]]), lambda: UnigramLM(10, k=-1), lambda: UnigramLM(10).fit([]),
        lambda: BigramLM(10, k=-0.5), lambda: BigramLM(10, lam=1.5),
        lambda: BigramLM(len(vocab)).fit(enc).set_smoothing(k=-1),
        lambda: BigramLM(len(vocab)).fit(enc).set_smoothing(lam=-0.1),
        lambda: WordLSTMLM(10, dropout=1.0), lambda: perplexity(object(), enc),
        lambda: next_word_probs(object(), [2]), lambda: next_word_probs(UnigramLM(len(vocab)).fit(enc), []),
        lambda: suggest(UnigramLM(len(vocab)).fit(enc), vocab, 42),
        lambda: generate(UnigramLM(len(vocab)).fit(enc), vocab, "I am", n=0),
    ]
    for call in bad_calls:
        with pytest.raises(CourseError) as err:
            call()
        hi, en = str(err.value).split("\n", 1)
        assert any("\u0900" <= ch <= "\u097f" for ch in hi) and en


def test_plot_suggestions(tiny):
    import matplotlib

    matplotlib.use("Agg")
    from coursekit.langmodel import plot_suggestions

    vocab, enc = tiny
    s = suggest(BigramLM(len(vocab), k=0.1).fit(enc), vocab, "I am going to the", k=3)
    ax = plot_suggestions(s, "test")
    assert ax.get_title() == "test" and len(ax.patches) == 3
    assert [t.get_text() for t in ax.get_yticklabels()] == [w for w, _ in s][::-1]


# ------------------------------------------------------------------ counting models on another vocabulary (notebook 10)

def _small_bigram(never_next=(0,)):
    from coursekit.text import Vocab

    vocab = Vocab.build([["a", "b", "a", "c"], ["a", "b"]])            # <pad> <unk> a b c: no <bos> here
    assert vocab.itos == ["<pad>", "<unk>", "a", "b", "c"]
    return BigramLM(len(vocab), k=0.0, never_next=never_next).fit([[2, 3, 2, 4], [2, 3]])


def test_bigram_on_a_vocabulary_without_bos_guesses_by_hand():
    from coursekit.ngram import top_guesses

    bi = _small_bigram()
    # after a: b twice, c once; after b: a once; c is never followed: the unigram (b 2, a 1, c 1 of 4 targets)
    assert bi.probs[2, 3].item() == pytest.approx(2 / 3) and bi.probs[2, 4].item() == pytest.approx(1 / 3)
    assert top_guesses(bi, 2, 3) == [3, 4]                   # a word never seen after "a" is not guessed
    assert top_guesses(bi, 2, 1) == [3]
    assert top_guesses(bi, 3, 3) == [2]
    assert top_guesses(bi, 4, 3) == [3, 2, 4]                # the unigram; the tie a / c goes to the smaller index
    # with the default (<pad> and <bos> of an lm_vocab), index 2 would be a <bos> that never comes next
    assert 2 not in top_guesses(_small_bigram(never_next=(0, 2)), 3, 3)
    with pytest.raises(CourseError, match="never_next needs indices"):
        BigramLM(5, never_next=(7,))
    with pytest.raises(CourseError, match="k must be a positive integer"):
        top_guesses(bi, 2, 0)


def test_top_k_accuracy_counts_real_targets_only():
    from coursekit.ngram import top_k_accuracy

    bi = _small_bigram()
    X = torch.tensor([[2, 3, 2], [2, 0, 0]])                  # pairs a→b, b→a, a→c, a→b; the rest is padding
    Y = torch.tensor([[3, 2, 4], [3, 0, 0]])
    assert top_k_accuracy(bi, X, Y, k=1) == 3 / 4             # a→c is missed: after a, b is the one guess
    assert top_k_accuracy(bi, X, Y, k=2) == 1.0
    with pytest.raises(CourseError, match="all padding"):
        top_k_accuracy(bi, X, torch.zeros_like(Y))
    with pytest.raises(CourseError, match="same shape"):
        top_k_accuracy(bi, X, Y[:1])


def test_sampling_probs_and_prefix_ids(tiny):
    from coursekit.langmodel import prefix_ids, sampling_probs
    from coursekit.text import BOS, PAD, UNK

    vocab, enc = tiny[0], tiny[1]
    ids = prefix_ids(vocab, "I am going to the")
    assert ids == vocab.encode(sentence_tokens("I am going to the")[:-1]) and ids[0] == vocab[BOS]
    bi = BigramLM(len(vocab), k=0.1).fit(enc)
    p = next_word_probs(bi, ids)
    banned = [vocab[t] for t in (PAD, BOS, UNK)]
    allowed = torch.ones(len(vocab), dtype=torch.bool)
    allowed[banned] = False
    p1 = sampling_probs(bi, vocab, ids, 1.0)
    assert (p1[banned] == 0).all() and torch.allclose(p1[allowed], p[allowed] / p[allowed].sum())
    p_half = sampling_probs(bi, vocab, ids, 0.5)                  # p_T ∝ p^(1/T) = p²
    assert torch.allclose(p_half[allowed], p[allowed] ** 2 / (p[allowed] ** 2).sum())


def test_train_lm_ignores_the_padding_it_is_told():
    torch.manual_seed(0)
    model = WordLSTMLM(8, emb_dim=4, hidden_size=4, dropout=0.0)
    x = torch.tensor([[2, 4, 5, 6], [2, 5, 7, 7]])
    y = torch.tensor([[4, 5, 6, 3], [5, 3, 7, 7]])                 # 7 pads the second row here, not 0
    hist = train_lm(model, (x, y), (x, y), epochs=1, lr=0.0, early_stopping=None, progress=False, device="cpu",
                    pad_index=7)
    with torch.no_grad():
        logits = model(x).reshape(-1, 8)
    by_hand = torch.nn.functional.cross_entropy(logits, y.reshape(-1), ignore_index=7).item()
    padded_counted = torch.nn.functional.cross_entropy(logits, y.reshape(-1)).item()
    assert hist["val_loss"][0] == pytest.approx(by_hand, rel=1e-5) and by_hand != pytest.approx(padded_counted)
