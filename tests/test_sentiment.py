"""Tests of coursekit.sentiment and of the sentiment corpus it is trained on (notebook 16)."""
import csv
from collections import Counter

import pytest
import torch
from torch import nn

from coursekit.corpora import CORPUS_DIR, load_contrast, load_sentiment, sentiment_records
from coursekit.i18n import CourseError
from coursekit.sentiment import (
    BagOfWords,
    NgramLogReg,
    RNNClassifier,
    RNNConfig,
    build_vocab,
    contrast_scores,
    encode,
    encode_batch,
    make_loader,
    predict_probs,
    predict_sentiment,
    split_train_val,
    train_classifier,
    tune_logreg,
)

TOY = [("movie was good", 1), ("movie was bad", 0), ("movie was not good", 0), ("फ़िल्म अच्छी थी।", 1)]


# ------------------------------------------------------------------------------------------- the corpus
@pytest.mark.parametrize("lang", ["hi", "en"])
def test_corpus_size_balance_and_domains(lang):
    recs = sentiment_records(lang)
    assert len(recs) >= 600
    labels = Counter(r["label"] for r in recs)
    assert set(labels) == {0, 1}
    assert abs(labels[0] - labels[1]) <= 0.02 * len(recs)                 # balanced within 2 %
    domains = Counter(r["domain"] for r in recs)
    assert set(domains) == {"film", "food", "product", "service", "travel"}
    assert min(domains.values()) >= 0.15 * len(recs)                       # spread across the domains
    test = load_sentiment(lang, "test")
    assert 0.12 * len(recs) <= len(test) <= 0.28 * len(recs)               # about 20 % held out
    assert set(y for _, y in test) == {0, 1}


@pytest.mark.parametrize("lang", ["hi", "en"])
def test_corpus_file_is_clean(lang):
    path = CORPUS_DIR / f"sentiment_{lang}.tsv"
    with open(path, encoding="utf-8", newline="") as f:
        lines = f.read().split("\n")
    assert lines[0] == "id\tlabel\tdomain\ttext"
    rows = [line.split("\t") for line in lines[1:] if line]
    assert all(len(r) == 4 for r in rows)                                  # no tab inside a text
    assert {r[1] for r in rows} == {"positive", "negative"}
    assert len({r[0] for r in rows}) == len(rows)                          # every id once
    with open(path, encoding="utf-8", newline="") as f:
        texts = [r["text"] for r in csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE)]
    assert len(texts) == len(rows)
    normalised = [t.strip().lower() for t in texts]
    assert len(set(normalised)) == len(normalised)                         # no duplicate sentence
    lengths = [len(t.split()) for t in texts]
    assert min(lengths) >= 3 and max(lengths) <= 30
    if lang == "hi":                                                        # written in Devanagari
        assert all(any("\u0900" <= ch <= "\u097f" for ch in t) for t in texts)
        assert sum(t.endswith("।") for t in texts) > 0.7 * len(texts)


@pytest.mark.parametrize("lang", ["hi", "en"])
def test_no_sentence_in_both_train_and_test(lang):
    train = {t for t, _ in load_sentiment(lang, "train")}
    test = {t for t, _ in load_sentiment(lang, "test")}
    assert train and test and not train & test
    assert len(train) + len(test) == len(load_sentiment(lang, "all"))


@pytest.mark.parametrize("lang", ["hi", "en"])
def test_corpus_has_negations(lang):
    texts = [t for t, _ in load_sentiment(lang, "all")]
    word = "नहीं" if lang == "hi" else "not"
    negated = [t for t in texts if word in t.lower().split() or f"{word}," in t.lower()]
    assert len(negated) >= 30


# ---------------------------------------------------------------------------------- vocabulary, batches
def test_vocab_from_training_sentences_only():
    vocab = build_vocab([t for t, _ in TOY[:2]])
    assert vocab.itos[:2] == ["<pad>", "<unk>"]
    assert vocab.itos[2:4] == ["movie", "was"]                             # most frequent first
    assert "not" not in vocab                                               # only in the third sentence
    assert encode(["movie was not good"], vocab) == [[2, 3, 1, vocab["good"]]]
    with pytest.raises(CourseError):
        build_vocab("movie was good")


def test_encode_batch_pads_at_the_end():
    vocab = build_vocab([t for t, _ in TOY])
    x = encode_batch(["movie was good", "bad"], vocab)
    assert x.shape == (2, 3) and x.dtype == torch.long
    assert x[1, 1:].tolist() == [0, 0]
    assert encode_batch(["फ़िल्म अच्छी थी।"], vocab).shape == (1, 4)          # "।" is a token of its own
    with pytest.raises(CourseError):
        encode(["   "], vocab)


