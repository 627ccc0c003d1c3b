"""The prose-number audit (coursekit.tooling.validator.audit_prose_numbers): every number in a prose cell is printed by the
notebook or is marked as cited; what is not a claim is exempt. Each rule on a small generated notebook."""
import pytest
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook, new_output

from coursekit.tooling import validator
from coursekit.tooling.validator import audit_prose_numbers, output_numbers, prose_numbers


def _nb(hi, en, printed="", code="print(acc)", hi_meta=None, en_meta=None):
    cells = []
    for text, tag, meta in ((hi, "lang-hi", hi_meta), (en, "lang-en", en_meta)):
        c = new_markdown_cell(text)
        c.metadata["tags"] = [tag]
        if meta:
            c.metadata["coursekit"] = {"cited_numbers": meta}
        cells.append(c)
    out = [new_output("stream", name="stdout", text=printed)] if printed else []
    cells.append(new_code_cell(code, execution_count=1, outputs=out))
    return new_notebook(cells=cells)


def _claims(text):
    return [n["text"] for n in prose_numbers(text)]


# ------------------------------------------------------------------ what is a claim

@pytest.mark.parametrize("text", [
    "$$\\sigma(0.5) = 0.62$$ और $x = 3.75$",                  # maths
    "`lr = 0.035` और ```\nprint(0.123)\n```",                  # code
    "## 4.2 Training\n### 3. Results\n## 13. Advantages",      # heading numbers
    "1. पहला क़दम\n2. दूसरा क़दम\n12. बारहवाँ क़दम",                 # list numbers
    "section 4.3 और notebook 12 देखिए; notebooks 09–18।",      # references
    "2.1–2.3 के cells चलाइए; then run the cells of 2.1–2.3.",
    "LeNet-5, top-5, VGG16, 1-D, ResNet-152",                  # names
    "PyTorch 1.13 और TensorFlow 2.16 से।",                    # versions
    "1998 में, और 2 layers, mean 0, variance 1।",              # a year and small counts
    "हर संख्या (0–999) और 11–19 की ग़लतियाँ।",                    # ranges of whole numbers
    "| Trend | 4.1: CO₂ |",                                     # a section named in a table
    "![plot 42](fig_99.png) <img width=640>",                  # images and HTML
])
def test_what_is_not_a_claim_is_not_checked(text):
    assert _claims(text) == []


def test_claims_are_found_with_their_precision():
    nums = prose_numbers("accuracy 87.5% थी, 1,234 images, लगभग 14.2 million parameters, loss 0.41।")
    assert [n["text"] for n in nums] == ["87.5%", "1,234", "14.2 million", "0.41"]
    assert nums[1]["value"] == 1234 and nums[2]["value"] == pytest.approx(14.2e6)
    assert nums[3]["tol"] == pytest.approx(0.005)


# ------------------------------------------------------------------ matching the outputs

@pytest.mark.parametrize("prose,printed,ok", [
    ("loss 0.49 है।", "loss 0.4853", True),                    # rounded to the prose's precision
    ("loss 0.41 है।", "loss 0.4853", False),                   # 03 [27]: 0.41 against 0.485
    ("slope 1.5 ppm/yr है।", "slope 1.60 ppm/yr", False),      # 09 [32]: 1.5 against 1.60
    ("RMSE 0.51 है।", "RMSE 0.501", False),                    # 18 [41]: 0.51 against 0.501
    ("accuracy 87.5% है।", "acc 0.875", True),                  # percent = fraction
    ("accuracy 0.875 है।", "acc 87.5%", True),
    ("accuracy 87.6% है।", "acc 0.875", False),
    ("gradient 0.0008 है।", "gradient 0.085", False),         # a plain number is not a percent of another
    ("gradient 8.5 है।", "gradient 0.085", False),
    ("1,234 images हैं।", "n = 1234", True),                    # thousands separators
    ("लगभग 14.2 million parameters हैं।", "14197122", True),
    ("लगभग 15.2 million parameters हैं।", "14197122", False),
    ("about 36,000 images.", "35800", True),                   # "about": rounded to its last non-zero digit
    ("36,000 images.", "35800", False),
])
def test_a_number_must_be_printed(prose, printed, ok):
    nb = _nb(prose, prose, printed)
    assert (audit_prose_numbers(nb) == []) == ok, audit_prose_numbers(nb)


