"""Progress bars in stored notebooks show their finished state.

A tqdm bar in a notebook is a widget. Its stored output keeps only the text it had when it appeared
("0% | 0/12"), and JupyterLab shows that text when it does not restore the saved widget state, so every
training would look stalled at 0% to someone reading before running. :func:`finish_progress_bars` rewrites
that text from the widget state saved in the notebook's metadata: "T = 5 RNN: 100% | 12/12 [00:02, loss=…]".
"""
from __future__ import annotations

import html

VIEW = "application/vnd.jupyter.widget-view+json"
STATE = "application/vnd.jupyter.widget-state+json"


def _text(state: dict, model_id: str) -> str | None:
    """The text of a tqdm bar (an HBox of HTML, FloatProgress, HTML) from the saved widget state."""
    box = state.get(model_id, {})
    if box.get("model_name") != "HBoxModel":
        return None
    parts = []
    for child in box.get("state", {}).get("children", []):
        model = state.get(child.replace("IPY_MODEL_", ""), {})
        s = model.get("state", {})
        if model.get("model_name") == "HTMLModel":
            parts.append(html.unescape(s.get("value", "")).replace("\u2007", " "))
        elif model.get("model_name") == "FloatProgressModel":
            total = s.get("max") or 0
            filled = round(10 * s.get("value", 0) / total) if total else 0
            parts.append("|" + "█" * filled + " " * (10 - filled) + "|")
    return "".join(parts).strip() or None


def finish_progress_bars(nb) -> int:
    """Set the plain-text form of every stored progress-bar output to its final state; returns how many."""
    state = nb.get("metadata", {}).get("widgets", {}).get(STATE, {}).get("state", {})
    changed = 0
    for cell in nb.get("cells", []):
        for out in cell.get("outputs", []) if cell.get("cell_type") == "code" else []:
            view = out.get("data", {}).get(VIEW)
            if not view:
                continue
            text = _text(state, view.get("model_id", ""))
            if text and out["data"].get("text/plain") != text:
                out["data"]["text/plain"] = text
                changed += 1
    return changed
