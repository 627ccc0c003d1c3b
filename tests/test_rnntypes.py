"""Tests of coursekit.rnntypes: the shapes of the five types, packing equal to running each sequence alone,
greedy decoding (length, stopping, agreement with teacher forcing), bilingual errors, and the diagrams."""
import matplotlib
import pytest
import torch
from torch import nn

from coursekit.i18n import CourseError
from coursekit.rnntypes import (
    BOS_INDEX,
    EOS_INDEX,
    KINDS,
    PAD_INDEX,
    Decoder,
    ManyToManyTagger,
    ManyToOne,
    OneToMany,
    OneToOne,
    Seq2Seq,
    final_hidden_states,
    number_to_words,
    parse_tagged,
    plot_rnn_type,
    plot_rnn_types,
    run_packed,
)

matplotlib.use("Agg")
SIZES = [(1, 1), (2, 5), (5, 3), (7, 9)]      # (batch, time steps)


def _tokens(batch, steps, vocab=20, seed=0):
    """A padded batch of token indices ≥ 4 (not a special), with random lengths, the first one full."""
    g = torch.Generator().manual_seed(seed)
    lengths = torch.randint(1, steps + 1, (batch,), generator=g)
    lengths[0] = steps
    x = torch.randint(4, vocab, (batch, steps), generator=g)
    x[torch.arange(steps)[None, :] >= lengths[:, None]] = PAD_INDEX
    return x, lengths


# ---------------------------------------------------------------- shapes

@pytest.mark.parametrize("batch,steps", SIZES)
@pytest.mark.parametrize("cell", ["rnn", "gru", "lstm"])
def test_shapes_of_every_type(batch, steps, cell):
    torch.manual_seed(0)
    x, lengths = _tokens(batch, steps)
    assert OneToOne(6, 4)(torch.randn(batch, 6)).shape == (batch, 4)
    assert ManyToOne(3, 8, vocab_size=20, cell=cell)(x, lengths).shape == (batch, 3)
    assert ManyToOne(3, 8, vocab_size=20, cell=cell, num_layers=2, bidirectional=True)(x, lengths).shape == (batch, 3)
    assert ManyToOne(10, 8, in_features=5, cell=cell)(torch.randn(batch, steps, 5)).shape == (batch, 10)
    assert ManyToManyTagger(6, 8, vocab_size=20, cell=cell)(x, lengths).shape == (batch, steps, 6)
    targets, _ = _tokens(batch, steps + 2, vocab=12, seed=1)                         # a different length
    assert Seq2Seq(12, 8, src_vocab_size=20, cell=cell)(x, lengths, targets).shape == (batch, steps + 2, 12)
    video = Seq2Seq(12, 8, in_features=16, cell=cell)
    tokens, out_lengths = video.generate(torch.randn(batch, steps, 16), max_len=4)
    assert tokens.shape[0] == batch and 1 <= tokens.shape[1] <= 4 and out_lengths.shape == (batch,)
    one_to_many = OneToMany(6, 12, 8, cell=cell)
    assert one_to_many(torch.randn(batch, 6), targets).shape == (batch, steps + 2, 12)
    tokens, out_lengths = one_to_many.generate(torch.randn(batch, 6), max_len=5)
    assert tokens.shape[0] == batch and tokens.shape[1] <= 5 and int(out_lengths.max()) == tokens.shape[1]


def test_the_sources_keras_model_is_many_to_one():
    """SimpleRNN(128, return_sequences=True) → SimpleRNN(64) → Dense(10) on (batch, 100, 50): one output."""
    torch.manual_seed(0)
    first, second = nn.RNN(50, 128, batch_first=True), nn.RNN(128, 64, batch_first=True)
    x = torch.randn(2, 100, 50)
    seq, _ = first(x)                                    # return_sequences=True: (2, 100, 128)
    _, h = second(seq)                                   # only the last state: (1, 2, 64)
    assert seq.shape == (2, 100, 128) and h.shape == (1, 2, 64)
    assert nn.Linear(64, 10)(h[-1]).shape == (2, 10)


def test_one_to_one_is_a_plain_feed_forward_layer():
    torch.manual_seed(0)
    model = OneToOne(5, 3, hidden=4)
    x = torch.randn(6, 5)
    c = model.cell
    by_hand = model.head(torch.tanh(x @ c.weight_ih.T + c.bias_ih + c.bias_hh))   # W_hh is never used
    assert torch.allclose(model(x), by_hand, atol=1e-6)
    model(x).sum().backward()
    assert torch.count_nonzero(c.weight_hh.grad) == 0 and torch.count_nonzero(c.weight_ih.grad) > 0


# ---------------------------------------------------------------- packing

