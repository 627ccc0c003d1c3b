"""A fresh machine: a Python environment without coursekit, a notebook whose set-up cell points at the course's git
repository (here a file:// URL of a repository made from this checkout's files); the cell installs coursekit from it
with pip and the notebook runs."""
import subprocess
from pathlib import Path

import pytest
from test_packaging_wheel import copy_source, fresh_venv, outputs, run_notebook, setup_cell, with_setup_cell

ROOT = Path(__file__).resolve().parent.parent


def _git(*args, cwd):
    subprocess.run(["git", "-c", "user.name=course", "-c", "user.email=course@localhost", "-c", "init.defaultBranch=main",
                    *args], cwd=cwd, check=True, capture_output=True, timeout=120)


@pytest.mark.slow
@pytest.mark.timeout(900)
def test_the_setup_cell_installs_coursekit_from_the_git_repository_on_a_fresh_machine(tmp_path):
    repo = copy_source(tmp_path / "course")            # the working tree's package files, committed in a new repo
    _git("init", "-q", cwd=repo)
    _git("add", "-A", cwd=repo)
    _git("commit", "-q", "-m", "course", cwd=repo)
    py, env = fresh_venv(tmp_path)
    env["PIP_NO_BUILD_ISOLATION"] = "0"                 # build with the installed setuptools: no download
    assert subprocess.run([str(py), "-c", "import coursekit"], env=env, cwd=tmp_path, capture_output=True).returncode == 1
    work = tmp_path / "work"
    work.mkdir()
    url = repo.as_uri()                                 # file:///.../course
    nb = run_notebook(py, env, with_setup_cell(ROOT / "notebooks" / "00_welcome.ipynb", work / "00.ipynb", url), work)
    cell = setup_cell(nb)
    assert f'COURSE_URL = "{url}"' in cell.source
    assert f"installing coursekit from git+{url}" in outputs(cell) and "coursekit is installed" in outputs(cell)
    assert f"coursekit from {tmp_path / 'venv'}" in outputs(nb.cells[-1])
