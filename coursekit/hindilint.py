"""The Hindi lint: the rules of docs/HINDI_STYLE.md that a program can check.

``lint_text(text)`` returns the problems of one Hindi text (a notebook's ``lang-hi`` cell, a bank's Hindi string,
a library message); ``lint_notebook(path)`` and ``lint_python(path)`` apply it to a file. Each problem names the
rule, the text found and what to write instead.
"""
from __future__ import annotations

import ast
import re
import unicodedata
from pathlib import Path

DEVA = "\u0900-\u097F"
LETTER = "\u0900-\u0963\u0966-\u097F"   # Devanagari without the danda । and ॥
_B = rf"(?<![{LETTER}\w])"        # a word boundary for Devanagari words
_E = rf"(?![{LETTER}\w])"

# nukta on (docs/HINDI_STYLE.md §2): the form without it -> the form with it; stems match inflected forms too
NUKTA_WORDS = {
    "गलत": "ग़लत", "गायब": "ग़ायब", "खुद": "ख़ुद", "खाली": "ख़ाली", "खास": "ख़ास", "खराब": "ख़राब",
    "आखिर": "आख़िर", "कदम": "क़दम", "बाकी": "बाक़ी", "तरीका": "तरीक़ा", "तरीके": "तरीक़े", "तरीकों": "तरीक़ों",
    "कीमत": "क़ीमत", "फर्क": "फ़र्क़", "फ़र्क ": "फ़र्क़ ", "ज्यादा": "ज़्यादा", "जरूरी": "ज़रूरी", "जरूरत": "ज़रूरत",
    "साफ ": "साफ़ ", "फायदा": "फ़ायदा", "फायदे": "फ़ायदे", "फाइल": "फ़ाइल", "कागज": "काग़ज़", "दर्ज": "दर्ज",
    "फ़िसल": "फिसल",      # a native word: no nukta
}
NUKTA_STEMS = {"गलत", "गायब", "खुद", "आखिर", "कदम", "फाइल", "फ़िसल", "जरूर", "फायद"}

# the imperative of तुम in an आप course (not "दो", which is also the number two)
TUM_IMPERATIVES = ["करो", "रखो", "जोड़ो", "खिसकाओ", "लगाओ", "बाँटो", "देखो", "लिखो", "चलाओ", "बताओ", "सोचो",
                   "पढ़ो", "काटो", "बनाओ", "समझो", "चुनो", "गिनो", "बदलो", "हटाओ", "मिलाओ", "निकालो", "लौटाओ"]

# calques and wrong forms -> what to write (docs/HINDI_STYLE.md §4, §5)
DENY = {
    "batch के ऊपर": "पूरे batch पर", "ईमानदार": "साफ़-साफ़ / निष्पक्ष", "झूठा छोटा": "कम दिखता है पर भरोसे लायक नहीं",
    "चुप bug": "ऐसा bug जो कोई error नहीं देता", "युग": "epoch", "ही इनिशियलाइज़ेशन": "He (Kaiming) initialization",
    "फूटते": "फटते", "फूटने": "फटने", "फूलते": "फटते", "विघटन": "अपघटन", "श्रृंखला": "शृंखला",
    "ग्रेडिएंट्स": "gradients", "ग्रेडिएंट": "gradient", "गेट्स": "gates", "गेट": "gate", "नापना": "मापना",
    "नापते": "मापते", "नापा": "मापा", "तालिका": "table", "स्तंभ": "column", "बैकप्रॉपगेशन": "backpropagation",
    "लुप्त होते": "घटते (vanishing)",
}
LATIN_IN_HINDI = {"learners": "विद्यार्थी", "learner": "विद्यार्थी", "Hindi": "हिंदी"}
_SECTION = re.compile(rf"{_B}(भाग|खंड)\s+\d")
_PERIOD = re.compile(rf"[{DEVA}][\)\]]?\.(?=\s|$)")


def _strip_code(text: str) -> str:
    """Drop code blocks, inline code, maths and links: the lint reads only the prose."""
    text = re.sub(r"```.*?```", " ", text, flags=re.S)
    text = re.sub(r"`[^`]*`", " ", text)
    text = re.sub(r"\$\$.*?\$\$|\$[^$]*\$", " ", text, flags=re.S)
    return re.sub(r"\]\([^)]*\)", "]", text)


def _nfc(words):
    """Compare in NFC: a nukta letter may be typed precomposed (ड़ U+095C) or as letter + nukta."""
    if isinstance(words, dict):
        return {unicodedata.normalize("NFC", k): unicodedata.normalize("NFC", v) for k, v in words.items()}
    if isinstance(words, set):
        return {unicodedata.normalize("NFC", w) for w in words}
    return [unicodedata.normalize("NFC", w) for w in words]


