"""Tests of coursekit.gates: scratch LSTM/GRU against torch.nn, parameter counts, the long-range task."""
import math

import matplotlib
import pytest
import torch
from torch import nn

from coursekit.gates import (
    ScratchGRU,
    ScratchGRUCell,
    ScratchLSTM,
    ScratchLSTMCell,
    copy_weights,
    draw_gru_cell,
    draw_lstm_cell,
    first_token_task,
    gradient_through_time,
    gru_cell_step,
    gru_params,
    lstm_cell_step,
    set_forget_bias,
)
from coursekit.i18n import CourseError
from coursekit.rnn import rnn_num_params
from coursekit.stacked import RNNClassifier

matplotlib.use("Agg")

SIZES = [(1, 1, 1, 1), (3, 5, 2, 7), (10, 4, 6, 3), (7, 16, 3, 12), (2, 33, 5, 4)]   # (I, H, B, T)


def _random_sizes(seed):
    gen = torch.Generator().manual_seed(seed)
    return tuple(int(v) for v in torch.randint(1, 20, (4,), generator=gen))


@pytest.mark.parametrize("sizes", SIZES + [_random_sizes(s) for s in range(5)])
@pytest.mark.parametrize("with_state", [False, True], ids=["zero-state", "given-state"])
@pytest.mark.parametrize("bias", [True, False], ids=["bias", "no-bias"])
def test_scratch_lstm_matches_nn_lstm_float64(sizes, with_state, bias):
    n_in, H, B, T = sizes
    torch.manual_seed(sum(sizes))
    ref = nn.LSTM(n_in, H, batch_first=True, bias=bias).double()
    ours = ScratchLSTM(n_in, H, bias=bias).double()
    ours.load_state_dict(ref.state_dict())               # same names and shapes as layer 0 of nn.LSTM
    x = torch.randn(B, T, n_in, dtype=torch.float64)
    state = (torch.randn(1, B, H, dtype=torch.float64), torch.randn(1, B, H, dtype=torch.float64)) if with_state else None
    out_ref, (h_ref, c_ref) = ref(x, state)
    out, (h, c) = ours(x, state)
    assert out.shape == out_ref.shape == (B, T, H) and h.shape == c.shape == (1, B, H)
    for a, b in ((out, out_ref), (h, h_ref), (c, c_ref)):
        assert torch.allclose(a, b, atol=1e-6, rtol=0)
        assert (a - b).abs().max().item() < 1e-12


@pytest.mark.parametrize("sizes", SIZES + [_random_sizes(s) for s in range(5, 10)])
@pytest.mark.parametrize("with_state", [False, True], ids=["zero-state", "given-state"])
@pytest.mark.parametrize("bias", [True, False], ids=["bias", "no-bias"])
def test_scratch_gru_matches_nn_gru_float64(sizes, with_state, bias):
    n_in, H, B, T = sizes
    torch.manual_seed(sum(sizes) + 1)
    ref = nn.GRU(n_in, H, batch_first=True, bias=bias).double()
    ours = copy_weights(ref, ScratchGRU(n_in, H, bias=bias).double())
    x = torch.randn(B, T, n_in, dtype=torch.float64)
    h0 = torch.randn(1, B, H, dtype=torch.float64) if with_state else None
    out_ref, h_ref = ref(x, h0)
    out, h = ours(x, h0)
    assert out.shape == (B, T, H) and h.shape == (1, B, H)
    assert torch.allclose(out, out_ref, atol=1e-6, rtol=0) and torch.allclose(h, h_ref, atol=1e-6, rtol=0)
    assert (out - out_ref).abs().max().item() < 1e-12


