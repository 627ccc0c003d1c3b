"""The course website: HTML editions a learner reads in a browser, with no Jupyter and no internet.

``make course`` (after running the notebooks) and ``python -m coursekit site`` (from the committed
notebooks, which hold the outputs of a clean full run) write into ``build/``::

    index.html                      landing page in both languages
    html/{hi,en,both}/index.html    one index per edition: notebooks, exercises, glossary, slides
    html/{hi,en,both}/NN_slug.html  every notebook, with previous / index / next links
    html/{hi,en,both}/exercises/NN_slug.html   the practice notebooks (student editions)
    html/{hi,en,both}/glossary.html the Hindi-English glossary
    slides/{hi,en}/NN_slug.slides.html         reveal.js slides (see coursekit.slides)
    assets/                         site.css, the Noto Sans Devanagari font, MathJax 3, reveal.js

Everything a page loads lies under ``build/``: MathJax and reveal.js are copied from ``node_modules``
(``npm ci`` installs them from ``package-lock.json``), the font from ``coursekit/fonts``.
"""
from __future__ import annotations

import html
import os
import re
import shutil
import sys
import time
from pathlib import Path

import nbformat

from . import notebook as nbtools
from . import slides as slidetools
from .glossary import glossary
from .slides import TEMPLATES, missing_assets_error, node_modules

