"""Famous CNN architectures and the source notes' CNNs, written out layer by layer (notebooks 06–08).

Parameter counts equal torchvision's models (AlexNet, VGG-16, ResNet-18, ResNet-50), which the
tests assert. LeNet-5 follows the common modern reading of the 1998 paper (full C3 connections,
average pooling, tanh); the paper's own count differs and notebook 08 explains why.
"""
from __future__ import annotations

import torch
from torch import nn

from .i18n import CourseError, T


class CIFAR10CNN(nn.Module):
    """The source's CNN for 3×32×32 images (notebook 06): two conv-ReLU-pool stages, then two dense layers."""

    def __init__(self, num_classes: int = 10):
        super().__init__()
        self.net = nn.Sequential(
            nn.Conv2d(3, 32, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2, 2),   # (B, 32, 16, 16)
            nn.Conv2d(32, 64, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2, 2),  # (B, 64, 8, 8)
            nn.Flatten(),                                                     # (B, 4096)
            nn.Linear(64 * 8 * 8, 128), nn.ReLU(),
            nn.Linear(128, num_classes),                                      # (B, num_classes) logits
        )

    def forward(self, x):
        _expect_image(x, 3, 32)
        return self.net(x)


class PipelineCNN(nn.Module):
    """The source's image-pipeline CNN (notebook 07), corrected.

    The notes wrote ``class CNN():`` (not an ``nn.Module``, no ``forward``) and
    ``nn.Flatten(4096, 1024)``, which does not map 4096 features to 1024 (Flatten's
    arguments are dimensions); here Flatten is followed by ``nn.Linear(4096, 1024)``.
    """

    def __init__(self, num_classes: int = 10, in_channels: int = 3):
        super().__init__()

        def block(c_in, c_out):
            return [nn.Conv2d(c_in, c_out, 3, stride=1, padding=1), nn.ReLU(),
                    nn.Conv2d(c_out, c_out, 3, stride=1, padding=1), nn.ReLU(), nn.MaxPool2d(2, 2)]

        self.model = nn.Sequential(
            nn.Conv2d(in_channels, 32, 3, stride=1, padding=1), nn.ReLU(),
            nn.Conv2d(32, 64, 3, stride=1, padding=1), nn.ReLU(), nn.MaxPool2d(2, 2),  # (B, 64, 16, 16)
            *block(64, 128),                                                            # (B, 128, 8, 8)
            *block(128, 256),                                                           # (B, 256, 4, 4)
            nn.Flatten(),                                                               # (B, 4096)
            nn.Linear(4096, 1024), nn.ReLU(),
            nn.Linear(1024, 512), nn.ReLU(),
            nn.Linear(512, num_classes),
        )

    def forward(self, x):
        _expect_image(x, self.model[0].in_channels, 32)
        return self.model(x)


class LeNet5(nn.Module):
    """LeNet-5 (LeCun et al., 1998) for 1×32×32 images: conv(6,5×5) → avgpool → conv(16,5×5) → avgpool → 120 → 84 → 10."""

    def __init__(self, num_classes: int = 10, activation: type[nn.Module] = nn.Tanh):
        super().__init__()
        self.features = nn.Sequential(
            nn.Conv2d(1, 6, 5), activation(), nn.AvgPool2d(2),    # (B, 6, 28, 28) -> (B, 6, 14, 14)
            nn.Conv2d(6, 16, 5), activation(), nn.AvgPool2d(2),   # (B, 16, 10, 10) -> (B, 16, 5, 5)
        )
        self.classifier = nn.Sequential(
            nn.Flatten(),                                          # (B, 400)
            nn.Linear(16 * 5 * 5, 120), activation(),
            nn.Linear(120, 84), activation(),
            nn.Linear(84, num_classes),
        )

    def forward(self, x):
        _expect_image(x, 1, 32)
        return self.classifier(self.features(x))


