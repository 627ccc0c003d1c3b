"""From-scratch convolution, the CNN architectures (parameter counts = torchvision's), offline image data, metrics."""
import itertools

import numpy as np
import pytest
import torch
import torch.nn.functional as F
import torchvision
from torch import nn

from coursekit import architectures as A
from coursekit import conv, metrics, vision
from coursekit.models import count_parameters


def test_1d_convolution_flips_and_cross_correlation_does_not():
    x, w = [1, 2, 3, 4], [1, 0, -1]
    assert np.allclose(conv.convolve1d(x, w), np.convolve(x, w))
    assert np.allclose(conv.cross_correlate1d(x, w), [-2, -2])            # x[n] - x[n+2]
    assert np.allclose(conv.cross_correlate1d(x, w[::-1]), np.convolve(x, w, mode="valid"))


def test_source_example_5x5_image_3x3_filter():
    image = torch.tensor([[1, 1, 1, 0, 0], [0, 1, 1, 1, 0], [0, 0, 1, 1, 1], [0, 0, 1, 1, 0], [0, 1, 1, 0, 0]],
                         dtype=torch.float32).view(1, 1, 5, 5)
    kernel = torch.tensor([[1, 0, 1], [0, 1, 0], [1, 0, 1]], dtype=torch.float32).view(1, 1, 3, 3)
    expected = torch.tensor([[4, 3, 4], [2, 4, 3], [2, 3, 4]], dtype=torch.float32)
    assert torch.equal(conv.conv2d_naive(image, kernel)[0, 0], expected)
    assert torch.equal(F.conv2d(image, kernel)[0, 0], expected)


@pytest.mark.parametrize("stride,padding", [(1, 0), (2, 1), (3, 2)])
def test_scratch_conv2d_equals_torch(stride, padding):
    torch.manual_seed(0)
    x, w, b = torch.randn(2, 3, 9, 11), torch.randn(4, 3, 3, 3), torch.randn(4)
    ref = F.conv2d(x, w, b, stride=stride, padding=padding)
    assert torch.allclose(conv.conv2d_naive(x, w, b, stride, padding), ref, atol=1e-5)
    assert torch.allclose(conv.conv2d(x, w, b, stride, padding), ref, atol=1e-5)


def test_output_size_formula_matches_conv2d_over_many_settings():
    for size, k, s, p in itertools.product([5, 8, 13], [1, 3, 5], [1, 2, 3], [0, 1, 2]):
        if k > size + 2 * p:
            continue
        layer = nn.Conv2d(1, 1, k, stride=s, padding=p)
        assert layer(torch.zeros(1, 1, size, size)).shape[-1] == conv.conv_output_size(size, k, s, p)


def test_conv_errors_are_explained():
    with pytest.raises(ValueError, match="larger than the padded input"):
        conv.conv_output_size(3, 5)
    with pytest.raises(ValueError, match=r"input must be \(N, C_in, H, W\)"):
        conv.conv2d(torch.zeros(3, 5, 5), torch.zeros(1, 3, 3, 3))
    with pytest.raises(ValueError, match="the input has 1 channels but the weight expects 3"):
        conv.conv2d_naive(torch.zeros(1, 1, 5, 5), torch.zeros(1, 3, 3, 3))


def test_parameter_sharing_count():
    assert conv.conv_params(3, 32, 3) == count_parameters(nn.Conv2d(3, 32, 3)) == 896
    assert conv.conv_params(1, 1, 3, bias=False) == 9


@pytest.mark.parametrize("ours,theirs", [
    (A.AlexNet, torchvision.models.alexnet), (A.VGG16, torchvision.models.vgg16),
    (A.resnet18, torchvision.models.resnet18), (A.resnet50, torchvision.models.resnet50)])
def test_parameter_counts_equal_torchvision(ours, theirs):
    assert count_parameters(ours()) == count_parameters(theirs(weights=None))


def test_published_parameter_counts():
    assert count_parameters(A.LeNet5()) == 61_706          # modern reading: full C3 connections
    assert count_parameters(A.AlexNet()) == 61_100_840
    assert count_parameters(A.VGG16()) == 138_357_544
    assert count_parameters(A.resnet18()) == 11_689_512
    assert count_parameters(A.resnet50()) == 25_557_032
    assert count_parameters(A.CIFAR10CNN()) == 545_098


@pytest.mark.parametrize("model,shape,out", [
    (A.LeNet5(), (2, 1, 32, 32), (2, 10)), (A.CIFAR10CNN(6), (2, 3, 32, 32), (2, 6)),
    (A.PipelineCNN(6), (2, 3, 32, 32), (2, 6)), (A.AlexNet(5), (1, 3, 224, 224), (1, 5)),
    (A.resnet18(10, in_channels=1, small_input=True, width=8), (2, 1, 32, 32), (2, 10)),
    (A.resnet50(3, width=8), (1, 3, 64, 64), (1, 3))])
