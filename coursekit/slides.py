"""Slides for the classroom: slide metadata in the notebooks, and offline reveal.js exports.

Every cell of a topic notebook carries ``metadata.slideshow.slide_type`` (the key that JupyterLab's RISE
extension and nbconvert read). :func:`annotate` sets it by rule:

* the title cell and every ``##`` section heading start a new **slide**, ``###`` headings a **subslide**;
* the parameters cell, the settings cell after it, import/setup cells and cells whose output is long
  text are **skipped**;
* later prose is a **fragment** (the instructor reveals it with a key press) while it fits on the slide,
  code stays on the slide ("-"), and a cell that does not fit starts a **subslide** below;
* an English cell follows its Hindi twin ("-"), so in the bilingual notebook a pair shows together;
  in a single-language export the Hindi cell's type passes to its English twin;
* hand-written speaker notes (``slide_type: notes``, a ``lang-hi``/``lang-en`` pair) are kept as they are.

``python -m coursekit slides --annotate NOTEBOOK...`` writes the metadata into notebooks (only metadata
changes); ``python -m coursekit slides [NOTEBOOK...]`` (``make slides``) writes
``build/slides/{hi,en}/NN_slug.slides.html`` with a local copy of reveal.js (from ``npm ci``), so the
slides work with no internet.
"""
from __future__ import annotations

import math
import re
import shutil
from pathlib import Path

import nbformat

from .i18n import CourseError

ROOT = Path(__file__).resolve().parent.parent
TEMPLATES = Path(__file__).resolve().parent / "templates"
SLIDE_TYPES = ("slide", "subslide", "fragment", "-", "skip", "notes")
RANK = {"-": 0, "fragment": 1, "subslide": 2, "slide": 3}
SLIDE_LANGS = ("hi", "en")
BUDGET = 22               # rough lines that fit on one slide
LONG_OUTPUT_LINES = 25    # a text-only output longer than this is skipped in slides
SLIDE_OUTPUT_LINES = 12   # longer text outputs are shortened in the exported slides
IMAGE_LINES = 14
RISE_SETTINGS = {"scroll": True, "theme": "white", "transition": "slide"}

_IMPORT_RE = re.compile(r"^(import |from \S+ import )")
_SETTING_RE = re.compile(r"^[A-Z][A-Z0-9_]*(\s*,\s*[A-Z][A-Z0-9_]*)*\s*=")


def _tags(cell) -> set[str]:
    return set(cell.get("metadata", {}).get("tags", []))


def slide_type(cell) -> str | None:
    return cell.get("metadata", {}).get("slideshow", {}).get("slide_type")


def _set(cell, kind: str) -> bool:
    if slide_type(cell) == kind:
        return False
    cell.metadata.setdefault("slideshow", {})["slide_type"] = kind
    return True


def _statements(source: str) -> list[str]:
    """Top-level statement lines of a code cell (no blanks, comments or continuation lines)."""
    return [ln.strip() for ln in source.splitlines()
            if ln.strip() and not ln.startswith((" ", "\t", ")", "]", "}")) and not ln.lstrip().startswith("#")]


def is_setup(cell) -> bool:
    """A parameters, settings or imports cell: needed to run, not to teach."""
    if cell.cell_type != "code":
        return False
    if _tags(cell) & {"parameters", "injected-parameters"}:
        return True
    lines = _statements(cell.source)
    if not lines:
        return True
    imports = sum(bool(_IMPORT_RE.match(ln)) for ln in lines)
    settings = sum(bool(_SETTING_RE.match(ln)) for ln in lines)
    return imports * 2 >= len(lines) or (imports + settings == len(lines) and settings > 0)


def _output_text_lines(cell) -> int:
    n = 0
    for out in cell.get("outputs", []):
        if out.get("output_type") == "stream":
            n += len(out.get("text", "").splitlines())
        elif "data" in out and not any(k.startswith("image/") or k == "text/html" for k in out["data"]):
            n += len(str(out["data"].get("text/markdown", out["data"].get("text/plain", ""))).splitlines())
    return n


def _has_figure(cell) -> bool:
    return any(k.startswith("image/") for out in cell.get("outputs", []) for k in out.get("data", {}))


