"""The course's environment: ``python -m coursekit setup`` creates ``.venv`` and installs the pinned packages.

Only the standard library is imported here (also by :mod:`coursekit.tooling.cli`, at its top): ``setup`` runs before
anything is installed. Every other command runs inside ``.venv``: :func:`rerun_in_venv` starts it there, after
:func:`agree_to_install` has said what will be installed.
"""
from __future__ import annotations

import os
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
VENV = ROOT / ".venv"
KERNEL = "dl-course"


def venv_python() -> Path:
    return VENV / ("Scripts/python.exe" if os.name == "nt" else "bin/python")


CPU_INDEX = "https://download.pytorch.org/whl/cpu"   # PyTorch's CPU-only wheels: for machines without an NVIDIA GPU


def install_commands(py, cpu: bool = False) -> list[list[str]]:
    """The pip commands of ``setup``: the pinned packages (constraints.txt) and the course with its tools.

    With ``cpu``, torch and torchvision come first from PyTorch's CPU wheel index (at the pinned versions: ``2.14.1``
    matches the index's ``2.14.1+cpu``); the second command then finds them installed and leaves them as they are.
    """
    pip = [str(py), "-m", "pip", "install", "--quiet", "--disable-pip-version-check", "-c", "constraints.txt"]
    first = [[*pip, "--index-url", CPU_INDEX, "torch", "torchvision"]] if cpu else []
    return [*first, [*pip, "-e", ".[course,dev]"]]


def setup(force: bool = False, cpu: bool | None = None) -> Path:
    """Create .venv if missing, install the pinned packages and the course kernel (idempotent).

    ``cpu``: CPU-only PyTorch. The stamp file remembers it, so later commands keep that build (pip would keep an
    installed ``2.14.1+cpu`` anyway: to go back to the default build, delete .venv and run setup again).
    """
    py = venv_python()
    stamp = VENV / ".coursekit-installed"
    inputs = [ROOT / "pyproject.toml", ROOT / "constraints.txt"]
    done = stamp.read_text().strip() if stamp.exists() else None
    wanted = "cpu" if cpu else (done or "default")
    if not force and done is not None and (done or "default") == wanted and all(
            stamp.stat().st_mtime >= p.stat().st_mtime for p in inputs):
        return py
    if not py.exists():
        print("creating .venv ...", flush=True)
        venv.EnvBuilder(with_pip=True).create(VENV)
    print("installing pinned packages (the first time takes a few minutes) ...", flush=True)
    for cmd in install_commands(py, cpu=wanted == "cpu"):
        subprocess.run(cmd, check=True, cwd=ROOT)
    subprocess.run([str(py), "-m", "ipykernel", "install", "--sys-prefix", "--name", KERNEL, "--display-name",
                    "Python (dl-course)"], check=True, cwd=ROOT)
    stamp.write_text(wanted)
    return py


def rerun_in_venv(argv) -> int:
    """Re-run this command with the .venv interpreter when we are not already in it.

    It runs in the caller's folder, so that relative paths (``--out``, notebooks, progress files) mean the same.
    """
    py = setup()
    return subprocess.call([str(py), "-m", "coursekit", *argv])


LIGHT = {"edition", "validate", "setup-cell"}    # commands that need only nbformat: they run in any Python that has it
HERE = {"submit"}                  # runs in the Python that calls it (a learner's hub or laptop environment)


def importable(module: str) -> bool:
    import importlib.util

    return importlib.util.find_spec(module) is not None


def agree_to_install(cmd: str) -> bool:
    """Say what is about to be installed; ask when someone is at the terminal (CI and scripts just go on)."""
    hi = (f"'{cmd}' के लिए course का environment चाहिए: अब {VENV} बनेगा और pinned packages install होंगे (PyTorch समेत "
          "लगभग 5.5 GB; internet चाहिए)।")
    en = (f"'{cmd}' needs the course environment: {VENV} will now be created and the pinned packages installed "
          "(about 5.5 GB with PyTorch; needs the internet).")
    if cmd in LIGHT:
        hi += " केवल इस command के लिए `pip install nbformat` काफ़ी है।"
        en += " For this command alone, `pip install nbformat` is enough."
    print(f"{hi}\n{en}", file=sys.stderr)
    if not sys.stdin or not sys.stdin.isatty():
        return True
    answer = input("जारी रखें? / Continue? [y/N] ").strip().lower()
    if answer in ("y", "yes", "हाँ", "हां", "ha", "haan"):
        return True
    print("कुछ भी install नहीं किया गया।\nNothing was installed.", file=sys.stderr)
    return False


def running_in_venv() -> bool:
    return Path(sys.prefix).resolve() == VENV.resolve()
