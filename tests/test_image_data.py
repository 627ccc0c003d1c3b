"""Fashion-MNIST and MNIST shipped in coursekit/data/images/: checksums, format, splits, loaders, helpers."""
import hashlib
import lzma
import struct

import numpy as np
import pytest
import torch

from coursekit import data, vision

FILES = sorted(p.name for p in data.IMAGES_DIR.iterdir() if p.suffix == ".xz")


def test_every_shipped_file_matches_its_sha256():
    listed = [line.split()[1] for line in (data.IMAGES_DIR / "SHA256SUMS").read_text().splitlines()]
    assert sorted(listed) == FILES and len(FILES) == 10          # nothing unlisted, nothing missing
    assert data.check_image_files() == {name: True for name in FILES}
    assert sum((data.IMAGES_DIR / f).stat().st_size for f in FILES) < 15e6   # the repository stays small


def test_a_changed_file_fails_the_checksum(tmp_path):
    for name in ("SHA256SUMS", FILES[0], FILES[1]):
        (tmp_path / name).write_bytes((data.IMAGES_DIR / name).read_bytes())
    raw = bytearray((tmp_path / FILES[0]).read_bytes())
    raw[-20] ^= 1                                                 # one flipped bit
    (tmp_path / FILES[0]).write_bytes(bytes(raw))
    result = data.check_image_files(tmp_path)
    assert result[FILES[0]] is False and result[FILES[1]] is True
    assert result[FILES[2]] is False                              # listed but absent


def _idx(array: np.ndarray) -> bytes:
    return struct.pack(">BBBB", 0, 0, 8, array.ndim) + struct.pack(f">{array.ndim}I", *array.shape) + array.tobytes()


def test_read_idx_plain_and_xz_and_bad_files(tmp_path):
    a = np.arange(24, dtype=np.uint8).reshape(2, 3, 4)
    (tmp_path / "a").write_bytes(_idx(a))
    (tmp_path / "a.xz").write_bytes(lzma.compress(_idx(a)))
    assert np.array_equal(data.read_idx(tmp_path / "a"), a) and np.array_equal(data.read_idx(tmp_path / "a.xz"), a)
    (tmp_path / "short").write_bytes(_idx(a)[:-1])
    with pytest.raises(ValueError, match=r"the header says shape \(2, 3, 4\), but there are 23 bytes"):
        data.read_idx(tmp_path / "short")
    (tmp_path / "float").write_bytes(b"\x00\x00\x0d\x01" + struct.pack(">I", 1) + b"\x00" * 4)
    with pytest.raises(ValueError, match="is not an IDX uint8 file"):
        data.read_idx(tmp_path / "float")


def test_fashion_mnist_sizes_classes_and_splits():
    X, y = data.load_fashion_mnist("test")
    assert X.shape == (10_000, 1, 28, 28) and X.dtype == np.float32 and y.dtype == np.int64
    assert np.bincount(y).tolist() == [1000] * 10 and 0.0 == X.min() and X.max() == 1.0
    Xtr, ytr = data.load_fashion_mnist("train")
    Xva, yva = data.load_fashion_mnist("val")
    assert (len(ytr), len(yva)) == (21_600, 2_400)
    assert np.bincount(yva).tolist() == [240] * 10 and np.bincount(ytr).tolist() == [2160] * 10
    # train, validation and test share no image
    keys = [{x.tobytes() for x in data.load_fashion_mnist(s, as_uint8=True)[0]} for s in ("train", "val", "test")]
    assert len(keys[0]) == 21_600 and not (keys[0] & keys[1]) and not (keys[0] & keys[2]) and not (keys[1] & keys[2])
    Xu, yu = data.load_fashion_mnist("test", as_uint8=True)
    assert Xu.dtype == np.uint8 and Xu.shape == (10_000, 28, 28) and np.allclose(Xu[:5] / 255, X[:5, 0])
    assert np.array_equal(yu, y)
    Xu[0, 0, 0] = 7                                               # a copy: the cache stays untouched
    assert data.load_fashion_mnist("test", as_uint8=True)[0][0, 0, 0] != 7 or Xu[0, 0, 0] == X[0, 0, 0, 0] * 255


