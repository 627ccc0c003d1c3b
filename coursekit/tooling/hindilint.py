"""The Hindi lint: the rules of docs/HINDI_STYLE.md that a program can check.

``lint_text(text)`` returns the problems of one Hindi text (a notebook's ``lang-hi`` cell, a bank's Hindi string,
a library message); ``lint_notebook(path)`` and ``lint_python(path)`` apply it to a file, together with the
figure-title convention (``title_problem``) for every title written in code. Each problem names the rule, the text
found and what to write instead. The rules: ``nukta`` (NUKTA_WORDS), ``register`` (तुम-imperatives), ``term``
(calques and wrong forms in DENY, "भाग/खंड N", and the glossary's ``avoid`` column), ``script`` (English words in a
Hindi sentence, Devanagari transliterations), ``punctuation`` (। at the end of a Hindi sentence), ``figure``.
``python -m coursekit validate`` runs it (see coursekit.tooling.validator: LINT_PENDING); ``python -m coursekit.tooling.hindilint``
prints every finding and the count.
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
    "कीमत": "क़ीमत", "फर्क": "फ़र्क़", "फ़र्क": "फ़र्क़", "ज्यादा": "ज़्यादा", "जरूरी": "ज़रूरी", "जरूरत": "ज़रूरत",
    "साफ": "साफ़", "फायदा": "फ़ायदा", "फायदे": "फ़ायदे", "फाइल": "फ़ाइल", "कागज": "काग़ज़", "जीरो": "ज़ीरो",
    "फॉन्ट": "फ़ॉन्ट", "इनिशियलाइजेशन": "इनिशियलाइज़ेशन", "नॉर्मलाइजेशन": "नॉर्मलाइज़ेशन", "खत्म": "ख़त्म",
    "खतर": "ख़तर",        # ख़तरा, ख़तरनाक
    "फ़िसल": "फिसल",      # a native word: no nukta
}
NUKTA_STEMS = {"गलत", "गायब", "खुद", "आखिर", "कदम", "फाइल", "फ़िसल", "जरूर", "फायद", "फर्क", "खत्म", "खतर"}

# the imperative of तुम in an आप course (not "दो", which is also the number two)
TUM_IMPERATIVES = ["करो", "रखो", "जोड़ो", "खिसकाओ", "लगाओ", "बाँटो", "देखो", "लिखो", "चलाओ", "बताओ", "सोचो",
                   "पढ़ो", "काटो", "बनाओ", "समझो", "चुनो", "गिनो", "बदलो", "हटाओ", "मिलाओ", "निकालो", "लौटाओ",
                   "जाँचो", "दिखाओ", "सुनो", "पूछो", "छोड़ो", "आज़माओ", "मापो", "खोलो", "भरो", "डालो", "चलो"]

# calques and wrong forms -> what to write (docs/HINDI_STYLE.md §4, §5)
DENY = {
    "batch के ऊपर": "पूरे batch पर", "ईमानदार": "साफ़-साफ़ / निष्पक्ष", "झूठा छोटा": "कम दिखता है पर भरोसे लायक नहीं",
    "चुप bug": "ऐसा bug जो कोई error नहीं देता", "युग": "epoch", "ही इनिशियलाइज़ेशन": "He (Kaiming) initialization",
    "फूटते": "फटते", "फूटने": "फटने", "फूलते": "फटते", "विघटन": "अपघटन", "श्रृंखला": "शृंखला",
    "ग्रेडिएंट्स": "gradients", "ग्रेडिएंट": "gradient", "गेट्स": "gates", "गेट": "gate", "नापना": "मापना",
    "नापते": "मापते", "नापा": "मापा", "तालिका": "table", "स्तंभ": "column", "बैकप्रॉपगेशन": "backpropagation",
    "लुप्त होते": "घटते (vanishing)", "उल्ट": "उलट (उलटा, उलटी, उलटे)", "बुला": "call करना / चलाना (a function is not बुलाया)",
}
LATIN_IN_HINDI = {"learners": "विद्यार्थी", "learner": "विद्यार्थी", "Hindi": "हिंदी",
                  "source notes": "स्रोत नोट्स", "sources": "स्रोत नोट्स", "source": "स्रोत नोट्स",
                  "forecasting": "पूर्वानुमान (forecasting)", "decomposition": "अपघटन (decomposition)"}
# terms whose glossary prose form is Hindi: the English may stand in brackets beside it ("पूर्वानुमान (forecasting)",
# "(decomposition, exponential smoothing)"), or in a file name, but not alone in a Hindi sentence
_GLOSSED = {"forecasting", "decomposition"}
# whole words. "source" (the source notes, docs/HINDI_STYLE.md §4) in any case ("Source notes", "Source `002` का"),
# but not in an English compound ("open-source", "source code", "source classes"), and once: "source notes" is not
# also reported as "source"
_SOURCE_TAIL = {"source notes": "", "sources": r"(?!\s+[A-Za-z])", "source": r"(?!\s+(?:notes\b|[A-Za-z]))"}
_LATIN_PATTERNS = {bad: re.compile(rf"(?<![\w-]){bad}(?![\w-])" + _SOURCE_TAIL[bad], re.I) if bad in _SOURCE_TAIL
                   else re.compile(rf"(?<![\w(-]){bad}(?![\w)-])", re.I) if bad in _GLOSSED
                   else re.compile(rf"\b{bad}\b") for bad in LATIN_IN_HINDI}
# Devanagari transliterations of English nouns that prose writes in Latin script (docs/HINDI_STYLE.md §4a)
TRANSLITERATIONS = {"मॉडल": "model", "इनपुट": "input", "नोटबुक": "notebook", "लेबल": "label", "कोर्स": "course"}
# the gender of the English loanwords (docs/HINDI_STYLE.md §3); an adjective written right before one must agree
MASCULINE = {
    "batch", "epoch", "gradient", "weight", "bias", "loss", "model", "network", "neuron", "notebook", "tensor",
    "kernel", "filter", "feature", "label", "input", "output", "data", "dataset", "test set", "token", "step",
    "time step", "gate", "cell", "matrix", "vector", "function", "optimizer", "dropout", "BN",
    "convolution", "padding", "stride", "pixel", "channel", "trend", "noise", "forecast", "run", "review",
    "sequence", "RMSE", "gap", "clipping", "parameter", "error", "result", "embedding", "shape",
    "code", "mean", "variance", "std", "update", "signal", "score", "loop", "paper", "corpus", "seed", "size",
    "plot", "block", "unit", "baseline", "benchmark",
}
FEMININE = {
    "image", "layer", "accuracy", "precision", "prediction", "learning rate", "series", "time series", "window", "class",
    "seasonality", "file", "list", "table", "row", "column", "training", "memory", "probability", "perplexity",
    "architecture", "distribution", "recall", "hidden state", "vocabulary",
}
# adjectives that inflect (बड़ा/बड़ी/बड़े); पहले, ऐसे and इतने are left out: they are also adverbs ("first", "so")
_ADJ_STEMS = ("पूर", "लंब", "छोट", "बड़", "अपन", "पहल", "दूसर", "अगल", "पिछल", "सार", "कौन-स", "ऐस", "इतन", "एक-स")
_ADVERBS = {"पहले", "ऐसे", "इतने"}
_ADJ_FORMS = {stem + end for stem in _ADJ_STEMS for end in ("ा", "ी", "े")} - _ADVERBS | {"नया", "नई", "नयी", "नए"}
_AGREE = re.compile(rf"{_B}({'|'.join(sorted(_ADJ_FORMS, key=len, reverse=True))})\s+"
                    r"([A-Za-z]+(?:\s[A-Za-z]+)?)(?![\w-])")
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
TRANSLITERATIONS = _nfc(TRANSLITERATIONS)
_GLOSSARY_AVOID: dict | None = None


def glossary_avoid() -> dict[str, str]:
    """The glossary's ``avoid`` forms -> its ``prose`` form (but those that ``DENY`` or ``TRANSLITERATIONS``
    already catch), read once."""
    global _GLOSSARY_AVOID
    if _GLOSSARY_AVOID is None:
        from ..glossary import avoided_forms

        known = (*DENY, *TRANSLITERATIONS)           # reported once, by their own rule
        _GLOSSARY_AVOID = {k: v for k, v in _nfc(avoided_forms()).items() if not any(d in k for d in known)}
    return _GLOSSARY_AVOID


def lint_text(text: str) -> list[str]:
    """Problems of one Hindi text, each as 'rule: found -> write'."""
    prose, problems = unicodedata.normalize("NFC", _strip_code(text)), []
    for bad, good in NUKTA_WORDS.items():
        if bad == good or bad not in prose:                 # a substring test first: most texts have none
            continue
        stem = bad in NUKTA_STEMS
        if re.search(_B + re.escape(bad) + ("" if stem else _E), prose):
            problems.append(f"nukta: '{bad}' -> '{good}'")
    for word in TUM_IMPERATIVES:
        if word in prose and re.search(_B + re.escape(word) + _E, prose):
            problems.append(f"register: '{word}' (तुम) -> the आप form (…इए)")
    for bad, good in DENY.items():
        if bad in prose and re.search(_B + re.escape(bad) + (_E if bad in ("युग", "गेट", "ग्रेडिएंट", "नापा") else ""),
                                      prose):
            problems.append(f"term: '{bad}' -> '{good}'")
    for bad, good in glossary_avoid().items():
        if bad in prose and re.search(_B + re.escape(bad) + _E, prose):
            problems.append(f"term: '{bad}' -> '{good}' (glossary)")
    for bad, good in TRANSLITERATIONS.items():
        if bad in prose and re.search(_B + re.escape(bad) + _E, prose):
            problems.append(f"script: '{bad}' -> '{good}' (Latin script)")
    # sentences, the halves of "हिंदी / English", table cells (and the alternatives of a regular expression)
    # an English quotation ("Stock Price Prediction → Financial forecasting", no Devanagari inside) is the source's words
    unquoted = re.sub(rf'"[^"\n{LETTER}]*"', '""', prose)
    segments = re.split(r" / |/\n|\n|[।?!|]|\.(?=\s|$)", unquoted)
    for bad, good in LATIN_IN_HINDI.items():
        if any(_LATIN_PATTERNS[bad].search(seg) and re.search(f"[{LETTER}]", seg) for seg in segments):
            problems.append(f"script: '{bad}' in a Hindi sentence -> '{good}'")
    problems += gender_problems(prose)
    if _SECTION.search(prose):
        problems.append("term: 'भाग/खंड N' -> 'section N'")
    for line in prose.splitlines():
        if line.lstrip().startswith(("#", "|")):
            continue
        if _PERIOD.search(line):
            problems.append(f"punctuation: a Hindi sentence ends with '.' -> '।' ({line.strip()[:40]}…)")
            break
    return problems


def _gender_of(words: str) -> str | None:
    """'m' or 'f' for a loanword of the table (a plural in -s too); a compound takes its last noun's gender, so two
    words count only when they are one entry ("time step"), and a word followed by another English word is skipped."""
    parts = words.split()
    for n in (2, 1):
        if len(parts) < n or (n == 1 and len(parts) == 2):
            continue
        word = " ".join(parts[:n])
        for form in (word, word[:-1] if word.endswith("s") else None):
            if form in MASCULINE:
                return "m"
            if form in FEMININE:
                return "f"
    return None


def gender_problems(prose: str) -> list[str]:
    """An inflecting adjective right before a loanword of the other gender: 'पूरी sequence' -> 'पूरा/पूरे sequence'."""
    problems = []
    for m in _AGREE.finditer(prose):
        adj, words = m.group(1), m.group(2)
        gender = _gender_of(words)
        feminine_form = adj.endswith(("ी", "ई"))
        if gender == "m" and feminine_form:
            problems.append(f"gender: '{adj} {words}' -> '{words.split()[0]}' is masculine (…ा/…े)")
        elif gender == "f" and not feminine_form:
            problems.append(f"gender: '{adj} {words}' -> '{words.split()[0]}' is feminine (…ी)")
    return problems


TITLE_CALLS = {"set_title", "suptitle", "title"}      # ax.set_title, fig.suptitle, plt.title; and title= of any call


def figure_titles(source: str) -> list[tuple[int, str]]:
    """(line, text) of every figure title written as a string in Python code: the first argument of ``set_title``,
    ``suptitle`` or ``title``, a ``title=`` argument (not of ``legend``), a default value of a parameter ``title``.
    An f-string is given as written; a title computed otherwise is not seen."""
    try:
        tree = ast.parse(source)
    except SyntaxError:
        return []
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            name = getattr(node.func, "attr", getattr(node.func, "id", ""))
            if name in TITLE_CALLS and node.args:
                found.append(node.args[0])
            if name != "legend":
                found += [k.value for k in node.keywords if k.arg == "title"]
        elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            args = node.args.posonlyargs + node.args.args
            for arg, default in zip(args[len(args) - len(node.args.defaults):], node.args.defaults):
                if arg.arg == "title":
                    found.append(default)
            found += [d for a, d in zip(node.args.kwonlyargs, node.args.kw_defaults) if a.arg == "title" and d]
    out = []
    for value in sorted(found, key=lambda v: (v.lineno, v.col_offset)):
        if isinstance(value, ast.Constant) and isinstance(value.value, str):
            out.append((value.lineno, value.value))
        elif isinstance(value, ast.JoinedStr):
            out.append((value.lineno, _fstring_text(value)))
    return out


def title_problem(title: str) -> str | None:
    """The figure-title convention (docs/HINDI_STYLE.md §7): "हिंदी / English". A title with Devanagari must have its
    Hindi half first and an English half after a "/"; a title with no Devanagari and two or more English words
    (not names such as "LeNet-5" or "FashionCNN, Fashion-MNIST") and no " / " lacks its Hindi half."""
    text = re.sub(r"\{[^{}]*\}", " ", title)          # f-string fields are names and numbers
    text = re.sub(r"\$[^$]*\$", " ", text)              # maths
    if re.search(f"[{LETTER}]", text):
        last = max(m.end() for m in re.finditer(f"[{LETTER}]", text))
        slash = text.find("/", last)
        if slash < 0 or not re.search(r"[A-Za-z]{2,}", text[slash:]):
            return f"figure: title '{title[:50]}' -> 'हिंदी / English' (the Hindi half first, then the English)"
        return None
    words = [w for w in re.findall(r"[A-Za-z]{3,}", text) if w[1:].islower()]
    if len(words) >= 2 and " / " not in text:          # "loss / loss": both halves are the Latin term
        return f"figure: title '{title[:50]}' has no Hindi half -> 'हिंदी / English'"
    return None


def lint_code(source: str) -> list[str]:
    """Figure-title problems of Python source (IPython magics and shell lines are skipped)."""
    source = "\n".join("" if ln.lstrip().startswith(("%", "!")) else ln for ln in source.splitlines())
    return [p for _, title in figure_titles(source) if (p := title_problem(title))]


def lint_notebook(path) -> list[str]:
    """Problems in the ``lang-hi`` markdown cells and the figure titles of a notebook, each with its cell index."""
    import nbformat

    nb = nbformat.read(str(path), as_version=4)
    out = []
    for i, cell in enumerate(nb.cells):
        if cell.cell_type == "markdown" and "lang-hi" in cell.metadata.get("tags", []):
            out += [f"cell {i}: {p}" for p in lint_text(cell.source)]
        elif cell.cell_type == "code":
            out += [f"cell {i}: {p}" for p in lint_code(cell.source)]
    return out


HINDI_CALLS = {"T", "ok", "wrong", "bad_format", "CourseError", "say", "_warn", "bilingual"}   # (kept for callers)


def _fstring_text(node: ast.JoinedStr) -> str:
    """An f-string's text as written, each field as ``{…}`` (strings inside a field are read on their own)."""
    return "".join(v.value if isinstance(v, ast.Constant) else "{…}" for v in node.values)


