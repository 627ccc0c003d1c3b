"""Run the course: execute every notebook with papermill and build the HTML editions.

``python -m coursekit course [--fast]`` (``make course``) writes into ``build/``:

* ``build/executed/NN_slug.ipynb`` — each notebook executed top to bottom;
* ``build/html/{both,hi,en}/NN_slug.html`` — the bilingual, Hindi and English editions;
* ``build/index.html`` — links to every notebook in every edition, with its headline result.

It prints which notebook runs and the time so far, and ends with a table:
notebook, seconds, headline result.
"""
from __future__ import annotations

import html
import time
from pathlib import Path

import nbformat

from . import notebook as nbtools

ROOT = Path(__file__).resolve().parent.parent
EDITIONS = {"both": "हिंदी + English", "hi": "केवल हिंदी", "en": "English only"}


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
        nb = execute(path, tmp, fast=False, timeout=timeout)
        nbformat.write(nbtools.clean_metadata(nb), path)
    finally:
        tmp.unlink(missing_ok=True)
    return path


def to_html(nb, title: str) -> str:
    from nbconvert import HTMLExporter

    exporter = HTMLExporter(template_name="lab")
    body, _ = exporter.from_notebook_node(nb, resources={"metadata": {"name": title}})
    return body


def build_index(rows, out: Path, fast: bool) -> Path:
    items = []
    for name, seconds, result in rows:
        links = " · ".join(f'<a href="html/{lang}/{name}.html">{label}</a>' for lang, label in EDITIONS.items())
        items.append(f"<tr><td>{html.escape(name)}</td><td>{links}</td><td>{seconds:.0f} s</td>"
                     f"<td>{html.escape(result)}</td></tr>")
    page = f"""<!DOCTYPE html>
<html lang="hi"><head><meta charset="utf-8"><title>Deep Learning — हिंदी / English</title>
<style>body{{font-family:"Noto Sans Devanagari","Noto Sans",sans-serif;max-width:60rem;margin:2rem auto}}
td,th{{padding:.3rem .8rem;border-bottom:1px solid #ddd;text-align:left}}</style></head>
<body><h1>डीप लर्निंग कोर्स / Deep Learning Course</h1>
<p>हर notebook तीन रूपों में: दोनों भाषाएँ, केवल हिंदी, केवल English।<br>
Every notebook in three editions: both languages, Hindi only, English only.</p>
<p>{'Fast parameters (FAST=1).' if fast else 'Full settings.'}</p>
<table><tr><th>Notebook</th><th>Editions</th><th>Run time</th><th>Headline result</th></tr>
{''.join(items)}</table></body></html>"""
    out.write_text(page, encoding="utf-8")
    return out


def run_course(fast: bool = False, build: Path | None = None, notebooks=None, timeout: int = 900) -> list:
    """Execute the notebooks, write the editions and the index, print the summary table."""
    build = Path(build or ROOT / "build")
    paths = [Path(p) for p in notebooks] if notebooks else sorted((ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb"))
    rows, start = [], time.perf_counter()
    for i, path in enumerate(paths, 1):
        print(f"[{i}/{len(paths)}] {path.name}  (elapsed {time.perf_counter() - start:.0f} s)", flush=True)
        t0 = time.perf_counter()
        nb = execute(path, build / "executed" / path.name, fast=fast, timeout=timeout)
        seconds = time.perf_counter() - t0
        for lang in EDITIONS:
            out = build / "html" / lang / f"{path.stem}.html"
            out.parent.mkdir(parents=True, exist_ok=True)
            out.write_text(to_html(nbtools.edition(nb, lang), path.stem), encoding="utf-8")
        rows.append((path.stem, seconds, nbtools.headline(nb)))
        print(f"    done in {seconds:.1f} s", flush=True)
    build_index(rows, build / "index.html", fast)
    print(summary_table(rows, time.perf_counter() - start))
    return rows


def summary_table(rows, total: float) -> str:
    width = max([len(r[0]) for r in rows] + [8])
    lines = [f"{'notebook':<{width}}  {'seconds':>8}  headline result", "-" * (width + 30)]
    lines += [f"{name:<{width}}  {sec:>8.1f}  {res}" for name, sec, res in rows]
    lines.append(f"{'total':<{width}}  {total:>8.1f}")
    return "\n".join(lines)