def test_fashion_mnist_val_fraction_is_class_balanced():
    _, y0 = data.load_fashion_mnist("train", val=0.0)
    assert len(y0) == 24_000
    _, yv = data.load_fashion_mnist("val", val=0.25)
    assert np.bincount(yv).tolist() == [600] * 10
    with pytest.raises(ValueError, match=r"val must be a fraction in \[0, 1\)"):
        data.load_fashion_mnist("val", val=1.0)
    with pytest.raises(ValueError, match="split must be one of"):
        data.load_fashion_mnist("validation")


def test_fashion_mnist_extra_images_need_the_folder(monkeypatch, tmp_path):
    monkeypatch.setenv(data.EXTRA_DIR_ENV, str(tmp_path))
    with pytest.raises(ValueError, match="convert_mnist.py --extra DIR"):
        data.load_fashion_mnist("train", extra=True)
    images = np.zeros((3, 28, 28), np.uint8)
    images[1] = 255
    for kind, array in (("images-idx3", images), ("labels-idx1", np.array([4, 5, 6], np.uint8))):
        (tmp_path / f"fashion-mnist-extra-{kind}-ubyte.xz").write_bytes(lzma.compress(_idx(array)))
    X, y = data.load_fashion_mnist("train", extra=True)
    assert len(y) == 21_603 and y[-3:].tolist() == [4, 5, 6] and X[-2].min() == 1.0
    assert len(data.load_fashion_mnist("val", extra=True)[1]) == 2_400   # extra images go to train only


def test_mnist_is_grey_not_binarised_and_split_per_digit():
    sizes = {s: data.load_mnist(s, as_uint8=True) for s in ("train", "val", "test")}
    assert {s: len(y) for s, (_, y) in sizes.items()} == {"train": 8000, "val": 999, "test": 1001}
    X, y = sizes["train"]
    assert len(np.unique(X)) == 256                               # all grey levels: the data are not 0/1
    counts = {s: np.bincount(y, minlength=10) for s, (_, y) in sizes.items()}
    total = sum(counts.values())
    # the first 10,000 images of the official MNIST training set have exactly these digit counts
    assert total.tolist() == [1001, 1127, 991, 1032, 980, 863, 1014, 1070, 944, 978]
    assert np.all(np.abs(counts["test"] - 0.1 * total) <= 1)       # 10% of every digit
    keys = [{x.tobytes() for x in X} for X, _ in sizes.values()]
    assert not (keys[0] & keys[2]) and not (keys[1] & keys[2])


def test_class_names_in_both_languages():
    assert len(data.FASHION_MNIST_CLASSES) == 10 == len(data.MNIST_CLASSES) == len(vision.FASHION_MNIST_FOLDERS)
    assert data.FASHION_MNIST_CLASSES[9].en == "Ankle boot" and data.FASHION_MNIST_CLASSES[0].en == "T-shirt/top"
    labels = vision.class_labels(data.FASHION_MNIST_CLASSES)
    assert labels[6] == "कमीज़ / Shirt" and vision.class_labels(data.MNIST_CLASSES, "en")[3] == "3"
    assert vision.class_labels(data.FASHION_MNIST_CLASSES, "hi")[1] == "पतलून"
    assert all("/" not in f and f.isascii() for f in vision.FASHION_MNIST_FOLDERS)
    with pytest.raises(ValueError, match="lang must be"):
        vision.class_labels(data.MNIST_CLASSES, "fr")


