"""The reliability review's probes of practice banks 06-11: every wrong answer that passed now fails (with a message
that names the slip), every right answer that was refused now passes, and a learner's function that changes its
input in place or the global grad mode cannot spoil a later check."""
import numpy as np
import pytest
import torch
import torch.nn.functional as F
from torch import nn
from torchvision import transforms

from coursekit.exercises import FAIL, FORMAT, PASS, bank, load


def _q(name, number):
    return load(name)[number - 1]


def _solution(q):
    ns = {}
    exec("from coursekit.exercises import ____\n" + (getattr(bank(q.notebook), "SETUP", "") or ""), ns)
    exec(q.solution_code, ns)
    return ns[q.answer_name]


def _fails(q, answer, *words):
    r = q.evaluate(answer)
    assert r.status == FAIL, r.message.en
    for w in words:
        assert w in r.message.en, r.message.en
    assert any("\u0900" <= ch <= "\u097f" for ch in r.message.hi)
    return r


# ---------------------------------------------------------------- 06
def _source_cnn(*tail, flat=64 * 8 * 8):
    class SimpleCNN(nn.Module):
        def __init__(self):
            super().__init__()
            self.net = nn.Sequential(
                nn.Conv2d(3, 32, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2, 2),
                nn.Conv2d(32, 64, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2, 2),
                nn.Flatten(), nn.Linear(flat, 128), nn.ReLU(), nn.Linear(128, 10), *tail)

        def forward(self, x):
            return self.net(x)
    return SimpleCNN


def test_06_q2_a_final_sigmoid_fails_probe_142():
    q = _q("06_cnn_image_classification", 2)
    _fails(q, _source_cnn(nn.Sigmoid()), "Sigmoid")
    _fails(q, _source_cnn(nn.Tanh()), "Tanh")
    assert q.evaluate(_source_cnn()).status == PASS


def test_06_q2_a_right_cnn_passes_after_grad_was_disabled_probe_186():
    q = _q("06_cnn_image_classification", 2)
    torch.set_grad_enabled(False)
    try:
        r = q.evaluate(_solution(q))
        assert r.status == PASS, r.message.en
        assert not torch.is_grad_enabled()          # the learner's setting is left as it was
    finally:
        torch.set_grad_enabled(True)


def test_06_q2_a_linear_that_does_not_fit_is_explained_probe_187():
    r = _fails(_q("06_cnn_image_classification", 2), _source_cnn(flat=2048), "4096", "in_features")
    assert "line 134" not in r.message.en


def test_06_q2_a_functional_forward_passes_and_the_learners_generator_is_untouched():
    class SimpleCNN(nn.Module):
        def __init__(self):
            super().__init__()
            self.c1, self.c2 = nn.Conv2d(3, 32, 3, padding=1), nn.Conv2d(32, 64, 3, padding=1)
            self.f1, self.f2 = nn.Linear(4096, 128), nn.Linear(128, 10)

        def forward(self, x):
            x = F.max_pool2d(F.relu(self.c2(F.max_pool2d(F.relu(self.c1(x)), 2))), 2)
            return self.f2(F.relu(self.f1(x.flatten(1))))

    torch.manual_seed(5)
    expected = torch.rand(3)
    torch.manual_seed(5)
    assert _q("06_cnn_image_classification", 2).evaluate(SimpleCNN).status == PASS
    assert torch.equal(torch.rand(3), expected)


def test_06_q5_softmax_over_the_last_dim_passes_probe_213_and_an_in_place_softmax_spoils_nothing():
    q = _q("06_cnn_image_classification", 5)
    assert q.evaluate(lambda z: torch.softmax(z, dim=-1)).status == PASS

    def in_place(z):               # right, but it overwrites the caller's logits
        z.sub_(z.max(dim=1, keepdim=True).values).exp_()
        return z.div_(z.sum(dim=1, keepdim=True))

    for _ in range(3):
        assert q.evaluate(in_place).status == PASS
    _fails(q, lambda z: torch.softmax(z, dim=0), "dim=1")
    _fails(q, lambda z: torch.exp(z) / torch.exp(z).sum(dim=1, keepdim=True), "nan")


def test_06_q8_a_class_without_images_needs_a_zero_recall():
    def no_guard(cm):
        cm = np.asarray(cm, dtype=float)
        p = np.divide(np.diag(cm), cm.sum(axis=0), out=np.zeros(len(cm)), where=cm.sum(axis=0) > 0)
        with np.errstate(invalid="ignore"):
            return p, np.diag(cm) / cm.sum(axis=1)
    _fails(_q("06_cnn_image_classification", 8), no_guard, "nan")