def train_lenet5(splits: dict, seed: int = 0, epochs: int = 20, decay_epochs: int = 3, lr: float = 1e-3,
                 max_shift: int = 2, batch_size: int = 64, activation: type[nn.Module] = nn.ReLU, device=None,
                 progress: bool = True, desc: str = "LeNet-5"):
    """Notebook 08's recipe: LeNet-5 on MNIST digits padded to 32×32 (``mnist_splits(size=32)``, normalised).

    Adam at ``lr`` for ``epochs - decay_epochs`` epochs, then ``decay_epochs`` epochs at ``lr / 10``; while training,
    every digit is moved by up to ``max_shift`` pixels in each direction (0: no augmentation). Validation accuracy is
    measured after every epoch; the test split is not touched. The seed fixes the initial weights, the order of the
    batches and the shifts, so the same seed gives the same run (with the same threads and machine).

    Returns ``(model, history)``: the history of both phases joined, plus ``"seconds"`` (the training time).
    """
    import time

    from torch.utils.data import DataLoader

    from .i18n import check_positive_int
    from .training import fit
    from .utils import seed_everything
    from .vision import RandomShiftBatch

    check_positive_int(epochs, "epochs")
    if not isinstance(decay_epochs, int) or not 0 <= decay_epochs < epochs:
        raise CourseError(f"decay_epochs 0 और epochs - 1 ({epochs - 1}) के बीच का पूर्णांक होना चाहिए; मिला {decay_epochs!r}।",
                          f"decay_epochs must be an integer from 0 to epochs - 1 ({epochs - 1}); got {decay_epochs!r}")
    if not isinstance(max_shift, int) or max_shift < 0:
        raise CourseError(f"max_shift 0 या धनात्मक पूर्णांक होना चाहिए; मिला {max_shift!r}।",
                          f"max_shift must be 0 or a positive integer; got {max_shift!r}")
    seed_everything(seed)
    model = LeNet5(activation=activation)
    train_dl = DataLoader(splits["train"], batch_size=batch_size, shuffle=True,
                          generator=torch.Generator().manual_seed(seed),
                          collate_fn=RandomShiftBatch(seed, max_shift=max_shift) if max_shift else None)
    val_dl = DataLoader(splits["val"], batch_size=512)
    optimizer = torch.optim.Adam(model.parameters(), lr=lr)
    start = time.perf_counter()
    history = fit(model, train_dl, val_dl, epochs=epochs - decay_epochs, optimizer=optimizer, device=device,
                  progress=progress, desc=f"{desc}, lr {lr:g}")
    if decay_epochs:
        for group in optimizer.param_groups:
            group["lr"] = lr / 10                    # step schedule: divide the learning rate by 10
        more = fit(model, train_dl, val_dl, epochs=decay_epochs, optimizer=optimizer, device=device,
                   progress=progress, desc=f"{desc}, lr {lr / 10:g}")
        history = {k: history[k] + more[k] for k in ("train_loss", "train_acc", "val_loss", "val_acc", "epoch_time")}
    history["seconds"] = time.perf_counter() - start
    return model, history


class AlexNet(nn.Module):
    """AlexNet as in torchvision (the single-GPU variant: 64-192-384-256-256 filters), 3×224×224 input."""

    def __init__(self, num_classes: int = 1000, dropout: float = 0.5):
        super().__init__()
        self.features = nn.Sequential(
            nn.Conv2d(3, 64, 11, stride=4, padding=2), nn.ReLU(inplace=True), nn.MaxPool2d(3, 2),  # (B, 64, 27, 27)
            nn.Conv2d(64, 192, 5, padding=2), nn.ReLU(inplace=True), nn.MaxPool2d(3, 2),           # (B, 192, 13, 13)
            nn.Conv2d(192, 384, 3, padding=1), nn.ReLU(inplace=True),
            nn.Conv2d(384, 256, 3, padding=1), nn.ReLU(inplace=True),
            nn.Conv2d(256, 256, 3, padding=1), nn.ReLU(inplace=True), nn.MaxPool2d(3, 2),          # (B, 256, 6, 6)
        )
        self.avgpool = nn.AdaptiveAvgPool2d((6, 6))
        self.classifier = nn.Sequential(
            nn.Dropout(dropout), nn.Linear(256 * 6 * 6, 4096), nn.ReLU(inplace=True),
            nn.Dropout(dropout), nn.Linear(4096, 4096), nn.ReLU(inplace=True),
            nn.Linear(4096, num_classes),
        )

    def forward(self, x):
        return self.classifier(torch.flatten(self.avgpool(self.features(x)), 1))


VGG16_CONFIG = [64, 64, "M", 128, 128, "M", 256, 256, 256, "M", 512, 512, 512, "M", 512, 512, 512, "M"]


class VGG16(nn.Module):
    """VGG-16 (configuration D of Simonyan & Zisserman, 2014): thirteen 3×3 convs and three dense layers."""

    def __init__(self, num_classes: int = 1000, dropout: float = 0.5, config=VGG16_CONFIG):
        super().__init__()
        layers, c_in = [], 3
        for v in config:
            if v == "M":
                layers.append(nn.MaxPool2d(2, 2))          # halves H and W
            else:
                layers += [nn.Conv2d(c_in, v, 3, padding=1), nn.ReLU(inplace=True)]  # keeps H and W
                c_in = v
        self.features = nn.Sequential(*layers)
        self.avgpool = nn.AdaptiveAvgPool2d((7, 7))
        self.classifier = nn.Sequential(
            nn.Linear(512 * 7 * 7, 4096), nn.ReLU(inplace=True), nn.Dropout(dropout),
            nn.Linear(4096, 4096), nn.ReLU(inplace=True), nn.Dropout(dropout),
            nn.Linear(4096, num_classes),
        )

    def forward(self, x):
        return self.classifier(torch.flatten(self.avgpool(self.features(x)), 1))


