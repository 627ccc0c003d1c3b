# Loaded by every Python process the tests start (PYTHONPATH points here), Jupyter kernels included.
import os

if os.environ.get("COURSEKIT_BLOCK_NETWORK") == "1":
    from coursekit.tooling import netblock

    netblock.install()
