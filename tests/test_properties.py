"""Property-based tests (hypothesis): every from-scratch piece of coursekit against PyTorch (or numpy) over random
shapes, strides, padding, dilation, batch size 1, sequence length 1, several layers, bidirectional, bias on and off,
float64 and non-contiguous inputs. Few examples each and no deadline: the whole file runs in well under a minute
on one core, and a failure prints the smallest configuration hypothesis found."""
import numpy as np
import pytest
import torch
import torch.nn.functional as F
from torch import nn

hypothesis = pytest.importorskip("hypothesis")
from hypothesis import HealthCheck, assume, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from coursekit import batchnorm, bptt, conv, gates, init, metrics, rnn, stacked, timeseries  # noqa: E402

FAST = settings(max_examples=25, deadline=None, derandomize=True, suppress_health_check=list(HealthCheck))
DTYPES = st.sampled_from([torch.float32, torch.float64])
TOL = {torch.float32: 1e-4, torch.float64: 1e-10}       # absolute, rtol=0 (values are of order 1)
torch.set_num_threads(1)


def _close(a, b, dtype):
    assert a.dtype == b.dtype == dtype and a.shape == b.shape
    assert torch.allclose(a, b, rtol=0, atol=TOL[dtype]), float((a - b).abs().max())


def _maybe_non_contiguous(t: torch.Tensor, flag: bool) -> torch.Tensor:
    """The same values in a non-contiguous layout (the last two dimensions stored swapped)."""
    if not flag or t.dim() < 2:
        return t
    out = t.transpose(-1, -2).contiguous().transpose(-1, -2)
    assert torch.equal(out, t)
    return out


# ----------------------------------------------------------------------------- convolution

@FAST
@given(n=st.integers(1, 3), c_in=st.integers(1, 3), c_out=st.integers(1, 3), h=st.integers(1, 8), w=st.integers(1, 8),
       kh=st.integers(1, 4), kw=st.integers(1, 4), stride=st.integers(1, 3), padding=st.integers(0, 2),
       bias=st.booleans(), dtype=DTYPES, nc_x=st.booleans(), nc_w=st.booleans(), seed=st.integers(0, 2**16))
def test_conv2d_both_versions_equal_f_conv2d(n, c_in, c_out, h, w, kh, kw, stride, padding, bias, dtype, nc_x, nc_w,
                                             seed):
    assume(kh <= h + 2 * padding and kw <= w + 2 * padding)
    g = torch.Generator().manual_seed(seed)
    x = _maybe_non_contiguous(torch.randn(n, c_in, h, w, generator=g, dtype=dtype), nc_x)
    wt = _maybe_non_contiguous(torch.randn(c_out, c_in, kh, kw, generator=g, dtype=dtype), nc_w)
    b = torch.randn(c_out, generator=g, dtype=dtype) if bias else None
    expected = F.conv2d(x, wt, b, stride=stride, padding=padding)
    _close(conv.conv2d(x, wt, b, stride=stride, padding=padding), expected, dtype)
    _close(conv.conv2d_naive(x, wt, b, stride=stride, padding=padding), expected, dtype)


@FAST
@given(size=st.integers(1, 40), k=st.integers(1, 7), stride=st.integers(1, 4), padding=st.integers(0, 3),
       dilation=st.integers(1, 3))
def test_conv_output_size_is_the_size_torch_gives(size, k, stride, padding, dilation):
    layer = nn.Conv1d(1, 1, k, stride=stride, padding=padding, dilation=dilation, device="meta")
    if dilation * (k - 1) + 1 > size + 2 * padding:                  # torch refuses: so does the formula
        with pytest.raises(ValueError):
            conv.conv_output_size(size, k, stride, padding, dilation)
        return
    assert conv.conv_output_size(size, k, stride, padding, dilation) == layer(torch.empty(1, 1, size,
                                                                                           device="meta")).shape[-1]


@FAST
@given(x=st.lists(st.floats(-5, 5), min_size=1, max_size=12), w=st.lists(st.floats(-5, 5), min_size=1, max_size=6))
def test_1d_convolution_and_cross_correlation_equal_numpy(x, w):
    assert np.allclose(conv.convolve1d(x, w), np.convolve(x, w), rtol=0, atol=1e-10)
    if len(w) <= len(x):
        got = conv.cross_correlate1d(x, w)
        assert got.shape == (len(x) - len(w) + 1,)
        assert np.allclose(got, np.correlate(x, w, mode="valid"), rtol=0, atol=1e-10)


