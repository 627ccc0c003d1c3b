"""The offline assets of the website and the slides: the templates, the font, MathJax and reveal.js.

Everything a page loads is copied under ``build/assets``: MathJax and reveal.js from ``node_modules`` (``npm ci``
installs them from ``package-lock.json``), the Noto Sans Devanagari font from ``coursekit/fonts``, the style sheet
from ``coursekit/tooling/templates/shared``.
"""
from __future__ import annotations

import shutil
import sys
from pathlib import Path

from ..i18n import CourseError

ROOT = Path(__file__).resolve().parents[2]
TEMPLATES = Path(__file__).resolve().parent / "templates"       # nbconvert templates (website, slides)
FONTS = Path(__file__).resolve().parent.parent / "fonts"         # also the font of the plots (coursekit.plotting)


def node_modules() -> Path:
    return ROOT / "node_modules"


def missing_assets_error(what: str) -> CourseError:
    return CourseError(
        f"{what} नहीं मिला: slides और website को बिना internet के चलाने के लिए reveal.js और MathJax की local copy "
        f"चाहिए। course के folder में `npm ci` चलाइए (Node.js चाहिए; `make slides` और `make course` यह ख़ुद करते हैं)।",
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


SITE_CSS = TEMPLATES / "shared" / "site.css"    # the style sheet of the website (and the slides' font)


def copy_assets(build: Path, modules: Path | None = None, strict: bool = False) -> Path:
    """Copy site.css, the font, MathJax and reveal.js into ``build/assets`` and return that folder.

    Without ``node_modules`` (no ``npm ci``) a ``strict`` build fails with a bilingual message; otherwise
    it warns: the pages are written, but their equations stay as TeX until ``npm ci`` is run.
    """
    assets = Path(build) / "assets"
    (assets / "fonts").mkdir(parents=True, exist_ok=True)
    shutil.copy2(SITE_CSS, assets / "site.css")
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
        copy_reveal(assets, modules)
    except Exception as error:
        if strict:
            raise
        print(f"WARNING / चेतावनी: {error}", file=sys.stderr, flush=True)
    return assets