def has_long_output(cell) -> bool:
    return cell.cell_type == "code" and _output_text_lines(cell) > LONG_OUTPUT_LINES and not _has_figure(cell)


def height(cell) -> int:
    """A rough height in lines of the cell on a slide."""
    if cell.cell_type == "markdown":
        return sum(max(1, math.ceil(len(ln) / 90)) for ln in cell.source.splitlines() if ln.strip()) + 1
    figures = sum(1 for out in cell.get("outputs", []) for k in out.get("data", {}) if k.startswith("image/"))
    return (min(len(cell.source.splitlines()), 20) + min(_output_text_lines(cell), SLIDE_OUTPUT_LINES)
            + IMAGE_LINES * figures + 1)


def _heading_level(cell) -> int:
    if cell.cell_type != "markdown":
        return 0
    m = re.match(r"(#{1,6})\s", cell.source.lstrip())
    return len(m.group(1)) if m else 0


def annotate(nb) -> int:
    """Set the slide type of every cell of ``nb`` (in place); return how many cells changed.

    Deterministic, so running it again changes nothing; notes cells keep their type and are collapsed for learners.
    """
    changed, room = 0, 0
    for i, cell in enumerate(nb.cells):
        kind = slide_type(cell)
        if kind == "notes":
            changed += hide_for_learners(cell)
            continue
        prev = nb.cells[i - 1] if i else None
        if "lang-en" in _tags(cell) and prev is not None and "lang-hi" in _tags(prev):
            kind = "skip" if slide_type(prev) == "skip" else "-"      # the twin goes with its Hindi cell
        elif is_setup(cell) or has_long_output(cell):
            kind = "skip"
        elif i == 0 or _heading_level(cell) in (1, 2):
            kind, room = "slide", BUDGET - height(cell)
        elif _heading_level(cell) >= 3:
            kind, room = "subslide", BUDGET - height(cell)
        else:
            h = height(cell)
            if h > room:
                kind, room = "subslide", BUDGET - h
            else:
                kind, room = ("fragment" if cell.cell_type == "markdown" else "-"), room - h
        changed += _set(cell, kind)
    if nb.metadata.get("rise") != RISE_SETTINGS:
        nb.metadata["rise"] = dict(RISE_SETTINGS)
        changed += 1
    return changed


def hide_for_learners(cell) -> int:
    """Collapse a speaker-notes cell in JupyterLab (``jupyter.source_hidden``): a learner studying alone passes a
    thin bar instead of reading classroom scripts; an instructor clicks it open. Returns 1 if it changed."""
    meta = cell.metadata.setdefault("jupyter", {})
    if meta.get("source_hidden") is True:
        return 0
    meta["source_hidden"] = True
    return 1


def missing_metadata(nb) -> list[int]:
    """Indexes of cells without a valid slide type."""
    return [i for i, c in enumerate(nb.cells) if slide_type(c) not in SLIDE_TYPES]


def annotate_file(path) -> int:
    """Write slide metadata into the notebook at ``path``; outputs and sources stay as they are."""
    path = Path(path)
    nb = nbformat.read(path, as_version=4)
    changed = annotate(nb)
    if changed:
        nbformat.write(nb, path)
    return changed


def _shorten(text: str, keep: int = SLIDE_OUTPUT_LINES) -> str:
    lines = text.splitlines()
    if len(lines) <= keep:
        return text
    half = keep // 2
    return "\n".join(lines[:half] + [f"… ({len(lines) - 2 * half} lines) …"] + lines[-half:]) + "\n"


def _one_language_heading(line: str, lang: str) -> str:
    """``# 03 · हिंदी शीर्षक / English title`` -> the part in ``lang`` (other lines unchanged)."""
    m = re.match(r"(#+\s+(?:\d+\s*·\s*)?)(.+?)\s+/\s+(.+)$", line)
    if not m:
        return line
    return m.group(1) + (m.group(2) if lang == "hi" else m.group(3))


