"""Offline image data for the CNN notebooks (05–08).

* :func:`digits_image_splits` — scikit-learn's handwritten digits as 1×32×32 images (upsampled from 8×8),
  the input size LeNet-5 expects;
* :func:`make_shapes` — a generated dataset of coloured shapes on noisy backgrounds, 3×32×32 like CIFAR-10,
  so the source's CIFAR-10 network runs unchanged with no download;
* :func:`sample_photo` — the photographs bundled in scikit-learn (``china.jpg``, ``flower.jpg``);
* :func:`export_image_folder` — write images as PNG files, one sub-folder per class (for ``ImageFolder``).
"""
from __future__ import annotations

from pathlib import Path

import numpy as np
import torch

from .data import load_digits, split_indices
from .i18n import CourseError

SHAPES = ("circle", "square", "triangle", "cross", "ring", "diamond")


def digits_image_splits(size: int = 32, val: float = 0.15, test: float = 0.2, seed: int = 0,
                        limit: int | None = None):
    """Digits as (1, size, size) images in [0, 1], split into "train"/"val"/"test" TensorDatasets (same split as 01)."""
    from torch.utils.data import TensorDataset

    X, y = load_digits(as_images=True)
    X = torch.nn.functional.interpolate(torch.from_numpy(X), size=(size, size), mode="bilinear",
                                        align_corners=False)  # (N, 1, 8, 8) -> (N, 1, size, size)
    y = torch.from_numpy(y)
    tr, va, te = split_indices(len(X), val=val, test=test, seed=seed)
    if limit is not None:
        tr = tr[:limit]
    return {name: TensorDataset(X[i], y[i]) for name, i in (("train", tr), ("val", va), ("test", te))}


def _shape_mask(kind: str, yy, xx, cy, cx, r):
    dy, dx = yy - cy, xx - cx
    if kind == "circle":
        return dy ** 2 + dx ** 2 <= r ** 2
    if kind == "square":
        return (np.abs(dy) <= r * 0.85) & (np.abs(dx) <= r * 0.85)
    if kind == "triangle":
        return (dy <= r * 0.8) & (dy >= -r) & (np.abs(dx) <= (dy + r) * 0.6)
    if kind == "cross":
        w = max(r * 0.3, 1.0)
        return ((np.abs(dx) <= w) & (np.abs(dy) <= r)) | ((np.abs(dy) <= w) & (np.abs(dx) <= r))
    if kind == "ring":
        d2 = dy ** 2 + dx ** 2
        return (d2 <= r ** 2) & (d2 >= (r * 0.55) ** 2)
    if kind == "diamond":
        return np.abs(dy) + np.abs(dx) <= r
    raise CourseError(f"अज्ञात आकृति {kind!r}; उपलब्ध: {SHAPES}", f"unknown shape {kind!r}; available: {SHAPES}")


def make_shapes(n_per_class: int = 300, size: int = 32, seed: int = 0, noise: float = 0.08, classes=SHAPES):
    """A generated image dataset: one coloured shape per image, random position, size and colours.

    Returns ``(X, y)``: X float32 (N, 3, size, size) in [0, 1], y int64 labels indexing ``classes``.
    The same seed always gives the same images.
    """
    if n_per_class < 1 or size < 12:
        raise CourseError("n_per_class ≥ 1 और size ≥ 12 होना चाहिए", "need n_per_class >= 1 and size >= 12")
    rng = np.random.default_rng(seed)
    yy, xx = np.mgrid[0:size, 0:size].astype(np.float32)
    n = n_per_class * len(classes)
    X = np.empty((n, 3, size, size), dtype=np.float32)
    y = np.repeat(np.arange(len(classes)), n_per_class)
    for i, label in enumerate(y):
        r = rng.uniform(0.18, 0.32) * size
        cy, cx = rng.uniform(r, size - r, size=2)
        background, colour = rng.uniform(0, 1, size=3), rng.uniform(0, 1, size=3)
        while np.abs(colour - background).sum() < 0.9:       # keep the shape visible
            colour = rng.uniform(0, 1, size=3)
        mask = _shape_mask(classes[label], yy, xx, cy, cx, r)
        img = np.where(mask[None], colour[:, None, None], background[:, None, None])
        X[i] = np.clip(img + rng.normal(0, noise, img.shape), 0, 1)
    order = rng.permutation(n)
    return X[order], y[order].astype(np.int64)


def shapes_splits(n_per_class: int = 300, size: int = 32, seed: int = 0, val: float = 0.15, test: float = 0.2):
    """:func:`make_shapes` as "train"/"val"/"test" TensorDatasets."""
    from torch.utils.data import TensorDataset

    X, y = make_shapes(n_per_class, size, seed)
    tr, va, te = split_indices(len(X), val=val, test=test, seed=seed)
    X, y = torch.from_numpy(X), torch.from_numpy(y)
    return {name: TensorDataset(X[i], y[i]) for name, i in (("train", tr), ("val", va), ("test", te))}


def sample_photo(name: str = "china", gray: bool = False) -> np.ndarray:
    """A photograph bundled in scikit-learn ("china" or "flower"), as float32 in [0, 1]: (H, W, 3) or (H, W)."""
    from sklearn.datasets import load_sample_image

    if name not in ("china", "flower"):
        raise CourseError(f"photo का नाम 'china' या 'flower' होना चाहिए; मिला {name!r}",
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
            f"images का shape (N, C, H, W) और labels की लंबाई N होनी चाहिए; मिले {images.shape} और {labels.shape}",
            f"images must be (N, C, H, W) with N labels; got {images.shape} and {labels.shape}")
    for name in class_names:
        (root / name).mkdir(parents=True, exist_ok=True)
    for i, (img, label) in enumerate(zip(images, labels)):
        arr = (np.clip(img, 0, 1) * 255).round().astype(np.uint8)
        arr = arr[0] if arr.shape[0] == 1 else arr.transpose(1, 2, 0)    # (H, W) or (H, W, C)
        Image.fromarray(arr).save(root / class_names[int(label)] / f"{prefix}_{i:05d}.png")
    return root
