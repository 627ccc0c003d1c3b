"""The training loop of the course: ``fit``, ``evaluate`` and ``predict``.

``fit`` is the four steps of notebook 01 — forward pass, loss, backward pass,
optimiser step — in a loop over epochs, with a progress bar, an optional
gradient-clipping step and optional early stopping. It returns a history (a
dict of lists); it never plots (``coursekit.plotting.plot_history`` does).
"""
from __future__ import annotations

import copy
import math
import time
import warnings

import torch
from torch import nn

from .i18n import CourseError, bilingual, check_positive_int
from .utils import device as default_device


def _batches(data, batch_size: int = 256):
    """Yield (x, y) batches from a DataLoader, a (X, y) pair of tensors, or a tensor X (y=None)."""
    if isinstance(data, torch.Tensor):
        for i in range(0, len(data), batch_size):
            yield data[i:i + batch_size], None
    elif isinstance(data, (tuple, list)) and len(data) == 2 and isinstance(data[0], torch.Tensor):
        X, y = data
        for i in range(0, len(X), batch_size):
            yield X[i:i + batch_size], y[i:i + batch_size]
    else:
        for batch in data:
            if isinstance(batch, (tuple, list)):
                yield batch[0], batch[1] if len(batch) > 1 else None
            else:
                yield batch, None


def _is_classification(out: torch.Tensor, y: torch.Tensor | None) -> bool:
    return y is not None and out.dim() == 2 and not torch.is_floating_point(y)


def _check_loader(loader, name: str) -> None:
    if loader is None or isinstance(loader, (str, bytes, int, float)):
        raise CourseError(
            f"{name} एक DataLoader (या (X, y) tensors का जोड़ा) होना चाहिए; मिला: {type(loader).__name__}।",
            f"{name} must be a DataLoader (or an (X, y) pair of tensors); got {type(loader).__name__}")


def _forward(model: nn.Module, x: torch.Tensor, watch: bool = True) -> torch.Tensor:
    """``model(x)``; with ``watch``, a Linear layer fed the wrong number of features gives a bilingual CourseError.

    Pre-hooks note the input shape of every ``nn.Linear`` the batch reaches; when the forward pass fails with
    PyTorch's "mat1 and mat2 shapes cannot be multiplied", the last one noted says which layer and what it got.
    """
    if not watch:
        return model(x)
    seen = []
    hooks = [m.register_forward_pre_hook(lambda m, args, name=name: seen.append((name or type(m).__name__, m, args)))
             for name, m in model.named_modules() if isinstance(m, nn.Linear)]
    try:
        return model(x)
    except RuntimeError as exc:
        name, layer, args = seen[-1] if seen else (None, None, ())
        if not args or not torch.is_tensor(args[0]) or args[0].shape[-1] == layer.in_features:
            raise
        n, m, shape, xs = layer.in_features, args[0].shape[-1], tuple(args[0].shape), tuple(x.shape)
        first = (" पहली", " first") if len(seen) == 1 else ("", "")
        if shape == xs:  # the layer was fed the batch itself
            got_hi = f"batch में {m} हैं (x का shape {xs})। in_features को अपने data के features की संख्या के बराबर कीजिए।"
            got_en = f"the batch has {m} (x of shape {xs}). Make in_features match the number of features of your data."
        else:
            got_hi = (f"उसे {m} मिले (उसके input का shape {shape}; batch x का shape {xs})। in_features को पिछली "
                      "layer के output के आकार के बराबर कीजिए।")
            got_en = (f"it gets {m} (its input has shape {shape}; the batch x has shape {xs}). Make in_features "
                      "match the output size of the layer before it.")
        raise CourseError(
            f"model की{first[0]} Linear layer '{name}' {n} input features (in_features) चाहती है, पर {got_hi}\n"
            f"(PyTorch: {exc})",
            f"the model's{first[1]} Linear layer '{name}' expects {n} input features (in_features), but {got_en}\n"
            f"(PyTorch: {exc})") from exc
    finally:
        for h in hooks:
            h.remove()


