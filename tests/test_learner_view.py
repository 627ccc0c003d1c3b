"""What a learner studying alone meets in JupyterLab: no classroom scripts in the lesson flow."""
import nbformat
import pytest

from conftest import NOTEBOOKS
from coursekit.slides import annotate, slide_type


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
