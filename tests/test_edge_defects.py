"""The library's edge defects, one test each (every one failed on the code before its fix): labels out of range,
float64 kept where it was rounded to float32, non-contiguous weights, kernels larger than the image, another device,
parameter-count flags given by position, and k larger than the vocabulary."""
import math

import numpy as np
import pytest
import torch
import torch.nn.functional as F

from coursekit import conv, deepnets, forecast, gates, metrics, ngram, rnn, rnntypes
from coursekit.i18n import CourseError
from coursekit.text import Vocab

# ----------------------------------------------------------------------------- metrics.confusion_matrix

@pytest.mark.parametrize("y_true, y_pred, words", [
    ([-1, 0, 1], [0, 0, 1], "every label of y_true must be between 0 and"),
    ([0, 1, 1], [0, -1, 1], "every label of y_pred must be between 0 and"),
    ([0, 1], [0, 1, 1], "same length"),
    ([0, 1, 2], [0, 1], "same length"),
])
def test_confusion_matrix_refuses_negative_labels_and_unequal_lengths(y_true, y_pred, words):
    with pytest.raises(CourseError, match=words) as err:
        metrics.confusion_matrix(y_true, y_pred)
    assert "चाहिए" in err.value.hi                          # and a Hindi sentence beside it


def test_confusion_matrix_with_num_classes_refuses_a_label_too_large():
    with pytest.raises(CourseError, match="between 0 and 2"):
        metrics.confusion_matrix([0, 3], [0, 1], num_classes=3)
    assert metrics.confusion_matrix([0, 2], [0, 1], num_classes=3).tolist() == [[1, 0, 0], [0, 0, 0], [0, 1, 0]]


# ----------------------------------------------------------------------------- forecast.rmse / mae in float64

def test_rmse_and_mae_of_large_levels_are_exact():
    pred, truth = np.array([1e8 + 1, 1e8 + 2]), np.array([1e8, 1e8])
    assert forecast.mae(pred, truth) == 1.5                 # float32 would round every value to 1e8: 0.0
    assert forecast.rmse(pred, truth) == pytest.approx(math.sqrt(2.5), rel=0, abs=1e-15)
    assert forecast.mae(torch.tensor(pred), torch.tensor(truth)) == 1.5


# ----------------------------------------------------------------------------- conv

def test_conv2d_accepts_a_non_contiguous_weight():
    torch.manual_seed(0)
    w = torch.randn(3, 2, 3, 3).transpose(2, 3).contiguous().transpose(2, 3)
    x = torch.randn(1, 2, 6, 6)
    assert not w.is_contiguous()
    for f in (conv.conv2d, conv.conv2d_naive):
        assert torch.allclose(f(x, w), F.conv2d(x, w), rtol=0, atol=1e-5)


@pytest.mark.parametrize("f", [conv.conv2d, conv.conv2d_naive])
def test_kernel_larger_than_the_image_is_a_clear_error(f):
    with pytest.raises(CourseError, match=r"the kernel \(3\) is larger than the padded input") as err:
        f(torch.randn(1, 1, 2, 2), torch.randn(1, 1, 3, 3))
    assert "बड़ा" in err.value.hi
    assert f(torch.randn(1, 1, 2, 2), torch.randn(1, 1, 3, 3), padding=1).shape == (1, 1, 2, 2)   # fits with padding


@pytest.mark.parametrize("f", [conv.conv2d, conv.conv2d_naive])
def test_conv2d_output_stays_on_the_input_s_device(f):
    # the meta device stands in for a GPU: the result must be built where the input lives (old: on the CPU)
    x, w, b = (torch.empty(s, device="meta") for s in ((2, 3, 5, 5), (4, 3, 3, 3), (4,)))
    out = f(x, w, b, padding=1)
    assert out.device.type == "meta" and out.shape == (2, 4, 5, 5)


@pytest.mark.skipif(not torch.cuda.is_available(), reason="needs a GPU")
def test_conv2d_naive_on_cuda_equals_f_conv2d():
    torch.manual_seed(0)
    x, w, b = torch.randn(2, 3, 7, 6).cuda(), torch.randn(4, 3, 3, 2).cuda(), torch.randn(4).cuda()
    for f in (conv.conv2d, conv.conv2d_naive):
        out = f(x, w, b, stride=2, padding=1)
        assert out.is_cuda and torch.allclose(out, F.conv2d(x, w, b, stride=2, padding=1), rtol=0, atol=1e-4)


# ----------------------------------------------------------------------------- ngram.UnigramLM

