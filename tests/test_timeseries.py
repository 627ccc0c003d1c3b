"""Tests of coursekit.timeseries: the offline series (with the network blocked), gaps, rolling statistics,
sliding windows (exact contents and shapes), the Dataset, the split by time and the train-only scaler."""
import socket

import numpy as np
import pandas as pd
import pytest
import torch

from coursekit.i18n import CourseError
from coursekit.seriesplots import plot_rolling, plot_series, plot_window
from coursekit.timeseries import (
    SERIES,
    Scaler,
    WindowDataset,
    decompose,
    fill_gaps,
    gap_report,
    list_series,
    load_series,
    make_windows,
    n_windows,
    rolling_stats,
    split_by_time,
    split_points,
    split_windows,
)

# ---------------------------------------------------------------- the offline series


def test_loaders_work_offline_with_the_network_blocked():
    with pytest.raises(OSError):
        socket.create_connection(("example.com", 80), timeout=2)   # the conftest blocks the network
    for name in list_series():
        s = load_series(name)
        assert isinstance(s, pd.Series) and isinstance(s.index, pd.DatetimeIndex)
        assert s.name == name and s.dtype == float
        assert s.index.is_monotonic_increasing and s.index.freq is not None   # a regular grid
        assert s.attrs["units"] == SERIES[name].units and s.attrs["step"].hi and s.attrs["step"].en
        assert s.notna().sum() > 50


@pytest.mark.parametrize("name, length, missing, first, last", [
    ("co2", 2284, 59, "1958-03-29", "2001-12-29"),
    ("sunspots", 309, 0, "1700-01-01", "2008-01-01"),
    ("seattle_temp_max", 1461, 0, "2012-01-01", "2015-12-31"),
    ("stock_MSFT", 123, 0, "2000-01-01", "2010-03-01"),
])
def test_known_series_facts(name, length, missing, first, last):
    s = load_series(name)
    assert len(s) == length and int(s.isna().sum()) == missing
    assert s.index[0] == pd.Timestamp(first) and s.index[-1] == pd.Timestamp(last)


def test_first_values_are_the_published_ones():
    assert load_series("co2").iloc[:3].tolist() == [316.1, 317.3, 317.6]
    assert load_series("seattle_temp_max").iloc[:3].tolist() == [12.8, 10.6, 11.7]
    assert load_series("stock_MSFT").iloc[0] == 39.81


def test_bad_name_lists_the_valid_names_in_both_languages():
    with pytest.raises(CourseError) as err:
        load_series("co3")
    msg = str(err.value)
    assert "ऐसी कोई series नहीं" in msg and "no series named 'co3'" in msg
    assert all(name in err.value.hi and name in err.value.en for name in ("co2", "sunspots", "stock_MSFT"))


# ---------------------------------------------------------------- gaps and rolling statistics


def test_gap_report_counts_runs_of_nan():
    s = pd.Series([np.nan, 1, np.nan, np.nan, 4, np.nan, 6, np.nan, np.nan, np.nan])
    assert gap_report(s) == {"length": 10, "missing": 7, "gaps": 4, "longest_gap": 3}
    assert gap_report(pd.Series([1.0, 2.0])) == {"length": 2, "missing": 0, "gaps": 0, "longest_gap": 0}
    co2 = gap_report(load_series("co2"))
    assert co2["missing"] == 59 and co2["longest_gap"] == 18


def test_fill_gaps_methods():
    idx = pd.date_range("2020-01-01", periods=5, freq="D")
    s = pd.Series([1.0, np.nan, np.nan, 4.0, np.nan], index=idx)
    assert fill_gaps(s).tolist() == [1.0, 2.0, 3.0, 4.0, 4.0]            # a line, then the last value held
    assert fill_gaps(s, "ffill").tolist() == [1.0, 1.0, 1.0, 4.0, 4.0]
    irregular = pd.Series([0.0, np.nan, 9.0], index=pd.to_datetime(["2020-01-01", "2020-01-02", "2020-01-10"]))
    assert fill_gaps(irregular, "time").tolist() == [0.0, 1.0, 9.0]        # weighted by time: 1 day of 9
    assert fill_gaps(irregular, "linear").tolist() == [0.0, 4.5, 9.0]      # by position
    assert fill_gaps(pd.Series([np.nan, 2.0, 3.0])).tolist() == [2.0, 2.0, 3.0]   # a leading gap
    assert fill_gaps(load_series("co2")).isna().sum() == 0
    with pytest.raises(CourseError, match="method"):
        fill_gaps(s, "spline")


