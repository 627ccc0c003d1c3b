"""The progress file never loses work: atomic writes, a lock for two writers, unreadable files kept aside,
unsaved results reported; hint/solution events and 'passed after the solution'."""
import importlib
import json
import random
import signal
import subprocess
import sys
import time

import pytest

import coursekit
from coursekit.i18n import CourseError

progress = importlib.import_module("coursekit.exercises.progress")  # the package's `progress` is the function


@pytest.fixture(autouse=True)
def _fresh_warnings(monkeypatch):
    monkeypatch.setattr(progress, "_warned", set())


def entries(path, notebook="nb"):
    return json.loads(path.read_text(encoding="utf-8"))[notebook]


def asides(path):
    return sorted(path.parent.glob(path.name + ".unreadable-*"))


def test_record_counts_attempts_and_never_downgrades(progress_file):
    assert progress.record("nb", "q1", "fail") is True
    first = entries(progress_file)["q1"]
    for status in ("fail", "pass", "fail", "not attempted"):
        assert progress.record("nb", "q1", status) is True
    e = entries(progress_file)["q1"]
    assert e["status"] == "pass" and e["attempts"] == 4 and e["hints"] == 0
    assert e["first_time"] == first["first_time"] and e["time"] >= e["first_time"]
    assert e["after_solution"] is False and e["solution_viewed"] is False
    progress.record("nb", "q2", "fail")
    progress.record("nb", "q2", "not attempted")   # an untouched cell run again does not hide the failed attempt
    assert entries(progress_file)["q2"]["status"] == "fail" and entries(progress_file)["q2"]["attempts"] == 1


def test_old_files_without_counters_still_work(progress_file):
    progress_file.write_text(json.dumps({"nb": {"q1": {"status": "pass", "time": "2025-01-01T00:00:00+00:00"}}}))
    assert progress.record("nb", "q1", "fail")
    e = entries(progress_file)["q1"]
    assert e["status"] == "pass" and e["attempts"] == 1 and not asides(progress_file)


def test_hints_solution_and_after_solution(progress_file):
    for _ in range(2):
        assert progress.record_event("nb", "q1", "hint") is True
    progress.record("nb", "q1", "fail")
    progress.record_event("nb", "q1", "solution")
    progress.record("nb", "q1", "pass")
    progress.record("nb", "q2", "pass")            # clean pass, solution viewed afterwards
    progress.record_event("nb", "q2", "solution")
    progress.record("nb", "q2", "pass")
    progress.record_event("nb", "q3", "solution")  # never attempted
    progress.record_event("nb", "q3", "solution")
    progress.record_event("open", "q9", "solution")  # an open question: reading the model answer is the method
    progress.record("open", "q9", "done")
    e = entries(progress_file)
    assert (e["q1"]["hints"], e["q1"]["solution_viewed"], e["q1"]["after_solution"]) == (2, True, True)
    assert e["q1"]["solution_time"] and e["q1"]["attempts"] == 2
    assert (e["q2"]["solution_viewed"], e["q2"]["after_solution"], e["q2"]["attempts"]) == (True, False, 2)
    assert e["q3"]["status"] == "not attempted" and progress.RANK[e["q3"]["status"]] == 0
    assert e["q3"]["attempts"] == 0 and e["q3"]["solution_viewed"] is True
    assert entries(progress_file, "open")["q9"]["after_solution"] is False
    table = progress.summary()
    assert {k: table["nb"][k] for k in ("passed", "total", "after_solution", "hints", "solutions")} == \
        {"passed": ["q1", "q2"], "total": 3, "after_solution": ["q1"], "hints": 2, "solutions": ["q1", "q2", "q3"]}


def test_bad_calls(progress_file, capsys):
    assert progress.record("", "q1", "pass") is None   # a question outside any bank: nothing to save, no warning
    assert progress.record_event("", "q1", "hint") is None
    assert not progress_file.exists() and capsys.readouterr().err == ""
    with pytest.raises(CourseError, match="status must be one of"):
        progress.record("nb", "q1", "passed")
    with pytest.raises(CourseError, match="event must be one of"):
        progress.record_event("nb", "q1", "peek")
    with pytest.raises(CourseError, match="must be strings"):
        progress.record(progress.SETTINGS, "q1", "pass")
    assert not progress_file.exists()