def test_make_loader_batches_and_is_reproducible():
    vocab = build_vocab([t for t, _ in TOY])
    first = [y.tolist() for _, y in make_loader(TOY, vocab, batch_size=3, shuffle=True, seed=5)]
    again = [y.tolist() for _, y in make_loader(TOY, vocab, batch_size=3, shuffle=True, seed=5)]
    assert first == again and sorted(sum(first, [])) == [0, 0, 1, 1]
    x, y = next(iter(make_loader(TOY, vocab, batch_size=4)))
    assert x.shape == (4, 4) and y.tolist() == [1, 0, 0, 1]


def test_split_train_val_is_a_partition():
    pairs = [(str(i), i % 2) for i in range(40)]
    train, val = split_train_val(pairs, 0.25, seed=1)
    assert len(val) == 10 and len(train) == 30
    assert sorted(train + val) == sorted(pairs)
    assert split_train_val(pairs, 0.25, seed=1) == (train, val)


# ------------------------------------------------------------------------------------------------ models
def test_bag_of_words_counts_and_ignores_order():
    bow = BagOfWords(vocab_size=6)
    x = torch.tensor([[2, 3, 2, 0], [3, 2, 2, 5]])
    c = bow.counts(x)
    assert c.tolist() == [[0, 0, 2, 1, 0, 0], [0, 0, 2, 1, 0, 1]]
    swapped = torch.tensor([[3, 2, 2, 0]])
    assert torch.equal(bow(swapped), bow(x[:1]))                           # same words → same output


@pytest.mark.parametrize("cell", ["rnn", "lstm", "gru"])
@pytest.mark.parametrize("bidirectional", [False, True])
@pytest.mark.parametrize("pool", ["last", "mean", "max"])
def test_padding_does_not_change_the_output(cell, bidirectional, pool):
    torch.manual_seed(0)
    model = RNNClassifier(RNNConfig(vocab_size=20, embed_dim=6, hidden_size=5, cell=cell,
                                    bidirectional=bidirectional, pool=pool, dropout=0.0)).eval()
    short = torch.tensor([[4, 7, 9]])
    padded = torch.tensor([[4, 7, 9, 0, 0, 0]])
    batch = torch.tensor([[4, 7, 9, 0, 0, 0], [3, 5, 8, 2, 11, 6]])
    out = model(short)
    assert out.shape == (1, 2)
    assert torch.allclose(model(padded), out, atol=1e-6)
    assert torch.allclose(model(batch)[:1], out, atol=1e-6)


@pytest.mark.parametrize("cell", ["rnn", "lstm", "gru"])
def test_last_hidden_state_matches_a_step_by_step_loop(cell):
    torch.manual_seed(1)
    model = RNNClassifier(RNNConfig(vocab_size=15, embed_dim=4, hidden_size=3, cell=cell, dropout=0.0)).eval()
    x = torch.tensor([[5, 2, 9, 1]])
    cell_cls = {"rnn": nn.RNNCell, "lstm": nn.LSTMCell, "gru": nn.GRUCell}[cell]
    step = cell_cls(4, 3)
    with torch.no_grad():
        for name in ("weight_ih", "weight_hh", "bias_ih", "bias_hh"):
            getattr(step, name).copy_(getattr(model.rnn, f"{name}_l0"))
        h = torch.zeros(1, 3)
        c = torch.zeros(1, 3)
        for t in range(x.shape[1]):
            e = model.embedding(x[:, t])
            if cell == "lstm":
                h, c = step(e, (h, c))
            else:
                h = step(e, h)
        assert torch.allclose(model.encode(x), h, atol=1e-6)


def test_vanilla_rnn_parameter_count():
    model = RNNClassifier(RNNConfig(vocab_size=5, embed_dim=5, hidden_size=3, cell="rnn"))
    rnn = sum(p.numel() for p in model.rnn.parameters())
    assert rnn == 5 * 3 + 3 * 3 + 3 + 3                                    # W_xh, W_hh, b_ih, b_hh
    assert sum(p.numel() for p in model.out.parameters()) == 3 * 2 + 2


def test_bad_config_and_bad_input_raise_bilingual_errors():
    with pytest.raises(CourseError, match="cell"):
        RNNClassifier(RNNConfig(vocab_size=5, cell="transformer"))
    with pytest.raises(CourseError, match="pool"):
        RNNClassifier(RNNConfig(vocab_size=5, pool="median"))
    model = RNNClassifier(RNNConfig(vocab_size=5))
    with pytest.raises(CourseError, match="long"):
        model(torch.rand(2, 3))
    with pytest.raises(CourseError, match="<pad>"):
        model(torch.tensor([[1, 2], [0, 0]]))


# -------------------------------------------------------------------------------- training, prediction
def _trained_toy_model():
    torch.manual_seed(0)
    pairs = [("good film", 1), ("great food", 1), ("loved it", 1), ("bad film", 0), ("awful food", 0),
             ("hated it", 0), ("अच्छी फ़िल्म।", 1), ("बुरी फ़िल्म।", 0)] * 4
    vocab = build_vocab([t for t, _ in pairs])
    model = RNNClassifier(RNNConfig(vocab_size=len(vocab), embed_dim=8, hidden_size=8, dropout=0.0))
    loader = make_loader(pairs, vocab, batch_size=8, shuffle=True)
    history = train_classifier(model, loader, loader, epochs=40, lr=0.02, patience=None, progress=False,
                               device="cpu")
    return model, vocab, history