NUKTA_WORDS, NUKTA_STEMS, TUM_IMPERATIVES, DENY = _nfc(NUKTA_WORDS), _nfc(NUKTA_STEMS), _nfc(TUM_IMPERATIVES), _nfc(DENY)


def lint_text(text: str) -> list[str]:
    """Problems of one Hindi text, each as 'rule: found -> write'."""
    prose, problems = unicodedata.normalize("NFC", _strip_code(text)), []
    for bad, good in NUKTA_WORDS.items():
        stem = bad in NUKTA_STEMS or bad.endswith(" ")
        pattern = _B + re.escape(bad) + ("" if stem else _E)
        if bad == good:
            continue
        if re.search(pattern, prose):
            problems.append(f"nukta: '{bad.strip()}' -> '{good.strip()}'")
    for word in TUM_IMPERATIVES:
        if re.search(_B + re.escape(word) + _E, prose):
            problems.append(f"register: '{word}' (तुम) -> the आप form (…इए)")
    for bad, good in DENY.items():
        if re.search(_B + re.escape(bad) + (_E if bad in ("युग", "गेट", "ग्रेडिएंट", "नापा") else ""), prose):
            problems.append(f"term: '{bad}' -> '{good}'")
    for bad, good in LATIN_IN_HINDI.items():
        if re.search(rf"\b{bad}\b", prose) and re.search(f"[{DEVA}]", prose):
            problems.append(f"script: '{bad}' in a Hindi sentence -> '{good}'")
    if _SECTION.search(prose):
        problems.append("term: 'भाग/खंड N' -> 'section N'")
    for line in prose.splitlines():
        if line.lstrip().startswith(("#", "|")):
            continue
        if _PERIOD.search(line):
            problems.append(f"punctuation: a Hindi sentence ends with '.' -> '।' ({line.strip()[:40]}…)")
            break
    return problems


def lint_notebook(path) -> list[str]:
    """Problems in the ``lang-hi`` markdown cells of a notebook, each prefixed with its cell index."""
    import nbformat

    nb = nbformat.read(str(path), as_version=4)
    out = []
    for i, cell in enumerate(nb.cells):
        if cell.cell_type == "markdown" and "lang-hi" in cell.metadata.get("tags", []):
            out += [f"cell {i}: {p}" for p in lint_text(cell.source)]
    return out


HINDI_CALLS = {"T", "ok", "wrong", "bad_format", "CourseError", "say", "_warn", "bilingual"}


def hindi_strings(path) -> list[tuple[int, str]]:
    """(line, text) of the Hindi argument of every T(hi, en)-style call in a Python file (f-strings as written)."""
    tree = ast.parse(Path(path).read_text(encoding="utf-8"))
    out = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and node.args:
            name = getattr(node.func, "id", getattr(node.func, "attr", ""))
            first = node.args[0]
            if name in HINDI_CALLS:
                text = ast.unparse(first) if isinstance(first, ast.JoinedStr) else \
                    (first.value if isinstance(first, ast.Constant) and isinstance(first.value, str) else "")
                if re.search(f"[{DEVA}]", text):
                    out.append((node.lineno, text))
    return out


def lint_python(path) -> list[str]:
    """Problems in the Hindi messages of a Python file (banks, library), each prefixed with its line."""
    return [f"line {line}: {p}" for line, text in hindi_strings(path) for p in lint_text(text)]


def lint_paths(paths) -> dict[str, list[str]]:
    """Findings per file: notebooks (.ipynb, their lang-hi cells) and Python files (their Hindi messages)."""
    out = {}
    for p in map(Path, paths):
        found = lint_notebook(p) if p.suffix == ".ipynb" else lint_python(p) if p.suffix == ".py" else []
        if found:
            out[str(p)] = found
    return out


def main(argv=None) -> int:
    """``python -m coursekit.hindilint [FILE...]``: print every finding and the count (default: the whole course)."""
    import sys
    root = Path(__file__).resolve().parent.parent
    paths = (argv if argv is not None else sys.argv[1:]) or [
        *sorted((root / "notebooks").glob("[0-9][0-9]_*.ipynb")),
        *sorted((root / "coursekit").rglob("*.py"))]
    found = lint_paths(paths)
    for path, problems in found.items():
        for p in problems:
            print(f"{path}: {p}")
    print(f"{sum(map(len, found.values()))} findings in {len(found)} files")
    return 1 if found else 0


if __name__ == "__main__":
    raise SystemExit(main())
