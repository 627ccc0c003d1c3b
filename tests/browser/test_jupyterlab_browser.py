"""JupyterLab in headless Chromium: open notebook 00, run its first cells from the keyboard, check that
the outputs appear and that Chromium draws the Hindi text with a Devanagari font."""
import hashlib
import json
import os
import secrets
import subprocess
import sys
import time
import urllib.request

import pytest
from browser_helpers import ROOT, free_port, platform_fonts

pytestmark = [pytest.mark.browser, pytest.mark.timeout(300)]
NOTEBOOK = ROOT / "notebooks" / "00_welcome.ipynb"


def _cells_to_run() -> int:
    """Shift+Enter presses from the first cell up to and including the third code cell (the Colab/Kaggle set-up
    cell, the environment check, the first maths)."""
    import nbformat

    cells = nbformat.read(NOTEBOOK, as_version=4).cells
    return [i for i, c in enumerate(cells) if c.cell_type == "code"][2] + 1


@pytest.fixture
def jupyterlab(tmp_path):
    """JupyterLab on 127.0.0.1 at the course root, autosave off, its own settings and runtime folders."""
    port, token = free_port(), secrets.token_hex(16)
    settings = tmp_path / "settings"
    for plugin, values in {"docmanager-extension/plugin": {"autosave": False},
                           "notebook-extension/tracker": {"windowingMode": "none"},   # every cell rendered
                           "apputils-extension/notification": {"fetchNews": "false", "checkForUpdates": False}
                           }.items():
        path = settings / "@jupyterlab" / f"{plugin}.jupyterlab-settings"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(values))
    env = dict(os.environ, JUPYTER_RUNTIME_DIR=str(tmp_path / "runtime"), JUPYTERLAB_WORKSPACES_DIR=str(tmp_path))
    log = (tmp_path / "jupyterlab.log").open("wb")
    before = hashlib.sha256(NOTEBOOK.read_bytes()).hexdigest()
    server = subprocess.Popen(
        [sys.executable, "-m", "jupyter", "lab", "--no-browser", "--ServerApp.ip=127.0.0.1", f"--ServerApp.port={port}",
         f"--ServerApp.token={token}", f"--ServerApp.root_dir={ROOT}", f"--LabApp.user_settings_dir={settings}",
         f"--LabApp.workspaces_dir={tmp_path / 'workspaces'}", "--LabApp.news_url=",
         "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate", "--LabApp.expose_app_in_browser=True",
         *(["--allow-root"] if hasattr(os, "geteuid") and os.geteuid() == 0 else [])],
        cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    try:
        for _ in range(120):
            try:
                urllib.request.urlopen(f"{url}/api/status?token={token}", timeout=2)
                break
            except OSError:
                if server.poll() is not None:
                    pytest.fail("JupyterLab did not start:\n" + (tmp_path / "jupyterlab.log").read_text()[-3000:])
                time.sleep(0.5)
        yield url, token
    finally:
        server.terminate()
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            server.kill()
        log.close()
        assert hashlib.sha256(NOTEBOOK.read_bytes()).hexdigest() == before, "the test changed notebooks/00_welcome.ipynb"


def test_jupyterlab_runs_welcome_notebook_with_hindi_font(context, jupyterlab, artifacts):
    url, token = jupyterlab
    page = context.new_page()
    page.goto(f"{url}/lab/tree/notebooks/00_welcome.ipynb?token={token}", wait_until="load")
    config = json.loads(page.locator("#jupyter-config-data").text_content())
    assert "jupyterlab-rise" in {e["name"] for e in config.get("federated_extensions", [])}
    cells = page.locator(".jp-NotebookPanel .jp-Notebook .jp-Cell")
    cells.nth(_cells_to_run()).wait_for(state="attached", timeout=90_000)
    page.wait_for_function("() => document.querySelector('.jp-NotebookPanel .jp-Notebook-ExecutionIndicator')"
                           " ?.getAttribute('data-status') === 'idle'", timeout=90_000)
    # start from a clean slate, so that every output seen below comes from this run
    page.evaluate("() => window.jupyterapp.commands.execute('notebook:clear-all-cell-outputs')")
    page.wait_for_function("() => document.querySelectorAll('.jp-NotebookPanel .jp-OutputArea-output').length === 0")

    cells.nth(0).locator(".jp-InputPrompt").click()
    page.keyboard.press("Escape")
    for _ in range(_cells_to_run()):
        page.keyboard.press("Shift+Enter")
    code_cells = page.locator(".jp-NotebookPanel .jp-Notebook .jp-CodeCell")
    setup_cell, env_cell, maths_cell = code_cells.nth(0), code_cells.nth(1), code_cells.nth(2)
    env_cell.locator(".jp-OutputArea-output").wait_for(timeout=120_000)
    maths_cell.locator(".jp-OutputArea-output >> text=x @ w =").wait_for(timeout=120_000)
    out = env_cell.locator(".jp-OutputArea-output").inner_text()
    assert "torch:" in out and "device:" in out and "matplotlib:" in out, out
    assert "tensor([-1.5000, -2.5000])" in maths_cell.inner_text()
    assert setup_cell.locator(".jp-InputPrompt").inner_text().strip() == "[1]:"   # ran, and said nothing here
    assert setup_cell.locator(".jp-OutputArea-output").count() == 0
    assert env_cell.locator(".jp-InputPrompt").inner_text().strip() == "[2]:"
    assert page.locator(".jp-NotebookPanel .jp-OutputArea-output[data-mime-type='application/vnd.jupyter.stderr']"
                        ).count() == 0

    env_cell.scroll_into_view_if_needed()
    page.wait_for_timeout(500)
    page.screenshot(path=str(artifacts / "jupyterlab_00_outputs.png"))

    # the Hindi heading of section 1 is drawn with a Devanagari font
    section = cells.filter(has_text="course के विषय").first
    section.scroll_into_view_if_needed()
    heading = section.locator("h2")
    heading.wait_for(state="visible")
    heading.evaluate("el => el.scrollIntoView({block: 'center'})")
    page.wait_for_timeout(500)
    page.screenshot(path=str(artifacts / "jupyterlab_00_hindi.png"))
    assert "course के विषय" in heading.inner_text()
    heading.evaluate("el => el.setAttribute('data-test-hindi', '1')")
    fonts = platform_fonts(page, "[data-test-hindi]")
    deva = [f for f in fonts if "Devanagari" in f["familyName"] or "Lohit" in f["familyName"]]
    assert deva and sum(f["glyphCount"] for f in deva) >= 8, fonts
    external = context.request_log.external()
    assert external == [], external


KERNEL_STATUS = ("() => window.jupyterapp.shell.currentWidget?.sessionContext?.session?.kernel?.status"
                 " ?? 'no kernel'")


def _open(context, url, token, path):
    """Open a notebook and wait until its kernel has started and is idle (not only the toolbar's indicator)."""
    page = context.new_page()
    page.goto(f"{url}/lab/tree/{path}?token={token}", wait_until="load")
    page.locator(".jp-NotebookPanel .jp-Notebook .jp-Cell").nth(3).wait_for(state="attached", timeout=90_000)
    page.wait_for_function(f"() => ({KERNEL_STATUS})() === 'idle'", timeout=120_000)
    return page


def _run_cell(page, cell, source=None):
    """Run one cell (optionally with new source typed in, never saved: autosave is off). A key press that a
    notification or a slow editor swallowed is noticed and the cell is run through JupyterLab's own command."""
    cell.scroll_into_view_if_needed()
    cell.locator(".jp-InputPrompt").click()
    if source is not None:
        page.keyboard.press("Enter")
        page.keyboard.press("Control+A")
        page.keyboard.insert_text(source)
        page.keyboard.press("Escape")
        last_line = source.splitlines()[-1]
        page.wait_for_function("([el, text]) => el.querySelector('.jp-InputArea-editor').innerText.includes(text)",
                               arg=[cell.element_handle(), last_line], timeout=30_000)
    page.keyboard.press("Shift+Enter")
    prompt = cell.locator(".jp-InputPrompt")
    try:
        page.wait_for_function("(el) => /\\[(\\*|\\d+)\\]/.test(el.innerText)", arg=prompt.element_handle(),
                               timeout=15_000)
    except Exception:           # Shift+Enter went elsewhere: select the cell and run it by command
        cell.locator(".jp-InputPrompt").click()
        page.evaluate("() => window.jupyterapp.commands.execute('notebook:run-cell')")


def _diagnose(page, artifacts, name) -> str:
    """A screenshot and the kernel's state, for a test that waited in vain."""
    page.screenshot(path=str(artifacts / f"{name}_failure.png"))
    return f"kernel: {page.evaluate(KERNEL_STATUS)}; screenshot: {artifacts / f'{name}_failure.png'}"


def test_an_exercise_cell_sets_itself_up_and_hints_show_typeset_maths(context, jupyterlab, artifacts):
    """A learner who (re)starts the kernel and runs a question cell first gets feedback, not a NameError; a hint
    with $…$ is typeset by MathJax, not printed as raw TeX."""
    url, token = jupyterlab
    page = _open(context, url, token, "exercises/01_deep_neural_networks.ipynb")
    code = page.locator(".jp-NotebookPanel .jp-Notebook .jp-CodeCell")
    q3 = code.nth(4)                      # cell 0 is the Colab/Kaggle set-up, cell 1 the imports, q1 … follow
    assert "q3.check" in q3.inner_text()
    _run_cell(page, q3, "from coursekit.exercises.sets.ex01 import *\nq3.check(True)\nq3.hint()")
    out = q3.locator(".jp-OutputArea-output")
    try:
        out.last.wait_for(timeout=120_000)
    except Exception as exc:
        pytest.fail(f"no output under the exercise cell: {_diagnose(page, artifacts, 'jupyterlab_exercise')}; {exc}")
    page.wait_for_function("(n) => document.querySelectorAll('.jp-CodeCell')[n].querySelector('mjx-container')",
                           arg=4, timeout=60_000)
    text = q3.locator(".jp-OutputArea").inner_text()
    assert "NameError" not in text and "q3" in text and "$W_2" not in text, text
    q3.scroll_into_view_if_needed()
    page.screenshot(path=str(artifacts / "jupyterlab_exercise_hint_maths.png"))


def test_instructor_notes_are_collapsed_for_a_learner(context, jupyterlab, artifacts):
    url, token = jupyterlab
    page = _open(context, url, token, "notebooks/00_welcome.ipynb")
    notes = page.locator(".jp-NotebookPanel .jp-MarkdownCell", has_text="शिक्षक के लिए")
    assert notes.count() == 0 or not notes.first.locator(".jp-RenderedMarkdown").is_visible()
    assert page.locator(".jp-NotebookPanel .jp-Cell .jp-InputPlaceholder").count() >= 6
    page.screenshot(path=str(artifacts / "jupyterlab_00_notes_collapsed.png"))
