"""The course's notebook format: validation and single-language editions.

Rules (see CONTRIBUTING.md):

* file names are ``NN_slug.ipynb`` (two digits, lower-case ASCII);
* a markdown cell in one language is tagged ``lang-hi`` or ``lang-en``; every
  ``lang-hi`` cell is followed by its ``lang-en`` twin with the same equations,
  tables, lists and numbers; a bilingual title, or a cell that holds only an
  equation or a figure, needs no tag;
* a notebook that trains a model has a papermill ``parameters`` cell;
* committed notebooks hold no error outputs, and their execution counts are
  1, 2, 3, ... from one clean run;
* every cell of a topic notebook carries slide metadata (``metadata.slideshow.slide_type``, written by
  ``python -m coursekit slides --annotate``; see ``coursekit.slides``).
"""
from __future__ import annotations

import os
import re
import tempfile
from pathlib import Path

import nbformat

from .i18n import CourseError

LANG_TAGS = {"hi": "lang-hi", "en": "lang-en"}
NAME_RE = re.compile(r"^\d{2}_[a-z0-9_]+\.ipynb$")
DEVANAGARI_RE = re.compile(r"[\u0900-\u097F]")
MATH_RE = re.compile(r"\$\$.+?\$\$|\$[^$\n]+\$", re.S)
NUMBER_RE = re.compile(r"(?<![\w.])\d+(?:[.,]\d+)*%?")
MAX_DEVANAGARI_IN_EN = 40  # an English cell may quote a few Devanagari examples (e.g. conjuncts), not prose
TRAINING_RE = re.compile(r"\bfit\(|\.backward\(|optimizer\.step\(|\bopt\.step\(")


def _tags(cell) -> set[str]:
    return set(cell.get("metadata", {}).get("tags", []))


def _strip_math(text: str) -> str:
    return MATH_RE.sub(" ", text)


def _structure(text: str) -> dict:
    """What twin cells must share: equations, table rows, list items, numbers."""
    lines = text.splitlines()
    prose = _strip_math(re.sub(r"`[^`]*`", " ", text))
    return {
        "equations": sorted(m.strip() for m in MATH_RE.findall(text)),
        "table rows": sum(1 for ln in lines if ln.strip().startswith("|")),
        "list items": sum(1 for ln in lines if re.match(r"\s*([-*+]|\d+\.)\s", ln)),
        "numbers": sorted(set(NUMBER_RE.findall(prose))),
    }


def _untagged_prose_problem(text: str) -> str | None:
    """An untagged markdown cell may be a bilingual title, or only maths / figures."""
    body = _strip_math(re.sub(r"!\[[^\]]*\]\([^)]*\)|<img[^>]*>", " ", text))
    has_hi = bool(DEVANAGARI_RE.search(body))
    latin_words = re.findall(r"[A-Za-z]{3,}", body)
    if has_hi and not latin_words:
        return "Hindi-only prose without the tag lang-hi"
    if not has_hi and len(latin_words) > 12:
        return "English-only prose without the tag lang-en"
    return None


