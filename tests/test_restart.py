"""After a kernel restart any exercise cell sets itself up again, and the learner's language choice persists."""
import json
import subprocess
import sys

import coursekit
from coursekit import i18n


def test_every_cell_can_set_itself_up(progress_file):
    ns = {}
    exec("from coursekit.exercises.sets.ex04 import *", ns)
    assert {"q1", "q14", "____", "progress", "torch", "nn", "F"} <= set(ns)
    again = {}
    exec("from coursekit.exercises.sets.ex04 import *", again)
    assert again["q3"] is ns["q3"], "a re-run gives back the same question (hints already seen are remembered)"


def test_language_choice_survives_a_restart(progress_file, monkeypatch):
    monkeypatch.delenv("COURSEKIT_LANG", raising=False)
    import coursekit.exercises  # noqa: F401  (the exercises remember the choice)

    coursekit.set_language("hi")
    assert json.loads(progress_file.read_text(encoding="utf-8"))["_settings"]["language"] == "hi"
    code = ("from coursekit.exercises.sets.ex00 import *\n"
            "from coursekit.i18n import get_language\nprint(get_language())\nq1.check('a')")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                         env={**__import__("os").environ, "COURSEKIT_PROGRESS": str(progress_file)}).stdout
    assert out.splitlines()[0] == "hi" and "अभी सही नहीं" in out and "Not yet right" not in out


def test_set_language_says_what_it_chose(capsys, progress_file):   # the choice is saved: not in the shared file
    coursekit.set_language("en")
    assert capsys.readouterr().out.strip() == "feedback language: English only"
    i18n.set_language("hi")
    assert "केवल हिंदी" in capsys.readouterr().out
