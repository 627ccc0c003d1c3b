"""Time series for the course: real series that ship offline, gaps, rolling statistics, sliding windows,
a leak-free split by time and a scaler fitted on the training part only.

Introduced in notebook 09 (sequence data and time series); notebook 18 (forecasting) builds on it.

    s = load_series("co2")                     # weekly CO₂ at Mauna Loa, a pandas Series with gaps
    s = fill_gaps(s)                           # linear interpolation in time
    X, y = make_windows(s.values, window=10)   # X: (N, 10, 1), y: (N, 1) — "past 10 → the 11th"
    train, val, test = split_by_time(s)        # by position, never shuffled

Every series comes from a package that is already installed (statsmodels, vega_datasets): nothing downloads.
The plots of a series, of its rolling statistics and of one window are in ``coursekit.seriesplots``.
"""
from __future__ import annotations

from collections import namedtuple
from dataclasses import dataclass

import numpy as np
import torch

from .i18n import CourseError, T, check_positive_int

# ----------------------------------------------------------------------------- the offline series

STOCK_SYMBOLS = ("AAPL", "AMZN", "GOOG", "IBM", "MSFT")


@dataclass(frozen=True)
class SeriesInfo:
    """What a registered series is: its units, its sampling step and where it comes from."""

    units: str          # e.g. "ppm", "°C", "USD"
    freq: str           # the pandas frequency alias of one step: "W-SAT", "D", "MS", "YS", "h"
    step: T             # one step in words, e.g. T("सप्ताह", "week")
    about: T            # one line on what is measured
    source: str         # the package and function it is read from


def _info() -> dict:
    stock = {f"stock_{s}": SeriesInfo("USD", "MS", T("महीना", "month"),
                                      T(f"{s} के share का मासिक भाव, 2000–2010", f"monthly price of one {s} share, 2000–2010"),
                                      "vega_datasets.local_data.stocks()") for s in STOCK_SYMBOLS}
    return {
        "co2": SeriesInfo("ppm", "W-SAT", T("सप्ताह", "week"),
                          T("Mauna Loa (Hawaii) पर हवा में CO₂ का साप्ताहिक औसत, 1958–2001",
                            "weekly mean of atmospheric CO₂ at Mauna Loa (Hawaii), 1958–2001"),
                          "statsmodels.api.datasets.co2"),
        "sunspots": SeriesInfo("sunspot number", "YS", T("वर्ष", "year"),
                               T("हर वर्ष सूर्य के धब्बों (sunspots) की संख्या, 1700–2008",
                                 "yearly sunspot number, 1700–2008"),
                               "statsmodels.api.datasets.sunspots"),
        "seattle_temp_max": SeriesInfo("°C", "D", T("दिन", "day"),
                                       T("Seattle में हर दिन का अधिकतम तापमान, 2012–2015",
                                         "daily maximum temperature in Seattle, 2012–2015"),
                                       "vega_datasets.local_data.seattle_weather()"),
        "seattle_temp_min": SeriesInfo("°C", "D", T("दिन", "day"),
                                       T("Seattle में हर दिन का न्यूनतम तापमान, 2012–2015",
                                         "daily minimum temperature in Seattle, 2012–2015"),
                                       "vega_datasets.local_data.seattle_weather()"),
        "seattle_precip": SeriesInfo("mm", "D", T("दिन", "day"),
                                     T("Seattle में हर दिन की वर्षा, 2012–2015", "daily precipitation in Seattle, 2012–2015"),
                                     "vega_datasets.local_data.seattle_weather()"),
        "seattle_hourly": SeriesInfo("°F", "h", T("घंटा", "hour"),
                                     T("Seattle का घंटेवार तापमान, 2010", "hourly temperature in Seattle, 2010"),
                                     "vega_datasets.local_data.seattle_temps()"),
        **stock,
    }


SERIES = _info()


def list_series() -> list[str]:
    """The names ``load_series`` knows."""
    return list(SERIES)


def _read(name: str):
    import pandas as pd

    if name == "co2":
        import statsmodels.api as sm

        return sm.datasets.co2.load_pandas().data["co2"]
    if name == "sunspots":
        import statsmodels.api as sm

        df = sm.datasets.sunspots.load_pandas().data
        index = pd.to_datetime(df["YEAR"].astype(int).astype(str), format="%Y")
        return pd.Series(df["SUNACTIVITY"].to_numpy(), index=pd.DatetimeIndex(index))
    from vega_datasets import local_data  # local_data reads files inside the package; `data` would download

    if name.startswith("seattle_") and name != "seattle_hourly":
        df = local_data.seattle_weather().set_index("date")
        column = {"seattle_temp_max": "temp_max", "seattle_temp_min": "temp_min", "seattle_precip": "precipitation"}
        return df[column[name]]
    if name == "seattle_hourly":
        return local_data.seattle_temps().set_index("date")["temp"]
    df = local_data.stocks()
    return df[df["symbol"] == name.removeprefix("stock_")].set_index("date")["price"]


