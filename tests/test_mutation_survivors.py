"""Tests for the bugs that the unit tests used to miss (../shared/reviews/mutation.md).

Each test pins one behaviour that a realistic slip changes: a default, a train/eval mode, the top layer of a
multi-layer or bidirectional model, a label, a threshold or a boundary. The comment on each names the review's
mutant id; every test was checked to fail with that mutant applied and to pass on the real code.
Grouped by module.
"""
import matplotlib
import numpy as np
import pandas as pd
import pytest
import torch
import torch.nn.functional as F
from torch import nn

from coursekit.i18n import CourseError

matplotlib.use("Agg")


def _seeded(seed=0):
    torch.manual_seed(seed)
    return torch.Generator().manual_seed(seed)


# ------------------------------------------------------------------ conv


def test_cross_correlate1d_has_every_valid_position():                         # conv-1
    from coursekit.conv import cross_correlate1d

    x, w = [1.0, 2.0, 4.0, 8.0, 16.0], [1.0, -1.0]
    got = cross_correlate1d(x, w)
    np.testing.assert_array_equal(got, [-1.0, -2.0, -4.0, -8.0])            # len(x) - len(w) + 1 outputs
    np.testing.assert_allclose(cross_correlate1d(x, [1.0, 0.5, 2.0]), np.correlate(x, [1.0, 0.5, 2.0], "valid"))


# ------------------------------------------------------------------ batchnorm


def test_batchnorm_default_eps_is_pytorchs():                                 # bn-2
    from coursekit.batchnorm import BatchNorm1dScratch, batchnorm_forward

    g = _seeded()
    x = torch.randn(16, 3, generator=g, dtype=torch.float64) * 1e-2          # variance 1e-4: eps is visible
    gamma = torch.rand(3, generator=g, dtype=torch.float64) + 0.5
    beta = torch.randn(3, generator=g, dtype=torch.float64)
    expected = F.batch_norm(x, None, None, gamma, beta, training=True)       # PyTorch's default eps = 1e-5
    assert torch.allclose(batchnorm_forward(x, gamma, beta), expected, atol=1e-9)
    assert BatchNorm1dScratch(3).eps == nn.BatchNorm1d(3).eps


def test_batchnorm_running_stats_stay_out_of_the_graph():                     # bn-3
    from coursekit.batchnorm import BatchNorm1dScratch

    bn = BatchNorm1dScratch(4).train()
    x = torch.randn(8, 4, requires_grad=True)
    bn(x).sum().backward()
    for name in ("running_mean", "running_var"):
        buf = getattr(bn, name)
        assert not buf.requires_grad and buf.grad_fn is None, name
    assert int(bn.num_batches_tracked) == 1


# ------------------------------------------------------------------ init


@pytest.mark.parametrize("scheme", ["xavier_normal", "xavier_uniform"])
def test_init_weights_passes_the_gain_on(scheme):                            # init-2
    from coursekit.init import init_weights, xavier_std

    torch.manual_seed(0)
    layer = nn.Linear(400, 300)
    init_weights(layer, scheme, gain=5 / 3)
    expected = xavier_std(400, 300, gain=5 / 3)                               # the same Var for both schemes
    assert float(layer.weight.detach().std()) == pytest.approx(expected, rel=0.03)
    assert torch.all(layer.bias == 0)


# ------------------------------------------------------------------ stacked


def test_stacked_rnn_does_not_drop_out_the_top_layer():                      # stk-2
    from coursekit.stacked import StackedRNN

    torch.manual_seed(0)
    model = StackedRNN(3, [6, 5], dropout=0.5).train()
    out, states = model(torch.randn(4, 7, 3))
    assert torch.equal(out[:, -1], states[-1][0])                             # like nn.RNN(dropout=p)


# ------------------------------------------------------------------ bptt


def test_bptt_predict_thresholds_the_probability():                          # bptt-3
    from coursekit.bptt import forward, init_params, predict

    x = np.random.default_rng(0).normal(size=(6, 4, 3))
    params = init_params(3, 5)
    for bias, label in ((20.0, 1), (-20.0, 0)):
        params["b_y"][:] = bias
        assert predict(params, x).tolist() == [label] * 6
    params["b_y"][:] = 0.0
    params["W_hy"] *= 10
    expected = (forward(params, x).p[:, 0] > 0.5).astype(int)
    assert 0 < expected.sum() < 6                                             # both classes occur
    assert predict(params, x).tolist() == expected.tolist()


# ------------------------------------------------------------------ rnntypes


def test_many_to_one_uses_the_top_layer_of_a_bidirectional_stack():          # rt-1
    from coursekit.rnntypes import ManyToOne

    torch.manual_seed(0)
    H = 5
    model = ManyToOne(3, H, in_features=4, num_layers=2, bidirectional=True).eval()
    x = torch.randn(6, 7, 4)
    out, _ = model.rnn(x)                                                     # the top layer's outputs
    expected = model.head(torch.cat([out[:, -1, :H], out[:, 0, H:]], dim=1))
    assert torch.allclose(model(x), expected, atol=1e-6)


def test_teacher_forcing_feeds_the_previous_target():                       # rt-2
    from coursekit.rnntypes import Decoder

    torch.manual_seed(0)
    dec = Decoder(vocab_size=9, hidden=8, emb_dim=4).eval()
    state = torch.randn(1, 3, 8)
    targets = torch.randint(3, 9, (3, 5))
    changed = targets.clone()
    changed[:, 2] = torch.where(targets[:, 2] == 3, 4, 3)                    # another token at step 2 only
    a, b = dec(state, targets), dec(state, changed)
    assert torch.equal(a[:, :3], b[:, :3])                                    # steps 0-2 never see target 2
    assert not torch.allclose(a[:, 3], b[:, 3])                               # step 3 reads it as its input


def test_one_to_many_starts_from_tanh_of_the_input():                        # rt-3
    from coursekit.rnntypes import OneToMany

    torch.manual_seed(0)
    model = OneToMany(4, vocab_size=7, hidden=8, emb_dim=3).eval()
    x = torch.randn(5, 4) * 10                                                # tanh saturates: far from identity
    targets = torch.randint(3, 7, (5, 6))
    expected = model.decoder(torch.tanh(model.init_state(x)).unsqueeze(0), targets)
    assert torch.allclose(model(x, targets), expected, atol=1e-6)


# ------------------------------------------------------------------ langmodel

LM_CORPUS = ["I am going to the market.", "I am going home.", "She is at the market."]


@pytest.fixture(scope="module")
def lm_data():
    from coursekit.lmdata import encode_sentences, lm_vocab

    vocab = lm_vocab(LM_CORPUS, min_freq=1)
    return vocab, encode_sentences(LM_CORPUS, vocab)


def test_bigram_unseen_context_falls_back_to_the_unigram(lm_data):          # lm-1
    from coursekit.ngram import BigramLM, UnigramLM
    from coursekit.text import EOS

    vocab, enc = lm_data
    bi = BigramLM(len(vocab), k=0.0).fit(enc)
    uni = UnigramLM(len(vocab)).fit(enc)
    assert torch.allclose(bi.probs[vocab[EOS]], uni.probs)                    # <eos> is never a context
    assert torch.allclose(bi.probs.sum(1), torch.ones(len(vocab), dtype=torch.float64))


def test_generate_never_samples_unk(lm_data):                                # lm-3
    from coursekit.langmodel import generate
    from coursekit.text import EOS, UNK

    vocab, _ = lm_data

    class MostlyUnknown:
        def next_probs(self, ids):
            p = torch.zeros(len(vocab), dtype=torch.float64)
            p[vocab[UNK]], p[vocab[EOS]] = 0.99, 0.01
            return p

    assert generate(MostlyUnknown(), vocab, "i am", n=5) == "i am"


# ------------------------------------------------------------------ sentiment


@pytest.mark.parametrize("text,expected", [
    ("this film is not good", True),
    ("this film is good", False),
    ("फ़िल्म अच्छी नहीं थी।", True),
    ("फ़िल्म अच्छी थी।", False),
])
def test_has_negation_finds_one_negation_word(text, expected):               # sent-1
    from coursekit.sentiment import guess_language, has_negation

    assert has_negation(text) is expected
    assert guess_language(text) == ("hi" if "थी" in text else "en")


def test_sentiment_last_pool_reads_the_top_layer():                          # sent-2
    from coursekit.sentiment import RNNClassifier, RNNConfig

    torch.manual_seed(0)
    H = 5
    model = RNNClassifier(RNNConfig(vocab_size=20, embed_dim=4, hidden_size=H, num_layers=2, bidirectional=True,
                                    pool="last", dropout=0.0)).eval()
    x = torch.randint(2, 20, (3, 6))                                          # no <pad>: every sentence is full
    out, _ = model.rnn(model.embedding(x))
    assert torch.allclose(model.encode(x), torch.cat([out[:, -1, :H], out[:, 0, H:]], dim=1), atol=1e-6)


# ------------------------------------------------------------------ text


def test_vocab_decode_rejects_one_past_the_end():                            # text-1
    from coursekit.i18n import CourseError
    from coursekit.text import Vocab

    v = Vocab(["a", "b"])
    assert v.decode([len(v) - 1]) == ["b"]
    with pytest.raises(CourseError):
        v.decode([len(v)])
    with pytest.raises(CourseError):
        v.decode([-1])