@FAST
@given(c_in=st.integers(1, 64), c_out=st.integers(1, 64), k=st.integers(1, 7), bias=st.booleans())
def test_conv_params_is_numel(c_in, c_out, k, bias):
    layer = nn.Conv2d(c_in, c_out, k, bias=bias, device="meta")
    assert conv.conv_params(c_in, c_out, k, bias=bias) == sum(p.numel() for p in layer.parameters())


# ----------------------------------------------------------------------------- batch norm

@FAST
@given(n=st.integers(2, 6), c=st.integers(1, 4), extra=st.lists(st.integers(1, 4), max_size=2), dtype=DTYPES,
       eps=st.sampled_from([1e-5, 1e-3, 0.1]), nc=st.booleans(), seed=st.integers(0, 2**16))
def test_batchnorm_forward_equals_f_batch_norm_with_gradients(n, c, extra, dtype, eps, nc, seed):
    g = torch.Generator().manual_seed(seed)
    x = _maybe_non_contiguous(torch.randn(n, c, *extra, generator=g, dtype=dtype) * 3 + 1, nc)
    gamma, beta = torch.rand(c, generator=g, dtype=dtype) + 0.5, torch.randn(c, generator=g, dtype=dtype)
    leaves = [t.clone().requires_grad_() for t in (x, gamma, beta)]
    refs = [t.clone().requires_grad_() for t in (x, gamma, beta)]
    mine = batchnorm.batchnorm_forward(*leaves, eps)
    theirs = F.batch_norm(refs[0], None, None, refs[1], refs[2], training=True, eps=eps)
    _close(mine.detach(), theirs.detach(), dtype)
    up = torch.randn(mine.shape, generator=g, dtype=dtype)
    (mine * up).sum().backward()
    (theirs * up).sum().backward()
    for a, b in zip(leaves, refs):
        assert torch.allclose(a.grad, b.grad, rtol=0, atol=50 * TOL[dtype])


@FAST
@given(n=st.integers(2, 5), c=st.integers(1, 4), length=st.one_of(st.none(), st.integers(1, 3)),
       momentum=st.sampled_from([None, 0.0, 0.1, 0.7, 1.0]), steps=st.integers(1, 3), dtype=DTYPES,
       seed=st.integers(0, 2**16))
def test_batchnorm1d_scratch_equals_nn_batchnorm1d(n, c, length, momentum, steps, dtype, seed):
    g = torch.Generator().manual_seed(seed)
    mine = batchnorm.BatchNorm1dScratch(c, momentum=momentum).to(dtype)
    ref = nn.BatchNorm1d(c, momentum=momentum).to(dtype)
    with torch.no_grad():
        ref.weight.copy_(torch.rand(c, generator=g) + 0.5)
        ref.bias.copy_(torch.randn(c, generator=g))
        mine.weight.copy_(ref.weight)
        mine.bias.copy_(ref.bias)
    shape = (n, c) if length is None else (n, c, length)
    for _ in range(steps):                                           # training: batch statistics, running update
        x = torch.randn(*shape, generator=g, dtype=dtype) * 2 + 0.5
        _close(mine(x).detach(), ref(x).detach(), dtype)
    _close(mine.running_mean, ref.running_mean, dtype)
    _close(mine.running_var, ref.running_var, dtype)
    assert int(mine.num_batches_tracked) == int(ref.num_batches_tracked) == steps
    mine.eval(), ref.eval()                                          # evaluation: the running statistics
    x = torch.randn(*shape, generator=g, dtype=dtype)
    _close(mine(x).detach(), ref(x).detach(), dtype)


# ----------------------------------------------------------------------------- initialisation

@FAST
@given(shape=st.lists(st.integers(1, 6), min_size=2, max_size=5))
def test_fans_equal_torch_s(shape):
    w = torch.empty(*shape, device="meta")
    assert init.fans(w) == nn.init._calculate_fan_in_and_fan_out(w)


