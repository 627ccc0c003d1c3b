"""Forecasting a time series: baselines, errors, a small recurrent forecaster, one-step and recursive forecasts.

Introduced in notebook 18 (time-series forecasting); the windows come from ``coursekit.timeseries``.

    X, y = make_windows(z, window=52)                 # (N, 52, 1), (N, 1)
    naive = persistence_forecast(X)                   # ŷ_{t+1} = y_t
    model = RecurrentForecaster("lstm", hidden_size=32)
    history = train_forecaster(model, (X_tr, y_tr), (X_va, y_va), epochs=30)
    table = results_table({"persistence": naive, "LSTM": predict_windows(model, X)}, y)

Every forecaster here takes windows of shape (N, window, features) — batch first — and returns
forecasts of shape (N, horizon), so that all of them are judged on exactly the same targets.
"""
from __future__ import annotations

import math

import numpy as np
import torch
from torch import nn

from .i18n import CourseError, check_positive_int

# ----------------------------------------------------------------------------- errors


def _as_tensor(x) -> torch.Tensor:
    if hasattr(x, "to_numpy"):
        x = x.to_numpy()
    return x.detach().float().cpu() if torch.is_tensor(x) else torch.as_tensor(np.asarray(x, dtype=np.float32))


def _as_float64(x) -> torch.Tensor:
    """Like ``_as_tensor`` but without rounding float64 input to float32 (errors of large values stay exact)."""
    if hasattr(x, "to_numpy"):
        x = x.to_numpy()
    return x.detach().cpu().double() if torch.is_tensor(x) else torch.as_tensor(np.asarray(x, dtype=np.float64))


def _pair(pred, truth):
    p, t = _as_float64(pred), _as_float64(truth)
    if p.shape != t.shape:
        raise CourseError(f"forecast और truth का shape एक होना चाहिए; मिले {tuple(p.shape)} और {tuple(t.shape)}।",
                          f"forecast and truth must have the same shape; got {tuple(p.shape)} and {tuple(t.shape)}")
    if p.numel() == 0:
        raise CourseError("forecast ख़ाली है (0 मान)।", "the forecast is empty (0 values).")
    return p.double(), t.double()


def rmse(pred, truth) -> float:
    """Root mean squared error √(mean((ŷ − y)²)), in the units of the series; punishes large misses."""
    p, t = _pair(pred, truth)
    return math.sqrt(float(((p - t) ** 2).mean()))


def mae(pred, truth) -> float:
    """Mean absolute error mean(|ŷ − y|), in the units of the series; every unit of error counts the same."""
    p, t = _pair(pred, truth)
    return float((p - t).abs().mean())


# ----------------------------------------------------------------------------- baselines


def _check_windows(X, target: int = 0) -> torch.Tensor:
    X = _as_tensor(X)
    if X.dim() != 3:
        raise CourseError(f"windows का shape (N, window, features) होना चाहिए; मिला: {tuple(X.shape)}।",
                          f"windows must have shape (N, window, features); got {tuple(X.shape)}")
    if not 0 <= target < X.shape[2]:
        raise CourseError(f"target एक feature index (0 से {X.shape[2] - 1}) होना चाहिए; मिला: {target}।",
                          f"target must be a feature index (0 to {X.shape[2] - 1}); got {target}")
    return X


def persistence_forecast(X, horizon: int = 1, target: int = 0) -> torch.Tensor:
    """The naive (persistence) forecast: every future step equals the last value seen, ŷ_{t+h} = y_t.

    X: (N, window, F) → (N, horizon). For a random walk this is the best forecast there is.
    """
    X = _check_windows(X, target)
    return X[:, -1, target].unsqueeze(1).repeat(1, horizon)            # (N, horizon)


