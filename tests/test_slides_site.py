"""Slide metadata, the reveal.js exports and the offline website (no browser; see tests/browser/ for that)."""
import re
from pathlib import Path

import nbformat
import pytest
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook, new_output

from coursekit import notebook as nbtools
from coursekit import site, slides
from coursekit.i18n import CourseError

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
                          "fragment", "-", "-", "skip", "subslide", "-", "subslide", "-"]
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
    by_source = {c.source.splitlines()[0]: c.metadata["slideshow"]["slide_type"] for c in en.cells}
    assert by_source["## 1. Part one"] == "slide" and by_source["### 1.1 Sub-part"] == "subslide"
    assert by_source["Introduction, $z = w x + b$."] == "fragment"
    assert not any("lang-hi" in c.metadata.get("tags", []) for c in en.cells)
    hi = slides.slide_edition(nb, "hi")
    assert hi.cells[0].source == "# 01 · डेमो" and hi.metadata["language_edition"] == "hi"
    log = next(c for c in hi.cells if "range(40)" in c.source)
    assert len(log.outputs[0].text.splitlines()) <= slides.SLIDE_OUTPUT_LINES + 1
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


def test_validator_requires_slide_metadata_on_topic_notebooks(tmp_path):
    path = tmp_path / "01_demo.ipynb"
    nbformat.write(_demo(), path)
    assert any("slide metadata" in p for p in nbtools.validate(path))
    assert not any("slide metadata" in p for p in nbtools.validate(path, require_outputs=False))
    slides.annotate_file(path)
    assert nbtools.validate(path) == []


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
    exercise = new_notebook(cells=[_md("# अभ्यास 01 / Practice 01"), new_code_cell("q1.check(____)")])
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
    from coursekit import __main__ as cli

    monkeypatch.setenv("COURSEKIT_NO_VENV", "1")
    path = tmp_path / "01_demo.ipynb"
    nbformat.write(_demo(), path)
    assert cli.main(["slides", "--annotate", str(path)]) == 0
    assert slides.missing_metadata(nbformat.read(path, as_version=4)) == []
    monkeypatch.setattr(slides, "node_modules", lambda: tmp_path / "none")
    monkeypatch.setattr(slides, "ROOT", tmp_path)
    assert cli.main(["slides", str(path)]) == 1
    assert "npm ci" in capsys.readouterr().err
