"""Offline image data for the CNN notebooks (05–08).

* :func:`fashion_mnist_splits`, :func:`mnist_splits` — Fashion-MNIST and MNIST (``coursekit.data``) as
  "train"/"val"/"test" TensorDatasets, MNIST optionally padded to 32×32 for LeNet-5; :func:`class_labels` names
  their classes in Hindi and English; :data:`FASHION_MNIST_FOLDERS` are folder-safe class names (for ``ImageFolder``);
* :class:`FashionCNN` — the source's CIFAR-10 CNN of notebook 06 adapted to 1×28×28 images;
* :func:`sample_photo` — the photographs bundled in scikit-learn (``china.jpg``, ``flower.jpg``);
* :func:`export_image_folder` — write images as PNG files, one sub-folder per class (for ``ImageFolder``).
"""
from __future__ import annotations

from pathlib import Path

import numpy as np
import torch
from torch import nn

from .data import load_fashion_mnist, load_mnist
from .i18n import CourseError, check_positive_int


def sample_photo(name: str = "china", gray: bool = False) -> np.ndarray:
    """A photograph bundled in scikit-learn ("china" or "flower"), as float32 in [0, 1]: (H, W, 3) or (H, W)."""
    from sklearn.datasets import load_sample_image

    if name not in ("china", "flower"):
        raise CourseError(f"photo का नाम 'china' या 'flower' होना चाहिए; मिला {name!r}।",
                          f"photo name must be 'china' or 'flower'; got {name!r}")
    img = load_sample_image(f"{name}.jpg").astype(np.float32) / 255.0
    if gray:
        img = img @ np.array([0.299, 0.587, 0.114], dtype=np.float32)   # ITU-R BT.601 luma
    return img


def export_image_folder(images, labels, class_names, root, prefix: str = "img") -> Path:
    """Write images (N, C, H, W) in [0, 1] as PNG files into ``root/<class name>/`` (the ImageFolder layout)."""
    from PIL import Image

    root = Path(root)
    images = images.detach().cpu().numpy() if hasattr(images, "detach") else np.asarray(images)
    labels = np.asarray(labels)
    if images.ndim != 4 or len(images) != len(labels):
        raise CourseError(
            f"images का shape (N, C, H, W) और labels की लंबाई N होनी चाहिए; मिले {images.shape} और {labels.shape}।",
            f"images must be (N, C, H, W) with N labels; got {images.shape} and {labels.shape}")
    for name in class_names:
        (root / name).mkdir(parents=True, exist_ok=True)
    for i, (img, label) in enumerate(zip(images, labels)):
        arr = (np.clip(img, 0, 1) * 255).round().astype(np.uint8)
        arr = arr[0] if arr.shape[0] == 1 else arr.transpose(1, 2, 0)    # (H, W) or (H, W, C)
        Image.fromarray(arr).save(root / class_names[int(label)] / f"{prefix}_{i:05d}.png")
    return root


FASHION_MNIST_FOLDERS = ("tshirt_top", "trouser", "pullover", "dress", "coat", "sandal", "shirt", "sneaker", "bag",
                         "ankle_boot")   # label order; "T-shirt/top" cannot be a folder name


def class_labels(classes, lang: str = "both", sep: str = " / ") -> list[str]:
    """Class names of ``coursekit.data.FASHION_MNIST_CLASSES`` (or ``MNIST_CLASSES``) for plots: "hi", "en" or both."""
    if lang not in ("hi", "en", "both"):
        raise CourseError(f"lang 'hi', 'en' या 'both' होना चाहिए; मिला {lang!r}।",
                          f"lang must be 'hi', 'en' or 'both'; got {lang!r}")
    return [c.hi if lang == "hi" else c.en if lang == "en" else f"{c.hi}{sep}{c.en}" for c in classes]


def _tensor_splits(load, splits, limit, size: int = 28, test_limit: int | None = None):
    from torch.utils.data import TensorDataset

    out = {}
    for name, (X, y) in ((name, load(name)) for name in splits):
        X, y = torch.from_numpy(X), torch.from_numpy(y)
        cap = limit if name == "train" else test_limit if name == "test" else None
        if cap is not None:
            check_positive_int(cap, "limit" if name == "train" else "test_limit")
            X, y = X[:cap], y[:cap]
        if size != 28:
            pad = (size - 28) // 2
            X = torch.nn.functional.pad(X, (pad, pad, pad, pad))      # zeros = the black background
        out[name] = TensorDataset(X, y)
    return out


def fashion_mnist_splits(val: float = 0.1, limit: int | None = None, extra: bool = False,
                         test_limit: int | None = None):
    """Fashion-MNIST as "train"/"val"/"test" TensorDatasets of (1, 28, 28) images in [0, 1] (see load_fashion_mnist).

    ``limit`` keeps the first ``limit`` training images and ``test_limit`` the first test images (the fast runs use
    them); the files are shuffled, so the first images are a random sample of all classes.
    """
    return _tensor_splits(lambda s: load_fashion_mnist(s, val=val, extra=extra), ("train", "val", "test"), limit,
                          test_limit=test_limit)


