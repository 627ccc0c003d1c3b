"""benchmarks/lab_sizing.py: the memory watcher sees a kernel's private memory, and the table says what it measured."""
import importlib.util
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _load():
    spec = importlib.util.spec_from_file_location("lab_sizing", ROOT / "benchmarks" / "lab_sizing.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def test_watcher_counts_a_kernels_private_memory():
    lab = _load()
    watcher = lab.KernelWatcher(every=0.05)
    watcher.start()
    # a stand-in kernel: "ipykernel" in its command line, 300 MB of its own (anonymous, written) memory
    code = "import time; b = bytearray(300 * 2**20); time.sleep(1.0)"
    subprocess.run([sys.executable, "-c", code, "ipykernel"], check=True)
    time.sleep(0.1)
    watcher.done.set()
    watcher.join()
    assert watcher.peak_private >= 290 * 2**20                      # the bytearray is private, not shared
    assert watcher.peak >= watcher.peak_private + watcher.shared // 2
    assert watcher.cpu > 0


def test_table_names_the_largest_kernel_and_the_settings():
    lab = _load()
    rows = [{"notebook": "00_welcome", "peak_mb": 748.0, "private_mb": 413.0, "shared_mb": 339.0, "cpu_s": 4.2,
             "wall_s": 5.0},
            {"notebook": "08_famous_cnn_architectures", "peak_mb": 2547.0, "private_mb": 2202.0, "shared_mb": 350.0,
             "cpu_s": 103.0, "wall_s": 108.0}]
    text = lab.table(rows, fast=False, threads="1")
    assert "| 08_famous_cnn_architectures | 2,547 | 2,202 | 350 | 103 | 108 |" in text
    assert "Full settings, 1 thread(s) per kernel" in text
    assert "Largest peak: 08_famous_cnn_architectures (RSS 2,547 MB, private 2,202 MB); total CPU time 107 s" in text


def test_out_replaces_only_a_lab_sizing_table(tmp_path):
    lab = _load()
    rows = [{"notebook": "00_welcome", "peak_mb": 1.0, "private_mb": 1.0, "shared_mb": 0.0, "cpu_s": 1.0,
             "wall_s": 1.0}]
    table = lab.table(rows, fast=True, threads="1")
    out = tmp_path / "sizing.md"
    lab.write_table(out, table)
    lab.write_table(out, table.replace("00_welcome", "01_again"))      # its own table: replaced
    assert "01_again" in out.read_text(encoding="utf-8")
    notes = tmp_path / "notes.md"
    notes.write_text("an author's notes\n", encoding="utf-8")
    try:
        lab.write_table(notes, table)
        raise AssertionError("an author's file was overwritten")
    except SystemExit as stop:
        assert "not overwritten" in str(stop)
    assert notes.read_text(encoding="utf-8") == "an author's notes\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notes.md", "sizing.md"]     # no temporary file left
