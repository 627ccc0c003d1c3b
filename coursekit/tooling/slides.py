"""Slides for the classroom: slide metadata in the notebooks, and offline reveal.js exports made for a projector.

Every cell of a topic notebook carries ``metadata.slideshow.slide_type`` (the key that JupyterLab's RISE
extension and nbconvert read). :func:`annotate` sets it by rule:

* the title cell and every ``##`` section heading start a new **slide**, ``###`` headings a **subslide**;
* the parameters cell, the settings cell after it and import/setup cells are **skipped**;
* later prose is a **fragment** (the instructor reveals it with a key press) while it fits on the slide,
  code stays on the slide ("-"), and a cell that does not fit starts a **subslide** below; heights are
  estimated in pixels of the projected slide (:mod:`coursekit.tooling.slidefit`);
* an English cell follows its Hindi twin ("-"), so in the bilingual notebook a pair shows together;
  in a single-language export the Hindi cell's type passes to its English twin;
* hand-written speaker notes (``slide_type: notes``, a ``lang-hi``/``lang-en`` pair) are kept as they are.

The exported slides (:func:`slide_edition`) go further, since they are a copy: a cell taller than the slide is
cut (prose between blocks, tables between rows with the header repeated, code between lines, each output on its
own), nothing is shortened, test markers (``# NBVAL_CHECK_OUTPUT``) and progress bars are removed, wide code and
tables get a smaller font instead of wrapping mid-number, and every section slide gets speaker notes (the
hand-written ones, or pacing and outline notes generated from the section).

``python -m coursekit slides --annotate NOTEBOOK...`` writes the metadata into notebooks (only metadata
changes); ``python -m coursekit slides [NOTEBOOK...]`` (``make slides``) writes
``build/slides/{hi,en}/NN_slug.slides.html`` with a local copy of reveal.js (from ``npm ci``), so the
slides work with no internet.
"""
from __future__ import annotations

import copy
import re
from pathlib import Path

import nbformat

from . import slidefit as fit
from .assets import TEMPLATES, copy_assets
from .nbfiles import one_language_heading

ROOT = Path(__file__).resolve().parents[2]
SLIDE_TYPES = ("slide", "subslide", "fragment", "-", "skip", "notes")
RANK = {"-": 0, "fragment": 1, "subslide": 2, "slide": 3}
SLIDE_LANGS = ("hi", "en")
BUDGET = fit.BUDGET
RISE_SETTINGS = {"scroll": True, "theme": "white", "transition": "slide", "width": fit.WIDTH, "height": fit.HEIGHT}

_IMPORT_RE = re.compile(r"^(import |from \S+ import )")
_SETTING_RE = re.compile(r"^[A-Z][A-Z0-9_]*(\s*,\s*[A-Z][A-Z0-9_]*)*\s*=")


_tags = fit.tags
slide_type = fit.slide_type
height = fit.height            # a cell's height on a slide (pixels, estimated)
split_cell = fit.split_cell    # a cell cut into pieces that each fit on a slide


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


def _heading_level(cell) -> int:
    if cell.cell_type != "markdown":
        return 0
    m = re.match(r"(#{1,6})\s", cell.source.lstrip())
    return len(m.group(1)) if m else 0


def _pack(cell, kind: str, room: float, h: float) -> tuple[str, float]:
    """The slide type of a body cell of height ``h`` and the room left: it stays on the slide while it fits."""
    if h > room:
        return "subslide", BUDGET - h
    return ("fragment" if cell.cell_type == "markdown" and kind != "-" else "-"), room - h


def _reference_table(cell, rows: int = 40) -> bool:
    """A code cell that displays a long Markdown table (the glossary): a reference to read, not a slide."""
    return cell.cell_type == "code" and any(
        "".join(o.get("data", {}).get("text/markdown", "")).count("\n") > rows for o in cell.get("outputs", []))


def annotate(nb) -> int:
    """Set the slide type of every cell of ``nb`` (in place); return how many cells changed.

    Deterministic, so running it again changes nothing; notes cells keep their type and are collapsed for learners.
    A Hindi cell is measured together with its English twin (RISE shows both).
    """
    changed, room = 0, 0.0
    for i, cell in enumerate(nb.cells):
        kind = slide_type(cell)
        if kind == "notes":
            changed += hide_for_learners(cell)
            continue
        prev = nb.cells[i - 1] if i else None
        nxt = nb.cells[i + 1] if i + 1 < len(nb.cells) else None
        h = height(cell)
        if nxt is not None and "lang-hi" in _tags(cell) and "lang-en" in _tags(nxt):
            h += height(nxt)
        if "lang-en" in _tags(cell) and prev is not None and "lang-hi" in _tags(prev):
            kind = "skip" if slide_type(prev) == "skip" else "-"      # the twin goes with its Hindi cell
        elif is_setup(cell) or _reference_table(cell):
            kind = "skip"
        elif i == 0 or _heading_level(cell) in (1, 2):
            kind, room = "slide", BUDGET - h
        elif _heading_level(cell) >= 3:
            kind, room = "subslide", BUDGET - h
        else:
            kind, room = _pack(cell, "fragment", room, h)
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


