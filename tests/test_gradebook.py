"""The class gradebook: exact numbers in the CSV, a self-contained bilingual HTML page, a terminal table;
unreadable files skipped, bad arguments answered with one bilingual line and exit code 2."""
import csv
import io
import json

import pytest

from coursekit.exercises import load
from coursekit.exercises.gradebook import main


def _e(status, attempts=0, hints=0, solution=False, after=False):
    return {"status": status, "attempts": attempts, "hints": hints, "solution_viewed": solution,
            "after_solution": after, "first_time": "2026-01-01T00:00:00+00:00", "time": "2026-01-01T00:00:00+00:00"}


@pytest.fixture
def klass(tmp_path):
    """asha.json, ravi/.coursekit_progress.json (with a BOM), sub/meera.json, and an unreadable broken.json."""
    root = tmp_path / "class"
    (root / "ravi").mkdir(parents=True)
    (root / "sub").mkdir()
    (root / "asha.json").write_text(json.dumps({"00_welcome": {
        "q1": _e("pass", 2, hints=1), "q2": _e("fail", 3), "q3": _e("pass", 1, solution=True, after=True)}}))
    ravi = {"00_welcome": {"q1": _e("pass", 1), "q2": _e("pass", 1)}, "_settings": {"language": "hi"}}
    (root / "ravi" / ".coursekit_progress.json").write_bytes(b"\xef\xbb\xbf" + json.dumps(ravi).encode())
    (root / "sub" / "meera.json").write_text(json.dumps({
        "00_welcome": {"q1": _e("fail", 4), "q2": _e("not attempted", 0, hints=2, solution=True)},
        "zz_custom": {"a1": _e("pass", 1)}}))
    (root / "broken.json").write_text('{"00_welcome": {"q1": ')
    return root


def _rows(out):
    raw = (out / "gradebook.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")   # Excel reads UTF-8 (Hindi) only with a BOM
    header, *rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))
    return header, {(r[0], r[1]): r[2:] for r in rows}


def test_gradebook_numbers_html_and_table(klass, tmp_path, capsys):
    out = tmp_path / "report"
    assert main([str(klass), "--out", str(out)]) == 0
    std = capsys.readouterr()
    bank = load("00_welcome")
    header, rows = _rows(out)
    assert header[:3] == ["notebook", "प्रश्न / question", "प्रकार / kind"] and len(rows) == len(bank) + 1
    kind = {q.id: type(q).__name__ for q in bank}
    # kind, attempted, passed, pass rate %, after solution, mean attempts, hints, solutions viewed
    assert rows["00_welcome", "q1"] == [kind["q1"], "3", "2", "66.7", "0", "2.33", "1", "0"]
    assert rows["00_welcome", "q2"] == [kind["q2"], "2", "1", "50.0", "0", "2.00", "2", "1"]
    assert rows["00_welcome", "q3"] == [kind["q3"], "1", "1", "100.0", "1", "1.00", "0", "1"]
    assert rows["00_welcome", "q4"] == [kind["q4"], "0", "0", "", "0", "", "0", "0"]
    assert rows["zz_custom", "a1"] == ["", "1", "1", "100.0", "0", "1.00", "0", "0"]

    page = (out / "gradebook.html").read_text(encoding="utf-8")
    assert "<svg" in page and page.count('fill="#2e7d32"') == 2 and "66.7" in page
    assert "कक्षा की प्रगति" in page and "Class progress" in page and "सबसे ज़्यादा ग़लत" in page
    assert "<script" not in page and "src=" not in page and "href=" not in page and "@import" not in page

    total = len(bank) + 1
    assert f"asha                     2/{total}  (🔑 1)" in std.out
    assert f"meera                    1/{total}" in std.out and f"ravi                     2/{total}" in std.out
    failed = std.out.split("most failed")[1]
    assert failed.index("00_welcome q2: 50% (1/2)") < failed.index("00_welcome q1: 67% (2/3)")
    assert "q3" not in failed.split("\n\n")[0]
    assert "broken.json" in std.err and "छोड़ दी गई" in std.err and "skipped" in std.err
    assert std.err.count("\n") == 1 and "Traceback" not in std.err


def test_without_banks_only_questions_seen(klass, tmp_path):
    out = tmp_path / "nb"
    assert main([str(klass / "asha.json"), str(klass / "sub"), "--out", str(out), "--no-banks"]) == 0
    _, rows = _rows(out)
    assert list(rows) == [("00_welcome", "q1"), ("00_welcome", "q2"), ("00_welcome", "q3"), ("zz_custom", "a1")]
    assert rows["00_welcome", "q1"] == ["", "2", "1", "50.0", "0", "3.00", "1", "0"]


def test_default_out_and_rewriting_its_own_files(klass, tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    assert main([str(klass)]) == 0
    first = (tmp_path / "build" / "gradebook" / "gradebook.csv").read_bytes()
    assert main([str(klass)]) == 0   # its own earlier report may be replaced
    assert (tmp_path / "build" / "gradebook" / "gradebook.csv").read_bytes() == first


@pytest.mark.parametrize("name", ["gradebook.csv", "gradebook.html"])
def test_never_overwrites_other_files(klass, tmp_path, capsys, name):
    out = tmp_path / "mine"
    out.mkdir()
    (out / name).write_text("my own notes")
    assert main([str(klass), "--out", str(out)]) == 2
    assert (out / name).read_text() == "my own notes" and len(list(out.iterdir())) == 1
    err = capsys.readouterr().err
    assert "पहले से है" in err and "already exists" in err


def test_refuses_a_link_outside_the_folder(klass, tmp_path, capsys):
    out, outside = tmp_path / "out", tmp_path / "elsewhere.html"
    out.mkdir()
    (out / "gradebook.html").symlink_to(outside)
    assert main([str(klass), "--out", str(out)]) == 2
    assert not outside.exists() and "outside" in capsys.readouterr().err


@pytest.mark.parametrize("argv", [["{tmp}/missing/folder"], ["{tmp}/EMPTY"], ["--nope", "x"], []])
def test_bad_arguments_one_bilingual_line_exit_2(tmp_path, capsys, argv):
    (tmp_path / "EMPTY").mkdir()
    assert main([a.format(tmp=tmp_path) for a in argv] + ["--out", str(tmp_path / "o")]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and " / " in err and "Traceback" not in err
    assert any(w in err for w in ("नहीं", "ग़लत")) and not (tmp_path / "o").exists()


def test_all_files_unreadable_is_exit_2(tmp_path, capsys):
    (tmp_path / "a.json").write_bytes(b"\x00junk")
    assert main([str(tmp_path), "--out", str(tmp_path / "o")]) == 2
    err = capsys.readouterr().err
    assert "a.json" in err and "no progress file could be read" in err
