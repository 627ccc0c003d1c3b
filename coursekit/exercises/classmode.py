"""Class mode: the instructor decides when learners may see the solutions, and collects the learners' results.

A class folder (shared on the hub, or copied next to the exercises) holds::

    coursekit-class.json        {"class": "DL 2026", "locked": "all", "released": ["00_welcome"]}
    solutions/NN_slug.json      the solutions of a released practice set (written by ``release-solutions``)

A learner's kernel finds it through ``COURSEKIT_CLASS`` (that folder, or the file), else in the current folder or
a folder above it. While a practice set is locked, ``qN.solution()`` shows a locked message instead of the
solution. The lock alone is a classroom agreement (the solution strings are in the installed package); for
homework that counts, give learners the **student package** (``python -m coursekit class-package --out DIR``):
the same course with every solution, explanation and model answer removed from the question banks, and locked
inside the package itself. ``python -m coursekit release-solutions NN`` then writes the released solutions into
the class folder. The checkers stay in the package (they must run on the learner's machine), so a determined
reader can still work out an answer from them; for marks, use the nbgrader export (``export-nbgrader``), whose
tests run on the instructor's machine.

``python -m coursekit submit`` writes the learner's progress, with their name, as ``submissions/<name>.json``;
``python -m coursekit gradebook submissions`` reads a folder of them.
"""
from __future__ import annotations

import ast
import json
import os
import re
import shutil
import sys
import unicodedata
from datetime import datetime, timezone
from pathlib import Path

from ..i18n import CourseError, T
from .lock import CLASS_FILE, PACKAGED, _read_config, find_class, is_locked, released_solutions, unlocked  # noqa: F401
from .progress import SETTINGS, set_setting, write_text_atomic
from .progress import load as load_progress

STRIPPED = {"solution": '""', "explanation": "None", "model_answer": "None"}   # keyword -> what replaces its value
ROOT = Path(__file__).resolve().parent.parent.parent

# -- the student package -------------------------------------------------------------------------------------------
def _position(lines: list[str], starts: list[int], line: int, col: int) -> int:
    """The character offset of (line, UTF-8 byte column) as the ast module reports it."""
    return starts[line - 1] + len(lines[line - 1].encode()[:col].decode())


def strip_solutions(sources: dict[str, str]) -> tuple[dict[str, str], int]:
    """Bank modules ({file name: source}) with the values of every ``solution=``, ``explanation=`` and
    ``model_answer=`` argument replaced (and the module-level constants that only held them emptied), and how
    many values were replaced."""
    trees = {name: ast.parse(src) for name, src in sources.items()}
    spans: dict[str, list] = {name: [] for name in sources}
    held: set[str] = set()
    for name, tree in trees.items():
        for node in ast.walk(tree):
            for kw in node.keywords if isinstance(node, ast.Call) else []:
                if kw.arg in STRIPPED:
                    spans[name].append((kw.value, STRIPPED[kw.arg]))
                    held |= {n.id for n in ast.walk(kw.value) if isinstance(n, ast.Name)}
    removed = {id(n) for name in spans for value, _ in spans[name] for n in ast.walk(value)}
    used = {n.id for tree in trees.values() for n in ast.walk(tree) if isinstance(n, ast.Name)
            and isinstance(n.ctx, ast.Load) and id(n) not in removed}
    for name, tree in trees.items():
        for node in tree.body:
            if isinstance(node, ast.Assign) and any(isinstance(t, ast.Name) and t.id in held - used
                                                    for t in node.targets):
                spans[name].append((node.value, '""'))
    out = {}
    for name, src in sources.items():
        lines = src.splitlines(keepends=True)
        starts = [0]
        for line in lines:
            starts.append(starts[-1] + len(line))
        for node, text in sorted(spans[name], key=lambda s: (s[0].lineno, s[0].col_offset), reverse=True):
            a = _position(lines, starts, node.lineno, node.col_offset)
            b = _position(lines, starts, node.end_lineno, node.end_col_offset)
            src = src[:a] + text + src[b:]          # from the end backwards: earlier offsets stay valid
        out[name] = src
    return out, sum(len(v) for v in spans.values())