def seasonal_naive_forecast(X, season: int, horizon: int = 1, target: int = 0) -> torch.Tensor:
    """The seasonal-naive forecast: the value one season ago, ŷ_{t+h} = y_{t+h−m} (m = ``season``).

    For h > m the last season is repeated. X: (N, window, F) with window ≥ season → (N, horizon).
    """
    X = _check_windows(X, target)
    W = X.shape[1]
    if not isinstance(season, int) or not 1 <= season <= W:
        raise CourseError(f"season (m) 1 और window = {W} के बीच होना चाहिए: पिछले season का मान window में होना "
                          f"चाहिए; मिला: {season!r}।",
                          f"season (m) must be between 1 and the window = {W}: the value one season ago must be "
                          f"inside the window; got {season!r}")
    cols = [W - season + (h % season) for h in range(horizon)]         # position of y_{t+1+h−m} in the window
    return X[:, cols, target]                                          # (N, horizon)


def seasonal_naive_at(values, positions, season: int) -> torch.Tensor:
    """The seasonal-naive forecast read straight from the series: ŷ_p = y_{p−m} for every target position p.

    Use it when the season m is longer than the input window (e.g. m = 365 days). values: (T,);
    positions: (N,) integer positions of the targets → (N, 1).
    """
    v = _as_tensor(values).flatten()
    pos = torch.as_tensor(np.asarray(positions), dtype=torch.long)
    if not isinstance(season, int) or season < 1 or int(pos.min()) - season < 0:
        raise CourseError(f"season (m) एक धनात्मक पूर्णांक होना चाहिए, और हर target से m step पहले का मान series में होना "
                          f"चाहिए; मिला m = {season!r}।",
                          f"season (m) must be a positive integer, and the value m steps before every target must be "
                          f"in the series; got m = {season!r}")
    return v[pos - season].unsqueeze(1)                                 # (N, 1)


def holt_winters_forecast(values, train_end: int, season: int | None = None, trend: str | None = "add"):
    """A classical model: Holt-Winters exponential smoothing (statsmodels), one-step forecasts without leakage.

    The smoothing parameters and initial states are fitted on ``values[:train_end]`` only; then the same fixed
    model is run over the whole series, so the forecast for step t uses the observations before t only.
    Returns a NumPy array (T,): entry t is the one-step forecast of values[t] (runs in about a second).
    """
    import warnings

    from statsmodels.tsa.holtwinters import ExponentialSmoothing

    v = np.asarray(values, dtype=float)
    if np.isnan(v).any():
        raise CourseError("series में NaN हैं: पहले fill_gaps चलाइए।", "the series has NaN: run fill_gaps first.")
    seasonal = "add" if season else None
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")                       # statsmodels' convergence chatter
        fitted = ExponentialSmoothing(v[:train_end], trend=trend, seasonal=seasonal, seasonal_periods=season,
                                      initialization_method="estimated").fit()
        p = fitted.params
        known = {"initial_level": p["initial_level"]}
        if trend:
            known["initial_trend"] = p["initial_trend"]
        if seasonal:
            known["initial_seasonal"] = p["initial_seasons"]
        full = ExponentialSmoothing(v, trend=trend, seasonal=seasonal, seasonal_periods=season,
                                    initialization_method="known", **known)
        rerun = full.fit(smoothing_level=p["smoothing_level"], smoothing_trend=p["smoothing_trend"] if trend else None,
                         smoothing_seasonal=p["smoothing_seasonal"] if seasonal else None, optimized=False)
    return np.asarray(rerun.fittedvalues)


def fit_linear_ar(X, y, ridge: float = 1e-3):
    """A classical linear autoregressive model AR(window): ŷ = w · (flattened window) + b, by least squares.

    X: (N, window, F), y: (N, horizon). Returns a function windows → forecasts (N, horizon).
    ``ridge`` adds a small λ‖w‖² so that the normal equations stay well conditioned.
    """
    X, y = _check_windows(X).double(), _as_tensor(y).double()
    A = torch.cat([X.flatten(1), torch.ones(len(X), 1, dtype=X.dtype)], 1)     # (N, W·F + 1)
    reg = ridge * torch.eye(A.shape[1], dtype=X.dtype)
    reg[-1, -1] = 0.0                                                         # no penalty on the bias
    coef = torch.linalg.solve(A.T @ A + reg, A.T @ y)                         # (W·F + 1, horizon)

    def forecast(Xnew):
        Xnew = _check_windows(Xnew).double()
        An = torch.cat([Xnew.flatten(1), torch.ones(len(Xnew), 1, dtype=Xnew.dtype)], 1)
        return (An @ coef).float()                                            # (N, horizon)

    forecast.coef = coef
    return forecast