# ------------------------------------------------------------------ timeseries


def test_fill_gaps_default_weights_by_time():                                # ts-3
    from coursekit.timeseries import fill_gaps

    irregular = pd.Series([0.0, np.nan, 9.0], index=pd.to_datetime(["2020-01-01", "2020-01-02", "2020-01-10"]))
    assert fill_gaps(irregular).tolist() == [0.0, 1.0, 9.0]


# ------------------------------------------------------------------ forecast


def test_linear_ar_ridge_leaves_the_bias_alone():                            # fc-1
    from coursekit.forecast import fit_linear_ar

    X = torch.randn(50, 4, 1, generator=_seeded())
    y = torch.full((50, 1), 100.0)                                            # a pure level: only the bias explains it
    model = fit_linear_ar(X, y, ridge=1e3)
    assert float(model.coef[-1, 0]) == pytest.approx(100.0, abs=0.1)
    assert torch.allclose(model(X), y, atol=0.1)


def test_seasonal_naive_at_accepts_a_target_one_season_in():                 # fc-2
    from coursekit.forecast import seasonal_naive_at
    from coursekit.i18n import CourseError

    assert seasonal_naive_at(np.arange(20.0), [7], season=7).tolist() == [[0.0]]
    with pytest.raises(CourseError):
        seasonal_naive_at(np.arange(20.0), [6], season=7)


# ------------------------------------------------------------------ training


class _ModeSpy(nn.Module):
    """A linear classifier that records whether it ran in training mode."""

    def __init__(self):
        super().__init__()
        self.linear, self.modes = nn.Linear(3, 2), []

    def forward(self, x):
        self.modes.append(self.training)
        return self.linear(x)


def test_fit_validates_and_evaluate_runs_in_eval_mode():                     # tr-1
    from coursekit.training import evaluate, fit

    data = (torch.randn(8, 3, generator=_seeded()), torch.tensor([0, 1] * 4))
    spy = _ModeSpy().train()
    evaluate(spy, data, device="cpu")
    assert spy.modes == [False]
    spy.modes.clear()
    fit(spy, data, data, epochs=1, progress=False, device="cpu")
    assert spy.modes == [True, False]


def test_early_stopping_stops_after_exactly_patience_bad_epochs():          # tr-2
    from coursekit.training import fit

    torch.manual_seed(0)
    model = nn.Linear(3, 2)
    data = (torch.randn(8, 3), torch.tensor([0, 1] * 4))
    hist = fit(model, data, data, epochs=20, optimizer=torch.optim.SGD(model.parameters(), lr=0.0),
               early_stopping=2, progress=False, device="cpu")              # lr 0: epoch 1 stays the best
    assert hist["stopped_early"] and hist["best_epoch"] == 1
    assert len(hist["val_loss"]) == hist["best_epoch"] + 2


# ------------------------------------------------------------------ architectures


def test_basic_block_ends_with_relu():                                       # arch-1
    from coursekit.architectures import BasicBlock

    torch.manual_seed(0)
    out = BasicBlock(8, 8).eval()(torch.randn(2, 8, 6, 6))
    assert (out >= 0).all() and (out > 0).any()


# ------------------------------------------------------------------ plotting


def test_confusion_matrix_counts_sit_in_their_cells():                       # plt-1
    import matplotlib.pyplot as plt

    from coursekit import plotting

    cm = np.array([[5, 1, 0], [2, 7, 3], [0, 4, 9]])
    ax = plotting.plot_confusion_matrix(cm, ["a", "b", "c"], "confusion matrix")
    assert len(ax.texts) == 9
    for t in ax.texts:
        col, row = (int(round(v)) for v in t.get_position())                  # x = predicted, y = true
        assert int(t.get_text()) == cm[row, col]
    plt.close("all")


# ------------------------------------------------------------------ exercises


def test_numeric_default_tolerance_is_a_tenth_of_a_percent():                # ex-2
    from coursekit.exercises import PASS, Numeric
    from coursekit.i18n import T

    q = Numeric("q", T("प्रश्न", "question"), 100.0)
    assert q.grade(100.05).status == PASS                                     # 0.05 % off
    assert q.grade(100.5).status != PASS                                      # 0.5 % off


def test_open_question_marked_done_counts_as_passed(progress_file, capsys):  # prog-2
    from coursekit.exercises import Open
    from coursekit.exercises.progress import summary
    from coursekit.i18n import T

    q = Open("q9", T("प्रश्न", "question"), model_answer=T("आदर्श", "model"))
    q.notebook = "00_welcome"
    q.mark_done()
    assert summary()["00_welcome"]["passed"] == ["q9"]


# ------------------------------------------------------------------ notebook validator


def _nb(tmp_path, cells):
    import nbformat
    from nbformat.v4 import new_markdown_cell, new_notebook

    def md(text, tag):
        c = new_markdown_cell(text)
        if tag:
            c.metadata["tags"] = [tag]
        return c

    path = tmp_path / "01_demo.ipynb"
    nbformat.write(new_notebook(cells=[md(text, tag) for text, tag in cells]), path)
    return path


def test_validator_wants_the_english_twin_right_after_the_hindi_cell(tmp_path):   # nb-2
    from coursekit.tooling.validator import validate

    cells = [("हिंदी", "lang-hi"), ("# 01 · डेमो / Demo", None), ("English", "lang-en")]   # a title between
    path = _nb(tmp_path, cells)
    problems = validate(path, require_outputs=False)
    assert "cell 0: lang-hi cell is not followed by its lang-en twin" in problems, problems


def test_validator_hindi_prose_threshold_in_english_cells(tmp_path):        # nb-3 (the boundary)
    from coursekit.tooling.validator import MAX_DEVANAGARI_IN_EN, validate

    assert MAX_DEVANAGARI_IN_EN == 40
    for n, flagged in ((40, False), (41, True)):
        path = _nb(tmp_path, [("नमस्ते", "lang-hi"), ("Hello " + "क" * n, "lang-en")])
        problems = validate(path, require_outputs=False)
        assert any("contains Hindi prose" in p for p in problems) is flagged, (n, problems)



# ================================================================== found by benchmarks/mutation.py (seed 0)
# Survivors of the first run of the mutation script; each test names the line it guards.


def test_linear_and_count_parameters_respect_bias_and_frozen_layers():       # models: bias else 0; trainable_only
    from coursekit.models import count_parameters, linear_params

    assert linear_params(3, 4, bias=False) == 12 and linear_params(3, 4) == 16
    model = nn.Sequential(nn.Linear(3, 4), nn.Linear(4, 2))
    model[0].requires_grad_(False)
    assert count_parameters(model) == 10 and count_parameters(model, trainable_only=False) == 26


def test_next_word_rnn_reads_each_sentence_alone_and_walks_through_in_eval_mode():   # rnn: batch_first, eval
    from coursekit.rnn import NextWordRNN, walk_through
    from coursekit.text import Vocab

    torch.manual_seed(0)
    vocab = Vocab(["i", "am", "going", "home"])
    model = NextWordRNN(len(vocab), embed_dim=4, hidden_size=6, dropout=0.5).eval()
    x = torch.randint(2, len(vocab), (3, 5))
    assert torch.allclose(model(x)[2], model(x[2:])[0], atol=1e-6)          # rows do not mix
    assert not model.hidden_states([2, 3]).requires_grad                    # no graph: .numpy() works
    model.train()
    first, again = (walk_through(model, vocab, ["i", "am"])[1] for _ in range(2))
    assert first == again and not model.training                             # dropout off


def test_split_points_rejects_every_split_without_three_parts():           # timeseries: < 1, or/and
    from coursekit.i18n import CourseError
    from coursekit.timeseries import split_points

    with pytest.raises(CourseError, match=r"val \+ test < 1"):
        split_points(5, val=0.5, test=0.5)
    for val, test in ((0.0, 0.01), (0.55, 0.44)):                            # an empty test part, an empty train part
        with pytest.raises(CourseError):
            split_points(10, val=val, test=test)


def test_evaluate_and_predict_give_the_exact_mean_loss_without_a_graph():  # training: n_seen = 0, no_grad
    from coursekit.training import evaluate, predict

    torch.manual_seed(0)
    model, X, y = nn.Linear(3, 2), torch.randn(10, 3), torch.tensor([0, 1] * 5)
    assert evaluate(model, (X, y), device="cpu")["loss"] == pytest.approx(F.cross_entropy(model(X), y).item())
    assert not predict(model, X).requires_grad


def test_export_image_folder_checks_labels_and_can_run_twice(tmp_path):    # vision: or/and, exist_ok
    from coursekit.i18n import CourseError
    from coursekit.vision import export_image_folder

    images = np.random.default_rng(0).uniform(size=(2, 3, 4, 4))
    with pytest.raises(CourseError):
        export_image_folder(images, [0], ["a", "b"], tmp_path)              # 2 images, 1 label
    for _ in range(2):
        export_image_folder(images, [0, 1], ["a", "b"], tmp_path)
    assert sorted(p.parent.name for p in tmp_path.rglob("*.png")) == ["a", "b"]


