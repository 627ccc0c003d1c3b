"""The Hindi–English glossary of the course (data file: ``coursekit/data/glossary.csv``).

Each term: Hindi, English, a one-line meaning in each language, and the notebook
that introduces it. Notebook 00 shows it; each part of the course adds its terms.
"""
from __future__ import annotations

import csv
from pathlib import Path

GLOSSARY_FILE = Path(__file__).parent / "data" / "glossary.csv"
FIELDS = ["hindi", "english", "meaning_hi", "meaning_en", "notebook"]


def glossary(notebook: str | None = None) -> list[dict]:
    """All glossary rows (dicts with keys ``FIELDS``), or those of one notebook (e.g. "01")."""
    with GLOSSARY_FILE.open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    if notebook is not None:
        rows = [r for r in rows if r["notebook"].startswith(notebook)]
    return rows


def as_markdown(rows: list[dict], lang: str = "both") -> str:
    """A markdown table of glossary rows; ``lang`` picks the meaning column(s)."""
    meaning = {"hi": ["meaning_hi"], "en": ["meaning_en"], "both": ["meaning_hi", "meaning_en"]}[lang]
    head = ["हिंदी / Hindi", "English"] + [{"meaning_hi": "अर्थ", "meaning_en": "Meaning"}[m] for m in meaning] + ["notebook"]
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    for r in rows:
        lines.append("| " + " | ".join([r["hindi"], r["english"]] + [r[m] for m in meaning] + [r["notebook"]]) + " |")
    return "\n".join(lines)