def test_summary_and_show(progress_file, capsys):
    for q in ("q1", "q2", "q10"):
        progress.record("00_welcome", q, "pass")
    progress.record_event("00_welcome", "q3", "solution")
    progress.record("00_welcome", "q3", "pass")
    progress.record("00_welcome", "q4", "fail")
    assert progress.set_setting("language", "hi") is True
    table = progress.show({"00_welcome": [f"q{i}" for i in range(1, 11)]})
    assert table == {"00_welcome": {"passed": ["q1", "q2", "q3", "q10"], "total": 10, "after_solution": ["q3"],
                                    "failed": ["q4"], "hints": 0, "solutions": ["q3"]}}
    out = capsys.readouterr().out
    row = next(line for line in out.splitlines() if line.strip().startswith("00_welcome"))
    assert "█████░░░░░░░  4/10      1       0       1   ✅ q1, q2, q10  🔑 q3  ❌ q4" in row
    assert table._ipython_display_() is None          # Jupyter shows the printed table once, not the dict again
    assert "🔑 = हल देखने के बाद पास / passed after viewing the solution" in out and "_settings" not in out
    coursekit.set_language("en")
    progress.show()
    out = capsys.readouterr().out
    assert "🔑 = passed after viewing the solution" in out and "हल" not in out


def test_show_without_solution_views_marks_no_question_with_the_key(progress_file, capsys):
    progress.record("nb", "q1", "pass")
    progress.show()
    out = capsys.readouterr().out
    assert "✅ q1" in out and "🔑 q" not in out


def test_settings(progress_file):
    assert progress.get_setting("language", "both") == "both"
    assert progress.set_setting("language", "hi") and progress.set_setting("seen", [1, 2])
    progress.record("nb", "q1", "pass")
    assert progress.get_setting("language") == "hi" and progress.get_setting("seen") == [1, 2]
    assert list(progress.summary()) == ["nb"]
    with pytest.raises(CourseError, match="JSON value"):
        progress.set_setting("x", object())


GOOD = json.dumps({"00_welcome": {"q1": {"status": "pass"}, "q3": {"status": "pass"}}}).encode()
CORRUPT = {
    "truncated": GOOD[:40],
    "binary": bytes(range(256)) * 4,
    "empty": b"",
    "list": b"[]",
    "null": b"null",
    "notebook_list": b'{"00_welcome": []}',
    "entry_string": b'{"00_welcome": {"q5": "pass"}}',
    "entry_no_status": b'{"00_welcome": {"q5": {"time": "x"}}}',
    "bad_counter": b'{"00_welcome": {"q5": {"status": "pass", "attempts": "3"}}}',
    "bad_flag": b'{"00_welcome": {"q5": {"status": "pass", "after_solution": 1}}}',
    "bad_settings": b'{"_settings": [], "00_welcome": {}}',
}


@pytest.mark.parametrize("name", CORRUPT)
def test_unreadable_file_is_set_aside_never_overwritten(progress_file, capsys, name):
    progress_file.write_bytes(CORRUPT[name])
    assert progress.record("00_welcome", "q5", "pass") is True
    (aside,) = asides(progress_file)
    assert aside.read_bytes() == CORRUPT[name]
    assert json.loads(progress_file.read_text())["00_welcome"]["q5"]["status"] == "pass"
    assert list(json.loads(progress_file.read_text())["00_welcome"]) == ["q5"]
    err = capsys.readouterr().err
    assert str(aside) in err and "पढ़ी नहीं जा सकी" in err and "could not be read" in err


def test_load_sets_aside_too_and_warns_once(progress_file, capsys):
    progress_file.write_bytes(b'{"00_welcome": {"q1": ')
    assert progress.load() == {} and progress.summary() == {}
    (aside,) = asides(progress_file)
    assert not progress_file.exists() and aside.read_bytes() == b'{"00_welcome": {"q1": '
    assert capsys.readouterr().err.count("could not be read") == 1   # the second load finds no file


def test_set_aside_never_overwrites_an_earlier_one(progress_file, monkeypatch, capsys):
    taken = progress_file.with_name(progress_file.name + ".unreadable-20261205T183000")
    monkeypatch.setattr(progress, "_aside_name", lambda p: taken)
    taken.write_bytes(b"an earlier unreadable file")
    progress_file.write_bytes(b"\x00\x01junk")
    progress.record("nb", "q1", "pass")
    progress_file.write_bytes(b"more junk")
    progress.record("nb", "q1", "pass")
    assert taken.read_bytes() == b"an earlier unreadable file"
    assert taken.with_name(taken.name + "-2").read_bytes() == b"\x00\x01junk"
    assert taken.with_name(taken.name + "-3").read_bytes() == b"more junk"