def mnist_splits(size: int = 28, limit: int | None = None):
    """MNIST as "train"/"val"/"test" TensorDatasets; ``size=32`` pads 2 black pixels on each side (LeNet-5's input).

    LeCun et al. (1998) did the same: the 28×28 MNIST images were placed in a 32×32 field.
    """
    if size not in (28, 32):
        raise CourseError(f"size 28 या 32 होना चाहिए; मिला {size!r}।", f"size must be 28 or 32; got {size!r}")
    return _tensor_splits(load_mnist, ("train", "val", "test"), limit, size)


class FashionCNN(nn.Module):
    """The source's CIFAR-10 CNN (notebook 06) adapted to Fashion-MNIST's 1×28×28 images.

    Changes: 1 input channel instead of 3; after two 2×2 poolings 28 → 14 → 7, so the first dense layer takes
    64·7·7 = 3136 features (not 64·8·8 = 4096); with ``batchnorm`` a BatchNorm2d after each convolution and Dropout
    before the last layer (notebook 04), which make training faster and steadier.
    """

    def __init__(self, num_classes: int = 10, batchnorm: bool = True, dropout: float = 0.3):
        super().__init__()

        def norm(c):
            return [nn.BatchNorm2d(c)] if batchnorm else []

        self.net = nn.Sequential(
            nn.Conv2d(1, 32, 3, padding=1), *norm(32), nn.ReLU(), nn.MaxPool2d(2, 2),    # (B, 32, 14, 14)
            nn.Conv2d(32, 64, 3, padding=1), *norm(64), nn.ReLU(), nn.MaxPool2d(2, 2),   # (B, 64, 7, 7)
            nn.Flatten(),                                                                 # (B, 3136)
            nn.Linear(64 * 7 * 7, 128), nn.ReLU(), nn.Dropout(dropout),
            nn.Linear(128, num_classes),                                                  # (B, num_classes) logits
        )

    def forward(self, x):
        if x.dim() != 4 or tuple(x.shape[1:]) != (1, 28, 28):
            raise CourseError(f"FashionCNN को (B, 1, 28, 28) images चाहिए; मिला shape {tuple(x.shape)}।",
                              f"FashionCNN expects images of shape (B, 1, 28, 28); got {tuple(x.shape)}")
        return self.net(x)


def random_flip(x: torch.Tensor, generator: torch.Generator | None = None) -> torch.Tensor:
    """Data augmentation: flip each image of a batch (B, C, H, W) left-right with probability 1/2."""
    flip = torch.rand(x.shape[0], generator=generator, device="cpu").to(x.device) < 0.5
    return torch.where(flip[:, None, None, None], x.flip(3), x)


class RandomFlipBatch:
    """A ``DataLoader`` ``collate_fn`` for training: stack the batch, then flip each image left-right with p = 1/2.

    Seeded, so a run repeats exactly: ``DataLoader(ds, batch_size=128, shuffle=True, collate_fn=RandomFlipBatch(0))``.
    """

    def __init__(self, seed: int = 0):
        self.generator = torch.Generator().manual_seed(seed)

    def __call__(self, batch):
        from torch.utils.data import default_collate

        x, y = default_collate(batch)
        return random_flip(x, self.generator), y


def normalize_splits(splits: dict, stats_from: str = "train"):
    """``(x - mean) / std`` for every split, with the one mean and std of all pixels of ``splits[stats_from]``.

    Returns ``(new_splits, mean, std)``; the statistics come from the training images only (no leakage).
    """
    from torch.utils.data import TensorDataset

    X = splits[stats_from].tensors[0]
    mean, std = X.mean().item(), X.std().item()
    new = {name: TensorDataset((ds.tensors[0] - mean) / std, ds.tensors[1]) for name, ds in splits.items()}
    return new, mean, std


def random_shift(x: torch.Tensor, max_shift: int = 2, generator: torch.Generator | None = None) -> torch.Tensor:
    """Data augmentation: move each image of a batch (B, C, H, W) by up to ``max_shift`` pixels in each direction.

    ``torch.roll`` wraps around, so use it where the border is background (MNIST digits padded to 32×32 have a black
    margin of at least 6 pixels).
    """
    shifts = torch.randint(-max_shift, max_shift + 1, (x.shape[0], 2), generator=generator)
    return torch.stack([torch.roll(img, (int(dy), int(dx)), dims=(-2, -1)) for img, (dy, dx) in zip(x, shifts)])


class RandomShiftBatch(RandomFlipBatch):
    """Like :class:`RandomFlipBatch`, but moves each image by up to ``max_shift`` pixels (for digits: no flips)."""

    def __init__(self, seed: int = 0, max_shift: int = 2):
        super().__init__(seed)
        self.max_shift = max_shift

    def __call__(self, batch):
        from torch.utils.data import default_collate

        x, y = default_collate(batch)
        return random_shift(x, self.max_shift, self.generator), y
