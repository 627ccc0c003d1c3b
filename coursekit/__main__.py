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
    python -m coursekit slides [--annotate] [NOTEBOOK...]  reveal.js slides in build/slides/ (--annotate: metadata)
    python -m coursekit site [NOTEBOOK...]   the website from the committed notebooks (no re-run)
    python -m coursekit test-browser         install Chromium, a Devanagari font, reveal.js/MathJax; browser tests

``setup`` uses only the standard library; every other command runs inside .venv.
"""
from __future__ import annotations

import argparse
import os
import shutil
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
    p = sub.add_parser("slides", help="export reveal.js slides (hi, en) into build/slides/")
    p.add_argument("--annotate", action="store_true", help="write slide metadata into the notebooks instead")
    p.add_argument("notebooks", nargs="*")
    p = sub.add_parser("site", help="build the website from the committed notebooks (no re-run)")
    p.add_argument("notebooks", nargs="*")
    p = sub.add_parser("test-browser", help="install what the browser tests need, then run them")
    p.add_argument("pytest_args", nargs=argparse.REMAINDER)
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
    if args.cmd == "slides":
        return slides_cmd(args.notebooks, args.annotate)
    if args.cmd == "site":
        from .site import build_from_committed

        build_from_committed(args.notebooks or None)
        return 0
    if args.cmd == "test-browser":
        return run_browser_tests(args.pytest_args)
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


def slides_cmd(paths, annotate: bool) -> int:
    from .i18n import CourseError
    from .slides import annotate_file, export_all

    paths = [Path(p) for p in paths] or [p for p in sorted(ROOT.glob("notebooks/[0-9][0-9]_*.ipynb"))
                                         if not p.name.endswith(".run.ipynb")]   # refresh's temporary copies
    if annotate:
        for path in paths:
            print(f"{annotate_file(path):4d} cells changed  {path}")
        return 0
    try:
        for out in export_all(paths):
            print(out.relative_to(ROOT))
    except CourseError as error:
        print(error, file=sys.stderr)
        return 1
    return 0


def _as_root(cmd: list[str]) -> list[str] | None:
    """``cmd`` as root: directly when we are root, through sudo when it works without a password."""
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        return cmd
    if shutil.which("sudo") and subprocess.call(["sudo", "-n", "true"], stderr=subprocess.DEVNULL) == 0:
        return ["sudo", "-n", *cmd]
    return None


def install_browser_requirements() -> list[str]:
    """Chromium and a Devanagari font (apt-get), reveal.js and MathJax (npm ci). Returns what is still missing."""
    missing = []
    need_apt = [pkg for pkg, present in [
        ("chromium", Path("/usr/bin/chromium").exists()),
        ("fonts-noto-core", Path("/usr/share/fonts/truetype/noto/NotoSansDevanagari-Regular.ttf").exists()),
    ] if not present]
    if need_apt:
        apt = shutil.which("apt-get")
        update, install = _as_root([apt or "apt-get", "update", "-qq"]), _as_root(
            [apt or "apt-get", "install", "-y", "-qq", "--no-install-recommends", *need_apt])
        if apt and install:
            print("$ apt-get install " + " ".join(need_apt), flush=True)
            env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
            if subprocess.call(update, env=env) != 0 or subprocess.call(install, env=env) != 0:
                print("apt-get could not install " + " ".join(need_apt), file=sys.stderr)
                return ["apt-get install failed: " + " ".join(need_apt)]
        else:
            missing += need_apt
            print("browser tests: no apt-get (or no root) to install " + " ".join(need_apt) +
                  "; the tests that need them are skipped / apt-get नहीं है, ये tests छोड़े जाएँगे", flush=True)
    lock, stamp = ROOT / "package-lock.json", ROOT / "node_modules" / ".package-lock.json"
    if not stamp.exists() or stamp.stat().st_mtime < lock.stat().st_mtime:
        npm = shutil.which("npm")
        if npm:
            print("$ npm ci", flush=True)
            subprocess.call([npm, "ci", "--no-audit", "--no-fund", "--ignore-scripts"], cwd=ROOT)
        else:
            missing.append("npm (Node.js), for reveal.js and MathJax")
    return missing


def run_browser_tests(extra) -> int:
    """make test-browser: install Chromium, a Devanagari font and the web assets, then pytest -m browser."""
    problems = install_browser_requirements()
    if any(p.startswith("apt-get install failed") for p in problems):
        return 1
    cmd = [sys.executable, "-m", "pytest", "-p", "no:cacheprovider", "-m", "browser", "-ra", "tests/browser", *extra]
    print("$", " ".join(cmd[2:]), flush=True)
    return subprocess.call(cmd, cwd=ROOT)


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
