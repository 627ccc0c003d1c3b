"""The course on Colab, Kaggle and any Python: the set-up cell and the "Open in Colab / Kaggle" links.

``python -m coursekit setup-cell [NOTEBOOK...]`` (default: every topic notebook) writes into each notebook

* a first code cell, tagged ``coursekit-setup``, right after the title cell: it does nothing where coursekit
  imports (the course's ``.venv``, ``make lab``); elsewhere it installs coursekit with pip, from the course's git
  repository when its address is known, otherwise from a copy the learner uploaded (the built wheel
  ``coursekit-*.whl`` or a ``.zip`` of the course), and says in both languages how to upload one when none is found;
* the "Open in Colab" / "Open in Kaggle" links in the title cell (between ``<!-- coursekit:open-links -->`` and
  ``<!-- /coursekit:open-links -->``), and the same links for every notebook in README.md.

The address is written once, in pyproject.toml ``[project.urls] Repository``. Without one (or with one that Colab
cannot open, i.e. not on GitHub) no link is written, and links written earlier are removed. Running the command
again changes nothing; it touches only the set-up cell, the title cell's link lines and README's link block.
"""
from __future__ import annotations

import re
from pathlib import Path

import nbformat

ROOT = Path(__file__).resolve().parents[2]
SETUP_TAG = "coursekit-setup"
BRANCH = "main"
LINKS_START, LINKS_END = "<!-- coursekit:open-links -->", "<!-- /coursekit:open-links -->"
GITHUB_RE = re.compile(r"^https://github\.com/([A-Za-z0-9_.-]+)/([A-Za-z0-9_.-]+?)(?:\.git)?/?$")

SETUP_SOURCE = '''\
# Set-up: does nothing where coursekit is installed (the course's .venv, `make lab`). On Colab, Kaggle or any other
# Python it installs coursekit: from COURSE_URL, else from a copy you uploaded (coursekit-*.whl or a .zip of the course).
import glob
import importlib
import importlib.metadata
import importlib.util
import subprocess
import sys
import zipfile
COURSE_URL = "{url}"  # from pyproject.toml [project.urls]; written by `python -m coursekit setup-cell`
if importlib.util.find_spec("coursekit") is None:
    def _is_course(path):  # a wheel of coursekit, or a zip whose top folder holds the course's pyproject.toml
        return path.endswith(".whl") or any(n.count("/") <= 1 and n.endswith("pyproject.toml")
                                            for n in zipfile.ZipFile(path).namelist())
    copies = [p for pattern in ("coursekit-*.whl", "*.zip", "/kaggle/input/*/coursekit-*.whl", "/kaggle/input/*/*.zip")
              for p in sorted(glob.glob(pattern)) if _is_course(p)]
    source = f"git+{{COURSE_URL}}" if COURSE_URL else (copies[0] if copies else None)
    if source is None:
        raise RuntimeError(
            "coursekit install नहीं है। course की wheel (coursekit-*.whl) या पूरे course की .zip file इस notebook के "
            "folder में upload कीजिए (Colab: बाईं ओर Files → Upload; Kaggle: Add Input → अपना dataset), फिर यह cell "
            "दोबारा चलाइए। तरीक़ा: README का section 'Colab और Kaggle'।\\n"
            "coursekit is not installed. Upload the course's wheel (coursekit-*.whl) or a .zip of the whole course "
            "into this notebook's folder (Colab: Files on the left → Upload; Kaggle: Add Input → your dataset), then "
            "run this cell again. How: the README, section 'Colab and Kaggle'.")
    print(f"installing coursekit from {{source}} ...", flush=True)
    subprocess.check_call([sys.executable, "-m", "pip", "install", "--quiet", source])
    importlib.invalidate_caches()
    print("coursekit install हो गया / coursekit is installed")
    stale = [m for m in ("numpy", "matplotlib", "pandas", "torch") if m in sys.modules
             and str(getattr(sys.modules[m], "__version__", "")) != importlib.metadata.version(m)]
    if stale:  # pip updated a package this Python had already imported (Colab imports matplotlib at start)
        print(f"अब Runtime → Restart session कीजिए और cells फिर ऊपर से चलाइए ({{', '.join(stale)}} बदले हैं)।\\n"
              f"Now restart the session (Runtime → Restart session) and run the cells again from the top "
              f"({{', '.join(stale)}} changed).")'''


def repository_url(root: Path = ROOT) -> str | None:
    """The course's git repository from pyproject.toml ``[project.urls] Repository``, or None while it has none."""
    import tomllib  # Python 3.11+ (the course's .venv); learners' notebooks never call this

    project = Path(root) / "pyproject.toml"
    if not project.exists():                # an installed coursekit (a wheel) has no pyproject.toml beside it
        return None
    urls = tomllib.loads(project.read_text(encoding="utf-8")).get("project", {}).get("urls", {})
    url = (urls.get("Repository") or "").strip()
    return url or None


def setup_source(url: str | None) -> str:
    if url and not re.match(r"^(https|file|ssh)://[^\s\"'\\]+$", url):
        raise ValueError(f"not a git URL: {url!r}")
    return SETUP_SOURCE.format(url=url or "")