def test_rolling_stats_match_numpy():
    rng = np.random.default_rng(0)
    s = pd.Series(rng.normal(size=50))
    r = rolling_stats(s, 7)
    assert r["mean"].isna().sum() == 6
    for i in (6, 20, 49):
        w = s.values[i - 6:i + 1]
        assert r["mean"].iloc[i] == pytest.approx(w.mean())
        assert r["var"].iloc[i] == pytest.approx(w.var(ddof=1))
        assert r["std"].iloc[i] == pytest.approx(w.std(ddof=1))
    with pytest.raises(CourseError):
        rolling_stats(s, 0)


def test_decompose_recovers_a_known_season():
    t = np.arange(96)
    pattern = np.array([3.0, 1.0, -1.0, -3.0])
    s = pd.Series(0.5 * t + np.tile(pattern, 24), index=pd.date_range("2000-01-01", periods=96, freq="W"))
    d = decompose(s, period=4)
    assert np.allclose(d.seasonal.values[:4], pattern, rtol=0, atol=1e-9)
    assert np.allclose(d.trend.dropna().values, 0.5 * t[2:-2], rtol=0, atol=1e-9)
    with pytest.raises(CourseError, match="NaN"):
        decompose(s.where(t != 5), period=4)


# ---------------------------------------------------------------- sliding windows


def test_make_windows_exact_contents():
    X, y = make_windows(np.arange(10), window=3, horizon=2)
    assert X.shape == (6, 3, 1) and y.shape == (6, 2)
    assert X.dtype == torch.float32 and y.dtype == torch.float32
    assert X[:, :, 0].tolist() == [[i, i + 1, i + 2] for i in range(6)]
    assert y.tolist() == [[i + 3, i + 4] for i in range(6)]


def test_ten_days_predict_the_eleventh():
    X, y = make_windows(list(range(1, 16)), window=10)      # days 1..15
    assert X.shape == (5, 10, 1) and y.shape == (5, 1)
    assert X[0, :, 0].tolist() == list(range(1, 11)) and y[0].item() == 11


def test_make_windows_with_features_target_and_stride():
    values = np.stack([np.arange(12), 100 + np.arange(12), 200 + np.arange(12)], 1)   # (12, 3)
    X, y = make_windows(values, window=4, horizon=1, target=1, stride=3)
    assert X.shape == (3, 4, 3) and y.shape == (3, 1)
    assert torch.equal(X[1], torch.tensor(values[3:7], dtype=torch.float32))
    assert y[:, 0].tolist() == [104.0, 107.0, 110.0]       # the next value of column 1


@pytest.mark.parametrize("seed", range(5))
def test_number_of_windows_formula(seed):
    rng = np.random.default_rng(seed)
    T, W, H, S = int(rng.integers(5, 60)), int(rng.integers(1, 5)), int(rng.integers(1, 4)), int(rng.integers(1, 4))
    X, y = make_windows(rng.normal(size=T), W, H, stride=S)
    assert len(X) == len(y) == n_windows(T, W, H, S) == (T - W - H) // S + 1
    last = (len(X) - 1) * S
    assert last + W + H <= T < last + W + H + S              # the last window fits, one more would not


@pytest.mark.parametrize("kwargs, words", [
    ({"values": np.arange(5), "window": 5}, "too short"),
    ({"values": np.arange(5), "window": 0}, "positive integer"),
    ({"values": np.arange(5), "window": 2.5}, "positive integer"),
    ({"values": np.arange(5), "window": True}, "positive integer"),
    ({"values": np.arange(5), "window": 2, "horizon": 0}, "positive integer"),
    ({"values": [1.0, np.nan, 3.0, 4.0], "window": 2}, "fill_gaps"),
    ({"values": np.zeros((2, 3, 4)), "window": 1}, "(T,) or (T, features)"),
    ({"values": np.zeros((8, 2)), "window": 2, "target": 2}, "column index"),
])
def test_make_windows_errors_are_bilingual(kwargs, words):
    with pytest.raises(CourseError) as err:
        make_windows(**kwargs)
    assert words in err.value.en and err.value.hi


def test_window_dataset_matches_make_windows_and_batches():
    values = np.random.default_rng(0).normal(size=(40, 2))
    ds = WindowDataset(values, window=5, horizon=3, target=1)
    X, y = make_windows(values, 5, 3, target=1)
    assert len(ds) == len(X) == 33
    for i in (0, 7, 32, -1):
        xi, yi = ds[i]
        assert torch.equal(xi, X[i]) and torch.equal(yi, y[i])
    xb, yb = next(iter(torch.utils.data.DataLoader(ds, batch_size=8)))
    assert xb.shape == (8, 5, 2) and yb.shape == (8, 3)         # (batch, seq_len, features), (batch, horizon)
    with pytest.raises(IndexError):
        ds[33]
    with pytest.raises(CourseError):
        WindowDataset(np.arange(3), window=3)