def test_training_learns_the_toy_task_and_prediction_handles_unknown_words():
    model, vocab, history = _trained_toy_model()
    assert history["val_acc"][-1] == 1.0
    probs = predict_probs(model, vocab, ["good film", "bad film"])
    assert probs.shape == (2,) and probs[0] > 0.5 > probs[1]
    pred = predict_sentiment(model, vocab, "a good zebra")
    assert pred.label == "positive" and 0.5 <= pred.probability <= 1
    assert pred.unknown == ["a", "zebra"]
    assert "positive" in str(pred) and "zebra" in str(pred)
    pred_hi = predict_sentiment(model, vocab, "बुरी फ़िल्म।")
    assert pred_hi.label == "negative" and pred_hi.probability == pytest.approx(1 - pred_hi.p_positive)


@pytest.mark.parametrize("bad", ["", "   ", 42, None])
def test_predict_sentiment_rejects_empty_or_non_text(bad):
    model = RNNClassifier(RNNConfig(vocab_size=5))
    vocab = build_vocab(["good film"])
    with pytest.raises(CourseError) as err:
        predict_sentiment(model, vocab, bad)
    message = str(err.value)
    assert "my_sentence" in message and any("\u0900" <= ch <= "\u097f" for ch in message)


# ------------------------------------------------------------------------- n-gram baselines, contrast set
NEGATION_TOY = [("good", 1), ("bad", 0), ("not good", 0), ("not bad", 1)]


def test_word_pairs_solve_what_word_counts_cannot():
    texts, labels = [t for t, _ in NEGATION_TOY] * 5, [y for _, y in NEGATION_TOY] * 5
    y = torch.tensor([y for _, y in NEGATION_TOY])
    acc = {}
    for ngrams in ((1, 1), (1, 2)):
        model = NgramLogReg(ngrams, C=100.0).fit(texts, labels)
        p = model.predict_proba([t for t, _ in NEGATION_TOY])
        assert p.shape == (4,) and torch.equal(p, predict_probs(model, None, [t for t, _ in NEGATION_TOY]))
        acc[ngrams] = float(((p >= 0.5).long() == y).float().mean())
    assert acc[(1, 1)] <= 0.75                    # one weight per word cannot get all four right
    assert acc[(1, 2)] == 1.0                     # "not good" and "not bad" are features of their own
    assert NgramLogReg((1, 2)).fit(texts, labels).num_features == 5          # good, bad, not, not good, not bad


def test_tune_logreg_fits_on_train_and_chooses_on_validation():
    train = [("a good film", 1), ("a bad film", 0), ("good songs", 1), ("bad songs", 0)] * 3
    val = [("good acting zebra", 1), ("bad acting", 0)]
    Cs = (0.01, 1.0, 100.0)
    model, rows = tune_logreg(train, val, ngram_range=(1, 1), Cs=Cs)
    assert [r["C"] for r in rows] == list(Cs)
    best = max(rows, key=lambda r: (r["val_acc"], -r["val_loss"]))
    assert model.C == best["C"] and best["val_acc"] == 1.0
    assert "zebra" not in model.vectorizer.vocabulary_ and "acting" not in model.vectorizer.vocabulary_


def test_ngram_logreg_rejects_bad_settings_and_use_before_fit():
    for bad in (dict(ngram_range=(2, 1)), dict(ngram_range=(0, 2)), dict(C=0.0)):
        with pytest.raises(CourseError):
            NgramLogReg(**bad)
    with pytest.raises(CourseError):
        NgramLogReg().predict_proba(["good"])
    with pytest.raises(CourseError):
        NgramLogReg().fit(["good", "bad"], [1, 1])                          # one class only


@pytest.mark.parametrize("lang", ["hi", "en"])
def test_contrast_scores_of_a_bag_of_words_and_of_a_perfect_model(lang):
    rows = load_contrast(lang)
    bow = NgramLogReg((1, 1), C=1.0).fit(*zip(*load_sentiment(lang, "train")))
    scores = contrast_scores(rows, bow.predict_proba([r["text"] for r in rows]))
    assert scores["order"] == 0.5 and scores["order_pairs"] == 0               # same words, same score
    assert scores["order_pairs_total"] == 12 and scores["negation_groups_total"] == 6
    perfect = contrast_scores(rows, [float(r["label"]) for r in rows])
    assert perfect["order"] == perfect["negation"] == 1.0
    assert perfect["order_pairs"] == 12 and perfect["negation_groups"] == 6
    with pytest.raises(CourseError):
        contrast_scores(rows, [0.5])
