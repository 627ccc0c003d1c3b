"""Public coursekit functions answer bad input with the course's bilingual CourseError (reliability review §7, §8).

One row per probe of the review's "public API" table that used to give a raw error or a silent wrong result.
Each must raise CourseError whose English part matches ``pattern`` (what was expected and what came) and whose
Hindi part is Devanagari text.
"""
import re
import urllib.error

import numpy as np
import pytest
import torch
from torch import nn
from torch.utils.data import DataLoader, TensorDataset

import coursekit
from coursekit import architectures, batchnorm, conv, data, forecast, gates, init, metrics, models, text
from coursekit import timeseries as ts
from coursekit.i18n import CourseError, check_nonneg_int
from coursekit.tooling import netblock


def _loader(features: int = 2) -> DataLoader:
    return DataLoader(TensorDataset(torch.zeros(4, features), torch.zeros(4, dtype=torch.long)), batch_size=4)


def _fit(model):
    return coursekit.fit(model, _loader(2), epochs=1, progress=False, device="cpu")


PROBES = [
    # (probe, call, English pattern)
    ("conv_output_size stride 0", lambda: conv.conv_output_size(32, 3, stride=0),
     r"stride must be a positive integer .*got 0\."),
    ("conv_output_size str size", lambda: conv.conv_output_size("32", 3), r"size must be a positive integer .*got '32'"),
    ("conv_output_size size 32.5", lambda: conv.conv_output_size(32.5, 3), r"size must be a positive integer .*got 32\.5"),
    ("conv_output_size padding -1", lambda: conv.conv_output_size(32, 3, padding=-1),
     r"padding must be a non-negative integer .*got -1"),
    ("conv2d_naive padding -1", lambda: conv.conv2d_naive(torch.zeros(1, 1, 5, 5), torch.zeros(1, 1, 3, 3), padding=-1),
     r"padding must be a non-negative integer .*got -1"),
    ("conv2d_naive stride 0", lambda: conv.conv2d_naive(torch.zeros(1, 1, 5, 5), torch.zeros(1, 1, 3, 3), stride=0),
     r"stride must be a positive integer .*got 0\."),
    ("conv_params c_out -16", lambda: conv.conv_params(3, -16, 3), r"c_out must be a positive integer .*got -16"),
    ("conv_params c_in 0", lambda: conv.conv_params(0, 16, 3), r"c_in must be a positive integer .*got 0"),
    ("linear_params n_in -3", lambda: models.linear_params(-3, 4), r"n_in must be a positive integer .*got -3"),
    ("linear_params n_out 0", lambda: models.linear_params(3, 0), r"n_out must be a positive integer .*got 0"),
    ("MLP in_features 0", lambda: models.MLP(models.MLPConfig(in_features=0)),
     r"in_features must be a positive integer .*got 0"),
    ("MLP hidden [-4]", lambda: models.MLP(models.MLPConfig(hidden=[-4])),
     r"hidden\[0\] must be a positive integer .*got -4"),
    ("MLP hidden 256 (not a list)", lambda: models.MLP(hidden=256), r"hidden must be a list .*got 256"),
    ("confusion_matrix lengths 2 vs 1", lambda: metrics.confusion_matrix([0, 1], [0]),
     r"same length .*got 2 and 1"),
    ("confusion_matrix negative label", lambda: metrics.confusion_matrix([0, -1], [0, 1]),
     r"y_true must be between 0 and 1 .*got -1…0"),
    ("confusion_matrix label >= num_classes", lambda: metrics.confusion_matrix([0, 1, 5], [0, 1, 1], num_classes=3),
     r"y_true must be between 0 and 2 \(num_classes − 1\); got 0…5"),
    ("confusion_matrix float labels", lambda: metrics.confusion_matrix([0.5, 1.0], [0, 1]),
     r"y_true must hold integer class labels .*got dtype float64"),
    ("precision_recall 2x3", lambda: metrics.precision_recall(np.zeros((2, 3))),
     r"must be square \(K, K\).*got shape \(2, 3\)"),
    ("xavier_std fan_in 0", lambda: init.xavier_std(0, 10), r"fan_in must be a positive integer .*got 0"),
    ("he_std fan_in -4", lambda: init.he_std(-4), r"fan_in must be a positive integer .*got -4"),
    ("batchnorm_forward gamma (2,)", lambda: batchnorm.batchnorm_forward(torch.randn(4, 3), torch.ones(2), torch.zeros(3)),
     r"gamma must have shape \(3,\) — one value per channel of x \(4, 3\); got \(2,\)"),
    ("batchnorm_forward beta (2,)", lambda: batchnorm.batchnorm_forward(torch.randn(4, 3), torch.ones(3), torch.zeros(2)),
     r"beta must have shape \(3,\) .*got \(2,\)"),
    ("batchnorm_forward x 1-D", lambda: batchnorm.batchnorm_forward(torch.randn(5), torch.ones(5), torch.zeros(5)),
     r"input of shape \(N, C, \.\.\.\) .*got shape \(5,\)"),
    ("lstm_cell_step x has 3 features, weights 4",
     lambda: gates.lstm_cell_step(torch.zeros(2, 3), torch.zeros(2, 5), torch.zeros(2, 5), torch.zeros(20, 4),
                                  torch.zeros(20, 5)),
     r"x must have shape \(batch, 4\): weight_ih \(20, 4\) expects 4 features .*got x of shape \(2, 3\)"),
    ("lstm_cell_step h has 4 values, weights 5",
     lambda: gates.lstm_cell_step(torch.zeros(2, 4), torch.zeros(2, 4), torch.zeros(2, 5), torch.zeros(20, 4),
                                  torch.zeros(20, 5)),
     r"h must have shape \(batch, 5\).*got h of shape \(2, 4\)"),
    ("gru_cell_step x has 3 features, weights 4",
     lambda: gates.gru_cell_step(torch.zeros(2, 3), torch.zeros(2, 5), torch.zeros(15, 4), torch.zeros(15, 5)),
     r"x must have shape \(batch, 4\): weight_ih \(15, 4\) .*got x of shape \(2, 3\)"),
    ("gru_cell_step with LSTM weights", lambda: gates.gru_cell_step(torch.zeros(2, 4), torch.zeros(2, 5),
                                                                     torch.zeros(20, 4), torch.zeros(20, 5)),
     r"GRU weights must be \(G·H, I\) and \(G·H, H\) with G = 3; got \(20, 4\) and \(20, 5\)"),
    ("recursive_forecast steps -1",
     lambda: forecast.recursive_forecast(forecast.persistence_forecast, torch.zeros(2, 4, 1), steps=-1),
     r"steps must be a positive integer .*got -1"),
    ("recursive_forecast steps 0",
     lambda: forecast.recursive_forecast(forecast.persistence_forecast, torch.zeros(2, 4, 1), steps=0),
     r"steps must be a positive integer .*got 0"),
    ("split_indices -5", lambda: data.split_indices(-5), r"n must be a non-negative integer .*got -5"),
    ("seed_everything 'abc'", lambda: coursekit.seed_everything("abc"),
     r"seed must be a non-negative integer .*got 'abc'"),
    ("seed_everything -1", lambda: coursekit.seed_everything(-1), r"seed must be a non-negative integer .*got -1"),
    ("seed_everything 2**32", lambda: coursekit.seed_everything(2**32), r"seed must be between 0 and 2³² − 1"),
    ("one_hot size -1", lambda: text.one_hot([0, 1], size=-1), r"size must be a positive integer .*got -1"),
    ("pad_batch max_len -1", lambda: text.pad_batch([[1, 2], [3]], max_len=-1),
     r"max_len must be a positive integer .*got -1"),
    ("pad_batch max_len 0", lambda: text.pad_batch([[1, 2], [3]], max_len=0),
     r"max_len must be a positive integer .*got 0"),
    ("make_windows 'abc'", lambda: ts.make_windows("abc", 2), r"the series must be numbers .*got str 'abc'"),
    ("make_windows list of words", lambda: ts.make_windows(["a", "b", "c"], 2), r"the series must be numbers .*got list"),
    ("load_pretrained unknown name", lambda: architectures.load_pretrained("nope"),
     r"torchvision has no model called 'nope'"),
    ("fit: Linear(3, 2) on 2 features", lambda: _fit(nn.Linear(3, 2)),
     r"the model's first Linear layer 'Linear' expects 3 input features \(in_features\), but the batch has 2 "
     r"\(x of shape \(4, 2\)\)(.|\n)*mat1 and mat2 shapes cannot be multiplied"),
    ("fit: second Linear does not fit the first", lambda: _fit(nn.Sequential(nn.Linear(2, 4), nn.ReLU(), nn.Linear(3, 2))),
     r"the model's Linear layer '2' expects 3 input features \(in_features\), but it gets 4 .*the output size of the "
     r"layer before it"),
]


