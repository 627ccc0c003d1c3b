"""Checkers and known-wrong answers of practice 18 (time-series forecasting): the leak-free split (q1), the scaler
fitted on train only (q2) and the recursive forecast (q6)."""
import numpy as np

from ..core import NotAttempted, contains_placeholder, ok, to_cpu, wrong


def _arr(a):
    a, _ = to_cpu(a)
    if hasattr(a, "detach"):
        a = a.detach().numpy()
    return np.asarray(a, dtype=float).ravel()


# ------------------------------------------------------------------ q1: leak-free split

def _reference_split(values, val, test, rounding=round):
    n = len(values)
    i_test = n - int(rounding(test * n))
    i_val = i_test - int(rounding(val * n))
    return values[:i_val], values[i_val:i_test], values[i_test:]


# (values, val, test): 45 · 0.15 = 6.75 and 23 · 0.3 = 6.9 tell round() from int(); the last is an edge case with
# no validation part at all.
SPLIT_CASES = (
    (np.arange(100.0), 0.15, 0.15),
    (np.arange(45.0) * 2, 0.15, 0.15),
    (np.round(np.random.default_rng(0).normal(size=23), 3), 0.1, 0.3),
    (np.arange(10.0), 0.0, 0.2),
)


def _grade_split(fn):
    for values, val, test in SPLIT_CASES:
        out = fn(values.copy(), val, test)
        if contains_placeholder(out):
            raise NotAttempted()
        if not (isinstance(out, (tuple, list)) and len(out) == 3):
            return wrong("function को तीन हिस्से लौटाने हैं: (train, val, test)।",
                         "the function must return three parts: (train, val, test).")
        parts = [_arr(p) for p in out]
        if sorted(np.concatenate(parts).tolist()) != sorted(values.tolist()) or sum(map(len, parts)) != len(values):
            return wrong("तीनों हिस्से मिलाकर पूरी series होनी चाहिए — न कोई मान दोहराया जाए, न छूटे।",
                         "the three parts together must be the whole series — no value repeated or lost.")
        if not np.array_equal(np.concatenate(parts), values):
            return wrong("हिस्से समय के क्रम में नहीं हैं: train पहले, फिर val, फिर test, और हर हिस्से के अंदर भी वही क्रम। "
                         "फेंटना (shuffle) भविष्य को training में ले आता है।",
                         "the parts are not in time order: train first, then val, then test, and the same order inside "
                         "each part. Shuffling brings the future into training.")
        n, sizes = len(values), [len(p) for p in parts]
        want = [len(p) for p in _reference_split(values, val, test)]
        if sizes == want:
            continue
        if sizes == [len(p) for p in _reference_split(values, val, test, rounding=int)]:
            return wrong(f"n = {n}, test = {test}: test · n = {test * n:.2f} और val · n = {val * n:.2f}। `int()` दशमलव "
                         f"काट देता है; प्रश्न `round()` माँगता है — हिस्सों के आकार {want} होने चाहिए, मिले {sizes}।",
                         f"n = {n}, test = {test}: test · n = {test * n:.2f} and val · n = {val * n:.2f}. `int()` cuts "
                         f"off the decimals; the question asks for `round()` — the part sizes should be {want}, got "
                         f"{sizes}.")
        return wrong(f"{n} मानों के लिए हिस्सों के आकार {want} होने चाहिए (test = round(test · n), val = round(val · n)); "
                     f"मिले {sizes}।",
                     f"for {n} values the part sizes should be {want} (test = round(test · n), val = round(val · n)); "
                     f"got {sizes}.")
    return ok("आपका बँटवारा split_by_time के बराबर है: समय के क्रम में, बिना overlap, और round() के साथ।",
              "your split equals split_by_time: in time order, without overlap, and with round().")


def _wrong_shuffled_split(values, val, test):
    """A known-wrong answer: shuffles before splitting."""
    return _reference_split(np.random.default_rng(0).permutation(values), val, test)


def _wrong_floor_split(values, val, test):
    """A known-wrong answer: int() (the floor) instead of round()."""
    return _reference_split(values, val, test, rounding=int)


def _wrong_overlap_split(values, val, test):
    """A known-wrong answer: counts the validation part from the end too, so it overlaps the test part."""
    n = len(values)
    i_val, i_test = n - round(val * n), n - round(test * n)
    return values[:i_val], values[i_val:], values[i_test:]