def slide_edition(nb, lang: str):
    """A one-language copy of ``nb`` ready for reveal.js (slide types carried over from dropped twins)."""
    if lang not in SLIDE_LANGS:
        raise ValueError(f"lang must be 'hi' or 'en'; got {lang!r}")
    nb = nbformat.from_dict(nb)
    if missing_metadata(nb):
        annotate(nb)
    drop = "lang-en" if lang == "hi" else "lang-hi"
    if nb.cells and nb.cells[0].cell_type == "markdown" and not _tags(nb.cells[0]) & {"lang-hi", "lang-en"}:
        nb.cells[0].source = "\n".join(_one_language_heading(ln, lang) for ln in nb.cells[0].source.splitlines())
    cells, pending = [], "-"
    for cell in nb.cells:
        kind = slide_type(cell)
        if drop in _tags(cell):
            if kind in RANK and RANK[kind] > RANK[pending]:
                pending = kind
            continue
        if kind in RANK:
            if RANK[pending] > RANK[kind]:
                _set(cell, pending)
            pending = "-"
        for out in cell.get("outputs", []) if cell.cell_type == "code" else []:
            if out.get("output_type") == "stream":
                out["text"] = _shorten(out.get("text", ""))
        cells.append(cell)
    nb.cells = cells
    nb.metadata.pop("widgets", None)      # widget state would load its JavaScript from the internet
    nb.metadata["language_edition"] = lang
    return nb


# ------------------------------------------------------------------ offline assets

def node_modules() -> Path:
    return ROOT / "node_modules"


def missing_assets_error(what: str) -> CourseError:
    return CourseError(
        f"{what} नहीं मिला: slides और website को बिना internet के चलाने के लिए reveal.js और MathJax की local copy "
        f"चाहिए। कोर्स के folder में `npm ci` चलाइए (Node.js चाहिए; `make slides` और `make course` यह खुद करते हैं)।",
        f"{what} not found: offline slides and the website need local copies of reveal.js and MathJax. Run "
        f"`npm ci` in the course folder (needs Node.js; `make slides` and `make course` do it for you).")


def copy_reveal(assets: Path, modules: Path | None = None) -> Path:
    """Copy reveal.js (dist/ and plugin/) from node_modules into ``assets/reveal.js``."""
    src = Path(modules or node_modules()) / "reveal.js"
    if not (src / "dist" / "reveal.js").exists():
        raise missing_assets_error(str(src / "dist" / "reveal.js"))
    dst = assets / "reveal.js"
    for part in ("dist", "plugin"):
        shutil.copytree(src / part, dst / part, dirs_exist_ok=True, ignore=shutil.ignore_patterns("*.map"))
    return dst


def slides_exporter():
    from nbconvert import SlidesExporter

    return SlidesExporter(template_name="course_reveal", extra_template_basedirs=[str(TEMPLATES)],
                          extra_template_paths=[str(TEMPLATES / "shared")],
                          reveal_theme="white", reveal_transition="slide", reveal_number="c/t",
                          reveal_scroll=True)


def export(nb, lang: str, out: Path, assets: Path, exporter=None, title: str | None = None) -> Path:
    """Write the ``lang`` reveal.js slides of ``nb`` to ``out``, using the assets folder ``assets``."""
    import os

    exporter = exporter or slides_exporter()
    out.parent.mkdir(parents=True, exist_ok=True)
    prefix = Path(os.path.relpath(assets, out.parent)).as_posix()
    exporter.reveal_url_prefix = f"{prefix}/reveal.js"
    exporter.mathjax_url = f"{prefix}/mathjax/tex-chtml-full.js"
    resources = {"metadata": {"name": title or out.name.removesuffix(".slides.html")},
                 "course": {"assets": prefix, "lang": lang}}
    body, _ = exporter.from_notebook_node(slide_edition(nb, lang), resources=resources)
    out.write_text(body, encoding="utf-8")
    return out


def export_all(paths, build: Path | None = None, modules: Path | None = None) -> list[Path]:
    """``make slides``: the reveal.js slides of every notebook in both languages, under build/slides/."""
    from . import site

    build = Path(build or ROOT / "build")
    assets = site.copy_assets(build, modules=modules, strict=True)
    exporter, written = slides_exporter(), []
    for path in map(Path, paths):
        nb = nbformat.read(path, as_version=4)
        for lang in SLIDE_LANGS:
            written.append(export(nb, lang, build / "slides" / lang / f"{path.stem}.slides.html", assets,
                                  exporter, title=path.stem))
    return written