def setup_cell(url: str | None):
    """The set-up code cell (unexecuted; RISE skips it)."""
    cell = nbformat.v4.new_code_cell(setup_source(url))
    cell.metadata.update(tags=[SETUP_TAG], slideshow={"slide_type": "skip"})
    return cell


def open_links(url: str | None, relpath: str, badges: bool = False) -> str:
    """Markdown links that open ``relpath`` (e.g. notebooks/01_x.ipynb) of the repository; "" without a GitHub URL.

    Notebooks get text links (their pages and slides load nothing from the internet); README gets the badges.
    """
    m = GITHUB_RE.match(url or "")
    if not m:
        return ""
    blob = f"github.com/{m.group(1)}/{m.group(2)}/blob/{BRANCH}/{relpath}"
    colab = f"https://colab.research.google.com/{blob.replace('github.com/', 'github/', 1)}"
    kaggle = f"https://kaggle.com/kernels/welcome?src=https://{blob}"
    if not badges:
        return f"[Colab में खोलिए / Open in Colab]({colab}) · [Kaggle में खोलिए / Open in Kaggle]({kaggle})"
    return (f"[![Colab में खोलिए / Open in Colab](https://colab.research.google.com/assets/colab-badge.svg)]({colab}) "
            f"[![Kaggle में खोलिए / Open in Kaggle](https://kaggle.com/static/images/open-in-kaggle.svg)]({kaggle})")


def _strip_links(text: str) -> str:
    return re.sub(rf"\n*{re.escape(LINKS_START)}.*?{re.escape(LINKS_END)}", "", text, flags=re.S)


def _with_links(text: str, links: str) -> str:
    text = _strip_links(text)
    return f"{text.rstrip()}\n\n{LINKS_START}\n{links}\n{LINKS_END}" if links else text


def apply(nb, relpath: str, url: str | None) -> bool:
    """Write the set-up cell and the title cell's links into ``nb`` (in place); True when anything changed."""
    changed = False
    title = nb.cells[0] if nb.cells and nb.cells[0].cell_type == "markdown" else None
    if title is not None:
        new = _with_links(title.source, open_links(url, relpath))
        changed |= new != title.source
        title.source = new
    existing = [c for c in nb.cells if SETUP_TAG in c.get("metadata", {}).get("tags", [])]
    source = setup_source(url)
    if not existing:
        nb.cells.insert(1 if title is not None else 0, setup_cell(url))
        return True
    cell = existing[0]
    if cell.source != source:
        # Where coursekit imports, the cell does nothing and prints nothing, whatever its text: a stored run stays
        # valid (its execution count too). A cell that printed something (an install) ran differently: clear it.
        if cell.get("outputs"):
            cell.outputs, cell.execution_count = [], None
        cell.source = source
        changed = True
    return changed


def apply_readme(text: str, url: str | None, relpaths) -> str:
    """README.md with its link block (between the markers) filled for every notebook, or emptied without a URL."""
    if LINKS_START not in text:
        return text
    rows = [f"- `{p}` {open_links(url, p, badges=True)}" for p in relpaths] if GITHUB_RE.match(url or "") else []
    head, rest = text.split(LINKS_START, 1)
    _, tail = rest.split(LINKS_END, 1)
    return f"{head}{LINKS_START}\n" + "".join(r + "\n" for r in rows) + f"{LINKS_END}{tail}"


def _topic_notebooks(root: Path) -> list[Path]:
    """notebooks/NN_slug.ipynb, without `refresh`'s temporary copies (NN_slug.run.ipynb)."""
    return [p for p in sorted((root / "notebooks").glob("[0-9][0-9]_*.ipynb")) if not p.name.endswith(".run.ipynb")]


def write_setup_cells(paths=None, url: str | None = None, root: Path = ROOT, readme: bool = True) -> list[Path]:
    """Write the set-up cell and links into every notebook in ``paths`` (default: the topic notebooks) and README.

    ``url`` defaults to the repository in pyproject.toml. Returns the files that changed (atomic writes).
    """
    from ..exercises.progress import write_text_atomic
    from .nbfiles import read_notebook, write_notebook

    root = Path(root)
    url = url if url is not None else repository_url(root)
    paths = [Path(p) for p in paths] if paths else _topic_notebooks(root)
    changed = []
    for path in paths:
        nb = read_notebook(path)
        try:
            relpath = path.resolve().relative_to(root.resolve()).as_posix()
        except ValueError:
            relpath = f"notebooks/{path.name}"
        if apply(nb, relpath, url):
            write_notebook(nb, path)
            changed.append(path)
    readme_path = root / "README.md"
    if readme and readme_path.exists():
        text = readme_path.read_text(encoding="utf-8")
        nbs = [f"notebooks/{p.name}" for p in _topic_notebooks(root)]
        new = apply_readme(text, url, nbs)
        if new != text:
            write_text_atomic(readme_path, new)          # the README is an author's file: all or nothing
            changed.append(readme_path)
    return changed