# ---------------------------------------------------------------- split by time and scaling


@pytest.mark.parametrize("kind", ["series", "array", "tensor"])
def test_split_by_time_keeps_order_and_has_no_overlap(kind):
    values = np.arange(100.0)
    data = {"series": pd.Series(values, index=pd.date_range("2000", periods=100, freq="D")),
            "array": values, "tensor": torch.arange(100.0)}[kind]
    train, val, test = split_by_time(data, val=0.15, test=0.15)
    as_list = [np.asarray(p).tolist() for p in (train, val, test)]
    assert [len(p) for p in as_list] == [70, 15, 15]
    assert sum(as_list, []) == values.tolist()                # together, in order, nothing repeated or lost
    assert max(as_list[0]) < min(as_list[1]) and max(as_list[1]) < min(as_list[2])
    if kind == "series":
        assert train.index.max() < val.index.min() and val.index.max() < test.index.min()


def test_split_points_and_errors():
    assert split_points(1000, 0.1, 0.2) == (700, 800)
    assert split_points(10, 0.0, 0.3) == (7, 7)
    for val, test in ((0.5, 0.5), (-0.1, 0.2), (0.1, 0.0)):
        with pytest.raises(CourseError):
            split_points(100, val, test)
    with pytest.raises(CourseError, match="too few"):
        split_points(3, 0.15, 0.15)


def test_split_windows_targets_stay_in_their_part():
    T, W = 200, 12
    parts = split_windows(np.arange(T), window=W, horizon=2)   # value = position, so targets show where they are
    i_val, i_test = split_points(T)
    (Xtr, ytr), (Xva, yva), (Xte, yte) = parts["train"], parts["val"], parts["test"]
    assert ytr.max() < i_val and yva.min() >= i_val and yva.max() < i_test and yte.min() >= i_test
    assert yte.max() == T - 1 and yva.min() == i_val and yte.min() == i_test    # every val/test step is a target
    assert Xte.min() >= i_test - W and Xva.min() >= i_val - W and Xtr.max() < i_val   # inputs only from the past
    assert len(yte) == T - i_test - 1 and Xte.shape[1:] == (W, 1)
    assert set(split_windows(np.arange(T), W, val=0.0)) == {"train", "test"}


def test_scaler_uses_only_training_statistics():
    rng = np.random.default_rng(0)
    series = np.concatenate([rng.normal(10, 2, 300), rng.normal(50, 9, 100)])   # the future is different
    train, test = series[:300], series[300:]
    sc = Scaler().fit(train)
    assert sc.mean.item() == pytest.approx(train.mean(), rel=1e-5)
    assert sc.std.item() == pytest.approx(train.std(), rel=1e-5)            # ddof = 0
    z_test = sc.transform(test)
    assert isinstance(z_test, np.ndarray) and z_test.shape == test.shape
    assert np.allclose(z_test, (test - train.mean()) / train.std(), atol=1e-4)
    assert z_test.mean() > 15                                  # the test part is far from the training world
    z_train = sc.transform(train)
    assert abs(z_train.mean()) < 1e-5 and z_train.std() == pytest.approx(1.0, abs=1e-5)
    assert np.allclose(sc.inverse_transform(z_test), test, atol=1e-3)


def test_scaler_per_feature_on_tensors_and_errors():
    x = torch.tensor([[0.0, 10.0], [2.0, 30.0]])
    sc = Scaler().fit(x)
    assert sc.mean.tolist() == [1.0, 20.0] and sc.std.tolist() == [1.0, 10.0]
    assert torch.equal(sc.transform(x), torch.tensor([[-1.0, -1.0], [1.0, 1.0]]))
    X3 = torch.arange(12.0).reshape(2, 3, 2)                  # windows (N, W, F): scaled per feature
    assert torch.allclose(sc.inverse_transform(sc.transform(X3)), X3)
    with pytest.raises(CourseError, match="fit"):
        Scaler().transform(x)


# ---------------------------------------------------------------- plots


def test_plots_have_titles_and_labelled_axes():
    import matplotlib.pyplot as plt

    s = load_series("sunspots")
    ax = plot_series(s, title="sunspots")
    assert ax.get_title() == "sunspots" and ax.get_xlabel() and "sunspot number" in ax.get_ylabel()
    axes = plot_rolling(s, 11, title="rolling")
    assert all(a.get_ylabel() for a in axes) and axes[1].get_xlabel() and len(axes[0].get_legend().texts) == 2
    ax = plot_window(np.arange(20.0), window=5, horizon=2, i=3)
    assert ax.get_xlabel() and ax.get_ylabel() and len(ax.get_legend().texts) == 3
    plt.close("all")
