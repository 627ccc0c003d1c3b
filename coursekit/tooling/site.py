"""The course website: HTML editions a learner reads in a browser, with no Jupyter and no internet.

``make course`` (after running the notebooks) and ``python -m coursekit site`` (from the committed
notebooks, which hold the outputs of a clean full run) write into ``build/``::

    index.html                      landing page in both languages
    html/{hi,en,both}/index.html    one index per edition: notebooks, exercises, glossary, slides
    html/{hi,en,both}/NN_slug.html  every notebook, with previous / index / next links
    html/{hi,en,both}/exercises/NN_slug.html   the practice notebooks (student editions)
    html/{hi,en,both}/glossary.html the Hindi-English glossary
    slides/{hi,en}/NN_slug.slides.html         reveal.js slides (see coursekit.tooling.slides)
    assets/                         site.css, the Noto Sans Devanagari font, MathJax 3, reveal.js

Everything a page loads lies under ``build/``: MathJax and reveal.js are copied from ``node_modules``
(``npm ci`` installs them from ``package-lock.json``), the font from ``coursekit/fonts``.
"""
from __future__ import annotations

import html
import os
import re
import time
from pathlib import Path

import nbformat

from ..glossary import glossary
from . import nbfiles
from . import slidefit as fit
from . import slides as slidetools
from .assets import TEMPLATES, copy_assets

ROOT = Path(__file__).resolve().parents[2]
EDITIONS = {"hi": "केवल हिंदी", "en": "English only", "both": "हिंदी + English"}
UI = {
    "hi": {"index": "सूची", "prev": "पिछला", "next": "अगला", "notebooks": "पाठ (notebooks)",
           "exercises": "अभ्यास (exercises)", "glossary": "शब्दावली (glossary)", "slides": "slides",
           "home": "मुख पृष्ठ", "course": "डीप लर्निंग course", "time": "चलने का समय", "result": "मुख्य परिणाम",
           "solutions": "अभ्यास के हल (solutions) इस site पर नहीं हैं: शिक्षक `make solutions` से उन्हें "
                        "`build/solutions/` में बनाते हैं। Jupyter में `q1.hint()` और `q1.solution()` भी मदद करते हैं।",
           "exercises_note": "इन्हें पढ़ा जा सकता है; हल करने के लिए `exercises/` के notebook Jupyter में खोलिए।"},
    "en": {"index": "Index", "prev": "Previous", "next": "Next", "notebooks": "Lessons (notebooks)",
           "exercises": "Exercises", "glossary": "Glossary", "slides": "slides", "home": "Home",
           "course": "Deep Learning Course", "time": "Run time", "result": "Headline result",
           "solutions": "The solutions are not on this site: instructors write them into `build/solutions/` "
                        "with `make solutions`. In Jupyter, `q1.hint()` and `q1.solution()` help too.",
           "exercises_note": "Read them here; to solve them, open the notebooks in `exercises/` in Jupyter."},
}


def _ui(lang: str, key: str) -> str:
    if lang == "both":
        hi, en = UI["hi"][key], UI["en"][key]
        return hi if hi == en else f"{hi} / {en}"
    return UI[lang][key]


def _text(s: str) -> str:
    """Escape text for HTML, showing `code` spans as <code>."""
    return re.sub(r"`([^`]+)`", r"<code>\1</code>", html.escape(s))


def _rel(target: Path, start: Path) -> str:
    return Path(os.path.relpath(target, start)).as_posix()


def _exporter(assets_rel: str):
    from nbconvert import HTMLExporter

    return HTMLExporter(template_name="course_lab", extra_template_basedirs=[str(TEMPLATES)],
                        extra_template_paths=[str(TEMPLATES / "shared")],
                        mathjax_url=f"{assets_rel}/mathjax/tex-chtml-full.js")


def _title(nb, fallback: str, lang: str = "both") -> str:
    """The notebook's title in ``lang``: from ``# NN · हिंदी / English`` or from two title lines (Hindi, English)."""
    first = next((c.source for c in nb.cells if c.cell_type == "markdown"), "")
    heads = [ln[2:].strip() for ln in first.splitlines() if ln.startswith("# ")]
    if len(heads) >= 2:
        return {"hi": heads[0], "en": heads[1]}.get(lang, f"{heads[0]} / {heads[1]}")
    return _pick(heads[0] if heads else fallback, lang)