def _check_bilingual(err: CourseError, pattern: str) -> None:
    assert re.search(pattern, err.en), err.en
    assert re.search(r"[\u0900-\u097F]", err.hi), err.hi          # the Hindi part is Devanagari
    assert err.hi != err.en and str(err) == f"{err.hi}\n{err.en}"


@pytest.mark.parametrize("call,pattern", [p[1:] for p in PROBES], ids=[p[0] for p in PROBES])
def test_bad_input_gives_bilingual_course_error(call, pattern):
    with pytest.raises(CourseError) as info:
        call()
    _check_bilingual(info.value, pattern)


def test_fit_keeps_the_pytorch_error_as_the_cause():
    with pytest.raises(CourseError) as info:
        _fit(nn.Linear(3, 2))
    assert isinstance(info.value.__cause__, RuntimeError)
    assert "4x2 and 3x2" in str(info.value.__cause__)


def test_fit_does_not_hide_other_errors_and_removes_its_hooks():
    class Broken(nn.Module):
        def __init__(self):
            super().__init__()
            self.fc = nn.Linear(2, 2)

        def forward(self, x):
            raise RuntimeError("something else")

    model = Broken()
    with pytest.raises(RuntimeError, match="something else"):
        _fit(model)
    assert not model.fc._forward_pre_hooks