def test_resnet_blocks_are_identity_plus_residual():            # architectures: F(x) + x, residual=True
    from coursekit.architectures import BasicBlock, Bottleneck

    torch.manual_seed(0)
    for block, last_bn in ((BasicBlock(8, 8), "bn2"), (Bottleneck(32, 8), "bn3")):
        block.eval()
        nn.init.zeros_(getattr(block, last_bn).weight)                       # F(x) = 0: the block is ReLU(x)
        x = torch.randn(2, block.conv1.in_channels, 5, 5)
        assert torch.allclose(block(x), torch.relu(x), atol=1e-6), type(block).__name__


def test_read_idx_plain_and_xz(tmp_path):                                   # data: suffix, header length
    import lzma
    import struct

    from coursekit.data import read_idx

    raw = b"\x00\x00\x08\x01" + struct.pack(">I", 2) + bytes([7, 9])         # a 1-D file of 2 bytes
    (tmp_path / "a.idx").write_bytes(raw)
    (tmp_path / "a.idx.xz").write_bytes(lzma.compress(raw))
    for name in ("a.idx", "a.idx.xz"):
        assert read_idx(tmp_path / name).tolist() == [7, 9]


def test_documented_defaults_of_forget_bias_weight_decay_and_many_to_one(monkeypatch):   # gates, sentiment, rnntypes
    from coursekit import sentiment
    from coursekit.gates import set_forget_bias
    from coursekit.rnntypes import ManyToOne

    lstm = set_forget_bias(nn.LSTM(2, 3))
    assert torch.all(lstm.bias_ih_l0[3:6] == 1.0) and torch.all(lstm.bias_hh_l0[3:6] == 0.0)
    model = ManyToOne(3, 8, vocab_size=10)
    assert not model.rnn.bidirectional and model.head.in_features == 8
    seen = {}

    class Spy(torch.optim.AdamW):
        def __init__(self, params, **kw):
            seen.update(kw)
            super().__init__(params, **kw)

    monkeypatch.setattr(torch.optim, "AdamW", Spy)
    data = (torch.randn(4, 3), torch.tensor([0, 1, 0, 1]))
    sentiment.train_classifier(nn.Linear(3, 2), data, data, epochs=1, progress=False, device="cpu")
    assert seen["weight_decay"] == 1e-4


def test_small_valid_sizes_are_accepted_and_zero_sizes_refused():          # deepnets, sentiment, init, stacked
    from coursekit.deepnets import DeepMLP
    from coursekit.i18n import CourseError
    from coursekit.init import xavier_std
    from coursekit.rnn import rnn_num_params
    from coursekit.sentiment import split_train_val

    assert DeepMLP(depth=1, width=4, in_features=3, out_features=2)(torch.randn(5, 3)).shape == (5, 2)
    train, val = split_train_val(list(range(4)), val_fraction=0.1)            # 0.4 rounds to 0: still one
    assert len(val) == 1 and len(train) == 3
    for call in (lambda: xavier_std(3, 0), lambda: rnn_num_params(3, 4, num_layers=0)):
        with pytest.raises(CourseError):
            call()


def test_one_hot_rejects_a_negative_index_among_good_ones():                 # text: min() < 0
    from coursekit.i18n import CourseError
    from coursekit.text import one_hot

    with pytest.raises(CourseError):
        one_hot([2, -1], 4)


def test_predict_probs_runs_in_eval_mode():                                  # sentiment: model.eval()
    from coursekit.sentiment import RNNClassifier, RNNConfig, build_vocab, predict_probs

    torch.manual_seed(0)
    texts = ["a good film", "a bad film", "not good"]
    vocab = build_vocab(texts)
    model = RNNClassifier(RNNConfig(vocab_size=len(vocab), embed_dim=8, hidden_size=8, dropout=0.5)).train()
    assert torch.equal(predict_probs(model, vocab, texts), predict_probs(model, vocab, texts))
    assert not model.training


def test_no_warnings_for_one_layer_dropout_or_metrics_of_model_outputs():  # forecast: num_layers > 1, detach
    import warnings

    from coursekit.forecast import RecurrentForecaster, mae, rmse

    with warnings.catch_warnings():
        warnings.simplefilter("error")
        RecurrentForecaster("gru", num_layers=1, dropout=0.2)                  # dropout only acts between layers
        pred = torch.ones(3, requires_grad=True) * 2                            # a model output, with a graph
        assert rmse(pred, torch.ones(3)) == 1.0 and mae(pred, torch.ones(3)) == 1.0


# ------------------------------------------------------------------ survivors of the sampled mutation run
# (benchmarks/mutation.py): one behaviour each that a one-token slip changed and no test saw


@pytest.mark.parametrize("ours, theirs, size", [("AlexNet", "alexnet", 224), ("resnet18", "resnet18", 64),
                                                ("resnet50", "resnet50", 64)])
def test_architectures_compute_what_torchvision_computes(ours, theirs, size):   # architectures: padding, strides
    import torchvision

    from coursekit import architectures

    g = _seeded(0)
    ref = getattr(torchvision.models, theirs)(weights=None, num_classes=10).eval()
    mine = getattr(architectures, ours)(num_classes=10).eval()
    with torch.no_grad():
        for m in ref.modules():                  # batch norm with statistics that are not 0 and 1
            if isinstance(m, nn.BatchNorm2d):
                m.running_mean.normal_(0, 0.1, generator=g)
                m.running_var.uniform_(0.5, 1.5, generator=g)
        theirs_sd, mine_sd = ref.state_dict(), mine.state_dict()
        assert [tuple(v.shape) for v in theirs_sd.values()] == [tuple(v.shape) for v in mine_sd.values()]
        for a, b in zip(mine_sd.values(), theirs_sd.values()):
            a.copy_(b)
        x = torch.randn(2, 3, size, size, generator=g)
        assert torch.allclose(mine(x), ref(x), rtol=0, atol=1e-5)


@pytest.mark.parametrize("make, shape", [("CIFAR10CNN", (3, 32)), ("PipelineCNN", (3, 32)), ("LeNet5", (1, 32))])
def test_small_cnns_check_every_side_of_the_image(make, shape):             # architectures: or/and in the check
    from coursekit import architectures
    from coursekit.i18n import CourseError

    model = getattr(architectures, make)()
    c, s = shape
    for bad in ((2, c, s, s - 1), (2, c, s - 1, s), (2, c + 1, s, s), (c, s, s)):
        with pytest.raises(CourseError, match="expected input of shape"):
            model(torch.zeros(bad))
    assert model(torch.zeros(2, c, s, s)).shape == (2, 10)


def test_autograd_bptt_refuses_an_unknown_output():                         # bptt: _check_output dropped
    from coursekit import bptt
    from coursekit.i18n import CourseError

    params = bptt.init_params(2, 3, 2, seed=0)
    x, y = np.zeros((1, 2, 2)), np.array([1])
    for f in (bptt.bptt, bptt.autograd_bptt):
        with pytest.raises(CourseError, match="output"):
            f(params, x, y, output="tanh")


def test_fit_default_learning_rate_is_adam_s_1e_3():                        # training: lr default
    from coursekit.training import fit

    g = _seeded(0)
    X, y = torch.randn(64, 3, generator=g), torch.randint(0, 2, (64,), generator=g)
    model = nn.Linear(3, 2)
    before = [p.detach().clone() for p in model.parameters()]
    loader = torch.utils.data.DataLoader(torch.utils.data.TensorDataset(X, y), batch_size=64)
    fit(model, loader, epochs=1, progress=False)                   # one Adam step: every weight moves by ≈ lr
    steps = torch.cat([(p.detach() - b).abs().flatten() for p, b in zip(model.parameters(), before)])
    assert float(steps.max()) == pytest.approx(1e-3, rel=1e-3)


def test_sample_photo_is_colour_by_default():                              # vision: gray default
    from coursekit.vision import sample_photo

    img = sample_photo()
    assert img.ndim == 3 and img.shape[2] == 3 and img.dtype == np.float32
    gray = sample_photo(gray=True)
    assert gray.shape == img.shape[:2]


@pytest.mark.parametrize("load", ["load_fashion_mnist", "load_mnist"])
def test_image_loaders_refuse_an_unknown_split(load):                      # data: _check_split dropped
    from coursekit import data
    from coursekit.i18n import CourseError

    with pytest.raises(CourseError, match="split must be one of"):
        getattr(data, load)("validation")


def test_first_token_task_boundaries():                                     # gates: < 2, <= num_classes
    from coursekit.gates import first_token_task
    from coursekit.i18n import CourseError

    X, y = first_token_task(50, 3, num_classes=2, vocab_size=3)           # the smallest valid task
    assert X.shape == (50, 4) and torch.equal(X[:, 0], y) and set(y.tolist()) == {0, 1}
    assert bool((X[:, 1:] == 2).all())                                    # the one distractor token
    for bad in ({"num_classes": 1}, {"num_classes": 3, "vocab_size": 3}):
        with pytest.raises(CourseError, match="at least 2 classes"):
            first_token_task(5, 3, **bad)


@pytest.mark.parametrize("bad", [[], "the cat sat"])
def test_perplexity_refuses_what_is_not_encoded_sentences(bad):            # lmdata: check_encoded dropped
    from coursekit.i18n import CourseError
    from coursekit.langmodel import perplexity
    from coursekit.ngram import UnigramLM

    lm = UnigramLM(6, k=1.0).fit([[2, 4, 5, 3]])
    with pytest.raises(CourseError, match="run encode_sentences first"):
        perplexity(lm, bad)


