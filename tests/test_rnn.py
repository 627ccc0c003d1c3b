"""Tests of coursekit.rnn: the NumPy and PyTorch RNNs written by hand against nn.RNN (float64, 1e-6) over random
sizes and layouts, a hand-computed step, the parameter formulas against sum(p.numel()), bilingual errors, the
plots, and the next-word model's helpers."""
import math

import matplotlib
import numpy as np
import pytest
import torch
from torch import nn

from coursekit.i18n import CourseError
from coursekit.rnn import (
    NextWordRNN,
    ScratchRNN,
    copy_rnn_weights,
    next_word_accuracy,
    next_word_tensors,
    numpy_weights,
    plot_hidden_states,
    plot_unrolled_rnn,
    rnn_forward_numpy,
    rnn_num_params,
    rnn_step_numpy,
    sequence_cross_entropy,
    walk_through,
)
from coursekit.text import Vocab

matplotlib.use("Agg")

# (input_size, hidden_size, batch, seq_len): random sizes, fixed by a seed so that a failure can be repeated
_rng = np.random.default_rng(11)
SIZES = [tuple(int(v) for v in _rng.integers(1, 9, size=4)) for _ in range(6)] + [(1, 1, 1, 1), (7, 16, 3, 25)]


def _pair(input_size, hidden_size, batch_first, nonlinearity="tanh", bias=True, seed=0):
    torch.manual_seed(seed)
    ref = nn.RNN(input_size, hidden_size, batch_first=batch_first, nonlinearity=nonlinearity, bias=bias).double()
    mine = ScratchRNN(input_size, hidden_size, batch_first=batch_first, nonlinearity=nonlinearity, bias=bias).double()
    return ref, copy_rnn_weights(ref, mine)


def _inputs(n_in, H, B, T, batch_first, with_h0, seed=1):
    g = torch.Generator().manual_seed(seed)
    x = torch.randn((B, T, n_in) if batch_first else (T, B, n_in), generator=g, dtype=torch.float64)
    h0 = torch.randn(1, B, H, generator=g, dtype=torch.float64) if with_h0 else None   # (num_layers, B, H) always
    return x, h0


@pytest.mark.parametrize("with_h0", [False, True])
@pytest.mark.parametrize("batch_first", [False, True])
@pytest.mark.parametrize("sizes", SIZES, ids=[f"I{a}-H{b}-B{c}-T{d}" for a, b, c, d in SIZES])
def test_scratch_rnn_matches_nn_rnn(sizes, batch_first, with_h0):
    n_in, H, B, T = sizes
    ref, mine = _pair(n_in, H, batch_first)
    x, h0 = _inputs(n_in, H, B, T, batch_first, with_h0)
    out_ref, hn_ref = ref(x, h0)
    out, hn = mine(x, h0)
    assert out.shape == out_ref.shape == ((B, T, H) if batch_first else (T, B, H))
    assert hn.shape == hn_ref.shape == (1, B, H)
    assert torch.allclose(out, out_ref, atol=1e-6, rtol=0)
    assert torch.allclose(hn, hn_ref, atol=1e-6, rtol=0)
    # the gradients agree too: backpropagation through time is the same computation
    (out.sum() + hn.pow(2).sum()).backward()
    (out_ref.sum() + hn_ref.pow(2).sum()).backward()
    for name, p in mine.named_parameters():
        assert torch.allclose(p.grad, getattr(ref, name).grad, atol=1e-6, rtol=0), name


@pytest.mark.parametrize("with_h0", [False, True])
@pytest.mark.parametrize("batch_first", [False, True])
@pytest.mark.parametrize("sizes", SIZES, ids=[f"I{a}-H{b}-B{c}-T{d}" for a, b, c, d in SIZES])
def test_numpy_rnn_matches_nn_rnn(sizes, batch_first, with_h0):
    n_in, H, B, T = sizes
    ref, _ = _pair(n_in, H, batch_first)
    x, h0 = _inputs(n_in, H, B, T, batch_first, with_h0)
    with torch.no_grad():
        out_ref, hn_ref = ref(x, h0)
    out, hn = rnn_forward_numpy(x.numpy(), **numpy_weights(ref), h0=None if h0 is None else h0.numpy(),
                                batch_first=batch_first)
    assert out.shape == tuple(out_ref.shape) and hn.shape == tuple(hn_ref.shape)
    assert np.abs(out - out_ref.numpy()).max() < 1e-6
    assert np.abs(hn - hn_ref.numpy()).max() < 1e-6