# ----------------------------------------------------------------------------- plain RNN

@FAST
@given(i=st.integers(1, 4), h=st.integers(1, 5), b=st.integers(1, 3), t=st.integers(1, 5), bias=st.booleans(),
       batch_first=st.booleans(), nonlinearity=st.sampled_from(["tanh", "relu"]), dtype=DTYPES, with_h0=st.booleans(),
       unbatched=st.booleans(), nc=st.booleans(), seed=st.integers(0, 2**16))
def test_scratch_rnn_equals_nn_rnn(i, h, b, t, bias, batch_first, nonlinearity, dtype, with_h0, unbatched, nc, seed):
    torch.manual_seed(seed)
    ref = nn.RNN(i, h, bias=bias, batch_first=batch_first, nonlinearity=nonlinearity).to(dtype)
    mine = rnn.copy_rnn_weights(ref, rnn.ScratchRNN(i, h, bias=bias, batch_first=batch_first,
                                                    nonlinearity=nonlinearity).to(dtype))
    shape = (t, i) if unbatched else ((b, t, i) if batch_first else (t, b, i))
    x = _maybe_non_contiguous(torch.randn(*shape, dtype=dtype), nc)
    args = (x,) + ((torch.randn(*((1, h) if unbatched else (1, b, h)), dtype=dtype),) if with_h0 else ())
    out, hn = mine(*args)
    out_ref, hn_ref = ref(*args)
    _close(out.detach(), out_ref.detach(), dtype)
    _close(hn.detach(), hn_ref.detach(), dtype)
    if dtype == torch.float64:                                       # gradients too
        out.sum().backward()
        out_ref.sum().backward()
        for name, p in mine.named_parameters():
            _close(p.grad, getattr(ref, name).grad, dtype)


@FAST
@given(i=st.integers(1, 4), h=st.integers(1, 5), b=st.integers(1, 3), t=st.integers(1, 5), bias=st.booleans(),
       batch_first=st.booleans(), with_h0=st.booleans(), seed=st.integers(0, 2**16))
def test_numpy_rnn_equals_nn_rnn(i, h, b, t, bias, batch_first, with_h0, seed):
    torch.manual_seed(seed)
    ref = nn.RNN(i, h, bias=bias, batch_first=batch_first).double()
    x = torch.randn(*((b, t, i) if batch_first else (t, b, i)), dtype=torch.float64)
    h0 = torch.randn(1, b, h, dtype=torch.float64) if with_h0 else None
    out_ref, hn_ref = ref(x, h0)
    out, hn = rnn.rnn_forward_numpy(x.numpy(), **rnn.numpy_weights(ref), h0=None if h0 is None else h0.numpy(),
                                    batch_first=batch_first)
    assert np.allclose(out, out_ref.detach().numpy(), rtol=0, atol=1e-12)
    assert np.allclose(hn, hn_ref.detach().numpy(), rtol=0, atol=1e-12)


@FAST
@given(i=st.integers(1, 40), h=st.integers(1, 40), layers=st.integers(1, 4), bidirectional=st.booleans(),
       bias=st.booleans(), kind=st.sampled_from(["rnn", "lstm", "gru"]))
def test_parameter_count_formulas_are_numel(i, h, layers, bidirectional, bias, kind):
    cls = {"rnn": nn.RNN, "lstm": nn.LSTM, "gru": nn.GRU}[kind]
    numel = sum(p.numel() for p in cls(i, h, num_layers=layers, bidirectional=bidirectional, bias=bias,
                                       device="meta").parameters())
    assert rnn.rnn_num_params(i, h, num_layers=layers, bidirectional=bidirectional, bias=bias, cell=kind) == numel


# ----------------------------------------------------------------------------- LSTM and GRU

@FAST
@given(kind=st.sampled_from(["lstm", "gru"]), i=st.integers(1, 4), h=st.integers(1, 5), b=st.integers(1, 3),
       t=st.integers(1, 5), bias=st.booleans(), with_state=st.booleans(), dtype=DTYPES, nc=st.booleans(),
       seed=st.integers(0, 2**16))
