"""Each rule of the Hindi lint (docs/HINDI_STYLE.md) fails on a bad example and passes the written form."""
import csv
from pathlib import Path

import pytest

from coursekit.glossary import FIELDS, GLOSSARY_FILE, as_markdown, avoided_forms, glossary
from coursekit.tooling.hindilint import figure_titles, hindi_strings, lint_code, lint_python, lint_text, title_problem


@pytest.mark.parametrize("bad,good,rule", [
    ("यह उत्तर गलत है।", "यह उत्तर ग़लत है।", "nukta"),
    ("आखिरी layer देखिए।", "आख़िरी layer देखिए।", "nukta"),
    ("अपने आप फ़िसलता है।", "अपने आप फिसलता है।", "nukta"),
    ("इसे ज्यादा epochs तक चलाइए।", "इसे ज़्यादा epochs तक चलाइए।", "nukta"),
    ("यहाँ padding जोड़ो।", "यहाँ padding जोड़िए।", "register"),
    ("mean batch के ऊपर लिया जाता है।", "mean पूरे batch पर लिया जाता है।", "term"),
    ("यह ईमानदार तुलना है।", "यह निष्पक्ष तुलना है।", "term"),
    ("घटते और फूटते gradients", "घटते और फटते gradients", "term"),
    ("LSTM के तीन गेट्स हैं।", "LSTM के तीन gates हैं।", "term"),
    ("भाग 3 में देखिए।", "section 3 में देखिए।", "term"),
    ("सभी learners को यह दिखाइए।", "सभी विद्यार्थियों को यह दिखाइए।", "script"),
    ("यह वाक्य ग़लत ख़त्म होता है.", "यह वाक्य सही ख़त्म होता है।", "punctuation"),
    ("दोनों में फ़र्क, साफ दिखता है।", "दोनों में फ़र्क़, साफ़ दिखता है।", "nukta"),
    ("loop यहीं खत्म होता है।", "loop यहीं ख़त्म होता है।", "nukta"),
    ("चलो, अब code चलाते हैं।", "चलिए, अब code चलाते हैं।", "register"),
    ("हर epoch एक युग है।", "हर epoch एक पूरा चक्कर है।", "term"),
    ("CO₂ का विघटन देखिए।", "CO₂ का अपघटन देखिए।", "term"),
    ("इसे स्थिरता वाला अनुमान कहते हैं।", "इसे persistence (कल = आज) अनुमान कहते हैं।", "term"),
    ("हर टाइम स्टेप पर एक शब्द आता है।", "हर time step पर एक शब्द आता है।", "term"),
    ("यह मॉडल छोटा है।", "यह model छोटा है।", "script"),
    ("यह बहुत खतरनाक है।", "यह बहुत ख़तरनाक है।", "nukta"),
    ("F.conv2d न बुलाइए।", "F.conv2d न चलाइए।", "term"),
    ("यह Hindi का वाक्य है।", "यह हिंदी का वाक्य है।", "script"),
    ("यह source में लिखा है।", "यह स्रोत नोट्स में लिखा है।", "script"),
    ("Source `002` का उदाहरण देखिए।", "स्रोत नोट्स `002` का उदाहरण देखिए।", "script"),
    ("Source notes (`001`) के शब्दों में, यह सही है।", "स्रोत नोट्स (`001`) के शब्दों में, यह सही है।", "script"),
    ("| source का दावा | जाँच |", "| स्रोत नोट्स का दावा | जाँच |", "script"),
    ("इसका उल्टा भी सच है।", "इसका उलटा भी सच है।", "term"),
    ("Forecasting एक regression समस्या है।", "पूर्वानुमान (forecasting) एक regression समस्या है।", "script"),
    ("CO₂ का decomposition देखिए।", "CO₂ का अपघटन (decomposition) देखिए।", "script"),
])
def test_each_rule_catches_its_mistake(bad, good, rule):
    assert any(p.startswith(rule) for p in lint_text(bad)), lint_text(bad)
    assert not lint_text(good), lint_text(good)


def test_code_maths_and_the_number_two_are_not_prose():
    assert lint_text("`x = gate(h)` और $a.b$ देखिए। दो layers हैं।") == []


