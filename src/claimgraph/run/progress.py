"""Progress of a long run: total, done, rejected, skipped, rate and ETA.

On a terminal a rich bar; otherwise one log line every ``interval`` seconds (and a last one
at the end), so batch jobs and CI logs show where a run is. ``count_inputs`` counts the
inputs cheaply up front where it can: files in folders, lines of JSONL files; WARC files,
feeds, URLs and stdin make the total unknown.
"""

from __future__ import annotations

import glob
import time
from collections.abc import Iterable
from pathlib import Path
from typing import Any, TextIO

from claimgraph.ingest.files import walk
from claimgraph.ingest.sniff import kind_from_name
from claimgraph.model import Rejected

_CHUNK = 1 << 22


def _lines(path: Path, deadline: float) -> int | None:
    n = 0
    last = b"\n"
    with path.open("rb") as handle:
        while chunk := handle.read(_CHUNK):
            n += chunk.count(b"\n")
            last = chunk[-1:]
            if time.monotonic() > deadline:
                return None
    return n + (last != b"\n")


def _count_file(path: Path, deadline: float) -> int | None:
    kind = kind_from_name(path.name)
    if kind == "jsonl":
        return _lines(path, deadline)
    if kind in ("warc", "feed", "xml"):
        return None
    return 1


def count_inputs(specs: Iterable[str], budget: float = 2.0) -> int | None:
    """How many inputs ``specs`` hold, or None when that cannot be known within ``budget`` s."""
    deadline = time.monotonic() + budget
    total = 0
    for spec in specs:
        if spec == "-" or spec.lower().startswith(("http://", "https://")):
            return None
        path = Path(spec)
        if path.is_dir():
            files = walk(path)
        elif path.exists() or not set("*?[") & set(spec):
            files = [path]
        else:
            files = []
            for match in sorted(glob.glob(spec, recursive=True)):
                files.extend(walk(Path(match)) if Path(match).is_dir() else [Path(match)])
            files = files or [path]  # an unmatched pattern is one rejection
        for item in files:
            try:
                n = _count_file(item, deadline) if item.is_file() else 1
            except OSError:
                n = 1
            if n is None or time.monotonic() > deadline:
                return None
            total += n
    return total


def _duration(seconds: float) -> str:
    seconds = int(seconds)
    if seconds < 60:
        return f"{seconds} s"
    if seconds < 3600:
        return f"{seconds // 60} min {seconds % 60:02d} s"
    return f"{seconds // 3600} h {seconds % 3600 // 60:02d} min"


class RunProgress:
    """Counts results as they come and shows them (rich bar, or periodic log lines)."""

    def __init__(self, total: int | None, *, terminal: bool, stream: TextIO, console: Any = None,
                 interval: float = 30.0) -> None:
        self.total = total
        self.done = self.rejected = self.skipped = 0
        self.terminal = terminal
        self.stream = stream
        self.interval = interval
        self.started = time.monotonic()
        self._last_log = self.started
        self._bar: Any = None
        if terminal:
            from rich.progress import (
                BarColumn,
                MofNCompleteColumn,
                Progress,
                SpinnerColumn,
                TextColumn,
                TimeElapsedColumn,
            )

            self._bar = Progress(
                SpinnerColumn(), TextColumn("analysing"), BarColumn(), MofNCompleteColumn(),
                TextColumn("{task.fields[rejected]} rejected, {task.fields[skipped]} skipped"),
                TextColumn("{task.fields[rate]}"), TimeElapsedColumn(), TextColumn("{task.fields[eta]}"),
                console=console, transient=True)
            self._task = self._bar.add_task("analyse", total=total, rejected=0, skipped=0, rate="",
                                            eta="")
            self._bar.start()

    @property
    def rate(self) -> float:
        """Inputs analysed (not skipped) per second."""
        elapsed = time.monotonic() - self.started
        return (self.done - self.skipped) / elapsed if elapsed > 0 else 0.0

    def eta(self) -> float | None:
        if self.total is None or self.rate <= 0:
            return None
        return max(self.total - self.done, 0) / self.rate

    def advance(self, result: Any) -> None:
        self.done += 1
        self.rejected += isinstance(result, Rejected)
        self._update()

    def skip(self, _doc_id: str = "") -> None:
        self.done += 1
        self.skipped += 1
        self._update()

    def line(self, final: bool = False) -> str:
        total = "?" if self.total is None else str(self.total)
        eta = None if final else self.eta()
        return (f"progress: {self.done}/{total} done, {self.rejected} rejected, "
                f"{self.skipped} skipped, {self.rate:.2f} input/s"
                + ("" if eta is None else f", ETA {_duration(eta)}"))

    def _update(self) -> None:
        if self._bar is not None:
            total = self.total if self.total is None or self.total >= self.done else None
            eta = self.eta()  # from the inputs analysed, not the instant skips
            self._bar.update(self._task, completed=self.done, total=total, rejected=self.rejected,
                             skipped=self.skipped, rate=f"{self.rate:.2f}/s",
                             eta="" if eta is None else f"ETA {_duration(eta)}")
            return
        now = time.monotonic()
        if now - self._last_log >= self.interval:
            self._last_log = now
            print(self.line(), file=self.stream, flush=True)

    def stop(self) -> None:
        if self._bar is not None:
            self._bar.stop()
        elif self.done:
            print(self.line(final=True).replace("progress:", "finished:"), file=self.stream, flush=True)
