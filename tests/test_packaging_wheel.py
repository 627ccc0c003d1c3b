"""coursekit as a normal package: the wheel holds every file it needs, and installed into a fresh virtual environment
(that reuses the installed dependencies: no download) it runs a topic notebook and a practice notebook from a folder
outside the repository. The helpers here are shared with test_packaging_fresh.py."""
import os
import shutil
import subprocess
import sys
import sysconfig
import zipfile
from pathlib import Path

import nbformat
import pytest

from coursekit.tooling import colab

ROOT = Path(__file__).resolve().parent.parent
PACKAGE_FILES = ("pyproject.toml", "README.md", "LICENSE")
NETBLOCK = '''\
# The fresh environment's network block (loopback only), without coursekit (which it does not have yet).
import socket

_connect, _connect_ex, _getaddrinfo = socket.socket.connect, socket.socket.connect_ex, socket.getaddrinfo
LOCAL = ("127.0.0.1", "::1", "localhost", "", None)


def _check(host):
    if host not in LOCAL:
        raise OSError(f"network access is blocked (fresh-environment test): {host}")


def connect(self, address):
    if self.family in (socket.AF_INET, socket.AF_INET6):
        _check(address[0])
    return _connect(self, address)


def connect_ex(self, address):
    if self.family in (socket.AF_INET, socket.AF_INET6):
        _check(address[0])
    return _connect_ex(self, address)


def getaddrinfo(host, *args, **kwargs):
    _check(host.decode() if isinstance(host, bytes) else host)
    return _getaddrinfo(host, *args, **kwargs)


socket.socket.connect, socket.socket.connect_ex, socket.getaddrinfo = connect, connect_ex, getaddrinfo
'''


def source_files() -> list[str]:
    """What a wheel is built from: the files git knows (committed or new, not ignored) in coursekit/, and the
    project files."""
    try:
        listed = subprocess.run(["git", "ls-files", "-co", "--exclude-standard", "coursekit"], cwd=ROOT, check=True,
                                capture_output=True, text=True).stdout.splitlines()
    except (OSError, subprocess.CalledProcessError):    # not a git checkout (an unpacked zip of the course)
        listed = [p.relative_to(ROOT).as_posix() for p in (ROOT / "coursekit").rglob("*") if p.is_file()]
    listed = [p for p in listed if "__pycache__" not in p and not p.endswith(".pyc") and (ROOT / p).is_file()]
    return sorted(listed) + list(PACKAGE_FILES)


def copy_source(dest: Path) -> Path:
    """A copy of the package's source tree (a wheel build writes build/ and *.egg-info into the tree it builds)."""
    for rel in source_files():
        (dest / rel).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(ROOT / rel, dest / rel)
    return dest


def build_wheel(src: Path, out: Path) -> Path:
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "--no-index",
                    "--disable-pip-version-check", "--quiet", "-w", str(out), str(src)], check=True, timeout=300)
    [wheel] = out.glob("coursekit-*.whl")
    return wheel


def fresh_venv(where: Path) -> tuple[Path, dict]:
    """A new virtual environment without coursekit whose site-packages links to every other package of this one
    (no download); and the environment to run it in: network blocked, no path back into the repository."""
    venv = where / "venv"
    subprocess.run([sys._base_executable, "-m", "venv", "--without-pip", str(venv)], check=True, timeout=120)
    py = venv / "bin" / "python"
    new_site = Path(subprocess.run([str(py), "-c", "import sysconfig; print(sysconfig.get_path('purelib'))"],
                                   check=True, capture_output=True, text=True).stdout.strip())
    for entry in Path(sysconfig.get_path("purelib")).iterdir():
        name = entry.name.lower()
        if "coursekit" in name or name in ("__pycache__", "a1_coverage.pth"):
            continue                                   # not coursekit, nor its editable-install hook, nor coverage
        (new_site / entry.name).symlink_to(entry)
    (where / "netblock").mkdir()
    (where / "netblock" / "sitecustomize.py").write_text(NETBLOCK)
    env = {k: v for k, v in os.environ.items() if not k.startswith(("COV_", "COVERAGE_", "PYTHON", "VIRTUAL_ENV",
                                                                   "JUPYTER", "PIP_"))}
    env.update(PYTHONPATH=str(where / "netblock"), PYTHONNOUSERSITE="1", COURSEKIT_FAST="1", MPLBACKEND="Agg",
               OMP_NUM_THREADS="1", PIP_NO_INDEX="1", PIP_DISABLE_PIP_VERSION_CHECK="1",
               PATH=f"{venv / 'bin'}{os.pathsep}{os.environ.get('PATH', '')}",
               COURSEKIT_PROGRESS=str(where / "progress.json"))   # a learner's own file, not the one other tests share
    env.pop("COURSEKIT_LANG", None)
    # pip must not touch the linked packages: without an index it can only use what is installed
    return py, env