# ----------------------------------------------------------------------------- the recurrent forecaster

CELLS = {"rnn": nn.RNN, "lstm": nn.LSTM, "gru": nn.GRU}


class RecurrentForecaster(nn.Module):
    """A many-to-one recurrent forecaster: window (B, W, F) → RNN/LSTM/GRU → last hidden state → Linear → (B, H).

    cell: "rnn", "lstm" or "gru" (batch_first=True). With ``relative=True`` (the default) the model sees the
    window *relative to its last value* and predicts the *change* from that value:
        ŷ_{t+h} = y_t + head(h_T)_h,   the RNN reading x_s − x_t for s in the window.
    So a model that has learned nothing (head = 0) is exactly the persistence forecast, and the level of a
    trending series (CO₂ in 2001 is far above anything in the training years) never reaches the RNN.
    """

    def __init__(self, cell: str = "lstm", input_size: int = 1, hidden_size: int = 32, num_layers: int = 1,
                 horizon: int = 1, relative: bool = True, target: int = 0, dropout: float = 0.0):
        super().__init__()
        if cell not in CELLS:
            raise CourseError(f"cell इनमें से एक होना चाहिए: {list(CELLS)}; मिला: {cell!r}।",
                              f"cell must be one of {list(CELLS)}; got {cell!r}")
        self.cell, self.relative, self.target, self.horizon = cell, relative, target, horizon
        self.rnn = CELLS[cell](input_size, hidden_size, num_layers, batch_first=True,
                               dropout=dropout if num_layers > 1 else 0.0)
        self.head = nn.Linear(hidden_size, horizon)
        if relative:                     # start from persistence: the first forecast is "no change"
            nn.init.zeros_(self.head.weight)
            nn.init.zeros_(self.head.bias)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        if x.dim() != 3 or x.shape[2] != self.rnn.input_size:
            raise CourseError(f"input का shape (batch, seq_len, {self.rnn.input_size}) होना चाहिए; मिला: "
                              f"{tuple(x.shape)}",
                              f"the input must have shape (batch, seq_len, {self.rnn.input_size}); got {tuple(x.shape)}")
        last = x[:, -1:, :]                                    # (B, 1, F): the last observed step
        out, _ = self.rnn(x - last if self.relative else x)    # (B, W, hidden)
        pred = self.head(out[:, -1])                           # (B, H): from the hidden state after the last step
        if self.relative:
            pred = pred + last[:, 0, self.target:self.target + 1]   # change → level: y_t + Δ
        return pred


def train_forecaster(model: nn.Module, train, val=None, *, epochs: int = 30, lr: float = 3e-3,
                     batch_size: int = 64, seed: int = 0, early_stopping: int | None = 8, clip_grad_norm=1.0,
                     progress: bool = True, desc: str | None = None) -> dict:
    """Train a forecaster on (X, y) windows with MSE loss and Adam (``coursekit.fit``); returns the history.

    The training windows are shuffled within the training part — that is fine, each window is a complete
    (past → future) example. What must never be shuffled is the series *before* the split (see
    ``coursekit.timeseries.split_by_time``). With validation data, early stopping restores the best weights.
    """
    from torch.utils.data import DataLoader, TensorDataset

    from .training import fit

    X, y = (_as_tensor(a) for a in train)
    g = torch.Generator().manual_seed(seed)
    loader = DataLoader(TensorDataset(X, y), batch_size=batch_size, shuffle=True, generator=g)
    val_data = tuple(_as_tensor(a) for a in val) if val is not None else None
    return fit(model, loader, val_data, epochs=epochs, lr=lr, loss_fn=nn.MSELoss(), clip_grad_norm=clip_grad_norm,
               early_stopping=early_stopping if val is not None else None, progress=progress,
               desc=desc or getattr(model, "cell", "fit"))


