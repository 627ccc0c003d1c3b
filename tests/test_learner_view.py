"""What a learner studying alone meets in JupyterLab: no classroom scripts in the lesson flow."""
from pathlib import Path

import nbformat
import pytest

from coursekit.tooling.slides import annotate, slide_type

ROOT = Path(__file__).resolve().parent.parent   # (not imported from conftest: several conftest modules exist)
NOTEBOOKS = sorted((ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb"))
EXERCISES = sorted((ROOT / "exercises").glob("[0-9][0-9]_*.ipynb"))


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.stem for p in NOTEBOOKS])
def test_instructor_notes_are_collapsed(path):
    nb = nbformat.read(path, as_version=4)
    notes = [i for i, c in enumerate(nb.cells) if slide_type(c) == "notes"]
    shown = [i for i in notes if not nb.cells[i].metadata.get("jupyter", {}).get("source_hidden")]
    assert not shown, f"speaker-notes cells {shown} are open in JupyterLab (run `python -m coursekit refresh`)"


def test_annotate_collapses_new_notes():
    cell = nbformat.v4.new_markdown_cell("**For the instructor:** ask the class …")
    cell.metadata.update(tags=["lang-en"], slideshow={"slide_type": "notes"})
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_markdown_cell("# 99 · शीर्षक / Title"), cell])
    annotate(nb)
    assert cell.metadata["jupyter"]["source_hidden"] is True and slide_type(cell) == "notes"
    assert annotate(nb) == 0


def test_readme_starts_with_what_a_learner_does_in_both_languages():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    start = readme.index("## Start here / यहाँ से शुरू कीजिए")
    assert start < readme.index("make course") and start < readme.index("make test")
    first = readme[start:readme.index("\n## ", start + 5)]
    for text in ("make lab", "python -m coursekit lab", "notebooks/00_welcome.ipynb", "Python (dl-course)",
                 "Python 3 (ipykernel)", "कीजिए", "exercises/"):
        assert text in first, text
    for section in ("## Exercises / अभ्यास", "## Reading one language / एक भाषा में पढ़ना"):
        body = readme[readme.index(section):readme.index("\n## ", readme.index(section) + 5)]
        assert "**हिंदी:**" in body and "**English:**" in body, section


def test_notebooks_name_the_kernel_the_readme_names():
    for path in [*NOTEBOOKS, *EXERCISES]:
        spec = nbformat.read(path, as_version=4).metadata["kernelspec"]
        assert spec["display_name"] == "Python 3 (ipykernel)" and spec["name"] == "python3", path.name
