"""The review's probes of practice banks 00–05, kept as tests: every wrong answer that used to pass now fails,
every right answer that used to be refused now passes, and an answer that changes its input in place cannot
spoil a later check (reviews/reliability.md, sections 1–3 and the probe table)."""
import math
import sys

import numpy as np
import pytest
import torch
import torch.nn.functional as F
from torch import nn

from coursekit.exercises import FAIL, FORMAT, PASS, bank, load


def q(name: str, number: int):
    return load(name)[number - 1]


def status(name: str, number: int, answer) -> str:
    return q(name, number).evaluate(answer).status


def message(name: str, number: int, answer) -> str:
    r = q(name, number).evaluate(answer)
    assert r.status == FAIL and r.message.hi.strip(), r.message.en
    return r.message.en


# ----------------------------------------------------------------------------- 00 welcome
def test_00_q7_an_input_zeroed_in_place_cannot_unlock_a_constant_answer():
    """Rows 160–162: zeroing the input made the constant 0.25 pass for the rest of the session."""
    q7 = q("00_welcome", 7)

    def zeroes(x):
        x.zero_()
        s = torch.sigmoid(x)
        return s * (1 - s)

    assert q7.evaluate(zeroes).status == FAIL
    assert q7.evaluate(zeroes).status == FAIL
    assert q7.evaluate(lambda x: torch.full_like(x, 0.25)).status == FAIL
    assert q7.evaluate(lambda x: torch.sigmoid(x) * (1 - torch.sigmoid(x))).status == PASS


def test_00_q7_special_casing_the_old_two_inputs_fails():
    """Row 108: only two fixed inputs were checked."""
    def memorised(x):
        if x.dim() == 0:
            return torch.tensor(0.25)
        s = torch.sigmoid(torch.tensor([-3.0, 2.0, 10.0]))
        return s * (1 - s)

    assert status("00_welcome", 7, memorised) == FAIL


def test_00_q7_sys_exit_is_a_failed_try_with_an_explanation():
    """Row 176: sys.exit() in a learner's function escaped check()."""
    assert "sys.exit" in message("00_welcome", 7, lambda x: sys.exit("bye"))


@pytest.mark.parametrize("answer,expected", [
    ((32.9, 64.7), FAIL), ({32: 0, 64: 0}, FORMAT), ({32, 64}, FORMAT), (torch.tensor([32, 64]), PASS),
])
def test_00_q5_shapes(answer, expected):
    """Rows 1, 4, 5, 9: float dimensions were truncated, a dict or set was read as a shape, a tensor of the
    dimensions was refused."""
    assert status("00_welcome", 5, answer) == expected


@pytest.mark.parametrize("answer,expected", [(401920.4, FAIL), ("4,01,920", PASS), (float("nan"), FAIL)])
def test_00_q4_a_parameter_count_is_a_whole_number(answer, expected):
    """Rows 20, 23, 29."""
    assert status("00_welcome", 4, answer) == expected
    if answer != answer:
        assert "nan" in message("00_welcome", 4, answer) and "too small" not in message("00_welcome", 4, answer)


@pytest.mark.parametrize("number,answer", [(1, "(b)"), (1, "b)"), (2, "abc"), (2, "a, b, c"), (3, np.True_),
                                           (3, torch.tensor(True))])
def test_00_common_answer_forms_are_accepted(number, answer):
    """Rows 74, 75, 79, 80, 94, 95 (false fails)."""
    assert status("00_welcome", number, answer) == PASS


def test_00_q6_a_complex_tensor_is_not_a_pass():
    """Row 51: the imaginary part was dropped silently."""
    assert status("00_welcome", 6, torch.tensor([0, 0, 0, 1.5 + 1j])) != PASS