def test_documented_defaults_of_the_lesson_models_and_loaders():          # defaults no other test relies on
    from coursekit.conv import conv_params
    from coursekit.deepnets import DeepMLP
    from coursekit.forecast import RecurrentForecaster
    from coursekit.models import MLP

    assert RecurrentForecaster().relative is True                   # forecasts a change from the last value
    assert conv_params(3, 8, 3) == 8 * 3 * 9 + 8                     # bias=True by default
    plain = DeepMLP(depth=3, width=4).eval()                         # residual=False by default: no skip
    assert plain.residual is False
    h = torch.randn(5, 4)
    assert torch.equal(plain.blocks[0](h), plain.blocks[0].linear(plain.blocks[0].act(plain.blocks[0].norm(h))))
    assert [type(m).__name__ for m in MLP(in_features=8, hidden=[4]).net] == ["Linear", "ReLU", "Linear"]  # no Dropout(0)


def test_loaders_keep_the_order_unless_asked_to_shuffle():                # langmodel, sentiment: shuffle=False
    from coursekit.lmdata import sentence_loader
    from coursekit.sentiment import make_loader
    from coursekit.text import Vocab

    encoded = [[2, 4 + i, 3] for i in range(40)]
    firsts = torch.cat([x[:, 1] for x, _ in sentence_loader(encoded, batch_size=8)])
    assert firsts.tolist() == [4 + i for i in range(40)]
    vocab = Vocab([f"w{i}" for i in range(40)])
    pairs = [(f"w{i}", i % 2) for i in range(40)]
    labels = torch.cat([y for _, y in make_loader(pairs, vocab, batch_size=8)])
    assert labels.tolist() == [i % 2 for i in range(40)]


def test_train_forecaster_default_learning_rate():                        # forecast: lr default 3e-3
    from coursekit.forecast import train_forecaster

    g = _seeded(0)
    X, y = torch.randn(32, 5, 1, generator=g), torch.randn(32, 1, generator=g)
    model = nn.Sequential(nn.Flatten(), nn.Linear(5, 1))
    before = [p.detach().clone() for p in model.parameters()]
    train_forecaster(model, (X, y), epochs=1, batch_size=32, clip_grad_norm=None, early_stopping=None, progress=False)
    steps = torch.cat([(p.detach() - b).abs().flatten() for p, b in zip(model.parameters(), before)])
    assert float(steps.max()) == pytest.approx(3e-3, rel=1e-3)       # one Adam step moves each weight by ≈ lr


def test_fashion_cnn_takes_28x28_images():                                 # vision: 64·7·7 features
    from coursekit.vision import FashionCNN

    for bn in (True, False):
        model = FashionCNN(batchnorm=bn).eval()
        assert model(torch.zeros(3, 1, 28, 28)).shape == (3, 10)
        assert [m.in_features for m in model.modules() if isinstance(m, nn.Linear)][0] == 64 * 7 * 7


def test_final_hidden_states_carry_no_graph():                             # rnntypes: no_grad
    from coursekit.rnntypes import final_hidden_states

    rnn = nn.GRU(3, 4, batch_first=True)
    out = final_hidden_states(rnn, torch.randn(2, 5, 3), torch.tensor([5, 2]))
    assert out and all(not v.requires_grad for v in out.values())


def test_metrics_refuse_a_matrix_that_is_not_square():                    # metrics: shape[0] != shape[1]
    from coursekit.i18n import CourseError
    from coursekit.metrics import accuracy, precision_recall

    for f in (accuracy, precision_recall):
        with pytest.raises(CourseError, match="must be square"):
            f(np.ones((2, 3), dtype=int))


def test_load_cifar10_asks_for_the_training_part_by_default(tmp_path, monkeypatch):   # data: train=True
    import torchvision

    from coursekit.data import load_cifar10

    (tmp_path / "cifar-10-batches-py").mkdir()
    seen = []
    monkeypatch.setattr(torchvision.datasets, "CIFAR10", lambda root, train, download, transform: seen.append(train))
    load_cifar10(str(tmp_path))
    load_cifar10(str(tmp_path), train=False)
    assert seen == [True, False]


def test_train_lenet5_accepts_every_valid_decay_epochs():                 # architectures: or/and in the check
    from coursekit.architectures import train_lenet5
    from coursekit.i18n import CourseError

    for bad in (3, -1, 1.5):
        with pytest.raises(CourseError, match="decay_epochs must be an integer"):
            train_lenet5({}, epochs=3, decay_epochs=bad)
    for good in (0, 2):                       # passes the check, then fails only on the empty splits
        with pytest.raises(Exception) as err:
            train_lenet5({}, epochs=3, decay_epochs=good)
        assert "decay_epochs" not in str(err.value)


def test_softmax_loss_of_bptt_is_stable_for_large_logits():                # bptt: z − max(z), not z − min(z)
    from coursekit import bptt

    params = bptt.init_params(2, 3, 3, seed=0)
    params["b_y"] = np.array([900.0, 0.0, -900.0])                   # exp(z − min z) would overflow
    x, y = np.zeros((2, 4, 2)), np.array([0, 1])
    loss, grads = bptt.bptt(params, x, y, output="softmax")
    assert np.isfinite(loss) and all(np.isfinite(g).all() for g in grads.values())
    assert bptt.forward(params, x, y, output="softmax").loss == pytest.approx(900.0 / 2, rel=1e-2)   # mean of 0 and ≈ 900


def test_conv_checks_the_width_as_well_as_the_height():                    # conv: for i in (2, 3)
    from coursekit.conv import conv2d, conv2d_naive
    from coursekit.i18n import CourseError

    for f in (conv2d, conv2d_naive):
        with pytest.raises(CourseError, match=r"the kernel \(3\) is larger than the padded input \(2"):
            f(torch.zeros(1, 1, 5, 2), torch.zeros(1, 1, 1, 3))           # the height fits, the width does not


def test_read_idx_reads_a_file_with_no_images(tmp_path):                   # data: 4 + 4·ndim header bytes
    import struct

    from coursekit.data import read_idx

    path = tmp_path / "empty-idx3-ubyte"
    path.write_bytes(b"\x00\x00\x08\x03" + struct.pack(">3I", 0, 28, 28))   # exactly the header: 16 bytes
    assert read_idx(path).shape == (0, 28, 28)
    path.write_bytes(b"\x00\x00\x08\x03" + struct.pack(">2I", 0, 28))       # one dimension short
    from coursekit.i18n import CourseError
    with pytest.raises(CourseError, match="not an IDX uint8 file"):
        read_idx(path)


def test_holt_winters_rerun_reproduces_the_training_fit():                  # forecast: optimized=False
    import warnings

    from statsmodels.tsa.holtwinters import ExponentialSmoothing

    from coursekit.forecast import holt_winters_forecast

    t = np.arange(120, dtype=float)
    series = 10 + 0.1 * t + 2 * np.sin(2 * np.pi * t / 12) + np.random.default_rng(0).normal(0, 0.3, 120)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        fitted = ExponentialSmoothing(series[:90], trend="add", seasonal="add", seasonal_periods=12,
                                      initialization_method="estimated").fit()
    one_step = holt_winters_forecast(series, train_end=90, season=12)
    # the same parameters and initial states, run again: the training part's one-step forecasts are the fit's own
    assert np.allclose(one_step[:90], fitted.fittedvalues, rtol=0, atol=1e-8)


# ------------------------------------------------- survivors of a fresh mutation run (seed 1)


def test_dataset_info_rows_cannot_be_changed_by_accident():
    import dataclasses

    from coursekit.data import DATASETS
    info = next(iter(DATASETS.values()))
    with pytest.raises(dataclasses.FrozenInstanceError):
        info.name = "other"


def test_class_balanced_tail_refuses_the_whole_set():
    from coursekit.data import class_balanced_tail
    labels = np.repeat(np.arange(3), 10)
    assert class_balanced_tail(labels, 0.2).sum() == 6          # 2 of every 10
    with pytest.raises(CourseError):
        class_balanced_tail(labels, 1.0)                       # nothing left to train on


def test_train_lenet5_refuses_a_negative_shift_before_training():
    from coursekit.architectures import train_lenet5
    with pytest.raises(CourseError, match="max_shift"):
        train_lenet5({}, max_shift=-1)


def test_baseline_forecasts_are_data_not_part_of_a_graph():
    from coursekit.forecast import persistence_forecast
    X = torch.randn(4, 5, 1, requires_grad=True)
    out = persistence_forecast(X)
    assert not out.requires_grad
    assert torch.equal(out, X.detach()[:, -1:, 0])


def test_layer_shapes_leaves_batch_norm_statistics_alone():
    from coursekit.architectures import layer_shapes
    model = nn.Sequential(nn.Conv2d(1, 4, 3), nn.BatchNorm2d(4), nn.ReLU())
    before = model[1].running_mean.clone()
    rows = layer_shapes(model, torch.randn(2, 1, 8, 8) + 5.0)
    assert [r[2] for r in rows] == [(2, 4, 6, 6)] * 3
    assert torch.equal(model[1].running_mean, before)          # eval mode: no statistics updated by a look


