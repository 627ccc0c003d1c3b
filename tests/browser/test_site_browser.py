"""The offline website and slides in headless Chromium: typeset maths, the bundled Devanagari font,
working links, and not one request that leaves this machine."""
import re

import pytest
from browser_helpers import platform_fonts

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
    assert "The topics of the course" in page.content() and "कोर्स के विषय" not in page.content()
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
