"""coursekit.text (tokeniser, vocabulary, one-hot, padding) and the loaders of coursekit.corpora."""
import pytest
import torch

from coursekit import corpora
from coursekit.i18n import CourseError
from coursekit.text import DANDA, Vocab, is_punct, naive_split, one_hot, pad_batch, sentences, tokenize


def test_naive_split_glues_the_danda_to_the_word():
    assert naive_split("मैं घर जा रहा हूँ।") == ["मैं", "घर", "जा", "रहा", "हूँ।"]


def test_tokenize_splits_off_danda_and_keeps_matras():
    toks = tokenize("मैं घर जा रहा हूँ। क्या आप चलेंगे?")
    assert toks == ["मैं", "घर", "जा", "रहा", "हूँ", DANDA, "क्या", "आप", "चलेंगे", "?"]
    # a conjunct with virama and a nukta stay inside one word
    assert tokenize("क्षमा कीजिए, ज़रूर") == ["क्षमा", "कीजिए", ",", "ज़रूर"]
    assert tokenize("हूँ।", keep_punct=False) == ["हूँ"]


def test_tokenize_normalises_unicode_and_case():
    decomposed = "\u0915\u093c"          # क + nukta (two code points)
    composed = "\u0958"                  # क़ (one code point)
    assert tokenize(decomposed) == tokenize(composed)
    assert tokenize("The Movie wasn't GOOD.") == ["the", "movie", "wasn't", "good", "."]
    assert tokenize("The Movie", lower=False) == ["The", "Movie"]


def test_is_punct_and_sentences():
    assert is_punct(DANDA) and is_punct("?!") and not is_punct("good") and not is_punct("")
    assert sentences("आज धूप है। चलो बाहर चलें! OK? yes.") == ["आज धूप है।", "चलो बाहर चलें!", "OK?", "yes."]


def test_vocab_orders_by_frequency_and_maps_unknowns():
    v = Vocab.build([["a", "b", "b"], ["c", "b", "a"]])
    assert v.itos == ["<pad>", "<unk>", "b", "a", "c"]
    assert v.encode(["a", "zzz"]) == [3, 1]
    assert v.decode([2, 4]) == ["b", "c"]
    assert len(v) == 5 and "b" in v and "zzz" not in v
    assert v.pad_index == 0 and v.unk_index == 1
    small = Vocab.build([["a", "b", "b"], ["c", "b", "a"]], min_freq=2, max_size=1)
    assert small.itos == ["<pad>", "<unk>", "b"]


def test_vocab_errors_are_bilingual():
    with pytest.raises(CourseError, match="tokenize"):
        Vocab.build(["a sentence, not tokens"])
    v = Vocab.build([["a"]])
    with pytest.raises(CourseError, match="tokenize"):
        v.encode("a")
    with pytest.raises(CourseError, match="outside"):
        v.decode([99])
    with pytest.raises(CourseError, match="<unk>"):
        Vocab(["a"], specials=("<pad>",)).encode(["b"])
    assert Vocab(["a"], specials=("<pad>",)).encode(["a"]) == [1]   # known words need no <unk>
    with pytest.raises(CourseError, match="string"):
        tokenize(5)


def test_one_hot_and_errors():
    oh = one_hot([2, 0], 4)
    assert oh.tolist() == [[0, 0, 1, 0], [1, 0, 0, 0]] and oh.dtype == torch.float32
    assert one_hot(torch.zeros(3, 5, dtype=torch.long), 7).shape == (3, 5, 7)
    with pytest.raises(CourseError, match="between 0 and 3"):
        one_hot([4], 4)


def test_pad_batch():
    x, lengths = pad_batch([[5, 6, 7], [8]], pad_index=0)
    assert x.tolist() == [[5, 6, 7], [8, 0, 0]] and lengths.tolist() == [3, 1]
    x, lengths = pad_batch([[5, 6, 7], [8]], max_len=2)
    assert x.tolist() == [[5, 6], [8, 0]] and lengths.tolist() == [2, 1]
    with pytest.raises(CourseError):
        pad_batch([])
    with pytest.raises(CourseError, match="empty"):
        pad_batch([[1], []])


@pytest.fixture
def tiny_corpora(tmp_path, monkeypatch):
    (tmp_path / "sentiment_en.tsv").write_text(
        "label\tdomain\ttext\n" + "".join(f"{'positive' if i % 2 else 'negative'}\tfood\tsentence {i}\n"
                                          for i in range(200)), encoding="utf-8")
    (tmp_path / "nextword_en.tsv").write_text(
        "domain\ttext\n" + "".join(f"home\tline {i}.\n" for i in range(300)), encoding="utf-8")
    monkeypatch.setattr(corpora, "CORPUS_DIR", tmp_path)
    corpora._read.cache_clear()
    yield tmp_path
    corpora._read.cache_clear()


def test_corpus_splits_are_fixed_by_the_text(tiny_corpora):
    train, test = corpora.load_sentiment("en", "train"), corpora.load_sentiment("en", "test")
    assert len(train) + len(test) == 200 and 20 <= len(test) <= 60
    assert not {t for t, _ in train} & {t for t, _ in test}
    assert {lab for _, lab in train} == {0, 1}
    # the split of a sentence depends on its text only, not on its position in the file
    lines = (tiny_corpora / "sentiment_en.tsv").read_text(encoding="utf-8").splitlines()
    (tiny_corpora / "sentiment_en.tsv").write_text("\n".join([lines[0], *reversed(lines[1:])]) + "\n",
                                                   encoding="utf-8")
    corpora._read.cache_clear()
    assert set(corpora.load_sentiment("en", "test")) == set(test)
    parts = [corpora.load_nextword("en", s) for s in ("train", "val", "test")]
    assert sum(map(len, parts)) == len(corpora.load_nextword("en", "all")) == 300
    assert 200 <= len(parts[0]) <= 270


def test_corpus_errors(tiny_corpora):
    with pytest.raises(CourseError, match="'hi' or 'en'"):
        corpora.load_sentiment("fr")
    with pytest.raises(CourseError, match="split must be"):
        corpora.load_nextword("en", "dev")
    with pytest.raises(CourseError, match="missing"):
        corpora.load_sentiment("hi")
    (tiny_corpora / "sentiment_en.tsv").write_text("label\tdomain\ttext\nmaybe\tfood\tx\n", encoding="utf-8")
    corpora._read.cache_clear()
    with pytest.raises(CourseError, match="unknown label"):
        corpora.load_sentiment("en")
