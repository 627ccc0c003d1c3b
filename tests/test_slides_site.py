"""Slide metadata, the reveal.js exports and the offline website (no browser; see tests/browser/ for that)."""
import html
import re
from pathlib import Path

import nbformat
import pytest
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook, new_output

from coursekit.i18n import CourseError
from coursekit.tooling import assets, site, slides, validator

ROOT = Path(__file__).resolve().parent.parent
ANNOTATED = sorted((ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb"))


def _md(text, tag=None, kind=None):
    c = new_markdown_cell(text)
    if tag:
        c.metadata["tags"] = [tag]
    if kind:
        c.metadata["slideshow"] = {"slide_type": kind}
    return c


def _demo():
    params = new_code_cell("import os\nFAST = os.environ.get('COURSEKIT_FAST') == '1'", execution_count=1)
    params.metadata["tags"] = ["parameters"]
    long_log = new_code_cell("for i in range(40): print(i)", execution_count=5,
                             outputs=[new_output("stream", name="stdout", text="".join(f"{i}\n" for i in range(40)))])
    return new_notebook(cells=[
        _md("# 01 · डेमो / Demo"),
        _md("परिचय, $z = w x + b$।", "lang-hi"), _md("Introduction, $z = w x + b$.", "lang-en"),
        params,
        new_code_cell("EPOCHS = 2 if FAST else 30\nBATCH = 64", execution_count=2),
        new_code_cell("import torch\nimport coursekit", execution_count=3),
        _md("## 1. पहला भाग", "lang-hi"), _md("## 1. Part one", "lang-en"),
        _md("**शिक्षक के लिए:** पहले पूछिए।", "lang-hi", "notes"), _md("**For the instructor:** ask first.", "lang-en", "notes"),
        _md("छोटी बात।", "lang-hi"), _md("A short point.", "lang-en"),
        new_code_cell("print(1 + 1)", execution_count=4, outputs=[new_output("stream", name="stdout", text="2\n")]),
        long_log,
        _md("### 1.1 उप-भाग", "lang-hi"), _md("### 1.1 Sub-part", "lang-en"),
        _md("लंबा पाठ। " * 400, "lang-hi"), _md("Long text. " * 400, "lang-en"),
    ])


def _kinds(nb):
    return [c.metadata["slideshow"]["slide_type"] for c in nb.cells]


def test_annotate_sets_every_cell_by_rule_and_is_idempotent():
    nb = _demo()
    assert slides.missing_metadata(nb) == list(range(len(nb.cells))[:8]) + list(range(10, len(nb.cells)))
    assert slides.annotate(nb) > 0
    assert _kinds(nb) == ["slide", "fragment", "-", "skip", "skip", "skip", "slide", "-", "notes", "notes",
                          "fragment", "-", "-", "subslide", "subslide", "-", "subslide", "-"]   # the log is shown
    assert slides.missing_metadata(nb) == [] and nb.metadata["rise"]["scroll"] is True
    assert slides.annotate(nb) == 0


def test_annotate_file_touches_only_metadata(tmp_path):
    path = tmp_path / "01_demo.ipynb"
    nbformat.write(_demo(), path)
    before = nbformat.read(path, as_version=4)
    assert slides.annotate_file(path) > 0 and slides.annotate_file(path) == 0
    after = nbformat.read(path, as_version=4)
    assert [c.source for c in after.cells] == [c.source for c in before.cells]
    assert [c.get("outputs") for c in after.cells] == [c.get("outputs") for c in before.cells]


def test_single_language_slides_carry_the_slide_type_to_the_twin():
    nb = _demo()
    slides.annotate(nb)
    en = slides.slide_edition(nb, "en")
    assert en.cells[0].source == "# 01 · Demo"
    by_source = {c.source.splitlines()[0]: c.metadata["slideshow"]["slide_type"] for c in en.cells if c.source}
    assert by_source["## 1. Part one"] == "slide" and by_source["### 1.1 Sub-part"] == "subslide"
    assert by_source["Introduction, $z = w x + b$."] == "fragment"
    assert not any("lang-hi" in c.metadata.get("tags", []) for c in en.cells)
    hi = slides.slide_edition(nb, "hi")
    assert hi.cells[0].source == "# 01 · डेमो" and hi.metadata["language_edition"] == "hi"
    log = [c for c in hi.cells if c.cell_type == "code" and "range(40)" in c.source or
           c.metadata.get("transient", {}).get("remove_source")]
    assert "".join(o.text for c in log for o in c.outputs) == "".join(f"{i}\n" for i in range(40))  # whole
    with pytest.raises(ValueError):
        slides.slide_edition(nb, "both")


@pytest.mark.parametrize("path", ANNOTATED, ids=[p.name for p in ANNOTATED])
def test_topic_notebooks_have_slides_and_bilingual_speaker_notes(path):
    nb = nbformat.read(path, as_version=4)
    assert slides.missing_metadata(nb) == []
    copy = nbformat.from_dict(nb)
    assert slides.annotate(copy) == 0, "run: python -m coursekit slides --annotate " + path.name
    notes = [c for c in nb.cells if c.metadata["slideshow"]["slide_type"] == "notes"]
    assert len(notes) >= 4 and {t for c in notes for t in c.metadata["tags"]} == {"lang-hi", "lang-en"}
    assert sum(c.metadata["slideshow"]["slide_type"] == "slide" for c in nb.cells) >= 5


def _shown(nb):
    """(slide number, cell) of every cell shown on a slide of a one-language edition."""
    n, out = 0, []
    for c in nb.cells:
        kind = c.metadata["slideshow"]["slide_type"]
        if kind in ("skip", "notes"):
            continue
        n += kind in ("slide", "subslide")
        out.append((n, c))
    return out


def _per_slide(nb):
    heights = {}
    for n, c in _shown(nb):
        heights[n] = heights.get(n, 0) + slides.height(c)
    return heights


def test_a_tall_markdown_table_is_cut_between_rows_with_its_header():
    rows = "\n".join(f"| row {i} | {'value ' * 6}{i} |" for i in range(60))
    nb = new_notebook(cells=[_md("# 01 · डेमो / Demo"), _md("## तालिका", "lang-hi"), _md("## Table", "lang-en"),
                             _md(f"| name | value |\n|---|---|\n{rows}", "lang-hi"),
                             _md(f"| name | value |\n|---|---|\n{rows}", "lang-en")])
    slides.annotate(nb)
    en = slides.slide_edition(nb, "en")
    pieces = [c for _, c in _shown(en) if "| name | value |" in c.source]
    assert len(pieces) >= 3 and all(c.source.startswith("| name | value |\n|---|---|") for c in pieces)
    assert [f"row {i} |" in "".join(c.source for c in pieces) for i in range(60)] == [True] * 60   # none elided
    assert max(_per_slide(en).values()) <= slides.BUDGET


def test_long_code_and_output_are_cut_by_lines_and_markers_removed():
    source = "# NBVAL_CHECK_OUTPUT\n" + "\n".join(f"x{i} = {i}  # step {i}" for i in range(45)) + "\nprint(x0)"
    cell = new_code_cell(source, execution_count=1, outputs=[
        new_output("stream", name="stdout", text="".join(f"{i:3d} {'#' * 30}\n" for i in range(50))),
        new_output("display_data", data={"application/vnd.jupyter.widget-view+json": {"model_id": "x"},
                                         "text/plain": "HBox()"})])
    nb = new_notebook(cells=[_md("# 01 · Demo"), _md("## Part"), cell])
    slides.annotate(nb)
    for lang in ("hi", "en"):
        ed = slides.slide_edition(nb, lang)
        code = [c for _, c in _shown(ed) if c.cell_type == "code"]
        assert len(code) >= 3 and max(_per_slide(ed).values()) <= slides.BUDGET
        assert "NBVAL" not in "".join(c.source for c in code)
        assert "".join(c.source + "\n" for c in code if c.source).splitlines() == source.splitlines()[1:]
        texts = [o.text for c in code for o in c.outputs]
        assert "".join(texts) == cell.outputs[0].text                       # every line, in order, once
        assert not any("widget" in str(o.get("data", {})) for c in code for o in c.outputs)   # no progress bars
        mixed = [c for c in code if c.source and c.outputs]
        assert mixed, "the first output lines share the slide with the end of the code"


def test_a_dataframe_is_cut_between_rows_and_a_short_cell_keeps_its_figure():
    import base64
    import struct
    import zlib

    rows = "".join(f"<tr><th>{i}</th><td>sentence number {i} with some words</td><td>0.{i:02d}</td></tr>"
                   for i in range(40))
    table = f"<div><table class=\"dataframe\"><thead><tr><th></th><th>text</th><th>p</th></tr></thead>" \
            f"<tbody>{rows}</tbody></table></div>"
    png = b"\x89PNG\r\n\x1a\n" + struct.pack(">I", 13) + b"IHDR" + struct.pack(">II", 900, 700) + b"\x08\x06\0\0\0"
    png += struct.pack(">I", zlib.crc32(png[12:29]))
    figure = new_output("display_data", data={"image/png": base64.b64encode(png).decode(), "text/plain": "<Figure>"})
    nb = new_notebook(cells=[
        _md("# 01 · Demo"), _md("## Part"),
        new_code_cell("df", execution_count=1, outputs=[new_output("execute_result", execution_count=1,
                                                                    data={"text/html": table, "text/plain": "df"})]),
        new_code_cell("\n".join(f"line{i} = {i}" for i in range(8)) + "\nplt.show()", execution_count=2,
                      outputs=[figure])])
    slides.annotate(nb)
    ed = slides.slide_edition(nb, "en")
    tables = [o["data"]["text/html"] for _, c in _shown(ed) for o in c.get("outputs", []) if "text/html" in o["data"]]
    assert len(tables) >= 2 and all("<thead><tr><th></th><th>text</th>" in t and "</tbody></table></div>" in t
                                    for t in tables)
    body = [int(i) for t in tables for i in re.findall(r"<tr><th>(\d+)</th>", t)]
    assert body == list(range(40))                                    # every row, in order, once
    [fig_cell] = [c for _, c in _shown(ed) if c.source.startswith("line0")]
    assert fig_cell.outputs and any(t.startswith("slide-img-") for t in fig_cell.metadata["tags"])
    assert slides.height(fig_cell) <= slides.BUDGET


def test_wide_code_gets_a_smaller_font_instead_of_wrapping():
    from coursekit.tooling import slidefit

    wide = "print('" + "x" * 100 + "')"
    nb = new_notebook(cells=[_md("# 01 · Demo"), _md("## Part"), new_code_cell(wide, execution_count=1, outputs=[
        new_output("stream", name="stdout", text="a   " * 30 + "\n")]), new_code_cell("y = 1", execution_count=2)])
    slides.annotate(nb)
    ed = slides.slide_edition(nb, "en")
    wide_cell, short = [c for c in ed.cells if c.cell_type == "code"]
    tags = wide_cell.metadata["tags"]
    px_in = int(next(t for t in tags if t.startswith("slide-in-"))[9:])
    px_out = int(next(t for t in tags if t.startswith("slide-out-"))[10:])
    assert slidefit.MIN_CODE_PX <= px_in < slidefit.CODE_PX and slidefit.MONO * px_in * len(wide) <= slidefit.TEXT_W
    assert px_out < slidefit.CODE_PX and not any(t.startswith("slide-") for t in short.metadata.get("tags", []))


def test_every_section_slide_has_speaker_notes():
    nb = _demo()
    nb.cells += [_md("## 2. दूसरा भाग", "lang-hi"), _md("## 2. Part two", "lang-en"),
                 _md("### 2.1 छोटा", "lang-hi"), _md("### 2.1 Small", "lang-en"),
                 new_code_cell("plot()", execution_count=9, outputs=[new_output("stream", name="stdout", text="ok\n")])]
    slides.annotate(nb)
    for lang in ("hi", "en"):
        ed = slides.slide_edition(nb, lang)
        cells = ed.cells
        starts = [i for i, c in enumerate(cells) if c.metadata["slideshow"]["slide_type"] == "slide"]
        for a, b in zip(starts, starts[1:] + [len(cells)]):
            assert any(c.metadata["slideshow"]["slide_type"] == "notes" for c in cells[a:b]), (lang, a)
        generated = [c.source for c in cells if "generated-notes" in c.metadata.get("tags", [])]
        assert len(generated) == 2 and "ask first" not in " ".join(generated)           # 1. keeps its own note
        assert ("2.1 Small" in generated[1] and "`plot()`" in generated[1]) if lang == "en" else "section" in generated[1] and "भाग" not in generated[1]
        assert all(f"lang-{lang}" in c.metadata["tags"] for c in cells if c.metadata["slideshow"]["slide_type"]
                   == "notes")


def test_validator_requires_slide_metadata_on_topic_notebooks(tmp_path):
    path = tmp_path / "01_demo.ipynb"
    nbformat.write(_demo(), path)
    assert any("slide metadata" in p for p in validator.validate(path))
    assert not any("slide metadata" in p for p in validator.validate(path, require_outputs=False))
    slides.annotate_file(path)
    assert validator.validate(path) == []


def _fake_node_modules(tmp_path):
    mods = tmp_path / "node_modules"
    for rel in ["reveal.js/dist/reveal.js", "reveal.js/dist/reveal.css", "reveal.js/dist/theme/white.css",
                "reveal.js/plugin/notes/notes.js", "mathjax/es5/tex-chtml-full.js",
                "mathjax/es5/output/chtml/fonts/woff-v2/MathJax_Main-Regular.woff"]:
        (mods / rel).parent.mkdir(parents=True, exist_ok=True)
        (mods / rel).write_text("/* stub */")
    return mods


def test_slides_export_uses_local_reveal_and_mathjax(tmp_path):
    mods = _fake_node_modules(tmp_path)
    nb = _demo()
    slides.annotate(nb)
    path = tmp_path / "01_demo.ipynb"
    nbformat.write(nb, path)
    out = slides.export_all([path], build=tmp_path / "build", modules=mods)
    assert [p.relative_to(tmp_path / "build").as_posix() for p in out] == [
        "slides/hi/01_demo.slides.html", "slides/en/01_demo.slides.html"]
    page = out[1].read_text(encoding="utf-8")
    assert 'src="../../assets/reveal.js/dist/reveal.js"' in page
    assert 'src="../../assets/mathjax/tex-chtml-full.js"' in page
    assert '<aside class="notes">' in page and "ask first" in page and "पहले पूछिए" not in page
    assert "width: 1280" in page and "height: 720" in page and "fitSlide" in page         # 16:9, a safety net
    assert "font-size: 32px" in page and ".celltag_slide-out-20 .jp-OutputArea pre { font-size: 20px; }" in page
    assert not re.search(r'(src|href)="https?://', page)
    assert (tmp_path / "build" / "assets" / "reveal.js" / "plugin" / "notes" / "notes.js").exists()


def test_missing_reveal_gives_a_bilingual_error(tmp_path):
    with pytest.raises(CourseError, match="npm ci") as err:
        slides.export_all([], build=tmp_path / "build", modules=tmp_path / "nothing")
    assert "नहीं मिला" in str(err.value)


def test_site_pages_navigation_glossary_and_exercises(tmp_path):
    mods = _fake_node_modules(tmp_path)
    build = tmp_path / "build"
    nb_a, nb_b = _demo(), _demo()
    nb_b.cells[0].source = "# 02 · दूसरा / Second"
    exercise = new_notebook(cells=[_md("# अभ्यास 01: डेमो\n# Practice 01: Demo"), new_code_cell("q1.check(____)")])
    nb_a.cells[12].source = "# NBVAL_CHECK_OUTPUT\nprint(1 + 1)"
    index = site.build_site([("01_demo", nb_a), ("02_demo", nb_b)], build, rows=[("01_demo", 3.0, "acc: 90%"),
                            ("02_demo", 4.0, "")], fast=True, modules=mods, exercises=[("01_demo", exercise)])
    landing = index.read_text(encoding="utf-8")
    assert 'href="html/hi/index.html"' in landing and 'href="html/en/index.html"' in landing
    assert 'href="html/hi/01_demo.html"' in landing and "FAST=1" in landing
    first = (build / "html" / "en" / "01_demo.html").read_text(encoding="utf-8")
    assert 'href="02_demo.html" rel="next"' in first and 'href="index.html"' in first
    assert 'href="../hi/01_demo.html"' in first and 'src="../../assets/mathjax/tex-chtml-full.js"' in first
    assert 'href="../../assets/site.css"' in first and "Part one" in first and "पहला भाग" not in first
    assert "ask first" not in first                     # speaker notes stay in the notebooks and slides
    second = (build / "html" / "hi" / "02_demo.html").read_text(encoding="utf-8")
    assert 'href="01_demo.html" rel="prev"' in second
    css = (build / "assets" / "site.css").read_text(encoding="utf-8")
    assert 'url("fonts/NotoSansDevanagari-Regular.ttf")' in css and (build / "assets/fonts/OFL.txt").exists()
    edition = (build / "html" / "hi" / "index.html").read_text(encoding="utf-8")
    assert 'href="exercises/01_demo.html"' in edition and 'href="glossary.html"' in edition
    assert "make solutions" in edition and 'href="../../slides/hi/01_demo.slides.html"' in edition
    assert (build / "html" / "both" / "exercises" / "01_demo.html").exists()
    glossary = (build / "html" / "en" / "glossary.html").read_text(encoding="utf-8")
    assert "activation function" in glossary and "Meaning" in glossary
    # titles, not file names; every lesson with its slides and exercises
    assert "01 · डेमो" in landing and "01 · Demo" in landing and "02 · Second" in landing
    assert 'href="slides/en/01_demo.slides.html"' in landing and 'href="html/both/exercises/01_demo.html"' in landing
    assert "<td>01_demo</td>" not in landing and "Full settings" not in landing
    for link in ('href="../../slides/en/01_demo.slides.html"', 'href="exercises/01_demo.html"',
                 'href="glossary.html"'):
        assert link in first, link
    assert 'href="exercises/02_demo.html"' not in (build / "html" / "en" / "02_demo.html").read_text(encoding="utf-8")
    assert "COURSEKIT_FAST" not in first and "import coursekit" not in first          # set-up cells: not for reading
    assert "NBVAL" not in first and "print" in first
    en_index = (build / "html" / "en" / "index.html").read_text(encoding="utf-8")
    en_exercise = (build / "html" / "en" / "exercises" / "01_demo.html").read_text(encoding="utf-8")
    assert "Practice 01: Demo" in en_index and "अभ्यास" not in en_index
    assert "Practice 01: Demo" in en_exercise and "अभ्यास 01" not in en_exercise
    assert "अभ्यास 01: डेमो" in (build / "html" / "hi" / "exercises" / "01_demo.html").read_text(encoding="utf-8")
    # the glossary: alphabetical, one anchor per term, a search box, links to the lesson that introduces a term
    terms = re.findall(r'<tr id="(term-[a-z0-9-]+)"><td>([^<]+)<a class="anchor" href="#\1">', glossary)
    english = [html.unescape(t) for _, t in terms]
    assert len(terms) > 100 and english == sorted(english, key=str.lower) and len({a for a, _ in terms}) == len(terms)
    assert 'id="term-activation-function"' in glossary and 'id="glossary-search"' in glossary
    hi_terms = re.findall(r'<tr id="term-[a-z0-9-]+"><td>([^<]+)<a', (build / "html" / "hi" / "glossary.html")
                          .read_text(encoding="utf-8"))
    assert hi_terms == sorted(hi_terms)
    for page in build.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        assert not re.search(r'(src|href)="https?://', text), page
        for href in re.findall(r'href="([^"#]+)', text):
            assert (page.parent / href).resolve().exists(), f"{page}: {href}"


def test_site_without_node_modules_warns_and_still_writes_pages(tmp_path, capsys):
    index = site.build_site([("01_demo", _demo())], tmp_path / "build", modules=tmp_path / "none", exercises=[])
    assert index.exists() and (tmp_path / "build" / "html" / "hi" / "01_demo.html").exists()
    assert "npm ci" in capsys.readouterr().err
    with pytest.raises(CourseError):
        site.build_site([("01_demo", _demo())], tmp_path / "b2", modules=tmp_path / "none", strict=True)


def test_cli_slides_annotate_and_site(tmp_path, monkeypatch, capsys):
    from coursekit.tooling import cli

    monkeypatch.setenv("COURSEKIT_NO_VENV", "1")
    path = tmp_path / "01_demo.ipynb"
    nbformat.write(_demo(), path)
    assert cli.main(["slides", "--annotate", str(path)]) == 0
    assert slides.missing_metadata(nbformat.read(path, as_version=4)) == []
    monkeypatch.setattr(assets, "node_modules", lambda: tmp_path / "none")
    monkeypatch.setattr(slides, "ROOT", tmp_path)
    assert cli.main(["slides", str(path)]) == 1
    assert "npm ci" in capsys.readouterr().err


def test_a_long_displayed_table_is_left_off_the_slides():
    import nbformat as nbf

    table = "| a | b |\n|---|---|\n" + "".join(f"| {i} | x |\n" for i in range(100))
    long_cell = nbf.v4.new_code_cell("show_glossary()", outputs=[nbf.v4.new_output(
        "display_data", data={"text/markdown": table, "text/plain": "<Markdown>"})])
    short_cell = nbf.v4.new_code_cell("x", outputs=[nbf.v4.new_output(
        "display_data", data={"text/markdown": "| a |\n|---|\n| 1 |\n", "text/plain": "<Markdown>"})])
    nb = nbf.v4.new_notebook(cells=[nbf.v4.new_markdown_cell("# 99 · शीर्षक / Title"), long_cell, short_cell])
    slides.annotate(nb)
    assert slides.slide_type(long_cell) == "skip" and slides.slide_type(short_cell) != "skip"