def test_scratch_lstm_and_gru_equal_torch_with_gradients(kind, i, h, b, t, bias, with_state, dtype, nc, seed):
    torch.manual_seed(seed)
    ref = (nn.LSTM if kind == "lstm" else nn.GRU)(i, h, bias=bias, batch_first=True).to(dtype)
    mine = gates.copy_weights(ref, (gates.ScratchLSTM if kind == "lstm" else gates.ScratchGRU)(i, h, bias=bias)
                              .to(dtype))
    x = _maybe_non_contiguous(torch.randn(b, t, i, dtype=dtype), nc)
    state = None
    if with_state:
        h0 = torch.randn(1, b, h, dtype=dtype)
        state = (h0, torch.randn(1, b, h, dtype=dtype)) if kind == "lstm" else h0
    out, st_mine = mine(x, state)
    out_ref, st_ref = ref(x, state)
    _close(out.detach(), out_ref.detach(), dtype)
    for a, c in zip(st_mine if kind == "lstm" else (st_mine,), st_ref if kind == "lstm" else (st_ref,)):
        _close(a.detach(), c.detach(), dtype)
    if dtype == torch.float64:
        out.pow(2).sum().backward()
        out_ref.pow(2).sum().backward()
        theirs = dict(ref.named_parameters())
        for name, p in mine.named_parameters():
            _close(p.grad, theirs[name if name in theirs else name + "_l0"].grad, dtype)


@FAST
@given(kind=st.sampled_from(["rnn", "lstm", "gru"]), i=st.integers(1, 4), h=st.integers(1, 5), layers=st.integers(1, 3),
       b=st.integers(1, 3), t=st.integers(1, 5), seed=st.integers(0, 2**16))
def test_stacked_rnn_equals_the_multi_layer_module(kind, i, h, layers, b, t, seed):
    torch.manual_seed(seed)
    multi = {"rnn": nn.RNN, "lstm": nn.LSTM, "gru": nn.GRU}[kind](i, h, num_layers=layers, batch_first=True).double()
    mine = stacked.StackedRNN(i, [h] * layers, kind).double().load_from(multi)
    x = torch.randn(b, t, i, dtype=torch.float64)
    out, states = mine(x)
    out_ref, st_ref = multi(x)
    _close(out.detach(), out_ref.detach(), torch.float64)
    h_ref = st_ref[0] if kind == "lstm" else st_ref
    h_mine = torch.cat([s[0] if kind == "lstm" else s for s in states])
    _close(h_mine.detach(), h_ref.detach(), torch.float64)


@FAST
@given(kind=st.sampled_from(["rnn", "lstm", "gru"]), layers=st.integers(1, 3), bidirectional=st.booleans(),
       b=st.integers(1, 3), t=st.integers(1, 5), seed=st.integers(0, 2**16))
def test_classifier_reads_the_top_layer_in_both_directions(kind, layers, bidirectional, b, t, seed):
    torch.manual_seed(seed)
    model = stacked.RNNClassifier(7, 3, hidden_size=4, num_layers=layers, cell=kind, embed_dim=5,
                                  bidirectional=bidirectional).double().eval()
    x = torch.randint(0, 7, (b, t))
    out, _ = model.rnn(model.embedding(x))                            # (B, T, D·H): the top layer at every step
    last = torch.cat([out[:, -1, :4], out[:, 0, 4:]], dim=1) if bidirectional else out[:, -1]
    _close(model(x).detach(), model.out(last).detach(), torch.float64)


# ----------------------------------------------------------------------------- hand-written BPTT

@FAST
@given(d=st.integers(1, 4), h=st.integers(1, 5), b=st.integers(1, 3), t=st.integers(1, 6),
       output=st.sampled_from(bptt.OUTPUTS), truncate=st.one_of(st.none(), st.integers(1, 7)),
       seed=st.integers(0, 2**16))