def test_utf8_bom_file_is_read(progress_file, capsys):
    data = {"00_welcome": {"q1": {"status": "pass", "time": "t"}}, "_settings": {"नाम": "आशा"}}
    progress_file.write_bytes(b"\xef\xbb\xbf" + json.dumps(data, ensure_ascii=False).encode("utf-8"))
    assert progress.load() == data
    assert progress.record("00_welcome", "q2", "fail")
    assert set(entries(progress_file, "00_welcome")) == {"q1", "q2"}
    assert progress.get_setting("नाम") == "आशा"
    assert not asides(progress_file) and capsys.readouterr().err == ""


def _assert_unsaved_warning(capsys):
    err = capsys.readouterr().err
    assert "प्रगति सहेजी नहीं जा सकी" in err and "progress could not be saved" in err and "NOT saved" in err


def test_folder_in_the_way_is_reported_once(progress_file, capsys):
    progress_file.mkdir()
    assert progress.record("nb", "q1", "pass") is False
    _assert_unsaved_warning(capsys)
    assert progress.record("nb", "q2", "pass") is False
    assert "could not be saved" not in capsys.readouterr().err   # once per process and path
    assert progress.load() == {}
    assert "could not be read" in capsys.readouterr().err


def test_missing_folder_is_reported(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("COURSEKIT_PROGRESS", str(tmp_path / "no" / "such" / "p.json"))
    assert progress.record("nb", "q1", "pass") is False
    _assert_unsaved_warning(capsys)
    assert progress.record_event("nb", "q1", "hint") is False and progress.set_setting("a", 1) is False


def test_read_only_place_keeps_the_old_file(progress_file, monkeypatch, capsys):
    progress.record("nb", "q1", "pass")
    before = progress_file.read_bytes()

    def refuse(src, dst):
        raise PermissionError(13, "Permission denied", str(dst))

    monkeypatch.setattr(progress.os, "replace", refuse)
    assert progress.record("nb", "q2", "pass") is False
    _assert_unsaved_warning(capsys)
    assert progress_file.read_bytes() == before
    assert sorted(p.name for p in progress_file.parent.iterdir()) == ["progress.json", "progress.json.lock"]


# The writer processes load the progress module alone: coursekit.exercises' own __init__ imports torch, which would
# make each of the 22 processes below start in seconds instead of a tenth of one.
IMPORT_PROGRESS = """
import importlib, pathlib, sys, types
import coursekit
package = types.ModuleType("coursekit.exercises")
package.__path__ = [str(pathlib.Path(coursekit.__file__).parent / "exercises")]
sys.modules["coursekit.exercises"] = package
p = importlib.import_module("coursekit.exercises.progress")
assert "torch" not in sys.modules
"""

WRITER = IMPORT_PROGRESS + """
tag, n = sys.argv[1], int(sys.argv[2])
sys.stdin.readline()          # start together
for i in range(n):
    p.record("race", f"{tag}{i}", "fail")
"""


def test_two_writers_keep_every_entry(progress_file):
    procs = [subprocess.Popen([sys.executable, "-c", WRITER, tag, "300"], stdin=subprocess.PIPE)
             for tag in ("a", "b")]
    for proc in procs:
        proc.stdin.write(b"go\n")
        proc.stdin.flush()
    assert [proc.wait(timeout=60) for proc in procs] == [0, 0]
    kept = entries(progress_file, "race")
    assert len(kept) == 600 and all(e["attempts"] == 1 for e in kept.values())


LOOPER = IMPORT_PROGRESS + """
i = 0
while True:
    p.record("loop", f"q{i % 40}", "fail")
    if i == 0:
        print("started", flush=True)
    i += 1
"""


def test_kill_9_mid_write_never_truncates(progress_file):
    seed = {"seed": {f"q{i}": {"status": "pass", "attempts": 1, "time": "2026-01-01T00:00:00+00:00",
                               "first_time": "2026-01-01T00:00:00+00:00"} for i in range(120)}}
    progress_file.write_text(json.dumps(seed, indent=1))
    assert progress_file.stat().st_size > 15_000
    rng = random.Random(7)
    for _ in range(20):
        proc = subprocess.Popen([sys.executable, "-c", LOOPER], stdout=subprocess.PIPE)
        assert proc.stdout.readline() == b"started\n"
        time.sleep(rng.uniform(0, 0.03))
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        data = progress.parse(progress_file.read_bytes())   # raises on an empty or truncated file
        assert data["seed"] == seed["seed"] and data["loop"]
    assert not asides(progress_file)
    assert progress.record("loop", "q0", "pass")   # temporary files left by the killed writers are cleared
    assert sorted(p.name for p in progress_file.parent.iterdir()) == ["progress.json", "progress.json.lock"]
