"""A class gradebook from learners' progress files.

``python -m coursekit gradebook FILES_OR_FOLDERS... [--out DIR] [--banks/--no-banks]`` reads one progress file per
learner (the given files, or every ``*.json`` under the given folders, such as the ``submissions/`` that
``python -m coursekit submit`` fills; the learner's name is the one stored in the file by ``submit``, else the file's
stem, or its folder's name for a ``.coursekit_progress.json``) and writes ``gradebook.csv`` (UTF-8 with BOM, for Excel) and
``gradebook.html`` (one page, no network, an SVG chart) into ``--out`` (default ``build/gradebook/``), and prints
the table. Unreadable files are reported and skipped; learners' files are only read, never changed.
"""
from __future__ import annotations

import argparse
import csv
import html
import io
import sys
from pathlib import Path

from .progress import FILE_NAME, RANK, SETTINGS, natural_key, parse, say, write_text_atomic
from .registry import bank_names, load

COLUMNS = [  # (key, Hindi, English)
    ("notebook", "notebook", "notebook"), ("question", "प्रश्न", "question"), ("kind", "प्रकार", "kind"),
    ("attempted", "प्रयास करने वाले", "attempted"), ("passed", "पास", "passed"),
    ("pass_rate", "पास दर (%)", "pass rate (%)"), ("after_solution", "हल देखकर पास", "passed after solution"),
    ("mean_attempts", "औसत प्रयास", "mean attempts"), ("hints", "देखे गए hints", "hints viewed"),
    ("solutions", "हल देखने वाले", "solutions viewed"),
]
HEADER = [f"{hi} / {en}" if hi != en else en for _, hi, en in COLUMNS]
HTML_MARK = "<!DOCTYPE html><!-- coursekit gradebook -->"
TOP = 10


class BadArgs(Exception):
    def __init__(self, hi: str, en: str):
        super().__init__(f"{hi} / {en}")


class _Parser(argparse.ArgumentParser):
    def error(self, message):
        raise BadArgs(f"ग़लत arguments: {message}", f"bad arguments: {message}")


# -- reading -------------------------------------------------------------------------------------------------------
def find_files(paths: list[str]) -> list[Path]:
    files = []
    for name in paths:
        p = Path(name)
        if p.is_dir():
            files += sorted(f for f in p.rglob("*.json") if f.is_file())
        elif p.is_file():
            files.append(p)
        else:
            raise BadArgs(f"'{name}' नाम की कोई file या folder नहीं है।", f"no file or folder called '{name}'.")
    if not files:
        raise BadArgs(f"{paths} में कोई .json progress file नहीं मिली।", f"no .json progress file found in {paths}.")
    return files


def learner_name(p: Path) -> str:
    return p.parent.resolve().name if p.stem == Path(FILE_NAME).stem else p.stem


def read_learners(files: list[Path]) -> tuple[dict[str, dict], list[tuple[Path, str]]]:
    """({learner: progress data}, [(file, why it was skipped)])."""
    learners, skipped = {}, []
    for f in files:
        try:
            data = parse(f.read_bytes())
        except (OSError, ValueError) as exc:
            skipped.append((f, str(exc)))
            continue
        own = data.get(SETTINGS, {}).get("learner")            # a submission (python -m coursekit submit)
        base = own.strip() if isinstance(own, str) and own.strip() else learner_name(f)
        name, n = base, 2
        while name in learners:
            name, n = f"{base} ({n})", n + 1
        learners[name] = {nb: e for nb, e in data.items() if nb != SETTINGS}
    return learners, skipped


def question_list(learners: dict, use_banks: bool) -> list[tuple[str, str, str]]:
    """[(notebook, qid, kind)]: the bank's questions in order (when it exists), then any others seen."""
    out = []
    known = set(bank_names()) if use_banks else set()
    for nb in sorted({nb for data in learners.values() for nb in data}):
        seen = sorted({q for data in learners.values() for q in data.get(nb, {})}, key=natural_key)
        bank = [(q.id, type(q).__name__) for q in load(nb)] if nb in known else []
        ids = {q for q, _ in bank}
        out += [(nb, q, kind) for q, kind in bank] + [(nb, q, "") for q in seen if q not in ids]
    return out