def test_00_q8_mylinear():
    """Rows 115–117, plus a forgotten bias (hidden while the bias started at 0) and sizes written in."""
    nb = bank("00_welcome")
    assert status("00_welcome", 8, nn.Linear) == PASS
    assert "x Wᵀ + b" in message("00_welcome", 8, nb._WrongLinearNoBias)
    assert "nn.Parameter" in message("00_welcome", 8, nb._WrongLinearPlainTensors)

    class Fixed(nn.Module):
        def __init__(self, n_in, n_out):
            super().__init__()
            self.weight, self.bias = nn.Parameter(torch.randn(2, 3)), nn.Parameter(torch.zeros(2))

        def forward(self, x):
            return x @ self.weight.T + self.bias

    assert status("00_welcome", 8, Fixed) == FAIL


# ----------------------------------------------------------------------------- 01 deep neural networks
def test_01_q10_a_function_that_consumes_its_list_cannot_unlock_a_wrong_one():
    """Section 1.1 and rows 165–168: popping from the list emptied the stored cases."""
    def consumes(sizes):
        total = 0
        while len(sizes) > 1:
            a = sizes.pop(0)
            total += a * sizes[0] + sizes[0]
        return total

    q10 = q("01_deep_neural_networks", 10)
    assert q10.evaluate(consumes).status == PASS
    assert q10.evaluate(consumes).status == PASS
    assert q10.evaluate(lambda s: sum(a * b for a, b in zip(s, s[1:]))).status == FAIL   # biases forgotten
    assert q10.evaluate(bank("01_deep_neural_networks")._wrong_count_pops_no_bias).status == FAIL


def test_01_q9_extra_or_squashing_layers_fail_with_the_layers_named():
    """Rows 118–120: a Dropout, a Sigmoid output, a LogSoftmax output."""
    make = bank("01_deep_neural_networks")._dnn_variant          # make_dnn with one slip
    assert "Dropout" in message("01_deep_neural_networks", 9, make(extra=[lambda: nn.Dropout(0.2)]))
    assert "Sigmoid" in message("01_deep_neural_networks", 9, make(out=[nn.Sigmoid]))
    assert "LogSoftmax" in message("01_deep_neural_networks", 9, make(out=[lambda: nn.LogSoftmax(dim=1)]))
    assert status("01_deep_neural_networks", 9, make()) == PASS


def test_01_q11_relu_written_as_max_passes():
    """max(0, z) returns the int 0 for a negative z: a right answer, not a type error."""
    assert status("01_deep_neural_networks", 11, lambda x, w, b: max(0.0, float(w @ x + b))) == PASS


def test_01_q12_a_stable_softmax_that_changes_its_input_passes_and_spoils_nothing():
    """Row 123."""
    def in_place(z):
        z -= z.max(dim=-1, keepdim=True).values
        e = torch.exp(z)
        return e / e.sum(dim=-1, keepdim=True)

    q12 = q("01_deep_neural_networks", 12)
    assert q12.evaluate(in_place).status == PASS and q12.evaluate(in_place).status == PASS
    assert q12.evaluate(bank("01_deep_neural_networks")._wrong_softmax_unstable).status == FAIL


def test_01_q13_zero_grad_between_backward_and_step_is_named():
    """Row 211: the message asked 'did you call optimizer.step()?' although step() was called."""
    from coursekit.exercises.banks._nb01_graders import wrong_step_zero_grad_after_backward

    assert "zero_grad" in message("01_deep_neural_networks", 13, wrong_step_zero_grad_after_backward)


# ----------------------------------------------------------------------------- 02 weight initialization
def test_02_q5_a_symmetric_he_init_fails():
    """Section 1.4 and row 124: every row the same He row."""
    def he_init_(layer):
        row = torch.randn(1, layer.in_features) * math.sqrt(2 / layer.in_features)
        with torch.no_grad():
            layer.weight.copy_(row.expand_as(layer.weight))
            layer.bias.zero_()

    assert "symmetry" in message("02_weight_initialization", 5, he_init_)


