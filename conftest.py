"""Test-wide settings, loaded before any test or notebook runs (also for nbval's kernels).

* notebooks run with their fast parameters (COURSEKIT_FAST=1);
* the network is blocked except loopback, in this process and, through a
  sitecustomize on PYTHONPATH, in every Jupyter kernel the tests start;
* the exercise progress file goes to a temporary place, plots to a file backend.
"""
import os
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent
NETBLOCK_DIR = ROOT / "tests" / "netblock"

os.environ["COURSEKIT_FAST"] = "1"
os.environ["COURSEKIT_BLOCK_NETWORK"] = "1"
os.environ["MPLBACKEND"] = "Agg"
os.environ["PYTHONPATH"] = os.pathsep.join(p for p in (str(NETBLOCK_DIR), str(ROOT), os.environ.get("PYTHONPATH")) if p)
os.environ.setdefault("COURSEKIT_PROGRESS", str(Path(tempfile.mkdtemp(prefix="coursekit-")) / "progress.json"))
os.environ.pop("COURSEKIT_LANG", None)

from coursekit.tooling import netblock  # noqa: E402

netblock.install()
