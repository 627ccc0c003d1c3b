"""The set-up cell and the "Open in Colab / Kaggle" links (coursekit.tooling.colab, `python -m coursekit setup-cell`)."""
import re
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

from coursekit.tooling import colab, nbfiles, validator

ROOT = Path(__file__).resolve().parent.parent
GITHUB = "https://github.com/acme/dl-course"


def _nb():
    cells = [new_markdown_cell("# 01 · डेमो / Demo"),
             new_code_cell("# Parameters\nFAST = False", execution_count=1, metadata={"tags": ["parameters"]}),
             new_code_cell("print(1)", execution_count=2)]
    for cell in cells:
        cell.metadata["slideshow"] = {"slide_type": "skip" if cell.cell_type == "code" else "slide"}
    return new_notebook(cells=cells)


def _project(tmp_path, url=None, names=("01_demo", "02_more")):
    """A course folder: pyproject.toml (with or without a repository), README with the link block, notebooks."""
    urls = f'Repository = "{url}"' if url else '# Repository = "https://github.com/OWNER/NAME"'
    (tmp_path / "pyproject.toml").write_text(f'[project]\nname = "x"\n\n[project.urls]\n{urls}\n')
    (tmp_path / "README.md").write_text(f"# Course\n\n{colab.LINKS_START}\n{colab.LINKS_END}\n\nmore\n")
    (tmp_path / "notebooks").mkdir(exist_ok=True)
    for name in names:
        nbformat.write(_nb(), tmp_path / "notebooks" / f"{name}.ipynb")
    return tmp_path


def test_without_an_address_the_cell_installs_from_an_upload_and_no_link_is_written():
    nb = _nb()
    assert colab.apply(nb, "notebooks/01_demo.ipynb", None)
    cell = nb.cells[1]
    assert cell.cell_type == "code" and cell.metadata["tags"] == [colab.SETUP_TAG]
    assert cell.metadata["slideshow"] == {"slide_type": "skip"} and cell.execution_count is None
    assert 'COURSE_URL = ""' in cell.source and "coursekit-*.whl" in cell.source
    assert nb.cells[0].source == "# 01 · डेमो / Demo"           # no link anywhere
    assert "parameters" in nb.cells[2].metadata["tags"]          # the set-up cell comes first, before parameters
    assert not colab.apply(nb, "notebooks/01_demo.ipynb", None)  # idempotent
    assert len(nb.cells) == 4


def test_a_github_address_gives_links_and_changing_it_replaces_them():
    nb = _nb()
    colab.apply(nb, "notebooks/01_demo.ipynb", GITHUB)
    title = nb.cells[0].source
    assert f'COURSE_URL = "{GITHUB}"' in nb.cells[1].source
    assert "(https://colab.research.google.com/github/acme/dl-course/blob/main/notebooks/01_demo.ipynb)" in title
    assert "(https://kaggle.com/kernels/welcome?src=https://github.com/acme/dl-course/blob/main/notebooks/01_demo.ipynb)" in title
    assert "![" not in title                        # text links: pages and slides load nothing from the internet
    nb.cells[1].execution_count, nb.cells[1].outputs = 1, [nbformat.v4.new_output("stream", text="old")]
    assert colab.apply(nb, "notebooks/01_demo.ipynb", "https://github.com/other/repo.git")
    assert nb.cells[0].source.count("colab.research.google.com") == 1 and "other/repo/blob" in nb.cells[0].source
    assert nb.cells[1].outputs == [] and nb.cells[1].execution_count is None
    assert colab.apply(nb, "notebooks/01_demo.ipynb", None)      # the address removed: so are the links
    assert nb.cells[0].source == "# 01 · डेमो / Demo" and 'COURSE_URL = ""' in nb.cells[1].source
    assert len(nb.cells) == 4


def test_an_address_colab_cannot_open_gives_no_link_and_a_bad_one_is_refused(tmp_path):
    assert colab.repository_url(tmp_path) is None                      # no pyproject.toml (an installed wheel)
    assert colab.repository_url(_project(tmp_path, url=GITHUB, names=())) == GITHUB
    nb = _nb()
    colab.apply(nb, "notebooks/01_demo.ipynb", "file:///srv/course")
    assert 'COURSE_URL = "file:///srv/course"' in nb.cells[1].source and "colab" not in nb.cells[0].source.lower()
    with pytest.raises(ValueError):
        colab.setup_source('https://x/"; import os')


def test_notebooks_with_the_cell_stay_valid_executed_or_not(tmp_path):
    nb = _nb()
    colab.apply(nb, "notebooks/01_demo.ipynb", GITHUB)
    path = tmp_path / "01_demo.ipynb"
    nbformat.write(nb, path)
    assert validator.validate(path) == []                         # unexecuted set-up cell, then 1, 2
    nb.cells[1].execution_count, nb.cells[2].execution_count, nb.cells[3].execution_count = 1, 2, 3
    nbformat.write(nb, path)
    assert validator.validate(path) == []                         # after `refresh`: 1, 2, 3
    nb.cells[3].execution_count = 5
    nbformat.write(nb, path)
    assert validator.validate(path) != []
    hi = nbfiles.edition(nb, "hi")
    assert hi.cells[0].source.startswith("# 01 · डेमो\n") and "Open in Colab" in hi.cells[0].source


def test_the_cell_does_nothing_where_coursekit_imports(capsys):
    exec(compile(colab.setup_source(None), "setup-cell", "exec"), {})
    assert capsys.readouterr().out == ""