def validate(path, require_outputs: bool = True, require_slides: bool | None = None) -> list[str]:
    """Return a list of problems with the notebook at ``path`` (empty when it is valid).

    ``require_slides`` (default: the same as ``require_outputs``, i.e. topic notebooks) asks for slide
    metadata on every cell.
    """
    path = Path(path)
    problems: list[str] = []
    if not NAME_RE.match(path.name):
        problems.append(f"file name {path.name!r} is not NN_slug.ipynb (two digits, lower-case ASCII)")
    try:
        nb = read_notebook(path)
    except CourseError as error:
        return [*problems, f"{error.hi} / {error.en}"]
    cells = nb.cells
    for i, cell in enumerate(cells):
        tags = _tags(cell)
        where = f"cell {i}"
        if {"lang-hi", "lang-en"} <= tags:
            problems.append(f"{where}: tagged both lang-hi and lang-en")
        if "lang-hi" in tags:
            nxt = cells[i + 1] if i + 1 < len(cells) else None
            if nxt is None or "lang-en" not in _tags(nxt):
                problems.append(f"{where}: lang-hi cell is not followed by its lang-en twin")
                continue
            if not DEVANAGARI_RE.search(cell.source):
                problems.append(f"{where}: lang-hi cell has no Devanagari text")
            if len(DEVANAGARI_RE.findall(_strip_math(re.sub(r"`[^`]*`", " ", nxt.source)))) > MAX_DEVANAGARI_IN_EN:
                problems.append(f"cell {i + 1}: lang-en cell contains Hindi prose (only quoted examples are allowed)")
            hi, en = _structure(cell.source), _structure(nxt.source)
            for key in hi:
                if hi[key] != en[key]:
                    problems.append(f"{where}/{i + 1}: Hindi and English twins differ in {key}: {hi[key]} vs {en[key]}")
        elif "lang-en" in tags:
            prev = cells[i - 1] if i > 0 else None
            if prev is None or "lang-hi" not in _tags(prev):
                problems.append(f"{where}: lang-en cell without a lang-hi cell right before it")
        elif cell.cell_type == "markdown":
            issue = _untagged_prose_problem(cell.source)
            if issue:
                problems.append(f"{where}: {issue}")
    code = [c for c in cells if c.cell_type == "code"]
    if any(TRAINING_RE.search(c.source) for c in code) and not any("parameters" in _tags(c) for c in code):
        problems.append("the notebook trains a model but has no cell tagged 'parameters' (papermill)")
    for c in code:
        for out in c.get("outputs", []):
            if out.get("output_type") == "error":
                problems.append(f"an error output is committed ({out.get('ename')}: {out.get('evalue')})")
    counts = [c.get("execution_count") for c in code]
    if require_outputs:
        if counts != list(range(1, len(code) + 1)):
            problems.append("execution counts are not 1, 2, 3, ... from one clean run")
    elif any(n is not None for n in counts) and counts != list(range(1, len(code) + 1)):
        problems.append("execution counts are not 1, 2, 3, ... from one clean run")
    if require_outputs if require_slides is None else require_slides:
        from .slides import missing_metadata

        missing = missing_metadata(nb)
        if missing:
            problems.append(f"cells {missing[:8]}{' ...' if len(missing) > 8 else ''} have no slide metadata "
                            f"(run: python -m coursekit slides --annotate {path.as_posix()})")
    return problems


def edition(nb, lang: str, notes: bool = False):
    """A copy of notebook ``nb`` in one language ("hi" or "en"); "both" returns a plain copy.

    A single-language edition is for learners: the instructor's speaker notes (``notes`` cells) are left out unless
    ``notes=True``.
    """
    if lang not in ("hi", "en", "both"):
        raise ValueError(f"lang must be 'hi', 'en' or 'both'; got {lang!r}")
    out = nbformat.from_dict(nb)
    if lang != "both":
        drop = LANG_TAGS["en" if lang == "hi" else "hi"]
        out.cells = [c for c in out.cells if drop not in _tags(c)
                     and (notes or c.get("metadata", {}).get("slideshow", {}).get("slide_type") != "notes")]
        out.metadata["language_edition"] = lang
        from .slides import _one_language_heading  # "# 03 · हिंदी / English" -> the title in ``lang``

        for c in out.cells:
            if c.cell_type == "markdown" and not _tags(c) & set(LANG_TAGS.values()):
                c.source = "\n".join(_one_language_heading(line, lang) for line in c.source.splitlines())
    return out


def write_edition(path, lang: str, out_dir, notes: bool = False) -> Path:
    """Write the ``lang`` edition of the notebook at ``path`` into ``out_dir`` (same file name).

    It never writes over its input, nor over a file that is not an edition (see ``edition_targets``).
    """
    [target] = edition_targets([path], out_dir)
    nb = edition(read_notebook(path), lang, notes=notes)
    nb.metadata["language_edition"] = lang      # marks the file as an edition, which a later run may replace
    write_notebook(nb, target)
    return target


def _same_file(a: Path, b: Path) -> bool:
    if a.resolve() == b.resolve():
        return True
    return a.exists() and b.exists() and os.path.samefile(a, b)


