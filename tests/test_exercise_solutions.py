"""Every exercise notebook's solutions edition, executed (fast parameters, network blocked): every question passes.

In a file of its own so that `make test` (pytest-xdist, --dist loadfile) runs it beside tests/test_notebooks.py.
"""
import nbformat
import pytest
from test_notebooks import _texts  # the output-text helper, shared

from coursekit.exercises import bank_names
from coursekit.exercises.build import build_notebook
from coursekit.tooling.course import execute


@pytest.mark.timeout(300)
@pytest.mark.parametrize("name", bank_names())
def test_exercise_solutions_edition_passes(name, tmp_path):
    src = tmp_path / "src" / f"{name}.ipynb"
    src.parent.mkdir()
    nbformat.write(build_notebook(name, "solutions"), src)
    nb = execute(src, tmp_path / f"{name}.ipynb", progress=False, timeout=120, cwd=tmp_path)
    assert "all" in _texts(nb)[-1] and "questions pass" in _texts(nb)[-1]
    assert not any("Not yet right" in t for t in _texts(nb))
