"""The command line never destroys work, and its errors are one line in Hindi and one in English (exit code 2).

Every test works in a temporary course folder (``ROOT`` of ``coursekit.tooling.cli`` is patched), never in the
repository itself.
"""
import re
import shutil
import subprocess

import nbformat
import pytest
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

from coursekit.exercises.build import student_edition_is_current
from coursekit.tooling import cli, envsetup, nbfiles

BANK = "00_welcome"
DEVANAGARI = re.compile(r"[\u0900-\u097F]")


def _md(text, tag=None):
    cell = new_markdown_cell(text)
    if tag:
        cell.metadata["tags"] = [tag]
    return cell


def _demo(cells=None):
    return new_notebook(cells=cells or [_md("# डेमो / Demo"), _md("हिंदी पाठ", "lang-hi"), _md("English text", "lang-en"),
                                        new_code_cell("x = 1")])


@pytest.fixture
def course(tmp_path, monkeypatch):
    """An empty course folder with notebooks/01_demo.ipynb, used as ROOT and as the working folder."""
    (tmp_path / "notebooks").mkdir()
    nbformat.write(_demo(), tmp_path / "notebooks" / "01_demo.ipynb")
    monkeypatch.setattr(cli, "ROOT", tmp_path)
    monkeypatch.setenv("COURSEKIT_NO_VENV", "1")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def _one_line_each(capsys) -> tuple[str, str]:
    """stderr must be exactly one Hindi line, then one English line, and no traceback."""
    lines = capsys.readouterr().err.strip().splitlines()
    assert len(lines) == 2, lines
    hi, en = lines
    assert DEVANAGARI.search(hi) and not DEVANAGARI.search(en), lines
    assert "Traceback" not in hi + en and en.startswith("error: ")
    return hi, en


def _student(course):
    """The generated student edition of BANK in exercises/ (written by the authors' command)."""
    assert cli.main(["exercises", "--write-student", BANK]) == 0
    path = course / "exercises" / f"{BANK}.ipynb"
    assert student_edition_is_current(course, BANK)
    return path


def _answer(path):
    """A learner types an answer into the first question's code cell (and does not run it)."""
    nb = nbformat.read(path, as_version=4)
    cell = [c for c in nb.cells if c.cell_type == "code"][1]
    cell.source = cell.source.replace("____", "42", 1)
    nbformat.write(nb, path)
    return path.read_bytes()


# ------------------------------------------------------------------ make solutions / exercises

def test_exercises_writes_only_solutions_and_keeps_a_learners_answers(course, capsys):
    path = _student(course)
    shutil.rmtree(course / "build")
    before = _answer(path)
    capsys.readouterr()
    assert cli.main(["exercises", f"exercises/{BANK}.ipynb"]) == 0      # = make solutions
    assert path.read_bytes() == before
    solutions = nbformat.read(course / "build" / "solutions" / f"{BANK}.ipynb", as_version=4)
    assert "assert_all_passed" in solutions.cells[-1].source
    assert capsys.readouterr().out.split() == [f"build/solutions/{BANK}.ipynb"]


def test_student_editions_refuse_a_learners_answers_without_git(course, capsys):
    path = _student(course)
    before = _answer(path)
    shutil.rmtree(course / "build")
    assert cli.main(["exercises", "--write-student", BANK]) == 2
    hi, en = _one_line_each(capsys)
    assert f"exercises/{BANK}.ipynb" in hi and f"exercises/{BANK}.ipynb" in en and "Move these files" in en
    assert path.read_bytes() == before and not (course / "build").exists()    # nothing at all was written


def test_student_editions_refuse_an_executed_notebook(course, capsys):
    path = _student(course)
    nb = nbformat.read(path, as_version=4)
    nb.cells[-1].execution_count = 1                   # only run, no answer typed
    nbformat.write(nb, path)
    before = path.read_bytes()
    assert cli.main(["exercises", "--write-student"]) == 2
    assert "executed cells" in _one_line_each(capsys)[1] and path.read_bytes() == before