def test_bptt_equals_autograd_of_nn_rnn(d, h, b, t, output, truncate, seed):
    rng = np.random.default_rng(seed)
    c = 1 if output == "sigmoid" else 3
    params = {"W_xh": rng.normal(size=(h, d)), "W_hh": rng.normal(size=(h, h)) * 0.5, "b_h": rng.normal(size=h),
              "W_hy": rng.normal(size=(c, h)), "b_y": rng.normal(size=c)}
    x = rng.normal(size=(b, t, d))
    y = rng.integers(0, 2, b).astype(float) if output == "sigmoid" else rng.integers(0, c, b)
    if truncate is None:
        loss, grads = bptt.bptt(params, x, y, output=output)
    else:
        loss, grads = bptt.truncated_bptt(params, x, y, truncate, output=output)
    layer, head = nn.RNN(d, h, batch_first=True).double(), nn.Linear(h, c).double()
    with torch.no_grad():
        for p, k in ((layer.weight_ih_l0, "W_xh"), (layer.weight_hh_l0, "W_hh"), (layer.bias_ih_l0, "b_h"),
                     (head.weight, "W_hy"), (head.bias, "b_y")):
            p.copy_(torch.tensor(params[k]))
        layer.bias_hh_l0.zero_()
    xt, cut = torch.tensor(x), 0 if truncate is None else max(t - truncate, 0)
    state = layer(xt[:, :cut])[1].detach() if cut else None          # no gradient further back than k steps
    z = head(layer(xt[:, cut:], state)[1][0])
    ref = (F.binary_cross_entropy_with_logits(z[:, 0], torch.tensor(y)) if output == "sigmoid"
           else F.cross_entropy(z, torch.tensor(y)))
    ref.backward()
    assert abs(loss - ref.item()) < 1e-12
    for p, k in ((layer.weight_ih_l0, "W_xh"), (layer.weight_hh_l0, "W_hh"), (layer.bias_ih_l0, "b_h"),
                 (head.weight, "W_hy"), (head.bias, "b_y")):
        assert np.allclose(grads[k], p.grad.numpy(), rtol=0, atol=1e-10), k


# ----------------------------------------------------------------------------- metrics and windows

@FAST
@given(k=st.integers(1, 6), data=st.data())
def test_confusion_matrix_counts_every_pair(k, data):
    n = data.draw(st.integers(1, 40))
    y_true = data.draw(st.lists(st.integers(0, k - 1), min_size=n, max_size=n))
    y_pred = data.draw(st.lists(st.integers(0, k - 1), min_size=n, max_size=n))
    cm = metrics.confusion_matrix(y_true, y_pred, num_classes=k)
    expected = np.zeros((k, k), dtype=np.int64)
    for a, b in zip(y_true, y_pred):
        expected[a, b] += 1
    assert np.array_equal(cm, expected)
    assert metrics.accuracy(cm) == pytest.approx(np.mean(np.array(y_true) == np.array(y_pred)), rel=0, abs=1e-12)


@FAST
@given(length=st.integers(2, 30), features=st.integers(1, 3), window=st.integers(1, 6), horizon=st.integers(1, 3),
       stride=st.integers(1, 3), data=st.data())
def test_make_windows_equals_sliding_window_view(length, features, window, horizon, stride, data):
    assume(window + horizon <= length)
    target = data.draw(st.integers(0, features - 1))
    values = np.arange(length * features, dtype=np.float64).reshape(length, features)
    X, y = timeseries.make_windows(values, window, horizon=horizon, target=target, stride=stride)
    view = np.lib.stride_tricks.sliding_window_view(values, window + horizon, axis=0)[::stride]   # (N, F, W + H)
    assert len(X) == len(y) == len(view) == timeseries.n_windows(length, window, horizon, stride)
    assert np.array_equal(X.numpy(), view[:, :, :window].transpose(0, 2, 1))
    assert np.array_equal(y.numpy(), view[:, target, window:])


# ----------------------------------------------------------------------------- initialisation

@FAST
@given(kind=st.sampled_from(["linear", "conv"]), fan_a=st.integers(1, 40), fan_b=st.integers(1, 40),
       scheme=st.sampled_from(["xavier_uniform", "xavier_normal", "kaiming_uniform", "kaiming_normal"]),
       gain=st.sampled_from([1.0, 5 / 3]), seed=st.integers(0, 2**16))