# ------------------------------------------------------------------ speaker notes for every section
NOTE_TEXT = {
    "hi": ("**शिक्षक के लिए (अपने-आप बना):** section {k}/{n}, यहाँ {m} slides (पूरे deck में {total})।",
           " **क्रम:** {outline}।", " **Live चलाइए:** {demos}।"),
    "en": ("**For the instructor (generated):** section {k} of {n}, {m} slides here ({total} in the deck).",
           " **Outline:** {outline}.", " **Run live:** {demos}."),
}


def _generated_note(section: list, k: int, n: int, total: int, lang: str):
    starts = sum(slide_type(c) in ("slide", "subslide") for c in section)
    heads = [c.source.lstrip().splitlines()[0].lstrip("#").strip() for c in section[1:] if _heading_level(c) >= 3]
    demos = [f"`{fit.strip_markers(c.source).strip().splitlines()[0][:60]}`" for c in section
             if c.cell_type == "code" and slide_type(c) != "skip" and c.source.strip() and fit.shown_outputs(c)
             and not c.metadata.get("transient", {}).get("remove_source")][:5]
    first, outline, run = NOTE_TEXT[lang]
    text = first.format(k=k, n=n, m=starts, total=total)
    text += outline.format(outline="; ".join(heads)) if heads else ""
    text += run.format(demos=", ".join(demos)) if demos else ""
    cell = nbformat.v4.new_markdown_cell(text)
    cell.metadata.update(slideshow={"slide_type": "notes"}, tags=[f"lang-{lang}", "generated-notes"])
    return cell


def add_section_notes(cells: list, lang: str) -> list:
    """Give every slide that opens a section speaker notes: generated ones where none were written."""
    bounds = [i for i, c in enumerate(cells) if slide_type(c) == "slide"] + [len(cells)]
    total = sum(slide_type(c) in ("slide", "subslide") for c in cells)
    out = cells[:bounds[0]]
    for k, (a, b) in enumerate(zip(bounds, bounds[1:])):
        section = cells[a:b]
        out.append(section[0])
        if not any(slide_type(c) == "notes" for c in section):
            out.append(_generated_note(section, k, len(bounds) - 2, total, lang))
        out += section[1:]
    return out


def slide_edition(nb, lang: str):
    """A one-language copy of ``nb`` ready for reveal.js: slide types carried over from dropped twins, cells cut to
    fit the slide, markers and progress bars removed, a font for wide code, notes on every section slide."""
    if lang not in SLIDE_LANGS:
        raise ValueError(f"lang must be 'hi' or 'en'; got {lang!r}")
    nb = nbformat.from_dict(copy.deepcopy(nb))
    if missing_metadata(nb):
        annotate(nb)
    drop = "lang-en" if lang == "hi" else "lang-hi"
    if nb.cells and nb.cells[0].cell_type == "markdown" and not _tags(nb.cells[0]) & {"lang-hi", "lang-en"}:
        nb.cells[0].source = "\n".join(one_language_heading(ln, lang) for ln in nb.cells[0].source.splitlines())
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
        if cell.cell_type == "code":
            cell.source = fit.strip_markers(cell.source)
            cell.outputs = fit.shown_outputs(cell)
        cells += [cell] if kind in ("skip", "notes") else split_cell(cell)
    room = 0.0
    for cell in cells:                      # pack again: the pieces, and one language instead of two
        kind = slide_type(cell)
        if kind in ("skip", "notes"):
            continue
        fit.font_tags(cell)
        h = height(cell)
        if kind == "slide" or (kind == "subslide" and _heading_level(cell)):
            room = BUDGET - h
        else:
            kind, room = _pack(cell, kind, room, h)
            _set(cell, kind)
    nb.cells = add_section_notes(cells, lang)
    nb.metadata.pop("widgets", None)      # widget state would load its JavaScript from the internet
    nb.metadata["language_edition"] = lang
    return nb


def slides_exporter():
    from nbconvert import SlidesExporter

    return SlidesExporter(template_name="course_reveal", extra_template_basedirs=[str(TEMPLATES)],
                          extra_template_paths=[str(TEMPLATES / "shared")],
                          reveal_theme="white", reveal_transition="slide", reveal_number="c/t",
                          reveal_scroll=False, reveal_width=str(fit.WIDTH), reveal_height=str(fit.HEIGHT))


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
    build = Path(build or ROOT / "build")
    assets = copy_assets(build, modules=modules, strict=True)
    exporter, written = slides_exporter(), []
    for path in map(Path, paths):
        nb = nbformat.read(path, as_version=4)
        for lang in SLIDE_LANGS:
            written.append(export(nb, lang, build / "slides" / lang / f"{path.stem}.slides.html", assets,
                                  exporter, title=path.stem))
    return written