def test_student_editions_regenerate_a_clean_committed_notebook_and_refuse_uncommitted_changes(course, capsys):
    path = _student(course)
    nb = nbformat.read(path, as_version=4)
    nb.cells[-1].source = "progress()  # what the bank generated last time"
    nbformat.write(nb, path)
    git = ["git", "-C", str(course), "-c", "user.name=t", "-c", "user.email=t@t", "-c", "commit.gpgsign=false"]
    subprocess.run([*git, "init", "-q"], check=True)
    subprocess.run([*git, "add", "exercises"], check=True)
    subprocess.run([*git, "commit", "-q", "-m", "old edition"], check=True)
    assert not student_edition_is_current(course, BANK)
    assert cli.main(["exercises", "--write-student", BANK]) == 0        # clean in git: it was generated, replace it
    assert student_edition_is_current(course, BANK)
    capsys.readouterr()
    before = _answer(path)                                                # now differs from the commit
    assert cli.main(["exercises", "--write-student", BANK]) == 2
    assert "uncommitted changes" in _one_line_each(capsys)[1] and path.read_bytes() == before


def test_unknown_bank_is_one_bilingual_error_and_nothing_is_written(course, capsys):
    assert cli.main(["exercises", BANK, "nosuchbank"]) == 2
    hi, en = _one_line_each(capsys)
    assert "nosuchbank" in hi and "nosuchbank" in en
    assert not (course / "build").exists()


# ------------------------------------------------------------------ edition

def test_edition_refuses_the_notebooks_folder_and_its_input(course, capsys):
    source = course / "notebooks" / "01_demo.ipynb"
    before = source.read_bytes()
    assert cli.main(["edition", "--lang", "hi", "--out", "notebooks", "notebooks/01_demo.ipynb"]) == 2
    assert "notebooks" in _one_line_each(capsys)[1]
    other = course / "mine"
    other.mkdir()
    shutil.copy(source, other / "01_demo.ipynb")
    assert cli.main(["edition", "--lang", "en", "--out", "mine/.", str(other / "01_demo.ipynb")]) == 2
    assert "input notebook" in _one_line_each(capsys)[1]
    assert source.read_bytes() == before and (other / "01_demo.ipynb").read_bytes() == before


def test_edition_replaces_its_own_output_but_no_other_file(course, capsys):
    out = course / "build" / "editions" / "hi" / "01_demo.ipynb"
    assert cli.main(["edition", "--lang", "hi", "notebooks/01_demo.ipynb"]) == 0
    assert [c.source for c in nbformat.read(out, as_version=4).cells][1] == "हिंदी पाठ"
    assert cli.main(["edition", "--lang", "hi", "notebooks/01_demo.ipynb"]) == 0    # a later run may replace it
    capsys.readouterr()
    mine = course / "mine"
    mine.mkdir()
    nbformat.write(_demo([_md("# मेरे नोट्स / my notes")]), mine / "01_demo.ipynb")
    before = (mine / "01_demo.ipynb").read_bytes()
    assert cli.main(["edition", "--lang", "hi", "--out", "mine", "notebooks/01_demo.ipynb"]) == 2
    assert "not an edition" in _one_line_each(capsys)[1] and (mine / "01_demo.ipynb").read_bytes() == before


# ------------------------------------------------------------------ one-line bilingual errors, exit code 2

@pytest.mark.parametrize("argv", [
    [], ["frobnicate"], ["edition", "--lang", "xx", "notebooks/01_demo.ipynb"], ["edition", "--lang", "hi"],
    ["validate", "--bogus"],
], ids=["no command", "unknown command", "bad choice", "missing argument", "unknown option"])
def test_usage_errors_are_bilingual(course, capsys, argv):
    assert cli.main(argv) == 2
    hi, en = _one_line_each(capsys)
    assert "--help" in hi and "--help" in en


@pytest.mark.parametrize("command", [["edition", "--lang", "hi"], ["site"], ["slides"], ["slides", "--annotate"],
                                     ["refresh"], ["course"]])
@pytest.mark.parametrize("bad", ["missing", "folder", "malformed", "not a notebook"])
def test_bad_paths_are_bilingual_errors(course, capsys, command, bad):
    path = {"missing": course / "nope.ipynb", "folder": course / "notebooks", "malformed": course / "97_bad.ipynb",
            "not a notebook": course / "readme.md"}[bad]
    (course / "97_bad.ipynb").write_text('{"cells": [', encoding="utf-8")
    (course / "readme.md").write_text("hello", encoding="utf-8")
    assert cli.main([*command, str(path)]) == 2
    hi, en = _one_line_each(capsys)
    assert str(path) in hi and str(path) in en
    assert not (course / "build").exists()