def test_next_word_accuracy_evaluates_in_eval_mode():
    from coursekit.rnn import NextWordRNN, next_word_accuracy
    torch.manual_seed(0)
    model = NextWordRNN(vocab_size=7, embed_dim=4, hidden_size=5)
    model.train()
    X, Y = torch.randint(1, 7, (3, 4)), torch.randint(1, 7, (3, 4))
    next_word_accuracy(model, X, Y)
    assert not model.training


def test_next_word_probs_is_outside_the_graph():
    from coursekit.langmodel import WordLSTMLM, next_word_probs
    torch.manual_seed(0)
    p = next_word_probs(WordLSTMLM(vocab_size=6, emb_dim=4, hidden_size=5), [2, 3])
    assert p.shape == (6,) and not p.requires_grad


def test_greedy_decoding_allows_one_step():
    from coursekit.rnntypes import Decoder
    torch.manual_seed(0)
    tokens, lengths = Decoder(vocab_size=9, hidden=6, emb_dim=4).generate(torch.randn(1, 3, 6), max_len=1)
    assert tokens.shape == (3, 1) and lengths.tolist() == [1, 1, 1]


def test_seasonal_naive_at_refuses_a_fractional_season():
    from coursekit.forecast import seasonal_naive_at
    values = np.arange(20.0)
    assert seasonal_naive_at(values, [10, 11], season=4).flatten().tolist() == [6.0, 7.0]
    with pytest.raises(CourseError):
        seasonal_naive_at(values, [10, 11], season=2.5)


def test_predict_explains_a_wrong_in_features_on_the_first_batch():            # training: predict(watch=i == 0)
    from coursekit.training import predict

    model = nn.Sequential(nn.Linear(4, 3), nn.ReLU(), nn.Linear(5, 2))          # the second layer expects 5, gets 3
    loader = torch.utils.data.DataLoader(torch.utils.data.TensorDataset(torch.randn(6, 4), torch.zeros(6)),
                                         batch_size=2)
    with pytest.raises(CourseError, match="in_features") as info:
        predict(model, loader)
    assert "'2'" in str(info.value) and "5" in str(info.value)


# ------------------------------------------------------------------ a fresh sample (seed 2)


def test_rnn_config_defaults_are_notebook_16s_model():                          # classifiers: hidden_size = 64
    from coursekit.classifiers import RNNClassifier, RNNConfig

    model = RNNClassifier(RNNConfig(vocab_size=100))
    E = H = 64                                                                   # embedding and GRU sizes
    by_hand = 100 * E + 3 * (E * H + H * H + 2 * H) + (H * 2 + 2)              # embedding, GRU, output layer
    assert sum(p.numel() for p in model.parameters()) == by_hand
    assert isinstance(model.rnn, nn.GRU) and model.out.in_features == 64


class _GradProbe(nn.Module):
    """A next-word model that records whether autograd was recording while it ran."""

    def __init__(self, vocab_size=6):
        super().__init__()
        self.table = nn.Embedding(vocab_size, vocab_size)
        self.grad_seen = []

    def forward(self, x):
        self.grad_seen.append(torch.is_grad_enabled())
        return self.table(x)


def test_perplexity_builds_no_graph():                                           # langmodel: @torch.no_grad
    from coursekit.langmodel import perplexity

    probe = _GradProbe()
    ppl = perplexity(probe, [[1, 2, 3, 4], [1, 3, 5]])
    assert ppl > 1 and probe.grad_seen and not any(probe.grad_seen)


def test_hidden_states_are_outside_the_graph():                                  # nextword: @torch.no_grad
    from coursekit.nextword import NextWordRNN

    torch.manual_seed(0)
    h = NextWordRNN(vocab_size=8, embed_dim=4, hidden_size=5).hidden_states([1, 2, 3])
    assert h.shape == (3, 5) and not h.requires_grad and h.grad_fn is None


def test_predict_windows_switches_dropout_off():                                 # forecast: model.eval()
    from coursekit.forecast import predict_windows

    torch.manual_seed(0)
    model = nn.Sequential(nn.Flatten(), nn.Dropout(0.5), nn.Linear(8, 1))
    model.train()
    X = torch.randn(64, 4, 2)
    with torch.no_grad():
        expected = model[2](model[0](X))                                         # dropout skipped
    torch.testing.assert_close(predict_windows(model, X), expected, rtol=0, atol=1e-6)


def test_predict_switches_dropout_off():                                         # training.predict: model.eval()
    from coursekit.training import predict

    torch.manual_seed(0)
    model = nn.Sequential(nn.Dropout(0.5), nn.Linear(4, 2))
    model.train()
    X = torch.randn(32, 4)
    with torch.no_grad():
        expected = model[1](X)
    torch.testing.assert_close(predict(model, X), expected, rtol=0, atol=1e-6)


def test_never_next_must_hold_only_valid_indices():                              # ngram: all(...), not any(...)
    from coursekit.ngram import BigramLM, UnigramLM

    for cls in (BigramLM, UnigramLM):
        with pytest.raises(CourseError, match="never_next"):
            cls(5, never_next=(0, 7))                                            # 0 is fine, 7 is not
        with pytest.raises(CourseError, match="never_next"):
            cls(5, never_next=(-1,))
        assert cls(5, never_next=(0, 4)).never_next == (0, 4)


def test_rnn_type_columns():                                                     # rnntypeplots: the step dicts
    from coursekit.rnntypeplots import _columns

    one_to_many = _columns("one_to_many", 3)
    assert [c["inp"] for c in one_to_many] == ["x", "y₁", "y₂"]                  # x once, then the fed-back outputs
    assert [c["fed"] for c in one_to_many] == [False, True, True]
    many_to_one = _columns("many_to_one", 3)
    assert [c["inp"] for c in many_to_one] == ["x₁", "x₂", "x₃"]
    assert [c["out"] for c in many_to_one] == [None, None, "y"]                  # one output, at the end
    assert not any(c["fed"] for c in many_to_one)                                # every input is observed
    seq2seq = _columns("encoder_decoder", 3)
    assert [c["fed"] for c in seq2seq] == [False, False, False, False, True]


def test_sampling_probs_default_temperature_is_one():                            # langmodel: temperature = 1.0
    from coursekit.langmodel import WordLSTMLM, next_word_probs, sampling_probs
    from coursekit.lmdata import SPECIALS
    from coursekit.text import Vocab

    vocab = Vocab(["a", "b", "c"], specials=SPECIALS)
    torch.manual_seed(0)
    model = WordLSTMLM(vocab_size=len(vocab), emb_dim=4, hidden_size=5)
    ids = [vocab.stoi["<bos>"], vocab.stoi["a"]]
    p = next_word_probs(model, ids).clone()
    banned = [vocab.stoi[t] for t in ("<pad>", "<bos>", "<unk>") if t in vocab]
    p[banned] = 0
    torch.testing.assert_close(sampling_probs(model, vocab, ids), p / p.sum(), rtol=0, atol=1e-12)


def test_a_two_token_sentence_is_one_training_pair():                            # lmdata: len(s) >= 2
    from coursekit.lmdata import sentence_loader

    x, y = next(iter(sentence_loader([[1, 2]], batch_size=4)))                  # "<bos> <eos>"
    assert x.tolist() == [[1]] and y.tolist() == [[2]]
    with pytest.raises(CourseError):
        sentence_loader([[1]])                                                   # one token: nothing to predict


def test_precision_of_a_class_predicted_once_or_never():                         # metrics: where predicted > 0
    from coursekit.metrics import precision_recall

    cm = np.array([[3, 1, 0, 0],
                   [0, 2, 0, 0],
                   [1, 0, 1, 0],                                                 # class 2: predicted once, right
                   [1, 0, 0, 0]])                                                # class 3: never predicted
    precision, recall = precision_recall(cm)
    np.testing.assert_array_equal(precision, [3 / 5, 2 / 3, 1.0, 0.0])
    np.testing.assert_array_equal(recall, [3 / 4, 1.0, 1 / 2, 0.0])


def test_class_labels_in_each_language():                                        # vision: lang == "en"
    from coursekit.data import FASHION_MNIST_CLASSES
    from coursekit.vision import class_labels

    en, hi = class_labels(FASHION_MNIST_CLASSES, "en"), class_labels(FASHION_MNIST_CLASSES, "hi")
    assert en[0] == FASHION_MNIST_CLASSES[0].en and en[1] == "Trouser"
    assert hi[1] == FASHION_MNIST_CLASSES[1].hi and hi != en
    assert class_labels(FASHION_MNIST_CLASSES)[1] == f"{hi[1]} / Trouser"


# ------------------------------------------------------------------ a fresh sample (seed 3)


def test_rnn_forward_numpy_reads_time_first_by_default():                       # rnn: batch_first=False
    from coursekit.rnn import rnn_forward_numpy

    torch.manual_seed(0)
    ref = nn.RNN(3, 4).double()                                                  # nn.RNN is time-first too
    x = torch.randn(5, 2, 3, dtype=torch.float64)                                # (T=5, B=2, I=3)
    out, h_n = rnn_forward_numpy(x.numpy(), ref.weight_ih_l0.detach().numpy(), ref.weight_hh_l0.detach().numpy(),
                                 ref.bias_ih_l0.detach().numpy(), ref.bias_hh_l0.detach().numpy())
    want, want_h = ref(x)
    np.testing.assert_allclose(out, want.detach().numpy(), rtol=0, atol=1e-12)
    np.testing.assert_allclose(np.asarray(h_n).reshape(2, 4), want_h.detach().numpy()[0], rtol=0, atol=1e-12)


