"""Tests of coursekit.forecast: errors and baselines on toy series with known answers, the recurrent
forecaster (shapes, persistence at start, shift invariance), training, recursive forecasts and the table."""
import math

import numpy as np
import pytest
import torch

from coursekit.forecast import (
    RecurrentForecaster,
    fit_linear_ar,
    holt_winters_forecast,
    mae,
    persistence_forecast,
    plot_forecast,
    predict_windows,
    recursive_forecast,
    results_table,
    rmse,
    seasonal_naive_at,
    seasonal_naive_forecast,
    train_forecaster,
)
from coursekit.i18n import CourseError
from coursekit.timeseries import make_windows, split_windows


def test_rmse_and_mae_by_hand():
    assert rmse([1, 2, 3], [1, 2, 5]) == pytest.approx(math.sqrt(4 / 3))
    assert mae([1, 2, 3], [1, 2, 5]) == pytest.approx(2 / 3)
    assert rmse(torch.tensor([[1.0], [3.0]]), np.array([[2.0], [2.0]])) == pytest.approx(1.0)
    with pytest.raises(CourseError, match="same shape"):
        rmse([1, 2], [1, 2, 3])


def test_errors_of_large_float64_values_are_not_rounded_to_float32():
    # at 1e8 the float32 spacing is 8: rounding the inputs first would make these misses vanish
    assert mae([1e8 + 1, 1e8 + 2], [1e8, 1e8]) == pytest.approx(1.5, rel=1e-12)
    assert rmse(np.array([1e8 + 1, 1e8 + 2]), np.array([1e8, 1e8])) == pytest.approx(math.sqrt(2.5), rel=1e-12)


def test_persistence_on_a_ramp_misses_by_the_slope():
    X, y = make_windows(np.arange(0, 30, 2.0), window=4)       # slope 2 per step
    pred = persistence_forecast(X)
    assert pred.shape == y.shape and rmse(pred, y) == pytest.approx(2.0) and mae(pred, y) == pytest.approx(2.0)
    assert persistence_forecast(X, horizon=3)[0].tolist() == [6.0, 6.0, 6.0]


def test_seasonal_naive_is_exact_on_a_periodic_series_and_persistence_is_not():
    series = np.tile([0.0, 1.0, 0.0, -1.0], 10)                # period 4; one-step changes ±1
    X, y = make_windows(series, window=8)
    assert rmse(seasonal_naive_forecast(X, season=4), y) == 0.0
    assert rmse(persistence_forecast(X), y) == pytest.approx(1.0)
    X, y = make_windows(series, window=4, horizon=6)
    assert rmse(seasonal_naive_forecast(X, season=4, horizon=6), y) == 0.0   # repeats the season for h > m
    with pytest.raises(CourseError, match="inside the window"):
        seasonal_naive_forecast(X, season=5)
    with pytest.raises(CourseError, match=r"\(N, window, features\)"):
        persistence_forecast(torch.zeros(3, 4))


def test_linear_ar_recovers_a_known_process():
    x = np.zeros(300)
    x[:2] = [1.0, 0.5]
    for t in range(2, 300):
        x[t] = 1.2 * x[t - 1] - 0.5 * x[t - 2] + 0.3                # AR(2) with a constant, no noise
    X, y = make_windows(x, window=2)
    ar = fit_linear_ar(X, y, ridge=0.0)
    assert torch.allclose(ar.coef[:, 0].float(), torch.tensor([-0.5, 1.2, 0.3]), atol=1e-4)   # oldest lag first
    assert rmse(ar(X), y) < 1e-6
    assert torch.allclose(recursive_forecast(ar, X[:1], 5)[0], y[:5, 0], atol=1e-4)  # exact model: exact future


@pytest.mark.parametrize("cell", ["rnn", "lstm", "gru"])
def test_forecaster_shapes_and_that_it_starts_as_persistence(cell):
    torch.manual_seed(0)
    model = RecurrentForecaster(cell, input_size=2, hidden_size=8, horizon=3, target=1)
    assert model.rnn.batch_first and isinstance(model.rnn, {"rnn": torch.nn.RNN, "lstm": torch.nn.LSTM,
                                                            "gru": torch.nn.GRU}[cell])
    x = torch.randn(5, 7, 2)
    out = model(x)
    assert out.shape == (5, 3)
    assert torch.equal(out, x[:, -1, 1:2].repeat(1, 3))               # zero head: ŷ = last value
    with pytest.raises(CourseError, match="batch, seq_len, 2"):
        model(torch.randn(5, 7))