# ----------------------------------------------------------------------------- downloads (review §8)

@pytest.fixture
def blocked_network():
    """The tests' network block (root conftest.py installs it); installed here too, so this never goes online."""
    was_installed = bool(netblock._original)
    netblock.install()
    yield
    if not was_installed:
        netblock.uninstall()


def test_cifar_download_with_the_network_blocked(tmp_path, blocked_network):
    with pytest.raises(CourseError) as info:
        data.load_cifar10(root=str(tmp_path), download=True)
    _check_bilingual(info.value, r"could not download CIFAR-10 .*To get it, run load_cifar10\(.*download=True\) once "
                                 r"on a computer with internet, or download https://www\.cs\.toronto\.edu/\S+ and "
                                 r"unpack it into the folder")
    assert "network access is blocked" in info.value.en                     # the original error, kept at the end
    assert isinstance(info.value.__cause__, OSError)


@pytest.mark.parametrize("exc", [urllib.error.URLError("[Errno -2] Name or service not known"),
                                 netblock.NetworkBlockedError("blocked")], ids=["offline URLError", "NetworkBlockedError"])
def test_downloads_offline(monkeypatch, tmp_path, exc):
    import torchvision

    def fail(*args, **kwargs):
        raise exc

    monkeypatch.setattr(torchvision.datasets.CIFAR10, "download", fail)
    monkeypatch.setattr(torch.hub, "download_url_to_file", fail)
    monkeypatch.setenv("TORCH_HOME", str(tmp_path / "torch"))           # an empty weights cache
    with pytest.raises(CourseError) as info:
        data.load_cifar10(root=str(tmp_path), download=True)
    _check_bilingual(info.value, rf"could not download CIFAR-10 (.|\n)*original error: {type(exc).__name__}")
    assert info.value.__cause__ is exc
    with pytest.raises(CourseError) as info:
        architectures.load_pretrained("resnet50")
    _check_bilingual(info.value, r"could not download the pretrained weights of 'resnet50' .*download "
                                 r"https://download\.pytorch\.org/models/resnet50\S*\.pth into the folder '.*torch/hub/checkpoints'")
    assert info.value.__cause__ is exc


# ----------------------------------------------------------------------------- right input: unchanged

def test_right_input_still_works():
    assert conv.conv_output_size(32, 5, stride=2, padding=2) == 16
    assert conv.conv_output_size(np.int64(8), 3) == 6                     # NumPy integers are whole numbers too
    x, w = torch.randn(1, 2, 6, 6), torch.randn(3, 2, 3, 3)
    assert torch.allclose(conv.conv2d_naive(x, w, stride=2, padding=1),
                          torch.nn.functional.conv2d(x, w, stride=2, padding=1), atol=1e-5)
    assert conv.conv_params(3, 32, 3) == 896 and models.linear_params(784, 512) == 401_920
    assert models.MLP(in_features=4, hidden=(3,), out_features=2)(torch.zeros(5, 4)).shape == (5, 2)
    assert metrics.accuracy(metrics.confusion_matrix(torch.tensor([0, 1, 1]), torch.tensor([0, 1, 0]))) == 2 / 3
    assert init.he_std(2) == pytest.approx(1.0) and init.xavier_std(1, 1) == pytest.approx(1.0)
    gamma, beta = torch.ones(1, 3), torch.zeros(3)                        # any shape with C values, as before
    assert batchnorm.batchnorm_forward(torch.randn(4, 3, 5), gamma, beta).shape == (4, 3, 5)
    h, _ = gates.lstm_cell_step(torch.zeros(4), torch.zeros(1, 2), torch.zeros(1, 2), torch.zeros(8, 4),
                                torch.zeros(8, 2))                         # an unbatched x (I,) still broadcasts
    assert h.shape == (1, 2)
    assert [len(i) for i in data.split_indices(0)] == [0, 0, 0]
    assert text.pad_batch([[1, 2, 3], [4]], max_len=2)[0].tolist() == [[1, 2], [4, 0]]
    X, y = ts.make_windows([1, 2, 3, 4], 2)
    assert X.shape == (2, 2, 1) and y.flatten().tolist() == [3.0, 4.0]


def test_inputs_that_used_to_crash_now_work():
    # True/False labels are the classes 1/0 (NumPy took them as a mask); no labels at all give an empty matrix;
    # random.seed() refuses NumPy integers, so seed_everything passes on a plain int.
    assert metrics.confusion_matrix(np.array([True, False, True]), [1, 0, 0]).tolist() == [[1, 0], [1, 1]]
    assert metrics.confusion_matrix([], [], num_classes=2).tolist() == [[0, 0], [0, 0]]
    assert coursekit.seed_everything(np.int64(7)) == 7


def test_check_nonneg_int():
    assert check_nonneg_int(0, "k") == 0 and check_nonneg_int(np.int32(3), "k") == 3
    for bad in (-1, 1.0, True, "2", None):
        with pytest.raises(CourseError, match="k must be a non-negative integer"):
            check_nonneg_int(bad, "k")
