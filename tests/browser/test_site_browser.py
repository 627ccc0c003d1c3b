"""The offline website and slides in headless Chromium: typeset maths, the bundled Devanagari font,
working links, and not one request that leaves this machine; every slide fits a 1280 × 720 screen; no page is
wider than a phone."""
import functools
import http.server
import re
import threading

import pytest
from browser_helpers import ROOT, platform_fonts

pytestmark = [pytest.mark.browser, pytest.mark.timeout(300)]

RAW_MATH_JS = """() => {
  const skip = new Set(["PRE", "CODE", "SCRIPT", "STYLE", "MJX-CONTAINER", "TEXTAREA"]);
  const parts = [];
  const walk = (node) => {
    for (const child of node.childNodes) {
      if (child.nodeType === Node.TEXT_NODE) parts.push(child.textContent);
      else if (child.nodeType === Node.ELEMENT_NODE && !skip.has(child.tagName)) walk(child);
    }
  };
  walk(document.body);
  return parts.join(" ");
}"""


def _open(page, url):
    response = page.goto(url, wait_until="load")
    assert response is not None and response.status == 200, url
    return response


def _wait_for_maths(page):
    page.wait_for_selector("html[data-mathjax=done]", timeout=60_000)


def _devanagari_font(page, selector):
    fonts = platform_fonts(page, selector)
    deva = [f for f in fonts if "Devanagari" in f["familyName"]]
    assert deva and sum(f["glyphCount"] for f in deva) > 3, fonts
    return deva


def test_landing_index_and_navigation(context, site_url, artifacts):
    page = context.new_page()
    _open(page, f"{site_url}/index.html")
    page.screenshot(path=str(artifacts / "site_landing.png"))
    page.click("text=हिंदी में शुरू कीजिए")
    assert page.url.endswith("/html/hi/index.html")
    assert page.locator("a[href='00_welcome.html']").count() == 1
    assert page.locator("a[href='glossary.html']").count() == 1
    page.screenshot(path=str(artifacts / "site_hi_index.png"), full_page=True)
    page.click("a[href='00_welcome.html']")
    _wait_for_maths(page)
    page.click("nav.course-nav >> nth=0 >> a[rel=next]")
    assert page.url.endswith("/html/hi/03_vanishing_exploding_gradients.html")
    _wait_for_maths(page)
    page.click("nav.course-nav >> nth=0 >> a[rel=prev]")
    assert page.url.endswith("/html/hi/00_welcome.html")
    page.click("nav.course-nav >> nth=0 >> text=English only")
    assert page.url.endswith("/html/en/00_welcome.html")
    page.click("nav.course-nav >> nth=0 >> text=Index")
    page.click("a[href='exercises/03_vanishing_exploding_gradients.html']")
    assert page.url.endswith("/html/en/exercises/03_vanishing_exploding_gradients.html")
    page.click("nav.course-nav >> nth=0 >> text=Index")
    page.click("a[href='glossary.html']")
    assert page.locator("table tr").count() > 10
    assert context.request_log.external() == []


def test_every_link_of_the_site_resolves(context, site_url, built_site):
    """Load every page and ask for every relative link target: all answer 200."""
    page = context.new_page()
    pages = sorted(p.relative_to(built_site).as_posix() for p in built_site.rglob("*.html"))
    checked = set()
    for rel in pages:
        _open(page, f"{site_url}/{rel}")
        hrefs = page.eval_on_selector_all("a[href]", "els => els.map(e => e.href)")
        for href in hrefs:
            target = href.split("#")[0]
            if target.startswith(site_url) and target not in checked:
                checked.add(target)
                assert page.request.get(target).status == 200, f"{rel} links to a missing page: {href}"
    assert len(checked) > 20
    assert context.request_log.external() == []


def test_equations_typeset_and_hindi_in_bundled_font(context, site_url, artifacts):
    page = context.new_page()
    _open(page, f"{site_url}/html/hi/03_vanishing_exploding_gradients.html")
    _wait_for_maths(page)
    assert page.locator("mjx-container").count() > 10
    text = page.evaluate(RAW_MATH_JS)
    raw = re.findall(r"\$\$?[^$\n]{1,80}\$\$?", text)
    assert raw == [], raw[:5]
    assert "\\approx" not in text and "\\frac" not in text
    loaded = page.evaluate("""async () => { await document.fonts.ready;
        return [...document.fonts].filter(f => f.family.includes('Noto Sans Devanagari') && f.status === 'loaded')
                                 .map(f => f.weight); }""")
    assert "400" in loaded or "normal" in loaded, loaded
    page.evaluate("""() => { const p = [...document.querySelectorAll('.jp-RenderedMarkdown p')]
        .find(e => /[\\u0900-\\u097F]/.test(e.textContent)); p.setAttribute('data-test-hindi', '1');
        p.scrollIntoView(); }""")
    deva = _devanagari_font(page, "[data-test-hindi]")
    assert any(f["isCustomFont"] for f in deva), deva      # the bundled web font, not a system font
    page.locator("mjx-container[display=true]").first.evaluate("el => el.scrollIntoView({block: 'center'})")
    page.screenshot(path=str(artifacts / "site_hi_03_maths.png"))
    assert context.request_log.external() == []