def test_unigram_add_k_is_not_rounded_to_float32():
    lm = ngram.UnigramLM(6, k=0.01).fit([[2, 4, 5, 3], [2, 4, 3]])
    # add k to every possible target (the words with a probability), then normalise: float64 by hand
    mask = (lm.probs > 0).double()
    c = lm.counts.double() * mask + 0.01 * mask
    assert lm.probs.dtype == torch.float64
    assert torch.equal(lm.probs, c / c.sum())


# ----------------------------------------------------------------------------- parameter counts: one function

def test_one_rnn_num_params_with_keyword_only_flags():
    for cell in ("rnn", "lstm", "gru"):
        with pytest.raises(TypeError):
            rnn.rnn_num_params(10, 20, 2, True, cell=cell)   # a flag by position could be read as the other one
        with pytest.raises(TypeError):
            rnn.rnn_num_params(10, 20, 2, cell=cell)         # so could a layer count
    assert not hasattr(gates, "lstm_num_params") and not hasattr(gates, "gru_num_params")
    assert rnn.rnn_num_params(10, 20, num_layers=2, bidirectional=True) == 3760
    assert rnn.rnn_num_params(10, 20, num_layers=2, bias=False, bidirectional=True) == 3760 - 4 * 2 * 20


# ----------------------------------------------------------------------------- float64 is kept

def test_sigmoid_derivative_keeps_float64():
    x = torch.linspace(-30, 30, 61, dtype=torch.float64, requires_grad=True)
    d = deepnets.sigmoid_derivative(x.detach())
    torch.sigmoid(x).sum().backward()
    assert d.dtype == torch.float64
    assert torch.allclose(d, x.grad, rtol=0, atol=1e-16)
    assert deepnets.sigmoid_derivative(0) == 0.25                          # plain numbers still work
    assert deepnets.sigmoid_derivative(torch.tensor([0])).dtype == torch.get_default_dtype()


@pytest.mark.parametrize("make, x", [
    (lambda: rnntypes.ManyToOne(3, 5, in_features=4), lambda: (torch.randn(2, 6, 4),)),
    (lambda: rnntypes.ManyToOne(3, 5, in_features=4, num_layers=2, bidirectional=True),
     lambda: (torch.randn(2, 6, 4), torch.tensor([6, 3]))),
    (lambda: rnntypes.ManyToManyTagger(3, 5, in_features=4), lambda: (torch.randn(2, 6, 4),)),
    (lambda: rnntypes.Seq2Seq(7, 5, in_features=4), lambda: (torch.randn(2, 6, 4), None, torch.randint(4, 7, (2, 3)))),
    (lambda: rnntypes.OneToMany(4, 7, hidden=5), lambda: (torch.randn(2, 4), torch.randint(4, 7, (2, 3)))),
])
def test_feature_models_run_in_float64(make, x):
    torch.manual_seed(0)
    model, args = make(), x()
    out32 = model(*args)
    model.double()
    out64 = model(*[a.double() if a is not None and a.is_floating_point() else a for a in args])
    assert out32.dtype == torch.float32 and out64.dtype == torch.float64
    assert torch.allclose(out64.float(), out32, rtol=0, atol=1e-5)
    assert "inputs._like" not in model.state_dict()                    # the dtype probe is not saved


# ----------------------------------------------------------------------------- k larger than the vocabulary

def _tiny_model():
    vocab = Vocab(["a", "b", "c"])                                    # <pad>, <unk>, a, b, c
    torch.manual_seed(0)
    return rnn.NextWordRNN(len(vocab), embed_dim=3, hidden_size=4), vocab


def test_next_word_accuracy_with_k_beyond_the_vocabulary():
    model, vocab = _tiny_model()
    X, Y = torch.tensor([[2, 3, 4]]), torch.tensor([[3, 4, 0]])
    assert rnn.next_word_accuracy(model, X, Y, k=len(vocab)) == 1.0
    assert rnn.next_word_accuracy(model, X, Y, k=len(vocab) + 5) == 1.0  # every word is in the "top k"
    top1 = model(X).argmax(-1)
    assert rnn.next_word_accuracy(model, X, Y, k=1) == float((top1 == Y)[Y != 0].double().mean())
    with pytest.raises(CourseError, match="k must be a positive integer"):
        rnn.next_word_accuracy(model, X, Y, k=0)


def test_walk_through_with_k_beyond_the_vocabulary_lists_every_word_once():
    model, vocab = _tiny_model()
    H, guesses = rnn.walk_through(model, vocab, ["a", "b"], k=50)
    assert H.shape == (2, 4)
    for g in guesses:                                       # <pad> and <unk> are never guessed: a, b, c remain
        assert sorted(w for w, _ in g) == ["a", "b", "c"]
        assert [p for _, p in g] == sorted((p for _, p in g), reverse=True)
    with pytest.raises(CourseError, match="k must be a positive integer"):
        rnn.walk_through(model, vocab, ["a"], k=0)