def test_relative_forecaster_shifts_with_its_input():
    torch.manual_seed(0)
    model = RecurrentForecaster("gru", hidden_size=8)
    torch.nn.init.normal_(model.head.weight)                         # a head that is not zero any more
    x = torch.randn(4, 10, 1)
    assert torch.allclose(model(x + 100.0), model(x) + 100.0, atol=1e-4)   # the level never reaches the RNN
    plain = RecurrentForecaster("gru", hidden_size=8, relative=False)
    assert not torch.allclose(plain(x + 100.0), plain(x) + 100.0, atol=1e-2)
    with pytest.raises(CourseError, match="cell"):
        RecurrentForecaster("transformer")


def test_training_beats_persistence_on_a_noisy_sine():
    rng = np.random.default_rng(0)
    t = np.arange(600)
    series = np.sin(2 * np.pi * t / 25) + 0.05 * rng.normal(size=600)
    parts = split_windows(series, window=25)
    torch.manual_seed(0)
    model = RecurrentForecaster("lstm", hidden_size=16)
    hist = train_forecaster(model, parts["train"], parts["val"], epochs=15, lr=1e-2, progress=False)
    assert hist["val_loss"][-1] < hist["val_loss"][0] and hist["best_epoch"] is not None
    Xte, yte = parts["test"]
    pred = predict_windows(model, Xte)
    assert pred.shape == yte.shape
    assert rmse(pred, yte) < 0.5 * rmse(persistence_forecast(Xte), yte)


def test_recursive_forecast_of_persistence_repeats_the_last_value_and_checks_input():
    X = torch.arange(12.0).reshape(3, 4, 1)
    out = recursive_forecast(persistence_forecast, X, steps=4)
    assert out.shape == (3, 4) and out.tolist() == [[3.0] * 4, [7.0] * 4, [11.0] * 4]
    model = RecurrentForecaster("rnn", hidden_size=4)                  # zero head = persistence
    assert torch.equal(recursive_forecast(model, X, steps=4), out)
    with pytest.raises(CourseError, match="single-feature"):
        recursive_forecast(persistence_forecast, torch.zeros(2, 4, 2), 3)


def test_results_table_sorted_with_relative_rmse():
    truth = torch.tensor([[1.0], [2.0], [3.0], [4.0]])
    table = results_table({"persistence": truth + 1.0, "good": truth + 0.5, "bad": truth - 2.0}, truth)
    assert list(table.index) == ["good", "persistence", "bad"]
    assert table.loc["persistence", "rel. RMSE"] == 1.0 and table.loc["good", "rel. RMSE"] == pytest.approx(0.5)
    assert table.loc["bad", "MAE"] == pytest.approx(2.0)
    assert "rel. RMSE" not in results_table({"a": truth}, truth, baseline=None)


def test_plot_forecast_is_labelled():
    import matplotlib.pyplot as plt

    ax = plot_forecast(np.arange(4), [1, 2, 3, 4], {"naive": [0, 1, 2, 3], "model": [1, 2, 3, 3]},
                       title="forecast", ylabel="°C")
    assert ax.get_title() == "forecast" and ax.get_xlabel() and ax.get_ylabel() == "°C"
    assert len(ax.get_legend().texts) == 3
    plt.close("all")


def test_seasonal_naive_at_reads_one_season_back():
    values = np.arange(20.0)
    out = seasonal_naive_at(values, [10, 15, 19], season=7)
    assert out.shape == (3, 1) and out[:, 0].tolist() == [3.0, 8.0, 12.0]
    with pytest.raises(CourseError, match="season"):
        seasonal_naive_at(values, [5], season=7)


def test_holt_winters_is_fitted_on_the_training_part_only():
    rng = np.random.default_rng(0)
    t = np.arange(240)
    series = np.cumsum(0.3 * rng.normal(size=240)) + 3 * np.sin(2 * np.pi * t / 12)   # random-walk level + season
    one_step = holt_winters_forecast(series, train_end=180, season=12)
    assert one_step.shape == (240,)
    test_rmse = rmse(one_step[180:], series[180:])
    assert test_rmse < 0.5 * rmse(series[179:-1], series[180:])           # far better than persistence here
    changed = series.copy()
    changed[200:] += 50.0                                                   # change the future only
    again = holt_winters_forecast(changed, train_end=180, season=12)
    assert np.allclose(again[:201], one_step[:201])                         # forecasts up to t = 200 see only the past
    assert np.all(again[210:] - one_step[210:] > 25.0)                      # ... and later ones follow the jump
