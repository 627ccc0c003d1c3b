"""Practice 18 (time-series forecasting): a leak-free split, a scaler fitted on train only, persistence and
seasonal-naive RMSE by hand, RMSE versus MAE, the recursive forecast, and honest questions on trends and prices."""
import math

from ...i18n import T
from ..codecheck import Code
from ..kinds import MultipleChoice, Numeric, Open, TrueFalse
from ._nb18_graders import (
    _grade_recursive,
    _grade_scale,
    _grade_split,
    _wrong_ddof1_scale,
    _wrong_floor_split,
    _wrong_growing_window,
    _wrong_leaky_scale,
    _wrong_no_slide,
    _wrong_one_step_too_many,
    _wrong_overlap_split,
    _wrong_own_stats_scale,
    _wrong_prepend,
    _wrong_shuffled_split,
    _wrong_test_before_val,
    _wrong_test_unscaled,
)

TITLE = T("समय-शृंखला का पूर्वानुमान", "Time-series forecasting")
INTRO = T(
    "Notebook 18 के क़दम अपने हाथ से: समय से बँटवारा (split by time), केवल train पर scaling, baselines का RMSE, recursive (एक-एक क़दम आगे का) पूर्वानुमान, और "
    "trend व शेयर भावों पर साफ़-साफ़ प्रश्न। `np` (NumPy) और coursekit.timeseries से `split_by_time` पहले से import हैं।",
    "The steps of notebook 18 by your own hand: the split by time, scaling on train only, the RMSE of the baselines, "
    "the recursive forecast, and honest questions on trends and share prices. `np` (NumPy) and `split_by_time` from "
    "coursekit.timeseries are already imported.",
)
SETUP = "import numpy as np\nfrom coursekit.timeseries import split_by_time"


