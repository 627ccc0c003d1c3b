"""The lock of class mode: whether ``q.solution()`` may show a solution yet (see :mod:`coursekit.exercises.classmode`).

Kept apart from the rest of class mode so that the question kinds can ask it without importing the question banks.
"""
from __future__ import annotations

import json
import os
from pathlib import Path

from ..i18n import T
from .display import emit

CLASS_FILE = "coursekit-class.json"
PACKAGED = Path(__file__).resolve().parent / CLASS_FILE      # present only in a student package
LOCKED = T("🔒 {qid}: इस अभ्यास का हल अभी बंद है — आपके शिक्षक इसे बाद में खोलेंगे (class mode)। तब तक `{qid}.hint()` "
           "आज़माइए।", "🔒 {qid}: the solutions of this practice set are locked for now — your instructor will "
           "release them later (class mode). Until then, try `{qid}.hint()`.")
MISSING = T("🔒 {qid}: हल खुल चुका है, पर इस computer पर उसकी file नहीं मिली ({where})। शिक्षक से class folder का "
            "`solutions/` माँगिए।", "🔒 {qid}: the solution has been released, but its file is not on this computer "
            "({where}). Ask your instructor for the class folder's `solutions/`.")


# -- the lock ------------------------------------------------------------------------------------------------------
def _read_config(path: Path) -> dict:
    """A class file's settings; one that cannot be read locks everything (the safe side)."""
    try:
        data = json.loads(path.read_text(encoding="utf-8-sig"))
        locked, released = data.get("locked", "all"), data.get("released", [])
        if (locked == "all" or isinstance(locked, list)) and isinstance(released, list):
            return data
    except (OSError, ValueError, AttributeError):
        pass
    return {"locked": "all", "released": [], "unreadable": str(path)}


def find_class() -> tuple[dict, Path | None] | None:
    """(settings, class folder) of the class in force, or None outside class mode. A student package without a
    class folder is locked by its own copy (folder None)."""
    env = os.environ.get("COURSEKIT_CLASS")
    if env:
        candidates = [Path(env) / CLASS_FILE if Path(env).is_dir() else Path(env)]
    else:
        here = Path.cwd()
        candidates = [d / CLASS_FILE for d in (here, *here.parents)]
    for path in candidates:
        if path.is_file() and path != PACKAGED:
            return _read_config(path), path.parent
    return (_read_config(PACKAGED), None) if PACKAGED.is_file() else None


def is_locked(notebook: str, settings: dict) -> bool:
    locked = settings.get("locked", "all")
    return (locked == "all" or notebook in locked) and notebook not in settings.get("released", [])


def _as_t(value) -> T | None:
    return T(value["hi"], value["en"]) if isinstance(value, dict) and {"hi", "en"} <= set(value) else None


def released_solutions(folder: Path | None, notebook: str) -> dict:
    """{qid: {"solution": …, "explanation": T, "model_answer": T}} released into ``folder`` ({} when absent)."""
    if folder is None:
        return {}
    try:
        data = json.loads((folder / "solutions" / f"{notebook}.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return {qid: {"solution": e.get("solution") or "", "explanation": _as_t(e.get("explanation")),
                  "model_answer": _as_t(e.get("model_answer"))} for qid, e in data.get("questions", {}).items()}


def unlocked(q) -> dict | None:
    """What ``q.solution()`` may show: {"solution", "explanation", "model_answer"}; None (after saying why) when the
    set is locked, or released but its solutions are not on this computer."""
    fields = {"solution": q.solution_code or "", "explanation": q.explanation,
              "model_answer": getattr(q, "model_answer", None)}
    found = find_class()
    if found is None:
        return fields
    settings, folder = found
    if is_locked(q.notebook, settings):
        emit(LOCKED.format(qid=q.id).render())
        return None
    for key, value in released_solutions(folder, q.notebook).get(q.id, {}).items():
        fields[key] = fields[key] or value
    if not any(fields.values()):
        where = folder / "solutions" if folder else "COURSEKIT_CLASS"
        emit(MISSING.format(qid=q.id, where=where).render())
        return None
    return fields