class BasicBlock(nn.Module):
    """ResNet basic block: 3×3 conv → BN → ReLU → 3×3 conv → BN, plus the shortcut x; output ReLU(F(x) + x)."""

    expansion = 1

    def __init__(self, c_in: int, c_mid: int, stride: int = 1, residual: bool = True):
        super().__init__()
        c_out = c_mid * self.expansion
        self.conv1 = nn.Conv2d(c_in, c_mid, 3, stride=stride, padding=1, bias=False)
        self.bn1 = nn.BatchNorm2d(c_mid)
        self.conv2 = nn.Conv2d(c_mid, c_out, 3, padding=1, bias=False)
        self.bn2 = nn.BatchNorm2d(c_out)
        self.relu = nn.ReLU(inplace=True)
        self.residual = residual
        self.downsample = _shortcut(c_in, c_out, stride) if residual else None

    def forward(self, x):
        out = self.relu(self.bn1(self.conv1(x)))
        out = self.bn2(self.conv2(out))                     # F(x)
        if self.residual:
            out = out + (self.downsample(x) if self.downsample is not None else x)  # F(x) + x
        return self.relu(out)


class Bottleneck(nn.Module):
    """ResNet bottleneck block (ResNet-50): 1×1 (reduce) → 3×3 → 1×1 (expand ×4), plus the shortcut."""

    expansion = 4

    def __init__(self, c_in: int, c_mid: int, stride: int = 1, residual: bool = True):
        super().__init__()
        c_out = c_mid * self.expansion
        self.conv1 = nn.Conv2d(c_in, c_mid, 1, bias=False)
        self.bn1 = nn.BatchNorm2d(c_mid)
        self.conv2 = nn.Conv2d(c_mid, c_mid, 3, stride=stride, padding=1, bias=False)
        self.bn2 = nn.BatchNorm2d(c_mid)
        self.conv3 = nn.Conv2d(c_mid, c_out, 1, bias=False)
        self.bn3 = nn.BatchNorm2d(c_out)
        self.relu = nn.ReLU(inplace=True)
        self.residual = residual
        self.downsample = _shortcut(c_in, c_out, stride) if residual else None

    def forward(self, x):
        out = self.relu(self.bn1(self.conv1(x)))
        out = self.relu(self.bn2(self.conv2(out)))
        out = self.bn3(self.conv3(out))
        if self.residual:
            out = out + (self.downsample(x) if self.downsample is not None else x)
        return self.relu(out)


def _shortcut(c_in: int, c_out: int, stride: int):
    """Identity when shapes match; otherwise a 1×1 conv + BN that matches channels and stride."""
    if stride == 1 and c_in == c_out:
        return None
    return nn.Sequential(nn.Conv2d(c_in, c_out, 1, stride=stride, bias=False), nn.BatchNorm2d(c_out))


class ResNet(nn.Module):
    """ResNet (He et al., 2015) as in torchvision: stem, four stages of blocks, global average pool, dense layer."""

    def __init__(self, block, layers, num_classes: int = 1000, in_channels: int = 3, width: int = 64,
                 small_input: bool = False, residual: bool = True):
        super().__init__()
        if small_input:   # 3×3 stem without max-pool, for 8×8 … 32×32 images
            self.stem = nn.Sequential(nn.Conv2d(in_channels, width, 3, padding=1, bias=False),
                                      nn.BatchNorm2d(width), nn.ReLU(inplace=True))
        else:             # 7×7 stride-2 stem and max-pool, for 224×224 images
            self.stem = nn.Sequential(nn.Conv2d(in_channels, width, 7, stride=2, padding=3, bias=False),
                                      nn.BatchNorm2d(width), nn.ReLU(inplace=True), nn.MaxPool2d(3, 2, padding=1))
        stages, c_in = [], width
        for i, n_blocks in enumerate(layers):
            c_mid = width * 2 ** i
            blocks = []
            for j in range(n_blocks):
                blocks.append(block(c_in, c_mid, stride=2 if (j == 0 and i > 0) else 1, residual=residual))
                c_in = c_mid * block.expansion
            stages.append(nn.Sequential(*blocks))
        self.layer1, self.layer2, self.layer3, self.layer4 = (stages + [nn.Identity()] * 4)[:4]
        self.avgpool = nn.AdaptiveAvgPool2d(1)
        self.fc = nn.Linear(c_in, num_classes)

    def forward(self, x):
        x = self.stem(x)
        x = self.layer4(self.layer3(self.layer2(self.layer1(x))))
        return self.fc(torch.flatten(self.avgpool(x), 1))


