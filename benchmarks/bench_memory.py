"""Peak memory on a large generated JSONL: inputs are streamed, never held in memory.

    python benchmarks/bench_memory.py                 # 2 GB file; clean pass + 2-worker run
    python benchmarks/bench_memory.py --gb 0.2 --seconds 60

Writes a JSONL of ``--gb`` gigabytes into a temporary folder (never into the repository):
real news texts loaded at run time from $CLAIMGRAPH_DATASETS (fr-dev, en-stance-dev,
polnear-dev), repeated with a line number added so that every line is another document.
Then, polling the resident memory of the run's whole process tree (/proc) twice a second:

- clean: ``claimgraph analyze FILE --upto clean --no-store`` over the file (every line read,
  decoded, cleaned and dropped), stopped after ``--clean-seconds`` if it has not finished
  (a reader that held the file would reach its peak in the first seconds);
- workers: ``claimgraph analyze FILE --workers 2 --no-link`` into a fresh SQLite store,
  stopped after ``--seconds`` (the full pipeline cannot go through 2 GB on this machine in
  a benchmark's time; what matters is that memory stays flat while the file is read).

Prints peak RSS per process (the main process and each worker) in MB; the goal of the issue
is <= 1.5 GB per worker.
"""

from __future__ import annotations

import argparse
import json
import os
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

SETS = ["fr-dev/fr-dev.jsonl", "en-stance-dev/en-stance-dev.jsonl", "polnear-dev/polnear-dev.jsonl"]


def _texts() -> list[dict[str, str]]:
    root = Path(os.environ.get("CLAIMGRAPH_DATASETS", Path(__file__).parents[2] / "shared" / "datasets"))
    rows = []
    for name in SETS:
        for line in (root / name).read_text(encoding="utf-8").splitlines():
            rec = json.loads(line)
            rows.append({"text": rec["text"], "language": rec.get("lang") or "en"})
    return rows


def write_big(path: Path, gb: float) -> int:
    rows, limit, n, size = _texts(), int(gb * 1024**3), 0, 0
    with path.open("w", encoding="utf-8") as fh:
        while size < limit:
            row = rows[n % len(rows)]
            line = json.dumps({"id": f"big-{n}", "title": f"Item {n}",
                               "text": f"{row['text']}\n\n(copy {n})",
                               "language": row["language"]}, ensure_ascii=False) + "\n"
            fh.write(line)
            size += len(line.encode("utf-8"))
            n += 1
    return n


def _tree(pid: int) -> list[int]:
    """``pid`` and its descendants, from /proc."""
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                ppid = int(Path(f"/proc/{entry}/stat").read_text().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue
            children.setdefault(ppid, []).append(int(entry))
    out, todo = [], [pid]
    while todo:
        p = todo.pop()
        out.append(p)
        todo.extend(children.get(p, []))
    return out


def _rss_mb(pid: int) -> float:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def run(cmd: list[str], seconds: float | None) -> tuple[dict[int, float], str, float]:
    """Run ``cmd``, polling its process tree; peak MB per pid, output tail, wall seconds."""
    t0 = time.monotonic()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
                            start_new_session=True)
    peaks: dict[int, float] = {}
    while proc.poll() is None:
        for pid in _tree(proc.pid):
            peaks[pid] = max(peaks.get(pid, 0.0), _rss_mb(pid))
        if seconds is not None and time.monotonic() - t0 > seconds:
            os.killpg(proc.pid, signal.SIGINT)
            try:
                proc.wait(timeout=60)
            except subprocess.TimeoutExpired:
                os.killpg(proc.pid, signal.SIGKILL)
            break
        time.sleep(0.5)
    err = proc.stderr.read() if proc.stderr else ""
    proc.wait()
    return peaks, "\n".join(err.strip().splitlines()[-3:]), time.monotonic() - t0


def _report(name: str, main_pid_first: dict[int, float], tail: str, wall: float) -> None:
    pids = list(main_pid_first)
    print(f"{name}: {wall:.0f} s; peak RSS main {main_pid_first[pids[0]]:.0f} MB"
          + "".join(f", child {i} {main_pid_first[p]:.0f} MB" for i, p in enumerate(pids[1:], 1)
                    if main_pid_first[p] > 50))
    print("  " + tail.replace("\n", "\n  "))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--gb", type=float, default=2.0)
    ap.add_argument("--seconds", type=float, default=180.0, help="length of the 2-worker run")
    ap.add_argument("--clean-seconds", type=float, default=600.0, help="bound of the clean pass")
    ap.add_argument("--only", default="clean,workers")
    opts = ap.parse_args()
    cli = [sys.executable, "-m", "claimgraph.cli"]
    with tempfile.TemporaryDirectory(prefix="claimgraph-mem-") as tmp:
        big = Path(tmp) / "big.jsonl"
        t0 = time.monotonic()
        n = write_big(big, opts.gb)
        print(f"generated {big.stat().st_size / 1024**3:.2f} GB, {n} lines in "
              f"{time.monotonic() - t0:.0f} s")
        if "clean" in opts.only:
            _report("clean pass", *run([*cli, "analyze", str(big), "--upto", "clean",
                                        "--no-store", "--format", "none"], opts.clean_seconds))
        if "workers" in opts.only:
            db = f"sqlite:///{Path(tmp) / 'mem.db'}"
            _report(f"2 workers, full pipeline, stopped after {opts.seconds:.0f} s",
                    *run([*cli, "--db", db, "analyze", str(big), "--workers", "2", "--no-link"],
                         opts.seconds))


if __name__ == "__main__":
    main()
