"""Class mode: solutions locked until the instructor releases them, a student package without solution strings,
submissions with the learner's name read by the gradebook, and the nbgrader export."""
import json
import os
import subprocess
import sys

import nbformat
import pytest

from coursekit.exercises import classmode as cm
from coursekit.exercises import gradebook, load
from coursekit.i18n import CourseError

SET = "03_vanishing_exploding_gradients"


@pytest.fixture(autouse=True)
def _no_class(monkeypatch, tmp_path):
    """Every test starts outside class mode, in an empty folder."""
    monkeypatch.delenv("COURSEKIT_CLASS", raising=False)
    monkeypatch.chdir(tmp_path)


def _class(folder, **settings):
    folder.mkdir(parents=True, exist_ok=True)
    (folder / cm.CLASS_FILE).write_text(json.dumps({"class": "t", "locked": "all", "released": [], **settings}))
    return folder


# -- the lock ------------------------------------------------------------------------------------------------------
def test_solution_is_shown_outside_class_mode(progress_file, capsys):
    q = load(SET)[6]
    q.solution()
    assert q.solution_code.strip() in capsys.readouterr().out
    assert json.loads(progress_file.read_text())[SET][q.id]["solution_viewed"] is True


def test_locked_set_shows_a_bilingual_message_and_records_nothing(progress_file, capsys, tmp_path):
    _class(tmp_path, locked=[SET])                 # found in the current folder
    q, other = load(SET)[6], load("00_welcome")[0]
    q.solution()
    out = capsys.readouterr().out
    assert "🔒" in out and "बंद" in out and "locked" in out and q.solution_code.strip() not in out
    assert not progress_file.exists()              # a locked solution was not viewed
    other.solution()                               # 00 is not in the locked list
    assert other.solution_code.strip() in capsys.readouterr().out


def test_open_question_is_locked_too(progress_file, capsys, tmp_path):
    _class(tmp_path)
    q = next(q for q in load(SET) if hasattr(q, "model_answer"))
    q.solution()
    out = capsys.readouterr().out
    assert "🔒" in out and q.model_answer.en[:30] not in out


def test_class_folder_from_the_environment_and_a_parent_folder(monkeypatch, tmp_path):
    folder = _class(tmp_path / "shared", released=[SET])
    monkeypatch.setenv("COURSEKIT_CLASS", str(folder))
    settings, found = cm.find_class()
    assert found == folder and not cm.is_locked(SET, settings) and cm.is_locked("00_welcome", settings)
    monkeypatch.setenv("COURSEKIT_CLASS", str(folder / cm.CLASS_FILE))
    assert cm.find_class()[1] == folder
    monkeypatch.delenv("COURSEKIT_CLASS")
    (tmp_path / "a" / "b").mkdir(parents=True)
    _class(tmp_path / "a")
    monkeypatch.chdir(tmp_path / "a" / "b")
    assert cm.find_class()[1] == tmp_path / "a"


def test_an_unreadable_class_file_locks_everything(tmp_path):
    (tmp_path / cm.CLASS_FILE).write_text('{"locked": ')
    settings, _ = cm.find_class()
    assert cm.is_locked("00_welcome", settings) and cm.is_locked(SET, settings)


def test_release_writes_the_solutions_and_the_released_list(progress_file, capsys, tmp_path):
    folder = _class(tmp_path / "class", locked="all")
    written = cm.release_solutions(["03"], folder)
    assert written == [folder / "solutions" / f"{SET}.json", folder / cm.CLASS_FILE]
    settings = json.loads((folder / cm.CLASS_FILE).read_text())
    assert settings["released"] == [SET] and settings["locked"] == "all"
    data = json.loads(written[0].read_text())["questions"]
    q = load(SET)[6]
    assert data[q.id]["solution"] == q.solution_code and data[q.id]["explanation"]["hi"] == q.explanation.hi
    # a question whose strings were stripped (student package) gets them from the released file
    os.environ["COURSEKIT_CLASS"] = str(folder)
    try:
        q.solution_code, q.explanation = "", None
        q.solution()
        out = capsys.readouterr().out
        assert "0.25 ** 10" in out and "9.5e-7" in out
        gone = load("00_welcome")[0]
        gone.solution_code, gone.explanation = "", None
        gone.solution()                             # not released: locked
        assert "🔒" in capsys.readouterr().out
    finally:
        del os.environ["COURSEKIT_CLASS"]
    with pytest.raises(CourseError, match="99"):
        cm.release_solutions(["99"], folder)