def test_validate_checks_every_file_and_reports_all_problems(course, capsys):
    good = course / "01_good.ipynb"
    nbformat.write(_demo(), good)
    malformed = course / "02_bad.ipynb"
    malformed.write_text('{"cells": [', encoding="utf-8")
    unpaired = course / "03_unpaired.ipynb"
    nbformat.write(_demo([_md("हिंदी पाठ", "lang-hi"), _md("# शीर्षक / Title")]), unpaired)
    assert cli.main(["validate", str(good), str(malformed), str(course / "missing"), str(unpaired)]) == 1
    out = capsys.readouterr().out
    assert re.search(r"FAIL .*02_bad.ipynb\n\s+- .*पढ़ा नहीं जा सका.* / cannot read", out)
    assert re.search(r"FAIL .*missing\n.*\n\s+- .*file not found", out)
    assert re.search(r"FAIL .*03_unpaired.ipynb\n\s+- cell 0: lang-hi cell is not followed by its lang-en twin", out)
    assert out.count("FAIL") == 3 and out.startswith(f"OK   {good}\n")


# ------------------------------------------------------------------ commands that pass their options on

def test_gradebook_and_test_pass_their_options_on(course, monkeypatch):
    from coursekit.exercises import gradebook

    seen = {}

    def fake_gradebook(argv):
        seen["gradebook"] = argv
        return 3

    def fake_tests(extra):
        seen["test"] = extra
        return 0

    monkeypatch.setattr(gradebook, "main", fake_gradebook)
    monkeypatch.setattr(cli, "run_tests", fake_tests)
    assert cli.main(["gradebook", "--out", "marks", "submissions"]) == 3
    assert cli.main(["test", "-k", "cli", "-x"]) == 0
    assert seen == {"gradebook": ["--out", "marks", "submissions"], "test": ["-k", "cli", "-x"]}


def test_an_interrupted_write_keeps_the_old_file(tmp_path, monkeypatch):
    path = tmp_path / "01_demo.ipynb"
    nbformat.write(_demo(), path)
    before = path.read_bytes()

    def broken(nb, f):
        f.write('{"cells": [')
        raise OSError("disk full")

    monkeypatch.setattr(nbfiles.nbformat, "write", broken)
    with pytest.raises(OSError):
        nbfiles.write_notebook(_demo([_md("# नया / new")]), path)
    assert path.read_bytes() == before and [p.name for p in tmp_path.iterdir()] == ["01_demo.ipynb"]


# ------------------------------------------------------------------ light commands need no 5.5 GB environment
def _outside_the_venv(monkeypatch):
    monkeypatch.delenv("COURSEKIT_NO_VENV", raising=False)
    monkeypatch.setattr(cli, "running_in_venv", lambda: False)
    calls = []
    monkeypatch.setattr(cli, "rerun_in_venv", lambda argv: calls.append(argv) or 0)
    monkeypatch.setattr(cli, "setup", lambda *a, **k: calls.append("setup"))
    return calls


def test_edition_and_validate_run_where_nbformat_is(course, monkeypatch):
    calls = _outside_the_venv(monkeypatch)
    assert cli.main(["edition", "--lang", "hi", "--out", str(course / "hi"), "notebooks/01_demo.ipynb"]) == 0
    assert (course / "hi" / "01_demo.ipynb").exists() and calls == []
    cli.main(["validate", "notebooks/01_demo.ipynb"])
    assert calls == []


def test_a_heavy_command_says_what_it_will_install_before_it_does(course, monkeypatch, capsys):
    calls = _outside_the_venv(monkeypatch)
    monkeypatch.setattr(envsetup, "VENV", course / ".venv")          # no environment yet
    monkeypatch.setattr("sys.stdin", None)                      # no one at the terminal (CI): go on
    assert cli.main(["lab"]) == 0 and calls == [["lab"]]
    err = capsys.readouterr().err
    assert "5.5 GB" in err and "बनेगा" in err


def test_a_learner_at_the_terminal_can_say_no(course, monkeypatch, capsys):
    calls = _outside_the_venv(monkeypatch)
    monkeypatch.setattr(envsetup, "VENV", course / ".venv")
    monkeypatch.setattr(cli, "importable", lambda name: False)   # a Python without nbformat

    class Terminal:
        def isatty(self):
            return True

    monkeypatch.setattr("sys.stdin", Terminal())
    monkeypatch.setattr("builtins.input", lambda prompt: "n")
    assert cli.main(["edition", "--lang", "hi", "--out", "hi", "notebooks/01_demo.ipynb"]) == 2 and calls == []
    err = capsys.readouterr().err
    assert "pip install nbformat" in err and "Nothing was installed" in err