# -- numbers -------------------------------------------------------------------------------------------------------
def _attempted(e: dict) -> bool:
    return e.get("attempts", 0) > 0 or e["status"] in ("pass", "fail", "done", "open")


def _passed(e: dict) -> bool:
    return RANK.get(e["status"], 0) == 1


def question_rows(learners: dict, questions: list) -> list[dict]:
    rows = []
    for nb, qid, kind in questions:
        entries = [data[nb][qid] for data in learners.values() if qid in data.get(nb, {})]
        tried = [e for e in entries if _attempted(e)]
        passed = [e for e in entries if _passed(e)]
        attempts = sum(e.get("attempts", 0) for e in tried)
        rows.append({"notebook": nb, "question": qid, "kind": kind, "attempted": len(tried), "passed": len(passed),
                     "pass_rate": 100 * len(passed) / len(tried) if tried else None,
                     "after_solution": sum(bool(e.get("after_solution")) for e in passed),
                     "mean_attempts": attempts / len(tried) if tried else None,
                     "hints": sum(e.get("hints", 0) for e in entries),
                     "solutions": sum(bool(e.get("solution_viewed")) for e in entries), "total_attempts": attempts})
    return rows


def most_failed(rows: list[dict], n: int = TOP) -> list[dict]:
    """The questions with the lowest pass rate among those attempted (ties: more attempts first); at most n."""
    failed = [r for r in rows if r["attempted"] and r["pass_rate"] < 100]
    return sorted(failed, key=lambda r: (r["pass_rate"], -r["total_attempts"], r["notebook"],
                                         natural_key(r["question"])))[:n]


def learner_rows(learners: dict, questions: list) -> list[tuple[str, int, int, int]]:
    """[(learner, passed, passed after the solution, total questions)]."""
    out = []
    for name, data in sorted(learners.items()):
        passed = [data[nb][q] for nb, q, _ in questions if q in data.get(nb, {}) and _passed(data[nb][q])]
        out.append((name, len(passed), sum(bool(e.get("after_solution")) for e in passed), len(questions)))
    return out


def stuck(learners: dict) -> list[tuple[str, str]]:
    """Who is stuck where: (learner, "notebook q (attempts, hints)") for every question tried and not passed."""
    out = []
    for name, data in sorted(learners.items()):
        for nb in sorted(data):
            for qid, e in sorted(data[nb].items(), key=lambda x: natural_key(x[0])):
                if e["status"] == "fail":
                    a, h = e.get("attempts", 0), e.get("hints", 0)
                    out.append((name, f"{nb} {qid} ({say(f'{a} प्रयास, {h} संकेत', f'{a} tries, {h} hints')})"))
    return out


def _cell(row: dict, key: str) -> str:
    v = row[key]
    if v is None:
        return ""
    return f"{v:.1f}" if key == "pass_rate" else f"{v:.2f}" if key == "mean_attempts" else str(v)


# -- writing -------------------------------------------------------------------------------------------------------
def to_csv(rows: list[dict]) -> str:
    buf = io.StringIO()
    w = csv.writer(buf)
    w.writerow(HEADER)
    w.writerows([_cell(r, key) for key, _, _ in COLUMNS] for r in rows)
    return buf.getvalue()