def test_02_q5_plus_minus_sigma_and_uniform_are_not_he_normal():
    """Rows 125, 126: ±σ passed as He normal; kaiming_uniform_ was refused only for returning a tuple."""
    def plus_minus(layer):
        with torch.no_grad():
            layer.weight.copy_(torch.sign(torch.randn_like(layer.weight)) * math.sqrt(2 / layer.in_features))
            layer.bias.zero_()

    assert status("02_weight_initialization", 5, plus_minus) == FAIL
    uniform = message("02_weight_initialization", 5, lambda layer: (
        nn.init.kaiming_uniform_(layer.weight, nonlinearity="relu"), nn.init.zeros_(layer.bias)))
    assert "uniform" in uniform and "return" not in uniform


@pytest.mark.parametrize("answer", [
    lambda layer: (nn.init.kaiming_normal_(layer.weight, nonlinearity="relu"), nn.init.zeros_(layer.bias)),
    lambda layer: (layer.weight.data.normal_(0, math.sqrt(2 / layer.in_features)), layer.bias.data.zero_()),
])
def test_02_q5_right_answers_in_other_forms_pass(answer):
    assert status("02_weight_initialization", 5, answer) == PASS


@pytest.mark.parametrize("bias_init", [
    lambda b, bound: nn.init.constant_(b, 0.01),
    lambda b, bound: nn.init.uniform_(b, 0, bound),
    lambda b, bound: nn.init.zeros_(b),
])
def test_02_q8_a_constant_or_one_sided_bias_fails(bias_init):
    """Section 1.5 and rows 127, 128: the bias was checked only for 500 non-zeros and |b| ≤ bound."""
    def default_init_(layer):
        bound = 1 / math.sqrt(layer.in_features)
        nn.init.uniform_(layer.weight, -bound, bound)
        bias_init(layer.bias, bound)

    assert "bias" in message("02_weight_initialization", 8, default_init_)


@pytest.mark.parametrize("answer", [
    lambda layer: layer.reset_parameters(),
    lambda layer: (nn.init.kaiming_uniform_(layer.weight, a=math.sqrt(5)),
                   nn.init.uniform_(layer.bias, -1 / math.sqrt(layer.in_features), 1 / math.sqrt(layer.in_features))),
])
def test_02_q8_pytorchs_own_default_passes(answer):
    assert status("02_weight_initialization", 8, answer) == PASS


def test_02_q6_lecun_std_fails():
    """Row 130."""
    assert status("02_weight_initialization", 6, lambda fan_in, fan_out: math.sqrt(1 / fan_in)) == FAIL


# ----------------------------------------------------------------------------- 03 vanishing and exploding gradients
def test_03_q9_a_diagnosis_that_empties_its_list_cannot_unlock_a_wrong_one():
    def empties(norms):
        norms.clear()
        return "healthy"

    q9 = q("03_vanishing_exploding_gradients", 9)
    assert q9.evaluate(empties).status == FAIL and q9.evaluate(empties).status == FAIL
    assert q9.evaluate(bank("03_vanishing_exploding_gradients")._ratio_only).status == FAIL
    assert q9.evaluate(lambda norms: bank("03_vanishing_exploding_gradients")._diagnose(norms).title()).status == FAIL


def test_03_q8_clipping():
    """Row 212, and a right answer that scales the gradients in place passes every time."""
    nb = bank("03_vanishing_exploding_gradients")

    def in_place(grads, max_norm):
        total = torch.sqrt(sum((g ** 2).sum() for g in grads))
        for g in grads:
            g.mul_(min(1.0, max_norm / (total.item() + 1e-6)))
        return grads, total

    q8 = q("03_vanishing_exploding_gradients", 8)
    assert q8.evaluate(in_place).status == PASS and q8.evaluate(in_place).status == PASS
    assert "unchanged" in message("03_vanishing_exploding_gradients", 8, nb._wrong_clip_always)
    assert "nan" in message("03_vanishing_exploding_gradients", 8, nb._wrong_clip_divides_by_zero)


# ----------------------------------------------------------------------------- 04 batch normalization
def test_04_q12_eps_outside_the_square_root_fails():
    """Row 132: it differed from F.batch_norm by < 1e-5 on the old cases."""
    def eps_outside(x, gamma, beta, eps=1e-5):
        return gamma * (x - x.mean(0)) / (x.var(0, unbiased=False).sqrt() + eps) + beta

    assert "outside the square root" in message("04_batch_normalization", 12, eps_outside)


