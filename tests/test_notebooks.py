"""The notebook format, the editions, and every notebook re-executed with papermill (fast parameters),
with the network blocked inside the kernels."""
import shutil
from pathlib import Path

import nbformat
import pytest
from nbformat.v4 import new_code_cell, new_notebook, new_output
from test_validator import _md, _write  # the cell and file helpers, shared

from coursekit.exercises import bank_names
from coursekit.i18n import CourseError
from coursekit.tooling import nbfiles, validator
from coursekit.tooling.course import build_index, execute, run_course, summary_table

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = sorted((ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb"))
EXERCISES = sorted((ROOT / "exercises").glob("[0-9][0-9]_*.ipynb"))


# ---------------------------------------------------------------- the format

@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.name for p in NOTEBOOKS])
def test_committed_notebook_is_valid(path):
    assert validator.validate(path) == []


@pytest.mark.parametrize("path", EXERCISES, ids=[p.name for p in EXERCISES])
def test_committed_exercise_notebook_is_valid(path):
    assert validator.validate(path, require_outputs=False) == []


def test_editions_keep_one_language(tmp_path):
    cells = [_md("# शीर्षक / Title"), _md("हिंदी", "lang-hi"), _md("English", "lang-en"), new_code_cell("x = 1")]
    path = _write(tmp_path, cells)
    nb = nbformat.read(path, as_version=4)
    hi, en, both = (nbfiles.edition(nb, lang) for lang in ("hi", "en", "both"))
    assert [c.source for c in hi.cells] == ["# शीर्षक", "हिंदी", "x = 1"]
    assert [c.source for c in en.cells] == ["# Title", "English", "x = 1"]
    assert len(both.cells) == 4 and hi.metadata["language_edition"] == "hi"
    out = nbfiles.write_edition(path, "en", tmp_path / "en")
    assert nbformat.read(out, as_version=4).cells[1].source == "English"
    with pytest.raises(ValueError):
        nbfiles.edition(nb, "fr")


def test_single_language_editions_leave_out_the_instructors_notes():
    notes = [_md("**शिक्षक के लिए:** पूछिए …", "lang-hi"), _md("**For the instructor:** ask …", "lang-en")]
    for cell in notes:
        cell.metadata["slideshow"] = {"slide_type": "notes"}
    nb = new_notebook(cells=[_md("# शीर्षक / Title"), _md("हिंदी", "lang-hi"), _md("English", "lang-en"), *notes])
    assert [c.source for c in nbfiles.edition(nb, "hi").cells] == ["# शीर्षक", "हिंदी"]
    assert len(nbfiles.edition(nb, "hi", notes=True).cells) == 3 and len(nbfiles.edition(nb, "both").cells) == 5


# ------------------------------------------------------ execution (fast parameters, network blocked)

@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.name for p in NOTEBOOKS])
def test_notebook_is_prepared_with_fast_parameters(path, tmp_path, monkeypatch):
    """`make test` runs each notebook once: papermill injects FAST = True without running it (prepare_only), and
    nbval runs that copy (build/nbval/), comparing the marked cells with the committed outputs the copy keeps."""
    from coursekit.tooling import testrun

    monkeypatch.setattr(testrun, "ROOT", tmp_path)
    (tmp_path / "notebooks").mkdir()
    shutil.copy(path, tmp_path / "notebooks" / path.name)
    [prepared] = testrun.prepare_notebooks(tmp_path / "build" / "nbval")
    nb, original = nbformat.read(prepared, as_version=4), nbformat.read(path, as_version=4)
    injected = [c for c in nb.cells if "injected-parameters" in c.metadata.get("tags", [])]
    if any("parameters" in c.metadata.get("tags", []) for c in original.cells):
        assert injected and "FAST = True" in injected[0].source
    checked = [c.outputs for c in original.cells if c.cell_type == "code" and "NBVAL_CHECK_OUTPUT" in c.source]
    assert [c.outputs for c in nb.cells if c.cell_type == "code" and "NBVAL_CHECK_OUTPUT" in c.source] == checked


def _out_text(o) -> str:
    """Printed text, or the plain-text form of displayed output (feedback is shown as Markdown in Jupyter)."""
    return o.get("text", "") or "".join(o.get("data", {}).get("text/plain", ""))


def _texts(nb):
    return ["".join(_out_text(o) for o in c.outputs) for c in nb.cells if c.cell_type == "code"]


@pytest.mark.timeout(300)
@pytest.mark.parametrize("name", bank_names())
def test_exercise_student_edition_reports_not_attempted(name, tmp_path):
    src = ROOT / "exercises" / f"{name}.ipynb"
    nb = execute(src, tmp_path / f"{name}.ipynb", progress=False, timeout=120, cwd=tmp_path)
    checks = [t for t in _texts(nb) if ".check(" in t or "not attempted" in t or "self-assessed" in t]
    n_questions = sum(1 for c in nb.cells if c.cell_type == "code" and ".check(" in c.source)
    assert sum("not attempted" in t for t in _texts(nb)) == n_questions == len(checks)
    shown = [o for c in nb.cells if c.cell_type == "code" for o in c.outputs if "text/markdown" in o.get("data", {})]
    assert len(shown) >= n_questions, "feedback is displayed as Markdown (maths typeset) in Jupyter"