def test_tensor_splits_limit_and_padding():
    s = vision.fashion_mnist_splits(limit=100)
    assert len(s["train"]) == 100 and len(s["val"]) == 2_400 and len(s["test"]) == 10_000
    t = vision.fashion_mnist_splits(test_limit=300)
    assert len(t["train"]) == 21_600 and len(t["test"]) == 300
    assert torch.equal(t["test"].tensors[0], s["test"].tensors[0][:300])
    with pytest.raises(ValueError, match="test_limit"):
        vision.fashion_mnist_splits(test_limit=0)
    m = vision.mnist_splits(size=32, limit=50)
    x, _ = m["train"][0]
    X28 = torch.from_numpy(data.load_mnist("train")[0][:1])
    assert x.shape == (1, 32, 32) and torch.equal(x[:, 2:30, 2:30], X28[0])
    assert x[:, :2].abs().sum() == 0 and x[:, :, 30:].abs().sum() == 0     # black border
    with pytest.raises(ValueError, match="size must be 28 or 32"):
        vision.mnist_splits(size=30)


def test_fashion_cnn_shapes_and_bad_input():
    model = vision.FashionCNN()
    assert model(torch.zeros(2, 1, 28, 28)).shape == (2, 10)
    conv_bn = 1 * 32 * 9 + 32 + 32 * 64 * 9 + 64 + 2 * (32 + 64)
    assert sum(p.numel() for p in model.parameters()) == conv_bn + 3136 * 128 + 128 + 128 * 10 + 10
    plain = vision.FashionCNN(batchnorm=False)
    assert not any(isinstance(m, torch.nn.BatchNorm2d) for m in plain.modules())
    with pytest.raises(ValueError, match=r"expects images of shape \(B, 1, 28, 28\)"):
        model(torch.zeros(2, 3, 32, 32))


def test_random_flip_flips_about_half_and_only_left_right():
    x = torch.arange(2 * 1 * 2 * 3, dtype=torch.float32).reshape(2, 1, 2, 3).repeat(50, 1, 1, 1)
    out = vision.random_flip(x, generator=torch.Generator().manual_seed(0))
    flipped = (out != x).flatten(1).any(1)
    assert torch.equal(out[flipped], x[flipped].flip(3)) and torch.equal(out[~flipped], x[~flipped])
    assert 30 < flipped.sum() < 70


def test_sha256sums_is_what_hashlib_says():
    line = (data.IMAGES_DIR / "SHA256SUMS").read_text().splitlines()[0]
    digest, name = line.split()
    assert hashlib.sha256((data.IMAGES_DIR / name).read_bytes()).hexdigest() == digest


def test_random_shift_moves_each_image_within_the_limit():
    x = torch.zeros(40, 1, 12, 12)
    x[:, :, 6, 6] = 1.0                                           # one bright pixel in the middle
    out = vision.random_shift(x, max_shift=2, generator=torch.Generator().manual_seed(0))
    pos = torch.stack([torch.nonzero(img[0])[0] for img in out]) - 6   # (dy, dx) of every image
    assert pos.abs().max() == 2 and len({tuple(p.tolist()) for p in pos}) > 5   # different shifts, none beyond 2
    assert torch.equal(out.sum(dim=(1, 2, 3)), x.sum(dim=(1, 2, 3)))     # nothing lost


def test_augmenting_collate_functions_and_normalize_splits():
    ds = torch.utils.data.TensorDataset(torch.rand(8, 1, 28, 28), torch.arange(8))
    batch = [ds[i] for i in range(8)]
    for collate in (vision.RandomFlipBatch(0), vision.RandomShiftBatch(0, max_shift=1)):
        x, y = collate(batch)
        assert x.shape == (8, 1, 28, 28) and y.tolist() == list(range(8))
        assert not torch.equal(x, ds.tensors[0])                  # something was changed ...
        assert torch.allclose(x.sum(dim=(1, 2, 3)), ds.tensors[0].sum(dim=(1, 2, 3)))   # ... only moved, not altered
    splits = {"train": ds, "test": torch.utils.data.TensorDataset(torch.ones(3, 1, 28, 28), torch.zeros(3))}
    new, mean, std = vision.normalize_splits(splits)
    assert abs(new["train"].tensors[0].mean()) < 1e-5 and abs(new["train"].tensors[0].std() - 1) < 1e-4
    assert torch.allclose(new["test"].tensors[0], (torch.ones(3, 1, 28, 28) - mean) / std)   # train statistics