def test_04_q12_an_in_place_forward_pass_passes_and_spoils_nothing():
    def in_place(x, gamma, beta, eps=1e-5):
        x.sub_(x.mean(dim=0))
        x.div_(torch.sqrt((x ** 2).mean(dim=0) + eps))
        return gamma * x + beta

    q12 = q("04_batch_normalization", 12)
    assert q12.evaluate(in_place).status == PASS and q12.evaluate(in_place).status == PASS
    assert q12.evaluate(lambda x, g, b, eps=1e-5: g * (x - x.mean(0)) / (x.var(0) + eps).sqrt() + b).status == FAIL
    assert "F.batch_norm" in message("04_batch_normalization", 12,
                                     lambda x, g, b, eps=1e-5: F.batch_norm(x, None, None, g, b, True, 0.1, eps))


def test_04_q13_the_library_layer_under_another_name_fails():
    """Row 138: a subclass of nn.BatchNorm1d passed 'complete the BN layer'. The check is
    isinstance(layer, nn.modules.batchnorm._BatchNorm): BatchNorm1d, 2d, 3d and their subclasses."""
    class BatchNormLayer(nn.BatchNorm1d):
        pass

    assert "subclass" in message("04_batch_normalization", 13, BatchNormLayer)
    assert status("04_batch_normalization", 13, nn.BatchNorm1d) == FAIL

    class Wraps(nn.Module):
        def __init__(self, c):
            super().__init__()
            self.bn = nn.BatchNorm1d(c)

        def forward(self, x):
            return self.bn(x)

    assert status("04_batch_normalization", 13, Wraps) == FAIL