def test_guess_language_covers_the_whole_devanagari_block():                     # sentiment: "\u0900" <= ch
    from coursekit.sentiment import guess_language

    assert guess_language("\u0900") == "hi" and guess_language("\u097f") == "hi"  # the block's first and last
    assert guess_language("\u08ff") == "en" and guess_language("\u0980") == "en"  # just outside it (Bengali)
    assert guess_language("यह film अच्छी है") == "hi" and guess_language("good film") == "en"


def test_fashion_mnist_holds_out_a_tenth_for_validation_by_default():           # vision: val = 0.1
    from coursekit.vision import fashion_mnist_splits

    splits = fashion_mnist_splits(limit=50, test_limit=20)
    assert {k: len(v) for k, v in splits.items()} == {"train": 50, "val": 2400, "test": 20}   # 10% of 24,000


def test_vgg_pools_after_each_block():                                           # architectures: MaxPool2d(2, 2)
    from coursekit.architectures import VGG16

    model = VGG16(num_classes=10, config=[4, "M", 8, 8, "M"])
    assert model.features(torch.zeros(1, 3, 32, 32)).shape == (1, 8, 8, 8)      # 32 → 16 → 8
    assert sum(isinstance(m, nn.MaxPool2d) for m in VGG16(num_classes=10).features) == 5   # 224 → 7


def test_rnntypes_special_indices_are_the_vocabularys():                         # rnntypes: UNK_INDEX = 1
    from coursekit import rnntypes
    from coursekit.lmdata import SPECIALS
    from coursekit.text import Vocab

    vocab = Vocab(["a"], specials=SPECIALS)
    assert (rnntypes.PAD_INDEX, rnntypes.UNK_INDEX, rnntypes.BOS_INDEX, rnntypes.EOS_INDEX) == tuple(
        vocab.stoi[t] for t in ("<pad>", "<unk>", "<bos>", "<eos>"))


# ------------------------------------------------------------------ a fresh sample (seed 4)


def test_classifier_encode_refuses_float_input():                                 # classifiers: check_token_ids
    from coursekit.classifiers import RNNClassifier

    model = RNNClassifier(10, hidden_size=4, embed_dim=3)
    with pytest.raises(CourseError, match="LongTensor|indices"):
        model.encode(torch.rand(2, 5))


def test_bptt_chunks_of_a_stream_that_fills_them_exactly():                       # lmdata: (len(stream) - 1) // L
    from coursekit.lmdata import bptt_chunks

    X, Y = bptt_chunks([[2, 5, 6, 7], [2, 8, 9, 3]], seq_len=4)                  # 8 tokens: one chunk (+ its target)
    assert X.tolist() == [[2, 5, 6, 7]] and Y.tolist() == [[5, 6, 7, 2]]
    X, Y = bptt_chunks([[2, 5, 6, 7], [2, 8, 9, 3, 4]], seq_len=4)               # 9 tokens: two chunks
    assert X.tolist() == [[2, 5, 6, 7], [2, 8, 9, 3]] and Y[-1].tolist() == [8, 9, 3, 4]


def test_repeat_count_task_refuses_a_bad_n():                                     # stacked: _positive_int(n)
    from coursekit.stacked import repeat_count_task

    for bad in (0, -3, 2.5):
        with pytest.raises(CourseError, match="n"):
            repeat_count_task(bad)


def test_a_negative_prediction_prints_its_hindi_label():                           # sentiment: LABELS_HI = {0: ...}
    from coursekit.sentiment import SentimentPrediction

    neg = SentimentPrediction("x", "negative", 0.8, 0.2, ["x"], [])
    pos = SentimentPrediction("y", "positive", 0.9, 0.9, ["y"], [])
    assert str(neg).startswith("negative / नकारात्मक") and str(pos).startswith("positive / सकारात्मक")


def test_fit_history_says_no_early_stop_when_none_was_asked():                     # training: history.update(...)
    from coursekit.training import fit

    torch.manual_seed(0)
    X, y = torch.randn(16, 3), torch.randint(0, 2, (16,))
    hist = fit(nn.Linear(3, 2), (X, y), epochs=2, progress=False, device="cpu")
    assert hist["best_epoch"] is None and hist["stopped_early"] is False and hist["diverged"] is False


def test_next_word_rnn_reads_each_row_as_one_sentence():                           # nextword: batch_first=True
    from coursekit.nextword import NextWordRNN

    torch.manual_seed(0)
    model = NextWordRNN(vocab_size=9, embed_dim=4, hidden_size=5).eval()
    x = torch.tensor([[2, 4, 5], [2, 6, 7]])                                     # (B=2, T=3)
    with torch.no_grad():
        both, first = model(x), model(x[:1])
    torch.testing.assert_close(both[:1], first, rtol=0, atol=1e-6)             # row 0 is unaffected by row 1
    with torch.no_grad():
        second = model(x[1:])
    torch.testing.assert_close(both[1:], second, rtol=0, atol=1e-6)            # and row 1 is its own sentence


def test_fashion_cnn_pools_two_by_two():                                           # vision: MaxPool2d(2, 2)
    from coursekit.vision import FashionCNN

    model = FashionCNN().eval()
    pools = [m for m in model.modules() if isinstance(m, nn.MaxPool2d)]
    assert [(m.kernel_size, m.stride) for m in pools] == [(2, 2), (2, 2)]        # 28 → 14 → 7, max of each 2×2


def test_recursive_forecast_returns_plain_numbers():                                # forecast: outside the graph
    from coursekit.forecast import recursive_forecast

    weight = torch.tensor(0.9, requires_grad=True)
    out = recursive_forecast(lambda w: w[:, -1, :] * weight, torch.ones(3, 4, 1), steps=2)
    assert out.shape == (3, 2) and not out.requires_grad
    torch.testing.assert_close(out, torch.tensor([[0.9, 0.81]] * 3), rtol=0, atol=1e-6)


# ------------------------------------------------------------------ a fresh sample (seed 5)


def test_scratch_cell_refuses_a_step_of_the_wrong_width():                        # gates: dim() != 2 or width
    from coursekit.gates import ScratchLSTMCell

    cell = ScratchLSTMCell(3, 4)
    with pytest.raises(CourseError, match=r"shape \(batch, 3\); got \(2, 5\)"):
        cell._check_step(torch.zeros(2, 5))                                      # two dimensions, wrong width
    with pytest.raises(CourseError, match=r"shape \(batch, 3\); got \(2, 1, 3\)"):
        cell._check_step(torch.zeros(2, 1, 3))                                   # right width, one dimension too many
    cell._check_step(torch.zeros(2, 3))


def test_gru_params_default_is_one_layer():                                       # gates: num_layers = 1
    from coursekit.gates import gru_params

    assert gru_params(3, 4) == 3 * (4 * 3 + 4 * 4 + 2 * 4) == sum(p.numel() for p in nn.GRU(3, 4).parameters())


def test_bigram_fit_refuses_text():                                               # ngram: check_encoded
    from coursekit.ngram import BigramLM

    with pytest.raises(CourseError, match="non-empty list of encoded sentences"):
        BigramLM(5).fit("2 3 4")


def test_forecast_target_column_must_exist():                                     # forecast: 0 <= target
    from coursekit.forecast import persistence_forecast

    X = torch.arange(12.0).reshape(2, 3, 2)
    assert persistence_forecast(X, target=1).flatten().tolist() == [5.0, 11.0]
    for bad in (-1, 2):
        with pytest.raises(CourseError, match=rf"target must be a feature index \(0 to 1\); got {bad}"):
            persistence_forecast(X, target=bad)


def test_scratch_rnn_without_bias_has_none_for_both_biases():                      # rnn: register_parameter(None)
    from coursekit.rnn import ScratchRNN

    rnn = ScratchRNN(3, 4, bias=False)
    assert rnn.bias_ih_l0 is None and rnn.bias_hh_l0 is None
    assert [n for n, _ in rnn.named_parameters()] == ["weight_ih_l0", "weight_hh_l0"]


def test_many_to_many_and_decoder_columns():                                      # rnntypeplots: fed, <bos>
    from coursekit.rnntypeplots import _columns

    assert not any(c["fed"] for c in _columns("many_to_many", 3))
    dec = [c for c in _columns("encoder_decoder", 3) if c["cell"] == "dec"]
    assert dec[0]["inp"] == "<bos>" and dec[1]["inp"] == "y₁"


def test_next_word_rnn_refuses_a_zero_size():                                      # nextword: check_positive_int
    from coursekit.nextword import NextWordRNN

    with pytest.raises(CourseError, match="vocab_size must be a positive integer"):
        NextWordRNN(vocab_size=0)
    with pytest.raises(CourseError, match="hidden_size must be a positive integer"):
        NextWordRNN(vocab_size=5, hidden_size=0)