def questions():
    return [
        Code("q1",
            T("Leak-free बँटवारा: `time_split(values, val, test)` एक 1-D array को **स्थान (position) से** तीन हिस्सों में बाँटे — "
              "पहले train, फिर validation, फिर test — जहाँ test में आख़िरी `round(test · n)` मान हों और validation में उससे ठीक "
              "पहले के `round(val · n)`। फेंटना बिल्कुल नहीं है। (train, val, test) लौटाइए।",
              "A leak-free split: `time_split(values, val, test)` splits a 1-D array **by position** into three parts "
              "— train first, then validation, then test — where test holds the last `round(test · n)` values and "
              "validation the `round(val · n)` right before them. No shuffling. Return (train, val, test)."),
            grader=_grade_split, answer_name="time_split",
            starter="def time_split(values, val, test):\n"
                    "    n = len(values)\n"
                    "    i_test = ____                 # where the test part starts\n"
                    "    i_val = ____                  # where the validation part starts\n"
                    "    return values[:i_val], values[i_val:i_test], values[i_test:]",
            solution="def time_split(values, val, test):\n"
                     "    n = len(values)\n"
                     "    i_test = n - round(test * n)\n"
                     "    i_val = i_test - round(val * n)\n"
                     "    return values[:i_val], values[i_val:i_test], values[i_test:]",
            wrongs=[_wrong_shuffled_split, _wrong_floor_split, _wrong_overlap_split, _wrong_test_before_val],
            hints=[T("test आख़िरी हिस्सा है: `i_test = n - round(test * n)`।",
                     "Test is the last part: `i_test = n - round(test * n)`."),
                   T("validation ठीक उससे पहले: `i_val = i_test - round(val * n)`।",
                     "Validation comes right before it: `i_val = i_test - round(val * n)`."),
                   T("अपना उत्तर `split_by_time(values, val, test)` से मिलाइए।",
                     "Compare your answer with `split_by_time(values, val, test)`.")],
            explanation=T("समय से बँटवारे में हर test मान हर training मान के बाद आता है: model का इम्तिहान उस भविष्य पर होता है "
                          "जो उसने नहीं देखा — ठीक वैसे जैसे असल में होगा।",
                          "In a split by time every test value comes after every training value: the model is tested "
                          "on a future it has not seen — just as it will be in real use.")),
        Code("q2", T("केवल train पर fit होने वाला scaler: `scale(train, test)` train के mean और std (`np.std`, ddof = 0) "
                     "निकाले और **उन्हीं** से दोनों को standardise करे: $z = (x - \\mu_{\\text{train}}) / "
                     "\\sigma_{\\text{train}}$। (z_train, z_test) लौटाइए।",
                     "A scaler fitted on train only: `scale(train, test)` computes the mean and std of train "
                     "(`np.std`, ddof = 0) and standardises **both** with them: $z = (x - \\mu_{\\text{train}}) / "
                     "\\sigma_{\\text{train}}$. Return (z_train, z_test)."),
            grader=_grade_scale, answer_name="scale",
            starter="def scale(train, test):\n"
                    "    mu, sd = ____, ____           # statistics of the training part only\n"
                    "    return (train - mu) / sd, (test - mu) / sd",
            solution="def scale(train, test):\n"
                     "    mu, sd = train.mean(), train.std()\n"
                     "    return (train - mu) / sd, (test - mu) / sd",
            wrongs=[_wrong_leaky_scale, _wrong_ddof1_scale, _wrong_own_stats_scale, _wrong_test_unscaled],
            hints=[T("`train.mean()` और `train.std()` — test को छुए बिना।",
                     "`train.mean()` and `train.std()` — without touching test."),
                   T("यह `coursekit.timeseries.Scaler().fit(train)` जैसा है।",
                     "This is what `coursekit.timeseries.Scaler().fit(train)` does.")],
            explanation=T("पूरी series पर fit किया scaler test का mean और फैलाव training में ले आता है। Notebook 18 में CO₂ के "
                          "test सप्ताह training के सबसे बड़े scaled मान से भी ऊपर थे — यही असली स्थिति है जिसका सामना model को "
                          "करना है।",
                          "A scaler fitted on the whole series brings the test part's mean and spread into training. "
                          "In notebook 18 the CO₂ test weeks were above even the largest scaled training value — that "
                          "is the real situation the model has to face.")),
        Numeric(
            "q3", T("Persistence का RMSE हाथ से: पाँच दिनों का तापमान [20, 22, 21, 25, 24] है। दिन 2 से 5 के लिए persistence "
                    "($\\hat{y}_{t+1} = y_t$) का RMSE कितना है?",
                    "The RMSE of persistence by hand: five days of temperature are [20, 22, 21, 25, 24]. What is the "
                    "RMSE of persistence ($\\hat{y}_{t+1} = y_t$) for days 2 to 5?"),
            math.sqrt(5.5), rel_tol=0, abs_tol=0.005,      # 2.35, the rounding of the explanation, passes
            mistakes={5.5: T("यह MSE है; RMSE उसका वर्गमूल है।", "that is the MSE; the RMSE is its square root."),
                      2.0: T("यह MAE है (|2| + |−1| + |4| + |−1|) / 4; RMSE में पहले वर्ग कीजिए।",
                             "that is the MAE (|2| + |−1| + |4| + |−1|) / 4; for the RMSE square first."),
                      math.sqrt(22 / 5): T("4 ग़लतियाँ हैं (दिन 2 से 5), 5 नहीं: 22 / 4।",
                                           "there are 4 errors (days 2 to 5), not 5: 22 / 4.")},
            hints=[T("अनुमान: [20, 22, 21, 25]; असली: [22, 21, 25, 24]।", "Forecasts: [20, 22, 21, 25]; truth: "
                     "[22, 21, 25, 24]."),
                   T("ग़लतियाँ 2, −1, 4, −1; वर्गों का औसत 22 / 4।", "Errors 2, −1, 4, −1; the mean of the squares is 22 / 4.")],
            solution="q3_answer = ((4 + 1 + 16 + 1) / 4) ** 0.5", wrongs=[2.0, 5.5, math.sqrt(22 / 5)],
            explanation=T("√(22/4) = √5.5 ≈ 2.35 °C। Seattle के असली test हिस्से पर persistence का RMSE लगभग 2.9 °C था।",
                          "√(22/4) = √5.5 ≈ 2.35 °C. On Seattle's real test part the RMSE of persistence was about 2.9 °C."),),
        Numeric(
            "q4", T("Seasonal naive का RMSE हाथ से: एक तिमाही (quarterly) series, $m = 4$: "
                    "[10, 20, 30, 15, 12, 21, 33, 14]। आख़िरी चार तिमाहियों के लिए seasonal naive "
                    "($\\hat{y}_t = y_{t-4}$) का RMSE कितना है?",
                    "The RMSE of seasonal naive by hand: a quarterly series, $m = 4$: [10, 20, 30, 15, 12, 21, 33, 14]. "
                    "What is the RMSE of seasonal naive ($\\hat{y}_t = y_{t-4}$) for the last four quarters?"),
            math.sqrt(3.75), rel_tol=0, abs_tol=0.005,     # 1.94, the rounding of the explanation, passes
            mistakes={3.75: T("यह MSE है; वर्गमूल लीजिए।", "that is the MSE; take the square root."),
                      1.75: T("यह MAE है।", "that is the MAE."),
                      math.sqrt((9 + 81 + 144 + 361) / 4): T("यह persistence ($y_{t-1}$) का RMSE है, seasonal naive का नहीं।",
                                                             "that is the RMSE of persistence ($y_{t-1}$), not of "
                                                             "seasonal naive.")},
            hints=[T("अनुमान = एक साल (4 तिमाही) पहले के मान: [10, 20, 30, 15]; असली: [12, 21, 33, 14]।",
                     "Forecasts = the values one year (4 quarters) earlier: [10, 20, 30, 15]; truth: [12, 21, 33, 14]."),
                   T("ग़लतियाँ −2, −1, −3, 1।", "Errors −2, −1, −3, 1.")],
            solution="q4_answer = ((4 + 1 + 9 + 1) / 4) ** 0.5",
            wrongs=[math.sqrt((9 + 81 + 144 + 361) / 4), 3.75, 1.75],
            explanation=T("√3.75 ≈ 1.94, जबकि यहाँ persistence का RMSE √148.75 ≈ 12.2 है: मज़बूत season वाली series पर seasonal "
                          "naive एक ऐसा baseline है जिसे हराना कठिन है।",
                          "√3.75 ≈ 1.94, while persistence has an RMSE of √148.75 ≈ 12.2 here: on a series with a strong "
                          "season, seasonal naive is a hard baseline."),),
        MultipleChoice("q5", T("RMSE बनाम MAE: चार दिनों पर model A की ग़लतियाँ [1, 1, 1, 1] °C और model B की [0, 0, 0, "
                               "4] °C हैं। कौन-सा कथन सही है?",
                               "RMSE versus MAE: over four days model A misses by [1, 1, 1, 1] °C and model B by [0, "
                               "0, 0, 4] °C. Which statement is right?"),
            [T("दोनों का MAE 1 है, पर RMSE A का 1 और B का 2 है: RMSE एक बड़ी चूक को ज़्यादा सज़ा देता है",
               "both have an MAE of 1, but the RMSE of A is 1 and of B is 2: the RMSE punishes one big miss more"),
             T("दोनों का RMSE बराबर है", "both have the same RMSE"),
             T("B बेहतर है, क्योंकि वह तीन दिन बिल्कुल सही था", "B is better, because it was exactly right on three days"),
             T("MAE हमेशा RMSE से बड़ा होता है", "the MAE is always larger than the RMSE")],
            "a",
            why={"b": T("A: √(4/4) = 1; B: √(16/4) = 2।", "A: √(4/4) = 1; B: √(16/4) = 2."),
                 "c": T("यह इस पर निर्भर है कि बड़ी चूक कितनी महँगी है — MAE पर दोनों बराबर हैं, RMSE पर A बेहतर।",
                        "that depends on how costly a big miss is — on MAE they tie, on RMSE A is better."),
                 "d": T("उलटा: हमेशा MAE ≤ RMSE।", "the other way round: always MAE ≤ RMSE.")},
            hints=[T("RMSE = √(mean(e²)), MAE = mean(|e|)।", "RMSE = √(mean(e²)), MAE = mean(|e|).")],
            solution='q5_answer = "a"', wrong="b",
            explanation=T("किसे चुनें? अगर एक बड़ी ग़लती कई छोटी ग़लतियों से ज़्यादा नुक़सान करती है (जैसे बिजली की माँग), तो RMSE; अगर हर इकाई "
                          "की ग़लती बराबर महँगी है, तो MAE। दोनों बताना ही निष्पक्ष है।",
                          "Which to choose? If one big miss hurts more than several small ones (e.g. electricity "
                          "demand), the RMSE; if every unit of error costs the same, the MAE. Reporting both is "
                          "honest.")),
        Code("q6", T("Recursive पूर्वानुमान: `recursive(step_fn, window, steps)` को एक one-step function `step_fn(window) "
                     "→ अगला मान`, एक शुरुआती window (list) और steps की संख्या मिलती है। हर बार अगला मान बताइए, उसे window के "
                     "अंत में जोड़िए, सबसे पुराना मान हटाइए, और दोहराइए। `steps` forecasts की list लौटाइए।",
                     "The recursive forecast: `recursive(step_fn, window, steps)` gets a one-step function "
                     "`step_fn(window) → next value`, a starting window (a list) and a number of steps. Each time, "
                     "forecast the next value, append it to the end of the window, drop the oldest value, and repeat. "
                     "Return the list of `steps` forecasts."),
            grader=_grade_recursive, answer_name="recursive",
            starter="def recursive(step_fn, window, steps):\n"
                    "    window, forecasts = list(window), []\n"
                    "    for _ in range(steps):\n"
                    "        nxt = step_fn(window)\n"
                    "        forecasts.append(nxt)\n"
                    "        window = ____              # slide: drop the oldest, append nxt\n"
                    "    return forecasts",
            solution="def recursive(step_fn, window, steps):\n"
                     "    window, forecasts = list(window), []\n"
                     "    for _ in range(steps):\n"
                     "        nxt = step_fn(window)\n"
                     "        forecasts.append(nxt)\n"
                     "        window = window[1:] + [nxt]\n"
                     "    return forecasts",
            wrongs=[_wrong_no_slide, _wrong_growing_window, _wrong_prepend, _wrong_one_step_too_many],
            hints=[T("`window[1:]` सबसे पुराना मान हटाता है; `+ [nxt]` नया जोड़ता है।",
                     "`window[1:]` drops the oldest value; `+ [nxt]` appends the new one.")],
            explanation=T("यही `coursekit.forecast.recursive_forecast` करता है। step 2 से आगे हर अनुमान पिछले **अनुमान** पर "
                          "टिका है, इसलिए ग़लतियाँ horizon के साथ जुड़ती जाती हैं।",
                          "This is what `coursekit.forecast.recursive_forecast` does. From step 2 on every forecast "
                          "stands on a previous **forecast**, so the errors add up with the horizon.")),
        MultipleChoice("q7",
            T('Notebook 18 में CO₂ के levels पढ़ने वाला "सीधा" LSTM test सालों पर persistence से कहीं ख़राब था, जबकि बदलाव सीखने '
              'वाला LSTM बेहतर। सबसे अच्छा कारण कौन-सा है?',
              'In notebook 18 the "plain" LSTM reading CO₂ levels was far worse than persistence on the test years, '
              'while the LSTM learning the change was better. Which is the best reason?'),
            [T("trend के कारण test के levels training में कभी नहीं दिखे; बदलाव वाला model level को देखता ही नहीं, और बदलाव "
               "training और test में एक-से हैं",
               "because of the trend the test levels never appeared in training; the change model never sees the "
               "level, and the changes look alike in training and test"),
             T("LSTM में parameters बहुत कम थे", "the LSTM had too few parameters"),
             T("test हिस्सा फेंटा गया था", "the test part had been shuffled"),
             T("सीधे LSTM को और epochs चाहिए थे; 1000 epochs के बाद वह persistence को हरा देता",
               "the plain LSTM needed more epochs; after 1000 epochs it would beat persistence")],
            "a",
            why={"b": T("दोनों LSTM एक ही आकार के थे।", "both LSTMs had the same size."),
                 "c": T("बँटवारा समय से था; कुछ नहीं फेंटा गया।", "the split was by time; nothing was shuffled."),
                 "d": T("ज़्यादा training भी model को training के दायरे से बाहर के मान नहीं सिखाती; tanh वहाँ संतृप्त (saturated) रहता है।",
                        "more training does not teach values outside the training range; the tanh stays saturated "
                        "there.")},
            hints=[T("Notebook 18 के section 3.2 का output: test के scaled मान बनाम training का सबसे बड़ा scaled मान।",
                     "The output of section 3.2 in notebook 18: the scaled test values versus the largest scaled "
                     "training value.")],
            solution='q7_answer = "a"', wrong="d",
            explanation=T('स्रोत नोट्स का दावा "RNNs trend सँभाल लेते हैं" ऐसे नहीं चलता: trend को differencing से (या बदलाव सीखकर) '
                          'आपको सँभालना होता है।',
                          "The source's claim \"RNNs handle trends\" does not work like that: you handle the trend, by "
                          "differencing (or by learning the change).")),
        MultipleChoice("q8",
            T("शेयर का भाव एक random walk है: $y_{t+1} = y_t + \\varepsilon_{t+1}$, जहाँ $\\varepsilon$ स्वतंत्र हैं, mean 0 के "
              "साथ। केवल पिछले भावों से अगले महीने का सबसे अच्छा अनुमान (सबसे कम RMSE) कौन-सा है?",
              "A share price is a random walk: $y_{t+1} = y_t + \\varepsilon_{t+1}$, with independent $\\varepsilon$ "
              "of mean 0. From past prices alone, which forecast of next month is best (lowest RMSE)?"),
            ["$\\hat{y}_{t+1} = y_t$ (persistence)",
             T("पिछले 12 महीनों का औसत", "the mean of the last 12 months"),
             T("एक बड़ा LSTM जो पिछले 10 महीने पढ़े", "a large LSTM reading the last 10 months"),
             T("$y_t + (y_t - y_{t-1})$: पिछले बदलाव को आगे बढ़ाना",
               "$y_t + (y_t - y_{t-1})$: extending the last change")],
            "a",
            why={"b": T("औसत पुराने भावों की ओर खींचता है; random walk का कोई स्थिर औसत नहीं जिसकी ओर वह लौटे।",
                        "the mean pulls towards old prices; a random walk has no fixed mean to return to."),
                 "c": T("अगर बदलाव स्वतंत्र हैं तो अतीत में कोई पैटर्न नहीं जिसे LSTM सीखे; ज़्यादा से ज़्यादा वह persistence के बराबर "
                        "आएगा (notebook 18 में MSFT पर वह उससे भी ख़राब था)।",
                        "if the changes are independent there is no pattern in the past for the LSTM to learn; at best "
                        "it ties with persistence (in notebook 18 it was worse on MSFT)."),
                 "d": T("पिछला बदलाव अगले के बारे में कुछ नहीं बताता (returns का $r_1 \\approx 0$); इससे ग़लती बढ़ती है।",
                        "the last change says nothing about the next (returns have $r_1 \\approx 0$); this adds "
                        "error.")},
            hints=[T("$\\mathbb{E}[y_{t+1} \\mid y_1, \\dots, y_t] = y_t + \\mathbb{E}[\\varepsilon_{t+1}]$।",
                     "$\\mathbb{E}[y_{t+1} \\mid y_1, \\dots, y_t] = y_t + \\mathbb{E}[\\varepsilon_{t+1}]$.")],
            solution='q8_answer = "a"', wrong="c",
            explanation=T("$\\mathbb{E}[\\varepsilon_{t+1}] = 0$, तो सबसे अच्छा अनुमान $y_t$ है और उसका RMSE $\\varepsilon$ "
                          "का std है — कोई model इसे कम नहीं कर सकता।",
                          "$\\mathbb{E}[\\varepsilon_{t+1}] = 0$, so the best forecast is $y_t$ and its RMSE is the "
                          "std of $\\varepsilon$ — no model can lower it.")),
        TrueFalse("q9",
            T("सही या ग़लत: \"training हिस्से के **अंदर** training windows को हर epoch में फेंटना (shuffle) leakage है।\"",
              'True or false: "Shuffling the training windows **inside** the training part every epoch is leakage."'),
            False,
            hints=[T("क्या फेंटने से test का कोई मान training में पहुँचता है?",
                     "Does shuffling bring any test value into training?")],
            solution="q9_answer = False", wrong=True,
            explanation=T("हर window अपने आप में पूरा (अतीत → भविष्य) example है, और सारी training windows test से पहले की हैं; "
                          "उन्हें किसी भी क्रम में दिखाना ठीक है। Leakage तब है जब बँटवारे से **पहले** फेंटा जाए।",
                          "Each window is a complete (past → future) example, and all training windows come before the "
                          "test part; showing them in any order is fine. Leakage is shuffling **before** the split.")),
        MultipleChoice("q10", T("तापमान का forecast करने वाले network की आख़िरी layer कैसी होनी चाहिए?",
                                "What should the last layer of a network that forecasts a temperature look like?"),
            [T("linear (कोई activation नहीं), MSE loss के साथ", "linear (no activation), with the MSE loss"),
             T("sigmoid, ताकि output probability हो", "a sigmoid, so that the output is a probability"),
             T("softmax, cross-entropy loss के साथ", "a softmax, with the cross-entropy loss"),
             T("ReLU, ताकि output हमेशा धनात्मक रहे", "a ReLU, so that the output is always positive")],
            "a",
            why={"b": T("sigmoid का output (0, 1) में फँसा है; −2 °C या 35 °C कभी नहीं बता सकता।",
                        "a sigmoid's output is stuck in (0, 1); it can never say −2 °C or 35 °C."),
                 "c": T("softmax classes पर probabilities देता है — यह classification है, पूर्वानुमान (forecasting) regression है।",
                        "a softmax gives probabilities over classes — that is classification; forecasting is "
                        "regression."),
                 "d": T("तापमान और उसका बदलाव ऋणात्मक हो सकते हैं।", "a temperature and its change can be negative.")},
            hints=[T("पूर्वानुमान classification है या regression?", "Is forecasting classification or regression?")],
            solution='q10_answer = "a"', wrong="b",
            explanation=T("स्रोत नोट्स `002`/`004` output function को softmax/sigmoid बताते हैं — वह classification के लिए है। "
                          "`RecurrentForecaster` का head एक `nn.Linear` है।",
                          "Source notes `002`/`004` give the output function as softmax/sigmoid — that is for "
                          "classification. The head of `RecurrentForecaster` is an `nn.Linear`.")),
        Open("q11",
            T('एक दोस्त अपना stock-price LSTM दिखाता है: test पर उसके अनुमान की रेखा असली भाव से लगभग चिपकी है। वह कहता है '
              '"model बहुत अच्छा है"। उसे मानने से पहले आप कौन-सी तीन जाँचें माँगेंगे?',
              'A friend shows their stock-price LSTM: on the test part its forecast line nearly hugs the real price. '
              'They say "the model is very good". Which three checks would you ask for before you believe it?'),
            model_answer=T('(1) उसी test हिस्से पर persistence ($\\hat{y}_{t+1} = y_t$) का RMSE/MAE: rel. RMSE 1 से कम है '
                           'या नहीं — random walk पर ऐसी "चिपकी" रेखा अक्सर बस एक step पीछे खिसकी हुई असली series होती है। (2) '
                           'बँटवारा समय से था और scaler केवल train पर fit हुआ — फेंटकर बँटवारे या पूरी series पर scaling से test '
                           'का भविष्य training में रिसता है। (3) test कितना लंबा है और सुधार कितना स्थिर है: कितने दिनों/महीनों में '
                           'model persistence से ज़्यादा नज़दीक था, और क्या यह सिक्का उछालने से अलग है (या कई अलग समय-खंडों पर दोहराया '
                           'गया)।',
                           '(1) The RMSE/MAE of persistence ($\\hat{y}_{t+1} = y_t$) on the same test part: is the '
                           'rel. RMSE below 1 — on a random walk such a "hugging" line is often just the truth shifted '
                           'one step back. (2) The split was by time and the scaler was fitted on train only — a '
                           'shuffled split or scaling on the whole series leaks the test future into training. (3) How '
                           'long the test part is and how stable the gain: on how many days/months the model was '
                           'closer than persistence, and whether that differs from a coin toss (or was repeated over '
                           'several separate periods).'),
            hints=[T("Notebook 18 का MSFT plot याद कीजिए।", "Remember the MSFT plot of notebook 18."),
                   T("baseline, leakage, और संयोग (chance)।", "Baseline, leakage, and chance.")]),
    ]
