"""Tests of coursekit.bptt: hand-written BPTT against PyTorch autograd (float64, 1e-6) over random sizes and
sequence lengths, the forward pass against nn.RNN, a scalar example worked out with the chain-rule sum,
truncated BPTT, gradient norms through time, clipping, parameter counts and bilingual errors."""
import math

import numpy as np
import pytest
import torch
from torch import nn

from coursekit import bptt
from coursekit.i18n import CourseError


def _problem(seed, T, output):
    """Random sizes, inputs and labels for one test case."""
    rng = np.random.default_rng(seed)
    D, H, B = (int(v) for v in rng.integers(1, 9, size=3))
    C = 1 if output == "sigmoid" else int(rng.integers(2, 6))
    params = bptt.init_params(D, H, C, seed=seed, spectral_radius=float(rng.uniform(0.5, 1.5)))
    params["b_h"] = rng.normal(size=H)
    params["b_y"] = rng.normal(size=C)
    x = rng.normal(size=(B, T, D))
    y = rng.integers(0, 2, B).astype(float) if output == "sigmoid" else rng.integers(0, C, B)
    h0 = rng.normal(scale=0.5, size=H)
    return params, x, y, h0


def _torch_reference(params, x, y, h0=None, output="sigmoid", truncate=None):
    """(loss, grads) from nn.RNN + nn.Linear + a torch loss in float64, written here independently of coursekit.bptt
    (its autograd_bptt shares the module's input handling). Truncation: the state after step T − k is detached."""
    H, D = params["W_xh"].shape
    C = params["W_hy"].shape[0]
    rnn, head = nn.RNN(D, H, batch_first=True).double(), nn.Linear(H, C).double()
    with torch.no_grad():
        for p, v in ((rnn.weight_ih_l0, "W_xh"), (rnn.weight_hh_l0, "W_hh"), (rnn.bias_ih_l0, "b_h"),
                     (head.weight, "W_hy"), (head.bias, "b_y")):
            p.copy_(torch.tensor(params[v]))
        rnn.bias_hh_l0.zero_()                           # nn.RNN has two bias vectors; the lesson's has one
    xt = torch.tensor(x)
    B, T, _ = xt.shape
    h = torch.zeros(1, B, H, dtype=torch.float64) if h0 is None else torch.tensor(np.tile(h0, (B, 1)))[None]
    cut = 0 if truncate is None else max(T - truncate, 0)
    if cut:
        h = rnn(xt[:, :cut], h)[1].detach()
    z = head(rnn(xt[:, cut:], h)[1][0])
    loss = (nn.functional.binary_cross_entropy_with_logits(z[:, 0], torch.tensor(y)) if output == "sigmoid"
            else nn.functional.cross_entropy(z, torch.tensor(y)))
    loss.backward()
    grads = {"W_xh": rnn.weight_ih_l0.grad, "W_hh": rnn.weight_hh_l0.grad, "b_h": rnn.bias_ih_l0.grad,
             "W_hy": head.weight.grad, "b_y": head.bias.grad}
    return loss.item(), {k: v.numpy() for k, v in grads.items()}


@pytest.mark.parametrize("output", bptt.OUTPUTS)
@pytest.mark.parametrize("T", [1, 2, 5, 13, 40])
@pytest.mark.parametrize("seed", [0, 1, 2])
def test_hand_bptt_matches_autograd(output, T, seed):
    params, x, y, h0 = _problem(seed * 100 + T, T, output)
    for start in (None, h0):
        loss, grads = bptt.bptt(params, x, y, h0=start, output=output)
        loss_ref, grads_ref = _torch_reference(params, x, y, h0=start, output=output)
        loss_ag, grads_ag = bptt.autograd_bptt(params, x, y, h0=start, output=output)   # the lesson's own reference
        assert loss_ag == pytest.approx(loss_ref, rel=0, abs=1e-12)
        assert all(np.abs(grads_ag[n] - grads_ref[n]).max() < 1e-12 for n in bptt.NAMES)
        assert loss == pytest.approx(loss_ref, abs=1e-10)
        assert set(grads) == set(bptt.NAMES)
        for name in bptt.NAMES:
            assert grads[name].shape == params[name].shape
            assert np.allclose(grads[name], grads_ref[name], rtol=0, atol=1e-6), name
            assert np.abs(grads[name] - grads_ref[name]).max() < 1e-12, name   # in fact float64 round-off


def test_forward_equals_torch_rnn():
    params, x, _, h0 = _problem(7, 9, "sigmoid")
    H, D = params["W_xh"].shape
    rnn = nn.RNN(D, H, batch_first=True, nonlinearity="tanh").double()
    with torch.no_grad():
        rnn.weight_ih_l0.copy_(torch.tensor(params["W_xh"]))
        rnn.weight_hh_l0.copy_(torch.tensor(params["W_hh"]))
        rnn.bias_ih_l0.copy_(torch.tensor(params["b_h"]))
        rnn.bias_hh_l0.zero_()                        # nn.RNN has two bias vectors; ours has one
        out, h_last = rnn(torch.tensor(x), torch.tensor(np.tile(h0, (x.shape[0], 1)))[None])
    cache = bptt.forward(params, x, h0=h0)
    assert cache.h.shape == (x.shape[0], 10, H)
    assert np.allclose(cache.h[:, 1:], out.numpy(), rtol=0, atol=1e-12)
    assert np.allclose(cache.h[:, -1], h_last[0].numpy(), rtol=0, atol=1e-12)