def hindi_strings(path) -> list[tuple[int, str]]:
    """(line, text) of every string in a Python file that has Devanagari (f-strings as written), except docstrings
    and other bare string statements: messages, hints, figure titles, page templates."""
    tree = ast.parse(Path(path).read_text(encoding="utf-8"))
    skip = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.JoinedStr):
            skip.update(id(v) for v in node.values if isinstance(v, ast.Constant))
        elif isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant):
            skip.add(id(node.value))
    out = []
    for node in ast.walk(tree):
        if id(node) in skip:
            continue
        text = _fstring_text(node) if isinstance(node, ast.JoinedStr) else \
            node.value if isinstance(node, ast.Constant) and isinstance(node.value, str) else ""
        if re.search(f"[{DEVA}]", text):
            out.append((node.lineno, text))
    return sorted(out)


def lint_python(path) -> list[str]:
    """Problems in the Hindi messages and figure titles of a Python file (banks, library), each with its line."""
    source = Path(path).read_text(encoding="utf-8")
    return ([f"line {line}: {p}" for line, text in hindi_strings(path) for p in lint_text(text)]
            + [f"line {line}: {p}" for line, title in figure_titles(source) if (p := title_problem(title))])


def lint_markdown(path) -> list[str]:
    """Problems in the Hindi paragraphs of a Markdown guide (README, DATA, INSTRUCTORS.hi), each with its line."""
    out, line = [], 1
    for para in re.split(r"(\n\s*\n)", Path(path).read_text(encoding="utf-8")):
        if re.search(f"[{DEVA}]", para):
            out += [f"line {line}: {p}" for p in lint_text(para)]
        line += para.count("\n")
    return out


