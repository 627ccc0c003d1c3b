"""coursekit.claims: checked claims, spreads over seeds, deterministic settings."""
import numpy as np
import pytest
import torch

from coursekit import CourseError
from coursekit.claims import ClaimFailed, Spread, claim, repeat_seeds, set_deterministic, spread_table

# ------------------------------------------------------------------ claim

def test_claim_that_holds_prints_both_languages(capsys):
    assert claim(0.93 - 0.25 >= 0.2, "LSTM 93% पर, RNN 25% पर।", "LSTM at 93%, RNN at 25%.") is None  # no echo
    out = capsys.readouterr().out
    assert "✓ दावा सही: LSTM 93% पर, RNN 25% पर।" in out and "✓ claim holds: LSTM at 93%, RNN at 25%." in out


def test_claim_that_fails_raises_with_the_numbers_in_both_languages(capsys):
    with pytest.raises(ClaimFailed) as info:
        claim(0.61 - 0.55 >= 0.2, "LSTM 61%, RNN 55%: अंतर 6 points।", "LSTM 61%, RNN 55%: a gap of 6 points.")
    message = str(info.value)
    assert "LSTM 61%, RNN 55%: अंतर 6 points।" in message and "a gap of 6 points." in message
    assert "दावा" in message and "claim" in message and "COURSEKIT_THREADS" in message
    assert isinstance(info.value, AssertionError)          # make course / pytest report it as a failure
    assert info.value.en == "LSTM 61%, RNN 55%: a gap of 6 points."
    assert capsys.readouterr().out == ""                    # nothing says "holds" before the error


@pytest.mark.parametrize("condition,holds", [(np.bool_(True), True), (np.bool_(False), False),
                                             (torch.tensor(True), True), (torch.tensor([False]), False)])
def test_claim_accepts_numpy_and_torch_booleans(condition, holds):
    if holds:
        claim(condition, "हाँ।", "yes.")
    else:
        with pytest.raises(ClaimFailed):
            claim(condition, "नहीं।", "no.")


@pytest.mark.parametrize("condition", [0.7, 1, "yes", None, [True], torch.tensor([True, True])])
def test_claim_refuses_a_condition_that_is_not_a_boolean(condition):
    with pytest.raises(CourseError):
        claim(condition, "x।", "x.")


# ------------------------------------------------------------------ Spread

def test_spread_summary_and_format():
    s = Spread((0.75, 0.25, 0.5))
    assert (s.mean, s.min, s.max, len(s)) == (0.5, 0.25, 0.75, 3)
    assert f"{s:.1%}" == "50.0% [25.0%, 75.0%]"
    assert s.per_seed(".0%") == "75% 25% 50%"                # seed order kept
    assert f"{Spread((0.9,)):.1%}" == "90.0%"                 # one seed: no range to show


@pytest.mark.parametrize("values", [(), (float("nan"), 1.0), (float("inf"),)])
def test_spread_refuses_empty_or_non_finite_values(values):
    with pytest.raises(CourseError):
        Spread(values)


# ------------------------------------------------------------------ repeat_seeds

def test_repeat_seeds_calls_fn_once_per_seed_in_order():
    called = []

    def run(seed):
        called.append(seed)
        return seed / 10

    s = repeat_seeds(run, (3, 1, 2))
    assert called == [3, 1, 2]
    assert isinstance(s, Spread) and s.values == (0.3, 0.1, 0.2)


def test_repeat_seeds_gathers_numbers_into_spreads_and_keeps_other_values():
    out = repeat_seeds(lambda seed: {"acc": 0.5 + seed / 10, "curve": [seed, seed], "n": seed}, range(3))
    assert isinstance(out["acc"], Spread) and out["acc"].values == pytest.approx((0.5, 0.6, 0.7))
    assert out["curve"] == [[0, 0], [1, 1], [2, 2]]
    assert out["n"].max == 2


def test_repeat_seeds_uses_the_real_results_of_a_seeded_computation():
    def draw(seed):
        return float(torch.rand(1, generator=torch.Generator().manual_seed(seed)))

    out = repeat_seeds(draw, (0, 1))
    assert out.values == (draw(0), draw(1)) and out.values[0] != out.values[1]


@pytest.mark.parametrize("fn,seeds", [(lambda s: 1.0, []),
                                      (lambda s: {"a": 1} if s == 0 else {"b": 1}, [0, 1]),
                                      (lambda s: "text", [0])])
def test_repeat_seeds_refuses_bad_input(fn, seeds):
    with pytest.raises(CourseError):
        repeat_seeds(fn, seeds)


# ------------------------------------------------------------------ spread_table

def test_spread_table_of_spreads():
    table = spread_table({"RNN": Spread((0.25, 0.31)), "LSTM, b_f = 3": Spread((1.0, 0.98))}, label="model")
    lines = table.splitlines()
    assert lines[0].split() == ["model", "|", "mean", "|", "[min,", "max]", "|", "per", "seed"]
    assert "28.0%" in lines[2] and "[25.0%, 31.0%]" in lines[2] and "25.0% 31.0%" in lines[2]
    assert lines[3].startswith("LSTM, b_f = 3") and "[98.0%, 100.0%]" in lines[3]


def test_spread_table_of_columns():
    table = spread_table({5: {"RNN": Spread((1.0, 1.0)), "GRU": Spread((0.5, 1.0))},
                          100: {"RNN": Spread((0.25, 0.27)), "GRU": Spread((1.0, 1.0))}}, label="T", spec=".0%")
    lines = table.splitlines()
    assert "RNN" in lines[0] and "GRU" in lines[0]
    assert "100% [100%, 100%]" in lines[2] and "75% [50%, 100%]" in lines[2]
    assert lines[3].startswith("100") and "26% [25%, 27%]" in lines[3]


def test_spread_table_refuses_no_rows():
    with pytest.raises(CourseError):
        spread_table({})


# ------------------------------------------------------------------ set_deterministic

@pytest.fixture
def torch_state():
    threads, det = torch.get_num_threads(), torch.are_deterministic_algorithms_enabled()
    yield
    torch.set_num_threads(threads)
    torch.use_deterministic_algorithms(det)


def test_set_deterministic_sets_threads_and_algorithms(torch_state, monkeypatch):
    monkeypatch.delenv("COURSEKIT_THREADS", raising=False)
    torch.set_num_threads(2)
    assert set_deterministic(1) == 1 and torch.get_num_threads() == 1
    assert torch.are_deterministic_algorithms_enabled()


def test_set_deterministic_environment_overrides(torch_state, monkeypatch):
    monkeypatch.setenv("COURSEKIT_THREADS", "2")
    assert set_deterministic(1) == 2 and torch.get_num_threads() == 2


@pytest.mark.parametrize("env,threads", [("0", 1), ("two", 1), ("-1", 1), ("", 0), ("", 1.5)])
def test_set_deterministic_refuses_bad_thread_counts(torch_state, monkeypatch, env, threads):
    monkeypatch.setenv("COURSEKIT_THREADS", env)
    with pytest.raises(CourseError):
        set_deterministic(threads)
