"""Command line of the course: ``python -m coursekit COMMAND``.

The Makefile targets are thin wrappers over these commands, so they work on
Windows (where there is no ``make``) too:

    python -m coursekit setup        create .venv, install pinned packages, register the kernel
    python -m coursekit course       run every notebook, write build/ (add --fast for the fast parameters)
    python -m coursekit test         the whole test suite (ruff, pytest, notebooks, coverage)
    python -m coursekit lab          JupyterLab at the course root
    python -m coursekit edition --lang hi|en NOTEBOOK...   single-language editions
    python -m coursekit validate [NOTEBOOK...]             check the notebook format
    python -m coursekit exercises [NAME...]  regenerate exercise notebooks and their solutions editions
    python -m coursekit refresh NOTEBOOK...                re-run a notebook and store its outputs

``setup`` uses only the standard library; every other command runs inside .venv.
"""
from __future__ import annotations

import argparse
import os
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VENV = ROOT / ".venv"
KERNEL = "dl-course"


def venv_python() -> Path:
    return VENV / ("Scripts/python.exe" if os.name == "nt" else "bin/python")


def setup(force: bool = False) -> Path:
    """Create .venv if missing, install the pinned packages and the course kernel (idempotent)."""
    py = venv_python()
    stamp = VENV / ".coursekit-installed"
    inputs = [ROOT / "pyproject.toml", ROOT / "constraints.txt"]
    if not force and stamp.exists() and all(stamp.stat().st_mtime >= p.stat().st_mtime for p in inputs):
        return py
    if not py.exists():
        print("creating .venv ...", flush=True)
        venv.EnvBuilder(with_pip=True).create(VENV)
    run = lambda *args: subprocess.run([str(py), *args], check=True, cwd=ROOT)  # noqa: E731
    print("installing pinned packages (the first time takes a few minutes) ...", flush=True)
    run("-m", "pip", "install", "--quiet", "--disable-pip-version-check", "-c", "constraints.txt", "-e", ".[dev]")
    run("-m", "ipykernel", "install", "--sys-prefix", "--name", KERNEL, "--display-name", "Python (dl-course)")
    stamp.touch()
    return py


def _in_venv(argv) -> int:
    """Re-run this command with the .venv interpreter when we are not already in it."""
    py = setup()
    return subprocess.call([str(py), "-m", "coursekit", *argv], cwd=ROOT)


def _running_in_venv() -> bool:
    return Path(sys.prefix).resolve() == VENV.resolve()


def main(argv=None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    parser = argparse.ArgumentParser(prog="python -m coursekit", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="cmd", required=True)
    p = sub.add_parser("setup", help="create .venv and install everything")
    p.add_argument("--force", action="store_true")
    p = sub.add_parser("course", help="run every notebook and build the HTML editions")
    p.add_argument("--fast", action="store_true", help="use the fast parameters (FAST=True)")
    p.add_argument("notebooks", nargs="*")
    p = sub.add_parser("test", help="run the test suite")
    p.add_argument("pytest_args", nargs=argparse.REMAINDER)
    sub.add_parser("lab", help="open JupyterLab at the course root")
    p = sub.add_parser("edition", help="write single-language editions of notebooks")
    p.add_argument("--lang", choices=["hi", "en", "both"], required=True)
    p.add_argument("--out", default=None, help="output folder (default build/editions/LANG)")
    p.add_argument("notebooks", nargs="+")
    p = sub.add_parser("validate", help="check notebooks against the course format")
    p.add_argument("notebooks", nargs="*")
    p = sub.add_parser("exercises", help="regenerate the exercise notebooks and solutions editions")
    p.add_argument("names", nargs="*", help="only these banks, e.g. 09_sequence_and_time_series (default: all)")
    p = sub.add_parser("refresh", help="re-run notebooks at full settings and store their outputs")
    p.add_argument("notebooks", nargs="+")
    args = parser.parse_args(argv)

    if args.cmd == "setup":
        setup(force=args.force)
        print(f"ready: {venv_python()}")
        return 0
    if not _running_in_venv() and os.environ.get("COURSEKIT_NO_VENV") != "1":
        return _in_venv(argv)

    if args.cmd == "course":
        from .course import run_course

        run_course(fast=args.fast or os.environ.get("FAST") == "1", notebooks=args.notebooks or None)
        return 0
    if args.cmd == "test":
        return run_tests(args.pytest_args)
    if args.cmd == "lab":
        return subprocess.call([sys.executable, "-m", "jupyter", "lab", f"--notebook-dir={ROOT}",
                                f"--MappingKernelManager.default_kernel_name={KERNEL}"], cwd=ROOT)
    if args.cmd == "edition":
        from .notebook import write_edition

        out = Path(args.out or ROOT / "build" / "editions" / args.lang)
        for nb in args.notebooks:
            print(write_edition(nb, args.lang, out))
        return 0
    if args.cmd == "validate":
        return validate_cmd(args.notebooks)
    if args.cmd == "exercises":
        from .exercises.build import write_all

        for path in write_all(ROOT, [n.removesuffix(".ipynb").split("/")[-1] for n in args.names] or None):
            print(path.relative_to(ROOT))
        return 0
    if args.cmd == "refresh":
        from .course import refresh_outputs

        for nb in args.notebooks:
            print(refresh_outputs(nb))
        return validate_cmd(args.notebooks)
    return 2  # pragma: no cover


def validate_cmd(paths) -> int:
    from .notebook import validate

    if not paths:
        paths = sorted(ROOT.glob("notebooks/*.ipynb")) + sorted(ROOT.glob("exercises/*.ipynb"))
    bad = 0
    for path in map(Path, paths):
        problems = validate(path, require_outputs=path.parent.name == "notebooks")
        print(f"{'OK  ' if not problems else 'FAIL'} {path}")
        for problem in problems:
            print(f"     - {problem}")
        bad += bool(problems)
    return 1 if bad else 0


def run_tests(extra) -> int:
    """ruff, then pytest with coverage over coursekit (notebooks run with the fast parameters)."""
    steps = [
        [sys.executable, "-m", "ruff", "check", "coursekit", "tests", "notebooks", "exercises", "benchmarks"],
        [sys.executable, "-m", "pytest", "-p", "no:cacheprovider", "--cov=coursekit", "--cov-report=term",
         "--nbval-lax", "--nbval-current-env", "--nbval-cell-timeout=300", "tests", "notebooks", *extra],
    ]
    for cmd in steps:
        print("$", " ".join(cmd[2:] if cmd[0] == sys.executable else cmd), flush=True)
        rc = subprocess.call(cmd, cwd=ROOT)
        if rc != 0:
            return rc
    return 0


if __name__ == "__main__":
    sys.exit(main())