@pytest.mark.parametrize("nonlinearity, bias", [("relu", True), ("tanh", False), ("relu", False)])
def test_relu_and_no_bias_variants_match(nonlinearity, bias):
    ref, mine = _pair(4, 6, True, nonlinearity=nonlinearity, bias=bias)
    x, h0 = _inputs(4, 6, 3, 7, True, True)
    assert torch.allclose(mine(x, h0)[0], ref(x, h0)[0], atol=1e-6)
    out, hn = rnn_forward_numpy(x.numpy(), **numpy_weights(ref), h0=h0.numpy(), batch_first=True,
                                nonlinearity=nonlinearity)
    assert np.abs(out - ref(x, h0)[0].detach().numpy()).max() < 1e-6
    assert dict(mine.named_parameters()).keys() == dict(ref.named_parameters()).keys()


def test_unbatched_input_like_nn_rnn():
    ref, mine = _pair(3, 5, False)
    x = torch.randn(6, 3, dtype=torch.float64)        # (seq_len, input_size)
    h0 = torch.randn(1, 5, dtype=torch.float64)       # (num_layers, hidden)
    for args in ((x,), (x, h0)):
        out_ref, hn_ref = ref(*args)
        out, hn = mine(*args)
        assert out.shape == (6, 5) and hn.shape == (1, 5)
        assert torch.allclose(out, out_ref, atol=1e-6) and torch.allclose(hn, hn_ref, atol=1e-6)
        o_np, h_np = rnn_forward_numpy(x.numpy(), **numpy_weights(ref), h0=None if len(args) == 1 else h0.numpy())
        assert np.abs(o_np - out_ref.detach().numpy()).max() < 1e-6 and h_np.shape == (1, 5)


def test_parameter_names_and_shapes_are_nn_rnn_s():
    ref, mine = nn.RNN(10, 20), ScratchRNN(10, 20)
    assert {k: tuple(v.shape) for k, v in mine.named_parameters()} == \
        {k: tuple(v.shape) for k, v in ref.named_parameters()} == \
        {"weight_ih_l0": (20, 10), "weight_hh_l0": (20, 20), "bias_ih_l0": (20,), "bias_hh_l0": (20,)}
    bound = 1 / math.sqrt(20)
    # PyTorch's uniform(-1/√H, 1/√H) init: inside the bound, and reaching close to it on both sides (not all zeros)
    assert all(p.abs().max() <= bound for p in mine.parameters())
    assert all(p.max() > 0.8 * bound and p.min() < -0.8 * bound for p in mine.parameters())


def test_hand_computed_step():
    # x = [1, 2], h_prev = [0.5, -1], W_ih = [[1, 0], [0, 1]], W_hh = [[1, 1], [0, 2]], b_ih = [0.1, 0], b_hh = [0, -0.1]
    W_ih, W_hh = np.array([[1.0, 0.0], [0.0, 1.0]]), np.array([[1.0, 1.0], [0.0, 2.0]])
    h = rnn_step_numpy([1.0, 2.0], [0.5, -1.0], W_ih, W_hh, [0.1, 0.0], [0.0, -0.1])
    # a = W_ih x + W_hh h + b = [1 + (0.5 - 1) + 0.1, 2 + (-2) - 0.1] = [0.6, -0.1]
    assert np.allclose(h, np.tanh([0.6, -0.1]))


def test_two_biases_act_as_one():
    ref, mine = _pair(3, 4, False)
    with torch.no_grad():
        mine.bias_ih_l0.copy_(ref.bias_ih_l0 + ref.bias_hh_l0)   # b_h = b_ih + b_hh
        mine.bias_hh_l0.zero_()
    x, _ = _inputs(3, 4, 2, 5, False, False)
    assert torch.allclose(mine(x)[0], ref(x)[0], rtol=0, atol=1e-12)


@pytest.mark.parametrize("n_in, H, layers, bias, bidir", [
    (10, 20, 1, True, False), (8, 16, 1, False, False), (1, 1, 1, True, False), (5, 3, 2, True, False),
    (7, 32, 3, True, True), (4, 6, 2, False, True), (300, 128, 1, True, True)])