def test_source_is_reported_once_and_not_in_english_compounds():
    assert lint_text("Source notes कहते हैं।") == ["script: 'source notes' in a Hindi sentence -> 'स्रोत नोट्स'"]
    assert lint_text("यह open-source library है; source code नीचे है।") == []
    assert lint_text("स्रोत नोट्स देखिए / see the source notes") == []
    assert lint_text("resources और sourced data") == []


def test_a_bilingual_string_keeps_its_english_half():
    assert lint_text("हिंदी फ़ॉन्ट की जाँच / Hindi font check") == []
    assert lint_text("प्रयास करने वाले विद्यार्थी / learners who attempted") == []


@pytest.mark.parametrize("title,bad", [
    ("पहली layer के weights / first-layer weights", False),
    ("{name}: हर layer के activations / {name}: activations per layer", False),
    ("LeNet-5", False), ("FashionCNN, Fashion-MNIST", False), ("input", False), ("", False),
    ("ch {i}", False), ("$x_t$ और $h_t$ / $x_t$ and $h_t$", False),
    ("शुरुआत में हर ReLU के output का फैलाव", True),          # Hindi only
    ("Test confusion matrix / test पर ग़लतियाँ", True),        # English first
    ("Confusion matrix (test set)", True),                    # English only
    ("next-word loss ({lang})", True),
])
def test_figure_titles_follow_hindi_slash_english(title, bad):
    assert (title_problem(title) is not None) == bad, title_problem(title)


def test_figure_titles_are_found_in_code():
    code = ('ax.set_title("केवल हिंदी")\nfig.suptitle(f"{n} layers / {n} परतें")\n'
            'plot(x, title="loss / loss")\nax.legend(title="seed value")\n'
            'def f(title="Training history / प्रशिक्षण"):\n    pass\n%matplotlib inline\n')
    assert [t for _, t in figure_titles(code.replace("%matplotlib inline", ""))] == [
        "केवल हिंदी", "{…} layers / {…} परतें", "loss / loss", "Training history / प्रशिक्षण"]
    assert len(lint_code(code)) == 3          # Hindi only, English first (twice); legend titles are not figure titles


def test_hindi_strings_are_found_in_python(tmp_path):
    src = tmp_path / "m.py"
    src.write_text('from coursekit.i18n import T\nmsg = T("यह गलत है।", "this is wrong.")\nx = T(f"{1} ठीक", "ok")\n',
                   encoding="utf-8")
    assert [line for line, _ in hindi_strings(src)] == [2, 3]
    src.write_text('"""मॉड्यूल का docstring: गलत पर नहीं देखा जाता।"""\nx = {"hi": "फ़ाइल खाली है"}\n'
                   'y = f"{n} learners / {n} विद्यार्थी, {\'ग़लत\' if n else \'सही\'}"\n', encoding="utf-8")
    assert [text for _, text in hindi_strings(src)] == ["फ़ाइल खाली है", "{…} learners / {…} विद्यार्थी, {…}",
                                                        "ग़लत", "सही"]
    assert [p.split(": ", 1)[1] for p in lint_python(src)] == ["nukta: 'खाली' -> 'ख़ाली'"]


# the glossary is the single source of terminology: one row per concept, sorted, every row with its prose form
def test_columns_sorted_and_one_row_per_concept():
    with GLOSSARY_FILE.open(encoding="utf-8", newline="") as f:
        assert next(csv.reader(f)) == FIELDS
    rows = glossary()
    assert rows == sorted(rows, key=lambda r: (r["notebook"], r["english"].lower()))
    for key in ("english", "prose"):
        values = [r[key].lower() for r in rows]
        assert len(values) == len(set(values)), f"a {key} form appears twice"
    assert all(r["prose"] and r["hindi"] and r["meaning_hi"] for r in rows)


def test_the_errors_found_in_the_glossary_are_gone():
    rows = {r["english"]: r for r in glossary()}
    assert rows["epoch"]["prose"] == "epoch" and "युग" in rows["epoch"]["avoid"]
    assert "ही" not in rows["He (Kaiming) initialization"]["hindi"].split()
    assert rows["backpropagation (backward pass)"]["hindi"] != "बैकप्रॉपगेशन"
    assert "अपघटन" in rows["decomposition"]["prose"]
    recurrent, recursive = rows["recurrent weights (W_hh)"], rows["recursive forecast"]
    assert "पुनरावर्ती" not in recurrent["hindi"] + recurrent["prose"]        # recurrent and recursive differ
    assert "पुनरावर्ती" in recursive["hindi"] and "recursive" in recursive["prose"]
    assert "स्थिरता" not in rows["persistence (naive) forecast"]["hindi"]