def _pick(title: str, lang: str) -> str:
    if lang == "both" or " / " not in title:
        return title
    number, _, rest = title.partition(" · ")
    hi, _, en = (rest or title).rpartition(" / ")
    chosen = hi if lang == "hi" else en
    return f"{number} · {chosen}" if rest else chosen


def _a(target: Path, here: Path, text: str, attrs: str = "") -> str:
    return f'<a href="{_rel(target, here.parent)}"{attrs}>{html.escape(text)}</a>'


def _nav(lang: str, here: Path, edition_dir: Path, build: Path, prev=None, nxt=None, siblings=None,
         extra=()) -> str:
    """The navigation bar: home, index, previous / next, the lesson's slides / exercises / glossary (``extra``:
    (target, label) pairs), and the same page in the other editions."""
    parts = [_a(build / "index.html", here, _ui(lang, "home")), _a(edition_dir / "index.html", here, _ui(lang, "index"))]
    if prev:
        parts.append(_a(prev[0], here, f"← {_ui(lang, 'prev')}: {prev[1]}", ' rel="prev"'))
    if nxt:
        parts.append(_a(nxt[0], here, f"{_ui(lang, 'next')}: {nxt[1]} →", ' rel="next"'))
    parts += [_a(target, here, label, ' class="lesson-links"') for target, label in extra]
    parts.append('<span class="spacer"></span>')
    for other, target in (siblings or {}).items():
        label = EDITIONS[other]
        parts.append(f'<span class="current">{html.escape(label)}</span>' if other == lang else _a(target, here, label))
    return f'<nav class="course-nav" lang="{"hi" if lang != "en" else "en"}">{" ".join(parts)}</nav>'


def _page(title: str, body: str, assets_rel: str, lang: str, nav: str = "", script: str = "") -> str:
    return f"""<!DOCTYPE html>
<html lang="{'en' if lang == 'en' else 'hi'}"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<title>{html.escape(title)}</title>
<link rel="stylesheet" href="{assets_rel}/site.css"></head>
<body class="course-page">
{nav}
{body}
{script}
</body></html>
"""


def reading_edition(nb, lang: str):
    """The notebook as a reader gets it: one language (also its title), no speaker notes, no widget state, no
    set-up cells before the first section (parameters, imports), no test markers in the code."""
    one = nbfiles.edition(nb, lang)
    first = one.cells[0] if one.cells else None
    if lang != "both" and first is not None and first.cell_type == "markdown" and \
            not {"lang-hi", "lang-en"} & set(first.metadata.get("tags", [])):
        heads = [i for i, ln in enumerate(first.source.splitlines()) if ln.startswith("# ")]
        lines = first.source.splitlines()
        if len(heads) >= 2:                          # "# अभ्यास 03: …" then "# Practice 03: …"
            del lines[heads[1] if lang == "hi" else heads[0]]
        first.source = "\n".join(nbfiles.one_language_heading(ln, lang) for ln in lines)
    cells, teaching = [], False
    for cell in one.cells:
        teaching = teaching or slidetools._heading_level(cell) == 2
        if slidetools.slide_type(cell) == "notes" or (not teaching and slidetools.is_setup(cell)):
            continue
        if cell.cell_type == "code":
            cell.source = fit.strip_markers(cell.source)
        cells.append(cell)
    one.cells = cells
    one.metadata.pop("widgets", None)     # widget state would load its JavaScript from the internet
    return one


def _lesson_links(name: str, lang: str, edition_dir: Path, build: Path, exercises: set, slides: set) -> list:
    """(target, label) of a lesson's slides, its exercises and the glossary."""
    links = [(build / "slides" / sl / f"{name}.slides.html", f"{_ui(sl, 'slides')} ({sl})")
             for sl in ([lang] if lang != "both" else ["hi", "en"]) if name in slides]
    if name in exercises:
        links.append((edition_dir / "exercises" / f"{name}.html", _ui(lang, "exercises")))
    return links + [(edition_dir / "glossary.html", _ui(lang, "glossary"))]