def edition_targets(paths, out_dir, protected=()) -> list[Path]:
    """The files that the editions of ``paths`` would be written to in ``out_dir``, after checking that no work is lost.

    Raises a CourseError (nothing is written) when ``out_dir`` is one of the ``protected`` folders (the course's
    ``notebooks/``), when a target is one of the inputs, when two inputs have the same file name, or when a target
    exists and is not an edition (a notebook without ``language_edition`` metadata).
    """
    paths, out_dir = [Path(p) for p in paths], Path(out_dir)
    for folder in map(Path, protected):
        if _same_file(out_dir, folder):
            raise CourseError(f"editions को {out_dir} में नहीं लिखा जाएगा: यह कोर्स का अपना folder है और इसकी notebooks "
                              "मिट जातीं। --out से कोई दूसरा folder दीजिए, जैसे build/editions/hi।",
                              f"editions are not written into {out_dir}: it is the course's own folder and its "
                              "notebooks would be overwritten. Give another folder with --out, e.g. build/editions/hi.")
    targets = [out_dir / p.name for p in paths]
    for target in targets:
        source = next((p for p in paths if _same_file(target, p)), None)
        if source is not None:
            raise CourseError(f"{target} नहीं लिखी जाएगी: यह input notebook {source} ही है और edition उसे मिटा देती। "
                              "--out से कोई दूसरा folder दीजिए।",
                              f"{target} is not written: it is the input notebook {source} itself, which the edition "
                              "would overwrite. Give another folder with --out.")
        if targets.count(target) > 1:
            raise CourseError(f"एक ही नाम की कई notebooks दी गई हैं ({target.name}); उनकी editions एक-दूसरे को मिटा "
                              "देतीं। इन्हें अलग-अलग चलाइए।",
                              f"several notebooks share the name {target.name}; their editions would overwrite "
                              "each other. Run them one at a time.")
        if target.exists() and not _is_edition(target):
            raise CourseError(f"{target} पहले से है और यह कोई edition नहीं है, इसलिए इसे नहीं बदला गया। उसे कहीं और "
                              "ले जाइए या --out से दूसरा folder दीजिए।",
                              f"{target} already exists and is not an edition, so it is left alone. Move it away "
                              "or give another folder with --out.")
    return targets


def _is_edition(path: Path) -> bool:
    try:
        return "language_edition" in read_notebook(path).metadata
    except CourseError:
        return False


def read_notebook(path):
    """The notebook at ``path`` (nbformat 4); a bilingual one-line CourseError when it is missing or not a notebook."""
    path = Path(path)
    if path.is_dir():
        raise CourseError(f"{path} एक folder है; यहाँ notebook (.ipynb) file चाहिए।",
                          f"{path} is a folder; a notebook (.ipynb) file is needed here.")
    if not path.exists():
        raise CourseError(f"file नहीं मिली: {path}", f"file not found: {path}")
    try:
        return nbformat.read(path, as_version=4)
    except (ValueError, TypeError, AttributeError, KeyError, nbformat.ValidationError) as error:
        detail = " ".join(str(error).split())[:100]    # UnicodeDecodeError and NotJSONError are ValueErrors
        raise CourseError(f"{path} पढ़ी नहीं जा सकी: यह Jupyter notebook (.ipynb) नहीं लगती ({detail})।",
                          f"cannot read {path}: it does not look like a Jupyter notebook (.ipynb) ({detail}).") from error


def write_notebook(nb, path) -> Path:
    """Write ``nb`` to ``path`` atomically (a temporary file in the same folder, then ``os.replace``)."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    umask = os.umask(0)
    os.umask(umask)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            nbformat.write(nb, f)
        os.chmod(tmp, path.stat().st_mode & 0o777 if path.exists() else 0o666 & ~umask)  # mkstemp makes it 0600
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return path


def headline(nb) -> str:
    """The headline result recorded by ``coursekit.headline`` in an executed notebook, or ''."""
    found = []
    for c in nb.cells:
        for out in c.get("outputs", []) if c.cell_type == "code" else []:
            meta = out.get("metadata", {}).get("coursekit_headline")
            if meta:
                found.append(f"{meta['label']}: {meta['value']}")
    return "; ".join(found)


def clean_metadata(nb):
    """Remove papermill's run metadata so that committed notebooks stay small and stable."""
    nb.metadata.pop("papermill", None)
    for c in nb.cells:
        c.metadata.pop("papermill", None)
        c.metadata.pop("execution", None)
    return nb
