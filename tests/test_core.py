"""i18n, device/seed, data, models and the training loop."""
import math
import os
from pathlib import Path

import numpy as np
import pytest
import torch
from torch import nn

import coursekit
from coursekit import data, i18n
from coursekit.models import MLP, MLPConfig, count_parameters, linear_params, parameter_table
from coursekit.training import IndexBatches, evaluate, fit, predict, targets_of

ROOT = Path(__file__).resolve().parent.parent


def test_language_setting(monkeypatch, progress_file):   # its own progress file: the language is saved there
    t = i18n.T("नमस्ते", "hello")
    assert str(t) == "नमस्ते\nhello"
    coursekit.set_language("en")
    assert str(t) == "hello" and coursekit.get_language() == "en"
    coursekit.set_language("hi")
    assert str(t) == "नमस्ते"
    i18n._language = None
    monkeypatch.setenv("COURSEKIT_LANG", "en")
    assert coursekit.get_language() == "en"
    monkeypatch.setenv("COURSEKIT_LANG", "klingon")
    assert coursekit.get_language() == "both"
    with pytest.raises(ValueError, match="language must be one of"):
        coursekit.set_language("fr")
    assert i18n.T("{n} अंक", "{n} digits").format(n=3).en == "3 digits"


def test_course_error_is_bilingual():
    err = i18n.CourseError("गलत", "wrong")
    assert isinstance(err, ValueError) and str(err) == "गलत\nwrong"


def test_device_and_seed():
    assert coursekit.device().type in {"cpu", "cuda", "mps"}
    coursekit.seed_everything(3)
    a = (torch.rand(3), np.random.rand(2))
    coursekit.seed_everything(3)
    b = (torch.rand(3), np.random.rand(2))
    assert torch.equal(a[0], b[0]) and np.array_equal(a[1], b[1])
    assert os.environ["PYTHONHASHSEED"] == "3"


def test_environment_report_keys():
    rep = coursekit.environment_report()
    assert rep["torch"].startswith("2.") and rep["device"] in {"cpu", "cuda", "mps"}
    assert rep["torchvision"] is not None


def test_lazy_attributes():
    assert coursekit.fit is fit
    assert coursekit.data is data
    with pytest.raises(AttributeError):
        coursekit.no_such_thing  # noqa: B018


def test_digits_shapes_and_split():
    X, y = data.load_digits()
    assert X.shape == (1797, 64) and y.shape == (1797,) and X.max() <= 1.0 and X.min() >= 0.0
    Xi, _ = data.load_digits(as_images=True)
    assert Xi.shape == (1797, 1, 8, 8)
    tr, va, te = data.split_indices(1797)
    assert len(tr) + len(va) + len(te) == 1797
    assert not set(tr) & set(te) and not set(va) & set(te)
    again = data.split_indices(1797)
    assert np.array_equal(te, again[2])  # fixed seed, fixed split
    splits = data.digits_splits(limit=100)
    assert len(splits["train"]) == 100 and len(splits["test"]) == len(te)


@pytest.mark.parametrize("val,test", [(0.5, 0.6), (-0.1, 0.2), (0.1, 0.0)])
def test_split_rejects_bad_fractions(val, test):
    with pytest.raises(ValueError, match="val and test must be fractions"):
        data.split_indices(10, val=val, test=test)


def test_cifar_offline_message(tmp_path):
    with pytest.raises(ValueError, match="Offline, use coursekit.data.load_digits"):
        data.load_cifar10(root=str(tmp_path))
    assert {d.offline for d in data.DATASETS.values()} == {True, False}


def _installed_licence(dist: str) -> str:
    """The licence an installed distribution declares: License-Expression, else License, else its classifier."""
    import importlib.metadata

    md = importlib.metadata.metadata(dist)
    declared = md.get("License-Expression") or md.get("License")
    if declared and len(declared) < 40:          # some put the whole licence text in License
        return declared.strip()
    classifiers = [c.split(" :: ")[-1] for c in md.get_all("Classifier") or [] if c.startswith("License ::")]
    return {"MIT License": "MIT", "BSD License": "BSD"}.get(classifiers[0], classifiers[0])


def _data_md_rows():
    text = (ROOT / "DATA.md").read_text(encoding="utf-8")
    return [[c.strip() for c in line.strip().strip("|").split("|")] for line in text.splitlines()
            if line.startswith("|") and not line.startswith("|---")]


def test_data_md_lists_every_dataset():
    text = (ROOT / "DATA.md").read_text(encoding="utf-8")
    for info in data.DATASETS.values():
        assert info.loader.split(".")[-1] in text, info.name