# -- the student package -------------------------------------------------------------------------------------------
SOURCES = {
    "nbx.py": 'from ._g import SOL_B\nSOL_A = """def f():\n    return 42"""\nKEEP = "x = 1"\nSTART = KEEP\n\n\n'
              'def questions():\n    return [Q("q1", T("सवाल", "question"), solution=SOL_A, explanation=T("क्योंकि", '
              '"because 42")), Q("q2", T("दूसरा", "two"), solution=KEEP,\n          model_answer=T("आदर्श", "model"))'
              ', Q("q3", solution=SOL_B)]\n',
    "_g.py": 'SOL_B = ("def g():\\n"\n         "    return 7")\n',
}


def test_strip_solutions_removes_values_and_constants_that_only_held_them():
    out, n = cm.strip_solutions(SOURCES)
    assert n == 7                   # 5 keyword values + the constants SOL_A and SOL_B (imported)
    text = "\n".join(out.values())
    for secret in ("return 42", "because 42", "आदर्श", "return 7"):
        assert secret not in text, secret
    assert 'KEEP = "x = 1"' in out["nbx.py"] and "START = KEEP" in out["nbx.py"]   # used elsewhere: kept
    assert 'solution=""' in out["nbx.py"] and "explanation=None" in out["nbx.py"] and "model_answer=None" in out["nbx.py"]
    assert 'T("सवाल", "question")' in out["nbx.py"]                                  # Devanagari offsets respected
    for src in out.values():
        compile(src, "x", "exec")


def test_leaks_finds_a_solution_left_in_the_text():
    q = load(SET)[6]
    assert f"{SET}/{q.id}" in cm.leaks({"x.py": f"S = {q.solution_code!r}\n{q.solution_code}"})
    assert cm.leaks({"x.py": "nothing here"}) == []


def test_student_package_has_no_solutions_and_still_checks_answers(tmp_path):
    out = tmp_path / "class"
    done = cm.class_package(out, "DL 2026")
    assert done["removed"] > 200 and done["banks"] >= 19
    assert done["leaks"] == []          # no starter is built from its solution (04 q13 once was)
    bank = (out / "coursekit" / "exercises" / "banks" / f"nb{SET}.py").read_text(encoding="utf-8")
    q7 = load(SET)[6]
    assert q7.solution_code not in bank and q7.explanation.en[:40] not in bank
    assert json.loads((out / "coursekit" / "exercises" / cm.CLASS_FILE).read_text())["locked"] == "all"
    assert '"exercises/coursekit-class.json"' in (out / "pyproject.toml").read_text()
    assert (out / "exercises" / f"{SET}.ipynb").exists() and not list((out / "exercises").glob(".*"))
    script = (f"import coursekit.exercises as ex\nqs = ex.load({SET!r})\nq = qs[6]\n"
              "assert q.solution_code == '' and q.explanation is None, q.solution_code\n"
              "assert q.evaluate(0.25 ** 10).passed and not q.evaluate(2.5).passed\n"
              "q.solution()\n")
    env = dict(os.environ, PYTHONPATH=str(out), COURSEKIT_PROGRESS=str(tmp_path / "p.json"), COURSEKIT_LANG="en")
    env.pop("COURSEKIT_CLASS", None)
    run = subprocess.run([sys.executable, "-c", script], cwd=tmp_path, env=env, capture_output=True, text=True,
                         timeout=300)
    assert run.returncode == 0, run.stderr
    assert "locked" in run.stdout and str(out / "coursekit") in subprocess.run(
        [sys.executable, "-c", "import coursekit; print(coursekit.__file__)"], cwd=tmp_path, env=env,
        capture_output=True, text=True).stdout
    with pytest.raises(CourseError):                                    # never over another folder's files
        (tmp_path / "other").mkdir()
        (tmp_path / "other" / "notes.txt").write_text("mine")
        cm.class_package(tmp_path / "other")


# -- submissions ---------------------------------------------------------------------------------------------------
def test_submit_writes_one_file_per_learner_and_never_overwrites_another(progress_file, tmp_path, monkeypatch):
    load(SET)[6].check(0.25 ** 10)
    load(SET)[5].check(0.5)
    path = cm.submit("  प्रिया   शर्मा ", tmp_path / "submissions")
    assert path.name == "प्रिया_शर्मा.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["_settings"]["learner"] == "प्रिया शर्मा" and data[SET]["q7"]["status"] == "pass"
    assert data[SET]["q6"]["status"] == "fail" and data[SET]["q6"]["attempts"] == 1
    assert json.loads(progress_file.read_text())["_settings"]["learner"] == "प्रिया शर्मा"   # remembered
    assert cm.submit(None, tmp_path / "submissions") == path                              # again: replaced
    monkeypatch.setenv("COURSEKIT_PROGRESS", str(tmp_path / "other.json"))
    with pytest.raises(CourseError, match="another learner"):
        cm.submit("प्रिया_शर्मा", tmp_path / "submissions")
    assert json.loads(path.read_text(encoding="utf-8"))["_settings"]["learner"] == "प्रिया शर्मा"
    with pytest.raises(CourseError, match="--name"):
        cm.submit(None, tmp_path / "submissions")                                         # no name, no terminal


