"""Stored progress bars show their finished state, not the "0% | 0/12" they had when they appeared."""
from pathlib import Path

import nbformat
import pytest

from coursekit.nbwidgets import VIEW, finish_progress_bars

ROOT = Path(__file__).resolve().parent.parent   # (not imported from conftest: several conftest modules exist)
NOTEBOOKS = sorted((ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb"))


def _bar_notebook():
    state = {
        "box": {"model_name": "HBoxModel", "state": {"children": ["IPY_MODEL_l", "IPY_MODEL_p", "IPY_MODEL_r"]}},
        "l": {"model_name": "HTMLModel", "state": {"value": "T=\u20075\u2007RNN:\u2007100%"}},
        "p": {"model_name": "FloatProgressModel", "state": {"value": 12.0, "max": 12.0}},
        "r": {"model_name": "HTMLModel", "state": {"value": "\u200712/12\u2007[00:02&lt;00:00,\u2007loss=0.01]"}},
    }
    out = nbformat.v4.new_output("display_data", data={VIEW: {"model_id": "box"},
                                                       "text/plain": "T= 5 RNN:   0%|          | 0/12"})
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("fit()", outputs=[out])])
    nb.metadata["widgets"] = {"application/vnd.jupyter.widget-state+json": {"state": state}}
    return nb


def test_a_bar_gets_its_final_text():
    nb = _bar_notebook()
    assert finish_progress_bars(nb) == 1
    assert nb.cells[0].outputs[0]["data"]["text/plain"] == "T= 5 RNN: 100%|██████████| 12/12 [00:02<00:00, loss=0.01]"
    assert finish_progress_bars(nb) == 0          # already finished: nothing to change


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.stem for p in NOTEBOOKS])
def test_committed_notebooks_show_finished_bars(path):
    nb = nbformat.read(path, as_version=4)
    bars = [o["data"]["text/plain"] for c in nb.cells if c.cell_type == "code" for o in c.get("outputs", [])
            if VIEW in o.get("data", {})]
    frozen = [b for b in bars if " 0/" in b and b.endswith("?epoch/s]")]   # the state a bar has when it appears
    assert not frozen, f"progress bars stored at 0%: {frozen[:3]} (re-store with `python -m coursekit refresh`)"