def svg_chart(rows: list[dict]) -> str:
    """Horizontal bars: pass rate per question (grey text where nobody attempted it)."""
    label_w, bar_w, h = 260, 380, 20
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{label_w + bar_w + 120}" height="{h * len(rows) + 10}" '
             'role="img" aria-label="pass rate per question / हर प्रश्न की पास दर" font-family="sans-serif" '
             'font-size="12">']
    for i, r in enumerate(rows):
        y, label = 5 + i * h, html.escape(f"{r['notebook']} {r['question']}")
        parts.append(f'<text x="{label_w - 6}" y="{y + 14}" text-anchor="end">{label}</text>')
        parts.append(f'<rect x="{label_w}" y="{y + 2}" width="{bar_w}" height="{h - 4}" fill="#eee"/>')
        rate = r["pass_rate"]
        if rate is None:
            parts.append(f'<text x="{label_w + 6}" y="{y + 14}" fill="#888">—</text>')
            continue
        color = "#2e7d32" if rate >= 80 else "#f9a825" if rate >= 50 else "#c62828"
        parts.append(f'<rect x="{label_w}" y="{y + 2}" width="{bar_w * rate / 100:.1f}" height="{h - 4}" '
                     f'fill="{color}"><title>{label}: {rate:.0f}%</title></rect>')
        parts.append(f'<text x="{label_w + bar_w + 6}" y="{y + 14}">{rate:.0f}% ({r["passed"]}/{r["attempted"]})'
                     '</text>')
    return "\n".join(parts + ["</svg>"])


def _table(header: list[str], body: list[list]) -> str:
    head = "".join(f"<th>{html.escape(h)}</th>" for h in header)
    rows = "".join("<tr>" + "".join(f"<td>{html.escape(str(c))}</td>" for c in row) + "</tr>\n" for row in body)
    return f"<table><thead><tr>{head}</tr></thead><tbody>\n{rows}</tbody></table>"


LEARNER_HEADER = ["learner", "पास / passed", "हल देखकर पास / after solution", "कुल प्रश्न / total questions"]


def to_html(rows, failed, people, skipped, stuck_at=()) -> str:
    def cells(rs):
        return [[_cell(r, key) for key, _, _ in COLUMNS] for r in rs]

    skipped_html = "".join(f"<li>{html.escape(str(f))}: {html.escape(why)}</li>" for f, why in skipped)
    return f"""{HTML_MARK}
<html lang="hi"><head><meta charset="utf-8"><title>कक्षा gradebook / Class gradebook</title>
<style>body{{font-family:sans-serif;margin:2em}}table{{border-collapse:collapse;margin-bottom:2em}}
td,th{{border:1px solid #ccc;padding:3px 8px;text-align:right}}td:first-child,th{{text-align:left}}</style></head>
<body><h1>कक्षा की प्रगति / Class progress</h1>
<p>{len(people)} विद्यार्थी, {len(rows)} प्रश्न / {len(people)} learners, {len(rows)} questions.</p>
<h2>हर प्रश्न की पास दर / Pass rate per question</h2>
{svg_chart(rows)}
<h2>हर प्रश्न / Per question</h2>
{_table(HEADER, cells(rows))}
<h2>सबसे ज़्यादा ग़लत हुए {TOP} प्रश्न / The {TOP} most failed questions</h2>
{_table(HEADER, cells(failed))}
<h2>हर विद्यार्थी / Per learner</h2>
{_table(LEARNER_HEADER, [list(p) for p in people])}
<h2>कौन कहाँ अटका है / Who is stuck where</h2>
{_table(["विद्यार्थी / learner", "प्रश्न / question"], [list(x) for x in stuck_at])}
{f"<h2>छोड़ी गई files / Skipped files</h2><ul>{skipped_html}</ul>" if skipped else ""}
</body></html>
"""


def _ours(target: Path) -> bool:
    """Was this file written by the gradebook (so it may be replaced)?"""
    first = target.read_bytes()[:4096].decode("utf-8-sig", errors="replace").splitlines()[:1]
    sign = HTML_MARK if target.suffix == ".html" else to_csv([]).splitlines()[0]
    return first == [sign]


def targets(out: Path) -> dict[str, Path]:
    """gradebook.csv and .html in ``out`` (created), after checking that writing them is safe."""
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise BadArgs(f"folder {out} बनाया नहीं जा सका: {exc}", f"could not create the folder {out}: {exc}") from None
    found = {"csv": out / "gradebook.csv", "html": out / "gradebook.html"}
    for t in found.values():
        if t.is_symlink() or t.resolve().parent != out.resolve():
            raise BadArgs(f"{t} folder {out} के बाहर ले जाता है; यहाँ नहीं लिखा जाएगा।",
                          f"{t} points outside the folder {out}; refusing to write there.")
        if t.exists() and not (t.is_file() and _ours(t)):
            raise BadArgs(f"{t} पहले से है और gradebook की बनाई नहीं है; कोई दूसरा --out चुनिए।",
                          f"{t} already exists and was not written by the gradebook; choose another --out.")
    return found


