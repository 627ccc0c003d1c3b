"""Tests of coursekit.batchnorm: the from-scratch batch norm against its torch.nn twins."""
import pytest
import torch
import torch.nn.functional as F
from torch import nn

from coursekit.batchnorm import BatchNorm1dScratch, batch_stats, batchnorm_forward
from coursekit.i18n import CourseError


def _pair(num_features, momentum=0.1, eps=1e-5):
    """A scratch layer and an nn.BatchNorm1d with the same random gamma and beta."""
    torch.manual_seed(0)
    ours = BatchNorm1dScratch(num_features, eps=eps, momentum=momentum)
    ref = nn.BatchNorm1d(num_features, eps=eps, momentum=momentum)
    with torch.no_grad():
        ours.weight.copy_(torch.rand(num_features) + 0.5)
        ours.bias.copy_(torch.randn(num_features))
    ref.load_state_dict(ours.state_dict())
    return ours, ref


@pytest.mark.parametrize("dtype, tol", [(torch.float32, 1e-6), (torch.float64, 1e-12)], ids=["float32", "float64"])
@pytest.mark.parametrize("shape", [(16, 5), (8, 5, 7), (2, 5)], ids=["N,C", "N,C,L", "N=2"])
@pytest.mark.parametrize("momentum", [0.1, 0.5, None])
def test_matches_nn_batchnorm1d_train_then_eval(shape, momentum, dtype, tol):
    ours, ref = _pair(shape[1], momentum=momentum)
    ours, ref = ours.to(dtype), ref.to(dtype)
    gen = torch.Generator().manual_seed(1)
    for _ in range(5):                                   # several training steps
        x = (torch.randn(*shape, generator=gen) * 3 + 2).to(dtype)   # not already normalised
        assert torch.allclose(ours(x), ref(x), atol=tol, rtol=0)
        # running_var can reach ~30 here, where float32 steps are ~2e-6: compare relatively too
        assert torch.allclose(ours.running_mean, ref.running_mean, atol=tol, rtol=tol)
        assert torch.allclose(ours.running_var, ref.running_var, atol=tol, rtol=tol)
    assert int(ours.num_batches_tracked) == int(ref.num_batches_tracked) == 5
    ours.eval()
    ref.eval()
    x = (torch.randn(*shape, generator=gen) * 3 + 2).to(dtype)
    assert torch.allclose(ours(x), ref(x), atol=tol, rtol=0)
    one = x[:1]                                          # a single example is fine in eval mode
    assert torch.allclose(ours(one), ref(one), atol=tol, rtol=0)


def test_running_var_uses_unbiased_variance():
    layer = BatchNorm1dScratch(1)
    x = torch.tensor([[1.0], [3.0], [5.0], [7.0]])       # mean 4, biased var 5, unbiased var 20/3
    layer(x)
    assert torch.allclose(layer.running_mean, torch.tensor([0.4]))           # 0.9*0 + 0.1*4
    assert torch.allclose(layer.running_var, torch.tensor([0.9 + 0.1 * 20 / 3]))
    mean, var = batch_stats(x)
    assert mean.item() == pytest.approx(4.0) and var.item() == pytest.approx(5.0)


def test_gradients_match_nn_batchnorm1d():
    ours, ref = _pair(4)
    x1 = (torch.randn(10, 4, 3) * 2).requires_grad_()
    x2 = x1.detach().clone().requires_grad_()
    w = torch.randn(10, 4, 3)
    (ours(x1) * w).sum().backward()
    (ref(x2) * w).sum().backward()
    assert torch.allclose(x1.grad, x2.grad, atol=1e-5, rtol=0)
    assert torch.allclose(ours.weight.grad, ref.weight.grad, atol=1e-5, rtol=0)
    assert torch.allclose(ours.bias.grad, ref.bias.grad, atol=1e-5, rtol=0)


def test_same_names_and_state_dict_as_pytorch():
    ours, ref = BatchNorm1dScratch(6), nn.BatchNorm1d(6)
    assert [n for n, _ in ours.named_parameters()] == [n for n, _ in ref.named_parameters()] == ["weight", "bias"]
    assert set(ours.state_dict()) == set(ref.state_dict())
    assert sum(p.numel() for p in ours.parameters()) == 2 * 6
    ref.load_state_dict(ours.state_dict())               # loads both ways without missing keys
    ours.load_state_dict(ref.state_dict())


@pytest.mark.parametrize("shape", [(6, 3), (6, 3, 5), (4, 3, 2, 2)])
def test_function_form_matches_f_batch_norm(shape):
    torch.manual_seed(2)
    x, gamma, beta = torch.randn(*shape) * 4 - 1, torch.rand(3) + 0.5, torch.randn(3)
    expected = F.batch_norm(x, None, None, gamma, beta, training=True, eps=1e-5)
    assert torch.allclose(batchnorm_forward(x, gamma, beta, 1e-5), expected, atol=1e-6, rtol=0)


def test_function_form_gives_mean_0_and_std_1_per_channel():
    x = torch.randn(64, 3, 4, 4, dtype=torch.float64) * 5 + 3    # (N, C, H, W): statistics over N, H, W
    y = batchnorm_forward(x, torch.ones(3, dtype=torch.float64), torch.zeros(3, dtype=torch.float64), 1e-5)
    assert torch.allclose(y.mean(dim=(0, 2, 3)), torch.zeros(3, dtype=torch.float64), rtol=0, atol=1e-12)
    # the biased variance v of the batch: var(y) = v / (v + eps) exactly; the unbiased one is 1/1023 off
    v = x.var(dim=(0, 2, 3), unbiased=False)
    assert torch.allclose(y.var(dim=(0, 2, 3), unbiased=False), v / (v + 1e-5), rtol=0, atol=1e-12)


def test_batch_of_one_raises_in_training_mode_only():
    layer = BatchNorm1dScratch(3)
    with pytest.raises(CourseError, match="more than 1 value per channel"):
        layer(torch.randn(1, 3))
    layer.eval()
    assert layer(torch.randn(1, 3)).shape == (1, 3)


@pytest.mark.parametrize("bad", [torch.randn(5), torch.randn(4, 7), torch.randn(2, 3, 4, 4)])
def test_wrong_shape_names_expected_shape(bad):
    with pytest.raises(CourseError, match=r"\(N, 3\) or \(N, 3, L\)"):
        BatchNorm1dScratch(3)(bad)
    with pytest.raises(CourseError):
        batchnorm_forward(torch.randn(5), torch.ones(5), torch.zeros(5))


def test_eval_mode_does_not_touch_running_stats():
    layer = BatchNorm1dScratch(2)
    layer(torch.randn(8, 2) + 5)
    before = layer.running_mean.clone(), layer.running_var.clone()
    layer.eval()
    layer(torch.randn(8, 2) - 5)
    assert torch.equal(layer.running_mean, before[0]) and torch.equal(layer.running_var, before[1])
    assert "momentum=0.1" in repr(layer)
