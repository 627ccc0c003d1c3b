"""One Markdown record of a benchmark run: what ran, on what machine, and the lines it printed (``--out FILE``)."""
from __future__ import annotations

import os
import platform
import sys
import tempfile
from datetime import datetime, timezone
from pathlib import Path


def write_record(path, title: str, lines: list[str], threads: int) -> Path:
    """Write ``lines`` under a heading that names the command, the date, the CPU and the library versions.

    The file is written whole or not at all (a temporary file, then ``os.replace``).
    """
    import torch

    head = [f"# {title}", "",
            f"- command: `python {' '.join([Path(sys.argv[0]).as_posix(), *sys.argv[1:]])}`",
            f"- run: {datetime.now(timezone.utc):%Y-%m-%d %H:%M} UTC; {os.cpu_count()} CPU cores "
            f"({platform.processor() or platform.machine()}), {threads} threads; Python {platform.python_version()}, "
            f"torch {torch.__version__}", "", "```"]
    return write_atomic(path, "\n".join(head + lines + ["```", ""]))


def write_atomic(path, text: str) -> Path:
    """Write ``text`` to ``path`` whole or not at all: a temporary file beside it, then ``os.replace``."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=path.name, suffix=".tmp")
    with os.fdopen(fd, "w", encoding="utf-8") as f:
        f.write(text)
    os.replace(tmp, path)
    return path
