"""Tests of coursekit.stacked: Keras/PyTorch parameter formulas, StackedRNN == nn.RNN(num_layers), the classifier."""
import matplotlib
import pytest
import torch
from torch import nn

from coursekit.i18n import CourseError
from coursekit.rnn import rnn_num_params
from coursekit.stacked import (
    RNNClassifier,
    StackedRNN,
    draw_stacked_rnn,
    keras_dense_params,
    keras_simple_rnn_params,
    repeat_count_task,
    source_model_table,
)

matplotlib.use("Agg")


def test_keras_counts_of_the_source_model_by_hand():
    assert keras_simple_rnn_params(50, 128) == 128 * 50 + 128 * 128 + 128 == 22912
    assert keras_simple_rnn_params(128, 64) == 64 * 128 + 64 * 64 + 64 == 12352
    assert keras_dense_params(64, 10) == 650
    # independently of the formula (Keras is not installed): a SimpleRNN has kernel (I, H), recurrent_kernel (H, H)
    # and one bias (H,): the weights of nn.RNN without its second bias vector; a Dense layer is an nn.Linear
    for n_in, units in ((50, 128), (128, 64), (1, 1), (7, 3)):
        rnn = nn.RNN(n_in, units)
        assert keras_simple_rnn_params(n_in, units) == sum(p.numel() for p in rnn.parameters()) - rnn.bias_hh_l0.numel()
    assert keras_dense_params(64, 10) == sum(p.numel() for p in nn.Linear(64, 10).parameters())
    rows = source_model_table()
    total = rows[-1]
    assert (total["keras"], total["torch"], total["diff"]) == (35914, 36106, 192)
    assert [r["diff"] for r in rows] == [128, 64, 0, 192]        # one extra bias vector per recurrent layer


def test_source_model_table_matches_a_torch_model():
    rnn1, rnn2, dense = nn.RNN(50, 128, batch_first=True), nn.RNN(128, 64, batch_first=True), nn.Linear(64, 10)
    counts = [sum(p.numel() for p in m.parameters()) for m in (rnn1, rnn2, dense)]
    rows = source_model_table(50, (128, 64), 10)
    assert [r["torch"] for r in rows] == [*counts, sum(counts)]


@pytest.mark.parametrize("cls,cell", [(nn.RNN, "rnn"), (nn.GRU, "gru"), (nn.LSTM, "lstm")])
@pytest.mark.parametrize("n_in,H,layers,bi,bias", [(1, 1, 1, False, True), (5, 8, 3, False, True),
                                                (5, 8, 2, True, True), (12, 3, 4, True, False),
                                                (30, 17, 1, False, False)])
def test_torch_formula_matches_numel(cls, cell, n_in, H, layers, bi, bias):
    model = cls(n_in, H, num_layers=layers, bidirectional=bi, bias=bias)
    count = rnn_num_params(n_in, H, num_layers=layers, bidirectional=bi, bias=bias, cell=cell)
    assert count == sum(p.numel() for p in model.parameters())


@pytest.mark.parametrize("bad", [0, -3, 2.5, True, "8"])
def test_formulas_reject_bad_sizes(bad):
    with pytest.raises(CourseError) as err:
        rnn_num_params(bad, 4)
    assert "positive integer" in err.value.en and "धनात्मक" in err.value.hi
    with pytest.raises(CourseError):
        keras_simple_rnn_params(4, bad)


@pytest.mark.parametrize("kind", ["rnn", "gru", "lstm"])
@pytest.mark.parametrize("layers", [1, 2, 3])
def test_stacked_rnn_equals_multilayer_module(kind, layers):
    torch.manual_seed(layers)
    cls = {"rnn": nn.RNN, "gru": nn.GRU, "lstm": nn.LSTM}[kind]
    multi = cls(6, 10, num_layers=layers, batch_first=True).double()
    stack = StackedRNN(6, [10] * layers, kind=kind).double().load_from(multi)
    x = torch.randn(4, 9, 6, dtype=torch.float64)
    out_m, state_m = multi(x)
    out_s, states = stack(x)
    assert out_s.shape == (4, 9, 10)
    assert torch.allclose(out_m, out_s, rtol=0, atol=1e-12)
    h_m = state_m[0] if kind == "lstm" else state_m                        # (layers, B, H)
    h_s = torch.cat([s[0] if kind == "lstm" else s for s in states])       # (layers, B, H)
    assert torch.allclose(h_m, h_s, rtol=0, atol=1e-12)
    assert torch.allclose(h_m[-1], out_m[:, -1], rtol=0, atol=1e-12)               # the top layer's last output


def test_stacked_rnn_different_sizes_and_dropout():
    torch.manual_seed(0)
    stack = StackedRNN(5, [16, 8, 4], dropout=0.5)
    assert [tuple(layer.weight_ih_l0.shape) for layer in stack.layers] == [(16, 5), (8, 16), (4, 8)]
    x = torch.randn(3, 7, 5)
    stack.train()
    a, b = stack(x)[0], stack(x)[0]
    assert not torch.allclose(a, b)                                        # dropout between layers is random
    stack.eval()
    assert torch.equal(stack(x)[0], stack(x)[0])                           # and off in eval mode
    assert stack(x)[0].shape == (3, 7, 4)


def test_stacked_rnn_errors():
    with pytest.raises(CourseError):
        StackedRNN(5, [])
    with pytest.raises(CourseError) as err:
        StackedRNN(5, [4], kind="transformer")
    assert "kind" in err.value.en
    stack = StackedRNN(5, [4, 4])
    with pytest.raises(CourseError):
        stack.load_from(nn.RNN(5, 4, num_layers=3))
    with pytest.raises(CourseError):
        stack.load_from(nn.GRU(5, 4, num_layers=2))
    with pytest.raises(CourseError) as err:
        stack(torch.randn(3, 5))
    assert "(batch, time, 5)" in err.value.en


@pytest.mark.parametrize("kind", ["rnn", "gru", "lstm"])
@pytest.mark.parametrize("bi", [False, True])
def test_classifier_shapes_and_last_state(kind, bi):
    torch.manual_seed(0)
    model = RNNClassifier(7, 3, hidden_size=6, num_layers=2, cell=kind, embed_dim=5, bidirectional=bi)
    x = torch.randint(0, 7, (4, 11))
    logits = model(x)
    assert logits.shape == (4, 3)
    out, _ = model.rnn(model.embedding(x))                                 # (B, T, D·H)
    last = torch.cat([out[:, -1, :6], out[:, 0, 6:]], 1) if bi else out[:, -1]
    assert torch.allclose(logits, model.out(last), atol=1e-6)
    with pytest.raises(CourseError):
        model(x.float())


def test_repeat_count_task_by_hand():
    X, y = repeat_count_task(500, seq_len=10, vocab_size=3, seed=2)
    assert X.shape == (500, 10) and y.shape == (500,)
    for row, label in zip(X[:50], y[:50]):
        r = sum(int(row[t] == row[t - 1]) for t in range(1, 10))
        assert label.item() == (0 if r <= 2 else 1 if r <= 4 else 2)
    assert set(y.tolist()) == {0, 1, 2}
    assert torch.equal(repeat_count_task(500, 10, 3, seed=2)[0], X)
    with pytest.raises(CourseError):
        repeat_count_task(10, seq_len=1)


def test_draw_stacked_rnn():
    import matplotlib.pyplot as plt

    ax = draw_stacked_rnn(3, 5)
    assert len(ax.patches) >= 15
    plt.close(ax.figure)