def test_english_page_and_glossary(context, site_url, artifacts):
    page = context.new_page()
    _open(page, f"{site_url}/html/en/00_welcome.html")
    _wait_for_maths(page)
    assert "The topics of the course" in page.content() and "course के विषय" not in page.content()
    page.screenshot(path=str(artifacts / "site_en_00.png"))
    _open(page, f"{site_url}/html/both/glossary.html")
    page.evaluate("() => document.querySelector('table td').setAttribute('data-test-hindi', '1')")
    _devanagari_font(page, "[data-test-hindi]")
    page.screenshot(path=str(artifacts / "site_glossary.png"))
    assert context.request_log.external() == []


@pytest.mark.parametrize("lang", ["hi", "en"])
def test_slides_run_offline(context, site_url, artifacts, lang):
    page = context.new_page()
    _open(page, f"{site_url}/slides/{lang}/03_vanishing_exploding_gradients.slides.html")
    page.wait_for_selector("html[data-reveal=ready]", timeout=60_000)
    _wait_for_maths(page)
    total = page.evaluate("() => Reveal.getTotalSlides()")
    assert total > 8
    assert page.locator(".reveal aside.notes").count() >= 2          # speaker notes are in the slides
    page.screenshot(path=str(artifacts / f"slides_{lang}_03_title.png"))
    for _ in range(4):
        page.keyboard.press("ArrowRight")
    page.wait_for_timeout(800)
    page.screenshot(path=str(artifacts / f"slides_{lang}_03_next.png"))
    current = page.evaluate("() => Reveal.getCurrentSlide().innerText")
    if lang == "hi":
        assert re.search(r"[\u0900-\u097F]", current)
    else:
        assert not re.search(r"[\u0900-\u097F]{5,}", current), current[:300]
    assert page.locator(".reveal mjx-container").count() > 0
    assert context.request_log.external() == []


