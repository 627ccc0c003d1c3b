"""Tests of coursekit.classifiers: the one RNNClassifier of notebooks 14, 15 and 16, its parameters, packing and pooling."""
import pytest
import torch
from torch import nn

from coursekit import sentiment, stacked
from coursekit.classifiers import RNNClassifier, RNNConfig
from coursekit.i18n import CourseError


def test_one_class_under_every_name_the_lessons_use():
    assert stacked.RNNClassifier is sentiment.RNNClassifier is RNNClassifier
    assert sentiment.RNNConfig is RNNConfig


@pytest.mark.parametrize("cell,cls", [("rnn", nn.RNN), ("gru", nn.GRU), ("lstm", nn.LSTM)])
@pytest.mark.parametrize("layers,bi,pad", [(1, False, None), (3, False, None), (2, True, None), (1, True, 0)])
def test_parameters_are_an_embedding_an_rnn_and_a_linear_layer_made_in_that_order(cell, cls, layers, bi, pad):
    # the same seed must give the same weights as building the three layers one after the other: the committed
    # outputs of notebooks 14, 15 and 16 were made with those weights
    torch.manual_seed(7)
    model = RNNClassifier(11, 3, hidden_size=6, num_layers=layers, cell=cell, embed_dim=5, bidirectional=bi,
                          pad_index=pad)
    torch.manual_seed(7)
    embedding = nn.Embedding(11, 5, padding_idx=pad)
    rnn = cls(5, 6, num_layers=layers, batch_first=True, bidirectional=bi)
    out = nn.Linear((2 if bi else 1) * 6, 3)
    expected = [("embedding." + k, v) for k, v in embedding.state_dict().items()]
    expected += [("rnn." + k, v) for k, v in rnn.state_dict().items()]
    expected += [("out." + k, v) for k, v in out.state_dict().items()]
    got = list(model.state_dict().items())
    assert [k for k, _ in got] == [k for k, _ in expected]
    assert all(torch.equal(a, b) for (_, a), (_, b) in zip(got, expected))
    assert sum(p.numel() for p in model.parameters()) == sum(v.numel() for _, v in expected)


def test_parameter_names_and_count_of_notebook_14_s_and_16_s_models():
    deep = RNNClassifier(4, 3, hidden_size=16, num_layers=2, cell="rnn", embed_dim=8)
    assert [n for n, _ in deep.named_parameters()] == [
        "embedding.weight", "rnn.weight_ih_l0", "rnn.weight_hh_l0", "rnn.bias_ih_l0", "rnn.bias_hh_l0",
        "rnn.weight_ih_l1", "rnn.weight_hh_l1", "rnn.bias_ih_l1", "rnn.bias_hh_l1", "out.weight", "out.bias"]
    assert sum(p.numel() for p in deep.parameters()) == 1043          # notebook 14's "2 layers × 16"
    gru = RNNClassifier(RNNConfig(560, 32, 32, cell="gru", bidirectional=True, pool="max", dropout=0.5))
    assert sum(p.numel() for p in gru.parameters()) == 30722          # notebook 16's GRU in Hindi
    assert torch.equal(gru.embedding.weight[0], torch.zeros(32))      # <pad> has a zero vector


@pytest.mark.parametrize("cell", ["rnn", "lstm", "gru"])
@pytest.mark.parametrize("bi", [False, True])
@pytest.mark.parametrize("pool", ["last", "mean", "max"])
def test_packed_and_unpacked_give_the_same_output_when_no_sequence_is_padded(cell, bi, pool):
    torch.manual_seed(0)
    packed = RNNClassifier(9, 2, hidden_size=4, num_layers=2, cell=cell, embed_dim=3, bidirectional=bi, pool=pool,
                           pad_index=0).eval()
    plain = RNNClassifier(9, 2, hidden_size=4, num_layers=2, cell=cell, embed_dim=3, bidirectional=bi, pool=pool).eval()
    plain.load_state_dict(packed.state_dict())
    x = torch.randint(1, 9, (5, 7))                                    # no <pad>: every sequence has all 7 steps
    assert packed.lengths(x).tolist() == [7] * 5 and plain.lengths(x) is None
    assert torch.allclose(packed(x), plain(x), atol=1e-6)
    assert torch.allclose(packed.encode(x), plain.encode(x), atol=1e-6)


def test_without_pad_index_token_0_is_a_word_and_every_step_is_read():
    torch.manual_seed(0)
    model = RNNClassifier(4, 3, hidden_size=5, embed_dim=2).eval()
    x = torch.tensor([[1, 2, 0, 0]])
    out, _ = model.rnn(model.embedding(x))
    assert torch.allclose(model.encode(x), out[:, -1], atol=1e-6)     # the state after both 0 tokens
    assert model.embedding.weight[0].abs().sum() > 0


def test_dropout_acts_on_embeddings_and_before_the_output_and_layer_dropout_between_layers():
    model = RNNClassifier(5, 2, num_layers=2, dropout=0.25, layer_dropout=0.5)
    assert model.dropout.p == 0.25 and model.rnn.dropout == 0.5
    assert RNNClassifier(5, 2, layer_dropout=0.5).rnn.dropout == 0.0   # one layer: nothing between layers


def test_bad_options_and_inputs_raise_bilingual_errors():
    for kw, word in (({"cell": "transformer"}, "cell"), ({"pool": "median"}, "pool"), ({"hidden_size": 0}, "hidden_size")):
        with pytest.raises(CourseError) as err:
            RNNClassifier(5, 2, **kw)
        assert word in err.value.en and word in err.value.hi
    with pytest.raises(CourseError, match="long"):
        RNNClassifier(5, 2)(torch.rand(2, 3))
    with pytest.raises(CourseError, match="<pad>"):
        RNNClassifier(5, 2, pad_index=0)(torch.tensor([[1, 2], [0, 0]]))