def _epoch(model, data, loss_fn, dev, optimizer=None, clip_grad_norm=None, batch_loss=None):
    """One pass over ``data``; trains when an optimizer is given. Returns (loss, acc or None, grad_norm).

    With ``batch_loss`` the loss of a batch is ``batch_loss(model, x, y)`` (no accuracy is counted)."""
    training = optimizer is not None
    model.train(training)
    total_loss = torch.zeros((), device=dev)
    correct = torch.zeros((), device=dev, dtype=torch.long)
    n_seen, n_labelled, grad_norm = 0, 0, 0.0
    with torch.set_grad_enabled(training):
        for i, (x, y) in enumerate(_batches(data)):
            x, y = x.to(dev), (y.to(dev) if y is not None else None)
            if batch_loss is not None:
                out, loss = None, batch_loss(model, x, y)    # 1. + 2. forward pass and loss, written by the caller
            else:
                out = _forward(model, x, watch=i == 0)       # 1. forward pass
                loss = loss_fn(out, y)                       # 2. loss
            if training:
                optimizer.zero_grad(set_to_none=True)
                loss.backward()                              # 3. backward pass
                if clip_grad_norm is not None:
                    grad_norm = float(nn.utils.clip_grad_norm_(model.parameters(), clip_grad_norm))
                optimizer.step()                             # 4. optimiser step
            bs = x.shape[0]
            total_loss += loss.detach() * bs
            n_seen += bs
            if out is not None and _is_classification(out, y):
                correct += (out.argmax(1) == y).sum()
                n_labelled += bs
    if training and clip_grad_norm is None:  # record the last batch's gradient norm anyway (notebook 03)
        grads = [p.grad.detach().norm() for p in model.parameters() if p.grad is not None]
        grad_norm = float(torch.linalg.vector_norm(torch.stack(grads))) if grads else 0.0
    loss = float(total_loss) / max(n_seen, 1)
    acc = float(correct) / n_labelled if n_labelled else None
    return loss, acc, grad_norm


def fit(model: nn.Module, train_data, val_data=None, *, epochs: int = 10, optimizer=None, lr: float = 1e-3,
        loss_fn=None, device=None, clip_grad_norm: float | None = None, early_stopping: int | None = None,
        restore_best: bool = True, progress: bool = True, desc: str = "fit", batch_loss=None) -> dict:
    """Train ``model`` and return its history.

    Args:
        train_data, val_data: DataLoaders (or (X, y) tensor pairs).
        epochs: passes over the training data.
        optimizer: a torch optimizer; by default Adam with learning rate ``lr``.
        loss_fn: by default ``nn.CrossEntropyLoss()``.
        clip_grad_norm: if set, ``clip_grad_norm_(model.parameters(), clip_grad_norm)`` runs
            between the backward pass and the optimiser step (notebook 03).
        early_stopping: stop when the validation loss has not improved for this many epochs;
            with ``restore_best`` the best weights are put back at the end.
        batch_loss: for a model that needs more than ``model(x)`` (lengths, teacher forcing): a function
            ``batch_loss(model, x, y)`` that returns the mean loss of one batch, used instead of
            ``loss_fn(model(x), y)``; no accuracy is recorded. With ``IndexBatches`` as the data, ``x`` is a
            batch of example indices (and ``y`` is None).

    Returns:
        dict of lists per epoch: ``train_loss``, ``train_acc``, ``val_loss``, ``val_acc``,
        ``epoch_time``, ``grad_norm`` (total gradient norm of the last batch of each epoch, before
        clipping); plus ``best_epoch`` and ``stopped_early``/``diverged`` flags.
    """
    _check_loader(train_data, "train_data")
    if not isinstance(epochs, int) or epochs < 1:
        raise CourseError(f"epochs एक धनात्मक पूर्णांक होना चाहिए; मिला: {epochs!r}।",
                          f"epochs must be a positive integer; got {epochs!r}")
    if batch_loss is not None and not callable(batch_loss):
        raise CourseError(f"batch_loss एक function (model, x, y) → loss होना चाहिए; मिला {type(batch_loss).__name__}।",
                          f"batch_loss must be a function (model, x, y) -> loss; got {type(batch_loss).__name__}.")
    if early_stopping is not None and val_data is None:
        raise CourseError("early stopping के लिए val_data चाहिए।", "early_stopping needs val_data.")
    dev = torch.device(device) if device is not None else default_device()
    model.to(dev)
    loss_fn = loss_fn or nn.CrossEntropyLoss()
    optimizer = optimizer or torch.optim.Adam(model.parameters(), lr=lr)
    history: dict = {k: [] for k in ("train_loss", "train_acc", "val_loss", "val_acc", "epoch_time", "grad_norm")}
    history.update(best_epoch=None, stopped_early=False, diverged=False)
    best_loss, best_state, bad_epochs = math.inf, None, 0

    bar = _progress(range(1, epochs + 1), desc=desc, disable=not progress)
    for epoch in bar:
        t0 = time.perf_counter()
        tr_loss, tr_acc, gnorm = _epoch(model, train_data, loss_fn, dev, optimizer, clip_grad_norm, batch_loss)
        history["train_loss"].append(tr_loss)
        history["grad_norm"].append(gnorm)
        if tr_acc is not None:
            history["train_acc"].append(tr_acc)
        postfix = {"loss": f"{tr_loss:.4f}"}
        if val_data is not None:
            va_loss, va_acc, _ = _epoch(model, val_data, loss_fn, dev, batch_loss=batch_loss)
            history["val_loss"].append(va_loss)
            if va_acc is not None:
                history["val_acc"].append(va_acc)
                postfix["val_acc"] = f"{va_acc:.3f}"
            postfix["val_loss"] = f"{va_loss:.4f}"
            if va_loss < best_loss:
                best_loss, bad_epochs, history["best_epoch"] = va_loss, 0, epoch
                if early_stopping is not None and restore_best:
                    best_state = copy.deepcopy(model.state_dict())
            else:
                bad_epochs += 1
        history["epoch_time"].append(time.perf_counter() - t0)
        bar.set_postfix(postfix)
        if not math.isfinite(tr_loss):
            history["diverged"] = True
            warnings.warn(bilingual(
                f"epoch {epoch} पर loss {tr_loss} हो गया (NaN/inf): training रोकी गई। "
                "learning rate घटाइए या gradient clipping लगाइए।",
                f"the loss became {tr_loss} (NaN/inf) at epoch {epoch}: training stopped. "
                "Lower the learning rate or use gradient clipping."), stacklevel=2)
            break
        if early_stopping is not None and bad_epochs >= early_stopping:
            history["stopped_early"] = True
            break
    bar.close()
    if best_state is not None:
        model.load_state_dict(best_state)
    return history