@pytest.mark.parametrize("dist", sorted({i.package for i in data.DATASETS.values() if i.package}))
def test_bundling_packages_licences_are_the_ones_they_declare(dist):
    # the licence comes from the installed package's own metadata, not from DATA.md or coursekit.data
    licence = _installed_licence(dist)
    assert licence in ("MIT", "BSD-3-Clause", "BSD"), licence
    infos = [i for i in data.DATASETS.values() if i.package == dist]
    assert infos and all(f"{dist} {licence}" in i.licence or f"{dist} is {licence}" in i.licence
                         for i in infos), [i.licence for i in infos]
    cells = [row[4] for row in _data_md_rows() if len(row) > 4 and dist in row[4]]   # the licence column
    assert cells, f"DATA.md names no licence for {dist}"
    for cell in cells:
        assert f"{dist} is {licence}" in cell, cell
        other = {"MIT", "BSD-3-Clause", "Apache-2.0"} - {licence}
        assert not any(f"{dist} is {o}" in cell or f"{dist} ({o})" in cell for o in other), cell


def test_source_mlp_parameter_count():
    model = MLP(MLPConfig())  # the source's 784 -> 512 -> 256 -> 10
    expected = linear_params(784, 512) + linear_params(512, 256) + linear_params(256, 10)
    assert expected == 535_818 == count_parameters(model)
    assert parameter_table(model)[0] == ("net.0.weight", (512, 784), 401_408)
    assert model(torch.zeros(5, 1, 28, 28)).shape == (5, 10)


def test_mlp_options_and_errors():
    m = MLP(in_features=8, hidden=[4], activation="tanh", dropout=0.5, batchnorm=True)
    kinds = [type(layer).__name__ for layer in m.net]
    assert kinds == ["Linear", "BatchNorm1d", "Tanh", "Dropout", "Linear"]
    with pytest.raises(ValueError, match="expected input with 8 features"):
        m(torch.zeros(2, 9))
    with pytest.raises(ValueError, match="activation must be one of"):
        MLP(activation="swish")


def _toy(n=200, seed=0):
    g = torch.Generator().manual_seed(seed)
    X = torch.randn(n, 2, generator=g)
    y = (X[:, 0] + X[:, 1] > 0).long()
    return X, y


def test_fit_learns_and_returns_history():
    coursekit.seed_everything(0)
    X, y = _toy()
    model = MLP(in_features=2, hidden=[16], out_features=2)
    hist = fit(model, (X, y), (X, y), epochs=15, lr=0.05, progress=False)
    assert len(hist["train_loss"]) == 15 and len(hist["val_acc"]) == 15
    assert hist["train_loss"][-1] < hist["train_loss"][0]
    assert hist["val_acc"][-1] > 0.9
    # against an independent computation on the whole set, not the same _epoch that filled the history
    with torch.no_grad():
        logits = model(X)
    ev = evaluate(model, (X, y))
    assert ev["acc"] == pytest.approx(float((logits.argmax(1) == y).double().mean()), rel=0, abs=1e-12)
    assert ev["loss"] == pytest.approx(float(nn.functional.cross_entropy(logits, y)), rel=1e-6)
    assert hist["val_acc"][-1] == pytest.approx(ev["acc"], rel=0, abs=1e-12)
    out = predict(model, X)
    assert out.shape == (200, 2) and torch.equal(targets_of((X, y)), y)


def test_fit_with_dataloader_and_early_stopping():
    coursekit.seed_everything(0)
    X, y = _toy()
    loaders = data.make_loaders({"train": torch.utils.data.TensorDataset(X, y),
                                 "val": torch.utils.data.TensorDataset(X[:50], 1 - y[:50])}, batch_size=32)
    model = MLP(in_features=2, hidden=[8], out_features=2)
    hist = fit(model, loaders["train"], loaders["val"], epochs=30, lr=0.05, early_stopping=2, progress=False)
    assert hist["stopped_early"] and len(hist["train_loss"]) < 30
    # the best weights are restored: validation loss now equals the best one seen
    assert evaluate(model, loaders["val"])["loss"] == pytest.approx(min(hist["val_loss"]), rel=1e-5)


