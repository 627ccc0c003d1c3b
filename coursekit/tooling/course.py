"""Run the course: execute every notebook with papermill and build the HTML editions.

``python -m coursekit course [--fast]`` (``make course``) writes into ``build/``:

* ``build/executed/NN_slug.ipynb`` — each notebook executed top to bottom;
* ``build/html/{both,hi,en}/NN_slug.html`` — the bilingual, Hindi and English editions, with
  previous / index / next links, plus each edition's index, exercises and glossary pages;
* ``build/slides/{hi,en}/NN_slug.slides.html`` — the reveal.js slides;
* ``build/index.html`` — the landing page: every notebook in every edition, with its headline result.

The pages load nothing from the internet: see ``coursekit.tooling.site`` (MathJax, reveal.js and the
Devanagari font are copied into ``build/assets``).

It prints which notebook runs and the time so far, and ends with a table:
notebook, seconds, headline result.
"""
from __future__ import annotations

import copy
import time
from pathlib import Path

import nbformat

from ..i18n import CourseError
from . import nbfiles

ROOT = Path(__file__).resolve().parents[2]


def execute(src, dst, fast: bool = False, timeout: int = 900, progress: bool = True, cwd=None):
    """Execute one notebook with papermill (``FAST=True`` for the fast parameters) and return it."""
    import papermill as pm

    src, dst = Path(src), Path(dst)
    dst.parent.mkdir(parents=True, exist_ok=True)
    params = {"FAST": True} if fast else {}
    nb = pm.execute_notebook(str(src), str(dst), parameters=params, progress_bar=progress,
                             cwd=str(cwd or src.parent), execution_timeout=timeout, kernel_name="python3")
    return nbformat.from_dict(nb)


def refresh_outputs(path, timeout: int = 900) -> Path:
    """Re-run a notebook at full settings and write its outputs back into it (for authors)."""
    path = Path(path)
    tmp = path.with_suffix(".run.ipynb")
    try:
        store_outputs(execute(path, tmp, fast=False, timeout=timeout), path)
    finally:
        tmp.unlink(missing_ok=True)
    return path


def store_outputs(nb, path) -> Path:
    """Write a notebook executed at full settings back over its source ``path``, outputs included."""
    from ..nbwidgets import finish_progress_bars
    from .slides import annotate

    annotate(nb)                         # slide metadata (hand-written notes cells are kept)
    finish_progress_bars(nb)             # stored bars show their final state, not "0% | 0/12"
    return nbfiles.write_notebook(nbfiles.clean_metadata(nb), path)   # atomic: an interrupted write keeps the old file


def build_index(rows, out: Path, fast: bool) -> Path:
    """The landing page ``build/index.html`` (see ``coursekit.tooling.site.landing_page``)."""
    from .site import landing_page

    return landing_page(Path(out), rows, fast)


def run_course(fast: bool = False, build: Path | None = None, notebooks=None, timeout: int = 900,
               store: bool = False) -> list:
    """Execute the notebooks, write the editions and the index, print the summary table. With ``store`` (authors,
    full settings only), each notebook's outputs are also written back into it, so that every committed output
    comes from one run."""
    if store and fast:
        raise CourseError("--store केवल पूरी settings वाले run के outputs रखता है; --fast के साथ नहीं।",
                          "--store keeps the outputs of a full-settings run only; not with --fast.")
    build = Path(build or ROOT / "build")
    paths = [Path(p) for p in notebooks] if notebooks else sorted((ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb"))
    from ..nbwidgets import finish_progress_bars
    from .site import build_site

    rows, executed, start = [], [], time.perf_counter()
    for i, path in enumerate(paths, 1):
        print(f"[{i}/{len(paths)}] {path.name}  (elapsed {time.perf_counter() - start:.0f} s)", flush=True)
        t0 = time.perf_counter()
        nb = execute(path, build / "executed" / path.name, fast=fast, timeout=timeout)
        seconds = time.perf_counter() - t0
        if store:
            store_outputs(copy.deepcopy(nb), path)
        finish_progress_bars(nb)
        executed.append((path.stem, nb))
        rows.append((path.stem, seconds, nbfiles.headline(nb)))
        print(f"    done in {seconds:.1f} s", flush=True)
    t0 = time.perf_counter()
    build_site(executed, build, rows=rows, fast=fast)
    print(f"website and slides written in {time.perf_counter() - t0:.1f} s: {build / 'index.html'}", flush=True)
    print(summary_table(rows, time.perf_counter() - start))
    return rows


def summary_table(rows, total: float) -> str:
    width = max([len(r[0]) for r in rows] + [8])
    lines = [f"{'notebook':<{width}}  {'seconds':>8}  headline result", "-" * (width + 30)]
    lines += [f"{name:<{width}}  {sec:>8.1f}  {res}" for name, sec, res in rows]
    lines.append(f"{'total':<{width}}  {total:>8.1f}")
    return "\n".join(lines)
