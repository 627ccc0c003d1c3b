"""Device choice, seeding and an environment report (notebook 00)."""
from __future__ import annotations

import os
import platform
import random

from .i18n import CourseError, check_nonneg_int


def device():
    """Pick the best device available: CUDA, then Apple MPS, then CPU.

    The notebooks call this once, so they run unchanged on a GPU.
    """
    import torch

    if torch.cuda.is_available():
        return torch.device("cuda")
    mps = getattr(torch.backends, "mps", None)
    if mps is not None and mps.is_available():
        return torch.device("mps")
    return torch.device("cpu")


def seed_everything(seed: int = 0) -> int:
    """Seed Python, NumPy and PyTorch so that a run can be repeated exactly (``seed``: a whole number 0 … 2³² − 1)."""
    seed = check_nonneg_int(seed, "seed")  # a plain int: random.seed() refuses NumPy integers
    if seed >= 2**32:  # NumPy's limit
        raise CourseError(f"seed 0 से 2³² − 1 = {2**32 - 1} के बीच होना चाहिए; मिला {seed}।",
                          f"seed must be between 0 and 2³² − 1 = {2**32 - 1}; got {seed}.")
    import numpy as np
    import torch

    random.seed(seed)
    os.environ["PYTHONHASHSEED"] = str(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)
    if torch.cuda.is_available():
        torch.cuda.manual_seed_all(seed)
    return seed


def environment_report() -> dict:
    """Versions of the main packages, the device and the CPU count, as a dict."""
    import matplotlib
    import numpy as np
    import torch

    report = {
        "python": platform.python_version(),
        "platform": platform.platform(terse=True),
        "torch": torch.__version__,
        "numpy": np.__version__,
        "matplotlib": matplotlib.__version__,
        "device": str(device()),
        "cpu_count": os.cpu_count(),
        "torch_threads": torch.get_num_threads(),
    }
    try:
        import torchvision

        report["torchvision"] = torchvision.__version__
    except ImportError:  # pragma: no cover - torchvision is a pinned dependency
        report["torchvision"] = None
    return report


def headline(label: str, value) -> None:
    """Mark a notebook's headline result (e.g. test accuracy).

    ``make course`` reads it from the executed notebook and prints it in its
    summary table. In a notebook it simply shows ``label: value``.
    """
    text = f"{label}: {value}"
    try:
        from IPython import get_ipython
        from IPython.display import display

        if get_ipython() is not None:
            display({"text/plain": text}, raw=True, metadata={"coursekit_headline": {"label": label, "value": str(value)}})
            return
    except ImportError:  # pragma: no cover
        pass
    print(text)
