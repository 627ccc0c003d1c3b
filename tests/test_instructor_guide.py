"""The instructor guide quotes results of the notebooks (accuracies, parameter counts, spreads over seeds). Every
such number in a session card ("### NN · …") must be printed by notebook NN's committed outputs, in both guides, so
that the guide and the notebooks come from the same run. Durations (class time, run time) are planning numbers
of the guide and machine-dependent; they are not checked here."""
import re
from pathlib import Path

import pytest

from coursekit.tooling.nbfiles import read_notebook
from coursekit.tooling.validator import _matches, output_numbers, prose_numbers

ROOT = Path(__file__).resolve().parent.parent
GUIDES = ("INSTRUCTORS.md", "INSTRUCTORS.hi.md")
DURATION = re.compile(r"(?<![\w.])\d[\d,.]*\s*(?:s|min|minutes?|seconds?|h|मिनट|सेकंड|घंटे|घंटा)(?![\w\u0900-\u097F])")


def cards(text: str) -> dict[str, str]:
    """Session cards: notebook number -> the card's text, without its timing line and durations."""
    parts = re.split(r"(?m)^### (\d\d) · .*$", text)
    out = {}
    for nn, body in zip(parts[1::2], parts[2::2]):
        body = body.split("\n## ")[0]
        body = "\n".join(line for line in body.splitlines() if not re.match(r"\s*- \*\*(Timing|समय)", line))
        out[nn] = DURATION.sub(" ", body)
    return out


def unprinted(guide: str) -> list[str]:
    problems = []
    for nn, body in cards((ROOT / guide).read_text(encoding="utf-8")).items():
        values = output_numbers(read_notebook(next((ROOT / "notebooks").glob(f"{nn}_*.ipynb"))))
        problems += [f"{guide} {nn}: {n['text']}" for n in prose_numbers(body) if not n["cited"] and not _matches(n, values)]
    return problems


def test_a_wrong_number_in_a_card_is_found(tmp_path, monkeypatch):
    text = (ROOT / "INSTRUCTORS.md").read_text(encoding="utf-8")
    card = cards(text)["14"]
    assert "96.7%" in card
    (tmp_path / "INSTRUCTORS.md").write_text(text.replace("96.7%", "97.6%"), encoding="utf-8")
    (tmp_path / "notebooks").symlink_to(ROOT / "notebooks")
    monkeypatch.setattr(__import__(__name__), "ROOT", tmp_path)
    assert unprinted("INSTRUCTORS.md") == ["INSTRUCTORS.md 14: 97.6%"]


@pytest.mark.parametrize("guide", GUIDES)
def test_every_result_the_guide_quotes_is_printed_by_its_notebook(guide):
    assert len(cards((ROOT / guide).read_text(encoding="utf-8"))) == 19
    assert unprinted(guide) == []
