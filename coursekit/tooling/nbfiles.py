"""Notebook files of the course: reading and writing them safely, and their single-language editions.

* :func:`read_notebook` gives a one-line bilingual error for a missing file, a folder or a file that is no notebook;
  :func:`write_notebook` writes atomically (a temporary file, then ``os.replace``);
* :func:`edition` keeps one language: the cells tagged ``lang-hi`` or ``lang-en`` of the other one go, and a
  bilingual title ``# 03 · हिंदी शीर्षक / English title`` keeps its part in that language
  (``python -m coursekit edition``); :func:`edition_targets` refuses any target that would lose work.
"""
from __future__ import annotations

import os
import re
import tempfile
from pathlib import Path

import nbformat

from ..i18n import CourseError

LANG_TAGS = {"hi": "lang-hi", "en": "lang-en"}


def cell_tags(cell) -> set[str]:
    return set(cell.get("metadata", {}).get("tags", []))


def one_language_heading(line: str, lang: str) -> str:
    """``# 03 · हिंदी शीर्षक / English title`` -> the part in ``lang`` (other lines unchanged)."""
    m = re.match(r"(#+\s+(?:\d+\s*·\s*)?)(.+?)\s+/\s+(.+)$", line)
    if not m:
        return line
    return m.group(1) + (m.group(2) if lang == "hi" else m.group(3))


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
        out.cells = [c for c in out.cells if drop not in cell_tags(c)
                     and (notes or c.get("metadata", {}).get("slideshow", {}).get("slide_type") != "notes")]
        out.metadata["language_edition"] = lang
        for c in out.cells:
            if c.cell_type == "markdown" and not cell_tags(c) & set(LANG_TAGS.values()):
                c.source = "\n".join(one_language_heading(line, lang) for line in c.source.splitlines())
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
            raise CourseError(f"editions को {out_dir} में नहीं लिखा जाएगा: यह course का अपना folder है और इसके notebooks "
                              "मिट जाते। --out से कोई दूसरा folder दीजिए, जैसे build/editions/hi।",
                              f"editions are not written into {out_dir}: it is the course's own folder and its "
                              "notebooks would be overwritten. Give another folder with --out, e.g. build/editions/hi.")
    targets = [out_dir / p.name for p in paths]
    for target in targets:
        source = next((p for p in paths if _same_file(target, p)), None)
        if source is not None:
            raise CourseError(f"{target} नहीं लिखा जाएगा: यह input notebook {source} ही है और edition उसे मिटा देती। "
                              "--out से कोई दूसरा folder दीजिए।",
                              f"{target} is not written: it is the input notebook {source} itself, which the edition "
                              "would overwrite. Give another folder with --out.")
        if targets.count(target) > 1:
            raise CourseError(f"एक ही नाम के कई notebooks दिए गए हैं ({target.name}); उनकी editions एक-दूसरे को मिटा "
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
        raise CourseError(f"{path} पढ़ा नहीं जा सका: यह Jupyter notebook (.ipynb) नहीं लगता ({detail})।",
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
