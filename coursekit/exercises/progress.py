"""A learner's progress: which questions of which notebook they have passed.

Kept in a small JSON file in the learner's folder (``.coursekit_progress.json``
in the working directory, or the path in ``COURSEKIT_PROGRESS``): no network,
no account. The file never loses work:

* every save writes a temporary file next to it and renames it over the old one
  (``os.replace``), so a kernel killed mid-write leaves the old or the new file, never half of one;
* a lock file (``<progress>.lock``) makes two notebooks open at once take turns;
* a file that cannot be understood is moved aside (``….unreadable-<time>``), with a warning, never overwritten;
* when a result cannot be saved (read-only folder …), ``record`` says so once and returns False.

One entry per question::

    {"00_welcome": {"q1": {"status": "pass", "attempts": 2, "hints": 1, "solution_viewed": false,
                           "after_solution": false, "first_time": "…", "time": "…"}},
     "_settings": {"language": "hi"}}
"""
from __future__ import annotations

import glob
import json
import os
import re
import sys
import tempfile
from contextlib import contextmanager, suppress
from datetime import datetime, timezone
from pathlib import Path

from ..i18n import CourseError, get_language

FILE_NAME = ".coursekit_progress.json"
RANK = {"fail": 0, "not attempted": 0, "open": 0, "pass": 1, "done": 1}
SETTINGS = "_settings"          # reserved top-level key: not a notebook
EVENTS = ("hint", "solution")
_FIELDS = {  # optional fields of an entry and what their values must be
    **dict.fromkeys(("attempts", "hints"), lambda v: type(v) is int and v >= 0),
    **dict.fromkeys(("solution_viewed", "after_solution"), lambda v: isinstance(v, bool)),
    **dict.fromkeys(("time", "first_time", "solution_time"), lambda v: isinstance(v, str)),
}
_warned: set[tuple[str, str]] = set()   # (kind, path): "not saved" warnings already printed by this process


def path() -> Path:
    return Path(os.environ.get("COURSEKIT_PROGRESS") or Path.cwd() / FILE_NAME)


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def say(hi: str, en: str) -> str:
    """A short text in the chosen language, or both on one line ("hi / en")."""
    lang = get_language()
    return hi if lang == "hi" else en if lang == "en" else f"{hi} / {en}"


def _warn(hi: str, en: str) -> None:
    """Warnings about a learner's saved work always come in both languages (on stderr)."""
    print(f"⚠️ {hi}\n⚠️ {en}", file=sys.stderr)


# -- reading and checking ------------------------------------------------------------------------------------------
def problem(data) -> str | None:
    """Where ``data`` is not a progress file's shape (e.g. ``"00_welcome/q5: 'pass'"``), or None when it is."""
    if not isinstance(data, dict):
        return f"<top>: {data!r:.60}"
    for name, entries in data.items():
        if name == SETTINGS:
            if not isinstance(entries, dict):
                return f"{name}: {entries!r:.60}"
            continue
        if not isinstance(entries, dict):
            return f"{name}: {entries!r:.60}"
        for qid, e in entries.items():
            if not isinstance(e, dict) or not isinstance(e.get("status"), str):
                return f"{name}/{qid}: {e!r:.60}"
            for key, ok in _FIELDS.items():
                if key in e and not ok(e[key]):
                    return f"{name}/{qid}/{key}: {e[key]!r:.60}"
    return None


def parse(raw: bytes) -> dict:
    """The progress data in a file's bytes (a UTF-8 BOM is fine); ValueError saying what is wrong otherwise."""
    try:
        data = json.loads(raw.decode("utf-8-sig"))
    except UnicodeDecodeError as exc:
        raise ValueError(f"not UTF-8 text ({exc.reason} at byte {exc.start})") from None
    except json.JSONDecodeError as exc:
        raise ValueError(f"JSON: {exc.msg} (line {exc.lineno}, column {exc.colno})") from None
    where = problem(data)
    if where:
        raise ValueError(f"unexpected shape: {where}")
    return data