@pytest.mark.parametrize("kind", ["lstm", "gru"])
def test_cells_match_torch_cells_and_gradients(kind):
    torch.manual_seed(3)
    n_in, H, B = 6, 9, 4
    ref = (nn.LSTMCell if kind == "lstm" else nn.GRUCell)(n_in, H).double()
    ours = copy_weights(ref, (ScratchLSTMCell if kind == "lstm" else ScratchGRUCell)(n_in, H).double())
    x = torch.randn(B, n_in, dtype=torch.float64)
    h = torch.randn(B, H, dtype=torch.float64)
    if kind == "lstm":
        c = torch.randn(B, H, dtype=torch.float64)
        a, b = ref(x, (h, c)), ours(x, (h, c))
        assert all(torch.allclose(u, v, rtol=0, atol=1e-12) for u, v in zip(a, b))
        loss_ref, loss = (a[0] * 2 + a[1]).sum(), (b[0] * 2 + b[1]).sum()
    else:
        a, b = ref(x, h), ours(x, h)
        assert torch.allclose(a, b, rtol=0, atol=1e-12)
        loss_ref, loss = a.pow(2).sum(), b.pow(2).sum()
    loss_ref.backward()
    loss.backward()
    grads_ref = {n.removesuffix("_l0"): p.grad for n, p in ref.named_parameters()}
    for name, p in ours.named_parameters():
        assert torch.allclose(p.grad, grads_ref[name.removesuffix("_l0")], rtol=0, atol=1e-10)


def test_parameter_names_and_shapes_are_those_of_layer_0():
    lstm, gru = nn.LSTM(5, 7), nn.GRU(5, 7)
    assert {n: p.shape for n, p in ScratchLSTMCell(5, 7).named_parameters()} == \
        {n: p.shape for n, p in lstm.named_parameters()}
    assert {n: p.shape for n, p in ScratchGRU(5, 7).named_parameters()} == {n: p.shape for n, p in gru.named_parameters()}
    assert ScratchLSTM(5, 7).weight_ih_l0.shape == (28, 5) and ScratchGRU(5, 7).weight_hh_l0.shape == (21, 7)


def test_default_initialisation_is_uniform_within_one_over_sqrt_h():
    torch.manual_seed(0)
    cell = ScratchLSTMCell(10, 25)
    bound = 1 / math.sqrt(25)
    values = torch.cat([p.flatten() for p in cell.parameters()])
    assert values.abs().max() <= bound and values.abs().max() > 0.9 * bound


def test_gate_order_by_hand():
    """H = 1, I = 1, all weights 0: the gates are σ/tanh of the biases alone, in the order i, f, g, o."""
    w_ih, w_hh = torch.zeros(4, 1), torch.zeros(4, 1)
    b_ih, b_hh = torch.tensor([0.0, 100.0, 0.0, 100.0]), torch.zeros(4)   # i = 0.5, f = 1, g = 0, o = 1
    h, c = lstm_cell_step(torch.ones(1, 1), torch.zeros(1, 1), torch.full((1, 1), 0.7), w_ih, w_hh, b_ih, b_hh)
    assert c.item() == pytest.approx(0.7)                                  # f·c + i·g = 1·0.7 + 0.5·0
    assert h.item() == pytest.approx(math.tanh(0.7))                       # o·tanh(c)
    # GRU: z = 1 keeps the old state whatever the candidate is; z = 0 takes the candidate
    w3, zero3 = torch.zeros(3, 1), torch.zeros(3)
    keep = gru_cell_step(torch.ones(1, 1), torch.full((1, 1), 0.3), w3, w3, torch.tensor([0.0, 100.0, 5.0]), zero3)
    take = gru_cell_step(torch.ones(1, 1), torch.full((1, 1), 0.3), w3, w3, torch.tensor([0.0, -100.0, 5.0]), zero3)
    assert keep.item() == pytest.approx(0.3) and take.item() == pytest.approx(math.tanh(5.0))


def test_gru_reset_gate_multiplies_the_hidden_bias_too():
    """PyTorch's n = tanh(W_in x + b_in + r ⊙ (W_hn h + b_hn)): with r = 0 the bias b_hn is switched off too."""
    w_ih, w_hh = torch.zeros(3, 1), torch.zeros(3, 1)
    b_ih = torch.tensor([-100.0, -100.0, 0.0])     # r = 0, z = 0 → h' = n
    b_hh = torch.tensor([0.0, 0.0, 2.0])           # b_hn = 2, multiplied by r = 0
    h = gru_cell_step(torch.zeros(1, 1), torch.zeros(1, 1), w_ih, w_hh, b_ih, b_hh)
    assert h.item() == pytest.approx(0.0, abs=1e-12)