def test_network_is_blocked_inside_kernels(tmp_path):
    cells = [new_code_cell("import urllib.request\n"
                           "try:\n    urllib.request.urlopen('http://example.com', timeout=5)\n"
                           "except OSError as e:\n    print(type(e).__name__, e)\n"),
             new_code_cell("import socket\ns = socket.socket()\ns.bind(('127.0.0.1', 0))\ns.listen()\n"
                           "c = socket.create_connection(s.getsockname())\nprint('loopback ok')")]
    path = _write(tmp_path, cells, name="net.ipynb")
    nb = execute(path, tmp_path / "out.ipynb", progress=False, timeout=60)
    first, second = _texts(nb)
    assert "network access is blocked" in first and "loopback ok" in second


def test_network_is_blocked_in_tests():
    import socket

    with pytest.raises(OSError, match="network access is blocked"):
        socket.create_connection(("example.com", 80), timeout=2)
    with pytest.raises(OSError, match="network access is blocked"):
        socket.getaddrinfo("pypi.org", 443)


# ------------------------------------------------------ make course

@pytest.mark.timeout(300)
def test_course_builds_editions_index_and_table(tmp_path, capsys):
    nb = ROOT / "notebooks" / "00_welcome.ipynb"
    rows = run_course(fast=True, build=tmp_path, notebooks=[nb])
    assert rows[0][0] == "00_welcome" and rows[0][1] > 0
    for lang in ("both", "hi", "en"):
        page = (tmp_path / "html" / lang / "00_welcome.html").read_text(encoding="utf-8")
        assert "<html" in page
    hi = (tmp_path / "html" / "hi" / "00_welcome.html").read_text(encoding="utf-8")
    en = (tmp_path / "html" / "en" / "00_welcome.html").read_text(encoding="utf-8")
    assert "course के विषय" in hi and "The topics of the course" not in hi
    assert "The topics of the course" in en and "course के विषय" not in en
    index = (tmp_path / "index.html").read_text(encoding="utf-8")
    assert 'href="html/hi/00_welcome.html"' in index and 'href="html/en/index.html"' in index
    assert 'rel="next"' not in hi and 'href="index.html"' in hi and "mathjax/tex-chtml-full.js" in hi
    assert (tmp_path / "html" / "en" / "glossary.html").exists()
    assert (tmp_path / "html" / "en" / "exercises" / "00_welcome.html").exists()
    out = capsys.readouterr().out
    assert "[1/1] 00_welcome" in out and "headline result" in out and "website and slides written" in out


def test_course_store_writes_the_run_outputs_back_and_refuses_fast(tmp_path, monkeypatch):
    """`make course STORE=1`: each notebook's outputs come from that one run (the build's site is not needed here)."""
    from coursekit.tooling import course

    monkeypatch.setattr("coursekit.tooling.site.build_site", lambda *a, **k: None)
    cell = new_code_cell("FAST = False")
    cell.metadata["tags"] = ["parameters"]
    path = _write(tmp_path, [_md("# शीर्षक / Title"), cell, new_code_cell("print('full' if not FAST else 'fast', 6 * 7)")])
    before = nbformat.read(path, as_version=4)
    assert before.cells[2].outputs == []
    course.run_course(build=tmp_path / "build", notebooks=[path], store=True)
    stored = nbformat.read(path, as_version=4)
    assert "".join(o.get("text", "") for o in stored.cells[2].outputs) == "full 42\n"
    assert [c.source for c in stored.cells] == [c.source for c in before.cells]     # nothing else changed
    with pytest.raises(CourseError):
        course.run_course(fast=True, build=tmp_path / "build", notebooks=[path], store=True)


def test_summary_table_and_index(tmp_path):
    table = summary_table([("01_x", 12.34, "test accuracy: 97.2%")], 12.5)
    assert "01_x" in table and "12.3" in table and "97.2%" in table
    build_index([("01_x", 1.0, "acc")], tmp_path / "i.html", fast=True)
    assert "FAST=1" in (tmp_path / "i.html").read_text(encoding="utf-8")


def test_headline_is_read_from_outputs():
    nb = new_notebook(cells=[new_code_cell("x", outputs=[new_output(
        "display_data", data={"text/plain": "test accuracy: 97%"},
        metadata={"coursekit_headline": {"label": "test accuracy", "value": "97%"}})])])
    assert nbfiles.headline(nb) == "test accuracy: 97%"


def test_refresh_and_cli(tmp_path, capsys, monkeypatch):
    from coursekit.tooling import cli
    from coursekit.tooling.course import refresh_outputs

    path = tmp_path / "01_demo.ipynb"
    nbformat.write(new_notebook(cells=[_md("# डेमो / Demo"), new_code_cell("print(1 + 1)")]), path)
    refresh_outputs(path)
    nb = nbformat.read(path, as_version=4)
    assert nb.cells[1].execution_count == 1 and "papermill" not in nb.metadata
    monkeypatch.setenv("COURSEKIT_NO_VENV", "1")
    assert cli.main(["validate", str(path)]) == 0
    assert cli.main(["edition", "--lang", "hi", "--out", str(tmp_path / "hi"), str(path)]) == 0
    assert (tmp_path / "hi" / "01_demo.ipynb").exists()
    bad = tmp_path / "bad.ipynb"
    shutil.copy(path, bad)
    assert cli.main(["validate", str(bad)]) == 1
    assert "FAIL" in capsys.readouterr().out
