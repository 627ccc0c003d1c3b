"""Tests of coursekit.init: the from-scratch formulas against the tensors torch.nn.init makes, and init_weights."""
import math

import pytest
import torch
from torch import nn

from coursekit import MLP, MLPConfig
from coursekit.i18n import CourseError
from coursekit.init import (
    SCHEMES,
    default_linear_bound,
    distinct_rows,
    fans,
    he_bound,
    he_std,
    init_weights,
    max_row_difference,
    xavier_bound,
    xavier_std,
)

# (fan_in, fan_out) pairs: square, widening (digits input layer), narrowing (a classifier head)
FANS = [(256, 256), (64, 512), (512, 64)]


def _weight(fan_in, fan_out):
    torch.manual_seed(0)
    return torch.empty(fan_out, fan_in)  # nn.Linear's layout: (out_features, in_features)


def _uniform_std(bound):
    return bound / math.sqrt(3)  # Var(U(-a, a)) = a^2 / 3


@pytest.mark.parametrize("fan_in, fan_out", FANS)
def test_formulas_match_empirical_std_of_nn_init(fan_in, fan_out):
    # 16k-262k samples: the sample std is within ~1% of the true one; allow 3%
    cases = [
        (nn.init.xavier_normal_, {}, xavier_std(fan_in, fan_out)),
        (nn.init.xavier_uniform_, {}, _uniform_std(xavier_bound(fan_in, fan_out))),
        (nn.init.kaiming_normal_, {"nonlinearity": "relu"}, he_std(fan_in)),
        (nn.init.kaiming_uniform_, {"nonlinearity": "relu"}, _uniform_std(he_bound(fan_in))),
        (nn.init.xavier_normal_, {"gain": 5 / 3}, xavier_std(fan_in, fan_out, gain=5 / 3)),
    ]
    for fn, kwargs, expected in cases:
        w = fn(_weight(fan_in, fan_out), **kwargs)
        assert w.std().item() == pytest.approx(expected, rel=0.03), fn.__name__
        assert abs(w.mean().item()) < 0.05 * expected, fn.__name__


@pytest.mark.parametrize("fan_in, fan_out", [(3, 5), (64, 32), (300, 100)])
def test_formulas_are_the_values_nn_init_uses_with_the_same_seed(fan_in, fan_out):
    # same seed, same draws: nn.init's tensor is N(0, 1) · std or U(−b, b), so each formula is checked to 1e-6, not 3%
    for fn, kwargs, std in [(nn.init.xavier_normal_, {}, xavier_std(fan_in, fan_out)),
                            (nn.init.xavier_normal_, {"gain": 5 / 3}, xavier_std(fan_in, fan_out, gain=5 / 3)),
                            (nn.init.kaiming_normal_, {"nonlinearity": "relu"}, he_std(fan_in))]:
        torch.manual_seed(1)
        w = fn(_weight(fan_in, fan_out), **kwargs)
        torch.manual_seed(1)
        assert torch.allclose(w, _weight(fan_in, fan_out).normal_(0, std), rtol=1e-6, atol=0), fn.__name__
    for fn, kwargs, bound in [(nn.init.xavier_uniform_, {}, xavier_bound(fan_in, fan_out)),
                              (nn.init.kaiming_uniform_, {"nonlinearity": "relu"}, he_bound(fan_in))]:
        torch.manual_seed(1)
        w = fn(_weight(fan_in, fan_out), **kwargs)
        torch.manual_seed(1)
        assert torch.allclose(w, _weight(fan_in, fan_out).uniform_(-bound, bound), rtol=1e-6, atol=0), fn.__name__


@pytest.mark.parametrize("fan_in, fan_out", FANS)
def test_uniform_bounds_are_the_limits_nn_init_reaches(fan_in, fan_out):
    for fn, kwargs, bound in [(nn.init.xavier_uniform_, {}, xavier_bound(fan_in, fan_out)),
                              (nn.init.kaiming_uniform_, {"nonlinearity": "relu"}, he_bound(fan_in))]:
        w = fn(_weight(fan_in, fan_out), **kwargs)
        assert w.abs().max().item() <= bound * (1 + 1e-6)
        assert w.abs().max().item() >= 0.99 * bound


def test_hand_values_of_the_formulas():
    assert xavier_std(256, 256) == pytest.approx(math.sqrt(2 / 512))
    assert xavier_bound(64, 512) == pytest.approx(math.sqrt(6 / 576))
    assert he_std(256) == pytest.approx(math.sqrt(2 / 256))
    assert he_bound(64) == pytest.approx(math.sqrt(6 / 64))
    assert default_linear_bound(64) == 0.125
    assert he_std(256) ** 2 == pytest.approx(6 * _uniform_std(default_linear_bound(256)) ** 2)  # He = 6 x default


@pytest.mark.parametrize("fan_in, fan_out", FANS)
def test_nn_linear_default_is_kaiming_uniform_a_sqrt5(fan_in, fan_out):
    torch.manual_seed(0)
    layer = nn.Linear(fan_in, fan_out)
    torch.manual_seed(0)
    twin = nn.init.kaiming_uniform_(torch.empty(fan_out, fan_in), a=math.sqrt(5))
    assert torch.allclose(layer.weight, twin, atol=1e-7, rtol=0)
    bound = default_linear_bound(fan_in)
    assert layer.weight.abs().max().item() <= bound and layer.bias.abs().max().item() <= bound
    assert layer.weight.std().item() == pytest.approx(_uniform_std(bound), rel=0.05)
    # neither Xavier nor He: Var = 1/(3 fan_in), a sixth of He's 2/fan_in
    assert layer.weight.std().item() != pytest.approx(xavier_std(fan_in, fan_out), rel=0.1)
    assert layer.weight.std().item() == pytest.approx(he_std(fan_in) / math.sqrt(6), rel=0.05)