GUIDES = ("README.md", "DATA.md", "CONTRIBUTING.md", "INSTRUCTORS.hi.md")   # not docs/HINDI_STYLE.md: it quotes slips


def course_files(root=None) -> list[Path]:
    """What the lint reads by default: the topic notebooks, every Python file of coursekit (the exercise banks and
    the library) except this one, whose word lists hold the wrong forms on purpose, and the Markdown guides."""
    root = Path(root) if root else Path(__file__).resolve().parents[2]
    return [*sorted(p for p in (root / "notebooks").glob("[0-9][0-9]_*.ipynb") if not p.name.endswith(".run.ipynb")),
            *sorted(p for p in (root / "coursekit").rglob("*.py") if p.name != "hindilint.py"),
            *[root / name for name in GUIDES if (root / name).is_file()]]


def lint_paths(paths) -> dict[str, list[str]]:
    """Findings per file: notebooks (.ipynb, their lang-hi cells) and Python files (their Hindi messages)."""
    out = {}
    for p in map(Path, paths):
        found = (lint_notebook(p) if p.suffix == ".ipynb" else lint_python(p) if p.suffix == ".py"
                 else lint_markdown(p) if p.suffix == ".md" else [])
        if found:
            out[str(p)] = found
    return out


def main(argv=None) -> int:
    """``python -m coursekit.tooling.hindilint [FILE...]``: print every finding and the count (default: the whole course)."""
    import sys
    paths = (argv if argv is not None else sys.argv[1:]) or course_files()
    found = lint_paths(paths)
    for path, problems in found.items():
        for p in problems:
            print(f"{path}: {p}")
    print(f"{sum(map(len, found.values()))} findings in {len(found)} files")
    return 1 if found else 0


if __name__ == "__main__":
    raise SystemExit(main())