# ---------------------------------------------------------------- 07
def test_07_q13_crops_instead_of_resize_fail_probes_143_144():
    q = _q("07_pytorch_image_pipeline", 13)
    for crop in (transforms.CenterCrop(32), transforms.RandomCrop(32, pad_if_needed=True)):
        _fails(q, lambda mean, std, c=crop: transforms.Compose([c, transforms.ToTensor(),
                                                                 transforms.Normalize(mean, std)]), "Resize((32, 32))")
    _fails(q, lambda mean, std: transforms.Compose([transforms.CenterCrop(32), transforms.ToTensor(),
                                                    transforms.Normalize(mean, std)]), "CenterCrop")


def test_07_q13_normalize_before_totensor_is_explained_probe_145_and_fixed_statistics_fail():
    q = _q("07_pytorch_image_pipeline", 13)
    _fails(q, lambda mean, std: transforms.Compose([transforms.Resize((32, 32)), transforms.Normalize(mean, std),
                                                    transforms.ToTensor()]), "ToTensor() before Normalize")
    _fails(q, lambda mean, std: transforms.Compose([transforms.Resize((32, 32)), transforms.ToTensor(),
                                                    transforms.Normalize([0.5] * 3, [0.5] * 3)]))


def test_07_q13_resizing_the_tensor_is_right_too():
    q = _q("07_pytorch_image_pipeline", 13)
    assert q.evaluate(lambda mean, std: transforms.Compose([transforms.ToTensor(), transforms.Resize((32, 32)),
                                                            transforms.Normalize(mean, std)])).status == PASS


def test_07_q14_the_fix_must_be_the_pipeline_cnn():
    from coursekit.architectures import PipelineCNN

    q = _q("07_pytorch_image_pipeline", 14)

    class FixedCNN(nn.Module):
        def __init__(self, relu=True, tail=()):
            super().__init__()
            layers = list(PipelineCNN().model.children())
            if not relu:
                del layers[17]                      # the ReLU after Linear(4096, 1024)
            self.model = nn.Sequential(*layers, *tail)

        def forward(self, x):
            return self.model(x)

    class NoRelu(FixedCNN):                         # same parameter count and output shape as the right fix
        def __init__(self):
            super().__init__(relu=False)

    class Softmax(FixedCNN):
        def __init__(self):
            super().__init__(tail=[nn.Softmax(dim=1)])

    assert q.evaluate(FixedCNN).status == PASS
    _fails(q, NoRelu, "ReLU")
    _fails(q, Softmax, "Softmax")


def test_07_q16_loading_the_unsafe_way_fails_probe_214():
    def load_checkpoint(model, path):
        model.load_state_dict(torch.load(path, weights_only=False))
        return model
    _fails(_q("07_pytorch_image_pipeline", 16), load_checkpoint, "weights_only=True")


# ---------------------------------------------------------------- 08
def _lenet(block2, dense_act=nn.Tanh, c5=400):
    class MyLeNet5(nn.Module):
        def __init__(self):
            super().__init__()
            self.features = nn.Sequential(nn.Conv2d(1, 6, 5), nn.Tanh(), nn.AvgPool2d(2), *block2)
            self.classifier = nn.Sequential(nn.Flatten(), nn.Linear(c5, 120), dense_act(), nn.Linear(120, 84),
                                            dense_act(), nn.Linear(84, 10))

        def forward(self, x):
            return self.classifier(self.features(x))
    return MyLeNet5


def test_08_q6_relu_and_max_pooling_in_the_learners_blanks_fail_probe_146():
    q = _q("08_famous_cnn_architectures", 6)
    _fails(q, _lenet([nn.Conv2d(6, 16, 5), nn.ReLU(), nn.MaxPool2d(2)]), "tanh")
    _fails(q, _lenet([nn.Conv2d(6, 16, 5), nn.Tanh(), nn.MaxPool2d(2)]), "average pooling")


def test_08_q6_no_activation_between_the_dense_layers_fails_probe_147():
    _fails(_q("08_famous_cnn_architectures", 6), _lenet([nn.Conv2d(6, 16, 5), nn.Tanh(), nn.AvgPool2d(2)],
                                                        dense_act=nn.Identity), "between the dense layers")


def test_08_q6_a_linear_that_does_not_fit_is_explained_probe_188():
    r = _fails(_q("08_famous_cnn_architectures", 6), _lenet([nn.Conv2d(6, 16, 5), nn.Tanh(), nn.AvgPool2d(2)], c5=256),
               "400")
    assert "line 134" not in r.message.en


def test_08_q6_a_functional_lenet_passes():
    class MyLeNet5(nn.Module):
        def __init__(self):
            super().__init__()
            self.c1, self.c3 = nn.Conv2d(1, 6, 5), nn.Conv2d(6, 16, 5)
            self.f5, self.f6, self.out = nn.Linear(400, 120), nn.Linear(120, 84), nn.Linear(84, 10)

        def forward(self, x):
            x = F.avg_pool2d(torch.tanh(self.c3(F.avg_pool2d(torch.tanh(self.c1(x)), 2))), 2).flatten(1)
            return self.out(torch.tanh(self.f6(torch.tanh(self.f5(x)))))

    assert _q("08_famous_cnn_architectures", 6).evaluate(MyLeNet5).status == PASS