def load_series(name: str):
    """Load one real series by name, offline: a float pandas Series on a regular DatetimeIndex.

    Missing steps stay as NaN (CO₂ has 59 missing weeks), so that gaps can be seen and filled.
    ``s.name`` is the series name; ``s.attrs`` holds ``units``, ``step`` (T) and ``about`` (T).
    Valid names: ``list_series()``.
    """
    if name not in SERIES:
        raise CourseError(f"ऐसी कोई series नहीं: {name!r}। ये नाम चलते हैं: {', '.join(SERIES)}।",
                          f"no series named {name!r}. Valid names: {', '.join(SERIES)}")
    info = SERIES[name]
    s = _read(name).astype(float).sort_index()
    s.index = s.index.rename("date")
    s = s.asfreq(info.freq)            # a regular grid: a missing step becomes NaN, not a silent jump
    s.name = name
    s.attrs.update(units=info.units, step=info.step, about=info.about, source=info.source)
    return s


# ----------------------------------------------------------------------------- gaps and rolling statistics

def gap_report(s) -> dict:
    """How many values are missing, in how many gaps, and the longest gap (in steps)."""
    missing = np.isnan(np.asarray(s, dtype=float))
    edges = np.diff(np.r_[0, missing.astype(int), 0])     # +1 where a gap starts, -1 just after it ends
    lengths = np.flatnonzero(edges == -1) - np.flatnonzero(edges == 1)
    return {"length": len(missing), "missing": int(missing.sum()), "gaps": len(lengths),
            "longest_gap": int(lengths.max(initial=0))}


def fill_gaps(s, method: str = "time"):
    """Fill missing values (NaN) of a pandas Series.

    ``"time"``: straight line between the neighbours, weighted by the time between them (the default);
    ``"linear"``: straight line by position; ``"ffill"``: repeat the last known value (the only one that
    never looks at the future — use it when the filled series feeds a forecast made in real time).
    NaNs at the very start (no earlier value) are filled from the first known value. Without a
    DatetimeIndex, "time" falls back to "linear".
    """
    methods = ("time", "linear", "ffill")
    if method not in methods:
        raise CourseError(f"method इनमें से एक होना चाहिए: {methods}; मिला: {method!r}।",
                          f"method must be one of {methods}; got {method!r}")
    import pandas as pd

    if method == "time" and not isinstance(s.index, pd.DatetimeIndex):
        method = "linear"
    out = s.ffill() if method == "ffill" else s.interpolate(method=method, limit_direction="forward")
    return out.bfill()


def rolling_stats(s, window: int, center: bool = False):
    """Rolling mean, standard deviation and variance over ``window`` steps, as a DataFrame.

    A series is (weakly) stationary when these stay about the same over time; a drifting mean
    shows a trend, a changing variance shows changing volatility.
    """
    _check_positive_int(window, "window")
    r = s.rolling(window, center=center)
    import pandas as pd

    return pd.DataFrame({"mean": r.mean(), "std": r.std(), "var": r.var()})


def decompose(s, period: int, model: str = "additive"):
    """Split a series into trend + seasonal + residual (``statsmodels`` seasonal_decompose).

    additive: y_t = T_t + S_t + R_t. The trend is a centred moving average over one ``period``;
    the seasonal part is the average deviation at each position of the period; the rest is residual.
    The series must have no gaps (fill them first).
    """
    from statsmodels.tsa.seasonal import seasonal_decompose

    _check_positive_int(period, "period")
    if np.isnan(np.asarray(s, dtype=float)).any():
        raise CourseError("series में ख़ाली मान (NaN) हैं: पहले fill_gaps(s) चलाइए।",
                          "the series has missing values (NaN): run fill_gaps(s) first.")
    return seasonal_decompose(s, model=model, period=period)


# ----------------------------------------------------------------------------- sliding windows

_check_positive_int = check_positive_int