def resnet18(num_classes: int = 1000, **kw) -> ResNet:
    return ResNet(BasicBlock, [2, 2, 2, 2], num_classes, **kw)


def resnet50(num_classes: int = 1000, **kw) -> ResNet:
    return ResNet(Bottleneck, [3, 4, 6, 3], num_classes, **kw)


def _run_with_hooks(model: nn.Module, x: torch.Tensor, hooks: list) -> None:
    """One forward pass of ``x`` in eval mode without gradients; the forward ``hooks`` are removed afterwards."""
    try:
        with torch.no_grad():
            model.eval()
            model(x)
    finally:
        for h in hooks:
            h.remove()


def layer_shapes(model: nn.Module, x: torch.Tensor, depth: int | None = None) -> list[tuple[str, str, tuple]]:
    """(name, layer type, output shape) for every module at ``depth`` dots (leaf modules when None), in call order.

    Uses forward hooks; e.g. ``layer_shapes(resnet18(), x, depth=0)`` gives one row per stage.
    """
    rows = []

    def wanted(name, m):
        if not name:
            return False
        return name.count(".") == depth if depth is not None else not list(m.children())

    _run_with_hooks(model, x, [m.register_forward_hook(lambda mod, i, out, name=name: rows.append(
        (name, type(mod).__name__, tuple(out.shape)))) for name, m in model.named_modules() if wanted(name, m)])
    return rows


def count_macs(model: nn.Module, x: torch.Tensor) -> int:
    """Multiply-adds of one forward pass of one image (the first of the batch ``x``): Conv2d and Linear layers only.

    Every output value of a ``Conv2d`` costs ``(C_in / groups) · K_h · K_w`` multiply-adds, every output value
    of a ``Linear`` ``in_features``. BatchNorm, activations and pooling are cheap and are not counted.
    """
    total = 0

    def hook(module, inputs, out):
        nonlocal total
        if isinstance(module, nn.Conv2d):
            k_h, k_w = module.kernel_size
            total += out[0].numel() * (module.in_channels // module.groups) * k_h * k_w
        else:                                                     # nn.Linear
            total += out[0].numel() * module.in_features

    _run_with_hooks(model, x, [m.register_forward_hook(hook) for m in model.modules()
                               if isinstance(m, (nn.Conv2d, nn.Linear))])
    return total


def load_pretrained(name: str = "resnet18"):
    """A torchvision model with ImageNet weights (``weights="DEFAULT"``): needs the internet the first time.

    Offline, and without the weights in the torch cache, this fails with a clear bilingual message
    instead of a long network traceback. (The old ``pretrained=True`` argument is deprecated.)
    """
    import os

    from torchvision import models

    from .data import DOWNLOAD_ERRORS, download_error

    if name not in models.list_models():
        raise CourseError(f"torchvision में '{name}' नाम का कोई model नहीं है; जैसे: resnet18, resnet50, vgg16, alexnet।",
                          f"torchvision has no model called '{name}'; e.g. resnet18, resnet50, vgg16, alexnet")
    weights = models.get_model_weights(name).DEFAULT
    cache = os.path.join(torch.hub.get_dir(), "checkpoints")
    try:
        return models.get_model(name, weights=weights)
    except DOWNLOAD_ERRORS as exc:
        raise download_error(
            T(f"'{name}' के pretrained weights", f"the pretrained weights of '{name}'"), exc, T(
            f"internet वाले computer पर load_pretrained({name!r}) एक बार चलाइए, या {weights.url} download करके "
            f"'{cache}' folder में रखिए। बिना internet के models.get_model({name!r}, weights=None) (random weights) "
            "या coursekit के अपने models इस्तेमाल कीजिए।",
            f"run load_pretrained({name!r}) once on a computer with internet, or download {weights.url} into the "
            f"folder '{cache}'. Offline, build the model with models.get_model({name!r}, weights=None) (random "
            "weights) or use coursekit's own models.")) from exc


def _expect_image(x: torch.Tensor, channels: int, size: int) -> None:
    if x.dim() != 4 or x.shape[1] != channels or x.shape[2] != size or x.shape[3] != size:
        raise CourseError(
            f"input का shape (batch, {channels}, {size}, {size}) होना चाहिए; मिला {tuple(x.shape)}।",
            f"expected input of shape (batch, {channels}, {size}, {size}); got {tuple(x.shape)}")
