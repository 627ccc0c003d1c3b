"""Offline datasets for the course.

Nothing here touches the network. Every dataset comes from a package the course
depends on (scikit-learn's bundled digits, for example) or ships inside
coursekit; the source and licence of each is listed in ``DATASETS`` and in
DATA.md. A dataset that would need a download sits behind ``download=True`` and
fails offline with a clear message that names an offline alternative.
"""
from __future__ import annotations

import http.client
from dataclasses import dataclass

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


DATASETS = {
    "digits": DatasetInfo(
        "digits", "load_digits",
        "UCI Optical Recognition of Handwritten Digits, as bundled in scikit-learn (sklearn.datasets.load_digits)",
        "CC BY 4.0 (UCI ML Repository); scikit-learn BSD-3-Clause", True),
    "cifar10": DatasetInfo(
        "cifar10", "load_cifar10",
        "CIFAR-10 (Krizhevsky, 2009) through torchvision.datasets.CIFAR10",
        "terms of the CIFAR-10 authors", False),
    "co2": DatasetInfo(
        "co2", "coursekit.timeseries.load_series",
        "Keeling & Whorf, Mauna Loa CO2 (Scripps/CDIAC), bundled in statsmodels (statsmodels.api.datasets.co2)",
        "public domain (statsmodels BSD-3-Clause)", True),
    "sunspots": DatasetInfo(
        "sunspots", "coursekit.timeseries.load_series",
        "NOAA NGDC yearly sunspot numbers, bundled in statsmodels (statsmodels.api.datasets.sunspots)",
        "public domain (statsmodels BSD-3-Clause)", True),
    "seattle_weather": DatasetInfo(
        "seattle_weather", "coursekit.timeseries.load_series",
        "NOAA daily weather in Seattle 2012-2015 and hourly temperatures 2010, bundled in vega_datasets (local_data)",
        "public domain (NOAA); vega_datasets BSD-3-Clause", True),
    "stocks": DatasetInfo(
        "stocks", "coursekit.timeseries.load_series",
        "prices of AAPL, AMZN, GOOG, IBM and MSFT 2000-2010, bundled in vega_datasets (local_data.stocks)",
        "as distributed in vega_datasets (BSD-3-Clause); no licence stated for the prices", True),
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
            f"val और test के हिस्से 0 और 1 के बीच हों और उनका जोड़ 1 से कम हो; मिले: val={val}, test={test}",
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
            "CIFAR-10 इस कंप्यूटर पर नहीं है, और इसे download करने के लिए internet चाहिए "
            "(load_cifar10(download=True))। बिना internet के coursekit.data.load_digits() इस्तेमाल कीजिए।",
            "CIFAR-10 is not on this computer and downloading it needs the internet "
            "(load_cifar10(download=True)). Offline, use coursekit.data.load_digits() instead.")
    from torchvision import datasets, transforms

    try:
        return datasets.CIFAR10(root, train=train, download=download, transform=transforms.ToTensor())
    except DOWNLOAD_ERRORS as exc:
        raise download_error(
            T("CIFAR-10", "CIFAR-10"), exc, T(
            f"internet वाले कंप्यूटर पर load_cifar10(root={root!r}, download=True) एक बार चलाइए, या "
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
