"""Practice 09 (sequence data and time series): the source's five questions, then counting windows, sliding
windows by hand, filling a gap, a rolling mean, leakage in gap filling, and PyTorch shapes (batch_first)."""
import math

import numpy as np

from ...i18n import T
from ..codecheck import Case, Code
from ..kinds import MultipleChoice, Numeric, Shape, TrueFalse
from ._nb09_graders import grade_windows, windows

TITLE = T("क्रमिक डेटा और समय-शृंखला", "Sequence data and time series")
INTRO = T(
    "पहले स्रोत नोट्स के पाँच अभ्यास प्रश्न, फिर गणना और code: windows की गिनती, sliding windows हाथ से बनाना, "
    "एक gap भरना, rolling mean लिखना, और PyTorch के shapes। `np` (NumPy), `torch`, और coursekit.timeseries से "
    "`load_series`, `make_windows`, `n_windows` पहले से import हैं।",
    "First the source notes' five practice questions, then numbers and code: counting windows, building sliding "
    "windows by hand, filling a gap, writing a rolling mean, and PyTorch shapes. `np` (NumPy), `torch`, and "
    "`load_series`, `make_windows`, `n_windows` from coursekit.timeseries are already imported.",
)

# The learner does not have the source notes: say what they are (each question quotes what it needs).
INTRO = T(INTRO.hi + " स्रोत नोट्स वे Hinglish में लिखे कक्षा-नोट्स (`000`–`004`) हैं जिनके क्रम पर यह course चलता है; वे course "
          "के साथ नहीं आते, इसलिए जो प्रश्न उनसे लिया गया है या उनकी कोई बात सुधारता है, उसमें उनकी वह बात लिखी है।",
          INTRO.en + " The source notes are the Hinglish lecture notes (`000`–`004`) whose order this course follows; "
          "they do not come with the course, so every question taken from them, or correcting them, states what they "
          "say.")
SETUP = "import numpy as np\nimport torch\nfrom coursekit.timeseries import load_series, make_windows, n_windows"


# ------------------------------------------------------------------ q8: known-wrong windows
def _windows_off_by_one(values, window, horizon):
    """A known-wrong answer: forgets the + 1 and loses the last window."""
    X, Y = windows(values, window, horizon)
    return X[:-1], Y[:-1]


def _wrong_windows_overlap(values, window, horizon):
    """The target starts one step early, at the window's last value."""
    v = np.asarray(values, dtype=float)
    n = len(v) - window - horizon + 1
    return windows(values, window, horizon)[0], np.stack([v[i + window - 1:i + window - 1 + horizon] for i in range(n)])


def _wrong_windows_one_target(values, window, horizon):
    """Ignores the horizon: Y holds only the next value."""
    X, Y = windows(values, window, horizon)
    return X, Y[:, :1]


def _wrong_windows_in_place(values, window, horizon):
    """Standardises the caller's array in place, then windows it: the copies the checker passes keep it honest."""
    values -= values.mean()
    return windows(values, window, horizon)


# ------------------------------------------------------------------ q9, q10: a gap, a rolling mean
def _fill_linear(values):
    """Reference: straight lines across gaps (NaN); a NaN at either end takes the nearest known value."""
    v = np.asarray(values, dtype=float)
    known = ~np.isnan(v)
    idx = np.arange(len(v))
    return np.interp(idx, idx[known], v[known])


def _ffill(values):
    """A known-wrong answer: holds the last value."""
    v = np.asarray(values, dtype=float).copy()
    for i in range(1, len(v)):
        if math.isnan(v[i]):
            v[i] = v[i - 1]
    return v


def _wrong_ffill_in_place(values):
    """The forward fill of the reliability review, item 1: it overwrites the caller's array."""
    for i in range(1, len(values)):
        if np.isnan(values[i]):
            values[i] = values[i - 1]
    return values


def _wrong_fill_identity(values):
    """Returns its input: after the in-place fill above corrupted the cases, this used to pass."""
    return values


def _wrong_fill_midpoint(values):
    """Fills a whole gap with the mean of its two neighbours: right only for a gap of one."""
    v = np.asarray(values, dtype=float).copy()
    known = np.flatnonzero(~np.isnan(v))
    for i in np.flatnonzero(np.isnan(v)):
        left, right = known[known < i], known[known > i]
        near = [v[k[j]] for k, j in ((left, -1), (right, 0)) if len(k)]
        v[i] = sum(near) / len(near)
    return v


