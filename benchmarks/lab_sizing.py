"""What one learner's kernel needs: peak memory and CPU time of each notebook, for sizing a lab (INSTRUCTORS.md §7).

Each notebook runs as `make course` runs it (papermill, full settings unless ``--fast``) into a temporary folder, the
source is never written. While it runs, the memory of the kernel process (and any process it starts) is sampled
every 0.2 s. Two peaks are reported: the resident set size (RSS), what a per-user memory limit must allow, and the
private part, RSS minus the file-backed pages (the libraries the kernel maps, PyTorch's above all): those pages sit
once in the page cache however many kernels map them, so 60 kernels need about 60 × the private peak plus the shared
part once. (The unique set size would not do: measured with one kernel alone, nothing shares its libraries, so its
USS is nearly its RSS.) CPU time is the kernel's user + system time of all its threads; wall time depends on how busy
the machine is, CPU time much less so.

    python benchmarks/lab_sizing.py                       # every notebook, full settings (about 20 minutes)
    python benchmarks/lab_sizing.py 06 08 16 --threads 1  # some notebooks, one thread per kernel (a shared server)
    python benchmarks/lab_sizing.py --out benchmarks/results/lab_sizing.md

Prints a Markdown table (and writes it to ``--out`` when given).
"""
from __future__ import annotations

import argparse
import os
import sys
import tempfile
import threading
import time
from pathlib import Path

import psutil

ROOT = Path(__file__).resolve().parent.parent


class KernelWatcher(threading.Thread):
    """Samples the process tree below this process; remembers the peak RSS of any ipykernel tree and its CPU time."""

    def __init__(self, every: float = 0.2):
        super().__init__(daemon=True)
        self.every, self.peak, self.peak_private, self.shared, self.cpu = every, 0, 0, 0, 0.0
        self.done = threading.Event()

    def _kernels(self):
        for p in psutil.Process().children(recursive=True):
            try:
                if "ipykernel" in " ".join(p.cmdline()):
                    yield p
            except psutil.Error:
                continue

    def run(self):
        while not self.done.is_set():
            for k in self._kernels():
                try:
                    tree = [k, *k.children(recursive=True)]
                    mem = [p.memory_info() for p in tree]
                    self.peak = max(self.peak, sum(m.rss for m in mem))
                    self.peak_private = max(self.peak_private, sum(m.rss - m.shared for m in mem))
                    self.shared = max(self.shared, sum(m.shared for m in mem))
                    t = k.cpu_times()
                    self.cpu = max(self.cpu, t.user + t.system + t.children_user + t.children_system)
                except psutil.Error:
                    continue
            time.sleep(self.every)


def measure(path: Path, fast: bool) -> dict:
    from coursekit.tooling.course import execute

    watcher = KernelWatcher()
    watcher.start()
    t0 = time.perf_counter()
    with tempfile.TemporaryDirectory() as tmp:
        execute(path, Path(tmp) / path.name, fast=fast, progress=False)
    wall = time.perf_counter() - t0
    watcher.done.set()
    watcher.join()
    return {"notebook": path.stem, "peak_mb": watcher.peak / 2**20, "private_mb": watcher.peak_private / 2**20,
            "shared_mb": watcher.shared / 2**20,
            "cpu_s": watcher.cpu, "wall_s": wall}


def table(rows, fast: bool, threads: str) -> str:
    head = (f"{HEAD} peak private (MB) | shared libraries (MB) | kernel CPU time (s) | "
            "wall time (s) |\n|---|---|---|---|---|---|\n")
    body = "".join(f"| {r['notebook']} | {r['peak_mb']:,.0f} | {r['private_mb']:,.0f} | {r['shared_mb']:,.0f} | "
                   f"{r['cpu_s']:.0f} | {r['wall_s']:.0f} |\n" for r in rows)
    peak = max(rows, key=lambda r: r["peak_mb"])
    note = (f"\n{'FAST' if fast else 'Full'} settings, {threads} thread(s) per kernel, {os.cpu_count()} cores. "
            f"Largest peak: {peak['notebook']} (RSS {peak['peak_mb']:,.0f} MB, private {peak['private_mb']:,.0f} MB); total CPU time "
            f"{sum(r['cpu_s'] for r in rows):,.0f} s.\n")
    return head + body + note


HEAD = "| notebook | kernel peak RSS (MB) |"


def write_table(path: Path, text: str) -> Path:
    """Write the table to ``path`` atomically; an existing file is replaced only if it is such a table itself."""
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from _record import write_atomic

    path = Path(path)
    if path.exists() and not path.read_text(encoding="utf-8").startswith(HEAD):
        raise SystemExit(f"{path} exists and is not a lab-sizing table: not overwritten (choose another --out)")
    return write_atomic(path, text)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("notebooks", nargs="*", help="numbers such as 06 08 (default: all)")
    ap.add_argument("--fast", action="store_true")
    ap.add_argument("--threads", default=os.environ.get("COURSEKIT_THREADS", "2"))
    ap.add_argument("--out", type=Path)
    args = ap.parse_args(argv)
    os.environ["COURSEKIT_THREADS"] = str(args.threads)
    os.environ["OMP_NUM_THREADS"] = str(args.threads)
    paths = sorted((ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb"))
    if args.notebooks:
        paths = [p for p in paths if p.name[:2] in args.notebooks]
    rows = []
    for p in paths:
        rows.append(measure(p, args.fast))
        r = rows[-1]
        print(f"{r['notebook']}: RSS {r['peak_mb']:,.0f} MB, private {r['private_mb']:,.0f} MB, CPU {r['cpu_s']:.0f} s, "
              f"wall {r['wall_s']:.0f} s", flush=True)
    text = table(rows, args.fast, args.threads)
    print(text)
    if args.out:
        write_table(args.out, text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