def _wrong_test_before_val(values, val, test):
    """A known-wrong answer: the test part right after train, validation last."""
    n = len(values)
    i_val = n - round(val * n)
    i_test = i_val - round(test * n)
    return values[:i_test], values[i_val:], values[i_test:i_val]


# ------------------------------------------------------------------ q2: scaler on train only

def _scale_cases():
    rng = np.random.default_rng(1)
    return ((rng.normal(10, 2, 200), rng.normal(30, 5, 50)),          # the future looks different
            (rng.normal(-5, 0.5, 30), rng.normal(-5, 0.5, 7)),
            (np.array([1.0, 2.0, 3.0, 4.0]), np.array([10.0])))        # edge case: a tiny train, one test value


SCALE_CASES = _scale_cases()


def _grade_scale(fn):
    for train, test in SCALE_CASES:
        out = fn(train.copy(), test.copy())
        if contains_placeholder(out):
            raise NotAttempted()
        if not (isinstance(out, (tuple, list)) and len(out) == 2):
            return wrong("function को दो चीज़ें लौटानी हैं: (z_train, z_test)।", "the function must return (z_train, z_test).")
        z_train, z_test = _arr(out[0]), _arr(out[1])
        mu, sd = train.mean(), train.std()
        if z_train.shape != train.shape or z_test.shape != test.shape:
            return wrong("z_train और z_test के shapes train और test जैसे होने चाहिए।",
                         "z_train and z_test must have the shapes of train and test.")
        both = np.concatenate([train, test])
        if np.allclose(z_test, (test - both.mean()) / both.std(), atol=1e-6):
            return wrong("आपने mean और std पूरी series (train + test) से लिए: test का भविष्य training में रिस गया (leakage)। "
                         "केवल train के आँकड़े लीजिए।",
                         "you took the mean and std from the whole series (train + test): the future of the test part "
                         "leaked into training. Use the statistics of train only.")
        if len(test) > 1 and np.allclose(z_test, (test - test.mean()) / test.std(), atol=1e-6):
            return wrong("test को उसके अपने mean/std से scale किया: test पर वही संख्याएँ लगनी चाहिए जो train से निकलीं।",
                         "you scaled test with its own mean/std: test must get the same numbers that came from train.")
        if np.allclose(z_train, (train - mu) / train.std(ddof=1), atol=1e-6):
            return wrong(f"आपने std में N − 1 से भाग दिया (ddof = 1, जैसे pandas का `.std()`); प्रश्न `np.std` (ddof = 0) "
                         f"माँगता है। {len(train)} मानों पर यह फ़र्क़ दिखता है।",
                         f"your std divides by N − 1 (ddof = 1, like pandas's `.std()`); the question asks for "
                         f"`np.std` (ddof = 0). With {len(train)} values the difference shows.")
        if not np.allclose(z_train, (train - mu) / sd, atol=1e-6):
            return wrong("z_train = (train − mean_train) / std_train होना चाहिए (std: np.std, ddof = 0)।",
                         "z_train must be (train − mean_train) / std_train (std: np.std, ddof = 0).")
        if np.allclose(z_test, test, atol=1e-6):
            return wrong("test को scale नहीं किया: z_test = (test − mean_train) / std_train।",
                         "test was not scaled: z_test = (test − mean_train) / std_train.")
        if not np.allclose(z_test, (test - mu) / sd, atol=1e-6):
            return wrong("z_test = (test − mean_train) / std_train होना चाहिए।", "z_test must be (test − mean_train) / std_train.")
    z_test = (SCALE_CASES[0][1] - SCALE_CASES[0][0].mean()) / SCALE_CASES[0][0].std()
    return ok(f"सही: पहले case में test का scaled mean {z_test.mean():.1f} है — भविष्य सचमुच training से अलग है, और model "
              "को यह पहले से पता नहीं।",
              f"right: in the first case the scaled test mean is {z_test.mean():.1f} — the future really differs from "
              "training, and the model does not know it in advance.")


def _wrong_leaky_scale(train, test):
    """A known-wrong answer: fits on train + test."""
    both = np.concatenate([train, test])
    return (train - both.mean()) / both.std(), (test - both.mean()) / both.std()


def _wrong_ddof1_scale(train, test):
    """A known-wrong answer: the sample std (ddof = 1)."""
    mu, sd = train.mean(), train.std(ddof=1)
    return (train - mu) / sd, (test - mu) / sd


