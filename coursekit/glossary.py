"""The Hindi–English glossary of the course (data file: ``coursekit/data/glossary.csv``).

Each term: its Hindi name, English, a one-line meaning in each language, the notebook that introduces it,
``prose`` (the one form the Hindi prose, figures, exercises and library messages write, e.g. "epoch",
"फटते (exploding) gradients") and ``avoid`` (forms not to write, "; "-separated; the Hindi lint flags them).
The rows are sorted by notebook, then by the English term. Notebook 00 shows it; each part adds its terms.
"""
from __future__ import annotations

import csv
from pathlib import Path

GLOSSARY_FILE = Path(__file__).parent / "data" / "glossary.csv"
FIELDS = ["hindi", "english", "meaning_hi", "meaning_en", "notebook", "prose", "avoid"]


def glossary(notebook: str | None = None) -> list[dict]:
    """All glossary rows (dicts with keys ``FIELDS``), or those of one notebook (e.g. "01")."""
    with GLOSSARY_FILE.open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    if notebook is not None:
        rows = [r for r in rows if r["notebook"].startswith(notebook)]
    return rows


def avoided_forms() -> dict[str, str]:
    """Each form the glossary says not to write -> the prose form to write instead."""
    out = {}
    for r in glossary():
        for bad in filter(None, (a.strip() for a in r.get("avoid", "").split(";"))):
            out[bad] = r["prose"]
    return out


def as_markdown(rows: list[dict], lang: str = "both") -> str:
    """A markdown table of glossary rows; ``lang`` picks the meaning column(s). The third column is the form that the
    course's Hindi text writes (``prose``)."""
    meaning = {"hi": ["meaning_hi"], "en": ["meaning_en"], "both": ["meaning_hi", "meaning_en"]}[lang]
    head = (["हिंदी / Hindi", "English", "लिखा जाता है / written as"]
            + [{"meaning_hi": "अर्थ", "meaning_en": "Meaning"}[m] for m in meaning] + ["notebook"])
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    for r in rows:
        cells = [r["hindi"], r["english"], r.get("prose", "")] + [r[m] for m in meaning] + [r["notebook"]]
        lines.append("| " + " | ".join(c.replace("|", "\\|") for c in cells) + " |")
    return "\n".join(lines)