def write_notebook_pages(items, edition_dir: Path, lang: str, build: Path, exporter, kind: str = "notebook",
                         links=None):
    """Write one HTML page per (name, notebook) into ``edition_dir`` with previous/next links (and ``links(name)``:
    the lesson's slides, exercises and glossary)."""
    edition_dir.mkdir(parents=True, exist_ok=True)
    pages = []
    for i, (name, nb) in enumerate(items):
        out = edition_dir / f"{name}.html"
        prev = (edition_dir / f"{items[i - 1][0]}.html", _title(items[i - 1][1], items[i - 1][0], lang)) if i else None
        nxt = (edition_dir / f"{items[i + 1][0]}.html", _title(items[i + 1][1], items[i + 1][0], lang)) \
            if i + 1 < len(items) else None
        index_dir = edition_dir if kind == "notebook" else edition_dir.parent
        siblings = {other: (index_dir.parent / other / out.relative_to(index_dir)) for other in EDITIONS}
        nav = _nav(lang, out, index_dir, build, prev, nxt, siblings, links(name) if links else ())
        assets_rel = _rel(build / "assets", out.parent)
        exporter.mathjax_url = f"{assets_rel}/mathjax/tex-chtml-full.js"
        resources = {"metadata": {"name": _title(nb, name, lang)},
                     "course": {"assets": assets_rel, "nav": nav, "nav_bottom": nav.replace(
                         'class="course-nav"', 'class="course-nav bottom"'), "lang": lang}}
        body, _ = exporter.from_notebook_node(reading_edition(nb, lang), resources=resources)
        out.write_text(body, encoding="utf-8")
        pages.append(out)
    return pages


GLOSSARY_JS = """<script>
// Filter the glossary as you type (matches either language and the meanings); nothing leaves this page.
document.getElementById("glossary-search").addEventListener("input", function (event) {
  var q = event.target.value.trim().toLowerCase();
  document.querySelectorAll(".glossary tbody tr").forEach(function (row) {
    row.hidden = q !== "" && row.textContent.toLowerCase().indexOf(q) < 0;
  });
});
</script>"""


def term_id(english: str) -> str:
    """The anchor of a glossary term: ``#term-activation-function``."""
    return "term-" + (re.sub(r"[^a-z0-9]+", "-", english.lower()).strip("-") or "x")


def glossary_page(out: Path, lang: str, build: Path, lessons=None) -> Path:
    """The glossary in alphabetical order (English in the English edition, else Hindi), a search box, an anchor per term
    and a link to the lesson that introduces it."""
    lessons = set(lessons or ())
    rows = sorted(glossary(), key=lambda r: (r["english"].lower() if lang == "en" else r["hindi"]))
    meaning = {"hi": ["meaning_hi"], "en": ["meaning_en"], "both": ["meaning_hi", "meaning_en"]}[lang]
    first = ["English", "हिंदी"] if lang == "en" else ["हिंदी", "English"]
    head = [*first, *[{"meaning_hi": "अर्थ", "meaning_en": "Meaning"}[m] for m in meaning], "notebook"]
    body_rows = []
    for r in rows:
        anchor = term_id(r["english"])
        terms = [r["english"], r["hindi"]] if lang == "en" else [r["hindi"], r["english"]]
        nb = r["notebook"]
        where = f'<a href="{nb}.html">{html.escape(nb[:2])}</a>' if nb in lessons else html.escape(nb)
        cells = [f'{html.escape(terms[0])}<a class="anchor" href="#{anchor}">#</a>', html.escape(terms[1]),
                 *[html.escape(r[m]) for m in meaning], where]
        body_rows.append(f'<tr id="{anchor}">' + "".join(f"<td>{c}</td>" for c in cells) + "</tr>")
    search = {"hi": "खोजिए (हिंदी या English)…", "en": "Search (English or Hindi)…"}.get(lang, "खोजिए / Search…")
    body = (f"<h1>{html.escape(_ui(lang, 'glossary'))}</h1>\n<p>{len(rows)} terms · "
            f"<code>coursekit/data/glossary.csv</code></p>\n"
            f'<input id="glossary-search" class="glossary-search" type="search" placeholder="{search}" '
            f'aria-label="{search}">\n<div class="table-scroll"><table class="glossary"><thead><tr>'
            + "".join(f"<th>{html.escape(h)}</th>" for h in head) + f"</tr></thead><tbody>{''.join(body_rows)}"
            "</tbody></table></div>")
    siblings = {other: out.parent.parent / other / out.name for other in EDITIONS}
    nav = _nav(lang, out, out.parent, build, siblings=siblings)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(_page(_ui(lang, "glossary"), body, _rel(build / "assets", out.parent), lang, nav, GLOSSARY_JS),
                   encoding="utf-8")
    return out