def _wrong_own_stats_scale(train, test):
    """A known-wrong answer: each part scaled with its own statistics."""
    return (train - train.mean()) / train.std(), (test - test.mean()) / test.std()


def _wrong_test_unscaled(train, test):
    """A known-wrong answer: scales train only."""
    return (train - train.mean()) / train.std(), test


# ------------------------------------------------------------------ q6: the recursive forecast

def _step(window):
    """The one-step model of the question: ŷ = 0.5 · last + 0.3 · second-to-last + 1."""
    return 0.5 * window[-1] + 0.3 * window[-2] + 1.0


def _mean_step(window):
    """A one-step model that reads the whole window: its mean plus 1 (so the window's length matters)."""
    return sum(window) / len(window) + 1.0


def _recursive(step_fn, window, steps, *, slide=True, drop=True, prepend=False, extra=0):
    """The recursive forecast; the keyword switches give the known mistakes."""
    w, out = list(window), []
    for _ in range(steps + extra):
        nxt = float(step_fn(w))
        out.append(nxt)
        if slide:
            w = ([nxt] + w[:-1]) if prepend else (w[1:] if drop else w) + [nxt]
    return out


RECURSIVE_CASES = ((_step, [2.0, 4.0, 6.0], 5), (_mean_step, [10.0, 0.0, 4.0], 4), (_step, [10.0, 0.0], 3),
                   (_step, [1.0, 1.0, 1.0, 1.0], 1))


def _grade_recursive(fn):
    for step_fn, window, steps in RECURSIVE_CASES:
        out = fn(step_fn, list(window), steps)
        if contains_placeholder(out):
            raise NotAttempted()
        try:
            got = _arr(out)
        except (TypeError, ValueError):
            return wrong("forecasts की एक list लौटाइए।", "return a list of forecasts.")
        expected = np.array(_recursive(step_fn, window, steps))
        if got.shape != expected.shape:
            return wrong(f"{steps} steps के लिए {steps} forecasts चाहिए; मिले {got.size}।",
                         f"{steps} steps need {steps} forecasts; got {got.size}.")
        if np.allclose(got, expected, atol=1e-9):
            continue
        if steps > 1 and np.allclose(got, expected[0]):
            return wrong("हर step पर वही अनुमान: window खिसकाइए — नया अनुमान अंत में जोड़िए और सबसे पुराना मान हटाइए।",
                         "the same forecast at every step: slide the window — append the new forecast and drop "
                         "the oldest value.")
        if np.allclose(got, _recursive(step_fn, window, steps, drop=False)):
            return wrong(f"window {window}: नया अनुमान जुड़ा, पर सबसे पुराना मान नहीं हटा — window लंबी होती गई। Model हमेशा "
                         "उतनी ही लंबी window पढ़ता है: `window[1:] + [nxt]`।",
                         f"window {window}: the new forecast was appended, but the oldest value was not dropped — the "
                         "window kept growing. The model always reads a window of the same length: "
                         "`window[1:] + [nxt]`.")
        return wrong(f"window {window}, {steps} steps: अपेक्षित {np.round(expected, 4).tolist()}, मिला "
                     f"{np.round(got, 4).tolist()}। नया अनुमान window के **अंत** में जाता है (सबसे नया मान आख़िर में)।",
                     f"window {window}, {steps} steps: expected {np.round(expected, 4).tolist()}, got "
                     f"{np.round(got, 4).tolist()}. The new forecast goes at the **end** of the window (the newest "
                     "value last).")
    return ok("आपका recursive पूर्वानुमान सही है: हर step पिछले अनुमान पर टिका है।",
              "your recursive forecast is right: every step stands on the previous forecast.")


def _wrong_no_slide(step_fn, window, steps):
    """A known-wrong answer: never moves the window, so every step repeats the first forecast."""
    return _recursive(step_fn, window, steps, slide=False)


def _wrong_growing_window(step_fn, window, steps):
    """A known-wrong answer: appends the forecast but never drops the oldest value."""
    return _recursive(step_fn, window, steps, drop=False)


def _wrong_prepend(step_fn, window, steps):
    """A known-wrong answer: puts the forecast at the front of the window."""
    return _recursive(step_fn, window, steps, prepend=True)


def _wrong_one_step_too_many(step_fn, window, steps):
    """A known-wrong answer: steps + 1 forecasts."""
    return _recursive(step_fn, window, steps, extra=1)