def test_without_coursekit_and_without_an_upload_the_cell_says_what_to_do_in_both_languages(tmp_path, monkeypatch,
                                                                                           capsys):
    import importlib.util
    import zipfile

    with zipfile.ZipFile(tmp_path / "photos.zip", "w") as z:      # a zip that is not the course: ignored
        z.writestr("a/cat.jpg", "x")
    find_spec = importlib.util.find_spec
    monkeypatch.setattr(importlib.util, "find_spec", lambda name, *a: None if name == "coursekit" else find_spec(name, *a))
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(subprocess, "check_call", lambda *a, **k: pytest.fail(f"pip was called: {a}"))
    with pytest.raises(RuntimeError) as error:
        exec(compile(colab.setup_source(None), "setup-cell", "exec"), {})
    assert "coursekit install नहीं है" in str(error.value) and "Upload the course's wheel" in str(error.value)
    with zipfile.ZipFile(tmp_path / "dl-course-main.zip", "w") as z:  # a zip of the course: installed with pip
        z.writestr("dl-course-main/pyproject.toml", "[project]")
    calls = []
    monkeypatch.setattr(subprocess, "check_call", lambda cmd, **k: calls.append(cmd))
    import importlib.metadata

    def installed(changed=()):   # the versions pip leaves on disk: those imported, except the ``changed`` packages
        return lambda m: "0.0" if m in changed else str(getattr(sys.modules.get(m), "__version__", ""))

    monkeypatch.setattr(importlib.metadata, "version", installed())
    exec(compile(colab.setup_source(None), "setup-cell", "exec"), {})
    assert calls == [[sys.executable, "-m", "pip", "install", "--quiet", "dl-course-main.zip"]]
    calls.clear()
    exec(compile(colab.setup_source(GITHUB), "setup-cell", "exec"), {})   # an address wins over an upload
    assert calls[0][-1] == f"git+{GITHUB}"
    assert "Restart session" not in capsys.readouterr().out
    import matplotlib

    monkeypatch.setattr(importlib.metadata, "version", installed(["matplotlib"]))
    assert matplotlib                                                     # imported before pip updated it
    exec(compile(colab.setup_source(GITHUB), "setup-cell", "exec"), {})
    out = capsys.readouterr().out
    assert "Runtime → Restart session कीजिए" in out and "(matplotlib changed)" in out


def test_the_command_writes_every_notebook_and_readme_and_is_idempotent(tmp_path, monkeypatch, capsys):
    from coursekit.tooling import cli

    root = _project(tmp_path, url=GITHUB)
    monkeypatch.setattr(cli, "ROOT", root)
    monkeypatch.setenv("COURSEKIT_NO_VENV", "1")
    running = root / "notebooks" / "01_demo.run.ipynb"                # `refresh`'s temporary copy: left alone
    nbformat.write(_nb(), running)
    assert cli.main(["setup-cell"]) == 0
    assert len(nbformat.read(running, as_version=4).cells) == 3
    out = capsys.readouterr().out
    assert "01_demo.ipynb" in out and "02_more.ipynb" in out and "README.md" in out and GITHUB in out
    readme = (root / "README.md").read_text()
    assert readme.count("colab-badge.svg") == 2 and "notebooks/02_more.ipynb" in readme and readme.endswith("more\n")
    before = {p: p.read_bytes() for p in root.rglob("*") if p.is_file()}
    assert cli.main(["setup-cell"]) == 0
    assert "ipynb" not in capsys.readouterr().out
    assert before == {p: p.read_bytes() for p in root.rglob("*") if p.is_file()}
    _project(root, url=None, names=())                          # the address taken out again: every link goes
    (root / "README.md").write_text(readme)
    assert cli.main(["setup-cell"]) == 0
    assert "no Colab/Kaggle links" in capsys.readouterr().out
    assert "colab" not in (root / "README.md").read_text().lower()
    for path in (root / "notebooks" / "01_demo.ipynb", root / "notebooks" / "02_more.ipynb"):
        nb = nbformat.read(path, as_version=4)
        assert "colab" not in nb.cells[0].source.lower() and 'COURSE_URL = ""' in nb.cells[1].source


def test_the_address_is_written_once_and_no_link_points_anywhere_false():
    """The repository's address lives in pyproject.toml alone; every Colab/Kaggle link in README and the
    notebooks uses it, and while there is none, there is no link."""
    url = colab.repository_url(ROOT)
    texts = [(ROOT / "README.md").read_text(encoding="utf-8")]
    for path in sorted((ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb")):
        nb = nbformat.read(path, as_version=4)
        texts += [nb.cells[0].source] + [c.source for c in nb.cells if colab.SETUP_TAG in c.metadata.get("tags", [])]
    links = [m for t in texts for m in re.findall(r"(?:colab\.research\.google\.com/github/|kaggle\.com/kernels/welcome"
                                                   r"\?src=https://github\.com/)([^/\s)]+/[^/\s)]+)", t)]
    if url is None:
        assert links == []
    else:
        owner_repo = colab.GITHUB_RE.match(url).group(1, 2)
        assert links and set(links) == {"/".join(owner_repo)}
    setup_urls = {m for t in texts for m in re.findall(r'^COURSE_URL = "([^"]*)"', t, flags=re.M)}
    assert setup_urls <= {url or ""}


def test_a_new_text_keeps_a_silent_cells_stored_run():
    """A clean run stays valid when only the cell's text changes: where coursekit imports, the cell prints nothing."""
    nb = _nb()
    colab.apply(nb, "notebooks/01_demo.ipynb", None)
    nb.cells[1].execution_count = 1                                   # ran in the stored run, printed nothing
    assert colab.apply(nb, "notebooks/01_demo.ipynb", GITHUB)
    assert GITHUB in nb.cells[1].source and nb.cells[1].execution_count == 1 and nb.cells[1].outputs == []