@pytest.mark.parametrize("seed", range(4))
@pytest.mark.parametrize("cell,bidirectional", [("rnn", False), ("gru", False), ("lstm", False), ("gru", True)])
def test_packed_final_state_equals_each_sequence_alone(seed, cell, bidirectional):
    g = torch.Generator().manual_seed(seed)
    batch, steps, feat, hidden = (int(v) for v in torch.randint(2, 9, (4,), generator=g))
    torch.manual_seed(seed)
    rnn = {"rnn": nn.RNN, "gru": nn.GRU, "lstm": nn.LSTM}[cell](feat, hidden, batch_first=True,
                                                                   bidirectional=bidirectional)
    x = torch.randn(batch, steps, feat, generator=g)
    lengths = torch.randint(1, steps + 1, (batch,), generator=g)
    lengths[0], lengths[1] = steps, 1                       # one full and one very short sequence, unsorted
    x[torch.arange(steps)[None, :] >= lengths[:, None]] = 0.0     # zero pads: the padded run still goes wrong
    s = final_hidden_states(rnn, x, lengths)
    assert all(v.shape == (batch, hidden * (2 if bidirectional else 1)) for v in s.values())
    assert torch.allclose(s["packed"], s["one_by_one"], atol=1e-6)
    short = lengths < steps
    assert not torch.allclose(s["padded"][short], s["one_by_one"][short], atol=1e-3)   # the pads changed it
    assert torch.allclose(s["padded"][~short], s["one_by_one"][~short], atol=1e-6)     # full rows are right
    gathered_ok = torch.allclose(s["padded_gathered"], s["one_by_one"], atol=1e-6)
    assert gathered_ok == (not bidirectional)


def test_models_with_lengths_equal_each_sequence_alone():
    torch.manual_seed(0)
    x, lengths = _tokens(6, 7, seed=3)
    targets, _ = _tokens(6, 4, vocab=12, seed=4)
    clf, tagger = ManyToOne(3, 8, vocab_size=20, bidirectional=True), ManyToManyTagger(5, 8, vocab_size=20)
    s2s = Seq2Seq(12, 8, src_vocab_size=20)
    out_clf, out_tag, out_s2s = clf(x, lengths), tagger(x, lengths), s2s(x, lengths, targets)
    for i, n in enumerate(lengths.tolist()):
        alone = x[i:i + 1, :n]
        assert torch.allclose(out_clf[i], clf(alone)[0], atol=1e-6)
        assert torch.allclose(out_tag[i, :n], tagger(alone)[0], atol=1e-6)
        assert torch.allclose(out_s2s[i], s2s(alone, None, targets[i:i + 1])[0], atol=1e-6)


def test_run_packed_gives_zeros_at_pads_and_accepts_lists():
    torch.manual_seed(0)
    rnn = nn.GRU(3, 4, batch_first=True)
    out, h_n = run_packed(rnn, torch.randn(3, 5, 3), [5, 2, 3])
    assert out.shape == (3, 5, 4) and h_n.shape == (1, 3, 4)
    assert torch.all(out[1, 2:] == 0) and torch.all(out[2, 3:] == 0)
    assert torch.allclose(out[1, 1], h_n[0, 1], atol=1e-6)


def test_many_to_one_learns_through_packing():
    """Label = whether the *last real* token is 5 (it sits at a different step in every row); a few seconds."""
    torch.manual_seed(0)
    x, lengths = _tokens(64, 6, vocab=8, seed=5)
    last = x[torch.arange(64), lengths - 1]
    y = (last == 5).long()
    model = ManyToOne(2, 16, vocab_size=8)
    opt = torch.optim.Adam(model.parameters(), lr=0.03)
    for _ in range(60):
        opt.zero_grad()
        loss = nn.functional.cross_entropy(model(x, lengths), y)
        loss.backward()
        opt.step()
    assert (model(x, lengths).argmax(1) == y).float().mean() == 1.0


# ---------------------------------------------------------------- greedy decoding

def _decoder(eos_bias):
    torch.manual_seed(0)
    dec = Decoder(vocab_size=9, hidden=6, emb_dim=4)
    with torch.no_grad():
        dec.head.bias[EOS_INDEX] = eos_bias
    return dec


def test_greedy_stops_at_once_when_every_sequence_says_eos():
    tokens, lengths = _decoder(100.0).generate(torch.randn(1, 4, 6), max_len=10)
    assert tokens.tolist() == [[EOS_INDEX]] * 4 and lengths.tolist() == [1] * 4


def test_greedy_runs_max_len_without_eos_and_never_picks_pad_or_bos():
    tokens, lengths = _decoder(-100.0).generate(torch.randn(1, 3, 6), max_len=7)
    assert tokens.shape == (3, 7) and lengths.tolist() == [7, 7, 7]
    assert not torch.isin(tokens, torch.tensor([PAD_INDEX, BOS_INDEX, EOS_INDEX])).any()