def test_forward_shapes(model, shape, out):
    model.eval()
    assert model(torch.zeros(shape)).shape == out


def test_plain_network_has_no_shortcuts():
    plain = A.resnet18(10, small_input=True, width=8, residual=False)
    assert all(b.downsample is None for b in plain.modules() if isinstance(b, A.BasicBlock))
    assert count_parameters(plain) < count_parameters(A.resnet18(10, small_input=True, width=8))


def test_wrong_image_shape_is_explained():
    with pytest.raises(ValueError, match=r"expected input of shape \(batch, 1, 32, 32\); got \(2, 1, 28, 28\)"):
        A.LeNet5()(torch.zeros(2, 1, 28, 28))


def test_layer_shapes_trace():
    rows = A.layer_shapes(A.CIFAR10CNN(), torch.zeros(1, 3, 32, 32))
    assert rows[0] == ("net.0", "Conv2d", (1, 32, 32, 32)) and rows[6] == ("net.6", "Flatten", (1, 4096))
    stages = A.layer_shapes(A.resnet18(), torch.zeros(1, 3, 224, 224), depth=0)
    assert [r[2] for r in stages][1:5] == [(1, 64, 56, 56), (1, 128, 28, 28), (1, 256, 14, 14), (1, 512, 7, 7)]


def test_count_macs_equals_a_count_by_hand():
    model = nn.Sequential(nn.Conv2d(2, 3, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2), nn.Flatten(), nn.Linear(12, 5))
    # conv: 3 x 4 x 4 = 48 output values, each 2 x 3 x 3 = 18 multiply-adds; pool -> (3, 2, 2) = 12; dense: 12 x 5
    by_hand = 48 * 18 + 12 * 5
    assert A.count_macs(model, torch.zeros(1, 2, 4, 4)) == by_hand == 924
    assert A.count_macs(model, torch.zeros(3, 2, 4, 4)) == by_hand      # one image, whatever the batch size
    grouped = nn.Conv2d(4, 6, 3, groups=2)                                 # each output sees 4 / 2 channels
    assert A.count_macs(grouped, torch.zeros(1, 4, 5, 5)) == (6 * 3 * 3) * (2 * 3 * 3)
    model.train()
    A.count_macs(model, torch.zeros(1, 2, 4, 4))
    assert not model.training and not model[0]._forward_hooks              # eval mode, no hook left behind


def test_pretrained_weights_fail_gracefully_offline():
    with pytest.raises(ValueError, match="could not download the pretrained weights"):
        A.load_pretrained("resnet18")


def test_sample_photo(tmp_path):
    photo = vision.sample_photo("flower", gray=True)
    assert photo.ndim == 2 and 0 <= photo.min() and photo.max() <= 1
    with pytest.raises(ValueError, match="photo name must be"):
        vision.sample_photo("cat")


def test_export_image_folder_roundtrip(tmp_path):
    from torchvision import datasets, transforms

    classes = ["circle", "square", "triangle"]
    X = np.random.default_rng(2).uniform(0, 1, size=(18, 3, 32, 32)).astype(np.float32)
    y = np.repeat(np.arange(3), 6)
    root = vision.export_image_folder(X, y, classes, tmp_path / "shapes")
    ds = datasets.ImageFolder(root, transform=transforms.ToTensor())
    assert len(ds) == 18 and ds.classes == sorted(classes)
    assert ds[0][0].shape == (3, 32, 32)
    with pytest.raises(ValueError, match="images must be"):
        vision.export_image_folder(X[0], y, classes, tmp_path / "bad")


def test_metrics():
    cm = metrics.confusion_matrix([0, 0, 1, 2, 2, 2], [0, 1, 1, 2, 2, 0], 3)
    assert cm.tolist() == [[1, 1, 0], [0, 1, 0], [1, 0, 2]]
    precision, recall = metrics.precision_recall(cm)
    assert np.allclose(precision, [0.5, 0.5, 1.0]) and np.allclose(recall, [0.5, 1.0, 2 / 3])
    assert metrics.accuracy(cm) == pytest.approx(4 / 6)


def test_cnn_plots(tmp_path):
    import matplotlib.pyplot as plt

    import coursekit.plotting as ckplt

    ckplt.plot_kernels(nn.Conv2d(3, 8, 3).weight, "फ़िल्टर (filters)")
    ckplt.plot_kernels(nn.Conv2d(1, 4, 3).weight, "filters", ncols=2)
    ckplt.plot_feature_maps(torch.rand(1, 6, 8, 8), "feature maps")
    ax = ckplt.plot_confusion_matrix(np.array([[3, 1], [0, 4]]), ["a", "b"], "भ्रम मैट्रिक्स (confusion matrix)")
    assert ax.get_xlabel() == "अनुमान / predicted"
    ckplt.plot_images(torch.rand(4, 3, 8, 8), ncols=2)
    plt.savefig(tmp_path / "cnn.png")
    plt.close("all")