class IndexBatches:
    """Mini-batches of example indices, shuffled again at every pass: ``torch.randperm(n).split(batch_size)``.

    The data for ``fit(..., batch_loss=...)`` when the examples sit in tensors that the loss function indexes
    itself, e.g. ``def loss(model, idx, _): return F.cross_entropy(model(X[idx], lengths[idx]), y[idx])``.
    The order comes from torch's global random generator (``coursekit.seed_everything`` fixes it).
    """

    def __init__(self, n: int, batch_size: int):
        self.n, self.batch_size = check_positive_int(n, "n"), check_positive_int(batch_size, "batch_size")

    def __len__(self) -> int:
        return math.ceil(self.n / self.batch_size)

    def __iter__(self):
        return iter(torch.randperm(self.n).split(self.batch_size))


def _progress(iterable, desc: str, disable: bool):
    from tqdm.auto import tqdm

    return tqdm(iterable, desc=desc, disable=disable, leave=True, unit="epoch")


@torch.no_grad()
def evaluate(model: nn.Module, data, loss_fn=None, device=None) -> dict:
    """Loss and (for classification) accuracy of ``model`` on ``data``, in eval mode."""
    _check_loader(data, "data")
    dev = torch.device(device) if device is not None else next(model.parameters()).device
    loss, acc, _ = _epoch(model, data, loss_fn or nn.CrossEntropyLoss(), dev)
    return {"loss": loss, "acc": acc}


@torch.no_grad()
def predict(model: nn.Module, data, device=None) -> torch.Tensor:
    """Model outputs (e.g. logits) for a tensor or a DataLoader, concatenated on the CPU, in eval mode."""
    _check_loader(data, "data")
    dev = torch.device(device) if device is not None else next(model.parameters()).device
    model.eval()
    outs = [_forward(model, x.to(dev), watch=i == 0).cpu() for i, (x, _) in enumerate(_batches(data))]
    return torch.cat(outs)


@torch.no_grad()
def targets_of(data) -> torch.Tensor:
    """The labels of a DataLoader or (X, y) pair, in order (to compare with ``predict``)."""
    return torch.cat([y for _, y in _batches(data)])