class _ReluBeforeBN(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc1, self.bn, self.act, self.fc2 = nn.Linear(64, 32, bias=False), nn.BatchNorm1d(32), nn.ReLU(), nn.Linear(32, 10)

    def forward(self, x):
        return self.fc2(self.bn(self.act(self.fc1(x))))


class _BNNeverCalled(_ReluBeforeBN):
    def forward(self, x):
        return self.fc2(self.act(self.fc1(x)))


class _FunctionalRelu(_ReluBeforeBN):
    def forward(self, x):
        return self.fc2(F.relu(self.bn(self.fc1(x))))


@pytest.mark.parametrize("make_model", [
    lambda: nn.Sequential(nn.Linear(64, 32, bias=False), nn.BatchNorm1d(32), nn.ReLU(), nn.Linear(32, 10), nn.Softmax(1)),
    lambda: nn.Sequential(nn.Linear(64, 32, bias=False), nn.BatchNorm1d(32, affine=False), nn.ReLU(), nn.Linear(32, 10)),
    lambda: nn.Sequential(nn.Linear(64, 32, bias=False), nn.BatchNorm1d(32), nn.Sigmoid(), nn.ReLU(), nn.Linear(32, 10)),
    _ReluBeforeBN, _BNNeverCalled,
], ids=["softmax", "affine-false", "sigmoid", "relu-before-bn", "bn-never-called"])
def test_04_q14_models_that_only_look_right_fail(make_model):
    """Section 1.2 and rows 133–137: only the registration order of the layers was checked."""
    assert status("04_batch_normalization", 14, make_model) == FAIL


def test_04_q14_a_right_model_written_another_way_passes():
    assert status("04_batch_normalization", 14, _FunctionalRelu) == PASS
    assert "before" in message("04_batch_normalization", 14, _ReluBeforeBN)


def test_04_q6_a_tuple_of_tensors_passes():
    """Row 61."""
    x = torch.tensor([[2.0, 1.0], [4.0, 3.0], [6.0, 8.0], [8.0, 4.0]])
    assert status("04_batch_normalization", 6, (x.mean(0), x.var(0, unbiased=False))) == PASS


# ----------------------------------------------------------------------------- 05 convolution
def test_05_q5_a_shape_without_the_floor_fails():
    """Section 1.11 and row 69."""
    assert status("05_convolution", 5, (4, 8, (32 + 4 - 5) / 2 + 1, (32 + 4 - 5) / 2 + 1)) == FAIL


def _conv_helper(image, kernel):
    return F.conv2d(image[None, None], kernel[None, None])[0, 0]


def test_05_q8_f_conv2d_anywhere_is_refused():
    """Rows 139, 140: the ban scanned only the top function's names. Now every convolution the answer runs is
    caught at torch's dispatcher — a helper, a direct import, an nn.Conv2d — and the question asks for loops."""
    from torch.nn.functional import conv2d

    def via_layer(image, kernel):
        conv = nn.Conv2d(1, 1, kernel.shape, bias=False)
        conv.weight.data.copy_(kernel[None, None])
        return conv(image[None, None])[0, 0].detach()

    for answer in (lambda im, k: _conv_helper(im, k), lambda im, k: conv2d(im[None, None], k[None, None])[0, 0],
                   via_layer):
        assert "loops" in message("05_convolution", 8, answer)


def test_05_q8_unfold_and_loops_pass_and_a_forgotten_return_is_named():
    """Row 141: a missing return gave 'your code raised TypeError: must be real number, not NoneType'."""
    def unfold(image, kernel):
        kh, kw = kernel.shape
        cols = F.unfold(image[None, None], (kh, kw))                # (1, kh·kw, L)
        return (kernel.reshape(1, -1) @ cols[0]).reshape(image.shape[0] - kh + 1, image.shape[1] - kw + 1)

    assert status("05_convolution", 8, unfold) == PASS
    assert "return out" in message("05_convolution", 8, bank("05_convolution")._wrong_conv_no_return)


def test_05_q8_an_image_changed_in_place_cannot_unlock_a_wrong_answer():
    def zeroes(image, kernel):
        image.zero_()
        return torch.zeros(image.shape[0] - kernel.shape[0] + 1, image.shape[1] - kernel.shape[1] + 1)

    q8 = q("05_convolution", 8)
    assert q8.evaluate(zeroes).status == FAIL and q8.evaluate(zeroes).status == FAIL
    assert q8.evaluate(bank("05_convolution")._wrong_conv_flipped).status == FAIL


@pytest.mark.parametrize("kernel,expected", [
    ([[-0.1, 0.0, 0.1], [-0.1, 0.0, 0.1], [-0.1, 0.0, 0.1]], PASS),       # Prewitt / 10: row 209 (a false fail)
    ([[100.0, 0.0, -100.0], [200.0, 0.0, -200.0], [100.0, 0.0, -100.0]], PASS),   # Sobel x, mirrored and × 100
    ([[-1.0, -2.0, -1.0], [0.0, 0.0, 0.0], [1.0, 2.0, 1.0]], FAIL),       # Sobel y: row 210
    ([[0.0, 0.0, 0.0], [-1.0, 1.0, 0.0], [0.0, 0.0, 0.0]], PASS),         # the smallest vertical-edge kernel
])
def test_05_q9_any_scale_of_a_vertical_edge_kernel(kernel, expected):
    assert status("05_convolution", 9, lambda: torch.tensor(kernel)) == expected


@pytest.mark.parametrize("layer,expected", [
    (nn.Conv2d(3, 16, 3, padding="same"), PASS), (nn.Conv2d(3, 16, 3, padding=1, bias=False), PASS),
    (nn.Conv2d(3, 16, 3, padding=(1, 1), padding_mode="reflect"), PASS),
    (nn.Conv2d(3, 16, 3, stride=2, padding=1), FAIL), (nn.Sequential(nn.Conv2d(3, 16, 3, padding=1), nn.ReLU()), FAIL),
])
def test_05_q4_a_conv_layer_that_keeps_the_size(layer, expected):
    """Rows 207, 208; and extra layers after the convolution now fail."""
    assert status("05_convolution", 4, layer) == expected