@torch.no_grad()
def predict_windows(model: nn.Module, X, batch_size: int = 1024) -> torch.Tensor:
    """One-step (or direct H-step) forecasts of every window: (N, W, F) → (N, H), on the CPU."""
    X = _check_windows(X)
    dev = next(model.parameters()).device
    model.eval()
    return torch.cat([model(X[i:i + batch_size].to(dev)).cpu() for i in range(0, len(X), batch_size)])


@torch.no_grad()
def recursive_forecast(model_or_fn, X, steps: int) -> torch.Tensor:
    """Forecast ``steps`` ahead by feeding each one-step forecast back in as if it were observed.

    X: (N, W, 1) windows of a univariate series; each round predicts ŷ_{t+1}, appends it to the window and
    drops the oldest value. Returns (N, steps). Errors compound: step 2 starts from a guess, not the truth.
    ``model_or_fn`` is a one-step nn.Module or any function windows → (N, 1) (e.g. ``persistence_forecast``).
    """
    check_positive_int(steps, "steps")
    X = _check_windows(X)
    if X.shape[2] != 1:
        raise CourseError(f"recursive forecast केवल एक feature वाली series के लिए है; मिले {X.shape[2]} features।",
                          f"the recursive forecast is for a single-feature series; got {X.shape[2]} features")
    if isinstance(model_or_fn, nn.Module):
        model_or_fn.eval()
        step = lambda w: predict_windows(model_or_fn, w)
    else:
        step = lambda w: _as_tensor(model_or_fn(w))
    window, outs = X.clone(), []
    for _ in range(steps):
        nxt = step(window)[:, :1]                               # (N, 1): the next value
        outs.append(nxt)
        window = torch.cat([window[:, 1:], nxt.unsqueeze(2)], 1)   # (N, W, 1): slide by one
    return torch.cat(outs, 1)                                   # (N, steps)


# ----------------------------------------------------------------------------- the table and the plot


def results_table(forecasts: dict, truth, baseline: str | None = "persistence"):
    """A DataFrame with RMSE and MAE per forecaster, sorted by RMSE, plus RMSE relative to ``baseline``.

    ``rel. RMSE`` < 1 means better than the baseline (0.8 = 20 % lower error). forecasts: name → (N, H).
    """
    import pandas as pd

    rows = {name: {"RMSE": rmse(p, truth), "MAE": mae(p, truth)} for name, p in forecasts.items()}
    table = pd.DataFrame(rows).T
    if baseline is not None and baseline in rows:
        table["rel. RMSE"] = table["RMSE"] / rows[baseline]["RMSE"]
    return table.sort_values("RMSE")


def plot_forecast(times, truth, forecasts: dict, title: str, ylabel: str, ax=None, xlabel: str = "समय / time"):
    """Truth (black) and each forecast (coloured) over the same time steps."""
    import matplotlib.pyplot as plt

    from . import plotting  # noqa: F401  (registers the Devanagari font)

    if ax is None:
        _, ax = plt.subplots(figsize=(9, 3.4))
    ax.plot(times, np.asarray(_as_tensor(truth)).ravel(), color="black", lw=2, label="truth / असली")
    for i, (name, pred) in enumerate(forecasts.items()):
        ax.plot(times, np.asarray(_as_tensor(pred)).ravel(), lw=1.2, color=f"C{i}", label=name)
    if np.issubdtype(np.asarray(times).dtype, np.datetime64):
        from .seriesplots import date_axis

        date_axis(ax)
    ax.set_title(title)
    ax.set_xlabel(xlabel)
    ax.set_ylabel(ylabel)
    ax.grid(alpha=0.3)
    ax.legend(fontsize=8)
    return ax
