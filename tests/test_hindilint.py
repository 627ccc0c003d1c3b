"""Each rule of the Hindi lint (docs/HINDI_STYLE.md) fails on a bad example and passes the written form."""
import pytest

from coursekit.hindilint import hindi_strings, lint_text


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
])
def test_each_rule_catches_its_mistake(bad, good, rule):
    assert any(p.startswith(rule) for p in lint_text(bad)), lint_text(bad)
    assert not lint_text(good), lint_text(good)


def test_code_maths_and_the_number_two_are_not_prose():
    assert lint_text("`x = gate(h)` और $a.b$ देखिए। दो layers हैं।") == []


def test_hindi_strings_are_found_in_python(tmp_path):
    src = tmp_path / "m.py"
    src.write_text('from coursekit.i18n import T\nmsg = T("यह गलत है।", "this is wrong.")\nx = T(f"{1} ठीक", "ok")\n',
                   encoding="utf-8")
    assert [line for line, _ in hindi_strings(src)] == [2, 3]
