"""A learner's progress: which questions of which notebook they have passed.

Kept in a small JSON file in the learner's folder (``.coursekit_progress.json``
in the working directory, or the path in ``COURSEKIT_PROGRESS``): no network,
no account.
"""
from __future__ import annotations

import json
import os
from datetime import datetime, timezone
from pathlib import Path

from ..i18n import T

FILE_NAME = ".coursekit_progress.json"
RANK = {"fail": 0, "not attempted": 0, "open": 0, "pass": 1, "done": 1}


def path() -> Path:
    return Path(os.environ.get("COURSEKIT_PROGRESS") or Path.cwd() / FILE_NAME)


def load() -> dict:
    p = path()
    try:
        return json.loads(p.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}


def record(notebook: str, qid: str, status: str) -> None:
    """Remember the latest status of a question; a pass is never downgraded by a later attempt."""
    if not notebook:
        return
    data = load()
    entry = data.setdefault(notebook, {})
    old = entry.get(qid, {}).get("status")
    if old is not None and RANK.get(old, 0) > RANK.get(status, 0):
        return
    entry[qid] = {"status": status, "time": datetime.now(timezone.utc).isoformat(timespec="seconds")}
    try:
        path().write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")
    except OSError:  # a read-only folder must not break a learner's notebook
        pass


def summary(banks: dict | None = None) -> dict:
    """{notebook: {"passed": [...], "total": n}} for every notebook in the file (and every bank given)."""
    data = load()
    names = sorted(set(data) | set(banks or {}))
    out = {}
    for name in names:
        entries = data.get(name, {})
        passed = sorted(q for q, e in entries.items() if RANK.get(e.get("status"), 0) == 1)
        total = len((banks or {}).get(name, [])) or len(entries)
        out[name] = {"passed": passed, "total": total}
    return out


def show(banks: dict | None = None) -> dict:
    """Print a table of passed questions per notebook, and return it."""
    table = summary(banks)
    print(T("अभ्यास की प्रगति", "Practice progress").render() + f"  ({path()})")
    if not table:
        print(T("अभी तक कोई प्रश्न check नहीं किया गया।", "No question checked yet.").render())
    for name, row in table.items():
        n, total = len(row["passed"]), row["total"]
        bar = "█" * n + "░" * max(total - n, 0)
        print(f"  {name:<34} {bar} {n}/{total}  {', '.join(row['passed'])}")
    return table