def test_a_setting_written_in_the_code_counts_and_the_finding_names_the_cell():
    assert audit_prose_numbers(_nb("हम 30 epochs चलाते हैं।", "We train for 30 epochs.", "done",
                                   code="EPOCHS = 2 if FAST else 30")) == []
    found = audit_prose_numbers(_nb("हम 40 epochs चलाते हैं।", "We train for 40 epochs.", "done",
                                    code="EPOCHS = 2 if FAST else 30"))
    assert len(found) == 2 and found[0].startswith('cell 0: "40"') and found[1].startswith('cell 1: "40"')
    assert "nearest output: 30" in found[0]


def test_output_numbers_read_every_kind_of_output():
    nb = _nb("x", "x")
    nb.cells[2].outputs = [new_output("execute_result", data={"text/plain": "tensor([1.5e-03, 2,345])"},
                                      execution_count=1),
                           new_output("display_data", data={"text/html": "<td>98.25</td>"})]
    assert {0.0015, 2345.0, 345.0, 98.25} <= set(output_numbers(nb, code=False))


# ------------------------------------------------------------------ marks

def test_cited_numbers_in_the_metadata_of_the_cell_or_its_twin():
    hi, en = "LeNet-5 की test error 0.95% थी।", "LeNet-5's test error was 0.95%."
    assert len(audit_prose_numbers(_nb(hi, en, "acc 0.5"))) == 2
    assert audit_prose_numbers(_nb(hi, en, "acc 0.5", en_meta={"0.95%": "LeCun et al. 1998"})) == []
    assert audit_prose_numbers(_nb(hi, en, "acc 0.5", hi_meta={"0.95%": "LeCun et al. 1998"})) == []
    assert len(audit_prose_numbers(_nb(hi, en, "acc 0.5", hi_meta={"0.96%": "a typo"}))) == 2


@pytest.mark.parametrize("sentence,cited", [
    ("AlexNet reached 15.3% top-5 error (Krizhevsky, Sutskever and Hinton, 2012).", True),
    ("Krizhevsky et al. report 15.3% top-5 error.", True),
    ("The [paper](https://papers.nips.cc/x) reports 15.3%.", True),
    ("The source notes say 15.3%.", True),
    ("स्रोत नोट्स में 15.3% लिखा है।", True),
    ("AlexNet reached 15.3% top-5 error.", False),
    ("AlexNet reached 15.3% top-5 error. Krizhevsky et al. trained it on 2 GPUs.", False),   # another sentence
])
def test_a_citation_in_the_same_sentence_marks_the_number(sentence, cited):
    found = audit_prose_numbers(_nb(sentence, sentence, "acc 0.5"))
    assert (found == []) == cited, found


def test_a_notebook_without_outputs_gets_one_finding():
    nb = _nb("accuracy 91.3% थी।", "Accuracy was 91.3%.", "")
    nb.cells[2].source = "print(1)"
    assert len(found := audit_prose_numbers(nb)) == 1 and "no outputs" in found[0]
    assert audit_prose_numbers(_nb("2 layers हैं।", "There are 2 layers.", "")) == []


# ------------------------------------------------------------------ in validate, behind its switch

def test_validate_reports_the_audit_unless_the_notebook_is_pending(tmp_path, monkeypatch):
    import nbformat

    from coursekit.tooling.slides import annotate_file

    path = tmp_path / "01_demo.ipynb"
    nb = _nb("accuracy 91.3% थी।", "Accuracy was 91.3%.", "acc 0.5")
    nb.cells.insert(0, new_markdown_cell("# 01 · डेमो / Demo"))
    nbformat.write(nb, path)
    annotate_file(path)
    assert [p for p in validator.validate(path) if p.startswith("prose number")] == [
        'prose number: cell 1: "91.3%" is not printed by this notebook and not marked as cited (nearest output: 0.5)',
        'prose number: cell 2: "91.3%" is not printed by this notebook and not marked as cited (nearest output: 0.5)']
    monkeypatch.setattr(validator, "AUDIT_PENDING", frozenset({validator._rel(path)}))
    warnings = []
    assert validator.validate(path, warnings=warnings) == [] and len(warnings) == 2
    monkeypatch.setenv("COURSEKIT_STRICT", "1")
    assert len(validator.validate(path)) == 2
