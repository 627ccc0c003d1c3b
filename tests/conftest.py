import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = sorted((ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb"))
EXERCISES = sorted((ROOT / "exercises").glob("[0-9][0-9]_*.ipynb"))


def pytest_configure(config):
    """With test workers (``-n 2``), each worker and every notebook kernel it starts computes on one thread.
    PyTorch's default is one thread per core, so two workers would put four busy threads on two cores, which is
    several times slower (a recurrent forecaster's epoch: 30 s instead of 3 s). OMP_NUM_THREADS set by hand wins."""
    if hasattr(config, "workerinput") and "OMP_NUM_THREADS" not in os.environ:
        import torch

        os.environ["OMP_NUM_THREADS"] = "1"          # inherited by the kernels nbval starts
        torch.set_num_threads(1)


@pytest.fixture
def progress_file(tmp_path, monkeypatch):
    path = tmp_path / "progress.json"
    monkeypatch.setenv("COURSEKIT_PROGRESS", str(path))
    return path


@pytest.fixture(autouse=True)
def _reset_language():
    from coursekit import i18n

    i18n._language = None
    yield
    i18n._language = None