def test_rnn_num_params_is_pytorch_s(n_in, H, layers, bias, bidir):
    model = nn.RNN(n_in, H, num_layers=layers, bias=bias, bidirectional=bidir)
    count = rnn_num_params(n_in, H, num_layers=layers, bias=bias, bidirectional=bidir)
    assert count == sum(p.numel() for p in model.parameters())


@pytest.mark.parametrize("n_in, H, n_out", [(10, 20, 0), (5, 3, 1), (5, 3, 3), (50, 64, 1000)])
def test_textbook_count_has_one_bias(n_in, H, n_out):
    n = rnn_num_params(n_in, H, textbook=True, output_size=n_out)
    assert n == H * n_in + H * H + H + n_out * H + n_out
    assert rnn_num_params(n_in, H) - rnn_num_params(n_in, H, textbook=True) == H   # PyTorch's second bias
    with_head = nn.ModuleList([nn.RNN(n_in, H), nn.Linear(H, n_out)]) if n_out else nn.RNN(n_in, H)
    assert sum(p.numel() for p in with_head.parameters()) == n + H


def test_rnn_num_params_does_not_depend_on_sequence_length():
    rnn = ScratchRNN(4, 8)
    before = sum(p.numel() for p in rnn.parameters())
    rnn(torch.randn(3, 2, 4)), rnn(torch.randn(300, 2, 4))
    assert before == sum(p.numel() for p in rnn.parameters()) == rnn_num_params(4, 8)


@pytest.mark.parametrize("call, words", [
    (lambda: ScratchRNN(0, 4), "input_size"),
    (lambda: ScratchRNN(3, 4, nonlinearity="sigmoid"), "nonlinearity"),
    (lambda: ScratchRNN(3, 4)(torch.randn(5, 2, 7)), "input_size = 3"),
    (lambda: ScratchRNN(3, 4)(torch.randn(2, 3, 5, 3)), "x must have shape"),
    (lambda: ScratchRNN(3, 4, batch_first=True)(torch.randn(2, 5, 3), torch.zeros(2, 1, 4)), "even with batch_first"),
    (lambda: rnn_forward_numpy(np.zeros((5, 2, 3)), np.zeros((4, 3)), np.zeros((4, 4)), h0=np.zeros((2, 4))), "h0"),
    (lambda: rnn_forward_numpy(np.zeros(5), np.zeros((4, 3)), np.zeros((4, 4))), "3 dimensions"),
    (lambda: rnn_step_numpy(np.zeros((2, 5)), np.zeros((2, 4)), np.zeros((4, 3)), np.zeros((4, 4))), "input_size = 3"),
    (lambda: rnn_step_numpy(np.zeros((2, 3)), np.zeros((2, 4)), np.zeros((4, 3)), np.zeros((3, 3))), "W_hh"),
    (lambda: rnn_step_numpy(np.zeros((2, 3)), np.zeros((3, 4)), np.zeros((4, 3)), np.zeros((4, 4))), "h_prev"),
    (lambda: copy_rnn_weights(nn.RNN(3, 4, num_layers=2), ScratchRNN(3, 4)), "one-layer"),
    (lambda: copy_rnn_weights(nn.RNN(3, 5), ScratchRNN(3, 4)), "sizes differ"),
    (lambda: numpy_weights(nn.LSTM(3, 4)), "nn.RNN"),
    (lambda: rnn_num_params(10, 0), "hidden_size"),
    (lambda: rnn_num_params(10, 20, textbook=True, output_size=-1), "output_size"),
    (lambda: rnn_num_params(10, 20, num_layers=2, textbook=True), "textbook=True"),
    (lambda: plot_unrolled_rnn(3, tokens=["a", "b"]), "tokens"),
    (lambda: plot_hidden_states(np.zeros((4, 3, 2))), "(T, hidden)"),
    (lambda: plot_hidden_states(np.zeros((4, 3)), tokens=["a"]), "one token per time step"),
    (lambda: NextWordRNN(10)(torch.zeros(2, 3)), "LongTensor"),
])
def test_bad_inputs_raise_bilingual_errors(call, words):
    with pytest.raises(CourseError) as info:
        call()
    err = info.value
    assert words in err.en
    assert any("\u0900" <= ch <= "\u097f" for ch in err.hi)        # the Hindi half is in Devanagari
    assert str(err) == f"{err.hi}\n{err.en}"


def _texts(ax):
    return [t.get_text() for t in ax.get_xticklabels()]