def test_fashion_cnn_refuses_colour_images():                                      # vision: dim() != 4 or shape
    from coursekit.vision import FashionCNN

    with pytest.raises(CourseError, match=r"\(B, 1, 28, 28\); got \(2, 3, 28, 28\)"):
        FashionCNN()(torch.zeros(2, 3, 28, 28))


def test_small_input_resnet_stem_has_no_bias_before_batch_norm():                 # architectures: bias=False
    from coursekit.architectures import resnet18

    stem = resnet18(num_classes=10, small_input=True).stem
    assert stem[0].bias is None and isinstance(stem[1], nn.BatchNorm2d)


def test_sentiment_probabilities_are_outside_the_graph():                          # sentiment: @torch.no_grad
    from coursekit.sentiment import RNNClassifier, build_vocab, predict_probs

    vocab = build_vocab(["good film", "bad film"])
    torch.manual_seed(0)
    p = predict_probs(RNNClassifier(len(vocab), hidden_size=4, embed_dim=3), vocab, ["good film"])
    assert p.shape == (1,) and not p.requires_grad


# ================================================================== found by benchmarks/mutation.py (seed 6)


def test_lenet_recipe_starts_from_its_seed_whatever_came_before(monkeypatch):     # architectures: seed_everything
    import coursekit.training
    from coursekit.architectures import train_lenet5

    monkeypatch.setattr(coursekit.training, "fit", lambda model, *a, epochs, **kw: {
        k: [0.0] * epochs for k in ("train_loss", "train_acc", "val_loss", "val_acc", "epoch_time")})
    splits = {"train": torch.utils.data.TensorDataset(torch.zeros(4, 1, 32, 32), torch.zeros(4, dtype=torch.long)),
              "val": torch.utils.data.TensorDataset(torch.zeros(2, 1, 32, 32), torch.zeros(2, dtype=torch.long))}
    models = []
    for disturb in (1, 2):
        torch.manual_seed(disturb)                                      # a different global state before each call
        models.append(train_lenet5(splits, seed=0, epochs=2, decay_epochs=1, progress=False)[0])
    assert all(torch.equal(a, b) for a, b in zip(models[0].state_dict().values(), models[1].state_dict().values()))


def test_alexnet_layers_are_torchvisions():                                       # architectures: ReLU(inplace=True)
    torchvision = pytest.importorskip("torchvision")
    from coursekit.architectures import AlexNet

    ours, theirs = AlexNet(), torchvision.models.alexnet(weights=None)
    assert repr(ours.features) == repr(theirs.features) and repr(ours.classifier) == repr(theirs.classifier)


def test_perplexity_refuses_any_probability_above_one():                          # langmodel: (p > 1).any()
    from coursekit.langmodel import perplexity_from_probs

    with pytest.raises(CourseError, match="0 < p ≤ 1"):
        perplexity_from_probs([0.5, 1.5])
    assert perplexity_from_probs([0.5, 0.5]) == pytest.approx(2.0)


def test_random_shift_moves_at_most_max_shift_pixels():                           # vision: randint(…, max_shift + 1)
    from coursekit.vision import random_shift

    x = torch.zeros(400, 1, 9, 9)
    x[:, 0, 4, 4] = 1.0                                                 # one bright pixel in the middle
    moved = random_shift(x, max_shift=1, generator=torch.Generator().manual_seed(0))
    rows, cols = (moved[:, 0] == 1).nonzero()[:, 1:].T
    assert ((rows - 4).abs().max(), (cols - 4).abs().max()) == (1, 1)    # every shift of −1, 0, 1 and none of 2
    assert set((rows - 4).tolist()) == {-1, 0, 1}


def test_bptt_predict_picks_the_class_of_each_example():                          # bptt: argmax(axis=1)
    from coursekit import bptt

    params = bptt.init_params(3, 4, output_size=2, seed=0)
    x = np.random.default_rng(0).normal(size=(5, 6, 3))                # B = 5 examples, T = 6, D = 3
    p = bptt.forward(params, x, output="softmax").p
    pred = bptt.predict(params, x, output="softmax")
    assert pred.shape == (5,) and pred.tolist() == [int(np.argmax(row)) for row in p]


def test_predict_windows_gives_plain_numbers():                                   # forecast: predict_windows no_grad
    from coursekit.forecast import RecurrentForecaster, predict_windows

    torch.manual_seed(0)
    out = predict_windows(RecurrentForecaster(), torch.randn(4, 6, 1))
    assert out.shape == (4, 1) and not out.requires_grad


def test_seasonal_naive_needs_a_season_before_every_target():                     # forecast: int(pos.min()) - season
    from coursekit.forecast import seasonal_naive_at

    values = torch.arange(30.0)
    assert seasonal_naive_at(values, [12, 25], season=10).flatten().tolist() == [2.0, 15.0]
    with pytest.raises(CourseError, match="m steps before every target"):
        seasonal_naive_at(values, [5, 25], season=10)                   # the first target has no value 10 steps back


def test_next_word_accuracy_by_hand_and_in_eval_mode():                           # nextword: eval(), top == Y
    from coursekit.nextword import NextWordRNN, next_word_accuracy

    torch.manual_seed(0)
    model = NextWordRNN(vocab_size=7, embed_dim=4, hidden_size=6, dropout=0.5)   # left in training mode
    X = torch.tensor([[2, 3, 4, 5], [2, 6, 3, 0]])
    model.eval()
    with torch.no_grad():
        guess = model(X).argmax(-1)                                     # what the model says in eval mode
    model.train()
    Y = guess.clone()
    Y[0, :2] = (guess[0, :2] % 6) + 1                                   # two positions made wrong (never padding)
    Y[1, 3] = 0                                                         # 0 = padding, not counted
    assert int((Y != 0).sum()) == 7                                     # the model guessed no padding itself
    expected = 5 / 7                                                    # 7 positions count, 5 of them right
    assert next_word_accuracy(model, X, Y, k=1) == pytest.approx(expected)
    assert not model.training and next_word_accuracy(model, X, Y, k=7) == 1.0


def test_documented_defaults_of_the_training_helpers():                           # sentiment, timeseries, ngram, data
    import inspect

    from coursekit.data import load_cifar10
    from coursekit.ngram import BigramLM
    from coursekit.sentiment import train_classifier
    from coursekit.timeseries import split_by_time

    defaults = inspect.signature(train_classifier).parameters
    assert (defaults["lr"].default, defaults["patience"].default) == (3e-3, 4)
    assert inspect.signature(load_cifar10).parameters["download"].default is False     # never the network unasked
    assert BigramLM(vocab_size=5).k == 1.0                                             # add-one (Laplace) by default
    parts = split_by_time(np.arange(100))
    assert [len(p) for p in parts] == [70, 15, 15]                                     # 70 / 15 / 15 by default


def test_vocab_min_freq_must_be_at_least_one():                                    # text: min_freq < 1
    from coursekit.text import Vocab

    with pytest.raises(CourseError, match="min_freq must be at least 1; got 0"):
        Vocab.build([["a", "b"]], min_freq=0)


def test_one_hot_refuses_an_index_equal_to_the_size():                            # text: idx.max() >= size
    from coursekit.text import one_hot

    with pytest.raises(CourseError, match="between 0 and 3"):
        one_hot([0, 4], 4)


def test_epoch_times_are_durations():                                              # training: perf_counter() - t0
    import time

    from coursekit import fit

    torch.manual_seed(0)
    start = time.perf_counter()
    hist = fit(nn.Linear(3, 2), (torch.randn(8, 3), torch.randint(0, 2, (8,))), epochs=2, progress=False)
    wall = time.perf_counter() - start
    assert len(hist["epoch_time"]) == 2 and all(0 <= t <= wall for t in hist["epoch_time"])


def test_mlp_refuses_zero_outputs():                                               # models: out_features checked
    from coursekit.models import MLP

    with pytest.raises(CourseError, match="out_features"):
        MLP(in_features=4, hidden=[3], out_features=0)


def test_export_image_folder_takes_images_that_require_grad(tmp_path):            # vision: images.detach()
    from coursekit.vision import export_image_folder

    images = torch.rand(2, 1, 4, 4, requires_grad=True)
    root = export_image_folder(images, [0, 1], ["a", "b"], tmp_path / "out")
    assert sorted(p.parent.name for p in root.rglob("*.png")) == ["a", "b"]


def test_normalized_training_images_have_mean_zero_and_std_one():                 # vision: (x - mean) / std
    from torch.utils.data import TensorDataset

    from coursekit.vision import normalize_splits

    torch.manual_seed(0)
    splits = {"train": TensorDataset(torch.rand(50, 1, 4, 4) * 3 + 2, torch.zeros(50)),
              "val": TensorDataset(torch.rand(10, 1, 4, 4), torch.zeros(10))}
    new, mean, std = normalize_splits(splits)
    x = new["train"].tensors[0]
    assert abs(x.mean().item()) < 1e-5 and x.std().item() == pytest.approx(1.0, abs=1e-5)
    torch.testing.assert_close(new["val"].tensors[0], (splits["val"].tensors[0] - mean) / std)


# ================================================================== found by benchmarks/mutation.py (seed 7)