def _wrong_fill_mean(values):
    """Fills every gap with the mean of the whole series."""
    v = np.asarray(values, dtype=float).copy()
    v[np.isnan(v)] = np.nanmean(v)
    return v


def _rolling_mean(values, window):
    v = np.asarray(values, dtype=float)
    return np.convolve(v, np.ones(window) / window, mode="valid")


def _rolling_mean_wrong(values, window):
    """A known-wrong answer: divides by window + 1."""
    v = np.asarray(values, dtype=float)
    return np.convolve(v, np.ones(window), mode="valid") / (window + 1)


def _wrong_rolling_same(values, window):
    """np.convolve(..., mode="same"): as long as the series, with partial windows at both ends."""
    return np.convolve(np.asarray(values, dtype=float), np.ones(window) / window, mode="same")


def _wrong_rolling_last_missing(values, window):
    """range(len(values) - window): the last full window is lost (off by one)."""
    v = np.asarray(values, dtype=float)
    return np.array([v[i:i + window].mean() for i in range(len(v) - window)])


def _wrong_rolling_expanding(values, window):
    """The running mean of everything so far (an expanding window), from the window-th value on."""
    v = np.asarray(values, dtype=float)
    return (np.cumsum(v) / np.arange(1, len(v) + 1))[window - 1:]


NAN = float("nan")