@pytest.mark.parametrize("seed", range(5))
def test_greedy_pads_after_eos_and_agrees_with_teacher_forcing(seed):
    torch.manual_seed(seed)
    dec = Decoder(vocab_size=6, hidden=8, emb_dim=4)
    with torch.no_grad():
        dec.head.bias[EOS_INDEX] = 1.0                   # EOS likely but not certain: different lengths
    state = torch.randn(1, 8, 8)
    tokens, lengths = dec.generate(state, max_len=6)
    assert tokens.shape[1] <= 6 and int(lengths.max()) == tokens.shape[1]
    for row, n in zip(tokens, lengths.tolist()):
        assert torch.all(row[n:] == PAD_INDEX)
        assert (row[n - 1] == EOS_INDEX) or n == 6
        assert not (row[:n - 1] == EOS_INDEX).any()
    logits = dec(state, tokens)                          # feed the greedy choices back as "true" targets
    logits[..., [PAD_INDEX, BOS_INDEX]] = float("-inf")
    again = logits.argmax(-1)
    for i, n in enumerate(lengths.tolist()):
        assert torch.equal(again[i, :n], tokens[i, :n])


# ---------------------------------------------------------------- errors

def _bilingual(exc_info):
    msg = str(exc_info.value)
    assert any("\u0900" <= ch <= "\u097f" for ch in msg) and any("a" <= ch <= "z" for ch in msg)


@pytest.mark.parametrize("make_call", [
    lambda: ManyToOne(2, 4, vocab_size=10, cell="transformer"),
    lambda: ManyToOne(2, 4),                                                   # neither vocab_size nor in_features
    lambda: ManyToOne(2, 4, vocab_size=10, in_features=3),
    lambda: ManyToOne(2, 4, vocab_size=10)(torch.ones(2, 3, dtype=torch.long), [3]),       # wrong batch size
    lambda: ManyToOne(2, 4, vocab_size=10)(torch.ones(2, 3, dtype=torch.long), [3, 0]),    # an empty sequence
    lambda: ManyToOne(2, 4, vocab_size=10)(torch.ones(2, 3, dtype=torch.long), [4, 2]),    # longer than T
    lambda: ManyToOne(2, 4, vocab_size=10)(torch.ones(2, 3, dtype=torch.long), [3.0, 2.0]),
    lambda: ManyToOne(2, 4, vocab_size=10)(torch.randn(2, 3)),                 # floats where tokens are expected
    lambda: ManyToOne(2, 4, vocab_size=10)(torch.full((2, 3), 10)),            # index outside the vocabulary
    lambda: ManyToOne(2, 4, in_features=5)(torch.randn(2, 3, 4)),              # wrong number of features
    lambda: ManyToManyTagger(3, 4, vocab_size=10)(torch.ones(3, dtype=torch.long)),
    lambda: OneToOne(5, 2)(torch.randn(2, 3, 5)),
    lambda: OneToMany(5, 9, 4)(torch.randn(2, 4), torch.ones(2, 3, dtype=torch.long)),
    lambda: OneToMany(5, 9, 4)(torch.randn(2, 5), torch.randn(2, 3)),
    lambda: OneToMany(5, 9, 4).generate(torch.randn(2, 5), max_len=0),
    lambda: plot_rnn_type("two_to_three"),
    lambda: plot_rnn_type("many_to_one", steps=1),
    lambda: parse_tagged("Savani/PROPN is laughing/VERB"),
    lambda: number_to_words(1000),
])
def test_bad_inputs_raise_bilingual_errors(make_call):
    with pytest.raises(CourseError) as exc_info:
        make_call()
    _bilingual(exc_info)


# ---------------------------------------------------------------- diagrams and data helpers

@pytest.mark.parametrize("kind", [*KINDS, "seq2seq", "Many-to-One", "one to many"])
def test_plot_rnn_type_returns_a_figure(kind):
    import matplotlib.pyplot as plt

    fig = plot_rnn_type(kind)
    ax = fig.axes[0]
    assert isinstance(fig, matplotlib.figure.Figure) and ax.get_title() and ax.get_xlabel()
    assert len(ax.patches) >= 3                            # at least an input, a cell and an output box
    plt.close(fig)


def test_plot_rnn_types_shows_all_kinds():
    import matplotlib.pyplot as plt

    fig = plot_rnn_types()
    titles = [ax.get_title() for ax in fig.axes]
    assert len(titles) == len(KINDS) and all(KINDS[k][0] in t for k, t in zip(KINDS, titles))
    plt.close(fig)


@pytest.mark.parametrize("n,words", [(0, "zero"), (7, "seven"), (13, "thirteen"), (40, "forty"),
                                     (42, "forty two"), (100, "one hundred"), (305, "three hundred and five"),
                                     (999, "nine hundred and ninety nine")])
def test_number_to_words(n, words):
    assert number_to_words(n) == words


def test_parse_tagged_lowercases_and_normalises():
    assert parse_tagged("Savani/PROPN is/AUX laughing/VERB") == (["savani", "is", "laughing"], ["PROPN", "AUX", "VERB"])
    composed, decomposed = "पढ़/VERB", "पढ\u093c/VERB"              # ढ़ as one code point, or ढ + nukta
    assert parse_tagged(composed)[0] == parse_tagged(decomposed)[0]