def leaks(stripped: dict[str, str]) -> list[str]:
    """The questions whose solution code or explanation can still be read in the stripped banks (should be [])."""
    from .registry import bank_names, load

    text = "\n".join(stripped.values())
    found = []
    for name in bank_names():
        for q in load(name):
            parts = [q.solution_code.strip()] + [t.en[:40] for t in (q.explanation, getattr(q, "model_answer", None))
                                                  if t is not None]
            found += [f"{name}/{q.id}" for part in parts if len(part) >= 12 and part in text][:1]
    return found


def _check_full_package() -> None:
    if PACKAGED.is_file():
        raise CourseError("यह student package है: इसमें हल नहीं हैं। यह command शिक्षक की पूरी copy से चलाइए।",
                          "this is a student package: it holds no solutions. Run this command from the "
                          "instructor's full copy of the course.")


def class_package(out, class_name: str = "") -> dict:
    """Write a student copy of the course into ``out``: the package without solutions (locked inside), the
    student exercise notebooks and a class file. Returns counts for the report, and the questions whose solution
    can still be read (``leaks``: a bank that builds the starter from the solution keeps it)."""
    _check_full_package()
    out = Path(out)
    marker = out / ".coursekit-class-package"
    if out.exists() and any(out.iterdir()) and not marker.exists():
        raise CourseError(f"{out} ख़ाली नहीं है और पहले का class package भी नहीं है; कोई नया folder दीजिए।",
                          f"{out} is not empty and is not an earlier class package; give a new folder.")
    inside = [ROOT, ROOT / "coursekit", ROOT / "exercises", ROOT / "notebooks"]
    if any(out.resolve() == d or d in out.resolve().parents for d in inside[1:]) or out.resolve() == ROOT:
        raise CourseError(f"{out} course के अपने folders में है; कोई दूसरा folder दीजिए (जैसे build/class)।",
                          f"{out} is inside the course's own folders; give another folder (e.g. build/class).")
    shutil.rmtree(out / "coursekit", ignore_errors=True)
    shutil.copytree(ROOT / "coursekit", out / "coursekit", ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
    banks = out / "coursekit" / "exercises" / "banks"
    sources = {p.name: p.read_text(encoding="utf-8") for p in sorted(banks.glob("*.py"))}
    stripped, removed = strip_solutions(sources)
    bad = leaks(stripped)       # e.g. a starter built from the solution: reported, the rest is still stripped
    for name, src in stripped.items():
        (banks / name).write_text(src, encoding="utf-8")
    settings = {"class": class_name, "locked": "all", "released": []}
    text = json.dumps(settings, ensure_ascii=False, indent=1) + "\n"
    (out / "coursekit" / "exercises" / CLASS_FILE).write_text(text, encoding="utf-8")
    if not (out / CLASS_FILE).exists():
        (out / CLASS_FILE).write_text(text, encoding="utf-8")
    shutil.copytree(ROOT / "exercises", out / "exercises", dirs_exist_ok=True,
                    ignore=shutil.ignore_patterns(".*", "*.json"))
    for extra in ("README.md", "LICENSE", "constraints.txt"):
        if (ROOT / extra).exists():
            shutil.copy2(ROOT / extra, out / extra)
    project = (ROOT / "pyproject.toml").read_text(encoding="utf-8")   # the class file goes into the wheel too
    (out / "pyproject.toml").write_text(project.replace('coursekit = ["', f'coursekit = ["exercises/{CLASS_FILE}", "'),
                                        encoding="utf-8")
    marker.write_text("coursekit student package\n", encoding="utf-8")
    return {"out": out, "banks": sum(stripped[n] != sources[n] for n in sources), "removed": removed, "leaks": bad}


def set_name(notebook_or_prefix: str) -> str:
    """``03`` or ``03_vanishing…`` -> the full practice-set name (a CourseError for an unknown one)."""
    from .registry import bank_names

    names = bank_names()
    match = [n for n in names if n == notebook_or_prefix or n.split("_", 1)[0] == notebook_or_prefix]
    if len(match) != 1:
        raise CourseError(f"'{notebook_or_prefix}' नाम का कोई अभ्यास नहीं है; उपलब्ध: {', '.join(names)}",
                          f"no practice set called '{notebook_or_prefix}'; available: {', '.join(names)}")
    return match[0]


def release_solutions(names, class_dir) -> list[Path]:
    """Release the solutions of practice sets into the class folder: ``solutions/NN_slug.json`` and the
    ``released`` list of its class file (created, locked for all other sets, when missing)."""
    from .registry import load

    _check_full_package()
    folder = Path(class_dir)
    full = [set_name(n) for n in names]
    (folder / "solutions").mkdir(parents=True, exist_ok=True)
    written = []
    for name in full:
        questions = {}
        for q in load(name):
            t = {k: ({"hi": v.hi, "en": v.en} if v is not None else None)
                 for k, v in (("explanation", q.explanation), ("model_answer", getattr(q, "model_answer", None)))}
            questions[q.id] = {"solution": q.solution_code, **t}
        path = folder / "solutions" / f"{name}.json"
        write_text_atomic(path, json.dumps({"notebook": name, "questions": questions}, ensure_ascii=False,
                                                     indent=1) + "\n")
        written.append(path)
    config = folder / CLASS_FILE
    settings = _read_config(config) if config.exists() else {"class": "", "locked": "all", "released": []}
    settings.pop("unreadable", None)
    settings["released"] = sorted(set(settings.get("released", [])) | set(full))
    write_text_atomic(config, json.dumps(settings, ensure_ascii=False, indent=1) + "\n")
    return written + [config]


# -- collecting results --------------------------------------------------------------------------------------------
def file_name(name: str) -> str:
    """A learner's name as a file name: letters (any script), digits, '-' and '.' kept, the rest '_'."""
    keep = "".join(c if unicodedata.category(c)[0] in "LMN" or c in "-." else "_" for c in name.strip())
    return re.sub(r"_+", "_", keep).strip("._")[:60]


def _ask_name() -> str | None:
    if not sys.stdin or not sys.stdin.isatty():
        return None
    return input("आपका नाम / Your name: ").strip() or None


def submit(name: str | None = None, out="submissions") -> Path:
    """Write ``out/<name>.json``: the learner's progress (attempts, hints, solutions viewed, passes) with their
    name. The name is kept in the progress file; another learner's file is never overwritten."""
    data = load_progress()
    name = " ".join((name or data.get(SETTINGS, {}).get("learner") or _ask_name() or "").split())
    stem = file_name(name)
    if not stem:
        raise CourseError("अपना नाम दीजिए: python -m coursekit submit --name \"आपका नाम\"",
                          "give your name: python -m coursekit submit --name \"Your Name\"")
    if data.get(SETTINGS, {}).get("learner") != name:
        set_setting("learner", name)
        data = load_progress()
    found = find_class()
    entries = {nb: e for nb, e in data.items() if nb != SETTINGS}
    settings = {"learner": name, "submitted": datetime.now(timezone.utc).isoformat(timespec="seconds"),
                "class": (found[0].get("class", "") if found else "")}
    text = json.dumps({SETTINGS: settings, **entries}, ensure_ascii=False, indent=1) + "\n"
    target = Path(out) / f"{stem}.json"
    target.parent.mkdir(parents=True, exist_ok=True)
    if target.exists():
        try:
            owner = json.loads(target.read_text(encoding="utf-8")).get(SETTINGS, {}).get("learner")
        except (OSError, ValueError, AttributeError):
            owner = None
        if owner != name:
            raise CourseError(f"{target} किसी और विद्यार्थी ({owner!r}) की file है; उसे नहीं बदला गया। अपना पूरा नाम "
                              "दीजिए (--name)।", f"{target} belongs to another learner ({owner!r}); it was not "
                              "changed. Give your full name (--name).")
        write_text_atomic(target, text)      # the same learner again: the newer file replaces it
        return target
    tmp = target.with_name(f".{target.name}.tmp-{os.getpid()}")
    tmp.write_text(text, encoding="utf-8")
    try:
        os.link(tmp, target)                            # fails if someone else created it meanwhile
    except FileExistsError:
        raise CourseError(f"{target} अभी-अभी किसी और ने बनाई; दोबारा चलाइए।",
                          f"{target} was just created by someone else; run again.") from None
    except OSError:                                     # no hard links (FAT, some network drives)
        if target.exists():
            raise
        os.replace(tmp, target)
    finally:
        tmp.unlink(missing_ok=True)
    return target


# -- nbgrader ------------------------------------------------------------------------------------------------------
def _graded(cell, grade_id: str, *, solution: bool = False, grade: bool = False, points: float = 0):
    """nbgrader's cell metadata (schema 3): a locked cell, a solution cell, an autograded test, or both flags for a
    manually graded answer."""
    meta = {"grade": grade, "grade_id": grade_id, "locked": not solution, "schema_version": 3,
            "solution": solution, "task": False}
    if grade:
        meta["points"] = points
    cell.metadata["nbgrader"] = meta
    return cell


def nbgrader_notebook(name: str, lang: str = "both", points: float = 1):
    """One practice set as an nbgrader source notebook: each question's prompt (locked), a solution cell with
    ``### BEGIN SOLUTION`` / ``### END SOLUTION``, and an autograded test cell that calls the question's own checker
    and asserts a pass; an open question becomes a manually graded answer cell."""
    from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

    from .kinds import Open
    from .registry import bank, load
    from .sets import module_name

    mod, questions = bank(name), load(name)
    pick = (lambda t: t.render(lang)) if lang in ("hi", "en") else (lambda t: f"{t.hi}\n\n{t.en}")
    line = (lambda t: t.render(lang)) if lang in ("hi", "en") else (lambda t: f"{t.hi} / {t.en}")
    number = name.split("_", 1)[0]
    title = T(f"# अभ्यास {number}: {mod.TITLE.hi}", f"# Practice {number}: {mod.TITLE.en}")
    cells = [_graded(new_markdown_cell(title.render(lang) if lang in ("hi", "en") else f"{title.hi}\n{title.en}"),
                     "title")]
    setup = f"from {module_name(name)} import *\nimport coursekit\n" + (getattr(mod, "SETUP", "") or "").strip()
    cells.append(_graded(new_code_cell(setup.strip()), "setup"))
    for n, q in enumerate(questions, 1):
        cells.append(_graded(new_markdown_cell(f"### {n}. ({q.id}) {line(q.kind)}\n\n{pick(q.prompt)}"),
                             f"{q.id}_prompt"))
        if isinstance(q, Open):
            answer = new_markdown_cell(q.model_answer.render("both") if q.model_answer else "")
            cells.append(_graded(answer, f"{q.id}_answer", solution=True, grade=True, points=points))
            continue
        code = (f"# {q.answer_name}: " + line(T("यहाँ लिखिए", "write it here")) +
                f"\n### BEGIN SOLUTION\n{(q.solution_code or '').strip()}\n### END SOLUTION")
        cells.append(_graded(new_code_cell(code), f"{q.id}_answer", solution=True))
        test = (f"result = {q.id}.evaluate({q.answer_name})\nprint(result.render(\"{q.id}\"))\n"
                f"assert result.passed, \"{q.id}\"")
        cells.append(_graded(new_code_cell(test), f"{q.id}_test", grade=True, points=points))
    nb = new_notebook(cells=cells)
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3 (ipykernel)", "language": "python"}
    nb.metadata["language_info"] = {"name": "python"}
    return nb


def export_nbgrader(names, out, lang: str = "both") -> list[Path]:
    """Write ``out/source/<set>/<set>.ipynb`` (nbgrader's course layout) for each practice set (all when none)."""
    import nbformat

    from .registry import bank_names

    _check_full_package()
    if lang not in ("hi", "en", "both"):
        raise CourseError(f"lang 'hi', 'en' या 'both' होनी चाहिए; मिली {lang!r}।",
                          f"lang must be 'hi', 'en' or 'both'; got {lang!r}.")
    written = []
    for name in [set_name(n) for n in names] or bank_names():
        path = Path(out) / "source" / name / f"{name}.ipynb"
        path.parent.mkdir(parents=True, exist_ok=True)
        write_text_atomic(path, nbformat.writes(nbgrader_notebook(name, lang)))
        written.append(path)
    return written