ROOT = Path(__file__).resolve().parent.parent
FONTS = Path(__file__).resolve().parent / "fonts"
EDITIONS = {"hi": "केवल हिंदी", "en": "English only", "both": "हिंदी + English"}
UI = {
    "hi": {"index": "सूची", "prev": "पिछला", "next": "अगला", "notebooks": "पाठ (notebooks)",
           "exercises": "अभ्यास (exercises)", "glossary": "शब्दावली (glossary)", "slides": "slides",
           "home": "मुख पृष्ठ", "course": "डीप लर्निंग कोर्स", "time": "चलने का समय", "result": "मुख्य परिणाम",
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


SITE_CSS = """/* The course website and slides: the bundled Devanagari font first, limited to Devanagari by
   unicode-range, so Latin text keeps the system's sans-serif font. */
@font-face {
  font-family: "Noto Sans Devanagari";
  src: url("fonts/NotoSansDevanagari-Regular.ttf") format("truetype");
  font-weight: 400; font-style: normal; font-display: block;
  unicode-range: U+0900-097F, U+1CD0-1CFF, U+200C-200D, U+20B9, U+25CC, U+A8E0-A8FF;
}
@font-face {
  font-family: "Noto Sans Devanagari";
  src: url("fonts/NotoSansDevanagari-Bold.ttf") format("truetype");
  font-weight: 700; font-style: normal; font-display: block;
  unicode-range: U+0900-097F, U+1CD0-1CFF, U+200C-200D, U+20B9, U+25CC, U+A8E0-A8FF;
}
:root {
  --course-font: "Noto Sans Devanagari", system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans",
                 "DejaVu Sans", Arial, sans-serif;
  --jp-content-font-family: var(--course-font);
  --jp-ui-font-family: var(--course-font);
}
body.course-page { font-family: var(--course-font); max-width: 62rem; margin: 1.5rem auto; padding: 0 1rem;
                   line-height: 1.55; color: #1b1b1b; }
.course-page table { border-collapse: collapse; margin: 1rem 0; }
.course-page td, .course-page th { padding: .35rem .8rem; border-bottom: 1px solid #ddd; text-align: left;
                                   vertical-align: top; }
.course-page h1 { font-size: 1.9rem; }
nav.course-nav { display: flex; flex-wrap: wrap; gap: .4rem 1.2rem; align-items: center;
                 font-family: var(--course-font); font-size: 15px; padding: .6rem 1rem; margin: 0 0 1rem 0;
                 background: #f3f5f8; border: 1px solid #dde2ea; border-radius: 6px; }
nav.course-nav a { text-decoration: none; color: #0b57d0; }
nav.course-nav a:hover { text-decoration: underline; }
nav.course-nav .spacer { flex: 1; }
nav.course-nav .current { font-weight: 700; }
.course-note { background: #fff8e1; border-left: 4px solid #f4b400; padding: .5rem .9rem; }
/* slides: the Devanagari font also in reveal.js, and long slides scroll */
.reveal { --r-main-font: var(--course-font); --r-heading-font: var(--course-font); }
.reveal .slides h1, .reveal .slides h2, .reveal .slides h3, .reveal .slides h4 { text-transform: none; }
.reveal .slides > section, .reveal .slides > section > section { overflow-y: auto; max-height: 100%; }
.reveal .highlight pre { white-space: pre-wrap; overflow-wrap: anywhere; }
"""


def copy_assets(build: Path, modules: Path | None = None, strict: bool = False) -> Path:
    """Copy site.css, the font, MathJax and reveal.js into ``build/assets`` and return that folder.

    Without ``node_modules`` (no ``npm ci``) a ``strict`` build fails with a bilingual message; otherwise
    it warns: the pages are written, but their equations stay as TeX until ``npm ci`` is run.
    """
    assets = Path(build) / "assets"
    (assets / "fonts").mkdir(parents=True, exist_ok=True)
    (assets / "site.css").write_text(SITE_CSS, encoding="utf-8")
    for font in ("NotoSansDevanagari-Regular.ttf", "NotoSansDevanagari-Bold.ttf", "OFL.txt"):
        shutil.copy2(FONTS / font, assets / "fonts" / font)
    modules = Path(modules or node_modules())
    mathjax = modules / "mathjax" / "es5"
    try:
        if not (mathjax / "tex-chtml-full.js").exists():
            raise missing_assets_error(str(mathjax / "tex-chtml-full.js"))
        (assets / "mathjax").mkdir(exist_ok=True)
        shutil.copy2(mathjax / "tex-chtml-full.js", assets / "mathjax" / "tex-chtml-full.js")
        for part in ("output/chtml/fonts/woff-v2", "ui", "a11y"):
            if (mathjax / part).is_dir():
                shutil.copytree(mathjax / part, assets / "mathjax" / part, dirs_exist_ok=True)
        slidetools.copy_reveal(assets, modules)
    except Exception as error:
        if strict:
            raise
        print(f"WARNING / चेतावनी: {error}", file=sys.stderr, flush=True)
    return assets


def _exporter(assets_rel: str):
    from nbconvert import HTMLExporter

    return HTMLExporter(template_name="course_lab", extra_template_basedirs=[str(TEMPLATES)],
                        extra_template_paths=[str(TEMPLATES / "shared")],
                        mathjax_url=f"{assets_rel}/mathjax/tex-chtml-full.js")


def _title(nb, fallback: str) -> str:
    """The notebook's title from its first heading, in one language (``Hindi / English`` split)."""
    first = next((c.source for c in nb.cells if c.cell_type == "markdown"), "")
    line = next((ln for ln in first.splitlines() if ln.startswith("# ")), "")
    return line[2:].strip() or fallback


def _pick(title: str, lang: str) -> str:
    if lang == "both" or " / " not in title:
        return title
    number, _, rest = title.partition(" · ")
    hi, _, en = (rest or title).rpartition(" / ")
    chosen = hi if lang == "hi" else en
    return f"{number} · {chosen}" if rest else chosen


def _nav(lang: str, here: Path, edition_dir: Path, build: Path, prev=None, nxt=None, siblings=None) -> str:
    """The navigation bar: home, index, previous / next, and the same page in the other editions."""
    a = lambda target, text, cls="": f'<a href="{_rel(target, here.parent)}"{cls}>{html.escape(text)}</a>'  # noqa: E731
    parts = [a(build / "index.html", _ui(lang, "home")), a(edition_dir / "index.html", _ui(lang, "index"))]
    if prev:
        parts.append(a(prev[0], f"← {_ui(lang, 'prev')}: {prev[1]}", ' rel="prev"'))
    if nxt:
        parts.append(a(nxt[0], f"{_ui(lang, 'next')}: {nxt[1]} →", ' rel="next"'))
    parts.append('<span class="spacer"></span>')
    for other, target in (siblings or {}).items():
        label = EDITIONS[other]
        parts.append(f'<span class="current">{html.escape(label)}</span>' if other == lang else a(target, label))
    return f'<nav class="course-nav" lang="{"hi" if lang != "en" else "en"}">{" ".join(parts)}</nav>'


def _page(title: str, body: str, assets_rel: str, lang: str, nav: str = "") -> str:
    return f"""<!DOCTYPE html>
<html lang="{'en' if lang == 'en' else 'hi'}"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<title>{html.escape(title)}</title>
<link rel="stylesheet" href="{assets_rel}/site.css"></head>
<body class="course-page">
{nav}
{body}
</body></html>
"""


def write_notebook_pages(items, edition_dir: Path, lang: str, build: Path, exporter, kind: str = "notebook"):
    """Write one HTML page per (name, notebook) into ``edition_dir`` with previous/next links."""
    edition_dir.mkdir(parents=True, exist_ok=True)
    pages = []
    for i, (name, nb) in enumerate(items):
        out = edition_dir / f"{name}.html"
        prev = (edition_dir / f"{items[i - 1][0]}.html", _pick(_title(items[i - 1][1], items[i - 1][0]), lang)) \
            if i else None
        nxt = (edition_dir / f"{items[i + 1][0]}.html", _pick(_title(items[i + 1][1], items[i + 1][0]), lang)) \
            if i + 1 < len(items) else None
        index_dir = edition_dir if kind == "notebook" else edition_dir.parent
        siblings = {other: (index_dir.parent / other / out.relative_to(index_dir)) for other in EDITIONS}
        nav = _nav(lang, out, index_dir, build, prev, nxt, siblings)
        one = nbtools.edition(nb, lang)
        one.cells = [c for c in one.cells if slidetools.slide_type(c) != "notes"]   # speaker notes: slides only
        one.metadata.pop("widgets", None)     # widget state would load its JavaScript from the internet
        assets_rel = _rel(build / "assets", out.parent)
        exporter.mathjax_url = f"{assets_rel}/mathjax/tex-chtml-full.js"
        resources = {"metadata": {"name": _pick(_title(nb, name), lang)},
                     "course": {"assets": assets_rel, "nav": nav, "nav_bottom": nav.replace(
                         'class="course-nav"', 'class="course-nav bottom"'), "lang": lang}}
        body, _ = exporter.from_notebook_node(one, resources=resources)
        out.write_text(body, encoding="utf-8")
        pages.append(out)
    return pages


def glossary_page(out: Path, lang: str, build: Path) -> Path:
    rows = glossary()
    meaning = {"hi": ["meaning_hi"], "en": ["meaning_en"], "both": ["meaning_hi", "meaning_en"]}[lang]
    head = ["हिंदी", "English", *[{"meaning_hi": "अर्थ", "meaning_en": "Meaning"}[m] for m in meaning], "notebook"]
    cells = lambda values, tag: "".join(f"<{tag}>{html.escape(v)}</{tag}>" for v in values)  # noqa: E731
    table = "".join(f"<tr>{cells([r['hindi'], r['english'], *[r[m] for m in meaning], r['notebook']], 'td')}</tr>"
                    for r in rows)
    body = (f"<h1>{html.escape(_ui(lang, 'glossary'))}</h1>\n<p>{len(rows)} terms · "
            f"<code>coursekit/data/glossary.csv</code></p>\n<table><tr>{cells(head, 'th')}</tr>{table}</table>")
    siblings = {other: out.parent.parent / other / out.name for other in EDITIONS}
    nav = _nav(lang, out, out.parent, build, siblings=siblings)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(_page(_ui(lang, "glossary"), body, _rel(build / "assets", out.parent), lang, nav), encoding="utf-8")
    return out


def edition_index(out: Path, lang: str, build: Path, notebooks, exercises, rows=None, slides=()) -> Path:
    """The index of one edition: every notebook (with its slides, run time, headline), exercises, glossary."""
    info = {name: (seconds, result) for name, seconds, result in rows or []}
    trs = []
    for name, nb in notebooks:
        links = [f'<a href="{name}.html">{html.escape(_pick(_title(nb, name), lang))}</a>']
        for slide_lang in ([lang] if lang != "both" else ["hi", "en"]):
            target = build / "slides" / slide_lang / f"{name}.slides.html"
            if name in slides:
                links.append(f'<a href="{_rel(target, out.parent)}">{_ui(slide_lang, "slides")} ({slide_lang})</a>')
        seconds, result = info.get(name, (None, ""))
        trs.append(f"<tr><td>{' · '.join(links)}</td><td>{'' if seconds is None else f'{seconds:.0f} s'}</td>"
                   f"<td>{html.escape(result)}</td></tr>")
    ex = "".join(f'<li><a href="exercises/{name}.html">{html.escape(_pick(_title(nb, name), lang))}</a></li>'
                 for name, nb in exercises)
    body = f"""<h1>{html.escape(_ui(lang, 'course'))} — {html.escape(EDITIONS[lang])}</h1>
<h2>{html.escape(_ui(lang, 'notebooks'))}</h2>
<table><tr><th>notebook</th><th>{html.escape(_ui(lang, 'time'))}</th><th>{html.escape(_ui(lang, 'result'))}</th></tr>
{''.join(trs)}</table>
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


def landing_page(out: Path, rows, fast: bool | None = None) -> Path:
    """build/index.html: both languages, links to every edition index and every notebook page."""
    items = []
    for name, seconds, result in rows:
        links = " · ".join(f'<a href="html/{lang}/{name}.html">{label}</a>' for lang, label in EDITIONS.items())
        items.append(f"<tr><td>{html.escape(name)}</td><td>{links}</td>"
                     f"<td>{'' if seconds is None else f'{seconds:.0f} s'}</td><td>{html.escape(result)}</td></tr>")
    run = {True: "<p>Fast parameters (FAST=1).</p>", False: "<p>Full settings.</p>",
           None: "<p>Outputs of the committed notebooks (a clean full run).</p>"}[fast]
    body = f"""<h1>डीप लर्निंग कोर्स / Deep Learning Course</h1>
<div lang="hi"><p>गहरे न्यूरल नेटवर्क, CNN और RNN — हिंदी में। हर पाठ, अभ्यास, शब्दावली और slides यहाँ बिना Jupyter और बिना
internet के पढ़े जा सकते हैं। <a href="html/hi/index.html">हिंदी में शुरू कीजिए →</a></p></div>
<div lang="en"><p>Deep neural networks, CNNs and RNNs — in English. Every lesson, exercise, the glossary and the
slides can be read here with no Jupyter and no internet. <a href="html/en/index.html">Start in English →</a></p></div>
<p><a href="html/both/index.html">हिंदी + English (दोनों भाषाएँ साथ / both languages together)</a> ·
<a href="html/hi/glossary.html">शब्दावली</a> · <a href="html/en/glossary.html">Glossary</a></p>
{run}
<table><tr><th>Notebook</th><th>Editions</th><th>Run time</th><th>Headline result</th></tr>
{''.join(items)}</table>
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
    rows = rows or [(name, None, nbtools.headline(nb)) for name, nb in notebooks]
    exercises = _exercise_notebooks([n for n, _ in notebooks]) if exercises is None else exercises
    exporter = _exporter("../../assets")
    for lang in EDITIONS:
        edition_dir = build / "html" / lang
        write_notebook_pages(notebooks, edition_dir, lang, build, exporter)
        write_notebook_pages(exercises, edition_dir / "exercises", lang, build, exporter, kind="exercise")
        glossary_page(edition_dir / "glossary.html", lang, build)
    done = set()
    if slides and have_reveal:
        slide_exporter = slidetools.slides_exporter()
        for name, nb in notebooks:
            for lang in slidetools.SLIDE_LANGS:
                slidetools.export(nb, lang, build / "slides" / lang / f"{name}.slides.html", assets, slide_exporter,
                                  title=name)
            done.add(name)
    for lang in EDITIONS:
        edition_index(build / "html" / lang / "index.html", lang, build, notebooks, exercises, rows, done)
    return landing_page(build / "index.html", rows, fast)


def build_from_committed(paths=None, build: Path | None = None, modules=None) -> Path:
    """``python -m coursekit site``: the website from the committed notebooks, without running them."""
    paths = [Path(p) for p in paths] if paths else [
        p for p in sorted((ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb")) if not p.name.endswith(".run.ipynb")]
    t0 = time.perf_counter()
    notebooks = [(p.stem, nbformat.read(p, as_version=4)) for p in paths]
    index = build_site(notebooks, build, modules=modules, strict=True)
    print(f"{index}  ({len(notebooks)} notebooks, {time.perf_counter() - t0:.1f} s)", flush=True)
    return index