def test_fit_clips_gradients_and_detects_divergence():
    X, y = _toy()
    torch.manual_seed(1)                                  # weights whose gradient norm is above 0.5, whatever ran before
    model = MLP(in_features=2, hidden=[8], out_features=2)
    # one batch of all 200 examples and lr = 0: the weights stay, so the documented value (total gradient norm of
    # the last batch, before clipping) can be computed by hand
    one_batch = torch.utils.data.DataLoader(torch.utils.data.TensorDataset(X, y), batch_size=len(X))
    model.zero_grad()
    nn.functional.cross_entropy(model(X), y).backward()
    expected = float(torch.sqrt(sum((p.grad.double() ** 2).sum() for p in model.parameters())))
    model.zero_grad()
    for clip in (0.5, None):                              # recorded before clipping, and without clipping too
        hist = fit(model, one_batch, epochs=2, clip_grad_norm=clip, optimizer=torch.optim.SGD(model.parameters(), lr=0.0),
                   progress=False)
        assert hist["grad_norm"] == pytest.approx([expected, expected], rel=1e-5)
    assert expected > 0.5                                  # so that clipping at 0.5 would have changed it
    big = MLP(in_features=2, hidden=[8], out_features=2)
    with torch.no_grad():
        for p in big.parameters():
            p.fill_(1e38)
    with pytest.warns(UserWarning, match="NaN/inf"):
        hist = fit(big, (X * 1e3, y), epochs=5, lr=1.0, progress=False)
    assert hist["diverged"] and len(hist["train_loss"]) == 1 and not math.isfinite(hist["train_loss"][0])


def test_fit_regression_has_no_accuracy():
    X = torch.randn(64, 3)
    y = X.sum(1, keepdim=True)
    model = nn.Linear(3, 1)
    hist = fit(model, (X, y), (X, y), epochs=3, loss_fn=nn.MSELoss(), progress=False)
    assert hist["train_acc"] == [] and len(hist["val_loss"]) == 3
    assert evaluate(model, (X, y), loss_fn=nn.MSELoss())["acc"] is None


def test_fit_with_a_batch_loss_equals_the_loop_written_out():
    # a model that needs more than x: a GRU over padded sequences, given their lengths
    X = torch.randn(20, 5, 3)
    lengths = torch.randint(1, 6, (20,))
    y = (X[:, 0, 0] > 0).long()

    def make():
        torch.manual_seed(1)
        return nn.GRU(3, 4, batch_first=True), nn.Linear(4, 2)

    def logits_of(gru, head, idx):
        packed = nn.utils.rnn.pack_padded_sequence(X[idx], lengths[idx], batch_first=True, enforce_sorted=False)
        return head(gru(packed)[1][-1])

    gru, head = make()                                        # by hand: Adam, a new shuffle every epoch
    opt = torch.optim.Adam([*gru.parameters(), *head.parameters()], lr=0.05)
    torch.manual_seed(7)
    by_hand = []
    for _ in range(3):
        total = 0.0
        for idx in torch.randperm(20).split(6):
            loss = nn.functional.cross_entropy(logits_of(gru, head, idx), y[idx])
            opt.zero_grad()
            loss.backward()
            opt.step()
            total += loss.item() * len(idx)
        by_hand.append(total / 20)

    model = nn.ModuleDict(dict(zip(("gru", "head"), make())))
    seen = []

    def batch_loss(m, idx, target):
        seen.append((len(idx), target))
        return nn.functional.cross_entropy(logits_of(m["gru"], m["head"], idx), y[idx])

    torch.manual_seed(7)
    hist = fit(model, IndexBatches(20, 6), epochs=3, lr=0.05, batch_loss=batch_loss, device="cpu", progress=False)
    assert hist["train_loss"] == pytest.approx(by_hand, rel=1e-6) and hist["train_acc"] == []
    assert [n for n, _ in seen[:4]] == [6, 6, 6, 2] and all(t is None for _, t in seen)
    for a, b in zip([*gru.parameters(), *head.parameters()], model.parameters()):
        assert torch.allclose(a, b, atol=1e-6)
    assert len(IndexBatches(20, 6)) == 4 and sorted(torch.cat(list(IndexBatches(20, 6))).tolist()) == list(range(20))
    with pytest.raises(ValueError, match="batch_size must be a positive integer"):
        IndexBatches(20, 0)
    with pytest.raises(ValueError, match="batch_loss must be a function"):
        fit(model, IndexBatches(20, 6), batch_loss="cross_entropy", progress=False)


@pytest.mark.parametrize("kwargs,match", [({"epochs": 0}, "epochs must be a positive integer"),
                                          ({"early_stopping": 3}, "early_stopping needs val_data")])
def test_fit_bad_arguments(kwargs, match):
    X, y = _toy(10)
    with pytest.raises(ValueError, match=match):
        fit(nn.Linear(2, 2), (X, y), **kwargs)


def test_fit_rejects_non_loader():
    with pytest.raises(ValueError, match="train_data must be a DataLoader"):
        fit(nn.Linear(2, 2), "data.csv")


def test_predict_on_loader_of_inputs_only():
    ds = torch.utils.data.TensorDataset(torch.randn(10, 2))
    loader = torch.utils.data.DataLoader(ds, batch_size=4)
    assert predict(nn.Linear(2, 3), loader).shape == (10, 3)