def _as_2d(values) -> torch.Tensor:
    """Any 1-D or 2-D series (list, NumPy, pandas, tensor) as a float32 tensor of shape (T, features)."""
    if hasattr(values, "to_numpy"):
        values = values.to_numpy()
    try:
        if isinstance(values, (str, bytes)):
            raise TypeError
        x = torch.as_tensor(np.asarray(values, dtype=np.float32)) if not torch.is_tensor(values) else values.float()
    except (TypeError, ValueError) as exc:
        raise CourseError(f"series संख्याओं की होनी चाहिए (list, NumPy array, pandas Series या tensor); मिला "
                          f"{type(values).__name__} {str(values)[:40]!r}",
                          f"the series must be numbers (a list, NumPy array, pandas Series or tensor); got "
                          f"{type(values).__name__} {str(values)[:40]!r}") from exc
    if x.dim() == 1:
        x = x.unsqueeze(1)                                   # (T,) -> (T, 1): one feature
    if x.dim() != 2:
        raise CourseError(f"series का shape (T,) या (T, features) होना चाहिए; मिला: {tuple(x.shape)}।",
                          f"the series must have shape (T,) or (T, features); got {tuple(x.shape)}")
    if torch.isnan(x).any():
        raise CourseError(f"series में {int(torch.isnan(x).sum())} ख़ाली मान (NaN) हैं: windows बनाने से पहले "
                          "fill_gaps से भरिए।",
                          f"the series has {int(torch.isnan(x).sum())} missing values (NaN): fill them with "
                          "fill_gaps before making windows.")
    return x