def test_scalar_example_by_the_chain_rule_sum():
    """One unit, two steps: ∂L/∂w_h = Σ_t ∂L/∂o_2 · (∏ ∂o_j/∂o_{j-1}) · ∂⁺o_t/∂w_h, worked out by hand."""
    w_i, w_h, b, w_o, b_o = 0.5, 0.8, 0.1, 1.5, -0.2
    x1, x2, y = 1.0, -1.0, 1.0
    o1 = math.tanh(w_i * x1 + w_h * 0.0 + b)
    o2 = math.tanh(w_i * x2 + w_h * o1 + b)
    y_hat = 1 / (1 + math.exp(-(w_o * o2 + b_o)))
    dL_do2 = (y_hat - y) * w_o                           # ∂L/∂ŷ · ∂ŷ/∂o_2 with sigmoid + BCE
    d2, d1 = 1 - o2 ** 2, 1 - o1 ** 2                     # tanh' at each step
    dw_h = dL_do2 * d2 * o1 + dL_do2 * d2 * w_h * d1 * 0.0   # the t = 1 term is 0 because o_0 = 0
    dw_i = dL_do2 * d2 * x2 + dL_do2 * d2 * w_h * d1 * x1
    dw_o = (y_hat - y) * o2
    params = {"W_xh": np.array([[w_i]]), "W_hh": np.array([[w_h]]), "b_h": np.array([b]),
              "W_hy": np.array([[w_o]]), "b_y": np.array([b_o])}
    loss, grads = bptt.bptt(params, np.array([[[x1], [x2]]]), np.array([y]))
    assert loss == pytest.approx(-math.log(y_hat), abs=1e-12)
    assert grads["W_hh"][0, 0] == pytest.approx(dw_h, abs=1e-12)
    assert grads["W_xh"][0, 0] == pytest.approx(dw_i, abs=1e-12)
    assert grads["W_hy"][0, 0] == pytest.approx(dw_o, abs=1e-12)
    assert grads["b_h"][0] == pytest.approx(dL_do2 * d2 + dL_do2 * d2 * w_h * d1, abs=1e-12)


@pytest.mark.parametrize("output", bptt.OUTPUTS)
@pytest.mark.parametrize("T", [1, 4, 11])
def test_truncated_bptt(output, T):
    params, x, y, h0 = _problem(30 + T, T, output)
    _, full = bptt.bptt(params, x, y, h0=h0, output=output)
    for k in (T, T + 1, 100):                            # k >= T: nothing is cut
        _, same = bptt.truncated_bptt(params, x, y, k, h0=h0, output=output)
        assert all(np.array_equal(same[n], full[n]) for n in bptt.NAMES)
    for k in range(1, T):
        loss, cut = bptt.truncated_bptt(params, x, y, k, h0=h0, output=output)
        loss_ref, ref = _torch_reference(params, x, y, h0=h0, output=output, truncate=k)
        assert all(np.allclose(bptt.autograd_bptt(params, x, y, h0=h0, output=output, truncate=k)[1][n], ref[n],
                               rtol=0, atol=1e-10) for n in bptt.NAMES)
        assert loss == pytest.approx(loss_ref, abs=1e-10)  # the forward pass is never truncated
        assert all(np.allclose(cut[n], ref[n], rtol=0, atol=1e-10) for n in bptt.NAMES)
        assert np.array_equal(cut["W_hy"], full["W_hy"]) and np.array_equal(cut["b_y"], full["b_y"])
        assert not np.allclose(cut["W_xh"], full["W_xh"])


def test_grad_norms_through_time_match_autograd_and_vanish():
    params, x, y, _ = _problem(5, 12, "sigmoid")
    norms = bptt.grad_norms_through_time(params, x, y)
    P = {k: torch.tensor(v) for k, v in params.items()}
    h = torch.zeros(x.shape[0], params["W_hh"].shape[0], dtype=torch.float64, requires_grad=True)
    hs = []
    for t in range(12):
        h = torch.tanh(torch.tensor(x[:, t]) @ P["W_xh"].T + h @ P["W_hh"].T + P["b_h"])
        h.retain_grad()
        hs.append(h)
    z = (h @ P["W_hy"].T + P["b_y"])[:, 0]
    nn.functional.binary_cross_entropy_with_logits(z, torch.tensor(y)).backward()
    assert norms.shape == (12,)
    assert np.allclose(norms, [hh.grad.norm().item() for hh in hs], rtol=0, atol=1e-12)

    rng = np.random.default_rng(0)
    small = bptt.init_params(4, 32, 1, seed=0, spectral_radius=0.5)
    assert bptt.radius_of(small["W_hh"]) == pytest.approx(0.5)
    n = bptt.grad_norms_through_time(small, rng.normal(size=(1, 30, 4)), np.array([1.0]))
    assert n[0] < 1e-6 * n[-1]                           # 29 steps back with radius 0.5: gone
    assert np.all(np.diff(np.log(n[-10:])) > 0)          # and shrinking at every step back