@pytest.mark.parametrize("n_in,H,layers,bi,bias", [(1, 1, 1, False, True), (50, 128, 1, False, True),
                                                (10, 20, 2, False, True), (7, 3, 3, True, True),
                                                (4, 9, 2, True, False), (13, 6, 1, True, True)])
def test_parameter_counts_match_numel(n_in, H, layers, bi, bias):
    for cell, cls in (("rnn", nn.RNN), ("lstm", nn.LSTM), ("gru", nn.GRU)):
        model = cls(n_in, H, num_layers=layers, bidirectional=bi, bias=bias)
        count = rnn_num_params(n_in, H, num_layers=layers, bidirectional=bi, bias=bias, cell=cell)
        assert count == sum(p.numel() for p in model.parameters())


@pytest.mark.parametrize("cell", ["rnn", "lstm", "gru"])
def test_count_options_are_keyword_only(cell):
    # counts once took bias and bidirectional in opposite positional orders: now every option is a keyword
    with pytest.raises(TypeError):
        rnn_num_params(10, 20, 2, True, cell=cell)
    with pytest.raises(TypeError):
        rnn_num_params(10, 20, 2, cell=cell)


def test_practice_15_reference_takes_the_question_s_signature():
    # the question asks for gru_params(input_size, hidden_size, num_layers=1, bidirectional=False)
    assert gru_params(10, 20, 2) == rnn_num_params(10, 20, num_layers=2, cell="gru") == 3 * (200 + 400 + 40) + 3 * (400 + 400 + 40)
    assert gru_params(8, 16, 2, bidirectional=True) == sum(p.numel() for p in nn.GRU(8, 16, 2, bidirectional=True)
                                                         .parameters())


def test_parameter_counts_by_hand_layers_directions_and_bias():
    # hand-computed, not from the shared helper: G blocks of H·I_l + H·H (+ 2H biases) per layer and direction
    assert (rnn_num_params(10, 20, num_layers=2, bidirectional=True)
            == 2 * (20 * 10 + 400 + 40) + 2 * (20 * 40 + 400 + 40) == 3760)
    assert (rnn_num_params(7, 3, num_layers=3, bidirectional=True, cell="lstm")
            == 4 * (2 * (21 + 9 + 6) + 4 * (18 + 9 + 6)) == 816)
    assert (rnn_num_params(4, 9, num_layers=2, bidirectional=True, bias=False, cell="gru")
            == 3 * (2 * (36 + 81) + 2 * (162 + 81)) == 2160)
    assert rnn_num_params(4, 9, num_layers=2, bias=False, cell="gru") == 3 * ((36 + 81) + (81 + 81)) == 837


def test_parameter_counts_by_hand():
    assert rnn_num_params(50, 128, cell="lstm") == 4 * 128 * (50 + 128 + 2) == 92160
    assert rnn_num_params(10, 20, cell="gru") == 1920
    with pytest.raises(CourseError):
        rnn_num_params(0, 5, cell="lstm")
    with pytest.raises(CourseError) as err:
        rnn_num_params(5, 5, cell="transformer")
    assert "cell" in err.value.en and "cell" in err.value.hi


def test_copy_weights_errors_are_bilingual():
    with pytest.raises(CourseError) as err:
        copy_weights(nn.LSTM(4, 5), ScratchGRU(4, 5))           # 4H rows into 3H rows
    assert "shape" in err.value.en and "चाहिए" in err.value.hi
    with pytest.raises(CourseError):
        copy_weights(nn.Linear(4, 5), ScratchLSTM(4, 5))        # no weight_ih at all


def test_bad_input_shapes_raise_course_errors():
    with pytest.raises(CourseError) as err:
        ScratchLSTM(3, 4)(torch.randn(2, 5))                    # missing the time axis
    assert "(batch, time, 3)" in err.value.en
    with pytest.raises(CourseError):
        ScratchGRUCell(3, 4)(torch.randn(2, 6))
    with pytest.raises(CourseError):
        ScratchLSTMCell(3, 4)(torch.randn(2, 5, 3))