def test_documented_defaults_of_the_language_models_and_deep_nets():              # langmodel, nextword, deepnets
    import inspect

    from coursekit.deepnets import DeepMLP
    from coursekit.langmodel import train_lm
    from coursekit.nextword import walk_through

    assert inspect.signature(train_lm).parameters["clip_grad_norm"].default == 1.0
    assert inspect.signature(walk_through).parameters["k"].default == 3
    plain = DeepMLP()
    assert len(plain.blocks) == 20 - 1 and plain.blocks[0].linear.in_features == 64      # depth 20, width 64


def test_walk_throughs_refuse_k_below_one():                                       # nextword, langmodel: k checked
    from coursekit.langmodel import walkthrough
    from coursekit.nextword import NextWordRNN, walk_through
    from coursekit.text import Vocab

    vocab = Vocab(["a", "b", "c"])
    with pytest.raises(CourseError, match="k must be a positive integer"):
        walk_through(NextWordRNN(vocab_size=len(vocab)), vocab, ["a", "b"], k=0)
    with pytest.raises(CourseError, match="k must be an integer of at least 1; got 0"):
        walkthrough(None, vocab, "a b", k=0)


def test_seasonal_naive_refuses_a_season_of_zero():                               # forecast: 1 <= season <= W
    from coursekit.forecast import seasonal_naive_forecast as seasonal_naive

    X = torch.arange(12.0).reshape(2, 6, 1)
    assert seasonal_naive(X, season=6).flatten().tolist() == [0.0, 6.0]
    with pytest.raises(CourseError, match="between 1 and the window"):
        seasonal_naive(X, season=0)


def test_random_shift_batches_repeat_with_their_seed():                           # vision: super().__init__(seed)
    from coursekit.vision import RandomShiftBatch

    batch = [(torch.rand(1, 8, 8), 0) for _ in range(6)]
    runs = [RandomShiftBatch(seed=3, max_shift=2)(batch)[0] for _ in range(2)]
    assert torch.equal(*runs)
    assert not torch.equal(runs[0], RandomShiftBatch(seed=4, max_shift=2)(batch)[0])


def test_layer_shape_hooks_run_without_a_graph():                                  # architectures: torch.no_grad()
    from coursekit.architectures import _run_with_hooks

    model, seen = nn.Sequential(nn.Linear(3, 2)), []
    hooks = [model[0].register_forward_hook(lambda m, i, out: seen.append(out.requires_grad))]
    _run_with_hooks(model.train(), torch.randn(4, 3), hooks)
    assert seen == [False] and not model.training and not model[0]._forward_hooks     # eval mode, hook removed


def test_series_info_cannot_be_changed():                                          # timeseries: frozen dataclass
    import dataclasses

    from coursekit.timeseries import SERIES

    info = next(iter(SERIES.values()))
    with pytest.raises(dataclasses.FrozenInstanceError):
        info.units = "kg"


# ================================================================== found by benchmarks/mutation.py (seed 8)


def test_bptt_chunks_of_length_one_are_single_tokens():                          # lmdata: seq_len < 1
    from coursekit.lmdata import bptt_chunks

    X, Y = bptt_chunks([[2, 5, 6, 3]], seq_len=1)
    assert X.tolist() == [[2], [5], [6]] and Y.tolist() == [[5], [6], [3]]
    with pytest.raises(CourseError, match="seq_len must be a positive integer; got 0"):
        bptt_chunks([[2, 5, 6, 3]], seq_len=0)


def test_mnist_at_32_pixels_is_the_28_pixel_digit_with_a_2_pixel_margin():       # vision: pad = (size - 28) // 2
    from coursekit.vision import mnist_splits

    small, large = mnist_splits(size=28, limit=5)["train"], mnist_splits(size=32, limit=5)["train"]
    x28, x32 = small.tensors[0], large.tensors[0]
    assert x32.shape[-2:] == (32, 32)
    assert torch.equal(x32[..., 2:30, 2:30], x28) and x32.sum() == x28.sum()      # the border is black


def test_mean_pooling_averages_only_the_true_steps():                            # classifiers: sum / lengths
    from coursekit.classifiers import RNNClassifier, RNNConfig

    torch.manual_seed(0)
    model = RNNClassifier(RNNConfig(vocab_size=9, embed_dim=4, hidden_size=3, pool="mean", dropout=0.0)).eval()
    x = torch.tensor([[2, 5, 7, 0, 0]])                                # 3 words, then padding
    with torch.no_grad():
        out, _ = model.rnn(model.embedding(x[:, :3]))                  # the 3 true steps read alone
        torch.testing.assert_close(model.encode(x), out.mean(dim=1), rtol=0, atol=1e-6)


def test_image_loaders_scale_to_floats_in_0_1_by_default():                      # data: / 255, as_uint8=False
    from coursekit.data import load_fashion_mnist, load_mnist

    for load in (load_mnist, load_fashion_mnist):
        X, y = load("val")
        assert X.dtype == np.float32 and X.shape[1:] == (1, 28, 28)
        assert X.min() == 0.0 and X.max() == 1.0


def test_fashion_cnn_uses_batch_norm_by_default():                               # vision: batchnorm=True
    from coursekit.vision import FashionCNN

    assert any(isinstance(m, nn.BatchNorm2d) for m in FashionCNN().modules())
    assert not any(isinstance(m, nn.BatchNorm2d) for m in FashionCNN(batchnorm=False).modules())


def test_a_token_is_punctuation_only_when_every_character_is():                 # text: all(...)
    from coursekit.text import is_punct

    assert is_punct("?!") and is_punct("।")
    assert not is_punct("a.") and not is_punct("है।") and not is_punct("")


# ================================================================== found by benchmarks/mutation.py (seed 9)


def test_default_scheme_redraws_the_weights_as_pytorch_does():                  # init: m.reset_parameters()
    from coursekit.init import init_weights

    layer, expected = nn.Linear(4, 3), nn.Linear(4, 3)
    nn.init.zeros_(layer.weight)                                        # wiped, so that "default" must redraw
    torch.manual_seed(5)
    init_weights(layer, "default")
    torch.manual_seed(5)
    expected.reset_parameters()                                         # PyTorch's own default, same draws
    torch.testing.assert_close(layer.weight, expected.weight, rtol=0, atol=0)
    assert layer.weight.abs().sum() > 0


def test_walk_through_reads_in_eval_mode():                                      # nextword: model.eval()
    from coursekit.nextword import NextWordRNN, walk_through
    from coursekit.text import Vocab

    torch.manual_seed(0)
    vocab = Vocab(["a", "b", "c", "d"])
    model = NextWordRNN(vocab_size=len(vocab), embed_dim=4, hidden_size=6, dropout=0.5).train()
    runs = [walk_through(model, vocab, ["a", "b", "c"], k=2)[1] for _ in range(2)]
    assert not model.training and runs[0] == runs[1]                   # no dropout noise in the guesses


def test_one_to_many_writes_at_most_twenty_tokens_by_default():                 # rnntypes: max_len = 20
    from coursekit.rnntypes import OneToMany

    torch.manual_seed(0)
    model = OneToMany(in_features=3, vocab_size=6).eval()
    with torch.no_grad():
        model.decoder.head.bias[model.decoder.eos] = -1e9               # it can never choose the end token
    tokens, lengths = model.generate(torch.randn(2, 3))
    assert tokens.shape[1] == 20 and lengths.tolist() == [20, 20]
    with pytest.raises(CourseError, match=r"eos_index must be an index of the vocabulary \(0 to 5\); got 99"):
        OneToMany(in_features=3, vocab_size=6, eos_index=99)               # an end token it could never write


def test_softmax_labels_must_be_below_the_number_of_classes():                  # bptt: y.max() >= C
    from coursekit import bptt

    params = bptt.init_params(3, 4, output_size=3, seed=0)
    x = np.zeros((2, 5, 3))
    bptt.bptt(params, x, np.array([0, 2]), output="softmax")            # classes 0…2 are fine
    with pytest.raises(CourseError, match="softmax labels must be integers from 0 to 2"):
        bptt.bptt(params, x, np.array([0, 3]), output="softmax")


def test_extra_fashion_images_go_to_train_only_and_only_when_asked(monkeypatch):  # data: extra and split == "train"
    import coursekit.data as data

    extra = (np.zeros((2, 28, 28), dtype=np.uint8), np.array([0, 1]))
    monkeypatch.setattr(data, "_extra_fashion", lambda: extra)
    n_train, n_val = len(data.load_fashion_mnist("train")[1]), len(data.load_fashion_mnist("val")[1])
    assert n_train + n_val == 24_000
    assert len(data.load_fashion_mnist("train", extra=True)[1]) == n_train + 2
    assert len(data.load_fashion_mnist("val", extra=True)[1]) == n_val


def test_bigram_top_k_accuracy_refuses_k_below_one():                            # ngram: check_positive_int(k)
    from coursekit.ngram import BigramLM, top_k_accuracy

    lm = BigramLM(vocab_size=5).fit([[2, 3, 4]])
    X, Y = torch.tensor([[2, 3]]), torch.tensor([[3, 4]])
    assert top_k_accuracy(lm, X, Y, k=1) == 1.0
    with pytest.raises(CourseError, match=r"k must be a positive integer \(1, 2, 3, …\); got 0"):
        top_k_accuracy(lm, X, Y, k=0)
