"""How tall a notebook cell is on a projected slide, and how to cut a cell that is taller than one slide
(:func:`height`, :func:`split_cell`; :mod:`coursekit.tooling.slides` packs the pieces into slides).

The slides are drawn on a 1280 × 720 reveal.js canvas (16:9). Body text is 32 px there, which is 24 pt on a 16:9
PowerPoint slide (24/540 of the height); code is at most 24 px and shrinks (down to 14 px) only where its longest
line would not fit the width, so nothing wraps mid-number. The numbers below were calibrated against the heights
that headless Chromium measured for every slide of every notebook (tests/browser/test_site_browser.py), with room
to spare for the instructor's own fonts.
"""
from __future__ import annotations

import base64
import copy
import html
import math
import re
import struct

import nbformat

WIDTH, HEIGHT = 1280, 720                  # the reveal.js canvas
PAD = 24                                   # left and right padding of a slide
TEXT_W = WIDTH - 2 * PAD                   # width of the text column
BUDGET = 640                               # what a slide may hold (the rest: margins and font differences)
BODY_PX, CODE_PX, MIN_CODE_PX, TABLE_PX = 32, 24, 14, 26
HEADING_PX = {1: 50, 2: 44, 3: 38}
BODY_LH, CODE_LH = 1.35, 1.3
MONO = 0.61                                # width of a monospace character, in em (DejaVu Sans Mono: 0.602)
IMAGE_MAX = 520                            # the tallest a figure is drawn (CSS max-height)
CODE_PAD = 20                              # padding of a code box, top and bottom together
CELL_GAP = 12

_MARKS = re.compile("[\u0900-\u0903\u093a-\u094f\u0951-\u0957\u0962\u0963\u200c\u200d]")
_DEVA = re.compile("[\u0900-\u097f]")
_NBVAL = re.compile(r"^\s*# NBVAL_\w+[^\n]*\n?", re.M)
_WIDGET = "application/vnd.jupyter.widget-view+json"


def strip_markers(source: str) -> str:
    """The code without test markers such as ``# NBVAL_CHECK_OUTPUT`` (they mean nothing to a class)."""
    return _NBVAL.sub("", source)


def _plain(text: str) -> str:
    """Roughly the characters a reader sees: markdown and TeX syntax removed, combining marks not counted."""
    text = re.sub(r"!?\[([^\]]*)\]\([^)]*\)", r"\1", text)
    text = re.sub(r"\\(?:mathrm|text|operatorname|mathbf|mathcal|boldsymbol)\{([^}]*)\}", r"\1", text)
    text = re.sub(r"\\[a-zA-Z]+", "x", text)
    text = re.sub(r"[*_`$#{}^]|<[^>]+>", "", text)
    return _MARKS.sub("", text)


def text_width(text: str, px: float) -> float:
    """Width in pixels of a line of proportional text at ``px``."""
    plain = _plain(text)
    deva = len(_DEVA.findall(plain))
    return px * (0.56 * (len(plain) - deva) + 0.66 * deva)


def wrapped_lines(text: str, px: float, width: float = TEXT_W) -> int:
    return max(1, math.ceil(text_width(text, px) / width * 1.04))     # 4 %: words do not break mid-word


def code_font(lines: list[str], width: float = TEXT_W - 16) -> int:
    """The largest code font (≤ 24 px, ≥ 14 px) at which the longest line fits the width."""
    longest = max((len(_MARKS.sub("", ln)) for ln in lines), default=0)
    if not longest:
        return CODE_PX
    return max(MIN_CODE_PX, min(CODE_PX, int(width / (MONO * longest))))


def code_height(text: str, px: int | None = None) -> float:
    lines = text.rstrip("\n").splitlines() or [""]
    px = px or code_font(lines)
    per_line = max(1, int((TEXT_W - 16) / (MONO * px)))
    rows = sum(max(1, math.ceil(len(_MARKS.sub("", ln)) / per_line)) for ln in lines)
    return rows * px * CODE_LH + CODE_PAD


# ------------------------------------------------------------------ markdown
def blocks(source: str) -> list[str]:
    """Markdown cut into blocks that stay whole on a slide: a heading, a paragraph, a list item, a table, an
    equation, a fenced code block."""
    out, cur, fence, math_open = [], [], False, False
    for line in source.splitlines():
        s = line.strip()
        if fence or math_open:
            cur.append(line)
            fence = fence and not s.startswith("```")
            math_open = math_open and not (s.endswith("$$") and s != "$$" or s == "$$")
            continue
        starts = s.startswith(("#", "```", "$$", "- ", "* ", "+ ", "|")) or bool(re.match(r"\d+[.)]\s", s))
        in_table = cur and cur[0].lstrip().startswith("|") and s.startswith("|")
        if not s or (starts and not in_table) or (cur and cur[0].lstrip().startswith("|") and not s.startswith("|")):
            if cur:
                out.append("\n".join(cur))
            cur = []
        if not s:
            continue
        cur.append(line)
        if s.startswith("```"):
            fence = not (len(s) > 3 and s.endswith("```"))
        elif s.startswith("$$"):
            math_open = not (len(s) > 2 and s.endswith("$$"))
        if s.startswith("#"):
            out.append("\n".join(cur))
            cur = []
    if cur:
        out.append("\n".join(cur))
    return out