def test_set_forget_bias():
    lstm = set_forget_bias(nn.LSTM(3, 4, num_layers=2), 3.0)
    for layer in (0, 1):
        b_ih, b_hh = getattr(lstm, f"bias_ih_l{layer}"), getattr(lstm, f"bias_hh_l{layer}")
        assert torch.all(b_ih[4:8] == 3.0) and torch.all(b_hh[4:8] == 0.0)
    x = torch.zeros(1, 1, 3)
    ours = set_forget_bias(ScratchLSTM(3, 4), 3.0)
    with torch.no_grad():
        ours.weight_ih_l0.zero_()
        ours.weight_hh_l0.zero_()
        ours.bias_ih_l0[:4] = 100.0                                   # i = 1
        ours.bias_ih_l0[8:12] = math.atanh(0.5)                       # g = 0.5
        ours.bias_hh_l0.zero_()
    _, (_, c) = ours(x.expand(1, 2, 3).contiguous())
    f = 1 / (1 + math.exp(-3.0))
    assert torch.allclose(c, torch.full_like(c, 0.5 * f + 0.5), atol=1e-6)   # c2 = f·c1 + i·g, c1 = 0.5
    with pytest.raises(CourseError):
        set_forget_bias(nn.GRU(3, 4))


def test_first_token_task():
    X, y = first_token_task(200, 9, num_classes=3, vocab_size=8, seed=4)
    assert X.shape == (200, 10) and y.shape == (200,) and X.dtype == torch.long
    assert torch.equal(X[:, 0], y) and set(y.tolist()) == {0, 1, 2}
    assert X[:, 1:].min() >= 3 and X[:, 1:].max() <= 7                        # distractors never look like a class
    X2, y2 = first_token_task(200, 9, num_classes=3, vocab_size=8, seed=4)
    assert torch.equal(X, X2) and torch.equal(y, y2)
    with pytest.raises(CourseError):
        first_token_task(10, 5, num_classes=4, vocab_size=4)


def test_gradient_through_time_of_a_layer():
    torch.manual_seed(0)
    rnn = nn.RNN(3, 5, batch_first=True)
    with torch.no_grad():
        rnn.weight_hh_l0.zero_()                         # no recurrence: only the last input reaches h_T
    g = gradient_through_time(rnn, torch.randn(4, 6, 3))
    assert g.shape == (6,) and torch.all(g[:-1] == 0) and g[-1] > 0
    x = torch.randn(2, 7, 3)
    lstm = nn.LSTM(3, 5, batch_first=True)
    g = gradient_through_time(lstm, x)
    e = x.clone().requires_grad_()
    lstm(e)[0][:, -1].sum().backward()
    assert torch.allclose(g, e.grad.norm(dim=2).mean(0))
    assert all(p.grad is None for p in rnn.parameters())       # parameters untouched
    with pytest.raises(CourseError):
        gradient_through_time(lstm, torch.randn(7, 3))


def test_gradient_through_time_of_a_classifier_and_forget_bias_effect():
    X, y = first_token_task(64, 30, seed=1)
    norms = {}
    for fb in (0.0, 3.0):
        torch.manual_seed(0)
        model = RNNClassifier(12, 4, hidden_size=16, cell="lstm")
        if fb:
            set_forget_bias(model.rnn, fb)
        g = gradient_through_time(model, X, y)
        assert g.shape == (31,)
        norms[fb] = (g[0] / g[-1]).item()
    assert norms[3.0] > 1e3 * norms[0.0]            # open forget gates carry the gradient back in time
    with pytest.raises(CourseError):
        gradient_through_time(model, X)


def test_diagrams_draw():
    import matplotlib.pyplot as plt

    fig, axes = plt.subplots(1, 2)
    assert "LSTM" in draw_lstm_cell(axes[0]).get_title()
    assert "GRU" in draw_gru_cell(axes[1]).get_title()
    assert len(axes[0].patches) > 10 and len(axes[1].patches) > 10
    plt.close(fig)
