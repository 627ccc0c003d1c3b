"""The check of practice 09's sliding-windows question: shapes first, then the usual slips named."""
import numpy as np

from ...i18n import T
from ..codecheck import Case
from ..core import NotAttempted, contains_placeholder, ok, to_cpu, wrong

# ------------------------------------------------------------------ q8: sliding windows by hand

def windows(values, window, horizon):
    """The reference: X (N, window) and Y (N, horizon), N = T − window − horizon + 1."""
    v = np.asarray(values, dtype=float)
    n = len(v) - window - horizon + 1
    X = np.stack([v[i:i + window] for i in range(n)])
    Y = np.stack([v[i + window:i + window + horizon] for i in range(n)])
    return X, Y


def _as_array(a):
    a, _ = to_cpu(a)
    if hasattr(a, "detach"):
        a = a.detach().numpy()
    a = np.asarray(a, dtype=float)
    return a[..., 0] if a.ndim == 3 and a.shape[2] == 1 else a    # (N, W, 1) is fine too


WINDOW_CASES = [
    Case((np.arange(10.0), 3, 2), about=T("0 से 9 तक, W = 3, H = 2", "0 to 9, W = 3, H = 2")),
    Case((np.arange(1.0, 16.0), 10, 1), about=T("दिन 1 से 15, पिछले 10 दिन → 11वाँ", "days 1 to 15, past 10 days → the 11th")),
    Case((np.round(np.random.default_rng(0).normal(15, 5, 30), 1), 7, 3),
         about=T("30 random तापमान, W = 7, H = 3", "30 random temperatures, W = 7, H = 3")),
    Case((np.array([4.0, 8.0, 6.0]), 2, 1), about=T("T = W + H: ठीक एक window", "T = W + H: exactly one window")),
]


def grade_windows(fn):
    for case in WINDOW_CASES:
        values, W, H = case.args
        out = fn(values.copy(), W, H)
        if contains_placeholder(out):
            raise NotAttempted()
        if not (isinstance(out, (tuple, list)) and len(out) == 2):
            return wrong("function को दो चीज़ें लौटानी हैं: (X, Y)।", "the function must return two things: (X, Y).")
        try:
            X, Y = _as_array(out[0]), _as_array(out[1])
        except (TypeError, ValueError):
            return wrong("X और Y संख्याओं की arrays (या lists of lists) होनी चाहिए।",
                         "X and Y must be arrays of numbers (or lists of lists).")
        eX, eY = windows(values, W, H)
        N = len(eX)
        if X.shape != eX.shape:
            if X.ndim == 2 and X.shape[0] == N - 1:
                return wrong(f"{case.about.hi}: {N - 1} windows मिलीं, {N} चाहिए — आख़िरी window छूट गई। "
                             "N = T − W − H + 1 (range में + 1 याद रखिए)।",
                             f"{case.about.en}: got {N - 1} windows, expected {N} — the last window is missing. "
                             "N = T − W − H + 1 (remember the + 1 in the range).")
            if X.ndim == 2 and X.shape[0] > N:
                return wrong(f"{case.about.hi}: {X.shape[0]} windows मिलीं, {N} चाहिए — आख़िरी windows के target के लिए "
                             "series में मान ही नहीं बचे।",
                             f"{case.about.en}: got {X.shape[0]} windows, expected {N} — the last windows have no values "
                             "left for their target.")
            return wrong(f"{case.about.hi}: X का shape {X.shape}, अपेक्षित {eX.shape} = (N, W)।",
                         f"{case.about.en}: X has shape {X.shape}, expected {eX.shape} = (N, W).")
        if not np.allclose(X, eX):
            return wrong(f"{case.about.hi}: X की row i में values[i : i + W] होना चाहिए।",
                         f"{case.about.en}: row i of X must be values[i : i + W].")
        if Y.shape != eY.shape:
            return wrong(f"{case.about.hi}: Y का shape {Y.shape}, अपेक्षित {eY.shape} = (N, H)।",
                         f"{case.about.en}: Y has shape {Y.shape}, expected {eY.shape} = (N, H).")
        if not np.allclose(Y, eY):
            if np.allclose(Y[:, 0], eX[:, -1]):
                return wrong(f"{case.about.hi}: Y window का आख़िरी मान दोहरा रहा है; target window के **ठीक बाद** से शुरू "
                             "होता है: values[i + W : i + W + H]।",
                             f"{case.about.en}: Y repeats the window's last value; the target starts **right after** the "
                             "window: values[i + W : i + W + H].")
            return wrong(f"{case.about.hi}: Y की row i में values[i + W : i + W + H] होना चाहिए।",
                         f"{case.about.en}: row i of Y must be values[i + W : i + W + H].")
    return ok(f"सभी {len(WINDOW_CASES)} cases सही: आपकी windows make_windows जैसी हैं।",
              f"all {len(WINDOW_CASES)} cases pass: your windows match make_windows.")