def test_clip_by_norm():
    rng = np.random.default_rng(0)
    grads = {"a": rng.normal(size=(3, 4)) * 10, "b": rng.normal(size=5) * 10}
    clipped, total = bptt.clip_by_norm(grads, 1.0)
    assert total == pytest.approx(math.sqrt(sum((g ** 2).sum() for g in grads.values())))
    assert bptt.global_norm(clipped) == pytest.approx(1.0, abs=1e-6)
    for k in grads:                                     # the same direction: every entry scaled by one factor
        assert np.allclose(clipped[k] * total, grads[k], rtol=1e-5)
    tensors = [torch.tensor(g, requires_grad=True) for g in grads.values()]
    for t, g in zip(tensors, grads.values()):
        t.grad = torch.tensor(g)
    assert nn.utils.clip_grad_norm_(tensors, 1.0).item() == pytest.approx(total)
    assert all(np.allclose(t.grad.numpy(), c) for t, c in zip(tensors, clipped.values()))
    small = [g / 1000 for g in grads.values()]          # a list; total norm below the limit: untouched
    same, _ = bptt.clip_by_norm(small, 1.0)
    assert all(np.array_equal(s, g) for s, g in zip(same, small))


def test_parameter_counts_and_the_sources_example():
    c = bptt.count_parameters(5, 3, 1)                   # 5-word vocabulary, 3 hidden units, one output
    assert (c["W_xh"], c["W_hh"], c["W_hy"], c["weights"], c["biases"], c["total"]) == (15, 9, 3, 27, 4, 31)
    for D, H, C in ((5, 3, 1), (7, 16, 4)):
        rnn, head = nn.RNN(D, H), nn.Linear(H, C)
        n_torch = sum(p.numel() for p in [*rnn.parameters(), *head.parameters()])
        assert bptt.count_parameters(D, H, C)["total"] + H == n_torch   # nn.RNN keeps a second bias b_hh
        p = bptt.init_params(D, H, C)
        assert sum(v.size for v in p.values()) == bptt.count_parameters(D, H, C)["total"]


def test_gradient_descent_lowers_the_loss_and_predict():
    params, x, y, _ = _problem(3, 6, "sigmoid")
    loss0, grads = bptt.bptt(params, x, y)
    new = bptt.sgd_step(params, grads, lr=0.1)
    assert bptt.forward(new, x, y).loss < loss0
    assert np.array_equal(new["W_hh"], params["W_hh"] - 0.1 * grads["W_hh"])
    assert bptt.predict(params, x).shape == (x.shape[0],)
    p, x2, y2, _ = _problem(3, 6, "softmax")
    assert set(bptt.predict(p, x2, output="softmax")) <= set(range(p["b_y"].size))
    one, _ = bptt.bptt(params, x[0], y[:1])               # one sequence (T, D) is a batch of one
    assert one == pytest.approx(bptt.forward(params, x[:1], y[:1]).loss)


def _bilingual(exc):
    msg = str(exc.value)
    return any("\u0900" <= ch <= "\u097f" for ch in msg) and any(ch.isascii() and ch.isalpha() for ch in msg)


@pytest.mark.parametrize("call, expected", [
    (lambda p, x, y: bptt.forward(p, x[0, 0], y), "(B, T, 5)"),                 # 1-D input
    (lambda p, x, y: bptt.forward(p, np.zeros((2, 3, 4)), None), "got (2, 3, 4)"),  # wrong feature size
    (lambda p, x, y: bptt.bptt(p, x, y[:1]), "shape (2,)"),                     # one label for two sequences
    (lambda p, x, y: bptt.bptt(p, x, y + 2), "labels 0 or 1"),
    (lambda p, x, y: bptt.bptt(p, x, y, output="relu"), "output must be one of"),
    (lambda p, x, y: bptt.bptt(p, x, y, truncate=0), "at least 1"),
    (lambda p, x, y: bptt.bptt({**p, "W_hh": np.zeros((3, 4))}, x, y), "W_hh must have shape (3, 3)"),
    (lambda p, x, y: bptt.bptt({"W_xh": p["W_xh"]}, x, y), "missing"),
    (lambda p, x, y: bptt.clip_by_norm({"a": np.ones(2)}, 0.0), "max_norm must be positive"),
    (lambda p, x, y: bptt.init_params(5, 0), "hidden_size must be a positive integer"),
])
def test_bad_input_raises_bilingual_errors(call, expected):
    p = bptt.init_params(5, 3, 1)
    x, y = np.zeros((2, 4, 5)), np.array([0.0, 1.0])
    with pytest.raises(CourseError) as exc:
        call(p, x, y)
    assert expected in str(exc.value) and _bilingual(exc)