# -- slides made for projection -------------------------------------------------------------------------------------
SLIDE_HEIGHTS_JS = """() => {
  Reveal.configure({viewDistance: 10000, mobileViewDistance: 10000, transition: 'none'});
  return Reveal.getSlides().map(s => { s.style.zoom = ''; const i = Reveal.getIndices(s);
    return {h: i.h, v: i.v || 0, height: s.scrollHeight, width: s.scrollWidth, text: s.innerText.slice(0, 60)}; });
}"""
BODY_FONT_JS = """() => { const p = document.querySelector('.reveal .jp-RenderedHTMLCommon p');
  return p ? parseFloat(getComputedStyle(p).fontSize) : 0; }"""


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture(scope="session")
def all_slides(tmp_path_factory):
    """The slides of every topic notebook in both languages (as `make slides` writes them)."""
    from coursekit.tooling import slides
    from coursekit.tooling.assets import copy_assets

    build = tmp_path_factory.mktemp("slides")
    assets = copy_assets(build, strict=True)
    exporter = slides.slides_exporter()
    names = []
    for path in sorted((ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb")):
        if path.name.endswith(".run.ipynb"):
            continue
        nb = slides.nbformat.read(path, as_version=4)
        for lang in slides.SLIDE_LANGS:
            slides.export(nb, lang, build / "slides" / lang / f"{path.stem}.slides.html", assets, exporter)
        names.append(path.stem)
    handler = functools.partial(_Quiet, directory=str(build))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}", names
    server.shutdown()
    server.server_close()


@pytest.mark.timeout(600)
def test_every_slide_of_every_deck_fits_a_1280x720_screen(browser, all_slides, artifacts):
    """Measure every slide of all 19 decks × 2 languages in Chromium: none is taller or wider than the canvas
    (the runtime fit is switched off while measuring), body text is 32 px (24 pt), no test markers show."""
    import json

    url, names = all_slides
    page = browser.new_page(viewport={"width": 1280, "height": 720})
    report, over = {}, []
    for lang in ("hi", "en"):
        for name in names:
            page.goto(f"{url}/slides/{lang}/{name}.slides.html", wait_until="load")
            page.wait_for_selector("html[data-reveal=ready]", timeout=60_000)
            page.wait_for_selector("html[data-mathjax=done]", timeout=120_000)
            assert page.evaluate("() => Reveal.getConfig().width") == 1280
            assert page.evaluate(BODY_FONT_JS) >= 32, (lang, name)
            measured = page.evaluate(SLIDE_HEIGHTS_JS)
            report[f"{lang}/{name}"] = [m["height"] for m in measured]
            over += [(lang, name, m["h"], m["v"], m["height"], m["text"]) for m in measured
                     if m["height"] > 720 or m["width"] > 1280]
            assert "NBVAL" not in page.evaluate("() => document.querySelector('.reveal .slides').innerText")
    (artifacts / "slide_heights.json").write_text(json.dumps(report))
    page.close()
    assert sum(map(len, report.values())) > 1000
    assert over == [], over[:10]


# -- the website on a phone, the glossary ---------------------------------------------------------------------------
OUTSIDE_JS = """() => {
  // elements that reach past the screen's right edge without a scrolling box (themselves or a parent) to hold them
  const vw = window.innerWidth + 1;
  const held = (e) => { for (; e && e !== document.body; e = e.parentElement) {
      const s = getComputedStyle(e);
      if (["auto", "scroll"].includes(s.overflowX) && e.getBoundingClientRect().right <= vw) { return true; } }
    return false; };
  // content wider than its box and cut off by a parent that hides the overflow (code cut at the screen's edge)
  const cut = (e) => { if (e.scrollWidth <= e.clientWidth + 1) { return false; }
    for (let a = e; a && a !== document.body; a = a.parentElement) {
      const o = getComputedStyle(a).overflowX;
      if (o === "auto" || o === "scroll") { return false; }
      if (o === "hidden" || o === "clip") { return true; } }
    return false; };
  return [...document.querySelectorAll('pre, mjx-container[display=true], table, img, p, li')]
    .filter(e => (e.getBoundingClientRect().right > vw && !held(e)) || cut(e))
    .map(e => e.tagName + ' ' + e.className);
}"""


@pytest.mark.parametrize("rel", ["index.html", "html/hi/index.html", "html/hi/03_vanishing_exploding_gradients.html",
                                 "html/en/glossary.html", "html/en/exercises/03_vanishing_exploding_gradients.html"])
def test_no_page_is_wider_than_a_phone(browser, site_url, artifacts, rel):
    ctx = browser.new_context(viewport={"width": 390, "height": 844}, device_scale_factor=1)
    page = ctx.new_page()
    _open(page, f"{site_url}/{rel}")
    if "03_" in rel and "exercises" not in rel:
        _wait_for_maths(page)
    wide = page.evaluate("() => document.documentElement.scrollWidth")
    boxes = page.evaluate(OUTSIDE_JS)
    page.screenshot(path=str(artifacts / f"mobile_{rel.replace('/', '_')}.png"))
    ctx.close()
    assert wide <= 391 and boxes == [], (rel, wide, boxes[:5])


def test_landing_titles_and_glossary_search(context, site_url):
    page = context.new_page()
    _open(page, f"{site_url}/index.html")
    text = page.inner_text("ol.lessons")
    assert "Vanishing and Exploding Gradients" in text and "03_vanishing_exploding_gradients" not in text
    assert page.locator("ol.lessons a[href='slides/hi/03_vanishing_exploding_gradients.slides.html']").count() == 1
    _open(page, f"{site_url}/html/en/03_vanishing_exploding_gradients.html")
    page.click("nav.course-nav >> nth=0 >> a[href='../../slides/en/03_vanishing_exploding_gradients.slides.html']")
    page.wait_for_selector("html[data-reveal=ready]", timeout=60_000)
    _open(page, f"{site_url}/html/en/glossary.html#term-gradient")
    assert page.evaluate("() => document.querySelector(':target').id") == "term-gradient"
    page.fill("#glossary-search", "gradient")
    shown = page.eval_on_selector_all(".glossary tbody tr:not([hidden])", "rows => rows.map(r => r.innerText)")
    assert 2 <= len(shown) < page.locator(".glossary tbody tr").count()
    assert all("gradient" in row.lower() for row in shown)
    assert context.request_log.external() == []