def test_init_weights_draws_what_nn_init_draws(kind, fan_a, fan_b, scheme, gain, seed):
    """The same generator state gives the same weights as torch.nn.init's own function, and every bias is 0."""
    layer = nn.Linear(fan_a, fan_b) if kind == "linear" else nn.Conv2d(fan_a, fan_b, 3)
    torch.manual_seed(seed)
    init.init_weights(layer, scheme, gain=gain)
    got = layer.weight.detach().clone()
    torch.manual_seed(seed)
    ref = torch.empty_like(got)
    if scheme.startswith("xavier"):
        getattr(nn.init, scheme + "_")(ref, gain=gain)
    else:
        getattr(nn.init, scheme + "_")(ref, nonlinearity="relu")
    assert torch.equal(got, ref)
    assert torch.equal(layer.bias.detach(), torch.zeros_like(layer.bias))


# ----------------------------------------------------------------------------- forecasting metrics and language models

@FAST
@given(n=st.integers(1, 30), cols=st.integers(1, 3), dtype=st.sampled_from([np.float32, np.float64]),
       seed=st.integers(0, 2**16))
def test_rmse_and_mae_equal_numpy_in_float64(n, cols, dtype, seed):
    from coursekit.forecast import mae, rmse

    rng = np.random.default_rng(seed)
    truth = (rng.normal(size=(n, cols)) * 1e3 + 1e4).astype(dtype)        # large levels: float32 would round
    pred = (truth + rng.normal(size=(n, cols))).astype(dtype)
    diff = pred.astype(np.float64) - truth.astype(np.float64)
    assert rmse(torch.from_numpy(pred), torch.from_numpy(truth)) == pytest.approx(np.sqrt(np.mean(diff ** 2)),
                                                                                   rel=1e-12, abs=0)
    assert mae(pred, truth) == pytest.approx(np.mean(np.abs(diff)), rel=1e-12, abs=0)


def _sentences(data, vocab_size, max_len=7, max_n=5):
    """Encoded sentences as the course makes them: <bos> (2), then words 3 … V-1 (or <eos> = 3), at least 2 ids."""
    n = data.draw(st.integers(1, max_n))
    return [[2] + data.draw(st.lists(st.integers(3, vocab_size - 1), min_size=1, max_size=max_len)) for _ in range(n)]


@FAST
@given(vocab_size=st.integers(5, 12), batch_size=st.integers(1, 4), layers=st.integers(1, 2),
       seed=st.integers(0, 2**16), data=st.data())
def test_lstm_perplexity_is_exp_of_torch_cross_entropy(vocab_size, batch_size, layers, seed, data):
    from coursekit.langmodel import WordLSTMLM, perplexity

    encoded = _sentences(data, vocab_size)
    torch.manual_seed(seed)
    model = WordLSTMLM(vocab_size, emb_dim=4, hidden_size=5, num_layers=layers).double()
    model.eval()
    losses = []
    with torch.no_grad():                                                   # one sentence at a time: no padding at all
        for s in encoded:
            x, y = torch.tensor([s[:-1]]), torch.tensor(s[1:])
            losses.append(F.cross_entropy(model(x)[0], y, reduction="sum"))
    n = sum(len(s) - 1 for s in encoded)
    expected = float(torch.exp(torch.stack(losses).sum() / n))
    assert perplexity(model, encoded, batch_size=batch_size) == pytest.approx(expected, rel=1e-9, abs=0)


@FAST
@given(vocab_size=st.integers(5, 12), k=st.sampled_from([0.0, 0.1, 0.5, 1.0, 3.0]), data=st.data())
def test_unigram_add_k_and_its_perplexity_by_hand(vocab_size, k, data):
    from collections import Counter

    from coursekit.langmodel import perplexity
    from coursekit.ngram import UnigramLM

    encoded = _sentences(data, vocab_size)
    model = UnigramLM(vocab_size, k=k).fit(encoded)
    counts = Counter(t for s in encoded for t in s[1:])
    allowed = [w for w in range(vocab_size) if w not in (0, 2)]            # <pad> and <bos> never come next
    total = sum(counts.values()) + k * len(allowed)
    by_hand = {w: (counts[w] + k) / total for w in allowed}
    for w in range(vocab_size):
        assert float(model.probs[w]) == pytest.approx(by_hand.get(w, 0.0), rel=1e-12, abs=0)
    logp = [np.log(by_hand[t]) for s in encoded for t in s[1:]]
    assert perplexity(model, encoded) == pytest.approx(float(np.exp(-np.mean(logp))), rel=1e-12, abs=0)