def _read(p: Path) -> tuple[dict, bytes | None, str | None]:
    """(data, raw bytes, reason): reason is set when the file exists but is not a progress file.
    OSError (a folder at that path, no permission …) propagates."""
    try:
        raw = p.read_bytes()
    except FileNotFoundError:
        return {}, None, None
    try:
        return parse(raw), raw, None
    except ValueError as exc:
        return {}, raw, str(exc)


def _aside_name(p: Path) -> Path:
    stamp = datetime.now().strftime("%Y%m%dT%H%M%S")
    return p.with_name(f"{p.name}.unreadable-{stamp}")


def _set_aside(p: Path, raw: bytes, reason: str) -> None:
    """Move an unreadable progress file to a new name (its bytes unchanged; never over an existing file), and say so."""
    base = _aside_name(p)
    for n in range(1, 1000):
        aside = base if n == 1 else base.with_name(f"{base.name}-{n}")
        try:
            with open(aside, "xb") as f:          # "x": fails instead of overwriting
                f.write(raw)
                f.flush()
                os.fsync(f.fileno())
            break
        except FileExistsError:
            continue
    else:  # pragma: no cover - a thousand set-aside files within one second
        raise FileExistsError(str(base))
    os.unlink(p)
    _warn(f"progress file {p} पढ़ी नहीं जा सकी ({reason})। आपकी पुरानी file {aside} नाम से सुरक्षित रखी गई है; "
          "नई progress file शुरू की गई।",
          f"the progress file {p} could not be read ({reason}). Your old file was kept as {aside}; "
          "a fresh progress file was started.")


def _checked(p: Path) -> dict:
    """The data in ``p``; an unreadable file is set aside first. Call with the lock held."""
    data, raw, reason = _read(p)
    if reason is not None:
        _set_aside(p, raw, reason)
    return data


def load() -> dict:
    """Everything in the progress file ({} when there is none). Never raises: an unreadable file is
    set aside with a warning, and a file that cannot be opened at all is reported once."""
    p = path()
    try:
        data, _, reason = _read(p)
    except OSError as exc:
        _warn_once("read", p, f"progress file {p} पढ़ी नहीं जा सकी: {exc}",
                   f"the progress file {p} could not be read: {exc}")
        return {}
    if reason is None:
        return data
    try:
        with _locked(p):   # re-read under the lock: another process may have replaced it meanwhile
            return _checked(p)
    except OSError as exc:
        _warn_once("read", p, f"progress file {p} पढ़ी नहीं जा सकी ({reason}), और उसे अलग नाम भी नहीं दिया जा सका: "
                   f"{exc}", f"the progress file {p} could not be read ({reason}), nor moved aside: {exc}")
        return {}


# -- writing -------------------------------------------------------------------------------------------------------
@contextmanager
def _locked(p: Path):
    """Hold an exclusive lock on ``<p>.lock`` (POSIX flock; Windows msvcrt, best effort)."""
    fd = os.open(f"{p}.lock", os.O_RDWR | os.O_CREAT, 0o666)
    try:
        if os.name == "nt":  # pragma: no cover - Windows
            import msvcrt

            with suppress(OSError):   # LK_LOCK retries for about 10 s, then we go on without the lock
                msvcrt.locking(fd, msvcrt.LK_LOCK, 1)
        else:
            import fcntl

            fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        if os.name == "nt":  # pragma: no cover - Windows
            with suppress(OSError):
                os.lseek(fd, 0, os.SEEK_SET)
                msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)
        os.close(fd)   # closing releases the flock