def print_report(rows, failed, people, skipped) -> None:
    fmt = "{:<32} {:<5} {:<14} {:>5} {:>5} {:>6} {:>5} {:>6} {:>5} {:>5}"
    print(say("कक्षा की प्रगति", "Class progress") + f": {len(people)} {say('विद्यार्थी', 'learners')}, {len(rows)} "
          + say("प्रश्न", "questions"))
    print("{:<32} {:<5} {:<14} {:>5} {:>5} {:>6} {:>4} {:>6} {:>5} {:>5}".format(  # 🔑 is two columns wide
          "notebook", "q", "kind", "tried", "pass", "rate%", "🔑", "tries", "hints", "sol."))
    for r in rows:
        print(fmt.format(*(_cell(r, key) or "—" for key, _, _ in COLUMNS)))
    print("🔑 = " + say("हल देखने के बाद पास", "passed after viewing the solution")
          + "; tried = " + say("प्रयास करने वाले विद्यार्थी", "learners who attempted")
          + "; tries = " + say("औसत प्रयास", "mean attempts") + "; sol. = " + say("हल देखने वाले", "solutions viewed"))
    print("\n" + say(f"सबसे ज़्यादा ग़लत हुए {TOP} प्रश्न", f"The {TOP} most failed questions") + ":")
    for r in failed:
        print(f"  {r['notebook']} {r['question']}: {r['pass_rate']:.0f}% ({r['passed']}/{r['attempted']})")
    print("\n" + say("हर विद्यार्थी", "Per learner") + ":")
    for name, n, after, total in people:
        print(f"  {name:<24} {n}/{total}" + (f"  (🔑 {after})" if after else ""))


def main(argv: list[str] | None = None) -> int:
    parser = _Parser(prog="python -m coursekit gradebook",
                     description="कक्षा का gradebook (CSV + HTML) विद्यार्थियों की progress files से। / "
                                 "A class gradebook (CSV + HTML) from learners' progress files.")
    parser.add_argument("paths", nargs="+", help="progress files, or folders to search for *.json")
    parser.add_argument("--out", default="build/gradebook", help="output folder (default build/gradebook)")
    parser.add_argument("--banks", action=argparse.BooleanOptionalAction, default=True,
                        help="take the question list and kinds from the question banks (default: yes)")
    try:
        args = parser.parse_args(sys.argv[1:] if argv is None else argv)
        learners, skipped = read_learners(find_files(args.paths))
        for f, why in skipped:
            print(f"⚠️ पढ़ी नहीं जा सकी, छोड़ दी गई: {f} ({why}) / unreadable, skipped: {f} ({why})", file=sys.stderr)
        if not learners:
            raise BadArgs("कोई भी progress file पढ़ी नहीं जा सकी।", "no progress file could be read.")
        out = targets(Path(args.out))
    except BadArgs as exc:
        print(exc, file=sys.stderr)
        return 2
    except SystemExit as exc:   # --help
        return exc.code or 0
    questions = question_list(learners, args.banks)
    rows = question_rows(learners, questions)
    failed, people = most_failed(rows), learner_rows(learners, questions)
    write_text_atomic(out["csv"], to_csv(rows), encoding="utf-8-sig")
    stuck_at = stuck(learners)
    write_text_atomic(out["html"], to_html(rows, failed, people, skipped, stuck_at))
    print_report(rows, failed, people, skipped)
    print("\n" + say("कौन कहाँ अटका है (कोशिश की, अभी पास नहीं)", "Who is stuck where (tried, not passed yet)") + ":")
    for name, where in stuck_at:
        print(f"  {name:<24} {where}")
    print("\n" + say("लिखा गया", "written") + f": {out['csv']}, {out['html']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
