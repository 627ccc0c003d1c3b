"""Showing feedback, hints and solutions: typeset maths in Jupyter, readable plain text in a terminal.

Hints and explanations are written with ``$…$`` maths and ``backticks``. In JupyterLab they are shown as
Markdown (MathJax typesets the maths, as in the question above them); the plain-text form of the same output,
which a terminal or a plain-text viewer shows, turns the TeX into Unicode (``\\partial L`` → ``∂L``,
``\\hat{y}`` → ``ŷ``, ``\\frac{a}{b}`` → ``(a)/(b)``).
"""
from __future__ import annotations

import re

SYMBOLS = {
    "cdot": "·", "times": "×", "partial": "∂", "odot": "⊙", "approx": "≈", "sum": "Σ", "prod": "Π",
    "sigma": "σ", "rho": "ρ", "mu": "μ", "delta": "δ", "Delta": "Δ", "varepsilon": "ε", "epsilon": "ε",
    "alpha": "α", "beta": "β", "gamma": "γ", "eta": "η", "lambda": "λ", "theta": "θ", "pi": "π", "tau": "τ",
    "top": "ᵀ", "mid": "|", "ge": "≥", "geq": "≥", "le": "≤", "leq": "≤", "neq": "≠", "ne": "≠", "to": "→",
    "rightarrow": "→", "leftarrow": "←", "infty": "∞", "pm": "±", "propto": "∝", "in": "∈", "lfloor": "⌊",
    "rfloor": "⌋", "lceil": "⌈", "rceil": "⌉", "lVert": "‖", "rVert": "‖", "dots": "…", "ldots": "…",
    "cdots": "⋯", "tanh": "tanh", "exp": "exp", "log": "log", "ln": "ln", "min": "min", "max": "max",
    "left": "", "right": "", ",": " ", ";": " ", "!": "", "quad": "  ", "qquad": "    ",
}
PREFIXES = {"partial", "sum", "prod", "nabla", "Delta", "sqrt", "lfloor", "lceil", "lVert"}
HATS = {"y": "ŷ", "x": "x̂", "h": "ĥ", "c": "ĉ", "o": "ô", "a": "â"}
_MATH = re.compile(r"\$\$(.+?)\$\$|\$(.+?)\$", re.S)


def _brace(text: str, start: int) -> tuple[str, int]:
    """The content of the {...} group starting at ``start`` and the index after it."""
    depth, i = 0, start
    while i < len(text):
        if text[i] == "{":
            depth += 1
        elif text[i] == "}":
            depth -= 1
            if depth == 0:
                return text[start + 1:i], i + 1
        i += 1
    return text[start + 1:], len(text)


def tex_to_plain(tex: str) -> str:
    """A readable Unicode form of a small TeX formula."""
    out, i = [], 0
    while i < len(tex):
        ch = tex[i]
        if ch == "\\":
            m = re.match(r"\\([A-Za-z]+|.)", tex[i:], re.S)
            if m is None:                       # a lone backslash at the end
                out.append("\\")
                i += 1
                continue
            name, i = m.group(1), i + len(m.group(0))
            if name in PREFIXES:                # "\partial L" reads "∂L", as TeX typesets it
                while i < len(tex) and tex[i] == " ":
                    i += 1
            if name in ("frac", "dfrac") and i < len(tex) and tex[i] == "{":
                num, i = _brace(tex, i)
                den, i = _brace(tex, i) if i < len(tex) and tex[i] == "{" else ("", i)
                out.append(f"({tex_to_plain(num)})/({tex_to_plain(den)})")
            elif name == "sqrt" and i < len(tex) and tex[i] == "{":
                arg, i = _brace(tex, i)
                out.append(f"√({tex_to_plain(arg)})")
            elif name in ("hat", "bar", "tilde") and i < len(tex):
                arg, i = _brace(tex, i) if tex[i] == "{" else (tex[i], i + 1)
                plain = tex_to_plain(arg)
                out.append(HATS.get(plain, plain + "\u0302") if name == "hat" else plain + "\u0304")
            elif name in ("text", "mathrm", "mathbf", "mathcal", "mathbb", "operatorname", "textbf", "mathit"):
                if i < len(tex) and tex[i] == "{":
                    arg, i = _brace(tex, i)
                    out.append(tex_to_plain(arg))
            else:
                out.append(SYMBOLS.get(name, name))
        elif ch in "^_" and i + 1 < len(tex):
            arg, i = _brace(tex, i + 1) if tex[i + 1] == "{" else (tex[i + 1], i + 2)
            plain = tex_to_plain(arg)
            out.append(ch + (plain if len(plain) == 1 else f"({plain})"))
        elif ch in "{}":
            i += 1
        else:
            out.append(ch)
            i += 1
    return "".join(out)


_FENCE = re.compile(r"(```[a-z]*\n.*?\n```)", re.S)


def to_plain(text: str) -> str:
    """Feedback text with every ``$…$`` formula turned into Unicode and code fences dropped (for a terminal)."""
    blocks = _FENCE.split(text)
    for k in range(0, len(blocks), 2):
        blocks[k] = _MATH.sub(lambda m: tex_to_plain(m.group(1) or m.group(2)), blocks[k])
    for k in range(1, len(blocks), 2):
        blocks[k] = "\n".join(blocks[k].split("\n")[1:-1])
    return "".join(blocks)


def to_markdown(text: str) -> str:
    """Feedback text as Markdown: line breaks kept, the ``____`` placeholder, ``*`` and stray ``<`` escaped."""
    blocks = _FENCE.split(text)
    for b in range(0, len(blocks), 2):    # outside fenced code
        parts = re.split(r"(`[^`\n]*`|\$\$.+?\$\$|\$[^$\n]+\$)", blocks[b])
        for k in range(0, len(parts), 2):     # outside code spans and maths
            parts[k] = parts[k].replace("____", r"\_\_\_\_").replace("<", "&lt;").replace("*", r"\*")
        blocks[b] = "".join(parts).replace("\n", "  \n")
    return "".join(blocks)


def _in_kernel() -> bool:
    try:
        from IPython import get_ipython
    except ImportError:
        return False
    shell = get_ipython()
    return shell is not None and hasattr(shell, "kernel")


def emit(text: str) -> None:
    """Show ``text``: Markdown with typeset maths in a Jupyter kernel, plain Unicode text elsewhere."""
    try:
        plain = to_plain(text)
        if _in_kernel():
            from IPython.display import display

            display({"text/markdown": to_markdown(text), "text/plain": plain}, raw=True)
            return
    except Exception:  # feedback must reach the learner even if a formula is malformed
        plain = text
    print(plain)