def questions():
    return [
        MultipleChoice("q1", T("(स्रोत नोट्स का प्रश्न 1) Sequence data और time-series data में क्या अंतर है? कौन-से कथन सही हैं?",
                               "(Source question 1) What is the difference between sequence data and time-series data? "
                               "Which statements are right?"),
            [T("हर time series एक sequence है; time series में हर मान के साथ उसका समय (time stamp) भी होता है, आमतौर पर "
               "बराबर अंतराल पर",
               "every time series is a sequence; in a time series every value also carries its time stamp, usually at "
               "equal intervals"),
             T("sequence data में क्रम मायने नहीं रखता, केवल time series में रखता है",
               "in sequence data the order does not matter; it matters only in a time series"),
             T("अगर अंतराल बराबर नहीं हैं (जैसे कुछ हफ़्ते छूटे हैं) तो वह time series नहीं रहती",
               "if the intervals are not equal (e.g. some weeks are missing) it is no longer a time series"),
             T("एक वाक्य के शब्द sequence हैं, पर time series नहीं",
               "the words of a sentence are a sequence, but not a time series")],
            ["a", "d"],
            why={"b": T("क्रम दोनों में ज़रूरी है: \"the dog bit the man\" और \"the man bit the dog\" के शब्द वही हैं।",
                        'order matters in both: "the dog bit the man" and "the man bit the dog" have the same words.'),
                 "c": T("अनियमित (irregular) time series भी time series हैं — CO₂ में 59 सप्ताह छूटे हैं। ज़्यादातर तरीक़े बराबर "
                        "अंतराल मानते हैं, इसलिए हम उसे regular grid पर रखकर gaps भरते हैं।",
                        "irregular time series are time series too — CO₂ misses 59 weeks. Most methods assume equal "
                        "intervals, so we put it on a regular grid and fill the gaps.")},
            hints=[T("क्या वाक्य के शब्दों का कोई time stamp होता है?", "Do the words of a sentence have time stamps?"),
                   T("दो विकल्प सही हैं।", "Two options are right.")],
            solution='q1_answer = ["a", "d"]', wrong=["a", "b"],
            explanation=T("Sequence = क्रम वाला data (text, DNA, events); time series = वह sequence जिसमें हर मान का समय "
                          "पता है (तापमान, stock, traffic)। हर time series sequence है, पर इसका उलटा नहीं।",
                          "Sequence = ordered data (text, DNA, events); time series = a sequence in which the time of "
                          "every value is known (temperature, stock, traffic). Every time series is a sequence, not "
                          "the other way round.")),
        MultipleChoice("q2",
            T("(स्रोत नोट्स का प्रश्न 2) Time series का अनुमान लगाने के लिए RNN क्यों उपयुक्त है? कौन-से कारण सही हैं?",
              "(Source question 2) Why is an RNN suited to predicting a time series? Which reasons are right?"),
            [T("hidden state $h_t$ हर step पर $h_{t-1}$ और $x_t$ से update होकर अब तक के अतीत का सार रखती है",
               "the hidden state $h_t$, updated at every step from $h_{t-1}$ and $x_t$, keeps a summary of the past so "
               "far"),
             T("हर time step पर वही weights लगते हैं, तो parameters की संख्या series की लंबाई पर निर्भर नहीं",
               "the same weights are used at every time step, so the number of parameters does not depend on the "
               "length of the series"),
             T("RNN ख़ाली मानों (NaN) और trend को अपने आप सँभाल लेता है",
               "an RNN handles missing values (NaN) and trends by itself"),
             T("RNN हमेशा persistence (कल = आज) जैसे सरल baseline से बेहतर होता है",
               "an RNN always beats a simple baseline such as persistence (tomorrow = today)")],
            ["a", "b"],
            why={"c": T("एक NaN input के बाद RNN का हर output NaN हो जाता है (notebook 09); gaps, trend और scaling model "
                        "से पहले सँभालने होते हैं।",
                        "after one NaN input every output of an RNN is NaN (notebook 09); gaps, trend and scaling are "
                        "handled before the model."),
                 "d": T("Seattle के रोज़ के तापमान पर RNN persistence से थोड़ा ही बेहतर था, और stock भावों पर persistence को "
                        "हराना बहुत कठिन है (notebook 18)।",
                        "on Seattle's daily temperature the RNN was only a little better than persistence, and on "
                        "stock prices persistence is very hard to beat (notebook 18).")},
            hints=[T("$h_t = \\tanh(W_{xh} x_t + W_{hh} h_{t-1} + b_h)$ — इसमें क्या-क्या है?",
                     "$h_t = \\tanh(W_{xh} x_t + W_{hh} h_{t-1} + b_h)$ — what goes into it?"),
                   T("$W_{xh}$ और $W_{hh}$ पर $t$ का subscript नहीं है।",
                     "$W_{xh}$ and $W_{hh}$ have no subscript $t$.")],
            solution='q2_answer = ["a", "b"]', wrong=["a", "c"],
            explanation=T("RNN अतीत को hidden state में समेटता है और हर step पर वही weights लगाता है; इसलिए किसी भी लंबाई के "
                          "इतिहास से सीख सकता है। पर वह preprocessing (gaps, scaling, differencing) की जगह नहीं लेता, और "
                          "उसे हमेशा baseline से तुलना करके आँकना चाहिए।",
                          "An RNN folds the past into its hidden state and uses the same weights at every step, so it "
                          "can learn from a history of any length. But it does not replace preprocessing (gaps, "
                          "scaling, differencing), and it must always be judged against a baseline.")),
        MultipleChoice("q3", T("(स्रोत नोट्स का प्रश्न 3) Time-series data में कौन-सी समस्याएँ आती हैं? Notebook 09 की साप्ताहिक CO₂ "
                               "series के बारे में कौन-से कथन सही हैं?",
                               "(Source question 3) What problems come up in time-series data? Which statements about "
                               "the weekly CO₂ series of notebook 09 are right?"),
            [T("trend: औसतन लगभग 1.3 ppm प्रति साल की बढ़त", "trend: an average rise of about 1.3 ppm per year"),
             T("seasonality: हर साल मई में ऊँचा, अक्टूबर में नीचा", "seasonality: high in May, low in October, every year"),
             T("missing data: 59 सप्ताह ख़ाली, सबसे लंबा gap 18 सप्ताह",
               "missing data: 59 weeks missing, the longest gap 18 weeks"),
             T("यह stationary है, क्योंकि इसका rolling mean स्थिर रहता है",
               "it is stationary, because its rolling mean stays constant"),
             T("साप्ताहिक बदलाव $\\Delta y_t$ levels की तुलना में stationary के कहीं ज़्यादा पास हैं",
               "the weekly changes $\\Delta y_t$ are much closer to stationary than the levels")],
            ["a", "b", "c", "e"],
            why={"d": T("52 सप्ताह का rolling mean 1958 के लगभग 315 ppm से 2001 के लगभग 370 ppm तक चढ़ता है — mean बदलता है, "
                        "यानी non-stationary।",
                        "the 52-week rolling mean climbs from about 315 ppm in 1958 to about 370 ppm in 2001 — the "
                        "mean changes, so it is non-stationary.")},
            hints=[T("स्रोत नोट्स की पाँच चुनौतियाँ: trend, seasonality, noise, missing data, non-stationarity।",
                     "The source's five challenges: trend, seasonality, noise, missing data, non-stationarity."),
                   T("केवल एक कथन ग़लत है।", "Only one statement is wrong.")],
            solution='q3_answer = ["a", "b", "c", "e"]', wrong=["a", "b", "c", "d", "e"],
            explanation=T("CO₂ में trend, seasonality, noise (residual), gaps और non-stationarity सब हैं। Differencing "
                          "(Δy_t = y_t − y_{t−1}) trend हटाकर series को लगभग stationary बनाता है।",
                          "CO₂ has trend, seasonality, noise (the residual), gaps and non-stationarity. Differencing "
                          "(Δy_t = y_t − y_{t−1}) removes the trend and makes the series nearly stationary.")),
        MultipleChoice("q4",
            T("(स्रोत नोट्स का प्रश्न 4) Sliding window क्या होती है?", "(Source question 4) What is a sliding window?"),
            [T("series पर लंबाई W की एक window: उसके W मान input, ठीक बाद के H मान target; फिर window stride जितनी आगे "
               "खिसकती है, और इस तरह एक series से कई (input, target) जोड़े बनते हैं",
               "a window of length W on the series: its W values are the input, the H values right after it the "
               "target; then the window moves forward by the stride, so one series gives many (input, target) pairs"),
             T("series को W बराबर टुकड़ों में काटना जो एक-दूसरे पर कभी नहीं चढ़ते",
               "cutting the series into W equal pieces that never overlap"),
             T("windows को फेंटकर (shuffle) train और test में बाँटने का तरीक़ा",
               "a way to shuffle windows into train and test"),
             T("series का rolling mean", "the rolling mean of the series")],
            "a",
            why={"b": T("stride 1 पर पास-पास की windows के W − 1 मान साझा होते हैं।",
                        "with stride 1 neighbouring windows share W − 1 values."),
                 "c": T("windows पास-पास की हैं और overlap करती हैं, इसलिए बँटवारा समय से होता है, फेंटकर नहीं।",
                        "windows are neighbours that overlap, so the split is made by time, not by shuffling."),
                 "d": T("rolling mean हर window का औसत है; sliding window (input, target) जोड़े बनाती है।",
                        "a rolling mean averages each window; a sliding window makes (input, target) pairs.")},
            hints=[T("स्रोत नोट्स का उदाहरण: पिछले 10 दिन → 11वाँ दिन।", "The source's example: the past 10 days → day 11.")],
            solution='q4_answer = "a"', wrong="b",
            explanation=T("Window i: X_i = (y_i, …, y_{i+W−1}), Y_i = (y_{i+W}, …, y_{i+W+H−1}); N = ⌊(T − W − H)/s⌋ + "
                          "1 windows।",
                          "Window i: X_i = (y_i, …, y_{i+W−1}), Y_i = (y_{i+W}, …, y_{i+W+H−1}); N = ⌊(T − W − H)/s⌋ + "
                          "1 windows.")),
        Shape("q5",
            T("(स्रोत नोट्स का प्रश्न 5) PyTorch में time-series data को कैसे format करते हैं? एक sensor हर घंटे तापमान और नमी "
              "(humidity) — 2 features — देता है। 24 घंटों की windows और batch size 32 वाले DataLoader का एक input batch "
              "`nn.LSTM(input_size=2, hidden_size=16, batch_first=True)` को किस shape में जाता है? एक tuple लिखिए।",
              "(Source question 5) How is time-series data formatted in PyTorch? A sensor gives temperature and "
              "humidity — 2 features — every hour. What shape does one input batch of a DataLoader with 24-hour "
              "windows and batch size 32 have when it goes into `nn.LSTM(input_size=2, hidden_size=16, "
              "batch_first=True)`? Write a tuple."),
            (32, 24, 2), meaning="(batch, seq_len, features)",
            hints=[T("batch_first=True: (batch, seq_len, features)।", "batch_first=True: (batch, seq_len, features)."),
                   T("seq_len = window में कितने time steps; features = हर step पर कितनी संख्याएँ।",
                     "seq_len = time steps in a window; features = numbers at each step.")],
            solution="q5_answer = (32, 24, 2)", wrong=(24, 32, 2),
            explanation=T("(batch, seq_len, features) = (32, 24, 2)। batch_first के बिना PyTorch (seq_len, batch, "
                          "features) = (24, 32, 2) मानता है।",
                          "(batch, seq_len, features) = (32, 24, 2). Without batch_first PyTorch expects (seq_len, "
                          "batch, features) = (24, 32, 2).")),
        Numeric("q6", T("साप्ताहिक CO₂ series में T = 2284 मान हैं। W = 52 सप्ताह की windows से अगले H = 4 सप्ताह का अनुमान, stride "
                        "1। कितनी windows बनेंगी?",
                        "The weekly CO₂ series has T = 2284 values. Windows of W = 52 weeks predict the next H = 4 "
                        "weeks, stride 1. How many windows are there?"),
            2229, rel_tol=0.0, abs_tol=0.5,
            mistakes={2232: T("T − W: horizon भूल गए — आख़िरी window को अपने 4 target सप्ताह भी चाहिए।",
                              "T − W: you forgot the horizon — the last window also needs its 4 target weeks."),
                      2233: T("T − W + 1: horizon भूल गए।", "T − W + 1: you forgot the horizon."),
                      2228: T("T − W − H: + 1 छूट गया (पहली window i = 0 से शुरू होती है)।",
                              "T − W − H: the + 1 is missing (the first window starts at i = 0).")},
            hints=[T("N = T − W − H + 1 (stride 1)।", "N = T − W − H + 1 (stride 1)."),
                   T("`n_windows(2284, 52, 4)` से जाँचिए।", "Check with `n_windows(2284, 52, 4)`.")],
            solution="q6_answer = 2284 - 52 - 4 + 1", wrong=2232,
            explanation=T("2284 − 52 − 4 + 1 = 2229। आख़िरी window i = 2228 से शुरू होती है और उसका आख़िरी target 2228 + 52 "
                          "+ 4 − 1 = 2283 है, यानी series का आख़िरी मान।",
                          "2284 − 52 − 4 + 1 = 2229. The last window starts at i = 2228 and its last target is 2228 + "
                          "52 + 4 − 1 = 2283, the last value of the series.")),
        Numeric("q7", T("T = 100, W = 10, H = 5 और stride s = 5 (हर window पिछली से 5 step आगे)। कितनी windows?",
                        "T = 100, W = 10, H = 5 and stride s = 5 (every window 5 steps after the previous one). How "
                        "many windows?"),
            18, rel_tol=0.0, abs_tol=0.5,
            mistakes={86: T("यह stride 1 का उत्तर है।", "that is the answer for stride 1."),
                      17: T("⌊85/5⌋ = 17 में + 1 जोड़िए: पहली window i = 0 पर है।",
                            "add + 1 to ⌊85/5⌋ = 17: the first window is at i = 0."),
                      20: T("T/s = 20 में windows की लंबाई और horizon छूट गए।",
                            "T/s = 20 leaves out the window length and the horizon.")},
            hints=[T("N = ⌊(T − W − H)/s⌋ + 1।", "N = ⌊(T − W − H)/s⌋ + 1."),
                   T("`n_windows(100, 10, 5, stride=5)`।", "`n_windows(100, 10, 5, stride=5)`.")],
            solution="q7_answer = (100 - 10 - 5) // 5 + 1", wrong=17,
            explanation=T("⌊85/5⌋ + 1 = 18: windows i = 0, 5, …, 85 पर शुरू होती हैं; i = 85 वाली के targets 95…99 हैं।",
                          "⌊85/5⌋ + 1 = 18: windows start at i = 0, 5, …, 85; the one at i = 85 has targets 95…99.")),
        Code("q8",
            T("Sliding windows हाथ से बनाइए: `sliding_windows(values, window, horizon)` एक 1-D NumPy array लेता है और (X, "
              "Y) लौटाता है — X का shape (N, window) और Y का (N, horizon), जहाँ row i में X[i] = values[i : i + window] और "
              "Y[i] = values[i + window : i + window + horizon]। checker इसे `make_windows` से मिलाएगा।",
              "Build sliding windows by hand: `sliding_windows(values, window, horizon)` takes a 1-D NumPy array and "
              "returns (X, Y) — X of shape (N, window) and Y of shape (N, horizon), with row i X[i] = values[i : i + "
              "window] and Y[i] = values[i + window : i + window + horizon]. The checker compares it with "
              "`make_windows`."),
            grader=grade_windows, answer_name="sliding_windows",
            starter="def sliding_windows(values, window, horizon):\n"
                    "    n = ____                                  # how many windows\n"
                    "    X = np.stack([values[i:i + window] for i in range(n)])\n"
                    "    Y = np.stack([____ for i in range(n)])   # the next `horizon` values\n"
                    "    return X, Y",
            solution="def sliding_windows(values, window, horizon):\n"
                     "    n = len(values) - window - horizon + 1\n"
                     "    X = np.stack([values[i:i + window] for i in range(n)])\n"
                     "    Y = np.stack([values[i + window:i + window + horizon] for i in range(n)])\n"
                     "    return X, Y",
            wrong=_windows_off_by_one,
            wrongs=[_wrong_windows_overlap, _wrong_windows_one_target, _wrong_windows_in_place],
            hints=[T("n = T − W − H + 1।", "n = T − W − H + 1."),
                   T("target window के ठीक बाद शुरू होता है: `values[i + window : i + window + horizon]`।",
                     "The target starts right after the window: `values[i + window : i + window + horizon]`.")],
            explanation=T("यही `make_windows` करता है (वह features का एक तीसरा आयाम भी जोड़ता है: (N, W, 1))।",
                          "This is what `make_windows` does (it also adds a third dimension for the features: (N, W, "
                          "1)).")),
        Code("q9",
            T("एक gap भरिए: `fill_linear(values)` एक 1-D array लेता है जिसमें कुछ `nan` हैं, और हर gap को उसके दोनों पड़ोसी मानों "
              "के बीच की **सीधी रेखा** से भरकर नई array लौटाता है। शुरू या आख़िर के `nan` का एक ही पड़ोसी है: वहाँ सबसे पास का ज्ञात "
              "मान रखिए (`np.interp` यही करता है)। उदाहरण: [1, nan, nan, 4] → [1, 2, 3, 4]; [nan, 2, nan] → [2, 2, 2]।",
              "Fill a gap: `fill_linear(values)` takes a 1-D array with some `nan` in it and returns a new array in "
              "which every gap is filled with the **straight line** between its two neighbours. A `nan` at the start "
              "or the end has one neighbour only: there, keep the nearest known value (`np.interp` does this). "
              "Example: [1, nan, nan, 4] → [1, 2, 3, 4]; [nan, 2, nan] → [2, 2, 2]."),
            reference=_fill_linear, answer_name="fill_linear",
            cases=[Case((np.array([1.0, NAN, NAN, 4.0]),), about=T("एक gap", "one gap")),
                   Case((np.array([10.0, NAN, 20.0, NAN, NAN, NAN, 0.0]),),
                        about=T("दो gaps, नीचे जाती रेखा", "two gaps, a falling line")),
                   Case((np.array([316.1, 317.3, 317.6]),),
                        about=T("कोई gap नहीं: वही array", "no gap: the same array")),
                   Case((np.array([5.0, NAN, NAN, NAN, NAN, NAN, 11.0]),), about=T("पाँच का gap", "a gap of five")),
                   Case((np.array([NAN, NAN, 3.0, NAN, 7.0, NAN]),),
                        about=T("शुरू में दो nan और आख़िर में एक: सबसे पास का ज्ञात मान",
                                "two nan at the start and one at the end: the nearest known value")),
                   Case((np.array([2.0, NAN, 2.0, NAN, NAN, 8.0, 8.5]),),
                        about=T("एक सपाट gap और एक चढ़ता gap", "a flat gap and a rising gap"))],
            starter="def fill_linear(values):\n"
                    "    values = np.asarray(values, dtype=float)\n"
                    "    idx = np.arange(len(values))\n"
                    "    known = ~np.isnan(values)                 # where we have measurements\n"
                    "    return ____                               # hint: np.interp",
            solution="def fill_linear(values):\n"
                     "    values = np.asarray(values, dtype=float)\n"
                     "    idx = np.arange(len(values))\n"
                     "    known = ~np.isnan(values)\n"
                     "    return np.interp(idx, idx[known], values[known])",
            wrong=_ffill, wrongs=[_wrong_ffill_in_place, _wrong_fill_identity, _wrong_fill_midpoint, _wrong_fill_mean],
            hints=[T("`np.interp(x, xp, fp)` बिंदुओं (xp, fp) के बीच सीधी रेखाओं से x पर मान देता है।",
                     "`np.interp(x, xp, fp)` gives values at x on straight lines between the points (xp, fp)."),
                   T("xp = ज्ञात स्थान `idx[known]`, fp = ज्ञात मान `values[known]`, x = सारे स्थान `idx`।",
                     "xp = the known positions `idx[known]`, fp = the known values `values[known]`, x = all positions "
                     "`idx`.")],
            explanation=T('यह `fill_gaps(s, "linear")` है। ध्यान रहे: यह gap के बाद वाले (भविष्य के) मान का इस्तेमाल करता है — '
                          'real-time forecast में केवल ffill निष्पक्ष है (वह भविष्य नहीं देखता)।',
                          'This is `fill_gaps(s, "linear")`. Keep in mind: it uses the value after the gap (the '
                          'future) — in a real-time forecast only ffill is honest.')),
        Code("q10", T("Rolling mean लिखिए: `rolling_mean(values, window)` हर पूरी window का औसत लौटाता है — लंबाई T − "
                      "window + 1 की array, जिसका i-वाँ मान values[i : i + window] का mean है (pandas का "
                      "`s.rolling(window).mean()`, शुरू के NaN के बिना)।",
                      "Write a rolling mean: `rolling_mean(values, window)` returns the mean of every full window — an "
                      "array of length T − window + 1 whose value i is the mean of values[i : i + window] (pandas' "
                      "`s.rolling(window).mean()` without the leading NaNs)."),
            reference=_rolling_mean, answer_name="rolling_mean",
            cases=[Case((np.arange(1.0, 7.0), 3), about=T("1 से 6, window 3", "1 to 6, window 3")),
                   Case((np.array([3.0, -1.0, 4.0, 1.5]), 4),
                        about=T("window = पूरी लंबाई: एक ही मान", "window = the whole length: one value")),
                   Case((np.array([2.0, 4.0, 6.0, 8.0]), 1),
                        about=T("window 1: वही series", "window 1: the series itself")),
                   Case((np.round(np.random.default_rng(1).normal(0, 1, 40), 2), 12),
                        about=T("40 random मान, window 12", "40 random values, window 12"))],
            starter="def rolling_mean(values, window):\n"
                    "    values = np.asarray(values, dtype=float)\n"
                    "    return np.array([____ for i in range(len(values) - window + 1)])",
            solution="def rolling_mean(values, window):\n"
                     "    values = np.asarray(values, dtype=float)\n"
                     "    return np.array([values[i:i + window].mean() for i in range(len(values) - window + 1)])",
            wrong=_rolling_mean_wrong,
            wrongs=[_wrong_rolling_same, _wrong_rolling_last_missing, _wrong_rolling_expanding],
            hints=[T("मान i: `values[i:i + window].mean()`।", "Value i: `values[i:i + window].mean()`.")],
            explanation=T("Rolling mean trend दिखाता है (CO₂ पर 52 सप्ताह), और rolling std बदलता variance (MSFT पर 12 "
                          "महीने) — non-stationarity के दो लक्षण।",
                          "A rolling mean shows the trend (52 weeks on CO₂), a rolling std a changing variance (12 "
                          "months on MSFT) — two signs of non-stationarity.")),
        TrueFalse("q11", T('सही या ग़लत: "आप हर रात अगले दिन का तापमान forecast करते हैं। आज का sensor मान खो गया है। उसे पिछले दिन '
                           'और अगले दिन के मानों के बीच interpolation से भरना निष्पक्ष है।"',
                           "True or false: \"You forecast tomorrow's temperature every night. Today's sensor value is "
                           "missing. Filling it by interpolating between yesterday's and tomorrow's values is honest.\""),
            False,
            hints=[T("forecast के समय अगले दिन का मान आपके पास है क्या?", "At forecast time, do you have tomorrow's value?")],
            solution="q11_answer = False", wrong=True,
            explanation=T("Interpolation gap के बाद वाले मान (भविष्य) का इस्तेमाल करती है, जो forecast के पल उपलब्ध नहीं — यह "
                          "leakage है। Real time में forward fill (आख़िरी ज्ञात मान) जैसा कोई तरीक़ा चाहिए जो केवल अतीत देखे।",
                          "Interpolation uses the value after the gap (the future), which is not available at forecast "
                          "time — that is leakage. In real time you need a method that looks only at the past, such as "
                          "forward fill (the last known value).")),
        MultipleChoice("q12", T("`rnn = nn.RNN(input_size=1, hidden_size=20)` (batch_first नहीं दिया) को x दिया जिसका "
                                "shape (5, 10, 1) है — आपके मन में 5 windows, हर एक में 10 steps। क्या होता है?",
                                "`rnn = nn.RNN(input_size=1, hidden_size=20)` (no batch_first) gets x of shape (5, 10, "
                                "1) — in your mind 5 windows of 10 steps each. What happens?"),
            [T("error आता है: shape ग़लत है", "an error: the shape is wrong"),
             T("कोई error नहीं: RNN 5 को seq_len और 10 को batch मानता है — 10 'windows' जिनमें हर एक के 5 steps; नतीजा ग़लत है, पर कोई चेतावनी नहीं मिलती",
               "no error: the RNN reads 5 as seq_len and 10 as the batch — 10 'windows' of 5 steps each, silently "
               "wrong"),
             T("PyTorch shape देखकर अपने आप batch_first=True मान लेता है",
               "PyTorch sees the shape and assumes batch_first=True by itself"),
             T("output का shape (5, 10, 20) होगा और वह सही है", "the output has shape (5, 10, 20) and it is correct")],
            "b",
            why={"a": T("(5, 10, 1) एक वैध (seq_len, batch, features) shape भी है, इसलिए कोई error नहीं।",
                        "(5, 10, 1) is also a valid (seq_len, batch, features) shape, so there is no error."),
                 "c": T("batch_first का default False है; PyTorch अंदाज़ा नहीं लगाता।",
                        "batch_first defaults to False; PyTorch does not guess."),
                 "d": T("shape (5, 10, 20) ही आता है, पर उसका अर्थ (seq_len, batch, hidden) है — सही नहीं।",
                        "the shape is indeed (5, 10, 20), but it means (seq_len, batch, hidden) — not correct.")},
            hints=[T("nn.RNN का default layout (seq_len, batch, features) है।",
                     "nn.RNN's default layout is (seq_len, batch, features).")],
            solution='q12_answer = "b"', wrong="a",
            explanation=T("हमेशा batch_first=True लिखिए (या shape की जाँच कीजिए): ऐसी ग़लती कोई error नहीं देती, बस model "
                          "ग़लत चीज़ें सीखता है।",
                          "Always write batch_first=True (or check the shapes): this mistake gives no error, the model "
                          "just learns nonsense.")),
        Shape("q13", T("`gru = nn.GRU(input_size=3, hidden_size=16, num_layers=2, batch_first=True)` को (8, 30, 3) "
                       "shape का input दिया: `output, hn = gru(x)`। `hn` का shape क्या है?",
                       "`gru = nn.GRU(input_size=3, hidden_size=16, num_layers=2, batch_first=True)` gets an input of "
                       "shape (8, 30, 3): `output, hn = gru(x)`. What is the shape of `hn`?"),
            (2, 8, 16), meaning="(num_layers, batch, hidden_size)",
            hints=[T("batch_first केवल input और output पर लागू होता है, hidden state पर नहीं।",
                     "batch_first applies only to the input and the output, not to the hidden state."),
                   T("hn: हर layer की आख़िरी step वाली hidden state।",
                     "hn: the last step's hidden state of every layer.")],
            solution="import torch.nn as nn\n"
                     "q13_answer = nn.GRU(input_size=3, hidden_size=16, num_layers=2, batch_first=True)"
                     "(torch.zeros(8, 30, 3))[1].shape",
            wrong=(8, 2, 16),
            explanation=T("hn = (num_layers, batch, hidden_size) = (2, 8, 16); output = (8, 30, 16)।",
                          "hn = (num_layers, batch, hidden_size) = (2, 8, 16); output = (8, 30, 16).")),
    ]