def test_08_q7_a_block_that_adds_into_its_input_in_place_is_still_judged_right():
    q = _q("08_famous_cnn_architectures", 7)
    right = _solution(q)

    class InPlace(right):
        def forward(self, x):
            out = self.bn2(self.conv2(torch.relu(self.bn1(self.conv1(x)))))
            return torch.relu(out.add_(x))

    assert q.evaluate(InPlace).status == PASS


# ---------------------------------------------------------------- 09
def _ffill_in_place(values):
    for i in range(1, len(values)):
        if np.isnan(values[i]):
            values[i] = values[i - 1]
    return values


def test_09_q9_an_in_place_forward_fill_cannot_corrupt_the_cases_probes_157_to_159_and_169_to_173():
    q = _q("09_sequence_and_time_series", 9)
    for _ in range(6):
        r = _fails(q, _ffill_in_place)
        assert "nan" in r.message.en        # the input shown is the original one, with its gaps
    _fails(q, lambda v: v)
    assert q.evaluate(_solution(q)).status == PASS


def test_09_q9_the_cases_hold_gaps_at_both_ends_and_long_gaps():
    q = _q("09_sequence_and_time_series", 9)
    arrays = [c.args[0] for c in q.cases]
    assert any(np.isnan(a[0]) for a in arrays) and any(np.isnan(a[-1]) for a in arrays)
    assert any(np.isnan(a[i:i + 3]).all() for a in arrays for i in range(len(a) - 2))
    _fails(q, lambda v: np.nan_to_num(np.asarray(v, dtype=float)))


def test_09_q10_an_in_place_cumsum_passes_probe_163_and_then_mode_same_fails_probe_164():
    q = _q("09_sequence_and_time_series", 10)

    def rolling_mean(values, window):       # right, but the cumsum overwrites the caller's array
        np.cumsum(values, out=values)
        c = np.concatenate([[0.0], values])
        return (c[window:] - c[:-window]) / window

    for _ in range(3):
        assert q.evaluate(rolling_mean).status == PASS
    _fails(q, lambda v, w: np.convolve(v, np.ones(w) / w, mode="same"))


# ---------------------------------------------------------------- 10
def test_10_q5_zeros_of_the_right_shapes_fail_probe_189():
    _fails(_q("10_introduction_to_rnn", 5),
           lambda x: (torch.zeros(x.shape[0], x.shape[1], 20), torch.zeros(1, x.shape[0], 20)), "zero")


def test_10_q5_a_gru_fails_probe_190_and_forgetting_batch_first_fails_probe_191():
    q = _q("10_introduction_to_rnn", 5)
    _fails(q, lambda x: nn.GRU(10, 20, batch_first=True)(x), "GRU")
    _fails(q, lambda x: nn.RNN(10, 20)(x), "batch_first")


def test_10_q5_the_right_answer_passes_and_leaves_the_learners_generator_alone():
    q = _q("10_introduction_to_rnn", 5)
    torch.manual_seed(7)
    expected = torch.rand(2)
    torch.manual_seed(7)
    assert q.evaluate(_solution(q)).status == PASS
    assert torch.equal(torch.rand(2), expected)


@pytest.mark.parametrize("number,answer", [(12, "345"), (7, (True, 4, 16))])
def test_10_shapes_written_as_text_or_bools_are_not_passed_probes_6_7(number, answer):
    assert _q("10_introduction_to_rnn", number).evaluate(answer).status == FORMAT


# ---------------------------------------------------------------- 11
def test_11_q6_relu_instead_of_tanh_fails_probe_192_and_an_in_place_step_spoils_nothing():
    q = _q("11_rnn_structure_and_equations", 6)
    _fails(q, lambda x, h, W_ih, W_hh, b_ih, b_hh: torch.relu(x @ W_ih.T + b_ih + h @ W_hh.T + b_hh), "tanh")

    def in_place(x, h, W_ih, W_hh, b_ih, b_hh):      # right, but it adds b_hh into the caller's b_ih
        b_ih += b_hh
        return torch.tanh(x @ W_ih.T + b_ih + h @ W_hh.T)

    for _ in range(3):
        assert q.evaluate(in_place).status == PASS
    _fails(q, lambda x, h, W_ih, W_hh, b_ih, b_hh: torch.tanh(x @ W_ih.T + b_ih + h @ W_hh.T), "bias")


def test_11_q7_h_n_without_the_layer_dimension_fails_probe_193():
    def rnn_forward(x, W_ih, W_hh, b_ih, b_hh, h0):
        h, states = h0[0], []
        for x_t in x:
            h = torch.tanh(x_t @ W_ih.T + b_ih + h @ W_hh.T + b_hh)
            states.append(h)
        return torch.stack(states), h
    _fails(_q("11_rnn_structure_and_equations", 7), rnn_forward, "(1, 2, 4)")