def test_prose_forms_and_meanings_pass_the_lint_and_avoid_forms_are_not_prose_forms():
    for r in glossary():
        assert not lint_text(r["prose"]) and not lint_text(r["meaning_hi"]), r["english"]
    avoided = avoided_forms()
    assert avoided["विघटन"] == "अपघटन (decomposition)"
    prose = {r["prose"] for r in glossary()}
    assert not any(bad in p for bad in avoided for p in prose)


def test_the_glossary_table_shows_the_prose_form():
    table = as_markdown([r for r in glossary() if r["english"] == "epoch"], lang="hi").splitlines()
    assert table[0].startswith("| हिंदी / Hindi | English | लिखा जाता है / written as | अर्थ |")
    assert table[2].startswith("| पूरा चक्कर | epoch | epoch | ")


def test_the_exercise_banks_and_the_library_pass_the_lint():
    """What `make test` enforces for Python files (topic notebooks: tests/test_notebooks.py runs `validate`): every
    file with a finding is an error, except those still listed in coursekit.tooling.validator.LINT_PENDING."""
    from coursekit.tooling import validator

    assert validator.validate_library() == {}


def test_an_adjective_agrees_with_the_loanword_it_describes():
    from coursekit.tooling.hindilint import lint_text

    def gender(text):
        return [p for p in lint_text(text) if p.startswith("gender")]

    assert gender("RNN पूरी sequence पढ़कर एक output देता है।") == [
        "gender: 'पूरी sequence' -> 'sequence' is masculine (…ा/…े)"]
    assert gender("अगला layer इसका output लेता है।") and gender("छोटे images पर चलाइए।")   # a plural too
    assert gender("हर layer ने पूरा sequence पढ़ा।") == []
    assert gender("अगली layer इसे पढ़ती है, और पिछली hidden state भी।") == []
    assert gender("पहले model train कीजिए।") == []           # पहले: "first", an adverb here
    assert gender("पूरी training loss देखिए।") == []         # a compound: loss decides, and it is not checked
    assert gender("`पूरी sequence` code में है।") == []       # code is not prose


def test_the_style_guide_and_the_lint_give_loanwords_the_same_gender():
    import re

    from coursekit.tooling.hindilint import FEMININE, MASCULINE

    guide = (Path(__file__).resolve().parent.parent / "docs" / "HINDI_STYLE.md").read_text(encoding="utf-8")
    row = next(line for line in guide.splitlines() if line.startswith("| batch, epoch"))
    masculine, feminine = (cell for cell in row.strip("| ").split(" | "))

    def words(cell):
        return {re.sub(r"\s*\(.*?\)", "", w).strip() for w in cell.split(",")} - {""}      # weight(s) -> weight

    assert words(masculine) == MASCULINE
    assert words(feminine) - {"CO₂"} == FEMININE - {"time series"}        # CO₂ (the gas) is never an English word


def test_the_markdown_guides_are_linted_paragraph_by_paragraph(tmp_path):
    from coursekit.tooling.hindilint import course_files, lint_markdown

    guide = tmp_path / "guide.md"
    guide.write_text("# Guide\n\nEnglish only: a wrong thing.\n\nयह पहला पैराग्राफ़ ठीक है।\n\nदूसरा पैराग्राफ़:\nयह गलत है।\n",
                     encoding="utf-8")
    assert lint_markdown(guide) == ["line 7: nukta: 'गलत' -> 'ग़लत'"]
    names = {p.name for p in course_files()}
    assert {"INSTRUCTORS.hi.md", "README.md", "DATA.md"} <= names and "HINDI_STYLE.md" not in names


def test_a_glossed_term_may_stand_in_brackets_a_file_name_or_an_english_quotation():
    assert lint_text("**statsmodels** (decomposition, exponential smoothing) देखिए।") == []
    assert lint_text("`18_time_series_forecasting.ipynb` खोलिए।") == []
    assert lint_text('स्रोत नोट्स "Stock Price Prediction → Financial forecasting" को सीधा उपयोग कहते हैं।') == []
    assert lint_text('स्रोत नोट्स "शेयर का forecasting" कहते हैं।') != []          # Hindi inside: not a quotation
