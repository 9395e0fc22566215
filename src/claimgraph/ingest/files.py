"""Local inputs: files, directories, glob patterns and standard input."""

from __future__ import annotations

import glob
import io
import os
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from claimgraph.config import Config
from claimgraph.errors import RejectedInput
from claimgraph.ingest.decode import check_binary
from claimgraph.ingest.document import Result, from_bytes, rejected, too_large
from claimgraph.ingest.feed import read_feed
from claimgraph.ingest.jsonl import read_jsonl
from claimgraph.ingest.sniff import HEAD_BYTES, Kind, buffered, kind_from_name, sniff_kind
from claimgraph.ingest.warc import read_warc
from claimgraph.model import Origin

_GLOB_CHARS = frozenset("*?[")


def walk(directory: Path) -> list[Path]:
    """Files under ``directory``, recursively, sorted, skipping hidden files and folders."""
    found: list[Path] = []
    for root, dirs, names in os.walk(directory):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        found.extend(Path(root, n) for n in names if not n.startswith("."))
    return sorted(found, key=lambda p: p.relative_to(directory).parts)


def read_data(
    data: bytes, kind: Kind, origin: Origin, config: Config, spec: str
) -> Iterator[Result]:
    """Dispatch bytes read whole to the reader of their kind."""
    path = origin.path
    if kind == "feed":
        yield from read_feed(data, path=path)
    elif kind == "jsonl":
        yield from read_jsonl(io.BytesIO(data), path=path, config=config)
    elif kind == "warc":
        yield from read_warc(io.BytesIO(data), path=path, config=config, spec=spec)
    elif kind == "xml":
        detail = "XML that is neither an RSS/Atom feed nor XHTML"
        yield rejected("unsupported_type", detail, origin, data)
    else:
        content_type = {"html": "text/html", "text": "text/plain"}.get(kind)
        try:
            yield from_bytes(data, origin, content_type, config)
        except RejectedInput as exc:
            yield rejected(exc.reason, exc.detail, origin, data)


def _stream(
    stream: BinaryIO, kind: Kind, path: str, config: Config, spec: str
) -> Iterator[Result] | None:
    """A streaming reader for JSONL and WARC (their limits apply per line/record)."""
    if kind == "jsonl":
        return read_jsonl(stream, path=path, config=config)
    if kind == "warc":
        return read_warc(stream, path=path, config=config, spec=spec)
    return None


def read_file(path: Path, config: Config) -> Iterator[Result]:
    """The documents of one file, by extension or, failing that, by content.

    The size limit is checked with stat before reading, except for JSONL and WARC, which
    are streamed with the limit applied to each line or record.
    """
    spec = str(path)
    origin = Origin(kind="file", path=spec)
    kind = kind_from_name(path.name)
    try:
        size = path.stat().st_size
        if kind not in (None, "xml", "jsonl", "warc") and size > config.max_bytes:
            exc = too_large(size, config.max_bytes, spec)
            yield rejected(exc.reason, exc.detail, origin, spec=spec)
            return
        with path.open("rb") as handle:
            head = handle.read(HEAD_BYTES)
            if kind is None or kind == "xml":
                sniffed = sniff_kind(head)
                kind = "xml" if kind == "xml" and sniffed == "text" else sniffed
            if kind == "jsonl":
                check_binary(head)
            reader = _stream(buffered(head, handle), kind, spec, config, spec)
            if reader is not None:
                yield from reader
                return
            if size > config.max_bytes:
                raise too_large(size, config.max_bytes, spec)
            data = head + handle.read(max(config.max_bytes + 1 - len(head), 0))
            if len(data) > config.max_bytes:  # a pipe or a growing file
                raise too_large(f"over {config.max_bytes}", config.max_bytes, spec)
    except FileNotFoundError:
        yield rejected("not_found", f"no such file: {spec}", origin, spec=spec)
        return
    except RejectedInput as exc:
        yield rejected(exc.reason, exc.detail, origin, spec=spec)
        return
    except OSError as exc:
        yield rejected("error", f"cannot read {spec}: {exc.strerror or exc}", origin, spec=spec)
        return
    yield from read_data(data, kind, origin, config, spec)


def read_stdin(stream: BinaryIO, config: Config) -> Iterator[Result]:
    """The documents on standard input (any kind, sniffed from its first bytes)."""
    origin = Origin(kind="stdin", path="-")
    head = stream.read(HEAD_BYTES)
    kind = sniff_kind(head)
    reader = _stream(buffered(head, stream), kind, "-", config, "-")
    if reader is not None:
        yield from reader
        return
    limit = config.max_bytes
    data = head + stream.read(max(limit + 1 - len(head), 0))
    if len(data) > limit:
        exc = too_large(f"over {limit}", limit, "standard input (reading stopped)")
        yield rejected(exc.reason, exc.detail, origin, spec="-")
        return
    yield from read_data(data, kind, origin, config, "-")


def guarded_file(path: Path, config: Config) -> Iterator[Result]:
    """``read_file``, with an unexpected failure becoming a rejection of that file only."""
    try:
        yield from read_file(path, config)
    except Exception as exc:  # noqa: BLE001 - one bad file never stops a directory
        spec = str(path)
        yield rejected("error", f"{spec}: {type(exc).__name__}: {exc}",
                       Origin(kind="file", path=spec), spec=spec)


def read_spec(spec: str, config: Config) -> Iterator[Result]:
    """A path, a directory (recursive) or a glob pattern."""
    path = Path(spec)
    if path.is_dir():
        for item in walk(path):
            yield from guarded_file(item, config)
        return
    if path.exists() or not _GLOB_CHARS.intersection(spec):
        yield from guarded_file(path, config)
        return
    matches = sorted(glob.glob(spec, recursive=True))
    if not matches:
        origin = Origin(kind="file", path=spec)
        yield rejected("not_found", f"no file matches the pattern {spec}", origin, spec=spec)
        return
    for match in matches:
        item = Path(match)
        if item.is_dir():
            for inner in walk(item):
                yield from guarded_file(inner, config)
        else:
            yield from guarded_file(item, config)