def write_text_atomic(p: Path, text: str, encoding: str = "utf-8") -> None:
    """Write ``text`` to ``p`` through a temporary file in the same folder, fsync'd, then ``os.replace``."""
    p = Path(p)
    fd, tmp = tempfile.mkstemp(dir=p.parent, prefix=f"{p.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding=encoding, newline="") as f:
            f.write(text)
            f.flush()
            os.fsync(f.fileno())
        with suppress(OSError):
            os.chmod(tmp, p.stat().st_mode & 0o777 if p.exists() else 0o644)
        os.replace(tmp, p)
    except BaseException:
        with suppress(OSError):
            os.unlink(tmp)
        raise


def _warn_once(kind: str, p: Path, hi: str, en: str) -> None:
    if (kind, str(p)) not in _warned:
        _warned.add((kind, str(p)))
        _warn(hi, en)


def _dump(data: dict) -> str:
    """JSON with one question per line: readable, and written by the fast C encoder (``indent`` is slow)."""
    enc = json.JSONEncoder(ensure_ascii=False).encode
    blocks = [f"{enc(name)}: {enc(entries)}" if name == SETTINGS else
              f"{enc(name)}: {{\n" + ",\n".join(f"  {enc(q)}: {enc(e)}" for q, e in entries.items()) + "\n }"
              for name, entries in data.items()]
    return "{\n " + ",\n ".join(blocks) + "\n}\n"


def _update(change) -> bool:
    """load → change(data) → write, all under the lock. True when saved; False (with a warning) when not."""
    p = path()
    try:
        with _locked(p):
            data = _checked(p)
            change(data)
            write_text_atomic(p, _dump(data))
            for stale in p.parent.glob(f"{glob.escape(p.name)}.*.tmp"):   # left by a writer that was killed
                with suppress(OSError):
                    stale.unlink()
        return True
    except OSError as exc:
        _warn_once("save", p, f"प्रगति सहेजी नहीं जा सकी ({p}): {exc} — यह परिणाम अगली बार याद नहीं रहेगा।",
                   f"progress could not be saved to {p}: {exc} — this result was NOT saved.")
        return False


def _entry(data: dict, notebook: str, qid: str, now: str) -> dict:
    return data.setdefault(notebook, {}).setdefault(qid, {"status": "not attempted", "attempts": 0, "hints": 0,
                                                         "solution_viewed": False, "after_solution": False,
                                                         "first_time": now, "time": now})


def _check_names(notebook: str, qid: str) -> None:
    if not isinstance(notebook, str) or notebook.startswith("_") or not isinstance(qid, str) or not qid:
        raise CourseError(f"notebook और प्रश्न के नाम string होने चाहिए (notebook '_' से शुरू नहीं); "
                          f"मिले {notebook!r}, {qid!r}।",
                          f"notebook and question names must be strings (notebook not starting with '_'); "
                          f"got {notebook!r}, {qid!r}.")


def record(notebook: str, qid: str, status: str) -> bool | None:
    """Remember a check of a question; a pass is never downgraded by a later attempt.

    Counts ``attempts`` (checks that passed or failed), keeps ``first_time`` and ``time`` (the latest), and marks
    ``after_solution`` when a first pass comes after the solution was viewed (auto-checked questions; an open
    question's model answer is meant to be read). Returns True when saved; False when it could not be saved (a
    warning is printed once per process and file); None when the question belongs to no notebook (nothing to save).
    """
    if not notebook:
        return None
    _check_names(notebook, qid)
    if status not in RANK:
        raise CourseError(f"status इनमें से एक होना चाहिए: {sorted(RANK)}; मिला {status!r}।",
                          f"status must be one of {sorted(RANK)}; got {status!r}.")

    def change(data):
        now = _now()
        e = _entry(data, notebook, qid, now)
        e["time"] = now
        if status in ("pass", "fail"):
            e["attempts"] = e.get("attempts", 0) + 1
        old = e["status"]
        if status == "not attempted" or RANK.get(old, 0) > RANK[status]:
            return
        if status == "pass" and RANK.get(old, 0) == 0:   # the first pass
            e["after_solution"] = bool(e.get("solution_viewed"))
        e["status"] = status

    return _update(change)


def record_event(notebook: str, qid: str, event: str) -> bool | None:
    """Remember that a hint ("hint") or the solution ("solution") of a question was viewed (returns as record)."""
    if not notebook:
        return None
    _check_names(notebook, qid)
    if event not in EVENTS:
        raise CourseError(f"event इनमें से एक होना चाहिए: {EVENTS}; मिला {event!r}।",
                          f"event must be one of {EVENTS}; got {event!r}.")

    def change(data):
        now = _now()
        e = _entry(data, notebook, qid, now)
        if event == "hint":
            e["hints"] = e.get("hints", 0) + 1
        elif not e.get("solution_viewed"):
            e["solution_viewed"], e["solution_time"] = True, now

    return _update(change)


def get_setting(key: str, default=None):
    """A setting kept in the progress file (e.g. the language), or ``default``."""
    return load().get(SETTINGS, {}).get(key, default)


def set_setting(key: str, value) -> bool:
    """Keep a setting (any JSON value) in the progress file; True when saved."""
    try:
        json.dumps(value)
    except (TypeError, ValueError):
        raise CourseError(f"setting '{key}' का मान ऐसा होना चाहिए जिसे JSON में लिखा जा सके; मिला {value!r}।",
                          f"setting '{key}' must be a JSON value; got {value!r}.") from None
    return _update(lambda data: data.setdefault(SETTINGS, {}).__setitem__(key, value))


# -- reports -------------------------------------------------------------------------------------------------------
def natural_key(qid: str) -> list:
    """Sort q2 before q10."""
    return [int(part) if part.isdigit() else part for part in re.split(r"(\d+)", qid)]


class Report(dict):
    """The progress table as a dict; shown once (printed by :func:`show`), never echoed again by Jupyter."""

    def _ipython_display_(self):
        pass


def summary(banks: dict | None = None) -> dict:
    """{notebook: {"passed": [...], "total": n, "after_solution": [...], "failed": [...], "hints": k,
    "solutions": [...]}} for every notebook in the file (and every bank given). ``after_solution`` lists the passes
    made only after viewing the solution, ``failed`` the questions tried but not (yet) passed, ``hints`` the hints
    viewed, ``solutions`` the questions whose solution was viewed."""
    data = load()
    banks = banks or {}
    out = {}
    for name in sorted((set(data) | set(banks)) - {SETTINGS}):
        entries = data.get(name, {})
        passed = sorted((q for q, e in entries.items() if RANK.get(e["status"], 0) == 1), key=natural_key)
        after = [q for q in passed if entries[q].get("after_solution")]
        failed = sorted((q for q, e in entries.items() if e["status"] == "fail"), key=natural_key)
        solutions = sorted((q for q, e in entries.items() if e.get("solution_viewed")), key=natural_key)
        out[name] = {"passed": passed, "total": len(banks.get(name, [])) or len(entries), "after_solution": after,
                     "failed": failed, "hints": sum(e.get("hints", 0) for e in entries.values()),
                     "solutions": solutions}
    return out


BAR = 12   # every bar has the same width, whatever the number of questions


def show(banks: dict | None = None) -> Report:
    """Print one table of the practice sets: passed (✅, 🔑 = after the solution), not yet passed, hints, solutions."""
    table = summary(banks)
    print(say("अभ्यास की प्रगति", "Practice progress") + f"  ({path()})")
    if not table:
        print(say("अभी तक कोई प्रश्न check नहीं किया गया।", "No question checked yet."))
        return Report(table)
    head = say("पास    अभी नहीं    संकेत    हल देखे", "passed  not yet  hints  solutions")
    print(f"  {'':<34} {'':<{BAR}} {head}")
    for name, row in table.items():
        n, total = len(row["passed"]), row["total"]
        filled = round(BAR * n / total) if total else 0
        bar = "█" * filled + "░" * (BAR - filled)
        clean = [q for q in row["passed"] if q not in row["after_solution"]]
        marks = (f"✅ {', '.join(clean)}" if clean else "") + ("  " if clean and row["after_solution"] else "")
        marks += f"🔑 {', '.join(row['after_solution'])}" if row["after_solution"] else ""
        failed = f"❌ {', '.join(row['failed'])}" if row["failed"] else ""
        print(f"  {name:<34} {bar} {n:>2}/{total:<3} {len(row['failed']):>5} {row['hints']:>7} "
              f"{len(row['solutions']):>7}   {marks}  {failed}".rstrip())
    print("✅ = " + say("पास", "passed") + "   🔑 = " + say("हल देखने के बाद पास", "passed after viewing the solution")
          + "   ❌ = " + say("कोशिश की, अभी पास नहीं", "tried, not yet passed"))
    return Report(table)