def test_gradebook_reads_a_folder_of_submissions(progress_file, tmp_path, monkeypatch, capsys):
    subs = tmp_path / "submissions"
    for who, answer in (("Asha Rao", 0.25 ** 10), ("Ravi", 2.5)):
        monkeypatch.setenv("COURSEKIT_PROGRESS", str(tmp_path / f"{who}.progress"))
        load(SET)[6].check(answer)
        cm.submit(who, subs)
    assert gradebook.main([str(subs), "--out", str(tmp_path / "gb")]) == 0
    out = capsys.readouterr().out
    assert "Asha Rao" in out and "Ravi" in out                     # the names stored by submit, not file stems
    assert f"Ravi                     {SET} q7 (1 प्रयास, 0 संकेत / 1 tries, 0 hints)" in out   # stuck: Ravi only
    assert f"Asha Rao                 {SET} q7" not in out
    page = (tmp_path / "gb" / "gradebook.html").read_text(encoding="utf-8")
    assert "Who is stuck where" in page and "Asha_Rao" not in page


# -- nbgrader ------------------------------------------------------------------------------------------------------
def test_nbgrader_export_has_the_metadata_nbgrader_needs_and_its_tests_grade(tmp_path, progress_file):
    [path] = cm.export_nbgrader(["00"], tmp_path, "both")
    assert path == tmp_path / "source" / "00_welcome" / "00_welcome.ipynb"
    nb = nbformat.read(path, as_version=4)
    nbformat.validate(nb)
    metas = [c.metadata["nbgrader"] for c in nb.cells]
    assert all(m["schema_version"] == 3 and {"grade", "solution", "locked", "grade_id"} <= set(m) for m in metas)
    assert len({m["grade_id"] for m in metas}) == len(metas)
    questions = load("00_welcome")
    tests = [c for c in nb.cells if c.metadata["nbgrader"]["grade"] and c.cell_type == "code"]
    answers = [c for c in nb.cells if c.metadata["nbgrader"]["solution"] and c.cell_type == "code"]
    manual = [c for c in nb.cells if c.metadata["nbgrader"]["solution"] and c.cell_type == "markdown"]
    assert len(tests) == len(answers) == len(questions) - len(manual) and len(manual) == 1
    assert all(c.metadata["nbgrader"]["points"] == 1 and c.metadata["nbgrader"]["locked"] for c in tests)
    assert all("### BEGIN SOLUTION" in c.source and "### END SOLUTION" in c.source
               and not c.metadata["nbgrader"]["locked"] for c in answers)
    assert manual[0].metadata["nbgrader"]["grade"] and "points" in manual[0].metadata["nbgrader"]
    ns = {}
    for cell in nb.cells:                          # the source notebook (with solutions) passes every test
        if cell.cell_type == "code":
            exec(cell.source, ns)
    exec('q1_answer = "a"', ns)                    # a wrong answer fails the autograded test
    with pytest.raises(AssertionError, match="q1"):
        exec(tests[0].source, ns)
    en = nbformat.read(cm.export_nbgrader(["00"], tmp_path / "en", "en")[0], as_version=4)
    assert "Practice 00" in en.cells[0].source and "अभ्यास" not in en.cells[0].source


def test_cli_errors_are_one_bilingual_line(monkeypatch, capsys, progress_file):
    from coursekit.tooling import cli

    monkeypatch.setenv("COURSEKIT_NO_VENV", "1")
    monkeypatch.setattr(sys.stdin, "isatty", lambda: False, raising=False)
    assert cli.main(["submit"]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 2 and err[0].startswith("ग़लती:") and err[1].startswith("error:") and "--name" in err[1]
    assert cli.main(["export-nbgrader", "77", "--out", "x"]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 2 and "77" in err[1]
    assert cli.main(["submit", "--name", "Meera", "--out", "subs"]) == 0
    assert "subs/Meera.json" in capsys.readouterr().out.replace("\\", "/")