def table_rows(block: str) -> list[list[str]]:
    """The cells of a markdown table, row by row (the |---| line left out)."""
    return [[c.strip() for c in ln.strip().strip("|").split("|")] for ln in block.splitlines()
            if not re.fullmatch(r"\s*\|?[\s:|-]+\|?\s*", ln)]


def html_rows(text: str) -> list[list[str]]:
    """The cells of an HTML table (a pandas DataFrame), row by row, as plain text."""
    return [[html.unescape(re.sub(r"<[^>]+>", "", c)).strip() for c in re.findall(r"<t[hd][^>]*>(.*?)</t[hd]>", tr, re.S)]
            for tr in re.findall(r"<tr[^>]*>(.*?)</tr>", text, re.S)]


def row_heights(rows: list[list[str]], px: float = TABLE_PX) -> list[float]:
    """The height of every row of a table: each column as wide as its share of the longest cells, every row as
    tall as its tallest cell."""
    if not rows:
        return []
    ncol = max(len(r) for r in rows)
    need = [max((text_width(r[j], px) if j < len(r) else 0) for r in rows) + px for j in range(ncol)]
    scale = min(1.0, TEXT_W / sum(need))
    return [max((math.ceil(text_width(c, px) / max(need[j] * scale - px * 0.8, px) * 1.1) if c else 1)
                for j, c in enumerate(r)) * px * 1.3 * 1.08 + px * 0.5 for r in rows]


def table_height(rows: list[list[str]], px: float = TABLE_PX) -> float:
    return sum(row_heights(rows, px)) + px if rows else 0


def block_height(block: str) -> float:
    s = block.lstrip()
    if s.startswith("#"):
        level = len(s) - len(s.lstrip("#"))
        px = HEADING_PX.get(level, 34)
        return wrapped_lines(s.lstrip("#").strip(), px) * px * 1.25 + px * 0.6
    if s.startswith(">"):
        inner = "\n".join(re.sub(r"^\s*>\s?", "", ln) for ln in block.splitlines())
        return sum(block_height(b) for b in blocks(inner)) * (TEXT_W / (TEXT_W - 48)) + BODY_PX * 0.3
    if s.startswith("|"):
        return table_height(table_rows(block))
    if s.startswith("```"):
        return code_height("\n".join(block.splitlines()[1:-1]))
    if s.startswith("$$"):
        rows = block.count("\\\\") + 1
        tall = len(re.findall(r"\\(?:frac|sum|prod|int|underbrace|overbrace|begin\{pmatrix|begin\{bmatrix)", block))
        return rows * BODY_PX * 2.0 + tall * BODY_PX * 0.8 + BODY_PX * 1.3
    indent = 1.4 * BODY_PX if re.match(r"([-*+]|\d+[.)])\s", s) else 0
    text = " ".join(ln.strip().lstrip(">").strip() for ln in block.splitlines())
    tall = 0.5 * BODY_PX * len(re.findall(r"\$[^$]*\\(?:frac|sum|sqrt|hat|tilde|bar|partial)", text))
    return wrapped_lines(text, BODY_PX, TEXT_W - indent) * BODY_PX * BODY_LH + BODY_PX * 0.5 + tall


def markdown_height(source: str) -> float:
    """A markdown cell's height; items of a loose list (blank lines between them) get a paragraph margin more."""
    loose = len(re.findall(r"\n[ \t]*\n[ \t]*(?:[-*+]|\d+[.)])\s", "\n" + source))
    return sum(block_height(b) for b in blocks(source)) + loose * BODY_PX * 0.5 + CELL_GAP


# ------------------------------------------------------------------ outputs
def png_size(data: str) -> tuple[int, int] | None:
    """(width, height) of a base64 PNG, read from its header."""
    try:
        head = base64.b64decode(data[:64])
    except ValueError:
        return None
    if head[:8] != b"\x89PNG\r\n\x1a\n":
        return None
    return struct.unpack(">II", head[16:24])


def image_height(out, cap: float = IMAGE_MAX) -> float:
    data = out.get("data", {})
    meta = out.get("metadata", {}).get("image/png", {}) if isinstance(out.get("metadata"), dict) else {}
    size = png_size(data.get("image/png", "")) if "image/png" in data else None
    if not size:
        return cap
    w, h = meta.get("width", size[0]), meta.get("height", size[1])
    return min(h * min(1.0, TEXT_W / w), cap) + 8