def n_windows(length: int, window: int, horizon: int = 1, stride: int = 1) -> int:
    """How many (input, target) windows a series of ``length`` steps gives: ⌊(T − W − H) / stride⌋ + 1."""
    return max(0, (length - window - horizon) // stride + 1)


def make_windows(values, window: int, horizon: int = 1, target: int = 0, stride: int = 1):
    """Cut a series into sliding windows: the past ``window`` steps → the next ``horizon`` steps.

    values: shape (T,) or (T, F). Window i (i = 0, stride, 2·stride, …) is
        X[i] = values[i : i + window]                       shape (window, F)   — all features
        y[i] = values[i + window : i + window + horizon, target]   shape (horizon,) — one column
    Returns float32 tensors X: (N, window, F) and y: (N, horizon), N = n_windows(T, window, horizon, stride),
    ready for an nn.RNN/LSTM/GRU with batch_first=True: (batch, seq_len, features).
    """
    for v, name in ((window, "window"), (horizon, "horizon"), (stride, "stride")):
        _check_positive_int(v, name)
    x = _as_2d(values)                                                     # (T, F)
    T_, F = x.shape
    if not 0 <= target < F:
        raise CourseError(f"target एक column index (0 से {F - 1}) होना चाहिए; मिला: {target}।",
                          f"target must be a column index (0 to {F - 1}); got {target}")
    if T_ < window + horizon:
        raise CourseError(f"series बहुत छोटी है: window + horizon = {window + horizon} steps चाहिए, मिले केवल {T_}।",
                          f"the series is too short: window + horizon = {window + horizon} steps are needed, only "
                          f"{T_} given")
    X = x.unfold(0, window, stride)[: n_windows(T_, window, horizon, stride)]   # (N, F, window)
    X = X.transpose(1, 2).contiguous()                                          # (N, window, F)
    y = x[window:, target].unfold(0, horizon, stride)[: X.shape[0]].contiguous()  # (N, horizon)
    return X, y


class WindowDataset(torch.utils.data.Dataset):
    """A PyTorch Dataset of sliding windows that keeps the series once and cuts window i on demand.

    ``dataset[i]`` is (x, y) with x: (window, F) and y: (horizon,), the same as ``make_windows(...)[i]``;
    a DataLoader stacks them into (batch, window, F) and (batch, horizon).
    """

    def __init__(self, values, window: int, horizon: int = 1, target: int = 0):
        for v, name in ((window, "window"), (horizon, "horizon")):
            _check_positive_int(v, name)
        self.values = _as_2d(values)                       # (T, F)
        self.window, self.horizon, self.target = window, horizon, target
        if len(self) == 0:
            raise CourseError(f"series में {len(self.values)} steps हैं, एक window के लिए {window + horizon} चाहिए।",
                              f"the series has {len(self.values)} steps, one window needs {window + horizon}")

    def __len__(self) -> int:
        return n_windows(len(self.values), self.window, self.horizon)

    def __getitem__(self, i: int):
        if not -len(self) <= i < len(self):
            raise IndexError(f"window index {i} out of range for {len(self)} windows")
        i = i % len(self)
        x = self.values[i:i + self.window]                                          # (window, F)
        y = self.values[i + self.window:i + self.window + self.horizon, self.target]  # (horizon,)
        return x, y


# ----------------------------------------------------------------------------- split by time, scaling

Split = namedtuple("Split", "train val test")


def split_points(length: int, val: float = 0.15, test: float = 0.15) -> tuple[int, int]:
    """Where the validation and test parts start: (i_val, i_test). train = [0, i_val), val = [i_val, i_test)."""
    if not (0 <= val < 1 and 0 < test < 1 and val + test < 1):
        raise CourseError(f"val और test 0 और 1 के बीच के भाग (fractions) होने चाहिए, val + test < 1; मिले {val}, {test}।",
                          f"val and test must be fractions between 0 and 1 with val + test < 1; got {val}, {test}")
    i_test = length - int(round(test * length))
    i_val = i_test - int(round(val * length))
    if i_val < 1 or i_test >= length or (val > 0 and i_test <= i_val):
        raise CourseError(f"{length} steps इतने कम हैं कि train/val/test तीनों भाग नहीं बनते।",
                          f"{length} steps are too few for a train/val/test split")
    return i_val, i_test


def split_by_time(data, val: float = 0.15, test: float = 0.15) -> Split:
    """Split a series (or windows) into train, validation and test parts by position — never shuffled.

    The first 70 % (by default) is training, the next 15 % validation, the last 15 % test, so every test
    value lies after every training value: a model is judged on a future it has not seen. Works for
    pandas objects (by position, ``iloc``), NumPy arrays and tensors (along the first axis).
    """
    i_val, i_test = split_points(len(data), val, test)
    take = data.iloc if hasattr(data, "iloc") else data
    return Split(take[:i_val], take[i_val:i_test], take[i_test:])


def split_windows(values, window: int, horizon: int = 1, val: float = 0.15, test: float = 0.15, target: int = 0):
    """Split the series by time first, then cut windows inside each part: a dict part -> (X, y).

    Every target of the validation (test) part lies inside that part; its input window may reach back into
    the part before, which is allowed — those values are in the past at prediction time. No target of one
    part is ever the input or target of another, so nothing from the future leaks into training.
    """
    x = _as_2d(values)                                      # (T, F)
    i_val, i_test = split_points(len(x), val, test)
    bounds = {"train": (0, i_val), "val": (max(0, i_val - window), i_test), "test": (max(0, i_test - window), len(x))}
    if val == 0:
        del bounds["val"]
    return {part: make_windows(x[a:b], window, horizon, target) for part, (a, b) in bounds.items()}


class Scaler:
    """Standardise with the training part's statistics only: z = (x − mean_train) / std_train.

    ``fit`` sees the training part only; ``transform`` then applies those same numbers to validation and
    test data. Fitting on the whole series would let the future's mean and spread leak into training.
    Works per feature (last axis) on tensors or arrays.
    """

    def __init__(self):
        self.mean = None   # (F,) the training mean of every feature
        self.std = None    # (F,) the training standard deviation (population, ddof = 0)

    def fit(self, train) -> Scaler:
        x = _as_2d(train)                                   # (T_train, F)
        self.mean = x.mean(0)
        self.std = x.std(0, unbiased=False).clamp_min(1e-8)
        return self

    def _check(self):
        if self.mean is None:
            raise CourseError("Scaler अभी fit नहीं हुआ: पहले scaler.fit(train) चलाइए (केवल training भाग पर)।",
                              "the Scaler is not fitted yet: run scaler.fit(train) first (on the training part only).")

    def transform(self, x):
        """(x − mean) / std; the output has the input's type and shape."""
        self._check()
        return self._apply(x, lambda t: (t - self.mean) / self.std)

    def inverse_transform(self, z):
        """z · std + mean: back to the original units (for forecasts and errors in ppm, °C, …)."""
        self._check()
        return self._apply(z, lambda t: t * self.std + self.mean)

    def fit_transform(self, train):
        return self.fit(train).transform(train)

    @staticmethod
    def _apply(x, fn):
        is_tensor = torch.is_tensor(x)
        t = x.float() if is_tensor else torch.as_tensor(np.asarray(x, dtype=np.float32))
        out = fn(t if t.dim() > 1 else t.unsqueeze(-1))
        out = out if t.dim() > 1 else out.squeeze(-1)
        return out if is_tensor else out.numpy()