def _lesson_item(name: str, nb, lang: str, here: Path, links: list, meta: str = "") -> str:
    """One lesson of an index: its title (both languages on the landing page), then its links."""
    titles = [("hi", _title(nb, name, "hi")), ("en", _title(nb, name, "en"))] if lang == "both" else \
        [(lang, _title(nb, name, lang))]
    head = "<br>".join(f'<span class="title-{t}" lang="{t}">{html.escape(text)}</span>' for t, text in titles)
    link_html = " · ".join(_a(target, here, label) for target, label in links)
    return f'<li>{head}<div class="links">{link_html}</div>{meta}</li>'


def edition_index(out: Path, lang: str, build: Path, notebooks, exercises, rows=None, slides=()) -> Path:
    """The index of one edition: every lesson (title, slides, exercises, run time, headline), the exercises,
    the glossary."""
    info = {name: (seconds, result) for name, seconds, result in rows or []}
    ex_names = {name for name, _ in exercises}
    items = []
    for name, nb in notebooks:
        links = [(out.parent / f"{name}.html", _ui(lang, "notebooks").split(" (")[0])]
        links += _lesson_links(name, lang, out.parent, build, ex_names, set(slides))[:-1]
        seconds, result = info.get(name, (None, ""))
        meta = " · ".join(x for x in ("" if seconds is None else f"{_ui(lang, 'time')}: {seconds:.0f} s",
                                      f"{_ui(lang, 'result')}: {result}" if result else "") if x)
        items.append(_lesson_item(name, nb, lang, out, links, f'<div class="meta">{html.escape(meta)}</div>' if meta
                                  else ""))
    ex = "".join(f'<li><a href="exercises/{name}.html">{html.escape(_title(nb, name, lang))}</a></li>'
                 for name, nb in exercises)
    body = f"""<h1>{html.escape(_ui(lang, 'course'))} — {html.escape(EDITIONS[lang])}</h1>
<h2>{html.escape(_ui(lang, 'notebooks'))}</h2>
<ol class="lessons">{''.join(items)}</ol>
<h2>{html.escape(_ui(lang, 'exercises'))}</h2>
<p>{_text(_ui(lang, 'exercises_note'))}</p>
<ul>{ex}</ul>
<p class="course-note">{_text(_ui(lang, 'solutions'))}</p>
<h2><a href="glossary.html">{html.escape(_ui(lang, 'glossary'))}</a></h2>
"""
    siblings = {other: out.parent.parent / other / "index.html" for other in EDITIONS}
    nav = _nav(lang, out, out.parent, build, siblings=siblings)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(_page(f"{_ui(lang, 'course')} — {EDITIONS[lang]}", body, _rel(build / "assets", out.parent),
                         lang, nav), encoding="utf-8")
    return out


RUN_NOTE = {True: ("इन pages के outputs तेज़ settings (FAST=1) वाले run के हैं।",
                   "These pages show the outputs of a fast run (FAST=1)."),
            False: ("इन pages के outputs पूरी settings वाले run के हैं।", "These pages show the outputs of a full run."),
            None: ("इन pages के outputs committed notebooks के हैं (पूरी settings वाला एक साफ़ run)।",
                   "These pages show the outputs stored in the notebooks (a clean run at full settings).")}