def output_text(out) -> str | None:
    """The text an output shows as monospace (stream, plain result, traceback), or None."""
    if out.get("output_type") == "stream":
        return out.get("text", "")
    if out.get("output_type") == "error":
        return "\n".join(out.get("traceback", []))
    data = out.get("data", {})
    if any(k.startswith("image/") or k in ("text/html", "text/markdown", _WIDGET) for k in data):
        return None
    return str(data.get("text/plain", ""))


def output_height(out, px: int | None = None, cap: float = IMAGE_MAX) -> float:
    text = output_text(out)
    if text is not None:
        return code_height(text, px) if text.strip() else 0
    data = out.get("data", {})
    if _WIDGET in data:
        return 0
    if any(k.startswith("image/") for k in data):
        return image_height(out, cap)
    if "text/markdown" in data:
        return markdown_height(str(data["text/markdown"]))
    rows = html_rows(str(data.get("text/html", "")))
    return table_height(rows) if rows else BODY_PX * 3


def is_widget(out) -> bool:
    return _WIDGET in out.get("data", {})

# ------------------------------------------------------------------ cells on a slide
def tags(cell) -> set[str]:
    return set(cell.get("metadata", {}).get("tags", []))


def slide_type(cell) -> str | None:
    return cell.get("metadata", {}).get("slideshow", {}).get("slide_type")


def shown_outputs(cell) -> list:
    return [o for o in cell.get("outputs", []) if not is_widget(o)]


def height(cell) -> float:
    """The height in pixels of the cell on a 1280 × 720 slide (an estimate, see :mod:`coursekit.tooling.slidefit`)."""
    if cell.cell_type == "markdown":
        return markdown_height(cell.source)
    if cell.cell_type != "code":
        return 0.0
    source = strip_markers(cell.source).strip()
    shown = source and not cell.get("metadata", {}).get("transient", {}).get("remove_source")
    texts = [t for t in map(output_text, shown_outputs(cell)) if t]
    out_px = code_font([ln for t in texts for ln in t.splitlines()])
    cap = next((int(t[10:]) for t in tags(cell) if t.startswith("slide-img-")), IMAGE_MAX)
    return ((code_height(source) if shown else 0) + CELL_GAP
            + sum(output_height(o, out_px, cap) for o in shown_outputs(cell)))


# ------------------------------------------------------------------ cutting a cell that does not fit
def _piece(cell, **changes):
    """A new cell like ``cell`` (its metadata copied, its outputs not) with ``changes``, shown with the cell before."""
    new = nbformat.from_dict({k: v for k, v in cell.items() if k not in ("metadata", "outputs")})
    new.metadata = copy.deepcopy(cell.metadata)
    if cell.cell_type == "code":
        new.outputs = cell.get("outputs", [])
    new.update(changes)
    new.metadata.setdefault("slideshow", {})["slide_type"] = "-"
    return new


def _chunks(items: list, size) -> list[list]:
    """Consecutive groups of ``items`` whose sizes add up to at most BUDGET (an item too big stays alone)."""
    groups, room = [], 0.0
    for item in items:
        h = size(item)
        if not groups or h > room:
            groups.append([item])
            room = BUDGET - h
        else:
            groups[-1].append(item)
            room -= h
    return groups


def _split_block(block: str) -> list[str]:
    """A block taller than a slide: a table in groups of rows (header repeated), a quotation in its own blocks,
    text in groups of sentences."""
    if block_height(block) <= BUDGET:
        return [block]
    lines = block.splitlines()
    s = block.lstrip()
    if s.startswith("|") and len(lines) > 3:
        heights = row_heights(table_rows(block))
        room = BUDGET - heights[0] - TABLE_PX
        sized = list(zip(lines[2:], [h * BUDGET / room for h in heights[1:]]))
        return ["\n".join(lines[:2] + [row for row, _ in group]) for group in _chunks(sized, lambda x: x[1])]
    if s.startswith(">"):
        inner = blocks("\n".join(re.sub(r"^\s*>\s?", "", ln) for ln in lines))
        return ["\n".join("> " + ln for ln in part.splitlines()) for b in inner for part in _split_block(b)]
    if s.startswith(("$$", "```", "#")):
        return [block]
    sentences = re.split(r"(?<=[.।?!])\s+", " ".join(lines))
    return [" ".join(group) for group in _chunks(sentences, block_height)]


def _join(blocks: list[str]) -> str:
    """Markdown blocks back into one text (list items stay one list)."""
    item = re.compile(r"\s*([-*+]|\d+[.)])\s")
    out = blocks[0]
    for prev, block in zip(blocks, blocks[1:]):
        out += ("\n" if item.match(prev) and item.match(block) else "\n\n") + block
    return out