def with_setup_cell(src: Path, dest: Path, url: str | None) -> Path:
    """A copy of a notebook with the set-up cell, and a last cell that says where coursekit was imported from."""
    nb = nbformat.read(src, as_version=4)
    colab.apply(nb, f"notebooks/{src.name}", url)
    nb.cells.append(nbformat.v4.new_code_cell("import coursekit\nprint('coursekit from', coursekit.__file__)"))
    nbformat.write(nb, dest)
    return dest


def run_notebook(py: Path, env: dict, path: Path, cwd: Path, timeout: int = 400):
    """Execute ``path`` with papermill in the fresh environment (its own kernel), with the fast parameters."""
    out = path.with_name(path.stem + ".out.ipynb")
    run = subprocess.run([str(py), "-m", "papermill", str(path), str(out), "-k", "python3", "-p", "FAST", "True",
                          "--cwd", str(cwd), "--no-progress-bar", "--execution-timeout", "300"],
                         cwd=cwd, env=env, capture_output=True, text=True, timeout=timeout)
    assert run.returncode == 0, run.stderr[-3000:]
    return nbformat.read(out, as_version=4)


def setup_cell(nb):
    [cell] = [c for c in nb.cells if colab.SETUP_TAG in c.metadata.get("tags", [])]
    return cell


def outputs(cell) -> str:
    return "".join(o.get("text", "") or "".join(o.get("data", {}).get("text/plain", "")) for o in cell.get("outputs", []))


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    """One wheel of the working tree, built once for both tests of this file."""
    where = tmp_path_factory.mktemp("wheel")
    return build_wheel(copy_source(where / "src"), where / "dist")


def test_the_wheel_holds_every_file_of_the_package(wheel):
    names = set(zipfile.ZipFile(wheel).namelist())
    needed = [p for p in source_files() if p.startswith("coursekit/")]
    assert [p for p in needed if p not in names] == []
    for kind in ("coursekit/fonts/NotoSansDevanagari-Regular.ttf", "coursekit/data/glossary.csv",
                 "coursekit/data/images/fashion-mnist-train-images-idx3-ubyte.xz", "coursekit/tooling/templates/shared/site.css",
                 "coursekit/data/corpora/sentiment_hi.tsv", "coursekit/exercises/banks/nb01_deep_neural_networks.py"):
        assert kind in names
    assert not any(n.startswith(("tests/", "notebooks/", "exercises/")) for n in names)
    metadata = zipfile.ZipFile(wheel).read(next(n for n in names if n.endswith("METADATA"))).decode()
    assert "Requires-Dist: torch>=2.3" in metadata and "jupyterlab" in metadata and 'extra == "course"' in metadata


@pytest.mark.slow
@pytest.mark.timeout(900)
def test_the_installed_wheel_runs_a_notebook_and_an_exercise_from_outside_the_repository(wheel, tmp_path):
    """Like a learner on Colab: coursekit missing, its wheel uploaded next to the notebooks; the set-up cell
    installs it, the notebook and then a practice notebook run with the installed copy."""
    py, env = fresh_venv(tmp_path)
    work = tmp_path / "work"
    work.mkdir()
    shutil.copy(wheel, work / wheel.name)                          # the "uploaded" wheel
    nb = run_notebook(py, env, with_setup_cell(ROOT / "notebooks" / "00_welcome.ipynb", work / "00.ipynb", None), work)
    site = str(tmp_path / "venv")
    assert "coursekit is installed" in outputs(setup_cell(nb))
    assert f"coursekit from {site}" in outputs(nb.cells[-1])
    ex = run_notebook(py, env, with_setup_cell(ROOT / "exercises" / "00_welcome.ipynb", work / "ex00.ipynb", None),
                      work)
    assert outputs(setup_cell(ex)) == ""                              # already installed: the set-up cell is silent
    assert f"coursekit from {site}" in outputs(ex.cells[-1])
    assert sum("not attempted" in outputs(c) for c in ex.cells) >= 3
    assert str(ROOT) not in outputs(ex.cells[-1])