def test_fans():
    assert fans(torch.empty(512, 64)) == (64, 512)
    assert fans(torch.empty(16, 3, 5, 5)) == (75, 400)
    with pytest.raises(CourseError, match="at least 2 dimensions"):
        fans(torch.empty(10))


def _net(activation="relu"):
    return MLP(MLPConfig(in_features=64, hidden=[256, 128], out_features=10, activation=activation))


def _linears(model):
    return [m for m in model.modules() if isinstance(m, nn.Linear)]


@pytest.mark.parametrize("scheme, std_of", [
    ("xavier_normal", lambda fi, fo: xavier_std(fi, fo)),
    ("xavier_uniform", lambda fi, fo: _uniform_std(xavier_bound(fi, fo))),
    ("kaiming_normal", lambda fi, fo: he_std(fi)),
    ("kaiming_uniform", lambda fi, fo: _uniform_std(he_bound(fi))),
    ("he", lambda fi, fo: he_std(fi)),
    ("normal", lambda fi, fo: 0.01),
    ("uniform", lambda fi, fo: _uniform_std(0.1)),
])
def test_init_weights_gives_the_formula_std_and_zero_bias(scheme, std_of):
    torch.manual_seed(0)
    model = init_weights(_net(), scheme)
    for m in _linears(model)[:2]:  # the big layers (the 10-output head has too few weights for 3%)
        fan_in, fan_out = fans(m.weight)
        assert m.weight.std().item() == pytest.approx(std_of(fan_in, fan_out), rel=0.03), scheme
    assert all(torch.count_nonzero(m.bias) == 0 for m in _linears(model))


@pytest.mark.parametrize("scheme, call", [
    ("xavier_uniform", lambda w: nn.init.xavier_uniform_(w)),
    ("kaiming_normal", lambda w: nn.init.kaiming_normal_(w, nonlinearity="relu")),
])
def test_init_weights_equals_nn_init_with_the_same_seed(scheme, call):
    model = _net()
    torch.manual_seed(3)
    init_weights(model, scheme)
    torch.manual_seed(3)
    for m in _linears(model):
        assert torch.equal(m.weight, call(torch.empty_like(m.weight)))


def test_zeros_constant_and_default():
    model = init_weights(_net(), "zeros")
    assert all(torch.count_nonzero(p) == 0 for p in model.parameters())
    init_weights(model, "constant", value=0.05, bias=0.1)
    for m in _linears(model):
        assert torch.all(m.weight == 0.05) and torch.all(m.bias == 0.1)
    init_weights(model, "default")
    for m in _linears(model):
        assert m.weight.abs().max().item() <= default_linear_bound(m.in_features)
        assert torch.count_nonzero(m.bias) == m.out_features


def test_init_weights_reaches_conv_layers_and_returns_the_model():
    model = nn.Sequential(nn.Conv2d(3, 8, 3), nn.ReLU(), nn.Flatten(), nn.Linear(8 * 6 * 6, 10))
    assert init_weights(model, "zeros") is model
    assert torch.count_nonzero(model[0].weight) == 0 and torch.count_nonzero(model[3].weight) == 0


def test_init_weights_errors_teach():
    with pytest.raises(CourseError, match="kaiming_normal") as err:
        init_weights(_net(), "glorious")
    assert "scheme इनमें से एक" in str(err.value)
    with pytest.raises(CourseError, match="positive std"):
        init_weights(_net(), "normal", std=0)
    with pytest.raises(CourseError, match="no layer"):
        init_weights(nn.Sequential(nn.ReLU()), "zeros")
    assert set(SCHEMES) >= {"zeros", "normal", "uniform", "xavier_uniform", "xavier_normal",
                            "kaiming_normal", "kaiming_uniform"}


def test_symmetry_measures():
    w = torch.full((5, 3), 0.2)
    assert max_row_difference(w) == 0.0 and distinct_rows(w) == 1
    w[2, 1] = 0.7
    assert max_row_difference(w) == pytest.approx(0.5) and distinct_rows(w) == 2
    torch.manual_seed(0)
    assert distinct_rows(torch.randn(32, 8)) == 32
    assert distinct_rows(torch.zeros(4, 2, 3, 3)) == 1  # conv kernels: one row per output channel


def test_constant_init_stays_symmetric_after_training():
    """A constant init gives every hidden neuron the same gradient, so the rows stay identical."""
    torch.manual_seed(0)
    model = init_weights(_net(), "constant", value=0.01)
    opt = torch.optim.SGD(model.parameters(), lr=0.1, momentum=0.9)
    x, y = torch.rand(64, 64), torch.randint(0, 10, (64,))
    first = model.net[0].weight.detach().clone()
    for _ in range(20):
        opt.zero_grad()
        nn.functional.cross_entropy(model(x), y).backward()
        opt.step()
    w = model.net[0].weight
    assert not torch.equal(w, first)            # it did learn ...
    assert distinct_rows(w) == 1                 # ... but every neuron learned the same thing
    assert distinct_rows(model.net[2].weight.T) == 1


def test_zero_init_relu_only_the_last_bias_gets_a_gradient():
    model = init_weights(_net(), "zeros")
    torch.manual_seed(0)
    nn.functional.cross_entropy(model(torch.rand(32, 64)), torch.randint(0, 10, (32,))).backward()
    grads = {name: p.grad.abs().max().item() for name, p in model.named_parameters()}
    last_bias = list(grads)[-1]
    assert grads.pop(last_bias) > 0
    assert all(g == 0 for g in grads.values())