def _greedy(units: list, build, size) -> list:
    """Consecutive units packed into as few pieces as fit on a slide: ``build(units)`` makes a piece,
    ``size(piece)`` measures it; a unit too big for a slide stays alone."""
    pieces, current = [], []
    for unit in units:
        if current and size(build(current + [unit])) > BUDGET:
            pieces.append(build(current))
            current = []
        current.append(unit)
    return pieces + ([build(current)] if current else [])


def _html_rows(out) -> tuple[str, list[str], str] | None:
    """(head, rows, tail) of a DataFrame output, so that it can be cut between rows with its header repeated."""
    text = str(out.get("data", {}).get("text/html", ""))
    m = re.search(r"<tbody>(.*)</tbody>", text, re.S)
    return (text[:m.start(1)], re.findall(r"<tr[^>]*>.*?</tr>", m.group(1), re.S), text[m.end(1):]) if m else None


def _output_units(n: int, out) -> list[tuple]:
    """An output as units: its lines (text), its rows (a DataFrame), or itself whole."""
    if out.get("output_type") == "stream":
        return [("stream", n, out, line) for line in out.get("text", "").splitlines(keepends=True)]
    table = _html_rows(out)
    if table and table[1]:
        return [("row", n, out, row) for row in table[1]]
    return [("whole", n, out, None)]


def _code_piece(cell, units: list):
    """A piece of a code cell made of units: its source lines, then outputs rebuilt from their lines or rows."""
    source = "".join(u[3] for u in units if u[0] == "src")
    groups: list[list] = []
    for kind, idx, out, part in (u for u in units if u[0] != "src"):
        if kind != "whole" and groups and groups[-1][:2] == [kind, idx]:
            groups[-1][3].append(part)
        else:
            groups.append([kind, idx, out, [part]])
    outputs = []
    for kind, _, out, parts in groups:
        if kind == "stream":
            out = nbformat.from_dict(dict(out, text="".join(parts)))
        elif kind == "row":
            head, _, tail = _html_rows(out)
            out = nbformat.from_dict(dict(out, data={"text/html": head + "\n".join(parts) + tail}))
        outputs.append(out)
    piece = _piece(cell, source=source.rstrip("\n"), outputs=outputs)
    if not source.strip():
        piece.metadata["transient"] = {"remove_source": True}
    return piece


def _shrink_images(cell) -> bool:
    """Keep a short code cell and its figure on one slide by drawing the figure smaller (not below 300 px)."""
    if not any(k.startswith("image/") for o in shown_outputs(cell) for k in o.get("data", {})):
        return False
    tags = cell.metadata.get("tags", [])
    for cap in range(IMAGE_MAX - 20, 299, -20):
        cell.metadata["tags"] = tags + [f"slide-img-{cap}"]
        if height(cell) <= BUDGET:
            return True
    cell.metadata["tags"] = tags
    return False


def split_cell(cell) -> list:
    """``cell`` as one or more cells that each fit on a slide (where possible): markdown between blocks, code
    between lines, outputs between lines or table rows; a figure is drawn smaller rather than moved away."""
    if height(cell) <= BUDGET:
        return [cell]
    if cell.cell_type == "markdown":
        parts = [b for block in blocks(cell.source) for b in _split_block(block)]
        pieces = [_piece(cell, source=text) for text in _greedy(parts, _join, markdown_height)]
    elif _shrink_images(cell):
        return [cell]
    else:
        source = strip_markers(cell.source).strip("\n")
        units = [("src", None, None, line) for line in source.splitlines(keepends=True)]
        units += [u for n, out in enumerate(shown_outputs(cell)) for u in _output_units(n, out)]
        pieces = _greedy(units, lambda us: _code_piece(cell, us), height)
    for n, piece in enumerate(pieces):
        piece["id"] = f"{cell.get('id', 'cell')}-{n}"
    if pieces:
        pieces[0].metadata["slideshow"]["slide_type"] = slide_type(cell)
    return pieces


def font_tags(cell) -> None:
    """Code and output fonts that let the longest line fit (tags ``slide-in-NN`` / ``slide-out-NN`` < 24 px)."""
    if cell.cell_type != "code":
        return
    texts = [t for t in map(output_text, cell.get("outputs", [])) if t]
    sizes = {"in": code_font(cell.source.splitlines()),
             "out": code_font([ln for t in texts for ln in t.splitlines()])}
    tags = [t for t in cell.metadata.get("tags", []) if not t.startswith(("slide-in-", "slide-out-"))]
    cell.metadata["tags"] = tags + [f"slide-{k}-{px}" for k, px in sizes.items() if px < CODE_PX]
