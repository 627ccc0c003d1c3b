"""The notebook validator (coursekit.tooling.validator.validate): its format rules, each on a small generated notebook.

Fast unit tests (no notebook is executed); moved here from test_notebooks.py so that they run with the unit tests.
"""
import nbformat
import pytest
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook, new_output

from coursekit.tooling import validator
from coursekit.tooling.slides import annotate_file


def _md(text, tag=None):
    c = new_markdown_cell(text)
    if tag:
        c.metadata["tags"] = [tag]
    return c


def _write(tmp_path, cells, name="01_demo.ipynb"):
    path = tmp_path / name
    nbformat.write(new_notebook(cells=cells), path)
    return path


def test_validator_accepts_a_good_notebook(tmp_path):
    c1 = new_code_cell("FAST = False", execution_count=1)
    c1.metadata["tags"] = ["parameters"]
    cells = [_md("# 01 · डेमो / Demo"), _md("यहाँ $z = w x + b$ है, 2 परतें।", "lang-hi"),
             _md("Here $z = w x + b$, 2 layers.", "lang-en"), _md("$$a = f(z)$$"), c1,
             new_code_cell("coursekit.fit(model, data)", execution_count=2)]
    path = _write(tmp_path, cells)
    assert any("no slide metadata" in p for p in validator.validate(path))
    annotate_file(path)
    assert validator.validate(path) == []


@pytest.mark.parametrize("cells,problem", [
    ([_md("केवल हिंदी", "lang-hi")], "not followed by its lang-en twin"),
    ([_md("English only", "lang-en")], "without a lang-hi cell right before it"),
    ([_md("नमस्ते", "lang-hi"), _md("Hello नमस्ते दुनिया " * 8, "lang-en")], "contains Hindi prose"),
    ([_md("hello", "lang-hi"), _md("hello", "lang-en")], "has no Devanagari"),
    ([_md("समीकरण $a=b$", "lang-hi"), _md("equation $a=c$", "lang-en")], "differ in equations"),
    ([_md("784 इनपुट", "lang-hi"), _md("748 inputs", "lang-en")], "differ in numbers"),
    ([_md("| a |\n|---|\n| b |", "lang-hi"), _md("| a |\n|---|", "lang-en")], "differ in table rows"),
    ([_md("- एक\n- दो", "lang-hi"), _md("- one", "lang-en")], "differ in list items"),
    ([_md("सिर्फ़ हिंदी")], "Hindi-only prose without the tag"),
    ([_md("This long English paragraph has no language tag at all, which the course format does not allow here.")],
     "English-only prose without the tag"),
    ([_md("दोनों", "lang-hi"), _md("both", "lang-en"), _md("x", "lang-hi")], "not followed by its lang-en twin"),
    ([new_code_cell("loss.backward()\noptimizer.step()", execution_count=1)], "no cell tagged 'parameters'"),
    ([new_code_cell("1/0", execution_count=1,
                    outputs=[new_output("error", ename="ZeroDivisionError", evalue="division by zero", traceback=[])])],
     "an error output is committed"),
    ([new_code_cell("a", execution_count=2), new_code_cell("b", execution_count=1)], "execution counts"),
    ([new_code_cell("a")], "execution counts"),
])
def test_validator_finds_problems(tmp_path, cells, problem):
    problems = validator.validate(_write(tmp_path, cells))
    assert any(problem in p for p in problems), problems


def test_validator_rejects_double_tags(tmp_path):
    cell = _md("दोनों both", "lang-hi")
    cell.metadata["tags"] = ["lang-hi", "lang-en"]
    assert any("tagged both" in p for p in validator.validate(_write(tmp_path, [cell]), require_outputs=False))


def test_validator_checks_file_names(tmp_path):
    path = _write(tmp_path, [], name="Intro Notebook.ipynb")
    assert any("NN_slug" in p for p in validator.validate(path, require_outputs=False))


# ---------------------------------------------------------------- the Hindi lint inside validate, behind its switch

def test_validator_runs_the_hindi_lint_on_topic_notebooks(tmp_path, monkeypatch):
    cells = [_md("# 01 · डेमो / Demo"), _md("यह उत्तर गलत है, इसे ठीक करो।", "lang-hi"),
             _md("This answer is wrong; fix it.", "lang-en"),
             new_code_cell('ax.set_title("केवल हिंदी शीर्षक")', execution_count=1)]
    path = _write(tmp_path, cells)
    annotate_file(path)
    lint = [p for p in validator.validate(path) if p.startswith("Hindi lint")]
    assert lint == ["Hindi lint: cell 1: nukta: 'गलत' -> 'ग़लत'",
                    "Hindi lint: cell 1: register: 'करो' (तुम) -> the आप form (…इए)",
                    "Hindi lint: cell 3: figure: title 'केवल हिंदी शीर्षक' -> 'हिंदी / English' (the Hindi half first, "
                    "then the English)"]
    assert not any(p.startswith("Hindi lint") for p in validator.validate(path, require_outputs=False))  # exercises
    monkeypatch.setattr(validator, "LINT_PENDING", frozenset({validator._rel(path)}))
    warnings = []
    assert validator.validate(path, warnings=warnings) == [] and len(warnings) == 3
    monkeypatch.setenv("COURSEKIT_STRICT", "1")
    assert len(validator.validate(path)) == 3


def test_validate_library_lints_python_messages_unless_pending(tmp_path, monkeypatch):
    good, bad = tmp_path / "good.py", tmp_path / "bad.py"
    good.write_text('MSG = ("फ़ाइल ख़ाली है।", "the file is empty.")\n', encoding="utf-8")
    bad.write_text('MSG = ("फ़ाइल खाली है।", "the file is empty.")\n', encoding="utf-8")
    found = validator.validate_library([good, bad])
    assert list(found.values()) == [["Hindi lint: line 1: nukta: 'खाली' -> 'ख़ाली'"]]
    monkeypatch.setattr(validator, "LINT_PENDING", frozenset({validator._rel(bad)}))
    warnings = []
    assert validator.validate_library([good, bad], warnings=warnings) == {} and len(warnings) == 1


def test_validate_command_prints_pending_findings_and_passes(tmp_path, monkeypatch, capsys):
    from coursekit.tooling import cli

    cells = [_md("# 01 · डेमो / Demo"), _md("यह उत्तर गलत है।", "lang-hi"), _md("This answer is wrong.", "lang-en")]
    path = tmp_path / "notebooks" / "01_demo.ipynb"
    path.parent.mkdir()
    _write(path.parent, cells)
    annotate_file(path)
    assert cli.main(["validate", str(path)]) == 1
    monkeypatch.setattr(validator, "LINT_PENDING", frozenset({validator._rel(path)}))
    assert cli.main(["validate", str(path)]) == 0
    out = capsys.readouterr().out
    assert "~ pending: Hindi lint: cell 1: nukta: 'गलत' -> 'ग़लत'" in out and "1 pending findings" in out