def test_plot_unrolled_rnn_draws_both_views_with_labels():
    tokens = ["n_in", "am", "going", "to", "the"]
    fig = plot_unrolled_rnn(5, tokens=tokens)
    folded, unrolled = fig.axes
    for ax in fig.axes:
        assert ax.get_title() and ax.get_xlabel()
    assert _texts(unrolled)[1:] == tokens
    texts = [t.get_text() for t in unrolled.texts]
    assert {"$x_{1}$", "$h_{5}$", "$y_{3}$", "$h_0$"} <= set(texts)
    assert texts.count("$W_{hh}$") == 5 and texts.count("$W_{xh}$") == 5 and texts.count("$W_{hy}$") == 5
    assert "$W_{hh}$" in [t.get_text() for t in folded.texts]
    no_y = plot_unrolled_rnn(3, show_outputs=False).axes[1]
    assert not any(t.get_text().startswith("$y") for t in no_y.texts)
    assert [t.get_text() for t in no_y.get_xticklabels()][1:] == ["t = 1", "t = 2", "t = 3"]
    matplotlib.pyplot.close("all")


def test_plot_hidden_states_heat_map():
    H = torch.tanh(torch.randn(5, 1, 8))               # (T, 1, hidden) from nn.RNN's output is accepted
    fig = plot_hidden_states(H, tokens=["मैं", "बाज़ार", "जा", "रहा", "हूँ"], title="demo")
    ax, cbar = fig.axes
    assert ax.get_title() == "demo" and "time" in ax.get_xlabel() and ax.get_ylabel() == "hidden unit"
    assert _texts(ax) == ["मैं", "बाज़ार", "जा", "रहा", "हूँ"]
    assert cbar.get_ylabel() == "value of h_t"
    assert ax.images[0].get_array().shape == (8, 5)    # rows = hidden units, columns = time
    matplotlib.pyplot.close("all")


def _toy_corpus():
    sents = ["i am going to the market", "i am going to the office", "we are going to the school",
             "i am at home", "we are at school"]
    toks = [s.split() for s in sents]
    return toks, Vocab.build(toks)


def test_next_word_tensors_shift_by_one_word():
    toks, vocab = _toy_corpus()
    X, Y = next_word_tensors(toks + [["alone"]], vocab)      # a one-word sentence has no pair
    assert X.shape == Y.shape == (5, 5)
    assert vocab.decode(X[0].tolist()) == ["i", "am", "going", "to", "the"]
    assert vocab.decode(Y[0].tolist()) == ["am", "going", "to", "the", "market"]
    assert vocab.decode(Y[3].tolist()) == ["am", "at", "home", "<pad>", "<pad>"]


def test_next_word_model_learns_the_toy_corpus_and_walks_through():
    toks, vocab = _toy_corpus()
    X, Y = next_word_tensors(toks, vocab)
    torch.manual_seed(0)
    model = NextWordRNN(len(vocab), embed_dim=8, hidden_size=16)
    assert model(X).shape == (5, 5, len(vocab))
    opt = torch.optim.Adam(model.parameters(), lr=0.05)
    for _ in range(150):
        opt.zero_grad()
        sequence_cross_entropy(model(X), Y, vocab.pad_index).backward()
        opt.step()
    assert next_word_accuracy(model, X, Y, k=3) > 0.9
    H, guesses = walk_through(model, vocab, ["i", "am", "going", "to", "the"], k=3)
    assert H.shape == (5, 16) and len(guesses) == 5 and all(len(g) == 3 for g in guesses)
    assert guesses[1][0][0] == "going" or guesses[1][0][0] == "at"             # after "i am"
    assert {w for w, _ in guesses[-1][:2]} <= {"market", "office", "school"}   # after "... to the"
    assert all(w not in ("<pad>", "<unk>") for g in guesses for w, _ in g)
    assert all(0 < p <= 1 for g in guesses for _, p in g)
    assert torch.allclose(H, model.rnn(model.embed(torch.tensor([vocab.encode(toks[0][:5])])))[0][0])


def test_sequence_cross_entropy_ignores_padding():
    logits = torch.randn(2, 3, 4)
    Y = torch.tensor([[1, 2, 0], [3, 0, 0]])
    keep = Y != 0
    expected = nn.functional.cross_entropy(logits[keep], Y[keep])
    assert torch.allclose(sequence_cross_entropy(logits, Y, 0), expected)