def landing_page(out: Path, rows, fast: bool | None = None, notebooks=None, exercises=(), slides=()) -> Path:
    """build/index.html: both languages; every lesson by its titles, with its pages, slides and exercises."""
    notebooks = dict(notebooks or [])
    ex_names = set(exercises)
    items = []
    for name, seconds, result in rows:
        links = [(out.parent / "html" / lang / f"{name}.html", label) for lang, label in EDITIONS.items()]
        links += [(out.parent / "slides" / sl / f"{name}.slides.html", f"slides ({sl})") for sl in ("hi", "en")
                  if name in slides]
        if name in ex_names:
            links.append((out.parent / "html" / "both" / "exercises" / f"{name}.html", "अभ्यास / exercises"))
        meta = " · ".join(x for x in ("" if seconds is None else f"{seconds:.0f} s", result) if x)
        path = ROOT / "notebooks" / f"{name}.ipynb"
        nb = notebooks.get(name) or (nbformat.read(path, as_version=4) if path.exists() else nbformat.v4.new_notebook())
        items.append(_lesson_item(name, nb, "both", out, links, f'<div class="meta">{html.escape(meta)}</div>'
                                  if meta else ""))
    hi, en = RUN_NOTE[fast]
    body = f"""<h1>डीप लर्निंग course / Deep Learning Course</h1>
<div lang="hi"><p>Deep neural networks, CNN और RNN — हिंदी में। हर पाठ, अभ्यास, शब्दावली और slides यहाँ बिना Jupyter और बिना
internet के पढ़े जा सकते हैं। <a href="html/hi/index.html">हिंदी में शुरू कीजिए →</a></p></div>
<div lang="en"><p>Deep neural networks, CNNs and RNNs — in English. Every lesson, exercise, the glossary and the
slides can be read here with no Jupyter and no internet. <a href="html/en/index.html">Start in English →</a></p></div>
<p><a href="html/both/index.html">हिंदी + English (दोनों भाषाएँ साथ / both languages together)</a> ·
<a href="html/hi/glossary.html">शब्दावली</a> · <a href="html/en/glossary.html">Glossary</a></p>
<p class="meta">{html.escape(hi)} / {html.escape(en)}</p>
<h2>पाठ / Lessons</h2>
<ol class="lessons">{''.join(items)}</ol>
"""
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(_page("Deep Learning — हिंदी / English", body, "assets", "hi"), encoding="utf-8")
    return out


def _exercise_notebooks(names) -> list:
    found = []
    for name in names:
        path = ROOT / "exercises" / f"{name}.ipynb"
        if path.exists():
            found.append((name, nbformat.read(path, as_version=4)))
    return found


def build_site(notebooks, build: Path | None = None, rows=None, fast: bool | None = None, modules=None,
               slides: bool = True, exercises=None, strict: bool = False) -> Path:
    """Write the website for ``notebooks`` (a list of (name, executed notebook)) into ``build``.

    ``rows`` are (name, seconds, headline) for the indexes; ``exercises`` a list of (name, notebook),
    by default the practice notebooks of the same topics from ``exercises/``.
    """
    build = Path(build or ROOT / "build")
    assets = copy_assets(build, modules=modules, strict=strict)
    have_reveal = (assets / "reveal.js" / "dist" / "reveal.js").exists()
    rows = rows or [(name, None, nbfiles.headline(nb)) for name, nb in notebooks]
    exercises = _exercise_notebooks([n for n, _ in notebooks]) if exercises is None else exercises
    ex_names, names = {n for n, _ in exercises}, [n for n, _ in notebooks]
    done = set()
    if slides and have_reveal:
        slide_exporter = slidetools.slides_exporter()
        for name, nb in notebooks:
            for lang in slidetools.SLIDE_LANGS:
                slidetools.export(nb, lang, build / "slides" / lang / f"{name}.slides.html", assets, slide_exporter,
                                  title=name)
            done.add(name)
    exporter = _exporter("../../assets")
    for lang in EDITIONS:
        edition_dir = build / "html" / lang
        links = lambda name, lang=lang, d=edition_dir: _lesson_links(name, lang, d, build, ex_names, done)  # noqa: E731
        write_notebook_pages(notebooks, edition_dir, lang, build, exporter, links=links)
        write_notebook_pages(exercises, edition_dir / "exercises", lang, build, exporter, kind="exercise")
        glossary_page(edition_dir / "glossary.html", lang, build, names)
        edition_index(build / "html" / lang / "index.html", lang, build, notebooks, exercises, rows, done)
    return landing_page(build / "index.html", rows, fast, notebooks, ex_names, done)


def build_from_committed(paths=None, build: Path | None = None, modules=None) -> Path:
    """``python -m coursekit site``: the website from the committed notebooks, without running them."""
    paths = [Path(p) for p in paths] if paths else [
        p for p in sorted((ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb")) if not p.name.endswith(".run.ipynb")]
    t0 = time.perf_counter()
    notebooks = [(p.stem, nbformat.read(p, as_version=4)) for p in paths]
    index = build_site(notebooks, build, modules=modules, strict=True)
    print(f"{index}  ({len(notebooks)} notebooks, {time.perf_counter() - t0:.1f} s)", flush=True)
    return index
