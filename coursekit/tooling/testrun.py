"""The test runners behind ``python -m coursekit test`` and ``python -m coursekit test-browser``."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from .envsetup import ROOT


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
                  "; the tests that need them are skipped / apt-get (या root) नहीं है, इसलिए जिन tests को ये packages चाहिए, वे छोड़े जाएँगे", flush=True)
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


NBVAL_DIR = ROOT / "build" / "nbval"


def prepare_notebooks(out: Path = NBVAL_DIR) -> list[Path]:
    """papermill writes each topic notebook with the fast parameters injected, without running it (prepare_only);
    nbval then runs that copy once and compares its marked cells with the committed outputs it still holds."""
    import logging

    import papermill as pm

    logging.getLogger("papermill").setLevel(logging.ERROR)   # "unknown parameter FAST": the cell reads the env
    shutil.rmtree(out, ignore_errors=True)         # only ever the copies this function wrote
    out.mkdir(parents=True)
    written = []
    for path in sorted((ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb")):
        if path.name.endswith(".run.ipynb"):        # refresh's temporary copy of a notebook being re-run
            continue
        target = out / path.name
        pm.execute_notebook(str(path), str(target), parameters={"FAST": True}, prepare_only=True,
                            kernel_name="python3", log_output=False, progress_bar=False)
        written.append(target)
    return written


def run_tests(extra) -> int:
    """ruff, then pytest with coverage over coursekit on both cores; every notebook runs once (nbval, fast).

    ``--dist loadfile``: a notebook's cells share one kernel and must run in order, so each file stays on one worker
    (the slow packaging tests are in files of their own, so they run beside the rest).
    """
    workers = os.environ.get("COURSEKIT_TEST_WORKERS", str(min(os.cpu_count() or 1, 2)))
    print("$ ruff check coursekit tests notebooks exercises benchmarks", flush=True)
    rc = subprocess.call([sys.executable, "-m", "ruff", "check", "coursekit", "tests", "notebooks", "exercises",
                          "benchmarks"], cwd=ROOT)
    if rc != 0:
        return rc
    print(f"$ papermill --prepare-only notebooks/*.ipynb -> {NBVAL_DIR.relative_to(ROOT)}/ (FAST = True)", flush=True)
    prepare_notebooks()
    cmd = [sys.executable, "-m", "pytest", "-p", "no:cacheprovider", "-n", workers, "--dist", "loadfile", "-m",
           "not browser",                      # the browser tests are `make test-browser`
           "--cov=coursekit", "--cov-report=term", "--nbval-lax", "--nbval-current-env", "--nbval-cell-timeout=300",
           "tests", str(NBVAL_DIR.relative_to(ROOT)), *extra]
    print("$", " ".join(cmd[2:]), flush=True)
    return subprocess.call(cmd, cwd=ROOT)
